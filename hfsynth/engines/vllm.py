"""``engine: vllm``: the same ``generate()`` as HFEngine, on vLLM (GPU only, imported lazily).

The adapter is served through vLLM's LoRA support (``LoRARequest``) on top of the base model, so
nothing is merged or copied. Prompts are tokenized by the same function as HFEngine's
(:mod:`hfsynth.engines.chat`: chat template, then no extra special tokens) and handed to vLLM as
token ids, so both engines see the same inputs. Without vLLM or without a CUDA GPU the recipe is
refused with one line saying which.
"""

from __future__ import annotations

import importlib.util
from typing import List, Sequence

from hfsynth.engines.base import Completion, Prompt, SamplingParams, repeating_tail
from hfsynth.engines.chat import encode_prompt
from hfsynth.errors import HfsynthError


def guarded(completion: Completion, times: int) -> Completion:
    """vLLM cannot stop a looping sequence from outside: its repeats are cut afterwards (same text as the hf engine)."""
    cut = repeating_tail(completion.text if completion.text.endswith("\n") else completion.text + "\n", times) if times else None
    if cut is None:
        return completion
    return Completion(completion.text[:cut], "repetition", completion.prompt_tokens, completion.completion_tokens)


VLLM_LORA_RANKS = (8, 16, 32, 64, 128, 256, 320, 512)


def check_vllm() -> None:
    """Refuse ``engine: vllm`` where it cannot run, naming what is missing."""
    if importlib.util.find_spec("vllm") is None:
        raise HfsynthError(
            "generate.engine: 'vllm' needs the vllm package (pip install 'hfsynth[vllm]') and a CUDA GPU; "
            "vllm is not installed here: set generate.engine: hf"
        )
    import torch

    if not torch.cuda.is_available():
        raise HfsynthError("generate.engine: 'vllm' needs a CUDA GPU and none is visible here: set generate.engine: hf")
    from hfsynth import dist

    if dist.world_size() > 1:
        # Every rank would start its own vLLM on the first visible GPU; vLLM manages its GPUs itself.
        raise HfsynthError(
            f"generate.engine: 'vllm' runs in one process, not under a {dist.world_size()}-process launcher: train with "
            "accelerate launch, then run `hfsynth run RECIPE --stages generate,curate,evaluate,publish` without it "
            "(or use generate.engine: hf, which shards prompts across ranks)"
        )


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
        check_vllm()
        from vllm import LLM
        from vllm.lora.request import LoRARequest

        from hfsynth.models.load import load_tokenizer, resolve_dtype
        from hfsynth.models.resolve import resolve_recipe_model

        if use_adapter:
            run_dir.require_adapter()
        resolved = resolve_recipe_model(recipe)
        kwargs = dict(
            model=resolved.path,
            dtype=resolve_dtype(recipe.model.dtype),
            seed=recipe.generate.seed,
            trust_remote_code=recipe.model.trust_remote_code,
        )
        if use_adapter:
            kwargs.update(enable_lora=True, max_lora_rank=lora_rank_limit(recipe.lora.r), max_loras=1)
        llm = LLM(**kwargs)
        lora = LoRARequest("hfsynth-adapter", 1, str(run_dir.adapter)) if use_adapter else None
        return cls(llm, load_tokenizer(resolved.path, recipe, for_training=False), lora)

    def encode(self, prompt: Prompt) -> List[int]:
        """The same token ids HFEngine feeds its model (:func:`hfsynth.engines.chat.encode_prompt`)."""
        return encode_prompt(self.tokenizer, prompt)

    def generate(self, prompts: Sequence[Prompt], params: SamplingParams, progress: bool = True) -> List[List[Completion]]:
        from vllm import SamplingParams as VllmSamplingParams
        from vllm.inputs import TokensPrompt

        greedy = params.temperature <= 0
        sampling = VllmSamplingParams(
            n=params.n,
            temperature=0.0 if greedy else params.temperature,
            top_p=1.0 if greedy else params.top_p,
            max_tokens=params.max_new_tokens,
            seed=params.seed,
            stop=list(params.stop) or None,
        )
        inputs = [TokensPrompt(prompt_token_ids=self.encode(p)) for p in prompts]
        outputs = self.llm.generate(inputs, sampling, lora_request=self.lora_request, use_tqdm=progress)
        results = []
        for output in outputs:
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
                        params.repeat_guard,
                    )
                    for o in output.outputs
                ]
            )
        return results
