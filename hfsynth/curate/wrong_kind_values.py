"""Values used where their kind can never go: code that raises, or returns None, on every input.

Three slips small and large models make in otherwise careful code, which parse, pass pyflakes and
run only when something calls them:

- ``len(x for x in nums if x % 2 == 0)``, ``map(f, xs)[0]``: a generator, ``map``, ``filter``,
  ``zip`` or ``enumerate`` object has no length and no index (TypeError);
- ``"Total: $" + total / 100``, ``"n=" + len(items)``, ``"Order #" + order_id`` with ``order_id: int``:
  a string plus a number (TypeError); the number side is a division or subtraction with a number
  literal, ``len``/``int``/``float``/``round``/``sum``/``abs`` of anything, a name bound once to one,
  a parameter annotated ``int`` or ``float`` that its function never rebinds, or arithmetic of these
  (``int(hours) * 60``); the string side may be a piece of a split text (``hours, minutes = t.split(":")``);
- ``ranked = list(words).sort(key=len)``, ``return list(words).sort()``, ``words = list(set(text.split()))``
  then ``return words.sort()``, ``return rng.shuffle(tracks)``, ``Counter(inventory).subtract(given).items()``: the in-place list methods
  (and ``random``'s ``shuffle``, and ``Counter``'s, ``dict``'s, ``set``'s on a container built in the same expression) return None, so the value kept is None (read only in code that imports nothing outside the standard
  library, since a library's ``sort`` or ``insert`` may return a value, and not when the code defines a
  method of that name);
- ``for key, value in d:`` over a dict (a parameter annotated ``dict``, ``Dict[str, int]``,
  ``Mapping``, or a name bound once to a dict): iterating a dict gives its keys, so each key is
  unpacked into two names (ValueError; ``d.items()`` is meant). Not read when the keys are
  annotated as tuples, or made by a helper that may return a pair (``{_pos(ref): v ...}``);
- ``row["weight_kg"] > limit``, ``totals[row["zone"]] += row["weight_kg"]``, ``sum(r["amount"] for r in reader)``
  over the rows of ``csv.DictReader`` or ``csv.reader``: every field is a str (TypeError on the first row);
- ``range(start_mg, 0, -step_mg)`` with ``step_mg`` a float, by annotation, default or the instruction's words ("steps
  of 2.5 mg"): ``range`` takes ints only (:func:`range_of_fractions`).
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate.python_ast import bound_names, imports_only_stdlib, names_and_values, nodes_of, nodes_outside_try, own_scope_nodes, parse_python, store_counts, unparsed, walk

LAZY = frozenset({"map", "filter", "zip", "enumerate", "reversed"})
NUMBER_CALLS = frozenset({"len", "int", "float", "round", "sum", "abs"})
IN_PLACE = frozenset({"sort", "reverse", "append", "extend", "insert", "remove", "clear"})
# ``Counter(inventory).subtract(given)``, ``dict(a).update(b)``, ``set(xs).add(x)``: a container built on the spot and
# changed in place; the call's value is None.
BUILT_IN_PLACE = {"Counter": {"subtract", "update", "clear"}, "dict": {"update", "clear"}, "set": {"add", "discard", "update", "clear"},
                  "list": IN_PLACE, "defaultdict": {"update", "clear"}, "OrderedDict": {"update", "clear", "move_to_end"}}


def _lazy(node: ast.expr, rebound: set, groups: frozenset = frozenset()) -> bool:
    if isinstance(node, ast.Name):
        return node.id in groups
    return isinstance(node, ast.GeneratorExp) or (isinstance(node, ast.Call) and getattr(node.func, "id", None) in LAZY - rebound)


def _groupby_groups(tree: ast.Module) -> frozenset:
    """The names ``for key, group in groupby(...)`` binds its groups to: iterators, with no len()."""
    names = set()
    for node in nodes_of(tree, (ast.For, ast.comprehension)):
        if isinstance(node.iter, ast.Call) and unparsed(node.iter.func) in ("groupby", "itertools.groupby") \
                and isinstance(node.target, ast.Tuple) and len(node.target.elts) == 2 and isinstance(node.target.elts[1], ast.Name):
            names.add(node.target.elts[1].id)
    stores = store_counts(tree)
    return frozenset(name for name in names if stores[name] == 1)


def _number(node: ast.expr, rebound: set, numbers: frozenset = frozenset(), number_reads: frozenset = frozenset()) -> bool:
    if isinstance(node, ast.Name):
        return node.id in numbers or id(node) in number_reads
    if isinstance(node, ast.Call):
        return getattr(node.func, "id", None) in NUMBER_CALLS - rebound
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Div, ast.Sub)):
        return any(isinstance(side, ast.Constant) and type(side.value) in (int, float) for side in (node.left, node.right))
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add, ast.FloorDiv, ast.Mod)):  # int(hours) * 60: numbers on both sides
        return all((isinstance(side, ast.Constant) and type(side.value) in (int, float)) or _number(side, rebound, numbers, number_reads)
                   for side in (node.left, node.right))
    return False


def _text(node: ast.expr, pieces: frozenset = frozenset()) -> bool:
    """A string literal, an f-string, a piece of a split text (``pieces``), or a sum with one (``body + " | total: "``
    is a string or raises)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _text(node.left, pieces) or _text(node.right, pieces)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)) or (isinstance(node, ast.Name) and node.id in pieces)


def _split_pieces(tree: ast.Module) -> frozenset:
    """Names bound once in the whole code, by unpacking a text's split (``hours, minutes = t.split(":")``): each is a str."""
    stores = store_counts(tree)
    return frozenset(t.id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Tuple)
                     and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Attribute) and n.value.func.attr in ("split", "rsplit")
                     and unparsed(n.value.func.value) not in ("os.path", "posixpath", "ntpath", "re")
                     for t in n.targets[0].elts if isinstance(t, ast.Name) and stores[t.id] == 1)


def _number_names(tree: ast.Module, rebound: set) -> frozenset:
    """Names bound once in the whole code, to a number call (``total = sum(scores.values())``), or as the index
    ``enumerate`` counts (``for i, (crop, area) in enumerate(beds, start=1)``)."""
    stores = store_counts(tree)
    parameters = {a.arg for a in nodes_of(tree, ast.arg)}  # a parameter holds whatever the caller passes...
    counted = {n.target.elts[0].id for n in nodes_of(tree, (ast.For, ast.comprehension)) if isinstance(n.iter, ast.Call)
               and getattr(n.iter.func, "id", None) == "enumerate" and "enumerate" not in rebound
               and isinstance(n.target, ast.Tuple) and n.target.elts and isinstance(n.target.elts[0], ast.Name)}
    return frozenset({name for name in counted if stores[name] == 1 and name not in parameters} | {
        t.id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1
        for t in n.targets if isinstance(t, ast.Name) and stores[t.id] == 1 and t.id not in parameters and _number(n.value, rebound)})


def _annotated_number_reads(tree: ast.Module) -> frozenset:
    """... unless it is annotated ``int`` or ``float`` and its function never rebinds it (``order_id: int``):
    the ids of the Name nodes that read such a parameter in its own function."""
    reads = set()
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        own = list(own_scope_nodes(function, skip_comprehensions=True))
        stored = {n.id for n in own if isinstance(n, ast.Name) and not isinstance(n.ctx, ast.Load)}
        numbers = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs
                   if a.annotation is not None and unparsed(a.annotation) in ("int", "float") and a.arg not in stored}
        reads |= {id(n) for n in own if isinstance(n, ast.Name) and n.id in numbers}
    return frozenset(reads)


def _used_value_of_in_place(node: ast.AST, own_methods: set, parameters: frozenset = frozenset()) -> Optional[ast.Call]:
    """The in-place list call whose result this statement keeps (assigned, returned, indexed, iterated);
    ``return items.sort()`` of a parameter ``items`` may sort the caller's list on purpose, of a local
    list it loses the sorted list."""
    value = None
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.Return)) or (isinstance(node, ast.AugAssign)):
        value = node.value
    elif isinstance(node, (ast.Subscript, ast.Attribute)):
        value = node.value
    elif isinstance(node, (ast.For, ast.comprehension)):
        value = node.iter
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and isinstance(value.func.value, ast.Call) \
            and value.func.attr in BUILT_IN_PLACE.get(getattr(value.func.value.func, "id", None) or getattr(value.func.value.func, "attr", None), ()) \
            and (getattr(value.func.value.func, "id", None) or getattr(value.func.value.func, "attr", None)) not in own_methods:
        return value
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "shuffle" and "shuffle" not in own_methods
            and len(value.args) == 1 and not (isinstance(node, ast.Return) and isinstance(value.args[0], ast.Name) and value.args[0].id in parameters)):
        return value  # ``return rng.shuffle(tracks)``: random's shuffle works in place and returns None, the shuffled list is lost
    if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in IN_PLACE
            and value.func.attr not in own_methods):
        receiver = value.func.value
        if isinstance(node, ast.Return) and (isinstance(receiver, ast.Attribute) or (isinstance(receiver, ast.Name) and receiver.id in parameters)):
            return None  # ``return items.sort()``: sorts the caller's list in place and returns None, maybe on purpose
        return value
    return None


DICT_TYPES = frozenset({"dict", "Dict", "Mapping", "MutableMapping", "defaultdict", "DefaultDict", "Counter", "OrderedDict"})


def _annotated_dict(annotation: Optional[ast.expr]) -> bool:
    """``dict``, ``Dict[str, int]``, ``Mapping[str, list]`` (also as a string), not with tuple keys."""
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):
        parsed = parse_python(annotation.value)
        annotation = parsed.body[0].value if parsed is not None and parsed.body and isinstance(parsed.body[0], ast.Expr) else None
    base = annotation.value if isinstance(annotation, ast.Subscript) else annotation
    name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", None)
    return name in DICT_TYPES and not (isinstance(annotation, ast.Subscript) and "tuple" in unparsed(annotation.slice).lower())


def _dict_names(function: ast.AST) -> set:
    """Names in ``function`` that hold a dict all along: a parameter annotated as one and never
    rebound, or a local bound once to a dict display or comprehension (keys not tuples)."""
    stores = store_counts(function)
    arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
    names = {a.arg for a in arguments if _annotated_dict(a.annotation) and not stores.get(a.arg)}
    for node in nodes_of(function, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores.get(node.targets[0].id) == 1:
            value = node.value
            key_may_be_a_pair = isinstance(value, ast.DictComp) and (isinstance(value.key, ast.Tuple) or isinstance(value.key, ast.Call) and getattr(
                value.key.func, "id", None) not in ("str", "int", "float", "len", "round"))  # {_pos(ref): v ...}: a helper may return (row, col)
            if (isinstance(value, ast.DictComp) and not key_may_be_a_pair) or (isinstance(value, ast.Dict) and not any(isinstance(k, ast.Tuple) for k in value.keys)):
                names.add(node.targets[0].id)
    return names


def _dict_unpacked_in_a_loop(tree: ast.Module) -> Optional[str]:
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        dicts = _dict_names(function)
        for node in nodes_of(function, (ast.For, ast.comprehension)):
            if isinstance(node.target, ast.Tuple) and len(node.target.elts) == 2 \
                    and isinstance(node.iter, ast.Name) and node.iter.id in dicts:
                return (f"for {unparsed(node.target)} in {node.iter.id} (line {node.iter.lineno}): iterating a dict gives its keys, "
                        f"so each key is unpacked into two names ({node.iter.id}.items() is meant)")
    return None


def wrong_kind_value(tree: ast.Module) -> Optional[str]:
    """Why a value of the code is used where its kind cannot go, else None."""
    rebound = bound_names(tree)
    own_methods = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    assigned = {n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, ast.Store)}
    parameters = frozenset({a.arg for n in nodes_of(tree, ast.arguments) for a in n.posonlyargs + n.args + n.kwonlyargs}
                           | {n.id for n in nodes_of(tree, ast.Name)} - assigned)  # a global the code never binds counts as given
    if not imports_only_stdlib(tree):
        own_methods |= IN_PLACE  # a library's object: its sort() or insert() may return something
    numbers, number_reads, pieces = _number_names(tree, rebound), _annotated_number_reads(tree), _split_pieces(tree)
    groups = _groupby_groups(tree)
    for node in nodes_outside_try(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "len" and "len" not in rebound and len(node.args) == 1 and _lazy(node.args[0], rebound, groups):
            return f"{unparsed(node)[:50]} (line {node.lineno}): a generator or iterator has no len()"
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and _lazy(node.value, rebound):
            return f"{unparsed(node)[:50]} (line {node.lineno}): a generator or iterator cannot be indexed"
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and (
            (_text(node.left, pieces) and _number(node.right, rebound, numbers, number_reads))
            or (_number(node.left, rebound, numbers, number_reads) and _text(node.right, pieces))
        ):
            return f"{unparsed(node)[:50]} (line {node.lineno}): a string plus a number raises TypeError"
        call = _used_value_of_in_place(node, own_methods, parameters)
        if call is not None:
            return f"{unparsed(call)[:50]} (line {call.lineno}) returns None, and the code keeps that None as its value"
    return _dict_unpacked_in_a_loop(tree) or _csv_field_as_number(tree)


CSV_READERS = frozenset({"csv.DictReader", "DictReader", "csv.reader"})
AVERAGING = frozenset({"sum", "mean", "fmean", "median", "stdev", "pstdev", "variance", "pvariance"})  # sum starts at 0; statistics wants numbers


def _reads_text(node: ast.expr) -> bool:
    """A csv reader whose fields are all text: not one told ``quoting=csv.QUOTE_NONNUMERIC`` (which gives floats); also
    its rows made a list (``list(csv.DictReader(f))``)."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "list" and len(node.args) == 1 and not node.keywords:
        node = node.args[0]
    return isinstance(node, ast.Call) and unparsed(node.func) in CSV_READERS and not any(k.arg == "quoting" for k in node.keywords)


def _worked_out_numbers(function: ast.AST, stores, numbers: set) -> set:
    """Names bound once to a number worked out in plain sight: ``int(...)``, ``float(...)``, ``len(...)``, ``round(...)``, or
    a difference, product or quotient of such numbers (``remaining = capacity - sold``); pairs bound together count apart."""
    bindings = {name: value for node in walk(function) for name, value in names_and_values(node)}
    found = set(numbers)

    def numeric(node: ast.AST) -> bool:
        return (isinstance(node, ast.Constant) and type(node.value) in (int, float) or isinstance(node, ast.Name) and node.id in found
                or isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("int", "float", "len", "round", "abs")
                or isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Mult, ast.Div, ast.FloorDiv)) and numeric(node.left) and numeric(node.right))
    grew = True
    while grew:
        grew = False
        for name, value in bindings.items():
            if name not in found and stores[name] == 1 and numeric(value):
                found.add(name)
                grew = True
    return found - set(numbers)


def _csv_field_as_number(tree: ast.Module) -> Optional[str]:
    """``row["weight_kg"] > limit``, ``totals[row["zone"]] += row["weight_kg"]``, ``sum(r["amount"] for r in reader)``
    with ``row`` a row of ``csv.DictReader`` or ``csv.reader``: every field of a CSV row is a str, so comparing it
    with a number, adding it to one or multiplying it by a float raises TypeError on the first row (``float(row[...])``
    is meant). A name bound once to a field, or to ``row["rate"] or default``, holds the field's text too."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        stores = store_counts(function)
        readers = {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                   and _reads_text(n.value) and stores[n.targets[0].id] == 1}
        rows = {n.target.id for n in nodes_of(function, (ast.For, ast.comprehension)) if isinstance(n.target, ast.Name)
                and stores[n.target.id] == 1 and (_reads_text(n.iter) or isinstance(n.iter, ast.Name) and n.iter.id in readers)}
        if not rows:
            continue
        arguments = function.args.posonlyargs + function.args.args
        defaults = dict(zip([a.arg for a in arguments][len(arguments) - len(function.args.defaults):], function.args.defaults))
        numbers = {a.arg for a in arguments + function.args.kwonlyargs if stores[a.arg] == 0 and (
            a.annotation is not None and unparsed(a.annotation) in ("int", "float")
            or isinstance(defaults.get(a.arg), ast.Constant) and type(defaults[a.arg].value) in (int, float))}
        numbers |= {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                    and isinstance(n.value, ast.Constant) and type(n.value.value) in (int, float) and stores[n.targets[0].id] == 1}
        numbers |= _worked_out_numbers(function, stores, numbers)  # remaining = capacity - sold, with capacity, sold = int(...), int(...)
        tallies = {target.id for n in walk(function) for target in (n.targets if isinstance(n, ast.Assign) else [n.target] if isinstance(n, ast.AnnAssign) else [])
                   if isinstance(target, ast.Name) and isinstance(n.value, ast.Call)
                   and unparsed(n.value) in ("Counter()", "collections.Counter()", "defaultdict(int)", "defaultdict(float)")}
        read = lambda node: isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load) and isinstance(node.value, ast.Name) and node.value.id in rows
        # rate = row["rate"] or default_rates[name]: a text whenever the field is filled in
        texts = {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                 and stores[n.targets[0].id] == 1 and (read(n.value) or isinstance(n.value, ast.BoolOp) and isinstance(n.value.op, ast.Or) and read(n.value.values[0]))}
        field = lambda node: read(node) or isinstance(node, ast.Name) and node.id in texts or (  # int(row["qty"]) * row["unit_price"]: the text repeated
            isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and any(read(side) for side in (node.left, node.right))
            and any(isinstance(side, ast.Call) and getattr(side.func, "id", None) == "int" for side in (node.left, node.right))) or (
            isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "min") and len(node.args) == 1 and not node.keywords
            and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)) and read(node.args[0].elt))  # max(row["bib"] for row in rows): the largest text
        number = lambda node: (isinstance(node, ast.Constant) and type(node.value) in (int, float)) or (isinstance(node, ast.Name) and node.id in numbers)
        real = lambda node: isinstance(node, ast.Constant) and type(node.value) is float or isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float"
        field_lists = {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                       and stores[n.targets[0].id] == 1 and isinstance(n.value, ast.ListComp) and field(n.value.elt)}
        for node in walk(function):
            if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE)):
                pair = (node.left, node.comparators[0])
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and (field(node.left) and real(node.right) or field(node.right) and real(node.left)):
                return f"{unparsed(node)[:50]} (line {node.lineno}): a CSV field is a str, and multiplying it by a float raises TypeError"
            elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Div, ast.FloorDiv, ast.Pow)) and field(node.left) and field(node.right):
                return f"{unparsed(node)[:50]} (line {node.lineno}): CSV fields are str, and one minus another raises TypeError"
            elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Div, ast.FloorDiv, ast.Pow)):
                pair = (node.left, node.right)
            elif isinstance(node, ast.AugAssign) and isinstance(node.op, (ast.Add, ast.Sub)) and (
                    isinstance(node.target, ast.Name) and node.target.id in numbers | tallies
                    or isinstance(node.target, ast.Subscript) and isinstance(node.target.value, ast.Name) and node.target.value.id in tallies):
                pair = (node.target, node.value)
                if field(node.value):
                    return f"{unparsed(node)[:50]} (line {node.lineno}): a CSV field is a str, and adding it to a number raises TypeError"
                continue
            elif isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in AVERAGING and len(node.args) == 1:
                listed = node.args[0]  # sum(r["amount"] for r in reader), or mean(ratings) with ratings = [row["rating"] for row in ...]
                if isinstance(listed, (ast.GeneratorExp, ast.ListComp)) and field(listed.elt) or isinstance(listed, ast.Name) and listed.id in field_lists:
                    return f"{unparsed(node)[:50]} (line {node.lineno}): a CSV field is a str, and {unparsed(node.func)}() of them raises TypeError"
                continue
            else:
                continue
            if field(pair[0]) and number(pair[1]) or field(pair[1]) and number(pair[0]):
                return f"{unparsed(node)[:50]} (line {node.lineno}): a CSV field is a str, and using it as a number raises TypeError"
    return None


def _said_fractional(name: str, instruction: str) -> bool:
    """The instruction shows the parameter's thing with a fraction: "steps of 2.5 mg" for ``step_mg``, "a `rate` such as 0.25"."""
    head = name.split("_")[0]
    if len(head) < 3:
        return False
    return re.search(rf"\b{re.escape(head)}s?`?\s+(?:of|like|such as|e\.g\.,?|=|:)\s+\$?\d*\.\d*[1-9]", instruction, re.IGNORECASE) is not None


def range_of_fractions(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """``range(start_mg, 0, -step_mg)`` where ``step_mg`` is annotated ``float``, defaults to a fraction, or is shown as one
    ("steps of 2.5 mg are common"): ``range`` takes ints only, so an ordinary dose raises TypeError."""
    if tree is None:
        return None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments = function.args.posonlyargs + function.args.args
        defaults = dict(zip([a.arg for a in arguments][len(arguments) - len(function.args.defaults):], function.args.defaults))
        fractional = {a.arg for a in arguments if a.annotation is not None and unparsed(a.annotation) == "float"
                      or isinstance(defaults.get(a.arg), ast.Constant) and type(defaults[a.arg].value) is float and not defaults[a.arg].value.is_integer()
                      or a.annotation is None and _said_fractional(a.arg, instruction)}
        stored = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Store)}
        for node in nodes_of(function, ast.Call):
            if getattr(node.func, "id", None) != "range":
                continue
            for argument in node.args:
                inner = argument.operand if isinstance(argument, ast.UnaryOp) and isinstance(argument.op, ast.USub) else argument
                if isinstance(inner, ast.Name) and inner.id in fractional and inner.id not in stored:
                    return f"{unparsed(node)[:50]} (line {node.lineno}) takes ints only, and {inner.id} may be a fraction (2.5): TypeError"
    return None
