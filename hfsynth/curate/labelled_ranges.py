"""Ranges the code's own labels name, cut elsewhere by the comparisons that choose them.

``if age < 25: return "16-24" elif age < 34: return "25-34"``: the label says 34 is in the band and the
comparison sends 34 to the next one. The model wrote the labels from the instruction and the bounds from
memory; a test at 30 passes.

Read only for a branch whose body returns a text label of two whole numbers (``"25-34"``, ``"35–49"``)
and whose test compares one name with one whole number: ``< hi`` leaves the label's last number out,
``> lo`` its first (and ``<= hi - 1``/``>= lo + 1`` the same).
"""
from __future__ import annotations

import ast
from typing import Optional
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, unparsed

LABEL = literal_gates.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")


def _label(body: list) -> Optional[tuple]:
    """The two numbers of the label the branch returns first, when its first statement returns one."""
    first = body[0] if body else None
    if isinstance(first, ast.Return) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        match = LABEL.match(first.value.value)
        if match and int(match.group(1)) < int(match.group(2)):
            return int(match.group(1)), int(match.group(2))
    return None


def label_cut_elsewhere(tree: ast.AST) -> Optional[str]:
    """How a labelled range's comparison leaves out one of the label's own ends, else None."""
    for node in nodes_of(tree, ast.If):
        if not (isinstance(node.test, ast.Compare) and len(node.test.ops) == 1):
            continue
        bounds = _label(node.body)
        right = node.test.comparators[0]
        if bounds is None or not (isinstance(node.test.left, ast.Name) and isinstance(right, ast.Constant) and type(right.value) is int):
            continue
        low, high = bounds
        op, number = node.test.ops[0], right.value
        if (isinstance(op, ast.Lt) and number == high or isinstance(op, ast.LtE) and number == high - 1
                or isinstance(op, ast.Gt) and number == low or isinstance(op, ast.GtE) and number == low + 1):
            label = f"{low}-{high}"
            return f"{unparsed(node.test)} (line {node.lineno}) chooses the range labelled {label!r} and leaves out one of its own ends"
    return None
