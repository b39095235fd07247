"""Methods a standard-library object does not have: ``Path(path).read_lines()``, ``Counter(words).top(3)``.

A model that half remembers an API writes the call it expects to exist on the right object. The code
parses, every name is defined, pyflakes is silent, and without a test nothing runs the line; when
something does, it raises AttributeError. The object is known where the code makes it in plain sight:
a call of a standard class imported from its module (``Path(...)``, ``pathlib.Path(...)``,
``collections.Counter(...)``, ``datetime.date(...)``), used at once, through a local name that
only ever holds one (``p = Path(path)``, ``delta = datetime.strptime(b, f) - datetime.strptime(a, f)``, a
timedelta), or through an attribute every assignment of the code sets
to one (``self._files = OrderedDict()``, then ``self._files.move_to_front(path)``). The class is asked, here, whether it has the attribute.

Not read: attributes the code sets itself (``counts.total_words = 5`` is legal on a Counter), names
the code rebinds or defines (a ``class Path`` of its own), lookups inside ``try`` bodies or guarded
by ``hasattr``, and the attributes newer Pythons added (``Path.walk`` of 3.12), which this Python
may lack.

The same objects' methods called with a count of arguments they never take (``queue.pop(0)`` on a
deque, whose ``pop`` takes none): the call is tried on a sample of the class and only Python's own
complaint about the count is taken (:func:`wrong_arity`). And one timestamp of a record parsed
(``datetime.fromisoformat(order["placed_at"])``) and its twin (``order["delivered_at"]``) used raw
against it: the text raises TypeError (:func:`twin_left_unparsed`). And a Decimal in arithmetic with a float
(``total * RUSH_SURCHARGE`` with ``RUSH_SURCHARGE = 0.25``): TypeError (:func:`decimal_with_float`); and Decimals
written to JSON with no ``default=`` (:func:`decimals_into_json`); a float formatted with ``:d``
(:func:`integer_format_of_a_float`).
"""

from __future__ import annotations

import ast
import collections
import datetime
import decimal
import fractions
import importlib
import io
import re
from typing import Dict, Iterator, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, nodes_outside_try, own_scope_nodes, store_counts, unparsed, walk

# Standard classes whose instances' attributes are all on the class (properties, slots, methods).
CLASSES = {
    "pathlib": ("Path", "PurePath", "PosixPath", "PurePosixPath", "WindowsPath", "PureWindowsPath"),
    "collections": ("Counter", "deque", "OrderedDict", "defaultdict"),
    "datetime": ("date", "datetime", "timedelta", "time"),
    "decimal": ("Decimal",),
    "fractions": ("Fraction",),
    "io": ("StringIO", "BytesIO"),
}
# Attributes these classes gained after Python 3.10: present on a newer Python than this one, maybe.
NEWER = frozenset({"walk", "with_segments", "from_uri", "full_match", "is_junction", "copy", "copy_into", "move", "move_into", "info", "parser",
                   "case_sensitive", "is_reserved", "hardlink_to", "total", "from_number", "is_integer", "as_integer_ratio", "strptime"})


def _classes(tree: ast.Module) -> Dict[str, type]:
    """How the code names each standard class it imports: ``{"Path": pathlib.Path, "collections.Counter": ...}``."""
    named: Dict[str, type] = {}
    for node in nodes_of(tree, (ast.ImportFrom, ast.Import)):
        if isinstance(node, ast.ImportFrom) and node.module in CLASSES and not node.level:
            for alias in node.names:
                if alias.name in CLASSES[node.module]:
                    named[alias.asname or alias.name] = getattr(importlib.import_module(node.module), alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in CLASSES:
                    for name in CLASSES[alias.name]:
                        named[f"{alias.asname or alias.name}.{name}"] = getattr(importlib.import_module(alias.name), name)
    defined = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    defined |= {a.arg for a in nodes_of(tree, ast.arg)}
    defined |= {n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, (ast.Store, ast.Del))}
    return {name: cls for name, cls in named.items() if name.split(".")[0] not in defined}


# Class methods that make an instance of their class (``datetime.strptime(text, fmt)``).
CONSTRUCTORS = frozenset({"strptime", "fromisoformat", "now", "today", "utcnow", "fromtimestamp", "combine", "fromordinal"})


# A datetime's parts, by the method that takes them out (``ts.time()``, ``ts.date()``).
DATE_PARTS = {"time": datetime.time, "date": datetime.date}


def _made(value: ast.AST, classes: Dict[str, type]) -> Optional[type]:
    """The standard class of what ``value`` makes in plain sight: ``Path(p)``, ``datetime.strptime(s, f)``,
    and the difference of two dates or datetimes (a ``timedelta``), else None."""
    if isinstance(value, ast.Call):
        function = unparsed(value.func)
        if function in classes:
            return classes[function]
        if isinstance(value.func, ast.Attribute) and value.func.attr in CONSTRUCTORS and unparsed(value.func.value) in classes:
            cls = classes[unparsed(value.func.value)]
            return cls if hasattr(cls, value.func.attr) else None
        if (isinstance(value.func, ast.Attribute) and value.func.attr in DATE_PARTS and not value.args and not value.keywords
                and not (isinstance(value.func.value, ast.Name) and value.func.value.id in ("time", "datetime", "date"))
                and datetime.datetime in classes.values()):
            return DATE_PARTS[value.func.attr]  # ts.time(), ts.date(): a datetime's time of day or day, not the clock
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Sub):
        left, right = _made(value.left, classes), _made(value.right, classes)
        if left is not None and left is right and left in (datetime.date, datetime.datetime):
            return datetime.timedelta
    return None


def _instances(scope: ast.AST, classes: Dict[str, type]) -> Dict[str, type]:
    """Local names of ``scope`` whose every binding is a call of one standard class."""
    values: Dict[str, list] = {}
    for node in own_scope_nodes(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            values.setdefault(node.targets[0].id, []).append(_made(node.value, classes))
    stores: Dict[str, int] = {}
    for node in list(own_scope_nodes(scope)) + list(walk(scope.args) if hasattr(scope, "args") else []):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stores[node.id] = stores.get(node.id, 0) + 1
        elif isinstance(node, ast.arg):
            stores[node.arg] = stores.get(node.arg, 0) + 2  # a parameter holds anything
    return {name: kinds[0] for name, kinds in values.items() if kinds[0] is not None and len(set(kinds)) == 1 and stores.get(name) == len(kinds)}


def _annotated_instances(scope: ast.AST, classes: Dict[str, type]) -> Dict[str, type]:
    """Parameters of ``scope`` annotated with a standard class (``today: date``) that its body never rebinds."""
    arguments = getattr(scope, "args", None)
    if not isinstance(arguments, ast.arguments):
        return {}
    stored = {n.id for n in own_scope_nodes(scope) if isinstance(n, ast.Name) and isinstance(n.ctx, (ast.Store, ast.Del))}
    return {a.arg: classes[unparsed(a.annotation)] for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs
            if a.annotation is not None and unparsed(a.annotation) in classes and a.arg not in stored}


def _attribute_instances(tree: ast.Module, classes: Dict[str, type]) -> Dict[str, type]:
    """Attributes ``self.x`` that every assignment of the code sets to a call of one standard class."""
    kinds: Dict[str, set] = {}
    for node in walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, (ast.AnnAssign, ast.AugAssign)) else []
        for target in targets:
            for t in nodes_of(target, ast.Attribute):
                if isinstance(t.ctx, ast.Store):
                    value = node.value if target is t and isinstance(node, (ast.Assign, ast.AnnAssign)) else None
                    kinds.setdefault(t.attr, set()).add(classes.get(unparsed(value.func)) if isinstance(value, ast.Call) else None)
    return {name: found.pop() for name, found in kinds.items() if len(found) == 1 and None not in found}


def _objects(tree: ast.Module, classes: Dict[str, type]):
    """``(attribute node, standard class of its object)`` for each attribute looked up, outside ``try``, on an
    object the code makes in plain sight (``Path(path).read_lines``, ``p.read_lines`` after ``p = Path(path)``,
    ``self._files.move_to_front`` after ``self._files = OrderedDict()``) or on the class itself (``date.parse``)."""
    attributes = _attribute_instances(tree, classes)
    scopes = [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)))
    for scope in scopes:
        instances = _instances(scope, classes)
        for node in nodes_outside_try(scope):
            if not isinstance(node, ast.Attribute) or node.attr.startswith("__"):
                continue
            value = node.value
            if isinstance(value, (ast.Name, ast.Attribute)) and unparsed(value) in classes:  # date.parse(text): the class itself
                cls = classes[unparsed(value)]
            elif isinstance(value, (ast.Call, ast.BinOp)):  # Path(path).read_lines(), (end - start).day
                cls = _made(value, classes)
            elif isinstance(value, ast.Name):  # p = Path(path); p.read_lines()
                cls = instances.get(value.id)
            else:  # self._files = OrderedDict(); self._files.move_to_front(path)
                cls = attributes.get(value.attr) if isinstance(value, ast.Attribute) and getattr(value.value, "id", None) == "self" else None
            if cls is not None:
                yield node, cls


def _own_attributes(tree: ast.Module) -> set:
    """Attributes the code sets itself or asks about (``counts.total = 5``, ``hasattr(d, "x")``)."""
    own = {n.attr for n in nodes_of(tree, ast.Attribute) if isinstance(n.ctx, (ast.Store, ast.Del))}
    return own | {n.args[1].value for n in nodes_of(tree, ast.Call) if getattr(n.func, "id", None) in ("hasattr", "getattr", "setattr")
                  and len(n.args) > 1 and isinstance(n.args[1], ast.Constant)}


def missing_method(tree: ast.Module) -> Optional[str]:
    """Why a standard object's attribute lookup raises AttributeError, else None."""
    classes = _classes(tree)
    if not classes:
        return None
    own = _own_attributes(tree)
    for node, cls in _objects(tree, classes):
        if node.attr not in own and node.attr not in NEWER and not hasattr(cls, node.attr):
            return f"{unparsed(node)[:50]} (line {node.lineno}): {cls.__module__.lstrip('_')}.{cls.__name__} has no attribute {node.attr!r}"
    return None


# An instance of each in-memory standard class to try a call's arity on (no file, no clock, no network).
SAMPLES = {
    "deque": collections.deque, "Counter": collections.Counter, "OrderedDict": collections.OrderedDict, "defaultdict": collections.defaultdict,
    "date": lambda: datetime.date(2000, 1, 1), "datetime": lambda: datetime.datetime(2000, 1, 1), "time": datetime.time,
    "timedelta": lambda: datetime.timedelta(1), "Decimal": lambda: decimal.Decimal(1), "Fraction": lambda: fractions.Fraction(1), "StringIO": io.StringIO,
}
# What Python says of a call with too many or too few arguments (not of an argument of the wrong kind).
ARITY = literal_gates.compile(r"takes no arguments|takes (?:exactly |at most |at least |from \d+ to )?(?:\d+|one|two) (?:positional )?arguments?|"
                   r"expected (?:at most |at least )?\d+ arguments?, got \d+|missing \d+ required positional argument")


def wrong_arity(tree: ast.Module) -> Optional[str]:
    """A standard object's method called with a number of arguments it never takes: ``queue.pop(0)`` on a
    ``deque`` (whose ``pop`` takes none), ``datetime.strptime(text)``. The call is tried on a sample of the class
    with ``None`` for each argument, and only Python's own complaint about the count is taken."""
    classes = _classes(tree)
    if not classes:
        return None
    calls = {id(n.func): n for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Attribute)}
    for node, cls in _objects(tree, classes):
        call = calls.get(id(node))
        on_class = isinstance(node.value, (ast.Name, ast.Attribute)) and unparsed(node.value) in classes
        if call is None or cls.__name__ not in SAMPLES or call.keywords or any(isinstance(a, ast.Starred) for a in call.args) \
                or not hasattr(cls, node.attr) or (on_class and node.attr not in CONSTRUCTORS):
            continue
        try:
            getattr(cls if on_class else SAMPLES[cls.__name__](), node.attr)(*[None] * len(call.args))
        except TypeError as error:
            if ARITY.search(str(error)):
                return f"{unparsed(call)[:50]} (line {call.lineno}) on a {cls.__name__}: {error}"
        except Exception:  # noqa: BLE001 - any other complaint is about the sample's values, not the count
            continue
    return None


def _kind(value: ast.AST, instances: Dict[str, type], classes: Dict[str, type]) -> Optional[type]:
    return instances.get(value.id) if isinstance(value, ast.Name) else _made(value, classes)


PARSERS = frozenset({"fromisoformat", "strptime"})


def _field(node: ast.AST) -> Optional[tuple]:
    """``("order", "placed_at")`` for ``order["placed_at"]``, else None."""
    if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str):
        return node.value.id, node.slice.value
    return None


def twin_left_unparsed(tree: ast.Module) -> Optional[str]:
    """``placed = datetime.fromisoformat(order["placed_at"])`` then ``delivered - placed`` with ``delivered =
    order["delivered_at"]``: the code parses one timestamp of a record and takes its twin raw, a text, so the
    subtraction or comparison of the two raises TypeError (both fields come in the same form)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        parsed, raw = {}, {}
        for node in nodes_of(function, ast.Assign):
            if not (len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)):
                continue
            value, name = node.value, node.targets[0].id
            if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in PARSERS and value.args and _field(value.args[0]):
                parsed[name] = _field(value.args[0])
            elif _field(value):
                raw[name] = _field(value)
        stores = store_counts(function)
        for node in walk(function):
            sides = (node.left, node.right) if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) else (
                (node.left, node.comparators[0]) if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) else None)
            if sides is None or not all(isinstance(side, ast.Name) and stores[side.id] == 1 for side in sides):
                continue
            a, b = sides[0].id, sides[1].id
            for text, date in ((a, b), (b, a)):
                if text in raw and date in parsed and raw[text][0] == parsed[date][0] and raw[text][1] != parsed[date][1]:
                    return (f"{unparsed(node)[:50]} (line {node.lineno}): {date} is parsed from {parsed[date][0]}[{parsed[date][1]!r}] and {text} is "
                            f"{raw[text][0]}[{raw[text][1]!r}] as it came, a text, which raises TypeError")
    return None


def _pairs_combined(nodes) -> Iterator[Tuple[ast.AST, Tuple[ast.AST, ast.AST]]]:
    """The two sides of each sum, difference and ordering among ``nodes``; a chained ordering (``today <= checkout <=
    horizon``) gives each of its neighbouring pairs."""
    for node in nodes:
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Add)):
            yield node, (node.left, node.right)
        elif isinstance(node, ast.Compare) and all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
            sides = [node.left] + node.comparators
            for pair in zip(sides, sides[1:]):
                yield node, pair


def _helpers_making(tree: ast.Module, classes: Dict[str, type]) -> Dict[str, type]:
    """The code's top-level functions whose every return makes one standard class in plain sight (``def _clock(value):
    return datetime.strptime(value, "%H:%M").time()``): a call of one is an instance of it."""
    found = {}
    for function in (n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        local = _instances(function, classes)
        kinds = {(_made(r.value, classes) or local.get(getattr(r.value, "id", None))) if r.value is not None else None
                 for r in nodes_of(function, ast.Return)}
        if len(kinds) == 1 and None not in kinds and function.name not in classes:
            found[function.name] = kinds.pop()
    return found


def mixed_dates(tree: ast.Module) -> Optional[str]:
    """A datetime and a date, both made in plain sight (or a parameter annotated as one, never rebound), subtracted
    or ordered: Python refuses to mix them (TypeError), although each reads as "a date" (``datetime.now() -
    date.fromisoformat(s)``, ``as_of - checked_out`` with ``as_of: datetime`` and ``checked_out: date``), or a time of
    day ordered against either (``ts.time() > closing`` with ``closing = datetime.combine(day, time(20, 0))``). And a
    ``datetime.time`` minus another (or minus or plus a timedelta): a time of day takes no arithmetic at all. A call of the
    code's own helper that always makes one of them counts as one (``_clock(shift["end"]) - _clock(shift["start"])``)."""
    classes = _classes(tree)
    if not classes:
        return None
    classes = {**classes, **_helpers_making(tree, classes)}
    pair = {datetime.date, datetime.datetime}
    for scope in [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        instances = {**_annotated_instances(scope, classes), **_instances(scope, classes)}
        for node, sides in _pairs_combined(nodes_outside_try(scope)):
            kinds = {_kind(side, instances, classes) for side in sides}
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
                if kinds == {datetime.time, datetime.timedelta}:  # clock + timedelta(minutes=15)
                    return (f"{unparsed(node)[:60]} (line {node.lineno}) adds a timedelta to a datetime.time, which takes no arithmetic "
                            f"(TypeError; a datetime or minutes of the day are meant)")
                continue
            if kinds == pair:
                return f"{unparsed(node)[:60]} (line {node.lineno}) mixes a datetime and a date, which raises TypeError"
            if len(kinds) == 2 and kinds <= {datetime.time, datetime.datetime, datetime.date} and isinstance(node, ast.Compare):
                return f"{unparsed(node)[:60]} (line {node.lineno}) orders a time of day against a {'datetime' if datetime.datetime in kinds else 'date'}, which raises TypeError"
            if isinstance(node, ast.BinOp) and datetime.time in kinds and kinds <= {datetime.time, datetime.timedelta}:
                return (f"{unparsed(node)[:60]} (line {node.lineno}) subtracts from a datetime.time, which takes no arithmetic "
                        f"(TypeError; a datetime or minutes of the day are meant)")
    return None


ARITHMETIC = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)
MAPPING_TO = re.compile(r"(?:typing\.)?(?:dict|Dict|Mapping|MutableMapping)\[[\w.]+,(?P<value>[\w.]+)\]")  # an annotation, spaces removed


def decimal_with_float(tree: ast.Module) -> Optional[str]:
    """A ``Decimal`` in arithmetic with a float (``total * RUSH_SURCHARGE`` with ``RUSH_SURCHARGE = 0.25`` and ``total``
    made of Decimals): Python refuses to mix them (TypeError), so every call that reaches the line raises. The
    float is a literal, a name the module binds once to one, an item of a dict the module binds once to floats alone
    (``DISCOUNTS[kind]``), a parameter annotated ``float`` or defaulting to one (``vat_rate=0.2``), a local bound once
    to one of those (``rate = MG_PER_KG[drug]``) or bound to numbers alone, a float among them (``factor = 1.5`` on one
    branch of an if); the Decimal is a ``Decimal(...)`` call, its ``quantize``, a
    ``sum`` that starts from a Decimal, or arithmetic of Decimals and ints, followed through names bound only so,
    a parameter annotated ``Decimal``, or an item of one annotated ``dict[str, Decimal]``."""
    classes = _classes(tree)
    decimal_names = {name for name, cls in classes.items() if cls is decimal.Decimal}
    if not decimal_names:
        return None
    stores = store_counts(tree)
    floats = {n.targets[0].id for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
              and isinstance(n.value, ast.Constant) and type(n.value.value) is float and stores[n.targets[0].id] == 1}
    # DISCOUNTS = {"student": 0.20, "senior": 0.30}: each value a float, so DISCOUNTS[kind] and DISCOUNTS.get(kind) are floats
    float_maps = {n.targets[0].id for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                  and isinstance(n.value, ast.Dict) and n.value.values and stores[n.targets[0].id] == 1
                  and all(isinstance(v, ast.Constant) and type(v.value) is float for v in n.value.values)}
    for scope in [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        arguments = getattr(scope, "args", None)
        parameters = [a for a in arguments.posonlyargs + arguments.args + arguments.kwonlyargs] if arguments else []
        bindings: Dict[str, list] = {}
        for node in own_scope_nodes(scope):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                bindings.setdefault(node.targets[0].id, []).append(node.value)
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name) and node.value is not None:
                bindings.setdefault(node.target.id, []).append(node.value if isinstance(node, ast.AnnAssign) else ast.BinOp(node.target, node.op, node.value))
            else:
                target = node.target if isinstance(node, (ast.For, ast.AsyncFor, ast.NamedExpr, ast.comprehension)) else getattr(node, "optional_vars", None)
                for bound in walk(target) if isinstance(node, (ast.For, ast.AsyncFor, ast.NamedExpr, ast.comprehension, ast.withitem)) and target else []:
                    if isinstance(bound, ast.Name):
                        bindings.setdefault(bound.id, []).append(None)  # bound by a loop or a with: anything
        local_floats = {name for name in floats if scope is tree or name not in bindings and name not in {a.arg for a in parameters}}  # not a local of that name
        local_floats |= {a.arg for a in parameters if a.annotation is not None and unparsed(a.annotation) == "float" and stores[a.arg] == 0}
        defaults = list(zip(arguments.posonlyargs + arguments.args, [None] * (len(arguments.posonlyargs + arguments.args) - len(arguments.defaults))
                            + list(arguments.defaults))) + list(zip(arguments.kwonlyargs, arguments.kw_defaults)) if arguments else []
        local_floats |= {a.arg for a, default in defaults if a.annotation is None and isinstance(default, ast.Constant)  # vat_rate=0.2
                         and type(default.value) is float and stores[a.arg] == 0}
        annotated = {a.arg: unparsed(a.annotation).replace(" ", "") for a in parameters if a.annotation is not None and stores[a.arg] == 0}
        decimal_parameters = {name for name, annotation in annotated.items() if annotation in decimal_names}
        decimal_maps = {name for name, annotation in annotated.items()  # fees: dict[str, Decimal]: fees[subject] is a Decimal
                        if MAPPING_TO.fullmatch(annotation) and MAPPING_TO.fullmatch(annotation).group("value") in decimal_names}

        def is_float(node: ast.AST) -> bool:  # 0.15, DISCOUNT = 0.15, and 1 - DISCOUNT: a float from ints and floats
            if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
                sides = (node.left, node.right)
                return any(is_float(side) for side in sides) and all(is_float(side) or isinstance(side, ast.Constant) and type(side.value) is int for side in sides)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in float_maps and node.value.id not in bindings:
                return True
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and len(node.args) == 1 \
                    and isinstance(node.func.value, ast.Name) and node.func.value.id in float_maps and node.func.value.id not in bindings:
                return True  # DISCOUNTS.get(kind) with no default: a float, or None (TypeError too)
            return isinstance(node, ast.Constant) and type(node.value) is float or isinstance(node, ast.Name) and node.id in local_floats

        for name, values in bindings.items():  # rate = MG_PER_KG[drug]: bound once, to a float
            if name not in local_floats and len(values) == 1 and values[0] is not None and stores[name] == 1 and is_float(values[0]):
                local_floats.add(name)
            # factor = 1 / factor = 1.5 / factor = 2 on the branches of an if: the branch that binds the float raises
            elif name not in local_floats and len(values) > 1 and all(isinstance(v, ast.Constant) and type(v.value) in (int, float) for v in values) \
                    and any(type(v.value) is float for v in values) and stores[name] == len(values):
                local_floats.add(name)
        known: set = set()

        def is_decimal(node: ast.AST) -> bool:
            if isinstance(node, ast.Call):
                function = unparsed(node.func)
                start = node.args[1] if len(node.args) == 2 else next((k.value for k in node.keywords if k.arg == "start"), None)
                if function == "sum" and start is not None and "sum" not in bindings:  # sum(prices, Decimal("0")): a Decimal
                    return is_decimal(start)
                return function in decimal_names or isinstance(node.func, ast.Attribute) and node.func.attr == "quantize" and is_decimal(node.func.value)
            if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC):
                sides = (node.left, node.right)
                return any(is_decimal(side) for side in sides) and all(
                    is_decimal(side) or isinstance(side, ast.Constant) and type(side.value) is int for side in sides)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id in decimal_maps:
                return True
            return isinstance(node, ast.Name) and (node.id in known or node.id in decimal_parameters)

        grew = True
        while grew:
            grew = False
            for name, values in bindings.items():
                own = [v for v in values if not (isinstance(v, ast.BinOp) and isinstance(v.left, ast.Name) and v.left.id == name  # total += ...: still a Decimal, or the error
                                                 or isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr == "quantize"
                                                 and isinstance(v.func.value, ast.Name) and v.func.value.id == name)]  # net = net.quantize(CENT): still one
                if name not in known and name not in local_floats and own and all(v is not None and is_decimal(v) for v in own):
                    known.add(name)
                    grew = True
        for node in nodes_outside_try(scope):
            if isinstance(node, ast.BinOp) and isinstance(node.op, ARITHMETIC) and any(
                    is_decimal(a) and is_float(b) for a, b in ((node.left, node.right), (node.right, node.left))):
                return f"{unparsed(node)[:60]} (line {node.lineno}) mixes a Decimal and a float, which raises TypeError"
            if isinstance(node, ast.AugAssign) and isinstance(node.op, ARITHMETIC) and isinstance(node.target, ast.Name) and node.target.id in known and is_float(node.value):
                return f"{unparsed(node)[:60]} (line {node.lineno}) mixes a Decimal and a float, which raises TypeError"
    return None


JSON_WRITERS = frozenset({"json.dumps", "json.dump", "dumps", "dump"})


def decimals_into_json(tree: ast.Module) -> Optional[str]:
    """``json.dumps(totals)`` where ``totals = defaultdict(Decimal)``, or a dict the code fills with Decimals
    (``totals[k] = Decimal(v)``, ``...quantize(CENT)``): the json module has no encoding for a Decimal and raises
    TypeError, unless ``default=`` or ``cls=`` says how to write one."""
    decimal_names = {name for name, cls in _classes(tree).items() if cls is decimal.Decimal}
    if not decimal_names:
        return None

    def is_decimal(value: ast.AST) -> bool:
        return isinstance(value, ast.Call) and (unparsed(value.func) in decimal_names or isinstance(value.func, ast.Attribute) and value.func.attr == "quantize")

    stores = store_counts(tree)
    for scope in [tree] + list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        nodes = list(own_scope_nodes(scope))
        containers, holders = set(), set()
        for node in nodes:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1:
                value = node.value
                if isinstance(value, ast.Call) and unparsed(value.func) in ("defaultdict", "collections.defaultdict") and len(value.args) == 1 \
                        and unparsed(value.args[0]) in decimal_names:
                    holders.add(node.targets[0].id)  # defaultdict(Decimal): every value a Decimal
                elif isinstance(value, ast.Dict) and not value.keys or isinstance(value, ast.Call) and unparsed(value.func) in ("dict", "defaultdict", "collections.defaultdict"):
                    containers.add(node.targets[0].id)
        for node in nodes:
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else node.target if isinstance(node, ast.AugAssign) else None
            if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id in containers and is_decimal(node.value):
                holders.add(target.value.id)
        for node in nodes:
            if isinstance(node, ast.Call) and unparsed(node.func) in JSON_WRITERS and node.args and isinstance(node.args[0], ast.Name) \
                    and node.args[0].id in holders and not any(k.arg in ("default", "cls") for k in node.keywords):
                return f"{unparsed(node)[:60]} (line {node.lineno}) writes Decimals ({node.args[0].id}'s values) to JSON, which raises TypeError: json cannot encode a Decimal"
    return None


def _floating(value: ast.AST) -> bool:
    """A float for sure: a true division, arithmetic with a float written in it (``minutes * 1.1``), ``float(...)``."""
    if isinstance(value, ast.BinOp):
        return isinstance(value.op, ast.Div) or isinstance(value.op, (ast.Mult, ast.Add, ast.Sub)) and any(
            isinstance(side, ast.Constant) and type(side.value) is float for side in (value.left, value.right))
    return isinstance(value, ast.Call) and getattr(value.func, "id", None) == "float"


def integer_format_of_a_float(tree: ast.Module) -> Optional[str]:
    """``f"~{minutes:d} min"`` where the last assignment of ``minutes`` before it makes a float (``minutes = minutes * 1.1``
    on the long-queue branch): the ``d`` presentation type takes ints only, so that branch raises ValueError."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        assigned: Dict[str, list] = {}
        for node in own_scope_nodes(function):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                assigned.setdefault(node.targets[0].id, []).append(node)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
                assigned.setdefault(node.target.id, []).append(ast.Assign(targets=[node.target], value=ast.BinOp(node.target, node.op, node.value), lineno=node.lineno))
        for node in own_scope_nodes(function):
            if not (isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) and isinstance(node.format_spec, ast.JoinedStr)
                    and node.format_spec.values and isinstance(node.format_spec.values[-1], ast.Constant)
                    and re.fullmatch(r"[<>^=]?[+ -]?0?\d*[,_]?d", str(node.format_spec.values[-1].value)) and len(node.format_spec.values) == 1):
                continue
            before = [a for a in assigned.get(node.value.id, []) if a.lineno < node.lineno]
            if before and _floating(before[-1].value):
                return (f"{{{node.value.id}:{node.format_spec.values[-1].value}}} (line {node.lineno}) formats {node.value.id} as an int, and "
                        f"{unparsed(before[-1].value)[:40]} (line {before[-1].lineno}) makes it a float: ValueError")
    return None
