"""Slices of one string pieced back together that overlap: a character written twice.

Formatting code cuts a string into fixed pieces and joins them with separators:
``f"({d[:3]}) {d[3:6]}-{d[6:]}"`` makes "(555) 123-4567". Written ``d[5:]`` for the last piece, the
sixth digit appears twice and every number comes out one digit too long; the row's own asserts,
checking ``startswith("(555)")``, pass. What is read: the pieces of one f-string, one chain of ``+``,
or one ``sep.join([...])``, in order; two consecutive pieces that slice the same name with constant,
non-negative bounds (a missing lower bound is 0), where the later one starts inside the earlier one
(after its start, before its end). Pieces put back in another order (``a[1:2] + a[:1] + a[2:]``) and
a gap (``s[:4] + s[5:]``, a separator dropped, often the point) are not read, nor negative and
computed bounds. In code that imports an array library (numpy, pandas, torch...) ``x[0:3] + x[1:4]``
adds arrays element by element (a moving sum), so chains of ``+`` are not read there.
"""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Tuple
from hfsynth.curate.python_ast import unparsed, walk


def _pieces(node: ast.AST) -> Optional[List[ast.expr]]:
    """The parts an expression joins, in order, or None when it joins nothing."""
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.FormattedValue)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        parts: List[ast.expr] = []
        while isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            parts.insert(0, node.right)
            node = node.left
        return [node] + parts
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1
            and isinstance(node.args[0], (ast.List, ast.Tuple))):
        return list(node.args[0].elts)
    return None


END = float("inf")  # a slice with no upper bound runs to the end


def _bound(node: Optional[ast.expr], default: float) -> Optional[float]:
    """A slice bound's value: ``default`` when it is left out, None when it is not a constant."""
    if node is None:
        return default
    if isinstance(node, ast.Constant) and type(node.value) is int and node.value >= 0:
        return node.value
    return None


def _slice_of(part: ast.expr) -> Optional[Tuple[str, Optional[float], Optional[float]]]:
    """``(name, start, end)`` of ``name[start:end]`` (seen through method calls on it: ``d[:3].upper()``,
    and ``str(...)``); start or end None when it is not a constant."""
    while isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and isinstance(part.func.value, ast.Subscript):
        part = part.func.value
    if isinstance(part, ast.Call) and isinstance(part.func, ast.Name) and part.func.id == "str" and len(part.args) == 1:
        part = part.args[0]
    if not (isinstance(part, ast.Subscript) and isinstance(part.value, ast.Name) and isinstance(part.slice, ast.Slice) and part.slice.step is None):
        return None
    return part.value.id, _bound(part.slice.lower, 0), _bound(part.slice.upper, END)


def _joins(tree: ast.AST) -> Iterator[Tuple[ast.AST, List[ast.expr]]]:
    """Every expression that joins pieces, with its pieces (an inner ``a + b`` of a chain is not one)."""
    inner = set()
    for node in walk(tree):
        if id(node) in inner:
            continue
        parts = _pieces(node)
        if parts is None:
            continue
        if isinstance(node, ast.BinOp):
            below = node.left
            while isinstance(below, ast.BinOp) and isinstance(below.op, ast.Add):
                inner.add(id(below))
                below = below.left
        yield node, parts


ARRAY_LIBRARIES = frozenset({"numpy", "pandas", "torch", "jax", "tensorflow", "scipy", "cupy", "polars"})


def _imports_arrays(tree: ast.Module) -> bool:
    for node in walk(tree):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(name.split(".")[0] in ARRAY_LIBRARIES for name in names):
            return True
    return False


def overlapping_slices(tree: ast.Module) -> Optional[str]:
    """Why two pieces of one joined string repeat characters, or None."""
    arrays = _imports_arrays(tree)
    for node, parts in _joins(tree):
        if arrays and isinstance(node, ast.BinOp):
            continue
        previous = None
        for part in parts:
            piece = _slice_of(part)
            if piece is None:
                continue
            name, start, end = piece
            if (previous is not None and previous[0] == name and None not in (start, end, *previous[1:])
                    and previous[1] < start < previous[2] < END):  # the later piece starts inside the earlier one
                before = f"{name}[{previous[1] or ''}:{previous[2]}]"
                return (f"{unparsed(node)[:60]} (line {node.lineno}) joins {before} and a piece of {name} from index {start}: "
                        f"{_characters(int(start), int(previous[2]))} twice")
            previous = piece
    return None


def _characters(start: int, end: int) -> str:
    return f"the character at index {start} is written" if end - start == 1 else f"the characters at {start} to {end - 1} are written"
