"""One pool of the plan (consecutive shards) -> their rows: ask for instructions, choose them, answer them, parse the answers.

Two passes per pool, three with ``generate.ask_for_missing_tests``. Pass 1 (only for tasks with
``ask``: self_instruct, evol_instruct, oss_instruct's problem) samples new instructions; the
strategies choose or reject them, shard by shard. Pass 2 answers every task that has an
instruction (or a fixed prompt) with ``num_samples_per_prompt`` samples. Passes 1 and 2 are ONE
engine call over the prompts of every shard and strategy of the pool (each prompt with its own
``n``, stop strings and token budget): template answers start with the asks, and a task's answer
joins the running call as soon as its instruction can be chosen (its ask and the earlier asks of its
strategy in its shard have finished; the engine's ``follow_ups``), so the batch stays full instead of
draining at the end of each pass (:func:`ask_and_answer`). Pass 3 asks,
in a call of its own, for the asserts of every parsed row that was asked for tests and has none
(:func:`add_missing_tests`). A pool holds at least four batches of rows (``POOL_BATCHES`` in
:mod:`hfsynth.synth.stage`, :meth:`hfsynth.synth.plan.Plan.pools`).

Every answer is forced into the shape its parser reads: the assistant turn is prefilled with the
section header or code fence the parser expects and the sequence stops where that structure ends
(the strategy's ``*_prefill``/``*_stop``). The prefill is put back in front of the completion before
parsing; the row's ``response`` holds both and ``meta["prefill"]`` says which part was forced.

Every task yields exactly ``task.samples`` rows: a task whose instruction could not be obtained
yields rows with ``status`` "parse_error" or "error" and the reason in ``error``, never ``None``
rows and never fewer rows. The sampling seed of each call derives from the generate seed and the
pool's first shard, so a pool regenerated after a crash is the same pool.
"""

from __future__ import annotations

import json
from collections import defaultdict, deque
from typing import Any, Deque, Dict, List, NamedTuple, Optional, Sequence, Tuple

from hfsynth.engines import Completion, SamplingParams
from hfsynth.engines.chat import with_prefill
from hfsynth.synth.parsing import ParseError
from hfsynth.synth.plan import Plan, derive_seed
from hfsynth.synth.strategies.base import (
    CLOSING_FENCE, TESTS_PREFILL, Parsed, Rejected, Task, ask_tests_prompt, parse_tests,
)

Request = Tuple[Any, List[dict], str, SamplingParams]  # (key, messages, prefill, params)


def pooled_generate(engine, requests: Sequence[Request], progress: bool) -> Dict[Any, List[Completion]]:
    """Every request in one engine call; each completion comes back with its prefill in front."""
    if not requests:
        return {}
    answers = engine.generate([with_prefill(m, prefill) for _, m, prefill, _ in requests], [p for *_, p in requests], progress=progress)
    return {
        key: [Completion(prefill + c.text, c.finish_reason, c.prompt_tokens, c.completion_tokens) for c in completions]
        for (key, _, prefill, _), completions in zip(requests, answers)
    }


def params_for(base: SamplingParams, n: int = 1, stop: Sequence[str] = ()) -> SamplingParams:
    """``base`` with this prompt's ``n`` and stop strings; a stop string that closes a structure stays in the text."""
    return SamplingParams(
        base.temperature, base.top_p, base.max_new_tokens, base.seed, n=n, stop=tuple(stop),
        repeat_guard=base.repeat_guard, include_stop_str_in_output=CLOSING_FENCE in stop,
    )


def generated_tokens(answers: Dict[Any, List[Completion]]) -> int:
    return sum(c.completion_tokens for completions in answers.values() for c in completions)


def add_missing_tests(engine, rows: List[Dict[str, Any]], strategies, entries: Dict[str, int], params: SamplingParams, progress: bool = False) -> Tuple[int, int]:
    """Pass 3: a separate call per row that has code but no tests (``entries``: row id -> strategy
    entry, only for rows whose task asked for tests), its answer prefilled with ``TESTS_PREFILL``. The
    asserts found go to ``tests``; the row's meta records the call (``tests_call``: status, tokens).
    Returns how many rows got tests and how many tokens the call generated."""
    wanting = [r for r in rows if r["id"] in entries and r["status"] == "ok" and r["code"] and not (r["tests"] or "").strip()]
    if not wanting:
        return 0, 0
    requests = [
        (r["id"], ask_tests_prompt(strategies[entries[r["id"]]], r["instruction"], r["code"]), TESTS_PREFILL, params_for(params, stop=(CLOSING_FENCE,)))
        for r in wanting
    ]
    answered = pooled_generate(engine, requests, progress)
    found = 0
    for row in wanting:
        (completion,) = answered[row["id"]]
        tests = parse_tests(completion.text)
        meta = json.loads(row["meta"] or "{}")
        meta["tests_call"] = {
            "status": "asserts" if tests else "no asserts in the answer", "finish_reason": completion.finish_reason,
            "prompt_tokens": completion.prompt_tokens, "completion_tokens": completion.completion_tokens, "prefill": TESTS_PREFILL,
        }
        row["meta"] = json.dumps(meta, ensure_ascii=False, sort_keys=True)
        if tests:
            row["tests"] = tests
            found += 1
    return found, generated_tokens(answered)


class InstructionChooser:
    """Chooses the instructions of ONE shard, task by task, as soon as they can be chosen: a task's
    instruction depends on its own asked candidates and on the instructions its strategy entry
    accepted earlier in the shard (self_instruct's novelty pool), so a task is chosen once its ask
    and every earlier ask of its entry have finished. The choices are those of choosing the whole
    shard in task order at the end; they are only made sooner, so their answers start sooner. A
    shard's choices never depend on the other shards of its pool."""

    def __init__(self, tasks: List[Task], strategies):
        self.strategies = strategies
        self.queues: Dict[int, Deque[Task]] = defaultdict(deque)  # per strategy entry, in task order
        for t in tasks:
            self.queues[t.entry].append(t)
        self.accepted: Dict[int, List[str]] = defaultdict(list)

    def ready(self, asked: Dict[str, List[Completion]]) -> List[Tuple[Task, Optional[str], Optional[Tuple[str, str]]]]:
        """``(task, instruction, failure)`` of every task that can now be chosen (exactly one of
        instruction and failure is None), each task once, in task order within its entry."""
        out = []
        for entry, queue in self.queues.items():
            while queue and (queue[0].ask is None or queue[0].key in asked):
                t = queue.popleft()
                if t.ask is None:
                    out.append((t, t.instruction or "", None))
                    continue
                try:
                    instruction = self.strategies[t.entry].choose_instruction(t, [c.text for c in asked[t.key]], self.accepted[entry])
                except ParseError as exc:
                    out.append((t, None, ("parse_error", str(exc))))
                    continue
                except Rejected as exc:
                    out.append((t, None, ("error", str(exc))))
                    continue
                self.accepted[entry].append(instruction)
                out.append((t, instruction, None))
        return out


class Pass(NamedTuple):
    """What passes 1 and 2 of a pool produced, by task key."""

    asked: Dict[str, List[Completion]]
    answered: Dict[str, List[Completion]]
    instructions: Dict[str, str]
    failures: Dict[str, Tuple[str, str]]
    prompts: Dict[str, List[dict]]
    prefills: Dict[str, str]
    retried: Dict[str, Dict[int, int]]  # task key -> sample -> times it was asked again
    retry_tokens: int  # tokens of the answers that retries replaced
    seed: int  # the call's sampling seed, recorded in every row


def ask_and_answer(engine, shards, by_shard, strategies, gen, pool_seed: int, progress: bool):
    """Passes 1 and 2 of a pool in ONE engine call: the instruction asks of every shard, and the
    answers of every task that needs none (template rows), start together; as asks finish, each
    task whose instruction can now be chosen (:class:`InstructionChooser`) has its answer join the
    running call (the engine's ``follow_ups``). The answers so start while other asks still run,
    instead of after the slowest ask of their shard.

    An answer without code is asked again in the same call (``generate.answer_retries``), the new
    sample taking its place."""
    seed = derive_seed(pool_seed, "response")  # one call, one sampling seed (recorded in every row)
    ask_base = SamplingParams(gen.temperature, gen.top_p, gen.instruction_max_new_tokens, seed, repeat_guard=gen.repeat_guard)
    base = SamplingParams(gen.temperature, gen.top_p, gen.max_new_tokens, seed, repeat_guard=gen.repeat_guard)
    asked: Dict[str, List[Completion]] = {}
    answered: Dict[str, List[Completion]] = {}
    instructions: Dict[str, str] = {}
    failures: Dict[str, Tuple[str, str]] = {}
    prompts: Dict[str, List[dict]] = {}
    prefills = {t.key: strategies[t.entry].response_prefill(t) for shard in shards for t in by_shard[shard]}
    choosers = {shard: InstructionChooser(by_shard[shard], strategies) for shard in shards}
    shard_of = {t.key: shard for shard in shards for t in by_shard[shard]}
    task_of = {t.key: t for shard in shards for t in by_shard[shard]}
    retried: Dict[str, Dict[int, int]] = defaultdict(dict)  # task key -> sample -> retries asked
    retry_tokens = [0]
    requests: List[Tuple[tuple, List[dict], str, SamplingParams]] = []  # in the call's prompt order; ids ("ask"|"answer", key) or ("retry", key, sample)

    def answers_ready(shard) -> list:
        out = []
        for t, instruction, failure in choosers[shard].ready(asked):
            if failure is not None:
                failures[t.key] = failure
                continue
            instructions[t.key] = instruction
            prompts[t.key] = strategies[t.entry].response_prompt(t, instruction)
            out.append((("answer", t.key), prompts[t.key], prefills[t.key], params_for(base, t.samples, strategies[t.entry].response_stop(t))))
        return out

    def retry_if_empty(key: str, j: int, attempt: int) -> list:
        """Answer ``j`` of task ``key`` again when it holds no code and retries are left."""
        t = task_of[key]
        if attempt > gen.answer_retries or strategies[t.entry].parse(t, instructions[key], answered[key][j].text).code is not None:
            return []
        retried[key][j] = attempt
        return [(("retry", key, j), prompts[key], prefills[key], params_for(base, 1, strategies[t.entry].response_stop(t)))]

    def follow_ups(done: Dict[int, List[Completion]]):
        more = []
        for i, completions in done.items():
            (kind, key, *sample), _, prefill, _ = requests[i]
            completions = [Completion(prefill + c.text, c.finish_reason, c.prompt_tokens, c.completion_tokens) for c in completions]
            if kind == "ask":
                asked[key] = completions
                more.extend(answers_ready(shard_of[key]))
            elif kind == "answer":
                answered[key] = completions
                for j in range(len(completions)):
                    more.extend(retry_if_empty(key, j, 1))
            else:  # a retry replaces the sample it retries; its tokens count as work done
                (j,) = sample
                retry_tokens[0] += answered[key][j].completion_tokens
                answered[key][j] = completions[0]
                more.extend(retry_if_empty(key, j, retried[key][j] + 1))
        requests.extend(more)
        return [(with_prefill(m, prefill), p) for _, m, prefill, p in more]

    requests.extend(
        (("ask", t.key), t.ask, strategies[t.entry].instruction_prefill(t),
         params_for(ask_base, strategies[t.entry].candidates, strategies[t.entry].instruction_stop(t)))
        for shard in shards for t in by_shard[shard] if t.ask is not None
    )
    for shard in shards:
        requests.extend(answers_ready(shard))  # tasks with no ask (template rows) start with the asks
    if requests:
        first = list(requests)
        engine.generate([with_prefill(m, prefill) for _, m, prefill, _ in first], [p for *_, p in first], progress=progress, follow_ups=follow_ups)
    missing = [key for (kind, key, *_), *_ in requests if key not in (asked if kind == "ask" else answered)]
    if missing:
        raise RuntimeError(f"the engine finished without answering {missing[:3]}")
    return Pass(asked, answered, instructions, failures, prompts, prefills, dict(retried), retry_tokens[0], seed)


def generate_pool(
    engine,
    plan: Plan,
    shards: Sequence[Tuple[str, int]],
    recipe,
    provenance: Dict[str, Any],
    progress: bool = False,
) -> Tuple[Dict[Tuple[str, int], List[Dict[str, Any]]], int]:
    """The rows of every shard of the pool (each shard's in task order then sample order), and the
    tokens its engine calls generated (every pass: what the stage's tokens/s counts)."""
    gen = recipe.generate
    strategies = plan.strategies
    by_shard = {shard: plan.shard(*shard) for shard in shards}
    tasks = [t for shard in shards for t in by_shard[shard]]
    pool_seed = derive_seed(gen.seed, *shards[0])

    done = ask_and_answer(engine, shards, by_shard, strategies, gen, pool_seed, progress)
    asked, answered, instructions, failures, prompts, prefills = done.asked, done.answered, done.instructions, done.failures, done.prompts, done.prefills
    tokens = generated_tokens(asked) + generated_tokens(answered) + done.retry_tokens
    out: Dict[Tuple[str, int], List[Dict[str, Any]]] = {}
    for shard in shards:
        rows = out.setdefault(shard, [])
        for t in by_shard[shard]:
            meta = dict(t.meta)
            if t.ask is not None:
                meta["instruction_prompt"] = t.ask[-1]["content"]
                meta["instruction_candidates"] = [c.text for c in asked[t.key]]
                meta["prefill"] = {"instruction": strategies[t.entry].instruction_prefill(t)}
            if t.key not in failures:
                meta.setdefault("prefill", {})["response"] = prefills[t.key]
            for j in range(t.samples):
                if t.key in failures:
                    status, error = failures[t.key]
                    parsed = Parsed("", "", None, None, status, error)
                    completion = Completion("", "error", 0, 0)
                    prompt = t.ask
                else:
                    completion = answered[t.key][j]
                    parsed = strategies[t.entry].parse(t, instructions[t.key], completion.text)
                    prompt = prompts[t.key]
                row_meta = dict(meta, answer_retries=done.retried[t.key][j]) if j in done.retried.get(t.key, {}) else meta
                rows.append(
                    {
                        "id": f"{t.key}-{j}",
                        "split": shard[0],
                        "strategy": t.strategy,
                        "seed_id": t.seed_id,
                        "prompt": prompt,
                        "instruction": parsed.instruction,
                        "response": parsed.response,
                        "code": parsed.code,
                        "tests": parsed.tests,
                        "language": "python",
                        "temperature": float(gen.temperature),
                        "top_p": float(gen.top_p),
                        "max_new_tokens": int(gen.max_new_tokens),
                        "sampling_seed": done.seed,
                        "finish_reason": completion.finish_reason,
                        "prompt_tokens": completion.prompt_tokens,
                        "completion_tokens": completion.completion_tokens,
                        "status": parsed.status,
                        "error": parsed.error,
                        "meta": json.dumps(row_meta, ensure_ascii=False, sort_keys=True),
                        **provenance,
                    }
                )
    if gen.ask_for_missing_tests:
        entries = {f"{t.key}-{j}": t.entry for t in tasks if t.with_tests and t.key not in failures for j in range(t.samples)}
        params = SamplingParams(gen.temperature, gen.top_p, gen.tests_max_new_tokens, derive_seed(pool_seed, "tests"), repeat_guard=gen.repeat_guard)
        tokens += add_missing_tests(engine, [r for shard in shards for r in out[shard]], strategies, entries, params, progress)[1]
    return out, tokens
