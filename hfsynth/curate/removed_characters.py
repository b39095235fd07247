"""Characters the instruction lists for removal, one of which the code never touches.

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

from hfsynth.curate.requirement_words import negated

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
REMOVAL_ASK = re.compile(
    rf"\b(?:remove|removes|removing|removed|strip|strips|stripping|delete|deletes|deleting|drop|drops|dropping|ignore|ignores|ignoring)\s+"
    rf"(?:any\s+|all\s+|the\s+)?(?:\w+\s+)?(?P<list>(?:{_WORD})(?:{_SEPARATOR}(?:{_WORD}))+)\b",
    re.IGNORECASE,
)
# Code that keeps only what it wants, or drops classes of characters, covers any one character named.
CATCH_ALL = re.compile(r"\bis(?:digit|decimal|numeric|alnum|alpha|ascii)\b|\\[DWS]|\[\^|\bpunctuation\b|\btranslate\b|\bmaketrans\b|\bstring\.digits\b|\bimport\s[^\n]*\bdigits\b|\bascii_letters\b|\bfilter\(")
WHITESPACE_CATCH_ALL = re.compile(r"\.split\(\)|\\s|\bisspace\b|\bwhitespace\b")


def character_left_in(prose: str, tree: ast.Module) -> Optional[str]:
    """The character the instruction asks removed that no string of the code holds, else None."""
    text = ast.unparse(tree)
    if CATCH_ALL.search(text):
        return None
    strings = "".join(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    for match in REMOVAL_ASK.finditer(prose):
        if negated(prose, match.start()):
            continue
        for word in re.findall(_WORD, match.group("list"), re.IGNORECASE):
            character = CHARACTER_WORDS[word.lower()]
            if character == " " and WHITESPACE_CATCH_ALL.search(text):
                continue
            if character not in strings:
                return f"the instruction asks to remove {match.group('list')!r} and no string of the code holds {character!r} ({word})"
    return None
