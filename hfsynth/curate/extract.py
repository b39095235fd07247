"""Code out of a model's markdown answer: pick the right fence, name its language, bound its length.

Models wrap code in fences and often add others around it (a ``bash`` install line, a ``text``
output sample, a usage example). The solution is the longest fence in a kept language, preferring
the language the row asked for, then (Python) a fence that defines a function or class, then a
tagged fence; an untagged fence is taken to be in the row's language. Rows whose ``code`` the
generator already set keep it (with its tests split off) and only get their language from the
fence tag.
"""

from __future__ import annotations

import ast
import textwrap
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from hfsynth.curate.python_ast import parse_python
from hfsynth.fences import find_fences as find_markdown_fences
from hfsynth.languages import canonical_language


@dataclass(frozen=True)
class Fence:
    """One fenced block: its canonical language (None when untagged) and its body."""

    language: Optional[str]
    code: str
    closed: bool


def find_fences(text: str) -> List[Fence]:
    """Every fenced block of a markdown text (:func:`hfsynth.fences.find_fences`), in order, its
    language canonical. An unclosed last fence runs to the end (a generation cut at
    max_new_tokens); validity decides whether what it holds is code.

    The language is the info string's tag ("python:main.py" and "python title=x" are Python). A
    fence nested in a list item keeps the item's indentation on every line; it is removed, as
    CommonMark removes it (a Python block indented as a whole could not parse). An interpreter
    session is its statements (:func:`session_statements`)."""
    return [Fence(canonical_language(f.tag or f.info), session_statements(textwrap.dedent(f.code)), f.closed) for f in find_markdown_fences(text)]


def session_statements(code: str) -> str:
    """An interpreter session (first line a ``>>>`` prompt) as the statements typed into it: the
    prompts (``>>>``, ``...``) stripped, the printed results left out. Other code is returned as is."""
    lines = code.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if not first.startswith(">>>"):
        return code
    typed = [line[4:] if line[3:4] == " " else line[3:] for line in lines if line.startswith((">>>", "..."))]
    return "\n".join(typed)


def defines_something(code: str) -> bool:
    """Python that parses and defines a function or class at its top level."""
    tree = parse_python(code)
    return tree is not None and any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in tree.body)


def pick_fence(fences: Sequence[Fence], languages: Sequence[str], row_language: str) -> Optional[Tuple[str, str]]:
    """(code, language) of the solution fence, or None when no fence is in a kept language."""
    candidates = []
    for position, fence in enumerate(fences):
        language = fence.language or row_language
        if language not in languages or not fence.code.strip():
            continue
        # Sort key: the row's own language first; then, in Python, a fence that defines a function or
        # class (not the longer usage example that calls it); then a tagged fence (not the untagged
        # output sample after it); then the longest body, then the earliest.
        defines = language == "python" and defines_something(fence.code)
        key = (language != row_language, not defines, fence.language is None, -len(fence.code.strip()), position)
        candidates.append((key, fence.code, language))
    if not candidates:
        return None
    _, code, language = min(candidates)
    return code, language


def extract_code(
    response: Optional[str],
    *,
    languages: Sequence[str],
    row_language: Optional[str] = None,
    existing_code: Optional[str] = None,
    allow_unfenced: bool = True,
) -> Optional[Tuple[str, str]]:
    """(code, language) for one row, or None when it holds no code in a kept language.

    The row's own ``code`` wins when the generator already set it (it has split the tests off into
    ``tests``; re-extracting would put them back); its language is the tag of the response's
    solution fence, else the row's. Otherwise the solution fence of the response, else the whole
    response when it has no fence at all and ``allow_unfenced``.
    """
    row_language = canonical_language(row_language) or languages[0]
    response = response or ""
    fences = find_fences(response)
    picked = pick_fence(fences, languages, row_language) if fences else None
    if existing_code and existing_code.strip():
        language = picked[1] if picked else row_language
        return (existing_code, language) if language in languages else None
    if picked or fences:
        return picked
    if allow_unfenced and response.strip() and row_language in languages:
        return response, row_language
    return None


def within_bounds(code: str, *, min_chars: int, max_chars: int, min_lines: int, max_lines: int) -> bool:
    """Length bounds on the stripped code (characters) and its non-blank lines."""
    stripped = code.strip()
    lines = sum(1 for line in stripped.splitlines() if line.strip())
    return min_chars <= len(stripped) <= max_chars and min_lines <= lines <= max_lines


def extract_rows(rows: List[Dict], config, languages: Sequence[str]) -> Tuple[List[Dict], List[Dict]]:
    """Set each row's ``code`` and ``language`` from its response and drop rows without code
    (first list), then rows outside the length bounds (second list)."""
    extracted: List[Dict] = []
    for row in rows:
        found = extract_code(
            row.get("response"),
            languages=languages,
            row_language=row.get("language"),
            existing_code=row.get("code"),
            allow_unfenced=config.allow_unfenced,
        )
        if found is not None:
            extracted.append({**row, "code": found[0], "language": found[1]})
    bounded = [
        row
        for row in extracted
        if within_bounds(row["code"], min_chars=config.min_chars, max_chars=config.max_chars, min_lines=config.min_lines, max_lines=config.max_lines)
    ]
    return extracted, bounded


def passthrough_code(rows: List[Dict], languages: Sequence[str]) -> List[Dict]:
    """Extraction switched off: the row's own code, else its whole response, nothing dropped."""
    return [
        {**row, "code": row.get("code") or row.get("response") or "", "language": canonical_language(row.get("language")) or languages[0]}
        for row in rows
    ]
