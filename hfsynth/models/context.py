"""How many positions a model can attend over, read from its config.

Models with learned absolute position embeddings (GPT-2, OPT, GPT-BigCode) index a table of
``max_position_embeddings`` rows: one token past it is an ``IndexError`` deep inside the forward
pass. Rotary models only degrade there. So generation stops a sequence at the context length (as
vLLM does with ``max_model_len``) and scoring cuts rows to it, for every model alike; a
``train.max_length`` past it is refused where a learned table would break (training past a rotary
model's figure is allowed).
"""

from __future__ import annotations

from typing import Optional


def context_length(config) -> Optional[int]:
    """The model's ``max_position_embeddings`` (GPT-2 spells it ``n_positions``; transformers maps the
    name), from its text config; None when it has no fixed limit (ALiBi models such as BLOOM)."""
    text = config.get_text_config() if hasattr(config, "get_text_config") else config
    value = getattr(text, "max_position_embeddings", None)
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def learned_position_table(model, limit: int) -> bool:
    """Whether the model looks positions up in a learned table of about ``limit`` rows (GPT-2's ``wpe``,
    OPT's ``embed_positions`` with its offset of 2): an embedding other than the token embedding, that size."""
    import torch

    tokens = model.get_input_embeddings()
    return any(
        isinstance(module, torch.nn.Embedding) and module is not tokens and limit <= module.num_embeddings <= limit + 8
        for module in model.modules()
    )


def check_train_length(recipe) -> None:
    """Refuse ``train.max_length`` beyond a learned position table before any weight loads: GPT-2 or OPT
    would fail mid-training with an IndexError on the first long row. Rotary and ALiBi models have no
    table and train past their config's figure (degraded, not broken), so they are left alone."""
    from hfsynth.errors import HfsynthError
    from hfsynth.models.skeleton import model_skeleton

    asked = recipe.train.max_length
    if asked is None:
        return
    skeleton = model_skeleton(recipe)
    limit = context_length(skeleton.config)
    if limit is not None and asked > limit and learned_position_table(skeleton, limit):
        raise HfsynthError(
            f"train.max_length: {asked} tokens exceed the {limit} positions of '{recipe.model.name_or_path}' "
            f"(a learned position table; max_position_embeddings in its config); set train.max_length to {limit} or less"
        )
