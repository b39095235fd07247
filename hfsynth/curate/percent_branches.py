"""Branches on a kind of discount (or fee, or tax) whose formulas are each other's.

``if coupon["type"] == "percent": saving = min(value, price) else: saving = price * value // 100``: the
percent branch takes the value as an amount and the fixed branch as a percentage. The model wrote both
formulas and put them under the wrong test; rows that try only one kind, or none, never show it.

Read only where one branch is chosen by a text that names a percentage (``"percent"``, ``"pct"``,
``"%"``, ``"percentage"``) or an amount (``"fixed"``, ``"flat"``, ``"amount"``), and the branch the text
names holds no hundred while its ``else`` does: the percentage is worked out on the other side.
"""
from __future__ import annotations

import ast
import re
from typing import Optional
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, walk

PERCENT_KIND = literal_gates.compile(r"^(?:percent(?:age)?|pct|%|percent_off)$", re.IGNORECASE)
AMOUNT_KIND = literal_gates.compile(r"^(?:fixed|flat|amount|absolute|fixed_amount|amount_off)$", re.IGNORECASE)


def _hundred(statements: list) -> bool:
    """The statements work out a percentage: they hold a 100 (or 0.01)."""
    for node in walk(ast.Module(body=statements, type_ignores=[])):
        if isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value in (100, 100.0, 0.01):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ("100", "0.01"):
            return True  # ``Decimal("100")``
    return False


def _kind_tested(test: ast.expr) -> Optional[str]:
    """The text a branch's test compares with ``==``: ``coupon["type"] == "percent"``."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq):
        for side in (test.left, test.comparators[0]):
            if isinstance(side, ast.Constant) and isinstance(side.value, str):
                return side.value
    return None


def swapped_percent_branch(tree: ast.Module) -> Optional[str]:
    """How a branch on a kind of amount holds the other kind's formula, else None."""
    for node in nodes_of(tree, ast.If):
        if not node.orelse:
            continue
        kind = _kind_tested(node.test)
        if kind is None:
            continue
        here, there = _hundred(node.body), _hundred(node.orelse)
        if PERCENT_KIND.match(kind) and not here and there:
            return f"the branch for {kind!r} (line {node.lineno}) works out no percentage and its else branch does: the two formulas are swapped"
        if AMOUNT_KIND.match(kind) and here and not there:
            return f"the branch for {kind!r} (line {node.lineno}) works out a percentage and its else branch does not: the two formulas are swapped"
    return None
