"""Calls made from a function's own annotations: code that cannot take the values it says it takes.

``", ".join(patron_ids)`` with ``patron_ids: list[int]``, ``row["qty"] * float(row["price"])`` over
``rows: list[dict[str, str]]``, ``entry.joined_at_minute`` on ``tuple[str, int]`` entries,
``"Bed " + i`` over ``enumerate``: each raises on the first ordinary input, and a row without tests
never calls its function. Execution calls the asked function with ordinary values of the types its
signature names (small distinct numbers, short texts, three-item lists, two-key dicts; the second call
takes its dates and numbers in the other order, so a start comes before its end in one of them; the third takes
less round ones, :data:`UNEVEN_INTS`) and fails the
row on a ``TypeError``, ``AttributeError`` or ``NameError`` raised in the row's code (whatever the
values, those types never work together), or on a call that has not returned after a second of CPU
time (small values of the right types take milliseconds; a counter that never moves takes forever). One
such call fails the row though the other returns, unless the instruction puts values out of the probes'
reach (:func:`values_restricted`: "n even", "a multiple of 5"): a deck of 3 cards may loop in code that
is right for the even decks promised. Over the 10,294 labelled rows probed (2026-12-06), one call of two
hung in 117 junk rows and one good row, whose instruction says "n even". The third call (2026-12-07, 13,929 rows
probed) hung or raised in 605 junk rows and that good row, and failed 20 junk rows the others passed.
Anything else proves nothing, because a made-up value may break what the instruction promises and
the signature does not say: a text that is no date (``ValueError``, also "not enough values to
unpack" from ``"abc".split(":")``), keys that do not match (``KeyError``), a list shorter than a
pair (``IndexError``), an empty match (``'NoneType' object has no attribute 'group'``). The probes
do not count as tests: a row with none stays ``no_tests``.

Read only when the words leave no doubt:

- the function is the asked one (:func:`~hfsynth.curate.python_ast.asked_function`), or each of those the instruction
  names ("Write `bag_fee(days, size)` ... Then write `total_fees(bags)`"), top-level and
  undecorated, taking at least one required parameter, each annotated with a type built from
  ``int``, ``float``, ``bool``, ``str``, ``bytes``, the ``datetime``/``decimal``/``fractions``
  values, ``list``/``tuple``/``set``/``dict`` (and their ``typing`` names) of those, ``Optional`` or
  ``X | None``, and dataclasses or named tuples the code defines with such fields (or left unannotated where the
  instruction's own signature annotates it: `cleaning_rota(boats: list[str], ...)` over ``def cleaning_rota(boats, ...)``,
  :func:`~hfsynth.curate.asked_signatures.asked_annotations`);
- no union of two kinds (``dict[str, int | str]``: which key holds which is not said);
- the code imports only the standard library and raises no ``TypeError``/``AttributeError`` itself
  (those would be its answer to a value it refuses);
- no parameter, whole or a part of it (its lines), is handed to a decoder (``json.loads(doc)``, ``ast.literal_eval``):
  that text holds a document, and ``"12"`` is one of a number; unless the instruction shows the document in a fenced
  block, which is then the parameter's value (one object shown after "a list of objects like": a list of it). A text the
  code reads as CSV takes the CSV block the instruction shows, header and rows, when there is one.

A parameter the signature leaves unannotated (or types loosely: ``list[dict]``) takes the kind its instruction states
in words: "`today` is a `datetime.date`", "`cards` is a list of dicts such as `{...}`" (the record shown, in a list:
:mod:`hfsynth.curate.stated_types`); any parameter takes a value the words show for it ("`percent` is a number such as `4`
or `3.5`", "`items` is a list of item names (e.g. `["washer", "dryer"]`)"). A text parameter the code compares with
texts of its own (``size == "XL"``) gets one more call with each of them (two at most): the branch made-up words never
take. A dict of text keys holds the keys the code reads by literal (``row["qty"]``, ``.get("price")``), so
records look like the ones the code expects; a dict of text values holds digits in one probe and
words in the other ("12", "abc"), as CSV rows and labels do.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Dict, List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.asked_signatures import asked_annotations
from hfsynth.curate.python_ast import asked_function, imports_only_stdlib, nodes_of, walk
from hfsynth.curate.stated_types import shown_values, stated_values
from hfsynth.fences import find_fences, text_before

PROBE_SECONDS = 1.0  # each call's CPU time: small values of the right types take milliseconds in any honest code
WORDS = ("abc", "xyz", "mno", "kite")
DIGITS = ("12", "7", "30", "45")
INTS = (3, 2, 4, 6, 5)  # not 0 nor 1: a divisor, a base, a step or a growth factor of either is no ordinary value
FLOATS = (2.5, 1.5, 3.25, 4.0, 2.0)  # two pairs, one falling and one rising
LISTS = {"list", "List", "Sequence", "MutableSequence", "Iterable", "Collection", "Reversible"}
SETS = {"set", "Set", "frozenset", "FrozenSet", "AbstractSet", "MutableSet"}
TUPLES = {"tuple", "Tuple"}
DICTS = {"dict", "Dict", "Mapping", "MutableMapping"}
REFUSED = {"TypeError", "AttributeError"}
# Values of the standard library, by the name an annotation gives them (``date``, ``datetime.date``).
LIBRARY_VALUES = {
    "date": ("__import__('datetime').date(2024, 3, 5)", "__import__('datetime').date(2023, 11, 25)"),  # a Tuesday and a Saturday
    "datetime": ("__import__('datetime').datetime(2024, 3, 5, 9, 30)", "__import__('datetime').datetime(2023, 11, 25, 17, 45)"),
    "time": ("__import__('datetime').time(9, 30)", "__import__('datetime').time(17, 45)"),
    "timedelta": ("__import__('datetime').timedelta(hours=2)", "__import__('datetime').timedelta(minutes=45)"),
    "Decimal": ("__import__('decimal').Decimal('2.50')", "__import__('decimal').Decimal('12.75')"),
    "Fraction": ("__import__('fractions').Fraction(3, 4)", "__import__('fractions').Fraction(5, 2)"),
}
HASHABLE_VALUES = frozenset({"int", "float", "bool", "str", "bytes"}) | frozenset(LIBRARY_VALUES)
# The third call's values: as ordinary, less round. A number passed on its own is larger than the numbers inside a
# list or dict (a stock of 11 jars for shops wanting 2 and 3: the round-robin that waits for the stock to run out never
# ends); texts hold spaces and one long word (a word wider than the line a wrapper cuts at); times fall off the quarter
# hours (a loop stepping 5 minutes to a multiple of 15 from 10:07 never gets there).
UNEVEN_INTS = (11, 13, 17)
UNEVEN_FLOATS = (7.35, 0.4, 12.6)
UNEVEN_TEXTS = ("abc xyz", "Mnopqrstuvwxyzabcdefghijklmnopq", "kite 12 mno")
UNEVEN_LIBRARY_VALUES = {
    "date": "__import__('datetime').date(2024, 2, 29)",
    "datetime": "__import__('datetime').datetime(2024, 2, 29, 10, 7, 41)",
    "time": "__import__('datetime').time(10, 7, 41)",
    "timedelta": "__import__('datetime').timedelta(minutes=97)",
    "Decimal": "__import__('decimal').Decimal('7.35')",
    "Fraction": "__import__('fractions').Fraction(7, 3)",
}


# A value the instruction restricts beyond its type: "(n even, n >= 2)", "an even number of squares", "with `0 <= threshold < 1`",
# "always a multiple of 0.10", "a power of two". Made-up values ignore these, so a call with them may loop in right code.
RESTRICTED_VALUES = literal_gates.compile(r"\b0\s*<=?\s*`?[A-Za-z_]\w*`?\s*<=?\s*1\b|\bbetween\s+0\s+and\s+1\b|\beven-(?:sized|length|numbered)\b|\b(?:is|be|are|always|n|an?)\s+(?:even|odd|prime)\b(?!\s+(?:if|when|though|one|the|first)\b)"
                               r"|\b(?:a|whole) multiple of\b|\bdivisible by\b|\bpowers? of (?:two|2)\b", re.IGNORECASE)


def values_restricted(instruction_prose: str) -> bool:
    """Whether the instruction restricts a value beyond its type, as the probes' values do not follow: then one
    call that does not return proves nothing while another returns (a deck of 3 cards where decks are even)."""
    return RESTRICTED_VALUES.search(instruction_prose) is not None


class _Unknown(Exception):
    """An annotation no ordinary value is made for."""


def _hashable(node: ast.expr) -> bool:
    """A kind whose values a set holds: the plain ones, and tuples of them (``set[tuple[int, int]]``, map cells)."""
    if isinstance(node, ast.Subscript) and _name(node.value) in TUPLES:
        parts = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        return all(_hashable(p) or isinstance(p, ast.Constant) and p.value is Ellipsis for p in parts)
    return _name(node) in HASHABLE_VALUES


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _record_classes(tree: ast.Module) -> Dict[str, List[ast.expr]]:
    """Dataclasses and named tuples the code defines: {name: the annotations of their required fields}."""
    found: Dict[str, List[ast.expr]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        dataclass = any(_name(d.func if isinstance(d, ast.Call) else d) == "dataclass" for d in node.decorator_list)
        named_tuple = any(_name(b) == "NamedTuple" for b in node.bases)
        if not (dataclass or named_tuple) or any(_name(b) not in ("NamedTuple", "object") for b in node.bases):
            continue
        fields = [s for s in node.body if isinstance(s, ast.AnnAssign) and isinstance(s.target, ast.Name)]
        if any(_name(f.annotation.value if isinstance(f.annotation, ast.Subscript) else f.annotation) in ("ClassVar", "InitVar") for f in fields):
            continue
        if any(isinstance(s, ast.FunctionDef) and s.name in ("__init__", "__new__", "__post_init__") for s in node.body):
            continue  # a constructor of its own may refuse what the fields allow
        found[node.name] = [f.annotation for f in fields if f.value is None]
    return found


def _literal_keys(tree: ast.Module) -> List[str]:
    """The text keys the code reads by literal: ``row["qty"]``, ``row.get("price")``."""
    keys: List[str] = []
    for node in walk(tree):
        key = None
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and isinstance(node.slice, ast.Constant):
            key = node.slice.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "pop", "setdefault") and node.args \
                and isinstance(node.args[0], ast.Constant):
            key = node.args[0].value
        if isinstance(key, str) and key not in keys:
            keys.append(key)
    return keys[:8]


class _Maker:
    """Source text of ordinary values of an annotation; ``style`` 0 or 1 picks words or digits for texts, 2 the
    less round values of :data:`UNEVEN_INTS`."""

    def __init__(self, style: int, keys: List[str], records: Dict[str, List[ast.expr]]):
        self.style, self.keys, self.records, self.counters = style, keys, records, {}

    def _next(self, kind: str) -> int:
        """The next value of a kind is another one: the items of a list differ, as a ranking's do."""
        self.counters[kind] = self.counters.get(kind, -1) + 1
        return self.counters[kind]

    def value(self, node: Optional[ast.expr], depth: int = 0) -> str:
        if node is None or depth > 4:
            raise _Unknown
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            node = ast.parse(node.value, mode="eval").body  # a quoted annotation: "list[int]"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # X | None: X at the same depth (a smaller node, no loop)
            return self.value(_without_none([node.left, node.right]), depth)
        if isinstance(node, (ast.Name, ast.Attribute)):
            return self._plain(_name(node), depth)
        if isinstance(node, ast.Subscript):
            return self._container(_name(node.value), node.slice, depth)
        raise _Unknown

    def _plain(self, name: str, depth: int) -> str:
        i = self._next(name)
        if self.style == 2 and (name in ("int", "float", "str", "bytes") or name in UNEVEN_LIBRARY_VALUES):
            return self._uneven(name, i, depth)
        if name == "int":  # the second call's numbers in another order: a filter one call's values all fail, the other's pass
            return repr(INTS[(i + 2 * self.style) % len(INTS)])
        if name == "float":
            return repr(FLOATS[(i + 2 * self.style) % len(FLOATS)])
        if name == "bool":
            return repr(bool((i + self.style) % 2 == 0))
        if name == "str":
            return repr((DIGITS if self.style else WORDS)[i % len(WORDS)])
        if name == "bytes":
            return repr((DIGITS if self.style else WORDS)[i % len(WORDS)].encode())
        if name in LIBRARY_VALUES:  # the second call's in the other order too: a start before its end in one of them
            return LIBRARY_VALUES[name][(i + self.style) % 2]
        if name in self.records:
            return f"{name}({', '.join(self.value(field, depth + 1) for field in self.records[name])})"
        raise _Unknown

    def _uneven(self, name: str, i: int, depth: int) -> str:
        """The third call's value of a plain kind (:data:`UNEVEN_INTS`)."""
        if name == "int":
            return repr(UNEVEN_INTS[i % len(UNEVEN_INTS)] if depth == 0 else INTS[1:][i % 4])
        if name == "float":
            return repr(UNEVEN_FLOATS[i % len(UNEVEN_FLOATS)])
        if name == "str":
            return repr(UNEVEN_TEXTS[i % len(UNEVEN_TEXTS)])
        if name == "bytes":
            return repr(UNEVEN_TEXTS[i % len(UNEVEN_TEXTS)].encode())
        return UNEVEN_LIBRARY_VALUES[name]

    def _container(self, name: str, inner: ast.expr, depth: int) -> str:
        parts = list(inner.elts) if isinstance(inner, ast.Tuple) else [inner]
        if name == "Optional":
            return self.value(parts[0], depth)
        if name == "Union":
            return self.value(_without_none(parts), depth)
        if name in LISTS and len(parts) == 1:
            return "[" + ", ".join(self.value(parts[0], depth + 1) for _ in range(3)) + "]"
        if name in SETS and len(parts) == 1 and _hashable(parts[0]):
            return "{" + ", ".join(self.value(parts[0], depth + 1) for _ in range(3)) + "}"
        if name in TUPLES:
            if len(parts) == 2 and isinstance(parts[1], ast.Constant) and parts[1].value is Ellipsis:
                return "(" + ", ".join(self.value(parts[0], depth + 1) for _ in range(2)) + ")"
            return "(" + ", ".join(self.value(p, depth + 1) for p in parts) + ("," if len(parts) == 1 else "") + ")"
        if name in DICTS and len(parts) == 2:
            key, value = parts
            if _name(key) == "str":
                keys = self.keys + [w for w in WORDS[:2] if len(self.keys) < 2]
                return "{" + ", ".join(f"{k!r}: {self.value(value, depth + 1)}" for k in keys) + "}"
            if _name(key) not in HASHABLE_VALUES:
                raise _Unknown
            return "{" + ", ".join(f"{self.value(key, depth + 1)}: {self.value(value, depth + 1)}" for _ in range(2)) + "}"
        raise _Unknown


def _without_none(parts: List[ast.expr]) -> ast.expr:
    """``X | None`` and ``Optional[X]`` are X; a union of two kinds is not made up."""
    kinds = [p for p in parts if not (isinstance(p, ast.Constant) and p.value is None) and _name(p) != "None"]
    if len(kinds) != 1:
        raise _Unknown
    return kinds[0]


def _raises_refused(tree: ast.Module) -> bool:
    """The code raises TypeError or AttributeError itself: its answer to a value it refuses."""
    for node in nodes_of(tree, ast.Raise):
        if node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if _name(exc) in REFUSED:
                return True
    return False


DECODERS = frozenset({"loads", "literal_eval", "eval"})  # json.loads(doc): "12" is a document of a number, no text of the kind asked


def _decoded_parameters(function: ast.FunctionDef) -> set:
    """The parameters handed, whole or a part of them, to a decoder (``json.loads(doc)``, ``json.loads(line)`` for each
    line of ``jsonl_text.splitlines()``): the text holds values of their own, which made-up words or digits are not
    (``json.loads("12")`` is the number 12, not a record)."""
    decoded = set()
    params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    bindings = [(n.target, n.iter) for n in nodes_of(function, (ast.For, ast.comprehension))]
    bindings += [(t, n.value) for n in nodes_of(function, ast.Assign) for t in n.targets]
    for param in params:
        names = {param}
        grown = True
        while grown:  # the names bound from a part of the text: its lines, a stripped line, the fields of a split
            grown = False
            for target, value in bindings:
                if any(v.id in names for v in nodes_of(value, ast.Name)):
                    new = {t.id for t in nodes_of(target, ast.Name)} - names
                    names |= new
                    grown = grown or bool(new)
        if any((getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in DECODERS and n.args
               and any(v.id in names for v in nodes_of(n.args[0], ast.Name)) for n in nodes_of(function, ast.Call)):
            decoded.add(param)
    return decoded


CSV_READERS = frozenset({"DictReader", "reader"})


def _read_as_csv(function: ast.FunctionDef, name: str) -> bool:
    """``csv.DictReader(io.StringIO(text))``, ``csv.reader(text.splitlines())``: the parameter is a CSV document."""
    return any((getattr(n.func, "attr", None) or getattr(n.func, "id", None)) in CSV_READERS and n.args
               and any(isinstance(v, ast.Name) and v.id == name for v in walk(n.args[0])) for n in nodes_of(function, ast.Call))


# "a JSON string: a list of objects like" (a block of one object follows): the block shows one item of the list.
ITEM_OF_A_LIST = literal_gates.compile(r"\b(?:list|array|sequence)\s+of\s+(?:\w+\s+){0,3}?(?:objects?|records?|dicts?|entries|items?|orders?)\b[^.\n]*$", re.IGNORECASE)


def _shown_document(instruction: str, kind: str) -> Optional[str]:
    """The first fenced block of the instruction that is a whole document of ``kind``: a JSON object or array (no "..."),
    or CSV text with a header of two names or more and a row under it."""
    for fence in find_fences(instruction):
        text = fence.code.strip()
        if not text or "..." in text or "…" in text or fence.tag not in ("", "json", "csv", "text", "txt"):
            continue
        if kind == "json" and fence.tag in ("", "json"):
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, dict) and ITEM_OF_A_LIST.search(text_before(instruction, fence)[-200:]):
                return f"[{text}]"  # "a list of objects like" and one object: an item of the document
            if isinstance(value, (dict, list)):
                return text
        if kind == "csv" and fence.tag in ("", "csv", "text", "txt"):
            lines = text.splitlines()
            header = [field.strip() for field in lines[0].split(",")]
            if len(lines) >= 2 and len(header) >= 2 and all(re.fullmatch(r"[A-Za-z_][\w ]*", field) for field in header):
                return text + "\n"
    return None


def _compared_texts(function: ast.FunctionDef, name: str) -> List[str]:
    """The texts the code compares the parameter with (``size == "XL"``, ``kind in ("gold", "silver")``): values it
    takes by its own word, which made-up ones never hit."""
    found: List[str] = []
    for node in nodes_of(function, ast.Compare):
        sides = [node.left, *node.comparators]
        if not any(isinstance(side, ast.Name) and side.id == name for side in sides) or not all(
                isinstance(op, (ast.Eq, ast.NotEq, ast.In, ast.NotIn)) for op in node.ops):
            continue
        for side in sides:
            items = side.elts if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
            found += [i.value for i in items if isinstance(i, ast.Constant) and isinstance(i.value, str) and i.value not in found]
    return found[:2]


def _required(function: ast.FunctionDef) -> Tuple[List[ast.arg], List[ast.arg]]:
    """The positional and keyword-only parameters without a default."""
    a = function.args
    positional = a.posonlyargs + a.args
    positional = positional[: len(positional) - len(a.defaults)]
    keyword = [arg for arg, default in zip(a.kwonlyargs, a.kw_defaults) if default is None]
    return positional, keyword


def typed_probes(instruction_prose: str, tree: Optional[ast.Module], instruction: str = "") -> List[str]:
    """Calls of the asked function with ordinary values of its annotated types (three: words, digits and less round
    values; fewer when they are the same), as sources execution evaluates in the code's namespace.
    ``instruction``: the whole text, whose fenced blocks may show a document a text parameter holds."""
    if tree is None or not imports_only_stdlib(tree) or _raises_refused(tree):
        return []
    asked = asked_function(tree, instruction_prose)
    # "Write `bag_fee(days, size)` ... Then write `total_fees(bags)`": each function the instruction names is asked for
    named = [n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_") and re.search(rf"\b{re.escape(n.name)}\(", instruction_prose)]
    calls: List[str] = []
    for function in [asked] if asked is not None else named[:3]:
        if not function.decorator_list:
            calls += [call for call in _probes_of(function, tree, instruction_prose, instruction) if call not in calls]
    return calls


def _probes_of(function: ast.FunctionDef, tree: ast.Module, instruction_prose: str, instruction: str) -> List[str]:
    """The probes of one asked function (:func:`typed_probes`)."""
    positional, keyword = _required(function)
    if not positional + keyword:
        return []
    documents = {}  # a text the code decodes as JSON or reads as CSV: the document the instruction shows, not made-up words
    for name in _decoded_parameters(function):
        documents[name] = _shown_document(instruction, "json")
        if documents[name] is None:
            return []  # json.loads("12") is a number: no made-up text is a document
    for arg in positional + keyword:
        shown = _shown_document(instruction, "csv") if arg.arg not in documents and _read_as_csv(function, arg.arg) else None
        if shown is not None:
            documents[arg.arg] = shown
    keys, records = _literal_keys(tree), _record_classes(tree)
    spelled = asked_annotations(instruction, function.name) if instruction else {}  # `f(lines: list[str])` over `def f(lines)`
    parameters = {arg.arg: arg.annotation or spelled.get(arg.arg) for arg in positional + keyword}
    stated = {**shown_values(instruction_prose, parameters), **stated_values(instruction_prose, parameters)}  # "`percent` is a number such as `3.5`"
    stated.update({name: repr(text) for name, text in documents.items()})
    calls: List[str] = []
    texts = {arg.arg: _compared_texts(function, arg.arg) for arg in positional + keyword
             if arg.arg not in stated and parameters[arg.arg] is not None and _name(parameters[arg.arg]) == "str"}
    variants = [(style, None, None) for style in (0, 1, 2)] + [(0, name, text) for name, found in texts.items() for text in found][:4]
    for style, fixed, text in variants:  # the second call's values in another order, the third's less round; then one call per text the code tests for
        maker = _Maker(style, keys, records)

        def value(arg: ast.arg) -> str:
            if arg.arg == fixed:
                return repr(text)  # size == "XL": the branch only that value takes
            said = stated.get(arg.arg, parameters[arg.arg])  # "`today` is a `datetime.date`": the words' kind, or a record or document they show
            return said if isinstance(said, str) else maker.value(said)

        try:
            args = [value(arg) for arg in positional] + [f"{arg.arg}={value(arg)}" for arg in keyword]
        except (_Unknown, SyntaxError, ValueError):
            return []
        call = f"{function.name}({', '.join(args)})"
        if call not in calls:
            calls.append(call)
    return calls


def made_up_values(annotation: ast.expr, tree: ast.Module) -> List[str]:
    """Source texts of two ordinary values of ``annotation`` (one when both are the same), records of the code's own
    dataclasses included; none when no value is made for it."""
    values: List[str] = []
    for style in (0, 1):
        try:
            value = _Maker(style, _literal_keys(tree), _record_classes(tree)).value(annotation)
        except (_Unknown, SyntaxError, ValueError):
            return []
        if value not in values:
            values.append(value)
    return values


# The sandbox's runner of the probes: defined in the harness's program, run after the row's code.
PROBE_RUNNER = r'''
class _HfProbeTime(BaseException):
    """A probe used up its CPU time (a BaseException: the row's own ``except Exception`` does not swallow it)."""


def _hf_typed_probes(probes, namespace, one_hang_fails):
    """Call each probe (hfsynth.curate.typed_probes) with its own CPU-time limit; a TypeError,
    AttributeError or NameError raised in the row's code fails the row, and so does a call that does not
    return: any one, or only when none returns where the instruction restricts its values beyond their
    types (typed_probes.values_restricted: a made-up value may be one it rules out); anything else proves nothing."""
    import contextlib as _cl, io as _io, signal as _signal

    def _spent(signum, frame):
        raise _HfProbeTime()

    previous = _signal.signal(_signal.SIGVTALRM, _spent)
    endless = []
    try:
        for source in probes:
            failure = None
            _signal.setitimer(_signal.ITIMER_VIRTUAL, PROBE_SECONDS)
            try:
                with _cl.redirect_stdout(_io.StringIO()):
                    result = _hf_eval(source, namespace)
                    if hasattr(result, "__next__"):
                        list(itertools.islice(result, 10000))
            except _HfProbeTime:
                endless.append(source)
            except (TypeError, AttributeError, NameError) as exc:
                frames, tb = [], exc.__traceback__
                while tb is not None:
                    frames.append(tb.tb_frame.f_code.co_filename)
                    tb = tb.tb_next
                given = isinstance(exc, NameError) and getattr(exc, "name", None) in GIVEN  # what the instruction's own code binds
                if "solution.py" in frames and "NoneType" not in str(exc) and not given:
                    failure = f"{source[:120]} (ordinary values of the kinds its signature or instruction names) raises {_hf_type(exc).__name__}: {exc}"
            except Exception:
                continue
            finally:
                _signal.setitimer(_signal.ITIMER_VIRTUAL, 0)
            if failure:
                raise AssertionError(failure)
        if endless and (one_hang_fails or _hf_len(endless) == _hf_len(probes)):
            others = _hf_len(probes) - _hf_len(endless)
            raise AssertionError(f"{endless[0][:120]} (ordinary values of the kinds its signature or instruction names) does not return within PROBE_SECONDS s of CPU time"
                                 + (f", nor {_hf_len(endless) - 1} other such call" + ("s" if _hf_len(endless) > 2 else "") if _hf_len(endless) > 1 else "")
                                 + (f", though {others} other such call" + (" returns" if others == 1 else "s return") if others else ""))
    finally:
        _signal.signal(_signal.SIGVTALRM, previous)
'''.replace("PROBE_SECONDS", repr(PROBE_SECONDS))
