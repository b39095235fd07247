"""Branches and inputs that can never matter, two bugs of a model that lost track of what it wrote.

- An ``elif`` whose condition repeats an earlier one of its chain (``if isinstance(x, list): ...
  elif isinstance(x, list): ...``), or bounds a number an earlier one already covers (``if total >= 50:
  ... elif total >= 100:``, tiers checked from the lowest up): the earlier branch always takes the
  case, so the later one never runs. Only conditions without side effects count (no calls but a few pure builtins, no ``:=``,
  no ``await``): between two tests of one chain nothing else runs, so the same expression has the
  same value.
- A condition that is never true: ``and``-joined bounds on one expression that no number meets
  (``if t > 25 and t < 10``, ``0 < x < 0``, ``n == 1 and n == 2``); the branch it guards never runs.
- A parameter overwritten before it is read (``def dedupe(items): items = [1, 1, 2] ...``): the
  caller's value is thrown away, so the function does not do what its signature says. Only
  statements directly in the function's body are followed, in order, up to the first one that reads
  the parameter or binds it in a branch or loop.

- A loop that returns at the end of its first pass (``for ch in s: if counts[ch] == 1: return i``
  then ``return -1`` inside the loop, one indent too deep): its body returns early in a branch and
  then returns again as its last statement, with no ``continue``, so it never reaches its second
  item; so does one whose last statement returns the collection or total the loop fills (``counts[d] = n``
  or ``units += qty``, then ``return counts``), even past a ``continue`` where the loop returns it again after. The "first item" idiom (``for x in items: return x``) has neither and is kept.

- A dict display whose code fills some of its keys by name and never touches one that starts empty
  (``report = {"too_cold": [], "too_hot": [], "ok": 0}`` with no ``report["too_cold"].append``): that part
  of the answer is always empty; so is a list returned as it started beside one the code fills
  (``uncovered = []`` and ``return {"covered": covered, "uncovered": uncovered}``).

- A private helper nothing calls (``def _validate(row):`` and no ``_validate(...)``): its work never happens.
- A new value thrown away: ``current.replace(month=...)`` or ``name.strip()`` as a statement of its own.
- A clamp with its bounds the wrong way round: ``max(min(fee, 100), 1_000)`` is always 1000.
- A part of a parameter unpacked and never read (``b_start, b_end = b`` in an overlap test that reads
  ``b_start`` only): that part of the input cannot change the answer.
- A running total overwritten on every pass (``total = 0`` then ``for item in items: total = qty *
  cost``, ``total`` returned after the loop): the loop never reads what it accumulated, so only the
  last item counts (``+=`` was meant). Only a total started at zero (``0``, ``0.0``, ``Decimal("0")``),
  assigned directly in the loop's body, never read in the loop and read after it.

- A branch that does nothing: ``if seconds < 86400: pass`` with no ``else`` (the model opened the
  case and never wrote it), or a ``pass`` branch of the chain that ends a function whose other
  branches return a value (``else: pass`` after three bands: the last band returns None), or of any
  chain of the function's whose other branches all return (the "crisis" case falls to ``return "normal"``),
  nested in a block too (``if express:`` ... ``else: pass``), or whose other branches all set one entry
  (``labels[name] = ...``): the item of the ``pass`` case gets none.
- A function annotated to return a value (``-> float``, not ``Optional``) that returns one on some paths and
  can reach its end on another (``elif method == "mode": counts = Counter(scores); pass``): that path answers
  None. A last statement that is a loop holding a ``return`` (its last pass returns) is not judged.

- Work the function does and never uses: a container it creates and fills (``per_route = Counter()``,
  then ``per_route[route] += n``; ``unplaced = []``, then ``unplaced.append(ref)``) or a value it
  computes (``multiplier = 1.10 if weekend else 1.0``, ``total += fare``) that nothing reads: the
  answer leaves out what was worked out for it (the key the instruction asked for, the list of
  refused bookings, the weekend surcharge), or the ``return`` was never written.

- A lowest and a highest value tracked from infinities in one ``if``/``elif`` chain (``lo, hi = inf, -inf``,
  then ``if v < lo: lo = v`` ``elif v > hi: hi = v``): the first item sets only ``lo``, so values that only
  fall leave ``hi`` at minus infinity (started from the first item, both are right and ``elif`` is fine).

pyflakes reports none of these (all are valid Python with every name defined; a value assigned and
never read is pyflakes' ``UnusedVariable``, which the static analysis step leaves to the recipe).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import breaks_out_of, children, elif_chain, names_and_values, nodes_of, own_scope_nodes, store_counts, unparsed, values_bound_once, walk

PURE_CALLS = frozenset({"isinstance", "issubclass", "len", "hasattr", "callable", "type", "bool", "int", "float", "str", "abs"})


def _side_effect_free(test: ast.expr) -> bool:
    for node in walk(test):
        if isinstance(node, (ast.Await, ast.NamedExpr, ast.Yield, ast.YieldFrom, ast.Lambda)):
            return False
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in PURE_CALLS):
            return False
    return True


def _one_bound(test: ast.expr) -> Optional[Tuple[str, type, float]]:
    """``(expression, operator, number)`` when ``test`` is a single comparison of an expression with a number."""
    bounds = _bounds(test) if isinstance(test, ast.Compare) and len(test.ops) == 1 else []
    return bounds[0] if len(bounds) == 1 else None


def _covers(earlier: Tuple[str, type, float], later: Tuple[str, type, float]) -> bool:
    """Every value that meets ``later`` meets ``earlier`` (``x >= 50`` covers ``x >= 100``)."""
    if earlier[0] != later[0]:
        return False
    (_, first, a), (_, second, b) = earlier, later
    if second is ast.Eq:
        return {ast.Lt: b < a, ast.LtE: b <= a, ast.Gt: b > a, ast.GtE: b >= a, ast.Eq: b == a}[first]
    if first in (ast.Gt, ast.GtE) and second in (ast.Gt, ast.GtE):
        return b > a or b == a and not (second is ast.GtE and first is ast.Gt)
    if first in (ast.Lt, ast.LtE) and second in (ast.Lt, ast.LtE):
        return b < a or b == a and not (second is ast.LtE and first is ast.Lt)
    return False


def repeated_condition(tree: ast.AST) -> Optional[Tuple[int, int]]:
    """``(line of the branch that never runs, line of the earlier test that takes its every case)``: the
    test repeated, or a bound an earlier one already covers (``if total >= 50: ... elif total >= 100:``,
    tiers checked from the lowest up), or None."""
    for head in nodes_of(tree, ast.If):
        seen, bounds = {}, []
        branch = head
        while True:
            key = ast.dump(branch.test)
            if key in seen and _side_effect_free(branch.test):
                return branch.lineno, seen[key]
            seen.setdefault(key, branch.lineno)
            bound = _one_bound(branch.test) if _side_effect_free(branch.test) else None
            if bound is not None:
                covering = next((line for earlier, line in bounds if _covers(earlier, bound)), None)
                if covering is not None:
                    return branch.lineno, covering
                bounds.append((bound, branch.lineno))
            if len(branch.orelse) == 1 and isinstance(branch.orelse[0], ast.If):  # elif, or else: holding only an if
                branch = branch.orelse[0]
            else:
                break
    return None


def _number(node: ast.expr) -> Optional[float]:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _number(node.operand)
        return None if inner is None else -inner
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value)
    return None


FLIPPED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE, ast.Eq: ast.Eq}


def _bounds(test: ast.expr) -> List[Tuple[str, type, float]]:
    """``(expression, operator, number)`` for every comparison of an expression with a number in
    the ``and``-joined parts of ``test`` (a chain ``a < x < b`` gives two)."""
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    found = []
    for part in parts:
        if not isinstance(part, ast.Compare):
            continue
        operands = [part.left, *part.comparators]
        for left, op, right in zip(operands, part.ops, operands[1:]):
            if type(op) not in FLIPPED:
                continue
            number_left, number_right = _number(left), _number(right)
            if number_right is not None and number_left is None:
                found.append((ast.dump(left), type(op), number_right))
            elif number_left is not None and number_right is None:
                found.append((ast.dump(right), FLIPPED[type(op)], number_left))
    return found


def never_true(test: ast.expr) -> bool:
    """No number meets every bound ``test`` sets on one side-effect-free expression."""
    if not _side_effect_free(test):
        return False
    by_expression: dict = {}
    for expression, op, number in _bounds(test):
        by_expression.setdefault(expression, []).append((op, number))
    for bounds in by_expression.values():
        low, low_strict, high, high_strict = float("-inf"), False, float("inf"), False
        equal = set()
        for op, number in bounds:
            if op is ast.Eq:
                equal.add(number)
            elif op in (ast.Gt, ast.GtE) and (number > low or (number == low and op is ast.Gt)):
                low, low_strict = number, op is ast.Gt
            elif op in (ast.Lt, ast.LtE) and (number < high or (number == high and op is ast.Lt)):
                high, high_strict = number, op is ast.Lt
        if low > high or (low == high and (low_strict or high_strict)) or len(equal) > 1:
            return True
        for value in equal:
            if value < low or value > high or (value == low and low_strict) or (value == high and high_strict):
                return True
    return False


NO_VALUE_ANNOTATIONS = literal_gates.compile(r"\bNone\b|\bOptional\b|\bAny\b|\bobject\b|\bNoReturn\b|\bNever\b|Iterator|Iterable|Generator")


def _always_leaves(statements: List[ast.stmt]) -> bool:
    """Every path through ``statements`` ends in a ``return`` or ``raise`` (or a ``while True`` it never breaks)."""
    for statement in statements:
        if isinstance(statement, (ast.Return, ast.Raise)):
            return True
        if isinstance(statement, ast.If) and statement.orelse and _always_leaves(statement.body) and _always_leaves(statement.orelse):
            return True
        if isinstance(statement, ast.While) and isinstance(statement.test, ast.Constant) and statement.test.value and not breaks_out_of(statement.body):
            return True
        if isinstance(statement, (ast.For, ast.While)) and statement.orelse and _always_leaves(statement.orelse) and not breaks_out_of(statement.body):
            return True
        if isinstance(statement, (ast.With, ast.AsyncWith)) and _always_leaves(statement.body):
            return True
        if isinstance(statement, ast.Try) and (_always_leaves(statement.finalbody) or (_always_leaves(statement.body + statement.orelse)
                                                                                     and all(_always_leaves(h.body) for h in statement.handlers))):
            return True
        if isinstance(statement, ast.Match) and any(isinstance(c.pattern, ast.MatchAs) and c.pattern.pattern is None and c.guard is None for c in statement.cases) \
                and all(_always_leaves(c.body) for c in statement.cases):
            return True
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call) and unparsed(statement.value.func) in ("sys.exit", "exit", "os._exit", "quit"):
            return True
        if isinstance(statement, ast.Assert) and isinstance(statement.test, ast.Constant) and not statement.test.value:
            return True
    return False


def falls_off_the_end(tree: ast.AST, asked_returns: Optional[Dict[str, str]] = None) -> Optional[Tuple[str, int]]:
    """``(function, line)`` of a function annotated to return a value (``-> float``) that returns one on some
    paths and can reach its end on another (``elif method == "mode": counts = Counter(scores); pass``):
    there it answers None. Not read for annotations that allow None, for generators, nor for stubs.
    ``asked_returns``: the annotations the instruction's signatures give by function name
    (``lost_item_charge(price, days_overdue) -> Decimal``), read for the code's functions that have none."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        returns = unparsed(function.returns) if function.returns is not None else (asked_returns or {}).get(function.name)
        if not returns:
            continue
        if NO_VALUE_ANNOTATIONS.search(returns) or any(unparsed(d).split(".")[-1] in ("abstractmethod", "overload", "property") for d in function.decorator_list):
            continue
        own = list(own_scope_nodes(function))
        if any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own) or not any(isinstance(n, ast.Return) and n.value is not None for n in own):
            continue
        last = function.body[-1]
        if isinstance(last, (ast.For, ast.AsyncFor)) and any(isinstance(n, ast.Return) for n in walk(last)):
            continue  # ``for unit in units: if size < 1024 or unit == units[-1]: return ...``: the last pass returns
        if not _always_leaves(function.body):
            return function.name, function.lineno
    return None


def impossible_condition(tree: ast.AST) -> Optional[Tuple[int, str]]:
    """``(line, condition)`` of the first ``if``/``elif``/``while``/conditional expression whose
    condition is never true, or None."""
    for node in nodes_of(tree, (ast.If, ast.While, ast.IfExp)):
        if never_true(node.test):
            return node.test.lineno, unparsed(node.test)
    return None


def _only_pass(body: List[ast.stmt]) -> bool:
    return bool(body) and all(isinstance(n, ast.Pass) for n in body)


def _chain(node: ast.If) -> List[List[ast.stmt]]:
    """The bodies of an ``if``/``elif``/``else`` chain, in order (an empty final ``else`` left out)."""
    chain = elif_chain(node)
    return [branch.body for branch in chain] + ([chain[-1].orelse] if chain[-1].orelse else [])


def _returns_a_value(body: List[ast.stmt]) -> bool:
    last = body[-1] if body else None
    return isinstance(last, ast.Return) and last.value is not None and not (isinstance(last.value, ast.Constant) and last.value.value is None)


def empty_branch(tree: ast.AST) -> Optional[Tuple[int, str]]:
    """``(line, what)`` of the first branch that does nothing: an ``if`` of ``pass`` alone (its test
    binds or awaits nothing), or a ``pass`` branch of a function's closing chain beside branches that
    return a value, or of a chain whose other branches bind what follows reads."""
    if not nodes_of(tree, ast.Pass):
        return None  # each branch found below is a pass
    for node in walk(tree):
        if (isinstance(node, ast.If) and _only_pass(node.body) and not node.orelse
                and not any(isinstance(n, (ast.NamedExpr, ast.Await, ast.Yield, ast.YieldFrom)) for n in walk(node.test))):
            return node.lineno, f"if {unparsed(node.test)[:60]}: pass"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and isinstance(node.body[-1], ast.If):
            bodies = _chain(node.body[-1])
            empty = next((body for body in bodies if _only_pass(body)), None)
            if empty is not None and any(_returns_a_value(body) for body in bodies):
                return empty[0].lineno, f"a branch of pass that ends {node.name}(), whose other branches return a value"
        statements = node.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
        for index, statement in enumerate(statements):
            bodies = _chain(statement) if isinstance(statement, ast.If) else []
            empty = next((body for body in bodies if _only_pass(body)), None)
            others = [body for body in bodies if body is not empty]
            if empty is not None and len(others) >= 2 and all(_returns_a_value(body) for body in others):
                return empty[0].lineno, f"a branch of pass in a chain of {node.name}() whose every other branch returns: its case falls through to what follows"
            unset = _left_unset(node.args, statements[:index], others, statements[index + 1:]) if empty is not None else None
            if unset is not None:
                return empty[0].lineno, f"a branch of pass in a chain of {node.name}() whose other branches set {unset}: its case leaves {unset} unbound for what follows"
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            found = _nested_pass_branch(node)
            if found:
                return found
    return None


def _statement_lists(function: ast.AST) -> List[List[ast.stmt]]:
    """Every block of statements inside a function (a loop's body, a branch, a ``with``), its own body aside."""
    lists = []
    for node in walk(function):
        if node is function or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and block and isinstance(block[0], ast.stmt) and not (field == "orelse" and isinstance(node, ast.If)):
                lists.append(block)
    return lists


def _nested_pass_branch(function: ast.AST) -> Optional[Tuple[int, str]]:
    """A ``pass`` branch of a chain inside a block (``if express:`` ... ``else: pass``) whose two or more other
    branches all return a value, so its case falls through to code written for another; or whose other
    branches all set one entry (``labels[name] = ...``) that nothing set before: that item gets no entry."""
    for block in _statement_lists(function):
        for index, statement in enumerate(block):
            bodies = _chain(statement) if isinstance(statement, ast.If) else []
            empty = next((body for body in bodies if _only_pass(body)), None)
            others = [body for body in bodies if body is not empty]
            if empty is None or len(others) < 2:
                continue
            if all(_returns_a_value(body) for body in others):
                return empty[0].lineno, f"a branch of pass in a chain of {function.name}() whose every other branch returns: its case falls through to what follows"
            entries = [{unparsed(t) for n in body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Subscript)} for body in others]
            for entry in sorted(set.intersection(*entries)):
                if not any(isinstance(t, ast.Subscript) and unparsed(t) == entry for n in block[:index] for t in getattr(n, "targets", [])):
                    return empty[0].lineno, f"a branch of pass in a chain of {function.name}() whose other branches set {entry}: its case leaves no entry"
    return None


def _left_unset(arguments: ast.arguments, before: List[ast.stmt], others: List[List[ast.stmt]], after: List[ast.stmt]) -> Optional[str]:
    """The name every other branch of a chain binds (or leaves by ``raise``/``return``), at least two of
    them, that nothing binds before the chain and a later statement reads: ``days = 365`` ... ``elif
    category == "frozen": pass`` then ``timedelta(days=days)`` raises UnboundLocalError in that case."""
    binding = [body for body in others if not isinstance(body[-1], (ast.Raise, ast.Return))]
    if len(binding) < 2:
        return None
    names = [{t.id for n in body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)} for body in binding]
    for name in sorted(set.intersection(*names)):
        parameter = any(a.arg == name for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs + [arguments.vararg, arguments.kwarg] if a is not None)
        if not parameter and not any(_binds(statement, name) for statement in before) and any(_reads(statement, name) for statement in after):
            return name
    return None


def _reads(node: ast.AST, name: str) -> bool:
    return any(n.id == name and not isinstance(n.ctx, ast.Store) for n in nodes_of(node, ast.Name))


def _binds(target: ast.AST, name: str) -> bool:
    return any(n.id == name and isinstance(n.ctx, ast.Store) for n in nodes_of(target, ast.Name))


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
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
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


def _own_nodes(statements: list):
    """The nodes of ``statements``, not descending into nested functions, classes or loops."""
    stack = list(statements)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda, ast.For, ast.AsyncFor, ast.While)):
            stack.extend(children(node))


def loop_returns_on_first_pass(tree: ast.AST) -> Optional[int]:
    """The line of a ``for`` loop whose body returns in a branch and then returns unconditionally
    as its last statement, with no ``continue``: it never reaches its second item. None if there is none."""
    for loop in nodes_of(tree, (ast.For, ast.AsyncFor)):
        if len(loop.body) < 2 or not isinstance(loop.body[-1], ast.Return):
            continue
        earlier = list(_own_nodes(loop.body[:-1]))
        if any(isinstance(n, ast.Continue) for n in earlier):
            # ``if line["removed"]: continue`` then ``units += line["qty"]; return units``: the first kept item ends
            # it. Only where the same name is returned again after the loop; ``continue`` then ``return x`` is a search.
            if _returns_what_it_fills(loop.body[-1], earlier) and _returned_again_after(tree, loop, loop.body[-1].value.id):
                return loop.lineno
            continue
        if any(isinstance(n, ast.Return) for n in earlier) or _returns_what_it_fills(loop.body[-1], earlier):
            return loop.lineno
    return None


def _returned_again_after(tree: ast.AST, loop: ast.stmt, name: str) -> bool:
    """A statement after ``loop``, in the block that holds it, is ``return name``."""
    for node in walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if isinstance(block, list) and loop in block:
                return any(isinstance(s, ast.Return) and isinstance(s.value, ast.Name) and s.value.id == name for s in block[block.index(loop) + 1:])
    return False


def _returns_what_it_fills(last: ast.Return, earlier: list) -> bool:
    """``counts[driver] = len(stops)`` then ``return counts`` as the loop's last statement: the collection the
    loop fills item by item is handed back after the first."""
    if not isinstance(last.value, ast.Name):
        return False
    name = last.value.id
    for node in earlier:
        if isinstance(node, (ast.Assign, ast.AugAssign)) and any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == name
                                                                 for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
            return True
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and node.target.id == name:
            return True  # ``units += line["qty"]``: a running total
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == name
                and node.func.attr in ("append", "add", "extend", "update", "setdefault", "insert", "appendleft")):
            return True
    return False


ZERO = frozenset({"0", "0.0", "Decimal('0')", "Decimal('0.0')", "Decimal('0.00')", "Decimal(0)"})


def overwritten_total(tree: ast.AST) -> Optional[str]:
    """The first running total a loop overwrites instead of adding to, as ``name = value (line n)``."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        body = function.body
        for index, statement in enumerate(body):
            if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)
                    and unparsed(statement.value) in ZERO):
                continue
            name = statement.targets[0].id
            for position, loop in enumerate(body[index + 1:], start=index + 1):
                if not isinstance(loop, (ast.For, ast.AsyncFor, ast.While)):
                    continue
                in_loop = list(walk(loop))
                if any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for n in in_loop) \
                        or any(isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == name for n in in_loop):
                    break
                sets = [n for n in loop.body if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
                after = any(isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load) for later in body[position + 1:] for n in walk(later))
                if sets and after:
                    return f"{unparsed(sets[0])[:50]} (line {sets[0].lineno})"
                break
    return None


def swapped_clamp(tree: ast.AST) -> Optional[str]:
    """``max(min(fee, 100), 1_000)``: a clamp whose bounds are the wrong way round (the lower bound inside
    ``min``, the upper inside ``max``), so it always gives the outer bound and the value never counts."""
    for node in nodes_of(tree, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id in ("max", "min") and len(node.args) == 2
                and not node.keywords):
            continue
        inner = next((a for a in node.args if isinstance(a, ast.Call) and isinstance(a.func, ast.Name) and a.func.id in ("max", "min")
                      and a.func.id != node.func.id and len(a.args) == 2 and not a.keywords), None)
        outer_bound = _number(next((a for a in node.args if a is not inner), None)) if inner is not None else None
        inner_bounds = [_number(a) for a in inner.args] if inner is not None else []
        if outer_bound is None or [b is None for b in inner_bounds].count(True) != 1:
            continue  # one value and one number inside, a number outside
        inner_bound = next(b for b in inner_bounds if b is not None)
        if (node.func.id == "max" and inner_bound < outer_bound) or (node.func.id == "min" and inner_bound > outer_bound):
            return f"{unparsed(node)} (line {node.lineno}) is always {outer_bound:g}: its bounds are the wrong way round"
    return None


# The name a best-so-far scan keeps its best under: best_ratio, min_cost, highest, top_score.
BEST_NAME = literal_gates.compile(r"best|min|max|lowest|highest|smallest|largest|least|most|fewest|top|peak|record", re.IGNORECASE)


def best_kept_as_another_value(tree: ast.AST) -> Optional[str]:
    """``if ratio < best_ratio: best_ratio = batch["baked"] - batch["sold"]``: a best-so-far scan that compares one
    value and keeps another as the best, so every later item is compared with the wrong thing."""
    for node in nodes_of(tree, ast.If):
        if not (isinstance(node.test, ast.Compare) and len(node.test.ops) == 1
                and isinstance(node.test.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE))
                and isinstance(node.test.left, ast.Name) and isinstance(node.test.comparators[0], ast.Name)):
            continue
        value, best = node.test.left.id, node.test.comparators[0].id
        if not BEST_NAME.search(best):
            continue  # if start >= last_end: last_end = end: an interval's other end moves on, no best is kept
        for statement in node.body:
            if (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id == best and not _reads(statement.value, value) and not isinstance(statement.value, ast.Constant)):
                return (f"if {unparsed(node.test)} (line {node.lineno}) keeps {best} = {unparsed(statement.value)[:40]}, "
                        f"not the {value} it compared: the next item is compared with another value")
    return None


# Methods that make a new value and change nothing: a str's, a date's, a Decimal's.
NEW_VALUE_METHODS = frozenset({
    "replace", "strip", "lstrip", "rstrip", "lower", "upper", "title", "capitalize", "casefold", "swapcase", "zfill", "center", "ljust",
    "rjust", "removeprefix", "removesuffix", "split", "rsplit", "splitlines", "partition", "rpartition", "expandtabs", "translate", "format",
    "isoformat", "strftime", "astimezone", "quantize", "encode", "decode"})


def discarded_new_value(tree: ast.AST) -> Optional[str]:
    """``current.replace(month=current.month + 1)`` or ``name.strip()`` as a statement of its own: the method
    makes a new date or text and changes nothing, so the statement is lost (``current = current.replace(...)``
    was meant). Not read where a path may be in play (``Path.replace`` renames a file) or in a ``try`` body (a
    call made to see whether it raises)."""
    if any(isinstance(n, (ast.Import, ast.ImportFrom)) and any(a.name in ("pathlib", "os", "shutil") or a.name.startswith(("pathlib.", "os."))
                                                              for a in n.names) or getattr(n, "module", None) in ("pathlib", "os", "os.path")
           for n in walk(tree)):
        return None
    probes = {id(n) for t in nodes_of(tree, ast.Try) for n in t.body}
    for node in nodes_of(tree, ast.Expr):
        if (id(node) not in probes and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute) and node.value.func.attr in NEW_VALUE_METHODS
                and not (isinstance(node.value.func.value, ast.Name) and node.value.func.value.id in ("re", "string", "logging", "self", "cls"))):
            return f"{unparsed(node)[:60]} (line {node.lineno}) makes a new value and throws it away"
    return _recursive_result_discarded(tree)


def _recursive_result_discarded(tree: ast.AST) -> Optional[str]:
    """``total_weight(child)`` as a statement of its own inside ``total_weight``, which returns a value it works out from
    locals the call is not given: the sub-result is thrown away (``weight += total_weight(child)`` was meant). A call
    that hands over what the function returns or fills (an accumulator) is left alone."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        own = own_scope_nodes(function)
        returned = [n.value for n in own if isinstance(n, ast.Return) and n.value is not None and not (isinstance(n.value, ast.Constant) and n.value.value is None)]
        if not returned or any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in own):
            continue
        parameters = {a.arg for a in nodes_of(function.args, ast.arg)}
        answer = {n.id for value in returned for n in nodes_of(value, ast.Name)}
        for node in own:
            call = node.value if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) else None
            if call is None or getattr(call.func, "id", None) != function.name:
                continue
            handed = {n.id for a in call.args + [k.value for k in call.keywords] for n in nodes_of(a, ast.Name)}
            if answer and not answer & (handed | parameters):
                return f"{unparsed(call)[:60]} (line {node.lineno}) calls {function.name}() for its answer and throws the answer away"
    return None


def _numbers_of(table: ast.AST) -> Optional[List[float]]:
    """The first fields of a literal list (or tuple) of tuples, when each is a plain number."""
    if not isinstance(table, (ast.List, ast.Tuple)) or len(table.elts) < 3:
        return None
    firsts = [item.elts[0] if isinstance(item, ast.Tuple) and item.elts else None for item in table.elts]
    values = [f.value if isinstance(f, ast.Constant) and isinstance(f.value, (int, float)) and not isinstance(f.value, bool) else None for f in firsts]
    return values if None not in values else None


def first_bound_always_wins(tree: ast.AST) -> Optional[str]:
    """``for lower, name in BANDS: if age >= lower: return name`` over bounds in rising order: any age past a later
    bound is past the first one too, so the first entry is returned for every age and the rest never are (the
    table walked from the top, or ``<`` against upper bounds, is meant). The same for falling bounds and ``<=``."""
    tables = {t.id: node.value for node in nodes_of(tree, ast.Assign) for t in node.targets if isinstance(t, ast.Name)}
    for loop in nodes_of(tree, ast.For):
        if not (isinstance(loop.target, ast.Tuple) and loop.target.elts and isinstance(loop.target.elts[0], ast.Name) and loop.body):
            continue
        table = tables.get(loop.iter.id) if isinstance(loop.iter, ast.Name) else loop.iter
        bounds = _numbers_of(table) if table is not None else None
        first, test = loop.body[0], getattr(loop.body[0], "test", None)
        if not bounds or not isinstance(first, ast.If) or not isinstance(test, ast.Compare) or len(test.ops) != 1 \
                or not any(isinstance(n, (ast.Return, ast.Break)) for n in first.body):
            continue
        bound = loop.target.elts[0].id
        left, op, right = test.left, test.ops[0], test.comparators[0]
        if isinstance(left, ast.Name) and left.id == bound:  # lower <= age reads as age >= lower
            left, right = right, left
            op = {ast.LtE: ast.GtE(), ast.Lt: ast.Gt(), ast.GtE: ast.LtE(), ast.Gt: ast.Lt()}.get(type(op), op)
        if not (isinstance(right, ast.Name) and right.id == bound) or any(n.id == bound for n in nodes_of(left, ast.Name)):
            continue
        rising, falling = bounds == sorted(bounds) and len(set(bounds)) > 1, bounds == sorted(bounds, reverse=True) and len(set(bounds)) > 1
        if rising and isinstance(op, (ast.GtE, ast.Gt)) or falling and isinstance(op, (ast.LtE, ast.Lt)):
            return (f"{unparsed(test)} (line {test.lineno}) over bounds in {'rising' if rising else 'falling'} order ({', '.join(f'{b:g}' for b in bounds[:4])}...): "
                    f"whatever passes a later bound passes the first, so only the first entry is ever chosen")
    return None


# The words of a name that say which end of an interval it is (``a_start``, ``first.end``, ``lo``, ``date_to``).
START_WORD = literal_gates.compile(r"start(?:s|ed|ing)?|begin(?:s|ning)?|from|opens?|opened|lo|low|lower|arrival|since", re.IGNORECASE)
END_WORD = literal_gates.compile(r"ends?|ended|ending|finish(?:es|ed)?|stop|until|to|close[sd]?|hi|high|higher|departure", re.IGNORECASE)


def _interval_side(node: ast.AST) -> Optional[Tuple[str, str]]:
    """``("start", "a")`` for ``a_start`` (or ``a.start``, ``a["start"]``): which end of which interval."""
    text = unparsed(node)
    name = re.sub(r"[\W]+", "_", text).strip("_")
    for word, pattern in (("start", START_WORD), ("end", END_WORD)):
        for part in name.split("_"):
            if pattern.fullmatch(part):
                rest = "_".join(p for p in name.split("_") if p != part)
                return word, rest
    return None


def overlap_always_true(tree: ast.AST) -> Optional[str]:
    """``a_start <= b_end or b_start <= a_end``: of two intervals one always starts before the other ends, so
    the test holds for any two (``and`` is meant: each starts before the other ends)."""
    for node in nodes_of(tree, ast.BoolOp):
        if not (isinstance(node.op, ast.Or) and len(node.values) == 2
                and all(isinstance(v, ast.Compare) and len(v.ops) == 1 for v in node.values)):
            continue
        pairs = []
        for compare in node.values:
            left, op, right = compare.left, compare.ops[0], compare.comparators[0]
            if isinstance(op, (ast.GtE, ast.Gt)):
                left, right = right, left
            elif not isinstance(op, (ast.LtE, ast.Lt)):
                break
            pairs.append((_interval_side(left), _interval_side(right)))
        if len(pairs) != 2 or any(None in pair for pair in pairs):
            continue
        (s1, e2), (s2, e1) = pairs
        if s1[0] == s2[0] == "start" and e1[0] == e2[0] == "end" and s1[1] == e1[1] and s2[1] == e2[1] and s1[1] != s2[1]:
            return f"{unparsed(node)[:60]} (line {node.lineno}) holds for any two intervals: one always starts before the other ends (and is meant)"
    return None


def unread_parts(tree: ast.AST) -> List[str]:
    """``part of parameter`` for each name a function unpacks from a parameter at its top level
    (``b_start, b_end = b``), or from each item of one in a loop (``for start, end in busy``), and never
    reads: that part of the input cannot change the answer.
    ``_``-names are unpacked to be dropped."""
    found = []
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        read = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Load)}
        if "locals" in read or "vars" in read:
            continue
        for statement in function.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Tuple) \
                    and isinstance(statement.value, ast.Name) and statement.value.id in params:
                found += [f"{e.id} of {statement.value.id}" for e in statement.targets[0].elts
                          if isinstance(e, ast.Name) and e.id not in read and not e.id.startswith("_")]
        for loop in nodes_of(function, ast.For):  # for busy_start, busy_end in busy: ... busy_end never read
            if isinstance(loop.iter, ast.Name) and loop.iter.id in params and isinstance(loop.target, ast.Tuple):
                found += [f"{e.id} of each item of {loop.iter.id}" for e in loop.target.elts
                          if isinstance(e, ast.Name) and e.id not in read and not e.id.startswith("_")]
    return found


# Calls that make a new, empty or filled, container: what a name bound to one holds belongs to the function alone.
FRESH_CONTAINERS = frozenset({"Counter", "defaultdict", "dict", "list", "set", "deque", "OrderedDict"})
# Methods that put something into the container they are called on.
FILLING_METHODS = frozenset({"append", "add", "extend", "update", "insert", "appendleft", "extendleft", "setdefault"})


def _fresh(value: ast.AST) -> bool:
    """A new container: a display, a comprehension, or a call of :data:`FRESH_CONTAINERS`."""
    return isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
        isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in FRESH_CONTAINERS)


def _filled_receivers(function: ast.AST) -> set:
    """ids of the Name nodes that are only the container something is put into: ``x[k] = v``,
    ``x[k] += v``, ``del x[k]``, ``x.append(v)``, ``heapq.heappush(x, v)``, and through keys (``x[k].append(v)``, ``x[k][j] += 1``)."""
    receivers = set()

    def base(node: ast.AST) -> ast.AST:  # by_gallery[g][grade]: the container under the keys
        while isinstance(node, ast.Subscript) and isinstance(node.slice, (ast.Name, ast.Constant, ast.Subscript, ast.Attribute)):
            node = node.value
        return node

    for node in nodes_of(function, (ast.Subscript, ast.AugAssign, ast.Expr)):
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, (ast.Store, ast.Del)) and isinstance(base(node), ast.Name):
            receivers.add(id(base(node)))
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Subscript) and isinstance(base(node.target), ast.Name):
            receivers.add(id(base(node.target)))
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute):
            call = node.value
            if call.func.attr in FILLING_METHODS and isinstance(base(call.func.value), ast.Name):  # poor[gallery].append(...)
                receivers.add(id(base(call.func.value)))
            elif call.func.attr == "heappush" and call.args and isinstance(call.args[0], ast.Name):
                receivers.add(id(call.args[0]))
    return receivers


# Calls that only compute a value from their arguments: a result of theirs that nothing reads was lost.
PURE_FUNCTIONS = PURE_CALLS | {"sorted", "dict", "list", "tuple", "set", "frozenset", "sum", "min", "max", "round", "zip", "enumerate", "range",
                                "map", "filter", "reversed", "any", "all", "divmod", "pow"}
READING_METHODS = frozenset({"items", "keys", "values", "get", "copy", "strip", "lstrip", "rstrip", "lower", "upper", "title", "split", "join",
                             "replace", "date", "time", "total_seconds", "isoformat", "strftime", "format", "count", "index", "startswith", "endswith"})


def _pure(value: ast.AST) -> bool:
    """An expression whose calls only compute (:data:`PURE_FUNCTIONS`, :data:`READING_METHODS`)."""
    for node in walk(value):
        if isinstance(node, (ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)):
            return False
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in PURE_FUNCTIONS
                                               or isinstance(node.func, ast.Attribute) and node.func.attr in READING_METHODS):
            return False
    return True


def lost_work(tree: ast.AST) -> Optional[str]:
    """The first local that a function fills or computes and never reads (see the module's docstring):
    a new container filled, or a value computed by a function that returns one, or by one that returns
    nothing when the value is only computed (:func:`_pure`: ``result = dict(sorted(extremes.items()))``
    as its last line, the ``return`` never written). Only names bound by plain assignments of their own
    (``x = ...``, ``x: T = ...``, ``x += ...``) count: loop, ``with``, ``except`` and unpacking targets are left alone (``for _, v in``
    idioms), and so are names a nested scope could share (``global``, ``nonlocal``) and functions that
    read their namespace (``locals()``). A name that may hold someone else's object (``node =
    node.setdefault(ch, {})`` then ``node["$"] = True``, a trie's walk) is filled for its owner, so a
    filled name counts only when every value it is given is a new container."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        own = list(own_scope_nodes(function))
        answers = any(isinstance(n, ast.Return) and n.value is not None and not (isinstance(n.value, ast.Constant) and n.value.value is None) for n in own)
        names = list(nodes_of(function, ast.Name))
        if any(n.id in ("locals", "vars", "eval", "exec") for n in names):
            continue
        other_bindings = {a.arg for a in nodes_of(function.args, ast.arg)}
        for node in nodes_of(function, (ast.Global, ast.Nonlocal)):
            other_bindings.update(node.names)
        values: dict = {}
        order: List[str] = []
        for node in own:
            if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name):
                        if target.id not in values:
                            order.append(target.id)
                        values.setdefault(target.id, []).append(None if isinstance(node, ast.AugAssign) else node.value)
                    else:
                        other_bindings.update(n.id for n in nodes_of(target, ast.Name) if isinstance(n.ctx, ast.Store))
            elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
                other_bindings.update(n.id for n in nodes_of(node.target, ast.Name))
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                other_bindings.update(n.id for n in nodes_of(node.optional_vars, ast.Name))
            elif isinstance(node, ast.ExceptHandler) and node.name:
                other_bindings.add(node.name)
            elif isinstance(node, ast.NamedExpr):
                other_bindings.add(node.target.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                other_bindings.update((a.asname or a.name).split(".")[0] for a in node.names)
        receivers = _filled_receivers(function)
        for name in order:
            if name.startswith("_") or name in other_bindings:
                continue
            uses = [n for n in names if n.id == name and not isinstance(n.ctx, ast.Store)]
            if any(id(n) not in receivers for n in uses):
                continue
            given = [v for v in values[name] if v is not None]
            if uses and not (given and all(_fresh(v) for v in given)):
                continue  # filled, but perhaps someone else's object
            if not uses and not answers and not all(v is None or _pure(v) for v in values[name]):
                continue  # a function that answers nothing may keep a call's result for its effect (``resp = requests.post(...)``)
            if not uses and all(isinstance(v, ast.Constant) for v in values[name]) and len({repr(v.value) for v in values[name]}) < 2:
                continue  # a setting written out and not used (``token = "..."``, ``DEBUG = True``): nothing was worked out (``status = "OK"`` in one
                # branch and ``"DISCARD"`` in another is a decision made, then lost)
            what = "fills" if uses else "computes"
            return f"{function.name}() {what} {name} (line {next(n.lineno for n in names if n.id == name)}) and never uses it"
    return None


def _infinity(node: ast.AST) -> int:
    """+1 for ``float("inf")``/``math.inf``, -1 for their negations, 0 otherwise."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float" and len(node.args) == 1 and isinstance(node.args[0], ast.Constant) \
            and isinstance(node.args[0].value, str) and node.args[0].value.strip().lower() in ("inf", "+inf", "-inf", "infinity", "-infinity"):
        return -sign if node.args[0].value.strip().startswith("-") else sign
    if isinstance(node, ast.Attribute) and node.attr == "inf" or isinstance(node, ast.Name) and node.id == "inf":
        return sign
    return 0


def _tracks(test: ast.AST, body: List[ast.stmt]) -> Optional[Tuple[str, str, str]]:
    """``(tracker, "low" | "high", value source)`` of ``if v < lo: lo = v`` (or ``lo > v``, ``>``/``>=`` for high)."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1 and len(body) == 1 and isinstance(body[0], ast.Assign)
            and len(body[0].targets) == 1 and isinstance(body[0].targets[0], ast.Name)):
        return None
    tracker = body[0].targets[0].id
    left, op, right = test.left, test.ops[0], test.comparators[0]
    if isinstance(right, ast.Name) and right.id == tracker:
        value, low = left, isinstance(op, (ast.Lt, ast.LtE))
    elif isinstance(left, ast.Name) and left.id == tracker:
        value, low = right, isinstance(op, (ast.Gt, ast.GtE))
    else:
        return None
    if not isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) or ast.dump(value) != ast.dump(body[0].value):
        return None
    return tracker, "low" if low else "high", unparsed(value)


def extremes_from_infinity_by_elif(tree: ast.AST) -> Optional[str]:
    """``if v < lo: lo = v elif v > hi: hi = v`` with ``lo`` started at infinity and ``hi`` at minus infinity
    (see the module's docstring)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        start = {}
        for node in own_scope_nodes(function):
            for name, given in names_and_values(node):
                start.setdefault(name, _infinity(given))  # the first value it is given
        for node in own_scope_nodes(function):
            if not (isinstance(node, ast.If) and len(node.orelse) == 1 and isinstance(node.orelse[0], ast.If)):
                continue
            first, second = _tracks(node.test, node.body), _tracks(node.orelse[0].test, node.orelse[0].body)
            if not first or not second or first[2] != second[2] or {first[1], second[1]} != {"low", "high"}:
                continue
            low, high = (first, second) if first[1] == "low" else (second, first)
            if start.get(low[0]) == 1 and start.get(high[0]) == -1:
                skipped = second[0]
                return (f"{function.name}() starts {low[0]} at infinity and {high[0]} at minus infinity and updates them in one if/elif (line {node.lineno}): "
                        f"the first item never reaches the elif, so {skipped} keeps its infinity when the values only {'fall' if skipped == high[0] else 'rise'}")
    return None


def _empty_value(node: ast.expr) -> bool:
    """``0``, ``0.0``, ``None``, ``""``, ``[]``, ``{}``, ``()`` or ``set()``/``list()``/``dict()``/``Counter()`` with no argument."""
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, bool) and node.value in (0, None, "")
    if isinstance(node, (ast.List, ast.Set, ast.Tuple)):
        return not node.elts
    if isinstance(node, ast.Dict):
        return not node.keys
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("set", "list", "dict", "Counter", "defaultdict") and not node.args and not node.keywords


def never_filled_key(tree: ast.AST) -> Optional[Tuple[str, str, str, str]]:
    """``(function, dict, key, a key it fills)`` of a dict display with text keys (``report = {"too_cold": [], "too_hot": [],
    "ok": 0}``) whose code fills some keys by name (``report["too_hot"].append(...)``, ``report["ok"] += 1``) and never
    touches one that starts empty: that part of the answer is empty (or 0) whatever the input. Not read when the dict
    is read by a computed key, handed to a call, updated as a whole or bound again."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        nodes = list(walk(function))
        for node in nodes:
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Dict)):
                continue
            name, keys = node.targets[0].id, node.value.keys
            if len(keys) < 2 or not all(isinstance(k, ast.Constant) and isinstance(k.value, str) for k in keys):
                continue
            used, opaque = [], False
            for n in nodes:
                if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == name:
                    if isinstance(n.slice, ast.Constant):
                        used.append((n.lineno, n.col_offset, n.slice.value))
                    else:
                        opaque = True  # report[kind].append(...): which key is filled is computed
                elif isinstance(n, ast.Call) and any(isinstance(a, ast.Name) and a.id == name for a in [*n.args, *(k.value for k in n.keywords)]):
                    opaque = True
                elif isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == name:
                    opaque = True  # report.update(...), report.get(key), report.items()
                elif isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store) and n is not node.targets[0]:
                    opaque = True
            filled = [key for _, _, key in sorted(used)]  # in the order the code writes them
            never = [k.value for k, v in zip(keys, node.value.values) if _empty_value(v) and k.value not in filled]
            if never and filled and not opaque:
                return function.name, name, never[0], filled[0]
    return None



def _root_name(node: ast.expr) -> Optional[str]:
    """The name a chain of subscripts starts from: ``summary`` of ``summary[court][severity]``."""
    while isinstance(node, ast.Subscript):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def returned_never_filled(tree: ast.AST) -> Optional[Tuple[str, str, str]]:
    """``(function, empty, filled)`` for a function that returns an empty collection it never touches beside one it fills
    (``covered = {}``, ``uncovered = []``, a loop that fills ``covered``, ``return {"covered": covered, "uncovered":
    uncovered}``): that part of the answer is empty whatever the input. Read only for a name bound once to an empty
    list, dict or set whose one use is in the ``return`` itself, next to a name the function fills."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        nodes = list(walk(function))
        returns = [n for n in nodes if isinstance(n, ast.Return) and isinstance(n.value, (ast.Dict, ast.Tuple, ast.List))]
        if not returns:
            continue  # no collection returned beside another: nothing below can be found
        in_returns = {id(n) for r in returns for n in walk(r.value)}
        bound = dict(values_bound_once(function))
        stores = store_counts(function)  # ``flagged: list[str] = []`` binds once too
        bound.update({n.target.id: n.value for n in nodes if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and n.value is not None
                      and stores[n.target.id] == 1})
        empties = {name for name, value in bound.items() if _empty_value(value) and not isinstance(value, (ast.Constant, ast.Tuple))}
        filled = {n.func.value.id for n in nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in FILLING_METHODS
                  and isinstance(n.func.value, ast.Name)}
        filled |= {_root_name(t) for n in nodes if isinstance(n, (ast.Assign, ast.AugAssign))  # covered[slot] = ..., summary[court][severity] += 1
                   for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Subscript) and _root_name(t)} - {None}
        computed = {name for name, value in bound.items() if not _empty_value(value) and any(isinstance(v, ast.Name) and v.id in filled for v in walk(value))}
        for name in sorted(empties - filled):
            loads = [n for n in nodes if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
            if not loads or not all(id(n) in in_returns for n in loads):
                continue
            beside = next((r for r in returns if any(n.id == name for n in nodes_of(r.value, ast.Name))), None)
            # beside a name it fills, or one it computes from what it fills (``by_court = {... for ... in summary.items()}``)
            partner = next((n.id for n in nodes_of(beside.value, ast.Name) if n.id in filled & empties or n.id in computed), None) if beside else None
            if partner:
                return function.name, name, partner
    return None


def helper_never_called(tree: ast.AST) -> Optional[str]:
    """A private helper the module defines (``def _validate(row):``) and nothing calls, names or quotes: the work it does
    (the validation the instruction asks for, a rounding step) never happens. Not a decorated function (a registry,
    a property) nor a dunder."""
    used = {n.id for n in walk(tree) if isinstance(n, ast.Name)} | {n.attr for n in walk(tree) if isinstance(n, ast.Attribute)}
    quoted = " ".join(n.value for n in walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("_") and not node.name.startswith("__") \
                and not node.decorator_list and node.name not in used and node.name not in quoted:
            return node.name, node.lineno
    return None
