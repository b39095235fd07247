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
- "ignoring punctuation" / "punctuation must be ignored", and nothing that could drop a character
  (a character-class test, ``string.punctuation``, a regex, ``translate``, a filter, a ``replace`` or
  ``strip`` of something other than whitespace);
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
  which rounds halves to the even neighbour (``round(2.5) == 2``), with nothing that rounds up;
- a pattern found "anywhere in" the text, and only ``re.match``/``.match()``, which tries the start
  (a loop over positions may make it search; ``while match:`` from the last match's end does not);
- words "separated by any whitespace" (tabs, newlines), and ``split(" ")`` with no ``split()``;
- ties to keep their original order ("a stable sort"), and a sort that breaks them: a key that adds a
  second field of the item (``key=lambda p: (-p[1], p[0])``), or an ascending sort reversed
  afterwards (``sorted(xs, key=f)[::-1]``, which reverses the ties too; ``reverse=True`` keeps them);
- promises about behaviour (:func:`_kept_promise`): "must be iterative" and a function that calls
  itself, a TypeError for a wrong type and no type check, cleanup "even if the block raises" and a
  ``@contextmanager`` whose ``yield`` no ``try`` guards, "keep ``__name__``" and a wrapper without
  ``functools.wraps``, the global ``random`` state left alone and ``random.seed()``, the input left
  unchanged and ``param.sort()``; a list changed "in place" and a function that never changes any of
  its arguments (no item assigned or deleted, no mutating method, no call it is handed to) and
  builds a new one instead (:func:`_ignored_in_place`);
- an error asked for a value outside stated bounds ("raise ValueError unless it is in the range
  1-65535", "if the hours are not 0-23", "outside the range 0-150"), or what is valid bounded ("returns
  True when ... each between 0 and 255"), and code that never compares with the bound (nor one past
  it: ``range(1, 65536)``; a name bound to it counts), when
  nothing it calls (a date, ``strptime``) checks the bounds for it;
- a result of "at most `limit` characters", and a result made of the text cut to ``limit`` characters
  (perhaps through a name, ``cut = text[:limit]``, cut shorter again) with a marker added after it
  (``text[:limit] + "..."``, ``cut + ellipsis`` with ``ellipsis="..."``), which is longer;
- items returned "in the order of their first occurrence" (or "in their original order") by an
  instruction that never asks to sort, and a function that returns ``sorted(...)``;
- a rule for "the first or the last word" (item, character), and code that looks at the first
  (``i == 0``) and nowhere at the last: no ``[-1]``, no ``len(...) - 1``, no name that says "last",
  no reversal;
- a result "rounded to one decimal place" (to the nearest cent...), and code that never rounds:
  no ``round()``, ``quantize``, format with a precision, ``floor``/``ceil``, ``int()`` or ``//``;
- ties "broken alphabetically" (by name), and code whose one sort orders by a single field
  (``key=lambda item: item[1]``), or that ranks with ``Counter.most_common`` alone (ties in
  insertion order);
- equal priorities served "in the order they were pushed" (or items that "need not be comparable"),
  and ``heappush(heap, (priority, item))`` with nothing between them to break a tie;
- intervals that may touch ("half-open", "back-to-back bookings are allowed"), and an overlap test
  that compares a start with an end by ``<=`` or ``>=``;
- an overlap or conflict, and a test of whether either end of one interval falls inside the same
  other one (``start <= s < end or start < e <= end``), which misses an interval containing it;
- bounds "between `low` and `high` inclusive", and code whose every comparison with them is strict;
- a charge "for every started kilogram" (partial hours billed as full), and code that rounds down
  (``floor``, ``int()``, ``//``) and never up;
- what "appears in both", and code that unites the two (``a | b``) and never intersects them;
- order "for equal timestamps" (keys...), and a sort with no key (``sorted(pairs)``), which orders
  equal keys by the items' next field;
- a rule kept "only for `gmail.com` addresses", and code that never names ``gmail.com``;
- "keep the first occurrence" of each key, and a dict that a loop assigns into with no test of the
  key (``by_id[event["id"]] = event``), or a dict comprehension: the last one wins;
- items "in any order" to be merged or sorted, and code that never sorts (nor uses a heap or bisect);
- tiers "up to and including 1 kg" or grades "(90 and above)", and code whose every bound is strict
  (``weight < limit``), the input's range check (``if not 0 <= score <= 100: raise``) aside;
- "Monday–Friday" dates (working days), and ``weekday() < 6``, which counts Saturday;
- a result that "never goes below 0", and code that subtracts with no ``max``, ``abs`` nor test of 0;
- JSON "keys sorted", and ``json.dumps`` with no ``sort_keys`` nor ``sorted``;
- parts compared "numerically", and a sort or ``max`` key that splits the text and never converts;
- "1 is the highest score", and code whose sorts are all ascending;
- a bound the instruction includes ("A (90 and above)", "up to and including 5 kg"), and code that
  compares with that number strictly (``score > 90``) and nowhere by ``>=``/``<=``;
- a library's constant to use by name ("rounds using ROUND_HALF_UP"), and code that never names it;
- "consecutive duplicates" collapsed (like ``uniq``), and a set of every value seen with no look at
  a neighbour;
- ties broken alphabetically by a two-field key sorted with ``reverse=True``, which reverses the
  names too.

Markdown emphasis is read through ("a **recursive** function").

Each is skipped after "without", "not", "no", "instead of" ("iteratively, not recursively").
"""

from __future__ import annotations

import ast
import builtins
import re
from typing import Iterable, Optional, Set

from hfsynth.curate.python_ast import STDLIB_MODULES, own_scope_nodes, parse_python, without_docstrings

NEGATION = re.compile(r"\b(?:without|not|no|never|avoid|avoiding|instead of|rather than|non|nor)\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
FORBIDDING = re.compile(
    r"\b(?:without(?: using| calling| the help of)?|(?:do not|don't|never|must not|mustn't|cannot|can't|should not|shouldn't|not allowed to|may not)"
    r" (?:use|call|rely on|import)|not (?:using|use|calling)|avoid(?:ing)?(?: using| calling)?|no)\s+(?:the |any )?(?:built-?in |standard )?"
    r"(?P<names>(?:`?[\w.]+(?:\(\))?`?(?: (?:function|method|module|library))?(?:,\s*|\s+or\s+|\s+and\s+|\s*/\s*)?){1,4})",
    re.IGNORECASE,
)
FORBIDDEN_NAME = re.compile(r"`?(?P<dotted>[A-Za-z_][\w.]*?)(?P<call>\(\))?`?(?= |,|/|$|\)|\.(?!\w))")
SAME_CALL = {"sort": {"sort", "sorted"}, "sorted": {"sort", "sorted"}, "reverse": {"reverse", "reversed"}, "reversed": {"reverse", "reversed"}}
STDLIB = frozenset(name for name in STDLIB_MODULES if not name.startswith("_"))
BUILTIN_METHODS = {name for kind in (str, list, dict, set, tuple, int, float, bytes) for name in dir(kind) if not name.startswith("_")}
CALLABLE_NAMES = set(dir(builtins)) | BUILTIN_METHODS

GENERATOR_ASK = re.compile(r"\bgenerator (?:function|that (?:lazily )?yields|which yields)\b|\bas an? (?:lazy )?generator\b|\busing an? generator\b|\bgenerator expression\b", re.IGNORECASE)
RECURSION_ASK = re.compile(
    r"\b(?:using|use|with|via|through|by) recursion\b|\ban? recursive (?:function|solution|approach|implementation|algorithm|helper|version)\b|\brecursively\b",
    re.IGNORECASE,
)
ITERATIVE_ASK = re.compile(r"\biterative(?:ly)?\b|\bexplicit stack\b|\bwithout recursion\b", re.IGNORECASE)
# Recursion forbidden in so many words: "must be iterative", "no recursion", "not recursive".
NO_RECURSION = re.compile(
    r"\b(?:must|should|has to|needs to)\s+be\s+iterative\b|\b(?:no|without|avoid|avoiding|not use|don't use|do not use)\s+(?:any\s+)?recursion\b|\bnot\s+recursive(?:ly)?\b|\bnon-recursive(?:ly)?\b|"
    r"\b(?:instead of|rather than)\s+(?:using\s+)?recursion\b|\bimplement\w*\s+(?:it\s+|this\s+)?iteratively\b(?![^.]*\b(?:and|or)\s+recursively\b)",
    re.IGNORECASE,
)
EMPHASIS = re.compile(r"(?:\*\*|__|\*|_)([A-Za-z][\w -]*?)(?:\*\*|__|\*|_)(?!\w)")
# Exceptions Python raises by itself (``[].pop()``, ``1 / 0``, ``d[k]``): code may rightly let them happen.
RAISED_BY_PYTHON = {"IndexError", "KeyError", "ZeroDivisionError", "TypeError", "StopIteration", "AttributeError", "OverflowError", "RecursionError", "FileNotFoundError", "OSError", "UnicodeDecodeError", "Exception"}
# Calls that raise ValueError on bad input by themselves.
RAISES_VALUE_ERROR = re.compile(r"\b(?:int|float|complex|max|min|Decimal|Fraction|strptime|fromisoformat|date|datetime|time|fromtimestamp|ip_address|ip_network|loads|index|remove|mean|median|mode|stdev|literal_eval|unpack)\(")
CASE_ASK = re.compile(
    r"\bcase[- ]?insensitive(?:ly)?\b|\bignor(?:e|es|ing)\s+(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+))*(?:the\s+|letter\s+)*(?:case|capitali[sz]ation)\b|"
    r"\bregardless of (?:the |letter )?(?:case|capitali[sz]ation)\b|\bcase (?:does not|doesn't) matter\b",
    re.IGNORECASE,
)
DEDUP_ASK = re.compile(r"\bduplicates? (?:removed|dropped|eliminated)\b|\b(?:remove|removes|removing|drop|drops|dropping|eliminate|eliminates|without|no) (?:the |any |all )?duplicates?\b|\bdeduplicat", re.IGNORECASE)
# What removing duplicates takes: a set, dict keys, a count, a comparison of neighbours, or a membership
# test (:func:`tests_membership`: ``x in seen``; the ``in`` of ``for x in xs`` is none).
DEDUPING = re.compile(r"\bset\(|\bfrozenset\(|fromkeys|setdefault|\bnot in\b|Counter|groupby|unique|\.count\(|!=|==|\bdedup")
PUNCTUATION_ASK = re.compile(r"\bignor(?:e|es|ing)\s+(?:[\w-]+(?:,\s*|\s+(?:and|or)\s+))*(?:all\s+)?punctuation\b|\bpunctuation\s+(?:must|should)\s+be\s+(?:ignored|removed|stripped)\b", re.IGNORECASE)
# What dropping punctuation takes: a character class test, the punctuation set, a regex, a translation, a filter.
DROPS_PUNCTUATION = re.compile(r"isalnum|isalpha|isdigit|isspace|isidentifier|punctuation|\bre\.|\bregex\b|translate|maketrans|\bfilter\(|unicodedata|not in\b|\bin\s+['\"]|\[\^|\\W|\\w|ord\(")


def keys_a_dict(tree: ast.Module) -> bool:
    """``seen[item] = ...`` into a dict the code made (``{}``, ``dict()``): its keys hold each item once."""
    dicts = {t.id for n in ast.walk(tree) if isinstance(n, (ast.Assign, ast.AnnAssign)) and isinstance(n.value, (ast.Dict, ast.Call))
             and (isinstance(n.value, ast.Dict) or getattr(n.value.func, "id", None) in ("dict", "OrderedDict"))
             for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    return any(isinstance(n, ast.Subscript) and isinstance(n.ctx, ast.Store) and getattr(n.value, "id", None) in dicts for n in ast.walk(tree))


def _drops_a_character(tree: ast.Module) -> bool:
    """``.replace(",", "")`` or ``.strip(".!?")``: a call that could drop punctuation (not ``.replace(" ", "")``
    nor a bare ``.strip()``, which drop only whitespace)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("replace", "strip", "lstrip", "rstrip") and node.args:
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str) and not first.value.strip()):
                return True
    return False


HALF_UP_ASK = re.compile(
    r"\bhalf(?:way)?(?:[- ]way)?(?: points?| cases?| values?)?\s+(?:should |must |always |are |is )*round(?:s|ed)? up\b|\bround(?:s|ing)? half(?:[- ]way)? up\b|"
    r"\bround (?:\.5|0\.5|halves) up\b|\b(?:\.5|0\.5|halves)\s+(?:should |must |always |are |is )*round(?:s|ed)? (?:up|away from zero)\b",
    re.IGNORECASE,
)
HALF_UP_DONE = re.compile(r"ROUND_HALF_UP|ROUND_HALF_EVEN|\bfloor\(|\bceil\(|\+\s*0?\.5\b|//|\bdivmod\(|\bint\(")
ANYWHERE_ASK = re.compile(r"\b(?:anywhere|somewhere) in\b|\bappears? (?:anywhere )?in (?:the |a )?(?:given )?(?:text|string|line|sentence)\b", re.IGNORECASE)
ANY_WHITESPACE_ASK = re.compile(r"\b(?:separated|delimited|split) by (?:any (?:amount|number|run) of |runs of |arbitrary )?whitespace\b|\bany (?:amount|number|run) of whitespace\b|\b(?:spaces|whitespace), tabs?(?:,)? (?:and|or) newlines?\b", re.IGNORECASE)
STABLE_ASK = re.compile(
    r"\b(?:keep|keeps|kept|preserv\w*|maintain\w*|retain\w*|stay|remain)\b[^.]{0,40}\b(?:original|relative|input|their|own)\b[^.]{0,25}\border\b|"
    r"\bsort\w*\b[^.]{0,30}\bmust be stable\b|\b(?:a|the) stable sort\b",
    re.IGNORECASE,
)
RAISE_ASK = re.compile(r"\b(?i:raise|raises|raising|throw|throws|throwing)\s+(?:an?\s+)?`?(?P<name>[A-Z]\w*(?:Error|Exception))\b`?")
CASE_FOLDING = re.compile(r"\.(?:lower|upper|casefold|title|capitalize|swapcase)\b|IGNORECASE|\bre\.I\b|\(\?i\)|ascii_letters|str\.lower|str\.upper")
LAZY_CALL = re.compile(r"(?:iter|map|filter|zip|itertools\.\w+|(?:islice|count|cycle|chain|accumulate|takewhile|dropwhile))\(")
RECURSIVE_WALK = re.compile(r"\bos\.walk\b|\brglob\b|recursive\s*=\s*True|\*\*/|\bos\.fwalk\b|\bPath\.walk\b|\.walk\(")


def tests_membership(nodes: Iterable[ast.AST]) -> bool:
    """``x in seen``, ``x not in out`` among ``nodes``: a comparison, not the ``in`` of a ``for``."""
    return any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in nodes)


NEGATION_WORD = re.compile(r"\b(?:without|not|no|never|avoid|avoiding|instead of|rather than|non|nor)\b", re.IGNORECASE)
MODAL = re.compile(r"\b(?:must|should|shall|will)\b", re.IGNORECASE)


def negated(text: str, start: int) -> bool:
    """A negation just before ``start`` ("not recursively", "without raising"), unless a modal verb
    follows the negation's last word ("a segment without '=' must raise": the negation is another clause's)."""
    if not NEGATION.search(text[:start]):
        return False
    last = list(NEGATION_WORD.finditer(text, max(0, start - 60), start))
    return not (last and MODAL.search(text, last[-1].end(), start))


def _forbidden(prose: str) -> Set[str]:
    names = set()
    for match in FORBIDDING.finditer(prose):
        for item in FORBIDDEN_NAME.finditer(match.group("names")):
            dotted, call = item.group("dotted").strip("."), item.group("call")
            last = dotted.rpartition(".")[2]
            if call and last in CALLABLE_NAMES:
                names.add(last)
            elif not call and (dotted in STDLIB or (last in CALLABLE_NAMES and "." in dotted)):
                names.add(dotted if dotted in STDLIB else last)
    return names


def walk_outside_asserts(tree: ast.AST):
    """Every node but those of asserts: ``assert to_binary(5) == bin(5)[2:]`` may use what the answer must not."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(child for child in ast.iter_child_nodes(node) if not isinstance(child, ast.Assert))


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
    for node in ast.walk(tree):
        if isinstance(node, (ast.Yield, ast.YieldFrom)) or (isinstance(node, ast.GeneratorExp) and expression):
            return True
        if isinstance(node, ast.Return) and (isinstance(node.value, ast.GeneratorExp) or LAZY_CALL.match(ast.unparse(node.value) if node.value else "")):
            return True
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == "__next__":
            return True
    return False


def recurses(tree: ast.Module) -> bool:
    """Some function of the code calls itself, directly or through the others it calls."""
    functions = {n.name: n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    calls = {
        name: {c.func.id if isinstance(c.func, ast.Name) else c.func.attr for c in ast.walk(node) if isinstance(c, ast.Call) and isinstance(c.func, (ast.Name, ast.Attribute))} & set(functions)
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
    """A string literal of letters in both cases ("aeiouAEIOU", "[A-Za-z]"): case handled by hand. Not
    a docstring nor a sentence (a capital opening "Return the word" handles no case)."""
    docstrings = {id(n.body[0].value) for n in ast.walk(tree) if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings and not re.search(r"\s", node.value.strip()):
            letters = {c for c in node.value if c.isalpha()}
            if any(c.lower() in letters and c.upper() in letters and c.lower() != c.upper() for c in letters):
                return True
    return False


# Forbidden without a name to call: slicing, loops, imports ("without using slicing", "no loops",
# "without importing any modules"; "without external libraries" forbids non-standard imports only).
NO_SLICING = re.compile(r"\b(?:without|no|not|never|avoid|avoiding|don't|do not|must not|cannot|can't)\s+(?:\w+\s+){0,2}?(?:slicing|slices|slice notation|string slicing)\b", re.IGNORECASE)
NO_LOOPS = re.compile(
    r"\b(?:without|no|not|never|avoid|avoiding|don't|do not|must not|cannot|can't)\s+(?:using\s+|use\s+|writing\s+|explicit\s+)*(?:any\s+|a\s+|an\s+)?(?:explicit\s+)?"
    r"(?:(?:for|while)[- ]loops?\b|loops\b|loop\b(?=\s*(?:[,.;)]|$|\s+(?:or|and|statements?|constructs?)\b)))",
    re.IGNORECASE,
)
NO_IMPORTS = re.compile(
    r"\bwithout (?:importing|using|any) (?:any |external |third[- ]party )?(?:modules?|librar(?:y|ies)|imports|packages)\b|"
    r"\b(?:don't|do not|must not|cannot|can't|never) import\b|\bno (?:external |third[- ]party )?(?:imports|modules|librar(?:y|ies)|packages)\b",
    re.IGNORECASE,
)


CONSTANT_MEMORY = re.compile(r"\b(?:O\(1\)|constant)\s+(?:extra\s+|additional\s+|auxiliary\s+)?(?:memory|space)\b", re.IGNORECASE)
GROWS = frozenset({"add", "append", "extend", "insert", "update", "setdefault", "appendleft"})
COPYING = frozenset({"set", "list", "dict", "sorted", "frozenset", "tuple", "Counter", "deque"})


def _memory_that_grows(tree: ast.Module) -> Optional[str]:
    """A local collection (``visited = set()``) that a loop of its function grows and that the
    function never returns, or a copy of an argument (``set(nums)``, ``sorted(nums)``, a
    comprehension over it) that is not the result: memory that grows with the input, beside the result."""
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        own = list(own_scope_nodes(function))
        empty = {n.targets[0].id for n in own if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                 and (isinstance(n.value, (ast.List, ast.Dict, ast.Set)) and not getattr(n.value, "elts", getattr(n.value, "keys", None))
                      or isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) in ("set", "dict", "list") and not n.value.args)}
        returned = {m.id for r in own if isinstance(r, ast.Return) and r.value is not None for m in ast.walk(r.value) if isinstance(m, ast.Name)}
        for loop in (n for n in own if isinstance(n, (ast.For, ast.While, ast.AsyncFor))):
            for n in ast.walk(loop):
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
            if copies and id(n) not in result_ids and params & {m.id for m in ast.walk(n) if isinstance(m, ast.Name)}:
                return ast.unparse(n)[:40]
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
    match = NO_IMPORTS.search(prose)
    if match:
        imported = {a.name.split(".")[0] for n in nodes if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module.split(".")[0] for n in nodes if isinstance(n, ast.ImportFrom) and n.module and not n.level}
        imported -= {"typing", "__future__"}  # annotations import nothing the task is about
        if re.search(r"external|third[- ]party", match.group(0), re.IGNORECASE):
            imported -= STDLIB
        if imported:
            return f"the instruction forbids imports ({match.group(0)!r}) and the code imports {', '.join(sorted(imported))}"
    return None


TYPE_CHECK_ASK = re.compile(r"\b(?:is not|isn't|are not|aren't|not)\s+(?:an?\s+)?`?(?:int|integer|str|string|list|number|float|dict)s?\b|\bnon-(?:integer|string|numeric)\b|\bwrong type\b", re.IGNORECASE)
EXCEPTION_SAFE = re.compile(r"\b(?:even|also)\s+(?:\w+\s+){0,2}(?:if|when)\b[^.]{0,60}\b(?:rais\w*|exceptions?|errors?|fails?)\b|\bexception[- ]safe\b", re.IGNORECASE)
KEEPS_METADATA = re.compile(r"`?__(?:name|doc)__`?|\b(?:preserv|keep|retain)\w*\b[^.]{0,40}\b(?:name|docstring|metadata)\b", re.IGNORECASE)
GLOBAL_RANDOM = re.compile(r"\bglobal\s+`?random`?\s*(?:module|state|generator)?|\brandom module's (?:global )?state\b", re.IGNORECASE)
NO_MUTATION = re.compile(
    r"\b(?:must|should|does|do|will)\s+not\s+(?:be\s+)?(?:modif|mutat|chang|alter)\w*|\boriginal\s+(?:list|input|array|dict|sequence)\b[^.]{0,40}\b(?:unchanged|untouched|intact|unmodified)\b|"
    r"\bwithout\s+(?:modifying|mutating|changing|altering)\s+(?:the\s+)?(?:original|input|given)\b",
    re.IGNORECASE,
)
MUTATORS = frozenset({"sort", "reverse", "append", "extend", "insert", "remove", "pop", "clear", "update", "popitem", "setdefault", "add", "discard"})


def _mutated_parameter(tree: ast.Module) -> Optional[str]:
    """``param.sort()``, ``param[i] = x``, ``del param[k]`` on a parameter the function never rebinds to a copy."""
    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        params = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs} - {"self", "cls"}
        params -= {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        for node in ast.walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATORS and isinstance(node.func.value, ast.Name) and node.func.value.id in params:
                return f"{node.func.value.id}.{node.func.attr}()"
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else node.target if isinstance(node, ast.AugAssign) else None
            targets = node.targets if isinstance(node, ast.Delete) else [target]
            for t in targets:
                if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in params:
                    return f"{ast.unparse(t)[:30]} = ..."
    return None


# "removes ... from the list in place", "sort the array in-place": a verb that changes the argument, then "in place".
IN_PLACE_ASK = re.compile(
    r"\b(?:modif|mutat|remov|sort|revers|rotat|updat|shuffl|mov|swap|delet|filter|replac|insert|dedup|partition|transpos|fill|clear|normali[sz]|scal|"
    r"increment|rearrang|reorder|squar|doubl|negat|zero|drop|strip|trim|compact|merg)\w*\b[^.;]{0,60}?\bin[- ]place\b",
    re.IGNORECASE,
)
NOT_AN_ARGUMENT = re.compile(r"\b(?:strings?|str|text|files?|dataframes?|df|series|new (?:list|array|dict)|copy|copies|returns? (?:a |the )?(?:new|sorted|reversed)|"
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

    for node in ast.walk(function):
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
    if not match or negated(prose, match.start()) or NOT_AN_ARGUMENT.search(prose) or any(isinstance(n, ast.ClassDef) for n in ast.walk(tree)):
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
    text = ast.unparse(without_docstrings(tree))
    if NO_RECURSION.search(prose) and recurses(tree):
        return f"the instruction forbids recursion ({NO_RECURSION.search(prose).group(0)!r}) and the code recurses"
    if re.search(r"\bTypeError\b", prose) and TYPE_CHECK_ASK.search(prose) and not re.search(r"\bisinstance\(|\btype\(|\bTypeError\b|__class__", text):
        return "the instruction asks for a TypeError on a wrong type and the code never checks a type"
    if EXCEPTION_SAFE.search(prose):
        for function in ast.walk(tree):
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)) and any("contextmanager" in ast.unparse(d) for d in function.decorator_list):
                guarded = {id(n) for t in ast.walk(function) if isinstance(t, ast.Try) and (t.finalbody or t.handlers) for s in t.body for n in ast.walk(s)}
                if any(isinstance(n, (ast.Yield, ast.YieldFrom)) and id(n) not in guarded for n in ast.walk(function)):
                    return f"the instruction asks for cleanup when the block raises and {function.name}() yields outside any try/finally"
    if KEEPS_METADATA.search(prose) and not re.search(r"\bwraps\b|update_wrapper|__name__\s*=|__doc__\s*=|__wrapped__|__dict__", text):
        for function in ast.walk(tree):
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


def _swallows(tree: ast.Module, name: str) -> bool:
    """The code names ``name`` only in ``except name:`` clauses that never raise, and nothing
    outside those ``try`` statements may raise it (for ValueError, no ``int(text)``): whatever goes
    wrong, ``name`` never reaches the caller."""
    def catches(handler: ast.ExceptHandler) -> bool:
        types = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        return any(isinstance(t, ast.Name) and t.id == name for t in types)

    swallowing = [n for n in ast.walk(tree) if isinstance(n, ast.Try) and any(catches(h) for h in n.handlers)]
    if not swallowing or any(isinstance(n, ast.Raise) for t in swallowing for h in t.handlers if catches(h) for n in ast.walk(h)):
        return False
    inside = {id(n) for t in swallowing for n in ast.walk(t)}
    rest = [n for n in ast.walk(tree) if id(n) not in inside]
    if any(isinstance(n, ast.Name) and n.id == name for n in rest):
        return False
    calls = " ".join(ast.unparse(n) for n in rest if isinstance(n, ast.Call))
    return not (name == "ValueError" and RAISES_VALUE_ERROR.search(calls))


def _ties_broken(tree: ast.Module) -> Optional[str]:
    """How a ``sorted``/``sort`` of the code reorders items whose keys are equal, else None."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and _is_keyed_sort(node.value) \
                and ast.unparse(node.slice.step or ast.Constant(1)) == "-1" and node.slice.lower is None and node.slice.upper is None:
            return f"{ast.unparse(node)[:50]} reverses the sorted list, ties included"
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "reversed" and node.args and _is_keyed_sort(node.args[0]):
            return f"{ast.unparse(node)[:50]} reverses the sorted list, ties included"
        if not _is_keyed_sort(node):
            continue
        key = next(k.value for k in node.keywords if k.arg == "key")
        iterable = node.args[0] if node.args else None
        if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "enumerate":
            continue  # (value, index) keys keep the input's order
        if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and len(key.body.elts) > 1 and key.args.args:
            item = key.args.args[0].arg
            if any(any(isinstance(n, ast.Name) and n.id == item for n in ast.walk(part)) for part in key.body.elts[1:]):
                return f"its key {ast.unparse(key)[:50]} breaks ties by another field"
    return None


def _is_keyed_sort(node: ast.AST) -> bool:
    """``sorted(xs, key=...)`` or ``xs.sort(key=...)``."""
    return (isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "sorted" or (isinstance(node.func, ast.Attribute) and node.func.attr == "sort"))
            and any(k.arg == "key" for k in node.keywords))


def _calls(tree: ast.Module, name: str) -> bool:
    """The code calls the builtin ``name`` (and does not define its own)."""
    defined = {n.name for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return name not in defined and any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == name for n in walk_outside_asserts(tree))


def _looks_up_an_enum(tree: ast.Module) -> bool:
    """The code defines an Enum and calls it (``cls(value)``, ``Color(value)``), which raises ValueError for an unknown value."""
    enums = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and any(ast.unparse(b).split(".")[-1].endswith("Enum") for b in n.bases)}
    return bool(enums) and any(isinstance(n, ast.Call) and getattr(n.func, "id", None) in enums | {"cls"} for n in ast.walk(tree))


# "leaves every other character unchanged": str.capitalize() and str.title() lowercase the rest of the word.
REST_UNCHANGED_ASK = re.compile(
    r"\b(?:leav\w*|keep\w*|preserv\w*) (?:every|all|the|each) (?:other|remaining) (?:characters?|letters?)\b[^.]{0,20}\b(?:unchanged|as (?:is|they are)|intact)\b|"
    r"\b(?:rest|remainder) of (?:the|each|every) (?:word|sentence|string|text)\b[^.]{0,30}\b(?:unchanged|as (?:is|it is)|intact)\b|"
    r"\bonly the first (?:letter|character)\b[^.]{0,40}\b(?:changes?|changed|uppercased|capitali[sz]ed)\b",
    re.IGNORECASE,
)
# "raising ValueError if it is outside the range 1-65535"
RANGE_RAISE_ASK = re.compile(
    r"\b(?:raise|raises|raising|throw|throws)\b[^.]{0,40}\b(?:if|when)\b[^.]{0,60}\b(?:outside|out of|not (?:in|within)|beyond)\b[^.]{0,12}\b(?:the |its )?(?:range|bounds?|limits?|interval)\b|"
    r"\b(?:outside|out of)\b[^.]{0,12}\b(?:the |its )?(?:range|bounds?)\b[^.]{0,60}\b(?:raise|raises|raising|throw|throws)\b",
    re.IGNORECASE,
)


UNKNOWN_KEY = (r"\b(?:unknown|unsupported|unrecogni[sz]ed|invalid|bad)\s+(?:\w+\s+)?(?:units?|keys?|codes?|commands?|operators?|operations?|"
               r"currenc(?:y|ies)|formats?|options?|suffix(?:es)?|names?|types?|modes?|levels?)\b")
UNKNOWN_RAISE_ASK = re.compile(
    r"\b(?:raise|raises|raising|throw|throws)\b[^.]{0,40}\b(?:for|on|if|when|with)\b[^.]{0,30}" + UNKNOWN_KEY + "|"
    r"\b(?:for|on|if|when|with)\b[^.]{0,30}" + UNKNOWN_KEY + r"[^.]{0,40}\b(?:raise|raises|raising|throw|throws)\b",
    re.IGNORECASE,
)


NEGATIVE_ASK = re.compile(
    r"\binclud\w*\s+(?:\w+\s+){0,2}?negative\b|\bnegative (?:numbers|integers|values|ones)\b[^.]{0,15}\b(?:too|as well|such as|like)\b|"
    r"\b(?:handle|handles|handling|support|supports|accept|accepts)\s+(?:\w+\s+){0,2}?negative\b|\b(?:may|can|might) be negative\b",
    re.IGNORECASE,
)
REGEX_CALLS = frozenset({"findall", "finditer", "search", "match", "fullmatch", "compile", "sub", "split"})


def _digits_without_a_sign(tree: ast.Module) -> Optional[str]:
    """The regular expressions the code reads numbers with (``\\d``, in an ``re`` call) when not one of
    them can match a minus sign: "-12" is read as 12."""
    patterns = [n.args[0] for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in REGEX_CALLS
                and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)]
    numbers = [p for p in patterns if "\\d" in p.value]
    if numbers and not any("-" in p.value for p in patterns):
        return f"its pattern {numbers[0].value!r} (line {numbers[0].lineno}) has no minus sign"
    return None


def _defaults_unknown_keys(tree: ast.Module) -> Optional[str]:
    """``TABLE.get(key, default)`` on a dict the code spells out, with a default that is not None and no
    ``in TABLE`` test anywhere: a key the table lacks gets the default instead of an error."""
    tables = {n.targets[0].id for n in ast.walk(tree) if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
              and isinstance(n.value, (ast.Dict, ast.DictComp))}
    tested = {c.comparators[0].id for c in ast.walk(tree) if isinstance(c, ast.Compare) and len(c.ops) == 1 and isinstance(c.ops[0], (ast.In, ast.NotIn))
              and isinstance(c.comparators[0], ast.Name)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "get" and len(node.args) == 2
                and isinstance(node.func.value, ast.Name) and node.func.value.id in tables - tested
                and not (isinstance(node.args[1], ast.Constant) and node.args[1].value is None)):
            return f"{ast.unparse(node)[:50]} (line {node.lineno}) answers {ast.unparse(node.args[1])[:20]} for a key the table lacks"
    return None


def _lowercases_the_rest(tree: ast.Module) -> Optional[str]:
    """A ``capitalize()`` or ``title()`` of more than one character (not ``word[0].capitalize()``)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("capitalize", "title") and not node.args
                and not (isinstance(node.func.value, ast.Subscript) and not isinstance(node.func.value.slice, ast.Slice))):
            return f"{ast.unparse(node)[:40]} (line {node.lineno}) lowercases every letter after the first"
    return None


def _clamps_instead(tree: ast.Module) -> Optional[str]:
    """``max(lo, min(x, hi))`` where the code never compares a value with a bound to raise."""
    clamp = next((n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", None) in ("max", "min") and len(n.args) == 2
                  and any(isinstance(a, ast.Call) and getattr(a.func, "id", None) in ({"max", "min"} - {n.func.id}) for a in n.args)), None)
    if clamp is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and any(isinstance(n, ast.Raise) for b in node.body for n in ast.walk(b)):
            if any(isinstance(c, ast.Compare) and any(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.In, ast.NotIn)) for op in c.ops) for c in ast.walk(node.test)):
                return None  # it does check a bound
    return f"{ast.unparse(clamp)[:50]} (line {clamp.lineno}) clamps the value into range and nothing raises for one outside it"


# "raise ValueError unless the port is in the range 1-65535", "between -90 and 90 ... raise"
BOUNDS = re.compile(
    r"\b(?:(?:in|within|inside)\s+(?:the\s+)?(?:range|interval)|outside(?:\s+of)?(?:\s+the\s+(?:range|interval))?|between|from)\s+\[?(?P<low>-?\d+(?:\.\d+)?)\s*(?:-|–|to|and|\.\.|,)\s*(?P<high>-?\d+(?:\.\d+)?)\b",
    re.IGNORECASE,
)
BOUNDS_NOT = re.compile(r"\b(?:is|are)\s+not\s+(?:in\s+|within\s+|between\s+)?(?P<low>-?\d+)\s*(?:-|–|to|\.\.)\s*(?P<high>-?\d+)\b", re.IGNORECASE)
CHECKS_BY_ITSELF = re.compile(r"\b(?:date|datetime|time|timedelta|strptime|fromisoformat|ip_address|ip_network|IPv4Address|IPv6Address|chr|calendar|Enum)\b")


def _constant_value(node: ast.AST) -> Optional[float]:
    """The value of small constant arithmetic (``2 ** 16 - 1``, ``-90``, ``1 << 16``), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return float(node.value) if abs(node.value) < 1e300 else None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _constant_value(node.operand)
        return None if value is None else -value
    if isinstance(node, ast.BinOp):
        left, right = _constant_value(node.left), _constant_value(node.right)
        if left is None or right is None or max(abs(left), abs(right)) > 1e12:
            return None
        if isinstance(node.op, ast.Add):
            return left + right
        if isinstance(node.op, ast.Sub):
            return left - right
        if isinstance(node.op, ast.Mult):
            return left * right
        if isinstance(node.op, ast.Pow) and abs(left) <= 1000 and 0 <= right <= 64:
            return left ** right
        if isinstance(node.op, ast.LShift) and 0 <= right <= 64 and left == int(left):
            return float(int(left) << int(right))
    return None


def _compared_numbers(tree: ast.Module) -> Set[float]:
    """The numbers the code compares with (``0 <= h <= 23``, ``range(1, 65536)``), with the value of
    constant arithmetic (``2 ** 16``, ``0xFFFF``) and of names bound to a number that a comparison reads
    (``MAX_PORT = 65535``, ``high=65535``)."""
    compared = {n.id for c in ast.walk(tree) if isinstance(c, ast.Compare) for n in ast.walk(c) if isinstance(n, ast.Name)}
    places = [c for c in ast.walk(tree) if isinstance(c, ast.Compare)]
    places += [c for c in ast.walk(tree) if isinstance(c, ast.Call) and getattr(c.func, "id", None) in ("range", "min", "max")]
    places += [a.value for a in ast.walk(tree) if isinstance(a, ast.Assign) and any(isinstance(t, ast.Name) and t.id in compared for t in a.targets)]
    for function in (f for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))):
        named = function.args.posonlyargs + function.args.args
        places += [d for a, d in zip(named[len(named) - len(function.args.defaults):], function.args.defaults) if a.arg in compared]
        places += [d for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults) if d is not None and a.arg in compared]
    values = (_constant_value(n) for place in places for n in ast.walk(place) if isinstance(n, (ast.Constant, ast.UnaryOp, ast.BinOp)))
    return {v for v in values if v is not None}


# "returns True for dotted-quad addresses: four parts, each between 0 and 255": a bound a validity check must test.
VALIDITY_ASK = re.compile(r"\b(?:returns?|returning)\s+`?(?:True|False)`?\b|\b(?:is|are)\s+(?:valid|invalid)\b|\bvalidat\w*", re.IGNORECASE)


def _unchecked_bound(prose: str, tree: ast.Module, code: str) -> Optional[str]:
    """A sentence that asks to raise (or says what is valid) and states numeric bounds, and code that
    compares with neither the upper bound nor one past it (or, when it is not 0, the lower)."""
    if CHECKS_BY_ITSELF.search(code):
        return None
    numbers = None
    for sentence in re.split(r"(?<=[.;])\s+", prose):
        if not RAISE_ASK.search(sentence) and not VALIDITY_ASK.search(sentence):
            continue
        for found in [*BOUNDS.finditer(sentence), *BOUNDS_NOT.finditer(sentence)]:
            low, high = float(found.group("low")), float(found.group("high"))
            if low >= high:
                continue
            if numbers is None:  # and the counts of a regex's repetition ("[0-9]{12,19}"): a length bound checked by the pattern
                numbers = _compared_numbers(tree) | {float(n) for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
                                                     for pair in re.findall(r"\{(\d+)(?:,(\d*))?\}", node.value) for n in pair if n}
            for bound in (high, low) if low else (high,):
                if not any(abs(n - bound) <= 1 for n in numbers):
                    what = "asks to raise outside" if RAISE_ASK.search(sentence) else "bounds what is valid by"
                    return f"the instruction {what} {found.group('low')}-{found.group('high')} and the code never compares with {found.group('high' if bound == high else 'low')}"
    return None


AT_MOST = re.compile(r"\b(?:at most|no (?:longer|more) than|not (?:longer|more) than|never (?:longer|more) than|up to)\s+`?(?P<name>[A-Za-z_]\w*)`?\s+(?:characters|chars)\b", re.IGNORECASE)


def _cut_then_extended(tree: ast.Module, name: str) -> Optional[str]:
    """``text[:name] + "..."`` (or ``f"{text[:name]}..."``) in a function whose parameter ``name`` is never reassigned."""
    for function in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
        if name not in {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}:
            continue
        if any(isinstance(n, ast.Name) and n.id == name and not isinstance(n.ctx, ast.Load) for n in ast.walk(function)):
            continue

        def sliced(node, names) -> bool:
            while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("rstrip", "strip", "lstrip"):
                node = node.func.value
            return isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice) and node.slice.lower is None and node.slice.step is None \
                and (isinstance(node.slice.upper, ast.Name) and node.slice.upper.id == name or isinstance(node.value, ast.Name) and node.value.id in names)

        # ``cut = text[:limit]``, then perhaps ``cut = cut[:space]``: a name that only ever holds the cut text, shortened.
        bound = [n for n in ast.walk(function) if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)]
        cuts: set = set()
        for target in {n.targets[0].id for n in bound}:
            values = [n.value for n in bound if n.targets[0].id == target]
            if any(sliced(v, set()) for v in values) and all(sliced(v, {target}) for v in values):
                cuts.add(target)

        def cut(node) -> bool:
            while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("rstrip", "strip", "lstrip"):
                node = node.func.value
            return sliced(node, set()) or isinstance(node, ast.Name) and node.id in cuts

        marks = {a.arg: d.value for a, d in zip((function.args.posonlyargs + function.args.args)[-len(function.args.defaults):] if function.args.defaults else [], function.args.defaults)
                 if isinstance(d, ast.Constant) and isinstance(d.value, str) and d.value}
        for node in ast.walk(function):
            added = None
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and cut(node.left) and isinstance(node.right, ast.Constant) and isinstance(node.right.value, str):
                added = node.right.value
            elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and cut(node.left) and isinstance(node.right, ast.Name) and node.right.id in marks:
                added = marks[node.right.id]  # ``ellipsis="..."``, a parameter with a marker for default
            elif isinstance(node, ast.JoinedStr):
                parts = node.values
                for here, after in zip(parts, parts[1:]):
                    if isinstance(here, ast.FormattedValue) and cut(here.value) and isinstance(after, ast.Constant):
                        added = after.value
            if added:
                return f"{ast.unparse(node)[:50]} (line {node.lineno}) keeps {name} characters and adds {added!r} after them"
    return None


ORDER_KEPT_ASK = re.compile(
    r"\bin (?:the )?order of (?:their |its )?first (?:occurrence|appearance)s?\b|\b(?:in|keep\w*|preserv\w*|maintain\w*|retain\w*)\b[^.]{0,25}\b(?:their |the |its )?original order\b|"
    r"\bin (?:the )?(?:same )?order (?:they|in which they) (?:first )?(?:appear|occur)\w*\b",
    re.IGNORECASE,
)


def _sorted_result(tree: ast.Module) -> Optional[str]:
    """A function that returns ``sorted(...)``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "sorted":
            return f"the code returns {ast.unparse(node.value)[:50]} (line {node.lineno}), in another order"
    return None


FIRST_AND_LAST_ASK = re.compile(r"\b(?:the )?first (?:or|and) (?:the )?last (?:word|item|element|character|letter|line|value|entry|one)s?\b", re.IGNORECASE)


def _never_reads_the_end(tree: ast.Module) -> Optional[str]:
    """Code that tests for the first position (``== 0``, ``[0]``) with nothing that could find the last."""
    first = next((n for n in ast.walk(tree) if isinstance(n, ast.Compare) and any(isinstance(c, ast.Constant) and c.value == 0 for c in n.comparators + [n.left])), None)
    if first is None:
        return None
    for node in ast.walk(tree):
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
    return f"the code tests the first position ({ast.unparse(first)[:40]}, line {first.lineno}) and never the last"


ROUND_ASK = re.compile(
    r"\brounded (?:off |down |up )?to (?:one|two|three|four|\d+) (?:decimal|digits?)\b|\brounded to (?:the nearest|a whole|whole)\b|"
    r"\bround(?:s|ing)? (?:it |the (?:result|value|answer|average|mean|total)s? )?to (?:one|two|three|\d+) decimal|\bto (?:one|two|three|\d+) decimal places\b",
    re.IGNORECASE,
)
ROUNDING = re.compile(r"\bround\(|quantize|:[^}\n]*\.\d+[fge%]|%[-+ 0#]*\d*\.\d+[fge]|\bformat\(|ROUND_|\bfloor\b|\bceil\b|\bint\(|//|\btrunc\b")


def _never_rounds(tree: ast.Module) -> Optional[str]:
    return None if ROUNDING.search(ast.unparse(tree)) else "the code never rounds (no round(), quantize or precision in a format)"


TIE_ALPHA_ASK = re.compile(
    r"\bties?\b[^.]{0,40}\b(?:broken|resolved|ordered|sorted|decided|settled)\b[^.]{0,30}\b(?:alphabetical\w*|by (?:the )?(?:name|player|word|key|title)s?|lexicographic\w*)\b|"
    r"\b(?:alphabetical\w*|by name)\b[^.]{0,20}\b(?:for|on|among|in case of|to break|breaking) (?:the )?ties?\b|"
    r"\b(?:break|breaks|breaking)\s+(?:the\s+|any\s+)?ties?\s+(?:alphabetical\w*|by (?:the )?(?:\w+ )?name|lexicographic\w*)|"
    r"\b(?:equal|same|tied|identical)\s+\w+\s+(?:are\s+)?(?:ordered|sorted|listed|ranked)\s+(?:alphabetical\w*|by (?:the )?(?:\w+ )?name)",
    re.IGNORECASE,
)
SORTS = frozenset({"sorted", "sort", "nlargest", "nsmallest"})


def _one_field_sort(tree: ast.Module) -> Optional[str]:
    """The code's one sort orders by a single field, or by two with ``reverse=True`` (the ties reversed too),
    or it ranks with ``most_common`` and never sorts."""
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) in SORTS or getattr(n.func, "attr", None) in SORTS)]
    if not calls:
        common = next((n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "most_common"), None)
        return f"it ranks with {ast.unparse(common)[:40]} (line {common.lineno}), which leaves ties in insertion order" if common else None
    if len(calls) > 1:
        return None  # sorted twice (stable): the ties may be the first sort's
    key = next((k.value for k in calls[0].keywords if k.arg == "key"), None)
    single = (isinstance(key, ast.Lambda) and not isinstance(key.body, ast.Tuple)) or (
        isinstance(key, ast.Call) and getattr(key.func, "id", getattr(key.func, "attr", None)) in ("itemgetter", "attrgetter") and len(key.args) == 1)
    if single:
        return f"its one sort ({ast.unparse(calls[0])[:50]}, line {calls[0].lineno}) orders by a single field"
    reverse = any(k.arg == "reverse" and isinstance(k.value, ast.Constant) and k.value.value is True for k in calls[0].keywords)
    if reverse and isinstance(key, ast.Lambda) and isinstance(key.body, ast.Tuple) and len(key.body.elts) > 1 \
            and not any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for n in ast.walk(key.body)):
        return f"its sort ({ast.unparse(calls[0])[:50]}, line {calls[0].lineno}) reverses the tie-breaking field too (Z before A)"
    return None


FIFO_TIES_ASK = re.compile(
    r"\bequal priorit\w*\b[^.]{0,80}\b(?:in the order (?:they|in which they) were (?:pushed|added|inserted|enqueued)|FIFO|first[- ]in,? first[- ]out|insertion order)\b|"
    r"\bitems?\b[^.]{0,30}\bneed not be comparable\b|\bnon-?comparable items\b",
    re.IGNORECASE,
)


def _ties_compare_items(tree: ast.Module) -> Optional[str]:
    """``heappush(heap, (priority, item))``: equal priorities compare the items (any order, or TypeError)."""
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) == "heappush" and len(node.args) == 2
                and isinstance(node.args[1], ast.Tuple) and len(node.args[1].elts) == 2):
            return f"{ast.unparse(node)[:50]} (line {node.lineno}) compares the items themselves when two priorities are equal"
    return None


TOUCHING_ALLOWED_ASK = re.compile(
    r"\bhalf-open\b|\bback-to-back\b[^.]{0,60}\b(?:allowed|fine|ok|permitted|do not overlap|don't overlap)\b|"
    r"\bends? (?:exactly )?(?:when|where|at the (?:same )?(?:time|minute|moment))\b[^.]{0,40}\bstarts?\b[^.]{0,40}\b(?:allowed|fine|ok|permitted|not (?:an )?overlap\w*|do not overlap|don't overlap|can share)\b",
    re.IGNORECASE,
)


def _touching_counted_as_overlap(tree: ast.Module) -> Optional[str]:
    """An overlap test ``start <= other.end and other.start <= end``: a start compared with an end by ``<=``/``>=``."""
    def says(node, word):
        text = ast.unparse(node).lower()
        return word in text.rsplit(".", 1)[-1] or word in text.rsplit("[", 1)[-1]
    for node in ast.walk(tree):
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            loose = [c for c in node.values if isinstance(c, ast.Compare) and len(c.ops) == 1 and isinstance(c.ops[0], (ast.LtE, ast.GtE))
                     and ((says(c.left, "start") and says(c.comparators[0], "end")) or (says(c.left, "end") and says(c.comparators[0], "start")))]
            if len(loose) == 2:
                return f"its overlap test {ast.unparse(node)[:60]} (line {node.lineno}) counts intervals that only touch as overlapping"
    return None


# "whose price is between `low` and `high` inclusive", "from 1 to 10 inclusive"
INCLUSIVE_ASK = re.compile(
    r"\b(?:between|from)\s+`?(?P<low>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?\s+(?:and|to)\s+`?(?P<high>[A-Za-z_]\w*|-?\d+(?:\.\d+)?)`?\s*,?\s*\(?(?:both\s+)?(?:inclusive|included)\b",
    re.IGNORECASE,
)


def _excludes_a_bound(tree: ast.Module, low: str, high: str) -> Optional[str]:
    """Every comparison with ``low`` or ``high`` is strict the way that leaves the bound out (``low < x``,
    ``x < high``), and none of them (nor ``range(low, high + 1)``) lets it in."""
    def names(node, bound):
        if bound[0].isdigit() or bound[0] == "-":
            value = _constant_value(node)
            return value is not None and value == float(bound)
        return isinstance(node, ast.Name) and node.id == bound
    strict, loose = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            sides = [node.left] + node.comparators
            for left, op, right in zip(sides, node.ops, sides[1:]):
                pairs = ((left, op, right), (right, {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}.get(type(op), type(op))(), left))
                for a, o, b in pairs:
                    if names(a, low) and isinstance(o, (ast.Lt, ast.LtE)) or names(b, high) and isinstance(o, (ast.Lt, ast.LtE)):
                        (strict if isinstance(o, ast.Lt) else loose).append(node)
                    elif names(a, high) and isinstance(o, (ast.Gt, ast.GtE)) or names(b, low) and isinstance(o, (ast.Gt, ast.GtE)):
                        (strict if isinstance(o, ast.Gt) else loose).append(node)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("range", "bisect_right", "bisect_left", "min", "max", "clamp"):
            loose.append(node)
    if strict and not loose:
        return f"its comparison {ast.unparse(strict[0])[:60]} (line {strict[0].lineno}) leaves the bound out"
    return None


# "1.50 for every started kilogram", "partial hours are billed as full hours", "rounded up to the next whole"
STARTED_UNIT_ASK = re.compile(
    r"\b(?:every|each|any|per)\s+(?:started|begun|commenced|partial|part of an?|fraction of an?|fractional)\s+(?:\w+\s+)?(?:kilo\w*|kg|hours?|minutes?|days?|units?|km|miles?|blocks?|gb|mb|pages?|weeks?|months?|kilometres?|kilometers?)\b|"
    r"\bpartial\s+\w+s?\s+(?:count|counts|are charged|is charged|are billed|is billed)\s+as\s+(?:a\s+)?(?:full|whole)\b",
    re.IGNORECASE,
)


def _rounds_down_only(tree: ast.Module) -> Optional[str]:
    """``math.floor``, ``int()`` or ``//`` and nothing that rounds up: no ``ceil``, no ``-(-a // b)``, no remainder test."""
    down = None
    for node in ast.walk(tree):
        name = getattr(node.func, "attr", None) or getattr(node.func, "id", None) if isinstance(node, ast.Call) else None
        if name == "ceil" or isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) or isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, (ast.BinOp, ast.UnaryOp)):
            return None
        if down is None and (name in ("floor", "int", "trunc") or isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv)):
            down = node
    return f"it rounds down ({ast.unparse(down)[:50]}, line {down.lineno}) and never up" if down is not None else None


# "the words that appear in both texts": an intersection, and code that only unites.
BOTH_ASK = re.compile(r"\b(?:appear|appears|occur|occurs|present|found|contained|exist|exists)\s+in\s+both\b|\bcommon\s+to\s+both\b|\bshared\s+by\s+both\b", re.IGNORECASE)


def _unites_only(tree: ast.Module) -> Optional[str]:
    union = None
    for node in ast.walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitAnd) or isinstance(node, ast.AugAssign) and isinstance(node.op, ast.BitAnd) \
                or isinstance(node, ast.Attribute) and node.attr in ("intersection", "intersection_update", "issubset", "issuperset") \
                or isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) or isinstance(node, ast.BoolOp) and isinstance(node.op, ast.And):
            return None
        if union is None and (isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) or isinstance(node, ast.Attribute) and node.attr == "union"):
            union = node
    return f"it unites the two ({ast.unparse(union)[:50]}, line {union.lineno}) and never intersects them" if union is not None else None


OVERLAP_ASK = re.compile(r"\boverlap\w*|\bconflict\w*|\bclash\w*|\bdouble[- ]book\w*|\bintersect(?:s|ing)?\b", re.IGNORECASE)


def _one_side_inside(tree: ast.Module) -> Optional[str]:
    """``start <= s < end or start < e <= end``: both endpoints of one interval tested inside the same
    other one, so an interval that contains it whole is missed (``s < end and start < e`` is the test)."""
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or)):
            continue
        chains = [c for c in node.values if isinstance(c, ast.Compare) and len(c.ops) == 2 and all(isinstance(op, (ast.Lt, ast.LtE)) for op in c.ops)]
        outer = {(ast.dump(c.left), ast.dump(c.comparators[1])) for c in chains}
        middles = {ast.dump(c.comparators[0]) for c in chains}
        if len(chains) == len(node.values) == 2 and len(outer) == 1 and len(middles) == 2:
            return f"its overlap test {ast.unparse(node)[:70]} (line {node.lineno}) only asks whether an end falls inside the other interval, and misses one that contains it"
    return None


# "for equal timestamps keep entries from earlier streams first": items with a key and more, ordered by the key alone.
EQUAL_KEYS_ASK = re.compile(r"\b(?:for|with|on|among|between)\s+(?:the\s+)?(?:equal|identical|same|tied)\s+\w+s?\b[^.]{0,60}\b(?:first|order|before)\b", re.IGNORECASE)


def _sorts_whole_items(tree: ast.Module) -> Optional[str]:
    """A sort with no key (``sorted(pairs)``, ``heapq.merge(*runs)``): equal keys are ordered by the items' next field."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and not any(k.arg == "key" for k in node.keywords):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("sorted", "merge") and node.args or name == "sort" and isinstance(node.func, ast.Attribute) and not node.args:
                iterable = node.args[0] if node.args else None
                if isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "enumerate":
                    continue
                return f"{ast.unparse(node)[:50]} (line {node.lineno}) sorts by the whole item, so equal keys are ordered by the next field"
    return None


# "A (90 and above)", "up to and including 5 kg": a bound the instruction gives as included, compared strictly.
STATED_INCLUSIVE = re.compile(r"\(\s*(?P<above>\d+(?:\.\d+)?)\s*%?\s+(?:and|or)\s+(?:above|over|higher|up)\s*\)|\bup\s+to\s+and\s+including\s+(?P<upto>\d+(?:\.\d+)?)\b", re.IGNORECASE)


def _stated_bound_compared_strictly(prose: str, tree: ast.Module) -> Optional[str]:
    """``score > 90`` for "A (90 and above)", ``weight < 5`` for "up to and including 5 kg", and no ``>=``
    nor ``<=`` with that number anywhere."""
    for match in STATED_INCLUSIVE.finditer(prose):
        bound = float(match.group("above") or match.group("upto"))
        strict, inclusive = None, False
        for node in walk_outside_asserts(tree):
            if not isinstance(node, ast.Compare):
                continue
            sides = [node.left] + node.comparators
            for left, op, right in zip(sides, node.ops, sides[1:]):
                if _constant_value(right) == bound:
                    value_side, flipped = op, False
                elif _constant_value(left) == bound:
                    value_side, flipped = op, True
                else:
                    continue
                if isinstance(op, (ast.LtE, ast.GtE)):
                    inclusive = True
                below = isinstance(op, ast.Gt) if not flipped else isinstance(op, ast.Lt)  # x > 90: 90 left below
                above = isinstance(op, ast.Lt) if not flipped else isinstance(op, ast.Gt)  # x < 5: 5 left above
                if strict is None and (match.group("above") and below or match.group("upto") and above):
                    strict = node
        if strict is not None and not inclusive:
            return f"the instruction includes {match.group(0)!r} and {ast.unparse(strict)[:40]} (line {strict.lineno}) leaves {match.group('above') or match.group('upto')} out"
    return None


# "rounds using ROUND_HALF_UP": a library's constant named to be used (a name in capitals with an underscore).
USING_CONSTANT = re.compile(r"\b(?:using|use|uses|with)\s+(?:the\s+)?`?(?P<name>[A-Z][A-Z0-9]*_[A-Z0-9_]+)`?(?!\w|\.\w)")


def _named_but_unused(prose: str, tree: ast.Module) -> Optional[str]:
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)} | {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)} \
        | {a.asname or a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names} \
        | {w for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) for w in re.findall(r"\w+", n.value)}
    for match in USING_CONSTANT.finditer(prose):
        if match.group("name") not in used and not negated(prose, match.start()):
            return f"the instruction asks for {match.group('name')} ({match.group(0)!r}) and the code never uses it"
    return None


# "consecutive duplicates are collapsed (like uniq)": neighbours compared, not a set of everything seen.
CONSECUTIVE_ASK = re.compile(r"\b(?:consecutive|adjacent|repeated\s+in\s+a\s+row|runs?\s+of)\s+(?:\w+\s+){0,2}?(?:duplicates?|repeats?|equal|identical|same)\b|\blike\s+(?:the\s+)?(?:unix\s+)?`?uniq`?\b", re.IGNORECASE)


def _dedups_globally(tree: ast.Module) -> Optional[str]:
    """A set of everything seen (``if x not in seen``) and no look at a neighbour (``out[-1]``, ``items[i - 1]``,
    ``zip(xs, xs[1:])``, ``groupby``, a ``prev``/``last`` name)."""
    sets = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and (isinstance(n.value, ast.Set) or isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "set")
            for t in n.targets if isinstance(t, ast.Name)}
    test = next((n for n in walk_outside_asserts(tree) if isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops)
                 and any(isinstance(c, ast.Name) and c.id in sets for c in n.comparators)), None)
    if test is None:
        return None
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _constant_value(node.slice) == -1 or isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Add)) and _constant_value(node.right) == 1 \
                or isinstance(node, ast.Name) and re.search(r"prev|last|before", node.id) or isinstance(node, ast.Attribute) and node.attr == "groupby" \
                or isinstance(node, ast.Name) and node.id == "groupby" or isinstance(node, ast.Slice) and _constant_value(node.lower) == 1:
            return None
    return f"{ast.unparse(test)[:40]} (line {test.lineno}) drops a value seen anywhere before, not only next to it"


# "only for `gmail.com` addresses": a rule kept to one case the code must tell apart, so it names it.
ONLY_FOR_ASK = re.compile(r"\bonly\s+(?:for|when|if|on|in|to)\s+(?:the\s+|an?\s+)?[`'\"](?P<literal>[^`'\"\s]{2,30})[`'\"]", re.IGNORECASE)


def _string_values(tree: ast.Module) -> list:
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


# "keep the first occurrence of each id": a later duplicate must not replace it.
KEEP_FIRST_ASK = re.compile(r"\bkeep(?:s|ing)?\s+(?:only\s+)?the\s+first\s+(?:occurrence|one|seen|appearance|instance|entry|record|event|item|version|value|spelling)s?\b|"
                            r"\bfirst\s+(?:occurrence|one|seen)\s+(?:wins|is\s+kept)\b", re.IGNORECASE)


def _later_one_wins(tree: ast.Module) -> Optional[str]:
    """Duplicates dropped through a dict the loop assigns into unguarded (``by_id[key] = item``), or a dict
    comprehension: each later item replaces the first; or a ``Counter`` kept to ``== 1``: no copy is kept."""
    counters = {t.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Call) and getattr(n.value.func, "id", None) == "Counter"
                for t in n.targets if isinstance(t, ast.Name)}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.DictComp):
            return f"{ast.unparse(node)[:50]} (line {node.lineno}) keeps the last item of each key"
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq) and _constant_value(node.comparators[0]) == 1 \
                and isinstance(node.left, ast.Subscript) and getattr(node.left.value, "id", None) in counters:
            return f"{ast.unparse(node)[:50]} (line {node.lineno}) drops every copy of a repeated item, the first too"
        if not isinstance(node, (ast.For, ast.AsyncFor)):
            continue
        body = [n for statement in node.body for n in ast.walk(statement)]
        item = getattr(node.target, "id", None)  # the stored value is the item, or made from it (``email.strip()``)
        stores = [n for n in body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Subscript)
                  and isinstance(n.targets[0].value, ast.Name) and any(isinstance(v, ast.Name) and v.id == item for v in ast.walk(n.value))
                  and not isinstance(n.value, (ast.BinOp, ast.Constant))]
        into = {n.targets[0].value.id for n in stores}
        guarded = any(isinstance(n, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for n in body) \
            or any(isinstance(n, ast.Attribute) and n.attr in ("setdefault", "get", "__contains__") and getattr(n.value, "id", None) in into for n in body)
        if stores and not guarded:
            return f"{ast.unparse(stores[0])[:50]} (line {stores[0].lineno}) lets a later item with the same key replace the first"
    return None


# "a list of (start, end) tuples in any order" with merged or sorted results: the code must order them.
ANY_ORDER_ASK = re.compile(r"\A(?=[\s\S]*\b(?:merg\w*|overlap\w*|consecutive|adjacent|gaps?|sorted\s+by)\b)[\s\S]*?\b(?:in\s+any\s+order|unsorted|not\s+(?:necessarily\s+)?sorted|in\s+no\s+particular\s+order)\b", re.IGNORECASE)
ORDERING_CALLS = frozenset({"sorted", "sort", "heappush", "heapify", "heappop", "merge", "nsmallest", "nlargest", "insort", "bisect", "bisect_left", "bisect_right", "sort_values", "order_by", "SortedList"})


def _never_orders(tree: ast.Module) -> Optional[str]:
    called = {getattr(n.func, "id", None) or getattr(n.func, "attr", None) for n in walk_outside_asserts(tree) if isinstance(n, ast.Call)}
    return None if called & ORDERING_CALLS else "the code never sorts them"


# "up to and including 1 kg costs 4.99": a tier's bound belongs to it.
UP_TO_INCLUDING_ASK = re.compile(r"\bup\s+to\s+and\s+including\b|\bat\s+most\s+\d+(?:\.\d+)?\s*(?:kg|g|km|m|items?|units?|points?|%)?\s*(?:costs?|gets?|is|are|pays?)\b|"
                                 r"\(\s*\d+(?:\.\d+)?\s*%?\s+(?:and|or)\s+(?:above|over|higher|up|more)\s*\)", re.IGNORECASE)


def _tiers_exclude_their_bound(tree: ast.Module) -> Optional[str]:
    """Every upper bound of the code is strict (``weight < limit``), none is ``<=``: a weight at a tier's
    bound falls into the next tier. Comparisons with 0 (a check that the input is positive) aside."""
    strict, inclusive = [], False
    guards = {id(n.test) for n in ast.walk(tree) if isinstance(n, ast.If) and len(n.body) == 1 and isinstance(n.body[0], ast.Raise)}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.UnaryOp) and id(node) in guards:
            guards.add(id(node.operand))
        if not isinstance(node, ast.Compare) or id(node) in guards:
            continue  # "if not 0 <= score <= 100: raise ...": the input's range, not a tier's bound
        sides = [node.left] + node.comparators
        for left, op, right in zip(sides, node.ops, sides[1:]):
            if any(_constant_value(side) == 0 for side in (left, right)):
                continue
            if isinstance(op, (ast.LtE, ast.GtE)):
                inclusive = True
            elif isinstance(op, ast.Lt) and not isinstance(left, ast.Constant) or isinstance(op, ast.Gt) and not isinstance(right, ast.Constant):
                strict.append(node)
            elif isinstance(op, (ast.Lt, ast.Gt)):
                inclusive = True  # 20 < weight: above the bound, the bound itself below
    return None if inclusive or not strict else f"its comparison {ast.unparse(strict[0])[:50]} (line {strict[0].lineno}) leaves the bound to the next tier"


# "the Monday–Friday dates", "working days": Saturday is weekday() 5, Sunday 6.
WORKDAYS_ASK = re.compile(r"\bmonday\s*(?:[-–—]|to|through|thru)\s*friday\b|\b(?:working|business|work)\s+days?\b|\bweekdays\b(?!\s+names?)", re.IGNORECASE)


def _saturday_counted(tree: ast.Module) -> Optional[str]:
    """``d.weekday() < 6`` (or ``<= 5``, ``isoweekday() < 7``, ``!= 6``): Monday to Saturday."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.left, ast.Call) and isinstance(node.left.func, ast.Attribute):
            method, op, bound = node.left.func.attr, node.ops[0], _constant_value(node.comparators[0])
            sunday = {"weekday": 6, "isoweekday": 7}.get(method)
            if sunday is not None and bound is not None and (isinstance(op, ast.Lt) and bound == sunday or isinstance(op, ast.LtE) and bound == sunday - 1
                                                             or isinstance(op, ast.NotEq) and bound == sunday):
                return f"{ast.unparse(node)[:40]} (line {node.lineno}) counts Saturday as a working day"
    return None


# "never takes the price below 0", "not below zero": a floor at zero.
NOT_BELOW_ZERO_ASK = re.compile(r"\b(?:never|not)\s+(?:\w+\s+){0,4}?(?:below|under|less than)\s+(?:0|zero|\$?0\.00)\b|\b(?:never|not|cannot|can't|must not)\s+(?:go|goes|become|becomes|drop|drops|fall|falls)\s+negative\b|"
                                r"\b(?:floor(?:ed)?|clamp(?:ed)?|capped)\s+at\s+(?:0|zero)\b", re.IGNORECASE)


def _never_floors_at_zero(tree: ast.Module) -> Optional[str]:
    """No ``max(0, ...)``, no comparison with 0, no ``abs``: a result can go below zero."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "abs", "clamp") or isinstance(node, ast.Compare) and any(_constant_value(c) == 0 for c in [node.left] + node.comparators):
            return None
    subtracted = next((n for n in walk_outside_asserts(tree) if isinstance(n, (ast.BinOp, ast.AugAssign)) and isinstance(n.op, ast.Sub)), None)
    return f"{ast.unparse(subtracted)[:40]} (line {subtracted.lineno}) may go below zero and nothing stops it" if subtracted is not None else None


# "keys sorted alphabetically" / "with 2-space indentation" for JSON text: json.dumps's own options.
JSON_SORTED_ASK = re.compile(r"\bkeys\s+(?:are\s+)?sorted\b|\bsorted\s+keys\b|\bsort_keys\b", re.IGNORECASE)


def _json_unsorted(tree: ast.Module) -> Optional[str]:
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("dumps", "dump") and getattr(node.func.value, "id", None) == "json":
            if not any(k.arg == "sort_keys" for k in node.keywords) and not any(isinstance(n, ast.Call) and getattr(n.func, "id", None) == "sorted" for n in ast.walk(tree)):
                return f"{ast.unparse(node)[:50]} (line {node.lineno}) keeps the keys in insertion order (no sort_keys=True)"
    return None


# "comparing major, minor and patch numerically": a key that splits and never converts compares text.
NUMERIC_ASK = re.compile(r"\bnumerically\b|\bas (?:integers|numbers)\b|\bnumeric(?:al)? (?:comparison|order)\b", re.IGNORECASE)


def _split_key_as_text(tree: ast.Module) -> Optional[str]:
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("sorted", "sort", "max", "min"):
            key = next((k.value for k in node.keywords if k.arg == "key"), None)
            if isinstance(key, ast.Lambda) and isinstance(key.body, ast.Call) and getattr(key.body.func, "attr", None) == "split" \
                    and not any(isinstance(n, ast.Name) and n.id in ("int", "float", "map", "Decimal") for n in ast.walk(key)):
                return f"its key {ast.unparse(key)[:50]} (line {node.lineno}) compares the parts as text ('10' < '9')"
    return None


# "1 is the highest score", "highest first gets rank 1": ranks counted down from the top.
HIGHEST_FIRST_ASK = re.compile(r"\b1\s+(?:is|for|goes to|means)\s+(?:the\s+)?(?:highest|best|top|largest|biggest)\b|\b(?:highest|best|top|largest)\b[^.]{0,30}\b(?:gets?|is|has)\s+rank\s+1\b", re.IGNORECASE)


def _ranks_from_the_bottom(tree: ast.Module) -> Optional[str]:
    """The code's sorts are all ascending (no ``reverse=True``, no negated key): rank 1 goes to the lowest."""
    sorts = [n for n in walk_outside_asserts(tree) if isinstance(n, ast.Call) and (getattr(n.func, "id", None) or getattr(n.func, "attr", None)) in ("sorted", "sort")]
    if not sorts or any(isinstance(n, ast.Name) and n.id in ("max", "nlargest", "most_common") or isinstance(n, ast.Attribute) and n.attr in ("most_common", "nlargest") for n in ast.walk(tree)):
        return None
    for node in sorts:
        if any(k.arg == "reverse" for k in node.keywords) or any(isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub) for k in node.keywords for n in ast.walk(k.value)):
            return None
    return f"{ast.unparse(sorts[0])[:50]} (line {sorts[0].lineno}) sorts lowest first, so rank 1 goes to the lowest"


# What an instruction asks, how code breaks it (None: it does not), whether a "not"/"without" before
# the ask voids it, and the reason given; read in this order after the asks above.
BROKEN_ASKS = (
    (STABLE_ASK, _ties_broken, True, "the instruction asks for ties to keep their order ({ask!r}) and {broken}"),
    (REST_UNCHANGED_ASK, _lowercases_the_rest, True, "the instruction asks for {ask!r} and {broken}"),
    (RANGE_RAISE_ASK, _clamps_instead, False, "the instruction asks to raise for a value out of range and {broken}"),
    (NEGATIVE_ASK, _digits_without_a_sign, True, "the instruction asks for negative numbers ({ask!r}) and {broken}"),
    (UNKNOWN_RAISE_ASK, _defaults_unknown_keys, False, "the instruction asks to raise for {ask_end!r} and {broken}"),
    (FIRST_AND_LAST_ASK, _never_reads_the_end, False, "the instruction has a rule for {ask!r} and {broken}"),
    (ROUND_ASK, _never_rounds, True, "the instruction asks for a result {ask!r} and {broken}"),
    (TIE_ALPHA_ASK, _one_field_sort, True, "the instruction asks for {ask!r} and {broken}"),
    (FIFO_TIES_ASK, _ties_compare_items, True, "the instruction asks for {ask!r} and {broken}"),
    (TOUCHING_ALLOWED_ASK, _touching_counted_as_overlap, False, "the instruction lets intervals touch ({ask!r}) and {broken}"),
    (WORKDAYS_ASK, _saturday_counted, False, "the instruction counts {ask!r} and {broken}"),
    (NOT_BELOW_ZERO_ASK, _never_floors_at_zero, False, "the instruction says {ask!r} and {broken}"),
    (JSON_SORTED_ASK, _json_unsorted, True, "the instruction asks for {ask!r} and {broken}"),
    (NUMERIC_ASK, _split_key_as_text, True, "the instruction compares {ask!r} and {broken}"),
    (HIGHEST_FIRST_ASK, _ranks_from_the_bottom, False, "the instruction says {ask!r} and {broken}"),
    (CONSECUTIVE_ASK, _dedups_globally, True, "the instruction collapses {ask!r} and {broken}"),
    (KEEP_FIRST_ASK, _later_one_wins, True, "the instruction asks to {ask!r} and {broken}"),
    (ANY_ORDER_ASK, _never_orders, True, "the instruction gives the items in any order and {broken}"),
    (UP_TO_INCLUDING_ASK, _tiers_exclude_their_bound, True, "the instruction's tiers run {ask!r} and {broken}"),
    (EQUAL_KEYS_ASK, _sorts_whole_items, True, "the instruction orders items {ask!r} and {broken}"),
    (OVERLAP_ASK, _one_side_inside, False, "the instruction asks about {ask!r} and {broken}"),
    (STARTED_UNIT_ASK, _rounds_down_only, True, "the instruction charges {ask!r} and {broken}"),
    (BOTH_ASK, _unites_only, True, "the instruction asks for what {ask!r} and {broken}"),
)


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
    match = PUNCTUATION_ASK.search(prose)
    if match and not negated(prose, match.start()) and not DROPS_PUNCTUATION.search(code) and not _drops_a_character(tree):
        return f"the instruction asks to ignore punctuation ({match.group(0)!r}) and nothing in the code drops a character"
    match = DEDUP_ASK.search(prose)
    if match and not negated(prose, match.start()) and not DEDUPING.search(code) and not any(isinstance(n, ast.SetComp) for n in ast.walk(tree)) \
            and not tests_membership(walk_outside_asserts(tree)) and not keys_a_dict(tree):
        return f"the instruction asks for {match.group(0)!r} and nothing in the code removes a duplicate"
    match = HALF_UP_ASK.search(prose)
    if match and not negated(prose, match.start()) and _calls(tree, "round") and not HALF_UP_DONE.search(code):
        return f"the instruction asks for {match.group(0)!r} and the code calls round(), which rounds halves to even"
    match = ANYWHERE_ASK.search(prose)
    if match and not negated(prose, match.start()) and re.search(r"\.match\(", code) and not re.search(r"\.(?:search|findall|finditer|sub|subn|split)\(|\.\*|\\s\*|\bfor\b|\bwhile\b(?!\s+\w+\s*:)", code):
        return f"the instruction asks for a match {match.group(0)!r} and the code only calls match(), which tries the start"
    match = ANY_WHITESPACE_ASK.search(prose)
    if match and not negated(prose, match.start()) and re.search(r"\.split\(\s*[\"'] [\"']\s*\)", code) and not re.search(r"\.split\(\s*\)|\\s|\bstring\.whitespace\b|\.isspace\(|\\t", code):
        return f"the instruction asks for words {match.group(0)!r} and the code splits on single spaces"
    bound = _unchecked_bound(prose, tree, code)
    if bound:
        return bound
    match = ORDER_KEPT_ASK.search(prose)
    resorted = _sorted_result(tree) if match and not re.search(r"\bsort|\border(?:ed)? by\b|\balphabetic|\bascending\b|\bdescending\b", prose, re.IGNORECASE) else None
    if resorted and not negated(prose, match.start()):
        return f"the instruction asks for items {match.group(0)!r} and {resorted}"
    found = _stated_bound_compared_strictly(prose, tree) or _named_but_unused(prose, tree)
    if found:
        return found
    for match in ONLY_FOR_ASK.finditer(prose):
        named = match.group("literal").lower()
        if match.group(0).endswith("`") and named.isidentifier():
            continue  # "only in `defaults`": a name of the code, not a value it must tell apart
        if not negated(prose, match.start()) and not any(named in value.lower() for value in _string_values(tree)):
            return f"the instruction limits a rule to {match.group('literal')!r} ({match.group(0)!r}) and the code never names it"
    for match in INCLUSIVE_ASK.finditer(prose):
        excluded = _excludes_a_bound(tree, match.group("low"), match.group("high"))
        if excluded and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {excluded}"
    for match in AT_MOST.finditer(prose):
        longer = _cut_then_extended(tree, match.group("name"))
        if longer and not negated(prose, match.start()):
            return f"the instruction asks for {match.group(0)!r} and {longer}"
    for ask, breaks, negatable, reason in BROKEN_ASKS:
        match = ask.search(prose)
        broken = breaks(tree) if match and not (negatable and negated(prose, match.start())) else None
        if broken:
            return reason.format(ask=match.group(0), ask_end=match.group(0)[-40:], broken=broken)
    for match in RAISE_ASK.finditer(prose):
        name = match.group("name")
        if name in RAISED_BY_PYTHON or negated(prose, match.start()):
            continue
        if re.search(rf"\b{name}\b", code):
            if _swallows(tree, name):
                return f"the instruction asks to raise {name} and the code catches it and goes on instead"
            continue
        if name == "ValueError" and (RAISES_VALUE_ERROR.search(code) or _looks_up_an_enum(tree)):
            continue  # int("x") raises it, and so does Color("purple")
        return f"the instruction asks to raise {name} and the code never does"
    return None
