"""The curate stage: raw/<split>/*.parquet -> data/<split>.parquet, funnel.json, decontamination.jsonl.

All splits go through the filters together, so a row duplicated across train and test is caught
(the lowest id stays, whatever its split). Steps, in order, each one line of the funnel when on:
generation status, extract, length, validity, static_analysis, trivial, print_only, repetition,
instruction, exact_dedup, near_dedup, decontaminate, execute, secrets (last, so that nothing
published carries a key, a token or personal data). The quality filters between validity and dedup
are per-row checks (row -> None or the reason), so they can run shard by shard; every removed row
is written to rejected.jsonl with its step and reason.
Rows keep every raw column; curation sets ``code`` and ``language`` and, when execution runs,
adds ``exec_status`` and ``exec_detail``.
"""

from __future__ import annotations

from pathlib import Path
from functools import partial
from typing import Callable, Dict, List, Optional, Tuple

from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.raw_shards import read_raw
from hfsynth.rundir import atomic_write_jsonl, atomic_write_with

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


# ----------------------------------------------------------------------------------------------
# The filters, in order


def drop_failures(rows: List[Dict]) -> Tuple[List[Dict], Dict[str, int]]:
    """Rows whose generation succeeded, and the count of the others per status."""
    ok: List[Dict] = []
    failures: Dict[str, int] = {}
    for row in rows:
        status = row.get("status") or "missing"
        if status == "ok":
            ok.append(row)
        else:
            failures[status] = failures.get(status, 0) + 1
    return ok, dict(sorted(failures.items()))


def execute(rows: List[Dict], config) -> Tuple[List[Dict], Dict[str, int], List[Dict]]:
    """(kept rows, exec_status counts, every row marked): rows with ``exec_status``/``exec_detail``
    from the sandbox; in filter mode only the passing ones (and those without tests when ``keep_untested``)."""
    from hfsynth.curate.execute import exec_status_counts, execute_rows, keep_row

    results = execute_rows(rows, config)
    if len(results) != len(rows):
        raise RuntimeError(f"execute_rows returned {len(results)} results for {len(rows)} rows")
    marked = [{**row, "exec_status": result["exec_status"], "exec_detail": result.get("exec_detail")} for row, result in zip(rows, results)]
    return [row for row in marked if keep_row(row, config)], exec_status_counts(marked), marked


def quality_checks(config) -> List[Tuple[str, Callable[[Dict], Optional[str]]]]:
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


def curate_rows(rows: List[Dict], recipe, funnel) -> Tuple[List[Dict], List[Dict]]:
    """Every enabled filter in order, each recorded in ``funnel``: (kept rows, decontamination records)."""
    from hfsynth.curate import dedup, extract, validity

    config = recipe.curate
    if config.extract.enabled:
        extracted, bounded = extract.extract_rows(rows, config.extract, config.languages)
        funnel.record_rows("extract", rows, extracted, "no code in a kept language")
        funnel.record_rows("length", extracted, bounded, "code outside the length bounds")
        rows = bounded
    else:
        rows = extract.passthrough_code(rows, config.languages)
    if config.validity.enabled:
        rows = funnel.apply("validity", rows, lambda row: validity.syntax_error(row["code"], row["language"], config.validity.python_compile))
    for name, check in quality_checks(config):
        rows = funnel.apply(name, rows, check)
    if config.dedup.exact or config.dedup.near:
        after_exact, after_near, _ = dedup.dedup_rows(rows, config.dedup)
        if config.dedup.exact:
            funnel.record_rows("exact_dedup", rows, after_exact, "same code as a row with a lower id")
        if config.dedup.near:
            funnel.record_rows("near_dedup", after_exact, after_near, "near duplicate of a row with a lower id")
        rows = after_near
    records: List[Dict] = []
    if config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import build_index, decontaminate_rows

        kept, records = decontaminate_rows(rows, build_index(config.decontaminate, recipe), config.decontaminate)
        funnel.record_rows("decontaminate", rows, kept, "benchmark contamination (see decontamination.jsonl)")
        rows = kept
    if config.execution.enabled:
        executed, status_counts, marked = execute(rows, config.execution)
        kept_ids = {row["id"] for row in executed}
        for row in marked:
            if row["id"] not in kept_ids:
                detail = (row.get("exec_detail") or "").strip().splitlines()
                funnel.reject("execute", row, f"{row['exec_status']}" + (f": {detail[-1][:200]}" if detail else ""))
        funnel.record("execute", len(rows), len(executed))
        funnel.reports["execution"] = status_counts  # before filtering: the pass rate of what was run
        rows = executed
    return rows, records


def scan_for_secrets(rows: List[Dict], config, funnel) -> List[Dict]:
    """Apply the secrets policy; ``fail`` stops before any file is written (raw/ stays as it was)."""
    from hfsynth.curate.secrets import scan_rows

    kept, report = scan_rows(rows, config.policy, config.allowed_email_domains)
    if config.policy == "fail" and report["rows_with_findings"]:
        kinds = ", ".join(f"{k} x{n}" for k, n in report["findings"].items())
        raise HfsynthError(
            f"curate.secrets.policy is 'fail': {report['rows_with_findings']} row(s) contain secrets or personal data "
            f"({kinds}; first: {', '.join(report['first_ids'])}); nothing was written, use policy redact or drop to publish"
        )
    funnel.record_rows("secrets", rows, kept, "secrets or personal data (policy drop)")
    funnel.reports["secrets"] = report
    return kept


# ----------------------------------------------------------------------------------------------
# Writing


def write_split(path: Path, rows: List[Dict], schema) -> None:
    """One split as parquet, through a temp file and a rename."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(rows, schema=schema)
    atomic_write_with(path, lambda tmp: pq.write_table(table, tmp))


def read_input(source: str, recipe):
    """({split: rows}, arrow schema) of ``hfsynth curate --input``, like :func:`read_raw`."""
    import pyarrow as pa

    from hfsynth.curate.inputs import load_input

    rows = load_input(source, recipe)
    by_split: Dict[str, List[Dict]] = {}
    for row in rows:
        by_split.setdefault(row["split"], []).append(row)
    schema = pa.Table.from_pylist(rows).schema
    for name in ("code", "tests"):  # all-null columns are typed null: make them strings
        index = schema.get_field_index(name)
        schema = schema.set(index, pa.field(name, pa.string()))
    return by_split, schema


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


def curate_stage(ctx: StageContext) -> None:
    """raw/ -> data/<split>.parquet + funnel.json + decontamination.jsonl (rank 0)."""
    from hfsynth.curate.funnel import Funnel

    recipe, run_dir = ctx.recipe, ctx.run_dir
    by_split, raw_schema = read_input(ctx.input, recipe) if ctx.input else read_raw(run_dir)
    rows = [row for split in by_split for row in by_split[split]]
    funnel = Funnel()
    ok, failures = drop_failures(rows)
    for row in rows:
        if row.get("status") != "ok":
            funnel.reject("generation", row, f"{row.get('status') or 'missing'}: {str(row.get('error') or 'no detail')[:200]}")
    funnel.record("generation", len(rows), len(ok))
    records: List[Dict] = []
    if recipe.curate.enabled:
        ok, records = curate_rows(ok, recipe, funnel)
    if recipe.curate.secrets.enabled:  # also when the other filters are off: nothing leaks by default
        ok = scan_for_secrets(ok, recipe.curate.secrets, funnel)
    executed = recipe.curate.enabled and recipe.curate.execution.enabled
    schema = output_schema(raw_schema, executed)

    data_dir = run_dir.data
    counts: Dict[str, int] = {}
    for split in by_split:
        split_rows = [row for row in ok if row["split"] == split]
        write_split(run_dir.split_file(split), split_rows, schema)
        counts[split] = len(split_rows)
    for stale in data_dir.glob("*.parquet"):  # splits of an earlier run that this one no longer has
        if stale.stem not in by_split:
            stale.unlink()
    atomic_write_jsonl(run_dir.decontamination, records)
    funnel.write_rejected(run_dir.rejected)
    funnel.write(run_dir.funnel, counts, failures)
