"""Standard calls used the way they read, not the way they work.

Two mistakes every model makes and no linter reports, because the code runs and looks right:

- ``name.rstrip(".txt")`` to drop a suffix: ``strip`` and its kin take a set of characters, so
  ``"report.txt".rstrip(".txt")`` is ``"repor"``. Read only when the argument is unmistakably a
  suffix or prefix (a file extension, a URL scheme ``"https://"``, ``"www."``), not a set of
  characters (``" \\n"``, ``"[]"``, ``"0"``).
- ``re.fullmatch(text, PATTERN)``: the string where the pattern belongs and the pattern where the
  string belongs, read when the first argument is a parameter of the function and the second a
  string literal (or a name bound once to one) that reads as a regular expression.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Optional

STRIPS = frozenset({"strip", "lstrip", "rstrip"})
AFFIX = re.compile(r"^\.[A-Za-z][A-Za-z0-9]{0,5}$|://|^www\.$|^https?:?$")
RE_CALLS = frozenset({"match", "fullmatch", "search", "findall", "finditer", "split"})
REGEX = re.compile(r"\\[dwsDWSbB]|[\^$][\\(\[]|\[[^\]]+\]|\{\d+(?:,\d*)?\}|\(\?[:P=!<]|[)\]][*+?]")


def _string_constants(tree: ast.Module) -> Dict[str, str]:
    """Names the code binds exactly once, to a string literal (``ZIP_PATTERN = r"\\d{5}"``)."""
    bound: Dict[str, list] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound.setdefault(node.targets[0].id, []).append(node.value)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.setdefault(node.id, [])
    return {
        name: values[0].value for name, values in bound.items()
        if len(values) == 1 and isinstance(values[0], ast.Constant) and isinstance(values[0].value, str)
    }


def _stripped_affix(tree: ast.Module) -> Optional[str]:
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in STRIPS and len(node.args) == 1
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) and AFFIX.search(node.args[0].value)):
            return (f".{node.func.attr}({node.args[0].value!r}) removes any of those characters, not the affix "
                    f"(line {node.lineno}; str.remove{'suffix' if node.func.attr == 'rstrip' else 'prefix'} removes the affix)")
    return None


def _swapped_pattern(tree: ast.Module) -> Optional[str]:
    constants = _string_constants(tree)
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        for node in ast.walk(function):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and len(node.args) >= 2):
                continue
            first, second = node.args[0], node.args[1]
            pattern = second.value if isinstance(second, ast.Constant) and isinstance(second.value, str) else constants.get(getattr(second, "id", ""))
            if isinstance(first, ast.Name) and first.id in params and first.id not in constants and pattern is not None and REGEX.search(pattern):
                return f"re.{node.func.attr}({first.id}, {ast.unparse(second)[:30]}) passes the text as the pattern and the pattern as the text (line {node.lineno})"
    return None


def misused_call(tree: ast.Module) -> Optional[str]:
    """How the code misuses a standard call, else None."""
    return _stripped_affix(tree) or _swapped_pattern(tree)
