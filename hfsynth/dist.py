"""Which process am I, and waiting for the others (torchrun / accelerate launch, or one process).

The process group is only created (through accelerate's ``PartialState``, gloo on CPU, NCCL on
GPU) when the launcher started more than one process; a plain ``hfsynth ...`` never touches it.
"""

import os


def world_size() -> int:
    return int(os.environ.get("WORLD_SIZE", "1"))


def rank() -> int:
    return int(os.environ.get("RANK", "0"))


def local_rank() -> int:
    return int(os.environ.get("LOCAL_RANK", "0"))


def is_main() -> bool:
    return rank() == 0


def state():
    """accelerate's process state (creates the process group on first use under a launcher)."""
    from accelerate import PartialState

    return PartialState()


def barrier() -> None:
    """Wait for every rank; a no-op in a single process.

    ``torch.distributed.barrier`` directly: under torchrun on a CPU-only machine accelerate's state
    says DistributedType.NO and its ``wait_for_everyone`` returns at once without waiting.
    """
    if world_size() > 1:
        import torch.distributed as torch_dist

        state()
        torch_dist.barrier()


def shutdown() -> None:
    """Destroy the process group, if this process made one, before the interpreter exits.

    Left to interpreter teardown, gloo's worker threads are sometimes destroyed while still
    joinable and the rank aborts ("terminate called without an active exception", exit -6)
    after its work succeeded; torchrun then fails the whole launch.
    """
    if world_size() == 1:
        return
    import torch.distributed as torch_dist

    if torch_dist.is_available() and torch_dist.is_initialized():
        torch_dist.destroy_process_group()


def broadcast_object(obj):
    """Rank 0's ``obj`` on every rank (a no-op in a single process)."""
    if world_size() == 1:
        return obj
    import torch.distributed as torch_dist

    state()
    box = [obj]
    torch_dist.broadcast_object_list(box, src=0)
    return box[0]
