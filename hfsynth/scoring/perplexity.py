"""Perplexity of responses given their prompts: exp(total NLL of response tokens / their number).

Token-weighted over the whole sample (not a mean of per-row perplexities, which short rows would
dominate). A row is its chat ``prompt`` rendered with the tokenizer's chat template and the
generation prompt, then the assistant ``response`` as the chat template renders the finished turn
(so the end-of-turn token is scored too). Only the response tokens are scored; the prompt is
context. Batches are right-padded so every real token keeps its position id, and sorted by length
so little padding is computed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple


@dataclass
class PerplexityResult:
    perplexity: Optional[float]  # None when no token was scored
    tokens: int  # response tokens scored
    rows: int  # rows that contributed at least one token
    nll: float  # summed negative log-likelihood (nats)
    max_length: int = 0  # rows were cut to this many tokens (the asked length or the model's context, the shorter)


def _as_messages(prompt) -> List[Dict[str, str]]:
    if isinstance(prompt, str):
        return [{"role": "user", "content": prompt}]
    return [{"role": m["role"], "content": m["content"]} for m in prompt]


def encode_row(tokenizer, prompt, response: str, max_length: int) -> Optional[Tuple[List[int], int]]:
    """(token ids of prompt + response, index of the first response token), cut to ``max_length``.

    None when nothing of the response is left to score.
    """
    messages = _as_messages(prompt)
    if getattr(tokenizer, "chat_template", None):
        context = tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=False)
        full = tokenizer.apply_chat_template(messages + [{"role": "assistant", "content": response}], tokenize=False)
        if not full.startswith(context):  # a template that rewrites earlier turns: score the response alone
            full = context + response
        context_ids = tokenizer(context, add_special_tokens=False)["input_ids"]
        full_ids = tokenizer(full, add_special_tokens=False)["input_ids"]
    else:
        context = "\n".join(m["content"] for m in messages) + "\n"
        context_ids = tokenizer(context, add_special_tokens=True)["input_ids"]
        full_ids = context_ids + tokenizer(response, add_special_tokens=False)["input_ids"]
        if tokenizer.eos_token_id is not None:
            full_ids = full_ids + [tokenizer.eos_token_id]
    start = len(context_ids)
    if full_ids[:start] != context_ids:  # BPE merged across the boundary: count from the first difference
        start = next(i for i, (a, b) in enumerate(zip(full_ids, context_ids)) if a != b)
    full_ids = full_ids[:max_length]
    if start < 1 or start >= len(full_ids):
        return None
    return full_ids, start


def response_nll(model, tokenizer, rows: Sequence[Dict], batch_size: int = 8, max_length: int = 1024) -> PerplexityResult:
    """Summed NLL of the response tokens of ``rows`` (dicts with ``prompt`` and ``response``); rows are
    cut to ``max_length`` and to the model's context length (learned position tables end there)."""
    import torch

    from hfsynth.models.context import context_length

    limit = context_length(model.config)
    if limit is not None:
        max_length = min(max_length, limit)
    encoded = []
    for row in rows:
        response = row.get("response")
        if not isinstance(response, str) or not response:
            continue
        item = encode_row(tokenizer, row.get("prompt") or row.get("instruction") or "", response, max_length)
        if item is not None:
            encoded.append(item)
    encoded.sort(key=lambda item: -len(item[0]))
    pad = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    device = next(model.parameters()).device
    total_nll, total_tokens = 0.0, 0
    was_training = model.training
    model.eval()
    try:
        with torch.inference_mode():
            for first in range(0, len(encoded), batch_size):
                batch = encoded[first:first + batch_size]
                width = max(len(ids) for ids, _ in batch)
                input_ids = torch.full((len(batch), width), pad, dtype=torch.long)
                attention = torch.zeros((len(batch), width), dtype=torch.long)
                labels = torch.full((len(batch), width), -100, dtype=torch.long)
                for r, (ids, start) in enumerate(batch):
                    input_ids[r, : len(ids)] = torch.tensor(ids)
                    attention[r, : len(ids)] = 1
                    labels[r, start : len(ids)] = torch.tensor(ids[start:])
                logits = model(input_ids=input_ids.to(device), attention_mask=attention.to(device)).logits.float()
                shift_logits = logits[:, :-1, :]
                shift_labels = labels[:, 1:].to(device)
                nll = torch.nn.functional.cross_entropy(
                    shift_logits.reshape(-1, shift_logits.size(-1)), shift_labels.reshape(-1), ignore_index=-100, reduction="sum"
                )
                total_nll += float(nll)
                total_tokens += int((shift_labels != -100).sum())
    finally:
        model.train(was_training)
    ppl = math.exp(total_nll / total_tokens) if total_tokens else None
    return PerplexityResult(perplexity=ppl, tokens=total_tokens, rows=len(encoded), nll=total_nll, max_length=max_length)
