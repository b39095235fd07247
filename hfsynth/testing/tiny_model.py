"""A tiny random Llama and a real byte-level BPE tokenizer with a ChatML template, built offline.

Used by the tests (and handy for trying recipes without SmolLM2): a few seconds to build, a few
hundred KB on disk, loads through the same ``from_pretrained`` paths as a Hub model.
"""

from __future__ import annotations

import inspect
from pathlib import Path

CHATML = (
    "{% for message in messages %}"
    "{{ '<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n' }}"
    "{% endfor %}"
    "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", "<pad>"]


def _training_text() -> list:
    """Real Python source and prose from the standard library: no download needed."""
    import argparse
    import json
    import textwrap

    texts = [inspect.getsource(m) for m in (textwrap, json.decoder, argparse)]
    texts += ["def add(a, b):\n    return a + b\n", "Write a function that reverses a list.\n"]
    return texts


def build_tiny_tokenizer(vocab_size: int = 1024):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, special_tokens=SPECIAL_TOKENS, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(_training_text(), trainer=trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok, bos_token=None, eos_token="<|im_end|>", pad_token="<pad>", unk_token=None
    )
    fast.chat_template = CHATML
    return fast


def build_tiny_llama(tokenizer, hidden_size: int = 64, layers: int = 2, seed: int = 0):
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(seed)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=hidden_size,
        intermediate_size=hidden_size * 2,
        num_hidden_layers=layers,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,  # above every test's train.max_length (default 1024) and prompt + answer
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
        bos_token_id=None,
        tie_word_embeddings=False,
    )
    model = LlamaForCausalLM(config)
    model.generation_config.eos_token_id = tokenizer.eos_token_id
    model.generation_config.pad_token_id = tokenizer.pad_token_id
    return model


def save_tiny_model(path: str | Path, hidden_size: int = 64, layers: int = 2) -> Path:
    """Write a loadable tiny model folder (config, weights, tokenizer, chat template)."""
    path = Path(path)
    tokenizer = build_tiny_tokenizer()
    model = build_tiny_llama(tokenizer, hidden_size=hidden_size, layers=layers)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path
