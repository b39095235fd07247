"""Refuse bad input before the first stage starts, not at minute 9 of a 10-minute run.

Each stage module may define ``preflight(recipe, run_dir)`` that raises :class:`HfsynthError`
for what it can know up front (missing files, impossible combinations, missing libraries).
"""

from importlib import import_module
from typing import Sequence

from hfsynth.run import STAGES, RunDir


def preflight(recipe, run_dir: RunDir, stage_names: Sequence[str]) -> None:
    for stage in STAGES:
        if stage.name not in stage_names:
            continue
        module = import_module(stage.target.partition(":")[0])
        check = getattr(module, "preflight", None)
        if check is not None:
            check(recipe, run_dir)
