"""Fields unpacked in another order than the instruction gives them.

"readings are `(date, tmin, tmax)` tuples" answered by ``for date, tmax, tmin in readings``: the code
names the fields the instruction names, in another order, so every value lands in the other's name.
The answer runs and reads well; its result swaps the two. Read only where a loop over a parameter
unpacks its items into exactly the names of one tuple the instruction spells (two or more), in a
different order (an output tuple built from a regex's groups may rightly come in another order).
"""
from __future__ import annotations

import ast
import re
from typing import List, Optional

# `(date, tmin, tmax)`, "(patron_id, isbn) pairs": a tuple of plain names (not a signature's ``f(a, b)``).
SPELLED_TUPLE = re.compile(r"(?<![\w])\((?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\)")


def _spelled(prose: str) -> List[List[str]]:
    return [[n.strip() for n in found.group("names").split(",")] for found in SPELLED_TUPLE.finditer(prose)]


def swapped_fields(prose: str, tree: ast.Module) -> Optional[str]:
    """A loop over a parameter whose target is the names of a tuple the instruction spells, reordered."""
    spelled = [names for names in _spelled(prose) if len(set(names)) == len(names)]
    if not spelled:
        return None
    parameters = {a.arg for a in ast.walk(tree) if isinstance(a, ast.arg)}
    for node in ast.walk(tree):
        target = node.target if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) else None
        if not (isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts)
                and isinstance(node.iter, ast.Name) and node.iter.id in parameters):
            continue  # only the input's own items: a regex's groups come in the text's order
        names = [e.id for e in target.elts]
        for asked in spelled:
            if names != asked and sorted(names) == sorted(asked):
                return f"the instruction's items are ({', '.join(asked)}) and the code unpacks them as ({', '.join(names)}) (line {target.lineno})"
    return None
