"""Mine instruction/response pairs from Python source: public module-level functions with a docstring and a return.

``python_source: stdlib`` reads the running Python's standard library (~1,900 such functions on
3.11): a real, licence-clean code corpus that needs no network. The instruction is written from
the signature and the docstring's first paragraph; the response is the function's source.
"""

from __future__ import annotations

import ast
import hashlib
import io
import json
import os
import sys
import sysconfig
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

# Folders of the stdlib that hold tests, vendored code or GUI demos, not idiomatic library code.
STDLIB_SKIP = {"test", "tests", "idlelib", "lib2to3", "site-packages", "dist-packages", "ensurepip", "turtledemo", "tkinter", "__pycache__"}


def stdlib_dir() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def _count_statements(nodes: List[ast.stmt]) -> int:
    return sum(1 for node in nodes for sub in ast.walk(node) if isinstance(sub, ast.stmt))


def _instruction(func: ast.FunctionDef, doc: str) -> str:
    summary = doc.strip().split("\n\n")[0]
    summary = " ".join(summary.split())
    args = ast.unparse(func.args)
    return f"Write a Python function `{func.name}({args})`. {summary}"


def _python_files(root: Path, skip: set) -> Iterator[Path]:
    for path in sorted(root.rglob("*.py")):
        if not any(part in skip for part in path.relative_to(root).parts[:-1]):
            yield path


def _segment(lines: List[str], node: ast.stmt) -> str:
    """``ast.get_source_segment`` over lines split once per file (it splits the whole file again for
    every node, which made mining the stdlib quadratic: 15 of 28 s)."""
    first, last = node.lineno - 1, node.end_lineno - 1
    if first == last:
        return lines[first].encode()[node.col_offset:node.end_col_offset].decode()
    head = lines[first].encode()[node.col_offset:].decode()
    tail = lines[last].encode()[:node.end_col_offset].decode()
    return head + "".join(lines[first + 1:last]) + tail


def mine_functions(root: Path, min_statements: int = 3, max_statements: int = 40) -> List[Dict[str, str]]:
    """Rows ``{id, instruction, response}`` for every qualifying function under ``root``, in a stable order.

    The stdlib does not change under an installed interpreter, so it is mined once and cached
    (:func:`_mine_stdlib`; train, generate and evaluate all read the seed); a user's folder is read
    afresh each time."""
    if Path(root) == stdlib_dir():
        return [dict(row) for row in _mine_stdlib(min_statements, max_statements)]
    return _mine(Path(root), {"__pycache__"}, min_statements, max_statements)


@lru_cache(maxsize=4)
def _mine_stdlib(min_statements: int, max_statements: int) -> Tuple[Dict[str, str], ...]:
    """Mined once per Python installation: the rows are kept in the user cache
    (``$HF_HOME/hfsynth/stdlib-seed/``), keyed by the interpreter, its stdlib folder, the bounds and
    this module's own source, so every later process (each stage, each run) reads them back in
    milliseconds instead of parsing ~2,000 files for seconds. An unreadable entry is mined again."""
    path = _stdlib_cache_file(min_statements, max_statements)
    try:
        return tuple(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        pass
    rows = tuple(_mine(stdlib_dir(), STDLIB_SKIP, min_statements, max_statements))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
        tmp.write_text(json.dumps(rows), encoding="utf-8")
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old entry or the whole new one
    except OSError:
        pass  # a read-only cache only costs the mining next time
    return rows


def _stdlib_cache_file(min_statements: int, max_statements: int) -> Path:
    from hfsynth.user_cache import cache_root

    key = hashlib.sha256(
        json.dumps([sys.version, str(stdlib_dir()), min_statements, max_statements, Path(__file__).read_text(encoding="utf-8")]).encode()
    ).hexdigest()[:16]
    return cache_root() / "stdlib-seed" / f"{key}.json"


def _mine(root: Path, skip: set, min_statements: int, max_statements: int) -> List[Dict[str, str]]:
    rows: List[Dict[str, str]] = []
    for path in _python_files(root, skip):
        try:
            source = path.read_text(encoding="utf-8")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse(source)
        except (SyntaxError, UnicodeDecodeError, ValueError, OSError):
            continue
        lines = io.StringIO(source, newline="").readlines()  # \n, \r\n and \r, like the parser (not \f)
        module = ".".join(path.relative_to(root).with_suffix("").parts)
        for node in tree.body:  # module-level functions: self-contained, unlike methods
            if not isinstance(node, ast.FunctionDef) or node.name.startswith("_"):
                continue
            doc = ast.get_docstring(node)
            if not doc or len(doc.split()) < 3:
                continue
            if not any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(node)):
                continue
            body = node.body[1:]  # without the docstring
            if not (min_statements <= _count_statements(body) <= max_statements):
                continue
            code = _segment(lines, node)
            if not code:
                continue
            rows.append(
                {
                    "id": f"{module}:{node.name}:{node.lineno}",
                    "instruction": _instruction(node, doc),
                    "response": f"```python\n{code}\n```",
                }
            )
    return rows
