"""`hfsynth generate` as a user runs it: SIGKILL mid-run and rerun gives exactly the rows of an
uninterrupted run; two ranks under torchrun split the shards and give the same rows and ids.

The recipe sets generate.use_adapter: false, so the generate stage needs nothing from train (the
adapter path is covered in-process by test_synth_stage.py).
"""

import json
import os
import re
import subprocess
import sys

import pytest
import yaml

from hfsynth.raw_shards import read_rows

from helpers import REPO_ROOT, assert_user_error, cli_exit_status, kill_group, run_cli_in_process, start_paused
from test_synth_stage import write_seed

ENV = {"OMP_NUM_THREADS": "1", "TQDM_DISABLE": "1"}  # one thread per process, as torchrun sets it


@pytest.fixture(scope="module")
def cli_recipe(tmp_path_factory, tiny_model_dir):
    folder = tmp_path_factory.mktemp("synth-cli")
    write_seed(folder)
    recipe = {
        "name": "synth-cli",
        "seed": {"path": "seed.jsonl", "eval_size": 2},
        "model": {"name_or_path": str(tiny_model_dir)},
        "generate": {
            "num_samples": 20,
            "use_adapter": False,
            "batch_size": 4,
            "max_new_tokens": 24,
            "instruction_max_new_tokens": 12,
            "shard_every": 1,
            "strategies": [{"name": "template"}, {"name": "self_instruct"}, {"name": "oss_instruct"}, {"name": "evol_instruct", "split": "test"}],
        },
    }
    path = folder / "recipe.yaml"
    path.write_text(yaml.safe_dump(recipe))
    return path


@pytest.fixture(scope="module")
def reference(cli_recipe, one_torch_thread):
    """An uninterrupted single-process run: in this process (a fresh interpreter spends seconds importing torch and
    transformers first), on one thread as ENV sets the runs it is compared with."""
    out = cli_recipe.parent / "reference"
    assert cli_exit_status(["generate", cli_recipe, "--output-dir", out]) == 0
    return read_rows(out / "raw")


def _ids(rows):
    return sorted(r["id"] for split in rows.values() for r in split)


def _by_id(rows):
    return {r["id"]: r for split in rows.values() for r in split}


@pytest.mark.slow
def test_sigkill_then_rerun_gives_exactly_the_uninterrupted_rows(cli_recipe, reference, capsys, one_torch_thread):
    out = cli_recipe.parent / "killed"
    pause = cli_recipe.parent / "paused-after-shard-1"
    proc = start_paused(["generate", cli_recipe, "--output-dir", out], "generate_shard", 1, pause, env=ENV)
    kill_group(proc)  # parked right after its first shard: killed mid-run for certain
    planned = sum(s["shards"] for s in json.loads((out / "raw" / "plan.json").read_text())["splits"].values())
    written = len(list(out.glob("raw/*/shard-*.parquet")))
    assert written == 1 < planned
    assert not (out / "raw" / "index.json").exists()

    again = run_cli_in_process(["generate", cli_recipe, "--output-dir", out], capsys)  # the rerun, in this process on one thread
    assert again.returncode == 0, again.stderr[-3000:]
    assert "resuming" in again.stderr
    rows = read_rows(out / "raw")
    ids = _ids(rows)
    assert len(ids) == len(set(ids)) == 20
    assert ids == _ids(reference)
    assert _by_id(rows) == _by_id(reference)  # not only the ids: the very same rows


@pytest.mark.slow
def test_two_ranks_under_torchrun(cli_recipe, reference):
    out = cli_recipe.parent / "two-ranks"
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone",
         "-m", "hfsynth", "generate", str(cli_recipe), "--output-dir", str(out)],
        cwd=REPO_ROOT, env=dict(os.environ, **ENV), capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    shards = sorted(p.name for p in out.glob("raw/*/shard-*.parquet"))
    assert any(n.startswith("shard-rank0-") for n in shards) and any(n.startswith("shard-rank1-") for n in shards)
    plan = json.loads((out / "raw" / "plan.json").read_text())
    assert plan["world_size"] == 2
    rows = read_rows(out / "raw")
    assert _ids(rows) == _ids(reference)
    # Shards are seeded by their place in the plan, not by the rank that runs them: same rows.
    assert _by_id(rows) == _by_id(reference)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["stages"]["generate"]["world_size"] == 2


def test_cli_errors_are_one_line(cli_recipe, capsys):
    proc = run_cli_in_process(["generate", cli_recipe, "--output-dir", cli_recipe.parent / "bad", "generate.strategies.0.name=templat"], capsys)
    assert_user_error(proc, "generate.strategies.0.name", "did you mean 'template'")
    proc = run_cli_in_process(["generate", cli_recipe, "--output-dir", cli_recipe.parent / "bad", "generate.use_adapter=true"], capsys)
    assert_user_error(proc, "no trained adapter", "hfsynth train")


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_barrier_waits_for_every_rank_on_cpu(tmp_path):
    """The merge on rank 0 relies on hfsynth.dist.barrier really waiting under torchrun on a CPU."""
    script = tmp_path / "barrier.py"
    script.write_text(
        "import time\nfrom hfsynth import dist\n"
        "dist.barrier()\n"  # the first call creates the process group, which itself waits for every rank
        "if dist.rank() == 1:\n    time.sleep(2)\n"
        "enter = time.time()\ndist.barrier()\nprint(f'rank {dist.rank()} enter {enter:.3f} exit {time.time():.3f};', flush=True)\n"
        "dist.shutdown()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone", str(script)],
        cwd=REPO_ROOT, env=dict(os.environ, **ENV), capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    times = {r: (float(a), float(b)) for r, a, b in re.findall(r"rank (\d) enter ([\d.]+) exit ([\d.]+);", proc.stdout)}
    assert set(times) == {"0", "1"}, proc.stdout
    assert times["0"][1] >= times["1"][0]  # rank 0 left the barrier only after rank 1 reached it
