"""Is case ignored where the instruction says so? The row's own call, re-cased, must give the same answer.

"Compare addresses case-insensitively" is met by code that lowercases somewhere, and a static reading
(:mod:`hfsynth.curate.stated_requirements`) stops there: ``Counter(e.strip() for e in emails)`` with
``.lower()`` only on the way out counts "Ann@x.io" and "ann@x.io" apart. The row's own asserts use
one casing, so they pass. Execution calls the function again with the strings of the row's own call
re-cased (all upper, every other string upper, the first of equal strings upper, those in capitals lower...; strings in dicts,
records of fields and codes, are left alone, and so are strings that key a dict the call is given: a film looked up by its
title; a JSON document, whose keys are names; and the arguments of a parameter whose case the instruction fixes: "`banned`
is a list of lowercase words") and compares the answers
with every string folded (``_hf_case_blind`` in the claims' checker). Read only when:

- the instruction asks to ignore case in so many words (``CASE_ASK``), not negated, and says nothing
  of upper- or lowercase letters mattering ("must contain an uppercase letter", "case-sensitive",
  "keep the original case" of an output is fine: answers are compared folded);
- the function is the top-level one the instruction names, or the code's one public function;
- the row calls it with literal arguments or names it defines (``duplicate_emails(signups)``),
  outside ``try`` and ``with``; at most two such calls are probed;
- the code draws nothing random nor reads the clock.

Where the instruction counts only exactly equal strings as the same ("titles that appear more than once
(exactly the same string) are returned once", :data:`EXACTLY_EQUAL`), or hands names back "as spelled in `required`",
equal strings are re-cased alike:
"Nighthawks" twice, one of them upper, are two titles there. So are they where case is ignored only in an order
("ordered alphabetically, case-insensitively", :data:`ORDER_ONLY`).
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import asked_function, is_literal, outside_guards, unparsed
from hfsynth.curate.requirement_words import EMPHASIS, negated
from hfsynth.curate.stated_requirements import CASE_ASK

# Words that make case part of the answer: a probe that re-cases would change what is right.
CASE_MATTERS = literal_gates.compile(
    r"\b(?:upper|lower)[- ]?case\s+(?:letters?|characters?|(?:and|or)\s+(?:upper|lower)[- ]?case)\b|\bcapital\s+letters?\b|\bcase[- ]sensitive(?:ly)?\b(?<!in-sensitive)|\bswap\w*\s+(?:the\s+)?case\b|"
    r"\b(?:camel|snake|pascal|kebab|title)[- ]?case\b|\bcapitali[sz]\w*|\bcaesar\b|\bcipher\b|\bpassword\w*",
    re.IGNORECASE,
)
PROBED_CALLS = 2
# Words that count only exactly equal strings as the same: a probe must not make equal strings differ in case.
# Or that hands strings back as the input spells them ("return the names as spelled in `required`", "without duplicates"):
# two spellings of one name are two answers there, so equal strings are re-cased alike too.
EXACTLY_EQUAL = literal_gates.compile(r"\b(?:exactly\s+(?:the\s+)?same|identical|exact(?:ly)?[- ](?:duplicates?|matches|copies|repeats?)|exact\s+same)\b"
                           r"|\bas\s+(?:they\s+are\s+|it\s+is\s+)?(?:spelled|spelt|written|given)\s+in\b|\boriginal\s+(?:spelling|casing|case|capitali[sz]ation)\b", re.IGNORECASE)


# "Customers with equal revenue are ordered alphabetically, case-insensitively" ("ties are broken alphabetically ignoring case"): case is ignored in the order, and
# "Corner Cafe" written twice is one customer whatever a probe makes of it, so equal strings are re-cased alike.
ORDER_ONLY = literal_gates.compile(r"\b(?:alphabetic\w*|sort\w*|order\w*)\b[^.;]{0,20}?(?:\bcase[- ]?insensitiv\w*|\b(?:ignoring|regardless\s+of|disregarding)\s+(?:the\s+)?(?:letter\s+)?case\b)"
                                   r"|\bcase[- ]?insensitiv\w*\s+(?:alphabetic\w*|sort\w*|order\w*)\b",
                                   re.IGNORECASE)


def _plain(node: ast.expr) -> bool:
    return is_literal(node) or isinstance(node, ast.Name)


# "`banned` is a list of lowercase single words", "`codes` are upper-case": a parameter whose case the instruction fixes. A
# probe leaves its strings as they are: the case-blind part is the other text ("Gas canister" matches `gas`).
CASE_FIXED = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)`\s+(?:is|are)\s+(?:(?:already|always|all)\s+)?(?:an?\s+)?(?:(?:list|set|tuple|sequence)\s+of\s+)?"
                                   r"(?:(?:already|always|all)\s+)?(?:in\s+)?(?:lower|upper)[- ]?case\b", re.IGNORECASE)


def _own_calls(trees: List[ast.Module], function: ast.FunctionDef, fixed: frozenset = frozenset()) -> List[str]:
    """``(f, (args,), {kwargs}, (fixed positions and names,))`` sources of the row's calls of ``function`` with plain arguments,
    outside try/with/def; ``fixed``: the parameters whose strings keep their case."""
    found: List[str] = []
    name = function.name
    positional = [a.arg for a in function.args.posonlyargs + function.args.args]
    for call in (n for tree in trees for n in outside_guards(tree)):
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == name and call.args + call.keywords \
                and all(_plain(a) for a in call.args) and all(k.arg and _plain(k.value) for k in call.keywords):
            args = "".join(f"{unparsed(a)}, " for a in call.args)
            kwargs = ", ".join(f"{k.arg!r}: {unparsed(k.value)}" for k in call.keywords)
            kept = [i for i, parameter in enumerate(positional[: len(call.args)]) if parameter in fixed] + [k.arg for k in call.keywords if k.arg in fixed]
            source = f"({name}, ({args}), {{{kwargs}}}, {tuple(kept)!r})"
            if source not in found:
                found.append(source)
    return found[:PROBED_CALLS]


def case_claims(instruction_prose: str, tree: Optional[ast.Module], tests_tree: Optional[ast.Module] = None) -> List[tuple]:
    """The probes of a case-insensitive ask, as claims execution checks: ``(source, "", False, "case")``;
    ``"equal"`` instead of ``""`` where the instruction counts only exactly equal strings as the same."""
    if tree is None:
        return []
    prose = EMPHASIS.sub(r"\1", instruction_prose)
    match = CASE_ASK.search(prose)
    if not match or negated(prose, match.start()) or CASE_MATTERS.search(prose):
        return []
    function = asked_function(tree, prose)
    if function is None:
        return []
    keep_equal = "equal" if EXACTLY_EQUAL.search(prose) or ORDER_ONLY.search(prose) else ""
    fixed = frozenset(m.group("name") for m in CASE_FIXED.finditer(prose))
    return [(source, keep_equal, False, "case") for source in _own_calls([t for t in (tests_tree, tree) if t is not None], function, fixed)]
