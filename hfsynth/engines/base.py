"""The engine contract: prompts and sampling parameters in, completions out.

An engine is anything with ``encode(prompt)`` and ``generate(prompts, params, progress)`` (see
:class:`Engine`); :class:`hfsynth.engines.hf.HFEngine` and :class:`hfsynth.engines.vllm.VLLMEngine`
are the two hfsynth builds. This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Protocol, Sequence, Tuple, Union, runtime_checkable

Messages = List[dict]
Prompt = Union[Messages, str]


@dataclass
class SamplingParams:
    """What to sample: ``temperature`` 0 means greedy; ``n`` completions per prompt; a sequence also
    ends at any of the ``stop`` strings, which is cut from the text unless ``include_stop_str_in_output``
    (vLLM's names and meaning), and, with ``repeat_guard``, when it loops on its own lines
    (:func:`repeating_tail`: the repeats are cut, finish_reason "repetition").

    An engine call takes one SamplingParams for every prompt or one per prompt (as vLLM does); the hf
    engine needs the per-prompt ones to differ only in ``n``, ``stop``, ``include_stop_str_in_output``
    and ``max_new_tokens`` (:func:`per_prompt`), so prompts of several strategies share its batches."""

    temperature: float = 0.7
    top_p: float = 0.95
    max_new_tokens: int = 256
    seed: int = 0
    n: int = 1
    stop: Sequence[str] = ()
    repeat_guard: int = 0  # stop a sequence whose last lines repeat a block of 1-4 lines this many times (0 = off)
    include_stop_str_in_output: bool = False


BATCH_WIDE = ("temperature", "top_p", "seed", "repeat_guard")


FollowUps = Callable[[Dict[int, List["Completion"]]], Sequence[Tuple["Prompt", "SamplingParams"]]]
"""Told which prompts of a call have finished (index -> their completions, in sample order), answers
the prompts to add to the same call (``(prompt, params)``; their indices follow the existing ones)."""


def per_prompt(params: Union["SamplingParams", Sequence["SamplingParams"]], count: int, batch_wide: Sequence[str] = ()) -> List["SamplingParams"]:
    """``params`` as one SamplingParams per prompt. ``batch_wide`` names the fields an engine cannot vary
    inside one call: per-prompt params that differ in one of them are a programming error (ValueError)."""
    if isinstance(params, SamplingParams):
        return [params] * count
    listed = list(params)
    if len(listed) != count:
        raise ValueError(f"{len(listed)} sampling parameters for {count} prompts")
    for name in batch_wide:
        values = {getattr(p, name) for p in listed}
        if len(values) > 1:
            raise ValueError(f"sampling parameters of one call differ in {name} ({sorted(values)}); this engine needs one value per call")
    return listed


def in_rounds(generate_once: Callable, prompts: Sequence["Prompt"], params, follow_ups: Optional[FollowUps]) -> List[List["Completion"]]:
    """``follow_ups`` for an engine that cannot add prompts to a running call: the call, then one
    call for what the follow-ups asked of its finished prompts, and so on until they ask nothing."""
    results = list(generate_once(prompts, params))
    start = 0
    while follow_ups is not None and start < len(results):
        more = list(follow_ups({i: results[i] for i in range(start, len(results))}))
        start = len(results)
        if more:
            results.extend(generate_once([m for m, _ in more], [p for _, p in more]))
    return results


def repeating_tail(text: str, times: int, min_chars: int = 8, max_block: int = 4) -> Optional[int]:
    """Where the loop starts when the text's last complete lines are one block of 1..``max_block``
    lines repeated ``times`` times in a row (the block holding ``min_chars`` non-blank characters):
    the offset of the block's second copy, so ``text[:offset]`` keeps one. None when it does not loop."""
    if times < 2:
        return None
    lines = text.split("\n")[:-1]  # the last line may still be growing
    while lines and not lines[-1].strip():
        lines.pop()
    for size in range(1, max_block + 1):
        span = size * times
        if len(lines) < span:
            break
        tail = [line.rstrip() for line in lines[-span:]]
        first = tail[:size]
        if sum(len(line.strip()) for line in first) < min_chars:
            continue
        if all(tail[k * size:(k + 1) * size] == first for k in range(1, times)):
            start = len(lines) - span
            while start >= size and [line.rstrip() for line in lines[start - size:start]] == first:
                start -= size  # the loop began earlier: keep only its first copy
            return sum(len(line) + 1 for line in lines[: start + size])
    return None


@dataclass
class Completion:
    """One generated text; ``finish_reason`` is "stop" (end of sequence or a stop string), "length"
    (max_new_tokens) or "repetition" (cut by ``SamplingParams.repeat_guard``).

    ``completion_tokens`` counts the generated tokens including the end-of-sequence token.
    """

    text: str
    finish_reason: str
    prompt_tokens: int
    completion_tokens: int


@runtime_checkable
class Engine(Protocol):
    """What the stages ask of an engine. Engines also carry the ``tokenizer`` they encode with
    (HumanEval reads it to choose between chat and completion prompts)."""

    def encode(self, prompt: Prompt) -> List[int]:
        """The token ids the model sees for one prompt (chat messages or raw text)."""
        ...

    def generate(
        self,
        prompts: Sequence[Prompt],
        params: Union[SamplingParams, Sequence[SamplingParams]],
        progress: bool = True,
        follow_ups: Optional[FollowUps] = None,
    ) -> List[List[Completion]]:
        """``params.n`` completions for every prompt (its own params when given a list), in input order,
        then those of the prompts ``follow_ups`` added. A prompt whose messages end with an assistant
        message is continued from it (a prefill): the completion holds only the new text."""
        ...
