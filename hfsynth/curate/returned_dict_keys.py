"""The keys an instruction lists for a dict, against the dicts the code's function returns.

"Return a dict with these keys, all in integer cents: `subtotal`, `service_fee`, `tax` and `total`",
"parse ... into a dict with the keys date (a datetime.date), vehicle (str), litres (float) and odometer
(int)": a model that loses one key still writes a function that runs, and its asserts read the keys it
kept. Where every ``return`` of a function gives a dict display with string keys (or a name bound
once to one, filled only by ``name["key"] = ...``), its keys are known exactly, and a listed key that
none of them holds is left out: the name ``tax`` may be computed and still never returned.

The list is read after "dict/mapping with (the/these/N) keys/fields": quoted, backticked or bare
snake_case words, each perhaps followed by what it holds in parentheses, up to the punctuation that
ends it; or, after the same words and a colon, as bullets that each open with a quoted or backticked
key ("- `'mean'` - the average, rounded to 2 decimal places"), or after "a dict with:" alone; and after "a `dict` that
describes a sample with the keys `"count"`, ...". A function is held to a list only when one of its dicts holds two of the listed keys (the
list describes that dict, not a nested one).
"""
from __future__ import annotations

import ast
import re
from typing import List, Optional, Set
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, walk

ITEM = r"""(?:`["'][A-Za-z_][\w ]{0,30}["']`|[`'"][A-Za-z_][\w ]{0,30}[`'"]|[a-z_][a-z0-9_]*)(?:\s*\([^()\n]{0,80}\))?"""
LISTED_KEYS = literal_gates.compile(
    r"\b(?:dict(?:ionary|ionaries|s)?|mapping)(?:`?\s+(?:that|which)\s+[^.;:`]{0,60}?)?\s+(?:with|having|containing|holding)\s+"
    r"(?:the\s+|exactly\s+(?:the\s+)?|these\s+|(?:two|three|four|five|six|seven|eight)\s+)?(?:keys?|fields?|entries)"
    rf"(?:\s*:|\s*[\u2014\u2013]|,[^:.\n]{{0,40}}:)?\s*(?P<items>{ITEM}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){ITEM}){{1,11}})(?=\s*(?:[.;:,)\u2014\u2013]|$))",
    re.IGNORECASE | re.MULTILINE,
)


# "Return a dict with four keys:" then one bullet per key, each opening with the key quoted or backticked.
BULLETED_KEYS = literal_gates.compile(
    r"\b(?:dict(?:ionary)?|mapping)\s+(?:with|having|containing|holding)(?:\s+|(?=:))(?:the\s+(?:following\s+)?|these\s+|exactly\s+(?:these\s+)?|"
    r"(?:two|three|four|five|six|seven|eight)\s+)?(?:(?:keys|fields|entries)\s*:?|:)[ \t]*\n+(?P<items>(?:[ \t]*(?:[-*+]|\d+[.)])[ \t]+[`'\"][^\n]*(?:\n|$)){2,})",
    re.IGNORECASE,
)
BULLETED_KEY = literal_gates.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+`?['\"]?([A-Za-z_]\w*)['\"]?`?", re.MULTILINE)


def _listed(instruction: str) -> List[List[str]]:
    lists = [BULLETED_KEY.findall(found.group("items")) for found in BULLETED_KEYS.finditer(instruction)]
    for found in LISTED_KEYS.finditer(instruction):
        items = re.sub(r"\s*\([^()\n]*\)", "", found.group("items"))
        lists.append([key.strip("`'\" ") for key in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", items) if key.strip()])
    return lists


def _display_keys(node: Optional[ast.expr]) -> Optional[Set[str]]:
    """The keys of a dict display whose every key is a string constant (no ``**``)."""
    if not isinstance(node, ast.Dict) or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys):
        return None
    return {k.value for k in node.keys}


def _filled_keys(function: ast.AST, name: str, start: Set[str]) -> Optional[Set[str]]:
    """``start`` plus the keys ``name["key"] = ...`` adds; None when the dict is filled any other way
    (a computed key, ``update``, ``setdefault``, or handed to a call that may fill it)."""
    keys = set(start)
    for node in walk(function):
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name and isinstance(node.ctx, (ast.Store, ast.Del)):
            if not (isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
                return None
            keys.add(node.slice.value)
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name and node.attr not in ("get", "items", "keys", "values", "copy"):
            return None
        if isinstance(node, ast.Call) and any(isinstance(a, ast.Name) and a.id == name for a in node.args + [k.value for k in node.keywords]):
            return None
    return keys


def returned_key_sets(function: ast.AST) -> Optional[List[Set[str]]]:
    """The key set of each dict the function returns, or None when some ``return`` gives anything else."""
    bound = {}
    for node in nodes_of(function, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound.setdefault(node.targets[0].id, []).append(node.value)
    sets = []
    for node in nodes_of(function, ast.Return):
        if node.value is None:
            continue
        keys = _display_keys(node.value)
        if keys is None and isinstance(node.value, ast.Name) and len(bound.get(node.value.id, [])) == 1:
            start = _display_keys(bound[node.value.id][0])
            keys = _filled_keys(function, node.value.id, start) if start is not None else None
        if keys is None:
            return None
        sets.append(keys)
    return sets or None


def missing_returned_key(instruction: str, tree: ast.Module) -> Optional[str]:
    """The first key the instruction lists that a function's returned dicts all leave out, as words
    for the reason; None when every listed key is returned or no dict is known whole."""
    lists = _listed(re.sub(r"\*\*(\w+)\*\*", r"\1", instruction))  # "a dict with **three** keys"
    if not lists:
        return None
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        sets = returned_key_sets(function)
        for keys in lists if sets else ():
            for returned in sets:
                missing = [key for key in keys if key not in returned]
                if missing and len(set(keys) & returned) >= 2:
                    return f"the key {missing[0]!r} of the dict {function.name}() returns (it returns {', '.join(sorted(returned))})"
    return None
