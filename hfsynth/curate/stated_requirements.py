"""Does the code keep what its instruction requires in so many words?

Evol-Instruct's "add constraints" step writes requirements into tasks ("without using sorted()",
"using recursion", "case-insensitive", "raise ValueError on empty input"), and a model that cannot
meet them answers the plain task. The answer runs, its own asserts pass, and it teaches that a
requirement may be ignored. What is read, each only where the words leave no doubt:

- a call the instruction forbids ("without using `sorted()`", "do not use bin() or list.sort()",
  "don't use itertools") that the code makes (``sorted`` and ``sort``, ``reversed`` and
  ``reverse`` count as one);
- "a generator function" / "a generator that yields" / "as a generator", and no ``yield`` nor
  generator expression in the code;
- "using recursion" / "a recursive function" / "recursively", and no function of the code that calls
  itself (directly or through another); a directory walked with ``os.walk`` or ``rglob`` is recursive
  enough, and "the following recursive function ... make it iterative" asks for the opposite;
- "case-insensitive" / "ignoring case" / "regardless of case", and no case folding (``lower``,
  ``upper``, ``casefold``, ``re.IGNORECASE``, a literal that holds both cases of a letter);
- "ignoring punctuation" / "punctuation must be ignored" / "when case, spaces and punctuation are
  ignored", and nothing that could drop a character (a character-class test, ``string.punctuation``, a
  regex, ``translate``, a filter, a ``replace`` or ``strip`` of something other than whitespace);
- "duplicates removed" / "remove duplicates", and nothing that could remove one (a set, dict keys, a
  membership test such as ``x not in seen``, not the ``in`` of a ``for``; a count, a comparison);
- "O(1) extra space" / "constant memory", and a local collection that a loop grows, or a copy of an
  argument (``set(nums)``, ``sorted(nums)``, a comprehension over it), that is not the result;
- negative numbers to be read ("including negative numbers such as -12"), and the code's number
  patterns (``re.findall(r"\\d+", text)``) none of which can match a minus sign;
- an error asked for an unknown unit, key, code... ("raise ValueError for unknown units"), and a
  lookup in the code's own table with a default (``UNITS.get(unit, 1)``) and no ``in UNITS`` test;
- "raise ValueError ...", and the code never names ValueError nor makes a call that raises it
  (``int(text)``), or names it only to catch it and go on (``except ValueError: return None``);
  exceptions Python raises by itself (``IndexError`` of ``[].pop()``) are not read;
- "without slicing", "no loops", "without importing any modules" (or "external libraries": then
  standard modules are allowed), and the code slices, loops or imports;
- halves to be rounded up ("halfway cases round up", "round half up"), and the builtin ``round()``,
  which rounds halves to the even neighbour (``round(2.5) == 2``), with nothing that rounds up; and a
  result "rounded up" (a ceiling) answered by ``round()`` alone;
- an input the instruction says may be a one-shot iterable, read as a list
  (:mod:`hfsynth.curate.one_shot_inputs`);
- a pattern found "anywhere in" the text, and only ``re.match``/``.match()``, which tries the start
  (a loop over positions may make it search; ``while match:`` from the last match's end does not), also
  ``match`` of each item of a parameter (``[line for line in lines if pattern.match(line)]``);
- an answer given for nothing ("0.0 if nobody worked overtime"), and ``max()``/``min()`` with no default in a
  function that tests nothing: ValueError on exactly that input;
- words "separated by any whitespace" (tabs, newlines), and ``split(" ")`` with no ``split()``;
- promises about behaviour (:func:`_kept_promise`): "must be iterative" and a function that calls
  itself, a TypeError for a wrong type and no type check, cleanup "even if the block raises" and a
  ``@contextmanager`` whose ``yield`` no ``try`` guards, "keep ``__name__``" and a wrapper without
  ``functools.wraps``, the global ``random`` state left alone and ``random.seed()``, the input left
  unchanged and ``param.sort()``; a list changed "in place" and a function that never changes any of
  its arguments (no item assigned or deleted, no mutating method, no call it is handed to) and
  builds a new one instead (:func:`_ignored_in_place`);
- a rule for "the first or the last word" (item, character), and code that looks at the first
  (``i == 0``) and nowhere at the last: no ``[-1]``, no ``len(...) - 1``, no name that says "last",
  no reversal;
- what "appears in both", and code that unites the two (``a | b``) and never intersects them;
- a rule kept "only for `gmail.com` addresses", and code that never names ``gmail.com``;
- JSON "keys sorted", and ``json.dumps`` with no ``sort_keys`` nor ``sorted``;
- a library's constant to use by name ("rounds using ROUND_HALF_UP"), and code that never names it;
- the last exception "re-raised" (propagated), and code that catches it and never raises.

Order (ties, first occurrences, duplicates in a row, ascending or descending) is read in
:mod:`hfsynth.curate.order_requirements`, numbers and bounds (ranges, tiers, limits, rounding,
intervals, working days) in :mod:`hfsynth.curate.bound_requirements`; both are checked here, after
the asks above.

Markdown emphasis is read through ("a **recursive** function").

Each is skipped after "without", "not", "no", "instead of" ("iteratively, not recursively").
"""

from __future__ import annotations

import ast
import builtins
import re
from typing import Optional, Set

from hfsynth.curate import literal_gates
from hfsynth.curate.bound_requirements import BOUND_ASKS, broken_bound
from hfsynth.curate.error_cases import missing_error_case
from hfsynth.curate.one_shot_inputs import reread_iterator
from hfsynth.curate.order_requirements import ORDER_ASKS, broken_order, settled_by_the_input
from hfsynth.curate.python_ast import STDLIB_MODULES, nodes_of, own_scope_nodes, parse_python, store_counts, string_constants, unparsed, values_bound_once, walk, without_docstrings
from hfsynth.curate.requirement_words import EMPHASIS, RAISE_ASK, RAISES_VALUE_ERROR, constant_value, keys_a_dict, negated, tests_membership, walk_outside_asserts
from hfsynth.curate.weekday_requirements import other_days

FORBIDDING = literal_gates.compile(
    r"\b(?:without(?: using| calling| the help of)?|(?:do not|don't|never|must not|mustn't|cannot|can't|should not|shouldn't|not allowed to|may not)"
    r" (?:use|call|rely on|import)|not (?:using|use|calling)|avoid(?:ing)?(?: using| calling)?|no)\s+(?:the |any )?(?:built-?in |standard )?"
    r"(?P<names>(?:`?[\w.]+(?:\(\))?`?(?: (?:function|method|module|library))?(?:,\s*|\s+or\s+|\s+and\s+|\s*/\s*)?){1,4})",
    re.IGNORECASE,
)
FORBIDDEN_NAME = literal_gates.compile(r"`?(?P<dotted>[A-Za-z_][\w.]*?)(?P<call>\(\))?`?(?= |,|/|$|\)|\.(?!\w))")
SAME_CALL = {"sort": {"sort", "sorted"}, "sorted": {"sort", "sorted"}, "reverse": {"reverse", "reversed"}, "reversed": {"reverse", "reversed"}}
STDLIB = frozenset(name for name in STDLIB_MODULES if not name.startswith("_"))
BUILTIN_METHODS = {name for kind in (str, list, dict, set, tuple, int, float, bytes) for name in dir(kind) if not name.startswith("_")}
CALLABLE_NAMES = set(dir(builtins)) | BUILTIN_METHODS

GENERATOR_ASK = literal_gates.compile(r"\bgenerator (?:function|that (?:lazily )?yields|which yields)\b|\bas an? (?:lazy )?generator\b|\busing an? generator\b|\bgenerator expression\b", re.IGNORECASE)
RECURSION_ASK = literal_gates.compile(
    r"\b(?:using|use|with|via|through|by) recursion\b|\ban? recursive (?:function|solution|approach|implementation|algorithm|helper|version)\b|\brecursively\b",
    re.IGNORECASE,
)
ITERATIVE_ASK = literal_gates.compile(r"\biterative(?:ly)?\b|\bexplicit stack\b|\bwithout recursion\b", re.IGNORECASE)
# Recursion forbidden in so many words: "must be iterative", "no recursion", "not recursive".
NO_RECURSION = literal_gates.compile(
    r"\b(?:must|should|has to|needs to)\s+be\s+iterative\b|\b(?:no|without|avoid|avoiding|not use|don't use|do not use)\s+(?:any\s+)?recursion\b|\bnot\s+recursive(?:ly)?\b|\bnon-recursive(?:ly)?\b|"
    r"\b(?:instead of|rather than)\s+(?:using\s+)?recursion\b|\bimplement\w*\s+(?:it\s+|this\s+)?iteratively\b(?![^.]*\b(?:and|or)\s+recursively\b)",
    re.IGNORECASE,
)
# Exceptions Python raises by itself (``[].pop()``, ``1 / 0``, ``d[k]``): code may rightly let them happen.
RAISED_BY_PYTHON = {"IndexError", "KeyError", "ZeroDivisionError", "TypeError", "StopIteration", "AttributeError", "RecursionError", "FileNotFoundError", "OSError", "UnicodeDecodeError", "Exception"}
CASE_ASK = literal_gates.compile(
    r"\bcase[- ]?insensitive(?:ly)?\b|\bignor(?:e|es|ing)\s+(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+))*(?:the\s+|letter\s+)*(?:case|capitali[sz]ation)\b|"
    r"\bregardless of (?:the |letter )?(?:case|capitali[sz]ation)\b|\bcase (?:does not|doesn't) matter\b|"
    r"\b(?:differ|differs|differing|vary|varies)\s+in\s+(?:\*\*)?(?:letter\s+)?case\b|"  # "plates may differ in **letter case**"
    r"\bignor(?:e|es|ing)\s+(?:the\s+|any\s+)?differences?\s+(?:in|of)\s+(?:letter\s+)?(?:case|capitali[sz]ation)\b|"  # "ignoring differences in case and surrounding whitespace"
    r"\bignor(?:e|es|ing)\s+(?:upper|lower)(?:case)?\s*(?:/|and|or|vs\.?)\s*(?:upper|lower)(?:case)?(?:\s+case)?\b|"  # "ignoring upper/lower case"
    r"\b(?:both|either)\s+(?P<q>[\"'`])(?P<w>[a-z]+)(?P=q)\s+(?:and|or)\s+(?P=q)(?P=w)(?P=q)",  # counting both "N" and "n" (the backreference ignores case too)
    re.IGNORECASE,
)
DEDUP_ASK = literal_gates.compile(r"\bduplicates? (?:removed|dropped|eliminated)\b|\b(?:remove|removes|removing|drop|drops|dropping|eliminate|eliminates|without|no) (?:the |any |all )?duplicates?\b|\bdeduplicat", re.IGNORECASE)
# What removing duplicates takes: a set, dict keys, a count, a comparison of neighbours, or a membership
# test (:func:`tests_membership`: ``x in seen``; the ``in`` of ``for x in xs`` is none).
# The sentence so far describes what the function is given ("Given a member's visit dates as a sorted list ... with no duplicates").
# Or tells what someone or something has or takes ("A skier has a list of season day numbers (ascending, no
# duplicates)"), with no word of what comes back.
GIVEN_SENTENCE = literal_gates.compile(r"(?:^|[.!?:]\s+)(?:(?:given|assume|assuming|the\s+input)\b[^.!?:]*|"
                            r"(?:(?!\breturn|\boutput|\bproduc|\byield|\bgives?\b)[^.!?:])*\b(?:has|have|takes|receives|accepts)\s+(?:a|an|the)\s+"
                            r"(?:(?!\breturn|\boutput|\bproduc|\byield|\bgives?\b)[^.!?:])*)$", re.IGNORECASE)
DEDUPING = literal_gates.compile(r"\bset\(|\bfrozenset\(|\bdefaultdict\(\s*(?:set|frozenset)\s*\)|fromkeys|setdefault|\bnot in\b|Counter|groupby|unique|\.count\(|!=|==|\bdedup")
PUNCTUATION_ASK = literal_gates.compile(r"\bignor(?:e|es|ing)\s+(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+))*(?:all\s+)?punctuation\b|\bpunctuation\s+(?:must|should)\s+be\s+(?:ignored|removed|stripped)\b|"
                             r"\bpunctuation\s+(?:is|are)\s+(?:ignored|disregarded)\b|\b(?:regardless\s+of|disregarding)\s+(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+))*punctuation\b", re.IGNORECASE)
# What dropping punctuation takes: a character class test, the punctuation set, a regex, a translation, a filter.
DROPS_PUNCTUATION = literal_gates.compile(r"isalnum|isalpha|isdigit|isspace|isidentifier|punctuation|\bre\.|\bregex\b|translate|maketrans|\bfilter\(|unicodedata|not in\b|\bin\s+['\"]|\[\^|\\W|\\w|ord\(")


def _drops_a_character(tree: ast.Module) -> bool:
    """``.replace(",", "")`` or ``.strip(".!?")``: a call that could drop punctuation (not ``.replace(" ", "")``
    nor a bare ``.strip()``, which drop only whitespace)."""
    for node in nodes_of(tree, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("replace", "strip", "lstrip", "rstrip") and node.args:
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.strip()):
                return True
    return False


# "rounded DOWN to the penny", "round down to whole minutes", "never round up": round() is to the nearest.
# "Round the result **up** to the next 0.5 L": a ceiling, which round() is not ("2.5 rounds up to 3" is a value's example).
ROUND_UP_ASK = literal_gates.compile(r"(?<!\d )(?<!\d)\b(?:round(?:ed|s|ing)?|bump(?:ed|s)?)\s+(?:(?:the|it|this|each|every|that)\s+(?:\w+\s+)?)?up\b|\bnever\s+round(?:ed|s|ing)?\s+down\b", re.IGNORECASE)
ROUNDS_UP = literal_gates.compile(r"\bceil\b|-\s*\(\s*-|//|\bint\(|ROUND_UP|ROUND_CEILING|ROUND_HALF_UP|\bquantize\b|\bDecimal\b|\+\s*0?\.\d*9|\+\s*1\b|\bdivmod\(|%")
# "rounded to the nearest minute (30 seconds rounds up)": the halfway rule of a rounding to the nearest, not a rounding up
# (round() gets it wrong all the same: it rounds halves to even).
NEAREST_BEFORE = literal_gates.compile(r"\bnearest\b[^.;\n]*$", re.IGNORECASE)
ROUND_DOWN_ASK = literal_gates.compile(r"\b(?:round(?:ed|s|ing)?|truncat(?:e|ed|es|ing))\s+down\b|\bnever\s+round(?:ed|s|ing)?\s+up\b", re.IGNORECASE)
ROUNDS_DOWN = literal_gates.compile(r"\bfloor\b|//|\bint\(|\btrunc\b|ROUND_DOWN|ROUND_FLOOR|\bquantize\b|\bDecimal\b")
HALF_UP_ASK = literal_gates.compile(
    r"\bhalf(?:way)?(?:[- ]way)?(?: points?| cases?| values?)?\s+(?:should |must |always |are |is )*round(?:s|ed)? up\b|\bround(?:s|ing)? half(?:[- ]way)? up\b|"
    r"\bround(?:s|ing)? (?:\.5|0\.5|halves) up\b|(?:\B\.5|\b0\.5|\bhalves)\s+(?:should |must |always |are |is |to |be )*round(?:s|ed|ing)? (?:up|away from zero)\b|"
    r"\bround(?:s|ed|ing)?[\s-]+half[- ]up\b|\bhalf[- ]up\s+rounding\b|\bROUND_HALF_UP\b|\bround\w*\b[^.\n]{0,60}\bhalf-up\b",  # "round every toll to whole cents half-up"  # "rounded half-up to the cent", "using round-half-up", "exact halves rounding up"
    re.IGNORECASE,
)
HALF_UP_DONE = literal_gates.compile(r"ROUND_HALF_UP|ROUND_HALF_EVEN|\bfloor\(|\bceil\(|\+\s*0?\.5\b|//|\bdivmod\(|\bint\(")
ANYWHERE_ASK = literal_gates.compile(r"\b(?:anywhere|somewhere) in\b|\bappears? (?:anywhere )?in (?:the |a )?(?:given )?(?:text|string|line|sentence)\b|\bwherever\b", re.IGNORECASE)
ANY_WHITESPACE_ASK = literal_gates.compile(r"\b(?:separated|delimited|split) by (?:any (?:amount|number|run) of |runs of |arbitrary |any )?whitespace\b|\bany (?:amount|number|run) of whitespace\b|\b(?:spaces|whitespace), tabs?(?:,)? (?:and|or) newlines?\b", re.IGNORECASE)
CASE_FOLDING = literal_gates.compile(r"\.(?:lower|upper|casefold|title|capitalize|swapcase)\b|IGNORECASE|\bre\.I\b|\(\?i\)|ascii_letters|str\.lower|str\.upper|"
                          r"\bfromhex\b|\bunhexlify\b|\bb16decode\([^)]*casefold=True|\bint\([^)]*,\s*16\)")  # hex digits read in either case by the library
LAZY_CALL = literal_gates.compile(r"(?:iter|map|filter|zip|itertools\.\w+|(?:islice|count|cycle|chain|accumulate|takewhile|dropwhile))\(")
RECURSIVE_WALK = literal_gates.compile(r"\bos\.walk\b|\brglob\b|recursive\s*=\s*True|\*\*/|\bos\.fwalk\b|\bPath\.walk\b|\.walk\(")


def _forbidden(prose: str) -> Set[str]:
    names = set()
    for match in FORBIDDING.finditer(prose):
        if re.match(r"no\b", match.group(0), re.IGNORECASE) and re.match(r"\s+(?!(?:module|library|package|imports?|functions?|methods?|calls?)\b)[a-z]", prose[match.end():]):
            continue  # "no decimal point when places is 0": a noun phrase, not the decimal module forbidden
        for item in FORBIDDEN_NAME.finditer(match.group("names")):
            dotted, call = item.group("dotted").strip("."), item.group("call")
            last = dotted.rpartition(".")[2]
            if call and last in CALLABLE_NAMES:
                names.add(last)
            elif not call and (dotted in STDLIB or (last in CALLABLE_NAMES and "." in dotted)):
                names.add(dotted if dotted in STDLIB else last)
    return names


def _calls_and_imports(tree: ast.Module) -> Set[str]:
    found = set()
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call):
            func = node.func
            found.add(func.id if isinstance(func, ast.Name) else getattr(func, "attr", ""))
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module.split(".")[0])
    return found


def _makes_a_generator(tree: ast.Module, expression: bool) -> bool:
    """A ``yield``, a function that returns a generator expression or a lazy iterator (``map``,
    ``itertools.count``), or an iterator class; for a generator expression asked for, any generator
    expression (``all(n % p for p in found)`` inside a list-building loop is no generator function)."""
    for node in walk(tree):
        if isinstance(node, (ast.Yield, ast.YieldFrom)) or (isinstance(node, ast.GeneratorExp) and expression):
            return True
        if isinstance(node, ast.Return) and (isinstance(node.value, ast.GeneratorExp) or LAZY_CALL.match(unparsed(node.value) if node.value else "")):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "__next__":
            return True
    return False


def recurses(tree: ast.Module) -> bool:
    """Some function of the code calls itself, directly or through the others it calls."""
    functions = {n.name: n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    calls = {
        name: {c.func.id if isinstance(c.func, ast.Name) else c.func.attr for c in nodes_of(node, ast.Call) if isinstance(c.func, (ast.Name, ast.Attribute))} & set(functions)
        for name, node in functions.items()
    }
    for start in functions:
        seen, stack = set(), list(calls[start])
        while stack:
            name = stack.pop()
            if name == start:
                return True
            if name not in seen:
                seen.add(name)
                stack.extend(calls.get(name, ()))
    return False


def _holds_both_cases(tree: ast.Module) -> bool:
    """A string literal of letters in both cases ("aeiouAEIOU", "[A-Za-z]") in a function or class: case handled
    by hand. Not a docstring nor a sentence (a capital opening "Return the word" handles no case), nor the
    example data below the code (``{"department": "Sales"}`` and ``"Sales "``)."""
    docstrings = {id(n.body[0].value) for n in nodes_of(tree, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) if n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    tables = [d for d in tree.body if isinstance(d, ast.Assign) and (isinstance(d.value, ast.Constant) or isinstance(d.value, (ast.Set, ast.Tuple, ast.List, ast.Call))
              and all(isinstance(e, ast.Constant) for e in getattr(d.value, "elts", d.value.args if isinstance(d.value, ast.Call) else [])))]  # VOWELS = "aeiouAEIOU"
    for node in (n for d in tree.body if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or d in tables for n in walk(d)):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings and not re.search(r"\s", node.value.strip()):
            letters = {c for c in node.value if c.isalpha()}
            if any(c.lower() in letters and c.upper() in letters and c.lower() != c.upper() for c in letters):
                return True
    return False


# Forbidden without a name to call: slicing, loops, imports ("without using slicing", "no loops",
# "without importing any modules"; "without external libraries" forbids non-standard imports only).
NO_SLICING = literal_gates.compile(r"\b(?:without|no|not|never|avoid|avoiding|don't|do not|must not|cannot|can't)\s+(?:\w+\s+){0,2}?(?:slicing|slices|slice notation|string slicing)\b", re.IGNORECASE)
NO_LOOPS = literal_gates.compile(
    r"\b(?:without|no|not|never|avoid|avoiding|don't|do not|must not|cannot|can't)\s+(?:using\s+|use\s+|writing\s+|explicit\s+)*(?:any\s+|a\s+|an\s+)?(?:explicit\s+)?"
    r"(?:(?:for|while)[- ]loops?\b|loops\b|loop\b(?=\s*(?:[,.;)]|$|\s+(?:or|and|statements?|constructs?)\b)))",
    re.IGNORECASE,
)
# "A lockfile without a "packages" key has no packages": the data's packages, not a ban on imports.
HOLDS_NONE = frozenset("has have had contains contain holds hold lists list returns return gives give yields yield is are there".split())


def _describes_data(prose: str, match: "re.Match[str]") -> bool:
    words = prose[: match.start()].split()
    return match.group(0).lower().startswith("no ") and bool(words) and words[-1].lower() in HOLDS_NONE


NO_IMPORTS = literal_gates.compile(
    r"\bwithout (?:importing|using|any) (?:any |external |third[- ]party )?(?:modules?|librar(?:y|ies)|imports|packages)\b|"
    r"\b(?:don't|do not|must not|cannot|can't|never) import\b|\bno (?:external |third[- ]party )?(?:imports|modules|librar(?:y|ies)|packages)\b",
    re.IGNORECASE,
)


CONSTANT_MEMORY = literal_gates.compile(r"\b(?:O\(1\)|constant)\s+(?:extra\s+|additional\s+|auxiliary\s+)?(?:memory|space)\b", re.IGNORECASE)
GROWS = frozenset({"add", "append", "extend", "insert", "update", "setdefault", "appendleft"})
COPYING = frozenset({"set", "list", "dict", "sorted", "frozenset", "tuple", "Counter", "deque"})


def _memory_that_grows(tree: ast.Module) -> Optional[str]:
    """A local collection (``visited = set()``) that a loop of its function grows and that the
    function never returns, or a copy of an argument (``set(nums)``, ``sorted(nums)``, a
    comprehension over it) that is not the result: memory that grows with the input, beside the result."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        own = list(own_scope_nodes(function))
        empty = {n.targets[0].id for n in own if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                 and (isinstance(n.value, (ast.List, ast.Dict, ast.Set)) and not getattr(n.value, "elts", getattr(n.value, "keys", None))
                      or isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) in ("set", "dict", "list") and not n.value.args)}
        returned = {m.id for r in own if isinstance(r, ast.Return) and r.value is not None for m in nodes_of(r.value, ast.Name)}
        for loop in (n for n in own if isinstance(n, (ast.For, ast.While, ast.AsyncFor))):
            for n in walk(loop):
                grown = (n.func.value.id if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in GROWS
                         and isinstance(n.func.value, ast.Name) else None)
                if isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and isinstance(n.value, ast.Name):
                    grown = n.value.id
                if grown in empty and grown not in returned:
                    return grown
        # set(nums), sorted(nums), [x for x in nums]: a copy of the input, unless it is what the function returns
        results = [r.value for r in own if isinstance(r, ast.Return) and r.value is not None] + [
            n.value for n in own if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id in returned for t in n.targets)]
        result_ids = set()
        while results:  # the result, and what it is built from directly: sorted([x * x for x in xs])
            value = results.pop()
            result_ids.add(id(value))
            if isinstance(value, ast.Call) and getattr(value.func, "id", None) in COPYING:
                results.extend(value.args)
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
        for n in own:
            copies = isinstance(n, (ast.ListComp, ast.SetComp, ast.DictComp)) or (
                isinstance(n, ast.Call) and getattr(n.func, "id", None) in COPYING and n.args)
            if copies and id(n) not in result_ids and params & {m.id for m in nodes_of(n, ast.Name)}:
                return unparsed(n)[:40]
    return None


def _forbidden_construct(prose: str, tree: ast.Module) -> Optional[str]:
    """Slicing, a loop or an import the instruction forbids in so many words, made by the code (not by its asserts)."""
    nodes = list(walk_outside_asserts(tree))
    memory = CONSTANT_MEMORY.search(prose)
    grown = _memory_that_grows(tree) if memory and not negated(prose, memory.start()) else None
    if grown:
        return f"the instruction asks for {memory.group(0)!r} and the code keeps memory that grows with the input ({grown})"
    if NO_SLICING.search(prose) and any(isinstance(n, ast.Slice) for n in nodes):
        return "the instruction forbids slicing and the code slices"
    if NO_LOOPS.search(prose) and any(isinstance(n, (ast.For, ast.While, ast.AsyncFor)) for n in nodes):
        return "the instruction forbids loops and the code loops"
    match = next((m for m in NO_IMPORTS.finditer(prose) if not _describes_data(prose, m)), None)
    if match:
        imported = {a.name.split(".")[0] for n in nodes if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in nodes if isinstance(n, ast.ImportFrom) and n.module and not n.level}
        imported -= {"typing", "__future__"}  # annotations import nothing the task is about
        if re.search(r"external|third[- ]party", match.group(0), re.IGNORECASE):
            imported -= STDLIB
        if imported:
            return f"the instruction forbids imports ({match.group(0)!r}) and the code imports {', '.join(sorted(imported))}"
    return None


TYPE_CHECK_ASK = literal_gates.compile(r"\b(?:is not|isn't|are not|aren't|not)\s+(?:an?\s+)?`?(?:int|integer|str|string|list|number|float|dict)s?\b|\bnon-(?:integer|string|numeric)\b|\bwrong type\b", re.IGNORECASE)
EXCEPTION_SAFE = literal_gates.compile(r"\b(?:even|also)\s+(?:\w+\s+){0,2}(?:if|when)\b[^.]{0,60}\b(?:rais\w*|exceptions?|errors?|fails?)\b|\bexception[- ]safe\b", re.IGNORECASE)
KEEPS_METADATA = literal_gates.compile(r"`?__(?:name|doc)__`?|\b(?:preserv|keep|retain)\w*\b[^.]{0,40}\b(?:name|docstring|metadata)\b", re.IGNORECASE)
GLOBAL_RANDOM = literal_gates.compile(r"\bglobal\s+`?random`?\s*(?:module|state|generator)?|\brandom module's (?:global )?state\b", re.IGNORECASE)
NO_MUTATION = literal_gates.compile(
    r"\b(?:must|should|does|do|will)\s+not\s+(?:be\s+)?(?:modif|mutat|chang|alter)\w*|\b(?:don't|doesn't|never)\s+(?:modif|mutat|alter)\w*|\boriginal\s+(?:list|input|array|dict|sequence)\b[^.]{0,40}\b(?:unchanged|untouched|intact|unmodified)\b|"
    r"\bwithout\s+(?:modifying|mutating|changing|altering)\s+(?:the\s+)?(?:original|input|given)\b|"
    r"\bneither\b[^.]{0,60}\bmay\s+be\s+(?:modif|mutat|chang|alter)\w*|\bmay\s+not\s+be\s+(?:modif|mutat|chang|alter)\w*",  # "neither input list may be modified"
    re.IGNORECASE,
)
MUTATORS = frozenset({"sort", "reverse", "append", "extend", "insert", "remove", "pop", "clear", "update", "popitem", "setdefault", "add", "discard"})


def _mutated_parameter(tree: ast.Module) -> Optional[str]:
    """``param.sort()``, ``param[i] = x``, ``param[r][c] = x``, ``del param[k]`` on a parameter the function never rebinds to a copy
    (or on a name bound once to the parameter itself: ``updated = seat_map``)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs} - {"self", "cls"}
        params -= {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Store)}
        stores = store_counts(function)  # updated = seat_map: another name for the caller's own object
        params |= {n.targets[0].id for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                   and isinstance(n.value, ast.Name) and n.value.id in params and stores[n.targets[0].id] == 1}
        for node in walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name) and node.func.value.id in params:
                return f"{node.func.value.id}.{node.func.attr}()"
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else node.target if isinstance(node, ast.AugAssign) else None
            targets = node.targets if isinstance(node, ast.Delete) else target.elts if isinstance(target, ast.Tuple) else [target]
            for t in targets:  # also a swap: values[i - 1], values[i] = values[i], values[i - 1]
                root = t.value if isinstance(t, ast.Subscript) else None
                while isinstance(root, ast.Subscript):
                    root = root.value  # image[r][c] = colour: a row of the caller's grid
                if isinstance(root, ast.Name) and root.id in params:
                    return f"{unparsed(t)[:30]} = ..."
        copies = _shallow_copies(function, params)
        for loop in (n for n in nodes_of(function, ast.For)):
            walked, target = loop.iter, loop.target
            if isinstance(walked, ast.Call) and getattr(walked.func, "id", None) == "enumerate" and walked.args \
                    and isinstance(target, ast.Tuple) and len(target.elts) == 2:
                walked, target = walked.args[0], target.elts[1]  # for place, result in enumerate(ranked, start=1)
            if isinstance(walked, ast.Call) and isinstance(walked.func, ast.Attribute) and not walked.args and (
                    walked.func.attr == "values" or walked.func.attr == "items" and isinstance(target, ast.Tuple) and len(target.elts) == 2):
                walked, target = walked.func.value, target.elts[1] if walked.func.attr == "items" else target  # for name, deps in graph.items()
            source = _items_of(walked, params, copies) if isinstance(target, ast.Name) else None
            if source is None:
                continue
            item = target.id  # for product in products: product["price"] = ...: the caller's dicts change
            for node in (n for statement in loop.body for n in walk(statement)):
                stored = [t for target in node.targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])] if isinstance(node, ast.Assign) else []
                if any(isinstance(t, ast.Subscript) and getattr(t.value, "id", None) == item for t in stored):  # also pair[0], pair[1] = pair[1], pair[0]
                    return f"{unparsed(node.targets[0])[:30]} = ... on an item of {source}"
                if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Subscript) and getattr(node.target.value, "id", None) == item:
                    return f"{unparsed(node.target)[:30]} updated in place on an item of {source}"  # row["points"] -= ...
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS and getattr(node.func.value, "id", None) == item:
                    return f"{item}.{node.func.attr}() on an item of {source}"  # deps.sort(): the caller's list, sorted
    return None


def _items_of(node: ast.expr, params: Set[str], copies: dict) -> Optional[str]:
    """The parameter whose items ``node`` holds: the parameter, a name bound to a new list of its items
    (``updated = list(products)``), or such a list made in place (``products[:]``, ``sorted(products)``)."""
    if isinstance(node, ast.Name):
        return node.id if node.id in params else copies.get(node.id)
    if isinstance(node, ast.Call) and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and node.args[0].id in params \
            and (getattr(node.func, "id", None) in ("list", "tuple", "sorted", "reversed") or unparsed(node.func) == "copy.copy") \
            and all(k.arg in ("key", "reverse") for k in node.keywords) and (not node.keywords or getattr(node.func, "id", None) == "sorted"):
        return node.args[0].id  # sorted(results, key=...): the same dicts, in another order
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "copy" and not node.args and isinstance(node.func.value, ast.Name) \
            and node.func.value.id in params:
        return node.func.value.id
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and isinstance(node.value, ast.Name) and node.value.id in params:
        return node.value.id
    return None


def _shallow_copies(function: ast.AST, params: Set[str]) -> dict:
    """Names bound once to a new list of a parameter's items: its items are still the caller's."""
    bound: dict = {}
    for node in nodes_of(function, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            bound.setdefault(node.targets[0].id, []).append(_items_of(node.value, params, {}))
    return {name: sources[0] for name, sources in bound.items() if len(sources) == 1 and sources[0] is not None}


# "removes ... from the list in place", "sort the array in-place": a verb that changes the argument, then "in place".
IN_PLACE_ASK = literal_gates.compile(
    r"\b(?:modif|mutat|remov|sort|revers|rotat|updat|shuffl|mov|swap|delet|filter|replac|insert|dedup|partition|transpos|fill|clear|normali[sz]|scal|"
    r"increment|rearrang|reorder|squar|doubl|negat|zero|drop|strip|trim|compact|merg)\w*\b[^.;]{0,60}?\bin[- ]place\b",
    re.IGNORECASE,
)
NOT_AN_ARGUMENT = literal_gates.compile(r"\b(?:strings?|str|text|files?|dataframes?|df|series|new (?:list|array|dict)|copy|copies|returns? (?:a |the )?(?:new|sorted|reversed)|"
                             r"instead of|rather than|or return)\b", re.IGNORECASE)
PURE_READERS = frozenset({"len", "sorted", "list", "tuple", "set", "frozenset", "dict", "enumerate", "range", "zip", "print", "min", "max", "sum", "reversed",
                          "iter", "any", "all", "map", "filter", "isinstance", "str", "repr", "id", "type", "hash", "bool", "abs", "round", "format"})


def _changes_an_argument(function: ast.AST) -> bool:
    """Whether ``function`` (or a function nested in it) may change one of its parameters: an item or
    attribute assigned or deleted, a mutating method, ``+=``, or the parameter handed to a call that
    is not a pure builtin (``random.shuffle(items)``, a helper of its own)."""
    params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs} - {"self", "cls"}

    def rooted(node: ast.AST) -> bool:
        while isinstance(node, (ast.Subscript, ast.Attribute)):
            node = node.value
        return isinstance(node, ast.Name) and node.id in params

    for node in walk(function):
        if isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and rooted(node.func.value) and (node.func.attr in MUTATORS or node.func.attr.startswith("__")):
                return True
            handed = node.args + [k.value for k in node.keywords]
            if getattr(node.func, "id", None) not in PURE_READERS and any(isinstance(a, ast.Name) and a.id in params for a in handed):
                return True  # the argument itself handed on (``random.shuffle(items)``); ``out.append(items[i])`` hands an item
        if isinstance(node, ast.AugAssign) and rooted(node.target):
            return True
        if isinstance(node, (ast.Subscript, ast.Attribute)) and isinstance(node.ctx, (ast.Store, ast.Del)) and rooted(node.value):
            return True
    return False


def _ignored_in_place(prose: str, tree: ast.Module) -> Optional[str]:
    """"in place" asked of an argument (not of a string, a file or a frame, and not beside "or return a
    new list"), and top-level functions, none of which may change any argument."""
    match = IN_PLACE_ASK.search(prose)
    if not match or negated(prose, match.start()) or NOT_AN_ARGUMENT.search(prose) or any(isinstance(n, ast.ClassDef) for n in walk(tree)):
        return None
    functions = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and (n.args.args or n.args.posonlyargs)]
    if functions and not any(_changes_an_argument(f) for f in functions):
        return "the instruction asks to change its argument in place and no function of the code changes any argument"
    return None


def _kept_promise(prose: str, tree: ast.Module) -> Optional[str]:
    """What the instruction promises about the code's behaviour beyond its result, broken in plain sight:
    iterative code that recurses, a TypeError for the wrong type with no type check, cleanup on an
    exception around a ``yield`` no ``try`` guards, a wrapper that keeps no ``__name__``, the global
    ``random`` state reseeded, an input left unchanged and mutated in place."""
    text = unparsed(without_docstrings(tree))
    if NO_RECURSION.search(prose) and recurses(tree):
        return f"the instruction forbids recursion ({NO_RECURSION.search(prose).group(0)!r}) and the code recurses"
    if re.search(r"\bTypeError\b", prose) and TYPE_CHECK_ASK.search(prose) and not re.search(r"\bisinstance\(|\btype\(|\bTypeError\b|__class__", text):
        return "the instruction asks for a TypeError on a wrong type and the code never checks a type"
    if EXCEPTION_SAFE.search(prose):
        for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if any("contextmanager" in unparsed(d) for d in function.decorator_list):
                guarded = {id(n) for t in nodes_of(function, ast.Try) if (t.finalbody or t.handlers) for s in t.body for n in walk(s)}
                if any(id(n) not in guarded for n in nodes_of(function, (ast.Yield, ast.YieldFrom))):
                    return f"the instruction asks for cleanup when the block raises and {function.name}() yields outside any try/finally"
    if KEEPS_METADATA.search(prose) and not re.search(r"\bwraps\b|update_wrapper|__name__\s*=|__doc__\s*=|__wrapped__|__dict__", text):
        for function in walk(tree):
            inner = [n for n in function.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))] if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) else []
            if inner and any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == inner[-1].name for n in function.body):
                return f"the instruction asks to keep the wrapped function's name and docstring and {function.name}() returns {inner[-1].name} without functools.wraps"
    if GLOBAL_RANDOM.search(prose) and re.search(r"(?<![\w.])random\.seed\(", text):
        return "the instruction forbids touching the global random state and the code calls random.seed()"
    if NO_MUTATION.search(prose):
        mutated = _mutated_parameter(tree)
        if mutated:
            return f"the instruction asks to leave the input unchanged and the code mutates it ({mutated})"
    return _ignored_in_place(prose, tree)


FOLDS = frozenset({"lower", "upper", "casefold", "title", "capitalize"})


def _folded_on_one_side(tree: ast.Module) -> Optional[str]:
    """A comparison (``in``, ``==``) of a case-folded value with a record's field that it leaves as it is:
    ``needle in t["merchant"]`` with ``needle = term.lower()`` misses "Amazon" in "Amazon Prime"."""
    def folds(node) -> bool:
        return any(isinstance(n.func, ast.Attribute) and n.func.attr in FOLDS for n in nodes_of(node, ast.Call))
    folded_names = {n.targets[0].id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and folds(n.value)}
    raw_names = {n.targets[0].id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and not folds(n.value)}
    def folded(node) -> bool:
        return folds(node) or isinstance(node, ast.Name) and node.id in folded_names and node.id not in raw_names
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn, ast.Eq, ast.NotEq)):
            left, right = node.left, node.comparators[0]
            for one, other in ((left, right), (right, left)):
                if folded(one) and isinstance(other, ast.Subscript) and isinstance(other.slice, ast.Constant) and isinstance(other.slice.value, str) and not folds(other):
                    return f"{unparsed(node)[:50]} (line {node.lineno}) folds one side only: {unparsed(other)[:30]} keeps its case"
    return None


# "If a function raises `ValueError` for a value, store `None` instead of failing": what to do when something else raises.
RAISED_ELSEWHERE = literal_gates.compile(r"\b(?:if|when|whenever|in case)\b[^.;:]{0,60}$", re.IGNORECASE)
HANDLED = literal_gates.compile(r"^[^.;]{0,80}\b(?:instead|store|stores|skip|skips|ignore|ignores|fall back|falls back|treat|treats|catch|catches|log|logs|record|records|return (?:None|`None`|an? |the default))\b", re.IGNORECASE)


def _handled_when_raised(prose: str, ask: "re.Match") -> bool:
    """"If a function raises `ValueError` ..., store `None` instead": the error is another call's, to be caught, not
    one to raise (a third-person "raises" after "if"/"when", and a handling verb after it in the sentence)."""
    return (ask.group(0).lower().startswith(("raises", "throws")) and bool(RAISED_ELSEWHERE.search(prose[max(0, ask.start() - 60): ask.start()]))
            and bool(HANDLED.search(prose[ask.end():])))


def _swallows(tree: ast.Module, name: str) -> bool:
    """The code names ``name`` only in ``except name:`` clauses that never raise, and nothing
    outside those ``try`` statements may raise it (for ValueError, no ``int(text)``): whatever goes
    wrong, ``name`` never reaches the caller."""
    def catches(handler: ast.ExceptHandler) -> bool:
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        return any(isinstance(t, ast.Name) and t.id == name for t in types)

    swallowing = [n for n in nodes_of(tree, ast.Try) if any(catches(h) for h in n.handlers)]
    if not swallowing or any(isinstance(n, ast.Raise) for t in swallowing for h in t.handlers if catches(h) for n in walk(h)):
        return False
    inside = {id(n) for t in swallowing for n in walk(t)}
    rest = [n for n in walk(tree) if id(n) not in inside]
    if any(isinstance(n, ast.Name) and n.id == name for n in rest):
        return False
    calls = " ".join(unparsed(n) for n in rest if isinstance(n, ast.Call))
    return not (name == "ValueError" and RAISES_VALUE_ERROR.search(calls))


def _halfway_compared(before: str, tree: ast.Module) -> bool:
    """"(30 seconds rounds up)" answered by ``extra >= timedelta(seconds=30)``: the halfway value, compared by hand."""
    said = re.search(r"(\d+(?:\.\d+)?)\s*(?:[a-z]+\s*)?$", before.rstrip(" (`"), re.IGNORECASE)
    if not said:
        return False
    value = float(said.group(1))
    return any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.GtE, ast.Lt)) for op in n.ops)
               and any(isinstance(c, ast.Constant) and isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and c.value == value
                       for side in [n.left, *n.comparators] for c in walk(side))
               for n in walk_outside_asserts(tree))


def _calls(tree: ast.Module, name: str) -> bool:
    """The code calls the builtin ``name`` (and does not define its own)."""
    defined = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return name not in defined and any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == name for n in walk_outside_asserts(tree))


def _looks_up_an_enum(tree: ast.Module) -> bool:
    """The code defines an Enum and calls it (``cls(value)``, ``Color(value)``), or gives it a ``_missing_`` hook for the
    callers' lookups: the lookup raises ValueError for an unknown value."""
    enums = [n for n in nodes_of(tree, ast.ClassDef) if any(unparsed(b).split(".")[-1].endswith("Enum") for b in n.bases)]
    if any(isinstance(f, ast.FunctionDef) and f.name == "_missing_" for e in enums for f in e.body):
        return True
    names = {e.name for e in enums}
    return bool(names) and any(getattr(n.func, "id", None) in names | {"cls"} for n in nodes_of(tree, ast.Call))


# "leaves every other character unchanged": str.capitalize() and str.title() lowercase the rest of the word.
REST_UNCHANGED_ASK = literal_gates.compile(
    r"\b(?:leav\w*|keep\w*|preserv\w*) (?:every|all|the|each) (?:other|remaining) (?:characters?|letters?)\b[^.]{0,20}\b(?:unchanged|as (?:is|they are)|intact)\b|"
    r"\b(?:rest|remainder) of (?:the|each|every) (?:word|sentence|string|text)\b[^.]{0,30}\b(?:unchanged|as (?:is|it is)|intact)\b|"
    r"\bonly the first (?:letter|character)\b[^.]{0,40}\b(?:changes?|changed|uppercased|capitali[sz]ed)\b",
    re.IGNORECASE,
)
# "If `checkin` is earlier than `checkout` ... raise `ValueError`": a relation between well-formed values, which no
# parser refuses; "empty", "invalid", "not a number" are what a parse or a ``max()`` may raise for by itself.
RELATION_CONDITION = literal_gates.compile(r"\b(?:earlier|later|before|after|greater|larger|bigger|smaller|higher|lower|exceeds?|exceeding|precedes?|overlap\w*)\b", re.IGNORECASE)
PARSE_CONDITION = literal_gates.compile(r"\b(?:empty|invalid|malformed|format\w*|pars\w*|not (?:a |an )?(?:valid|number|integer|date|time)|unknown|missing|not found|unrecogni[sz]ed|"
                             r"non-?numeric|bad|wrong|negative|zero|range)\b", re.IGNORECASE)
# Calls that raise ValueError only for text they cannot read.
PARSERS = literal_gates.compile(r"\b(?:int|float|complex|Decimal|Fraction|strptime|fromisoformat|ip_address|ip_network|loads|literal_eval|fromhex|UUID|b64decode|unhexlify|shlex\.split)\($")


def _raised_by_a_call(code: str, prose: str, ask: "re.Match") -> bool:
    """A call of the code raises ValueError by itself (``int("x")``), for the case the instruction asks it for: a parse
    proves nothing where the sentence asks for it on a relation between good values ("checkin earlier than checkout")."""
    tree = parse_python(code)
    defined = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))] if tree is not None else []
    own = "\n".join(unparsed(n) for n in defined) if defined else code  # date(2024, 3, 1) in an assert below is the example's, not the answer's
    calls = [m.group(0) for m in RAISES_VALUE_ERROR.finditer(own)]
    if not calls:
        return False
    start = max(prose.rfind(". ", 0, ask.start()), prose.rfind("\n", 0, ask.start())) + 1
    ends = [i for i in (prose.find(". ", ask.end()), prose.find("\n", ask.end())) if i >= 0]
    sentence = prose[start: min(ends) if ends else len(prose)]
    return not (RELATION_CONDITION.search(sentence) and not PARSE_CONDITION.search(sentence) and all(PARSERS.search(call) for call in calls))


# "raising ValueError if it is outside the range 1-65535"
RANGE_RAISE_ASK = literal_gates.compile(
    r"\b(?:raise|raises|raising|throw|throws)\b[^.]{0,40}\b(?:if|when)\b[^.]{0,60}\b(?:outside|out of|not (?:in|within)|beyond)\b[^.]{0,12}(?:\b(?:the |its )?(?:range|bounds?|limits?|interval)\b|\b\d+\s*(?:-|–|to|\.\.)\s*\d+\b"
    r"|(?<=outside )(?:it|them|that|this)\b)|"  # "must be in the 0-100 % range; raise ValueError if any reading is outside it"
    r"\b(?:outside|out of)\b[^.]{0,12}\b(?:the |its )?(?:range|bounds?)\b[^.]{0,60}\b(?:raise|raises|raising|throw|throws)\b",
    re.IGNORECASE,
)


UNKNOWN_KEY = (r"\b(?:unknown|unsupported|unrecogni[sz]ed|invalid|bad)\s+(?:\w+\s+)?(?:units?|keys?|codes?|commands?|operators?|operations?|"
               r"currenc(?:y|ies)|formats?|options?|suffix(?:es)?|names?|types?|modes?|levels?)\b")
UNKNOWN_RAISE_ASK = literal_gates.compile(
    r"\b(?:raise|raises|raising|throw|throws)\b[^.]{0,40}\b(?:for|on|if|when|with)\b[^.]{0,30}" + UNKNOWN_KEY + "|"
    r"\b(?:for|on|if|when|with)\b[^.]{0,30}" + UNKNOWN_KEY + r"[^.]{0,40}\b(?:raise|raises|raising|throw|throws)\b",
    re.IGNORECASE,
)


NEGATIVE_ASK = literal_gates.compile(
    r"\binclud\w*\s+(?:\w+\s+){0,2}?negative\b|\bnegative (?:numbers|integers|values|ones)\b[^.]{0,15}\b(?:too|as well|such as|like)\b|"
    r"\b(?:handle|handles|handling|support|supports|accept|accepts)\s+(?:\w+\s+){0,2}?negative\b|\b(?:may|can|might) be negative\b",
    re.IGNORECASE,
)
# Words of the sentence before an ask that make it a list of what is refused.
REFUSAL_BEFORE = literal_gates.compile(r"\b(?:raise|raises|raising|reject\w*|refus\w*|invalid|error)\b", re.IGNORECASE)
REGEX_CALLS = frozenset({"findall", "finditer", "search", "match", "fullmatch", "compile", "sub", "split"})


def _digits_without_a_sign(tree: ast.Module) -> Optional[str]:
    """The regular expressions the code reads numbers with (``\\d``, in an ``re`` call) when not one of
    them can match a minus sign: "-12" is read as 12."""
    patterns = [n.args[0] for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr in REGEX_CALLS
                and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)]
    numbers = [p for p in patterns if "\\d" in p.value]
    if numbers and not any("-" in p.value for p in patterns):
        return f"its pattern {numbers[0].value!r} (line {numbers[0].lineno}) has no minus sign"
    return None


def _defaults_unknown_keys(tree: ast.Module) -> Optional[str]:
    """``TABLE.get(key, default)`` on a dict the code spells out, with a default that is not None, no
    ``in TABLE`` test anywhere and no ``in`` test of the name it is bound to: a key the table lacks gets
    the default instead of an error."""
    tables = {n.targets[0].id for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
              and isinstance(n.value, (ast.Dict, ast.DictComp))}
    membership = [c for c in nodes_of(tree, ast.Compare) if len(c.ops) == 1 and isinstance(c.ops[0], (ast.In, ast.NotIn))]
    tested = {c.comparators[0].id for c in membership if isinstance(c.comparators[0], ast.Name)}
    # name = SPELLINGS.get(note, note), then "if name not in NOTES: raise": what the table gives is checked after
    checked = {id(n.value) for n in nodes_of(tree, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
               and any(isinstance(c.left, ast.Name) and c.left.id == n.targets[0].id for c in membership)}
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "get" and len(node.args) == 2
                and isinstance(node.func.value, ast.Name) and node.func.value.id in tables - tested and id(node) not in checked
                and not (isinstance(node.args[1], ast.Constant) and node.args[1].value is None)):
            return f"{unparsed(node)[:50]} (line {node.lineno}) answers {unparsed(node.args[1])[:20]} for a key the table lacks"
    return None


def _lowercases_the_rest(tree: ast.Module) -> Optional[str]:
    """A ``capitalize()`` or ``title()`` of more than one character (not ``word[0].capitalize()``)."""
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr in ("capitalize", "title") and not node.args
                and not (isinstance(node.func.value, ast.Subscript) and not isinstance(node.func.value.slice, ast.Slice))):
            return f"{unparsed(node)[:40]} (line {node.lineno}) lowercases every letter after the first"
    return None


def _clamps_instead(tree: ast.Module) -> Optional[str]:
    """``max(lo, min(x, hi))`` (or ``min(x, 255)`` alone) where the code never compares a value with a bound to raise."""
    clamp = next((n for n in nodes_of(tree, ast.Call) if getattr(n.func, "id", None) in ("max", "min") and len(n.args) == 2
                  and any(isinstance(a, ast.Call) and getattr(a.func, "id", None) in ({"max", "min"} - {n.func.id}) for a in n.args)), None)
    clamp = clamp or next((n for n in nodes_of(tree, ast.Call) if getattr(n.func, "id", None) in ("max", "min") and len(n.args) == 2
                           and sum(constant_value(a) is not None for a in n.args) == 1), None)
    if clamp is None:
        return None
    for node in nodes_of(tree, ast.If):
        if any(isinstance(n, ast.Raise) for b in node.body for n in walk(b)):
            if any(any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)) for op in c.ops) for c in nodes_of(node.test, ast.Compare)):
                return None  # it does check a bound
    return f"{unparsed(clamp)[:50]} (line {clamp.lineno}) clamps the value into range and nothing raises for one outside it"


FIRST_AND_LAST_ASK = literal_gates.compile(r"\b(?:the )?first (?:or|and) (?:the )?last (?:word|item|element|character|letter|line|value|entry|one)s?\b", re.IGNORECASE)


def _never_reads_the_end(tree: ast.Module) -> Optional[str]:
    """Code that tests for the first position (``== 0``, ``[0]``) with nothing that could find the last."""
    first = next((n for n in nodes_of(tree, ast.Compare) if any(isinstance(c, ast.Constant) and c.value == 0 for c in n.comparators + [n.left])), None)
    if first is None:
        return None
    for node in walk(tree):
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return None  # [-1], -1
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub) and isinstance(node.right, ast.Constant) and node.right.value == 1:
            return None  # len(words) - 1
        if (isinstance(node, ast.Name) and "last" in node.id.lower()) or (isinstance(node, ast.Attribute) and "last" in node.attr.lower()):
            return None
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "reversed":
            return None
        if isinstance(node, ast.Slice) and node.step is not None:
            return None  # [::-1]
        if isinstance(node, ast.Compare) and any(isinstance(c, ast.Call) and getattr(c.func, "id", None) == "len" for c in node.comparators + [node.left]):
            return None  # i + 1 == len(words)
    return f"the code tests the first position ({unparsed(first)[:40]}, line {first.lineno}) and never the last"


# "the words that appear in both texts": an intersection, and code that only unites.
BOTH_ASK = literal_gates.compile(r"\b(?:appear|appears|occur|occurs|present|found|contained|exist|exists)\s+in\s+both\b|\bcommon\s+to\s+both\b|\bshared\s+by\s+both\b", re.IGNORECASE)


def _unites_only(tree: ast.Module) -> Optional[str]:
    union = None
    for node in walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd) or isinstance(node, ast.AugAssign) and isinstance(node.op, ast.BitAnd) \
                or isinstance(node, ast.Attribute) and node.attr in ("intersection", "intersection_update", "issubset", "issuperset") \
                or isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) or isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            return None
        if union is None and (isinstance(node, ast.BinOp) and isinstance(node.op, (ast.BitOr, ast.BitXor))
                              or isinstance(node, ast.Attribute) and node.attr in ("union", "symmetric_difference")):
            union = node
    return f"it combines the two ({unparsed(union)[:50]}, line {union.lineno}) and never intersects them" if union is not None else None


# "3 free withdrawals per calendar month", "in the same month": a month of one year, unless one year is all there is.
# Not "a dict mapping month number (1-12) to ...": the month of the year is the key asked for.
CALENDAR_MONTH_ASK = literal_gates.compile(r"\A(?![\s\S]*(?:\b(?:same|single|one|given|that)\s+year\b|\bmonth\s+numbers?\b|\b1\s*-\s*12\b|\bmonth\s+of\s+the\s+year\b))"
                                r"[\s\S]*?\b(?P<ask>(?:per|in\s+the\s+same)\s+(?:calendar\s+)?month|each\s+calendar\s+month)\b", re.IGNORECASE)


def _keyed_by_month_alone(tree: ast.Module) -> Optional[str]:
    """A tally keyed by ``d.month`` alone (``counts[d.month]``, ``counts.get(d.month)``) in code that never reads a
    year: March of two years shares one count."""
    if any(n.attr == "year" for n in nodes_of(tree, ast.Attribute)):
        return None
    for node in walk_outside_asserts(tree):
        key = node.slice if isinstance(node, ast.Subscript) else node.args[0] if (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("get", "setdefault") and node.args) else None
        if isinstance(key, ast.Attribute) and key.attr == "month":
            return f"{unparsed(node)[:40]} (line {node.lineno}) is keyed by the month alone: the same month of two years shares one count"
    return None


# "capitalises the first letter of each space-separated word": words split on spaces, not str.title()'s words.
SPACE_WORDS_CAPITALISED_ASK = literal_gates.compile(r"\A(?=[\s\S]*\b(?:capitali[sz]\w*|title[- ]?case|upper-?case\w*\s+the\s+first))[\s\S]*?\b(?P<ask>space-separated\s+words?|words?\s+separated\s+by\s+(?:single\s+)?spaces?|space-separated)\b", re.IGNORECASE)


def _titles_instead(tree: ast.Module) -> Optional[str]:
    """``.title()``: it starts a new word after any non-letter, so "o'neil" is "O'Neil" and "3rd" is "3Rd"."""
    call = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "title" and not n.args), None)
    return f"{unparsed(call)[:40]} (line {call.lineno}) also starts a word after an apostrophe, hyphen or digit (\"o'neil\" -> \"O'Neil\")" if call else None


# "the shares must add up exactly to the total": rounded parts, and the difference handed out (not "the weights
# must add up to 1, otherwise raise", nor "must add up to exactly 100 (compare as `Decimal`); otherwise raise": a check of the input).
EXACT_SUM_ASK = literal_gates.compile(r"(?:\b(?:must|should|have to|has to|need to)\s+(?:always\s+)?(?:add|sum)\s+up\s+(?:exactly\s+)?to\b|\b(?:add|sum)\s+up\s+exactly\s+to\b)"
                           r"(?![^.\n]*\b(?:raise|raises|error|otherwise|reject\w*|invalid|toleran\w*)\b)", re.IGNORECASE)


def _never_hands_out_the_difference(tree: ast.Module) -> Optional[str]:
    """Parts rounded one by one never sum to the whole unless something takes what is left: a
    subtraction, a remainder, ``divmod``. Parts kept as exact ``Fraction``s and never rounded need none."""
    if any(isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, (ast.Sub, ast.Mod)) or isinstance(n, ast.Name) and n.id == "divmod"
           for n in walk(tree)):
        return None
    if not any(isinstance(n, ast.Call) and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("round", "quantize", "int", "floor", "ceil", "trunc")
               or isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, (ast.FloorDiv, ast.Div)) for n in walk(tree)):
        return None  # nothing divided or rounded: whole parts (packet sizes) add up as they are
    if any(isinstance(n, ast.Name) and n.id == "Fraction" or isinstance(n, ast.Attribute) and n.attr == "Fraction" for n in walk(tree)) and not any(
            isinstance(n, ast.Call) and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("round", "quantize", "int", "floor", "ceil", "trunc")
            or isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.FloorDiv) for n in walk(tree)):
        return None  # exact fractions, never rounded: the parts add up to the whole exactly
    return "the code never subtracts nor takes a remainder, so rounded parts keep their rounding error"


# "users whose permissions contain every permission in `required`": all of them, a subset test.
EVERY_ASK = literal_gates.compile(r"\b(?:contains?|containing|has|have|having|holds?|includes?|including)\s+(?:every|all)\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?(?:in|of|from|listed)\b", re.IGNORECASE)


def _truth_tests(tree: ast.Module):
    """Expressions read only for their truth: an ``if``'s or a filter's test, ``bool(x)``, ``not x``, an ``and``'s operand."""
    for node in nodes_of(tree, (ast.If, ast.IfExp, ast.While, ast.comprehension, ast.BoolOp, ast.UnaryOp, ast.Call)):
        if isinstance(node, (ast.If, ast.IfExp, ast.While)):
            yield node.test
        elif isinstance(node, ast.comprehension):
            yield from node.ifs
        elif isinstance(node, ast.BoolOp):
            yield from node.values
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node.operand
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "bool" and node.args:
            yield node.args[0]


def _any_instead_of_every(tree: ast.Module) -> Optional[str]:
    """An intersection read for its truth (``if perms & required``): true when any one is shared."""
    if any(isinstance(n, ast.Attribute) and n.attr in ("issubset", "issuperset") or isinstance(n, ast.Compare) and any(isinstance(op, (ast.LtE, ast.GtE)) for op in n.ops)
           or isinstance(n, ast.Call) and getattr(n.func, "id", None) == "all" for n in walk(tree)):
        return None
    for test in _truth_tests(tree):
        if isinstance(test, ast.BinOp) and isinstance(test.op, ast.BitAnd) or isinstance(test, ast.Call) and getattr(test.func, "attr", None) == "intersection":
            return f"it asks only whether any is shared ({unparsed(test)[:50]}, line {test.lineno})"
    return None


# "rounds using ROUND_HALF_UP": a library's constant named to be used (a name in capitals with an underscore).
USING_CONSTANT = literal_gates.compile(r"\b(?:using|use|uses|with)\s+(?:the\s+)?`?(?P<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)`?(?!\w|\.\w)")


def _named_but_unused(prose: str, tree: ast.Module) -> Optional[str]:
    used = {n.id for n in nodes_of(tree, ast.Name)} | {n.attr for n in nodes_of(tree, ast.Attribute)} \
        | {a.asname or a.name for n in nodes_of(tree, (ast.Import, ast.ImportFrom)) for a in n.names} \
        | {w for n in nodes_of(tree, ast.Constant) if isinstance(n.value, str) for w in re.findall(r"\w+", n.value)}
    for match in USING_CONSTANT.finditer(prose):
        if match.group("name") not in used and not negated(prose, match.start()):
            return f"the instruction asks for {match.group('name')} ({match.group(0)!r}) and the code never uses it"
    return None


# "the last exception must be re-raised": a failure that ends in an error, not in a quiet return.
RERAISE_ASK = literal_gates.compile(r"\bre-?rais\w*\b|\bpropagat\w*\s+(?:the\s+)?(?:last\s+|original\s+)?(?:exception|error)s?\b", re.IGNORECASE)


def _never_raises(tree: ast.Module) -> Optional[str]:
    if any(isinstance(n, ast.Raise) for n in walk_outside_asserts(tree)):
        return None
    caught = next((n for n in nodes_of(tree, ast.ExceptHandler)), None)
    return f"the code catches the failure (line {caught.lineno}) and never raises" if caught is not None else None


# "(0.0 if nobody worked overtime)", "None when there are no readings", "0 for an empty list": an answer for nothing.
EMPTY_ANSWER_ASK = literal_gates.compile(
    r"(?:`?(?:0|0\.0|None|\[\]|\{\}|\(\)|\"\"|'')`?|\bzero)\s*,?\s*(?:if|when|for)\s+(?:there\s+(?:is|are)\s+)?(?:nobody|no\s+one|none|nothing|no\s+\w+|"
    r"(?:the|an?)\s+(?:\w+\s+)?(?:list|input|sequence|collection|dict)\s+(?:is\s+)?empty|(?:an?\s+)?empty\b)"
    r"|\b(?:where|when|if)\s+(?:nobody|no\s+one)\s+\w+(?:\s+\w+)?\s+(?:gets?|is\s+given|returns?|maps?\s+to)\s+`?(?:None|0|0\.0)\b",  # "a part where nobody signed in gets `None`"
    re.IGNORECASE)
EMPTY_CHOICES = frozenset({"max", "min"})


def _never_empty(value: ast.AST) -> bool:
    """``[0] * OVENS``, ``[0, 0]``: a list made with items (a heap of the ovens' free times), which no input empties."""
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult):
        value = value.left if isinstance(value.left, ast.List) else value.right
    return isinstance(value, ast.List) and bool(value.elts)


def _nothing_to_choose_from(tree: ast.Module) -> Optional[str]:
    """``max(h - 40 for h in hours if h > 40)`` with no ``default=``, in a function that tests nothing (no ``if``,
    conditional expression, ``or``, ``try`` or ``while``): when no item is left, max() raises ValueError on the very
    input the instruction gives an answer for."""
    filled = {name for name, value in values_bound_once(tree).items() if _never_empty(value)}
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        if any(isinstance(n, (ast.If, ast.IfExp, ast.Try, ast.While, ast.Assert)) or isinstance(n, ast.BoolOp) and isinstance(n.op, ast.Or) for n in walk(function)):
            continue
        for node in nodes_of(function, ast.Call):
            if (getattr(node.func, "id", None) in EMPTY_CHOICES and len(node.args) == 1 and not node.keywords
                    and not isinstance(node.args[0], (ast.List, ast.Tuple, ast.Set, ast.Starred, ast.Constant))
                    and not (isinstance(node.args[0], ast.Name) and node.args[0].id in filled)):
                return f"{unparsed(node)[:60]} (line {node.lineno}) has no default and nothing tests for an empty input, so it raises ValueError there"
    return None


def _matches_each_input_at_its_start(tree: ast.Module) -> bool:
    """``[line for line in lines if pattern.match(line)]``, ``for note in notes: m = HOURS.match(note)``: each item of
    a parameter matched whole from its first character, in code that searches nowhere (no ``search``, ``findall``,
    ``finditer``, ``sub``, ``split``, ``in``), with a pattern that does not open on ``.*``, and no position handed to
    ``match``: a code in the middle of a line is never found."""
    text = unparsed(tree)
    if re.search(r"\.(?:search|findall|finditer|sub|subn|split|find|index)\(|\.\*", text) or any(
            any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in nodes_of(tree, ast.Compare)):
        return False
    parameters = {a.arg for a in nodes_of(tree, ast.arg)}
    items = {loop.target.id for loop in nodes_of(tree, (ast.For, ast.comprehension)) if isinstance(loop.target, ast.Name)
             and isinstance(loop.iter, ast.Name) and loop.iter.id in parameters}
    calls = [n for n in nodes_of(tree, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "match"]
    return bool(calls) and all(len(c.args) == 1 and not c.keywords and isinstance(c.args[0], ast.Name) and c.args[0].id in items for c in calls)


# "only for `gmail.com` addresses": a rule kept to one case the code must tell apart, so it names it.
ONLY_FOR_ASK = literal_gates.compile(r"\bonly\s+(?:for|when|if|on|in|to)\s+(?:the\s+|an?\s+)?[`'\"](?P<literal>[^`'\"\s]{2,30})[`'\"]", re.IGNORECASE)


# "keys sorted alphabetically" / "with 2-space indentation" for JSON text: json.dumps's own options.
JSON_SORTED_ASK = literal_gates.compile(r"\bkeys\s+(?:are\s+)?sorted\b|\bsorted\s+keys\b|\bsort_keys\b", re.IGNORECASE)


def _json_unsorted(tree: ast.Module) -> Optional[str]:
    """The first json.dumps without sort_keys, when no call sorts keys: a canonical text for a checksum
    sorted, and the file around it left in order, is what "canonical JSON means sort_keys=True" asks."""
    dumps = [node for node in walk_outside_asserts(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("dumps", "dump") and getattr(node.func.value, "id", None) == "json"]
    if any(k.arg == "sort_keys" for node in dumps for k in node.keywords) or any(getattr(n.func, "id", None) == "sorted" for n in nodes_of(tree, ast.Call)):
        return None
    return f"{unparsed(dumps[0])[:50]} (line {dumps[0].lineno}) keeps the keys in insertion order (no sort_keys=True)" if dumps else None


# What an instruction asks, how code breaks it (None: it does not), whether a "not"/"without" before
# the ask voids it, and the reason given; read in this order after the asks above.
# "with fractions dropped (do not round: 599 over 3 is 199, not 200)", "always truncated": no rounding to the nearest.
NO_ROUNDING_ASK = literal_gates.compile(r"\b(?:do\s+not|don't|never|must\s+not|should\s+not|without)\s+round(?:ing)?\b|\b(?:always\s+)?truncated\b|\bfractions?\s+(?:are\s+)?dropped\b", re.IGNORECASE)


def _rounds_to_the_nearest(tree: ast.Module) -> Optional[str]:
    """``round(x)`` with no digits (to the nearest whole number), where nothing floors or truncates."""
    if re.search(r"\bfloor\b|\btrunc\b|//|\bint\(", unparsed(tree)):
        return None
    call = next((n for n in nodes_of(tree, ast.Call) if getattr(n.func, "id", None) == "round" and len(n.args) == 1 and not n.keywords), None)
    return f"{unparsed(call)[:50]} (line {call.lineno}) rounds to the nearest" if call is not None else None


BROKEN_ASKS = (
    (NO_ROUNDING_ASK, _rounds_to_the_nearest, False, "the instruction says {ask!r} and {broken}"),
    (REST_UNCHANGED_ASK, _lowercases_the_rest, True, "the instruction asks for {ask!r} and {broken}"),
    (RANGE_RAISE_ASK, _clamps_instead, False, "the instruction asks to raise for a value out of range and {broken}"),
    (NEGATIVE_ASK, _digits_without_a_sign, True, "the instruction asks for negative numbers ({ask!r}) and {broken}"),
    (UNKNOWN_RAISE_ASK, _defaults_unknown_keys, False, "the instruction asks to raise for {ask_end!r} and {broken}"),
    (FIRST_AND_LAST_ASK, _never_reads_the_end, False, "the instruction has a rule for {ask!r} and {broken}"),
    (JSON_SORTED_ASK, _json_unsorted, True, "the instruction asks for {ask!r} and {broken}"),
    (BOTH_ASK, _unites_only, True, "the instruction asks for what {ask!r} and {broken}"),
    (EXACT_SUM_ASK, _never_hands_out_the_difference, True, "the instruction asks that parts {ask!r} the whole and {broken}"),
    (SPACE_WORDS_CAPITALISED_ASK, _titles_instead, False, "the instruction capitalises space-separated words and {broken}"),
    (CALENDAR_MONTH_ASK, _keyed_by_month_alone, True, "the instruction counts per month and {broken}"),
    (EVERY_ASK, _any_instead_of_every, True, "the instruction wants what {ask!r}, all of them, and {broken}"),
    (RERAISE_ASK, _never_raises, True, "the instruction asks that the exception be {ask!r} and {broken}"),
    (EMPTY_ANSWER_ASK, _nothing_to_choose_from, False, "the instruction answers {ask!r} and {broken}"),
) + ORDER_ASKS + BOUND_ASKS


def ignored_requirement(prose: str, code: str) -> Optional[str]:
    """How the code breaks a requirement its instruction's ``prose`` states, else None (also when
    the code does not parse: validity's business)."""
    tree = parse_python(code)
    if tree is None:
        return None
    prose = EMPHASIS.sub(r"\1", prose)  # "a **recursive** function" reads as "a recursive function"
    forbidden = _forbidden(prose)
    used = _calls_and_imports(tree) if forbidden else set()
    for name in sorted(forbidden):
        if SAME_CALL.get(name, {name}) & used:
            return f"the instruction forbids {name}() and the code uses it" if name not in STDLIB else f"the instruction forbids {name} and the code imports it"
    construct = _forbidden_construct(prose, tree) or _kept_promise(prose, tree)
    if construct:
        return construct
    match = GENERATOR_ASK.search(prose)
    if match and not negated(prose, match.start()) and not _makes_a_generator(tree, "expression" in match.group(0).lower()):
        return f"the instruction asks for {match.group(0)!r} and the code yields nothing"
    match = RECURSION_ASK.search(prose)
    if match and not negated(prose, match.start()) and not ITERATIVE_ASK.search(prose) and not recurses(tree) and not RECURSIVE_WALK.search(code):
        return f"the instruction asks for recursion ({match.group(0)!r}) and no function of the code calls itself"
    match = CASE_ASK.search(prose)
    if match and not negated(prose, match.start()) and not CASE_FOLDING.search(code) and not _holds_both_cases(tree):
        return f"the instruction asks for {match.group(0)!r} matching and the code never folds case"
    if match and not negated(prose, match.start()):
        one_sided = _folded_on_one_side(tree)
        if one_sided:
            return f"the instruction asks for {match.group(0)!r} matching and {one_sided}"
    match = PUNCTUATION_ASK.search(prose)
    if match and not negated(prose, match.start()) and not DROPS_PUNCTUATION.search(code) and not _drops_a_character(tree):
        return f"the instruction asks to ignore punctuation ({match.group(0)!r}) and nothing in the code drops a character"
    match = next((m for m in DEDUP_ASK.finditer(prose) if not GIVEN_SENTENCE.search(prose[:m.start()])), None)  # "Given a list ... with no duplicates": the input's
    if match and not negated(prose, match.start()) and not DEDUPING.search(code) and not any(isinstance(n, ast.SetComp) for n in walk(tree)) \
            and not tests_membership(walk_outside_asserts(tree)) and not keys_a_dict(tree):
        return f"the instruction asks for {match.group(0)!r} and nothing in the code removes a duplicate"
    match = HALF_UP_ASK.search(prose)
    if match and not negated(prose, match.start()) and _calls(tree, "round") and not HALF_UP_DONE.search(code):
        return f"the instruction asks for {match.group(0)!r} and the code calls round(), which rounds halves to even"
    match = ROUND_UP_ASK.search(prose)
    if match and not negated(prose, match.start()) and _calls(tree, "round") and not ROUNDS_UP.search(code):
        if not NEAREST_BEFORE.search(prose[:match.start()]):
            return f"the instruction asks for {match.group(0)!r} and the code calls round(), which rounds to the nearest, down as often as up"
        if not HALF_UP_DONE.search(code) and not _halfway_compared(prose[:match.start()], tree):
            return f"the instruction asks for {match.group(0)!r} at the halfway point and the code calls round(), which rounds halves to even"
    match = ROUND_DOWN_ASK.search(prose)
    if match and not negated(prose, match.start()) and _calls(tree, "round") and not ROUNDS_DOWN.search(code):
        return f"the instruction asks for {match.group(0)!r} and the code calls round(), which rounds to the nearest, up as often as down"
    match = ANYWHERE_ASK.search(prose)
    if match and not negated(prose, match.start()) and re.search(r"\.match\(", code) and not re.search(r"\.(?:search|findall|finditer|sub|subn|split)\(|\.\*|[\"']\^?\\s\*|\bfor\b|\bwhile\b(?!\s+\w+\s*:)", code) \
            or match and not negated(prose, match.start()) and _matches_each_input_at_its_start(tree):
        return f"the instruction asks for a match {match.group(0)!r} and the code only calls match(), which tries the start"
    match = ANY_WHITESPACE_ASK.search(prose)
    if match and not negated(prose, match.start()) and re.search(r"\.split\(\s*[\"'] [\"']\s*\)", code) and not re.search(r"\.split\(\s*\)|\\s|\bstring\.whitespace\b|\.isspace\(|\\t", code):
        return f"the instruction asks for words {match.group(0)!r} and the code splits on single spaces"
    single = re.search(r"""\bre\.split\(\s*r?(["'])(?:\\s| |\[ \\t\\n\]|\[\\s\])\1""", code)  # one whitespace character: a run of two gives an empty word
    if match and not negated(prose, match.start()) and single and not re.search(r"\.split\(\s*\)|\bif\s+\w+(?:\.strip\(\))?\s*[\])]|\bfilter\(\s*None", code):  # [w for w in parts if w] drops the empty ones
        return f"the instruction asks for words {match.group(0)!r} and the code splits on one whitespace character ({single.group(0)[:30]}...)"
    found = broken_bound(prose, tree, code) or broken_order(prose, tree) or _named_but_unused(prose, tree) or other_days(prose, tree) \
        or reread_iterator(prose, tree)
    if found:
        return found
    for match in ONLY_FOR_ASK.finditer(prose):
        named = match.group("literal").lower()
        if match.group(0).endswith("`") and named.isidentifier():
            continue  # "only in `defaults`": a name of the code, not a value it must tell apart
        if not negated(prose, match.start()) and not any(named in value.lower() for value in string_constants(tree)):
            return f"the instruction limits a rule to {match.group('literal')!r} ({match.group(0)!r}) and the code never names it"
    for ask, breaks, negatable, reason in BROKEN_ASKS:
        match = ask.search(prose)
        if match and ask is NEGATIVE_ASK and REFUSAL_BEFORE.search(re.split(r"(?<=[.;!?])\s+", prose[: match.start()])[-1]):
            continue  # "Raise ValueError for anything else, including negative numbers": negatives refused, not read
        broken = breaks(tree) if match and not (negatable and negated(prose, match.start())) and not settled_by_the_input(ask, match, prose, tree) else None
        if broken:
            return reason.format(ask=match.group(0), ask_end=match.group(0)[-40:], broken=broken)
    for match in RAISE_ASK.finditer(prose):
        name = match.group("name")
        if name in RAISED_BY_PYTHON or negated(prose, match.start()) or _handled_when_raised(prose, match):
            continue
        if re.search(rf"\b{name}\b", code):
            if _swallows(tree, name):
                return f"the instruction asks to raise {name} and the code catches it and goes on instead"
            continue
        if name == "OverflowError" and re.search(r"\*\*|\bmath\.|\bfloat\(|\bpow\(|\bexp\(|\bint\(|\bto_bytes\(|\bstruct\b|\btimedelta\b|\bdatetime\b|\bdate\b|\bctypes\b|\barray\b", code):
            continue  # float and conversion arithmetic raise it by themselves
        if name == "ValueError" and (_raised_by_a_call(code, prose, match) or _looks_up_an_enum(tree) or re.search(r"\bzip\([^\n]*\bstrict\s*=\s*True", code)):
            continue  # int("x") raises it, and so do Color("purple") and zip(..., strict=True) on uneven lengths
        return f"the instruction asks to raise {name} and the code never does"
    return missing_error_case(prose, tree)
