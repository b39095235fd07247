"""Parameters the instruction asks for that the code's function takes and never reads: `max_length`
taken and no truncation, "today's date" taken as ``today`` and a streak counted from any day. The
answer cannot depend on what the instruction says it depends on."""
from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.asked_signatures import asked_signatures
from hfsynth.curate.python_ast import asked_function, nodes_of, unparsed

# Decorators of functions whose parameters are someone else's interface.
INTERFACE_DECORATORS = literal_gates.compile(r"abstract|overload|dispatch|register|property|setter")


def _unread(function: ast.FunctionDef, asked) -> Optional[str]:
    """The first of the asked names that the function takes and never reads; None for a stub, an
    interface, or a body that reads its locals by ``locals()``/``vars()``."""
    body = [n for n in function.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
    if not body or all(isinstance(n, (ast.Pass, ast.Raise)) for n in body):
        return None
    if any(INTERFACE_DECORATORS.search(unparsed(d)) for d in function.decorator_list):
        return None
    params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    read = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Load)}
    if "locals" in read or "vars" in read:
        return None
    return next((name for name in asked if name in params and name not in read and name not in ("self", "cls") and not name.startswith("_")), None)


def _worded(name: str, words: set) -> bool:
    """Every part of a parameter's name is a word of the instruction (``today`` in "today's date")."""
    parts = [p for p in name.lower().split("_") if p]
    return bool(parts) and all(p in words for p in parts)


# "The `style` parameter is reserved for a future release: accept it, but ignore it": unread by design.
# "extras (GPS, child seats) earn nothing", "tips do not count": what the parameter carries is left out of the answer.
IGNORED_ON_PURPOSE = literal_gates.compile(r"\b(?:reserved|unused|no effect|not (?:yet )?used|for (?:future|later) use|backwards? compatib\w*|ignore (?:it|them)|(?:is|are|be) ignored"
                                r"|(?:may|can|should|must) ignore|(?:earns?|counts? for|adds?) nothing|(?:do|does) not count|(?:don't|doesn't) count|(?:is|are) not counted|never counts?)\b",
                                re.IGNORECASE)


def _ignored_on_purpose(name: str, instruction: str) -> bool:
    """The instruction says, in a sentence naming the parameter (or the thing its name's first word names:
    "extras" for ``extras_amount``), that it is reserved or to be ignored."""
    head = name.split("_")[0] if "_" in name.strip("_") and len(name.split("_")[0]) >= 4 else None
    named = rf"\b(?:{re.escape(name)}{'|' + re.escape(head) if head else ''})\b"
    return any(re.search(named, sentence, re.IGNORECASE) and IGNORED_ON_PURPOSE.search(sentence)
               for sentence in re.split(r"(?<=[.!?;])\s+|\n+", instruction))


def unread_parameter(instruction: str, tree: ast.Module) -> Optional[str]:
    """A parameter of a signature the instruction spells, or of the function it asks for whose name is
    the instruction's own words, that the function never reads (unless the instruction says it is
    reserved or ignored)."""
    found_name = _unread_parameter(instruction, tree)
    return None if found_name is None or _ignored_on_purpose(found_name[0], instruction) else found_name[1]


def _unread_parameter(instruction: str, tree: ast.Module):
    functions = {}
    for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        functions.setdefault(node.name, []).append(node)
    for signature in asked_signatures(instruction):
        found = functions.get(signature.name, [])
        name = _unread(found[0], signature.params) if len(found) == 1 else None
        if name:
            return name, f"the parameter {name} of {signature.name}() (never read)"
    function = asked_function(tree, instruction)
    if function is None:
        return None
    words = set(re.findall(r"[a-z0-9]+", instruction.lower()))
    params = [a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs]
    name = _unread(function, [p for p in params if _worded(p, words)])
    return (name, f"the parameter {name} of {function.name}(), which the instruction names and the code never reads") if name else None
