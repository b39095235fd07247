"""The recipe's model built from its config on the meta device: its module tree without memory or weights.

Preflight checks read it (the attention implementation transformers accepts, LoRA module names,
learned position tables) before any weight loads. It is built once per process for a model folder,
remote-code choice and attention implementation; even a large model takes well under a second,
since no tensor is allocated.
"""

from __future__ import annotations

from functools import lru_cache

from hfsynth.errors import HfsynthError


@lru_cache(maxsize=4)
def _skeleton(path: str, trust_remote_code: bool, attn_implementation):
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(path, trust_remote_code=trust_remote_code)
    extra = {"attn_implementation": attn_implementation} if attn_implementation else {}
    with torch.device("meta"):
        return AutoModelForCausalLM.from_config(config, trust_remote_code=trust_remote_code, **extra)


def model_skeleton(recipe):
    """The recipe's model on the meta device; HfsynthError when its config cannot build it (naming
    ``model.attn_implementation`` when that is what transformers refused)."""
    from hfsynth.models.resolve import resolve_recipe_model

    path = resolve_recipe_model(recipe).path
    attn = recipe.model.attn_implementation
    try:
        return _skeleton(path, recipe.model.trust_remote_code, attn)
    except (OSError, ValueError, KeyError, ImportError) as exc:
        field = "model.attn_implementation" if attn and ("attn" in str(exc).lower() or "attention" in str(exc).lower()) else "model.name_or_path"
        raise HfsynthError(
            f"{field}: '{recipe.model.name_or_path}' cannot be built as a causal LM: {' '.join(str(exc).split())[:300]}"
        ) from None
