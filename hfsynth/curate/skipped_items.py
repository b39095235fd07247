"""Loops that never reach their sequence's last item, or drop the run still open when they end.

``for i in range(1, len(history) - 1)`` whose body reads ``history[i]`` and ``history[i - 1]``: the stop
``len(history) - 1`` belongs to a loop that reads one item ahead (``history[i + 1]``); this one reads
only the item at ``i`` and those behind it, so the last step (``history[-2] -> history[-1]``) is never
looked at. A model writes it by habit, and its tests seldom end on the case the last item decides.

Read only where nothing else reaches the last item: every read of the sequence inside the loop is at
``i`` or behind it (``i - 1``, ``i - window``), none is a slice or another index, the loop does not
rebind the sequence, and the function never reads its last item on its own (``history[-1]``,
``history[len(history) - 1]``).

A run counted item by item and judged only when an item breaks it (``if t >= threshold: run += 1`` / ``else:
if run >= min_days: waves += 1; run = 0``): a run that lasts to the end of the data is never judged, since
nothing after the loop reads ``run``. Read only where the loop's ``else`` reads the run and then resets it to
0, no statement after the loop reads it, and the loop walks no sentinel added to the data (``readings + [None]``).
"""

from __future__ import annotations

import ast
from typing import Optional

from hfsynth.curate.python_ast import nodes_of, unparsed, walk


def _stop_before_last(loop: ast.For) -> Optional[str]:
    """The sequence ``x`` of ``for i in range([start,] len(x) - 1)``, else None."""
    call = loop.iter
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "range" and 1 <= len(call.args) <= 2 and not call.keywords):
        return None
    stop = call.args[-1]
    if not (isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.Sub) and isinstance(stop.right, ast.Constant) and stop.right.value == 1):
        return None
    length = stop.left
    if (isinstance(length, ast.Call) and isinstance(length.func, ast.Name) and length.func.id == "len" and len(length.args) == 1
            and isinstance(length.args[0], ast.Name)):
        return length.args[0].id
    return None


def _at_or_behind(index: ast.expr, counter: str) -> bool:
    """``i`` or ``i - k`` (``k`` not involving ``i``)."""
    if isinstance(index, ast.Name):
        return index.id == counter
    return (isinstance(index, ast.BinOp) and isinstance(index.op, ast.Sub) and isinstance(index.left, ast.Name) and index.left.id == counter
            and not any(n.id == counter for n in nodes_of(index.right, ast.Name)))


def _reads_the_last(node: ast.Subscript, sequence: str) -> bool:
    """``x[-1]`` or ``x[len(x) - 1]``."""
    index = node.slice
    if isinstance(index, ast.UnaryOp) and isinstance(index.op, ast.USub) and isinstance(index.operand, ast.Constant) and index.operand.value == 1:
        return True
    return unparsed(index).replace(" ", "") == f"len({sequence})-1"


def last_item_never_reached(tree: ast.AST) -> Optional[str]:
    """``name() at line n: for i in range(..., len(x) - 1) reads x[i] ...``: a loop that stops one item
    early and never reads ahead, in a function that never reads the last item itself."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for loop in nodes_of(function, ast.For):
            if not isinstance(loop.target, ast.Name):
                continue
            sequence, counter = _stop_before_last(loop), loop.target.id
            if sequence is None:
                continue
            inside = [n for n in nodes_of(loop, ast.Subscript) if isinstance(n.value, ast.Name) and n.value.id == sequence]
            if not inside or not all(_at_or_behind(n.slice, counter) for n in inside):
                continue
            if not any(isinstance(n.slice, ast.Name) for n in inside):
                continue
            if any(n.id == sequence and isinstance(n.ctx, ast.Store) for n in nodes_of(loop, ast.Name)):
                continue
            inside_ids = {id(n) for n in inside}
            if any(isinstance(n.value, ast.Name) and n.value.id == sequence and id(n) not in inside_ids
                   and _reads_the_last(n, sequence) for n in nodes_of(function, ast.Subscript)):
                continue
            return (f"{function.name}() at line {loop.lineno}: for {counter} in {unparsed(loop.iter)} reads {sequence}[{counter}] and "
                    f"never {sequence}[{counter} + 1], so the last item of {sequence} is never reached")
    return None


def _reads(node: ast.AST, name: str) -> bool:
    return any(n.id == name and isinstance(n.ctx, ast.Load) for n in nodes_of(node, ast.Name))


def last_run_never_judged(tree: ast.AST) -> Optional[str]:
    """``name() at line n: ...`` for a loop that judges a run only when the next item breaks it, in a function that
    never reads the run after the loop."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for block in (getattr(n, field) for n in walk(function) for field in ("body", "orelse") if isinstance(getattr(n, field, None), list)):
            for index, loop in enumerate(block):
                if not isinstance(loop, ast.For) or any(isinstance(n, (ast.BinOp, ast.List, ast.Starred)) or isinstance(n, ast.Name) and n.id == "chain"
                                                        for n in walk(loop.iter)):
                    continue  # ``readings + [None]``: a sentinel closes the last run
                for test in (n for n in loop.body if isinstance(n, ast.If) and n.orelse):
                    grown = {s.target.id for s in test.body if isinstance(s, ast.AugAssign) and isinstance(s.op, ast.Add) and isinstance(s.target, ast.Name)}
                    for run in grown:
                        resets = [i for i, s in enumerate(test.orelse) if isinstance(s, ast.Assign) and len(s.targets) == 1
                                  and isinstance(s.targets[0], ast.Name) and s.targets[0].id == run and isinstance(s.value, ast.Constant) and s.value.value == 0]
                        if not resets or not any(_reads(s, run) for s in test.orelse[: resets[-1]]):
                            continue
                        if any(_reads(s, run) for s in block[index + 1:]) or not any(isinstance(s, ast.Return) for s in block[index + 1:]):
                            continue
                        return (f"{function.name}() at line {loop.lineno}: the loop judges {run} only when an item breaks the run, and nothing after it "
                                f"reads {run}, so a run that lasts to the end is never counted")
    return None
