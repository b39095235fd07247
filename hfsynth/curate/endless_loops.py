"""A ``while`` loop that can go round without changing anything its condition reads: it never ends.

Models write ``while i < len(s): if s[i] == c: ...; i += 1`` with the step inside the branch,
``if any(n % p == 0 for p in primes): continue`` before the step, or ``while "  " in text:
text.replace("  ", " ")`` with the new string thrown away. The code parses, names every name, and
hangs on the first input that takes the path; with no tests nothing ever runs it.

A path through the loop's body (each ``if`` taken one way or the other, up to its end or a
``continue``) repeats for ever when it assigns nothing that the loop's condition or its own tests
read, and calls nothing that could change state behind the names (only pure builtins,
non-mutating methods such as ``str.replace``, and growing a container the code made itself, a record
of new values included: ``hunk["lines"].append(line)`` with ``hunk = {"start": int(a), "lines": []}``); in ``while True``, a path that changes nothing its
own tests read (``candidate = current + timedelta(days=1)`` with ``current`` never moved, then
``continue``) takes the same turn on every pass, when the tests read a value the code made itself
(``while True: if queue: return queue.pop()`` waits on the caller's object instead). Paths that may leave the loop (``break``, ``return``,
``raise``, ``yield``) and loops whose condition calls anything else are not judged. And where the
instruction says a tree's root is its own parent, ``while hub in parent: hub = parent[hub]``: at the root
the walk goes round for ever. A loop whose condition's names are set only from names it never changes
(``current = manager_of.get(employee)``) repeats its second pass for ever; so does ``gross += 0.01`` until
``net(gross) != target`` is false, a fraction stepped to exact equality. And a function that calls itself
with its own parameters, none of them changed, makes the same call again until the stack runs out. So does a
loop whose way out is a counter that never counts (``checked = 0``, ``while slots[i] is not None: if checked == n:
return None``, and ``checked`` never stepped).
"""

from __future__ import annotations

import ast
import json
import re
from typing import Iterator, List, Optional, Set, Tuple

from hfsynth.curate.python_ast import breaks_out_of, nodes_of, unparsed, values_bound_once, walk
from hfsynth.fences import find_fences

PURE_CALLS = frozenset({"len", "abs", "min", "max", "sum", "any", "all", "isinstance", "int", "float", "str", "bool", "ord", "chr", "range", "timedelta", "bytes",
                        "enumerate", "zip", "sorted", "reversed", "list", "tuple", "set", "frozenset", "dict", "round", "divmod", "repr", "print"})
PURE_METHODS = frozenset({"replace", "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title", "split", "rsplit", "splitlines", "startswith",
                          "endswith", "find", "rfind", "count", "index", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "join",
                          "format", "get", "keys", "values", "items", "copy", "removeprefix", "removesuffix", "zfill", "center", "ljust", "rjust",
                          "weekday", "isoweekday", "isdecimal", "isnumeric", "search", "fullmatch", "group", "groups"})  # a compiled pattern's search
EXITS = (ast.Break, ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)
MAX_PATHS = 64


def _root(node: ast.AST) -> Optional[str]:
    while isinstance(node, (ast.Attribute, ast.Subscript, ast.Starred)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


GROWING_METHODS = frozenset({"append", "extend", "add", "insert", "appendleft", "update", "setdefault", "clear"})  # what a new container of its own may do


def _new_value(node: ast.AST) -> bool:
    """A value that shares nothing with another object: a constant, a new empty container, a pure builtin's result
    (``int(m.group(1))``): a record built of these (``{"start": int(m.group(1)), "lines": []}``) is the code's own."""
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, (ast.List, ast.Dict, ast.Set, ast.Tuple)):
        return not (getattr(node, "elts", None) or getattr(node, "keys", None))
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("int", "float", "str", "len", "bool", "round", "abs")


def _fresh_containers(tree: ast.AST) -> Set[str]:
    """Names bound only to a new container (``pairs = []``, ``seen = set()``, ``hunk = {"start": int(a), "lines": []}``):
    filling one changes nothing else."""
    bound: dict = {}
    for node in nodes_of(tree, (ast.Assign, ast.AnnAssign)):
        if node.value is not None:  # found: list[str] = [] too
            fresh = (isinstance(node.value, (ast.List, ast.Dict, ast.Set)) and all(_new_value(v) for v in (node.value.values if isinstance(node.value, ast.Dict) else node.value.elts))) or (
                isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) in ("list", "dict", "set", "bytearray") and not node.value.args)
            for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                for name in (n.id for n in nodes_of(target, ast.Name)):
                    bound[name] = bound.get(name, True) and fresh and isinstance(target, ast.Name)
    parameters = {a.arg for a in nodes_of(tree, ast.arg)}  # results: list in another function is the caller's
    return {name for name, fresh in bound.items() if fresh and name not in parameters}


# Modules whose functions change nothing they are given.
PURE_MODULES = frozenset({"re", "math", "string", "unicodedata", "statistics", "operator", "textwrap"})


def _calls_are_pure(node: ast.AST, fillable: Set[str] = frozenset()) -> bool:
    """Every call in ``node`` leaves the loop's names as they were: pure builtins and methods, and
    ``pairs.append(...)`` on a container of ``fillable`` (a new one the loop's condition does not read)."""
    for call in walk(node):
        if isinstance(call, ast.Call):
            func = call.func
            if isinstance(func, ast.Name) and func.id in PURE_CALLS:
                continue
            if isinstance(func, ast.Name) and func.id in ("map", "filter") and call.args and isinstance(call.args[0], ast.Name) and call.args[0].id in PURE_CALLS:
                continue  # map(str, candidate): a pure builtin over each item
            if isinstance(func, ast.Attribute) and func.attr in PURE_METHODS:
                continue
            if isinstance(func, ast.Attribute) and func.attr in ("time", "date") and not call.args and _root(func.value) not in ("time", "datetime", "date"):
                continue  # slot.time(), stamp.date(): a datetime's parts, not the clock (time.time(), datetime.date.today())
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in PURE_MODULES:
                continue  # re.sub(r"\D", "", text), math.floor(x): a module's function, nothing of the loop changed
            if isinstance(func, ast.Attribute) and func.attr in GROWING_METHODS and _root(func.value) in fillable:
                continue  # pairs.append(p), hunk["lines"].append(line): the code's own new container
            return False
        if isinstance(call, (ast.Lambda, ast.Await, ast.Yield, ast.YieldFrom)):
            return False
    return True


def _assigned(node: ast.AST) -> Set[str]:
    """The names a statement (or anything inside it) binds or changes an item or attribute of."""
    names: Set[str] = set()
    for n in walk(node):
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
        targets = list(targets)  # a copy: the tree's own lists are left as they are
        while targets:
            target = targets.pop()
            if isinstance(target, (ast.Tuple, ast.List)):
                targets.extend(target.elts)  # a, (b, c) = ...: each name
                continue
            root = _root(target)  # held[order["id"]] = ...: held changes, not the order its index reads
            if root:
                names.add(root)
    return names


def _read(node: ast.AST) -> Set[str]:
    """The names an expression reads as values (not the functions it calls)."""
    called = {id(n.func) for n in nodes_of(node, ast.Call)}
    return {n.id for n in nodes_of(node, ast.Name) if isinstance(n.ctx, ast.Load) and id(n) not in called}


Step = Tuple[str, ast.AST]  # ("test", expression) or ("do", statement)


def _name_assigned(node: ast.AST) -> Optional[str]:
    """The name ``node`` assigns when it is ``name = value``, else None."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        return node.targets[0].id
    return None


def _names_bound(node: ast.AST) -> Set[str]:
    """The plain names ``name = value`` or ``a, b = value`` binds (nothing for other statements)."""
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name):
            return {target.id}
        if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
            return {e.id for e in target.elts}
    return set()


def _pairs(node: ast.AST) -> List[ast.AST]:
    """``a, b = x, y`` as ``a = x`` and ``b = y``; any other statement as itself."""
    if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple)
            and len(node.targets[0].elts) == len(node.value.elts) and all(isinstance(t, ast.Name) for t in node.targets[0].elts)):
        return [ast.copy_location(ast.Assign(targets=[t], value=v), node) for t, v in zip(node.targets[0].elts, node.value.elts)]
    return [node]


def _really_changed(steps: List[Step]) -> Set[str]:
    """The names a path changes. ``ch = s[i]`` or ``candidate = d + timedelta(days=1)``, when nothing
    it reads changes on the path, gives its name the value it had on the last pass: no change. So does
    a name worked out afresh from such names (``j = i``, then ``while ... result[j + 1] == result[i]:
    j += 1``, then ``run = j - i + 1``): every pass works it out the same."""
    done = [node for kind, node in steps if kind == "do"]
    done = [part for node in done for part in _pairs(node)]  # t_hr, t_spo2 = hr[i][0], spo2[j][0]: two assignments
    assigned = set().union(*(_assigned(node) for node in done))
    again: Set[str] = set()
    grew = True
    while grew:
        grew = False
        for name in assigned - again:
            writes = [index for index, node in enumerate(done) if name in _assigned(node)]
            first = done[writes[0]]
            steady = assigned - again - {name}  # what may differ from one pass to the next
            if (name in _names_bound(first) and not (_read(first.value) & (steady | {name})) and _calls_are_pure(first.value)
                    and not any(name in _read(node) for node in done[:writes[0]])
                    and all(not (_read(done[index]) & steady) and _calls_are_pure(done[index]) for index in writes[1:])):
                again.add(name)
                grew = True
    return assigned - again


# A comparison and its contrary: ``a < b`` is false exactly where ``a >= b`` holds.
CONTRARY = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq}


def _negated(test: ast.expr) -> ast.expr:
    """The test that holds where ``test`` fails: a single comparison turned round (``i >= len(xs)`` for ``i < len(xs)``,
    which :func:`_set_past_its_test` can read), else ``not test``."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in CONTRARY:
        return ast.Compare(left=test.left, ops=[CONTRARY[type(test.ops[0])]()], comparators=test.comparators)
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return test.operand
    return ast.UnaryOp(op=ast.Not(), operand=test)


def _skips(loop: ast.stmt, steps: List[Step], guarded: Set[str]) -> List[ast.expr]:
    """The tests under which an inner loop changes nothing, when its changes all wait on a condition: a ``while``
    whose test is false on entry, one test for each part of it that may fail (``while words and len(line) +
    len(words[0]) <= width``: a word longer than the width), or a ``for`` whose body is one ``if`` (``for piece in
    coins: if piece <= left: ...; break``: no piece fits). Not a part the path made true (``t = events[i][0]``, then
    ``while ... events[i][0] == t``), nor one about what a ``raise`` before the loop already vetted (``guarded``:
    ``if any(g > seats ...): raise``, then ``free = seats; while queue and queue[0] <= free``)."""
    if isinstance(loop, ast.While) and not loop.orelse:
        parts = _conjuncts(loop.test)
    elif isinstance(loop, (ast.For, ast.AsyncFor)) and not loop.orelse and len(loop.body) == 1 and isinstance(loop.body[0], ast.If) \
            and not loop.body[0].orelse:
        parts = [loop.body[0].test]
    else:
        return []
    made = {node.targets[0].id: node.value for kind, node in steps if kind == "do" and isinstance(node, ast.Assign)
            and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)}
    found = []
    for part in parts:
        if isinstance(part, ast.Compare) and len(part.ops) == 1 and isinstance(part.ops[0], ast.Eq) and any(
                isinstance(a, ast.Name) and a.id in made and unparsed(made[a.id]) == unparsed(b)
                for a, b in ((part.left, part.comparators[0]), (part.comparators[0], part.left))):
            continue
        names = _read(part)
        if (names | {n for name in names if name in made for n in _read(made[name])}) & guarded:
            continue
        if isinstance(loop, ast.While):
            found.append(_negated(part))
        else:
            found.append(ast.UnaryOp(op=ast.Not(), operand=ast.BoolOp(op=ast.And(), values=[loop.iter, part])))
    return found


def _false_of(test: ast.expr, constants: dict) -> bool:
    """``test``, made of names bound to ``constants``, of constants, ``not``, ``and``/``or`` and comparisons alone, is false."""
    if not all(isinstance(n, (ast.Name, ast.Constant, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Load, ast.unaryop, ast.boolop, ast.cmpop)) for n in walk(test)):
        return False
    try:
        expression = ast.fix_missing_locations(ast.Expression(body=test))  # only the path's own negations lack locations
        return not eval(compile(expression, "<test>", "eval"), {"__builtins__": {}}, dict(constants))
    except Exception:
        return False


def _contradicts(steps: List[Step], test: ast.expr) -> bool:
    """The path's tests, read before it changes what they read, deny the loop's own test: ``i >= len(events)``
    under ``while i < len(events)``; ``i >= len(pending)`` and ``not ready`` under ``while i < len(pending) or ready``;
    or a test of names the path set to constants that they fail (``line = ""``, then ``if line:``). Such a path is never taken."""
    seen, changed, constants = set(), set(), {}
    for kind, node in steps:
        if kind == "do":
            changed |= _assigned(node)
            for name in _assigned(node):
                constants.pop(name, None)
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Constant):
                constants[node.targets[0].id] = node.value.value  # line = "": a test of line alone is known on this path
        elif not (_read(node) & changed):
            seen.add(unparsed(node))
        elif _read(node) <= set(constants) and _false_of(node, constants):
            return True
    denied = lambda part: unparsed(_negated(part)) in seen or unparsed(ast.UnaryOp(op=ast.Not(), operand=part)) in seen
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
        return all(denied(part) for part in test.values)
    return any(denied(part) for part in _conjuncts(test))


def _paths(statements: List[ast.stmt], steps: List[Step], budget: List[int], guarded: Set[str] = frozenset()) -> Iterator[Tuple[List[Step], str]]:
    """(the steps of one path through ``statements``, how it ends: "end", "continue" or "exit"). ``guarded``: names
    a ``raise`` before the loop vetted (:func:`_skips`)."""
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
            held = ast.UnaryOp(op=ast.Not(), operand=statement.test)  # the else branch's test: the condition is false there
            for branch, test in ((statement.body, statement.test), (statement.orelse, held)):
                for path, end in _paths(branch, steps + [("test", test)], budget, guarded):
                    if end == "end":
                        yield from _paths(rest, path, budget, guarded)
                    else:
                        yield path, end
            return
        if isinstance(statement, (ast.For, ast.AsyncFor, ast.While)):
            inner_exits = list(nodes_of(statement, (ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await)))
        else:
            inner_exits = list(nodes_of(statement, EXITS + (ast.Continue,)))
        if inner_exits:
            yield steps, "exit"  # it may leave the loop (or hand control away): not judged
            return
        for skipped in _skips(statement, steps, guarded):  # the inner loop may change nothing: no piece fits, the next word is too long
            yield from _paths(statements[index + 1:], steps + [("test", skipped)], budget, guarded)
        steps = steps + [("do", statement)]
    budget[0] -= 1
    yield steps, "end"


def _conjuncts(test: ast.AST) -> List[ast.AST]:
    """The parts of ``a and b and c`` that must all hold; the test itself when it is no ``and``."""
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [part for value in test.values for part in _conjuncts(value)]
    return [test]


def _heap_call(value: ast.AST, function: str) -> Optional[str]:
    """The heap's name in ``heapq.<function>(heap, ...)`` or ``<function>(heap, ...)``, else None."""
    if not (isinstance(value, ast.Call) and value.args and isinstance(value.args[0], ast.Name)):
        return None
    called = value.func.attr if isinstance(value.func, ast.Attribute) and unparsed(value.func.value) == "heapq" else getattr(value.func, "id", None)
    return value.args[0].id if called == function else None


def _without_round_trips(steps: List[Step], watched: Set[str]) -> List[Step]:
    """The path without the steps that only turn a watched queue round: ``item = queue.popleft()`` (``pop(0)``,
    ``pop()``) and later ``queue.append(item)`` of that same item, or ``queue.rotate(n)``; or put back on a heap
    (``t, ship = heappop(waiting)``, then ``heappush(waiting, (t, ship))``: the next pop gives the same item). The queue keeps its length, so
    a path that changes nothing else (no class fits a room, no one is left to pair with) goes round for ever."""
    done = [(index, node) for index, (kind, node) in enumerate(steps) if kind == "do"]
    dropped = set()
    for index, node in done:  # t, ship = heappop(waiting) ... heappush(waiting, (t, ship)): the heap is as it was
        popped = _heap_call(node.value, "heappop") if isinstance(node, ast.Assign) and len(node.targets) == 1 else None
        if popped in watched:
            back = next((later for later, put in done if later > index and isinstance(put, ast.Expr) and _heap_call(put.value, "heappush") == popped
                         and len(put.value.args) == 2 and unparsed(put.value.args[1]) == unparsed(node.targets[0])), None)
            if back is not None:
                dropped |= {index, back}
    for index, node in done:
        call = node.value if isinstance(node, (ast.Expr, ast.Assign)) and isinstance(node.value, ast.Call) else None
        queue = call.func.value.id if call is not None and isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) else None
        if queue not in watched:
            continue
        if isinstance(node, ast.Expr) and call.func.attr == "rotate":
            dropped.add(index)
        elif (isinstance(node, ast.Assign) and len(node.targets) == 1 and call.func.attr in ("popleft", "pop")
              and (not call.args or len(call.args) == 1 and isinstance(call.args[0], ast.Constant) and call.args[0].value == 0)):
            popped = unparsed(node.targets[0])
            back = next((later for later, put in done if later > index and isinstance(put, ast.Expr) and isinstance(put.value, ast.Call)
                         and isinstance(put.value.func, ast.Attribute) and put.value.func.attr == "append" and isinstance(put.value.func.value, ast.Name)
                         and put.value.func.value.id == queue and len(put.value.args) == 1 and unparsed(put.value.args[0]) == popped), None)
            if back is not None:
                dropped |= {index, back}
    return [step for index, step in enumerate(steps) if index not in dropped] if dropped else steps


def _set_past_its_test(steps: List[Step]) -> Set[str]:
    """The names a path sets to the very value its own test held them strictly below, above or apart from
    (``if t < lunch_end ...: t = lunch_end; continue``): the same value every pass, yet the test that led here
    is false the next time round, so the path cannot repeat."""
    strict = set()
    for kind, test in steps:
        for node in (_conjuncts(test) if kind == "test" else ()):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left, *node.comparators]
            for left, op, right in zip(sides, node.ops, sides[1:]):
                if isinstance(op, (ast.Lt, ast.Gt, ast.NotEq)):
                    strict |= {(left.id, unparsed(right))} if isinstance(left, ast.Name) else set()
                    strict |= {(right.id, unparsed(left))} if isinstance(right, ast.Name) else set()
    return {node.targets[0].id for kind, node in steps if kind == "do" and isinstance(node, ast.Assign) and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name) and (node.targets[0].id, unparsed(node.value)) in strict}


def _vetted_before(loop: ast.While, functions: List[ast.AST]) -> Set[str]:
    """Names read by the test of an ``if`` whose body raises, in the function that holds ``loop``, before it."""
    holder = next((f for f in reversed(functions) if f.lineno <= loop.lineno <= (f.end_lineno or f.lineno)), None)
    return set().union(*(_read(n.test) for n in (nodes_of(holder, ast.If) if holder is not None else ())
                         if n.lineno < loop.lineno and any(isinstance(b, ast.Raise) for b in n.body)))


def endless_while(tree: ast.AST) -> Optional[str]:
    """``"line N: ..."`` for the first ``while`` loop with a path that changes nothing it reads, else None."""
    fresh = _fresh_containers(tree)
    own = {target.id for node in nodes_of(tree, (ast.Assign, ast.AnnAssign, ast.AugAssign)) if not isinstance(node.value, (ast.Name, ast.Attribute)) for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
           for target in nodes_of(t, ast.Name)}  # values the code makes itself, not another's object under a new name
    functions = list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)))
    for loop in nodes_of(tree, ast.While):
        watched = _read(loop.test)
        forever = isinstance(loop.test, ast.Constant) and loop.test.value is True  # only a path's own tests can stop it
        if (not watched and not forever) or not _calls_are_pure(loop.test):
            continue  # a condition of constants, or one that calls out
        for steps, end in _paths(loop.body, [], [MAX_PATHS], _vetted_before(loop, functions)):
            if end == "exit" or _contradicts(steps, loop.test):
                continue
            steps = _without_round_trips(steps, watched)
            tests = set().union(*(_read(node) for kind, node in steps if kind == "test"))
            if not all(_calls_are_pure(node, fresh - watched - tests) for _, node in steps):
                continue
            changed = _really_changed(steps)
            # alive = False under ``while alive and ...``: a constant the loop's own test read as another value (it ran)
            changed |= {name for kind, node in steps if kind == "do" and isinstance(getattr(node, "value", None), ast.Constant)
                        for name in _names_bound(node)} & watched
            changed |= _set_past_its_test(steps)
            if forever and not tests & own:
                continue  # while True: if queue: return queue.pop(): nothing of its own to move, it waits on the world
            if not changed & (watched | tests):
                how = "a continue" if end == "continue" else "the end of its body"
                what = ", ".join(sorted(watched or tests)) or "anything"
                return f"the while loop at line {loop.lineno} ({unparsed(loop.test)[:40]}) can reach {how} without changing {what}: it never ends"
    return None


def flag_never_cleared(tree: ast.AST) -> Optional[str]:
    """``while changed:`` whose body only ever sets ``changed = True`` (the "repeat until a pass changes
    nothing" loop with its ``changed = False`` left out), and has no break, return or raise of its own."""
    for loop in nodes_of(tree, ast.While):
        if not isinstance(loop.test, ast.Name):
            continue
        flag = loop.test.id
        inside = [n for statement in loop.body for n in walk(statement)]
        if any(isinstance(n, (ast.Return, ast.Raise, ast.Yield, ast.YieldFrom, ast.Await, ast.Global, ast.Nonlocal)) for n in inside) or breaks_out_of(loop.body):
            continue
        values = [n.value for n in inside if isinstance(n, (ast.Assign, ast.AnnAssign)) and n.value is not None
                  and any(isinstance(t, ast.Name) and t.id == flag for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
        others = [n for n in inside if isinstance(n, (ast.AugAssign, ast.NamedExpr, ast.For, ast.With)) and flag in {t.id for t in nodes_of(getattr(n, "target", n), ast.Name)}]
        if values and not others and all(isinstance(v, ast.Constant) and v.value for v in values):
            return f"the while loop at line {loop.lineno} (while {flag}) only ever sets {flag} to {unparsed(values[0])}: it never ends"
    return None


# ----------------------------------------------------------------------------------------------
# Loops that change what they read, to the value it had: three idioms that never move.


def _floor_midpoint(value: ast.AST, low: str, high: str) -> bool:
    """``(lo + hi) // 2`` or ``lo + (hi - lo) // 2``: the midpoint rounded down, which equals ``lo`` once ``hi`` is ``lo + 1``."""
    text = unparsed(value).replace(" ", "")
    return text in (f"({low}+{high})//2", f"({high}+{low})//2", f"{low}+({high}-{low})//2", f"({low}+{high})>>1")


def _ceiling_midpoint(value: ast.AST, low: str, high: str) -> bool:
    """``(lo + hi + 1) // 2`` or ``lo + (hi - lo + 1) // 2``: the midpoint rounded up, which equals ``hi`` once ``hi`` is ``lo + 1``."""
    text = unparsed(value).replace(" ", "")
    return text in (f"({low}+{high}+1)//2", f"({high}+{low}+1)//2", f"{low}+({high}-{low}+1)//2", f"({low}+{high}+1)>>1")


def stuck_bisection(tree: ast.AST) -> Optional[str]:
    """``while lo < hi: mid = (lo + hi) // 2 ... lo = mid``: once ``hi == lo + 1``, ``mid`` is ``lo``
    and the branch that sets ``lo = mid`` changes nothing (with ``lo <= hi``, ``hi = mid`` as well). The midpoint
    rounded up (``(lo + hi + 1) // 2``) is ``hi`` then, and ``hi = mid`` is the branch stuck."""
    for loop in nodes_of(tree, ast.While):
        if not (isinstance(loop.test, ast.Compare) and len(loop.test.ops) == 1
                and isinstance(loop.test.ops[0], (ast.Lt, ast.LtE)) and isinstance(loop.test.left, ast.Name)
                and isinstance(loop.test.comparators[0], ast.Name)):
            continue
        low, high = loop.test.left.id, loop.test.comparators[0].id
        middles = {_name_assigned(n) for n in walk(loop) if _name_assigned(n) and _floor_midpoint(n.value, low, high)}
        ceilings = {_name_assigned(n) for n in walk(loop) if _name_assigned(n) and _ceiling_midpoint(n.value, low, high)}
        inclusive = isinstance(loop.test.ops[0], ast.LtE)
        for node in walk(loop):
            moved, value = _name_assigned(node), getattr(getattr(node, "value", None), "id", None)
            if value is None or not (moved in ((low, high) if inclusive else (low,)) and value in middles
                                     or moved in ((low, high) if inclusive else (high,)) and value in ceilings):
                continue
            when = f"{low} == {high}" if inclusive and (moved == high) == (value in middles) else f"{high} == {low} + 1"
            return (f"the binary search at line {loop.lineno} sets {moved} = {value} (line {node.lineno}) while "
                    f"{unparsed(loop.test)}: once {when}, {value} is {moved} already and the loop never ends")
    return None


def _writes(loop: ast.AST, name: str, loop_targets: bool = False) -> List[ast.AST]:
    """The statements and expressions in ``loop`` that bind ``name`` (with ``loop_targets``, a ``for`` that does too)."""
    kinds = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr) + ((ast.For, ast.AsyncFor) if loop_targets else ())
    return [n for n in nodes_of(loop, kinds) if name in {t.id for target in (n.targets if isinstance(n, ast.Assign) else [n.target]) for t in nodes_of(target, ast.Name)}]


def _searches_from(node: ast.AST, start: str) -> bool:
    """``text.find(sub, start)`` (or ``index``, or a compiled pattern's ``search(text, start)``): a search that begins at ``start``."""
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("find", "index", "search") and len(node.args) >= 2
            and isinstance(node.args[1], ast.Name) and node.args[1].id == start)


def found_again(tree: ast.AST) -> Optional[str]:
    """``i = text.find(sub, start)`` then ``start = i``: the next search starts on the match it just
    found and finds it again (``start = i + 1`` or ``i + len(sub)`` is meant)."""
    for loop in nodes_of(tree, ast.While):
        found = {_name_assigned(n): n.value.args[1].id for n in walk(loop)
                 if _name_assigned(n) and isinstance(n.value, ast.Call) and len(n.value.args) >= 2 and isinstance(n.value.args[1], ast.Name)
                 and _searches_from(n.value, n.value.args[1].id)}
        for result, start in found.items():
            writes = _writes(loop, start)
            if result == start:  # pos = text.find(sub, pos): every write of pos searches from pos again
                if all(isinstance(w, ast.Assign) and _searches_from(w.value, start) for w in writes):
                    return f"the while loop at line {loop.lineno} sets {start} = ...find(..., {start}): the search starts on the match it just found and never moves on"
                continue
            if writes and all(isinstance(w, ast.Assign) and (isinstance(w.value, ast.Name) and w.value.id == result or unparsed(w.value) == f"{result}.start()")
                              for w in writes):  # pos = match.start(): a pattern's search from where it matched matches there again
                return f"the while loop at line {loop.lineno} searches from {start} and then sets {start} = {unparsed(writes[0].value)}, the match itself: it finds it again and never ends"
    return None


def _step(change: ast.AST, name: str) -> Optional[str]:
    """The parameter a change adds to or subtracts from ``name``: ``total += hours_per_week``, or ``balance =
    round(balance * (1 + r) - payment, 2)`` (a ``round`` may wrap it; ``max(0, ...)`` stops at the target and is not read)."""
    if isinstance(change, ast.AugAssign):
        return change.value.id if isinstance(change.op, (ast.Add, ast.Sub)) and isinstance(change.value, ast.Name) else None
    if not (isinstance(change, ast.Assign) and len(change.targets) == 1):
        return None
    value = change.value
    while isinstance(value, ast.Call) and getattr(value.func, "id", None) == "round" and value.args:
        value = value.args[0]
    if (isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Sub)) and isinstance(value.right, ast.Name)
            and any(n.id == name for n in nodes_of(value.left, ast.Name))):
        return value.right.id
    return None


def stepped_past(tree: ast.AST) -> Optional[str]:
    """``while total != target_hours: total += hours_per_week``: a count that moves by a step of the
    caller's (a parameter, not 1) jumps over any target it does not divide, and the loop goes on for
    ever; ``<`` is meant. Read where the loop has no exit, the name changes only by that step and the
    step never changes (Euclid's ``a -= b`` / ``b -= a`` moves both)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        for loop in nodes_of(function, ast.While):
            if not (isinstance(loop.test, ast.Compare) and len(loop.test.ops) == 1 and isinstance(loop.test.ops[0], ast.NotEq)):
                continue
            if any(isinstance(n, EXITS) for n in walk(loop)):
                continue
            for side in (loop.test.left, loop.test.comparators[0]):
                if not isinstance(side, ast.Name):
                    continue
                changes = _writes(loop, side.id, loop_targets=True)
                step = _step(changes[0], side.id) if len(changes) == 1 else None
                moved = {t.id for n in nodes_of(loop, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For))
                         for t in nodes_of(getattr(n, "target", None) or n.targets[0], ast.Name)}
                if step in params and step not in moved:  # a - b and b - a in turn (Euclid) both move
                    return (f"the while loop at line {loop.lineno} ({unparsed(loop.test)[:40]}) steps {side.id} by {step}, "
                            f"which jumps over any value it does not divide: it may never end")
    return None


def jumps_onto_its_bound(tree: ast.AST) -> Optional[str]:
    """``while True: for first, last in closures: if first <= d <= last: d = last; break``: the jump
    lands on the range's own inclusive end, which the same test takes again, so the loop finds the
    same range for ever (``last + 1`` was meant). Read where the name is bound nowhere else in the
    ``while`` loop, the bound does not read it, and the loop's condition is ``True`` or reads only it."""
    for loop in nodes_of(tree, ast.While):
        forever = isinstance(loop.test, ast.Constant) and loop.test.value is True
        for branch in nodes_of(loop, ast.If):
            if not isinstance(branch.test, ast.Compare):
                continue
            parts = [branch.test.left] + branch.test.comparators
            for op, low, high in zip(branch.test.ops, parts, parts[1:]):
                name, bound = (low, high) if isinstance(op, ast.LtE) else (high, low) if isinstance(op, ast.GtE) else (None, None)
                if (not isinstance(name, ast.Name) or name.id in _read(bound) or not _calls_are_pure(bound)
                        or not (forever or _read(loop.test) <= {name.id})):  # nothing else may end the loop
                    continue
                jump = next((n for n in branch.body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                             and n.targets[0].id == name.id and ast.dump(n.value) == ast.dump(bound)), None)
                if jump is not None and _writes(loop, name.id, loop_targets=True) == [jump]:
                    return (f"the while loop at line {loop.lineno} sets {name.id} = {unparsed(bound)}, which the test "
                            f"{unparsed(branch.test)[:50]} takes again: it finds the same case for ever")
    return None


def steps_past_its_end(tree: ast.AST) -> Optional[str]:
    """``while t != close: ...; t += step`` with a step other than one (``timedelta(minutes=slot_minutes)``, ``5``): when
    the distance is no multiple of the step, ``t`` passes ``close`` without ever equalling it, and the loop never ends
    (``while t < close`` was meant). Read where the loop has no break or return, and the step is its only change of ``t``."""
    once = values_bound_once(tree)
    for loop, name, end in _inequalities_with_no_exit(tree):
        if name.id in _read(end) or not _calls_are_pure(end) or _read(end) & _bound_in(loop):
            continue
        writes = _writes(loop, name.id, loop_targets=True)
        step = writes[0].value if len(writes) == 1 and isinstance(writes[0], ast.AugAssign) and isinstance(writes[0].op, (ast.Add, ast.Sub)) else None
        if step is not None and not _one_unit(once.get(step.id, step) if isinstance(step, ast.Name) else step):
            return (f"the while loop at line {loop.lineno} ({unparsed(loop.test)[:40]}) steps {name.id} by {unparsed(step)[:30]}: "
                    f"unless the distance is a multiple of the step, {name.id} passes {unparsed(end)[:20]} and it never ends")
    return None


def _inequalities_with_no_exit(tree: ast.AST) -> Iterator[Tuple[ast.While, ast.Name, ast.expr]]:
    """``(loop, name, end)`` of each ``while name != end`` (either way round) with no break, return, raise or yield."""
    for loop in nodes_of(tree, ast.While):
        test = loop.test
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.NotEq)):
            continue
        if any(isinstance(n, (ast.Break, ast.Return, ast.Raise, ast.Yield)) for n in walk(loop)):
            continue
        for name, end in ((test.left, test.comparators[0]), (test.comparators[0], test.left)):
            if isinstance(name, ast.Name):
                yield loop, name, end


def steps_one_way_from_a_difference(tree: ast.AST) -> Optional[str]:
    """``diff = target - sum(tenths.values())`` then ``while diff != 0: ...; diff -= 1``: the loop steps its name one way
    only, by one, towards 0, and a difference starts on either side of it; from the other side it runs away for ever
    (``while diff > 0`` or a step by the sign was meant). Read where the name is assigned once outside the loop, to a
    subtraction, never ordered against anything outside the loop (``if diff < 0``: its sign seen to), the step is its
    only change inside, and the loop has no break or return."""
    for loop, name, end in _inequalities_with_no_exit(tree):
        if not (isinstance(end, ast.Constant) and end.value == 0):
            continue
        inside = {id(n) for n in walk(loop)}
        bound = [n.value for n in nodes_of(tree, ast.Assign) if id(n) not in inside and len(n.targets) == 1
                 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name.id]
        start = bound[0] if len(bound) == 1 else None
        if any(isinstance(n, ast.Compare) and id(n) not in inside and any(isinstance(op, (ast.Lt, ast.Gt, ast.LtE, ast.GtE)) for op in n.ops)
               and name.id in _read(n) for n in walk(tree)):
            continue  # if diff < 0: ...: its sign is seen to before the loop
        writes = _writes(loop, name.id, loop_targets=True)
        step = writes[0] if len(writes) == 1 and isinstance(writes[0], ast.AugAssign) and isinstance(writes[0].op, (ast.Add, ast.Sub)) else None
        if (isinstance(start, ast.BinOp) and isinstance(start.op, ast.Sub) and step is not None and isinstance(step.value, ast.Constant)
                and step.value.value == 1):
            side = "below" if isinstance(step.op, ast.Sub) else "above"
            return (f"the while loop at line {loop.lineno} ({unparsed(loop.test)[:40]}) only steps {name.id} by "
                    f"{'-' if side == 'below' else '+'}1, and {name.id} = {unparsed(start)[:60]} may start {side} 0: then it never ends")
    return None


def _wraps(value: ast.AST, name: str) -> bool:
    """``kennel % total + 1`` or ``(kennel + 1) % total``: the next value round a ring of ``total``."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add) and isinstance(value.left, ast.BinOp) and isinstance(value.left.op, ast.Mod):
        return isinstance(value.left.left, ast.Name) and value.left.left.id == name
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mod) and isinstance(value.left, ast.BinOp) and isinstance(value.left.op, ast.Add):
        return isinstance(value.left.left, ast.Name) and value.left.left.id == name
    return False


def wraps_round_a_full_set(tree: ast.AST) -> Optional[str]:
    """``while kennel in occupied: kennel = kennel % total + 1``: the walk goes round the ring until it finds a free
    value, and when the set holds every one (a full block) it goes round for ever. Read where the loop has no break,
    return or counter of its own, steps the name only round the ring, and nothing in its function measures the set
    (``len(occupied)``) or stops after a lap (``== preferred``)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for loop in nodes_of(function, ast.While):
            test = loop.test
            if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In)
                    and isinstance(test.left, ast.Name) and isinstance(test.comparators[0], ast.Name)):
                continue
            name, taken = test.left.id, test.comparators[0].id
            if any(isinstance(n, (ast.Break, ast.Return, ast.Raise, ast.Yield)) for n in walk(loop)) or len(loop.body) != 1:
                continue
            writes = _writes(loop, name)
            if not (len(writes) == 1 and writes[0] is loop.body[0] and isinstance(writes[0], ast.Assign) and _wraps(writes[0].value, name)):
                continue
            measured = any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "len" and taken in _read(n) for n in walk(function))
            if not measured:
                return (f"the while loop at line {loop.lineno} ({unparsed(test)[:40]}) goes round the ring ({unparsed(writes[0].value)[:30]}) "
                        f"until {name} is not in {taken}: when {taken} holds every one, it goes round for ever")
    return None


def remainder_never_changes(tree: ast.AST) -> Optional[str]:
    """``while short % pack: short += pack``: adding the divisor leaves the remainder as it was, so a loop entered with
    one never ends (rounding up to a multiple adds ``pack - short % pack`` once, or steps by one)."""
    for loop in nodes_of(tree, ast.While):
        test = loop.test
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.NotEq) and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value == 0:
            test = test.left
        if not (isinstance(test, ast.BinOp) and isinstance(test.op, ast.Mod) and isinstance(test.left, ast.Name)):
            continue
        writes = _writes(loop, test.left.id, loop_targets=True)
        if (len(writes) == 1 and isinstance(writes[0], ast.AugAssign) and isinstance(writes[0].op, (ast.Add, ast.Sub))
                and unparsed(writes[0].value) == unparsed(test.right) and not _read(test.right) & _bound_in(loop)
                and not any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in walk(loop))):
            return (f"the while loop at line {loop.lineno} ({unparsed(loop.test)[:40]}) adds {unparsed(test.right)[:20]} to {test.left.id}, "
                    f"which leaves the remainder as it was: entered once, it never ends")
    return None


def _bound_in(loop: ast.AST) -> Set[str]:
    """The plain names the loop assigns: an end that reads one of them may move with the loop."""
    return {t.id for n in nodes_of(loop, (ast.Assign, ast.AugAssign, ast.AnnAssign)) for target in (n.targets if isinstance(n, ast.Assign) else [n.target])
            for t in nodes_of(target, ast.Name)}


def _one_unit(step: ast.AST) -> bool:
    """A step of 1 (or ``timedelta(days=1)``, or ``1 if diff > 0 else -1``): a count or a date walks onto every value,
    the end included."""
    if isinstance(step, ast.Constant):
        return step.value in (1, 1.0)
    if isinstance(step, ast.UnaryOp) and isinstance(step.op, ast.USub):
        return _one_unit(step.operand)
    if isinstance(step, ast.IfExp):
        return _one_unit(step.body) and _one_unit(step.orelse)
    if isinstance(step, ast.Call) and (getattr(step.func, "id", None) or getattr(step.func, "attr", None)) == "timedelta":
        values = [k.value for k in step.keywords] + list(step.args)
        return len(values) == 1 and isinstance(values[0], ast.Constant) and values[0].value == 1
    return False


def follows_itself(tree: ast.AST) -> Optional[str]:
    """``by_id = {row["id"]: row for row in rows}`` then ``while current["parent_id"] is not None: current =
    by_id[current["id"]]``: the row looked up by its own key is the row itself, so the walk never moves
    (``by_id[current["parent_id"]]`` was meant)."""
    indexes = {}
    for node in nodes_of(tree, ast.Assign):
        if (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.DictComp)
                and len(node.value.generators) == 1 and isinstance(node.value.generators[0].target, ast.Name)):
            item = node.value.generators[0].target.id
            key, value = node.value.key, node.value.value
            if (isinstance(value, ast.Name) and value.id == item and isinstance(key, ast.Subscript) and isinstance(key.value, ast.Name)
                    and key.value.id == item and isinstance(key.slice, ast.Constant)):
                indexes[node.targets[0].id] = key.slice.value
    for loop in nodes_of(tree, ast.While):
        for node in nodes_of(loop, ast.Assign):
            if (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Subscript)
                    and isinstance(node.value.value, ast.Name) and node.value.value.id in indexes):
                name, looked_up = node.targets[0].id, node.value.slice
                if (isinstance(looked_up, ast.Subscript) and isinstance(looked_up.value, ast.Name) and looked_up.value.id == name
                        and isinstance(looked_up.slice, ast.Constant) and looked_up.slice.value == indexes[node.value.value.id]
                        and name in _read(loop.test)):
                    return (f"the while loop at line {loop.lineno} sets {name} = {unparsed(node.value)}: the row {node.value.value.id} holds under "
                            f"its own {looked_up.slice.value!r} is {name} itself, so it never moves")
    return None


def climbs_past_the_root(tree: ast.AST) -> Optional[str]:
    """``while hub in parent: hub = parent[hub]`` where the root is its own parent (the instruction says so):
    at the root the lookup gives the root again, and nothing compares the two, so the walk never ends."""
    for loop in nodes_of(tree, ast.While):
        if not (isinstance(loop.test, ast.Compare) and len(loop.test.ops) == 1 and isinstance(loop.test.ops[0], ast.In)
                and isinstance(loop.test.left, ast.Name) and isinstance(loop.test.comparators[0], ast.Name)):
            continue
        name, table = loop.test.left.id, loop.test.comparators[0].id
        steps = [n for n in nodes_of(loop, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == name]
        climbs = any(isinstance(n.value, ast.Subscript) and unparsed(n.value) == f"{table}[{name}]" for n in steps)
        if climbs and len(steps) == 1 and not any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in walk(loop)):
            return f"the while loop at line {loop.lineno} climbs {table}[{name}] while {name} is in {table}: at the root, its own parent, it goes round for ever"
    return _climbs_by_a_field(tree) or _recursion_climbs_past_the_root(tree)


def _climbs_by_a_field(tree: ast.AST) -> Optional[str]:
    """``while current.get("parent") is not None: current = faults[current["parent"]]``: the same climb through a field of
    the record; at the root, whose field names the root, the lookup gives the root again. Read where the loop rebinds the
    name only by that lookup, tests the name in its condition, and never compares it with anything but None."""
    for loop in nodes_of(tree, ast.While):
        if any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for n in walk(loop)):
            continue
        for step in nodes_of(loop, ast.Assign):
            if not (len(step.targets) == 1 and isinstance(step.targets[0], ast.Name) and isinstance(step.value, ast.Subscript)
                    and isinstance(step.value.value, ast.Name) and isinstance(step.value.slice, ast.Subscript)):
                continue
            name = step.targets[0].id
            key = step.value.slice  # faults[current["parent"]]: the record's own field names the next one
            if not (isinstance(key.value, ast.Name) and key.value.id == name and isinstance(key.slice, ast.Constant)):
                continue
            rebinds = [n for n in nodes_of(loop, ast.Assign) for t in n.targets if isinstance(t, ast.Name) and t.id == name]
            compared = any(isinstance(c, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)) for op in c.ops)
                           and any(isinstance(n, ast.Name) and n.id == name for n in walk(c))
                           and not any(isinstance(side, ast.Constant) and side.value is None for side in [c.left, *c.comparators])
                           for c in walk(loop))
            if len(rebinds) == 1 and any(isinstance(n, ast.Name) and n.id == name for n in walk(loop.test)) and not compared:
                return (f"the while loop at line {loop.lineno} climbs {unparsed(step.value)[:50]} while {unparsed(loop.test)[:50]}: at the root, "
                        f"whose {key.slice.value!r} names itself, it goes round for ever")
    return None


def shows_a_root_linked_to_itself(instruction: str) -> bool:
    """A mapping the instruction shows (a fenced JSON or Python block, ``mothers = {...}`` included) links an entry to itself:
    ``"Q1": "Q1"``, or a record under ``"F-100"`` whose field (not its ``id``) is ``"F-100"``."""
    for fence in find_fences(instruction):
        text = fence.code.strip()
        if re.match(r"[A-Za-z_]\w*\s*=\s*\{", text):
            text = text.split("=", 1)[1].strip()
        try:
            value = json.loads(text)
        except ValueError:
            try:
                value = ast.literal_eval(text)
            except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
                continue
        if isinstance(value, dict) and any(k == v or isinstance(v, dict) and any(field != "id" and item == k for field, item in v.items())
                                           for k, v in value.items()):
            return True
    return False


def _recursion_climbs_past_the_root(tree: ast.AST) -> Optional[str]:
    """``parent = parents.get(span); if parent is None: return span; return root_of(parent, parents)``: the recursive
    form of the same climb; at the root, its own parent, the call is the same call again (RecursionError)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        params = [a.arg for a in function.args.args]
        if not params:
            continue
        node = params[0]
        climbed = {n.targets[0].id: n.value for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                   and (isinstance(n.value, ast.Subscript) and unparsed(n.value.slice) == node
                        or isinstance(n.value, ast.Call) and getattr(n.value.func, "attr", None) == "get" and n.value.args and unparsed(n.value.args[0]) == node)}
        compared = any({node} & {unparsed(side) for side in [n.left, *n.comparators]} for n in nodes_of(function, ast.Compare))
        for call in (n for n in nodes_of(function, ast.Call) if getattr(n.func, "id", None) == function.name and n.args):
            if isinstance(call.args[0], ast.Name) and call.args[0].id in climbed and not compared:
                return f"{function.name}() calls itself with {call.args[0].id} = {unparsed(climbed[call.args[0].id])[:30]} (line {call.lineno}): at the root, its own parent, it recurses for ever"
    return None


def settles_after_one_pass(tree: ast.AST) -> Optional[str]:
    """``while current is not None: chain.append(current); current = manager_of.get(employee)``: every name the condition
    reads is set from names the loop never changes, so from the second pass on each pass is the one before, and a loop
    that runs twice runs for ever (``manager_of.get(current)`` was meant). Only plain assignments of pure expressions
    that read some name; loops that may leave otherwise are not judged."""
    fillable = _fresh_containers(tree)
    for loop in nodes_of(tree, ast.While):
        if any(isinstance(n, EXITS) for n in walk(loop)) or not _calls_are_pure(loop.test):
            continue
        condition = _read(loop.test)
        changed = set().union(*(_assigned(statement) for statement in loop.body))
        changed |= {n.func.value.id for n in nodes_of(loop, ast.Call) if isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
                    and n.func.attr not in PURE_METHODS}  # chain.append(current): chain changes
        moved = condition & changed
        if not moved:
            continue
        writes = [n for n in nodes_of(loop, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.NamedExpr, ast.For, ast.Delete)) if _assigned(n) & moved]
        if writes and all(isinstance(w, ast.Assign) and len(w.targets) == 1 and isinstance(w.targets[0], ast.Name) and w.targets[0].id in moved
               and _read(w.value) and not _read(w.value) & changed and _calls_are_pure(w.value, fillable) for w in writes):
            return (f"the while loop at line {loop.lineno} sets {', '.join(sorted(moved))} from names it never changes ({unparsed(writes[0])[:50]}): "
                    f"each pass after the first repeats it, for ever")
    return None


def _fractional_parameters(tree: ast.AST) -> Set[str]:
    """Parameters whose default is a fraction (``step=0.1``): a step of binary fractions."""
    names = set()
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        params = function.args.posonlyargs + function.args.args
        for param, default in zip(params[len(params) - len(function.args.defaults):], function.args.defaults):
            if isinstance(default, ast.Constant) and isinstance(default.value, float) and not default.value.is_integer():
                names.add(param.arg)
    return names


def float_never_equal(tree: ast.AST) -> Optional[str]:
    """``while guess * guess != x: guess = (guess + x / guess) / 2``: Newton's iterate settles on the
    float nearest the root, whose square is seldom exactly ``x``, so the loop goes on for ever; so does
    ``while net_pay(gross) != target: gross += 0.01``, a penny added in binary fractions, and
    ``while level != 0.0: level -= step`` with ``step=0.1`` by default."""
    fractions = _fractional_parameters(tree)
    # A generator's loop with code after it (``yield 0.0`` once the levels are done) is meant to end: its yields are no way out.
    followed = {id(statement) for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) for statement in n.body[:-1]}
    for loop in nodes_of(tree, ast.While):
        if not (isinstance(loop.test, ast.Compare) and len(loop.test.ops) == 1 and isinstance(loop.test.ops[0], ast.NotEq)):
            continue
        exits = list(nodes_of(loop, EXITS))
        if exits and not (id(loop) in followed and all(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in exits)):
            continue
        divided = {t.id for n in nodes_of(loop, ast.Assign) if any(isinstance(d.op, ast.Div) for d in nodes_of(n.value, ast.BinOp))
                   for t in n.targets if isinstance(t, ast.Name)}
        stepped = {n.target.id for n in nodes_of(loop, ast.AugAssign) if isinstance(n.op, (ast.Add, ast.Sub)) and isinstance(n.target, ast.Name)
                   and (isinstance(n.value, ast.Constant) and isinstance(n.value.value, float) and not n.value.value.is_integer()
                        or isinstance(n.value, ast.Name) and n.value.id in fractions)}
        if stepped and _read(loop.test) & stepped and not any(getattr(n.func, "id", None) == "round" for n in nodes_of(loop.test, ast.Call)):
            return (f"the while loop at line {loop.lineno} waits for {unparsed(loop.test)[:40]} to be exactly false while it steps a float by a fraction "
                    f"(0.1 + 0.2 != 0.3): it may never be")
        for side in (loop.test.left, loop.test.comparators[0]):
            if (isinstance(side, ast.BinOp) and isinstance(side.op, (ast.Mult, ast.Pow)) and _read(side) & divided
                    and not any(getattr(n.func, "id", None) == "round" for n in nodes_of(loop.test, ast.Call))):
                return f"the while loop at line {loop.lineno} waits for {unparsed(loop.test)[:40]} to be exactly false, on floats it computes by division: it may never be"
    return None


ITERABLE_TESTS = frozenset({"Iterable", "collections.abc.Iterable", "abc.Iterable", "typing.Iterable"})


def recurses_into_strings(tree: ast.AST) -> Optional[str]:
    """A function that calls itself on every ``Iterable`` item and never sets strings apart: a
    one-character string is an iterable whose only item is itself, so the recursion never ends."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        calls_itself = any(isinstance(n.func, ast.Name) and n.func.id == function.name for n in nodes_of(function, ast.Call))
        checks = [n for n in nodes_of(function, ast.Call) if getattr(n.func, "id", None) == "isinstance" and len(n.args) == 2]
        iterable = any(unparsed(n.args[1]) in ITERABLE_TESTS for n in checks) or any(
            getattr(n.func, "id", None) == "hasattr" and len(n.args) == 2 and isinstance(n.args[1], ast.Constant)
            and n.args[1].value == "__iter__" for n in nodes_of(function, ast.Call))
        strings = any(n.id == "str" for n in nodes_of(function, ast.Name))
        if calls_itself and iterable and not strings:
            return f"{function.name}() recurses into every iterable and never sets strings apart: a string's one-character items are strings, and the recursion never ends"
    return None


def revisits_a_graph(tree: ast.AST) -> Optional[str]:
    """``while queue: node = queue.popleft(); for n in graph[node]: queue.append(n)`` (or ``queue.extend(graph.get(node, []))``)
    with no test of whether ``n`` was seen: on any cycle (every undirected edge is one) the queue never empties."""
    for loop in nodes_of(tree, ast.While):
        if not isinstance(loop.test, ast.Name):
            continue
        frontier = loop.test.id
        popped = any(isinstance(n.func, ast.Attribute) and n.func.attr in ("pop", "popleft")
                     and getattr(n.func.value, "id", None) == frontier for n in nodes_of(loop, ast.Call))
        refilled = any(isinstance(n.iter, (ast.Subscript, ast.Call)) and any(  # every neighbour, no if around it
            isinstance(c, ast.Expr) and isinstance(c.value, ast.Call) and isinstance(c.value.func, ast.Attribute)
            and c.value.func.attr in ("append", "appendleft", "extend") and getattr(c.value.func.value, "id", None) == frontier for c in n.body)
            for n in nodes_of(loop, ast.For)) or any(  # queue.extend(links.get(stop, [])): every neighbour at once
            isinstance(c, ast.Expr) and isinstance(c.value, ast.Call) and isinstance(c.value.func, ast.Attribute) and c.value.func.attr == "extend"
            and getattr(c.value.func.value, "id", None) == frontier and len(c.value.args) == 1 and isinstance(c.value.args[0], (ast.Subscript, ast.Call))
            for c in loop.body)
        checked = any(any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in nodes_of(loop, ast.Compare))
        if popped and refilled and not checked and not any(isinstance(n, EXITS) for n in walk(loop)):
            return f"the while loop at line {loop.lineno} puts every neighbour back on {frontier} without asking whether it was seen: a cycle keeps it full for ever"
    return None


# Methods that change the object they are called on: a recursion that calls one may be moving on.
MUTATING_METHODS = frozenset({"pop", "popleft", "popitem", "append", "appendleft", "extend", "insert", "remove", "add", "discard", "update", "clear",
                              "setdefault", "sort", "reverse", "rotate", "move_to_end", "write", "send", "read", "readline", "readlines", "seek", "put",
                              "difference_update", "intersection_update", "symmetric_difference_update"})


def recurses_unchanged(tree: ast.AST) -> Optional[str]:
    """``return 1 + series_position(isbn, follows)`` inside ``series_position(isbn, follows)``: a function that
    calls itself with its own parameters, in order, none of them ever rebound nor changed (no assignment to
    them, no mutating method, no call that could change them other than pure builtins), and no global
    state: the inner call is the outer one again, so any input that reaches it recurses until the stack
    runs out."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = [a.arg for a in function.args.posonlyargs + function.args.args]
        if not params or function.args.vararg or function.args.kwarg or function.args.kwonlyargs:
            continue
        nodes = [n for statement in function.body for n in walk(statement)]
        if any(isinstance(n, (ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await, ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)) for n in nodes):
            continue
        stored = {n.id for n in nodes if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}
        itself = [n for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == function.name and not n.keywords
                  and len(n.args) == len(params) and all(isinstance(a, ast.Name) and a.id == p for a, p in zip(n.args, params))]
        others = [n for n in nodes if isinstance(n, ast.Call) and not any(n is call for call in itself)]
        changes = any(isinstance(n.func, ast.Attribute) and n.func.attr in MUTATING_METHODS or isinstance(n.func, ast.Name) and n.func.id not in PURE_CALLS
                      and n.func.id != function.name or isinstance(n.func, ast.Attribute) and n.func.attr not in PURE_METHODS
                      and any(isinstance(a, ast.Name) and a.id in params for a in n.args) for n in others)
        mutated = any(isinstance(n, (ast.Subscript, ast.Attribute)) and isinstance(n.ctx, (ast.Store, ast.Del)) for n in nodes)
        if itself and not stored & set(params) and not changes and not mutated:
            return f"{function.name}() calls itself with its own arguments unchanged ({unparsed(itself[0])[:60]}, line {itself[0].lineno}): the call never gets closer to an end"
    return None



def counter_never_counts(tree: ast.AST) -> Optional[str]:
    """``checked = 0`` and a ``while`` loop that compares ``checked`` (``checked < n``, ``if checked == n: return``) while
    nothing ever steps it: the guard that should end the loop when nothing is found never fires."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        zeros = {name for name, value in values_bound_once(function).items()
                 if isinstance(value, ast.Constant) and value.value == 0 and not isinstance(value.value, bool)}
        if not zeros:
            continue
        for loop in (n for n in nodes_of(function, ast.While)):
            for test in (n for n in nodes_of(loop, ast.Compare)):
                frozen = sorted({n.id for n in nodes_of(test, ast.Name) if n.id in zeros})
                if frozen:
                    return (f"{function.name}() compares {frozen[0]} in its loop ({unparsed(test)[:40]}, line {test.lineno}) and never "
                            f"changes it from 0")
    return None


def advances_by_a_find(tree: ast.AST) -> Optional[str]:
    """``blocker = window.find("X")``, ``-1`` sent away, then ``i += blocker`` as the loop's only step: when what is
    searched for starts the window, ``find`` gives 0 and the loop stands still (the step needs ``+ 1``). Not when the
    loop asks whether the position is 0 (``if blocker == 0``, ``if not blocker``) or steps ``i`` another way."""
    for loop in nodes_of(tree, ast.While):
        watched = _read(loop.test)
        found = {}
        for statement in loop.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name) \
                    and isinstance(statement.value, ast.Call) and isinstance(statement.value.func, ast.Attribute) \
                    and statement.value.func.attr in ("find", "index") and len(statement.value.args) == 1:
                found[statement.targets[0].id] = statement
        steps = [n for n in loop.body if isinstance(n, ast.AugAssign) and isinstance(n.op, ast.Add) and isinstance(n.target, ast.Name)
                 and n.target.id in watched and isinstance(n.value, ast.Name) and n.value.id in found]
        for step in steps:
            name, position = step.target.id, step.value.id
            other_writes = [n for n in _writes(loop, name) if n is not step]
            zero_asked = any(isinstance(n, ast.Compare) and position in _read(n) and any(isinstance(c, ast.Constant) and c.value in (0, 1) for c in n.comparators + [n.left])
                             or isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.Not) and _read(n.operand) == {position}
                             or isinstance(n, (ast.If, ast.While, ast.IfExp)) and isinstance(n.test, ast.Name) and n.test.id == position
                             for n in walk(loop))
            if not other_writes and not zero_asked:
                search = found[position]
                return (f"{name} += {position} (line {step.lineno}) is the while loop's only step, and {unparsed(search.value)[:40]} (line {search.lineno}) "
                        f"gives 0 when what it looks for comes first: the loop stands still")
    return None
