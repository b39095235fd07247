"""The outputs a response claims, as checks for the execution step.

Models show their answer at work: ``print(factorial(5))  # Output: 120``, a REPL session
(``>>> find_max([-7, -3])`` then ``-3``) in a docstring or after the code, and instructions give
worked examples (:mod:`hfsynth.curate.instruction_examples`). Each is a claim the code can be held
to. Without this a factorial that returns 24 "passes" as ``no_tests``: it printed something and
nothing compared it.

Every claim becomes one ``(source, want, strict)`` example that the harness's
:data:`CHECKER` (``assert_hf_examples``) runs in the code's namespace, the way ``doctest`` does:
``source`` is run (an expression's ``repr`` is its output, as in the REPL, plus what it prints) and
its output compared with ``want``, leniently: whitespace, quotes, a list for a tuple, a float to the
digits the claim shows (``0.33``), a set or dict in any order. A claim that is no literal and no text
the output could be ("a list of primes", "..."), is not judged. A claimed traceback wants that
exception. ``strict`` examples (the code's own lines) fail on any error; the others (a REPL
session in prose that uses names it never defines or imports a module by its file name) stop
quietly there.

A usage block that shows no output ("Example:" then ``print(load_settings(config))``) claims at least
that it runs: it is run after the code (:func:`usage_block_runs`), unless it or the code needs files,
the network, a terminal or the clock.

Comment claims are read on the code's top-level lines and in its ``__main__`` block, one line each
(``print(x)  # Output: 3``, ``area(2)  # -> 12.57``, ``print(f(5))  # [0, 1, 1]``, ``print(units(46),
fee(46))  # 3 1.5``, or ``# Output: 3`` alone on the line below, and the bare output of a call of the code's
own function alone below its ``print``; an output of several lines goes on in comments indented under its first,
``#    Tue: 0``); the line is replaced by the check in the program the sandbox runs,
so it still runs in its place and order. The comment lines under a top-level loop of prints, one per line it prints,
are that loop's output. "This prints `...`" right after the code's block, when the code
has one ``print``, claims the program's output, and so does an "Output:" block, fenced or indented. A float that prints
whole (``33.33``) is not the ``33.3`` a claim shows; a long one (``0.3333333333333333``) is, to the digits shown, but
not when the claim is the number its noise hides: a print of ``0.30000000000000004`` shows no "0.3". A printed
Decimal keeps its places (``296.000`` is not "296.00"). ``Counter({'Ann': 2})`` claims the counts.
"""

from __future__ import annotations

import ast
import doctest
import io
import itertools
import re
import textwrap
import tokenize
from typing import List, Optional, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.instruction_examples import answered_call_claims, instruction_examples, sample_call_examples
from hfsynth.curate.misused_calls import MUTATING
from hfsynth.curate.python_ast import is_literal, is_print, literal_value, nodes_of, parse_python, string_constants, top_level_definitions, unparsed, walk
from hfsynth.fences import find_fences

Claim = tuple  # (source, want, strict) or (source, want, strict, "print")

CLAIM_COMMENT = literal_gates.compile(
    r"^#+\s*(?:(?:expected\s+)?(?:output|outputs|result|prints?|returns?|gives|expected)\b\s*(?:is\b|:|=)?\s*|=>\s*|->\s*|→\s*|==\s*)(?P<want>\S.*?)\s*$",
    re.IGNORECASE,
)
BARE_COMMENT = literal_gates.compile(r"^#+\s*(?P<want>\S.*?)\s*$")
# The next line of a claim's output, indented under its first: "#    W23 #######... 67%".
CONTINUED = literal_gates.compile(r"^#\s{3,}\S")
# "# -> Fraction(81, 50), i.e. 1.62", "# -> 48  (Friday evening)": the value, then words on what it means.
# "# -> 80.00   (April-December: 9 months x 10.00)": spaced off from the value, a bracket of words.
GLOSS = literal_gates.compile(r",\s+(?:i\.e\.|e\.g\.|that is|which is|meaning)\s|\s+\((?:the|a|an|i\.e\.|e\.g\.|that is|which is)\s|\s+\((?=[A-Za-z][a-z]*\s+[A-Za-z])"
                              r"|\s{2,}\((?=[A-Za-z][a-z]+\W)")


def _comments(code: str) -> dict:
    """{line: comment} of the comments that end a line of code."""
    found = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.COMMENT and token.line[: token.start[1]].strip():
                found[token.start[0]] = token.string
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return {}
    return found


def _vague_claim(want: str, ellipsis_written: bool = False) -> bool:
    """The claim hedges (:data:`VAGUE`); its dots count only where the code writes no "..." itself (a title cut to
    "Supercalif..." by code that appends "..." claims that text)."""
    if ellipsis_written:
        want = want.replace("...", "").replace("\u2026", "")
    return bool(re.search(VAGUE, want, re.IGNORECASE))


def _writes_ellipsis(tree: Optional[ast.AST]) -> bool:
    return tree is not None and any(isinstance(n.value, str) and ("..." in n.value or "\u2026" in n.value)
                                    for n in nodes_of(tree, ast.Constant))


def _claimed(comment: str, ellipsis_written: bool = False) -> str:
    """What a comment claims a line outputs ('' when it claims nothing, or nothing definite)."""
    match = CLAIM_COMMENT.match(comment)
    if match:
        want = match.group("want")
        glossed = GLOSS.search(want)  # "# -> Fraction(81, 50), i.e. 1.62 cents per point": the value, then what it means
        head = parse_python(want[: glossed.start()]) if glossed else None
        if head is not None and len(head.body) == 1 and isinstance(head.body[0], ast.Expr) and _plain_value(head.body[0].value):
            want = want[: glossed.start()]
        return "" if _vague_claim(want, ellipsis_written) else want
    match = BARE_COMMENT.match(comment)
    if match and literal_value(match.group("want"))[1]:
        return match.group("want")  # print(f(5))  # [0, 1, 1, 2, 3], print(repr(f(s)))  # 'a b'
    return ""


# A bare comment on a print line that explains rather than shows ("# show the report", "# the total cost").
EXPLAINS = literal_gates.compile(
    r"^#+\s*(?:show\w*|display\w*|print\w*|call\w*|test\w*|check\w*|use[sd]?|using|the|a|an|this|that|these|those|it|its|should|will|would|may|might|"
    r"can|could|must|see|note|now|then|here|just|only|also|example|demo\w*|run\w*|try\w*|verif\w*|comput\w*|calculat\w*|get\w*|gives?|returns?|"
    r"outputs?|results?|expect\w*|answer\w*|todo|fixme|noqa|type|pragma|pylint|fmt|isort|nosec|in|on|for|with|after|before|when|if|same|different|both|all|no|not|none of)\b",
    re.IGNORECASE,
)


# A note that works the output out before it shows it: "250 + 375 + 100 -> 725.0" (sums of numbers, then an arrow).
WORKING = literal_gates.compile(r"^[$\u20ac\u00a3]?[\d.,]+(?:\s*[-+*/\u00d7]\s*\(?[$\u20ac\u00a3]?[\d.,]+%?\)?)+\s*(?:->|=>|\u2192)\s*(?P<result>\S.*)$")


def _unbalanced(text: str) -> bool:
    """More brackets opened than closed: a value that goes on past the end of its line."""
    return sum(text.count(c) for c in "([{") != sum(text.count(c) for c in ")]}")


def _noted(comment: str, ellipsis_written: bool = False) -> str:
    """What a bare comment on a ``print(E)`` line shows of its output: ``# 2h 46m``, ``# M. A. Evans``,
    ``# False (TLD too short)`` (the output, then a note: see ``_hf_note_heads``); '' for a comment that
    explains (:data:`EXPLAINS`), hedges (:data:`VAGUE`) or is empty. Working before an arrow
    (``# 250 + 375 + 100 -> 725.0``) is no output: what follows the arrow is, when it is a value (not
    ``-> capped at 5000.0``, which tells in words)."""
    match = BARE_COMMENT.match(comment)
    if not match or EXPLAINS.match(comment) or CLAIM_COMMENT.match(comment) or _vague_claim(match.group("want"), ellipsis_written):
        return ""  # ``# -> The Rolling Stones``: a claim's marker that _claimed found vague ("The ..." may describe) is no bare note
    working = WORKING.match(match.group("want"))
    if working:
        return working.group("result") if literal_value(working.group("result"))[1] else ""
    return match.group("want")


# What a value's repr is made of: literals, and calls of a (dotted) name on them (``datetime.date(2024, 3, 11)``).
REPR_NODES = (ast.Expression, ast.Constant, ast.Tuple, ast.List, ast.Set, ast.Dict, ast.Call, ast.Attribute, ast.Name, ast.keyword, ast.Load, ast.UnaryOp, ast.USub)


def _shown_repr(comment: str) -> str:
    """A comment alone on the line below a ``print(E)`` that spells a value the way Python shows it, with a
    constructor in it (``# (datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))``, ``# Fraction(3, 4)``):
    an output, where words there could be a note on what comes next."""
    match = BARE_COMMENT.match(comment)
    try:
        tree = ast.parse(match.group("want"), mode="eval") if match else None
    except (SyntaxError, ValueError):
        return ""
    if tree is None or not all(isinstance(n, REPR_NODES) for n in walk(tree)):
        return ""
    calls = list(nodes_of(tree, ast.Call))
    names_called = {id(n.func) for n in calls} | {id(n) for c in calls for n in walk(c.func)}
    bare = [n for n in nodes_of(tree, ast.Name) if id(n) not in names_called]
    return match.group("want") if calls and not bare else ""


def _shown_blocks(tree: ast.Module) -> List[List[ast.stmt]]:
    """The statements that show the code at work: the top level and the ``__main__`` block."""
    return [tree.body] + [node.body for node in tree.body if isinstance(node, ast.If) and "__main__" in unparsed(node.test)]


def _shown_lines(tree: ast.Module) -> List[ast.Expr]:
    """One-line expression statements at the top level and in the ``__main__`` block."""
    return [
        node for block in _shown_blocks(tree) for node in block
        if isinstance(node, ast.Expr) and node.lineno == node.end_lineno and not isinstance(node.value, (ast.Constant, ast.Await, ast.Yield))
    ]


def _prints_one(call) -> bool:
    """``print(E)``: one positional argument, no keywords."""
    return isinstance(call, ast.Call) and getattr(call.func, "id", None) == "print" and len(call.args) == 1 and not call.keywords and not isinstance(call.args[0], ast.Starred)


def _printed_repr(call):
    """E of ``print(repr(E))`` (None for any other line)."""
    if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "print" and len(call.args) == 1 and not call.keywords:
        inner = call.args[0]
        if isinstance(inner, ast.Call) and getattr(inner.func, "id", None) == "repr" and len(inner.args) == 1 and not inner.keywords:
            return inner.args[0]
    return None


NUMBER_KINDS = frozenset({"int", "float", "Decimal", "Fraction", "complex"})


def _returns_a_number(node: ast.AST, tree: ast.Module) -> bool:
    """``node`` calls a function of the code's whose annotation says it returns a number (``-> int``): what it prints has digits."""
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
        return False
    defined = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == node.func.id]
    return len(defined) == 1 and defined[0].returns is not None and unparsed(defined[0].returns).rpartition(".")[2] in NUMBER_KINDS


def _calls_its_own(node: ast.AST, tree: ast.Module) -> bool:
    """``node`` is a call of a function or class the code defines (what a claim under it is about)."""
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in top_level_definitions(tree)


def _printed_values(call, comment: str) -> str:
    """A bare comment on a ``print(a, b)`` line that spells one value per argument (``# 3 1.5``): what the line
    prints, the values separated by spaces; '' for anything else."""
    match = BARE_COMMENT.match(comment)
    if not (match and isinstance(call, ast.Call) and getattr(call.func, "id", None) == "print" and len(call.args) >= 2 and not call.keywords
            and not any(isinstance(a, ast.Starred) for a in call.args)):
        return ""
    values = match.group("want").split()
    return match.group("want") if len(values) == len(call.args) and all(literal_value(v)[1] for v in values) else ""


# The line that heads a block of output comments: "# Output:", "# prints:", "# Expected output".
OUTPUT_HEADER = literal_gates.compile(r"^#+\s*(?:expected\s+)?(?:output|prints?|results?)\s*:?\s*$", re.IGNORECASE)


def _is_print(node: ast.AST) -> bool:
    return isinstance(node, ast.Expr) and isinstance(node.value, ast.Call) and is_print(node.value)


def _continuation(block: List[str]) -> Optional[List[str]]:
    """The texts of comment lines that go on a claimed output, each indented under its first line ("#    Tue: 0"); None
    when the block is empty or any of its lines is something else."""
    if block and all(CONTINUED.match(text) and not CLAIM_COMMENT.match(text) for text in block):
        return [text.lstrip("#").strip() for text in block]
    return None


def _comment_block(lines: List[str], start: int) -> List[str]:
    """The comment lines (stripped) from index ``start`` on, up to the first line that is not one."""
    return list(itertools.takewhile(lambda text: text.startswith("#"), (line.strip() for line in lines[start:])))


def _transcript(shown: List[ast.Expr], lines: List[str], comments: dict) -> dict:
    """{line of a print: the comment line that shows its output} for two or more prints on consecutive lines (no
    comment of their own) followed by as many comment lines (after an "# Output:" header, if any): the block is
    the run's output, a line per print."""
    paired = {}
    run: List[ast.Expr] = []
    for node in shown + [None]:
        if node is not None and _is_print(node) and node.lineno not in comments and (not run or node.lineno == run[-1].lineno + 1):
            run.append(node)
            continue
        if len(run) >= 2:
            below = _comment_block(lines, run[-1].lineno)
            if below and OUTPUT_HEADER.match(below[0]):
                below = below[1:]
            if len(below) == len(run):
                paired.update((p.lineno, text) for p, text in zip(run, below))
        run = [node] if node is not None and _is_print(node) and node.lineno not in comments else []
    return paired


def _printed_before(node: ast.Expr, tree: ast.Module) -> bool:
    """Some other print of the module runs before ``node``'s: one on an earlier line, or one in a loop."""
    return any(p is not node.value and (p.lineno < node.lineno or p.lineno == node.lineno and p.col_offset < node.col_offset)
               for p in nodes_of(tree, ast.Call) if is_print(p))


def with_comment_claims_checked(code: str, context: Optional[ast.AST] = None) -> Tuple[str, int]:
    """(the code with each line that claims its output in a comment replaced by that check, how many); ``context``:
    the code a usage block calls (whether it writes "..." itself)."""
    tree = parse_python(code)
    if tree is None or "#" not in code:
        return code, 0
    comments = _comments(code)
    lines = code.splitlines()
    checked = 0
    dots = _writes_ellipsis(tree) or _writes_ellipsis(context)
    shown = _shown_lines(tree)
    transcript = _transcript(shown, lines, comments)
    for node in shown:
        line = lines[node.lineno - 1]
        want = _claimed(comments.get(node.lineno, ""), dots)
        mode = "print"
        if want and node.lineno < len(lines) and node.lineno not in transcript:
            # print(chart)  # -> W22 ###... 25%   then "#    W23 #######... 67%" below, indented under the first: one claim of several lines
            more = _continuation(_comment_block(lines, node.lineno))
            if more:
                want = "\n".join([want] + more)
        if not want and _prints_one(node.value):  # print(crossing_time(50, 18))  # 2h 46m
            want = _noted(comments.get(node.lineno, ""), dots)
            mode = "note" if want else mode
        if not want:
            want = _printed_values(node.value, comments.get(node.lineno, ""))  # print(units(46), fee(46))  # 3 1.5
        if not want and node.lineno in transcript:  # print(a); print(b) then "# 1", "# 2": the block's lines, one per print
            below = transcript[node.lineno]
            want = _claimed(below) or (_shown_repr(below) if _prints_one(node.value) else "")
            if not want and _prints_one(node.value) and _calls_its_own(node.value.args[0], tree):
                want = _noted(below)
                mode = "note" if want else mode
            line = line + "  " + below
        elif not want and node.lineno < len(lines) and node.lineno not in comments and lines[node.lineno].strip().startswith("#") and not (
                _printed_before(node, tree) and node.lineno + 1 < len(lines) and lines[node.lineno + 1].strip().startswith("#")):
            # (not a block of comments after the last of several prints that the block does not pair with one by one,
            # as a loop's prints: the block is the whole run's output, and its first line is not this print's)
            below = lines[node.lineno].strip()  # print(rank(players)) then "# Output: [...]" (or "# [...]") on a line of its own
            want = _claimed(below) or (_shown_repr(below) if _prints_one(node.value) else "")
            block = _comment_block(lines, node.lineno)
            if want and len(block) > 1 and CLAIM_COMMENT.match(below):  # a table printed at once: "# -> P | Mon", "# -> 1 | Maths", ...
                claimed = [_claimed(text) if CLAIM_COMMENT.match(text) else "" for text in block]
                rest = _continuation(block[1:])  # "# -> Mon: 2" then "#    Tue: 0"
                if rest:
                    claimed = [claimed[0]] + rest
                want = "\n".join(claimed) if all(claimed) else want
            if not want and _prints_one(node.value) and _calls_its_own(node.value.args[0], tree) and not (
                    node.lineno + 1 < len(lines) and lines[node.lineno + 1].strip().startswith("#")):
                want = _noted(below)  # print(patch_filename(1, "Fix it")) then "# 0001-Fix-it.patch" alone below: its output
                mode = "note" if want else mode
            line = line + "  " + below
        if mode == "note" and not re.search(r"\d", want) and _returns_a_number(node.value.args[0], tree):
            want = ""  # print(loyalty_points(Decimal("37.99"), date(2024, 6, 11)))  # Tuesday: of a function that returns an int, a note on the input
        if not want:
            continue
        raw = line.encode()  # the node's offsets count UTF-8 bytes ("Doña María" is longer in bytes than in characters)
        if not raw[node.end_col_offset :].decode(errors="replace").lstrip().startswith("#"):
            continue  # another statement after it on the line (``print(x); y = 2  # 1``): the comment is not its alone
        call = node.value
        shown_repr = _printed_repr(call)
        if shown_repr is not None and mode == "print":
            shown = (ast.get_source_segment(code, shown_repr) or unparsed(shown_repr), want, True)  # print(repr(E)): E's repr, as the REPL shows it
        elif _prints_one(call):
            shown = (ast.get_source_segment(code, call.args[0]) or unparsed(call.args[0]), want, True, mode)  # print(E): E's value, printed
        else:
            shown = (raw[node.col_offset : node.end_col_offset].decode(), want, True)
        lines[node.lineno - 1] = raw[: node.col_offset].decode() + f"assert_hf_examples([{shown!r}], globals())"
        checked += 1
    for loop, want in _loop_transcripts(tree, lines, comments, dots):
        source = textwrap.dedent("\n".join(lines[loop.lineno - 1 : loop.end_lineno]))
        lines[loop.lineno - 1] = " " * loop.col_offset + f"assert_hf_examples([{(source, want, True, 'lines')!r}], globals())"
        lines[loop.lineno : loop.end_lineno] = [""] * (loop.end_lineno - loop.lineno)
        checked += 1
    return ("\n".join(lines) + "\n", checked) if checked else (code, 0)


def _loop_transcripts(tree: ast.Module, lines: List[str], comments: dict, dots: bool) -> List[Tuple[ast.For, str]]:
    """(loop, the lines it prints) of each top-level ``for`` loop that prints and is followed by comment lines that show
    its output, a line each (``for caste, day in ...: print(caste, day)`` then ``# -> worker 2024-03-03``, ``# -> drone
    ...``): after an "# Output:" header, if any; every line a claim ("# -> ...") or none ("# Lane 1: 3 vehicles"). The
    checker holds the loop to them only where it prints as many lines and one of them starts as its claim does: a note
    below a loop is no output."""
    found = []
    for loop in (node for block in _shown_blocks(tree) for node in block if isinstance(node, ast.For)):
        if not any(is_print(call) for call in nodes_of(loop, ast.Call)) or any(line in comments for line in range(loop.lineno, loop.end_lineno + 1)):
            continue
        below = _comment_block(lines, loop.end_lineno)
        if below and OUTPUT_HEADER.match(below[0]):
            below = below[1:]
        if not below:
            continue
        arrows = [bool(CLAIM_COMMENT.match(text)) for text in below]
        if any(arrows) and not all(arrows) or not any(arrows) and EXPLAINS.match(below[0]):
            continue  # "# prints one line per lane": a note on the loop
        claimed = [_claimed(text, dots) if all(arrows) else text.lstrip("#").strip() for text in below]
        if all(claimed) and not any(_vague_claim(text, dots) for text in claimed):
            found.append((loop, "\n".join(claimed)))
    return found


def prose_claims(response: str, tree) -> List[Claim]:
    """What the response's prose says the code's functions return: "For example,
    `is_palindrome("Racecar")` returns `True`.", or of a sample the code defines: "For the sample,
    `female_majority_groups(finishers)` returns `['18-34', '45-54', '55+']`." (read as an instruction's worked examples are:
    :mod:`hfsynth.curate.instruction_examples`). Fenced blocks are left out; a bug report's
    "returns 3 instead of 6" is no claim."""
    if tree is None:
        return []
    text = response
    for fence in find_fences(response):
        text = text.replace(fence.code, "\n")
    claims = [(e.call, e.want, False) for e in instruction_examples(text, tree, calls_only=True)]
    claims += [(e.call, e.want, False) for e in sample_call_examples(text, tree) if (e.call, e.want, False) not in claims]
    read = {c[0] for c in claims}
    return claims + answered_call_claims(text, tree, read)


# Constructors of immutable standard values: ``date(2024, 10, 25)`` on literals is as plain as a literal.
VALUE_TYPES = frozenset({"date", "datetime", "time", "timedelta", "Decimal", "Fraction"})


def _plain_value(node: ast.AST, depth: int = 0) -> bool:
    """A literal, a standard value built from literals (``date(2024, 10, 25)``, ``datetime.date(...)``), or a list of
    them repeated or joined (``[10] * 12``, ``[10, 9, 1] * 5 + [10]``)."""
    if literal_value(node)[1]:
        return True
    if depth < 3 and isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mult)) and any(isinstance(side, (ast.List, ast.Tuple)) for side in (node.left, node.right)):
        return _plain_value(node.left, depth + 1) and _plain_value(node.right, depth + 1)  # [10, 9, 1] * 5 + [10]: a list spelt short
    name = node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else getattr(getattr(node, "func", None), "id", None)
    return (depth < 3 and isinstance(node, ast.Call) and name in VALUE_TYPES and not any(k.arg is None for k in node.keywords)
            and all(_plain_value(a, depth + 1) for a in [*node.args, *(k.value for k in node.keywords)]))


# Builtins a usage line wraps around a call to show what it gives: a generator's items, a sorted view.
DRAINING = frozenset({"list", "tuple", "sorted", "set", "dict", "next"})


def example_block_claims(response: str, code: str, tree) -> List[Claim]:
    """The claims of the response's usage blocks ("Example:" then
    ``print(total_price({"apple": 1.25}))  # 1.25``): in a block that defines nothing, the leading
    one-line calls of the code's top-level functions on literals or dates built from them (printed or not,
    drained by ``list(...)`` or ``sorted(...)`` or not) whose comments
    claim the output. The rest of the block (an attribute, a variable, a call after a statement that
    may change some state) is not judged. ``tree`` is ``code`` parsed (None when it does not parse)."""
    if tree is None or "#" not in response:
        return []
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    claims: List[Claim] = []
    for fence in find_fences(response):
        block = fence.code
        if fence.tag not in ("", "python", "py", "python3") or not block.strip() or block.strip() in code or "#" not in block:
            continue
        block_tree = parse_python(block)
        if block_tree is None or any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in walk(block_tree)):
            continue  # the code again, or code of its own: its lines belong to it
        comments = _comments(block)
        lines = block.splitlines()
        setup: List[Claim] = []  # log = {"Mon": 20, ...}: a name bound to a plain value for the calls below
        bound: set = set()
        found: List[Claim] = []
        for node in block_tree.body:  # the leading claims only: a line before them may change what they show
            if (not found and isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                    and _plain_value(node.value) and node.lineno not in comments):
                setup.append((ast.get_source_segment(block, node) or unparsed(node), "", False))
                bound.add(node.targets[0].id)
                continue
            one_line = isinstance(node, ast.Expr) and node.lineno == node.end_lineno
            shown, printed = getattr(node, "value", None), False
            if isinstance(shown, ast.Call) and getattr(shown.func, "id", None) == "print" and len(shown.args) == 1 and not shown.keywords:
                shown, printed = shown.args[0], True
            want, noted = (_claimed(comments.get(node.lineno, "")) if one_line else ""), False
            if one_line and not want and node.lineno not in comments and node.lineno < len(lines) and lines[node.lineno].strip().startswith("#"):
                want = _claimed(lines[node.lineno].strip())  # the call, then "# -> {...}" on a line of its own
                if not want and printed:
                    want = _noted(lines[node.lineno].strip())  # print(to_notation(rolls)) then "# X 7/ 9- X ..." below: its (first) line of output
                    wrapped = node.lineno + 1 < len(lines) and lines[node.lineno + 1].strip().startswith("#") and _unbalanced(want)
                    want = "" if wrapped else want  # "# ['record 1: ...', ..." and the rest of the list on the next comment line: one line cut in two
                    noted = bool(want)
            called = shown
            if isinstance(called, ast.Call) and getattr(called.func, "id", None) in DRAINING and len(called.args) == 1 and not called.keywords:
                called = called.args[0]  # list(running_totals([40, 35]))  # -> [40, 75]: a generator's items
            if not want or not (isinstance(called, ast.Call) and getattr(called.func, "id", None) in defined
                                and all(k.arg is not None and _plain_value(k.value) for k in called.keywords)
                                and all(_plain_value(a) or isinstance(a, ast.Name) and a.id in bound for a in called.args)):
                break
            source = ast.get_source_segment(block, shown) or unparsed(shown)
            found.append((source, want, False, "note" if noted else "print") if printed else (source, want, False))
        if found:
            claims.extend(setup + found)
    return claims


# A call written as a comment with what it gives: "# loan_ages(loans, date(2024, 5, 22)) -> {"3123": 20}".
COMMENTED_CALL = literal_gates.compile(r"^[ \t]*#+[ \t]*(?P<call>[A-Za-z_]\w*\(.*\))[ \t]*(?:->|=>|\u2192|==)[ \t]*(?P<want>\S.*?)[ \t]*$", re.MULTILINE)


def commented_call_claims(response: str, tree) -> List[Claim]:
    """The calls a response's blocks write as comments with their answers (``# shift_hours("06:00", "14:30") -> 8.5``),
    as claims: the call of one of the code's top-level functions on plain values (literals, dates) or on names the
    block bound to plain values above it (``loans = [...]``, run first), and the answer a plain value up to a note
    after two spaces or a parenthesis ("-> date(2024, 5, 6)   (Friday -> Monday)")."""
    if tree is None:
        return []
    defined = top_level_definitions(tree)
    claims: List[Claim] = []
    for fence in find_fences(response):
        block = fence.code
        if fence.tag not in ("", "python", "py", "python3") or "#" not in block:
            continue
        block_tree = parse_python(block)
        setup = [n for n in (block_tree.body if block_tree is not None else []) if isinstance(n, ast.Assign) and len(n.targets) == 1
                 and isinstance(n.targets[0], ast.Name) and _plain_value(n.value)]
        for match in COMMENTED_CALL.finditer(block):
            line = block.count("\n", 0, match.start()) + 1
            bound = {n.targets[0].id: n for n in setup if n.end_lineno < line}
            call = parse_python(match.group("call"))
            call = call.body[0].value if call is not None and len(call.body) == 1 and isinstance(call.body[0], ast.Expr) else None
            want = re.split(r"\s{2,}|\s+\(|\s+#", match.group("want"))[0].rstrip(".,;")
            wanted = parse_python(want)
            if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) in defined and not any(k.arg is None for k in call.keywords)
                    and wanted is not None and len(wanted.body) == 1 and isinstance(wanted.body[0], ast.Expr) and _plain_value(wanted.body[0].value)):
                continue
            arguments = [*call.args, *(k.value for k in call.keywords)]
            if not all(_plain_value(a) or isinstance(a, ast.Name) and a.id in bound for a in arguments):
                continue
            used = [bound[a.id] for a in arguments if isinstance(a, ast.Name)]
            claims += [(ast.get_source_segment(block, n) or unparsed(n), "", False) for n in used]
            claims.append((match.group("call"), want, False))
    return list(dict.fromkeys(claims))


def session_claims(response: str) -> List[Claim]:
    """The REPL examples (``>>> f(2)`` then its output) anywhere in a response: docstrings, prose,
    blocks; imports of the answer's own module (``from solution import f``) are left out."""
    if ">>>" not in response:
        return []
    text = re.sub(r"^\s*```.*$", "", response, flags=re.MULTILINE)
    try:
        examples = doctest.DocTestParser().get_examples(text)
    except ValueError:  # inconsistent indentation in a session: not one to run
        return []
    claims = []
    for example in examples:
        source = example.source.strip()
        if re.match(r"(?:from\s+\S+\s+)?import\b", source):
            continue
        want = []
        for line in example.want.splitlines():  # a docstring's closing quotes end its last example's output
            if '"""' in line or "'''" in line:
                break
            want.append(line)
        want = "\n".join(want).strip()
        if not re.search(VAGUE, want, re.IGNORECASE):
            claims.append((source, want, False))
    return list(dict.fromkeys(claims))


# The prose that introduces a program's output: "Output:", "This prints:", "Expected output", "Result:".
OUTPUT_LEAD = literal_gates.compile(
    r"(?:^|\n)[ \t]*(?:\*\*|#+\s*)?(?:(?:for|with|on) (?:the|this|that) (?:sample|example)(?: above| data| input| list)?,? )?(?:(?:the |sample |example |expected |console )?output|(?:(?:this|it|which|the (?:code|program|script)) (?:will )?)?(?:prints?|outputs?)|running (?:it|this|the (?:code|program|script|example))(?: code| script| example)? (?:prints|gives|shows|outputs|produces)|result)"
    r"(?:\s+(?:is|will be|should be|would be))?\s*:?(?:\*\*)?\s*:?\s*$",
    re.IGNORECASE,
)
OUTPUT_INFO = frozenset({"", "text", "txt", "output", "console", "shell-session", "plaintext", "stdout"})


FENCED = literal_gates.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)\n(?P<code>.*?)^[ \t]*(?P=fence)[ \t]*$", re.MULTILINE | re.DOTALL)


def _prints(tree) -> bool:
    return tree is not None and any(getattr(n.func, "id", None) == "print" for n in nodes_of(tree, ast.Call))


def _printers(tree) -> set:
    """The code's top-level functions that print (``word_report(text)``: its output is what it prints)."""
    return {n.name for n in (tree.body if tree is not None else []) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and _prints(n)}


def _usage_block(info: str, block: str, printers: set = frozenset()) -> bool:
    """A block of calls that defines nothing and prints (``print(split_bill(1001, 4))``, or calls a function
    of the code that prints): the code's usage."""
    tree = parse_python(block) if info.strip().lower() in ("", "python", "py", "python3") else None
    calls_a_printer = tree is not None and any(getattr(n.func, "id", None) in printers for n in nodes_of(tree, ast.Call))
    return (_prints(tree) or calls_a_printer) and not any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)) for n in walk(tree))


def _vague_output(want: str, context: str, tree=None) -> bool:
    """The shown output elides or hedges ("...", "a list of ..."); a placeholder the response spells
    elsewhere (textwrap's " [...]", named in its prose or code) is text, not an elision, and so are dots
    the code itself writes (a string of its holds "..."; ``tree``: the code parsed). Lines of output
    that open with "A" are printed text ("A young wizard / discovers his heritage"), not a description:
    several lines are vague only where they elide."""
    if not re.search(VAGUE, want, re.IGNORECASE) or ("\n" in want.strip() and not re.search(ELIDED, want)):
        return False
    if tree is not None and any("..." in text or "…" in text for text in string_constants(tree)):
        want = re.sub(r"\.\.\.|…", " ", want)  # "Replace front brake pads and...": the code's placeholder, shown
    literal = re.sub(r"\S*(?:\.\.\.|…)\S*", lambda m: " " if m.group(0) in context else m.group(0), want)
    return bool(re.search(VAGUE, literal, re.IGNORECASE))


# Markdown's other code block: lines indented by four spaces (or a tab) after a blank line.
INDENTED_BLOCK = literal_gates.compile(r"\n[ \t]*\n((?:(?: {4}|\t)[^\n]*(?:\n|$))+)")


def _indented_as_fenced(response: str) -> str:
    """The response with each indented block outside its fences fenced ("This prints:\n\n    B03: 20.6\n    B07: 22.3"
    shows output as a fenced block would)."""
    def fenced(found: re.Match) -> str:
        return "\n\n```\n" + textwrap.dedent(found.group(1)).rstrip("\n") + "\n```\n"
    parts, last = [], 0
    for fence in FENCED.finditer(response):
        parts += [INDENTED_BLOCK.sub(fenced, response[last: fence.start()]), fence.group(0)]
        last = fence.end()
    return "".join(parts) + INDENTED_BLOCK.sub(fenced, response[last:])


def output_block_claims(response: str, code: str) -> List[Claim]:
    """The program's whole output, when the response shows it: a plain block (fenced or indented) introduced by "Output:"
    (or "This prints:", "Prints:", "Result:") right after the block that holds the code, or after a
    usage block of calls that defines nothing (run after the code, in its namespace), or after prose that names
    the call of a function of the code that prints ("Calling `print_breakdown(7.2, 14)` prints:"). One claim that
    runs that block and compares what it prints, leniently; none when nothing there prints or the
    block is vague ("...")."""
    tree = parse_python(code)
    if tree is None:
        return []
    code_prints, printers = _prints(tree), _printers(tree)
    response = _indented_as_fenced(response)
    blocks = list(FENCED.finditer(response))
    for first, second in zip(blocks, blocks[1:]):
        shown = first.group("code").strip()
        if not shown or second.group("info").strip().lower() not in OUTPUT_INFO:
            continue
        program = (code if code_prints else None) if shown in code else shown if _usage_block(first.group("info"), shown, printers) else None
        want = second.group("code").strip()
        if program and OUTPUT_LEAD.search(response[first.end():second.start()].rstrip()) and want and not _vague_output(want, response[: second.start()], tree):
            return [(program, want, False, "program")]
    for previous, block in zip([None] + blocks, blocks):
        lead = response[previous.end() if previous else 0: block.start()].rstrip()
        called = CALL_PRINTS.search(lead)
        call = parse_python(called.group("call")) if called and block.group("info").strip().lower() in OUTPUT_INFO else None
        want = block.group("code").strip()
        if call is not None and len(call.body) == 1 and isinstance(call.body[0], ast.Expr) and isinstance(call.body[0].value, ast.Call) \
                and getattr(call.body[0].value.func, "id", None) in printers and all(is_literal(a) for a in call.body[0].value.args) \
                and want and not _vague_output(want, response[: block.start()], tree):
            return [(called.group("call"), want, False, "program")]  # "Calling `print_breakdown(7.2, 14)` prints:" then its output
    prints = [node for node in _shown_lines(tree) if _is_print(node)]
    for block in blocks:
        said = PRINTS_INLINE.match(response, block.end())
        if prints and said and block.group("code").strip() and block.group("code").strip() in code \
                and not _vague_output(said.group("want"), response[: block.end()], tree):
            wants, end = [said.group("want")], said.end()
            for more in iter(lambda: PRINTS_NEXT.match(response, end), None):  # "This prints `A` followed by `B`": two lines
                wants, end = wants + [more.group("want")], more.end()
            if len(prints) in (1, len(wants)):  # the one print's lines, or a line for each print
                return [(code, "\n".join(wants), False, "program")]  # "This prints `[('bonus', 2), ...]`." after the code's print
    return []


# "Calling `print_breakdown(7.2, 14)` prints:" right before a plain block: the output of a call of a function that prints.
CALL_PRINTS = literal_gates.compile(r"`(?P<call>[A-Za-z_]\w*\([^`\n]*\))`\s+(?:prints|outputs|displays|shows|writes|produces)(?:\s+(?:this|the following))?\s*:?\s*$", re.IGNORECASE)
# "This prints `[('bonus', 2), ('missed punch', 2)]`." right after the block that holds the code; "Running it prints `3`",
# "For the sample this prints `3`": the same program's output, after words that say so (not "For an empty list it prints
# `0`": another input's).
PRINTS_INLINE = literal_gates.compile(r"\s*(?:(?:for|with|on)\s+(?:the|this|that)\s+(?:sample|example)(?:\s+(?:above|data|input|list))?\s*,?\s+)?"
                                      r"(?:running\s+(?:it|this|the\s+(?:code|program|script|snippet|example))|this|it|which|the (?:code|program|script|snippet|example))"
                                      r"\s+(?:prints|outputs|displays)\s*:?\s*`(?P<want>[^`\n]+)`", re.IGNORECASE)
# "... `A` for the first call (the 30 minutes stack on the rest) and `B` for the second": the next print's line.
PRINTS_NEXT = literal_gates.compile(r"(?:\s+for\s+the\s+first(?:\s+(?:call|case|one|line|example|input))?)?(?:\s*\([^()\n]*\))?"
                                    r"\s*,?\s*(?:followed\s+by|and\s+then|then|and)\s+`(?P<want>[^`\n]+)`", re.IGNORECASE)


# What a usage block may need that the sandbox does not give: files, the network, a terminal, the clock.
OUTSIDE_WORLD = literal_gates.compile(r"\bopen\(|\binput\(|\bsys\.argv\b|\bos\.environ\b|\bgetenv\b|\bPath\(|\.read(?:_text|_bytes|_csv|_excel|_json|_parquet|_table|_sql|lines)?\(|\bos\.(?:listdir|walk|scandir|stat)\b|\bsubprocess\b|\bsocket\b|\burllib\b|"
                           r"\brequests\b|\bhttps?://|\bsqlite3\b|\bsleep\(|\bshutil\b|\bglob\b|\blisten\(|\bserve_forever\b")


def _keeps_state(tree) -> bool:
    """The code keeps state between calls: a ``global`` (or ``nonlocal``), or a module-level container a function
    changes (``registry.append(x)``, ``cache[k] = v``); what a usage block prints then depends on the calls made before it."""
    if any(isinstance(n, (ast.Global, ast.Nonlocal)) for n in walk(tree)):
        return True
    shared = {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign)) for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in walk(function):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING and getattr(node.func.value, "id", None) in shared:
                return True
            if isinstance(node, (ast.Assign, ast.AugAssign)) and any(isinstance(t, ast.Subscript) and getattr(t.value, "id", None) in shared
                                                                     for t in (node.targets if isinstance(node, ast.Assign) else [node.target])):
                return True
    return False


def usage_block_runs(response: str, code: str, tree, claimed: List[Claim] = ()) -> List[Claim]:
    """A usage block that shows no output ("Example:" then ``print(load_settings(config))``) must still
    run: a block of calls that defines and imports nothing, calls one of the code's top-level functions
    or classes, and needs nothing from outside (no file, network, terminal or clock, in it or in the
    code). One claim per block, run after the code in its namespace; any exception fails the row, and so
    does a line whose comment shows an output it does not give (as in the code: :func:`with_comment_claims_checked`),
    where the code keeps no state between calls (:func:`_keeps_state`).
    Blocks already claimed (``claimed``: an "Output:" after them) are left to that claim."""
    if tree is None or OUTSIDE_WORLD.search(code):
        return []
    defined = top_level_definitions(tree)
    taken = {c[0].strip() for c in claimed}
    runs: List[Claim] = []
    for fence in find_fences(response):
        block = fence.code.strip()
        if not block or block in code or block in taken or OUTSIDE_WORLD.search(block) or not _usage_block(fence.tag or "", block):
            continue
        called = {n.func.id for n in nodes_of(parse_python(block), ast.Call) if isinstance(n.func, ast.Name)}
        if called & defined:  # print(f("08:45"))  # 08:58: the comment is held to, unless what the block shows may hang on earlier calls
            runs.append((block if _keeps_state(tree) else with_comment_claims_checked(block, tree)[0], "", True, "program"))
    return runs


def shown_call_blocks(instruction: str, tree) -> List[Claim]:
    """A fenced block of the instruction that only calls the code's functions on literals (``distinct_counts([{"tags":
    ["senior"]}, ...])  # -> {...}``): whatever it says of the answer, the call must return. Not a block that speaks of
    errors (an example of what must raise), and not when the code needs the outside world."""
    if tree is None or OUTSIDE_WORLD.search(unparsed(tree)):
        return []
    defined = top_level_definitions(tree, classes=False)

    def shown_call(node) -> bool:
        call = node.args[0] if _prints_one(node) else node
        return (isinstance(call, ast.Call) and getattr(call.func, "id", None) in defined and all(is_literal(a) for a in call.args)
                and all(k.arg and is_literal(k.value) for k in call.keywords))

    runs: List[Claim] = []
    for fence in find_fences(instruction):
        block = fence.code.strip()
        parsed = parse_python(block) if (fence.tag or "").lower() in ("", "python", "py", "python3") and block else None
        if parsed is None or not parsed.body or re.search(r"rais|error|exception|traceback|invalid", block, re.IGNORECASE):
            continue
        if all(isinstance(statement, ast.Expr) and shown_call(statement.value) for statement in parsed.body):
            runs.append((block, "", False, "runs"))
    return runs


def claims_check(claims: List[Claim]) -> str:
    """The test line that runs ``claims`` ('' for none)."""
    return f"assert_hf_examples({claims!r}, globals())" if claims else ""


# A claim that describes rather than shows ("a list of primes", "[1, 2, ...]", "2 or 3"), or shows what
# differs from run to run (an object's address): nothing to hold the code to. Dots that are drawn, not
# elided ("[#####.........] 35%", a run of four or more), are shown output.
ELIDED = r"(?<![.=*|-])\.\.\.(?!\.)|…|object at 0x"
VAGUE = r"^(?:an? |the |some |something|list of|approximately|about |around |~|e\.g|depends|varies|random)| or |" + ELIDED

# The harness's checker: defined in the sandbox's program, handed to the code's namespace.
CHECKER = r'''
def assert_hf_examples(examples, namespace):
    """Run each (source, want, strict[, mode]) example in namespace, as doctest does, and compare
    leniently; mode "print": the source is what a print() showed, printed here as it was; "program":
    the source is the whole program, and want what it prints; "probe": a known task's answer
    (hfsynth.curate.known_tasks), not the response's claim; "runs": an example whose answer is no literal,
    which only has to return; "unit": an instruction's example with no call
    named ("2.675 -> '2.68'"), which may leave out a currency symbol or "%" the text adds; "lines": the source is a loop
    of prints and want the lines it prints, held to only where it prints as many and one starts as its claim does; "case": the source gives ``(function,
    args, kwargs)`` that must give the same answer, case aside, however their strings are cased
    (hfsynth.curate.case_probes)."""
    import contextlib as _cl, io as _io
    for example in examples:
        source, want, strict = example[:3]
        mode = example[3] if _hf_len(example) > 3 else ""
        if mode == "case":
            _hf_case_blind(source, namespace, keep_equal=bool(want))
            continue
        if mode == "lines":  # a loop of prints, then a comment line for each line it prints
            buffer = _io.StringIO()
            with _cl.redirect_stdout(buffer):
                _hf_exec(_hf_compile(source, "<example>", "exec"), namespace)
            printed = buffer.getvalue()
            sys.stdout.write(printed)
            got, wanted = printed.strip().splitlines(), want.strip().splitlines()
            if _hf_len(got) == _hf_len(wanted) and any(g.split()[:1] == w.split()[:1] for g, w in zip(got, wanted)) \
                    and not _hf_printed_as_shown(printed, want, _hf_wraps(namespace)):
                raise AssertionError(f"the response notes that the loop {source.splitlines()[0][:60]!r} prints {want[:80]!r}; it prints {printed.strip()[:80]!r}")
            continue
        printing = mode in ("print", "note")
        buffer, value, raised = _io.StringIO(), None, None
        try:
            with _cl.redirect_stdout(buffer):
                try:
                    code = _hf_compile(source, "<example>", "eval")
                except SyntaxError:
                    _hf_exec(_hf_compile(source, "<example>", "exec"), namespace)
                else:
                    value = _hf_eval(code, namespace)
                if printing and raised is None:
                    print(value)
                    value = _HfPrinted(value)
        except Exception as exc:
            raised = exc
        printed = buffer.getvalue()
        if printed:
            sys.stdout.write(printed)
        if want.startswith("Traceback"):
            last = want.strip().splitlines()[-1].split(":")[0].strip().rpartition(".")[2]
            if raised is None:
                raise AssertionError(f"{source!r} is shown raising {last}, but it returns {value!r}")
            if last and last not in {c.__name__ for c in _hf_type(raised).__mro__}:
                raise AssertionError(f"{source!r} is shown raising {last}, but it raises {_hf_type(raised).__name__}: {raised}")
            continue
        if raised is not None:
            if strict or ((want or mode == "runs") and not isinstance(raised, (NameError, ImportError, OSError, EOFError))):
                raise raised
            return
        if mode == "unit" and isinstance(value, str) and value != value.strip("$\u20ac\u00a3\u00a5%").strip() and not any(c in want for c in "$\u20ac\u00a3\u00a5%"):
            value = value.strip("$\u20ac\u00a3\u00a5%").strip()  # "2.675 -> '2.68'" of a formatter that adds "$": the example leaves the unit out
        if mode == "note":  # a comment holds one line: of an output of several, their first
            first = (printed.strip().splitlines() or [""])[0]
            if not first and __import__("re").fullmatch(r"[(\[]?\s*(?:an? )?(?:empty(?: string| line| list)?|blank(?: line)?|nothing|no output)\s*[)\]]?", want.strip(), 2):
                continue  # "print(lcp(['dog', 'car']))  # (empty)"
            if not any(_hf_output_matches(printed, value, head) or " ".join(first.split()) == " ".join(head.split()) for head in _hf_note_heads(want)):
                raise AssertionError(f"the response notes that print({source}) shows {want[:80]!r}; it shows {printed.strip()[:80]!r}")
            continue
        if want and not (_hf_printed_as_shown(printed, want, _hf_wraps(namespace)) if mode == "program" else _hf_output_matches(printed, value, want)):
            shown = printed.strip() if printing else (printed + ("" if value is None else repr(value))).strip()
            said = f"print({source}) shows" if printing else "the program prints" if mode == "program" else f"{source} gives"
            who = "a known task's answer: " if mode == "probe" else "the response claims "
            raise AssertionError(f"{who}{said} {want[:80]!r}; it {said.rpartition(' ')[2]} {shown[:80]!r}")


def _hf_note_heads(want):
    """What a bare comment on a print line may say the output is: all of it, or its start before a note
    ("False (TLD too short)", "True: same contents", "65.0 - a Wednesday"), or the rest after a label
    ("输出: 12"), or what the working it shows comes to ("(30 + 1 + 1 + 10) * 2 = 84"), or what follows an arrow after
    the input's description ("Saturday 10:30 -> False")."""
    re_ = __import__("re")
    heads = [want] + [want[: m.start()] for m in re_.finditer(r"\s*(?:\(|:\s|[\u2013\u2014]|\s-\s|,\s|;|\s{2,})", want) if want[: m.start()].strip()]
    label = re_.match(r"^[^\W\d_]+\s*[:\uff1a]\s*", want)
    worked = re_.search(r"\s=\s*(\S[^=]*)$", want)  # "(30 + 1 + 1 + 10) * 2 = 84": the working, then the output
    arrow = re_.search(r"\s(?:->|=>|\u2192)\s*(\S(?:(?!->|=>|\u2192).)*)$", want)
    return heads + ([want[label.end():]] if label else []) + ([worked.group(1).strip()] if worked else []) + ([arrow.group(1).strip()] if arrow else [])


def _hf_literal(text):
    try:
        return _ast_literal(text), True
    except Exception:
        return None, False


def _hf_decimals(text):
    return max([_hf_len(m) for m in __import__("re").findall(r"\d\.(\d+)", text)] or [0])


def _hf_close(got, want, tolerance, depth=0, printed=False):
    """``printed``: ``got`` is what a print() showed, where a float's noise shows (3.3000000000000003 is not "3.3"), while
    a long float written short stays an abbreviation ("0.333" of 1/3)."""
    if depth > 20:
        return False
    if isinstance(want, bool) or isinstance(got, bool):
        return _hf_type(got) is _hf_type(want) and got == want
    if isinstance(want, (int, float)) and isinstance(got, (int, float)):
        if isinstance(want, float) and isinstance(got, float) and got != want and _hf_decimals(repr(got)) <= _hf_decimals(repr(want)) + 1 \
                and "e" not in repr(got) + repr(want):
            return False  # 33.33 claimed as 33.3: a value this short prints whole, so fewer digits are another number
        if isinstance(want, float) or isinstance(got, float):
            if printed and got != want and abs(got - want) <= 1e-9 * abs(want):
                return False
            return abs(got - want) <= max(tolerance, 1e-9 * abs(want))
        return got == want
    if isinstance(want, (list, tuple)) and hasattr(got, "__next__"):
        got = list(__import__("itertools").islice(got, _hf_len(want) + 1))
    if isinstance(want, (list, tuple)) and isinstance(got, (list, tuple)):
        return _hf_len(got) == _hf_len(want) and all(_hf_close(g, w, tolerance, depth + 1, printed) for g, w in zip(got, want))
    if isinstance(want, (set, frozenset, list, tuple)) and isinstance(got, (set, frozenset)):
        try:
            return _hf_compare(set(got), set(want), "==")
        except TypeError:
            return False
    if isinstance(want, dict) and isinstance(got, dict):
        return set(got) == set(want) and all(_hf_close(got[k], want[k], tolerance, depth + 1, printed) for k in want)
    try:
        return bool(_hf_compare(got, want, "=="))
    except Exception:
        return False


_HF_VAGUE = __import__("re").compile(VAGUE_PATTERN, 2)


class _HfPrinted:
    """A value a claimed print() showed: its text is in the printed output, the value kept for comparing."""

    def __init__(self, value):
        self.value = value


def _hf_output_matches(printed, value, want):
    """Whether what ran (printed text, then the value of an expression) is what the claim says. An
    object of the code's own class is not judged by its text (a claimed ``Point(1, 2)`` of a dataclass
    that shows ``Point(x=1, y=2)``); a printed date, Decimal or Counter is (its text is fixed: a Counter
    prints its most common first), and so is a returned
    date (``# -> datetime.date(2024, 7, 30)``, ``date(2024, 7, 30)`` or ``2024-07-30``)."""
    norm = lambda text: " ".join(str(text).split())
    exact = False
    if isinstance(value, _HfPrinted):
        value = value.value
        if _hf_type(value).__module__ not in ("builtins", "datetime", "decimal", "fractions", "collections"):
            return True  # the standard library's dates, numbers and containers print one way: print(next_friday(d)) shows 2024-03-15
        claimed, is_literal = _hf_literal(want.strip())
        if _hf_type(value).__name__ == "Decimal" and is_literal and _hf_type(claimed) in (int, float):
            return norm(printed) == norm(want)  # a printed Decimal keeps its places: 296.000 is not "296.00"
        if not is_literal or value is None:
            value = None  # compared as the printed text
        else:
            printed, exact = "", True  # compared as the value print() showed: 3.3000000000000003 is not "3.3"
    elif value is not None and _hf_type(value).__module__ == "datetime" and not printed:
        forms = {norm(repr(value)), norm(str(value)), norm(repr(value).partition(".")[2])}  # datetime.date(2024, 7, 29), 2024-07-29, date(2024, 7, 29)
        return norm(want).strip("'\"") in forms or bool(_HF_VAGUE.search(norm(want)))
    elif value is not None and _hf_type(value).__module__ in ("decimal", "fractions") and not printed and _hf_exact_number(want) is not None:
        return value == _hf_exact_number(want)  # Decimal("1.13") claimed for a Decimal (7.50 and 7.5 are equal)
    elif value is not None and _hf_type(value).__name__ == "Counter" and not printed and _hf_counts(want) is not None:
        return dict(value) == _hf_counts(want)  # Counter({'Ann': 2}) claimed: the counts, in any order
    elif value is not None and _hf_type(value).__module__ != "builtins":
        return True
    shown = printed + ("" if value is None else repr(value))
    wanted = norm(want)
    if norm(shown) == wanted and wanted and any("  " in line.strip() for line in want.splitlines()):
        lines = lambda text: [line.rstrip() for line in text.strip().splitlines()]  # the claim's block lost its first line's indent
        return lines(shown) == lines(want)  # a table's columns: its spacing is the claim
    if not wanted or norm(shown) == wanted or _hf_vague(wanted, shown):
        return True
    unqualified = lambda text: __import__("re").sub(r"\bdatetime\.(date|datetime|time|timedelta)\(", r"\1(", norm(text))
    if unqualified(shown) == unqualified(wanted):
        return True  # "[date(2024, 3, 8)]" for a list of dates: the repr qualifies each, as the claim need not
    if value is None and not printed:
        return wanted == "None"  # "f([1, 2, 3])  # None": the REPL shows nothing for it
    if value is not None and not printed and norm(str(value)) == wanted:
        return True  # "# returns hello" for 'hello'
    tolerance = 0.5000001 * 10.0 ** -_hf_decimals(want) if _hf_decimals(want) else 0.0  # 2.25 shown as 2.3 (or 2.2); 2.2 is not 2.3
    claimed, is_literal = _hf_literal(want.strip())
    if is_literal:
        candidates = [value] if value is not None and not printed else []
        for text in (printed.strip(), shown.strip()):
            got, ok = _hf_literal(text)
            if ok:
                candidates.append(got)
            elif text:
                candidates.append(text)
        return any(_hf_close(got, claimed, tolerance, printed=exact) for got in candidates)
    return norm(shown.strip().strip("'\"")) == norm(wanted.strip("'\""))


def _hf_counts(want):
    """The counts a claim spells as ``Counter({...})`` (``Counter()``: none), else None."""
    spelled = __import__("re").fullmatch(r"\s*(?:collections\.)?Counter\((\{[^{}]*\})?\)\s*", want)
    if not spelled:
        return None
    counts, ok = _hf_literal(spelled.group(1) or "{}")
    return counts if ok and isinstance(counts, dict) else None


def _hf_exact_number(want):
    """The Decimal or Fraction a claim spells as its constructor (``Decimal("1.13")``, ``Fraction(3, 4)``), else None."""
    re_ = __import__("re")
    decimal = re_.fullmatch(r"\s*(?:decimal\.)?Decimal\(\s*(['\"])(-?\d+(?:\.\d+)?)\1\s*\)\s*", want)
    if decimal:
        return __import__("decimal").Decimal(decimal.group(2))
    fraction = re_.fullmatch(r"\s*(?:fractions\.)?Fraction\(\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?\)\s*", want)
    if fraction and int(fraction.group(2) or 1):
        return __import__("fractions").Fraction(int(fraction.group(1)), int(fraction.group(2) or 1))
    return None


def _hf_vague(wanted, shown):
    """The claim leaves its answer open ("a list of ...", "[1, 2, ...]", "about 3"), said outside its quoted
    texts (``[".Q..", "...Q"]`` spells rows of a board) and with dots the output never writes itself (a title
    cut to "The Left Hand…" by code that adds "…" claims that text)."""
    re_ = __import__("re")
    if _hf_literal(wanted.strip())[1]:
        wanted = re_.sub(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", "''", wanted)
    for mark in ("...", "\u2026"):
        if mark in shown:
            wanted = wanted.replace(mark, "")
    return bool(_HF_VAGUE.search(wanted))


def _hf_wraps(namespace):
    """The code wraps text itself (it holds ``textwrap`` or one of its functions): where its lines break is its answer."""
    return any(getattr(v, "__name__", None) == "textwrap" or getattr(v, "__module__", None) == "textwrap" for v in list(namespace.values()))


def _hf_printed_as_shown(printed, want, wraps=False):
    """An "Output:" block is what the program prints, line for line: a float shown rounded (7.2 where
    Python prints 7.199999999999999), dict items in another order than the code makes them or other
    quotes are a wrong claim, however close. Spacing aside (a table's columns excepted: their spacing
    is the claim), a line may differ only as a set's members do, whose order Python changes from run
    to run (string hashing): the same characters, and no dict or list in another order. The same text
    broken into other lines passes (a response wraps a long line to show it), unless the code ``wraps``
    text itself."""
    lines = lambda text: [line.strip() for line in text.strip().splitlines() if line.strip()]
    got, wanted = lines(printed), lines(want)
    table = any("  " in line for line in wanted)
    bare = lambda line: line if table else "".join(line.split())
    if _hf_len(got) != _hf_len(wanted):
        return not table and not wraps and "".join(printed.split()) == "".join(want.split())  # the same text wrapped otherwise
    for line, claim in zip(got, wanted):
        if bare(line) == bare(claim):
            continue
        if "{" not in line or __import__("builtins").sorted(bare(line)) != __import__("builtins").sorted(bare(claim)):
            return False
        unwrapped = lambda text: __import__("re").sub(r"^(?:Counter|OrderedDict)\((.*)\)$", r"\1", text)  # Counter({'B': 3, 'A': 2}): a dict, in its order
        (a, a_ok), (b, b_ok) = _hf_literal(unwrapped(line)), _hf_literal(unwrapped(claim))
        if a_ok and b_ok and _hf_ordered(a) != _hf_ordered(b):
            return False
    return True


def _hf_ordered(value, depth=0):
    """``value`` with set members sorted and every other order kept (dict items, list items)."""
    if depth > 20:
        return value
    if isinstance(value, (list, tuple)):
        return [_hf_ordered(x, depth + 1) for x in value]
    if isinstance(value, (set, frozenset)):
        return __import__("builtins").sorted((_hf_ordered(x, depth + 1) for x in value), key=repr)
    if isinstance(value, dict):
        return [(_hf_ordered(k, depth + 1), _hf_ordered(x, depth + 1)) for k, x in value.items()]
    return value


def _hf_recased(value, change, fixed=()):
    """``value`` (the call's ``(args, kwargs)``) with ``change(i, text)`` applied to its i-th string, in lists
    and tuples too, not in sets (a lookup the caller sets up: the stop words of "the most common words,
    case-insensitively, ignoring a given set of stop words") nor in dicts (records: their values are
    fields and codes), nor a string with a backslash (a pattern: ``\\b`` and ``\\B`` differ); of a tuple
    item with several texts (``("Milk", 1, "l")``, a record), only its first text, the name; nor a string that is a
    key of a dict the call is given (``dominant_genre(["Aurora"], {"Aurora": ["Drama"]})``: a record's name, looked up),
    nor a JSON document (its keys are names), nor the arguments at ``fixed`` positions or keywords (a parameter the
    instruction says is lowercase: :mod:`hfsynth.curate.case_probes`)."""
    seen = [0]
    given = list(value[0]) + list(value[1].values()) if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], dict) else []
    keys = {k for v in given if isinstance(v, dict) for k in v if isinstance(k, str)}

    def document(text):
        """A JSON object or array: its keys are names, not text to re-case."""
        if text.lstrip()[:1] not in ("{", "["):
            return False
        try:
            return isinstance(__import__("json").loads(text), (dict, list))
        except ValueError:
            return False

    def walk(v, depth):
        if depth > 20:
            return v
        if isinstance(v, str) and ("\\" in v or v in keys or document(v)):
            return v  # a regular expression (r"\b(tesco|aldi)\b"): its escapes' case is their meaning; a key: the record's name
        if isinstance(v, str):
            seen[0] += 1
            return change(seen[0] - 1, v)
        if isinstance(v, list):
            return [walk(x, depth + 1) for x in v]
        if isinstance(v, tuple) and depth >= 2 and sum(isinstance(x, str) for x in v) >= 2:
            first = next(i for i, x in enumerate(v) if isinstance(x, str))  # ("Milk", 1, "l"): a record; its name re-cased, its unit a code
            return tuple(walk(x, depth + 1) if i == first else x for i, x in enumerate(v))
        if isinstance(v, tuple):
            return tuple(walk(x, depth + 1) for x in v)
        if isinstance(v, dict) and depth == 1:  # the call's keyword arguments, beside its positional ones
            return {k: x if k in fixed else walk(x, depth + 1) for k, x in v.items()}
        return v  # a record ({"type": "percent", ...}) holds fields and codes, not text to re-case
    args, kwargs = value
    return (tuple(a if i in fixed else walk(a, 2) for i, a in enumerate(args)), walk(kwargs, 1)), seen[0]


def _hf_folded(value, depth=0):
    """``value`` with every string case-folded, dict items and set members in a fixed order (a key that
    folding merges stays two items, so {"The": 1, "the": 1} is not {"THE": 2})."""
    if depth > 20:
        return value
    if hasattr(value, "__next__"):
        value = list(__import__("itertools").islice(value, 10000))
    if isinstance(value, str):
        return value.casefold()
    if isinstance(value, (list, tuple)):
        return [_hf_folded(x, depth + 1) for x in value]
    if isinstance(value, (set, frozenset)):
        return sorted((_hf_folded(x, depth + 1) for x in value), key=repr)
    if isinstance(value, dict):
        return sorted(((_hf_folded(k, depth + 1), _hf_folded(x, depth + 1)) for k, x in value.items()), key=repr)
    return value


def _hf_case_blind(source, namespace, keep_equal=False):
    """The instruction asks to ignore case: the row's own call, its strings re-cased seven ways (all upper,
    every other one upper, the first half upper, the first of equal ones upper, every other word upper, and
    those written in capitals lower),
    must give the same answer once folded. A call that raises, or a variant that raises, proves nothing.
    ``keep_equal``: the instruction counts only exactly equal strings as the same ("titles that appear
    more than once (exactly the same string)"), so equal strings are re-cased alike and never made to differ."""
    import copy as _copy, re as _re
    try:
        function, args, kwargs, fixed = _hf_eval(source, namespace)
        original = _hf_folded(function(*_copy.deepcopy(args), **_copy.deepcopy(kwargs)))
    except Exception:
        return
    words = lambda text: _re.sub(r"[A-Za-z]+", lambda m, n=iter(range(1 << 30)): m.group().upper() if next(n) % 2 else m.group(), text)
    total = _hf_recased((args, kwargs), lambda i, t: t, fixed)[1]
    firsts = set()
    def first_seen(i, text):  # the first of equal strings upper, the rest as they were: equal ones now differ in case
        if text.casefold() in firsts:
            return text
        firsts.add(text.casefold())
        return text.upper()
    changes = (lambda i, t: t.upper(), lambda i, t: t.upper() if i % 2 == 0 else t, lambda i, t: t.upper() if i % 2 else t,
               lambda i, t: t.upper() if i < total / 2 else t, first_seen, lambda i, t: words(t),
               lambda i, t: t.lower() if t == t.upper() else t)  # the strings the row wrote in capitals ("WS-NE042") lowered
    for change in changes:
        if keep_equal:
            change = lambda i, t, change=change, done={}: done.setdefault(t, change(i, t))
        (new_args, new_kwargs), count = _hf_recased((args, kwargs), change, fixed)
        if not count or (new_args, new_kwargs) == (args, kwargs):
            continue
        try:
            got = _hf_folded(function(*new_args, **new_kwargs))
        except Exception:
            continue
        if got != original:
            shown = ", ".join([repr(a)[:40] for a in new_args] + [f"{k}={v!r}"[:40] for k, v in new_kwargs.items()])
            raise AssertionError(f"the instruction asks to ignore case, and {getattr(function, '__name__', 'the function')}({shown}) gives another answer than the row's own call")


_ast_literal, _hf_eval = __import__("ast").literal_eval, eval
'''.replace("VAGUE_PATTERN", repr(VAGUE))
