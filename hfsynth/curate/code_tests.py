"""The tests a row's code carries itself, which the row's ``tests`` field does not hold.

Models often answer with one block: the solution, then its checks. Execution runs the code as a
module (``__name__ == "solution"``, so that a demo reading ``input()`` does not run), and the harness
runs only the test functions and TestCase classes of the tests, so without this such checks never
run, a FizzBuzz whose own asserts fail passes as ``no_tests``, and tests that check nothing are not
seen. What counts as the code's tests:

- the body of its ``if __name__ == "__main__":`` block when that checks something: an ``assert``,
  an ``assert*`` call, a call of a function of the code that holds one (``test_add()``), or
  ``unittest.main()`` beside TestCase classes; not a ``raise`` (``raise SystemExit(main())`` ends many
  a main guard, and a CLI's main must not run as a test);
- its ``unittest.TestCase`` classes, and its ``test*`` functions that take no argument and hold an
  assert (pytest's style; one taking fixtures is left alone);
- the asserts at the code's top level: they already run with the code, and make it checked
  (``passed`` when they hold, not ``no_tests``); the judges of what tests check read them too.
"""

from __future__ import annotations

import ast
from typing import List, Optional

from hfsynth.curate.python_ast import checks_without_assert, nodes_of, parse_python, walk

FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)


def _is_main_guard(node: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` (either side of the ``==``)."""
    if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.Eq)):
        return False
    sides = [node.test.left, node.test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)


def _asserts(node: ast.AST) -> bool:
    """An ``assert`` or an ``assert*`` call below ``node``."""
    return any(isinstance(n, ast.Assert) or (isinstance(n, ast.Call) and checks_without_assert(n)) for n in walk(node))


def _calls_a_test_runner(node: ast.AST, runners=("pytest", "unittest")) -> bool:
    """``pytest.main(...)`` or ``unittest.main(...)`` (of ``runners``) somewhere in ``node``."""
    return any(
        isinstance(n.func, ast.Attribute) and n.func.attr == "main"
        and isinstance(n.func.value, ast.Name) and n.func.value.id in runners
        for n in nodes_of(node, ast.Call)
    )


def test_classes(tree: ast.Module) -> List[ast.ClassDef]:
    return [n for n in tree.body if isinstance(n, ast.ClassDef) and checks_without_assert(n)]


def test_functions(tree: ast.Module) -> List[ast.FunctionDef]:
    """``test*`` functions of the code that take no argument and hold an assert."""
    return [
        n for n in tree.body
        if isinstance(n, FUNCTIONS) and n.name.startswith("test") and not (n.args.args or n.args.posonlyargs or n.args.kwonlyargs or n.args.vararg or n.args.kwarg)
        and _asserts(n)
    ]


def _main_guard(tree: ast.Module):
    """``(the main-guard block, the code's checking functions it calls)`` when the block checks
    something, else None."""
    checking = {n.name: n for n in tree.body if isinstance(n, FUNCTIONS) and _asserts(n)}
    for node in tree.body:
        if not _is_main_guard(node):
            continue
        called = [checking[n.func.id] for n in nodes_of(node, ast.Call) if isinstance(n.func, ast.Name) and n.func.id in checking]
        if _asserts(node) or called or (_calls_a_test_runner(node, ("unittest",)) and test_classes(tree)):
            return node, called
    return None


def code_tests(tree: Optional[ast.Module]) -> Optional[str]:
    """Python to run after the row's tests, as tests, so that the code's own tests (``tree``: the
    parsed code) run: its TestCase classes declared again in the tests (the harness runs the tests'
    classes), its test functions called, and its main guard's body when that checks something; None
    when the code carries none or does not parse."""
    if tree is None:
        return None
    parts = [f"class {c.name}({c.name}):\n    pass" for c in test_classes(tree)]
    guard = _main_guard(tree)
    called = {n.func.id for n in nodes_of(guard[0], ast.Call) if isinstance(n.func, ast.Name)} if guard else set()
    parts += [f"{f.name}()" for f in test_functions(tree) if f.name not in called and not isinstance(f, ast.AsyncFunctionDef)]
    if guard:
        parts.append(ast.unparse(ast.Module(body=guard[0].body, type_ignores=[])))
    return "\n".join(parts) or None


def top_level_checks(tree: ast.Module) -> List[ast.stmt]:
    """The code's statements outside its definitions and main guard that hold an assert: they run
    with the code (``result = f(3)`` then ``assert result == 9``)."""
    return [n for n in tree.body if not isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not _is_main_guard(n) and _asserts(n)]


def code_test_statements(tree: ast.Module) -> List[ast.stmt]:
    """The statements of the code that test it, for the judges of what tests check: its top-level
    asserts, its main guard's body when that checks something, and the bodies of its test functions,
    its TestCase methods and the checking functions the guard calls (in place of their definitions)."""
    statements = top_level_checks(tree)
    guard = _main_guard(tree)
    if guard:
        statements += list(guard[0].body) + [s for f in guard[1] for s in f.body]
    statements += [s for f in test_functions(tree) for s in f.body]
    statements += [s for c in test_classes(tree) for m in c.body if isinstance(m, FUNCTIONS) for s in m.body]
    return statements


def without_test_runner_calls(tests: str) -> str:
    """``tests`` without the statements that start a test runner (``sys.exit(pytest.main([__file__]))``,
    at the top or in the main guard): the harness runs the test functions and TestCase classes itself,
    and a runner's exit would end the program before it could."""
    if "pytest.main" not in tests and "unittest.main" not in tests:
        return tests
    tree = parse_python(tests, fresh=True)  # edited below
    if tree is None:
        return tests
    body = []
    for node in tree.body:
        if _is_main_guard(node):
            node.body = [n for n in node.body if not _calls_a_test_runner(n)] or [ast.Pass()]
        elif _calls_a_test_runner(node):
            continue
        body.append(node)
    return ast.unparse(ast.Module(body=body, type_ignores=[]))
