"""The quality checks of the funnel, as one row meets them: in order, until one removes it.

A row is taken through every check before the next row is read (not each check over the whole batch): the
checks share the row's parsed trees and the walks, node lists and source text kept on them
(:mod:`hfsynth.curate.python_ast`), which a batch of thousands of rows would push out of the parse cache
between one check and the next. The counts and reasons are those of running each step over all rows.

Those trees are many and short-lived, and their kept walks make them cyclic, so only the garbage collector
frees them: at the collector's default threshold (a young collection every 700 allocations) it runs dozens of
times per row, and each full collection also scans everything the process held before (a torch-loaded
process: 30% of the checks' time). :func:`fewer_collections` collects less often while checks run, and
only among the objects made since they started.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from functools import partial
from typing import Callable, Dict, Iterator, List, Optional, Sequence, Tuple

# (young, middle, old) collector thresholds while row checks run: a young collection every 10,000 allocations,
# a few per row. The 139 labelled sets of blind1* and blind2* through tests/test_curate_quality.py (in a process
# holding torch and transformers, 100 rows a block): 195 s at the default (700, 10, 10), 173 s at these, 160 s at
# these with the older objects frozen and each block's garbage collected when it ends. bench/curation.py
# --batch-order times the stage's way (row by row, collecting less) against step after step at the default.
ROW_CHECK_THRESHOLDS = (10_000, 20, 10)

Check = Tuple[str, Callable[[Dict], Optional[str]]]


def quality_checks(config) -> List[Check]:
    """(funnel step, per-row check) of the enabled quality filters, in order: each check takes one
    row (with ``code`` and ``language`` set) and returns None to keep it or the reason to drop it."""
    from hfsynth.curate import instruction, repetition, static_analysis, substance

    steps = [
        ("static_analysis", config.static_analysis, static_analysis.check),
        ("trivial", config.trivial, substance.trivial),
        ("print_only", config.print_only, substance.print_only),
        ("repetition", config.repetition, repetition.check),
        ("instruction", config.instruction, instruction.check),
    ]
    return [(name, partial(check, config=section)) for name, section, check in steps if section.enabled]


def first_rejection(row: Dict, checks: Sequence[Check]) -> Optional[Tuple[str, str]]:
    """(step, reason) of the first check that removes the row, or None when every check keeps it."""
    for name, check in checks:
        reason = check(row)
        if reason is not None:
            return name, reason
    return None


_lock = threading.Lock()
_depth = 0
_saved: Optional[Tuple[int, int, int]] = None


@contextmanager
def fewer_collections(thresholds: Tuple[int, int, int] = ROW_CHECK_THRESHOLDS) -> Iterator[None]:
    """Run the block with the collector's thresholds at ``thresholds`` and the objects that exist when it starts
    frozen (``gc.freeze``: no collection scans them), then restore the thresholds and unfreeze. Nested or
    concurrent blocks (threads of one process) share one setting: the outermost sets and restores it. The
    collector stays on for what the block makes: cyclic trees are freed a few rows' worth at a time, and the
    block's last ones when it ends (else each block would freeze the garbage its predecessor left)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(*thresholds)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.collect()  # what the block left, before the older objects rejoin: it scans only the block's own
                gc.set_threshold(*_saved)
                gc.unfreeze()
