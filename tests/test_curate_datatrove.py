"""``curate.executor: datatrove``: hfsynth's own steps run as datatrove tasks remove exactly the rows
``executor: local`` removes; a failed run leaves the previous outputs and a rerun gives the same."""

import json
import os
import sys

import pytest

pytest.importorskip("datatrove")

from hfsynth.context import StageContext  # noqa: E402
from hfsynth.curate import batch as curate_batch  # noqa: E402
from hfsynth.curate.stage import curate_stage  # noqa: E402
from hfsynth.errors import HfsynthError  # noqa: E402
from hfsynth.rundir import RunDir  # noqa: E402
from helpers import assert_user_error, kill_group, run_cli, run_cli_in_process, start_paused  # noqa: E402
from test_curate_stage import FUNC_C, fenced, make_recipe, row, write_shard  # noqa: E402
from test_curate_streaming import _outputs, _write_raw, failing_on  # noqa: E402


def _curate(tmp_path, name, **curate):
    recipe, run_dir = make_recipe(tmp_path / name, **curate)
    _write_raw(run_dir.path)  # 12 shards over two splits, exact and near copies, one contaminated row
    curate_stage(StageContext(recipe, run_dir))
    return _outputs(run_dir), run_dir


@pytest.fixture(scope="module")
def local_outputs(tmp_path_factory):
    return _curate(tmp_path_factory.mktemp("local"), "local", batch_size=3, workers=1)[0]


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_two_datatrove_tasks_on_two_workers_remove_what_local_removes(tmp_path, local_outputs):
    outputs, run_dir = _curate(
        tmp_path, "dt", batch_size=3, executor="datatrove", datatrove={"executor": "local", "tasks": 2, "workers": 2}
    )
    assert outputs == local_outputs  # data/ rows in order, funnel.json, rejected.jsonl, decontamination.jsonl
    data, funnel, rejected, _ = outputs
    steps = {s["name"]: s["removed"] for s in funnel["steps"]}
    assert steps["exact_dedup"] > 0 and steps["near_dedup"] > 0 and steps["decontaminate"] == 1
    assert not run_dir.curate_work.exists()


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_a_failed_task_leaves_outputs_as_they_were_and_a_rerun_gives_the_same(tmp_path, monkeypatch, local_outputs):
    settings = {"executor": "datatrove", "batch_size": 3, "datatrove": {"tasks": 2, "workers": 1}}  # one worker: tasks run here
    recipe, run_dir = make_recipe(tmp_path, **settings)
    _write_raw(run_dir.path)
    curate_stage(StageContext(make_recipe(tmp_path, batch_size=3, workers=1)[0], run_dir))  # outputs of an earlier local run
    before = _outputs(run_dir)
    assert before == local_outputs
    train_bytes = run_dir.split_file("train").read_bytes()

    finish = curate_batch.finish_batch
    monkeypatch.setattr(curate_batch, "finish_batch", failing_on(5, finish, RuntimeError("node lost")))
    with pytest.raises((HfsynthError, RuntimeError)):
        curate_stage(StageContext(recipe, run_dir))
    assert _outputs(run_dir) == before
    left = sorted(p.name for p in run_dir.curate_work.iterdir())
    assert left == ["datatrove"]  # only the logs of the failed run stay, to read
    assert "node lost" in (run_dir.curate_work / "datatrove" / "finish" / "logs" / "task_00000.log").read_text()
    monkeypatch.setattr(curate_batch, "finish_batch", finish)
    curate_stage(StageContext(recipe, run_dir))
    assert _outputs(run_dir) == before and run_dir.split_file("train").read_bytes() == train_bytes
    assert not run_dir.curate_work.exists()


@pytest.mark.slow
def test_a_run_killed_mid_task_leaves_outputs_as_they_were_and_a_rerun_gives_the_same(tmp_path, write_recipe, local_outputs):
    run = tmp_path / "run"
    path = write_recipe({
        "name": "t", "output_dir": str(run), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"},
        "curate": {"execution": {"enabled": False}, "secrets": {"enabled": False}, "batch_size": 3, "executor": "datatrove",
                   "datatrove": {"executor": "local", "tasks": 2, "workers": 2}},
    })
    _write_raw(run)
    proc = run_cli(["curate", str(path)])
    assert proc.returncode == 0, proc.stderr
    before = _outputs(RunDir(run))
    assert before == local_outputs
    kill_group(start_paused(["curate", str(path), "--force"], "curate_finish_batch", 2, tmp_path / "paused"))
    assert _outputs(RunDir(run)) == before  # killed with half the finish tasks done: nothing renamed into place
    proc = run_cli(["curate", str(path), "--force"])
    assert proc.returncode == 0, proc.stderr
    assert _outputs(RunDir(run)) == before and not RunDir(run).curate_work.exists()


def test_input_rows_are_spilled_for_the_tasks(tmp_path, write_recipe):
    """``hfsynth curate --input``: rows held by this process reach the tasks as shards in the work folder."""
    rows = tmp_path / "rows.jsonl"
    functions = [f"def f{i}(values):\n    return [v * {i} + {i * 7} for v in values if v > {i}]\n" for i in range(5)]
    lines = [{"id": f"r{i}", "instruction": f"Write a Python function `f{i % 5}` that scales the values above a bound.", "response": f"```python\n{functions[i % 5]}```"} for i in range(8)]
    rows.write_text("".join(json.dumps(line) + "\n" for line in lines))
    results = []
    for executor in ("local", "datatrove"):
        extra = {"datatrove": {"tasks": 2, "workers": 1}} if executor == "datatrove" else {}
        recipe, run_dir = make_recipe(tmp_path / executor, batch_size=2, executor=executor, **extra)
        curate_stage(StageContext(recipe, run_dir, input=str(rows)))
        results.append(_outputs(run_dir))
    assert results[0] == results[1]
    assert [json.loads(line)["id"] for line in results[0][2].splitlines()] == ["r5", "r6", "r7"]  # exact copies of r0-r2


@pytest.mark.parametrize(
    "curate, fragment",
    [
        ({"executor": "datatrove", "datatrove": {"executor": "spark"}}, "curate.datatrove.executor"),
        ({"executor": "datatrove", "datatrove": {"tasks": 0}}, "curate.datatrove.tasks"),
        ({"executor": "datatrove", "datatrove": {"executor": "slurm"}}, "needs slurm.partition"),
        ({"executor": "datatrove", "datatrove": {"slurm": {"partiton": "cpu"}}}, "did you mean 'partition'"),
        ({"datatrove": {"tasks": 2}}, "executor is 'local'"),
    ],
)
def test_bad_datatrove_settings_are_refused_in_one_line(tmp_path, write_recipe, curate, fragment, capsys):
    path = write_recipe({"name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"}, "curate": curate})
    _write_raw(tmp_path / "run")
    proc = run_cli_in_process(["curate", str(path)], capsys)
    assert_user_error(proc, fragment)
    assert not (tmp_path / "run" / "data").exists()


def test_without_datatrove_installed_the_command_says_how_to_get_it(tmp_path, write_recipe):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(
        "import sys\nclass _NoDatatrove:\n    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'datatrove' or name.startswith('datatrove.'):\n            raise ModuleNotFoundError(name)\n"
        "sys.meta_path.insert(0, _NoDatatrove())\n"
    )
    path = write_recipe({"name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"},
                         "curate": {"executor": "datatrove"}})
    _write_raw(tmp_path / "run")
    proc = run_cli(["curate", str(path)], env={"PYTHONPATH": f"{blocker}:{os.environ.get('PYTHONPATH', '')}"})
    assert_user_error(proc, "pip install 'hfsynth[cluster]'")


@pytest.mark.slow
def test_ray_on_a_local_instance_removes_what_local_removes(tmp_path, local_outputs):
    pytest.importorskip("ray")
    outputs, _ = _curate(
        tmp_path, "ray", batch_size=3, executor="datatrove", datatrove={"executor": "ray", "tasks": 2, "ray": {"cpus_per_task": 1}}
    )
    assert outputs == local_outputs


FAKE_SBATCH = """#!{python}
# sbatch on one machine: runs every array element of the script now, one after the other.
import os, re, subprocess, sys
script = sys.argv[-1]
text = open(script).read()
match = re.search(r"--array=0-(\\d+)", text)
counter = os.path.join(os.path.dirname(__file__), "jobs")
job = int(open(counter).read()) + 1 if os.path.exists(counter) else 1
open(counter, "w").write(str(job))
for element in range(int(match.group(1)) + 1 if match else 1):
    env = dict(os.environ, SLURM_ARRAY_TASK_ID=str(element), SLURM_NODELIST="localhost", SLURM_JOB_ID=str(job))
    if not match:
        env.pop("SLURM_ARRAY_TASK_ID")
    subprocess.run(["bash", script], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("Submitted batch job", job)
"""
FAKE_SRUN = """#!{python}
import os, sys
args = sys.argv[1:]
while args and args[0].startswith("-"):
    args = args[2:] if args[0] == "-n" else args[1:]
os.execvp(args[0], args)
"""


@pytest.mark.slow
def test_slurm_jobs_run_the_same_steps(tmp_path, monkeypatch, local_outputs):
    """SlurmPipelineExecutor against stand-ins for sbatch (runs each array element at once), srun, squeue
    (an empty queue) and scontrol: the job scripts datatrove writes run hfsynth's steps and give the same rows."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    stand_ins = {"sbatch": FAKE_SBATCH, "srun": FAKE_SRUN, "squeue": "#!/bin/sh\nexit 0\n", "scontrol": "#!/bin/sh\necho localhost\n"}
    for name, text in stand_ins.items():
        (bin_dir / name).write_text(text.replace("{python}", sys.executable))
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.path.dirname(sys.executable)}{os.pathsep}{os.environ['PATH']}")
    slurm = {"partition": "cpu", "time": "00:10:00", "poll_s": 0.1}
    outputs, run_dir = _curate(tmp_path, "slurm", batch_size=3, executor="datatrove", datatrove={"executor": "slurm", "tasks": 2, "slurm": slurm})
    assert outputs == local_outputs
    assert int((bin_dir / "jobs").read_text()) == 6  # filter, dedup and finish arrays, each with its merge_stats job


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_a_slurm_job_that_left_the_queue_unfinished_is_refused(tmp_path, monkeypatch):
    """sbatch accepts the jobs but nothing runs them: once squeue no longer lists the filter job, one line."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, text in (("sbatch", "#!/bin/sh\necho Submitted batch job 7\n"), ("squeue", "#!/bin/sh\nexit 0\n")):
        (bin_dir / name).write_text(text)
        (bin_dir / name).chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    recipe, run_dir = make_recipe(tmp_path, executor="datatrove", datatrove={"executor": "slurm", "slurm": {"partition": "cpu", "poll_s": 0.1}})
    _write_raw(run_dir.path)
    with pytest.raises(HfsynthError, match="step 'filter' did not complete 4 of 4 tasks"):
        curate_stage(StageContext(recipe, run_dir))
    assert not run_dir.data.exists() and [p.name for p in run_dir.curate_work.iterdir()] == ["datatrove"]


@pytest.mark.slow
def test_execution_runs_in_the_finish_tasks_as_it_does_locally(tmp_path):
    """The sandbox (its own threads and subprocesses) inside datatrove's pool workers: same verdicts, same files."""
    passing = "def double(x):\n    return x * 2\n"
    codes = [passing.replace("* 2", f"* 2 + 0 * {i}") for i in range(4)] + [passing.replace("* 2", "* 3"), FUNC_C]
    tests = ["assert double(2) == 4\n"] * 5 + [None]
    rows = [row(f"e{i}", "train", fenced(code), code=code, tests=test) for i, (code, test) in enumerate(zip(codes, tests))]
    results = []
    for name, extra in (("local", {}), ("datatrove", {"executor": "datatrove", "datatrove": {"tasks": 2, "workers": 2}})):
        execution = {"enabled": True, "timeout_s": 20, "workers": 2}
        recipe, run_dir = make_recipe(tmp_path / name, execution=execution, batch_size=2, dedup={"exact": False, "near": False}, **extra)
        for k in range(3):
            write_shard(run_dir.path, "train", rows[2 * k:2 * k + 2], name=f"shard-rank0-{k:05d}.parquet")
        curate_stage(StageContext(recipe, run_dir))
        results.append(_outputs(run_dir))
    assert results[0] == results[1]
    assert {(r["id"], r["exec_status"]) for r in results[1][0]["train"]} == {("e0", "passed"), ("e1", "passed"), ("e2", "passed"), ("e3", "passed"), ("e5", "no_tests")}
