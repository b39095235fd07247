"""Keys the code reads under another spelling than the records the instruction describes.

"The catalogue maps each SKU to ``{"name": str, "price_cents": int}``" answered with
``catalogue[sku]["price"]``: the model remembered the field's usual name, not the one it was given, and
the first record raises KeyError. A row without tests never shows it.

Read only where nothing leaves a doubt: the instruction quotes at least two keys (a record described),
the key the code reads is no word of the instruction at all (its fenced blocks included), it is one of the
quoted keys cut at an underscore (``price`` for ``price_cents``, ``unit_price`` for ``price``), and the
code itself never writes nor defaults it (``row["price"] = ...``, ``{"price": ...}``, ``.get("price")``).

And a CSV whose header the instruction spells ("with the header `timestamp,pair_id,action`") read by
``csv.DictReader`` (its columns from that header) under a key that is not one of them (``row["time"]``), where
the same name reads the header's columns elsewhere: every row lacks it.
"""
from __future__ import annotations

import ast
import re
from typing import Optional, Set
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, unparsed

# `"price_cents"`, 'qty', "total_cents": a quoted identifier of the instruction, the way records' keys are given
QUOTED_KEY = literal_gates.compile(r"""["']([A-Za-z_][A-Za-z0-9_]*)["']""")


def keys_the_code_makes(tree: ast.Module) -> Set[str]:
    """Keys the code puts in a record or reads with a default, and its patterns' named groups: it does not depend on
    the input holding them."""
    made: Set[str] = set()
    for node in nodes_of(tree, (ast.Dict, ast.Subscript, ast.Call, ast.Compare, ast.Constant)):
        if isinstance(node, ast.Dict):
            made |= {k.value for k in node.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)}
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) and isinstance(node.slice, ast.Constant):
            made.add(node.slice.value)
        elif isinstance(node, ast.Call):
            made |= {k.arg for k in node.keywords if k.arg}
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "setdefault", "pop") and node.args and isinstance(node.args[0], ast.Constant):
                made.add(node.args[0].value)
        elif isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            made.add(node.left.value)  # ``"price" in item``: tested before it is read
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "(?P<" in node.value:
            made |= set(re.findall(r"\(\?P<([A-Za-z_]\w*)>", node.value))  # ``match["area"]`` of ``(?P<area>...)``: a group, no record's key
    return made


def _respelt(key: str, described: Set[str]) -> Optional[str]:
    """The described key that ``key`` is a cut of, at an underscore (``price`` / ``price_cents``)."""
    for name in sorted(described):
        if name != key and (name.startswith(key + "_") or name.endswith("_" + key) or key.startswith(name + "_") or key.endswith("_" + name)):
            return name
    return None


def respelt_key(prose: str, tree: ast.Module, instruction: str = "") -> Optional[str]:
    """How the code reads a described record under another key, else None. ``instruction``: the whole text, fenced
    blocks included, whose words (a CSV header's ``area_m2`` above a record described as ``{"area": int}``) are no
    respelling either."""
    described = set(QUOTED_KEY.findall(prose))
    if len(described) < 2:
        return None
    words = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", prose + "\n" + instruction))
    made = keys_the_code_makes(tree)
    if "KeyError" in unparsed(tree):
        return None
    for node in nodes_of(tree, ast.Subscript):
        if not (isinstance(node.ctx, ast.Load) and isinstance(node.slice, ast.Constant) and isinstance(node.slice.value, str)):
            continue
        key = node.slice.value
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) or key in words or key in made:
            continue
        name = _respelt(key, described)
        if name:
            return (f"the code reads {unparsed(node)[:50]} (line {node.lineno}) and the instruction's records hold {name!r}, "
                    f"never {key!r}: KeyError on the first one")
    return None


# "a CSV log with the header `timestamp,pair_id,action`": the columns, exactly.
STATED_HEADER = literal_gates.compile(r"\b(?:header|header row|columns?)\b[^.\n`]{0,40}`(?P<names>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*){1,20})`", re.IGNORECASE)


def key_outside_the_header(prose: str, tree: ast.Module) -> Optional[str]:
    """``row["time"]`` of ``csv.DictReader`` rows where the header the instruction spells is `timestamp,pair_id,action`."""
    headers = [[n.strip() for n in m.group("names").split(",")] for m in STATED_HEADER.finditer(prose)]
    readers = [n for n in nodes_of(tree, ast.Call) if (getattr(n.func, "attr", None) or getattr(n.func, "id", None)) == "DictReader"]
    if len(headers) != 1 or not readers or any(k.arg == "fieldnames" for r in readers for k in r.keywords) or len(readers[0].args) > 1:
        return None
    header, made = headers[0], keys_the_code_makes(tree)
    reads = [n for n in nodes_of(tree, ast.Subscript) if isinstance(n.ctx, ast.Load) and isinstance(n.value, ast.Name)
             and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)]
    rows = {n.value.id for n in reads if n.slice.value in header}
    for node in reads:
        if node.value.id in rows and node.slice.value not in header and node.slice.value not in made:
            return (f"the code reads {unparsed(node)[:40]} (line {node.lineno}) of rows whose header the instruction gives as "
                    f"{','.join(header)}: no row holds {node.slice.value!r}")
    return None
