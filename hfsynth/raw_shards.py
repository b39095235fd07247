"""raw/: the generate -> curate contract. The row schema, the shard writer and the one raw/ reader.

Shards are ``raw/<split>/shard-rank{R}-{K:05d}.parquet`` (names in :mod:`hfsynth.rundir`).

A shard is written to a hidden temp file in the same folder and renamed into place (``os.replace``
is atomic), so a shard file either holds all of its rows or does not exist: after a SIGKILL a
rerun skips the shards that exist and redoes the others. Every shard has the same explicit arrow
schema (the synthetic row schema of the contracts), so shards concatenate without surprises.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, Iterable, List, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from hfsynth.errors import HfsynthError
from hfsynth.rundir import SHARD_PATTERN, RunDir, atomic_write_with, read_json, shard_glob, shard_name

MESSAGE = pa.struct([("role", pa.string()), ("content", pa.string())])

ROW_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("split", pa.string()),
        ("strategy", pa.string()),
        ("seed_id", pa.string()),
        ("prompt", pa.list_(MESSAGE)),
        ("instruction", pa.string()),
        ("response", pa.string()),
        ("code", pa.string()),
        ("tests", pa.string()),
        ("language", pa.string()),
        ("temperature", pa.float64()),
        ("top_p", pa.float64()),
        ("max_new_tokens", pa.int64()),
        ("sampling_seed", pa.int64()),
        ("base_model", pa.string()),
        ("base_revision", pa.string()),
        ("adapter_fingerprint", pa.string()),
        ("finish_reason", pa.string()),
        ("prompt_tokens", pa.int64()),
        ("completion_tokens", pa.int64()),
        ("status", pa.string()),
        ("error", pa.string()),
        ("meta", pa.string()),  # JSON: strategy details (template slots, evol method, snippet, ...)
    ]
)
REQUIRED_COLUMNS = ("id", "status", "response")  # what curation cannot do without

class ShardWriter:
    """Writes and finds the shards of one ``raw/`` folder."""

    def __init__(self, raw_dir: Path):
        self.raw = Path(raw_dir)

    def path(self, split: str, k: int, rank: int) -> Path:
        return self.raw / split / shard_name(rank, k)

    def existing(self, split: str, k: int) -> Optional[Path]:
        """The finished shard ``k`` of ``split``, whichever rank wrote it."""
        folder = self.raw / split
        if not folder.is_dir():
            return None
        return next(iter(sorted(folder.glob(shard_glob(k)))), None)

    def write(self, split: str, k: int, rank: int, rows: List[Dict]) -> Path:
        target = self.path(split, k, rank)
        table = pa.Table.from_pylist(rows, schema=ROW_SCHEMA)
        atomic_write_with(target, lambda tmp: pq.write_table(table, tmp))
        return target

    def clean_temp_files(self) -> int:
        """Remove half-written temp files a killed run left behind; returns how many."""
        removed = 0
        for tmp in self.raw.glob(f"*/.{shard_glob()}.tmp*"):
            tmp.unlink(missing_ok=True)
            removed += 1
        return removed

    def shards(self, split: str) -> List[Path]:
        """The split's shard files in shard order."""
        folder = self.raw / split
        found = [(int(m.group(2)), p) for p in folder.glob(shard_glob()) if (m := SHARD_PATTERN.match(p.name))]
        return [p for _, p in sorted(found)]


def splits(raw_dir: Path) -> List[str]:
    """Split folders under ``raw/``."""
    raw = Path(raw_dir)
    return sorted(p.name for p in raw.iterdir() if p.is_dir() and not p.name.startswith(".")) if raw.is_dir() else []


def read_split(raw_dir: Path, split: str) -> pa.Table:
    """All rows of a split: its shards concatenated in shard order."""
    paths = ShardWriter(raw_dir).shards(split)
    if not paths:
        return ROW_SCHEMA.empty_table()
    return pa.concat_tables([pq.read_table(p, schema=ROW_SCHEMA) for p in paths])


def read_rows(raw_dir: Path) -> Dict[str, List[Dict]]:
    """``{split: rows}`` of a whole ``raw/`` folder (tests and small runs)."""
    return {split: read_split(raw_dir, split).to_pylist() for split in splits(raw_dir)}


def iter_ids(raw_dir: Path) -> Iterable[str]:
    for split in splits(raw_dir):
        yield from read_split(raw_dir, split).column("id").to_pylist()


def _shard_order(path: Path):
    """Plan order: shard K before K+1 whatever rank wrote it (so the world size does not reorder rows)."""
    match = SHARD_PATTERN.match(path.name)
    return (0, int(match.group(2)), int(match.group(1)), "") if match else (1, 0, 0, path.name)


def raw_shards(run_dir: RunDir) -> Dict[str, List[Path]]:
    """{split: shard paths in plan order}. A raw/ from `hfsynth generate` is complete only once its
    index.json is written (it lists the shards); a hand-made raw/ (no plan.json) is read as found."""
    raw_dir = run_dir.raw
    if not raw_dir.is_dir():
        raise HfsynthError(f"{raw_dir}: no generated rows yet; run `hfsynth generate` first")
    index_path = run_dir.raw_index
    if index_path.is_file():
        index = read_json(index_path)
        try:
            return {split: [run_dir.raw_split(split) / name for name in entry["shards"]] for split, entry in index["splits"].items()}
        except (KeyError, TypeError, AttributeError):
            raise HfsynthError(f"{index_path}: not the index `hfsynth generate` writes; rerun `hfsynth generate --force`") from None
    if run_dir.raw_plan.is_file():
        raise HfsynthError(f"{raw_dir}: generation did not finish (no {index_path.name}); rerun `hfsynth generate` to complete it")
    shards = {}
    for split_dir in sorted(p for p in raw_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
        found = sorted((p for p in split_dir.glob("*.parquet") if not p.name.startswith(".")), key=_shard_order)
        if found:
            shards[split_dir.name] = found
    if not shards:
        raise HfsynthError(f"{raw_dir}: no raw/<split>/*.parquet shards; run `hfsynth generate` first")
    return shards


def _unreadable(shard: Path, exc: Exception) -> HfsynthError:
    return HfsynthError(f"{shard}: not a readable parquet file ({str(exc).splitlines()[0]}); rerun `hfsynth generate --force`")


def shard_schema(shard: Path) -> pa.Schema:
    """One shard's schema (its footer only), checked for the columns curation needs; a broken file is one clear line."""
    from hfsynth.tables import require_columns

    try:
        schema = pq.read_schema(shard)
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable(shard, exc) from None
    require_columns(schema.names, REQUIRED_COLUMNS, str(shard), "expected the rows `hfsynth generate` writes")
    return schema


def shard_rows(shard: Path) -> int:
    """Rows in a shard, from its footer."""
    try:
        return pq.ParquetFile(shard).metadata.num_rows
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable(shard, exc) from None


def shard_batches(shard: Path, batch_size: int) -> Iterable[pa.RecordBatch]:
    """A shard's rows, ``batch_size`` at a time: curation never holds more than a row group of it."""
    try:
        with pq.ParquetFile(shard) as parquet:
            yield from parquet.iter_batches(batch_size=batch_size)
    except (pa.ArrowInvalid, OSError) as exc:
        raise _unreadable(shard, exc) from None
