"""Fewer raises than the error cases the instruction lists.

"Raise `ValueError` if `days` is not positive, and also raise `ValueError` if the request is larger than the
current balance", answered by one ``if days <= 0: raise ValueError``: the second case runs on and returns a
negative balance. The row's own tests try the first case only. Read only where the instruction gives the
same exception two or more cases, each with its own "if"/"when"/"for" ("... if A, or if B", "... if A, and also
raise ... if B", "... for a group larger than 30, and also for one smaller than 1"), and the code raises that
exception fewer times, in plain ``if`` statements: nothing in it
could raise for several cases at once (an ``or`` or ``any()`` in a test, a loop, an ``except``) or raise it by
itself (``int("x")``, ``max([])``, unpacking: :data:`RAISES_VALUE_ERROR`), and it raises no other exception.
"""
from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.requirement_words import RAISES_VALUE_ERROR, negated
from hfsynth.curate.python_ast import nodes_of, unparsed, walk

# "Raise `ValueError` if `days` is not positive, and also raise `ValueError` if ...": one ask and its cases.
RAISE_CASES = literal_gates.compile(
    r"\b(?i:raise|raises|raising|throw|throws)\s+(?:an?\s+)?`?(?P<error>[A-Z]\w*(?:Error|Exception))`?\s+(?i:if|when|whenever|for)\s+(?P<cases>[^.;:]{1,200})")
# pow(a, -1, m) with no inverse, sqrt(-1): ValueError from a math domain (read here, where a second case may be
# one of them; an answer asked for a ValueError of its own still owes it, whatever sqrt raises).
MATH_DOMAIN = literal_gates.compile(r"\b(?:pow|sqrt|log|log10|log2|isqrt|acos|asin|fsum)\(")
# ", or if", "and also raise `ValueError` if", " or when": one more case of the same ask.
ANOTHER_CASE = literal_gates.compile(r"(?:,\s*|\s)(?:or|and)\s+(?:also\s+)?(?:(?:raise|throw)\s+(?:an?\s+)?`?\w+`?\s+)?(?:if|when|for)\b", re.IGNORECASE)


def stated_cases(prose: str) -> Dict[str, int]:
    """How many cases the instruction gives each exception it asks for."""
    cases: Dict[str, int] = {}
    for match in RAISE_CASES.finditer(prose):
        if not negated(prose, match.start()):
            cases[match.group("error")] = cases.get(match.group("error"), 0) + 1 + len(ANOTHER_CASE.findall(match.group("cases")))
    return cases


def _raised(node: ast.Raise) -> Optional[str]:
    exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
    return exc.id if isinstance(exc, ast.Name) else exc.attr if isinstance(exc, ast.Attribute) else None


def _raises_for_several(tree: ast.Module, error: str) -> bool:
    """Something in the code may raise ``error`` for more than one case, or raise it by itself."""
    text = unparsed(tree)
    for node in nodes_of(tree, ast.Call):  # max(0, size - 10) compares two values: only max() of an empty iterable raises
        if getattr(node.func, "id", None) in ("max", "min") and len(node.args) >= 2 and not any(isinstance(a, ast.Starred) for a in node.args):
            text = text.replace(unparsed(node), "0")
    if error == "ValueError" and (RAISES_VALUE_ERROR.search(text) or MATH_DOMAIN.search(text)):
        return True
    for node in walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.comprehension)):
            return True
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in ("any", "all"):
                return True
        if error in ("KeyError", "IndexError", "LookupError") and isinstance(node, ast.Subscript):
            return True
        if error == "ValueError" and isinstance(node, ast.Assign) and any(isinstance(t, (ast.Tuple, ast.List)) for t in node.targets):
            return True  # a, b = text.split(",") raises it for a wrong count
    return False


def missing_error_case(prose: str, tree: ast.Module) -> Optional[str]:
    """The exception the instruction asks for in two or more cases, raised fewer times than that."""
    raises = [node for node in nodes_of(tree, ast.Raise) if node.exc is not None]
    for error, stated in stated_cases(prose).items():
        if stated < 2:
            continue
        raised = [_raised(node) for node in raises]
        if any(name != error for name in raised) or len(raised) >= stated or _raises_for_several(tree, error):
            continue
        return f"the instruction gives {stated} cases that raise {error} and the code raises it in {len(raised)}"
    return None
