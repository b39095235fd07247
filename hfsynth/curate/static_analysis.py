"""Static analysis with pyflakes: code that parses but cannot be what the row claims.

Small models define the same function three times, or call helpers they never wrote
(``encode_binary_data``); large ones leave a name from the conversation in the code. pyflakes
knows Python's scoping (``global``, ``nonlocal``, builtins, star imports, ``typing.overload``,
property setters, definitions in different branches of an ``if``), so none of that is
hand-written here. Which pyflakes messages remove a row is the recipe's
``curate.static_analysis.reject`` (pyflakes message class names).

pyflakes does not know what a module holds, and models invent standard-library APIs
(``from collections import SortedDict``, ``itertools.flatten``, ``string.is_alpha``). With
``curate.static_analysis.stdlib_names`` each name the code imports from, or looks up on, a standard
module it imports is looked up in that module as the running Python has it (the execution step
runs rows on the same Python): a name it lacks removes the row.

A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
import importlib
import importlib.util
import sys
import warnings
from functools import lru_cache
from typing import AbstractSet, Dict, List, Optional, Sequence, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, parse_python, walk
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
    for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom, ast.Name, ast.arg)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
        elif isinstance(node, ast.Name):
            names.add(node.id)  # bound there, or a name the quoted code itself takes as given (``counts``)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
    return names


INLINE_CODE = literal_gates.compile(r"`([^`\n]+)`")


def names_the_instruction_defines(instruction: str) -> Set[str]:
    """Names the instruction's own code binds or uses: its fenced blocks, and lines or inline code
    spans outside them that are a Python assignment or import. An answer may use them: Alpaca's input (``sentence =
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
    for line in outside.splitlines() + INLINE_CODE.findall(outside):  # and inline code: "Given `nums = [3, 1, 2]`, ..."
        tree = parse_python(line.strip()) if "=" in line or "import" in line else None
        if tree is not None:
            names |= _bound_names(tree)
    return names



# Standard modules that do something when imported (open a browser, print, start IDLE or a demo).
NOT_IMPORTED = frozenset({"antigravity", "this", "__hello__", "__phello__", "idlelib", "turtledemo", "__main__"})


@lru_cache(maxsize=512)
def _stdlib_module(name: str):
    """The standard module ``name`` as this Python has it, or None: not standard, not importable
    here (a removed or platform module), or one that acts when imported."""
    parts = name.split(".")
    if parts[0] not in sys.stdlib_module_names or NOT_IMPORTED & set(parts):
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return importlib.import_module(name)
        except Exception:  # noqa: BLE001 - any failure to import means: not judged
            return None


@lru_cache(maxsize=4096)
def _module_has(name: str, attribute: str) -> bool:
    """Whether the standard module ``name`` has ``attribute``, or a submodule of that name
    (``xml.dom``, ``concurrent.futures``: not attributes until imported)."""
    module = _stdlib_module(name)
    if module is None or hasattr(module, attribute) or attribute.startswith("__"):
        return True
    try:
        return importlib.util.find_spec(f"{name}.{attribute}") is not None
    except Exception:  # noqa: BLE001 - not a package: no submodules
        return False


def _rebound_names(tree: ast.Module) -> Set[str]:
    """Names the code binds other than by importing them (a local ``string = ...`` shadows the module)."""
    names: Set[str] = set()
    for node in nodes_of(tree, (ast.Name, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.arg, ast.ExceptHandler)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.arg):
            names.add(node.arg)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names


def unknown_stdlib_names(code: str) -> List[str]:
    """'module has no name (line N)' for each name imported from a standard module that lacks it
    (``from collections import SortedDict``) and each attribute looked up on an imported standard
    module or one of its submodules that lacks it (``itertools.flatten``, ``os.path.list``); a name
    that is not a module (``datetime.datetime.now``'s class) is not looked into."""
    tree = parse_python(code)
    if tree is None:
        return []
    out: List[str] = []
    modules: Dict[str, str] = {}  # bound name -> the standard module it is
    for node in nodes_of(tree, (ast.Import, ast.ImportFrom)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".")[0]
                modules[bound] = alias.name if alias.asname else alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            for alias in node.names:
                if alias.name != "*" and not _module_has(node.module, alias.name):
                    out.append(f"{node.module} has no {alias.name} (line {node.lineno})")
    rebound = _rebound_names(tree)
    for node in walk(tree):
        chain = _attribute_chain(node) if isinstance(node, ast.Attribute) else None
        if not chain or chain[0] not in modules or chain[0] in rebound:
            continue
        owner = ".".join([modules[chain[0]], *chain[1:-1]])  # os.path.list: is `list` in the module os.path?
        if not _module_has(owner, chain[-1]):
            out.append(f"{owner} has no {chain[-1]} (line {node.lineno})")
    return out


def _attribute_chain(node: ast.Attribute) -> Optional[List[str]]:
    """``["os", "path", "join"]`` for ``os.path.join``; None when the chain does not start at a name."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return [node.id, *reversed(parts)] if isinstance(node, ast.Name) else None


def check(row: Dict, config) -> Optional[str]:
    """None when the row's Python code has none of the rejected pyflakes messages and (with
    ``stdlib_names``) uses no name a standard module lacks, else the first finding (with a count of
    the others). Names the instruction's code defines count as defined. Rows in other languages pass."""
    if row.get("language") != "python":
        return None
    found = findings(row.get("code") or "", config.reject, names_the_instruction_defines(row.get("instruction") or ""))
    if config.stdlib_names:
        found += [f"UnknownStdlibName: {finding}" for finding in unknown_stdlib_names(row.get("code") or "")]
    if not found:
        return None
    return found[0] + (f" (+{len(found) - 1} more)" if len(found) > 1 else "")
