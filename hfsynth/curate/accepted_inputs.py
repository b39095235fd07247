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
  or a part of one ("an optional leading "+1"", "separated by ';'"), is no input.
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional

from hfsynth.curate.instruction_examples import TEXT_PARAMETER
from hfsynth.curate.python_ast import asked_function

SENTENCE = re.compile(r"(?<!e\.g\.)(?<!i\.e\.)(?<=[.!?])\s+(?=[A-Z`'\"(])|\n+")
QUOTED = re.compile(r"""(?<![\w'"])(?:'([^'\n]{1,40})'|"([^"\n]{1,40})"|`(\d[\d :/.,+T-]{3,38}\d)`)(?![\w'"])""")  # in backticks: a date, time or number with separators
INPUT_CUE = re.compile(
    r"\b(?:such as|like|for example|for instance|formats?|accepts?|accepting|inputs? (?:such as|like)|written as|"
    r"in any (?:common |usual )?(?:format|form)|any of)\b|\be\.g\.",
    re.IGNORECASE,
)
# "such as", "e.g.": examples of what was just described, an input or an output ("returns the weekday name (e.g. 'Monday')").
NEUTRAL_CUE = re.compile(r"such as|like|e\.g\.|for example|for instance", re.IGNORECASE)
# ... and what introduces an output; "as" after a verb of input describes the input ("Durations come as 'm:ss' or 'h:mm:ss'").
OUTPUT_CUE = re.compile(r"\b(?:returns?|returning|gives?|giving|becomes?|produces?|outputs?|prints?|yields?|renders?|formats? (?:it|them) as|into|(?<!come )(?<!comes )(?<!arrive )(?<!arrives )(?<!given )(?<!stored )(?<!written )(?<!entered )(?<!typed )(?<!recorded )as)\b|->|=>|→", re.IGNORECASE)
REFUSING = re.compile(
    r"\b(?:rais\w*|throws?|errors?|exceptions?|invalid|reject\w*|refus\w*|malformed|not (?:a |an )?(?:valid|accepted|allowed)|isn't|aren't|doesn't|unless|except|other than|otherwise|anything else)\b",
    re.IGNORECASE,
)
# "an optional leading "+1"", "separated by ';'": a part of an input, not one.
FRAGMENT = re.compile(r"\b(?:leading|trailing|prefix\w*|suffix\w*|optional|start\w*|end\w*|begin\w*|contain\w*|separat\w*|delimit\w*|characters?|symbols?|signs?|"
                      r"letters?|digits?|with|without|between|around|inside|after|before|plus)\W+(?:\w+\W+){0,2}$", re.IGNORECASE)
BACKTICKED = re.compile(r"`[^`]*`")
# "Pickup slots are exported as strings like ...": how the input already is, not what the function makes.
PASSIVE_AS = re.compile(r"\b(?:is|are|was|were|get|gets|got)\s+\w+(?:ed|en)\s+as\b", re.IGNORECASE)
PLACEHOLDER = re.compile(r"\b([A-Z])\1+\b|\b(?:YYYY|YY|MM|DD|HH|SS|N|X|RRGGBB|RGB)\b|[<{%]")


def _takes_one_text(function: ast.FunctionDef) -> bool:
    args = function.args
    params = args.posonlyargs + args.args
    required = params[: len(params) - len(args.defaults)]
    if len(required) != 1 or args.vararg is not None or not all(d is not None for d in args.kw_defaults):
        return False
    annotation = ast.unparse(required[0].annotation) if required[0].annotation is not None else ""
    return annotation == "str" or (not annotation and bool(TEXT_PARAMETER.fullmatch(required[0].arg)))


def accepted_inputs(instruction_prose: str, tree: Optional[ast.Module]) -> List[str]:
    """The strings the instruction gives as inputs of the code's one-text function, in order."""
    if tree is None:
        return []
    function = asked_function(tree, instruction_prose)
    if function is None or not _takes_one_text(function):
        return []
    found: List[str] = []
    for sentence in SENTENCE.split(instruction_prose):
        refusing = REFUSING.search(sentence)
        if refusing:  # "numbers such as "3", "4.25" ..., and raise ValueError on any other character": what precedes is accepted
            sentence = sentence[: refusing.start()]
        for match in QUOTED.finditer(sentence):
            text = next(group for group in match.groups() if group is not None)
            if match.group(3) is not None and not re.search(r"[ :/,-]", text):
                continue  # `3.14` or `1.5`: a number, which a parameter of text need not take
            before = sentence[: match.start()]
            cue = None
            for cue in INPUT_CUE.finditer(before):
                pass
            prior = BACKTICKED.sub(lambda m: " " * len(m.group(0)), before[: cue.start()]) if cue is not None else ""  # a signature's "-> int" is no output cue
            described = prior[-60:] if cue is not None and NEUTRAL_CUE.fullmatch(cue.group(0)) else ""
            described = PASSIVE_AS.sub(" ", described)  # nor "slots are exported as"
            if cue is None or OUTPUT_CUE.search(before[cue.end():]) or OUTPUT_CUE.search(described) or FRAGMENT.search(before[-40:]) \
                    or PLACEHOLDER.search(text) or before.count("{") > before.count("}") or before.count("[") > before.count("]") or text in found:
                continue
            found.append(text)
    return found


def accepted_input_claims(instruction_prose: str, tree: Optional[ast.Module]) -> List[tuple]:
    """Each accepted input as a claim execution checks: the call must return (a generator: be drained)."""
    function = asked_function(tree, instruction_prose) if tree is not None else None
    return [(f"(lambda r: (list(r) if hasattr(r, '__next__') else r, True)[1])({function.name}({text!r}))", "True", False, "probe")
            for text in accepted_inputs(instruction_prose, tree)]
