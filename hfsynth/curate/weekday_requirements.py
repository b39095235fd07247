"""The days of the week an instruction names, held against the days the code's ``weekday()`` tests pick.

"$7.99 on Saturdays and Sundays" tested as ``day.weekday() in (6, 7)`` (Sunday only: ``weekday()``
counts Monday 0 to Sunday 6, so 7 never comes), "Friday and Saturday nights" as ``weekday() >= 5``
(Saturday and Sunday), "the last business day (Mon-Fri)" found by stepping back while
``weekday() > 5`` (Saturday kept): the code runs, and only a row whose own example falls on the wrong
day shows it. Each test of the code's is evaluated for every day of the week, and the days it picks
must be the days the instruction names, or all the others.

Read only where neither side leaves a doubt:

- the instruction names one set of days: a list or range of day names ("Friday and Saturday",
  "Mon-Fri", "Monday to Friday", "Monday-to-Friday"), else "weekend(s)" (Saturday and Sunday) or "business days",
  "working days", "weekdays" (Monday to Friday); two different sets named (unless one is the rest of the
  week: "Saturday or Sunday, and False for Monday to Friday"), nothing is read; a day named on its own
  ("closed on Mondays") is read only against a test that picks one day;
- a day named before a date ("discharged on Friday 2024-03-01 ... -> Wednesday 2024-03-06") is an example's, not
  named by the task;
- the code's test is made only of comparisons of ``x.weekday()`` or ``x.isoweekday()`` (or a name
  bound once to one) with numbers, joined by ``and``, ``or`` and ``not``: anything else in it (a
  holiday list) and the test is not read.

And ``strftime("%a")`` (a short name, "Mon") held against day names written out in full ("Monday"): never equal
(:func:`abbreviated_against_full_names`).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, FrozenSet, NamedTuple, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, unparsed, values_bound_once, walk
from hfsynth.curate.requirement_words import constant_value, walk_outside_asserts

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?"
DAY_LIST = literal_gates.compile(rf"\b{DAY}\b(?:\s*(?:,|and|or|&|/)\s*(?:or\s+|and\s+)?\b{DAY}\b)+", re.IGNORECASE)
DAY_RANGE = literal_gates.compile(rf"\b(?P<first>{DAY})\s*(?:-?(?:to|through|thru)-?|-|–|—)\s*(?P<last>{DAY})\b", re.IGNORECASE)  # "Monday-to-Friday" too
WEEKEND = literal_gates.compile(r"\bweekends?\b", re.IGNORECASE)
WORKDAYS = literal_gates.compile(r"\b(?:working|business|work)\s+days?\b|\bweekdays\b(?!\s+names?)", re.IGNORECASE)
ALL_DAYS = frozenset(range(7))


def _day_number(word: str) -> int:
    return DAY_NAMES.index(word.lower()[:3])


# A day's name before its date ("discharged on Friday 2024-03-01", "Monday, 4 March"): the weekday of an example's
# date, not a day the task picks.
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATED_DAY = literal_gates.compile(rf"\b{DAY}\b(?=,?\s+(?:\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}(?![a-z])|{MONTH}\s+\d{{1,2}}\b))", re.IGNORECASE)


def asked_days(prose: str) -> Optional[FrozenSet[int]]:
    """The one set of days (``weekday()`` numbers) the instruction names, or None."""
    prose = DATED_DAY.sub(lambda m: " " * len(m.group(0)), prose)
    named, spans = set(), []
    for found in DAY_RANGE.finditer(prose):
        first, last = _day_number(found.group("first")), _day_number(found.group("last"))
        if first <= last:
            named.add(frozenset(range(first, last + 1)))
            spans.append(found.span())
    for found in DAY_LIST.finditer(prose):
        if not DAY_RANGE.fullmatch(found.group(0)):
            named.add(frozenset(_day_number(word) for word in re.findall(DAY, found.group(0), re.IGNORECASE)))
            spans.append(found.span())
    if any(not any(a <= day.start() < b for a, b in spans) for day in re.finditer(rf"\b{DAY}\b", prose, re.IGNORECASE)):
        return None  # a day named on its own ("on Saturdays until noon", "weeks start on Monday"): another rule
    if not named:
        if WEEKEND.search(prose):
            named.add(frozenset({5, 6}))
        if WORKDAYS.search(prose):
            named.add(frozenset(range(5)))
    named = {days for days in named if days not in (frozenset(), ALL_DAYS)}
    if len(named) == 2 and frozenset.union(*named) == ALL_DAYS and not frozenset.intersection(*named):
        named = {min(named, key=sorted)}  # "Saturday or Sunday, and False for Monday to Friday": one set and the rest
    return next(iter(named)) if len(named) == 1 else None


class _Unread(Exception):
    """The test holds something besides comparisons of the day of the week with numbers."""


class _Sources(NamedTuple):
    """``offsets``: names bound once to ``x.weekday()`` (offset 0) or ``x.isoweekday()`` (offset 1);
    ``constants``: every name bound once, with its value (a day's number kept in a constant)."""

    offsets: Dict[str, int]
    constants: Dict[str, ast.expr]


def _day_sources(tree: ast.AST) -> _Sources:
    constants = values_bound_once(tree)
    return _Sources({name: _offset(value) for name, value in constants.items() if _offset(value) is not None}, constants)


def _offset(node: ast.AST) -> Optional[int]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
        return {"weekday": 0, "isoweekday": 1}.get(node.func.attr)
    return None


def _number(node: ast.AST, constants: Dict[str, ast.expr]) -> Optional[int]:
    """A number, or a name bound once to one (``FULL_BACKUP_WEEKDAY = 0``)."""
    if isinstance(node, ast.Name) and node.id in constants:
        node = constants[node.id]
    return constant_value(node)


def _picks(node: ast.AST, day: int, sources: _Sources) -> bool:
    """Whether the test is true on ``day`` (0 Monday ... 6 Sunday)."""
    if isinstance(node, ast.BoolOp):
        results = [_picks(value, day, sources) for value in node.values]
        return all(results) if isinstance(node.op, ast.And) else any(results)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return not _picks(node.operand, day, sources)
    if not isinstance(node, ast.Compare):
        raise _Unread
    if len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)):
        offset = sources.offsets.get(node.left.id) if isinstance(node.left, ast.Name) else _offset(node.left)
        right = node.comparators[0]
        if isinstance(right, ast.Name) and isinstance(sources.constants.get(right.id), (ast.Tuple, ast.List, ast.Set)):
            right = sources.constants[right.id]  # MATINEE_DAYS = (2, 5), then d.isoweekday() in MATINEE_DAYS
        if offset is None or not isinstance(right, (ast.Tuple, ast.List, ast.Set)):
            raise _Unread
        members = [_number(e, sources.constants) for e in right.elts]
        if any(m is None for m in members):
            raise _Unread
        return (day + offset in members) == isinstance(node.ops[0], ast.In)
    sides = [node.left] + node.comparators  # a chain (1 <= d.weekday() <= 5) holds when each of its links does
    return all(_link_holds(left, op, right, day, sources) for left, op, right in zip(sides, node.ops, sides[1:]))


FLIPPED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE, ast.Eq: ast.Eq, ast.NotEq: ast.NotEq}


def _link_holds(left: ast.AST, op: ast.cmpop, right: ast.AST, day: int, sources: _Sources) -> bool:
    """One comparison of the day of the week with a number, the day on either side (``5 > d.weekday()``)."""
    def offset_of(side):
        return sources.offsets.get(side.id) if isinstance(side, ast.Name) else _offset(side)
    kind = type(op)
    if offset_of(left) is None and offset_of(right) is not None and kind in FLIPPED:
        left, right, kind = right, left, FLIPPED[kind]
    offset, bound = offset_of(left), _number(right, sources.constants)
    if offset is None or bound is None:
        raise _Unread
    value = day + offset
    compare = {ast.Eq: value == bound, ast.NotEq: value != bound, ast.Lt: value < bound, ast.LtE: value <= bound, ast.Gt: value > bound, ast.GtE: value >= bound}
    if kind not in compare:
        raise _Unread
    return compare[kind]


def _tests(tree: ast.AST):
    """The outermost ``and``/``or``/``not``/comparison expressions outside asserts: each is one test of the code."""
    inner = set()
    for node in nodes_of(tree, (ast.BoolOp, ast.UnaryOp)):
        if isinstance(node, ast.BoolOp):
            inner.update(id(v) for v in node.values)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            inner.add(id(node.operand))
    for node in walk_outside_asserts(tree):
        if isinstance(node, (ast.BoolOp, ast.Compare)) or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            if id(node) not in inner:
                yield node


def one_named_day(prose: str) -> Optional[int]:
    """The one day of the week the instruction names ("closed on Mondays", "full backups run on Sundays"),
    however often, with no list, range, weekend or working days beside it; else None."""
    days = {_day_number(word) for word in re.findall(rf"\b{DAY}\b", prose, re.IGNORECASE)}
    if len(days) != 1 or DAY_LIST.search(prose) or DAY_RANGE.search(prose) or WEEKEND.search(prose) or WORKDAYS.search(prose):
        return None
    return days.pop()


def other_days(prose: str, tree: ast.Module) -> Optional[str]:
    """How a test of the day of the week picks days the instruction does not name, else None. Where the
    instruction names one day on its own, only a test that picks one other day is read: a test that
    picks several may be about something else ("weeks start on Monday", then ``weekday() >= 5``)."""
    asked = asked_days(prose)
    single = one_named_day(prose) if asked is None else None
    if single is not None:
        asked = frozenset({single})
    if asked is None:
        return None
    sources = _day_sources(tree)
    for test in _tests(tree):
        if not any(_offset(n) is not None or isinstance(n, ast.Name) and n.id in sources.offsets for n in walk(test)):
            continue
        try:
            picked = frozenset(day for day in range(7) if _picks(test, day, sources))
        except _Unread:
            continue
        if picked not in (asked, ALL_DAYS - asked) and (single is None or len(picked) == 1):
            def names(days):
                return "-".join(DAY_NAMES[d].title() for d in sorted(days)) or "no day"
            return f"the instruction's days are {names(asked)} and the code's test {unparsed(test)[:50]} (line {test.lineno}) picks {names(picked)}"
    return None


# A full day name in quotes: "Monday", 'Wednesday'.
QUOTED_FULL_DAY = literal_gates.compile(r"[\"'](?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day[\"']")
FULL_DAY_NAMES = frozenset(f"{day}day" for day in ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun"))
QUOTED_SHORT_DAY = literal_gates.compile(r"[\"'](?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[\"']")


def abbreviated_against_full_names(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """``current.strftime("%a") not in working_days`` where the days are written out in full (``{"Monday",
    "Wednesday"}``): ``%a`` gives "Mon", which no full name equals, so the test never matches (a search for the
    next working day never ends). Not where the code writes the short names itself or cuts the full ones (``[:3]``)."""
    if tree is None or not (QUOTED_FULL_DAY.search(instruction) or any(n.value in FULL_DAY_NAMES for n in nodes_of(tree, ast.Constant))):
        return None
    code = unparsed(tree)
    if "%A" in code or QUOTED_SHORT_DAY.search(code) or re.search(r"\[:\s*3\]", code):
        return None
    for node in nodes_of(tree, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr == "strftime" and node.args and isinstance(node.args[0], ast.Constant) \
                and node.args[0].value == "%a":
            return (f"{unparsed(node)} (line {node.lineno}) gives a short name (\"Mon\"), and the days it is held against are written out "
                    f"in full (\"Monday\"): they never match")
    return None
