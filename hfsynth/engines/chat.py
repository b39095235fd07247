"""Prompts to token ids, the one way every engine does it (so both engines see the same inputs)."""

from __future__ import annotations

from typing import List

from hfsynth.engines.base import Messages, Prompt
from hfsynth.errors import HfsynthError


def encode_chat(tokenizer, messages: Messages) -> List[int]:
    """Chat messages through the tokenizer's chat template (with the generation prompt), then no extra
    special tokens (the template already holds them). A tokenizer without a template is refused."""
    if not getattr(tokenizer, "chat_template", None):
        raise HfsynthError("model: the tokenizer has no chat template; set model.chat_template in the recipe or pass raw text prompts")
    text = tokenizer.apply_chat_template(list(messages), add_generation_prompt=True, tokenize=False)
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def encode_prompt(tokenizer, prompt: Prompt) -> List[int]:
    """Chat messages go through the chat template (:func:`encode_chat`); a string is raw text
    (with the tokenizer's special tokens)."""
    if isinstance(prompt, str):
        return tokenizer(prompt, add_special_tokens=True)["input_ids"]
    return encode_chat(tokenizer, prompt)
