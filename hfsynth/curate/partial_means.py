"""A mean whose total and count come from different collections.

``given = [r for r in ratings if r is not None]`` then ``sum(given) / len(ratings)``: the total is of
the items kept, the count of all of them, so every skipped item pulls the average toward zero. The
same with a slice: ``recent = totals[-n:]`` and ``sum(recent) / len(totals)``. A model writes the
filter the instruction asks for and then divides by the name it started from; its tests seldom hold
an item the filter drops.

Read only where the summed name is bound once in the function, to a filtered comprehension over the
counted name (``[... for x in counted if ...]``, ``filter(..., counted)``) or to a slice of it.

And a group's total divided by the number of groups: ``sums[hour] / len(counts)`` where ``counts[hour] += 1``
counts each group's items (``counts[hour]`` is meant): ``len`` of a dict of counts is how many keys it has.
"""

from __future__ import annotations

import ast
from typing import Optional

from hfsynth.curate.python_ast import nodes_of, store_counts, unparsed


def _one_name_call(node: ast.expr, function: str) -> Optional[str]:
    """``x`` of ``function(x)``."""
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function and len(node.args) == 1
            and not node.keywords and isinstance(node.args[0], ast.Name)):
        return node.args[0].id
    return None


def _part_of(value: ast.expr, whole: str) -> bool:
    """``value`` keeps some of ``whole``'s items: ``[r for r in whole if ...]``, ``filter(f, whole)``, ``whole[-n:]``."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in ("list", "tuple") and len(value.args) == 1:
        value = value.args[0]
    if isinstance(value, (ast.ListComp, ast.GeneratorExp, ast.SetComp)) and len(value.generators) == 1:
        generator = value.generators[0]
        return bool(generator.ifs) and isinstance(generator.iter, ast.Name) and generator.iter.id == whole
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "filter" and len(value.args) == 2:
        return isinstance(value.args[1], ast.Name) and value.args[1].id == whole
    return isinstance(value, ast.Subscript) and isinstance(value.slice, ast.Slice) and isinstance(value.value, ast.Name) and value.value.id == whole


def mean_over_the_whole(tree: ast.AST) -> Optional[str]:
    """``name() at line n: sum(given) / len(ratings) ...`` for a part's total divided by the whole's count."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        parameters = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        stores = store_counts(function)
        for node in nodes_of(function, ast.BinOp):
            if not isinstance(node.op, ast.Div):
                continue
            part, whole = _one_name_call(node.left, "sum"), _one_name_call(node.right, "len")
            if part is None or whole is None or part == whole:
                continue
            value = next((n.value for n in nodes_of(function, (ast.Assign, ast.AnnAssign)) if n.value is not None
                          and any(isinstance(t, ast.Name) and t.id == part for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))), None)
            if part not in parameters and stores[part] == 1 and value is not None and _part_of(value, whole):
                return (f"{function.name}() at line {node.lineno}: {unparsed(node)} sums the items of {whole} that {part} keeps "
                        f"and divides by the count of all of {whole}")
    return None


def mean_over_the_key_count(tree: ast.AST) -> Optional[str]:
    """``sums[hour] / len(counts)`` where the code counts per key (``counts[hour] += 1``): divided by the number of
    keys, not by the key's own count."""
    counters = {n.target.value.id for n in nodes_of(tree, ast.AugAssign) if isinstance(n.op, ast.Add)
                and isinstance(n.target, ast.Subscript) and isinstance(n.target.value, ast.Name)}
    for node in nodes_of(tree, ast.BinOp):
        if (isinstance(node.op, ast.Div) and isinstance(node.left, ast.Subscript)
                and _one_name_call(node.right, "len") in counters):
            counts = _one_name_call(node.right, "len")
            return (f"{unparsed(node)[:50]} (line {node.lineno}) divides one key's total by the number of keys in {counts}, "
                    f"not by that key's own count")
    return None
