"""The train stage: TRL ``SFTTrainer`` with (Q)LoRA on the seed data -> ``adapter/`` + ``trainer_log.jsonl``.

Runs on every rank (DDP over NCCL on GPUs, gloo on CPUs under torchrun). Resumes from the newest
checkpoint in ``checkpoints/`` when that checkpoint was made by the same recipe; checkpoints of a
different recipe are discarded rather than mixed in. Only rank 0 writes the adapter folder, which
appears atomically (written beside, then renamed).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Dict

from hfsynth import dist
from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.rundir import ADAPTER_WEIGHTS, RunDir, atomic_write_text


def build_sft_config(recipe, run_dir: RunDir, has_eval: bool):
    """SFTConfig from the recipe's train section plus what hfsynth decides (dtype flags, DDP, checkpoints)."""
    import torch
    from trl import SFTConfig

    from hfsynth.models.load import cuda_available, resolve_dtype

    dtype = resolve_dtype(recipe.model.dtype)
    kwargs = recipe.train.sft_kwargs()
    kwargs.update(
        output_dir=str(run_dir.checkpoints),
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
    return SFTConfig(**kwargs)


def reentrant_checkpointing() -> bool:
    """Reentrant activation checkpointing for one CPU process; non-reentrant everywhere else.

    QLoRA on this CPU (SmolLM2, 4 x 900 tokens) peaked at 9.5 GB with non-reentrant checkpointing and
    3.5 GB with reentrant, 1 to 3% slower in paired runs. DDP needs non-reentrant (a reentrant backward marks
    LoRA weights ready twice), and on GPUs it is the usual choice, so those keep it.
    """
    from hfsynth.models.load import cuda_available

    return dist.world_size() == 1 and not cuda_available()


def _checkpoint_to_resume(run_dir: RunDir, fp: str):
    """Newest checkpoint made by this very recipe, else None (stale ones are removed, never mixed)."""
    checkpoints = run_dir.checkpoints
    if not checkpoints.is_dir():
        return None
    marker = run_dir.checkpoint_fingerprint
    if marker.is_file() and marker.read_text().strip() != fp:
        if dist.is_main():
            print(f"hfsynth: checkpoints in {checkpoints} come from a different recipe; starting training afresh")
            shutil.rmtree(checkpoints)
        dist.barrier()
        return None
    from hfsynth.launch_checks import requested_distributed_type

    return _newest_complete_checkpoint(run_dir, need_full_adapter=requested_distributed_type() == "FSDP")


def _newest_complete_checkpoint(run_dir: RunDir, need_full_adapter: bool = False):
    """The newest checkpoint whose trainer_state.json (written last by the Trainer) is whole.

    Under FSDP (``need_full_adapter``) it must also hold hfsynth's whole adapter, written after the Trainer's files.

    A run killed while writing a checkpoint leaves a partial folder behind; it is removed so that
    neither the resume nor the Trainer's checkpoint rotation trips over it.
    """
    from transformers.trainer_utils import PREFIX_CHECKPOINT_DIR

    checkpoints = run_dir.checkpoints
    found = []
    for folder in checkpoints.glob(f"{PREFIX_CHECKPOINT_DIR}-*"):
        suffix = folder.name.rsplit("-", 1)[-1]
        if folder.is_dir() and suffix.isdigit():
            found.append((int(suffix), folder))
    for _, folder in sorted(found, reverse=True):
        try:
            json.loads((folder / "trainer_state.json").read_text())
            if need_full_adapter and not run_dir.checkpoint_full_adapter(folder.name).is_file():
                raise FileNotFoundError(run_dir.checkpoint_full_adapter(folder.name))  # written after trainer_state.json
            return str(folder)
        except (FileNotFoundError, json.JSONDecodeError, UnicodeDecodeError):
            if dist.is_main():
                print(f"hfsynth: removing the incomplete checkpoint {folder.name} (the run stopped while writing it)")
                shutil.rmtree(folder, ignore_errors=True)
    dist.barrier()
    return None


def _match_trainable_dtype(model, dtype) -> None:
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


def load_trainable_state(model, state: Dict[str, Any]) -> int:
    """Put whole tensors (as :func:`gather_trainable_state` returns them) back into a possibly sharded model.

    Every rank calls it with the same whole tensors and keeps its own shard; returns how many tensors it set.
    """
    import torch
    from torch.distributed.tensor import DTensor, distribute_tensor

    count = 0
    with torch.no_grad():
        for name, param in model.named_parameters():
            if name not in state:
                continue
            full = state[name].to(device=param.device, dtype=param.dtype)
            if isinstance(param, DTensor):
                local = distribute_tensor(full, param.device_mesh, param.placements, src_data_rank=None).to_local()
                param.to_local().copy_(local)
            else:
                param.copy_(full)
            count += 1
    return count


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


def save_checkpoint_full_adapter(model, target: Path) -> None:
    """Under FSDP2: write the whole adapter into a checkpoint (``RunDir.checkpoint_full_adapter``; every rank calls,
    rank 0 writes atomically).

    The Trainer's own FSDP checkpoint of a PEFT model can hold only rank 0's slice (full state dict with
    adapter-only saving; accelerate PR #4206, transformers #28320): a resume from it would reset the
    other ranks' share. This file is what :func:`restore_checkpoint_full_adapter` puts back.
    """
    from safetensors.torch import save_file

    state = gather_trainable_state(model)
    if dist.is_main():
        partial = target.with_name(target.name + ".partial")
        save_file({k: v.contiguous() for k, v in state.items()}, str(partial))
        partial.replace(target)
    dist.barrier()


def restore_checkpoint_full_adapter(model, path: Path) -> int:
    """Load the whole adapter saved by :func:`save_checkpoint_full_adapter` into the sharded model (every rank)."""
    from safetensors.torch import load_file

    if not path.is_file():
        raise HfsynthError(f"{path}: missing; this FSDP checkpoint cannot be resumed with the whole adapter (delete {path.parent} to resume from an earlier one)")
    return load_trainable_state(model, load_file(str(path)))


def _fsdp_adapter_callback(run_dir: RunDir, resume):
    """A TrainerCallback: under FSDP2 each checkpoint also gets the whole adapter, and a resume restores it.

    ``on_train_begin`` runs after the Trainer loaded its own checkpoint, so the whole adapter wins.
    """
    from transformers import TrainerCallback

    class FullAdapterCheckpoints(TrainerCallback):
        def on_train_begin(self, args, state, control, model=None, **kwargs):
            if resume and model is not None and is_fsdp2_sharded(model):
                restore_checkpoint_full_adapter(model, run_dir.checkpoint_full_adapter(Path(resume).name))

        def on_save(self, args, state, control, model=None, **kwargs):
            if model is not None and is_fsdp2_sharded(model):
                from transformers.trainer_utils import PREFIX_CHECKPOINT_DIR

                save_checkpoint_full_adapter(model, run_dir.checkpoint_full_adapter(f"{PREFIX_CHECKPOINT_DIR}-{state.global_step}"))

    return FullAdapterCheckpoints()


def write_trainer_log(log_history, path: Path) -> None:
    lines = "".join(json.dumps(entry, sort_keys=True) + "\n" for entry in log_history)
    atomic_write_text(path, lines)


def train_stage(ctx: StageContext) -> Dict[str, Any]:
    """seed -> adapter/ (every rank trains; rank 0 writes); returns the manifest's compute record."""
    from trl import SFTTrainer

    from hfsynth.data import load_seed
    from hfsynth.launch_checks import check_granted, requested_distributed_type
    from hfsynth.models.load import load_model_and_tokenizer, resolve_dtype
    from hfsynth.models.lora import build_lora_config
    from hfsynth.models.varlen_attention import use_varlen_sdpa_if_padding_free
    from hfsynth.testing.pause import trainer_callbacks

    recipe, run_dir, fp = ctx.recipe, ctx.run_dir, ctx.fingerprint
    data = load_seed(recipe)
    has_eval = "eval" in data
    model, tokenizer = load_model_and_tokenizer(recipe, for_training=True)
    args = build_sft_config(recipe, run_dir, has_eval)
    if use_varlen_sdpa_if_padding_free(model, args) and dist.is_main():
        print("hfsynth: padding-free packing without flash-attention: SDPA runs on each packed example separately")
    resume = _checkpoint_to_resume(run_dir, fp)
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=data["train"],
        eval_dataset=data["eval"] if has_eval else None,
        processing_class=tokenizer,
        peft_config=build_lora_config(recipe),
        # under FSDP the whole adapter in every checkpoint; for kill tests only, a park after a checkpoint
        callbacks=[callback for callback in (_fsdp_adapter_callback(run_dir, resume), *trainer_callbacks()) if callback],
    )
    check_granted(requested_distributed_type(), str(trainer.accelerator.state.distributed_type).split(".")[-1])
    _match_trainable_dtype(trainer.model, resolve_dtype(recipe.model.dtype))
    if dist.is_main():
        run_dir.checkpoints.mkdir(parents=True, exist_ok=True)
        run_dir.checkpoint_fingerprint.write_text(fp + "\n")
    if resume and dist.is_main():
        print(f"hfsynth: resuming training from {resume}")
    trainer.train(resume_from_checkpoint=resume)
    if has_eval:
        trainer.evaluate()

    staging = run_dir.adapter_staging
    if dist.is_main():
        shutil.rmtree(staging, ignore_errors=True)
    dist.barrier()
    save_adapter(trainer, staging)
    if dist.is_main():
        if not any((staging / name).is_file() for name in ADAPTER_WEIGHTS):
            raise HfsynthError(
                f"train: the Trainer saved the adapter without weights ({staging}); under DeepSpeed ZeRO-3 set "
                "zero3_save_16bit_model: true in the accelerate config (the checkpoints in checkpoints/ are kept)"
            )
        tokenizer.save_pretrained(str(staging))
        write_trainer_log(trainer.state.log_history, staging / run_dir.trainer_log.name)
        (staging / run_dir.train_record.name).write_text(
            json.dumps({"fingerprint": fp, "global_step": trainer.state.global_step, "world_size": dist.world_size()}) + "\n"
        )
        shutil.rmtree(run_dir.adapter, ignore_errors=True)
        staging.rename(run_dir.adapter)
    dist.barrier()
    return {"global_step": trainer.state.global_step, **hardware_record(trainer)}


def hardware_record(trainer) -> dict:
    """What the model card's compute table reports: devices, processes, distributed mode, precision."""
    import os
    import platform

    import torch

    state = trainer.accelerator.state
    if torch.cuda.is_available():
        hardware = f"{torch.cuda.device_count()} x {torch.cuda.get_device_name(0)}"
    else:
        hardware = f"CPU ({os.cpu_count()} cores, {platform.machine()})"
    return {
        "hardware": hardware,
        "distributed_type": str(state.distributed_type).split(".")[-1],
        "num_processes": state.num_processes,
        "mixed_precision": str(state.mixed_precision),
    }


def preflight(ctx: StageContext) -> None:
    """Fail before any model loads: seed source present, model resolvable, 4-bit possible, launch config sane."""
    from hfsynth.data import check_seed_shape
    from hfsynth.data.loaders import check_local_file, python_source_root
    from hfsynth.launch_checks import check_launch_environment
    from hfsynth.models.load import check_bitsandbytes
    from hfsynth.models.resolve import resolve_recipe_model

    recipe = ctx.recipe
    seed = recipe.seed
    if seed.path:
        check_local_file(recipe.resolve_path(seed.path))
        check_seed_shape(recipe)  # columns and message roles, before a model loads
    if seed.python_source:
        python_source_root(seed, recipe)
    if recipe.quantization.load_in_4bit:
        check_bitsandbytes()
    check_launch_environment(recipe)
    resolve_recipe_model(recipe)
