"""Catch an ``accelerate launch`` config that contradicts the recipe, before any model loads.

accelerate passes its config to the processes as environment variables (ACCELERATE_MIXED_PRECISION,
ACCELERATE_USE_FSDP, FSDP_*, ACCELERATE_USE_DEEPSPEED); these are compared with the recipe.
"""

from __future__ import annotations

import os
from typing import Mapping, Optional

from hfsynth.errors import HfsynthError

DTYPE_OF_PRECISION = {"bf16": "bfloat16", "fp16": "float16"}


def _true(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "false").lower() in ("1", "true", "yes")


def requested_distributed_type(env: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """FSDP or DEEPSPEED when the launcher's config asked for it, else None."""
    env = os.environ if env is None else env
    if _true(env, "ACCELERATE_USE_FSDP"):
        return "FSDP"
    if _true(env, "ACCELERATE_USE_DEEPSPEED"):
        return "DEEPSPEED"
    return None


def check_granted(requested: Optional[str], granted: str) -> None:
    """After the Trainer set accelerate up: refuse to train when the launcher dropped a requested FSDP/DeepSpeed."""
    if requested and granted != requested:
        raise HfsynthError(
            f"accelerate config asked for distributed_type {requested} but accelerate set up {granted}; "
            "refusing to train without it (FSDP and DeepSpeed need GPUs visible to every process)"
        )


def check_launch_environment(recipe, env: Optional[Mapping[str, str]] = None, on_gpu: Optional[bool] = None) -> None:
    from hfsynth.models.load import cuda_available

    env = os.environ if env is None else env
    on_gpu = cuda_available() if on_gpu is None else on_gpu
    dtype = recipe.model.dtype
    if dtype == "auto":
        dtype = "bfloat16" if on_gpu else "float32"  # (pre-Ampere GPUs: set model.dtype explicitly)
    precision = env.get("ACCELERATE_MIXED_PRECISION", "").lower()
    if precision in DTYPE_OF_PRECISION:
        if not on_gpu:
            raise HfsynthError(
                f"accelerate config: mixed_precision '{precision}' needs a GPU; on the CPU use mixed_precision: 'no' (model.dtype auto = float32)"
            )
        if dtype != DTYPE_OF_PRECISION[precision]:
            raise HfsynthError(
                f"accelerate config: mixed_precision '{precision}' contradicts model.dtype '{recipe.model.dtype}' ({dtype}); "
                f"set model.dtype: {DTYPE_OF_PRECISION[precision]} or change the accelerate config"
            )
    fsdp = _true(env, "ACCELERATE_USE_FSDP")
    deepspeed = _true(env, "ACCELERATE_USE_DEEPSPEED")
    if fsdp and deepspeed:
        raise HfsynthError("accelerate config: FSDP and DeepSpeed are both enabled; pick one")
    fsdp_version = env.get("FSDP_VERSION", "1").strip() or "1"
    if fsdp and not on_gpu:
        raise HfsynthError(
            f"accelerate config: distributed_type FSDP (fsdp_version {fsdp_version}) needs GPUs: on a CPU accelerate "
            "silently runs plain DDP instead (and FSDP1 refuses CPU ranks); use distributed_type MULTI_CPU or torchrun"
        )
    if deepspeed:
        import importlib.util

        if importlib.util.find_spec("deepspeed") is None:
            raise HfsynthError(
                "accelerate config: distributed_type DEEPSPEED needs the deepspeed package: pip install 'hfsynth[deepspeed]' "
                "(on a CPU it runs on DeepSpeed's CPU accelerator over gloo)"
            )
        zero3 = env.get("ACCELERATE_DEEPSPEED_ZERO_STAGE") == "3" and not env.get("ACCELERATE_DEEPSPEED_CONFIG_FILE")
        if zero3 and not _true(env, "ACCELERATE_DEEPSPEED_ZERO3_SAVE_16BIT_MODEL"):
            raise HfsynthError(
                "accelerate config: ZeRO-3 needs zero3_save_16bit_model: true (stage3_gather_16bit_weights_on_model_save); "
                "without it the Trainer saves no adapter weights (see accelerate_configs/deepspeed_zero3.yaml)"
            )
    q = recipe.quantization
    if fsdp and q.load_in_4bit and q.bnb_4bit_quant_storage not in ("auto", dtype):
        raise HfsynthError(
            f"quantization.bnb_4bit_quant_storage: FSDP-QLoRA needs the 4-bit storage dtype to equal the model dtype "
            f"({dtype}), got '{q.bnb_4bit_quant_storage}' (leave it 'auto')"
        )
    if fsdp and q.load_in_4bit and fsdp_version == "1":  # FSDP1's flat parameters
        if _true(env, "FSDP_USE_ORIG_PARAMS"):
            raise HfsynthError("accelerate config: FSDP-QLoRA needs fsdp_use_orig_params: false (see accelerate_configs/fsdp_qlora.yaml)")
        if not _true(env, "FSDP_CPU_RAM_EFFICIENT_LOADING"):
            raise HfsynthError("accelerate config: FSDP-QLoRA needs fsdp_cpu_ram_efficient_loading: true (see accelerate_configs/fsdp_qlora.yaml)")
    if on_gpu and int(env.get("LOCAL_WORLD_SIZE", "1")) > 1:
        import torch

        if torch.cuda.device_count() < int(env["LOCAL_WORLD_SIZE"]):
            raise HfsynthError(
                f"accelerate config: {env['LOCAL_WORLD_SIZE']} processes per node but only {torch.cuda.device_count()} "
                "GPU(s) visible; lower num_processes"
            )
