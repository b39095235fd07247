"""Rows without asserts (issue 13, part 3): with generate.ask_for_missing_tests the model is asked
for them in a separate call; the answer's asserts become the row's tests. Without it,
curate.execution.keep_untested keeps the row marked 'no_tests' or drops it."""

import json

import pytest

from hfsynth.engines import SamplingParams
from hfsynth.recipe import load_recipe
from hfsynth.rundir import RunDir
from hfsynth.synth.plan import build_strategies
from hfsynth.synth.shard import add_missing_tests
from hfsynth.synth.strategies.base import parse_tests, ask_tests_prompt

CODE = "def double(x):\n    return 2 * x\n"


def test_parse_tests_keeps_only_the_asserts():
    assert parse_tests("Sure:\n```python\nassert double(2) == 4\nassert double(0) == 0\n```") == "assert double(2) == 4\nassert double(0) == 0"
    repeated = f"```python\n{CODE}\nassert double(3) == 6\n```"
    assert parse_tests(repeated) == "assert double(3) == 6"  # the solution it repeated is not a test
    assert parse_tests("It doubles its input.") is None
    assert parse_tests(f"```python\n{CODE}```") is None  # code, but nothing that checks


def test_tests_prompt_shows_the_task_and_the_code(write_recipe):
    recipe = load_recipe(write_recipe({"name": "t", "seed": {"path": "seed.jsonl"}, "model": {"name_or_path": "m/m"},
                                       "generate": {"system_prompt": "You write Python.", "strategies": ["template"]}}))
    (strategy,) = build_strategies(recipe)
    messages = ask_tests_prompt(strategy, "Write a function that doubles a number.", CODE)
    assert messages[0] == {"role": "system", "content": "You write Python."}
    user = messages[1]["content"]
    assert "Write a function that doubles a number." in user and CODE.strip() in user and "assert" in user


@pytest.mark.usefixtures("one_torch_thread")
def test_only_rows_that_asked_for_tests_and_lack_them_get_the_call(tiny_recipe, write_recipe):
    from hfsynth.engines import make_engine

    data = dict(tiny_recipe, generate={**tiny_recipe["generate"], "with_tests": True, "ask_for_missing_tests": True, "strategies": ["template"]})
    recipe = load_recipe(write_recipe(data))
    strategies = build_strategies(recipe)
    engine = make_engine(recipe, RunDir(tiny_recipe["output_dir"]), use_adapter=False)

    def row(row_id, status="ok", code=CODE, tests=None):
        return {"id": row_id, "status": status, "instruction": "Write a function that doubles a number.", "code": code, "tests": tests, "meta": "{}"}

    rows = [row("wants"), row("has", tests="assert double(1) == 2"), row("failed", status="parse_error", code=None), row("not-asked")]
    entries = {"wants": 0, "has": 0, "failed": 0}  # 'not-asked': its task did not ask for tests
    found, tokens = add_missing_tests(engine, rows, strategies, entries, SamplingParams(0.7, 0.95, 6, 1))
    calls = {r["id"]: json.loads(r["meta"]).get("tests_call") for r in rows}
    assert [k for k, v in calls.items() if v] == ["wants"]
    call = calls["wants"]
    assert 1 <= call["completion_tokens"] <= 6 and call["prompt_tokens"] > 0 and call["finish_reason"] in ("stop", "length")
    assert (call["status"] == "asserts") == (rows[0]["tests"] is not None) and found == (1 if rows[0]["tests"] else 0)
    assert tokens == call["completion_tokens"]
    assert rows[0]["tests"].startswith("assert ") and call["prefill"] == "```python\nassert "  # the answer starts as an assert
    assert rows[1]["tests"] == "assert double(1) == 2"
