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
from hfsynth.rundir import RunDir
from hfsynth.sft import check_sft_config, gather_trainable_state, is_fsdp2_sharded, move_into_place, sft_config, train_adapter


def build_sft_config(recipe, run_dir: RunDir, has_eval: bool):
    """The generator's SFTConfig: checkpoints go to the run directory's ``checkpoints/``."""
    return sft_config(recipe, run_dir.checkpoints, has_eval)


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


def train_stage(ctx: StageContext) -> Dict[str, Any]:
    """seed -> adapter/ (every rank trains; rank 0 writes); returns the manifest's compute record."""
    from hfsynth.data import load_seed
    from hfsynth.launch_checks import check_granted, requested_distributed_type
    from hfsynth.testing.pause import trainer_callbacks

    recipe, run_dir, fp = ctx.recipe, ctx.run_dir, ctx.fingerprint
    data = load_seed(recipe)
    resume = _checkpoint_to_resume(run_dir, fp)

    def before_train(trainer) -> None:
        check_granted(requested_distributed_type(), str(trainer.accelerator.state.distributed_type).split(".")[-1])
        if dist.is_main():
            run_dir.checkpoints.mkdir(parents=True, exist_ok=True)
            run_dir.checkpoint_fingerprint.write_text(fp + "\n")
        if resume and dist.is_main():
            print(f"hfsynth: resuming training from {resume}")

    trainer = train_adapter(
        recipe, data["train"], staging=run_dir.adapter_staging, trainer_dir=run_dir.checkpoints, log_name=run_dir.trainer_log.name,
        eval_dataset=data.get("eval"), resume=resume, before_train=before_train,
        # under FSDP the whole adapter in every checkpoint; for kill tests only, a park after a checkpoint
        callbacks=[_fsdp_adapter_callback(run_dir, resume), *trainer_callbacks()],
    )
    if dist.is_main():
        (run_dir.adapter_staging / run_dir.train_record.name).write_text(
            json.dumps({"fingerprint": fp, "global_step": trainer.state.global_step, "world_size": dist.world_size()}) + "\n"
        )
    dist.barrier()
    move_into_place(run_dir.adapter_staging, run_dir.adapter)
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
    """Fail before any model loads: seed source present, 4-bit possible, launch config sane, model resolvable,
    its tokenizer with a chat template (with generation markers for assistant_only_loss), LoRA module names
    it has, train.max_length within its positions."""
    from hfsynth.data import check_seed_shape
    from hfsynth.data.loaders import check_local_file, load_hub_dataset, python_source_root, seed_is_local
    from hfsynth.hub_client import offline
    from hfsynth.launch_checks import check_launch_environment
    from hfsynth.models.check import check_recipe_model
    from hfsynth.models.context import check_train_length
    from hfsynth.models.load import check_bitsandbytes

    recipe = ctx.recipe
    seed = recipe.seed
    if seed.path:
        check_local_file(recipe.resolve_path(seed.path))
        check_seed_shape(recipe)  # columns and message roles, before a model loads
    if seed.python_source:
        python_source_root(seed, recipe)
    if seed.dataset and offline():
        load_hub_dataset(seed)  # from the cache (or one line now); online, the stage downloads it before the model loads
    if recipe.quantization.load_in_4bit:
        check_bitsandbytes()
    check_launch_environment(recipe)
    check_sft_config(recipe, has_eval=bool(seed.eval_size))
    check_recipe_model(recipe)  # folder, tokenizer and chat template, LoRA module names
    check_train_length(recipe)
    if recipe.train.max_length and seed_is_local(recipe):
        check_max_length(recipe)


def check_max_length(recipe, sample: int = 50) -> None:
    """``train.max_length`` must reach the answers: a row cut before its assistant turn trains on its prompt
    alone (with assistant_only_loss, on nothing). Refused when it cuts every one of the first seed rows so."""
    from hfsynth.data import load_seed_quietly
    from hfsynth.models.check import checked_tokenizer

    tokenizer = checked_tokenizer(recipe)
    train = load_seed_quietly(recipe)["train"]
    lengths = []
    for messages in train.select(range(min(sample, len(train))))["messages"]:
        first = next((i for i, m in enumerate(messages) if m["role"] == "assistant"), len(messages))
        prompt = tokenizer.apply_chat_template(messages[:first], tokenize=False, add_generation_prompt=True)
        lengths.append(len(tokenizer(prompt, add_special_tokens=False)["input_ids"]))
    limit = recipe.train.max_length
    if lengths and min(lengths) >= limit:
        raise HfsynthError(
            f"train.max_length: {limit} tokens end before the answer of every one of the first {len(lengths)} seed rows (their "
            f"prompts take {min(lengths)}-{max(lengths)} tokens with the chat template), so training would never see one; "
            f"raise it (e.g. {max(lengths) * 2})"
        )
