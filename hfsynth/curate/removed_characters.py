"""Characters the instruction lists for removal, one of which the code never touches; whitespace it ignores, and code that keeps it.

"First remove any spaces and dashes from the card number" answered with ``card.replace(" ", "")``: the
dashes stay in, and a card written ``4111-1111-1111-1234`` is masked wrongly. The model handled the
character it thought of first; tests with spaces alone pass.

Read only for a list of at least two characters named in words (spaces, dashes, commas, ...) after a
verb of removal, and only where the code holds no catch-all that would drop the missing one: a test
of what to keep (``isdigit``, ``isalnum``), a negated class or ``\\D``/``\\W`` in a pattern,
``string.punctuation``, ``translate``, or a ``split()`` for whitespace.
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.requirement_words import negated
from hfsynth.curate.python_ast import nodes_of, unparsed

CHARACTER_WORDS = {
    "spaces": " ", "space": " ", "blanks": " ",
    "dashes": "-", "dash": "-", "hyphens": "-", "hyphen": "-",
    "commas": ",", "comma": ",",
    "underscores": "_", "underscore": "_",
    "dots": ".", "dot": ".", "periods": ".", "period": ".", "full stops": ".",
    "slashes": "/", "slash": "/", "forward slashes": "/",
    "colons": ":", "colon": ":", "semicolons": ";", "semicolon": ";",
    "parentheses": "(", "brackets": "(", "apostrophes": "'", "apostrophe": "'",
    "dollar signs": "$", "dollar sign": "$", "plus signs": "+", "plus sign": "+", "hash signs": "#", "asterisks": "*",
}
_WORD = "|".join(sorted((re.escape(w) for w in CHARACTER_WORDS), key=len, reverse=True))
_SEPARATOR = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:any\s+|all\s+)?"
REMOVAL_ASK = literal_gates.compile(
    rf"\b(?:remove|removes|removing|removed|strip|strips|stripping|delete|deletes|deleting|drop|drops|dropping|ignore|ignores|ignoring)\s+"
    rf"(?:any\s+|all\s+|the\s+)?(?:\w+\s+)?(?P<list>(?:{_WORD})(?:{_SEPARATOR}(?:{_WORD}))+)\b",
    re.IGNORECASE,
)
# "with spaces, apostrophes and hyphens removed from the surname": the list before its verb
REMOVED_LIST = literal_gates.compile(rf"(?P<list>(?:{_WORD})(?:{_SEPARATOR}(?:{_WORD}))+)\s+(?:are\s+|being\s+)?(?:removed|stripped|deleted|dropped|ignored)\b", re.IGNORECASE)
# "ignoring leading/trailing whitespace", "whitespace-only answers count as blank", "surrounding whitespace is ignored"
WHITESPACE_ASK = literal_gates.compile(
    r"\bignor\w*\s+(?:any\s+)?(?:leading(?:/trailing|\s+(?:and|or)\s+trailing)?|trailing|surrounding|extra)\s+(?:white\s*space|spaces)\b|"
    r"\b(?:leading|trailing|surrounding)(?:/trailing|\s+(?:and|or)\s+trailing)?\s+(?:white\s*space|spaces)\s+(?:is|are|must\s+be|should\s+be)\s+(?:ignored|removed|stripped|trimmed)\b|"
    r"\b(?:consisting|made\s+up)\s+(?:only|entirely|solely)\s+of\s+white\s*space\b|\bwhite\s*space-only\b|\bonly\s+white\s*space\b",
    re.IGNORECASE,
)
HANDLES_WHITESPACE = literal_gates.compile(r"\bstrip\b|\blstrip\b|\brstrip\b|\.split\(\)|\\s|\bisspace\b|\bwhitespace\b|\bint\(|\bfloat\(|\bDecimal\(|\bnormalize|\bisalnum\b|\bisalpha\b|\bisdigit\b|\btranslate\b")

# Code that keeps only what it wants, or drops classes of characters, covers any one character named.
CATCH_ALL = literal_gates.compile(r"\bis(?:digit|decimal|numeric|alnum|alpha|ascii)\b|\\[DWS]|\[\^|\bpunctuation\b|\btranslate\b|\bmaketrans\b|\bstring\.digits\b|\bimport\s[^\n]*\bdigits\b|\bascii_letters\b|\bfilter\(")
WHITESPACE_CATCH_ALL = literal_gates.compile(r"\.split\(\)|\\s|\bisspace\b|\bwhitespace\b")


def character_left_in(prose: str, tree: ast.Module) -> Optional[str]:
    """The character the instruction asks removed that no string of the code holds, else None."""
    text = unparsed(tree)
    if CATCH_ALL.search(text):
        return None
    strings = "".join(n.value for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str))
    for match in [*REMOVAL_ASK.finditer(prose), *REMOVED_LIST.finditer(prose)]:
        if negated(prose, match.start()):
            continue
        for word in re.findall(_WORD, match.group("list"), re.IGNORECASE):
            character = CHARACTER_WORDS[word.lower()]
            if character == " " and WHITESPACE_CATCH_ALL.search(text):
                continue
            if character not in strings:
                return f"the instruction asks to remove {match.group('list')!r} and no string of the code holds {character!r} ({word})"
    return None


def whitespace_left_in(prose: str, tree: ast.Module) -> Optional[str]:
    """The instruction ignores surrounding whitespace (or counts a whitespace-only answer as blank) and nothing in
    the code strips, splits or tests for whitespace: ``" Jane Doe"`` is another name, ``"   "`` an answer."""
    asked = WHITESPACE_ASK.search(prose)
    if not asked or negated(prose, asked.start()) or HANDLES_WHITESPACE.search(unparsed(tree)):
        return None
    return f"the instruction says {asked.group(0)!r} and nothing in the code strips or tests for whitespace"
