"""How many positions a model can attend over, read from its config.

Models with learned absolute position embeddings (GPT-2, OPT, GPT-BigCode) index a table of
``max_position_embeddings`` rows: one token past it is an ``IndexError`` deep inside the forward
pass. Rotary models only degrade there. So generation stops a sequence at the context length (as
vLLM does with ``max_model_len``) and scoring cuts rows to it, for every model alike.
"""

from __future__ import annotations

from typing import Optional


def context_length(config) -> Optional[int]:
    """The model's ``max_position_embeddings`` (GPT-2 spells it ``n_positions``; transformers maps the
    name), from its text config; None when it has no fixed limit (ALiBi models such as BLOOM)."""
    text = config.get_text_config() if hasattr(config, "get_text_config") else config
    value = getattr(text, "max_position_embeddings", None)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def check_train_length(recipe) -> None:
    """Refuse ``train.max_length`` beyond the model's positions before any model loads: a learned
    position table (GPT-2, OPT) fails mid-training with an IndexError on the first long row, and a
    rotary model was never trained there (vLLM refuses a ``max_model_len`` past the config likewise)."""
    from transformers import AutoConfig

    from hfsynth.errors import HfsynthError
    from hfsynth.models.resolve import resolve_recipe_model

    asked = recipe.train.max_length
    if asked is None:
        return
    resolved = resolve_recipe_model(recipe)
    try:
        config = AutoConfig.from_pretrained(resolved.path, trust_remote_code=recipe.model.trust_remote_code)
    except (OSError, ValueError) as exc:
        raise HfsynthError(f"model.name_or_path: cannot read the config of '{recipe.model.name_or_path}': {str(exc).splitlines()[0]}") from None
    limit = context_length(config)
    if limit is not None and asked > limit:
        raise HfsynthError(
            f"train.max_length: {asked} tokens exceed the {limit} positions of '{recipe.model.name_or_path}' "
            f"(max_position_embeddings in its config); set train.max_length to {limit} or less"
        )
