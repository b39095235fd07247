"""One shard of the plan -> its rows: ask for instructions, choose them, answer them, parse the answers.

Two engine passes per shard, three with ``generate.ask_for_missing_tests``. Pass 1 (only for tasks with ``ask``: self_instruct, evol_instruct)
samples new instructions; the strategies choose or reject them. Pass 2 answers every task that has
an instruction (or a fixed prompt: oss_instruct) with ``num_samples_per_prompt`` samples. Prompts
with the same number of samples go through one engine call, so batches stay full. Pass 3 asks,
in a call of its own, for the asserts of every parsed row that was asked for tests and has none
(:func:`add_missing_tests`).

Every task yields exactly ``task.samples`` rows: a task whose instruction could not be obtained
yields rows with ``status`` "parse_error" or "error" and the reason in ``error``, never ``None``
rows and never fewer rows. The sampling seed of each call derives from the generate seed, the
split, the shard and the pass, so a shard regenerated after a crash is the same shard.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any, Dict, List, Sequence, Tuple

from hfsynth.engines import Completion, SamplingParams
from hfsynth.synth.parsing import ParseError
from hfsynth.synth.plan import Plan, derive_seed
from hfsynth.synth.strategies.base import Parsed, Rejected, Task, parse_tests, ask_tests_prompt


def _grouped_generate(
    engine, prompts: Sequence[Tuple[Any, List[dict], int]], base: SamplingParams, tag: str, progress: bool
) -> Dict[Any, List[Completion]]:
    """Run prompts ``(key, messages, n)`` through the engine, one call per distinct ``n``."""
    by_n: Dict[int, List[Tuple[Any, List[dict]]]] = defaultdict(list)
    for key, messages, n in prompts:
        by_n[n].append((key, messages))
    out: Dict[Any, List[Completion]] = {}
    for n in sorted(by_n):
        group = by_n[n]
        params = SamplingParams(
            temperature=base.temperature, top_p=base.top_p, max_new_tokens=base.max_new_tokens, seed=derive_seed(base.seed, tag, n), n=n,
            repeat_guard=base.repeat_guard,
        )
        for (key, _), completions in zip(group, engine.generate([m for _, m in group], params, progress=progress)):
            out[key] = completions
    return out


def add_missing_tests(engine, rows: List[Dict[str, Any]], strategies, entries: Dict[str, int], params: SamplingParams, progress: bool = False) -> int:
    """Pass 3: a separate call per row that has code but no tests (``entries``: row id -> strategy
    entry, only for rows whose task asked for tests). The asserts found go to ``tests``; the row's
    meta records the call (``tests_call``: status, tokens). Returns how many rows got tests."""
    wanting = [r for r in rows if r["id"] in entries and r["status"] == "ok" and r["code"] and not (r["tests"] or "").strip()]
    if not wanting:
        return 0
    prompts = [ask_tests_prompt(strategies[entries[r["id"]]], r["instruction"], r["code"]) for r in wanting]
    found = 0
    for row, (completion,) in zip(wanting, engine.generate(prompts, params, progress=progress)):
        tests = parse_tests(completion.text)
        meta = json.loads(row["meta"] or "{}")
        meta["tests_call"] = {
            "status": "asserts" if tests else "no asserts in the answer", "finish_reason": completion.finish_reason,
            "prompt_tokens": completion.prompt_tokens, "completion_tokens": completion.completion_tokens,
        }
        row["meta"] = json.dumps(meta, ensure_ascii=False, sort_keys=True)
        if tests:
            row["tests"] = tests
            found += 1
    return found


def generate_shard(
    engine,
    plan: Plan,
    split: str,
    k: int,
    recipe,
    provenance: Dict[str, Any],
    progress: bool = False,
) -> List[Dict[str, Any]]:
    """The rows of shard ``k`` of ``split``, in task order then sample order."""
    gen = recipe.generate
    tasks = plan.shard(split, k)
    strategies = plan.strategies
    shard_seed = derive_seed(gen.seed, split, k)

    # Pass 1: new instructions.
    asks = [(t.key, t.ask, strategies[t.entry].candidates) for t in tasks if t.ask is not None]
    asked = _grouped_generate(
        engine, asks, SamplingParams(gen.temperature, gen.top_p, gen.instruction_max_new_tokens, shard_seed, repeat_guard=gen.repeat_guard), "instruction", progress
    ) if asks else {}
    instructions: Dict[str, str] = {}
    failures: Dict[str, Tuple[str, str]] = {}
    accepted: Dict[int, List[str]] = defaultdict(list)  # per strategy entry, in task order
    for t in tasks:
        if t.ask is None:
            instructions[t.key] = t.instruction or ""
            continue
        try:
            instruction = strategies[t.entry].choose_instruction(t, [c.text for c in asked[t.key]], accepted[t.entry])
        except ParseError as exc:
            failures[t.key] = ("parse_error", str(exc))
            continue
        except Rejected as exc:
            failures[t.key] = ("error", str(exc))
            continue
        accepted[t.entry].append(instruction)
        instructions[t.key] = instruction

    # Pass 2: responses.
    prompts = {t.key: strategies[t.entry].response_prompt(t, instructions[t.key]) for t in tasks if t.key not in failures}
    answered = _grouped_generate(
        engine,
        [(t.key, prompts[t.key], t.samples) for t in tasks if t.key in prompts],
        SamplingParams(gen.temperature, gen.top_p, gen.max_new_tokens, shard_seed, repeat_guard=gen.repeat_guard),
        "response",
        progress,
    )
    response_seed = {n: derive_seed(shard_seed, "response", n) for n in {t.samples for t in tasks}}

    rows: List[Dict[str, Any]] = []
    for t in tasks:
        meta = dict(t.meta)
        if t.ask is not None:
            meta["instruction_prompt"] = t.ask[-1]["content"]
            meta["instruction_candidates"] = [c.text for c in asked[t.key]]
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
            rows.append(
                {
                    "id": f"{t.key}-{j}",
                    "split": split,
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
                    "sampling_seed": response_seed[t.samples],
                    "finish_reason": completion.finish_reason,
                    "prompt_tokens": completion.prompt_tokens,
                    "completion_tokens": completion.completion_tokens,
                    "status": parsed.status,
                    "error": parsed.error,
                    "meta": json.dumps(meta, ensure_ascii=False, sort_keys=True),
                    **provenance,
                }
            )
    if gen.ask_for_missing_tests:
        entries = {f"{t.key}-{j}": t.entry for t in tasks if t.with_tests and t.key not in failures for j in range(t.samples)}
        params = SamplingParams(gen.temperature, gen.top_p, gen.tests_max_new_tokens, derive_seed(shard_seed, "tests"), repeat_guard=gen.repeat_guard)
        add_missing_tests(engine, rows, strategies, entries, params, progress)
    return rows
