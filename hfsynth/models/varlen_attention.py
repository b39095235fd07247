"""SDPA one packed sequence at a time, for padding-free batches where no flash-attention kernel is installed.

TRL's BFD packing is padding-free: the collator flattens a whole micro-batch into one row and
marks where each example starts (``cu_seq_lens_q``). Flash-attention's varlen kernels read those
boundaries; plain SDPA does not, so transformers builds a block-diagonal mask over the whole
flattened row and attends over all of it: (batch x max_length)^2 work and memory per layer instead
of the sum of each example's length squared. On this CPU packed steps ran 1.4x slower that way
(BENCHMARKS.md). Here the row is cut at the boundaries and each piece goes through
transformers' own SDPA forward with a causal flag, which lets PyTorch use its fused kernels.

Registered under ``VARLEN_SDPA`` in transformers' AttentionInterface; the train stage switches a
model to it only for padding-free training on SDPA (``use_varlen_sdpa_if_padding_free``). Any call
without sequence boundaries (unpacked batches, generation) is plain SDPA with the usual mask.
"""

from __future__ import annotations

VARLEN_SDPA = "hfsynth_varlen_sdpa"


def varlen_sdpa_forward(module, query, key, value, attention_mask, cu_seq_lens_q=None, cu_seq_lens_k=None, **kwargs):
    """Same contract as transformers' ``sdpa_attention_forward`` (query/key/value: batch, heads, tokens, dim)."""
    import torch
    from transformers.integrations.sdpa_attention import sdpa_attention_forward

    boundaries = cu_seq_lens_q if cu_seq_lens_q is not None else cu_seq_lens_k
    bounds = boundaries.tolist() if boundaries is not None else []
    tokens = query.shape[2]
    if query.shape[0] != 1 or key.shape[2] != tokens or bounds[:1] != [0] or bounds[-1] != tokens:
        # not one padding-free row whose boundaries cover it: SDPA with transformers' mask is exact
        return sdpa_attention_forward(module, query, key, value, attention_mask, **kwargs)
    kwargs.pop("is_causal", None)
    pieces = []
    for start, end in zip(bounds[:-1], bounds[1:]):
        if end > start:
            out, _ = sdpa_attention_forward(
                module, query[:, :, start:end], key[:, :, start:end], value[:, :, start:end], None, is_causal=True, **kwargs
            )
            pieces.append(out)
    return torch.cat(pieces, dim=1), None  # output layout: batch, tokens, heads, dim


def register_varlen_sdpa() -> str:
    """Make ``VARLEN_SDPA`` a valid ``attn_implementation`` (idempotent); returns its name."""
    from transformers import AttentionInterface
    from transformers.masking_utils import AttentionMaskInterface, sdpa_mask

    AttentionInterface.register(VARLEN_SDPA, varlen_sdpa_forward)
    # The mask is SDPA's own, so calls without boundaries stay exact; calls with boundaries ignore it.
    AttentionMaskInterface.register(VARLEN_SDPA, sdpa_mask)
    return VARLEN_SDPA


def is_padding_free(args) -> bool:
    """TRL's rule (SFTTrainer.__init__): padding-free when asked for, or implied by BFD packing."""
    return bool(args.padding_free or (args.packing and args.packing_strategy in {"bfd", "bfd_split"}))


def use_varlen_sdpa_if_padding_free(model, args) -> bool:
    """Switch ``model`` from SDPA to ``VARLEN_SDPA`` when the SFT config trains padding-free; True if switched.

    Flash-attention, eager and any other implementation a recipe chose are left alone.
    """
    if not is_padding_free(args) or getattr(model.config, "_attn_implementation", None) != "sdpa":
        return False
    model.set_attn_implementation(register_varlen_sdpa())
    return True
