"""The pairs an instruction says a parameter holds, against the order the code puts them in.

"`items` is a list of `(title, seconds)`, returning the titles of the `n` longest items" and
``heapq.nlargest(n, items)``: with no key, tuples compare by their first field, so the code ranks the
titles alphabetically, not the items by their seconds. Read only where the words leave no doubt:

- the instruction spells the items of a parameter as a pair of names in brackets ("`readings` is a list of
  `(lift, wait_min)` tuples", "`items`: a list of `(title, seconds)`"), the first naming a text (not a number
  word, nor a date or time: ``(date, kg)`` sorted is in date order) and the second a number (seconds, minutes, a
  wait, a score, an amount...);
- the code ranks that parameter itself, with no key: ``max``, ``min``, ``heapq.nlargest`` or ``heapq.nsmallest`` of it,
  or ``sorted(..., reverse=True)`` or ``.sort(reverse=True)`` (ascending may be the order asked, by the first field),
  and nothing rebinds its name (``items = [(s, t) for t, s in items]``).
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.item_shapes import keyless_ranking
from hfsynth.curate.python_ast import nodes_outside_try, store_counts, unparsed

PAIR_ITEMS = literal_gates.compile(
    r"`(?P<name>[A-Za-z_]\w*)`\s*(?::|\bis\b|\bare\b|\bholds?\b)\s*(?:an?\s+|the\s+)?(?:list|sequence|iterable|collection)\s+of\s+"
    r"`?\(\s*(?P<first>[A-Za-z_]\w*)\s*,\s*(?P<second>[A-Za-z_]\w*)\s*\)`?", re.IGNORECASE)
# Field names that hold a number: the second of the pair, what a ranking ranks by.
NUMBER_FIELD = literal_gates.compile(
    r"(?:\w+_)?(?:seconds|secs?|minutes|mins?|hours|hrs?|days|wait|waits|score|scores|points|pts|amount|price|cost|total|count|qty|quantity|"
    r"weight|kg|grams?|length|duration|distance|km|metres|meters|size|value|rate|speed|temp|temperature|level|reading|votes|sales)(?:_\w+)?",
    re.IGNORECASE)
# A first field that orders on purpose: "(date, kg)" sorted is in date order.
WHEN_FIELD = literal_gates.compile(r"(?:\w+_)?(?:date|day|time|ts|timestamp|when|start|month|year|week|hour|at|on)(?:_\w+)?", re.IGNORECASE)


def pairs_ordered_by_their_name(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """The first keyless ranking of a parameter whose items the instruction spells as (text, number) pairs."""
    if tree is None:
        return None
    pairs = {}
    for found in PAIR_ITEMS.finditer(instruction):
        first, second = found.group("first"), found.group("second")
        if NUMBER_FIELD.fullmatch(second) and not NUMBER_FIELD.fullmatch(first) and not WHEN_FIELD.fullmatch(first):
            pairs.setdefault(found.group("name"), (first, second))
    rebound = set(store_counts(tree))
    pairs = {name: pair for name, pair in pairs.items() if name not in rebound}  # items = [(s, t) for t, s in items]: swapped
    if not pairs:
        return None
    for node in nodes_outside_try(tree):
        ranking = keyless_ranking(node)
        if ranking is None or ranking[1] in ("sorted", "sort") and not ranking[2]:
            continue  # sorted(claims) may be the order asked: by claim number
        ranked = ranking[0]
        if isinstance(ranked, ast.Name) and ranked.id in pairs:
            first, second = pairs[ranked.id]
            return (f"{unparsed(node)[:60]} (line {node.lineno}) ranks the ({first}, {second}) pairs of {ranked.id} by {first} first, "
                    f"not by {second}")
    return None
