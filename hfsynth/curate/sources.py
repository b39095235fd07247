"""What curation reads, batch by batch: the raw/ shards in place (on shared storage too: nothing
is copied first) or the rows of ``hfsynth curate --input``.

A source knows its splits, its rows (from the parquet footers) and one arrow schema for all of
them, before any row is read, so the output writers can be opened up front.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

import pyarrow as pa

from hfsynth.raw_shards import raw_shards, shard_batches, shard_rows, shard_schema


@dataclass
class Source:
    """Rows to curate: ``batches(n)`` yields (split, record batch of at most n rows) in input order."""

    splits: List[str]
    schema: pa.Schema  # every column of every batch (permissively unified)
    rows: int
    shards: Dict[str, List[Path]] = field(default_factory=dict)
    table: Optional[pa.Table] = None  # --input rows (already in memory: the loader reads them whole)

    def batches(self, batch_size: int) -> Iterator[Tuple[str, pa.RecordBatch]]:
        if self.table is not None:
            for split in self.splits:
                import pyarrow.compute as pc

                part = self.table.filter(pc.equal(self.table.column("split"), split))
                for batch in part.to_batches(max_chunksize=batch_size):
                    yield split, batch
            return
        for split, paths in self.shards.items():
            for path in paths:
                for batch in shard_batches(path, batch_size):
                    yield split, batch


def raw_source(run_dir) -> Source:
    """The shards of raw/, checked (columns, readable footers) before anything is read."""
    shards = raw_shards(run_dir)
    schemas = [shard_schema(path) for paths in shards.values() for path in paths]
    rows = sum(shard_rows(path) for paths in shards.values() for path in paths)
    return Source(list(shards), pa.unify_schemas(schemas, promote_options="permissive"), rows, shards=shards)


def input_source(source: str, recipe) -> Source:
    """``hfsynth curate --input``: its rows as one arrow table, splits in the order they first occur."""
    from hfsynth.curate.inputs import load_input

    rows = load_input(source, recipe)
    table = pa.Table.from_pylist(rows)
    schema = table.schema
    for name in ("code", "tests"):  # all-null columns are typed null: make them strings
        index = schema.get_field_index(name)
        schema = schema.set(index, pa.field(name, pa.string()))
    table = table.cast(schema)
    splits = list(dict.fromkeys(row["split"] for row in rows))
    return Source(splits, schema, len(rows), table=table)
