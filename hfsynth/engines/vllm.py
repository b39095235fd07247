"""``engine: vllm``: the same ``generate()`` as HFEngine, on vLLM (GPU only, imported lazily).

The adapter is served through vLLM's LoRA support (``LoRARequest``) on top of the base model, so
nothing is merged or copied. Prompts are tokenized by the same function as HFEngine's
(:mod:`hfsynth.engines.chat`: chat template, then no extra special tokens) and handed to vLLM as
token ids, so both engines see the same inputs. Without vLLM or without a CUDA GPU the recipe is
refused with one line saying which.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Union

from hfsynth.engines.base import Completion, FollowUps, Prompt, SamplingParams, in_rounds, per_prompt, repeating_tail
from hfsynth.engines.chat import encode_prompt, end_of_turn_ids
from hfsynth.errors import HfsynthError


def guarded(completion: Completion, times: int) -> Completion:
    """vLLM cannot stop a looping sequence from outside: its repeats are cut afterwards (same text as the hf engine)."""
    cut = repeating_tail(completion.text if completion.text.endswith("\n") else completion.text + "\n", times) if times else None
    if cut is None:
        return completion
    return Completion(completion.text[:cut], "repetition", completion.prompt_tokens, completion.completion_tokens)


VLLM_LORA_RANKS = (8, 16, 32, 64, 128, 256, 320, 512)


def check_vllm(recipe=None) -> EngineLayout:
    """Refuse ``engine: vllm`` where it cannot run, naming what is missing; else this rank's layout."""
    if importlib.util.find_spec("vllm") is None:
        raise HfsynthError(
            "generate.engine: 'vllm' needs the vllm package (pip install 'hfsynth[vllm]') and a CUDA GPU; "
            "vllm is not installed here: set generate.engine: hf"
        )
    import torch

    if not torch.cuda.is_available():
        raise HfsynthError("generate.engine: 'vllm' needs a CUDA GPU and none is visible here: set generate.engine: hf")
    return layout_for(recipe, torch.cuda.device_count())


def layout_for(recipe, visible_gpus: int) -> EngineLayout:
    """This rank's :class:`EngineLayout` for the recipe under the current launcher (environment)."""
    import os

    from hfsynth import dist

    tp = recipe.generate.tensor_parallel_size if recipe is not None else 1
    local = int(os.environ.get("LOCAL_WORLD_SIZE", "1"))
    return vllm_layout(tp, dist.world_size(), dist.rank(), local, visible_gpus)


@dataclass(frozen=True)
class EngineLayout:
    """How the ranks of a launch share generation: ``groups`` engines, this rank in engine ``group``."""

    groups: int  # engines, each a shard owner (one per rank for HF, world / tensor_parallel_size for vLLM)
    group: int  # this rank's engine: it owns shards k with k % groups == group
    writes: bool  # the engine's first rank writes its shards; the others only take part in the collectives


def vllm_layout(tensor_parallel_size: int, world_size: int, rank: int, local_world_size: int, visible_gpus: int) -> EngineLayout:
    """One vLLM engine per ``tensor_parallel_size`` consecutive ranks (``external_launcher``), or refuse in one line.

    In one process vLLM spreads its tensor-parallel workers over the GPUs it sees itself.
    """
    tp = tensor_parallel_size
    if world_size == 1:
        if tp > visible_gpus:
            raise HfsynthError(
                f"generate.tensor_parallel_size: {tp} GPUs per vLLM engine but this process sees {visible_gpus}; "
                f"lower it to at most {visible_gpus} (or make more GPUs visible)"
            )
        return EngineLayout(groups=1, group=0, writes=True)
    if world_size % tp:
        raise HfsynthError(
            f"generate.tensor_parallel_size: {tp} does not divide the launcher's {world_size} processes; "
            "each vLLM engine takes tensor_parallel_size whole ranks"
        )
    if tp > local_world_size:
        raise HfsynthError(
            f"generate.tensor_parallel_size: {tp} is more than the {local_world_size} processes (GPUs) of one node; "
            "tensor parallelism stays inside a node: lower it or put more GPUs per node"
        )
    if visible_gpus < local_world_size:
        raise HfsynthError(
            f"generate.engine: 'vllm' under a launcher needs one GPU per process: {local_world_size} processes on this "
            f"node but {visible_gpus} GPU(s) visible; lower num_processes"
        )
    return EngineLayout(groups=world_size // tp, group=rank // tp, writes=rank % tp == 0)


def vllm_engine_kwargs(recipe, model_path: str, use_adapter: bool, world_size: int) -> Dict[str, Any]:
    """What ``vllm.LLM`` gets. Under a launcher every rank builds its own engine inside the launcher's process
    group (``distributed_executor_backend="external_launcher"``, as TRL's colocated vLLM does); all ranks use
    the same seed, which vLLM needs so that the ranks of one tensor-parallel engine sample alike."""
    from hfsynth.models.load import resolve_dtype

    kwargs: Dict[str, Any] = dict(
        model=model_path,
        dtype=resolve_dtype(recipe.model.dtype),
        seed=recipe.generate.seed,
        trust_remote_code=recipe.model.trust_remote_code,
        tensor_parallel_size=recipe.generate.tensor_parallel_size,
    )
    if world_size > 1:
        kwargs["distributed_executor_backend"] = "external_launcher"
    if use_adapter:
        kwargs.update(enable_lora=True, max_lora_rank=lora_rank_limit(recipe.lora.r), max_loras=1)
    return kwargs


def lora_rank_limit(r: int) -> int:
    """The smallest ``max_lora_rank`` vLLM accepts that holds rank ``r``."""
    for size in VLLM_LORA_RANKS:
        if r <= size:
            return size
    raise HfsynthError(f"lora.r: vLLM serves LoRA ranks up to {VLLM_LORA_RANKS[-1]}, got {r}; use generate.engine: hf")


class VLLMEngine:
    """vLLM behind HFEngine's interface: ``generate(prompts, params) -> [[Completion] * n]`` in input order."""

    def __init__(self, llm, tokenizer, lora_request=None):
        self.llm = llm
        self.tokenizer = tokenizer
        self.lora_request = lora_request

    @classmethod
    def from_recipe(cls, recipe, run_dir, use_adapter: bool = True) -> "VLLMEngine":
        check_vllm(recipe)
        import gc

        import torch
        from vllm import LLM
        from vllm.lora.request import LoRARequest

        from hfsynth import dist
        from hfsynth.models.load import load_tokenizer
        from hfsynth.models.resolve import resolve_recipe_model

        if use_adapter:
            run_dir.require_adapter()
        resolved = resolve_recipe_model(recipe)
        kwargs = vllm_engine_kwargs(recipe, resolved.path, use_adapter, dist.world_size())
        gc.collect()  # the train stage's model (same process under one launch) must not hold GPU memory vLLM reserves
        torch.cuda.empty_cache()
        llm = LLM(**kwargs)
        lora = LoRARequest("hfsynth-adapter", 1, str(run_dir.adapter)) if use_adapter else None
        return cls(llm, load_tokenizer(resolved.path, recipe, for_training=False), lora)

    def encode(self, prompt: Prompt) -> List[int]:
        """The same token ids HFEngine feeds its model (:func:`hfsynth.engines.chat.encode_prompt`)."""
        return encode_prompt(self.tokenizer, prompt)

    def generate(
        self,
        prompts: Sequence[Prompt],
        params: Union[SamplingParams, Sequence[SamplingParams]],
        progress: bool = True,
        follow_ups: Optional[FollowUps] = None,
    ) -> List[List[Completion]]:
        """As :meth:`HFEngine.generate`; follow-ups run as further calls (vLLM's offline ``generate``
        takes its requests up front)."""
        return in_rounds(lambda p, s: self._generate_once(p, s, progress), prompts, params, follow_ups)

    def _generate_once(self, prompts: Sequence[Prompt], params: Union[SamplingParams, Sequence[SamplingParams]], progress: bool) -> List[List[Completion]]:
        from vllm import SamplingParams as VllmSamplingParams
        from vllm.inputs import TokensPrompt

        end_of_turn = end_of_turn_ids(self.tokenizer)

        def converted(p: SamplingParams):
            greedy = p.temperature <= 0
            return VllmSamplingParams(
                n=p.n,
                temperature=0.0 if greedy else p.temperature,
                top_p=1.0 if greedy else p.top_p,
                max_tokens=p.max_new_tokens,
                seed=p.seed,
                stop=list(p.stop) or None,
                stop_token_ids=end_of_turn or None,  # as HFEngine: the chat template's end of turn ends a sequence
                include_stop_str_in_output=p.include_stop_str_in_output,
            )

        per = per_prompt(params, len(prompts))
        sampling = converted(params) if isinstance(params, SamplingParams) else [converted(p) for p in per]
        inputs = [TokensPrompt(prompt_token_ids=self.encode(p)) for p in prompts]
        outputs = self.llm.generate(inputs, sampling, lora_request=self.lora_request, use_tqdm=progress)
        results = []
        for output, guard in zip(outputs, (p.repeat_guard for p in per)):
            prompt_tokens = len(output.prompt_token_ids)
            results.append(
                [
                    guarded(
                        Completion(
                            text=o.text,
                            finish_reason="length" if o.finish_reason == "length" else "stop",
                            prompt_tokens=prompt_tokens,
                            completion_tokens=len(o.token_ids),
                        ),
                        guard,
                    )
                    for o in output.outputs
                ]
            )
        return results
