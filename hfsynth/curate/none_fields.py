"""A field the instruction says may be ``None``, ordered or subtracted as if it never were.

"`queen_year` is `None` when the queen's age is unknown", "standing tickets have `"row": None`", "`cleared` is
`None` while a fault is still open", "`valid_until: date | None`": a model sorts on the field (``key=lambda r:
(r["queen_year"], r["hive"])``), compares it (``p.valid_from <= on <= p.valid_until``) or subtracts it, and every
input holding one such record beside another raises TypeError ('<' not supported between 'NoneType' and 'int').
Its asserts, when it has any, hold no such record. Read only where the words leave no doubt:

- the instruction puts ``None`` right after the field's name: "`F` is `None`", "`F` (... or `None`)", ``"F": None``,
  ``F: date | None``, ``Optional[...]`` in the same clause;
- the code reads the field by its literal name (``r["F"]``, ``r.F``) in a sort key (``sorted``, ``.sort``, ``min``,
  ``max``) of a function's parameter, or as a side of ``<``, ``<=``, ``>``, ``>=`` or of ``-`` and ``+``;
- that function does not test the field before it orders it (``is None``, ``is not None``, ``if r["F"]``, ``r["F"] or
  ...``, ``.get``: a test that splits the sorted list comes too late), nor catches TypeError, nor sorts a filtered copy.
"""

from __future__ import annotations

import ast
import re
from typing import Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, nodes_outside_try, unparsed, walk

ORDERING = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)
SORTERS = frozenset({"sorted", "sort", "min", "max"})
# After the field's name, in its clause: "is `None`", "or None", ": None", "| None", "Optional[".
NONE_AFTER = r"""[`'"]{0,2}\s*(?:\)\s*)?(?::\s*(?:\w+(?:\.\w+)?\s*\|\s*)?|\s+(?:is|are|may\s+be|can\s+be|will\s+be|becomes|stays|is\s+left|is\s+set\s+to|set\s+to|holds)\s+|\s*\([^)\n]{0,60}?\bor\s+)`?None\b"""
# "Return the winner's name, or `None`", "returns its number (or `None`)": the answer may be None, not the field.
RETURN_CLAUSE = literal_gates.compile(r"\b(?:return|returns|returning|gives?|giving|yields?|outputs?)\b[^.;:\n]*$", re.IGNORECASE)


def _none_fields(instruction: str, fields: Set[str]) -> Set[str]:
    """The fields the instruction says may hold ``None``."""
    found = set()
    for field in fields:
        pattern = literal_gates.compile(rf"""(?<![\w.])[`'"]{{0,2}}{re.escape(field)}(?!\w){NONE_AFTER}|(?<![\w.])[`'"]{{0,2}}{re.escape(field)}[`'"]{{0,2}}\s*:\s*Optional\[""")
        if any(not RETURN_CLAUSE.search(instruction[max(0, m.start() - 200): m.start()]) for m in pattern.finditer(instruction)):
            found.add(field)
    return found


def _field(node: ast.AST) -> Optional[str]:
    """``r["F"]`` or ``r.F`` on a plain name: the field's name."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.slice.value
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id not in ("self", "cls"):
        return node.attr
    return None


COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


def _tested(function: ast.AST, field: str, ordering: ast.AST) -> bool:
    """The function tests the field before the node that orders it, or on its line, or in the filter of the comprehension
    that holds it: ``is None``, truthiness, ``or``, ``.get``, a comparison with None, a conditional; or catches TypeError
    anywhere. A test after the sort (splitting its result) comes too late."""
    line = ordering.end_lineno or ordering.lineno
    guarding = {id(g) for comp in nodes_of(function, COMPREHENSIONS) if any(n is ordering for n in walk(comp)) for g in comp.generators}
    for node in walk(function):
        if isinstance(node, ast.ExceptHandler) and (node.type is None or "TypeError" in unparsed(node.type) or "Exception" in unparsed(node.type)):
            return True
        at = node.ifs[0].lineno if isinstance(node, ast.comprehension) and node.ifs else getattr(node, "lineno", 0)
        if at > line and id(node) not in guarding:
            continue
        if isinstance(node, ast.Compare) and any(isinstance(s, ast.Constant) and s.value is None for s in [node.left, *node.comparators]):
            if any(_field(n) == field for n in walk(node)):
                return True
        if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.comprehension, ast.BoolOp, ast.Assert)):
            tests = node.ifs if isinstance(node, ast.comprehension) else node.values if isinstance(node, ast.BoolOp) else [node.test]
            if any(_field(n) == field for t in tests for n in walk(t)):
                return True
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "pop", "setdefault") and node.args \
                and isinstance(node.args[0], ast.Constant) and node.args[0].value == field:
            return True
    return False


def _ordered_fields(function: ast.FunctionDef) -> dict:
    """{field: the node that orders or subtracts it}: sort keys over a parameter, comparisons, ``-`` and ``+``."""
    parameters = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    found = {}
    for node in nodes_outside_try(function):
        if isinstance(node, ast.Call):
            name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            if name not in SORTERS or not isinstance(key, ast.Lambda):
                continue
            sorted_over = node.func.value if name == "sort" and isinstance(node.func, ast.Attribute) else node.args[0] if node.args else None
            if not (isinstance(sorted_over, ast.Name) and sorted_over.id in parameters):
                continue  # a filtered copy may hold no None
            if len(key.args.args) != 1:
                continue
            item = key.args.args[0].arg
            for part in key.body.elts if isinstance(key.body, ast.Tuple) else [key.body]:
                if _field(part) and isinstance(part.value, ast.Name) and part.value.id == item:
                    found.setdefault(_field(part), node)
        elif isinstance(node, ast.Compare) and any(isinstance(op, ORDERING) for op in node.ops):
            for side in [node.left, *node.comparators]:
                if _field(side):
                    found.setdefault(_field(side), node)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Add)):
            for side in (node.left, node.right):
                if _field(side):
                    found.setdefault(_field(side), node)
    return found


def none_field_ordered(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """The first field said to hold None that a function orders or subtracts without testing it."""
    if tree is None or "None" not in instruction:
        return None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        ordered = _ordered_fields(function)
        for field in sorted(_none_fields(instruction, set(ordered)), key=lambda f: (ordered[f].lineno, f)):  # by line, then name: one reason every run
            node = ordered[field]
            if not _tested(function, field, node):
                return (f"the instruction says {field!r} may be None, and {unparsed(node)[:70]} (line {node.lineno}) orders or adds it "
                        f"with no test for None: TypeError on such a record")
    return None
