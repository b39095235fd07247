"""Signatures an instruction spells, in backticks (`make_slug(title: str, max_length: int = 30) -> str`)
or bare after the verb that asks for them ("I need sort_deliveries(deliveries, key='eta',
descending=False)"): the function's name and its parameters' names, read the same way by every rule
that holds code to them."""
from __future__ import annotations

import re
from typing import Iterator, List, NamedTuple

from hfsynth.curate import literal_gates

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
