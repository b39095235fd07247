"""The engine contract: prompts and sampling parameters in, completions out.

An engine is anything with ``encode(prompt)`` and ``generate(prompts, params, progress)`` (see
:class:`Engine`); :class:`hfsynth.engines.hf.HFEngine` and :class:`hfsynth.engines.vllm.VLLMEngine`
are the two hfsynth builds. This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Protocol, Sequence, Union, runtime_checkable

Messages = List[dict]
Prompt = Union[Messages, str]


@dataclass
class SamplingParams:
    """What to sample: ``temperature`` 0 means greedy; ``n`` completions per prompt; a sequence also
    ends at any of the ``stop`` strings, which is cut from the text (as vLLM's ``stop``), and, with
    ``repeat_guard``, when it loops on its own lines (:func:`repeating_tail`: the repeats are cut,
    finish_reason "repetition")."""

    temperature: float = 0.7
    top_p: float = 0.95
    max_new_tokens: int = 256
    seed: int = 0
    n: int = 1
    stop: Sequence[str] = ()
    repeat_guard: int = 0  # stop a sequence whose last lines repeat a block of 1-4 lines this many times (0 = off)


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

    def generate(self, prompts: Sequence[Prompt], params: SamplingParams, progress: bool = True) -> List[List[Completion]]:
        """``params.n`` completions for every prompt, in input order."""
        ...
