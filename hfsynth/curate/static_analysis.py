"""Static analysis with pyflakes: code that parses but cannot be what the row claims.

Small models define the same function three times, or call helpers they never wrote
(``encode_binary_data``); large ones leave a name from the conversation in the code. pyflakes
knows Python's scoping (``global``, ``nonlocal``, builtins, star imports, ``typing.overload``,
property setters, definitions in different branches of an ``if``), so none of that is
hand-written here. Which pyflakes messages remove a row is the recipe's
``curate.static_analysis.reject`` (pyflakes message class names).

A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
from typing import AbstractSet, Dict, List, Optional, Sequence, Set

from hfsynth.curate.python_ast import parse_python
from hfsynth.fences import find_fences

MESSAGE_NAMES = ("UndefinedName", "UndefinedLocal", "RedefinedWhileUnused", "UndefinedExport")  # the schema's default


def pyflakes_messages(code: str) -> List:
    """pyflakes' messages for ``code`` (empty when it does not parse: validity's job)."""
    from pyflakes import checker

    tree = parse_python(code)
    if tree is None:
        return []
    return sorted(checker.Checker(tree, filename="<row>").messages, key=lambda m: (m.lineno, m.col))


def findings(code: str, reject: Sequence[str], given: AbstractSet[str] = frozenset()) -> List[str]:
    """'Kind: message (line N)' for every pyflakes message whose class is in ``reject``; names in
    ``given`` are not undefined."""
    out = []
    for message in pyflakes_messages(code):
        kind = type(message).__name__
        if kind == "UndefinedName" and message.message_args[0] in given:
            continue
        if kind in reject:
            out.append(f"{kind}: {message.message % message.message_args} (line {message.lineno})")
    return out


def _bound_names(tree: ast.Module) -> Set[str]:
    """Every name the code binds or uses, at any depth: definitions, imports, assignment and loop
    targets, parameters, and the free names the quoted code takes as given."""
    names: Set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name):
            names.add(node.id)  # bound there, or a name the quoted code itself takes as given (``counts``)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


def names_the_instruction_defines(instruction: str) -> Set[str]:
    """Names the instruction's own code binds or uses: its fenced blocks, and lines outside them
    that are a Python assignment or import. An answer may use them: Alpaca's input (``sentence =
    "..."``), the helper an Evol-Instruct task quotes and asks to build on, the local variable of
    the quoted function whose one line the task asks to replace, the ``counts`` of a snippet to
    explain."""
    names: Set[str] = set()
    outside = instruction
    for fence in find_fences(instruction):
        outside = outside.replace(fence.code, "\n")
        tree = parse_python(fence.code)
        if tree is not None:
            names |= _bound_names(tree)
    for line in outside.splitlines():
        tree = parse_python(line.strip()) if "=" in line or "import" in line else None
        if tree is not None:
            names |= _bound_names(tree)
    return names



def check(row: Dict, config) -> Optional[str]:
    """None when the row's Python code has none of the rejected pyflakes messages, else the first
    (with a count of the others). Names the instruction's code defines count as defined. Rows in
    other languages pass."""
    if row.get("language") != "python":
        return None
    found = findings(row.get("code") or "", config.reject, names_the_instruction_defines(row.get("instruction") or ""))
    if not found:
        return None
    return found[0] + (f" (+{len(found) - 1} more)" if len(found) > 1 else "")
