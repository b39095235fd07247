"""The execution sandbox: a shared service, not a stage.

Both the curate stage's execution filter (:mod:`hfsynth.curate.execute`) and the evaluate stage's
HumanEval (:mod:`hfsynth.scoring.humaneval`) run untrusted generated code through it, so it lives
outside either stage package. :mod:`hfsynth.sandbox.runner` runs programs (one fresh sandbox each)
and starts :mod:`hfsynth.sandbox.launcher` by file path with ``python -I -S``; SANDBOX.md, next to
this file, says what each isolation level does and does not isolate.
"""

from hfsynth.sandbox.runner import (
    LEVELS,
    Isolation,
    Limits,
    Result,
    candidate_isolations,
    default_workers,
    detect_isolation,
    run_program,
    run_programs,
)

__all__ = [
    "LEVELS",
    "Isolation",
    "Limits",
    "Result",
    "candidate_isolations",
    "default_workers",
    "detect_isolation",
    "run_program",
    "run_programs",
]
