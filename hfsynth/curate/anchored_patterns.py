"""A whole-string question answered by a regex match that stops short of the end of the string.

Two readings. "The entire string must be a ZIP code" (or "rejects anything else") checked with
``re.search``/``re.match`` and a pattern with no ``$`` or ``\\Z``: "12345-678x" passes
(:func:`whole_string_unanchored`). And a yes/no answer from ``re.match`` (:func:`unanchored_validation`):
"Badge numbers must be exactly 'BDG' followed by six digits" checked as
``re.match(r"BDG\\d{6}", code) is not None``: ``match`` anchors only at the start, so "BDG0045219999" and
"BDG004521-x" pass too (``re.fullmatch`` or a closing ``$`` is meant). A trailing ``\\b`` does not help:
"BK-1234-X" still passes ``BK-\\d{4}\\b``. Read when the match's truth is the function's answer (returned
as ``is not None``, ``bool(...)``, in a function that answers a bool, or an ``if`` that returns True or
False), and the instruction does not ask how the text starts.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, unparsed, values_bound_once, walk

# ("include tests" asks for tests, not a text that holds a pattern somewhere)
STARTS_ONLY = literal_gates.compile(r"\b(?:start(?:s|ing)?|begin(?:s|ning)?|prefix\w*|leading|contains?|containing|anywhere)\b|"
                         r"\bincludes?\b(?!\s+(?:(?:a\s+few|some|a|an|the|your|unit|its)\s+)?(?:tests?|asserts?|assertions?|examples?|doctests?|docstrings?|type hints?)\b)",
                         re.IGNORECASE)
WHOLE_STRING = literal_gates.compile(r"\b(?:entire|whole|full|complete)\s+(?:input\s+)?string\b|\bnothing (?:else|more)\b|\bno (?:extra|other|trailing|leading) characters\b|"
                          r"\breject\w*\s+(?:anything|everything)\s+else\b|\b(?:True|valid)\s+only\s+(?:for|if|when)\b|\bonly\s+accepts?\b|\b(?:string|text|input|value)\s+is\s+a\s+valid\b", re.IGNORECASE)


def _reads_to_the_end(pattern: str) -> bool:
    """A ``$`` or ``\\Z`` anywhere (``^a$|^b$``), or a pattern that ends by taking the rest (``...(.*)``)."""
    return bool(re.search(r"\$|\\Z", pattern) or re.search(r"\.[*+]\??\)*$", pattern))


def _patterns(tree: ast.Module) -> Dict[str, tuple]:
    """Names bound once, to a string literal (``("text", pattern)``) or to ``re.compile(literal)`` (``("compiled", pattern)``)."""
    found = {}
    for name, value in values_bound_once(tree).items():
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "compile"
                and isinstance(value.func.value, ast.Name) and value.func.value.id == "re" and len(value.args) == 1
                and isinstance(value.args[0], ast.Constant) and isinstance(value.args[0].value, str)):
            found[name] = ("compiled", value.args[0].value)
        elif isinstance(value, ast.Constant) and isinstance(value.value, str):
            found[name] = ("text", value.value)
    return found


def _matched_pattern(node: ast.AST, patterns: Dict[str, tuple], methods=("match",)) -> Optional[str]:
    """The pattern of ``re.match(P, s)`` or ``COMPILED.match(s)`` (or another of ``methods``), when the code spells it."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in methods and isinstance(node.func.value, ast.Name)):
        return None
    owner = node.func.value.id
    if owner == "re" and len(node.args) >= 2:  # flags (re.I) change nothing at the end of the string
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            return first.value
        kind, text = patterns.get(getattr(first, "id", ""), (None, None))
        return text if kind == "text" else None
    kind, text = patterns.get(owner, (None, None))
    return text if kind == "compiled" and len(node.args) == 1 else None


def _truth_of(node: ast.expr) -> Optional[ast.expr]:
    """The call whose truth ``node`` is: ``m is not None``, ``m is None``, ``bool(m)``, ``not m``, ``m`` itself."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return _truth_of(node.operand)
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Is, ast.IsNot, ast.Eq, ast.NotEq)) \
            and isinstance(node.comparators[0], ast.Constant) and node.comparators[0].value is None:
        return node.left
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "bool" and len(node.args) == 1:
        return node.args[0]
    return node


def _answers_a_bool(function: ast.AST) -> bool:
    returns = getattr(function, "returns", None)
    return (returns is not None and unparsed(returns) == "bool") or bool(re.match(r"(?:is|has|valid|check)", function.name))


def _returns_a_bool(body: list) -> bool:
    return bool(body) and isinstance(body[0], ast.Return) and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, bool)


# "Valid entries are `A`-`D` ...": a filter of entries by a pattern tells valid from invalid, a whole-string question.
VALIDITY = literal_gates.compile(r"\b(?:valid|invalid|validat\w*)\b", re.IGNORECASE)


def unanchored_validation(tree: ast.Module, instruction: str) -> Optional[str]:
    """How the code answers a whole-string question with a match of the string's start, else None."""
    if STARTS_ONLY.search(instruction):
        return None
    patterns = _patterns(tree)
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for node in walk(function):
            if isinstance(node, ast.Return) and node.value is not None:
                call = _truth_of(node.value)
                direct = call is not node.value or _answers_a_bool(function)
            elif isinstance(node, ast.If) and (_returns_a_bool(node.body) or _returns_a_bool(node.orelse)):
                call, direct = _truth_of(node.test), True
            elif isinstance(node, ast.comprehension) and len(node.ifs) == 1 and VALIDITY.search(instruction):
                call, direct = _truth_of(node.ifs[0]), True  # [e for e in entries if not VALID.match(e)]: the entries kept as (in)valid
            else:
                continue
            pattern = _matched_pattern(call, patterns) if direct else None
            if pattern and not _reads_to_the_end(pattern):
                return (f"re.match({pattern[:30]!r}) (line {call.lineno}) checks only how the text starts: text with more after "
                        f"the match passes too (re.fullmatch or a closing $ is meant)")
    return None


def whole_string_unanchored(prose: str, tree: ast.Module) -> Optional[str]:
    """"the entire string must be a ZIP code" checked with ``re.search``/``re.match`` and a pattern with no
    ``$`` or ``\\Z``: "12345-678x" passes."""
    if not WHOLE_STRING.search(prose) or "fullmatch" in unparsed(tree):
        return None
    patterns = _patterns(tree)
    for node in walk(tree):
        pattern = _matched_pattern(node, patterns, ("search", "match"))
        if pattern is not None and not re.search(r"\$|\\Z", pattern):
            return f"the instruction wants the whole string to match and the code's re.{node.func.attr}() pattern {pattern!r} has no end anchor"
    return None


# "with nothing before or after it (no whitespace or newlines either)", "reject a trailing newline"
NO_NEWLINE = literal_gates.compile(r"\b(?:no|nor|not|without|never|reject\w*|rule\w* out)\b[^.;]{0,40}\bnewlines?\b|\btrailing\s+newlines?\b", re.IGNORECASE)


def newline_passes_the_end(prose: str, tree: ast.Module) -> Optional[str]:
    """"No whitespace or newlines" checked with ``re.match``/``re.search`` and a pattern that ends in ``$``:
    without MULTILINE ``$`` also matches before a final newline, so "CT-004512\\n" passes (``\\Z`` or
    ``re.fullmatch`` is meant). Not read when the code looks for the newline itself (``"\\n" in s``, a
    ``strip``, ``isspace``)."""
    if not NO_NEWLINE.search(prose):
        return None
    text = unparsed(tree)
    if re.search(r"\\n|\\s\*?\$|strip|isspace|splitlines", text):
        return None
    patterns = _patterns(tree)
    for node in walk(tree):
        pattern = _matched_pattern(node, patterns, ("search", "match"))
        if pattern is not None and pattern.endswith("$") and not pattern.endswith("\\$"):
            return f"re.{node.func.attr}({pattern!r}) (line {node.lineno}): $ also matches before a final newline, which the instruction rules out (\\Z or re.fullmatch is meant)"
    return None


# A text the instruction shows in backticks or quotes: a line of the input ("lines such as `2024-05-02 07:13:22 BUS-104 door fault`").
SHOWN_TEXT = literal_gates.compile(r"`([^`\n]{8,200})`|\"([^\"\n]{8,200})\"")


def _literal_start(pattern: str) -> str:
    """The plain characters a pattern opens with (``BUS-`` of ``BUS-(\\d+)``): up to its first metacharacter."""
    match = re.match(r"(?:[A-Za-z0-9 _:#/@=-]|\\[-#/:])+", pattern)
    return re.sub(r"\\(.)", r"\1", match.group(0)) if match else ""


def match_after_the_start(prose: str, tree: ast.Module) -> Optional[str]:
    """``VEHICLE.match(line)`` with ``BUS-(\\d+)`` where the instruction shows lines such as `2024-05-02 07:13:22 BUS-104 door
    fault`: ``match`` tries the start only, and the lines shown hold the pattern's opening text further in, never first."""
    shown = [a or b for a, b in SHOWN_TEXT.findall(prose)]
    if not shown:
        return None
    patterns = _patterns(tree)
    for node in walk(tree):
        pattern = _matched_pattern(node, patterns)
        start = _literal_start(pattern) if pattern is not None and not pattern.startswith(("^", ".", "\\s", "(")) else ""
        if not start:
            continue
        if len(start) < 3:  # "#(\d+)": a short opening is read with the whole pattern, found in a shown text but never at its start
            try:
                compiled = re.compile(pattern)
            except (re.error, RecursionError, OverflowError):
                continue
            holding = [text for text in shown if compiled.search(text)]
            if holding and not any(compiled.match(text) for text in shown):
                return (f"re.match of {pattern!r} (line {node.lineno}) tries the start of the text only, and the instruction's "
                        f"{holding[0][:50]!r} holds it further in")
            continue
        holding = [text for text in shown if start in text]
        if holding and not any(text.startswith(start) for text in holding):
            return (f"re.match of {pattern!r} (line {node.lineno}) tries the start of the text only, and the instruction's "
                    f"{holding[0][:50]!r} holds {start!r} further in")
    return None
