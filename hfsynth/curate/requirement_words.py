"""What every reading of an instruction's requirements needs: the words around an ask and the code's
plain facts.

A requirement is read from the instruction's words and checked against the code's tree
(:mod:`hfsynth.curate.stated_requirements` and the themes it draws on: order in
:mod:`hfsynth.curate.order_requirements`, numbers and bounds in
:mod:`hfsynth.curate.bound_requirements`). They share: whether a negation voids an ask ("not
recursively", but not "a segment without '=' must raise"), markdown emphasis read through, the name
of a required error, the calls that raise ValueError by themselves, the nodes outside asserts (a test may use what the answer must not), a
membership test, a dict keyed by items, a comparison read from either side, and the value of constant
arithmetic (``2 ** 16 - 1``).
"""

from __future__ import annotations

import ast
import re
from typing import Iterable, Iterator, Optional, Tuple
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import children, kept_walk, nodes_of

NEGATION = literal_gates.compile(r"\b(?:without|not|no|never|avoid|avoiding|instead of|rather than|non|nor)\b\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
WORD_RUN = literal_gates.compile(r"\w+")
# Markdown emphasis opens where no word goes on before it: the "_" of `unit_price * qty` opens none.
EMPHASIS = literal_gates.compile(r"(?<!\w)(?:\*\*|__|\*|_)([A-Za-z][\w -]*?)(?:\*\*|__|\*|_)(?!\w)")


def keys_a_dict(tree: ast.Module) -> bool:
    """``seen[item] = ...`` into a dict the code made (``{}``, ``dict()``): its keys hold each item once."""
    dicts = {t.id for n in nodes_of(tree, (ast.Assign, ast.AnnAssign)) if isinstance(n.value, (ast.Dict, ast.Call))
             and (isinstance(n.value, ast.Dict) or getattr(n.value.func, "id", None) in ("dict", "OrderedDict"))
             for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    return any(isinstance(n.ctx, ast.Store) and getattr(n.value, "id", None) in dicts for n in nodes_of(tree, ast.Subscript))


RAISE_ASK = literal_gates.compile(r"\b(?i:raise|raises|raising|throw|throws|throwing)\s+(?:an?\s+)?`?(?P<name>[A-Z]\w*(?:Error|Exception))\b`?")
# Calls that raise ValueError on bad input by themselves.
RAISES_VALUE_ERROR = literal_gates.compile(r"\b(?:int|float|complex|max|min|Decimal|Fraction|strptime|fromisoformat|date|datetime|time|fromtimestamp|ip_address|ip_network|loads|index|remove|"
                                r"mean|fmean|geometric_mean|harmonic_mean|median|median_low|median_high|median_grouped|mode|stdev|pstdev|variance|pvariance|quantiles|literal_eval|unpack|"
                                r"shlex\.split|fromhex|UUID|b64decode|unhexlify|(?<!def )comb|(?<!def )perm|calendar\.weekday|monthrange)\(")  # math.comb(-1, 2) raises ValueError itself


def tests_membership(nodes: Iterable[ast.AST]) -> bool:
    """``x in seen``, ``x not in out`` among ``nodes``: a comparison, not the ``in`` of a ``for``."""
    return any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in nodes)


NEGATION_WORD = literal_gates.compile(r"\b(?:without|not|no|never|avoid|avoiding|instead of|rather than|non|nor)\b", re.IGNORECASE)
MODAL = literal_gates.compile(r"\b(?:must|should|shall|will)\b", re.IGNORECASE)


def ends_negated(text: str, end: int) -> bool:
    """``NEGATION.search(text[:end])``, reading only the last words before ``end``: the negation and the two words
    after it are at most four runs of word characters, so when the last 200 characters hold five runs no match
    can start before them. The checks ask this at every match of hundreds of patterns, and a search of the whole
    prefix tried the negation at each of its characters."""
    window = max(0, end - 200)
    if NEGATION.search(text, window, end):  # the search reads the character before ``window`` for its \b, as a slice would not
        return True
    return window > 0 and len(WORD_RUN.findall(text, window, end)) < 5 and NEGATION.search(text[:end]) is not None


def negated(text: str, start: int) -> bool:
    """A negation just before ``start`` ("not recursively", "without raising"), unless a modal verb
    or a comma or bracket follows the negation's last word ("a segment without '=' must raise", "for a line
    without '=', raise ValueError", "up to but NOT including end (end is exclusive": the negation is
    another clause's)."""
    if not ends_negated(text, start):
        return False
    last = list(NEGATION_WORD.finditer(text, max(0, start - 60), start))
    return not (last and (MODAL.search(text, last[-1].end(), start) or any(mark in text[last[-1].end():start] for mark in ",(")))


MIRRORED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}


def oriented_comparisons(compare: ast.Compare) -> Iterator[Tuple[ast.expr, type, ast.expr]]:
    """Each comparison of a chain read both ways: ``a < b`` gives ``(a, Lt, b)`` and ``(b, Gt, a)``, so a
    rule can ask how ``x`` compares with a bound whichever side either is written on."""
    sides = [compare.left] + compare.comparators
    for left, op, right in zip(sides, compare.ops, sides[1:]):
        yield left, type(op), right
        yield right, MIRRORED.get(type(op), type(op)), left


def walk_outside_asserts(tree: ast.AST) -> Tuple[ast.AST, ...]:
    """Every node but those of asserts: ``assert to_binary(5) == bin(5)[2:]`` may use what the answer must not."""
    return kept_walk(tree, _walk_outside_asserts)


def _walk_outside_asserts(tree: ast.AST) -> Iterator[ast.AST]:
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in children(node) if not isinstance(child, ast.Assert))


def constant_value(node: ast.AST) -> Optional[float]:
    """The value of small constant arithmetic (``2 ** 16 - 1``, ``-90``, ``1 << 16``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value) if abs(node.value) < 1e300 else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = constant_value(node.operand)
        return None if value is None else -value
    if isinstance(node, ast.BinOp):
        left, right = constant_value(node.left), constant_value(node.right)
        if left is None or right is None or max(abs(left), abs(right)) > 1e12:
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Pow) and abs(left) <= 1000 and 0 <= right <= 64:
            return left ** right
        if isinstance(node.op, ast.LShift) and 0 <= right <= 64 and left == int(left):
            return float(int(left) << int(right))
    return None
