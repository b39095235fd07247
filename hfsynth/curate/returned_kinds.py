"""Does the function return the kind of value its instruction says it returns?

"returns a list of the most frequently occurring values" answered by ``return sum(1 for v in values)``,
"returns the number of vowels" by a list of them, "returns a string" by ``len(text)``: a small model
keeps the task's name and loses its result. The code runs, no assert is written, and it teaches a
contract that the instruction contradicts.

Read only where neither side leaves room: the instruction says "returns a list", "returns a string",
"returns a dictionary" or "returns the number of" once (one kind, no "or"; or asks "I need ... as a
list", "How many ...? ... returns that number" with no other "returns"), names at most one
function, and the code answers with one top-level function (the named one, else the only one) whose
every ``return`` gives a value of one builtin kind that the ask excludes (a number for a list, a list
for a string...), or that never returns a value and prints instead. A kind is known only where Python
decides it (a literal, ``len()``, ``str.join``, arithmetic on numbers, a local bound only to such
values: :func:`certain_errors.value_kind`);
anything else (a call of the code's own, a parameter) is not read. Code that imports a library
(an array's ``sum`` is an array) and a function that yields or returns nothing somewhere are left alone.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate.certain_errors import NUMBER, rebound_names, typed_locals, value_kind
from hfsynth.curate.python_ast import imports_only_stdlib, is_print, own_scope_nodes, parse_python

_LIST = r"(?:a|an|the)\s+(?:new\s+|sorted\s+|flat(?:tened)?\s+|python\s+|single\s+)?(?:list|array)\b"
_STRING = r"(?:a|the)\s+(?:new\s+|single\s+|formatted\s+)?(?:string|str)\b"
_DICT = r"(?:a|the)\s+(?:new\s+)?(?:dictionary|dict)\b"
_NUMBER = r"(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\b|how\s+many\b|(?:an?\s+)?(?:integer|int)\b(?!\s+(?:list|array|values))"
# "returns a list" but not "returns a list or None", "a list's length", "the list of X as a string".
_NOT_AFTER = r"(?!\s*(?:'s|’s|,?\s+or\b|\s+(?:length|size|count)\b))"
# "Return the number of stones in each level in a list", "a string for every word": one value per item, in a container.
_NOT_PER_ITEM = r"(?![^.;:]*\b(?:each|every|per|list|array|dict|dictionary|tuple|mapping|pairs?)\b)"
ASKED = (
    ("list", re.compile(rf"\breturns?\s+{_LIST}{_NOT_AFTER}", re.IGNORECASE)),
    ("str", re.compile(rf"\breturns?\s+{_STRING}{_NOT_AFTER}{_NOT_PER_ITEM}", re.IGNORECASE)),
    ("dict", re.compile(rf"\breturns?\s+{_DICT}{_NOT_AFTER}", re.IGNORECASE)),
    (NUMBER, re.compile(rf"\breturns?\s+(?:{_NUMBER}){_NOT_AFTER}{_NOT_PER_ITEM}", re.IGNORECASE)),
    # "I need the balance of the account right after each transaction, as a list in the same order as the input"
    ("list", re.compile(r"\b(?:I|we)\s+(?:need|want)\b[^.]{0,160}\bas\s+a\s+list\b(?!\s+or\b)", re.IGNORECASE)),
    # "How many distinct client IPs hit the server? ... a function that returns that number."
    (NUMBER, re.compile(r"^\s*how\s+many\b(?![^?]*\b(?:each|every|per)\b)[^?\n]*\?(?=[\s\S]*\breturns?\s+(?:that|this|the)\s+(?:number|count)\b(?!\s+of))", re.IGNORECASE)),
)
# What each ask cannot be answered with (a tuple or set for "a list" is sloppy, not another contract).
EXCLUDED = {"list": {NUMBER, "str", "dict"}, "str": {NUMBER, "list", "dict", "set"}, "dict": {NUMBER, "str", "list", "set", "tuple"},
            NUMBER: {"str", "list", "dict", "set", "tuple"}}
# "return the number of risers and the actual riser height": two values, which a tuple holds.
TWO_VALUES = re.compile(r"\breturns?\s+[^.;:]*?\band\s+(?:the|a|an|its|their)\s", re.IGNORECASE)
NAMED = re.compile(r"`(?:[\w.]+\.)?([A-Za-z_]\w*)\(")
KIND_WORDS = {NUMBER: "a number", "list": "a list", "str": "a string", "dict": "a dictionary", "set": "a set", "tuple": "a tuple"}


def _asked_kind(prose: str) -> Optional[str]:
    asked = {kind for kind, pattern in ASKED if pattern.search(prose)}
    if len(asked) != 1 or len(re.findall(r"\breturns?\b", prose, re.IGNORECASE)) > 1:
        return None  # two asks (or two returns) may speak of two functions, or of a method and its class
    return asked.pop()


def _answering_function(prose: str, tree: ast.Module) -> Optional[ast.FunctionDef]:
    named = set(NAMED.findall(prose))
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name != "main" and not n.name.startswith("test")]
    if len(named) > 1 or any(isinstance(n, ast.ClassDef) for n in tree.body):
        return None
    if named:
        return next((f for f in functions if f.name in named), None)
    return functions[0] if len(functions) == 1 else None


def _kind_of(node: ast.expr, known, rebound) -> Optional[str]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sum" and "sum" not in rebound:
        return NUMBER if len(node.args) == 1 and not node.keywords else None  # sum(numbers); a start value may make it a list
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "count" and len(node.args) == 1:
        return NUMBER  # str.count, list.count
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        kind = _kind_of(node.value, known, rebound)
        return kind if kind in ("list", "str", "tuple") else None  # a slice keeps its sequence's kind
    return value_kind(node, known, rebound)


def contradicted_return(prose: str, code: str) -> Optional[str]:
    """``"name returns a number where the instruction says it returns a list"``, or None."""
    asked = _asked_kind(prose)
    tree = parse_python(code) if asked else None
    if tree is None:
        return None
    if not imports_only_stdlib(tree):
        return None
    function = _answering_function(prose, tree)
    if function is None:
        return None
    own = list(own_scope_nodes(function))
    returns = [n for n in own if isinstance(n, ast.Return)]
    if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own):
        return None
    if not any(r.value is not None for r in returns) and any(isinstance(n, ast.Call) and is_print(n) for n in own):
        return f"{function.name} prints its result and returns None where the instruction says it returns {KIND_WORDS[asked]}"
    if not returns or any(r.value is None for r in returns):
        return None
    rebound = rebound_names(tree)
    known = typed_locals(function, rebound)
    kinds = {_kind_of(r.value, known, rebound) for r in returns}
    if len(kinds) != 1 or not kinds <= EXCLUDED[asked] or (kinds == {"tuple"} and TWO_VALUES.search(prose)):
        return None
    return f"{function.name} returns {KIND_WORDS[kinds.pop()]} where the instruction says it returns {KIND_WORDS[asked]}"
