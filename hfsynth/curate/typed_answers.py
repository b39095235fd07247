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

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import is_literal, is_print, literal_value, nodes_of, parse_python, takes_arguments, unparsed, walk


PLACEHOLDER_VALUE = literal_gates.compile(r"(?:your[_ -][\w -]*|YOUR_[A-Z0-9_]+|<your[^>]*>|/?path/to/\S*)", re.IGNORECASE)


def placeholder_values(tree: ast.Module) -> list:
    """String literals left for the reader to fill in: ``"your_password"``, ``"YOUR_API_KEY"``,
    ``"path/to/file.csv"``. The code cannot run as written."""
    return [n.value.strip() for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str) and PLACEHOLDER_VALUE.fullmatch(n.value.strip())]


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
    stores = Counter(n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Store))
    loads = Counter(n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Load))
    in_returns = Counter(n.id for r in nodes_of(function, ast.Return) for n in nodes_of(r, ast.Name))
    stores = Counter({name: count for name, count in stores.items() if loads[name] == in_returns[name]})
    bound: Dict[str, ast.expr] = {}
    for node in nodes_of(function, ast.Assign):
        if not (len(node.targets) == 1):
            continue
        target, value = node.targets[0], node.value
        if isinstance(target, ast.Name):
            bound[target.id] = value
        elif isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
            bound.update((t.id, v) for t, v in zip(target.elts, value.elts) if isinstance(t, ast.Name))
    return {name: value for name, value in bound.items() if stores[name] == 1}


def _usual(value) -> bool:
    """The usual flags and empties (0, 1, -1, "", True, False, None, [], {}): any function may return them."""
    return isinstance(value, bool) or value in (0, 1, -1, "", None) or (isinstance(value, (list, dict, tuple, set)) and not value)


def returns_one_constant(tree: ast.Module) -> list:
    """``name (value)`` of each top-level function with parameters whose every ``return``, last
    statement included, gives a constant, the same one but for early returns of the usual flags and
    empties (``if not grid: return 0`` then ``return 3``): a literal, or locals bound once to literals
    (``best, start, end = 6, 3, 6``). The constant is not one of the usual values itself: a worked-out
    answer typed in (``return 292``) while the body around it computes nothing it returns."""
    found = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function):
            continue
        if any("dispatch" in unparsed(d) or "overload" in unparsed(d) for d in function.decorator_list):
            continue  # singledispatch's fallback ("object") and overload stubs: other definitions answer the rest
        returns = list(nodes_of(function, ast.Return))
        if not returns or not isinstance(function.body[-1], ast.Return):  # no path may fall through to an implicit None
            continue
        bound = _bound_once(function)
        values = [_constant_value(n.value, bound) for n in returns]
        if not all(ok for ok, _ in values):
            continue
        final = _constant_value(function.body[-1].value, bound)[1]
        if _usual(final) or len({repr(v) for _, v in values if not _usual(v)}) != 1 or len({repr(v) for _, v in values}) >= 3:
            continue  # (0, 1 or 2 by the weight: a ladder of cases that classifies its input, not one answer typed in)
        found.append(f"{function.name} ({repr(final)[:30]})")
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
        for node in nodes_of(function, ast.If):
            if not any(isinstance(s, ast.Return) and s.value is not None and is_literal(s.value) for s in node.body):
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
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function) or any(n.value is not None for n in nodes_of(function, ast.Return)):
            continue
        calls = list(nodes_of(function, ast.Call))
        raised = {id(n.exc) for n in nodes_of(function, ast.Raise) if n.exc is not None}
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
    for node in list(tree.body) + list(walk(function)):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            if isinstance(node.value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
                tables[node.targets[0].id] = node.value
    compared = set()
    table_keys = []
    read = {n.id for n in nodes_of(function, ast.Name)}
    for name, table in tables.items():
        if name in read and isinstance(table, ast.Dict):
            table_keys.append([v for v, ok in (_value(k) for k in table.keys if k is not None) if ok])
    for node in walk(function):
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


def asserted_examples(tests: Optional[str], tree: ast.Module) -> list:
    """``assert name(literals) == literal`` of the row's tests, for the code's top-level functions, as
    :class:`~hfsynth.curate.instruction_examples.Example`."""
    from hfsynth.curate.instruction_examples import Example

    parsed = parse_python(tests or "")
    functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    found = []
    for node in walk(parsed) if parsed is not None else ():
        test = node.test if isinstance(node, ast.Assert) else None
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq) and isinstance(test.left, ast.Call)):
            continue
        call = test.left
        if not (isinstance(call.func, ast.Name) and call.func.id in functions) or call.keywords:
            continue
        args = [literal_value(a) for a in call.args]
        if all(ok for _, ok in args) and literal_value(test.comparators[0])[1]:
            found.append(Example(unparsed(call), unparsed(test.comparators[0]), tuple(v for v, _ in args)))
    return found


def types_in_its_examples(tree: ast.Module, examples, asserted=()) -> Optional[str]:
    """The call of an instruction's worked example (:mod:`hfsynth.curate.instruction_examples`) whose
    input the code compares a parameter with or keys a table by (``if n == 10: return 4``, ``{"hello":
    4}``, ``n in [7, 19]``): the example's answer typed in. Inputs any solution may special-case (0,
    1, "", one character) do not count, nor a table mostly of other keys (a number-words table that
    holds the example's 10). The ``asserted`` examples of the row's own tests count only in a table of
    one or two keys (``{"2024-03-15": "15/03/2024"}.get(s)``): tests of a real lookup table name its keys."""
    functions = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    asserted = [e for e in asserted if e not in examples]
    inputs = {e: _hashable(e.args[0] if len(e.args) == 1 else tuple(e.args)) for e in list(examples) + asserted}
    looked_up: Dict[str, tuple] = {}
    for example in list(examples) + asserted:
        name = example.call.partition("(")[0]
        given = inputs[example]
        if name not in functions or _trivial_input(given):
            continue
        if name not in looked_up:
            looked_up[name] = _looked_up_values(functions[name], tree)
        compared, table_keys = looked_up[name]
        if example in asserted:
            if any(given in keys and len(set(keys)) <= 2 for keys in table_keys):
                return example.call
        elif given in compared or any(given in keys and 2 * len(set(keys) & set(inputs.values())) >= len(keys) for keys in table_keys):
            return example.call
    return None


# The task is a sequence without end: "the n-th prime", "for any n", "an arbitrary n".
UNBOUNDED_ASK = literal_gates.compile(r"\bn-?th\b|\bfor (?:any|every|all|arbitrary)\b|\barbitrar(?:y|ily)\b|\bany (?:positive |non-negative |natural )?(?:integer|number|n)\b", re.IGNORECASE)


def _index_of_parameter(node: ast.AST, params: set) -> bool:
    """``n``, ``n - 1``, ``n + 1``: a parameter, give or take a constant."""
    if isinstance(node, ast.Name):
        return node.id in params
    return isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and (
        (_index_of_parameter(node.left, params) and isinstance(node.right, ast.Constant)) or (_index_of_parameter(node.right, params) and isinstance(node.left, ast.Constant))
    )


def reads_a_sequence_table(tree: ast.Module, instruction: str) -> Optional[str]:
    """``name (N values)`` of a function that answers an unbounded sequence ("the n-th Fibonacci number
    for any n") by indexing a typed-in table of numbers with its parameter (``[0, 1, 1, 2, 3, 5][n]``):
    right for the first few, an IndexError after. A table that is not a growing sequence (the days of the
    months) is a real lookup."""
    if not UNBOUNDED_ASK.search(instruction):
        return None
    module_tables = {n.targets[0].id: n.value for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)}
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) or not takes_arguments(function):
            continue
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        tables = dict(module_tables)
        tables.update({n.targets[0].id: n.value for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)})
        for node in nodes_of(function, ast.Return):
            if not (isinstance(node.value, ast.Subscript) and _index_of_parameter(node.value.slice, params)):
                continue
            table = tables.get(node.value.value.id) if isinstance(node.value.value, ast.Name) else node.value.value
            values, ok = literal_value(table) if isinstance(table, (ast.List, ast.Tuple, ast.Dict)) else (None, False)
            if ok and isinstance(values, dict):  # {1: 2, 2: 3, 3: 5, ...}: a table by position too, when its keys count up
                keys = list(values)
                ok = all(isinstance(k, int) for k in keys) and keys == list(range(keys[0], keys[0] + len(keys))) if keys else False
                values = list(values.values()) if ok else values
            if ok and len(values) >= 4 and all(isinstance(v, int) and not isinstance(v, bool) for v in values) and all(a <= b for a, b in zip(values, values[1:])) and values[0] < values[-1]:
                return f"{function.name} ({len(values)} values)"
    return None


def _answers_an_example_by_equality(function, example) -> bool:
    """``if date_str == "2024-01-01": return "lundi"``: the example's own input compared, its own output returned."""
    given = example.args[0] if len(example.args) == 1 else None
    if not (isinstance(given, str) and len(given) >= 4) and not (isinstance(given, (list, tuple, dict)) and len(given) >= 2):
        return False  # a short or numeric input any solution may special-case (0, "", 2)
    want, ok = literal_value(example.want)
    params = {a.arg for a in function.args.posonlyargs + function.args.args}
    for node in nodes_of(function, ast.If):
        if not isinstance(node.test, ast.Compare) or len(node.test.ops) != 1 or not isinstance(node.test.ops[0], ast.Eq):
            continue
        sides = (node.test.left, node.test.comparators[0])
        if not any(isinstance(x, ast.Name) and x.id in params for x in sides) or not any(_value(x) == (_hashable(given), True) for x in sides):
            continue
        if any(isinstance(r, ast.Return) and r.value is not None and ok and _value(r.value) == (_hashable(want), True) for r in node.body):
            return True
    return False


def returns_an_example_output(tree: ast.Module, examples) -> Optional[str]:
    """The call of an example (the instruction's or an assert's) whose expected value, a list, tuple,
    set or dict of two items or more, some ``return`` of that function gives as a literal (``if
    "racecar" in words: return ["Anna", "a", "racecar", "noon"]``), or that the function answers by
    comparing its parameter with the example's own input (a string of four characters or more, or a
    container) and returning the example's own output: the example's answer typed in."""
    functions = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and takes_arguments(n)}
    for example in examples:
        function = functions.get(example.call.partition("(")[0])
        if function is not None and _answers_an_example_by_equality(function, example):
            return example.call
        want, ok = literal_value(example.want)
        if function is None or not ok or not isinstance(want, (list, tuple, set, dict)) or len(want) < 2 or all(_usual(v) for v in (want.values() if isinstance(want, dict) else want)):
            continue  # (-1, -1) for "not found", {"count": 0, "mean": None} for no rows: a sentinel any solution returns as a literal
        if _trivial_input(_hashable(example.args[0] if len(example.args) == 1 else tuple(example.args))):
            continue
        for node in nodes_of(function, ast.Return):
            if node.value is not None and is_literal(node.value) and _value(node.value) == (_hashable(want), True):
                return example.call
    return None
