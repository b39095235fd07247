"""A JSON object's keys are strings: ``card[zone]`` with ``zone: int`` never finds the zone.

"Our rate card as JSON: ``{"1": [[1, 4.5], ...], "2": ...}``. Write ``quote(rate_json: str, zone: int, ...)``": a
model loads the text and looks the zone up as it was given, an ``int``, where ``json.loads`` made every key a
``str`` ("1"), so each lookup raises KeyError (or ``.get`` answers None). Read only where neither side leaves
room: the instruction shows a JSON object whose keys are numbers in quotes, and the code subscripts (or calls
``.get`` on) a name bound once to ``json.loads``/``json.load`` with a parameter annotated ``int`` that its
function never rebinds or converts, or with a record's field the instruction calls an integer ("each lesson dict
(which has an integer `period`)", looked up as ``starts[lesson["period"]]``).
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate.python_ast import store_counts, walk

# '{"1042": [...]', "{'7': ...": a JSON object keyed by numbers written as strings
NUMBER_KEYS = re.compile(r"""\{\s*(?:"\d+"|'\d+')\s*:""")
# "an integer `period`", "the int field `zone`": a record's field that holds a number
INT_FIELD = re.compile(r"\b(?:an?\s+)?(?:integer|int)\s+(?:field\s+|key\s+)?`?([A-Za-z_]\w*)`?", re.IGNORECASE)


def int_key_into_json(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """Why the code looks an ``int`` up among a JSON object's string keys, else None."""
    if tree is None or not NUMBER_KEYS.search(instruction):
        return None
    int_fields = {m.group(1) for m in INT_FIELD.finditer(instruction)}
    for function in (n for n in walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        stores = store_counts(function)
        numbers = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs
                   if a.annotation is not None and ast.unparse(a.annotation) == "int" and stores[a.arg] == 0}
        loaded = {n.targets[0].id for n in walk(function) if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                  and isinstance(n.value, ast.Call) and ast.unparse(n.value.func) in ("json.loads", "json.load") and stores[n.targets[0].id] == 1}
        if not (numbers or int_fields) or not loaded:
            continue
        for node in walk(function):
            if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name):
                owner, key = node.value.id, node.slice
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and node.args
                  and isinstance(node.func.value, ast.Name)):
                owner, key = node.func.value.id, node.args[0]
            else:
                continue
            field = key.slice.value if isinstance(key, ast.Subscript) and isinstance(key.slice, ast.Constant) else None
            if owner in loaded and (isinstance(key, ast.Name) and key.id in numbers or field in int_fields):
                return (f"the instruction's JSON keys are strings and {ast.unparse(node)[:40]} (line {node.lineno}) looks up the int "
                        f"{key.id if isinstance(key, ast.Name) else ast.unparse(key)}: it never finds it")
    return None
