"""Padding-free batches on SDPA: each packed example must see only itself, exactly as if run alone."""

import pytest
import torch
from trl import SFTConfig

from hfsynth.models.varlen_attention import VARLEN_SDPA, use_varlen_sdpa_if_padding_free


@pytest.fixture
def tiny_llama(tiny_model_dir):
    from transformers import AutoModelForCausalLM

    return AutoModelForCausalLM.from_pretrained(tiny_model_dir, dtype=torch.float32, attn_implementation="sdpa")


def _packed(examples):
    """What TRL's padding-free collator produces for these examples: one row, positions restart per example."""
    from trl.trainer.sft_trainer import DataCollatorForLanguageModeling

    return DataCollatorForLanguageModeling(pad_token_id=0, padding_free=True)([{"input_ids": e} for e in examples])


def _examples():
    gen = torch.Generator().manual_seed(0)
    return [torch.randint(5, 500, (n,), generator=gen).tolist() for n in (7, 19, 3, 12)]


def _config(tmp_path, **kwargs):
    return SFTConfig(output_dir=str(tmp_path), use_cpu=True, report_to="none", **kwargs)


def test_packed_logits_and_gradients_match_each_example_alone(tiny_llama, tmp_path, monkeypatch):
    examples = _examples()
    alone = []
    for ids in examples:  # gradients accumulate over the examples, as they do over one packed row
        out = tiny_llama(input_ids=torch.tensor([ids]))
        out.logits.sum().backward()
        alone.append(out.logits[0].detach())
    grad_alone = tiny_llama.model.layers[0].self_attn.q_proj.weight.grad.clone()

    assert use_varlen_sdpa_if_padding_free(tiny_llama, _config(tmp_path, packing=True))  # BFD: padding-free
    assert tiny_llama.config._attn_implementation == VARLEN_SDPA
    batch = _packed(examples)
    tiny_llama.zero_grad()
    query_lengths = []
    sdpa = torch.nn.functional.scaled_dot_product_attention

    def spy(query, *args, **kwargs):
        query_lengths.append(query.shape[2])
        return sdpa(query, *args, **kwargs)

    monkeypatch.setattr(torch.nn.functional, "scaled_dot_product_attention", spy)
    out = tiny_llama(**{k: v for k, v in batch.items() if k != "labels"})
    assert query_lengths and max(query_lengths) == max(len(e) for e in examples)  # never the whole packed row
    out.logits.sum().backward()
    torch.testing.assert_close(out.logits[0], torch.cat(alone), rtol=1e-4, atol=1e-4)
    torch.testing.assert_close(tiny_llama.model.layers[0].self_attn.q_proj.weight.grad, grad_alone, rtol=1e-4, atol=1e-5)


def test_plain_sdpa_on_the_same_row_without_boundaries_would_mix_examples(tiny_llama):
    """Guards the test above: dropping the boundaries and positions changes the logits, so it can fail."""
    examples = _examples()
    batch = _packed(examples)
    mixed = tiny_llama(input_ids=batch["input_ids"]).logits[0]
    alone = torch.cat([tiny_llama(input_ids=torch.tensor([ids])).logits[0] for ids in examples])
    assert not torch.allclose(mixed, alone, atol=1e-3)


def test_unpacked_padded_batches_are_plain_sdpa(tiny_llama, tmp_path):
    """After the switch, an ordinary right-padded batch (eval, generation) gives SDPA's results unchanged."""
    ids = torch.tensor([[11, 12, 13, 14, 15], [21, 22, 23, 0, 0]])
    mask = torch.tensor([[1, 1, 1, 1, 1], [1, 1, 1, 0, 0]])
    before = tiny_llama(input_ids=ids, attention_mask=mask).logits
    use_varlen_sdpa_if_padding_free(tiny_llama, _config(tmp_path, padding_free=True))
    after = tiny_llama(input_ids=ids, attention_mask=mask).logits
    torch.testing.assert_close(after, before)


@pytest.mark.parametrize(
    "kwargs, attn, switched",
    [
        (dict(packing=False), "sdpa", False),  # padded batches: nothing to cut
        (dict(packing=True, packing_strategy="wrapped"), "sdpa", False),  # wrapped is not padding-free
        (dict(packing=True, packing_strategy="bfd_split"), "sdpa", True),
        (dict(packing=True), "eager", False),  # a recipe's explicit choice is kept
    ],
)
def test_switch_only_for_padding_free_sdpa(tiny_model_dir, tmp_path, kwargs, attn, switched):
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir, attn_implementation=attn)
    assert use_varlen_sdpa_if_padding_free(model, _config(tmp_path, **kwargs)) is switched
    assert model.config._attn_implementation == (VARLEN_SDPA if switched else attn)
