"""Tiny random models of many architectures, each with a tokenizer in the style of its family.

The tests run hfsynth on these to catch what only some architectures break: Conv1D layers (GPT-2),
absolute positions (GPT-2, OPT), no ``position_ids`` at all (BLOOM's ALiBi), sliding-window and
hybrid KV caches (Mistral, Gemma2/3, StarCoder2), logit soft-capping (Gemma2), fused projections (Phi3, Falcon,
GPT-NeoX), recurrent states (Mamba, the hybrid Jamba), tied embeddings, and tokenizers without a chat template, without a pad token, with a
BOS token, with pad == eos, with an EOS that is not the end of a turn, or refusing the system role. Each builds in about a second, hidden size 32-64, two layers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Optional

from hfsynth.testing.tiny_model import CHATML, build_tiny_tokenizer

# ChatML that starts with the BOS token, as Gemma's and Llama-3's templates do.
CHATML_WITH_BOS = "{{ bos_token }}" + CHATML
# As Gemma's templates: a system message is an error.
NO_SYSTEM_ROLE = "{% if messages[0]['role'] == 'system' %}{{ raise_exception('System role not supported') }}{% endif %}"
# A plain-text chat template for a base model with no special chat tokens (what a recipe would set as
# model.chat_template for GPT-2): assistant turns end with EOS, so a tuned model learns to stop.
PLAIN_CHAT = (
    "{% for message in messages %}"
    "{{ message['role'] + ': ' + message['content'] }}{% if message['role'] == 'assistant' %}{{ eos_token }}{% endif %}{{ '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ 'assistant: ' }}{% endif %}"
)


@dataclass(frozen=True)
class TokenizerStyle:
    """How a family's tokenizer differs from the default (ChatML, ``<pad>``, no BOS)."""

    chat_template: Optional[str] = CHATML
    eos: str = "<|im_end|>"
    pad: Optional[str] = "<pad>"  # None: no pad token; equal to ``eos``: pad == eos
    bos: Optional[str] = None  # prepended to every encoding (add_special_tokens) when set


CHATML_STYLE = TokenizerStyle()
QWEN_STYLE = TokenizerStyle(pad="<|endoftext|>")  # pad is a real token that is not EOS
# A base model's tokenizer with an instruct template (Qwen2.5 base): EOS is not what ends a turn.
BASE_WITH_CHATML = TokenizerStyle(eos="<|endoftext|>", pad="<|endoftext|>")
PAD_IS_EOS = TokenizerStyle(pad="<|im_end|>")
NO_PAD = TokenizerStyle(pad=None)
BOS_STYLE = TokenizerStyle(chat_template=CHATML_WITH_BOS, bos="<|endoftext|>")  # Llama-3, OPT: BOS + template
GEMMA_STYLE = TokenizerStyle(chat_template=NO_SYSTEM_ROLE + CHATML_WITH_BOS, bos="<|endoftext|>")  # and no system role
GPT2_STYLE = TokenizerStyle(chat_template=None, eos="<|endoftext|>", pad=None)  # base model: no template, no pad


def build_styled_tokenizer(style: TokenizerStyle):
    """The tiny BPE tokenizer dressed as ``style`` says."""
    from tokenizers import processors

    tok = build_tiny_tokenizer()
    tok.eos_token = style.eos
    tok.pad_token = style.pad
    tok.chat_template = style.chat_template
    if style.bos:
        tok.bos_token = style.bos
        bos_id = tok.convert_tokens_to_ids(style.bos)
        tok._tokenizer.post_processor = processors.TemplateProcessing(
            single=f"{style.bos} $A", pair=f"{style.bos} $A $B", special_tokens=[(style.bos, bos_id)]
        )
    return tok


def _ids(tok) -> dict:
    return dict(vocab_size=len(tok), eos_token_id=tok.eos_token_id, pad_token_id=tok.pad_token_id, bos_token_id=tok.bos_token_id)


def _llama_like(config_cls: str, **extra) -> Callable:
    """Builder of a Llama-shaped config (Qwen2/3, Mistral, Gemma*, Phi3, StarCoder2)."""

    def build(tok, hidden: int):
        import transformers

        kwargs = dict(
            hidden_size=hidden, intermediate_size=hidden * 2, num_hidden_layers=2, num_attention_heads=4,
            num_key_value_heads=2, max_position_embeddings=512, **_ids(tok),
        )
        kwargs.update(extra)
        return getattr(transformers, config_cls)(**kwargs)

    return build


def _gpt2(tok, hidden: int):
    from transformers import GPT2Config

    return GPT2Config(n_embd=hidden, n_layer=2, n_head=4, n_positions=512, **_ids(tok))


def _gpt_neox(tok, hidden: int):
    from transformers import GPTNeoXConfig

    return GPTNeoXConfig(hidden_size=hidden, intermediate_size=hidden * 2, num_hidden_layers=2, num_attention_heads=4,
                         max_position_embeddings=512, rotary_pct=0.25, tie_word_embeddings=False, **_ids(tok))


def _opt(tok, hidden: int):
    from transformers import OPTConfig

    return OPTConfig(hidden_size=hidden, ffn_dim=hidden * 2, num_hidden_layers=2, num_attention_heads=4,
                     word_embed_proj_dim=hidden, max_position_embeddings=512, **_ids(tok))


def _falcon(tok, hidden: int):
    from transformers import FalconConfig

    return FalconConfig(hidden_size=hidden, num_hidden_layers=2, num_attention_heads=4, new_decoder_architecture=True,
                        num_kv_heads=2, max_position_embeddings=512, **_ids(tok))


def _gpt_bigcode(tok, hidden: int):
    from transformers import GPTBigCodeConfig

    return GPTBigCodeConfig(n_embd=hidden, n_layer=2, n_head=4, n_positions=512, multi_query=True, **_ids(tok))


def _phi(tok, hidden: int):
    from transformers import PhiConfig

    return PhiConfig(hidden_size=hidden, intermediate_size=hidden * 2, num_hidden_layers=2, num_attention_heads=4,
                     max_position_embeddings=512, partial_rotary_factor=0.5, **_ids(tok))


def _mamba(tok, hidden: int):
    from transformers import MambaConfig

    return MambaConfig(hidden_size=hidden, num_hidden_layers=2, state_size=8, **_ids(tok))


def _jamba(tok, hidden: int):
    from transformers import JambaConfig

    return JambaConfig(hidden_size=hidden, intermediate_size=hidden * 2, num_hidden_layers=2, num_attention_heads=4,
                       num_key_value_heads=2, attn_layer_period=2, attn_layer_offset=1, num_experts=2, expert_layer_period=2,
                       mamba_d_state=8, max_position_embeddings=512, **_ids(tok))


def _bloom(tok, hidden: int):
    from transformers import BloomConfig

    return BloomConfig(hidden_size=hidden, n_layer=2, n_head=4, **_ids(tok))


@dataclass(frozen=True)
class Architecture:
    """One tiny model to build: its config builder, its tokenizer style, its hidden size."""

    config: Callable
    tokenizer: TokenizerStyle = CHATML_STYLE
    hidden: int = 64
    why: str = ""
    # Wider than the usual 0.02 so that greedy decoding does not settle on one repeated token at once:
    # comparisons of generated text then compare something (measured per family).
    init_range: float = 0.2


# A short sliding window (16) so the windows matter within the tests' short prompts and answers.
ARCHITECTURES: Dict[str, Architecture] = {
    "gpt2": Architecture(_gpt2, GPT2_STYLE, why="Conv1D layers, absolute positions, tied embeddings, no pad token, no chat template"),
    "qwen2": Architecture(_llama_like("Qwen2Config", tie_word_embeddings=True), QWEN_STYLE, why="tied embeddings, qkv biases"),
    "qwen3": Architecture(_llama_like("Qwen3Config", head_dim=16), BASE_WITH_CHATML, why="q/k norms, pad == eos, EOS is not the end of turn"),
    "mistral": Architecture(_llama_like("MistralConfig", sliding_window=16), NO_PAD, why="sliding window, no pad token"),
    "gemma": Architecture(_llama_like("GemmaConfig", head_dim=16), GEMMA_STYLE, why="BOS token, no system role, tied embeddings, scaled embeddings"),
    "gemma2": Architecture(
        _llama_like("Gemma2Config", head_dim=16, sliding_window=16, attn_logit_softcapping=50.0, final_logit_softcapping=30.0,
                    query_pre_attn_scalar=16),
        GEMMA_STYLE, why="soft-capping, alternating sliding/global layers (hybrid cache), no system role", init_range=0.02,
    ),
    "gemma3": Architecture(
        _llama_like("Gemma3TextConfig", head_dim=16, sliding_window=16, query_pre_attn_scalar=16, layer_types=["sliding_attention", "full_attention"]),
        GEMMA_STYLE, why="hybrid sliding/global cache, q/k norms", init_range=0.02,
    ),
    "phi3": Architecture(_llama_like("Phi3Config"), NO_PAD, why="fused qkv_proj and gate_up_proj"),
    "starcoder2": Architecture(_llama_like("Starcoder2Config", sliding_window=16), PAD_IS_EOS, why="sliding window, biases, pad == eos"),
    "gpt_neox": Architecture(_gpt_neox, CHATML_STYLE, why="fused query_key_value, partial rotary"),
    "opt": Architecture(_opt, BOS_STYLE, why="learned positions with an offset, BOS token"),
    "falcon": Architecture(_falcon, NO_PAD, why="new decoder architecture, fused qkv"),
    "bloom": Architecture(_bloom, CHATML_STYLE, why="ALiBi: its forward takes no position_ids"),
    "gpt_bigcode": Architecture(_gpt_bigcode, PAD_IS_EOS, why="StarCoder 1: multi-query attention, absolute positions"),
    "phi": Architecture(_phi, NO_PAD, why="Phi-2: partial rotary, dense biases", init_range=0.02),
    "mamba": Architecture(_mamba, CHATML_STYLE, why="a recurrent state, no KV cache: generate cannot resume from it"),
    "jamba": Architecture(_jamba, CHATML_STYLE, why="hybrid: Mamba layers and attention layers in one cache"),
}


def architecture_names():
    return list(ARCHITECTURES)


def build_tiny_architecture(name: str, seed: int = 0):
    """``(model, tokenizer)``: a random tiny model of architecture ``name`` (see ``ARCHITECTURES``)."""
    import torch
    from transformers import AutoModelForCausalLM

    spec = ARCHITECTURES[name]
    tok = build_styled_tokenizer(spec.tokenizer)
    config = spec.config(tok, spec.hidden)
    config.initializer_range = spec.init_range
    torch.manual_seed(seed)
    model = AutoModelForCausalLM.from_config(config)
    model.generation_config.eos_token_id = tok.eos_token_id
    model.generation_config.pad_token_id = tok.pad_token_id
    model.generation_config.bos_token_id = tok.bos_token_id
    return model, tok


def save_tiny_architecture(name: str, path) -> Path:
    """Write a loadable folder (config, weights, tokenizer) of the tiny ``name`` model."""
    path = Path(path)
    model, tok = build_tiny_architecture(name)
    model.save_pretrained(path)
    tok.save_pretrained(path)
    return path
