"""Signatures an instruction spells, in backticks (`make_slug(title: str, max_length: int = 30) -> str`)
or bare after the verb that asks for them ("I need sort_deliveries(deliveries, key='eta',
descending=False)"): the function's name and its parameters' names, read the same way by every rule
that holds code to them."""
from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, List, NamedTuple

from hfsynth.curate import literal_gates
from hfsynth.fences import find_fences

SIGNATURE = literal_gates.compile(r"`(?P<name>[A-Za-z_]\w*)\((?P<params>[^()`]*)\)(?:\s*->\s*(?P<returns>[^`]*))?`")
# "Write isbn13_check_digit(prefix) that ...", "I need share_bill(total_cents, guests)": asked without backticks.
ASKED_BARE = literal_gates.compile(r"\b(?:write|implement|create|define|need|add|called|named|give me|make)\s+(?:me\s+)?(?:an?\s+)?"
                        r"(?:(?:python\s+|small\s+|helper\s+)?(?:function|method|helper)\s+)?(?P<name>[A-Za-z_]\w*)\((?=[^()]*\))", re.IGNORECASE)
BARE_SIGNATURE = literal_gates.compile(r"(?<![`\w.])(?P<name>[A-Za-z_]\w*)\((?P<params>[^()`\n]*)\)(?!`)")


class AskedSignature(NamedTuple):
    spelled: str
    name: str
    params: List[str]
    returns: str = ""  # the annotation after "->", as spelled ("" when none is)


def _top_level_parts(params: str) -> List[str]:
    """Split at commas outside brackets: ``dict[str, int]`` is one annotation."""
    parts, depth, current = [], 0, ""
    for char in params:
        depth += char in "[{"
        depth -= char in "]}"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [p for p in parts + [current] if p.strip()]


def _spelled(instruction: str) -> Iterator[re.Match]:
    yield from SIGNATURE.finditer(instruction)
    for asked in ASKED_BARE.finditer(instruction):
        match = BARE_SIGNATURE.match(instruction, asked.start("name"))
        if match:
            yield match


def asked_signatures(instruction: str) -> Iterator[AskedSignature]:
    """Each signature whose parameters are all names (``f(3, 4)`` is a call with values, not one)."""
    for match in _spelled(instruction):
        names = [part.split("=")[0].split(":")[0].strip().lstrip("*") for part in _top_level_parts(match.group("params"))]
        names = [n for n in names if n not in ("", "/")]  # the bare `*` and `/` markers
        if all(re.fullmatch(r"[A-Za-z_]\w*", n) for n in names):
            returns = match.groupdict().get("returns") or ""
            yield AskedSignature(match.group(0), match.group("name"), names, returns.strip())


# A fenced block that is one signature, without ``def``: "```python\ncleaning_rota(boats: list[str], start=time(10, 0))\n```".
FENCED_SIGNATURE = literal_gates.compile(r"\s*(?:def\s+)?(?P<name>[A-Za-z_]\w*)\((?P<params>[^`]*)\)\s*(?:->\s*(?P<returns>[^`:]*?))?\s*:?\s*(?:\.\.\.|pass)?\s*")


def _defined(source: str, name: str) -> List[ast.FunctionDef]:
    """The functions called ``name`` that ``source`` defines at its top level (none when it is no Python)."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError):
        return []
    return [node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name]


def asked_annotations(instruction: str, name: str) -> Dict[str, ast.expr]:
    """The annotations the instruction writes for the parameters of the function ``name``: in a signature in
    backticks (`free_per_row(lines: list[str]) -> dict[str, int]`), in a fenced block that is a signature alone, or in a
    fenced ``def`` the instruction gives to implement. A model that drops them from its own ``def`` still takes
    what the instruction says it takes. A parameter the instruction spells with two different annotations gets none."""
    found: Dict[str, ast.expr] = {}
    doubtful = set()
    sources = [f"def {s.name}({s.spelled[s.spelled.index('(') + 1: s.spelled.rindex(')')]}): pass"
               for s in asked_signatures(instruction) if s.name == name and ":" in s.spelled]
    for fence in find_fences(instruction):
        if fence.tag not in ("", "python", "py", "python3") or f"{name}(" not in fence.code:
            continue
        whole = FENCED_SIGNATURE.fullmatch(fence.code)
        if whole and whole.group("name") == name:
            sources.append(f"def {name}({whole.group('params')}): pass")
        else:
            sources.append(fence.code)
    for source in sources:
        for function in _defined(source, name):
            a = function.args
            for arg in a.posonlyargs + a.args + a.kwonlyargs:
                if arg.annotation is None:
                    continue
                if arg.arg in found and ast.dump(found[arg.arg]) != ast.dump(arg.annotation):
                    doubtful.add(arg.arg)
                found.setdefault(arg.arg, arg.annotation)
    return {param: annotation for param, annotation in found.items() if param not in doubtful}
