"""Quantities that carry or wrap: ages, windows of days, months, clock spans and compass angles.

Arithmetic on a calendar or a clock looks right on the example a model tries and breaks at the edge it
never tried: a birthday later in the year, December, the 31st, midnight, north. What is read, each only
where the words leave no doubt:

- an age, and ``(travel - birth).days // 365`` (leap days move the birthday), or ``on.year - birth.year``
  for "whole years" with no month nor day read (a birthday later in the year is not reached yet); and
  "whole months" as ``end.month - start.month`` with no day read;
- an angle measured "around the compass" ("the smallest angle"), and ``abs(a - b)`` with no 360 nor 180;
- a window "within the next `days` days" built with ``today - timedelta(...)`` and no step forward (or
  "in the last 30 days" built only forward);
- a month moved with ``replace(month=...)`` where the instruction clamps to the month's last day ("Jan 31
  -> Feb 28"), and nothing that knows a month's length;
- a span that "may run past midnight" returned as ``end - start`` with nothing that adds a day back;
- the days "from start to end, with both ends included" walked as ``range((end - start).days)``, no ``+ 1``;
- durations given in minutes or hours (and no day named) passed to ``timedelta(n)``, whose first argument is days;
- and whatever the words, a month stepped as ``replace(month=d.month % 12 + 1)`` with no year moved anywhere:
  December goes back to January of the same year.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.requirement_words import constant_value, negated, walk_outside_asserts
from hfsynth.curate.python_ast import nodes_of, unparsed, walk


# An age or a birthday: whole years from dates.
AGE_ASK = literal_gates.compile(r"\bbirthday|\bbirth\b|\bborn\b|\bage[ds]?\b|\byears?\s+old\b|\bdate of birth\b", re.IGNORECASE)


def _years_as_365_days(prose: str, tree: ast.Module) -> Optional[str]:
    """``(travel - birth).days // 365`` (or ``/ 365.25``) for an age: leap days put the birthday a day or
    more off, so a child is two a day early or late (compare the dates' years, months and days)."""
    if not AGE_ASK.search(prose) or re.search(r"\b365(?:\.25|\.2425)?\b", prose):
        return None  # "a car's age is the number of days since purchase divided by 365.25": the instruction's own rule
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.FloorDiv, ast.Div)) and constant_value(node.right) in (365, 365.25, 365.2425) \
                and isinstance(node.left, ast.Attribute) and node.left.attr == "days":
            return f"the instruction asks about an age and {unparsed(node)[:40]} (line {node.lineno}) counts years as days: a birthday comes a day early or late"
    return None


# "age in whole years", "completed years", "how old": a birthday later in the year is not yet reached.
WHOLE_YEARS_AGE_ASK = literal_gates.compile(r"\b(?:whole|full|complete|completed)\s+years\b|\bhow\s+old\b|\bage\s+(?:on|at|as\s+of)\b|\bturned\b", re.IGNORECASE)
CALENDAR_YEARS_ASK = literal_gates.compile(r"\bcalendar\s+years?\b|\byear\s+(?:numbers?|difference)\b|\bdifference\s+(?:of|between)\s+(?:the\s+)?years\b|\bignor\w*\s+(?:the\s+)?(?:month|day)", re.IGNORECASE)


def _field_difference_alone(tree: ast.Module, field: str, finer: set) -> Optional[ast.BinOp]:
    """The first ``a.<field> - b.<field>`` (``on.year - birth.year``) in code that reads none of the ``finer``
    attributes (a month, a day, a date's own arithmetic): a calendar difference taken on one field alone."""
    if {node.attr for node in nodes_of(tree, ast.Attribute)} & finer:
        return None
    return next((node for node in walk_outside_asserts(tree) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and all(
        isinstance(side, ast.Attribute) and side.attr == field for side in (node.left, node.right))), None)


def _age_from_years_alone(prose: str, tree: ast.Module) -> Optional[str]:
    """``on.year - birth.year`` for an age in whole years, and the code never reads a month or a day: a
    person born in December is a year older than they are for most of the year."""
    if not (AGE_ASK.search(prose) and WHOLE_YEARS_AGE_ASK.search(prose)) or CALENDAR_YEARS_ASK.search(prose):
        return None
    node = _field_difference_alone(tree, "year", {"month", "day", "days", "timetuple", "replace", "strftime", "toordinal", "isocalendar", "relativedelta", "tm_yday"})
    if node is not None:
        return f"the instruction asks for an age in whole years and {unparsed(node)[:40]} (line {node.lineno}) counts years alone: a birthday later in the year is not reached yet"
    return None


WHOLE_MONTHS_ASK = literal_gates.compile(r"\b(?:whole|full|complete|completed)\s+(?:calendar\s+)?months\b", re.IGNORECASE)
CALENDAR_MONTHS_ASK = literal_gates.compile(r"\bmonth\s+(?:numbers?|difference)\b|\bignor\w*\s+(?:the\s+)?days?\b|\bcalendar\s+months?\s+(?:crossed|touched|spanned)\b", re.IGNORECASE)


def _months_from_month_numbers_alone(prose: str, tree: ast.Module) -> Optional[str]:
    """``(end.year - start.year) * 12 + end.month - start.month`` for whole months, and the code never reads a
    day: from the 15th of one month to the 10th of the next is no whole month."""
    if not WHOLE_MONTHS_ASK.search(prose) or CALENDAR_MONTHS_ASK.search(prose):
        return None
    node = _field_difference_alone(tree, "month", {"day", "days", "timetuple", "replace", "strftime", "toordinal", "relativedelta", "tm_mday", "monthrange"})
    if node is not None:
        return f"the instruction asks for whole months and {unparsed(node)[:40]} (line {node.lineno}) counts month numbers alone: a day of the month not yet reached still counts"
    return None


# "measuring the angle around the compass", "the smallest angle between two bearings": 350 and 10 are 20 apart.
WRAPPED_ANGLE_ASK = literal_gates.compile(r"\baround\s+the\s+(?:compass|circle|dial)\b|\bwraps?\s+around\b|\bwrapping\s+around\b|\b(?:shortest|smallest)\s+(?:angle|angular|turn|rotation)\b|"
                               r"\bangular\s+(?:difference|distance|separation)\b|\b(?:never|not)\s+more\s+than\s+180\b|\b0\s*(?:-|to|and)\s*180\b", re.IGNORECASE)
ANGLE_WORDS = literal_gates.compile(r"\bdegrees?\b|\bheadings?\b|\bbearings?\b|\bcompass\b|\bangles?\b|\bdirections?\b|°", re.IGNORECASE)


def _angle_difference_unwrapped(prose: str, tree: ast.Module) -> Optional[str]:
    """``abs(heading - wind)`` where the instruction measures angles around the circle, and no 360 nor 180 in
    the code: 350 and 10 degrees come out 340 apart instead of 20."""
    if not (WRAPPED_ANGLE_ASK.search(prose) and ANGLE_WORDS.search(prose)):
        return None
    if any(constant_value(node) in (360, 180, 360.0, 180.0) for node in walk(tree)) or re.search(r"\bradians\b|\bpi\b|\batan2\b|\bcos\b", unparsed(tree)):
        return None
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "abs" and len(node.args) == 1 \
                and isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].op, ast.Sub):
            return f"the instruction measures angles around the circle and {unparsed(node)[:40]} (line {node.lineno}) never wraps at 360: 350 and 10 come out 340 apart"
    return None


# "due within the next `days` days", "in the coming week": a window after today; "in the last 30 days": before it.
AHEAD_WINDOW_ASK = literal_gates.compile(r"\b(?:within|in|over|during)\s+the\s+(?:next|coming|following|upcoming)\s+(?:`?\w+`?\s+)?(?:days?|weeks?|hours?|minutes?|months?)\b", re.IGNORECASE)
PAST_WINDOW_ASK = literal_gates.compile(r"\b(?:within|in|over|during)\s+the\s+(?:last|past|previous|preceding)\s+(?:`?\w+`?\s+)?(?:days?|weeks?|hours?|minutes?|months?)\b", re.IGNORECASE)


# "valid through the day before the same day in the following month": a step back is asked too.
STEP_BACK_ASK = literal_gates.compile(r"\b(?:the|one|a)\s+day\s+(?:before|earlier)\b|\bthe\s+previous\s+day\b", re.IGNORECASE)


def _window_on_the_other_side(prose: str, tree: ast.Module) -> Optional[str]:
    """``cutoff = today - timedelta(days=days)`` for "due within the next `days` days" (or ``+`` for "in the
    last 30 days"), and no step the other way anywhere: the window looks back where ahead was asked."""
    ahead, past = AHEAD_WINDOW_ASK.search(prose), PAST_WINDOW_ASK.search(prose)
    if bool(ahead) == bool(past) or STEP_BACK_ASK.search(prose):
        return None
    steps = {ast.Add: [], ast.Sub: []}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and type(node.op) in steps and isinstance(node.right, ast.Call) and getattr(node.right.func, "id", getattr(node.right.func, "attr", None)) == "timedelta":
            steps[type(node.op)].append(node)
    wrong, right = (steps[ast.Sub], steps[ast.Add]) if ahead else (steps[ast.Add], steps[ast.Sub])
    if wrong and not right:
        return f"the instruction asks for {(ahead or past).group(0)!r} and {unparsed(wrong[0])[:50]} (line {wrong[0].lineno}) steps the other way"
    return None


# "clamping to the last day of the month when that day doesn't exist (Jan 31 -> Feb 28)".
MONTH_END_ASK = literal_gates.compile(r"\b(?:clamp\w*|capp?\w*|falls?\s+back|fall\w*\s+back|use|move\w*|roll\w*\s+back|adjust\w*)\b[^.\n]{0,40}\blast\s+day\s+of\s+the\s+(?:\w+\s+)?month\b|"
                           r"\b(?:does\s*n[o']t|doesn't|not)\s+exist\b[^.\n]{0,60}\blast\s+day\b|\b(?:jan(?:uary)?\s+31|31\s+jan\w*)\s*(?:->|→|becomes|gives|to)\s*(?:feb(?:ruary)?\s+2[89]|2[89]\s+feb\w*)\b", re.IGNORECASE)


def _month_moved_without_clamping(prose: str, tree: ast.Module) -> Optional[str]:
    """``last.replace(month=last.month + 1)`` where the instruction clamps to the month's last day, and
    nothing in the code knows a month's length (``monthrange``, a table of days, a ValueError caught, a
    ``min`` of the day): Jan 31 raises ValueError instead of giving Feb 28."""
    if not MONTH_END_ASK.search(prose):
        return None
    text = unparsed(tree)
    if re.search(r"\bmonthrange\b|\bcalendar\b|\bexcept\b[^:\n]*\bValueError\b|\bmin\(|\b31\b|\b30\b|\b28\b|-\s*timedelta\(\s*days\s*=\s*1\s*\)|\btimedelta\(\s*days\s*=\s*-1\s*\)|relativedelta|\bday\s*=\s*1\b", text):
        return None
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace" and any(k.arg == "month" for k in node.keywords) \
                and not any(k.arg == "day" for k in node.keywords):
            return f"the instruction clamps to the month's last day and {unparsed(node)[:50]} (line {node.lineno}) keeps a day the month may not have: Jan 31 raises ValueError"
    return None


def _december_wraps_to_the_same_year(tree: ast.Module) -> Optional[str]:
    """``current.replace(month=current.month % 12 + 1)`` with no ``year=`` and nothing else in the code moving a
    year (``year + 1``, ``replace(year=...)``, ``divmod``, a ``timedelta``): December steps back to January of the
    same year, eleven months into the past, so a walk over the months never passes its first December."""
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "replace"
                and not any(k.arg == "year" for k in node.keywords)):
            month = next((k.value for k in node.keywords if k.arg == "month"), None)
            if month is not None and any(isinstance(n.op, ast.Mod) and constant_value(n.right) == 12 for n in nodes_of(month, ast.BinOp)):
                if re.search(r"\byear\s*[-+]|[-+]\s*\w*\.?year\b|year\s*=|\bdivmod\(|\btimedelta\(|relativedelta|\byears?\s*\+=", unparsed(tree)):
                    return None  # the code moves a year somewhere else: read only once a wrapping step is found (this runs on every row)
                return f"{unparsed(node)[:60]} (line {node.lineno}) wraps December to January of the same year: the date goes eleven months back"
    return None


# "it may run past midnight, in which case the end time is earlier than the start time".
PAST_MIDNIGHT_ASK = literal_gates.compile(r"\b(?:runs?|running|goes|going|go|spans?|spanning|cross(?:es|ing)?|wraps?|wrapping|past|over|across|through)\s+(?:past\s+|over\s+)?midnight\b|\bovernight\s+(?:shifts?|outages?|stays?|runs?)\b", re.IGNORECASE)


def _duration_never_wraps_midnight(prose: str, tree: ast.Module) -> Optional[str]:
    """``end - start`` in minutes where the instruction says a span may run past midnight, and nothing in the
    code adds a day back (no 1440 nor 24 * 60, no ``%``, no comparison of the two ends, no date): a shift
    from 22:00 to 02:00 comes out negative."""
    if not PAST_MIDNIGHT_ASK.search(prose) or negated(prose, PAST_MIDNIGHT_ASK.search(prose).start()):
        return None
    text = unparsed(tree)
    if re.search(r"\b1440\b|\b86400\b|\b24\b|%|\bdatetime\b|\btimedelta\b|\bdate\b|\bstrptime\b|\babs\(", text) or any(
            any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in n.ops) for n in nodes_of(tree, ast.Compare)):
        return None
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.Sub):
            return f"the instruction lets a span run past midnight and {unparsed(node.value)[:50]} (line {node.lineno}) never adds a day back: it comes out negative"
    return None


# "every date from `start` to `end`, with both ends included".
BOTH_ENDS_ASK = literal_gates.compile(r"\bboth\s+(?:ends?|endpoints|dates|days|limits)\s+(?:are\s+)?(?:included|inclusive|count(?:ed)?)\b|\b(?:inclusive|including)\s+(?:of\s+)?both\s+(?:ends?|dates|days)\b", re.IGNORECASE)


def _days_between_without_the_last(prose: str, tree: ast.Module) -> Optional[str]:
    """``range((end - start).days)`` for the days "from start to end, with both ends included", and no ``+ 1``
    anywhere: the end date is never reached."""
    if not BOTH_ENDS_ASK.search(prose) or any(isinstance(n.op, ast.Add) and constant_value(n.right) == 1 for n in nodes_of(tree, ast.BinOp)):
        return None
    spans = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Attribute) and n.value.attr == "days"
             for t in n.targets if isinstance(t, ast.Name)}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range" and len(node.args) == 1:
            count = node.args[0]
            if isinstance(count, ast.Attribute) and count.attr == "days" or isinstance(count, ast.Name) and count.id in spans:
                return f"the instruction includes both ends and {unparsed(node)[:40]} (line {node.lineno}) stops the day before the end"
    return None


# Durations the instruction gives in units under a day, and no day, week or night anywhere in it.
CLOCK_UNITS = literal_gates.compile(r"\b(?:minutes?|mins?|hours?|hrs?|seconds?|secs?)\b", re.IGNORECASE)
DAY_UNITS = literal_gates.compile(r"\b(?:days?|daily|weeks?|weekly|nights?|overnight|months?|years?|dates?)\b", re.IGNORECASE)


def _minutes_as_days(prose: str, tree: ast.Module) -> Optional[str]:
    """``start + timedelta(DURATIONS[program])`` where the durations are "in minutes": timedelta's first argument is
    days, so a 20-minute wash ends 20 days later. Read where the instruction names only units under a day."""
    if not CLOCK_UNITS.search(prose) or DAY_UNITS.search(prose):
        return None
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "timedelta"
                and len(node.args) == 1 and not node.keywords and not isinstance(node.args[0], ast.Constant)):
            return (f"the instruction's durations are {CLOCK_UNITS.search(prose).group(0)} and {unparsed(node)[:50]} (line {node.lineno}) "
                    f"takes them as days (timedelta's first argument)")
    return None


def broken_time_arithmetic(prose: str, tree: ast.Module) -> Optional[str]:
    """How the code's calendar or clock arithmetic breaks what the instruction's ``prose`` describes, else None."""
    return (_years_as_365_days(prose, tree) or _age_from_years_alone(prose, tree) or _months_from_month_numbers_alone(prose, tree)
            or _angle_difference_unwrapped(prose, tree)
            or _window_on_the_other_side(prose, tree) or _month_moved_without_clamping(prose, tree) or _duration_never_wraps_midnight(prose, tree)
            or _days_between_without_the_last(prose, tree) or _december_wraps_to_the_same_year(tree) or _minutes_as_days(prose, tree))
