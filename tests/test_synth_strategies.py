"""Strategies and the plan, without a model: prompts, parsing of answers, row allocation, shards."""

import json
import random

import pytest

from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.recipe import load_recipe
from hfsynth.synth.parsing import ParseError
from hfsynth.synth.plan import allocate, build_plan, build_strategies, derive_seed, entry_labels, owner, task_sizes
from hfsynth.synth.strategies.base import PlanContext, Rejected, SeedExample

SEEDS = [
    SeedExample(f"s{i}", f"Write a function that returns the {w} of a list of numbers.", "", f"def f{i}(xs):\n    a = 1\n    b = 2\n    return {w}(xs)\n")
    for i, w in enumerate(["sum", "max", "min", "sorted copy", "length", "reversed copy"])
]


@pytest.fixture
def recipe(write_recipe):
    def make(generate, **extra):
        data = {"name": "t", "seed": {"path": "seed.jsonl"}, "model": {"name_or_path": "m/m"}, "generate": generate, **extra}
        return load_recipe(write_recipe(data))

    return make


def ctx(recipe_obj, seed=0):
    return PlanContext(recipe=recipe_obj, rng=random.Random(seed), seeds=SEEDS)


def only(recipe_obj):
    (strategy,) = build_strategies(recipe_obj)
    return strategy


# ------------------------------------------------------------------------------------ template


def test_template_product_removes_duplicates(recipe):
    r = recipe({"strategies": [{"name": "template", "template": "Do {{ a }} on {{ b | lower }}", "slots": {"a": ["p", "q"], "b": ["X", "x"]}}]})
    tasks = only(r).plan([1, 1], ctx(r))
    assert sorted(t.instruction for t in tasks) == ["Do p on x", "Do q on x"]
    assert tasks[0].meta["slots"]["a"] in ("p", "q") and tasks[0].seed_id is None
    with pytest.raises(HfsynthError, match=r"generate.strategies.0 \(template\): the template yields 2 distinct prompts but this entry needs 3"):
        only(r).plan([1, 1, 1], ctx(r))


def test_template_product_subset_is_seeded(recipe):
    r = recipe({"strategies": [{"name": "template", "template": "{{ a }}-{{ b }}", "slots": {"a": list(range(10)), "b": list(range(10))}}]})
    first = [t.instruction for t in only(r).plan([1] * 7, ctx(r, 1))]
    assert first == [t.instruction for t in only(r).plan([1] * 7, ctx(r, 1))]
    assert first != [t.instruction for t in only(r).plan([1] * 7, ctx(r, 2))]
    assert len(set(first)) == 7


def test_template_sample_mode_draws_distinct_prompts(recipe):
    slots = {f"s{i}": list(range(10)) for i in range(8)}  # 10^8 combinations: too many to enumerate
    template = " ".join(f"{{{{ s{i} }}}}" for i in range(8))
    r = recipe({"strategies": [{"name": "template", "template": template, "slots": slots, "slot_sampling": "sample"}]})
    tasks = only(r).plan([2] * 50, ctx(r))
    assert len({t.instruction for t in tasks}) == 50 and all(t.samples == 2 for t in tasks)
    r = recipe({"strategies": [{"name": "template", "template": template, "slots": slots}]})
    with pytest.raises(HfsynthError, match="slot_sampling: sample"):
        only(r).plan([1], ctx(r))


def test_template_file_next_to_the_recipe(recipe, tmp_path):
    (tmp_path / "grid.j2").write_text("Implement {{ thing }} in Python.\n")
    r = recipe({"strategies": [{"name": "template", "template_file": "grid.j2", "slots": {"thing": ["a stack", "a queue"]}}]})
    assert {t.instruction for t in only(r).plan([1, 1], ctx(r))} == {"Implement a stack in Python.", "Implement a queue in Python."}
    r = recipe({"strategies": [{"name": "template", "template_file": "nope.j2", "slots": {"thing": ["x"]}}]})
    with pytest.raises(HfsynthError, match=r"template_file: .*nope.j2: file not found"):
        only(r).plan([1], ctx(r))


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"template": "Write {{ verb }} {{ noun }}", "slots": {"noun": ["x"]}}, "slot 'verb' is undefined: add it to slots (defined: noun)"),
        ({"template": "Write {{ noun }}", "slots": {"noun": ["x"], "nuon": ["y"]}}, "slot 'nuon' is not used by the template"),
        ({"template": "Write {{ noun ", "slots": {"noun": ["x"]}}, "template syntax error"),
    ],
)
def test_template_errors(recipe, tmp_path, entry, message):
    """An inline template is refused with the recipe; the same template in a file, when the strategy plans."""
    pattern = message.replace("(", r"\(").replace(")", r"\)")
    with pytest.raises(HfsynthError, match=pattern):
        recipe({"strategies": [{"name": "template", **entry}]})
    (tmp_path / "grid.j2").write_text(entry["template"])
    r = recipe({"strategies": [{"name": "template", "template_file": "grid.j2", "slots": entry["slots"]}]})
    with pytest.raises(HfsynthError, match=pattern):
        only(r).plan([1], ctx(r))


def test_builtin_grid_and_slot_override(recipe):
    r = recipe({"strategies": ["template"]})
    tasks = only(r).plan([1] * 30, ctx(r))
    assert len({t.instruction for t in tasks}) == 30 and all(t.instruction.startswith("Write a Python function") for t in tasks)
    r = recipe({"strategies": [{"name": "template", "slots": {"structure": ["a deque"]}}]})
    assert all("a deque" in t.instruction for t in only(r).plan([1] * 10, ctx(r)))


def test_response_prompt_asks_for_tests_and_carries_the_system_prompt(recipe):
    r = recipe({"with_tests": True, "system_prompt": "You write Python.", "strategies": [{"name": "template", "template": "Sort {{ x }}", "slots": {"x": ["a"]}}]})
    strategy = only(r)
    (task,) = strategy.plan([1], ctx(r))
    messages = strategy.response_prompt(task, task.instruction)
    assert messages[0] == {"role": "system", "content": "You write Python."}
    assert messages[1]["content"].startswith("Sort a") and "assert" in messages[1]["content"]
    parsed = strategy.parse(task, task.instruction, "```python\ndef s(x):\n    return sorted(x)\n```\n```python\nassert s([2, 1]) == [1, 2]\n```")
    assert (parsed.status, parsed.code, parsed.tests) == ("ok", "def s(x):\n    return sorted(x)", "assert s([2, 1]) == [1, 2]")
    bad = strategy.parse(task, task.instruction, "I cannot help with that.")
    assert (bad.status, bad.code, bad.response) == ("parse_error", None, "I cannot help with that.")


def test_system_prompt_defaults_to_the_seed_one(recipe):
    r = recipe({"strategies": [{"name": "template", "template": "Sort {{ x }}", "slots": {"x": ["a"]}}]}, seed={"path": "s.jsonl", "system_prompt": "Seed system."})
    strategy = only(r)
    (task,) = strategy.plan([1], ctx(r))
    assert strategy.response_prompt(task, task.instruction)[0]["content"] == "Seed system."


# ------------------------------------------------------------------------------------ self_instruct


def test_self_instruct_few_shot_and_novelty(recipe):
    r = recipe({"strategies": [{"name": "self_instruct", "num_shots": 2, "instruction_candidates": 3}]})
    strategy = only(r)
    tasks = strategy.plan([1, 1, 1], ctx(r))
    assert strategy.candidates == 3
    for t in tasks:
        shown = t.seed_id.split(",")
        assert len(shown) == 2 and all(sid.startswith("s") for sid in shown)
        content = t.ask[0]["content"]
        assert "1. Write a function" in content and "2. Write a function" in content and "Write task 3" in content
    t = tasks[0]
    # A copy of a seed instruction is dropped; the next, novel candidate is kept.
    kept = strategy.choose_instruction(t, [f"3. {SEEDS[1].instruction}", "3. Parse an INI file into nested dictionaries.\n4. other"], [])
    assert kept == "Parse an INI file into nested dictionaries."
    # The pool grows with what the shard accepted.
    with pytest.raises(Rejected, match=r"ROUGE-L F 1.00 > 0.7"):
        strategy.choose_instruction(t, ["Parse an INI file into nested dictionaries."], [kept])
    with pytest.raises(ParseError):
        strategy.choose_instruction(t, ["", "ok"], [])


# ------------------------------------------------------------------------------------ oss_instruct


def test_oss_instruct_snippets_and_sections(recipe):
    r = recipe({"with_tests": True, "strategies": [{"name": "oss_instruct", "min_snippet_lines": 1, "max_snippet_lines": 3, "split_calls": False}]})
    strategy = only(r)
    tasks = strategy.plan([1] * 12, ctx(r))
    by_id = {s.id: s for s in SEEDS}
    for t in tasks:
        snippet = t.meta["snippet"]
        assert 1 <= len(snippet.splitlines()) <= 3 and snippet in by_id[t.seed_id].code
        assert snippet in t.prompt[-1]["content"] and "[Problem Description]" in t.prompt[-1]["content"]
        assert "assert" in t.prompt[-1]["content"]
    assert {t.seed_id for t in tasks} == set(by_id)  # every seed used before any repeats
    answer = "[Problem Description]\nCount words.\n\n[Solution]\n```python\ndef count(s):\n    return len(s.split())\n\nassert count('a b') == 2\n```"
    parsed = strategy.parse(tasks[0], "", answer)
    assert (parsed.status, parsed.instruction, parsed.code, parsed.tests) == ("ok", "Count words.", "def count(s):\n    return len(s.split())", "assert count('a b') == 2")
    assert parsed.response.startswith("```python")
    broken = strategy.parse(tasks[0], "", "Here is a problem: count words.")
    assert (broken.status, broken.response) == ("parse_error", "Here is a problem: count words.") and "Problem Description" in broken.error


def test_oss_instruct_in_two_calls_problem_then_solution(recipe):
    r = recipe({"with_tests": True, "strategies": [{"name": "oss_instruct", "max_snippet_lines": 3}]})
    strategy = only(r)
    (task,) = strategy.plan([1], ctx(r))
    assert task.prompt is None and task.meta["snippet"] in task.ask[-1]["content"] and "do not solve it" in task.ask[-1]["content"]
    problem = strategy.choose_instruction(task, ["[Problem Description]\nWrite a function that counts the words of a text.\n\n[Solution]\n```python\nx\n```"], [])
    assert problem == "Write a function that counts the words of a text."
    assert strategy.choose_instruction(task, ["Write a function that counts the words.\n```python\ndef f(): pass\n```"], []) == "Write a function that counts the words."
    with pytest.raises(ParseError, match="no problem statement"):
        strategy.choose_instruction(task, ["```python\ndef f(): pass\n```"], [])
    messages = strategy.response_prompt(task, problem)
    assert messages[-1]["content"].startswith(problem) and "assert" in messages[-1]["content"]  # answered like any instruction
    parsed = strategy.parse(task, problem, "```python\ndef count(s):\n    return len(s.split())\n```\n```python\nassert count('a b') == 2\n```")
    assert (parsed.status, parsed.instruction, parsed.code, parsed.tests) == ("ok", problem, "def count(s):\n    return len(s.split())", "assert count('a b') == 2")


def test_oss_instruct_needs_seed_code(recipe):
    r = recipe({"strategies": ["oss_instruct"]})
    with pytest.raises(HfsynthError, match="no seed row has code"):
        only(r).plan([1], PlanContext(recipe=r, rng=random.Random(0), seeds=[SeedExample("a", "Do x now please", "words only", None)]))


# ------------------------------------------------------------------------------------ evol_instruct


def test_evol_instruct_methods_and_failed_evolutions(recipe):
    r = recipe({"strategies": [{"name": "evol_instruct", "methods": ["erroneous_code", "higher_complexity"]}]})
    strategy = only(r)
    tasks = strategy.plan([1] * 20, ctx(r))
    assert {t.meta["evol_method"] for t in tasks} == {"erroneous_code", "higher_complexity"}
    t = tasks[0]
    assert t.meta["source_instruction"] in t.ask[0]["content"]
    assert ("wrong code" in t.ask[0]["content"]) == (t.meta["evol_method"] == "erroneous_code")
    assert strategy.choose_instruction(t, ["Rewritten task: " + t.meta["source_instruction"] + " Use O(1) extra space."], []).endswith("O(1) extra space.")
    with pytest.raises(Rejected, match="unchanged"):
        strategy.choose_instruction(t, [t.meta["source_instruction"].upper()], [])
    with pytest.raises(ParseError):
        strategy.choose_instruction(t, ["  "], [])
    # Two evolutions sampled by default; the first usable one is kept, an empty or unchanged one skipped.
    assert strategy.candidates == 2
    assert strategy.choose_instruction(t, ["Rewritten task:\n", "Rewritten task:\nSort in place."], []) == "Sort in place."
    assert strategy.choose_instruction(t, [t.meta["source_instruction"], "Rewritten task:\nSort in place."], []) == "Sort in place."
    with pytest.raises(ParseError, match="none of the 2 sampled evolutions"):
        strategy.choose_instruction(t, ["Rewritten task:\n", ""], [])
    with pytest.raises(Rejected, match="unchanged"):
        strategy.choose_instruction(t, ["Rewritten task:\n", t.meta["source_instruction"]], [])
    assert only(recipe({"strategies": [{"name": "evol_instruct", "instruction_candidates": 1}]})).candidates == 1


# ------------------------------------------------------------------------------------ the plan


def test_allocation_helpers():
    assert allocate(10, [1, 1, 1]) == [4, 3, 3]
    assert allocate(64, [3, 1]) == [48, 16]
    assert sum(allocate(7, [0.2, 0.5, 0.3])) == 7
    assert task_sizes(7, 3) == [3, 3, 1] and task_sizes(6, 3) == [3, 3]
    assert entry_labels(["template", "oss_instruct", "template"]) == ["template_1", "oss_instruct", "template_2"]
    assert derive_seed(1, "train", 0) == derive_seed(1, "train", 0) != derive_seed(1, "train", 1)


def test_plan_mixes_strategies_into_splits(recipe):
    r = recipe(
        {
            "num_samples": 23,
            "num_samples_per_prompt": 2,
            "shard_every": 3,
            "strategies": [
                {"name": "template", "weight": 2},
                {"name": "self_instruct", "split": "test"},
                {"name": "template", "template": "Do {{ x }}", "slots": {"x": list(range(20))}, "split": "test"},
                "oss_instruct",
            ],
        }
    )
    plan = build_plan(r, SEEDS)
    assert sorted(plan.splits) == ["test", "train"]
    assert plan.rows("train") + plan.rows("test") == 23
    # weights 2:1:1:1 of 23 rows -> 9, 5, 5, 4 (largest remainder); tasks of 2 rows and one remainder each
    assert plan.rows("train") == 9 + 4 and plan.rows("test") == 5 + 5
    labels = [t.key.rsplit("-", 1)[0] for t in plan.splits["train"]]
    assert sorted(set(labels)) == ["oss_instruct", "template_1"]
    assert sorted(t.samples for t in plan.splits["train"] if t.key.startswith("template_1")) == [1, 2, 2, 2, 2]
    assert {t.key.rsplit("-", 1)[0] for t in plan.splits["test"]} == {"self_instruct", "template_2"}
    keys = [t.key for s in plan.splits.values() for t in s]
    assert len(keys) == len(set(keys))
    # Shards: consecutive tasks, every task in exactly one; owners cycle over the ranks.
    assert plan.shard_count("train") == 3 and [len(plan.shard("train", k)) for k in range(3)] == [3, 3, 1]
    assert [owner(k, 2) for k in range(4)] == [0, 1, 0, 1]
    # The same recipe and seeds plan the same prompts; another seed plans others.
    again = build_plan(r, SEEDS)
    assert again.digest() == plan.digest() and [t.key for t in again.splits["train"]] == [t.key for t in plan.splits["train"]]
    other = load_recipe(r.source_dir + "/recipe.yaml", ["generate.seed=99"])
    assert build_plan(other, SEEDS).digest() != plan.digest()


def test_preflight_refuses_template_problems_and_vllm_without_it(recipe, tmp_path):
    from hfsynth.rundir import RunDir
    from hfsynth.synth.stage import preflight

    (tmp_path / "grid.j2").write_text("Do {{ x }} {{ y }}")  # an inline template would be refused with the recipe
    r = recipe({"num_samples": 5, "strategies": [{"name": "template", "template_file": "grid.j2", "slots": {"x": ["a"]}}]})
    with pytest.raises(HfsynthError, match="slot 'y' is undefined"):
        preflight(StageContext(r, RunDir(tmp_path / "run")))
    r = recipe({"num_samples": 5, "strategies": [{"name": "template", "template": "Do {{ x }}", "slots": {"x": ["a", "b"]}}]})
    with pytest.raises(HfsynthError, match="yields 2 distinct prompts but this entry needs 5"):
        preflight(StageContext(r, RunDir(tmp_path / "run")))
    r = recipe({"num_samples": 5, "strategies": [{"name": "template", "template": "Do {{ x }}", "slots": {"x": ["a", "b"]}, "num_samples_per_prompt": 3}]})
    with pytest.raises(HfsynthError, match="model.name_or_path: 'm/m'"):  # 2 prompts x 3 samples cover 5 rows: the model is checked next
        preflight(StageContext(r, RunDir(tmp_path / "run")))
    assert [t.samples for t in build_plan(r, SEEDS).splits["train"]] in ([3, 2], [2, 3])
    r = recipe({"engine": "vllm", "strategies": ["template"]})
    with pytest.raises(HfsynthError, match="generate.engine: 'vllm' needs"):
        preflight(StageContext(r, RunDir(tmp_path / "run")))
