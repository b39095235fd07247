"""A test-only switch that parks a run at a known point, so a kill test kills mid-run for certain.

``HFSYNTH_TEST_PAUSE=<point>:<n>:<file>`` makes the process, once it reaches ``<point>`` for the
``n``-th time, write ``<file>`` (atomically: the test sees it whole) and then wait until it is
killed. Points: ``train_checkpoint`` (after the Trainer saved checkpoint ``n``), ``generate_shard``
(after ``n`` shards were written by this process),
``curate_finish_batch`` (after a datatrove finish task of this process wrote its ``n``-th batch). Without the variable nothing changes. This beats
polling for a file and killing "soon": on a fast machine the run may finish first, on a slow one
the kill may land before anything was written.
"""

from __future__ import annotations

import os
import signal
import time
from typing import Optional, Tuple

ENV = "HFSYNTH_TEST_PAUSE"


def _setting() -> Optional[Tuple[str, int, str]]:
    value = os.environ.get(ENV)
    if not value:
        return None
    point, count, path = value.split(":", 2)
    return point, int(count), path


def pause_here(point: str, reached: int, detail: str = "") -> None:
    """Park this process forever when the switch names ``point`` and ``reached`` is its count."""
    setting = _setting()
    if setting is None or setting[0] != point or setting[1] != reached:
        return
    path = setting[2]
    tmp = f"{path}.tmp{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(f"{point} {reached} pid {os.getpid()} {detail}\n")
    os.replace(tmp, path)
    while True:  # until the test's SIGKILL
        if hasattr(signal, "pause"):
            signal.pause()
        else:  # pragma: no cover - Windows
            time.sleep(3600)


def trainer_callbacks() -> list:
    """The TrainerCallback that pauses after checkpoint ``n`` when the switch asks for it, else []."""
    setting = _setting()
    if setting is None or setting[0] != "train_checkpoint":
        return []
    from transformers import TrainerCallback

    class PauseAfterCheckpoint(TrainerCallback):
        def on_save(self, args, state, control, **kwargs):
            pause_here("train_checkpoint", state.global_step, f"rank {state.is_world_process_zero}")

    return [PauseAfterCheckpoint()]
