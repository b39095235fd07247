"""Does the function return the kind of value its instruction says it returns?

"returns a list of the most frequently occurring values" answered by ``return sum(1 for v in values)``,
"returns the number of vowels" by a list of them, "returns a string" by ``len(text)``: a small model
keeps the task's name and loses its result. The code runs, no assert is written, and it teaches a
contract that the instruction contradicts.

Read only where neither side leaves room: the instruction says "returns a list", "returns a string",
"returns a dictionary", "returns the number of" or "returns a tuple `(a, b)`" once (one kind, no "or"; or asks "I need ... as a
list", "How many ...? ... returns that number" with no other "returns"), names at most one
function, and the code answers with one top-level function (the named one, else the only one) whose
every ``return`` gives a value of one builtin kind that the ask excludes (a number for a list, a list
for a string...), or that never returns a value and prints instead. A kind is known only where Python
decides it (a literal, ``len()``, ``str.join``, arithmetic on numbers, a local bound only to such
values: :func:`certain_errors.value_kind`);
anything else (a call of the code's own, a parameter) is not read, and then the function's return
annotation speaks for it ("returning a dict that maps ..." and ``-> list[str]``). Code that imports a
library (an array's ``sum`` is an array) and a function that yields or returns nothing somewhere are left
alone. And "return the names of ..." answered by a function annotated ``-> list[float]`` or ``-> int``: numbers.
And "return **all** ..." answered by a function whose every return gives one item at most (``[x]`` at the first match).
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.asked_signatures import asked_signatures
from hfsynth.curate.certain_errors import NUMBER, rebound_names, typed_locals, value_kind
from hfsynth.curate.python_ast import asked_function, imports_only_stdlib, is_print, nodes_of, own_scope_nodes, parse_python, unparsed

_LIST = r"(?:a|an|the)\s+(?:new\s+|sorted\s+|flat(?:tened)?\s+|python\s+|single\s+)?(?:list|array)\b"
_STRING = r"(?:a|the)\s+(?:new\s+|single\s+|formatted\s+)?(?:string|str)\b"
_DICT = r"(?:a|the)\s+(?:new\s+)?(?:dictionary|dict)\b"
_NUMBER = r"(?:the\s+)?(?:total\s+)?(?:number|count)\s+of\b|how\s+many\b|(?:an?\s+)?(?:integer|int)\b(?!\s+(?:list|array|values))"
# "returns a list" but not "returns a list or None", "a list's length", "the list of X as a string".
_NOT_AFTER = r"(?!\s*(?:'s|’s|,?\s+or\b|\s+(?:length|size|count)\b))"
# "Return the number of stones in each level in a list", "a string for every word": one value per item, in a container.
_NOT_PER_ITEM = r"(?![^.;:]*\b(?:each|every|per|list|array|dict|dictionary|tuple|mapping|pairs?)\b)"
ASKED = (
    ("list", literal_gates.compile(rf"\b(?:returns?|returning)\s+{_LIST}{_NOT_AFTER}", re.IGNORECASE)),
    ("str", literal_gates.compile(rf"\breturns?\s+{_STRING}{_NOT_AFTER}{_NOT_PER_ITEM}", re.IGNORECASE)),
    ("dict", literal_gates.compile(rf"\b(?:returns?|returning)\s+{_DICT}{_NOT_AFTER}", re.IGNORECASE)),
    (NUMBER, literal_gates.compile(rf"\breturns?\s+(?:{_NUMBER}){_NOT_AFTER}{_NOT_PER_ITEM}", re.IGNORECASE)),
    # "Return a tuple `(new_ingredients, unresolved)`": two values, not the list of one of them
    ("tuple", literal_gates.compile(rf"\b(?:returns?|returning)\s+(?:a|the)\s+(?:\*\*|\*|_)?(?:tuple|pair)(?:\*\*|\*|_)?\s+`?\([A-Za-z_]\w*\s*,\s*[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*\)`?{_NOT_AFTER}", re.IGNORECASE)),
    # "I need the balance of the account right after each transaction, as a list in the same order as the input"
    ("list", literal_gates.compile(r"\b(?:I|we)\s+(?:need|want)\b[^.]{0,160}\bas\s+a\s+list\b(?!\s+or\b)", re.IGNORECASE)),
    # "How many distinct client IPs hit the server? ... a function that returns that number."
    (NUMBER, literal_gates.compile(r"^\s*how\s+many\b(?![^?]*\b(?:each|every|per)\b)[^?\n]*\?(?=[\s\S]*\breturns?\s+(?:that|this|the)\s+(?:number|count)\b(?!\s+of))", re.IGNORECASE)),
)
# What each ask cannot be answered with (a tuple or set for "a list" is sloppy, not another contract).
EXCLUDED = {"list": {NUMBER, "str", "dict"}, "str": {NUMBER, "list", "dict", "set"}, "dict": {NUMBER, "str", "list", "set", "tuple"},
            NUMBER: {"str", "list", "dict", "set", "tuple"}, "tuple": {NUMBER, "str", "list", "dict", "set"}}
# "return the number of risers and the actual riser height": two values, which a tuple holds.
TWO_VALUES = literal_gates.compile(r"\breturns?\s+[^.;:]*?\band\s+(?:the|a|an|its|their)\s", re.IGNORECASE)
NAMED = literal_gates.compile(r"`(?:[\w.]+\.)?([A-Za-z_]\w*)\(")
KIND_WORDS = {NUMBER: "a number", "list": "a list", "str": "a string", "dict": "a dictionary", "set": "a set", "tuple": "a tuple"}


# "for every line-4 arrival return a pair `(arrival, departure)`": the kind of each item of what the function returns.
FOR_EACH_BEFORE = literal_gates.compile(r"\b(?:for|of)\s+(?:each|every)\b[^.;:\n]*$", re.IGNORECASE)


def _asked_kind(prose: str) -> Optional[str]:
    asked = {kind for kind, pattern in ASKED for match in pattern.finditer(prose) if not FOR_EACH_BEFORE.search(prose, 0, match.start())}
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
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("count", "index", "find", "rfind", "rindex") and 1 <= len(node.args) <= 3:
        return NUMBER  # str.count, list.count, list.index, str.find: a count or a position
    if (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and isinstance(node.right, ast.Constant) and type(node.right.value) is int
            and _kind_of(node.left, known, rebound) == NUMBER):
        return NUMBER  # queue.index(patron) + 1
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        kind = _kind_of(node.value, known, rebound)
        return kind if kind in ("list", "str", "tuple") else None  # a slice keeps its sequence's kind
    return value_kind(node, known, rebound)


# "Return the names of the k depots closest to the point": text, one item per name.
NAMES_ASK = literal_gates.compile(r"\b(?:returns?|returning)\s+(?:the\s+|a\s+(?:sorted\s+)?list\s+of\s+(?:the\s+)?)?names\s+of\b", re.IGNORECASE)


def _names_annotated_as_numbers(prose: str, code: str) -> Optional[str]:
    """``-> list[float]`` on the one function of an instruction that asks for the names of things: it says it
    answers numbers (the distances, the scores) where names were asked."""
    if not NAMES_ASK.search(prose) or len(re.findall(r"\b(?:returns?|returning)\b", prose, re.IGNORECASE)) > 1:
        return None
    tree = parse_python(code)
    function = _answering_function(prose, tree) if tree is not None else None
    if function is None or function.returns is None:
        return None
    annotation = unparsed(function.returns)
    if re.fullmatch(r"(?:list|List|Sequence)\[(?:int|float)\]|int|float|bool", annotation):  # ``-> int``: a count of them
        return f"{function.name} is annotated {annotation} where the instruction asks for names"
    return None


def contradicted_return(prose: str, code: str) -> Optional[str]:
    """``"name returns a number where the instruction says it returns a list"``, or None."""
    named = _names_annotated_as_numbers(prose, code)
    if named:
        return named
    asked = _asked_kind(prose)
    tree = parse_python(code) if asked else None
    if tree is None:
        return None
    if not imports_only_stdlib(tree):
        return None
    function = _answering_function(prose, tree)
    if function is None:
        return None
    spelled = next((s.returns for s in asked_signatures(prose) if s.name == function.name and s.returns), "")
    if spelled and _annotation_kind(spelled) not in (None, asked):
        return None  # `to_order(...) -> dict[str, int]`: "return how many units are needed" of each item, in the spelled kind
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
    if kinds == {None} and function.returns is not None:  # values it cannot tell: what the function says it returns
        kinds = {_annotation_kind(unparsed(function.returns))}
    if len(kinds) != 1 or not kinds <= EXCLUDED[asked] or (kinds == {"tuple"} and TWO_VALUES.search(prose)):
        return None
    if asked == "tuple" and any(isinstance(r.value, ast.List) for r in returns):
        return None  # [a, b] for the pair (a, b): sloppy, the same two values
    return f"{function.name} returns {KIND_WORDS[kinds.pop()]} where the instruction says it returns {KIND_WORDS[asked]}"


# Annotations by the kind of value they promise; a union with None, Optional[...] and any subscript read by their base.
ANNOTATION_KINDS = {"list": "list", "List": "list", "Sequence": "list", "dict": "dict", "Dict": "dict", "Mapping": "dict", "int": NUMBER,
                    "float": NUMBER, "Decimal": NUMBER, "Fraction": NUMBER, "str": "str", "bool": "bool", "tuple": "tuple", "Tuple": "tuple",
                    "set": "set", "Set": "set", "frozenset": "set", "None": "None"}


def _annotation_kind(annotation: str) -> Optional[str]:
    """``list[str]`` -> list, ``dict | None`` -> dict, ``Optional[int]`` -> number; None for anything else (a class, a union of two kinds)."""
    text = re.sub(r"^Optional\[(.*)\]$", r"\1", annotation.strip())
    parts = [p.strip() for p in re.split(r"\|(?![^\[]*\])", text) if p.strip() and p.strip() != "None"] or ["None"]
    kinds = {ANNOTATION_KINDS.get(re.sub(r"\[.*$", "", p).rpartition(".")[2]) for p in parts}
    return kinds.pop() if len(kinds) == 1 and None not in kinds else None


def _not_none(annotation: str) -> str:
    """``Optional[int]`` and ``None | int`` -> ``int``: a union with None read by its other side."""
    text = re.sub(r"^Optional\[(.*)\]$", r"\1", annotation.strip())
    return next((p.strip() for p in re.split(r"\|(?![^\[]*\])", text) if p.strip() and p.strip() != "None"), text)


def _arguments(annotation: str) -> list:
    """``dict[str, list[str]]`` -> ``["str", "list[str]"]`` (top-level only; a union with None read by its other side)."""
    inner = re.match(r"^[\w.]+\[(.*)\]$", _not_none(annotation))
    if not inner:
        return []
    parts, depth, current = [], 0, ""
    for char in inner.group(1):
        depth += (char == "[") - (char == "]")
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    return parts + [current.strip()]


def _base(annotation: str) -> str:
    """``Optional[int]`` -> int, ``float | None`` -> float, ``decimal.Decimal`` -> Decimal."""
    return re.sub(r"\[.*$", "", _not_none(annotation)).rpartition(".")[2]


def _kinds_differ(asked: str, given: str) -> bool:
    """Two annotations promise values of different kinds: their bases, or (same base, same arity) any
    argument. A whole number asked and a float given (or the other way round) differ too: a count answered
    by a sum of litres ("-> dict[str, int]" as ``-> dict[str, float]``)."""
    a, g = _annotation_kind(asked), _annotation_kind(given)
    if a and g and a != g:
        return True
    if a == g == NUMBER and {_base(asked), _base(given)} == {"int", "float"}:
        return True
    if a and a == g:
        left, right = _arguments(asked), _arguments(given)
        return len(left) == len(right) and any(_kinds_differ(x, y) for x, y in zip(left, right))
    return False


def contradicted_annotation(prose: str, tree: Optional[ast.Module]) -> Optional[str]:
    """The instruction's signature promises one kind (`max_dishes(menu, budget) -> int`) and the code's
    function of that name is annotated to return another (``-> list[str]``), or a container of another
    (``dict[str, list[str]]`` answered ``-> dict[str, int]``): an answer to another question."""
    if tree is None:
        return None
    functions = {n.name: n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for signature in asked_signatures(prose):
        function = functions.get(signature.name)
        if function is None or function.returns is None or not signature.returns:
            continue
        if _kinds_differ(signature.returns, unparsed(function.returns)):
            return f"the instruction's signature returns {signature.returns} and the code's {function.name}() is annotated -> {unparsed(function.returns)}"
    return None


# "a dict mapping each plate to its total labour hours": the values are numbers, whatever the keys.
NUMBER_VALUES_ASK = literal_gates.compile(
    r"\b(?:dict|dictionary|mapping)\s+(?:that\s+)?(?:mapping|maps|from)\s+(?:each|every|a|the)\s+[\w-]+(?:\s+[\w-]+)?\s+to\s+"
    r"(?:its|their|the)\s+(?:total|number|count|sum|average|mean|percentage|share)\b(?!\s+(?:list|of\s+\w+\s+as\s+a\s+list))", re.IGNORECASE)


# The asked value is to be written as text: "formatted as `"3h 05m"`", "as a string", "as text like ...".
TEXT_FORM = literal_gates.compile(r"\b(?:formatted|written|rendered|given|shown|expressed)\s+(?:as|like)\b|\bas\s+(?:a\s+)?(?:string|text|label)s?\b", re.IGNORECASE)


def contradicted_value_kind(prose: str, tree: Optional[ast.Module]) -> Optional[str]:
    """"a dict mapping each plate to its total" answered by a function annotated ``-> dict[str, list[dict]]``:
    the code groups the items where their totals were asked (a list, text, a dict, a set or a tuple for a value
    the instruction says is a number)."""
    asked = NUMBER_VALUES_ASK.search(prose) if tree is not None else None
    function = asked_function(tree, prose) if asked else None
    if function is None or function.returns is None:
        return None
    annotation = unparsed(function.returns)
    values = _arguments(annotation)
    kind = _annotation_kind(values[1]) if _annotation_kind(annotation) == "dict" and len(values) == 2 else None
    if kind == "str" and TEXT_FORM.search(prose, asked.end(), asked.end() + 120):
        return None  # "... to their total weekly teaching time formatted as "<hours>h <minutes>m"": the total, written out
    if kind in ("list", "str", "dict", "set", "tuple"):
        return f"the instruction asks for {asked.group(0)!r} and the code's {function.name}() is annotated -> {annotation}: {KIND_WORDS[kind]} for each key"
    return None


# "returns **all** sailing ids", "Return every interacting pair": more than one item may come back.
ALL_ASK = literal_gates.compile(r"\b(?:return\w*|list\w*|find\w*|give\w*|collect\w*|get\w*)\s+(?:(?:the|a|an)\s+)?(?:[\w`]+\s+){0,4}?(?:\*\*)?(?:all|every)(?:\*\*)?\s+"
                     r"(?!(?:of\s+)?(?:the\s+)?(?:other|remaining)\b)", re.IGNORECASE)


def _at_most_one(value: Optional[ast.expr]) -> Optional[str]:
    """"one" for ``[x]`` or ``next(...)``, "none" for ``[]``, ``None`` or a bare return, either through an ``a if c else
    b``; None for anything else (a list that may hold more)."""
    if value is None or isinstance(value, ast.Constant) and value.value is None:
        return "none"
    if isinstance(value, ast.List) and len(value.elts) <= 1 and not any(isinstance(e, ast.Starred) for e in value.elts):
        return "one" if value.elts else "none"
    if isinstance(value, ast.IfExp):
        sides = {_at_most_one(value.body), _at_most_one(value.orelse)}
        return None if None in sides else ("one" if "one" in sides else "none")
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "next":
        return "one"
    return None


def one_item_for_all(prose: str, tree: Optional[ast.Module]) -> Optional[str]:
    """"Return **all** job ids for the customer" answered by a loop that returns ``[job["job_id"]]`` at the first match
    (or ``next(...)``, ``[index[key]] if key in index else []``): every return gives one item at most."""
    asked = ALL_ASK.search(prose) if tree is not None else None
    function = asked_function(tree, prose) if asked else None
    if function is None:
        return None
    kinds = [_at_most_one(n.value) for n in own_scope_nodes(function) if isinstance(n, ast.Return)]  # its own, not a nested function's
    if "one" in kinds and None not in kinds:
        return f"the instruction asks for {asked.group(0).strip()!r} and {function.name}() returns one item at most"
    return None
