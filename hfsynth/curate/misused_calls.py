"""Standard calls used the way they read, not the way they work.

Two mistakes every model makes and no linter reports, because the code runs and looks right:

- ``name.rstrip(".txt")`` to drop a suffix: ``strip`` and its kin take a set of characters, so
  ``"report.txt".rstrip(".txt")`` is ``"repor"``. Read only when the argument is unmistakably a
  suffix or prefix (a file extension, a URL scheme ``"https://"``, ``"www."``, or a parameter named
  for one: ``prefix``, ``suffix``), not a set of
  characters (``" \\n"``, ``"[]"``, ``"0"``). With the instruction (:func:`stripped_named_affix`), also a
  word the instruction names as the prefix or suffix to drop: ``code.lstrip("SKU-")`` for "prefixes
  ... with 'SKU-'" drops the S, K and U of "SKU-SUKS" too, and ``name.strip("Dr. ")`` eats the "D" of
  "Dr. Dana".
- ``re.fullmatch(text, PATTERN)``: the string where the pattern belongs and the pattern where the
  string belongs, read when the first argument is a parameter of the function and the second a
  string literal (or a name bound once to one) that reads as a regular expression.
- ``items[random.randint(0, len(items))]``: ``randint`` includes its upper bound, so one draw in
  ``len(items) + 1`` reads past the end (``randrange`` or ``choice`` is meant).
- ``time.sleep()`` in a coroutine: it stops the whole event loop, so "concurrent" tasks run one
  after another (``await asyncio.sleep()`` is meant).
- ``add_argument(..., type=bool)``: ``bool("False")`` is True, so the option can never be turned off
  from the command line (``action="store_true"`` is meant).
- ``json.load(path)`` (and ``pickle.load``, ``tomllib.load``) on a path: they read an open file; and
  ``json.loads(f)`` on the file a ``with open(...) as f`` opened: ``loads`` reads a string.
- ``strptime(s, "%H:%M %p")``: ``%p`` only works with ``%I``, so "3:30 PM" reads as 03:30.
- ``strptime(s, "%Y-%m-%d %I:%M")`` with no ``%p``: ``%I`` is the 12-hour clock, so "14:30" raises
  (``%H`` is meant); ``strftime("%Y-%m-%d %I:%M")``: 09:30 and 21:30 both print "09:30"; and
  ``strptime("%Y-%m-%d", text)``, the format passed first: every call raises ValueError.
- ``date(day.year, day.month + 1, 1)`` with nothing that turns December over: month 13 raises ValueError.
- ``round(a * 100 // b, 1)``: the floor division cut the decimals off before ``round`` sees them.
- ``else: best = max(best, current); current = 1`` and ``return best``: the last run is never compared; nor
  recorded, where ``elif current: runs.append(current); current = 0`` and ``return runs``.
- ``for i in range(1, len(xs) - 1)`` reading ``xs[i]`` and ``xs[i + 1]``: the first pair is never read.
- ``if start <= cur_end: cur_end = end`` (or ``merged[-1][1] = end``) in a merge: an interval inside the merged one pulls its end back.
- ``max(tally)`` of a ``dict[str, int]`` with no ``key=``: the alphabetically last name, not the largest count.
- ``int(t.replace(":", ""))`` subtracted: an hour is 100 of those digits; ``float(t.replace(":", "."))``: "1:45" is not 1.45 hours; ``(h2 - h1) * 60 + abs(m2 - m1)``: a borrow made positive; ``zip(it, range(n))`` with ``it`` read again: one item lost; ``minutes += d % 60`` shown with
  nothing carried; ``(d.month - 4) // 3 + 1`` with nothing wrapping January to March round the year.
- ``round(part / whole, 1) * 100``: rounded before it is scaled; ``d.get(k, amount) + amount``: a new key's first amount counted twice.
- ``counts = {}`` (or ``dict(first)``) then ``counts[word] += 1`` in a loop, with no ``in`` test,
  ``get``, ``setdefault`` or plain write of the key: a key the dict does not hold yet raises KeyError
  (``defaultdict`` or ``Counter`` is meant); and keys taken from one field of the items, counted under another
  (``{trip["start"]: 0 for trip in trips}``, then ``counts[trip["end"]] += 1``).
- ``heapq.heappush(heap, (priority, job))`` where ``job`` is a dict: two equal priorities make heapq
  compare the dicts, which raises TypeError (a counter between them is meant).
- ``strftime("%Y-%M-%d %H:%m")``: ``%M`` is the minute and ``%m`` the month.
- ``if value.isdigit:`` with no call: a bound method is always true.
- ``for k, v in d.items(): del d[k]``: a dict that loses a key while a loop walks it raises
  RuntimeError (a list of its items is meant); ``for m in members: members.remove(m)``: the list shifts and
  the item after each one removed is skipped.
- ``(end - start).seconds`` with datetimes, and ``.days`` read nowhere: ``seconds`` is the part under
  one day and never negative (``total_seconds()`` is meant).
- ``def add(tag, tags=[]): tags.append(tag)``: the default list is made once and shared by every call
  (a ``memo={}``/``cache={}`` default is kept on purpose and not read); so is ``__init__(self,
  tags=[])`` keeping ``self.tags = tags`` that a method appends to: every object made without tags
  shares one list.
- ``groups.get(key, []).append(word)``: the list ``get`` returns for a missing key is new and nothing
  keeps it (``setdefault`` is meant).
- ``new = copy.copy(grid)`` (or ``grid.copy()``, ``grid[:]``, ``list(grid)``) then ``new[r][c] = v``:
  a shallow copy shares its rows, so the write lands in the caller's grid too (``deepcopy`` or
  ``[row[:] for row in grid]`` is meant). Not read when the code puts new rows into the copy first.
- ``grid = [[0] * cols] * rows`` then ``grid[r][c] = v``: the outer ``*`` repeats one inner list, so
  the write shows in every row.
- ``re.sub(pattern, repl, text, re.IGNORECASE)``, ``re.split(pattern, text, re.M)``: the fourth
  argument of ``sub`` (the third of ``split``) is the count, so the flag is read as a number and
  never applied (``flags=`` is meant).
- ``a.strip().lower() is b.strip().lower()``, ``count is 0``: ``is`` compares identity; two equal
  strings or numbers made at run time are usually distinct objects (``==`` is meant).
- ``groups = dict.fromkeys(letters, [])`` then ``groups[k].append(w)`` (or ``self.groups``, appended to
  in a method): every key holds the one list passed, so each word lands in every group (``{k: [] for k
  in letters}`` is meant); or returned so, for the caller to fill.
- ``d.month // 3 + 1`` for a quarter: March, June, September and December land in the next one; and
  ``d.day // 7 + 1`` for a week of the month: the 7th lands in week 2.
- ``Decimal(price)`` of a ``price: float``: the float's binary error is kept (``Decimal(str(price))``).
- ``re.sub(r"<.*>", "", html)``: greedy, it takes the text between two tags too.
- ``steps[i - window + 1:i]`` for the window ending at day ``i``: it stops before ``i`` and holds ``window - 1`` items;
  ``[xs[i:i + w] for i in range(len(xs) - w)]``: the range stops one start short, so the last window is never made.
- ``nr, nc = r + dr, c + dc`` checked with ``nr < n`` and never against 0: a step off the near edge gives -1, which passes.
- a longest run kept only where a run breaks (``else: best = max(best, current); current = 0``) and
  ``best`` returned as it is: a run that lasts to the end is never counted; so are runs counted where one
  ends (``elif in_spell: spells += 1; in_spell = False``) with no look at the flag after the loop.
- ``day.day - previous.day == 1`` for consecutive days: the days of the month, so 31 May and 1 June
  are not consecutive (``(day - previous).days`` is meant).
- ``sorted(words, key=lambda a, b: ...)``: ``key`` is called with one item; a two-parameter comparison
  raises TypeError on the first call (``functools.cmp_to_key`` is meant).
- ``{k: list(g) for k, g in groupby(words, key=first)}`` on a list the code never sorts: ``groupby``
  groups runs of equal keys, so a key met again later replaces its first group in the dict.
- ``if text.find(word):`` (or ``not``, ``and``/``or``, ``bool()`` of it): ``find`` answers -1, which is
  true, when the word is missing, and 0, which is false, when the text starts with it (``in`` is meant).
- ``pages = len(items) // per_page + 1``: one page too many whenever the count divides evenly, and
  ``len(items) // per_page`` alone (no ``%``, ``divmod`` or ``+= 1`` after it): one too few whenever
  it does not (``-(-n // k)`` or ``math.ceil`` is meant); read for a name that counts pages.
- ``1 + pct_per_hour // 100``: a percentage floor-divided by 100 is 0 for every percentage under 100
  (``/ 100`` is meant); read for a name that holds a percentage (``pct``, ``percent``, ``percentage``); and
  ``done // total * 100``, a share floor-divided before it is scaled (``x // 100 * 100`` rounds, and is kept).
- ``sum(d for d in range(1, n // 2) if n % d == 0)``: the search stops before ``n // 2``, a divisor of every even ``n``.
- ``int(math.log(n, base))``: the log of a base is a quotient of rounded logs, so at exact powers the floor is one short.
- Arguments in each other's places: ``re.sub(line, r"\\s+", " ")`` (the text as the pattern),
  ``heapq.nlargest(bpm, k)`` with ``bpm: list[int]``, ``heapq.heappush((score, name), heap)``.
- Types used against their grain: ``today - last.date`` (a method as a value), ``self._items[-n:]`` on a deque,
  ``match.group("request_id")`` of a pattern whose group is ``req_id``, ``csv.reader(csv_text)`` on a ``str``,
  ``heap[:k]`` after ``heapify``, ``findall`` of one repeated group (``(\\d{1,3}\\.){3}``) or of a group that only
  holds a choice inside the token (``[A-Z]-(0[1-9]|[1-9][0-9])-[1-9]``), dicts compared on tied
  keys (``heapq.merge`` of ``(dep, flight)`` pairs, ``entry > best[room]``), ``total.seconds`` of a sum of spans (or of a running total, ``total += end - start``), and
  ``batches.append(current)`` only when the next batch starts (the last one lost).
"""

from __future__ import annotations

import ast
import re
from typing import Dict, Iterator, Optional, Set, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.certain_errors import STR_TO_STR, value_kind
from hfsynth.curate.python_ast import nodes_of, own_scope_nodes, store_counts, unparsed, values_bound_once, walk
from hfsynth.curate.requirement_words import constant_value, oriented_comparisons, walk_outside_asserts

STRIPS = frozenset({"strip", "lstrip", "rstrip"})
AFFIX = literal_gates.compile(r"^\.[A-Za-z][A-Za-z0-9]{0,5}$|^\.0{1,3}$|://|^www\.$|^https?:?$")  # ".00": rstrip(".00") of "10.00" is "1"
RE_CALLS = frozenset({"match", "fullmatch", "search", "findall", "finditer", "split"})
REGEX = literal_gates.compile(r"\\[dwsDWSbB]|[\^$][\\(\[]|\[[^\]]+\]|\{\d+(?:,\d*)?\}|\(\?[:P=!<]|[)\]][*+?]")


def _string_constants(tree: ast.Module) -> Dict[str, str]:
    """Names the code binds exactly once, to a string literal (``ZIP_PATTERN = r"\\d{5}"``)."""
    return {name: value.value for name, value in values_bound_once(tree).items() if isinstance(value, ast.Constant) and isinstance(value.value, str)}


def _stripped_affix(tree: ast.Module) -> Optional[str]:
    """In a function (a top-level ``print`` may show the pitfall on purpose), in code that does not name
    ``removesuffix``/``removeprefix`` (an answer that contrasts the two)."""
    if re.search(r"\bremove(?:suffix|prefix)\b", unparsed(tree)):
        return None
    functions = list(nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)))
    constants = values_bound_once(tree)
    for function in functions:
        affixes = _affix_names(function)
        for node in nodes_of(function, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr in STRIPS and len(node.args) == 1):
                continue
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and AFFIX.search(argument.value):
                shown = repr(argument.value)
            elif isinstance(argument, ast.Name) and argument.id in affixes:
                shown = argument.id
            elif _tested_whole(function, node, constants):
                shown = unparsed(argument)
            else:
                continue
            return (f".{node.func.attr}({shown}) removes any of those characters, not the affix "
                    f"(line {node.lineno}; str.remove{'suffix' if node.func.attr == 'rstrip' else 'prefix'} removes the affix)")
    return None


def _several_characters(node: ast.expr, constants: Dict[str, ast.expr]) -> bool:
    """A string of two or more different characters: a literal, a name bound once to one, or text joined
    to something (``"." + domain``)."""
    if isinstance(node, ast.Name) and node.id in constants:
        node = constants[node.id]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return len(set(node.value)) >= 2
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return any(isinstance(side, ast.Constant) and isinstance(side.value, str) and side.value for side in (node.left, node.right))
    if isinstance(node, ast.JoinedStr):
        return len(node.values) >= 2
    return False


def _tested_whole(function: ast.AST, call: ast.Call, constants: Dict[str, ast.expr]) -> bool:
    """``if ref.startswith(PREFIX): return ref.lstrip(PREFIX)``: the code tests the value for the whole affix,
    then strips it as a set of characters; read when the affix has two or more different characters."""
    receiver, argument = unparsed(call.func.value), unparsed(call.args[0])
    tests = {"lstrip": ("startswith",), "rstrip": ("endswith",), "strip": ("startswith", "endswith")}[call.func.attr]
    tested = any(isinstance(n.func, ast.Attribute) and n.func.attr in tests and len(n.args) == 1
                 and unparsed(n.func.value) == receiver and unparsed(n.args[0]) == argument for n in nodes_of(function, ast.Call))
    return tested and (_several_characters(call.args[0], {**constants, **values_bound_once(function)}) or unparsed(call.args[0]) in _looped_affixes(function, constants))


def _looped_affixes(function: ast.AST, constants: Dict[str, ast.expr]) -> set:
    """Loop names over a table of texts of two or more different characters each: ``for suffix, fmt in
    FORMATS.items()`` with ``FORMATS = {" (3D)": "3D", ...}``, ``for prefix in ("Mr. ", "Dr. ")``."""
    found = set()
    for loop in (n for n in nodes_of(function, (ast.For, ast.comprehension))):
        target = loop.target.elts[0] if isinstance(loop.target, ast.Tuple) and loop.target.elts else loop.target
        table = loop.iter.func.value if isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Attribute) and loop.iter.func.attr in ("items", "keys") else loop.iter
        if isinstance(table, ast.Name) and table.id in constants:
            table = constants[table.id]
        texts = table.keys if isinstance(table, ast.Dict) else getattr(table, "elts", None) if isinstance(table, (ast.Tuple, ast.List, ast.Set)) else None
        if isinstance(target, ast.Name) and texts and all(isinstance(t, ast.Constant) and isinstance(t.value, str) and len(set(t.value)) >= 2 for t in texts):
            found.add(target.id)
    return found


# The instruction calls a quoted word a prefix or suffix to drop ("prefixes some codes with 'SKU-'",
# "start with the title \"Dr. \""), and does not speak of a set of characters.
AFFIX_WORDS = literal_gates.compile(r"\b(?:prefix\w*|suffix\w*|start(?:s|ing)?\s+with|begin(?:s|ning)?\s+with|end(?:s|ing)?\s+with|leading|trailing|title)\b", re.IGNORECASE)
CHARACTER_SET_WORDS = literal_gates.compile(r"\b(?:characters?|chars?|any\s+of|letters)\b", re.IGNORECASE)


# ".txt", "IATA:", "www.", "Team ": a word with a separator, which strip would read as a set of characters.
WORD_AFFIX = literal_gates.compile(r"(?=(?:.*[A-Za-z]){2})(?=.*[:\-/._ ]).{3,}")


def stripped_word(tree: ast.Module, instruction: str = "") -> Optional[str]:
    """``code.lstrip("IATA:")``, ``filename.rstrip(".txt")``: ``lstrip``/``rstrip`` take a set of characters, so they eat
    every leading (trailing) I, A, T and : too ("IATA:ATL" gives "L"); ``removeprefix``/``removesuffix`` are meant.
    Read in a function, for a literal word with a separator, on anything but a literal (a demonstration of the pitfall);
    after :func:`stripped_named_affix`, which names the prefix the instruction gives."""
    if CHARACTER_SET_WORDS.search(instruction) or re.search(r"\bremove(?:suffix|prefix)\b", unparsed(tree)):
        return None  # "Strip the characters 'SKU-'": a set of characters, as asked
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in nodes_of(function, ast.Call):
            if (isinstance(node.func, ast.Attribute) and node.func.attr in ("lstrip", "rstrip") and len(node.args) == 1
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) and WORD_AFFIX.fullmatch(node.args[0].value)
                    and not isinstance(node.func.value, ast.Constant)):
                meant = "removeprefix" if node.func.attr == "lstrip" else "removesuffix"
                return (f"{unparsed(node)[:50]} (line {node.lineno}) strips any of the characters {node.args[0].value!r}, not the word "
                        f"({meant} is meant)")
    return None


def stripped_named_affix(tree: ast.Module, instruction: str) -> Optional[str]:
    """``.lstrip("SKU-")`` where the instruction names "SKU-" as the prefix to drop: ``strip`` takes a set of
    characters, so it eats every leading S, K, U and - (``removeprefix`` is meant). Read for a literal of two
    or more characters, one of them a letter or digit, that the instruction quotes; in a function."""
    if not AFFIX_WORDS.search(instruction) or CHARACTER_SET_WORDS.search(instruction) or re.search(r"\bremove(?:suffix|prefix)\b", unparsed(tree)):
        return None
    quoted = set(re.findall(r"[\'\"`\u2018\u201c]([^\'\"`\u2019\u201d\n]{2,20})[\'\"`\u2019\u201d]", instruction))
    constants = values_bound_once(tree)
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for node in nodes_of(function, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr in STRIPS and len(node.args) == 1):
                continue
            argument = node.args[0]
            if isinstance(argument, ast.Name) and argument.id in constants:
                argument = constants[argument.id]  # PREFIX = "POL-" ... ref.lstrip(PREFIX)
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                continue
            word = argument.value.strip()
            if len(set(word)) >= 2 and re.search(r"[A-Za-z0-9]", word) and any(word == q.strip() for q in quoted):
                return (f".{node.func.attr}({argument.value!r}) removes any of those characters, not the {word!r} the instruction names "
                        f"(line {node.lineno}; str.remove{'suffix' if node.func.attr == 'rstrip' else 'prefix'} removes it)")
    return None


AFFIX_NAME = literal_gates.compile(r"(?:^|_)(?:prefix|suffix|affix|ext|extension)$", re.IGNORECASE)


def _affix_names(function: ast.AST) -> set:
    """The parameters of ``function`` named for an affix (``prefix``, ``file_suffix``), unless their
    default is one character (``attr_prefix="@"``: stripping every "@" is meant), and a loop's name over
    affixes the code spells (``for prefix in ("https://", "http://")``). Not a value the code tests with
    ``startswith``: a separator stripped whole (``path.lstrip(sep)``) is meant so."""
    positional = function.args.posonlyargs + function.args.args
    defaults = dict(zip([a.arg for a in positional][len(positional) - len(function.args.defaults):], function.args.defaults))
    defaults.update((a.arg, d) for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults) if d is not None)
    one_char = {name for name, d in defaults.items() if isinstance(d, ast.Constant) and isinstance(d.value, str) and len(d.value) <= 1}
    # for prefix in ("https://", "http://"): a name that only ever holds affixes the code spells (none of one character)
    looped = {n.target.id for n in nodes_of(function, ast.For) if isinstance(n.target, ast.Name) and isinstance(n.iter, (ast.Tuple, ast.List))
              and n.iter.elts and all(isinstance(e, ast.Constant) and isinstance(e.value, str) and AFFIX.search(e.value) for e in n.iter.elts)}
    return ({a.arg for a in positional + function.args.kwonlyargs if AFFIX_NAME.search(a.arg)} - one_char) | looped


def _functions(tree: ast.Module) -> Iterator[Tuple[ast.AST, Dict[str, ast.arg]]]:
    """Each function of the code with its parameters by name (for their names and annotations)."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        yield function, {a.arg: a for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs}


def _swapped_pattern(tree: ast.Module) -> Optional[str]:
    constants = _string_constants(tree)
    for function, params in _functions(tree):
        for node in nodes_of(function, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr in RE_CALLS
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and len(node.args) >= 2):
                continue
            first, second = node.args[0], node.args[1]
            pattern = second.value if isinstance(second, ast.Constant) and isinstance(second.value, str) else constants.get(getattr(second, "id", ""))
            if isinstance(first, ast.Name) and first.id in params and first.id not in constants and pattern is not None and REGEX.search(pattern):
                return f"re.{node.func.attr}({first.id}, {unparsed(second)[:30]}) passes the text as the pattern and the pattern as the text (line {node.lineno})"
    return None


TEXT_CLEANERS = frozenset({"lower", "upper", "casefold", "strip", "lstrip", "rstrip", "title"})


def _swapped_substitution(tree: ast.Module) -> Optional[str]:
    """``re.sub(line, r"\\s+", " ")``, ``re.sub(name.lower(), r"[^a-z0-9]", "")``: the text (perhaps
    lower-cased or stripped) where the pattern goes and a pattern with a class escape or a negated class
    where the replacement goes (a parameter named for a pattern, ``re.sub(pattern, "[X]", text)``, is not read).
    Or ``re.sub(r"\\s+", title, " ")``: the text parameter where the replacement goes and a literal as the text."""
    for function, params in _functions(tree):
        for node in nodes_of(function, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr in ("sub", "subn")
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "re" and len(node.args) >= 2):
                continue
            first, second = node.args[0], node.args[1]
            if isinstance(first, ast.Call) and isinstance(first.func, ast.Attribute) and first.func.attr in TEXT_CLEANERS and not first.args:
                first = first.func.value  # re.sub(name.lower(), r"[^a-z0-9]", ""): the text, lower-cased
            if (isinstance(first, ast.Name) and first.id in params and not re.search(r"pat|regex|rx|expr|re$", first.id)
                    and isinstance(second, ast.Constant) and isinstance(second.value, str) and re.search(r"\\[dwsDWS]|\[\^", second.value)):
                return (f"re.{node.func.attr}({unparsed(node.args[0])}, {unparsed(second)[:30]}, ...) passes the text as the pattern and the pattern "
                        f"as the replacement (line {node.lineno})")
            third = node.args[2] if len(node.args) > 2 else None
            if (isinstance(second, ast.Name) and second.id in params and not re.search(r"repl|replace|sub|with|mask|placeholder|fill|new|token|marker", second.id)
                    and isinstance(third, ast.Constant) and isinstance(third.value, str)):
                return (f"re.{node.func.attr}(..., {second.id}, {third.value!r}) (line {node.lineno}) passes the text as the replacement and "
                        f"{third.value!r} as the text (re.sub(pattern, repl, string)): the answer is always the same")
    return None


def _swapped_heap_selection(tree: ast.Module) -> Optional[str]:
    """``heapq.nlargest(bpm, k)`` with ``bpm: list[int]``: the count comes first, so this raises TypeError."""
    for function, params in _functions(tree):
        kinds = {name: unparsed(arg.annotation) for name, arg in params.items() if arg.annotation is not None}
        for node in nodes_of(function, ast.Call):
            if (isinstance(node.func, ast.Attribute) and node.func.attr in ("nlargest", "nsmallest") and len(node.args) >= 2
                    and unparsed(node.func.value) == "heapq"
                    and isinstance(node.args[0], ast.Name) and re.match(r"(?:list|List|Sequence|Iterable|tuple|Tuple)\b", kinds.get(node.args[0].id, ""))):
                return f"{unparsed(node)[:60]} (line {node.lineno}) passes the items where the count goes (heapq.{node.func.attr}(n, iterable))"
    return None


# A sequence of (name, amount) pairs: ``list[tuple[str, float]]``.
NAMED_AMOUNTS = literal_gates.compile(r"(?:list|List|Sequence|Iterable)\[(?:tuple|Tuple)\[str, (?:float|int|Decimal|decimal\.Decimal)\]\]")


def _ranked_by_the_wrong_part(tree: ast.Module) -> Optional[str]:
    """``heapq.nlargest(k, totals)`` with ``totals[chapter] += value``: a dict ranks by its keys, so this gives the k
    last chapter names, not the k highest totals; ``heapq.nlargest(k, trips)`` with ``trips: list[tuple[str, float]]``
    ranks the pairs by their names. Only with no ``key``."""
    for function, params in _functions(tree):
        pairs = {name for name, arg in params.items() if arg.annotation is not None and NAMED_AMOUNTS.fullmatch(unparsed(arg.annotation))}
        totals = {n.target.value.id for n in nodes_of(function, ast.AugAssign) if isinstance(n.op, ast.Add) and isinstance(n.target, ast.Subscript)
                  and isinstance(n.target.value, ast.Name)}
        bound = {**{n.target.id: n.value for n in nodes_of(function, ast.AnnAssign) if isinstance(n.target, ast.Name) and n.value is not None},
                 **values_bound_once(function)}  # totals: dict[str, Decimal] = defaultdict(Decimal)
        totals = {name for name in totals if name in bound and (isinstance(bound[name], (ast.Dict, ast.DictComp)) or isinstance(bound[name], ast.Call)
                                                                 and unparsed(bound[name].func) in ("dict", "defaultdict", "collections.defaultdict", "Counter", "collections.Counter"))}
        for node in nodes_of(function, ast.Call):
            if not (isinstance(node.func, ast.Attribute) and node.func.attr in ("nlargest", "nsmallest") and unparsed(node.func.value) == "heapq"
                    and len(node.args) == 2 and not node.keywords and isinstance(node.args[1], ast.Name)):
                continue
            ranked = node.args[1].id
            if ranked in totals:
                return f"{unparsed(node)[:60]} (line {node.lineno}) ranks the keys of {ranked}, not the totals it adds up (key={ranked}.get is meant)"
            if ranked in pairs:
                return f"{unparsed(node)[:60]} (line {node.lineno}) ranks the (name, amount) pairs of {ranked} by their names, not their amounts"
    return None


def _heap_call_on_an_item(tree: ast.Module) -> Optional[str]:
    """``heapq.heappush((score, name), heap)``: the heap comes first; a tuple or literal there raises TypeError.
    So does ``heapq.heappush(item, heap)`` with ``heap`` the list the code made (``heap = []``, ``self._heap = []``) and ``item`` not one."""
    lists = {unparsed(t) for n in nodes_of(tree, (ast.Assign, ast.AnnAssign)) if isinstance(n.value, ast.List)
             for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, (ast.Name, ast.Attribute))}  # heap, self._heap
    for node in nodes_of(tree, ast.Call):
        if not (isinstance(node.func, ast.Attribute) and node.func.attr in ("heappush", "heappop", "heapify", "heappushpop", "heapreplace")
                and unparsed(node.func.value) == "heapq" and node.args):
            continue
        first, second = node.args[0], node.args[1] if len(node.args) > 1 else None
        if isinstance(first, (ast.Tuple, ast.Constant, ast.JoinedStr)) or (
                isinstance(second, (ast.Name, ast.Attribute)) and unparsed(second) in lists and isinstance(first, ast.Name) and first.id not in lists):
            return f"{unparsed(node)[:60]} (line {node.lineno}) passes an item where the heap goes (heapq.{node.func.attr}(heap, ...))"
    return None


def _digest_of_a_length(tree: ast.Module) -> Optional[str]:
    """``hashlib.md5(data).hexdigest(8)``: only the SHAKE hashes take a length; md5's and sha's digests take no argument."""
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr in ("hexdigest", "digest") and node.args
                and isinstance(node.func.value, ast.Call) and isinstance(node.func.value.func, ast.Attribute)
                and unparsed(node.func.value.func.value) == "hashlib" and not node.func.value.func.attr.startswith("shake")):
            return f"{unparsed(node)[:60]} (line {node.lineno}): hashlib.{node.func.value.func.attr}'s {node.func.attr}() takes no length (slice it)"
    return None


def _compiled_substitution_swapped(tree: ast.Module) -> Optional[str]:
    """``PHONE.sub(note, "[phone]")`` with ``PHONE = re.compile(...)``: a pattern's sub takes the replacement first,
    so the text is written into a string literal and the note is lost."""
    compiled = {t.id for n in nodes_of(tree, ast.Assign) if isinstance(n.value, ast.Call) and unparsed(n.value.func) == "re.compile"
                for t in n.targets if isinstance(t, ast.Name)}
    for function, params in _functions(tree):
        for node in nodes_of(function, ast.Call):
            if (isinstance(node.func, ast.Attribute) and node.func.attr in ("sub", "subn") and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in compiled and len(node.args) == 2 and isinstance(node.args[0], ast.Name) and node.args[0].id in params
                    and isinstance(node.args[1], ast.Constant) and isinstance(node.args[1].value, str)):
                return f"{unparsed(node)[:60]} (line {node.lineno}) passes the text as the replacement and {node.args[1].value!r} as the text (pattern.sub(repl, string))"
    return None


def _is_len_of(node: ast.AST) -> Optional[str]:
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1:
        return unparsed(node.args[0])
    return None


def _randint_past_the_end(tree: ast.Module) -> Optional[str]:
    """``X[randint(0, len(X))]``, directly or through a name bound once to the draw."""
    draws: Dict[str, str] = {}
    for node in walk(tree):
        call = node.value if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) else None
        if isinstance(call, ast.Call) and getattr(call.func, "attr", getattr(call.func, "id", None)) == "randint" and len(call.args) == 2:
            of = _is_len_of(call.args[1])
            if of:
                draws[node.targets[0].id] = of
    for node in nodes_of(tree, ast.Subscript):
        if isinstance(node.slice, ast.Slice):
            continue
        index = node.slice
        if isinstance(index, ast.Call) and getattr(index.func, "attr", getattr(index.func, "id", None)) == "randint" and len(index.args) == 2:
            of = _is_len_of(index.args[1])
        else:
            of = draws.get(index.id) if isinstance(index, ast.Name) else None
        if of and of == unparsed(node.value):
            return f"{unparsed(node)[:50]}: randint includes len({of}), one past the last index (line {node.lineno})"
    return None


def _blocking_sleep(tree: ast.Module) -> Optional[str]:
    sleep_is_times = re.search(r"from\s+time\s+import[^\n]*\bsleep\b", unparsed(tree))  # a bare sleep() is time's
    for function in nodes_of(tree, ast.AsyncFunctionDef):
        for node in nodes_of(function, ast.Call):
            if (unparsed(node.func) == "time.sleep" or (isinstance(node.func, ast.Name) and node.func.id == "sleep" and sleep_is_times)):
                return f"{unparsed(node)} in the coroutine {function.name}() blocks the event loop (line {node.lineno}; await asyncio.sleep() yields to it)"
    return None


def _bool_option(tree: ast.Module) -> Optional[str]:
    for node in nodes_of(tree, ast.Call):
        if getattr(node.func, "attr", None) == "add_argument":
            for keyword in node.keywords:
                if keyword.arg == "type" and isinstance(keyword.value, ast.Name) and keyword.value.id == "bool":
                    return f"add_argument(..., type=bool) (line {node.lineno}): bool('False') is True, so the option cannot be switched off"
    return None


PATH_NAME = literal_gates.compile(r"(?:^|_)(?:path|filename|file_name|fname|filepath|file_path)$")


def _load_of_a_path(tree: ast.Module) -> Optional[str]:
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "load"
                and isinstance(node.func.value, ast.Name) and node.func.value.id in ("json", "pickle", "tomllib", "marshal") and node.args):
            arg = node.args[0]
            if (isinstance(arg, ast.Constant) and isinstance(arg.value, str)) or (isinstance(arg, ast.Name) and PATH_NAME.search(arg.id)):
                return f"{unparsed(node)[:50]} (line {node.lineno}) passes a path where {node.func.value.id}.load reads an open file"
    return None


def _open_files(tree: ast.Module) -> Dict[str, int]:
    """Names bound by ``with open(...) as f`` / ``with path.open() as f``: {name: line}."""
    files = {}
    for node in nodes_of(tree, (ast.With, ast.AsyncWith)):
        for item in node.items:
            call = item.context_expr
            opens = isinstance(call, ast.Call) and (
                (isinstance(call.func, ast.Name) and call.func.id == "open") or (isinstance(call.func, ast.Attribute) and call.func.attr == "open"))
            if opens and isinstance(item.optional_vars, ast.Name):
                files[item.optional_vars.id] = node.lineno
    return files


def _loads_of_a_file(tree: ast.Module) -> Optional[str]:
    files = _open_files(tree)
    stores = store_counts(tree)
    files = {name: line for name, line in files.items() if stores[name] == 1}  # f = f.read() makes it a string
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "loads"
                and isinstance(node.func.value, ast.Name) and node.func.value.id in ("json", "pickle", "tomllib", "marshal")
                and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in files):
            return f"{unparsed(node)[:50]} (line {node.lineno}) passes an open file where {node.func.value.id}.loads reads a string ({node.func.value.id}.load is meant)"
    return None


def _twelve_hour_without_meridiem(tree: ast.Module) -> Optional[str]:
    for node in walk(tree):
        call = getattr(node.func, "attr", None) if isinstance(node, ast.Call) else None
        if call in ("strptime", "strftime") and len(node.args) >= (2 if call == "strptime" else 1):
            pattern = node.args[1 if call == "strptime" else 0]
            if call == "strptime" and isinstance(pattern, ast.Constant) and isinstance(pattern.value, str) and "%H" in pattern.value and "%p" in pattern.value:
                return (f"strptime({pattern.value!r}) (line {node.lineno}): %p only sets the hour of a 12-hour clock (%I); with %H it is ignored, "
                        f"so 3:30 PM reads as 03:30")
            if isinstance(pattern, ast.Constant) and isinstance(pattern.value, str) and "%I" in pattern.value and "%p" not in pattern.value:
                if call == "strptime":
                    return f"strptime({pattern.value!r}) (line {node.lineno}): %I is the 12-hour clock and there is no %p, so an hour past 12 raises (%H is meant)"
                return f"strftime({pattern.value!r}) (line {node.lineno}): %I is the 12-hour clock and there is no %p, so 09:30 and 21:30 print alike (%H is meant)"
    return None


def _sum_of_timedeltas(value: Optional[ast.expr]) -> bool:
    """``sum((end - start for start, end in sessions), timedelta())``: a total of spans, as a timedelta."""
    return (isinstance(value, ast.Call) and getattr(value.func, "id", None) == "sum" and len(value.args) == 2
            and unparsed(value.args[1]) in ("timedelta()", "datetime.timedelta()", "timedelta(0)"))


EMPTY_SPANS = frozenset({"timedelta()", "datetime.timedelta()", "timedelta(0)", "timedelta(seconds=0)"})


def _seconds_of_a_difference(tree: ast.Module) -> Optional[str]:
    """``(end - start).seconds`` in code that works with datetimes and never reads ``.days``:
    ``timedelta.seconds`` is only the part under one day, never negative, so a span of a day or more,
    or one that runs backwards, comes out wrong (``total_seconds()`` is meant)."""
    text = unparsed(tree)
    if "datetime" not in text or re.search(r"\.days\b", text):
        return None
    for function in nodes_of(tree, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)):
        bindings: Dict[str, list] = {}
        for node in nodes_of(function, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                bindings.setdefault(node.targets[0].id, []).append(node.value)
            elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name) and isinstance(node.op, ast.Add):
                bindings.setdefault(node.target.id, []).append(node.value)  # total += end - start: a span added on
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and isinstance(node.target, ast.Name):
                bindings.setdefault(node.target.id, []).append(node.value if isinstance(node, ast.AnnAssign) else None)
        for node in nodes_of(function, ast.Attribute):
            if not (node.attr == "seconds" and isinstance(node.ctx, ast.Load)):
                continue
            receiver = node.value
            values = bindings.get(receiver.id, []) if isinstance(receiver, ast.Name) else [receiver]
            spans = [v for v in values if not (v is not None and unparsed(v) in EMPTY_SPANS)]  # total = timedelta(), the start of a running total
            spans = [v.args[0] if isinstance(v, ast.Call) and getattr(v.func, "id", None) == "abs" and len(v.args) == 1 else v for v in spans]  # abs(b - a): a span still
            if spans and all(isinstance(v, ast.BinOp) and isinstance(v.op, ast.Sub) or _sum_of_timedeltas(v) for v in spans):
                return (f"{unparsed(node)} (line {node.lineno}): timedelta.seconds leaves out whole days and is never negative "
                        "(total_seconds() is meant)")
    return None


SWAPPED_DATE_FIELDS = literal_gates.compile(r"%Y[-/.]?%M|%M[-/.]?%d|%d[-/.]?%M|%H:?%m|%m:%S|%I:?%m")


def _swapped_date_fields(tree: ast.Module) -> Optional[str]:
    """In ``strftime``/``strptime`` and in a date's format spec (``f"{when:%Y%m%d-%H%m}"``, ``format(d, "%H:%m")``)."""
    for node in walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", None) in ("strftime", "strptime"):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and SWAPPED_DATE_FIELDS.search(arg.value):
                    return f"{node.func.attr}({arg.value!r}) (line {node.lineno}): %M is the minute and %m the month"
        spec = None
        if isinstance(node, ast.FormattedValue) and isinstance(node.format_spec, ast.JoinedStr):
            spec = "".join(v.value for v in node.format_spec.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "format" and len(node.args) == 2 and isinstance(node.args[1], ast.Constant):
            spec = node.args[1].value if isinstance(node.args[1].value, str) else None
        if spec and SWAPPED_DATE_FIELDS.search(spec):
            return f"the format {spec!r} (line {node.lineno}): %M is the minute and %m the month"
    return None


MUTATING = frozenset({"append", "extend", "insert", "add", "update", "setdefault", "pop", "remove", "clear"})


def _mutated_attribute(cls: ast.ClassDef, attribute: str) -> Optional[ast.AST]:
    """A place in ``cls`` that changes ``self.<attribute>`` in place (``self.tags.append(t)``, ``self.tags[k] = v``)."""
    for node in walk(cls):
        target = node.func.value if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING else None
        target = target or (node.value if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) else None)
        target = target or (node.target if isinstance(node, ast.AugAssign) else None)
        if isinstance(target, ast.Attribute) and target.attr == attribute and getattr(target.value, "id", None) == "self":
            return node
    return None


def _mutated_attribute_item(cls: ast.ClassDef, attribute: str) -> Optional[ast.AST]:
    """A place that changes an item of ``self.<attribute>`` in place (``self.teams[t].append(p)``)."""
    for node in nodes_of(cls, ast.Call):
        if isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING and isinstance(node.func.value, ast.Subscript):
            holder = node.func.value.value
            if isinstance(holder, ast.Attribute) and holder.attr == attribute and getattr(holder.value, "id", None) == "self":
                return node
    return None


def _shared_default(tree: ast.Module) -> Optional[str]:
    owner = {id(f): c for c in nodes_of(tree, ast.ClassDef) for f in c.body if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))}
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        positional = function.args.posonlyargs + function.args.args
        defaults = dict(zip([a.arg for a in positional][len(positional) - len(function.args.defaults):], function.args.defaults))
        defaults.update({a.arg: d for a, d in zip(function.args.kwonlyargs, function.args.kw_defaults) if d is not None})
        rebound = {n.id for n in nodes_of(function, ast.Name) if isinstance(n.ctx, ast.Store)}
        for name, default in defaults.items():
            mutable = isinstance(default, (ast.List, ast.Dict, ast.Set)) or (isinstance(default, ast.Call) and getattr(default.func, "id", None) in ("list", "dict", "set"))
            if not mutable or name in rebound or re.search(r"memo|cache", name, re.IGNORECASE):
                continue
            for node in walk(function):
                target = node.func.value if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING else None
                target = target or (node.value if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store) else None)
                if isinstance(target, ast.Name) and target.id == name:
                    return f"{function.name}() changes its default {name}={unparsed(default)}, one object shared by every call (line {node.lineno})"
            cls = owner.get(id(function))
            kept = [t.attr for n in nodes_of(function, ast.Assign) if isinstance(n.value, ast.Name) and n.value.id == name
                    for t in n.targets if isinstance(t, ast.Attribute) and getattr(t.value, "id", None) == "self"] if cls is not None else []
            changed = next((place for place in (_mutated_attribute(cls, attr) for attr in kept) if place is not None), None)
            if changed is not None:
                return (f"{function.name}() keeps its default {name}={unparsed(default)} as an attribute that line {changed.lineno} changes: "
                        "every object made without it shares one")
    return None


def _appended_to_a_temporary(tree: ast.Module) -> Optional[str]:
    for node in walk(tree):
        call = node.value if isinstance(node, ast.Expr) else None
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in MUTATING
                and isinstance(call.func.value, ast.Call) and isinstance(call.func.value.func, ast.Attribute) and call.func.value.func.attr == "get"
                and len(call.func.value.args) == 2 and isinstance(call.func.value.args[1], (ast.List, ast.Dict, ast.Set))):
            return f"{unparsed(call)[:50]} (line {node.lineno}) changes the new {unparsed(call.func.value.args[1])} that get() returns for a missing key, which nothing keeps"
    return None


SHALLOW_COPIES = frozenset({"copy", "list", "dict"})


def _shallow_copy_of(value: ast.expr, params: Dict[str, ast.arg]) -> Optional[str]:
    """The parameter ``value`` copies one level deep (``copy.copy(p)``, ``p.copy()``, ``p[:]``, ``list(p)``), else None."""
    if isinstance(value, ast.Subscript) and isinstance(value.value, ast.Name) and isinstance(value.slice, ast.Slice) and not any(
        (value.slice.lower, value.slice.upper, value.slice.step)
    ):
        return value.value.id if value.value.id in params else None
    if not isinstance(value, ast.Call):
        return None
    if isinstance(value.func, ast.Attribute) and value.func.attr == "copy" and not value.args and isinstance(value.func.value, ast.Name):
        return value.func.value.id if value.func.value.id in params else None
    function = unparsed(value.func)
    if function in ("copy.copy", "copy", "list", "dict") and len(value.args) == 1 and isinstance(value.args[0], ast.Name):
        return value.args[0].id if value.args[0].id in params else None
    return None


def _write_through_an_item(function: ast.AST, name: str) -> Optional[ast.AST]:
    """The first write into an item of ``name`` (``name[i][j] = v``, ``name[k].append(x)``,
    ``name.setdefault(k, {}).update(d)``): it changes
    the inner object ``name[i]`` holds, not ``name`` itself."""
    for node in walk(function):
        inner = None
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            inner = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in MUTATING:
            inner = node.func.value
        if isinstance(inner, ast.Subscript) and isinstance(inner.value, ast.Name) and inner.value.id == name:
            return node
        if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute) and inner.func.attr in ("setdefault", "get")
                and isinstance(inner.func.value, ast.Name) and inner.func.value.id == name):
            return node  # name.setdefault(k, {}).update(...): the item it hands back is the original's
    return None


def _nested_write_to_a_shallow_copy(tree: ast.Module) -> Optional[str]:
    for function, params in _functions(tree):
        bindings: Dict[str, list] = {}
        for node in walk(function):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                bindings.setdefault(node.id, [])
            if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                bindings.setdefault(node.targets[0].id, []).append(node.value)
        for name, values in bindings.items():
            stores = [n for n in nodes_of(function, ast.Name) if n.id == name and isinstance(n.ctx, ast.Store)]
            source = _shallow_copy_of(values[0], params) if len(values) == 1 == len(stores) else None
            if source is None or name in params:
                continue
            rows_replaced = any(  # new[i] = row[:]: the copy gets rows of its own
                any(isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id == name
                    for t in (n.targets if isinstance(n, ast.Assign) else [n.target]))
                for n in nodes_of(function, (ast.Assign, ast.AugAssign, ast.AnnAssign))
            )
            if rows_replaced:
                continue
            node = _write_through_an_item(function, name)
            if node is not None:
                return (f"{name} is a shallow copy of {source} (line {values[0].lineno}), so {unparsed(node)[:40]} (line {node.lineno}) "
                        f"changes {source}'s own inner object too")
    return None


def _one_row_repeated(tree: ast.Module) -> Optional[str]:
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module)):
        for node in walk(function):
            value = node.value if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) else None
            if not (isinstance(value, ast.BinOp) and isinstance(value.op, ast.Mult)):
                continue
            repeated = value.left if isinstance(value.left, ast.List) else value.right if isinstance(value.right, ast.List) else None
            if repeated is None or len(repeated.elts) != 1 or not isinstance(repeated.elts[0], (ast.List, ast.ListComp, ast.Dict, ast.Set, ast.BinOp)):
                continue
            if isinstance(repeated.elts[0], ast.BinOp) and not isinstance(repeated.elts[0].left, ast.List):
                continue
            name = node.targets[0].id
            write = _write_through_an_item(function, name)
            if write is not None:
                return (f"{name} = {unparsed(value)[:30]} (line {node.lineno}) repeats one inner object, so {unparsed(write)[:30]} "
                        f"(line {write.lineno}) changes every row")
    return None


RE_FLAGS = literal_gates.compile(r"^(?:re\.)?(?:I|IGNORECASE|M|MULTILINE|S|DOTALL|X|VERBOSE|A|ASCII|U|UNICODE|L|LOCALE)$")
COUNT_POSITION = {"sub": 3, "subn": 3, "split": 2}  # the positional index where count (maxsplit) goes


def _flag_as_count(tree: ast.Module) -> Optional[str]:
    for node in nodes_of(tree, ast.Call):
        if not (isinstance(node.func, ast.Attribute) and node.func.attr in COUNT_POSITION
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            continue
        position = COUNT_POSITION[node.func.attr]
        if len(node.args) > position and all(RE_FLAGS.match(unparsed(part)) for part in _or_parts(node.args[position])):
            return (f"re.{node.func.attr}(..., {unparsed(node.args[position])}) (line {node.lineno}) passes the flag where the count goes: "
                    f"it is never applied (flags= is meant)")
    return None


def _or_parts(node: ast.expr) -> list:
    """``re.I | re.M`` -> [re.I, re.M]."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _or_parts(node.left) + _or_parts(node.right)
    return [node]


IDENTITY_OF_VALUES = ("lower", "upper", "strip", "lstrip", "rstrip", "casefold", "title", "replace", "join", "format", "capitalize")


def _made_at_run_time(node: ast.expr) -> bool:
    """A string or number made when the code runs (a str method's result, an f-string, arithmetic, a non-empty literal)."""
    if isinstance(node, ast.Constant):
        return type(node.value) in (str, int, float)
    if isinstance(node, (ast.JoinedStr, ast.BinOp)):
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in IDENTITY_OF_VALUES


def _identity_of_values(tree: ast.Module) -> Optional[str]:
    for node in nodes_of(tree, ast.Compare):
        if any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
            sides = [node.left] + node.comparators
            for op, left, right in zip(node.ops, sides, sides[1:]):
                if isinstance(op, (ast.Is, ast.IsNot)) and (_made_at_run_time(left) or _made_at_run_time(right)):
                    return f"{unparsed(node)[:50]} (line {node.lineno}) compares identity with 'is'; equal strings or numbers may be distinct objects ('==' is meant)"
    return None


def _last_run_dropped(tree: ast.Module) -> Optional[str]:
    """A longest run kept only when a run ends (``else: best = max(best, current); current = 0``) and
    returned as it is: a run that lasts to the end of the loop is never counted."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for loop in (n for n in function.body if isinstance(n, ast.For)):
            ifs = [n for n in loop.body if isinstance(n, ast.If) and n.orelse]
            for branch in ifs:
                kept = [s for s in branch.orelse if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)
                        and isinstance(s.value, ast.Call) and getattr(s.value.func, "id", None) == "max"]
                reset = [s for s in branch.orelse if isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name)
                         and constant_value(s.value) == 0]
                if not kept or not reset:
                    continue
                best, current = kept[0].targets[0].id, reset[0].targets[0].id
                if current not in {getattr(a, "id", None) for a in kept[0].value.args}:
                    continue
                elsewhere = [n for n in nodes_of(function, ast.Call) if getattr(n.func, "id", None) == "max" and n is not kept[0].value
                             and current in {getattr(a, "id", None) for a in n.args}]
                returned = [n for n in function.body if isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == best]
                if returned and not elsewhere:
                    return f"{best} takes {current} only when a run breaks (line {kept[0].lineno}): a run that lasts to the end is never counted"
    return None


def _statements_and_what_follows(body: list) -> Iterator[Tuple[ast.stmt, list]]:
    """Each statement of ``body`` with the statements after it; and those of an ``if`` in it (``if lines:
    programme.append(lines)``), with what follows that ``if`` in ``body``."""
    for i, statement in enumerate(body):
        yield statement, body[i + 1:]
        if isinstance(statement, ast.If):
            for j, inner in enumerate(statement.body):
                yield inner, statement.body[j + 1:] + body[i + 1:]


def _restarts(statement: ast.stmt, name: str) -> bool:
    """``current = []``, or ``current, weight = [], 0.0``: the chunk started afresh."""
    if not (isinstance(statement, ast.Assign) and len(statement.targets) == 1):
        return False
    target, value = statement.targets[0], statement.value
    if isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts):
        return any(unparsed(t) == name and unparsed(v) in ("[]", "list()") for t, v in zip(target.elts, value.elts))
    return unparsed(target) == name and unparsed(value) in ("[]", "list()")


def _last_chunk_dropped(tree: ast.Module) -> Optional[str]:
    """``if current and ...: batches.append(current); current = []`` (or ``runs.append((floor, current))``) inside the
    loop, then ``current.append(line)``, and
    after the loop ``return batches`` with no look at ``current``: the last batch, still open when the items run out,
    is never added."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for index, loop in enumerate(function.body):
            if not isinstance(loop, (ast.For, ast.AsyncFor)):
                continue
            for at, branch in ((at, n) for at, n in enumerate(loop.body) if isinstance(n, ast.If)):  # the chunk closed before the item joins one
                for statement, following in _statements_and_what_follows(branch.body):
                    call = statement.value if isinstance(statement, ast.Expr) else None
                    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "append" and len(call.args) == 1
                            and isinstance(call.func.value, ast.Name)):
                        continue
                    added = [call.args[0]] if isinstance(call.args[0], ast.Name) else call.args[0].elts if isinstance(call.args[0], ast.Tuple) else []
                    chunks = call.func.value.id  # runs.append(current), or runs.append((floor, current)) with the chunk in a tuple
                    current = next((a.id for a in added if isinstance(a, ast.Name) and any(_restarts(t, a.id) for t in following)), None)
                    if current is None:
                        continue  # no chunk of its own is started afresh after it is added
                    grown = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("append", "extend")
                                and isinstance(n.func.value, ast.Name) and n.func.value.id == current for later in loop.body[at + 1:] for n in walk(later))
                    after = function.body[index + 1:]
                    looked = any(isinstance(n, ast.Name) and n.id == current for statement in after for n in walk(statement))
                    returned = any(isinstance(n, ast.Return) and isinstance(n.value, ast.Name) and n.value.id == chunks for n in after)
                    if grown and returned and not looked:
                        return (f"{chunks}.append({unparsed(call.args[0])[:40]}) only when a new one starts (line {call.lineno}), and nothing adds the last "
                                f"{current} after the loop: the last chunk is lost")
    return None


def _run_counted_only_when_it_ends(tree: ast.Module) -> Optional[str]:
    """Runs counted where one ends (``elif in_spell: spells += 1; in_spell = False``) and the count returned
    with no look at the flag after the loop: a run that lasts to the last item is never counted."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for index, loop in enumerate(function.body):
            if not isinstance(loop, ast.For):
                continue
            flags = {n.targets[0].id for n in nodes_of(loop, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                     and isinstance(n.value, ast.Constant) and n.value.value is True}
            for branch in (n for n in nodes_of(loop, ast.If)):
                flag = next((n.id for n in nodes_of(branch.test, ast.Name) if n.id in flags), None)
                counted = next((s.target.id for s in branch.body if isinstance(s, ast.AugAssign) and isinstance(s.op, ast.Add) and isinstance(s.target, ast.Name)), None)
                cleared = any(isinstance(s, ast.Assign) and len(s.targets) == 1 and getattr(s.targets[0], "id", None) == flag
                              and isinstance(s.value, ast.Constant) and s.value.value is False for s in branch.body)
                if flag is None or counted is None or not cleared:
                    continue
                if _returned_without_a_last_look(function.body[index + 1:], flag, counted):
                    return f"{counted} grows only when a run ends (line {branch.lineno}): a run that lasts to the end is never counted"
    return None


def _returned_without_a_last_look(after: list, watched: str, returned: str) -> bool:
    """The statements after a loop never read ``watched`` (the run still open) and return ``returned`` as it stands."""
    if any(isinstance(n, ast.Name) and n.id == watched for statement in after for n in walk(statement)):
        return False
    return any(isinstance(s, ast.Return) and isinstance(s.value, ast.Name) and s.value.id == returned for s in after)


def _grown(body: list) -> Optional[str]:
    """The name a branch adds to (``current += 1``): a run's length as it grows."""
    return next((s.target.id for s in body if isinstance(s, ast.AugAssign) and isinstance(s.op, ast.Add) and isinstance(s.target, ast.Name)), None)


def _resets(body: list, name: str) -> bool:
    """The branch assigns ``name`` anew (``current = 1``): the run starts over there."""
    return any(isinstance(s, ast.Assign) and any(getattr(t, "id", None) == name for t in s.targets) for s in body)


def _runs_closed_only_when_they_break(tree: ast.Module, branches, flatten, closes):
    """Each ``(branch, current, closed)``: in a top-level ``for`` loop of a function, one side of an ``if``/``else``
    grows ``current`` (:func:`_grown`) and the other hands it to ``closed`` (``closes(body, current)`` names it) and
    starts it over, and the statements after the loop return ``closed`` without a last look at ``current``.
    ``branches(loop)`` gives the nodes searched for the ``if``; ``flatten(orelse)`` the else side's statements."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for index, loop in enumerate(function.body):
            if not isinstance(loop, ast.For):
                continue
            for branch in (n for n in branches(loop) if isinstance(n, ast.If) and n.orelse):
                for growing, breaking in ((branch.body, flatten(branch.orelse)), (branch.orelse, branch.body)):
                    current = _grown(growing)
                    closed = closes(breaking, current) if current else None
                    if closed is None or closes(growing, current) or not _resets(breaking, current):
                        continue
                    if _returned_without_a_last_look(function.body[index + 1:], current, closed):
                        yield branch, current, closed


def _best_taken_only_when_a_run_breaks(tree: ast.Module) -> Optional[str]:
    """``if cur > prev: current += 1`` / ``else: best = max(best, current); current = 1`` and then ``return best``
    with nothing after the loop looking at ``current``: a run that lasts to the last item never counts."""
    def takes_best(body, current):
        for s in body:
            if (isinstance(s, ast.Assign) and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name) and isinstance(s.value, ast.Call)
                    and getattr(s.value.func, "id", None) == "max" and any(isinstance(a, ast.Name) and a.id == current for a in s.value.args)):
                return s.targets[0].id
        return None

    for branch, _, best in _runs_closed_only_when_they_break(tree, ast.walk, lambda body: body, takes_best):
        return f"{best} is taken only where a run breaks (line {branch.lineno}): a run that lasts to the last item is never compared"
    return None


def _run_recorded_only_when_it_breaks(tree: ast.Module) -> Optional[str]:
    """``if seat == ".": current += 1`` / ``elif current: runs.append(current); current = 0`` and then ``return runs``
    with nothing after the loop looking at ``current``: a run that lasts to the last item is never recorded."""
    def flattened(body):  # an ``elif`` branch's own statements
        return [t for s in body for t in (s.body if isinstance(s, ast.If) else [s])]

    def recorded(body, current):  # runs.append(current), or episodes.append((first, last, current))
        return next((s.value.func.value.id for s in body if isinstance(s, ast.Expr) and isinstance(s.value, ast.Call) and isinstance(s.value.func, ast.Attribute)
                     and s.value.func.attr == "append" and isinstance(s.value.func.value, ast.Name)
                     and any(isinstance(a, ast.Name) and a.id == current or isinstance(a, ast.Tuple) and any(isinstance(e, ast.Name) and e.id == current for e in a.elts)
                             for a in s.value.args)), None)

    for branch, current, runs in _runs_closed_only_when_they_break(tree, lambda loop: loop.body, flattened, recorded):
        return f"{runs} takes {current} only where a run breaks (line {branch.lineno}): a run that lasts to the last item is never recorded"
    return None


def _emitted(statement: ast.stmt) -> set:
    """Names an emitting statement hands on: ``yield day, min(temps)``, ``groups.append((day, temps))``."""
    value = statement.value if isinstance(statement, ast.Expr) else None
    if isinstance(value, (ast.Yield, ast.YieldFrom)) and value.value is not None:
        return {n.id for n in walk(value.value) if isinstance(n, ast.Name)}
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in ("append", "extend") and value.args:
        return {n.id for a in value.args for n in walk(a) if isinstance(n, ast.Name)}
    return set()


def _grows(statement: ast.stmt, name: str) -> bool:
    """``temps.append(t)``, ``temps += [t]``, ``count += 1``: the statement adds to ``name``."""
    if isinstance(statement, ast.AugAssign) and isinstance(statement.target, ast.Name) and statement.target.id == name:
        return True
    value = statement.value if isinstance(statement, ast.Expr) else None
    return (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in ("append", "add", "extend")
            and isinstance(value.func.value, ast.Name) and value.func.value.id == name)


def _last_group_left_in_the_loop(tree: ast.Module) -> Optional[str]:
    """``if day != current: yield current, min(temps), ...; temps = []`` and then ``temps.append(t)`` below it, in a
    function's top-level ``for`` loop, with nothing after the loop reading ``temps``: a group is handed on only when
    the next one starts, so the last group (the last day of the readings) is never handed on."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for index, loop in enumerate(function.body):
            if not isinstance(loop, ast.For):
                continue
            for at, branch in enumerate(loop.body):
                if not isinstance(branch, ast.If) or branch.orelse:
                    continue
                for name in sorted(set().union(*(_emitted(s) for s in branch.body))):
                    first = next(i for i, s in enumerate(branch.body) if name in _emitted(s))
                    later = loop.body[at + 1:]  # handed on, then started over (not a new list handed on as it starts: it fills in place)
                    if _resets(branch.body[first + 1:], name) and any(_grows(s, name) for s in later) \
                            and not any(isinstance(n, ast.Name) and n.id == name for s in function.body[index + 1:] for n in walk(s)):
                        return (f"{name} is handed on only when the next group starts (line {branch.lineno}) and nothing after the loop "
                                f"hands on what it holds: the last group is never handed on")
    return None


def _first_pair_skipped(tree: ast.Module) -> Optional[str]:
    """``for i in range(1, len(stops) - 1): total += dist(stops[i], stops[i + 1])``: pairs of neighbours read as
    ``i`` and ``i + 1`` from 1 on, so the first pair (``stops[0]``, ``stops[1]``) is never read (a scan of middle
    items that also reads ``i - 1`` is another thing)."""
    for loop in nodes_of(tree, ast.For):
        if not (isinstance(loop.target, ast.Name) and isinstance(loop.iter, ast.Call)
                and getattr(loop.iter.func, "id", None) == "range" and len(loop.iter.args) == 2 and isinstance(loop.iter.args[0], ast.Constant)
                and loop.iter.args[0].value == 1):
            continue
        stop = loop.iter.args[1]
        if not (isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.Sub) and isinstance(stop.right, ast.Constant) and stop.right.value == 1
                and isinstance(stop.left, ast.Call) and getattr(stop.left.func, "id", None) == "len" and len(stop.left.args) == 1
                and isinstance(stop.left.args[0], ast.Name)):
            continue
        seq, index = stop.left.args[0].id, loop.target.id
        offsets = set()
        for node in nodes_of(loop, ast.Subscript):
            if isinstance(node.value, ast.Name) and node.value.id == seq:
                at = node.slice
                if isinstance(at, ast.Name) and at.id == index:
                    offsets.add(0)
                elif isinstance(at, ast.BinOp) and isinstance(at.left, ast.Name) and at.left.id == index and isinstance(at.right, ast.Constant):
                    offsets.add(at.right.value if isinstance(at.op, ast.Add) else -at.right.value if isinstance(at.op, ast.Sub) else None)
                else:
                    offsets.add(None)
        if offsets == {0, 1}:
            return f"{unparsed(loop.iter)} (line {loop.lineno}) reads {seq}[{index}] and {seq}[{index} + 1] from 1 on, so the first pair is never read"
    return None


def _merged_end_overwritten(tree: ast.Module) -> Optional[str]:
    """``for start, end in sorted(intervals): if start <= cur_end: cur_end = end``: an interval inside the merged
    one pulls its end back (``max(cur_end, end)`` is meant), so what follows is counted as a gap."""
    for loop in nodes_of(tree, ast.For):
        if not (isinstance(loop.target, ast.Tuple) and len(loop.target.elts) == 2
                and all(isinstance(e, ast.Name) for e in loop.target.elts)):
            continue
        start, end = (e.id for e in loop.target.elts)
        for branch in (n for n in nodes_of(loop, ast.If)):
            test = branch.test  # ``start <= cur_end``, or ``merged and start <= merged[-1][1]``
            if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
                test = next((v for v in test.values if isinstance(v, ast.Compare)), None)
            if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
                continue
            sides = [test.left, test.comparators[0]]
            # ``cur_end``, or the last merged interval's end ``merged[-1][1]``
            other = next((x for x in sides if isinstance(x, ast.Name) and x.id != start or isinstance(x, ast.Subscript)), None)
            op = test.ops[0]
            overlaps = (getattr(sides[0], "id", None) == start and isinstance(op, (ast.LtE, ast.Lt))
                        or getattr(sides[1], "id", None) == start and isinstance(op, (ast.GtE, ast.Gt)))
            if other is None or not overlaps:
                continue  # start >= last_end: a meeting taken after the last, not one merged into it
            for statement in branch.body:
                if (isinstance(statement, ast.Assign) and len(statement.targets) == 1 and ast.dump(statement.targets[0], annotate_fields=False).replace("Store", "Load")
                        == ast.dump(other, annotate_fields=False) and isinstance(statement.value, ast.Name) and statement.value.id == end):
                    other = unparsed(other)
                    return f"{other} = {end} (line {statement.lineno}) pulls the merged end back when an interval lies inside it (max({other}, {end}) is meant)"
    return None


NUMBERS = frozenset({"int", "float", "Decimal", "Fraction"})


def _tally_of(annotation: Optional[ast.expr], depth: int) -> bool:
    """``dict[str, int]`` (depth 0), ``dict[str, dict[str, int]]`` (depth 1: its values are tallies)."""
    if not (isinstance(annotation, ast.Subscript) and unparsed(annotation.value) in ("dict", "Dict", "Mapping", "typing.Dict")
            and isinstance(annotation.slice, ast.Tuple) and len(annotation.slice.elts) == 2 and unparsed(annotation.slice.elts[0]) == "str"):
        return False
    value = annotation.slice.elts[1]
    return unparsed(value) in NUMBERS if depth == 0 else _tally_of(value, depth - 1)


def _largest_name_of_a_tally(tree: ast.Module) -> Optional[str]:
    """``max(tally)`` of a ``dict[str, int]`` with no ``key=``: the name last in alphabetical order, not the one with
    the most (``max(tally, key=tally.get)`` is meant); also of the tallies in ``for precinct, tally in results.items()``."""
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        arguments = function.args.posonlyargs + function.args.args + function.args.kwonlyargs
        tallies = {a.arg for a in arguments if _tally_of(a.annotation, 0)}
        nested = {a.arg for a in arguments if _tally_of(a.annotation, 1)}
        for loop in nodes_of(function, (ast.For, ast.comprehension)):
            if (isinstance(loop.target, ast.Tuple) and len(loop.target.elts) == 2
                    and isinstance(loop.target.elts[1], ast.Name) and isinstance(loop.iter, ast.Call) and isinstance(loop.iter.func, ast.Attribute)
                    and loop.iter.func.attr == "items" and isinstance(loop.iter.func.value, ast.Name) and loop.iter.func.value.id in nested):
                tallies.add(loop.target.elts[1].id)
        rebound = {t.id for n in nodes_of(function, (ast.Assign, ast.AnnAssign, ast.AugAssign))
                   for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
        counters = _counters(function, only=True)
        for node in walk(function):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "min") and len(node.args) == 1 and not node.keywords
                    and isinstance(node.args[0], ast.Name) and node.args[0].id in tallies - rebound):
                return f"{unparsed(node)} (line {node.lineno}) compares the names of a tally of numbers, not the numbers (key= is meant)"
            # heapq.nlargest(k, tally) ranks the names; heapq.nlargest(k, counts.items()) ranks the pairs by name first
            ranked = node.args[1] if isinstance(node, ast.Call) and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in ("nlargest", "nsmallest") \
                and len(node.args) == 2 and not node.keywords else None
            pairs = ranked.func.value if isinstance(ranked, ast.Call) and getattr(ranked.func, "attr", None) == "items" and not ranked.args else None
            if (isinstance(ranked, ast.Name) and ranked.id in (tallies - rebound) | counters
                    or isinstance(pairs, ast.Name) and pairs.id in (tallies - rebound) | counters):
                return f"{unparsed(node)[:60]} (line {node.lineno}) ranks a tally by its names, not by its numbers (key= is meant)"
    return None


def _rounded_then_scaled(tree: ast.Module) -> Optional[str]:
    """``round(on_time / total, 1) * 100``: the fraction is rounded before it becomes a percentage, so 2/3 gives
    70.0 (and float noise such as 56.99999999999999), not 66.7."""
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
            for rounded, factor in ((node.left, node.right), (node.right, node.left)):
                if (isinstance(rounded, ast.Call) and getattr(rounded.func, "id", None) == "round" and len(rounded.args) == 2
                        and constant_value(factor) in (100, 100.0, 1000, 1000.0)):
                    return f"{unparsed(node)[:50]} (line {node.lineno}) rounds before it scales: the digits kept are the fraction's, not the result's"
    return None


def _default_added_twice(tree: ast.Module) -> Optional[str]:
    """``merged[name] = merged.get(name, votes) + votes``: a key met for the first time starts from the amount it adds, so
    its first amount counts twice (``get(name, 0)`` is meant)."""
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
            continue
        for call, added in ((node.left, node.right), (node.right, node.left)):
            if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "get" and len(call.args) == 2
                    and isinstance(call.args[1], (ast.Name, ast.Subscript, ast.Attribute)) and ast.dump(call.args[1]) == ast.dump(added)):
                return f"{unparsed(node)[:60]} (line {node.lineno}) starts a new key from the amount it adds: its first amount counts twice"
    return None


def _item_lost_to_zip(tree: ast.Module) -> Optional[str]:
    """``head = [x for x, _ in zip(it, range(n))]`` then ``it`` read again: ``zip`` takes the next item of ``it``
    before it finds ``range`` spent, so one item is lost between the head and the rest (``islice`` is meant)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        iterators = {t.id for n in nodes_of(function, ast.Assign) if isinstance(n.value, ast.Call)
                     and getattr(n.value.func, "id", None) == "iter" for t in n.targets if isinstance(t, ast.Name)}
        for node in nodes_of(function, ast.Call):
            if (getattr(node.func, "id", None) == "zip" and len(node.args) == 2
                    and isinstance(node.args[0], ast.Name) and node.args[0].id in iterators
                    and isinstance(node.args[1], ast.Call) and getattr(node.args[1].func, "id", None) == "range"):
                name = node.args[0].id
                later = [n for n in nodes_of(function, ast.Name) if n.id == name and isinstance(n.ctx, ast.Load)
                         and (n.lineno, n.col_offset) > (node.end_lineno, node.end_col_offset)]
                if later:
                    return (f"{unparsed(node)[:40]} (line {node.lineno}) takes one more item from {name} before range() runs out, "
                            f"and {name} is read again (line {later[0].lineno}): that item is lost")
    return None


def _minutes_made_positive(tree: ast.Module) -> Optional[str]:
    """``(h2 - h1) * 60 + abs(m2 - m1)``: from 10:50 to 11:10 is 20 minutes, not 60 + 40: the minutes' difference
    is borrowed from the hours when it is negative, never made positive."""
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
            continue
        for hours, minutes in ((node.left, node.right), (node.right, node.left)):
            if (isinstance(hours, ast.BinOp) and isinstance(hours.op, ast.Mult) and 60 in (getattr(hours.left, "value", None), getattr(hours.right, "value", None))
                    and any(isinstance(side, ast.BinOp) and isinstance(side.op, ast.Sub) for side in (hours.left, hours.right))
                    and isinstance(minutes, ast.Call) and getattr(minutes.func, "id", None) == "abs" and len(minutes.args) == 1
                    and isinstance(minutes.args[0], ast.BinOp) and isinstance(minutes.args[0].op, ast.Sub)):
                return f"{unparsed(node)[:60]} (line {node.lineno}) makes the minutes' difference positive where it borrows an hour: 10:50 to 11:10 gives 80"
    return None


def _clock_read_as_decimal(tree: ast.Module) -> Optional[str]:
    """``float(t.replace(":", "."))`` for an "h:mm" time: "1:45" becomes 1.45 hours, where it is 1.75: the
    minutes are sixtieths, not hundredths."""
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("float", "Decimal") and len(node.args) == 1
                and isinstance(node.args[0], ast.Call) and isinstance(node.args[0].func, ast.Attribute) and node.args[0].func.attr == "replace"
                and [getattr(a, "value", None) for a in node.args[0].args[:2]] == [":", "."]):
            return f"{unparsed(node)[:50]} (line {node.lineno}) reads a clock time as a decimal: \"1:45\" becomes 1.45, where the minutes are sixtieths"
    return None


def _clock_digits_subtracted(tree: ast.Module) -> Optional[str]:
    """``int(check_out.replace(":", "")) - int(check_in.replace(":", ""))``: "10:05" and "09:55" become 1005 and 955, 50
    apart, not 10 minutes. Read where a number made of a clock time's digits is subtracted or added."""
    def clock(node) -> bool:
        return (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "int" and len(node.args) == 1 and isinstance(node.args[0], ast.Call)
                and isinstance(node.args[0].func, ast.Attribute) and node.args[0].func.attr == "replace" and len(node.args[0].args) == 2
                and [getattr(a, "value", None) for a in node.args[0].args] == [":", ""])
    digits = {t.id for n in walk_outside_asserts(tree) if isinstance(n, ast.Assign) and clock(n.value) for t in n.targets if isinstance(t, ast.Name)}
    for node in walk_outside_asserts(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Sub, ast.Add)) and any(
                clock(side) or isinstance(side, ast.Name) and side.id in digits for side in (node.left, node.right)):
            return f"{unparsed(node)[:50]} (line {node.lineno}) does arithmetic on a clock time's digits: an hour is 100 of them, not 60"
    return None


def _minutes_never_carried(tree: ast.Module) -> Optional[str]:
    """``minutes += duration % 60`` and ``f"{hours:02d}:{minutes:02d}"`` with nothing that takes 60 minutes back out:
    09:50 plus 20 minutes prints "09:70"."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        added = [n for n in nodes_of(function, ast.AugAssign) if isinstance(n.op, ast.Add) and isinstance(n.target, ast.Name)
                 and re.fullmatch(r"minutes?|mins?|mm|m", n.target.id)]
        for node in added:
            name = node.target.id
            carried = any(isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Mod, ast.FloorDiv)) and isinstance(n.left, ast.Name) and n.left.id == name
                          or isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and n.target.id == name and isinstance(n.op, (ast.Mod, ast.Sub))
                          or isinstance(n, ast.Call) and getattr(n.func, "id", None) == "divmod" and any(isinstance(a, ast.Name) and a.id == name for a in n.args)
                          or isinstance(n, ast.Compare) and any(m.id == name for m in nodes_of(n, ast.Name))
                          for n in walk(function))
            shown = any(isinstance(n.value, ast.Name) and n.value.id == name for n in nodes_of(function, ast.FormattedValue))
            if not carried and shown:
                return f"{unparsed(node)} (line {node.lineno}) may pass 59 and nothing carries it into the hours before it is shown"
    return None


def _shifted_month_unwrapped(tree: ast.Module) -> Optional[str]:
    """``(d.month - 4) // 3 + 1`` for a year that starts in April: January to March give 0 and below (``% 12`` is meant)."""
    text = unparsed(tree)
    if "% 12" in text or "%12" in text:
        return None
    for node in walk_outside_asserts(tree):
        if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv) and isinstance(node.left, ast.BinOp) and isinstance(node.left.op, ast.Sub)
                and isinstance(node.left.left, ast.Attribute) and node.left.left.attr == "month" and constant_value(node.left.right) is not None
                and constant_value(node.left.right) >= 2):
            month = unparsed(node.left.left)
            if any(isinstance(n, ast.Compare) and month in unparsed(n) for n in walk_outside_asserts(tree)):
                continue  # ``if d.month >= 4``: the early months handled apart
            return f"{unparsed(node)} (line {node.lineno}) is 0 or below for the months before the shift: nothing wraps it round the year"
    return None


def _days_apart_by_day_of_month(tree: ast.Module) -> Optional[str]:
    """``day.day - previous.day == 1`` for consecutive days: 31 May and 1 June differ by -30, so a run
    across a month's end breaks (``(day - previous).days == 1`` is meant)."""
    if ".day" not in unparsed(tree):
        return None
    for node in walk_outside_asserts(tree):
        if not (isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.Eq, ast.NotEq)) and constant_value(node.comparators[0]) == 1):
            continue
        left = node.left
        if isinstance(left, ast.BinOp) and isinstance(left.op, ast.Sub) and all(isinstance(side, ast.Attribute) and side.attr == "day" for side in (left.left, left.right)) \
                and unparsed(left.left.value) != unparsed(left.right.value):
            return f"{unparsed(node)[:40]} (line {node.lineno}) compares days of the month: a run across a month's end breaks ((a - b).days is meant)"
    return None


def _binary_exact(value: float) -> bool:
    """A float a binary fraction holds exactly (0.5, 0.25, 3.0): its Decimal is the number written."""
    return (value * 1024).is_integer()


def _decimal_of_a_float(tree: ast.Module) -> Optional[str]:
    """``Decimal(price)`` with ``price: float``, ``Decimal(float(text))``, or of an expression with a float written in it (``Decimal(litres * weeks *
    RATE)``, ``RATE = 0.0535`` at the top): the Decimal holds the float's binary value (2.675 is 2.67499...), so rounding
    half up gives 2.67 (``Decimal(str(price))`` is meant)."""
    if not any(getattr(n.func, "id", None) == "Decimal" for n in nodes_of(tree, ast.Call)):
        return None  # no Decimal(...) call: no constant below needs reading
    stores = store_counts(tree)
    constants = {n.targets[0].id for n in tree.body if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)
                 and isinstance(n.value, ast.Constant) and type(n.value.value) is float and not _binary_exact(n.value.value) and stores[n.targets[0].id] == 1}
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        arguments = function.args.posonlyargs + function.args.args
        floats = {a.arg for a in arguments if a.annotation is not None and unparsed(a.annotation) == "float"}
        float_lists = {a.arg for a in arguments if a.annotation is not None and FLOAT_LIST.fullmatch(unparsed(a.annotation))}
        floats |= {n.target.id for n in nodes_of(function, (ast.For, ast.comprehension))  # for fee in fees, with fees: list[float]
                   if isinstance(n.target, ast.Name) and isinstance(n.iter, ast.Name) and n.iter.id in float_lists}

        def floating(node) -> bool:  # weight_kg * rate_per_kg of two floats; litres * weeks * RATE with RATE = 0.0535
            return (isinstance(node, ast.Name) and node.id in floats | constants
                    or isinstance(node, ast.Constant) and type(node.value) is float and not _binary_exact(node.value)
                    or isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float" and len(node.args) == 1
                    and not (isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, (int, float)))  # Decimal(float(cleaned))
                    or isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Add, ast.Sub, ast.Div)) and (floating(node.left) or floating(node.right)))

        for node in nodes_of(function, ast.Call):
            if getattr(node.func, "id", None) == "Decimal" and len(node.args) == 1 and floating(node.args[0]):
                return f"{unparsed(node)} (line {node.lineno}) keeps the float's binary error (2.675 is 2.67499...); Decimal(str(...)) is meant"
    return None


# A parameter annotated as a sequence of floats: its items are floats.
FLOAT_LIST = literal_gates.compile(r"(?:list|List|Sequence|Iterable|tuple|Tuple)\[float(?:, \.\.\.)?\]")


def _quantized_to_a_count(tree: ast.Module) -> Optional[str]:
    """``amount.quantize(2)``: quantize takes an exponent shaped like the result (``Decimal("0.01")``), and the
    int 2 has exponent 0, so this rounds to whole units, not two places."""
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr == "quantize" and node.args
                and isinstance(node.args[0], ast.Constant) and type(node.args[0].value) is int and node.args[0].value not in (0, 1)):
            return f"{unparsed(node)[:50]} (line {node.lineno}) rounds to whole units: quantize takes an exponent like Decimal('0.01'), not a count of places"
    return None


TRIG = frozenset({"sin", "cos", "tan"})
DEGREES_NAME = literal_gates.compile(r"(?:^|_)(?:deg|degs|degrees|bearing|heading|compass)(?:_|$)")


def _trig_of_degrees(tree: ast.Module) -> Optional[str]:
    """``math.sin(direction_deg)``: the trigonometric functions take radians, and nothing in the code converts
    (no ``radians``, ``pi``, ``/ 180``)."""
    text = unparsed(tree)
    if re.search(r"\bradians\b|\bpi\b|/\s*180\b|\b180\s*/|\bdeg2rad\b|0\.01745", text):
        return None
    for node in nodes_of(tree, ast.Call):
        if (isinstance(node.func, ast.Attribute) and node.func.attr in TRIG and unparsed(node.func.value) == "math"
                and len(node.args) == 1 and isinstance(node.args[0], ast.Name) and DEGREES_NAME.search(node.args[0].id.lower())):
            return f"{unparsed(node)} (line {node.lineno}) takes radians and {node.args[0].id} is in degrees: nothing converts it (math.radians)"
    return None


def _greedy_tag_pattern(tree: ast.Module) -> Optional[str]:
    """``re.sub(r"<.*>", "", html)``: ``.*`` is greedy, so the text between two tags goes with them (``<[^>]*>`` is meant)."""
    for node in nodes_of(tree, ast.Call):
        if getattr(node.func, "attr", None) in ("sub", "subn", "findall", "compile") and node.args \
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str) and re.search(r"<\.[*+](?!\?)>", node.args[0].value):
            return f"the pattern {node.args[0].value!r} (line {node.lineno}) is greedy: it takes the text between two tags with them"
    return None


def _quarter_off_by_one(tree: ast.Module) -> Optional[str]:
    """``month // 3 + 1``: March, June, September and December land in the next quarter (``(month - 1) // 3 + 1`` is
    meant); ``d.day // 7 + 1`` the same for a week of the month: the 7th lands in week 2. Both count from 1."""
    for node in walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and constant_value(node.right) == 1 and isinstance(node.left, ast.BinOp) \
                and isinstance(node.left.op, ast.FloorDiv):
            size, counted = constant_value(node.left.right), unparsed(node.left.left)
            if size == 3 and re.search(r"month$", counted):
                return f"{unparsed(node)[:40]} (line {node.lineno}) puts March in the second quarter"
            if size == 7 and re.search(r"\.day$", counted):
                return f"{unparsed(node)[:40]} (line {node.lineno}) puts the 7th in the second week (days count from 1: (day - 1) // 7 + 1)"
        if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and constant_value(node.right) == 1 and isinstance(node.left, ast.BinOp)
                and isinstance(node.left.op, ast.Mult) and constant_value(node.left.right) == 3 and isinstance(node.left.left, ast.BinOp)
                and isinstance(node.left.left.op, ast.FloorDiv) and constant_value(node.left.left.right) == 3 and re.search(r"month$", unparsed(node.left.left.left))):
            return f"{unparsed(node)[:40]} (line {node.lineno}) starts March's quarter in April ((month - 1) // 3 * 3 + 1 is meant)"
    return None


def _mutable_display(node: ast.expr) -> bool:
    """``[]``, ``{}``, ``set()``, ``list()``, ``[None] * days``: a new container, made once where it is written."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and any(isinstance(side, ast.List) for side in (node.left, node.right)):
        return True
    return isinstance(node, (ast.List, ast.Dict, ast.Set)) or (isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("list", "dict", "set"))


def _one_value_for_every_key(tree: ast.Module) -> Optional[str]:
    if "fromkeys" not in unparsed(tree):
        return None  # the walks below look for dict.fromkeys
    for node in walk(tree):  # return dict.fromkeys(staff, []): the caller gets one list under every key, to fill
        value = node.value if isinstance(node, ast.Return) else None
        if isinstance(value, ast.Call) and unparsed(value.func) == "dict.fromkeys" and len(value.args) == 2 and _mutable_display(value.args[1]):
            return (f"return {unparsed(value)[:40]} (line {node.lineno}) gives every key the same {unparsed(value.args[1])}, so filling one "
                    f"key's fills them all")
    for function in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Module, ast.ClassDef)):
        for node in walk(function):
            if isinstance(function, ast.ClassDef) and isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Attribute) \
                    and getattr(node.targets[0].value, "id", None) == "self" and isinstance(node.value, ast.Call) and unparsed(node.value.func) == "dict.fromkeys" \
                    and len(node.value.args) == 2 and isinstance(node.value.args[1], (ast.List, ast.Dict, ast.Set)):
                write = _mutated_attribute_item(function, node.targets[0].attr)
                if write is not None:
                    return (f"{unparsed(node.value)[:40]} (line {node.lineno}) gives every key the same {unparsed(node.value.args[1])}, so "
                            f"{unparsed(write)[:30]} (line {write.lineno}) changes them all")
                continue
            target = node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else node.target if isinstance(node, ast.AnnAssign) else None
            value = node.value if isinstance(target, ast.Name) else None  # groups: Dict[str, list] = dict.fromkeys(...) too
            if not (isinstance(value, ast.Call) and unparsed(value.func) == "dict.fromkeys" and len(value.args) == 2):
                continue
            shared = value.args[1]
            if not _mutable_display(shared):
                continue
            write = _write_through_an_item(function, target.id)
            if write is not None:
                return (f"{unparsed(value)[:40]} (line {node.lineno}) gives every key the same {unparsed(shared)}, so {unparsed(write)[:30]} "
                        f"(line {write.lineno}) changes them all")
    return None


KEY_TAKERS = frozenset({"sorted", "sort", "min", "max", "nsmallest", "nlargest", "groupby", "merge"})


def _comparison_as_key(tree: ast.Module) -> Optional[str]:
    for node in nodes_of(tree, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", None)
        key = next((k.value for k in node.keywords if k.arg == "key"), None)
        if name in KEY_TAKERS and isinstance(key, ast.Lambda):
            arguments = key.args
            required = len(arguments.posonlyargs + arguments.args) - len(arguments.defaults)
            if required >= 2 and arguments.vararg is None:
                return f"{name}(..., key={unparsed(key)[:40]}) (line {node.lineno}): key is called with one item, so a function of two raises TypeError"
    return None


def _mappings(function: ast.AST) -> set:
    """Names the function reads as mappings: subscripted with a string literal (``job["priority"]``),
    or parameters annotated ``dict``."""
    annotated = {a.arg for a in nodes_of(function.args, ast.arg) if a.annotation is not None
                 and unparsed(a.annotation).split("[")[0] in ("dict", "Dict", "typing.Dict")}
    return annotated | {n.value.id for n in nodes_of(function, ast.Subscript) if isinstance(n.value, ast.Name)
                        and isinstance(n.slice, ast.Constant) and isinstance(n.slice.value, str)}


# Fields of a record that two records often share: amounts, ranks, times (not an id, a name, a flight or a code).
SHARED_FIELD = literal_gates.compile(r"(?:severity|amount|priority|score|points|price|cost|total|weight|count|qty|quantity|time|minute|hour|day|date|due|rank|level|age|"
                          r"distance|duration|size|rating|grade|stock|balance|debt|since|start|filed|issued|opened|created|arrival|deadline)s?"
                          r"|\w+_(?:date|time|at|on|day)", re.IGNORECASE)


def _shared_field_of(node: ast.expr, mapping: str) -> bool:
    """``-claim["amount"]`` or ``claim["severity"]`` of the mapping itself: a number two records may share (negated,
    or named like one), not a field that may tell them apart (an id, a flight number)."""
    negated = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
    node = node.operand if negated else node
    return (isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == mapping and isinstance(node.slice, ast.Constant)
            and isinstance(node.slice.value, str) and (negated or SHARED_FIELD.fullmatch(node.slice.value) is not None))


def _mapping_second(node: ast.expr, names: set) -> Optional[str]:
    """The mapping a (key, mapping, ...) tuple carries second, with no tie-breaker before it; or later, after keys that
    are all its own shared fields (``(-claim["severity"], -claim["amount"], claim)``: two claims alike in both compare)."""
    if not (isinstance(node, ast.Tuple) and len(node.elts) >= 2):
        return None
    second = node.elts[1]
    if isinstance(second, ast.BinOp) and isinstance(second.op, ast.BitOr):  # event | {"stage": stage}: a dict made from one
        second = next((side for side in (second.left, second.right) if isinstance(side, ast.Name) and side.id in names), second)
        if isinstance(second, ast.BinOp) and any(isinstance(side, (ast.Dict, ast.DictComp)) for side in (second.left, second.right)):
            return unparsed(second)
    if isinstance(second, ast.Name) and second.id in names:
        return second.id
    for index, item in enumerate(node.elts[2:], start=2):
        if isinstance(item, ast.Name) and item.id in names and all(_shared_field_of(key, item.id) for key in node.elts[:index]):
            return item.id
    return None


def _item_of(node: ast.expr, bound: Dict[str, ast.expr], depth: int = 0) -> Optional[ast.expr]:
    """The item an iterable expression yields, through names bound once, ``*`` and nested comprehensions:
    ``*streams`` with ``streams = [((f["dep"], f) for f in board) for board in boards]`` yields ``(f["dep"], f)``."""
    if depth > 4:
        return None
    if isinstance(node, ast.Starred):
        inner = _item_of(node.value, bound, depth + 1)
        return _item_of(inner, bound, depth + 1) if isinstance(inner, (ast.ListComp, ast.GeneratorExp, ast.SetComp)) else None
    if isinstance(node, ast.Name) and node.id in bound:
        return _item_of(bound[node.id], bound, depth + 1)
    if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp)):
        return node.elt
    return None


def _unique_key(key: ast.expr, bound: Dict[str, ast.expr]) -> bool:
    """A key built once as a tuple that ends in ``next(counter)``: no two entries tie, so the dicts behind it are never
    compared (``key = (rank, received, next(self._counter)); heappush(heap, (key, appeal))``)."""
    value = bound.get(key.id) if isinstance(key, ast.Name) else key
    return (isinstance(value, ast.Tuple) and bool(value.elts) and isinstance(value.elts[-1], ast.Call)
            and isinstance(value.elts[-1].func, ast.Name) and value.elts[-1].func.id == "next")


def _dicts_on_a_heap(tree: ast.Module) -> Optional[str]:
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        mappings = _mappings(function)
        if not mappings:
            continue
        heaped = set()
        bound = values_bound_once(function)
        for node in nodes_of(function, ast.Call):
            if isinstance(node.func, ast.Attribute) and node.func.attr in ("heapify", "heappush", "heappushpop", "heapreplace") and node.args:
                heaped.add(unparsed(node.args[0]))
                if node.func.attr != "heapify" and len(node.args) > 1:
                    item = _mapping_second(node.args[1], mappings)
                    if item and not _unique_key(node.args[1].elts[0], bound):
                        return f"{unparsed(node)[:60]} (line {node.lineno}): on equal keys heapq compares the dicts ({item}), which raises TypeError"
        for node in nodes_of(function, ast.Compare):  # entry = (mean(s["scores"]), s); if entry > best[room]: equal averages compare the dicts
            if all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
                for side in [node.left, *node.comparators]:
                    item = _mapping_second(bound.get(side.id), mappings) if isinstance(side, ast.Name) and side.id in bound else None
                    if item:
                        return f"{unparsed(node)[:60]} (line {node.lineno}): on equal keys it compares the dicts ({item}), which raises TypeError"
        for node in nodes_of(function, ast.Call):  # heapq.merge(*[((f["dep"], f) for f in board) for board in boards]), sorted((d["n"], d) for d in rows)
            if not (not any(k.arg == "key" for k in node.keywords)):
                continue
            name = unparsed(node.func)
            merged = (node.args if name in ("heapq.merge", "merge") else node.args[:1] if name in ("sorted", "min", "max") and len(node.args) == 1
                      else node.args[1:2] if name in ("heapq.nlargest", "nlargest", "heapq.nsmallest", "nsmallest") else [])
            for argument in merged:
                item = _mapping_second(_item_of(argument, bound), mappings)
                if item:
                    return f"{unparsed(node)[:60]} (line {node.lineno}): on equal keys it compares the dicts ({item}), which raises TypeError"
        for node in nodes_of(function, ast.Assign):  # heap = [(job["priority"], job) for job in jobs]; heapq.heapify(heap)
            if (len(node.targets) == 1 and unparsed(node.targets[0]) in heaped
                    and isinstance(node.value, ast.ListComp)):
                item = _mapping_second(node.value.elt, mappings)
                if item:
                    return f"{unparsed(node)[:60]} (line {node.lineno}): on equal keys heapq compares the dicts ({item}), which raises TypeError"
    return None


def _plain_dicts(function: ast.AST) -> Dict[str, tuple]:
    """Local names bound once, to a plain dict: ``{}``, ``{**a}``, ``dict()``, ``dict(a)``, ``outer.setdefault(k, {})``
    -> {name: (line, "a")} (not ``dict((w, 0) for w in words)``, which may hold every key the loop adds to)."""
    bound: Dict[str, list] = {}
    for node in nodes_of(function, (ast.Assign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        if len(targets) == 1 and isinstance(targets[0], ast.Name) and node.value is not None:
            value = node.value
            plain = (isinstance(value, ast.Dict) and all(k is None for k in value.keys)) or (
                isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id == "dict" and not value.keywords
                and all(isinstance(a, (ast.Name, ast.Subscript)) for a in value.args) and len(value.args) <= 1)  # dict(first): a copy of some other keys
            source = unparsed(value.args[0]) if plain and isinstance(value, ast.Call) and value.args else ""
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr == "setdefault" and len(value.args) == 2
                    and unparsed(value.args[1]) in ("{}", "dict()")):
                plain = True  # per_customer = statement.setdefault(customer, {}): a new customer's dict is empty
            bound.setdefault(targets[0].id, []).append((node.lineno, source) if plain else None)
    stores = store_counts(function)
    return {name: lines[0] for name, lines in bound.items() if len(lines) == 1 and lines[0] and stores[name] == 1}


def _made_of(key: ast.AST, names: Set[str]) -> bool:
    """A key made from the loop's item alone: ``word``, ``f"{code // 100}xx"``, ``word.lower()``."""
    used = {n.id for n in nodes_of(key, ast.Name)}
    return bool(used) and used <= names and not isinstance(key, ast.Constant)


ORDERING_COPIES = frozenset({"sorted", "list", "tuple", "reversed", "set"})


def _iterated_source(iterable: ast.expr, function: ast.AST) -> str:
    """What a loop walks, through an ordering or a copy: ``sorted(lanes)``, or ``order`` bound once to it, walks
    ``lanes``' keys."""
    if isinstance(iterable, ast.Name):
        bound = [n.value for n in nodes_of(function, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and n.targets[0].id == iterable.id]
        iterable = bound[0] if len(bound) == 1 else iterable
    while isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) in ORDERING_COPIES and len(iterable.args) == 1:
        iterable = iterable.args[0]
    return unparsed(iterable)


# Builtins that only read what they are handed (``max(sorted(counts), key=counts.get)``): they fill no dict.
READ_ONLY_BUILTINS = frozenset("sorted len max min sum list tuple set frozenset dict iter enumerate zip reversed any all print str repr bool isinstance".split())


def _augmented_missing_key(tree: ast.Module) -> Optional[str]:
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        dicts = _plain_dicts(function)
        if not dicts or any(isinstance(n, ast.Try) for n in walk(function)):
            continue
        guarded = {}  # name -> the first line that guards it: a guard after the first += comes too late
        checked = {unparsed(c) for n in nodes_of(function, ast.Compare) if any(isinstance(op, (ast.In, ast.NotIn)) for op in n.ops) for c in n.comparators} \
            | {n.func.value.id for n in nodes_of(function, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr in ("get", "__contains__")
               and isinstance(n.func.value, ast.Name)}
        def guard(names, node):
            for name in names:
                guarded[name] = min(guarded.get(name, node.lineno), node.lineno)
        for node in nodes_of(function, (ast.Compare, ast.Call, ast.Assign)):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops):
                guard({unparsed(c) for c in node.comparators}, node)
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
                guard({node.func.value.id}, node)  # counts.get / setdefault / update: the code knows keys may be missing
            elif isinstance(node, ast.Assign):
                guard({t.value.id for t in node.targets if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name)}, node)
            elif isinstance(node, ast.Call) and node.args and getattr(node.func, "id", None) not in READ_ONLY_BUILTINS:  # handed to another function, which may fill it
                guard({a.id for a in node.args if isinstance(a, ast.Name)}, node)
        for loop in (n for n in nodes_of(function, (ast.For, ast.AsyncFor))):
            targets = {n.id for n in nodes_of(loop.target, ast.Name)}
            for node in (n for statement in loop.body for n in walk(statement)):  # group = record["team"]: a key the item gives
                if (isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name)
                        and any(n.id in targets for n in nodes_of(node.value, ast.Name))):
                    targets.add(node.targets[0].id)
            walked = _iterated_source(loop.iter, function)
            for node in walk(loop):
                # ``counts[word] += 1``, or ``groups[member["tier"]].append(name)``: an entry used before any is made
                target = node.target if isinstance(node, ast.AugAssign) else (
                    node.func.value if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("append", "extend", "add", "insert", "appendleft")
                    else None)
                if (isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name)
                        and target.value.id in dicts and guarded.get(target.value.id, node.lineno + 1) > node.lineno
                        and dicts[target.value.id][1] not in checked  # dict(stock) after stock.get(sku, 0) < qty: the copy's keys were checked
                        and _made_of(target.slice, targets)
                        and walked not in {dicts[target.value.id][1] + tail for tail in ("", ".items()", ".keys()")}):  # its own keys
                    return (f"{unparsed(node)[:50]} (line {node.lineno}): {target.value.id} is a plain dict (line {dicts[target.value.id][0]}) "
                            f"and nothing adds the key first, so a new key raises KeyError")
    return None


def _field_of(key: ast.AST, target: ast.AST) -> Optional[Tuple[str, object]]:
    """Which field of a loop's item a key is: ``trip["start"]`` of ``trip`` (("key", "start")), ``isbn`` of
    ``isbn, _`` (("position", 0)), ``row.plate`` of ``row`` (("attribute", "plate")); None for anything else."""
    if isinstance(target, ast.Name):
        if isinstance(key, ast.Subscript) and isinstance(key.value, ast.Name) and key.value.id == target.id and isinstance(key.slice, ast.Constant):
            return "key", key.slice.value
        if isinstance(key, ast.Attribute) and isinstance(key.value, ast.Name) and key.value.id == target.id:
            return "attribute", key.attr
    if isinstance(target, ast.Tuple) and isinstance(key, ast.Name):
        names = [e.id if isinstance(e, ast.Name) else None for e in target.elts]
        if names.count(key.id) == 1:
            return "position", names.index(key.id)
    return None


def _field_words(field: Tuple[str, object]) -> str:
    kind, which = field
    return f"field {which + 1}" if kind == "position" else f".{which}" if kind == "attribute" else repr(which)


def _unwrapped(value: ast.AST, bound: Dict[str, ast.AST]) -> ast.AST:
    """What ``sorted(...)``, ``list(...)``, ``set(...)`` or ``tuple(...)`` of one argument wraps, and what a name
    bound once holds (``stations = sorted({t.start for t in trips})``), read through."""
    for _ in range(4):
        if isinstance(value, ast.Name) and value.id in bound:
            value = bound.pop(value.id)
        elif isinstance(value, ast.Call) and getattr(value.func, "id", None) in ("sorted", "list", "set", "tuple") and len(value.args) == 1 and not value.keywords:
            value = value.args[0]
        else:
            break
    return value


def _keys_from_one_field(value: ast.AST, bound: Optional[Dict[str, ast.AST]] = None) -> Optional[Tuple[Tuple[str, object], str]]:
    """``{trip["start"]: 0 for trip in trips}`` or ``dict.fromkeys({isbn for isbn, _ in copies}, 0)`` (the keys also
    sorted first, or by way of a name bound once: ``bound``): the field the dict's keys are taken from, and the
    items they are taken from (``trips``)."""
    if isinstance(value, ast.Call) and unparsed(value.func) == "dict.fromkeys" and value.args:
        value = _unwrapped(value.args[0], dict(bound or {}))
        key = getattr(value, "elt", None)
    else:
        key = getattr(value, "key", None)
    if not isinstance(value, (ast.DictComp, ast.SetComp, ast.ListComp, ast.GeneratorExp)) or key is None or len(value.generators) != 1 or value.generators[0].ifs:
        return None
    generator = value.generators[0]
    field = _field_of(key, generator.target)
    return (field, unparsed(generator.iter)) if field else None


def _counted_by_another_field(tree: ast.Module) -> Optional[str]:
    """``counts = {trip["start"]: 0 for trip in trips}`` then ``for trip in trips: counts[trip["end"]] += 1``: the keys
    come from one field of the items and the counting from another, so the first end that is no start raises
    KeyError. Read only where nothing tests, defaults or writes a key of that dict otherwise."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        built, once = {}, values_bound_once(function)
        for node in nodes_of(function, ast.Assign):
            if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
                found = _keys_from_one_field(node.value, once)
                if found:
                    built[node.targets[0].id] = found
        for name, (field, items) in built.items():
            if any(isinstance(n, ast.Compare) and any(isinstance(c, ast.Name) and c.id == name for c in n.comparators)
                   or isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and getattr(n.func.value, "id", None) == name
                   and n.func.attr not in ("items", "keys", "values", "copy")
                   or isinstance(n, ast.Assign) and any(isinstance(t, ast.Subscript) and getattr(t.value, "id", None) == name for t in n.targets)
                   for n in walk(function)):
                continue  # "key in counts", counts.get(...), counts[k] = 0: the code knows keys may be new
            for loop in (n for n in nodes_of(function, (ast.For, ast.AsyncFor)) if unparsed(n.iter) == items):
                for node in (n for n in nodes_of(loop, ast.AugAssign)):
                    target = node.target
                    if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id == name:
                        other = _field_of(target.slice, loop.target)
                        if other and other != field:
                            made, kept = _field_words(field), _field_words(other)
                            return (f"{unparsed(node)[:50]} (line {node.lineno}): {name}'s keys are each item's {made} and the count is "
                                    f"kept under its {kept}, so the first {kept} that is no {made} raises KeyError")
    return None


def _other_side_never_set_up(tree: ast.Module) -> Optional[str]:
    """``for home, away, hg, ag in results: split.setdefault(home, {...})`` then ``split[away]["away"] += ap``: a plain
    dict is given an entry for one name of the loop's item and read under another, which is new the first time
    (KeyError). Read only where nothing else (``in``, ``get``, a plain write, a call it is handed to) sets up or
    tests that key."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for name, _ in _plain_dicts(function).items():
            established, guarded = set(), False
            for node in nodes_of(function, (ast.Call, ast.Compare, ast.Assign, ast.AnnAssign)):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and node.func.value.id == name:
                    if node.func.attr == "setdefault" and node.args:
                        established.add(unparsed(node.args[0]))
                    else:
                        guarded = True  # get, update, pop ...: the code knows keys may be missing
                elif isinstance(node, ast.Compare) and any(isinstance(op, (ast.In, ast.NotIn)) for op in node.ops) \
                        and any(isinstance(c, ast.Name) and c.id == name for c in node.comparators):
                    guarded = True
                elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                    for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                        if isinstance(target, ast.Subscript) and isinstance(target.value, ast.Name) and target.value.id == name:
                            established.add(unparsed(target.slice))
                elif isinstance(node, ast.Call) and any(isinstance(a, ast.Name) and a.id == name for a in node.args) \
                        and getattr(node.func, "id", None) not in READ_ONLY_BUILTINS:
                    guarded = True
            if guarded or not established:
                continue
            for loop in (n for n in nodes_of(function, (ast.For, ast.AsyncFor))):
                items = {n.id for n in nodes_of(loop.target, ast.Name)}
                if not items & established:
                    continue  # the entries set up are not this loop's items
                for node in walk(loop):
                    read = node.target if isinstance(node, ast.AugAssign) else node
                    while isinstance(read, ast.Subscript) and isinstance(read.value, ast.Subscript):
                        read = read.value  # split[away]["away"] += ...: the entry read is split[away]
                    if (isinstance(read, ast.Subscript) and isinstance(read.value, ast.Name) and read.value.id == name
                            and isinstance(read.slice, ast.Name) and read.slice.id in items and read.slice.id not in established):
                        return (f"{unparsed(node)[:50]} (line {node.lineno}): {name} gets an entry for "
                                f"{' and '.join(sorted(established & items))} only, so a new {read.slice.id} raises KeyError")
    return None


# str's own tests: no library makes a property of these names (``is_integer``, ``exists`` and ``is_file`` are properties in some)
PREDICATES = frozenset({"isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace", "islower", "isupper", "istitle", "isidentifier",
                        "isascii", "isprintable", "startswith", "endswith"})


def _predicate_never_called(tree: ast.Module) -> Optional[str]:
    """``if value.isdigit:`` (no parentheses): a bound method is always true, so the test never fails."""
    tests = []
    for node in nodes_of(tree, (ast.If, ast.While, ast.IfExp, ast.Assert, ast.BoolOp, ast.UnaryOp, ast.comprehension)):
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            tests.append(node.test)
        elif isinstance(node, ast.BoolOp):
            tests.extend(node.values)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            tests.append(node.operand)
        elif isinstance(node, ast.comprehension):
            tests.extend(node.ifs)
    for test in tests:
        if isinstance(test, ast.Attribute) and test.attr in PREDICATES and isinstance(test.ctx, ast.Load):
            return f"{unparsed(test)[:50]} (line {test.lineno}) is a method never called: always true (the call {test.attr}() is meant)"
    return None


# Methods of str, dict, date and timedelta that no common record names a field of; ``date`` and ``time`` are fields
# of many records, so they count only on a name bound to a datetime the code builds.
METHODS_ONLY = frozenset({"lower", "upper", "strip", "lstrip", "rstrip", "casefold", "title", "capitalize", "split", "isoformat",
                          "total_seconds", "toordinal", "isoweekday", "keys", "values", "items"})
DATETIME_METHODS = METHODS_ONLY | {"date", "time", "weekday", "timestamp"}
DATETIME_BUILDERS = literal_gates.compile(r"^(?:datetime\.)?(?:datetime|date)(?:\.(?:strptime|fromisoformat|now|utcnow|today|combine|fromtimestamp))?$")


def _method_used_as_a_value(tree: ast.Module) -> Optional[str]:
    """``today - last.date`` (``last`` from ``datetime.strptime``), ``name.lower < other``: a bound method in
    arithmetic or an ordering raises TypeError on every call; the parentheses are missing. Not a name the code
    sets as an attribute, a field or a keyword anywhere (``self.items = []``, ``Entry(date=...)``)."""
    own = set()
    for node in nodes_of(tree, (ast.Attribute, ast.keyword, ast.ClassDef, ast.Constant)):
        if isinstance(node, ast.Attribute) and not isinstance(node.ctx, ast.Load):
            own.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            own.add(node.arg)
        elif isinstance(node, ast.ClassDef):
            own |= {n.id for statement in node.body for n in nodes_of(statement, ast.Name) if isinstance(n.ctx, ast.Store)}
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            own |= set(re.findall(r"[A-Za-z_]\w*", node.value))
    datetimes = {name for name, value in values_bound_once(tree).items()
                 if isinstance(value, ast.Call) and DATETIME_BUILDERS.match(unparsed(value.func))}
    for node in walk(tree):
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)):
            sides = [node.left, node.right]
        elif isinstance(node, ast.Compare) and all(isinstance(op, (ast.Lt, ast.LtE, ast.Gt, ast.GtE)) for op in node.ops):
            sides = [node.left, *node.comparators]
        else:
            continue
        for side in sides:
            if not isinstance(side, ast.Attribute) or side.attr in own:
                continue
            on_a_datetime = isinstance(side.value, ast.Name) and side.value.id in datetimes
            if side.attr in METHODS_ONLY and not (isinstance(side.value, ast.Name) and side.value.id in ("self", "cls")) or on_a_datetime and side.attr in DATETIME_METHODS:
                return f"{unparsed(node)[:50]} (line {node.lineno}) uses the method {unparsed(side)[:30]} as a value: it raises TypeError (the call {side.attr}() is meant)"
    return None


def _deque_sliced(tree: ast.Module) -> Optional[str]:
    """``self._items[-n:]`` where every value bound to ``self._items`` is a ``deque``: a deque takes an index, not a
    slice (TypeError on every call; ``list(self._items)[-n:]`` or ``itertools.islice`` is meant)."""
    kinds: Dict[str, Set[bool]] = {}
    for node in nodes_of(tree, (ast.Assign, ast.AnnAssign, ast.AugAssign, ast.For, ast.AsyncFor, ast.comprehension, ast.arg, ast.withitem)):
        if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            is_deque = isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Call) and unparsed(node.value.func) in ("deque", "collections.deque")
            for target in targets:
                if isinstance(target, (ast.Name, ast.Attribute)):
                    kinds.setdefault(unparsed(target), set()).add(is_deque)
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            for name in (n for n in nodes_of(node.target, ast.Name)):
                kinds.setdefault(name.id, set()).add(False)  # bound otherwise too
        elif isinstance(node, ast.arg):
            kinds.setdefault(node.arg, set()).add(False)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            kinds.setdefault(unparsed(node.optional_vars), set()).add(False)
    deques = {name for name, seen in kinds.items() if seen == {True}}
    for node in nodes_of(tree, ast.Subscript):
        if isinstance(node.slice, ast.Slice) and unparsed(node.value) in deques:
            return f"{unparsed(node)[:50]} (line {node.lineno}) slices a deque, which takes only an index: TypeError"
    return None


def _compiled_literal(call: ast.AST) -> Optional["re.Pattern"]:
    """The pattern ``re.compile(r"...")`` (or ``re.compile(r"...", re.X)``, ``flags=re.I | re.M``) compiles, None for
    anything else."""
    if not (isinstance(call, ast.Call) and unparsed(call.func) == "re.compile" and call.args and isinstance(call.args[0], ast.Constant)
            and isinstance(call.args[0].value, str)):
        return None
    given = call.args[1:] + [k.value for k in call.keywords if k.arg == "flags"]
    flags = unparsed(given[0]) if given else ""
    if len(given) > 1 or any(k.arg != "flags" for k in call.keywords) or re.search(r"[^\w.|+ ]", flags):
        return None
    try:
        return re.compile(call.args[0].value, re.VERBOSE if re.search(r"\b(?:X|VERBOSE)\b", flags) else 0)
    except (re.error, OverflowError, RecursionError):
        return None


def _compiled_literals(tree: ast.Module) -> Dict[str, "re.Pattern"]:
    """Names bound once to ``re.compile`` of a literal, compiled."""
    found = {name: _compiled_literal(value) for name, value in values_bound_once(tree).items()}
    return {name: pattern for name, pattern in found.items() if pattern is not None}


def _pattern_called(call: ast.AST, patterns: Dict[str, "re.Pattern"], methods: tuple) -> Optional["re.Pattern"]:
    """The pattern of ``LINE_RE.search(line)`` (a name of ``patterns``) or ``re.search(r"...", line)``, for a call of one
    of ``methods``; None for any other call."""
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr in methods):
        return None
    owner = unparsed(call.func.value)
    if owner in patterns:
        return patterns[owner]
    if owner == "re" and len(call.args) >= 2 and not call.keywords:  # re.findall(p, text, flags): the flags, as compile takes them
        return _compiled_literal(ast.Call(ast.Attribute(ast.Name("re"), "compile"), [call.args[0], *call.args[2:]], []))
    return None


def _unknown_group(tree: ast.Module) -> Optional[str]:
    """``m.group("request_id")`` where ``m`` only ever matches ``LINE_RE = re.compile(r"...(?P<req_id>...)")``: no
    group of that name (or number) exists, so every match raises IndexError."""
    patterns = _compiled_literals(tree)
    matched: Dict[str, Set] = {}
    for node in nodes_of(tree, (ast.Assign, ast.NamedExpr, ast.For, ast.AsyncFor, ast.comprehension, ast.arg, ast.With, ast.AsyncWith)):
        if isinstance(node, (ast.Assign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in (t for t in targets if isinstance(t, ast.Name)):
                matched.setdefault(target.id, set()).add(_pattern_called(node.value, patterns, ("match", "search", "fullmatch")))
        elif isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension)):
            for target in (t for t in nodes_of(node.target, ast.Name)):
                matched.setdefault(target.id, set()).add(_pattern_called(node.iter, patterns, ("finditer",)) if target is node.target else None)
        elif isinstance(node, ast.arg):
            matched.setdefault(node.arg, set()).add(None)
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            for item in node.items:
                for target in (t for t in nodes_of(item.optional_vars, ast.Name)) if item.optional_vars is not None else ():
                    matched.setdefault(target.id, set()).add(None)
    for node in walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("group", "start", "end", "span") and len(node.args) == 1:
            owner, key = node.func.value, node.args[0]
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            owner, key = node.value, node.slice
        else:
            continue
        seen = matched.get(owner.id) if isinstance(owner, ast.Name) else None
        if not seen or len(seen) != 1 or None in seen or not isinstance(key, ast.Constant):
            continue
        pattern = next(iter(seen))
        if isinstance(key.value, str) and key.value not in pattern.groupindex or type(key.value) is int and not 0 <= key.value <= pattern.groups:
            return f"{unparsed(node)[:50]} (line {node.lineno}): the pattern has no group {key.value!r}, so every match raises IndexError"
    return None


def _text_handed_to_csv(tree: ast.Module) -> Optional[str]:
    """``csv.reader(csv_text)`` with ``csv_text: str``: the reader iterates what it is given, so a text is read one
    character per line (``io.StringIO(csv_text)`` or ``csv_text.splitlines()`` is meant)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        stores = store_counts(function)
        texts = {a.arg for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs
                 if a.annotation is not None and unparsed(a.annotation) == "str" and stores[a.arg] == 0}
        for node in nodes_of(function, ast.Call):
            if (unparsed(node.func) in ("csv.reader", "csv.DictReader") and node.args
                    and isinstance(node.args[0], ast.Name) and node.args[0].id in texts):
                return f"{unparsed(node)[:50]} (line {node.lineno}) reads the str {node.args[0].id} one character per row (io.StringIO() is meant)"
    return None


def _heap_sliced(tree: ast.Module) -> Optional[str]:
    """``heapq.heapify(heap)`` then ``heap[:k]``: a heap is in order only at ``heap[0]``; its first k items are not
    the k smallest (``heapq.nsmallest(k, ...)`` or popping k times is meant)."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        heaps = {unparsed(n.args[0]) for n in nodes_of(function, ast.Call) if unparsed(n.func) in ("heapq.heapify", "heapify") and n.args}
        sorted_later = {unparsed(n.args[0]) for n in nodes_of(function, ast.Call) if getattr(n.func, "id", None) == "sorted" and n.args} | {
            unparsed(n.func.value) for n in nodes_of(function, ast.Call) if isinstance(n.func, ast.Attribute) and n.func.attr == "sort"}
        for node in nodes_of(function, ast.Subscript):
            if (isinstance(node.ctx, ast.Load) and isinstance(node.slice, ast.Slice) and node.slice.step is None
                    and node.slice.upper is not None and (node.slice.lower is None or unparsed(node.slice.lower) == "0")
                    and unparsed(node.value) in heaps - sorted_later):
                return f"{unparsed(node)[:50]} (line {node.lineno}) takes the first items of a heap, which is in order only at [0]"
    return None


def _unescaped(pattern: str) -> Iterator[Tuple[int, str, bool]]:
    """``(index, character, inside a class)`` for each character of a pattern's source that no backslash escapes
    (a class's own ``[`` and ``]`` count as inside it)."""
    i, in_class = 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        opens = not in_class and ch == "["
        yield i, ch, in_class or opens
        in_class = (in_class and ch != "]") or opens
        i += 1


def _group_spans(pattern: str) -> list:
    """``(start, end, capturing, depth)`` of each group of a pattern's source, ``end`` past its ``)``."""
    spans, stack = [], []
    for i, ch, in_class in _unescaped(pattern):
        if in_class:
            continue
        if ch == "(":
            stack.append((i, not pattern.startswith("(?", i) or pattern.startswith("(?P<", i)))
        elif ch == ")" and stack:
            start, capturing = stack.pop()
            spans.append((start, i + 1, capturing, len(stack)))
    return spans


def _repeated_groups(pattern: str) -> list:
    """The capturing groups of a pattern's source that a quantifier repeats: ``(\\d{1,3}\\.){3}`` captures only its
    last repetition."""
    return [pattern[start:end] for start, end, capturing, _ in sorted(_group_spans(pattern)) if capturing and pattern[end: end + 1] in ("{", "+", "*")]


def _findall_of_a_repeated_group(tree: ast.Module) -> Optional[str]:
    """``re.findall(r"\\b(\\d{1,3}\\.){3}\\d{1,3}\\b", line)``: with one capturing group, findall gives that group, not
    the match, and a repeated group holds only its last repetition ("0.", not "10.0.0.7")."""
    patterns = _compiled_literals(tree)
    for node in walk(tree):
        pattern = _pattern_called(node, patterns, ("findall",))
        if pattern is None:
            continue
        source, groups = pattern.pattern, pattern.groups
        repeated = _repeated_groups(source)
        if groups == 1 and repeated:
            return f"{unparsed(node)[:50]} (line {node.lineno}): findall gives the one group {repeated[0][:30]}, repeated, so only its last repetition"
        inner = _alternation_inside_a_token(source) if groups == 1 else None
        if inner:
            return f"{unparsed(node)[:50]} (line {node.lineno}): findall gives the one group {inner[:30]}, the choice inside the token, not the token"
        optional = _optional_group_beside_a_token(source) if groups == 1 else None
        if optional:
            return (f"{unparsed(node)[:50]} (line {node.lineno}): findall gives the one group {optional[:30]}, which is optional: its part of "
                    "the token (or ''), not the token")
    return None


def _optional_group_beside_a_token(pattern: str) -> Optional[str]:
    """The one capturing group of ``\\d+(\\.\\d+)?t\\b``: optional, with the token's shape (a class) outside it, so
    findall answers the decimals alone (``".5"``, or ``""`` for "2t"), not the number."""
    for start, end, capturing, depth in _group_spans(pattern):
        if capturing and not depth and re.match(r"[?*]", pattern[end:]) and TOKEN_SHAPE.search(pattern[:start] + pattern[end + 1:]):
            return pattern[start:end]
    return None


TOKEN_SHAPE = literal_gates.compile(r"\\[dwsDWS]|\[[^\]]*\]")  # a class: the pattern spells a token's shape there
ANCHORS_ONLY = literal_gates.compile(r"(?:\^|\$|\\[bAZ])*")


def _alternation_inside_a_token(pattern: str) -> Optional[str]:
    """The one capturing group of ``[A-Z]{1,2}-(0[1-9]|[1-9][0-9])-[1-9]`` or ``(EB|CL)-\\d{4}``: it groups a choice, and
    the token's shape (a class) goes on beside it, with nothing but anchors on the other side if not a class, so
    findall answers the choice (``"07"``, ``"EB"``), not the code (``\\b(Mon|Tue)\\b`` answers the whole token)."""
    for start, end, capturing, depth in sorted(_group_spans(pattern)):
        if not capturing or depth:
            continue
        group, before = pattern[start:end], pattern[:start]
        after = re.sub(r"^[+*?]|^\{[^}]*\}", "", pattern[end:])
        shaped = [bool(TOKEN_SHAPE.search(side)) for side in (before, after)]
        bare = [bool(ANCHORS_ONLY.fullmatch(side)) for side in (before, after)]
        if "|" in _top_level(group[1:-1]) and any(shaped) and all(s or b for s, b in zip(shaped, bare)):
            return group
    return None


def _top_level(source: str) -> str:
    """The characters of ``source`` outside its own groups and classes."""
    inside = {i for start, end, _, _ in _group_spans(source) for i in range(start, end)}
    return "".join(ch for i, ch, in_class in _unescaped(source) if not in_class and i not in inside)


SHRINKING_CALLS = frozenset({"pop", "popitem", "clear", "remove", "discard"})
DICT_VIEWS = frozenset({"keys", "items", "values"})
MADE_DICTS_AND_SETS = frozenset({"dict", "set", "defaultdict", "Counter", "OrderedDict"})
DICT_OR_SET_ANNOTATION = literal_gates.compile(r"(?:typing\.)?(?:dict|Dict|set|Set|MutableMapping|MutableSet|defaultdict|Counter)\b")


def _known_dicts_and_sets(scope: ast.AST) -> Set[str]:
    """Names ``scope`` binds only to a dict or set (a literal, ``dict()``, ``set()``, ``defaultdict(...)``, ``Counter(...)``)
    or parameters annotated as one and never rebound."""
    made: Dict[str, Set[bool]] = {}
    for node in own_scope_nodes(scope):
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            value = node.value
            made.setdefault(node.targets[0].id, set()).add(isinstance(value, (ast.Dict, ast.Set, ast.DictComp, ast.SetComp)) or isinstance(value, ast.Call)
                                                          and unparsed(value.func).rpartition(".")[2] in MADE_DICTS_AND_SETS)
    known = {name for name, kinds in made.items() if kinds == {True}}
    arguments = getattr(scope, "args", None)
    for a in (arguments.posonlyargs + arguments.args + arguments.kwonlyargs) if arguments else []:
        if a.annotation is not None and DICT_OR_SET_ANNOTATION.match(unparsed(a.annotation)) and a.arg not in made:
            known.add(a.arg)
    return known


def _changed_while_iterated(tree: ast.Module) -> Optional[str]:
    """``for k, v in d.items(): ... del d[k]`` (or ``d.pop(k)``, ``seen.discard(x)``): a dict or set that loses an item
    while a loop walks it raises RuntimeError at the loop's next step (walk ``list(d.items())`` instead). Read for a loop
    over ``.items()``, ``.keys()`` or ``.values()``, or straight over a dict or set the code makes or a parameter annotated
    as one (``for x in xs`` may walk a list), and not when the loop stops right after (``break``, ``return``, ``raise``
    later in the same block)."""
    for scope in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef)):
        known = None
        for loop in nodes_of(scope, (ast.For, ast.AsyncFor)):
            walked = loop.iter
            if isinstance(walked, ast.Call) and isinstance(walked.func, ast.Attribute) and walked.func.attr in DICT_VIEWS and not walked.args:
                walked = walked.func.value
            else:
                known = _known_dicts_and_sets(scope) if known is None else known
                if not (isinstance(walked, ast.Name) and walked.id in known):
                    continue
            container = unparsed(walked)
            for block in (getattr(n, field, None) for n in own_scope_nodes(loop) for field in ("body", "orelse")):
                if not isinstance(block, list) or block is loop.orelse:
                    continue
                for index, statement in enumerate(block):
                    shrinks = isinstance(statement, ast.Delete) and any(isinstance(t, ast.Subscript) and unparsed(t.value) == container for t in statement.targets) or (
                        isinstance(statement, (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign)) and any(
                            isinstance(n.func, ast.Attribute) and n.func.attr in SHRINKING_CALLS and unparsed(n.func.value) == container
                            for n in nodes_of(statement, ast.Call)))  # value = d.pop(k) too
                    if shrinks and not any(isinstance(later, (ast.Break, ast.Return, ast.Raise)) for later in block[index + 1:]):
                        return (f"{unparsed(statement)[:40]} (line {statement.lineno}) removes a key of {container} while the loop at line {loop.lineno} walks it: "
                                "RuntimeError (walk a list of its items instead)")
    return None


def _removed_from_the_list_it_walks(tree: ast.Module) -> Optional[str]:
    """``for member in members: if ...: members.remove(member)``: the list shifts under the loop, so the item after each one
    removed is never looked at (walk a copy, or build a new list). Not read when the loop stops right after (``break``,
    ``return``)."""
    for loop in (n for n in nodes_of(tree, (ast.For, ast.AsyncFor))):
        if not isinstance(loop.iter, ast.Name) or any(isinstance(n, (ast.Break, ast.Return, ast.Raise)) for s in loop.body for n in walk(s)):
            continue
        for node in (n for s in loop.body for n in walk(s)):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("remove", "pop")
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == loop.iter.id):
                return (f"{unparsed(node)[:40]} (line {node.lineno}) shortens {loop.iter.id} while the loop at line {loop.lineno} walks it: "
                        "the item after each one removed is skipped")
    return None


def _is_groupby(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and (getattr(node.func, "id", None) == "groupby" or getattr(node.func, "attr", None) == "groupby") and bool(node.args)


def _sorted_somewhere(scope: ast.AST, value: ast.expr) -> bool:
    """``sorted(...)`` itself, or a name (``self.items``) the scope sorts (``xs.sort()``, ``xs = sorted(...)``, ``insort(xs, x)``)."""
    if isinstance(value, ast.Call) and getattr(value.func, "id", None) == "sorted":
        return True
    if not isinstance(value, (ast.Name, ast.Attribute)):
        return True  # a call's result: not read
    spelled = unparsed(value)
    for node in walk(scope):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("sort", "insort") and unparsed(node.func.value) == spelled:
            return True
        if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", None)) in ("insort", "insort_left", "insort_right") and node.args and unparsed(node.args[0]) == spelled:
            return True
        if (isinstance(node, (ast.Assign, ast.AnnAssign)) and any(unparsed(t) == spelled for t in (node.targets if isinstance(node, ast.Assign) else [node.target]))
                and isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "sorted"):
            return True
    return False


def _groupby_unsorted_into_dict(tree: ast.Module) -> Optional[str]:
    """A dict built from ``groupby`` groups (a dict comprehension, or ``d[key] = ...`` in the loop over them)
    of a list the function never sorts."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        for node in walk(function):
            grouped = None
            if isinstance(node, ast.DictComp):
                grouped = next((g.iter for g in node.generators if _is_groupby(g.iter)), None)
            elif isinstance(node, ast.For) and _is_groupby(node.iter) and isinstance(node.target, ast.Tuple) and node.target.elts and isinstance(node.target.elts[0], ast.Name):
                key = node.target.elts[0].id
                if any(isinstance(t, ast.Subscript) and isinstance(t.slice, ast.Name) and t.slice.id == key
                       for s in node.body for a in nodes_of(s, ast.Assign) for t in a.targets):
                    grouped = node.iter
            if grouped is not None and not _sorted_somewhere(tree, grouped.args[0]):
                return (f"{unparsed(grouped)[:50]} (line {grouped.lineno}) groups only runs of equal keys and {unparsed(grouped.args[0])[:20]} is never sorted: "
                        "a key met again later replaces its first group in the dict")
    return None


def _tested_values(tree: ast.Module):
    """Every expression read as a truth value: an ``if``/``while``/conditional's test, a comprehension's
    condition, an operand of ``not``, ``and``, ``or``, the argument of ``bool()``, the items ``any()``
    and ``all()`` test."""
    for node in nodes_of(tree, (ast.If, ast.While, ast.IfExp, ast.Assert, ast.comprehension, ast.UnaryOp, ast.BoolOp, ast.Call)):
        if isinstance(node, (ast.If, ast.While, ast.IfExp, ast.Assert)):
            yield node.test
        elif isinstance(node, ast.comprehension):
            yield from node.ifs
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node.operand
        elif isinstance(node, ast.BoolOp):
            yield from node.values
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "bool" and len(node.args) == 1:
            yield node.args[0]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("any", "all") and len(node.args) == 1 and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp)):
            yield node.args[0].elt  # any(text.find(k) for k in keys)


TEXT_METHODS = STR_TO_STR | {"format", "join", "expandtabs"}


def _is_text(node: ast.AST, texts: set) -> bool:
    """A str for certain (certain_errors' kinds: a literal, an f-string, ``str()``, a name in ``texts``), or
    a str method's result whatever its receiver's kind is known to be (``message.lower()``)."""
    if value_kind(node, dict.fromkeys(texts, "str"), set()) == "str":
        return True
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in TEXT_METHODS


def _text_names(tree: ast.Module) -> set:
    stores = store_counts(tree)
    names = {a.arg for a in nodes_of(tree, ast.arg) if a.annotation is not None and unparsed(a.annotation) == "str"}
    for node in nodes_of(tree, ast.Assign):
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and stores[node.targets[0].id] == 1:
            if _is_text(node.value, set()):
                names.add(node.targets[0].id)
    return names


def _find_as_truth(tree: ast.Module) -> Optional[str]:
    """``str.find`` read as a truth value; only on text the code plainly holds (library objects have ``find`` methods of their own)."""
    texts = None
    for value in _tested_values(tree):
        if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) and value.func.attr in ("find", "rfind") and value.args:
            texts = _text_names(tree) if texts is None else texts
            if not (_is_text(value.func.value, texts) or _is_text(value.args[0], texts)):
                continue
            return (f"{unparsed(value)[:50]} (line {value.lineno}) is read as true or false: -1 (not found) is true and 0 (found at the start) "
                    "is false (the test 'in' is meant)")
    return None


COUNTS_PAGES = literal_gates.compile(r"(?:^|_)pages(?:$|_)|page_?count|total_?pages", re.IGNORECASE)  # not "page": i // size + 1 is an item's page number


def _floor_plus_one(node: ast.AST) -> bool:
    """``a // b + 1`` (or ``1 + a // b``) with no test of the remainder."""
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add)):
        return False
    pairs = ((node.left, node.right), (node.right, node.left))
    return any(isinstance(a, ast.BinOp) and isinstance(a.op, ast.FloorDiv) and isinstance(b, ast.Constant) and b.value == 1 for a, b in pairs)


def _floor_only(node: ast.AST, function: ast.AST) -> bool:
    """``n // size`` alone, in a function that never looks at the remainder (no ``%``, ``divmod``, ``+= 1``
    or ``ceil``) nor rounds the count up first (``(n + size - 1) // size``, ``-(-n // size)``)."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("max", "min", "int") and node.args:
        return any(_floor_only(arg, function) for arg in node.args)  # max(1, n // size): an empty list's one page
    if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv)) or isinstance(node.left, (ast.BinOp, ast.UnaryOp)):
        return False
    return not any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mod) or isinstance(n, ast.AugAssign) and isinstance(n.op, ast.Add)
                   or isinstance(n, (ast.Name, ast.Attribute)) and getattr(n, "id", getattr(n, "attr", "")) in ("divmod", "ceil") for n in walk(function))


def _pages_one_too_many(tree: ast.Module) -> Optional[str]:
    """A count of pages computed as ``n // size + 1``, or as ``n // size`` with no look at the remainder:
    returned by a function or property named for it, or assigned to such a name. Not for chunks or
    frames: library code counts ``n // chunk + 1`` chunks on purpose and skips the empty last one
    (pandas), and a signal has ``n // hop + 1`` frames."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        named = COUNTS_PAGES.search(function.name)
        for node in walk(function):
            value = None
            if isinstance(node, ast.Return) and named and node.value is not None:
                value = node.value
            elif isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], (ast.Name, ast.Attribute)):
                target = node.targets[0].id if isinstance(node.targets[0], ast.Name) else node.targets[0].attr
                value = node.value if COUNTS_PAGES.search(target) else None
            elif isinstance(node, ast.Dict):  # {"total_pages": len(items) // per_page}
                value = next((v for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and isinstance(k.value, str) and COUNTS_PAGES.search(k.value)), None)
            if value is not None and _floor_plus_one(value):
                return (f"{unparsed(value)[:50]} (line {value.lineno}) counts one page too many whenever the size divides the count "
                        "(-(-n // size) or math.ceil is meant)")
            if value is not None and _floor_only(value, function):
                return (f"{unparsed(value)[:50]} (line {value.lineno}) counts one page too few whenever the size does not divide the count "
                        "(-(-n // size) or math.ceil is meant)")
    return None


def _window_one_short(tree: ast.Module) -> Optional[str]:
    """``xs[i - w + 1:i]``: a window meant to end at ``i`` that stops before it, so it holds ``w - 1``
    items (``xs[i - w + 1:i + 1]`` is meant)."""
    for node in nodes_of(tree, ast.Subscript):
        if not (isinstance(node.slice, ast.Slice) and node.slice.step is None):
            continue
        lower, upper = node.slice.lower, node.slice.upper
        if isinstance(lower, ast.BinOp) and isinstance(lower.op, ast.Add) and constant_value(lower.right) == 1 and isinstance(lower.left, ast.BinOp) \
                and isinstance(lower.left.op, ast.Sub) and upper is not None and ast.dump(lower.left.left) == ast.dump(upper):
            return f"{unparsed(node)[:40]} (line {node.lineno}) stops before {unparsed(upper)}: the window holds {unparsed(lower.left.right)} - 1 items"
    return None


def _last_window_missed(tree: ast.Module) -> Optional[str]:
    """``[xs[i:i + w] for i in range(len(xs) - w)]``: the windows of ``w`` items start at 0 to ``len(xs) - w``
    inclusive, so the range stops one short and the last window is never made (``len(xs) - w + 1`` is meant)."""
    loops = [(n.target, n.iter, n) for n in nodes_of(tree, ast.For)]
    loops += [(g.target, g.iter, n) for n in nodes_of(tree, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)) for g in n.generators]
    for target, iterable, scope in loops:
        if not (isinstance(target, ast.Name) and isinstance(iterable, ast.Call) and getattr(iterable.func, "id", None) == "range" and len(iterable.args) == 1):
            continue
        stop = iterable.args[0]
        if not (isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.Sub) and isinstance(stop.left, ast.Call) and getattr(stop.left.func, "id", None) == "len"
                and len(stop.left.args) == 1):
            continue
        sequence, width = unparsed(stop.left.args[0]), unparsed(stop.right)
        for node in nodes_of(scope, ast.Subscript):
            if isinstance(node.slice, ast.Slice) and node.slice.step is None and unparsed(node.value) == sequence \
                    and node.slice.lower is not None and unparsed(node.slice.lower) == target.id and node.slice.upper is not None \
                    and unparsed(node.slice.upper) in (f"{target.id} + {width}", f"{width} + {target.id}"):
                return f"{unparsed(node)[:40]} for {target.id} in {unparsed(iterable)[:40]} (line {node.lineno}) never makes the last window (len({sequence}) - {width} + 1 starts are meant)"
    return None


GRID_AXIS = literal_gates.compile(r"r|c|x|y|i|j|row|col|cur_?r|cur_?c")
GRID_STEP = literal_gates.compile(r"d[rcxyij]|drow|dcol|delta_?[rcxy]")


def _grid_step_unbounded_below(tree: ast.Module) -> Optional[str]:
    """``nr, nc = r + dr, c + dc`` checked only against the far edge (``nr < n``): a step off the near
    edge gives -1, which passes, and ``grid[-1]`` is the other side of the board."""
    for function in (n for n in nodes_of(tree, (ast.FunctionDef, ast.AsyncFunctionDef))):
        steps = {}
        for node in walk(function):
            if not isinstance(node, ast.Assign) or len(node.targets) != 1:
                continue
            targets = node.targets[0].elts if isinstance(node.targets[0], ast.Tuple) else [node.targets[0]]
            values = node.value.elts if isinstance(node.value, ast.Tuple) else [node.value]
            for target, value in zip(targets, values) if len(targets) == len(values) else ():
                if isinstance(target, ast.Name) and isinstance(value, ast.BinOp) and isinstance(value.op, (ast.Add, ast.Sub)) and isinstance(value.left, ast.Name) \
                        and isinstance(value.right, ast.Name) and GRID_AXIS.fullmatch(value.left.id) and GRID_STEP.fullmatch(value.right.id):
                    steps[target.id] = node
        for name, node in steps.items():
            upper = lower = False
            for other in walk(function):
                if isinstance(other, ast.Call) and getattr(other.func, "id", None) in ("max", "min", "abs", "range") and any(a.id == name for a in nodes_of(other, ast.Name)):
                    lower = True
                if not isinstance(other, ast.Compare):
                    continue
                for x, o, y in oriented_comparisons(other):
                    if isinstance(x, ast.Name) and x.id == name:
                        bound = constant_value(y)
                        upper |= o in (ast.Lt, ast.LtE) and bound is None
                        lower |= o in (ast.Gt, ast.GtE, ast.Lt, ast.LtE) and bound is not None and bound <= 0 or o in (ast.In, ast.NotIn)
            if upper and not lower:
                return f"{unparsed(node)[:40]} (line {node.lineno}) is checked against the far edge only: a step off the near edge gives -1, which passes"
    return None


PERCENT_NAME = literal_gates.compile(r"(?:^|_)(?:pct|percent|percentage)(?:_|$)", re.IGNORECASE)


def _percent_floor_divided(tree: ast.Module) -> Optional[str]:
    for node in walk(tree):
        if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.FloorDiv) and isinstance(node.right, ast.Constant) and node.right.value == 100
                and isinstance(node.left, (ast.Name, ast.Attribute)) and PERCENT_NAME.search(getattr(node.left, "id", None) or node.left.attr)):
            return f"{unparsed(node)} (line {node.lineno}) floor-divides a percentage: 0 for every percentage under 100 (/ 100 is meant)"
        if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult) and constant_value(node.right) == 100 and isinstance(node.left, ast.BinOp)
                and isinstance(node.left.op, ast.FloorDiv) and not isinstance(node.left.right, ast.Constant)):
            return f"{unparsed(node)[:50]} (line {node.lineno}) floor-divides before it scales to a percentage: 0 for every share under the whole (/ is meant)"
    return None


def _strptime_format_first(tree: ast.Module) -> Optional[str]:
    """``datetime.strptime("%Y-%m-%d", text)`` (or ``fmt = "%H:%M"`` then ``strptime(fmt, start)``): the text comes
    first and the format second, so the format is parsed as a date and every call raises ValueError."""
    bound = values_bound_once(tree)
    for node in nodes_of(tree, ast.Call):
        if getattr(node.func, "attr", None) == "strptime" and len(node.args) == 2:
            first, second = (bound.get(a.id, a) if isinstance(a, ast.Name) else a for a in node.args)
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and re.search(r"%[A-Za-z]", first.value) and not (
                    isinstance(second, ast.Constant) and isinstance(second.value, str) and "%" in second.value):
                return f"{unparsed(node)[:60]} (line {node.lineno}) passes the format first: strptime takes the text, then the format, so every call raises ValueError"
    return None


# The parts of a date, in the order calendar and datetime take them.
DATE_PART_CALLS = {"monthrange": 2, "weekday": 3, "date": 3, "datetime": 3}
DATE_PART = (("year", literal_gates.compile(r"(?:^|_)(?:year|yr|yyyy)s?(?:_|$)")), ("month", literal_gates.compile(r"(?:^|_)(?:month|mon|mm)(?:_|$)")),
             ("day", literal_gates.compile(r"(?:^|_)(?:day|dd|dom)(?:_|$)")))


def _date_parts_out_of_order(tree: ast.Module) -> Optional[str]:
    """``calendar.monthrange(month, year)``, ``date(day, month, year)``: names that say which part of a date they
    hold, passed where another part goes (year, then month, then day), so the call raises or means another date."""
    for node in walk(tree):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None) if isinstance(node, ast.Call) else None
        if name not in DATE_PART_CALLS or node.keywords or not 2 <= len(node.args) <= DATE_PART_CALLS[name]:
            continue
        roles = []
        for arg in node.args:
            said = [part for part, pattern in DATE_PART if isinstance(arg, ast.Name) and pattern.search(arg.id.lower())]
            roles.append(said[0] if len(said) == 1 else None)
        expected = ["year", "month", "day"][:len(node.args)]
        if None not in roles and roles != expected and sorted(roles) == sorted(expected):
            return f"{unparsed(node)[:50]} (line {node.lineno}) passes the {', '.join(roles)} where {name}() takes the {', '.join(expected)}"
    return None


def _decimals_of_a_floor_division(tree: ast.Module) -> Optional[str]:
    """``round(submitted * 100 // assigned, 1)``: a floor division has no decimals to round to, so the
    fraction asked for is cut off before ``round`` sees it (``/`` is meant)."""
    for node in nodes_of(tree, ast.Call):
        if (getattr(node.func, "id", None) == "round" and len(node.args) == 2 and isinstance(node.args[0], ast.BinOp)
                and isinstance(node.args[0].op, ast.FloorDiv) and isinstance(node.args[1], ast.Constant) and type(node.args[1].value) is int and node.args[1].value >= 1):
            return f"{unparsed(node)[:60]} (line {node.lineno}) rounds a floor division to decimals: // has already cut the fraction off"
    return None


# Names that say a value is a count of days or the month's last day: what monthrange()[1] is, and [0] is not.
MONTH_LENGTH_NAME = literal_gates.compile(r"(?:^|_)(?:days?|last|length|len|size|ndays|num_days|n_days|month_days|days_in_month|end)(?:_|$)|days$", re.IGNORECASE)


def _first_weekday_as_month_length(tree: ast.Module) -> Optional[str]:
    """``calendar.monthrange(year, month)[0]`` taken as the month's length (bound to ``days_in_month`` or
    ``last_day``, or handed to ``range``): it is the weekday of the month's first day (0-6); the length is ``[1]``."""
    def first_weekday(node) -> bool:
        return (isinstance(node, ast.Subscript) and constant_value(node.slice) == 0 and isinstance(node.value, ast.Call)
                and (getattr(node.value.func, "attr", None) or getattr(node.value.func, "id", None)) == "monthrange")
    for node in nodes_of(tree, ast.Assign):
        if first_weekday(node.value) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and MONTH_LENGTH_NAME.search(node.targets[0].id):
            return f"{node.targets[0].id} = {unparsed(node.value)[:50]} (line {node.lineno}) is the weekday of the month's first day (0-6), not its length ([1])"
    for node in nodes_of(tree, ast.Call):
        if getattr(node.func, "id", None) == "range" and any(first_weekday(a) or isinstance(a, ast.BinOp) and first_weekday(a.left) for a in node.args):
            return f"{unparsed(node)[:60]} (line {node.lineno}) counts up to the weekday of the month's first day (monthrange()[0]), not its length ([1])"
    return None


def _csv_text_as_a_number(tree: ast.Module) -> Optional[str]:
    """``row["flow_m3s"] * 3600`` in a loop over ``csv.DictReader(...)``: a DictReader's fields are always text, so the
    product repeats the string 3600 times; ``float(row["flow_m3s"])`` is meant. (The same field multiplied by a float,
    added to a number or divided raises TypeError: wrong_kind_values' finding.)"""
    for loop in nodes_of(tree, ast.For):
        reader = loop.iter.func if isinstance(loop.iter, ast.Call) else None
        if not (isinstance(loop.target, ast.Name) and reader is not None and (getattr(reader, "attr", None) or getattr(reader, "id", None)) == "DictReader"):
            continue
        for node in (n for statement in loop.body for n in nodes_of(statement, ast.BinOp) if isinstance(n.op, ast.Mult)):
            for text, times in ((node.left, node.right), (node.right, node.left)):
                if (isinstance(text, ast.Subscript) and isinstance(text.value, ast.Name) and text.value.id == loop.target.id
                        and isinstance(text.slice, ast.Constant) and isinstance(text.slice.value, str)
                        and isinstance(times, ast.Constant) and type(times.value) is int and times.value > 1):
                    return f"{unparsed(node)[:60]} (line {node.lineno}) repeats a csv.DictReader field, which is always text, {times.value} times"
    return None


def _counters(scope: ast.AST, only: bool = False) -> set:
    """The names ``scope`` binds to a new ``Counter(...)`` (``counts = Counter()``, ``counts: Counter = Counter()``);
    with ``only``, those it binds to nothing else (no plain assignment of another value)."""
    def made(node) -> bool:
        return isinstance(node.value, ast.Call) and (getattr(node.value.func, "id", None) or getattr(node.value.func, "attr", None)) == "Counter"
    bindings = [(n.targets[0].id, made(n)) for n in nodes_of(scope, ast.Assign) if len(n.targets) == 1 and isinstance(n.targets[0], ast.Name)]
    found = {name for name, counter in bindings if counter}
    if only:
        return found - {name for name, counter in bindings if not counter}
    return found | {n.target.id for n in nodes_of(scope, ast.AnnAssign) if isinstance(n.target, ast.Name) and n.value is not None and made(n)}


def _counter_updated_with_one_text(tree: ast.Module) -> Optional[str]:
    """``counts.update(trip["end_station"])`` on a ``Counter``: update() counts the items of what it is given, so one
    text (a record's singular field, a string, an f-string) is counted letter by letter; ``counts[key] += 1`` is meant."""
    counters = _counters(tree)
    for node in nodes_of(tree, ast.Call):
        if not (isinstance(node.func, ast.Attribute) and node.func.attr == "update" and isinstance(node.func.value, ast.Name)
                and node.func.value.id in counters and len(node.args) == 1 and not node.keywords):
            continue
        arg = node.args[0]
        field = arg.slice.value if isinstance(arg, ast.Subscript) and isinstance(arg.slice, ast.Constant) else None
        one_text = (isinstance(arg, ast.JoinedStr) or isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                    or isinstance(field, str) and re.fullmatch(r"[a-z_]*[a-z]", field) and not re.search(r"(?<!s)s$|(?:list|items|set|ids|tags)$", field))
        if one_text:
            return f"{unparsed(node)[:60]} (line {node.lineno}) counts the letters of one text: Counter.update() counts the items it is given"
    return None


def _weekday_read_as_iso(tree: ast.Module) -> Optional[str]:
    """``day.weekday() in {6, 7}``, or ``DAY_CODES.get(day.weekday())`` over keys 1-7 (or 1-5): ``weekday()`` counts
    Monday as 0 and Sunday as 6 and never gives 7; the 1-7 numbering is ``isoweekday()``'s, so one day is read as the
    next."""
    once = values_bound_once(tree)

    def numbers(node) -> set:
        node = once.get(node.id, node) if isinstance(node, ast.Name) else node
        if isinstance(node, (ast.Set, ast.Tuple, ast.List)):
            return {constant_value(e) for e in node.elts}
        if isinstance(node, ast.Dict):
            return {constant_value(k) for k in node.keys if k is not None}
        return {constant_value(node)}

    def weekday(node) -> bool:
        return isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "weekday" and not node.args and not node.keywords

    def iso(found: set) -> bool:
        return 7 in found and all(isinstance(v, (int, float)) and not isinstance(v, bool) and v in range(1, 8) for v in found)

    for node in nodes_of(tree, ast.Compare):
        if weekday(node.left) and len(node.ops) == 1 and isinstance(node.ops[0], (ast.In, ast.NotIn, ast.Eq)) and iso(numbers(node.comparators[0])):
            return f"{unparsed(node)[:60]} (line {node.lineno}) reads weekday() as 1-7: it gives 0 (Monday) to 6 (Sunday), never 7"
    for node in nodes_of(tree, (ast.Call, ast.Subscript)):
        table, key = ((node.func.value, node.args[0]) if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "get" and node.args and isinstance(node.func, ast.Attribute)
                      else (node.value, node.slice) if isinstance(node, ast.Subscript) else (None, None))
        keys = numbers(table) if isinstance(table, ast.Name) and isinstance(once.get(table.id), ast.Dict) else set()
        if key is not None and weekday(key) and (iso(keys) or len(keys) >= 5 and iso(keys | {7})):  # {1: "Mon", ..., 5: "Fri"}: no key 0
            return f"{unparsed(node)[:60]} (line {node.lineno}) looks weekday() up in a table keyed from 1: weekday() gives 0 (Monday) to 6 (Sunday)"
    return None


def _month_past_december(tree: ast.Module) -> Optional[str]:
    """``date(day.year, day.month + 1, 1)`` (or ``day.replace(month=day.month + 1)``, or ``month = first.month + offset``
    then ``date(year, month, 1)`` or ``monthrange(year, month)``) with nothing in the code that turns December over
    (no 12 compared or taken, only a year carried by ``// 12``; no ``%`` nor ``divmod``, no ValueError caught): past
    December the month is 13 and the call raises ValueError."""
    text = unparsed(tree)
    if re.search(r"(?<!// )\b12\b|%|divmod|relativedelta|\bexcept\b|\bDateOffset\b", text):
        return None
    once = values_bound_once(tree)
    def next_month(node) -> bool:
        node = once.get(node.id, node) if isinstance(node, ast.Name) else node
        return (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Attribute)
                and node.left.attr == "month" and (constant_value(node.right) == 1 or isinstance(node.right, ast.Name)))
    for node in nodes_of(tree, ast.Call):
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        month = (node.args[1] if name in ("date", "datetime", "monthrange") and len(node.args) >= 2
                 else next((k.value for k in node.keywords if k.arg == "month"), None) if name in ("date", "datetime", "replace") else None)
        if month is not None and next_month(month):
            return f"{unparsed(node)[:60]} (line {node.lineno}) makes month 13 past December, which raises ValueError: nothing turns the year over"
    return None


# A clock's fields and the value each stops below: 10:45 plus 30 minutes is no minute 75. A date's day stops at its
# month's end: the 30th plus 2 days is no day 32.
CLOCK_FIELDS = {"minute": 60, "hour": 24, "second": 60}
# What carries a field over, or bounds it, for each field: a remainder, a caught error, a timedelta, the bound itself.
CARRIED = {"clock": ({60, 24, 59, 23}, {"divmod", "timedelta", "relativedelta"}), "day": ({28, 29, 30, 31}, {"divmod", "timedelta", "relativedelta", "monthrange"})}


def _clock_field_overflow(tree: ast.Module) -> Optional[str]:
    """``begins.replace(minute=begins.minute + minutes)``: a field of a time moved in place by a variable amount, with
    nothing in the code that carries over (no ``%``, ``divmod``, ``timedelta``, no 60 or 24 to compare with, no
    ``try``): past 59 minutes (or 23 hours) it raises ValueError. So does ``when.replace(day=when.day + days)`` past
    the month's last day (nothing of 28 to 31, ``monthrange`` nor a timedelta in the code)."""
    if "replace" not in unparsed(tree):
        return None  # a field is only moved in place by .replace()
    carried = set()
    for node in walk_outside_asserts(tree):  # an assert's datetime(2024, 5, 9, 15, 30) carries nothing over
        if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, ast.Mod) or isinstance(node, ast.Try):
            return None
        for field, (bounds, names) in CARRIED.items():
            if (isinstance(node, ast.Constant) and type(node.value) is int and node.value in bounds
                    or isinstance(node, (ast.Name, ast.Attribute)) and (getattr(node, "id", None) or getattr(node, "attr", None)) in names):
                carried.add(field)
    for node in nodes_of(tree, ast.Call):
        if not (getattr(node.func, "attr", None) == "replace"):
            continue
        for keyword in node.keywords:
            moved = keyword.value
            if not (isinstance(moved, ast.BinOp) and isinstance(moved.op, ast.Add) and isinstance(moved.left, ast.Attribute)
                    and moved.left.attr == keyword.arg and not isinstance(moved.right, ast.Constant)):
                continue
            if keyword.arg in CLOCK_FIELDS and "clock" not in carried:
                return (f"{unparsed(node)[:60]} (line {node.lineno}) moves the {keyword.arg} in place: past {CLOCK_FIELDS[keyword.arg] - 1} "
                        f"it raises ValueError (a timedelta carries over)")
            if keyword.arg == "day" and "day" not in carried:
                return (f"{unparsed(node)[:60]} (line {node.lineno}) moves the day in place: past the month's last day "
                        f"it raises ValueError (a timedelta carries over)")
    return None


def _half_left_out_of_divisors(tree: ast.Module) -> Optional[str]:
    """``sum(d for d in range(1, n // 2) if n % d == 0)``: a divisor search that stops before ``n // 2``, which divides
    every even ``n`` (6's divisors 1, 2, 3 lose the 3; ``range(1, n // 2 + 1)`` is meant)."""
    for node in walk(tree):
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            loops = [(g.target, g.iter, g.ifs) for g in node.generators]
        elif isinstance(node, ast.For):
            loops = [(node.target, node.iter, [n.test for n in nodes_of(node, ast.If)])]
        else:
            continue
        for target, over, tests in loops:
            stop = over.args[1] if isinstance(over, ast.Call) and getattr(over.func, "id", None) == "range" and len(over.args) == 2 else None
            if not (isinstance(target, ast.Name) and isinstance(stop, ast.BinOp) and isinstance(stop.op, ast.FloorDiv)
                    and constant_value(stop.right) == 2 and isinstance(stop.left, ast.Name)):
                continue
            if any(isinstance(c, ast.BinOp) and isinstance(c.op, ast.Mod) and getattr(c.left, "id", None) == stop.left.id and getattr(c.right, "id", None) == target.id
                   for test in tests for c in walk(test)):
                return f"{unparsed(over)} (line {over.lineno}) stops before {stop.left.id} // 2, a divisor of every even {stop.left.id}"
    return None


def _floored_log_of_a_base(tree: ast.Module) -> Optional[str]:
    """``int(math.log(n, base))`` (or ``floor``): the two-argument log divides two rounded logs, so at exact powers it
    falls just short (``math.log(1000, 10)`` is 2.9999999999999996) and the floor is one too small."""
    for node in nodes_of(tree, ast.Call):
        if (getattr(node.func, "id", None) in ("int", "floor") or getattr(node.func, "attr", None) == "floor") and len(node.args) == 1:
            inner = node.args[0]
            if isinstance(inner, ast.Call) and unparsed(inner.func) in ("math.log", "log") and len(inner.args) == 2 and not inner.keywords:
                return f"{unparsed(node)[:50]} (line {node.lineno}) floors a rounded quotient of logs: math.log(1000, 10) is 2.9999999999999996"
    return None


SEQUENCE_CALLS = frozenset({"split", "rsplit", "partition", "rpartition", "divmod", "splitlines"})


def _conditional_split_unpacked(tree: ast.Module) -> Optional[str]:
    """``kind, location = raw.split(":", 1) if ":" in raw else raw, "unspecified"``: the comma binds looser than the
    conditional, so the right side is the pair ``(split-or-raw, "unspecified")`` and ``kind`` takes the whole split list
    where a colon was found; the conditional was meant over both (parenthesise each side)."""
    for node in nodes_of(tree, ast.Assign):
        target, value = node.targets[0], node.value
        if not (len(node.targets) == 1 and isinstance(target, ast.Tuple) and isinstance(value, ast.Tuple) and len(target.elts) == len(value.elts) >= 2):
            continue
        first = value.elts[0]
        if isinstance(first, ast.IfExp) and isinstance(first.body, ast.Call) and (getattr(first.body.func, "attr", None) or getattr(first.body.func, "id", None)) in SEQUENCE_CALLS                 and not isinstance(first.orelse, (ast.Tuple, ast.List, ast.Call)):
            return (f"{unparsed(target)} = {unparsed(first)[:50]}, ... (line {node.lineno}): the conditional ends at the comma, so "
                    f"{unparsed(target.elts[0])} takes the whole {unparsed(first.body)[:30]} where {unparsed(first.test)[:30]}")
    return None


def misused_call(tree: ast.Module) -> Optional[str]:
    """How the code misuses a standard call, else None."""
    return (_stripped_affix(tree) or _swapped_pattern(tree) or _randint_past_the_end(tree) or _blocking_sleep(tree) or _bool_option(tree)
            or _load_of_a_path(tree) or _swapped_date_fields(tree) or _shared_default(tree) or _appended_to_a_temporary(tree)
            or _nested_write_to_a_shallow_copy(tree) or _one_row_repeated(tree) or _identity_of_values(tree)
            or _flag_as_count(tree) or _one_value_for_every_key(tree) or _comparison_as_key(tree) or _loads_of_a_file(tree)
            or _twelve_hour_without_meridiem(tree) or _dicts_on_a_heap(tree) or _augmented_missing_key(tree) or _other_side_never_set_up(tree) or _counted_by_another_field(tree) or _seconds_of_a_difference(tree)
            or _predicate_never_called(tree) or _method_used_as_a_value(tree) or _deque_sliced(tree) or _unknown_group(tree) or _text_handed_to_csv(tree) or _heap_sliced(tree)
            or _findall_of_a_repeated_group(tree) or _changed_while_iterated(tree) or _groupby_unsorted_into_dict(tree) or _find_as_truth(tree)
            or _pages_one_too_many(tree) or _quarter_off_by_one(tree) or _last_run_dropped(tree) or _last_chunk_dropped(tree) or _decimal_of_a_float(tree) or _greedy_tag_pattern(tree)
            or _window_one_short(tree) or _grid_step_unbounded_below(tree) or _last_window_missed(tree) or _run_counted_only_when_it_ends(tree)
            or _days_apart_by_day_of_month(tree) or _percent_floor_divided(tree) or _swapped_substitution(tree) or _swapped_heap_selection(tree) or _ranked_by_the_wrong_part(tree)
            or _heap_call_on_an_item(tree) or _quantized_to_a_count(tree) or _trig_of_degrees(tree) or _digest_of_a_length(tree)
            or _compiled_substitution_swapped(tree) or _strptime_format_first(tree) or _date_parts_out_of_order(tree) or _month_past_december(tree) or _clock_field_overflow(tree)
            or _decimals_of_a_floor_division(tree) or _best_taken_only_when_a_run_breaks(tree) or _run_recorded_only_when_it_breaks(tree) or _last_group_left_in_the_loop(tree) or _first_pair_skipped(tree)
            or _merged_end_overwritten(tree) or _largest_name_of_a_tally(tree) or _rounded_then_scaled(tree) or _default_added_twice(tree)
            or _removed_from_the_list_it_walks(tree) or _clock_digits_subtracted(tree) or _clock_read_as_decimal(tree) or _minutes_made_positive(tree) or _item_lost_to_zip(tree) or _minutes_never_carried(tree) or _shifted_month_unwrapped(tree)
            or _half_left_out_of_divisors(tree) or _floored_log_of_a_base(tree) or _first_weekday_as_month_length(tree) or _weekday_read_as_iso(tree)
            or _counter_updated_with_one_text(tree) or _csv_text_as_a_number(tree) or _conditional_split_unpacked(tree))
