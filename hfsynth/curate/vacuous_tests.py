"""Tests that check nothing: every assert passes whatever the code does.

A model asked for tests writes ``assert True``, ``assert f(x) == f(x)``, ``assert isinstance(r, list)``
or ``self.assertTrue(True)``: the row then passes execution and looks tested. What is judged: the
row's tests and the tests its code carries (:mod:`hfsynth.curate.code_tests`), their asserts and
``assert*`` calls (``assertEqual(a, b)`` read as ``a == b``). Asserts inside a ``try`` whose handler
swallows the ``AssertionError`` check nothing either. A ``raise``, ``pytest.raises`` or an
``assert*`` call not read here (``assertRaises``, ``assertAlmostEqual``) is a real check, and so is
``assert False`` (the expect-an-exception idiom: reached only when nothing was raised).
"""

from __future__ import annotations

import ast
import builtins
import re
from collections import Counter
from typing import AbstractSet, Dict, List, Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate import python_ast
from hfsynth.curate.code_tests import code_test_statements, without_test_runner_calls
from hfsynth.curate.python_ast import bound_names, checks_without_assert, is_literal, nodes_of, parse_python, unparsed, walk


def _defined_functions(tree: ast.Module) -> set:
    return {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _is_none(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


WEAK_CHECKS = frozenset({"isinstance", "callable", "hasattr"})
BUILTIN_NAMES = frozenset(dir(builtins))


def _touches_nothing(test: ast.expr, bound: AbstractSet[str]) -> bool:
    """An expression that reads no name but builtins that neither the code nor the tests rebind
    (``17 * 7 + 17.``, ``len([1, 2]) == 2``): it has the same value whatever the code does."""
    return all(node.id in BUILTIN_NAMES and node.id not in bound for node in nodes_of(test, ast.Name))


METADATA = literal_gates.compile(r"__(?:name|qualname|module|doc|class)__")


def _is_type_of(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "type" and len(node.args) == 1


def _length_at_least_zero(left: ast.expr, op: ast.cmpop, right: ast.expr) -> bool:
    """``len(x) >= 0`` (or ``0 <= len(x)``, ``len(x) > -1``): true of every length."""
    def is_len(node):
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len"

    def number(node):
        try:
            value = ast.literal_eval(node)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            return None
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

    if is_len(right):
        left, right, op = right, left, {ast.LtE: ast.GtE(), ast.Lt: ast.Gt()}.get(type(op), op)
    bound = number(right)
    return is_len(left) and bound is not None and ((isinstance(op, ast.GtE) and bound <= 0) or (isinstance(op, ast.Gt) and bound < 0))


PREDICATE = literal_gates.compile(r"^(?:is|has|can|should|are|was|contains?|check|valid|exists?|matches?|equals?|within|in|any|all)(?:_|[A-Z]|$)|_(?:valid|ok)$")


def _weak_bound(test: ast.Compare, functions: set, aliases: Dict[str, ast.expr]) -> bool:
    """A result only placed against zero or one (``r > 0``, ``idx >= -1``, ``len(r) >= 1``, ``len(r)
    != 0``) or a bool only said to be a bool (``r in (True, False)``): true of nearly any answer."""
    if len(test.ops) != 1:
        return False
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(op, (ast.In, ast.NotIn)) and isinstance(right, (ast.Tuple, ast.List, ast.Set)) and is_literal(right):
        return {repr(v) for v in ast.literal_eval(right)} == {"True", "False"}
    constant = [s for s in (left, right) if is_literal(s) and isinstance(ast.literal_eval(s), (int, float)) and not isinstance(ast.literal_eval(s), bool)]
    if len(constant) != 1 or ast.literal_eval(constant[0]) not in (-1, 0, 1) or not isinstance(op, (ast.NotEq, ast.Gt, ast.GtE, ast.Lt, ast.LtE)):
        return False
    return _result_of_the_code(right if constant[0] is left else left, functions, aliases)


def _result_of_the_code(node: ast.expr, functions: set, aliases: Dict[str, ast.expr], depth: int = 0) -> bool:
    """``f(x)``, ``len(f(x))``, or a name bound once to one of them, with ``f`` a function of the code."""
    if depth > 3:
        return False
    if isinstance(node, ast.Name) and node.id in aliases:
        return _result_of_the_code(aliases[node.id], functions, aliases, depth + 1)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        if node.func.id == "len" and len(node.args) == 1:
            return _result_of_the_code(node.args[0], functions, aliases, depth + 1)
        return node.func.id in functions
    return False


def _truthiness_of_a_result(test: ast.expr, functions: set, aliases: Dict[str, ast.expr]) -> bool:
    """``assert result`` of a function that is no predicate (``slugify(t)``): any non-empty answer passes."""
    node = aliases.get(test.id, test) if isinstance(test, ast.Name) else test
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in functions
            and not PREDICATE.search(node.func.id) and test is not node)


def vacuous_assert(test: ast.expr, functions: set, bound: AbstractSet[str] = frozenset(), aliases: Optional[Dict[str, ast.expr]] = None) -> bool:
    """An assert that passes whatever the code does: a true literal (``assert True``; ``assert False``
    always fails, and is the expect-an-exception idiom), literals compared (``1 == 1``), an expression
    of builtins only (``len([1, 2]) == 2``; ``bound``: the names the code and tests rebind), an
    expression compared with itself (``f(x) == f(x)``, or ``f(x) == expected`` after ``expected =
    f(x)``: ``aliases``), ``p or not p``, or a check of existence or type only (``x is not None``,
    ``isinstance(x, int)``, ``type(x) == list``, ``callable(f)``, ``f.__name__ == "f"``, the bare name
    of a function the code defines, or such a check of every item: ``all(isinstance(c, int) for c in
    r)``), or a length of at least zero (``len(x) >= 0``), a result of the code only placed against
    zero or one (``r > 0``, ``len(r) >= 1``), a bool only said to be one (``r in (True, False)``), or
    ``assert r`` for ``r = f(x)`` of a function that is no predicate."""
    aliases = aliases or {}
    if is_literal(test):
        return bool(ast.literal_eval(test))
    if _touches_nothing(test, bound | functions):
        return True
    if isinstance(test, ast.Name):
        return test.id in functions or _truthiness_of_a_result(test, functions, aliases)
    if isinstance(test, ast.Compare):
        if _weak_bound(test, functions, aliases):
            return True
        operands = [test.left, *test.comparators]
        if all(is_literal(o) for o in operands):
            return True
        if len(operands) == 2:
            resolved = [aliases.get(o.id, o) if isinstance(o, ast.Name) else o for o in operands]
            same = ast.dump(resolved[0]) == ast.dump(resolved[1])
            if same and isinstance(test.ops[0], (ast.Eq, ast.Is, ast.LtE, ast.GtE)):
                return True
            if isinstance(test.ops[0], (ast.IsNot, ast.NotEq)) and any(_is_none(o) for o in operands):
                return True
            if isinstance(test.ops[0], (ast.Eq, ast.Is)) and any(_is_type_of(o) for o in operands):
                return True  # type(x) == list: a type check, as isinstance
            if _length_at_least_zero(test.left, test.ops[0], test.comparators[0]):
                return True
            if any(isinstance(o, ast.Attribute) and METADATA.fullmatch(o.attr) for o in operands) and any(is_literal(o) for o in operands):
                return True  # f.__name__ == "f": the name it was given, not what it does
        return False
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id in WEAK_CHECKS:
        return True
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Name) and test.func.id in ("all", "any") and len(test.args) == 1
            and isinstance(test.args[0], (ast.GeneratorExp, ast.ListComp)) and vacuous_assert(test.args[0].elt, functions, bound, aliases)):
        return True  # all(isinstance(c, int) for c in result): a type check per item
    if isinstance(test, ast.BoolOp):
        if isinstance(test.op, ast.And):
            return all(vacuous_assert(v, functions, bound, aliases) for v in test.values)
        dumps = {ast.dump(v) for v in test.values}
        negated = any(isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.Not) and ast.dump(v.operand) in dumps for v in test.values)
        return negated or any(vacuous_assert(v, functions, bound, aliases) for v in test.values)
    return False


# assert* methods read as the expression they check; any other assert* call is a real check
ASSERT_METHODS = {
    "assertTrue": lambda a: a[0], "assertFalse": lambda a: ast.UnaryOp(ast.Not(), a[0]),
    "assertIsNotNone": lambda a: ast.Compare(a[0], [ast.IsNot()], [ast.Constant(None)]),
    "assertIsInstance": lambda a: ast.Call(ast.Name("isinstance", ast.Load()), [a[0], a[1]], []),
    "assertEqual": lambda a: ast.Compare(a[0], [ast.Eq()], [a[1]]), "assertEquals": lambda a: ast.Compare(a[0], [ast.Eq()], [a[1]]),
    "assertIs": lambda a: ast.Compare(a[0], [ast.Is()], [a[1]]), "assertIn": lambda a: ast.Compare(a[0], [ast.In()], [a[1]]),
    "assertGreaterEqual": lambda a: ast.Compare(a[0], [ast.GtE()], [a[1]]), "assertGreater": lambda a: ast.Compare(a[0], [ast.Gt()], [a[1]]),
    "assertLessEqual": lambda a: ast.Compare(a[0], [ast.LtE()], [a[1]]), "assertLess": lambda a: ast.Compare(a[0], [ast.Lt()], [a[1]]),
}
ARITY = {"assertTrue": 1, "assertFalse": 1, "assertIsNotNone": 1}
SWALLOWING = {"AssertionError", "Exception", "BaseException"}


def _as_expression(call: ast.Call) -> Optional[ast.expr]:
    """What an ``assert*`` call checks, as an expression; None when it is not read here."""
    name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", "")
    build = ASSERT_METHODS.get(name)
    if build is None or len(call.args) < ARITY.get(name, 2) or any(isinstance(a, ast.Starred) for a in call.args):
        return None
    return build(call.args)


def _swallowed(tree: ast.AST) -> Set[int]:
    """ids of the nodes inside a ``try`` body whose handler catches an AssertionError and does not raise."""
    inside: Set[int] = set()
    for node in nodes_of(tree, ast.Try):
        for handler in node.handlers:
            caught = [] if handler.type is None else [n.id if isinstance(n, ast.Name) else getattr(n, "attr", "") for n in walk(handler.type)]
            if (handler.type is None or SWALLOWING & set(caught)) and not any(isinstance(n, ast.Raise) for n in walk(handler)):
                inside.update(id(n) for statement in node.body for n in walk(statement))
                break
    return inside


def _aliases(tree: ast.Module) -> Dict[str, ast.expr]:
    """Names the tests bind exactly once, by a plain assignment, to an expression (``expected = f(x)``,
    at the top or in a loop's body)."""
    stores = Counter(n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, ast.Store))
    return {
        node.targets[0].id: node.value for node in nodes_of(tree, ast.Assign)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1
    }


# Code whose results differ from run to run: checks of shape are all its tests can make.
NONDETERMINISTIC = literal_gates.compile(r"\b(?:random|secrets|uuid|time|datetime\.now|date\.today|os\.urandom|shuffle|sample|choice)\b")


def _empty(node: ast.expr) -> bool:
    return is_literal(node) and not isinstance(ast.literal_eval(node), bool) and ast.literal_eval(node) in ("", 0, None, (), [], {}) and not (
        isinstance(ast.literal_eval(node), int) and not isinstance(node, ast.Constant))


def shape_only_assert(test: ast.expr, functions: set, bound: AbstractSet[str], aliases: Dict[str, ast.expr]) -> bool:
    """A check of shape, not of value: vacuous (:func:`vacuous_assert`), a length compared with a number
    (``len(r) == 3``), a result only ordered against something (``r > start``), or an empty input's
    empty answer (``f([]) == []``). Tests made of these pass for most wrong answers too."""
    if vacuous_assert(test, functions, bound, aliases):
        return True
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return all(shape_only_assert(v, functions, bound, aliases) for v in test.values)
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return False
    left, op, right = test.left, test.ops[0], test.comparators[0]
    resolved = [aliases.get(o.id, o) if isinstance(o, ast.Name) else o for o in (left, right)]
    is_len = [isinstance(o, ast.Call) and isinstance(o.func, ast.Name) and o.func.id == "len" for o in resolved]
    if any(is_len) and any(is_literal(o) for o in resolved):
        return True
    if isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) and any(_result_of_the_code(o, functions, aliases) for o in (left, right)):
        return True
    if isinstance(op, ast.Eq):
        for side, other in ((resolved[0], resolved[1]), (resolved[1], resolved[0])):
            if _empty(other) and isinstance(side, ast.Call) and side.args and _empty(side.args[0]):
                return True
    return False


def _checks(tests: Optional[str], code_tree: ast.Module):
    """(the tests' checks as expressions, None for one whose failure is swallowed; the tests' tree), or
    None when something else can fail (a ``raise``, ``pytest.raises``, an ``assert*`` call not read here)."""
    tree = parse_python(without_test_runner_calls(tests or ""), fresh=True)  # raise SystemExit(pytest.main()) checks nothing; extended below
    if tree is None:
        return None
    tree.body.extend(code_test_statements(code_tree))
    swallowed = _swallowed(tree)
    checks: List[Optional[ast.expr]] = []
    for node in nodes_of(tree, (ast.Assert, ast.Raise, ast.Call)):
        if isinstance(node, ast.Assert):
            checks.append(None if id(node) in swallowed else node.test)
        elif isinstance(node, ast.Raise) and id(node) not in swallowed:
            return None
        elif isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "raises":  # pytest.raises
                return None
            if checks_without_assert(node):
                expression = None if id(node) in swallowed else _as_expression(node)
                if expression is None and id(node) not in swallowed:
                    return None
                checks.append(expression)
    return checks, tree


def _every_check(tests: Optional[str], code_tree: ast.Module, judge) -> bool:
    """The tests check something, and ``judge(check, functions, bound, aliases)`` holds for every check
    (a check whose failure is swallowed checks nothing)."""
    read = _read_checks(tests, code_tree)
    if read is None:
        return False
    checks, functions, bound, aliases = read
    return bool(checks) and all(c is None or judge(c, functions, bound, aliases) for c in checks)


_READ = "_hfsynth_read_checks"


def _read_checks(tests: Optional[str], code_tree: ast.Module):
    """(checks, functions, bound names, aliases) of :func:`_checks`, or None; read once per code tree and tests, and
    kept on the shared code tree (:func:`hfsynth.curate.python_ast.parse_python`): both judges of a row ask for them,
    and the tests are parsed fresh (their tree is extended) each time."""
    kept = code_tree.__dict__.setdefault(_READ, {}) if python_ast.KEEP_PER_NODE else {}
    if tests not in kept:
        found = _checks(tests, code_tree)
        kept[tests] = None if found is None else (found[0], _defined_functions(code_tree), bound_names(code_tree, found[1]), _aliases(found[1]))
    return kept[tests]


def tests_check_only_shapes(tests: Optional[str], code_tree: ast.Module, instruction: str = "") -> bool:
    """The tests check something, and only shapes (:func:`shape_only_assert`): types, lengths, order
    against a bound, an empty answer for an empty input. Not judged for code whose results vary from
    run to run (random, time) or a task that asks for such results."""
    if NONDETERMINISTIC.search(unparsed(code_tree)) or re.search(r"\brandom", instruction, re.IGNORECASE):
        return False
    return _every_check(tests, code_tree, shape_only_assert)


def tests_check_nothing(tests: Optional[str], code_tree: ast.Module) -> bool:
    """The tests (with those the code carries) check something, and every check passes whatever the
    code does (:func:`vacuous_assert`, or an assert whose failure a ``try`` swallows), with nothing
    else that can fail: no ``raise``, no ``pytest.raises``, no ``assert*`` call not read here."""
    return _every_check(tests, code_tree, vacuous_assert)
