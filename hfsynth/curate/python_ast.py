"""Python code as an AST for the per-row checks, or None when it does not parse.

Every check reads model output, so a parse must never raise or warn: syntax errors are the validity
step's business (it reports them), invalid escape sequences are only warnings, and pathological
nesting raises RecursionError or MemoryError. One place says so for every check.
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
import sys
import warnings
from collections import Counter
from typing import Callable, Dict, Iterator, List, Optional, Tuple

# The standard library's top-level module names (of the Python that runs the checks).
STDLIB_MODULES = frozenset(sys.stdlib_module_names)
PARSE_ERRORS = (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError)
# Where an error may be the point (a try body, a lambda handed to something that catches), and what opens a namespace.
GUARDED = (ast.Try, ast.Lambda) + ((ast.TryStar,) if hasattr(ast, "TryStar") else ())
SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


# What a check asks of a node again and again (the nodes below it, its direct children, its source text) is
# computed once and kept on the node itself, under these attribute names: the per-row checks walk and unparse the
# same trees hundreds of times (a row's module, each of its functions, loops and calls). An attribute is read
# faster than a weak-keyed table (which makes a weak reference on every look-up), and the ast module's own
# readers (ast.dump, ast.unparse, compile) look only at a node's _fields. bench/curation.py --row-checks turns
# KEEP_PER_NODE off to time the difference.
KEEP_PER_NODE = True
_BELOW, _CHILDREN, _SOURCE, _PROSE_FREE, _WALKS = "_hfsynth_below", "_hfsynth_children", "_hfsynth_source", "_hfsynth_without_docstrings", "_hfsynth_walks"
_TYPED, _STORES = "_hfsynth_typed", "_hfsynth_store_counts"


def _direct_children(node: ast.AST) -> List[ast.AST]:
    found: List[ast.AST] = []
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, list):
            found.extend(item for item in value if isinstance(item, ast.AST))
        elif isinstance(value, ast.AST):
            found.append(value)
    return found


def walk(node: ast.AST) -> Tuple[ast.AST, ...]:
    """``ast.walk(node)`` as a tuple, in the same order, computed once per node. The trees must not change
    after they are walked: the checks only read them, and the few that edit a tree edit one of their own
    (``parse_python(code, fresh=True)``)."""
    found = node.__dict__.get(_BELOW)
    if found is None:
        grown = [node]
        for current in grown:  # breadth first, as ast.walk: the list grows while it is read
            grown.extend(children(current))
        found = tuple(grown)
        if KEEP_PER_NODE:
            setattr(node, _BELOW, found)
    return found


def nodes_of(node: ast.AST, kinds) -> Tuple[ast.AST, ...]:
    """The nodes of ``walk(node)`` that are instances of ``kinds`` (a class or a tuple of them), in walk order,
    computed once per node and kinds: most checks look for one kind of node (calls, loops, returns) in the
    same trees, and filtering every node of the tree again, check after check, was their main cost."""
    typed = node.__dict__.get(_TYPED)
    if typed is None:
        typed = {}
        if KEEP_PER_NODE:
            setattr(node, _TYPED, typed)
    found = typed.get(kinds)
    if found is None:
        found = typed[kinds] = _of_kinds(node, kinds, typed)
    return found


_BY_TYPE = "nodes by type"  # the key, among the kinds asked of a node, of its nodes' walk positions grouped by their exact type


def _of_kinds(node: ast.AST, kinds, typed: dict) -> Tuple[ast.AST, ...]:
    """The nodes of ``walk(node)`` of ``kinds``. A module or function is asked for dozens of kinds, check after
    check: from its third kind on, the walk positions of its nodes are grouped by type once, and a kind is read from
    the groups of the node types it names, in walk order, without testing every node of the walk again."""
    if len(typed) < 2:
        return tuple(n for n in walk(node) if isinstance(n, kinds))
    walked = walk(node)
    groups = typed.get(_BY_TYPE)
    if groups is None:
        groups = typed[_BY_TYPE] = {}
        for position, n in enumerate(walked):
            groups.setdefault(type(n), []).append(position)
    matching = [groups[kind] for kind in _node_types_of(kinds) if kind in groups]
    if not matching:
        return ()
    # Several types (``(ast.For, ast.While)``, ``ast.stmt``): their positions merged back into walk order.
    positions = matching[0] if len(matching) == 1 else sorted(itertools.chain.from_iterable(matching))
    return tuple(map(walked.__getitem__, positions))


@functools.lru_cache(maxsize=None)
def _node_types_of(kinds) -> Tuple[type, ...]:
    """Every node class that is one of ``kinds`` (``ast.stmt``: its 27 statements): a kind asked of a tree is
    looked up among the few classes it names, not tested against each class the tree holds."""
    found, stack = [], [ast.AST]
    while stack:
        current = stack.pop()
        if issubclass(current, kinds):
            found.append(current)
        stack.extend(current.__subclasses__())
    return tuple(dict.fromkeys(found))


def children(node: ast.AST) -> List[ast.AST]:
    """``ast.iter_child_nodes(node)`` as a list, computed once per node (the recursive walks below ask again
    for the same nodes' children, check after check)."""
    found = node.__dict__.get(_CHILDREN)
    if found is None:
        found = _direct_children(node)
        if KEEP_PER_NODE:
            setattr(node, _CHILDREN, found)
    return found


def unparsed(node: ast.AST) -> str:
    """``ast.unparse(node)``, computed once per node: many checks search a row's whole source for a word
    (``fullmatch``, ``round(``, ``KeyError``) and each used to unparse the module again."""
    text = node.__dict__.get(_SOURCE)
    if text is None:
        text = ast.unparse(node)
        if KEEP_PER_NODE:
            setattr(node, _SOURCE, text)
    return text


def kept_walk(node: ast.AST, walker: Callable[[ast.AST], Iterator[ast.AST]]) -> Tuple[ast.AST, ...]:
    """``tuple(walker(node))``, computed once per node and walker: the partial walks (outside ``try`` bodies, in
    one namespace, outside asserts) are asked of the same module and functions by check after check."""
    walks = node.__dict__.get(_WALKS)
    if walks is None:
        walks = {}
        if KEEP_PER_NODE:
            setattr(node, _WALKS, walks)
    found = walks.get(walker)
    if found is None:
        found = walks[walker] = tuple(walker(node))
    return found


def nodes_outside_try(node: ast.AST) -> Tuple[ast.AST, ...]:
    """Every node below ``node`` outside ``try`` bodies and lambdas: a certain error there may be the point."""
    return kept_walk(node, _nodes_outside_try)


def preorder(node: ast.AST, skipped: tuple, also_skipped: Optional[Callable[[ast.AST], bool]] = None) -> List[ast.AST]:
    """The nodes below ``node`` depth first, each before its children and children left to right, not
    entering (nor giving) those of the ``skipped`` kinds or for which ``also_skipped`` holds: the order of a
    recursive walk, made with a stack (a generator per level cost the partial walks more than the checks
    that read them)."""
    found: List[ast.AST] = []
    stack = children(node)[::-1]
    while stack:
        current = stack.pop()  # a node is judged when it is reached: skipped, or given and its children stacked
        if isinstance(current, skipped) or (also_skipped is not None and also_skipped(current)):
            continue
        found.append(current)
        stack.extend(children(current)[::-1])
    return found


def _nodes_outside_try(node: ast.AST) -> List[ast.AST]:
    return preorder(node, GUARDED)


def own_scope_nodes(scope: ast.AST, skip_comprehensions: bool = False) -> Tuple[ast.AST, ...]:
    """The nodes of ``scope``'s own namespace: not those of nested functions, classes or lambdas (nor,
    with ``skip_comprehensions``, of comprehensions, whose targets are their own variables)."""
    return kept_walk(scope, _own_scope_nodes_but_comprehensions if skip_comprehensions else _own_scope_nodes)


def _own_scope_nodes(scope: ast.AST) -> List[ast.AST]:
    return preorder(scope, SCOPES)


def _own_scope_nodes_but_comprehensions(scope: ast.AST) -> List[ast.AST]:
    return preorder(scope, SCOPES + COMPREHENSIONS)


def parse_python(code: str, fresh: bool = False) -> Optional[ast.Module]:
    """The module's AST, or None when the code does not parse. The same code gives the same tree object, which
    every check of a row then shares, walks included (:func:`walk`); so no check may change it: one that edits
    a tree asks for a ``fresh`` one."""
    return _parse(code) if fresh else _parse_shared(code)


def _parse(code: str) -> Optional[ast.Module]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.parse(code)
        except PARSE_ERRORS:
            return None


_parse_shared = functools.lru_cache(maxsize=64)(_parse)  # a row's code, tests and blocks, parsed by each of its checks


def checks_without_assert(node: ast.AST) -> bool:
    """Whether this node can fail a test run other than by an ``assert``: a ``raise``, a ``test*``
    function, a ``unittest.TestCase`` class, or an ``assert*`` call (``self.assertEqual``). The
    execution step counts these as tests; the vacuous-tests check cannot judge them."""
    if isinstance(node, ast.Raise):
        return True
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
        return True
    if isinstance(node, ast.ClassDef) and any("TestCase" in ast.unparse(base) for base in node.bases):
        return True
    if isinstance(node, ast.Call):
        func = node.func
        return (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")).startswith("assert")
    return False


def literal_value(node_or_text):
    """``(value, True)`` when ``ast.literal_eval`` reads the node or the text (stripped) as one
    constant (``3``, ``"a"``, ``[1, (2, None)]``), else ``(None, False)``; never raises."""
    if isinstance(node_or_text, str):
        node_or_text = node_or_text.strip()
        value, ok, kept = _literal_of_text(node_or_text)
        if kept or not ok:
            return value, ok
    try:
        return ast.literal_eval(node_or_text), True
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None, False


# How the text of anything ast.literal_eval reads begins: a number, a sign, a bracket, a quote (after a string
# prefix), `...`, True, False, None, or set().
_MAY_BE_A_LITERAL = re.compile(r"[0-9.+\-(\[{'\"]|(?:[bBrRuU]|[bB][rR]|[rR][bB])['\"]|True|False|None|set\b")


@functools.lru_cache(maxsize=1 << 16)
def _literal_of_text(text: str):
    """``(value, True, kept)`` when ``ast.literal_eval`` reads the text, else ``(None, False, False)``: the worked-example
    readers try every stretch of an instruction that could be a value, the same stretches check after check, and most
    are none. ``kept``: the value is immutable (it hashes), so the cached one may be handed out; a list is read again,
    as a caller may go on to change it."""
    if not _MAY_BE_A_LITERAL.match(text):
        return None, False, False  # "the list", "returns": no literal starts so, and parsing each stretch cost more than the checks
    try:
        value = ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None, False, False
    try:
        hash(value)
    except TypeError:
        return None, True, False
    return value, True, True


def short_list_value(text: str):
    """``(value, True)`` for a list or tuple spelt short, ``[10] * 12`` or ``[10, 9, 1] * 5 + [10]`` (literals joined by
    ``+`` and repeated by a small ``*``), else ``(None, False)``; never raises."""
    try:
        node = ast.parse(text.strip(), mode="eval").body
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None, False

    def value(n, depth=0):
        if depth > 4:
            raise ValueError
        if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Mult)):
            left, right = value(n.left, depth + 1), value(n.right, depth + 1)
            if isinstance(n.op, ast.Mult) and not (isinstance(right, int) and 0 <= right <= 1000 or isinstance(left, int) and 0 <= left <= 1000):
                raise ValueError
            return left + right if isinstance(n.op, ast.Add) else left * right
        return ast.literal_eval(n)

    if not (isinstance(node, ast.BinOp) and any(isinstance(side, (ast.List, ast.Tuple)) for side in walk(node))):
        return None, False
    try:
        result = value(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None, False
    return (result, True) if isinstance(result, (list, tuple)) else (None, False)


def is_literal(node: ast.AST) -> bool:
    """A constant ``ast.literal_eval`` reads (``3``, ``"a"``, ``[1, (2, None)]``)."""
    return literal_value(node)[1]


def string_constants(tree: ast.AST) -> List[str]:
    """Every string literal of the tree, docstrings and f-string parts included, in walk order."""
    return [n.value for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str)]


def outside_guards(tree: ast.AST) -> Iterator[ast.AST]:
    """The nodes a module runs as it stands: not under ``try``/``with`` (where a call may be meant to fail)
    nor inside a function, class or lambda."""
    for child in children(tree):
        if isinstance(child, (ast.Try, ast.With) + SCOPES) or type(child).__name__ == "TryStar":
            continue
        yield child
        yield from outside_guards(child)


@functools.lru_cache(maxsize=256)
def words_of(text: str) -> frozenset:
    """The words of a text (its runs of word characters): ``name in words_of(text)`` is ``re.search(rf"\\b{name}\\b", text)``
    for an identifier, without compiling a pattern per name (which pushed the re module's cache out, row after row)."""
    return frozenset(re.findall(r"\w+", text))


@functools.lru_cache(maxsize=256)
def called_names(text: str) -> frozenset:
    """The words of a text written as calls, ``name(``: ``name in called_names(text)`` is ``re.search(rf"\\b{name}\\(", text)``."""
    return frozenset(re.findall(r"\b(\w+)\(", text))


def asked_function(tree: ast.Module, instruction: str) -> Optional[ast.FunctionDef]:
    """The top-level public function an instruction asks for: the one it names (``name(``), else the
    code's only public function when the instruction names none of them."""
    public = [n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
    called = called_names(instruction)
    named = [n for n in public if n.name in called]
    if len(named) == 1:
        return named[0]
    return public[0] if len(public) == 1 and not named else None


def top_level_definitions(tree: ast.Module, classes: bool = True) -> set:
    """The names the module's top-level ``def`` (and ``class``) statements bind: what an example or a usage line may call
    (:func:`hfsynth.curate.inputs.defined_names` also counts assignments and imports)."""
    kinds = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef) if classes else (ast.FunctionDef, ast.AsyncFunctionDef)
    return {node.name for node in tree.body if isinstance(node, kinds)}


def takes_arguments(function) -> bool:
    """Whether the function has any parameter (positional, keyword, ``*args``, ``**kwargs``)."""
    a = function.args
    return bool(a.posonlyargs or a.args or a.kwonlyargs or a.vararg or a.kwarg)


def imports_only_stdlib(tree: ast.AST) -> bool:
    """No import outside the standard library (a relative import counts as outside): a library's
    objects may have any method and return anything."""
    for node in walk(tree):
        if isinstance(node, ast.Import) and any(a.name.split(".")[0] not in STDLIB_MODULES for a in node.names):
            return False
        if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").split(".")[0] not in STDLIB_MODULES):
            return False
    return True


def is_print(call: ast.Call) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == "print"


def store_counts(tree: ast.AST) -> Counter:
    """How often each plain name is assigned in ``tree``: a name stored once holds the one value it was given. Counted
    once per node and shared, like the tree (dozens of checks ask it of the same functions), so no caller may change it."""
    found = tree.__dict__.get(_STORES)
    if found is None:
        found = Counter(n.id for n in nodes_of(tree, ast.Name) if isinstance(n.ctx, ast.Store))
        if KEEP_PER_NODE:
            setattr(tree, _STORES, found)
    return found


def parameter_names(tree: ast.AST) -> set:
    """The parameter names of every function in ``tree``."""
    return {a.arg for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
            for a in f.args.posonlyargs + f.args.args + f.args.kwonlyargs + [x for x in (f.args.vararg, f.args.kwarg) if x]}


def names_and_values(node: ast.AST) -> List[tuple]:
    """``(name, value)`` for each plain name an assignment of one target binds: ``a = f(x)`` gives ``a`` and ``f(x)``;
    ``bs, be = m(start), m(end)`` gives each name its own part; anything else gives nothing."""
    if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
        return []
    target, value = node.targets[0], node.value
    pairs = zip(target.elts, value.elts) if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts) else [(target, value)]
    return [(name.id, part) for name, part in pairs if isinstance(name, ast.Name)]


def values_bound_once(tree: ast.AST) -> Dict[str, ast.expr]:
    """Names assigned exactly once (``ZIP = r"\\d{5}"``, ``LIMIT = 5000``, ``PATTERN = re.compile(...)``), each with the
    value it holds wherever it is read."""
    stores = store_counts(tree)
    return {node.targets[0].id: node.value for node in nodes_of(tree, ast.Assign)
            if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1}


def bound_names(*trees: ast.AST) -> set:
    """Every name the trees bind: assigned, defined, imported."""
    names = set()
    for tree in trees:
        names.update(node.id for node in nodes_of(tree, ast.Name) if isinstance(node.ctx, ast.Store))
        names.update(node.name for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)))
        names.update((node.asname or node.name).partition(".")[0] for node in nodes_of(tree, ast.alias))
    return names


def elif_chain(node: ast.If) -> List[ast.If]:
    """The ``if`` and each ``elif`` of a chain, in order (an ``else`` holding only an ``if`` reads as an ``elif``)."""
    chain = [node]
    while len(chain[-1].orelse) == 1 and isinstance(chain[-1].orelse[0], ast.If):
        chain.append(chain[-1].orelse[0])
    return chain


def without_docstrings(tree: ast.Module) -> ast.Module:
    """A copy of the tree without its docstrings: what the code does, not what it says it does. Made once per
    tree and shared like the tree itself, so no caller may change it."""
    copy = tree.__dict__.get(_PROSE_FREE)
    if copy is None:
        copy = ast.parse(unparsed(tree))
        for node in ast.walk(copy):
            body = getattr(node, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
                node.body = body[1:] or [ast.Pass()]
        if KEEP_PER_NODE:
            setattr(tree, _PROSE_FREE, copy)
    return copy


def breaks_out_of(statements: List[ast.stmt]) -> bool:
    """A ``break`` of the loop whose body is ``statements``: not one inside a loop nested in it (whose ``else`` is
    the outer loop's again), nor in a nested function or class."""
    for statement in statements:
        if isinstance(statement, ast.Break):
            return True
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        nested = isinstance(statement, (ast.For, ast.AsyncFor, ast.While))  # its body's breaks are its own; its else's are ours
        blocks = [statement.orelse] if nested else [getattr(statement, field, None) or [] for field in ("body", "orelse", "finalbody")]
        blocks += [h.body for h in getattr(statement, "handlers", None) or []] + [c.body for c in getattr(statement, "cases", None) or []]
        if any(breaks_out_of(block) for block in blocks):
            return True
    return False


def value_fits(value, annotation: Optional[ast.expr]) -> bool:
    """The value is of the kind the annotation names (``[1, 2]`` for ``list[int]``, ``None`` for ``int | None``;
    any value when there is none): an instruction's example value handed to the parameter it is written for."""
    if annotation is None:
        return True
    if isinstance(annotation, ast.BinOp) and isinstance(annotation.op, ast.BitOr):  # int | None
        return value_fits(value, annotation.left) or value_fits(value, annotation.right)
    if isinstance(annotation, ast.Subscript):
        base = ast.unparse(annotation.value).replace("typing.", "")
        if base in ("Optional", "Union"):
            members = annotation.slice.elts if isinstance(annotation.slice, ast.Tuple) else [annotation.slice]
            return (base == "Optional" and value is None) or any(value_fits(value, member) for member in members)
        items = _items_of(value, base)
        if items is not None and not isinstance(annotation.slice, ast.Tuple):  # list[dict] is not given ["In Transit", "delivered"]
            item_kind = ast.unparse(annotation.slice).replace("typing.", "")
            if item_kind.split("[")[0].strip() in KNOWN_KINDS and not all(value_fits(item, annotation.slice) for item in items):
                return False
    if isinstance(annotation, ast.Constant) and annotation.value is None:
        return value is None
    return _fits_kind(value, ast.unparse(annotation).replace("typing.", ""))


KNOWN_KINDS = frozenset(("int", "float", "bool", "str", "bytes", "list", "List", "tuple", "Tuple", "dict", "Dict", "set", "Set"))


def _items_of(value, base: str) -> Optional[list]:
    """The items of a list or set the annotation's one element kind is for, else None."""
    if base in ("list", "List", "Sequence", "Collection", "set", "Set", "frozenset", "FrozenSet") and isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return None


def _fits_kind(value, kind: str) -> bool:
    base = kind.split("[")[0].strip()
    if base == "None":
        return value is None
    if base == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    if base == "float":
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if base == "bool":
        return isinstance(value, bool)
    if base == "str":
        return isinstance(value, str)
    if base == "bytes":
        return isinstance(value, bytes)
    if base in ("list", "List", "Sequence", "Iterable", "Collection"):
        return isinstance(value, (list, tuple)) and (base != "Iterable" or not isinstance(value, str))
    if base in ("tuple", "Tuple"):
        return isinstance(value, tuple)
    if base in ("dict", "Dict", "Mapping"):
        return isinstance(value, dict)
    if base in ("set", "Set", "frozenset", "FrozenSet"):
        return isinstance(value, (set, frozenset))
    return False
