"""Order an instruction asks for, and code that breaks it.

A small model keeps a task's words and loses its order: ties that should keep their input order
re-sorted by another field, a first occurrence replaced by the last, ranks counted from the wrong end.
The answer runs and its asserts (one example, no ties) pass. What is read, each only where the words
leave no doubt (negations voided as in :func:`hfsynth.curate.requirement_words.negated`):

- ties to keep their original order ("a stable sort"), and a sort that breaks them: a key that adds a
  second field of the item (``key=lambda p: (-p[1], p[0])``), or an ascending sort reversed
  afterwards (``sorted(xs, key=f)[::-1]``, which reverses the ties too; ``reverse=True`` keeps them);
- items returned "in the order of their first occurrence" (or "in their original order") by an
  instruction that never asks to sort, and a function that returns ``sorted(...)``;
- ties "broken alphabetically" (by name) or "the older one first" (unless the input arrives in that
  order, which a stable sort keeps), and code whose one sort orders by a single field
  (``key=lambda item: item[1]``), or by two with ``reverse=True`` (the names reversed too), or that
  ranks with ``Counter.most_common`` alone (ties in insertion order);
- ties settled by a second field in either direction ("the one with the larger value goes first"), and a sort by
  a single field;
- equal priorities served "in the order they were pushed" (or items that "need not be comparable"),
  and ``heappush(heap, (priority, item))`` with nothing between them to break a tie;
- order "for equal timestamps" (keys...), and a sort with no key (``sorted(pairs)``), which orders
  equal keys by the items' next field;
- "keep the first occurrence" of each key, and a dict that a loop assigns into with no test of the
  key (``by_id[event["id"]] = event``), a dict comprehension (the last one wins), a ``Counter``
  kept to ``== 1`` (no copy kept), or ``groupby`` over unsorted items (neighbours only);
- of values tied for the best, "the earliest" (first, lowest, alphabetically first) one, and a scan that replaces its
  best on ``>=`` (the last of equals wins) or ``max`` with a key whose tie-breaking field is not negated;
- "consecutive duplicates" collapsed (like ``uniq``), and a set of every value seen with no look at
  a neighbour;
- items "in any order" to be merged or sorted, and code that never sorts (nor uses a heap or bisect);
- a result asked in an order ("return the overdue tasks ... sorted by due date", "... in ascending
  order", "... oldest first": a return, output or print verb before it in the sentence, so "records
  sorted by date" describes the input), from an instruction that does not say its input comes in
  order, and a function that returns its input's items as they
  come (a comprehension over a parameter, or a list a loop over one appends to) while nothing in the
  code orders anything (no sort, heap, bisect, ``most_common``, ``min`` or ``max``);
- parts compared "numerically", and a sort or ``max`` key that splits the text and never converts;
- "1 is the highest score", and code whose sorts are all ascending; "most visits first" (or "in descending
  order"), with nothing asked smallest first, and code whose one sort is ascending;
- values "not zero-padded" ('9:30', '14:00', or a length "written as `m:ss`"), and a sort, ``min`` or ``max``
  (or else two of them compared, ``start >= now``) while nothing in the code turns the text into numbers or pads it.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.requirement_words import constant_value, negated, walk_outside_asserts
from hfsynth.curate.python_ast import nodes_of, parameter_names, store_counts, unparsed, walk

STABLE_ASK = literal_gates.compile(
    r"\b(?:keep|keeps|kept|preserv\w*|maintain\w*|retain\w*|stay|remain)\b[^.]{0,40}\b(?:original|relative|input|their|own)\b[^.]{0,25}\border\b|"
    r"\bsort\w*\b[^.]{0,30}\bmust be stable\b|\b(?:a|the) stable sort\b",
    re.IGNORECASE,
)


def _ties_broken(tree: ast.Module) -> Optional[str]:
    """How a ``sorted``/``sort`` of the code reorders items whose keys are equal, else None."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and _is_keyed_sort(node.value) \
                and unparsed(node.slice.step or ast.Constant(1)) == "-1" and node.slice.lower is None and node.slice.upper is None:
            return f"{unparsed(node)[:50]} reverses the sorted list, ties included"
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "reversed" and node.args and _is_keyed_sort(node.args[0]):
            return f"{unparsed(node)[:50]} reverses the sorted list, ties included"
        if not _is_keyed_sort(node):
            continue
        key = next(k.value for k in node.keywords if k.arg == "key")
        iterable = node.args[0] if node.args else None
        if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "enumerate":
            continue  # (value, index) keys keep the input's order
        if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and len(key.body.elts) > 1 and key.args.args:
            item = key.args.args[0].arg
            if any(any(n.id == item for n in nodes_of(part, ast.Name)) for part in key.body.elts[1:]):
                return f"its key {unparsed(key)[:50]} breaks ties by another field"
    return None


def _is_keyed_sort(node: ast.AST) -> bool:
    """``sorted(xs, key=...)`` or ``xs.sort(key=...)``."""
    return (isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "sorted" or (isinstance(node.func, ast.Attribute) and node.func.attr == "sort"))
            and any(k.arg == "key" for k in node.keywords))


ORDER_KEPT_ASK = literal_gates.compile(
    r"\bin (?:the )?order of (?:their |its )?first (?:occurrence|appearance)s?\b|\b(?:in|keep\w*|preserv\w*|maintain\w*|retain\w*)\b[^.]{0,25}\b(?:their |the |its )?original order\b|"
    r"\bin (?:the )?(?:same )?order (?:they|in which (?:they|it|each|they each)) (?:first )?(?:appear|occur)\w*\b|"
    r"\b(?:preserv|keep|maintain|retain)\w*\s+(?:the\s+)?(?:queue|list|input|insertion|existing)\s+order\b",
    re.IGNORECASE,
)


def _sorted_result(tree: ast.Module) -> Optional[str]:
    """A function that returns ``sorted(...)``, or ``list(set(...))`` (a set's order is its own, not the input's)."""
    for node in walk(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "sorted":
            return f"the code returns {unparsed(node.value)[:50]} (line {node.lineno}), in another order"
        if (isinstance(node, ast.Return) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) in ("list", "tuple")
                and len(node.value.args) == 1 and isinstance(node.value.args[0], ast.Call) and getattr(node.value.args[0].func, "id", None) == "set"):
            return f"the code returns {unparsed(node.value)[:50]} (line {node.lineno}), in a set's order"
    return None


TIE_ALPHA_ASK = literal_gates.compile(
    r"\b(?:ties?|tied)\b[^.]{0,40}\b(?:broken|resolved|ordered|sorted|decided|settled|listed|ranked|shown|placed|returned)\b[^.]{0,30}\b(?:alphabetical\w*|by (?:the )?(?:name|player|word|key|title)s?|lexicographic\w*)\b|"
    # "Ties must be broken by feeder id in ascending order"
    r"\b(?:ties?|tied)\b[^.]{0,20}\b(?:broken|resolved|ordered|sorted|decided|settled)\s+by\s+(?:the\s+|their\s+)?[\w ]{1,25}?\s+in\s+ascending\s+order\b|"
    r"\b(?:alphabetical\w*|by name)\b[^.]{0,20}\b(?:for|on|among|in case of|to break|breaking) (?:the )?ties?\b|"
    r"\b(?:break|breaks|breaking)\s+(?:the\s+|any\s+)?ties?\s+(?:alphabetical\w*|by (?:the )?(?:\w+ )?name|lexicographic\w*)|"
    r"\b(?:equal|same|tied|identical)\s+(?:\w+\s+){1,2}?(?:are\s+|must\s+be\s+|should\s+be\s+|be\s+)?(?:ordered|sorted|listed|ranked)\s+(?:in\s+(?:ascending\s+)?(?=alphabetical))?(?:alphabetical\w*|by (?:the )?(?:\w+ )?name)|"
    r"\b(?:same|equal|tied|identical)\s+\w+\s*,\s*(?:order|sort|list|rank)\w*\s+(?:them\s+)?(?:alphabetical\w*|by (?:the )?(?:\w+ )?name)|"
    # "when two accounts have the same usage, order them by account id ascending": a second field, ascending
    r"\b(?:when|if|where)\s+(?:two\s+|several\s+)?\w+\s+(?:have|has|share)\s+the\s+same\s+\w+\s*,?\s+(?:then\s+)?(?:order|sort|list|rank)\w*\s+(?:them\s+)?by\s+(?:the\s+|their\s+)?[\w ]{1,25}?\s+(?:ascending|alphabetically|A-Z|A to Z)\b|"
    # "when amounts tie, the older transaction comes first": a second field in ascending order
    r"\b(?:when|if|where)\s+(?:\w+\s+){0,2}(?:ties?|tied|are equal|are the same)\b[^.]{0,40}\b(?:older|oldest|earlier|earliest|lower|smaller|shorter)\b[^.]{0,30}\b(?:first|wins|goes first|comes first)\b|"
    # "When two claims have the same amount, the one filed earlier must come first", "If two subscribers used the
    # same amount, list them in alphabetical order"
    r"\b(?:when|if|where)\s+(?:two|several|multiple)\s+\w+\s+(?:\w+\s+)?the\s+same\s+\w+\s*,?\s+(?:(?:then\s+)?(?:order|sort|list|rank|show|return)\w*\s+(?:them\s+)?"
    r"(?:in\s+)?(?:alphabetical\w*|A-Z|A to Z)|[^.]{0,40}\b(?:older|oldest|earlier|earliest)\b[^.]{0,30}\b(?:first|wins|goes first|comes? first)\b)|"
    # "stations with the same number of free docks are ordered alphabetically by id", "listings with the same price must
    # appear in order of their `listed` date, oldest first"
    r"\bwith\s+the\s+same\s+(?:\w+\s+){1,4}?(?:are|must|should|will)\s+(?:be\s+)?(?:ordered|sorted|listed|appear|come|shown)\b[^.;]{0,40}?"
    r"(?:\balphabetical\w*|\bA-Z\b|\b(?:oldest|earliest)\s+first\b)|"
    # "Accounts with equal balances must be ordered by account id ascending", "flights leaving at the same time must be
    # ordered by flight number ascending": a second field named, ascending
    r"\b(?:same|equal|tied|identical)\s+(?:\w+\s+){0,3}?(?:must|should|are|will)\s+(?:be\s+)?(?:ordered|sorted|listed|ranked)\s+by\s+(?:the\s+|their\s+)?[\w ]{1,25}?\s+(?:ascending|alphabetically|A-Z|A to Z)\b"
    # "If two or more rooms are used equally often, choose the alphabetically first room"
    r"|\b(?:if|when)\s+(?:two\s+or\s+more|several|multiple|two)\s+[^.;]{0,60}?\b(?:equally|tie|tied|the\s+same)\b[^.;]{0,40}?\b(?:choose|return|pick|take|use)\s+"
    r"the\s+(?:alphabetically\s+first|first\s+alphabetically|one\s+that\s+comes\s+first\s+alphabetically)\b"
    # "If two codes have the same total, the code that sorts first alphabetically comes first"
    r"|\b(?:same|equal|tie|tied|ties)\b[^.;]{0,60}?\bthat\s+(?:sorts?|comes?)\s+(?:first\s+alphabetically|alphabetically\s+first)\b",
    re.IGNORECASE,
)
# "If several screens are tied, return the lowest screen number": the smallest of the tied values, which neither
# ``most_common`` (first seen) nor a sort by the count alone gives.
TIE_LOWEST_ASK = literal_gates.compile(
    r"\b(?:if|when)\s+(?:several|two|more|multiple)\s+(?:\w+\s+){0,2}?(?:are\s+tied|tie|have\s+the\s+same\s+\w+)\b[^.;]{0,30}?\b(?:return|choose|pick|take|use)\s+"
    r"(?:the\s+)?(?:lowest|smallest)\b",
    re.IGNORECASE,
)
# "when two orders have the same promised time, the one with the larger value goes first": a second field decides, in
# either direction (so a tuple key sorted with ``reverse=True`` may be right: both fields descending).
TIE_SECOND_FIELD_ASK = literal_gates.compile(
    r"\b(?:when|if|where)\s+(?:two|several|multiple)\s+\w+\s+(?:\w+\s+)?the\s+same\s+\w+(?:\s+\w+)?\s*,?\s+[^.]{0,40}\b(?:larger|largest|higher|highest|bigger|greater|smaller|lower)\b"
    r"[^.]{0,30}\b(?:first|wins|goes first|comes? first)\b",
    re.IGNORECASE,
)
SORTS = frozenset({"sorted", "sort", "nlargest", "nsmallest"})


def _sorts(tree: ast.Module) -> list:
    return [n for n in nodes_of(tree, ast.Call) if (getattr(n.func, "id", None) in SORTS or getattr(n.func, "attr", None) in SORTS)]


def _sorted_by_one_field(tree: ast.Module) -> Optional[str]:
    """The code's one sort orders by a single field (``key=lambda item: item[1]``, ``itemgetter(1)``, ``averages.get``)."""
    calls = _sorts(tree)
    if len(calls) != 1:
        return None  # none, or sorted twice (stable): the ties may be the first sort's
    key = next((k.value for k in calls[0].keywords if k.arg == "key"), None)
    single = (isinstance(key, ast.Lambda) and not isinstance(key.body, ast.Tuple)) or (
        isinstance(key, ast.Call) and getattr(key.func, "id", getattr(key.func, "attr", None)) in ("itemgetter", "attrgetter") and len(key.args) == 1) or (
        isinstance(key, ast.Attribute) and key.attr == "get")  # key=averages.get: the value alone
    return f"its one sort ({unparsed(calls[0])[:50]}, line {calls[0].lineno}) orders by a single field" if single else None


def _one_field_sort(tree: ast.Module) -> Optional[str]:
    """The code's one sort orders by a single field, or by two with ``reverse=True`` (the ties reversed too),
    or it ranks with ``most_common`` and never sorts."""
    calls = _sorts(tree)
    if not calls:
        common = next((n for n in nodes_of(tree, ast.Call) if getattr(n.func, "attr", None) == "most_common"), None)
        return f"it ranks with {unparsed(common)[:40]} (line {common.lineno}), which leaves ties in insertion order" if common else None
    single = _sorted_by_one_field(tree)
    if single or len(calls) > 1:
        return single
    key = next((k.value for k in calls[0].keywords if k.arg == "key"), None)
    reverse = any(k.arg == "reverse" and isinstance(k.value, ast.Constant) and k.value.value is True for k in calls[0].keywords)
    if reverse and isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and len(key.body.elts) > 1 \
            and not any(isinstance(n.op, ast.USub) for n in nodes_of(key.body, ast.UnaryOp)):
        return f"its sort ({unparsed(calls[0])[:50]}, line {calls[0].lineno}) reverses the tie-breaking field too (Z before A)"
    return None


# "if several ovens tie, return the one whose name comes first alphabetically", "if several venues share the highest
# total, return the one whose name comes first alphabetically": one item picked, ties by name.
TIE_ALPHA_PICK_ASK = literal_gates.compile(r"\b(?:ties?|tied)\b[^.;]{0,90}?\b(?:alphabetical\w*|lexicographic\w*)"
                                r"|\b(?:share|shares|sharing)\s+the\s+(?:same\s+)?(?:highest|lowest|largest|smallest|best|top|maximum|minimum|longest|shortest|most|fewest|greatest|biggest)\b"
                                r"[^.;]{0,80}?\b(?:alphabetical\w*|lexicographic\w*)", re.IGNORECASE)


def _picks_by_one_field(tree: ast.Module) -> Optional[str]:
    """``min(loads, key=loads.get)`` and nothing sorted: of tied values ``min`` keeps the first it meets, in the
    dict's own order, not the name that comes first alphabetically."""
    if _sorts(tree):
        return None
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("min", "max") and len(node.args) == 1):
            continue
        key = next((k.value for k in node.keywords if k.arg == "key"), None)
        single = isinstance(key, ast.Attribute) and key.attr == "get" or isinstance(key, ast.Lambda) and isinstance(key.body, (ast.Subscript, ast.Call))
        if single and not any(isinstance(n, ast.Tuple) for n in walk(key)):  # (loads[o], o) breaks the tie itself
            return f"{unparsed(node)[:50]} (line {node.lineno}) keeps the first of tied values it meets, in the input's order"
    return None


FIFO_TIES_ASK = literal_gates.compile(
    r"\bequal priorit\w*\b[^.]{0,80}\b(?:in the order (?:they|in which they) were (?:pushed|added|inserted|enqueued)|FIFO|first[- ]in,? first[- ]out|insertion order)\b|"
    r"\bitems?\b[^.]{0,30}\bneed not be comparable\b|\bnon-?comparable items\b",
    re.IGNORECASE,
)


def _ties_compare_items(tree: ast.Module) -> Optional[str]:
    """``heappush(heap, (priority, item))``: equal priorities compare the items (any order, or TypeError)."""
    for node in nodes_of(tree, ast.Call):
        if (getattr(node.func, "attr", getattr(node.func, "id", None)) == "heappush" and len(node.args) == 2
                and isinstance(node.args[1], ast.Tuple) and len(node.args[1].elts) == 2):
            return f"{unparsed(node)[:50]} (line {node.lineno}) compares the items themselves when two priorities are equal"
    return None


# "for equal timestamps keep entries from earlier streams first": items with a key and more, ordered by the key alone.
# "for equal times keep their order", "with the same score, the earlier entry first" (not "for equal times order by mat name":
# a field named, which the tuple's next field may be; nor "a START followed by an END on the same machine, in order of their END",
# nor "superseded by another START on the same machine before any END": a time, not an order).
EQUAL_KEYS_ASK = literal_gates.compile(r"\b(?:for|with|on|among|between)\s+(?:the\s+)?(?:equal|identical|same|tied)\s+\w+s?\b[^.]{0,60}\b(?:first|order(?!\s+(?:them\s+|it\s+)?(?:by|of)\b)|before(?!\s+(?:any|another|an?|the\s+next|its|their)\b))\b", re.IGNORECASE)


def _sorts_whole_items(tree: ast.Module) -> Optional[str]:
    """A sort with no key (``sorted(pairs)``, ``heapq.merge(*runs)``): equal keys are ordered by the items' next field.
    Not the sort of one item's own values (``sorted((length, width, height))``, a parameter ``item: tuple[float, ...]``
    of plain numbers): there are no records there to order. Nor a sort of positions that a loop then indexes
    with (``for i in sorted(waiting.values()): containers[i]``): positions sorted are the input's own order."""
    sorted_positions = {id(loop.iter) for loop in nodes_of(tree, (ast.For, ast.comprehension)) if isinstance(loop.target, ast.Name)
                        and _indexes_with(loop, loop.target.id, tree)}
    plain_tuples = {a.arg for a in nodes_of(tree, ast.arg) if a.annotation is not None
                    and re.fullmatch(r"tuple\[(?:(?:int|float|str)(?:, )?)+(?:\.\.\.)?\]", unparsed(a.annotation).replace(", ...", "..."))}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and not any(k.arg == "key" for k in node.keywords):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("sorted", "merge") and node.args or name == "sort" and isinstance(node.func, ast.Attribute) and not node.args:
                iterable = node.args[0] if node.args else None
                if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "enumerate":
                    continue
                if isinstance(iterable, (ast.Tuple, ast.List)) or isinstance(iterable, ast.Name) and iterable.id in plain_tuples or id(node) in sorted_positions:
                    continue
                return f"{unparsed(node)[:50]} (line {node.lineno}) sorts by the whole item, so equal keys are ordered by the next field"
    return None


def _indexes_with(loop: ast.AST, name: str, tree: ast.Module) -> bool:
    """The loop's variable ``name`` is a position: the loop's body (or the comprehension around it) subscripts with it."""
    scope = loop if isinstance(loop, ast.For) else next((n for n in nodes_of(tree, (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)) if loop in n.generators), None)
    return scope is not None and any(isinstance(n.slice, ast.Name) and n.slice.id == name for n in nodes_of(scope, ast.Subscript))


# "consecutive duplicates are collapsed (like uniq)": neighbours compared, not a set of everything seen.
CONSECUTIVE_ASK = literal_gates.compile(r"\b(?:consecutive|adjacent|repeated\s+in\s+a\s+row|runs?\s+of)\s+(?:\w+\s+){0,2}?(?:duplicates?|repeats?|equal|identical|same)\b|\blike\s+(?:the\s+)?(?:unix\s+)?`?uniq`?\b", re.IGNORECASE)


def _dedups_globally(tree: ast.Module) -> Optional[str]:
    """A set of everything seen (``if x not in seen``) and no look at a neighbour (``out[-1]``, ``items[i - 1]``,
    ``zip(xs, xs[1:])``, ``groupby``, a ``prev``/``last`` name)."""
    sets = {t.id for n in nodes_of(tree, ast.Assign) if (isinstance(n.value, ast.Set) or isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "set")
            for t in n.targets if isinstance(t, ast.Name)}
    test = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops)
                 and any(isinstance(c, ast.Name) and c.id in sets for c in n.comparators)), None)
    if test is None:
        return None
    for node in walk(tree):
        if isinstance(node, ast.Subscript) and constant_value(node.slice) == -1 or isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Add)) and constant_value(node.right) == 1 \
                or isinstance(node, ast.Name) and re.search(r"prev|last|before", node.id) or isinstance(node, ast.Attribute) and node.attr == "groupby" \
                or isinstance(node, ast.Name) and node.id == "groupby" or isinstance(node, ast.Slice) and constant_value(node.lower) == 1:
            return None
    return f"{unparsed(test)[:40]} (line {test.lineno}) drops a value seen anywhere before, not only next to it"


# "keep the first occurrence of each id": a later duplicate must not replace it.
KEEP_FIRST_ASK = literal_gates.compile(r"\bkeep(?:s|ing)?\s+(?:only\s+)?the\s+first\s+(?:occurrence|one|seen|appearance|instance|entry|record|event|item|version|value|spelling)s?\b|"
                            r"\bfirst\s+(?:occurrence|one|seen)\s+(?:wins|is\s+kept)\b", re.IGNORECASE)


def _later_one_wins(tree: ast.Module) -> Optional[str]:
    """Duplicates dropped through a dict the loop assigns into unguarded (``by_id[key] = item``), or a dict
    comprehension: each later item replaces the first; or a ``Counter`` kept to ``== 1``: no copy is kept."""
    counters = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "Counter"
                for t in n.targets if isinstance(t, ast.Name)}
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in nodes_of(tree, ast.Call)}
    if "groupby" in called and not called & ORDERING_CALLS and not called & {"set", "dict", "fromkeys", "Counter", "OrderedDict"}:
        grouped = next(n for n in nodes_of(tree, ast.Call) if (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) == "groupby")
        return f"{unparsed(grouped)[:50]} (line {grouped.lineno}) groups neighbours only, so a repeat further on is kept"
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.DictComp):
            return f"{unparsed(node)[:50]} (line {node.lineno}) keeps the last item of each key"
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq) and constant_value(node.comparators[0]) == 1 \
                and isinstance(node.left, ast.Subscript) and getattr(node.left.value, "id", None) in counters:
            return f"{unparsed(node)[:50]} (line {node.lineno}) drops every copy of a repeated item, the first too"
        if not isinstance(node, (ast.For, ast.AsyncFor)):
            continue
        body = [n for statement in node.body for n in walk(statement)]
        item = getattr(node.target, "id", None)  # the stored value is the item, or made from it (``email.strip()``)
        stores = [n for n in body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Subscript)
                  and isinstance(n.targets[0].value, ast.Name) and any(v.id == item for v in nodes_of(n.value, ast.Name))
                  and not isinstance(n.value, (ast.BinOp, ast.Constant))]
        into = {n.targets[0].value.id for n in stores}
        guarded = any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in body) \
            or any(isinstance(n, ast.Attribute) and n.attr in ("setdefault", "get", "__contains__") and getattr(n.value, "id", None) in into for n in body)
        if stores and not guarded:
            return f"{unparsed(stores[0])[:50]} (line {stores[0].lineno}) lets a later item with the same key replace the first"
    return None


# "a list of (start, end) tuples in any order" with merged or sorted results: the code must order them.
ANY_ORDER_ASK = literal_gates.compile(r"\A(?=[\s\S]*\b(?:merg\w*|overlap\w*|consecutive|adjacent|gaps?|sorted\s+by)\b)[\s\S]*?\b(?:in\s+any\s+order|unsorted|not\s+(?:necessarily\s+)?sorted|in\s+no\s+particular\s+order)\b", re.IGNORECASE)
ORDERING_CALLS = frozenset({"sorted", "sort", "heappush", "heapify", "heappop", "merge", "nsmallest", "nlargest", "insort", "bisect", "bisect_left", "bisect_right", "sort_values", "order_by", "SortedList"})


def _never_orders(tree: ast.Module) -> Optional[str]:
    """No sort, heap or bisect; nor a set of the items looked up for each one's neighbour (``day - timedelta(days=1) in
    seen``: runs of consecutive days found in any order); nor a walk from the least to the greatest of one collection
    (``min(counts)`` and ``max(counts)``: every month between them looked up, whatever order they came in), or of the
    same few values (``min(r1, r2)`` and ``max(r1, r2)``: a range's corners in order); nor a test of a candidate against
    every item at once (``all(...)`` or ``any(...)`` of comparisons), which no order changes."""
    nodes = list(walk_outside_asserts(tree))
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in nodes if isinstance(n, ast.Call)}
    extremes = [{tuple(ast.dump(a) for a in n.args) for n in nodes if isinstance(n, ast.Call) and getattr(n.func, "id", None) == name and n.args}
                for name in ("min", "max")]  # also min(r1, r2) with max(r1, r2): two corners given in any order, put in order
    if extremes[0] & extremes[1]:
        return None
    neighbour_looked_up = any(isinstance(n, ast.Compare) and isinstance(n.left, ast.BinOp) and isinstance(n.left.op, (ast.Add, ast.Sub))
                              and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in nodes)
    if called & ORDERING_CALLS or ("set" in called or any(isinstance(n, ast.SetComp) for n in nodes)) and neighbour_looked_up:
        return None
    if any(isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("all", "any") and n.args and isinstance(n.args[0], ast.GeneratorExp)
           and any(isinstance(c, ast.Compare) for c in walk(n.args[0].elt)) for n in nodes):
        return None  # all(end <= b_start or start >= b_end for b_start, b_end in busy): a slot tested against every booking, in any order
    return "the code never sorts them"


# "comparing major, minor and patch numerically": a key that splits and never converts compares text.
NUMERIC_ASK = literal_gates.compile(r"\bnumerically\b|\bas (?:integers|numbers)\b|\bnumeric(?:al)? (?:comparison|order)\b", re.IGNORECASE)


def _split_key_as_text(tree: ast.Module) -> Optional[str]:
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("sorted", "sort", "max", "min"):
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Call) and getattr(key.body.func, "attr", None) == "split" \
                    and not any(n.id in ("int", "float", "map", "Decimal") for n in nodes_of(key, ast.Name)):
                return f"its key {unparsed(key)[:50]} (line {node.lineno}) compares the parts as text ('10' < '9')"
    return None


# "1 is the highest score", "highest first gets rank 1": ranks counted down from the top.
# "1 is the top": rank 1 to the highest; "plot 1 is top-left" is a corner of a grid, no ranking.
HIGHEST_FIRST_ASK = literal_gates.compile(r"\b1\s+(?:is|for|goes to|means)\s+(?:the\s+)?(?:highest|best|top|largest|biggest)\b(?![-\s]*(?:left|right)\b)|\b(?:highest|best|top|largest)\b[^.]{0,30}\b(?:gets?|is|has)\s+rank\s+1\b", re.IGNORECASE)


def _ranks_from_the_bottom(tree: ast.Module) -> Optional[str]:
    """The code's sorts are all ascending (no ``reverse=True``, no negated key): rank 1 goes to the lowest."""
    sorts = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("sorted", "sort")]
    lengths = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "len"
               for t in n.targets if isinstance(t, ast.Name)}
    if any(isinstance(n.op, ast.Sub) and (isinstance(n.left, ast.Name) and n.left.id in lengths
                                          or isinstance(n.left, ast.Call) and getattr(n.left.func, "id", None) == "len") for n in nodes_of(tree, ast.BinOp)):
        return None  # n - bisect_right(ordered, p) + 1: counted from the top of an ascending list
    if not sorts or any(isinstance(n, ast.Name) and n.id in ("max", "nlargest", "most_common") or isinstance(n, ast.Attribute) and n.attr in ("most_common", "nlargest") for n in walk(tree)):
        return None
    for node in sorts:
        if any(k.arg == "reverse" for k in node.keywords) or any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for k in node.keywords for n in walk(k.value)):
            return None
    return f"{unparsed(sorts[0])[:50]} (line {sorts[0].lineno}) sorts lowest first, so rank 1 goes to the lowest"


# "most visits first", "highest score first", "fullest station first", "newest first", "from largest to smallest", "in descending order", in an instruction that asks
# nothing smallest first ("least recent first", "ascending", "non-decreasing order": a second key, or the other way), and
# not descending as an option ("support descending order via the flag": the default is the other way).
LARGEST_FIRST_ASK = literal_gates.compile(
    r"\A(?![\s\S]*(?:\b(?:least|lowest|smallest|fewest|shortest|earliest|oldest)\s+(?:[\w-]+\s+){0,2}first\b|\bascending\b|\bincreasing\s+order\b|\bnon-?(?:decreasing|descending)\b|"
    r"\b(?:support|allow|optional(?:ly)?)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?descending\b|\bdescending\b[^.\n]{0,40}\b(?:flag|option|parameter|argument|toggle)\b))"
    r"[\s\S]*?(?:\b(?:most|highest|largest|biggest|longest|greatest|top|fullest|busiest|heaviest|newest|latest|loudest|tallest|richest|strongest|warmest|hottest|deepest|widest|priciest|costliest)\s+(?!overdue\b|late\b|urgent\b)(?:[\w-]+\s+){0,2}first\b|\bfrom\s+(?:the\s+)?(?:highest|largest|most|biggest)\s+to\b|"
    r"\bdescending\b(?!\s*[=:,)]|\s+(?:range|interval|span|pair|run|step|bound|limit|slice)s?\b)|\bdecreasing\s+order\b)",  # not ``descending=False``, a parameter, nor "a descending range" of the input; "most urgent first" is the least time left
    re.IGNORECASE,
)


def _sorted_smallest_first(tree: ast.Module) -> Optional[str]:
    """The code's one sort is ascending: no ``reverse=True``, no key that subtracts, no negation anywhere (``(-days, unit)``
    built before the sort), nothing that reverses or takes from the top after it (``reversed``, ``[::-1]``, ``nlargest``,
    ``most_common``, ``max``)."""
    sorts = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) == "sorted" or getattr(n.func, "attr", None) == "sort")]
    if len(sorts) != 1:
        return None
    call = sorts[0]
    if any(k.arg in ("reverse", "cmp") for k in call.keywords) or re.search(r"\breversed\(|\[::-1\]|nlargest|most_common|\.reverse\(|\bmax\(|cmp_to_key|\[-\d", unparsed(tree)):
        return None
    key = next((k.value for k in call.keywords if k.arg == "key"), None)
    if key is not None and any(isinstance(n.op, ast.Sub) for n in nodes_of(key, ast.BinOp)) \
            or any(isinstance(n.op, ast.USub) and not isinstance(n.operand, ast.Constant) for n in nodes_of(tree, ast.UnaryOp)):
        return None
    return f"{unparsed(call)[:60]} (line {call.lineno}) sorts smallest first"


# "times written like '9:30' or '14:00' (hours are not zero-padded)": text that sorts wrong as text.
UNPADDED_ASK = literal_gates.compile(r"\b(?:not|never|aren't|isn't)\s+(?:\w+\s+)?zero[- ]padded\b|\bunpadded\b|\bwithout (?:a )?leading zeros?\b|\bno leading zeros?\b|"
                          r"(?:written|given|formatted|stored|as)\s+(?:as\s+)?`[\"']?(?:m:ss|h:mm(?::ss)?)[\"']?`",  # `m:ss`, `"H:MM"`: one digit where there are few, two after
                          re.IGNORECASE)


def _clock_text(node: ast.expr) -> bool:
    """A clock time written as text: ``"12:00"``."""
    return isinstance(node, ast.Constant) and isinstance(node.value, str) and re.fullmatch(r"\d{1,2}:\d\d(?::\d\d)?", node.value) is not None


def _sorts_text_as_is(tree: ast.Module) -> Optional[str]:
    """A sort, ``min`` or ``max`` while nothing in the code turns the text into numbers or pads it (no
    ``int``, ``float``, ``strptime``, ``zfill``, ``rjust``, format spec, ``map``; a ``split`` alone leaves
    text: ``key=lambda t: t.split(":")`` still puts "10" before "9")."""
    names = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in nodes_of(tree, ast.Call)}
    if names & {"int", "float", "strptime", "fromisoformat", "zfill", "rjust", "map", "Decimal", "time", "timedelta", "findall", "match", "fullmatch", "format"} \
            or any(n.format_spec is not None for n in nodes_of(tree, ast.FormattedValue)):
        return None
    sort = next((n for n in nodes_of(tree, ast.Call) if (getattr(n.func, "id", None) in ("sorted", "min", "max") or getattr(n.func, "attr", None) == "sort")), None)
    if sort is None:  # start >= now, entry < "12:00": two of the texts compared by order, or one with a clock time
        sort = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Compare) and len(n.ops) == 1 and isinstance(n.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE))
                     and all(isinstance(side, (ast.Name, ast.Subscript)) or _clock_text(side) for side in (n.left, n.comparators[0]))
                     and not all(_clock_text(side) for side in (n.left, n.comparators[0]))), None)
    return f"{unparsed(sort)[:50]} (line {sort.lineno}) compares the text as it is, so '9:30' sorts after '14:00'" if sort is not None else None


# "`payments` is a list of `(date, amount)` tuples in no particular order": items that come unsorted.
UNORDERED_INPUT_ASK = literal_gates.compile(r"\b(?:in\s+(?:any|no\s+particular|random)\s+order|unsorted|not\s+(?:necessarily\s+)?(?:sorted|in\s+order)|unordered)\b", re.IGNORECASE)


def _groups_unsorted_items(tree: ast.Module) -> Optional[str]:
    """``groupby(payments, key=...)`` straight over a parameter that nothing sorts: ``groupby`` joins neighbours only, so
    a month that comes back later opens a second group."""
    parameters = parameter_names(tree)
    sorted_in_place = {unparsed(n.func.value) for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "sort"}
    rebound = set(store_counts(tree))
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) == "groupby" and node.args
                and isinstance(node.args[0], ast.Name) and node.args[0].id in parameters and node.args[0].id not in sorted_in_place | rebound):
            return f"{unparsed(node)[:60]} (line {node.lineno}) groups them as they come, and groupby joins neighbours only"
    return None


# "if several hours tie for the maximum, return the earliest", "the tie is settled by choosing the one whose name comes
# first alphabetically": of equal best values, the first (earliest, lowest, alphabetically first) one ("several days
# share the highest gust": the value tied for, not the one chosen).
TIE_FIRST_ASK = literal_gates.compile(
    r"\b(?:ties?|tied|tie\s+for|several|multiple|more\s+than\s+one)\b(?![^.;]{0,90}(?<!share the )(?<!shares the )(?<!have the )(?<!has the )(?<!with the )(?<!for the )"
    r"\b(?:latest|last|highest|largest|later|most\s+recent|newest)\b)[^.;]{0,90}?"
    r"\b(?:earliest|first|lowest|smallest|earlier|lower|smaller)\b",
    re.IGNORECASE,
)


def _keeps_the_last_tie(tree: ast.Module) -> Optional[str]:
    """Of equal best values the code keeps the last: a scan that replaces its best on ``>=`` (or ``<=``) over
    items in their own or ascending order, or ``max`` with a key whose tie-breaking field is not negated
    (``max(votes.items(), key=lambda kv: (kv[1], kv[0]))`` picks the name that sorts last)."""
    for loop in walk_outside_asserts(tree):
        if not isinstance(loop, ast.For) or re.search(r"\breverse|\[::-1\]", unparsed(loop.iter)):
            continue
        for node in nodes_of(loop, ast.If):
            if isinstance(node.test, ast.Compare) and len(node.test.ops) == 1 and isinstance(node.test.ops[0], (ast.GtE, ast.LtE)):
                replaced = {unparsed(t) for s in node.body if isinstance(s, ast.Assign) for target in s.targets
                            for t in (target.elts if isinstance(target, ast.Tuple) else [target])}
                best = node.test.comparators[0]  # the best itself, or what it indexes (``counts[best_hour]``)
                if unparsed(best) in replaced or isinstance(best, ast.Subscript) and unparsed(best.slice) in replaced:
                    return f"{unparsed(node.test)[:50]} (line {node.lineno}) replaces the best on equal values, so the last of them wins"
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "max":
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and len(key.body.elts) >= 2 \
                    and not any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for e in key.body.elts[1:] for n in walk(e)):
                return f"{unparsed(node)[:60]} (line {node.lineno}) breaks ties by the largest {unparsed(key.body.elts[1])[:20]}"
    return None


# What an instruction asks about order, how code breaks it (None: it does not), whether a "not"/"without"
# before the ask voids it, and the reason given (see stated_requirements.BROKEN_ASKS).
ORDER_ASKS = (
    (STABLE_ASK, _ties_broken, True, "the instruction asks for ties to keep their order ({ask!r}) and {broken}"),
    (TIE_ALPHA_ASK, _one_field_sort, True, "the instruction asks for {ask!r} and {broken}"),
    (TIE_LOWEST_ASK, _one_field_sort, True, "the instruction asks for {ask!r} and {broken}"),
    (TIE_SECOND_FIELD_ASK, _sorted_by_one_field, True, "the instruction asks for {ask!r} and {broken}"),
    (FIFO_TIES_ASK, _ties_compare_items, True, "the instruction asks for {ask!r} and {broken}"),
    (NUMERIC_ASK, _split_key_as_text, True, "the instruction compares {ask!r} and {broken}"),
    (HIGHEST_FIRST_ASK, _ranks_from_the_bottom, False, "the instruction says {ask!r} and {broken}"),
    (LARGEST_FIRST_ASK, _sorted_smallest_first, False, "the instruction asks for {ask_end!r} and {broken}"),
    (CONSECUTIVE_ASK, _dedups_globally, True, "the instruction collapses {ask!r} and {broken}"),
    (KEEP_FIRST_ASK, _later_one_wins, True, "the instruction asks to {ask!r} and {broken}"),
    (TIE_FIRST_ASK, _keeps_the_last_tie, True, "the instruction asks, of ties, for {ask_end!r} and {broken}"),
    (TIE_ALPHA_PICK_ASK, _picks_by_one_field, True, "the instruction asks, of ties, for {ask!r} and {broken}"),
    (ANY_ORDER_ASK, _never_orders, True, "the instruction gives the items in any order and {broken}"),
    (EQUAL_KEYS_ASK, _sorts_whole_items, True, "the instruction orders items {ask!r} and {broken}"),
    (UNPADDED_ASK, _sorts_text_as_is, False, "the instruction's values are {ask!r} and {broken}"),
    (UNORDERED_INPUT_ASK, _groups_unsorted_items, True, "the instruction gives the items {ask!r} and {broken}"),
)


# "return the overdue tasks sorted by due date, oldest first", "in ascending order": the result's own order.
ORDERED_RESULT_ASK = literal_gates.compile(
    r"\b(?:return\w*|output\w*|yield\w*|print\w*|produce\w*|display\w*|show\w*|list\s+(?:the|all|every|each))\b[^.;!?]{0,80}?"
    r"\b(?P<order>(?:sorted|ordered)\s+(?:by|on|from)\b|sorted\s+(?:ascending|descending|alphabetically)\b"
    r"|(?:in|into)\s+(?:ascending|descending|alphabetical|chronological|increasing|decreasing|numerical|reverse\s+chronological)\s+order\b"
    r"|(?:oldest|newest|earliest|latest|highest|lowest|largest|smallest|biggest|cheapest|most\s+recent)\s+first\b)",
    re.IGNORECASE,
)
# The input arrives in order ("the log is sorted by time", "given a sorted list"): nothing is left to sort.
INPUT_IN_ORDER = literal_gates.compile(
    r"\b(?:already\s+(?:sorted|ordered|in\s+order)|sorted\s+(?:lists?|arrays?|sequences?|inputs?|data)|(?:is|are|come|comes|arrive|arrives)\s+(?:already\s+)?(?:sorted|ordered|in\s+(?:\w+\s+)?order)"
    r"|in\s+(?:the\s+)?order\s+(?:they|it)\s+(?:arrive|arrived|came|come|were|was))\b",
    re.IGNORECASE,
)


def settled_by_the_input(ask: re.Pattern, match: re.Match, prose: str, tree: Optional[ast.Module] = None) -> bool:
    """Ties asked "earlier first" of input that arrives in that order: any stable sort (``sorted``,
    ``reverse=True``, ``heapq.nlargest``) keeps them so, with no second field. And ties that keep their
    order only once several listed criteria ("by points, then goal difference, then goals scored; teams
    still level keep their order") are all equal: a key of those fields is asked for. So are the ties of a
    field the instruction names ("heavier containers first; equal weights keep their input order") when
    every sort key ends with that field, and those of fields it names when every field of every key is one of
    them ("orders with the same rush flag and due date keep their original relative order")."""
    if ask is STABLE_ASK and re.search(r"\b(?:still|remaining|otherwise)\b", prose[max(0, match.start() - 60):match.start()], re.IGNORECASE) \
            and re.search(r"\bthen\b", prose[max(0, match.start() - 300):match.start()], re.IGNORECASE):
        return True
    tied = re.search(r"\b(?:equal|same|identical|tied)\s+([a-z]+?)(?:e?s)?\s+$", prose[max(0, match.start() - 40):match.start()], re.IGNORECASE)
    if ask is STABLE_ASK and tied and tree is not None and len(tied.group(1)) >= 3:
        last_fields = [key.body.elts[-1] for node in walk_outside_asserts(tree) if _is_keyed_sort(node)
                       for key in [next(k.value for k in node.keywords if k.arg == "key")]
                       if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and key.body.elts]
        word = tied.group(1).lower()
        described = _described_tuple(prose)
        if last_fields and all(any(word in name.lower() for name in _names_in(field, described)) for field in last_fields):
            return True
    tied_on = re.search(r"\b(?:equal|same|identical|tied|matching)\s+([^.;:]{3,80}?)\s*$", prose[max(0, match.start() - 100):match.start()], re.IGNORECASE)
    if ask is STABLE_ASK and tied_on and tree is not None:  # "orders with the same rush flag and due date keep their order": ties on every key field
        named = set(re.findall(r"[a-z]{3,}", tied_on.group(1).lower())) - {"and", "the", "with", "their", "its"}
        keys = [key.body.elts for node in walk_outside_asserts(tree) if _is_keyed_sort(node)
                for key in [next(k.value for k in node.keywords if k.arg == "key")] if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple)]
        if keys and all(any(isinstance(name, str) and any(word in name.lower() for word in named) for name in _names_in(field)) for fields in keys for field in fields):
            return True
    return ask is TIE_ALPHA_ASK and bool(re.search(r"\b(?:older|oldest|earlier|earliest)\b", match.group(0), re.IGNORECASE)) and bool(INPUT_IN_ORDER.search(prose))


def _names_in(node: ast.AST, described: tuple = ()) -> list:
    """The names, attributes and string keys a key's field reads: ``-c["weight_t"]`` reads weight_t, ``c``; and ``r[1]``
    reads the second of the ``described`` fields (``date`` of "a list of `(van, date, km)` tuples")."""
    names = [getattr(n, "id", None) or getattr(n, "attr", None) or n.value for n in walk(node)
             if isinstance(n, (ast.Name, ast.Attribute)) or isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return names + [described[n.slice.value] for n in nodes_of(node, ast.Subscript) if isinstance(n.slice, ast.Constant)
                    and type(n.slice.value) is int and 0 <= n.slice.value < len(described)]


# "a list of `(van, date, km)` tuples": the fields of the items, by position.
DESCRIBED_TUPLE = literal_gates.compile(r"`\(\s*([a-z_]\w*(?:\s*,\s*[a-z_]\w*)+)\s*\)`")


def _described_tuple(prose: str) -> tuple:
    """The field names of the first tuple the instruction describes in backticks, else ()."""
    found = DESCRIBED_TUPLE.search(prose)
    return tuple(re.split(r"\s*,\s*", found.group(1))) if found else ()


def _walks_a_parameter(iterable: ast.expr, params: set) -> bool:
    """``tasks``, ``tasks.items()``, ``tasks.values()``: the input as it comes."""
    if isinstance(iterable, ast.Call) and isinstance(iterable.func, ast.Attribute) and iterable.func.attr in ("items", "values", "keys") and not iterable.args:
        iterable = iterable.func.value
    return isinstance(iterable, ast.Name) and iterable.id in params


def _input_order_returned(function: ast.AST) -> Optional[ast.AST]:
    """The return of ``function`` that hands back its input's items in their own order: a comprehension over
    a parameter (or a name bound to one), or a list that a ``for`` over a parameter appends to."""
    params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    bound = {n.targets[0].id: n.value for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)}
    appended = {n.func.value.id for loop in nodes_of(function, ast.For) if _walks_a_parameter(loop.iter, params)
                for n in nodes_of(loop, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "append" and isinstance(n.func.value, ast.Name)}
    for node in nodes_of(function, ast.Return):
        if node.value is None:
            continue
        value = bound.get(node.value.id, node.value) if isinstance(node.value, ast.Name) else node.value
        if isinstance(value, (ast.ListComp, ast.GeneratorExp)) and _walks_a_parameter(value.generators[0].iter, params):
            return node
        if isinstance(node.value, ast.Name) and node.value.id in appended and isinstance(bound.get(node.value.id), ast.List):
            return node
    return None


def _result_never_ordered(tree: ast.Module) -> Optional[str]:
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in walk_outside_asserts(tree) if isinstance(n, ast.Call)}
    if called & (ORDERING_CALLS | {"most_common", "min", "max"}):
        return None
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        returned = _input_order_returned(function)
        if returned is not None:
            return f"{function.name} returns its input's items in the order they come (line {returned.lineno}) and nothing in the code sorts them"
    return None


def broken_order(prose: str, tree: ast.Module) -> Optional[str]:
    """Items asked "in the order of their first occurrence" by an instruction that never asks to sort,
    and a function that returns ``sorted(...)``; a result asked in an order, and code that orders nothing."""
    match = ORDERED_RESULT_ASK.search(prose)
    if match and not INPUT_IN_ORDER.search(prose) and not negated(prose, match.start("order")):
        unordered = _result_never_ordered(tree)
        if unordered:
            return f"the instruction wants the result {match.group('order')!r} and {unordered}"
    match = ORDER_KEPT_ASK.search(prose)
    resorted = _sorted_result(tree) if match and not re.search(r"\bsort|\border(?:ed)? by\b|\balphabetic|\bascending\b|\bdescending\b", prose, re.IGNORECASE) else None
    if resorted and not negated(prose, match.start()):
        return f"the instruction asks for items {match.group(0)!r} and {resorted}"
    return None
