"""What both executors of curation share around the per-batch work of :mod:`hfsynth.curate.batch`:
the worker Job, the tasks of pass one, what pass one leaves (:class:`Pass1`) and the dedup decision
over it (:class:`DedupOutcome`).

A task is numbered by where its batch lies in the input, so that merging results in task order gives
the same funnel, rejected.jsonl and row order whichever executor ran the tasks and in which order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

ADDED_COLUMNS = {"code": "string", "language": "string"}
EXEC_COLUMNS = {"exec_status": "string", "exec_detail": "string"}


def output_schema(raw_schema, executed: bool):
    """The raw schema with curation's columns set to strings (a raw ``code`` column may be all null)."""
    import pyarrow as pa

    schema = raw_schema
    if "split" not in schema.names:
        schema = schema.append(pa.field("split", pa.string()))
    added = {**ADDED_COLUMNS, **(EXEC_COLUMNS if executed else {})}
    for name in added:
        column = pa.field(name, pa.string())
        index = schema.get_field_index(name)
        schema = schema.set(index, column) if index >= 0 else schema.append(column)
    return schema


def make_job(recipe, source, work: Path):
    """The Job every worker is set up with (the decontamination index is built once, here)."""
    from hfsynth.curate.batch import Job

    config = recipe.curate
    executed = config.enabled and config.execution.enabled
    benchmarks = None
    if config.enabled and config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import build_index

        benchmarks = build_index(config.decontaminate, recipe)
    return Job(recipe, work, output_schema(source.schema, False), output_schema(source.schema, executed), benchmarks)


def input_tasks(source, batch_size: int) -> Iterator[Tuple[int, str, object]]:
    """(task, split, batch) in input order; an empty input is one empty batch, so every step is counted."""
    import pyarrow as pa

    task = -1
    for task, (split, batch) in enumerate(source.batches(batch_size)):
        yield task, split, batch
    if task < 0:
        yield 0, (source.splits or ["train"])[0], pa.RecordBatch.from_pylist([], schema=source.schema)


class Pass1:
    """What pass one leaves: the merged funnel and generation failures (``add_counts``), and per task
    its number, split, survivors' ids and compact dedup keys (``add_keys``), in task order."""

    def __init__(self, funnel=None):
        self.funnel = funnel
        self.failures: Dict[str, int] = {}
        self.tasks: List[int] = []
        self.splits: List[str] = []
        self.sizes: List[int] = []
        self.ids: List = []
        self.keys: List = []

    def add(self, result) -> None:
        self.add_counts(result.funnel, result.failures)
        self.add_keys(result)

    def add_counts(self, funnel, failures: Dict[str, int]) -> None:
        self.funnel.merge(funnel)
        for status, count in failures.items():
            self.failures[status] = self.failures.get(status, 0) + count

    def add_keys(self, result) -> None:
        self.tasks.append(result.task)
        self.splits.append(result.split)
        self.sizes.append(len(result.ids))
        self.ids.append(result.ids)
        if result.keys is not None:
            self.keys.append(result.keys)


@dataclass
class DedupOutcome:
    """Which rows dedup removes: per task of pass one (same order) the local positions, and per
    step the removed (id, split) in position order, to be recorded in a funnel."""

    removed_by_task: List[List[int]]
    steps: List[Tuple[str, str, int, List[Tuple[str, str]]]] = field(default_factory=list)  # (step, reason, rows in, removed)

    def record(self, funnel) -> None:
        for name, reason, rows_in, removed in self.steps:
            for row_id, split in removed:
                funnel.reject(name, {"id": row_id, "split": split}, reason)
            funnel.record(name, rows_in, rows_in - len(removed))

    def finish_tasks(self, passed: Pass1) -> Iterator[Tuple[int, str, List[int]]]:
        """The tasks of pass two: (task, split, removed positions), in task order."""
        return zip(passed.tasks, passed.splits, self.removed_by_task)


def decide_dedup(passed: Pass1, config, work: Path) -> DedupOutcome:
    """Exact then near dedup over every survivor of pass one (all splits together, lowest id stays);
    the MinHash signatures are read from the work folder only for the candidate pairs."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from hfsynth.curate.batch import signature_path
    from hfsynth.curate.dedup import DedupKeys, decide

    outcome = DedupOutcome([[] for _ in passed.sizes])
    if not (config.enabled and (config.dedup.exact or config.dedup.near)):
        return outcome
    ids = pa.concat_arrays(passed.ids) if passed.ids else pa.array([], pa.string())
    n = len(ids)
    ranks = np.empty(n, dtype=np.int64)
    ranks[pc.sort_indices(ids).to_numpy()] = np.arange(n)
    keys = DedupKeys.concat(passed.keys)
    passed.keys = []
    offsets = np.concatenate([[0], np.cumsum(passed.sizes)]).astype(np.int64)

    def signature_of(positions: np.ndarray) -> np.ndarray:
        tasks = np.searchsorted(offsets, positions, side="right") - 1
        out = None
        for index in np.unique(tasks).tolist():
            chosen = tasks == index
            stored = np.load(signature_path(work, passed.tasks[index]), mmap_mode="r")
            if out is None:
                out = np.empty((len(positions), stored.shape[1]), dtype=stored.dtype)
            out[chosen] = stored[positions[chosen] - offsets[index]]
        return out if out is not None else np.zeros((0, config.dedup.num_perm), dtype=np.uint32)

    exact, near = decide(ranks, keys, config.dedup, signature_of)
    steps = []
    if config.dedup.exact:
        steps.append(("exact_dedup", exact, "same code as a row with a lower id"))
    if config.dedup.near:
        steps.append(("near_dedup", near, "near duplicate of a row with a lower id"))
    rows_in = n
    for name, removed, reason in steps:
        records = []
        for position in sorted(removed):
            index = int(np.searchsorted(offsets, position, side="right") - 1)
            records.append((ids[position].as_py(), passed.splits[index]))
            outcome.removed_by_task[index].append(position - int(offsets[index]))
        outcome.steps.append((name, reason, rows_in, records))
        rows_in -= len(removed)
    for removed in outcome.removed_by_task:
        removed.sort()
    return outcome

