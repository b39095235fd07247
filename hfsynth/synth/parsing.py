"""Reading model output: code fences, the code/tests split, OSS-Instruct's two sections, instructions.

Everything here is a pure function of the text, so it is tested without a model. A text that does
not fit raises :class:`ParseError`; the caller keeps the row with ``status="parse_error"``.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from hfsynth.fences import find_fences

PYTHON_LANGS = ("", "python", "py", "python3")

# OSS-Instruct section headers: "[Problem Description]" / "[Solution]" at a line start (content may
# follow on the same line), or a bare header line such as "## Solution" or "**Problem:**".
_BRACKETED = re.compile(r"^[ \t#>*_]*\[(problem description|problem|solution)\][ \t*_:]*", re.I | re.M)
_BARE = re.compile(r"^[ \t#>*_]*(problem description|problem|solution)[ \t*_:]*$", re.I | re.M)

_INSTRUCTION_PREFIX = re.compile(
    r"^\s*(?:\d+\s*[.):]\s*|[-*]\s+|#*\s*(?:new|rewritten|evolved|given)?\s*(?:programming\s+)?"
    r"(?:instruction|task|question|prompt|problem)\s*#*\s*:\s*)",
    re.I,
)
_NEXT_ITEM = re.compile(r"\n\s*(?:\d+\s*[.)]\s+|#*\s*(?:instruction|task|question)\s*\d*\s*:)", re.I)


class ParseError(ValueError):
    """The model output does not have the expected shape."""


@dataclass
class CodeBlock:
    language: str
    code: str


def code_blocks(text: str) -> List[CodeBlock]:
    """Every non-empty fenced block, in order (language tag lower-cased, "" when unlabelled); a fence
    left open at the end (output cut at max_new_tokens) still counts."""
    return [CodeBlock(f.tag, f.code.rstrip()) for f in find_fences(text) if f.code.strip()]


def _defines_something(code: str) -> bool:
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return False
    return any(isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for node in tree.body)


_OPENING_FENCE = re.compile(r"```[\w+-]*[ \t]*\n")


def drop_repeated_fence(text: str) -> str:
    """An answer prefilled with an opening fence whose model opened it again (```python twice, as its
    training answers began): one opening kept, else the first block would be empty."""
    first = _OPENING_FENCE.match(text)
    if first and _OPENING_FENCE.match(text, first.end()):
        return text[: first.end()] + text[_OPENING_FENCE.match(text, first.end()).end():]
    return text


def extract_code(text: str, language: str = "python") -> Optional[str]:
    """The code of a response: its fenced blocks in that language joined, else the text itself when it is a
    program that defines a function or class, else None."""
    wanted = PYTHON_LANGS if language == "python" else ("", language)
    blocks = [b.code for b in code_blocks(text) if b.language in wanted]
    if blocks:
        return "\n\n".join(blocks)
    if language == "python" and _defines_something(text):
        return text.strip()
    return None


def _is_test_node(node: ast.stmt) -> bool:
    if isinstance(node, ast.Assert):
        return True
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
        return True
    if isinstance(node, ast.If) and "__main__" in ast.unparse(node.test):
        return True
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and ast.unparse(node.value.func).startswith("test"):
        return True
    return False


def split_tests(code: str) -> Tuple[str, Optional[str]]:
    """Separate unit tests (top-level asserts, ``test*`` functions and their calls, ``__main__`` blocks)
    from the solution. Code that does not parse is split line by line on top-level ``assert``."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        lines = code.splitlines()
        tests = [ln for ln in lines if ln.startswith("assert ")]
        rest = [ln for ln in lines if not ln.startswith("assert ")]
        return "\n".join(rest).strip(), ("\n".join(tests) if tests else None)
    lines = code.splitlines()
    solution, tests = [], []
    previous_end = 0  # blank lines and comments before a statement travel with it
    for node in tree.body:
        segment = "\n".join(lines[previous_end:node.end_lineno])
        previous_end = node.end_lineno
        (tests if _is_test_node(node) else solution).append(segment)
    solution.extend(lines[previous_end:])
    return "\n".join(solution).strip(), ("\n".join(tests).strip() or None)


def extract_code_and_tests(text: str, with_tests: bool) -> Tuple[Optional[str], Optional[str]]:
    """``(code, tests)`` of a response; tests only when they were asked for."""
    code = extract_code(text)
    if code is None or not with_tests:
        return code, None
    solution, tests = split_tests(code)
    return (solution or None), tests


def problem_and_solution(text: str) -> Tuple[str, str]:
    """OSS-Instruct's two sections: ``(problem, solution)``; ParseError when either is missing or empty."""
    headers = sorted(
        [(m.start(), m.end(), m.group(1).lower()) for m in _BRACKETED.finditer(text)]
        + [(m.start(), m.end(), m.group(1).lower()) for m in _BARE.finditer(text)]
    )
    problem = next((h for h in headers if h[2].startswith("problem")), None)
    if problem is None:
        raise ParseError("no [Problem Description] section")
    solution = next((h for h in headers if h[2] == "solution" and h[0] >= problem[1]), None)
    if solution is None:
        raise ParseError("no [Solution] section after the problem")
    problem_text = text[problem[1]:solution[0]].strip()
    solution_text = text[solution[1]:].strip()
    if not problem_text:
        raise ParseError("the [Problem Description] section is empty")
    if not solution_text:
        raise ParseError("the [Solution] section is empty")
    return problem_text, solution_text


_PYTHON_FENCE = re.compile(r"^[ \t]*```+[ \t]*(?:python|py)\b", re.I | re.M)


def problem_statement(text: str, min_words: int = 5) -> str:
    """OSS-Instruct's first call: the problem alone. A leading ``[Problem Description]`` header is
    dropped; a ``[Solution]`` section or a ```python block (the model solving it anyway) is cut off.
    ParseError when fewer than ``min_words`` words are left."""
    body = text.strip()
    headers = sorted(
        [(m.start(), m.end(), m.group(1).lower()) for m in _BRACKETED.finditer(body)]
        + [(m.start(), m.end(), m.group(1).lower()) for m in _BARE.finditer(body)]
    )
    first_problem = next((h for h in headers if h[2].startswith("problem")), None)
    if first_problem is not None and not body[: first_problem[0]].strip():
        body = body[first_problem[1]:]
    solution = next((m.start() for pattern in (_BRACKETED, _BARE) for m in pattern.finditer(body) if m.group(1).lower() == "solution"), None)
    if solution is not None:
        body = body[:solution]
    fence = _PYTHON_FENCE.search(body)
    if fence:
        body = body[: fence.start()]
    body = body.strip()
    if len(body.split()) < min_words:
        raise ParseError(f"no problem statement in the answer ({text.strip()[:60]!r})")
    return body


def clean_instruction(text: str, first_paragraph: bool = False, max_chars: int = 2000) -> str:
    """The one instruction in a model's answer: numbering and labels stripped, cut before the next
    numbered item (and after the first paragraph when ``first_paragraph``).

    ParseError when nothing usable is left (empty, or too short to be a task).
    """
    body = text.strip()
    if first_paragraph:
        body = re.split(r"\n\s*\n", body, maxsplit=1)[0]
    match = _NEXT_ITEM.search("\n" + body, 1)
    if match:
        body = body[: match.start() - 1]
    previous = None
    while previous != body:
        previous = body
        body = _INSTRUCTION_PREFIX.sub("", body, count=1).strip()
    body = body.strip().strip('"').strip()
    if len(body.split()) < 3:
        raise ParseError(f"no instruction in the output ({text.strip()[:60]!r})")
    return body[:max_chars].rstrip()
