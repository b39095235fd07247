"""The inputs an instruction says its function takes must not make it raise.

"Convert a size such as "512", "10KB" or "1.5 MB" into bytes", "a US number in any common format:
'(555) 123-4567', '555.123.4567'": a model that handles only some of the forms raises on the others
(``int("1.5")``, its own ``ValueError("not 10 digits")``), and its asserts try only the forms it
handles. Execution calls the function on each quoted form. Read only where the words leave no doubt:

- the function is the code's one public top-level function (or the one the instruction names) and it
  takes one text: one required parameter, annotated ``str`` or named for text, or given a string by
  the row's own call;
- the strings are quoted in a sentence after words that introduce inputs ("such as", "like", "e.g.",
  "for example", "formats", "accepts", "in any common format"), and not after words that introduce
  outputs ("returns", "gives", "becomes", "->", "output"), nor after "e.g." that follows them
  ("returns the weekday name (e.g. 'Monday')"), nor inside a literal (``{"a": 1}``);
- they come before any word of an error, of something invalid or refused, of what the function does
  not accept ("raise ValueError for anything else, such as 'abc'" lists what must raise:
  :mod:`hfsynth.curate.required_errors`);
- a string that spells a format rather than a value ('HH:MM', 'YYYY-MM-DD', '#RRGGBB', 'N days'),
  or a part of one ("an optional leading "+1"", "separated by ';'"), or a layout ("any of the layouts `4-4-2` or
  `5-3-2`"), is no input; nor is a quoted field
  inside a bigger backticked value. Besides quotes, backticks hold inputs too: a date, time or number
  with separators (`2024-03-01 12:30:45,123`, a signed `-05:23:28.5`, not a signed number alone: `-1.46` is a
  field's value), or a record with letters, digits and separators
  (`42.31L @ 1.799`, `AB12CDE|2024-05-03|09:30`), not code (`n // 2`); and `""`, the empty text.

Two more places an input is shown: a plain fenced block (or one indented by four spaces) right after
"lines such as", "Example input:" or "Sample:" (a log line, a record: each of its lines is one input; the whole block for a function that
splits its text into lines itself, an inventory or a config file; for such a function also after "The file may use git's default
conflict style:", a line that shows the shape it reads and says nothing of output), and the two ends of a pair of texts (``minutes_between(t1:
str, t2: str)`` over "timestamps like "2024-05-01T14:30"": the example is taken for both, which
a pair of the same kind of text accepts). A function of one ``list[str]`` (lines, one per item) is
given a list of the example ("one transaction per line in the form "2024-03-01;Rent;1200.00""). And a whole
value in backticks after an input cue, where the function's one parameter takes it: "asking prices exactly
as shown on our website, e.g. `["£325,000", "£1,150,000"]`" for ``total_asking(prices: list[str])``.
"""

from __future__ import annotations

import ast
import json
import re
import textwrap
from typing import Iterator, List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.instruction_examples import TEXT_PARAMETER
from hfsynth.curate.python_ast import asked_function, literal_value, nodes_of, unparsed, value_fits
from hfsynth.fences import find_fences, text_before

SENTENCE = literal_gates.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.!?])\s+(?=[A-Z`'\"(])|\n+")
QUOTED = literal_gates.compile(r"""(?<![\w'"])(?:'([^'\n]{1,40})'|"([^"\n]{1,40})"|`(\d[\d :/.,+T-]{3,38}\d|[+-]\d+:[\d:.,]{1,36}\d)`|`((?=[^`\n]*\d)[^`'"\n()=\[\]{}]{4,60})`|`(?:""|'')()`)(?![\w'"])""")
# in backticks: a date, time or number with separators (group 3), or a record with digits in it (group 4): `42.31L @ 1.799`, `AB12CDE|2024-05-03|09:30`;
# and the empty text, `""` (group 5): "a history such as `"WBW"`, or `""` before round 1"
INPUT_CUE = literal_gates.compile(
    r"\b(?:such as|like|for example|for instance|formats?|accepts?|accepting|inputs? (?:such as|like)|written as|in the form(?: of)?|"
    r"in any (?:common |usual )?(?:format|form)|any of)\b|\be\.g\.",
    re.IGNORECASE,
)
# "such as", "e.g.": examples of what was just described, an input or an output ("returns the weekday name (e.g. 'Monday')").
NEUTRAL_CUE = literal_gates.compile(r"such as|like|e\.g\.|for example|for instance|in the form(?: of)?", re.IGNORECASE)
# ... and what introduces an output; "as" after a verb of input describes the input ("Durations come as 'm:ss' or 'h:mm:ss'").
OUTPUT_CUE = literal_gates.compile(r"\b(?:returns?|returning|gives?|giving|becomes?|produces?|outputs?|prints?|yields?|renders?|formats? (?:it|them) as|into|(?<!come )(?<!comes )(?<!arrive )(?<!arrives )(?<!given )(?<!stored )(?<!written )(?<!entered )(?<!typed )(?<!recorded )as)\b|->|=>|→", re.IGNORECASE)
REFUSING = literal_gates.compile(
    r"\b(?:rais\w*|throws?|errors?|exceptions?|invalid|reject\w*|refus\w*|malformed|not (?:a |an )?(?:valid|accepted|allowed)|isn't|aren't|doesn't|unless|except|other than|otherwise|anything else|any other|"
    r"(?:is|are|does|do) not)\b",
    re.IGNORECASE,
)
# "... such as "5-3" raises", "`"ab"` should be rejected": a quoted text the refusing word has for its subject.
REFUSED_SUBJECT = literal_gates.compile(r"""['"`]\s*`?\s*(?:(?:should|must|will|would|also|then)\s+)*(?:be\s+)?$""", re.IGNORECASE)
# "an optional leading "+1"", "separated by ';'", "a member id made of "M" and four digits": a part of an input, not one.
FRAGMENT = literal_gates.compile(r"\b(?:leading|trailing|prefix\w*|suffix\w*|optional|start\w*|end\w*|begin\w*|contain\w*|separat\w*|delimit\w*|characters?|symbols?|signs?|"
                      r"letters?|digits?|with|without|between|around|inside|after|before|plus|made|consist\w*|compos\w*|formed)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
# "converts an NDC in any of the layouts `4-4-2`, `5-3-2` or `5-4-1`": the quoted texts name the input's layouts, no value.
LAYOUT_NAMED = literal_gates.compile(r"\b(?:layouts?|shapes?)\b[^.;:!?]{0,40}$", re.IGNORECASE)
BACKTICKED = literal_gates.compile(r"`[^`]*`")
# "Pickup slots are exported as strings like ...", "the database stores runtimes as text like ...", "takes asking
# prices as strings exactly as shown": how the input already is, not what the function makes.
PASSIVE_AS = literal_gates.compile(r"\b(?:is|are|was|were|get|gets|got)\s+\w+(?:ed|en)\s+as\b|"
                        r"\b(?:stores?|keeps?|holds?|records?|logs?)\s+(?!it\b|them\b|the\s+result)(?:\w+\s+){1,3}?as\b|"
                        r"\b(?:takes?|taking|accepts?|receives?)\s+(?!it\b|them\b)(?:\w+\s+){1,3}?as\b|\bas\s+(?:shown|written|displayed|typed|entered)\b",
                        re.IGNORECASE)
PLACEHOLDER = literal_gates.compile(r"\b([A-Z])\1+\b|\b(?:YYYY|YY|MM|DD|HH|SS|N|X|RRGGBB|RGB)\b|[<{%]")


# The two ends of a pair of the same kind: ``t1``/``t2``, ``start``/``end``, ``pickup``/``dropoff``, ``shift_start``/``shift_end``.
PAIRED = ({"start", "end"}, {"begin", "end"}, {"first", "second"}, {"earlier", "later"}, {"pickup", "dropoff"}, {"check_in", "check_out"},
          {"checkin", "checkout"}, {"entry", "exit"}, {"arrival", "departure"}, {"opened", "closed"}, {"since", "until"}, {"clock_in", "clock_out"})


LIST_OF_TEXT = literal_gates.compile(r"(?:list|List|Sequence|Iterable)\[str\]")
# ``log_text``, ``diff_text``, ``page_content``: a name that says the parameter is one document (not ``time_str``, a value one example may show as output).
TEXT_NAMED = literal_gates.compile(r"[a-z]\w*_(?:text|doc|document|content|contents)", re.IGNORECASE)


def _text_arguments(function: ast.FunctionDef, text: str) -> Optional[str]:
    """The arguments that hand the function the text an example shows: the text itself for one required
    text parameter, a list of it for one ``list[str]`` (lines, one per item), the text twice for a pair of
    ``str`` parameters named as the two ends of one thing; None when the function takes no such text."""
    args = function.args
    params = args.posonlyargs + args.args
    required = params[: len(params) - len(args.defaults)]
    if args.vararg is not None or not all(d is not None for d in args.kw_defaults):
        return None
    annotations = [unparsed(p.annotation) if p.annotation is not None else "" for p in required]
    if len(required) == 1 and (annotations[0] == "str" or (not annotations[0] and (TEXT_PARAMETER.fullmatch(required[0].arg) or TEXT_NAMED.fullmatch(required[0].arg)))):
        return repr(text)
    if len(required) == 1 and LIST_OF_TEXT.fullmatch(annotations[0]):
        return repr([text])
    names = [p.arg for p in required]
    ends = [name.rsplit("_", 1) for name in names]  # shift_start / shift_end: one thing's two ends
    paired = len(names) == 2 and (names[0].rstrip("0123456789") == names[1].rstrip("0123456789") != names[0] or set(names) in PAIRED
                                  or all(len(e) == 2 for e in ends) and ends[0][0] == ends[1][0] and {ends[0][1], ends[1][1]} in PAIRED)
    return f"{text!r}, {text!r}" if paired and annotations == ["str", "str"] else None


def _last_words(text: str, size: int) -> str:
    """About the last ``size`` characters of ``text``, from the start of a word and with the word before
    it: "come as" cut to "as" would read as an output cue (blind72)."""
    start = max(0, len(text) - size)
    before = re.search(r"\S+\s+\S*$", text[:start])
    return text[before.start() if before else start:]


def accepted_inputs(instruction_prose: str, tree: Optional[ast.Module]) -> List[str]:
    """The strings the instruction gives as inputs of the code's one-text function, in order."""
    if tree is None:
        return []
    function = asked_function(tree, instruction_prose)
    if function is None or _text_arguments(function, "") is None:
        return []
    found: List[str] = []
    for sentence in SENTENCE.split(instruction_prose):
        refusing = REFUSING.search(sentence)
        if refusing and REFUSED_SUBJECT.search(sentence[: refusing.start()]):
            continue  # "A descending range such as "5-3" raises ValueError": the quoted input is the one refused
        if refusing:  # "numbers such as "3", "4.25" ..., and raise ValueError on any other character": what precedes is accepted
            sentence = sentence[: refusing.start()]
        spans = [(m.start(), m.end()) for m in BACKTICKED.finditer(sentence)]
        for match in QUOTED.finditer(sentence):
            text = next(group for group in match.groups() if group is not None)
            if "\\" in text and match.group(3) is None:
                try:  # "de ad:BE:EF\n": a Python string literal, its escapes meant
                    text = ast.literal_eval(match.group(0))
                except (ValueError, SyntaxError):
                    pass
            if any(start < match.start() and match.end() < end and end - start > match.end() - match.start() + 2 for start, end in spans):
                continue  # `"Brake pads, front",BP-7731,45.00`: a quoted field of a bigger value, not an input
            if match.group(3) is not None and not re.search(r"[ :/,-]", text):
                continue  # `3.14` or `1.5`: a number, which a parameter of text need not take
            if match.group(3) is not None and re.search(r"\s\+\s", text):
                continue  # "floating-point sums like `0.1 + 0.2`": a sum, not a value (a time range `09:00 - 17:00` is one)
            if match.group(4) is not None and not (re.search(r"[A-Za-z]", text) and re.search(r"[ |;@:,/-]", text)) or match.group(4) is not None and re.search(
                    r"\s[-+*/%<>]=?\s|//|\*\*|\b(?:for|in|if|not|and|or|is|def|return|lambda|import)\b", text):
                continue  # `n // 2`, `x in seen`: code, not a record
            before = sentence[: match.start()]
            if not _introduced_as_input(before) or FRAGMENT.search(before[-40:]) or LAYOUT_NAMED.search(before[-50:]) or PLACEHOLDER.search(text) or text in found:
                continue
            found.append(text)
    return found


def _introduced_as_input(before: str) -> bool:
    """The words before a value introduce an input: an input cue ("such as", "e.g.", "accepts"), no output cue
    after it nor in what a neutral cue describes ("returns the weekday name (e.g. ..."), and no bracket left open."""
    cue = None
    for cue in INPUT_CUE.finditer(before):
        pass
    if cue is None:
        return False
    prior = BACKTICKED.sub(lambda m: " " * len(m.group(0)), before[: cue.start()])  # a signature's "-> int" is no output cue
    described = _last_words(prior, 60) if NEUTRAL_CUE.fullmatch(cue.group(0)) else ""
    described = PASSIVE_AS.sub(" ", described)  # nor "slots are exported as", "the database stores runtimes as"
    return not (OUTPUT_CUE.search(before[cue.end():]) or OUTPUT_CUE.search(described)
                or before.count("{") > before.count("}") or before.count("[") > before.count("]"))


# "e.g. `["£325,000", "£1,150,000", "£99,950"]`": a whole value of the one thing the function takes.
SHOWN_LITERAL = literal_gates.compile(r"`(?P<value>[\[{(][^`\n]{1,300}[\]})])`")


def _one_annotated_parameter(instruction: str, tree: Optional[ast.Module]) -> Optional[Tuple[ast.arg, str]]:
    """The asked function's one required parameter, when it has an annotation, with the annotation's base kind in lower
    case (``"list"`` for ``list[str]``, ``"dict"`` for ``typing.Dict[str, int]``); None for any other signature."""
    function = asked_function(tree, instruction) if tree is not None else None
    if function is None or function.args.vararg is not None or not all(d is not None for d in function.args.kw_defaults):
        return None
    params = function.args.posonlyargs + function.args.args
    required = params[: len(params) - len(function.args.defaults)]
    if len(required) != 1 or required[0].annotation is None:
        return None
    return required[0], re.sub(r"\[.*$", "", unparsed(required[0].annotation)).rpartition(".")[2].lower()


def literal_inputs(instruction_prose: str, tree: Optional[ast.Module]) -> List[str]:
    """The list, dict or tuple literals an instruction shows, in backticks after an input cue, as the value of its
    function's one required parameter, where the parameter's annotation takes them (a list for ``list[str]``)."""
    parameter = _one_annotated_parameter(instruction_prose, tree)
    if parameter is None:
        return []
    required, base = parameter
    exact = {"list": list, "sequence": list, "tuple": tuple, "dict": dict, "mapping": dict}.get(base)  # `(1, 3)` is one item of a list of pairs
    found: List[str] = []
    for sentence in SENTENCE.split(instruction_prose):
        refusing = REFUSING.search(sentence)
        sentence = sentence[: refusing.start()] if refusing else sentence
        for match in SHOWN_LITERAL.finditer(sentence):
            value, ok = literal_value(match.group("value"))
            if (ok and exact is not None and isinstance(value, exact) and value and value_fits(value, required.annotation)
                    and "..." not in match.group("value")  # `[{"title": ...}, ...]`: elided, no value
                    and _introduced_as_input(sentence[: match.start()]) and match.group("value") not in found):
                found.append(match.group("value"))
    return found


# "lines such as" and then a fenced block: the block's lines are inputs.
# So does "Example input:" (or "a sample export:") ending the line before the block.
FENCE_CUE = literal_gates.compile(r"\b(?:such as|like(?: this| so)?|as follows|for example|for instance|e\.g\.|(?:an?\s+)?(?:example|sample)\s+(?:input|data|file|text|csv|export|document|log)s?)\s*:?\s*$|"
                       r"(?:^|[.:]\s+)(?:an?\s+)?(?:example|sample)s?\s*:\s*$", re.IGNORECASE)  # "... prefixed by a TAB. Sample:"
# "The file may use git's default conflict style:": the shape of what the function reads, shown; not "Return it in this format:".
# And "Quota allocations are kept in a text file:": where the text the function reads is kept, then the text.
SHAPE_CUE = literal_gates.compile(r"\b(?:style|format|layout)\b[^.\n]*:\s*$|\b(?:kept|stored|saved|exported|published)\s+(?:in|as|to)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?"
                       r"(?:file|text|log|feed|export)\s*:\s*$", re.IGNORECASE)


# "Our partner sends batch weights as text, one batch per line, semicolon-separated:": how the text the function reads
# arrives, then the text ("as text" there is its form, no output).
ARRIVAL_CUE = literal_gates.compile(r"\b(?:sends?|sent|receives?|received|arriv(?:e|es|ing)|comes?|came|delivers?|delivered|uploads?|uploaded|"
                                    r"supplies|supplied|provides?|provided)\b[^.\n]*:\s*$", re.IGNORECASE)
ANSWER_WORDS = literal_gates.compile(r"\b(?:returns?|returning|prints?|printing|outputs?|produces?|writes?|reports?)\b", re.IGNORECASE)


# A markdown block indented by four spaces (or a tab) after a line that ends with an input cue.
INDENTED_BLOCK = literal_gates.compile(r"(?P<before>[^\n]*)\n[ \t]*\n(?P<block>(?:(?: {4}|\t)[^\n]*(?:\n|$)|[ \t]*\n(?= {4}|\t))+)")
# A shown line that is a call or a prompt with its answer: ``f(x) -> y``, ``>>> f(x)`` (not git's ``>>>>>>> theirs``).
EXAMPLE_LINE = literal_gates.compile(r">>>(?!>)|[A-Za-z_][\w.]*\(.*\)\s*(?:->|=>|→|==|returns?\b|gives?\b)")
LINE_SPLITS = literal_gates.compile(r"\.splitlines\(|\.split\(\s*(?:\"\\n\"|'\\n')\s*\)")
# A function that reads its text as CSV (a header, then rows): the block shown is one document, not lines to try one by one.
CSV_READS = literal_gates.compile(r"\b(?:csv\.)?(?:DictReader|reader)\(|\bStringIO\(")
# A function that parses its text as JSON: a ```json block shown after an input cue ("payloads like this:") is one input.
JSON_READS = literal_gates.compile(r"\bjson\.loads\(")
# ... and one that writes JSON too may be shown its output: only a cue says a block is its input. One that only reads
# JSON is shown what it reads ("The portal publishes the network as JSON:" and a document), whatever the words before.
JSON_WRITES = literal_gates.compile(r"\bjson\.dumps?\(")


def _json_document(block: str) -> bool:
    """A JSON object or array, whole (not a fragment with "..." in it)."""
    try:
        return isinstance(json.loads(block), (dict, list))
    except ValueError:
        return False


def _shown_blocks(instruction: str) -> Iterator[Tuple[str, str, str]]:
    """``(text before, block, tag)`` for each plain or JSON fenced block and each indented block (tag "") of the instruction."""
    fences = find_fences(instruction)
    for fence in fences:
        before = text_before(instruction, fence)
        if fence.tag in ("", "text", "txt", "log", "plain", "plaintext", "ini", "conf", "csv", "json"):
            yield before, fence.code, fence.tag
    outside = instruction
    for fence in fences:
        outside = outside.replace(fence.code, "\n")
    for match in INDENTED_BLOCK.finditer(outside):
        yield match.group("before"), match.group("block"), ""


# A module that matches its patterns line by line inside one text (re.MULTILINE): the block is that one text.
MULTILINE_READS = literal_gates.compile(r"\bre\.(?:MULTILINE|M)\b|\(\?[a-z]*m[a-z]*\)")
FIELD_LABEL = literal_gates.compile(r"(?:^|\s)([A-Z][A-Za-z]*(?: [a-z]+)?):\s")


def _one_record(lines: List[str]) -> bool:
    """Lines that each hold labelled fields ("Patient: Bella   Species: Canine", then "Vaccine: ..."), no label
    twice: the fields of one record spread over lines, not one input per line."""
    labels = [FIELD_LABEL.findall(line) for line in lines]
    every = [label for found in labels for label in found]
    return len(lines) >= 2 and all(labels) and len(every) == len(set(every))


# "The library receives booking requests by e-mail, for example:": the block is one message, whatever its lines (not "Our
# booking e-mails contain lines like this:", "inspection notes are single lines like:": lines, one input each).
LINES_SAID = literal_gates.compile(r"\blines?\b|\bentr(?:y|ies)\b|\brows?\b|\brecords?\b", re.IGNORECASE)
DOCUMENT_NOUN = literal_gates.compile(r"\b(?:e-?mails?|messages?|letters?|memos?|web\s?pages?|documents?|reports?|notes?)\b", re.IGNORECASE)


def fenced_inputs(instruction: str, tree: Optional[ast.Module]) -> List[str]:
    """The lines of plain fenced (or indented) blocks that follow an input cue, for the code's one-text
    function; the whole block, for a function that splits its text into lines itself, reads it as CSV or matches
    it line by line (re.MULTILINE), and for a block of one record's labelled fields (a document, not a line)."""
    function = asked_function(tree, instruction) if tree is not None else None
    if function is None or _text_arguments(function, "") is None:
        return []
    source = unparsed(function)
    whole = bool(LINE_SPLITS.search(source) or CSV_READS.search(source) or MULTILINE_READS.search(unparsed(tree)))
    found: List[str] = []
    for before, block, tag in _shown_blocks(instruction):
        if tag == "json":
            shown_document = FENCE_CUE.search(before) or not JSON_WRITES.search(source) and _json_document(block)
            if JSON_READS.search(source) and shown_document and not REFUSING.search(before) and len(block) <= 2000:
                found += [block.strip()] if block.strip() not in found else []  # "payloads like this:" and one document
            continue
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        sentence = SENTENCE.split(before.rstrip())[-1]  # the line that opens the block, not the empty rest after its newline
        document = whole or _one_record(lines) or bool(DOCUMENT_NOUN.search(sentence) and not LINES_SAID.search(sentence))
        if any(EXAMPLE_LINE.match(line) for line in lines):
            continue  # "e.g." and then ``month_lengths('2023-12', '2024-02') -> [...]``: a worked example, not an input
        cued = FENCE_CUE.search(before) or document and SHAPE_CUE.search(sentence) and not OUTPUT_CUE.search(sentence) or (
            document and ARRIVAL_CUE.search(sentence) and not ANSWER_WORDS.search(sentence)) or (
            document and CSV_READS.search(source) and _header_of_read_fields(lines, function))
        if cued and not REFUSING.search(sentence) and 0 < len(lines) <= (20 if document else 5) and all(len(line) <= 200 for line in lines):
            shown = [textwrap.dedent(block).strip("\n")] if document else lines
            found += [text for text in shown if text not in found]
    return found


def _header_of_read_fields(lines: List[str], function: ast.FunctionDef) -> bool:
    """The block's first line names every field the function reads by name (``row["amount"]`` of a DictReader, a
    header ``invoice,customer,amount``), or is a header of names that a ``csv.reader`` skips with ``next``: the block
    is the CSV text it reads, whatever words come before it."""
    read = {n.slice.value for n in nodes_of(function, ast.Subscript) if isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)}
    read |= {n.args[0].value for n in nodes_of(function, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "get"
             and n.args and isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)}
    fields = [field.strip().strip('"') for field in re.split(r"[,;\t|]", lines[0])] if lines else []
    if not read and len(fields) >= 2 and all(re.fullmatch(r"[A-Za-z_][\w ]*", field) for field in fields) and any(re.search(r"\d", line) for line in lines[1:]):
        source = unparsed(function)  # csv.reader, and next(reader) to skip the header: the block's first line is that header
        return bool(re.search(r"\bcsv\.reader\(|(?<![\w.])reader\(", source) and re.search(r"\bnext\(", source))
    return bool(read) and read <= set(fields)


RECORD_TAGS = frozenset({"json", "python", "py", ""})


def shown_records(instruction: str, tree: Optional[ast.Module]) -> List[str]:
    """A record the instruction shows in a fenced block after an input cue ("for records coming from the import,
    e.g." and ``{"id": "D041", "capacity": 24}``), as the argument of the function's one required parameter where
    its annotation takes it: the dict for ``rec: dict``, a list of it for ``records: list[dict]``. Only a whole value
    (JSON or a Python literal, no "..."), not after words of refusal."""
    parameter = _one_annotated_parameter(instruction, tree)
    if parameter is None:
        return []
    required, base = parameter
    found: List[str] = []
    for fence in find_fences(instruction):
        if fence.tag not in RECORD_TAGS or "..." in fence.code or "…" in fence.code:
            continue
        before = text_before(instruction, fence)
        sentence = BACKTICKED.sub(" ", SENTENCE.split(before.rstrip())[-1])  # a signature's "-> list[str]" is no output cue
        if not FENCE_CUE.search(before) or REFUSING.search(sentence) or OUTPUT_CUE.search(sentence):
            continue
        value, ok = literal_value(fence.code.strip())
        if not ok:
            try:
                value, ok = json.loads(fence.code), True
            except ValueError:
                continue
        if isinstance(value, dict) and value and base in ("dict", "mapping"):
            shown = repr(value)
        elif isinstance(value, dict) and value and base in ("list", "sequence", "iterable"):
            shown = repr([value])
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value) and base in ("list", "sequence", "iterable"):
            shown = repr(value)
        else:
            continue
        if value_fits(value if isinstance(value, list) or base in ("dict", "mapping") else [value], required.annotation) and shown not in found:
            found.append(shown)
    return found


def accepted_input_claims(instruction_prose: str, tree: Optional[ast.Module], instruction: str = "") -> List[tuple]:
    """Each accepted input as a claim execution checks: the call must return (a generator: be drained);
    a pair of texts gets the example at both ends, a list of texts a list of it."""
    function = asked_function(tree, instruction_prose) if tree is not None else None
    if function is None:
        return []
    texts = accepted_inputs(instruction_prose, tree)
    texts += [text for text in fenced_inputs(instruction, tree) if text not in texts]
    arguments = [_text_arguments(function, text) for text in texts]
    if texts and arguments[0] == f"{texts[0]!r}, {texts[0]!r}" and REFUSING.search(instruction_prose):
        # "`start` and `end` are clock times like "09:00" and "10:30" ... raise ValueError if end is not after start": the
        # examples in their order are the two ends; one example at both ends is a span the function refuses
        arguments = [f"{texts[0]!r}, {texts[1]!r}"] if len(texts) >= 2 else []
    arguments += literal_inputs(instruction_prose, tree)
    arguments += [shown for shown in shown_records(instruction, tree) if shown not in arguments]
    return [(f"(lambda r: (list(r) if hasattr(r, '__next__') else r, True)[1])({function.name}({given}))", "True", False, "probe")
            for given in arguments]
