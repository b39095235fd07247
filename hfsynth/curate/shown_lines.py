"""The lines an instruction shows, split as the code splits them, against the names the code unpacks them into.

"Technicians append an optional free-text note to fault log lines:" and a block of three lines, one with a note: a
model unpacks each line into as many names as it counted in one of them (``day, clock, signal, event, code =
line.split()``), and the lines with more fields, or fewer, raise ValueError (too many, or not enough, values to
unpack); "a note is added only when the operator typed one" over ``08:30,612,element 3 slow to glow`` read as
``time_str, temp, note = line.split(",", 2)`` fails on the lines without one. Its asserts, when it has any, use
lines of one shape. Read only where the words leave no doubt:

- the block is a plain fenced block (no tag, or ``text``, ``txt``, ``log``, ``csv``) of two lines or more, none
  elided ("...");
- the code unpacks ``<name>.split(...)`` (or ``.rsplit``, on the name stripped or not) into plain names, where the name is
  a parameter or a loop's (a line it is given or steps through, not a field unpacked from a record), with a
  separator and a count that are literals, outside a ``try``, and nothing but skips of blank or ``#`` lines
  (``if not line: continue``) between it and its function or loop: no other test could set the odd lines aside;
- one of the block's lines splits into as many fields as the names (the block shows what the code reads) and
  another, not blank nor a ``#`` comment, into another number.
"""

from __future__ import annotations

import ast
from typing import List, Optional

from hfsynth.curate.python_ast import nodes_outside_try, unparsed
from hfsynth.fences import find_fences

PLAIN_TAGS = ("", "text", "txt", "log", "csv", "plain", "plaintext")
SPLITS = ("split", "rsplit")


def _shown_lines(instruction: str) -> List[List[str]]:
    """The instruction's plain blocks of two lines or more, each as its non-blank lines, stripped."""
    blocks = []
    for fence in find_fences(instruction):
        lines = [line.strip() for line in fence.code.splitlines() if line.strip()]
        if fence.tag.lower() in PLAIN_TAGS and len(lines) >= 2 and not any("..." in line or "…" in line for line in lines):
            blocks.append(lines)
    return blocks


def _split_call(value: ast.expr) -> Optional[tuple]:
    """``line.split(",", 2)``, ``line.strip().rsplit()``: (the method, its literal arguments) when the value is one."""
    if not (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in SPLITS and not value.keywords):
        return None
    receiver = value.func.value
    if isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "strip" and not receiver.args:
        receiver = receiver.func.value
    if not isinstance(receiver, ast.Name) or len(value.args) > 2:
        return None
    arguments = []
    for argument in value.args:
        if not isinstance(argument, ast.Constant) or not isinstance(argument.value, (str, int, type(None))) or argument.value == "":
            return None
        arguments.append(argument.value)
    if len(arguments) == 2 and not isinstance(arguments[1], int) or arguments and not isinstance(arguments[0], (str, type(None))):
        return None
    return value.func.attr, arguments, receiver.id


def _blank_or_comment(test: ast.expr) -> bool:
    """``not line``, ``not line.strip()``, ``line.startswith("#")``: a test for a blank or a comment line."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        inner = test.operand
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr == "strip" and not inner.args:
            inner = inner.func.value
        return isinstance(inner, ast.Name)
    return (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr == "startswith" and len(test.args) == 1
            and isinstance(test.args[0], ast.Constant) and test.args[0].value == "#")


def _skip_only(statement: ast.stmt) -> bool:
    """``if not line: continue``, ``if not line.strip() or line.startswith("#"): continue``: a skip of blank or comment lines."""
    if not (isinstance(statement, ast.If) and not statement.orelse and len(statement.body) == 1 and isinstance(statement.body[0], ast.Continue)):
        return False
    test = statement.test
    return all(_blank_or_comment(t) for t in (test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or) else [test]))


def _reached_by_every_line(function: ast.AST, target: ast.stmt) -> bool:
    """The statement sits in its function's body, or in loops' bodies, after nothing but skips of blank or comment lines."""
    body = function.body
    while True:
        before = []
        for statement in body:
            if statement is target:
                return all(not isinstance(s, (ast.If, ast.Match, ast.Return, ast.Break, ast.Continue, ast.Raise)) or _skip_only(s) for s in before)
            if isinstance(statement, (ast.For, ast.While, ast.With)) and any(n is target for n in ast.walk(statement)):
                if isinstance(statement, ast.While) or not all(not isinstance(s, (ast.If, ast.Match, ast.Return, ast.Break, ast.Continue, ast.Raise))
                                                               or _skip_only(s) for s in before):
                    return False
                body = statement.body
                break
            before.append(statement)
        else:
            return False


def _line_names(function: ast.AST) -> set:
    """The names that may hold a line: the function's parameters, the names its ``for`` loops step through, and names
    bound to a method's answer on one of those (``line = raw.strip()``)."""
    names = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    names |= {loop.target.id for loop in ast.walk(function) if isinstance(loop, (ast.For, ast.comprehension)) and isinstance(loop.target, ast.Name)}
    return names | {node.targets[0].id for node in ast.walk(function)  # line = raw.strip()
                    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute) and isinstance(node.value.func.value, ast.Name)
                    and node.value.func.value.id in names}


def unpacked_wrongly(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """The first unpacking of a split that one of the instruction's shown lines matches and another does not."""
    if tree is None or "```" not in instruction and "~~~" not in instruction:
        return None
    blocks = _shown_lines(instruction)
    if not blocks:
        return None
    for function in [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        for node in nodes_outside_try(function):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], (ast.Tuple, ast.List))):
                continue
            names = node.targets[0].elts
            split = _split_call(node.value)
            if split is None or len(names) < 2 or not all(isinstance(n, ast.Name) for n in names) or not _reached_by_every_line(function, node):
                continue
            method, arguments, receiver = split
            if receiver not in _line_names(function):
                continue  # day, start = item; start.split(":"): a field of a record, not a line
            for lines in blocks:
                counts = {line: len(getattr(line, method)(*arguments)) for line in lines if not line.startswith("#")}
                odd = [(line, count) for line, count in counts.items() if count != len(names)]
                if odd and len(odd) < len(counts):
                    return (f"{unparsed(node)[:70]} (line {node.lineno}) unpacks {len(names)} fields, and the instruction's line "
                            f"{odd[0][0][:60]!r} has {odd[0][1]}: ValueError")
    return None
