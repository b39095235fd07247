"""Probes for the tasks every synthetic code set is full of: is this a working ``is_prime``?

Self-Instruct and Evol-Instruct ask the same few hundred classic tasks over and over (primes,
factorials, leap years, the median, binary search, Fahrenheit to Celsius ...), and a small model's
wrong answer to one of them is clean code with a right name and, often, no test or asserts that happen
to pass: ``year % 4 == 0 and year % 100 != 0``, ``nums[mid] + nums[mid + 1]`` for the even median,
``while low < high`` in a binary search. The answers to these tasks are not in doubt, so when an
instruction asks for one of them in so many words, execution also runs the code's function on a few
inputs inside the task's domain and compares it with the known answer, as it runs the instruction's
own worked examples (:mod:`hfsynth.curate.instruction_examples`).

A task is recognised only from English words that leave no doubt, with none of the words that would
change its answer (for the median, "lower median"; for the vowels, "y"); the function probed is the
code's one public top-level function that takes the task's number of arguments (or the one whose name
says the task). A task whose answer depends on a convention (the first Fibonacci number) is probed by
a relation that every convention keeps (``fib(k) == fib(k - 1) + fib(k - 2)``). A function the
instruction names in code and whose name says the task by itself (``is_prime``,
``celsius_to_fahrenheit``) is probed too; two-argument tasks whose order varies (days in a month)
are probed only when the parameters' names say which argument is which. A password check is probed
with the rules its instruction lists (a length and classes of characters, all required).
"""

from __future__ import annotations

import ast
import csv
import math
import os
import re
from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Tuple

from hfsynth.curate import literal_gates
from hfsynth.curate.python_ast import parse_python, unparsed


@dataclass(frozen=True)
class KnownTask:
    """``asks``: the instruction's words; ``unless``: words that change the answer; ``arity``: arguments
    taken; ``name``: a regex a function's name may match to be picked among several; ``probes``: argument
    tuples; ``answer``: the known answer of one probe (None: ``relation`` is checked instead)."""

    label: str
    asks: "re.Pattern[str]"
    arity: int
    name: str
    probes: Sequence[Tuple] = ()
    answer: Optional[Callable] = None
    relation: str = ""  # a Python expression of ``f`` that must be True
    unless: "re.Pattern[str]" = field(default=literal_gates.compile(r"(?!x)x"))
    truth: bool = False  # the answer is a truth value: compared as bool(f(...))
    in_place: bool = False  # the function may change its argument and return None (a sort): the argument is read then
    named: str = ""  # a function name that says the task by itself (``is_prime``): asked when the instruction names it
    named_unless: "re.Pattern[str]" = field(default=literal_gates.compile(r"(?!x)x"))  # ... unless these words change its answer ("no substitutions")
    parameters: Tuple[str, ...] = ()  # regexes the parameters' names match, in the probes' order (or reversed: the probes are swapped)


def _i(pattern: str) -> "re.Pattern[str]":
    return literal_gates.compile(pattern, re.IGNORECASE)


def _is_prime(n: int) -> bool:
    return n > 1 and all(n % d for d in range(2, math.isqrt(n) + 1))


ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def _from_roman(text: str) -> int:
    values = {symbol: value for value, symbol in ROMAN if len(symbol) == 1}
    total = 0
    for here, after in zip(text, text[1:] + " "):
        total += -values[here] if values.get(after, 0) > values[here] else values[here]
    return total


def _parentheses_to_add(text: str) -> int:
    """How many parentheses make ``text`` valid: one for each ``)`` with nothing open, one for each ``(`` left open."""
    open_, added = 0, 0
    for ch in text:
        if ch == "(":
            open_ += 1
        elif open_:
            open_ -= 1
        else:
            added += 1
    return added + open_


def _roman(n: int) -> str:
    out = ""
    for value, symbol in ROMAN:
        count, n = divmod(n, value)
        out += symbol * count
    return out


def _collatz_steps(n: int) -> int:
    steps = 0
    while n != 1:
        n, steps = (n // 2 if n % 2 == 0 else 3 * n + 1), steps + 1
    return steps


def _bisect_left(items, x) -> int:
    return sum(1 for item in items if item < x)  # the sorted list's count of smaller items


def _median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _binary_search(items, target):
    return items.index(target) if target in items else -1


def _lcs(a: str, b: str) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
    return table[-1][-1]


def _flatten(items):
    out = []
    for item in items:
        out.extend(_flatten(item) if isinstance(item, list) else [item])
    return out


def _dedupe(items):
    return list(dict.fromkeys(items))


def _merge(intervals):
    merged: List[List[int]] = []
    for start, end in sorted(map(list, intervals)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def _matmul(a, b):
    return [[sum(x * y for x, y in zip(row, column)) for column in zip(*b)] for row in a]


def _inversions(values) -> int:
    return sum(1 for i in range(len(values)) for j in range(i + 1, len(values)) if values[i] > values[j])


def _column_number(title: str) -> int:
    number = 0
    for letter in title:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _column_title(number: int) -> str:
    title = ""
    while number:
        number, rest = divmod(number - 1, 26)
        title = chr(ord("A") + rest) + title
    return title


def _rooms(intervals) -> int:
    """Meetings under way at the busiest start time (a meeting ending at t frees its room for one starting at t)."""
    return max((sum(1 for s, e in intervals if s <= start < e) for start, _ in intervals), default=0)


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (x != y))
    return row[-1]


def _balanced(text: str) -> bool:
    opening, stack = {")": "(", "]": "[", "}": "{"}, []
    for char in text:
        if char in "([{":
            stack.append(char)
        elif char in opening and (not stack or stack.pop() != opening[char]):
            return False
    return not stack


def _caesar(text: str, shift: int) -> str:
    out = []
    for char in text:
        base = ord("a") if "a" <= char <= "z" else ord("A") if "A" <= char <= "Z" else None
        out.append(char if base is None else chr((ord(char) - base + shift) % 26 + base))
    return "".join(out)


def _spiral(matrix):
    rows, out = [list(row) for row in matrix], []
    while rows:
        out.extend(rows.pop(0))
        rows = [list(column) for column in zip(*rows)][::-1]  # turned counter-clockwise: the right column on top
    return out


def _fewest_coins(coins, amount: int) -> int:
    best = [0] + [amount + 1] * amount
    for total in range(1, amount + 1):
        best[total] = min([best[total - c] + 1 for c in coins if c <= total] + [amount + 1])
    return best[amount]


def _common_substring(a: str, b: str) -> int:
    return max((k for i in range(len(a)) for j in range(len(b)) for k in range(1, min(len(a) - i, len(b) - j) + 1) if a[i:i + k] == b[j:j + k]), default=0)


def _knapsack(weights, values, capacity: int) -> int:
    best = [0] * (capacity + 1)
    for weight, value in zip(weights, values):
        for room in range(capacity, weight - 1, -1):
            best[room] = max(best[room], best[room - weight] + value)
    return best[capacity]


def _islands(grid) -> int:
    seen, count = set(), 0
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell == "1" and (r, c) not in seen:
                count, stack = count + 1, [(r, c)]
                while stack:
                    y, x = stack.pop()
                    if (y, x) in seen or not (0 <= y < len(grid) and 0 <= x < len(grid[y])) or grid[y][x] != "1":
                        continue
                    seen.add((y, x))
                    stack += [(y + 1, x), (y - 1, x), (y, x + 1), (y, x - 1)]
    return count


def _isbn10(code: str) -> bool:
    if len(code) != 10 or not code[:9].isdigit() or not (code[9].isdigit() or code[9] == "X"):
        return False
    return (sum((10 - i) * int(c) for i, c in enumerate(code[:9])) + (10 if code[9] == "X" else int(code[9]))) % 11 == 0


def _issn(code: str) -> bool:
    """'NNNN-NNNC': weights 8..2 over the seven digits, C = (11 - sum % 11) % 11, 'X' for 10."""
    if not re.fullmatch(r"\d{4}-\d{3}[\dX]", code):
        return False
    digits = code.replace("-", "")
    check = (11 - sum(int(d) * w for d, w in zip(digits[:7], range(8, 1, -1))) % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def _next_palindrome(n: int) -> int:
    n += 1
    while str(n) != str(n)[::-1]:
        n += 1
    return n


def _longest_unrepeated(text: str) -> int:
    best = 0
    for i in range(len(text)):
        seen = set()
        for char in text[i:]:
            if char in seen:
                break
            seen.add(char)
        best = max(best, len(seen))
    return best


def _trapped(heights) -> int:
    return sum(max(0, min(max(heights[:i + 1]), max(heights[i:])) - h) for i, h in enumerate(heights))


def _queens(n: int) -> int:
    def place(row, columns, down, up):
        if row == n:
            return 1
        return sum(place(row + 1, columns | {c}, down | {row - c}, up | {row + c}) for c in range(n) if c not in columns and row - c not in down and row + c not in up)
    return place(0, set(), set(), set())


def _ipv4(text: str) -> bool:
    parts = text.split(".")
    return len(parts) == 4 and all(p.isdigit() and p.isascii() and int(p) <= 255 for p in parts)


def _lis(xs) -> int:
    best = [1] * len(xs)
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] < xs[i]:
                best[i] = max(best[i], best[j] + 1)
    return max(best, default=0)


# Words that make the answer something else than the plain task's, for all tasks.
PRINTS = r"\bprint|\bmessage\b|\bstring ['\"]|\breturn ['\"]|\bgenerator\b|\byield"
# A scale the function keeps to: "the oven works from 50 °C to 300 °C: raise ValueError outside that range", "in steps of 5":
# the freezing point probed is a value it rightly refuses.
LIMITED_SCALE = r"|\boutside\b|\bout of range\b|\b(?:in )?steps? of\b|\bnearest multiple\b"

# Words that make a duplicates task (the values seen more than once) another task.
DUPLICATES_UNLESS = (r"|\bwithout (?:any )?duplicates\b|\bno duplicates\b|\bfree of duplicates\b|\bcount\w*|\bfrequenc\w*|\bindex|\bindices\b|\bpositions?\b|\bremov\w*|\bdrop\w*|\bdelet\w*|\bstrings?\b|\bcase\b|\bdict\w*|\bpairs?\b|\bfiles?\b|"
                     r"\bnear\b|\bwithin\b|\bk\b|\bdistance\b|\bsub\w*|\bconsecutive\b|\badjacent\b|\bexactly\b|\btwice\b|\bthree\b|\blinked\b|\bTrue\b|\bbool\w*|\bwhether\b|\bcontains?\b|"
                     r"\bmatrix\b|\brows?\b|\bcolumns?\b|\bwords?\b|\bcharacters?\b|\bmissing\b|\bnested\b|\btuples?\b|\bkeys?\b|\bobjects?\b|\bhash\w*")

# "split a single CSV line into fields": commas, double-quoted fields that hold commas, as the csv module reads them.
CSV_LINE = r"\b(?:split\w*|pars\w*|tokeni[sz]\w*)\b[^.]{0,40}\bcsv\b[^.]{0,15}\b(?:lines?|rows?|records?|strings?)\b|\b(?:split|parse)_csv_(?:line|row)\b"
CSV_UNLESS = (r"|\bbackslash\w*|\bescaped? (?:with|by)\b(?! doubling)|\bdelimiters?\b|\bseparators?\b|\bsemicolons?\b|\btabs?\b|\bstrip\w*|\btrim\w*|\bwhitespace\b|\bspaces?\b|"
              r"\bsingle quotes?\b|\bnewlines?\b|\bmultiple lines\b|\bdict\w*|\bheaders?\b|\bNone\b|\btypes?\b|\bnumbers?\b|\bconvert\w*|\bunquot\w*|\bkeep\w* (?:the )?quotes\b|\bfile\b")


def _csv_fields(line: str) -> List[str]:
    return next(csv.reader([line]))


# "appear in both lists", "common to every playlist": items two or more lists share; and words that change which
# items, or what of them, is asked (counts, positions, records, fuzzy or case-blind matching).
SHARED_BY = r"\b(?:in|appear\w* in|present in|common to|found in|occur\w* in|shared by|belong\w* to)\s+\**"
SHARED_UNLESS = (r"|\bcount\w*|\bhow many\b|\bnumber of\b|\bmultiplicit\w*|\bas many times\b|\btimes\b|\bindex|\bindices\b|\bpositions?\b|"
                 r"\bdict\w*|\bpairs?\b|\bdifference\b|\bonly (?:in|one)\b|\beither\b|\bexclusive\b|\bexcept\b|\bcase\b|\bignor\w*|\bnormali[sz]\w*|\bfuzzy\b|"
                 r"\bsimilar\b|\bprefix|\bsuffix|\bsubstring|\bsorted lists\b|\bkeys?\b|\bfield\b|\bobjects?\b|\brecords?\b|\bdicts?\b|\btuples?\b|\bid\b|\bids\b")

# "the first day on which the cumulative catch is strictly greater than `limit`. Use binary search", "the percentage of
# finishers strictly faster than t": a search for a threshold, whose answer for a value in the list is not its index.
THRESHOLD_SEARCH = (r"|\bstrictly\s+(?:\w+er\b|above|below|over|under|after|before|exceed)|\bpercent"
                    r"|\bfirst\s+(?:\w+\s+){0,4}(?:on\s+which|where|whose|that|with)\b[^.]{0,60}\b(?:greater|more|less|exceeds?|above|below|over|under|at\s+least|at\s+most|reach(?:es|ed)?)\b")
TASKS: Tuple[KnownTask, ...] = (
    KnownTask("a primality test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\bprime\b|\bprimality (?:test|check)\w*"), 1, r"prime",
              [(n,) for n in (0, 1, 2, 3, 4, 9, 15, 17, 25, 29, 49, 97, 100)], _is_prime,
              unless=_i(PRINTS + r"|\blength\b|\bstrings?\b|\bwords?\b|\bcharacters\b|\bletters\b|\bprimes\b|factor|\bnth\b|n-th|\bsum\b|\bcount|\bsieve\b|\bnext\b|\bbetween\b|\blist\b|twin|\bco-?prime|pseudo|probab|miller|fermat|\bprimes up to\b|\bprime numbers\b|\bmultipl\w*|\bproduct\b"), truth=True, named=r"is_?prime"),
    KnownTask("a factorial", _i(r"\bfactorial\b|\bn!"), 1, r"fact", [(0,), (1,), (5,), (10,)], math.factorial,
              unless=_i(PRINTS + r"|digit|trailing|zeros|modulo|\bmod\b|\bsum\b|double factorial|\blist\b|\bsequence\b|\bspecial\b|\bbrazilian\b|\bsuper\w*|\bproduct of\b")),
    KnownTask("the Fibonacci numbers", _i(r"\b(?:n-?th|nth)\b[^.]{0,30}\bfibonacci\b|\bfibonacci number\b"), 1, r"fib",
              relation="all(f(k) == f(k - 1) + f(k - 2) for k in range(5, 13)) and f(12) > f(11) > 0",
              unless=_i(PRINTS + r"|\blist\b|\bsequence\b|\bfirst n\b|\bup to\b|\bseries\b|\beven\b|\bsum\b|\bmodulo\b|\bmod\b|\bdigits?\b|\blast\b|\bprimes?\b|\balso\b")),
    KnownTask("the greatest common divisor", _i(r"\bgcd\b|\bgreatest common (?:divisor|factor)\b|\bhighest common factor\b"), 2, r"gcd|hcf|divisor",
              [(12, 18), (17, 5), (0, 9), (100, 75), (48, 180)], math.gcd, unless=_i(PRINTS + r"|\blist\b|\barray\b|\bextended\b|\bbezout|\bthree\b|\bmultiple\b|\bnegative\b")),
    KnownTask("the least common multiple", _i(r"\blcm\b|\b(?:least|lowest) common multiple\b"), 2, r"lcm|multiple",
              [(4, 6), (3, 5), (12, 18), (7, 7)], lambda a, b: a * b // math.gcd(a, b), unless=_i(PRINTS + r"|\blist\b|\barray\b|\bthree\b|\brange\b|\b1 to\b|\bnumbers from\b")),
    KnownTask("a leap-year test", _i(r"\bleap[- ]year\b"), 1, r"leap", [(y,) for y in (2000, 1900, 2024, 2023, 2100, 1600)],
              lambda y: y % 4 == 0 and (y % 100 != 0 or y % 400 == 0), unless=_i(PRINTS + r"|\bdays?\b|\bmonth|\bcount\b|\bbetween\b|\bnext\b|\blist\b|julian"), truth=True,
              named=r"is_leap(?:_year)?|isleap|leap_year|is_leap_yr"),
    KnownTask("a string reversed", _i(r"\breverses?\b[^.]{0,15}\bstrings?\b|\breverse of a string\b"), 1, r"rev", [("hello",), ("ab",), ("",), ("racecar",)],
              lambda s: s[::-1], unless=_i(PRINTS + r"|\bwords?\b|\bvowels?\b|\bin[- ]place\b|\blist\b|\bsentence\b|\beach\b|\bcase\b|\bnumber\b|\binteger\b")),
    KnownTask("the Celsius of a Fahrenheit temperature", _i(r"\bfahrenheit to celsius\b|\bF to C\b"), 1, r"c|cels", [(212,), (32,), (-40,), (50,), (68,)],
              lambda f: (f - 32) * 5 / 9, unless=_i(PRINTS + r"|\blist\b|\btable\b|\bkelvin\b|\binput\(|\bstring\b" + LIMITED_SCALE), named=r"(?:f|fahr|fahrenheit)_?(?:to|2)_?(?:c|cels|celsius)"),
    KnownTask("the Fahrenheit of a Celsius temperature", _i(r"\bcelsius to fahrenheit\b|\bC to F\b"), 1, r"f|fahr", [(100,), (0,), (-40,), (25,), (30,)],
              lambda c: c * 9 / 5 + 32, unless=_i(PRINTS + r"|\blist\b|\btable\b|\bkelvin\b|\binput\(|\bstring\b" + LIMITED_SCALE), named=r"(?:c|cels|celsius)_?(?:to|2)_?(?:f|fahr|fahrenheit)"),
    KnownTask("the sum of the digits", _i(r"\bsum of (?:the |its |all )?(?:decimal )?digits\b"), 1, r"digit|sum", [(0,), (7,), (1234,), (99999,), (1000,)],
              lambda n: sum(map(int, str(n))), unless=_i(PRINTS + r"|\bnegative\b|\bstring\b|\brepeated|\bsingle digit\b|\bdigital root\b|\buntil\b|\bsquares?\b|\beven\b|\bodd\b|\bbase\b|\blist\b")),
    KnownTask("the median", _i(r"\bmedian\b"), 1, r"median", [([3, 1, 2],), ([4, 1, 3, 2],), ([5],), ([7, 7, 1, 9, 2, 10],)], _median,
              unless=_i(PRINTS + r"|\bmedians\b|\bignor\w*|\bexclud\w*|\bfilter\w*|\bdiscard\w*|\bremaining\b|\bqualif\w*|\bin (?:minutes|hours|seconds|days)\b|\beach\b|\bevery\b|\binsert\w*|\blower\b|\bupper\b|\bhigh\b|\blow\b|\brunning\b|\bstream|\bwindow\b|\btwo sorted\b|\barrays\b|\bmatrix\b|\bweighted\b|\bgroup|\bdict|\bcolumn|\bkey\b|\bsummary\b|\bstatistics\b(?!`?\s*(?:module|library|package))"
                        r"|\bper\b|\btuples?\b|\brecords?\b|`?\([a-z_]+,\s*[a-z_]+"  # "the median goals per match of (home, away, hg, ag) results"
                        r"|\bround\w*|\bclamp\w*|\bcapped\b|\bexactly\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\b")),  # "exactly 7 daily counts ... the median, rounded to 500"
    KnownTask("a binary search", _i(r"\bbinary search\b"), 2, r"search|find|index",
              [([1, 3, 5, 7, 9], 7), ([1, 3, 5, 7, 9], 1), ([1, 3, 5, 7, 9], 9), ([1, 3, 5, 7, 9], 4), ([1, 3, 5, 7, 9], 10), ([2], 2)], _binary_search,
              unless=_i(PRINTS + r"|\binsert|\bleftmost\b|\brightmost\b|\bfirst occurrence|\blast occurrence|\bbisect\b|\bnone\b|\bfalse\b|\brotated\b|\btree\b|\brecursive|\bboolean\b|\btrue\b|\bdescending\b|\bcount\b"
                                    r"|\b(?:over|of|on|in)\s+(?:the\s+)?cumulative\s+(?!`)|\bprefix sums?\b|\brunning totals?\b"  # "binary search over the cumulative distances": not the list's own items
                                    r"|\bat or (?:before|after)\b|\blatest\b|\bearliest\b|\bnearest\b|\bclosest\b"  # "the latest calibration at or before": a neighbour
                                    + THRESHOLD_SEARCH), named=r"binary_?search"),
    KnownTask("the longest common subsequence's length", _i(r"\blength of the longest common subsequence\b|\blongest common subsequence\b[^.]{0,30}\blength\b"), 2, r"lcs|subseq|common",
              [("abcde", "ace"), ("abc", "def"), ("AGGTAB", "GXTXAYB"), ("", "abc")], _lcs, unless=_i(PRINTS + r"|\bsubstring\b|\bitself\b|\bthe subsequence\b|\bnot (?:just|only|merely) (?:its|the) length\b|\breturns? (?:one|a|any) longest common subsequence\b")),
    KnownTask("a list flattened", _i(r"\bflatten\w*\b[^.]{0,60}\b(?:any|arbitrar\w*) (?:depth|level|nesting)|\bdeeply nested\b[^.]{0,40}\bflat"), 1, r"flat",
              [([[1, [2, [3]]], 4],), ([],), ([1, 2],), ([[[]], [5]],)], _flatten, unless=_i(PRINTS + r"|\bdict|\btuple|\bstring|\bdepth=|\blevels? of\b|\bgenerator\b")),
    KnownTask("duplicates removed in order", _i(r"\b(?:remov\w*|drop\w*|dedup\w*|eliminat\w*)\b[^.]{0,30}\bduplicates?\b[^.]{0,60}\b(?:preserv\w*|keep\w*|maintain\w*|retain\w*)\b[^.]{0,20}\border\b"),
              1, r"dup|uniq", [([3, 1, 3, 2, 1],), ([],), (["a", "b", "a"],), ([1, 1, 1],)], _dedupe, unless=_i(PRINTS + r"|\bsorted\b|\bcase\b|\bkey\b|\bdict|\bin[- ]place\b|\blast\b|\bcount")),
    # In any order: the values left are the distinct values, each once (a None return is read as a change in place).
    KnownTask("duplicates removed", _i(r"\b(?:remov\w*|drop\w*|dedup\w*|eliminat\w*)\b[^.]{0,30}\bduplicates?\b[^.]{0,20}\b(?:from|in|of) (?:a|the|any|an input|the given|a given) list\b"), 1, r"dup|uniq|differ",
              relation="(lambda g: all(sorted(g(list(xs))) == sorted(set(xs)) for xs in ([3, 1, 3, 2, 1], [], [1, 1, 1], [5, 4], [2, 7, 2, 7, 9])))"
                       "(lambda a: (lambda r: a if r is None else r)(f(a)))",
              unless=_i(PRINTS + r"|\bsorted\b|\bcase\b|\bkey\b|\bdict|\blast\b|\bcount|\bconsecutive\b|\badjacent\b|\bnested\b|\blists\b|\bstrings?\b|\btuples?\b|\blinked\b|\bnodes?\b|\breturn (?:the|all|a list of) duplicates\b|\bboth\b|\bentirely\b|\ball occurrences\b|\bappear\w* more than once\b")),
    KnownTask("overlapping intervals merged", _i(r"\bmerg\w*\b[^.]{0,20}\boverlapping\b[^.]{0,20}?\bintervals\b"), 1, r"merge",
              [([[1, 3], [2, 6], [8, 10], [15, 18]],), ([[8, 10], [1, 3], [2, 6]],), ([],), ([[1, 10], [2, 3]],)], _merge,
              unless=_i(PRINTS + r"|\btouch|\badjacent\b|\binsert|\bcount\b|\bremov|\bstring|\btuples?\b|\bclosed\b|\bopen\b")),
    KnownTask("an anagram test", _i(r"\b(?:are|is|whether|if|check\w*)\b[^.]{0,40}\banagrams?\b"), 2, r"anagram", [("listen", "silent"), ("abc", "abd"), ("aab", "abb"), ("", "")],
              lambda a, b: sorted(a) == sorted(b), unless=_i(PRINTS + r"|\bcase\b|\bspaces?\b|\bpunctuation\b|\bgroup|\blist\b|\bfind\b|\bsentence|\bphrase"), truth=True),
    KnownTask("a character's occurrences counted", _i(r"\bcount\w*\b[^.]{0,25}\boccurrences? of a (?:given )?(?:character|char|letter)\b[^.]{0,15}\bstring\b"), 2, r"count|occur",
              [("banana", "a"), ("hello", "z"), ("aaa", "a"), ("", "x")], lambda text, char: text.count(char),
              unless=_i(PRINTS + r"|\bcase\b|\bignor|\boverlap|\bsubstring\b|\bwords?\b|\beach\b|\bdict|\bfrequenc")),
    KnownTask("a list's last n elements", _i(r"\blast n (?:elements|items|values)\b[^.]{0,15}\b(?:list|array)\b"), 2, r"last|tail",
              [([1, 2, 3, 4, 5], 2), ([1, 2, 3], 3), ([1, 2, 3], 1)], lambda items, n: items[-n:],
              unless=_i(PRINTS + r"|\bnegative\b|\bzero\b|\bempty\b|\bstring\b|\blarger\b|\bexceeds?\b|\breverse|\bgenerator\b|\bdeque\b")),
    KnownTask("the index of the largest element", _i(r"\bindex of the (?:maximum|largest|biggest|max) (?:element|value|number|item)\b"), 1, r"index|max|arg",
              [([3, 9, 2],), ([5],), ([-4, -2, -9],), ([1, 2, 3, 4],)], lambda items: items.index(max(items)),
              unless=_i(PRINTS + r"|\blast\b|\ball\b|\bties?\b|\bminimum\b|\bsecond\b|\bempty\b|\bmatrix\b|\brow\b|\bcolumn\b")),
    KnownTask("a list rotated right, k past its length", _i(r"(?:\brotat\w*\b[^.]{0,25}\b(?:list|array)\b[^.]{0,25}\bright\b|\b(?:elements|items|values) shifted\b[^.]{0,30}\bto the right\b)(?=[^\n]*\b(?:larger|greater|longer|exceed\w*|bigger)\b[^.]{0,20}\b(?:length|size)\b)"), 2, r"rot",
              [([1, 2, 3, 4, 5], 2), ([1, 2, 3], 4), ([1, 2, 3], 3), ([1, 2, 3, 4], 9)], lambda items, k: items[-(k % len(items)):] + items[:-(k % len(items))] if items and k % len(items) else list(items),
              unless=_i(PRINTS + r"|\bleft\b|\bin[- ]place\b|\bstring\b|\bmatrix\b|\bdeque\b|\bnegative\b|\bgenerator\b")),
    KnownTask("an integer power", _i(r"\b(?:computes?|calculates?|returns?|raises?)\b[^.]{0,40}(?:\*\*|\bto the power\b|\bpower of\b)|\b(?:fast|binary) exponentiation\b|\bexponentiation by squaring\b"), 2, r"pow|exp",
              [(2, 0), (2, 10), (3, 5), (5, 1), (-2, 3), (7, 2)], lambda base, exp: base ** exp,
              unless=_i(PRINTS + r"|\bmod\w*\b|\bnegative (?:exponent|power)s?\b|\bfloat|\bmatrix\b|\bfraction|\breal\b|\bdecimal|\bsqrt\b|\broot\b|\bset\b|\blist\b|\bstring\b|\bdigits\b|\btwo\b")),
    KnownTask("the items in both lists", _i(SHARED_BY + r"both\**\s+(?:of the )?(?:input )?(?:lists|playlists|sequences|arrays|collections)\b|"
                                            r"\bintersection of (?:the )?(?:two|both) (?:lists|playlists|arrays|sequences)\b"), 2, r"common|shared|both|intersect|overlap",
              relation="all(set(f(list(a), list(b)) or ()) == set(a) & set(b) for a, b in ((['a', 'b', 'c'], ['b', 'c', 'd']), (['x', 'x', 'y'], ['x']), ([], ['a']), (['a'], []), (['p', 'q'], ['r'])))",
              unless=_i(PRINTS + SHARED_UNLESS + r"|\bthree\b|\bk lists\b|\bnot in both\b")),
    KnownTask("the items in every list", _i(SHARED_BY + r"(?:every|each|all)\**\s+(?:of the\s+)?(?:[\w']+\s+){0,2}(?:lists?|playlists?|sequences?|arrays?|collections?)\b|"
                                             r"\bintersection of (?:all|every|the) (?:given )?(?:lists|playlists|arrays|sequences)\b"), 1, r"common|shared|every|all|intersect",
              relation="all(set(f([list(x) for x in ls]) or ()) == set.intersection(*map(set, ls)) for ls in ((['a', 'b', 'c'], ['b', 'c', 'd'], ['c', 'b']), (['x', 'y'], ['y', 'z']), (['p', 'q'], ['r'], ['p'])))",
              unless=_i(PRINTS + SHARED_UNLESS + r"|\bat least\b|\bmost\b|\bempty\b|\bany\b|\bgenerator\b")),
    KnownTask("the longest common substring", _i(r"\blongest[ _]common[ _]substring\b"), 2, r"common|substr|longest",
              relation="all(len(f(a, b)) == n and f(a, b) in a and f(a, b) in b for a, b, n in (('xabcdy', 'zabcw', 3), ('abcde', 'axcye', 1), ('', 'abc', 0), ('banana', 'ananas', 5)))",
              unless=_i(PRINTS + r"|\bsubsequence\b|\bcount\w*|\bhow many\b|\blength of\b|\bits length\b|\bindex|\bindices\b|\bpositions?\b|\bk\b|\bcase\b|\bignor\w*|\bthree\b|\bseveral strings\b|"
                                 r"\blist of (?:strings|words)\b|\ball (?:of them|such)\b|\bdict\w*|\btuples?\b|\bwords\b|\btokens\b|\blists\b|\bminimum length\b|\bat least\b")),
    KnownTask("the k smallest values, smallest first", _i(r"\b`?k`? (?:smallest|lowest|cheapest|shortest|least)\b[^.]{0,40}\b(?:in ascending order|ascending|in increasing order|sorted|smallest first|cheapest first|lowest first)\b|"
                                                          r"\b(?:smallest|lowest|cheapest) `?k`? (?:values|numbers|elements|items|fares|prices)\b[^.]{0,40}\b(?:ascending|sorted|increasing)\b"), 2, r"small|low|cheap|least|k_",
              [([30, 12, 45, 8, 22], 3), ([5, 1, 3], 3), ([4, 4, 1, 7], 2), ([7, 2, 9], 1), ([3, 9, 6, 1, 8, 2], 4)], lambda values, k: sorted(values)[:k],
              unless=_i(PRINTS + r"|\bindex|\bindices\b|\bpositions?\b|\bdistinct\b|\bunique\b|\bduplicates?\b|\bdict\w*|\btuples?\b|\bnames?\b|\bkeys?\b|\bpairs?\b|\bobjects?\b|"
                                 r"\brecords?\b|\blargest\b|\bdescending\b|\bcount\w*|\bstream\w* of (?:lists|tuples)\b|\bmatri\w*|\bsorted (?:lists|arrays)\b|\bclosest\b|\bdistances?\b"),
              parameters=(r"^(?!k$|n$)", r"^(?:k|n|count|size|limit|how_many|top)$")),
    KnownTask("a min-heap test", _i(r"\b(?:whether|if|check\w*|validat\w*|is_min_heap|verif\w*)\b[^.]{0,80}\b(?:valid |binary )?min-?heap\b|\bmin-?heap (?:property|invariant)\b"), 1, r"heap",
              [([1, 5, 2, 6, 7, 3],), ([1, 2, 3, 4, 5],), ([],), ([3],), ([2, 3, 1],), ([1, 3, 2, 4, 0],), ([5, 5, 5],)],
              lambda values: all(values[(i - 1) // 2] <= values[i] for i in range(1, len(values))), truth=True,
              unless=_i(PRINTS + r"|\bmax-?heap\b|\b1-based\b|\b1-indexed\b|\bone-based\b|\bindex 1\b|\bd-ary\b|\bternary\b|\bk-ary\b|\bdict\w*|\btuples?\b|\bpairs?\b|\bkeys?\b|"
                                 r"\bobjects?\b|\btree nodes?\b|\blinked\b|\bclass\b|\bcomparator\b|\bstrict\w*")),
    KnownTask("a list rotated right", _i(r"\brotat\w*\b[^.]{0,25}\b(?:list|array)\b[^.]{0,25}\bright\b|\bright rotation\b|\b(?:elements|items|values) shifted\b[^.]{0,30}\bto the right\b"), 2, r"rot",
              [([1, 2, 3, 4, 5], 2), ([1, 2, 3], 0), ([1, 2, 3], 1), ([1, 2, 3, 4], 3)], lambda items, k: items[-k:] + items[:-k] if k else list(items),
              unless=_i(PRINTS + r"|\bleft\b|\bin[- ]place\b|\bstring\b|\bmatrix\b|\bdeque\b|\bnegative\b|\bgenerator\b"), named=r"rotate_?right"),
    KnownTask("a 24-hour 'HH:MM' time on the 12-hour clock", _i(r"\b24-?\s?hour\b[^\n]{0,30}HH:MM\b[^\n]{0,80}\b12-?\s?hour\b|\b24-?\s?hour\b[^\n]{0,80}\b12-?\s?hour\b[^\n]*\bHH:MM\b"), 1, r"12|hour|time|clock|conv",
              relation="(lambda m, n, a, e: m.replace(' ', '').upper().startswith('12:00') and m.upper().endswith('AM') and n.replace(' ', '').upper().startswith('12:30') "
                       "and n.upper().endswith('PM') and a.upper().endswith('AM') and e.upper().endswith('PM') and e.lstrip('0').startswith('11:59'))"
                       "(f('00:00'), f('12:30'), f('09:05'), f('23:59'))",
              unless=_i(PRINTS + r"|HH:MM:SS|\bseconds\b|\blist\b|a\.m\.|\blower-?\s?case\b|\bdatetime object|\bmilitary\b|\bback\b|\bboth ways\b|\bvice versa\b")),
    KnownTask("an anagram test, spaces and case ignored", _i(r"\b(?:are|is|whether|if|check\w*)\b[^.]{0,40}\banagrams?\b(?=[^\n]*\bignor\w*\b[^.\n]{0,40}\bspaces?\b)(?=[^\n]*\bcase\b)"), 2, r"anagram",
              [("Listen", "Silent"), ("Dormitory", "Dirty room"), ("aab", "abb"), ("abc", "abd"), ("a b", "ab")],
              lambda a, b: sorted(a.replace(" ", "").lower()) == sorted(b.replace(" ", "").lower()),
              unless=_i(PRINTS + r"|\bpunctuation\b|\bgroup|\blist\b|\bfind\b|\bnon-?letters?\b|\balphanumeric\b|\bdigits?\b|\bunicode\b|\baccents?\b|\bwhitespace\b"), truth=True),
    KnownTask("an anagram test, case ignored", _i(r"\b(?:are|is|whether|if|check\w*)\b[^.]{0,40}\banagrams?\b(?=[^\n]*\b(?:case-?\s?insensitive\w*|ignor\w*\b[^.\n]{0,20}\bcase)\b)"), 2, r"anagram",
              [("Listen", "Silent"), ("aab", "abb"), ("abc", "abd"), ("Aa", "aA")], lambda a, b: sorted(a.lower()) == sorted(b.lower()),
              unless=_i(PRINTS + r"|\bspaces?\b|\bwhitespace\b|\bpunctuation\b|\bgroup|\blist\b|\bfind\b|\bnon-?letters?\b|\balphanumeric\b|\bsentence|\bphrase|\bunicode\b|\baccents?\b"), truth=True),
    KnownTask("the Collatz steps down to 1", _i(r"\bcollatz\b[^\n]{0,160}\bsteps?\b|\bsteps?\b[^\n]{0,80}\bcollatz\b"), 1, r"collatz|step",
              [(1,), (2,), (6,), (7,), (27,)], lambda n: _collatz_steps(n),
              unless=_i(PRINTS + r"|\bsequence\b|\blist\b|\blongest\b|\bmax\w*\b|\bterms\b|\bnumbers (?:in|visited)\b|\bpeak\b|\bhighest\b|\bincluding\b|\bstarting values?\b|\b(?:below|under|up to) (?:\d|n\b|a (?:limit|bound))")),
    KnownTask("the insertion point before equal values", _i(r"\b(?:first|leftmost|lowest) (?:index|position)\b[^.]{0,60}\binsert\w*\b[^.]{0,80}\bsorted\b|\binsertion (?:point|index)\b[^.]{0,80}\b(?:left|before)\b|\bbisect_left\b|\blower_bound\b"), 2, r"bound|insert|bisect|search|index|position",
              [([1, 3, 5, 7], 5), ([1, 3, 5, 7], 4), ([1, 3, 5, 7], 0), ([1, 3, 5, 7], 8), ([], 3), ([2, 2, 2], 2), ([1, 2, 2, 3], 2)], lambda items, x: _bisect_left(items, x),
              unless=_i(PRINTS + r"|\brightmost\b|\bafter (?:any|all|existing)\b|\bbisect_right\b|\bupper_bound\b|\bdescending\b|\bkey\b|\brotated\b|\b-1\b|\bnone\b|\bnot found\b|\bnot present\b"),
              named=r"lower_?bound|bisect_?left", parameters=(r"items|arr|array|values|xs|nums|numbers|lst|list|data|seq|a$|sorted", r"target|x$|value|key|item|^t$|needle|num|^v$")),
    KnownTask("a temperature converted among Celsius, Fahrenheit and Kelvin", _i(r"\A(?=[\s\S]*['\"]C['\"])(?=[\s\S]*['\"]F['\"])(?=[\s\S]*['\"]K['\"])[\s\S]*?\bcelsius\b[^\n]{0,80}\bfahrenheit\b[^\n]{0,80}\bkelvin\b"), 3, r"conv|temp",
              relation="all(abs(f(v, a, b) - w) < 1e-6 for v, a, b, w in ((100, 'C', 'F', 212), (212, 'F', 'C', 100), (0, 'C', 'K', 273.15), (273.15, 'K', 'C', 0), "
                       "(32, 'F', 'K', 273.15), (273.15, 'K', 'F', 32), (5, 'F', 'F', 5)))",
              unless=_i(PRINTS + r"|\brankine\b|\bround\w*\b|\bstring\b|\blist\b|\btable\b|\bonly\b|\bdict\w*\b|\binput\(|\benum\b"),
              parameters=(r"value|temp|deg|amount|^t$|^x$|^v$|reading|number|^n$", r"from|src|source|^unit$|in_unit|scale_in|^a$", r"^to|target|dest|out|^b$")),
    KnownTask("the weekdays between two dates", _i(r"\b(?:weekdays|working days|business days|work days)\b[^.]{0,60}\bbetween\b[^\n]{0,80}YYYY-MM-DD"), 2, r"day|work|business",
              relation="f('2024-01-06', '2024-01-07') == 0 and f('2024-01-01', '2024-01-07') in (4, 5) and f('2024-01-01', '2024-01-14') in (9, 10) "
                       "and f('2024-01-08', '2024-01-12') in (3, 4, 5)",
              unless=_i(PRINTS + r"|\bholidays?\b|\bhours\b|\blist\b|\bsaturday\b(?![^.]*\bsunday\b)|\bsix\b|\bcustom\b|\bweekend days?\b(?! \()|\bnegative\b|\bsigned\b"),
              parameters=(r"start|begin|first|from|^a$|^d1$|date1|since", r"end|last|to$|until|^b$|^d2$|date2|stop")),
    KnownTask("a weekend test of a 'YYYY-MM-DD' date", _i(r"\A(?=[\s\S]*YYYY-MM-DD)[\s\S]*?\b(?:weekends?|saturday or (?:a )?sunday|saturdays? and sundays?)\b"), 1, r"weekend|saturday|sunday|day",
              relation="bool(f('2024-06-08')) and bool(f('2024-06-09')) and not f('2024-06-05') and not f('2024-06-07') and not f('2024-06-10')",
              unless=_i(r"\bprint|\bmessage\b|\breturns? ['\"]|\bgenerator\b|\byield|\bholidays?\b|\bfriday\b|\blist\b|\bcount\w*\b|\bnext\b|\bprevious\b|\bbetween\b|\bnumber of\b|\bhow many\b|\brange\b|\bcustom\b|\bweekend days?\b[^.]{0,20}\b(?:are|is|given|configurable)\b|\bnot (?:a )?weekend\b|\bweekdays? (?:only|name)"),
              parameters=(r"date|day|^s$|text|string|iso|^d$|value|when",)),
    KnownTask("a list split into chunks", _i(r"\b(?:split|break|divide|chunk)\w*\b[^.]{0,25}\b(?:list|sequence)\b[^.]{0,25}(?:\bchunks\b|\b(?:consecutive )?(?:batches|sub-?lists) of\b(?: (?:length|size)\b)?)[^.]{0,25}(?:\bsize\b|_size\b)"),
              2, r"chunk|split|batch",
              [([1, 2, 3, 4, 5], 2), ([], 3), ([1, 2], 5), ([1, 2, 3, 4], 2)], lambda items, n: [items[i:i + n] for i in range(0, len(items), n)],
              unless=_i(PRINTS + r"|\bgenerator\b|\byield|\btuples?\b|\bpad|\bfill\w*|\bequal\b|\bnumber of chunks\b|\bn chunks\b|\bdrop|\bstring\b|\boverlap"), named=r"chunk(?:s|ed|ify)?|split_into_chunks|batch(?:es|ed)"),  # not "batch": a glaze's batch (b205-051) is no chunk of a list
    KnownTask("the sum of the first n squares", _i(r"\bsum of (?:the )?squares\b[^.]{0,40}\b(?:first n|1 to n|from 1|up to n|1² \+ 2²|1\^2 \+ 2\^2|1\*\*2)|1² \+ 2² \+ \.\.\. \+ n²"), 1, r"square|sum",
              [(1,), (3,), (10,), (0,)], lambda n: sum(i * i for i in range(1, n + 1)), unless=_i(PRINTS + r"|\blist\b|\bdigits?\b|\bodd\b|\beven\b|\bdifference\b|\bcubes?\b|\bnegative\b")),
    KnownTask("the vowels counted", _i(r"\bcount\w*\b[^.]{0,20}\bvowels\b|\bnumber of vowels\b"), 1, r"vowel|count",
              [("hello world",), ("bcd",), ("aeiou",), ("programming",), ("",)], lambda text: sum(c in "aeiou" for c in text),
              unless=_i(PRINTS + r"|\by\b|'y'|\bconsonants?\b|\beach vowel\b|\bdict|\bfrequenc|\bseparately\b|\bper vowel\b|\bwords\b|\bsentences\b|\blist\b|\bfile\b|\bonly uppercase\b|\bsubstrings?\b|\bwindow\b|\bmaximum\b|\bmost\b")),
    KnownTask("the largest element of a list", _i(r"\b(?:find|finds|return|returns|get|gets)\b[^.]{0,15}\b(?:maximum|largest|biggest|max) (?:element|number|value|item)\b[^.]{0,20}\b(?:list|array)\b"), 1, r"max|large|big",
              [([3, 9, 2],), ([-5, -1, -7],), ([4],), ([2, 2, 1],), ([1, 5, 9],)], max,
              unless=_i(PRINTS + r"|\bindex\b|\bposition\b|\bsecond\b|\bk-?th\b|\bn largest\b|\btop\b|\btwo\b|\bpairs?\b|\bsum\b|\bsubarray\b|\bproduct\b|\bstring|\bdict|\bkey\b|\babsolute\b|\bempty\b|\bnested\b|\bmatrix\b|\beach\b|\bwindow\b|\bdifference\b")),
    KnownTask("the n-th prime, counted from 1", _i(r"\b(?:n-?th|nth) prime\b[^.]{0,60}(?:1-indexed|1-based|\(1\)\W{0,6}(?:->|=|is|returns)\W{0,3}2\b)"), 1, r"prime",
              [(1,), (2,), (5,), (10,), (25,)], lambda n: [p for p in range(2, 200) if _is_prime(p)][n - 1], unless=_i(PRINTS + r"|0-indexed|0-based")),
    KnownTask("a list sorted in ascending order", _i(r"\b(?:implement\w*|writ\w*|using|use)\b[^.]{0,30}\b(?:bubble|insertion|selection|merge|quick|heap|counting) ?sort\b|\bsorts? a list[^.]{0,30}\bascending\b"), 1, r"sort",
              [([5, 2, 9, 1, 5, 6],), ([],), ([3],), ([-1, -3, 2, 0],)], sorted, in_place=True,
              unless=_i(PRINTS + r"|\bdescending\b|\breverse\b|\bkey\b|\bstrings?\b|\bdict|\btuples?\b|\blinked\b|\bstable\b|\bcount of\b|\bswaps\b|\bsteps\b|\bpasses\b|\bcomparisons\b|\bk\b|\bpartition\b|\bpivot\b|\bmatrix\b")),
    KnownTask("the sum of the primes up to n", _i(r"\bsum of (?:all )?(?:the )?prime(?:s| numbers)\b[^.]{0,30}?\b(?:up to(?: and including)?|less than or equal to|<=|≤|not (?:greater than|exceeding)|at most)\s+`?n`?\b"),
              1, r"prime|sum", [(n,) for n in (0, 1, 2, 3, 10, 25, 49, 50)], lambda n: sum(k for k in range(2, n + 1) if _is_prime(k)),
              unless=_i(PRINTS + r"|\bbelow\b|\bstrictly\b|\bfirst n\b|\btwin\b|\bdigits?\b|\bsquares?\b|\bodd\b|\bmodulo\b|\bmod\b|\blist\b")),
    KnownTask("the smallest palindrome greater than n", _i(r"\b(?:smallest|next)\s+palindrom\w*(?:\s+(?:number|integer))?\b[^.]{0,30}?\b(?:strictly\s+)?(?:greater|larger|bigger)\s+than\b"),
              1, r"palin|next", [(n,) for n in (0, 9, 10, 99, 121, 123, 808, 999)], _next_palindrome,
              unless=_i(PRINTS + r"|\bor equal\b|\bat least\b|\bbinary\b|\bbase\b|\bstrings?\b|\bprimes?\b|\bdigits? sum\b|\blist\b")),
    KnownTask("a palindrome test", _i(r"\b(?:is|whether|if|check\w*)\b[^.]{0,40}\bpalindrome\b"), 1, r"palin",
              [("racecar",), ("abba",), ("abc",), ("ab",), ("a",)], lambda text: text == text[::-1],
              unless=_i(PRINTS + r"|\bignor|\bcase\b|\bspaces?\b|\bpunctuation\b|\balphanumeric\b|\bnumbers?\b|\bintegers?\b|\blinked\b|\bsubstring\b|\blongest\b|\bpermutation|\bsentence|\bphrase|\brearrang|\blist\b|\bwords\b|\bremov"), truth=True),
    KnownTask("an integer as Roman numerals", _i(r"\b(?:integer|number|int)\b[^.]{0,20}\bto (?:a )?roman numerals?\b|\bto_roman\b"), 1, r"roman",
              [(1994,), (4,), (9,), (58,), (3999,), (1,)], _roman,
              unless=_i(PRINTS + r"|\blower\s*case\b|\bfrom roman\b|\bvalidat|\bzero\b|\bnegative\b|\bover 3999\b")),
    KnownTask("a Roman numeral's value", _i(r"\broman numerals?(?: string)?(?:\s*\([^()]{0,100}\))?[^.]{0,20}\bto (?:an? |its )?(?:integer|int|number|decimal)\b|\broman_to_int\b"), 1, r"roman|int",
              [("III",), ("IV",), ("IX",), ("LVIII",), ("MCMXCIV",), ("XL",), ("CD",), ("MMMCMXCIX",)], _from_roman,
              unless=_i(PRINTS + r"|\blower\s*case\b|\binteger to roman\b|\bnumber to roman\b|\bint_to_roman\b|\bboth ways\b|\band back\b|\bbetween (?:roman|integers)\b")),
    KnownTask("two sorted lists merged", _i(r"\bmerg\w*\b[^.]{0,10}\btwo (?:already[- ])?sorted (?:lists|arrays)\b"), 2, r"merge",
              [([1, 3, 5], [2, 4, 6]), ([], [1]), ([1, 2], []), ([1, 1, 4], [1, 3])], lambda a, b: sorted(a + b),
              unless=_i(PRINTS + r"|\blinked\b|\bin[- ]place\b|\bnodes?\b|\bk sorted\b|\bduplicates?\b|\bdescending\b|\bunique\b|\bmedian\b")),
    KnownTask("a binary string's value", _i(r"\bbinary (?:string|number|representation)\b[^.]{0,20}\bto (?:its )?(?:decimal|integer|int)\b|\bstring of '?0'?\s*(?:/|,|and|or)\s*'?1'? (?:characters|digits|bits)\b[^.]{0,60}\binto (?:an? |its )?(?:integer|int|number|decimal)\b"), 1, r"bin|dec",
              [("101",), ("0",), ("1111",), ("100000",)], lambda text: int(text, 2), unless=_i(PRINTS + r"|0b|\bprefix\b|\bnegative\b|\bfloat|\blist\b|\btwo's\b|\bsigned\b")),
    KnownTask("a matrix transposed", _i(r"\btranspos\w*\b[^.]{0,20}\b(?:matrix|2d list|list of lists)\b"), 1, r"transp",
              [([[1, 2, 3], [4, 5, 6]],), ([[1]],), ([[1, 2], [3, 4]],)], lambda m: [list(r) for r in zip(*m)],
              unless=_i(PRINTS + r"|\bin[- ]place\b|(?<!not use )(?<!without )(?<!without using )(?<!no )\bnumpy\b|\bsparse\b|\bjagged\b|\bragged\b|\bempty\b|\bstring")),
    KnownTask("FizzBuzz", _i(r"\bfizz ?buzz\b"), 1, r"fizz",
              relation="f(15) is None or all((lambda r: str(r[k - 1] if isinstance(r, (list, tuple)) else r).lower().replace(' ', ''))(f(k)) == w "
                       "for k, w in ((1, '1'), (3, 'fizz'), (5, 'buzz'), (7, '7'), (9, 'fizz'), (10, 'buzz'), (15, 'fizzbuzz'), (30, 'fizzbuzz')))",
              unless=_i(PRINTS + r"|\b(?:[4679]|1[1-4]|seven|bazz|jazz|fuzz|custom\w*|configur\w*|rules?|mapping|dict\w*|divisors?|pairs?|words?|count\w*|reverse\w*|range|start)\b")),
    KnownTask("the days in a month", _i(r"\b(?:number of )?days in (?:a |the |that |each )?(?:given )?month\b|\bdays_in_month\b"), 2, r"day|month",
              [(2023, 1), (2023, 2), (2024, 2), (1900, 2), (2000, 2), (2023, 4), (2023, 9), (2023, 11), (2023, 12), (2023, 7), (2023, 8)],
              lambda year, month: [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1],
              unless=_i(PRINTS + r"|\bnames?\b|\bstrings?\b|\babbreviat\w*|\bjulian\b|\bremaining\b|\bleft\b|\bweekdays?\b|\bbusiness\b|\bworking\b|\bbetween\b|\blist\b|\bdict\w*|\bdate\b|\bzero-based\b|\b0-based\b|\b0-11\b"),
              parameters=(r"^y(?:ea)?r?$|year", r"^m(?:on(?:th)?)?$|month")),
    KnownTask("version strings sorted", _i(r"\bsort\w*\b[^\n]{0,60}?\b(?<!their )(?<!its )(?<!case )(?:versions|version strings|version numbers|semantic version\w*)\b|\bversion (?:strings|numbers)\b[^\n]{0,100}?\bsort\w*"), 1, r"sort|version",
              [(["1.10.0", "1.2.3", "1.2.10", "0.9.9", "1.2.9"],), (["2.0.0", "10.0.0", "9.1.0"],), ([],)],
              lambda versions: sorted(versions, key=lambda v: tuple(map(int, v.split(".")))), in_place=True,
              unless=_i(PRINTS + r"|pre-?releases?|alpha|beta|\brc\b|\bdescending\b|newest (?:to|first)|\blatest first\b|\brevers\w*|\bdedup\w*|\bunique\b|\bduplicates?\b|\bv\d|\bprefix|"
                                 r"\bletters?\b|\bsuffix|\binvalid\b|\bdifferent (?:numbers of|lengths?)|\bmissing\b|\btrailing\b|\bpadd?\w*|\btuples?\b|\bdict\w*|\bobjects?\b|\bkey\b")),
    KnownTask("the values that occur more than once, each listed once", _i(r"^(?=[\s\S]*(?:\b(?:each|every) (?:duplicated |duplicate |repeated )?(?:value|element|item|number)\b[^.]{0,30}\bonly once\b|\blist\w* (?:each|every) (?:one|value|duplicate) (?:only )?once\b))"
                                                                           r"(?=[\s\S]*(?:\b(?:duplicates|duplicated (?:values|elements|items|numbers))\b|\b(?:appear|occur)s? more than once\b))"), 1, r"dup",
              relation="all(sorted(f(list(xs))) == want for xs, want in (([1, 2, 2, 3, 3, 3, 4], [2, 3]), ([1, 2, 3], []), ([], []), ([5, 5, 5], [5]), ([4, 1, 4, 1, 2, 4], [1, 4])))",
              unless=_i(PRINTS + DUPLICATES_UNLESS)),
    KnownTask("the values that occur more than once", _i(r"\b(?:find|finds|return|returns|list|lists|get|gets|collect\w*|report\w*)\b[^.]{0,40}\b(?:duplicates|duplicated (?:values|elements|items|numbers))\b|"
                                                          r"\b(?:values|elements|items|numbers|integers)\b[^.]{0,15}\b(?:appear|occur)s? more than once\b"), 1, r"dup",
              relation="all(set(f(list(xs))) == want for xs, want in (([1, 2, 2, 3, 3, 3, 4], {2, 3}), ([1, 2, 3], set()), ([], set()), ([5, 5], {5}), ([4, 1, 4, 1, 2], {1, 4})))",
              unless=_i(PRINTS + DUPLICATES_UNLESS + r"|\bfirst\b(?!\s+(?:appearance|appeared|seen))")),  # "the first duplicate" is one value; "in order of first appearance" is an order
    KnownTask("the most common character", _i(r"\bmost (?:common|frequent(?:ly occurring)?)\b[^.]{0,20}\b(?:character|char|letter)\b|\b(?:character|letter)\b[^.]{0,40}\b(?:occurs|appears) (?:the )?most (?:often|frequently)\b"),
              1, r"char|letter|common|frequent",
              [("hello world",), ("aabbbc",), ("x",), ("banana",), ("abracadabra",)], lambda text: max(sorted(set(text)), key=text.count),
              unless=_i(PRINTS + r"|\bcase\b|\bpunctuation\b|\bdigits?\b|\bcounts?\b|\btuples?\b|\bdict\w*|\bleast\b|\bk\b|\btop\b|\bn most\b|\bwords?\b|\bfiles?\b|\blist\b|\bsorted\b|"
                                 r"\bfrequenc\w*|\bnone\b|\bempty\b|\bvowels?\b|\bconsonants?\b|\balphabetic\b|\bletters only\b|\bexclud\w*|\bnon-"),
              named=r"most_(?:common|frequent)_(?:char|character|letter)"),
    KnownTask("the largest sum of a contiguous subarray", _i(r"\bkadane|\b(?:largest|maximum|max|greatest) sum of (?:a |any )?contiguous sub-?(?:array|list|sequence)\b|\bmaximum sub-?array (?:sum|problem)\b|"
                                                            r"\bcontiguous sub-?(?:array|list|sequence) (?:with|that has|having) the (?:largest|maximum|greatest) sum\b"),
              1, r"max|sub|kadane", [([-2, 1, -3, 4, -1, 2, 1, -5, 4],), ([-3, -1, -2],), ([5],), ([2, -1, 2],), ([-5, -4, 0, -1],)],
              lambda xs: max(sum(xs[i:j]) for i in range(len(xs)) for j in range(i + 1, len(xs) + 1)),
              unless=_i(PRINTS + r"|(?<!non-)\bempty sub|\b(?:0|zero) (?:if|when|for)\b|\bindices\b|\bindex\b|\bpositions?\b|\bthe subarray itself\b|\breturn the subarray\b|\bcircular\b|\bproduct\b|\bk\b|"
                                 r"\bat most\b|\bat least\b|\bnon-adjacent\b|\btuple\b|\bstart and end\b|\bmatrix\b|\b2d\b|\blength\b")),
    KnownTask("the largest sum of k consecutive elements", _i(r"\b(?:maximum|largest|max|greatest|highest) sum of (?:any )?`?k`? (?:consecutive|contiguous|adjacent)\b|\b(?:maximum|largest|max) sum\b[^.]{0,30}\b(?:window|sub-?array) of (?:size|length) `?k`?\b"),
              2, r"max|window|sum", [([1, 2, 3, 4, 5], 2), ([5, 1, 1, 1], 1), ([1, 2, 3], 3), ([2, -1, 3, -5, 4, 4], 2), ([1, -2, 3, 10, -4, 7, 2, -5], 4)],
              lambda xs, k: max(sum(xs[i:i + k]) for i in range(len(xs) - k + 1)),
              unless=_i(PRINTS + r"|\baverage\b|\bmean\b|\bminimum\b|\bproduct\b|\bdistinct\b|\bunique\b|\bindices\b|\bindex\b|\bstart\b|\bthe window itself\b|\bsubarray itself\b|\bat most\b|\bat least\b|\bcircular\b|\bwrap"),
              parameters=(r"nums|arr|array|values|xs|items|numbers|lst|list|data|a$|seq", r"^k$|size|window|width|length|n$")),
    KnownTask("a row of Pascal's triangle, counted from 0", _i(r"^(?=.*\bpascal'?s triangle\b)(?=.*(?:\b0-indexed\b|\bzero-indexed\b|\b0-based\b|\brow 0 is\b|\(row 0\)))(?=.*\brow\b)(?s:.)"),
              1, r"pascal|row", [(0,), (1,), (4,), (6,)], lambda n: [math.comb(n, k) for k in range(n + 1)],
              unless=_i(PRINTS + r"|\brows\b|\bfirst\b|\bstrings?\b|\bmod\w*|\bsum\b|\bcolumns?\b|\bentry\b|\belement at\b|\bvalue at\b|\bcentered\b|\btuple\b")),
    KnownTask("the missing number of 0..n", _i(r"^(?=.*\bmissing\b)(?=.*(?:\b0\s*(?:\.\.\.?|to|through|-|–)\s*n\b|\[0,\s*n\]))(?s:.)"), 1, r"missing",
              [([3, 0, 1],), ([0, 1],), ([9, 6, 4, 2, 3, 5, 7, 0, 1],), ([0],), ([1],)], lambda xs: len(xs) * (len(xs) + 1) // 2 - sum(xs),
              unless=_i(PRINTS + r"|\btwo\b|\bnumbers (?:are|that are) missing\b|\bmissing numbers\b|\bduplicat\w*|\brepeat\w*|\btwice\b|\bk\b|\bmultiple\b|\bpositive\b|\bsmallest\b|\bfirst missing\b|\ball missing\b|\blist of (?:the |all )?missing\b|\bNone\b|\bno number\b|\bnothing\b")),
    KnownTask("the missing number of 1..n", _i(r"^(?=.*\bmissing\b)(?=.*(?:\b1\s*(?:\.\.\.?|to|through|-|–)\s*n\b|\[1,\s*n\]))(?s:.)"), 1, r"missing",
              [([1, 2, 4],), ([2, 3],), ([1],), ([1, 2, 3, 5, 6],), ([5, 3, 1, 2],)], lambda xs: (len(xs) + 1) * (len(xs) + 2) // 2 - sum(xs),
              unless=_i(PRINTS + r"|\btwo\b|\bnumbers (?:are|that are) missing\b|\bmissing numbers\b|\bduplicat\w*|\brepeat\w*|\btwice\b|\bk\b|\bmultiple\b|\bpositive\b|\bsmallest\b|\bfirst missing\b|\ball missing\b|\blist of (?:the |all )?missing\b|\bNone\b|\bno number\b|\bnothing\b|\b0\b")),
    KnownTask("seconds as HH:MM:SS", _i(r"\bseconds\b[^\n]{0,80}\bHH:MM:SS\b|\bHH:MM:SS\b[^\n]{0,80}\bseconds\b"), 1, r"format|hms|time|duration|seconds",
              [(0,), (59,), (61,), (3599,), (3600,), (3661,), (45296,), (86399,)], lambda n: f"{n // 3600:02d}:{n % 3600 // 60:02d}:{n % 60:02d}",
              unless=_i(PRINTS + r"|\bdays?\b|\bD\b|\bmilli\w*|\bms\b|(?<!non-)\bnegative\b|\bfloat\w*|\bfraction\w*|\bdecimal\w*|\bround\w*|\bH:MM\b|(?<!HH:)\bMM:SS\b|(?<![\w:])M:SS\b|\bomit\w*|\bdrop\w*|\bwithout (?:leading|padding)\b|\bwrap\w*|\bmodulo\b|\b24\b|\bparse\w*|\bfrom (?:a |the )?string\b|\bto seconds\b|\bback\b|\bhuman\b|\bwords?\b")),
    KnownTask("seconds as H:MM:SS, hours unpadded", _i(r"\bseconds\b[^\n]{0,80}(?<![\w:])H:MM:SS\b|(?<![\w:])H:MM:SS\b[^\n]{0,80}\bseconds\b"), 1, r"format|hms|time|duration|seconds",
              [(0,), (59,), (61,), (3599,), (3600,), (3725,), (45296,), (90000,)], lambda n: f"{n // 3600}:{n % 3600 // 60:02d}:{n % 60:02d}",
              unless=_i(PRINTS + r"|\bdays?\b|\bD\b|\bmilli\w*|\bms\b|\bfloat\w*|\bfraction\w*|\bdecimal\w*|\bround\w*|\bomit\w*|\bdrop\w*|\bwrap\w*(?<!never wrapped)|"
                        r"\bmodulo\b|\bparse\w*|\bfrom (?:a |the )?string\b|\bto seconds\b|\bback\b|\bhuman\b|\bwords?\b|\bHH\b|\bleading zero\w* (?:on|for) (?:the )?hours?\b"
                        r"|(?<![\w:])M{1,2}:SS\b")),  # "H:MM:SS for an hour or more, M:SS otherwise": another format under an hour
    KnownTask("the majority element, or None", _i(r"^(?=.*\bmajority (?:element|value|item|number)\b)(?=.*\bNone\b)(?s:.)"), 1, r"major",
              [([3, 3, 4, 2, 3, 3],), ([1, 2, 3],), ([],), ([1, 1, 2, 2],), ([2, 2, 1, 1, 1, 2, 2],), ([5],), ([1, 2, 1, 3, 1],)],
              lambda xs: next((x for x in xs if xs.count(x) > len(xs) // 2), None),
              unless=_i(PRINTS + r"|\bn\s*/\s*3\b|\bthird\b|\bk\b|\ball (?:majority )?elements\b|\bindex\b|\bindices\b|\bcount\b|\bat least half\b|\bhalf or more\b|\bplurality\b|\bmost (?:common|frequent)\b|\btie\w*|\bstream\w*|\bsorted\b|\b-1\b")),
    KnownTask("an age in whole years", _i(r"^(?=.*\bage\b)(?=.*\b(?:birth\w*|born|dob)\b)(?=.*(?:\bdate(?:time)?\.date\b|\bdate objects?\b|\bdates?\b[^.\n]{0,30}\b(?:objects?|instances?)\b|\b\w+:\s*date\b(?!time)))(?s:.)"), 2, r"age",
              relation="(lambda D: f(D(1990, 6, 15), D(2020, 6, 14)) == 29 and f(D(1990, 6, 15), D(2020, 6, 15)) == 30 and f(D(1990, 6, 15), D(2020, 12, 31)) == 30"
                       " and f(D(2000, 1, 1), D(2000, 1, 1)) == 0 and f(D(1985, 12, 31), D(2024, 1, 1)) == 38)(__import__('datetime').date)",
              unless=_i(PRINTS + r"|\bmonths\b|\bdays\b|\bweeks\b|\bstrings?\b|\bformat\w*|\bleap\b|\bfebruary\b|\bdecimal\b|\bfloat\w*|\bfraction\w*|\bYYYY\b|\biso\w*|\bdatetime objects?\b|\btime ?zones?\b|\btuple\b|\bdict\w*"
                        r"|\bcategor\w*|\bbands?\b|\bgroups?\b|\bbrackets?\b|\bdivisions?\b"),  # "the runner's category by age": not the age itself
              parameters=(r"birth|born|dob|start|^b$", r"today|^on$|date|ref|current|^at$|end|as_of|^d$|^t$|when")),
    KnownTask("the complete months between two dates", _i(r"^(?=.*\b(?:complete|full|whole)\s+months\b)(?=.*\bdates?\b)(?s:.)"), 2, r"month",
              relation="(lambda D: f(D(2024, 1, 15), D(2024, 4, 20)) == 3 and f(D(2024, 1, 15), D(2024, 4, 14)) == 2 and f(D(2023, 11, 1), D(2024, 2, 1)) == 3"
                       " and f(D(2024, 3, 10), D(2024, 3, 10)) == 0 and f(D(2022, 6, 5), D(2024, 6, 4)) == 23)(__import__('datetime').date)",
              unless=_i(PRINTS + r"|\bcalendar\b|\bpartial\b|\bround\w*|\bnegative\b|\bstrings?\b|\bformat\w*|\bYYYY\b|\biso\w*|\bdatetime objects?\b|\bend of (?:the )?month\b|\blast day\b|\b(?:28|29|30|31)(?:st|th)?\b|\bleap\b|\bfebruary\b|\bdays\b|\bfraction\w*|\bdecimal\b|\bfloat\w*"),
              parameters=(r"start|begin|from|first|^a$|d1|date1|since|incep", r"end|claim|to|until|second|^b$|d2|date2|today|date|as_of|^on$")),
    KnownTask("a rotation test of two strings", _i(r"\b(?:is|whether|if|check\w*)\b[^.]{0,40}\ba rotation of\b|\b(?:whether|if)\b[^.]{0,60}\bby (?:a )?rotation\b|\bis_rotation\b"), 2, r"rot",
              [("waterbottle", "erbottlewat"), ("abcde", "cdeab"), ("abcde", "abced"), ("abc", "cba"), ("", ""), ("aa", "a"), ("abcd", "dcba")],
              lambda a, b: len(a) == len(b) and b in a + a, truth=True,
              unless=_i(PRINTS + r"|\bcase\b(?!-?\s?sensitive)|\bcase-?\s?insensitiv\w*|\bignor\w*|\bspaces?\b|\blists?\b|\barrays?\b|\bmatri\w*|\bnumber of\b|\bhow many\b|\bminimum\b|\bcount\b|\bindex\b|\bleft\b|\bright\b|\bk\b|\bsub\w*|\bwords?\b|\bin\(\)|\bwithout\b|\bloop\b")),
    KnownTask("the first character that does not repeat", _i(r"\bfirst\b[^.]{0,20}\b(?:non-?repeat\w*|unique|not repeated|does not (?:occur|appear) (?:anywhere )?else|occurs? (?:only )?once|appears? (?:only )?once)\b[^.]{0,25}\b(?:character|char|letter)\b|"
                                                                 r"\bfirst (?:character|char|letter)\b[^.]{0,40}\b(?:does not (?:occur|appear|repeat)|doesn't (?:occur|appear|repeat)|occurs only once|appears only once|non-?repeating|not repeated)\b"),
              1, r"first|unique|repeat|char",
              [("leetcode",), ("aabb",), ("",), ("abcab",), ("z",), ("swiss",)], lambda s: next((c for c in s if s.count(c) == 1), None),
              unless=_i(PRINTS + r"|\bindex\b|\bindices\b|\bposition\b|\b-1\b|\bempty string\b|''|\"\"|\bcase\b|\bignor\w*|\bstream\w*|\bwords?\b|\blist\b|\bcount\w*|\bfrequenc\w*|\bdict\w*|\blast\b|\bk\b|\bsecond\b|\bnon-?alpha\w*|\bspaces?\b")),
    KnownTask("the index of the first character that does not repeat", _i(r"\bindex of the first\b[^.]{0,20}\b(?:non-?repeat\w*|unique|not repeated|occurs? (?:only )?once)\b[^.]{0,25}\b(?:character|char|letter)\b"),
              1, r"first|unique|repeat|char|index",
              [("leetcode",), ("aabb",), ("",), ("loveleetcode",), ("z",)], lambda s: next((i for i, c in enumerate(s) if s.count(c) == 1), -1),
              unless=_i(PRINTS + r"|\bNone\b|\bcase\b|\bignor\w*|\bstream\w*|\bwords?\b|\blist\b|\bcount\w*|\bdict\w*|\blast\b|\bk\b|\bsecond\b|\bspaces?\b|\braise\w*|\bexception\b|\berror\b")),
    KnownTask("the digital root", _i(r"\bdigital root\b|\brepeatedly (?:sums?|adds?)\b[^.]{0,30}\bdigits\b[^.]{0,40}\bsingle digit\b"), 1, r"root|digit|sum",
              [(0,), (7,), (38,), (9875,), (99,), (123456789,), (10,)], lambda n: 0 if n == 0 else 1 + (n - 1) % 9,
              unless=_i(PRINTS + r"|\bnegative\b(?!-)(?<!non-negative)|\bbase\b|\bsteps\b|\bhow many\b|\bnumber of (?:times|steps|iterations)\b|\bpersistence\b|\bproduct\b|\bmultipl\w*|\blist\b|\bstrings?\b|\bsequence\b|\bintermediate\b")),
    KnownTask("a non-decreasing order test", _i(r"\b(?:is|are|whether|if|checks?|checking)\b[^.]{0,40}\bnon-?decreasing\b|\b(?:is|are|whether|if|checks?|checking)\b[^.]{0,40}\bsorted in ascending order\b[^.]{0,60}\b(?:equal|duplicates?|ties?)\b[^.]{0,20}\ballowed\b"), 1, r"sort|order|ascend|decreas|monoton",
              [([1, 2, 2, 3],), ([],), ([5],), ([3, 1],), ([1, 1],), ([1, 3, 2],), ([-2, -2, 0, 7],)], lambda xs: all(a <= b for a, b in zip(xs, xs[1:])), truth=True,
              unless=_i(PRINTS + r"|\bstrictly\b|\bdescending\b|\bnon-?increasing\b|\bkey\b|\bdict\w*|\bstrings?\b|\bcase\b|\bindex\b|\bindices\b|\bposition\b|\bfirst\b|\bcount(?:s|ing)? (?:the|how|of)\b|\bnumber of\b|\bhow many\b|\bsort (?:it|the list|them)\b|\breturns? (?:the|a) sorted\b|\bmatri\w*|\brows?\b|\bcolumns?\b|\bsequences\b|\bsub\w*|\blongest\b|\bmerge\w*|\binsert\w*|\bremov\w*|\bdelet\w*|\bmonoton\w*|\beither\b|\bwithin\b|\btolerance\b")),
    KnownTask("the trailing zeros of n!", _i(r"\btrailing zeros?\b[^.]{0,30}(?:\bn!|\bfactorial\b)|(?:\bn!|\bfactorial\b)[^.]{0,30}\btrailing zeros?\b"), 1, r"zero|trail",
              [(0,), (4,), (5,), (24,), (25,), (100,), (125,), (1000,)], lambda n: sum(n // 5 ** k for k in range(1, 12)),
              unless=_i(PRINTS + r"|\bbase\b|\bbinary\b|\bdigits?\b|\blist\b|\brange\b|\bsmallest\b|\bhow many n\b|\bnumbers? n\b|\bk\b|\bdouble\b")),
    KnownTask("a page of items, pages counted from 1", _i(r"^(?=.*\bpage\b)(?=.*(?:\b(?:numbered|counted|indexed|start\w*|begin\w*)\b[^.\n]{0,12}\b(?:from|at) 1\b|\b1-(?:based|indexed)\b|\bpage 1 is the first\b|\bfirst page is(?: page)? 1\b))(?s:.)"),
              3, r"page|paginat",
              [(list(range(25)), 1, 10), (list(range(25)), 2, 10), (list(range(25)), 3, 10), (list(range(25)), 4, 10), (list("abcdefg"), 2, 3), ([], 1, 5)],
              lambda items, page, size: items[(page - 1) * size: page * size],
              unless=_i(PRINTS + r"|\bdict\w*|\btuples?\b|\bmetadata\b|\btotal\b|\bcount\b|\bnumber of pages\b|\bhas_next\b|\bnext\b|\bprevious\b|\bgenerator\b|\byield\w*|\bcursor\b|\boffset\b|\bclamp\w*|\blast page\b|\bpad\w*|\bfill\w*|\bNone\b|\bclass\b|\bobject\b"),
              parameters=(r"items|data|seq|lst|list|values|records|rows|elements|entries|^xs$|^a$|results|things|collection", r"^page$|^p$|^page_?(?:num|number|no|index)$|^n$", r"per_?page|size|limit|count|^n$|^k$|^m$")),
    KnownTask("the sum of the even numbers", _i(r"\bsum of (?:all )?(?:the )?even (?:numbers|integers|elements|values)\b[^.]{0,20}\b(?:in|of) (?:a|the) list\b"), 1, r"even|sum",
              [([1, 2, 3, 4],), ([],), ([-2, 3, 5],), ([7, 9],)], lambda xs: sum(x for x in xs if x % 2 == 0), unless=_i(PRINTS + r"|\bindex|\bposition|\bodd\b|\bsquares?\b|\bdigits\b")),
    KnownTask("a power-of-two test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\b(?:an? |integer )?power of (?:two|2)\b"), 1, r"pow|two",
              [(n,) for n in (1, 2, 8, 64, 1024, 0, 3, 6, 12, 96, -4, -8)], lambda n: n > 0 and n & (n - 1) == 0, truth=True, named=r"is_?power_?of_?(?:two|2)",
              unless=_i(PRINTS + r"|\bpositive power\b|\bexcept 1\b|\bexcluding 1\b|\bgreater than 1\b|\bexponent\b|\bwhich power\b|\bnext\b|\bnearest\b|\bclosest\b|\bround\w*|\bfloat\w*|\blist\b|\bstrings?\b|\bpower of (?:two|2) or\b|\bsum of\b|\bproduct of\b|\bpowers\b|\bcount\w*")),
    KnownTask("the inversions counted", _i(r"\b(?:count\w*|number of)\b[^.]{0,20}\binversions\b|\binversions?\b[^.]{0,60}\bi < j\b|\bi < j and (\w+)\[i\] > \1\[j\]"), 1, r"inver|count",
              [([2, 4, 1, 3, 5],), ([],), ([1, 2, 3],), ([3, 2, 1],), ([5, 1, 4, 2],), ([1, 1, 1],), ([2, 1, 2, 1],)], _inversions,
              unless=_i(PRINTS + r"|\bthe pairs themselves\b|\blist of (?:the )?(?:index )?(?:pairs|inversions)\b|\breturns? (?:the|all|every) (?:index )?(?:pairs|inversions)\b|\bmod\w*|<=|\bat least\b|\bsignificant\b|\breverse pairs\b|\b2 ?\*|\bmatri\w*|\bstrings?\b|\bk\b|\btuple\b|\bsorted (?:list|array|copy)\b|\balso\b")),
    KnownTask("two matrices multiplied", _i(r"\bmultipl(?:y|ies|ication of)\b[^.]{0,10}\btwo\b[^.]{0,20}\bmatri(?:x|ces)\b|\bmatrix (?:multiplication|product)\b|\bproduct of two matrices\b"), 2, r"mat|mul|prod|dot",
              [([[1, 2, 3], [4, 5, 6]], [[7, 8], [9, 10], [11, 12]]), ([[1, 2], [3, 4]], [[5, 6], [7, 8]]), ([[2]], [[3]]), ([[1, 0, 2]], [[1], [2], [3]]), ([[1], [2]], [[3, 4]]), ([[1, 2]], [[1, 2, 3], [4, 5, 6]]), ([[1], [2], [3]], [[4, 5]])], _matmul,
              unless=_i(PRINTS + r"|\bscalar\b|\bvectors?\b|(?<!not use )(?<!without )(?<!without using )(?<!no )\bnumpy\b|\bnp\.|\belement-?\s?wise\b|\bhadamard\b|\bsparse\b|\bstrassen\b|\bchain\b|\bmod\w*|\bpower\b|\bexponent\w*|\btuples?\b|\bdict\w*|\bstrings?\b|\bboolean\b|\bmin-plus\b|\bsquare matri\w*|\bn ?x ?n\b|\bidentity\b|\bdeterminant\b|\binverse\b|\bclass\b|"
                       r"\bkronecker\b|\btensor\b|\bouter\b|\btrace\b|\bdiagonal\b|\bnorm\b|\brank\b|\bwithout (?:forming|building|computing)\b")),  # the trace of A·B, a Kronecker product: not the product
    KnownTask("a spreadsheet column title's number", _i(r"\bcolumn (?:title|name|label|letters?)\b[^.]{0,60}\b(?:to|into) (?:a |an |its |the )?(?:1-based |one-based )?(?:column )?(?:number|index|integer)\b|\btitle_to_number\b"), 1, r"col|num|title|index",
              [("A",), ("Z",), ("AA",), ("AB",), ("AZ",), ("ZY",), ("AAA",)], _column_number,
              unless=_i(PRINTS + r"|\b0-(?:based|indexed)\b|\bzero-(?:based|indexed)\b|\bA (?:is|=|->|→) 0\b|\bvice versa\b|\bboth (?:ways|directions)\b|\bback\b|\brow\b|\bcell\b|\b[A-Z]+\d+\b|\branges?\b|\blist\b|\bdict\w*|\bbase (?!26)\d+\b")),
    KnownTask("a spreadsheet column title of a number", _i(r"\b(?:column )?(?:number|index|integer)\b[^.]{0,40}\b(?:to|into) (?:a |an |its |the )?(?:excel |spreadsheet )?column (?:title|name|label|letters?)\b|\bconvert_to_title\b"), 1, r"col|title|name|letter",
              [(1,), (26,), (27,), (28,), (52,), (701,), (702,), (703,)], _column_title,
              unless=_i(PRINTS + r"|\b0-(?:based|indexed)\b|\bzero-(?:based|indexed)\b|\b0 (?:is|=|->|→) A\b|\bvice versa\b|\bboth (?:ways|directions)\b|\bback\b|\brow\b|\bcell\b|\branges?\b|\blist\b|\bdict\w*|\blower-?\s?case\b")),
    KnownTask("the meeting rooms needed", _i(r"\b(?:minimum|least|fewest|smallest) (?:number of )?(?:meeting |conference )?rooms\b|\bmin_meeting_rooms\b"), 1, r"room|meet",
              [([(0, 30), (5, 10), (15, 20)],), ([(7, 10), (2, 4)],), ([],), ([(1, 10), (2, 7), (3, 19), (8, 12), (10, 20), (11, 30)],), ([(1, 5), (2, 6), (3, 7), (4, 8)],), ([(5, 8)],)], _rooms,
              unless=_i(PRINTS + r"|\bassign\w*|\bwhich room\b|\bschedule\b|\blist of rooms\b|\brooms? (?:ids?|numbers?|names?)\b|\bcapacit\w*|\bbuffer\b|\bclean\w*|\bgap\b|\bdict\w*|\bstrings?\b|\bHH:MM\b|\bdatetime\b|\btimes? of day\b|\bcan attend\b|\bwhether\b|\bTrue\b|\bbool\w*")),
    KnownTask("a weighted mean", _i(r"\bweighted (?:arithmetic )?(?:mean|average)\b"), 2, r"weight|mean|avg|average",
              [([1, 2, 3], [1, 1, 1]), ([10, 20], [1, 3]), ([5], [2]), ([1, 2, 3, 4], [4, 3, 2, 1]), ([2, 4, 6], [1, 2, 3])], lambda values, weights: sum(v * w for v, w in zip(values, weights)) / sum(weights),
              unless=_i(PRINTS + r"|\bmoving\b|\brolling\b|\bexponential\w*|\bgeometric\b|\bharmonic\b|\bdict\w*|\bpairs?\b|\btuples?\b|\bstandard deviation\b|\bvariance\b|\bgrades?\b|\bcolumns?\b|\bpercent\w*|\bround\w*|\bnormali[sz]\w*|\bdecimal places?\b|\bNone\b|\bmedian\b|\bgroup\w*|\bkeys?\b|\bmatri\w*|\bstream\w*|\bclass\b"),
              parameters=(r"values|xs|data|nums|numbers|items|scores|^x$|^v$|^a$|samples|observations|grades|marks|prices", r"weights?|^ws$|^w$|^b$|counts|quantit|frequenc|credits")),
    KnownTask("the edit distance", _i(r"\blevenshtein\b|\bedit distance\b"), 2, r"dist|edit|leven",
              [("kitten", "sitting"), ("", "abc"), ("flaw", "lawn"), ("same", "same"), ("abc", ""), ("intention", "execution"), ("a", "b")], _edit_distance,
              unless=_i(PRINTS + r"|\bdamerau\b|\btranspos\w*|\b(?:weights?|costs?)\b(?!\s+(?:of\s+)?(?:1|one)\b)|\bratio\b|\bsimilarity\b|\bnormali[sz]\w*|\bthe (?:edits|operations) themselves\b|\blist of (?:the )?(?:edits|operations)\b|\bsequence of (?:edits|operations)\b|"
                                 r"\bclosest\b|\bsuggest\w*|\blist\b|\bk\b|\bat most\b|\bwithin\b|\bone edit\b|\bone away\b|\bthreshold\b|\bcase\b|\bignor\w*|\bwords\b|\btokens\b|\bhamming\b|\bsubstitutions? only\b|\bonly (?:insert|delet)\w*|\bbool\w*|\bTrue\b|"
                                 r"\b(?:no|without) substitutions?\b|\binsertions? (?:plus|and) deletions?\b(?!,? (?:and|or|plus) substitut)|\bmyers\b|\bshortest edit script\b"),
              named=r"edit_distance|levenshtein(?:_distance)?",
              named_unless=_i(r"\b(?:no|without) substitutions?\b|\binsertions? (?:plus|and) deletions?\b(?!,? (?:and|or|plus) substitut)|\bmyers\b|\bshortest edit script\b|"
                              r"\bdamerau\b|\btranspos\w*|\bsubstitutions? only\b|\bonly (?:insert|delet)\w*")),
    KnownTask("the Hamming distance of two strings", _i(r"\bhamming distance\b[^.]{0,60}\bstrings?\b|\bstrings?\b[^.]{0,60}\bhamming distance\b"), 2, r"ham|dist",
              [("karolin", "kathrin"), ("1011101", "1001001"), ("", ""), ("abc", "abc"), ("abc", "xyz")], lambda a, b: sum(x != y for x, y in zip(a, b)),
              unless=_i(PRINTS + r"|\bintegers?\b|\bbits?\b|\bbinary\b|\bnumbers\b|\bcase\b|\blists?\b|\bpairs\b|\bminimum\b|\bclosest\b|\bignor\w*|\bpad\w*|\bunequal\b|\bdifferent lengths?\b(?![^.]*\braise\w*)|\bwords\b|\bnormali[sz]\w*|\bratio\b|\bsimilarity\b")),
    KnownTask("the longest common prefix", _i(r"\blongest[ _]common[ _]prefix\b|\blongest (?:string|text) that is a prefix of (?:every|each|all)\b"), 1, r"prefix|common",
              [(["flower", "flow", "flight"],), (["dog", "racecar", "car"],), (["a"],), (["interview", "internet", "interval"],), (["ab", "a"],), (["same", "same"],)], os.path.commonprefix,
              unless=_i(PRINTS + r"|\bsuffix\w*|\btwo strings\b|\bpairs?\b|\bcase\b|\bignor\w*|\bpaths?\b|\bdirector\w*|\bfolders?\b|\blength of\b|\bcount\b|\bk\b|\bgroups?\b|\bNone\b|\bwords? of a sentence\b|\bsentences?\b|\bquer(?:y|ies)\b|\bsegments?\b|\bdotted\b|\burls?\b|\btokens\b|\blists\b|\bdict\w*|\btuples?\b")),
    KnownTask("brackets of three kinds balanced", _i(r"^(?=.*(?:\bbalanced\b|\bproperly (?:nested|closed|matched)\b|\bvalid\b))(?=.*(?:\(\)|\bparenthes[ie]s\b|\bround\b))(?=.*(?:\[\]|\bsquare brackets\b))(?=.*(?:\{\}|\b(?:curly )?braces\b))(?s:.)"), 1, r"balanc|valid|bracket|paren",
              [("()[]{}",), ("([{}])",), ("([)]",), ("((",), ("",), (")(",), ("{[]}(",), ("]",), ("{[()()]}",)], _balanced, truth=True,
              unless=_i(PRINTS + r"|\bminimum\b|\bcount\w*|\bhow many\b|\blongest\b|\bremov\w*|\badd\w*|\binsert\w*|\bgenerat\w*|\bindex\b|\bindices\b|\bposition\b|\bdepth\b|\bnesting level\b|\bquot\w*|\bescap\w*|\btags?\b|\bhtml\b|\bxml\b|\bwildcard\b|\*|\bswap\w*|\bfix\w*|\brepair\w*|\breturns? (?:the|a) (?:string|list|tuple)\b|\bdict\w*|\bscore\b|\bangle\b|<>|\bcomments?\b|\bcode\b|\bstrings? literals?\b|\bformula\b|\bexpression\b|\bmath\w*|\bIDE\b|\bunmatched\b|\bunbalanced (?:ones|brackets)\b|\bcustom\b|\bpairs? (?:mapping|given|argument|parameter)\b|\bclass\b")),
    KnownTask("parentheses balanced", _i(r"\bbalanced\b[^.]{0,40}\bparenthes[ie]s\b|\bparenthes[ie]s\b[^.]{0,60}\b(?:are |is )?(?:balanced|properly (?:nested|closed|matched))\b|\bvalid parenthes[ie]s\b"), 1, r"balanc|valid|paren",
              [("()",), ("(()())",), ("(()",), (")(",), ("",), ("())(",), ("((()))",), (")",)], _balanced, truth=True,
              unless=_i(PRINTS + r"|\[|\{|\bbrackets\b|\bbraces\b|\bminimum\b|\bcount\w*|\bhow many\b|\blongest\b|\bremov\w*|\badd\w*|\binsert\w*|\bgenerat\w*|\bcombinations\b|\bn pairs\b|\bindex\b|\bindices\b|\bposition\b|\bdepth\b|\bnesting level\b|\bquot\w*|\bescap\w*|\bwildcard\b|\*|\bswap\w*|\bfix\w*|\brepair\w*|\breturns? (?:the|a) (?:string|list|tuple)\b|\bdict\w*|\bscore\b|\bcomments?\b|\bexpression\b|\bformula\b|\bmath\w*|\bunmatched\b|\bclass\b|\bflip\w*|\breverse\w*")),
    KnownTask("the set bits counted", _i(r"\b(?:number|count) of (?:set bits|1 bits|1-bits|one bits|'1' bits|bits (?:that are )?set(?: to 1)?|1s in (?:the|its) binary|ones in (?:the|its) binary)\b|\bhamming weight\b|\bpopcount\b|\bpopulation count\b"), 1, r"bit|count|weight|pop|one",
              [(0,), (1,), (7,), (8,), (255,), (1023,), (12,), (2 ** 40 + 5,)], lambda n: bin(n).count("1"),
              unless=_i(PRINTS + r"|(?<!non-)\bnegative\b|\btwo'?s complement\b|\b32-?bit\b|\b64-?bit\b|\brange\b|\bup to n\b|\b0 to n\b|\b0\.\.n\b|\blist\b|\bevery number\b|\beach number\b|\bsort\w*|\bstrings?\b|\bzeros?\b|\bparity\b|\bflip\w*|\bdifferent bits\b|\bbetween two\b|\bdict\w*|\bfloat\w*|\bbytes\b")),
    KnownTask("a perfect-number test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\bperfect number\b"), 1, r"perfect", [(n,) for n in (1, 6, 12, 28, 27, 496, 500, 8128)],
              lambda n: n > 1 and sum(d for d in range(1, n) if n % d == 0) == n, truth=True, named=r"is_?perfect(?:_?number)?",
              unless=_i(PRINTS + r"|\blist\b|\ball\b|\bup to\b|\bbelow\b|\bcount\w*|\bnext\b|\babundant\b|\bdeficient\b|\bclassif\w*|\bamicable\b|\bstrings?\b|\bsum of (?:its )?divisors\b(?= is returned)|\bmultipl\w*")),
    KnownTask("a perfect-square test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\bperfect square\b"), 1, r"square|perfect", [(n,) for n in (1, 4, 16, 15, 26, 144, 10 ** 6, 10 ** 6 - 1, 2, 99980001)],
              lambda n: math.isqrt(n) ** 2 == n, truth=True, named=r"is_?perfect_?square",
              unless=_i(PRINTS + r"|\blist\b|\ball\b|\bup to\b|\bbelow\b|\bcount\w*|\bnext\b|\bnearest\b|\bsum of\b|\btwo squares\b|\bcubes?\b|\bfloat\w*|\bstrings?\b|\bmatri\w*|\bgrid\b|\bboard\b|\broot\b(?= is returned)")),
    KnownTask("perfect numbers up to a limit", _i(r"\b(?:all|every|list of(?: the)?)\s+perfect numbers\b[^.]{0,40}(?:<=|\bup to\b|\bat most\b|\bnot (?:exceeding|above|greater than)\b|\bbelow\b|\bless than\b)"), 1, r"perfect",
              [(30,), (5,), (500,), (10000,), (1,)], lambda limit: [n for n in (6, 28, 496, 8128) if n <= limit],
              unless=_i(PRINTS + r"|\bcount\w*|\bhow many\b|\bnumber of\b|\bsum\b(?! of (?:its|their) (?:proper )?divisors)|\babundant\b|\bdeficient\b|\bamicable\b|\bsemi-?perfect\b|\bdict\w*|\btuples?\b|\bstrings?\b|\bdescending\b")),
    KnownTask("an integer square root", _i(r"\binteger square root\b|\bisqrt\b"), 1, r"sqrt|root", [(n,) for n in (0, 1, 2, 3, 4, 8, 10, 15, 16, 99, 10 ** 12, 10 ** 12 - 1)], math.isqrt,
              named=r"i_?sqrt|int(?:eger)?_?sqrt|integer_square_root",
              unless=_i(PRINTS + r"|\bfloat\w*(?! ?point\)?)|\bdecimal places?\b|\bprecision\b|\bapproximat\w*|\bceil\w*|\bround\w* (?:up|to (?:the )?nearest)\b|\bcube\b|\bk-?th\b|\bn-?th root\b|\bmodul\w*|\bcomplex\b|\blist\b|\btuple\b|\bremainder\b|\bperfect square\b")),
    KnownTask("a magic-square test", _i(r"\bmagic square\b"), 1, r"magic",
              [([[2, 7, 6], [9, 5, 1], [4, 3, 8]],), ([[8, 1, 6], [3, 5, 7], [4, 9, 2]],), ([[1, 2], [3, 4]],), ([[1, 2, 3], [2, 3, 1], [3, 1, 2]],), ([[1, 2, 3], [3, 1, 2], [2, 3, 1]],), ([[2, 7, 6], [9, 5, 1], [4, 8, 3]],)],
              lambda grid: len({sum(r) for r in grid} | {sum(c) for c in zip(*grid)} | {sum(grid[i][i] for i in range(len(grid))), sum(grid[i][~i] for i in range(len(grid)))}) == 1,
              truth=True, named=r"is_?magic(?:_?square)?",
              unless=_i(PRINTS + r"|\bsemi-?magic\b|\bcount\w*|\bhow many\b|\bsub-?(?:grid|square|matri)\w*|\binside\b|\bgenerat\w*|\bconstruct\w*|\bbuild\w*|\bfill\w*|\bcomplet\w*|\bmissing\b|\bwithout (?:the )?diagonals?\b|\bonly (?:the )?rows\b|\bdiagonals? (?:are|is) (?:not|ignored)\b|\bmagic (?:constant|sum)\b(?= is returned)|\bstrings?\b|\bdict\w*")),
    KnownTask("parentheses to add for a valid string", _i(r"\bminimum number of (?:parenthes[ie]s|brackets)\b[^.]{0,80}\b(?:insert\w*|add\w*)\b|\bmin_add_to_make_valid\b"), 1, r"min|add|valid|paren",
              [("())",), ("(((",), ("()",), ("()))((",), (")(",), ("",), ("(()())",)], _parentheses_to_add,
              unless=_i(PRINTS + r"|\[|\{|\bremov\w*|\bdelet\w*|\bswap\w*|\brevers\w*|\bflip\w*|\bstars?\b|\*|\bwildcard\b|\breturns? (?:the|a) (?:string|list)\b|\bdict\w*")),
    KnownTask("an Armstrong-number test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\b(?:armstrong|narcissistic)(?: number)?\b"), 1, r"armstrong|narciss", [(n,) for n in (1, 9, 10, 153, 154, 370, 371, 407, 100, 9474, 9475)],
              lambda n: n == sum(int(d) ** len(str(n)) for d in str(n)), truth=True, named=r"is_?(?:armstrong|narcissistic)(?:_?number)?",
              unless=_i(PRINTS + r"|\bcubes?\b|\bthree-digit\b|\b3-digit\b|\blist\b|\ball\b|\bbetween\b|\brange\b|\bup to\b|\bcount\w*|\bfind\b|\bnegative\b(?<!non-negative)|\bstrings?\b|\bbase\b")),
    KnownTask("the primes up to n, n included", _i(r"\bprime(?:s| numbers)\b[^.]{0,40}(?:<=|≤|\bup to and including\b|\bless than or equal to\b|\bnot (?:greater|larger) than\b|\binclusive\b)"), 1, r"prime|sieve",
              [(7,), (13,), (2,), (29,), (30,)], lambda n: [p for p in range(n + 1) if _is_prime(p)],
              unless=_i(PRINTS + r"|\bcount\w*|\bnumber of\b|\bhow many\b|\bsum\b|\bset\b|\bdict\w*|\bboolean\b|\bTrue\b|\bsegmented\b|\btwin\b|\bbetween\b|\bfirst n\b|\bn primes\b|\bpairs?\b|\bfactor\w*|\bpalindrom\w*|\blargest\b|\bsmallest\b|\bnearest\b|\bclosest\b|\bproduct\b|\bstrings?\b|\bnth\b|\bn-th\b|\bdescending\b|\bgaps?\b|\bdigits?\b|\bcircular\b|\bemirp|\bmersenne\b|\bsum of two\b|\bgoldbach\b|\brange \[|\bincremental\w*|\bclass\b|\bcache\w*|\bmemo\w*")),
    KnownTask("the primes below a number", _i(r"\bsieve of eratosthenes\b|\b(?:all )?(?:the )?prime(?:s| numbers) (?:up to|less than or equal to|not (?:greater|larger) than|below|less than|smaller than|under)\b"), 1, r"prime|sieve",
              [(10,), (30,), (50,), (100,), (4,)], lambda n: [p for p in range(n) if _is_prime(p)],
              unless=_i(PRINTS + r"|\bcount\w*|\bnumber of\b|\bhow many\b|\bsum\b|\bset\b|\bdict\w*|\bboolean\b|\bTrue\b|\bsegmented\b|\btwin\b|\bbetween\b|\bfirst n\b|\bn primes\b|\bpairs?\b|\bfactor\w*|\bpalindrom\w*|\blargest\b|\bsmallest\b|\bnearest\b|\bclosest\b|\bproduct\b|\bstrings?\b|\bnth\b|\bn-th\b|\bdescending\b|\bgaps?\b|\bdigits?\b|\bcircular\b|\bemirp|\bmersenne\b|\bsum of two\b|\bgoldbach\b|\brange \[|\bincremental\w*|\bclass\b|\bcache\w*|\bmemo\w*")),
    KnownTask("a Reverse Polish expression evaluated", _i(r"\b(?:reverse polish(?: notation)?|RPN|postfix)\b[^.]{0,80}\blist of (?:tokens|strings)\b|\blist of (?:tokens|strings)\b[^.]{0,80}\b(?:reverse polish|RPN|postfix)\b"), 1, r"rpn|eval|polish|postfix|calc",
              [(["5", "3", "-"],), (["2", "3", "-", "4", "*"],), (["10", "2", "-", "3", "-"],), (["3", "4", "+", "2", "*"],)],
              lambda tokens: {("5", "3", "-"): 2, ("2", "3", "-", "4", "*"): -4, ("10", "2", "-", "3", "-"): 5, ("3", "4", "+", "2", "*"): 14}[tuple(tokens)],
              unless=_i(PRINTS + r"|\bvariables?\b|\bunary\b|\bsqrt\b|\^|\*\*|\bpower\b|\bmodul\w*|%|\bdict\w*|\bclass\b|\bcompil\w*|\bconvert\w*|\binfix\b|\bto postfix\b|\bsteps?\b|\btrace\b|\bbytecode\b|\bmatri\w*|\bstrings? of (?:the )?result\b")),
    KnownTask("the k-th smallest of a sorted matrix", _i(r"\bk-?th smallest\b[^.]{0,120}\bmatri(?:x|ces)\b|\bmatri(?:x|ces)\b[^.]{0,160}\bk-?th smallest\b"), 2, r"kth|smallest",
              [([[1, 5, 9], [10, 11, 13], [12, 13, 15]], 8), ([[1, 2], [1, 3]], 2), ([[-5]], 1), ([[1, 2], [3, 4]], 4), ([[1, 3, 5], [6, 7, 12], [11, 14, 14]], 6)],
              lambda matrix, k: sorted(v for row in matrix for v in row)[k - 1], parameters=(r"matri|grid|rows|^m$|^a$", r"^k$|^n$|rank|index|nth"),
              unless=_i(PRINTS + r"|\b0-based\b|\bzero-based\b|\bdistinct\b|\bunique\b|\blargest\b|\bcount\b|\bhow many\b|\bpairs?\b|\bsums?\b|\bproducts?\b|\bdict\w*|\bstrings?\b|\bclass\b")),
    KnownTask("a running total", _i(r"\b(?:running|cumulative) (?:sums?|totals?)\b"), 1, r"run|cum|total|sum|accum|prefix",
              [([1, 2, 3, 4],), ([],), ([5],), ([3, -1, 2],), ([0, 0, 7],)], lambda xs: [sum(xs[:i + 1]) for i in range(len(xs))], in_place=True,
              unless=_i(PRINTS + r"|\bleading 0\b|\bstarts? with 0\b|\bn ?\+ ?1\b|\bwindow\b|\bmoving\b|\brolling\b|\baverage\b|\bmeans?\b|\bmax\w*\b|\bmin\w*\b|\bproduct\b|\bdict\w*|\bgroup\w*|\breset\w*|\bmatri\w*|\b2d\b|\bstrings?\b|\bk\b|\bmodulo\b|\bquer(?:y|ies)\b|\brange sum\b|\bclass\b|\bthreshold\b|\bexceed\w*|\bfirst (?:index|time|position)\b|\btuples?\b|\bcolumns?\b|\brows?\b|\bdates?\b|\bbalance\b|\bround\w*|\bdecimal\w*|\bfloat\w*|(?<!not use )(?<!without )(?<!without using )(?<!no )\bnumpy\b|\bpandas\b|\breverse\w*|\bright\b|\bcount\w*")),
    KnownTask("the words in reverse order", _i(r"\brevers\w* the order of (?:the )?words\b|\bwords\b[^.]{0,30}\bin revers(?:e|ed) order\b"), 1, r"rev|word",
              [("hello world",), ("a b c",), ("single",), ("the sky is blue",), ("",)], lambda s: " ".join(reversed(s.split())),
              unless=_i(PRINTS + r"|\beach word\b|\bletters\b|\bcharacters\b|\bpunctuation\b|\bcase\b|\bcapitaliz\w*|\blist\b|\bin[- ]place\b|\bsentences\b|\bvowel|\bpalindrom\w*|\bspaces?\b|\bwhitespace\b|\bdelimiter\b|\bseparat\w*|\bcomma\w*|\bk\b|\bgroups?\b|\blines\b|\bsort\w*|\bunique\b|\bduplicat\w*|\bodd\b|\beven\b")),
    KnownTask("a Caesar cipher", _i(r"\bcaesar\b"), 2, r"caesar|encrypt|encode|cipher|shift",
              [("abc", 3), ("xyz", 3), ("Hello, World!", 3), ("abc", 0), ("Zebra", 1), ("abc", 29), ("bcd", -1)], _caesar,
              unless=_i(PRINTS + r"|\b(?:only|all|to) (?:lower|upper)-?\s?case\b|\b(?:lower|upper)-?\s?case (?:only|letters only|input)\b|\bcase-?\s?insensitive\b|\bignor\w* (?:the )?case\b|\bdecrypt\w*|\bdecod\w*|\bbrute\b|\bcrack\w*|\bbreak\w*|\bguess\w*|\bfrequenc\w*|\bdigits?\b|\bkey\w*\b|\bvigen\w*|\brot13\b|\bboth\b|\bmode\b|\bdirection\b|\blist\b|\b(?:custom|given|own|an?) alphabet\b|\balphabet (?:string|parameter|argument)\b|\bremov\w*|\bdrop\w*|\bskip\w*|\bspaces?\b|\bbytes\b|\bclass\b|\bleft\b|\bbackwards?\b|\bunicode\b|\bnon-ascii\b|\bprintable\b|\breverse\w*|\bwords?\b"),
              parameters=(r"text|^s$|message|msg|plain|string|word|data|^t$|sentence|phrase|input", r"shift|^k$|^n$|offset|amount|rot|steps|^d$|distance")),
    KnownTask("the k-th largest element", _i(r"\bk-?th largest\b|\bkth largest\b"), 2, r"kth|largest|k_?th",
              [([3, 2, 1, 5, 6, 4], 2), ([7], 1), ([1, 2, 3, 4, 5], 5), ([9, 1, 8, 2], 1), ([-1, -5, 3], 2)], lambda xs, k: sorted(xs, reverse=True)[k - 1],
              unless=_i(PRINTS + r"|\b0-(?:based|indexed)\b|\bzero-(?:based|indexed)\b|\bdistinct\b|\bunique\b|\bstream\w*|\bclass\b|\bmatri\w*|\bpairs?\b|\bsums?\b|\bindex\b|\bposition\b|\bsmallest\b|\bNone\b|\bfrequen\w*|\bwords?\b|\bstrings?\b|\bdict\w*|\btuples?\b|\bnodes?\b|\btrees?\b|\bBST\b|\blinked\b|\bsubarray\w*|\bheaps\b|\bduplicat\w*"),
              parameters=(r"nums|arr|array|values|xs|items|numbers|lst|list|data|seq|^a$|scores|elements", r"^k$|^n$|rank|position|index|^i$|order")),
    KnownTask("a dot product", _i(r"\bdot product\b|\binner product\b"), 2, r"dot|inner|prod",
              [([1, 2, 3], [4, 5, 6]), ([], []), ([2], [-3]), ([1.5, 2], [2, 4])], lambda a, b: sum(x * y for x, y in zip(a, b)),
              unless=_i(PRINTS + r"|\bmatri\w*|\bcross\b|\bangle\b|\bcosine\b|\bnorm\w*|\bmagnitude\b|\bsparse\b|\bdict\w*|(?<!not use )(?<!without )(?<!without using )(?<!no )\bnumpy\b|\bnp\b|\bcomplex\b|\bstrings?\b|\bprojection\b|\bclass\b|\bvectors? class\b|\bmethod\b|\bquaternion\w*|\bround\w*|\bmod\w*|\bweights?\b|\bkernel\b|\bspaces?\b|\btuples?\b|\bpolynomial\w*")),
    KnownTask("a matrix in spiral order", _i(r"\bspiral order\b|\bin (?:a )?spiral\b|\bspiral(?:ly)? (?:traversal|walk|read)\b"), 1, r"spiral|order|traverse",
              [([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]],), ([[1]],), ([[1], [2], [3]],), ([[1, 2], [3, 4], [5, 6]],)], _spiral,
              unless=_i(PRINTS + r"|\bcounter-?\s?clockwise\b|\banti-?\s?clockwise\b|\bgenerat\w*|\bfill\w*|\bcreate\w*|\bbuild\w*|\bconstruct\w*|\bfrom the cent\w*|\bcent(?:er|re)\b|\boutward\b|\bstrings?\b|\bdiagonal\w*|\bzig-?\s?zag\b|\brotat\w*|\bbottom\b|\bright to left\b|\bcoordinates\b|\bindices\b|\bdict\w*|\bsum\b|\blayers?\b|\bring\b|\bn x n\b|\bk\b|\breverse\w*")),
    KnownTask("a matrix rotated 90 degrees clockwise", _i(r"\brotat\w*\b[^.]{0,40}\bmatri(?:x|ces)\b[^.]{0,30}\b90 degrees\b[^.]{0,10}\bclockwise\b|\brotat\w*\b[^.]{0,10}\b90 degrees clockwise\b"), 1, r"rot",
              [([[1, 2], [3, 4]],), ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), ([[5]],)], lambda m: [list(row) for row in zip(*m[::-1])], in_place=True,
              unless=_i(PRINTS + r"|\bcounter-?\s?clockwise\b|\banti-?\s?clockwise\b|\b180\b|\b270\b|\bk times\b|\bk\b|\bstrings?\b|\btuples?\b|(?<!not use )(?<!without )(?<!without using )(?<!no )\bnumpy\b|\bnp\b|\blayers?\b|\bdegrees\b[^.]{0,20}\bparameter\b|\bdirection\b|\bnon-square\b|\brectangular\b|\bimages?\b|\bpixels?\b|\bflip\w*|\bmirror\w*|\btranspos\w*")),
    KnownTask("the sum of the multiples of 3 or 5 below n", _i(r"\bsum of (?:all )?(?:the )?(?:natural numbers |numbers |integers )?(?:that are )?multiples of 3 or 5\b|\bsum of (?:all )?(?:the )?(?:natural numbers|numbers|integers)\b[^.]{0,20}\b(?:divisible by|multiples? of) 3 or(?: by)? 5\b"), 1, r"sum|mult",
              [(1,), (4,), (7,), (11,), (17,), (1000,)], lambda n: sum(x for x in range(n) if x % 3 == 0 or x % 5 == 0),
              unless=_i(PRINTS + r"|\bboth\b|\bnot both\b|\bexcept\b|\bexclud\w*|\bcount\w*|\bhow many\b|\blist\b|\bnumber of\b|\bproduct\b|\bk\b|\bgiven (?:divisors|numbers|factors)\b|\bprimes?\b|\bnegative\b(?<!non-negative)|\bsquares?\b|\beven\b|\bodd\b|\bstrings?\b")),
    KnownTask("an integer in binary", _i(r"\b(?:decimal|integer|int|number)\b[^.]{0,20}\b(?:to|into) (?:its |a |the )?binary(?: string| representation| digits)?\b"), 1, r"bin|base|conv",
              [(1,), (5,), (10,), (255,), (256,), (37,)], lambda n: format(n, "b"),
              unless=_i(PRINTS + r"|\bprefix\w*|0b|\bpad\w*|\bwidth\b|\bfixed\b|\b\d+ bits\b|\b(?:8|16|32|64)-bit\b|\bnegative\b(?<!non-negative)|\btwo'?s complement\b|\blist\b|\bleading zeros?\b|\bbinary search\b|\bfloat\w*|\bfraction\w*|\bgray\b|\bbcd\b|\bhex\w*|\boctal\b|\bbases?\b|\bback\b|\bvice versa\b|\bboth\b|\bbytes?\b|\bint\b\(|\bsigned\b|\bdecimal point\b|\btuple\b|\bsum\b|\bcount\w*|\bbinary tree\b|\breverse\w*|\bones? complement\b|\bdict\w*")),
    KnownTask("a subsequence test", _i(r"\bis a subsequence of\b|\bis_subsequence\b|\b(?:whether|if|check\w*)\b[^.]{0,40}\bsubsequence\b"), 2, r"subseq",
              [("ace", "abcde"), ("aec", "abcde"), ("", "abc"), ("abc", ""), ("abc", "abc"), ("axc", "ahbgdc"), ("abc", "ahbgdc"), ("aa", "a"), ("bb", "abab")],
              lambda sub, seq: (lambda it: all(c in it for c in sub))(iter(seq)), truth=True,
              unless=_i(PRINTS + r"|\blongest\b|\bcount\w*|\bnumber of\b|\bhow many\b|\ball subsequences\b|\bdistinct\b|(?<!necessarily )\bcontiguous\b|\bsubstring\b|\bcase\b|\bignor\w*|\bindices\b|\bpositions?\b|\bk\b|\bwildcards?\b|\bdelet\w*|\bat most\b|\bone edit\b|\bwords\b|\bregex\w*"),
              parameters=(r"^sub|^s$|^s1$|small|short|needle|pattern|^a$|^x$|part|candidate|query|^word$", r"seq|^t$|^s2$|big|long|haystack|text|^b$|^y$|full|main|^string$|source")),
    KnownTask("the most vowels in a window of k", _i(r"\b(?:maximum|largest|most|max)\b (?:number of )?vowels\b[^.]{0,60}\b(?:substring|window)\b[^.]{0,40}\b(?:length|size)\b"), 2, r"vowel|max",
              [("abciiidef", 3), ("aeiou", 2), ("leetcode", 3), ("rhythms", 4), ("tryhard", 4), ("aabbaa", 2), ("bbaaa", 2), ("abab", 2), ("baab", 2)], lambda text, k: max(sum(c in "aeiou" for c in text[i:i + k]) for i in range(len(text) - k + 1)),
              unless=_i(PRINTS + r"|\by\b|\bupper-?\s?case\b|\bcase\b|\bthe substring itself\b|\bindex\b|\bstart\b|\bconsonants\b|\bat most k\b|\bat least\b|\bdistinct\b|\bunique\b"),
              parameters=(r"^s$|text|string|word|^t$|sentence", r"^k$|^n$|size|length|window|width")),
    KnownTask("the Jaccard similarity of two texts' word sets", _i(r"\bjaccard\b[^.]{0,80}\bwords\b|\bwords\b[^.]{0,80}\bjaccard\b"), 2, r"jaccard|simil",
              [("the cat sat", "the dog sat"), ("a b", "b a"), ("a", "b"), ("a b c", "a"), ("x y", "x y z w")], lambda a, b: len(set(a.split()) & set(b.split())) / len(set(a.split()) | set(b.split())),
              unless=_i(PRINTS + r"|\bcharacters?\b|\bshingles?\b|\bn-?grams?\b|\bbigrams?\b|\bminhash\b|\bdistance\b|\bpercent\w*|\bround\w*|\bweighted\b|\bmultisets?\b|\bcounts?\b|\bstem\w*|\bstop ?words\b|\bpunctuation\b|\blists? of\b|\btokeni[sz]\w*|\bregex\w*")),
    KnownTask("a triangle classified, a flat one invalid", _i(r"^(?=[\s\S]*['\"]equilateral['\"])(?=[\s\S]*['\"]isosceles['\"])(?=[\s\S]*['\"]scalene['\"])(?=[\s\S]*['\"]invalid['\"])"
                                                               r"(?=[\s\S]*(?:\bpositive area\b|\bat least as long as\b|\bgreater than or equal to (?:the )?(?:sum|other|third)|\bdegenerate\b|>=))"), 3, r"triang|classif|kind|type",
              relation="all(f(*sides).lower() == want for sides, want in (((3, 3, 3), 'equilateral'), ((3, 3, 5), 'isosceles'), ((5, 3, 3), 'isosceles'), ((3, 4, 5), 'scalene'), "
                       "((1, 2, 3), 'invalid'), ((0, 1, 1), 'invalid'), ((1, 1, 3), 'invalid'), ((2, 2, 3.5), 'isosceles'), ((7, 10, 5), 'scalene')))",
              unless=_i(PRINTS + r"|\bright\b|\bobtuse\b|\bacute\b|\bangles?\b|\bperimeter\b|\blist\b|\btuple\b|\bdict\w*|\benum\b|\bclass\b|\bNone\b|\braise\w*|\bValueError\b|\bdegenerate\b[^.]{0,30}\b(?:valid|allowed|counts?)\b")),
    KnownTask("a triangle's area by Heron's formula", _i(r"\bheron'?s? formula\b|\barea of a triangle\b[^.]{0,40}\b(?:three|3) sides?\b|\barea of a triangle\b[^.]{0,40}\bside lengths\b"), 3, r"area|heron|triang",
              relation="all(abs(f(*sides) - want) < 1e-6 for sides, want in (((3, 4, 5), 6.0), ((5, 5, 6), 12.0), ((7, 8, 9), 26.832815729997478), ((1, 1, 1), 0.4330127018922193)))",
              unless=_i(PRINTS + r"|\bround\w*|\bdecimal places?\b|\bcoordinates\b|\bpoints?\b|\bvertices\b|\bbase and height\b|\bperimeter\b|\bnegative\b|\bNone\b|\bstring\b|\blist\b|\btuple\b|\bdict\w*|\bclass\b")),
    KnownTask("the fewest coins for an amount", _i(r"\b(?:minimum|fewest|least|smallest) number of coins\b|\bfewest coins\b|\bcoin change\b[^.]{0,40}\b(?:minimum|fewest)\b"), 2, r"coin|change|min",
              [([1, 2, 5], 11), ([1, 3, 4], 6), ([1], 0), ([1, 5, 10, 25], 63), ([2, 5, 10, 1], 27), ([3, 7], 14)], _fewest_coins,
              unless=_i(PRINTS + r"|\bnumber of ways\b|\bways to make\b|\bcombinations\b|\bwhich coins\b|\bthe coins (?:used|themselves)\b|\blist of (?:the )?coins\b|\bcount of each\b|\bgreedy\b|\blimited\b|\beach coin (?:at most )?once\b|\bdict\w*|\btuples?\b"),
              parameters=(r"coins|denominations|values|^c$|^d$", r"amount|target|total|^n$|^value$|sum")),
    KnownTask("the longest common substring's length", _i(r"\blength of the longest common substring\b|\blongest common substring\b[^.]{0,40}\blength\b|\blongest common (?:contiguous )?substring\b"), 2, r"common|substr|lcs",
              [("abcdxyz", "xyzabcd"), ("abc", "def"), ("", "a"), ("zxabcdezy", "yzabcdezx"), ("aaaa", "aa"), ("GeeksforGeeks", "GeeksQuiz")], _common_substring,
              unless=_i(PRINTS + r"|\bsubsequence\b|\bthe substring itself\b|\breturns? the (?:longest )?(?:common )?substring\b(?! length)|\bstring itself\b|\bthree\b|\blist of strings\b|\ball\b|\bcase\b|\bignor\w*|\bindices\b|\bpositions?\b|\btuple\b")),
    KnownTask("the 0/1 knapsack's best value", _i(r"\b0[/-]1 knapsack\b|\bknapsack\b[^.]{0,80}\b(?:maximum|max|largest|best|highest) (?:total )?value\b"), 3, r"knap|value|best|max",
              [([1, 3, 4, 5], [1, 4, 5, 7], 7), ([10, 20, 30], [60, 100, 120], 50), ([5], [10], 4), ([], [], 10), ([2, 3, 4], [3, 4, 5], 5)], _knapsack,
              unless=_i(PRINTS + r"|\bfractional\b|\bunbounded\b|\bunlimited\b|\brepeat\w*|\bmultiple copies\b|\bwhich items\b|\bitems chosen\b|\bchosen items\b|\blist of (?:the )?(?:items|indices)\b|\bthe items themselves\b|\btuples?\b|\bdict\w*|\bpairs\b|\bclass\b"),
              parameters=(r"weights?|^w$|^wt$", r"values?|^v$|^val$|profits?|prices?", r"capacity|^cap$|^c$|^w$|limit|max_weight|^W$|budget")),
    KnownTask("the islands of '1's counted", _i(r"^(?=[\s\S]*['\"]1['\"])(?=[\s\S]*['\"]0['\"])(?=[\s\S]*\b(?:number of islands|count\w* (?:the )?islands)\b)[\s\S]"), 1, r"island|count",
              [([["1", "1", "0"], ["0", "1", "0"], ["1", "0", "1"]],), ([["0"]],), ([["1"]],), ([["1", "0", "1", "0", "1"]],), ([["1", "1"], ["1", "1"]],), ([["1", "0"], ["0", "1"]],)], _islands,
              unless=_i(PRINTS + r"|\bdiagonal\w*|\beight\b|\b8-?\s?(?:directional|connected|neighbou?r)|\bperimeter\b|\blargest\b|\bmax\w* area\b|\barea of\b|\bdistinct\b|\bclosed\b|\bsub-?islands?\b|\blakes?\b|\bshapes?\b|\bin[- ]place\b(?= must)|\bsizes?\b|\blist\b(?! of lists)|\bwrap\w*|\bW\b|\bL\b")),
    KnownTask("the first n primes", _i(r"\bfirst `?n`? prime(?:s| numbers)\b|\bfirst n primes\b"), 1, r"prime",
              [(0,), (1,), (5,), (10,), (2,)], lambda n: [p for p in range(2, 30) if _is_prime(p)][:n],
              unless=_i(PRINTS + r"|\bsum\b|\bproduct\b|\bcount\w*|\bsieve\b(?= of| up)|\bset\b|\bdict\w*|\bstring\b|\bgenerat\w*|\bnth\b|\bn-th\b|\btwin\b|\bpalindrom\w*|\bdigits?\b|\bdescending\b|\breverse\w*|\bodd\b|\bgreater than\b|\bafter\b|\bstarting\b|\bbetween\b")),
    KnownTask("the averages of every window of k", _i(r"\baverage of (?:every|each|all) (?:contiguous )?(?:window|sub-?array|subarray|run|group)s?\b[^.]{0,40}\b(?:size|length) `?k`?\b|\bmoving averages?\b[^.]{0,60}\bwindow\b[^.]{0,20}\b(?:size|length|k)\b|\bsliding[- ]window averages?\b|"
                 r"\b(?:simple )?moving averages?\b[^.]{0,80}\b(?:every|each) (?:complete|full) window\b"),
              2, r"avg|average|mean|moving|window",
              [([1, 2, 3, 4, 5], 2), ([1, 2, 3], 3), ([5], 1), ([4, 8, 6, -1, -2, -3, -1, 3, 4, 5], 3), ([10, 20], 1)], lambda xs, k: [sum(xs[i:i + k]) / k for i in range(len(xs) - k + 1)],
              unless=_i(PRINTS + r"|\bround\w*|\bdecimal places?\b|\bexponential\b|\bweighted\b|\bcent(?:er|re)d?\b|\bpad\w*|\bsame length\b|\bNone\b|\bstream\w*|\bgenerat\w*|\bclass\b|\bmedian\b|\bmaximum\b|\bminimum\b|\bnumpy\b|\bpandas\b|\bdict\w*|\bpartial\b|\bfewer than k\b|\bshorter\b|\bk\s*>\s*len\b"),
              parameters=(r"nums|numbers|values|xs|data|arr|array|items|seq|series|prices|lst|^a$", r"^k$|^n$|size|window|width|length|period")),
    KnownTask("the occurrences of a substring, overlapping ones counted", _i(r"\bcount\w*\b[^.]{0,60}\b(?:occur\w*|times|appear\w*)\b[^.]{0,60}\bincluding overlapping\b|\boverlapping occurrences\b|\boccurrences?\b[^.]{0,40}\b(?:may|can|are allowed to) overlap\b"), 2, r"count|occur",
              [("aaaa", "aa"), ("abababa", "aba"), ("abc", "d"), ("abc", "abc"), ("banana", "ana"), ("aaa", "a")], lambda text, sub: sum(text.startswith(sub, i) for i in range(len(text))),
              unless=_i(PRINTS + r"|\bnon-?overlapping\b|\bwithout overlapping\b|\bnot overlapping\b|\bnot counted\b|\bempty (?:sub|pattern|string)\w*|\bcase\b|\bignor\w*|\bwords?\b|\bindices\b|\bpositions?\b|\blist\b|\bregex\w*|\bdict\w*|\beach\b"),
              parameters=(r"^s$|text|string|haystack|^t$|seq|sequence|source|main|^a$|dna|^word$", r"sub|pattern|needle|^p$|target|^b$|substring|^w$|query|motif")),
    KnownTask("an ISBN-10 check", _i(r"\bisbn-?10\b"), 1, r"isbn|valid|check",
              [("0306406152",), ("0306406153",), ("123456789X",), ("0471958697",), ("047195869X",), ("12345",), ("030640615",), ("X123456789",)], _isbn10, truth=True,
              unless=_i(PRINTS + r"|\bisbn-?13\b|\bconvert\w*|\bcheck digit\b[^.]{0,20}\b(?:compute|calculat|return)\w*|\bcompute\w* the check\b|\bgenerat\w*|\blower-?\s?case x\b|\b'x'|\bspaces?\b|\bdict\w*|\breasons?\b|\bmessages?\b|\blist\b|\bNone\b|\braise\w*")),
    KnownTask("an ISSN check", _i(r"\bissn\b[^.]{0,80}\b(?:valid\w*|check\w*)\b|\b(?:valid\w*|check\w*)\b[^.]{0,40}\bissn\b|\b(?:is_)?valid_issn\b"), 1, r"issn|valid|check",
              [("0378-5955",), ("0378-5954",), ("2049-3630",), ("1050-124X",), ("1050-1240",), ("03785955",), ("0378-595",)], _issn, truth=True,
              unless=_i(PRINTS + r"|\bconvert\w*|\bcheck (?:digit|character)\b[^.]{0,20}\b(?:compute|calculat|return)\w*|\bcompute\w* the check\b|\bgenerat\w*|"
                        r"\blower-?\s?case x\b|\bspaces?\b|\bwithout (?:the )?hyphen|\bhyphen\b[^.;]{0,20}\boptional\b|\boptional hyphen|\bdict\w*|\breasons?\b|\bmessages?\b|\blist\b|\bNone\b|\braise\w*|\bnormali[sz]")),
    KnownTask("the distinct substrings counted", _i(r"\b(?:number of|count\w*|how many) (?:the )?distinct (?:non-empty )?substrings\b"), 1, r"distinct|substr|count",
              [("abc",), ("aaa",), ("abab",), ("a",), ("abcd",)], lambda text: len({text[i:j] for i in range(len(text)) for j in range(i + 1, len(text) + 1)}),
              unless=_i(PRINTS + r"|\bpalindrom\w*|\bof length\b|\blength k\b|\bsubsequences?\b|\bincluding the empty\b|\bempty string counts\b|\bcase\b|\bignor\w*|\bwords?\b|\blist\b|\bset\b|\bk\b")),
    KnownTask("the days until a next birthday", _i(r"\bdays (?:until|till|to|before) (?:the |a |his |her |their |the person's )?(?:next )?birthday\b|\bdays_until_(?:next_)?birthday\b"), 2, r"day|birth",
              relation="(lambda D: f(D(1990, 6, 15), D(2024, 6, 14)) == 1 and f(D(1990, 6, 15), D(2024, 6, 15)) == 0 and f(D(1990, 6, 15), D(2024, 6, 16)) == 364"
                       " and f(D(1985, 1, 1), D(2023, 12, 31)) == 1 and f(D(2000, 3, 10), D(2023, 1, 1)) == 68)(__import__('datetime').date)",
              unless=_i(PRINTS + r"|\bleap\b|(?<!ignore )\bfebruary\b|(?<!february )\b29\b|\bstrings?\b|\bYYYY\b|\biso\w*|\bhours\b|\bweeks\b|\bmonths\b|\btuple\b|\bdict\w*|\bdatetime objects?\b|\b365\b|\btoday is (?:a )?birthday\b[^.]{0,40}\b365\b|\bnegative\b|\bpast\b|\bage\b"),
              parameters=(r"birth|born|dob|^b$|^bday$", r"today|^on$|ref|current|^now$|^d$|as_of|when|date$")),
    KnownTask("the longest substring without repeated characters", _i(r"\blongest substring without repeat\w* characters\b|\blongest substring\b[^.]{0,40}\b(?:no |without (?:any )?)(?:repeat\w*|duplicate) characters\b|\blongest substring\b[^.]{0,40}\b(?:all )?(?:distinct|unique) characters\b"),
              1, r"long|substr|unique|distinct", [("abcabcbb",), ("bbbbb",), ("pwwkew",), ("",), ("dvdf",), ("abba",), ("au",)], _longest_unrepeated,
              unless=_i(PRINTS + r"|\bthe substring itself\b|\breturns? the (?:longest )?substring\b(?! length)|\bstring itself\b|\bindices\b|\bstart\b|\bk (?:distinct|unique)\b|\bat most k\b|\bat most (?:two|2)\b|\bcase\b|\bignor\w*|\btuple\b|\bwords\b")),
    KnownTask("the water trapped between bars", _i(r"\btrap\w*\b[^.]{0,40}\brain\s?water\b|\brain\s?water\b[^.]{0,60}\btrap\w*|\btrapping rain water\b"), 1, r"trap|water|rain",
              [([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1],), ([4, 2, 0, 3, 2, 5],), ([],), ([3],), ([1, 2, 3],), ([3, 0, 3],)], _trapped,
              unless=_i(PRINTS + r"|\b2d\b|\bmatrix\b|\bgrid\b|\bII\b|\bwidth\w*\b|\bcontainer\b|\bmost water\b|\blist\b(?= of (?:amounts|levels))")),
    KnownTask("the ways to climb n stairs by 1 or 2 steps", _i(r"\bclimb\w*\b[^.]{0,60}\bstair\w*\b[^.]{0,80}\b1 or 2 steps?\b|\bclimb\w*\b[^.]{0,60}\bstair\w*\b[^.]{0,80}\bone or two steps?\b|\bclimbing stairs\b"), 1, r"climb|stair|ways",
              [(1,), (2,), (3,), (5,), (10,)], lambda n: [1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89][n],
              unless=_i(PRINTS + r"|\b(?:1, 2,? (?:or|and) 3|three) steps?\b|\bcost\w*\b|\bk steps\b|\bup to k\b|\bbroken\b|\bforbidden\b|\bmod\w*|\blist of\b|\bpaths themselves\b|\bsequences\b|\bminimum\b")),
    KnownTask("the product of the other elements", _i(r"\bproduct of (?:all )?(?:the )?(?:other )?(?:elements|numbers|values) except\b|\bproduct of array except self\b|\bproduct_except_self\b"), 1, r"prod|except",
              [([1, 2, 3, 4],), ([2, 3],), ([0, 1, 2],), ([-1, 1, 0, -3, 3],), ([5, 5],)], lambda xs: [math.prod(xs[:i] + xs[i + 1:]) for i in range(len(xs))],
              unless=_i(PRINTS + r"|\bmod\w*|\bsum\b|\bdict\w*|\bmatri\w*|\bstring\b")),
    KnownTask("the zeros moved to the end", _i(r"\bmov\w*\b[^.]{0,15}\b(?:all )?(?:the )?zeros?(?:es)?\b[^.]{0,20}\bto the end\b"), 1, r"zero|move",
              [([0, 1, 0, 3, 12],), ([0],), ([1, 2],), ([0, 0, 1],), ([4, 0, 5, 0, 0, 6],)], lambda xs: [x for x in xs if x != 0] + [0] * xs.count(0), in_place=True,
              unless=_i(PRINTS + r"|\bfront\b|\bbeginning\b|\bstart\b|\bsort\w*|\bnegative\b|\bnone\b|\bfalse\w*|\bstrings?\b|\bcount\w*|\bmatri\w*|\bk\b")),
    KnownTask("the one number that appears once among pairs", _i(r"\bevery (?:other )?(?:element|number|value|integer) (?:appears|occurs) twice except (?:for )?one\b|\bsingle number\b[^.]{0,80}\btwice\b"), 1, r"single|once|unique|lonely|find",
              [([2, 2, 1],), ([4, 1, 2, 1, 2],), ([1],), ([-3, 7, 7],)], lambda xs: next(x for x in xs if xs.count(x) == 1),
              unless=_i(PRINTS + r"|\bthree times\b|\bthrice\b|\btwo (?:numbers|elements) (?:appear|occur) once\b|\bindex\b|\bNone\b|\blist of\b")),
    KnownTask("the best profit of one buy and one sell", _i(r"\b(?:maximum|max|best|largest) profit\b[^.]{0,80}\b(?:buy\w*|purchas\w*)\b[^.]{0,40}\bsell\w*\b|\bbest time to buy and sell\b"), 1, r"profit|stock|price|trade",
              [([7, 1, 5, 3, 6, 4],), ([7, 6, 4, 3, 1],), ([2, 4, 1],), ([1],), ([3, 8, 1, 5],), ([1, 2, 3, 4, 5],)], lambda p: max([0] + [p[j] - p[i] for i in range(len(p)) for j in range(i + 1, len(p))]),
              unless=_i(PRINTS + r"|\bmultiple (?:transactions|times)\b|\bas many\b|\bany number of\b|\bat most (?:two|k|2)\b|\btwo transactions\b|\bk transactions\b|\bcooldown\b|\bfees?\b|\bdays?\b[^.]{0,20}\b(?:return|index|indices)\b|\bindices\b|\btuple\b|\bshort\w*\b|\bnegative\b|\bII\b|\bIII\b")),
    KnownTask("the solutions of n queens counted", _i(r"\bnumber of (?:distinct )?(?:solutions|ways|arrangements|placements)\b[^.]{0,60}\bn[- ]queens\b|\bn[- ]queens\b[^.]{0,80}\b(?:number of|count\w*|how many)\b"), 1, r"queen|solution|count",
              [(1,), (2,), (3,), (4,), (5,), (6,)], _queens,
              unless=_i(PRINTS + r"|\bboards? themselves\b|\blist of (?:the )?(?:boards|solutions)\b|\breturn (?:all|the) (?:boards|solutions)\b|\bone solution\b|\bfirst solution\b|\bstrings?\b|\bkings?\b|\bknights?\b|\brooks?\b|\bbishops?\b")),
    KnownTask("an IPv4 address check", _i(r"\b(?:valid|validat\w*|check\w*|whether|if|true for)\b[^.]{0,40}\bipv4\b|\bipv4\b[^.]{0,40}\bvalid\w*\b"), 1, r"ip|valid|addr",
              [("192.168.1.1",), ("256.1.1.1",), ("1.2.3",), ("a.b.c.d",), ("0.0.0.0",), ("1.2.3.4.5",), ("255.255.255.255",), ("1..2.3",), ("",), ("-1.2.3.4",)], _ipv4, truth=True,
              unless=_i(PRINTS + r"|\bipv6\b|\bcidr\b|\bports?\b|\bmasks?\b|\bsubnet\w*|\bprivate\b|\breserved\b|\bloopback\b|\bhostnames?\b|\burls?\b|\bleading zeros? (?:are )?allowed\b|\bipaddress\b(?! module)|\breasons?\b|\bmessages?\b|\bdict\w*|\btuple\b|\blist\b|\braise\w*|\bextract\w*|\bfind\w*|\bclass\b|\bint\b")),
    KnownTask("a pangram test", _i(r"\b(?:is|whether|if|check\w*|test\w*|determin\w*)\b[^.]{0,40}\bpangram\b"), 1, r"pangram",
              [("The quick brown fox jumps over the lazy dog",), ("Hello world",), ("abcdefghijklmnopqrstuvwxyz",), ("ABCDEFGHIJKLMNOPQRSTUVWXYZ",), ("",), ("Pack my box with five dozen liquor jugs!",)],
              lambda text: set("abcdefghijklmnopqrstuvwxyz") <= set(text.lower()), truth=True, named=r"is_?pangram",
              unless=_i(PRINTS + r"|\bcase-?\s?sensitive\b|\bmissing (?:letters|characters)\b|\bwhich letters\b|\bperfect pangram\b|\bexactly once\b|\bcount\w*|\blist\b|\bset\b|\bunicode\b|\balphabet\b(?= (?:param|argument|given))|\blanguage\b")),
    KnownTask("the permutations of a string", _i(r"\b(?:all )?(?:the )?permutations of (?:a |the |an input |the given )?string\b"), 1, r"perm",
              relation="(lambda g: sorted(g('abc')) == ['abc', 'acb', 'bac', 'bca', 'cab', 'cba'] and sorted(g('ab')) == ['ab', 'ba'] and g('x') == ['x'])"
                       "(lambda s: [p if isinstance(p, str) else ''.join(p) for p in f(s)])",
              unless=_i(PRINTS + r"|\bunique\b|\bdistinct\b|\bduplicat\w*|\bcount\w*|\bnumber of\b|\bhow many\b|\bk\b|\blength k\b|\bsorted\b|\blexicographic\w*|\bnext permutation\b|\bpalindrom\w*|\bset\b|\bgenerat\w*|\bwords?\b|\bitertools\b(?! is not)")),
    KnownTask("the second largest value", _i(r"\bsecond (?:largest|highest|biggest|greatest)\b[^.]{0,30}\b(?:number|element|value|integer|item)\b|\bsecond_largest\b"), 1, r"second|largest",
              [([3, 1, 4, 2],), ([10, 20],), ([-1, -5, -3],), ([5, 9, 7, 8],)], lambda xs: sorted(xs)[-2],
              unless=_i(PRINTS + r"|\bsmallest\b|\bindex\b|\bposition\b|\bdict\w*|\bmatri\w*|\bstrings?\b|\bwords?\b|\bk-?th\b|\bn-?th\b")),
    KnownTask("the longest strictly rising run", _i(r"\blongest (?:run|streak|stretch|sequence) of consecutive\b[^.]{0,60}\b(?:strictly )?(?:higher|greater|larger|increasing|rising)\b(?!\s+than\s+(?:`|\d|zero\b|a\s|an\s|the\s+(?:limit|threshold|given)))|\blongest (?:strictly )?(?:increasing|rising) (?:run|streak|stretch)\b|\blongest continuous(?:ly)? increasing sub(?:sequence|array)\b"),
              1, r"long|streak|run|rising|increas",
              [([1, 3, 5, 4, 7],), ([2, 2, 2],), ([5],), ([1, 2, 3],), ([3, 2, 1, 2, 3, 4, 0],), ([1, 1, 2],)], lambda xs: max((j - i for i in range(len(xs)) for j in range(i + 1, len(xs) + 1) if all(a < b for a, b in zip(xs[i:j], xs[i + 1:j]))), default=0),
              unless=_i(PRINTS + r"|\bnon-?decreasing\b|\bor equal\b|\bdecreasing\b|\bfalling\b|\bindices\b|\bstart\b|\bthe run itself\b|\bthe streak itself\b|\bsubsequence\b(?! ?\(contiguous)|\breturns? the (?:run|streak|sub\w*)\b(?! length)|\bdict\w*|\btuple\b|\bk\b")),
    KnownTask("the percentage change from old to new", _i(r"\bpercent(?:age)? change\b|\bpercent(?:age)? (?:increase|difference) from\b"), 2, r"percent|change|pct|diff",
              [(100, 150), (200, 150), (50, 50), (80, 100), (40, 10)], lambda old, new: (new - old) / old * 100,
              unless=_i(PRINTS + r"|\babsolute\b|\bsymmetric\b|\bdifference between\b|\baverage of\b|\bmean of\b|\blog\w*|\bstrings?\b|\b%\s*sign\b|\bformat\w*|\blists?\b|\bseries\b|\bdict\w*|\bfraction\b|\bratio\b|\bcompound\w*|\bannual\w*|\bCAGR\b"),
              parameters=(r"old|before|start|original|initial|prev|^a$|^x$|base|from|first|then", r"new|after|end|current|final|curr|^b$|^y$|to$|second|now")),
    KnownTask("a list of Celsius temperatures in Fahrenheit", _i(r"\blist of (?:temperatures in )?(?:celsius|°C)\b[^.]{0,40}\b(?:to|into|in) fahrenheit\b|\bcelsius temperatures\b[^.]{0,30}\b(?:to|into) fahrenheit\b"), 1, r"fahr|conv|f$",
              [([0, 100, -40, 10],), ([],), ([25],)], lambda temps: [t * 9 / 5 + 32 for t in temps], in_place=True,
              unless=_i(PRINTS + r"|\bkelvin\b|\bdict\w*|\btuples?\b|\bstrings?\b|\bround\w*\b(?! to (?:one|two|1|2) decimal)|\bgenerat\w*|\binput\(|\btable\b|\bfiles?\b|\bcsv\b")),
    KnownTask("a list of Fahrenheit temperatures in Celsius", _i(r"\blist of (?:temperatures in )?(?:fahrenheit|°F)\b[^.]{0,40}\b(?:to|into|in) celsius\b|\bfahrenheit temperatures\b[^.]{0,30}\b(?:to|into) celsius\b"), 1, r"cels|conv|c$",
              [([32, 212, -40, 50],), ([],), ([77],)], lambda temps: [(t - 32) * 5 / 9 for t in temps], in_place=True,
              unless=_i(PRINTS + r"|\bkelvin\b|\bdict\w*|\btuples?\b|\bstrings?\b|\bround\w*\b(?! to (?:one|two|1|2) decimal)|\bgenerat\w*|\binput\(|\btable\b|\bfiles?\b|\bcsv\b")),
    KnownTask("months added to a date, the day clamped", _i(r"^(?=[\s\S]*\bmonths?\b)(?=[\s\S]*\b(?:clamp\w*|last (?:valid )?day of (?:the|that) (?:target |resulting |new |shorter )?month|end of (?:the |that )?(?:target |resulting |shorter )?month)\b)(?=[\s\S]*\b(?:add\w*|shift\w*)\b[^.]{0,40}\bmonths?\b)[\s\S]"),
              2, r"add|month|shift",
              relation="(lambda D: f(D(2024, 1, 31), 1) == D(2024, 2, 29) and f(D(2023, 12, 15), 1) == D(2024, 1, 15) and f(D(2024, 3, 31), -1) == D(2024, 2, 29)"
                       " and f(D(2024, 11, 30), 1) == D(2024, 12, 30) and f(D(2024, 1, 15), -1) == D(2023, 12, 15) and f(D(2024, 5, 10), 12) == D(2025, 5, 10)"
                       " and f(D(2023, 1, 31), 1) == D(2023, 2, 28) and f(D(2024, 12, 31), 2) == D(2025, 2, 28))(__import__('datetime').date)",
              unless=_i(PRINTS + r"|\bstrings?\b|\bYYYY\b|\biso\w*|\bdatetime objects?\b|\bbusiness\b|\bweekdays?\b|\byears? and months\b|\bdays and months\b|\brelativedelta\b(?! is not)|\bdateutil\b|\broll\w* over\b|\boverflow\w*\b|\bnegative\b(?=[^.]*\bnot\b)"),
              parameters=(r"^d$|date|^dt$|start|^day$|when|base|^t$", r"months?|^n$|^k$|count|delta|offset|^m$|amount")),
    KnownTask("the day of the year of a 'YYYY-MM-DD' date", _i(r"^(?=[\s\S]*YYYY-MM-DD)(?=[\s\S]*\b(?:day of (?:the )?year|day number (?:with)?in the year|ordinal day)\b)[\s\S]"), 1, r"day|year|ordinal",
              [("2024-01-01",), ("2024-03-01",), ("2023-03-01",), ("2024-12-31",), ("2023-12-31",), ("2024-02-29",)], lambda iso: __import__("datetime").date.fromisoformat(iso).timetuple().tm_yday,
              unless=_i(PRINTS + r"|\bweek\b|\bweekday\b|\biso ?week\b|\bdays (?:left|remaining|until)\b|\b0-(?:based|indexed)\b|\bzero-(?:based|indexed)\b|\bdate objects?\b|\bfrom (?:a|the) day of the year\b|\bback\b|\binverse\b|\bDD/MM\b|\blist\b|\bjulian\b")),
    KnownTask("a US phone number with its +1 code dropped", _i(r"^(?=[\s\S]*\+1)(?=[\s\S]*\bcountry code\b)(?=[\s\S]*\b(?:10|ten)(?:-digit| digits)\b)(?=[\s\S]*\bphone\b)[\s\S]"), 1, r"phone|format|normal|clean",
              relation="f('+1 555 123 4567') == f('555-123-4567') and f('1 (555) 123-4567') == f('555.123.4567') and f('15551234567') == f('(555) 123 4567') and f('555 123 4567') in ('5551234567', '(555) 123-4567', '555-123-4567')",
              unless=_i(PRINTS + r"|\binternational\b|\bother country codes\b|\b\+44\b|\bextensions?\b|\bE\.?164\b|\bvanity\b|\bletters\b|\bNone\b|\blist\b|\bdict\w*|\btuple\b|\bextract\w*|\bfind\w*|\ball\b")),
    KnownTask("the first date strictly after a day that falls on a given weekday",
              _i(r"\b(?:first|next)\s+(?:date|day)\b[^.]{0,40}\b(?:strictly\s+)?after\b[^.]{0,60}\b(?:weekday|day of the week)\b"), 2, r"next|weekday|day",
              relation="(lambda D: f(D(2024, 1, 3), 0) == D(2024, 1, 8) and f(D(2024, 1, 3), 2) == D(2024, 1, 10) and f(D(2024, 1, 3), 4) == D(2024, 1, 5)"
                       " and f(D(2024, 1, 7), 6) == D(2024, 1, 14))(__import__('datetime').date)",
              unless=_i(r"^(?![\s\S]*(?:\bint\b|\binteger\b|\b0\s*=\s*monday\b|\bmonday\s*(?:=|is)\s*0\b))|" + PRINTS + r"|\bon or after\b|\bor the same\b|\bincluding (?:the )?(?:given|start|same)\b|"
                        r"\bsunday\s*(?:=|is)\s*0\b|\b0\s*=\s*sunday\b|\bisoweekday\b|\b1\s*=\s*monday\b|\bbusiness\b|\bworking\b|\bholidays?\b|\bstrings?\b"),
              parameters=(r"^d$|date|^day$|start|from|today|when|^dt$", r"weekday|dow|target|^wd$|day_name")),
    KnownTask("a CSV line split, a doubled quote read as one", _i(rf"{CSV_LINE}(?=[\s\S]*(?:\bdoubled? (?:double )?quotes?\b|\"\"|\bquotes? doubled\b|\btwo (?:double )?quotes\b))"), 1, r"csv|split|pars|field",
              [("a,b,c",), ('a,"b,c",d',), ("x,,y",), ('a,"say ""hi""",c',), ('"",1',)], _csv_fields, unless=_i(PRINTS + CSV_UNLESS)),
    KnownTask("a CSV line split with quoted fields", _i(rf"{CSV_LINE}(?=[\s\S]*\bquot\w*)"), 1, r"csv|split|pars|field",
              [("a,b,c",), ('a,"b,c",d',), ("x,,y",), ('"a b",c',)], _csv_fields, unless=_i(PRINTS + CSV_UNLESS)),
    KnownTask("overlapping ranges merged, touching ones too",
              _i(r"^(?=[\s\S]*\bmerg\w*\b[^.]{0,30}\boverlapping\b[^.]{0,30}?\b(?:intervals|ranges|bookings|slots|periods)\b)"
                 r"(?=[\s\S]*\b(?:touch\w*|adjacent)\b[^.]{0,60}\b(?:merged|merge|count as overlapping|combined|joined)\b)[\s\S]"),
              1, r"merge|range|interval|booking",
              relation="[tuple(x) for x in f([[5, 8], [1, 3], [2, 4]])] == [(1, 4), (5, 8)] and [tuple(x) for x in f([[1, 10], [2, 3]])] == [(1, 10)]"
                       " and [tuple(x) for x in f([[1, 3], [3, 5], [7, 9]])] == [(1, 5), (7, 9)] and list(f([])) == []",
              unless=_i(PRINTS + r"|\bnot (?:be )?merged\b|\bkept (?:apart|separate)\b|\binsert|\bcount\b|\bnumber of\b|\bremov|\bstrings?\b|\bdict\w*|\bclass\b|\btotal\b|\blength\b|\bgaps?\b|\bfree\b|\bobjects?\b|\bdatetime|\bdates?\b|\btimes?\b")),
    KnownTask("a VAT-inclusive price split into net and VAT",
              _i(r"^(?=[\s\S]*\b(?:vat|tax|gst)[- ]inclusive\b|[\s\S]*\b(?:including|incl\.?|inclusive of)\s+(?:vat|tax|gst)\b)(?=[\s\S]*\bnet\b)(?=[\s\S]*\b0\.\d+\b)[\s\S]"),
              2, r"vat|tax|split|net",
              relation="sorted(round(x, 2) for x in f(120, 0.2)) == [20.0, 100.0] and sorted(round(x, 2) for x in f(10, 0.2)) == [1.67, 8.33]",
              unless=_i(PRINTS + r"|\bdict\w*|\bclass\b|\blist\b|\bexclusive\b|\bpercent(?:age)? (?:rate|value)\b|\bcents\b|\bDecimal\b|\bstrings?\b|\bquantit\w*|\bitems\b|\bdiscount\w*"),
              parameters=(r"gross|price|amount|total|^p$|^g$", r"rate|vat|tax|^r$")),
    KnownTask("the future value of a deposit compounded monthly",
              _i(r"^(?=[\s\S]*\bcompound\w*\b)(?=[\s\S]*\bmonthly\b)(?=[\s\S]*\b(?:future value|final (?:amount|balance)|value of (?:the|an?) (?:investment|deposit|savings))\b)"
                 r"(?=[\s\S]*(?:\bas a decimal\b|\b0\.\d+\b))[\s\S]"),
              3, r"future|value|compound|grow",
              relation="abs(f(1000, 0.05, 1) - 1051.16) < 0.01 and abs(f(1000, 0.05, 10) - 1647.01) < 0.01 and abs(f(500, 0.0, 3) - 500) < 0.01",
              unless=_i(PRINTS + r"|\bcontribut\w*|\bmonthly (?:deposits?|payments?|additions?)\b|\beach month\b|\bannuit\w*|\bcontinuous\w*|\bdaily\b|\bquarterly\b|\bpercent\b(?! ?\))|\bmonths\b(?! ?(?:a|per|each) year)|\binflation\b|\btax\w*|\bdict\w*|\blist\b|\bclass\b|\bschedule\b|\btable\b"),
              parameters=(r"principal|amount|deposit|^p$|initial|balance|present", r"rate|^r$|interest")),
    KnownTask("a 12-hour clock time like '9:05 AM' in minutes after midnight",
              _i(r"^(?=[\s\S]*\bminutes\s+(?:after|since|past)\s+midnight\b)(?=[\s\S]*\b\d{1,2}:\d\d (?:AM|PM)\b)[\s\S]"), 1, r"minute|time|clock|conv|pars",
              relation="f('12:30 AM') == 30 and f('12:30 PM') == 750 and f('9:05 AM') == 545 and f('2:15 PM') == 855 and f('11:59 PM') == 1439",
              unless=_i(PRINTS + r"|\bseconds\b|\blist\b|\bdict\w*|\btuples?\b|\bNone\b|\b24-?\s?hour\b|\bHH:MM\b(?! (?:AM|PM))|\bdatetime\b|\bclass\b")),
    KnownTask("a 12-hour clock time like '9:05am' in minutes after midnight",
              _i(r"^(?=[\s\S]*\bminutes\s+(?:after|since|past)\s+midnight\b)(?=[\s\S]*\b\d{1,2}:\d\d(?:am|pm)\b)(?![\s\S]*\b\d{1,2}:\d\d (?:AM|PM)\b)[\s\S]"), 1, r"minute|time|clock|conv|pars",
              relation="f('12:30am') == 30 and f('12:30pm') == 750 and f('9:05am') == 545 and f('2:15pm') == 855 and f('11:59pm') == 1439",
              unless=_i(PRINTS + r"|\bseconds\b|\blist\b|\bdict\w*|\btuples?\b|\bNone\b|\b24-?\s?hour\b|\bdatetime\b|\bclass\b")),
    KnownTask("the nights of a stay between two 'YYYY-MM-DD' dates",
              _i(r"^(?=[\s\S]*\bnights?\b)(?=[\s\S]*\bcheck[-_ ]?in\b)(?=[\s\S]*\bcheck[-_ ]?out\b)(?=[\s\S]*YYYY-MM-DD)[\s\S]"), 2, r"night|stay|between",
              relation="f('2024-07-01', '2024-07-05') == 4 and f('2024-02-28', '2024-03-01') == 2 and f('2023-12-31', '2024-01-01') == 1",
              unless=_i(PRINTS + r"|\bdate objects?\b|\bdatetime objects?\b|\bprice\w*|\bcost\w*|\brates?\b|\bweekend\w*|\blist\b|\bdict\w*|\btuples?\b|\bclass\b|\binclusive\b|\bdays\b"),
              parameters=(r"check_?in|start|arriv|^a$|from|begin", r"check_?out|end|depart|^b$|to|leave")),
    KnownTask("a Luhn checksum test", _i(r"\bluhn\b"), 1, r"luhn|valid|check|card",
              [("4111111111111111",), ("4111111111111112",), ("5555555555554444",), ("378282246310005",), ("378282246310006",), ("4539148803436467",)],  # digits only: any reading takes them
              lambda card: (lambda d: sum(x if i % 2 == 0 else (2 * x - 9 if 2 * x > 9 else 2 * x) for i, x in enumerate(reversed(d))) % 10 == 0)([int(c) for c in card if c.isdigit()]),
              truth=True,
              unless=_i(PRINTS + r"|\bgenerat\w*|\bcheck digit\b|\bcompute (?:the )?(?:last |check )?digit\b|\bappend\w*|"
                        r"\blist\b|\bint(?:eger)?s?\b|\bnumbers? as an? int|\bmask\w*|\btype\b|\bissuer\b|\bvisa\b|\bmastercard\b|\bamex\b|\bclass\b|\bdict\w*|\b1[3-9] digits\b|\bexactly\b")),
    KnownTask("the largest peak-to-trough fall as a percentage", _i(r"^(?=[\s\S]*\b(?:max(?:imum)?[ _-]?drawdown|peak[- ]to[- ]trough)\b)(?=[\s\S]*\bpercent\w*\b)[\s\S]"), 1, r"draw|peak|fall|decline",
              relation="abs(f([100, 120, 90, 95]) - 25.0) < 0.01 and abs(f([100, 50, 200, 180]) - 50.0) < 0.01 and abs(f([10, 11, 12])) < 0.01 and abs(f([100, 80, 120, 60]) - 50.0) < 0.01",
              unless=_i(PRINTS + r"|\bfraction\b|\bratio\b|\bas a decimal\b|\bdates?\b|\bindex\w*\b|\btuple\b|\bdict\w*|\bduration\b|\brecovery\b|\bnegative\b|\bclass\b")),
    KnownTask("the compound annual growth rate of a series, as a percentage", _i(r"^(?=[\s\S]*\b(?:compound annual growth rate|CAGR)\b)(?=[\s\S]*\bpercent\w*\b)(?=[\s\S]*\b(?:list|series|figures|values)\b)[\s\S]"), 1, r"cagr|growth|rate|compound",
              relation="abs(f([100, 110, 121]) - 10.0) < 0.01 and abs(f([100, 50, 100])) < 0.01 and abs(f([200, 100]) + 50.0) < 0.01",
              unless=_i(PRINTS + r"|\bfraction\b|\bas a decimal\b|\bstart(?:ing)? value\b|\bend(?:ing)? value\b|\byears? as\b|\bdates?\b|\bdict\w*|\bmonths?\b|\bquarter\w*|\bclass\b")),
    KnownTask("a 12-hour 'hh:mm AM' time in 24-hour 'HH:MM'", _i(r"^(?=[\s\S]*\b12-?\s?hour\b[^.]{0,80}\b(?:into|to)\s+(?:the\s+)?24-?\s?hour\b)(?=[\s\S]*\b\d{1,2}:\d\d (?:AM|PM)\b)[\s\S]"), 1, r"24|hour|time|clock|conv",
              relation="f('12:00 AM') == '00:00' and f('12:30 PM') == '12:30' and f('07:45 PM') == '19:45' and f('09:05 AM') == '09:05' and f('11:59 PM') == '23:59'",
              unless=_i(PRINTS + r"|HH:MM:SS|\bseconds\b|\blist\b|\bminutes (?:after|since|past) midnight\b|\bdatetime\b|\bNone\b|\bunpadded\b|\bH:MM\b|\bclass\b")),
    KnownTask("a linearly weighted moving average, one value per full window", _i(r"^(?=[\s\S]*\b(?:linearly weighted moving average|WMA)\b)(?=[\s\S]*\b(?:most recent|latest|newest)\b[^.]{0,40}\bweight\b)[\s\S]"), 2, r"wma|weight|moving|average",
              relation="[round(x, 6) for x in f([1, 2, 3, 4], 2)] == [round(5 / 3, 6), round(8 / 3, 6), round(11 / 3, 6)] and [round(x, 6) for x in f([10, 20, 30], 3)] == [round(140 / 6, 6)]",
              unless=_i(PRINTS + r"|\bexponential\b|\bround\w*|\bpad\w*|\bsame length\b|\bNone\b|\bdict\w*|\bclass\b|\bgenerat\w*"),
              parameters=(r"prices|values|data|series|nums|numbers|xs|^a$|closes", r"^n$|^k$|window|size|period|length")),
    KnownTask("a balance with interest compounded n times a year, monthly by default", _i(r"^(?=[\s\S]*\bcompound\w*\s+`?n`?\s+times\s+(?:a|per)\s+year\b)(?=[\s\S]*\bdefault\s+(?:monthly|12)\b)(?=[\s\S]*\b0\.\d+\b)[\s\S]"),
              3, r"balance|compound|interest|savings|future|value",
              relation="abs(f(10000, 0.05, 1) - 10511.62) < 0.01 and abs(f(10000, 0.05, 5) - 12833.59) < 0.01 and abs(f(500, 0.0, 3) - 500) < 0.01",
              unless=_i(PRINTS + r"|\bcontribut\w*|\bdeposits?\b(?! account)|\bpercent\b(?! ?\))|\bcontinuous\w*|\bdict\w*|\blist\b|\bclass\b|\bschedule\b|\btable\b"),
              parameters=(r"principal|amount|deposit|^p$|initial|balance|present", r"rate|^r$|interest")),
    KnownTask("the longest increasing subsequence's length", _i(r"\blongest (?:strictly )?increasing subsequence\b|\bLIS\b"), 1, r"lis|long|increas|subseq",
              [([10, 9, 2, 5, 3, 7, 101, 18],), ([0, 1, 0, 3, 2, 3],), ([7, 7, 7],), ([],), ([1, 3, 2, 4],), ([5, 1, 6, 2, 7],)],
              _lis,
              unless=_i(PRINTS + r"|\bnon-?decreasing\b|\bor equal\b|\bcontiguous\b|\bsubarray\b|\bconsecutive\b|\bthe subsequence itself\b|\breturns? (?:the|one|a) (?:longest )?(?:increasing )?subsequence\b(?! length)|\bnumber of\b|\bcount\b|\bdecreasing\b|\bbitonic\b|\bindices\b|\bstrings?\b|\bk\b")),
)


def _pick(tree: ast.Module, task: KnownTask) -> Optional[str]:
    """The code's function for the task: its one public top-level function taking ``arity`` arguments,
    or the one of them whose name says the task. A helper beside the asked function (``ordinal(n)`` beside
    ``certificate(name, race, seconds, place)``, which formats the time itself) takes that many by chance: the one
    candidate must be the code's one public function, or its name must say the task."""
    candidates, public = [], [n.name for n in tree.body if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")]
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or node.name.startswith("_") or node.args.vararg or node.args.kwonlyargs:
            continue
        positional = node.args.posonlyargs + node.args.args
        required = len(positional) - len(node.args.defaults)
        if required <= task.arity <= len(positional) and not (positional and positional[0].arg in ("self", "cls")):
            candidates.append(node.name)
    named = [c for c in candidates if re.search(task.name, c, re.IGNORECASE)]
    if len(candidates) == 1 and (len(public) == 1 or named):
        return candidates[0]
    return named[0] if len(named) == 1 else None


def _named(tree: ast.Module, task: KnownTask, instruction_prose: str) -> Optional[str]:
    """The code's top-level function the instruction names, when its name says ``task`` by itself
    (``is_prime``) and it takes the task's arguments; the instruction may not ask to print, nor say the words that
    change that function's answer (``edit_distance`` with "no substitutions": ``named_unless``; ``unless`` is read where
    the words ask for the task, and the words about a helper beside a named function are the helper's)."""
    if not task.named or re.search(PRINTS, instruction_prose, re.IGNORECASE) or task.named_unless.search(instruction_prose):
        return None
    for node in tree.body:
        if (isinstance(node, ast.FunctionDef) and re.fullmatch(task.named, node.name, re.IGNORECASE) and re.search(rf"\b{node.name}\b", instruction_prose)
                and len(node.args.args) - len(node.args.defaults) <= task.arity <= len(node.args.args) and not node.args.vararg):
            return node.name
    return None


def known_task(instruction_prose: str, code) -> Optional[Tuple[KnownTask, str]]:
    """(the classic task the instruction asks for, the code's function for it), or None."""
    tree = code if isinstance(code, ast.Module) or code is None else parse_python(code)
    if tree is None:
        return None
    instruction_prose = instruction_prose.replace("**", "")  # "the longest common **substring**" reads as plain words
    for task in TASKS:
        if task.asks.search(instruction_prose) and not task.unless.search(instruction_prose):
            function = _pick(tree, task)
            return (task, function) if function else None
        function = _named(tree, task, instruction_prose)
        if function:
            return task, function
    return None


# Parameter names that say what kind of value a probe must be to be a fair question.
TEXT_NAMES = literal_gates.compile(r"(?:str|string|text|word|sentence|line|char|s)\d?", re.IGNORECASE)
SEQUENCE_NAMES = literal_gates.compile(r"(?:lst|list|arr|array|items|seq|sequence|nums|numbers|values|elements|xs)\d?", re.IGNORECASE)
NUMBER_NAMES = literal_gates.compile(r"(?:n|num|number|k|integer|int)\d?", re.IGNORECASE)


def _probes_fit(tree: ast.Module, function: str, task: KnownTask) -> bool:
    """False when a parameter's name says another kind of value than the probes pass there
    (``prime_length(string)`` probed with integers is a question the task never asked)."""
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    params = node.args.posonlyargs + node.args.args
    names = [a.arg for a in params]
    annotations = [unparsed(a.annotation) if a.annotation is not None else "" for a in params]
    for args in task.probes:
        for name, annotation, value in zip(names, annotations, args):
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if number and (TEXT_NAMES.fullmatch(name) or SEQUENCE_NAMES.fullmatch(name)):
                return False
            if isinstance(value, (str, list, tuple)) and NUMBER_NAMES.fullmatch(name):
                return False
            if annotation and not _annotation_takes(annotation, value):
                return False  # trips: list[tuple[float, float]] is not asked the median of [3, 1, 2]
    return True


DATE_KINDS = frozenset({"date", "datetime", "time", "timedelta"})  # no probe value is one


def _annotation_takes(annotation: str, value) -> bool:
    """Whether a parameter annotated so could take the probe value (read loosely: unknown annotations take anything)."""
    base = re.sub(r"\[.*$", "", annotation).rpartition(".")[2]
    if isinstance(value, bool) or base in ("Any", "object", "Optional", "Union") or "|" in annotation:
        return True
    if base in DATE_KINDS:
        return False  # a card issued on date(...) is not asked whether 2000 is a leap year
    if isinstance(value, (int, float)):
        return base not in ("list", "List", "tuple", "Tuple", "dict", "Dict", "set", "Set", "str", "Sequence", "Iterable", "Mapping", "bytes")
    if isinstance(value, str):
        return base not in ("int", "float", "list", "List", "tuple", "Tuple", "dict", "Dict", "set", "Set", "Mapping", "bytes")
    if isinstance(value, (list, tuple)):
        if base in ("int", "float", "str", "dict", "Dict", "Mapping"):
            return False
        items = re.match(r"^[\w.]+\[(.*)\]$", annotation)
        inner = items.group(1).strip() if items else ""
        numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
        return not (numbers and value and re.match(r"(?:tuple|Tuple|dict|Dict|str|list|List)\b", inner))
    return True


def _argument_order(tree: ast.Module, function: str, task: KnownTask) -> Optional[bool]:
    """True when ``function``'s parameters name the probes' arguments in reverse order, False in order,
    None when their names say neither (the function is not probed then)."""
    if not task.parameters:
        return False
    node = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function)
    names = [a.arg for a in node.args.args][: len(task.parameters)]
    if len(names) < len(task.parameters):
        return None
    def fits(order):
        return all(re.search(pattern, name, re.IGNORECASE) for pattern, name in zip(order, names))
    return False if fits(task.parameters) else True if fits(task.parameters[::-1]) else None


# A password check whose rules the instruction lists: a length and classes of characters, all required.
PASSWORD_ASK = _i(r"\bpasswords?\b[^\n]{0,120}\b(?:True|valid|strong)\b|\b(?:True|valid|strong)\b[^\n]{0,80}\bpasswords?\b")
PASSWORD_UNLESS = _i(
    PRINTS + r"|\bmessages?\b|\breasons?\b|\berrors?\b|\blist of\b|\bstrength\b|\bscore\b|\bentropy\b|\bcommon\b|\bdictionary\b|\brepeat\w*|\bconsecutive\b|\bsequen\w*|"
    r"\busername\b|\bspaces?\b|\bwhitespace\b|\bonly (?:contains?|letters|digits|alphanumeric|ascii|characters)\b|\bhash\w*|\bgenerat\w*|\brandom\w*|\bmaximum\b|\bat most\b|\bno more than\b|\bbetween\b|\bexactly\b|\bemail\b|\bname\b|"
    r"\bhistory\b|\bprevious\b|\bconfirm\w*|\bmatch\w*|\bforbid\w*|\bnot (?:contain|include|start|end|be)\w*|\bmust not\b|\bcannot\b|\bascii\b|\bunicode\b|\bany (?:two|three)\b|"
    r"\b(?:two|three|[2-9]) (?:upper|lower|digit|number|special|symbol)|\b(?:digits?|numbers?|special characters?|symbols?|upper-?\s?case(?: letters?)?|lower-?\s?case(?: letters?)?) or\b|\bdict\w*|\btuples?\b|\bclass\b")
PASSWORD_LENGTH = _i(r"\bat least (\d+|six|seven|eight|ten|twelve) (?:characters|chars)\b|\b(\d+) or more characters\b|\bminimum (?:length )?(?:of )?(\d+)\b|\b(\d+) characters (?:long|or longer)\b")
WORD_NUMBERS = {"six": 6, "seven": 7, "eight": 8, "ten": 10, "twelve": 12}
PASSWORD_CLASSES = (("A", _i(r"\bupper-?\s?case\b|\bcapital\b")), ("b", _i(r"\blower-?\s?case\b")),
                    ("3", _i(r"\bdigits?\b|\b(?:one|a|1) (?:number|numeral)\b|\bnumeric\b")), ("!", _i(r"\bspecial\b|\bpunctuation\b|\bsymbols?\b|\bnon-alphanumeric\b")))


def password_rule_claims(instruction_prose: str, tree: ast.Module) -> List[tuple]:
    """Probes of a password check that needs a length and classes of characters: a password that
    meets every rule, longer ones, and one that breaks each rule alone must all get their verdict."""
    if not PASSWORD_ASK.search(instruction_prose) or PASSWORD_UNLESS.search(instruction_prose):
        return []
    length = PASSWORD_LENGTH.search(instruction_prose)
    minimum = next((int(g) if g.isdigit() else WORD_NUMBERS[g.lower()] for g in (length.groups() if length else ()) if g), 0)
    required = [char for char, words in PASSWORD_CLASSES if words.search(instruction_prose)]
    if not required or not minimum or minimum > 64 or minimum <= len(required):
        return []  # a stated length and at least one class; without a length the code may pick its own
    function = _pick(tree, KnownTask("a password check", PASSWORD_ASK, 1, r"pass|valid|strong|check"))
    if function is None:
        return []
    valid = "".join(required) + "c" * max(0, minimum - len(required))
    cases = [(valid, True), (valid + "xyz", True)]
    if minimum:
        cases.append((valid[:-1], False))
    for char in required:
        broken = valid.upper() if char == "b" else valid.replace(char, "c")
        cases.append((broken + "c" * (len(valid) - len(broken)), False))
    return [(f"bool({function}({text!r}))", repr(want), False, "probe") for text, want in cases]


def known_task_claims(instruction_prose: str, code) -> List[tuple]:
    """The probes of the task the instruction asks for, as the claims execution checks:
    ``(source, want, strict, "probe")`` (see :mod:`hfsynth.curate.claimed_outputs`)."""
    tree = code if isinstance(code, ast.Module) or code is None else parse_python(code)
    found = known_task(instruction_prose, tree)
    if found is None:
        return password_rule_claims(instruction_prose, tree) if tree is not None else []
    task, function = found
    swapped = _argument_order(tree, function, task)
    if swapped is None or (not swapped and not task.relation and not _probes_fit(tree, function, task)):
        return []
    if task.relation:
        probed = f"(lambda a, b: {function}(b, a))" if swapped else function
        return [(f"(lambda f: {task.relation})({probed})", "True", False, "probe")]
    claims = []
    for args in task.probes:
        want = task.answer(*args)
        args = args[::-1] if swapped else args
        call = f"{function}({', '.join(repr(a) for a in args)})"
        if task.in_place:  # the returned list, or the argument it sorted in place when it returns None
            call = f"(lambda a: (lambda r: a if r is None else r)({function}(a)))({repr(args[0])})"
        want = round(want, 6) if isinstance(want, float) else want  # "37.0": compared to the digits it shows
        claims.append((f"bool({call})" if task.truth else call, repr(bool(want) if task.truth else want), False, "probe"))
    return claims
