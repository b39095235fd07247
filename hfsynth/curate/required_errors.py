"""The errors an instruction requires, probed: "raise ValueError if the list is empty" runs ``f([])``.

An answer that ignores a required error still runs, and its own asserts never call it with the input
the error is for, so execution checks the requirement itself: the function the instruction names is
called with the input its condition describes, and must raise that exception (or a subclass). Read
only where the words leave no doubt, for a top-level function of the code:

- the condition is one of: empty ("an empty list", "the string is empty", "`items` is empty"),
  negative ("negative n", "`amount` is negative", "n < 0"), not positive ("non-positive sizes",
  "`size` is not positive", "qty is not a positive number", "zero or negative", "less than 1", "< 1"), zero ("`old` is zero"), said
  of a parameter by its name or, when exactly one parameter fits, by a noun ("the list", "input");
  "either argument" / "any argument" probes each number in turn; the condition after the error ("raise
  ValueError if ...") or as the subject of a sentence that requires it ("Negative input must raise
  ValueError"); or examples of what must be refused
  ("raise ValueError for anything malformed, such as '10x' or an empty string"), for a function of
  one text;
- the probed values are the condition's plainest cases: ``[]``, ``''`` or ``{}`` by what the parameter
  holds (a function of one parameter: by the noun, "an empty list"); ``-1``; ``0`` and ``-1``; ``0``;
- the other arguments come from a call the row itself makes with literal arguments (its asserts, its
  usage) outside ``try`` and ``with``; a function of one parameter needs none;
- a generator is drained, so an error raised at the first ``next()`` counts;
- a method "on an empty stack" ("`pop` and `peek` on an empty stack must raise IndexError", "pop
  (raising IndexError when empty)", "popping an empty queue raises ..."): each method named in the
  clause that requires the error, of the one class that has it, is called on a fresh instance (a
  class built with no arguments, the method taking none).
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.instruction_examples import TEXT_PARAMETER
from hfsynth.curate.python_ast import literal_value, outside_guards, store_counts, unparsed

ERROR = r"`?(?P<error>[A-Z]\w*(?:Error|Exception))`?"
RAISE_IF = (
    literal_gates.compile(rf"\b(?i:raises?|raising|throws?|throwing)\s+(?:an?\s+)?{ERROR}\s+(?:if|when|whenever|for|on)\s+(?P<condition>[^.;:()]{{1,100}})"),
    # not "Return None for an empty list and raise ValueError if ...": the "and" opens a clause of its own
    literal_gates.compile(rf"\b(?i:if|for)\s+(?P<condition>[^.;:(),]{{1,80}}?),?\s+(?:it\s+|the function\s+|`?\w+(?:\(\))?`?\s+)?(?<!\band )(?<!\bor )(?:should\s+|must\s+)?(?:raise|throw)s?\s+(?:an?\s+)?{ERROR}"),
    # "Raise `KeyError` for an unknown account and `ValueError` if the amount is zero or negative": a second error, its own condition.
    literal_gates.compile(rf"\b(?i:raises?|raising|throws?|throwing)\s+(?:an?\s+)?`?[A-Z]\w*(?:Error|Exception)`?[^.;:()]*?\s+and\s+(?:an?\s+)?{ERROR}\s+(?:if|when|whenever|for|on)\s+(?P<condition>[^.;:()]{{1,100}})"),
    # "Negative input must raise ValueError.", "An empty list should raise ValueError": the condition as the sentence's subject.
    literal_gates.compile(rf"(?:^|(?<=[.!?;]\s))(?P<condition>[A-Za-z`][^.;:(),]{{0,40}}?)\s+(?:must|should|will|shall)\s+(?:also\s+)?(?:raise|throw)\s+(?:an?\s+)?{ERROR}"),
)
# "raise ValueError for anything malformed, such as '10x', '5m1h' or an empty string": inputs that must be refused.
REFUSED_EXAMPLES = literal_gates.compile(r"\b(?:such as|e\.g\.,?|for example|for instance|including|like)\s+(?P<examples>.+)$", re.IGNORECASE)
NOT_REFUSED = literal_gates.compile(r"\b(?:not|n't|other than|unless|except|only)\b", re.IGNORECASE)
QUOTED = literal_gates.compile(r"""`?(?:'([^'`]{1,40})'|"([^"`]{1,40})")`?""")
EMPTY_STRING = literal_gates.compile(r"\b(?:an?|the)\s+empty\s+string\b", re.IGNORECASE)
SUBJECT = r"(?:(?:the|an?|any|either)\s+)?(?P<subject>`?[A-Za-z_]\w*`?)"
NOUN_AFTER = r"(?:an?\s+|any\s+|the\s+)?"
CONDITIONS = (
    ("empty", (rf"^{NOUN_AFTER}empty\s+(?P<subject>lists?|strings?|inputs?|sequences?|iterables?|arrays?|dicts?|dictionar(?:y|ies)|texts?|collections?|tuples?)\b",
               rf"^{SUBJECT}\s+(?:is|are)\s+empty\b")),
    ("negative", (rf"^{NOUN_AFTER}negative\s+(?P<subject>`?[A-Za-z_]\w*`?)", rf"^{SUBJECT}\s+(?:is|are)\s+(?:an?\s+)?negative\b", rf"^{SUBJECT}\s*<\s*0\b")),
    ("not_positive", (rf"^{NOUN_AFTER}non-?positive\s+(?P<subject>`?[A-Za-z_]\w*`?)",
                      rf"^{SUBJECT}\s+(?:argument\s+)?(?:is|are)\s+(?:not\s+(?:an?\s+)?positive|zero or negative|negative or zero|(?:zero|0) or less|less than or equal to (?:0|zero)|less than 1|smaller than 1|below 1)\b",
                      rf"^{SUBJECT}\s*(?:<=\s*0|<\s*1)\b")),
    ("zero", (rf"^{SUBJECT}\s+(?:is|equals)\s+(?:zero|0)\b(?!\s*(?:or|and)\s+(?:less|more|greater|negative))", rf"^{SUBJECT}\s*==\s*0\b")),
)
CONDITIONS = tuple((kind, tuple(literal_gates.compile(p, re.IGNORECASE) for p in patterns)) for kind, patterns in CONDITIONS)
_LISTED = r"(?:(?:the|an?)\s+)?`?[A-Za-z_]\w*`?"
SUBJECT_LIST = literal_gates.compile(rf"^(?P<subjects>{_LISTED}(?:\s*,\s*{_LISTED})*\s*,?\s+(?:or|and)\s+{_LISTED})\s+(?:is|are)\s+(?P<rest>.+)$", re.IGNORECASE)
EVERY_NUMBER = literal_gates.compile(r"^(?:either|any|each)(?:\s+(?:argument|parameter|input|value|of them|number))?$|^(?:arguments?|parameters?)$", re.IGNORECASE)
LIST_NOUNS = literal_gates.compile(r"^(?:lists?|sequences?|iterables?|arrays?|collections?|tuples?)$", re.IGNORECASE)
SEQUENCE_NOUNS = literal_gates.compile(r"^(?:lists?|inputs?|sequences?|iterables?|arrays?|collections?|tuples?|items|values|numbers|data|arguments?)$", re.IGNORECASE)
TEXT_NOUNS = literal_gates.compile(r"^(?:strings?|texts?|inputs?|arguments?)$", re.IGNORECASE)
DICT_NOUNS = literal_gates.compile(r"^(?:dicts?|dictionar(?:y|ies)|mappings?|inputs?|arguments?)$", re.IGNORECASE)
NUMBER_NOUNS = literal_gates.compile(r"^(?:inputs?|numbers?|values?|arguments?|n|integers?|amounts?|counts?|sizes?|widths?|lengths?)$", re.IGNORECASE)
SENTENCE = literal_gates.compile(r"(?<=[.!?])\s+(?=[A-Z`])|\n+")
# What "it" of "raise ValueError if it is zero" stands for: the subject of the clause before ("The actual weight must be positive").
REFERENT = literal_gates.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Ee]ach)\s+(?P<referent>[a-z]\w*(?:\s+[a-z]\w*){0,2}?)\s+(?:must|should|has to|needs to|is|are)\b")
# "... on an empty stack must raise IndexError", "(raising IndexError when empty)": the error, with "empty" on its either side.
EMPTY_RAISE = tuple(literal_gates.compile(pattern) for pattern in (
    rf"\b(?:on|from|of|when|if|for)\s+(?:an?\s+|the\s+)?empty\b[^.;()]{{0,40}}?\b(?:raises?|raising|throws?|throwing)\s+(?:an?\s+)?{ERROR}",
    rf"\b(?P<verb>(?i:popping|peeking|dequeu(?:e)?ing))\s+(?:from\s+)?(?:an?\s+|the\s+)?empty\s+\w+[^.;()]{{0,40}}?\b(?:raises?|raising|throws?|throwing)\s+(?:an?\s+)?{ERROR}",
    rf"\b(?:raises?|raising|throws?|throwing)\s+(?:an?\s+)?{ERROR}\s+(?:when|if|on)\s+(?:(?:it|the \w+) is\s+)?(?:an?\s+)?empty\b",
))
METHOD_WORD = literal_gates.compile(r"`?\b(popping|peeking|dequeu(?:e)?ing|[a-z_][a-z0-9_]*)(?:\(\))?`?(?=\s*(?:,|\b(?:and|or|on|from|of|when|if|an|the|should|must|will|shall|both|each|also|called)\b|$))")
VERBS = {"popping": "pop", "peeking": "peek", "dequeuing": "dequeue", "dequeueing": "dequeue"}
WANTED = "Traceback (most recent call last):\n{}"


def _conditions(instruction_prose: str) -> Iterator[Tuple[str, str, str]]:
    """``(error, kind, subject)`` for each required error whose condition this module reads; kind
    "refused": the subject is a text the instruction gives as an example of what must raise."""
    for asked in RAISE_IF:
        for match in asked.finditer(instruction_prose):
            condition = match.group("condition").strip()
            examples = REFUSED_EXAMPLES.search(condition)
            if examples and not NOT_REFUSED.search(condition[: examples.start()]):
                refused = [a or b for a, b in QUOTED.findall(examples.group("examples"))] + ([""] if EMPTY_STRING.search(examples.group("examples")) else [])
                for text in refused:
                    yield match.group("error"), "refused", text
                if refused:
                    continue
            listed = SUBJECT_LIST.match(condition)  # "the payment, the rate or the years is negative": each of them
            for clause in ([f"{subject} is {listed.group('rest')}" for subject in re.split(r"\s*,\s*|\s+(?:or|and)\s+", listed.group("subjects"))] if listed else [condition]):
                found = next((f for _, patterns in CONDITIONS for f in (p.search(clause) for p in patterns) if f), None)
                if found:
                    kind = next(kind for kind, patterns in CONDITIONS if found.re in patterns)
                    subject = found.group("subject").strip("`")
                    if subject.lower() in ("it", "they"):  # "The actual weight must be positive; raise ValueError if it is zero or negative"
                        said = list(REFERENT.finditer(instruction_prose, max(0, match.start() - 120), match.start()))
                        subject = said[-1].group("referent") if said else subject
                    yield match.group("error"), kind, subject


def _function(tree: ast.Module, instruction_prose: str) -> Optional[ast.FunctionDef]:
    """The top-level function the instruction names (```name(...)``` or ``name()``), when the code defines it."""
    named = set(re.findall(r"`?([A-Za-z_]\w*)\(", instruction_prose))
    found = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name in named]
    return found[0] if len(found) == 1 else None


def _named_literals(trees: Sequence[ast.Module]) -> Dict[str, ast.expr]:
    """Names the row binds once, at its top level, to a literal (``stock = {"A": 10}``): a call's argument
    by that name is the literal. ``stock[sku] = ...`` changes the value, not the name."""
    stored = sum((store_counts(tree) for tree in trees), Counter())
    return {node.targets[0].id: node.value for tree in trees for node in tree.body
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
            and literal_value(node.value)[1] and stored[node.targets[0].id] == 1}


def _literal_call(trees: Sequence[ast.Module], function: ast.FunctionDef) -> Optional[Dict[str, object]]:
    """The arguments, by parameter name, of the first call of ``function`` with literal arguments only
    (a name the row binds once to a literal counts as that literal)."""
    params = [a.arg for a in function.args.posonlyargs + function.args.args]
    named = _named_literals(trees)

    def value_of(node):
        return literal_value(named.get(node.id, node) if isinstance(node, ast.Name) else node)
    for tree in trees:
        for node in outside_guards(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == function.name):
                continue
            if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords) or len(node.args) > len(params):
                continue
            values = [value_of(a) for a in node.args] + [value_of(k.value) for k in node.keywords]
            if not all(ok for _, ok in values):
                continue
            bound = dict(zip(params, (v for v, _ in values[: len(node.args)])))
            bound.update({k.arg: v for k, (v, _) in zip(node.keywords, values[len(node.args):])})
            return bound
    return None


def _holds(function: ast.FunctionDef, name: str, example: Dict[str, object]) -> str:
    """What parameter ``name`` holds, by the row's own call or the annotation: list, str, dict, number or ''."""
    if name in example:
        value = example[name]
        if isinstance(value, bool):
            return ""
        for kind, types in (("number", (int, float)), ("str", str), ("list", (list, tuple)), ("dict", dict)):
            if isinstance(value, types):
                return kind
    for arg in function.args.posonlyargs + function.args.args:
        if arg.arg == name and arg.annotation is not None:
            text = unparsed(arg.annotation)
            for kind, pattern in (("number", r"int|float|Decimal"), ("str", r"str"), ("list", r"(?:typing\.)?(?:list|List|Sequence|Iterable|tuple|Tuple)\b.*"), ("dict", r"(?:dict|Dict|Mapping)\b.*")):
                if re.fullmatch(pattern, text):
                    return kind
    return ""


def _probed_parameters(function: ast.FunctionDef, kind: str, subject: str, example: Dict[str, object]) -> List[Tuple[str, object]]:
    """``(parameter, value)`` for each parameter the condition is said of, with its violating value."""
    params = [a.arg for a in function.args.posonlyargs + function.args.args if a.arg not in ("self", "cls")]
    holds = {name: _holds(function, name, example) for name in params}
    if kind == "refused":  # a function of one text
        required = params[: len(params) - len(function.args.defaults)]
        one_text = len(required) == 1 and (holds[required[0]] == "str" or not holds[required[0]] and TEXT_PARAMETER.fullmatch(required[0]))
        return [(required[0], subject)] if one_text else []
    if kind == "empty":
        empty = {"list": [], "str": "", "dict": {}}
        if len(params) == 1 and not holds[params[0]]:  # one parameter: the noun says what it holds
            holds[params[0]] = next((k for k, nouns in (("list", LIST_NOUNS), ("str", TEXT_NOUNS), ("dict", DICT_NOUNS)) if nouns.match(subject)), "")
        if subject in params:
            return [(subject, empty[holds[subject]])] if holds[subject] in empty else []
        fits = [name for name in params if (holds[name] == "list" and SEQUENCE_NOUNS.match(subject)) or (holds[name] == "str" and TEXT_NOUNS.match(subject))
                or (holds[name] == "dict" and DICT_NOUNS.match(subject))]
        return [(fits[0], empty[holds[fits[0]]])] if len(fits) == 1 else []
    values = {"negative": (-1,), "not_positive": (0, -1), "zero": (0,)}[kind]
    if subject in params:
        names = [subject] if holds[subject] == "number" else []
    elif EVERY_NUMBER.match(subject):
        names = [name for name in params if holds[name] == "number"]
    else:
        numbers = [name for name in params if holds[name] == "number"]
        names = numbers if len(numbers) == 1 and NUMBER_NOUNS.match(subject) and not any(holds[n] == "" for n in params) else []
        if not names:  # "the actual weight" for ``actual_kg``: one number parameter named by the phrase's first word
            words = [w for w in subject.lower().split() if len(w) >= 4]
            named = [name for name in numbers if words and name.lower().split("_")[0][:4] == words[0][:4]]
            names = named if len(named) == 1 else []
    return [(name, value) for name in names for value in values]


def _needs_no_arguments(function: ast.FunctionDef, method: bool) -> bool:
    args = function.args
    return len(args.posonlyargs + args.args) - len(args.defaults) <= int(method) and all(d is not None for d in args.kw_defaults)


def _zero_argument_methods(tree: ast.Module) -> Dict[str, List[str]]:
    """Method name -> the classes (built with no arguments) whose method of that name takes none."""
    found: Dict[str, List[str]] = {}
    for node in tree.body:
        if not isinstance(node, ast.ClassDef) or node.decorator_list:
            continue
        methods = {m.name: m for m in node.body if isinstance(m, ast.FunctionDef) and not m.decorator_list}
        if "__init__" in methods and not _needs_no_arguments(methods["__init__"], True) or node.bases and "__init__" not in methods:
            continue
        for name, method in methods.items():
            if not name.startswith("_") and _needs_no_arguments(method, True):
                found.setdefault(name, []).append(node.name)
    return found


def _empty_container_claims(instruction_prose: str, tree: ast.Module) -> List[tuple]:
    """``Stack().pop()`` for "`pop` and `peek` on an empty stack must raise IndexError" (or "pop
    (raising IndexError when empty)", "popping an empty stack raises IndexError"): the methods named in
    the clause that requires the error, of the one class that has them, on a fresh instance."""
    methods = _zero_argument_methods(tree)
    claims: List[tuple] = []
    for sentence in SENTENCE.split(instruction_prose):
        for asked in (m for pattern in EMPTY_RAISE for m in pattern.finditer(sentence)):
            start, boundary = max((sentence.rfind(c, 0, asked.start()), c) for c in ("(", ";", ":", ". "))
            clause = sentence[start + len(boundary): asked.start()] if start >= 0 else sentence[: asked.start()]
            if start >= 0 and boundary == "(" and not METHOD_WORD.search(clause):
                clause = sentence[:start][-40:].rsplit(",", 1)[-1]  # "pop (raising IndexError when empty)": the method before
            verb = asked.groupdict().get("verb")
            named = [VERBS.get(w.lower(), w) for w in METHOD_WORD.findall(clause) + ([verb] if verb else [])]
            for name in dict.fromkeys(named):
                owners = methods.get(name, [])
                if len(owners) == 1:
                    claim = (f"{owners[0]}().{name}()", WANTED.format(asked.group("error")), False, "probe")
                    if claim not in claims:
                        claims.append(claim)
    return claims


def required_error_claims(instruction_prose: str, tree: Optional[ast.Module], tests_tree: Optional[ast.Module] = None) -> List[tuple]:
    """The probes of the errors the instruction requires, as claims execution checks:
    ``(source, want, strict, "probe")`` with ``want`` a traceback naming the error."""
    if tree is None:
        return []
    claims = _empty_container_claims(instruction_prose, tree)
    conditions = list(_conditions(instruction_prose))
    if not conditions:
        return claims
    function = _function(tree, instruction_prose)
    if function is None or function.args.vararg is not None or not all(d is not None for d in function.args.kw_defaults):
        return claims
    params = [a.arg for a in function.args.posonlyargs + function.args.args]
    required = params[: len(params) - len(function.args.defaults)]
    example = _literal_call([t for t in (tests_tree, tree) if t is not None], function) or {}
    # a number the row never shows: 10 (``length_cm: float`` beside the ``actual_kg`` probed); only where annotated as one
    numbers = {a.arg: 10 for a in function.args.posonlyargs + function.args.args if a.annotation is not None and unparsed(a.annotation) in ("int", "float")}
    for error, kind, subject in conditions:
        for name, value in _probed_parameters(function, kind, subject, example):
            arguments = dict(example, **{name: value})
            if not all(p in arguments for p in required) and all(p in arguments or p in numbers for p in required):
                arguments = {p: arguments[p] if p in arguments else numbers[p] for p in params if p in arguments or p in numbers}
            if not all(p in arguments for p in required):
                continue
            positional = {a.arg for a in function.args.posonlyargs}
            call = f"{function.name}({', '.join(repr(arguments[p]) if p in positional else f'{p}={arguments[p]!r}' for p in params if p in arguments)})"
            source = f"(lambda r: list(r) if hasattr(r, '__next__') else r)({call})"
            claim = (source, WANTED.format(error), False, "probe")
            if claim not in claims:
                claims.append(claim)
    return claims
