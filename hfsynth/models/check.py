"""Preflight of the base model: what ``from_pretrained``, the tokenizer and peft would refuse, found
before any stage starts and without loading a weight.

A folder with a ``config.json`` can still lack its weights or its tokenizer, carry a config that does
not parse or names an architecture transformers does not know, or have no chat template; a LoRA
``target_modules`` entry can name nothing in the model (peft refuses when the model is built) and a
``modules_to_save`` entry can match nothing (peft then trains without it, silently). The module names
come from the model built on the ``meta`` device: no memory, no weights read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

from hfsynth.errors import HfsynthError
from hfsynth.models.context import context_length
from hfsynth.models.lora import PEFT_MAMBA_INCOMPATIBLE, PEFT_MAMBA_MODEL_TYPES, matches_module
from hfsynth.models.resolve import resolve_recipe_model
from hfsynth.models.skeleton import model_skeleton

# What from_pretrained reads weights from (a single file, or shards named by an index).
WEIGHT_PATTERNS = ("*.safetensors", "pytorch_model*.bin", "*.safetensors.index.json", "pytorch_model.bin.index.json")
# Any of these lets AutoTokenizer build a tokenizer (fast JSON, SentencePiece, BPE vocab, WordPiece).
TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model", "spiece.model", "vocab.json", "vocab.txt", "tiktoken.model")
# What module_names calls a layer peft's LoRA wraps (Linear, Embedding, ConvNd, GPT-2's Conv1D, subclasses included).
LORA_WRAPPABLE = "a LoRA-wrappable layer"

_checked: Dict[str, object] = {}


def check_recipe_model(recipe, lora: bool = True):
    """Resolve the recipe's model and check it can be loaded (and, with ``lora``, trained) as the recipe
    says; returns its config. Cached per process: ``run`` checks the same model for train and generate."""
    key = _base_key(recipe)
    if key not in _checked:
        _checked[key] = _check_base(recipe)
    config, _ = _checked[key]
    lora_key = json.dumps([key, recipe.section_dict("lora")], sort_keys=True)
    if lora and lora_key not in _checked and (isinstance(recipe.lora.target_modules, list) or recipe.lora.modules_to_save):
        check_lora_modules(config, recipe)
        _checked[lora_key] = True
    return config


def _base_key(recipe) -> str:
    return json.dumps(
        [recipe.section_dict("model"), recipe.train.assistant_only_loss, recipe.seed.system_prompt, recipe.generate.system_prompt, recipe.source_dir],
        sort_keys=True, default=str,
    )


def _check_base(recipe):
    from hfsynth.models.load import load_tokenizer

    name = recipe.model.name_or_path
    folder = Path(resolve_recipe_model(recipe).path)
    config = load_config(folder, recipe)
    if not any(next(folder.glob(pattern), None) for pattern in WEIGHT_PATTERNS):
        raise HfsynthError(
            f"model.name_or_path: '{name}' has a config.json but no weights (expected model.safetensors, sharded "
            "*.safetensors with their index, or pytorch_model.bin)"
        )
    if not any((folder / f).is_file() for f in TOKENIZER_FILES):
        raise HfsynthError(f"model.name_or_path: '{name}' has no tokenizer files (expected one of {', '.join(TOKENIZER_FILES)})")
    tokenizer = load_tokenizer(str(folder), recipe, for_training=True)  # refuses a chat template that cannot render (require_chat_template)
    if recipe.train.assistant_only_loss:
        check_generation_markers(tokenizer, name)
    if recipe.model.attn_implementation:
        model_skeleton(recipe)  # transformers checks the implementation (and its package) when it builds the model
    return config, tokenizer


def checked_tokenizer(recipe):
    """The tokenizer :func:`check_recipe_model` loaded (chat template applied), for checks on token counts."""
    check_recipe_model(recipe, lora=False)
    return _checked[_base_key(recipe)][1]


def check_generation_lengths(config, recipe, fields) -> None:
    """Each ``(dotted field, tokens)`` must fit the model's context: beyond it a model with learned positions
    fails mid-generation and a RoPE model writes what it was never trained to (a typo like 100000 either way)."""
    limit = context_length(config)
    if limit is None:
        return
    for field, tokens in fields:
        if tokens > limit:
            raise HfsynthError(
                f"{field}: {tokens} tokens do not fit the context of '{recipe.model.name_or_path}' ({limit} tokens, "
                "prompt included); lower it"
            )


def load_config(folder: Path, recipe):
    """The model's config, or one line saying why transformers cannot read it."""
    from transformers import AutoConfig

    name = recipe.model.name_or_path
    try:
        return AutoConfig.from_pretrained(str(folder), trust_remote_code=recipe.model.trust_remote_code)
    except (OSError, ValueError, KeyError) as exc:
        reason = " ".join(str(exc).split())[:300]
        if ("trust_remote_code" in str(exc) or "custom code" in str(exc)) and not recipe.model.trust_remote_code:
            raise HfsynthError(
                f"model.trust_remote_code: '{name}' needs code from its repo to load; set model.trust_remote_code: true "
                "if you trust it"
            ) from None
        raise HfsynthError(f"model.name_or_path: cannot read the config.json of '{name}': {reason}") from None


def check_generation_markers(tokenizer, name: str) -> None:
    """``train.assistant_only_loss`` needs ``{% generation %}`` markers in the chat template, which TRL
    adds itself only to the templates it knows."""
    from trl.chat_template_utils import get_training_chat_template, has_generation_markers

    if has_generation_markers(tokenizer.chat_template):
        return
    try:
        get_training_chat_template(tokenizer)
    except ValueError:
        raise HfsynthError(
            f"train.assistant_only_loss: the chat template of '{name}' has no {{% generation %}} markers and TRL cannot add them "
            "to it; set model.chat_template to a template with them, or set train.assistant_only_loss: false"
        ) from None


def module_names(recipe) -> Dict[str, str]:
    """Every module of the model (dotted name -> class name), from :func:`~hfsynth.models.skeleton.model_skeleton`;
    the class name is ``LORA_WRAPPABLE`` for a layer peft's LoRA can wrap (subclasses included: Falcon's ``FalconLinear``)."""
    import torch
    from transformers.pytorch_utils import Conv1D

    model = model_skeleton(recipe)
    wrappable = (torch.nn.Linear, torch.nn.Embedding, torch.nn.Conv1d, torch.nn.Conv2d, torch.nn.Conv3d, Conv1D)
    return {name: LORA_WRAPPABLE if isinstance(module, wrappable) else type(module).__name__ for name, module in model.named_modules() if name}


def check_lora_modules(config, recipe) -> None:
    modules = module_names(recipe)
    lora = recipe.lora
    leaves = sorted({n.rsplit(".", 1)[-1] for n, kind in modules.items() if kind == LORA_WRAPPABLE})
    if isinstance(lora.target_modules, list):
        refused = [t for t in lora.target_modules if t in PEFT_MAMBA_INCOMPATIBLE] if config.model_type in PEFT_MAMBA_MODEL_TYPES else []
        if refused:
            raise HfsynthError(
                f"lora.target_modules: peft refuses LoRA on {', '.join(refused)} of '{recipe.model.name_or_path}' "
                f"({config.model_type}, a Mamba-based model); leave {' and '.join(refused)} out, or use all-linear"
            )
        for target in lora.target_modules:
            found: List[str] = [kind for n, kind in modules.items() if matches_module(n, target)]
            if not found:
                raise HfsynthError(
                    f"lora.target_modules: '{target}' names no module of '{recipe.model.name_or_path}'; its layers are: "
                    f"{', '.join(leaves)} (or use 'all-linear')"
                )
            if LORA_WRAPPABLE not in found:
                raise HfsynthError(
                    f"lora.target_modules: '{target}' names {sorted(set(found))[0]} modules, which LoRA cannot wrap; "
                    f"name layers instead: {', '.join(leaves)}"
                )
    for target in lora.modules_to_save or []:
        if not any(n.endswith(target) for n in modules):  # peft's rule: silently nothing when no name ends so
            tops = sorted({n.rsplit(".", 1)[-1] for n in modules if "." not in n or n.count(".") <= 1})
            raise HfsynthError(
                f"lora.modules_to_save: '{target}' names no module of '{recipe.model.name_or_path}' (peft would train "
                f"without it); e.g. {', '.join(tops)}"
            )
