"""The instruction's example timestamps and the code's ``strptime`` format: do they meet?

"Bookings are dicts with ISO 8601 timestamps, e.g. ``{"start": "2024-05-03T09:30"}``" answered with
``datetime.strptime(booking["start"], "%Y-%m-%d %H:%M")``: every real input raises ValueError, and a row
without tests never shows it. Read where the code parses with a format it spells as a literal (in the
call, or a name bound once to it), the instruction writes date or time values, none of them parses with
that format, and one does with the format's near twin (``T`` for the space between date and time, ``/``
for ``-``, seconds added or dropped): the example is of the kind the format is for, written another way.
Not read when the code rewrites its text first (``.replace("T", " ")``) or parses it another way too
(``fromisoformat``, a second ``strptime`` format).
"""

from __future__ import annotations

import ast
import re
from datetime import datetime
from typing import List, Optional
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of

# "2024-05-03T09:30", "03/05/2024 14:00", "09:30:15": digits with date and time separators.
VALUE = literal_gates.compile(r"(?<![\w.:/-])\d{1,4}(?:[-/:.T ]\d{1,4}){1,6}(?![\w:/-])")


def _formats(tree: ast.Module) -> List[str]:
    """The literal formats the code's ``strptime`` calls use (a name bound once to a string counts)."""
    bound = {}
    for node in nodes_of(tree, (ast.Assign, ast.AnnAssign)):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(node.value.value)
    formats = []
    for node in nodes_of(tree, ast.Call):
        if getattr(node.func, "attr", None) == "strptime" and len(node.args) == 2:
            spelled = node.args[1]
            if isinstance(spelled, ast.Constant) and isinstance(spelled.value, str):
                formats.append(spelled.value)
            elif isinstance(spelled, ast.Name) and len(bound.get(spelled.id, ())) == 1:
                formats.append(bound[spelled.id][0])
            else:
                return []  # a format chosen at run time: not read
    return formats


def _twins(spelled: str) -> List[str]:
    twins = {spelled.replace(" ", "T"), spelled.replace("T", " "), spelled.replace("-", "/"), spelled.replace("/", "-"),
             spelled.replace("%M:%S", "%M") if "%S" in spelled else spelled.replace("%H:%M", "%H:%M:%S")}
    twins.discard(spelled)
    return sorted(twins)


def _parses(text: str, spelled: str) -> bool:
    try:
        datetime.strptime(text, spelled)
    except (ValueError, re.error):  # re.error: a format strptime cannot compile (a directive twice)
        return False
    return True


def unparsed_examples(prose: str, tree: ast.Module) -> Optional[str]:
    """``the instruction writes times like '2024-05-03T09:30' and strptime(..., '%Y-%m-%d %H:%M') reads none of them``."""
    formats = _formats(tree)
    if len(set(formats)) != 1 or "%" not in formats[0]:
        return None
    names = {getattr(n.func, "attr", None) or getattr(n.func, "id", None) for n in nodes_of(tree, ast.Call)}
    if names & {"replace", "fromisoformat", "translate", "sub", "parse", "isoparse"}:
        return None
    spelled = formats[0]
    values = [m.group(0).strip() for m in VALUE.finditer(prose) if re.search(r"[-/:T]", m.group(0))]
    if not values or any(_parses(v, spelled) for v in values):
        return None
    for value in values:
        if any(_parses(value, twin) for twin in _twins(spelled)):
            return f"the instruction writes times like {value!r} and strptime(..., {spelled!r}) reads none of them, which raises ValueError"
    return None
