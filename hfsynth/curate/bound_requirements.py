"""Numbers and bounds an instruction states, and code that breaks them.

Prices, tiers, ranges, limits and intervals are where a model's answer is off by one: a bound left
out ("up to and including 5 kg" read as ``< 5``), a range never checked, a charge rounded down, a
result longer than its limit. What is read, each only where the words leave no doubt (negations
voided as in :func:`hfsynth.curate.requirement_words.negated`):

- an error asked for a value outside stated bounds ("raise ValueError unless it is in the range
  1-65535", "if the hours are not 0-23", "outside the range 0-150"), or what is valid bounded ("returns
  True when ... each between 0 and 255", "returns every valid address (four octets, each 0-255)"), and code that never compares with the bound (nor one past
  it: ``range(1, 65536)``; a name bound to it counts; nor a regex's ``{12,19}``), when nothing it calls
  (a date, ``strptime``) checks the bounds for it;
- a bound the instruction includes ("A (90 and above)", "up to and including 5 kg", "$5,000 or more",
  "5 years or more", "at least 18", "at least `min_spend`"), and code that compares with that number (or
  a name for it: ``threshold=65``, or the parameter itself) strictly (``score > 90``) and nowhere by
  ``>=``, ``<=`` or ``==``; bounds "between `low` and `high` inclusive" ("from `start` to `end`
  inclusive", "36.1 to 37.2 inclusive", "both start and end dates are inclusive"), and code whose every
  comparison with them is strict, or that stops a ``range`` at ``end``; and "`end` is exclusive", and code
  whose every comparison with ``end`` takes it in (``day <= end``), and so for "the window `[start, end)`"; a bound left out in words ("more
  than `grace` minutes late"), and code that takes it in (``>= grace``) with no ``> grace`` nor its
  complement ``<= grace``, and below ("fewer than 30 games", "under 18") taken in by ``<=``; tiers "up to and
  including 1 kg" (grades "(90 and above)") whose every bound is strict (``weight < limit``), the
  input's range check (``if not 0 <= score <= 100: raise``) aside;
- a result of "at most `limit` characters", and a result made of the text cut to ``limit`` characters
  (perhaps through a name, ``cut = text[:limit]``, cut shorter again) with a marker added after it
  (``text[:limit] + "..."``, ``cut + ellipsis`` with ``ellipsis="..."``), which is longer;
- a result "rounded to one decimal place" (to the nearest cent...), and code that never rounds:
  no ``round()``, ``quantize``, format with a precision, ``floor``/``ceil``, ``int()`` or ``//``;
- a charge "for every (additional) started kilogram" (partial hours billed as full), and code that rounds down
  (``floor``, ``int()``, ``//``) or to the nearest (``round(minutes / 15)``) and never up;
- "500 cents for the first item and 150 cents for each additional item", and code that multiplies the later rate
  by the whole count with nothing subtracted; "how many full-fare rides", and ``round(balance / fare)``;
- "capped at 800 cents", and code that holds no 800 (nor takes the cap as a parameter), or ``max(x, 25)``
  for "capped at 25" with no ``min``: a floor;
- a result that "never goes below 0", and code that subtracts with no ``max``, ``abs`` nor test of 0;
- a result "rounded to 1 decimal", and code whose one public function answers a whole number (``-> int``,
  ``math.ceil(...)``): another quantity;
- "to the nearest 0.05", and code that holds neither 0.05, 20 nor 5 (``round(total, 2)``: cents);
- "rounded to the nearest 5 minutes" (not "rounded down"), and a product or quotient cut down (``minutes
  // 5``, ``int(amount * 20)``) with nothing added first and nothing that rounds to a whole;
- "round up to whole minutes" (not "halves round up"), and code that rounds to the nearest or down;
- extra pay "beyond the first 50", and a subtraction in code that compares nothing (the excess goes
  negative below the threshold); "hours beyond 40", and ``hours - 40`` kept at 0 by no ``max`` and no
  comparison of ``hours`` with 40;
- tiers of one quantity ("$0.10 a day for the first 7 days, then $0.20 a day after that"), and code that
  compares with 7 but never takes it off (``days - 7``), caps at it (``min(days, 7)``) nor prices it
  (``7 * 0.10``): past the first tier every day is charged the later rate;
- "every year after the second adds 4", and code that compares the years with 2 but counts the added
  ones from another number (``(age - 1) * 4``);
- "if the dose exceeds max_mg, raise", and ``min(dose, max_mg)`` with nothing compared with ``max_mg``:
  the value is clamped where an error was asked for;
- intervals that may touch ("half-open", "back-to-back bookings are allowed"), and an overlap test
  that compares a start with an end by ``<=`` or ``>=``; an overlap or conflict, and a test of
  whether either end of one interval falls inside the same other one (``start <= s < end or start <
  e <= end``), which misses an interval containing it.
"""

from __future__ import annotations

import ast
import re
from typing import Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import names_and_values, nodes_of, own_scope_nodes, parameter_names, store_counts, unparsed, values_bound_once, walk
from hfsynth.curate.requirement_words import EMPHASIS, RAISE_ASK, constant_value, negated, oriented_comparisons, walk_outside_asserts

# "raise ValueError unless the port is in the range 1-65535", "between -90 and 90 ... raise" ("outside 0..2**32-1" is no bound of 2)
BOUNDS = literal_gates.compile(
    r"\b(?:(?:in|within|inside)\s+(?:the\s+)?(?:range|interval)|outside(?:\s+of)?(?:\s+the\s+(?:range|interval))?|between|from|(?<=,\s)each|(?<=\()each)\s+\[?(?P<low>-?\d+(?:\.\d+)?)\s*(?:-|–|to|and|\.\.|,)\s*(?P<high>-?\d+(?:\.\d+)?)\b(?!\s*(?:\*\*|\^))",
    re.IGNORECASE,
)
BOUNDS_NOT = literal_gates.compile(r"\b(?:is|are)\s+not\s+(?:in\s+|within\s+|between\s+)?(?P<low>-?\d+)\s*(?:-|–|to|\.\.)\s*(?P<high>-?\d+)\b(?!\s*(?:\*\*|\^))", re.IGNORECASE)
CHECKS_BY_ITSELF = literal_gates.compile(r"\b(?:date|datetime|time|timedelta|strptime|fromisoformat|ip_address|ip_network|IPv4Address|IPv6Address|chr|calendar|Enum)\b")


def _compared_numbers(tree: ast.Module) -> Set[float]:
    """The numbers the code compares with (``0 <= h <= 23``, ``range(1, 65536)``), with the value of
    constant arithmetic (``2 ** 16``, ``0xFFFF``) and of names bound to a number that a comparison reads
    (``MAX_PORT = 65535``, ``high=65535``)."""
    compared = {n.id for c in nodes_of(tree, ast.Compare) for n in nodes_of(c, ast.Name)}
    places = list(nodes_of(tree, ast.Compare))
    places += [c for c in nodes_of(tree, ast.Call) if getattr(c.func, "id", None) in ("range", "min", "max")]
    places += [a.value for a in nodes_of(tree, ast.Assign) if any(isinstance(t, ast.Name) and t.id in compared for t in a.targets)]
    for function in (f for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        named = function.args.posonlyargs + function.args.args
        places += [d for a, d in zip(named[len(named) - len(function.args.defaults):], function.args.defaults) if a.arg in compared]
        places += [d for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults) if d is not None and a.arg in compared]
    values = (constant_value(n) for place in places for n in nodes_of(place, (ast.Constant, ast.UnaryOp, ast.BinOp)))
    return {v for v in values if v is not None}


# "returns True for dotted-quad addresses: four parts, each between 0 and 255": a bound a validity check must test.
VALIDITY_ASK = literal_gates.compile(r"\b(?:returns?|returning)\s+`?(?:True|False)`?\b|\b(?:is|are)\s+(?:valid|invalid)\b|\bvalidat\w*|\b(?:returns?|returning|extracts?|finds?|lists?)\s+(?:every|each|all|only)\s+(?:the\s+)?valid\b", re.IGNORECASE)


def _unchecked_bound(prose: str, tree: ast.Module, code: str) -> Optional[str]:
    """A sentence that asks to raise (or says what is valid) and states numeric bounds, and code that
    compares with neither the upper bound nor one past it (or, when it is not 0, the lower)."""
    if CHECKS_BY_ITSELF.search(code):
        return None
    numbers = None
    sentences: list = []
    for part in re.split(r"(?<=[.;])\s+", prose):
        if sentences and sentences[-1].endswith(";") and re.match(r"(?:anything|everything|any\s+other|all\s+others?|otherwise)\b", part, re.IGNORECASE):
            sentences[-1] += " " + part  # "between 0 and 100 inclusive; anything else must raise": one rule
        else:
            sentences.append(part)
    for sentence in sentences:
        if not RAISE_ASK.search(sentence) and not VALIDITY_ASK.search(sentence):
            continue
        for found in [*BOUNDS.finditer(sentence), *BOUNDS_NOT.finditer(sentence)]:
            low, high = float(found.group("low")), float(found.group("high"))
            if low >= high:
                continue
            if numbers is None:  # and the counts of a regex's repetition ("[0-9]{12,19}"): a length bound checked by the pattern
                numbers = _compared_numbers(tree) | {float(n) for node in nodes_of(tree, ast.Constant) if isinstance(node.value, str)
                                                     for pair in re.findall(r"\{(\d+)(?:,(\d*))?\}", node.value) for n in pair if n}
                if any(re.search(r"(?:\\d|\[[0-9]-9\])(?:\?|\{\d*,?\d+\})", node.value) for node in nodes_of(tree, ast.Constant)
                       if isinstance(node.value, str)):
                    numbers |= {9.0, 99.0, 999.0, 9999.0}  # r"(?:0|[1-9][0-9]?)": a number of at most two digits, 0-99 checked by the pattern
            for bound in (high, low) if low else (high,):
                if not any(abs(n - bound) <= 1 for n in numbers):
                    what = "asks to raise outside" if RAISE_ASK.search(sentence) else "bounds what is valid by"
                    return f"the instruction {what} {found.group('low')}-{found.group('high')} and the code never compares with {found.group('high' if bound == high else 'low')}"
    return None


AT_MOST = literal_gates.compile(r"\b(?:at most|no (?:longer|more) than|not (?:longer|more) than|never (?:longer|more) than|up to)\s+`?(?P<name>[A-Za-z_]\w*)`?\s+(?:characters|chars)\b", re.IGNORECASE)


def _limit_compared_strictly(tree: ast.Module, name: str) -> Optional[str]:
    """``len(line) + len(word) + 1 < width`` for lines of "at most `width` characters": a line of exactly
    ``width`` never forms. Read when every comparison with the limit is strict on its far side and none
    is ``<=`` (or ``>`` the other way round)."""
    strict, inclusive = None, False
    for node in walk_outside_asserts(tree):
        if not isinstance(node, ast.Compare):
            continue
        for x, o, y in oriented_comparisons(node):
            if isinstance(y, ast.Name) and y.id == name and not (isinstance(x, ast.Name) and x.id == name):
                if o in (ast.LtE, ast.Gt):
                    inclusive = True
                elif o is ast.Lt and strict is None and isinstance(x, (ast.BinOp, ast.Call)):
                    strict = node
    return f"{unparsed(strict)[:50]} (line {strict.lineno}) keeps a line of exactly {name} characters out" if strict is not None and not inclusive else None


def _cut_then_extended(tree: ast.Module, name: str) -> Optional[str]:
    """``text[:name] + "..."`` (or ``f"{text[:name]}..."``) in a function whose parameter ``name`` is never reassigned."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        if name not in {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}:
            continue
        if any(n.id == name and not isinstance(n.ctx, ast.Load) for n in nodes_of(function, ast.Name)):
            continue

        def sliced(node, names) -> bool:
            while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("rstrip", "strip", "lstrip"):
                node = node.func.value
            return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and node.slice.lower is None and node.slice.step is None \
                and (isinstance(node.slice.upper, ast.Name) and node.slice.upper.id == name or isinstance(node.value, ast.Name) and node.value.id in names)

        # ``cut = text[:limit]``, then perhaps ``cut = cut[:space]``: a name that only ever holds the cut text, shortened.
        bound = [n for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)]
        cuts: set = set()
        for target in {n.targets[0].id for n in bound}:
            values = [n.value for n in bound if n.targets[0].id == target]
            if any(sliced(v, set()) for v in values) and all(sliced(v, {target}) for v in values):
                cuts.add(target)

        def cut(node) -> bool:
            while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("rstrip", "strip", "lstrip"):
                node = node.func.value
            return sliced(node, set()) or isinstance(node, ast.Name) and node.id in cuts

        marks = {a.arg: d.value for a, d in zip((function.args.posonlyargs + function.args.args)[-len(function.args.defaults):] if function.args.defaults else [], function.args.defaults)
                 if isinstance(d, ast.Constant) and isinstance(d.value, str) and d.value}
        for node in walk(function):
            added = None
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and cut(node.left) and isinstance(node.right, ast.Constant) and isinstance(node.right.value, str):
                added = node.right.value
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and cut(node.left) and isinstance(node.right, ast.Name) and node.right.id in marks:
                added = marks[node.right.id]  # ``ellipsis="..."``, a parameter with a marker for default
            elif isinstance(node, ast.JoinedStr):
                parts = node.values
                for here, after in zip(parts, parts[1:]):
                    if isinstance(here, ast.FormattedValue) and cut(here.value) and isinstance(after, ast.Constant):
                        added = after.value
            if added:
                return f"{unparsed(node)[:50]} (line {node.lineno}) keeps {name} characters and adds {added!r} after them"
    return None


ROUND_ASK = literal_gates.compile(
    r"\brounded (?:off |down |up )?to (?:one|two|three|four|\d+) (?:decimals?|digits?)\b|\brounded to (?:the nearest|a whole|whole)\b|\brounded to cents?\b|"
    r"\bround(?:s|ing)? (?:it |the (?:result|value|answer|average|mean|total)s? )?to (?:one|two|three|\d+) decimal|\bto (?:one|two|three|\d+) decimal places\b",
    re.IGNORECASE,
)
ROUNDING = literal_gates.compile(r"\bround\(|quantize|:[^}\n]*\.\d+[fge%]|%[-+ 0#]*\d*\.\d+[fge]|\bformat\(|ROUND_|\bfloor\b|\bceil\b|\bint\(|//|\btrunc\b")


def _never_rounds(tree: ast.Module) -> Optional[str]:
    return None if ROUNDING.search(unparsed(tree)) else "the code never rounds (no round(), quantize or precision in a format)"


# "at most two decimal places", "up to 2 decimal places": what an input may hold, not what the answer is rounded to.
DECIMALS_ASK = literal_gates.compile(r"\brounded (?:off )?to (?:one|two|three|[1-9]) (?:decimal|dp\b)|(?<!at most )(?<!up to )(?<!no more than )\bto (?:one|two|three|[1-9]) decimal places?\b|"
                          r"(?<!at most )(?<!up to )(?<!no more than )\b(?:one|two|three|[1-9]) (?:decimal places?|dp)\b", re.IGNORECASE)
WHOLE_CALLS = frozenset({"ceil", "floor", "int", "len", "trunc"})


def _whole_where_decimals_asked(tree: ast.Module) -> Optional[str]:
    """The code's one public function answers a whole number (annotated ``-> int``, or every ``return`` a
    ``math.ceil``, ``floor``, ``int``, ``len``, one-argument ``round`` or ``float(a // b)``) where decimals were asked for: the
    answer is another quantity (sticks to buy, not feet of baseboard)."""
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith(("_", "test"))]
    if len(functions) != 1:
        return None
    function = functions[0]
    if any(getattr(n.func, "id", None) == "round" and len(n.args) == 2 for n in nodes_of(function, ast.Call)):
        return None  # round(total, 2) >= threshold: the decimals are a part's, and the answer a count of them
    returns = [n for n in own_scope_nodes(function) if isinstance(n, ast.Return) and n.value is not None]
    def whole(value):
        if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "float" and len(value.args) == 1:
            value = value.args[0]  # ``float(on_time * 100 // count)``: a whole number dressed as a float
            if isinstance(value, ast.BinOp) and isinstance(value.op, ast.FloorDiv):
                return True
        if not isinstance(value, ast.Call):
            return False
        name = value.func.attr if isinstance(value.func, ast.Attribute) else getattr(value.func, "id", None)
        return name in WHOLE_CALLS or (name == "round" and len(value.args) == 1 and not value.keywords)
    if (function.returns is not None and unparsed(function.returns) == "int") or (any(whole(r.value) for r in returns) and all(whole(r.value) or isinstance(r.value, ast.Constant) and isinstance(r.value.value, float) for r in returns)):
        return f"{function.name} answers a whole number (line {function.lineno})"
    return None


TOUCHING_ALLOWED_ASK = literal_gates.compile(
    r"\bhalf-open\b|\bback-to-back\b[^.]{0,80}\b(?:allowed|fine|ok|permitted|do (?:\*\*)?not(?:\*\*)? (?:overlap|conflict|clash)|don't (?:overlap|conflict|clash))\b|"
    r"\bends? (?:exactly )?(?:when|where|at the (?:same )?(?:time|minute|moment))\b[^.]{0,40}\bstarts?\b[^.]{0,40}\b(?:allowed|fine|ok|permitted|not (?:an )?overlap\w*|do not overlap|don't overlap|can share)\b",
    re.IGNORECASE,
)


def _touching_counted_as_overlap(tree: ast.Module) -> Optional[str]:
    """An overlap test ``start <= other.end and other.start <= end``: a start compared with an end by ``<=``/``>=``."""
    spelt = {}  # bs, be = to_minutes(start), to_minutes(end): a short name for what it was made from
    for assign in walk(tree):
        for name, made in names_and_values(assign):
            spelt.setdefault(name, []).append(unparsed(made).lower())

    def says(node, word):
        text = unparsed(node).lower()
        made = spelt.get(text, [])
        return word in text.rsplit(".", 1)[-1] or word in text.rsplit("[", 1)[-1] or (len(made) == 1 and word in made[0])
    for node in nodes_of(tree, ast.BoolOp):
        if isinstance(node.op, ast.And):
            loose = [c for c in node.values if isinstance(c, ast.Compare) and len(c.ops) == 1 and isinstance(c.ops[0], (ast.LtE, ast.GtE))
                     and ((says(c.left, "start") and says(c.comparators[0], "end")) or (says(c.left, "end") and says(c.comparators[0], "start")))]
            if len(loose) == 2:
                return f"its overlap test {unparsed(node)[:60]} (line {node.lineno}) counts intervals that only touch as overlapping"
    return None


# "whose price is between `low` and `high` inclusive", "from 1 to 10 inclusive", "36.1 to 37.2 inclusive is normal",
# "runs from a start date to an end date, both inclusive", "from `start` to `end`, both dates included",
# "every day from `valid_from` through `valid_until`, both days included"
INCLUSIVE_ASK = literal_gates.compile(
    r"\b(?:between|from)\s+(?:(?:a|an|the)\s+)?`?(?P<low>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?(?:\s+(?:date|day|time|index|value))?\s+(?:and|to|through|until|till)\s+"
    r"(?:(?:a|an|the)\s+)?`?(?P<high>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?(?:\s+(?:date|day|time|index|value|seconds|minutes|hours|days|weeks|months|years|km|kg|metres|meters|miles|points|percent))?\s*,?\s*\(?(?:both\s+)?(?:(?:dates|days|ends|values|bounds|limits)\s+)?(?:inclusive|included)\b"
    r"|(?<![\w.])(?P<low_n>-?\d+(?:\.\d+)?)\s*(?:to|-|–)\s*(?P<high_n>-?\d+(?:\.\d+)?)\s*,?\s*\(?(?:both\s+)?(?:inclusive|included)\b",
    re.IGNORECASE,
)


# "Both start and end dates are inclusive", "`start` and `end` are both inclusive", "the end date is inclusive"
NAMED_INCLUSIVE_ASK = literal_gates.compile(
    r"\b(?:both\s+)?`?(?P<low>[A-Za-z_]\w*)`?\s+and\s+`?(?P<high>[A-Za-z_]\w*)`?\s+(?:\w+\s+)?(?:are|being)\s+(?:both\s+)?(?:inclusive|included)\b"
    r"|\bthe\s+`?(?P<one>[A-Za-z_]\w*)`?\s+(?:\w+\s+)?(?:is|being)\s+(?:also\s+)?(?:inclusive|included)\b"
    r"|\b(?:including|counting|include|count)\s+both\s+(?:the\s+)?`?(?P<low2>[A-Za-z_]\w*)`?\s+(?:date\s+|day\s+)?and\s+(?:the\s+)?`?(?P<high2>[A-Za-z_]\w*)`?",
    re.IGNORECASE,
)


# "Both limits are inclusive, so a reading equal to `low` or `high` is in spec": the function's own pair of bounds.
BOTH_LIMITS_INCLUSIVE_ASK = literal_gates.compile(r"\bboth\s+(?:limits|bounds|ends|endpoints|boundaries)\s+(?:are\s+)?(?:inclusive|included)\b", re.IGNORECASE)
BOUND_PAIRS = (("low", "high"), ("lo", "hi"), ("lower", "upper"), ("min_value", "max_value"), ("minimum", "maximum"), ("start", "end"), ("min_val", "max_val"))


# "`start` is inclusive and `end` is exclusive", "the end date is exclusive": a bound left out.
NAMED_EXCLUSIVE_ASK = literal_gates.compile(r"(?<![\w`])`?(?P<name>[A-Za-z_]\w*)`?\s+(?:\w+\s+)?(?:is|being)\s+(?:also\s+)?exclusive\b", re.IGNORECASE)


# "the half-open window `[start, end)`": the second bound is left out.
HALF_OPEN_ASK = literal_gates.compile(r"\[\s*`?[A-Za-z_]\w*`?\s*,\s*`?(?P<name>[A-Za-z_]\w*)`?\s*\)")


# "in house from their check-in date up to but NOT including their check-out date": the same, in words.
UP_TO_EXCLUDING_ASK = literal_gates.compile(r"\bup\s+to\s+(?:but\s+)?not\s+including\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+)?`?(?P<name>[A-Za-z_][\w-]*)`?", re.IGNORECASE)


OTHER_BOUND = literal_gates.compile(r"start|begin|low|^lo$|min|^from|first|open|check_?in|since", re.IGNORECASE)


def _includes_an_excluded_bound(tree: ast.Module, name: str) -> Optional[str]:
    """Every comparison with ``name`` takes it in (``day <= end``), none leaves it out (``<``, ``>``, nor
    ``day >= end``, its complement); a slot's computed end (``t + duration <= end``) is not read; a
    comparison of the two bounds (``if end <= start: return 0``) guards the input, it places no item."""
    inclusive = None
    for node in nodes_of(tree, ast.Compare):
        sides = [node.left] + node.comparators
        for left, op, right in zip(sides, node.ops, sides[1:]):
            if not any(isinstance(side, ast.Name) and side.id == name for side in (left, right)):
                continue
            if any(isinstance(side, ast.Name) and side.id != name and OTHER_BOUND.search(side.id) for side in (left, right)):
                continue
            other = left if isinstance(right, ast.Name) and right.id == name else right
            if isinstance(other, ast.BinOp) and isinstance(other.op, ast.Add):
                continue  # t + duration <= end: a slot's own end fits, not a point taken in
            below = other is left  # x <= end, read with the bound on the right
            if isinstance(op, (ast.Lt, ast.Gt)) or isinstance(op, ast.GtE if below else ast.LtE):
                return None  # x < end, or x >= end: the bound left out
            if inclusive is None:
                inclusive = node
    return f"its comparison {unparsed(inclusive)[:60]} (line {inclusive.lineno}) takes {name} in" if inclusive is not None else None


# "whose time falls within [start, end]": a closed interval, both ends in.
CLOSED_INTERVAL_ASK = literal_gates.compile(r"\b(?:within|in|inside)\s+\[\s*`?(?P<low>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?\s*,\s*`?(?P<high>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?\s*\]", re.IGNORECASE)


def _excludes_a_bound(tree: ast.Module, low: str, high: str) -> Optional[str]:
    """Every comparison with ``low``, or every one with ``high``, is strict the way that leaves that bound
    out (``low < x``; ``x < high``, ``range(low, high)``), and none with it (nor ``range(low, high + 1)``)
    lets it in: ``start <= d < end`` leaves ``end`` out, and so does ``range((end - start).days)``. A guard that raises (``if n < 1: raise``) says what is
    refused, not what is kept, and is not read, unless it refuses what its negated test keeps (``if not 0 <= n <= 6: raise``)."""
    def names(node, bound):
        if bound[0].isdigit() or bound[0] == "-":
            value = constant_value(node)
            return value is not None and value == float(bound)
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
            node = node.func.value  # end.toordinal(), end.timestamp(): the same bound
        return isinstance(node, ast.Name) and (node.id == bound or node.id in converted.get(bound, ()))
    converted: dict = {}  # stop = date.fromisoformat(end): the bound, converted
    for node in walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Call):
            for bound in (low, high):
                if any(n.id == bound for n in nodes_of(node.value, ast.Name)):
                    converted.setdefault(bound, set()).add(node.targets[0].id)
    strict = {"low": [], "high": []}
    loose = {"low": [], "high": []}
    rebound = any(isinstance(n, (ast.Name)) and n.id == high and isinstance(n.ctx, ast.Store) or isinstance(n, ast.AugAssign) and getattr(n.target, "id", None) == high
                  for n in walk(tree))  # end += 1 before range(start, end)
    # ``if n < 1: raise ValueError``: what a guard refuses, so the bound it compares strictly with is let in
    # (``if not 0 <= x <= 6: raise`` names what is kept, and is read)
    refusing = {id(c) for n in nodes_of(tree, ast.If) if n.body and isinstance(n.body[0], ast.Raise)
                and not (isinstance(n.test, ast.UnaryOp) and isinstance(n.test.op, ast.Not)) for c in walk(n.test)}

    def span(node) -> bool:  # (end - start).days, or a name bound to it: the days from low up to, not through, high
        if isinstance(node, ast.Name):
            return node.id in spans
        return (isinstance(node, ast.Attribute) and node.attr == "days" and isinstance(node.value, ast.BinOp) and isinstance(node.value.op, ast.Sub)
                and names(node.value.left, high) and names(node.value.right, low))
    spans: set = set()
    spans.update(n.targets[0].id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and span(n.value))
    for node in walk(tree):
        if isinstance(node, ast.Compare) and id(node) in refusing:
            continue
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range" and node.args and span(node.args[-1]) and len(node.args) <= 2:
            strict["high"].append(node)  # range((end - start).days): the last day is left out
            continue
        if isinstance(node, ast.Compare):
            for a, o, b in oriented_comparisons(node):
                for bound, side in ((low, "low"), (high, "high")):
                    below = names(a, bound) if side == "low" else names(b, bound)  # low <= x, x <= high
                    if below and o in (ast.Lt, ast.LtE):
                        (strict if o is ast.Lt else loose)[side].append(node)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range" and len(node.args) >= 2 and names(node.args[1], high) and not rebound:
            strict["high"].append(node)  # range(low, high): the stop is left out
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("range", "bisect_right", "bisect_left", "min", "max", "clamp"):
            loose["low"].append(node)
            loose["high"].append(node)
    for side in ("low", "high"):
        if strict[side] and not loose[side]:
            node = strict[side][0]
            return f"its comparison {unparsed(node)[:60]} (line {node.lineno}) leaves the bound out"
    return None


# "1.50 for every started kilogram", "partial hours are billed as full hours", "rounded up to the next whole"
STARTED_UNIT_ASK = literal_gates.compile(
    r"\b(?:every|each|any|per)\s+(?:(?:additional|extra|further|subsequent)\s+)?(?:started|begun|commenced|partial|part of an?|fraction of an?|fractional)\s+(?:[\w-]+\s+)?(?:kilo\w*|kg|hours?|minutes?|days?|units?|km|miles?|blocks?|gb|mb|pages?|weeks?|months?|kilometres?|kilometers?|periods?|nights?|intervals?)\b|"
    r"\b(?:or|and)\s+(?:any\s+)?(?:part|fraction)\s+(?:thereof|of\s+(?:an?|one)\s+(?:kilo\w*|kg|hours?|minutes?|days?|units?|km|miles?|blocks?|weeks?|months?|periods?|nights?))\b|"
    r"\bpartial\s+\w+s?\s+(?:count|counts|are charged|is charged|are billed|is billed)\s+as\s+(?:a\s+)?(?:full|whole)\b|"
    r"\bpart(?:ly|ially)?[- ]?(?:filled|full|used|loaded)\s+\w+\s+(?:still\s+)?(?:needs?|counts?|takes?|requires?|uses?)\b",  # "a partly filled pallet still needs its own"
    re.IGNORECASE,
)


def _rounds_up(node: ast.AST) -> bool:
    """``ceil``, ``-(-a // b)``, ``(a + b - 1) // b`` or a remainder test: something that takes a fraction up."""
    name = getattr(node.func, "attr", None) or getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
    return name == "ceil" or isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) \
        or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, (ast.BinOp, ast.UnaryOp)) \
        or _ceiling_division(node)


def _ceiling_division(node: ast.AST) -> bool:
    """``(days + 6) // 7``, ``(n + size - 1) // size``: one less than the divisor added before a floor division."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv) and isinstance(node.left, ast.BinOp) and isinstance(node.left.op, ast.Add)):
        return False
    added, divisor = node.left.right, node.right
    if constant_value(added) is not None and constant_value(divisor) is not None:
        return constant_value(added) == constant_value(divisor) - 1
    return isinstance(added, ast.BinOp) and isinstance(added.op, ast.Sub) and constant_value(added.right) == 1 and unparsed(added.left) == unparsed(divisor)


def _rounds_down_only(tree: ast.Module) -> Optional[str]:
    """``math.floor``, ``int()`` or ``//`` and nothing that rounds up: no ``ceil``, no ``-(-a // b)``, no remainder test."""
    down = None
    for node in walk(tree):
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
        if _rounds_up(node):
            return None
        if down is None and (name in ("floor", "int", "trunc") or isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv)):
            down = node
    return f"it rounds down ({unparsed(down)[:50]}, line {down.lineno}) and never up" if down is not None else None


# "round *up* to whole minutes", "rounded up to the next whole number" (not "halves round up": that is half-up rounding;
# nor "truncated, never rounded up").
# A clause runs from its sentence's start (across a parenthesis: "halfway cases (such as 21.25) rounded up" is about
# halves) or from an opening parenthesis to its close ("(partial hours are rounded up)"); "299.9 s rounds up to 5:00"
# is a worked value, not the rule.
ROUND_UP_ASK = literal_gates.compile(r"(?:(?:^|(?<=[;!?])|(?<=\.)(?=\s))(?:(?!hal[fv]|\.5\b|\b0\.5\b|\.\s)[^;!?])*?|(?<=\()(?:(?!hal[fv]|\.5\b|\b0\.5\b)[^;!?()])*?)(?<!never )(?<!not )(?<!n't )(?<!never be )(?<!not be )\bround(?:ed|s|ing)?\s+up\b(?!\s+(?:at|from)\s+(?:the\s+)?(?:half|\.5|0\.5))(?!\s+to\s+[$\u20ac\u00a3\x22\x27`]?\d)", re.IGNORECASE)


def _divides_without_rounding_up(tree: ast.Module) -> Optional[str]:
    """``billable / BLOCK_MINUTES * BLOCK_PRICE``: a true division by the unit and nothing rounding anywhere, so a
    started unit is charged as the fraction of it that was used."""
    if any(_rounds_up(n) or isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv) for n in walk(tree)):
        return None
    division = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div)
                     and isinstance(n.right, ast.Name) and n.right.id.isupper()), None)  # by a named unit: ``/ BLOCK_MINUTES``
    return f"it divides by the unit ({unparsed(division)[:50]}, line {division.lineno}) and never rounds up, so a started one counts as a fraction" if division else None


def _rounds_to_nearest_or_down(tree: ast.Module) -> Optional[str]:
    """``round(x)``, ``int()``, ``floor`` or ``//`` and nothing that rounds up (no ``ceil``, ``-(-a // b)``,
    remainder test, ``ROUND_UP``/``ROUND_CEILING``)."""
    text = unparsed(tree)
    if "ROUND_UP" in text or "ROUND_CEILING" in text:
        return None
    found = _rounds_down_only(tree)
    if found is None and not any(getattr(n.func, "id", None) == "round" for n in nodes_of(tree, ast.Call)):
        return _divides_without_rounding_up(tree)
    for node in walk(tree):
        if _rounds_up(node):
            return None
        if isinstance(node, ast.Call) and (getattr(node.func, "attr", None) or getattr(node.func, "id", None)) == "round" and len(node.args) == 1:
            return f"it rounds to the nearest ({unparsed(node)[:50]}, line {node.lineno}), not up"
    return found or _divides_without_rounding_up(tree)


OVERLAP_ASK = literal_gates.compile(r"\boverlap\w*|\bconflict\w*|\bclash\w*|\bdouble[- ]book\w*|\bintersect(?:s|ing)?\b", re.IGNORECASE)


def _one_side_inside(tree: ast.Module) -> Optional[str]:
    """``start <= s < end or start < e <= end``: both endpoints of one interval tested inside the same
    other one, so an interval that contains it whole is missed (``s < end and start < e`` is the test)."""
    for node in nodes_of(tree, ast.BoolOp):
        if not isinstance(node.op, ast.Or):
            continue
        chains = [c for c in node.values if isinstance(c, ast.Compare) and len(c.ops) == 2 and all(isinstance(op, (ast.Lt, ast.LtE)) for op in c.ops)]
        outer = {(ast.dump(c.left), ast.dump(c.comparators[1])) for c in chains}
        middles = {ast.dump(c.comparators[0]) for c in chains}
        if len(chains) == len(node.values) == 2 and len(outer) == 1 and len(middles) == 2:
            return f"its overlap test {unparsed(node)[:70]} (line {node.lineno}) only asks whether an end falls inside the other interval, and misses one that contains it"
    return None


# "A (90 and above)", "up to and including 5 kg": a bound the instruction gives as included, compared strictly.
STATED_INCLUSIVE = (
    literal_gates.compile(r"\(\s*(?P<above>\d+(?:\.\d+)?)\s*%?\s+(?:and|or)\s+(?:above|over|higher|up)\s*\)|\bup\s+to\s+and\s+including\s+[£$€]?(?P<upto>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\b", re.IGNORECASE),
    # "a single SMS holds up to 160 characters"
    literal_gates.compile(r"(?<![\d.]\s)(?<!\bround\s)(?<!\brounds\s)(?<!\brounded\s)(?<!\brounding\s)\bup\s+to\s+(?P<upto>\d+(?:\.\d+)?)\s+(?:characters|chars|items|bytes|digits|letters|words|guests|people|seats|units|entries|lines|kg|km|miles|minutes|hours|days|weeks)\b", re.IGNORECASE),  # not a tier's "25 up to 30", nor "rounds up to 60 minutes"
    # "80-89 is B", "'B' (80-89)": a range's lower end belongs to it (not "play 19:00–20:30", two clock times)
    literal_gates.compile(r"(?<![\d.:])(?P<above>\d+(?:\.\d+)?)\s*[-–]\s*\d+(?:\.\d+)?(?:\s+(?:is|are|gets?|earns?)\b|\s*(?:->|→|\)|:(?!\d)))", re.IGNORECASE),
    # "only if the subtotal is at least min_spend", "at least 18", "no less than 3"
    literal_gates.compile(r"\b(?:at\s+least|no\s+(?:less|fewer)\s+than|not\s+(?:less|fewer)\s+than)\s+\$?`?(?P<above>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z_]\w*)`?", re.IGNORECASE),
    # "seniors aged 65 and over", "absent on 3 or more consecutive days", "'A' (90+)", "5 years or more",
    # "'elite' at $5,000 or more"
    literal_gates.compile(r"(?<![\d.,])(?P<above>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*%?\s+(?:(?!(?:and|or)\b)[A-Za-z]+\s+)?(?:and|or)\s+(?:above|over|older|more|higher|greater)\b(?!\s+than\b)"
               r"|(?<![\d.])(?P<above_plus>\d+(?:\.\d+)?)\+(?![\d+])", re.IGNORECASE),
    # "restock at or below 20% of capacity", "at or above 90", "3 or fewer seats left", "5% or less"
    literal_gates.compile(r"\bat\s+or\s+(?:below|under)\s+\$?(?P<upto>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])|\bat\s+or\s+(?:above|over)\s+\$?(?P<above>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.])"
               r"|(?<![\d.,])(?P<upto_n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*%?\s+(?:(?!(?:and|or)\b)[A-Za-z]+\s+)?(?:and|or)\s+(?:below|under|less|fewer|lower)\b(?!\s+than\b)", re.IGNORECASE),
    # "the next review on or after `today`", "usable up to and including its expiry date", "filed no later than `deadline`"
    literal_gates.compile(r"\b(?:on|at)\s+or\s+after\s+(?P<above_words>`?[A-Za-z_]\w*`?(?:\s+[a-z]+)?)"
               r"|\b(?:(?:on|at)\s+or\s+before|no\s+later\s+than|up\s+to\s+and\s+including)\s+(?P<upto_words>`?[A-Za-z_]\w*`?(?:\s+[a-z]+)?(?:\s+[a-z]+)?)", re.IGNORECASE),
)

# Words that only lead up to the name of a date or a bound: "its expiry date" names the expiry.
LEADING_WORDS = frozenset({"the", "its", "their", "his", "her", "a", "an", "this", "that", "each", "our", "your"})


def _named_parameter(words: str, parameters: set) -> Optional[str]:
    """The one parameter a phrase names: ```today```, "its expiry date" for ``expires_on``, "the due date" for
    ``due``; None where no parameter or more than one fits."""
    words = words.replace("`", "")
    if words.split()[0] in parameters:
        return words.split()[0]
    named = [w for w in words.lower().split() if w not in LEADING_WORDS][:1]
    if not named or len(named[0]) < 3:
        return None
    stem = named[0][:4]
    fits = [p for p in parameters if p.lower().split("_")[0][:4] == stem and (len(stem) >= 4 or p.lower().split("_")[0] == named[0])]
    return fits[0] if len(fits) == 1 else None


def _bound_names(tree: ast.Module) -> dict:
    """Names that stand for one number: a parameter's default (``threshold=65``) or a name bound once to a
    number (``LIMIT = 5000``), so ``age > threshold`` compares with 65."""
    values = {name: constant_value(value) for name, value in values_bound_once(tree).items()}
    stores = store_counts(tree)
    for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        named = node.args.posonlyargs + node.args.args
        pairs = list(zip(named[len(named) - len(node.args.defaults):], node.args.defaults)) + list(zip(node.args.kwonlyargs, node.args.kw_defaults))
        values.update((arg.arg, constant_value(default)) for arg, default in pairs if default is not None and stores[arg.arg] == 0)
    return {name: value for name, value in values.items() if value is not None}


def _spelled_bound(spelled: str, parameters: set):
    """The bound a phrase names: a number ("5,000" is 5000.0) or a parameter's name; None for another word
    ("at least one", "more than a day")."""
    if re.match(r"\d", spelled):
        return float(spelled.replace(",", ""))
    return spelled if spelled in parameters else None


def _is_bound(node: ast.AST, bound, named: dict) -> bool:
    """``node`` is the bound: the parameter itself, the number, or a name bound to the number (``threshold=65``)."""
    if isinstance(bound, str):
        return isinstance(node, ast.Name) and node.id == bound
    value = named.get(node.id) if isinstance(node, ast.Name) else constant_value(node)
    return value in bound if isinstance(bound, tuple) else value == bound


def _comparisons_with(tree: ast.Module, bound, named: dict):
    """Each comparison of the code (asserts aside) with the bound, as ``(node, op)`` read as ``x op bound``:
    ``90 < score`` is ``score > 90``."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Compare):
            for x, op, y in oriented_comparisons(node):
                if _is_bound(y, bound, named) and not _is_bound(x, bound, named):
                    yield node, op


def _tests_of_loops_that_step_first(tree: ast.Module) -> set:
    """The ids of ``while current < delivered`` tests whose body first steps the variable (``current += day``):
    the body then sees the bound itself, so the loop counts up to and including it."""
    found = set()
    for loop in nodes_of(tree, ast.While):
        if isinstance(loop.test, ast.Compare) and loop.body:
            first = loop.body[0]
            stepped = (first.target if isinstance(first, ast.AugAssign) else first.targets[0] if isinstance(first, ast.Assign) and len(first.targets) == 1 else None)
            if isinstance(stepped, ast.Name) and any(isinstance(side, ast.Name) and side.id == stepped.id for side in [loop.test.left, *loop.test.comparators]):
                found.add(id(loop.test))
    return found


def _stated_bound_compared_strictly(prose: str, tree: ast.Module) -> Optional[str]:
    """``score > 90`` for "A (90 and above)", ``weight < 5`` for "up to and including 5 kg", and no ``>=``
    nor ``<=`` with that number anywhere."""
    parameters, named = parameter_names(tree), _bound_names(tree)
    stepped_first = _tests_of_loops_that_step_first(tree)
    for match in (m for pattern in STATED_INCLUSIVE for m in pattern.finditer(prose)):
        groups = match.groupdict()
        if groups.get("above_words") or groups.get("upto_words"):
            if re.match(r"\s*[-+]\s*\d", prose[match.end("above_words" if groups.get("above_words") else "upto_words"):]):
                continue  # "up to and including `today + 30 days`": a bound worked out from the parameter, not the parameter
            parameter = _named_parameter(groups.get("above_words") or groups["upto_words"], parameters)
            if parameter is None:
                continue
            groups = {"above": parameter} if groups.get("above_words") else {"upto": parameter}
        if groups.get("upto_n"):
            groups["upto"] = groups["upto_n"]
        above = groups.get("above") or groups.get("above_plus")
        bound = _spelled_bound(above or groups.get("upto"), parameters)
        if bound is None:
            continue
        number_end = next((match.end(g) for g in ("above", "upto", "upto_n", "above_plus") if match.groupdict().get(g)), match.end())
        if isinstance(bound, float) and re.match(r"\s*(?:%|percent\b)", prose[number_end:]):
            bound = (bound, bound / 100)  # "20%": compared as 20 or as 0.2
        strict, inclusive = None, False
        for node, op in _comparisons_with(tree, bound, named):
            if op in (ast.LtE, ast.GtE, ast.Eq) or id(node) in stepped_first:  # len(buffer) == window: the bound itself is taken
                inclusive = True
            # x > 90 leaves 90 out below; x < 5 leaves 5 out above
            if strict is None and (above and op is ast.Gt or groups.get("upto") and op is ast.Lt):
                strict = node
        if strict is not None and not inclusive and not (isinstance(bound, str) and _taken_itself(tree, bound)):
            return f"the instruction includes {match.group(0)!r} and {unparsed(strict)[:40]} (line {strict.lineno}) leaves {above or groups.get('upto')} out"
    return None


def _taken_itself(tree: ast.Module, name: str) -> bool:
    """The bound's own value is put among the candidates (``{earliest} | {end for end in ends if end > earliest}``,
    ``max(start, earliest)``): a strict comparison that picks the others leaves nothing out."""
    return any(isinstance(e, ast.Name) and e.id == name for n in nodes_of(tree, (ast.Set, ast.List, ast.Tuple)) for e in n.elts) or any(
        getattr(n.func, "id", None) in ("max", "min") and any(isinstance(a, ast.Name) and a.id == name for a in n.args) for n in nodes_of(tree, ast.Call))


# "late if it arrives more than `grace` minutes after", "more than 30 days": the bound itself is not in.
# A bound is a whole number or name: "shorter than `today.day`" bounds by the day, not by `today`.
STATED_EXCLUSIVE = literal_gates.compile(r"(?<!\bor\s)\b(?:more|greater|longer|later|higher)\s+than\s+\$?`?(?P<bound>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z_]\w*)(?!\w|\.\w)`?(?!\s*(?:or|and)\s+(?:equal|more|at))", re.IGNORECASE)


# "fewer than 30 rated games", "less than `minimum`", "under 18", "below 2300": the bound itself is not in
# (not "at or below 5", "equal to or less than 5").
STATED_EXCLUSIVE_BELOW = literal_gates.compile(r"(?<!\bor\s)\b(?:(?:fewer|less|lower|shorter|smaller|earlier)\s+than\s+\$?`?(?P<bound>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[A-Za-z_]\w*)(?!\w|\.\w)`?"
                                    r"|(?:under|below)\s+\$?(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?))(?!\s*%?\s*(?:or|and)\s+(?:equal|less|fewer|below|under|lower|at))", re.IGNORECASE)


GROWING_CALLS = frozenset({"append", "add", "insert", "extend", "appendleft", "put"})


def _tests_of_guards_before_growth(tree: ast.Module) -> set:
    """The ids of ``if self._count >= 9999: raise ...`` tests that guard a step of what they compare, taken
    after them in the same block (``self._count += 1``, ``items.append(x)`` after ``len(items) >= cap``):
    the count compared is the one before the step, so ``>= 9999`` refuses the 10,000th, "more than 9999"."""
    found = set()
    for block in (getattr(node, field, None) for node in walk(tree) for field in ("body", "orelse")):
        if not isinstance(block, list):
            continue
        for index, guard in enumerate(block):
            if not (isinstance(guard, ast.If) and isinstance(guard.test, ast.Compare) and guard.body
                    and isinstance(guard.body[-1], (ast.Raise, ast.Return, ast.Continue, ast.Break))):
                continue
            compared = {unparsed(side.args[0] if isinstance(side, ast.Call) and unparsed(side.func) == "len" and side.args else side)
                        for side in [guard.test.left, *guard.test.comparators]}
            for later in block[index + 1:]:
                grown = [unparsed(n.target) for n in nodes_of(later, ast.AugAssign) if isinstance(n.op, ast.Add)]
                grown += [unparsed(n.func.value) for n in nodes_of(later, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr in GROWING_CALLS]
                if compared & set(grown):
                    found.add(id(guard.test))
                    break
    return found


def _tests_of_whole_answers(tree: ast.Module) -> set:
    """The ids of ``if len(counts) <= k: return sum(counts), 0`` tests: with exactly ``k`` items the whole list is
    the one stretch of ``k``, so answering from all of it is right on either side of "fewer than `k`"."""
    found = set()
    for guard in nodes_of(tree, ast.If):
        test = guard.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and guard.body and isinstance(guard.body[-1], ast.Return)
                and guard.body[-1].value is not None):
            continue
        sized = test.left if isinstance(test.ops[0], ast.LtE) else test.comparators[0] if isinstance(test.ops[0], ast.GtE) else None
        if not (isinstance(sized, ast.Call) and getattr(sized.func, "id", None) == "len" and len(sized.args) == 1 and isinstance(sized.args[0], ast.Name)):
            continue
        collection = sized.args[0].id
        sliced = {id(n.value) for n in nodes_of(guard.body[-1], ast.Subscript)}
        if any(n.id == collection and id(n) not in sliced for n in nodes_of(guard.body[-1].value, ast.Name)):
            found.add(id(test))
    return found


def _stated_exclusive_compared_inclusively(prose: str, tree: ast.Module) -> Optional[str]:
    """``late >= grace`` for "more than `grace` minutes late", and no ``> grace`` nor ``<= grace`` (its complement)
    anywhere: the bound itself is counted; and below, ``games <= 30`` for "fewer than 30 games" with no ``< 30``
    nor ``>= 30``."""
    parameters, named = parameter_names(tree), _bound_names(tree)
    asks = [(m, (ast.Gt, ast.LtE), ast.GtE) for m in STATED_EXCLUSIVE.finditer(prose)]
    asks += [(m, (ast.Lt, ast.GtE), ast.LtE) for m in STATED_EXCLUSIVE_BELOW.finditer(prose)]
    guards = _tests_of_guards_before_growth(tree) if asks else set()
    whole = _tests_of_whole_answers(tree) if asks else set()
    for match, excluding, including in asks:
        spelled = match.group("bound") or match.groupdict().get("number")
        bound = _spelled_bound(spelled, parameters)
        if bound is None or negated(prose, match.start()):
            continue
        taken, excluded = None, False
        for node, op in _comparisons_with(tree, bound, named):
            if op in excluding or id(node) in guards:
                excluded = True
            elif op is including and taken is None and id(node) not in whole:
                taken = node
        if taken is not None and not excluded:
            return f"the instruction says {match.group(0)!r} and {unparsed(taken)[:60]} (line {taken.lineno}) counts {spelled} itself"
    return None


# "up to and including 1 kg costs 4.99": a tier's bound belongs to it.
UP_TO_INCLUDING_ASK = literal_gates.compile(r"\bup\s+to\s+and\s+including\b(?!\s+the\s+day\s+before\b)(?!\s+`?[A-Za-z_]\w*`?\s*[-+]\s*\d)|\bat\s+most\s+\d+(?:\.\d+)?\s*(?:kg|g|km|m|items?|units?|points?|%)?\s*(?:costs?|gets?|is|are|pays?)\b", re.IGNORECASE)
# "'A' (90 and above)", "senior (65 and over)", a table's "| 2200 and up | Master |", "category 1 from 119 km/h, 2 from
# 154 ... (each threshold inclusive)": the top tier starts at its bound, which belongs to it.
FROM_BOUND_UP_ASK = literal_gates.compile(r"\(\s*\d+(?:\.\d+)?\s*%?\s+(?:and|or)\s+(?:above|over|higher|up|more)\s*\)|\b(?:each|every|all)\s+thresholds?\s+(?:is\s+|are\s+)?inclusive\b"
                               r"|(?:^|\|)[ \t]*\d+(?:\.\d+)?[ \t]*%?[ \t]+(?:and|or)[ \t]+(?:above|over|higher|up|more)[ \t]*\|", re.IGNORECASE | re.MULTILINE)
WEEKDAY_CALLS = frozenset({"weekday", "isoweekday"})  # ``day.weekday() < 5``: a day of the week, not a tier's bound


def _module_level_numbers(tree: ast.Module) -> Set[str]:
    """Names the module binds once to a number (``LIMIT = 5``, ``REJECT_ABOVE = Decimal("20")``): in a comparison
    they are the bound, as a number written in place would be."""
    once = values_bound_once(tree)
    numbers = set()
    for statement in tree.body:
        if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)):
            continue
        value = statement.value
        if isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("Decimal", "float", "int") and len(value.args) == 1 and not value.keywords:
            value = value.args[0]
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                value = ast.Constant(0)  # Decimal("20"): a number spelt as text
        if statement.targets[0].id in once and constant_value(value) is not None:
            numbers.add(statement.targets[0].id)
    return numbers


def _tiers_exclude_their_bound(tree: ast.Module, upward: bool = False) -> Optional[str]:
    """Every upper bound of the code is strict (``weight < limit``), none is ``<=``: a weight at a tier's
    bound falls into the next tier. Comparisons with 0 (a check that the input is positive) aside, and
    with a value moved by a step (``cutoff = today - timedelta(days=7)``), whose own step decides, and
    with a day of the week, and a position that bisect found. ``upward``: the tiers are named by where they start ("90 and above"), so a
    strict lower bound (``score > 90``) is what leaves the bound out, and ``age < 65`` for the tier below
    is right."""
    strict, inclusive = [], False
    guards = {id(n.test) for n in nodes_of(tree, ast.If) if len(n.body) == 1 and isinstance(n.body[0], ast.Raise)}
    exits = {id(n.test) for n in nodes_of(tree, ast.If) if n.body and isinstance(n.body[-1], (ast.Break, ast.Continue))
             and not n.orelse}  # "if current > end: break": the bound itself still runs (a return gives the tier's own answer)
    shifted = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.BinOp) and isinstance(n.value.op, (ast.Add, ast.Sub))
               for t in n.targets if isinstance(t, ast.Name)}  # cutoff = today - timedelta(days=7): "placed < cutoff" is "today >= placed + 8"
    stepped_first = _tests_of_loops_that_step_first(tree)
    positions = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call)
                 and "bisect" in (getattr(n.value.func, "id", None) or getattr(n.value.func, "attr", "")) for t in n.targets if isinstance(t, ast.Name)}
    named_bounds = _module_level_numbers(tree)

    def fixed(side: ast.expr) -> bool:  # 5, or SURCHARGE_FROM = Decimal("5") at the top: the side that is the bound
        return isinstance(side, ast.Constant) or isinstance(side, ast.Name) and side.id in named_bounds
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.UnaryOp) and id(node) in guards:
            guards.add(id(node.operand))
        if not isinstance(node, ast.Compare) or id(node) in guards:
            continue  # "if not 0 <= score <= 100: raise ...": the input's range, not a tier's bound
        sides = [node.left] + node.comparators
        if any(isinstance(side, ast.Name) and side.id in positions for side in sides):
            continue  # i = bisect_left(limits, loa); i < len(BANDS): the position found, checked against the table's end
        for left, op, right in zip(sides, node.ops, sides[1:]):
            if any(constant_value(side) == 0 or isinstance(side, ast.Name) and side.id in shifted
                   or isinstance(side, ast.BinOp) and isinstance(side.op, (ast.Add, ast.Sub))
                   or isinstance(side, ast.Call) and getattr(side.func, "attr", None) in WEEKDAY_CALLS for side in (left, right)):
                continue  # a bound moved by a step: whether < or <= is right depends on the step
            if isinstance(op, (ast.LtE, ast.GtE)):
                inclusive = True
            elif id(node) in exits or id(node) in stepped_first:  # while current < end: current += day; ...: the body sees end
                inclusive = True
            elif upward and isinstance(op, (ast.Lt, ast.Gt)):
                if isinstance(op, ast.Gt) != fixed(left):
                    strict.append(node)  # score > 90, 90 < score: the top tier starts above its bound
                else:
                    inclusive = True  # age < 65: the tier below ends before the bound, which goes up
            elif isinstance(op, ast.Lt) and not fixed(left) or isinstance(op, ast.Gt) and not fixed(right):
                strict.append(node)
            elif isinstance(op, (ast.Lt, ast.Gt)):
                inclusive = True  # 20 < weight: above the bound, the bound itself below
    return None if inclusive or not strict else f"its comparison {unparsed(strict[0])[:50]} (line {strict[0].lineno}) leaves the bound to the next tier"


def _top_tier_excludes_its_bound(tree: ast.Module) -> Optional[str]:
    return _tiers_exclude_their_bound(tree, upward=True)


# "rounded to the nearest 5 minutes", "round totals to the nearest 5 cents" (not "rounded down to the nearest").
NEAREST_ASK = literal_gates.compile(r"\bround\w*(?!\s+(?:down|up)\b)\b[^.;]{0,40}?\bto\s+the\s+nearest\b|(?<!down to the )(?<!up to the )\bnearest\s+(?:multiple|whole|\d+|five|ten|quarter|half|cent|dollar|minute|hour)", re.IGNORECASE)


def _truncates_instead(tree: ast.Module) -> Optional[str]:
    """A product or quotient cut down (``minutes // 5``, ``int(amount * 20)``, ``floor(x / 5)``) with nothing
    added before the cut (``+ 0.5``, ``+ size // 2``) and nothing in the code that rounds to a whole:
    no ``round(x)`` (``round(v, 2)`` only tidies the digits), ``floor(x + 0.5)``, ``quantize``, ``ROUND_*``, ``ceil``,
    ``divmod`` or remainder."""
    def cut_arithmetic(node):
        return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Div, ast.FloorDiv)) and not any(
            isinstance(n.op, (ast.Add, ast.Sub)) for n in nodes_of(node, ast.BinOp))
    cut = None
    added = {id(n) for add in nodes_of(tree, ast.BinOp) if isinstance(add.op, (ast.Add, ast.Sub)) for n in walk(add)}  # x + m // 2: the half added
    for node in walk_outside_asserts(tree):
        name = (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) if isinstance(node, ast.Call) else None
        if name in ("floor", "int") and node.args and isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].op, ast.Add) \
                and constant_value(node.args[0].right) == 0.5:
            return None  # floor(x / 1000 + 0.5): to the nearest, halves up
        if name == "round" and (len(node.args) == 1 or len(node.args) > 1 and (constant_value(node.args[1]) or 0) <= 0) or name in ("quantize", "ceil", "divmod") \
                or isinstance(node, (ast.Name, ast.Attribute)) and (getattr(node, "id", None) or getattr(node, "attr", "")).startswith("ROUND_") \
                or isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            return None
        if cut is None and id(node) not in added and (name in ("int", "floor", "trunc") and node.args and cut_arithmetic(node.args[0]) or isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv)
                            and not any(isinstance(n.op, (ast.Add, ast.Sub)) for n in nodes_of(node.left, ast.BinOp))):
            cut = node
    return f"{unparsed(cut)[:40]} (line {cut.lineno}) cuts down, never up: halfway and above land on the lower step" if cut is not None else None


def _counted(side: ast.expr) -> bool:
    """``Counter(a)`` (or a sum or difference that starts with one): its subtraction keeps only positive counts."""
    return (isinstance(side, ast.Call) and (getattr(side.func, "id", None) or getattr(side.func, "attr", None)) == "Counter"
            or isinstance(side, ast.BinOp) and _counted(side.left))


def _first_subtraction(tree: ast.Module) -> Optional[ast.AST]:
    """The code's first subtraction that can go below zero (not a Counter's, which is floored at zero already)."""
    return next((n for n in walk_outside_asserts(tree) if isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.Sub)
                 and not (isinstance(n, ast.BinOp) and _counted(n.left))), None)


# "every delivery beyond the first 50 earns a bonus": the excess is nothing below the threshold.
EXCESS_ASK = literal_gates.compile(r"\b(?:beyond|past|over|above|after|in excess of)\s+(?:the\s+)?first\s+\d+", re.IGNORECASE)


def _excess_never_checked(tree: ast.Module) -> Optional[str]:
    """A subtraction (``deliveries - 50``) in code with no comparison, ``max``, ``min`` or conditional at
    all: below the threshold the excess goes negative and is paid as a deduction."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, (ast.Compare, ast.IfExp)) or isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "min", "clamp", "abs"):
            return None
    subtracted = _first_subtraction(tree)
    return f"{unparsed(subtracted)[:40]} (line {subtracted.lineno}) goes negative below the threshold and nothing checks it" if subtracted is not None else None


# "hours beyond 40 are paid at time and a half", "every kWh above 300", "over 40 hours ... paid at": the excess past a number.
EXCESS_UNITS = r"(?:hours?|minutes?|kwh|units?|km|kilomet(?:er|re)s?|miles?|items?|gb|mb|pages?|days?|nights?|kg|deliveries|calls|messages|sessions|visits|guests|words)"
EXCESS_OVER_ASK = literal_gates.compile(
    rf"\b{EXCESS_UNITS}\s+(?:beyond|over|above|past|after|in\s+excess\s+of)\s+(?:the\s+first\s+)?(?P<n>\d+(?:\.\d+)?)\b(?!\s*%)"
    rf"|\b(?:beyond|over|above|past|in\s+excess\s+of)\s+(?:the\s+first\s+)?(?P<n2>\d+(?:\.\d+)?)\s*{EXCESS_UNITS}\b[^.;]{{0,60}}?\b(?:paid|billed|charged|cost|costs|earns?|at)\b",
    re.IGNORECASE,
)


def _excess_unguarded(tree: ast.Module, threshold: float) -> Optional[str]:
    """``overtime = hours - 40`` where nothing keeps it at 0 below 40: it is not inside ``max(0, ...)`` (or
    ``abs``), and nothing compares ``hours`` with 40 (an ``if hours > 40``, a conditional, an early return)."""
    named = _bound_names(tree)

    def is_threshold(node) -> bool:
        return (named.get(node.id) if isinstance(node, ast.Name) else constant_value(node)) == threshold

    floored = {id(n) for call in nodes_of(tree, ast.Call) if getattr(call.func, "id", None) in ("max", "abs", "clamp")
               for arg in call.args for n in walk(arg)}
    # oriented_comparisons reads each comparison both ways, so this finds hours > 40 and 40 < hours alike
    compared = {unparsed(a) for c in nodes_of(tree, ast.Compare) for a, _, b in oriented_comparisons(c) if is_threshold(b)}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and is_threshold(node.right) and id(node) not in floored \
                and unparsed(node.left) not in compared:
            return f"{unparsed(node)[:40]} (line {node.lineno}) goes negative below {threshold:g} and nothing keeps it at 0"
    return None


# "$0.10 per day for the first 7 days late, then $0.20 per day for each day after that": tiers of one quantity.
TIERED_ASK = literal_gates.compile(r"\bfor\s+(?:each\s+of\s+)?the\s+first\s+(?P<n>\d+(?:\.\d+)?)\b[^.;]{0,60}?\b(?:then|after\s+that|thereafter|after\s+which)\b", re.IGNORECASE)


def _whole_at_the_later_rate(tree: ast.Module, threshold: float) -> Optional[str]:
    """Code that compares with the tier's end (``days_late <= 7``) but never takes it off (``days - 7``), caps at
    it (``min(days, 7)``) nor prices it (``7 * 0.10``): past the first tier every unit is charged the later rate."""
    named = _bound_names(tree)

    def is_threshold(node) -> bool:
        return (named.get(node.id) if isinstance(node, ast.Name) else constant_value(node)) == threshold

    compared = next((c for c in walk_outside_asserts(tree) if isinstance(c, ast.Compare) and any(is_threshold(b) for _, _, b in oriented_comparisons(c))), None)
    if compared is None:
        return None
    for node in walk(tree):
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, (ast.Sub, ast.Mult)) and any(is_threshold(side) for side in (getattr(node, "left", None), node.right) if side is not None):
            return None
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("min", "max", "clamp") and any(is_threshold(a) for a in node.args):
            return None
    return f"its comparison {unparsed(compared)[:40]} (line {compared.lineno}) picks a rate for the whole quantity and nothing takes the first {threshold:g} off"


# "the first year equals 15, two years equals 24, and every year after the second adds 4": counted from the Nth on.
AFTER_NTH_ASK = literal_gates.compile(r"\b(?:every|each)\s+(?:\w+\s+)?(?:after|beyond|past)\s+the\s+(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


def _counted_from_another(tree: ast.Module, n: int) -> Optional[str]:
    """``24 + (age - 1) * 4`` where every year after the second adds 4: the code compares ``age`` with 2 but
    counts the added years from another one (``age - 1``), and never from 2."""
    compared = {unparsed(a) for c in nodes_of(tree, ast.Compare) for a, _, b in oriented_comparisons(c) if constant_value(b) == n}
    taken = [node for node in walk_outside_asserts(tree) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub)
             and constant_value(node.right) is not None and float(constant_value(node.right)).is_integer() and unparsed(node.left) in compared]
    if not taken or any(constant_value(node.right) == n for node in taken):
        return None
    return f"{unparsed(taken[0])[:30]} (line {taken[0].lineno}) counts from {constant_value(taken[0].right):g}, not from {n}"


# "If the calculated dose exceeds max_mg, raise a ValueError", "raise ValueError when the total is below 10":
# a limit to refuse, not to clamp to.
PAST = r"(?:exceeds?|is\s+(?:above|over|greater\s+than|more\s+than|larger\s+than|higher\s+than))"
SHORT = r"(?:is\s+(?:below|under|less\s+than|lower\s+than|smaller\s+than))"
LIMIT = r"\s+(?:the\s+)?`?(?P<{}>[A-Za-z_]\w*|\d+(?:\.\d+)?)`?"
RAISE_PAST_LIMIT_ASK = literal_gates.compile(
    rf"\b(?:if|when|whenever)\b[^.;]{{0,60}}?\b(?:(?P<past>{PAST})|{SHORT}){LIMIT.format('limit')}[^.;]{{0,40}}?\b(?:raise|raises|throw|throws)\b"
    rf"|\b(?:if|when|whenever)\b[^.;]{{0,60}}?\b(?:make|makes|become|becomes|go|goes|turn|turns|drop|drops)\s+(?:\w+\s+){{0,3}}?(?P<negative>negative|below\s+(?:0|zero))\b[^.;]{{0,20}}?\b(?:raise|raises|throw|throws)\b"
    rf"|\b(?:raise|raises|raising|throw|throws)\b[^.;]{{0,40}}?\b(?:if|when|whenever)\b[^.;]{{0,60}}?\b(?:(?P<past2>{PAST})|{SHORT}){LIMIT.format('limit2')}",
    re.IGNORECASE,
)


def _clamps_to_the_limit(tree: ast.Module, limit: str, past: bool) -> Optional[str]:
    """``min(dose, max_mg)`` or ``max(deposit - deductions, 0)`` (``max(total, 10)`` for a lower limit) where the
    code never compares anything with the limit: the value is silently changed where an error was asked for."""
    def is_limit(node) -> bool:
        return isinstance(node, ast.Name) and node.id == limit if not re.match(r"\d", limit) else constant_value(node) == float(limit)
    if any(is_limit(side) for c in nodes_of(tree, ast.Compare) for side in [c.left] + c.comparators):
        return None
    clamp = "min" if past else "max"
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.Call) and len(node.args) == 2 and getattr(node.func, "id", None) in ("min", "max")):
            continue
        clamped = node.func.id == clamp and any(is_limit(a) for a in node.args)
        # "if the deductions exceed the deposit, raise": max(deposit - deductions, 0) floors what is left at 0
        floored = past and node.func.id == "max" and any(constant_value(a) == 0 for a in node.args) and any(
            isinstance(a, ast.BinOp) and isinstance(a.op, ast.Sub) and is_limit(a.left) for a in node.args)
        if clamped or floored:
            return f"{unparsed(node)[:40]} (line {node.lineno}) clamps to {limit} instead, and nothing compares with it"
    return None


# "never takes the price below 0", "not below zero": a floor at zero.
NOT_BELOW_ZERO_ASK = literal_gates.compile(r"\b(?:never|not)\s+(?:\w+\s+){0,4}?(?:below|under|less than)\s+(?:0|zero|\$?0\.00)\b|\b(?:never|not|cannot|can't|must not)\s+(?:go|goes|become|becomes|drop|drops|fall|falls)\s+negative\b|"
                                r"\b(?:floor(?:ed)?|clamp(?:ed)?|capped)\s+at\s+(?:0|zero)\b", re.IGNORECASE)


def _never_floors_at_zero(tree: ast.Module) -> Optional[str]:
    """No ``max(0, ...)``, no comparison with 0, no ``abs``: a result can go below zero (a ``Counter``'s own
    subtraction aside, which drops what is not positive)."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "abs", "clamp") or isinstance(node, ast.Compare) and any(constant_value(c) == 0 for c in [node.left] + node.comparators):
            return None
    subtracted = _first_subtraction(tree)
    return f"{unparsed(subtracted)[:40]} (line {subtracted.lineno}) may go below zero and nothing stops it" if subtracted is not None else None


# "500 cents for the first item and 150 cents for each additional item": the rate after the first applies to one fewer.
FIRST_THEN_EACH_ASK = literal_gates.compile(
    r"\bfor\s+the\s+first\s+(?:\w+\s+){0,2}?(?P<unit>items?|units?|kg|kilo\w*|pounds?|lbs?|hours?|days?|nights?|pages?|tickets?|miles?|km|parcels?|books?|pieces?|guests?|minutes?)\b"
    r"[^.;]{0,80}?\b(?:each|every|per)\s+(?:additional|extra|subsequent|further|following)\s+(?P=unit)",
    re.IGNORECASE,
)


def _first_charged_again(tree: ast.Module) -> Optional[str]:
    """The rate for each further unit multiplied by the whole count: nothing subtracts, slices or starts a
    range past the first (``500 + 150 * item_count``)."""
    nodes = list(walk_outside_asserts(tree))
    if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Sub) or isinstance(n, ast.AugAssign) and isinstance(n.op, ast.Sub) or isinstance(n, ast.Slice)
           or isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("range", "enumerate", "max", "islice") and len(n.args) + len(n.keywords) >= 2
           or isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for n in nodes):
        return None
    for node in nodes:
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and any(isinstance(side, ast.Constant) for side in (node.left, node.right)) \
                and any(isinstance(side, (ast.Name, ast.Call, ast.Subscript, ast.Attribute)) for side in (node.left, node.right)):
            return f"{unparsed(node)[:40]} (line {node.lineno}) charges the further rate on the first one too"
    return None


# "how many full-fare rides the balance pays for", "the number of whole boxes": a count that rounds down.
FULL_COUNT_ASK = literal_gates.compile(r"\bhow\s+many\s+(?:full|whole|complete)\b|\bnumber\s+of\s+(?:full|whole|complete)\b", re.IGNORECASE)


def _count_rounded_to_nearest(tree: ast.Module) -> Optional[str]:
    """``round(balance / fare)`` (one argument) for a count of whole things, and nothing that floors:
    a balance of 2.6 fares pays for 2 rides, not 3."""
    text = unparsed(tree)
    if re.search(r"//|\bfloor\b|\bint\(|\bdivmod\b|\btrunc\b", text):
        return None
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "round" and len(node.args) == 1
                and not node.keywords and isinstance(node.args[0], ast.BinOp) and isinstance(node.args[0].op, ast.Div)):
            return f"{unparsed(node)[:50]} (line {node.lineno}) rounds a part over one half up into a whole one"
    return None


# "capped at 800 cents", "a cap of 60 per driver": a most that the code must hold.
CAP_ASK = literal_gates.compile(r"\bcapped\s+at\s+(?:a\s+(?:maximum|total)\s+of\s+)?\$?(?P<number>\d[\d,_]*(?:\.\d+)?)\b|\ba\s+cap\s+of\s+\$?(?P<number2>\d[\d,_]*(?:\.\d+)?)\b", re.IGNORECASE)


def _cap_never_held(prose: str, tree: ast.Module) -> Optional[str]:
    """The cap's number is nowhere in the code (nor its cents, nor in other units by a factor of 100, 60 or 1000), and no
    parameter could carry it: nothing can stop the amount at it."""
    for match in CAP_ASK.finditer(prose):
        if negated(prose, match.start()):
            continue
        cap = float((match.group("number") or match.group("number2")).replace(",", "").replace("_", ""))
        numbers = {constant_value(n) for n in nodes_of(tree, (ast.Constant, ast.UnaryOp))}
        numbers |= {float(n.value) for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str) and re.fullmatch(r"-?\d+(?:\.\d+)?", n.value)}
        floors = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) == "max"
                  and any(constant_value(a) is not None and abs(constant_value(a) - cap) < 1e-9 for a in n.args)]
        capped = any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "min" for n in walk_outside_asserts(tree))
        if floors and not capped:  # ``max(years * 5, 25)`` for "capped at 25 percent": a floor, not a cap
            return f"the instruction says {match.group(0)!r} and {unparsed(floors[0])[:40]} (line {floors[0].lineno}) makes it a floor"
        if any(isinstance(x, (int, float)) and not isinstance(x, bool) and any(abs(x * f - cap) < 1e-9 or abs(x - cap * f) < 1e-9 for f in (1, 100, 60, 1000))
               for x in numbers):
            continue
        if any(re.search(r"cap|max|limit|ceiling", a.arg, re.IGNORECASE) for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
               for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs):
            continue  # ``fee(minutes, cap)``: the caller brings it
        return f"the instruction says {match.group(0)!r} and no number of the code is {match.group('number') or match.group('number2')}"
    return None


# "no line may be longer than `width`", "lines of at most 40 characters", "each line fits in `width`": a line's length bounded.
LINE_WIDTH_ASK = literal_gates.compile(r"\blines?\b[^.]{0,40}\b(?:longer|wider|more)\s+than\s+`?\w+`?|\blines?\b[^.]{0,40}\b(?:at most|up to|no more than|fits? (?:in|within))\s+`?\w+`?|"
                            r"\b(?:word[- ]?wrap\w*|wrap\w*)\b[^.]{0,60}\b(?:width|columns?|characters)\b", re.IGNORECASE)


def _separator_uncounted(tree: ast.Module) -> Optional[str]:
    """``if len(line) + len(word) <= width: line += " " + word``: the test leaves out the space that joins the word,
    so a line can be one character longer than the width."""
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.LtE)):
            continue
        terms, left = [], node.test.left
        while isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add):
            terms.append(left.right)
            left = left.left
        terms.append(left)
        lengths = [t.args[0] for t in terms if isinstance(t, ast.Call) and getattr(t.func, "id", None) == "len" and len(t.args) == 1 and isinstance(t.args[0], ast.Name)]
        if len(lengths) != 2 or len(terms) != 2:
            continue  # a "+ 1" (or any other term) counts the space
        names = [n.id for n in lengths]
        for statement in node.body:
            joined = statement.value if isinstance(statement, (ast.AugAssign, ast.Assign)) else None
            target = statement.target if isinstance(statement, ast.AugAssign) else statement.targets[0] if isinstance(statement, ast.Assign) and len(statement.targets) == 1 else None
            if joined is None or getattr(target, "id", None) not in names:
                continue
            line = target.id
            word = names[1 - names.index(line)]
            text = unparsed(joined)
            if re.search(rf"""^(?:{line} \+ )?(?:' ' \+ {word}|f' {{{word}}}'|" " \+ {word})$""", text) or text in (f"{line} + ' ' + {word}", f"f'{{{line}}} {{{word}}}'"):
                return f"{unparsed(node.test)[:60]} (line {node.lineno}) leaves out the space that joins the word, so a line can be one character too long"
    return None


# What an instruction asks about numbers and bounds, how code breaks it, whether a "not"/"without"
# before the ask voids it, and the reason given (see stated_requirements.BROKEN_ASKS).
BOUND_ASKS = (
    (NEAREST_ASK, _truncates_instead, True, "the instruction says {ask!r} and {broken}"),
    (EXCESS_ASK, _excess_never_checked, True, "the instruction pays extra {ask!r} and {broken}"),
    (DECIMALS_ASK, _whole_where_decimals_asked, True, "the instruction asks for {ask!r} and {broken}"),  # the narrower finding first
    (ROUND_ASK, _never_rounds, True, "the instruction asks for a result {ask!r} and {broken}"),
    (TOUCHING_ALLOWED_ASK, _touching_counted_as_overlap, False, "the instruction lets intervals touch ({ask!r}) and {broken}"),
    (NOT_BELOW_ZERO_ASK, _never_floors_at_zero, False, "the instruction says {ask!r} and {broken}"),
    (UP_TO_INCLUDING_ASK, _tiers_exclude_their_bound, True, "the instruction's tiers run {ask!r} and {broken}"),
    (FROM_BOUND_UP_ASK, _top_tier_excludes_its_bound, True, "the instruction's tiers run {ask!r} and {broken}"),
    (OVERLAP_ASK, _one_side_inside, False, "the instruction asks about {ask!r} and {broken}"),
    (STARTED_UNIT_ASK, _rounds_to_nearest_or_down, True, "the instruction charges {ask!r} and {broken}"),
    (ROUND_UP_ASK, _rounds_to_nearest_or_down, True, "the instruction asks to round up and {broken}"),
    (FIRST_THEN_EACH_ASK, _first_charged_again, True, "the instruction prices {ask!r} and {broken}"),
    (FULL_COUNT_ASK, _count_rounded_to_nearest, True, "the instruction asks {ask!r} and {broken}"),
    (LINE_WIDTH_ASK, _separator_uncounted, False, "the instruction bounds a line ({ask!r}) and {broken}"),
)


# "rounds totals to the nearest 0.05": a step finer than a cent or coarser than one, not decimals.
NEAREST_STEP = literal_gates.compile(r"\bnearest\s+\$?(?P<step>0\.\d*[1-9])\b", re.IGNORECASE)


def _step_never_used(tree: ast.Module, step: float) -> Optional[str]:
    """The code holds neither the step (0.05), its reciprocal (20) nor the step in cents (5): it rounds to
    something else, as ``round(total, 2)`` rounds to cents."""
    numbers = {constant_value(n) for n in nodes_of(tree, (ast.Constant, ast.UnaryOp))}
    numbers |= {float(n.value) for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str) and re.fullmatch(r"\d*\.?\d+", n.value)}  # Decimal("0.05")
    if any(isinstance(n, (int, float)) and (abs(n - step) < 1e-9 or abs(n - 1 / step) < 1e-9 or abs(n - step * 100) < 1e-9) for n in numbers):
        return None
    rounded = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) == "round" or getattr(n.func, "attr", None) == "quantize")), None)
    return f"{unparsed(rounded)[:40]} (line {rounded.lineno}) rounds to another step: nothing in the code holds {step:g}" if rounded is not None else None


# "the first class that starts strictly after `now`" / "the first reading at or after `t`": which side of a
# sorted list's equal values the answer starts at.
AFTER_ONLY = literal_gates.compile(r"(?<!\bno\s)(?<!\bnot\s)\b(?:strictly\s+(?:after|later\s+than|greater\s+than|above|more\s+than)|later\s+than|greater\s+than)\s+`?(?P<name>[A-Za-z_]\w*)`?"
                        r"(?!\s*(?:or|and)\s+(?:equal|at|on))", re.IGNORECASE)
AT_OR_AFTER = literal_gates.compile(r"\b(?:(?:at|on)\s+or\s+after|no\s+earlier\s+than|greater\s+than\s+or\s+equal\s+to|at\s+least)\s+`?(?P<name>[A-Za-z_]\w*)`?", re.IGNORECASE)


def _bisect_side(prose: str, tree: ast.Module) -> Optional[str]:
    """``bisect_left(times, now)`` for "the first start strictly after `now`" (an equal time is found, not
    passed), and ``bisect_right(times, t)`` for "at or after `t`" (an equal time is passed); only where the
    code bisects on that parameter one way and never the other."""
    parameters = parameter_names(tree)
    calls = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and len(n.args) >= 2
             and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("bisect_left", "bisect_right", "bisect")]
    for pattern, wrong in ((AFTER_ONLY, "bisect_left"), (AT_OR_AFTER, "bisect_right")):
        for match in pattern.finditer(prose):
            name = match.group("name")
            if name not in parameters or negated(prose, match.start()):
                continue
            on_it = [c for c in calls if isinstance(c.args[1], ast.Name) and c.args[1].id == name]
            sides = {getattr(c.func, "id", None) or getattr(c.func, "attr", None) for c in on_it}
            if sides and sides <= ({wrong} if wrong == "bisect_left" else {"bisect_right", "bisect"}):
                side = "finds an equal value instead of passing it" if wrong == "bisect_left" else "passes an equal value instead of taking it"
                return f"the instruction says {match.group(0)!r} and {unparsed(on_it[0])[:50]} (line {on_it[0].lineno}) {side}"
    return None


# "at most 5 results", "no more than 3 suggestions": a cap on how many the answer holds.
COUNT_CAP_ASK = literal_gates.compile(r"\b(?:at most|no more than|not more than|up to|a maximum of|max(?:imum)?\.?)\s+(?P<n>[2-9]|[1-9]\d)\s+"
                           r"(?P<what>results|matches|items|entries|names|suggestions|rows|records|players|tickets|lines|elements|values|(?!(?:decimals|digits|places|characters|chars|letters|seconds|minutes|hours|days|weeks|months|years|times|cents|points|levels|attempts|retries|tries|bytes|bits|kilometres|kilometers|metres|meters|miles|kilograms|grams|litres|liters|degrees|percent)\b)[a-z]{3,}(?<!s)s)\b", re.IGNORECASE)


# "the three stations with the longest average wait": a count of the best, in words or digits.
TOP_COUNT_ASK = literal_gates.compile(r"\bthe\s+(?:top\s+)?(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1\d)\s+(?P<what>[a-z]{3,}(?<!s)s)\s+with\s+the\s+"
                           r"(?:highest|lowest|longest|shortest|most|fewest|largest|smallest|best|worst|greatest|biggest|oldest|newest)\b", re.IGNORECASE)
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

OUTPUT_VERB = literal_gates.compile(r"\b(?:returns?|returning|shows?|lists?|suggests?|gives?|displays?|outputs?|yields?)\b", re.IGNORECASE)


def _count_never_capped(prose: str, tree: ast.Module) -> Optional[str]:
    """"at most 5 results" (or "the three stations with the longest wait") and no 5 anywhere in the code outside its
    asserts (no slice ``[:5]``, no ``nlargest(5, ...)``, no default ``limit=5``): every match is returned, however many."""
    numbers = None
    prose = EMPHASIS.sub(r"\1", prose)  # "room for **at most 5** suppliers"
    for match in list(COUNT_CAP_ASK.finditer(prose)) + list(TOP_COUNT_ASK.finditer(prose)):
        sentence = re.split(r"[.;:]\s", prose[: match.start()])[-1]
        after = re.split(r"[.;:](?:\s|$)", prose[match.end():])[0]  # "room for at most 5 suppliers, so never return more than 5"
        if not (OUTPUT_VERB.search(sentence) or OUTPUT_VERB.search(after)) or re.search(r"\b(?:have|has|hold|holds|contain|contains|take|takes)\s+$", sentence):
            continue  # "Boards have at most 9 rows": what the input is, not a cap on the answer
        if numbers is None:  # the code's numbers, read only for an instruction that caps a count (this runs on every row)
            numbers = {constant_value(n) for n in walk_outside_asserts(tree) if isinstance(n, (ast.Constant, ast.UnaryOp))}  # not an assert's 5.0
        if not negated(prose, match.start()) and float(COUNT_WORDS.get(match.group("n").lower(), match.group("n"))) not in numbers:
            return f"the instruction says {match.group(0)!r} and the code never holds {match.group('n')}: every one is returned"
    return None


def _range_short_of_its_end(prose: str, tree: ast.Module) -> Optional[str]:
    """"Periods 5 to 8 are afternoon periods" and ``range(5, 8)``: the range stops before 8, which the words take in
    (not where they say "exclusive" or "not including", nor where the code names 8 elsewhere: "frame (1-10)" over
    ``for frame in range(1, 10)`` and then ``return (10, ...)``, the last one handled on its own)."""
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "range" and len(node.args) == 2
                and all(isinstance(a, ast.Constant) and type(a.value) is int for a in node.args)):
            continue
        low, high = node.args[0].value, node.args[1].value
        if any(isinstance(other, ast.Constant) and type(other.value) is int and other.value == high and other is not node.args[1]
               for other in walk_outside_asserts(tree)):
            continue
        said = re.search(rf"(?<![\d.:$\u20ac\u00a3]){low}\s*(?:to|-|\u2013|through)\s*{high}(?![\d.:%])(?!\s*(?:\(?\s*(?:exclusive|not\s+including|excluded)))", prose)
        if said and not negated(prose, said.start()):
            return f"the instruction says {said.group(0)!r} and {unparsed(node)} (line {node.lineno}) stops before {high}"
    return None


def broken_bound(prose: str, tree: ast.Module, code: str) -> Optional[str]:
    """The checks that need the instruction's numbers or names, not only its words: a bound never
    compared, a bound included in words and compared strictly (or left out in words, "more than
    `grace`", and taken in), bounds named "inclusive" or "exclusive", a limit to refuse clamped to, an
    excess past a number never kept at 0, a length limit exceeded by a marker."""
    found = (_unchecked_bound(prose, tree, code) or _stated_bound_compared_strictly(prose, tree) or _stated_exclusive_compared_inclusively(prose, tree)
             or _cap_never_held(prose, tree) or _bisect_side(prose, tree) or _count_never_capped(prose, tree) or _range_short_of_its_end(prose, tree))
    if found:
        return found
    for match in NEAREST_STEP.finditer(prose):
        unused = _step_never_used(tree, float(match.group("step")))
        if unused and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {unused}"
    parameters = parameter_names(tree)
    named = [m for m in NAMED_INCLUSIVE_ASK.finditer(prose) if {m.group("low"), m.group("high"), m.group("one"), m.group("low2"), m.group("high2")} - {None} <= parameters]
    pairs = [m for m in BOTH_LIMITS_INCLUSIVE_ASK.finditer(prose)]
    for match in pairs:
        pair = next((p for p in BOUND_PAIRS if set(p) <= parameters), None)
        excluded = _excludes_a_bound(tree, *pair) if pair else None
        if excluded and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {excluded}"
    for match in [m for ask in (INCLUSIVE_ASK, CLOSED_INTERVAL_ASK) for m in ask.finditer(prose)] + named:
        groups = match.groupdict()
        low = groups.get("low") or groups.get("low_n") or groups.get("low2") or groups.get("one")
        high = groups.get("high") or groups.get("high_n") or groups.get("high2") or groups.get("one")
        excluded = _excludes_a_bound(tree, low, high)
        if excluded and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {excluded}"
    for match in [m for ask in (NAMED_EXCLUSIVE_ASK, HALF_OPEN_ASK) for m in ask.finditer(prose)]:
        included = _includes_an_excluded_bound(tree, match.group("name")) if match.group("name") in parameters else None
        if included and not negated(prose, match.start()):
            return f"the instruction says {match.group(0)!r} and {included}"
    bound_here = set(store_counts(tree)) | parameters
    for match in UP_TO_EXCLUDING_ASK.finditer(prose):
        name = match.group("name").replace("-", "_")
        name = next((n for n in (name, name.lower(), f"{name}_date".lower()) if n in bound_here), None)
        included = _includes_an_excluded_bound(tree, name) if name else None
        if included:
            return f"the instruction says {match.group(0)!r} and {included}"
    for match in RAISE_PAST_LIMIT_ASK.finditer(prose):
        limit = "0" if match.group("negative") else match.group("limit") or match.group("limit2")
        clamped = _clamps_to_the_limit(tree, limit, bool(match.group("past") or match.group("past2")))
        if clamped and not negated(prose, match.start()):
            return f"the instruction asks to raise {match.group(0)!r} and {clamped}"
    for match in EXCESS_OVER_ASK.finditer(prose):
        unguarded = _excess_unguarded(tree, float(match.group("n") or match.group("n2")))
        if unguarded and not negated(prose, match.start()):
            return f"the instruction pays extra for {match.group(0)!r} and {unguarded}"
    for match in AFTER_NTH_ASK.finditer(prose):
        word = match.group("n").lower()
        counted = _counted_from_another(tree, ORDINALS.get(word) or int(re.match(r"\d+", word).group()))
        if counted and not negated(prose, match.start()):
            return f"the instruction counts {match.group(0)!r} and {counted}"
    for match in TIERED_ASK.finditer(prose):
        flat = _whole_at_the_later_rate(tree, float(match.group("n")))
        if flat and not negated(prose, match.start()):
            return f"the instruction charges {match.group(0)!r} and {flat}"
    for match in AT_MOST.finditer(prose):
        longer = _cut_then_extended(tree, match.group("name")) or _limit_compared_strictly(tree, match.group("name"))
        if longer and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {longer}"
    return None
