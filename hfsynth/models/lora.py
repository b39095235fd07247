"""The peft ``LoraConfig`` that the recipe's ``lora`` section describes, and the check that its module
names exist in the model."""

from __future__ import annotations

from typing import List

from hfsynth.errors import HfsynthError


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
    extra = {"ensure_weight_tying": True} if any(_matches(t, name) for t in tied for name in listed) else {}
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


def _matches(module_name: str, wanted: str) -> bool:
    """peft's rule for a listed name: the whole module path, or its last dotted components."""
    return module_name == wanted or module_name.endswith("." + wanted)


def linear_layer_names(model) -> List[str]:
    """The distinct last names of the model's linear layers (``nn.Linear`` and GPT-2's ``Conv1D``), lm_head aside."""
    import torch
    from transformers.pytorch_utils import Conv1D

    names = {name.rsplit(".", 1)[-1] for name, module in model.named_modules() if isinstance(module, (torch.nn.Linear, Conv1D))}
    return sorted(names - {"lm_head"})


def check_lora_targets(recipe) -> None:
    """Refuse ``lora.target_modules`` (a list) and ``lora.modules_to_save`` naming no module of the model,
    before any weight loads: module names differ between families (GPT-2 ``c_attn``, Falcon and GPT-NeoX
    ``query_key_value``, Phi3 ``qkv_proj``), and peft finds out only after the model has loaded, with a
    traceback. The model is built on the meta device from its config (:mod:`hfsynth.models.skeleton`)."""
    lora = recipe.lora
    wanted = [("lora.target_modules", name) for name in (lora.target_modules if isinstance(lora.target_modules, list) else [])]
    wanted += [("lora.modules_to_save", name) for name in lora.modules_to_save or []]
    if not wanted:
        return
    from hfsynth.models.skeleton import model_skeleton

    skeleton = model_skeleton(recipe)
    modules = [name for name, _ in skeleton.named_modules()]
    if _model_type(skeleton) in PEFT_MAMBA_MODEL_TYPES:
        refused = [name for field, name in wanted if field == "lora.target_modules" and name in PEFT_MAMBA_INCOMPATIBLE]
        if refused:
            raise HfsynthError(
                f"lora.target_modules: peft refuses LoRA on {', '.join(refused)} of '{recipe.model.name_or_path}' "
                f"({_model_type(skeleton)}, a Mamba-based model); leave {' and '.join(refused)} out, or use all-linear"
            )
    for field, name in wanted:
        if not any(_matches(module, name) for module in modules):
            raise HfsynthError(
                f"{field}: '{name}' names no module of '{recipe.model.name_or_path}' ({type(skeleton).__name__}); "
                f"its linear layers are {', '.join(linear_layer_names(skeleton))} (or use target_modules: all-linear)"
            )
