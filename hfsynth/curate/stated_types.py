"""The values an instruction states in words for the parameters its function leaves unannotated.

"`today` is a `datetime.date`", "`now` is a `datetime`", "`starts` is a list of `datetime.time` values",
"`cards` is a list of dicts such as `{"card": "FC-0192", "expires": "2024-07-31"}`", "Batches are dicts
such as `{"product": "rye", "baked_at": datetime(2024, 6, 10, 5, 30)}`": the signature says nothing of
these values and the instruction says what they are. Code that compares the ``date`` with a parsed
``datetime`` or subtracts two ``time`` values raises ``TypeError`` on the first ordinary call, and its
asserts, when it has any, never pass it the kind the instruction names.
:mod:`hfsynth.curate.typed_probes` calls the function with values of these kinds as it does with
annotated ones. Read only where the words leave no doubt:

- the parameter's name in backticks, then "is" or "are", then the kind: ``date``, ``datetime``,
  ``time``, ``timedelta`` (or ``datetime.``-qualified), ``Decimal``, or a list of one of them;
- not a text of the kind: "a date string", "a `datetime` in ISO format", "a date like "2024-05-01"",
  "a date as YYYY-MM-DD" are strings, and no value of the kind;
- a record is a whole dict literal in backticks (no "..."), after "such as", "like" or "e.g.", of a list
  parameter ("`cards` is a list of dicts such as `{...}`") or said of the parameter's items ("Each fixture
  is a dict like `{...}`" for ``fixtures``, "Batches are dicts such as `{...}`" for ``batches``); its values
  are literals or standard values built from literals (``datetime(2024, 4, 6, 21, 0)``).

The parameter must have no annotation, or one that says less than the words (``list[dict]``, ``list``,
``dict``): an annotation that names the kind is read as it is. "`n` is an integer" gives an unannotated parameter its
plain kind. And a value the words show for a parameter of any annotation it fits is that parameter's value
(:func:`shown_values`): "`percent` is a number such as `4` or `3.5`", "`items` is a list of item names (e.g.
`["washer", "dryer"]`)".
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import unparsed, value_fits
from hfsynth.curate.standard_values import spelt, standard_value, value_source

# The standard values a parameter may be said to hold, by the words that name them.
KINDS = {"date": "date", "dates": "date", "datetime": "datetime", "datetimes": "datetime", "time": "time", "times": "time",
         "timedelta": "timedelta", "timedeltas": "timedelta", "Decimal": "Decimal", "Decimals": "Decimal"}
KIND_WORD = r"`?(?:datetime\.|decimal\.)?(?P<kind>datetimes?|dates?|timedeltas?|times?|Decimals?)`?"
STATED_KIND = literal_gates.compile(
    rf"(?P<names>`[A-Za-z_]\w*`(?:\s*(?:,|,?\s*and)\s*`[A-Za-z_]\w*`)*)\s+(?P<verb>is|are)\s+(?:(?P<many>(?:an?\s+)?(?:list|sequence|iterable)\s+of)\s+|an?\s+|the\s+)?{KIND_WORD}(?P<after>[^.;\n]{{0,40}})")
# "a date string", "a `datetime` in ISO format", "a date like "2024-05-01"", "a time as HH:MM", "a date or None", "times of day
# in minutes": a text or a number of the kind, or more than one kind; and "a `time` value or `None`": None is not made up.
NOT_THE_VALUE = literal_gates.compile(r"^\s*(?:like|such as|e\.g\.|as\b|in\b|of day|or\b|and\b|object or|value or)|^\s*(?:\(|,)?\s*[\"'`](?!`)|None"
                                      r"|\b(?:strings?|str|texts?|ISO|formatted|format|YYYY|stamps?|minutes|seconds|hours)\b", re.IGNORECASE)
ITEM_DICT = r"(?:dicts?|dictionaries|dictionary|records?|mappings?)"
LITERAL = r"`(?P<literal>\{[^`\n]{2,400}\})`"
CUE = r"(?:such as|like|e\.g\.,?|for example,?|of the form)\s*:?\s*"
# "`cards` is a list of dicts such as `{...}`"
LIST_OF_RECORDS = literal_gates.compile(rf"`(?P<name>[A-Za-z_]\w*)`\s+(?:is|are)\s+(?:an?\s+)?(?:list|sequence)\s+of\s+{ITEM_DICT}\s+{CUE}{LITERAL}", re.IGNORECASE)
# "Each fixture is a dict like `{...}`", "a booking looks like `{...}`", "Batches are dicts such as `{...}`"
ITEM_RECORD = literal_gates.compile(rf"\b(?P<word>[A-Za-z_]\w*)`?\s+(?:is\s+(?:an?\s+)?{ITEM_DICT}\s+{CUE}|are\s+{ITEM_DICT}\s+{CUE}|looks?\s+like\s*:?\s*){LITERAL}")
LOOSE_ANNOTATIONS = frozenset({"", "list", "List", "list[dict]", "List[dict]", "List[Dict]", "list[dict[str, Any]]", "List[Dict[str, Any]]", "dict", "Dict",
                               "dict[str, Any]", "Dict[str, Any]", "Sequence[dict]", "Iterable[dict]"})


def _annotation(kind: str, many: bool) -> ast.expr:
    return ast.parse(f"list[{kind}]" if many else kind, mode="eval").body


def _stated_kinds(prose: str) -> Dict[str, ast.expr]:
    """{parameter: the annotation its words state} for "`today` is a `datetime.date`" and the like."""
    found: Dict[str, ast.expr] = {}
    for match in STATED_KIND.finditer(prose):
        word = match.group("kind")
        written = match.group(0)[match.start("kind") - match.start(0):]
        if NOT_THE_VALUE.search(match.group("after")):
            continue
        if word.lower().startswith("time") and not word.lower().startswith("timedelta"):
            # "time" alone says little ("the time it takes", "`wait` is the time in minutes"): only the module's type, in
            # backticks or qualified, or said of values ("`time` values", "datetime.time objects")
            qualified = "`" in written[:len(word) + 2] or "datetime." in match.group(0)
            said_of_values = re.match(r"\s*(?:values?|objects?|instances?)\b", match.group("after"))
            if not (qualified or said_of_values):
                continue  # "`wait` is the time in minutes": a number
        kind = KINDS.get(word) or KINDS.get(word.rstrip("s"))
        if kind is None:
            continue
        names = re.findall(r"`(\w+)`", match.group("names"))
        many = bool(match.group("many"))
        if match.group("verb") == "are" and len(names) == 1 and not many:
            continue  # "`starts` are `time` values": a list of them, or each one? The words do not say.
        for name in names:
            found.setdefault(name, _annotation(kind, many))
    return found


def _record(literal: str) -> Optional[str]:
    """The source of a whole dict literal shown in words, or None."""
    if "..." in literal or "…" in literal:
        return None
    try:
        node = ast.parse(literal, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(node, ast.Dict) or not node.keys:
        return None
    return value_source(node)


def _plural_of(word: str, name: str) -> bool:
    """``name`` is the plural of ``word`` (``fixture``/``fixtures``, ``batch``/``batches``, ``entry``/``entries``), or the word itself."""
    word, name = word.lower(), name.lower()
    return name in (word, word + "s", word + "es") or word.endswith("y") and name == word[:-1] + "ies"


# "`percent` is a number such as `4` or `3.5`", "`n` is an integer": a plain kind, or the numbers it is shown by.
NUMBER_SHOWN = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)`\s+is\s+(?:an?\s+)?(?:\w+\s+)?(?:number|amount|percentage|rate|value)\s+(?:such\s+as|like|e\.g\.,?)\s+"
                                     r"`(?P<a>-?\d+(?:\.\d+)?)`(?:\s*(?:,|or|and)\s*`(?P<b>-?\d+(?:\.\d+)?)`)?")
PLAIN_KIND = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)`\s+is\s+(?:an?\s+)?(?:(?:positive|non-negative|whole)\s+)?(?P<kind>integer|int|float)\b(?!\s+(?:string|text|or)\b)")
# "`items` is a list of item names (e.g. `["washer", "dryer"]`)": a whole value shown for the parameter, in its sentence.
LITERAL_SHOWN = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)`\s+(?:is|are)\s+(?:an?\s+)?(?:list|set|tuple|dict|mapping|sequence)\b[^.`]{0,60}?"
                                      r"(?:e\.g\.|such\s+as|like|for\s+example)\s*,?\s*:?\s*`(?P<literal>[\[({][^`\n]{1,300}[\])}])`")


def shown_values(prose: str, parameters: Dict[str, Optional[ast.expr]]) -> Dict[str, str]:
    """{parameter: a value's source} the words show for it, of any annotation the value fits: "`percent` is a number such as
    `4` or `3.5`" (the fraction, as a whole number may hide what a fraction breaks), "`items` is a list of item names
    (e.g. `["washer", "dryer"]`)"."""
    out: Dict[str, str] = {}
    for match in NUMBER_SHOWN.finditer(prose):
        name = match.group("name")
        shown = [v for v in (match.group("a"), match.group("b")) if v]
        if name in parameters and name not in out:
            value = next((v for v in shown if "." in v), shown[0])
            if value_fits(float(value) if "." in value else int(value), parameters[name]):
                out[name] = value
    for match in LITERAL_SHOWN.finditer(prose):
        name = match.group("name")
        value, ok = standard_value(match.group("literal"))
        if ok and name in parameters and name not in out and "..." not in match.group("literal") and value and value_fits(value, parameters[name]):
            out[name] = spelt(value)
    return out


def stated_values(prose: str, parameters: Dict[str, Optional[ast.expr]]) -> Dict[str, object]:
    """{parameter: an annotation (``ast.expr``) or a value's source (``str``)} for the parameters, among ``parameters``
    ({name: annotation or None}), whose kind the words state and whose annotation says less."""
    loose = {name for name, annotation in parameters.items() if (unparsed(annotation) if annotation is not None else "") in LOOSE_ANNOTATIONS}
    if not loose:
        return {}
    out: Dict[str, object] = {}
    for match in PLAIN_KIND.finditer(prose):
        name = match.group("name")
        if name in loose and parameters[name] is None and name not in out:
            out[name] = _annotation({"integer": "int"}.get(match.group("kind"), match.group("kind")), False)
    for name, annotation in _stated_kinds(prose).items():
        if name in loose and (parameters[name] is None or unparsed(parameters[name]).startswith(("list", "List")) == unparsed(annotation).startswith("list")):
            out[name] = annotation
    for match in LIST_OF_RECORDS.finditer(prose):
        record = _record(match.group("literal"))
        name = match.group("name")
        if record and name in loose and name not in out and not unparsed(parameters[name] or ast.Name("x")).startswith(("dict", "Dict")):
            out[name] = f"[{record}]"
    for match in ITEM_RECORD.finditer(prose):
        record = _record(match.group("literal"))
        word = match.group("word").lower()
        plural = match.group(0).split()[1] == "are"  # "Batches are dicts such as ...": the word names the parameter's items
        for name in sorted(loose - set(out)):
            annotation = unparsed(parameters[name]) if parameters[name] is not None else ""
            if record is None or annotation.startswith(("dict", "Dict")):
                continue
            if plural and name.lower() == word or not plural and name.lower() != word and _plural_of(word, name):
                out[name] = f"[{record}]"
    return out
