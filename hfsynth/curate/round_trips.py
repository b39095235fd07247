"""A round trip the instruction promises, run on an ordinary value: ``load(save(cells)) == cells``.

"Write ``save_exploration(explored: set[tuple[int, int]]) -> str`` and ``load_exploration(text)`` such that
``load_exploration(save_exploration(cells)) == cells`` for any set of cells": a model that stores the cells as
JSON lists and reads them back with ``set(data["explored"])`` gets lists, which a set cannot hold (TypeError), or
tuples back as lists; its own asserts, if any, try one cell. Execution evaluates the promised equation on made-up
values of the inner function's parameter (:mod:`hfsynth.curate.typed_probes` makes them from the annotation the
code or the instruction's signature gives). Read only where the words leave no doubt: the equation
``outer(inner(x)) == x`` written in the instruction, both functions top-level in the code and undecorated, the
inner one taking exactly one required parameter, annotated with a type of numbers, dates, containers or
records (no text: a made-up text may be no valid input of the format), and code that imports only the standard
library.
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.asked_signatures import asked_signatures
from hfsynth.curate.python_ast import imports_only_stdlib, nodes_of
from hfsynth.curate.typed_probes import made_up_values

ROUND_TRIP = literal_gates.compile(r"(?P<outer>[A-Za-z_]\w*)\(\s*(?P<inner>[A-Za-z_]\w*)\(\s*(?P<var>[A-Za-z_]\w*)\s*\)\s*\)\s*==\s*(?P=var)\b")


def _spelled_annotation(instruction: str, name: str) -> Optional[ast.expr]:
    """The annotation of the one parameter of ``name``'s signature as the instruction spells it (``f(cells: set[...])``)."""
    for signature in asked_signatures(instruction):
        if signature.name != name or len(signature.params) != 1:
            continue
        spelled = re.sub(r"\s*->.*$", "", signature.spelled.strip("`"))
        try:
            function = ast.parse(f"def {spelled}: pass").body[0]
        except (SyntaxError, ValueError, IndexError):
            continue
        arguments = function.args.posonlyargs + function.args.args
        if len(arguments) == 1 and arguments[0].annotation is not None:
            return arguments[0].annotation
    return None


def round_trip_claims(instruction: str, tree: Optional[ast.Module]) -> List[tuple]:
    """``(source, "True", False)`` for each round trip the instruction writes, on two made-up values."""
    if tree is None or not ROUND_TRIP.search(instruction) or not imports_only_stdlib(tree):
        return []
    functions = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef) and not n.decorator_list}
    claims: List[tuple] = []
    for match in ROUND_TRIP.finditer(instruction):
        outer, inner = functions.get(match.group("outer")), functions.get(match.group("inner"))
        if outer is None or inner is None or outer is inner:
            continue
        arguments = inner.args.posonlyargs + inner.args.args
        required = arguments[: len(arguments) - len(inner.args.defaults)]
        if len(required) != 1 or any(d is None for d in inner.args.kw_defaults):
            continue
        annotation = required[0].annotation or _spelled_annotation(instruction, inner.name)
        if annotation is None or any(n.id in ("str", "bytes", "Any", "object") for n in nodes_of(annotation, ast.Name)):
            continue
        for value in made_up_values(annotation, tree):
            claim = (f"{outer.name}({inner.name}({value})) == {value}", "True", False)
            if claim not in claims:
                claims.append(claim)
    return claims
