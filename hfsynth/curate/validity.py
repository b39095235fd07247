"""Does the code parse? Python through its own parser (and compiler), other languages through a
tree-sitter grammar. Nothing is executed here: parsing untrusted code is safe, running it is the
sandbox's job."""

from __future__ import annotations

import ast
import importlib
import warnings
from functools import lru_cache
from typing import Dict, List, Optional, Sequence, Tuple

from hfsynth.errors import HfsynthError


def python_error(code: str, compile_check: bool = True) -> Optional[str]:
    """None when the code is valid Python, else a one-line reason.

    ``compile_check`` also runs the compiler, which refuses what the parser accepts ('return'
    outside a function, 'nonlocal' at module level)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # invalid escape sequences etc. are warnings, not errors
        try:
            tree = ast.parse(code)
            if compile_check:
                compile(tree, "<row>", "exec", dont_inherit=True)
        except SyntaxError as exc:
            return f"SyntaxError: {exc.msg} (line {exc.lineno})"
        except (ValueError, RecursionError, MemoryError, OverflowError) as exc:  # null bytes, absurd nesting
            return f"{type(exc).__name__}: {exc}"[:200]
    return None


@lru_cache(maxsize=None)
def tree_sitter_parser(language: str):
    """A tree-sitter parser for ``language`` from its grammar package (``tree_sitter_<language>``)
    or from ``tree_sitter_language_pack``; HfsynthError when neither is installed."""
    hint = (
        f"curate.languages: '{language}' is checked with tree-sitter: pip install tree-sitter tree-sitter-{language.replace('_', '-')} "
        f"(or tree-sitter-language-pack), or set curate.validity.enabled: false"
    )
    try:
        import tree_sitter
    except ImportError:
        raise HfsynthError(hint) from None
    try:
        module = importlib.import_module(f"tree_sitter_{language}")
    except ImportError:
        module = None
    factory = getattr(module, "language", None)
    if factory is not None:
        return tree_sitter.Parser(tree_sitter.Language(factory()))
    try:
        from tree_sitter_language_pack import get_parser
    except ImportError:
        raise HfsynthError(hint) from None
    try:
        return get_parser(language)
    except Exception:
        raise HfsynthError(f"curate.languages: tree-sitter-language-pack has no grammar named '{language}'") from None


def tree_sitter_error(code: str, language: str) -> Optional[str]:
    """None when the grammar parses the code without an ERROR or MISSING node."""
    tree = tree_sitter_parser(language).parse(code.encode("utf-8", "surrogatepass"))
    root = tree.root_node
    if not root.has_error:
        return None
    # Find the first offending node for a readable reason.
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            kind = "missing" if node.is_missing else "unexpected"
            return f"tree-sitter: {kind} {node.type!r} at line {node.start_point[0] + 1}"
        stack.extend(reversed([child for child in node.children if child.has_error or child.is_missing]))
    return "tree-sitter: syntax error"


def syntax_error(code: str, language: str, compile_check: bool = True) -> Optional[str]:
    """None when ``code`` parses as ``language``, else a one-line reason."""
    if language == "python":
        return python_error(code, compile_check)
    return tree_sitter_error(code, language)


def require_parsers(languages: Sequence[str]) -> None:
    """Preflight: every non-Python language needs an installed grammar (raises HfsynthError)."""
    for language in languages:
        if language != "python":
            tree_sitter_parser(language)


def filter_valid(rows: List[Dict], config) -> Tuple[List[Dict], Dict[str, int]]:
    """Rows whose code parses, and how many were dropped per language."""
    kept: List[Dict] = []
    dropped: Dict[str, int] = {}
    for row in rows:
        if syntax_error(row["code"], row["language"], config.python_compile) is None:
            kept.append(row)
        else:
            dropped[row["language"]] = dropped.get(row["language"], 0) + 1
    return kept, dropped
