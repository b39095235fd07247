"""Prompts to token ids, the one way every engine does it (so both engines see the same inputs)."""

from __future__ import annotations

from typing import List

from hfsynth.engines.base import Messages, Prompt
from hfsynth.errors import HfsynthError


def prefill(messages: Messages) -> str:
    """The start of the answer the model is made to continue: the content of a trailing assistant
    message ("" when the messages end with a user turn)."""
    if messages and messages[-1].get("role") == "assistant":
        return messages[-1].get("content") or ""
    return ""


def with_prefill(messages: Messages, text: str) -> Messages:
    """``messages`` with the assistant turn started by ``text`` (unchanged when ``text`` is empty)."""
    return list(messages) + [{"role": "assistant", "content": text}] if text else list(messages)


def encode_chat(tokenizer, messages: Messages) -> List[int]:
    """Chat messages through the tokenizer's chat template (with the generation prompt), then no extra
    special tokens (the template already holds them). Messages ending with an assistant message are a
    prefill: its text follows the generation prompt verbatim and the model continues it (not the
    template's ``continue_final_message``, which strips the prefill's trailing whitespace, so the text
    re-attached to a completion would not be what the model saw). A tokenizer without a template is
    refused."""
    if not getattr(tokenizer, "chat_template", None):
        raise HfsynthError("model: the tokenizer has no chat template; set model.chat_template in the recipe or pass raw text prompts")
    start = prefill(messages)
    turns = list(messages)[:-1] if messages and messages[-1].get("role") == "assistant" else list(messages)
    text = tokenizer.apply_chat_template(turns, add_generation_prompt=True, tokenize=False) + start
    return tokenizer(text, add_special_tokens=False)["input_ids"]


def end_of_turn_ids(tokenizer) -> List[int]:
    """The special token the chat template closes an assistant turn with (``<|im_end|>``, ``<end_of_turn>``,
    ``<|eot_id|>``, ``<|end|>``), as a one-element list; empty when the turn ends with plain text or
    there is no template.

    A tuned model learns to emit it at the end of its answer, but a base model's tokenizer and
    generation config often name another EOS (Qwen2.5 base: ``<|endoftext|>``, with a ChatML template):
    without this, every answer would run on into an invented next turn until ``max_new_tokens``."""
    if not getattr(tokenizer, "chat_template", None):
        return []
    probe = "hfsynthprobe"
    try:
        text = tokenizer.apply_chat_template([{"role": "user", "content": "hi"}, {"role": "assistant", "content": probe}], tokenize=False)
    except Exception:  # a template that cannot render this: the preflight says why; nothing to add here
        return []
    at = text.rfind(probe)
    if at < 0:
        return []
    after = tokenizer(text[at + len(probe):], add_special_tokens=False)["input_ids"]
    special = set(tokenizer.all_special_ids) | {i for i, t in tokenizer.added_tokens_decoder.items() if t.special}
    return [int(after[0])] if after and after[0] in special else []


def encode_prompt(tokenizer, prompt: Prompt) -> List[int]:
    """Chat messages go through the chat template (:func:`encode_chat`); a string is raw text
    (with the tokenizer's special tokens)."""
    if isinstance(prompt, str):
        return tokenizer(prompt, add_special_tokens=True)["input_ids"]
    return encode_chat(tokenizer, prompt)
