"""Run under ``torchrun --nproc_per_node 2`` by tests/test_fsdp.py: hfsynth's FSDP2 pieces on CPU ranks.

argv: <tiny model dir> <output dir> [4bit]. The tiny model (with ``4bit``: NF4 with fp32 storage, what hfsynth's
``bnb_4bit_quant_storage: auto`` gives on a CPU) gets LoRA in fp32 and is sharded by accelerate's own
FSDP2 preparation (``accelerate.utils.fsdp_utils.fsdp2_prepare_model``, TRANSFORMER_BASED_WRAP, the
same call ``Accelerator.prepare`` makes under an FSDP2 config on GPUs); a few AdamW steps on different
data per rank make every shard move. Then, with hfsynth's own functions (hfsynth/train.py):

- ``save_sharded_adapter`` writes ``<out>/adapter`` (the final adapter);
- ``save_checkpoint_full_adapter`` writes the whole adapter into ``<out>/run/checkpoints/checkpoint-2``; one more step moves
  the weights; ``restore_checkpoint_full_adapter`` puts them back (the resume).

Rank 0 writes ``<out>/reference.safetensors``: every LoRA tensor rebuilt by all-gathering each rank's
local shard (``DTensor.to_local``, independent of the code under test), and ``<out>/report.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from types import SimpleNamespace

import torch
import torch.distributed as torch_dist


def gathered_from_ranks(model) -> dict:
    """Each trainable tensor as the concatenation of every rank's local shard (FSDP2 shards dim 0)."""
    out = {}
    for name, param in model.named_parameters():
        if not param.requires_grad:
            continue
        pieces = [None] * torch_dist.get_world_size()
        torch_dist.all_gather_object(pieces, param.to_local().detach().clone())
        out[name] = torch.cat(pieces, dim=0)
    return out


def main(model_dir: str, out: str, four_bit: bool = False) -> None:
    from accelerate.utils import FullyShardedDataParallelPlugin
    from accelerate.utils.fsdp_utils import fsdp2_prepare_model
    from peft import LoraConfig, get_peft_model
    from safetensors.torch import save_file
    from transformers import AutoModelForCausalLM, BitsAndBytesConfig

    from hfsynth import dist
    from hfsynth.rundir import RunDir
    from hfsynth.sft import gather_trainable_state, is_fsdp2_sharded, save_sharded_adapter
    from hfsynth.train import restore_checkpoint_full_adapter, save_checkpoint_full_adapter

    torch_dist.init_process_group("gloo")
    rank = torch_dist.get_rank()
    out = Path(out)
    torch.manual_seed(0)
    quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=torch.float32,
                               bnb_4bit_quant_storage=torch.float32) if four_bit else None
    model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32, quantization_config=quant)
    params4bit = sum(1 for p in model.parameters() if p.__class__.__name__ == "Params4bit")
    lora = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "k_proj", "v_proj", "o_proj"], task_type="CAUSAL_LM")
    model = get_peft_model(model, lora)
    full_shapes = {n: list(p.shape) for n, p in model.named_parameters() if p.requires_grad}
    probe = torch.randint(0, model.config.vocab_size, (2, 16), generator=torch.Generator().manual_seed(7))
    # the unsharded loss on a second copy: on the CPU bitsandbytes repacks 4-bit weights to uint8 at their
    # first forward, which accelerate's FSDP2 preparation then (rightly) leaves unsharded
    twin = get_peft_model(AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32, quantization_config=quant), lora)
    mine = dict(model.named_parameters())
    with torch.no_grad():
        for name, param in twin.named_parameters():
            if param.requires_grad:
                param.copy_(mine[name])
    with torch.no_grad():
        loss_unsharded = twin(input_ids=probe, labels=probe).loss.item()
    del twin

    # accelerate's FSDP2 preparation, with the plugin an FSDP2 config yields (a CPU Accelerator would not
    # enable FSDP at all: accelerate 1.15 state.py turns it on only for GPU-like distributed types).
    plugin = FullyShardedDataParallelPlugin(
        fsdp_version=2, auto_wrap_policy="transformer_based_wrap", transformer_cls_names_to_wrap=["LlamaDecoderLayer"],
        cpu_ram_efficient_loading=False, state_dict_type="SHARDED_STATE_DICT",
    )
    accelerator = SimpleNamespace(
        state=SimpleNamespace(fsdp_plugin=plugin), torch_device_mesh=None, mixed_precision="no",
        is_main_process=rank == 0, device=torch.device("cpu"),
    )
    model = fsdp2_prepare_model(accelerator, model)
    assert is_fsdp2_sharded(model)
    local_shapes = {n: list(p.to_local().shape) for n, p in model.named_parameters() if p.requires_grad}
    from torch.distributed.tensor import DTensor

    frozen_sharded = sum(1 for p in model.parameters() if not p.requires_grad and isinstance(p, DTensor))
    with torch.no_grad():
        loss_sharded = model(input_ids=probe, labels=probe).loss.item()

    optimizer = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=1e-2)
    generator = torch.Generator().manual_seed(100 + rank)

    def step():
        ids = torch.randint(0, model.config.vocab_size, (2, 16), generator=generator)
        loss = model(input_ids=ids, labels=ids).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()

    for _ in range(2):
        step()
    save_sharded_adapter(model, out / "adapter")
    reference = gathered_from_ranks(model)
    run_dir = RunDir(out / "run")
    checkpoint_file = run_dir.checkpoint_full_adapter("checkpoint-2")
    if dist.is_main():
        checkpoint_file.parent.mkdir(parents=True)
    dist.barrier()
    save_checkpoint_full_adapter(model, checkpoint_file)

    step()  # the weights move on...
    moved = gathered_from_ranks(model)
    restored = restore_checkpoint_full_adapter(model, checkpoint_file)  # ...and the resume puts them back
    after_restore = gathered_from_ranks(model)
    gathered_by_hfsynth = gather_trainable_state(model)
    if rank == 0:
        save_file({k: v.contiguous() for k, v in reference.items()}, str(out / "reference.safetensors"))
        report = {
            "world_size": torch_dist.get_world_size(),
            "params4bit": params4bit,
            "frozen_sharded": frozen_sharded,
            "loss_unsharded": loss_unsharded,
            "loss_sharded": loss_sharded,
            "full_shapes": full_shapes,
            "local_shapes": local_shapes,
            "restored_tensors": restored,
            "moved_after_checkpoint": any(not torch.equal(moved[k], reference[k]) for k in reference),
            "restored_equals_checkpoint": all(torch.equal(after_restore[k], reference[k]) for k in reference),
            "hfsynth_gather_equals_reference": all(torch.equal(gathered_by_hfsynth[k], reference[k]) for k in reference),
        }
        (out / "report.json").write_text(json.dumps(report))
    torch_dist.barrier()
    torch_dist.destroy_process_group()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], four_bit=sys.argv[3:] == ["4bit"])
