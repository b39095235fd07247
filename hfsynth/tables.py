"""Reading row files (parquet, jsonl, json, csv) with a clear error for a missing column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

from hfsynth.errors import HfsynthError

SUFFIXES = (".parquet", ".jsonl", ".json", ".csv")


def require_columns(have: Sequence[str], need: Iterable[str], where: str, expected: str = "") -> None:
    """HfsynthError naming the first missing column and every column the file does have."""
    missing = [name for name in need if name not in have]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise HfsynthError(
            f"{where}: no column{plural} {', '.join(repr(m) for m in missing)} (it has: {', '.join(have) or 'no columns'})"
            + (f"; {expected}" if expected else "")
        )


def read_table(path: Path):
    """A pyarrow Table from a .parquet, .jsonl, .json (list of objects) or .csv file."""
    import pyarrow as pa
    import pyarrow.csv
    import pyarrow.json
    import pyarrow.parquet as pq

    suffix = path.suffix.lower()
    if not path.is_file():
        raise HfsynthError(f"{path}: file not found")
    try:
        if suffix == ".parquet":
            return pq.read_table(path)
        if suffix == ".jsonl":
            return pyarrow.json.read_json(path)
        if suffix == ".csv":
            return pyarrow.csv.read_csv(path)
        if suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
                raise HfsynthError(f"{path}: expected a JSON list of objects (or use .jsonl)")
            return pa.Table.from_pylist(data)
    except HfsynthError:
        raise
    except (pa.ArrowInvalid, json.JSONDecodeError, UnicodeDecodeError, OSError) as exc:
        raise HfsynthError(f"{path}: cannot read it as {suffix[1:]}: {str(exc).splitlines()[0]}") from None
    raise HfsynthError(f"{path}: unsupported file type '{suffix}': expected one of {', '.join(SUFFIXES)}")


def read_rows(path: Path, columns: Sequence[str], expected: str = "") -> List[Dict]:
    """The rows of a file as dicts, after checking it has ``columns``."""
    table = read_table(path)
    require_columns(table.column_names, columns, str(path), expected)
    return table.to_pylist()
