"""Load the base model as the recipe says: dtype, 4-bit NF4 (QLoRA), device per rank; or with the run's adapter.

``dtype: auto`` is bfloat16 on a bf16-capable GPU and float32 on the CPU, where bf16 is emulated
(measured ~8x slower per step on these machines). The 4-bit storage dtype follows the model dtype
so that FSDP can shard the packed weights together with the rest of the model.
"""

from __future__ import annotations

import os
from typing import Optional, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.models.resolve import resolve_recipe_model


def cuda_available() -> bool:
    import torch

    return torch.cuda.is_available()


def resolve_dtype(name: str):
    """``auto`` -> bf16 on a bf16-capable GPU, else float32; otherwise the named torch dtype."""
    import torch

    if name == "auto":
        if torch.cuda.is_available() and torch.cuda.is_bf16_supported():
            return torch.bfloat16
        return torch.float32
    return getattr(torch, name)


def check_bitsandbytes() -> None:
    """Refuse ``load_in_4bit`` where bitsandbytes cannot run, with the reason."""
    try:
        import bitsandbytes  # noqa: F401
    except Exception as exc:
        raise HfsynthError(
            f"quantization.load_in_4bit: bitsandbytes cannot run here ({type(exc).__name__}: {exc}); "
            "install bitsandbytes or set quantization.load_in_4bit: false"
        ) from None


def quantization_config(recipe):
    """transformers ``BitsAndBytesConfig`` for the recipe, or None without 4-bit."""
    q = recipe.quantization
    if not q.load_in_4bit:
        return None
    check_bitsandbytes()
    from transformers import BitsAndBytesConfig

    dtype = resolve_dtype(recipe.model.dtype)
    compute = dtype if q.bnb_4bit_compute_dtype == "auto" else resolve_dtype(q.bnb_4bit_compute_dtype)
    storage = dtype if q.bnb_4bit_quant_storage == "auto" else resolve_dtype(q.bnb_4bit_quant_storage)
    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type=q.bnb_4bit_quant_type,
        bnb_4bit_use_double_quant=q.bnb_4bit_use_double_quant,
        bnb_4bit_compute_dtype=compute,
        bnb_4bit_quant_storage=storage,
    )


def _device_map(quantized: bool):
    """One device per rank: the local GPU under DDP; FSDP/DeepSpeed place weights themselves; None on CPU."""
    if not cuda_available():
        return None
    if os.environ.get("ACCELERATE_USE_FSDP", "false").lower() == "true" or os.environ.get("ACCELERATE_USE_DEEPSPEED", "false").lower() == "true":
        return None
    return {"": int(os.environ.get("LOCAL_RANK", "0"))}


def require_chat_template(tokenizer, recipe) -> None:
    """hfsynth trains on chat messages and prompts with them, so the tokenizer needs a chat template
    (its own or ``model.chat_template``) that renders a conversation. A base model (GPT-2, OPT, ...)
    usually has none; hfsynth does not guess one, since what the model learns to emit at the end of
    a turn is the template's choice (it must end assistant turns with the EOS token to stop)."""
    name = recipe.model.name_or_path
    if not getattr(tokenizer, "chat_template", None):
        raise HfsynthError(
            f"model.chat_template: the tokenizer of '{name}' has no chat template (a base model?); set model.chat_template "
            f"to a Jinja chat template whose assistant turns end with the EOS token {tokenizer.eos_token!r}"
        )
    where = f"the recipe's chat template for '{name}'" if recipe.model.chat_template else f"the chat template of '{name}'"
    turns = [{"role": "user", "content": "u"}, {"role": "assistant", "content": "a"}]
    problem = _render_problem(tokenizer, turns)
    if problem:
        raise HfsynthError(f"model.chat_template: {where} cannot render a user/assistant conversation: {problem}")
    from hfsynth.engines.chat import end_of_turn_ids

    if tokenizer.eos_token is None and (tokenizer.pad_token is None or not end_of_turn_ids(tokenizer)):
        # TRL pads with the EOS when there is no pad token, and answers end at EOS or the template's end of turn
        raise HfsynthError(
            f"model.name_or_path: the tokenizer of '{name}' has no EOS token (nor a pad token or an end-of-turn token "
            "in its chat template); expected eos_token in its tokenizer_config.json"
        )
    # A system message only where the recipe asks for one: Gemma's templates refuse the system role.
    for field in ("seed.system_prompt", "generate.system_prompt"):
        section = getattr(recipe, field.split(".")[0], None)
        if getattr(section, "system_prompt", None):
            problem = _render_problem(tokenizer, [{"role": "system", "content": "s"}] + turns)
            if problem:
                raise HfsynthError(
                    f"{field}: {where} cannot render a system message ({problem}); leave {field} unset "
                    "(say it in the user turn) or set model.chat_template"
                )


def _render_problem(tokenizer, messages) -> Optional[str]:
    """Why the chat template cannot render ``messages`` (finished, and as a prompt for the last answer); None when it can."""
    try:
        tokenizer.apply_chat_template(messages, tokenize=False)
        tokenizer.apply_chat_template(messages[:-1], add_generation_prompt=True, tokenize=False)
    except Exception as exc:  # jinja2's TemplateError, or the template's own raise_exception(...)
        return f"{type(exc).__name__}: {str(exc).splitlines()[0]}" if str(exc) else type(exc).__name__
    return None


def load_tokenizer(path: str, recipe, for_training: bool):
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(path, revision=None, trust_remote_code=recipe.model.trust_remote_code)
    except (OSError, ValueError, ImportError) as exc:
        reason = " ".join(str(exc).split())[:300]
        raise HfsynthError(f"model.name_or_path: cannot load the tokenizer of '{recipe.model.name_or_path}': {reason}") from None
    if recipe.model.chat_template:
        tokenizer.chat_template = recipe.model.chat_template
    require_chat_template(tokenizer, recipe)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    tokenizer.padding_side = "right" if for_training else "left"
    return tokenizer


def load_model_and_tokenizer(recipe, *, for_training: bool = False, device: Optional[str] = None) -> Tuple[object, object]:
    """The base model and its tokenizer, loaded as the recipe says."""
    from transformers import AutoModelForCausalLM

    resolved = resolve_recipe_model(recipe)
    dtype = resolve_dtype(recipe.model.dtype)
    quant = quantization_config(recipe)
    kwargs = dict(dtype=dtype, trust_remote_code=recipe.model.trust_remote_code)
    if recipe.model.attn_implementation:
        kwargs["attn_implementation"] = recipe.model.attn_implementation
    if quant is not None:
        kwargs["quantization_config"] = quant
    device_map = {"": device} if device else _device_map(quant is not None)
    if device_map is not None:
        kwargs["device_map"] = device_map
    try:
        model = AutoModelForCausalLM.from_pretrained(resolved.path, **kwargs)
    except (OSError, ValueError) as exc:
        raise HfsynthError(f"model.name_or_path: cannot load '{recipe.model.name_or_path}' as a causal LM: {str(exc).splitlines()[0]}") from None
    tokenizer = load_tokenizer(resolved.path, recipe, for_training)
    if model.generation_config.pad_token_id is None:
        model.generation_config.pad_token_id = tokenizer.pad_token_id
    if not for_training:
        model.eval()
    return model, tokenizer


def load_tuned_model(recipe, run_dir, device: Optional[str] = None):
    """Base model + the run's adapter (``run_dir.adapter``), in eval mode."""
    from peft import PeftModel

    adapter = run_dir.require_adapter()
    model, tokenizer = load_model_and_tokenizer(recipe, for_training=False, device=device)
    model = PeftModel.from_pretrained(model, str(adapter), is_trainable=False)
    model.eval()
    return model, tokenizer
