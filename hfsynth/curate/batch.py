"""The per-batch work of curation, run in worker processes (:mod:`hfsynth.curate.parallel`).

Pass one (:func:`filter_batch`): generation status, row size, extract, length, validity and the
quality checks, then the dedup keys of what is left; the survivors are spilled to the work folder
with their MinHash signatures. Pass two (:func:`finish_batch`), once the stage has decided over all
keys which rows dedup removes: decontamination, execution and the secrets scan on a spilled batch,
returning the rows to write. Each batch counts its steps in its own :class:`Funnel`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import numpy as np
import pyarrow as pa

from hfsynth.curate.funnel import Funnel

TOO_LARGE = "too_large"


@dataclass
class Job:
    """What every worker needs, set once per process."""

    recipe: object  # the validated Recipe (curate section, paths)
    work: Path  # spill folder
    spill_schema: pa.Schema
    output_schema: pa.Schema
    benchmarks: object = None  # the decontamination BenchmarkIndex, built once by the stage


JOB: Optional[Job] = None


def setup(job: Job) -> None:
    global JOB
    JOB = job


def kept_path(work: Path, task: int) -> Path:
    return work / f"kept-{task:06d}.parquet"


def signature_path(work: Path, task: int) -> Path:
    return work / f"signatures-{task:06d}.npy"


@dataclass
class FilterResult:
    """What pass one sends back: counts, rejected rows, and the compact keys of the survivors."""

    task: int
    split: str
    funnel: Funnel
    failures: Dict[str, int]
    ids: pa.Array
    keys: object  # DedupKeys without signatures, or None when dedup is off


# ----------------------------------------------------------------------------------------------
# Pass one


def oversized(batch: pa.RecordBatch, limit: int) -> np.ndarray:
    """Which rows hold more than ``limit`` bytes of text (all string columns together)."""
    import pyarrow.compute as pc

    total = np.zeros(batch.num_rows, dtype=np.int64)
    for column in batch.columns:
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            total += pc.fill_null(pc.binary_length(column), 0).to_numpy(zero_copy_only=False)
    return total > limit


def drop_failures(rows: List[Dict], funnel: Funnel, failures: Dict[str, int]) -> List[Dict]:
    """Rows whose generation succeeded; the others are rejected and counted per status."""
    ok: List[Dict] = []
    for row in rows:
        status = row.get("status") or "missing"
        if status == "ok":
            ok.append(row)
        else:
            failures[status] = failures.get(status, 0) + 1
            funnel.reject("generation", row, f"{status}: {str(row.get('error') or 'no detail')[:200]}")
    return ok


def row_filters(rows: List[Dict], config, funnel: Funnel) -> List[Dict]:
    """extract, length, validity and the quality checks, each a funnel step when on (the quality checks row by
    row: :mod:`hfsynth.curate.row_checks`)."""
    from hfsynth.curate import extract, validity
    from hfsynth.curate.row_checks import fewer_collections, quality_checks

    if config.extract.enabled:
        extracted, bounded = extract.extract_rows(rows, config.extract, config.languages)
        funnel.record_rows("extract", rows, extracted, "no code in a kept language")
        funnel.record_rows("length", extracted, bounded, "code outside the length bounds")
        rows = bounded
    else:
        rows = extract.passthrough_code(rows, config.languages)
    if config.validity.enabled:
        rows = funnel.apply("validity", rows, lambda row: validity.syntax_error(row["code"], row["language"], config.validity.python_compile))
    with fewer_collections():
        return funnel.apply_in_turn(quality_checks(config), rows)


POSITION = "__hfsynth_batch_row__"  # each row dict's place in its batch, so survivors are taken from the arrow batch


def conform(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with exactly ``schema``'s columns: missing ones null, others cast (shards may differ)."""
    columns = []
    for field in schema:
        if field.name in table.column_names:
            column = table.column(field.name)
            columns.append(column if column.type == field.type else column.cast(field.type))
        else:
            columns.append(pa.nulls(table.num_rows, field.type))
    return pa.Table.from_arrays(columns, schema=schema)


def with_columns(table: pa.Table, values: Dict[str, List]) -> pa.Table:
    """``table`` with string columns set (replaced or appended)."""
    for name, column in values.items():
        array = pa.array(column, pa.string())
        index = table.column_names.index(name) if name in table.column_names else -1
        table = table.set_column(index, name, array) if index >= 0 else table.append_column(name, array)
    return table


def filter_batch(task_input: Tuple[int, str, pa.RecordBatch]) -> FilterResult:
    """Pass one over one batch of raw rows."""
    import pyarrow.parquet as pq

    from hfsynth.curate.dedup import dedup_keys

    task, split, batch = task_input
    config = JOB.recipe.curate
    funnel = Funnel()
    failures: Dict[str, int] = {}
    too_large = oversized(batch, config.max_row_bytes)
    if too_large.any():
        ids = batch.column("id").to_pylist()
        for i in np.flatnonzero(too_large).tolist():
            failures[TOO_LARGE] = failures.get(TOO_LARGE, 0) + 1
            funnel.reject("generation", {"id": ids[i], "split": split}, f"{TOO_LARGE}: over curate.max_row_bytes ({config.max_row_bytes} bytes)")
        batch = batch.filter(pa.array(~too_large))
    rows = batch.to_pylist()
    for position, row in enumerate(rows):
        row["split"] = split
        row[POSITION] = position
    ok = drop_failures(rows, funnel, failures)
    funnel.record("generation", len(rows) + int(too_large.sum()), len(ok))
    if config.enabled:
        ok = row_filters(ok, config, funnel)
    keys = None
    if config.enabled and (config.dedup.exact or config.dedup.near):
        keys = dedup_keys([row.get(config.dedup.field) or "" for row in ok], config.dedup)
        if keys.signatures is not None:
            np.save(signature_path(JOB.work, task), keys.signatures)
            keys.signatures = None
    survivors = pa.Table.from_batches([batch]).take(pa.array([row[POSITION] for row in ok], pa.int64()))
    survivors = with_columns(survivors, {"split": [split] * len(ok), "code": [row.get("code") for row in ok], "language": [row.get("language") for row in ok]})
    pq.write_table(conform(survivors, JOB.spill_schema), kept_path(JOB.work, task), compression="lz4")
    return FilterResult(task, split, funnel, failures, pa.array([str(row["id"]) for row in ok], pa.string()), keys)


# ----------------------------------------------------------------------------------------------
# Pass two


@dataclass
class FinishResult:
    task: int
    split: str
    funnel: Funnel
    table: pa.Table  # rows to write, in the output schema
    contamination: List[Dict]  # decontamination.jsonl records
    secrets: Optional[Dict]  # the scan's report of this batch


def execute(rows: List[Dict], config, funnel: Funnel) -> List[Dict]:
    """Run each row in the sandbox: rows with ``exec_status``/``exec_detail``; in filter mode only
    the passing ones (and those without tests when ``keep_untested``)."""
    from hfsynth.curate.execute import exec_status_counts, execute_rows, keep_row

    results = execute_rows(rows, config)
    if len(results) != len(rows):
        raise RuntimeError(f"execute_rows returned {len(results)} results for {len(rows)} rows")
    marked = [{**row, "exec_status": result["exec_status"], "exec_detail": result.get("exec_detail")} for row, result in zip(rows, results)]
    kept = [row for row in marked if keep_row(row, config)]
    kept_ids = {row["id"] for row in kept}
    for row in marked:
        if row["id"] not in kept_ids:
            detail = (row.get("exec_detail") or "").strip().splitlines()
            funnel.reject("execute", row, f"{row['exec_status']}" + (f": {detail[-1][:200]}" if detail else ""))
    funnel.record("execute", len(rows), len(kept))
    funnel.reports["execution"] = exec_status_counts(marked)  # before filtering: the pass rate of what was run
    return kept


def finish_batch(task_input: Tuple[int, str, List[int]]) -> FinishResult:
    """Pass two over one spilled batch: drop the rows dedup removed (local positions), then
    decontaminate, execute and scan for secrets. Rows stay arrow columns unless a step has to
    rewrite them (execution marks, redactions)."""
    import pyarrow.parquet as pq

    task, split, removed = task_input
    config = JOB.recipe.curate
    funnel = Funnel()
    path = kept_path(JOB.work, task)
    table = pq.read_table(path)
    if removed:
        keep = np.ones(table.num_rows, dtype=bool)
        keep[removed] = False
        table = table.filter(pa.array(keep))
    records: List[Dict] = []
    if config.enabled and config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import decontaminate_rows

        names = ["id", "split"] + [f for f in config.decontaminate.fields if f not in ("id", "split")]
        light = table.select([n for n in names if n in table.column_names]).to_pylist()
        kept, records = decontaminate_rows(light, JOB.benchmarks, config.decontaminate)
        funnel.record_rows("decontaminate", light, kept, "benchmark contamination (see decontamination.jsonl)")
        if records:
            gone = {record["id"] for record in records}
            table = table.filter(pa.array([row["id"] not in gone for row in light]))
    executed = config.enabled and config.execution.enabled
    rows = table.to_pylist() if executed or config.secrets.enabled else None
    rewritten = False
    if executed:
        rows = execute(rows, config.execution, funnel)
        rewritten = True
    report = None
    if config.secrets.enabled:  # also when the other filters are off: nothing leaks by default
        from hfsynth.curate.secrets import scan_rows

        kept, report = scan_rows(rows, config.secrets.policy, config.secrets.allowed_email_domains)
        funnel.record_rows("secrets", rows, kept, "secrets or personal data (policy drop)")
        rewritten = rewritten or bool(report["rows_with_findings"])
        rows = kept
    path.unlink()
    out = pa.Table.from_pylist(rows, schema=JOB.output_schema) if rewritten else conform(table, JOB.output_schema)
    return FinishResult(task, split, funnel, out, records, report)
