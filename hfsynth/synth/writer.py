"""Sharded parquet output of the generate stage: ``raw/<split>/shard-rank{R}-{K:05d}.parquet``.

A shard is written to a hidden temp file in the same folder and renamed into place (``os.replace``
is atomic), so a shard file either holds all of its rows or does not exist: after a SIGKILL a
rerun skips the shards that exist and redoes the others. Every shard has the same explicit arrow
schema (the synthetic row schema of the contracts), so shards concatenate without surprises.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import pyarrow as pa
import pyarrow.parquet as pq

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

_SHARD = re.compile(r"^shard-rank(\d+)-(\d{5})\.parquet$")


def shard_name(rank: int, k: int) -> str:
    return f"shard-rank{rank}-{k:05d}.parquet"


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
        return next(iter(sorted(folder.glob(f"shard-rank*-{k:05d}.parquet"))), None)

    def write(self, split: str, k: int, rank: int, rows: List[Dict]) -> Path:
        target = self.path(split, k, rank)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
        table = pa.Table.from_pylist(rows, schema=ROW_SCHEMA)
        pq.write_table(table, tmp)
        os.replace(tmp, target)
        return target

    def clean_temp_files(self) -> int:
        """Remove half-written temp files a killed run left behind; returns how many."""
        removed = 0
        for tmp in self.raw.glob("*/.shard-*.tmp*"):
            tmp.unlink(missing_ok=True)
            removed += 1
        return removed

    def shards(self, split: str) -> List[Path]:
        """The split's shard files in shard order."""
        folder = self.raw / split
        found = [(int(m.group(2)), p) for p in folder.glob("shard-rank*.parquet") if (m := _SHARD.match(p.name))]
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
