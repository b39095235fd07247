"""Branches and inputs that can never matter, two bugs of a model that lost track of what it wrote.

- An ``elif`` whose condition repeats an earlier one of its chain (``if isinstance(x, list): ...
  elif isinstance(x, list): ...``): the earlier branch always takes the case, so the later one never
  runs. Only conditions without side effects count (no calls but a few pure builtins, no ``:=``,
  no ``await``): between two tests of one chain nothing else runs, so the same expression has the
  same value.
- A parameter overwritten before it is read (``def dedupe(items): items = [1, 1, 2] ...``): the
  caller's value is thrown away, so the function does not do what its signature says. Only
  statements directly in the function's body are followed, in order, up to the first one that reads
  the parameter or binds it in a branch or loop.

pyflakes reports neither (both are valid Python with every name defined).
"""

from __future__ import annotations

import ast
from typing import List, Optional, Tuple

PURE_CALLS = frozenset({"isinstance", "issubclass", "len", "hasattr", "callable", "type", "bool", "int", "float", "str", "abs"})


def _side_effect_free(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, (ast.Await, ast.NamedExpr, ast.Yield, ast.YieldFrom, ast.Lambda)):
            return False
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in PURE_CALLS):
            return False
    return True


def repeated_condition(tree: ast.AST) -> Optional[Tuple[int, int]]:
    """``(line of the branch that never runs, line of the earlier test it repeats)``, or None."""
    for head in ast.walk(tree):
        if not isinstance(head, ast.If):
            continue
        seen = {}
        branch = head
        while True:
            key = ast.dump(branch.test)
            if key in seen and _side_effect_free(branch.test):
                return branch.lineno, seen[key]
            seen.setdefault(key, branch.lineno)
            if len(branch.orelse) == 1 and isinstance(branch.orelse[0], ast.If):  # elif, or else: holding only an if
                branch = branch.orelse[0]
            else:
                break
    return None


def _reads(node: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Store) for n in ast.walk(node))


def _binds(target: ast.AST, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) for n in ast.walk(target))


def _overwrites(statement: ast.stmt, name: str) -> bool:
    """The statement binds ``name`` from a value that does not read it (``name = [1]``, ``for name in range(3)``)."""
    if isinstance(statement, ast.Assign):
        return any(_binds(t, name) for t in statement.targets) and not _reads(statement.value, name)
    if isinstance(statement, ast.AnnAssign):
        return statement.value is not None and _binds(statement.target, name) and not _reads(statement.value, name)
    if isinstance(statement, (ast.For, ast.AsyncFor)):
        return _binds(statement.target, name) and not _reads(statement.iter, name)
    return False


def overwritten_parameters(tree: ast.AST) -> List[str]:
    """``function(parameter)`` for every parameter overwritten before it is read."""
    found = []
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        arguments = function.args
        names = [a.arg for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs]
        names += [a.arg for a in (arguments.vararg, arguments.kwarg) if a is not None]
        for name in names:
            if name in ("self", "cls") or name.startswith("_"):
                continue
            for statement in function.body:
                if _overwrites(statement, name):
                    found.append(f"{function.name}({name})")
                    break
                if _reads(statement, name) or _binds(statement, name):
                    break
    return found
