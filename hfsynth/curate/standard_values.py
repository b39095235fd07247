"""Values spelt with literals and the standard library's value types: ``[time(14, 30), time(8, 0)]``, ``date(2024, 7, 5)``,
``{"kickoff": datetime(2024, 4, 6, 21, 0)}``, ``Decimal("4.50")``.

Instructions and responses show a function's inputs this way ("For `[time(14, 30), time(8, 0)]` the answer is `6.5`",
"`today = date(2024, 7, 5)`"), and ``ast.literal_eval`` reads none of them. Here they are read, and written back as
source that needs no import in the namespace it runs in (``__import__('datetime').time(14, 30)``): the row's code may
have imported ``datetime`` the class, the module, or nothing. Only constructors of immutable standard values are called,
on literals, so reading a text runs nothing of the text's.
"""

from __future__ import annotations

import ast
import datetime
import decimal
import fractions
from typing import Optional, Tuple

from hfsynth.curate.python_ast import literal_value, unparsed

# The standard value types a text may construct, by name, with their module.
VALUE_TYPES = {"date": "datetime", "datetime": "datetime", "time": "datetime", "timedelta": "datetime", "Decimal": "decimal", "Fraction": "fractions"}
_CLASSES = {datetime.datetime: "datetime", datetime.date: "date", datetime.time: "time", datetime.timedelta: "timedelta",
            decimal.Decimal: "Decimal", fractions.Fraction: "Fraction"}


def value_source(node: ast.expr, depth: int = 0) -> Optional[str]:
    """Source text of a literal value, its standard values (``datetime(2024, 4, 6, 21, 0)``) spelt with their module so
    the text needs no import; None for anything else (a name, ``...``, a call of another function)."""
    if depth > 6:
        return None
    if isinstance(node, ast.Constant):
        return None if node.value is Ellipsis else repr(node.value)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float)):
        return repr(-node.operand.value)
    if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = [value_source(e, depth + 1) for e in node.elts]
        if None in items:
            return None
        if isinstance(node, ast.Tuple):
            return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
        return ("[" + ", ".join(items) + "]") if isinstance(node, ast.List) else ("{" + ", ".join(items) + "}" if items else None)
    if isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            return None
        keys = [value_source(k, depth + 1) for k in node.keys]
        values = [value_source(v, depth + 1) for v in node.values]
        if None in keys or None in values:
            return None
        return "{" + ", ".join(f"{k}: {v}" for k, v in zip(keys, values)) + "}"
    if isinstance(node, ast.Call) and not any(k.arg is None for k in node.keywords):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name not in VALUE_TYPES or isinstance(node.func, ast.Attribute) and unparsed(node.func.value) not in (VALUE_TYPES[name], f"{VALUE_TYPES[name]}.{name}"):
            return None
        args = [value_source(a, depth + 1) for a in node.args]
        kwargs = [(k.arg, value_source(k.value, depth + 1)) for k in node.keywords]
        if None in args or any(v is None for _, v in kwargs):
            return None
        return f"__import__({VALUE_TYPES[name]!r}).{name}(" + ", ".join(args + [f"{k}={v}" for k, v in kwargs]) + ")"
    return None


def standard_value(text: str) -> Tuple[object, bool]:
    """``(value, True)`` for a text that is a literal or a literal built with the standard value types, else ``(None, False)``."""
    value, ok = literal_value(text)
    if ok:
        return value, ok
    text = text.strip()
    if not any(name + "(" in text for name in VALUE_TYPES):
        return None, False
    try:
        source = value_source(ast.parse(text, mode="eval").body)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None, False
    if source is None:
        return None, False
    try:
        return eval(source, {"__builtins__": {"__import__": __import__}}), True  # only the constructors value_source lets through
    except (ValueError, TypeError, ArithmeticError, OverflowError, decimal.InvalidOperation):
        return None, False


def spelt(value) -> str:
    """The source of a value as :func:`value_source` writes it: ``repr`` but for the standard values, which carry their module."""
    kind = type(value)
    if kind in _CLASSES:
        name = _CLASSES[kind]
        source = repr(value)  # datetime.date(2024, 7, 5), Decimal('4.50'), Fraction(1, 3)
        return f"__import__({VALUE_TYPES[name]!r}).{name}(" + source.split("(", 1)[1]
    if kind is list:
        return "[" + ", ".join(spelt(v) for v in value) + "]"
    if kind is tuple:
        return "(" + ", ".join(spelt(v) for v in value) + ("," if len(value) == 1 else "") + ")"
    if kind is dict:
        return "{" + ", ".join(f"{spelt(k)}: {spelt(v)}" for k, v in value.items()) + "}"
    if kind in (set, frozenset) and value:
        inner = "{" + ", ".join(sorted(spelt(v) for v in value)) + "}"
        return inner if kind is set else f"frozenset({inner})"
    return repr(value)
