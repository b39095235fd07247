"""The curate stage: raw/<split>/*.parquet -> data/<split>.parquet, funnel.json, decontamination.jsonl.

All splits go through the filters together, so a row duplicated across train and test is caught
(the lowest id stays, whatever its split). Steps, in order, each one line of the funnel when on:
generation status, extract, length, validity, static_analysis, trivial, print_only, repetition,
instruction, exact_dedup, near_dedup, decontaminate, execute, secrets (last, so that nothing
published carries a key, a token or personal data). Every removed row is written to rejected.jsonl
with its step and reason. Rows keep every raw column; curation sets ``code`` and ``language`` and,
when execution runs, adds ``exec_status`` and ``exec_detail``.

It streams, so that millions of rows fit on one machine: pass one reads the rows batch by batch
(:mod:`hfsynth.curate.sources`) and runs the per-row steps up to the dedup keys on worker processes
(:mod:`hfsynth.curate.batch`, :mod:`hfsynth.curate.parallel`), spilling the survivors to the work
folder; dedup then decides over the compact keys of every survivor (:mod:`hfsynth.curate.dedup`);
pass two decontaminates, executes and scans each spilled batch and appends it to its split's
ParquetWriter. Every output is renamed into place at the end, so a failed or killed run leaves the
previous ones untouched.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.rundir import atomic_write_with

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
        field = pa.field(name, pa.string())
        index = schema.get_field_index(name)
        schema = schema.set(index, field) if index >= 0 else schema.append(field)
    return schema


def preflight(ctx: StageContext) -> None:
    """What can fail before generation even starts: grammars, benchmark files, the sandbox."""
    recipe = ctx.recipe
    config = recipe.curate
    if ctx.input:
        from hfsynth.curate.inputs import load_input

        load_input(ctx.input, recipe)  # bad input is refused here, before anything is written
    if not config.enabled:
        return
    if config.validity.enabled:
        from hfsynth.curate.validity import require_parsers

        require_parsers(config.languages)
    if config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import benchmark_rows, humaneval_texts

        if config.decontaminate.humaneval:
            humaneval_texts()
        for source in config.decontaminate.benchmarks:
            if source.path:  # Hub datasets are checked when the stage loads them
                benchmark_rows(source, recipe)
    if config.execution.enabled:
        from hfsynth.sandbox import detect_isolation

        try:
            detect_isolation()
        except RuntimeError as exc:
            raise HfsynthError(f"curate.execution.enabled: {exc}; set curate.execution.enabled: false") from None




# ----------------------------------------------------------------------------------------------
# The two passes


def _tasks(source, batch_size: int):
    """(task, split, batch) in input order; an empty input is one empty batch, so every step is counted."""
    import pyarrow as pa

    task = -1
    for task, (split, batch) in enumerate(source.batches(batch_size)):
        yield task, split, batch
    if task < 0:
        yield 0, (source.splits or ["train"])[0], pa.RecordBatch.from_pylist([], schema=source.schema)


class Pass1:
    """What pass one leaves in the stage: per task its split and survivor count, the survivors' ids
    and dedup keys (compact), the merged funnel."""

    def __init__(self, funnel):
        self.funnel = funnel
        self.failures: Dict[str, int] = {}
        self.splits: List[str] = []
        self.sizes: List[int] = []
        self.ids: List = []
        self.keys: List = []

    def add(self, result) -> None:
        self.funnel.merge(result.funnel)
        for status, count in result.failures.items():
            self.failures[status] = self.failures.get(status, 0) + count
        self.splits.append(result.split)
        self.sizes.append(len(result.ids))
        self.ids.append(result.ids)
        if result.keys is not None:
            self.keys.append(result.keys)


def dedup(passed: Pass1, config, work: Path) -> List[List[int]]:
    """Exact then near dedup over every survivor of pass one (all splits together, lowest id
    stays), each a funnel step; returns the removed rows of each task (local positions)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from hfsynth.curate.batch import signature_path
    from hfsynth.curate.dedup import DedupKeys, decide

    removed_by_task: List[List[int]] = [[] for _ in passed.sizes]
    if not (config.enabled and (config.dedup.exact or config.dedup.near)):
        return removed_by_task
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
        for task in np.unique(tasks).tolist():
            chosen = tasks == task
            stored = np.load(signature_path(work, task), mmap_mode="r")
            if out is None:
                out = np.empty((len(positions), stored.shape[1]), dtype=stored.dtype)
            out[chosen] = stored[positions[chosen] - offsets[task]]
        return out if out is not None else np.zeros((0, config.dedup.num_perm), dtype=np.uint32)

    exact, near = decide(ranks, keys, config.dedup, signature_of)
    steps = []
    if config.dedup.exact:
        steps.append(("exact_dedup", exact, "same code as a row with a lower id"))
    if config.dedup.near:
        steps.append(("near_dedup", near, "near duplicate of a row with a lower id"))
    rows_in = n
    for name, removed, reason in steps:
        for position in sorted(removed):
            task = int(np.searchsorted(offsets, position, side="right") - 1)
            passed.funnel.reject(name, {"id": ids[position].as_py(), "split": passed.splits[task]}, reason)
            removed_by_task[task].append(position - int(offsets[task]))
        passed.funnel.record(name, rows_in, rows_in - len(removed))
        rows_in -= len(removed)
    for removed in removed_by_task:
        removed.sort()
    return removed_by_task


def merge_secrets(total: Optional[Dict], report: Optional[Dict]) -> Optional[Dict]:
    if report is None:
        return total
    if total is None:
        return {**report, "findings": dict(report["findings"]), "first_ids": list(report["first_ids"])}
    total["rows_with_findings"] += report["rows_with_findings"]
    for kind, count in report["findings"].items():
        total["findings"][kind] = total["findings"].get(kind, 0) + count
    total["findings"] = dict(sorted(total["findings"].items()))
    total["first_ids"] = (total["first_ids"] + report["first_ids"])[:5]
    return total


def refuse_secrets(report: Dict) -> None:
    """Policy ``fail``: stop before any file is written (raw/ and data/ stay as they were)."""
    kinds = ", ".join(f"{k} x{n}" for k, n in report["findings"].items())
    raise HfsynthError(
        f"curate.secrets.policy is 'fail': {report['rows_with_findings']} row(s) contain secrets or personal data "
        f"({kinds}; first: {', '.join(report['first_ids'])}); nothing was written, use policy redact or drop to publish"
    )


def curate_stage(ctx: StageContext) -> None:
    """raw/ (or --input) -> data/<split>.parquet + funnel.json + decontamination.jsonl + rejected.jsonl (rank 0).

    Two passes over the rows, batch by batch on ``curate.workers`` processes; only compact
    per-row dedup keys stay in memory. Outputs are written in the work folder and renamed into place
    when everything has succeeded."""
    import json
    import shutil

    import pyarrow.parquet as pq

    from hfsynth.curate.batch import Job, filter_batch, finish_batch, setup
    from hfsynth.curate.funnel import Funnel
    from hfsynth.curate.parallel import Workers, worker_count
    from hfsynth.curate.sources import input_source, raw_source

    recipe, run_dir = ctx.recipe, ctx.run_dir
    config = recipe.curate
    source = input_source(ctx.input, recipe) if ctx.input else raw_source(run_dir)
    executed = config.enabled and config.execution.enabled
    work = run_dir.curate_work
    shutil.rmtree(work, ignore_errors=True)  # what a killed run left: this one starts afresh
    work.mkdir(parents=True)
    writers: Dict[str, Tuple[Path, "pq.ParquetWriter"]] = {}

    def writer(split: str):
        if split not in writers:
            path = work / f"split-{len(writers):04d}.parquet"
            writers[split] = (path, pq.ParquetWriter(path, job.output_schema))
        return writers[split][1]

    try:
        benchmarks = None
        if config.enabled and config.decontaminate.enabled:
            from hfsynth.curate.decontaminate import build_index

            benchmarks = build_index(config.decontaminate, recipe)
        job = Job(recipe, work, output_schema(source.schema, False), output_schema(source.schema, executed), benchmarks)
        workers = worker_count(config.workers) if source.rows > config.batch_size else 1
        passed = Pass1(Funnel(spool=work / "rejected"))
        with Workers(workers, setup, (job,)) as pool:
            for result in pool.map(filter_batch, _tasks(source, config.batch_size)):
                passed.add(result)
            removed = dedup(passed, config, work)
            funnel = passed.funnel
            secrets = None
            counts: Dict[str, int] = {split: 0 for split in source.splits}
            finish_tasks = ((task, split, gone) for task, (split, gone) in enumerate(zip(passed.splits, removed)))
            with open(work / run_dir.decontamination.name, "w", encoding="utf-8") as contamination:
                for result in pool.map(finish_batch, finish_tasks, inline=executed):  # the sandbox runs its own workers
                    funnel.merge(result.funnel)
                    secrets = merge_secrets(secrets, result.secrets)
                    for record in result.contamination:
                        contamination.write(json.dumps(record, ensure_ascii=False) + "\n")
                    writer(result.split).write_table(result.table)
                    counts[result.split] = counts.get(result.split, 0) + result.table.num_rows
        if secrets is not None:
            if config.secrets.policy == "fail" and secrets["rows_with_findings"]:
                refuse_secrets(secrets)
            funnel.reports["secrets"] = secrets
        for split in counts:  # every split gets its file, empty ones too
            writer(split).close()
        run_dir.data.mkdir(parents=True, exist_ok=True)
        for split, (path, _) in writers.items():
            os.replace(path, run_dir.split_file(split))
        for stale in run_dir.data.glob("*.parquet"):  # splits of an earlier run that this one no longer has
            if stale.stem not in counts:
                stale.unlink()
        atomic_write_with(run_dir.decontamination, lambda tmp: shutil.copyfile(work / run_dir.decontamination.name, tmp))
        funnel.write_rejected(run_dir.rejected)
        funnel.write(run_dir.funnel, counts, dict(sorted(passed.failures.items())))
    finally:
        for _, open_writer in writers.values():
            if open_writer.is_open:
                open_writer.close()
        shutil.rmtree(work, ignore_errors=True)
