"""Temperature and top-p sampling as ONE logits processor, so that ``generate`` runs its greedy path.

Why: on a CPU, transformers' sampling path costs a tenth of a decode step of a 135M model at batch
32. ``TopPLogitsWarper`` sorts the whole vocabulary of every row at every step, and
``torch.multinomial`` over 32 x 49,152 probabilities took 24 ms a step here (cProfile of the
quickstart's generate stage: 19 of 142 s in the two). The nucleus of a sampled row is rarely more
than a few dozen tokens, so :class:`NucleusSampler` takes each row's ``TOP_CANDIDATES`` most likely
tokens (``topk``, no full sort), keeps those whose more likely neighbours hold less than ``top_p`` of
the probability (the rule of ``TopPLogitsWarper``), draws one of them in proportion to its
probability, and hands ``generate`` scores that are ``-inf`` everywhere but there, so its argmax is
the draw. A row whose nucleus is wider than the candidates is sampled over its whole vocabulary
instead, so the distribution is exactly temperature + top-p sampling (vLLM samples the same way).
Draws use torch's global generator, which the engine seeds at the start of every call.
"""

from __future__ import annotations

TOP_CANDIDATES = 256


def nucleus_sampler(temperature: float, top_p: float):
    """A ``LogitsProcessor`` that samples one token per row at ``temperature`` within the ``top_p`` nucleus."""
    import torch
    from transformers import LogitsProcessor

    class NucleusSampler(LogitsProcessor):
        def __call__(self, input_ids, scores):
            probs = torch.softmax(scores.float() / temperature, dim=-1)
            if top_p >= 1.0:  # no nucleus: every token, as transformers does without a TopPLogitsWarper
                chosen = torch.multinomial(probs, 1).squeeze(-1)
            else:
                chosen = _draw(probs, min(TOP_CANDIDATES, probs.shape[-1]), top_p)
            wide = chosen < 0  # the nucleus did not fit in the candidates: the whole vocabulary
            if bool(wide.any()):
                chosen[wide] = _draw(probs[wide], probs.shape[-1], top_p)
            out = torch.full_like(scores, float("-inf"))
            out.scatter_(-1, chosen.unsqueeze(-1), 0.0)
            return out

    return NucleusSampler()


def _draw(probs, k: int, top_p: float):
    """One token id per row from the ``top_p`` nucleus of its ``k`` most likely tokens; -1 for a row
    whose nucleus is wider than ``k`` (its ``k`` tokens hold less than ``top_p``)."""
    import torch

    top, index = probs.topk(k, dim=-1)
    before = top.cumsum(dim=-1) - top  # the probability of the more likely tokens
    keep = before < top_p
    keep[..., 0] = True
    weights = top * keep
    picked = index.gather(-1, torch.multinomial(weights, 1)).squeeze(-1)
    too_narrow = keep[..., -1] & (k < probs.shape[-1])
    return picked.masked_fill(too_narrow, -1)
