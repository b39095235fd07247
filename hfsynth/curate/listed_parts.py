"""Does the code define every part its instruction lists: methods, operators, command-line options?

"Write a Queue class with enqueue, dequeue, size and is_empty methods", "Implement a MinStack that
supports push, pop, top and get_min": a model that runs out of ideas or tokens writes three of the
four, and the answer still parses, runs and passes the asserts it wrote for the three. It teaches
that a class may leave out what was asked.

A list is read only where it names methods beyond doubt: followed by "methods"/"operations"
("with push, pop and peek methods"), after them ("with the methods push and pop"), or after
"supports"/"supporting" in an instruction that asks for a class, or one per line as a stub class's docstring
lists them ("receive(sku, qty)  -- add stock"). Every item must look like a method
name (lower case, digits, underscores; backticks and ``()`` allowed); a list with any other word in it
("methods to add and remove items") is not read at all. An item counts as defined when some function
of the code has its name, holds it as a word of a longer name (``delete`` in ``delete_node``), or the
special method Python calls for it (``len`` and ``size`` by ``__len__``, ``contains`` by
``__contains__``).

Two more lists are read the same way: operators in backticks that a class must support ("addition
with `+`, multiplication with `*`", "`a | b` (union)": ``__add__``, ``__mul__``, ``__or__`` or their reflected and
in-place forms),
and the options of a command-line script (`--input`, `--output`: each must be in the code, as
argparse, click or typer spell them; not the forms a parser of arguments reads, "--name=value" or a
bare "--flag"). English instructions only.

And two lists of literals the output or the input is made of: HTML tags the code must write ("become
<strong>, <em> and <code>": each tag's name must be in one of the code's strings; headings ``<h1>``
may be built from a number and are not read), and the one-letter units or codes the input uses
("units d, h, m and s", "codes 'C', 'F' and 'K'", codes beside their names "Celsius ("C"), Fahrenheit ("F")
and Kelvin ("K")" or "miles (`"mi"`)", or the usual abbreviations "units mm, cm, m, km, in, ft and mi"): each must be a string of the code on its own, in a regex character class or alternation, or
in a string made only of the listed letters (``"dhms"``).

And two lists of quoted strings: the keys of a dict the code returns ("returns a dict with the keys
'count', 'min', 'max' and 'median'", each perhaps followed by what it holds: ""urls" (http links)"; each
must be a string or a name in the code), and the endings
or beginnings a rule lists ("nouns ending in 's', 'x', 'z', 'ch' or 'sh' add 'es'": each must be in
one of the code's strings, docstrings and asserts aside), unless the list is an example ("such as
files ending in '.txt' or '.csv'"). And the date formats it names ('YYYY-MM-DD', 'DD/MM/YYYY'): when
the code spells formats for ``strptime``/``strftime`` (``"%Y-%m-%d"``), each named format must be one
of them (an ISO date may be read by ``fromisoformat`` instead).

And any other list of three or more strings in quotes, not backticks ("accept 'true', 'yes', 'on' and
'1'"), once the code's own strings (in its functions and module-level tables, not its docstrings,
asserts or prints) hold at least two and half of them whole: then it reads them as literals, and
each must be there; not after "such as", "e.g.", "for example" (inputs shown). A list the code holds
none of is read some other way; the values an argument "can be", each described ("'price' (cheapest
first), 'name' (A-Z) or 'rating' (highest first)"), are read the same way. And the time units a phrase lists ("days, hours, minutes and
seconds"), each in a string or a name of the code. And the codes in capitals an instruction quotes
anywhere in it ("'SAVE10' takes 10% off, 'HALF' takes 50% off and 'FLAT5' subtracts 5"), once the
code's strings hold two of them: each must be there. And the output phrases it quotes with a
placeholder ("N minutes ago", "N hours ago", "N days ago"): once the code writes one of them, each
one's words must be in its strings ("N day(s) ago" too, written with a plural "s" of its own). And the
parameters of a signature it spells (`remove(name, qty=None)`, annotations and ``-> T`` read too), or
of the asked function when the instruction names them in its own words ("today's date" for ``today``):
the function must read each of them (an abstract, overloaded, singledispatch or stub body aside:
:mod:`hfsynth.curate.unread_parameters`).

And, from the input's records ("dicts with "price", "qty" and "category""), a quantity the code never
reads while it reads two other fields; punctuation marks listed together ("like '!' or ','") of which
the code holds none and no character class; options or bands each mapped to what it gives ("'full' ->
'Ada Lovelace', 'initials' -> 'A.L.'", "'B' (80-89)", ""child" pays 50% less, "senior" 40% less"), once the code
names two; and HTML entities to
write ("& with &amp;, ... ' with &#x27;"), once the code writes two; one-word values a return sentence
quotes ("returns 'pending' if ..., 'active' ... and 'lapsed' ..."), once the code writes two (the keys it
only reads, ``loan["returned"]``, are not written: so too for a returned dict's keys); and the fields of
an output named bare ("a CSV line with the fields title, author, member_id and due_date, in that order",
a header row `name,email,phone`), once the code names two; and options named with what each gives
("Member (1x), Silver (1.25x), Gold (1.5x) and Platinum (2x)"), once the code spells two, in any case.
Lists in plain words, bulleted strings and a value for a named case: :mod:`hfsynth.curate.enumerated_cases`;
the keys of a dict the code returns whole (a display, bare or quoted keys): :mod:`hfsynth.curate.returned_dict_keys`.
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterable, List, Optional, Set, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.enumerated_cases import (missing_bulleted_string, missing_fallback_value, missing_listed_bound, missing_stated_amount, missing_table_entry,
                                             missing_table_row)
from hfsynth.curate.python_ast import nodes_of, parse_python, string_constants, unparsed, walk
from hfsynth.curate.returned_dict_keys import missing_returned_key
from hfsynth.curate.unread_parameters import unread_parameter
from hfsynth.fences import find_fences

ITEM = r"`?[a-z_][a-z0-9_]*(?:\(\))?`?(?:\s*\([^()]{0,80}\))?"
LIST = rf"(?P<items>{ITEM}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){ITEM}){{0,9}})"
LISTED = [
    literal_gates.compile(rf"\b(?:with|has|having|providing|exposing|implementing|offering)\s+(?:the\s+|its\s+)?{LIST}\s+(?:methods|operations)\b"),
    literal_gates.compile(
        rf"\b(?:methods|operations)\s*(?::\s*|\s+(?:named\s+|called\s+)?){LIST}"
        r"(?=\s*(?:[.;:)]|,\s+(?!and\b|or\b)|\s+(?:that|which|where|so|to|for|in|on|with)\b|$))"
    ),
    literal_gates.compile(rf"\b(?P<verb>supports|supporting)\s+(?:the\s+)?(?:methods\s+|operations\s+)?{LIST}(?=\s*(?:[.;:)]|\s+(?:methods|operations)\b|,\s+(?!and\b|or\b)|$))"),
]
ITEM_NAME = literal_gates.compile(r"`?([a-z_][a-z0-9_]*)")
# Words that read as English in such a list: the list is then prose, not method names.
NOT_METHOD_NAMES = frozenset(
    "a an the to of for and or with its their it them all any each every some new other more items item elements element values value "
    "data methods method operations operation basic common standard usual following appropriate necessary relevant simple several "
    "both two three four only just also abstract static class instance public private helper magic dunder special getter setter required optional "
    "these those such few many main core extra".split()
)
NOUN_OF_ACTION = literal_gates.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing)$")  # "supports addition and subtraction": operations in words
# The special method by which Python answers an operation named in words.
SPECIAL = {"len": "__len__", "size": "__len__", "length": "__len__", "contains": "__contains__", "iter": "__iter__", "iterate": "__iter__",
           "str": "__str__", "repr": "__repr__", "eq": "__eq__", "equals": "__eq__", "hash": "__hash__", "bool": "__bool__",
           "getitem": "__getitem__", "setitem": "__setitem__", "delitem": "__delitem__", "next": "__next__", "call": "__call__"}
ASKS_FOR_A_CLASS = literal_gates.compile(r"\bclass\b|\b[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+\b")  # "class", or a CamelCase name (MinStack)


def _items(text: str) -> List[str]:
    names = [m.group(1) for m in ITEM_NAME.finditer(re.sub(r"\([^()]*\)", "", text)) if m.group(1) not in ("and", "or")]
    return [] if any(name in NOT_METHOD_NAMES or ("_" not in name and NOUN_OF_ACTION.search(name)) for name in names) else names


# A stub class's docstring that lists its methods one per line: "receive(sku, qty)  -- add stock" (the
# instruction's prose holds its stubs' docstrings: :func:`hfsynth.curate.instruction.prose`).
DOCSTRING_METHOD = literal_gates.compile(r"^[ \t]*([a-z_][a-z0-9_]*)\([^()\n]*\)[ \t]+(?:--|\u2014|\u2013|-|:)[ \t]", re.MULTILINE)


def _methods_listed_per_line(instruction: str) -> List[str]:
    """The methods listed one per line as ``name(args) -- what it does`` (two or more), as a stub class's
    docstring specifies them."""
    names = list(dict.fromkeys(DOCSTRING_METHOD.findall(instruction)))
    return names if len(names) >= 2 else []


# A method of a class stub the instruction shows, one ``def`` a line (the stub need not parse: "def cancel(self, ref) -> None:  # ...").
STUB_METHOD = literal_gates.compile(r"^[ \t]+def[ \t]+([a-z][a-z0-9_]*)[ \t]*\([ \t]*self\b", re.MULTILINE)


def _stub_class_methods(instruction: str) -> List[str]:
    """The public methods of a class the instruction spells as a stub in a fenced block (two or more)."""
    names: List[str] = []
    for block in re.findall(r"```[^\n]*\n(.*?)```", instruction, re.DOTALL):
        if re.search(r"^class\s+[A-Z]\w*", block, re.MULTILINE):
            names += [name for name in STUB_METHOD.findall(block) if name not in names]
    return names if len(names) >= 2 else []


def listed_methods(instruction: str, written: str = "") -> List[str]:
    """The method names the instruction lists for its class, in order (empty when none is listed beyond doubt);
    ``written``: the instruction as written, fenced blocks and all, whose class stub lists methods too."""
    stubbed = _stub_class_methods(written)
    if not ASKS_FOR_A_CLASS.search(instruction) and not stubbed:
        return []
    found: List[str] = _methods_listed_per_line(instruction)
    found += [name for name in stubbed if name not in found]
    for pattern in LISTED:
        for match in pattern.finditer(instruction):
            items = _items(match.group("items"))
            if "verb" in pattern.groupindex and len(items) < 2:
                continue
            found += [name for name in items if name not in found]
    return found


def _defined(tree: ast.Module) -> Set[str]:
    names = {n.name for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for node in nodes_of(tree, ast.ClassDef):  # a class attribute bound to a function (``push = append``), a property set in a class body
        for statement in node.body:
            for target in statement.targets if isinstance(statement, ast.Assign) else []:
                if isinstance(target, ast.Name):
                    names.add(target.id)
    return names


def _has(name: str, defined: Iterable[str]) -> bool:
    defined = set(defined)
    if name in defined or SPECIAL.get(name) in defined:
        return True
    return any(name in d.strip("_").split("_") for d in defined) if "_" not in name else any(name in d for d in defined)


# A backticked operator and the special methods that give a class it.
OPERATORS = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod", "**": "pow", "@": "matmul",
             "==": "eq", "<": "lt", ">": "gt", "<=": "le", ">=": "ge", "&": "and", "|": "or", "^": "xor", "[]": "getitem"}
_SYMBOL = r"`(//|\*\*|==|<=|>=|\[\]|[-+*/%@<>&|^])`"
# "addition with `+`", "using the `*` operator", "the `@` operator": an operator the class must support (not "must contain `@`").
# ... or written between two one-letter objects ("`a | b` (union) and `a & b` (intersection)").
BACKTICKED_OPERATOR = literal_gates.compile(rf"\b(?:with|using|via|through|by|supports?|overloads?|overloading)\s+(?:the\s+)?{_SYMBOL}|{_SYMBOL}\s+operators?\b|"
                                 r"`[a-z][0-9]?\s*(//|\*\*|==|<=|>=|[-+*/%@<>&|^])\s*[a-z][0-9]?`")
# The class's own objects are the operands (not an evaluator, parser or calculator of expressions that contain the operator).
OPERANDS_ASK = literal_gates.compile(r"\b(?:supports?|supporting|overload\w*|dunder|magic methods?|special methods?)\b", re.IGNORECASE)
OPERATOR_TEXT = literal_gates.compile(r"\b(?:pars\w*|evaluat\w*|calculat\w*|expressions?|tokeni\w*|interpret\w*|grammar|lexer|formula)\b", re.IGNORECASE)
ORDERING = {"lt", "gt", "le", "ge"}
CLI_ASK = literal_gates.compile(r"\b(?:command[- ]line|cli|script|argparse|click|typer|options?|flags?|arguments?)\b", re.IGNORECASE)
OPTION = literal_gates.compile(r"(?<![\w-])--([a-z][a-z0-9]*(?:[-_][a-z0-9]+)*)\b")
PLACEHOLDER_OPTIONS = frozenset({"name", "flag", "option", "key", "opt", "foo", "bar", "baz", "switch", "param", "arg", "long", "something", "x"})
PLACEHOLDER_VALUE = literal_gates.compile(r"=(?:value|val|VALUE|<|\{|\.\.\.)")


def _missing_operator(instruction: str, tree: ast.Module, defined: Set[str]) -> Optional[str]:
    for symbol in dict.fromkeys(next(g for g in groups if g) for groups in BACKTICKED_OPERATOR.findall(instruction)):
        name = OPERATORS[symbol]
        forms = {f"__{name}__", f"__r{name}__", f"__i{name}__"}
        if name in ORDERING and ("total_ordering" in unparsed(tree) or any(f"__{o}__" in defined for o in ORDERING)):
            continue  # functools.total_ordering derives the rest from one
        if name == "eq" or forms & defined:
            continue  # every object has ==
        return f"`{symbol}` (no __{name}__)"
    return None


# Code that reads command-line options: a parser of arguments, or ``--`` options spelt in its strings.
READS_OPTIONS = literal_gates.compile(r"\b(?:argparse|click|typer|getopt|optparse|docopt|fire|sys\.argv)\b|[\"']--?[A-Za-z]")


def _missing_option(instruction: str, code: str) -> Optional[str]:
    if not CLI_ASK.search(instruction) or not READS_OPTIONS.search(code):
        return None  # "split a command line the way a shell would" (shlex): its example's --room is a word, no option to define
    for match in OPTION.finditer(instruction):
        option = match.group(1)
        if re.search(r"\b(?:pip|git|docker|npm|conda|pytest|python -m \w+|uv|poetry)\b[^`\n]{0,30}$", instruction[: match.start()]):
            continue  # another tool's option in a command line the instruction quotes (``pip install --upgrade``)
        if option in ("help", "version") or f"--{option}" in code or f"--{option.replace('_', '-')}" in code:
            continue
        if option in PLACEHOLDER_OPTIONS or option.removeprefix("no-") in PLACEHOLDER_OPTIONS or PLACEHOLDER_VALUE.match(instruction, match.end()):
            continue  # "--name=value" sets an option, "a bare --flag": the forms a parser of arguments reads, no option of its own
        if re.search(rf"\b{re.escape(option.replace('-', '_'))}\b", code) and re.search(r"\b(?:click|typer)\b", code):
            continue  # typer and click make --input of a parameter ``input``
        return f"--{option}"
    return None


TAG_LIST = literal_gates.compile(r"<([a-z][a-z0-9]*)>(?:\s*(?:,|and|or|-|to)\s*<\1?([a-z][a-z0-9]*)>)+|<[a-z][a-z0-9]*>(?:\s*,\s*<[a-z][a-z0-9]*>)*\s*(?:,\s*)?(?:and|or)\s+<[a-z][a-z0-9]*>")
TAG = literal_gates.compile(r"<([a-z][a-z0-9]*)>")
QUOTED_TEXT = literal_gates.compile(r"`[^`\n]*`|\"[^\"\n]*\"")
LETTER = r"(?<![\w'\"`])(?:`|'|\")?([A-Za-z])(?:`|'|\")?(?![\w'\"`])"
LETTER_LIST = literal_gates.compile(rf"\b(?:units?|suffix(?:es)?|codes?|letters?|symbols?)\b(?:\s+(?:are|is|of))?\s*:?\s*{LETTER}((?:\s*,\s*{LETTER})+\s*,?\s*(?:and|or)\s+{LETTER})(?![\w'\"`])")


def _missing_tag(instruction: str, tree: ast.Module) -> Optional[str]:
    text = " ".join(string_constants(tree))
    quoted = [(m.start(), m.end()) for m in QUOTED_TEXT.finditer(instruction)]
    lists = [found for found in TAG_LIST.finditer(instruction) if not re.match(r"\w", instruction[found.start() - 1: found.start()])
             and not re.search(r">[-:/_.]<", found.group(0))  # "<aisle>-<rack>-<level>": a code's parts, written together
             and not any(start < found.start() and found.end() < end for start, end in quoted)]  # `"<van>: went back from <prev> to <km>"`: a line's placeholders
    for tag in (tag for found in lists for tag in TAG.findall(found.group(0))):  # "L<level>-<nnn>": a format's placeholders, no tags
        if re.fullmatch(r"h\d", tag):
            continue  # <h1>..<h3> are made from the heading's level
        if not re.search(rf"<{tag}\b|(?<![A-Za-z]){tag}(?![A-Za-z])", text):
            return f"the tag <{tag}>"
    return None


def _handles_letter(letter: str, letters: Set[str], strings: List[str]) -> bool:
    for value in strings:
        if value.strip().lower() == letter.lower():  # "B", and f"{n} B"'s " B"
            return True
        if set(value) <= letters and letter in value and len(value) > 1:  # "dhms"
            return True
        for group in re.findall(r"\[([^\]]*)\]", value):  # a regex character class: [dhms]
            if letter in group:
                return True
        if re.search(rf"(?:^|\(|\|)(?:\?:)?{re.escape(letter)}(?:\||\))", value):  # (d|h|m|s)
            return True
    return False


# Units spelled as their usual abbreviations ("between the units mm, cm, m, km, in, ft and mi", "between Wh, kWh,
# MWh and GJ"): read
# only when every item of the list is one of them, so that prose never reads as a list of units.
UNIT_NAMES = frozenset("mm cm dm m km in ft yd mi nm um mg g kg lb lbs oz st ml cl dl l gal qt pt floz s ms us ns min h hr hrs d wk mo y yr "
                       "b kb mb gb tb pb kib mib gib tib bit bits byte bytes w kw mw j kj cal kcal pa kpa bar psi atm hz khz mhz ghz "
                       "wh kwh mwh gwh mj gj tj btu therm therms".split())
UNIT = r"(?<![\w'\"`])(?:`|'|\")?([A-Za-z]{1,5})(?:`|'|\")?(?![\w'\"`])"
# "the units mm, cm and m", "converts ... between Wh, kWh, MWh and GJ"
UNIT_LIST = literal_gates.compile(rf"(?:\bunits?\b(?:\s+(?:are|is|of))?\s*:?|\b(?:between|among|from|into)\b(?:\s+(?:the\s+)?units?)?)\s*{UNIT}((?:\s*,\s*{UNIT})+\s*,?\s*(?:and|or)\s+{UNIT})(?![\w'\"`])")


# Codes given beside their names: "Celsius ("C"), Fahrenheit ("F") and Kelvin ("K")".
NAMED_CODE = r"\b[A-Za-z][a-z]+\s*\(\s*`?[`'\"]([A-Za-z]{1,3})[`'\"]`?\s*\)"  # miles ("mi"), miles (`"mi"`)
NAMED_CODES = literal_gates.compile(rf"{NAMED_CODE}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){NAMED_CODE}){{2,9}}")


def _listed_units(instruction: str) -> List[str]:
    """The one-letter units or codes the instruction lists, or the unit abbreviations it lists."""
    found = LETTER_LIST.search(instruction)
    if found:
        return [found.group(1)] + re.findall(LETTER, found.group(2))
    found = NAMED_CODES.search(instruction)
    if found:
        return re.findall(NAMED_CODE, found.group(0))
    found = UNIT_LIST.search(instruction)
    units = [found.group(1)] + [u for u in re.findall(UNIT, found.group(2)) if u not in ("and", "or")] if found else []
    return units if units and all(unit.lower() in UNIT_NAMES for unit in units) else []


def _missing_letter(instruction: str, tree: ast.Module) -> Optional[str]:
    letters = _listed_units(instruction)
    if not letters:
        return None
    if len(set(letters)) < 3:
        return None
    strings = string_constants(tree)
    handled = [letter for letter in letters if _handles_letter(letter, set(letters), strings)]
    if len(handled) < 2:
        return None  # the code names none of them as strings: it reads them some other way
    return next((f"the unit {letter!r}" for letter in letters if letter not in handled), None)


QUOTED = r"[`'\"][^`'\"\n]{1,30}[`'\"]"
QUOTED_LIST = rf"(?P<items>{QUOTED}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){QUOTED}){{1,11}})"
# Each key may be followed by what it holds: "three keys: "hashtags" (words after "#"), "mentions" (...) and "urls"".
DESCRIBED = r"(?:\s*\([^()\n]{0,80}\))?"
KEYS_LIST = rf"(?P<items>{QUOTED}{DESCRIBED}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){QUOTED}{DESCRIBED}){{1,11}})"
RETURNED_KEYS = literal_gates.compile(
    r"\b(?i:return(?:s|ing)?)\s+(?:a|an|the|one)\s+(?:new\s+|single\s+|summary\s+|flat\s+)?(?:dict(?:ionary)?|mapping)\b[^.;]{0,30}?\b(?:with|having|containing|holding)\s*:?\s+"
    r"(?:the\s+|exactly\s+(?:the\s+)?|these\s+|(?:two|three|four|five|six|seven)\s+)?(?:keys?|fields?|entries)?\s*:?\s*" + KEYS_LIST
)
ENDINGS = literal_gates.compile(r"\b(?:end(?:s|ing)?|start(?:s|ing)?|begin(?:s|ning)?)\s+(?:in|with)\s+(?:one of\s+|either\s+)?" + QUOTED_LIST)
AN_EXAMPLE = literal_gates.compile(r"\b(?:e\.g\.|for example|for instance|such as|like|say)\W+(?:\w+\W+){0,4}$", re.IGNORECASE)


def _quoted(items: str) -> List[str]:
    """The quoted strings of a list, without Python's constants ("..., or `None` when ...": a value)."""
    return [item[1:-1] for item in re.findall(QUOTED, items) if item[1:-1] not in ("None", "True", "False")]


def _working_strings(tree: ast.Module, reads: bool = True) -> List[str]:
    """The strings of the code's functions and of its module-level assignments (its tables), without
    docstrings, asserts or printed text (a usage line may show any input); without ``reads``, also
    without the keys it only reads (``loan["returned"]``: a field of the input, not one it writes)."""
    skipped = {id(node.value) for node in nodes_of(tree, ast.Expr) if isinstance(node.value, ast.Constant)}
    if not reads:
        skipped |= {id(node.slice) for node in nodes_of(tree, ast.Subscript) if isinstance(node.ctx, ast.Load)}
    for node in walk(tree):
        if isinstance(node, ast.Assert) or (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"):
            skipped |= {id(n) for n in walk(node)}
    roots = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign, ast.AnnAssign))]
    return [n.value for root in roots for n in nodes_of(root, ast.Constant) if isinstance(n.value, str) and id(n) not in skipped]


def _names(tree: ast.Module) -> Set[str]:
    """Every name, attribute, parameter and keyword argument of the code (``dict(count=...)``, a dataclass's fields)."""
    return ({n.id for n in nodes_of(tree, ast.Name)} | {n.attr for n in nodes_of(tree, ast.Attribute)}
            | {n.arg for n in nodes_of(tree, (ast.keyword, ast.arg)) if n.arg})


def _missing_key(instruction: str, strings: List[str], names: Set[str]) -> Optional[str]:
    found = RETURNED_KEYS.search(instruction)
    if not found:
        return None
    strings = "\n".join(strings)  # the strings the code writes, not the keys it reads; a key may be a regex's group: (?P<date>...) read by groupdict()
    keys = [key for key in _quoted(re.sub(r"\s+\([^()\n]*\)", "", found.group("items"))) if "(" not in key]  # not what a key holds ("#"), nor a function named after the list
    missing = (key for key in keys if key not in names and not re.search(rf"(?<!\w){re.escape(key)}(?!\w)", strings))
    return next((f"the key {key!r} of the dict it returns" for key in missing), None)


# The letters of a form that stand for numbers: the i and n of "[PATCH i/n]", the N of "vN".
FORM_LETTERS = literal_gates.compile(r"(?<![A-Za-z])[A-Za-z](?![A-Za-z])|(?<=[a-z])[A-Z](?![A-Za-z])")


def _ending_held(ending: str, beginning: bool, strings: List[str]) -> bool:
    """The code spells the beginning or ending, a regex of it matches it (its form's letters read as numbers:
    r"^\[PATCH(?: v(\d+))?(?: (\d+)/(\d+))?\]" holds "[PATCH vN i/n]"), or a shorter run of the same marks covers it
    (``"-"`` begins every line that begins with ``"---"``)."""
    if any(ending in value for value in strings) or _matched_by_a_pattern(ending, strings):
        return True
    if " " in ending and _matched_by_a_pattern(FORM_LETTERS.sub("1", ending), strings):
        return True
    return any(value.strip() and set(ending) <= set(value) and (ending.startswith(value) if beginning else ending.endswith(value)) for value in strings)


def _missing_ending(instruction: str, strings: List[str]) -> Optional[str]:
    for found in ENDINGS.finditer(instruction):
        if AN_EXAMPLE.search(instruction[max(0, found.start() - 60):found.start()]):
            continue
        beginning = found.group(0)[0].lower() in "sb"
        for ending in _quoted(found.group("items")):
            if ending.strip() and not _ending_held(ending, beginning, strings):
                return f"the {'beginning' if beginning else 'ending'} {ending!r}"
    return None


DATE_FORMAT = literal_gates.compile(r"(?<![\w%])(?:YYYY|YY|MM|DD)(?:[-/. ](?:YYYY|YY|MM|DD)){2}(?![\w])")
DIRECTIVES = {"YYYY": "%Y", "YY": "%y", "MM": "%m", "DD": "%d"}


def _missing_date_format(instruction: str, strings: List[str], code: str) -> Optional[str]:
    spelled = [value for value in strings if re.search(r"%[Ymd]", value)]
    if not spelled:
        return None  # dates read some other way (a regex, split): not judged here
    for found in DATE_FORMAT.finditer(instruction):
        written = re.sub(r"YYYY|YY|MM|DD", lambda m: DIRECTIVES[m.group(0)], found.group(0))
        if found.group(0) == "YYYY-MM-DD" and re.search(r"\b(?:from)?isoformat\b|\bdate\.fromisoformat\b", code):
            continue
        if not any(written in value for value in spelled):
            return f"the date format {found.group(0)!r} ({written!r})"
    return None


STRING_QUOTED = r"['\"][^`'\"\n]{1,30}['\"]"  # not `backticks`: those name code (methods, columns, types)
# The fields of the records an input holds ("dicts with 'id', 'type' and 'read'"): a task need not read them all.
INPUT_FIELDS = literal_gates.compile(r"\b(?:dicts?|dictionaries|records?|objects?|rows?|entries|events?|items?|notifications?|elements?)\s+(?:with|having|containing|of)\b[^.]*$|\b(?:keys?|fields?|columns?|attributes?)\s*:?\s*$", re.IGNORECASE)
# ... but "a dict with a 'status' that is one of 'open', 'pending' or 'closed'": the values one field takes, cases to handle.
FIELD_VALUES = literal_gates.compile(r"\b(?:one of|either|any of|(?:can|could|may|will) be|values?|set to)\s*:?\s*$", re.IGNORECASE)
# "Supported units:", "supporting the units", "returns": strings the code must handle (or write) one by one.
HANDLED_EACH = literal_gates.compile(r"\b(?:supported|supports?|supporting|accepted|accepts?|any of|returns?|returning)\b(?:\s+(?:the\s+)?(?:units?|formats?|values?|codes?|modes?|one of))?\s*:?\s*$", re.IGNORECASE)
# A string in backticks is still a string: "`"hPa"`, `"kPa"`, `"inHg"` (1 inHg = 33.8639 hPa) and `"mmHg"`", each item
# perhaps glossed in parentheses.
TICKED_QUOTED = rf"`{STRING_QUOTED}`"
LONG_QUOTED_LIST = literal_gates.compile(rf"{STRING_QUOTED}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){STRING_QUOTED}){{2,15}}"
                              rf"|{TICKED_QUOTED}{DESCRIBED}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){TICKED_QUOTED}{DESCRIBED}){{2,15}}")
# "`by` can be 'price' (cheapest first), 'name' (A-Z) or 'rating' (highest first)": the values one argument takes, each described.
DESCRIBED_QUOTED_LIST = literal_gates.compile(rf"{STRING_QUOTED}{DESCRIBED}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){STRING_QUOTED}{DESCRIBED}){{2,15}}")
TIME_UNITS = literal_gates.compile(r"\b(?:(?:weeks|days|hours|minutes|seconds|milliseconds)(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)){2,5}(?:weeks|days|hours|minutes|seconds|milliseconds)\b", re.IGNORECASE)


# "'2' to '10'", "'2'-'10'": the ends of a range of values, not two literals.
RANGE_END_BEFORE = literal_gates.compile(r"['\"]\s*(?:to|through|thru|-|–|\.\.)\s*$")
RANGE_START_AFTER = literal_gates.compile(r"\s*(?:to|through|thru|-|–|\.\.)\s*['\"]")


def _holds_whole(item: str, strings: List[str]) -> bool:
    """``item`` is one of the strings, or a whole token inside one (``on`` in ``"^(yes|on)$"``, not in ``"none"``)."""
    folded = item.lower()
    pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(folded)}(?![A-Za-z0-9])")
    return any(value.lower() == folded or pattern.search(value.lower()) for value in strings)


# Where an item may stand in the text a regex reads: alone, or as a marker between a number and what follows
# it ("ext." in "0958 ext. 123").
PATTERN_SURROUNDINGS = (("", " "), ("", " 123"), ("", "123"), ("0 ", " 123"), ("0", "123"))


def _matched_by_a_pattern(item: str, strings: List[str]) -> bool:
    """A regex of the code, spelling the item's first letter, matches it whole, in any case, alone or between
    the text around it (``"A"`` by ``^(?:the|an?)\\s+``, whose ``an?`` spells "a" and "an" at once; ``"ext."``
    by ``\\s*(?:ext(?:ension)?\\.?|x)\\s*(\\d+)\\s*$``)."""
    for value in strings:
        if not re.search(r"[|?\[(]", value) or item[:1].lower() not in value.lower():
            continue
        try:
            pattern = re.compile(value, re.IGNORECASE)
            for before, after in PATTERN_SURROUNDINGS:
                found = pattern.search(before + item + after)
                if found and found.start() <= len(before) and found.end() >= len(before) + len(item):
                    return True
        except (re.error, RecursionError, OverflowError):
            continue
    return False


# Fields that hold an amount: a computation that reads its records' other fields and never this one
# leaves it out ("price", "category" read and "qty" not). A name, an age or a city may rightly go unread
# ("return the names").
QUANTITY_FIELD = literal_gates.compile(r"^(?:qty|quantity|quantities|price|unit_price|amount|count|weight|hours|rate|cost|unit_cost|units|score|points|minutes|seconds|days|distance)$", re.IGNORECASE)


def _template_held(item: str, strings: List[str]) -> bool:
    """A quoted message with a placeholder ("min stay N") whose fixed words the code writes (``f"min stay {required}"``)."""
    parts = [part.strip() for part in PLACEHOLDER.split(item) if part.strip()]
    return bool(PLACEHOLDER.search(item)) and bool(parts) and all(any(part.lower() in value.lower() for value in strings) for part in parts)


# "a list of dicts with keys `name`, `points` and `games`": the fields of the input's records, in backticks or quotes.
RECORD_FIELDS = literal_gates.compile(r"\b(?:dicts?|dictionaries|records?|rows?|entries|objects?)\s+with\s+(?:the\s+)?(?:keys?|fields?|columns?|attributes?)\s+"
                           r"(?P<items>[`'\"]\w+[`'\"](?:\s*,\s*[`'\"]\w+[`'\"])*,?\s+and\s+[`'\"]\w+[`'\"])", re.IGNORECASE)


# "a list of dicts `{"name": str, "open_units": int, "last_assigned": datetime}`": the same fields, as the record's shape.
RECORD_SHAPE = literal_gates.compile(r"`(?P<items>\{\s*[\"']\w+[\"']\s*:\s*[\w\[\]|. ]+(?:,\s*[\"']\w+[\"']\s*:\s*[\w\[\]|. ]+){2,}\s*\})`")


def _field_of_a_rule_unread(instruction: str, tree: ast.Module) -> Optional[str]:
    """A field of the input's records that the code never reads while it reads two others, and that a rule of
    the instruction orders or compares by after listing it ("... keys `name`, `points` and `games`. Order by
    points, then **fewer games played** first"; "if several pickers tie, the one whose `last_assigned` is earliest"):
    the code leaves the rule out. ("Divided by candidates who sat" counts records, and "a teacher whose candidates were
    all absent" speaks of them: neither reads a field.)"""
    found, field_name = RECORD_FIELDS.search(instruction), r"[`'\"](\w+)[`'\"]"
    if not found:
        found, field_name = RECORD_SHAPE.search(instruction), r"[\"'](\w+)[\"']\s*:"
    if not found:
        return None
    fields = re.findall(field_name, found.group("items"))
    read = _fields_read(tree, tables=False)
    unread = [f for f in fields if f not in read]
    if len(fields) - len(unread) < 2:
        return None
    after = instruction[found.end():]
    for field in unread:
        stem = field[:-1] if field.endswith("s") and len(field) > 3 else field
        if re.search(rf"\b(?:(?<!divided )(?<!multiplied )(?<!divide )by|fewer|more|most|least|highest|lowest|smallest|largest|then)\s+(?:\*\*|`)?(?:the\s+)?(?:\w+\s+)?{re.escape(stem)}(?:s|es)?\b"
                     rf"|\bwhose\s+(?:\*\*|`)?{re.escape(stem)}(?:s|es)?\b`?\s+(?:is|are|was)\s+(?:the\s+)?(?:earliest|latest|highest|lowest|smallest|largest|greatest|least|most|"
                     rf"oldest|newest|first|last|longest|shortest|fewest)\b", after, re.IGNORECASE):
            return f"the field {field!r} of the input's records, which the instruction's rules name again (never read)"
    return None


# A record shown as a dict literal (`{"port": "Peterhead", "vessel": "Gull", "kg": 120.5}`) and its fields, each with
# whether its value is a number (or a number's type: `{"ref": str, "vehicles": int}`).
RECORD_SAMPLE = literal_gates.compile(r"\{[^{}\n]*\}")
SAMPLE_PAIR = literal_gates.compile(r"[\"']([a-z]\w*)[\"']\s*:\s*([^,}]+)")
NUMBER_VALUE = literal_gates.compile(r"^\s*(?:-?\d|Decimal\b|int\b|float\b|Fraction\b)")
QUOTED_VALUE = literal_gates.compile(r"\s*[\"']([^\"']{2,30})[\"']\s*")


def _record_fields(text: str, sample: re.Pattern = RECORD_SAMPLE) -> Tuple[Dict[str, bool], Dict[str, Set[str]]]:
    """The fields of the records ``text`` shows (each: is its value a number?) and the strings each field holds there. A
    dict of numbers only (`{"sewing": 2, "ready": 1}`) is a result shown, not a record."""
    fields: Dict[str, bool] = {}
    values: Dict[str, Set[str]] = {}
    for found in sample.finditer(text):
        pairs = SAMPLE_PAIR.findall(found.group(0))
        if not pairs or all(NUMBER_VALUE.match(value) for _, value in pairs):
            continue
        for field, value in pairs:
            fields.setdefault(field, bool(NUMBER_VALUE.match(value)))
            quoted = QUOTED_VALUE.fullmatch(value)
            if quoted:
                values.setdefault(field, set()).add(quoted.group(1))
    return fields, values


def _table_strings(value: ast.expr, constant: bool) -> List[ast.Constant]:
    """The strings of a module-level table: a tuple, list or set of them, or of tuples of them
    (``LIMITS = [("ph", 7.2, 7.8), ("free_cl", 1.0, 3.0)]``), and the keys of a constant's dict
    (``LIMITS = {"ph": (7.2, 7.8)}``); not the records of an example (``readings = [{"pool": "Main"}]``)."""
    if isinstance(value, ast.Constant):
        return [value]
    if isinstance(value, (ast.Tuple, ast.List, ast.Set)):
        return [c for e in value.elts if not isinstance(e, ast.Dict) for c in _table_strings(e, False)]
    if isinstance(value, ast.Dict) and constant:
        return [k for k in value.keys if isinstance(k, ast.Constant)]
    return []


def _fields_read(tree: ast.Module, tables: bool = True) -> Set[str]:
    """The attribute names and strings of the code's definitions and (``tables``) of its module-level tables of
    strings (``COUNT_KEYS = ("adults", "children")``): not of the example records below them."""
    code = [n for d in tree.body if isinstance(d, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in walk(d)]
    for d in (d for d in tree.body if tables and isinstance(d, ast.Assign)):
        code += _table_strings(d.value, constant=len(d.targets) == 1 and isinstance(d.targets[0], ast.Name) and d.targets[0].id.isupper())
    return {n.attr for n in code if isinstance(n, ast.Attribute)} | {n.value for n in code if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _stem(field: str) -> str:
    """volume_ml: "the total volume"."""
    return field.split("_")[0] if len(field.split("_")[0]) >= 3 else field


def _keeps_whole_records(tree: ast.Module) -> bool:
    """The code stores the records themselves (``latest[(r["sensor"], r["ts"])] = r``, ``kept.append(r)``): every field
    goes out as it came, read or not."""
    items = {loop.target.id for loop in nodes_of(tree, ast.For) if isinstance(loop.target, ast.Name)}
    return any(isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id in items
               or isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "append" and len(n.args) == 1
               and isinstance(n.args[0], ast.Name) and n.args[0].id in items for n in walk(tree))


def _number_field_unread(instruction: str, tree: ast.Module) -> Optional[str]:
    """A number field of the records the instruction shows, which its prose names again ("the **total collected
    volume in mL**" of `{"donor_id": "D4", "blood_type": "O+", "volume_ml": 470}`), and which the code never reads
    while it reads another field: ``Counter(r["blood_type"] for r in records)`` counts the records instead."""
    fields, _ = _record_fields(instruction)
    read = _fields_read(tree) if len(fields) >= 2 else set()
    if not read & set(fields) or _keeps_whole_records(tree):
        return None
    outside = RECORD_SAMPLE.sub(" ", instruction)
    for field, number in fields.items():
        if number and field not in read and re.search(rf"\b(?:{re.escape(field)}|{re.escape(_stem(field))})\b", outside, re.IGNORECASE):
            return f"the field {field!r} of the input's records, which the instruction names again (never read)"
    return None


# A rule that leaves records out: "bookings with status "cancelled" take no space", "Cancelled classes must not be shown".
EXCLUDING = literal_gates.compile(r"\b(?:not|no|never|exclud\w*|skip\w*|ignor\w*|omit\w*|without|drop\w*|leave\s+out|left\s+out)\b", re.IGNORECASE)
ANY_RECORD_SAMPLE = literal_gates.compile(r"\{[^{}]*\}")  # in a fenced block too, over several lines


def _excluding_field_unread(instruction: str, written: str, tree: ast.Module) -> Optional[str]:
    """A field of the records the instruction shows (``written``: its fenced samples too) that a sentence of its prose
    excludes records by, naming the field or one of its values and no field the code reads ("skip berths flagged
    `out_of_service`"), while the code reads other fields and never this one nor those values."""
    fields, values = _record_fields(written, ANY_RECORD_SAMPLE)
    read = _fields_read(tree) if len(fields) >= 2 else set()
    if not read & set(fields):
        return None
    sentences = re.split(r"(?<=[.!?;:])\s+|\n+", ANY_RECORD_SAMPLE.sub(" ", instruction))
    others = [f for f in fields if f in read]
    collections = {a.arg.lower() for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) for a in n.args.args}
    for field in fields:
        if field in read or values.get(field, set()) & read:
            continue
        if field.lower() + "s" in collections:
            continue  # `invoices` of {"invoice": "INV-2291", "ticket": 1043}: "tickets with no invoice line" speaks of the records
        words = "|".join(re.escape(w) for w in [field, _stem(field), *sorted(values.get(field, ()))])
        for sentence in sentences:
            if re.search(rf"\b(?:{words})\b", sentence, re.IGNORECASE) and EXCLUDING.search(sentence) \
                    and not any(re.search(rf"\b{re.escape(f)}\b", sentence, re.IGNORECASE) for f in others):
                return f"the field {field!r} of the input's records, which a rule of the instruction leaves records out by (never read)"
    return None


def _membership_sets(tree: ast.Module) -> List[Set[str]]:
    """The literal containers of strings the code tests membership in (``e["type"] in ("goal", "penalty")``)."""
    found = []
    for node in nodes_of(tree, ast.Compare):
        if any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
            for side in node.comparators:
                if isinstance(side, (ast.Tuple, ast.List, ast.Set)) and side.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in side.elts):
                    found.append({e.value for e in side.elts})
    return found


def _inside_a_call(before: str) -> bool:
    """The text ends inside the parentheses of a call (``convert_pay("1000", ``), not of a parenthetical remark."""
    depth = 0
    for index in range(len(before) - 1, -1, -1):
        if before[index] == ")":
            depth += 1
        elif before[index] == "(":
            if depth == 0:
                return bool(re.search(r"[A-Za-z_]\w*$", before[:index]))
            depth -= 1
    return False


def _missing_quoted(instruction: str, strings: List[str], memberships: List[Set[str]] = ()) -> Optional[str]:
    for found in LONG_QUOTED_LIST.finditer(instruction):
        if AN_EXAMPLE.search(instruction[max(0, found.start() - 60):found.start()]):
            continue  # "commands such as 'go north', 'look' and 'quit'": inputs shown, not a list to handle one by one
        before = instruction[: found.start()]
        if before.count("{") > before.count("}"):
            continue  # "{'type': 'percent' or 'fixed', ...}": a record's shape, not cases to handle
        if before.count("[") > before.count("]"):
            continue  # `expand_range("b2:a1")` returns `["A1", "B1", "A2", "B2"]`: an example's values, computed, not spelled
        if _inside_a_call(before):
            continue  # `convert_pay("1000", "weekly", "monthly")` -> ...: an example call's arguments, not cases to handle
        if found.group(0).startswith("`") and (not HANDLED_EACH.search(before[-60:]) or re.search(r"<\w+>", found.group(0))):
            continue  # "status is one of `"completed"`, `"no_show"` or `"cancelled"`": the last may be the code's default case (and
            # `"The <name> is empty."` a template filled in)
        listed = re.sub(r"\([^()\n]*\)", "", found.group(0))
        items = [item for item in (re.findall(r"`['\"]([^`'\"\n]{1,30})['\"]`", listed) if listed.startswith("`") else _quoted(listed)) if item.strip()]
        if len({" ".join(item.split()).casefold() for item in items}) < len(items):
            continue  # ("Otters SC", "otters sc ", "OTTERS SC"): one name typed three ways, how an input comes, not cases to hold
        if RANGE_END_BEFORE.search(before):
            items = items[1:]  # "ranks '2' to '10', 'J', 'Q'": '10' ends a range the code may compute, not a literal to hold
        if RANGE_START_AFTER.match(instruction[found.end():]):
            items = items[:-1]
        held = [item for item in items if _holds_whole(item, strings) or _matched_by_a_pattern(item, strings) or _template_held(item, strings)]
        if INPUT_FIELDS.search(before[-40:]) and not FIELD_VALUES.search(before[-40:]):  # "dicts with "price", "qty" and "category"": a quantity the code reads the others with
            unread = [item for item in items if item not in held and QUANTITY_FIELD.search(item)]
            if len(held) >= 2 and unread:
                return f"the field {unread[0]!r} of the input's records (never read)"
            continue
        if any(set(held) <= kept for kept in memberships):
            continue  # `e["type"] in ("goal", "penalty")`: the cases kept are listed, "own_goal" left out by the test itself
        if len(held) >= max(2, len(items) / 2) and len(held) < len(items):
            return f"the string {next(item for item in items if item not in held)!r}"
    for found in DESCRIBED_QUOTED_LIST.finditer(instruction):
        if "(" not in found.group(0) or not FIELD_VALUES.search(instruction[max(0, found.start() - 40):found.start()]):
            continue  # only the values an argument "can be", each told apart by what it does
        items = [item for item in re.findall(r"['\"]([^`'\"\n]{1,30})['\"]", re.sub(r"\([^()\n]*\)", "", found.group(0))) if item.strip()]
        held = [item for item in items if _holds_whole(item, strings) or _matched_by_a_pattern(item, strings)]
        if len(held) >= max(2, len(items) / 2) and len(held) < len(items):
            return f"the value {next(item for item in items if item not in held)!r}"
    return None


# "Styles: 'full' -> 'Ada Lovelace', 'last_first' -> 'Lovelace, Ada', 'initials' -> 'A.L.'", "'A' (90+), 'B' (80-89) ...
# and 'F' (below 60)", "'calm' below 2 km/h, ... and 'gale' at 62 km/h or more": options or bands, each mapped
# to what it gives or holds.
MAPPED_KEY = literal_gates.compile(r"""(?<![\w'"])(['"])(?P<key>[A-Za-z_][\w-]{0,30})\1\s*(?:->|=>|→|\((?=[^)]*\d)"""
                        r"""|(?=(?:below|under|less\s+than|from|at|above|over|up\s+to|between|greater\s+than|more\s+than)\b[^,;]{0,30}?\d)"""
                        r"""|(?=(?:pays?|gets?|costs?|earns?|receives?)\s+\$?\d|\d+(?:\.\d+)?\s*%\s+(?:less|off|more|discount)))\s*""")  # "child" pays 50% less, "senior" 40% less


def _missing_mapped_key(instruction: str, strings: List[str]) -> Optional[str]:
    """An option of three or more the instruction maps each to a result (``'x' -> ...``), which the code
    never names while it names at least two of the others; not one mapped to an error ("'maybe' -> raises
    ValueError": what every other input does)."""
    keys = list(dict.fromkeys(m.group("key") for m in MAPPED_KEY.finditer(instruction)
                              if not re.match(r"\s*(?:rais\w*|throws?|\w*Error\b|an?\s+error|error)", instruction[m.end():], re.IGNORECASE)))
    if len(keys) < 3:
        return None
    held = [key for key in keys if _holds_whole(key, strings)]
    missing = [key for key in keys if key not in held]
    return f"the option {missing[0]!r}" if len(held) >= 2 and missing else None


# "replacing & with &amp;, < with &lt; ... and ' with &#x27;": the entities a replacement must write.
ENTITY = literal_gates.compile(r"&(?:[A-Za-z]{2,8}|#x?[0-9A-Fa-f]{1,6});")


def _missing_entity(instruction: str, strings: List[str]) -> Optional[str]:
    """An HTML entity the instruction lists that the code never writes, while it writes two others."""
    entities = list(dict.fromkeys(ENTITY.findall(instruction)))
    held = [e for e in entities if any(e in value for value in strings)]
    missing = [e for e in entities if e not in held]
    return f"the entity {missing[0]!r}" if len(held) >= 2 and missing else None


# "trailing punctuation like '!' or ','", "sentences end with '.', '!' or '?'": marks listed together.
MARK_LIST = literal_gates.compile(r"""(?<![\w'"])(['"])[^\w\s'"]\1(?:\s*,\s*(['"])[^\w\s'"]\2)*\s*,?\s*(?:or|and)\s+(['"])[^\w\s'"]\3(?![\w'"])""")
# Code that handles marks as a class: \w, str.isalnum, string.punctuation, a character range.
MARK_CLASSES = literal_gates.compile(r"isalnum|isalpha|isdigit|isidentifier|isdecimal|isnumeric|punctuation|\\[wWbs]|\[\^|\[[^\]\n]*[a-zA-Z0-9]-[a-zA-Z0-9]")


def _missing_marks(instruction: str, strings: List[str], code: str) -> Optional[str]:
    """Listed punctuation marks of which the code holds none, and no character class that covers them."""
    if MARK_CLASSES.search(code):
        return None
    held = "".join(strings)
    for found in MARK_LIST.finditer(instruction):
        marks = re.findall(r"""['"]([^\w\s'"])['"]""", found.group(0))
        if not any(mark in held for mark in marks):
            return f"the marks {found.group(0)}"
    return None


CODE_WORD = literal_gates.compile(r"(?<![\w])['\"]([A-Z][A-Z0-9_]{1,20})['\"](?![\w])")
# ("V0" … "V17", "A1" to "A9"): the two ends of a run of codes, each an instance of a form, not words to spell.
CODE_RANGE = literal_gates.compile(r"(?<![\w])['\"]([A-Z][A-Z0-9_]{1,20})['\"]`?\s*(?:…|\.\.\.?|–|-|to|through|thru)\s*`?['\"]([A-Z][A-Z0-9_]{1,20})['\"](?![\w])")


def _built_from_held_prefix(word: str, strings: List[str]) -> bool:
    """'T20' where the code holds "T" and reads the number after it (a treble of segment 20): a value of
    a form, not a word to spell."""
    prefix = re.fullmatch(r"([A-Z]+)\d+", word)
    return bool(prefix) and prefix.group(1) in strings  # a string of its own ("T": 3), not a letter of a pattern's class


# A whole value in backticks: a dict or a list shown.
SHOWN_VALUE = literal_gates.compile(r"`[\[{][^`\n]*[\]}]`")


def _missing_code_word(instruction: str, strings: List[str]) -> Optional[str]:
    """A quoted code in capitals ('FLAT5', 'WARNING') the code leaves out while it holds two others."""
    ends = {word for pair in CODE_RANGE.findall(instruction) for word in pair}
    asked = SHOWN_VALUE.sub(" ", instruction)  # `{"T01": "ONLINE", "T02": "FAULT", ...}`: an input shown, whose codes the code need not spell
    words = [word for word in dict.fromkeys(CODE_WORD.findall(asked)) if word not in ends]
    if len(words) < 3:
        return None
    held = [word for word in words if _holds_whole(word, strings) or _built_from_held_prefix(word, strings)]
    if len(held) >= 2 and len(held) < len(words):
        return f"the string {next(word for word in words if word not in held)!r}"
    return None


# "a single CSV line with the fields title, author, member_id and due_date (ISO format), in that order": fields
# the output is made of, named bare.
FIELD_LIST = literal_gates.compile(r"\b(?:fields?|columns?)\s*:?\s+(?P<items>[a-z][a-z0-9_]*(?:\s*,\s*[a-z][a-z0-9_]*)+\s*,?\s*(?:and|or)\s+[a-z][a-z0-9_]*)\b")
FIELDS_OUT = literal_gates.compile(r"\bin\s+(?:that|this|the\s+same|the\s+given)\s+order\b|\b(?:csv|header|export\w*|writes?|serial\w*)\b", re.IGNORECASE)
FIELDS_IN = literal_gates.compile(r"\b(?:each|every|the)\s+(?:record|row|dict|item|entry|line)s?\s+(?:has|have|holds?|contains?)\b|\bgiven\b|\binput\b", re.IGNORECASE)


# "the CSV text with the header row `name,email,phone,shifts_completed`": the columns, spelled as the header.
HEADER_OUT = literal_gates.compile(r"\b(?:returns?|returning|writes?|writing|outputs?|produces?|generates?|emits?)\b", re.IGNORECASE)
HEADER_IN = literal_gates.compile(r"\b(?:pars\w*|reads?|reading|have|has|takes?|given|input|from)\b", re.IGNORECASE)
# "Write `weight_by_passenger(csv_text)` for a manifest with the header row ...": the task's verb, not one of output.
TASK_VERB_OBJECT = literal_gates.compile(r"\s+(?:`?[A-Za-z_]\w*\(|an?\s+(?:python\s+)?(?:function|method|class|program|script)\b)", re.IGNORECASE)
HEADER_ROW = literal_gates.compile(r"\b(?:header(?:\s+row|\s+line)?|columns?)\b[^`.]{0,30}`(?P<items>[A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*){2,})`", re.IGNORECASE)


def _missing_output_field(instruction: str, strings: List[str], names: Set[str]) -> Optional[str]:
    """A field of a bare list the output is made of ("a CSV line with the fields title, author and due_date,
    in that order", a header row `name,email,phone`) that the code neither names nor spells, while it
    spells two others."""
    for sentence in re.split(r"(?<=[.!?])\s+", instruction):
        header = HEADER_ROW.search(sentence)
        said = [m for m in HEADER_OUT.finditer(sentence, 0, header.start()) if not TASK_VERB_OBJECT.match(sentence, m.end())] if header else []
        if header and (not said or HEADER_IN.search(sentence, said[-1].end(), header.start())):
            header = None  # "CSV text with a header line `date,vehicle,litres`" to read: the input's columns
        found = header or FIELD_LIST.search(sentence)
        if not found or not FIELDS_OUT.search(sentence) or FIELDS_IN.search(sentence):
            continue
        fields = [f for f in re.split(r"\s*,\s*|\s+(?:and|or)\s+", found.group("items").strip()) if f and f not in ("and", "or")]
        held = [f for f in fields if f in strings or f in names]
        if len(held) >= 2 and len(held) < len(fields):
            return f"the field {next(f for f in fields if f not in held)!r} of its output"
    return None


# "four tiers: Member (1x), Silver (1.25x), Gold (1.5x) and Platinum (2x)": options named with what each gives.
NAMED_VALUE = r"[A-Z][a-z]+\s*\(\s*[\d.]+\s*(?:x|×|%)?\s*\)"
NAMED_VALUES = literal_gates.compile(rf"{NAMED_VALUE}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+){NAMED_VALUE}){{2,11}}")


def _missing_named_value(instruction: str, strings: List[str]) -> Optional[str]:
    """An option of such a list the code never spells (any case), while it spells two others."""
    spelled = {value.strip().lower() for value in strings}
    for found in NAMED_VALUES.finditer(instruction):
        names = re.findall(r"([A-Z][a-z]+)\s*\(", found.group(0))
        held = [name for name in names if name.lower() in spelled]
        if len(held) >= 2 and len(held) < len(names):
            return f"the option {next(name for name in names if name not in held)!r}"
    return None


# "returns 'pending' if the policy hasn't started yet, 'active' from the start date through the end date, and
# 'lapsed' once ...": one-word values a sentence says the function returns, each with its own case.
RETURN_SENTENCE = literal_gates.compile(r"[^.;]*\b(?:returns?|returning|result\s+is)\b[^.;]*", re.IGNORECASE)
RETURNED_WORD = literal_gates.compile(r"(?<![\w'\"`])(['\"])([A-Za-z][A-Za-z_-]{1,20})\1(?![\w'\"`])")


def _missing_returned_word(instruction: str, strings: List[str]) -> Optional[str]:
    """A one-word value among three or more a return sentence quotes, left out by code that writes two others."""
    for sentence in RETURN_SENTENCE.finditer(instruction):
        text = sentence.group(0)
        if re.search(r"\b(?:e\.g\.|for example|for instance|such as|like)\b|[{\[]", text, re.IGNORECASE):
            continue  # inputs shown, or a record's shape
        words = list(dict.fromkeys(word for _, word in RETURNED_WORD.findall(text) if word not in ("None", "True", "False")))
        if len(words) < 3:
            continue
        held = [word for word in words if word in strings]
        if len(held) >= 2 and len(held) < len(words):
            return f"the value {next(word for word in words if word not in held)!r} it returns"
    return None


# A quoted phrase opens and closes on a character, not a space: "'day' when N is 1 and 'days'" quotes no " when N is 1 and ".
# A placeholder: N, X, K or a run of one of them ("duplicate reg XXX"), {name}, <name>.
TEMPLATE = literal_gates.compile(r"[\"'](?=\S)([^\"'\n]{0,40}?(?:\b(?:N+|X+|K+)\b|\{\w*\}|<\w+>)[^\"'\n]{0,40})(?<=\S)[\"']")
PLACEHOLDER = literal_gates.compile(r"\b(?:N+|X+|K+)\b|\{\w*\}|<\w+>")


def _missing_template(instruction: str, strings: List[str]) -> Optional[str]:
    """A quoted output phrase with a placeholder whose words the code never writes, while it writes another's."""
    templates = list(dict.fromkeys(TEMPLATE.findall(instruction)))
    if len(templates) < 2:
        return None
    strings = " ".join(strings).lower()
    def words(template):  # digits aside: '<name>.bak1', '<name>.bak2' are a counter's, written as f"{name}.bak{n}"
        return re.sub(r"\d+", "", max((part.strip(" .,:;!?-") for part in PLACEHOLDER.split(template)), key=len).lower()).strip(" .,:;!?-")
    spelled = set(re.findall(r"[a-z]+", strings))
    def written(template):  # "N minute(s) ago" is written as f"{n} {unit}{'s' if n != 1 else ''} ago"; "contains: a, b." lists items a and b
        stem = re.split(r"\s*\((?=[a-z]+/[a-z]+\))", words(template))[0]  # "too few players (n/min)": the counts in brackets are placeholders too
        return words(template) in strings or all(word in spelled for word in re.findall(r"[a-z]{2,}", words(template).replace("(s)", ""))) \
            or len(stem) >= 8 and stem != words(template) and stem in strings
    held = [t for t in templates if len(words(t)) >= 3 and written(t)]
    missing = [t for t in templates if len(words(t)) >= 3 and not written(t)]
    if held and not missing:  # "Dear {title} {last_name}", "Dear {first_name}", else "Dear Friend": the fixed phrase of the same opening
        openings = {t.split()[0] for t in held if t.split()}
        fixed = [q for q in re.findall(r"[\"']([A-Z][A-Za-z]*(?: [A-Za-z]+){1,5})[\"']", instruction) if q.split()[0] in openings and not PLACEHOLDER.search(q)]
        missing = [q for q in fixed if q.lower() not in strings]
    return f"the phrase {missing[0]!r}" if held and missing else None


def _missing_time_unit(instruction: str, strings: List[str], names: Set[str]) -> Optional[str]:
    found = TIME_UNITS.search(instruction)
    if not found:
        return None
    words = " ".join(strings + sorted(names)).lower()
    for unit in re.findall(r"weeks|days|hours|minutes|seconds|milliseconds", found.group(0), re.IGNORECASE):
        if unit.lower()[:-1] not in words:
            return f"the unit {unit.lower()!r}"
    return None


# "first a header row `ts,level,logger,message`, then one row per record": a header the CSV written must open with.
HEADER_ASK = literal_gates.compile(r"\b(?:with|first|starting with|begins? with|plus|includ\w+)\s+(?:a|the|one|its)\s+header(?:\s+row|\s+line)?\b", re.IGNORECASE)
NO_HEADER = literal_gates.compile(r"\b(?:no|without|omit\w*|skip\w*|excluding)\s+(?:a\s+|the\s+)?header", re.IGNORECASE)


def _header_never_written(instruction: str, tree: ast.Module) -> Optional[str]:
    """Code that only writes CSV (``csv.writer``, never a reader) for an instruction that asks for a header row, and no
    row it writes is the header: no ``writeheader()``, no ``writerow`` of a list of names (``COLUMNS``, ``["ts", ...]``),
    no row written once outside the loop over the records (``writer.writerow(headers)``)."""
    if not HEADER_ASK.search(instruction) or NO_HEADER.search(instruction):
        return None
    calls = list(nodes_of(tree, ast.Call))
    names = {unparsed(n.func) for n in calls}
    if not names & {"csv.writer", "csv.DictWriter"} or names & {"csv.reader", "csv.DictReader"}:
        return None
    lists = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, (ast.List, ast.Tuple))
             and n.value.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in n.value.elts)
             for t in n.targets if isinstance(t, ast.Name)}
    looped = {id(n) for loop in nodes_of(tree, (ast.For, ast.AsyncFor, ast.While, ast.comprehension)) for n in walk(loop)}
    for call in calls:
        attr = getattr(call.func, "attr", None)
        if attr in ("writerow", "write") and id(call) not in looped:
            return None  # writer.writerow(headers): one row written once, outside the loop over the records
        if attr == "writeheader" or attr in ("writerow", "write") and call.args and (
                isinstance(call.args[0], (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) for e in call.args[0].elts)
                or isinstance(call.args[0], ast.Name) and call.args[0].id in lists
                or isinstance(call.args[0], ast.Call) and getattr(call.args[0].func, "id", None) in ("list", "tuple")
                or isinstance(call.args[0], ast.Constant) or isinstance(call.args[0], ast.JoinedStr)):
            return None
        if attr == "writerows" and call.args and isinstance(call.args[0], (ast.List, ast.BinOp)):
            return None  # writer.writerows([HEADER] + rows)
    return "the header row (the code's csv writer never writes one)"


def _usage_method_missing(written: str, tree: ast.Module) -> Optional[str]:
    """A method the instruction's usage example calls (``pool = ChassisPool([...])``, then ``pool.checkin("CH-1002")``)
    on a class the code defines without it: the call raises AttributeError. Not a class with bases (the method may be
    inherited) or one that answers any attribute (``__getattr__``)."""
    classes = {c.name: c for c in nodes_of(tree, ast.ClassDef)}
    if not classes:
        return None
    for fence in find_fences(written):
        usage = parse_python(fence.code)
        if usage is None:
            continue
        made = {n.targets[0].id: n.value.func.id for n in usage.body if isinstance(n, ast.Assign) and len(n.targets) == 1
                and isinstance(n.targets[0], ast.Name) and isinstance(n.value, ast.Call) and isinstance(n.value.func, ast.Name) and n.value.func.id in classes}
        for call in nodes_of(usage, ast.Call):
            if not (isinstance(call.func, ast.Attribute) and isinstance(call.func.value, ast.Name) and call.func.value.id in made):
                continue
            cls = classes[made[call.func.value.id]]
            own = {n.name for n in cls.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
            own |= {t.id for n in cls.body if isinstance(n, (ast.Assign, ast.AnnAssign)) for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                    if isinstance(t, ast.Name)}
            if cls.bases or cls.keywords or own & {"__getattr__", "__getattribute__"} or call.func.attr in own:
                continue
            return f"the method {call.func.attr} ({call.func.value.id}.{call.func.attr}() in its usage example, which {cls.name} does not define)"
    return None


def missing_part(instruction: str, code: str, written: str = "") -> Optional[str]:
    """What the instruction lists that the code leaves out (a method of its class, an operator its
    class must support, a command-line option, a tag, unit, key, ending, date format or other quoted
    string it must handle), as words for the reason; None when nothing is missing,
    or the code does not parse (validity's business). ``instruction`` is its prose; ``written``, the
    instruction as written (a fenced class stub's methods are listed too)."""
    names = listed_methods(instruction, written)
    shown = written  # the instruction as written: ``written`` is the code's strings below
    operators = BACKTICKED_OPERATOR.search(instruction)
    options = "--" in instruction
    literals = TAG_LIST.search(instruction) or LETTER_LIST.search(instruction) or UNIT_LIST.search(instruction) or NAMED_CODES.search(instruction)
    quoted = (RETURNED_KEYS.search(instruction) or ENDINGS.search(instruction) or DATE_FORMAT.search(instruction) or LONG_QUOTED_LIST.search(instruction)
              or TIME_UNITS.search(instruction) or CODE_WORD.search(instruction) or TEMPLATE.search(instruction) or MARK_LIST.search(instruction)
              or MAPPED_KEY.search(instruction) or ENTITY.search(instruction) or RETURNED_WORD.search(instruction))
    tree = parse_python(code)
    if tree is None:
        return None
    literal = (_missing_tag(instruction, tree) or _missing_letter(instruction, tree)) if literals else None
    if quoted and not literal:
        strings, written, code_names = _working_strings(tree), _working_strings(tree, reads=False), _names(tree)  # read once for every list below
        literal = (_missing_key(instruction, written, code_names) or _missing_ending(instruction, strings) or _missing_date_format(instruction, strings, code)
                   or _missing_quoted(instruction, strings, _membership_sets(tree)) or _missing_time_unit(instruction, strings, code_names) or _missing_code_word(instruction, strings)
                   or _missing_template(instruction, strings) or _missing_marks(instruction, strings, code) or _missing_mapped_key(instruction, strings)
                   or _missing_entity(instruction, strings) or _missing_returned_word(instruction, written))
    if not literal and (FIELD_LIST.search(instruction) or HEADER_ROW.search(instruction)):
        literal = _missing_output_field(instruction, _working_strings(tree), _names(tree))
    if not literal and NAMED_VALUES.search(instruction):
        literal = _missing_named_value(instruction, _working_strings(tree))
    if not literal:
        strings = _working_strings(tree)
        literal = (missing_table_entry(instruction, tree, code) or missing_bulleted_string(instruction, strings) or missing_table_row(instruction, strings)
                   or missing_fallback_value(instruction, strings))
        literal = literal or missing_stated_amount(instruction, tree) or missing_listed_bound(instruction, tree)
    literal = literal or missing_returned_key(instruction, tree) or unread_parameter(instruction, tree) or _header_never_written(instruction, tree)
    literal = literal or _field_of_a_rule_unread(instruction, tree) or _number_field_unread(instruction, tree)
    literal = literal or _excluding_field_unread(instruction, shown, tree) or _usage_method_missing(shown, tree)
    if literal:
        return literal
    has_class = any(isinstance(n, ast.ClassDef) for n in walk(tree))
    defined = _defined(tree)
    method = next((name for name in names if not _has(name, defined)), None) if has_class else None
    if method:
        return f"the method {method}"
    operands = operators and OPERANDS_ASK.search(instruction) and not OPERATOR_TEXT.search(instruction)
    operator = _missing_operator(instruction, tree, defined) if has_class and operands and ASKS_FOR_A_CLASS.search(instruction) else None
    if operator:
        return f"the operator {operator}"
    option = _missing_option(instruction, code) if options else None
    return f"the command-line option {option}" if option else None
