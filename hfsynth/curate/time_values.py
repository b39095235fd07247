"""What Python's date and time values do not give: a difference's minutes or hours, and a 0-based weekday from
``isoweekday()``.

- ``duration = viewing["end"] - viewing["start"]`` then ``duration.minutes``: a difference of datetimes is a
  ``timedelta``, which keeps ``days``, ``seconds`` and ``microseconds`` only (a difference of numbers has no
  attributes at all), so the first call raises AttributeError. Read for a name bound once to a subtraction,
  where the code defines no class of its own that could make one (``__sub__``) or carries ``minutes``/``hours``.
- ``DAYS[d.isoweekday()]``, ``totals[d.isoweekday()] += steps``: ``isoweekday()`` counts Monday as 1 and Sunday as
  7, so as an index into a week that starts at 0 it names the next day and runs past the end on Sundays
  (``weekday()`` is meant, or ``- 1``). Read for a sequence (not a dict keyed by the day's number) indexed by the
  call or by a name bound once to it, and not an eight-item list that leaves index 0 aside.
- ``birth_date.replace(year=visit_date.year)``: 29 February moved to a year that is not a leap year raises ValueError
  (:func:`leap_day_moved`).
- ``now - datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S")`` with ``now`` timezone-aware by the instruction's words, or a
  parsed stamp with an offset held against a plain datetime: TypeError (:func:`aware_against_naive`).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, nodes_outside_try, unparsed, values_bound_once, walk

MISSING_ON_A_DIFFERENCE = frozenset({"minutes", "hours"})


def difference_attribute(tree: ast.Module) -> Optional[str]:
    """``duration.minutes`` (line n) of ``duration = end - start``: no difference carries minutes or hours."""
    if any(isinstance(n, ast.ClassDef) for n in walk(tree)) or any(isinstance(n.ctx, ast.Store) for n in nodes_of(tree, ast.Attribute)):
        return None
    for scope in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        bound = values_bound_once(scope)
        for node in nodes_of(scope, ast.Attribute):
            if (node.attr in MISSING_ON_A_DIFFERENCE and isinstance(node.value, ast.Name)
                    and isinstance(bound.get(node.value.id), ast.BinOp) and isinstance(bound[node.value.id].op, ast.Sub)):
                return (f"{unparsed(node)} (line {node.lineno}) reads .{node.attr} of {node.value.id} = {unparsed(bound[node.value.id])[:40]}, "
                        f"a difference: a timedelta keeps days and seconds only")
    return None


def _isoweekday(node: ast.expr, bound: Dict[str, ast.expr]) -> bool:
    if isinstance(node, ast.Name):
        node = bound.get(node.id)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "isoweekday" and not node.args


def _keyed_by_number(container: ast.expr, bound: Dict[str, ast.expr]) -> bool:
    """A dict (``{1: "Mon", ...}``, ``defaultdict(int)``), or a list of eight that leaves index 0 aside."""
    value = bound.get(container.id) if isinstance(container, ast.Name) else container
    if isinstance(value, (ast.Dict, ast.DictComp)) or isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("dict", "defaultdict", "Counter"):
        return True
    if isinstance(value, ast.List) and len(value.elts) >= 8:
        return True
    return isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult) and isinstance(value.right, ast.Constant) and value.right.value >= 8


def isoweekday_as_index(tree: ast.Module) -> Optional[str]:
    """``DAYS[d.isoweekday()]`` (line n): a weekday counted from 1 used as an index counted from 0."""
    scopes = [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)))
    module_bound = values_bound_once(tree)
    for scope in scopes:
        bound = {**module_bound, **values_bound_once(scope)} if scope is not tree else module_bound
        for node in nodes_of(scope, ast.Subscript):
            if (not isinstance(node.slice, ast.Slice) and _isoweekday(node.slice, bound)
                    and not _keyed_by_number(node.value, bound)):
                return (f"{unparsed(node)[:50]} (line {node.lineno}) indexes by isoweekday(), which counts Monday as 1 and Sunday as 7: "
                        f"every day lands on the next one and Sunday runs past the end (weekday() is meant)")
    return None


# The instruction rules the leap day out, or names it: the code's answer to it is the instruction's business.
LEAP_DAY_NAMED = literal_gates.compile(r"29(?:th)?\s+feb|feb\w*\.?\s+29|\bleap\b|02-29|2/29", re.IGNORECASE)


def leap_day_moved(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """``birth_date.replace(year=visit_date.year)``: a date moved to another year with its month and day kept raises
    ValueError when it is 29 February and that year is not a leap year (a birthday, a contract's anniversary). Not
    inside a ``try``, not where the code sets the day too (``day=28``) or minds 29 February itself, and not where the
    instruction names the leap day (often to rule it out: "start dates are never 29 February")."""
    if tree is None or LEAP_DAY_NAMED.search(instruction) or "29" in unparsed(tree):
        return None
    for node in nodes_outside_try(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace" and not node.args \
                and [k.arg for k in node.keywords] == ["year"]:
            return (f"{unparsed(node)[:60]} (line {node.lineno}) raises ValueError when {unparsed(node.func.value)[:30]} is 29 February "
                    f"and the new year is not a leap year")
    return None


# An ISO timestamp with its offset: "2024-05-01T06:10:00+00:00", "...T06:10:00Z".
ISO_WITH_OFFSET = literal_gates.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[+-]\d\d:?\d\d|Z)\b")
AWARE_WORDS = literal_gates.compile(r"\b(?:timezone[- ]aware|tz[- ]aware|aware)\b", re.IGNORECASE)
NAIVE_WORDS = literal_gates.compile(r"\b(?:naive|plain|without (?:a |any )?(?:time ?zone|tzinfo|offset)|no (?:time ?zone|tzinfo|offset))\b", re.IGNORECASE)
TIMEZONE_HANDLED = literal_gates.compile(r"tzinfo|astimezone|timezone|ZoneInfo|pytz|%z|dateutil", re.IGNORECASE)


def _said_of(name: str, instruction: str, words) -> bool:
    """A sentence of the instruction names the parameter in backticks and says ``words`` of it."""
    return any(f"`{name}`" in sentence and words.search(sentence) for sentence in re.split(r"(?<=[.;])\s+|\n+", instruction))


def aware_against_naive(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """``now - datetime.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")`` where the instruction says ``now`` is timezone-aware,
    or ``datetime.fromisoformat(r["ts"]) >= since`` where the instruction's stamps carry an offset ("+00:00") and says
    ``since`` is a plain datetime: Python will not order or subtract an aware and a naive datetime (TypeError on the
    first call). Not where the code deals with zones at all (``tzinfo``, ``astimezone``, ``timezone``, ``%z``)."""
    if tree is None or TIMEZONE_HANDLED.search(unparsed(tree)):
        return None
    offsets = ISO_WITH_OFFSET.search(instruction) is not None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = [a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs]
        aware_params = {p for p in params if _said_of(p, instruction, AWARE_WORDS) and not _said_of(p, instruction, NAIVE_WORDS)}
        naive_params = {p for p in params if _said_of(p, instruction, NAIVE_WORDS)}
        if not aware_params and not (offsets and naive_params):
            continue
        bound = values_bound_once(function)
        helpers = {f.name: f.body[-1].value for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
                   if f.body and isinstance(f.body[-1], ast.Return) and f.body[-1].value is not None}

        def kind(node: ast.AST, depth: int = 0) -> Optional[str]:
            if depth > 3:
                return None
            if isinstance(node, ast.Name):
                return "aware" if node.id in aware_params else "naive" if node.id in naive_params else kind(bound[node.id], depth + 1) if node.id in bound else None
            if isinstance(node, ast.Call):
                called = unparsed(node.func)
                if called.endswith("strptime") and len(node.args) == 2:
                    return "naive"
                if called.endswith("fromisoformat") and offsets:
                    return "aware"
                if isinstance(node.func, ast.Name) and node.func.id in helpers:
                    return kind(helpers[node.func.id], depth + 1)
                if isinstance(node.func, ast.Attribute) and node.func.attr in ("time", "date"):
                    return None
            return None

        for node in nodes_of(function, (ast.Compare, ast.BinOp)):
            if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.Sub):
                continue
            sides = [node.left, node.right] if isinstance(node, ast.BinOp) else [node.left, *node.comparators]
            if isinstance(node, ast.Compare) and not all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
                continue
            kinds = {kind(side) for side in sides}
            if {"aware", "naive"} <= kinds:
                return f"{unparsed(node)[:60]} (line {node.lineno}) mixes a timezone-aware datetime with a naive one, which raises TypeError"
    return None
