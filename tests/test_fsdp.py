"""FSDP2 on two CPU ranks (gloo, torchrun): the final adapter and the checkpoint adapter are whole.

Why not through ``accelerate launch``: accelerate 1.15 enables FSDP only for GPU-like distributed types
(``state.py``: MULTI_CPU is not among them), so an FSDP config on a CPU silently runs DDP (hfsynth now
refuses it, see test_launch_checks_fsdp_on_cpu_is_refused). FSDP1 refuses CPU ranks outright ("FSDP needs
a non-CPU accelerator device"). What hfsynth owns on the FSDP path — gathering the adapter for the final
save whatever ``fsdp_state_dict_type`` says, and the whole adapter in each checkpoint for the resume —
is run here on a model sharded by accelerate's own FSDP2 preparation (``fsdp2_prepare_model``), the
call ``Accelerator.prepare`` makes under an FSDP2 config on GPUs (tests/fsdp_rank_script.py).

4-bit under FSDP2 runs here too (``fsdp_4bit_run``): on the CPU hfsynth's ``bnb_4bit_quant_storage: auto`` is
fp32, so bitsandbytes' ``Params4bit`` are floating and accelerate's FSDP2 preparation shards them with the
rest; the sharded model's loss equals the unsharded one's, and the adapter save and restore hold.
"""

import json
import os
import subprocess
import sys

import pytest
import torch
import yaml

from hfsynth.rundir import RunDir

from helpers import REPO_ROOT

pytestmark = pytest.mark.slow  # two torchrun processes, ~15 s


def run_ranks(tiny_model_dir, out, *extra):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone",
         str(REPO_ROOT / "tests" / "fsdp_rank_script.py"), str(tiny_model_dir), str(out), *extra],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    return out, json.loads((out / "report.json").read_text())


@pytest.fixture(scope="module")
def fsdp_run(tiny_model_dir, tmp_path_factory):
    return run_ranks(tiny_model_dir, tmp_path_factory.mktemp("fsdp2"))


@pytest.fixture(scope="module")
def fsdp_4bit_run(tiny_model_dir, tmp_path_factory):
    return run_ranks(tiny_model_dir, tmp_path_factory.mktemp("fsdp2-4bit"), "4bit")


def test_fsdp2_4bit_is_sharded_computes_as_unsharded_and_saves_the_whole_adapter(fsdp_4bit_run):
    from safetensors.torch import load_file

    out, report = fsdp_4bit_run
    assert report["params4bit"] == 14  # q, k, v, o, gate, up, down of 2 layers
    assert report["frozen_sharded"] >= report["params4bit"]
    assert report["loss_sharded"] == pytest.approx(report["loss_unsharded"], rel=1e-5)
    saved = load_file(str(out / "adapter" / "adapter_model.safetensors"))
    reference = load_file(str(out / "reference.safetensors"))
    assert len(saved) == len(reference) == 16
    for name, tensor in reference.items():
        assert torch.equal(saved[name.replace(".default.", ".")], tensor), name
    assert report["restored_equals_checkpoint"] and report["moved_after_checkpoint"]


def test_fsdp2_final_adapter_equals_the_lora_weights_gathered_from_both_ranks(fsdp_run):
    from safetensors.torch import load_file

    out, report = fsdp_run
    assert report["world_size"] == 2
    # the parameters really were sharded: each rank held half of every LoRA tensor's first dimension
    for name, shape in report["full_shapes"].items():
        assert report["local_shapes"][name] == [shape[0] // 2, *shape[1:]]
    saved = load_file(str(out / "adapter" / "adapter_model.safetensors"))
    reference = load_file(str(out / "reference.safetensors"))
    assert len(saved) == len(reference) == 16
    for name, tensor in reference.items():
        saved_name = name.replace(".default.", ".")  # PEFT drops the adapter name on save
        assert list(saved[saved_name].shape) == report["full_shapes"][name]
        assert torch.equal(saved[saved_name], tensor), name


def test_fsdp2_checkpoint_holds_the_whole_adapter_and_the_resume_restores_it(fsdp_run):
    from safetensors.torch import load_file

    out, report = fsdp_run
    in_checkpoint = load_file(str(RunDir(out / "run").checkpoint_full_adapter("checkpoint-2")))
    reference = load_file(str(out / "reference.safetensors"))
    assert set(in_checkpoint) == set(reference)
    for name, tensor in reference.items():
        assert torch.equal(in_checkpoint[name], tensor), name
    assert report["moved_after_checkpoint"]  # a step after the checkpoint changed the weights...
    assert report["restored_tensors"] == 16 and report["restored_equals_checkpoint"]  # ...and the restore undid it on both ranks
    assert report["hfsynth_gather_equals_reference"]


def test_fsdp2_adapter_loads_for_generation(fsdp_run, tiny_model_dir, tmp_path):
    """generate's loader (``load_tuned_model``) takes the FSDP2-saved adapter with every LoRA weight."""
    import shutil

    from safetensors.torch import load_file

    from hfsynth.models.load import load_tuned_model
    from hfsynth.recipe import load_recipe
    from hfsynth.run import resolve_run_dir

    out, _ = fsdp_run
    recipe_path = tmp_path / "r.yaml"
    recipe_path.write_text(yaml.safe_dump({
        "name": "fsdp", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"},
        "model": {"name_or_path": str(tiny_model_dir)}, "quantization": {"load_in_4bit": False},
    }))
    recipe = load_recipe(recipe_path)
    run_dir = resolve_run_dir(recipe)
    shutil.copytree(out / "adapter", run_dir.adapter)
    model, _ = load_tuned_model(recipe, run_dir, device="cpu")
    loaded = {n: p for n, p in model.named_parameters() if "lora_" in n}
    reference = load_file(str(out / "reference.safetensors"))
    assert set(loaded) == set(reference)
    for name, tensor in reference.items():
        assert torch.equal(loaded[name].detach(), tensor), name
