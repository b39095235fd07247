"""Generation engines: many prompts in, ``n`` completions per prompt out, in input order.

:mod:`~hfsynth.engines.base` is the contract (:class:`SamplingParams`, :class:`Completion`, the
:class:`Engine` protocol), :mod:`~hfsynth.engines.chat` the one prompt encoder,
:mod:`~hfsynth.engines.hf` and :mod:`~hfsynth.engines.vllm` the two engines and
:mod:`~hfsynth.engines.factory` picks one for a recipe. Used by the generate stage and by the
metrics (HumanEval). Importing this package is cheap: torch, transformers and vLLM are imported
only when an engine is built or run.
"""

from hfsynth.engines.base import Completion, Engine, Messages, Prompt, SamplingParams
from hfsynth.engines.chat import encode_chat, encode_prompt
from hfsynth.engines.factory import make_engine
from hfsynth.engines.hf import HFEngine
from hfsynth.engines.vllm import VLLMEngine, check_vllm

__all__ = [
    "Completion",
    "Engine",
    "HFEngine",
    "Messages",
    "Prompt",
    "SamplingParams",
    "VLLMEngine",
    "check_vllm",
    "encode_chat",
    "encode_prompt",
    "make_engine",
]
