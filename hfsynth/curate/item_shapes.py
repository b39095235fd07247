"""Items taken in a shape they never have: code that raises on the first item it meets.

- A loop that unpacks each item into another number of names than the items hold: ``for name,
  balance, apr in debts.items()`` (pairs), ``for day, tmin in readings`` with ``readings:
  list[tuple[str, float, float]]`` (triples), ``for i, a, b in enumerate(xs)``: ValueError.
- Numbers joined as text: ``", ".join(patron_ids)`` with ``patron_ids: list[int]``: TypeError.
- The next index read under a guard that lets the last one through: ``for i in range(rows): if i + 1
  <= rows: total += grid[i + 1][j]``: at the last ``i`` the guard holds and ``grid[rows]`` is past
  the end (``i + 1 < rows`` was meant).

Each runs on any input that reaches it, so the verdict needs no example. Only parameters the function
never rebinds are read by their annotations.
"""
from __future__ import annotations

import ast
from typing import Dict, Iterator, Optional, Tuple

from hfsynth.curate.python_ast import nodes_outside_try

SEQUENCES = ("list", "List", "Sequence", "Iterable", "set", "Set", "frozenset", "tuple", "Tuple", "Collection")


def _parameters(tree: ast.Module) -> Dict[str, ast.expr]:
    """Each annotated parameter that no function rebinds: its annotation."""
    stored = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}
    found: Dict[str, ast.expr] = {}
    for arguments in (n for n in ast.walk(tree) if isinstance(n, ast.arguments)):
        for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            if arg.annotation is not None and arg.arg not in stored:
                found.setdefault(arg.arg, arg.annotation)
    return found


def _item_annotation(annotation: ast.expr) -> Optional[ast.expr]:
    """``list[tuple[str, int]]`` -> ``tuple[str, int]``; ``tuple[int, ...]`` -> ``int``; else None."""
    if not isinstance(annotation, ast.Subscript) or ast.unparse(annotation.value).rpartition(".")[2] not in SEQUENCES:
        return None
    inner = annotation.slice
    if isinstance(inner, ast.Tuple):  # tuple[int, ...]: items of one kind
        return inner.elts[0] if len(inner.elts) == 2 and isinstance(inner.elts[1], ast.Constant) and inner.elts[1].value is Ellipsis else None
    return inner


def _tuple_size(annotation: Optional[ast.expr]) -> Optional[int]:
    """``tuple[str, float, float]`` -> 3 (not ``tuple[int, ...]``)."""
    if (isinstance(annotation, ast.Subscript) and ast.unparse(annotation.value).rpartition(".")[2] in ("tuple", "Tuple")
            and isinstance(annotation.slice, ast.Tuple) and not any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in annotation.slice.elts)):
        return len(annotation.slice.elts)
    return None


def _loops(tree: ast.Module) -> Iterator[Tuple[ast.expr, ast.expr, ast.AST]]:
    for node in nodes_outside_try(tree):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            yield node.target, node.iter, node
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            for generator in node.generators:
                yield generator.target, generator.iter, node


def _item_size(iterable: ast.expr, parameters: Dict[str, ast.expr]) -> Optional[Tuple[int, str]]:
    """How many values each item of ``iterable`` holds, and why we know: ``d.items()`` pairs, ``enumerate``
    pairs, ``zip`` of k sequences, a parameter annotated as a sequence of fixed-size tuples."""
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and iterable.func.attr == "items" and not iterable.args and not iterable.keywords:
        return 2, ".items() gives (key, value) pairs"
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and iterable.func.id == "enumerate" and "enumerate" not in parameters:
        return 2, "enumerate() gives (index, item) pairs"
    if (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and iterable.func.id == "zip" and iterable.args
            and not any(isinstance(a, ast.Starred) for a in iterable.args)):
        return len(iterable.args), f"zip() of {len(iterable.args)} gives {len(iterable.args)}-tuples"
    if isinstance(iterable, ast.Name) and iterable.id in parameters:
        size = _tuple_size(_item_annotation(parameters[iterable.id]))
        if size:
            return size, f"{iterable.id} holds {ast.unparse(_item_annotation(parameters[iterable.id]))} items"
    return None


def wrong_unpacking(tree: ast.Module) -> Optional[str]:
    """A loop target of n plain names over items that hold another number of values."""
    parameters = _parameters(tree)
    for target, iterable, node in _loops(tree):
        if not (isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts)):
            continue  # a starred or nested target takes other shapes
        known = _item_size(iterable, parameters)
        if known and known[0] != len(target.elts):
            names = ", ".join(ast.unparse(e) for e in target.elts)
            return f"for {names} in {ast.unparse(iterable)[:40]} unpacks {len(target.elts)} names, and {known[1]} (line {node.lineno})"
    return None


def numbers_joined(tree: ast.Module) -> Optional[str]:
    """``sep.join(ids)`` of a parameter annotated as a sequence of ints or floats."""
    parameters = _parameters(tree)
    for node in nodes_outside_try(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id in parameters):
            item = _item_annotation(parameters[node.args[0].id])
            if item is not None and ast.unparse(item) in ("int", "float"):
                return f"{ast.unparse(node)[:50]} joins the {ast.unparse(item)}s of {node.args[0].id}, and str.join takes only strings (line {node.lineno})"
    return None


def _lengths(function: ast.AST) -> Dict[str, str]:
    """Names bound to ``len(x)`` (``rows = len(grid)``, ``rows, cols = len(grid), len(grid[0])``): the sequence, as source."""
    found: Dict[str, str] = {}
    for node in ast.walk(function):
        if not isinstance(node, ast.Assign) or len(node.targets) != 1:
            continue
        pairs = zip(node.targets[0].elts, node.value.elts) if isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple) \
            else [(node.targets[0], node.value)]
        for target, value in pairs:
            if isinstance(target, ast.Name) and isinstance(value, ast.Call) and getattr(value.func, "id", None) == "len" and len(value.args) == 1:
                found[target.id] = ast.unparse(value.args[0])
    return found


def _length_of(node: ast.expr, lengths: Dict[str, str]) -> Optional[str]:
    if isinstance(node, ast.Name):
        return lengths.get(node.id)
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and len(node.args) == 1:
        return ast.unparse(node.args[0])
    return None


def _lets_the_last_through(test: ast.expr, index: str, lengths: Dict[str, str]) -> Optional[str]:
    """``i + 1 <= n`` or ``i < n`` (n the length of a sequence): true at ``i = n - 1``. The sequence, or None."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    plus_one = isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add) and isinstance(left.left, ast.Name) and left.left.id == index \
        and isinstance(left.right, ast.Constant) and left.right.value == 1
    bare = isinstance(left, ast.Name) and left.id == index
    if (plus_one and isinstance(op, ast.LtE)) or (bare and isinstance(op, ast.Lt)):
        return _length_of(right, lengths)
    return None


def next_index_let_through(tree: ast.Module) -> Optional[str]:
    """``seq[i + 1]`` (or ``seq[i + 1][j]``) under ``if i + 1 <= len(seq)`` or ``if i < len(seq)``, in a loop
    of ``i`` over every index of ``seq``: the last ``i`` passes the guard and reads past the end."""
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        lengths = _lengths(function)
        for loop in (n for n in ast.walk(function) if isinstance(n, ast.For) and isinstance(n.target, ast.Name)):
            iterable, index = loop.iter, loop.target.id
            if not (isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" and len(iterable.args) == 1):
                continue
            walked = _length_of(iterable.args[0], lengths)
            for branch in (n for n in ast.walk(loop) if isinstance(n, ast.If)):
                guarded = _lets_the_last_through(branch.test, index, lengths)
                if guarded is None or guarded != walked:
                    continue
                for node in (n for statement in branch.body for n in ast.walk(statement)):
                    if (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and ast.unparse(node.value) == guarded
                            and ast.unparse(node.slice).replace(" ", "") == f"{index}+1"):
                        return (f"{ast.unparse(node)} under {ast.unparse(branch.test)} reads {guarded}[len({guarded})] at the last {index} "
                                f"(line {node.lineno}): the guard lets it through")
    return None
