"""Statements that raise whenever they run, whatever the input: code that cannot work.

A small model writes ``return len(text) + len(None)`` or ``cols = len(rows)`` followed by
``for i in cols``. Both are valid Python with every name defined, and without tests nothing runs
them. Two patterns, neither of which pyflakes reports:

- An operation on literals alone that raises when evaluated: a pure builtin called with literal
  arguments (``len(None)``, ``int("abc")``, ``max([])``), an operator between two literals
  (``None + 1``, ``"a" - 1``), a literal indexed (``None[0]``). It is evaluated here, with only
  those builtins, so the verdict is Python's own.
- A local name that only ever holds a number (every binding in its function is ``len(...)``, an
  int or float literal, ``int(...)``, arithmetic of these) used as a container: iterated
  (``for i in cols``, a comprehension), indexed (``cols[0]``), tested with ``in`` or passed to
  ``len``, ``sorted``, ``list``... A number is never iterable.
- A local that only ever holds one builtin kind (every binding a literal, comprehension or
  constructor of it: ``out = ""``, ``seen = {}``; or a parameter annotated ``counts: dict``) whose
  attribute that kind lacks is looked up: ``out.append(x)`` on a string, ``counts.sort_by_value()``,
  ``s.reverse()`` on ``s: str``; a method of its kind called with a keyword it does not take
  (``readings.sort(reversed=True)`` on ``readings: list``). The same of a value used where it is made: ``bin(n).hex()`` (a
  string has no ``hex``), ``line.split(",").strip()`` (a list has no ``strip``).

- A builtin called with a keyword it does not take: ``sorted(items, reversed=True)``
  (:func:`wrong_keyword`, from the builtin's own signature).
- ``xs[i + 1]`` read with ``i`` over every index of ``xs`` and nothing testing ``i``: past the end at the
  last one (:func:`past_the_end`), as ``if i + 1 <= len(xs): xs[i + 1]`` and a ``while`` loop that steps ``i``
  through what its test reads with nothing to stop it at the end; an attribute a date, or a difference of two date parameters, lacks
  (``remaining.weeks``: :func:`date_attribute`).
- A field of a frozen dataclass or a ``NamedTuple`` assigned in one of its methods (``self.end = new_end``:
  :func:`frozen_field_assigned`).
- A coroutine never awaited: ``asyncio.sleep(1)`` as a statement, or ``results =
  asyncio.gather(...)`` then ``sorted(results)`` (:func:`never_awaited`).
- ``int(text.partition("*")[1])``: the middle of a partition is the separator, never a number
  (:func:`separator_as_a_number`).
- ``grid[nr][nc] != "#" and 0 <= nr < rows``: an ``and`` that reads by an index before the test of its
  bounds that should guard the read: past an edge it raises, or wraps round to the other side for -1
  (:func:`read_before_its_bounds`).
- A function that calls itself on every path (``def sum_digits(n): return n % 10 + sum_digits(n // 10)``,
  no ``if`` to stop it): every call ends in RecursionError (:func:`endless_recursion`).
- A method a standard object does not have, on an object the code makes in plain sight:
  ``Path(path).read_lines()`` (:mod:`hfsynth.curate.stdlib_objects`).
- A method no Python type has (``line.contains("x")``, ``d.has_key(k)``: :func:`foreign_method`),
  and a standard function called with arguments its signature cannot take (``random.randint(6)``:
  :func:`wrong_module_call`). ``words = text.split()`` is a list, so ``words.lower()`` raises too.

- Items taken in a shape they never have: ``for name, balance, apr in debts.items()``, numbers
  joined as text, ``grid[i + 1]`` under a guard that lets the last ``i`` through
  (:mod:`hfsynth.curate.item_shapes`).

- Ordinary input the code cannot take: ``nxt = i + 1 if i < len(xs) else 0`` over ``range(len(xs))`` (the wrap
  never happens: :func:`_wrap_never_taken`); ``tokens[i + 1] if tokens[i + 1] else None`` stepping by 2 (an
  odd length: :func:`_odd_tail_read`); ``dict.fromkeys(keys)`` grown with ``+=`` (every value None:
  :func:`none_values_grown`); ``max(e.get("bonus"), 0)`` (a missing key: :func:`missing_key_as_a_number`); a
  walk that looks up ``graph[station]`` where only links' origins are keys (:func:`sinks_looked_up`); a heap of
  ``(fee, session)`` over records that cannot be ordered; a deque's ``pop(0)`` (a standard object's method
  called with a count of arguments it never takes: :func:`~hfsynth.curate.stdlib_objects.wrong_arity`); one
  timestamp of a record parsed and its twin subtracted raw (:func:`~hfsynth.curate.stdlib_objects.twin_left_unparsed`);
  ``Counter(...).most_common(k).items()``.

Statements in a ``try`` body, a ``with`` body (``with pytest.raises(TypeError): len(None)``) other
than that of a plain resource (``with open(path) as f:``), and lambdas are not judged: there the error
may be the point.
"""

from __future__ import annotations

import ast
import builtins
import decimal
import fractions
import inspect
import types
import warnings
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Iterator, List, Optional, Set, Tuple

from hfsynth.curate.item_shapes import (dict_items_read_as_attributes, dicts_ordered_by_themselves, next_index_let_through, none_items_read, numbers_joined,
                                        pair_as_a_number, records_as_keys, records_by_their_fields, records_compared_on_ties, records_of_typed_lists,
                                        texts_summed, tuple_item_assigned, tuple_items_read_by_name, wrong_unpacking)
from hfsynth.curate.python_ast import GUARDED, SCOPES, bound_names, children, imports_only_stdlib, kept_walk, nodes_of, own_scope_nodes, preorder, store_counts, unparsed, walk
from hfsynth.curate.stdlib_objects import decimal_with_float, decimals_into_json, integer_format_of_a_float, missing_method, mixed_dates, twin_left_unparsed, wrong_arity

# Pure builtins that are safe to call on literals here: no I/O, bounded work on bounded input.
PURE_BUILTINS = {
    name: getattr(builtins, name)
    for name in ("len", "int", "float", "sum", "min", "max", "sorted", "list", "tuple", "set", "dict", "iter", "abs", "round", "chr", "ord", "divmod", "range", "bool", "str", "reversed")
}
OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.BitAnd, ast.BitOr, ast.BitXor, ast.LShift, ast.RShift)
# Context managers that expect or swallow an error (``pytest.raises``, ``contextlib.suppress``): their body may fail on purpose.
EXPECTING = frozenset({"raises", "assertRaises", "assertRaisesRegex", "suppress", "warns", "assertWarns", "assertWarnsRegex", "catch_warnings", "deprecated_call", "ExitStack"})


def _expects_errors(node: ast.AST) -> bool:
    """A ``with`` whose context manager expects or swallows an error, or one the code defines (it may do either)."""
    if not isinstance(node, (ast.With, ast.AsyncWith)):
        return False
    for item in node.items:
        call = item.context_expr.func if isinstance(item.context_expr, ast.Call) else item.context_expr
        name = call.attr if isinstance(call, ast.Attribute) else getattr(call, "id", "")
        if name in EXPECTING or name not in ("open", "lock", "Lock", "RLock", "TemporaryDirectory", "NamedTemporaryFile", "connect", "Session", "Pool", "ThreadPoolExecutor", "ProcessPoolExecutor", "urlopen", "closing", "redirect_stdout", "cd", "scandir"):
            return True
    return False


def _literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return not isinstance(node.value, (str, bytes)) or len(node.value) <= 1000
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        return len(node.elts) <= 100 and all(_literal(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return len(node.keys) <= 100 and all(k is not None and _literal(k) and _literal(v) for k, v in zip(node.keys, node.values))
    return False


def _small_number(node: ast.expr) -> bool:
    """No literal number big enough to make ``range``/``<<``/``*`` work long here."""
    return all(not (isinstance(n, ast.Constant) and isinstance(n.value, (int, float)) and abs(n.value) > 10_000) for n in walk(node))


def rebound_names(tree: ast.AST) -> Set[str]:
    """Every name the code binds anywhere (``def sum(a, b)``, ``max = 3``, ``from x import len``, a
    parameter, a ``del``): such a builtin is the code's own, not Python's."""
    return bound_names(tree) | {n.arg for n in nodes_of(tree, ast.arg)} | {
        n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, ast.Del)
    }


def _raises(node: ast.expr, rebound: Set[str]) -> Optional[str]:
    """The exception's class name when this operation on literals raises, else None."""
    if isinstance(node, ast.Call):
        if not (isinstance(node.func, ast.Name) and node.func.id in PURE_BUILTINS and node.func.id not in rebound) or node.keywords or not node.args:
            return None
        if not all(_literal(a) for a in node.args):
            return None
    elif isinstance(node, ast.BinOp):
        if not (isinstance(node.op, OPERATORS) and _literal(node.left) and _literal(node.right)):
            return None
    elif isinstance(node, ast.Subscript):
        if not (_literal(node.value) and _literal(node.slice)):
            return None
    else:
        return None
    if not _small_number(node):
        return None
    try:
        with warnings.catch_warnings():  # "perhaps you missed a comma?" on None[0]: the verdict is the error, not the warning
            warnings.simplefilter("ignore")
            eval(compile(ast.Expression(body=node), "<literal>", "eval"), {"__builtins__": PURE_BUILTINS})  # noqa: S307 - literals and pure builtins only
    except ZeroDivisionError:  # ``1 / 0`` is written on purpose, to show an error being handled
        return None
    except Exception as exc:  # noqa: BLE001 - any other exception is the verdict
        return type(exc).__name__
    return None


def _walk_unguarded(node: ast.AST, name: Optional[str] = None) -> Iterable[ast.AST]:
    """Every node below ``node``, not entering try bodies, lambdas, nor ``with`` bodies but those of plain
    resources (``open``, locks, pools: :func:`_expects_errors`). With ``name``: only where
    ``name`` means the same variable (not in nested functions or classes, nor in a comprehension
    that binds it)."""
    if name is None:
        return kept_walk(node, _unguarded_nodes)
    return [child for child, bound in kept_walk(node, _unguarded_scope_nodes) if name not in bound]


def _unguarded_nodes(node: ast.AST) -> List[ast.AST]:
    return preorder(node, GUARDED, _expects_errors)


def _unguarded_scope_nodes(node: ast.AST) -> List[Tuple[ast.AST, FrozenSet[str]]]:
    """The unguarded nodes of ``node``'s own namespace, each with the names that the comprehensions around it (itself
    included) bind: walked once per scope, then read for each of its names (:func:`_walk_unguarded`)."""
    found: List[Tuple[ast.AST, FrozenSet[str]]] = []
    stack = [(node, frozenset())]
    while stack:  # depth first, each node before its children
        current, bound = stack.pop()
        if current is not node:
            found.append((current, bound))
        for child in reversed(children(current)):
            if isinstance(child, GUARDED) or _expects_errors(child) or isinstance(child, SCOPES[:3]):
                continue
            if isinstance(child, COMPREHENSIONS):
                stack.append((child, bound | {n.id for g in child.generators for n in nodes_of(g.target, ast.Name)}))
            else:
                stack.append((child, bound))
    return found


NUMBER = "number"  # int or float: what len(), int() and arithmetic give
KINDS = {"list": list, "dict": dict, "set": set, "str": str, "tuple": tuple, "bytes": bytes,
         "dict_items": type({}.items()), "dict_keys": type({}.keys()), "dict_values": type({}.values())}  # a dict's views: no sort, no append
KIND_CALLS = {"len": NUMBER, "int": NUMBER, "float": NUMBER, "ord": NUMBER, "list": "list", "sorted": "list", "dict": "dict", "set": "set",
              "str": "str", "repr": "str", "chr": "str", "bin": "str", "hex": "str", "oct": "str", "ascii": "str", "format": "str",
              "tuple": "tuple"}  # builtins that always return that kind (abs, round of an array do not)
STR_TO_STR = frozenset({"lower", "upper", "strip", "lstrip", "rstrip", "title", "capitalize", "casefold", "replace", "swapcase", "zfill", "center", "ljust", "rjust"})
ANNOTATIONS = {"list": "list", "List": "list", "dict": "dict", "Dict": "dict", "set": "set", "Set": "set", "str": "str", "tuple": "tuple",
               "Tuple": "tuple", "bytes": "bytes", "int": NUMBER, "float": NUMBER}


def value_kind(node: Optional[ast.expr], known: Dict[str, str], rebound: Set[str]) -> Optional[str]:
    """The one builtin kind this expression always has (``NUMBER``, ``"list"``, ``"str"``...), or None."""
    if isinstance(node, ast.Constant):
        if isinstance(node.value, bool) or node.value is None or node.value is Ellipsis:
            return None
        return NUMBER if isinstance(node.value, (int, float)) else type(node.value).__name__ if type(node.value).__name__ in KINDS else None
    if isinstance(node, ast.JoinedStr):
        return "str"
    for node_types, kind in (((ast.List, ast.ListComp), "list"), ((ast.Dict, ast.DictComp), "dict"), ((ast.Set, ast.SetComp), "set"), ((ast.Tuple,), "tuple")):
        if isinstance(node, node_types):
            return kind
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        method, receiver = node.func.attr, node.func.value
        owner = unparsed(receiver)
        if method in ("split", "splitlines", "rsplit") and owner not in ("os.path", "posixpath", "ntpath") and not owner.endswith(".str"):
            return "list"  # str.split, bytes.split, re.split: a list (not os.path.split's pair, nor pandas' .str.split)
        if method == "join" and isinstance(receiver, ast.Constant) and isinstance(receiver.value, str):
            return "str"
        if method == "most_common" and len(node.args) <= 1 and not node.keywords and "most_common" not in rebound:
            return "list"  # Counter.most_common(k): a list of pairs, not a dict
        if method in STR_TO_STR and value_kind(receiver, known, rebound) == "str":
            return "str"
        if method in ("items", "keys", "values") and not node.args and value_kind(receiver, known, rebound) == "dict":
            return f"dict_{method}"  # items = prices.items(): a view, not a list
        if method == "copy" and not node.args and value_kind(receiver, known, rebound) in ("list", "dict", "set"):
            return value_kind(receiver, known, rebound)  # ordered = scores.copy(): still a dict
        if method == "setdefault" and len(node.args) == 2 and not node.keywords and value_kind(receiver, known, rebound) == "dict" \
                and value_kind(node.args[1], known, rebound) in ("list", "dict", "set"):
            return value_kind(node.args[1], known, rebound)  # members = clubs.setdefault(club, set()): the set put there
        return None
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name == "sum" and name not in rebound and len(node.args) == 1 and not node.keywords:
            return NUMBER  # without a start value, sum() begins at 0: a list or a string in it raises
        return KIND_CALLS.get(name) if name not in rebound else None  # sorted(xs, key=len) is a list all the same
    if isinstance(node, ast.BinOp):
        left, right = value_kind(node.left, known, rebound), value_kind(node.right, known, rebound)
        if left == right == NUMBER and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Div, ast.Mod)):
            return NUMBER
        return left if left == right and left in ("str", "list", "tuple") and isinstance(node.op, ast.Add) else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        return NUMBER if value_kind(node.operand, known, rebound) == NUMBER else None
    if isinstance(node, ast.Name):
        return known.get(node.id)
    return None


def _item_kind(annotation: Optional[ast.expr]) -> Optional[str]:
    """``list[str]``, ``Sequence[int]``, ``set[float]`` -> the kind of each item (str, or a number); else None."""
    if not (isinstance(annotation, ast.Subscript) and unparsed(annotation.value).rpartition(".")[2] in ("list", "List", "set", "Set", "frozenset", "Sequence", "Iterable")):
        return None
    item = unparsed(annotation.slice)
    return "str" if item == "str" else NUMBER if item in ("int", "float") else None


def _annotated_kind(annotation: Optional[ast.expr]) -> Optional[str]:
    """``items: list``, ``List[int]``, ``dict[str, int]`` -> that kind; anything else (Optional, a class) -> None."""
    if isinstance(annotation, ast.Subscript):
        annotation = annotation.value
    if isinstance(annotation, ast.Attribute):  # typing.List
        return ANNOTATIONS.get(annotation.attr) if annotation.attr[:1].isupper() else None
    return ANNOTATIONS.get(annotation.id) if isinstance(annotation, ast.Name) else None


def typed_locals(function: ast.AST, rebound: Set[str] = frozenset()) -> Dict[str, str]:
    """Local names of ``function`` (or of a module's own scope) whose every binding gives them one
    builtin kind (``n = len(rows)``, ``n += 1``; ``out = ""``; a parameter annotated ``items: list``)."""
    bindings: Dict[str, List[object]] = {}  # name -> its bindings: an expression, a kind, or None (unknown)
    arguments = getattr(function, "args", None)  # None: the module's own scope
    if arguments is not None:
        for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            bindings.setdefault(a.arg, []).append(("kind", _annotated_kind(a.annotation)))
        for a in (arguments.vararg, arguments.kwarg):
            if a is not None:
                bindings.setdefault(a.arg, []).append(None)
    else:  # a function that declares a name global may bind it to anything
        for node in nodes_of(function, ast.Global):
            for name in node.names:
                bindings.setdefault(name, []).append(None)
    items = {a.arg: _item_kind(a.annotation) for a in (arguments.posonlyargs + arguments.args + arguments.kwonlyargs if arguments is not None else [])}
    for node in own_scope_nodes(function, skip_comprehensions=True):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bindings.setdefault(node.targets[0].id, []).append(node.value)
            continue
        if (isinstance(node, ast.For) and isinstance(node.target, ast.Name) and isinstance(node.iter, ast.Name) and items.get(node.iter.id)
                and not any(n.id == node.iter.id and isinstance(n.ctx, ast.Store) for n in nodes_of(function, ast.Name))):
            bindings.setdefault(node.target.id, []).append(("kind", items[node.iter.id]))  # for row in board (board: list[str]): a str
            continue
        if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            bindings.setdefault(node.target.id, []).append(node.value)
            continue
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            bindings.setdefault(node.target.id, []).append(node.value)  # stack: list[int] = []
            continue
        if isinstance(node, (ast.Global, ast.Nonlocal)):
            for name in node.names:
                bindings.setdefault(name, []).append(None)
        bound_here = (node.target,) if isinstance(node, (ast.For, ast.AsyncFor)) else [i.optional_vars for i in node.items if i.optional_vars is not None] \
            if isinstance(node, (ast.With, ast.AsyncWith)) else (node,)  # a loop's body binds its names by its own statements, read on their own
        for n in (n for part in bound_here for n in walk(part)) if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith, ast.NamedExpr, ast.Delete)) else ():
            if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del)):
                bindings.setdefault(n.id, []).append(None)
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bindings.setdefault((alias.asname or alias.name).split(".")[0], []).append(None)
        if isinstance(node, ast.ExceptHandler) and node.name:
            bindings.setdefault(node.name, []).append(None)
    for child in nodes_of(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        if child is not function:
            bindings.setdefault(child.name, []).append(None)
    known: Dict[str, str] = {}
    changed = True
    while changed:  # a name bound from another typed name has its kind too
        changed = False
        for name, values in bindings.items():
            if name in known:
                continue
            kinds = {v[1] if isinstance(v, tuple) else value_kind(v, known, rebound) for v in values}
            if len(kinds) == 1 and None not in kinds:
                known[name] = kinds.pop()
                changed = True
    return known


def _lacks(kind: str, attribute: str) -> bool:
    if kind == NUMBER:  # sum() of Decimals is a Decimal: .quantize is a number's method too
        return not any(hasattr(number, attribute) for number in (int, float, decimal.Decimal, fractions.Fraction))
    return not hasattr(KINDS[kind], attribute)


def _used_as_container(node: ast.AST, name: str) -> bool:
    def is_name(x):
        return isinstance(x, ast.Name) and x.id == name

    if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
        return is_name(node.iter)
    if isinstance(node, ast.Subscript):
        return is_name(node.value)
    if isinstance(node, ast.Compare):
        return any(isinstance(op, (ast.In, ast.NotIn)) and is_name(right) for op, right in zip(node.ops, node.comparators))
    if isinstance(node, ast.Call):
        if not isinstance(node.func, ast.Name) or node.func.id not in ("len", "sorted", "list", "set", "tuple", "enumerate", "zip"):
            return False
        iterated = node.args[:1] if node.func.id == "enumerate" else node.args  # enumerate(lines, start): a number counts from there
        return any(is_name(a) for a in iterated)
    return False


CONSUMERS = frozenset(PURE_BUILTINS) | {"print", "enumerate", "zip", "map", "filter", "next", "any", "all"}  # use a value, not a coroutine
ASYNCIO_COROUTINES = frozenset({"sleep", "gather", "wait_for", "wait", "open_connection", "to_thread", "create_subprocess_exec", "create_subprocess_shell", "start_server"})


def _coroutine_call(node: ast.AST, async_defs: Set[str]) -> bool:
    """A call that returns a coroutine: of an ``async def`` of the code, or of asyncio's (``asyncio.gather``)."""
    if not isinstance(node, ast.Call):
        return False
    func = node.func
    if isinstance(func, ast.Name):
        return func.id in async_defs
    return isinstance(func, ast.Attribute) and func.attr in ASYNCIO_COROUTINES and isinstance(func.value, ast.Name) and func.value.id == "asyncio"


def never_awaited(tree: ast.Module) -> Optional[str]:
    """A coroutine made and then dropped or used as its result, never awaited: ``asyncio.sleep(1)`` as a
    statement, or ``results = asyncio.gather(...)`` then ``sorted(results)``. Handing it to any call
    of a name the code does not know as a builtin (``asyncio.run(coro)``, ``create_task``) is fine."""
    async_defs = {  # an async generator (it yields) is iterated with ``async for``, not awaited
        n.name for n in nodes_of(tree, ast.AsyncFunctionDef) if not any(isinstance(y, (ast.Yield, ast.YieldFrom)) for y in walk(n))
    }
    awaited = {id(n.value) for n in nodes_of(tree, ast.Await)}
    for node in walk(tree):
        if (isinstance(node, ast.Call) and unparsed(node.func) in ("asyncio.run", "run") and node.args
                and isinstance(node.args[0], ast.Name) and node.args[0].id in async_defs):
            return f"asyncio.run({node.args[0].id}) is handed the coroutine function, not a coroutine: it needs {node.args[0].id}() (line {node.lineno})"
        if isinstance(node, ast.Expr) and _coroutine_call(node.value, async_defs) and id(node.value) not in awaited:
            return f"{unparsed(node.value.func)}() is never awaited (line {node.lineno})"
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and _coroutine_call(node.value, async_defs)):
            continue
        name = node.targets[0].id
        uses = [n for n in nodes_of(tree, ast.Name) if n.id == name and isinstance(n.ctx, ast.Load)]
        if not uses or any(id(u) in awaited for u in uses):
            continue
        handed_on = any(
            any(arg is u for arg in call.args for u in uses)
            and not (isinstance(call.func, ast.Name) and call.func.id in CONSUMERS)
            for call in nodes_of(tree, ast.Call)
        )
        if not handed_on:
            return f"{name} = {unparsed(node.value.func)}(...) is a coroutine never awaited (line {node.lineno})"
    return None


@lru_cache(maxsize=None)
def _keywords_of(name: str) -> Optional[frozenset]:
    """The keyword arguments builtin ``name`` accepts, or None when it takes any (``**kwargs``) or
    Python does not say (no signature)."""
    return _keywords_taken(getattr(builtins, name))


def _keywords_taken(function) -> Optional[frozenset]:
    """The keyword arguments a builtin function or method (``list.sort``) accepts, or None when it takes
    any (``**kwargs``) or Python does not say (no signature)."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return None
    kinds = {p.kind for p in signature.parameters.values()}
    if inspect.Parameter.VAR_KEYWORD in kinds:
        return None
    return frozenset(p.name for p in signature.parameters.values() if p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY))


def wrong_keyword(tree: ast.Module, rebound: Set[str]) -> Optional[str]:
    """A builtin called with a keyword it does not take (``sorted(items, reversed=True)``). Not judged
    under a star import, which may rebind any builtin (``from os import *`` brings ``open``)."""
    if any(any(a.name == "*" for a in n.names) for n in nodes_of(tree, ast.ImportFrom)):
        return None
    for node in _walk_unguarded(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.keywords):
            continue
        name = node.func.id
        if name in rebound or not isinstance(getattr(builtins, name, None), (types.BuiltinFunctionType, type)):
            continue
        accepted = _keywords_of(name)
        wrong = [k.arg for k in node.keywords if k.arg is not None and accepted is not None and k.arg not in accepted]
        if wrong:
            return f"{name}() takes no keyword {wrong[0]!r} (line {node.lineno})"
    return None


# Methods of other languages' strings and lists, and of Python 2's dicts, that no Python type has:
# ``line.contains("x")``, ``d.has_key(k)``, ``s.toUpperCase()``, ``items.length()``.
# (No class of the standard library has one, measured; mailbox's have iteritems, so it is not here.)
FOREIGN_METHODS = frozenset({
    "has_key", "toUpperCase", "toLowerCase", "charAt", "indexOf", "substring", "startsWith",
    "endsWith", "forEach", "isEmpty", "length", "contains", "equalsIgnoreCase", "trim", "toString", "printStackTrace",
})


ITERATING = {"map": 1, "zip": 0, "list": 0, "tuple": 0, "set": 0, "sorted": 0, "sum": 0, "enumerate": 0, "frozenset": 0, "any": 0, "all": 0}


def never_iterable(tree: ast.Module, rebound: Set[str]) -> Optional[str]:
    """A lambda or a number where an iterable must be (``map(list, items, lambda p: p)``, ``for x in
    lambda: 0``), and ``.encode()`` given bytes (``data.encode(b"ascii")``: ``str.encode`` takes its
    encoding as a str, bytes have no encode, and an incremental encoder encodes str)."""
    own = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in _walk_unguarded(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and isinstance(node.iter, ast.Lambda):
            return f"a lambda is iterated (line {node.iter.lineno})"
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else None
        if name in ITERATING and name not in rebound:
            if any(isinstance(a, ast.Lambda) for a in node.args[ITERATING[name]:]):
                return f"{name}() is given a lambda where an iterable goes (line {node.lineno})"
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "encode" and "encode" not in own and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, bytes)):
            return f".encode() is given bytes; it takes its encoding as a str (line {node.lineno})"
    return None


def past_the_end(tree: ast.Module) -> Optional[str]:
    """``items[len(items)]`` or ``items[len(items) + 1]`` read: one past the last index of any
    sequence, whatever it holds (an IndexError; a dict keyed by counts is stored into, not read so)."""
    for node in _walk_unguarded(tree):
        if not (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load)):
            continue
        index, owner = node.slice, ast.dump(node.value)
        extra = 0
        if isinstance(index, ast.BinOp) and isinstance(index.op, ast.Add) and isinstance(index.right, ast.Constant) and isinstance(index.right.value, int):
            index, extra = index.left, index.right.value
        if (extra >= 0 and isinstance(index, ast.Call) and isinstance(index.func, ast.Name) and index.func.id == "len" and len(index.args) == 1
                and ast.dump(index.args[0]) == owner):
            return f"{unparsed(node)[:60]} reads past the end (line {node.lineno})"
    return _next_item_past_the_last(tree) or _guard_lets_the_end_through(tree) or _while_walks_off_the_end(tree) or _wrap_never_taken(tree) or _odd_tail_read(tree)


def _while_walks_off_the_end(tree: ast.Module) -> Optional[str]:
    """``while scores[i - 1] - scores[i] <= threshold: i += 1``: nothing stops ``i`` at the end, so an input whose
    items all meet the condition ("-1 if no such drop happens") raises IndexError. Read where the loop's test
    reads the sequence at ``i`` (plus a constant), the body only steps ``i`` up and neither leaves the loop nor
    compares ``i``, and the function never asks whether the sequence holds what the loop looks for (``if ':' in
    line``: a sentinel known to be there stops it)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        members = {ast.dump(c) for n in nodes_of(function, ast.Compare) if any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops)
                   for c in n.comparators}
        nested = {id(n) for outer in nodes_of(function, (ast.For, ast.AsyncFor)) for n in walk(outer)}
        for loop in (n for n in _walk_unguarded(function) if isinstance(n, ast.While) and id(n) not in nested):  # not in a try (an IndexError there
            # may be the point), nor in a loop over the items (a window's ``while t - times[left] >= 60`` stops at the current item)
            if any(isinstance(n, (ast.Break, ast.Return, ast.Raise, ast.Try, ast.Yield)) for statement in loop.body for n in walk(statement)):
                continue
            steps = [n for statement in loop.body for n in nodes_of(statement, ast.AugAssign) if isinstance(n.op, ast.Add)
                     and isinstance(n.target, ast.Name) and isinstance(n.value, ast.Constant) and type(n.value.value) is int and n.value.value > 0]
            if len(steps) != 1 or len(loop.body) != 1:
                continue
            index = steps[0].target.id
            reads = [n for n in nodes_of(loop.test, ast.Subscript) if isinstance(n.ctx, ast.Load) and not isinstance(n.slice, ast.Slice)
                     and (_linear(n.slice) or {}).get(index) == 1 and set(_linear(n.slice)) <= {index, ""}]
            if not reads or _index_compared(loop.test, index) or ast.dump(reads[0].value) in members:
                continue
            return f"while {unparsed(loop.test)[:50]} (line {loop.lineno}) steps {index} past the end of {unparsed(reads[0].value)} when every item meets it: IndexError"
    return None


def _guard_lets_the_end_through(tree: ast.Module) -> Optional[str]:
    """``if i + 1 <= len(block): ... block[i + 1]``: the guard lets ``block[len(block)]`` through, an IndexError
    whenever the position reaches the end (``<`` is meant). Read for an ``if`` (or ``a and b``) whose test is that
    one comparison and whose body reads the same position of the same sequence, which the body does not grow."""
    for node in _walk_unguarded(tree):
        if isinstance(node, ast.If):
            test, guarded = node.test, node.body
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And) and len(node.values) >= 2:
            test, guarded = node.values[0], node.values[1:]
        else:
            continue
        if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
            continue
        position, length = (test.left, test.comparators[0]) if isinstance(test.ops[0], ast.LtE) else (
            (test.comparators[0], test.left) if isinstance(test.ops[0], ast.GtE) else (None, None))
        if not (isinstance(length, ast.Call) and getattr(length.func, "id", None) == "len" and len(length.args) == 1 and not length.keywords):
            continue
        owner, at = ast.dump(length.args[0]), _linear(position) if position is not None else None
        if at is None or set(at) <= {""}:
            continue  # a constant position: "if 3 <= len(parts)" guards parts[2], not parts[3]
        grown = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("append", "insert", "extend")
                    and ast.dump(n.func.value) == owner or isinstance(n, (ast.Assign, ast.AugAssign)) and any(
                        ast.dump(t) == owner for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))
                    for statement in guarded for n in walk(statement))
        if grown:
            continue
        for statement in guarded:
            for read in nodes_of(statement, ast.Subscript):
                if (isinstance(read.ctx, ast.Load) and ast.dump(read.value) == owner
                        and not isinstance(read.slice, ast.Slice) and _linear(read.slice) == at):
                    return f"{unparsed(test)[:40]} lets {unparsed(read)[:40]} read one past the end (line {read.lineno}): IndexError"
    return None


def _wrap_never_taken(tree: ast.Module) -> Optional[str]:
    """``for hour in range(len(load)): nxt = hour + 1 if hour < len(load) else 0`` then ``load[nxt]``: every index
    of ``range(len(load))`` is below ``len(load)``, so the wrap to 0 never happens and the last hour reads
    ``load[len(load)]``, an IndexError on every input (``hour + 1 < len(load)`` was meant)."""
    for loop in (n for n in _walk_unguarded(tree) if isinstance(n, ast.For)):
        iterable, target = loop.iter, loop.target
        stop = iterable.args[0] if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" and len(iterable.args) == 1 else None
        if not (isinstance(target, ast.Name) and isinstance(stop, ast.Call) and getattr(stop.func, "id", None) == "len" and len(stop.args) == 1):
            continue
        owner, index = ast.dump(stop.args[0]), target.id
        for statement in loop.body:
            if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], ast.Name)
                    and isinstance(statement.value, ast.IfExp)):
                continue
            choice, test = statement.value, statement.value.test
            always = (isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Lt) and isinstance(test.left, ast.Name)
                      and test.left.id == index and ast.dump(test.comparators[0]) == ast.dump(stop))
            if not always:
                continue
            ahead = next((n for n in nodes_of(choice.body, ast.Subscript) if ast.dump(n.value) == owner
                          and (_linear(n.slice) or {}).keys() == {index, ""} and _linear(n.slice)[index] == 1 and _linear(n.slice)[""] >= 1), None)
            if ahead is not None:  # end = history[i + 1][0] if i < len(history) else now
                return (f"{unparsed(test)} holds for every {index} in {unparsed(iterable)} (line {statement.lineno}), so {unparsed(ahead)} "
                        f"is read at the last one too, past the end: IndexError")
            if _linear(choice.body) != {index: 1, "": 1}:
                continue
            name = statement.targets[0].id
            for read in (n for later in loop.body for n in walk(later)):
                if isinstance(read, ast.Subscript) and isinstance(read.ctx, ast.Load) and ast.dump(read.value) == owner and unparsed(read.slice) == name:
                    return (f"{unparsed(test)} holds for every {index} in {unparsed(iterable)} (line {statement.lineno}), so {name} is {index} + 1 "
                            f"at the last one and {unparsed(read)} reads past the end: IndexError")
    return None


def _odd_tail_read(tree: ast.Module) -> Optional[str]:
    """``for i in range(0, len(tokens), 2): black = tokens[i + 1] if tokens[i + 1] else None``: the pair's second
    item is tested as if a missing one were falsy, but reading it past the end raises IndexError, which an odd
    length (a game that ends on White's move) reaches. Read where the item is read only in such a test (an
    ``if``, a conditional expression, an ``or``) and nothing compares the index with the length."""
    for loop in (n for n in _walk_unguarded(tree) if isinstance(n, ast.For)):
        it, target = loop.iter, loop.target
        if not (isinstance(target, ast.Name) and isinstance(it, ast.Call) and getattr(it.func, "id", None) == "range" and len(it.args) == 3):
            continue
        start, stop, step = it.args
        if not (isinstance(start, ast.Constant) and start.value == 0 and isinstance(step, ast.Constant) and type(step.value) is int and step.value >= 2
                and isinstance(stop, ast.Call) and getattr(stop.func, "id", None) == "len" and len(stop.args) == 1):
            continue
        owner, index, step = ast.dump(stop.args[0]), target.id, step.value
        if any(_index_compared(n, index) for n in nodes_of(loop, ast.Compare)) or any(isinstance(n, ast.Try) for n in walk(loop)):
            continue
        tests = [n.test for n in nodes_of(loop, (ast.If, ast.IfExp))] + [v for n in nodes_of(loop, ast.BoolOp) if isinstance(n.op, ast.Or) for v in n.values[:-1]]
        for test in tests:
            for read in nodes_of(test, ast.Subscript):
                if ast.dump(read.value) == owner and (_linear(read.slice) or {}).keys() == {index, ""} \
                        and _linear(read.slice)[index] == 1 and 0 < _linear(read.slice)[""] < step:
                    return (f"{unparsed(read)} (line {read.lineno}) is tested as if a missing item were falsy, but with {index} in "
                            f"{unparsed(it)} an odd length reads past the end: IndexError")
    return None


def _index_compared(test: ast.AST, index: str) -> bool:
    """``index`` read in ``test`` other than as a subscript's position: ``i + 1 < len(xs)`` guards the next item,
    ``xs[i + 1] - xs[i] < gap`` only reads it."""
    inside = {id(m) for n in nodes_of(test, ast.Subscript) for m in walk(n.slice)}
    return any(m.id == index and id(m) not in inside for m in nodes_of(test, ast.Name))


def _linear(node: ast.AST) -> Optional[Dict[str, int]]:
    """``len(xs) - k + 1`` as {"len(xs)": 1, "k": -1, "": 1}: a sum of names, ``len()`` calls and whole numbers,
    each with its count; None for anything else (a product, a call, a float)."""
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return {"": node.value}
    if isinstance(node, ast.Name):
        return {node.id: 1}
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and len(node.args) == 1 and not node.keywords:
        return {f"len({ast.dump(node.args[0])})": 1}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner = _linear(node.operand)
        return {k: -v for k, v in inner.items()} if inner is not None else None
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)):
        left, right = _linear(node.left), _linear(node.right)
        if left is None or right is None:
            return None
        sign = 1 if isinstance(node.op, ast.Add) else -1
        total = dict(left)
        for k, v in right.items():
            total[k] = total.get(k, 0) + sign * v
        return {k: v for k, v in total.items() if v}
    return None


def _next_item_past_the_last(tree: ast.Module) -> Optional[str]:
    """``[xs[i + 1] - xs[i] for i in range(len(xs))]``: at the last ``i``, ``xs[i + 1]`` is past the end,
    so every non-empty input raises IndexError (``range(len(xs) - 1)`` is meant); so is ``xs[i + k]`` with ``i``
    in ``range(len(xs) - k + 1)``, and ``xs[i + 1]`` with ``i`` from ``enumerate(xs)``. Read where the loop (a ``for`` statement or a comprehension) walks the
    indices of ``xs`` up to a stop that is ``len(xs)`` plus or minus names and numbers, the item read is ``i``
    plus names and numbers, and at the last ``i`` the two sum to ``len(xs)`` or more whatever the names hold;
    and nothing in the loop compares ``i`` other than as a position (``xs[i + 1] - xs[i] < gap`` reads it;
    ``i + 1 < len(xs)`` guards it)."""
    loops = [(n.target, n.iter, n) for n in _walk_unguarded(tree) if isinstance(n, ast.For)]
    loops += [(g.target, g.iter, n) for n in _walk_unguarded(tree) if isinstance(n, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) for g in n.generators]
    for target, iterable, loop in loops:
        if isinstance(target, ast.Tuple) and len(target.elts) == 2 and isinstance(target.elts[0], ast.Name) and isinstance(iterable, ast.Call) \
                and getattr(iterable.func, "id", None) == "enumerate" and len(iterable.args) == 1 and not iterable.keywords:
            target, stop = target.elts[0], {f"len({ast.dump(iterable.args[0])})": 1}  # for i, x in enumerate(xs): i over every index of xs
        elif isinstance(target, ast.Name) and isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" \
                and len(iterable.args) in (1, 2) and not iterable.keywords:
            stop = _linear(iterable.args[-1])
        else:
            continue
        lengths = [k for k, v in (stop or {}).items() if k.startswith("len(") and v == 1]
        if len(lengths) != 1 or target.id in stop:
            continue
        owner, index = lengths[0][4:-1], target.id
        tested = any(_index_compared(getattr(n, "test", n), index)
                     for n in nodes_of(loop, (ast.Compare, ast.If, ast.IfExp))) or any(isinstance(n, ast.Try) for n in walk(loop))
        if tested or any(n.id in stop and isinstance(n.ctx, ast.Store) for n in nodes_of(loop, ast.Name)):
            continue
        for node in nodes_of(loop, ast.Subscript):
            if not (isinstance(node.ctx, ast.Load) and ast.dump(node.value) == owner):
                continue
            position = _linear(node.slice)
            if position is None or position.get(index) != 1:
                continue
            last = dict(stop)  # the item read at the last index: stop - 1 in the place of the index
            for k, v in position.items():
                if k != index:
                    last[k] = last.get(k, 0) + v
            last[""] = last.get("", 0) - 1
            last = {k: v for k, v in last.items() if v}
            past = last.pop(lengths[0], 0) == 1 and set(last) <= {""} and last.get("", 0) >= 0
            if past:
                return f"{unparsed(node)} with {index} in {unparsed(iterable)} reads past the end at the last {index} (line {node.lineno})"
    return None


def foreign_method(tree: ast.Module) -> Optional[str]:
    """A call of a method that no Python type has (:data:`FOREIGN_METHODS`), when the code defines no
    such method itself and imports nothing outside the standard library (a library's objects may have
    one: pandas' ``Series.str.contains``)."""
    if not imports_only_stdlib(tree):
        return None
    own = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    own |= {n.attr for n in nodes_of(tree, ast.Attribute) if isinstance(n.ctx, ast.Store)}
    modules = {(a.asname or a.name).split(".")[0] for n in nodes_of(tree, (ast.Import, ast.ImportFrom)) for a in n.names}
    for node in _walk_unguarded(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FOREIGN_METHODS and node.func.attr not in own):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id in modules):  # operator.contains() is a function
            return f".{node.func.attr}() is no method of any Python type (line {node.lineno})"
    return None


# Standard modules whose functions' signatures are read (imported here anyway, no side effects).
SIGNED_MODULES = ("random", "math", "statistics", "string", "re", "json", "itertools", "functools", "heapq", "bisect", "operator", "textwrap", "time", "os.path")


@lru_cache(maxsize=None)
def _module_signature(module: str, name: str):
    import importlib

    if module not in SIGNED_MODULES:
        return None
    try:
        function = getattr(importlib.import_module(module), name)
        typed = isinstance(function, type) and module != "itertools"  # itertools' classes (combinations) are called as functions
        return inspect.signature(function) if callable(function) and not typed else None
    except (AttributeError, ImportError, TypeError, ValueError):
        return None


# Functions that hand their ``**kwargs`` to a class: ``textwrap.fill(text, indent="  ")`` raises in TextWrapper().
FORWARDED_TO = {("textwrap", "fill"): "TextWrapper", ("textwrap", "wrap"): "TextWrapper", ("textwrap", "shorten"): "TextWrapper",
                ("json", "dumps"): "JSONEncoder", ("json", "dump"): "JSONEncoder", ("json", "loads"): "JSONDecoder", ("json", "load"): "JSONDecoder"}


def _forwarded_keyword(module: str, name: str, bound: inspect.BoundArguments, keywords: List[str]) -> Optional[str]:
    """A keyword that lands in the function's ``**kwargs`` and that the class it hands them to does not take
    (json's own ``cls=`` names another class, which may take anything)."""
    target = FORWARDED_TO.get((module, name))
    extra = next((value for param, value in bound.arguments.items() if bound.signature.parameters[param].kind == inspect.Parameter.VAR_KEYWORD), {})
    if target is None or not extra or "cls" in keywords:
        return None
    import importlib

    taken = inspect.signature(getattr(importlib.import_module(module), target)).parameters
    return next((key for key in extra if key not in taken), None)


def wrong_module_call(tree: ast.Module) -> Optional[str]:
    """A call of a standard function with arguments its signature cannot take: ``random.randint(6)``,
    ``math.sqrt(2, 3)``, ``heapq.heappush(h)``, ``textwrap.fill(text, indent="    ")`` (a keyword that
    its ``**kwargs`` hand on to a class that does not take it). Calls that unpack (``*args``) are not judged."""
    imported = {a.asname or a.name: a.name for n in nodes_of(tree, ast.Import) for a in n.names}
    stored = set(store_counts(tree))
    stored |= {a.arg for n in nodes_of(tree, ast.arguments) for a in n.posonlyargs + n.args + n.kwonlyargs}
    taken = {a.asname or a.name: (n.module, a.name) for n in nodes_of(tree, ast.ImportFrom) if n.module in SIGNED_MODULES for a in n.names}
    for node in _walk_unguarded(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in taken and node.func.id not in stored:
            owner, (module, name) = node.func.id, taken[node.func.id]  # from itertools import combinations; combinations(xs, k=3)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, name = unparsed(node.func.value), node.func.attr
            module = imported.get(owner, owner if owner == "os.path" and "os" in imported else None)
            if module is None or owner.split(".")[0] in stored:
                continue
        else:
            continue
        if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
            continue
        signature = _module_signature(module, name)
        if signature is None:
            continue
        try:
            bound = signature.bind(*node.args, **{k.arg: k.value for k in node.keywords})
        except TypeError as error:
            called = owner if isinstance(node.func, ast.Name) else f"{owner}.{name}"
            return f"{called}() cannot be called so: {error} (line {node.lineno})"
        keyword = _forwarded_keyword(module, name, bound, [k.arg for k in node.keywords])
        if keyword:
            return f"{owner}.{name}() hands {keyword}= on to {FORWARDED_TO[module, name]}, which takes no such keyword (line {node.lineno})"
    return None


def _method_stores(cls: ast.ClassDef, nodes=walk) -> Iterator[Tuple[ast.AST, str, ast.AST, List[ast.expr]]]:
    """``(method, its first parameter's name, assignment, its targets)`` for each assignment among ``nodes(method)``
    of each method of ``cls`` that takes one (``self.items = []``: the targets are ``[self.items]``)."""
    for method in cls.body:
        if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or not method.args.args:
            continue
        me = method.args.args[0].arg
        for node in nodes(method):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            if targets:
                yield method, me, node, targets


def typed_attributes(cls: ast.ClassDef, tree: ast.Module, rebound: Set[str]) -> Dict[str, str]:
    """Attributes a class's methods only ever set, as ``self.items = []``, to one builtin kind (and
    that nothing else in the code sets): ``{"items": "list"}``."""
    if any(not (isinstance(b, ast.Name) and b.id == "object") for b in cls.bases) or cls.keywords:
        return {}  # a base class may set or declare any attribute
    bindings: Dict[str, List[Optional[str]]] = {}
    for statement in cls.body:  # declared on the class (a dataclass field, a class attribute): set from outside
        for target in statement.targets if isinstance(statement, ast.Assign) else [getattr(statement, "target", None)]:
            if isinstance(target, ast.Name):
                bindings.setdefault(target.id, []).append(None)
    for node in walk(cls):  # isinstance(self.items, dict): the code itself expects other kinds
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "isinstance" and node.args and isinstance(node.args[0], ast.Attribute):
            bindings.setdefault(node.args[0].attr, []).append(None)
    for _method, me, node, targets in _method_stores(cls):
        for target in targets:
            if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == me:
                value = getattr(node, "value", None)
                bindings.setdefault(target.attr, []).append(value_kind(value, {}, rebound) if len(targets) == 1 and value is not None else None)
            elif isinstance(target, (ast.Tuple, ast.List)):
                value = getattr(node, "value", None)
                paired = isinstance(value, (ast.Tuple, ast.List)) and len(value.elts) == len(target.elts) and not any(isinstance(e, ast.Starred) for e in target.elts)
                for position, element in enumerate(target.elts):  # cards, self._cards = self._cards, []: the attribute gets []
                    if paired and isinstance(element, ast.Attribute) and isinstance(element.value, ast.Name) and element.value.id == me:
                        bindings.setdefault(element.attr, []).append(value_kind(value.elts[position], {}, rebound))
                        continue
                    for inner in nodes_of(element, ast.Attribute):
                        bindings.setdefault(inner.attr, []).append(None)
    stored_elsewhere = {
        n.attr for n in nodes_of(tree, ast.Attribute) if isinstance(n.ctx, (ast.Store, ast.Del))
        and not any(n is t for c in [cls] for t in walk(c))
    }
    return {name: kinds[0] for name, kinds in bindings.items() if len(set(kinds)) == 1 and kinds[0] is not None and name not in stored_elsewhere}


def unset_attribute(tree: ast.Module) -> Optional[str]:
    """An attribute a method reads from ``self`` that nothing ever sets: ``return self.count`` in a class
    whose methods only set ``self.items``. Only for a plain class (no base, decorator or metaclass that
    could supply it), in code that never sets attributes by name (``setattr``, ``__dict__``,
    ``__getattr__``, ``__slots__`` tricks) nor asks ``hasattr``; a read guarded by ``try`` is not judged."""
    text = unparsed(tree)
    if any(word in text for word in ("setattr", "__dict__", "__getattr__", "__getattribute__", "hasattr", "vars(", "__slots__", "mock")):
        return None
    own = {n.attr for n in nodes_of(tree, ast.Attribute) if isinstance(n.ctx, (ast.Store, ast.Del))}
    for cls in walk(tree):  # what any class declares (a subclass may supply what its base reads)
        for statement in cls.body if isinstance(cls, ast.ClassDef) else ():
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                own.add(statement.name)
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target] if isinstance(statement, (ast.AnnAssign, ast.AugAssign)) else []
            own.update(n.id for target in targets for n in nodes_of(target, ast.Name))
    bases = {unparsed(b).rpartition(".")[2] for n in nodes_of(tree, ast.ClassDef) for b in n.bases}
    for cls in nodes_of(tree, ast.ClassDef):
        if cls.decorator_list or cls.keywords or any(
            not (isinstance(b, ast.Name) and b.id == "object") for b in cls.bases
        ) or cls.name in bases or cls.name.endswith(("Mixin", "Base", "Interface", "Protocol")) or cls.name.startswith(("Base", "Abstract")) or "NotImplementedError" in unparsed(cls):
            continue  # a base, mixin or abstract class: its subclasses and their other bases may supply what it reads
        for method in cls.body:
            if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) or not method.args.args or any(
                getattr(d, "id", None) in ("staticmethod",) for d in method.decorator_list
            ):
                continue
            me = method.args.args[0].arg
            if any(n.id == me and isinstance(n.ctx, ast.Store) for n in nodes_of(method, ast.Name)):
                continue  # ``self = value``: another object from there on
            for node in _walk_unguarded(method):
                if (isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name)
                        and node.value.id == me and node.attr not in own and not node.attr.startswith("__")):
                    return f"{me}.{node.attr} is read in {cls.name}.{method.name}() but nothing sets it (line {node.lineno})"
    return None


def _frozen(cls: ast.ClassDef) -> bool:
    """``@dataclass(frozen=True)`` or a ``NamedTuple`` subclass: instances whose fields cannot be assigned."""
    for decorator in cls.decorator_list:
        if isinstance(decorator, ast.Call) and unparsed(decorator.func).rpartition(".")[2] == "dataclass" \
                and any(k.arg == "frozen" and isinstance(k.value, ast.Constant) and k.value.value is True for k in decorator.keywords):
            return True
    return any(unparsed(base).rpartition(".")[2] == "NamedTuple" for base in cls.bases)


def frozen_field_assigned(tree: ast.Module) -> Optional[str]:
    """``self.end = new_end`` in a method of a ``@dataclass(frozen=True)`` (or a ``NamedTuple``): the instance refuses
    every assignment (FrozenInstanceError, AttributeError) whenever the method runs; ``dataclasses.replace`` (or
    ``_replace``) makes the changed copy, and ``object.__setattr__`` is how ``__post_init__`` sets a field."""
    for cls in (n for n in nodes_of(tree, ast.ClassDef) if _frozen(n)):
        for method, me, node, targets in _method_stores(cls, _walk_unguarded):
            for target in targets if not method.decorator_list else ():
                if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == me:
                    return (f"{me}.{target.attr} = ... in {cls.name}.{method.name}() (line {node.lineno}): {cls.name} is frozen, "
                            f"so the assignment raises whenever it runs")
    return _frozen_record_assigned(tree)


COPIES = frozenset({"copy", "deepcopy", "replace", "_replace"})  # copy.copy(claim), dataclasses.replace(claim, ...): the same frozen class


def _frozen_record_assigned(tree: ast.Module) -> Optional[str]:
    """``claim = copy.copy(claim); claim.status = "closed"`` in a loop over claims whose fields are a frozen dataclass's
    (``claim.status``, ``claim.amount`` of ``Claim``), or over a parameter annotated with it (or a list of it,
    ``containers: list[Container]``): a copy is frozen too."""
    frozen = {n.name for n in nodes_of(tree, ast.ClassDef) if _frozen(n)}
    if not frozen:
        return None
    records = {**records_by_their_fields(tree, frozen), **records_of_typed_lists(tree, frozen)}
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        records.update({a.arg: unparsed(a.annotation) for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs
                        if a.annotation is not None and unparsed(a.annotation) in frozen})
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) if n.name != "__post_init__"):
        for name, cls in records.items():
            rebound = [n for n in nodes_of(function, ast.Assign) if any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]
            if any(not (isinstance(n.value, ast.Call) and (getattr(n.value.func, "attr", None) or getattr(n.value.func, "id", None)) in COPIES
                        and n.value.args and isinstance(n.value.args[0], ast.Name) and n.value.args[0].id == name) for n in rebound):
                continue  # bound to something else too
            for node in _walk_unguarded(function, name):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
                for target in targets:
                    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == name:
                        return (f"{name}.{target.attr} = ... (line {node.lineno}): {name} is a {cls}, which is frozen (a copy of one too), "
                                f"so the assignment raises whenever it runs")
    return None


DATE_METHODS = frozenset({"today", "now", "utcnow", "fromisoformat", "strptime", "fromtimestamp", "utcfromtimestamp", "combine", "fromordinal"})


def _date_kind(node: Optional[ast.expr]):
    """``datetime.date`` or ``datetime.datetime`` when the expression makes one (``date.today()``,
    ``datetime.now()``, ``datetime.date(2024, 1, 1)``), else None."""
    import datetime as dt

    if not isinstance(node, ast.Call):
        return None
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in DATE_METHODS:
        func = func.value  # date.today() -> date
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    return {"date": dt.date, "datetime": dt.datetime}.get(name)


def date_attribute(tree: ast.Module) -> Optional[str]:
    """An attribute a date or datetime lacks, looked up on one: ``date.today().days``, or on a local bound
    once to a date (``today = datetime.date.today()`` then ``today.days``; a difference of dates is
    a timedelta, which has ``.days``; so is a difference of two date parameters, which has no ``.weeks``)."""
    import datetime as dt

    if "date" not in unparsed(tree):
        return None  # every kind found below is a date's, a datetime's or their difference's: the code names one
    for scope in nodes_of(tree, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
        own = list(own_scope_nodes(scope, skip_comprehensions=True))  # this scope's names only: a nested function's ``val`` is another variable
        guarded = {id(n) for g in own if isinstance(g, GUARDED) or _expects_errors(g) for n in walk(g)}
        stores: Dict[str, int] = {}
        for node in own:
            if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
                stores[node.id] = stores.get(node.id, 0) + 1
        arguments = getattr(scope, "args", None)
        for arg in (arguments.posonlyargs + arguments.args + arguments.kwonlyargs) if arguments else []:
            stores[arg.arg] = stores.get(arg.arg, 0) + 2  # a parameter: bound by the caller
        kinds = {arg.arg: {"date": dt.date, "datetime": dt.datetime}.get(unparsed(arg.annotation).rpartition(".")[2])
                 for arg in ((arguments.posonlyargs + arguments.args + arguments.kwonlyargs) if arguments else [])
                 if arg.annotation is not None and stores.get(arg.arg) == 2}  # ``today: date``, never rebound
        kinds = {name: kind for name, kind in kinds.items() if kind is not None}

        def kind_of(value):  # a date made in plain sight, a date parameter, or a difference of two dates (a timedelta)
            if isinstance(value, ast.Name):
                return kinds.get(value.id)
            if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Sub) and kind_of(value.left) in (dt.date, dt.datetime) \
                    and kind_of(value.left) is kind_of(value.right):
                return dt.timedelta
            return _date_kind(value)
        for node in own:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores.get(node.targets[0].id) == 1:
                kinds[node.targets[0].id] = kind_of(node.value)
        for node in own:
            if not isinstance(node, ast.Attribute) or not isinstance(node.ctx, ast.Load) or id(node) in guarded:
                continue
            kind = kind_of(node.value)
            if kind is not None and not hasattr(kind, node.attr):
                return f"{unparsed(node.value)[:40]} is a {kind.__name__}, which has no .{node.attr} (line {node.lineno})"
    return None


# What lets a function stop before it calls itself again: a branch, a loop, a handler, a short circuit.
BRANCHES = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With, ast.AsyncWith, ast.Raise, ast.Assert, ast.IfExp, ast.BoolOp,
            ast.Yield, ast.YieldFrom, ast.Await, ast.Match if hasattr(ast, "Match") else ast.If) + GUARDED
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def endless_recursion(tree: ast.Module) -> Optional[str]:
    """A top-level function whose body has no branch of any kind (no ``if``, loop, ``try``, ``and``/``or``,
    conditional expression, ``raise``, ``yield``) and calls itself outside comprehensions and nested
    scopes: every call calls it again until RecursionError."""
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        nodes = list(own_scope_nodes(function, skip_comprehensions=True))
        if any(isinstance(n, BRANCHES) for n in nodes) or any(isinstance(n, COMPREHENSIONS) for n in walk(function)):
            continue
        for node in nodes:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name:
                return f"{function.name}() calls itself on every path (line {node.lineno}): no call of it ever returns"
    return None


def separator_as_a_number(tree: ast.Module) -> Optional[str]:
    """``int(text.partition("*")[1])``: the middle of a partition is the separator itself (or ""), so a separator
    that is no number makes ``int``/``float`` raise ValueError on every input (``[2]`` is the part after it)."""
    for node in _walk_unguarded(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("int", "float") and len(node.args) == 1 and not node.keywords:
            arg = node.args[0]
            if (isinstance(arg, ast.Subscript) and isinstance(arg.slice, ast.Constant) and arg.slice.value == 1 and isinstance(arg.value, ast.Call)
                    and isinstance(arg.value.func, ast.Attribute) and arg.value.func.attr in ("partition", "rpartition") and len(arg.value.args) == 1):
                sep = arg.value.args[0].value if isinstance(arg.value.args[0], ast.Constant) else None
                if isinstance(sep, str) and sep.strip() and not any(c.isdigit() for c in sep):
                    return f"{unparsed(node)[:60]} (line {node.lineno}) reads the separator {sep!r} itself as a number, which raises ValueError"
    return None


def none_values_grown(tree: ast.Module) -> Optional[str]:
    """``totals = dict.fromkeys(films)`` then ``totals[film] += price``: ``fromkeys`` without a value maps every
    key to None, and None cannot be added to (TypeError) nor appended to (AttributeError). Read where the
    dict is bound once and no key of it is ever set before it grows (``totals[f] = 0``, ``.update``)."""
    for scope in [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        made = {n.targets[0].id: n for n in own_scope_nodes(scope) if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                and isinstance(n.value, ast.Call) and unparsed(n.value.func) in ("dict.fromkeys", "OrderedDict.fromkeys") and len(n.value.args) == 1 and not n.value.keywords}
        for name in [name for name in made if store_counts(scope)[name] == 1]:
            subscripted = lambda node: isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == name  # noqa: E731
            set_keys = [n for n in own_scope_nodes(scope) if isinstance(n, (ast.Assign, ast.AnnAssign)) and any(subscripted(t) for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))]
            set_keys += [n for n in own_scope_nodes(scope) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name)
                         and n.func.value.id == name and n.func.attr in ("update", "setdefault", "__setitem__")]
            if set_keys:
                continue
            for node in own_scope_nodes(scope):
                grown = (isinstance(node, ast.AugAssign) and subscripted(node.target)) or (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                                                                                           and node.func.attr in ("append", "add", "extend") and subscripted(node.func.value))
                if grown:
                    return f"{unparsed(node)[:60]} (line {node.lineno}) grows a value of {name} = {unparsed(made[name].value)[:40]}, which is None for every key"
    return None


NUMBER_CALLS = frozenset({"max", "min", "abs", "round", "int", "float", "sum"})


def _presence_tested(scope: ast.AST, mapping: str, key) -> bool:
    """Whether ``scope`` asks if ``key`` is in ``mapping`` (``if "bonus" in emp``, ``if emp.get("bonus")``, ``x = emp.get(...)``
    tested later): then the lookup may be guarded, and is not judged."""
    for node in walk(scope):
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) and unparsed(node.comparators[-1]) == mapping:
            return True
        tests = [node.test] if isinstance(node, (ast.If, ast.IfExp, ast.While, ast.Assert)) else node.values if isinstance(node, ast.BoolOp) else []
        tests += list(node.ifs) if isinstance(node, ast.comprehension) else []
        if any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "get" and unparsed(n.func.value) == mapping
               for test in tests for n in walk(test)):
            return True
    return False


def missing_key_as_a_number(tree: ast.Module) -> Optional[str]:
    """``max(emp.get("monthly_bonus"), 0)``, ``row.get("qty") * price``: ``.get`` with no default gives None for a
    missing key, the one case ``.get`` is there for, and None in arithmetic, ``max`` or an ordering raises TypeError.
    Not judged where the code asks whether the key is there, or the lookup sits in a ``try``."""
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for parent in _walk_unguarded(scope):
            if isinstance(parent, ast.BinOp) and not isinstance(parent.op, (ast.BitOr, ast.BitAnd, ast.Mod)):
                operands = [parent.left, parent.right]  # "%" formats text; "|" unions sets
            elif isinstance(parent, ast.Call) and getattr(parent.func, "id", None) in NUMBER_CALLS and not parent.keywords:
                operands = list(parent.args) if getattr(parent.func, "id", None) != "sum" else []
            elif isinstance(parent, ast.Compare) and all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in parent.ops):
                operands = [parent.left, *parent.comparators]
            else:
                continue
            for node in operands:
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and len(node.args) == 1 and not node.keywords
                        and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
                        and not _presence_tested(scope, unparsed(node.func.value), node.args[0].value)):
                    return f"{unparsed(parent)[:60]} (line {node.lineno}): {unparsed(node)[:40]} is None when the key is missing, which raises TypeError there"
    return None


def missing_key_called(tree: ast.Module) -> Optional[str]:
    """``member.get("tier").lower()``: ``.get`` with no default gives None for a missing key, the one case ``.get`` is
    there for, and None has no method (AttributeError). Not judged where the code asks whether the key is there, or the
    lookup sits in a ``try``."""
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for node in _walk_unguarded(scope):
            lookup = node.func.value if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else None
            if (isinstance(lookup, ast.Call) and isinstance(lookup.func, ast.Attribute) and lookup.func.attr == "get" and len(lookup.args) == 1
                    and not lookup.keywords and isinstance(lookup.args[0], ast.Constant) and isinstance(lookup.args[0].value, str)
                    and not _presence_tested(scope, unparsed(lookup.func.value), lookup.args[0].value)):
                return f"{unparsed(node)[:60]} (line {node.lineno}): {unparsed(lookup)[:40]} is None when the key is missing, which has no .{node.func.attr}()"
    return None


def _key_of(node: ast.AST, mapping: str) -> Optional[str]:
    """``u`` of ``graph.setdefault(u, [])``, ``graph[u] = ...`` or ``graph[u].append(...)`` on the mapping named ``mapping``."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setdefault" and unparsed(node.func.value) == mapping and node.args:
        return unparsed(node.args[0])
    if isinstance(node, ast.Subscript) and unparsed(node.value) == mapping and isinstance(node.ctx, ast.Store):
        return unparsed(node.slice)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("append", "add", "extend")
            and isinstance(node.func.value, ast.Subscript) and unparsed(node.func.value.value) == mapping):
        return unparsed(node.func.value.slice)
    return None


def sinks_looked_up(tree: ast.Module) -> Optional[str]:
    """``for origin, target in links: graph.setdefault(origin, []).append(target)``, then a walk that reads
    ``graph[station]`` with no ``.get`` nor ``in`` test: only origins are keys, so the first station with no
    link of its own (a terminus, any one-way network's end) raises KeyError."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for loop in (n for n in nodes_of(function, ast.For) if isinstance(n.target, ast.Tuple) and len(n.target.elts) == 2
                     and all(isinstance(e, ast.Name) for e in n.target.elts)):
            origin, target = (e.id for e in loop.target.elts)
            for mapping in {unparsed(t) for n in nodes_of(function, ast.Assign) if unparsed(n.value) in ("{}", "dict()")
                            for t in n.targets if isinstance(t, ast.Name)}:
                keys = {_key_of(n, mapping) for n in walk(function)} - {None}
                if keys != {origin} or not any(_key_of(n, mapping) == origin for n in walk(loop)) or not any(
                        n.id == target for n in nodes_of(loop, ast.Name)):
                    continue
                if any(any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) and unparsed(n.comparators[-1]) == mapping
                       for n in nodes_of(function, ast.Compare)) or any(isinstance(n.func, ast.Attribute) and n.func.attr == "get"
                                                      and unparsed(n.func.value) == mapping for n in nodes_of(function, ast.Call)):
                    continue
                for read in nodes_of(function, ast.Subscript):
                    if (isinstance(read.ctx, ast.Load) and unparsed(read.value) == mapping
                            and isinstance(read.slice, ast.Name) and read.slice.id != origin and not any(read is n for n in walk(loop))):
                        if any(any(n is read for n in walk(w)) for w in nodes_of(function, ast.While)):
                            return (f"{unparsed(read)} (line {read.lineno}): {mapping} has a key only for each {origin}, so a {target} with no "
                                    f"link of its own raises KeyError")
    return None


TEXT_METHODS = frozenset({"strip", "lstrip", "rstrip", "lower", "upper", "casefold", "replace", "title", "removeprefix", "removesuffix"})


def _texts_bound(scope: ast.AST) -> Set[str]:
    """Names ``scope`` binds once, to a text method's result (``emp_id = row["employee_id"].strip()``): always a str."""
    stores = store_counts(scope)
    return {n.targets[0].id for n in own_scope_nodes(scope) if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
            and stores[n.targets[0].id] == 1 and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Attribute) and n.value.func.attr in TEXT_METHODS}


def key_tested_in_another_form(tree: ast.Module) -> Optional[str]:
    """``emp_id = row["employee_id"].strip()``, ``if int(emp_id) not in staff: continue``, then ``staff[emp_id]``: the key is
    tested as a number and looked up as the text it came from, so every lookup that passed the test raises KeyError.
    Read where the mapping is never written with the text, and no lookup uses the number."""
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        texts = _texts_bound(scope)
        tested = {}
        for node in nodes_of(scope, ast.Compare) if texts else ():
            left = node.left
            if (len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn)) and isinstance(left, ast.Call) and getattr(left.func, "id", None) in ("int", "float")
                    and len(left.args) == 1 and not left.keywords and isinstance(left.args[0], ast.Name) and left.args[0].id in texts):
                tested.setdefault((unparsed(node.comparators[0]), left.args[0].id), unparsed(left))
        if not tested:
            continue
        keys = {(unparsed(n.value), unparsed(n.slice)) for n in nodes_of(scope, ast.Subscript)}
        keys |= {(unparsed(n.func.value), unparsed(n.args[0])) for n in nodes_of(scope, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr in ("get", "pop") and n.args}
        stored = {(unparsed(n.value), unparsed(n.slice)) for n in nodes_of(scope, ast.Subscript) if not isinstance(n.ctx, ast.Load)}
        for read in nodes_of(scope, ast.Subscript):
            mapping, key = unparsed(read.value), read.slice
            number = tested.get((mapping, getattr(key, "id", None)))
            if isinstance(read.ctx, ast.Load) and number and (mapping, number) not in keys and (mapping, key.id) not in stored:
                return (f"{unparsed(read)[:40]} (line {read.lineno}) looks up the text {key.id} where the code tested {number} in {mapping}: "
                        f"a key that passed as a number is not there as text, so the lookup raises KeyError")
    return None


def _tests_emptiness_of(test: ast.AST, name: str) -> bool:
    """``if gaps:``, ``if not gaps``, ``if len(gaps) > 0``: a test of whether ``name`` holds anything."""
    test = test.operand if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) else test
    if isinstance(test, ast.Name):
        return test.id == name
    return isinstance(test, ast.Compare) and any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "len" and n.args
                                                 and isinstance(n.args[0], ast.Name) and n.args[0].id == name for n in [test.left, *test.comparators])


def divided_before_tested(tree: ast.Module) -> Optional[str]:
    """``avg = sum(gaps, timedelta()) / len(gaps)`` and then ``if gaps:``: the code knows ``gaps`` may be empty and tests it
    one statement too late, so an empty one raises ZeroDivisionError before the test that was meant to guard it."""
    if not any(isinstance(n.op, (ast.Div, ast.FloorDiv, ast.Mod)) and isinstance(n.right, ast.Call) and getattr(n.right.func, "id", None) == "len"
               for n in nodes_of(tree, ast.BinOp)):
        return None  # no division by a length: no block below needs reading
    for block in (getattr(node, field, None) for node in walk(tree) for field in ("body", "orelse")):
        if not isinstance(block, list):
            continue
        for index, statement in enumerate(block):
            if not isinstance(statement, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr)):
                continue
            for division in nodes_of(statement, ast.BinOp):
                divisor = division.right
                if not (isinstance(division.op, (ast.Div, ast.FloorDiv, ast.Mod)) and isinstance(divisor, ast.Call) and getattr(divisor.func, "id", None) == "len"
                        and len(divisor.args) == 1 and isinstance(divisor.args[0], ast.Name)):
                    continue
                name = divisor.args[0].id
                later = next((s for s in block[index + 1:] if isinstance(s, ast.If) and _tests_emptiness_of(s.test, name)), None)
                if later is not None and not any(isinstance(s, ast.If) and _tests_emptiness_of(s.test, name) for s in block[:index]):
                    return (f"{unparsed(division)[:50]} (line {division.lineno}) divides by len({name}) before line {later.lineno} tests whether {name} "
                            f"is empty: an empty {name} raises ZeroDivisionError first")
    return None


# Attributes of dates, times, durations and Decimals, which no JSON value (str, number, bool, None, list, dict) has.
NOT_OF_JSON = frozenset({"year", "month", "day", "hour", "minute", "second", "date", "time", "strftime", "isoformat", "weekday", "isoweekday",
                         "isocalendar", "total_seconds", "days", "seconds", "timestamp", "quantize", "toordinal"})


def json_value_attribute(tree: ast.Module) -> Optional[str]:
    """``for singer in json.loads(roster_json): joined = singer["joined"]; joined.year``: what ``json.loads`` gives holds
    only texts, numbers, booleans, None, lists and dicts, so a date's or a Decimal's attribute raises AttributeError
    (the date was still the text "2012-09-04"). Followed through names bound once: the document, the items a loop
    takes from it, and the fields read from those by a literal key."""
    if "json" not in unparsed(tree):
        return None
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        stores = store_counts(scope)
        documents = {n.targets[0].id for n in nodes_of(scope, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                     and _json_loaded(n.value) and stores[n.targets[0].id] == 1}
        items = {n.target.id for n in nodes_of(scope, (ast.For, ast.comprehension)) if isinstance(n.target, ast.Name) and stores[n.target.id] == 1
                 and (_json_loaded(n.iter) or isinstance(n.iter, ast.Name) and n.iter.id in documents)}
        if not items:
            continue

        def field_of_item(node: ast.AST) -> bool:  # singer["joined"], singer.get("joined")
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
                return isinstance(node.value, ast.Name) and node.value.id in items
            return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in items and node.args and isinstance(node.args[0], ast.Constant))
        values = {n.targets[0].id for n in nodes_of(scope, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                  and field_of_item(n.value) and stores[n.targets[0].id] == 1}
        for node in nodes_of(scope, ast.Attribute):
            if node.attr in NOT_OF_JSON and isinstance(node.ctx, ast.Load) and (isinstance(node.value, ast.Name) and node.value.id in values or field_of_item(node.value)):
                return (f"{unparsed(node)[:50]} (line {node.lineno}): {unparsed(node.value)[:30]} comes from json.loads, a text or a number, "
                        f"which has no .{node.attr}")
    return None


def _json_loaded(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and unparsed(node.func) in ("json.loads", "json.load", "loads", "load")


def extreme_tested_for_none(tree: ast.Module) -> Optional[str]:
    """``when, sg = max(readings, key=...)`` then ``if when is None: ... "no readings"``: ``max`` and ``min`` never give
    None; on the empty sequence the None test is there for they raise ValueError first. Read where the call has no
    ``default=``, sits outside a ``try``, and its value (or a name unpacked from it) is tested ``is None`` after it."""
    if not any(getattr(n.func, "id", None) in ("max", "min") for n in nodes_of(tree, ast.Call)):
        return None  # no max() nor min(): no scope below needs walking
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        stores = store_counts(scope)
        for node in _walk_unguarded(scope):
            if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.value, ast.Call)
                    and getattr(node.value.func, "id", None) in ("max", "min") and len(node.value.args) == 1
                    and not any(k.arg == "default" for k in node.value.keywords)):
                continue
            names = {t.id for t in nodes_of(node.targets[0], ast.Name) if stores[t.id] == 1}
            for test in nodes_of(scope, ast.Compare):
                if (test.lineno > node.lineno and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Is, ast.IsNot)) and isinstance(test.left, ast.Name)
                        and test.left.id in names and isinstance(test.comparators[0], ast.Constant) and test.comparators[0].value is None):
                    return (f"{unparsed(test)} (line {test.lineno}) waits for None from {unparsed(node.value)[:40]} (line {node.lineno}), which {node.value.func.id}() "
                            f"never gives: on an empty sequence it raises ValueError")
    return None


def _emptiness_tests(scope: ast.AST, name: str) -> List[int]:
    """Lines where ``scope`` asks whether ``name`` is empty: ``if gusts``, ``x if gusts else None``, ``if not gusts``,
    ``len(gusts) == 0``."""
    lines = []
    for node in nodes_of(scope, (ast.If, ast.IfExp)):
        test = node.test.operand if isinstance(node.test, ast.UnaryOp) and isinstance(node.test.op, ast.Not) else node.test
        if isinstance(test, ast.Name) and test.id == name or isinstance(test, ast.Compare) and isinstance(test.left, ast.Call) \
                and getattr(test.left.func, "id", None) == "len" and unparsed(test.left.args[0] if test.left.args else test.left) == name:
            lines.append(test.lineno)
    return lines


def extreme_of_what_may_be_empty(tree: ast.Module) -> Optional[str]:
    """``max(r["revenue"] for r in rentals if r["branch"] == branch) or None``: nothing passing the filter makes ``max``
    raise ValueError before ``or`` can give None. And ``peak = max(gusts)`` before ``peak if gusts else None``: the code
    itself says ``gusts`` may be empty, and there ``max`` raises first. Not with ``default=``, nor inside a ``try``."""
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for node in _walk_unguarded(scope):
            if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
                first = node.values[0]
                if (isinstance(first, ast.Call) and getattr(first.func, "id", None) in ("max", "min") and len(first.args) == 1 and not first.keywords
                        and isinstance(first.args[0], (ast.GeneratorExp, ast.ListComp)) and any(g.ifs for g in first.args[0].generators)):
                    return (f"{unparsed(node)[:80]} (line {node.lineno}): when nothing passes the filter, {first.func.id}() raises ValueError "
                            f"before `or` can give {unparsed(node.values[-1])[:20]} (default= is meant)")
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) in ("max", "min") \
                    and len(node.value.args) == 1 and not node.value.keywords and isinstance(node.value.args[0], ast.Name):
                ranked = node.value.args[0].id
                lines = _emptiness_tests(scope, ranked)
                if lines and min(lines) > node.lineno:
                    return (f"{unparsed(node.value)} (line {node.lineno}) runs before the test of {ranked} at line {min(lines)}: "
                            f"an empty {ranked} makes {node.value.func.id}() raise ValueError first")
    return None


def certain_error(tree: ast.Module) -> Optional[str]:
    """Why some statement of the code raises whenever it runs, or None."""
    rebound = rebound_names(tree)
    found = (never_awaited(tree) or wrong_keyword(tree, rebound) or foreign_method(tree) or wrong_module_call(tree) or never_iterable(tree, rebound)
             or past_the_end(tree) or unset_attribute(tree) or frozen_field_assigned(tree) or date_attribute(tree) or endless_recursion(tree)
             or missing_method(tree) or wrong_arity(tree) or mixed_dates(tree) or decimal_with_float(tree) or decimals_into_json(tree) or integer_format_of_a_float(tree) or twin_left_unparsed(tree) or wrong_unpacking(tree) or numbers_joined(tree) or next_index_let_through(tree)
             or tuple_items_read_by_name(tree) or dict_items_read_as_attributes(tree) or pair_as_a_number(tree) or none_items_read(tree)
             or separator_as_a_number(tree) or tuple_item_assigned(tree) or dicts_ordered_by_themselves(tree) or texts_summed(tree) or none_values_grown(tree)
             or records_compared_on_ties(tree) or records_as_keys(tree) or missing_key_as_a_number(tree) or sinks_looked_up(tree)
             or key_tested_in_another_form(tree) or extreme_tested_for_none(tree) or extreme_of_what_may_be_empty(tree) or missing_key_called(tree)
             or divided_before_tested(tree) or json_value_attribute(tree))
    if found:
        return found
    for node in _walk_unguarded(tree):
        kind = _raises(node, rebound) if isinstance(node, (ast.Call, ast.BinOp, ast.Subscript)) else None
        if kind:
            return f"{unparsed(node)[:60]} raises {kind} (line {node.lineno})"
    for cls in nodes_of(tree, ast.ClassDef):
        attributes = typed_attributes(cls, tree, rebound)
        for node in _walk_unguarded(cls) if attributes else ():
            owner = node.value if isinstance(node, ast.Attribute) else None
            if (isinstance(owner, ast.Attribute) and owner.attr in attributes and isinstance(owner.value, ast.Name) and owner.value.id in ("self", "cls")
                    and _lacks(attributes[owner.attr], node.attr)):
                kind = attributes[owner.attr]
                return f"self.{owner.attr} of {cls.name} is always {'a number' if kind == NUMBER else 'a ' + kind}, which has no .{node.attr} (line {node.lineno})"
    for function in nodes_of(tree, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
        where = f"{function.name}()" if hasattr(function, "name") else "the code"
        known = typed_locals(function, rebound)
        for name, kind in sorted(known.items()):
            for node in _walk_unguarded(function, name):
                if kind == NUMBER and _used_as_container(node, name):
                    line = (node.iter if isinstance(node, ast.comprehension) else node).lineno
                    return f"{name} in {where} is always a number but is used as a container (line {line})"
                what = "a number" if kind == NUMBER else f"a {kind}"
                if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == name and _lacks(kind, node.attr):
                    return f"{name} in {where} is always {what}, which has no .{node.attr} (line {node.lineno})"
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == name
                        and kind in KINDS and not _lacks(kind, node.func.attr)):  # readings.sort(reversed=True) on a list
                    accepted = _keywords_taken(getattr(KINDS[kind], node.func.attr))
                    wrong = [k.arg for k in node.keywords if k.arg is not None and accepted is not None and k.arg not in accepted]
                    if wrong:
                        return f"{name} in {where} is always {what}, whose .{node.func.attr}() takes no keyword {wrong[0]!r} (line {node.lineno})"
        found = attribute_of_a_made_value(function, known, rebound)
        if found:
            return found
    return None


def attribute_of_a_made_value(scope: ast.AST, known: Dict[str, str], rebound: Set[str]) -> Optional[str]:
    """An attribute looked up on a value of one builtin kind right where it is made, which that kind
    lacks: ``bin(n).hex()``, ``text.split(",").strip()``, ``str(x).decode()``, ``len(xs).append(1)``.
    Names are read by :func:`typed_locals`' loop; here the receiver is a call, literal or operation
    (``known``: the scope's typed locals, which an operation on them may read)."""
    for node in _walk_unguarded(scope, "\0"):  # the scope's own nodes (no name is "\0": nested scopes are skipped)
        if not isinstance(node, ast.Attribute) or isinstance(node.value, ast.Name):
            continue
        kind = value_kind(node.value, known, rebound)
        if kind is not None and _lacks(kind, node.attr):
            what = "a number" if kind == NUMBER else f"a {kind}"
            return f"{unparsed(node.value)[:40]} is always {what}, which has no .{node.attr} (line {node.lineno})"
    return None


def _bounds_test(node: ast.AST, index: str, indexes: Set[str]) -> bool:
    """``0 <= nr < rows``, ``i < len(xs)``: ``index`` kept below a limit (a number, ``len(...)`` or a name that indexes
    nothing here; ``i < j`` between two indexes is a comparison of positions, not a bound; ``i > 0`` alone is no
    bound a read can pass: ``xs[-1]`` is the last item)."""
    if not isinstance(node, ast.Compare) or not all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
        return False
    operands = [node.left, *node.comparators]
    if not any(isinstance(o, ast.Name) and o.id == index for o in operands):
        return False
    limits = [o for o in operands if not (isinstance(o, ast.Name) and o.id == index)]
    if not all(isinstance(o, ast.Constant) and isinstance(o.value, int) or isinstance(o, ast.Call) and getattr(o.func, "id", None) == "len"
               or isinstance(o, ast.Name) and o.id not in indexes for o in limits):
        return False
    is_index = lambda o: isinstance(o, ast.Name) and o.id == index
    # an upper bound (``i < len(xs)``, ``rows > nr``): xs[-1] reads the last item, so ``i > 0`` alone guards no IndexError
    return any(is_index(a) and isinstance(op, (ast.Lt, ast.LtE)) or is_index(b) and isinstance(op, (ast.Gt, ast.GtE))
               for a, op, b in zip(operands, node.ops, operands[1:]))


DICT_MAKERS = frozenset({"dict", "defaultdict", "Counter", "OrderedDict"})


def read_before_its_bounds(tree: ast.Module) -> Optional[str]:
    """The first ``and`` that reads ``xs[i]`` in one operand and tests ``i`` against its bounds in a later one. A
    dict read by a key (``reached[m] is None and followers >= m``, ``reached = {m: None for m in milestones}``) has
    no bounds."""
    keyed = {target.id for n in nodes_of(tree, (ast.Assign, ast.AnnAssign)) if n.value is not None
             and (isinstance(n.value, (ast.Dict, ast.DictComp)) or isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) in DICT_MAKERS)
             for target in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(target, ast.Name)}
    for node in nodes_of(tree, ast.BoolOp):
        if not isinstance(node.op, ast.And):
            continue
        for i, value in enumerate(node.values):
            indexes = {s.slice.id for s in nodes_of(value, ast.Subscript) if isinstance(s.ctx, ast.Load) and isinstance(s.slice, ast.Name)
                       and not (isinstance(s.value, ast.Name) and s.value.id in keyed)}
            for later in node.values[i + 1:]:
                for index in sorted(indexes):
                    if any(_bounds_test(c, index, indexes) for c in walk(later)):
                        return f"{unparsed(value)[:50]} (line {node.lineno}) reads by {index} before {unparsed(later)[:40]} tests its bounds"
    return None
