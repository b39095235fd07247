"""The amount the instruction asks for, and the neighbouring amount the code works out instead.

"Return the **discount amount** in cents" answered with ``subtotal - subtotal * percent // 100`` (the price
after the discount); "the SKU that sold the most **units**" answered by summing ``qty * unit_price_cents``
(revenue). Both are the task next door, written cleanly, and its own examples agree with it.

Read only in these two shapes:

- the function is asked to return a part taken off or added on (a discount, a saving, a tax, a tip, a
  fee), the instruction never asks for what is left or the total after it, and every value the function
  returns is ``x - x * rate`` or ``x * (1 - rate)``: the rest, not the part;
- units or quantities are asked for and never money, and the code multiplies a quantity by a price.
"""
from __future__ import annotations

import ast
import re
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import asked_function, nodes_of, own_scope_nodes, unparsed
from hfsynth.curate.requirement_words import EMPHASIS

PART_ASK = literal_gates.compile(r"\breturns?\s+(?:only\s+)?(?:the\s+)?(?P<part>discount|saving|savings|tax|tip|fee|surcharge|commission|deduction)(?:\s+amount)?\b(?!\s+(?:rate|percent|percentage|tier|code|name))", re.IGNORECASE)
REST_ASK = literal_gates.compile(r"\b(?:after|net of|less|minus|discounted|final|remaining|new|total)\b[^.;]{0,20}\b(?:price|total|amount|subtotal|cost)\b|\bprice\s+after\b", re.IGNORECASE)


def _names(node: ast.AST) -> set:
    return {n.id for n in nodes_of(node, ast.Name)}


def _the_rest(value: ast.expr) -> bool:
    """``x - x * rate`` (``x - x * p // 100``) or ``x * (1 - rate)``/``x * (100 - p) // 100``."""
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("round", "int", "float") and value.args:
        value = value.args[0]
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Sub) and isinstance(value.left, ast.Name):
        right = value.right
        return value.left.id in _names(right) and any(isinstance(n.op, ast.Mult) for n in nodes_of(right, ast.BinOp))
    if isinstance(value, ast.BinOp) and isinstance(value.op, (ast.FloorDiv, ast.Div)):
        value = value.left
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        for factor in (value.left, value.right):
            if isinstance(factor, ast.BinOp) and isinstance(factor.op, ast.Sub) and isinstance(factor.left, ast.Constant) and factor.left.value in (1, 1.0, 100):
                return True
    return False


def _rest_for_the_part(prose: str, tree: ast.Module) -> Optional[str]:
    asked = PART_ASK.search(prose)
    if not asked or REST_ASK.search(prose):
        return None
    function = asked_function(tree, prose)
    if function is None:
        return None
    returns = [n.value for n in own_scope_nodes(function) if isinstance(n, ast.Return) and n.value is not None]
    rests = [value for value in returns if _the_rest(value)]
    if rests and all(value in rests or isinstance(value, ast.Constant) for value in returns):
        return (f"the instruction asks for the {asked.group('part')} and {unparsed(rests[0])[:50]} (line {rests[0].lineno}) "
                f"is what is left after it")
    return None


UNITS_ASK = literal_gates.compile(r"\b(?:most|fewest|total|number\s+of|count\s+of)\s+(?:\w+\s+)?units\b|\bunits\s+sold\b|\bby\s+(?:quantity|units)\b|\bmost\s+(?:items|copies|pieces)\b", re.IGNORECASE)
MONEY_ASK = literal_gates.compile(r"\w*(?:price|cost)\w*`?\s*(?:\*|×|times)\s*`?\w*(?:qty|quantity)|\w*(?:qty|quantity)`?\s*(?:\*|×|times)\s*`?\w*(?:price|cost)|"  # "the sum of `unit_price * qty`"
                       r"\brevenue|\bturnover|\bspen[dt]\b|\bearn|\bincome|\bsales\s+value|\bvalue\s+of\b|\b(?:total|most|highest)\s+(?:\w+\s+)?(?:price|cost|amount|money|value)\b|\bsubtotal|\bin\s+cents\b|\bdollars\b", re.IGNORECASE)
QUANTITY = literal_gates.compile(r"qty|quantity|units|count|amount_sold|sold", re.IGNORECASE)
PRICE = literal_gates.compile(r"price|cost|cents|fee|rate", re.IGNORECASE)


def _value_for_units(prose: str, tree: ast.Module) -> Optional[str]:
    if not UNITS_ASK.search(prose) or MONEY_ASK.search(prose):
        return None
    def named(node, pattern):
        text = unparsed(node)
        return isinstance(node, (ast.Name, ast.Subscript, ast.Attribute)) and pattern.search(text.rsplit("[", 1)[-1].rsplit(".", 1)[-1])
    for node in nodes_of(tree, ast.BinOp):
        if isinstance(node.op, ast.Mult) and (
                named(node.left, QUANTITY) and named(node.right, PRICE) or named(node.left, PRICE) and named(node.right, QUANTITY)):
            return f"the instruction asks for units and {unparsed(node)[:50]} (line {node.lineno}) weighs them by price"
    return None


def another_amount(prose: str, tree: ast.Module) -> Optional[str]:
    """How the code works out the neighbouring amount of the one asked, else None."""
    prose = EMPHASIS.sub(r"\1", prose)
    return _rest_for_the_part(prose, tree) or _value_for_units(prose, tree)
