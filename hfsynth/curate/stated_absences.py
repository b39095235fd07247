"""What the instruction says may be missing, read by code as if it were always there.

"BPM analysis may not have run on every file, so some tracks have no `"bpm"` key at all" (or "older firmware does
not send `battery`", "readings without `battery`", "a `queen_status` key only when the queen was checked") answered with
``track["bpm"]``; "some lines have no price at all" answered with ``PRICE.search(line).group(1)``. The
model read the happy path only: the first record without the key raises KeyError, the first line
without a match AttributeError (``None.group``), on exactly the inputs the instruction promised.

Read only where the instruction says it in so many words, and only code that reads the thing bare:
a key read with ``["key"]`` while nothing tests ``"key" in`` a record, calls ``.get("key")``, catches
KeyError or builds a record holding the key, or read with ``.get("key")`` and used at once (``record.get("notes").strip()``: None has no strip); a match's ``.group()`` taken straight off ``search``/``match`` outside any ``try``; and "if there
are fewer than three, return all of them" answered by ``[ranked[i] for i in range(3)]``, nothing measured.
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, nodes_outside_try, unparsed

# "some tracks have no "bpm" key", "not every row has a `discount` field", "the 'notes' key may be missing"
ABSENT_KEY = literal_gates.compile(
    r"\b(?:some|not every|not all|a few|any)\b[^.;]{0,60}?\b(?:have|has|carry|carries|include|includes)\s+no\s+[`'\"]{1,2}(?P<key>\w+)[`'\"]{1,2}\s*(?:key|field|entry)|"
    r"\b(?:some|not every|not all)\b[^.;]{0,60}?\b(?:lack|lacks|are missing|miss|do not have|don't have|does not have|doesn't have|without)\s+(?:the\s+|a\s+|an\s+)?[`'\"]{1,2}(?P<key2>\w+)[`'\"]{1,2}|"
    r"[`'\"]{1,2}(?P<key3>\w+)[`'\"]{1,2}\s+(?:key|field)\s+(?:is|may be|might be|can be)\s+(?:missing|absent|left out|optional)\b|"
    r"\b(?:may|might|can)\s+(?:also\s+)?(?:have|carry|include|contain)\s+(?:an?\s+)?(?:optional\s+)?[`'\"]{1,2}(?P<key4>\w+)[`'\"]{1,2}\s*(?:key|field|entry)|"
    r"\b(?:optionally|an\s+optional)\s+(?:an?\s+)?[`'\"]{1,2}(?P<key5>\w+)[`'\"]{1,2}\s*(?:key|field|entry)|"
    # "older firmware does not send `battery` at all", "a reading without `battery`"
    r"\b(?:does\s+not|doesn't|do\s+not|don't)\s+(?:send|include|carry|report)\s+(?:an?\s+|the\s+|any\s+)?[`'\"]{1,2}(?P<key6>\w+)[`'\"]{1,2}|"
    r"\b(?:records?|readings?|entries|rows?|items?|lines?|dicts?|events?)\s+without\s+(?:an?\s+|the\s+|any\s+)?[`'\"]{1,2}(?P<key7>\w+)[`'\"]{1,2}|"
    # "and — only when the inspector checked the queen — a `queen_status` key"
    r"\bonly\s+(?:when|if)\b[^.;\n]{0,80}?[`'\"]{1,2}(?P<key8>\w+)[`'\"]{1,2}\s+(?:key|field|entry)\b",
    re.IGNORECASE,
)
ABSENT_KEY_GROUPS = ("key", "key2", "key3", "key4", "key5", "key6", "key7", "key8")
# "some lines have no price at all", "lines without a `price:` field", "may not contain a date"
NO_MATCH = literal_gates.compile(
    r"\b(?:some|not every|not all|a few)\b[^.;]{0,60}?\b(?:have|has|contain|contains)\s+no\b|"
    r"\b(?:lines?|strings?|texts?|entries|notes?|messages?|records?)\s+(?:that\s+(?:have|has|contain)\s+no|without\s+(?:a|an|any))\b|"
    r"\b(?:may|might|can)\s+not\s+(?:contain|have|include)\b",
    re.IGNORECASE,
)
MATCH_CALLS = frozenset({"search", "match", "fullmatch"})
MATCH_PARTS = frozenset({"group", "groups", "groupdict", "span", "start", "end"})


def _bare_key_read(tree: ast.Module, key: str) -> Optional[ast.AST]:
    """The first ``x["key"]`` read outside a ``try``, when nothing tests or defaults the key."""
    text = unparsed(tree)
    if re.search(rf"""['"]{re.escape(key)}['"]\s+(?:not\s+)?in\b|\.get\(\s*['"]{re.escape(key)}['"]|\.setdefault\(\s*['"]{re.escape(key)}['"]|KeyError""", text):
        return None
    functions = nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
    if any(isinstance(k, ast.Constant) and k.value == key for f in functions for d in nodes_of(f, ast.Dict) for k in d.keys) or any(
            isinstance(n.ctx, ast.Store) and isinstance(n.slice, ast.Constant) and n.slice.value == key for f in functions for n in nodes_of(f, ast.Subscript)):
        return None  # a record the code's functions build holds the key (the demo's records are the input)
    return next((n for n in nodes_outside_try(tree) if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Load)
                 and isinstance(n.slice, ast.Constant) and n.slice.value == key), None)


def _used_off_a_get(tree: ast.Module, key: str) -> Optional[ast.AST]:
    """``record.get("notes").strip()``: ``get`` with no default gives None for a record without the key, and
    the method (or index) read straight off it raises, outside a ``try``."""
    return next((n for n in nodes_outside_try(tree) if isinstance(n, (ast.Attribute, ast.Subscript)) and isinstance(n.value, ast.Call)
                 and isinstance(n.value.func, ast.Attribute) and n.value.func.attr == "get" and len(n.value.args) == 1 and not n.value.keywords
                 and isinstance(n.value.args[0], ast.Constant) and n.value.args[0].value == key), None)


def _bare_match_part(tree: ast.Module) -> Optional[ast.AST]:
    """``PATTERN.search(line).group(1)``: a part taken straight off a search that may find nothing."""
    return next((n for n in nodes_outside_try(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in MATCH_PARTS
                 and isinstance(n.func.value, ast.Call) and isinstance(n.func.value.func, ast.Attribute) and n.func.value.func.attr in MATCH_CALLS), None)


# "If there are fewer than three foods, return all of them": fewer items than the count asked may come.
FEWER_THAN_ASKED = literal_gates.compile(r"\b(?:fewer|less)\s+than\s+(?P<n>\d+|two|three|four|five|ten|`?k`?|`?n`?)\b[^.;]{0,60}?\b(?:return|give|list|include|keep)\w*\s+(?:all|every|them\s+all|whatever|as\s+many)", re.IGNORECASE)
WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}


def _indexed_up_to(tree: ast.Module, count) -> Optional[ast.AST]:
    """``ranked[i] for i in range(3)`` (or ``range(k)``) with nothing in the code measuring the sequence (no
    ``len``, ``min``, slice, ``enumerate``, ``zip`` nor caught IndexError): the fourth item is read blind."""
    text = unparsed(tree)
    if re.search(r"\blen\(|\bmin\(|\bzip\(|\benumerate\(|IndexError|islice|nlargest|nsmallest|\[[^\]]*:[^\]]*\]", text):
        return None
    for node in nodes_outside_try(tree):
        if not isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.For)):
            continue
        generator = node.generators[0] if not isinstance(node, ast.For) else node
        limit = generator.iter.args[0] if isinstance(generator.iter, ast.Call) and getattr(generator.iter.func, "id", None) == "range" and len(generator.iter.args) == 1 else None
        if limit is None or not (isinstance(limit, ast.Constant) and limit.value == count or isinstance(limit, ast.Name) and limit.id == count):
            continue
        index = getattr(generator.target, "id", None)
        read = next((n for n in nodes_of(node, ast.Subscript) if isinstance(n.slice, ast.Name) and n.slice.id == index), None)
        if read is not None:
            return read
    return None


def unguarded_absence(prose: str, tree: ast.Module) -> Optional[str]:
    """How the code reads, bare, what the instruction says may be missing; else None."""
    said = FEWER_THAN_ASKED.search(prose)
    if said:
        count = said.group("n").strip("`").lower()
        read = _indexed_up_to(tree, int(count) if count.isdigit() else WORDS.get(count, count))
        if read is not None:
            return f"the instruction says {said.group(0)[:60]!r} and {unparsed(read)[:40]} (line {read.lineno}) reads past the end of a shorter input: IndexError"
    for said in ABSENT_KEY.finditer(prose) if "KeyError" not in prose else ():  # "if the 'id' key is missing, raise KeyError": a bare read is the answer
        key = next(said.group(g) for g in ABSENT_KEY_GROUPS if said.group(g))
        read = _bare_key_read(tree, key)
        if read is not None:
            return (f"the instruction says {said.group(0)[:60]!r} and {unparsed(read)[:40]} (line {read.lineno}) reads it bare: "
                    f"KeyError on the records without it")
        used = _used_off_a_get(tree, key)
        if used is not None:
            return (f"the instruction says {said.group(0)[:60]!r} and {unparsed(used)[:40]} (line {used.lineno}) uses what get() gives at once: "
                    f"an error on None for the records without it")
    said = NO_MATCH.search(prose)
    part = _bare_match_part(tree) if said else None
    if part is not None:
        return (f"the instruction says {said.group(0)[:60]!r} and {unparsed(part)[:50]} (line {part.lineno}) takes the match of a search "
                f"that finds nothing there: AttributeError on None")
    return None
