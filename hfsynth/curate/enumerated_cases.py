"""Cases an instruction enumerates in plain words, of which the code's own table or strings leave one out.

:mod:`hfsynth.curate.listed_parts` reads lists of methods, options and quoted strings. A model that
runs out of attention drops an item of other lists as well, and its asserts try only the items it kept:

- **an unquoted list whose items the code keeps in a table**: "supports gallons, quarts, pints, cups,
  liters and milliliters" answered by a dict of five units; "Dogs: rabies every 36 months, DHPP every
  36 months, bordetella every 12 months" by a schedule of two. Read only where one collection literal
  of the code (a dict's keys, a tuple, list or set of strings) holds at least two of the items and half
  of them, and the item left out is nowhere in the code, in any case, singular or plural, whole or
  abbreviated ('chars' for 'characters'; a unit handled by its own branch is in the code). The tables
  are the functions' and classes' and the module's constants, not a usage example's data. Not after
  "such as", "e.g.", "including": examples.
- **bulleted or numbered lines that each open with a quoted string**, or a table's rows that each end
  with one ("| 120-129 | `"rare"` |"): "- 'invalid email' unless ...",
  "1. "respondent_id" missing or empty": the messages to return or the fields to check, one per line.
  Once the code's strings hold two of them and half, each must be there; not where the lines describe
  an input's keys or columns (a task need not read every field of its records), nor lines that are
  worked examples ("- 'maybe' -> ValueError").
- **a markdown table's rows keyed by a code in capitals** ("| V05 | bus stop | 250.00 |"): once the code's strings
  hold two of the codes and half, each must be there (:func:`missing_table_row`).
- **a value to use in a named case**: "use the status 'OPEN' when the fifth column is missing",
  "default to 'UTC' if no zone is given", "fall back to 'N/A'", "written as `X` when it equals 10":
  the code must write that value.
- **a scale spelt as five or more rising (or falling) numbers**: "lower bounds for forces 1..12 are 0.5,
  1.6, 3.4, ... 28.5 and 32.7 m/s" answered by a table that stops at 20.8: once the code's numbers hold three
  and half, each must be there (or made from two of them).
- **an amount each case is given**: "children under 12 pay 5.0, seniors pay 6.0, students pay 7.0 and
  everyone else pays 12.0": once the code's numbers hold two of three or more and half, each must be a
  number of the code or made from two of them (half of 12.0).
"""

from __future__ import annotations

import ast
import re
from typing import List, Optional, Set, Tuple
from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import nodes_of, walk

# A clause: lists do not cross a sentence, a colon or a line ("Dogs: rabies every 36 months, ...").
CLAUSE_END = literal_gates.compile(r"(?<!\d)\.(?!\d)|[;:!?\n]")
SEPARATOR = literal_gates.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
WORD = literal_gates.compile(r"[A-Za-z][A-Za-z0-9_-]*$")
AN_EXAMPLE = literal_gates.compile(r"\b(?:such as|e\.g\.|for example|for instance|like|including|includes?|say)\W*(?:\w+\W+){0,2}$", re.IGNORECASE)
# Words of the sentence around a list, never one of its items.
NOT_ITEMS = frozenset("then also both either neither each every all any other others etc more less only just not the a an its their anything everything anyone everyone something otherwise rest".split())
ARTICLE = literal_gates.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _stem(word: str) -> str:
    word = word.lower()
    return word[:-2] if word.endswith("es") and len(word) > 4 else word[:-1] if word.endswith("s") and len(word) > 3 else word


def _segments(clause: str) -> List[str]:
    """The clause's parts between list separators, up to the first part an "and"/"or" joins: the list
    "DEBUG, INFO and CRITICAL" ends there, not at "... and appear as the third field"."""
    parts, start = [], 0
    for separator in SEPARATOR.finditer(clause):
        parts.append(clause[start:separator.start()].strip())
        start = separator.end()
        if re.search(r"\b(?:and|or)\b", separator.group(0)):
            break
    else:
        return parts + [clause[start:].strip()] if parts else []
    rest = clause[start:].strip()
    following = SEPARATOR.search(rest)
    return parts + [rest[: following.start()].strip() if following else rest]


def _word_lists(instruction: str) -> List[List[Tuple[str, bool]]]:
    """Unquoted lists of three or more items, each item one word: "gallons, quarts, pints and cups", or the
    first word of segments alike in shape ("rabies every 36 months, DHPP every 36 months, ..."). An item at
    either end of a list whose part has more words ("If nothing was produced, performance and quality are 0")
    may be a word of the sentence around the list: it comes as ``(word, False)`` and is read as an item
    only where a table holds it."""
    text = re.sub(r"`[^`]*`|\([^()]*\)|'[^'\n]*'|\"[^\"\n]*\"", " | ", instruction)
    found: List[List[str]] = []
    for clause in CLAUSE_END.split(text):
        segments = _segments(clause.strip())
        if len(segments) < 3 or not all(segments) or any("|" in s for s in segments[1:-1]):
            continue
        middle = segments[1:-1]
        if all(WORD.match(s) for s in middle):
            head, tail = segments[0].split(), segments[-1].split()
            if not head or not tail or not WORD.match(head[-1]) or not WORD.match(tail[0]) or AN_EXAMPLE.search(" ".join(head[:-1]) + " "):
                continue
            found.append([(head[-1], len(head) == 1), *[(word, True) for word in middle], (tail[0], len(tail) == 1)])
            continue
        words = [ARTICLE.sub("", s).split() for s in segments]
        width = max(set(len(w) for w in words[1:-1]), key=[len(w) for w in words[1:-1]].count)
        led = len(words[0]) > width >= 2  # "Using the bits gluten = 1, crustaceans = 2": the item is "gluten", after the sentence's words
        words = [words[0][-width:] if led else words[0]] + words[1:]
        alike = all(len(w) >= 2 for w in words) and (len({w[1].lower() for w in words}) == 1 or all(re.search(r"\d", s) for s in segments))
        if alike and all(WORD.match(w[0]) for w in words):
            found.append([(words[0][0], not led)] + [(w[0], True) for w in words[1:]])
    return [[(word, sure) for word, sure in items if word.lower() not in NOT_ITEMS] for items in found]


def _tables(tree: ast.Module) -> List[Set[str]]:
    """The code's collections of strings (a dict's string keys, a tuple, list or set of two or more) in its
    functions and classes and in its module-level constants (``UNITS = {...}``): not the data of a usage
    example (``basket = {"apples": 3}``), which need not hold every item."""
    roots = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
             or (isinstance(n, (ast.Assign, ast.AnnAssign)) and all(isinstance(t, ast.Name) and t.id.isupper() for t in (n.targets if isinstance(n, ast.Assign) else [n.target])))]
    tables = []
    for node in (node for root in roots for node in walk(root)):
        if isinstance(node, ast.Dict):
            items = node.keys
        elif isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            items = node.elts
        else:
            continue
        strings = {item.value.lower() for item in items if isinstance(item, ast.Constant) and isinstance(item.value, str)}
        if len(strings) >= 2:
            tables.append(strings)
    return tables


def _anywhere(item: str, folded_code: str) -> bool:
    """The item, or a word of the code it abbreviates or that abbreviates it ('chars' for 'characters')."""
    stem = _stem(item)
    return stem in folded_code or re.search(rf"\b{re.escape(stem[:4])}", folded_code) is not None


def missing_table_entry(instruction: str, tree: ast.Module, code: str) -> Optional[str]:
    """The item of an unquoted list that the code's table leaves out (and the code names nowhere), as words."""
    tables = _tables(tree)
    if not tables:
        return None
    folded = code.lower()
    for listed in _word_lists(instruction):
        for table in tables:
            stems = {_stem(entry) for entry in table}
            items = [item for item, sure in listed if sure or _stem(item) in stems]
            held = [item for item in items if _stem(item) in stems]
            left = [item for item in items if _stem(item) not in stems and len(item) >= 3 and not _anywhere(item, folded)]
            if len(items) >= 3 and len(held) >= max(2, len(items) / 2) and left:
                return f"{left[0]!r}, listed beside {', '.join(repr(h) for h in held[:3])} (held in its table)"
    return None


BULLET = literal_gates.compile(r"^[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]+`?(['\"])(?P<item>[^'\"\n]{1,40})\1", re.MULTILINE)  # "- `"unripe"` - below 21"
WORKED = literal_gates.compile(r"->|=>|\u2192|\b(?:gives?|returns?|becomes?|yields?|should)\b", re.IGNORECASE)  # "- 'maybe' -> ValueError": a worked example
DESCRIBES_INPUT = literal_gates.compile(r"\b(?:keys?|fields?|columns?|attributes?|properties|dicts?|records?|rows?|entries)\b[^.\n]*:?\s*$", re.IGNORECASE)


# "in N days", "<name> joined", "{count} items", "+n": a template the code fills, not a string it holds as it is.
PLACEHOLDER_IN_TEXT = literal_gates.compile(r"(?<![\w'])[A-Z](?![\w'])|<\w+>|\{\w*\}|(?<![\w'])[+-][a-z](?![\w'])")  # "+n" places climbed
# A bulleted line that ends with the answer for its case: "- 35 °C up to (not including) 40 °C: `"danger"`".
BULLET_ANSWER = literal_gates.compile(r"^[ \t]*(?:[-*\u2022]|\d+[.)])[ \t]+[^\n]*?(?::|->|=>|\u2192)[ \t]*`?(['\"])(?P<item>[^'\"\n]{1,40})\1`?[ \t]*[.,;]?[ \t]*$", re.MULTILINE)
# A markdown table's row whose last cell is a quoted string: "| 120-129 | `"rare"` |", the answer for that row's band.
TABLE_ANSWER = literal_gates.compile(r"^[ \t]*\|.*\|[ \t]*`?(['\"])(?P<item>[^'\"\n|]{1,40})\1`?[ \t]*\|?[ \t]*$", re.MULTILINE)


def missing_bulleted_string(instruction: str, strings: List[str]) -> Optional[str]:
    """The quoted string opening a bulleted line (or ending a table's row or a bulleted case) that none of the code's
    ``strings`` holds, as words."""
    bullets = [match for match in BULLET.finditer(instruction) if not WORKED.search(instruction[match.end():].split("\n", 1)[0])]
    if len(bullets) < 3:
        bullets = list(TABLE_ANSWER.finditer(instruction))
    if len(bullets) < 3:
        bullets = list(BULLET_ANSWER.finditer(instruction))
    if len(bullets) < 3:
        return None
    lead = instruction[: bullets[0].start()].rstrip().splitlines()
    if lead and DESCRIBES_INPUT.search(lead[-1]) and not re.search(r"\bone\s+of\s*:?\s*$", lead[-1]):
        return None  # "a dict with:" and its keys (returned_dict_keys' to judge); not "a dict mapping each block to one of:"
    items = [item for item in dict.fromkeys(match.group("item") for match in bullets) if not PLACEHOLDER_IN_TEXT.search(item)]  # "in N days": a template
    folded = [value.lower() for value in strings]
    held = [item for item in items if any(item.lower() in value for value in folded)]
    if len(held) >= max(2, len(items) / 2) and len(held) < len(items):
        return f"the string {next(item for item in items if item not in held)!r} (one of the lines it lists)"
    return None


# A markdown table's body row whose first cell is a code in capitals: "| V05 | bus stop | 250.00 |", "| TRANSSHIPMENT | 120.00 |".
TABLE_ROW = literal_gates.compile(r"^[ \t]*\|[ \t]*`?(?P<first>[A-Z][A-Z0-9_-]+)`?[ \t]*\|[^\n]*$", re.MULTILINE)
TABLE_RULE = literal_gates.compile(r"^[ \t]*\|[ \t:|-]+$", re.MULTILINE)


def missing_table_row(instruction: str, strings: List[str]) -> Optional[str]:
    """The code in capitals opening a row of a markdown table (below its header rule) that none of the code's ``strings``
    holds, once they hold two of the rows' codes and half: a fine schedule V01-V06 answered by a dict of V01-V04, a tariff
    of IMPORT, EXPORT and TRANSSHIPMENT by branches for two."""
    rule = TABLE_RULE.search(instruction)
    if rule is None:
        return None
    body = instruction[rule.end():]
    end = re.search(r"\n(?![ \t]*\|)", body + "\n")  # the table ends at the first line that is not a row
    items = list(dict.fromkeys(match.group("first") for match in TABLE_ROW.finditer(body[: end.start()] if end else body)))
    if len(items) < 3:
        return None
    folded = {value.strip().lower() for value in strings}
    held = [item for item in items if item.lower() in folded]
    if len(held) >= max(2, len(items) / 2) and len(held) < len(items):
        left = next(item for item in items if item not in held)
        return f"the table's row {left!r} (beside {', '.join(repr(h) for h in held[:3])})"
    return None


FALLBACK = literal_gates.compile(
    r"\b(?:use|using|default(?:s|ing)?\s+(?:to|of)|fall(?:s|ing)?\s+back\s+(?:to|on)|substitut\w*|(?:written|shown|displayed|printed|spelled)\s+as)\s+"
    r"(?:the\s+(?:\w+\s+){0,2}|a\s+(?:\w+\s+){0,2})?`?(['\"`])(?P<value>[^'\"`\n]{1,30})\1`?\s*(?:when|if|whenever|where|instead|in\s+place)\b",
    re.IGNORECASE,
)
# "written as `HH:MM` when ...": a format spelled with placeholders, not a value to write.
FORMAT_SPELLED = literal_gates.compile(r"([A-Za-z])\1|[:%{<]")
# "Use `"M:SS"` when ...", "YYYY-MM-DD": a date or clock format in placeholders, however it is quoted.
CLOCK_FORMAT = literal_gates.compile(r"[HhMmSsDdYy]+(?:[:/.\- ][HhMmSsDdYy]+)+")


def missing_fallback_value(instruction: str, strings: List[str]) -> Optional[str]:
    """The value the instruction says to use in a case, when none of the code's ``strings`` holds it."""
    for found in FALLBACK.finditer(instruction):
        value = found.group("value")
        if found.group(1) == "`" and (FORMAT_SPELLED.search(value) or re.fullmatch(r"[a-z_][a-z0-9_]*(?:\.[A-Za-z_]\w*)*(?:\(\))?|None|True|False", value)) or CLOCK_FORMAT.fullmatch(value):
            continue  # `HH:MM`, `singular`, `heapq.merge`, "M:SS", `None`: a format, a name or Python's constant (a missing regex group gives it), not a text to write
        whole = re.compile(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])", re.IGNORECASE) if len(value) <= 2 else None  # 'X' is no part of "prefixed"
        if not any((whole.search(written) if whole else value.lower() in written.lower()) for written in strings):
            return f"the value {value!r} ({found.group(0)!r})"
    return None


# "children under 12 pay 5.0, seniors pay 6.0, students pay 7.0 and everyone else pays 12.0": what each case costs.
STATED_AMOUNT = literal_gates.compile(r"\b(?:pays?|costs?|charged|charges?|earns?|gets?|receives?|is\s+priced\s+at)\s+(?:a\s+(?:flat\s+)?(?:fee|rate|price)\s+of\s+)?\$?(?P<n>\d+(?:\.\d+)?)(?!\d|[.,]\d|\s*(?:%|percent|per\s*cent|times|x\b))", re.IGNORECASE)


def _products(values: Set[float]) -> Set[float]:
    """What two of the code's constants make together (half of 12.0 is the 6.0 asked)."""
    return {round(f, 6) for a in values for b in values for f in (a * b, a + b, a - b, a / b if b else 0.0)}


def missing_stated_amount(instruction: str, tree: ast.Module) -> Optional[str]:
    """Three or more amounts the instruction gives its cases ("... pay 5.0, ... pay 6.0, ... pays 12.0"), of
    which the code's constants hold at least two and half, and one the code neither holds nor makes from
    two of its constants: that case is never priced."""
    amounts = list(dict.fromkeys(float(m.group("n")) for m in STATED_AMOUNT.finditer(instruction)))
    if len(amounts) < 3:
        return None
    constants = {float(n.value) for n in nodes_of(tree, ast.Constant) if type(n.value) in (int, float)}
    held = [a for a in amounts if a in constants]
    missing = [a for a in amounts if a not in constants and round(a, 6) not in _products(constants)]
    if len(held) >= max(2, len(amounts) / 2) and missing:
        return f"the amount {missing[0]:g} (one of the amounts it gives each case)"
    return None


# Five or more numbers in a row, "0.5, 1.6, 3.4, ..., 28.5 and 32.7": a scale's bounds, one per step.
NUMBER_RUN = literal_gates.compile(r"(?<![\w.])-?\d+(?:\.\d+)?(?:\s*,\s*(?:and\s+)?-?\d+(?:\.\d+)?){3,}(?:,?\s+and\s+-?\d+(?:\.\d+)?)?(?![\w.])")


def missing_listed_bound(instruction: str, tree: ast.Module) -> Optional[str]:
    """A scale the instruction spells as five or more distinct numbers that only rise or only fall (the
    lower bounds of Beaufort forces 1 to 12), of which the code's constants hold at least three and half,
    and one they leave out: the steps past it are never reached. Not a sequence's terms (0, 1, 1, 2, 3, 5
    repeats), not a list an example shows (``[0, 1, 2, 3, 4, 5]``), and not a number the code makes from two
    of its constants."""
    constants = {float(n.value) for n in nodes_of(tree, ast.Constant) if type(n.value) in (int, float)}
    for run in NUMBER_RUN.finditer(instruction):
        if instruction[: run.start()].rstrip()[-1:] in ("[", "(", "{"):
            continue  # `[0, 1, 2, 3, 4, 5]`: a list an example shows, not a scale
        numbers = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", run.group(0))]
        steps = [b - a for a, b in zip(numbers, numbers[1:])]
        if len(numbers) < 5 or not (all(d > 0 for d in steps) or all(d < 0 for d in steps)):
            continue
        held = [n for n in numbers if n in constants]
        missing = [n for n in numbers if n not in constants and round(n, 6) not in _products(constants)]
        if len(held) >= max(3, len(numbers) / 2) and missing:
            return f"the bound {missing[0]:g} (one of the {len(numbers)} the instruction lists)"
    return None

