"""What every stage function receives (one typed context, not loose arguments and option dicts) and what the runner reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from hfsynth.rundir import RunDir

if TYPE_CHECKING:  # the recipe imports pydantic models only; keep this module import-light
    from hfsynth.recipe import Recipe


@dataclass(frozen=True)
class StageContext:
    """The recipe, the run directory, the stage's fingerprint and the per-invocation switches.

    ``fingerprint`` is the one :func:`hfsynth.run.stage_fingerprint` computed for this run of the
    stage (None in preflight, before the stages it reads have run). Switches are never fingerprinted:
    ``dry_run`` stops publish at the local export; ``input`` makes curate read that dataset instead
    of raw/ (and always run).
    """

    recipe: "Recipe"
    run_dir: RunDir
    fingerprint: Optional[str] = None
    dry_run: bool = False
    input: Optional[str] = None  # `hfsynth curate --input`: a file or Hub dataset curated instead of raw/


@dataclass(frozen=True)
class StageResult:
    """What the runner reports for one stage: ``ran`` (with its seconds) or ``skipped``."""

    name: str
    status: str
    seconds: float = 0.0
