"""The generate stage at the engine's speed, and answers forced into their parser's shape (issue 13,
parts 1 and 6): every pass of a pool is ONE engine call over all its shards and strategies; each
answer is prefilled with what its parser expects and stops where that structure ends; the prefill
is part of the parsed text and of the row, and said so in meta."""

import json

import pytest

from hfsynth.context import StageContext
from hfsynth.engines import Completion
from hfsynth.engines.base import in_rounds
from hfsynth.engines.chat import prefill
from hfsynth.raw_shards import ShardWriter, read_rows
from hfsynth.rundir import RunDir
from hfsynth.synth.plan import build_plan
from hfsynth.synth.shard import generate_pool
from hfsynth.synth.stage import generate_stage, load_seed_examples
from hfsynth.synth.strategies.base import CLOSING_FENCE, RESPONSE_PREFILL, TESTS_PREFILL

from test_synth_stage import save_adapter, stage_recipe

ALL = ["template", {"name": "self_instruct", "split": "test"}, "oss_instruct", "evol_instruct"]


class Recording:
    """Wraps an engine and keeps every call: its prompts and per-prompt sampling parameters."""

    def __init__(self, engine):
        self.engine, self.calls = engine, []
        self.tokenizer = getattr(engine, "tokenizer", None)

    def encode(self, prompt):
        return self.engine.encode(prompt)

    def generate(self, prompts, params, progress=True, follow_ups=None):
        call = (list(prompts), list(params) if isinstance(params, (list, tuple)) else [params] * len(prompts))
        self.calls.append(call)

        def recorded(done):  # the prompts added to the running call belong to it
            more = list(follow_ups(done))
            call[0].extend(m for m, _ in more)
            call[1].extend(p for _, p in more)
            return more

        return self.engine.generate(prompts, params, progress=progress, follow_ups=recorded if follow_ups else None)


class Canned:
    """No model: a problem or task for an instruction call, a closed code block for a response, asserts for a tests call."""

    tokenizer = None
    TASKS = ["Write a function that doubles every number of a list of integers.", "Parse dates written as day/month/year into tuples.",
             "Merge overlapping intervals given as pairs of floats.", "Count vowels per word in an English sentence.",
             "Encode run lengths of repeated characters in a string.", "Rotate a square matrix clockwise by ninety degrees."]

    def __init__(self):
        self.asked = 0

    def generate(self, prompts, params, progress=True, follow_ups=None):
        return in_rounds(self.generate_once, prompts, params, follow_ups)

    def generate_once(self, prompts, params):
        out = []
        for prompt, p in zip(prompts, params):
            start = prefill(prompt)
            if start == TESTS_PREFILL:
                text = "double(2) == 4\n```"
            elif start == RESPONSE_PREFILL:
                text = "def double(x):\n    return 2 * x\n```"
            else:  # distinct tasks: self_instruct keeps only novel ones
                self.asked += 1
                text = self.TASKS[self.asked % len(self.TASKS)]
            out.append([Completion(text, "stop", 10, 5)] * p.n)
        return out


@pytest.mark.usefixtures("one_torch_thread")
def test_one_engine_call_per_pass_for_every_shard_and_strategy_of_a_pool(tiny_recipe, write_recipe, tmp_path, tiny_model_dir, monkeypatch):
    import hfsynth.engines

    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, batch_size=12, strategies=ALL)  # 12 rows: one pool of all shards
    run_dir = RunDir(tmp_path / "run")
    save_adapter(tiny_model_dir, run_dir.adapter)
    made = []
    real = hfsynth.engines.make_engine
    monkeypatch.setattr(hfsynth.engines, "make_engine", lambda *a, **k: made.append(Recording(real(*a, **k))) or made[-1])
    generate_stage(StageContext(recipe, run_dir))

    assert len(made) == 1  # the model is loaded once for the stage
    calls = made[0].calls
    plan = build_plan(recipe, load_seed_examples(recipe))
    assert len(plan.shards()) == 4 and plan.pools(12) == [plan.shards()]  # the shards of both splits in one pool
    assert len(calls) == 1  # passes 1 (instructions) and 2 (responses) in one call: not one per pass, shard, strategy or n
    ((prompts, params),) = calls
    asks = [m for m in prompts if prefill(m) != RESPONSE_PREFILL]
    ask_params = [p for m, p in zip(prompts, params) if prefill(m) != RESPONSE_PREFILL]
    answers = [m for m in prompts if prefill(m) == RESPONSE_PREFILL]
    answer_params = [p for m, p in zip(prompts, params) if prefill(m) == RESPONSE_PREFILL]
    # template rows need no instruction: their answers start with the asks; the others join as their shard's asks end
    assert prefill(prompts[0]) != RESPONSE_PREFILL and prefill(prompts[-1]) == RESPONSE_PREFILL
    tasks = [t for s, k in plan.shards() for t in plan.shard(s, k)]
    assert len(asks) == sum(t.ask is not None for t in tasks) and len(answers) <= len(tasks)
    assert {p.n for p in ask_params} == {1, 2, 3}  # self_instruct's 3 and evol_instruct's 2 candidates share the call with oss's single ask
    assert {prefill(m) for m in asks} == {"4. ", "Rewritten task:\n", "[Problem Description]\n"}  # 3 shots: the task is number 4
    assert all(prefill(m) == RESPONSE_PREFILL for m in answers)
    assert all(p.stop == (CLOSING_FENCE,) and p.include_stop_str_in_output for p in answer_params)
    assert {p.n for p in answer_params} == {1, 2}
    rows = [r for split in read_rows(run_dir.raw).values() for r in split]
    assert len(rows) == 12
    for r in rows:
        if r["finish_reason"] != "error":
            assert r["response"].startswith(RESPONSE_PREFILL) and json.loads(r["meta"])["prefill"]["response"] == RESPONSE_PREFILL
            assert r["prompt"][-1]["role"] == "user"  # the prompt a trainer would use; the prefill is in the response


@pytest.mark.usefixtures("one_torch_thread")
def test_a_resumed_pool_is_regenerated_whole_and_gives_the_same_rows(tiny_recipe, write_recipe, tmp_path, tiny_model_dir):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, batch_size=12, strategies=ALL)
    run_dir = RunDir(tmp_path / "run")
    save_adapter(tiny_model_dir, run_dir.adapter)
    generate_stage(StageContext(recipe, run_dir))
    writer = ShardWriter(run_dir.raw)
    shards = writer.shards("train") + writer.shards("test")
    lost = shards[1]
    before = {p: p.read_bytes() for p in shards}
    lost.unlink()
    generate_stage(StageContext(recipe, run_dir))
    assert {p: p.read_bytes() for p in shards} == before  # the lost shard comes back byte for byte


def test_the_prefill_is_part_of_the_parsed_text(tiny_recipe, write_recipe, tmp_path):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, batch_size=12, strategies=ALL, ask_for_missing_tests=True)
    plan = build_plan(recipe, load_seed_examples(recipe))
    out, tokens = generate_pool(Canned(), plan, plan.shards(), recipe, {"base_model": "m", "base_revision": None, "adapter_fingerprint": None})
    rows = [r for shard in plan.shards() for r in out[shard]]
    assert len(rows) == 12 and {r["status"] for r in rows} == {"ok"}
    asked = [t for shard in plan.shards() for t in plan.shard(*shard) if t.ask is not None]
    assert sorted(plan.strategies[t.entry].candidates for t in asked) == [1, 1, 2, 2, 3, 3]
    assert tokens == 5 * (2 + 2 * 2 + 2 * 3 + 12 + 12)  # every pass: 2 oss asks, 2 x 2 evolutions, 2 x 3 self_instruct candidates, 12 answers, 12 tests calls
    for r in rows:
        assert r["response"] == "```python\ndef double(x):\n    return 2 * x\n```"  # prefill + completion, the fence kept
        assert r["code"] == "def double(x):\n    return 2 * x"  # parsed from the prefilled block
        assert r["tests"] == "assert double(2) == 4"  # the tests call's prefill is part of the asserts
        meta = json.loads(r["meta"])
        assert meta["prefill"]["response"] == RESPONSE_PREFILL and meta["tests_call"]["prefill"] == TESTS_PREFILL
        if r["strategy"] != "template":
            assert meta["instruction_candidates"][0].startswith(meta["prefill"]["instruction"])
            assert r["instruction"] in Canned.TASKS  # the prefilled header or number was stripped


class EmptyFirstAnswers(Canned):
    """The first answer to every response prompt closes its code block at once; later ones hold code."""

    def __init__(self):
        super().__init__()
        self.answers = {}

    def generate_once(self, prompts, params):
        out = super().generate_once(prompts, params)
        for k, (prompt, p) in enumerate(zip(prompts, params)):
            if prefill(prompt) == RESPONSE_PREFILL:
                key = json.dumps(prompt)
                seen = self.answers.get(key, 0)
                self.answers[key] = seen + p.n
                out[k] = [Completion("```\n", "stop", 10, 2) if seen + s == 0 else c for s, c in enumerate(out[k])]
        return out


@pytest.mark.parametrize("retries", [0, 1])
def test_an_answer_without_code_is_asked_again_in_the_same_call(tiny_recipe, write_recipe, tmp_path, retries):
    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, batch_size=12, strategies=ALL, answer_retries=retries)
    plan = build_plan(recipe, load_seed_examples(recipe))
    out, tokens = generate_pool(EmptyFirstAnswers(), plan, plan.shards(), recipe, {"base_model": "m", "base_revision": None, "adapter_fingerprint": None})
    rows = [r for shard in plan.shards() for r in out[shard]]
    answered_prompts = {json.dumps(r["prompt"]) for r in rows if r["status"] != "error"}
    empty = [r for r in rows if r["status"] == "parse_error"]
    retried = [r for r in rows if "answer_retries" in json.loads(r["meta"])]
    if retries:
        assert not empty and len(retried) == len(answered_prompts)  # the first sample of each prompt, once
        assert all(json.loads(r["meta"])["answer_retries"] == 1 and r["id"].endswith("-0") for r in retried)
        assert tokens == 5 * (2 + 2 * 2 + 2 * 3 + 12) + 2 * len(retried)  # the replaced answers' tokens still count
    else:
        assert len(empty) == len(answered_prompts) and not retried


def test_instructions_are_chosen_as_their_asks_finish_with_the_choices_of_the_whole_shard(tiny_recipe, write_recipe, tmp_path):
    """A task's instruction is chosen once its ask and the earlier asks of its strategy entry have
    finished, whatever order the asks finish in, and the choices are those of choosing the whole
    shard at the end: self_instruct's novelty pool still grows in task order."""
    from hfsynth.synth.shard import InstructionChooser

    recipe = stage_recipe(tiny_recipe, write_recipe, tmp_path, num_samples=24, num_samples_per_prompt=1, shard_every=24,
                          strategies=["template", "self_instruct", "oss_instruct", "evol_instruct"])
    plan = build_plan(recipe, load_seed_examples(recipe))
    (shard,) = plan.shards()
    tasks = plan.shard(*shard)
    asking = [t for t in tasks if t.ask is not None]
    texts = ["Write a function that doubles every number of a list of integers."] * 2 + Canned.TASKS  # repeats: some are not novel
    asked = {t.key: [Completion(texts[k % len(texts)], "stop", 1, 1)] * 3 for k, t in enumerate(asking)}

    whole = InstructionChooser(tasks, plan.strategies).ready(asked)
    assert {t.key for t, *_ in whole} == {t.key for t in tasks}
    assert any(failure for _, _, failure in whole) and any(instruction for _, instruction, _ in whole)  # some novel, some not

    chooser, finished, chosen = InstructionChooser(tasks, plan.strategies), {}, []
    chosen += chooser.ready(finished)  # tasks without an ask (template rows) are ready at once
    assert {t.key for t, *_ in chosen} == {t.key for t in tasks if t.ask is None}
    for t in reversed(asking):  # the last ask finishes first
        finished[t.key] = asked[t.key]
        now = chooser.ready(finished)
        earlier = [u for u in asking if u.entry == t.entry and tasks.index(u) < tasks.index(t)]
        assert bool(now) == (not earlier)  # nothing is chosen while an earlier ask of its entry runs
        chosen += now
    assert sorted(chosen, key=lambda c: c[0].key) == sorted(whole, key=lambda c: c[0].key)  # the same choices

    chooser, started = InstructionChooser(tasks, plan.strategies), set()
    chooser.ready({})
    first = min(asking, key=tasks.index)
    started |= {t.key for t, *_ in chooser.ready({first.key: asked[first.key]})}
    assert first.key in started and len(asking) > 1  # the first task's answer starts while every other ask still runs
