"""A test made on one axis of two: the overlap of two rectangles computed for x and y alike, then only
``x1 >= x2`` asked before returning it.

Geometry code computes its values in pairs (``x1, y1, x2, y2``, ``x_min``/``y_min``); a model that
copies the first axis's test and forgets the second returns a "rectangle" of negative height, and its
asserts (overlaps that fail on x, or overlap on both) pass. Read where a function assigns all four
names of such a pair, compares the x names with each other, and never the y names.
"""

from __future__ import annotations

import ast
from typing import Optional
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of

X_NAME = literal_gates.compile(r"(?:^|(?<=_))x(?=\d|_|$)")


def _y_of(name: str) -> Optional[str]:
    """``x1`` -> ``y1``, ``x_min`` -> ``y_min``, ``left_x`` -> ``left_y``; None for a name with no x part."""
    other = X_NAME.sub("y", name, count=1)
    return other if other != name else None


def one_axis_tested(tree: ast.Module) -> Optional[str]:
    """``compares x1 with x2 (line 7) and never y1 with y2`` where a function assigns all four."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        assigned = {t.id for n in nodes_of(function, ast.Assign) for target in n.targets
                    for t in (target.elts if isinstance(target, ast.Tuple) else [target]) if isinstance(t, ast.Name)}
        compared = [n for n in nodes_of(function, ast.Compare) if len(n.ops) == 1
                    and isinstance(n.left, ast.Name) and isinstance(n.comparators[0], ast.Name)]
        pairs = {frozenset((n.left.id, n.comparators[0].id)) for n in compared}
        for node in compared:
            x_a, x_b = node.left.id, node.comparators[0].id
            y_a, y_b = _y_of(x_a), _y_of(x_b)
            if y_a and y_b and {x_a, x_b, y_a, y_b} <= assigned and frozenset((y_a, y_b)) not in pairs:
                return f"compares {x_a} with {x_b} (line {node.lineno}) and never {y_a} with {y_b}"
    return None
