"""Train a fresh (Q)LoRA adapter on given rows with TRL's ``SFTTrainer``: the code every training shares.

The train stage trains the generator's adapter with it (adding resume and FSDP checkpoints); the
students stage trains its data-value students with it, so a student is trained exactly as the
generator was, only on other rows and for another budget. Every rank calls :func:`train_adapter`
(DDP, FSDP); rank 0 writes the adapter folder, which appears complete (written beside, then renamed).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Sequence

from hfsynth import dist
from hfsynth.errors import HfsynthError
from hfsynth.rundir import ADAPTER_WEIGHTS


def sft_kwargs(recipe, output_dir: Path, has_eval: bool, overrides: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """SFTConfig keyword arguments: the recipe's train section plus what hfsynth decides (dtype flags, DDP,
    checkpoints); ``overrides`` (a student's budget and seed) win over both."""
    import torch

    from hfsynth.models.load import cuda_available, resolve_dtype

    dtype = resolve_dtype(recipe.model.dtype)
    kwargs = recipe.train.sft_kwargs()
    kwargs.update(
        output_dir=str(output_dir),
        bf16=dtype == torch.bfloat16 and cuda_available(),  # TRL defaults bf16=True: emulated, 8x slower on CPU
        fp16=dtype == torch.float16 and cuda_available(),
        use_cpu=not cuda_available(),
        save_strategy="steps",
        logging_strategy="steps",
        ddp_find_unused_parameters=False,  # LoRA: frozen base weights are not "unused" parameters
    )
    kwargs.setdefault("gradient_checkpointing_kwargs", {"use_reentrant": reentrant_checkpointing()})
    if not has_eval:
        kwargs["eval_strategy"] = "no"
    kwargs.update(overrides or {})
    return kwargs


def sft_config(recipe, output_dir: Path, has_eval: bool, overrides: Optional[Dict[str, Any]] = None):
    """The SFTConfig a training hands to TRL (see :func:`sft_kwargs`)."""
    from trl import SFTConfig

    return SFTConfig(**sft_kwargs(recipe, output_dir, has_eval, overrides))


def check_sft_config(recipe, has_eval: bool, section: str = "train") -> None:
    """Preflight: build the SFTConfig now. transformers refuses an unknown optimizer, scheduler, eval
    strategy or tracker (or a bad combination) only when a training starts; here the error names the
    recipe key whose value it refuses: the first one that, left at TRL's default, makes it build."""
    import tempfile

    from trl import SFTConfig

    refused = (ValueError, TypeError, ImportError, RuntimeError, KeyError)
    kwargs = sft_kwargs(recipe, Path(tempfile.gettempdir()) / "hfsynth-preflight", has_eval)
    try:
        check_trackers(SFTConfig(**kwargs).report_to, section)
        return
    except refused as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
    culprit = None
    for key in sorted(set(recipe.train.model_fields_set) | set(recipe.train.__pydantic_extra__ or {})):
        trial = {k: v for k, v in kwargs.items() if k != key}
        try:
            SFTConfig(**trial)
        except refused:
            continue
        culprit = key
        break
    where = f"{section}.{culprit}" if culprit else section
    got = f" (got {kwargs[culprit]!r})" if culprit in kwargs else ""
    raise HfsynthError(f"{where}: TRL's SFTConfig refuses it{got}: {reason[:400]}")


def check_trackers(report_to, section: str = "train") -> None:
    """Every ``report_to`` tracker is one transformers knows and can start here (its package installed):
    the Trainer checks both only when it is built."""
    from transformers.integrations.integration_utils import get_reporting_integration_callbacks

    try:
        callbacks = get_reporting_integration_callbacks(report_to)
    except ValueError as exc:
        raise HfsynthError(f"{section}.report_to: {' '.join(str(exc).split())} (or 'none')") from None
    for callback in callbacks:
        try:
            callback()
        except (RuntimeError, ImportError, ValueError) as exc:
            raise HfsynthError(f"{section}.report_to: {callback.__name__} cannot start here: {' '.join(str(exc).split())[:300]}") from None


def reentrant_checkpointing() -> bool:
    """Reentrant activation checkpointing for one CPU process; non-reentrant everywhere else.

    QLoRA on this CPU (SmolLM2, 4 x 900 tokens) peaked at 9.5 GB with non-reentrant checkpointing and
    3.5 GB with reentrant, 1 to 3% slower in paired runs. DDP needs non-reentrant (a reentrant backward marks
    LoRA weights ready twice), and on GPUs it is the usual choice, so those keep it.
    """
    from hfsynth.models.load import cuda_available

    return dist.world_size() == 1 and not cuda_available()


def match_trainable_dtype(model, dtype) -> None:
    """TRL casts LoRA weights of a 4-bit model to bf16; keep them in the compute dtype (fp32 on CPU)."""
    for param in model.parameters():
        if param.requires_grad and param.dtype != dtype:
            param.data = param.data.to(dtype)


def is_fsdp2_sharded(model) -> bool:
    """True when ``fully_shard`` (FSDP2, as accelerate's FSDP2 preparation applies it) has sharded the model's parameters."""
    from torch.distributed.tensor import DTensor

    return any(isinstance(param, DTensor) for param in model.parameters())


def gather_trainable_state(model) -> Dict[str, Any]:
    """The whole of every trainable tensor (the adapter), on rank 0 (``{}`` on the others).

    Every rank must call it (each sharded tensor is all-gathered in turn). Only trainable tensors move,
    so a 70B base model's frozen 4-bit weights are never gathered. Names are the PeftModel's own
    (FSDP2 keeps the module tree), which PEFT's ``save_pretrained(state_dict=...)`` understands.
    """
    from torch.distributed.tensor import DTensor

    state = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        full = param.full_tensor() if isinstance(param, DTensor) else param
        if dist.is_main():
            state[name] = full.detach().to("cpu").clone()
    return state


def save_sharded_adapter(model, out_dir: Path) -> None:
    """Write the whole adapter of an FSDP2-sharded PeftModel to ``out_dir`` (every rank calls; rank 0 writes)."""
    state = gather_trainable_state(model)
    if dist.is_main():
        model.save_pretrained(str(out_dir), state_dict=state)
    dist.barrier()


def save_adapter(trainer, out_dir: Path) -> None:
    """The final adapter, complete whatever the FSDP ``state_dict_type`` says (every rank calls it).

    ``Trainer.save_model`` writes weights under FSDP only for ``FULL_STATE_DICT``; with
    ``SHARDED_STATE_DICT`` it writes nothing, so under FSDP hfsynth gathers the adapter itself.
    """
    model = trainer.model
    if is_fsdp2_sharded(model):
        save_sharded_adapter(model, out_dir)
    elif getattr(trainer, "is_fsdp_enabled", False):  # FSDP1 (flat parameters): accelerate's full-state-dict gather
        state = trainer.accelerator.get_state_dict(trainer.model_wrapped)
        if dist.is_main():
            trainer.accelerator.unwrap_model(trainer.model_wrapped).save_pretrained(str(out_dir), state_dict=state)
        dist.barrier()
    else:
        trainer.save_model(str(out_dir))  # every rank calls it; the Trainer writes on the main process only


def write_trainer_log(log_history, path: Path) -> None:
    from hfsynth.rundir import atomic_write_text

    lines = "".join(json.dumps(entry, sort_keys=True) + "\n" for entry in log_history)
    atomic_write_text(path, lines)


def train_adapter(
    recipe,
    train_dataset,
    *,
    staging: Path,
    trainer_dir: Path,
    log_name: str,
    eval_dataset=None,
    overrides: Optional[Dict[str, Any]] = None,
    resume: Optional[str] = None,
    callbacks: Sequence[Any] = (),
    before_train: Optional[Callable[[Any], None]] = None,
):
    """Train a fresh LoRA adapter of the recipe's model on ``train_dataset`` (rows with ``messages``) and
    write it, its tokenizer and the Trainer's log (``log_name``) into ``staging``; returns the trainer.

    ``trainer_dir`` holds the Trainer's checkpoints; ``before_train(trainer)`` runs once the trainer is
    built (the train stage checks the granted distributed mode there). The caller adds its own record
    files to ``staging`` and moves it into place with :func:`move_into_place`. Every rank calls this.
    """
    from trl import SFTTrainer

    from hfsynth.models.load import load_model_and_tokenizer, resolve_dtype
    from hfsynth.models.lora import build_lora_config
    from hfsynth.models.varlen_attention import use_varlen_sdpa_if_padding_free

    model, tokenizer = load_model_and_tokenizer(recipe, for_training=True)
    args = sft_config(recipe, trainer_dir, eval_dataset is not None, overrides)
    if use_varlen_sdpa_if_padding_free(model, args) and dist.is_main():
        print("hfsynth: padding-free packing without flash-attention: SDPA runs on each packed example separately")
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=train_dataset,
        eval_dataset=eval_dataset,
        processing_class=tokenizer,
        peft_config=build_lora_config(recipe, model),
        callbacks=[callback for callback in callbacks if callback],
    )
    match_trainable_dtype(trainer.model, resolve_dtype(recipe.model.dtype))
    if before_train is not None:
        before_train(trainer)
    trainer.train(resume_from_checkpoint=resume)
    if eval_dataset is not None:
        trainer.evaluate()

    if dist.is_main():
        shutil.rmtree(staging, ignore_errors=True)
    dist.barrier()
    save_adapter(trainer, staging)
    if dist.is_main():
        if not any((staging / name).is_file() for name in ADAPTER_WEIGHTS):
            raise HfsynthError(
                f"train: the Trainer saved the adapter without weights ({staging}); under DeepSpeed ZeRO-3 set "
                "zero3_save_16bit_model: true in the accelerate config"
            )
        tokenizer.save_pretrained(str(staging))
        write_trainer_log(trainer.state.log_history, staging / log_name)
    dist.barrier()
    return trainer


def move_into_place(staging: Path, target: Path) -> None:
    """Replace ``target`` by the finished ``staging`` folder (rank 0; the others wait)."""
    if dist.is_main():
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    dist.barrier()
