"""Code with nothing in it: trivial bodies, and "solutions" that only print.

- trivial: no statement anywhere does anything, or every top-level function that takes
  parameters and returns a value uses none of them (its result cannot depend on its input) or
  only returns one of them unchanged, or a function or method beside working code is left a stub
  (interfaces and overridden base methods aside), or a loop or branch holds only ``...``, or a
  function assigns locals and returns nothing, or a top-level function raises NotImplementedError
  for part of its task, or a statement follows a ``return`` (or a ``while True`` it never breaks out
  of) in its block (dead code: the model kept writing after its answer), or a function stops mid-way
  (its last statement assigns locals it never reads, or a statement does nothing: ``rows`` alone,
  the line the cut left), or an ``elif`` repeats an earlier condition of its chain or a condition no
  value meets, or a loop returns on its first pass, or a ``while`` loop can go round without
  changing what its condition reads (:mod:`hfsynth.curate.endless_loops`), or a parameter is
  overwritten before it is read (:mod:`hfsynth.curate.dead_paths`), or a statement raises whenever it runs (``len(None)``, a
  number iterated: :mod:`hfsynth.curate.certain_errors`), or it misuses a standard call
  (``name.rstrip(".txt")``, ``re.fullmatch(text, PATTERN)``: :mod:`hfsynth.curate.misused_calls`; a validator's
  ``re.match`` with no closing ``$``: :mod:`hfsynth.curate.anchored_patterns`), or it pieces a string
  together from slices that overlap (``f"{d[3:6]}-{d[5:]}"``: :mod:`hfsynth.curate.pieced_slices`), or it tests one axis of two
  (``x1 >= x2`` and never ``y1 >= y2``: :mod:`hfsynth.curate.axis_checks`), or it types in answers or leaves values to
  fill in (:mod:`hfsynth.curate.typed_answers`). Docstrings, ``pass``, ``...``, ``raise NotImplementedError``,
  a bare ``return`` or ``return None`` and imports are empty; functions and classes are looked into. A stub, a Protocol of ``...`` methods, a class of
  ``pass`` are trivial; a dataclass's fields, a subclass declaration (``class E(Exception): pass``),
  a constant or one real statement are not.
  A comment that marks the work as not done (``# TODO: save the file``, ``# your code here``)
  makes the code trivial too, and so do tests in which every assert checks nothing
  (``assert True``, ``f(x) == f(x)``, ``p or not p``, only ``isinstance`` or ``is not None``):
  they pass whatever the code does (``curate.trivial.vacuous_tests``), and tests that check only
  shapes (lengths, types, order against a bound) of code whose results do not vary from run to
  run. So does a response cut inside a code block: its last fence never closes and its last line
  is indented.
- print_only: no function, class or lambda, no loop or branch, and no call but ``print``: the
  model "answered" by printing a result it worked out itself (``print("The sum is 15")``).
  A script that reads input, loops, calls a library, computes something (``a, b = b, a``) or
  prints the very text its instruction asked it to print is kept; ``require_definition`` drops
  every row without a function or class.

Python only (other languages pass). Per-row checks: :func:`trivial` and :func:`print_only` take
one row and return None (keep) or the reason.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.anchored_patterns import unanchored_validation
from hfsynth.curate.asked_signatures import asked_signatures
from hfsynth.curate.axis_checks import one_axis_tested
from hfsynth.curate.certain_errors import certain_error, read_before_its_bounds
from hfsynth.curate.labelled_ranges import label_cut_elsewhere
from hfsynth.curate.dead_paths import (best_kept_as_another_value, helper_never_called, discarded_new_value, empty_branch, extremes_from_infinity_by_elif, first_bound_always_wins, overlap_always_true, falls_off_the_end, impossible_condition,
                                      loop_returns_on_first_pass, lost_work, never_filled_key, overwritten_parameters, overwritten_total, repeated_condition, returned_never_filled,
                                      swapped_clamp, unread_parts)
from hfsynth.curate.endless_loops import (advances_by_a_find, climbs_past_the_root, shows_a_root_linked_to_itself, counter_never_counts, settles_after_one_pass, endless_while, flag_never_cleared, float_never_equal, follows_itself, found_again, jumps_onto_its_bound, steps_past_its_end, steps_one_way_from_a_difference, wraps_round_a_full_set, remainder_never_changes, recurses_into_strings,
                                          recurses_unchanged, revisits_a_graph, stepped_past, stuck_bisection)
from hfsynth.curate.partial_means import mean_over_the_key_count, mean_over_the_whole
from hfsynth.curate.pieced_slices import overlapping_slices
from hfsynth.curate.python_ast import breaks_out_of, children, is_literal, is_print, nodes_of, parse_python, takes_arguments, unparsed, walk
from hfsynth.curate.skipped_items import last_item_never_reached, last_run_never_judged
from hfsynth.curate.time_values import difference_attribute, isoweekday_as_index
from hfsynth.curate.instruction_examples import instruction_examples
from hfsynth.curate.misused_calls import misused_call, stripped_named_affix, stripped_word
from hfsynth.curate.wrong_kind_values import wrong_kind_value
from hfsynth.curate.typed_answers import (
    asserted_examples,
    placeholder_values,
    prints_one_text,
    reads_a_sequence_table,
    returns_an_example_output,
    returns_one_constant,
    special_cases_its_examples,
    types_in_its_examples,
)
from hfsynth.curate.vacuous_tests import tests_check_nothing, tests_check_only_shapes
from hfsynth.fences import find_fences

DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_not_implemented(node: ast.AST) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return isinstance(target, ast.Name) and target.id == "NotImplementedError"


def empty_statement(node: ast.stmt) -> bool:
    """A statement that does nothing a reader would train on."""
    if isinstance(node, ast.Pass) or isinstance(node, (ast.Import, ast.ImportFrom)):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and (node.value.value is Ellipsis or isinstance(node.value.value, str)):
        return True  # docstrings, ``...``, stray string literals
    if isinstance(node, ast.Expr) and is_literal(node.value):
        return True  # a bare value (``[1, 4, 9, 16, 25]``): an output pasted as the code
    if isinstance(node, ast.Raise) and node.exc is not None and _is_not_implemented(node.exc):
        return True
    if isinstance(node, ast.Return) and (node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None)):
        return True
    return False


def self_call(node: ast.stmt, name: Optional[str]) -> bool:
    """``return name(...)`` inside the function ``name``: a recursion with no way out."""
    value = node.value if isinstance(node, (ast.Return, ast.Expr)) else None
    return name is not None and isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == name


INTERFACE_BASES = {"object", "Protocol", "ABC", "Generic"}


def _base_names(node: ast.ClassDef) -> set:
    return {base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "") for base in node.bases}


def declares_a_subtype(node: ast.ClassDef) -> bool:
    """``class CardDeclined(PaymentError): pass``: a class with a real base and no methods of its
    own is a new type (an exception hierarchy), not an empty stub."""
    return bool(_base_names(node) - INTERFACE_BASES) and not any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in node.body)


def substantive(body, function: Optional[str] = None) -> bool:
    """Whether any statement of ``body`` (looking inside functions and classes) does something.
    ``function`` is the name of the function whose body this is (its bare self-call is empty)."""
    for node in body:
        if isinstance(node, ast.ClassDef) and declares_a_subtype(node):
            return True
        if isinstance(node, DEFINITIONS):
            inner = node.name if not isinstance(node, ast.ClassDef) else None
            if substantive(node.body, inner):
                return True
        elif not empty_statement(node) and not self_call(node, function):
            return True
    return False


def _returns_a_parameter_unchanged(function, params: set) -> bool:
    """Its only statements (docstrings and the like aside) rename a parameter and return it:
    ``return text``, or ``cleaned = text`` then ``return cleaned``."""
    aliases = set(params)
    body = [node for node in function.body if not empty_statement(node)]
    for node in body[:-1]:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Name) and node.value.id in aliases):
            return False
        aliases.add(node.targets[0].id)
    return bool(body) and isinstance(body[-1], ast.Return) and isinstance(body[-1].value, ast.Name) and body[-1].value.id in aliases


def returns_a_value(function) -> bool:
    """Some ``return`` of the function itself (not of a nested one) hands back a value."""
    stack = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Return) and not empty_statement(node):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(children(node))
    return False


def has_an_effect(function) -> bool:
    """It calls something, stores into an attribute or an item, or declares a global: what a
    function that returns nothing is called for (``assert True`` alone has no effect)."""
    for node in walk(function):
        if isinstance(node, (ast.Call, ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await)):
            return True
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, (ast.Store, ast.Del)):
            return True
    return False


# Functions whose name says they hand back or ignore their input: a key=identity default, a no-op callback.
DOES_NOTHING_BY_NAME = literal_gates.compile(r"^_*(?:identity|ident|passthrough|pass_through|noop|no_op|nop|do_nothing|dummy|null)(?:_|$)", re.IGNORECASE)


def ignores_its_inputs(tree: ast.Module) -> list:
    """The module's functions when every one of them that takes parameters and returns a value
    uses none of them, or only hands one back unchanged (its answer cannot depend on its input, or
    is its input: a "merge" or "summary" that returns what it was given); [] otherwise. Methods are
    not looked at (``self`` or an interface argument may rightly go unused), nor functions that
    return nothing but have an effect: a callback (``handler(signum, frame)``) is called for its
    effect with a signature someone else chose."""
    functions = [
        node for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (returns_a_value(node) or not has_an_effect(node))
    ]
    taking = [f for f in functions if f.args.args or f.args.posonlyargs or f.args.kwonlyargs or f.args.vararg or f.args.kwarg]
    if not taking:
        return []
    for function in taking:
        if DOES_NOTHING_BY_NAME.search(function.name):
            return []  # an identity or no-op asked for by name is right to hand back or ignore its input
        args = function.args
        params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs} | {a.arg for a in (args.vararg, args.kwarg) if a}
        used = {node.id for stmt in function.body for node in nodes_of(stmt, ast.Name)}
        if params & used and not _returns_a_parameter_unchanged(function, params):
            return []
    return [f.name for f in taking]


STUB_EXEMPT_DECORATORS = {"abstractmethod", "abstractproperty", "overload"}


def _is_stub(function) -> bool:
    """Nothing but a docstring, ``pass``, ``...``, ``raise NotImplementedError`` or ``return None``."""
    return all(empty_statement(n) for n in function.body)


COMPOUND = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith)


def _is_ellipsis(node: ast.stmt) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant) and node.value.value is Ellipsis


def placeholders(tree: ast.Module) -> int:
    """Loops, branches and ``with`` blocks whose whole body is ``...`` (the model left the work
    out), and ``while`` loops whose body is ``pass`` (a busy loop that never ends)."""
    return sum(
        1 for node in nodes_of(tree, COMPOUND)
        if (
            all(_is_ellipsis(n) for n in node.body)
            or (isinstance(node, ast.While) and all(isinstance(n, ast.Pass) or _is_ellipsis(n) for n in node.body))
        )
    )


PURE_BUILTINS = frozenset(
    "abs all any bool bytes chr dict divmod enumerate filter float frozenset hash int isinstance iter len list map max min "
    "next ord pow range repr reversed round set sorted str sum tuple zip".split()
)


def _local_names(function) -> set:
    """Names the function binds itself (assignment, loop and ``with`` targets), its parameters aside."""
    args = function.args
    params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs} | {a.arg for a in (args.vararg, args.kwarg) if a}
    bound = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Store)}
    return bound - params


def _only_touches_locals(function) -> bool:
    """Every call is a pure builtin or a method of a local (``factors.append(d)``), every stored item
    or attribute is a local's, and nothing raises, asserts, yields, awaits or reaches outside
    (``global``): whatever the function works out stays in its locals. A loop or ``with`` target is
    not the function's own: it names the caller's objects (``for t in things: t.close()``)."""
    targets = [node.optional_vars if isinstance(node, ast.withitem) else node.target
               for node in nodes_of(function, (ast.For, ast.AsyncFor, ast.comprehension, ast.withitem))]
    borrowed = {n.id for target in targets if target is not None for n in nodes_of(target, ast.Name)}
    local = _local_names(function) - borrowed
    for node in walk(function):
        if node is not function and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            return False
        if isinstance(node, (ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await, ast.Raise, ast.Assert, ast.Delete)):
            return False
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in PURE_BUILTINS and func.id not in local:
                continue
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in local:
                continue
            return False
        if isinstance(node, (ast.Attribute, ast.Subscript)) and isinstance(node.ctx, ast.Store):
            if not (isinstance(node.value, ast.Name) and node.value.id in local):
                return False
    return True


def drops_its_result(tree: ast.Module) -> list:
    """Top-level functions that return nothing and only work on their own locals (``result = (a + b)
    / 2`` and no ``return``, or a loop filling a local list that is never handed back: a generation
    cut before its ``return``): whatever they compute is lost."""
    dropped = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = [n for n in function.body if not empty_statement(n)]
        assigns_locals = all(
            isinstance(n, (ast.Assign, ast.AugAssign, ast.AnnAssign))
            and all(isinstance(t, ast.Name) for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))
            for n in body
        ) and not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in walk(function))
        if body and (assigns_locals or (not returns_a_value(function) and (_only_touches_locals(function) or _ends_on_a_dropped_value(function)))):
            dropped.append(function.name)
    return dropped


def _ends_on_a_dropped_value(function) -> bool:
    """The last statement works a value out of locals alone (names, constants, operators, pure builtins:
    ``required = round(required, 1)``) into a plain name that nothing reads after it: a function that validates
    its input (``raise ValueError``) and then computes its answer, cut before the ``return``."""
    last = function.body[-1]
    if not (isinstance(last, (ast.Assign, ast.AugAssign)) and all(isinstance(t, ast.Name) for t in (last.targets if isinstance(last, ast.Assign) else [last.target]))):
        return False
    if any(isinstance(n, (ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await)) for n in walk(function)):
        return False
    local = _local_names(function)
    for node in walk(last.value):
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in PURE_BUILTINS and node.func.id not in local):
            return False
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load) and node.id not in local and node.id not in PURE_BUILTINS and not node.id.isupper():
            return False  # a global the module may change: PKA, a constant, is read; a name of another kind is not judged
    return True


SHOWS_A_VALUE = (ast.Name, ast.Attribute, ast.Subscript, ast.BinOp, ast.BoolOp, ast.Compare, ast.UnaryOp)


def _has_no_effect(value: ast.expr) -> bool:
    """A bare name, attribute, index or operator with no call, await, yield or walrus inside."""
    return isinstance(value, SHOWS_A_VALUE) and not any(
        isinstance(n, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom, ast.NamedExpr)) for n in walk(value)
    )


def _unread_final_assignment(function) -> list:
    """The names the function's last statement assigns when that statement binds plain local names
    only and the function never reads one of them (nor declares it global or nonlocal); ``_``-names
    are discards. [] otherwise, and for a function that never returns a value: there the last line
    may be kept for its call's effect (``resp = requests.post(...)``); a function that returns a
    value on another path (a base case) and falls off the end after such a line was cut."""
    last = function.body[-1]
    if not isinstance(last, (ast.Assign, ast.AnnAssign)) or not returns_a_value(function):
        return []
    targets = last.targets if isinstance(last, ast.Assign) else [last.target]
    names = []
    for target in targets:
        elements = target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]
        for element in elements:
            element = element.value if isinstance(element, ast.Starred) else element
            if not isinstance(element, ast.Name):
                return []  # an attribute or an item: stored somewhere that outlives the call
            names.append(element.id)
    declared = {n for node in nodes_of(function, (ast.Global, ast.Nonlocal)) for n in node.names}
    read = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Load)}
    if any(n in read or n in declared or n.startswith("_") for n in names):
        return []
    return names


# Return annotations that a function may meet without a ``return`` of its own.
NO_VALUE_NEEDED = literal_gates.compile(r"^(?:None|NoReturn|Never|Any|object|Optional\[.*\]|.*\|\s*None|None\s*\|.*|(?:Iterator|Iterable|Generator|AsyncIterator|AsyncGenerator|AsyncIterable)\b.*)$")


def _yields(function) -> bool:
    stack = list(function.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Yield, ast.YieldFrom)):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            stack.extend(children(node))
    return False


def _never_makes_its_annotated_value(function) -> bool:
    """Annotated to return a value (``-> str``), with work in its body, and no ``return`` of a value nor
    a ``yield`` anywhere in it, and a body that can run off its end: it hands back None (the model
    stopped before the line that builds the answer: ``# find the best score next``). Stubs, abstract
    methods and overloads are other checks' business."""
    if function.returns is None or _is_stub(function) or NO_VALUE_NEEDED.match(re.sub(r"\b\w+\.", "", unparsed(function.returns).strip("'\""))):
        return False
    if any(isinstance(d, (ast.Name, ast.Attribute)) and (getattr(d, "id", None) or d.attr) in ("abstractmethod", "overload") for d in function.decorator_list):
        return False
    body = [node for node in function.body if not empty_statement(node)]
    return not returns_a_value(function) and not _yields(function) and not (body and never_falls_through(body[-1]))


def stops_mid_way(tree: ast.Module) -> Optional[str]:
    """The first sign, in some function, that the generation was cut mid-way: its last statement
    assigns locals it never reads (``left = merge_sort(a[:mid])`` then ``right = ...``, and no
    merge), or a statement in it does nothing at all (``rows`` or ``counts[ch]`` alone: the
    statement the cut left). Kept: a lookup directly in a ``try`` body (``self[key]`` to see whether
    it raises), a lookup in a ``defaultdict`` (it registers the key), and a module-level bare name
    (notebook answers show a value so)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        if _never_makes_its_annotated_value(function):
            return f"{function.name} is annotated -> {unparsed(function.returns)} but never returns a value"
        unread = _unread_final_assignment(function)
        if unread:
            return f"{function.name} ends assigning {', '.join(unread)}, which it never uses"
        probes = {id(n) for t in nodes_of(function, ast.Try) for n in t.body}
        defaults = {unparsed(t) for n in nodes_of(function, (ast.Assign, ast.AnnAssign)) if isinstance(n.value, ast.Call)
                    and unparsed(n.value.func) in ("defaultdict", "collections.defaultdict") for t in (n.targets if isinstance(n, ast.Assign) else [n.target])}
        for node in walk(function):
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Subscript) and unparsed(node.value.value) in defaults:
                continue  # ratings[recipe] on a defaultdict: the key is registered, with an empty value
            if isinstance(node, ast.Expr) and id(node) not in probes and _has_no_effect(node.value):
                return f"{function.name}: line {node.lineno} ({unparsed(node)[:40]}) does nothing"
    return None


# A marker of work not done opens the comment. TODO/FIXME/XXX count in capitals or with a colon
# ("# Todo items live in a dict" is a comment about a to-do list); "fill in" only with what is missing
# ("# fill in missing values with the mean" is pandas, not a placeholder).
PLACEHOLDER_COMMENT = literal_gates.compile(
    r"#\s*(?:(?:TODO|FIXME|XXX)\b|(?i:todo|fixme)\s*:|"
    r"(?i:(?:add |write |put |insert |implement )?(?:your|the) (?:code|logic|implementation|solution) here\b|"
    r"(?:insert|add|put) (?:code|logic|implementation) here\b|implement (?:me|this)\s*$|implement here\b|"
    r"fill (?:in|this in) (?:the|your) (?:code|blanks?|implementation|logic)\b|fill this in\s*$|"
    r"(?:the )?(?:rest|remainder) of (?:the |your )?(?:implementation|code|logic|function|method)\b|(?:implementation|logic|code) goes here\b|"
    r"[^\n]*\b(?:omitted|left out|elided|skipped)\b[^\n]{0,20}\bfor brevity\b|"
    r"[^\n]*\b(?:left|is left|are left)\s+as\s+an\s+exercise\b|[^\n]*\bexercise for the reader\b))",
    re.MULTILINE,
)


def placeholder_comment(code: str) -> Optional[str]:
    """The first comment that marks the work as not done (``# TODO: save the file``), else None."""
    import io
    import tokenize

    if not PLACEHOLDER_COMMENT.search(code):  # most code: no need to tokenize
        return None
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.COMMENT and PLACEHOLDER_COMMENT.match(token.string):
                return token.string.strip()
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    return None


def _empty_value(node: Optional[ast.expr]) -> bool:
    """``[]``, ``{}``, ``()``, ``""``, ``set()``, ``dict()``, ``list()``: a result with nothing in it."""
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)) and not node.elts:
        return True
    if isinstance(node, ast.Dict) and not node.keys:
        return True
    if isinstance(node, ast.Constant) and node.value in ("", b""):
        return True
    return isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("set", "dict", "list", "tuple") and not node.args and not node.keywords


def empty_helpers(tree: ast.Module) -> list:
    """Top-level functions that take parameters and answer an empty result whatever they are, called
    beside sibling functions of the same parameters that do the work (``_unexpected_fields(record,
    schema): return []`` next to ``_missing_fields(record, schema)``): one part of the task left out."""
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    called = {n.func.id for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Name)}
    found = []
    for function in functions:
        body = [n for n in function.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        params = [a.arg for a in function.args.posonlyargs + function.args.args]
        if (len(body) == 1 and isinstance(body[0], ast.Return) and _empty_value(body[0].value) and params and function.name in called
                and not DOES_NOTHING_BY_NAME.search(function.name)):
            siblings = [f for f in functions if f is not function and [a.arg for a in f.args.posonlyargs + f.args.args] == params
                        and not all(empty_statement(n) for n in f.body)]
            if siblings:
                found.append(function.name)
    return found


# An action a method names, which must change something (not only check that it could).
ACTION_NAME = literal_gates.compile(r"^(?:transfer|move|withdraw|deposit|add|remove|push|pop|enqueue|dequeue|insert|delete|append|send|pay|book|reserve|cancel|assign|swap|update|apply|merge|register)(?:_|$)")


def checks_but_never_acts(tree: ast.Module) -> list:
    """Methods named for an action (``transfer``) whose body only calls the class's own methods that
    do nothing but raise on bad input (``self._validate_transfer(...)``): the checks run, the action never does."""
    found = []
    for cls in (n for n in nodes_of(tree, ast.ClassDef)):
        methods = {n.name: n for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}

        def only_guards(method) -> bool:
            body = [n for n in method.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
            return bool(body) and all(isinstance(n, ast.If) and not n.orelse and all(isinstance(b, ast.Raise) for b in n.body) for n in body)

        for name, method in methods.items():
            if not ACTION_NAME.search(name):
                continue
            body = [n for n in method.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str))]
            calls = [n.value for n in body if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call)]
            if (body and len(calls) == len(body) and all(isinstance(c.func, ast.Attribute) and getattr(c.func.value, "id", None) == "self"
                                                      and c.func.attr in methods and only_guards(methods[c.func.attr]) for c in calls)):
                found.append(f"{cls.name}.{name}")
    return found


def partly_unimplemented(tree: ast.Module) -> list:
    """Top-level functions that do some of their work and raise NotImplementedError for the rest
    (``if n == 3: ...`` then ``raise NotImplementedError("larger matrices not supported yet")``).
    Methods are left alone: a base class's hook raises it on purpose."""
    found = []
    for function in tree.body:
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        body = [n for n in function.body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        if len(body) > 1 and any(n.exc is not None and re.match(r"NotImplementedError\b", unparsed(n.exc)) for n in nodes_of(function, ast.Raise)):
            found.append(f"{function.name}()")
    return found


def unfinished_stubs(tree: ast.Module) -> list:
    """Functions and methods left as stubs beside code that does work: the model wrote the
    constructor and left ``__add__`` to "TODO". Not stubs: ``__init__``, abstract and ``overload``
    declarations, methods of a class with a base (an interface's, or a no-op override of a library
    class's method), a base method that another class of the code overrides (``Shape.area``
    raising NotImplementedError), and a function whose name says it does nothing (``noop``, a default
    callback)."""
    counts: Dict[str, int] = {}
    for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        counts[node.name] = counts.get(node.name, 0) + 1
    stubs = []

    def visit(body, interface: bool) -> None:
        for node in body:
            if isinstance(node, ast.ClassDef):
                # An interface's methods, and a subclass's no-op overrides (``log_message(self, *args): pass`` in a
                # BaseHTTPRequestHandler), are stubs on purpose.
                visit(node.body, bool(_base_names(node) - {"object"}) or any(k.arg == "metaclass" for k in node.keywords))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                decorators = {d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", "") for d in node.decorator_list}
                if (_is_stub(node) and not interface and node.name != "__init__" and not decorators & STUB_EXEMPT_DECORATORS
                        and counts[node.name] == 1 and not DOES_NOTHING_BY_NAME.search(node.name)):
                    stubs.append(node.name)
                else:  # a helper left undone inside a function (``def backtrack(): raise NotImplementedError``)
                    stubs.extend(
                        inner.name for inner in node.body
                        if isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) and _is_stub(inner)
                        and any((isinstance(n, ast.Raise) and n.exc is not None and _is_not_implemented(n.exc)) or _is_ellipsis(n) for n in inner.body)
                    )

    visit(tree.body, False)
    return stubs


ENDS_A_BLOCK = (ast.Return, ast.Raise, ast.Continue, ast.Break)


def never_falls_through(node: ast.stmt) -> bool:
    """The statement ends its block: ``return``, ``raise``, ``break``, ``continue``, or a ``while True``
    loop with no ``break`` of its own (it only ever leaves by a return or an exception)."""
    if isinstance(node, ENDS_A_BLOCK):
        return True
    if isinstance(node, ast.While) and isinstance(node.test, ast.Constant) and bool(node.test.value):
        return not breaks_out_of(node.body)
    return False


def dead_code(tree: ast.Module) -> Optional[int]:
    """The line of the first statement that follows a ``return``, ``raise``, ``break``, ``continue`` or
    a ``while True`` loop it never breaks out of, in the same block (it can never run: the model kept
    writing after it had answered), else None."""
    for node in walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for before, after in zip(block, block[1:]):
                if isinstance(after, ast.stmt) and never_falls_through(before):
                    return after.lineno
    return None


def _s(items: list, singular: str, plural: str) -> str:
    """``singular`` for one item, else ``plural`` (``ignores``/``ignore``)."""
    return singular if len(items) == 1 else plural


# An instruction whose data may hold strings: recursion into every iterable must stop at them.
STRINGS_IN_THE_DATA = literal_gates.compile(r"\bstrings?\b|\bstr\b|\btext\b", re.IGNORECASE)
# A graph that may hold cycles (not a tree): a traversal must remember what it has seen.
GRAPHS_WITH_CYCLES = literal_gates.compile(r"\b(?:undirected|graph|cycles?|cyclic|two-way|both ways|bidirectional|in both directions|adjacency)\b", re.IGNORECASE)

# A tree whose root is its own parent ("parent["NAT"] == "NAT"", union-find's roots, "the head keeper is recorded as their
# own supervisor", "the last stop points to itself"): a walk up must stop at it.
OWN_PARENT = literal_gates.compile(r"\b(?:its|their|his|her)\s+own\s+(?:parent|supervisor|manager|boss|head|root|leader|owner|successor|ancestor|referrer|mentor|sponsor|next)\b|"
                        r"\b(?:maps?|points?|refers?|links?)\s+(?:back\s+)?to\s+(?:itself|themselves|himself|herself)\b|\bparent\[\s*(['\"]?)(\w+)\1\s*\]\s*==\s*\1\2\1|\bparent\b[^.;]{0,20}\b(?:equal\s+to|equals|the\s+same\s+as|is)\s+its\s+own\b|"
                        r"\bwith\s+(?:themselves|itself)\s+as\s+(?:their|its)?\s*\w+|\bequal\s+to\s+(?:their|its)\s+own\s+(?:id|key|name|code)\b", re.IGNORECASE)

# The checks of code that has substantive statements, in order: (check of the tree, its reason).
SUBSTANCE_CHECKS = (
    (ignores_its_inputs, lambda found: f"trivial body: {', '.join(found[:3])} {_s(found, 'ignores', 'ignore')} every parameter or "
                                       f"{_s(found, 'returns', 'return')} one unchanged"),
    (unfinished_stubs, lambda found: f"trivial body: {', '.join(found[:3])} left as stub{_s(found, '', 's')} (pass, ..., NotImplementedError or return None)"),
    (partly_unimplemented, lambda found: f"unfinished: {', '.join(found[:3])} {_s(found, 'raises', 'raise')} NotImplementedError for part of the task"),
    (placeholders, lambda _: "trivial body: a loop or branch whose body is only ... (a placeholder), or a while loop of pass"),
    (empty_helpers, lambda found: f"unfinished: {', '.join(found[:3])} {_s(found, 'answers', 'answer')} an empty result whatever {_s(found, 'its', 'their')} arguments, "
                                  f"beside helpers of the same arguments that do the work"),
    (checks_but_never_acts, lambda found: f"unfinished: {', '.join(found[:3])} only {_s(found, 'checks', 'check')} its arguments and never {_s(found, 'does', 'do')} what {_s(found, 'its', 'their')} name says"),
    (drops_its_result, lambda found: f"trivial body: {', '.join(found[:3])} {_s(found, 'computes', 'compute')} into locals and "
                                     f"{_s(found, 'returns', 'return')} nothing"),
    (dead_code, lambda line: f"dead code: line {line} follows a return, raise, break, continue or a while True it never leaves"),
    (repeated_condition, lambda found: f"dead code: the branch at line {found[0]} never runs: the condition of line {found[1]} takes every case it has"),
    (impossible_condition, lambda found: f"dead code: the condition at line {found[0]} ({found[1][:60]}) is never true"),
    (empty_branch, lambda found: f"unfinished: the branch at line {found[0]} does nothing ({found[1]})"),
    (helper_never_called, lambda found: f"dead code: the helper {found[0]}() (line {found[1]}) is never called, so what it does never happens"),
    (falls_off_the_end, lambda found: f"unfinished: {found[0]}() at line {found[1]} is annotated to return a value and reaches its end on some path, where it returns None"),
    (loop_returns_on_first_pass, lambda line: f"dead code: the loop at line {line} returns on its first pass (its last statement is a return), so it never reaches a second item"),
    (endless_while, lambda found: f"never ends: {found}"),
    (flag_never_cleared, lambda found: f"never ends: {found}"),
    (stuck_bisection, lambda found: f"never ends: {found}"),
    (found_again, lambda found: f"never ends: {found}"),
    (float_never_equal, lambda found: f"never ends: {found}"),
    (settles_after_one_pass, lambda found: f"never ends: {found}"),
    (stepped_past, lambda found: f"never ends: {found}"),
    (jumps_onto_its_bound, lambda found: f"never ends: {found}"),
    (steps_past_its_end, lambda found: f"never ends: {found}"),
    (steps_one_way_from_a_difference, lambda found: f"never ends: {found}"),
    (wraps_round_a_full_set, lambda found: f"never ends: {found}"),
    (remainder_never_changes, lambda found: f"never ends: {found}"),
    (follows_itself, lambda found: f"never ends: {found}"),
    (recurses_unchanged, lambda found: f"never ends: {found}"),
    (counter_never_counts, lambda found: f"never ends: {found}"),
    (advances_by_a_find, lambda found: f"never ends: {found}"),
    (never_filled_key, lambda found: f"unfinished: {found[0]}() starts {found[1]}[{found[2]!r}] empty and never fills it, while it fills {found[1]}[{found[3]!r}]: that part of the answer is always empty"),
    (returned_never_filled, lambda found: f"unfinished: {found[0]}() returns {found[1]} as it started, empty, beside {found[2]}, which it fills: that part of the answer is always empty"),
    (certain_error, lambda found: f"always an error: {found}"),
    (difference_attribute, lambda found: f"always an error: {found}"),
    (isoweekday_as_index, lambda found: f"misused call: {found}"),
    (read_before_its_bounds, lambda found: f"unguarded read: {found}"),
    (wrong_kind_value, lambda found: f"always an error: {found}"),
    (misused_call, lambda found: f"misused call: {found}"),
    (one_axis_tested, lambda found: f"one axis only: the code {found}"),
    (label_cut_elsewhere, lambda found: f"wrong bound: {found}"),
    (overlapping_slices, lambda found: f"overlapping pieces: {found}"),
    (overwritten_parameters, lambda found: f"ignored input: {', '.join(found[:3])} overwritten before it is read"),
    (unread_parts, lambda found: f"ignored input: {', '.join(found[:3])} unpacked and never read"),
    (swapped_clamp, lambda found: f"ignored input: {found}"),
    (best_kept_as_another_value, lambda found: f"wrong value kept: {found}"),
    (discarded_new_value, lambda found: f"lost result: {found}"),
    (first_bound_always_wins, lambda found: f"dead entries: {found}"),
    (overlap_always_true, lambda found: f"always true: {found}"),
    (overwritten_total, lambda found: f"lost total: the loop overwrites its running total ({found}) and never adds to it, so only the last item counts"),
    (last_item_never_reached, lambda found: f"wrong bound: {found}"),
    (last_run_never_judged, lambda found: f"lost run: {found}"),
    (mean_over_the_whole, lambda found: f"wrong count: {found}"),
    (mean_over_the_key_count, lambda found: f"wrong count: {found}"),
    (stops_mid_way, lambda found: f"unfinished: {found}"),
    (extremes_from_infinity_by_elif, lambda found: f"wrong bound: {found}"),
    (special_cases_its_examples, lambda found: f"trivial body: {found[0]} returns typed-in answers for its example inputs"),
    (prints_one_text, lambda found: f"trivial body: {found[0]} prints the same text whatever its input"),
    (returns_one_constant, lambda found: f"trivial body: {found[0]} returns the same constant whatever its input"),
)


def cut_inside_a_block(response: Optional[str]) -> Optional[str]:
    """The last line of the response's last code block when that block is never closed and its last
    line is indented: the generation was cut inside a function or loop (a complete answer closes its
    fence; one that forgot to ends at the top level, with its asserts or its call)."""
    fences = find_fences(response or "")
    if not fences or fences[-1].closed:
        return None
    lines = [line for line in fences[-1].code.splitlines() if line.strip()]
    return lines[-1].strip() if lines and lines[-1][:1] in (" ", "\t") else None


def trivial(row: Dict, config=None) -> Optional[str]:
    """None unless the row's Python code has no substantive statement, ignores its inputs, or leaves
    some of its functions as stubs (and the other findings of ``SUBSTANCE_CHECKS``), or its
    response was cut inside a code block (:func:`cut_inside_a_block`)."""
    if row.get("language") != "python":
        return None
    tree = parse_python(row.get("code") or "")
    if tree is None:
        return None
    cut = cut_inside_a_block(row.get("response"))
    if cut:
        return f"unfinished: the response's last code block is never closed and stops inside a block ({cut[:40]!r})"
    if substantive(tree.body):
        for check, reason in SUBSTANCE_CHECKS:
            found = check(tree)
            if found:
                return reason(found)
        asked = (row.get("instruction") or "").casefold()
        placeholders = [value for value in placeholder_values(tree) if value.casefold() not in asked]  # "Your Episodes" the instruction names is a value
        if placeholders:
            return f"trivial body: the code leaves values to fill in ({placeholders[0][:40]!r})"
        if STRINGS_IN_THE_DATA.search(row.get("instruction") or ""):
            endless = recurses_into_strings(tree)
            if endless:
                return f"never ends: {endless}"
        if GRAPHS_WITH_CYCLES.search(row.get("instruction") or ""):
            endless = revisits_a_graph(tree)
            if endless:
                return f"never ends: {endless}"
        if OWN_PARENT.search(row.get("instruction") or "") or shows_a_root_linked_to_itself(row.get("instruction") or ""):
            endless = climbs_past_the_root(tree)
            if endless:
                return f"never ends: {endless}"
        asked_returns = {signature.name: signature.returns for signature in asked_signatures(row.get("instruction") or "") if signature.returns}
        fell = falls_off_the_end(tree, asked_returns) if asked_returns else None
        if fell:
            return f"unfinished: {fell[0]}() at line {fell[1]} returns a value as the instruction's signature asks and reaches its end on some path, where it returns None"
        misread = stripped_named_affix(tree, row.get("instruction") or "") or unanchored_validation(tree, row.get("instruction") or "") or stripped_word(tree, row.get("instruction") or "")
        if misread:
            return f"misused call: {misread}"
        examples = instruction_examples(row.get("instruction") or "", tree)
        asserted = asserted_examples(row.get("tests"), tree)
        typed = types_in_its_examples(tree, examples, asserted)
        if typed:
            return f"trivial body: the code looks up the answer to the example {typed[:60]} instead of computing it"
        typed = returns_an_example_output(tree, examples + asserted)
        if typed:
            return f"trivial body: the code returns the answer to the example {typed[:60]} as a typed-in literal"
        table = reads_a_sequence_table(tree, row.get("instruction") or "")
        if table:
            return f"trivial body: {table} reads an unbounded sequence from a typed-in table"
        comment = placeholder_comment(row.get("code") or "")
        if comment:
            return f"trivial body: the code marks its work as not done ({comment[:60]!r})"
        lost = lost_work(tree)  # after the placeholder: "# TODO: save response.content" says why ``response`` is unused
        if lost:
            return f"lost work: {lost}"
        if (config is None or config.vacuous_tests) and tests_check_nothing(row.get("tests"), tree):
            return "trivial tests: every assert passes whatever the code does (assert True, x == x, only isinstance or is not None)"
        if (config is None or config.vacuous_tests) and tests_check_only_shapes(row.get("tests"), tree, row.get("instruction") or ""):
            return "trivial tests: the asserts check only shapes (types, lengths, order against a bound, an empty input's empty answer), never a value"
        return None
    names = [node.name for node in nodes_of(tree, DEFINITIONS)]
    if names and all(DOES_NOTHING_BY_NAME.search(name) for name in names):
        return None  # "a default callback that does nothing": noop(*args, **kwargs) is the answer
    if names:
        return f"trivial body: {', '.join(names[:3])}: nothing but docstrings, pass, ..., NotImplementedError or return None"
    return "trivial body: no statement does anything"


def _calls(tree: ast.AST):
    return list(nodes_of(tree, ast.Call))


ASKS_TO_PRINT = literal_gates.compile(r"\b(?:print|display|output|show|echo)", re.IGNORECASE)
COMPUTING = (ast.BinOp, ast.BoolOp, ast.Compare, ast.Subscript, ast.AugAssign, ast.NamedExpr)


def computes(tree: ast.Module) -> bool:
    """Some expression works a value out (an operator, a comparison, an index) or an assignment
    binds something other than a literal (``a, b = b, a``): the prints show a result of the code,
    not one the model worked out and typed in (``area = 28.27``)."""
    for node in walk(tree):
        if isinstance(node, COMPUTING):
            return True
        if isinstance(node, ast.Assign) and any(isinstance(n, ast.Name) for n in walk(node.value)):
            return True
    return False


def prints_what_it_was_asked_to(tree: ast.Module, instruction: str) -> bool:
    """Every string the code prints is quoted in the instruction ('Write a program that prints
    "Hello, World!"'): printing was the task. Numbers the instruction does not hold are results the
    model worked out (``{"the": 3, "cat": 1}`` for "the frequency of each word in ..."), not the text
    it was asked to print."""
    if not ASKS_TO_PRINT.search(instruction):
        return False
    strings = [n.value.strip() for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str) and n.value.strip()]
    numbers = [n.value for n in nodes_of(tree, ast.Constant) if type(n.value) in (int, float) and n.value not in (0, 1)]
    return bool(strings) and all(text in instruction for text in strings) and all(re.search(rf"(?<![\d.]){re.escape(str(v))}(?![\d])", instruction) for v in numbers)


def print_only(row: Dict, config) -> Optional[str]:
    """None unless the row's Python code defines nothing and only prints what it was handed."""
    if row.get("language") != "python":
        return None
    tree = parse_python(row.get("code") or "")
    if tree is None:
        return None
    # A function without parameters that only prints (``def main(): print("5! =", 120)``) defines nothing.
    wrappers = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) if not takes_arguments(n)}
    defines = any(isinstance(node, DEFINITIONS + (ast.Lambda,)) and getattr(node, "name", None) not in wrappers for node in walk(tree))
    if defines:
        return None
    if config.require_definition and not wrappers:
        return "no function or class defined"
    control = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.Try, ast.With, ast.AsyncWith, ast.Match, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
    if any(isinstance(node, control) for node in walk(tree)):
        return None
    calls = [call for call in _calls(tree) if not (isinstance(call.func, ast.Name) and call.func.id in wrappers)]
    if not calls or not all(is_print(call) for call in calls):
        return None
    if computes(tree) or prints_what_it_was_asked_to(tree, row.get("instruction") or ""):
        return None
    return f"only prints ({len(calls)} print call{'s' if len(calls) != 1 else ''}, no function or class)"
