"""A ``while`` loop that can go round without changing anything its condition reads: it never ends.

Models write ``while i < len(s): if s[i] == c: ...; i += 1`` with the step inside the branch,
``if any(n % p == 0 for p in primes): continue`` before the step, or ``while "  " in text:
text.replace("  ", " ")`` with the new string thrown away. The code parses, names every name, and
hangs on the first input that takes the path; with no tests nothing ever runs it.

A path through the loop's body (each ``if`` taken one way or the other, up to its end or a
``continue``) repeats for ever when it assigns nothing that the loop's condition or its own tests
read, and calls nothing that could change state behind the names (only pure builtins and
non-mutating methods such as ``str.replace``). Paths that may leave the loop (``break``, ``return``,
``raise``, ``yield``) and loops whose condition calls anything else are not judged.
"""

from __future__ import annotations

import ast
from typing import Iterator, List, Optional, Set, Tuple

PURE_CALLS = frozenset({"len", "abs", "min", "max", "sum", "any", "all", "isinstance", "int", "float", "str", "bool", "ord", "chr", "range",
                        "enumerate", "zip", "sorted", "reversed", "list", "tuple", "set", "frozenset", "dict", "round", "divmod", "repr", "print"})
PURE_METHODS = frozenset({"replace", "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title", "split", "rsplit", "splitlines", "startswith",
                          "endswith", "find", "rfind", "count", "index", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "join",
                          "format", "get", "keys", "values", "items", "copy", "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust"})
EXITS = (ast.Break, ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)
MAX_PATHS = 64


def _root(node: ast.AST) -> Optional[str]:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def _calls_are_pure(node: ast.AST) -> bool:
    for call in ast.walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            if isinstance(func, ast.Name) and func.id in PURE_CALLS:
                continue
            if isinstance(func, ast.Attribute) and func.attr in PURE_METHODS:
                continue
            return False
        if isinstance(call, (ast.Lambda, ast.Await, ast.Yield, ast.YieldFrom)):
            return False
    return True


def _assigned(node: ast.AST) -> Set[str]:
    """The names a statement (or anything inside it) binds or changes an item or attribute of."""
    names: Set[str] = set()
    for n in ast.walk(node):
        targets: List[ast.AST] = []
        if isinstance(n, ast.Assign):
            targets = n.targets
        elif isinstance(n, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
            targets = [n.target]
        elif isinstance(n, ast.Delete):
            targets = n.targets
        elif isinstance(n, ast.withitem) and n.optional_vars is not None:
            targets = [n.optional_vars]
        elif isinstance(n, (ast.Global, ast.Nonlocal)):
            names.update(n.names)
        for target in targets:
            for part in ast.walk(target):
                root = _root(part) if isinstance(part, (ast.Name, ast.Attribute, ast.Subscript, ast.Starred)) else None
                if root:
                    names.add(root)
    return names


def _read(node: ast.AST) -> Set[str]:
    """The names an expression reads as values (not the functions it calls)."""
    called = {id(n.func) for n in ast.walk(node) if isinstance(n, ast.Call)}
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load) and id(n) not in called}


Step = Tuple[str, ast.AST]  # ("test", expression) or ("do", statement)


def _paths(statements: List[ast.stmt], steps: List[Step], budget: List[int]) -> Iterator[Tuple[List[Step], str]]:
    """(the steps of one path through ``statements``, how it ends: "end", "continue" or "exit")."""
    for index, statement in enumerate(statements):
        if budget[0] <= 0:
            return
        if isinstance(statement, ast.Continue):
            yield steps, "continue"
            return
        if isinstance(statement, (ast.Break, ast.Return, ast.Raise)):
            yield steps, "exit"
            return
        if isinstance(statement, ast.If):
            rest = statements[index + 1:]
            for branch in (statement.body, statement.orelse):
                for path, end in _paths(branch, steps + [("test", statement.test)], budget):
                    if end == "end":
                        yield from _paths(rest, path, budget)
                    else:
                        yield path, end
            return
        if isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
            inner_exits = [n for n in ast.walk(statement) if isinstance(n, (ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await))]
        else:
            inner_exits = [n for n in ast.walk(statement) if isinstance(n, EXITS + (ast.Continue,))]
        if inner_exits:
            yield steps, "exit"  # it may leave the loop (or hand control away): not judged
            return
        steps = steps + [("do", statement)]
    budget[0] -= 1
    yield steps, "end"


def endless_while(tree: ast.AST) -> Optional[str]:
    """``"line N: ..."`` for the first ``while`` loop with a path that changes nothing it reads, else None."""
    for loop in ast.walk(tree):
        if not isinstance(loop, ast.While):
            continue
        watched = _read(loop.test)
        if not watched or not _calls_are_pure(loop.test):
            continue  # while True (another check's), or a condition that calls out
        for steps, end in _paths(loop.body, [], [MAX_PATHS]):
            if end == "exit":
                continue
            if not all(_calls_are_pure(node) for _, node in steps):
                continue
            tests = set().union(*(_read(node) for kind, node in steps if kind == "test"))
            changed = set().union(*(_assigned(node) for _, node in steps))
            if not changed & (watched | tests):
                how = "a continue" if end == "continue" else "the end of its body"
                return (f"the while loop at line {loop.lineno} ({ast.unparse(loop.test)[:40]}) can reach {how} without changing "
                        f"{', '.join(sorted(watched))}: it never ends")
    return None
