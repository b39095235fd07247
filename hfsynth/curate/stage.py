"""The curate stage: raw/<split>/*.parquet -> data/<split>.parquet, funnel.json, decontamination.jsonl.

All splits go through the filters together, so a row duplicated across train and test is caught
(the lowest id stays, whatever its split). Steps, in order, each one line of the funnel when on:
generation status, extract, length, validity, exact_dedup, near_dedup, decontaminate, execute,
secrets (last, so that nothing published carries a key, a token or personal data).
Rows keep every raw column; curation sets ``code`` and ``language`` and, when execution runs,
adds ``exec_status`` and ``exec_detail``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Dict, List, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.run import atomic_write_text

RAW_COLUMNS = ("id", "status", "response")  # what curation cannot do without
ADDED_COLUMNS = {"code": "string", "language": "string"}
EXEC_COLUMNS = {"exec_status": "string", "exec_detail": "string"}
EXECUTE_MODULE = "hfsynth.curate.execute"
DECONTAMINATION_FILE = "decontamination.jsonl"
FUNNEL_FILE = "funnel.json"
RAW_INDEX = "index.json"  # written last by the generate stage: its presence means raw/ is complete
RAW_PLAN = "plan.json"
_SHARD = re.compile(r"^shard-rank(\d+)-(\d+)\.parquet$")


# ----------------------------------------------------------------------------------------------
# Reading raw/


def _shard_order(path: Path):
    """Plan order: shard K before K+1 whatever rank wrote it (so the world size does not reorder rows)."""
    match = _SHARD.match(path.name)
    return (0, int(match.group(2)), int(match.group(1)), "") if match else (1, 0, 0, path.name)


def raw_shards(raw_dir: Path) -> Dict[str, List[Path]]:
    """{split: shard paths in plan order}. A raw/ from `hfsynth generate` is complete only once its
    index.json is written (it lists the shards); a hand-made raw/ (no plan.json) is read as found."""
    if not raw_dir.is_dir():
        raise HfsynthError(f"{raw_dir}: no generated rows yet; run `hfsynth generate` first")
    index_path = raw_dir / RAW_INDEX
    if index_path.is_file():
        try:
            index = json.loads(index_path.read_text())
            return {split: [raw_dir / split / name for name in entry["shards"]] for split, entry in index["splits"].items()}
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            raise HfsynthError(f"{index_path}: not the index `hfsynth generate` writes; rerun `hfsynth generate --force`") from None
    if (raw_dir / RAW_PLAN).is_file():
        raise HfsynthError(f"{raw_dir}: generation did not finish (no {RAW_INDEX}); rerun `hfsynth generate` to complete it")
    shards = {}
    for split_dir in sorted(p for p in raw_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found = sorted((p for p in split_dir.glob("*.parquet") if not p.name.startswith(".")), key=_shard_order)
        if found:
            shards[split_dir.name] = found
    if not shards:
        raise HfsynthError(f"{raw_dir}: no raw/<split>/*.parquet shards; run `hfsynth generate` first")
    return shards


def read_raw(raw_dir: Path):
    """({split: rows}, arrow schema of all shards) from raw/<split>/*.parquet."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from hfsynth.curate.tables import require_columns

    splits: Dict[str, List[Dict]] = {}
    schemas = []
    for split, shards in raw_shards(raw_dir).items():
        rows_of_split = splits.setdefault(split, [])
        for shard in shards:
            try:
                table = pq.read_table(shard)
            except (pa.ArrowInvalid, OSError) as exc:
                raise HfsynthError(f"{shard}: not a readable parquet file ({str(exc).splitlines()[0]}); rerun `hfsynth generate --force`") from None
            require_columns(table.column_names, RAW_COLUMNS, str(shard), "expected the rows `hfsynth generate` writes")
            schemas.append(table.schema)
            rows = table.to_pylist()
            for row in rows:
                row["split"] = split
            rows_of_split.extend(rows)
    return splits, pa.unify_schemas(schemas, promote_options="permissive")


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


def execute_available() -> bool:
    return importlib.util.find_spec(EXECUTE_MODULE) is not None


def execute(rows: List[Dict], config) -> List[Dict]:
    """Rows with ``exec_status``/``exec_detail`` from the sandbox; in filter mode only the passing
    ones (and those without tests when ``keep_untested``)."""
    if not execute_available():
        raise HfsynthError(f"curate.execution.enabled: the sandbox module {EXECUTE_MODULE} is not installed; set curate.execution.enabled: false")
    from hfsynth.curate.execute import exec_status_counts, execute_rows, keep_row

    results = execute_rows(rows, config)
    if len(results) != len(rows):
        raise RuntimeError(f"execute_rows returned {len(results)} results for {len(rows)} rows")
    marked = [{**row, "exec_status": result["exec_status"], "exec_detail": result.get("exec_detail")} for row, result in zip(rows, results)]
    return [row for row in marked if keep_row(row, config)], exec_status_counts(marked)


def curate_rows(rows: List[Dict], recipe, funnel) -> Tuple[List[Dict], List[Dict]]:
    """Every enabled filter in order, each recorded in ``funnel``: (kept rows, decontamination records)."""
    from hfsynth.curate import dedup, extract, validity

    config = recipe.curate
    if config.extract.enabled:
        extracted, bounded = extract.extract_rows(rows, config.extract, config.languages)
        funnel.record("extract", len(rows), len(extracted))
        funnel.record("length", len(extracted), len(bounded))
        rows = bounded
    else:
        rows = extract.passthrough_code(rows, config.languages)
    if config.validity.enabled:
        valid, _ = validity.filter_valid(rows, config.validity)
        funnel.record("validity", len(rows), len(valid))
        rows = valid
    if config.dedup.exact or config.dedup.near:
        after_exact, after_near, _ = dedup.dedup_rows(rows, config.dedup)
        if config.dedup.exact:
            funnel.record("exact_dedup", len(rows), len(after_exact))
        if config.dedup.near:
            funnel.record("near_dedup", len(after_exact), len(after_near))
        rows = after_near
    records: List[Dict] = []
    if config.decontaminate.enabled:
        from hfsynth.curate.decontaminate import build_index, decontaminate_rows

        kept, records = decontaminate_rows(rows, build_index(config.decontaminate, recipe), config.decontaminate)
        funnel.record("decontaminate", len(rows), len(kept))
        rows = kept
    if config.execution.enabled:
        executed, status_counts = execute(rows, config.execution)
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
    funnel.record("secrets", len(rows), len(kept))
    funnel.reports["secrets"] = report
    return kept


# ----------------------------------------------------------------------------------------------
# Writing


def write_split(path: Path, rows: List[Dict], schema) -> None:
    """One split as parquet, through a temp file and a rename."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp)
    os.replace(tmp, path)


def preflight(recipe, run_dir) -> None:
    """What can fail before generation even starts: grammars, benchmark files, the sandbox."""
    config = recipe.curate
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
        if not execute_available():
            raise HfsynthError(f"curate.execution.enabled: the sandbox module {EXECUTE_MODULE} is not installed; set curate.execution.enabled: false")
        from hfsynth.curate.sandbox import detect_isolation

        try:
            detect_isolation()
        except RuntimeError as exc:
            raise HfsynthError(f"curate.execution.enabled: {exc}; set curate.execution.enabled: false") from None


def curate_stage(recipe, run_dir) -> None:
    """raw/ -> data/<split>.parquet + funnel.json + decontamination.jsonl (rank 0)."""
    from hfsynth.curate.funnel import Funnel

    by_split, raw_schema = read_raw(run_dir.raw)
    rows = [row for split in by_split for row in by_split[split]]
    funnel = Funnel()
    ok, failures = drop_failures(rows)
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
        write_split(data_dir / f"{split}.parquet", split_rows, schema)
        counts[split] = len(split_rows)
    for stale in data_dir.glob("*.parquet"):  # splits of an earlier run that this one no longer has
        if stale.stem not in by_split:
            stale.unlink()
    atomic_write_text(run_dir.path / DECONTAMINATION_FILE, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    funnel.write(run_dir.path / FUNNEL_FILE, counts, failures)
