"""Fields unpacked in another order than the instruction gives them.

"readings are `(date, tmin, tmax)` tuples" answered by ``for date, tmax, tmin in readings``: the code
names the fields the instruction names, in another order, so every value lands in the other's name.
The answer runs and reads well; its result swaps the two. And ``for buyer, _ in purchases`` over
``(buyer, tickets)`` items for "the total number of tickets they bought": the field asked about, thrown away. Read only where a loop over a parameter
unpacks its items into exactly the names of one tuple the instruction spells (two or more), in a
different order (an output tuple built from a regex's groups may rightly come in another order).
And items of two sides with a value each, ``for home, away, hg, ag in results``, whose home branch and
away branch both read the same side's value (``ag == 0`` for a clean sheet at home and away alike).
And output tuples with fewer fields than the instruction spells: "a list of `(month, credits, debits, net)` tuples"
answered by ``[(month, credits[month], debits[month]) for month in months]``.
"""
from __future__ import annotations

import ast
import re
from typing import Iterator, List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import asked_function, children, elif_chain, nodes_of, unparsed, walk
from hfsynth.curate.requirement_words import EMPHASIS

# `(date, tmin, tmax)`, "(patron_id, isbn) pairs": a tuple of plain names (not a signature's ``f(a, b)``).
SPELLED_TUPLE = literal_gates.compile(r"(?<![\w])\((?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)+)\)")


def _spelled(prose: str) -> List[List[str]]:
    return [[n.strip() for n in found.group("names").split(",")] for found in SPELLED_TUPLE.finditer(prose)]


# Words of an answer computed from a field: "the total number of tickets", "the earliest expiry date".
COMPUTED = r"\b(?:total|sum|number|count|most|least|earliest|latest|largest|smallest|highest|lowest|average|mean|maximum|minimum|longest|shortest|different|distinct|unique)\b"


# A field's short name and the word the prose says it with: `(sku, location, qty)` and "the total quantity".
SPELLED_OUT = {"qty": "quantity|quantities", "amt": "amounts?", "pct": "percent(?:age)?s?", "temp": "temperatures?",
               "cnt": "counts?", "dur": "durations?", "dist": "distances?", "min": "minutes", "sec": "seconds", "hr": "hours"}


# "the most pitches", "the number of lessons": a count of items that each hold one, which counting the items gives
# (not "the number of different patrons": telling them apart takes the field).
ITEM_COUNT = literal_gates.compile(r"(?:most|least|fewest|number|count)\b(?!(?:\s+\w+){0,3}?\s+(?:different|distinct|unique)\b)", re.IGNORECASE)


def _named_elsewhere(prose: str, field: str) -> bool:
    """The instruction asks for something computed from the field, outside its tuples ("the total number of tickets"), other
    than how many items hold it where the field holds one thing (``pitch``, ``lesson_id``; ``tickets`` holds a quantity)."""
    outside = EMPHASIS.sub(r"\1", SPELLED_TUPLE.sub(" ", prose))  # "the number of **different hives**"
    stem = re.sub(r"_(?:id|no|num|code|key)$", "", field).rstrip("s")  # match_id: "the number of different matches"
    spelled = re.escape(stem) + "(?:e?s)?" + ("|" + SPELLED_OUT[stem] if stem in SPELLED_OUT else "")
    one_thing = not field.endswith("s") and stem not in SPELLED_OUT
    if len(stem) >= 3 and re.search(rf"\beach\s+(?:{spelled})'s\b|\bper\s+(?:{spelled})\b|\b(?:grouped|group|broken\s+down)\s+by\s+(?:the\s+)?(?:{spelled})\b", outside, re.IGNORECASE):
        return True  # "each juror's average", "per juror": the answer is worked out for each of them
    computed = r"\b(?:different|distinct|unique)\b" if stem != field.rstrip("s") else COMPUTED  # bale_id: "the total value of bales" is of the items
    return len(stem) >= 3 and any(not (one_thing and ITEM_COUNT.match(found.group(0)))
                                  for found in re.finditer(rf"{computed}(?:\s+\w+){{0,3}}\s+(?:{spelled})\b", outside, re.IGNORECASE))


# A tuple the instruction says comes out: "returning a list of `(bay, time, routes)` tuples" is no input's item.
RETURNED_BEFORE = literal_gates.compile(r"\b(?:return\w*|yield\w*|outputs?|produc\w*)\s+(?:(?:a|an|the|one|sorted|new)\s+)*"
                             r"(?:(?:list|set|tuple|sequence|generator|iterator)s?\s+of\s+)?`?$", re.IGNORECASE)


# "returning `(assignments, turned_away)`: `assignments` is a list of `(boat, berth)`": a part of what is returned, spelled.
PART_OF_RETURNED = literal_gates.compile(r"`?(?P<part>[A-Za-z_]\w*)`?\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?(?:(?:list|set|tuple|sequence|dict)s?\s+of\s+)?`?$")


def _input_tuples(prose: str) -> List[List[str]]:
    """The tuples of distinct names the instruction spells, less those it says the function returns (and the
    tuples it says a part of the returned tuple is made of)."""
    returned, tuples = set(), []
    for found in SPELLED_TUPLE.finditer(prose):
        names = [n.strip() for n in found.group("names").split(",")]
        before = prose[max(0, found.start() - 60):found.start()]
        part = PART_OF_RETURNED.search(before)
        if RETURNED_BEFORE.search(before):
            returned.update(names)
        elif not (part and part.group("part") in returned):
            tuples.append(names)
    return [names for names in tuples if len(set(names)) == len(names)]


def _input_loops(prose: str, tree: ast.Module) -> Iterator[Tuple[ast.AST, List[str], List[List[str]]]]:
    """Each loop over a parameter whose target is plain names (only the input's own items: a regex's groups come
    in the text's order), with those names and the input tuples the instruction spells."""
    spelled = _input_tuples(prose)
    if not spelled:
        return
    parameters = {a.arg for a in nodes_of(tree, ast.arg)}
    for node in walk(tree):
        target = node.target if isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)) else None
        if (isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts)
                and isinstance(node.iter, ast.Name) and node.iter.id in parameters):
            yield node, [e.id for e in target.elts], spelled


def _names_field(name: str, field: str) -> bool:
    """``total`` for a ``total_pence`` field, ``tid`` never for ``ticket``: the field's name, or its first part."""
    return name == field or field.startswith(name + "_")


def _items_read_elsewhere(tree: ast.Module, items: ast.Name) -> bool:
    """The parameter is read other than by this loop: ``len(sales)`` and ``if not sales`` read no item's fields."""
    parents = {child: parent for parent in walk(tree) for child in children(parent)}
    for use in walk(tree):
        if use is items or not (isinstance(use, ast.Name) and use.id == items.id and isinstance(use.ctx, ast.Load)):
            continue
        parent = parents.get(use)
        if isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "len" and parent.args == [use]:
            continue
        if (isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.Not)) or (isinstance(parent, (ast.If, ast.While, ast.IfExp)) and parent.test is use):
            continue
        return True
    return False


def discarded_field(prose: str, tree: ast.Module) -> Optional[str]:
    """``for buyer, _ in purchases`` over ``(buyer, tickets)`` items when the instruction asks about the tickets
    ("the total number of tickets they bought"): the field the answer depends on is thrown away."""
    for node, names, spelled in _input_loops(prose, tree):
        scope = next((f for f in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) if any(n is node for n in walk(f))), tree)
        if _items_read_elsewhere(scope, node.iter):  # in the function that loops: a sample of the same name outside it is another list
            continue  # another loop or a key function reads the items too: the field may be used there
        sized = [a for a in spelled if len(a) == len(names)]
        for asked in sized:
            kept = [n for n in names if not n.startswith("_")]
            if not kept or len(sized) > 1 and any(not _names_field(n, field) for n, field in zip(names, asked) if n in kept):
                continue  # another tuple, or named otherwise (one tuple of that size: ``day, _`` over `(date, ticket_id)` is it)
            dropped = [field for field, name in zip(asked, names) if name.startswith("_") and _named_elsewhere(prose, field)]
            if dropped:
                return f"the instruction asks about the {dropped[0]} of its ({', '.join(asked)}) items and the code discards it ({', '.join(names)}, line {node.target.lineno})"
    return None


def _in_its_place(names: List[str], asked: List[str]) -> bool:
    """Every name of the target that the tuple spells stands where the tuple has it (and one does)."""
    placed = [(i, n) for i, n in enumerate(names) if n in asked]
    return bool(placed) and all(asked[i] == n for i, n in placed)


def swapped_fields(prose: str, tree: ast.Module) -> Optional[str]:
    """A loop over a parameter whose target is the names of a tuple the instruction spells, reordered; or that
    takes one of its names from another field's place (``for _, balance in parts`` over `(balance, rate_pct)`
    items), where no tuple of that size the instruction spells has the names in their places."""
    for node, names, spelled in _input_loops(prose, tree):
        for asked in spelled:
            if names != asked and sorted(names) == sorted(asked):
                return f"the instruction's items are ({', '.join(asked)}) and the code unpacks them as ({', '.join(names)}) (line {node.target.lineno})"
        sized = [asked for asked in spelled if len(asked) == len(names)]
        if any(_in_its_place(names, asked) for asked in sized):
            continue
        for asked in sized:
            moved = next((n for i, n in enumerate(names) if not n.startswith("_") and n in asked and asked[i] != n), None)
            if moved:
                return (f"the instruction's items are ({', '.join(asked)}) and the code takes {moved} from the place of "
                        f"{asked[names.index(moved)]} ({', '.join(names)}, line {node.target.lineno})")
    return None


def unmirrored_sides(tree: ast.Module) -> Optional[str]:
    """``for home, away, hg, ag in results``, then ``if home == team and ag == 0`` ... ``elif away == team and ag == 0``:
    the items hold two sides and a value of each, in the same order; one branch is the home side's and the other
    the away side's, and both read the same side's value, so one of them reads the other side's."""
    for loop in nodes_of(tree, (ast.For, ast.AsyncFor)):
        if not (isinstance(loop.target, ast.Tuple) and len(loop.target.elts) == 4
                and all(isinstance(e, ast.Name) for e in loop.target.elts)):
            continue
        a, b, c, d = (e.id for e in loop.target.elts)
        for chain in (n for statement in loop.body for n in nodes_of(statement, ast.If)):
            seen = []
            for branch in ([branch.test, *branch.body] for branch in elif_chain(chain)):  # a final else has no test
                names = {n.id for part in branch for n in nodes_of(part, ast.Name)}
                sides, values = names & {a, b}, names & {c, d}
                if len(sides) == 1 and len(values) == 1:
                    seen.append((sides, values, branch[0]))
            for (sides1, values1, test1), (sides2, values2, test2) in zip(seen, seen[1:]):
                if sides1 != sides2 and values1 == values2:
                    return (f"the {a}/{b} branches (line {test1.lineno}, line {test2.lineno}) of a loop over ({a}, {b}, {c}, {d}) items both read "
                            f"{next(iter(values1))}: one of them reads the other side's value")
    return None


# "Output: a list of `(month, credits, debits, net)` tuples", "returns `(name, total)` pairs": the shape of each item out.
OUTPUT_TUPLE = literal_gates.compile(r"\b(?:output|returns?|returning)\b[^.;]{0,60}?(?<![\w])\((?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*){1,7})\)`?\s*(?:tuples?|pairs?|triples?)\b", re.IGNORECASE)


def _returned_tuples(function: ast.AST) -> List[ast.Tuple]:
    """The tuple literals the function's list result is made of: ``return [(a, b) for ...]``, and items appended to a list it returns."""
    returned = {r.value.id for r in nodes_of(function, ast.Return) if isinstance(r.value, ast.Name)}
    found = [r.value.elt for r in nodes_of(function, ast.Return) if isinstance(r.value, ast.ListComp) and isinstance(r.value.elt, ast.Tuple)]
    found += [n.args[0] for n in nodes_of(function, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "append"
              and isinstance(n.func.value, ast.Name) and n.func.value.id in returned and len(n.args) == 1 and isinstance(n.args[0], ast.Tuple)]
    return found


def short_output_tuples(prose: str, tree: ast.Module) -> Optional[str]:
    """Every output tuple the code builds has fewer fields than the tuple the instruction spells for its output."""
    asked = [[n.strip() for n in m.group("names").split(",")] for m in OUTPUT_TUPLE.finditer(prose)]
    if len(asked) != 1:
        return None
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for function in functions:
        tuples = _returned_tuples(function)
        if tuples and not any(isinstance(e, ast.Starred) for t in tuples for e in t.elts) and max(len(t.elts) for t in tuples) < len(asked[0]):
            return (f"the instruction asks for ({', '.join(asked[0])}) tuples and {function.name}() builds them with {len(tuples[0].elts)} fields "
                    f"({unparsed(tuples[0])[:50]}, line {tuples[0].lineno})")
    return None


# "returning a tuple `(most_visited, least_visited)`": one tuple out, of named fields.
ONE_TUPLE_OUT = literal_gates.compile(r"\b(?:returns?|returning)\s+(?:(?:a|the|one)\s+(?:tuple|pair)\s+)?`?\((?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*){1,5})\)", re.IGNORECASE)


def one_field_returned(prose: str, tree: ast.Module) -> Optional[str]:
    """"returning a tuple `(most_visited, least_visited)`" answered by ``return most_visited``: the function hands back one
    field of the tuple asked for, under that field's own name, and never a tuple."""
    asked = [[n.strip() for n in m.group("names").split(",")] for m in ONE_TUPLE_OUT.finditer(prose)]
    function = asked_function(tree, prose)
    if len(asked) != 1 or function is None:
        return None
    returns = [r for r in nodes_of(function, ast.Return) if r.value is not None
               and not (isinstance(r.value, ast.Constant) and r.value.value is None)]
    fields = [_one_field(r.value) for r in returns]
    if returns and all(field in asked[0] for field in fields):
        return (f"the instruction asks for a tuple ({', '.join(asked[0])}) and {function.name}() returns {fields[0]} alone "
                f"(line {returns[0].lineno})")
    return None


def _one_field(value: ast.expr) -> Optional[str]:
    """The name a return hands back, bare or rounded, converted or sorted (``round(cost, 2)``, ``sorted(low)``)."""
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("round", "int", "float", "str", "sorted", "list", "tuple") and value.args:
        value = value.args[0]
    return value.id if isinstance(value, ast.Name) else None
