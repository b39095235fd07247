"""Instruction checks: is the instruction a task a reader would set?

What goes wrong: a ``self_instruct`` "instruction" that is an answer ("Here is one way to solve
task 4: ```python ..."), an ``evol_instruct`` rewrite that is advice ("Make sure to use
descriptive names") or that leaks the rewriting prompt, a refusal, an instruction too short or
too long, one cut off mid-sentence ("Write a function that"), or one that asks for a function or
class the code does not define (an explanation with a stray line of code). Each check is switched
and bounded by the recipe's ``curate.instruction``.

A per-row check: :func:`check` takes one row and returns None (keep) or the reason.
"""

from __future__ import annotations

import ast
import builtins
import collections
import datetime
import decimal
import fractions
import functools
import math
import pathlib
import re
from typing import Dict, Optional

from hfsynth.curate import literal_gates
from hfsynth.curate.asked_signatures import ASKED_BARE
from hfsynth.curate.json_keys import decimal_of_a_json_float, int_key_into_json, key_missing_from_the_record
from hfsynth.curate.listed_parts import missing_part
from hfsynth.curate.named_modules import ignored_module
from hfsynth.curate.none_fields import none_field_ordered
from hfsynth.curate.python_ast import STDLIB_MODULES, nodes_of, parse_python, unparsed, walk, without_docstrings
from hfsynth.curate.returned_kinds import contradicted_annotation, contradicted_return, contradicted_value_kind, one_item_for_all
from hfsynth.curate.shown_lines import unpacked_wrongly
from hfsynth.curate.stated_pairs import pairs_ordered_by_their_name
from hfsynth.curate.stated_requirements import ignored_requirement
from hfsynth.curate.task_operations import wrong_operation
from hfsynth.curate.time_values import aware_against_naive, leap_day_moved
from hfsynth.curate.topic import answers_another_task
from hfsynth.curate.weekday_requirements import abbreviated_against_full_names
from hfsynth.curate.wrong_kind_values import range_of_fractions
from hfsynth.fences import find_fences

# An answer, not a question: how chat models open a reply.
# An answer, not a question: how chat models open a reply. Chatter ("Sure!") never sets a task;
# an answer that presents code ("Below is a function that ...") does when a later sentence asks
# for something ("... Modify it so that ...": Evol-Instruct's way of quoting code to change).
CHAT_OPENER = literal_gates.compile(
    r"^\s*(?:sure\b|certainly\b|of course\b|absolutely\b|great question|okay[,!.]|ok[,!.]|alright\b|as an ai\b|"
    # a conversation's next turn ("Thanks, this is great! Could you also add comments?")
    r"thanks\b|thank you\b|great[,!.]|perfect[,!.]|awesome[,!.]|nice[,!.]|cool[,!.])", re.IGNORECASE
)
PRESENTING_OPENER = literal_gates.compile(
    r"^\s*(?:(?:here(?:'s| is| are)|below is|this is) (?:one way|one possible|a possible|a simple|a solution|the solution|my solution|"
    r"some|a few|several|"
    r"an? (?:python )?implementation|the (?:python )?implementation|the (?:python )?code|the answer|the updated|the revised|"
    r"the improved|the corrected|the completed|an? (?:python )?(?:function|program|script) that)|"
    # "The following code implements ..." opens an answer; "The following function should ..." sets a task.
    r"the (?:following|above) (?:code|function|solution|implementation) (?:implements|defines|solves|demonstrates|shows|uses|is an?|can be used|will)\b)",
    re.IGNORECASE,
)
# A later sentence (after . ! ? : ; or a line break) that opens with an imperative task verb.
TASK_SENTENCE = literal_gates.compile(
    r"(?:[.!?:;]\s+|\n\s*)(?:please\s+|now\s+|then\s+)?(?:write|implement|create|build|define|design|develop|make|add|fix|modify|change|"
    r"update|extend|refactor|rewrite|return|compute|calculate|find|generate|convert|complete|optimi[sz]e|improve|handle|use|"
    r"explain|test|debug|sort|count|check|determine|validate|parse|translate|port|transform|replace|remove|include|edit|adapt)\b",
    re.IGNORECASE,
)
# A refusal proper. A bare "I'm sorry" or "I apologize" is not one: users apologise for basic
# questions, and chat answers apologise before the corrected code.
REFUSAL = literal_gates.compile(
    r"\b(?:(?:i'?m|i am) sorry,? but (?:i|as)\b|as an ai\b|as a(?:n ai)? language model|i cannot (?:help|assist|provide|do)|"
    r"i can'?t (?:help|assist|provide|do)|i(?:'m| am) (?:unable|not able) to)",
    re.IGNORECASE,
)
# The assistant's sign-off, anywhere in the text: no one who sets a task writes it.
SIGN_OFF = literal_gates.compile(
    r"\b(?:i hope (?:this|these|that|it|the above)\b[^.!?\n]{0,40}\b(?:helps?|helpful|useful)\b|hope (?:this|that) helps\b|"
    r"feel free to (?:ask|reach out)\b|(?:i'?m |i am )?(?:happy|glad) to help\b|glad i could help\b)",
    re.IGNORECASE,
)
# The evol-instruct rewriting prompt leaking into its output.
PROMPT_LEAK = literal_gates.compile(
    r"#?(?:given|rewritten|created) prompt#?|\bthe (?:given|original|rewritten) prompt\b|\brewrite the (?:given )?prompt\b|"
    # the rewriting's aim, echoed as advice ("To make the task more difficult, you can add ...")
    r"\bmake (?:the|this) (?:given |original )?(?:task|problem|question|test|prompt) (?:more difficult|harder|more challenging|more complex)\b|"
    # WizardCoder's evolution methods, echoed instead of applied
    r"\badd one (?:new |more )?constraints? or requirements?\b|\babout ten (?:additional |more )?words\b|"
    r"\breplace a common(?:ly used)? requirement\b|\bcan be solved (?:in|with) only (?:a few )?(?:simple |logical )?(?:thinking )?(?:processes|steps)\b|\brequire (?:more|additional) reasoning steps\b|"
    r"\bplausible but wrong code as a reference\b|\b(?:erroneous|wrong) code as a reference\b|\ba reference to (?:increase |add )?(?:misdirection|mislead)|\bmake the following programming (?:task|test question) a (?:little|bit) harder\b|"
    r"\b(?:a single )?self-contained task that can still be solved\b|"
    # OSS-Instruct (Magicoder) and Self-Instruct prompts, echoed
    r"\bhigh-quality programming (?:problem|task|question)\b|\b(?:do not|don'?t|not to) solve it\b|\b(?:that )?(?:this|the) snippet brings to mind\b|\bgain inspiration from the following\b|"
    r"\b(?:generate|create|write|invent|design) an? (?:new,? )?(?:self-contained )?programming (?:problem|task|question) (?:inspired by|based on)\b|"
    r"\bwrite a problem (?:description|statement) for the (?:following|given|above) (?:solution|code)\b|\brespond in json with keys\b|"
    r"\b(?:with no|without(?: any)?) reference to the (?:code )?(?:snippet|code)\b|\beverything needed to understand and solve it\b|"
    r"\[solution\]|(?<=\S)\s*\[problem description\]|\bhere are some programming tasks\b|\bdifferent in topic and wording\b|\bsolvable with a single python function\b|"
    r"\bif (?:you are|you're) asked to (?:write|solve|implement|create)\b|"
    # the chat template's system turn ("You are a helpful AI assistant named SmolLM, trained by Hugging Face")
    r"\byou are\b[^.\n]{0,40}\bhelpful\b[^.\n]{0,20}\bassistant\b|\btrained by hugging ?face\b",
    re.IGNORECASE,
)
# Advice, not a task.
ADVICE_OPENER = literal_gates.compile(
    r"^\s*(?:make sure|be sure|ensure|remember|don'?t forget|do not forget|always|never|try to|keep in mind|note that|"
    r"it(?:'s| is) (?:important|recommended|a good idea|good practice|best)|a good practice|you should|you may want|"
    r"consider using|prefer\b|avoid|tip:|best practice|additionally|in addition|furthermore|also,)",
    re.IGNORECASE,
)
# A task names what to do (a verb stem and its inflections) or what to make (a function, a class ...).
TASK_SIGNAL = literal_gates.compile(
    r"\b(?:writ|implement|creat|build|defin|design|develop|comput|calculat|count|find|return|generat|convert|pars|fix|"
    r"refactor|complet|modif|extend|add|sort|merg|check|determin|validat|simulat|mak|given|solv|optimi[sz]|rewrit|debug|"
    r"transform|extract|compar|revers|remov|filter|read|print|encod|decod|format|split|search|represent|stor|track|"
    r"handl|process|compress|schedul|detect|estimat|task|function|class|method|program|script|algorithm|module|"
    r"api|endpoint|quer|test|modul|"
    # The other verbs of short Code-Alpaca tasks ("Swap two variables.", "Flatten a nested list.").
    r"swap|sum|multipl|divid|subtract|shuffl|rotat|translat|delet|insert|append|replac|capitaliz|normaliz|group|flatten|"
    r"iterat|construct|produc|output|explain|get|edit|chang|updat|classif|identif|analy[sz]|select|train|predict|"
    r"plot|draw|visuali[sz]|scrap|download|upload|send|connect|fetch|load|sav|open|run|evaluat|measur|join|concatenat|"
    r"combin|match|round|truncat|encrypt|decrypt|verif|serializ|deserializ|render|increment|toggl|rank|summari[sz]|"
    r"aggregat|show|display|simplif|reus|automat|scal|mock|pars|review|suggest|improv|document|annotat|clean|speed|"
    r"interleav|pad|chunk|batch|partition|dedup|trim|strip|wrap|escap|hash|tokeniz|pair|shift|invert|negat|mirror|fill|"
    r"traverse|walk|visit|collect|accumulat|memoiz|cach|retry|throttl|limit|debounc)"
    r"(?:e|es|ed|ing|s|er|ers|or|ion|ions|ation|ations|ison|al|y|ies|ied|ication|ting|ter|ming|mer|ging|ment|ments|"
    r"ping|ped|ning|ned|ize|ise|ized|ised|ications|ty|ying)?\b",
    re.IGNORECASE,
)
CODE_LINE = literal_gates.compile(
    r"^\s*(?:def |class |import |from \S+ import |return\b|elif\b|else:|for .+:\s*$|while .+:\s*$|if .+:\s*$|try:|except\b|"
    r"with .+:\s*$|@\w|>>> |print\(|\w+(?:\[[^\]]*\])? ?[-+*/]?= |\w+\.\w+\(.*\)\s*$)"
)


def code_fraction(text: str) -> float:
    """Share of the text's non-blank characters that are code: fenced blocks, and lines outside
    fences that start like a Python statement."""
    total = sum(len(line.strip()) for line in text.splitlines())
    if not total:
        return 0.0
    code = sum(len(line.strip()) for fence in find_fences(text) for line in fence.code.splitlines())
    code += sum(len(line.strip()) for line in text_outside_fences(text).splitlines() if CODE_LINE.match(line))
    return min(1.0, code / total)


def text_outside_fences(text: str) -> str:
    for fence in find_fences(text):
        text = text.replace(fence.code, "\n")
    return text


def stub_docstrings(text: str) -> list:
    """The docstrings of the functions and classes a fenced stub spells ("Implement this function:"
    and a ``def`` whose docstring says "Raise ValueError if ..."): the task's words, in a code block."""
    found = []
    for fence in find_fences(text):
        tree = parse_python(fence.code) if fence.tag in ("", "python", "py", "python3") else None
        for node in walk(tree) if tree is not None else ():
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and ast.get_docstring(node):
                found.append(ast.get_docstring(node))
    return found


@functools.lru_cache(maxsize=64)  # asked of the same instruction by a dozen checks of its row
def prose(text: str) -> str:
    """The text without its fenced blocks, fence lines and lines that start like Python, and with the
    docstrings of a fenced stub (:func:`stub_docstrings`), which state the task as well as the prose does."""
    lines = text_outside_fences(text).splitlines()
    words = "\n".join(line for line in lines if not line.strip().startswith("```") and not CODE_LINE.match(line))
    return "\n".join([words, *stub_docstrings(text)])


# The commonest function words of the languages coding datasets are written in besides English,
# leaving out those that are English words too ("a", "in", "die", "do", "as"). Counting function
# words is the oldest way of telling languages apart, and needs no model for a sentence.
ENGLISH_WORDS = frozenset("the an to of and that is are be for with from by it its this these which each or on into if when how what".split())
OTHER_WORDS = frozenset(
    "el la los las una uno que del en y por para con es un "  # Spanish
    "le les une des du et est qui pour dans avec sur au aux "  # French
    "der das den dem ein eine einer eines und ist mit für von zu nur nicht aus auf "  # German
    "um uma os com não em da dos das "  # Portuguese
    "il lo gli che di della delle dei per non "  # Italian
    "het een van voor niet op te".split()  # Dutch
)
WORD = literal_gates.compile(r"[^\W\d_]+", re.UNICODE)


@functools.lru_cache(maxsize=64)
def written_in_english(text: str) -> bool:
    """Whether the text reads as English: ASCII letters but for a few (another script, or the
    diacritics of Turkish, Vietnamese, Polish ... are not), and no more function words of other
    languages than of English (Italian, Spanish written without accents). The task checks below
    know English phrasing only; an instruction in another language is not judged by them, and
    English mistaken for another language only escapes the "names no task" check."""
    letters = [ch for ch in text if ch.isalpha()]
    if letters and sum(not ch.isascii() for ch in letters) / len(letters) > 0.03:
        return False
    words = [w.lower() for w in WORD.findall(text)]
    other = sum(w in OTHER_WORDS for w in words)
    return other < 2 or other <= sum(w in ENGLISH_WORDS for w in words)


# What a question about code mentions ("How are you doing today?" mentions none of it).
TECHNICAL = literal_gates.compile(
    r"\b(?:python|code|list|dict|dictionar|tuple|set|string|str|array|loop|file|error|exception|variable|class|object|module|"
    r"package|librar|regex|json|csv|api|number|integer|int|float|bug|syntax|recursion|lambda|decorator|generator|iterator|"
    r"thread|async|database|sql|http|url|numpy|pandas|key|value|index|type|argument|parameter|output|input|"
    r"function|method|program|script|algorithm|app|test|asyncio|coroutine|await|timeout|socket|process|subprocess|queue|stack|"
    r"heap|tree|graph|node|path|director|folder|command|terminal|shell|environment|config|cache|memory|server|client|request|"
    r"response|query|table|column|row|dataframe|tensor|byte|encoding|unicode|datetime|timestamp|log|iterable|closure|"
    r"namespace|import|pip|venv|operator|comprehension|slice|hash|matrix|vector|enum|dataclass|thread|mutex|lock)(?:s|es|ies|y)?\b|\w_\w|\w\(",  # or an identifier: is_leap, f(
    re.IGNORECASE,
)
QUESTION = literal_gates.compile(r"\?|^\s*(?:how|what|why|which|can|could|is there|is it)\b", re.IGNORECASE)

# A request in other words: "I need `add_months(d, months)` that moves a date", "we want a helper".
REQUEST = literal_gates.compile(r"\b(?:I|we)\s+(?:need|want|would like)\b|`[A-Za-z_]\w*\([^`]*\)`\s+(?:that|which)\b|"
                     r"^\s*`?[A-Za-z_]\w*\([^()`]*\)`?\s+(?:should|must|will)\s+(?:give|return|produce|output|yield)\b", re.IGNORECASE)  # "ordinal(n) should give '1st' ..."


# An input/output example: "[1, 2, 3] -> [3, 2, 1]", "e.g. 'abc' gives 'cba'".
EXAMPLE = literal_gates.compile(r"->|=>|\be\.g\.|\bfor (?:example|instance)\b|^\s*(?:input|output|example)\s*:", re.IGNORECASE | re.MULTILINE)


# An imperative the verb list does not know: a first word, then a determiner ("Interleave two lists",
# "Swap the values", "Title-case a headline"); topics ("Lists and tuples"), advice ("Make sure to") and chatter do not read so.
IMPERATIVE = literal_gates.compile(
    r"^\s*(?:please\s+)?[A-Za-z]+(?:-[A-Za-z]+)?\s+(?:a|an|the|two|three|four|five|all|each|every|some|this|these|those|my|your|its|their|any|both|\d+)\s",
    re.IGNORECASE,
)


def names_a_task(text: str) -> bool:
    """A task verb or noun, an imperative, a question about code, an input/output example, a request
    ("I need ..."), or a language the checks cannot read."""
    if ONLY_AN_OUTPUT.match(text):
        return False  # "Output: [1, 4, 9]": what some code printed, with nothing asked
    return bool(
        TASK_SIGNAL.search(text) or IMPERATIVE.match(text) or (QUESTION.search(text) and TECHNICAL.search(text)) or EXAMPLE.search(text) or REQUEST.search(text)
    ) or not written_in_english(text)


# An instruction that is only an output: a label ("Output:", "Result:") and no word after it.
ONLY_AN_OUTPUT = literal_gates.compile(r"^\s*(?:expected\s+)?(?:output|result|prints?|stdout)\s*:?\s*(?:[^A-Za-z]|\b[A-Za-z]\b|True|False|None)*$", re.IGNORECASE)


def sets_a_task_later(text: str) -> bool:
    """A sentence after the first one opens with a task verb (the prose outside code)."""
    return bool(TASK_SENTENCE.search(prose(text)))


NAMED_CALLABLE = literal_gates.compile(r"`(?:([\w.]+)\.)?([A-Za-z_]\w*)\((?![.|?+\\])")  # `name(...)` in backticks: what the task asks to write (not a grammar's `N(.N)*`)
# "Implement a function `raise_with_block` ...": a definition named in backticks without its parentheses.
NAMED_DEFINITION = literal_gates.compile(r"\b(?:function|method|class)\s+(?:called\s+|named\s+)?`([A-Za-z_]\w*)`")
NAMED_SPECIAL_METHOD = literal_gates.compile(r"`(__(?!name__|main__|file__|doc__|dict__|slots__|all__|version__|module__|class__|future__|builtins__|annotations__)[a-z]\w*__)(?:\(.*?\))?`")


def _definitions(code: str) -> Optional[set]:
    tree = parse_python(code)
    if tree is None:
        return None
    return {node.name for node in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}


def _stub(function: ast.AST) -> bool:
    """A function whose body is its docstring, and at most ``pass``, ``...`` or ``raise NotImplementedError``."""
    body = function.body[1:] if function.body and isinstance(function.body[0], ast.Expr) and isinstance(function.body[0].value, ast.Constant) \
        and isinstance(function.body[0].value.value, str) else function.body
    return len(body) < len(function.body) and all(isinstance(s, ast.Pass) or isinstance(s, ast.Expr) and isinstance(s.value, ast.Constant) and s.value.value is Ellipsis
                                                   or isinstance(s, ast.Raise) and "NotImplementedError" in unparsed(s) for s in body)


def is_python_definition(text: str) -> bool:
    """The instruction, fence lines aside, is itself Python that defines a function or class (the model
    wrote the answer where the task should be); not a stub whose docstrings state the task (HumanEval's
    prompts: a signature and a docstring, nothing to run)."""
    body = "\n".join(line for line in text.splitlines() if not line.strip().startswith("```"))
    if not _definitions(body):
        return False
    functions = list(nodes_of(parse_python(body), (ast.FunctionDef, ast.AsyncFunctionDef)))
    return not (functions and all(_stub(f) for f in functions))


BUILTINS = frozenset(dir(builtins))
BIG_O = frozenset({"O", "o", "Theta", "Omega"})  # `O(1)`: a complexity, not a function to write
# Methods of the builtin types: "used only through `append` and `pop()`" names a list's, called as ``.pop()``.
BUILTIN_METHODS = frozenset(name for kind in (str, list, dict, set, tuple, bytes) for name in dir(kind) if not name.startswith("_"))
# Methods of the standard library's everyday objects: "days whose `weekday()` is not in `closed`" names the tool, not an ask.
STDLIB_METHODS = frozenset(name for kind in (datetime.date, datetime.datetime, datetime.time, datetime.timedelta, pathlib.PurePath, decimal.Decimal,
                                             fractions.Fraction, collections.Counter, collections.deque, re.Pattern, re.Match, int, float)
                           for name in dir(kind) if not name.startswith("_"))
# "take rank `ceil(p / 100 * N)`": a formula written with a math function, not a function to write.
MATH_FUNCTIONS = frozenset(name for name in dir(math) if not name.startswith("_"))


# What every generator has: a coroutine asked to take values by `send(x)` is written with ``yield``.
GENERATOR_METHODS = frozenset({"send", "throw", "close", "__next__", "__iter__"})


DATACLASS_METHODS = frozenset({"__init__", "__repr__", "__eq__"})  # what @dataclass writes for the class
ORDER_METHODS = frozenset({"__lt__", "__le__", "__gt__", "__ge__"})  # ... and with order=True


def named_but_not_defined(instruction: str, code: str) -> Optional[str]:
    """The first function, class or special method the instruction names as `name(...)`, `__abs__` or
    "write name(...)" that the code neither defines nor mentions (a solution to some other task, or one
    that left a part out); None when all are there, none is named, or the code does not parse
    (validity's business). Builtins (`len()`, `abs()`), methods of builtin types and standard
    modules (`list.sort()`, `os.path.join()`: "without using `list.sort()`") and names the code uses
    (a parameter `fetch(url)`, a table `users(id, name)` in its SQL) are not asks, and docstrings and
    comments (which often quote the instruction) are not uses; an undotted name
    counts as used only when the code says it bare, not as another object's attribute (`data.decode()`
    is not the asked `decode()`), unless it is a builtin type's method the instruction says to use
    ("used only through `append` and `pop()`")."""
    named = [
        (name, bool(owner)) for owner, name in NAMED_CALLABLE.findall(instruction)
        if name not in BUILTINS | BIG_O and not (owner and owner.split(".")[0] in BUILTINS | STDLIB_MODULES)  # `list.sort()`, `os.path.join()`: existing APIs
    ] + [(name, False) for name in NAMED_SPECIAL_METHOD.findall(instruction)] + [
        (name, False) for name in ASKED_BARE.findall(instruction) if name not in BUILTINS | BIG_O] + [
        (name, True) for name in NAMED_DEFINITION.findall(instruction) if name not in BUILTINS]  # held to any mention: `append` may be a method it calls
    defined = _definitions(code) if named else None
    if not defined:
        return None
    code = unparsed(without_docstrings(parse_python(code)))  # a docstring quoting the ask (`squares([1, 2])`) does not answer it
    mentioned = set(re.findall(r"[A-Za-z_]\w*", code))
    if re.search(r"\b(?:lru_cache|cache)\b", code):
        mentioned |= {"cache_clear", "cache_info", "cache_parameters"}  # what functools' caches give the function they wrap
    generator = GENERATOR_METHODS if re.search(r"\byield\b", code) else frozenset()  # "each `send(price)` returns the average"
    mentioned |= generator
    if re.search(r"@(?:dataclasses\.)?dataclass\b", code):  # "a derived field, not an `__init__` argument": the dataclass writes __init__
        generator = generator | DATACLASS_METHODS | (ORDER_METHODS if re.search(r"\border\s*=\s*True\b", code) else frozenset())
        mentioned |= generator
    # Not as an attribute (`.decode()` is bytes', not the asked `decode()`), unless the code sets it (`wrapper.cache_clear = ...`).
    bare = set(re.findall(r"(?<![\w.])([A-Za-z_]\w*)", code)) | set(re.findall(r"\.([A-Za-z_]\w*)\s*=(?!=)", code)) | generator
    # "lists used only through `append` and `pop()`": a builtin type's method the code is to call, not one to write.
    tools = {name for name, _ in named if name in BUILTIN_METHODS and re.search(rf"\b(?:through|using|via|with|use|uses|only)\b[^.;]{{0,30}}`{name}\(", instruction)}
    method_calls = set(re.findall(r"\.([A-Za-z_]\w*)\s*\(", code))  # one pass, not a pattern per named name
    tools |= {name for name, _ in named if name in STDLIB_METHODS and name in method_calls}  # `weekday()`, called as day.weekday()
    # `sha256(salt + rider_id)`, called as hashlib.sha256(...): a standard module's function the code calls, not one to write
    module_calls = set(re.findall(r"(?<![\w.])([a-z_]\w*)\.([A-Za-z_]\w*)\s*\(", code))
    tools |= {name for module, name in module_calls if module in STDLIB_MODULES} & {name for name, _ in named}
    tools |= {name for name, _ in named if name in MATH_FUNCTIONS and re.search(rf"`{name}\([^`]*[-+*/][^`]*\)[^`]*`", instruction)
              and re.search(rf"\b{name}\s*\(", code)}  # `ceil(p / 100 * N)`, computed with math.ceil
    # `floor(valid_votes / (seats + 1)) + 1`, computed with // or divmod(): the formula's function is no name the code needs
    formulas = {name for name, _ in named if name in ("floor", "ceil") and re.search(rf"`{name}\([^`]*[-+*/][^`]*\)[^`]*`", instruction)
                and ("//" in code or re.search(r"\bdivmod\s*\(", code))}
    # `ceil(log2(n))`: math functions nested in a formula define a value (an integer's bit_length may give it)
    formulas |= {name for name, _ in named if name in MATH_FUNCTIONS and re.search(rf"`[^`]*\b(?:{'|'.join(MATH_FUNCTIONS)})\(\s*(?:{'|'.join(MATH_FUNCTIONS)})\([^`]*`", instruction)
                 and re.search(rf"`[^`]*(?<![\w.]){name}\([^`]*`", instruction)}
    # "if the inverse does not exist (`gcd(a, m) != 1`)": a condition stated with a math function, not a function to write
    formulas |= {name for name, _ in named if name in MATH_FUNCTIONS and re.search(rf"`[^`]*(?<![\w.]){name}\([^`()]*\)\s*(?:[<>!=]=?|[-+*/%])[^`]*`", instruction)}
    # `COUNTIF(range, criterion)`, `LOG10(`: a spreadsheet's or a query language's function in capitals, which the code
    # parses out of a formula's text; a Python function is never named so
    formulas |= {name for name, _ in named if re.fullmatch(r"[A-Z][A-Z0-9_]*[A-Z0-9]", name) and not re.fullmatch(r"[A-Z]", name)}
    return next((name for name, dotted in named if name not in formulas and name not in (mentioned if dotted or name in tools else bare)), None)


def sets_a_task_on_its_code(text: str) -> bool:
    """Evol-Instruct quotes the code to fix, extend or translate: mostly code, but its prose (three
    words or more) still names the task."""
    words = prose(text).split()
    return len(words) >= 3 and names_a_task(" ".join(words))


CHANGE_REQUEST = literal_gates.compile(
    r"\b(?:fix|modif|improv|optimi[sz]|refactor|rewrit|extend|add|convert|correct|debug|updat|chang|clean|simplif|speed)\w*", re.IGNORECASE
)
REFERS_BACK = literal_gates.compile(r"\b(?:it|them|those|again|above|previous|same)\b", re.IGNORECASE)  # not "that", "this": relatives, determiners


def _normalised(code: str) -> str:
    return "\n".join(" ".join(line.split()) for line in code.strip().splitlines() if line.strip())


def repeats_the_quoted_code(instruction: str, code: str) -> bool:
    """The instruction quotes code and asks for a change, and the answer's code is that quote unchanged."""
    quoted = {_normalised(fence.code) for fence in find_fences(instruction) if fence.code.strip()}
    return bool(quoted) and _normalised(code) in quoted and bool(CHANGE_REQUEST.search(prose(instruction)))


def refers_to_an_unseen_turn(text: str) -> bool:
    """A short follow-up of a conversation ("Can you explain it again?", "Now make it faster"): it
    points back (it, that, again) and names nothing to work on. The last turn of a multi-turn chat
    read as a single instruction looks like this."""
    return len(text.split()) <= 8 and bool(REFERS_BACK.search(text)) and not TECHNICAL.search(text) and not code_fraction(text)


# "the snippet", "the code above", "the original code": material the instruction points at.
SNIPPET_REFERENCE = literal_gates.compile(
    r"\b(?:the|this|that|above|original|given|provided|following|inspiring)\s+(?:code\s+)?snippet\b|\bfor inspiration\b|"
    r"\bthe (?:code|function|snippet) (?:above|below)\b|\bthe (?:original|given|provided) code\b",
    re.IGNORECASE,
)
# "you can use the example above": an example the instruction never gave
UNSEEN_EXAMPLE = literal_gates.compile(r"\bthe (?:examples?|sample|solution) (?:above|below)\b|\bthe above (?:examples?|sample|solution)\b", re.IGNORECASE)


def refers_to_an_unseen_snippet(text: str) -> Optional[str]:
    """The words by which an instruction with no code in it points at code ("The original code
    snippet, for inspiration only, ..."): an OSS-Instruct problem that leans on the snippet it was
    asked not to mention, or a task cut from its code. None when the instruction holds code."""
    found = SNIPPET_REFERENCE.search(text) or (None if EXAMPLE.search(text) else UNSEEN_EXAMPLE.search(text))
    return found.group(0) if found and not code_fraction(text) else None


# Words no English sentence ends on: an instruction whose prose stops on one was cut off ("Write a
# function that", "Given a list of integers, find the"). Not "a", "in", "is": a variable named a, a
# verb's object ("log in"), an identifier ("is") can close a task.
DANGLING = frozenset("the an that to of and or which whose with into from by for than as".split())


def cut_off(text: str) -> Optional[str]:
    """The dangling word an English instruction's prose ends on, with no closing punctuation, else None."""
    words = prose(text).strip()
    if not words or not written_in_english(words) or re.search(r"(?:```|~~~)\s*$", text):
        return None  # "... should render as" and then the fenced block it renders as
    last = re.search(r"(?<![\w`'\"])([A-Za-z]+)$", words)
    return last.group(1) if last and last.group(1).lower() in DANGLING else None


# "Write a function", "Implement a Python class", "Create the method": the task asks for a definition.
ASKS_FOR_A_DEFINITION = literal_gates.compile(
    r"\b(?:write|implement|create|define|design|develop|build)\s+(?:a|an|the)\s+(?:[`\w.-]+\s+){0,3}?(?:function|class|method)\b",
    re.IGNORECASE,
)


def defines_nothing_asked_for(instruction: str, row: Dict) -> Optional[str]:
    """The words by which the instruction asks for a function, class or method when the row's Python
    code defines none (no def, class or lambda): an explanation with a stray line of code, or a value
    worked out by hand. None otherwise, or when the code does not parse (validity's business)."""
    asked = ASKS_FOR_A_DEFINITION.search(prose(instruction))
    if asked is None or row.get("language", "python") != "python" or not row.get("code"):
        return None
    tree = parse_python(row["code"])
    if tree is None or any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)) for n in walk(tree)):
        return None
    return asked.group(0)


def check(row: Dict, config) -> Optional[str]:
    """None when the instruction reads as a task within bounds, else the reason."""
    text = (row.get("instruction") or "").strip()
    if not config.min_chars <= len(text) <= config.max_chars:
        return f"instruction length: {len(text)} characters, outside [{config.min_chars}, {config.max_chars}]"
    fraction = code_fraction(text)
    if fraction > config.max_code_fraction and not sets_a_task_on_its_code(text):
        return f"instruction is mostly code ({fraction:.0%} of its characters)"
    if is_python_definition(text):
        return "instruction is code: a Python definition, not a task"
    missing = named_but_not_defined(text, row.get("code") or "")
    if missing:
        return f"instruction asks for `{missing}` but the code defines no {missing}"
    if repeats_the_quoted_code(text, row.get("code") or ""):
        return "the answer's code is the instruction's quoted code, unchanged"
    if config.reject_chatter:
        if CHAT_OPENER.match(text) or (PRESENTING_OPENER.match(text) and not sets_a_task_later(text)):
            return "instruction reads as an answer: " + repr(text[:40])
        if REFUSAL.search(text):
            return "instruction is a refusal or model chatter: " + repr(REFUSAL.search(text).group(0))
        if SIGN_OFF.search(text):
            return "instruction is model chatter: " + repr(SIGN_OFF.search(text).group(0))
        if PROMPT_LEAK.search(text):
            return "instruction leaks the rewriting prompt: " + repr(PROMPT_LEAK.search(text).group(0))
        refusal = response_refusal(row)
        if refusal:
            return refusal
    if config.require_task:
        # "Ensure that this function ...: ```...```" is a task on its code; "Note that ... Write ..." sets one later.
        if ADVICE_OPENER.match(text) and not code_fraction(text) and not sets_a_task_later(text):
            return "instruction is advice, not a task: " + repr(text[:40])
        if not names_a_task(prose(text)):  # the words of quoted code ("return", "print") are no task
            return "instruction names no task (no task verb, no question)"
        if refers_to_an_unseen_turn(text):
            return "instruction refers to an earlier turn it does not hold: " + repr(text[:40])
        snippet = refers_to_an_unseen_snippet(text)
        if snippet:
            return "instruction refers to code it does not hold: " + repr(snippet)
        dangling = cut_off(text)
        if dangling:
            return f"instruction is cut off: it ends on {dangling!r}"
        asked = defines_nothing_asked_for(text, row)
        if asked:
            return f"instruction asks for a definition ({asked!r}) but the code defines no function or class"
    if config.reject_off_topic and row.get("language", "python") == "python":
        unanswered = answers_another_task(text, row.get("code") or "", written_in_english(text), row.get("response") or "")
        if unanswered:
            return f"the code answers another task: it holds none of the instruction's words ({unanswered})"
    if config.require_named_modules and row.get("language", "python") == "python":
        module = ignored_module(prose(text), row.get("response") or "")
        if module:
            return f"instruction asks to use {module} but the code never names it"
    if config.require_stated_constraints and row.get("language", "python") == "python":
        tree = parse_python(row.get("code") or "")
        broken = (ignored_requirement(prose(text), row.get("code") or "") or contradicted_return(prose(text), row.get("code") or "")
                  or contradicted_annotation(prose(text), tree) or contradicted_value_kind(prose(text), tree) or one_item_for_all(prose(text), tree)
                  or int_key_into_json(text, tree) or decimal_of_a_json_float(text, tree) or leap_day_moved(text, tree) or aware_against_naive(text, tree) or range_of_fractions(text, tree) or abbreviated_against_full_names(text, tree)
                  or key_missing_from_the_record(text, tree) or unpacked_wrongly(text, tree) or none_field_ordered(text, tree)
                  or pairs_ordered_by_their_name(text, tree))
        if broken:
            return broken
    english_python = row.get("language", "python") == "python" and written_in_english(text)
    if config.require_listed_parts and english_python:
        part = missing_part(prose(text), row.get("code") or "", text)
        if part:
            return f"the instruction asks for {part} and the code leaves it out"
    if config.require_named_operation and english_python:
        wrong = wrong_operation(prose(text), row.get("code") or "", text)
        if wrong:
            return wrong
    return None


def response_refusal(row: Dict) -> Optional[str]:
    """A response whose prose (outside fences) refuses."""
    response = row.get("response") or ""
    prose = response
    for fence in find_fences(response):
        prose = prose.replace(fence.code, "\n")
    match = REFUSAL.search(prose)
    return f"response is a refusal: {match.group(0)!r}" if match else None
