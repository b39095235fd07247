"""Reading row files (parquet, jsonl, json, csv) with a clear error for a missing column."""

from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import Dict, Iterable, List, Sequence

from hfsynth.errors import HfsynthError

SUFFIXES = (".parquet", ".jsonl", ".json", ".csv")

# First bytes of files that are not the text their .jsonl/.json/.csv name promises.
NOT_TEXT = {
    b"\x1f\x8b": "gzip-compressed (decompress it first)",
    b"PAR1": "a parquet file (name it .parquet)",
    b"PK\x03\x04": "a zip archive (extract it first)",
    b"BZh": "bzip2-compressed (decompress it first)",
    b"\xfd7zXZ": "xz-compressed (decompress it first)",
    b"(\xb5/\xfd": "zstd-compressed (decompress it first)",
}


def require_columns(have: Sequence[str], need: Iterable[str], where: str, expected: str = "") -> None:
    """HfsynthError naming the first missing column and every column the file does have."""
    missing = [name for name in need if name not in have]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise HfsynthError(
            f"{where}: no column{plural} {', '.join(repr(m) for m in missing)} (it has: {', '.join(have) or 'no columns'})"
            + (f"; {expected}" if expected else "")
        )


def check_text_file(path: Path, kind: str) -> None:
    """A .jsonl/.json/.csv file must be UTF-8 text: pyarrow reads other bytes without a word and
    fails later, deep inside a stage. Streams the file once (about 1 GB/s), naming the first bad line."""
    with open(path, "rb") as handle:
        head = handle.read(8)
        for magic, what in NOT_TEXT.items():
            if head.startswith(magic):
                raise HfsynthError(f"{path}: is {what}, not {kind} text")
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        line = 1
        while True:
            chunk = handle.read(1 << 20)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as exc:
                data = exc.object  # the decoder's carried-over bytes (no newline among them) + this chunk
                bad = line + data[:exc.start].count(b"\n")
                raise HfsynthError(
                    f"{path}: line {bad} is not UTF-8 (byte {data[exc.start]:#04x}); expected UTF-8 {kind} text (re-encode the file, e.g. iconv -t UTF-8)"
                ) from None
            if not chunk:
                return
            line += chunk.count(b"\n")


def read_table(path: Path):
    """A pyarrow Table from a .parquet, .jsonl, .json (list of objects) or .csv file."""
    import pyarrow as pa
    import pyarrow.csv
    import pyarrow.json
    import pyarrow.parquet as pq

    suffix = path.suffix.lower()
    if path.is_dir():
        raise HfsynthError(f"{path}: is a folder, expected a file ({', '.join(SUFFIXES)})")
    if not path.is_file():
        raise HfsynthError(f"{path}: file not found")
    if suffix in (".jsonl", ".json", ".csv"):
        check_text_file(path, {".jsonl": "JSON Lines", ".json": "JSON", ".csv": "CSV"}[suffix])
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
        raise HfsynthError(f"{path}: cannot read it as {suffix[1:]}: {str(exc).splitlines()[0]}{_shape_hint(path, suffix)}") from None
    raise HfsynthError(f"{path}: unsupported file type '{suffix}': expected one of {', '.join(SUFFIXES)}")


def _shape_hint(path: Path, suffix: str) -> str:
    """What the file looks like when it does not parse as its extension says (a JSON array named .jsonl...)."""
    with open(path, "rb") as handle:
        head = handle.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".jsonl" and head.startswith(b"["):
        return "; it holds a JSON array, not JSON Lines (one object per line): name it .json"
    if suffix == ".json" and head.startswith(b"{"):
        return "; it looks like JSON Lines (one object per line): name it .jsonl"
    if suffix == ".parquet" and head[:1] in (b"{", b"["):
        return "; it looks like JSON text: name it .jsonl or .json"
    return ""


def read_rows(path: Path, columns: Sequence[str], expected: str = "") -> List[Dict]:
    """The rows of a file as dicts, after checking it has ``columns``."""
    table = read_table(path)
    require_columns(table.column_names, columns, str(path), expected)
    return table.to_pylist()
