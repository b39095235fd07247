"""The best of many items where the instruction asks for the best of their totals per key.

"a film can have several showings ... the film with the largest total number of seats sold across all its
showings", answered by ``max(showings, key=lambda s: s[1])``: the one biggest showing, not the film whose
showings add up to the most. The answer runs, reads well, and agrees with every example in which each film
shows once. Read only where the instruction says a key has several items (or totals across them), asks for
the largest or smallest, and the asked function takes ``max``/``min`` (or sorts) straight over a parameter
while adding nothing up anywhere (no ``+=``, ``sum``, ``Counter``, ``defaultdict``, ``groupby``, no item
stored under a key).
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import asked_function, nodes_of, walk

# "a film can have several showings", "the same player may appear more than once", "totalled across all its showings".
SEVERAL_PER_KEY = literal_gates.compile(
    r"\b(?:can|may|might|could|will\s+often|often)\s+(?:have|appear\s+(?:in|on)|appear|occur|span|hold|be\s+listed)\s+"
    r"(?:several|multiple|many|more\s+than\s+(?:one|once))\b"
    r"|\b(?:total|combined|overall|summed|added\s+up)\b[^.;]{0,60}\bacross\s+(?:all\s+)?(?:its|their|his|her)\b",
    re.IGNORECASE)
BEST_ASKED = literal_gates.compile(r"\b(?:largest|highest|most|biggest|best|greatest|maximum|smallest|lowest|least|fewest|minimum)\b", re.IGNORECASE)
ADDS_UP = frozenset({"sum", "Counter", "defaultdict", "groupby", "fsum", "reduce", "accumulate", "setdefault", "update"})


def _adds_up(function: ast.FunctionDef) -> bool:
    for node in walk(function):
        if isinstance(node, ast.AugAssign):
            return True
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and any(isinstance(t, ast.Subscript) for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            return True  # totals[key] = ... : something is kept per key
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            if name in ADDS_UP:
                return True
        if isinstance(node, ast.DictComp) or (isinstance(node, ast.Dict) and node.keys):
            return True  # a mapping built: the items may be grouped in it
    return False


def best_single_item(prose: str, tree: ast.Module) -> Optional[str]:
    """``max(showings, key=...)`` where the instruction totals each key's several items before taking the largest."""
    several = SEVERAL_PER_KEY.search(prose)
    if not several or not BEST_ASKED.search(prose):
        return None
    function = asked_function(tree, prose)
    if function is None or _adds_up(function):
        return None
    parameters = {a.arg for a in function.args.args}
    for node in nodes_of(function, ast.Call):
        if (isinstance(node.func, ast.Name) and node.func.id in ("max", "min", "sorted")
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id in parameters
                and any(k.arg == "key" for k in node.keywords)):
            return (f"the instruction says '{several.group(0)}' and asks for the {BEST_ASKED.search(prose).group(0)} total, and the code "
                    f"takes {node.func.id}() over the single items of {node.args[0].id} (line {node.lineno}) without adding any up")
    return None
