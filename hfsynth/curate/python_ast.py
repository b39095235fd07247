"""Python code as an AST for the per-row checks, or None when it does not parse.

Every check reads model output, so a parse must never raise or warn: syntax errors are the validity
step's business (it reports them), invalid escape sequences are only warnings, and pathological
nesting raises RecursionError or MemoryError. One place says so for every check.
"""

from __future__ import annotations

import ast
import warnings
from typing import List, Optional

PARSE_ERRORS = (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError)


def parse_python(code: str) -> Optional[ast.Module]:
    """The module's AST, or None when the code does not parse."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.parse(code)
        except PARSE_ERRORS:
            return None


def checks_without_assert(node: ast.AST) -> bool:
    """Whether this node can fail a test run other than by an ``assert``: a ``raise``, a ``test*``
    function, a ``unittest.TestCase`` class, or an ``assert*`` call (``self.assertEqual``). The
    execution step counts these as tests; the vacuous-tests check cannot judge them."""
    if isinstance(node, ast.Raise):
        return True
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
        return True
    if isinstance(node, ast.ClassDef) and any("TestCase" in ast.unparse(base) for base in node.bases):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")).startswith("assert")
    return False


def _is_main_guard(node: ast.stmt) -> bool:
    """``if __name__ == "__main__":`` (either side of the ``==``)."""
    if not (isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], ast.Eq)):
        return False
    sides = [node.test.left, node.test.comparators[0]]
    return any(isinstance(s, ast.Name) and s.id == "__name__" for s in sides) and any(isinstance(s, ast.Constant) and s.value == "__main__" for s in sides)


def _asserts(node: ast.AST) -> bool:
    """An ``assert`` or an ``assert*`` call below ``node``; not a ``raise``: ``raise SystemExit(main())``
    ends many a main guard, and a CLI's main must not run as a test."""
    return any(isinstance(n, ast.Assert) or (isinstance(n, ast.Call) and checks_without_assert(n)) for n in ast.walk(node))


def _main_guard_checks(tree: ast.Module):
    """``(the main-guard block, the code's checking functions it calls)`` when the block checks
    something, else None."""
    checking = {n.name: n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and _asserts(n)}
    for node in tree.body:
        if not _is_main_guard(node):
            continue
        called = [checking[n.func.id] for n in ast.walk(node) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id in checking]
        if _asserts(node) or called:
            return node, called
    return None


def main_block_tests(code: str) -> Optional[str]:
    """The body of the code's ``if __name__ == "__main__":`` block when it checks something: an
    assert, an ``assert*`` call, or a call of a function of the code that holds one (``test_add()``).
    Models often put their tests there; the code is run as a module, so without this they never run."""
    tree = parse_python(code)
    found = _main_guard_checks(tree) if tree is not None else None
    return ast.unparse(ast.Module(body=found[0].body, type_ignores=[])) if found else None


def main_block_statements(tree: ast.Module) -> List[ast.stmt]:
    """What :func:`main_block_tests` runs, with the bodies of the test functions it calls in place of
    their definitions: the statements whose checks the tests' judges read."""
    found = _main_guard_checks(tree)
    if not found:
        return []
    block, called = found
    return list(block.body) + [statement for function in called for statement in function.body]
