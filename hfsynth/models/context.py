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
