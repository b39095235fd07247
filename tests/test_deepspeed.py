"""DeepSpeed ZeRO-3 on two CPU ranks: the real `hfsynth train` with accelerate_configs/deepspeed_zero3.yaml's
environment (mixed precision off), on DeepSpeed's CPU accelerator over gloo.

Needs the optional ``deepspeed`` package (``pip install 'hfsynth[deepspeed]'``); skipped without it. Measured
with deepspeed 0.19.8 here. The config's save path (``zero3_save_16bit_model`` ->
``stage3_gather_16bit_weights_on_model_save``) is checked without DeepSpeed in test_accelerate_configs.py.
"""

import json
import os
import subprocess
import sys

import pytest
import torch

from hfsynth.recipe import load_recipe
from hfsynth.run import resolve_run_dir

from helpers import REPO_ROOT
from test_accelerate_configs import launcher_env

pytest.importorskip("deepspeed")
pytestmark = pytest.mark.slow  # two ranks, DeepSpeed builds its CPU comm op on first use


def test_deepspeed_zero3_on_two_cpu_ranks_saves_the_whole_adapter(tiny_recipe, write_recipe, tiny_model_dir):
    from peft import LoraConfig, get_peft_model
    from safetensors.torch import load_file
    from transformers import AutoModelForCausalLM

    from hfsynth.models.load import load_tuned_model

    path = write_recipe(tiny_recipe)
    env = dict(os.environ, OMP_NUM_THREADS="1", DS_ACCELERATOR="cpu")
    env.update({k: v for k, v in launcher_env("deepspeed_zero3").items() if k.startswith("ACCELERATE_")})
    env["ACCELERATE_MIXED_PRECISION"] = "no"
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone", "-m", "hfsynth", "train", str(path)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    recipe = load_recipe(path)
    run_dir = resolve_run_dir(recipe)
    record = json.loads(run_dir.manifest_path.read_text())["stages"]["train"]
    assert record["distributed_type"] == "DEEPSPEED" and record["num_processes"] == 2

    # every LoRA tensor whole (ZeRO-3 partitions gathered on save), and trained
    reference = get_peft_model(AutoModelForCausalLM.from_pretrained(tiny_model_dir), LoraConfig(r=4, lora_alpha=8, target_modules="all-linear"))
    shapes = {n.replace(".default.", "."): tuple(p.shape) for n, p in reference.named_parameters() if p.requires_grad}
    saved = load_file(str(run_dir.adapter / "adapter_model.safetensors"))
    assert {n: tuple(t.shape) for n, t in saved.items()} == shapes
    assert all(t.abs().sum() > 0 for n, t in saved.items() if "lora_B" in n)  # zero at init: moved by training

    model, _ = load_tuned_model(recipe, run_dir, device="cpu")  # generate's loader takes it
    loaded = {n.replace(".default.", "."): p for n, p in model.named_parameters() if "lora_" in n}
    assert all(torch.equal(loaded[n], saved[n]) for n in saved)
