"""Items taken in a shape they never have: code that raises on the first item it meets.

- A loop that unpacks each item into another number of names than the items hold: ``for name,
  balance, apr in debts.items()`` (pairs), ``for day, tmin in readings`` with ``readings:
  list[tuple[str, float, float]]`` (triples), ``for i, a, b in enumerate(xs)``, ``for sku, qty in
  sorted(cart)`` with ``cart: dict[str, int]`` (its keys): ValueError.
- Numbers joined as text: ``", ".join(patron_ids)`` with ``patron_ids: list[int]``, or the bytes of ``chunk:
  bytes`` (ints) joined: TypeError.
- Items the annotation lets be None (``comments: list[str | None]``) used as text, untested: AttributeError.
- A pair used as a number: ``days = calendar.monthrange(y, m)`` then ``booked / days``.
- Texts added up: ``sum(row[2] for row in rows)`` over the parts of ``line.split(",")``: TypeError.
- Dicts ordered by themselves: ``sorted(transactions)`` with ``transactions: list[dict]`` and no key: TypeError.
- Records a heap orders on ties: ``heappush(heap, (s.fee, s))`` over ``sessions: list[Session]``, a dataclass
  without ``order=True``: two equal fees compare the Sessions, TypeError. So do ``heapq.nlargest(k, ((r.votes, r)
  for r in results))``, a keyless ``sorted``/``min``/``max`` of such pairs, and ``heapify`` of a list of them.
- A tuple read by a key or a name: ``line["unit_price"]``, ``entry.joined_at_minute`` over ``list[tuple[...]]``;
  a dict read by a name: ``player.score`` over ``list[dict]``.
- A tuple assigned into: ``slots.append((start, end))`` and then ``slots[-1][1] = end``: TypeError.
- The next index read under a guard that lets the last one through: ``for i in range(rows): if i + 1
  <= rows: total += grid[i + 1][j]``: at the last ``i`` the guard holds and ``grid[rows]`` is past
  the end (``i + 1 < rows`` was meant).

- Unhashable items counted or kept in a set: ``Counter(leave for leave in leaves if leave)`` where "`leaves` is a
  list of sets" (or ``leaves: list[set[int]]``): a set, list or dict is no dict key, TypeError.

Each runs on any input that reaches it, so the verdict needs no example. Only parameters the function
never rebinds are read by their annotations.
"""
from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, nodes_outside_try, parameter_names, store_counts, unparsed, values_bound_once, walk

SEQUENCES = ("list", "List", "Sequence", "Iterable", "set", "Set", "frozenset", "tuple", "Tuple", "Collection")


def _parameters(tree: ast.Module) -> Dict[str, ast.expr]:
    """Each annotated parameter that no function rebinds: its annotation."""
    stored = {n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, (ast.Store, ast.Del))}
    found: Dict[str, ast.expr] = {}
    for arguments in (n for n in nodes_of(tree, ast.arguments)):
        for arg in arguments.posonlyargs + arguments.args + arguments.kwonlyargs:
            if arg.annotation is not None and arg.arg not in stored:
                found.setdefault(arg.arg, arg.annotation)
    return found


def _item_annotation(annotation: ast.expr) -> Optional[ast.expr]:
    """``list[tuple[str, int]]`` -> ``tuple[str, int]``; ``tuple[int, ...]`` -> ``int``; else None."""
    if not isinstance(annotation, ast.Subscript) or unparsed(annotation.value).rpartition(".")[2] not in SEQUENCES:
        return None
    inner = annotation.slice
    if isinstance(inner, ast.Tuple):  # tuple[int, ...]: items of one kind
        return inner.elts[0] if len(inner.elts) == 2 and isinstance(inner.elts[1], ast.Constant) and inner.elts[1].value is Ellipsis else None
    return inner


def _tuple_size(annotation: Optional[ast.expr]) -> Optional[int]:
    """``tuple[str, float, float]`` -> 3 (not ``tuple[int, ...]``)."""
    if (isinstance(annotation, ast.Subscript) and unparsed(annotation.value).rpartition(".")[2] in ("tuple", "Tuple")
            and isinstance(annotation.slice, ast.Tuple) and not any(isinstance(e, ast.Constant) and e.value is Ellipsis for e in annotation.slice.elts)):
        return len(annotation.slice.elts)
    return None


def _loops(tree: ast.Module) -> Iterator[Tuple[ast.expr, ast.expr, ast.AST]]:
    for node in nodes_outside_try(tree):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            yield node.target, node.iter, node
        elif isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)):
            for generator in node.generators:
                yield generator.target, generator.iter, node


def _item_size(iterable: ast.expr, parameters: Dict[str, ast.expr]) -> Optional[Tuple[int, str]]:
    """How many values each item of ``iterable`` holds, and why we know: ``d.items()`` pairs, ``enumerate``
    pairs, ``zip`` of k sequences, a parameter annotated as a sequence of fixed-size tuples."""
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and iterable.func.attr == "items" and not iterable.args and not iterable.keywords:
        return 2, ".items() gives (key, value) pairs"
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and iterable.func.id == "enumerate" and "enumerate" not in parameters:
        return 2, "enumerate() gives (index, item) pairs"
    if (isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Name) and iterable.func.id == "zip" and iterable.args
            and not any(isinstance(a, ast.Starred) for a in iterable.args)):
        return len(iterable.args), f"zip() of {len(iterable.args)} gives {len(iterable.args)}-tuples"
    if isinstance(iterable, ast.Name) and iterable.id in parameters:
        size = _tuple_size(_item_annotation(parameters[iterable.id]))
        if size:
            return size, f"{iterable.id} holds {unparsed(_item_annotation(parameters[iterable.id]))} items"
    if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) in ("sorted", "reversed", "list") and len(iterable.args) == 1:
        iterable = iterable.args[0]  # sorted(cart): the same items, in order
    annotation = parameters.get(iterable.id) if isinstance(iterable, ast.Name) else None
    if (isinstance(annotation, ast.Subscript) and unparsed(annotation.value).rpartition(".")[2] in ("dict", "Dict", "Mapping")
            and isinstance(annotation.slice, ast.Tuple) and len(annotation.slice.elts) == 2):
        key = annotation.slice.elts[0]
        size = _tuple_size(key) or (1 if unparsed(key) in ("str", "int", "float") else None)
        if size:  # for sku, qty in sorted(cart) with cart: dict[str, int]: a dict gives its keys, one at a time
            return size, f"a dict gives its keys ({unparsed(key)}), not (key, value) pairs"
    return None


def wrong_unpacking(tree: ast.Module) -> Optional[str]:
    """A loop target of n plain names over items that hold another number of values."""
    parameters = _parameters(tree)
    for target, iterable, node in _loops(tree):
        if not (isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts)):
            continue  # a starred or nested target takes other shapes
        known = _item_size(iterable, parameters)
        if known and known[0] != len(target.elts):
            names = ", ".join(unparsed(e) for e in target.elts)
            return f"for {names} in {unparsed(iterable)[:40]} unpacks {len(target.elts)} names, and {known[1]} (line {node.lineno})"
    return None


def tuple_items_read_by_name(tree: ast.Module) -> Optional[str]:
    """``line["unit_price"]`` or ``entry.joined_at_minute`` with ``line``, ``entry`` items of a parameter annotated
    ``list[tuple[...]]``: a tuple has no keys and no such attribute (it is read by position)."""
    parameters = _parameters(tree)
    for target, iterable, loop in _loops(tree):
        if not (isinstance(target, ast.Name) and isinstance(iterable, ast.Name) and iterable.id in parameters
                and _tuple_size(_item_annotation(parameters[iterable.id]))):
            continue
        for node in walk(loop):
            if (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == target.id
                    and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
                return f"{unparsed(node)} reads a tuple of {iterable.id} by a key: a tuple is read by position (line {node.lineno})"
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == target.id and isinstance(node.ctx, ast.Load)
                    and not hasattr(tuple, node.attr)):
                return f"{unparsed(node)} reads an attribute a tuple of {iterable.id} does not have (line {node.lineno})"
    return None


def _key_functions(tree: ast.Module) -> Iterator[Tuple[ast.expr, ast.expr, ast.AST]]:
    """``sorted(stations, key=lambda s: s.id)``: the lambda's parameter takes each item, as a loop's target does."""
    for node in nodes_outside_try(tree):
        ordered = node.args[0] if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("sorted", "min", "max") and node.args else \
            node.func.value if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "sort" else None  # rows.sort(key=...)
        if ordered is not None:
            for keyword in node.keywords:
                if keyword.arg == "key" and isinstance(keyword.value, ast.Lambda) and len(keyword.value.args.args) == 1:
                    yield ast.Name(id=keyword.value.args.args[0].arg, ctx=ast.Store()), ordered, keyword.value.body


def _filtered_copies(tree: ast.Module, parameters: dict) -> dict:
    """``qualified = [m for m in members if ...]``: a local list of some of a parameter's own items, by name."""
    return {name: value.generators[0].iter.id for name, value in values_bound_once(tree).items()
            if isinstance(value, ast.ListComp) and len(value.generators) == 1 and isinstance(value.elt, ast.Name)
            and isinstance(value.generators[0].target, ast.Name) and value.elt.id == value.generators[0].target.id
            and isinstance(value.generators[0].iter, ast.Name) and value.generators[0].iter.id in parameters}


def dict_items_read_as_attributes(tree: ast.Module) -> Optional[str]:
    """``player.score`` with ``player`` an item of a parameter annotated ``list[dict]``: a dict's keys are read
    by subscript, and a dict has no such attribute."""
    parameters = _parameters(tree)
    copies = _filtered_copies(tree, parameters)
    for target, iterable, loop in [*_loops(tree), *_key_functions(tree)]:
        if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) in ("sorted", "reversed", "list") and iterable.args:
            iterable = iterable.args[0]  # for station in sorted(stations, key=...): the same items
        if isinstance(iterable, ast.Name) and iterable.id in copies:
            iterable = ast.Name(id=copies[iterable.id], ctx=ast.Load())  # qualified = [m for m in members if ...]: members' items
        item = _item_annotation(parameters[iterable.id]) if isinstance(iterable, ast.Name) and iterable.id in parameters else None
        if not (isinstance(target, ast.Name) and item is not None and re.fullmatch(r"(?:dict|Dict)(?:\[.*\])?", unparsed(item))):
            continue
        for node in nodes_of(loop, ast.Attribute):
            if (isinstance(node.value, ast.Name) and node.value.id == target.id and isinstance(node.ctx, ast.Load)
                    and not hasattr(dict, node.attr)):
                return f"{unparsed(node)} reads an attribute a dict of {iterable.id} does not have: its keys are read by subscript (line {node.lineno})"
    return None


def dicts_ordered_by_themselves(tree: ast.Module) -> Optional[str]:
    """``sorted(transactions)``, ``max(rows)`` or ``rows.sort()`` with no key over a parameter annotated
    ``list[dict]``: two dicts cannot be compared, so any two items raise TypeError."""
    parameters = _parameters(tree)
    dicts = {name for name, annotation in parameters.items()
             if (item := _item_annotation(annotation)) is not None and re.fullmatch(r"(?:dict|Dict)(?:\[.*\])?", unparsed(item))}
    for node in nodes_outside_try(tree):
        ranking = keyless_ranking(node)
        if ranking is None or ranking[1] not in ("sorted", "max", "min", "sort"):
            continue
        ordered = ranking[0]
        if isinstance(ordered, ast.Name) and ordered.id in dicts:
            return f"{unparsed(node)[:60]} orders the dicts of {ordered.id} by themselves, and dicts cannot be compared (line {node.lineno})"
    return None


def keyless_ranking(node: ast.AST) -> Optional[Tuple[ast.expr, str, bool]]:
    """``(what is ranked, how, highest first)`` of a call that ranks items by themselves, with no ``key``:
    ``sorted(x)``, ``max(x)``, ``min(x)``, ``x.sort()``, ``heapq.nlargest(n, x)``, ``heapq.nsmallest(n, x)``; else None.
    "Highest first" is ``reverse=True`` (or ``nlargest``)."""
    if not isinstance(node, ast.Call) or any(k.arg == "key" for k in node.keywords):
        return None
    func = node.func
    name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
    descending = any(k.arg == "reverse" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords)
    if name in ("sorted", "max", "min") and len(node.args) == 1:
        return node.args[0], name, descending
    if name == "sort" and isinstance(func, ast.Attribute) and not node.args:
        return func.value, name, descending
    if name in ("nlargest", "nsmallest") and len(node.args) == 2:
        return node.args[1], name, name == "nlargest"
    return None


# ``@dataclass``, ``@dataclasses.dataclass(frozen=True)``: a decorator that makes the class a dataclass, with its options.
DATACLASS = re.compile(r"(?:dataclasses\.)?dataclass(?:\(.*\))?", re.DOTALL)


def _unordered_classes(tree: ast.Module) -> set:
    """Classes the code defines whose instances cannot be ordered: no ``__lt__``/``__gt__`` (nor ``__le__``/``__ge__``),
    not ``@dataclass(order=True)``, not ``@total_ordering``, and no base that could order them (a ``NamedTuple`` is a tuple)."""
    found = set()
    for cls in nodes_of(tree, ast.ClassDef):
        if cls.bases or cls.keywords:
            continue
        decorators = [unparsed(d) for d in cls.decorator_list]
        methods = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
        if methods & {"__lt__", "__gt__", "__le__", "__ge__"} or any("order=True" in d.replace(" ", "") or "total_ordering" in d for d in decorators):
            continue
        if all(DATACLASS.fullmatch(d) for d in decorators):
            found.add(cls.name)
    return found


HEAP_PUSHES = frozenset({"heappush", "heappushpop", "heapreplace"})


def records_by_their_fields(tree: ast.Module, classes: set) -> Dict[str, str]:
    """Loop names over an unannotated parameter whose every attribute read is a field of one class the code defines (and
    only one defines them all), one of ``classes``: ``for animal in animals`` reading ``animal.due_minute`` and
    ``animal.name`` of ``Animal`` -> {"animal": "Animal"}."""
    fields = {cls.name: {n.target.id for n in cls.body if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name)}
              for cls in nodes_of(tree, ast.ClassDef)}
    unannotated = {a.arg for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for a in f.args.posonlyargs + f.args.args if a.annotation is None}
    held: Dict[str, str] = {}
    for target, iterable, loop in _loops(tree):
        if not (isinstance(target, ast.Name) and isinstance(iterable, ast.Name) and iterable.id in unannotated):
            continue
        read = {n.attr for n in nodes_of(loop, ast.Attribute) if isinstance(n.value, ast.Name) and n.value.id == target.id}
        owners = [name for name, names in fields.items() if read and read <= names]
        if len(owners) == 1 and owners[0] in classes:
            held[target.id] = owners[0]
    return held


def records_of_typed_lists(tree: ast.Module, classes: set) -> Dict[str, str]:
    """Loop names over a parameter annotated as a list of one of ``classes`` (``for box in containers`` with
    ``containers: list[Container]``) -> {"box": "Container"}."""
    typed = {name: unparsed(item) for name, annotation in _parameters(tree).items()
             if (item := _item_annotation(annotation)) is not None and unparsed(item) in classes}
    return {target.id: typed[iterable.id] for target, iterable, _ in _loops(tree)
            if isinstance(target, ast.Name) and isinstance(iterable, ast.Name) and iterable.id in typed}


def records_compared_on_ties(tree: ast.Module) -> Optional[str]:
    """``heappush(heap, (session.fee, session))`` over ``sessions: list[Session]``, a dataclass without ``order=True``:
    two equal fees make the heap compare the two Sessions, which raises TypeError. Ties are ordinary input
    (two tickets of the same price); a counter between key and record (``(fee, i, session)``) is the usual cure."""
    unordered = _unordered_classes(tree)
    if not unordered:
        return None
    parameters = _parameters(tree)
    records = {name for name, annotation in parameters.items() if (item := _item_annotation(annotation)) is not None and unparsed(item) in unordered}
    held = set(records_of_typed_lists(tree, unordered))  # for s in sessions, sessions: list[Session]
    held |= {name for name, annotation in parameters.items() if unparsed(annotation) in unordered}  # add(self, outage: Outage)
    held |= set(records_by_their_fields(tree, unordered))  # for animal in animals: animal.due_minute, animal.name, both an Animal's
    counters = {unparsed(n.target) for n in nodes_of(tree, ast.AugAssign)}  # self._counter += 1: a unique tie-breaker
    shared = {n.target.id for cls in nodes_of(tree, ast.ClassDef) if cls.name in unordered for n in cls.body
              if isinstance(n, ast.AnnAssign) and isinstance(n.target, ast.Name) and unparsed(n.annotation) in SHARED_TYPES}
    typed_as = {(f.name, i): unparsed(a.annotation) for f in nodes_of(tree, ast.FunctionDef)
                for i, a in enumerate(f.args.posonlyargs + f.args.args) if a.annotation is not None}
    bound = values_bound_once(tree)
    for node in nodes_outside_try(tree):
        for pushed, generator in _tuples_ordered(node, bound):
            own = set(held)
            if generator is not None and isinstance(generator.target, ast.Name):  # ((r.votes, r) for r in results): each r one of results
                name, iterable = generator.target.id, generator.iter
                calls = [n for n in nodes_of(pushed, ast.Call) if isinstance(n.func, ast.Name)]
                if isinstance(iterable, ast.Name) and iterable.id in records or any(
                        typed_as.get((call.func.id, i)) in unordered for call in calls for i, arg in enumerate(call.args) if isinstance(arg, ast.Name) and arg.id == name):
                    own.add(name)  # urgency(insp, today) with def urgency(insp: Inspection, ...): insp is an Inspection
            for index, item in enumerate(pushed.elts[1:], start=1):
                before = pushed.elts[:index]
                if isinstance(item, ast.Name) and item.id in own and not _ties_broken_before(before, counters, generator is None, shared):
                    return (f"{unparsed(node)[:60]} (line {node.lineno}) puts {item.id}, a record that cannot be ordered, after its key: "
                            f"two equal keys compare the records, which raises TypeError")
    return None


# Field types two records often share (a filing date, a priority, an amount), so a second key of one breaks no tie.
SHARED_TYPES = frozenset({"date", "datetime", "time", "timedelta", "int", "float", "Decimal", "bool", "datetime.date", "datetime.datetime"})


def _ties_broken_before(before: list, counters: set, pushed: bool, shared: set = frozenset()) -> bool:
    """Something ahead of the record tells two equal keys apart: a counter (``self._counter``), a call (a pushed
    ``next(count)``; in a comprehension, not the key's own ``-urgency(c, today)``), or a second field (``c.hive``),
    unless that field's type is one records share (``d.filed: date``, of the ``shared`` names)."""
    return any(unparsed(b) in counters or isinstance(b, ast.Call) and (pushed or b is not before[0])
               or b is not before[0] and isinstance(b, (ast.Attribute, ast.Subscript)) and not (isinstance(b, ast.Attribute) and b.attr in shared)
               for b in before)


def _tuples_ordered(node: ast.AST, bound: Dict[str, ast.expr]) -> Iterator[Tuple[ast.Tuple, Optional[ast.comprehension]]]:
    """The tuples a heap or a keyless sort compares, with the comprehension that makes them (None for one pushed):
    ``heappush(heap, (fee, s))``; ``heapq.nlargest(k, ((r.votes, r) for r in results))``, ``sorted``/``min``/``max`` of
    such a comprehension (or of a name bound once to one) with no ``key``; ``heapify(heap)`` of ``heap = [(-u, insp) for
    insp in inspections]``."""
    if not isinstance(node, ast.Call):
        return
    name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
    keyless = not any(k.arg == "key" for k in node.keywords)
    made = None
    if name in HEAP_PUSHES and len(node.args) == 2:
        if isinstance(node.args[1], ast.Tuple):
            yield node.args[1], None
        return
    if name in ("nlargest", "nsmallest") and len(node.args) == 2 and keyless:
        made = node.args[1]
    elif name in ("sorted", "min", "max") and len(node.args) == 1 and keyless:
        made = node.args[0]
    elif name == "heapify" and len(node.args) == 1 and isinstance(node.args[0], ast.Name):
        made = bound.get(node.args[0].id)
    if isinstance(made, ast.Name):  # keyed = [(s.due, s) for s in skips]; heapq.nsmallest(n, keyed)
        made = bound.get(made.id)
    if isinstance(made, (ast.ListComp, ast.GeneratorExp)) and len(made.generators) == 1 and isinstance(made.elt, ast.Tuple):
        yield made.elt, made.generators[0]


def _is_split(node: ast.expr) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("split", "rsplit")


def texts_summed(tree: ast.Module) -> Optional[str]:
    """``sum(row[2] for row in rows)`` with ``rows = [line.split(",") for line in lines]`` (or ``sum(x for x in
    text.split())``): the parts of a split are texts, and ``sum`` starts from 0, so ``0 + "5.46"`` raises TypeError."""
    split_rows = {name for name, value in values_bound_once(tree).items()
                  if isinstance(value, (ast.ListComp, ast.GeneratorExp)) and _is_split(value.elt)}
    for node in nodes_outside_try(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "sum" and len(node.args) == 1
                and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)) and len(node.args[0].generators) == 1):
            continue
        element, generator = node.args[0].elt, node.args[0].generators[0]
        target = generator.target.id if isinstance(generator.target, ast.Name) else None
        rows = isinstance(generator.iter, ast.Name) and generator.iter.id in split_rows or (
            isinstance(generator.iter, ast.ListComp) and _is_split(generator.iter.elt))
        text = (isinstance(element, ast.Subscript) and (_is_split(element.value) or (rows and isinstance(element.value, ast.Name) and element.value.id == target)))
        text = text or (isinstance(element, ast.Name) and element.id == target and _is_split(generator.iter))
        if text:
            return f"{unparsed(node)[:60]} adds up texts (the parts of a split) with no conversion: sum starts at 0 and 0 + a text raises TypeError (line {node.lineno})"
    return None


def none_items_read(tree: ast.Module) -> Optional[str]:
    """``[c.strip() for c in comments]`` with ``comments: list[str | None]``: the items the annotation says may be None
    are used as text with nothing in the loop looking at them first (``if c``, ``c is not None``, ``c or ""``):
    AttributeError on the first None."""
    parameters = _parameters(tree)
    for target, iterable, loop in _loops(tree):
        item = _item_annotation(parameters[iterable.id]) if isinstance(iterable, ast.Name) and iterable.id in parameters else None
        if not (isinstance(target, ast.Name) and item is not None and re.fullmatch(r"(?:str|int|float|dict|list)\s*\|\s*None|None\s*\|\s*\w+|Optional\[\w+\]", unparsed(item))):
            continue
        name = target.id
        tests = [n.test for n in nodes_of(loop, (ast.If, ast.IfExp, ast.While))] + [c for g in getattr(loop, "generators", []) for c in g.ifs]
        tests += list(nodes_of(loop, ast.BoolOp))
        tests += [n for n in nodes_of(loop, ast.Call) if getattr(n.func, "id", None) in ("isinstance", "filter", "bool", "str")]
        if any(isinstance(m, ast.Name) and m.id == name for t in tests for m in walk(t)):
            continue
        for node in nodes_of(loop, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id == name and isinstance(node.ctx, ast.Load):
                return f"{unparsed(node)} on the items of {iterable.id}, which its annotation says may be None, with nothing testing them first (line {node.lineno})"
    return None


def _bytes_items(tree: ast.Module) -> Dict[str, str]:
    """Parameters whose items are ints: ``bytes``, ``bytearray``, a sequence of ints or floats."""
    found = {}
    for name, annotation in _parameters(tree).items():
        text = unparsed(annotation)
        item = _item_annotation(annotation)
        if text in ("bytes", "bytearray") or (item is not None and unparsed(item) in ("int", "float")):
            found[name] = "bytes" if text in ("bytes", "bytearray") else f"{unparsed(item)}s"
    return found


def numbers_joined(tree: ast.Module) -> Optional[str]:
    """``sep.join(ids)`` of a parameter annotated as a sequence of ints or floats, ``"".join(b if ... else "." for b in chunk)``
    of the items of ``chunk: bytes`` (ints), or ``" ".join(["Pen", pen, amount, "kg"])`` with ``amount = round(total, 1)``."""
    parameters = _parameters(tree)
    numeric = _bytes_items(tree)
    for node in nodes_outside_try(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1
                and isinstance(node.args[0], ast.GeneratorExp | ast.ListComp) and len(node.args[0].generators) == 1):
            generator = node.args[0].generators[0]
            element = node.args[0].elt
            parts = [element.body, element.orelse] if isinstance(element, ast.IfExp) else [element]
            if (isinstance(generator.target, ast.Name) and isinstance(generator.iter, ast.Name) and generator.iter.id in numeric
                    and any(isinstance(p, ast.Name) and p.id == generator.target.id for p in parts)):
                return f"{unparsed(node)[:50]} joins items of {generator.iter.id} ({numeric[generator.iter.id]}: ints), and str.join takes only strings (line {node.lineno})"
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id in parameters):
            item = _item_annotation(parameters[node.args[0].id])
            if item is not None and unparsed(item) in ("int", "float"):
                return f"{unparsed(node)[:50]} joins the {unparsed(item)}s of {node.args[0].id}, and str.join takes only strings (line {node.lineno})"
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        numbers = _names_of_numbers(function)
        for node in nodes_outside_try(function):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "join" and len(node.args) == 1
                    and isinstance(node.args[0], (ast.List, ast.Tuple))):
                number = next((e for e in node.args[0].elts if _a_number(e) or isinstance(e, ast.Name) and e.id in numbers), None)
                if number is not None:
                    return f"{unparsed(node)[:50]} joins {unparsed(number)}, a number, and str.join takes only strings (line {node.lineno})"
    return None


NUMBER_CALLS = frozenset({"round", "len", "sum", "int", "float", "abs"})


def _a_number(node: ast.expr) -> bool:
    """A number written or made in plain sight: ``2.5``, ``round(total, 1)``, ``len(xs)``."""
    return (isinstance(node, ast.Constant) and type(node.value) in (int, float)
            or isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in NUMBER_CALLS)


def _names_of_numbers(function: ast.AST) -> set:
    """The names a function binds once, by ``=``, to a number (``amount = round(totals[pen], 1)``)."""
    return {name for name, value in values_bound_once(function).items() if _a_number(value)}


# Calls that always give a pair: calendar.monthrange (first weekday, days), divmod, str.partition.
PAIR_CALLS = frozenset({"calendar.monthrange", "monthrange", "divmod"})


def pair_as_a_number(tree: ast.Module) -> Optional[str]:
    """``days = calendar.monthrange(year, month)`` then ``booked / days``: a name bound only to a pair, used in arithmetic."""
    stores: Dict[str, list] = {}
    for node in nodes_of(tree, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.comprehension, ast.NamedExpr)):
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
            if isinstance(target, ast.Name):
                stores.setdefault(target.id, []).append(node)
            else:
                for part in nodes_of(target, ast.Name):
                    stores.setdefault(part.id, []).append(None)
    pairs = {name for name, bound in stores.items() if len(bound) == 1 and isinstance(bound[0], ast.Assign) and isinstance(bound[0].value, ast.Call)
             and unparsed(bound[0].value.func) in PAIR_CALLS}
    for node in nodes_outside_try(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.FloorDiv, ast.Sub, ast.Mod)) and any(
                isinstance(side, ast.Name) and side.id in pairs for side in (node.left, node.right)):
            name = next(side.id for side in (node.left, node.right) if isinstance(side, ast.Name) and side.id in pairs)
            return f"{unparsed(node)[:50]} (line {node.lineno}): {name} is the pair {unparsed(stores[name][0].value)[:40]} gives, not a number"
    return None


def _lengths(function: ast.AST) -> Dict[str, str]:
    """Names bound to ``len(x)`` (``rows = len(grid)``, ``rows, cols = len(grid), len(grid[0])``): the sequence, as source."""
    found: Dict[str, str] = {}
    for node in nodes_of(function, ast.Assign):
        if len(node.targets) != 1:
            continue
        pairs = zip(node.targets[0].elts, node.value.elts) if isinstance(node.targets[0], ast.Tuple) and isinstance(node.value, ast.Tuple) \
            else [(node.targets[0], node.value)]
        for target, value in pairs:
            if isinstance(target, ast.Name) and isinstance(value, ast.Call) and getattr(value.func, "id", None) == "len" and len(value.args) == 1:
                found[target.id] = unparsed(value.args[0])
    return found


def _length_of(node: ast.expr, lengths: Dict[str, str]) -> Optional[str]:
    if isinstance(node, ast.Name):
        return lengths.get(node.id)
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and len(node.args) == 1:
        return unparsed(node.args[0])
    return None


def _lets_the_last_through(test: ast.expr, index: str, lengths: Dict[str, str]) -> Optional[str]:
    """``i + 1 <= n`` or ``i < n`` (n the length of a sequence): true at ``i = n - 1``. The sequence, or None."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    left, op, right = test.left, test.ops[0], test.comparators[0]
    plus_one = isinstance(left, ast.BinOp) and isinstance(left.op, ast.Add) and isinstance(left.left, ast.Name) and left.left.id == index \
        and isinstance(left.right, ast.Constant) and left.right.value == 1
    bare = isinstance(left, ast.Name) and left.id == index
    if (plus_one and isinstance(op, ast.LtE)) or (bare and isinstance(op, ast.Lt)):
        return _length_of(right, lengths)
    return None


def next_index_let_through(tree: ast.Module) -> Optional[str]:
    """``seq[i + 1]`` (or ``seq[i + 1][j]``) under ``if i + 1 <= len(seq)`` or ``if i < len(seq)``, in a loop
    of ``i`` over every index of ``seq``: the last ``i`` passes the guard and reads past the end."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        lengths = _lengths(function)
        for loop in (n for n in nodes_of(function, ast.For) if isinstance(n.target, ast.Name)):
            iterable, index = loop.iter, loop.target.id
            if not (isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" and len(iterable.args) == 1):
                continue
            walked = _length_of(iterable.args[0], lengths)
            for branch in (n for n in nodes_of(loop, ast.If)):
                guarded = _lets_the_last_through(branch.test, index, lengths)
                if guarded is None or guarded != walked:
                    continue
                for node in (n for statement in branch.body for n in walk(statement)):
                    if (isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and unparsed(node.value) == guarded
                            and unparsed(node.slice).replace(" ", "") == f"{index}+1"):
                        return (f"{unparsed(node)} under {unparsed(branch.test)} reads {guarded}[len({guarded})] at the last {index} "
                                f"(line {node.lineno}): the guard lets it through")
    return None


def _tuple_valued_dicts(function: ast.AST) -> set:
    """Names bound once to a dict whose every value starts as a tuple: ``defaultdict(lambda: (0, 0))``,
    ``{part: (0, 0) for part in PARTS}``."""
    stores = store_counts(function)
    found = set()
    for node in nodes_of(function, ast.Assign):
        if not (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1):
            continue
        value = node.value
        default = (value.args[0] if isinstance(value, ast.Call) and unparsed(value.func) in ("defaultdict", "collections.defaultdict")
                   and len(value.args) == 1 else None)
        if (isinstance(default, ast.Lambda) and isinstance(default.body, ast.Tuple)
                or isinstance(value, ast.DictComp) and isinstance(value.value, ast.Tuple)):
            found.add(node.targets[0].id)
    for node in nodes_of(function, ast.Assign):  # tally[part] = [present, listed]: a value replaced by one that takes items
        for target in node.targets:
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and not isinstance(node.value, ast.Tuple):
                found.discard(target.value.id)
    return found


def tuple_item_assigned(tree: ast.Module) -> Optional[str]:
    """``slots.append((start, end))`` and later ``slots[-1][1] = end``: every item the list is given is a tuple,
    which takes no item assignment (TypeError). Read where each ``append`` of the name gives a tuple display and
    nothing else puts items in it (no ``extend``, ``insert``, ``+=`` or item store of its own)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        given: Dict[str, set] = {}
        for node in nodes_of(function, (ast.Call, ast.AugAssign, ast.Assign)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                if node.func.attr == "append" and len(node.args) == 1:
                    given.setdefault(node.func.value.id, set()).add(isinstance(node.args[0], ast.Tuple))
                elif node.func.attr in ("extend", "insert", "__setitem__"):
                    given.setdefault(node.func.value.id, set()).add(False)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                given.setdefault(node.target.id, set()).add(False)
            elif isinstance(node, (ast.Assign, ast.AugAssign)):
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name):
                        given.setdefault(target.value.id, set()).add(False)  # slots[i] = [a, b]: its own items replaced
        tuples = {name for name, kinds in given.items() if kinds == {True}}
        valued = _tuple_valued_dicts(function)
        stores = store_counts(function)
        held = {node.targets[0].id: node.value.value.id for node in nodes_of(function, ast.Assign)  # counts = tally[part]
                if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1
                and isinstance(node.value, ast.Subscript) and isinstance(node.value.value, ast.Name) and node.value.value.id in valued}
        for node in nodes_outside_try(function):
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AugAssign) else []):
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in held:
                    return (f"{unparsed(target)[:50]} = ... (line {node.lineno}): {target.value.id} is a value of {held[target.value.id]}, "
                            "a tuple, which takes no item assignment")
                if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Subscript) and isinstance(target.value.value, ast.Name) \
                        and target.value.value.id in valued:
                    return f"{unparsed(target)[:50]} = ... (line {node.lineno}): the values of {target.value.value.id} are tuples, which take no item assignment"
        for node in nodes_outside_try(function):
            if isinstance(node, (ast.Assign, ast.AugAssign)):
                for target in (node.targets if isinstance(node, ast.Assign) else [node.target]):
                    if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Subscript) and isinstance(target.value.value, ast.Name)
                            and target.value.value.id in tuples):
                        return f"{unparsed(target)[:50]} = ... (line {node.lineno}): the items of {target.value.value.id} are tuples, which take no item assignment"
    return None


# "`leaves` is a list of sets": items no dict or set can hold.
LIST_OF_UNHASHABLE = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)`\s+(?:is|are)\s+(?:a\s+)?(?:list|sequence|iterable)\s+of\s+(?P<kind>sets|lists|dicts|dictionaries)\b", re.IGNORECASE)
UNHASHABLE_ITEMS = literal_gates.compile(r"(?:list|List|Sequence|Iterable)\[(?:set|Set|list|List|dict|Dict)\b")
HASHING_CALLS = frozenset({"Counter", "set", "frozenset", "fromkeys"})


def unhashable_items_hashed(prose: str, tree: ast.Module) -> Optional[str]:
    """``Counter(leave for leave in leaves if leave)`` (or ``set(leaves)``) over a parameter whose items are sets, lists or
    dicts, by the instruction's words or the annotation: an unhashable item raises TypeError."""
    said = {m.group("name"): m.group("kind").lower() for m in LIST_OF_UNHASHABLE.finditer(prose)}
    said.update({name: "unhashable items" for name, annotation in _parameters(tree).items() if UNHASHABLE_ITEMS.match(unparsed(annotation))})
    parameters = parameter_names(tree)
    stored = {n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, ast.Store)}
    items = {name for name in said if name in parameters and name not in stored}
    for node in nodes_outside_try(tree):
        if not (isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in HASHING_CALLS and len(node.args) == 1):
            continue
        argument = node.args[0]
        if isinstance(argument, ast.Name) and argument.id in items:
            whose = argument.id
        elif (isinstance(argument, ast.GeneratorExp) and len(argument.generators) == 1 and isinstance(argument.elt, ast.Name)
              and isinstance(argument.generators[0].target, ast.Name) and argument.elt.id == argument.generators[0].target.id
              and isinstance(argument.generators[0].iter, ast.Name) and argument.generators[0].iter.id in items):
            whose = argument.generators[0].iter.id
        else:
            continue
        return (f"{unparsed(node)[:60]} (line {node.lineno}) hashes the items of {whose}, which are {said[whose]}: "
                f"they cannot be dict keys or set members (TypeError)")
    return None


def _unhashable_classes(tree: ast.Module) -> set:
    """Dataclasses whose instances cannot be hashed: ``@dataclass`` (or ``eq=True``) sets ``__hash__`` to None unless
    ``frozen=True``, ``unsafe_hash=True`` or ``eq=False`` says otherwise, or the class writes its own ``__hash__``."""
    found = set()
    for cls in nodes_of(tree, ast.ClassDef):
        decorators = [unparsed(d).replace(" ", "") for d in cls.decorator_list]
        if cls.bases or not decorators or not all(DATACLASS.fullmatch(d) for d in decorators):
            continue
        if any(flag in d for d in decorators for flag in ("frozen=True", "unsafe_hash=True", "eq=False")):
            continue
        if any(isinstance(n, ast.FunctionDef) and n.name == "__hash__" for n in cls.body):
            continue
        found.add(cls.name)
    return found


# A mapping or set annotation keyed by one name: dict[Plaza, int], set[Plaza], Counter[Plaza].
KEYED_BY = literal_gates.compile(r"(?:typing\.|collections\.)?(?:dict|Dict|defaultdict|DefaultDict|Counter|set|Set|frozenset|FrozenSet)\[(?P<key>\w+)[],]")


def records_as_keys(tree: ast.Module) -> Optional[str]:
    """``def traffic_by_plaza(passages) -> dict[Plaza, int]`` with ``Plaza`` a plain ``@dataclass``: an eq dataclass is
    unhashable, so counting or keying by its instances raises TypeError as soon as there is one."""
    unhashable = _unhashable_classes(tree)
    if not unhashable:
        return None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        keyed = KEYED_BY.match(unparsed(function.returns).replace(" ", "")) if function.returns is not None else None
        fills = any(isinstance(n, (ast.DictComp, ast.SetComp)) or isinstance(n, ast.Call) and getattr(n.func, "id", getattr(n.func, "attr", None)) in ("Counter", "set", "dict", "defaultdict")
                    and (n.args or n.keywords) for n in walk(function))
        if keyed and keyed.group("key") in unhashable and fills:
            return (f"{function.name}() (line {function.lineno}) returns {unparsed(function.returns)} keyed by {keyed.group('key')} objects, and "
                    f"{keyed.group('key')}, a dataclass with eq and no frozen=True, cannot be hashed: TypeError")
    return None
