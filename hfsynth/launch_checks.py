"""Catch an ``accelerate launch`` config that contradicts the recipe, before any model loads.

accelerate passes its config to the processes as environment variables (ACCELERATE_MIXED_PRECISION,
ACCELERATE_USE_FSDP, FSDP_*, ACCELERATE_USE_DEEPSPEED); these are compared with the recipe.
"""

from __future__ import annotations

import os

from hfsynth.errors import HfsynthError


def _env_true(name: str) -> bool:
    return os.environ.get(name, "false").lower() in ("1", "true", "yes")


def check_launch_environment(recipe) -> None:
    from hfsynth.models.load import cuda_available, resolve_dtype

    dtype = str(resolve_dtype(recipe.model.dtype)).replace("torch.", "")
    precision = os.environ.get("ACCELERATE_MIXED_PRECISION", "").lower()
    if precision in ("bf16", "fp16"):
        wanted = {"bf16": "bfloat16", "fp16": "float16"}[precision]
        if not cuda_available():
            raise HfsynthError(
                f"accelerate config: mixed_precision '{precision}' needs a GPU; on the CPU use mixed_precision: 'no' (model.dtype auto = float32)"
            )
        if dtype != wanted:
            raise HfsynthError(
                f"accelerate config: mixed_precision '{precision}' contradicts model.dtype '{recipe.model.dtype}' ({dtype}); "
                f"set model.dtype: {wanted} or change the accelerate config"
            )
    q = recipe.quantization
    if _env_true("ACCELERATE_USE_FSDP") and q.load_in_4bit:
        storage = q.bnb_4bit_quant_storage
        if storage != "auto" and storage != dtype:
            raise HfsynthError(
                f"quantization.bnb_4bit_quant_storage: FSDP-QLoRA needs the 4-bit storage dtype to equal the model dtype "
                f"({dtype}), got '{storage}' (leave it 'auto')"
            )
        if _env_true("FSDP_USE_ORIG_PARAMS"):
            raise HfsynthError("accelerate config: FSDP-QLoRA needs fsdp_use_orig_params: false (use accelerate_configs/fsdp_qlora.yaml)")
        if not _env_true("FSDP_CPU_RAM_EFFICIENT_LOADING") and os.environ.get("FSDP_CPU_RAM_EFFICIENT_LOADING") is not None:
            raise HfsynthError("accelerate config: FSDP-QLoRA needs fsdp_cpu_ram_efficient_loading: true")
    if _env_true("ACCELERATE_USE_FSDP") and _env_true("ACCELERATE_USE_DEEPSPEED"):
        raise HfsynthError("accelerate config: FSDP and DeepSpeed are both enabled; pick one")
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world > 1 and cuda_available():
        import torch

        if torch.cuda.device_count() < int(os.environ.get("LOCAL_WORLD_SIZE", world)):
            raise HfsynthError(
                f"accelerate config: {os.environ.get('LOCAL_WORLD_SIZE', world)} processes per node but only "
                f"{torch.cuda.device_count()} GPU(s) visible; lower num_processes"
            )
