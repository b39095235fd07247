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
from hfsynth.rundir import RunDir, atomic_write_text


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
    return _newest_complete_checkpoint(checkpoints)


def _newest_complete_checkpoint(checkpoints: Path):
    """The newest checkpoint whose trainer_state.json (written last by the Trainer) is whole.

    A run killed while writing a checkpoint leaves a partial folder behind; it is removed so that
    neither the resume nor the Trainer's checkpoint rotation trips over it.
    """
    from transformers.trainer_utils import PREFIX_CHECKPOINT_DIR

    found = []
    for folder in checkpoints.glob(f"{PREFIX_CHECKPOINT_DIR}-*"):
        suffix = folder.name.rsplit("-", 1)[-1]
        if folder.is_dir() and suffix.isdigit():
            found.append((int(suffix), folder))
    for _, folder in sorted(found, reverse=True):
        try:
            json.loads((folder / "trainer_state.json").read_text())
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


def write_trainer_log(log_history, path: Path) -> None:
    lines = "".join(json.dumps(entry, sort_keys=True) + "\n" for entry in log_history)
    atomic_write_text(path, lines)


def train_stage(ctx: StageContext) -> Dict[str, Any]:
    """seed -> adapter/ (every rank trains; rank 0 writes); returns the manifest's compute record."""
    from trl import SFTTrainer

    from hfsynth.data import load_seed
    from hfsynth.models.load import load_model_and_tokenizer, resolve_dtype
    from hfsynth.models.lora import build_lora_config
    from hfsynth.models.varlen_attention import use_varlen_sdpa_if_padding_free

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
    )
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
    trainer.save_model(str(staging))  # every rank calls it; the Trainer writes on the main process only
    if dist.is_main():
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
