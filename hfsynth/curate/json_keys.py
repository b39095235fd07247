"""A JSON object's keys are strings: ``card[zone]`` with ``zone: int`` never finds the zone.

"Our rate card as JSON: ``{"1": [[1, 4.5], ...], "2": ...}``. Write ``quote(rate_json: str, zone: int, ...)``": a
model loads the text and looks the zone up as it was given, an ``int``, where ``json.loads`` made every key a
``str`` ("1"), so each lookup raises KeyError (or ``.get`` answers None). Read only where neither side leaves
room: the instruction shows a JSON object whose keys are numbers in quotes, and the code subscripts (or calls
``.get`` on) a name bound once to ``json.loads``/``json.load`` (or to an object inside it, ``json.loads(feed)["stations"]``)
with a parameter annotated ``int`` that its function never rebinds or converts, or an item of one annotated
``list[int]`` (``for bin_no in route``), or with a record's field the instruction calls an integer ("each lesson dict
(which has an integer `period`)", looked up as ``starts[lesson["period"]]``).

And a record shown whole (a ```json block, or a JSON object in backticks, with three keys or more) whose reader
looks up a key the record does not have: "records like ``{"ref": ..., "city": ..., "asking_price": ...,
"status": ...}``" read as ``listing["price"]``, beside ``listing["status"]`` and ``listing["city"]``; pickups "like
``{"lat": ..., "lng": ..., "ts": ...}``" read as ``p["lon"]`` beside ``p["lat"]``. Read only
where the code reads one of the shown keys on the same name, the missing key is quoted nowhere in the
instruction, and the code never writes it, defaults it or tests for it (:mod:`hfsynth.curate.described_keys`).

And a number the instruction's JSON shows with a point (``"value": 1000.005``) made into a ``Decimal`` straight from
``json.loads``: json reads it as a float first, so the Decimal carries the float's binary error (:func:`decimal_of_a_json_float`).
The keys the code itself wrote from a ``dict[int, ...]`` are strings when read back, as the instruction's are.
"""

from __future__ import annotations

import ast
import json
import re
from typing import Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.described_keys import keys_the_code_makes
from hfsynth.curate.python_ast import nodes_of, store_counts, unparsed, walk

# '{"1042": [...]', "{'7': ...": a JSON object keyed by numbers written as strings
NUMBER_KEYS = literal_gates.compile(r"""\{\s*(?:"\d+"|'\d+')\s*:""")
# "an integer `period`", "the int field `zone`": a record's field that holds a number
INT_FIELD = literal_gates.compile(r"\b(?:an?\s+)?(?:integer|int)\s+(?:field\s+|key\s+)?`?([A-Za-z_]\w*)`?", re.IGNORECASE)


# list[int], Sequence[int], set[int], ...: a parameter whose items are ints
INT_ITEMS = literal_gates.compile(r"(?:typing\.)?(?:list|List|Sequence|Iterable|Collection|set|Set|frozenset)\[int\]|(?:typing\.)?(?:tuple|Tuple)\[int,\s*\.\.\.\]")


def _json_loaded(value: ast.expr) -> bool:
    """``json.loads(text)``, or an object inside it (``json.loads(feed)["stations"]``): its keys are strings too."""
    while isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Constant) and isinstance(value.slice.value, str):
        value = value.value
    return isinstance(value, ast.Call) and unparsed(value.func) in ("json.loads", "json.load")


LOADED_HERE = "<json.loads(...)>"  # a lookup made on the loaded object itself, with no name between


def _dumps_int_keys(tree: ast.Module) -> bool:
    """The code writes JSON of a parameter annotated ``dict[int, ...]`` (``save_plan(plan: dict[int, list[str]])``):
    what it reads back has the numbers as strings."""
    int_maps = {a.arg for a in nodes_of(tree, ast.arg) if a.annotation is not None and re.fullmatch(r"(?:typing\.)?(?:dict|Dict)\[int,.*\]", unparsed(a.annotation))}
    return any(isinstance(n, ast.Call) and unparsed(n.func) in ("json.dumps", "json.dump") and n.args and isinstance(n.args[0], ast.Name)
               and n.args[0].id in int_maps for n in nodes_of(tree, ast.Call))


def int_key_into_json(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """Why the code looks an ``int`` up among a JSON object's string keys (those the instruction shows, or those the
    code wrote itself from a ``dict[int, ...]``), else None."""
    if tree is None or not (NUMBER_KEYS.search(instruction) or _dumps_int_keys(tree)):
        return None
    int_fields = {m.group(1) for m in INT_FIELD.finditer(instruction)}
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        stores = store_counts(function)
        parameters = [a for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs if a.annotation is not None and stores[a.arg] == 0]
        numbers = {a.arg for a in parameters if unparsed(a.annotation) == "int"}
        int_lists = {a.arg for a in parameters if INT_ITEMS.fullmatch(unparsed(a.annotation))}
        loops = [(n.target, n.iter) for n in nodes_of(function, (ast.For, ast.comprehension))]  # a comprehension's clauses are nodes too
        numbers |= {target.id for target, iterable in loops if isinstance(target, ast.Name) and isinstance(iterable, ast.Name) and iterable.id in int_lists
                    and stores[target.id] <= 1}  # for bin_no in route, route: list[int]: each an int
        loaded = {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                  and _json_loaded(n.value) and stores[n.targets[0].id] == 1} | {LOADED_HERE}
        if not (numbers or int_fields):
            continue
        for node in walk(function):
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name):
                owner, key = node.value.id, node.slice
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args
                  and isinstance(node.func.value, ast.Name)):
                owner, key = node.func.value.id, node.args[0]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args
                  and _json_loaded(node.func.value)):
                owner, key = LOADED_HERE, node.args[0]  # json.loads(saved).get(oven, [])
            else:
                continue
            field = key.slice.value if isinstance(key, ast.Subscript) and isinstance(key.slice, ast.Constant) else None
            if owner in loaded and (isinstance(key, ast.Name) and key.id in numbers or field in int_fields):
                return (f"the instruction's JSON keys are strings and {unparsed(node)[:40]} (line {node.lineno}) looks up the int "
                        f"{key.id if isinstance(key, ast.Name) else unparsed(key)}: it never finds it")
    return None


# A ```json block, or a JSON object in backticks: a record shown as the input holds it.
SHOWN_JSON = literal_gates.compile(r"```json[ \t]*\n(?P<block>.*?)```|`(?P<inline>\{[^`\n]{10,400}\})`", re.DOTALL)


def _shown_record_keys(instruction: str) -> Optional[Set[str]]:
    """The keys of the one JSON object (three keys or more) the instruction shows as a record, else None."""
    shown = []
    for match in SHOWN_JSON.finditer(instruction):
        try:
            value = json.loads(match.group("block") or match.group("inline"))
        except ValueError:
            continue
        if isinstance(value, dict) and len(value) >= 3:
            shown.append(set(value))
    return shown[0] if len(shown) == 1 else None


def key_missing_from_the_record(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """Why the code reads a key the instruction's shown record does not have, else None."""
    keys = _shown_record_keys(instruction) if tree is not None and "{" in instruction else None
    if not keys:
        return None
    made = keys_the_code_makes(tree)
    reads: dict = {}
    for node in nodes_of(tree, ast.Subscript):
        if (isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name)
                and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
            reads.setdefault(node.value.id, []).append(node)
    for name, nodes in reads.items():
        known = {n.slice.value for n in nodes} & keys
        for node in nodes:
            key = node.slice.value
            if known and key not in keys and key not in made and not re.search(rf"[`'\"]{re.escape(key)}[`'\"]", instruction):
                return (f"the code reads {unparsed(node)[:40]} (line {node.lineno}) and the instruction's record holds "
                        f"{', '.join(repr(k) for k in sorted(keys))}, never {key!r}: KeyError on the first one")
    return None


# A number with a decimal point, unquoted, as a value of a JSON sample: ``"BAF": 1.005``, ``[2.5, ...``.
JSON_DECIMAL = literal_gates.compile(r"[:\[,]\s*-?\d+\.\d+(?=\s*[,}\]])")


def _loads_floats(node: ast.AST) -> bool:
    """``json.loads(...)``/``json.load(...)`` with no ``parse_float``: its numbers with a point come back as floats."""
    return isinstance(node, ast.Call) and unparsed(node.func) in ("json.loads", "json.load") and not any(k.arg == "parse_float" for k in node.keywords)


def decimal_of_a_json_float(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """``Decimal(rec["value"])`` for each record of ``json.loads(text)``, where the instruction's JSON shows the value as a
    number with a point (``"value": 1000.005``): json reads it as a float, so the Decimal holds the float's binary error
    (1000.005 is 1000.00499...) and rounding half up goes the wrong way; ``parse_float=Decimal`` (or ``str``) is meant."""
    shown = "\n".join(m.group("block") or m.group("inline") for m in SHOWN_JSON.finditer(instruction))
    if tree is None or not JSON_DECIMAL.search(shown):
        return None
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        loaded = {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and _loads_floats(n.value)}
        if not loaded and not any(_loads_floats(n) for n in nodes_of(function, ast.Call)):
            continue
        from_json = set(loaded)
        for loop in nodes_of(function, (ast.For, ast.comprehension)):
            source = loop.iter
            pairs = isinstance(source, ast.Call) and isinstance(source.func, ast.Attribute) and source.func.attr in ("items", "values") and not source.args
            base = source.func.value if pairs else source
            if isinstance(base, ast.Name) and base.id in from_json or _loads_floats(base):
                target = loop.target.elts[-1] if pairs and source.func.attr == "items" and isinstance(loop.target, ast.Tuple) else loop.target
                from_json |= {target.id} if isinstance(target, ast.Name) else set()

        def read_from_json(node: ast.AST) -> bool:
            while isinstance(node, ast.Subscript):
                node = node.value
            return isinstance(node, ast.Name) and node.id in from_json or _loads_floats(node)

        for node in nodes_of(function, ast.Call):
            argument = node.args[0] if getattr(node.func, "id", None) == "Decimal" and len(node.args) == 1 else None
            field = argument.slice.value if isinstance(argument, ast.Subscript) and isinstance(argument.slice, ast.Constant) else None
            if isinstance(field, str) and not re.search(rf'"{re.escape(field)}"\s*:\s*-?\d+\.\d+', shown):
                continue  # "price": "81.25": that field is written as text, and Decimal reads it exactly
            if argument is not None and read_from_json(argument):
                return (f"{unparsed(node)[:50]} (line {node.lineno}) is made from a JSON number, which json reads as a float (1.005 is "
                        f"1.00499...): the Decimal keeps the binary error (parse_float=Decimal is meant)")
    return None
