"""Compiled regular expressions that answer "no match" at once for a text lacking every literal a match needs.

The row checks hold some 500 patterns, most of them asks ("round half up", "in place") that one instruction
in fifty holds, and ``re`` tries each of them at every position of every row's text. Any match of
``\\bhalf[- ]?up\\b`` contains "half"; a substring test for it costs a fraction of the scan. :func:`compile`
reads from the pattern's own parse the literals of which a match must contain one (the longest it can prove),
and its pattern runs the real search only when the text holds one of them, so every answer is ``re``'s own.
A pattern it can prove nothing for (``\\w+``, a back-reference) is searched as before."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import FrozenSet, Iterable, Optional, Tuple

try:  # the parser behind re.compile: re._parser from Python 3.11, sre_parse before
    from re import _constants as _ops
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as _ops  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

_REPEATS = tuple(getattr(_ops, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_ops, name))
_ATOMIC = getattr(_ops, "ATOMIC_GROUP", None)

# Under IGNORECASE, re matches an ASCII letter with these other characters too (a brute-force search of every
# code point finds no more: tests/test_literal_gates.py); they are spelled as that letter before the text is
# lowered, "İ" first, as its lower() is two characters ("i" and a combining dot) that would split a needle.
_CASELESS_ASCII = str.maketrans({"İ": "i", "ı": "i", "K": "k", "ſ": "s"})
_SHORTEST_NEEDLE = 2  # a one-character literal ("(", "a") is in nearly every text: no gate


def _better(a: Optional[FrozenSet[str]], b: Optional[FrozenSet[str]]) -> Optional[FrozenSet[str]]:
    """The more selective of two needle sets: the longer shortest needle, then the fewer needles."""
    if a is None or b is None:
        return a if b is None else b
    return b if (min(map(len, b)), -len(b)) > (min(map(len, a)), -len(a)) else a


def _required(items: Iterable[Tuple[object, object]], caseless: bool) -> Optional[FrozenSet[str]]:
    """Strings of which any match of the parsed sequence ``items`` contains one, or None when none is certain."""
    best: Optional[FrozenSet[str]] = None
    run: list = []
    for op, value in items:
        if op is _ops.LITERAL:
            char = chr(value)
            if caseless and not char.isascii():  # its other cases are not all its lower(): no needle through it
                best, run = _better(best, frozenset({"".join(run)}) if run else None), []
                continue
            run.append(char.lower() if caseless else char)
            continue
        if run:
            best, run = _better(best, frozenset({"".join(run)})), []
        found = None
        if op is _ops.SUBPATTERN:
            _group, added, _removed, inner = value
            if caseless or not added & re.IGNORECASE:  # (?i:...) in a case-sensitive pattern: its text may be in any case
                found = _required(inner.data, caseless)
        elif op in _REPEATS:
            least, _most, inner = value
            found = _required(inner.data, caseless) if least >= 1 else None
        elif op is _ops.BRANCH:
            branches = [_required(branch.data, caseless) for branch in value[1]]
            found = None if any(b is None for b in branches) else frozenset().union(*branches)
        elif op is _ATOMIC:
            found = _required(value.data, caseless)
        elif op is _ops.ASSERT:  # a lookahead or lookbehind: its text is in the string, if not in the match
            found = _required(value[1].data, caseless)
        best = _better(best, found)
    if run:
        best = _better(best, frozenset({"".join(run)}))
    return best


def needles(pattern: "re.Pattern") -> Optional[FrozenSet[str]]:
    """The literals of which every match of ``pattern`` contains one (lowered when it ignores case), each not
    holding another (a text with "rounding" holds "round"), or None when it cannot say."""
    if not isinstance(pattern.pattern, str):
        return None
    caseless = bool(pattern.flags & re.IGNORECASE)
    found = _required(_sre_parse.parse(pattern.pattern, pattern.flags).data, caseless)
    if not found or min(map(len, found)) < _SHORTEST_NEEDLE:
        return None
    return frozenset(n for n in found if not any(other != n and other in n for other in found))


@lru_cache(maxsize=256)
def caseless_text(text: str) -> str:
    """``text`` as the gates of patterns that ignore case read it: lowered, with the other characters that re
    takes for an ASCII letter spelled as that letter (kept for the few texts every check reads again)."""
    return text.lower() if text.isascii() else text.translate(_CASELESS_ASCII).lower()


class GatedPattern:
    """A compiled pattern whose searches first ask whether the text holds one of its needles. It answers as
    ``re.Pattern`` does, with the methods the checks use; any other attribute is the compiled pattern's."""

    __slots__ = ("compiled", "pattern", "flags", "groups", "groupindex", "_needles", "_caseless")

    def __init__(self, compiled: "re.Pattern") -> None:
        self.compiled = compiled
        self.pattern, self.flags, self.groups, self.groupindex = compiled.pattern, compiled.flags, compiled.groups, compiled.groupindex
        self._needles = needles(compiled)
        self._caseless = bool(compiled.flags & re.IGNORECASE)

    def _cannot_match(self, text: object) -> bool:
        if self._needles is None or not isinstance(text, str):
            return False
        read = caseless_text(text) if self._caseless else text
        for needle in self._needles:  # a loop, not any(): this runs for every search of every check
            if needle in read:
                return False
        return True

    def search(self, text, *args, **kwargs):
        return None if self._cannot_match(text) else self.compiled.search(text, *args, **kwargs)

    def match(self, text, *args, **kwargs):
        return None if self._cannot_match(text) else self.compiled.match(text, *args, **kwargs)

    def fullmatch(self, text, *args, **kwargs):
        return None if self._cannot_match(text) else self.compiled.fullmatch(text, *args, **kwargs)

    def finditer(self, text, *args, **kwargs):
        return iter(()) if self._cannot_match(text) else self.compiled.finditer(text, *args, **kwargs)

    def findall(self, text, *args, **kwargs):
        return [] if self._cannot_match(text) else self.compiled.findall(text, *args, **kwargs)

    def split(self, text, *args, **kwargs):
        return [text] if self._cannot_match(text) else self.compiled.split(text, *args, **kwargs)

    def sub(self, repl, text, *args, **kwargs):
        return text if self._cannot_match(text) else self.compiled.sub(repl, text, *args, **kwargs)

    def subn(self, repl, text, *args, **kwargs):
        return (text, 0) if self._cannot_match(text) else self.compiled.subn(repl, text, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(self.compiled, name)

    def __reduce__(self):
        return compile, (self.pattern, self.flags)

    def __eq__(self, other: object) -> bool:
        return self.compiled == (other.compiled if isinstance(other, GatedPattern) else other)

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return f"GatedPattern({self.compiled!r})"


def compile(pattern: str, flags: int = 0) -> GatedPattern:  # noqa: A001 - re.compile's name, for the same call
    """``re.compile(pattern, flags)``, gated by the literals its matches need."""
    return GatedPattern(re.compile(pattern, flags))
