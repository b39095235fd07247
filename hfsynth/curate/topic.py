"""Does the code answer its instruction? A lexical test for the answer to another task.

A small model asked for a leap-year check often writes the Fibonacci function it knows best; a
large one answers the previous task of its context. Such code is valid, tested and clean, and
every other check keeps it. What gives it away is that it shares no word with its instruction: a
solution names its function, variables, strings or comments after what it was asked to do
(``is_leap_year``, ``year``; ``celsius``; ``# divisible by 4``).

The instruction's content words (not the words every coding task has: "write", "function", "list",
"return"...) are looked for in the code and in the response around it: a three-letter word (``sum``,
``odd``) as a whole identifier word; a longer one by its first four letters anywhere (``celsius`` in
``to_celsius``), by its first three letters as a whole identifier word (``fibonacci`` -> ``fib``) or
by the short form programmers use for it (``maximum`` -> ``max``, ``dictionary`` -> ``dict``); and
runs of two to four words by their initials (``greatest common divisor`` -> ``gcd``; not a module
the code imports: ``re`` is no sign of "regular expression"). The code
answers another task when none is found. Only English instructions of two content words or more
(or one specific word of six letters or more, "palindrome", when the code's names are about
something: ``fibonacci``, not ``f``),
and code that defines a function or class (a name it chose) that the instruction does not name
(``f0``), are judged: a one-line swap script names nothing.

Measured: 1 of the 447 good rows of the labelled sets in ``tests/`` shares no word with its instruction
(``conversion_table`` for "(celsius, fahrenheit) pairs"), and 4 of HumanEval's 164 canonical solutions
stripped of their docstrings (terse code: ``modp`` for "2^n modulo p"). Of the 10 answers to another
task in those sets, which nothing else removed, 7 are found; not ``circle_area`` for a triangle's area
(a shared word), nor code for "the n-th prime number" or "the median of a list" (one content word is
not judged).
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, parse_python

COMMON = frozenset(
    """write writes function functions python program programs class classes method methods return returns returning
    given that which with from into each list lists string strings number numbers value values should takes take taking
    using implement implements create creates make makes find finds check checks whether input inputs output outputs
    element elements item items result results following task tasks code simple their there this these those have will
    would could also only then than when where what your yours them they script scripts solution solve solver helper main func accepts accept
    argument arguments parameter parameters provided provide returned called calls call does done other same such
    into onto over under about after before while more most less least many much some every
    convert converts converting compute computes computing calculate calculates calculating""".split()
)
SHORT_COMMON = frozenset(
    "the and for are its all one two not but can has use get set new any may end you out how why was who let our own per via yet etc "
    "put run add see way too few off lot got had his her him she did say don".split()
)
SHORT_FORMS = {
    "maximum": ("max",), "largest": ("max",), "biggest": ("max",), "highest": ("max",), "greatest": ("max",),
    "minimum": ("min",), "smallest": ("min",), "lowest": ("min",), "average": ("avg", "mean"), "mean": ("avg",),
    "duplicates": ("dedup", "dedupe", "uniq", "unique"), "duplicate": ("dedup", "dedupe", "uniq", "unique"),
    "difference": ("diff", "delta"), "dictionary": ("dict",), "dictionaries": ("dict", "dicts"), "integer": ("int",),
    "integers": ("int", "ints"), "count": ("cnt", "counter"), "temperature": ("temp",), "index": ("idx",),
    "length": ("len",), "character": ("char", "ch"), "characters": ("char", "chars"), "previous": ("prev",),
    "current": ("cur", "curr"), "message": ("msg",), "configuration": ("config", "cfg"), "directory": ("dir",),
    "reverse": ("rev",), "reversed": ("rev",), "sequence": ("seq",), "frequency": ("freq",), "position": ("pos",),
    "consecutive": ("pairwise", "step"), "square": ("sqrt", "pow"), "product": ("prod", "mul", "multiply"), "total": ("sum",),
    "modulo": ("mod",), "ordered": ("sort", "sorted"), "order": ("sort", "sorted"), "positions": ("pos", "idx", "index"),
}
WORD = literal_gates.compile(r"[A-Za-z]+")
IDENTIFIER = literal_gates.compile(r"[A-Za-z_]\w*")


def _words(text: str) -> List[str]:
    """Lower-case words, identifiers split at underscores and camelCase."""
    return [w.lower() for w in WORD.findall(re.sub(r"([a-z])([A-Z])", r"\1 \2", text))]


def content_words(instruction: str) -> List[str]:
    """The instruction's words that name what it is about, in order (``sum``, ``odd`` and ``gcd`` too)."""
    return [w for w in _words(instruction) if (len(w) >= 4 and w not in COMMON) or (len(w) == 3 and w not in SHORT_COMMON)]


def _found(word: str, code_text: str, code_words: Set[str]) -> bool:
    if len(word) == 3:
        return word in code_words
    return word[:4] in code_text or word[:3] in code_words or any(s in code_words for s in SHORT_FORMS.get(word, ()))


def _names_a_topic(defined) -> bool:
    """Some name the code chose holds a content word (``fibonacci``, ``km_to_miles``), not only
    generic ones (``f``, ``solve``, ``helper``)."""
    return any(content_words(name) for name in defined)  # content_words splits km_to_miles


def answers_another_task(instruction: str, code: str, english: bool, response: str = "") -> Optional[str]:
    """The instruction's first content words when the code, and the ``response`` around it, hold none of
    them (nor their short forms or initials), else None. ``english``: whether the instruction is English
    (other languages are not judged)."""
    if not english:
        return None
    tree = parse_python(code)
    if tree is None:
        return None
    defined = {n.name.lower() for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    if not defined or defined & {w.lower() for w in IDENTIFIER.findall(instruction)}:  # nothing named, or named as asked (`f0`)
        return None
    wanted = content_words(instruction)
    if len(set(wanted)) < 2 and not (wanted and len(wanted[0]) >= 6 and _names_a_topic(defined)):
        return None  # one word is judged only when it is specific (palindrome) and the code's names say what they are about
    code_text = (code + "\n" + response).lower()
    code_words = set(_words(code + "\n" + response))
    if any(_found(w, code_text, code_words) for w in wanted):
        return None
    every = [w for w in _words(instruction) if len(w) >= 3]
    initials = {"".join(w[0] for w in every[i : i + k]) for k in (2, 3, 4) for i in range(len(every) - k + 1)}
    imported = {(a.asname or a.name).split(".")[0].lower() for n in nodes_of(tree, (ast.Import, ast.ImportFrom)) for a in n.names}
    if initials & (code_words - imported):  # `re` imported is not "regular expression"'s initials
        return None
    return ", ".join(dict.fromkeys(wanted[:4]))
