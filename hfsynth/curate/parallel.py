"""An ordered, bounded map over worker processes: the local executor of curation.

Results come back in task order (so outputs and rejected.jsonl keep the input order whatever the
number of workers) and at most ``window`` tasks are in flight, so the reader never runs ahead of
the workers and memory stays bounded. Workers are spawned, not forked: the stage may run in a
process that already holds threads (torch, tokenizers) that a fork would copy half-locked.
One worker means the same functions run in this process, without a pool.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Optional, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def worker_count(requested: Optional[int]) -> int:
    """The recipe's worker count, or every core this process may use."""
    if requested:
        return requested
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class Workers:
    """A pool of ``count`` spawned processes, each set up once with ``setup(*setup_args)``."""

    def __init__(self, count: int, setup: Callable, setup_args: Sequence = ()):
        self.count = count
        self.setup, self.setup_args = setup, tuple(setup_args)
        self.pool: Optional[ProcessPoolExecutor] = None

    def __enter__(self) -> "Workers":
        self.setup(*self.setup_args)  # the calling process can run tasks too (one worker, or inline steps)
        if self.count > 1:
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.count, mp_context=context, initializer=self.setup, initargs=self.setup_args)
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T], inline: bool = False) -> Iterator[R]:
        """``fn`` over ``tasks``, results in task order; ``inline`` runs them here (steps that bring their own parallelism)."""
        if self.pool is None or inline:
            for task in tasks:
                yield fn(task)
            return
        window = 2 * self.count
        pending = deque()
        for task in tasks:
            pending.append(self.pool.submit(fn, task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
