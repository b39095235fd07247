"""Degenerate repetition: a generation that loops on its own lines or phrases.

A small model that runs out of ideas repeats a line, an ``elif`` branch or a sentence until
``max_new_tokens`` cuts it. Three measures, each with its threshold in the recipe's
``curate.repetition``:

- a function that defines itself again inside itself (its name or its docstring), or opens with its
  docstring twice;
- the same phrase several times in a row on one line;
- the same line several times in a row (not a row of a literal table: a board repeats its rows);
- the same block of 2..``max_block_lines`` lines several times (anywhere in the code);
- the share of the code's lines that repeat an earlier line;
- the share of the text's characters covered by word n-grams that occurred before (the
  duplicate n-gram fraction of Gopher, Rae et al. 2021), on the instruction and the response.

A generation that ran past the end of its turn writes the chat template's own tokens
(``<|endoftext|><|im_start|>user``) and a made-up next turn: such tokens in the prose of the
instruction or the response (outside code, where a chat-template formatter may quote them) mark it.

Short lines (``}``, ``else:``) and lines of keywords and builtins only (``return None``,
``except ValueError:``) are ignored: good code repeats them.
A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
import builtins
import keyword
import re
from collections import Counter
from typing import Dict, List, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, parse_python
from hfsynth.fences import find_fences

WORD = literal_gates.compile(r"\S+")


STRUCTURAL_WORDS = frozenset(keyword.kwlist) | frozenset(dir(builtins))
IDENTIFIER = literal_gates.compile(r"[A-Za-z_]\w*")


def structural(line: str) -> bool:
    """A line of keywords and builtin names only (``except ValueError:``, ``return None``,
    ``raise StopIteration``): good code repeats them after every guard."""
    code = line.split("#", 1)[0]
    return all(word in STRUCTURAL_WORDS for word in IDENTIFIER.findall(code)) and not re.search(r"['\"\d]", code)


def significant_lines(code: str, min_chars: int) -> List[str]:
    """Non-blank lines, stripped, that have at least ``min_chars`` characters and name something of
    their own (not only keywords and builtins)."""
    return [s for s in (line.strip() for line in code.splitlines()) if len(s) >= min_chars and not structural(s)]


def data_row(line: str) -> bool:
    """A line that is only a literal, a row of a table (``[0, 0, 1, 0, 0],``): a board or a matrix
    repeats its rows, and a model's loop repeats code."""
    text = line.rstrip(",")
    while text[-1:] in ("]", ")") and text.count(text[-1]) > text.count("[" if text[-1] == "]" else "("):
        text = text[:-1].rstrip(",")  # the table's own closing bracket after its last row
    if not text or text[0] not in "[({'\"-0123456789":
        return False
    try:
        ast.literal_eval(text)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False
    return True


def longest_run(lines: List[str]) -> int:
    """The longest run of one line repeated back to back."""
    best = run = 0
    previous = None
    for line in lines:
        run = run + 1 if line == previous else 1
        previous = line
        best = max(best, run)
    return best


def most_repeated_block(lines: List[str], max_block_lines: int) -> tuple:
    """(count, block size) of the block of 2..max_block_lines lines that occurs most often
    (non-overlapping occurrences), the largest block first on ties."""
    best = (0, 0)
    for size in range(2, max_block_lines + 1):
        seen: Dict[tuple, int] = {}
        counts: Counter = Counter()
        for start in range(len(lines) - size + 1):
            block = tuple(lines[start:start + size])
            if len(set(block)) == 1:
                continue  # a run of one line is longest_run's business
            last = seen.get(block)
            if last is None or start >= last + size:
                seen[block] = start
                counts[block] += 1
        if counts:
            count = max(counts.values())
            if (count, size) > best:
                best = (count, size)
    return best


# A chunk of 6-80 characters holding a word of 3+ letters and 3+ distinct characters, then the same chunk again and again
# ("(value, right, right), (value, right, right), ..."). Runs of one character ("=====") and of
# numbers ("0, 0, 0, 0") do not count: tables and rulers repeat those on purpose.
_PHRASE = literal_gates.compile(r"(\S.{5,79}?)\1+")
_WORD3 = literal_gates.compile(r"[A-Za-z_]{3,}")
# A test's flags and statuses repeat on purpose ("[False, True, True, True, True, False]", four seats sold; '"HOLD", '
# four times over), a few times over.
FLAGS = frozenset({"True", "False", "None"})
QUOTED_ITEM = literal_gates.compile(r"""\s*(["'])[\w -]{1,20}\1,\s*""")
TYPE_NAMES = frozenset({"int", "float", "str", "bool", "bytes", "complex", "None", "Any", "Optional", "list", "List", "dict", "Dict", "tuple", "Tuple", "set", "Set", "Decimal", "object"})


def phrase_loop(code: str, max_repeats: int):
    """(chunk, times) of the first chunk repeated more than ``max_repeats`` times back to back on one line, else None."""
    for line in code.splitlines():
        for match in _PHRASE.finditer(line):
            chunk = match.group(1)
            times = len(match.group(0)) // len(chunk)
            start, end = match.start(), match.end()
            while start > 0 and (line[start - 1].isalnum() or line[start - 1] == "_"):
                start -= 1
            while end < len(line) and (line[end].isalnum() or line[end] == "_"):
                end += 1
            words = set(re.findall(r"[A-Za-z_]\w*", line[start:end]))
            if times > max_repeats and _WORD3.search(chunk) and len(set(chunk.replace(" ", ""))) >= 3 \
                    and not words <= TYPE_NAMES \
                    and not ((words <= FLAGS or QUOTED_ITEM.fullmatch(chunk)) and times <= 3 * max_repeats):  # tuple[float, ...]: a type; [True, True, True, True]: a row of seats
                return chunk, times
    return None


def duplicate_line_fraction(lines: List[str]) -> float:
    """Share of ``lines`` that repeat an earlier line."""
    if not lines:
        return 0.0
    return 1 - len(set(lines)) / len(lines)


def duplicate_ngram_fraction(text: str, n: int) -> float:
    """Share of the text's word characters inside word n-grams that occurred earlier in the text."""
    words = WORD.findall(text)
    if len(words) < 2 * n:
        return 0.0
    seen = set()
    covered = [False] * len(words)
    for start in range(len(words) - n + 1):
        gram = tuple(words[start:start + n])
        if gram in seen:
            for k in range(start, start + n):
                covered[k] = True
        else:
            seen.add(gram)
    total = sum(len(w) for w in words)
    return sum(len(w) for w, c in zip(words, covered) if c) / total if total else 0.0


def defines_itself_inside(code: str) -> Optional[str]:
    """The name of a function that defines a nested function of its own name, or with its own
    docstring word for word (a model that started the function over inside itself), else None."""
    tree = parse_python(code)
    if tree is None:
        return None
    functions = (ast.FunctionDef, ast.AsyncFunctionDef)
    for node in nodes_of(tree, functions):
        doc = ast.get_docstring(node, clean=True)
        for inner in nodes_of(node, functions):
            if inner is not node and (inner.name == node.name or (doc and len(doc) >= 20 and ast.get_docstring(inner, clean=True) == doc)):
                return node.name if inner.name == node.name else f"{node.name} (as {inner.name}, with its docstring)"
    return None


def docstring_twice(code: str) -> Optional[str]:
    """The name of a function or class whose body opens with two string literals in a row (the
    model wrote its docstring, then wrote it again), else None."""
    tree = parse_python(code)
    if tree is None:
        return None
    for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        if len(node.body) >= 2:
            first, second = node.body[0], node.body[1]
            if all(isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str) for n in (first, second)):
                return node.name
    return None


def code_reason(code: str, config) -> Optional[str]:
    itself = defines_itself_inside(code)
    if itself:
        return f"repeated definition: {itself.split(' ')[0]} defines {itself} again inside itself"
    twice = docstring_twice(code)
    if twice:
        return f"repeated docstring: {twice} opens with two docstrings"
    lines = significant_lines(code, config.min_line_chars)
    loop = phrase_loop(code, config.max_phrase_repeats)
    if loop:
        return f"repeated phrase: {loop[0]!r} {loop[1]} times in a row"
    run = longest_run([line for line in lines if not data_row(line)])
    if run > config.max_line_run:
        return f"repeated line: one line {run} times in a row"
    count, size = most_repeated_block(lines, config.max_block_lines)
    if count > config.max_block_repeats:
        return f"repeated block: {size} lines {count} times"
    if len(lines) >= config.min_lines_for_fraction:
        fraction = duplicate_line_fraction(lines)
        if fraction > config.max_duplicate_line_fraction:
            return f"duplicate lines: {fraction:.0%} of the code's lines repeat an earlier line"
    return None


def text_reason(field: str, text: str, config) -> Optional[str]:
    fraction = duplicate_ngram_fraction(text, config.ngram_size)
    if fraction > config.max_duplicate_ngram_fraction:
        return f"duplicate n-grams: {fraction:.0%} of the {field} repeats its own {config.ngram_size}-word sequences"
    return None


def repeated_block(response: str) -> Optional[int]:
    """The line count of a code block the response gives twice, unchanged (the "optimized version"
    that is the first one again), counting blocks of three lines or more; else None."""
    seen = set()
    for fence in find_fences(response):
        lines = [line.strip() for line in fence.code.splitlines() if line.strip()]
        if len(lines) < 3:
            continue
        key = "\n".join(lines)
        if key in seen:
            return len(lines)
        seen.add(key)
    return None


CHAT_TOKEN = literal_gates.compile(r"<\|(?:im_start|im_end|endoftext|end_of_text|eot_id|start_header_id|end_header_id|assistant|user|system|end)\|>|\[/?INST\]|<(?:start|end)_of_turn>")
CODE_SPANS = literal_gates.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)


# A new turn written out as a transcript: "User: Great, now ..." and later "Assistant: Sure! ...".
ROLE_LINE = literal_gates.compile(r"^[ \t]*(?:\*\*)?(?P<role>User|Human|Assistant|AI|GPT)(?:\*\*)?\s*:(?:\*\*)?\s+\S", re.MULTILINE)
ASKING_ROLES = frozenset({"User", "Human"})


def run_past_its_turn(text: str) -> Optional[str]:
    """What shows that ``text``'s prose (code blocks and inline code left out) goes on past its turn:
    its first chat-template token, or its first "User:" line when a reply's "Assistant:" line
    follows it; else None."""
    prose = CODE_SPANS.sub(" ", text)
    found = CHAT_TOKEN.search(prose)
    if found:
        return f"the chat template's token {found.group(0)}"
    roles = [(m.group("role"), (prose[m.start():].splitlines() or [""])[0].strip()) for m in ROLE_LINE.finditer(prose)]
    for i, (role, line) in enumerate(roles):
        if role in ASKING_ROLES and any(later not in ASKING_ROLES for later, _ in roles[i + 1:]):
            return f"a new turn {line[:30]!r}"
    return None


def check(row: Dict, config) -> Optional[str]:
    """None when neither the code nor the instruction or response loops, else the reason."""
    reason = code_reason(row.get("code") or "", config)
    if reason:
        return reason
    for field in ("instruction", "response"):
        token = run_past_its_turn(row.get(field) or "")
        if token:
            return f"run past its turn: the {field} holds {token} outside code"
    block = repeated_block(row.get("response") or "")
    if block:
        return f"repeated block: the response gives the same {block}-line code block twice"
    for field in ("instruction", "response"):
        reason = text_reason(field, row.get(field) or "", config)
        if reason:
            return reason
    return None
