"""Does the code do the operation its instruction names?

A model that cannot do a task answers its neighbour: the mean for "the median", Euclid's gcd for "the
least common multiple", a running sum for "the running product", a palindrome test for "anagrams",
``urlencode`` for "parse a query string", ``json.loads`` for "INI text". The answer is clean, named
for the task, and passes the asserts written for the neighbour; only its operations give it away.

Each rule below pairs words of the instruction with what any answer to them must contain, read
broadly (the median needs some ordering of the values: ``sorted``, a heap, ``bisect``,
``statistics.median``...), so that a row is removed only when its code has none of it:

- the median, a product (running, cumulative, "the product of the numbers"), the least common
  multiple, anagrams, rotations of a string, counting unique or distinct things (a set, dict keys, a
  membership test: not a dict of running totals), palindromes, business days and weekends (the day of
  the week of a date), leap years (the 100- and 400-year rule, or the calendar module), lists nested
  to any depth (recursion, a stack, or a loop until done);
- "return the indices / the count / a list ..." answered by a function that only ever returns
  ``True`` or ``False``; "return the word / the string / the name ..." by one that only returns
  numbers (``max(len(w) for w in words)``);
- "sort by X and (then) by Y" where the code names one key and never the other;
- a data format the instruction names (INI, CSV, XML, YAML, TOML, JSON) read with another format's
  parser that the instruction never mentions;
- the opposite direction of a standard conversion: asked to parse or decode, the code only encodes
  (``urlencode``, ``json.dumps``, ``b64encode``);
- a method the input's kind lacks, on a parameter named for the kind the instruction gives it
  (``s.reverse()`` for "reverse a string", ``d.sort()`` for "takes a dictionary");
- "wait 200 milliseconds" slept as ``time.sleep(200)``; a parameter of the instruction's signature
  (`sort_records(records, key, reverse=False)`) that the code's function does not take;
- "return the indices" from code that never counts a position; ``itertools.accumulate`` where the
  instruction asks for nothing running or cumulative ("each value's share of the total");
- "the entire string" matched by ``re.search``/``re.match`` with no end anchor (read in
  :mod:`hfsynth.curate.anchored_patterns`); "O(n)" and a loop that
  searches its own sequence for each item (``item in items[i + 1:]``, ``items.count(item)``) or loops
  over it again; a digit "anywhere" looked for with ``re.match``; objects for sets or dict keys whose
  class has ``__eq__`` and no ``__hash__``; a file to append to opened with ``"w"``.
- a run of consecutive items answered by a tally; and calendar or clock arithmetic that breaks at an
  edge (an age, December, the 31st, midnight, north: :mod:`hfsynth.curate.time_arithmetic`); example
  timestamps that the code's ``strptime`` format reads none of (:mod:`hfsynth.curate.timestamp_examples`).

English instructions only; a negated ask ("not the median") is not read.
"""

from __future__ import annotations

import ast
import re
from typing import Callable, List, Optional, Set, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.anchored_patterns import match_after_the_start, newline_passes_the_end, whole_string_unanchored
from hfsynth.curate.asked_amounts import another_amount
from hfsynth.curate.asked_signatures import asked_signatures
from hfsynth.curate.described_keys import key_outside_the_header, respelt_key
from hfsynth.curate.stated_absences import unguarded_absence
from hfsynth.curate.item_shapes import unhashable_items_hashed
from hfsynth.curate.per_key_totals import best_single_item
from hfsynth.curate.tuple_fields import discarded_field, one_field_returned, short_output_tuples, swapped_fields, unmirrored_sides
from hfsynth.curate.stated_purpose import contradicting_purpose
from hfsynth.curate.percent_branches import swapped_percent_branch
from hfsynth.curate.python_ast import nodes_of, parse_python, unparsed, walk, without_docstrings
from hfsynth.curate.removed_characters import character_left_in, whitespace_left_in
from hfsynth.curate.requirement_words import EMPHASIS, constant_value, ends_negated, keys_a_dict, negated, tests_membership, walk_outside_asserts
from hfsynth.curate.stated_requirements import recurses
from hfsynth.curate.time_arithmetic import broken_time_arithmetic
from hfsynth.curate.timestamp_examples import unparsed_examples


class Code:
    """What the rules look at in one piece of code: its operators, the names it calls or reads, its text."""

    def __init__(self, tree: ast.Module):
        nodes = list(walk_outside_asserts(tree))  # tests may use what the answer must not
        self.tree = tree
        self.text = unparsed(without_docstrings(tree))  # comments and docstrings are words, not code
        self.operators: Set[type] = {type(n.op) for n in nodes if isinstance(n, (ast.BinOp, ast.AugAssign))}
        self.names: Set[str] = {n.id for n in nodes if isinstance(n, ast.Name)} | {n.attr for n in nodes if isinstance(n, ast.Attribute)}
        self.names |= {a.name.split(".")[-1] for n in nodes if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
        self.names |= {(n.module or "").split(".")[0] for n in nodes if isinstance(n, ast.ImportFrom)}
        self.nodes = nodes

    def has(self, pattern: str) -> bool:
        """Some name the code uses matches ``pattern`` (a regex, searched)."""
        return any(re.search(pattern, name, re.IGNORECASE) for name in self.names)

    def any_node(self, *types: type) -> bool:
        return any(isinstance(n, types) for n in self.nodes)


def _orders(code: Code) -> bool:
    """Whole names only where a word may hold them (``minutes`` is no ``min``, ``selected`` no ``select``)."""
    return code.has(r"sort|median|heap|nsmallest|nlargest|bisect|insort|partition|quantile|percentile|^select$|quickselect|^(?:arg)?min$|^(?:arg)?max$|most_common")


MIDDLE_CALLS = literal_gates.compile(r"median|quantile|percentile|select|nsmallest|nlargest|heappush|heappop|heapify|partition|insort|bisect", re.IGNORECASE)


def _takes_a_middle(code: Code) -> bool:
    """What a median needs besides an order: a call that picks by rank (``statistics.median``, ``np.percentile``,
    heaps, ``nsmallest``), an item of a ``sorted(...)`` taken at once, pandas' ``"median"``, or the length halved
    (``n // 2``, ``n >> 1``, ``len(xs) / 2``, ``n % 2``). A function named ``median_stay`` that returns
    ``mean(nights)`` has the word and none of them."""
    defined = {n.name for n in nodes_of(code.tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in code.nodes:
        if isinstance(node, ast.Constant) and node.value == "median":
            return True  # groupby(...).transform("median")
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "sorted":
            return True  # sorted(values[i - 1:i + 2])[1]: the middle of a window, by rank
        if isinstance(node, ast.Call):
            callee = getattr(node.func, "id", None) or getattr(node.func, "attr", None) or ""
            if MIDDLE_CALLS.search(callee) and callee not in defined:
                return True
        if isinstance(node, ast.BinOp) and (isinstance(node.op, (ast.FloorDiv, ast.Div, ast.Mod)) and constant_value(node.right) == 2
                                            or isinstance(node.op, ast.RShift) and constant_value(node.right) == 1):
            return True
    return False


def _subtracts(code: Code) -> bool:
    """A ``-`` or ``-=``, a negated value or negative number, or a call that subtracts (``abs`` of a difference is one too)."""
    return (bool(code.operators & {ast.Sub}) or any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for n in code.nodes)
            or code.has(r"^sub$|^isub$|subtract|^abs$|difference|^dist$"))


def _counts_only(code: Code) -> bool:
    """A tally and nothing else: ``Counter(winners).most_common(1)[0]`` (a subscript of the ranking, no comparison)."""
    return code.has(r"^Counter$|most_common") and not code.any_node(ast.Compare, ast.AugAssign, ast.For, ast.While)


def _multiplies(code: Code) -> bool:
    return bool(code.operators & {ast.Mult, ast.Pow, ast.MatMult}) or code.has(r"prod|^i?mul$|multiply|^dot$|einsum|^outer$|cross|kron|reduce|^log|^exp|factorial|^comb$|^perm$")


def _adds(code: Code) -> bool:
    """Anything that adds: ``+``, ``+=``, ``sum``/``fsum``, a ``Counter`` (``update``, ``+``), ``accumulate``, ``reduce``, pandas' ``agg``
    (operations, not names: ``merged`` or ``total`` only say so)."""
    return bool(code.operators & {ast.Add}) or code.has(r"^f?sum$|^Counter$|^update$|accumulate|reduce|^agg|^add$|^iadd$|groupby|pivot|^cumsum$")


def _lcm_evidence(code: Code) -> bool:
    return bool(code.operators & {ast.Mult, ast.Div, ast.FloorDiv, ast.Add}) or code.has(r"lcm|prod|reduce")


def _counts_letters(code: Code) -> bool:
    return code.has(r"sort|counter|count|dict|^get$|^ord$|remove|replace|most_common|freq|setdefault") or code.any_node(ast.Dict, ast.DictComp) or bool(
        code.operators & {ast.Mult}
    ) or any(isinstance(n, ast.AugAssign) for n in code.nodes)


def _reads_lines(code: Code) -> bool:
    """Something that splits text or a file into lines: splitlines, readlines, a newline, or a loop over a
    file the code opens (``sum(1 for _ in fh)``: a file iterates line by line)."""
    opened = {item.optional_vars.id for n in code.nodes if isinstance(n, (ast.With, ast.AsyncWith)) for item in n.items
              if isinstance(item.optional_vars, ast.Name) and isinstance(item.context_expr, ast.Call) and re.search(r"open$", unparsed(item.context_expr.func))}
    walks_a_file = any(isinstance(n.iter, ast.Name) and n.iter.id in opened for n in nodes_of(code.tree, (ast.For, ast.comprehension)))
    return walks_a_file or code.has(r"line|readlines|splitlines|^wc$") or "\\n" in code.text or "linesep" in code.text


def _rotates(code: Code) -> bool:
    return code.any_node(ast.Slice) or bool(code.operators & {ast.Add, ast.Mod, ast.Mult}) or code.has(r"rotate|deque|find|index|roll") \
        or tests_membership(code.nodes)


def _merges(code: Code) -> bool:
    """Merge sort merges: a function or call named merge (not the sort itself), or two runs walked
    by index and compared (``left[i] <= right[j]``); a partition around a ``pivot`` alone is quicksort."""
    return code.has(r"^(?!merge_?sort$).*merge") or not code.has(r"^pivot") and any(
        isinstance(n, ast.Compare) and all(isinstance(side, ast.Subscript) for side in (n.left, *n.comparators)) for n in code.nodes
    )


DEDUP_NAMES = frozenset({"set", "frozenset", "Counter", "fromkeys", "setdefault", "unique", "nunique", "drop_duplicates", "groupby", "OrderedDict", "add", "count"})


def _dedups(code: Code) -> bool:
    """Something that tells one item from another: a set (``defaultdict(set)`` too), dict keys, a count,
    a membership test or a comparison; not a name that only says so (``unique_visitors``) nor a dict
    of running totals (``defaultdict(int)``)."""
    return code.any_node(ast.SetComp, ast.Set, ast.DictComp, ast.Dict) or bool(DEDUP_NAMES & code.names) or tests_membership(code.nodes) or keys_a_dict(code.tree) \
        or any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in n.ops) for n in code.nodes) \
        or _merges_sorted_intervals(code)


def _merges_sorted_intervals(code: Code) -> bool:
    """``for start, end in sorted(intervals)`` with ``run_end = max(run_end, end)``: a sweep that merges overlapping
    intervals, so each second (or unit) of their union counts once ("how many distinct seconds were watched")."""
    loops = [n for n in code.nodes if isinstance(n, ast.For) and isinstance(n.target, ast.Tuple) and len(n.target.elts) == 2 and isinstance(n.iter, ast.Call)
             and getattr(n.iter.func, "id", None) == "sorted" and isinstance(n.target.elts[1], ast.Name)]
    extends = any(isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "max"
                  and any(isinstance(t, ast.Name) and any(isinstance(a, ast.Name) and a.id == t.id for a in n.value.args) for t in n.targets)
                  for n in code.nodes)
    # merged[-1] = (merged[-1][0], max(merged[-1][1], end)): the last run stretched to the interval's end
    stretched = any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "max" and len(n.args) == 2
                    and any(isinstance(a, ast.Name) and a.id == loop.target.elts[1].id for a in n.args) for loop in loops for n in walk(loop))
    return bool(loops) and (extends or stretched)


def _dedups_within_groups(code: Code) -> bool:
    """Distinct items counted per group need a set of them per group (or a membership test); a
    ``Counter`` or a dict of counts keyed by the group counts every event of it."""
    return code.any_node(ast.SetComp, ast.Set) or bool({"set", "frozenset", "add", "nunique", "drop_duplicates", "unique", "fromkeys"} & code.names) \
        or tests_membership(code.nodes)


def _tests_every_item(code: Code) -> bool:
    """What "every" needs: ``all()`` (or ``not any()``), a subset or intersection of sets (``<=``, ``&``, ``issubset``), a
    count compared with the whole (``len(days) == 7``, ``n == len(cinemas)``), a minimum or maximum against the bound, or
    a loop that gives up on the first item that fails (``break``, ``return False``)."""
    if code.has(r"^(?:all|issubset|issuperset|intersection|intersection_update|difference|symmetric_difference|min|max|isdisjoint)$"):
        return True
    if code.operators & {ast.BitAnd, ast.Sub}:
        return True
    for node in code.nodes:
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.LtE, ast.GtE, ast.Lt, ast.Gt, ast.Eq, ast.NotEq)) for op in node.ops):
            sides = [node.left, *node.comparators]
            if any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "len" for side in sides for n in walk(side)):
                return True  # len(days) == 7, n == len(programmes), len(attended & needed) >= n
            if any(isinstance(side, (ast.Set, ast.SetComp)) or isinstance(side, ast.Call) and getattr(side.func, "id", None) in ("set", "frozenset") for side in sides):
                return True  # set(days) == week
            if any(isinstance(side, ast.Constant) and isinstance(side.value, int) and not isinstance(side.value, bool) and side.value > 1 for side in sides):
                return True  # count == 7
            builds_sets = code.any_node(ast.Set, ast.SetComp) or bool({"set", "frozenset"} & code.names)
            if builds_sets and all(isinstance(side, (ast.Name, ast.Attribute, ast.Subscript)) for side in sides) \
                    and any(isinstance(op, (ast.LtE, ast.GtE, ast.Eq)) for op in node.ops):
                return True  # week <= seen: a subset of sets the code builds
        if isinstance(node, (ast.Break, ast.Return)) and (not isinstance(node, ast.Return) or isinstance(node.value, ast.Constant) and node.value.value in (False, None)):
            return True
    return False


def _reverses(code: Code) -> bool:
    return code.has(r"revers|pop|left|right") or code.any_node(ast.Slice) or bool(code.operators & {ast.Sub}) or any(
        isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for n in code.nodes
    ) or "[-" in code.text


DAY_ABBREVIATIONS = frozenset({"mon", "tue", "wed", "thu", "fri", "sat", "sun"})


def _names_the_days(code: Code) -> bool:
    """A table of the days' names ("mon" ... "sun", or "Monday" ...): weekday names read from text."""
    strings = {n.value.lower()[:3] for n in nodes_of(code.tree, ast.Constant) if isinstance(n.value, str)}
    return len(strings & DAY_ABBREVIATIONS) >= 5


NUMBERS_ONLY = literal_gates.compile(r"(?:int|float|list|tuple|List|Tuple|Sequence|[\[\], .]+)+")  # int, list[int], tuple[int, ...]


def _takes_no_date(code: Code) -> bool:
    """Every public function takes numbers alone (``is_peak(minute_of_day: int)``): "weekday peak periods" names the
    timetable the numbers belong to, and no date comes in to ask the day of."""
    functions = [n for n in code.tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
    arguments = [a for f in functions for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs]
    return bool(functions) and bool(arguments) and all(a.annotation is not None and NUMBERS_ONLY.fullmatch(unparsed(a.annotation)) for a in arguments) \
        and not code.has(r"^(?:date|datetime|calendar|monthrange|year|month)$")  # last_business_day(year: int, month: int) builds a date


def _reads_weekdays(code: Code) -> bool:
    """``date.weekday()``, ``isoweekday``, ``isocalendar``, ``calendar`` tables, numpy's or pandas' business
    days, a strftime of the day's name or number (``%a``, ``%A``, ``%u``, ``%w``), a table of the days' names."""
    return _names_the_days(code) or _takes_no_date(code) or code.has(r"weekday|isocalendar|busday|day_name|day_abbr|^(?:is_)?weekends?$|monthcalendar|monthdayscalendar|itermonthdays|dayofweek|day_of_week|bdate|^BDay$|businessday|holiday|^SATURDAY$|^SUNDAY$|^FRIDAY$|^MONDAY$") \
        or bool(re.search(r"%[aAuw]", code.text))


def _counts_positions(code: Code) -> bool:
    """A position counted, or positions taken as the input (``vinyl_order(positions)`` returns the ones it was given),
    or positions that are text (a function annotated to return ``list[str]``: wheel positions "FL", "RR")."""
    taken = {a.arg for n in nodes_of(code.tree, ast.arguments) for a in n.posonlyargs + n.args + n.kwonlyargs}
    texts = any(n.returns is not None and re.search(r"\bstr\b", unparsed(n.returns)) and not re.search(r"\bint\b", unparsed(n.returns))
                for n in nodes_of(code.tree, (ast.FunctionDef, ast.AsyncFunctionDef)))  # -> list[str]: wheel positions "FL", "RR", no index
    return bool(taken & {"positions", "indices", "indexes"}) or texts or code.has(r"enumerate|^range$|index|find|bisect|argsort|argmax|argmin|^where$|nonzero|^len$|^count$|finditer|start|span") or any(
        isinstance(n, ast.AugAssign) for n in code.nodes
    )


def _leap_rule(code: Code) -> bool:
    """The whole Gregorian rule (divisible by 4, but not by 100 unless by 400), or the library's."""
    return ("400" in code.text and "100" in code.text) or code.has(r"isleap|monthrange|calendar|leapdays|^date$|^datetime$|timedelta|toordinal")


def _flattens_deeply(code: Code) -> bool:
    """Recursion, a stack or queue worked in a loop, or a library that flattens to any depth."""
    return recurses(code.tree) or any(isinstance(n, ast.While) for n in code.nodes) or code.has(r"^pop$|popleft|^extend$|flatten|collapse|chain|^walk$")


OPERATIONS: List[Tuple[str, "re.Pattern[str]", Callable[[Code], bool], str]] = [
    (
        "items seen more than once",
        # "the plates that appear more than once": the items asked for; not "if a key appears more than once, the last wins"
        literal_gates.compile(r"\b(?:that|which|who)\s+(?:appears?|occurs?|(?:are|is|were|was)\s+(?:seen|listed)|shows?\s+up)\s+(?:\w+\s+)?(?:more\s+than\s+once|at\s+least\s+twice|twice\s+or\s+more|multiple\s+times)\b", re.IGNORECASE),
        lambda code: code.any_node(ast.Compare) or tests_membership(code.nodes) or code.has(r"count|Counter|seen|duplicat|groupby|nunique|tally|freq"),
        "never counts nor compares anything (every item is kept, repeated or not)",
    ),
    (
        "a sum",  # "a single line whose quantity is the sum of their quantities", "adding up the amounts of duplicates"
        literal_gates.compile(r"\b(?:is|are|being|be|becomes?|holds?)\s+the\s+sum\s+of\s+(?:their|its|the\s+\w+'s?|those)\b|\b(?:summing|adding\s+up|adds\s+up)\s+(?:their|the\s+merged)\b", re.IGNORECASE),
        _adds,
        "never adds anything (no +, sum nor Counter)",
    ),
    ("the median", literal_gates.compile(r"\bmedian\b", re.IGNORECASE), _orders, "never orders the values"),
    ("the median", literal_gates.compile(r"\bmedian\b(?!-)", re.IGNORECASE), _takes_a_middle, "never takes a middle value (no median call, no index at half the length)"),
    ("the largest minus the smallest", literal_gates.compile(r"\b(?:max(?:imum)?|largest|highest)\s+minus\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?:min(?:imum)?|smallest|lowest)\b", re.IGNORECASE),
     _orders, "never looks for a largest or a smallest value"),
    # "mapping every station to `arrivals - departures`", "scored minus conceded": a formula of names the instruction writes
    # out (not a layout of text: "formats an entry as `term - definition`"; not "a leading minus sign")
    ("a difference",
     literal_gates.compile(r"(?<!\bas\s)(?<!\blike\s)`(?:[A-Za-z_][\w.]*\s*[+*/]\s*)*[A-Za-z_][\w.]*\s+-\s+[A-Za-z_][\w.]*(?:\s*[-+*/]\s*[A-Za-z_][\w.]*)*`"
                r"|(?<!\bleading\s)(?<!\bunary\s)(?<!\bthe\s)(?<!\ba\s)\b(?!(?:a|the|leading|unary)\b)[A-Za-z]\w*\s+minus\s+(?:the\s+)?(?!sign\b|for\b)[A-Za-z]\w*\b(?!\s+sign)",
                re.IGNORECASE),
     _subtracts, "never subtracts (no -, -=, negative value nor abs)"),
    # "the applicants' combined gross annual income"
    ("a combined total", literal_gates.compile(r"\bcombined\s+(?:\w+\s+){0,3}(?:incomes?|weights?|totals?|amounts?|salar\w+|earnings|balances?|scores?|lengths?|sizes?)\b", re.IGNORECASE),
     _adds, "never adds anything (no +, sum nor Counter)"),
    ("merge sort", literal_gates.compile(r"\bmerge ?sort\b", re.IGNORECASE), _merges, "never merges two sorted runs (a pivot partition is quicksort)"),
    (
        "a product",
        literal_gates.compile(
            r"\b(?:running|cumulative|prefix|suffix|partial)\s+(?:\([^()]*\)\s+)?products?\b|\b(?:return|returns|compute|computes|calculate|calculates|find|finds|get|gets|"
            r"output|outputs|give|gives|print|prints)\s+(?:the\s+)?products?\s+of\b",
            re.IGNORECASE,
        ),
        _multiplies,
        "never multiplies",
    ),
    (
        "a weighted average",
        literal_gates.compile(r"\bweighted\s+(?:average|mean|by|according)\b|\b(?:average|mean)\s+weighted\b|\bweight(?:ed|ing)?\s+each\s+\w+\s+by\b", re.IGNORECASE),
        lambda code: _multiplies(code) or any(isinstance(n, ast.keyword) and n.arg == "weights" for n in code.nodes),  # fmean(xs, weights=ws)
        "never multiplies a value by its weight",
    ),
    ("the least common multiple", literal_gates.compile(r"\blcm\b|\b(?:least|lowest|smallest) common multiple\b", re.IGNORECASE), _lcm_evidence, "neither multiplies, divides nor steps"),
    ("anagrams", literal_gates.compile(r"\banagrams?\b", re.IGNORECASE), _counts_letters, "neither sorts nor counts the letters"),
    ("a count of lines", literal_gates.compile(r"\b(?<!same )(?<!equal )(?:number|count) of (?:non-?empty |non-?blank |blank |empty )?lines\b|\bhow many (?:\w+ )?lines\b|\bline count\b|\bcount(?:s|ing)? (?:the )?lines\b", re.IGNORECASE),
     _reads_lines, "never splits anything into lines (len() of a file or text counts something else)"),  # not "the same number of lines": the input's shape
    ("a rotation", literal_gates.compile(r"\brotations?\s+of\b|\brotated\s+(?:version|copy)\s+of\b", re.IGNORECASE), _rotates, "never slices, joins nor shifts"),
    (
        "unique or distinct items",
        literal_gates.compile(
            r"(?:\b(?:count|counts|number of|how many)\b[^.?!\n]{0,30}|\b(?:return|returns|find|finds|get|gets|list|lists|keep|keeps|extract|extracts|"
            r"collect|collects|print|prints)\s+(?:the\s+|all\s+|only\s+|all\s+the\s+)?(?:(?!of\b|in\b)\w+\s+){0,2})\b(?:unique|distinct)\b"
            r"(?!\s+(?:\w+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|trees|solutions|orders|outcomes|routes|sequences|schedules))"
            # "how many **different people** voted": different as distinct, right after the count
            r"|\b(?:how\s+many|number\s+of|count\s+of)\s+(?:the\s+)?different\b"
            r"(?!\s+(?:[\w/-]+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|trees|solutions|orders|outcomes|routes|sequences|schedules|kinds|types|sizes"
            r"|patterns|layouts|configurations|tilings|colou?rings)\b)",
            re.IGNORECASE,
        ),
        _dedups,
        "never tells one item from another (no set, dict or comparison)",
    ),
    (
        "distinct items counted per group",
        literal_gates.compile(
            r"\b(?:number|count)s?\s+of\s+(?:\w+\s+)?(?:distinct|unique)\s+(?!(?:\w+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|orders|solutions)\b)"
            r"[^.;\n]*?\b(?:per|for each|on each|in each|seen on|seen that|on that)\b"
            # "how many **different households** come on each weekday", "for each setter, how many different walls": different as distinct
            r"|\bhow\s+many\s+different\s+(?!(?:[\w/-]+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|orders|solutions|kinds|types|sizes|patterns)\b)"
            r"[^.;\n?]*?\b(?:per|on each|for each|in each|on that|in that)\b"
            r"|\b(?:for|per)\s+each\s+\w+(?:\s+\w+)?\s*(?:\([^()]*\)\s*)?,\s*how\s+many\s+(?:different|distinct|unique)\s+(?!(?:[\w/-]+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|orders|solutions|kinds|types|sizes|patterns)\b)"
            r"|\b(?:distinct|unique)\s+(?:\w+\s+)?(?:visitors|users|customers|ips|players|products|items)\s+(?:per|for each|on each|in each|by)\b"
            r"|\b(?:maps?|mapping)\s+each\s+\w+(?:\s+\w+)?\s+to\s+(?:the|its)\s+(?:number|count)\s+of\s+(?:\w+\s+)?(?:distinct|unique)\b"
            r"|\bhow\s+many\s+(?:distinct|unique)\s+(?!(?:\w+\s+)?(?:ways|paths|combinations|arrangements|permutations|subsets|orders|solutions)\b)[^.;\n?]*?\b(?:per|on each|for each|in each|each)\b",
            re.IGNORECASE,
        ),
        _dedups_within_groups,
        "counts every item of a group, repeats too (no set per group, no membership test)",
    ),
    (
        "a condition on every item",
        # "the flights for which every bag has been delivered", "films that every juror has scored", "members who climbed on every
        # day of the week", "films showing at every cinema", "attended each of the last n rehearsals": all of them, where any one would
        # not do; not "a string in which every run is written as ..." nor "where every hive has an entry": what a value looks like
        literal_gates.compile(
            r"\b(?:for\s+which|whose)\s+(?:\w+\s+){0,2}?every\s+\w+\s+(?:has|have|is|are|was|were|had)\b"
            r"|\bthat\s+every\s+\w+\s+(?:has|have|had)\s+\w+ed\b"
            r"|\b(?:showing|shown|played|climbed|attended|visited|worked|checked\s+in|present|open|available|stocked)\s+(?:at|on|in)\s+every\s+\w+"
            r"|\b(?:attended|on|at|in)\s+each\s+of\s+the\s+(?:last|first|past|next)\s+",
            re.IGNORECASE,
        ),
        _tests_every_item,
        "never tests every one of them (no all(), subset, count against the whole, nor an early exit on a failing one)",
    ),
    ("a palindrome", literal_gates.compile(r"\bpalindrom", re.IGNORECASE), _reverses, "never reverses nor compares from both ends"),
    (
        "a run of consecutive items",
        literal_gates.compile(r"\b(?:longest|current|best)\s+(?:run|streak)\b|\b(?:runs?|streaks?)\s+of\s+consecutive\b|\bconsecutive\s+\w+\s+(?:won|lost|by\s+the\s+same)\b"
                   r"|\bconsecutive\s+(?:\w+\s+){1,2}(?:at|with|for|on|in)\s+the\s+same\s+\w+\s+(?:are|is)\s+(?:merged|handled|grouped|combined|collapsed|counted)\b",
                   re.IGNORECASE),  # "Consecutive lines at the same bin are handled in one stop"
        lambda code: code.any_node(ast.Compare, ast.Subscript, ast.AugAssign) and not _counts_only(code) or code.has(r"groupby|pairwise|^zip$|streak|run|prev|last"),
        "never compares an item with the one before it",
    ),
    (
        "days of the week",
        literal_gates.compile(r"\b(?:business|working|work)\s+days\b|(?<!the )\b(?:business|working|work)\s+day\b|\bmonday[- ](?:to|through|thru|-)[- ]friday\b|\bweekdays?\b(?!\s+(?:names?|abbreviations?|strings?|labels?|codes?))"
                   r"|\b(?:on|at|over|during|falls?\s+on|lands?\s+on|is\s+an?|are)\s+(?:the\s+|a\s+)?weekends?\b|\bweekends?\s*(?:\(|days?\b|dates?\b|rates?\b|prices?\b|pricing\b|fees?\b|surcharges?\b|tariffs?\b|supplements?\b|premiums?\b|and\s+(?:public\s+|bank\s+)?holidays?\b)"
                   r"|\bon\s+(?:an?\s+)?(?:\*\*)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\s+or\s+(?:an?\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b(?!\s*,?\s*\d)",
                   re.IGNORECASE),  # "starts after 21:00 **on a Friday or Saturday**": a rule by the day of the week
        _reads_weekdays,
        "never asks which day of the week a date is",
    ),
    (
        "indices",
        literal_gates.compile(r"\breturns?\s+(?:the\s+|their\s+|its\s+|a\s+list\s+of\s+(?:the\s+)?)?(?:indices|indexes|positions)\b", re.IGNORECASE),
        _counts_positions,
        "never counts a position (no enumerate, range, index or counter)",
    ),
    ("leap years", literal_gates.compile(r"(?:\b|_)leap[-_ ]?years?\b", re.IGNORECASE), _leap_rule, "does not apply the 100- and 400-year rule nor the calendar module"),
    (
        "flattening to any depth",
        literal_gates.compile(r"\b(?:any|arbitrary|arbitrarily|unknown|unlimited|any level of|multiple levels of)\s+(?:depth|deep|nested|nesting)\b|"
                   r"\b(?:any|arbitrary|unknown|unlimited|many|multiple)\s+levels?\s+(?:of\s+)?(?:nesting|depth|deep|nested)\b|\bnested to any\b|\bdeeply nested\b", re.IGNORECASE),  # not "an unknown level" of a log
        _flattens_deeply,
        "handles one level only (no recursion, stack or loop until done)",
    ),
]

# "return the indices", "returns the number of ...": a value, never a bare True/False.
ASKS_FOR_A_VALUE = literal_gates.compile(
    r"\breturns?\s+(?:the\s+|a\s+|an\s+|all\s+|their\s+|its\s+|a\s+list\s+of\s+(?:the\s+)?|the\s+list\s+of\s+)?"
    r"(?P<what>indices|index|indexes|positions?|count|number\s+of|list|sum|pairs?|length|total|median|average|mean|maximum|minimum|largest|smallest)\b",
    re.IGNORECASE,
)
ASKS_FOR_A_TRUTH = literal_gates.compile(r"\b(?:true|false|whether|boolean|bool|if and only if|check|checks|verify|test|tests|determine|is\s+valid)\b", re.IGNORECASE)

# "returns the longest word", "return the most common character": text, never a bare number.
ASKS_FOR_TEXT = literal_gates.compile(
    r"\breturns?\s+(?:the|a|an)\s+(?:(?:longest|shortest|first|last|most\s+\w+|least\s+\w+|\w+est)\s+)?"
    r"(?P<what>word|string|name|character|char|letter|substring|sentence|line|title|text)\b"
    r"(?!\s+(?:count|length|index|position|number|frequency|total|amount|price|cost|sum|value|width|height|limit))",  # "the line total" is a number
    re.IGNORECASE,
)
NUMBER_CALLS = frozenset({"len", "sum", "int", "float", "abs", "round", "ord", "count", "index", "find", "rfind"})


def _numeric(node: Optional[ast.expr]) -> bool:
    """An expression that is always a number: a numeric literal, ``len``/``sum``/``.count()``, ``max`` or
    ``min`` over numbers, arithmetic of these."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
    if isinstance(node, ast.BinOp):
        return _numeric(node.left) and _numeric(node.right)
    if isinstance(node, ast.UnaryOp):
        return _numeric(node.operand)
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name in NUMBER_CALLS:
            return True
        if name in ("max", "min") and len(node.args) == 1 and not node.keywords:
            arg = node.args[0]
            return isinstance(arg, (ast.GeneratorExp, ast.ListComp)) and _numeric(arg.elt)
    return False


def _only_numbers(tree: ast.Module) -> bool:
    returns = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Return)]
    return bool(returns) and all(_numeric(r.value) for r in returns)


SORT_BY_TWO = literal_gates.compile(
    r"\b(?:sort|sorts|sorted|sorting|order|orders|ordered|ordering|rank|ranks|ranked)\b[^.;\n]*?\bby\s+(?:their\s+|its\s+|the\s+|each\s+\w+'s\s+)?(?P<a>[a-z_]+)\b"
    r"[^.;\n]*?\b(?:and|then)\b[^.;\n]{0,40}?\bby\s+(?:their\s+|its\s+|the\s+)?(?P<b>[a-z_]+)\b",
    re.IGNORECASE,
)
# Nouns that close a key of two words ("by blood type", "by membership tier"): the code may name the key by them alone.
CATEGORY_NOUNS = frozenset({"type", "kind", "category", "class", "group", "level", "tier", "grade"})
# Words that say a key is taken whole ("then by full name"): the key is the noun after them.
WHOLE_OF = frozenset({"full", "whole", "entire", "complete", "overall"})
# Words of direction before a key ("then by lowest odometer", "by highest score"): the key is the word after them.
DIRECTION_OF = frozenset({"lowest", "highest", "smallest", "largest", "biggest", "greatest", "shortest", "longest", "oldest", "newest",
                          "youngest", "cheapest", "dearest", "fewest", "least", "most"})
GENERIC_KEYS = frozenset(
    "length size value values key keys frequency count counts occurrence occurrences number descending ascending decreasing increasing "
    "index position default hand itself themselves reverse order magnitude absolute sum total last first then name names a an the "
    "one two default alphabet alphabetical rest remainder remaining other others earlier later earliest latest "
    "numeric numerical lexicographic lexicographical natural chronological".split()  # "by the numeric value of the class number": how, not what
)

FORMATS = {  # format: (how an instruction names it, the calls that parse it)
    "JSON": (r"\bjson\b", r"^json\.(?:loads?)$"),
    "CSV": (r"\bcsv\b|\bcomma[- ]separated\b|\btsv\b|\btab[- ]separated\b", r"^csv\.(?:reader|DictReader)$|^(?:pd|pandas)\.read_csv$"),
    "XML": (r"\bxml\b|\bhtml\b", r"^(?:ET|ElementTree|etree|xml\.etree\.ElementTree|minidom|xml\.dom\.minidom)\.(?:parse|fromstring|parseString)$"),
    "YAML": (r"\bya?ml\b", r"^yaml\.(?:safe_load|load|full_load|load_all|safe_load_all)$"),
    "TOML": (r"\btoml\b", r"^(?:tomllib|toml|tomli)\.loads?$"),
    "INI": (r"\bini\b|\.ini\b|\bconfigparser\b", r"(?:^|\.)(?:ConfigParser|RawConfigParser)$"),
}

# One standard conversion, both ways: (its encoding calls, its decoding calls).
ENCODING_CALLS = r"^(?:urlencode|quote|quote_plus|dumps?|b64encode|urlsafe_b64encode|b32encode|b16encode|hexlify|escape|compress)$"
DECODING_CALLS = r"^(?:parse_qs|parse_qsl|urlparse|urlsplit|unquote|unquote_plus|loads?|b64decode|urlsafe_b64decode|b32decode|b16decode|unhexlify|unescape|decompress|literal_eval|fromstring|safe_load)$"
DECODE_ASK = literal_gates.compile(r"\b(?:parse|parses|parsing|decode|decodes|decoding|deserializ\w*|unquote|unescape|unescapes|decompress\w*)\b", re.IGNORECASE)
ENCODE_ASK = literal_gates.compile(
    r"\b(?:encode|encodes|encoding|serializ\w*|quote|escape|escapes|escaping|compress|compresses|compressing|dump|dumps|build|builds|building|"
    r"create|creates|generate|generates|construct|constructs|format|formats|write|writes|round[- ]trip|both)\b",
    re.IGNORECASE,
)


# "gross rental yield (annual rent divided by price)", "the ratio of wins to games": which value is on top.
RATIO_ASK = literal_gates.compile(r"\b(?P<top>[a-z]\w*)\s+(?:divided\s+by|over)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+)?(?P<bottom>[a-z]\w*)\b"
                       r"|\bratio\s+of\s+(?:the\s+)?(?:\w+\s+)?(?P<top2>[a-z]\w*)\s+to\s+(?:the\s+)?(?:\w+\s+)?(?P<bottom2>[a-z]\w*)\b", re.IGNORECASE)


def _words_of(node: ast.AST) -> Set[str]:
    """The words an expression's names, attributes and string keys are made of (``item["monthly_rent"]``: item, monthly, rent)."""
    words: Set[str] = set()
    for n in walk(node):
        text = n.id if isinstance(n, ast.Name) else n.attr if isinstance(n, ast.Attribute) else n.value if isinstance(n, ast.Constant) and isinstance(n.value, str) else ""
        words.update(w for w in re.split(r"[_\W]+", text.lower()) if w)
    return words


def _has_word(word: str, words: Set[str]) -> bool:
    """``rent`` among the words of ``monthly_rent``; a plural is the same word (``prices`` and ``price``)."""
    return any(w.rstrip("s") == word.rstrip("s") for w in words)


def _ratio_upside_down(prose: str, tree: ast.Module) -> Optional[str]:
    """"annual rent divided by price" answered by ``price / (monthly_rent * 12)``: the code divides the value the
    instruction puts underneath by the one it puts on top, and never the other way round."""
    divisions = [(n, _words_of(n.left), _words_of(n.right)) for n in walk_outside_asserts(tree) if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div)]
    for match in RATIO_ASK.finditer(prose):
        top, bottom = (match.group("top") or match.group("top2")).lower(), (match.group("bottom") or match.group("bottom2")).lower()
        if len(top) < 4 or len(bottom) < 4 or top.rstrip("s") == bottom.rstrip("s") or negated(prose, match.start()):
            continue
        upside_down = [n for n, left, right in divisions if _has_word(bottom, left) and _has_word(top, right) and not _has_word(top, left)]
        right_way = [n for n, left, right in divisions if _has_word(top, left) and _has_word(bottom, right)]
        if upside_down and not right_way:
            return f"the instruction asks for {match.group(0)!r} and {unparsed(upside_down[0])[:60]} (line {upside_down[0].lineno}) divides the other way round"
    return None


def _asked(pattern: "re.Pattern[str]", prose: str, names: Set[str] = frozenset()) -> Optional["re.Match[str]"]:
    """The first ask of ``pattern`` that is not negated nor one of the instruction's ``names``."""
    return next((m for m in pattern.finditer(prose) if not ends_negated(prose, m.start()) and m.group(0) not in names), None)


# "A *Weekday* season pass can be upgraded to a *Full* one": a capitalised word in single stars names a product or a
# tier, it asks for nothing.
EMPHASISED_NAME = re.compile(r"(?<![*\w])\*([A-Z][a-z]+)\*(?![*\w])")


def _only_truths(tree: ast.Module) -> bool:
    returns = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Return)]
    return bool(returns) and all(isinstance(r.value, ast.Constant) and isinstance(r.value.value, bool) for r in returns)


# Sort keys that code names by another word: "by weekday" with ``DAY_ORDER[row["day"]]``, "by surname" with ``last``.
KEY_ALIASES = {"weekday": {"day", "dow", "wd"}, "surname": {"last", "lastname", "family"}, "forename": {"first", "firstname", "given"},
               # "by worker and then by time" over ``s["start"]``: a time is read from the field that holds it
               "time": {"start", "starts", "begin", "end", "ts", "timestamp", "when", "at", "clock", "hour", "datetime"},
               "date": {"day", "when", "ts", "timestamp", "on", "datetime"}}


def _names_the_key(key: str, words: Set[str]) -> bool:
    """The code names a sort key the instruction says in words: the word itself or its singular, a stem it
    shares ("creation" with ``created``), or an abbreviation of it ("departure" with ``dep``)."""
    if key in words or key.rstrip("s") in words or words & KEY_ALIASES.get(key, set()):
        return True
    stem = re.sub(r"(?:ing|ed|ions?)$", "", key)  # "posting" with ``posted``
    return any(len(w) >= 3 and key.startswith(w) or len(key) >= 6 and w.startswith(key[:5]) or len(stem) >= 4 and stem != key and w.startswith(stem) for w in words)


def _orders_by_fields(tree: ast.Module) -> bool:
    """A ``@dataclass(order=True)``: its instances compare field by field, in an order no sort key names; or a
    sort key of positions alone (``key=lambda row: (-row[1], row[0])``): the names are the tuple's, given where it is built."""
    if any(isinstance(d, ast.Call) and unparsed(d.func).endswith("dataclass") and any(k.arg == "order" and isinstance(k.value, ast.Constant) and k.value.value is True for k in d.keywords)
           for n in nodes_of(tree, ast.ClassDef) for d in n.decorator_list):
        return True
    for node in nodes_of(tree, ast.keyword):
        if node.arg == "key" and isinstance(node.value, ast.Lambda):
            parts = node.value.body.elts if isinstance(node.value.body, ast.Tuple) else [node.value.body]
            parts = [p.operand if isinstance(p, ast.UnaryOp) else p for p in parts]
            if len(parts) >= 2 and all(isinstance(p, ast.Subscript) and isinstance(p.slice, ast.Constant) and isinstance(p.slice.value, int) for p in parts):
                return True
    return False


def _words(code: str) -> Set[str]:
    return {w.lower() for token in re.findall(r"[A-Za-z_][A-Za-z0-9_]*", code) for w in re.findall(r"[A-Za-z][a-z0-9]*|[A-Z]+(?![a-z])", token)}


def _calls(tree: ast.Module) -> Set[str]:
    """Dotted names of the calls the code makes (``json.loads``, ``csv.reader``, ``urlencode``)."""
    return {unparsed(n.func) for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))}


def _another_format(prose: str, tree: ast.Module) -> Optional[str]:
    named = {name for name, (words, _) in FORMATS.items() if re.search(words, prose, re.IGNORECASE)}
    if not named:
        return None
    calls = _calls(tree)
    parsed = {name for name, (_, parsers) in FORMATS.items() if any(re.search(parsers, call) for call in calls)}
    foreign = parsed - named
    if foreign and not parsed & named:
        return f"the instruction's data is {'/'.join(sorted(named))} and the code parses it as {'/'.join(sorted(foreign))}"
    return None


def _opposite_direction(prose: str, tree: ast.Module) -> Optional[str]:
    last = {call.rpartition(".")[2] for call in _calls(tree)}
    encodes = sorted(c for c in last if re.search(ENCODING_CALLS, c))
    decodes = sorted(c for c in last if re.search(DECODING_CALLS, c))
    if _asked(DECODE_ASK, prose) and not ENCODE_ASK.search(prose) and encodes and not decodes:
        return f"the instruction asks to {_asked(DECODE_ASK, prose).group(0).lower()} and the code only encodes ({', '.join(encodes)})"
    return None


# Parameters named for the kind the instruction says they are: (instruction words, parameter names, the kind).
NAMED_KINDS = (
    (literal_gates.compile(r"\bstrings?\b|\bsentences?\b|\btext\b|\bwords?\b", re.IGNORECASE), frozenset({"s", "string", "text", "word", "sentence", "line", "phrase", "txt"}), str),
    (literal_gates.compile(r"\bdict(?:ionary|ionaries|s)?\b", re.IGNORECASE), frozenset({"d", "dct", "dic", "dictionary", "mapping"}), dict),
)


def _wrong_kind_method(prose: str, tree: ast.Module) -> Optional[str]:
    """A method the parameter's kind lacks, called on a parameter named for the kind the instruction
    gives it (``s.reverse()`` for "reverses a string", ``d.sort()`` for "takes a dictionary"), neither
    annotated otherwise nor rebound in the function."""
    for words, names, kind in NAMED_KINDS:
        if not words.search(prose):
            continue
        for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for arg in function.args.posonlyargs + function.args.args:
                if arg.arg not in names or (arg.annotation is not None and unparsed(arg.annotation) not in (kind.__name__, f"typing.{kind.__name__.title()}")):
                    continue
                if any(n.id == arg.arg and isinstance(n.ctx, (ast.Store, ast.Del)) for n in nodes_of(function, ast.Name)):
                    continue
                for node in nodes_of(function, ast.Call):
                    if (isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                            and node.func.value.id == arg.arg and not hasattr(kind, node.func.attr)):
                        return f"the instruction's input is a {kind.__name__} and the code calls {arg.arg}.{node.func.attr}(), which a {kind.__name__} lacks (line {node.lineno})"
    return None


# "the number of words in a manuscript's text", "count the words", "word count"; not words split at single spaces by the ask itself.
WORD_COUNT = literal_gates.compile(r"\b(?:(?:number|count)\s+of\s+(?:the\s+)?words|count(?:s|ing)?\s+(?:the\s+)?words|word\s*counts?|how\s+many\s+words)\b", re.IGNORECASE)
SPACES_ONLY = literal_gates.compile(r"\b(?:space-separated|single\s+spaces?|one\s+space|(?:by|with|on)\s+(?:one\s+or\s+more\s+)?spaces)\b", re.IGNORECASE)


def _words_split_at_spaces(prose: str, tree: ast.Module) -> Optional[str]:
    """Words counted from ``text.split(" ")``: a tab or a newline between two words leaves them one piece
    (``"end\\nstart"`` is one word), where ``split()`` splits at any whitespace. Read when the instruction
    asks for a count of words and does not say they are separated by spaces, and the code splits no
    other way (no ``split()``, no regex)."""
    if not _asked(WORD_COUNT, prose) or SPACES_ONLY.search(prose):
        return None
    splits = [n for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "split"]
    at_space = [n for n in splits if len(n.args) == 1 and isinstance(n.args[0], ast.Constant) and n.args[0].value == " "]
    if not at_space or any(not n.args for n in splits) or re.search(r"\bre\.|\bshlex\b|\bisspace\b", unparsed(tree)):
        return None
    return f"the instruction counts words and the code splits at single spaces (line {at_space[0].lineno}): a tab or newline between two words leaves them one (split() splits at any whitespace)"


# "Each extra is added on top whenever its condition applies", "the surcharges stack", "both discounts apply".
STACKING = literal_gates.compile(r"\b(?:each|every|all)\s+(?:\w+\s+)?(?:extras?|surcharges?|discounts?|fees?|bonus(?:es)?|penalt(?:y|ies)|excess(?:es)?|charges?|adjustments?)\b[^.]{0,60}?"
                      r"\b(?:added|applies|apply|applied|stacks?|stacking|combine[sd]?)\b|\bon top\b|\bcumulative(?:ly)?\b|\bstack(?:s|ing)?\b|\bboth\s+(?:apply|are\s+(?:added|applied))\b", re.IGNORECASE)


def _exclusive_extras(prose: str, tree: ast.Module) -> Optional[str]:
    """``if not named: excess += 500`` / ``elif age < 25: excess += 200`` where the instruction says each
    extra applies whenever its condition does: the ``elif`` drops the second when the first applies. Read
    when both branches add to the same name and their tests read different names."""
    if not _asked(STACKING, prose):
        return None
    for node in nodes_of(tree, ast.If):
        if not (len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)):
            continue
        first, second = node, node.orelse[0]
        def added(body):
            return {n.target.id for n in body if isinstance(n, ast.AugAssign) and isinstance(n.op, (ast.Add, ast.Sub, ast.Mult)) and isinstance(n.target, ast.Name)}
        def read(test):
            return {n.id for n in nodes_of(test, ast.Name)}
        if added(first.body) & added(second.body) and not read(first.test) & read(second.test) and len(first.body) == len(second.body) == 1:
            return (f"the instruction adds each extra whenever its condition applies, and the elif (line {second.lineno}) "
                    f"adds the second only when {unparsed(first.test)[:40]} does not hold")
    return None


# "the percentage change from old to new", "the percentage above the ideal weight": relative to the reference.
PERCENT_CHANGE_ASK = literal_gates.compile(r"\bpercent(?:age)?\s+(?:change|increase|decrease|growth|difference|above|over|below|under|more|less|higher|lower)\b|"
                                r"\b(?:change|increase|decrease|growth)\s+(?:in\s+)?(?:percent|%)", re.IGNORECASE)
RELATIVE_TO_ITSELF = literal_gates.compile(r"\bmargin|\bdrawdown|\bdecline|\bdiscount|\bof the (?:selling|sale|new|current|final) (?:price|value)\b", re.IGNORECASE)


def _change_over_the_changed(prose: str, tree: ast.Module) -> Optional[str]:
    """``(new - old) / new`` for a percentage change (``(current_kg - ideal_kg) / current_kg`` for the percentage
    above an ideal): the difference divided by the value compared, not by the one it is compared with."""
    if not _asked(PERCENT_CHANGE_ASK, prose) or RELATIVE_TO_ITSELF.search(prose):
        return None
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div) and isinstance(node.left, ast.BinOp) and isinstance(node.left.op, ast.Sub) \
                and unparsed(node.left.left) == unparsed(node.right):
            return (f"the instruction asks for a percentage change and {unparsed(node)[:50]} (line {node.lineno}) divides by "
                    f"{unparsed(node.right)[:20]}, not by {unparsed(node.left.right)[:20]} it is compared with")
    return None


# "the percentage of the monthly allowance the customer still has left", "how many minutes remain": a difference.
LEFT_ASK = literal_gates.compile(r"\b(?:percent(?:age)?|share|fraction|proportion)\s+of\s+(?:the\s+)?[\w ]{1,40}?\b(?:still\s+)?(?:has|have|is|are)?\s*(?:left|remaining)\b|"
                      r"\b(?:percent(?:age)?|amount|balance|budget|minutes|hours|days|data|credit|quota)\s+(?:still\s+)?(?:left|remaining)\b", re.IGNORECASE)


# "sheets used per day", "the stock lasts": a time left that is an amount over a rate.
RUNWAY = literal_gates.compile(r"\b(?:lasts?|per\s+(?:day|hour|minute|week)|a\s+day|daily|rate)\b", re.IGNORECASE)


def _left_never_subtracted(prose: str, tree: ast.Module) -> Optional[str]:
    """What is left of an allowance asked for, and code that computes a share (a division) with no
    subtraction at all (no ``-``, ``-=`` nor unary minus): it answers what was used."""
    asked = _asked(LEFT_ASK, prose)
    if not asked:
        return None
    if re.match(r"(?:minutes|hours|days)\b", asked.group(0), re.IGNORECASE) and RUNWAY.search(prose):
        return None  # "the days of stock remaining" at a daily use: stock over the rate, nothing taken away
    if any(isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.Sub) or isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub)
           for n in walk_outside_asserts(tree)):
        return None
    if not any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Div) for n in walk_outside_asserts(tree)):
        return None  # not a computed share: a lookup, a count
    return "the instruction asks for what is left and the code subtracts nothing: it answers what was used"


# "the genre that was borrowed most often", "the most common word", "the glaze used on the most pieces": the key with the largest count.
MOST_OFTEN_ASK = literal_gates.compile(r"\bmost\s+(?:often|common\w*|frequent\w*|popular)\b|\b(?:borrowed|ordered|used|seen|played|sold|visited|booked)\s+(?:(?:on|in|by|for|at)\s+)?(?:the\s+)?most\b", re.IGNORECASE)


def _largest_key_of_counts(prose: str, tree: ast.Module) -> Optional[str]:
    """``max(counts)`` of a ``Counter`` with no ``key=``: it compares the keys (the last in sort order), not
    their counts."""
    if not _asked(MOST_OFTEN_ASK, prose):
        return None
    counters = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call)
                and (getattr(n.value.func, "id", None) or getattr(n.value.func, "attr", None)) == "Counter" for t in n.targets if isinstance(t, ast.Name)}
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "min") and len(node.args) == 1 and not node.keywords
                and isinstance(node.args[0], ast.Name) and node.args[0].id in counters):
            return f"the instruction asks for what occurs most and {unparsed(node)} (line {node.lineno}) compares the keys of the Counter, not their counts"
    return None


# "the table's total quantity of each dish across both rounds": amounts added up, not replaced.
TOTAL_ASK = literal_gates.compile(r"\btotal\s+(?:quantity|quantities|amount|count|number)\b|\b(?:add(?:ed)?|summ?(?:ed)?)\s+up\b|\bcombined\s+(?:quantit\w*|amounts?|counts?|totals?)\b|"
                       r"\b(?:counts?|amounts?|quantities|totals?|plays|minutes|hours)\b[^.]{0,40}\b(?:summed|added together)\b", re.IGNORECASE)


def _totals_overwritten(prose: str, tree: ast.Module) -> Optional[str]:
    """Totals asked of several sources and code that merges them with ``dict.update`` (or ``{**a, **b}``,
    ``a | b``) and adds nothing anywhere: a key in both keeps the later amount, not the sum."""
    if not _asked(TOTAL_ASK, prose):
        return None
    merge = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "update"
                  and len(n.args) == 1), None)
    merge = merge or next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Dict) and sum(k is None for k in n.keys) >= 2), None)
    if merge is None:
        return None
    if any(isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.Add) for n in walk_outside_asserts(tree)) or \
            any(isinstance(n, ast.Call) and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("sum", "Counter", "fsum", "accumulate") for n in walk_outside_asserts(tree)):
        return None
    return f"the instruction asks for totals and {unparsed(merge)[:40]} (line {merge.lineno}) replaces a key's amount with the later one: nothing is added"


# "fell by more than 5 degrees", "rose by at least 10%": one direction of change.
ONE_DIRECTION_ASK = literal_gates.compile(r"\b(?:fell|falls?|dropped|drops?|decreased|decreases?|declined|declines?|rose|rises?|increased|increases?|climbed|climbs?|jumped|jumps?)\s+by\b", re.IGNORECASE)


def _change_in_either_direction(prose: str, tree: ast.Module) -> Optional[str]:
    """A change asked in one direction ("fell by more than ...") and code that compares ``abs(a - b)``: a rise counts too."""
    if not _asked(ONE_DIRECTION_ASK, prose) or re.search(r"\b(?:either direction|up or down|or (?:fell|rose|dropped|increased|decreased))\b", prose, re.IGNORECASE):
        return None
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Compare) and any(isinstance(side, ast.Call) and getattr(side.func, "id", None) == "abs" and side.args
                                                 and isinstance(side.args[0], ast.BinOp) and isinstance(side.args[0].op, ast.Sub) for side in [node.left] + node.comparators):
            return f"the instruction asks for a change in one direction and {unparsed(node)[:50]} (line {node.lineno}) takes abs(): a change the other way counts too"
    return None


# "half its duration or 4 minutes, whichever comes first": the smaller of the two; "whichever is later": the larger.
# "the greater of the first night's rate and 30% of the stay": the same choice, said before its two values.
WHICHEVER_SMALLER = literal_gates.compile(r"\bwhichever\s+(?:comes\s+first|is\s+(?:sooner|smaller|less|lower|earlier|shorter|first|cheaper))\b|"
                               r"\bthe\s+(?:lesser|smaller|lower)\s+of\b(?!\s+the\s+two\b)", re.IGNORECASE)
WHICHEVER_LARGER = literal_gates.compile(r"\bwhichever\s+(?:comes\s+(?:last|later)|is\s+(?:later|larger|greater|bigger|higher|longer|more))\b|"
                              r"\bthe\s+(?:greater|larger|higher|bigger)\s+of\b(?!\s+the\s+two\b)", re.IGNORECASE)


# "including decreases (negative values)", "the change may be negative": a difference kept when it is below zero
# (not "the shortfall", "leaving out ... zero or negative": Counter's own rule).
NEGATIVE_ASK = literal_gates.compile(r"\binclud\w*\s+(?:the\s+)?(?:decreases|drops|losses|negative\s+(?:values|changes|differences|numbers|ones))\b|"
                          r"\b(?:may|can|could|might|will)\s+(?:also\s+)?be\s+negative\b|\(negative\s+values?\)", re.IGNORECASE)


def _counter_difference_floors_at_zero(prose: str, tree: ast.Module) -> Optional[str]:
    """``Counter(after) - Counter(before)`` where the instruction wants decreases too: Counter's ``-`` keeps only
    the counts that stay above zero (``subtract`` or a loop over both keys is meant)."""
    if not _asked(NEGATIVE_ASK, prose):
        return None
    counters = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "Counter"
                for t in n.targets if isinstance(t, ast.Name)}
    def counter(node):
        return isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Counter" or isinstance(node, ast.Name) and node.id in counters
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and counter(node.left) and counter(node.right):
            return f"the instruction keeps negative differences and {unparsed(node)[:50]} (line {node.lineno}) drops every count that falls to zero or below"
    return None


# "a rating difference of more than 400 points is counted as 400 points (in either direction)": a cap on both sides.
BOTH_WAYS_ASK = literal_gates.compile(r"\b(?:in\s+either\s+direction|either\s+way|in\s+both\s+directions|positive\s+or\s+negative)\b", re.IGNORECASE)


def _capped_one_way(prose: str, tree: ast.Module) -> Optional[str]:
    """``min(difference, 400)`` and nothing that caps the other side (no ``max``, ``abs``, nor ``-400``) where the
    instruction caps a value in either direction: a difference of -600 stays -600."""
    if not _asked(BOTH_WAYS_ASK, prose):
        return None
    calls = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("min", "max", "abs", "copysign", "clamp")]
    caps = [n for n in calls if n.func.id == "min" and len(n.args) == 2 and (constant_value(n.args[1]) or 0) > 0]
    if len(caps) != 1 or any(n.func.id != "min" for n in calls):
        return None
    limit = constant_value(caps[0].args[1])
    if any(constant_value(n) == -limit for n in nodes_of(tree, (ast.UnaryOp, ast.Constant))):
        return None
    return f"the instruction caps the value in either direction and {unparsed(caps[0])[:40]} (line {caps[0].lineno}) caps it only from above"


def _whichever_reversed(prose: str, tree: ast.Module) -> Optional[str]:
    """"whichever comes first" answered by ``max(a, b)`` and no ``min`` (or "whichever is greater" by ``min`` and no ``max``)."""
    calls = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("min", "max") and len(n.args) == 2]
    names = {n.func.id for n in calls}
    for ask, wrong in ((WHICHEVER_SMALLER, "max"), (WHICHEVER_LARGER, "min")):
        said = _asked(ask, prose)
        if said and names == {wrong}:
            call = next(n for n in calls if n.func.id == wrong)
            return f"the instruction says {said.group(0)!r} and {unparsed(call)[:40]} (line {call.lineno}) takes the other one"
    return None


# "rows come from csv.DictReader, so every value is a string": fields to convert before any arithmetic.
TEXT_FIELDS_ASK = literal_gates.compile(r"\bDictReader\b|\b(?:every|each|all)\s+(?:the\s+)?(?:values?|fields?)\s+(?:is|are)\s+(?:a\s+)?(?:strings?|text)\b|"
                             r"\bvalues\s+are\s+(?:all\s+)?strings\b", re.IGNORECASE)


def _text_field_in_arithmetic(prose: str, tree: ast.Module) -> Optional[str]:
    """``row["qty"] * float(row["price"])`` of rows whose values the instruction says are strings: a field read
    raw into arithmetic with a number (text times a float, text minus or over anything, text plus a number)."""
    if not _asked(TEXT_FIELDS_ASK, prose):
        return None

    def raw_field(node):
        return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)

    def number(node):
        return (isinstance(node, ast.Constant) and type(node.value) in (int, float)) or (
            isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("float", "int", "Decimal", "round", "abs", "len"))

    for node in walk_outside_asserts(tree):
        if not isinstance(node, ast.BinOp):
            continue
        for field, other in ((node.left, node.right), (node.right, node.left)):
            if not raw_field(field):
                continue
            floats = isinstance(other, ast.Call) and getattr(other.func, "id", None) in ("float", "Decimal") or isinstance(other, ast.Constant) and type(other.value) is float
            if (isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv)) and (number(other) or raw_field(other))) or (
                    isinstance(node.op, ast.Mult) and floats) or (isinstance(node.op, ast.Add) and number(other)):
                return f"the instruction's fields are strings and {unparsed(node)[:50]} (line {node.lineno}) does arithmetic on {unparsed(field)} unconverted"
    return None


# "where the left-to-right order matters": arrangements; "order does not matter": selections.
ORDER_MATTERS_ASK = literal_gates.compile(r"\border\s+(?:matters|is\s+important|counts)\b", re.IGNORECASE)
ORDER_FREE_ASK = literal_gates.compile(r"\border\s+(?:does\s+not|doesn't|do\s+not|don't)\s+matter\b|\bregardless\s+of\s+(?:the\s+)?order\b", re.IGNORECASE)
COUNTS_SELECTIONS = frozenset({"comb", "combinations", "combinations_with_replacement"})
COUNTS_ARRANGEMENTS = frozenset({"perm", "permutations", "factorial", "product"})


def _selections_for_arrangements(prose: str, tree: ast.Module) -> Optional[str]:
    """"the order matters" answered with ``comb``/``combinations`` alone, or "the order does not matter" with
    ``perm``/``permutations`` alone: the count of the other kind of choice."""
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in walk_outside_asserts(tree) if isinstance(n, ast.Call)}
    for ask, used, missing, what in ((ORDER_MATTERS_ASK, COUNTS_SELECTIONS, COUNTS_ARRANGEMENTS, "unordered selections"),
                                     (ORDER_FREE_ASK, COUNTS_ARRANGEMENTS - {"factorial", "product"}, COUNTS_SELECTIONS | {"factorial"}, "ordered arrangements")):
        said = _asked(ask, prose)
        if said and called & used and not called & missing:
            return f"the instruction says {said.group(0)!r} and the code counts {what} ({', '.join(sorted(called & used))})"
    return None


MILLISECONDS = literal_gates.compile(r"\b(\d+)\s*(?:milliseconds?|ms)\b", re.IGNORECASE)


def _milliseconds_as_seconds(prose: str, tree: ast.Module) -> Optional[str]:
    """"wait 200 milliseconds" and ``time.sleep(200)``: sleep takes seconds."""
    for amount in {int(m.group(1)) for m in MILLISECONDS.finditer(prose) if int(m.group(1)) >= 10}:
        for node in nodes_of(tree, ast.Call):
            if (unparsed(node.func) in ("time.sleep", "sleep", "asyncio.sleep") and node.args
                    and isinstance(node.args[0], ast.Constant) and node.args[0].value == amount):
                return f"the instruction waits {amount} milliseconds and the code sleeps {amount} seconds ({unparsed(node)})"
    return None


def _missing_parameter(prose: str, tree: ast.Module) -> Optional[str]:
    """A parameter the instruction's signature names (`sort_records(records, key, reverse=False)`) that the
    code's function of that name does not take (and no ``*args``/``**kwargs`` could)."""
    functions = {n.name: n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for signature in asked_signatures(prose):
        function = functions.get(signature.name)
        if function is None or function.args.vararg or function.args.kwarg:
            continue
        if not signature.params or any(n in ("self", "cls") for n in signature.params):
            continue
        taken = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        missing = [n for n in signature.params if n not in taken]
        if missing and len(taken) < len(signature.params):
            return f"the instruction's signature {signature.spelled} has the parameter {missing[0]} and the code's {function.name}() does not take it"
    return None


def _sequence_of(iterable: ast.expr) -> Optional[ast.Name]:
    """The sequence a loop walks: ``items``, ``enumerate(items)``, ``range(len(items))``, ``range(i + 1, len(items))``."""
    if isinstance(iterable, ast.Name):
        return iterable
    if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "enumerate" and iterable.args and isinstance(iterable.args[0], ast.Name):
        return iterable.args[0]
    if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" and iterable.args:
        end = iterable.args[1] if len(iterable.args) > 1 else iterable.args[0]
        if isinstance(end, ast.Call) and getattr(end.func, "id", None) == "len" and end.args and isinstance(end.args[0], ast.Name):
            return end.args[0]
    return None


LINEAR = literal_gates.compile(r"\bO\(n\)|\blinear time\b|\bin linear\b|\bsingle pass\b|\bone pass\b", re.IGNORECASE)


def _quadratic_scan(prose: str, tree: ast.Module) -> Optional[str]:
    """"must run in O(n)" and a loop over a sequence that searches the same sequence each time round
    (``item in items[i + 1:]``, ``items.count(item)``, ``items.index(item)``)."""
    if not LINEAR.search(prose):
        return None
    for loop in nodes_of(tree, (ast.For, ast.comprehension)):
        seq = _sequence_of(loop.iter)
        if seq is None:
            continue
        inner = next((n for statement in (loop.body if isinstance(loop, ast.For) else []) for n in nodes_of(statement, ast.For)
                      if n is not loop and _sequence_of(n.iter) is not None and _sequence_of(n.iter).id == seq.id), None)
        if inner is not None:
            return f"the instruction asks for O(n) and the code loops over {seq.id} inside a loop over {seq.id} (line {inner.lineno})"
        body = loop.body if isinstance(loop, ast.For) else [loop]
        for node in (n for statement in body for n in walk(statement)):
            searched = None
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
                right = node.comparators[0]
                searched = right.value if isinstance(right, ast.Subscript) else right
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("count", "index"):
                searched = node.func.value
            if isinstance(searched, ast.Name) and searched.id == seq.id:
                return f"the instruction asks for O(n) and the code searches {seq.id} again for each of its items ({unparsed(node)[:40]})"
    return None


ANYWHERE = literal_gates.compile(r"\banywhere\b|\bcontains?\b[^.]{0,30}\b(?:at least one|any)\b|\bsomewhere in\b|\bat any position\b", re.IGNORECASE)
HASHED = literal_gates.compile(r"\b(?:dict(?:ionary)? keys?|as keys?|in (?:a )?sets?|hashable|set of)\b", re.IGNORECASE)
APPENDS_TO_A_FILE = literal_gates.compile(r"\bappends?\b[^.]{0,60}\b(?:file|log)\b|\b(?:keep|kept|preserv\w*)\b[^.]{0,30}\b(?:existing|previous|old)\b[^.]{0,20}\b(?:lines|content|entries)\b", re.IGNORECASE)


def _behaviour_the_code_cannot_have(prose: str, tree: ast.Module) -> Optional[str]:
    """``re.match`` (the start only) for a digit "anywhere"; a class compared by ``__eq__`` with no
    ``__hash__`` (so unhashable) that must be a dict key or in a set; a file to append to opened ``"w"``."""
    calls = list(nodes_of(tree, ast.Call))
    names = {unparsed(c.func) for c in calls}
    if ANYWHERE.search(prose) and "re.match" in names and not names & {"re.search", "re.findall", "re.finditer", "re.fullmatch"}:
        pattern = next((c.args[0] for c in calls if unparsed(c.func) == "re.match" and c.args), None)
        if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str) and not pattern.value.startswith((".*", "^.*", ".+")):
            return f"the instruction looks anywhere in the string and re.match({pattern.value!r}) looks at its start only"
    if HASHED.search(prose):
        for cls in nodes_of(tree, ast.ClassDef):
            if not cls.bases and not cls.decorator_list:
                methods = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
                hashed = "__hash__" in methods or any(isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "__hash__" for t in n.targets) for n in cls.body)
                if "__eq__" in methods and not hashed:
                    return f"the instruction puts {cls.name} objects in sets or dict keys and the class defines __eq__ without __hash__, which makes them unhashable"
    if APPENDS_TO_A_FILE.search(prose):
        modes = [c.args[1].value if len(c.args) > 1 and isinstance(c.args[1], ast.Constant) else next((k.value.value for k in c.keywords if k.arg == "mode" and isinstance(k.value, ast.Constant)), None)
                 for c in calls if unparsed(c.func) in ("open", "io.open") or (isinstance(c.func, ast.Attribute) and c.func.attr == "open")]
        if modes and all(isinstance(m, str) and "w" in m for m in modes):
            return "the instruction appends to the file and the code opens it with mode 'w', which empties it"
    return None


# Words that ask for a running total in some form: "cumulative", "so far", "the balance after each"; a schedule's
# start and end times ("one oven, starting at minute 0 with no gaps": each end is the sum of the durations before it;
# "the start times (ms from the beginning of the queue) of each track"),
# a continuous mix's start offsets, a level "starting from" an opening one that the changes are applied to ("the lowest
# end-of-day stock" after "daily net changes"); a stock that runs out ("the first day on which the stock can no longer
# cover that day's usage"); the time or place at every stop of legs given one by one ("`run_times[i]` is the minutes
# from stop `i` to stop `i + 1`. Return the time at every stop").
RUNNING_ASK = literal_gates.compile(r"\bfrom (?:the )?\w+ `?[a-z]`? to (?:the )?\w+ `?[a-z] ?\+ ?1`?|\b(?:at|for|of) (?:each|every) (?:stop|station|checkpoint|waypoint|leg|lap|split)\b|\b(?:running|cumulative\w*|prefix|accumulat\w*|so far|progressive|partial sums?|balances?|after each|up to (?:and including )?(?:each|that|this|the current)|"
                         r"rolling|totals? at each|each (?:step|point|day|month|position)|no gaps?|back[- ]to[- ]back|one after (?:another|the other)|"
                         r"sequential\w*|in sequence|schedul\w*|timeline|start\w*\b[^.]{0,80}\bend\w*|start(?:ing)? (?:times?|positions?)|from the (?:beginning|start) of|"
                         r"continuous|offsets?|starting (?:from|with|at)\b[^.]{0,80}\b(?:apply|add|subtract)\w*|"
                         r"(?:at|on) (?:any|the same) (?:single )?(?:time|moment|night|day|point|instant)|at once|simultaneous\w*|peak|overlap\w*|"
                         r"moving averages?|exponential\w*|smooth\w*|recurrence|at the end of (?:each|every|which|that|the) \w+|(?:stock|inventory|fill|water|tank) levels?|"
                         r"end[- ]of[- ](?:day|week|month|year|period)|net\s+changes?|runs?\s+out|ran\s+out|no\s+longer|deplet\w*|exhaust\w*|used\s+up|"
                         r"in\s+successive\s+\w+|halves|(?:first|second)\s+half|split\s+points?)\b|"  # "the two halves' totals": prefix sums
                         r"\[\s*[a-z]\w*\s*-\s*1\s*\]", re.IGNORECASE)  # "s[t] = ... s[t-1]": each value from the one before


def _running_total_unasked(prose: str, tree: ast.Module) -> Optional[str]:
    """``itertools.accumulate`` where the instruction asks for nothing cumulative ("each value's share of
    the total"): every item after the first carries the ones before it."""
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in nodes_of(tree, ast.Call)}
    if RUNNING_ASK.search(prose) or called & {"takewhile", "dropwhile", "bisect", "bisect_left", "bisect_right"}:
        return None  # prefix sums searched for a threshold ("how many parcels fit"): a total, found by its running values
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "accumulate":
            return f"the instruction asks for nothing cumulative and the code accumulates ({unparsed(node)[:50]}, line {node.lineno})"
    return None


# "the overall average speed for the whole ride": total distance over total time, not a mean of each part's speed.
OVERALL_RATE_ASK = literal_gates.compile(r"\boverall\s+(?:average\s+)?(?:speed|pace|rate|price per \w+|cost per \w+)\b|\baverage\s+(?:speed|pace)\s+(?:for|over|across)\s+(?:the\s+)?(?:whole|entire|all)\b", re.IGNORECASE)


ISO_WEEK_ASK = literal_gates.compile(r"\bISO(?:[- ]?8601)?\s+(?:week|calendar)|\bISO\s+week[- ]numbering\b|\b%G-W%V\b", re.IGNORECASE)


def _calendar_week_for_iso(prose: str, tree: ast.Module) -> Optional[str]:
    """``strftime("%Y-W%W")`` (or ``%U``) for an ISO week: those count weeks from the year's first Monday
    (Sunday) and start at 0; the ISO week and its year are ``isocalendar()`` or ``%G``/``%V``."""
    if not ISO_WEEK_ASK.search(prose):
        return None
    text = unparsed(tree)
    if "isocalendar" in text or "%V" in text or "%G" in text:
        return None
    for node in nodes_of(tree, ast.Constant):
        if isinstance(node.value, str) and re.search(r"%[WU]", node.value):
            return f"the instruction asks for the ISO week and {node.value!r} (line {node.lineno}) counts weeks from the year's first Monday or Sunday, not ISO's"
    return None


AVERAGE_ASK = literal_gates.compile(r"\b(?:average|mean)\b", re.IGNORECASE)


def _halved_running_mean(prose: str, tree: ast.Module) -> Optional[str]:
    """``avg[k] = (avg[k] + x) / 2`` for an average of many values: each new value gets half the weight and
    every earlier one is halved again (the mean of 4, 4, 1 comes out 2.5, not 3)."""
    if not AVERAGE_ASK.search(prose):
        return None
    for node in nodes_of(tree, ast.Assign):
        if not (len(node.targets) == 1 and isinstance(node.targets[0], (ast.Subscript, ast.Name))):
            continue
        target = unparsed(node.targets[0])  # unparsed: the stored target and the loaded operand differ in their ctx
        for value in [node.value] + ([node.value.body, node.value.orelse] if isinstance(node.value, ast.IfExp) else []):
            if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div) and constant_value(value.right) == 2 and isinstance(value.left, ast.BinOp) \
                    and isinstance(value.left.op, ast.Add) and target in (unparsed(value.left.left), unparsed(value.left.right)):
                return f"the instruction asks for an average and {unparsed(node)[:50]} (line {node.lineno}) halves the weight of every earlier value"
    return None


# "for every customer, the mean total", "the average score per player", "each team's average"
AVERAGE_PER_GROUP_ASK = literal_gates.compile(r"\b(?:average|mean)\b[^.;]{0,60}?\b(?:per|for each|for every|of each|by)\b|\b(?:for|of)\s+(?:each|every)\s+\w+\b[^.;]{0,40}?\b(?:average|mean)\b|\beach\s+\w+'s\s+(?:average|mean)\b|"
                                   r"\bmap\w*\s+(?:each|every)\s+\w+\s+to\s+(?:the|its|their)\s+(?:average|mean)\b", re.IGNORECASE)  # "a dict mapping each flight to the average weight of its bags"


# "For each day with a **negative** balance, interest is ...", "only the transactions with a negative amount": a sign that selects.
NEGATIVE_ONLY_ASK = literal_gates.compile(r"\b(?:with|having|whose)\s+(?:an?\s+)?\**negative\**\s+(?:balance|amount|value|total|change)s?\b", re.IGNORECASE)


def _sign_never_told(prose: str, tree: ast.Module) -> Optional[str]:
    """The instruction counts only items with a negative amount, and nothing in the code tells a negative number from a
    positive one: no comparison with 0, no ``min(x, 0)``/``max(x, 0)``, no sign test (``abs(b)`` of every balance adds the
    positive days too)."""
    if not NEGATIVE_ONLY_ASK.search(prose):
        return None
    for node in walk(tree):
        if isinstance(node, ast.Compare) and any(constant_value(side) == 0 for side in [node.left, *node.comparators]):
            return None
        if isinstance(node, ast.Call) and (getattr(node.func, "id", None) in ("min", "max") and any(constant_value(a) == 0 for a in node.args)
                                           or getattr(node.func, "attr", getattr(node.func, "id", None)) in ("is_signed", "copysign", "sign", "signbit")):
            return None
        if isinstance(node, ast.Attribute) and node.attr in ("is_signed",):
            return None
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    if not functions:
        return None
    return f"the instruction counts only {NEGATIVE_ONLY_ASK.search(prose).group(0)!r} and nothing in the code tells a negative number from a positive one"


def _group_mean_over_everything(prose: str, tree: ast.Module) -> Optional[str]:
    """``{customer: total / len(orders) for customer, total in totals.items()}``: each group's total divided by
    the count of the whole input (a parameter), not of the group's own items."""
    if not AVERAGE_PER_GROUP_ASK.search(prose):
        return None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        for node in nodes_of(function, ast.DictComp):
            if not (len(node.generators) == 1):
                continue
            source = node.generators[0].iter
            if not (isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and source.func.attr == "items" and isinstance(source.func.value, ast.Name)
                    and source.func.value.id not in params):
                continue
            for part in nodes_of(node.value, ast.BinOp):
                if (isinstance(part.op, (ast.Div, ast.FloorDiv)) and isinstance(part.right, ast.Call)
                        and getattr(part.right.func, "id", None) == "len" and len(part.right.args) == 1
                        and isinstance(part.right.args[0], ast.Name) and part.right.args[0].id in params):
                    return (f"the instruction asks for an average per group and {unparsed(part)[:50]} (line {part.lineno}) divides each group's "
                            f"total by the length of all of {part.right.args[0].id}")
    return None


def _sum_over_len(node: ast.AST, op: type) -> Optional[Tuple[ast.Call, ast.Call]]:
    """``sum(...) / len(...)`` (``op`` the division, ``/`` or ``//``): its two calls, else None."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, op) and isinstance(node.left, ast.Call) and isinstance(node.right, ast.Call) \
            and getattr(node.left.func, "id", None) == "sum" and getattr(node.right.func, "id", None) == "len":
        return node.left, node.right
    return None


def _mean_of_ratios(prose: str, tree: ast.Module) -> Optional[str]:
    """The mean (``sum(xs) / len(xs)``, ``mean(xs)``) of a list of per-item quotients, where the
    instruction asks for an overall rate: a short fast segment counts as much as a long slow one."""
    if not OVERALL_RATE_ASK.search(prose):
        return None
    ratios = {target.id for node in nodes_of(tree, ast.Assign) if len(node.targets) == 1 and isinstance(target := node.targets[0], ast.Name)
              and isinstance(node.value, (ast.ListComp, ast.GeneratorExp)) and isinstance(node.value.elt, ast.BinOp) and isinstance(node.value.elt.op, ast.Div)}
    for node in walk(tree):
        averaged, mean = None, _sum_over_len(node, ast.Div)
        if mean and all(len(call.args) == 1 for call in mean):
            averaged = mean[0].args[0]
        elif isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("mean", "fmean") and len(node.args) == 1:
            averaged = node.args[0]
        if isinstance(averaged, ast.Name) and averaged.id in ratios:
            return f"the instruction asks for an overall rate and {unparsed(node)[:40]} (line {node.lineno}) averages each item's own ratio (total over total is meant)"
    return None


# "the fees compound", "compounded monthly", "each fee is charged on the balance including earlier fees"
COMPOUND_ASK = literal_gates.compile(r"\b(?:fees?|interest|rates?|growth|returns?|charges?|penalt(?:y|ies))\b[^.;]{0,60}\bcompound(?:s|ed|ing)?\b|\bcompound(?:s|ed|ing)?\s+(?:interest|monthly|annually|daily|yearly|quarterly|weekly)\b|"
                          r"\bcompounding\b|\bon the (?:new |running )?balance including (?:the )?(?:earlier|previous|prior) (?:fees|interest)\b", re.IGNORECASE)


def _never_compounds(prose: str, tree: ast.Module) -> Optional[str]:
    """Interest or fees asked to compound, and code with no power (``**``, ``pow``, ``exp``) and no loop that
    multiplies a running value: ``balance * (1 + rate * periods)`` is simple interest."""
    if not COMPOUND_ASK.search(prose):
        return None
    for node in walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) or isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("pow", "exp", "prod"):
            return None
        if isinstance(node, (ast.For, ast.While)) and any(isinstance(n, ast.AugAssign) and isinstance(n.op, (ast.Mult, ast.Add)) or isinstance(n, ast.Assign) for n in walk(node)):
            return None  # a loop that carries the balance from one period to the next
    simple = next((n for n in nodes_of(tree, ast.BinOp) if isinstance(n.op, ast.Mult)), None)
    return f"the instruction asks for compounding and the code never raises to a power nor carries a balance through a loop ({unparsed(simple)[:40]}, line {simple.lineno})" if simple else None


def _floored_mean(prose: str, tree: ast.Module) -> Optional[str]:
    """``(hi + lo) // 2`` (or ``sum(xs) // len(xs)``) for a mean of values the function takes as floats: the
    floor division drops the fraction (18.5 becomes 18.0)."""
    if not AVERAGE_ASK.search(prose):
        return None
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        annotations = [unparsed(a.annotation) for a in function.args.args if a.annotation is not None]
        if not any("float" in annotation for annotation in annotations):
            continue
        for node in nodes_of(function, ast.BinOp):
            if isinstance(node.op, ast.FloorDiv) and (
                    isinstance(node.left, ast.BinOp) and isinstance(node.left.op, ast.Add) and constant_value(node.right) == 2
                    or _sum_over_len(node, ast.FloorDiv) is not None):
                return f"the instruction asks for a mean of floats and {unparsed(node)[:40]} (line {node.lineno}) floor-divides, dropping the fraction"
    return None


MEDIAN_ASK = literal_gates.compile(r"\bmedian\b", re.IGNORECASE)
ODD_ONLY = literal_gates.compile(r"\bodd\s+(?:number|length|count|size)\b|\blower\s+median\b|\bupper\s+median\b|\bmedian_(?:low|high)\b|\bmiddle\s+(?:element|one|item|value)\b", re.IGNORECASE)


def _median_of_odd_lengths_only(prose: str, tree: ast.Module) -> Optional[str]:
    """``values[len(values) // 2]`` for "the median", and nothing for an even count (no ``% 2``, no mean of
    the two middle values, no ``statistics``): [1, 2, 3, 4] gives 3 instead of 2.5."""
    if not MEDIAN_ASK.search(prose) or ODD_ONLY.search(prose):
        return None
    text = unparsed(tree)
    own = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in nodes_of(tree, ast.Call)}
    if any("median" in name for name in called - own if name) or re.search(r"%\s*2\b|statistics|numpy|\bnp\.|(?<!/)/\s*2(?:\.0)?\b|\*\s*0\.5\b|- 1\]|-1\]|\bquantiles\b|divmod", text):
        return None
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Subscript) and isinstance(node.slice, ast.BinOp) and isinstance(node.slice.op, ast.FloorDiv)
                and constant_value(node.slice.right) == 2 and isinstance(node.slice.left, ast.Call) and getattr(node.slice.left.func, "id", None) == "len"):
            return f"the instruction asks for the median and {unparsed(node)[:40]} (line {node.lineno}) takes one middle value: an even count needs the mean of two"
    return None


def _filtered_over(comprehension: ast.AST) -> Optional[str]:
    """The name a comprehension walks when it keeps only some items (``[r for r in reviews if ...]``)."""
    if isinstance(comprehension, (ast.ListComp, ast.GeneratorExp)) and len(comprehension.generators) == 1:
        generator = comprehension.generators[0]
        if generator.ifs and isinstance(generator.iter, ast.Name):
            return generator.iter.id
    return None


def _mean_over_every_item(prose: str, tree: ast.Module) -> Optional[str]:
    """``sum(rated) / len(reviews)`` where ``rated`` keeps only some of ``reviews`` ("ignore the unrated
    ones"): the items left out still count in the divisor, so the average comes out low."""
    if not AVERAGE_ASK.search(prose):
        return None
    kept = {node.targets[0].id: source for node in nodes_of(tree, ast.Assign) if len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and (source := _filtered_over(node.value))}
    for node in walk(tree):
        mean = _sum_over_len(node, ast.Div)
        if not (mean and all(len(call.args) == 1 for call in mean) and isinstance(mean[1].args[0], ast.Name)):
            continue
        summed, counted = mean[0].args[0], mean[1].args[0].id
        source = kept.get(summed.id) if isinstance(summed, ast.Name) else _filtered_over(summed)
        if source == counted:
            return (f"the instruction asks for an average and {unparsed(node)[:50]} (line {node.lineno}) sums only the items it keeps "
                    f"and divides by every item of {counted}")
    return None


# "a dictionary where ... the values are the dictionary objects themselves": each item, unchanged, is a value.
ITEMS_THEMSELVES = literal_gates.compile(r"\bvalues?\s+(?:are|is|being)\s+the\s+(?:[\w-]+\s+){0,4}(?:themselves|itself)\b", re.IGNORECASE)


def _not_the_items_themselves(prose: str, tree: ast.Module) -> Optional[str]:
    """The instruction's dict values are the items themselves, and every dict the code builds holds
    something else: ``{key: {value: (value,)} for key, value in data}``."""
    asked = ITEMS_THEMSELVES.search(prose)
    if not asked:
        return None
    built = []
    for node in walk(tree):
        if isinstance(node, ast.DictComp):
            targets = {n.id for g in node.generators for n in nodes_of(g.target, ast.Name)}
            built.append((node, isinstance(node.value, ast.Name) and node.value.id in targets))
        elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Subscript) for t in node.targets):
            built.append((node, isinstance(node.value, ast.Name)))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("append", "setdefault", "update"):
            built.append((node, True))  # grouped or merged: not judged
    if built and not any(plain for _, plain in built):
        node = built[0][0]
        return f"the instruction asks that {asked.group(0)!r} and the code stores something else ({unparsed(node)[:50]}, line {node.lineno})"
    return None


# "the wickets it had in hand (10 minus wickets lost)": a count the answer is worked out from, by its number.
CONSTANT_MINUS = literal_gates.compile(r"\b(?P<number>\d+(?:\.\d+)?)\s+minus\s+(?:the\s+)?(?P<what>[a-z][a-z ]{2,30}?)(?=[).,;]|$)", re.IGNORECASE)


def _constant_never_used(prose: str, tree: ast.Module) -> Optional[str]:
    """The instruction works the answer out as "N minus <something>" and no literal of the code is N."""
    numbers = {n.value for n in nodes_of(tree, ast.Constant) if isinstance(n.value, (int, float)) and not isinstance(n.value, bool)}
    for match in CONSTANT_MINUS.finditer(prose):
        number = float(match.group("number"))
        if number >= 2 and number not in numbers and not negated(prose, match.start()):
            return f"the instruction works the answer out as {match.group(0)!r} and no number of the code is {match.group('number')}"
    return None


# What an operation's ask needs beside its words, in the instruction or the code: days of the week are those of dates
# (or of named days); "splits the stops into working days of at most `per_day` stops" counts days, with no calendar.
OPERATION_NEEDS = {
    "days of the week": literal_gates.compile(r"\bdates?\b|\bdatetime\b|\bcalendar\b|\btoday\b|\b\d{4}-\d{2}-\d{2}\b|\bday\s+of\s+the\s+week\b|\bweekdays?\b|\bweekends?\b"
                                   r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b|\b(?:mon|tue|wed|thu|fri|sat|sun)\b", re.IGNORECASE),
}
# What voids an operation's ask: working days that a shift pattern of its own defines ("4 days on and 2 days off,
# starting on `pattern_start`"), not the days of the week; "rates are missing on weekends", which says why the data has
# gaps, not to tell the days apart.
OPERATION_VOIDED = {
    # "the weight-weighted average price per kg (total price ÷ total weight)": a ratio of two totals, nothing to multiply
    # (where the code divides by that weight: a plain mean of per-kg prices divides by a count)
    "a weighted average": literal_gates.compile(r"\b(?:total|sum\s+of(?:\s+the)?)\s+\w+(?:\s+\w+)?\s*(?:÷|/|divided\s+by|over)\s*(?:the\s+)?(?:total|sum\s+of)\s+(?:the\s+)?(?P<needs>[a-z]+)",
                                     re.IGNORECASE),
    "days of the week": literal_gates.compile(r"\b(?:missing|absent|unavailable|not\s+(?:published|quoted|recorded))\s+(?:on|at|over)\s+weekends\b|\b(?:\d+|one|two|three|four|five|six|seven)\s+days?\s+on\b|\b(?:\d+|one|two|three|four|five|six|seven)[- ]on[,/ ]+(?:\d+|one|two|three|four|five|six|seven)[- ]off\b", re.IGNORECASE),
}


def _voided(found: Optional[re.Match], tree: ast.Module) -> bool:
    """An operation's void applies: its words are in the prose and, where they name what the code must divide by, it does."""
    if not found or "needs" not in found.re.groupindex:
        return bool(found)
    divisors = [unparsed(n.right) for n in nodes_of(tree, ast.BinOp) if isinstance(n.op, ast.Div)]
    return any(_names_the_key(found.group("needs").lower(), set(re.findall(r"[a-z]+", d.lower()))) for d in divisors)


def wrong_operation(prose: str, code: str, instruction: str = "") -> Optional[str]:
    """How the code fails the operation its instruction's ``prose`` names, else None (also when the code
    does not parse: validity's business). ``instruction``: the whole text, for the checks that read its fenced blocks."""
    tree = parse_python(code)
    if tree is None:
        return None
    names = set(EMPHASISED_NAME.findall(prose))
    prose = EMPHASIS.sub(r"\1", prose)  # "return the **indices**"
    facts = Code(tree)
    for what, pattern, evidence, failure in OPERATIONS:
        if _asked(pattern, prose, names) and not evidence(facts) and not (what in OPERATION_VOIDED and _voided(OPERATION_VOIDED[what].search(prose), tree)) \
                and not (what in OPERATION_NEEDS and not OPERATION_NEEDS[what].search(prose) and not OPERATION_NEEDS[what].search(unparsed(tree))):
            return f"the instruction asks for {what} and the code {failure}"
    value = _asked(ASKS_FOR_A_VALUE, prose)
    if value and not ASKS_FOR_A_TRUTH.search(prose) and _only_truths(tree):
        return f"the instruction asks to return {value.group('what').lower()} and the code only returns True or False"
    text = _asked(ASKS_FOR_TEXT, prose)
    if text and _only_numbers(tree):
        return f"the instruction asks to return {text.group('what').lower()} and the code only returns numbers"
    match = _asked(SORT_BY_TWO, prose)
    if match:
        keys = [match.group("a").lower(), match.group("b").lower()]
        heads = [None, None]
        for i, name in enumerate(("a", "b")):  # "then by full name": the name is the key, "full" says which of it
            following = re.match(r"\s+([a-z_]+)", prose[match.end(name):], re.IGNORECASE)
            if keys[i] in WHOLE_OF | DIRECTION_OF and following:
                keys[i] = following.group(1).lower()
            elif following and following.group(1).lower() in CATEGORY_NOUNS:
                heads[i] = following.group(1).lower()  # "by blood type": the code's ``type`` names it
        words = _words(code)
        numbered = [re.match(r"\s+(?:number|no|num|code|id)\b", prose[match.end(name):], re.IGNORECASE) for name in ("a", "b")]
        positional = any(re.match(r"\s+order\b", prose[match.end(name):], re.IGNORECASE) for name in ("a", "b"))  # "by running order": the position
        if not positional and not any(k in GENERIC_KEYS for k in keys) and keys[0] != keys[1] and not _orders_by_fields(tree):
            present = [_names_the_key(k, words) or bool(head and head in words) or bool(number and words & {"num", "number", "no", "n"})
                       for k, head, number in zip(keys, heads, numbered)]  # "by seat number": num
            if any(present) and not all(present):
                return f"the instruction sorts by {keys[0]} and by {keys[1]}, and the code never names {keys[present.index(False)]}"
    return (_another_format(prose, tree) or _opposite_direction(prose, tree) or _wrong_kind_method(prose, tree)
            or _milliseconds_as_seconds(prose, tree) or _missing_parameter(prose, tree) or whole_string_unanchored(prose, tree) or match_after_the_start(prose, tree)
            or newline_passes_the_end(prose, tree) or _words_split_at_spaces(prose, tree) or _exclusive_extras(prose, tree)
            or _change_over_the_changed(prose, tree) or _left_never_subtracted(prose, tree) or _quadratic_scan(prose, tree)
            or _behaviour_the_code_cannot_have(prose, tree) or _not_the_items_themselves(prose, tree) or _running_total_unasked(prose, tree) or _mean_of_ratios(prose, tree) or _mean_over_every_item(prose, tree) or _group_mean_over_everything(prose, tree)
            or _never_compounds(prose, tree) or _floored_mean(prose, tree) or broken_time_arithmetic(prose, tree) or _median_of_odd_lengths_only(prose, tree)
            or unguarded_absence(prose, tree) or respelt_key(prose, tree, instruction) or key_outside_the_header(prose, tree) or character_left_in(prose, tree) or whitespace_left_in(prose, tree) or swapped_percent_branch(tree)
            or another_amount(prose, tree)
            or _largest_key_of_counts(prose, tree) or _totals_overwritten(prose, tree) or _change_in_either_direction(prose, tree)
            or _counter_difference_floors_at_zero(prose, tree) or _capped_one_way(prose, tree)
            or _whichever_reversed(prose, tree) or swapped_fields(prose, tree) or _text_field_in_arithmetic(prose, tree)
            or _selections_for_arrangements(prose, tree) or discarded_field(prose, tree) or best_single_item(prose, tree) or _ratio_upside_down(prose, tree) or unmirrored_sides(tree) or _constant_never_used(prose, tree) or short_output_tuples(prose, tree) or one_field_returned(prose, tree) or unhashable_items_hashed(prose, tree) or _sign_never_told(prose, tree)
            or contradicting_purpose(prose, tree) or _calendar_week_for_iso(prose, tree) or _halved_running_mean(prose, tree) or unparsed_examples(prose, tree))
