"""Worked examples an instruction words without writing the call: "For `[3, 1, 4, 1, 5]` and `k = 2`
the answer is `[4, 5, 5, 6]`", "an empty list gives 0", "`"foo([{"` needs `"}])"`", "national
("020 7946 0958") or international ("+44 20 7946 0958"); all three should give "+442079460958"".

:mod:`hfsynth.curate.instruction_examples` reads examples that spell the call (``gcd(12, 18) is 6``) or
pair one value with one value (``'aaabb' -> 'a3b2'``). Instructions more often give the arguments in
words, and a model's answer that breaks on them (an index one past the end, a stack joined in the
wrong order) carries no test that would call it. The execution step runs these examples as it runs
the others. Read only where the words leave no doubt:

- the function is the one the instruction asks for (:func:`~hfsynth.curate.python_ast.asked_function`),
  top-level and undecorated (a decorator may change what a call gives);
- the clause opens the example ("for", "e.g.", "for example", "so", "given", "(", ":", ";", "and", a
  sentence start) and holds nothing but values, the words that join them ("and", "with", "by", a
  parameter's name before its value, a word of the function's name: "[1, 2, 3] rotated by 2"), and
  ``name = value`` settings; then a verb that says what comes back ("gives", "needs", "returns",
  "should give", "the answer is", "the result should be") and a value;
- every value finds its parameter: named ones by name, the rest in order onto the required
  parameters left, as many values as there are, each of the kind its annotation names (a number for
  ``int``, a list for ``list[...]``); "an empty list" and "an empty string" are values too; a text
  the code compares another parameter with (``coverage not in ("none", "basic")``) is that one's value;
- the value that comes back is not a count of something else ("10 days of data gives 4 averages")
  nor a bug report ("returns 3 instead of 6").

"all three should give X" after three quoted texts is three examples of a function of one text; "for the
example the result is X" after one input shown in a block is one (:func:`shown_input_examples`).
"""

import ast
import re
from typing import Iterator, List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.accepted_inputs import fenced_inputs
from hfsynth.curate.instruction_examples import ELIDED, WRONG_VALUE, Example, _longest_literal_after
from hfsynth.curate.python_ast import asked_function, literal_value, short_list_value, value_fits
from hfsynth.curate.standard_values import spelt, standard_value

# What a clause says comes back: "gives", "should return", "the answer is".
RESULT_VERB = literal_gates.compile(
    r"(?:(?:it|this|that|the function|the call|you)\s+)?"
    r"(?:(?:should|must|will|would)\s+(?:return|give|yield|produce|be|need)|returns|gives?|yields?|produces?|needs?"
    r"|the\s+(?:answer|result|output|return value)\s+(?:is|should be|must be|would be|will be))\s*:?\s*",
    re.IGNORECASE)
# "baked `{...}`, sold `{...}` -> `{...}`": an arrow after values each named by its parameter.
NAMED_ARROW = literal_gates.compile(r"\s*(?:->|\u2192|=>)\s*")
# "all three should give": one answer for every input quoted before it.
ALL_GIVE = literal_gates.compile(r"\b(?:all|both|each)(?:\s+(?:two|three|four|five|six|of them|of these|forms?))?\s+(?:should|must)\s+(?:give|return|produce|become)\s*:?\s*", re.IGNORECASE)
COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
# Words that open an example's clause (the clause starts after them).
OPENERS = frozenset("for given so example examples e.g. e.g i.e. i.e and".split())
# Words that may join the values of one example.
JOINERS = frozenset("and with by a an the".split())
SPOKEN_VALUES = {"an empty list": [], "the empty list": [], "empty list": [], "an empty string": "", "the empty string": "",
                 "empty string": ""}
# A value followed by a noun counts something else ("gives 4 averages"); these words may follow an answer.
AFTER_ANSWER = frozenset("and or but for when if because since while as with not so then in at on".split())
TOKEN = literal_gates.compile(r"""
    (?P<spoken>\b(?:an?\s+|the\s+)?empty\s+(?:list|string)\b)
  | `(?P<tick>[^`\n]{1,200})`
  | (?P<setting>\b[A-Za-z_]\w*\s*=\s*(?:"[^"\n]*"|'[^'\n]*'|-?\d+(?:\.\d+)?(?![\w.])|True|False|None))
  | (?P<dq>"[^"\n]{0,80}")
  | (?P<sq>(?<![\w'])'[^'\n]{0,80}'(?![\w']))
  | (?P<open>[\[({])
  | (?P<number>(?<![\w.])(?<!\d:)-?\d+(?:\.\d+)?(?![\w.]|:\d))  # not a part of a clock time: "16:00"
  | (?P<word>e\.g\.|i\.e\.|[A-Za-z_][\w-]*)
  | (?P<punct>[,;:.!?)\]}])
""", re.VERBOSE)


def _bracketed(text: str, start: int) -> Optional[int]:
    """The end of the literal that opens with the bracket at ``start`` (None when it does not close)."""
    depth, quote = 0, None
    for i in range(start, min(len(text), start + 400)):
        ch = text[i]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def _tokens(text: str) -> List[Tuple[str, object, int, int]]:
    """``(kind, value, start, end)``: values (``value``), settings (``(name, value)``), words and
    punctuation, in order. A bracket that opens no literal is punctuation."""
    out, pos = [], 0
    while pos < len(text):
        match = TOKEN.search(text, pos)
        if not match:
            break
        kind, start, end = match.lastgroup, match.start(), match.end()
        if kind == "open":
            close = _bracketed(text, start)
            if close and text[start] == "(" and start and (text[start - 1].isalnum() or text[start - 1] == "_"):
                out.append(("code", text[start:close], start, close))  # remove_evens([2, 4, 6, 7]): a call, the call reader's business
                pos = close
                continue
            value, ok = literal_value(text[start:close]) if close else (None, False)
            out.append(("value", value, start, close) if ok else ("punct", text[start], start, start + 1))
            pos = close if ok else start + 1
            continue
        piece = match.group(kind)
        if kind == "spoken":
            out.append(("value", SPOKEN_VALUES[" ".join(piece.lower().split())], start, end))
        elif kind == "tick":
            setting = re.fullmatch(r"\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*", piece)
            value, ok = standard_value(setting.group(2)) if setting else (None, False)
            if ok:
                out.append(("setting", (setting.group(1), value), start, end))
            else:
                value, ok = standard_value(piece)  # `[time(14, 30), time(8, 0)]`: standard values built from literals too
                value, ok = (value, ok) if ok else short_list_value(piece)  # `[10] * 12`: a list spelt short
                out.append(("value", value, start, end) if ok else ("code", piece, start, end))
        elif kind == "setting":
            name, _, given = piece.partition("=")
            out.append(("setting", (name.strip(), literal_value(given)[0]), start, end))
        elif kind in ("dq", "sq", "number"):
            value, ok = literal_value(piece)
            out.append(("value", value, start, end) if ok else ("code", piece, start, end))
        else:
            out.append((kind, piece.lower() if kind == "word" else piece, start, end))
        pos = end
    return out


def _compared_with_another(function: ast.FunctionDef, name: str, value: str) -> bool:
    """The code compares a parameter other than ``name`` with the text ``value`` (``coverage == "full"``,
    ``coverage not in ("none", "basic")``): the value is one of that parameter's."""
    others = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs} - {name}
    for node in ast.walk(function):
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Name) and node.left.id in others:
            for side in node.comparators:
                texts = [side] if isinstance(side, ast.Constant) else getattr(side, "elts", [])
                if any(isinstance(t, ast.Constant) and t.value == value for t in texts):
                    return True
    return False


def _one_record(value, function: ast.FunctionDef) -> bool:
    """A dict with a key the function reads by name (``rec["due"]``, ``.get("due")``): one record's fields, not the
    mapping a function iterates (``{"A1": "x", "C2": 5}`` of a sheet's cells)."""
    if not isinstance(value, dict):
        return False
    read = {n.slice.value for n in ast.walk(function) if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Constant)}
    read |= {c.value for n in ast.walk(function) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "get"
             for c in n.args[:1] if isinstance(c, ast.Constant)}
    read |= {c.value for n in ast.walk(function) if isinstance(n, (ast.Tuple, ast.List)) for c in n.elts if isinstance(c, ast.Constant)}  # for k in ("owner", "pet")
    return any(key in read for key in value)


def _call(function: ast.FunctionDef, values: list, settings: dict) -> Optional[str]:
    """The call that gives each value its parameter, or None when they do not fit exactly."""
    params = function.args.posonlyargs + function.args.args
    names = [p.arg for p in params]
    if names and names[0] in ("self", "cls"):
        return None
    required = names[: len(names) - len(function.args.defaults)]
    keywords = {p.arg for p in function.args.kwonlyargs}
    if any(name not in names and name not in keywords for name in settings):
        return None
    open_params = [name for name in required if name not in settings]
    required_keywords = [p.arg for p, default in zip(function.args.kwonlyargs, function.args.kw_defaults) if default is None]
    if len(values) != len(open_params) or any(name not in settings for name in required_keywords):
        return None
    annotations = {p.arg: p.annotation for p in params + function.args.kwonlyargs}
    given = dict(zip(open_params, values))
    if any(isinstance(value, str) and _compared_with_another(function, name, value) for name, value in given.items()):
        return None  # '"none" gives 1170.5' for damage_charge(items, coverage="basic"): a value of coverage, which the code tests
    given.update(settings)
    if not given or not all(value_fits(value, annotations.get(name)) for name, value in given.items()):
        return None
    if any(annotations.get(name) is None and _one_record(value, function) and re.search(r"[^s]s$", name) for name, value in given.items()):
        return None  # "For `{"owner": "Sam", "due": date(2024, 3, 5)}` this gives ..." of ``build_reminders(records)``: one item's answer
    if any(names.index(name) < names.index(other) for name in settings if name in names for other in open_params):
        # "with assignments `[...]` and `{...}`": the first parameter named, the second not; every value by name
        if any(p.arg in given for p in function.args.posonlyargs):
            return None
        ordered = [name for name in names if name in given] + [name for name in settings if name not in names]
        return f"{function.name}({', '.join(f'{name}={spelt(given[name])}' for name in ordered)})"
    positional = [spelt(given[name]) for name in open_params]
    return f"{function.name}({', '.join(positional + [f'{name}={spelt(given[name])}' for name in settings])})"


def _answer(text: str, start: int) -> Optional[Tuple[str, int]]:
    """The value a clause says comes back, when it is one and nothing says it is wrong or counts something else."""
    found = _longest_literal_after(text, start)
    if not found:
        return None
    want, end = found
    if WRONG_VALUE.match(text, end) or ELIDED.search(text[end: end + 8]):
        return None
    closed = text[start:end].rstrip()[-1:] in ".,;:" or text[end:end + 1] in ".,;:)"
    follower = re.match(r"\s*([A-Za-z]\w*)", text[end:end + 30])
    if follower and not closed and follower.group(1).lower() not in AFTER_ANSWER:
        return None  # "10 days of data gives 4 averages": a count of the answer's items, not the answer
    return want, end


def _clause_values(tokens: list, function: ast.FunctionDef) -> Iterator[Tuple[list, dict]]:
    """The values and settings of the example that ends with the last token, one candidate for each
    place the clause may open, nearest first: "For `[3, 1]` and `k = 2`" gives ``{k: 2}`` (opened by
    "and"), then ``[3, 1], {k: 2}`` (opened by "For")."""
    params = {p.arg.lower() for p in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}
    name_parts = [part[:4] for part in function.name.lower().split("_") if len(part) >= 4]
    values, settings = [], {}
    index = len(tokens) - 1
    while index >= 0:
        kind, value, _, _ = tokens[index]
        before = tokens[index - 1] if index else None
        if kind == "value":
            if before and before[0] == "word" and before[1] in params:
                settings[before[1]] = value  # "with prefix "#"": the parameter named before its value
                index -= 1
            else:
                values.insert(0, value)
        elif kind == "setting":
            settings[value[0]] = value[1]
        elif kind == "word" and (value in OPENERS or value in JOINERS or value[:4] in name_parts):
            if value in OPENERS:
                yield list(values), dict(settings)
            if value not in JOINERS and value[:4] not in name_parts and value != "and":
                return
        elif kind == "punct" and value == ",":
            if not (before and before[0] in ("value", "setting")):
                yield list(values), dict(settings)  # "..., 7, 8" is one list of values; "so, 7" opens a clause
        elif kind == "punct" and value in "(:;.":
            yield list(values), dict(settings)
            return
        else:
            return
        index -= 1
    yield list(values), dict(settings)


def _start_of_sentence(text: str, end: int) -> int:
    cut = max(text.rfind(". ", 0, end), text.rfind("\n", 0, end), text.rfind("! ", 0, end), text.rfind("? ", 0, end))
    return cut + 1 if cut >= 0 else 0


def worded_examples(instruction_prose: str, tree: Optional[ast.Module]) -> List[Example]:
    """The instruction's examples of its asked function whose arguments are given in words, in order."""
    if tree is None:
        return []
    function = asked_function(tree, instruction_prose)
    if function is None or function.decorator_list:
        return []  # a decorator may change what a call gives
    plain = instruction_prose.replace("`", " ")
    found = []
    verbs = [(verb, False) for verb in RESULT_VERB.finditer(instruction_prose)] + [(arrow, True) for arrow in NAMED_ARROW.finditer(instruction_prose)]
    for verb, arrow in verbs:
        named = re.match(r"([A-Za-z]+)\s+(?=`)", instruction_prose[verb.end():])  # "give places `[1, 1, 3]`": the answer's noun, then its value
        answer = _answer(plain, verb.end()) or (_answer(plain, verb.end() + named.end()) if named else None)
        start = _start_of_sentence(instruction_prose, verb.start())
        tokens = _tokens(instruction_prose[start: verb.start()])
        if len(tokens) >= 3 and tokens[-1][1] == ")" and tokens[-2][0] == "value" and tokens[-3][1] == "(":
            tokens = tokens[:-1]  # "a perfect game (`[10] * 12`) gives ...": the value named in brackets
        if answer is None or not tokens or tokens[-1][0] not in ("value", "setting"):
            continue
        for values, settings in _clause_values(tokens, function):
            call = _call(function, values, settings) if not arrow or (len(settings) >= 2 and not values) else None  # an arrow: every value named
            if call:
                found.append(Example(call, answer[0], tuple(values), bare=True))
                break
    for said in ALL_GIVE.finditer(instruction_prose):
        answer = _answer(plain, said.end())
        start = _start_of_sentence(instruction_prose, said.start())
        for earlier in RESULT_VERB.finditer(instruction_prose, start, said.start()):  # "a" gives "x"; "b" and "c" both give ...
            given = _answer(plain, earlier.end())
            start = max(start, given[1] if given else earlier.end())
        texts = [value for kind, value, _, _ in _tokens(instruction_prose[start: said.start()]) if kind == "value" and isinstance(value, str)]
        number = next((COUNT_WORDS[w] for w in said.group().lower().split() if w in COUNT_WORDS), None)
        if answer is None or len(texts) < 2 or (number and number != len(texts)):
            continue
        for text in texts:
            call = _call(function, [text], {})
            if call:
                found.append(Example(call, answer[0], (text,), bare=True))
    return list(dict.fromkeys(found))


# "For the example the result is {...}", "for this input it returns 3": the answer for the one input the instruction shows.
SHOWN_INPUT_RESULT = literal_gates.compile(
    r"\b(?:for|with|on|given)\s+(?:the|this|that)\s+(?:example|input|line|sample)(?:\s+(?:above|below|shown))?\s*,?\s+"
    r"(?:the\s+(?:result|output|answer|return value)\s+(?:is|should\s+be|would\s+be|must\s+be)|it\s+(?:returns|gives|should\s+return|must\s+return)|"
    r"(?:the\s+)?(?:function|call)\s+(?:returns|gives|should\s+return))\s*:?\s*", re.IGNORECASE)


def shown_input_examples(instruction: str, instruction_prose: str, tree: Optional[ast.Module]) -> List[Example]:
    """"Metadata arrives as attributes, for example: (an indented or fenced line) ... For the example the result
    is `{...}`": the one input the instruction shows (:func:`~hfsynth.curate.accepted_inputs.fenced_inputs`),
    and the answer it says that input gives. None when it shows several inputs: which one is meant?"""
    said = SHOWN_INPUT_RESULT.search(instruction_prose) if tree is not None else None
    answer = _answer(instruction_prose.replace("`", " "), said.end()) if said else None
    function = asked_function(tree, instruction_prose) if answer else None
    shown = fenced_inputs(instruction, tree) if function is not None and not function.decorator_list else []
    call = _call(function, [shown[0]], {}) if len(shown) == 1 else None
    return [Example(call, answer[0], (shown[0],), bare=True)] if call else []

