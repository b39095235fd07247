"""The recipe's model built from its config on the meta device: its module tree without memory or weights.

Preflight checks read it (LoRA module names, learned position tables) before any weight loads; it
takes well under a second even for a large model, since no tensor is allocated.
"""

from __future__ import annotations

from functools import lru_cache

from hfsynth.errors import HfsynthError


@lru_cache(maxsize=4)
def _skeleton(path: str, trust_remote_code: bool):
    from accelerate import init_empty_weights
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(path, trust_remote_code=trust_remote_code)
    with init_empty_weights():
        return AutoModelForCausalLM.from_config(config, trust_remote_code=trust_remote_code)


def model_skeleton(recipe):
    """The recipe's model on the meta device (built once per folder; HfsynthError when its config cannot build it)."""
    from hfsynth.models.resolve import resolve_recipe_model

    path = resolve_recipe_model(recipe).path
    try:
        return _skeleton(path, recipe.model.trust_remote_code)
    except (OSError, ValueError, KeyError) as exc:
        raise HfsynthError(f"model.name_or_path: cannot build '{recipe.model.name_or_path}' from its config: {str(exc).splitlines()[0]}") from None
