"""The literal gates in front of the row checks' patterns: a gate may only skip a search that finds nothing."""

from __future__ import annotations

import gzip
import importlib
import json
import pickle
import pkgutil
import re
from pathlib import Path

import pytest

import hfsynth.curate
from hfsynth.curate import literal_gates
from hfsynth.curate.literal_gates import GatedPattern, caseless_text, needles


def _gated_patterns():
    """Every gated pattern of the curate package: module globals, and those held in their tuples, lists and dicts."""
    found = {}

    def collect(value, depth=0):
        if isinstance(value, GatedPattern):
            found[id(value)] = value
        elif depth < 3 and isinstance(value, (tuple, list, frozenset, set)):
            for item in value:
                collect(item, depth + 1)
        elif depth < 3 and isinstance(value, dict):
            for item in value.values():
                collect(item, depth + 1)

    for module in pkgutil.iter_modules(hfsynth.curate.__path__):
        for value in vars(importlib.import_module(f"hfsynth.curate.{module.name}")).values():
            collect(value)
    return list(found.values())


def test_needles_are_what_every_match_contains():
    assert needles(re.compile(r"\bhalf[- ]?up\b", re.IGNORECASE)) == {"half"}
    assert needles(re.compile(r"\b(?:round|rounding)\s+up\b", re.IGNORECASE)) == {"round"}  # "rounding" holds "round"
    assert needles(re.compile(r"\b(?:sorted|ordered)\b")) == {"sorted", "ordered"}
    assert needles(re.compile(r"in place|in-place")) == {" place", "-place"}  # re's parse keeps the common "in" apart
    assert needles(re.compile(r"(?:abc)?defg")) == {"defg"}  # an optional part is no needle
    assert needles(re.compile(r"x*(?:ab){2,}")) == {"ab"}
    assert needles(re.compile(r"(?=[^.]*\bsorted\b)\w+ly")) == {"sorted"}  # a lookahead's text is in the string
    assert needles(re.compile(r"Human|User")) == {"Human", "User"}
    assert needles(re.compile(r"(?i:Human)|User")) is None  # one branch in any case: no gate for the pattern
    assert needles(re.compile(r"(\S.{5,79}?)\1+")) is None  # a back-reference: nothing literal
    assert needles(re.compile(r"a|bc")) is None  # "a" is in almost every text
    assert needles(re.compile(r"(?!foo)bar")) == {"bar"}  # a negative lookahead gives nothing, the rest does
    assert needles(re.compile(r"café|naïve", re.IGNORECASE)) == {"caf", "na"}  # no needle through a non-ASCII letter


def test_caseless_texts_keep_every_letter_re_folds_onto_ascii():
    """Under IGNORECASE re matches an ASCII character with a few others (the Kelvin sign with "k", the long s
    with "s", dotless and dotted I with "i"): the gate's text must hold that ASCII character wherever re sees it."""
    every_other = "".join(map(chr, range(0x80, 0x110000)))
    folding = set(re.findall(r"[\x20-\x7e]", every_other, re.IGNORECASE))
    assert folding, "re folds some non-ASCII characters onto ASCII letters"
    for char in folding:
        for ascii_char in map(chr, range(0x20, 0x7F)):
            if re.fullmatch(re.escape(ascii_char), char, re.IGNORECASE):
                assert ascii_char.lower() in caseless_text(f"a{char}b"), (hex(ord(char)), ascii_char)
    assert caseless_text("İstanbul") == "istanbul"  # not "i̇stanbul": lower() alone would split the needle "ist"


def test_a_gate_skips_only_searches_that_find_nothing():
    """Every gated pattern of the checks, on real instructions and answers and on texts that spell its needles
    in other cases and with the letters re folds onto ASCII: where the gate skips the search, re finds nothing."""
    rows = [json.loads(line) for line in gzip.open(Path(__file__).parent / "labelled_blind150.jsonl.gz", "rt")][:25]
    texts = [text for row in rows for text in (row["instruction"], row["response"])]
    patterns = _gated_patterns()
    assert len(patterns) > 400 and sum(p._needles is not None for p in patterns) > 300
    skipped = 0
    for pattern in patterns:
        spelled = []
        for needle in pattern._needles or ():
            odd = needle.upper().replace("I", "İ").replace("K", "K").replace("S", "ſ")
            spelled += [f"Say {needle.upper()} now.", f"Say {odd} now.", f"Say {needle.replace('i', 'ı')} now."]
        for text in texts + spelled:
            if pattern._cannot_match(text):
                skipped += 1
                assert pattern.compiled.search(text) is None, (pattern.pattern[:80], text[:80])
    assert skipped > 10_000  # the gates do skip most searches


def test_a_gated_pattern_answers_as_re_does():
    gated = literal_gates.compile(r"\b(?P<verb>round)(?:s|ed)?\s+up\b", re.IGNORECASE)
    plain = re.compile(gated.pattern, gated.flags)
    for text in ("Rounds up to 5, then ROUND UP again.", "nothing here", "İt rounded up"):
        assert [m.span() for m in gated.finditer(text)] == [m.span() for m in plain.finditer(text)]
        assert gated.findall(text) == plain.findall(text) and gated.split(text) == plain.split(text)
        assert gated.sub("x", text, count=1) == plain.sub("x", text, count=1) and gated.subn("x", text) == plain.subn("x", text)
        assert bool(gated.search(text)) == bool(plain.search(text)) and bool(gated.match(text)) == bool(plain.match(text))
    assert gated.groupindex["verb"] == 1 and gated.groups == 1
    copy = pickle.loads(pickle.dumps(gated))
    assert copy == gated and copy.search("round up").group("verb") == "round"


@pytest.mark.parametrize("text", [None, b"round up"])
def test_what_re_refuses_a_gate_refuses_too(text):
    with pytest.raises(TypeError):
        literal_gates.compile(r"round up").search(text)
