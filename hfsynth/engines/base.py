"""The engine contract: prompts and sampling parameters in, completions out.

An engine is anything with ``encode(prompt)`` and ``generate(prompts, params, progress)`` (see
:class:`Engine`); :class:`hfsynth.engines.hf.HFEngine` and :class:`hfsynth.engines.vllm.VLLMEngine`
are the two hfsynth builds. This module imports nothing heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import List, Protocol, Sequence, Union, runtime_checkable

Messages = List[dict]
Prompt = Union[Messages, str]


@dataclass
class SamplingParams:
    """What to sample: ``temperature`` 0 means greedy; ``n`` completions per prompt; a sequence also
    ends at any of the ``stop`` strings, which is cut from the text (as vLLM's ``stop``)."""

    temperature: float = 0.7
    top_p: float = 0.95
    max_new_tokens: int = 256
    seed: int = 0
    n: int = 1
    stop: Sequence[str] = ()


@dataclass
class Completion:
    """One generated text; ``finish_reason`` is "stop" (end of sequence or a stop string) or "length"
    (max_new_tokens).

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
