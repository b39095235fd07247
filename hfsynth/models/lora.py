"""The peft ``LoraConfig`` that the recipe's ``lora`` section describes (the preflight that its module
names exist in the model is :func:`hfsynth.models.check.check_lora_modules`)."""

from __future__ import annotations

from typing import List


def tied_layer_names(model) -> List[str]:
    """The module paths of the input embeddings and the output head when the model ties their weights
    (Qwen2 small, Gemma, GPT-2, ...); empty otherwise."""
    config = getattr(model, "config", None)
    text = config.get_text_config() if hasattr(config, "get_text_config") else config
    if not getattr(text, "tie_word_embeddings", False):
        return []
    layers = {id(model.get_input_embeddings()), id(model.get_output_embeddings())}
    return [name for name, module in model.named_modules() if id(module) in layers]


def build_lora_config(recipe, model=None):
    """The LoraConfig. When ``model`` ties its embeddings and the adapter trains one of the tied layers
    (``modules_to_save: [lm_head]``, say), peft's ``ensure_weight_tying`` keeps the two tied: otherwise the
    tuned head and the embeddings drift apart, and a merged model is no longer the model that was trained."""
    from peft import LoraConfig

    lora = recipe.lora
    listed = list(lora.modules_to_save or []) + (list(lora.target_modules) if isinstance(lora.target_modules, list) else [])
    tied = tied_layer_names(model) if model is not None and listed else []
    extra = {"ensure_weight_tying": True} if any(matches_module(t, name) for t in tied for name in listed) else {}
    if lora.target_modules == "all-linear" and model is not None and _model_type(model) in PEFT_MAMBA_MODEL_TYPES:
        extra["exclude_modules"] = PEFT_MAMBA_INCOMPATIBLE
    return LoraConfig(
        r=lora.r,
        lora_alpha=lora.lora_alpha,
        lora_dropout=lora.lora_dropout,
        target_modules=lora.target_modules,
        bias=lora.bias,
        use_dora=lora.use_dora,
        use_rslora=lora.use_rslora,
        modules_to_save=lora.modules_to_save,
        task_type="CAUSAL_LM",
        **extra,
    )


# peft refuses LoRA on these modules of these model types (peft.tuners.tuners_utils._check_lora_target_modules_mamba,
# peft 0.21), yet its own "all-linear" picks out_proj there: "all-linear" leaves them out for those models.
PEFT_MAMBA_MODEL_TYPES = {"falcon_h1", "mamba", "mamba2", "falcon_mamba", "nemotron_h"}
PEFT_MAMBA_INCOMPATIBLE = ["out_proj", "conv1d"]


def _model_type(model) -> str:
    return getattr(getattr(model, "config", None), "model_type", "") or ""


def matches_module(module_name: str, wanted: str) -> bool:
    """peft's rule for a listed name: the whole module path, or its last dotted components."""
    return module_name == wanted or module_name.endswith("." + wanted)

