"""Static analysis with pyflakes: code that parses but cannot be what the row claims.

Small models define the same function three times, or call helpers they never wrote
(``encode_binary_data``); large ones leave a name from the conversation in the code. pyflakes
knows Python's scoping (``global``, ``nonlocal``, builtins, star imports, ``typing.overload``,
property setters, definitions in different branches of an ``if``), so none of that is
hand-written here. Which pyflakes messages remove a row is the recipe's
``curate.static_analysis.reject`` (pyflakes message class names).

A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
import warnings
from typing import Dict, List, Optional, Sequence

MESSAGE_NAMES = ("UndefinedName", "UndefinedLocal", "RedefinedWhileUnused", "UndefinedExport")  # the schema's default


def pyflakes_messages(code: str) -> List:
    """pyflakes' messages for ``code`` (empty when it does not parse: validity's job)."""
    from pyflakes import checker

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            tree = ast.parse(code)
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            return []
    return sorted(checker.Checker(tree, filename="<row>").messages, key=lambda m: (m.lineno, m.col))


def findings(code: str, reject: Sequence[str]) -> List[str]:
    """'Kind: message (line N)' for every pyflakes message whose class is in ``reject``."""
    out = []
    for message in pyflakes_messages(code):
        kind = type(message).__name__
        if kind in reject:
            out.append(f"{kind}: {message.message % message.message_args} (line {message.lineno})")
    return out


def check(row: Dict, config) -> Optional[str]:
    """None when the row's Python code has none of the rejected pyflakes messages, else the first
    (with a count of the others). Rows in other languages pass."""
    if row.get("language") != "python":
        return None
    found = findings(row.get("code") or "", config.reject)
    if not found:
        return None
    return found[0] + (f" (+{len(found) - 1} more)" if len(found) > 1 else "")
