"""Run under ``torchrun --nproc_per_node 2`` by tests/test_run_guard.py: ``guard_launch`` on real gloo ranks.

argv: <output dir pattern>, where ``{rank}`` (if present) gives each rank its own folder, as a node-local
disk would. Exit 0 when the guard passes (rank 0 then holds the lock), 2 with hfsynth's one line otherwise.
"""

import sys

from hfsynth import dist
from hfsynth.errors import HfsynthError
from hfsynth.run_guard import guard_launch
from hfsynth.rundir import RunDir


def main() -> int:
    run_dir = RunDir(sys.argv[1].format(rank=dist.rank()))
    try:
        guard_launch(run_dir)
    except HfsynthError as exc:
        print(f"hfsynth: error: {exc}", file=sys.stderr)
        return 2
    print(f"rank {dist.rank()}: guard passed; lock: {run_dir.lock_file.read_text().strip() if dist.is_main() else '-'}")
    dist.barrier()
    dist.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
