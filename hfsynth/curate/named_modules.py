"""Does the code use the module its instruction asks for?

"Return the length of a header using base64", "Use the heapq module", "with `itertools`": a task
that names a module to use is answered by code that uses it. A small model writes the function it
knows instead (``return len(b)``); the result is clean, on topic by its words, and teaches the wrong
thing. A mention counts as a requirement when it is unmistakably a module:

- a dotted name of one (``math.isqrt``, ``re.sub``; not in "(a `datetime.date`)" nor "(`datetime.date`)", a value's kind) or
  "the X module / library / package";
- a module name that is no English word (``heapq``, ``itertools``, ``base64``, ``numpy``) after a
  verb of use ("use", "using", "with", "via", "import", "leverage") a few words before it.

Modules named like words ("random", "string", "math", "time", "json") count only in the first two
forms: "using random numbers" and "using string slicing" ask for no module. A mention after
"without", "not", "instead of", "e.g.", "such as", "like" or next to "or" is no requirement. The
code uses the module when its name is one of the code's identifiers (an import, ``np`` for numpy
too), not only words of its strings or comments.
"""

from __future__ import annotations

import io
import re
import tokenize
from typing import Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import STDLIB_MODULES
from hfsynth.fences import find_fences

# Standard-library names that are also English words or file formats: named bare, they mean the thing.
WORD_LIKE = frozenset(
    """abc array ast bisect builtins calendar chunk cmd code codecs collections copy csv curses decimal dis email enum
    fractions gc glob gzip html http imp inspect io json keyword locale logging math mmap numbers nt operator os pipes
    platform profile pty queue random re readline resource sched secrets select selectors shelve signal site socket ssl
    stat statistics string struct this threading multiprocessing time token trace traceback tty turtle types typing wave
    xml venv uuid concurrent warnings""".split()
)
# Popular third-party packages, by the names instructions use, and the import name (and alias) code uses.
THIRD_PARTY = {
    "numpy": ("numpy", "np"), "pandas": ("pandas", "pd"), "scipy": ("scipy",), "matplotlib": ("matplotlib", "plt"),
    "sklearn": ("sklearn",), "scikit-learn": ("sklearn",), "seaborn": ("seaborn", "sns"), "networkx": ("networkx", "nx"),
    "sympy": ("sympy", "sp"), "tensorflow": ("tensorflow", "tf"), "pytorch": ("torch",), "beautifulsoup": ("bs4",),
}
STDLIB = frozenset(name for name in STDLIB_MODULES if not name.startswith("_")) - {"this", "antigravity"}
DISTINCTIVE = (STDLIB - WORD_LIKE) | frozenset(THIRD_PARTY)

USE_VERB = literal_gates.compile(
    r"\b(?:use|uses|using|used|with|via|import|importing|leverage|leveraging|employ|employing|utili[sz]e|utili[sz]ing|rely on|relying on|"
    r"call|calls|calling|based on|by means of|help of)\b",
    re.IGNORECASE,
)
NOT_REQUIRED = literal_gates.compile(
    r"\b(?:without|not|no|never|nor|avoid|avoiding|instead|rather|e\.g|eg|such as|like|similar|unlike|except|or|"
    r"don't|doesn't|shouldn't|mustn't|can't|cannot|dont)(?!\w)", re.IGNORECASE
)
DOTTED = literal_gates.compile(r"(?<![\w.@/-])([A-Za-z_]\w*)\.(?!(?:py|txt|csv|json|md|html?|xml|ya?ml|cfg|ini|log|zip|gz|tar|com|org|net|io)\b)[A-Za-z_]\w*")
NAMED_MODULE = literal_gates.compile(r"(?<![\w.])`?([A-Za-z_][\w-]*)`?(?:'s)? (?:module|library|package)\b", re.IGNORECASE)
# A name in quotes is a value ("'a.tar.gz' with 'bz2' gives 'a.tar.bz2'": an extension), not a module.
BARE_NAME = literal_gates.compile(r"(?<![\w.'\"-])`?([A-Za-z][\w-]*)`?(?![\w'\"-])")


# The noun after a module's name that makes the name a value's kind: "`datetime` values", "Decimal objects".
KIND_NOUN = literal_gates.compile(r"`?\s+(?:values?|objects?|instances?|items?|fields?|entries|elements?|columns?)\b", re.IGNORECASE)


def _before(text: str, start: int, words: int) -> str:
    return " ".join(text[:start].split()[-words:])


def _negated(text: str, start: int, end: int) -> bool:
    """A mention that asks not to use the module, offers it as an example or as one of alternatives."""
    return bool(NOT_REQUIRED.search(_before(text, start, 5)) or re.match(r"\W{0,3}(?:or|nor)\b", text[end:], re.IGNORECASE))


def required_modules(text: str) -> list:
    """The modules an instruction's prose (without its quoted code: ``import ctypes`` asks for nothing)
    asks the code to use, as import names, in order of mention."""
    found = []
    for pattern, known, window in ((DOTTED, STDLIB | set(THIRD_PARTY), 6), (NAMED_MODULE, STDLIB | set(THIRD_PARTY), 6), (BARE_NAME, DISTINCTIVE, 4)):
        for match in pattern.finditer(text):
            name = match.group(1).lower()
            if name not in known:
                continue  # most words name no module: the tests below read the whole text before each
            if re.search(r"\(\s*(?:(?:a|an)\b)?\W*$", text[: match.start()], re.IGNORECASE):
                continue  # "`"date"` (a `datetime.date`)", "(`datetime.date`)": the kind of a value, in passing, not a module to use
            if KIND_NOUN.match(text, match.end()) or re.match(r"`?s\b", text[match.end():]):
                continue  # "a list of (flight, on_block, claimed_at) with `datetime` values", "with `datetime`s": what the inputs are, not what to use
            if USE_VERB.search(_before(text, match.start(), window)) and not _negated(text, match.start(), match.end()):
                found.append((match.start(), name))
    return list(dict.fromkeys(name for _, name in sorted(found)))


def _names(code: str) -> set:
    """The identifiers the code holds outside its strings and comments: a docstring that says
    "using base64" does not use it."""
    names = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.NAME:
                names.add(token.string)
    except (tokenize.TokenError, IndentationError, SyntaxError):
        names.update(re.findall(r"[A-Za-z_]\w*", code))
    return names


def _uses(names: set, module: str) -> bool:
    return any(name in names for name in THIRD_PARTY.get(module, (module,)))


def ignored_module(instruction_prose: str, response: str) -> Optional[str]:
    """The first module the instruction's prose asks for that no code block of the ``response`` names, else None."""
    required = required_modules(instruction_prose)
    if not required:
        return None  # most instructions name no module: the response's blocks need not be tokenized
    names = set().union(*(_names(fence.code) for fence in find_fences(response)))
    for module in required:
        if not _uses(names, module):
            return module
    return None
