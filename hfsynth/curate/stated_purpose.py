"""What the code says it does, held against what the instruction asks.

A model that answers a nearby task often says so itself: asked for the longest login streak it writes
``longest_gap_days`` ("Largest number of days between two consecutive logins"), asked for the average
pace it documents "Overall average speed in km/h" (and asked for km/h, "minutes per kilometre"), asked how many
distinct IPs it "tallies requests per client IP", asked how many different summits "how often each summit appears",
asked for complete weeks the length "in days". The code is right for what it says and wrong for what was asked. What is read: the asked
function's name and docstring (only the docstring when the instruction itself gives the name), for
pairs of concepts that exclude each other (pace and speed, a streak and a gap, distinct items and a
tally of requests, the median and the mean, a standard deviation and a variance, the days left and
the days elapsed, a number and a percentage, a percentage and an average, a refund and a charge, the
last and the first (by the docstring alone: a ``first_free_slot`` may be the "earliest" asked), items
seen exactly once and distinct items, an absolute and a relative change, the longest and the average, what is left
and what is used, none at all and at least one, an average and a total...): the instruction names one and never the other, the code names
the other and never the one.
"""

from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate.python_ast import asked_function, words_of

# (what the instruction asks, what a nearby task is): each a regex of words.
CONTRASTS = (
    ("pace", "speed"),
    (r"speed|km/h|mph|kilometres per hour|miles per hour", r"pace|minutes per|per kilomet|per mile"),
    (r"weeks", r"in days|number of days|days between"),
    (r"how many (?:different|distinct|unique)|number of (?:different|distinct|unique)", r"how often"),  # a count, not each one's tally
    ("streak", "gap"),
    ("median", "mean|average"),
    ("distinct|unique", "requests|tally"),
    ("remaining|outstanding", "interest"),
    ("percentile", "percentage"),
    ("shortest", "longest"),
    ("longest", "shortest"),
    ("earliest|oldest", "latest|newest|most recent"),
    ("latest|newest|most recent", "earliest|oldest"),
    ("standard deviation", "variance"),
    ("remain|left", "elapsed|since"),
    ("number of|how many", "percentage|percent|indices|indexes|positions"),
    ("percentage|proportion|share", "average|mean"),
    ("perimeter", "size|area"),
    ("gaps|slots", "total"),
    ("refund", "charge|fee|penalty"),
    ("last", "first", "docstring"),  # a first_free_slot may be the "earliest" asked: only the docstring's words count
    ("first", "last", "docstring"),
    ("exactly once", "distinct|unique"),  # not "each only once": that is distinct
    ("absolute", "relative"),
    ("longest|largest|biggest|maximum", "average|mean"),
    ("remain|left", "used|spent|consumed"),
    (r"no\s+(?:\w+\s+){0,2}at\s+all|without\s+any", r"at\s+least\s+one"),
    ("average|mean", r"total|sum\b|worked"),
)

# Words by which an instruction names the other of a pair too: "the earliest departure, or None if the last sailing
# has gone" asks for the first; "last" only says when there is none.
ALSO_NAMED = {"first": r"|earliest", "last": r"|latest"}

# Each pair compiled once: (the ask at a word's start, the other word with what follows it, the other or its pair
# word, the ask anywhere, whether only the docstring counts). Built per row they pushed the re module's cache out.
_CONTRAST_PATTERNS = tuple(
    (re.compile(rf"\b(?:{asked})", re.IGNORECASE), re.compile(rf"\b(?:{other})\w*", re.IGNORECASE),
     re.compile(rf"\b(?:{other}{ALSO_NAMED.get(other, '')})", re.IGNORECASE), re.compile(rf"(?:{asked})", re.IGNORECASE), bool(only))
    for asked, other, *only in CONTRASTS
)


def contradicting_purpose(instruction: str, tree: Optional[ast.Module]) -> Optional[str]:
    """How the asked function's own name or docstring says it does a task the instruction does not ask, else None."""
    function = asked_function(tree, instruction) if tree is not None else None
    if function is None:
        return None
    docstring = ast.get_docstring(function) or ""
    named = function.name in words_of(instruction)  # a name the instruction gave says nothing of the code
    said = docstring if named else f"{function.name.replace('_', ' ')} {docstring}"
    for asked, other, other_or_its_pair, asked_anywhere, docstring_only in _CONTRAST_PATTERNS:
        own = docstring if docstring_only else said
        if asked.search(instruction) and not other_or_its_pair.search(instruction) and other.search(own) and not asked.search(own):
            found = other.search(own).group(0)
            return f"the instruction asks for {asked_anywhere.search(instruction).group(0)!r} and the code says it computes {found!r} ({function.name})"
    return None
