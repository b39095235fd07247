"""The worked examples an instruction gives: ``gcd(12, 18) is 6``, ``e.g. 'aaabb' becomes 'a3b2'``,
``Input: "hello" Output: 4``.

An instruction with examples says what its answer must return, so the execution step runs them
against the code (a wrong answer fails them even when the model wrote no asserts), and the
typed-answers check looks for them typed into the code (``if n == 10: return 4``). An example is
read only when both sides are Python literals and the call is clear:

- ``name(args) -> / => / is / returns / should return / gives / == / = value`` with ``name`` a
  function the code defines;
- ``value -> / => / becomes / gives / is converted to value`` or ``Input: value Output: value``, when
  the code defines exactly one public function, and the left side opens a clause (after "e.g.",
  "example", ":", "(", a line start...): "3 and 4 -> 7" is no example of ``f(4)``; nor is a pair
  beside an ellipsis ("'A' -> "1", ..., 'Z' -> "26"" spells out a mapping), nor a value that is not
  text for a function that takes text (a JSON object written for ``flatten_json(text)``), nor an answer of
  another kind than the function's annotated return (``"cups" -> "cup"`` beside ``-> tuple[...]``);
- ``word -> word`` with bare words ("(city -> cities, box -> boxes)"), under the same conditions, when
  that function takes one text: a parameter annotated ``str`` or named for one (``word``, ``text``);
- "7 rounds down to 0, 8 rounds up to 15" as ``value -> value``;
- strings quoted in a clause that says they "come back unchanged" ("dotfiles like '.bashrc' come back
  unchanged"), for that function of one text: ``f('.bashrc') == '.bashrc'``.

An example whose answer is no literal (``segment_series([20.0, 20.2, 23.0], 0.5) -> [(0, 1, 20.1...),
(2, 2, 23.0)]``, ``... gives [Reading(sensor="t1", value=19.65)]``) still says that its call returns
a value: :func:`answered_call_claims` reads the call, and execution runs it for an answer, any answer; a date
spelled as its constructor ("should return `date(2024, 5, 31)`") is compared with the date returned.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from typing import Iterator, List, Optional, Tuple, Union

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import literal_value, nodes_of, parse_python, store_counts, unparsed, value_fits

ARROW = r"(?:->|=>|→|⟶)"
CALL_SAYS = literal_gates.compile(rf"\s*(?:{ARROW}|==|=(?!=)|should (?:return|give|be|output)|returns|gives|outputs|is|equals|evaluates to|yields)\s*:?\s*", re.IGNORECASE)
VALUE_SAYS = literal_gates.compile(rf"\s*(?:{ARROW}|becomes|should (?:become|return|give)|gives|is converted to|turns into|maps to|rounds?(?: down| up)? to)\s*:?\s*", re.IGNORECASE)
# "`"2d6+3"` is `(2, 6, 3)`": a backticked text, "is", and a backticked value that is no text (see _value_examples).
VALUE_IS = literal_gates.compile(r"`\s+is\s+`")
# "middle C `"C4"` is 60 and `"A4"` is 69": a backticked text, "is", and a plain number that ends the clause (no unit after it).
TEXT_IS_NUMBER = literal_gates.compile(r"`(?P<given>(?P<q>[\"'])[^`\"'\n]{1,30}(?P=q))`\s+is\s+(?P<want>-?\d+(?:\.\d+)?)(?=\s*(?:[.,;)]|\band\b|$))")
CONDITION_BEFORE = literal_gates.compile(r"\b(?:if|when|unless|whether|while|until|once)\s+$", re.IGNORECASE)
# "dotfiles like '.bashrc' come back unchanged": inputs the function hands back as they are.
UNCHANGED = literal_gates.compile(r"\b(?:comes?|come|are|is|get|gets)\s+(?:back|returned|left|kept)\s+(?:as[- ]is|unchanged|untouched|as they are|as it is)\b|\b(?:stays?|remains?)\s+unchanged\b", re.IGNORECASE)
UNCHANGED_CUE = literal_gates.compile(r"\b(?:like|such as|including|e\.g\.|for example|for instance)\b", re.IGNORECASE)
UNCHANGED_QUOTED = literal_gates.compile(r"""(?<![\w'"])(?:'([^'\n]{1,30})'|"([^"\n]{1,30})")(?![\w'"])""")
CLAUSE_OPENER = literal_gates.compile(r"(?:^|[:;(\[,]|(?:^|\n)[ \t]*[-*•]|\be\.g\.,?|\bi\.e\.,?|\bexamples?\s*\d*\s*:?|\bfor (?:example|instance),?|\blike|\bso(?: that)?|\bsay|\binput:?)\s*$", re.IGNORECASE)
INPUT_OUTPUT = literal_gates.compile(r"\binput\s*[:=]\s*(?P<input>.+?)\s*[,;]?\s*\boutput\s*[:=]\s*(?P<output>.+?)\s*$", re.IGNORECASE | re.MULTILINE)
# "`sum_n(3)` returns 3 instead of 6": a bug report quotes what the code does wrong.
WRONG_VALUE = literal_gates.compile(r"[\s.,;:]*(?:instead|rather|but (?:it )?should|whereas|while it should)\b", re.IGNORECASE)
# "2.675 -> 2.68 and -2.675 -> -2.68": an example right after another opens a clause too ("3 and 4 -> 7" does not).
CHAINED = literal_gates.compile(rf"""{ARROW}\s*`?(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)|\[[^\[\]\n]*\]|\{{[^{{}}\n]*\}}|\S+)`?\s+(?:and|or)\s*$""")  # "-> (1998, 12, 3) and ..."
CALL_START = literal_gates.compile(r"(?<![\w.])([A-Za-z_]\w*)\(")
# Markdown bold around a value ("`cost_per_day(45.00, 90, 2)` = **1.0** per day"), not Python's power (``2 ** 10``, ``x**2``).
BOLD = literal_gates.compile(r"(?<![\w*])\*\*(?=\S)([^*\n]{1,80}?)(?<=\S)\*\*(?![\w*])")
# "f([1, 3]) == 1 + 9 = 10", "f(s, 19) -> 19 - 5 - 6 = 8": the value is worked out, and the answer follows the last "=".
WORKED_OUT = literal_gates.compile(r"\s*[-+*/%]\s*[-+*/%()\d.\s]*?==?\s*")
WORKED_OUT_GROUPED = literal_gates.compile(r"\s*[-+*/%]\s*[-+*/%()\d.,\s]*?==?\s*")  # "3,000 + 8,000 + 2,500 = 13500.0"
GOES_ON = literal_gates.compile(r"[ \t]*[-+*/%]\s*[\w(\['\"]")  # '"aaab" + "c" * 12': the literal is only its first term (not a bullet on the next line)
# "is 3 people x 3 nights x 1.20 = `10.8`": a count in its unit, times another: the working's first term, the answer after its "=".
COUNTED_TERM = r"[ \t]+[A-Za-z]+(?:[ \t]+[A-Za-z]+)?[ \t]*(?:[x\u00d7*\u00b7]|times)[ \t]"
COUNTED_WORKING = literal_gates.compile(COUNTED_TERM + r"[^=\n]{0,120}?=[ \t]*")


@dataclass(frozen=True)
class Example:
    """``call`` (Python source, e.g. ``gcd(12, 18)``) should give the literal ``want`` (source);
    ``args``: the call's arguments, as values."""

    call: str
    want: str
    args: Tuple = field(compare=False, hash=False)
    bare: bool = field(default=False, compare=False, hash=False)  # "2.675 -> '2.68'": no call named, the unit may be left out


def _plain(piece: str) -> bool:
    """Not a bare run of values ("4, 5" in "-> 4, 5 -> 9", '"3a", and'): a tuple must be written in brackets."""
    if "," not in piece:
        return True
    value, ok = literal_value(piece)
    return piece[0] in "([{'\"" and not (isinstance(value, tuple) and piece[0] != "(")


def _bare_tuple(piece: str) -> bool:
    """``(3, "abc"), "bbbbb"``: items with no brackets of their own around them all."""
    try:
        node = ast.parse(piece, mode="eval").body
    except (SyntaxError, ValueError):
        return False
    return isinstance(node, ast.Tuple) and bool(node.elts) and node.elts[0].col_offset == node.col_offset


NEXT_EXAMPLE = literal_gates.compile(rf"[\s`'\"]*{ARROW}")
# "'A' -> "1", ..., 'Z' -> "26"": a mapping spelt out with an ellipsis defines the encoding, it is no example of the function.
ELIDED = literal_gates.compile(r"\.\.\.|…")


def _longest_literal_after(text: str, start: int) -> Optional[Tuple[str, int]]:
    """The longest literal that opens at ``start`` and ends before a clause boundary."""
    best = None
    for end in range(start + 1, min(len(text), start + 300) + 1):
        if end < len(text) and text[end] not in " \t\n.,;)`'\"]}":
            continue
        if text[end: end + 1] == "." and text[end + 1: end + 2].isdigit():
            continue  # "gives 2.5-1.5": the 2 of a number that goes on, no answer of its own
        piece = text[start:end].strip().strip("`").rstrip(".")
        if piece and _plain(piece) and literal_value(piece)[1]:
            if _bare_tuple(piece) and (piece.endswith(",") or NEXT_EXAMPLE.match(text, end)):
                continue  # '-> (3, "abc"), "bbbbb" -> ...': the last item is the next example's input, the comma a separator
            best = (piece, end)
    return best


# The unit a worked example names after its number ("1620 minutes -> ...", "90 seconds becomes ...").
UNIT_BEFORE = literal_gates.compile(r"\s+(?:minutes?|mins?|seconds?|secs?|hours?|hrs?|days?|weeks?|bytes?|cents?|pence)\s*$", re.IGNORECASE)


def _longest_literal_before(text: str, end: int) -> Optional[Tuple[str, int]]:
    best = None
    for start in range(end - 1, max(-1, end - 300), -1):
        if start > 0 and text[start - 1] not in " \t\n(:,`" or start > 1 and text[start - 1] == ":" and text[start - 2].isdigit():
            continue  # "13:20 -> `3`": the minutes of a clock time, no value of their own
        piece = text[start:end].strip().strip("`")
        if re.match(r"[-+]\s", piece):
            continue  # "- `45` -> "45m"": a list item's bullet, no sign of the number
        if piece and _plain(piece) and literal_value(piece)[1] and not _bare_tuple(piece):
            best = (piece, start)
    return best


def _functions(tree: ast.Module) -> dict:
    """{name: required positional parameters} of the code's top-level functions (not ``async`` ones:
    a call of one gives a coroutine, not the example's value)."""
    out = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            args = node.args
            out[node.name] = len(args.posonlyargs) + len(args.args) - len(args.defaults)
    return out


def _holds_ellipsis(value) -> bool:
    if value is Ellipsis:
        return True
    return isinstance(value, (tuple, list)) and any(_holds_ellipsis(v) for v in value)


def _names_data(call: str, data: frozenset) -> bool:
    """The call passes only names of ``data``, positionally: ``linen_changes(rooms)``."""
    try:
        node = ast.parse(call, mode="eval").body
    except (SyntaxError, ValueError):
        return False
    return isinstance(node, ast.Call) and bool(node.args) and not node.keywords and all(isinstance(a, ast.Name) and a.id in data for a in node.args)


def sample_names(tree: ast.Module) -> frozenset:
    """Names the code binds exactly once, at its top level, to a plain value (a literal, or a list, tuple or dict of
    literals and calls of its own classes): the samples a response's prose calls its functions on."""
    makers, counts = _makers(tree), store_counts(tree)
    return frozenset(node.targets[0].id for node in tree.body if isinstance(node, ast.Assign) and len(node.targets) == 1
                     and isinstance(node.targets[0], ast.Name) and counts[node.targets[0].id] == 1 and _constructible(node.value, makers))


def _call_end(text: str, match: "re.Match[str]") -> Optional[int]:
    """Where the call whose name and ``(`` :data:`CALL_START` matched closes (past its ``)``), or None
    when it does not close within 300 characters."""
    depth = 0
    for i in range(match.end() - 1, min(len(text), match.end() + 300)):
        depth += {"(": 1, ")": -1}.get(text[i], 0)
        if depth == 0:
            return i + 1
    return None


def _call_examples(text: str, functions: dict, data: frozenset = frozenset()) -> List[Example]:
    """``name(args) says value`` of the code's ``functions``, the arguments literals or, given ``data`` (names the code
    binds once at its top level to plain values), those names: "`female_majority_groups(finishers)` returns
    `['18-34', '45-54']`" of the sample the code defines."""
    found = []
    for match in CALL_START.finditer(text):
        name = match.group(1)
        if name not in functions:
            continue
        end = _call_end(text, match)
        if end is None:
            continue
        call = text[match.start():end]
        args, ok = literal_value("(" + call[len(name) + 1:-1] + ",)") if call[len(name) + 1:-1].strip() else ((), True)
        if not ok and data and _names_data(call, data):
            args, ok = (), True  # the arguments are the code's own sample, evaluated where the claim runs
        says = CALL_SAYS.match(text, end)
        if not ok or not says or _holds_ellipsis(args):
            continue  # "count_ways(0, ...) is 1": "..." stands for any argument
        if says.group().strip() == "=" and re.search(rf"(?<![\w.]){name}\(\s*[A-Za-z_]\w*\s*\)\s*=(?!=)", text):
            continue  # "tri(1) = 3" beside "tri(n) = 1 + n / 2": a sequence defined, not the function's value
        want = _longest_literal_after(text, says.end())
        grouped = re.match(r"(?:,\d{3}(?!\d))+", text[want[1]:]) if want and isinstance(want[0], str) and re.fullmatch(r"-?\d{1,3}", want[0].strip()) else None
        if grouped:  # "is 3,000 + 8,000 + 2,500 = 13500.0": a number in thousands, not the literal 3
            after = want[1] + grouped.end()
            worked = WORKED_OUT_GROUPED.match(text, after) if GOES_ON.match(text, after) else None
            want = _longest_literal_after(text, worked.end()) if worked else None
        elif want and re.fullmatch(r"-?\d+(?:\.\d+)?", want[0]) and re.match(COUNTED_TERM, text[want[1]:]):
            worked = COUNTED_WORKING.match(text, want[1])
            want = _longest_literal_after(text, worked.end()) if worked else None
        elif want and GOES_ON.match(text, want[1]):
            worked = WORKED_OUT.match(text, want[1])
            want = _longest_literal_after(text, worked.end()) if worked else None
            if want and re.match(r"[ \t]+[A-Za-z]", text[want[1]:]) and not re.match(r"[ \t]+(?:and|or|for|but)\b", text[want[1]:]):
                want = None  # "gives 120 + 200 + 180 = 500 kcal in total and returns {...}": a sum along the way, in units
        if want and not WRONG_VALUE.match(text, want[1]):
            found.append(Example(call, want[0], tuple(args)))
    return found


# "and with `width=3`, "A1" -> "A001"": the example sets an argument the call would leave at its default.
KEYWORD_SETTING = literal_gates.compile(r"\bwith\s+`?[A-Za-z_]\w*\s*=\s*[^`,\s]+`?\s*[,:]?\s*$", re.IGNORECASE)


def _value_examples(text: str, name: str, required: int, backticked: str = "") -> List[Example]:
    """``backticked``: the instruction as written (``text`` with its backticks), where "is" pairs are read."""
    found = []

    def add(given: str, want: str):
        value, ok = literal_value(given)
        if not ok:
            return
        args = tuple(value) if required > 1 and isinstance(value, tuple) and len(value) == required else (value,)
        if len(args) != max(required, 1):
            return
        found.append(Example(f"{name}({', '.join(repr(a) for a in args)})", want, args, bare=True))

    for says in VALUE_SAYS.finditer(text):
        given = _longest_literal_before(text, says.start())
        unit = UNIT_BEFORE.search(text, 0, says.start()) if given is None else None
        if unit:  # "1620 minutes -> '1d 3h 00m'": the number the function takes, with its unit in words
            given = _longest_literal_before(text, unit.start())
            given = given if given and isinstance(literal_value(given[0])[0], (int, float)) else None
        want = _longest_literal_after(text, says.end())
        if given and want and (CLAUSE_OPENER.search(text[: given[1]]) or CHAINED.search(text[: given[1]])) and not ELIDED.search(text[max(0, given[1] - 8): given[1]] + " " + text[want[1]: want[1] + 8]) \
                and not KEYWORD_SETTING.search(text[max(0, given[1] - 40): given[1]]):
            add(given[0], want[0])
    for says in VALUE_IS.finditer(backticked):  # a text the function reads, and what it makes of it ("`"d20"` is `(1, 20, 0)`")
        opened, closed = backticked.rfind("`", 0, says.start()), backticked.find("`", says.end())
        given, want = backticked[opened + 1: says.start()].strip(), backticked[says.end(): closed].strip()
        if opened < 0 or closed < 0 or not (CLAUSE_OPENER.search(text[:opened]) or CHAINED.search(text[:opened])):
            continue
        (given_value, given_ok), (want_value, want_ok) = literal_value(given), literal_value(want)
        if re.match(r"`?\s+(?:if|when|unless|while|until|for)\b", backticked[closed:]) or want_value is None:
            continue  # '(`"delivered"` is `None` if the bag never arrived)': what a record's field holds, not an answer
        if given_ok and want_ok and isinstance(given_value, str) and not isinstance(want_value, str):
            add(given, want)
    for match in TEXT_IS_NUMBER.finditer(backticked):
        if not CONDITION_BEFORE.search(backticked[max(0, match.start() - 20): match.start()]):
            add(match.group("given"), match.group("want"))
    for match in INPUT_OUTPUT.finditer(text):
        want = _longest_literal_after(match.group("output") + " ", 0)
        given = match.group("input").strip().rstrip(",;")
        if want and literal_value(given)[1]:
            add(given, want[0])
    return found


BARE_PAIR = literal_gates.compile(rf"(?<![\w'\"`.-])([A-Za-z]+)\s*{ARROW}\s*([A-Za-z]+)(?![\w'\"`(.-])")
TEXT_PARAMETER = literal_gates.compile(r"(?:s|str|string|text|word|noun|verb|name|phrase|sentence|token|title|label|line)\d?", re.IGNORECASE)


CONTAINERS = frozenset("list List set Set frozenset FrozenSet dict Dict tuple Tuple Sequence Iterable Collection Mapping".split())


# A parameter named as a collection of texts: an example of one string is of an item, not of the whole.
PLURAL_ITEMS = literal_gates.compile(r"(?:\w+_)?(?:values|lines|items|rows|cells|strings|texts|records|entries|words|names|tokens)|[a-z]\w{2,}[^siu_]s")  # bookings, not status


def _under_a_setting(text: str, example: Example, tree: ast.Module, name: str) -> bool:
    """A bare pair given "with base "C5"" (a parameter with a default, named in the examples' sentence with a value): the
    example holds under that setting, which a call of the required arguments alone leaves at its default."""
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    positional = node.args.posonlyargs + node.args.args
    optional = [a.arg for a in positional[len(positional) - len(node.args.defaults):]] + [a.arg for a in node.args.kwonlyargs]
    shown = str(example.args[0]) if example.args else ""
    found = re.search(re.escape(shown) + r"['\"]?\s*(?:->|=>|\u2192|gives|returns|becomes)", text) if shown else None
    at = found.start() if found else -1
    sentence = text[max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1: at] if at > 0 else ""
    return any(re.search(rf"\bwith\s+(?:the\s+|a\s+)?{re.escape(option)}\s+[\"'\w]", sentence) for option in optional)


def _answer_of_another_kind(tree: ast.Module, name: str, want: str) -> bool:
    """A pair's answer is not of the kind the function says it returns: ``"cups" -> "cup"`` beside
    ``parse_ingredient(line) -> tuple[Fraction, str, str]`` is the example of one rule inside it (the unit made
    singular), not of the function; nor is ``'4' -> 40`` beside ``decode_size_type(code: str) -> dict`` (a table of
    one character's meaning: a container's function never returns a lone number or text)."""
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    value, ok = literal_value(want)
    if not ok or node.returns is None:
        return False
    if isinstance(node.returns, ast.Subscript):
        return not value_fits(value, node.returns)
    return unparsed(node.returns).replace("typing.", "") in CONTAINER_KINDS and isinstance(value, (int, float, str))


CONTAINER_KINDS = frozenset(("dict", "Dict", "list", "List", "tuple", "Tuple", "set", "Set", "frozenset", "FrozenSet"))


def _taken_as_other(tree: ast.Module, name: str, args: Tuple) -> bool:
    """A pair's value is not of the kind the function's first parameter takes: no text where it takes text
    (``flatten_json(text: str)`` and the example ``{"a": {"b": 1}} -> ...``: the JSON object is written,
    its text is what the function reads), one number where it takes a ``list[int]`` ("the floor is the
    room number without its last two digits (305 -> 3)" for ``rooms_by_floor(rooms: list[int])``: the
    example is of the rule, not of the function), a string where it takes a list (``"-7 2 /"`` for
    ``eval_rpn(tokens: list[str])``), a list where it takes an ``int``, one tuple where it takes a list of
    tuples (``(545, 1020) becomes "09:05-17:00"`` for ``to_clock(intervals: list[tuple[int, int]])``), one string where an
    unannotated parameter is named for several (``text_to_columns(values)``)."""
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    if not args:
        return False
    if not isinstance(args[0], str) and _first_takes_text(node, documents=True):
        return True
    params = node.args.posonlyargs + node.args.args
    annotation = params[0].annotation if params else None
    scalar = isinstance(args[0], (int, float)) and not isinstance(args[0], bool)
    if annotation is None:  # text_to_columns(values) and '"Doe, Jane",42' -> [...]: one of the values, not the list of them
        return bool(params) and (isinstance(args[0], str) and bool(PLURAL_ITEMS.fullmatch(params[0].arg)) or scalar and _loops_over(node, params[0].arg))
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    kind = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
    if kind in ("list", "List", "Sequence", "Iterable") and isinstance(args[0], tuple) and isinstance(annotation, ast.Subscript) \
            and re.match(r"(?:typing\.)?[Tt]uple\b", unparsed(annotation.slice)):
        return True  # "(545, 1020) becomes "09:05-17:00"" for to_clock(intervals: list[tuple[int, int]]): one item, not the list
    if kind in CONTAINERS:  # a string where it takes a list of them ("-7 2 /" for eval_rpn(tokens: list[str])): written out, not the input
        return scalar or (isinstance(args[0], str) and kind not in ("str", "Iterable", "Sequence") and kind is not None)
    return kind in ("int", "float") and isinstance(args[0], (list, tuple, dict, set, str))


def _loops_over(function: ast.FunctionDef, parameter: str) -> bool:
    """The function loops over the parameter itself (``for sg in readings``, ``[f(x) for x in readings]``): a number
    given for it ("1.100 -> 23.8" for ``sg_to_brix(readings)``) is one item's example, not the function's."""
    return any(isinstance(n.iter, ast.Name) and n.iter.id == parameter for n in nodes_of(function, (ast.For, ast.AsyncFor, ast.comprehension)))


def _takes_one_text(tree: ast.Module, name: str) -> bool:
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == name)
    return len(node.args.posonlyargs + node.args.args) - len(node.args.defaults) == 1 and _first_takes_text(node)


def _first_takes_text(node: ast.FunctionDef, documents: bool = False) -> bool:
    """The function's first parameter is annotated ``str``, or, unannotated, named for text (``word``, ``text``); with
    ``documents``, also for a document's text (``json_text``, ``csv_str``), which takes no word for an example."""
    params = node.args.posonlyargs + node.args.args
    if not params:
        return False
    annotation = unparsed(params[0].annotation) if params[0].annotation is not None else ""
    named = TEXT_PARAMETER.fullmatch(params[0].arg) or documents and TEXT_NAMED.fullmatch(params[0].arg)
    return annotation == "str" or (not annotation and bool(named))


# ``json_text``, ``csv_str``, ``log_line``, ``payload_json``: a name that says the parameter is a text of some kind.
TEXT_NAMED = literal_gates.compile(r"[a-z]\w*_(?:text|json|csv|str|string|line|doc|document|payload)|json|payload|csv", re.IGNORECASE)


def _unchanged_examples(text: str, name: str) -> List[Example]:
    """``f(x) == x`` for each string quoted in the clause that says it comes back unchanged."""
    found = []
    for said in UNCHANGED.finditer(text):
        clause = re.split(r"[.;:!?]\s|\n", text[: said.start()])[-1]  # "... into "1998.012.003": the year is kept as is": the year's clause
        for match in UNCHANGED_QUOTED.finditer(clause):
            before, after = clause[max(0, match.start() - 40): match.start()], clause[match.end(): match.end() + 6]
            if not UNCHANGED_CUE.search(before) or re.search(ARROW, before[-6:] + " " + after):
                continue  # "'HTMLParser' -> 'html_parser'": a pair, not an input handed back
            value = match.group(1) if match.group(1) is not None else match.group(2)
            found.append(Example(f"{name}({value!r})", repr(value), (value,)))
    return found


def _word_examples(text: str, name: str) -> List[Example]:
    """``city -> cities``: bare words on both sides, the left one opening a clause."""
    found = []
    for match in BARE_PAIR.finditer(text):
        if CLAUSE_OPENER.search(text[: match.start()]) and not ELIDED.search(text[max(0, match.start() - 8): match.end() + 8]):
            found.append(Example(f"{name}({match.group(1)!r})", repr(match.group(2)), (match.group(1),)))
    return found


def instruction_examples(instruction_prose: str, code: Union[str, ast.Module, None], calls_only: bool = False) -> List[Example]:
    """The instruction's worked examples of the code's functions (its source, or its parsed tree), in
    order (none when the code does not parse or defines no function the examples could call). With
    ``calls_only``, only those that name the call (``f(2) is 4``), not bare pairs (``2 -> 4``), which
    an answer's prose may give of another function ("`str.title()` gives "don't" -> "Don'T"")."""
    tree = code if isinstance(code, ast.Module) or code is None else parse_python(code)
    if tree is None:
        return []
    functions = _functions(tree)
    quoted_arrows = re.sub(rf"`\s*{ARROW}\s*`", lambda m: m.group(0) if instruction_prose.count("`", 0, m.start()) % 2 else " " * len(m.group(0)),
                           instruction_prose)  # "spacing around `:` and `->` varies": a quoted arrow, no example (not "`st` → `street`")
    text = BOLD.sub(r"\1", quoted_arrows.replace("`", " "))  # "= **1.0** per day": the value, in bold
    examples = _call_examples(text, functions)
    public = [name for name in functions if not name.startswith("_")]
    if not examples and not calls_only and len(public) == 1 and not any(isinstance(n, ast.ClassDef) for n in tree.body):
        examples = [e for e in _value_examples(text, public[0], functions[public[0]], quoted_arrows) if not _taken_as_other(tree, public[0], e.args)
                    and not _under_a_setting(text, e, tree, public[0]) and not _answer_of_another_kind(tree, public[0], e.want)]
        if not examples and _takes_one_text(tree, public[0]):
            examples = _word_examples(text, public[0])
        if _takes_one_text(tree, public[0]):
            examples += _unchanged_examples(text, public[0])
    return list(dict.fromkeys(examples))


def sample_call_examples(text: str, tree: Optional[ast.Module]) -> List[Example]:
    """The calls a response's prose answers on a sample the code itself defines (:func:`sample_names`):
    "For this sample `linen_changes(rooms)` returns `['301', '302', '305']`"; not an answer that is a bare count
    of something named after it ("returns 3 rooms: ..."). Only of a response's prose: an instruction's names are
    not the code's."""
    if tree is None:
        return []
    data = sample_names(tree)
    if not data:
        return []
    text = BOLD.sub(r"\1", text.replace("`", " "))
    found = [Example(e.call, e.want.strip(), e.args) for e in _call_examples(text, _functions(tree), data) if not e.args and _names_data(e.call, data)]
    return [e for e in found if not re.search(rf"{re.escape(e.call)}\s*\S+\s+{re.escape(e.want)}[ \t]+[A-Za-z]", text)]


# What opens an answer an example shows without a literal: "[(0, 2, 20.03...), (3, 4, 23.05)]",
# "date(2024, 1, 31)", "[Reading(sensor="t1", value=19.65)]"; not an exception ("ValueError(...)").
VALUE_OPENS = literal_gates.compile(r"[\[({'\"]|-?\.?\d|(?:True|False|None)\b|(?![\w.]*(?:Error|Exception|Warning|Exit|Interrupt)\()[A-Za-z_][\w.]*\(")


def _constructible(node: ast.AST, makers: frozenset) -> bool:
    """Literals, and calls of ``makers`` (the code's own classes and functions, the names it imports)
    on such values: what an example's call may pass (``[Reading("t1", 20.0)]``, ``date(2024, 1, 10)``)."""
    if isinstance(node, ast.Constant):
        return node.value is not Ellipsis
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float, complex))
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return all(_constructible(e, makers) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _constructible(k, makers) for k in node.keys) and all(_constructible(v, makers) for v in node.values)
    if isinstance(node, ast.Call):
        func = node.func
        named = func.id if isinstance(func, ast.Name) else func.value.id if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) else None
        return named in makers and all(_constructible(a, makers) for a in node.args) \
            and all(k.arg is not None and _constructible(k.value, makers) for k in node.keywords)
    return False


def _makers(tree: ast.Module) -> frozenset:
    """The names a call in an example may build values with: the code's top-level classes and
    functions and the names its top-level imports bind (``date``, ``datetime``)."""
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names if alias.name != "*")
    return frozenset(names)


# "should return `date(2024, 5, 31)`", "-> `Decimal("1.13")`", "gives `Fraction(3, 4)`", `Counter({'Ann': 2})`: a standard
# value spelled as its constructor, which execution compares with the value returned.
DATE_ANSWER = literal_gates.compile(r"(?:datetime\.)?(?:date|datetime|time)\(\s*\d+(?:\s*,\s*\d+){0,6}\s*\)"
                         r"|(?:decimal\.)?Decimal\(\s*(['\"])-?\d+(?:\.\d+)?\1\s*\)|(?:fractions\.)?Fraction\(\s*-?\d+(?:\s*,\s*-?\d+)?\s*\)"
                         r"|(?:collections\.)?Counter\((?:\{[^{}\n]*\})?\)")  # "gives `Counter({'Ann': 2})`": its counts


def answered_call_claims(text: str, tree: Optional[ast.Module], read: set) -> List[tuple]:
    """Calls of the code's top-level functions that an example answers with something no literal spells
    (see the module's docstring), in order, not among ``read`` (already claimed), as claims for execution: a
    date, Decimal or Fraction answer (:data:`DATE_ANSWER`) compared, any other only run ("runs": it must return)."""
    claims = {}
    for call, answer in _answered(text, tree):
        date = DATE_ANSWER.match(text, answer)
        if call not in read and call not in claims:
            claims[call] = (call, date.group(0), False) if date else (call, "", False, "runs")
    return list(claims.values())


def _answered(text: str, tree: Optional[ast.Module]) -> Iterator[Tuple[str, int]]:
    """``(call, where its answer starts in text)``: ``name(args) -> / returns / gives / is ...`` as for the literal
    examples, the answer opening like a value (:data:`VALUE_OPENS`), the arguments literals or values the code's
    own names build. A bug report ("returns [1 instead of [2") is no answer."""
    if tree is None:
        return
    functions = _functions(tree)
    makers = _makers(tree)
    text = text.replace("`", " ")
    for match in CALL_START.finditer(text):
        if match.group(1) not in functions or (match.start() and text[match.start() - 1] in ".@"):
            continue
        end = _call_end(text, match)
        says = CALL_SAYS.match(text, end) if end else None
        if not says or not VALUE_OPENS.match(text, says.end()) or WRONG_VALUE.search(text[says.end(): says.end() + 120].split("\n")[0]):
            continue
        call = text[match.start(): end]
        try:
            node = ast.parse(call, mode="eval").body
        except (SyntaxError, ValueError):
            continue
        if isinstance(node, ast.Call) and all(_constructible(a, makers) for a in node.args) and all(k.arg and _constructible(k.value, makers) for k in node.keywords):
            yield call, says.end()
