"""Worked examples an instruction gives as a quantity and what it costs: "so 80 hours cost 2.50 and 97
hours cost 5.00", "up to and including 5 kg costs 9.99", "(6 days cost $200, not $210)".

A tariff task states its rule in words and then pins it down with a few quantities and their prices.
An answer that rounds where the rule says "every started hour", or puts a bracket's edge on the wrong
side, gets exactly these wrong, and seldom carries a test that would call it with them. The execution
step runs them as it runs the instruction's other examples (:mod:`hfsynth.curate.worded_examples`
reads those whose arguments are values, not quantities with a unit). Read only where the words leave
no doubt:

- the function is the one the instruction asks for, top-level and undecorated, and it has exactly one
  required parameter, named for the quantity's unit (``hours_held`` for "hours", ``weight_kg`` for
  "kg", ``kwh`` for "kWh") or for what the unit measures (``weight`` for "kg", ``distance`` for "km");
- the quantity opens its clause, alone or after "so", "e.g.", "and", "a stay of", "up to and
  including" or "exactly": "the first 20 g cost 0.85", "1-30 minutes cost 0.80" and "every extra km
  costs 0.30" price a part of the quantity, not the whole;
- "cost(s)", "is/are charged" or "comes to" and a price, with nothing after it that makes it a rate
  ("$0.12 each", "0.30 more", "per kg") or a count of something else. A price worked out as a sum
  ("8 km costs 5 * 1.50 + 3 * 1.20 = 11.10") is the sum's result, never its first term.
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.instruction_examples import Example
from hfsynth.curate.python_ast import asked_function, literal_value, value_fits
from hfsynth.curate.worded_examples import AFTER_ANSWER

QUANTITY_PRICE = literal_gates.compile(
    r"(?<![\w.\-\u2013$\u20ac\u00a3])(?P<amount>\d+(?:\.\d+)?)\s*(?P<unit>[A-Za-z]+)\s+"
    r"(?:(?:should|would|will|must)\s+)?(?:costs?|(?:is|are)\s+charged|comes?\s+to)\s+"
    r"[$\u20ac\u00a3]?(?P<price>\d+(?:\.\d+)?)(?!\w|\.\d)", re.IGNORECASE)
# Where a clause starts: a sentence's or a list item's end, a colon, a bracket, a dash.
CLAUSE_END = literal_gates.compile(r"[.;:!?,](?=\s)|[(\[\n\u2014]|\*\*")
# What may stand before the quantity in its clause.
LEAD = literal_gates.compile(
    r"(?:(?:so|thus|hence|e\.g\.|i\.e\.|for example|for instance|and|that is)\s*,?\s*)*"
    r"(?:(?:a|an)\s+[a-z]+\s+of|(?:[a-z]+\s+)?up to and including|exactly)?", re.IGNORECASE)
# After the price: a rate, an extra or a count of something else, not the whole quantity's price.
RATE = literal_gates.compile(r"\s*(?:/|for (?:each|every|a|an)\b|on top\b)", re.IGNORECASE)
FOLLOWER = literal_gates.compile(r"\s*([A-Za-z]+)")
# The price worked out as a sum of its terms: "8 km costs 5 * 1.50 + 3 * 1.20 = 11.10" costs 11.10.
WORKED_SUM = literal_gates.compile(
    r"(?:\s*[*\u00d7+\-]\s*[$\u20ac\u00a3]?\d+(?:\.\d+)?)+\s*=\s*[$\u20ac\u00a3]?(?P<price>\d+(?:\.\d+)?)(?!\w|\.\d)")
OPERATOR = literal_gates.compile(r"\s*[*\u00d7+\-=]")
# What a unit measures, for a parameter named for that rather than for the unit.
MEASURES = {
    "kg": ("weight", "mass"), "g": ("weight", "mass"), "gram": ("weight", "mass"), "kilogram": ("weight", "mass"),
    "lb": ("weight", "mass"), "km": ("distance", "length"), "mile": ("distance",), "metre": ("distance", "length"),
    "meter": ("distance", "length"), "minute": ("duration",), "hour": ("duration",), "day": ("duration",),
    "night": ("duration",), "week": ("duration",),
}


def _singular(word: str) -> str:
    word = word.lower()
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


def _named_for(parameter: str, unit: str) -> bool:
    """``hours_held`` is named for "hours", ``weight`` for "kg"."""
    unit = _singular(unit)
    words = {_singular(word) for word in parameter.split("_") if word}
    return unit in words or bool(words & set(MEASURES.get(unit, ())))


def _quantity_parameter(function: ast.FunctionDef) -> Optional[ast.arg]:
    """The function's one required parameter (None when it has none or several)."""
    params = function.args.posonlyargs + function.args.args
    if params and params[0].arg in ("self", "cls"):
        return None
    required = params[: len(params) - len(function.args.defaults)]
    if len(required) != 1 or any(default is None for default in function.args.kw_defaults):
        return None
    return required[0]


def quantity_examples(instruction_prose: str, tree: Optional[ast.Module]) -> List[Example]:
    """The instruction's "N <unit> cost(s) P" examples of its asked function, in order."""
    function = asked_function(tree, instruction_prose) if tree is not None else None
    parameter = _quantity_parameter(function) if function is not None and not function.decorator_list else None
    if parameter is None:
        return []
    found, previous_end = [], 0
    for match in QUANTITY_PRICE.finditer(instruction_prose):
        price, end = match.group("price"), match.end()
        worked = WORKED_SUM.match(instruction_prose, end)
        if worked:
            price, end = worked.group("price"), worked.end()
        elif OPERATOR.match(instruction_prose, end):
            continue  # "costs 5 * 1.50 + ...": the first term of a sum, not the price
        follower = FOLLOWER.match(instruction_prose, end)
        if follower and follower.group(1).lower() not in AFTER_ANSWER or RATE.match(instruction_prose, end):
            continue  # "$0.12 each", "0.30 more", "3 blocks", "2.50 for every started day"
        if not _named_for(parameter.arg, match.group("unit")):
            continue
        before = instruction_prose[previous_end: match.start()]  # "80 hours cost 2.50 and 97 hours cost 5.00": a price ends a clause
        previous_end = end
        ends = list(CLAUSE_END.finditer(before))
        lead = before[ends[-1].end():] if ends else before
        if not LEAD.fullmatch(lead.strip()):
            continue
        amount, _ = literal_value(match.group("amount"))
        if not value_fits(amount, parameter.annotation):
            continue
        found.append(Example(f"{function.name}({amount!r})", price, (amount,), bare=True))
    return list(dict.fromkeys(found))
