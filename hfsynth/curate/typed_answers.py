"""Answers typed in rather than worked out, and values left for the reader to fill in.

A model that knows the example's output writes it down: ``return 292`` beside a table it never
reads, ``if nums == [1, 1, 1, 2, 2, 3] and k == 2: return [1, 2]``, the example's picture printed
line by line whatever ``n`` is. Or it leaves ``"YOUR_API_KEY"`` where a value must go. Such code
passes its own asserts and reads as an answer; none of it computes what the task asks.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from typing import Dict, Optional

from hfsynth.curate.python_ast import is_literal, is_print, literal_value, takes_arguments


PLACEHOLDER_VALUE = re.compile(r"(?:your[_ -][\w -]*|YOUR_[A-Z0-9_]+|<your[^>]*>|/?path/to/\S*)", re.IGNORECASE)


def placeholder_values(tree: ast.Module) -> list:
    """String literals left for the reader to fill in: ``"your_password"``, ``"YOUR_API_KEY"``,
    ``"path/to/file.csv"``. The code cannot run as written."""
    return [n.value.strip() for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and PLACEHOLDER_VALUE.fullmatch(n.value.strip())]


def _constant_value(node: Optional[ast.expr], bound: Dict[str, ast.expr]):
    """``(True, value)`` when ``node`` is a literal, or a name (or tuple of names) the function binds
    once to literals (``best, start, end = 6, 3, 6``; ``summary = {...}``); else ``(False, None)``."""
    if isinstance(node, ast.Name) and node.id in bound:
        node = bound[node.id]
    if isinstance(node, ast.Tuple) and any(isinstance(e, ast.Name) for e in node.elts):
        parts = [_constant_value(e, bound) for e in node.elts]
        return (all(ok for ok, _ in parts), tuple(v for _, v in parts))
    if node is not None and is_literal(node):
        return True, ast.literal_eval(node)
    return False, None


def _bound_once(function) -> Dict[str, ast.expr]:
    """Names the function binds exactly once, by a plain assignment (``a, b = 6, 3`` splits), and reads
    only in its ``return`` statements: nothing fills or changes them in between (``out = [0, 0]`` then
    ``out[i] = ...`` is no constant)."""
    stores = Counter(n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store))
    loads = Counter(n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load))
    in_returns = Counter(n.id for r in ast.walk(function) if isinstance(r, ast.Return) for n in ast.walk(r) if isinstance(n, ast.Name))
    stores = Counter({name: count for name, count in stores.items() if loads[name] == in_returns[name]})
    bound: Dict[str, ast.expr] = {}
    for node in ast.walk(function):
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            continue
        target, value = node.targets[0], node.value
        if isinstance(target, ast.Name):
            bound[target.id] = value
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            bound.update((t.id, v) for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name))
    return {name: value for name, value in bound.items() if stores[name] == 1}


def returns_one_constant(tree: ast.Module) -> list:
    """``name (value)`` of each top-level function with parameters whose every ``return``, last
    statement included, gives the same constant: a literal, or locals bound once to literals
    (``best, start, end = 6, 3, 6``). Not the usual flags and empties (0, 1, -1, "", True, False,
    None, [], {}): a worked-out answer typed in (``return 292``) while the body around it computes
    nothing it returns."""
    found = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function):
            continue
        if any("dispatch" in ast.unparse(d) or "overload" in ast.unparse(d) for d in function.decorator_list):
            continue  # singledispatch's fallback ("object") and overload stubs: other definitions answer the rest
        returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
        if not returns or not isinstance(function.body[-1], ast.Return):  # no path may fall through to an implicit None
            continue
        bound = _bound_once(function)
        values = [_constant_value(n.value, bound) for n in returns]
        if not all(ok for ok, _ in values) or len({repr(v) for _, v in values}) != 1:
            continue
        value = values[0][1]
        if isinstance(value, bool) or value in (0, 1, -1, "", None) or (isinstance(value, (list, dict, tuple, set)) and not value):
            continue
        found.append(f"{function.name} ({repr(value)[:30]})")
    return found


def _is_container_literal(node: ast.AST) -> bool:
    return isinstance(node, (ast.List, ast.Tuple, ast.Set, ast.Dict)) and bool(getattr(node, "elts", None) or getattr(node, "keys", None)) and is_literal(node)


def special_cases_its_examples(tree: ast.Module) -> list:
    """Top-level functions that compare a parameter with a whole list, tuple, set or dict literal and
    then return a literal (``if nums == [1, 1, 1, 2, 2, 3] and k == 2: return [1, 2]``): the answers to
    the examples typed in, not computed."""
    found = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function):
            continue
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        for node in ast.walk(function):
            if not isinstance(node, ast.If) or not any(isinstance(s, ast.Return) and s.value is not None and is_literal(s.value) for s in node.body):
                continue
            tests = node.test.values if isinstance(node.test, ast.BoolOp) else [node.test]
            if any(
                isinstance(t, ast.Compare) and len(t.ops) == 1 and isinstance(t.ops[0], ast.Eq)
                and {type(t.left), type(t.comparators[0])} & {ast.Name}
                and any(isinstance(side, ast.Name) and side.id in params for side in (t.left, t.comparators[0]))
                and any(_is_container_literal(side) for side in (t.left, t.comparators[0]))
                for t in tests
            ):
                found.append(function.name)
                break
    return found


def prints_one_text(tree: ast.Module) -> list:
    """Top-level functions with parameters whose only output is ``print`` of literals, two or more
    (``hollow_square(n)`` printing the four lines of the example): the same text whatever the input."""
    found = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function) or any(isinstance(n, ast.Return) and n.value is not None for n in ast.walk(function)):
            continue
        calls = [n for n in ast.walk(function) if isinstance(n, ast.Call)]
        raised = {id(n.exc) for n in ast.walk(function) if isinstance(n, ast.Raise) and n.exc is not None}
        prints = [c for c in calls if is_print(c)]
        others = [c for c in calls if not is_print(c) and id(c) not in raised]
        if len(prints) >= 2 and not others and all(is_literal(a) for c in prints for a in c.args):
            found.append(function.name)
    return found


def _hashable(value):
    """A literal's value with lists as tuples, so that ``["a", "b"]`` and ``("a", "b")`` compare."""
    if isinstance(value, (list, tuple)):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(_hashable(v) for v in value)
    if isinstance(value, dict):
        return tuple(sorted(((repr(k), _hashable(v)) for k, v in value.items())))
    return value


def _value(node: ast.AST):
    value, ok = literal_value(node)
    return (_hashable(value), True) if ok else (None, False)


def _trivial_input(value) -> bool:
    """Inputs any solution may special-case: 0, +-1, 2, an empty value, a flag, one character."""
    if value is None or isinstance(value, bool):
        return True
    if isinstance(value, (int, float)):
        return abs(value) <= 2
    return len(value) <= 1 if isinstance(value, (str, tuple, frozenset, bytes)) else False


def _is_parameter_side(node: ast.AST, params: set) -> bool:
    """``n``, ``(a, b)``, ``tuple(strs)``, ``s.lower()``: a parameter, as the comparison reads it."""
    if isinstance(node, ast.Name):
        return node.id in params
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(isinstance(e, ast.Name) and e.id in params for e in node.elts)
    if isinstance(node, ast.Call) and len(node.args) == 1 and not node.keywords:
        return _is_parameter_side(node.args[0], params)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
        return _is_parameter_side(node.func.value, params)
    return False


def _looked_up_values(function, tree: ast.Module) -> tuple:
    """(values a parameter is compared with or looked up among, the keys of the dict tables the
    function reads): what ``if n == 10``, ``n in [7, 19]`` and ``{"hello": 4}.get(s)`` answer for."""
    args = function.args
    params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    tables = {}
    for node in list(tree.body) + list(ast.walk(function)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if isinstance(node.value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
                tables[node.targets[0].id] = node.value
    compared = set()
    table_keys = []
    read = {n.id for n in ast.walk(function) if isinstance(n, ast.Name)}
    for name, table in tables.items():
        if name in read and isinstance(table, ast.Dict):
            table_keys.append([v for v, ok in (_value(k) for k in table.keys if k is not None) if ok])
    for node in ast.walk(function):
        if isinstance(node, ast.Dict) and node.keys:
            table_keys.append([v for v, ok in (_value(k) for k in node.keys if k is not None) if ok])
        if not (isinstance(node, ast.Compare) and len(node.ops) == 1):
            continue
        left, right = node.left, node.comparators[0]
        if isinstance(node.ops[0], (ast.Eq, ast.NotEq)):
            for side, other in ((left, right), (right, left)):
                value, ok = _value(other)
                if ok and _is_parameter_side(side, params):
                    compared.add(value)
        elif isinstance(node.ops[0], (ast.In, ast.NotIn)) and _is_parameter_side(left, params):
            collection = tables.get(right.id) if isinstance(right, ast.Name) else right
            if isinstance(collection, (ast.List, ast.Tuple, ast.Set)):
                compared.update(v for v, ok in map(_value, collection.elts) if ok)
    return compared, table_keys


def types_in_its_examples(tree: ast.Module, examples) -> Optional[str]:
    """The call of an instruction's worked example (:mod:`hfsynth.curate.instruction_examples`) whose
    input the code compares a parameter with or keys a table by (``if n == 10: return 4``, ``{"hello":
    4}``, ``n in [7, 19]``): the example's answer typed in. Inputs any solution may special-case (0,
    1, "", one character) do not count, nor a table mostly of other keys (a number-words table that
    holds the example's 10)."""
    functions = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    inputs = {e: _hashable(e.args[0] if len(e.args) == 1 else tuple(e.args)) for e in examples}
    looked_up: Dict[str, tuple] = {}
    for example in examples:
        name = example.call.partition("(")[0]
        given = inputs[example]
        if name not in functions or _trivial_input(given):
            continue
        if name not in looked_up:
            looked_up[name] = _looked_up_values(functions[name], tree)
        compared, table_keys = looked_up[name]
        if given in compared or any(given in keys and 2 * len(set(keys) & set(inputs.values())) >= len(keys) for keys in table_keys):
            return example.call
    return None
