"""Code that parses, runs and passes its own asserts, yet does not do what was asked: a listed part left
out, the neighbouring operation, a forbidden construct, a typed-in answer, a cut-off block, a misused
standard call (hfsynth.curate.listed_parts, task_operations, stated_requirements, typed_answers,
misused_calls, certain_errors). Each junk row beside a kept row that differs only where it matters."""

from __future__ import annotations

import ast

import pytest

from hfsynth.curate import instruction, substance
from hfsynth.curate.inputs import code_and_tests
from hfsynth.curate.listed_parts import missing_part
from hfsynth.curate.returned_kinds import contradicted_annotation, contradicted_return
from hfsynth.schema.curate import InstructionConfig


def check(text, code, **config):
    row = {"instruction": text, "code": code, "response": f"```python\n{code}```", "language": "python"}
    return instruction.check(row, InstructionConfig(**config))


def trivial(code, instruction="", tests=None, response=None):
    return substance.trivial({"language": "python", "code": code, "instruction": instruction, "tests": tests, "response": response})


STACK = "class Stack:\n    def __init__(self):\n        self.items = []\n\n    def push(self, x):\n        self.items.append(x)\n\n    def peek(self):\n        return self.items[-1]\n"
POP = "\n    def pop(self):\n        return self.items.pop()\n"


def test_a_method_the_instruction_lists_must_be_defined():
    ask = "Implement a Stack class with push, pop (raising IndexError when empty) and peek methods."
    assert check(ask, STACK) == "the instruction asks for the method pop and the code leaves it out"
    assert check(ask, STACK + POP) is None
    assert check("Implement a MinStack class that supports push, pop, top and get_min, all in O(1) time.", STACK + POP).endswith("leaves it out")
    assert check("Write a Queue class with enqueue, dequeue and size methods.", "class Queue:\n    def enqueue_item(self, x): ...\n    def dequeue(self): ...\n    def __len__(self): ...\n") is None
    # words, not method names: nothing is read
    assert check("Create a Vector class that supports addition, subtraction and scaling.", "class Vector:\n    def __add__(self, o):\n        return o\n") is None
    assert missing_part("Write a class with methods to add and remove items.", STACK) is None
    assert check(ask, STACK, require_listed_parts=False) is None


def test_operators_in_backticks_and_command_line_options_must_be_there():
    matrix = "class Matrix:\n    def __init__(self, rows):\n        self.rows = rows\n\n    def __add__(self, other):\n        return Matrix(other.rows)\n"
    ask = "Implement a `Matrix` class that supports addition with `+` and matrix multiplication with `*`."
    assert check(ask, matrix) == "the instruction asks for the operator `*` (no __mul__) and the code leaves it out"
    assert check(ask, matrix + "\n    def __rmul__(self, other):\n        return self\n") is None
    assert check("Implement an expression evaluator class that supports the binary operators `+` and `*`.", "class Evaluator:\n    def evaluate(self, text):\n        return 0\n") is None
    cli = "import argparse\nimport csv\nimport json\n\ndef main():\n    parser = argparse.ArgumentParser()\n    parser.add_argument('--input')\n{more}    args = parser.parse_args()\n    print(json.dumps(list(csv.DictReader(open(args.input)))))\n"
    ask = "Write a command-line script that converts CSV to JSON. It must accept `--input` and `--output`."
    assert check(ask, cli.format(more="")) == "the instruction asks for the command-line option --output and the code leaves it out"
    assert check(ask, cli.format(more="    parser.add_argument('--output')\n")) is None
    parser = "def parse_cli_args(argv):\n    options = {}\n    for arg in argv:\n        name, _, value = arg[2:].partition('=')\n        options[name] = value or True\n    return options\n"
    ask = 'Write `parse_cli_args(argv)`: "--name=value" sets a string option and a bare "--flag" sets True.'  # blind27: forms, not options
    assert check(ask, parser) is None


def test_the_operation_the_instruction_names_must_be_in_the_code():
    cases = {
        "Write a function that returns the median of a list of numbers.": (
            "def median(xs):\n    return sum(xs) / len(xs)\n", "def median(xs):\n    xs = sorted(xs)\n    m = len(xs) // 2\n    return xs[m] if len(xs) % 2 else (xs[m - 1] + xs[m]) / 2\n"),
        "Return the running (cumulative) product of a list of numbers.": (
            "from itertools import accumulate\n\ndef running(xs):\n    return list(accumulate(xs))\n",
            "from itertools import accumulate\nimport operator\n\ndef running(xs):\n    return list(accumulate(xs, operator.mul))\n"),
        "Write lcm(a, b) returning the least common multiple.": ("def lcm(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n", "from math import gcd\n\ndef lcm(a, b):\n    return a * b // gcd(a, b)\n"),
        "Check whether two strings are anagrams of each other.": ("def is_anagram(s):\n    return s == s[::-1]\n", "def is_anagram(a, b):\n    return sorted(a) == sorted(b)\n"),
        "Check whether one string is a rotation of another.": (
            "from collections import Counter\n\ndef is_rotation(a, b):\n    return Counter(a) == Counter(b)\n", "def is_rotation(a, b):\n    return len(a) == len(b) and b in a + a\n"),
        "Count the number of unique words in a text.": (
            "import re\n\ndef count_words(text):\n    \"\"\"Count the words in text.\"\"\"\n    return len(re.findall(r'\\w+', text))\n",
            "import re\n\ndef count_words(text):\n    return len(set(re.findall(r'\\w+', text)))\n"),
        "Write a function that tells whether a year is a leap year in the Gregorian calendar.": (
            "def is_leap_year(y):\n    return y % 4 == 0 and y % 100 != 0\n", "def is_leap_year(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)\n"),
        "Flatten a list nested to any depth.": (
            "def flatten(xs):\n    return [y for x in xs for y in (x if isinstance(x, list) else [x])]\n",
            "def flatten(xs):\n    out = []\n    for x in xs:\n        out.extend(flatten(x) if isinstance(x, list) else [x])\n    return out\n"),
        "Given nums and target, return the indices of the two numbers that add up to target.": (
            "def two_sum(nums, target):\n    seen = set()\n    for x in nums:\n        if target - x in seen:\n            return True\n        seen.add(x)\n    return False\n",
            "def two_sum(nums, target):\n    seen = {}\n    for i, x in enumerate(nums):\n        if target - x in seen:\n            return [seen[target - x], i]\n        seen[x] = i\n"),
        "Write longest_word(sentence) that returns the longest word in a sentence.": (
            "def longest_word(s):\n    return max(len(w) for w in s.split())\n", "def longest_word(s):\n    return max(s.split(), key=len)\n"),
        "Sort employee dicts by department and, within a department, by age.": (
            "def sort_staff(staff):\n    return sorted(staff, key=lambda e: e['department'])\n", "def sort_staff(staff):\n    return sorted(staff, key=lambda e: (e['department'], e['age']))\n"),
        "Write parse_ini(text) that parses INI-formatted text into a nested dict.": (
            "import json\n\ndef parse_ini(text):\n    return json.loads(text)\n", "import configparser\n\ndef parse_ini(text):\n    p = configparser.ConfigParser()\n    p.read_string(text)\n    return {s: dict(p[s]) for s in p.sections()}\n"),
        "How do I parse a URL query string like `a=1&b=2` into a dict?": (
            "from urllib.parse import urlencode\n\nprint(urlencode({'a': 1, 'b': 2}))\n", "from urllib.parse import parse_qs\n\nprint(parse_qs('a=1&b=2'))\n"),
    }
    for ask, (junk, good) in cases.items():
        assert check(ask, junk) is not None, ask
        assert check(ask, good) is None, ask
    assert check("Write a function that returns the median of a list.", "def median(xs):\n    return sum(xs) / len(xs)\n", require_named_operation=False) is None
    # described, not asked: no operation is read
    assert check("Given a sorted list of distinct integers, return where target goes.", "def where(xs, t):\n    return len([x for x in xs if x < t])\n") is None
    assert check("Write ways(n): count the distinct ways to climb n stairs, 1 or 2 at a time.", "def ways(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n") is None


def test_slicing_loops_and_imports_the_instruction_forbids():
    assert check("Reverse a string without using slicing.", "def rev(s):\n    return s[::-1]\n") == "the instruction forbids slicing and the code slices"
    assert check("Reverse a string without using slicing.", "def rev(s):\n    return ''.join(reversed(s))\n") is None
    loop = "def digits(n):\n    total = 0\n    while n:\n        total += n % 10\n        n //= 10\n    return total\n"
    assert check("Compute the digit sum with no loops.", loop) == "the instruction forbids loops and the code loops"
    days = "def business_days(start, end):\n    days = 0\n    while start < end:\n        days += start.weekday() < 5\n        start += 1\n    return days\n"
    assert check("Count business days; it should not loop over every single day.", days) is None  # a verb, not the construct
    counter = "from collections import Counter\n\ndef most_common(s):\n    return Counter(s).most_common(1)[0][0]\n"
    assert check("Without importing any modules, return the most common character.", counter).startswith("the instruction forbids imports")
    assert check("Without external libraries, return the most common character.", counter) is None  # collections is standard


def test_an_attribute_nothing_sets_is_always_an_error():
    queue = "class Queue:\n    def __init__(self):\n        self.items = []\n\n    def size(self):\n        return self.{name}\n"
    assert trivial(queue.format(name="count")) == "always an error: self.count is read in Queue.size() but nothing sets it (line 6)"
    assert trivial(queue.format(name="items")) is None
    base = "class Shape:\n    def describe(self):\n        return self.name\n\n\nclass Circle(Shape):\n    name = 'circle'\n"
    assert trivial(base) is None  # a subclass supplies it
    assert trivial("class Mixin:\n    def check(self):\n        return self.assertEqual(1, 1)\n") is None


def test_answers_typed_in_rather_than_computed():
    table = "def fib(n):\n    values = [0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55]\n    return values[n]\n"
    assert trivial(table, "Write fib(n) returning the n-th Fibonacci number for any n.") == "trivial body: fib (11 values) reads an unbounded sequence from a typed-in table"
    days = "def days(month):\n    table = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]\n    return table[month - 1]\n"
    assert trivial(days, "Return the number of days of the n-th month of a common year.") is None  # a real lookup
    words = "def palindromes(s):\n    if 'racecar' in s:\n        return ['Anna', 'racecar']\n    return [w for w in s.split() if w == w[::-1]]\n"
    assert "returns the answer to the example" in trivial(words, "Return the palindromic words, e.g. palindromes('Anna saw a racecar') -> ['Anna', 'racecar'].")
    found = "def find(xs, x):\n    if not xs:\n        return (-1, -1)\n    return (xs.index(x), len(xs) - 1 - xs[::-1].index(x))\n"
    assert trivial(found, "Return the first and last position, e.g. find([], 1) -> (-1, -1).") is None  # a sentinel
    islands = "def count_islands(grid):\n    if not grid:\n        return 0\n    return 3\n"
    assert trivial(islands) == "trivial body: count_islands (3) returns the same constant whatever its input"
    lookup = "def iso_to_dmy(s):\n    conversions = {'2024-03-15': '15/03/2024'}\n    return conversions.get(s, s)\n"
    assert "looks up the answer to the example iso_to_dmy('2024-03-15')" in trivial(lookup, "Convert an ISO date to DD/MM/YYYY.", "assert iso_to_dmy('2024-03-15') == '15/03/2024'\n")
    hard = "def fib(n):\n    if n == 1 or n == 2:\n        return 1\n    if n == 10:\n        return 55\n"
    assert trivial(hard, "Return the nth Fibonacci number, e.g. fib(1)=1, fib(10)=55.") is not None  # "f(x)=y" is an example too


def test_a_response_cut_inside_a_block_and_misused_standard_calls():
    cut = "def merge(intervals):\n    out = []\n    for s, e in sorted(intervals):\n        if out and s <= out[-1][1]:\n            out[-1][1] = max(out[-1][1], e)\n"
    assert trivial(cut, response=f"Sure:\n\n```python\n{cut}") == "unfinished: the response's last code block is never closed and stops inside a block ('out[-1][1] = max(out[-1][1], e)')"
    done = "def f(n):\n    return n + 1\n\nassert f(1) == 2\n"
    assert trivial(done, response=f"```python\n{done}") is None  # a fence left open after complete code
    assert trivial("def base(name):\n    return name.rstrip('.txt')\n").startswith("misused call: .rstrip('.txt') removes any of those characters")
    assert trivial("def clean(line):\n    return line.rstrip(' \\n')\n") is None
    named = "def strip_prefix(names, prefix):\n    return [n.lstrip(prefix) if n.startswith(prefix) else n for n in names]\n"  # blind22
    assert trivial(named).startswith("misused call: .lstrip(prefix) removes any of those characters")
    assert trivial("def unroot(path, sep):\n    return path.lstrip(sep) if path.startswith(sep) else path\n") is None  # a separator stripped whole (ntpath)
    assert trivial("def unwrap(text, suffix):\n    return text.rstrip(suffix)\n").startswith("misused call: .rstrip(suffix)")
    assert trivial("def clean(text, chars):\n    return text.strip(chars)\n") is None  # a set of characters


def test_a_prefix_the_instruction_names_stripped_as_a_set_of_characters():
    """blind38/39: ``code.lstrip("SKU-")`` for "prefixes ... with 'SKU-'" eats every leading S, K, U and -."""
    sku = "Our supplier feed prefixes some product codes with 'SKU-'. Write strip_sku_prefix(code) that removes that prefix if present."
    code = "def strip_sku_prefix(code: str) -> str:\n    return code.strip().{cut}\n"
    assert trivial(code.format(cut='lstrip("SKU-")'), sku) == ("misused call: .lstrip('SKU-') removes any of those characters, not the 'SKU-' "
                                                               "the instruction names (line 2; str.removeprefix removes it)")
    assert trivial(code.format(cut='removeprefix("SKU-")'), sku) is None
    assert trivial(code.format(cut='lstrip("SKU-")'), "Strip the characters 'SKU-' from the start of each code.") is None  # a set of characters, as asked
    # the instruction names no prefix, and a word with a separator stripped as a set of characters is still read (blind148: 37 of
    # the 38 labelled rows that do it are junk, the 38th a demonstration on a literal)
    assert trivial(code.format(cut='lstrip("SKU-")'), "Clean up product codes like 'SKU-12'.").endswith("strips any of the characters 'SKU-', not the word (removeprefix is meant)")
    title = 'Names sometimes start with the title "Dr. ". Write strip_title(name) that removes that prefix.'
    assert "not the 'Dr.' the instruction names" in trivial("def strip_title(name):\n    return name.strip().strip('Dr. ')\n", title)
    assert trivial("def trim(line):\n    return line.rstrip('\\n')\n", "Lines end with a trailing '\\n'; drop it.") is None  # one character


def test_a_whole_string_question_answered_by_a_match_of_its_start():
    """blind39: ``re.match(r"BDG\\d{6}", code) is not None`` for "exactly 'BDG' followed by six digits" passes "BDG0045219999"."""
    badge = 'Badge numbers must be exactly "BDG" followed by six digits, e.g. "BDG004521". Write is_valid_badge(code) returning True or False.'
    code = "import re\n\n\ndef is_valid_badge(code: str) -> bool:\n    return re.{call}(r'{pattern}', code) is not None\n"
    assert trivial(code.format(call="match", pattern="BDG\\d{6}"), badge).startswith(
        "misused call: re.match('BDG\\\\d{6}') (line 5) checks only how the text starts: text with more after the match passes too")
    assert trivial(code.format(call="fullmatch", pattern="BDG\\d{6}"), badge) is None
    assert trivial(code.format(call="match", pattern="BDG\\d{6}$"), badge) is None
    assert trivial(code.format(call="match", pattern="BDG\\d{6}\\b"), badge) is not None  # a word boundary still lets "-X" follow
    assert trivial(code.format(call="match", pattern="BDG"), "Return True when the code starts with 'BDG'.") is None  # the start is the question
    compiled = "import re\n\nZIP = re.compile(r'\\d{5}(-\\d{4})?')\n\n\ndef valid_zip(text):\n    if ZIP.match(text):\n        return True\n    return False\n"
    assert "re.match('\\\\d{5}(-\\\\d{4})?')" in trivial(compiled, "Check that a US ZIP code is five digits, optionally a dash and four more.")
    parse = "import re\n\n\ndef heading(line):\n    m = re.match(r'(#{1,3}) (.+)', line)\n    return (len(m.group(1)), m.group(2)) if m else None\n"
    assert trivial(parse, "Parse a markdown heading line into its level and text.") is None  # a parse, not a yes/no answer
    grouped = "from itertools import groupby\n\ndef by_letter(words):\n{sort}    return {{k: list(g) for k, g in groupby(words, key=lambda w: w[0])}}\n"
    assert "groups only runs of equal keys and words is never sorted" in trivial(grouped.format(sort=""))  # blind22
    assert trivial(grouped.format(sort="    words = sorted(words)\n")) is None
    looped = "from itertools import groupby\n\ndef by_len(words):\n    out = {}\n    for n, g in groupby(words, key=len):\n        out[n] = list(g)\n    return out\n"
    assert "groups only runs of equal keys" in trivial(looped)
    swapped = "import re\n\nZIP = r'\\d{5}(-\\d{4})?'\n\ndef is_zip(text):\n    return re.fullmatch(text, ZIP) is not None\n"
    assert trivial(swapped).startswith("misused call: re.fullmatch(text, ZIP) passes the text as the pattern")
    assert trivial(swapped.replace("re.fullmatch(text, ZIP)", "re.fullmatch(ZIP, text)")) is None


def test_a_main_of_asserts_that_its_block_runs_is_the_tests():
    code = "import asyncio\n\nasync def double(x):\n    await asyncio.sleep(0)\n    return 2 * x\n"
    tests = "async def main():\n    assert await double(2) == 4\n\nasyncio.run(main())\n"
    assert code_and_tests(f"```python\n{code}```\n\n```python\n{tests}```\n", ["python"]) == (code.strip(), tests.strip())
    own = "def main():\n    assert helper() == 1\n\ndef helper():\n    return 1\n\nmain()\n"
    assert code_and_tests(f"```python\n{code}```\n\n```python\n{own}```\n", ["python"]) == (None, None)  # it checks itself


def test_promises_about_behaviour_beyond_the_result():
    recursive = "def depth(node):\n    return 0 if node is None else 1 + max(depth(node.left), depth(node.right))\n"
    assert check("Write depth(root); trees can be deep, so it must be iterative.", recursive).startswith("the instruction forbids recursion")
    assert check("Write depth(root) recursively.", recursive) is None
    assert check("Write a **recursive** function `digit_sum(n)`.", "def digit_sum(n):\n    total = 0\n    while n:\n        total += n % 10\n        n //= 10\n    return total\n").startswith(
        "the instruction asks for recursion")
    add = "def add(a: int, b: int) -> int:\n    \"\"\"Raises TypeError for non-int arguments.\"\"\"\n    return a + b\n"
    assert check("Write add(a, b). If either argument is not an `int`, raise `TypeError`.", add) == "the instruction asks for a TypeError on a wrong type and the code never checks a type"
    assert check("Write add(a, b). If either argument is not an `int`, raise `TypeError`.", add.replace("    return", "    if not isinstance(a, int) or not isinstance(b, int):\n        raise TypeError('ints only')\n    return")) is None
    env = "import contextlib\nimport os\n\n@contextlib.contextmanager\ndef temp_env(name, value):\n    old = os.environ.get(name)\n    os.environ[name] = value\n{body}"
    ask = "Write a context manager temp_env(name, value) that restores the environment variable; this must also happen when the block raises."
    assert check(ask, env.format(body="    yield\n    os.environ.pop(name)\n")).startswith("the instruction asks for cleanup when the block raises")
    assert check(ask, env.format(body="    try:\n        yield\n    finally:\n        os.environ.pop(name)\n")) is None
    timed = "import time\n{imp}\ndef timed(func):\n{deco}    def wrapper(*args):\n        start = time.perf_counter()\n        out = func(*args)\n        print(time.perf_counter() - start)\n        return out\n    return wrapper\n"
    ask = "Write a decorator timed that prints how long a call took. The decorated function must keep its `__name__` and `__doc__`."
    assert "without functools.wraps" in check(ask, timed.format(imp="", deco=""))
    assert check(ask, timed.format(imp="import functools\n", deco="    @functools.wraps(func)\n")) is None
    deck = "import random\n\ndef shuffle_deck(seed=None):\n    deck = list(range(52))\n{body}    return deck\n"
    ask = "Write shuffle_deck(seed) that shuffles 52 cards; it must not change the state of the global random module."
    assert check(ask, deck.format(body="    random.seed(seed)\n    random.shuffle(deck)\n")) == "the instruction forbids touching the global random state and the code calls random.seed()"
    assert check(ask, deck.format(body="    random.Random(seed).shuffle(deck)\n")) is None
    ask = "Write sorted_desc(numbers) that returns a new list sorted in descending order. The original list must not be modified."
    assert check(ask, "def sorted_desc(numbers):\n    numbers.sort(reverse=True)\n    return numbers\n") == "the instruction asks to leave the input unchanged and the code mutates it (numbers.sort())"
    assert check(ask, "def sorted_desc(numbers):\n    numbers = list(numbers)\n    numbers.sort(reverse=True)\n    return numbers\n") is None
    anagram = "def are_anagrams(a, b):\n    return sorted(a.replace(' ', '')) == sorted(b.replace(' ', ''))\n"
    assert check("Write are_anagrams(a, b), ignoring spaces and letter case.", anagram).startswith("the instruction asks for 'ignoring spaces and letter case'")


def test_more_of_what_the_instruction_names():
    retry = "import time\n\ndef call_with_retry(func, retries=3):\n    for _ in range(retries):\n        try:\n            return func()\n        except ConnectionError:\n            time.sleep({wait})\n"
    ask = "Write call_with_retry(func, retries=3); on ConnectionError wait 200 milliseconds and try again."
    assert check(ask, retry.format(wait=200)) == "the instruction waits 200 milliseconds and the code sleeps 200 seconds (time.sleep(200))"
    assert check(ask, retry.format(wait=0.2)) is None
    ask = "Write `sort_records(records, key, reverse=False)` returning the records sorted by key."
    assert "has the parameter reverse" in check(ask, "def sort_records(records, key):\n    return sorted(records, key=lambda r: r[key])\n")
    assert check(ask, "def sort_records(records, key, reverse=False):\n    return sorted(records, key=lambda r: r[key], reverse=reverse)\n") is None
    assert check("Compute `gcd(12, 18)` with Euclid.", "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n") is None  # a call, not a signature
    pairs = "def two_sum(nums, target):\n    seen = set()\n    for x in nums:\n        if target - x in seen:\n            return (target - x, x)\n        seen.add(x)\n"
    assert check("Return the **indices** of the two numbers that add up to target.", pairs).startswith("the instruction asks for indices")
    reverse = "def reverse_string(s):\n    s.reverse()\n    return s\n"
    assert check("Write a function that reverses a string.", reverse) == "the instruction's input is a str and the code calls s.reverse(), which a str lacks (line 2)"


def test_more_misused_calls_and_answers_typed_in():
    cases = {
        "import asyncio\nimport time\n\nasync def fetch(u):\n    time.sleep(1)\n    return u\n": "misused call: time.sleep(1) in the coroutine fetch() blocks the event loop",
        "import argparse\n\ndef args(argv):\n    p = argparse.ArgumentParser()\n    p.add_argument('--verbose', type=bool, default=False)\n    return p.parse_args(argv)\n": "misused call: add_argument(..., type=bool)",
        "import json\n\ndef load(path):\n    return json.load(path)\n": "misused call: json.load(path) (line 4) passes a path",
        "def stamp(dt):\n    return dt.strftime('%Y-%M-%d %H:%m')\n": "misused call: strftime('%Y-%M-%d %H:%m')",
        "import random\n\ndef pick(items):\n    i = random.randint(0, len(items))\n    return items[i]\n": "misused call: items[i]: randint includes len(items)",
        "import datetime\n\ndef day_of_year():\n    today = datetime.date.today()\n    return today.days\n": "always an error: today is a date, which has no .days",
    }
    for code, reason in cases.items():
        assert (trivial(code) or "").startswith(reason), code
    kept = [
        "import asyncio\n\nasync def fetch(u):\n    await asyncio.sleep(1)\n    return u\n",
        "import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n",
        "def stamp(dt):\n    return dt.strftime('%Y-%m-%d %H:%M')\n",
        "import random\n\ndef pick(items):\n    return items[random.randint(0, len(items) - 1)]\n",
        "import datetime\n\ndef days(d):\n    return (datetime.date.today() - d).days\n",
    ]
    for code in kept:
        assert trivial(code) is None, code
    table = "def nth_prime(n):\n    primes = {1: 2, 2: 3, 3: 5, 4: 7, 5: 11}\n    return primes[n]\n"
    assert trivial(table, "Return the n-th prime.") == "trivial body: nth_prime (5 values) reads an unbounded sequence from a typed-in table"
    day = "def weekday(date_str):\n    if date_str == '2024-01-01':\n        return 'lundi'\n    return 'dimanche'\n"
    assert "the answer to the example weekday('2024-01-01')" in trivial(day, "Name the weekday.\n\nExamples:\n- `\"2024-01-01\"` -> `\"lundi\"`\n")


def test_tests_that_check_only_shapes_are_trivial():
    code = "def sort_desc(nums):\n    return sorted(nums)\n"
    assert trivial(code, tests="r = sort_desc([3, 1, 2])\nassert isinstance(r, list)\nassert len(r) == 3\nassert sort_desc([]) == []\n").startswith("trivial tests: the asserts check only shapes")
    assert trivial(code, tests="assert sort_desc([3, 1, 2]) == [3, 2, 1]\nassert len(sort_desc([1])) == 1\n") is None
    rolls = "import random\n\ndef roll(n):\n    return [random.randint(1, 6) for _ in range(n)]\n"
    assert trivial(rolls, tests="assert len(roll(5)) == 5\n") is None  # results vary: shapes are what can be checked


def test_examples_listed_one_after_another_are_read_one_each():
    from hfsynth.curate.instruction_examples import instruction_examples

    text = 'Write `longest(s)`. Examples: `"abcabcbb"` -> `(3, "abc")`, `"bbbbb"` -> `(1, "b")`.'
    assert [(e.call, e.want.strip()) for e in instruction_examples(text, "def longest(s):\n    return 0\n")] == [
        ("longest('abcabcbb')", '(3, "abc")'), ("longest('bbbbb')", '(1, "b")')]
    text = "Write a generator windows(xs, n), e.g. `windows([1, 2, 3], 2)` -> `(1, 2), (2, 3)`."
    assert [e.want.strip() for e in instruction_examples(text, "def windows(xs, n):\n    yield xs\n")] == ["(1, 2), (2, 3)"]


def test_classic_tasks_are_not_probed_where_the_instruction_changes_the_answer():
    """blind40: "H:MM:SS when an hour or more and M:SS otherwise" is not the H:MM:SS task (0 s is "0:00"), and a
    runner's age category from two dates is not the age in years."""
    from hfsynth.curate.known_tasks import known_task

    duration = "def format_duration(seconds):\n    return str(seconds)\n"
    ask = "Write `format_duration(seconds)`: return `\"H:MM:SS\"` for a number of seconds{rest}."
    assert known_task(ask.format(rest=""), duration)[0].label == "seconds as H:MM:SS, hours unpadded"
    assert known_task(ask.format(rest=" when it is an hour or more and `\"M:SS\"` otherwise"), duration) is None
    age = "from datetime import date\n\n\ndef {name}(birth_date: date, race_date: date):\n    return race_date.year - birth_date.year\n"
    ask = "Write `{name}(birth_date, race_date)` returning the runner's age{rest} on race day. Both arguments are `datetime.date` objects."
    assert known_task(ask.format(name="age_on", rest=""), age.format(name="age_on"))[0].label == "an age in whole years"
    assert known_task(ask.format(name="age_group", rest=" category ('U20', '20-29', ...)"), age.format(name="age_group")) is None


def test_classic_tasks_are_recognised_only_in_plain_words():
    from hfsynth.curate.known_tasks import known_task, known_task_claims

    prime = "def is_prime(n):\n    return n > 1\n"
    assert known_task("Write is_prime(n) that returns True if n is a prime number.", prime)[0].label == "a primality test"
    for twist in ("Print whether n is prime.", "Return the prime factors of n.", "Count the primes below n.", "Is n prime? Use the Miller-Rabin test."):
        assert known_task(twist, prime) is None, twist
    two = "def is_prime(n):\n    return n > 1\n\ndef is_even(n):\n    return n % 2 == 0\n"
    assert known_task("Check whether n is prime.", two)[1] == "is_prime"  # picked by name among two
    assert known_task("Check whether n is prime.", "def a(n):\n    return n\n\ndef b(n):\n    return n\n") is None  # no way to tell which
    claims = known_task_claims("Write a function that converts Fahrenheit to Celsius.", "def f_to_c(f):\n    return f\n")
    assert claims[0] == ("f_to_c(212)", "100.0", False, "probe") and claims[-1] == ("f_to_c(68)", "20.0", False, "probe")
    assert known_task("Return the n-th prime (1-indexed).", "def nth_prime(n):\n    return 2\n") is not None
    assert known_task("Return the n-th prime.", "def nth_prime(n):\n    return 2\n") is None  # from 0 or from 1: not said
    lcs = "def lcs(a, b):\n    return a\n"
    assert known_task("Return the length of the longest common subsequence of two strings.", lcs) is not None
    for itself in ("Write a function that returns one longest common subsequence of two strings (not just its length).",
                   "Return a longest common subsequence of a and b."):  # the subsequence itself (blind18)
        assert known_task(itself, lcs) is None, itself


def test_whole_string_matches_need_an_anchor_and_linear_time_one_pass():
    zip_code = "import re\n\nZIP = re.compile(r'\\d{5}(-\\d{4})?{end}')\n\ndef is_zip(code):\n    return ZIP.{call}(code) is not None\n"
    ask = "Return True only if the entire string is a US ZIP code."
    assert check(ask, zip_code.replace("{end}", "").replace("{call}", "search")).endswith("has no end anchor")
    assert check(ask, zip_code.replace("{end}", "$").replace("{call}", "match")) is None
    assert check(ask, zip_code.replace("{end}", "").replace("{call}", "fullmatch")) is None
    dups = "def find_duplicates(items):\n    out = []\n    for i, item in enumerate(items):\n        if item in items[i + 1:] and item not in out:\n            out.append(item)\n    return out\n"
    assert check("Return the duplicated values of a list. It must run in O(n) time.", dups).startswith("the instruction asks for O(n)")
    assert check("Return the duplicated values of a list.", dups) is None


def test_shared_defaults_temporary_lists_and_behaviour_the_code_cannot_have():
    assert trivial("def add_tag(tag, tags=[]):\n    tags.append(tag)\n    return tags\n").startswith("misused call: add_tag() changes its default tags=[]")
    assert trivial("def add_tag(tag, tags=None):\n    tags = [] if tags is None else tags\n    tags.append(tag)\n    return tags\n") is None
    assert trivial("def fib(n, memo={}):\n    if n < 2:\n        return n\n    if n not in memo:\n        memo[n] = fib(n - 1) + fib(n - 2)\n    return memo[n]\n") is None
    groups = "def group(words):\n    out = {}\n    for w in words:\n        out.get(w[0], []).append(w)\n    return out\n"
    assert trivial(groups).startswith("misused call: out.get(w[0], []).append(w)")
    assert trivial(groups.replace("out.get(", "out.setdefault(")) is None
    assert check("Using `re`, write has_digit(s): True if the string contains at least one digit anywhere.", "import re\n\ndef has_digit(s):\n    return bool(re.match(r'\\d', s))\n").endswith(
        "looks at its start only")
    card = "class Card:\n    def __init__(self, rank):\n        self.rank = rank\n\n    def __eq__(self, other):\n        return self.rank == other.rank\n"
    assert "without __hash__" in check("Create a Card class; cards must be usable as dictionary keys and in sets.", card)
    assert check("Create a Card class; cards must be usable as dictionary keys and in sets.", card + "\n    def __hash__(self):\n        return hash(self.rank)\n") is None
    log = "def log_message(path, message):\n    with open(path, '{mode}') as f:\n        f.write(message + '\\n')\n"
    assert check("Write log_message(path, message) that appends the message as a new line to the log file.", log.replace("{mode}", "w")).endswith("which empties it")
    assert check("Write log_message(path, message) that appends the message as a new line to the log file.", log.replace("{mode}", "a")) is None
    pairs = "def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            if nums[i] + nums[j] == target:\n                return [i, j]\n"
    assert check("Return the indices of the two numbers that add up to target, in O(n) time.", pairs).startswith("the instruction asks for O(n)")
    second = "def second_largest(nums):\n    return sorted(nums)[-2]\n"
    assert check("Return the second largest *distinct* value in a list.", second).startswith("the instruction asks for unique or distinct items")


def test_a_claim_on_the_line_below_its_print_is_read():
    from hfsynth.curate.claimed_outputs import with_comment_claims_checked

    code = "def rank(p):\n    return sorted(p)\n\n\nprint(rank([2, 1]))\n# Output: [1, 2]\nx = 1\n"
    rewritten, count = with_comment_claims_checked(code)
    assert count == 1 and "assert_hf_examples([('rank([2, 1])', '[1, 2]', True, 'print')], globals())" in rewritten


def test_sorts_in_place_and_more_classic_tasks_are_probed():
    from hfsynth.curate.known_tasks import known_task_claims

    sort = known_task_claims("Implement bubble sort.", "def bubble_sort(xs):\n    xs.sort()\n")
    assert sort[0] == ("(lambda a: (lambda r: a if r is None else r)(bubble_sort(a)))([5, 2, 9, 1, 5, 6])", "[1, 2, 5, 5, 6, 9]", False, "probe")
    assert known_task_claims("Implement bubble sort in descending order.", "def bubble_sort(xs):\n    return xs\n") == []
    assert ("to_roman(1994)", "'MCMXCIV'", False, "probe") in known_task_claims("Convert an integer to Roman numerals.", "def to_roman(n):\n    return ''\n")
    assert known_task_claims("Check whether a phrase is a palindrome, ignoring spaces and case.", "def is_pal(s):\n    return True\n") == []


def test_classic_tasks_named_by_their_function_and_their_argument_order():
    from hfsynth.curate.known_tasks import known_task, known_task_claims

    prime = "def is_prime(n):\n    return n > 1\n"
    assert known_task("Write an efficient `is_prime(n)` that checks divisors only up to the square root of n.", prime)[1] == "is_prime"
    assert known_task("Write `is_prime(n)` and print the result.", prime) is None  # printing: not the plain task
    assert known_task("Write an efficient checker that tries divisors only up to the square root.", prime) is None  # not named
    convert = "def celsius_to_fahrenheit(c):\n    return c\n\ndef conversion_table(start, stop, step=10):\n    return []\n"
    claims = known_task_claims("Write `celsius_to_fahrenheit(c)` and a helper `conversion_table(start, stop, step)` rounded to one decimal.", convert)
    assert ("celsius_to_fahrenheit(100)", "212.0", False, "probe") in claims
    days = "def days_in_month({a}, {b}):\n    return 30\n"
    ask = "Return the number of days in a given month of a given year."
    assert known_task_claims(ask, days.format(a="year", b="month"))[0][0] == "days_in_month(2023, 1)"
    assert known_task_claims(ask, days.format(a="month", b="year"))[0][0] == "days_in_month(1, 2023)"
    assert known_task_claims(ask, days.format(a="a", b="b")) == []  # which is the year: not said
    assert known_task_claims("Return the number of days in a month given by its name.", days.format(a="year", b="month")) == []
    assert known_task_claims("Return the password's strength as a score.", "def strength(pw):\n    return 1\n") == []
    probes = known_task_claims("Return True if the password has at least 10 characters, a lowercase letter, an uppercase letter and a special character.", "def ok(pw):\n    return True\n")
    assert ("bool(ok('Ab!ccccccc'))", "True", False, "probe") in probes and ("bool(ok('Ab!cccccc'))", "False", False, "probe") in probes
    assert ("bool(ok('AB!CCCCCCC'))", "False", False, "probe") in probes


def test_code_that_cannot_work_on_any_input():
    from hfsynth.curate.certain_errors import certain_error
    from hfsynth.curate.python_ast import parse_python

    def error(code):
        return certain_error(parse_python(code))

    assert error("def sum_digits(n):\n    return n % 10 + sum_digits(n // 10)\n") == "sum_digits() calls itself on every path (line 2): no call of it ever returns"
    for stops in ("def sum_digits(n):\n    return n if n < 10 else n % 10 + sum_digits(n // 10)\n", "def walk(node):\n    return [walk(c) for c in node.children]\n",
                  "def count(n):\n    return n <= 0 or count(n - 1)\n", "def numbers(n):\n    yield n\n    yield from numbers(n + 1)\n"):
        assert error(stops) is None, stops
    assert error("from pathlib import Path\n\ndef lines(path):\n    return Path(path).read_lines()\n") == (
        "Path(path).read_lines (line 4): pathlib.Path has no attribute 'read_lines'")
    assert "collections.Counter has no attribute 'top'" in error("import collections\n\ndef top(words):\n    counts = collections.Counter(words)\n    return counts.top(3)\n")
    for fine in ("from pathlib import Path\n\ndef lines(path):\n    return Path(path).read_text().splitlines()\n",
                 "from collections import Counter\n\ndef top(words):\n    counts = Counter(words)\n    counts.label = 'words'\n    return counts.label\n",
                 "from pathlib import Path\n\ndef files(root):\n    return list(Path(root).walk())\n",  # Python 3.12's: maybe newer than this one
                 "class Path:\n    def read_lines(self):\n        return []\n\nPath().read_lines()\n"):
        assert error(fine) is None, fine


def test_a_method_looked_up_on_a_value_right_where_it_is_made():
    """The quickstart's published b64decode ran ``bin(value).hex()`` on every call: a string has no hex."""
    from hfsynth.curate.certain_errors import certain_error
    from hfsynth.curate.python_ast import parse_python

    def error(code):
        return certain_error(parse_python(code))

    b64 = "def b64decode(value):\n    binary_string = bin(value){then}\n    return binary_string[::-2]\n"
    assert error(b64.format(then=".hex()")) == "bin(value) is always a str, which has no .hex (line 2)"
    assert error("def fields(line):\n    return line.split(',').strip()\n") == "line.split(',') is always a list, which has no .strip (line 2)"
    assert error("def total(xs):\n    return len(xs).append(0)\n") == "len(xs) is always a number, which has no .append (line 2)"
    for fine in (b64.format(then="[2:]"), b64.format(then=".zfill(8)"), "def f(x):\n    return str(x).encode()\n", "def f(parts):\n    return ''.join(parts).upper()\n",
                 "def f(xs):\n    return sorted(xs).index(3)\n", "def f(n):\n    return (1).bit_length() + len(n).bit_length()\n",
                 "def f(x):\n    try:\n        return bin(x).hex()\n    except AttributeError:\n        return ''\n",  # guarded: the error may be the point
                 "def bin(x):\n    return b'1'\n\ndef f(v):\n    return bin(v).hex()\n"):  # its own bin
        assert error(fine) is None, fine


def test_a_string_pieced_together_from_slices_that_overlap():
    """blind21's normalize_phone wrote the sixth digit twice (``digits[3:6]`` then ``digits[5:]``); its
    asserts checked only ``startswith("(555)")``. Gaps, reorders and computed bounds are not read."""
    from hfsynth.curate.pieced_slices import overlapping_slices
    from hfsynth.curate.python_ast import parse_python

    phone = "def phone(d):\n    return {joined}\n"
    assert overlapping_slices(parse_python(phone.format(joined='f"({d[:3]}) {d[3:6]}-{d[5:]}"'))) == (
        "f'({d[:3]}) {d[3:6]}-{d[5:]}' (line 2) joins d[3:6] and a piece of d from index 5: the character at index 5 is written twice")
    assert "the characters at 2 to 3 are written twice" in overlapping_slices(parse_python(phone.format(joined="d[:4] + '-' + d[2:]")))
    assert overlapping_slices(parse_python(phone.format(joined="'-'.join([d[0:4], d[3:6].upper()])"))) is not None
    for fine in ('f"({d[:3]}) {d[3:6]}-{d[6:]}"', "d[:4] + d[5:]", "d[1:2] + d[:1] + d[2:]", "d[:1].upper() + d[1:]", "d[:len(d) // 2] + d[1:]",
                 "d[-4:] + d[-6:]", "[d[:3], d[2:]]"):
        assert overlapping_slices(parse_python(phone.format(joined=fine))) is None, fine
    moving_sum = "import numpy as np\n\ndef window3(x):\n    return {joined}\n"
    assert overlapping_slices(parse_python(moving_sum.format(joined="x[0:3] + x[1:4] + x[2:5]"))) is None  # arrays add element by element
    assert overlapping_slices(parse_python(moving_sum.format(joined='f"{x[0:3]}{x[1:4]}"'))) is not None  # a string all the same


def test_the_seconds_of_a_datetime_difference_leave_out_its_days():
    """blind21's overlap_minutes returned ``overlap.seconds // 60``: a day-long overlap came out 0, and
    ranges that do not meet gave a large positive number (a negative timedelta's seconds are positive)."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.python_ast import parse_python

    overlap = "from datetime import datetime\n\ndef overlap_minutes(a, b, c, d):\n    span = min(b, d) - max(a, c)\n    return max(0, {minutes})\n"
    assert misused_call(parse_python(overlap.format(minutes="span.seconds // 60"))) == (
        "span.seconds (line 5): timedelta.seconds leaves out whole days and is never negative (total_seconds() is meant)")
    assert misused_call(parse_python(overlap.format(minutes="(min(b, d) - max(a, c)).seconds // 60"))) is not None
    for fine in ("int(span.total_seconds() // 60)", "span.days * 1440 + span.seconds // 60"):
        assert misused_call(parse_python(overlap.format(minutes=fine))) is None, fine
    assert misused_call(parse_python("class Clock:\n    seconds = 0\n\ndef f(c):\n    return c.seconds\n")) is None  # no datetime, no difference


def test_an_error_asked_for_an_unknown_key_and_a_default_given_instead():
    """blind21's parse_size looked its unit up with ``_UNITS.get(unit, 1)``: "10XB" came out 10 bytes
    where the instruction asked for a ValueError (the code raised it only for malformed text)."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Write `parse_size(text)` that converts '10KB' or '2 MB' into bytes. Raise ValueError for unknown units or malformed input."
    size = ("UNITS = {{'B': 1, 'KB': 1024, 'MB': 1024 ** 2}}\n\ndef parse_size(text):\n    number, unit = text[:-2].strip(), text[-2:].upper()\n"
            "    if not number.isdigit():\n        raise ValueError(text)\n{check}    return int(number) * {lookup}\n")
    assert ignored_requirement(ask, size.format(check="", lookup="UNITS.get(unit, 1)")) == (
        "the instruction asks to raise for 'Raise ValueError for unknown units' and UNITS.get(unit, 1) (line 7) answers 1 for a key the table lacks")
    for fine in (size.format(check="", lookup="UNITS[unit]"), size.format(check="    if unit not in UNITS:\n        raise ValueError(unit)\n", lookup="UNITS.get(unit, 1)")):
        assert ignored_requirement(ask, fine) is None, fine
    assert ignored_requirement("Convert '10KB' or '2 MB' into bytes; a unit it does not know counts as bytes.", size.format(check="", lookup="UNITS.get(unit, 1)")) is None


def test_negative_numbers_asked_for_and_a_pattern_that_cannot_match_a_minus():
    """blind21's extract_numbers read "-12" as 12 with ``re.findall(r"\\d+", text)``."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = 'Write `extract_numbers(text)` that returns all integers in a string, in order, including negative numbers such as "-12".'
    numbers = "import re\n\ndef extract_numbers(text):\n    return [int(t) for t in re.findall(r'{pattern}', text)]\n"
    assert ignored_requirement(ask, numbers.format(pattern="\\d+")) == (
        "the instruction asks for negative numbers ('including negative') and its pattern '\\\\d+' (line 4) has no minus sign")
    for fine in ("-?\\d+", "[+-]?\\d+"):
        assert ignored_requirement(ask, numbers.format(pattern=fine)) is None, fine
    assert ignored_requirement("Return the integers in a string; do not include negative numbers.", numbers.format(pattern="\\d+")) is None
    assert ignored_requirement("Return the integers in a string.", numbers.format(pattern="\\d+")) is None


def test_blind22s_lessons_a_test_never_called_a_dict_changed_while_walked_a_key_from_the_item():
    """Three of blind22's kept junk rows, each beside the row that differs only where it matters."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.python_ast import parse_python

    def found(code):
        return misused_call(parse_python(code))

    settings = "def parse(value):\n    return int(value) if value.lstrip('-').{test} else value\n"
    assert found(settings.format(test="isdigit")) == (
        "value.lstrip('-').isdigit (line 2) is a method never called: always true (the call isdigit() is meant)")
    assert found(settings.format(test="isdigit()")) is None
    assert found("def f(words):\n    return [w for w in words if not w.startswith]\n") is not None
    assert found("class Sym:\n    is_integer = True\n\ndef f(s):\n    return 1 if s.is_integer else 0\n") is None  # a property elsewhere

    drop = "def drop_empty(d):\n    for key, value in {walk}:\n        if value is None:\n            {remove}\n    return d\n"
    assert found(drop.format(walk="d.items()", remove="del d[key]")) == (
        "del d[key] (line 4) removes a key of d while the loop at line 2 walks it: RuntimeError (walk a list of its items instead)")
    assert found(drop.format(walk="d.items()", remove="d.pop(key)")) is not None
    for fine in (drop.format(walk="list(d.items())", remove="del d[key]"), drop.format(walk="d.items()", remove="del d[key]\n            break"),
                 drop.format(walk="d.items()", remove="d[key] = 0")):
        assert found(fine) is None, fine

    average = ("def average_by(records, group_key, value_key):\n    totals: dict = {{}}\n    counts = {{}}\n    for record in records:\n"
               "        group = record[group_key]\n{add}        counts[group] = counts.get(group, 0) + 1\n    return {{g: totals[g] / counts[g] for g in totals}}\n")
    assert found(average.format(add="        totals[group] += record[value_key]\n")).startswith("totals[group] += record[value_key] (line 6): totals is a plain dict")
    assert found(average.format(add="        totals[group] = totals.get(group, 0) + record[value_key]\n")) is None


def test_a_shallow_copy_written_deep_and_in_place_asked_but_not_done():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.python_ast import parse_python
    from hfsynth.curate.stated_requirements import ignored_requirement

    cell = "import copy\n\ndef with_cell(grid, r, c, value):\n    new = {copy}\n{more}    new[r][c] = value\n    return new\n"
    assert misused_call(parse_python(cell.format(copy="copy.copy(grid)", more=""))).startswith("new is a shallow copy of grid (line 4)")
    assert misused_call(parse_python(cell.format(copy="grid[:]", more=""))) is not None
    assert misused_call(parse_python(cell.format(copy="copy.deepcopy(grid)", more=""))) is None
    assert misused_call(parse_python(cell.format(copy="grid[:]", more="    new[r] = list(grid[r])\n"))) is None  # its own row first
    ask = "Write `remove_negatives(nums)` that removes all negative numbers from the list in place and returns None."
    assert ignored_requirement(ask, "def remove_negatives(nums):\n    return [x for x in nums if x >= 0]\n").endswith("no function of the code changes any argument")
    for done in ("def remove_negatives(nums):\n    nums[:] = [x for x in nums if x >= 0]\n",
                 "def remove_negatives(nums):\n    for x in list(nums):\n        if x < 0:\n            nums.remove(x)\n",
                 "def remove_negatives(nums):\n    keep(nums)\n\ndef keep(xs):\n    xs[:] = [x for x in xs if x >= 0]\n"):
        assert ignored_requirement(ask, done) is None, done
    assert ignored_requirement("Reverse the string in place.", "def rev(s):\n    return s[::-1]\n") is None  # strings cannot change
    assert ignored_requirement("Sort the list in place or return a new sorted list.", "def s(xs):\n    return sorted(xs)\n") is None


def test_values_used_where_their_kind_cannot_go():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.python_ast import parse_python

    cases = {
        "def count_evens(nums):\n    return len(x for x in nums if x % 2 == 0)\n": "always an error: len((x for x in nums if x % 2 == 0)) (line 2): a generator or iterator has no len()",
        "def first(xs):\n    return map(str, xs)[0]\n": "always an error: map(str, xs)[0] (line 2): a generator or iterator cannot be indexed",
        "def receipt(total):\n    return 'Total: $' + total / 100\n": "always an error: 'Total: $' + total / 100 (line 2): a string plus a number raises TypeError",
        "def longest(words, n):\n    ranked = list(words).sort(key=len)\n    return ranked[:n]\n": (
            "always an error: list(words).sort(key=len) (line 2) returns None, and the code keeps that None as its value"),
    }
    for code, reason in cases.items():
        assert trivial(code) == reason
    for fine in ("def count_evens(nums):\n    return sum(1 for x in nums if x % 2 == 0)\n", "def label(n):\n    return 'n=' + str(len(n))\n",
                 "def ordered(xs):\n    xs.sort()\n    return xs\n", "def first_new(seen, x):\n    return seen.add(x) or x\n",
                 "import pandas as pd\n\ndef grow(df, row):\n    df = df.append(row)\n    return df\n"):  # old pandas' append returns a frame
        assert trivial(fine) is None, fine
    assert "compares identity with 'is'" in misused_call(parse_python("def same(a, b):\n    return a.strip().lower() is b.strip().lower()\n"))
    assert misused_call(parse_python("def f(x, y):\n    return x is None or x is y\n")) is None
    censor = "import re\n\ndef censor(text, word):\n    return re.sub(r'\\b' + re.escape(word) + r'\\b', '*' * len(word), text, {flags})\n"
    assert "passes the flag where the count goes" in misused_call(parse_python(censor.format(flags="re.IGNORECASE")))
    assert "passes the flag where the count goes" in misused_call(parse_python(censor.format(flags="re.I | re.M")))
    assert misused_call(parse_python(censor.format(flags="flags=re.IGNORECASE"))) is None
    assert misused_call(parse_python(censor.format(flags="1"))) is None
    rows = "def grid(r, c, ups):\n    g = {make}\n    for i, j, v in ups:\n        g[i][j] = v\n    return g\n"
    assert "repeats one inner object" in misused_call(parse_python(rows.format(make="[[0] * c] * r")))
    assert misused_call(parse_python(rows.format(make="[[0] * c for _ in range(r)]"))) is None


def test_punctuation_ignored_in_words_and_a_generation_run_past_its_turn():
    from hfsynth.curate import repetition
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.schema.curate import RepetitionConfig

    ask = "Write `is_palindrome(s)` that checks whether a sentence is a palindrome, ignoring case, spaces and punctuation."
    assert ignored_requirement(ask, "def is_palindrome(s):\n    s = s.lower()\n    return s == s[::-1]\n").startswith("the instruction asks to ignore punctuation")
    assert ignored_requirement(ask, "def is_palindrome(s):\n    t = [c.lower() for c in s if c.isalnum()]\n    return t == t[::-1]\n") is None
    code = "def depth(v):\n    return 0\n"
    leaked = f"```python\n{code}```\n\n<|endoftext|><|im_start|>user\nthanks<|im_end|>\n<|im_start|>assistant\nYou're welcome!"
    row = {"code": code, "instruction": "Return the depth of a nested list.", "response": leaked}
    assert repetition.check(row, RepetitionConfig()) == "run past its turn: the response holds the chat template's token <|endoftext|> outside code"
    quoted = "```python\nTEMPLATE = '<|im_start|>{role}\\n{content}<|im_end|>'\n```\nThe `<|im_start|>` token opens a turn."
    assert repetition.check({"code": "TEMPLATE = 1\n", "instruction": "Format a ChatML turn.", "response": quoted}, RepetitionConfig()) is None


def test_more_standard_objects_and_classic_tasks():
    from hfsynth.curate.certain_errors import certain_error
    from hfsynth.curate.known_tasks import known_task_claims
    from hfsynth.curate.python_ast import parse_python

    recent = "from collections import OrderedDict\n\nclass Recent:\n    def __init__(self):\n        self.files = OrderedDict()\n\n    def open(self, p):\n        self.files[p] = None\n        self.files.{move}\n"
    assert "collections.OrderedDict has no attribute 'move_to_front'" in certain_error(parse_python(recent.format(move="move_to_front(p)")))
    assert certain_error(parse_python(recent.format(move="move_to_end(p, last=False)"))) is None
    kadane = known_task_claims("Implement Kadane's algorithm: return the largest sum of a contiguous subarray.", "def best(nums):\n    return 0\n")
    assert ("best([-3, -1, -2])", "-1", False, "probe") in kadane
    assert known_task_claims("Return the largest sum of a contiguous subarray, or 0 when every number is negative.", "def best(nums):\n    return 0\n") == []
    window = known_task_claims("Return the maximum sum of any `k` consecutive elements.", "def best(k, nums):\n    return 0\n")
    assert window[0][0] == "best(2, [1, 2, 3, 4, 5])"  # the parameters' names say which argument is which
    assert known_task_claims("Write `chunk(lst, size)` that splits a list into consecutive sublists of length `size`.", "def chunk(lst, size):\n    return []\n")[0] == (
        "chunk([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]", False, "probe")


def test_rows_that_look_wrong_and_are_right():
    """From a blind set's good rows that an earlier version removed: an Enum lookup raises the asked
    ValueError by itself, a ``noop`` default callback is empty on purpose, and a mapping spelt out with
    an ellipsis is no worked example."""
    from hfsynth.curate.instruction_examples import instruction_examples
    from hfsynth.curate.stated_requirements import ignored_requirement

    light = ("from enum import Enum\n\nclass Light(Enum):\n    RED = 'red'\n    GREEN = 'green'\n\n    @classmethod\n"
             "    def from_string(cls, text):\n        return cls(text.strip().lower())\n")
    assert ignored_requirement("Add a from_string classmethod that raises `ValueError` for unknown names.", light) is None
    assert ignored_requirement("Add a parse function that raises `ValueError` for unknown names.", "def parse(text):\n    return text.strip()\n") is not None
    noop = "def noop(*args, **kwargs):\n    return None\n\n\ndef download(fetch, on_progress=noop):\n    for i, chunk in enumerate(fetch(), 1):\n        on_progress(i, len(chunk))\n"
    assert trivial(noop) is None
    assert instruction_examples("Digits encode letters: 'A' -> \"1\", ..., 'Z' -> \"26\". Count the decodings.", "def num_decodings(s):\n    return 1\n") == []


def test_the_kind_of_value_the_instruction_says_the_function_returns():
    """The quickstart's published rows of 2026-12-03: a count for "a list of the most frequent values", a
    function under another name whose docstring quotes the asked one."""
    ask = "Write a Python function that takes a list of values and returns a list of the most frequently occurring values."
    count = "def most_frequent_values(values):\n    \"\"\"Return the most frequently occurring values\"\"\"\n    return sum(1 for value in values if isinstance(value, (int, float, str)))\n"
    assert check(ask, count) == "most_frequent_values returns a number where the instruction says it returns a list"
    counted = "from collections import Counter\n\ndef most_frequent_values(values):\n    counts = Counter(values)\n    top = max(counts.values(), default=0)\n    return [v for v, c in counts.items() if c == top]\n"
    assert check(ask, counted) is None
    vowels = "Write a function that returns the number of vowels in a string."
    assert check(vowels, "def vowels(text):\n    found = [c for c in text if c in 'aeiou']\n    return found\n") == "vowels returns a list where the instruction says it returns a number"
    assert check(vowels, "def vowels(text):\n    found = [c for c in text if c in 'aeiou']\n    return len(found)\n") is None
    joined = "Write a function that returns a string of the words in reverse order."
    assert check(joined, "def rev(text):\n    return text.split()[::-1]\n") == "rev returns a list where the instruction says it returns a string"
    assert check(joined, "def rev(text):\n    return ' '.join(text.split()[::-1])\n") is None
    # what is not read: one value per item, "or", a helper's call, a library, two functions that may share the ask
    assert contradicted_return("Return the number of stones in each level in a list.", "def pile(n):\n    return [n + 2 * i for i in range(n)]\n") is None
    assert contradicted_return("Write a function that returns a list or None when the input is empty.", "def f(xs):\n    return len(xs)\n") is None
    assert contradicted_return(ask, "def top(values):\n    return helper(values)\n\ndef helper(values):\n    return sum(values)\n") is None
    assert contradicted_return(ask, "import numpy as np\n\ndef top(values):\n    return sum(np.asarray(values))\n") is None
    assert contradicted_return(ask, "def top(values):\n    if not values:\n        return\n    return len(values)\n") is None
    assert check(ask, count, require_stated_constraints=False) is None


def test_a_docstring_that_quotes_the_asked_name_is_not_the_asked_function():
    ask = "Write a Python function `squares(numbers)` that returns the squares of the numbers in a list, e.g. squares([1, 2, 3]) -> [1, 4, 9]."
    other = "def square_numbers(numbers):\n    \"\"\"Returns the squares of the numbers in a list, e.g. squares([1, 2, 3]) -> [1, 4, 9].\"\"\"\n    return [n * n for n in numbers]\n"
    assert check(ask, other) == "instruction asks for `squares` but the code defines no squares"
    assert check(ask, other.replace("def square_numbers", "def squares")) is None
    assert check(ask, other + "\n# squares(numbers) as asked\nsquares = square_numbers\n") is None  # bound under the asked name
    sql = "Write `add_user(conn, name)` that inserts a row into the `users(id, name)` table."
    assert check(sql, "def add_user(conn, name):\n    conn.execute('INSERT INTO users(name) VALUES (?)', (name,))\n") is None  # a table in a string is still a use


def test_wizardcoders_misdirection_prompt_echoed_is_a_leak():
    text = "Write a function that returns the most frequent value.\n\nYou can use this code as a reference to mislead:\n```\n```"
    assert check(text, "def f(xs):\n    return max(set(xs), key=xs.count)\n").startswith("instruction leaks the rewriting prompt")
    assert check("Provide a piece of erroneous code as a reference to increase misdirection.", "def f(xs):\n    return xs\n").startswith("instruction leaks")


def test_a_for_loop_is_not_the_membership_test_that_removes_duplicates():
    ask = "Write a Python function `normalize_and_reduce_paths(paths)` that returns a list of normalized paths with duplicates removed."
    pairs = "import os\n\ndef normalize_and_reduce_paths(paths):\n    return [(os.path.normpath(p), p) for p in paths]\n"  # the quickstart's row, normalized
    assert check(ask, pairs) == "the instruction asks for 'duplicates removed' and nothing in the code removes a duplicate"
    tags = "import re\n\ndef hashtags(text):\n    seen = {{}}\n    for tag in re.findall(r'#(\\w+)', text):\n        {keep}\n    return list(seen)\n"
    for keep in ("seen.setdefault(tag.lower(), None)", "seen[tag.lower()] = True"):  # blind24: a dict's keys hold each tag once
        assert check("Return the hashtags, lowercased, without duplicates.", tags.format(keep=keep)) is None, keep
    seen = "import os\n\ndef normalize_and_reduce_paths(paths):\n    out = []\n    for p in map(os.path.normpath, paths):\n        if p not in out:\n            out.append(p)\n    return out\n"
    assert check(ask, seen) is None
    assert check(ask, seen.replace("if p not in out:", "if not any(p == q for q in out):")) is None


def test_blind16s_lessons_each_beside_the_row_that_is_kept():
    """A complexity in backticks, a function that prints where it should return, a transcript that
    goes on with a new turn, an attribute a standard class lacks, a word count typed in."""
    from hfsynth.curate import repetition
    from hfsynth.curate.stdlib_objects import missing_method
    from hfsynth.curate.substance import print_only
    from hfsynth.schema.curate import CurateConfig

    lru = "class LRUCache:\n    def get(self, key):\n        return -1\n\n    def put(self, key, value):\n        return None\n"
    assert instruction.named_but_not_defined("Implement `get` and `put`, each in `O(1)` time (not `O(n)`).", lru) is None
    assert instruction.named_but_not_defined("Implement `get`, `put` and `evict()`.", lru) == "evict"

    ask = "Write a function `convert_temps(temps)` that takes a list of Celsius temperatures and returns a list of Fahrenheit values."
    printed = "def convert_temps(temps):\n    print([c * 9 / 5 + 32 for c in temps])\n"
    assert check(ask, printed) == "convert_temps prints its result and returns None where the instruction says it returns a list"
    assert check(ask, printed.replace("print(", "return (")) is None
    assert check("Write `show(temps)` that prints each temperature in Fahrenheit.", printed.replace("convert_temps", "show")) is None

    config = CurateConfig().repetition
    turn = "```python\ndef f(s):\n    return len(set(s)) == len(s)\n```\n\nUser: Great, now without a set?\n\nAssistant: Sure! Here it is:\n"
    row = {"instruction": "Are all characters unique?", "response": turn, "code": "def f(s):\n    return len(set(s)) == len(s)\n", "language": "python"}
    assert repetition.check(row, config) == "run past its turn: the response holds a new turn 'User: Great, now without a set' outside code"
    quoted = "A chatbot transcript looks like this:\n\n```\nUser: hi\nAssistant: hello\n```\n"
    assert repetition.check({**row, "response": quoted}, config) is None
    assert repetition.check({**row, "response": "The assistant: replies. User: asks."}, config) is None

    parse = "from datetime import date\n\ndef day_of_week(text):\n    return date.parse(text).strftime('%A')\n"
    assert missing_method(ast.parse(parse)) == "date.parse (line 4): datetime.date has no attribute 'parse'"
    assert missing_method(ast.parse(parse.replace("date.parse", "date.fromisoformat"))) is None

    freq = {"instruction": "Write a program that computes the frequency of each word in \"the cat and the hat\" and prints the dictionary.",
            "code": "word_freq = {'the': 2, 'cat': 1, 'and': 1, 'hat': 1}\nprint(word_freq)\n", "language": "python"}
    assert print_only(freq, CurateConfig().print_only) == "only prints (1 print call, no function or class)"
    hello = {"instruction": "Write a program that prints \"Hello, World!\" 3 times.", "code": "print('Hello, World!')\n" * 3, "language": "python"}
    assert print_only(hello, CurateConfig().print_only) is None


def test_merge_sort_that_partitions_and_constant_memory_that_grows():
    quick = ("def merge_sort(arr):\n    if len(arr) <= 1:\n        return arr[:]\n    pivot = arr[len(arr) // 2]\n"
             "    return merge_sort([x for x in arr if x < pivot]) + [x for x in arr if x == pivot] + merge_sort([x for x in arr if x > pivot])\n")
    merge = ("def merge_sort(a):\n    if len(a) < 2:\n        return a[:]\n    left, right = merge_sort(a[:len(a) // 2]), merge_sort(a[len(a) // 2:])\n"
             "    out, i, j = [], 0, 0\n    while i < len(left) and j < len(right):\n        if left[i] <= right[j]:\n            out.append(left[i])\n            i += 1\n"
             "        else:\n            out.append(right[j])\n            j += 1\n    return out + left[i:] + right[j:]\n")
    ask = "Implement merge sort: write `merge_sort(arr)` returning a new sorted list."
    assert check(ask, quick) == "the instruction asks for merge sort and the code never merges two sorted runs (a pivot partition is quicksort)"
    assert check(ask, merge) is None
    assert check(ask, "import heapq\n\ndef merge_sort(a):\n    if len(a) < 2:\n        return a\n    return list(heapq.merge(merge_sort(a[:len(a) // 2]), merge_sort(a[len(a) // 2:])))\n") is None

    cycle = "Given `head`, the head of a singly linked list, return True if it has a cycle. Your solution must use O(1) extra memory."
    seen = "def has_cycle(head):\n    visited = set()\n    while head:\n        if head in visited:\n            return True\n        visited.add(head)\n        head = head.next\n    return False\n"
    floyd = "def has_cycle(head):\n    slow = fast = head\n    while fast and fast.next:\n        slow, fast = slow.next, fast.next.next\n        if slow is fast:\n            return True\n    return False\n"
    assert check(cycle, seen) == "the instruction asks for 'O(1) extra memory' and the code keeps memory that grows with the input (visited)"
    assert check(cycle, floyd) is None
    evens = "def evens(xs):\n    out = []\n    for x in xs:\n        if x % 2 == 0:\n            out.append(x)\n    return out\n"
    assert check("Return the even numbers of a list using constant extra space besides the result.", evens) is None  # the result may grow


def test_blind17s_lessons_each_beside_the_row_that_is_kept():
    """A copy of the input under 'O(1) extra space', spaces dropped for 'ignoring punctuation', the
    rest of a class 'omitted here for brevity'."""
    missing = "Return the number missing from `nums` (n distinct numbers from [0, n]) using only O(1) extra space."
    assert check(missing, "def missing_number(nums):\n    expected = set(range(len(nums) + 1))\n    return (expected - set(nums)).pop()\n") == (
        "the instruction asks for 'O(1) extra space' and the code keeps memory that grows with the input (set(nums))")
    assert check(missing, "def missing_number(nums):\n    n = len(nums)\n    return n * (n + 1) // 2 - sum(nums)\n") is None
    assert check("Return the squares in sorted order, O(1) extra space besides the output.", "def squares(xs):\n    out = sorted([x * x for x in xs])\n    return out\n") is None

    ask = "Write a function that checks if a sentence is a palindrome, ignoring case, spaces and punctuation."
    spaces = "def is_palindrome(sentence):\n    cleaned = sentence.lower().replace(' ', '')\n    return cleaned == cleaned[::-1]\n"
    assert check(ask, spaces) == "the instruction asks to ignore punctuation ('ignoring case, spaces and punctuation') and nothing in the code drops a character"
    assert check(ask, spaces.replace(".replace(' ', '')", ".replace(' ', '').replace(',', '').replace('!', '')")) is None

    brief = ("class LinkedList:\n    def __init__(self):\n        self.head = None\n\n    def prepend(self, value):\n        self.head = (value, self.head)\n\n"
             "    # delete(), find() and __len__() follow the same pattern\n    # and are omitted here for brevity.\n")
    assert trivial(brief) == "trivial body: the code marks its work as not done ('# and are omitted here for brevity.')"
    assert trivial(brief.replace("are omitted here for brevity", "are below")) is None


def test_blind18s_lessons_each_beside_the_row_that_is_kept():
    """A fallback return one indent too deep, a ValueError asked for and caught, "in place" answered
    by a new list whose items were appended."""
    first_unique = "def first_unique(s):\n    for i, ch in enumerate(s):\n        if s.count(ch) == 1:\n            return i\n{fallback}"
    assert trivial(first_unique.format(fallback="        return -1\n")) == (
        "dead code: the loop at line 2 returns on its first pass (its last statement is a return), so it never reaches a second item")
    assert trivial(first_unique.format(fallback="    return -1\n")) is None
    for kept in ("def first(items):\n    for x in items:\n        return x\n",  # the first-item idiom
                 "def first_line(lines):\n    for line in lines:\n        if line.startswith('#'):\n            continue\n        if not line:\n            return None\n        return line\n",
                 "def f(rows):\n    for row in rows:\n        for x in row:\n            if x:\n                return x\n        return row\n"):
        assert trivial(kept) is None, kept

    parse = "Write `parse_rgb(text)` that turns '#ff8000' into an (r, g, b) tuple. It must raise ValueError if the input is not a valid '#RRGGBB' string."
    swallowed = "def parse_rgb(text):\n    try:\n        return tuple(int(text[i:i + 2], 16) for i in (1, 3, 5))\n    except ValueError:\n        return None\n"
    assert check(parse, swallowed) == "the instruction asks to raise ValueError and the code catches it and goes on instead"
    for kept in (swallowed.replace("return None", "raise ValueError(f'bad colour {text!r}')"),
                 swallowed.replace("        return None\n", "        return None\n    finally:\n        pass\n") + "\n\ndef strict(text):\n    if len(text) != 7:\n        raise ValueError(text)\n",
                 swallowed + "\n\ndef channel(text):\n    return int(text, 16)\n"):  # int() outside the try raises it
        assert check(parse, kept) is None, kept

    in_place = "Write a function that reverses a list in place: it must modify the list passed in and return None."
    appended = "def reverse_in_place(items):\n    result = []\n    for i in range(len(items) - 1, -1, -1):\n        result.append(items[i])\n    return result\n"
    assert check(in_place, appended) == "the instruction asks to change its argument in place and no function of the code changes any argument"
    assert check(in_place, "def reverse_in_place(items):\n    i, j = 0, len(items) - 1\n    while i < j:\n        items[i], items[j] = items[j], items[i]\n        i, j = i + 1, j - 1\n") is None
    assert check(in_place, "import random\n\ndef reverse_in_place(items):\n    swap_all(items)\n\ndef swap_all(xs):\n    xs[:] = xs[::-1]\n") is None


def test_blind19s_lessons_each_beside_the_row_that_is_kept():
    """Loops that never end, a dict of one shared list, a comparison passed as key, a sorted local
    thrown away, a dict unpacked as pairs, a task half done, and asks the code ignores: halves
    rounded up, a match anywhere, words split on any whitespace."""
    positions = "def char_positions(s, target):\n    out = []\n    i = 0\n    while i < len(s):\n        if s[i] == target:\n            out.append(i)\n{step}    return out\n"
    assert trivial(positions.format(step="            i += 1\n")).startswith("never ends: the while loop at line 4 (i < len(s)) can reach the end of its body without changing i, s")
    assert trivial(positions.format(step="        i += 1\n")) is None
    primes = "def primes(n):\n    out, c = [], 2\n    while c <= n:\n        if any(c % p == 0 for p in out):\n{skip}            continue\n        out.append(c)\n        c += 1\n    return out\n"
    assert "can reach a continue without changing c, n" in trivial(primes.format(skip=""))
    assert trivial(primes.format(skip="            c += 1\n")) is None
    assert trivial("def collapse(text):\n    while '  ' in text:\n        text.replace('  ', ' ')\n    return text\n").startswith("never ends")
    for ends in ("def collapse(text):\n    while '  ' in text:\n        text = text.replace('  ', ' ')\n    return text\n",
                 "def drain(q):\n    while q:\n        handle(q.popleft())\n",  # a call that may change q
                 "def read_all(f):\n    done = False\n    while not done:\n        line = f.readline()\n        if not line:\n            done = True\n",
                 "def gen(x):\n    while x is not None:\n        yield x\n",  # a generator: its consumer decides
                 "def find(xs, t):\n    i = 0\n    while i < len(xs):\n        if xs[i] == t:\n            return i\n        i += 1\n    return -1\n"):
        assert trivial(ends) is None, ends

    group = "def group(words):\n    groups = {make}\n    for w in words:\n        groups[w[0]].append(w)\n    return groups\n"
    assert trivial(group.format(make="dict.fromkeys({w[0] for w in words}, [])")).startswith("misused call: dict.fromkeys({w[0] for w in words}, []) (line 2) gives every key the same []")
    assert trivial(group.format(make="{w[0]: [] for w in words}")) is None
    assert trivial("def ordered(words):\n    return sorted(words, key=lambda a, b: len(a) - len(b))\n").startswith("misused call: sorted(..., key=lambda a, b:")
    assert trivial("def ordered(words):\n    return sorted(words, key=lambda w, n=0: len(w) + n)\n") is None
    unique = "def unique_sorted(text):\n    words = list(set(text.split()))\n    return words.sort()\n"
    assert trivial(unique) == "always an error: words.sort() (line 3) returns None, and the code keeps that None as its value"
    assert trivial("def sort_in_place(words):\n    return words.sort()\n") is None  # the caller's list, sorted on purpose maybe
    invert = "def invert(d: {annotation}) -> dict:\n    out = {{}}\n    for key, value in d{items}:\n        out.setdefault(value, []).append(key)\n    return out\n"
    assert "iterating a dict gives its keys" in trivial(invert.format(annotation="dict", items=""))
    assert trivial(invert.format(annotation="dict", items=".items()")) is None
    assert trivial(invert.format(annotation="Dict[Tuple[int, int], str]", items="").replace("def", "from typing import Dict, Tuple\n\ndef", 1)) is None
    det = "def det(m):\n    if len(m) == 1:\n        return m[0][0]\n    if len(m) == 2:\n        return m[0][0] * m[1][1] - m[0][1] * m[1][0]\n    raise NotImplementedError('larger matrices are not supported yet')\n"
    assert trivial(det) == "unfinished: det() raises NotImplementedError for part of the task"
    assert trivial("class Shape:\n    def area(self):\n        name = type(self).__name__\n        raise NotImplementedError(name)\n\n\nclass Square(Shape):\n    def __init__(self, s):\n        self.s = s\n\n    def area(self):\n        return self.s ** 2\n") is None
    assert trivial("def sudoku_ok(board):\n    return all(len(set(r)) == len(r) for r in board)\n    # the box check is left as an exercise\n").startswith("trivial body: the code marks its work as not done")

    halves = "Write `round_to(x, m)` rounding x to the nearest multiple of m. Exact halfway cases should round up (25 to the nearest 10 is 30)."
    assert check(halves, "def round_to(x, m):\n    return m * round(x / m)\n") == (
        "the instruction asks for 'halfway cases should round up' and the code calls round(), which rounds halves to even")
    assert check(halves, "def round_to(x, m):\n    return (x + m // 2) // m * m\n") is None
    phone = "Write `has_phone(text)` returning True if a number like 555-123-4567 appears anywhere in the given text."
    assert check(phone, "import re\n\ndef has_phone(text):\n    return re.match(r'\\d{3}-\\d{3}-\\d{4}', text) is not None\n").startswith("the instruction asks for a match 'appears anywhere in the given text'")
    assert check(phone, "import re\n\ndef has_phone(text):\n    return re.search(r'\\d{3}-\\d{3}-\\d{4}', text) is not None\n") is None
    words = "Write `word_count(text)` returning the number of words, where words are separated by any amount of whitespace (spaces, tabs or newlines)."
    assert check(words, "def word_count(text):\n    return len(text.split(' ')) if text else 0\n") == (
        "the instruction asks for words 'separated by any amount of whitespace' and the code splits on single spaces")
    assert check(words, "def word_count(text):\n    return len(text.split())\n") is None


def test_the_difference_of_two_datetimes_is_a_timedelta():
    from hfsynth.curate.python_ast import parse_python
    from hfsynth.curate.stdlib_objects import missing_method

    hours = ("from datetime import datetime\n\ndef hours_between(a, b):\n    fmt = '%Y-%m-%d %H:%M'\n"
             "    delta = datetime.strptime(b, fmt) - datetime.strptime(a, fmt)\n    return delta.{attr} * 24 + delta.seconds / 3600\n")
    assert missing_method(parse_python(hours.format(attr="day"))) == "delta.day (line 6): datetime.timedelta has no attribute 'day'"
    assert missing_method(parse_python(hours.format(attr="days"))) is None
    assert missing_method(parse_python("import datetime\n\ndef age(d):\n    return (datetime.date.today() - d).years\n")) is None  # d: anything
    assert missing_method(parse_python("from datetime import date\n\ndef gap(a, b):\n    return (date.fromisoformat(b) - date.fromisoformat(a)).day\n")).endswith(
        "datetime.timedelta has no attribute 'day'")


def test_ties_asked_to_keep_their_order():
    ask = "Sort (name, score) tuples by score, highest first. Players with equal scores must keep their original relative order."
    assert check(ask, "def rank(players):\n    return sorted(players, key=lambda p: (-p[1], p[0]))\n") == (
        "the instruction asks for ties to keep their order ('keep their original relative order') and its key lambda p: (-p[1], p[0]) breaks ties by another field")
    assert check(ask, "def rank(players):\n    return sorted(players, key=lambda p: p[1])[::-1]\n").endswith("reverses the sorted list, ties included")
    for stable in ("def rank(players):\n    return sorted(players, key=lambda p: -p[1])\n",
                   "def rank(players):\n    return sorted(players, key=lambda p: p[1], reverse=True)\n",
                   "def rank(players):\n    order = sorted(enumerate(players), key=lambda ip: (-ip[1][1], ip[0]))\n    return [p for _, p in order]\n"):
        assert check(ask, stable) is None, stable
    assert check("Sort (name, score) tuples by score, then by name.", "def rank(players):\n    return sorted(players, key=lambda p: (-p[1], p[0]))\n") is None


def test_blind20s_lessons_each_beside_the_row_that_is_kept():
    """Loops that stop moving (a bisection's ``lo = mid``, a search restarted on its own match, a float
    waited on for exact equality, recursion into one-letter strings), errors ordinary input raises
    (a new key added to with ``+=``, json.loads of a file, a 12-hour strptime of 24-hour times, dicts
    compared on a heap, a datetime minus a date, a string plus a sum), parts left out (an empty helper,
    a transfer that only checks, units and tags listed and never handled) and asks ignored."""
    bisect = "def lower_bound(items, target):\n    lo, hi = 0, len(items)\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if items[mid] < target:\n            lo = {step}\n        else:\n            hi = mid\n    return lo\n"
    assert trivial(bisect.format(step="mid")).startswith("never ends: the binary search at line 3 sets lo = mid (line 6) while lo < hi")
    assert trivial(bisect.format(step="mid + 1")) is None
    assert trivial(bisect.format(step="mid").replace("(lo + hi) // 2", "(lo + hi + 1) // 2").replace("hi = mid", "hi = mid - 1")) is None
    count = "def count_overlapping(text, sub):\n    count = start = 0\n    while True:\n        index = text.find(sub, start)\n        if index == -1:\n            return count\n        count += 1\n        start = {next}\n"
    assert "sets start = index, the match itself" in trivial(count.format(next="index"))
    assert trivial(count.format(next="index + 1")) is None
    newton = "def sqrt_newton(x):\n    guess = x or 1.0\n    while {test}:\n        guess = (guess + x / guess) / 2\n    return guess\n"
    assert trivial(newton.format(test="guess * guess != x")).startswith("never ends: the while loop at line 3 waits for guess * guess != x")
    assert trivial(newton.format(test="abs(guess * guess - x) > 1e-12")) is None
    flatten = "from collections.abc import Iterable\n\n\ndef deep_flatten(obj):\n    for item in obj:\n        if isinstance(item, Iterable) and not isinstance(item, {atomic}):\n            yield from deep_flatten(item)\n        else:\n            yield item\n"
    strings = "Write a generator that flattens nested iterables; strings are atomic."
    assert "never sets strings apart" in trivial(flatten.format(atomic="bytes"), strings)
    assert trivial(flatten.format(atomic="(str, bytes)"), strings) is None
    assert trivial(flatten.format(atomic="bytes"), "Flatten nested lists of numbers.") is None  # no strings in the data

    merge = "def merge(*inventories):\n    totals = {start}\n    for inventory in inventories:\n        for item, qty in inventory.items():\n            {add}\n    return totals\n"
    assert "totals is a plain dict (line 2) and nothing adds the key first" in trivial(merge.format(start="{}", add="totals[item] += qty"))
    assert trivial(merge.format(start="{}", add="totals[item] = totals.get(item, 0) + qty")) is None
    assert trivial(merge.format(start="Counter()", add="totals[item] += qty").replace("def", "from collections import Counter\n\n\ndef", 1)) is None
    assert trivial("def tally(words):\n    c = dict((w, 0) for w in words)\n    for w in words:\n        c[w] += 1\n    return c\n") is None
    load = "import json\n\n\ndef load_settings(path):\n    with open(path, encoding='utf-8') as f:\n        data = json.{call}\n    return data.get('settings', {{}})\n"
    assert "passes an open file where json.loads reads a string" in trivial(load.format(call="loads(f)"))
    assert trivial(load.format(call="load(f)")) is None and trivial(load.format(call="loads(f.read())")) is None
    stamp = "from datetime import datetime\n\n\ndef parse_timestamp(s):\n    return datetime.strptime(s, '{fmt}')\n"
    assert "%I is the 12-hour clock and there is no %p" in trivial(stamp.format(fmt="%Y-%m-%d %I:%M"))
    assert trivial(stamp.format(fmt="%Y-%m-%d %H:%M")) is None and trivial(stamp.format(fmt="%I:%M %p")) is None
    shown = "from datetime import datetime\n\n\ndef format_order_time(dt):\n    return dt.strftime('{fmt}')\n"  # blind38
    assert "%I is the 12-hour clock and there is no %p, so 09:30 and 21:30 print alike" in trivial(shown.format(fmt="%Y-%m-%d %I:%M"))
    assert trivial(shown.format(fmt="%Y-%m-%d %H:%M")) is None and trivial(shown.format(fmt="%I:%M %p")) is None
    heap = "import heapq\n\n\ndef schedule(jobs):\n    heap = [{entry} for i, job in enumerate(jobs)]\n    heapq.heapify(heap)\n    return [heapq.heappop(heap)[-1]['name'] for _ in range(len(heap))]\n"
    assert "heapq compares the dicts (job)" in trivial(heap.format(entry="(job['priority'], job)"))
    assert trivial(heap.format(entry="(job['priority'], i, job)")) is None
    since = "from datetime import date, datetime\n\n\ndef days_since(iso):\n    then = date.fromisoformat(iso)\n    return ({now} - then).days\n"
    assert "mixes a datetime and a date, which raises TypeError" in trivial(since.format(now="datetime.now()"))
    assert trivial(since.format(now="date.today()")) is None
    scores = "def format_scores(scores):\n    body = ', '.join(f'{{n}}: {{s}}' for n, s in scores.items())\n    total = sum(scores.values())\n    return body + ' | total: ' + {total}\n"
    assert trivial(scores.format(total="total")).endswith("a string plus a number raises TypeError")
    assert trivial(scores.format(total="str(total)")) is None

    schema = ("def _missing(record, schema):\n    return [f'missing: {f}' for f in schema if f not in record]\n\n\n"
              "def _unexpected(record, schema):\n    return {unexpected}\n\n\ndef validate(record, schema):\n    return _missing(record, schema) + _unexpected(record, schema)\n")
    assert trivial(schema.replace("{unexpected}", "[]")).startswith("unfinished: _unexpected answers an empty result whatever its arguments")
    assert trivial(schema.replace("{unexpected}", "[f'unexpected: {f}' for f in record if f not in schema]")) is None
    account = ("class Account:\n    def __init__(self):\n        self.balance = 0\n\n    def transfer(self, amount, other):\n        self._check(amount)\n{move}\n"
               "    def _check(self, amount):\n        if amount > self.balance:\n            raise ValueError('insufficient funds')\n")
    assert trivial(account.format(move="")) == "unfinished: Account.transfer only checks its arguments and never does what its name says"
    assert trivial(account.format(move="        self.balance -= amount\n        other.balance += amount\n")) is None
    units = "Write `to_seconds(spec)` for durations such as '1h30m' (units d, h, m and s)."
    seconds = "import re\n\nUNITS = {{{units}}}\n\n\ndef to_seconds(spec):\n    return sum(int(n) * UNITS[u] for n, u in re.findall(r'(\\d+)([{letters}])', spec))\n"
    assert check(units, seconds.format(units="'d': 86400, 'h': 3600, 'm': 60", letters="dhm")) == "the instruction asks for the unit 's' and the code leaves it out"
    assert check(units, seconds.format(units="'d': 86400, 'h': 3600, 'm': 60, 's': 1", letters="dhms")) is None
    markdown = "Write `render(text)` where **bold** and *italic* spans become <strong> and <em>."
    html = "import re\n\n\ndef render(text):\n    text = re.sub(r'\\*\\*(.+?)\\*\\*', r'<strong>\\1</strong>', text)\n{italic}    return text\n"
    assert check(markdown, html.format(italic="")) == "the instruction asks for the tag <em> and the code leaves it out"
    assert check(markdown, html.format(italic="    text = re.sub(r'\\*(.+?)\\*', r'<em>\\1</em>', text)\n")) is None

    sentences = "Write `capitalize_sentences(text)` that uppercases the first letter of every sentence and leaves every other character unchanged."
    cap = "import re\n\n\ndef capitalize_sentences(text):\n    parts = re.split(r'([.!?]\\s+)', text)\n    return ''.join({fix} for p in parts)\n"
    assert "p.capitalize() (line 6) lowercases every letter after the first" in check(sentences, cap.format(fix="p.capitalize()"))
    assert check(sentences, cap.format(fix="p[:1].upper() + p[1:]")) is None
    port = "Write `parse_port(value)` that raises ValueError if the string is not an integer or if it is outside the range 1-65535."
    ported = "def parse_port(value):\n    port = int(value)\n{check}    return {result}\n"
    assert check(port, ported.format(check="", result="max(1, min(port, 65535))")).startswith("the instruction asks to raise for a value out of range and max(1, min(port, 65535))")
    assert check(port, ported.format(check="    if not 1 <= port <= 65535:\n        raise ValueError(port)\n", result="port")) is None
    assert contradicted_return("Write `group_by_length(words)` that returns a dict mapping each length to its words.",
                               "def group_by_length(words):\n    return sorted(words, key=len)\n") == "group_by_length returns a list where the instruction says it returns a dictionary"


def test_blind21s_lessons_each_beside_the_row_that_is_kept():
    """A search restarted where it found, a value recomputed from what never changes (``ch = s[i]``,
    ``candidate = d + timedelta(days=1)``), the len() of a groupby group, and a dict second in a heap's tuples."""
    count = "def count_overlapping(text, sub):\n    count = 0\n    pos = text.find(sub)\n    while pos != -1:\n        count += 1\n        pos = text.find(sub, {start})\n    return count\n"
    assert "sets pos = ...find(..., pos)" in trivial(count.format(start="pos"))
    assert trivial(count.format(start="pos + 1")) is None
    tokens = ("def tokens(s):\n    out, i, n = [], 0, len(s)\n    while i < n:\n        ch = s[i]\n        if ch.isalpha():\n            j = i\n"
              "            while j < n and s[j].isalpha():\n                j += 1\n            out.append(s[i:j])\n            i = j\n        else:\n{skip}            continue\n    return out\n")
    assert trivial(tokens.format(skip="")).startswith("never ends: the while loop at line 3 (i < n) can reach a continue without changing i, n")
    assert trivial(tokens.format(skip="            i += 1\n")) is None
    business = ("from datetime import timedelta\n\n\ndef next_business_day(d, holidays=frozenset()):\n    candidate = d + timedelta(days=1)\n"
                "    while candidate.weekday() >= 5 or candidate in holidays:\n        candidate = {step} + timedelta(days=1)\n    return candidate\n")
    assert trivial(business.format(step="d")).startswith("never ends: the while loop at line 6")
    assert trivial(business.format(step="candidate")) is None
    streak = "from itertools import groupby\n\n\ndef longest_streak(results):\n    return max((len({group}) for r, g in groupby(results) if r == 'W'), default=0)\n"
    assert trivial(streak.format(group="g")).endswith("a generator or iterator has no len()")
    assert trivial(streak.format(group="list(g)")) is None
    queue = ("import heapq\nimport itertools\n\n\nclass TaskQueue:\n    def __init__(self):\n        self._heap, self._count = [], itertools.count()\n\n"
             "    def push(self, task: dict, priority: int):\n        heapq.heappush(self._heap, {entry})\n")
    assert "heapq compares the dicts (task)" in trivial(queue.format(entry="(priority, task, next(self._count))"))
    assert trivial(queue.format(entry="(priority, next(self._count), task)")) is None


def test_a_graph_walk_that_never_asks_what_it_has_seen_never_ends():
    bfs = ("from collections import deque\n\n\ndef reachable(graph, start):\n    seen = {{start}}\n    queue = deque([start])\n    while queue:\n"
           "        node = queue.popleft()\n        for n in graph.get(node, ()):\n{body}    return seen\n")
    ask = "Given an undirected graph as an adjacency dict, return the set of nodes reachable from start using BFS."
    assert "puts every neighbour back on queue without asking whether it was seen" in trivial(bfs.format(body="            seen.add(n)\n            queue.append(n)\n"), ask)
    assert trivial(bfs.format(body="            if n not in seen:\n                seen.add(n)\n                queue.append(n)\n"), ask) is None
    assert trivial(bfs.format(body="            seen.add(n)\n            queue.append(n)\n"), "Return every node of a tree, level by level.") is None  # a tree has no cycles
    kahn = ("from collections import deque\n\n\ndef topo(graph, indegree):\n    queue = deque(n for n, d in indegree.items() if d == 0)\n    order = []\n"
            "    while queue:\n        node = queue.popleft()\n        order.append(node)\n        for t in graph.get(node, []):\n            indegree[t] -= 1\n"
            "            if indegree[t] == 0:\n                queue.append(t)\n    return order\n")
    assert trivial(kahn, "Sort the graph's tasks topologically; raise ValueError if the graph has a cycle.") is None  # appended only at indegree 0


def test_more_classic_tasks_are_probed_only_as_asked():
    from hfsynth.curate.known_tasks import known_task, known_task_claims

    matmul = "def matmul(a, b):\n    return a\n"
    assert known_task("Multiply two matrices given as lists of lists; do not use numpy.", matmul)[0].label == "two matrices multiplied"
    assert known_task("Multiply two matrices with numpy.", matmul) is None
    assert known_task("Multiply two matrices element-wise.", matmul) is None
    hamming = "def hamming(a, b):\n    return 0\n"
    assert known_task("Return the Hamming distance between two strings of equal length.", hamming) is not None
    assert known_task("Return the Hamming distance between two integers (the bits that differ).", hamming) is None
    for twist in ("Return the k-th largest distinct value.", "Return the k-th largest element, k counted from 0 (0-indexed)."):
        assert known_task(twist, "def kth_largest(nums, k):\n    return nums[k]\n") is None, twist
    assert known_task("Return the edit distance between two strings; substitutions cost 2.", "def d(a, b):\n    return 0\n") is None
    assert known_task("Return the edit distance between two strings; every operation costs 1.", "def d(a, b):\n    return 0\n") is not None
    primes = "def primes(n):\n    return []\n"
    assert known_task("Return all primes below n using the sieve of Eratosthenes.", primes) is not None
    assert known_task("Count the primes below n.", primes) is None
    assert known_task("Return the running sums of a list, starting with 0 (n + 1 values).", "def run(xs):\n    return xs\n") is None
    spiral = "def spiral(m):\n    return []\n"
    assert known_task("Return the elements of a matrix in spiral order.", spiral) is not None
    assert known_task("Return the elements of a matrix in counter-clockwise spiral order.", spiral) is None
    assert known_task("Generate an n x n matrix filled in spiral order.", spiral) is None
    brackets = "def ok(s):\n    return True\n"
    assert len(known_task_claims("Check whether the brackets (), [] and {} in a string are balanced.", brackets)) == 9
    only_round = known_task_claims("Check whether the parentheses in a string are balanced.", brackets)
    assert only_round and all("[" not in source and "{" not in source for source, *_ in only_round)  # round ones only: the others may count as text
    assert known_task("Return the minimum number of parentheses to add to make a string balanced.", brackets)[0].label == "parentheses to add for a valid string"
    caesar = "def caesar(text, shift):\n    return text\n"
    assert known_task_claims("Encrypt text with a Caesar cipher of the given shift.", caesar)[0][0] == "caesar('abc', 3)"
    assert known_task_claims("Encrypt text with a Caesar cipher of the given shift.", "def caesar(a, b):\n    return a\n") == []  # which is the shift: not said
    assert known_task("Decrypt a Caesar cipher by brute force.", caesar) is None
    assert known_task_claims("Convert a spreadsheet column title like 'AB' to its column number.", "def column_number(n: int) -> str:\n    return ''\n") == []  # a number's parameter: not probed with titles


def test_keys_and_endings_an_instruction_quotes_must_be_in_the_code():
    summary = "def summarize(values):\n    return {{'count': len(values), 'min': min(values), 'max': max(values){more}}}\n"
    ask = "Write `summarize(values)` that returns a dict with the keys 'count', 'min', 'max' and 'median'."
    assert missing_part(ask, summary.format(more="")) == "the key 'median' of the dict it returns"  # blind22
    assert missing_part(ask, summary.format(more=", 'median': sorted(values)[len(values) // 2]")) is None
    assert missing_part(ask, "def summarize(values):\n    return dict(count=len(values), min=min(values), max=max(values), median=values[0])\n") is None
    groups = "import re\n\ndef parse(line):\n    m = re.match(r'(?P<count>\\d+) (?P<min>\\d+) (?P<max>\\d+) (?P<median>\\d+)', line)\n    return m.groupdict()\n"
    assert missing_part(ask, groups) is None  # the regex's named groups are the keys
    assert missing_part("Return a dict with keys `date` and `level`, or `None` when the line does not match.", groups.replace("count", "date").replace("min", "level")) is None
    assert missing_part("Given records (dicts with keys 'name', 'age' and 'city'), return the names.", "def names(rs):\n    return [r['name'] for r in rs]\n") is None  # the input's keys
    plural = "def pluralize(noun):\n    '''ch, sh, x and z take es'''\n    if noun.endswith({endings}):\n        return noun + 'es'\n    return noun + 's'\n"
    ask = "Write `pluralize(noun)`: nouns ending in 's', 'x', 'z', 'ch' or 'sh' add 'es'; all other nouns add 's'."
    assert missing_part(ask, plural.format(endings="'s'")) == "the ending 'x'"  # the docstring's words do not count
    assert missing_part(ask, plural.format(endings="('s', 'x', 'z', 'ch', 'sh')")) is None
    assert missing_part(ask.replace("nouns ending", "for example nouns ending"), plural.format(endings="'s'")) is None  # an example


def test_stated_bounds_and_a_length_limit_the_code_must_keep():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Write `parse_port(value)` that strips whitespace and raises ValueError unless the result is an integer in the range 1-65535."
    port = "def parse_port(value):\n    n = int(value.strip())\n{check}    return n\n"
    assert ignored_requirement(ask, port.format(check="")) == "the instruction asks to raise outside 1-65535 and the code never compares with 65535"  # blind22
    for check in ("    if not 1 <= n <= 65535:\n        raise ValueError(n)\n", "    if n not in range(1, 2 ** 16):\n        raise ValueError(n)\n",
                  "    if n < 1 or n > 0xFFFF:\n        raise ValueError(n)\n"):
        assert ignored_requirement(ask, port.format(check=check)) is None, check
    assert ignored_requirement(ask, port.format(check="    if n > 65535:\n        raise ValueError(n)\n")) == "the instruction asks to raise outside 1-65535 and the code never compares with 1"
    month = "from datetime import date\n\ndef first_day(year, month):\n    return date(year, month, 1)\n"
    assert ignored_requirement("Raise ValueError unless month is between 1 and 12.", month) is None  # date() checks it
    ask = "Write `truncate(text, limit)` so the result is at most `limit` characters in total; when it cuts, it ends with '...'."
    cut = "def truncate(text, limit):\n    if len(text) <= limit:\n        return text\n    return {result}\n"
    assert ignored_requirement(ask, cut.format(result="text[:limit].rstrip() + '...'")).endswith("keeps limit characters and adds '...' after them")  # blind22
    assert ignored_requirement(ask, cut.format(result="f'{text[:limit]}...'")) is not None
    assert ignored_requirement(ask, cut.format(result="text[:limit - 3] + '...'")) is None
    assert ignored_requirement(ask, cut.format(result="text[:limit]")) is None


def test_every_date_format_the_instruction_names_is_spelled_for_strptime():
    ask = "Write `parse_date(text)` that returns a `datetime.date` from either ISO format 'YYYY-MM-DD' or European format 'DD/MM/YYYY'."
    one = "from datetime import datetime\n\ndef parse_date(text):\n    return datetime.strptime(text, '%Y-%m-%d').date()\n"
    assert missing_part(ask, one) == "the date format 'DD/MM/YYYY' ('%d/%m/%Y')"  # blind22
    both = "from datetime import date, datetime\n\ndef parse_date(text):\n    try:\n        return date.fromisoformat(text)\n    except ValueError:\n        return datetime.strptime(text, '%d/%m/%Y').date()\n"
    assert missing_part(ask, both) is None
    split = "from datetime import date\n\ndef parse_date(text):\n    if '/' in text:\n        d, m, y = map(int, text.split('/'))\n        return date(y, m, d)\n    return date.fromisoformat(text)\n"
    assert missing_part(ask, split) is None  # read without format strings: not judged


def test_unit_abbreviations_an_instruction_lists_must_each_be_handled():
    ask = "Write `convert_length(value, from_unit, to_unit)` between the units mm, cm, m, km, in, ft and mi."
    table = "TO_METRES = {{{units}}}\n\ndef convert_length(value, from_unit, to_unit):\n    return value * TO_METRES[from_unit] / TO_METRES[to_unit]\n"
    assert missing_part(ask, table.format(units="'mm': 0.001, 'cm': 0.01, 'm': 1.0, 'km': 1000.0")) == "the unit 'in'"  # blind21
    every = "'mm': 0.001, 'cm': 0.01, 'm': 1.0, 'km': 1000.0, 'in': 0.0254, 'ft': 0.3048, 'mi': 1609.344"
    assert missing_part(ask, table.format(units=every)) is None
    assert missing_part("Convert between units mm, cm and so on.", table.format(units="'mm': 0.001, 'cm': 0.01")) is None  # prose, not units


def test_blind23s_misused_calls():
    find = "def mentions(message, keyword):\n    return bool(message.lower().find(keyword.lower()))\n"
    assert "is read as true or false: -1 (not found) is true" in trivial(find)  # blind23
    assert trivial("def known(working_set, req):\n    return bool(working_set.find(req))\n") is None  # a library's own find() (pkg_resources)
    assert trivial(find.replace("bool(message.lower().find(keyword.lower()))", "message.lower().find(keyword.lower()) != -1")) is None
    pages = "class Paginator:\n    def __init__(self, items, per_page):\n        self.items, self.per_page = list(items), per_page\n\n    @property\n    def num_pages(self):\n        return {count}\n"
    assert "counts one page too many" in trivial(pages.format(count="len(self.items) // self.per_page + 1"))  # blind23
    assert trivial(pages.format(count="-(-len(self.items) // self.per_page)")) is None
    assert trivial("def middle(xs):\n    return len(xs) // 2 + 1\n") is None  # not a count of pages
    assert trivial("def page_of(index, per_page):\n    return index // per_page + 1\n") is None  # an item's page number, counted from 1
    roster = ("from itertools import groupby\n\nclass Roster:\n    def __init__(self):\n        self.people = []\n{sort}\n"
              "    def by_team(self):\n        return {{t: list(g) for t, g in groupby(self.people, key=lambda p: p[1])}}\n")
    assert "self.people is never sorted" in trivial(roster.format(sort=""))  # blind23
    assert trivial(roster.format(sort="\n    def hire(self, p):\n        self.people.append(p)\n        self.people.sort(key=lambda p: p[1])\n")) is None
    merged = "def with_overrides(config, overrides):\n    result = {copy}\n    for section, options in overrides.items():\n        result.setdefault(section, {{}}).update(options)\n    return result\n"
    assert "result is a shallow copy of config" in trivial(merged.format(copy="config.copy()"))  # blind23
    assert trivial(merged.format(copy="{k: dict(v) for k, v in config.items()}")) is None


def test_blind23s_quoted_lists_time_units_and_order():
    from hfsynth.curate.stated_requirements import ignored_requirement

    flags = "TRUE = {{{true}}}\nFALSE = {{'false', 'no', 'off', '0'}}\n\ndef parse_bool(value):\n    v = value.strip().lower()\n    if v in TRUE:\n        return True\n    if v in FALSE:\n        return False\n    raise ValueError(value)\n"
    ask = "Write `parse_bool(value)`: accept 'true', 'yes', 'on' and '1' as True and 'false', 'no', 'off' and '0' as False."
    assert missing_part(ask, flags.format(true="'true', 'yes', '1'")) == "the string 'on'"  # blind23
    assert missing_part(ask, flags.format(true="'true', 'yes', 'on', '1'")) is None
    commands = "def handle(command):\n    match command.split():\n        case ['go', d]:\n            return d\n        case ['look']:\n            return 'look'\n        case ['quit']:\n            return 'bye'\n"
    assert missing_part('Interpret text commands such as "go north", "look" and "quit".', commands) is None  # inputs shown (blind7)
    assert missing_part("Split names like 'Ann Lee', 'Bo Chan' and 'Cy Ng' into first and last.", "def split(name):\n    return name.split(' ', 1)\n\nprint(split('Ann Lee'), split('Bo Chan'))\n") is None  # inputs
    humanize = "def humanize(total):\n    {days}hours, rest = divmod(total, 3600)\n    minutes, seconds = divmod(rest, 60)\n    return f'{{hours}} hours, {{minutes}} minutes and {{seconds}} seconds'\n"
    ask = "Write `humanize(total)` giving a phrase using days, hours, minutes and seconds."
    assert missing_part(ask, humanize.format(days="")) == "the unit 'days'"  # blind23
    assert missing_part(ask, humanize.format(days="days, total = divmod(total, 86400)\n    ")) is None
    ask = "Write `unique_tags(tags)` that drops case-insensitive duplicates and returns the tags in the order of their first occurrence."
    tags = "def unique_tags(tags):\n    seen = {{}}\n    for t in tags:\n        seen.setdefault(t.lower(), t)\n    return {result}\n"
    assert ignored_requirement(ask, tags.format(result="sorted(seen.values())")).startswith("the instruction asks for items 'in the order of their first occurrence'")  # blind23
    assert ignored_requirement(ask, tags.format(result="list(seen.values())")) is None
    assert ignored_requirement(ask + " Sort them alphabetically.", tags.format(result="sorted(seen.values())")) is None
    pairs = "def parse_pairs(s):\n    out = {}\n    for seg in s.split(';'):\n        if '=' not in seg:\n            continue\n        k, v = seg.split('=', 1)\n        out[k] = v\n    return out\n"
    ask = "Parse 'a=1;b=2' into a dict. Empty segments are skipped, but a segment without '=' must raise ValueError."
    assert ignored_requirement(ask, pairs) == "the instruction asks to raise ValueError and the code never does"  # blind23: "without '=' must" is no negation of the raise
    assert ignored_requirement("Parse 'a=1;b=2' into a dict; it must not raise ValueError.", pairs) is None


def test_capital_codes_and_a_rule_for_the_first_or_last_word():
    from hfsynth.curate.stated_requirements import ignored_requirement

    cart = "CODES = {{{codes}}}\n\ndef total(amount, code=None):\n    return round(amount * (1 - CODES.get((code or '').upper(), 0)), 2)\n"
    ask = "Write `total(amount, code)`: 'SAVE10' takes 10% off, 'HALF' takes 50% off and 'FLAT5' subtracts 5."
    assert missing_part(ask, cart.format(codes="'SAVE10': 0.1, 'HALF': 0.5")) == "the string 'FLAT5'"  # blind23
    assert missing_part(ask, cart.format(codes="'SAVE10': 0.1, 'HALF': 0.5, 'FLAT5': 0")) is None
    headline = ("SMALL = {{'a', 'of', 'the'}}\n\ndef headline(title):\n    words = title.lower().split()\n"
                "    return ' '.join(w if w in SMALL and {keep} else w.capitalize() for i, w in enumerate(words))\n")
    ask = "Capitalize every word except 'a', 'of' and 'the', unless the small word is the first or the last word."
    assert ignored_requirement(ask, headline.format(keep="i != 0")).endswith("tests the first position (i != 0, line 5) and never the last")  # blind23
    assert ignored_requirement(ask, headline.format(keep="0 < i < len(words) - 1")) is None


def test_classic_tasks_of_the_older_sets_kept_junk_are_probed_only_as_asked():
    from hfsynth.curate.known_tasks import known_task

    coins = "def min_coins(coins, amount):\n    return 0\n"
    assert known_task("Return the minimum number of coins that make up the amount.", coins)[0].label == "the fewest coins for an amount"
    assert known_task("Return the number of ways to make up the amount with the coins.", coins) is None
    count = "def count(s, sub):\n    return 0\n"
    assert known_task("Count the occurrences of sub in s, including overlapping ones.", count) is not None
    assert known_task("Count the non-overlapping occurrences of sub in s.", count) is None
    grid = "def islands(grid):\n    return 0\n"
    assert known_task("Given a grid of '1's and '0's, return the number of islands.", grid) is not None
    assert known_task("Given a grid of 1s and 0s (integers), return the number of islands.", grid) is None  # the cells' kind: not said as strings
    assert known_task("Given a grid of '1's and '0's, return the number of islands; diagonal neighbours join too.", grid) is None
    birthday = "def days_until_birthday(birthday, today):\n    return 0\n"
    assert known_task("Write `days_until_birthday(birthday, today)`.", birthday) is not None
    assert known_task("Write `days_until_birthday(birthday, today)`; treat Feb 29 birthdays as Mar 1 in non-leap years.", birthday) is None
    assert known_task("Find the length of the longest common **substring** of two strings.", "def lcs(a, b):\n    return 0\n") is not None  # emphasis read through


def test_blind24s_lessons():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ago = "def time_ago(s):\n    if s < 60:\n        return 'just now'\n    if s < 3600:\n        return f'{{s // 60}} minutes ago'\n{days}    return f'{{s // 3600}} hours ago'\n"
    ask = 'Write `time_ago(seconds)`: under 60 seconds "just now", under an hour "N minutes ago", under a day "N hours ago", else "N days ago".'
    assert missing_part(ask, ago.format(days="")) == "the phrase 'N days ago'"
    assert missing_part(ask, ago.format(days="    if s >= 86400:\n        return f'{s // 86400} days ago'\n")) is None  # the days' line is not a format string
    cart = "class Cart:\n    def __init__(self):\n        self.lines = {{}}\n\n    def remove(self, name, qty=None):\n        {body}\n"
    ask = "Write a `Cart` class with `remove(name, qty=None)` that takes away `qty` units, or the whole line when `qty` is None."
    assert missing_part(ask, cart.format(body="del self.lines[name]")) == "the parameter qty of remove() (never read)"
    assert missing_part(ask, cart.format(body="if qty is None:\n            del self.lines[name]")) is None
    assert missing_part(ask, cart.format(body="raise NotImplementedError")) is None  # a stub
    assert "is read as true or false" in trivial("def mentions_any(text, keys):\n    return any(text.lower().find(k) for k in keys)\n")
    bmi = "def bmi(w, h):\n    return {result}\n"
    ask = "Write `bmi(weight_kg, height_m)` that returns the body-mass index rounded to one decimal place."
    assert ignored_requirement(ask, bmi.format(result="w / h ** 2")).endswith("the code never rounds (no round(), quantize or precision in a format)")
    for fine in ("round(w / h ** 2, 1)", "float(f'{w / h ** 2:.1f}')"):
        assert ignored_requirement(ask, bmi.format(result=fine)) is None, fine
    board = "def top(scores, n):\n    return sorted(scores.items(), key={key}, reverse=True)[:n]\n"
    ask = "Return the n best (player, total) pairs, by total descending, with ties broken alphabetically by player name."
    assert "orders by a single field" in ignored_requirement(ask, board.format(key="lambda item: item[1]"))
    assert ignored_requirement(ask, board.format(key="lambda item: (-item[1], item[0])").replace(", reverse=True", "")) is None
    clock = "def to_minutes(hhmm):\n    h, m = map(int, hhmm.split(':'))\n{check}    return h * 60 + m\n"
    ask = "Write `to_minutes(hhmm)`, raising ValueError if the hours are not 0-23 or the minutes are not 0-59."
    assert ignored_requirement(ask, clock.format(check="")) == "the instruction asks to raise outside 0-23 and the code never compares with 23"
    assert ignored_requirement(ask, clock.format(check="    if not (0 <= h <= 23 and 0 <= m <= 59):\n        raise ValueError(hhmm)\n")) is None
    depth = "def max_depth(obj):\n    if isinstance(obj, list):\n        return 1 + max((max_depth(v) for v in obj), default=0)\n    return 0\n"
    assert ignored_requirement("Write `max_depth(obj)`. Implement it iteratively with an explicit stack instead of recursion.", depth).startswith("the instruction forbids recursion")


def test_blind25s_lessons():
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.stated_requirements import ignored_requirement

    queue = "import heapq\n\nclass PQ:\n    def __init__(self):\n        self.h, self.n = [], 0\n\n    def push(self, item, priority):\n        heapq.heappush(self.h, {entry})\n        self.n += 1\n"
    ask = "Implement a priority queue; items with equal priority must come out in the order they were pushed (FIFO)."
    assert "compares the items themselves" in ignored_requirement(ask, queue.format(entry="(priority, item)"))
    assert ignored_requirement(ask, queue.format(entry="(priority, self.n, item)")) is None
    rooms = "class Room:\n    def __init__(self):\n        self.b = []\n\n    def free(self, start, end):\n        return not any({test} for b_start, b_end in self.b)\n"
    ask = "Bookings are half-open intervals [start, end); back-to-back bookings are allowed."
    assert "counts intervals that only touch" in ignored_requirement(ask, rooms.format(test="start <= b_end and b_start <= end"))  # blind25
    assert ignored_requirement(ask, rooms.format(test="start < b_end and b_start < end")) is None
    caesar = "def caesar(text, shift):\n    return text\n"
    assert known_task("Write `caesar(text, shift)`, preserving upper and lower case; negative shifts must work too.", caesar) is not None
    assert known_task("Write `caesar(text, shift)` for lowercase letters only.", caesar) is None
    assert known_task("Write `split_into_batches(items, batch_size)` that splits a list into consecutive batches of `batch_size` items each.", "def split_into_batches(items, batch_size):\n    return []\n") is not None
    assert known_task("Return the longest increasing subsequence itself, not its length.", "def lis(xs):\n    return xs\n") is None


def test_blind27s_lessons():
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    in_range = "def in_range(products, low, high):\n    return [p['name'] for p in products if {test}]\n"
    ask = "Write `in_range(products, low, high)` returning the names of products whose price is between `low` and `high` inclusive."
    assert "leaves the bound out" in ignored_requirement(ask, in_range.format(test="low < p['price'] < high"))
    assert ignored_requirement(ask, in_range.format(test="low <= p['price'] <= high")) is None
    assert ignored_requirement(ask.replace(" inclusive", ""), in_range.format(test="low < p['price'] < high")) is None  # not asked
    cost = "import math\n\ndef cost(kg):\n    return 9.99 + 1.5 * math.{way}(kg - 5) if kg > 5 else 9.99\n"
    ask = "Parcels over 5 kg cost 9.99 plus 1.50 for every started kilogram above 5 kg."
    assert "rounds down" in ignored_requirement(ask, cost.format(way="floor"))
    assert ignored_requirement(ask, cost.format(way="ceil")) is None
    common = "def common_words(a, b):\n    return sorted(set(a.split()) {op} set(b.split()))\n"
    ask = "Write `common_words(a, b)` returning the sorted words that appear in both texts."
    assert "never intersects" in ignored_requirement(ask, common.format(op="|"))
    assert ignored_requirement(ask, common.format(op="&")) is None
    conflict = "def has_conflict(existing, new):\n    s, e = new\n    return any({test} for start, end in existing)\n"
    ask = "Return True if the new booking overlaps any existing one."
    assert "misses one that contains it" in ignored_requirement(ask, conflict.format(test="start <= s < end or start < e <= end"))
    assert ignored_requirement(ask, conflict.format(test="start <= s < end or s <= start < e")) is None  # each inside the other: right
    assert ignored_requirement(ask, conflict.format(test="s < end and start < e")) is None
    merge = "def merge_streams(*streams):\n    return sorted([entry for stream in streams for entry in stream]{key})\n"
    ask = "Each stream is a list of (timestamp, message) tuples; for equal timestamps keep entries from earlier streams first."
    assert "sorts by the whole item" in ignored_requirement(ask, merge.format(key=""))
    assert ignored_requirement(ask, merge.format(key=", key=lambda entry: entry[0]")) is None
    age = "def parse_age(text):\n    value = int(text)\n    if value < 0{more}:\n        raise ValueError(text)\n    return value\n"
    ask = "Write `parse_age(text)`; raise ValueError if the value is outside the range 0-150."
    assert "never compares with 150" in ignored_requirement(ask, age.format(more=""))
    assert ignored_requirement(ask, age.format(more=" or value > 150")) is None
    ipv4 = "def valid_octets(parts):\n    return all(p.isdigit(){more} for p in parts)\n"
    ask = "Write `valid_octets(parts)` that returns True when every part is a decimal number between 0 and 255."
    assert "bounds what is valid by 0-255" in ignored_requirement(ask, ipv4.format(more=""))
    assert ignored_requirement(ask, ipv4.format(more=" and int(p) <= 255")) is None
    assert known_task("Write `is_valid_ipv4(address)` that returns True for dotted-quad IPv4 addresses, with no signs or whitespace.", "def is_valid_ipv4(address):\n    return True\n") is not None
    visitors = "from collections import defaultdict\n\ndef visitors(events):\n    per_day = defaultdict({kind})\n    for day, user in events:\n        {count}\n    return dict(per_day)\n"
    ask = "Return a dict mapping each date to the number of distinct users seen that day."
    assert "never tells one item from another" in wrong_operation(ask, visitors.format(kind="int", count="per_day[day] += 1"))  # blind27
    assert wrong_operation(ask, visitors.format(kind="set", count="per_day[day].add(user)")) is None
    last = "import calendar\nfrom datetime import date\n\ndef last_business_day(year, month):\n    d = date(year, month, calendar.monthrange(year, month)[1])\n{walk}    return d\n"
    ask = "Write `last_business_day(year, month)` returning the last Monday-to-Friday day of the month."
    assert "day of the week" in wrong_operation(ask, last.format(walk=""))
    assert wrong_operation(ask, last.format(walk="    while d.weekday() >= 5:\n        d = d.replace(day=d.day - 1)\n")) is None
    tokens = "import re\n\ndef tokens(text):\n    return {{'hashtags': re.findall(r'#(\\w+)', text), 'mentions': re.findall(r'@(\\w+)', text){more}}}\n"
    ask = 'Write `tokens(text)` returning a dict with three keys: "hashtags" (words after "#"), "mentions" (names after "@") and "urls" (http links).'
    assert missing_part(ask, tokens.format(more="")) == "the key 'urls' of the dict it returns"
    assert missing_part(ask, tokens.format(more=", 'urls': re.findall(r'https?://\\S+', text)")) is None
    convert = "def convert(value, src, dst):\n    table = {{'C': 0, 'F': 1{more}}}\n    return table[src] + table[dst] + value\n"
    ask = 'Write `convert(value, src, dst)` between Celsius ("C"), Fahrenheit ("F") and Kelvin ("K").'
    assert missing_part(ask, convert.format(more="")) == "the unit 'K'"
    assert missing_part(ask, convert.format(more=", 'K': 2")) is None
    parser = "def parse(argv):\n    return {a[2:].partition('=')[0]: a.partition('=')[2] or True for a in argv}\n"
    assert missing_part('Write `parse(argv)`: "--name=value" sets an option, a bare "--flag" sets True; this is a command-line parser.', parser) is None


def test_blind26s_lessons():
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    dedupe = "def dedupe(events):\n    by_id = {{}}\n    for event in events:\n{guard}        by_id[event['id']] = event\n    return list(by_id.values())\n"
    ask = "Write `dedupe(events)` that removes duplicate events by id. Keep the first occurrence of each id."
    assert "replace the first" in ignored_requirement(ask, dedupe.format(guard=""))
    assert ignored_requirement(ask, dedupe.format(guard="        if event['id'] in by_id:\n            continue\n")) is None
    assert ignored_requirement(ask.replace("Keep the first", "Keep the last"), dedupe.format(guard="")) is None
    merge = "def merge(bookings):\n    out = []\n    for s, e in {walk}:\n        if out and s <= out[-1][1]:\n            out[-1] = (out[-1][0], max(out[-1][1], e))\n        else:\n            out.append((s, e))\n    return out\n"
    ask = "Write `merge(bookings)` taking (start, end) tuples in any order and returning merged, non-overlapping blocks."
    assert "never sorts them" in ignored_requirement(ask, merge.format(walk="bookings"))
    assert ignored_requirement(ask, merge.format(walk="sorted(bookings)")) is None
    tiers = "TIERS = [(1, 4.99), (5, 9.99)]\n\ndef cost(weight):\n    if weight <= 0:\n        raise ValueError(weight)\n    for limit, price in TIERS:\n        if weight {op} limit:\n            return price\n    return 19.99\n"
    ask = "Up to and including 1 kg costs 4.99; up to and including 5 kg costs 9.99; heavier parcels cost 19.99."
    assert "leaves the bound to the next tier" in ignored_requirement(ask, tiers.format(op="<"))
    assert ignored_requirement(ask, tiers.format(op="<=")) is None
    port = "def parse_port(text):\n    port = int(text)\n    if port < 1{more}:\n        raise ValueError(text)\n    return port\n"
    ask = "Write `parse_port(text)`. Raise ValueError if the port is outside 1–65535."  # "Raise" opens the sentence
    assert "never compares with 65535" in ignored_requirement(ask, port.format(more=""))
    assert ignored_requirement(ask, port.format(more=" or port > 65535")) is None
    ticket = "import re\n\nKEY = re.compile(r'[A-Z]+-\\d+')\n\ndef first_key(message):\n    match = KEY.{call}(message)\n    while match:\n        return match.group(0)\n    return None\n"
    ask = "Write `first_key(message)` returning the first ticket key found anywhere in a commit message."
    assert "only calls match()" in ignored_requirement(ask, ticket.format(call="match"))
    assert ignored_requirement(ask, ticket.format(call="search")) is None
    shares = "from itertools import accumulate\n\ndef shares(values):\n    total = sum(values)\n    return [round(v / total * 100, 1) for v in {walk}]\n"
    ask = "Write `shares(values)` returning each value's share of the overall sum as a percentage, in the input's order."
    assert "accumulates" in wrong_operation(ask, shares.format(walk="accumulate(values)"))
    assert wrong_operation(ask, shares.format(walk="values")) is None
    assert wrong_operation("Return the running share of the total after each value.", shares.format(walk="accumulate(values)")) is None
    ticket_class = "class Ticket:\n    def __init__(self, title, tags={default}):\n        self.title = title\n        self.tags = {keep}\n\n    def add_tag(self, tag):\n        self.tags.append(tag)\n"
    assert "every object made without it shares one" in misused_call(ast.parse(ticket_class.format(default="[]", keep="tags")))
    assert misused_call(ast.parse(ticket_class.format(default="None", keep="tags if tags is not None else []"))) is None
    assert misused_call(ast.parse(ticket_class.format(default="[]", keep="list(tags)"))) is None
    csv_line = "def split_csv_line(line):\n    return line.split(',')\n"
    assert known_task('Write `split_csv_line(line)` that splits a CSV line into fields; quoted fields may hold commas, a doubled quote ("") is one quote.', ast.parse(csv_line))
    assert known_task("Write `split_csv_line(line)` that splits a CSV line into fields; fields are separated by semicolons and quoted.", ast.parse(csv_line)) is None
    weekday = "def next_weekday(d, weekday):\n    return d\n"
    ask = "Write `next_weekday(d, weekday)` returning the first date strictly after `d` falling on `weekday`, an int (0 = Monday ... 6 = Sunday)."
    assert known_task(ask, ast.parse(weekday))
    assert known_task(ask.replace("strictly after", "on or after"), ast.parse(weekday)) is None
    assert known_task(ask.split(", an int")[0] + ", given as a day name such as 'friday'.", ast.parse(weekday)) is None  # no int to probe with
    grade = "BOUNDS = [(90, 'A'), (80, 'B')]\n\ndef grade(score):\n    if not 0 <= score <= 100:\n        raise ValueError(score)\n    for bound, letter in BOUNDS:\n        if score {op} bound:\n            return letter\n    return 'F'\n"
    ask = "Write `grade(score)` mapping 0-100 to 'A' (90 and above), 'B' (80-89) or 'F' (below 80)."
    assert "leaves the bound to the next tier" in ignored_requirement(ask, grade.format(op=">"))  # the range check's <= is no tier's bound
    assert ignored_requirement(ask, grade.format(op=">=")) is None
    truncate = "def truncate(text, max_len, ellipsis='...'):\n    if len(text) <= max_len:\n        return text\n    cut = text[:{keep}]\n    space = cut.rfind(' ')\n    if space > 0:\n        cut = cut[:space]\n    return cut + ellipsis\n"
    ask = "Write `truncate(text, max_len, ellipsis='...')` whose result, ellipsis included, is at most `max_len` characters."
    assert "adds '...' after them" in ignored_requirement(ask, truncate.format(keep="max_len"))
    assert ignored_requirement(ask, truncate.format(keep="max_len - len(ellipsis)")) is None
    birthday = "def days_until_birthday(today, birthday):\n    return 0\n"
    assert known_task("Write `days_until_birthday(today, birthday)`: days until the next birthday. You can ignore February 29 birthdays.", ast.parse(birthday))


def test_blind28s_lessons():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement

    days = "from datetime import timedelta\n\ndef working_days(start, end):\n    return sum(1 for i in range((end - start).days + 1) if (start + timedelta(days=i)).weekday() {test})\n"
    ask = "Write `working_days(start, end)` counting the Monday–Friday dates between `start` and `end` inclusive."
    assert "picks Mon-Tue-Wed-Thu-Fri-Sat" in ignored_requirement(ask, days.format(test="< 6"))
    assert ignored_requirement(ask, days.format(test="< 5")) is None
    coupon = "def apply_coupon(price, code):\n    if code == 'FLAT5':\n        return round({flat}, 2)\n    return price\n"
    ask = 'Write `apply_coupon(price, code)`: "FLAT5" takes 5.00 off but never takes the price below 0.'
    assert "may go below zero" in ignored_requirement(ask, coupon.format(flat="price - 5"))
    assert ignored_requirement(ask, coupon.format(flat="max(price - 5, 0)")) is None
    export = "import json\n\ndef export(data):\n    return json.dumps(data, indent=2{more})\n"
    ask = "Write `export(data)` serialising a report to JSON with 2-space indentation and keys sorted alphabetically."
    assert "no sort_keys=True" in ignored_requirement(ask, export.format(more=""))
    assert ignored_requirement(ask, export.format(more=", sort_keys=True")) is None
    latest = "def latest(tags):\n    return max(tags, key=lambda t: {key})\n"
    ask = 'Write `latest(tags)` returning the newest tag like "v1.4.2", comparing major, minor and patch numerically.'
    assert "compares the parts as text" in ignored_requirement(ask, latest.format(key="t.lstrip('v').split('.')"))
    assert ignored_requirement(ask, latest.format(key="tuple(map(int, t.lstrip('v').split('.')))")) is None
    ranks = "def ranks(scores):\n    order = sorted(set(scores.values()){rev})\n    return {{n: order.index(s) + 1 for n, s in scores.items()}}\n"
    ask = "Write `ranks(scores)` giving dense ranks: 1 is the highest score and equal scores share a rank."
    assert "rank 1 goes to the lowest" in ignored_requirement(ask, ranks.format(rev=""))
    assert ignored_requirement(ask, ranks.format(rev=", reverse=True")) is None
    lines = "from collections import Counter\n\ndef unique_lines(text):\n    lines = text.splitlines()\n    counts = Counter(lines)\n    return [l for l in lines if counts[l] == 1]\n"
    assert "the first too" in ignored_requirement("Remove repeated lines, keeping the first occurrence of each line.", lines)
    assert ignored_requirement("Return the lines that occur exactly once.", lines) is None
    emails = "def dedupe(emails):\n    seen = {{}}\n    for email in emails:\n{guard}        seen[email.strip().lower()] = email.strip()\n    return list(seen.values())\n"
    ask = "Write `dedupe(emails)` removing duplicates case-insensitively, keeping the first occurrence in its original spelling."
    assert "replace the first" in ignored_requirement(ask, emails.format(guard=""))  # blind29: the item stored as made from it
    assert ignored_requirement(ask, emails.format(guard="        if email.strip().lower() in seen:\n            continue\n")) is None
    email = "def canonical(address):\n    local, _, domain = address.lower().partition('@')\n    {rule}\n    return local + '@' + domain\n"
    ask = "Write `canonical(address)` lowercasing an address and, only for `gmail.com` addresses, removing dots from the local part."
    assert "never names it" in ignored_requirement(ask, email.format(rule="local = local.replace('.', '')"))
    assert ignored_requirement(ask, email.format(rule="local = local.replace('.', '') if domain == 'gmail.com' else local")) is None
    assert ignored_requirement("Look keys up only in `defaults` when missing.", "def get(d, k, defaults):\n    return d.get(k, defaults.get(k))\n") is None
    sellers = "from collections import Counter\n\ndef best(sales, n):\n    return Counter(dict(sales)).most_common(n)\n"
    assert "insertion order" in ignored_requirement("Return the n best sellers, breaking ties alphabetically by product name.", sellers)
    assert misused_call(ast.parse("def quarter(d):\n    return f'{d.year}-Q{d.month // 3 + 1}'\n")).endswith("puts March in the second quarter")
    assert misused_call(ast.parse("def quarter(d):\n    return f'{d.year}-Q{(d.month - 1) // 3 + 1}'\n")) is None
    roster = "class Roster:\n    def __init__(self, teams):\n        self.players = {made}\n\n    def add(self, team, name):\n        self.players[team].append(name)\n"
    assert "changes them all" in misused_call(ast.parse(roster.format(made="dict.fromkeys(teams, [])")))
    assert misused_call(ast.parse(roster.format(made="{team: [] for team in teams}"))) is None
    summary = "def summary(orders):\n    return {'count': len(orders), 'total': sum(o['amount'] for o in orders)}\n"
    assert missing_part("Write `summary(orders)`. Return a dict with `count`, `total` and `largest` (the id of the biggest order).", summary) == "the key 'largest' of the dict it returns"


def test_blind29s_lessons():
    from hfsynth.curate.accepted_inputs import accepted_inputs
    from hfsynth.curate.stated_requirements import ignored_requirement

    grade = "def grade(score):\n    if not 0 <= score <= 100:\n        raise ValueError(score)\n    if score {op} 90:\n        return 'A'\n    return 'B'\n"
    ask = "Write `grade(score)` mapping a 0-100 score to A (90 and above) or B; raise ValueError outside 0-100."
    assert "leaves 90 out" in ignored_requirement(ask, grade.format(op=">"))
    assert ignored_requirement(ask, grade.format(op=">=")) is None
    gross = "from decimal import Decimal{imported}\n\ndef gross(net, rate):\n    return (net * (1 + rate / 100)).quantize(Decimal('0.01'){rounding})\n"
    ask = "Write `gross(net, rate)` adding VAT to a Decimal price and rounding to the cent using ROUND_HALF_UP."
    assert "never uses it" in ignored_requirement(ask, gross.format(imported="", rounding=""))
    assert ignored_requirement(ask, gross.format(imported=", ROUND_HALF_UP", rounding=", rounding=ROUND_HALF_UP")) is None
    uniq = "def collapse(items):\n    out = []\n{body}    return out\n"
    seen = "    seen = set()\n    for item in items:\n        if item not in seen:\n            seen.add(item)\n            out.append(item)\n"
    ask = "Write `collapse(items)` that works like the Unix `uniq` command: consecutive duplicates become one."
    assert "not only next to it" in ignored_requirement(ask, uniq.format(body=seen))
    assert ignored_requirement(ask, uniq.format(body="    for item in items:\n        if not out or out[-1] != item:\n            out.append(item)\n")) is None
    top = "def top(orders, n):\n    totals = {{}}\n    for name, amount in orders:\n        totals[name] = totals.get(name, 0) + amount\n    return [k for k, _ in sorted(totals.items(), key=lambda kv: {key}{rev})][:n]\n"
    ask = "Return the n customers with the highest total, highest first; customers with equal totals are ordered alphabetically by name."
    assert "reverses the tie-breaking field" in ignored_requirement(ask, top.format(key="(kv[1], kv[0])", rev=", reverse=True"))
    assert ignored_requirement(ask, top.format(key="(-kv[1], kv[0])", rev="")) is None
    tokens = ast.parse("def tokenize(expr: str):\n    return expr.split()\n")
    assert accepted_inputs('Write `tokenize(expr)` reading numbers (e.g. "3", "4.25") and operators, and raise ValueError on any other character.', tokens) == ["3", "4.25"]
    assert accepted_inputs("Write `name_of(text)` that returns the weekday name (e.g. 'Monday') of a date string.", tokens) == []
    assert accepted_inputs('Write `flat(text)` that parses a JSON string such as {"a": {"b": 1}} into dotted keys.', tokens) == []
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.misused_calls import misused_call

    table = "def table(start_c, end_c, step):\n{more}    return [(c, round(c * 9 / 5 + 32, 1)) for c in range(start_c, end_c{stop}, step)]\n"
    ask = "Write `table(start_c, end_c, step)` returning (celsius, fahrenheit) pairs from start_c to end_c inclusive."
    assert "leaves the bound out" in ignored_requirement(ask, table.format(more="", stop=""))
    assert ignored_requirement(ask, table.format(more="", stop=" + 1")) is None
    assert ignored_requirement(ask, table.format(more="    end_c += 1\n", stop="")) is None
    streak = "def streak(steps, goal):\n    best = current = 0\n    for count in steps:\n        if count >= goal:\n            current += 1\n        else:\n            best = max(best, current)\n            current = 0\n    return {last}\n"
    assert "never counted" in misused_call(ast.parse(streak.format(last="best")))
    assert misused_call(ast.parse(streak.format(last="max(best, current)"))) is None
    hms = "def format_hms(seconds):\n    return seconds\n"
    assert known_task("Write `format_hms(seconds)` formatting seconds as \"H:MM:SS\" (hours not zero-padded, may exceed 24).", ast.parse(hms))
    assert known_task("Write `format_hms(seconds)` formatting seconds as \"HH:MM:SS\" with zero padding.", ast.parse(hms))[0].label != "seconds as H:MM:SS, hours unpadded"


def test_blind30s_good_rows_lost_on_arrival():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.named_modules import required_modules

    reserve = ("def reserve(stock, order):\n    for sku, qty in order.items():\n        if {check}:\n            raise ValueError(sku)\n"
               "    updated = dict(stock)\n    for sku, qty in order.items():\n        updated[sku] -= qty\n    return updated\n")
    assert misused_call(ast.parse(reserve.format(check="stock.get(sku, 0) < qty"))) is None  # the copy's keys were checked first
    assert "raises KeyError" in misused_call(ast.parse(reserve.format(check="qty < 0")))
    assert required_modules("Replace the last suffix ('a.tar.gz' with 'bz2' gives 'a.tar.bz2') using pathlib.") == ["pathlib"]
    assert required_modules("Compress the file with bz2.") == ["bz2"]
    backup = "def next_backup(name, existing):\n    candidate, n = f'{name}.bak', 0\n    while candidate in existing:\n        n += 1\n        candidate = f'{name}.bak{n}'\n    return candidate\n"
    ask = "Write `next_backup(name, existing)` returning the first of '<name>.bak', '<name>.bak1', '<name>.bak2', ... not in `existing`."
    assert missing_part(ask, backup) is None  # a counter writes the numbered names


def test_blind30s_lessons():
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement

    retry = "import time\n\ndef retry(func, attempts=3):\n    for attempt in range(attempts):\n        try:\n            return func()\n        except Exception:\n{last}\n"
    ask = "Write `retry(func, attempts=3)` calling func until it succeeds; if every attempt fails, the last exception must be re-raised."
    assert "never raises" in ignored_requirement(ask, retry.format(last="            time.sleep(0)\n    return None"))
    assert ignored_requirement(ask, retry.format(last="            if attempt == attempts - 1:\n                raise")) is None
    bump = "def bump(products, percent):\n    out = []\n    for product in products:\n        {body}\n    return out\n"
    ask = "Return the products with 'price' increased by `percent` percent. The input list and its dicts must not be modified."
    assert "on an item of products" in ignored_requirement(ask, bump.format(body="product['price'] = product['price'] * (1 + percent / 100); out.append(product)"))
    assert ignored_requirement(ask, bump.format(body="out.append({**product, 'price': product['price'] * (1 + percent / 100)})")) is None
    cloud = "from collections import Counter\n\ndef cloud(tags):\n    return Counter(t.lower() for t in tags).most_common()\n"
    assert "insertion order" in ignored_requirement("Return (tag, count) pairs by count; tags with equal counts must be ordered alphabetically.", cloud)
    slots = "def conflict(a, b):\n    a_start, a_end = a\n    b_start, b_end = b\n    return a_start {op} b_end and b_start {op} a_end\n"
    ask = "Slots are (start, end); back-to-back bookings (one ends exactly when the other starts) do not conflict."
    assert "only touch" in ignored_requirement(ask, slots.format(op="<="))
    assert ignored_requirement(ask, slots.format(op="<")) is None
    price = "from decimal import Decimal, ROUND_HALF_UP\n\ndef cents(price: float) -> Decimal:\n    return Decimal({arg}).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n"
    assert "binary error" in misused_call(ast.parse(price.format(arg="price")))
    assert misused_call(ast.parse(price.format(arg="str(price)"))) is None
    tags = "import re\n\ndef strip_tags(markup):\n    return re.sub(r'{pattern}', '', markup)\n"
    assert "greedy" in misused_call(ast.parse(tags.format(pattern="<.*>")))
    assert misused_call(ast.parse(tags.format(pattern="<[^>]*>"))) is None
    assert misused_call(ast.parse(tags.format(pattern="<.*?>"))) is None
    csv_line = "def parse_csv_line(line: str) -> list:\n    return line.split(',')\n"
    assert known_task('Write `parse_csv_line(line)` without the csv module; a field may be wrapped in double quotes, and a doubled quote ("") is one quote.', ast.parse(csv_line))


def test_blind31s_good_rows_lost_on_arrival():
    discount = ("def apply_discount(subtotal, code, codes):\n    promo = codes.get(code.upper())\n    if promo is None:\n        return subtotal\n"
                "    if promo['type'] == 'percent':\n        return round(subtotal * (1 - promo['value'] / 100), 2)\n    return max(subtotal - promo['value'], 0)\n")
    ask = "Codes are a dict code -> {'type': 'percent' or 'fixed', 'value': number}. Apply the code to the subtotal."
    assert missing_part(ask, discount) is None  # a record's shape, not cases to handle one by one
    counts = "def unread(notes):\n    out = {}\n    for n in notes:\n        if not n['read']:\n            out[n['type']] = out.get(n['type'], 0) + 1\n    return out\n"
    assert missing_part("Given notifications (dicts with 'id', 'type' and 'read'), return unread counts per type.", counts) is None
    assert instruction.names_a_task("Title-case a headline: capitalise every word except small words.")


def test_blind31s_lessons():
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.misused_calls import misused_call

    url = "def display_url(url):\n    for prefix in ('https://', 'http://'):\n        if url.startswith(prefix):\n            return {cut}\n    return url\n"
    assert "removes any of those characters" in misused_call(ast.parse(url.format(cut="url.lstrip(prefix)")))
    assert misused_call(ast.parse(url.format(cut="url[len(prefix):]"))) is None
    assert misused_call(ast.parse("def trim(text):\n    for chars in (' ', '\\t'):\n        text = text.lstrip(chars)\n    return text\n")) is None  # characters, not affixes
    age = "from datetime import date\n\ndef age_on(birth: date, on: date) -> int:\n    return on.year - birth.year\n"
    assert known_task("Compute a patient's age in completed years on a given date: `age_on(birth: date, on: date) -> int`.", ast.parse(age))


def test_a_signature_with_annotations_is_read_by_every_rule():
    from hfsynth.curate.accepted_inputs import accepted_inputs
    from hfsynth.curate.asked_signatures import asked_signatures
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write `make_slug(title: str, max_length: int = 30) -> str` that lower-cases the title and truncates it to at most `max_length` characters."
    assert [(s.name, s.params) for s in asked_signatures(ask)] == [("make_slug", ["title", "max_length"])]
    assert [s.params for s in asked_signatures("Write `merge(a: dict[str, int], b: dict[str, int], *, deep=False) -> dict`.")] == [["a", "b", "deep"]]
    assert list(asked_signatures("`pow(2, 10)` gives 1024")) == []  # a call with values
    slug = "import re\n\ndef make_slug(title: str, max_length: int = 30) -> str:\n    slug = re.sub(r'[^a-z0-9]+', '-', title.lower()).strip('-')\n    return {ret}\n"
    assert missing_part(ask, slug.format(ret="slug")) == "the parameter max_length of make_slug() (never read)"
    assert missing_part(ask, slug.format(ret="slug[:max_length].rstrip('-')")) is None
    assert "does not take it" in wrong_operation(ask, "def make_slug(title: str) -> str:\n    return title.lower()\n")
    # "-> int" of the signature is no output cue: the quoted strings are inputs to probe
    durations = "Write `parse_duration(text: str) -> int` that converts strings like '1h30m', '45m' or '30s' into seconds."
    assert accepted_inputs(durations, ast.parse("def parse_duration(text: str) -> int:\n    return 0\n")) == ["1h30m", "45m", "30s"]


def test_a_parameter_the_instruction_names_and_the_code_never_reads():
    streak = ("from datetime import date, timedelta\n\ndef posting_streak(post_days: set, today: date) -> int:\n    n = 0\n"
              "    day = {start}\n    while day in post_days:\n        n += 1\n        day -= timedelta(days=1)\n    return n\n")
    ask = "Show a user's current posting streak: consecutive days, ending today, with posts. Input: a set of dates with posts and today's date."
    assert "today of posting_streak()" in missing_part(ask, streak.format(start="max(post_days, default=date.min)"))
    assert missing_part(ask, streak.format(start="today")) is None
    # a parameter the instruction does not name may go unread (a callback's signature), and so may an interface's
    assert missing_part("Write a signal handler that sets a stop flag.", "STOP = []\n\ndef on_signal(signum, frame):\n    STOP.append(signum)\n") is None
    dispatch = "from functools import singledispatch\n\n@singledispatch\ndef describe(value) -> str:\n    return 'object'\n"
    assert missing_part("Use singledispatch to write `describe(value)` returning 'object' for unknown types.", dispatch) is None


def test_distinct_items_counted_per_group_need_a_set_per_group():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "From page-view events given as (visitor_id, 'YYYY-MM-DD') tuples, compute the number of unique visitors per day. Return a dict day -> count."
    counter = "from collections import Counter\n\ndef daily_visitors(events):\n    return dict(Counter(day for _, day in events))\n"
    assert "counts every item of a group" in wrong_operation(ask, counter)
    sets = ("from collections import defaultdict\n\ndef daily_visitors(events):\n    seen = defaultdict(set)\n    for visitor, day in events:\n"
            "        seen[day].add(visitor)\n    return {day: len(v) for day, v in seen.items()}\n")
    assert wrong_operation(ask, sets) is None
    mapping = "Return a dict mapping each date to the number of distinct users seen that day."
    assert "counts every item" in wrong_operation(mapping, counter)
    # distinct ways, combinations, paths are counted, not deduplicated
    assert wrong_operation("Count the number of distinct ways to climb n stairs when each step is 1 or 2.",
                           "def ways(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n") is None


def test_every_member_of_a_set_is_a_subset_test_and_in_both_is_an_intersection():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Write `users_with_all(users, required)` that returns, sorted by name, the users whose permission set contains every permission in `required`."
    users = "def users_with_all(users, required):\n    return sorted(name for name, perms in users.items() if {test})\n"
    assert "whether any is shared" in ignored_requirement(ask, users.format(test="perms & required"))
    assert ignored_requirement(ask, users.format(test="required <= perms")) is None
    assert ignored_requirement(ask, users.format(test="required.issubset(perms)")) is None
    assert ignored_requirement(ask, users.format(test="(perms & required) == required")) is None
    ask = "Compare two manifests (dict filename -> sha256) and list the files present in both manifests but with a different hash."
    changed = "def changed_files(old, new):\n    return sorted({files})\n"
    assert "combines the two" in ignored_requirement(ask, changed.format(files="set(old) ^ set(new)"))
    assert ignored_requirement(ask, changed.format(files="f for f in old.keys() & new.keys() if old[f] != new[f]")) is None


def test_listed_marks_and_templates_with_a_plural_s():
    ask = "Extract hashtags from a post: without the '#', lowercased, unique. Trailing punctuation like '!' or ',' is not part of the tag."
    tags = "def hashtags(post):\n    out = []\n    for word in post.split():\n        if word.startswith('#'):\n            tag = {tag}\n            if tag and tag not in out:\n                out.append(tag)\n    return out\n"
    assert missing_part(ask, tags.format(tag="word[1:].lower()")) == "the marks '!' or ','"
    assert missing_part(ask, tags.format(tag="word[1:].rstrip('!,.?').lower()")) is None
    assert missing_part(ask, "import re\n\ndef hashtags(post):\n    return list(dict.fromkeys(t.lower() for t in re.findall(r'#(\\w+)', post)))\n") is None
    ask = "Write `time_ago(seconds)`: under 60 s -> 'just now'; under an hour -> 'N minute(s) ago'; under a day -> 'N hour(s) ago'; otherwise 'N day(s) ago'."
    ago = ("def time_ago(seconds):\n    if seconds < 60:\n        return 'just now'\n    for unit, size in ({units}):\n"
           "        if seconds >= size:\n            n = seconds // size\n            return f\"{{n}} {{unit}}{{'' if n == 1 else 's'}} ago\"\n")
    assert missing_part(ask, ago.format(units="('hour', 3600), ('minute', 60)")) == "the phrase 'N day(s) ago'"
    assert missing_part(ask, ago.format(units="('day', 86400), ('hour', 3600), ('minute', 60)")) is None
    # "(n/min)" holds placeholders too: the phrase is written when its words before them are (b209-056)
    ask = 'Return `"<team>: too few players (n/min)"`, `"<team>: too many players (n/max)"` or `"<team>: unknown age group <g>"`.'
    squads = ("def squad_problems(squads):\n    out = []\n    for team, (n, lo, hi, group) in squads.items():\n        if group is None:\n"
              "            out.append(f'{team}: unknown age group {group}')\n        elif n < lo:\n            out.append(f'{team}: too few players ({n}/{lo})')\n"
              "        elif n > hi:\n            out.append(f'{team}: MANY')\n    return out\n")
    assert missing_part(ask, squads.replace("MANY", "too many players ({n}/{hi})")) is None
    assert missing_part(ask, squads) == "the phrase '<team>: too many players (n/max)'"


def test_a_running_total_overwritten_in_its_loop():
    value = ("from decimal import Decimal\n\ndef inventory_value(items):\n    total = Decimal('0')\n    for item in items:\n        qty = item.get('qty')\n"
             "        if qty is None or qty < 0:\n            continue\n        total {op} qty * item['unit_cost']\n    return total\n")
    assert "lost total" in substance.trivial({"language": "python", "code": value.format(op="=")})
    assert substance.trivial({"language": "python", "code": value.format(op="+=")}) is None
    # a value carried from pass to pass is read in the loop: the previous reading, the last item seen
    previous = "def rises(xs):\n    prev = 0\n    out = []\n    for x in xs:\n        out.append(x - prev)\n        prev = x\n    return out\n"
    assert substance.trivial({"language": "python", "code": previous}) is None
    last = "def last_positive(xs):\n    found = 0\n    for x in xs:\n        if x > 0:\n            found = x\n    return found\n"
    assert substance.trivial({"language": "python", "code": last}) is None  # kept under a condition: a choice, not a total


def test_parts_that_must_add_up_exactly_to_the_whole():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Split a bill of `total` dollars between n people in cents; the shares must add up exactly to the total (leftover cents go to the first people)."
    even = "def split_bill(total, people):\n    share = round(total / people, 2)\n    return [share] * people\n"
    assert "rounding error" in ignored_requirement(ask, even)
    fair = ("def split_bill(total, people):\n    cents = round(total * 100)\n    base, extra = divmod(cents, people)\n"
            "    return [(base + (1 if i < extra else 0)) / 100 for i in range(people)]\n")
    assert ignored_requirement(ask, fair) is None
    weights = "The weights must add up to 1 (allow a tiny floating-point tolerance), otherwise raise ValueError. Return the weighted score."
    graded = "def weighted(parts):\n    if abs(sum(w for _, w in parts) - 1) > 1e-9:\n        raise ValueError('weights')\n    return round(sum(s * w for s, w in parts), 1)\n"
    assert ignored_requirement(weights, graded.replace(" - 1) > 1e-9", ") > 1.000000001")) is None  # blind43: a check of the input, not parts to hand out
    percentages = "The base percentages must add up to exactly 100 (compare as `Decimal`); otherwise raise `ValueError`. Return grams per ingredient."
    assert ignored_requirement(percentages, graded.replace(" - 1) > 1e-9", ") > 1.000000001")) is None  # b205-051: the ";" ends no sentence
    # two numbers that add up to a target is a search, not a split
    assert ignored_requirement("Find two numbers in the list that add up to target.", "def two(xs, target):\n    return [(a, b) for a in xs for b in xs if a + b == target][:1]\n") is None


def test_a_page_count_by_floor_division_alone():
    from hfsynth.curate.misused_calls import misused_call

    pages = "def page_info(n, per_page):\n    total_pages = {count}\n    return {{'total_pages': total_pages}}\n"
    assert "one page too few" in misused_call(ast.parse(pages.format(count="n // per_page")))
    assert misused_call(ast.parse(pages.format(count="-(-n // per_page)"))) is None
    assert misused_call(ast.parse(pages.format(count="(n + per_page - 1) // per_page"))) is None
    adjusted = "def page_info(n, per_page):\n    total_pages = n // per_page\n    if n % per_page:\n        total_pages += 1\n    return total_pages\n"
    assert misused_call(ast.parse(adjusted)) is None
    assert misused_call(ast.parse("def full_boxes(n, size):\n    boxes = n // size\n    return boxes\n")) is None  # not a page count


def test_fields_of_the_input_records_are_read_but_for_identifiers():
    from hfsynth.curate.task_operations import wrong_operation

    ask = 'Write `order_tax(items, rates)` where items are dicts with "price", "qty" and "category"; return the total tax rounded to 2 decimals.'
    tax = "def order_tax(items, rates):\n    return round(sum(i['price']{qty} * rates[i['category']] for i in items), 2)\n"
    assert missing_part(ask, tax.format(qty="")) == "the field 'qty' of the input's records (never read)"
    assert missing_part(ask, tax.format(qty=" * i['qty']")) is None
    counts = "def unread(notes):\n    out = {}\n    for n in notes:\n        if not n['read']:\n            out[n['type']] = out.get(n['type'], 0) + 1\n    return out\n"
    assert missing_part("Given notifications (dicts with 'id', 'type' and 'read'), return unread counts per type.", counts) is None  # an identifier may go unread
    ask = "Given (average_rating, review_count) pairs, compute the overall average weighted by the number of reviews."
    plain = "def overall(branches):\n    rated = [r for r, n in branches if n > 0]\n    return sum(rated) / len(rated) if rated else 0.0\n"
    assert "never multiplies" in wrong_operation(ask, plain)
    weighted = "def overall(branches):\n    total = sum(n for _, n in branches)\n    return sum(r * n for r, n in branches) / total if total else 0.0\n"
    assert wrong_operation(ask, weighted) is None


def test_inclusive_bounds_are_read_one_side_at_a_time_and_a_request_names_a_task():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Write `transactions_between(transactions, start, end)` returning the transactions whose date falls between start and end, inclusive of both dates."
    window = "def transactions_between(transactions, start, end):\n    return [t for t in transactions if {test}]\n"
    assert "leaves the bound out" in ignored_requirement(ask, window.format(test="start <= t['date'] < end"))
    assert "leaves the bound out" in ignored_requirement(ask, window.format(test="start < t['date'] <= end"))
    assert ignored_requirement(ask, window.format(test="start <= t['date'] <= end")) is None
    assert ignored_requirement(ask, window.format(test="not (t['date'] < start or t['date'] > end)")) is None
    assert instruction.names_a_task("For subscription renewals I need `add_months(d, months)` that moves a `date` by a number of months.")
    assert not instruction.names_a_task("Lists and tuples")


def test_days_of_the_week_the_code_picks_are_the_days_the_instruction_names():
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.weekday_requirements import asked_days

    assert asked_days("Friday and Saturday nights use the weekend rate, all other nights the weekday rate.") == {4, 5}
    assert asked_days("Payday is the last business day (Mon-Fri) of the month.") == {0, 1, 2, 3, 4}
    assert asked_days("Delivery costs more on weekends.") == {5, 6}
    assert asked_days("Open Monday to Friday, and on Saturdays until noon.") is None  # two sets: which one a test means is unknown
    fee = "def delivery_fee(day):\n    return 7.99 if {test} else 4.99\n"
    ask = "Delivery costs $4.99 on weekdays and $7.99 on Saturdays and Sundays. Write `delivery_fee(day)` taking a `datetime.date`."
    assert "picks Sun" in ignored_requirement(ask, fee.format(test="day.weekday() in (6, 7)"))  # 7 never comes
    assert "picks Fri-Sat-Sun" in ignored_requirement(ask, fee.format(test="day.isoweekday() >= 5"))
    for right in ("day.weekday() in (5, 6)", "day.weekday() >= 5", "day.isoweekday() > 5", "not day.weekday() < 5", "day.weekday() == 5 or day.weekday() == 6"):
        assert ignored_requirement(ask, fee.format(test=right)) is None, right
    nights = ("from datetime import timedelta\n\ndef stay_cost(check_in, check_out, weekday_rate, weekend_rate):\n    total, night = 0.0, check_in\n"
              "    while night < check_out:\n        wd = night.weekday()\n        total += weekend_rate if {test} else weekday_rate\n        night += timedelta(days=1)\n    return total\n")
    ask = "Each night is charged by the date the night starts: Friday and Saturday nights use the weekend rate, all other nights the weekday rate."
    assert "picks Sat-Sun" in ignored_requirement(ask, nights.format(test="wd >= 5"))
    assert ignored_requirement(ask, nights.format(test="wd in (4, 5)")) is None
    # a test with more in it than the day of the week is not read
    assert ignored_requirement(ask, nights.format(test="wd >= 5 and night not in HOLIDAYS")) is None


def test_blind32s_lessons():
    from hfsynth.curate.stated_requirements import ignored_requirement

    tiers = "def discounted_total(subtotal):\n    if subtotal >= {a}:\n        rate = 0.05\n    elif subtotal >= {b}:\n        rate = 0.10\n    else:\n        rate = 0.0\n    return round(subtotal * (1 - rate), 2)\n"
    assert "never runs" in substance.trivial({"language": "python", "code": tiers.format(a=50, b=100)})  # the lowest tier checked first takes every order
    assert substance.trivial({"language": "python", "code": tiers.format(a=100, b=50)}) is None
    ask = "Return a new list of product dicts with 'price' increased by `percent`. The original list and the dicts in it must not be modified."
    raise_ = "def with_price_increase(products, percent):\n    updated = {copy}\n    for product in updated:\n        product['price'] = round(product['price'] * (1 + percent / 100), 2)\n    return updated\n"
    assert "on an item of products" in ignored_requirement(ask, raise_.format(copy="list(products)"))
    assert "on an item of products" in ignored_requirement(ask, raise_.format(copy="products[:]"))
    assert ignored_requirement(ask, raise_.format(copy="[dict(p) for p in products]")) is None
    ask = "Write `display_name(first, last, style='full')`. Styles: 'full' -> 'Ada Lovelace', 'last_first' -> 'Lovelace, Ada', 'initials' -> 'A.L.'."
    name = ("def display_name(first, last, style='full'):\n    if style == 'full':\n        return f'{first} {last}'\n    if style == 'last_first':\n"
            "        return f'{last}, {first}'\n{more}    raise ValueError(style)\n")
    assert missing_part(ask, name.replace("{more}", "")) == "the option 'initials'"
    assert missing_part(ask, name.replace("{more}", "    if style == 'initials':\n        return f'{first[:1]}.{last[:1]}.'\n")) is None
    # examples mapped to their answers are not options: the code names none of them
    assert missing_part("Reverse a word: 'abc' -> 'cba', 'hello' -> 'olleh', 'x' -> 'x'.", "def reverse(word):\n    return word[::-1]\n") is None


def test_blind38_and_blind39s_bounds():
    """Bounds spelled with a thousands separator, a unit before "or more", a name for the number, "X to Y
    inclusive" alone; the excess past a number of hours; "every additional started kg"."""
    from hfsynth.curate.requirement_words import negated
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Membership levels: 'standard' under $1,000, 'plus' from $1,000 up to $5,000, and 'elite' at $5,000 or more."
    level = "def membership_level(spend):\n    if spend {op} 5000:\n        return 'elite'\n    if spend >= 1000:\n        return 'plus'\n    return 'standard'\n"
    assert "includes '5,000 or more' and spend > 5000 (line 2) leaves 5,000 out" in ignored_requirement(ask, level.format(op=">"))
    assert ignored_requirement(ask, level.format(op=">=")) is None
    band = "def band(years):\n    if years > 10:\n        return 'principal'\n    if years {op} 5:\n        return 'senior'\n    return 'junior'\n"
    ask = 'Under 5 years "junior", 5 years or more (up to 10) "senior", and more than 10 years "principal".'
    assert "leaves 5 out" in ignored_requirement(ask, band.format(op=">"))
    assert ignored_requirement(ask, band.format(op=">=")) is None
    seniors = "def count_seniors(patients, threshold=65):\n    return sum(1 for p in patients if p['age'] {op} threshold)\n"
    ask = "Count the patients aged 65 or over."
    assert "p['age'] > threshold (line 2) leaves 65 out" in ignored_requirement(ask, seniors.format(op=">"))
    assert ignored_requirement(ask, seniors.format(op=">=")) is None
    assert ignored_requirement(ask, seniors.format(op=">").replace("threshold=65", "threshold=64")) is None  # another number
    ask = 'Classify a body temperature: below 36.1 is "low", 36.1 to 37.2 inclusive is "normal", above 37.2 is "high".'
    temp = "def classify(c):\n    if 36.1 {op} c {op} 37.2:\n        return 'normal'\n    return 'high' if c > 37.2 else 'low'\n"
    assert "asks for '36.1 to 37.2 inclusive' and its comparison 36.1 < c < 37.2" in ignored_requirement(ask, temp.format(op="<"))
    assert ignored_requirement(ask, temp.format(op="<=")) is None
    ask = "The first 40 hours are paid at the normal rate; hours beyond 40 are paid at time and a half."
    pay = "def gross_pay(hours, rate):\n    regular = min(hours, 40)\n    overtime = {extra}\n    return regular * rate + overtime * rate * 1.5\n"
    assert "pays extra for 'hours beyond 40' and hours - 40 (line 3) goes negative below 40" in ignored_requirement(ask, pay.format(extra="hours - 40"))
    assert ignored_requirement(ask, pay.format(extra="max(0, hours - 40)")) is None
    assert ignored_requirement(ask, pay.format(extra="hours - 40 if hours > 40 else 0")) is None
    assert ignored_requirement(ask, pay.format(extra="hours - regular")) is None
    assert not negated(ask, ask.index("hours beyond"))  # "normal" holds "nor" and no negation
    assert negated("Pay extra, but not for hours beyond 40.", len("Pay extra, but not for "))
    ask = "Parcels cost 3.50 for the first kg, plus 1.20 for every additional started kg."
    cost = "import math\n\ndef parcel_cost(kg):\n    return round(3.50 + max({cut}, 0) * 1.20, 2)\n"
    assert "charges 'every additional started kg' and it rounds down" in ignored_requirement(ask, cost.format(cut="int(kg - 1)"))
    assert ignored_requirement(ask, cost.format(cut="math.ceil(kg - 1)")) is None


def test_blind38_and_blind39s_requirements():
    """Bounds named by parameters ("at least min_spend", "start and end dates are inclusive"), a limit to refuse
    clamped to instead, a result asked in an order returned in the input's, a mean over the kept items divided
    by all of them, and "qty is not a positive number" probed."""
    from hfsynth.curate.required_errors import required_error_claims
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write coupon_discount(subtotal, min_spend, pct): pct percent off, but only if the subtotal is at least min_spend."
    coupon = "def coupon_discount(subtotal, min_spend, pct):\n    if subtotal {op} min_spend:\n        return round(subtotal * pct / 100, 2)\n    return 0.0\n"
    assert "includes 'at least min_spend' and subtotal > min_spend (line 2) leaves min_spend out" in ignored_requirement(ask, coupon.format(op=">"))
    assert ignored_requirement(ask, coupon.format(op=">=")) is None
    assert ignored_requirement("Each coupon needs at least one item.", coupon.format(op=">")) is None  # a word, not a parameter
    window = "def ready(buffer, window):\n    if len(buffer) > window:\n        buffer.pop(0)\n    return len(buffer) == window\n"
    assert ignored_requirement("Ready once at least `window` values have been seen.", window) is None  # == window takes the bound
    ask = "Return the ids of orders placed within the promo window. Both start and end dates are inclusive."
    orders = "def orders_in_window(orders, start, end):\n    return [o['id'] for o in orders if start <= o['placed'] {op} end]\n"
    assert "asks for 'Both start and end dates are inclusive' and its comparison" in ignored_requirement(ask, orders.format(op="<"))
    assert ignored_requirement(ask, orders.format(op="<=")) is None
    assert ignored_requirement(ask.replace("start and end", "first and last"), orders.format(op="<")) is None  # not the code's names
    ask = "Return mg_per_kg * weight_kg. If the calculated dose exceeds max_mg, raise a ValueError; never silently change the dose."
    dose = "def dose(mg_per_kg, weight_kg, max_mg):\n    d = mg_per_kg * weight_kg\n    {body}\n"
    assert "clamps to max_mg instead" in ignored_requirement(ask, dose.format(body="return round(min(d, max_mg), 1)"))
    assert ignored_requirement(ask, dose.format(body="if d > max_mg:\n        raise ValueError(d)\n    return round(d, 1)")) is None
    ask = "Return the tasks that are overdue (due before today), sorted by due date with the oldest first."
    overdue = "def overdue_tasks(tasks, today):\n    return {result}\n"
    assert "overdue_tasks returns its input's items in the order they come" in ignored_requirement(ask, overdue.format(result="[t for t in tasks if t['due'] < today]"))
    assert ignored_requirement(ask, overdue.format(result="sorted((t for t in tasks if t['due'] < today), key=lambda t: t['due'])")) is None
    assert ignored_requirement("The tasks are already sorted by due date. " + ask, overdue.format(result="[t for t in tasks if t['due'] < today]")) is None
    rows = "def running(start, txns):\n    out = []\n    for day, amount in txns:\n        start += amount\n        out.append((day, start))\n    return out\n"
    assert ignored_requirement("Given a list of transactions in chronological order, return the running balance.", rows) is None  # the input's order
    ask = "Average star rating: ignore the unrated reviews (rating None); return 0.0 if nothing is rated."
    mean = "def average_rating(reviews):\n    rated = [r['rating'] for r in reviews if r['rating'] is not None]\n    return sum(rated) / len({d}) if rated else 0.0\n"
    assert "sum(rated) / len(reviews) (line 3) sums only the items it keeps and divides by every item of reviews" in wrong_operation(ask, mean.format(d="reviews"))
    assert wrong_operation(ask, mean.format(d="rated")) is None
    ask = "Write reserve_stock(stock, sku, qty). Raise ValueError if qty is not a positive number or if it exceeds the available stock."
    reserve = "def reserve_stock(stock, sku, qty):\n    stock[sku] -= qty\n    return stock[sku]\n\n\nstock = {'MUG': 5}\nassert reserve_stock(stock, 'MUG', 2) == 3\n"
    probed = [c[0] for c in required_error_claims(ask, ast.parse(reserve), None)]
    assert any("qty=0" in c for c in probed) and any("qty=-1" in c for c in probed)


def test_blind40_and_blind41s_lessons():
    """Bands named in prose, a sorted copy's dicts written to, "rounded half-up", the last sliding window never
    made, "raise if ... outside it" clamped instead, "`end` is exclusive", an ascending tie-break reversed, and
    str.title() for space-separated words."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "'calm' below 2 km/h, 'light' from 2 up to 20, 'moderate' from 20 up to 39, and 'gale' at 39 km/h or more."
    wind = "def wind(speed):\n    if speed < 2:\n        return 'calm'\n    if speed < 20:\n        return 'light'\n    return 'moderate'{more}\n"
    assert missing_part(ask, wind.format(more="")) == "the option 'gale'"
    assert missing_part(ask, wind.format(more=" if speed < 39 else 'gale'")) is None
    ask = "Return a new list ordered fastest first, each result with a `place` key. Do not modify the input list or the dicts in it."
    rank = "def rank(results):\n    ranked = {copy}\n    for place, r in enumerate(ranked, start=1):\n        r['place'] = place\n    return ranked\n"
    assert "mutates it (r['place'] = ... on an item of results)" in ignored_requirement(ask, rank.format(copy="sorted(results, key=lambda r: r['seconds'])"))
    assert ignored_requirement(ask, rank.format(copy="[dict(r) for r in sorted(results, key=lambda r: r['seconds'])]")) is None
    share = "def share(total, people):\n    return round(total / people, 2)\n"
    assert "calls round(), which rounds halves to even" in ignored_requirement("Each share is rounded half-up to the cent.", share)
    assert ignored_requirement("Each share is rounded to the cent.", share) is None
    windows = "def rolling(steps, window=7):\n    return [sum(steps[i:i + window]) / window for i in range(len(steps) - window{plus})]\n"
    assert "never makes the last window (len(steps) - window + 1 starts are meant)" in misused_call(ast.parse(windows.format(plus="")))
    assert misused_call(ast.parse(windows.format(plus=" + 1"))) is None
    assert misused_call(ast.parse("def pairs(xs):\n    return [(xs[i], xs[i + 1]) for i in range(len(xs) - 1)]\n")) is None
    ask = "Readings must be in the 0-100 % range; raise ValueError if any reading is outside it."
    clean = "def clean(values):\n    return [round(min(max(v, 0.0), 100.0), 1) for v in values]\n"
    assert "clamps the value into range" in ignored_requirement(ask, clean)
    ask = "Write records_between(records, start, end) where `start` is inclusive and `end` is exclusive."
    between = "def records_between(records, start, end):\n    return [r for r in records if start <= r[0] {op} end]\n"
    assert "says '`end` is exclusive' and its comparison start <= r[0] <= end (line 2) takes end in" in ignored_requirement(ask, between.format(op="<="))
    assert ignored_requirement(ask, between.format(op="<")) is None
    ask = "Return the n accounts sorted by usage descending; when two accounts have the same usage, order them by account id ascending."
    top = "def top(usage, n):\n    return sorted(usage.items(), key={key})[:n]\n"
    assert "reverses the tie-breaking field too" in ignored_requirement(ask, top.format(key="lambda kv: (kv[1], kv[0]), reverse=True"))
    assert ignored_requirement(ask, top.format(key="lambda kv: (-kv[1], kv[0])")) is None
    ask = "Collapse runs of whitespace and capitalise the first letter of each space-separated word, the rest lowercase."
    name = "def clean_name(name):\n    return {body}\n"
    assert "also starts a word after an apostrophe" in ignored_requirement(ask, name.format(body="' '.join(name.split()).title()"))
    assert ignored_requirement(ask, name.format(body="' '.join(w[:1].upper() + w[1:].lower() for w in name.split())")) is None
    assert ignored_requirement("Convert the name to title case.", name.format(body="name.title()")) is None  # title case asked: title() is the answer
    ask = "Write `convert_energy(value, from_unit, to_unit)` that converts between Wh, kWh, MWh and GJ; unit names are case-insensitive."
    energy = "TO_KWH = {{'wh': 0.001, 'kwh': 1.0, 'mwh': 1000.0{more}}}\n\n\ndef convert_energy(value, from_unit, to_unit):\n    return value * TO_KWH[from_unit.lower()] / TO_KWH[to_unit.lower()]\n"
    assert missing_part(ask, energy.format(more="")) == "the unit 'GJ'"
    assert missing_part(ask, energy.format(more=", 'gj': 277.78")) is None
    # names, not units; but a table of two of the three is an item left out (enumerated_cases)
    assert missing_part("Pick between Alice, Bob and Carol.", "def pick(name):\n    return {'alice': 1, 'bob': 2}[name.lower()]\n") == "'Carol', listed beside 'Alice', 'Bob' (held in its table)"


def test_runs_days_means_and_compounding_read_as_they_work():
    """blind40/41: a run counted only where it ends, days of the month subtracted for consecutive days, a mean of
    floats floor-divided, and fees asked to compound charged as simple interest."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.task_operations import wrong_operation

    spells = ("def count_wet_spells(daily_mm, threshold=1.0):\n    spells = 0\n    in_spell = False\n    for mm in daily_mm:\n"
              "        if mm >= threshold:\n            in_spell = True\n        elif in_spell:\n            spells += 1\n            in_spell = False\n{tail}    return spells\n")
    assert "spells grows only when a run ends (line 7)" in misused_call(ast.parse(spells.format(tail="")))
    assert misused_call(ast.parse(spells.format(tail="    if in_spell:\n        spells += 1\n"))) is None
    streak = "def streak(days):\n    best = current = 0\n    for prev, day in zip(days, days[1:]):\n        current = current + 1 if {test} == 1 else 0\n        best = max(best, current)\n    return best\n"
    assert "compares days of the month" in misused_call(ast.parse(streak.format(test="day.day - prev.day")))
    assert misused_call(ast.parse(streak.format(test="(day - prev).days"))) is None
    cdd = "def cdd(tmax: list[float], tmin: list[float], base: float = 18.0) -> float:\n    return sum(max(0.0, {mean} - base) for hi, lo in zip(tmax, tmin))\n"
    ask = "Cooling degree days: for each day take the mean of the max and min temperature above base."
    assert "floor-divides, dropping the fraction" in wrong_operation(ask, cdd.format(mean="(hi + lo) // 2"))
    assert wrong_operation(ask, cdd.format(mean="(hi + lo) / 2")) is None
    assert wrong_operation("Return the middle index of the sorted list.", "def mid(lo: float, hi: float):\n    return (lo + hi) // 2\n") is None  # no mean asked
    ask = "A late fee of 1.5% per full 30 days overdue, and the fees compound (each fee is charged on the balance including earlier fees)."
    fees = "def apply_late_fees(balance, days, rate=0.015):\n    periods = days // 30\n    return round({body}, 2)\n"
    assert "never raises to a power" in wrong_operation(ask, fees.format(body="balance * (1 + rate * periods)"))
    assert wrong_operation(ask, fees.format(body="balance * (1 + rate) ** periods")) is None
    assert wrong_operation("A simple late fee of 1.5% per full 30 days overdue.", fees.format(body="balance * (1 + rate * periods)")) is None


def test_blind42_and_blind43s_lessons():
    """A quantity that must not go negative clamped at 0, "a partly filled pallet still needs its own", "counting
    both the start and the end date", ties "listed alphabetically" under key=dict.get, a weekday chain
    (1 <= d.weekday() <= 5), a tally per calendar month keyed by the month alone, "more than `grace`" taken in."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Apply the movement and return the new quantity. If the movement would make the quantity negative, raise ValueError."
    stock = "def adjust(stock, item, delta):\n    {body}\n    stock[item] = new\n    return new\n"
    assert "clamps to 0 instead" in ignored_requirement(ask, stock.format(body="new = max(stock.get(item, 0) + delta, 0)"))
    assert ignored_requirement(ask, stock.format(body="new = stock.get(item, 0) + delta\n    if new < 0:\n        raise ValueError(new)")) is None
    pallets = "def pallets_for(units, per_pallet):\n    return {body}\n"
    ask = "How many pallets? A partly filled pallet still needs its own pallet, and 0 units need 0 pallets."
    assert "rounds down" in ignored_requirement(ask, pallets.format(body="units // per_pallet + 1 if units else 0"))
    assert ignored_requirement(ask, pallets.format(body="-(-units // per_pallet)")) is None
    ask = "Write count_weekdays(start, end) counting Monday-Friday days, counting both the start date and the end date."
    days = ("from datetime import timedelta\n\ndef count_weekdays(start, end):\n    n, d = 0, start\n    while d {op} end:\n"
            "        n += d.weekday() < 5\n        d += timedelta(days=1)\n    return n\n")
    assert "counting both the start date and the end' and its comparison d < end" in ignored_requirement(ask, days.format(op="<"))
    assert ignored_requirement(ask, days.format(op="<=")) is None
    ask = "Return the top three students by average, highest first. If averages tie, the tied students should be listed alphabetically."
    top = "def top_three(averages):\n    return sorted(averages, key={key})[:3]\n"
    assert "orders by a single field" in ignored_requirement(ask, top.format(key="averages.get, reverse=True"))
    assert ignored_requirement(ask, top.format(key="lambda n: (-averages[n], n)")) is None
    ask = "List the school days (Monday to Friday) of a month."
    school = "def school_days(days):\n    return [d for d in days if {test}]\n"
    assert "picks Tue-Wed-Thu-Fri-Sat" in ignored_requirement(ask, school.format(test="1 <= d.weekday() <= 5"))
    assert ignored_requirement(ask, school.format(test="0 <= d.weekday() <= 4")) is None
    assert ignored_requirement(ask, school.format(test="5 > d.weekday()")) is None
    ask = "3 free ATM withdrawals per calendar month; every additional one in the same month costs $2.50. Return the total fees."
    fees = "def fees(dates):\n    counts, total = {{}}, 0.0\n    for d in dates:\n        key = {key}\n        counts[key] = counts.get(key, 0) + 1\n        total += 2.5 if counts[key] > 3 else 0\n    return total\n"
    assert ignored_requirement(ask, fees.format(key="(d.year, d.month)")) is None
    tally = "def fees(dates):\n    counts, total = {}, 0.0\n    for d in dates:\n        counts[d.month] = counts.get(d.month, 0) + 1\n        total += 2.5 if counts[d.month] > 3 else 0\n    return total\n"
    assert "keyed by the month alone" in ignored_requirement(ask, tally)
    assert ignored_requirement("Return a dict mapping month number (1-12) to the count, per month.", tally) is None  # the month of the year is asked
    ask = "A delivery is late if it arrives more than `grace` minutes after its promised time. Write count_late(deliveries, grace=10)."
    late = "def count_late(deliveries, grace=10):\n    return sum(1 for promised, actual in deliveries if {test})\n"
    assert "counts grace itself" in ignored_requirement(ask, late.format(test="actual - promised >= grace"))
    assert ignored_requirement(ask, late.format(test="actual - promised > grace")) is None
    assert ignored_requirement(ask, late.format(test="not actual - promised <= grace")) is None


def test_blind44_and_blind45s_lessons():
    """What is left floored at 0 where an excess must raise, "both limits are inclusive", times without leading
    zeros sorted by a split key, and an age counted in 365-day years."""
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return the deposit minus the deductions. If the deductions exceed the deposit, raise ValueError."
    refund = "def refund(deposit, deductions):\n    total = sum(deductions)\n    {body}\n"
    assert "max(deposit - total, 0.0) (line 3) clamps to deposit instead" in ignored_requirement(ask, refund.format(body="return max(deposit - total, 0.0)"))
    assert ignored_requirement(ask, refund.format(body="if total > deposit:\n        raise ValueError(total)\n    return deposit - total")) is None
    ask = "Count the readings within the spec limits. Both limits are inclusive, so a reading equal to `low` or `high` is in spec."
    spec = "def count_in_spec(readings, low, high):\n    return sum(1 for r in readings if low {op} r {op} high)\n"
    assert "asks for 'Both limits are inclusive' and its comparison low < r < high" in ignored_requirement(ask, spec.format(op="<"))
    assert ignored_requirement(ask, spec.format(op="<=")) is None
    ask = "Times come without leading zeros, like '9:05' and '10:40'. Return the unique times in chronological order."
    times = "def clean(times):\n    return sorted(set(times), key={key})\n"
    assert "compares the text as it is" in ignored_requirement(ask, times.format(key="lambda t: t.split(':')"))
    assert ignored_requirement(ask, times.format(key="lambda t: tuple(map(int, t.split(':')))")) is None
    ask = "A child who has not yet had their 2nd birthday on the date of travel may fly as a lap infant."
    infant = "def is_lap_infant(birth, travel):\n    return {body}\n"
    assert "counts years as days" in wrong_operation(ask, infant.format(body="(travel - birth).days // 365 < 2"))
    assert wrong_operation(ask, infant.format(body="(travel.year - birth.year - ((travel.month, travel.day) < (birth.month, birth.day))) < 2")) is None
    assert wrong_operation("Return how many weeks apart the two dates are.", "def weeks(a, b):\n    return (b - a).days // 7\n") is None


def test_a_second_sort_key_named_in_words_is_looked_for_by_stem_and_abbreviation():
    """"sorted by priority and then by creation time" is met by ``t["created"]``, "by departure time, then by carrier
    code" by ``f["dep"]`` (blind44's good rows); a key the code never names at all is still missing."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return the tickets sorted by priority and then by creation time, oldest first."
    tickets = "def triage(tickets):\n    return sorted(tickets, key=lambda t: ({key}))\n"
    assert wrong_operation(ask, tickets.format(key="RANK[t['priority']], t['created']")) is None
    assert wrong_operation(ask, tickets.format(key="RANK[t['priority']], t['opened']")) == (
        "the instruction sorts by priority and by creation, and the code never names creation")
    ask = "Sort by departure time, then by carrier code."
    board = "def board(flights):\n    def key(f):\n        carrier, number = f['flight'].split()\n        return ({dep}, carrier)\n    return sorted(flights, key=key)\n"
    assert wrong_operation(ask, board.format(dep="f['dep']")) is None
    assert wrong_operation(ask, board.format(dep="f['gate']")) == "the instruction sorts by departure and by carrier, and the code never names departure"


def test_blind33_and_blind34s_lessons():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Cinema pricing: children under 12 pay half price, seniors aged 65 and over get 30% off, everyone else pays the full price."
    price = "def ticket_price(age, base=12.0):\n    if age < 12:\n        return base * 0.5\n    if age {op} 65:\n        return base * 0.7\n    return base\n"
    assert "leaves 65 out" in ignored_requirement(ask, price.format(op=">"))
    assert ignored_requirement(ask, price.format(op=">=")) is None
    runs = "def flag(marks):\n    run = 0\n    for m in marks:\n        run = run + 1 if m == 'A' else 0\n        if run {op} 3:\n            return True\n    return False\n"
    assert "leaves 3 out" in ignored_requirement("Flag a student absent on 3 or more consecutive days.", runs.format(op=">"))
    assert ignored_requirement("Flag a student absent on 3 or more consecutive days.", runs.format(op=">=")) is None
    ask = "Return a dict with the number of scores in each band: 'A' (90+), 'B' (80-89), 'C' (70-79), 'D' (60-69) and 'F' (below 60)."
    bands = ("def grade_distribution(scores):\n    bands = [('A', 90), ('B', 80), ('C', 70), ('D', 60)]\n    counts = {letter: 0 for letter, _ in bands}\n"
             "    for s in scores:\n        counts[next((l for l, c in bands if s >= c), 'F')] += 1\n    return counts\n")
    assert missing_part(ask, bands) is None  # 'F' is there, as the default
    assert missing_part(ask, bands.replace(", 'F')", ", None)")) == "the option 'F'"
    assert "puts the 7th in the second week" in misused_call(ast.parse("def week_of_month(d):\n    return d.day // 7 + 1\n"))
    assert misused_call(ast.parse("def week_of_month(d):\n    return (d.day - 1) // 7 + 1\n")) is None
    pages = "def paginate(items, page, per_page):\n    return {{'items': items[(page - 1) * per_page:page * per_page], 'total_pages': {count}}}\n"
    assert "one page too few" in misused_call(ast.parse(pages.format(count="len(items) // per_page")))
    assert misused_call(ast.parse(pages.format(count="-(-len(items) // per_page)"))) is None
    ask = "Write count_words(text): words are separated by any amount of whitespace (spaces, tabs, newlines)."
    words = "import re\n\ndef count_words(text):\n    return len({split})\n"
    assert "one whitespace character" in ignored_requirement(ask, words.format(split="re.split(r'\\s', text.strip())"))
    assert ignored_requirement(ask, words.format(split="re.split(r'\\s+', text.strip())")) is None
    assert ignored_requirement(ask, words.format(split="[w for w in re.split(r'\\s', text) if w]")) is None
    ask = "Each appointment is a (time, client) tuple; the time is written like '9:30' or '14:00' (hours are not zero-padded). Return them in chronological order."
    appointments = "def sort_appointments(appointments):\n    return sorted(appointments, key={key})\n"
    assert "sorts after '14:00'" in ignored_requirement(ask, appointments.format(key="lambda a: a[0]"))
    assert ignored_requirement(ask, appointments.format(key="lambda a: tuple(int(p) for p in a[0].split(':'))")) is None


def test_examples_said_in_words_and_a_question_that_asks_for_a_number():
    from hfsynth.curate.instruction_examples import instruction_examples
    from hfsynth.curate.returned_kinds import contradicted_return

    quarter = "def round_to_quarter(minutes: int) -> int:\n    return {body}\n"
    ask = "Write round_to_quarter(minutes) that rounds minutes to the nearest multiple of 15 (7 rounds down to 0, 8 rounds up to 15)."
    assert [(e.call, e.want) for e in instruction_examples(ask, quarter.format(body="minutes // 15 * 15"))] == [("round_to_quarter(7)", "0"), ("round_to_quarter(8)", "15")]
    ask = "Write strip_extension(filename) that removes only the final extension. Names without an extension, including dotfiles like '.bashrc', come back unchanged."
    stem = "def strip_extension(filename: str) -> str:\n    return filename.rpartition('.')[0] or filename\n"
    assert [(e.call, e.want) for e in instruction_examples(ask, stem)] == [("strip_extension('.bashrc')", "'.bashrc'")]
    # pairs are pairs: "'HTMLParser' -> 'html_parser', and lowercase names are returned unchanged" hands back no pair's left side
    ask = "Write `to_snake_case(name)`: \"HTMLParser\" -> \"html_parser\", \"userID2Name\" -> \"user_id2_name\", and already-lowercase names are returned unchanged."
    snake = "def to_snake_case(name):\n    return name.lower()\n"
    assert all(e.want != repr(e.args[0]) for e in instruction_examples(ask, snake))
    ask = "How many distinct client IPs hit the server? The input is a list of access-log lines. I need a function that returns that number."
    per_ip = "from collections import Counter\n\ndef requests_per_ip(lines):\n    return dict(Counter(line.split()[0] for line in lines))\n"
    assert "returns a dictionary where the instruction says it returns a number" in contradicted_return(ask, per_ip)
    assert contradicted_return(ask, "def distinct_ips(lines):\n    return len({line.split()[0] for line in lines})\n") is None
    assert contradicted_return("How many times does each word appear? Return that count per word.", per_ip) is None


def test_blind32s_lessons_in_numbers_and_text():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write `cash_round(amount)`: for cash payments we round totals to the nearest 5 cents."
    cash = "def cash_round(amount):\n    return round({body}, 2)\n"
    assert "cuts down, never up" in ignored_requirement(ask, cash.format(body="int(amount * 20) / 20"))
    assert ignored_requirement(ask, cash.format(body="round(amount * 20) / 20")) is None
    assert ignored_requirement(ask, cash.format(body="int(amount * 20 + 0.5) / 20")) is None
    assert ignored_requirement("Dose is rounded down to the nearest 0.5 mg.", "import math\n\ndef dose(x):\n    return math.floor(x * 2) / 2\n") is None
    ask = "Couriers earn $4.50 per delivery. Every delivery beyond the first 50 in a week earns an extra $1.25 bonus on top."
    pay = "def weekly_pay(deliveries):\n    extra = {extra}\n    return round(deliveries * 4.5 + extra * 1.25, 2)\n"
    assert "goes negative below the threshold" in ignored_requirement(ask, pay.format(extra="deliveries - 50"))
    assert ignored_requirement(ask, pay.format(extra="max(0, deliveries - 50)")) is None
    zip_ask = "Write `is_valid_zip(code)` that accepts US ZIP codes in the form 12345 or 12345-6789 and rejects anything else."
    zip_code = "import re\n\ndef is_valid_zip(code):\n    return re.{call}(r'\\d{{5}}(-\\d{{4}})?', code) is not None\n"
    assert "has no end anchor" in wrong_operation(zip_ask, zip_code.format(call="match"))
    assert wrong_operation(zip_ask, zip_code.format(call="fullmatch")) is None
    assert "removes any of those characters" in misused_call(ast.parse("def label(amount):\n    text = f'{amount:.2f}'\n    return '$' + text.rstrip('.00')\n"))
    pages = "def paginate(items, page, per_page=10):\n    total_pages = max(1, {count})\n    return items[(page - 1) * per_page:page * per_page], total_pages\n"
    assert "one page too few" in misused_call(ast.parse(pages.format(count="len(items) // per_page")))
    assert misused_call(ast.parse(pages.format(count="-(-len(items) // per_page)"))) is None
    overlap = "def bookings_overlap(a, b):\n    a_start, a_end = a\n    b_start, b_end = b\n    return {test}\n"
    assert "b_end of b unpacked and never read" in substance.trivial({"language": "python", "code": overlap.format(test="a_start <= b_start < a_end")})
    assert substance.trivial({"language": "python", "code": overlap.format(test="a_start < b_end and b_start < a_end")}) is None


def test_blind34s_lessons_in_windows_and_rates():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.task_operations import wrong_operation

    rolling = "def rolling_average(steps, window=7):\n    out = []\n    for i in range(window - 1, len(steps)):\n        chunk = steps[{cut}]\n        out.append(sum(chunk) / len(chunk))\n    return out\n"
    assert "holds window - 1 items" in misused_call(ast.parse(rolling.format(cut="i - window + 1:i")))
    assert misused_call(ast.parse(rolling.format(cut="i - window + 1:i + 1"))) is None
    ask = "Each ride segment is a (distance_km, minutes) tuple. Write `average_speed(segments)` that returns the overall average speed in km/h for the whole ride."
    mean = "def average_speed(segments):\n    speeds = [d / (m / 60) for d, m in segments]\n    return round(sum(speeds) / len(speeds), 1)\n"
    assert "averages each item's own ratio" in wrong_operation(ask, mean)
    total = "def average_speed(segments):\n    km = sum(d for d, _ in segments)\n    hours = sum(m for _, m in segments) / 60\n    return round(km / hours, 1)\n"
    assert wrong_operation(ask, total) is None
    assert wrong_operation("Return the average of each student's marks.", mean) is None  # no overall rate asked


def test_the_code_saying_it_does_a_nearby_task():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "From a list of runs given as `(distance_km, minutes)` tuples, write `average_pace(runs)` returning the overall average pace in minutes per kilometre."
    pace = 'def average_pace(runs):\n    """{doc}"""\n    km = sum(d for d, _ in runs)\n    minutes = sum(m for _, m in runs)\n    return round({value}, 2)\n'
    assert "says it computes 'speed'" in wrong_operation(ask, pace.format(doc="Overall average speed in km/h.", value="km / (minutes / 60)"))
    assert wrong_operation(ask, pace.format(doc="Overall pace in minutes per km.", value="minutes / km")) is None
    ask = "Given login dates, write a function returning the user's longest streak: the most consecutive calendar days with a login."
    gap = "def longest_gap_days(days):\n    days = sorted(set(days))\n    return max(((b - a).days for a, b in zip(days, days[1:])), default=0)\n"
    assert "says it computes 'gap'" in wrong_operation(ask, gap)
    assert wrong_operation(ask, gap.replace("longest_gap_days", "longest_streak")) is None


def test_blind36s_good_row_lost_on_arrival_a_board_repeats_its_rows():
    from hfsynth.curate import repetition
    from hfsynth.schema.curate import CurateConfig

    config = CurateConfig().repetition
    board = "blinker = [[0, 0, 0, 0, 0],\n           [0, 0, 1, 0, 0],\n           [0, 0, 1, 0, 0],\n           [0, 0, 1, 0, 0],\n           [0, 0, 0, 0, 0]]\nprint(blinker)\n"
    assert repetition.code_reason(board, config) is None
    loop = "def f(x):\n" + "    total = total + x * 2\n" * 4 + "    return total\n"
    assert "repeated line" in repetition.code_reason(loop, config)


def test_blind35_and_blind36s_readings():
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    assert instruction.names_a_task("ordinal(n) should give '1st', '2nd', '3rd', '4th' and so on. Raise ValueError for negative numbers.")
    levels = "def count_levels(lines):\n    counts = dict.fromkeys(('INFO', 'ERROR'), 0)\n    for line in lines:\n        level = line.split()[2].upper()\n        if level in counts:\n            counts[level] += 1\n    return counts\n"
    assert wrong_operation("Count log lines per level. Ignore lines with fewer fields or an unknown level.", levels) is None  # a log's level, not nesting
    flat = "def flatten(items):\n    return [x for sub in items for x in sub]\n"
    assert "handles one level only" in wrong_operation("Flatten a list with any level of nesting.", flat)
    ask = "Parse 'key = value' lines into a dict. For any other line without an '=', raise ValueError mentioning the line number."
    settings = "def parse_settings(text):\n    out = {{}}\n    for line in text.splitlines():\n        key, sep, value = line.partition('=')\n        if not sep:\n            {bad}\n        out[key.strip()] = value.strip()\n    return out\n"
    assert "never does" in ignored_requirement(ask, settings.format(bad="continue"))  # the "without" is the condition's, not a negation of the raise
    assert ignored_requirement(ask, settings.format(bad="raise ValueError(line)")) is None
    assert ignored_requirement("Parse the lines without raising ValueError.", settings.format(bad="continue")) is None
    top = "def top_three(scores):\n    {body}\n"
    ask = "Write `top_three(scores)` that returns the three highest scores in descending order. Don't modify the caller's list."
    assert "scores.sort()" in ignored_requirement(ask, top.format(body="scores.sort(reverse=True)\n    return scores[:3]"))
    assert ignored_requirement(ask, top.format(body="return sorted(scores, reverse=True)[:3]")) is None


def test_blind35s_lessons():
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Estimate reading time: count the words (whitespace-separated), divide by words-per-minute (default 200) and round *up* to whole minutes."
    reading = "import math\n\ndef reading_time(text, wpm=200):\n    return max(1, {rounding}(len(text.split()) / wpm))\n"
    assert "rounds to the nearest" in ignored_requirement(ask, reading.format(rounding="round"))
    assert ignored_requirement(ask, reading.format(rounding="math.ceil")) is None
    assert ignored_requirement("Round to the nearest multiple of 5 (exact halfway values round up).", "def r(x):\n    return int(x / 5 + 0.5) * 5\n") is None  # half-up, not up
    sms = "def sms_segments(message):\n    if not message:\n        return 0\n    if len(message) {op} 160:\n        return 1\n    return -(-len(message) // 153)\n"
    ask = "A single SMS holds up to 160 characters; longer messages are split into segments of 153 characters each."
    assert "leaves 160 out" in ignored_requirement(ask, sms.format(op="<"))
    assert ignored_requirement(ask, sms.format(op="<=")) is None
    assert ignored_requirement("18.5 up to (not including) 25 is 'Normal', 25 up to 30 is 'Overweight', 30 or more is 'Obese'.",
                               "def category(bmi):\n    return 'Normal' if bmi < 25 else 'Overweight' if bmi < 30 else 'Obese'\n") is None  # a tier's "up to"
    ask = "Filter events (each with a 'date' datetime.date) to those between start and end, inclusive of both dates."
    window = "def events_between(events, start, end):\n    days = range(start.toordinal(), end.toordinal(){plus})\n    return [e for e in events if e['date'].toordinal() in days]\n"
    assert "leaves the bound out" in ignored_requirement(ask, window.format(plus=""))
    assert ignored_requirement(ask, window.format(plus=" + 1")) is None
    iso = "def week_label(d):\n    return {body}\n"
    ask = "Write `week_label(d)` that returns the ISO 8601 week label for a date, like '2024-W09'."
    assert "counts weeks from the year's first Monday" in wrong_operation(ask, iso.format(body="d.strftime('%Y-W%W')"))
    assert wrong_operation(ask, iso.format(body="d.strftime('%G-W%V')")) is None
    assert "has no end anchor" in wrong_operation("Check whether a string is a valid 24-hour time 'HH:MM'.", "import re\n\ndef is_valid_time(value):\n    return re.match(r'([01]\\d|2[0-3]):[0-5]\\d', value) is not None\n")
    ask = "Parse 'rgb(255, 128, 0)' into three ints. Raise ValueError if any component is outside 0-255."
    rgb = "import re\n\ndef parse_rgb(value):\n    m = re.fullmatch(r'rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)', value)\n    if not m:\n        raise ValueError(value)\n    return tuple({part} for p in m.groups())\n"
    assert "clamps the value into range" in ignored_requirement(ask, rgb.format(part="min(int(p), 255)"))
    ask = "Write `text_stats(text)` returning a dict with: 'words' (number of words), 'unique' (distinct words) and 'longest' (the longest word)."
    stats = "def text_stats(text):\n    words = text.split()\n    return {{'words': len(words), 'unique': len(set(words)){more}}}\n"
    assert missing_part(ask, stats.format(more="")) == "the key 'longest' of the dict it returns"
    assert missing_part(ask, stats.format(more=", 'longest': max(words, key=len, default='')")) is None
    ask = "Write `escape_html(text)` replacing & with &amp;, < with &lt;, > with &gt;, \" with &quot; and ' with &#x27;."
    escape = "def escape_html(text):\n    for a, b in [('&', '&amp;'), ('<', '&lt;'), ('>', '&gt;'), ('\"', '&quot;'){more}]:\n        text = text.replace(a, b)\n    return text\n"
    assert missing_part(ask, escape.format(more="")) == "the entity '&#x27;'"
    assert missing_part(ask, escape.format(more=", (\"'\", '&#x27;')")) is None


def test_blind37s_lessons():
    from hfsynth.curate import repetition
    from hfsynth.curate.instruction_examples import instruction_examples
    from hfsynth.curate.required_errors import required_error_claims
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.schema.curate import CurateConfig

    ask = "Round monetary amounts to cents with halves rounded away from zero, so 2.675 -> 2.68 and -2.675 -> -2.68."
    cents = "from decimal import Decimal\n\ndef round_cents(amount):\n    return Decimal(str(amount))\n"
    assert [e.call for e in instruction_examples(ask, cents)] == ["round_cents(2.675)", "round_cents(-2.675)"]  # the second example, after "and", is read too
    assert [e.call for e in instruction_examples("Add them: 3 and 4 -> 7.", "def add(a):\n    return a\n")] == []
    ask = "Return the top N spending categories as (category, total) pairs, highest total first. If two categories have the same total, order them alphabetically."
    top = "def top(totals, n):\n    return sorted(totals.items(), key={key})[:n]\n"
    assert "orders by a single field" in ignored_requirement(ask, top.format(key="lambda kv: -kv[1]"))
    assert ignored_requirement(ask, top.format(key="lambda kv: (-kv[1], kv[0])")) is None
    ask = "Generate every date from start to end, inclusive, as 'YYYY-MM-DD' strings. Both arguments are ISO date strings."
    days = ("from datetime import date, timedelta\n\ndef date_range(start, end):\n    current, stop = date.fromisoformat(start), date.fromisoformat(end)\n    out = []\n"
            "    while current {op} stop:\n        out.append(current.isoformat())\n        current += timedelta(days=1)\n    return out\n")
    assert ignored_requirement(ask, days.format(op="<=")) is None
    stop_apart = days.replace("current, stop = date.fromisoformat(start), date.fromisoformat(end)", "current = date.fromisoformat(start)\n    stop = date.fromisoformat(end)")
    assert "leaves the bound out" in ignored_requirement(ask, stop_apart.format(op="<"))
    assert ignored_requirement(ask, stop_apart.format(op="<=")) is None
    grade = "def letter(score):\n    if score >= 90:\n        return 'A'\n    if score {op} 80:\n        return 'B'\n    return 'F'\n"
    ask = "Map a score to a letter: 90 and above is A, 80-89 is B, below 80 is F."
    assert "leaves 80 out" in ignored_requirement(ask, grade.format(op=">"))
    assert ignored_requirement(ask, grade.format(op=">=")) is None
    ask = "Search transactions (dicts with 'merchant' and 'amount') for those whose merchant contains the term, case-insensitively."
    search = "def search(txns, term):\n    needle = term.lower()\n    return [t for t in txns if needle in {field}]\n"
    assert "folds one side only" in ignored_requirement(ask, search.format(field="t['merchant']"))
    assert ignored_requirement(ask, search.format(field="t['merchant'].lower()")) is None
    annuity = "def future_value_annuity(payment, annual_rate_pct, years):\n    if payment < 0 or years < 0:\n        raise ValueError('negative')\n    return payment * years * 12\n\n\nassert future_value_annuity(100, 0, 1) == 1200\n"
    ask = "Write `future_value_annuity(payment, annual_rate_pct, years)`. Raise ValueError if the payment, the rate or the years is negative."
    probed = [c[0] for c in required_error_claims(ask, ast.parse(annuity), None)]
    assert len(probed) == 2 and any("payment=-1" in c for c in probed) and any("years=-1" in c for c in probed)  # "the rate" names no parameter: not probed
    ask = ask.replace("the rate", "the annual_rate_pct")
    assert any("annual_rate_pct=-1" in c[0] for c in required_error_claims(ask, ast.parse(annuity), None))
    schedule = "def schedule(n) -> list[tuple[int, float, float, float, float]]:\n    return [(m, 0.0, 0.0, 0.0, 0.0) for m in range(n)]\n"
    assert repetition.code_reason(schedule, CurateConfig().repetition) is None  # a type's arguments repeat, no loop


def test_blind36s_lessons():
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.returned_kinds import contradicted_return
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    group = "from typing import Dict, List\n\ndef group(categories, products):\n    groups: Dict[str, List[str]] = {init}\n    for name, category in products:\n        groups[category].append(name)\n    return groups\n"
    assert "changes them all" in misused_call(ast.parse(group.format(init="dict.fromkeys(categories, [])")))
    assert misused_call(ast.parse(group.format(init="{c: [] for c in categories}"))) is None
    ask = "Count the words in `text`, where words are separated by any whitespace (spaces, tabs, newlines)."
    assert "splits on single spaces" in ignored_requirement(ask, "def word_count(text):\n    return len([w for w in text.split(' ') if w])\n")
    ask = "Return the descriptions of the events whose time falls within [start, end], ordered by time."
    window = "def events_between(events, start, end):\n    return [d for t, d in sorted(events) if start <= t {op} end]\n"
    assert "leaves the bound out" in ignored_requirement(ask, window.format(op="<"))
    assert ignored_requirement(ask, window.format(op="<=")) is None
    ask = "From access records given as (user_id, 'YYYY-MM-DD HH:MM:SS') tuples, compute how many distinct users visited on each day."
    per_day = "from collections import Counter\n\ndef daily(records):\n    return dict(Counter(ts[:10] for _, ts in records))\n"
    assert "counts every item of a group" in wrong_operation(ask, per_day)
    assert wrong_operation("How many distinct ways can you climb n steps if each move climbs 1 or 2 steps?", "def ways(n):\n    a, b = 1, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n") is None
    ask = "Given a list of (product_id, rating) reviews, return a dict mapping each product to its average rating."
    halved = "def average_ratings(reviews):\n    avg = {}\n    for p, r in reviews:\n        avg[p] = (avg[p] + r) / 2 if p in avg else float(r)\n    return avg\n"
    assert "halves the weight" in wrong_operation(ask, halved)
    assert wrong_operation("Approximate the square root by Newton's method.", "def sqrt(n):\n    g = n\n    for _ in range(20):\n        g = (g + n / g) / 2\n    return g\n") is None
    ask = "Given (account_id, amount) transactions, I need the balance of the affected account right after each transaction, as a list in the same order as the input."
    totals = "from collections import defaultdict\n\ndef balances(transactions):\n    out = defaultdict(float)\n    for account, amount in transactions:\n        out[account] += amount\n    return dict(out)\n"
    assert "returns a dictionary where the instruction says it returns a list" in contradicted_return(ask, totals)


def test_a_grid_step_checked_against_the_far_edge_only():
    from hfsynth.curate.misused_calls import misused_call

    knight = ("from collections import deque\n\nMOVES = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]\n\n"
              "def knight_distance(n, start, target):\n    queue, seen = deque([(start, 0)]), {start}\n    while queue:\n        (r, c), dist = queue.popleft()\n"
              "        if (r, c) == target:\n            return dist\n        for dr, dc in MOVES:\n            nr, nc = r + dr, c + dc\n"
              "            if {test} and (nr, nc) not in seen:\n                seen.add((nr, nc))\n                queue.append(((nr, nc), dist + 1))\n    return -1\n")
    assert "far edge only" in misused_call(ast.parse(knight.replace("{test}", "nr < n and nc < n")))
    assert misused_call(ast.parse(knight.replace("{test}", "0 <= nr < n and 0 <= nc < n"))) is None
    dijkstra = "def relax(dist, u, v, w):\n    nd = dist[u] + w\n    if nd < dist[v]:\n        dist[v] = nd\n"
    assert misused_call(ast.parse(dijkstra)) is None  # a distance, not a step on a grid


def test_a_limit_of_at_most_width_characters_compared_strictly():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Greedy word wrap: split text into lines of at most `width` characters, breaking only at spaces."
    wrap = ("def wrap_text(text, width):\n    lines, current = [], ''\n    for word in text.split():\n        if not current:\n            current = word\n"
            "        elif len(current) + len(word) + 1 {op} width:\n            current += ' ' + word\n        else:\n            lines.append(current)\n            current = word\n"
            "    if current:\n        lines.append(current)\n    return lines\n")
    assert "keeps a line of exactly width characters out" in ignored_requirement(ask, wrap.format(op="<"))
    assert ignored_requirement(ask, wrap.format(op="<=")) is None


def test_blind38s_good_row_lost_on_arrival_a_line_total_is_a_number():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Bulk pricing: write `bulk_line_total(unit_price, qty)`. 10 to 49 units get 5% off the line, 50 or more get 10% off. Return the line total rounded to 2 decimals."
    total = "def bulk_line_total(unit_price, qty):\n    discount = 0.10 if qty >= 50 else 0.05 if qty >= 10 else 0.0\n    return round(unit_price * qty * (1 - discount), 2)\n"
    assert wrong_operation(ask, total) is None
    assert "only returns numbers" in wrong_operation("Return the longest line of the text.", "def longest(text):\n    return max(len(l) for l in text.splitlines())\n")


def test_blind46_to_51s_lessons_each_beside_the_row_that_is_kept():
    """A signature asked without backticks, "returns how many", a weekday named on its own or kept in a
    constant, an affix tested whole then stripped as characters, a date format spec with %m for minutes,
    a newline the instruction rules out let through by $, words counted from split(" ")."""
    ask = "Write days_until_due(due_date, today) that returns how many days are left until a loan is due."
    assert check(ask, "def compute_due_date(checkout, loan_days=14):\n    return checkout\n") == "instruction asks for `days_until_due` but the code defines no days_until_due"
    assert check(ask, "def days_until_due(due_date, today):\n    return (due_date - today).days\n") is None
    ask = "Our museum logs each entry as a (member_id, timestamp) tuple. Write count_unique_visitors(log) that returns how many different members visited."
    per_member = "from collections import Counter\n\ndef count_unique_visitors(log):\n    return dict(Counter(m for m, _ in log))\n"
    assert check(ask, per_member) == "count_unique_visitors returns a dictionary where the instruction says it returns a number"
    assert check(ask, "def count_unique_visitors(log):\n    return len({m for m, _ in log})\n") is None
    ask = "Given the total rise of a staircase, return the number of risers and the actual riser height rounded to 2 decimals."
    assert check(ask, "import math\n\ndef stair_risers(rise, most=7.75):\n    n = math.ceil(rise / most)\n    return n, round(rise / n, 2)\n") is None

    closed = "def is_closed(day, holidays):\n    if day in holidays:\n        return True\n    return day.weekday() == {day}\n"
    ask = "The reading room is closed on Mondays and on public holidays. Write is_closed(day, holidays)."
    assert "picks Tue" in check(ask, closed.format(day=1))
    assert check(ask, closed.format(day=0)) is None
    backup = "FULL = {day}  # Sunday\n\ndef backup_type(day):\n    return 'full' if day.weekday() == FULL else 'incremental'\n"
    ask = "Full backups run on Sundays, incremental backups on every other day. Write `backup_type(day)`."
    assert "picks Mon" in check(ask, backup.format(day=0))
    assert check(ask, backup.format(day=6)) is None
    weeks = "def week_end(day):\n    return day.weekday() >= 5\n"  # a test of several days beside one day named on its own is not read
    assert check("Weeks start on Monday. Write `week_end(day)` that tells whether the day is on the weekend part of the week.", weeks) is None

    prefix = "PREFIX = 'POL-'\n\ndef policy_code(ref):\n    if ref.startswith(PREFIX):\n        return ref.{strip}\n    return ref\n"
    assert "not the affix" in trivial(prefix.format(strip="lstrip(PREFIX)"))
    assert trivial(prefix.format(strip="removeprefix(PREFIX)")) is None
    assert trivial(prefix.format(strip="lstrip(PREFIX)").replace("'POL-'", "'/'")) is None  # one character: stripping every one is meant
    suffix = "def short_hostname(fqdn, domain='example.com'):\n    suffix = '.' + domain\n    if fqdn.endswith(suffix):\n        return fqdn.{strip}\n    return fqdn\n"
    assert "not the affix" in trivial(suffix.format(strip="rstrip(suffix)"))
    assert trivial(suffix.format(strip="[:-len(suffix)]")) is None
    archive = "def backup_filename(host, when):\n    return f'{{host}}-{{when:%Y%m%d-%H{minute}}}.tar.gz'\n"
    assert "%M is the minute" in trivial(archive.format(minute="%m"))
    assert trivial(archive.format(minute="%M")) is None

    ask = "A valid ID is exactly 'CT-' followed by six ASCII digits, with nothing before or after it (no whitespace or newlines either). Write `is_valid(s)`."
    anchored = "import re\n\nID = re.compile(r'^CT-\\d{{6}}{end}')\n\ndef is_valid(s):\n    return ID.{call}(s) is not None\n"
    assert "before a final newline" in check(ask, anchored.format(end="$", call="match"))
    assert check(ask, anchored.format(end="\\Z", call="match")) is None
    assert check(ask, anchored.format(end="$", call="fullmatch")) is None
    assert check(ask.replace(" (no whitespace or newlines either)", ""), anchored.format(end="$", call="match")) is None

    ask = "Write word_count(text) that returns the number of words in a manuscript's text."
    counted = "def word_count(text):\n    return len([w for w in text.{split} if w])\n"
    assert "splits at single spaces" in check(ask, counted.format(split="split(' ')"))
    assert check(ask, counted.format(split="split()")) is None
    assert check(ask + " Words are separated by single spaces.", counted.format(split="split(' ')")) is None


def test_blind46_to_51s_good_rows_lost_on_arrival():
    """Quotes around two phrases are not one phrase; a unit written after a value in an f-string is written;
    2**32-1 is no bound of 2."""
    ask = "Write due_message(due, today) that returns 'Due today', 'Due in N day(s)' or 'Overdue by N day(s)', using 'day' when N is 1 and 'days' otherwise."
    due = ("def due_message(due, today):\n    diff = (due - today).days\n    if diff == 0:\n        return 'Due today'\n    n = abs(diff)\n"
           "    unit = 'day' if n == 1 else 'days'\n    return f'Due in {n} {unit}' if diff > 0 else f'Overdue by {n} {unit}'\n")
    assert missing_part(ask, due) is None
    ask = "Format a file size in bytes using 1024-based units B, KB, MB, GB and TB, with one decimal place except for plain bytes."
    size = ("def human_size(n):\n    if n < 1024:\n        return f'{n} B'\n    value = float(n)\n    for unit in ('KB', 'MB', 'GB', 'TB'):\n"
            "        value /= 1024\n        if value < 1024 or unit == 'TB':\n            return f'{value:.1f} {unit}'\n")
    assert missing_part(ask, size) is None
    assert missing_part(ask, size.replace("f'{n} B'", "str(n)")) == "the unit 'B'"
    ask = "Write `int_to_ip(n)`; it should raise ValueError outside 0..2**32-1."
    assert check(ask, "def int_to_ip(n):\n    if not 0 <= n <= 0xFFFFFFFF:\n        raise ValueError(n)\n    return '.'.join(str(n >> s & 255) for s in (24, 16, 8, 0))\n") is None


def test_blind46_to_51s_lessons_read_from_what_was_left():
    """A range "from a start date to an end date, both inclusive"; a weekend named beside the rest of the
    week; dict.fromkeys(staff, []) handed back to be filled; "Negative input must raise"; a returned
    dict's key that the code only reads from its input; a value among those a return sentence quotes; a
    field of an output named bare; an input form that "comes as" one of two."""
    from hfsynth.curate.accepted_inputs import accepted_inputs
    from hfsynth.curate.required_errors import required_error_claims

    ask = "An exhibition runs from a start date to an end date, both inclusive. Write exhibition_days(start, end) that returns how many days it is open."
    days = "from datetime import timedelta\n\ndef exhibition_days(start, end):\n    n, current = 0, start\n    while current {op} end:\n        n += 1\n        current += timedelta(days=1)\n    return n\n"
    assert "leaves the bound out" in check(ask, days.format(op="<"))
    assert check(ask, days.format(op="<=")) is None

    ask = "I need is_weekend_event(event_date) returning True if the date falls on a Saturday or Sunday, and False for Monday to Friday."
    weekend = "def is_weekend_event(event_date):\n    return event_date.weekday() in {days}\n"
    assert "picks Sun" in check(ask, weekend.format(days="(6, 7)"))
    assert check(ask, weekend.format(days="(5, 6)")) is None

    rota = "def empty_rota(staff):\n    return {value}\n"
    assert "gives every key the same []" in trivial(rota.format(value="dict.fromkeys(staff, [])"))
    assert trivial(rota.format(value="{name: [] for name in staff}")) is None
    assert trivial(rota.format(value="dict.fromkeys(staff, 0)")) is None

    ask = "Write format_track_length(seconds) that returns a track length as 'm:ss' (e.g. 245 -> '4:05'). Negative input must raise ValueError."
    clamped = "def format_track_length(seconds: int) -> str:\n    seconds = max(0, int(seconds))\n    m, s = divmod(seconds, 60)\n    return f'{m}:{s:02d}'\n"
    assert [c[0] for c in required_error_claims(ask, ast.parse(clamped))] == ["(lambda r: list(r) if hasattr(r, '__next__') else r)(format_track_length(seconds=-1))"]
    assert required_error_claims("The amount must be positive. Write `f(amount)`.", ast.parse("def f(amount):\n    return amount\n")) == []

    ask = ("Given a list of loan dicts ({'due': date, 'returned': date or None}) and today's date, return a summary dict with three keys: "
           "'total' (number of loans), 'returned' (how many have been returned) and 'overdue' (not returned and due before today).")
    summary = ("def loan_summary(loans, today):\n    s = {{'total': 0, 'overdue': 0{extra}}}\n    for loan in loans:\n        s['total'] += 1\n"
               "        if loan['returned'] is None and loan['due'] < today:\n            s['overdue'] += 1\n{more}    return s\n")
    assert missing_part(ask, summary.format(extra="", more="")) == "the key 'returned' of the dict it returns"
    assert missing_part(ask, summary.format(extra=", 'returned': 0", more="        if loan['returned'] is not None:\n            s['returned'] += 1\n")) is None

    ask = "Write `policy_status(start, end, today)` that returns 'pending' if the policy hasn't started yet, 'active' from the start date through the end date (inclusive), and 'lapsed' once the end date has passed."
    status = "def policy_status(start, end, today):\n{pending}    if start <= today <= end:\n        return 'active'\n    return 'lapsed'\n"
    assert missing_part(ask, status.format(pending="")) == "the value 'pending' it returns"
    assert missing_part(ask, status.format(pending="    if today < start:\n        return 'pending'\n")) is None
    assert missing_part("Return the status, such as 'open', 'closed' or 'held'.", status.format(pending="").replace("active", "open").replace("lapsed", "closed")) is None

    ask = "Write loan_to_csv(loan) that turns a loan dict into a single CSV line with the fields title, author, member_id and due_date (ISO format), in that order."
    line = "def loan_to_csv(loan):\n    return ','.join([loan['title'],{author} loan['member_id'], loan['due_date'].isoformat()])\n"
    assert missing_part(ask, line.format(author="")) == "the field 'author' of its output"
    assert missing_part(ask, line.format(author=" loan['author'],")) is None
    assert missing_part("Each record has the fields name, dept and salary. Return the total salary per dept, as a CSV line.", line.format(author="")) is None

    ask = "Write to_seconds(duration). Durations come as either 'm:ss' or 'h:mm:ss' (for example '45:10' or '2:05:33'). Return the total number of seconds."
    assert accepted_inputs(ask, ast.parse("def to_seconds(duration: str) -> int:\n    m, s = duration.split(':')\n    return int(m) * 60 + int(s)\n")) == ["45:10", "2:05:33"]


def test_blind46_to_51s_logic_read_from_the_words():
    """Extras that stack answered with elif; the first tier's days charged at the later rate; "end is
    exclusive" after "up to but NOT including end ("; "up to but not including their check-out date";
    ties "in alphabetical order" and "the one filed earlier first" when two have the same amount."""
    ask = ("Everyone pays the standard excess of 250. A driver under 25 pays an extra 200, and a driver not named on the policy "
           "pays an extra 500. Each extra is added on top whenever its condition applies. Write `total_excess(age, named)`.")
    excess = "def total_excess(age, named):\n    excess = 250\n    if not named:\n        excess += 500\n    {second} age < 25:\n        excess += 200\n    return excess\n"
    assert "the elif (line 5)" in check(ask, excess.format(second="elif"))
    assert check(ask, excess.format(second="if")) is None
    assert check(ask.replace(" Each extra is added on top whenever its condition applies.", ""), excess.format(second="elif")) is None

    ask = "Overdue fines: $0.10 per day for the first 7 days late, then $0.20 per day for each day after that. Write dvd_fine(days_late)."
    flat = "def dvd_fine(days_late):\n    if days_late <= 0:\n        return 0.0\n    if days_late <= 7:\n        return round(days_late * 0.10, 2)\n    return round({rest}, 2)\n"
    assert "nothing takes the first 7 off" in check(ask, flat.format(rest="days_late * 0.20"))
    assert check(ask, flat.format(rest="0.70 + (days_late - 7) * 0.20")) is None

    ask = "shift_dates(start, end) returns every 7th day beginning at start, up to but NOT including end (end is exclusive, like range())."
    weekly = "from datetime import timedelta\n\ndef shift_dates(start, end):\n    out, current = [], start\n    while current {op} end:\n        out.append(current)\n        current += timedelta(weeks=1)\n    return out\n"
    assert "takes end in" in check(ask, weekly.format(op="<="))
    assert check(ask, weekly.format(op="<")) is None
    ask = "Count the guests in house on the night of `day`: from their check-in date up to but NOT including their check-out date. Write in_house_count(bookings, day)."
    count = "def in_house_count(bookings, day):\n    return sum(1 for check_in, check_out in bookings if check_in <= day {op} check_out)\n"
    assert "takes check_out in" in check(ask, count.format(op="<="))
    assert check(ask, count.format(op="<")) is None
    guarded = "def business_days(start, end):\n    if end <= start:\n        return 0\n    return (end - start).days\n"  # the bounds compared with each other: a guard
    assert check("Write `business_days(start, end)` counting the days from `start` up to but not including `end`.", guarded) is None

    ask = "Return the names of the n subscribers with the highest usage, highest first. If two subscribers used the same amount, list them in alphabetical order."
    ranked = "def top_users(usage, n):\n    return [name for name, _ in sorted(usage.items(), key=lambda item: {key}{reverse})[:n]]\n"
    assert "reverses the tie-breaking field too" in check(ask, ranked.format(key="(item[1], item[0])", reverse=", reverse=True"))
    assert check(ask, ranked.format(key="(-item[1], item[0])", reverse="")) is None
    ask = "Return the n largest claims in descending order of amount. When two claims have the same amount, the one filed earlier must come first."
    largest = "import heapq\n\ndef top_claims(claims, n):\n    return heapq.nlargest(n, claims, key=lambda c: {key})\n"
    assert "orders by a single field" in check(ask, largest.format(key="c['amount']"))
    assert check(ask, largest.format(key="(c['amount'], -c['filed'].toordinal())")) is None


def test_halves_rounded_up_in_more_words():
    """"exact halves rounding up", "round-half-up", ".5 always rounding up" (blind33/36/37's junk, once caught only
    because the rule's own example crashed on a function of a list)."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    stars = "def star_rating(ratings):\n    if not ratings:\n        return 0\n    return {body}\n"
    for ask in ("Round the average to the nearest whole star, with exact halves rounding up (so 2.5 -> 3).",
                "Convert each reading, rounding to one decimal place using round-half-up.", "Round each item to the nearest dollar with .5 always rounding up."):
        assert "rounds halves to even" in ignored_requirement(ask, stars.format(body="round(sum(ratings) / len(ratings))")), ask
        assert ignored_requirement(ask, stars.format(body="int(sum(ratings) / len(ratings) + 0.5)")) is None
    assert ignored_requirement("The value 2.5 rounds up to 3 in the report.", stars.format(body="round(sum(ratings) / len(ratings))")) is None


def test_blind49_and_50s_parts_left_out():
    """A CSV header row an output must have; options named with what each gives; the fixed phrase beside
    templates of the same opening; a worked example whose number names its unit ("1620 minutes -> ...")."""
    from hfsynth.curate.instruction_examples import instruction_examples

    ask = ("volunteers_to_csv(volunteers) takes a list of dicts and returns the CSV text with the header row `name,email,phone,shifts_completed` "
           "followed by one row per volunteer in that column order.")
    export = "import csv, io\n\nCOLUMNS = [{columns}]\n\ndef volunteers_to_csv(volunteers):\n    out = io.StringIO()\n    w = csv.DictWriter(out, fieldnames=COLUMNS)\n    w.writeheader()\n    w.writerows(volunteers)\n    return out.getvalue()\n"
    assert missing_part(ask, export.format(columns="'name', 'email', 'shifts_completed'")) == "the field 'phone' of its output"
    assert missing_part(ask, export.format(columns="'name', 'email', 'phone', 'shifts_completed'")) is None
    read = "import csv, io\n\ndef litres(text):\n    return sum(float(r['litres']) for r in csv.DictReader(io.StringIO(text)) if r['vehicle'])\n"
    assert missing_part("I have fuel card exports as CSV text with a header line `date,vehicle,litres`. Return the total litres, as CSV.", read) is None

    ask = "Our loyalty programme has four tiers: Member (1x), Silver (1.25x), Gold (1.5x) and Platinum (2x). Write bonus_points(base_points, tier)."
    tiers = "RATES = {{{rates}}}\n\ndef bonus_points(base_points, tier):\n    return int(base_points * RATES.get(tier.lower(), 1.0))\n"
    assert missing_part(ask, tiers.format(rates="'member': 1.0, 'gold': 1.5, 'platinum': 2.0")) == "the option 'Silver'"
    assert missing_part(ask, tiers.format(rates="'member': 1.0, 'silver': 1.25, 'gold': 1.5, 'platinum': 2.0")) is None

    ask = ("donor_greeting(donor) gets a dict that may contain \"title\", \"first_name\" and \"last_name\". If there's a title and a last name: "
           "\"Dear {title} {last_name}\". Otherwise, if there's a first name: \"Dear {first_name}\". If none of that is available: \"Dear Friend\".")
    greeting = ("def donor_greeting(donor):\n    title, first, last = donor.get('title'), donor.get('first_name'), donor.get('last_name')\n"
                "    if title and last:\n        return f'Dear {{title}} {{last}}'\n    {last_line}\n")
    assert missing_part(ask, greeting.format(last_line="return f'Dear {first}'.rstrip()")) == "the phrase 'Dear Friend'"
    assert missing_part(ask, greeting.format(last_line="return f'Dear {first}' if first else 'Dear Friend'")) is None

    ask = "Write format_duration(minutes). Stays of 24 hours or more include days, e.g. 1620 minutes -> '1d 3h 00m'."
    assert [(e.call, e.want) for e in instruction_examples(ask, "def format_duration(minutes: int) -> str:\n    return ''\n")] == [("format_duration(1620)", "'1d 3h 00m'")]


def test_blind51s_arithmetic_read_from_the_words():
    """A percentage change divided by the value compared, not the reference (a margin of the selling price
    is divided by it); years "after the second" counted from the first."""
    ask = "Write `percent_over_ideal(current_kg, ideal_kg)` that returns the percentage above the ideal weight (negative if under), rounded to 1 decimal."
    over = "def percent_over_ideal(current_kg, ideal_kg):\n    return round((current_kg - ideal_kg) / {by} * 100, 1)\n"
    assert "divides by current_kg, not by ideal_kg" in check(ask, over.format(by="current_kg"))
    assert check(ask, over.format(by="ideal_kg")) is None
    margin = "def margin_percent(cost, price):\n    return round((price - cost) / price * 100, 1)\n"
    assert check("Write margin_percent(cost, price) that returns the gross margin as a percentage of the selling price.", margin) is None

    ask = "Convert a cat's age to human years: the first year equals 15, two years equals 24, and every year after the second adds 4."
    cat = "def cat_years(age):\n    if age == 1:\n        return 15\n    if age == 2:\n        return 24\n    return 24 + (age - {k}) * 4\n"
    assert "counts from 1, not from 2" in check(ask, cat.format(k=1))
    assert check(ask, cat.format(k=2)) is None


def test_blind48_and_51s_other_quantities():
    """Feet "rounded to 1 decimal" answered with a count of sticks (a whole number); the percentage of an
    allowance "still left" answered with what was used (nothing subtracted)."""
    ask = "Write `baseboard_feet(walls, doors)` that returns the linear feet of baseboard: the perimeter minus the door openings, rounded to 1 decimal."
    sticks = "import math\n\ndef baseboard_feet(walls, doors) -> {kind}:\n    run = sum(walls) - sum(doors)\n    return {answer}\n"
    assert "answers a whole number" in check(ask, sticks.format(kind="int", answer="math.ceil(run / 8)"))
    assert check(ask, sticks.format(kind="float", answer="round(run, 1)")) is None

    ask = "Write `data_remaining_pct(used_mb, allowance_mb)` that returns the percentage of the monthly allowance the customer still has left, rounded to one decimal."
    used = "def data_remaining_pct(used_mb, allowance_mb):\n    return round({share} * 100, 1)\n"
    assert "subtracts nothing" in check(ask, used.format(share="used_mb / allowance_mb"))
    assert check(ask, used.format(share="(allowance_mb - used_mb) / allowance_mb")) is None


def test_an_unquoted_list_the_codes_table_holds_all_but_one_of():
    """blind51's units and vaccines: the item left out of the table is nowhere in the code."""
    ask = "Write `convert_volume(value, from_unit, to_unit)` that supports gallons, quarts, pints, cups, liters and milliliters (US units)."
    table = 'TO_ML = {{"gallons": 3785.41, "quarts": 946.35, {pints}"cups": 236.59, "liters": 1000.0, "milliliters": 1.0}}\n\n\n' \
            "def convert_volume(value, from_unit, to_unit):\n    return value * TO_ML[from_unit.lower()] / TO_ML[to_unit.lower()]\n"
    assert missing_part(ask, table.format(pints="")) == "'pints', listed beside 'gallons', 'quarts', 'cups' (held in its table)"
    assert missing_part(ask, table.format(pints='"pints": 473.18, ')) is None
    assert missing_part(ask.replace("supports", "supports units such as"), table.format(pints="")) is None  # examples
    branch = table.format(pints="").replace("    return", "    if from_unit == 'pint':\n        value *= 2\n    return")
    assert missing_part(ask, branch) is None  # handled by its own branch: in the code
    shots = "Write `due(species, last)`. Dogs: rabies every 36 months, DHPP every 36 months, bordetella every 12 months."
    schedule = 'SCHEDULES = {{"dog": {{"rabies": 36, "DHPP": 36{more}}}}}\n\n\ndef due(species, last):\n    return {{k: last + m for k, m in SCHEDULES[species].items()}}\n'
    assert missing_part(shots, schedule.format(more="")) == "'bordetella', listed beside 'rabies', 'DHPP' (held in its table)"
    assert missing_part(shots, schedule.format(more=', "bordetella": 12')) is None
    # good rows of older sets: an abbreviation, the sentence around a list, a usage example's data
    stats = 'def word_stats(text):\n    return {"lines": text.count("\\n"), "words": len(text.split()), "chars": len(text)}\n'
    assert missing_part("Return a dict with the number of lines, words and characters.", stats) is None
    levels = 'LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")\n\n\ndef count(lines):\n    return dict.fromkeys(LEVELS, 0)\n'
    assert missing_part("Levels are DEBUG, INFO, WARNING, ERROR and CRITICAL and appear as the third field.", levels) is None
    basket = 'def total(basket, prices):\n    return sum(prices[k] * n for k, n in basket.items())\n\n\nprint(total({"apples": 3, "bananas": 2}, {"apples": 1, "bananas": 2}))\n'
    assert missing_part("Return the cost of a basket of apples, bananas and cherries.", basket) is None
    produced = 'def oee(total, good):\n    parts = {"performance": 1.0, "quality": good / total}\n    return parts\n'
    assert missing_part("If nothing was produced, performance and quality are 0.", produced) is None


def test_bulleted_lines_that_open_with_a_quoted_string():
    """blind49/50: the messages of a validator, one per line, and the fields it must check."""
    ask = ("Write validate_booking(form). Return a list of error strings:\n- 'invalid email' unless the email has one '@'\n"
           "- 'invalid phone' unless the phone has 10 to 15 digits\n- 'invalid nights' unless nights is 1 to 30")
    code = ("def validate_booking(form):\n    errors = []\n    if form['email'].count('@') != 1:\n        errors.append('invalid email')\n{phone}"
            "    if not 1 <= form['nights'] <= 30:\n        errors.append('invalid nights')\n    return errors\n")
    phone = "    if not 10 <= len(form['phone']) <= 15:\n        errors.append('invalid phone')\n"
    assert missing_part(ask, code.format(phone="")) == "the string 'invalid phone' (one of the lines it lists)"
    assert missing_part(ask, code.format(phone=phone)) is None
    numbered = 'Problems to report:\n1. "respondent_id" missing\n2. "age" not between 16 and 110\n3. "consent" not exactly True'
    check_response = ("def check_response(resp):\n    problems = []\n    if not resp.get('respondent_id'):\n        problems.append('missing id')\n"
                      "    if not 16 <= resp.get('age', 0) <= 110:\n        problems.append('age out of range')\n{consent}    return problems\n")
    assert missing_part(numbered, check_response.format(consent="")) == "the string 'consent' (one of the lines it lists)"
    assert missing_part(numbered, check_response.format(consent="    if resp.get('consent') is not True:\n        problems.append('no consent')\n")) is None
    # the keys of an input described line by line, and worked examples, are not cases to handle one by one
    assert missing_part(numbered.replace("Problems to report:", "Each response has these keys:"), check_response.format(consent="")) is None
    examples = "Parse a yes/no answer:\n- 'yes' -> True\n- 'no' -> False\n- 'maybe' -> raises ValueError"
    parse = "def parse(answer):\n    if answer == 'yes':\n        return True\n    if answer == 'no':\n        return False\n    raise ValueError(answer)\n"
    assert missing_part(examples, parse) is None


def test_a_value_to_use_in_a_named_case_and_the_values_one_field_takes():
    """blind46: "use the status 'OPEN' when the fifth column is missing"; blind48: a status that is one of four."""
    ask = "Parse `claim_id,amount[,status]` into a dict; use the status 'OPEN' when the optional third column is missing."
    code = 'def parse(line):\n    parts = line.split(",")\n    record = dict(zip(("claim_id", "amount", "status"), parts))\n{default}    return record\n'
    assert missing_part(ask, code.format(default="")) == "the value 'OPEN' (\"use the status 'OPEN' when\")"
    assert missing_part(ask, code.format(default='    record.setdefault("status", "OPEN")\n')) is None
    tickets = ("Write `summarize(tickets)`. Each ticket is a dict with a 'status' that is one of 'open', 'pending', 'resolved' or 'closed'. "
               "Return a count for each of the four statuses.")
    tally = 'STATUSES = ("open", {pending}"resolved", "closed")\n\n\ndef summarize(tickets):\n    return {{s: sum(t["status"] == s for t in tickets) for s in STATUSES}}\n'
    assert missing_part(tickets, tally.format(pending="")) == "the string 'pending'"
    assert missing_part(tickets, tally.format(pending='"pending", ')) is None
    # the fields of the input's records, by contrast, need not all be read
    orders = "Each order is a dict with 'id', 'customer', 'note' and 'total'. Return the ids of orders over 100."
    assert missing_part(orders, "def big(orders):\n    return [o['id'] for o in orders if o['total'] > 100]\n") is None


def test_blind52s_lessons():
    """A standard method the instruction names as the code's tool; a schedule's running ends; a percentage
    floor-divided by 100; a plain dict's missing key, read past ``sorted(counts)``."""
    from hfsynth.curate.misused_calls import misused_call

    ask = "Write `ready_date(order_day, lead_days, closed)`. Working days are days whose `weekday()` is not in `closed`."
    ready = "def ready_date(order_day, lead_days, closed):\n    day = order_day\n    while day.weekday() in closed:\n        day = day.replace(day=day.day + 1)\n    return day\n"
    assert instruction.named_but_not_defined(ask, ready) is None
    assert instruction.named_but_not_defined(ask, ready.replace("day.weekday()", "day.isoweekday()")) == "weekday"
    assert instruction.named_but_not_defined("Write `weekday()` and `ready_date(day)` for the Calendar class.", "class Calendar:\n    def ready_date(self, day):\n        return day\n") == "weekday"
    oven = ("from itertools import accumulate\n\n\ndef oven_schedule(items):\n    ordered = sorted(items, key=lambda item: (item[1], item[0]))\n"
            "    ends = accumulate(minutes for _, minutes in ordered)\n    return [(name, end - minutes, end) for (name, minutes), end in zip(ordered, ends)]\n")
    assert check("One oven bakes one product at a time, starting at minute 0 with no gaps. Return (product, start_minute, end_minute) in baking order.", oven) is None
    assert check("Return each oven item's share of the total minutes, ordered by minutes.", oven) == \
        "the instruction asks for nothing cumulative and the code accumulates (accumulate((minutes for _, minutes in ordered)), line 6)"
    rise = "def hours_to_rise(volume, target, pct_per_hour):\n    growth = 1 + pct_per_hour {op} 100\n    hours = 0\n    while volume < target:\n        volume *= growth\n        hours += 1\n    return hours\n"
    assert misused_call(ast.parse(rise.format(op="//"))) == "pct_per_hour // 100 (line 2) floor-divides a percentage: 0 for every percentage under 100 (/ 100 is meant)"
    assert misused_call(ast.parse(rise.format(op="/"))) is None
    assert misused_call(ast.parse("def dollars(cents):\n    return cents // 100\n")) is None
    letters = "def most_common_letter(text):\n    counts = {{}}\n    for ch in text:\n{guard}        counts[ch] += 1\n    return max(sorted(counts), key=counts.get)\n"
    assert "counts is a plain dict (line 2) and nothing adds the key first" in misused_call(ast.parse(letters.format(guard="")))
    assert misused_call(ast.parse(letters.format(guard="        counts.setdefault(ch, 0)\n"))) is None


def test_blind57s_lessons():
    """Good rows lost on arrival: "truncated, never rounded up", shlex.split's own ValueError, a parser's
    `--no-flag` form, "no decimal point", a parameter "reserved ... ignore it"; junk: a flag loop that is
    never cleared, a plain dict's key made from the item and guarded only after the loop."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.stated_requirements import ignored_requirement

    hms = "def hms(seconds):\n    total = int(seconds)\n    h, rest = divmod(total, 3600)\n    m, s = divmod(rest, 60)\n    return f'{h}:{m:02d}:{s:02d}'\n"
    assert ignored_requirement("Fractional seconds are truncated, never rounded up.", hms) is None
    assert "the instruction asks to round up" in ignored_requirement("Fractional seconds are rounded up.", hms)
    split = "import shlex\n\n\ndef split_command(cmd):\n    return shlex.split(cmd, posix=True)\n"
    assert ignored_requirement("Split a command line like a POSIX shell. Raise `ValueError` when a quote is not closed.", split) is None
    assert ignored_requirement("Split a command line on spaces. Raise `ValueError` when a quote is not closed.", "def split_command(cmd):\n    return cmd.split()\n") == \
        "the instruction asks to raise ValueError and the code never does"
    rounding = "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef round_half_up(value, places):\n    return str(Decimal(value).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))\n"
    assert ignored_requirement("Return a string with exactly `places` decimals (no decimal point when `places` is 0).", rounding) is None
    assert ignored_requirement("Round half up with no decimal module.", rounding) == "the instruction forbids decimal and the code imports it"
    parser = "def parse_args(argv):\n    options = {}\n    for arg in argv:\n        name = arg[2:]\n        options[name.removeprefix('no-')] = not name.startswith('no-')\n    return options\n"
    assert missing_part("Write a tiny CLI parser: `--flag` sets True; `--no-flag` sets False.", parser) is None
    record = "def format_record(record, style=None):\n    return f\"{record['ts']} {record['msg']}\"\n"
    ask = "Implement `format_record(record: dict, style: str | None = None) -> str`. The `style` parameter is reserved for a future release: accept it, but ignore it for now."
    assert missing_part(ask, record) is None
    assert missing_part(ask.split(" The")[0] + " The `style` parameter picks the layout.", record) == "the parameter style of format_record() (never read)"
    resolve = ("import re\n\n\ndef resolve(config):\n    resolved = dict(config)\n    changed = True\n    while changed:\n{clear}"
               "        for key, value in resolved.items():\n            new = re.sub(r'x', 'y', value)\n            if new != value:\n"
               "                resolved[key] = new\n                changed = True\n    return resolved\n")
    assert trivial(resolve.format(clear="")) == "never ends: the while loop at line 7 (while changed) only ever sets changed to True: it never ends"
    assert trivial(resolve.format(clear="        changed = False\n")) is None
    classes = "def status_classes(codes):\n    counts = {{}}\n    for code in codes:\n{first}        counts[f'{{code // 100}}xx'] += 1\n{after}    return counts\n"
    later = "    for key in ('2xx', '3xx', '4xx', '5xx'):\n        counts.setdefault(key, 0)\n"
    assert "counts is a plain dict (line 2) and nothing adds the key first" in misused_call(ast.parse(classes.format(first="", after=later)))
    assert misused_call(ast.parse(classes.format(first="        counts.setdefault(f'{code // 100}xx', 0)\n", after=""))) is None


def test_blind55_and_56s_lessons():
    """The next item read past the last index; re.sub and heapq.nlargest with their arguments swapped;
    list.sort with a keyword it does not take; a two-pointer loop whose matching branch moves neither."""
    from hfsynth.curate.misused_calls import misused_call

    pace = "def pace_changes(splits: list[int]) -> list[int]:\n    return [splits[i + 1] - splits[i] for i in range({stop})]\n"
    assert trivial(pace.format(stop="len(splits)")) == "always an error: splits[i + 1] with i in range(len(splits)) reads past the end at the last i (line 2)"
    assert trivial(pace.format(stop="len(splits) - 1")) is None
    guarded = "def gaps(xs):\n    out = []\n    for i in range(len(xs)):\n        if i + 1 < len(xs):\n            out.append(xs[i + 1] - xs[i])\n    return out\n"
    assert trivial(guarded) is None
    normalize = "import re\n\n\ndef normalize_line(line: str) -> str:\n    return re.sub({args}).strip()\n"
    assert misused_call(ast.parse(normalize.format(args="line, r'\\s+', ' '"))).startswith("re.sub(line, '\\\\s+', ...) passes the text as the pattern")
    assert misused_call(ast.parse(normalize.format(args="r'\\s+', ' ', line"))) is None
    assert misused_call(ast.parse("import re\n\n\ndef redact(pattern, text):\n    return re.sub(pattern, '[\\\\d]', text)\n")) is None
    top = "import heapq\n\n\ndef top_readings(bpm: list[int], k: int = 3) -> list[int]:\n    return heapq.nlargest({args})\n"
    assert "passes the items where the count goes" in misused_call(ast.parse(top.format(args="bpm, k")))
    assert misused_call(ast.parse(top.format(args="k, bpm"))) is None
    latest = "def latest_first(readings: list[tuple[int, float]]):\n    readings.sort(key=lambda r: r[0], {kw}=True)\n    return readings\n"
    assert trivial(latest.format(kw="reversed")) == "always an error: readings in latest_first() is always a list, whose .sort() takes no keyword 'reversed' (line 2)"
    assert trivial(latest.format(kw="reverse")) is None
    align = ("def align(hr, spo2):\n    i = j = 0\n    pairs = []\n    while i < len(hr) and j < len(spo2):\n        if hr[i][0] == spo2[j][0]:\n"
             "            pairs.append((hr[i][0], hr[i][1], spo2[j][1])){step}\n        elif hr[i][0] < spo2[j][0]:\n            i += 1\n        else:\n            j += 1\n    return pairs\n")
    assert trivial(align.format(step="")).startswith("never ends: the while loop at line 4")
    assert trivial(align.format(step="\n            i += 1\n            j += 1")) is None
    unpacked = align.replace("        if hr[i][0] == spo2[j][0]:", "        t_hr, t_spo2 = hr[i][0], spo2[j][0]\n        if t_hr == t_spo2:")
    assert trivial(unpacked.format(step="")).startswith("never ends: the while loop at line 4")  # blind55: names bound anew from what the loop reads
    assert trivial(unpacked.format(step="\n            i += 1\n            j += 1")) is None


def test_blind54s_lessons():
    """A timedelta of two date parameters has no .weeks; text + an int parameter (wrong_kind_values); a count stepped by the
    caller's step until it equals a target; zip(strict=True) raises the ValueError asked for; "the rest
    of the name" names no sort key."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    weeks = "from datetime import date\n\n\ndef weeks_to_exam(today: date, exam: date) -> int:\n    remaining = exam - today\n    return max(0, remaining.{attr})\n"
    assert trivial(weeks.format(attr="weeks")) == "always an error: remaining is a timedelta, which has no .weeks (line 6)"
    assert trivial(weeks.format(attr="days // 7")) is None
    line = "def progress_line(name: str, score: int) -> str:\n    return name + ': ' + {score} + '%'\n"
    assert trivial(line.format(score="score")) == "always an error: name + ': ' + score (line 2): a string plus a number raises TypeError"
    assert trivial(line.format(score="str(score)")) is None
    assert trivial("def progress_line(score: int) -> str:\n    score = str(score)\n    return 'at ' + score\n") is None  # rebound: not a number any more
    target = "def weeks_to_target(target_hours: int, hours_per_week: int) -> int:\n    total = weeks = 0\n    while total {op} target_hours:\n        total += hours_per_week\n        weeks += 1\n    return weeks\n"
    assert trivial(target.format(op="!=")).startswith("never ends: the while loop at line 3 (total != target_hours) steps total by hours_per_week")
    assert trivial(target.format(op="<")) is None
    euclid = "def gcd(a: int, b: int) -> int:\n    while a != b:\n        if a > b:\n            a -= b\n        else:\n            b -= a\n    return a\n"
    assert trivial(euclid) is None  # both move: not a fixed step
    periods = "def by_period(timetable, days):\n    return list(zip(*(timetable[day] for day in days){strict}))\n"
    ask = "Return one tuple per period. If the listed days do not all have the same number of periods, raise `ValueError`."
    assert ignored_requirement(ask, periods.format(strict=", strict=True")) is None
    assert ignored_requirement(ask, periods.format(strict="")) == "the instruction asks to raise ValueError and the code never does"
    students = ("def _key(name):\n    given, _, surname = name.rpartition(' ')\n    return surname.casefold(), given.casefold()\n\n\n"
                "def sort_students(names):\n    return sorted(names, key=_key)\n")
    assert check("Sort pupils by surname, then by the rest of the name, both case-insensitively.", students) is None


def test_blind56s_lessons():
    """Kinds read from annotations: an item of a list[str] parameter is a str, a list annotated where it is
    made is a list, a dict's copy is a dict; heapq called with the item where the heap goes."""
    mirror = "def mirror_board(board: list[str]) -> list[str]:\n    out = []\n    for row in board:\n        out.append({flip})\n    return out\n"
    assert trivial(mirror.format(flip="row.reverse()")) == "always an error: row in mirror_board() is always a str, which has no .reverse (line 4)"
    assert trivial(mirror.format(flip="row[::-1]")) is None
    assert trivial(mirror.replace("list[str]", "list[list[str]]", 1).format(flip="row.reverse()")) is None  # rows of lists may be reversed
    span = "def span(prices: list[int]) -> list[int]:\n    stack: list[int] = []\n    for i in range(len(prices)):\n        stack.{add}(i)\n    return stack\n"
    assert trivial(span.format(add="push")) == "always an error: stack in span() is always a list, which has no .push (line 4)"
    assert trivial(span.format(add="append")) is None
    board = "def leaderboard(scores: dict[str, int]) -> list[str]:\n    ordered = scores.copy()\n    ordered.sort()\n    return list(ordered)\n"
    assert trivial(board) == "always an error: ordered in leaderboard() is always a dict, which has no .sort (line 3)"
    top = "import heapq\n\n\ndef top_k(scores, k):\n    heap = []\n    for name, score in scores.items():\n        heapq.heappush({args})\n    return heap\n"
    assert trivial(top.format(args="(score, name), heap")).startswith("misused call: heapq.heappush((score, name), heap) (line 7) passes an item where the heap goes")
    assert trivial(top.format(args="heap, (score, name)")) is None


def test_what_the_code_says_it_computes_in_more_pairs():
    """blind54/55's off-task rows say so in their docstrings: a variance for a standard deviation, the
    days elapsed for the days left, a percentage for a number, an average for a percentage."""
    from hfsynth.curate.task_operations import wrong_operation

    missed = "def lessons_missed(register):\n    \"\"\"{doc}\"\"\"\n    return {{name: round(100 * sum(r) / len(r), 1) for name, r in register.items()}}\n"
    ask = "Write `lessons_missed(register)` returning a dict mapping each pupil to the number of lessons they missed."
    assert wrong_operation(ask, missed.format(doc="Attendance percentage per pupil.")) == \
        "the instruction asks for 'number of' and the code says it computes 'percentage' (lessons_missed)"
    assert wrong_operation(ask, missed.format(doc="Lessons missed per pupil.")) is None
    sleep = "def sleep_consistency(hours):\n    \"\"\"{doc}\"\"\"\n    return round(100 * sum(h >= 7 for h in hours) / len(hours), 1)\n"
    ask = "Write `sleep_consistency(hours)` returning the percentage of nights on which the user slept at least 7 hours."
    assert "says it computes 'Average'" in wrong_operation(ask, sleep.format(doc="Average nightly sleep in hours."))
    assert wrong_operation(ask, sleep.format(doc="Share of nights with 7 hours or more, in percent.")) is None
    left = "def days_left(term_start, term_end, today):\n    \"\"\"{doc}\"\"\"\n    return max(0, (term_end - today).days)\n"
    ask = "Write `days_left(term_start, term_end, today)` that returns how many days of the term remain after today."
    assert "says it computes 'since'" in wrong_operation(ask, left.format(doc="Days since the term started."))
    assert wrong_operation(ask, left.format(doc="Days of the term after today.")) is None


def test_the_quickstarts_rows_on_this_machine():
    """This machine's adapter (eval loss 1.9892, not 1.9893) sampled three rows the checks let through:
    a function named in backticks without parentheses and never defined, a line count taken with len(),
    and a dict whose values were to be the items themselves."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Implementing a function `raise_with_block` in Python to raise a block of code when `n` is passed to it."
    assert instruction.named_but_not_defined(ask, "def raise_block_of_code(n):\n    assert n == 1\n    return 0\n") == "raise_with_block"
    assert instruction.named_but_not_defined(ask, "def raise_with_block(n):\n    raise ValueError(n)\n") is None
    assert instruction.named_but_not_defined("Call the method `append` for each item.", "def collect(xs):\n    out = []\n    for x in xs:\n        out.append(x)\n    return out\n") is None
    lines = "Create a function `get_line_number(file)` that returns the number of lines of a file."
    assert wrong_operation(lines, "def get_line_number(file):\n    return len(file)\n") == \
        "the instruction asks for a count of lines and the code never splits anything into lines (len() of a file or text counts something else)"
    assert wrong_operation(lines, "def get_line_number(file):\n    with open(file) as f:\n        return sum(1 for _ in f)\n") is None
    assert wrong_operation(lines, "def get_line_number(text):\n    return len(text.splitlines())\n") is None
    pairs = "Return a dictionary where the key is each record's id, and the values are the dictionary objects themselves."
    assert wrong_operation(pairs, "def by_id(data):\n    return {key: {value: (value,)} for key, value in data}\n").startswith(
        "the instruction asks that 'values are the dictionary objects themselves' and the code stores something else")
    assert wrong_operation(pairs, "def by_id(data):\n    return {d['id']: d for d in data}\n") is None


def test_blind40_to_57s_kept_incomplete_and_endless_rows():
    """Rows every earlier check kept: a listed key missing from the dict a function returns whole, a
    parameter of a bare signature not taken, a branch of pass, ``while True`` whose continue changes
    nothing, a jump onto a range's own inclusive end, ``.sort()`` on a dict's view, and a keyword that
    textwrap.fill hands on to a TextWrapper that does not take it."""
    summary = ("def order_summary(items, tax_rate):\n    subtotal = sum(p * q for _, p, q in items)\n    fee = round(subtotal * 0.05)\n"
               "    tax = round((subtotal + fee) * tax_rate)\n    return {{'subtotal': subtotal, 'service_fee': fee,{tax} 'total': subtotal + fee + tax}}\n")
    ask = "Return a dict with these keys, all in integer cents: `subtotal`, `service_fee` (5% of it), `tax` and `total`."
    assert missing_part(ask, summary.format(tax="")) == "the key 'tax' of the dict order_summary() returns (it returns service_fee, subtotal, total)"
    assert missing_part(ask, summary.format(tax=" 'tax': tax,")) is None
    fuel = "def parse_fuel_line(line):\n    d, v, l, o = line.split(';')\n    record = {{'date': d, 'vehicle': v, 'litres': float(l)}}\n{more}    return record\n"
    ask = "Parse fuel log lines into a dict with the keys date (a str), vehicle (str), litres (float) and odometer (int)."
    assert missing_part(ask, fuel.format(more="")).startswith("the key 'odometer' of the dict parse_fuel_line() returns")
    assert missing_part(ask, fuel.format(more="    record['odometer'] = int(o)\n")) is None
    assert missing_part(ask, fuel.format(more="    record.update(odometer=int(o))\n")) is None  # filled some other way: not judged
    deliveries = "def sort_deliveries(deliveries, key='eta'{more}):\n    return sorted(deliveries, key=lambda d: d[key]{reverse})\n"
    ask = "I need sort_deliveries(deliveries, key='eta', descending=False). Sort by the given key and support descending order via the flag."
    assert check(ask, deliveries.format(more="", reverse="")) == \
        "the instruction's signature sort_deliveries(deliveries, key='eta', descending=False) has the parameter descending and the code's sort_deliveries() does not take it"
    assert check(ask, deliveries.format(more=", descending=False", reverse=", reverse=descending")) is None
    bands = "def category(rate: float) -> str:\n    if rate >= 95:\n        return 'Excellent'\n    elif rate >= 85:\n        return 'Concern'\n    else:\n        {last}\n"
    assert trivial(bands.format(last="pass")).startswith("unfinished: the branch at line 7 does nothing (a branch of pass that ends category()")
    assert trivial(bands.format(last="return 'Persistent absence'")) is None
    relative = "def relative(s: int) -> str:\n    if s < 60:\n        return 'just now'\n    if s < 86400:\n        {hours}\n    return f'{{s // 86400}} days ago'\n"
    assert trivial(relative.format(hours="pass")) == "unfinished: the branch at line 4 does nothing (if s < 86400: pass)"
    assert trivial(relative.format(hours="return f'{s // 3600} hours ago'")) is None
    pickup = ("from datetime import date, timedelta\n\n\ndef next_pickup(after: date, days: set[int]) -> date:\n    current = after\n    while True:\n"
              "        candidate = current + timedelta(days=1)\n        if candidate.weekday() not in days:\n{step}            continue\n        return candidate\n")
    assert trivial(pickup.format(step="")).startswith("never ends: the while loop at line 6 (True) can reach a continue without changing candidate, days")
    assert trivial(pickup.format(step="            current = candidate\n")) is None
    before = ("from datetime import date, timedelta\n\n\ndef next_delivery(order: date, holidays: set[date]) -> date:\n    candidate = order + timedelta(days=1)\n"
              "    while True:\n        if candidate.weekday() >= 5 or candidate in holidays:\n{step}            continue\n        return candidate\n")
    assert trivial(before.format(step="")).startswith("never ends: the while loop at line 6 (True) can reach a continue without changing candidate")
    assert trivial(before.format(step="            candidate += timedelta(days=1)\n")) is None
    assert trivial("def wait(q) -> int:\n    while True:\n        if q:\n            return q.pop()\n") is None  # the caller's object: another thread may fill it
    open_day = ("def first_open_day(d, closures):\n    while True:\n        for first, last in closures:\n            if first <= d <= last:\n"
                "                d = {jump}\n                break\n        else:\n            return d\n")
    assert trivial(open_day.format(jump="last")).startswith("never ends: the while loop at line 2 sets d = last, which the test first <= d <= last takes again")
    assert trivial(open_day.format(jump="last + 1")) is None
    menu = "def menu_by_price(prices: dict[str, float]) -> dict[str, float]:\n    items = {items}\n    items.sort(key=lambda item: (item[1], item[0]))\n    return dict(items)\n"
    assert trivial(menu.format(items="prices.items()")) == "always an error: items in menu_by_price() is always a dict_items, which has no .sort (line 3)"
    assert trivial(menu.format(items="list(prices.items())")) is None
    step = "import textwrap\n\n\ndef format_step(text: str, width: int = 40) -> str:\n    return textwrap.fill(text, width=width, {indent}='    ')\n"
    assert trivial(step.format(indent="indent")) == "always an error: textwrap.fill() hands indent= on to TextWrapper, which takes no such keyword (line 5)"
    assert trivial(step.format(indent="initial_indent")) is None


def test_blind58_to_63s_lessons():
    """Items taken in a shape they never have (item_shapes), what the instruction says may be missing
    read bare (stated_absences), a text piece added to a number, quantize(2), a search that never
    moves on, a loop's path worked out afresh each pass, a balance stepped past zero, re.sub of a
    lower-cased text; and good rows mended: a stable sort of input that arrives in order, Counter
    subtraction floored at zero, statistics' errors, a regex that spells "a" and "an" at once."""
    from hfsynth.curate.misused_calls import misused_call

    debts = "def monthly_interest(debts: dict) -> dict:\n    out = {{}}\n    for {names} in debts.items():\n        out[name] = round(balance * apr / 1200, 2)\n    return out\n"
    assert trivial(debts.format(names="name, balance, apr")) == \
        "always an error: for name, balance, apr in debts.items() unpacks 3 names, and .items() gives (key, value) pairs (line 3)"
    assert trivial(debts.format(names="name, (balance, apr)")) is None
    nights = ("def warmest(readings: list[tuple[str, float, float]]) -> str:\n    best = None\n    for {names} in readings:\n"
              "        best = max(best or (tmin, day), (tmin, day))\n    return best[1]\n")
    assert trivial(nights.format(names="day, tmin")).startswith("always an error: for day, tmin in readings unpacks 2 names, and readings holds tuple[str, float, float] items")
    assert trivial(nights.format(names="day, tmin, _")) is None
    assert trivial(nights.format(names="day, tmin, tmax")) == "ignored input: tmax of each item of readings unpacked and never read"
    line = "def waiting_line(title: str, ids: list[{kind}]) -> str:\n    return title + ': ' + ', '.join(ids)\n"
    assert trivial(line.format(kind="int")) == "always an error: ', '.join(ids) joins the ints of ids, and str.join takes only strings (line 2)"
    assert trivial(line.format(kind="str")) is None
    sums = ("def neighbour_sums(grid):\n    rows = len(grid)\n    out = []\n    for i in range(rows):\n        total = grid[i - 1][0] if i > 0 else 0\n"
            "        if {guard}:\n            total += grid[i + 1][0]\n        out.append(total)\n    return out\n")
    assert trivial(sums.format(guard="i + 1 <= rows")).startswith("always an error: grid[i + 1] under i + 1 <= rows reads grid[len(grid)] at the last i")
    assert trivial(sums.format(guard="i + 1 < rows")) is None
    turn = "def minutes(t: str) -> int:\n    hours, mins = t.split(':')\n    return int(hours) * 60 + {mins}\n"
    assert trivial(turn.format(mins="mins")) == "always an error: int(hours) * 60 + mins (line 3): a string plus a number raises TypeError"
    assert trivial(turn.format(mins="int(mins)")) is None
    tax = "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef tax(price: Decimal) -> Decimal:\n    return (price * Decimal('0.2')).quantize({exp}, rounding=ROUND_HALF_UP)\n"
    assert "rounds to whole units" in misused_call(ast.parse(tax.format(exp="2")))
    assert misused_call(ast.parse(tax.format(exp="Decimal('0.01')"))) is None
    key = "import re\n\n\ndef station_key(name: str) -> str:\n    return re.sub({args})\n"
    assert "passes the text as the pattern" in misused_call(ast.parse(key.format(args="name.lower(), r'[^a-z0-9]', ''")))
    assert misused_call(ast.parse(key.format(args="r'[^a-z0-9]', '', name.lower()"))) is None
    codes = ("import re\n\nEAN = re.compile(r'\\d{{13}}')\n\n\ndef find_codes(text: str) -> list[str]:\n    found: list[str] = []\n    pos = 0\n"
             "    while (m := EAN.search(text, pos)) is not None:\n        found.append(m.group())\n{step}    return found\n")
    assert trivial(codes.format(step="")).startswith("never ends: the while loop at line 9")
    assert trivial(codes.format(step="        pos = m.end()\n")) is None
    runs = ("def mask_runs(xs: list, limit: int = 3) -> list:\n    out = list(xs)\n    i = 0\n    while i < len(out):\n        j = i\n"
            "        while j + 1 < len(out) and out[j + 1] == out[i]:\n            j += 1\n        if j - i + 1 > limit:\n            for k in range(i, j + 1):\n"
            "                out[k] = None\n{step}    return out\n")
    assert trivial(runs.format(step="            i = j + 1\n")).startswith("never ends: the while loop at line 4 (i < len(out)) can reach the end of its body without changing i, out")
    assert trivial(runs.format(step="        i = j + 1\n")) is None
    payoff = "def months_to_payoff(balance: float, rate: float, payment: float) -> int:\n    months = 0\n    while balance {op} 0:\n        balance = round(balance * (1 + rate) - payment, 2)\n        months += 1\n    return months\n"
    assert trivial(payoff.format(op="!=")).startswith("never ends: the while loop at line 3 (balance != 0) steps balance by payment")
    assert trivial(payoff.format(op=">")) is None
    tracks = "def bpm_range(tracks: list[dict]):\n    values = [t['bpm'] for t in tracks if {test}]\n    return (min(values), max(values)) if values else None\n"
    ask = 'BPM analysis may not have run, so some tracks have no `"bpm"` key at all. Write `bpm_range(tracks)`.'
    assert check(ask, tracks.format(test="t['bpm'] is not None")).startswith("the instruction says 'some tracks have no `\"bpm\"` key' and t['bpm'] (line 2) reads it bare")
    assert check(ask, tracks.format(test="'bpm' in t")) is None
    assert check(ask.replace("some tracks have no", "every track has a"), tracks.format(test="t['bpm'] is not None")) is None
    prices = "import re\n\nPRICE = re.compile(r'price:\\s*(\\d+)')\n\n\ndef note_prices(lines: list[str]) -> list:\n    return [{read} for line in lines]\n"
    ask = "Supplier notes hold lines such as 'Widget - price: 12', but some lines have no price at all. Return the price of each line, or None."
    assert "takes the match of a search that finds nothing there" in check(ask, prices.format(read="int(PRICE.search(line).group(1))"))
    assert check(ask, prices.format(read="int(m.group(1)) if (m := PRICE.search(line)) else None")) is None
    rain = "import heapq\n\n\ndef wettest(readings: list[tuple[str, float]], k: int) -> list:\n    return heapq.nlargest(k, readings, key=lambda r: r[1])\n"
    ask = "Return the k wettest days, wettest first. {order}When two days have the same rainfall the earlier date must come first."
    assert check(ask.format(order="The readings arrive in chronological order; "), rain) is None
    assert "orders by a single field" in check(ask.format(order=""), rain)
    stock = "from collections import Counter\n\n\ndef after_day(stock: dict, sold: dict) -> dict:\n    return dict({body})\n"
    ask = "Subtract the units sold from the stock; a SKU's stock never goes below zero."
    assert check(ask, stock.format(body="Counter(stock) - Counter(sold)")) is None
    assert "may go below zero" in check(ask, stock.format(body="{k: v - sold.get(k, 0) for k, v in stock.items()}"))
    point = "import statistics\n\n\ndef reorder_point(sales: list[int], days: int) -> int:\n    return statistics.{median}(sales) * days\n"
    ask = "Use the lower median of the history. Raise `ValueError` for an empty history."
    assert check(ask, point.format(median="median_low")) is None
    titles = "import re\n\nARTICLE = re.compile(r'^(?:the|an?)\\s+', re.IGNORECASE)\n\n\ndef sort_titles(titles):\n    return sorted(titles, key=lambda t: ARTICLE.sub('', t).casefold())\n"
    assert missing_part('Ignore a leading "The", "A" or "An" and compare the rest case-insensitively.', titles) is None
    assert missing_part('Ignore a leading "The", "A" or "An" and compare the rest case-insensitively.', titles.replace("an?", "an")) == "the string 'A'"


def test_blind58_to_63s_second_lessons():
    """A signature's return annotation contradicted by the code's own (also inside a container), a stub's
    docstring read as the task, "ignoring upper/lower case", a list asked and a position returned, a value
    "written as `X` when" the case holds."""
    dishes = "def max_dishes(menu: dict[str, int], budget: int) -> {ret}:\n    return sorted(menu.values())[:budget]\n"
    ask = "Write `max_dishes(menu: dict[str, int], budget: int) -> int` returning how many dishes fit the budget."
    assert check(ask, dishes.format(ret="list[int]")) == "the instruction's signature returns int and the code's max_dishes() is annotated -> list[int]"
    assert check(ask, dishes.format(ret="int")) is None
    assert check(ask.replace("-> int", "-> int | None"), dishes.format(ret="Optional[int]")) is None
    tickets = "def by_station(tickets: list[tuple[str, str]]) -> {ret}:\n    out = {{}}\n    for tid, station in tickets:\n        out.setdefault(station, []).append(tid)\n    return out\n"
    ask = "Write `by_station(tickets: list[tuple[str, str]]) -> dict[str, list[str]]` mapping each station to its ticket ids."
    assert check(ask, tickets.format(ret="dict[str, int]")).startswith("the instruction's signature returns dict[str, list[str]] and the code's by_station()")
    assert check(ask, tickets.format(ret="Dict[str, List[str]]")) is None
    stub = ('Implement this function:\n\n```python\ndef sort_by_date(transactions: list[dict]) -> list[dict]:\n    """Return the transactions ordered by date.\n'
            '    The caller\'s list must not be modified.\n    """\n```\n')
    assert check(stub, "def sort_by_date(transactions: list[dict]) -> list[dict]:\n    transactions.sort(key=lambda t: t['date'])\n    return transactions\n") == \
        "the instruction asks to leave the input unchanged and the code mutates it (transactions.sort())"
    assert check(stub, "def sort_by_date(transactions: list[dict]) -> list[dict]:\n    return sorted(transactions, key=lambda t: t['date'])\n") is None
    booking = "def find_booking(bookings: list[dict], name: str):\n    return next((b for b in bookings if {test}), None)\n"
    ask = "Return the first booking whose name matches, ignoring upper/lower case."
    assert "never folds case" in check(ask, booking.format(test="b['name'] == name"))
    assert check(ask, booking.format(test="b['name'].casefold() == name.casefold()")) is None
    ahead = "def patrons_ahead(queue: list[str], patron: str):\n    return {body}\n"
    ask = "Given the queue and a patron, return the list of patrons who are ahead of that patron."
    assert check(ask, ahead.format(body="queue.index(patron) + 1")) == "patrons_ahead returns a number where the instruction says it returns a list"
    assert check(ask, ahead.format(body="queue[:queue.index(patron)]")) is None
    isbn = "def isbn10(core: str) -> str:\n    check = (11 - sum(int(d) * w for d, w in zip(core, range(10, 1, -1))) % 11) % 11\n    return core + {last}\n"
    ask = "Compute the ISBN-10 check character with weights 10 down to 2, written as `X` when it equals 10. Raise ValueError for a prefixed code."
    assert check(ask, isbn.format(last="str(check)")) == "the instruction asks for the value 'X' ('written as `X` when') and the code leaves it out"
    assert check(ask, isbn.format(last="('X' if check == 10 else str(check))")) is None


def test_blind58_to_63s_third_lessons():
    """The keys of a Counter compared for "most often", totals merged by update(), a one-way change taken
    with abs(), "whichever comes first" answered with max, an input's fields unpacked in another order,
    trigonometry of degrees, text lengths `m:ss` compared as text."""
    from hfsynth.curate.misused_calls import misused_call

    genre = "from collections import Counter\n\n\ndef top_genre(loans, genres):\n    counts = Counter(genres[b] for b in loans)\n    return {pick}\n"
    ask = "Return the genre that was borrowed most often."
    assert check(ask, genre.format(pick="max(counts)")).endswith("compares the keys of the Counter, not their counts")
    assert check(ask, genre.format(pick="max(counts, key=counts.get)")) is None
    assert check("Return the highest genre code.", genre.format(pick="max(counts)")) is None
    rounds = "def combine(first, second):\n    totals = dict(first)\n{merge}    return totals\n"
    ask = "Give the table's total quantity of each dish across both rounds."
    assert "replaces a key's amount with the later one" in check(ask, rounds.format(merge="    totals.update(dict(second))\n"))
    assert check(ask, rounds.format(merge="    for dish, qty in second:\n        totals[dish] = totals.get(dish, 0) + qty\n")) is None
    fronts = "def cold_fronts(temps: list[float], drop: float = 5.0) -> list[int]:\n    return [i for i in range(1, len(temps)) if {test} > drop]\n"
    ask = "Return the indices where the temperature fell by more than `drop` degrees compared with the previous reading."
    assert "takes abs(): a change the other way counts too" in check(ask, fronts.format(test="abs(temps[i - 1] - temps[i])"))
    assert check(ask, fronts.format(test="temps[i - 1] - temps[i]")) is None
    assert check(ask.replace("fell by", "changed by"), fronts.format(test="abs(temps[i - 1] - temps[i])")) is None
    scrobble = "def should_scrobble(duration_s: float, played_s: float) -> bool:\n    return duration_s > 30 and played_s >= {pick}(duration_s / 2, 240)\n"
    ask = "A play counts once half the track or 4 minutes have been played, whichever comes first."
    assert check(ask, scrobble.format(pick="max")) == "the instruction says 'whichever comes first' and max(duration_s / 2, 240) (line 2) takes the other one"
    assert check(ask, scrobble.format(pick="min")) is None
    swing = "def largest_swing(readings):\n    best = None\n    for {names} in readings:\n        if best is None or tmax - tmin > best[1]:\n            best = (day, tmax - tmin)\n    return best[0]\n"
    ask = "Readings are a list of `(day, tmin, tmax)` tuples. Return the day with the largest tmax - tmin."
    assert check(ask, swing.format(names="day, tmax, tmin")) == "the instruction's items are (day, tmin, tmax) and the code unpacks them as (day, tmax, tmin) (line 3)"
    assert check(ask, swing.format(names="day, tmin, tmax")) is None
    wind = "import math\n\n\ndef wind_u(speed: float, direction_deg: float) -> float:\n    return round(-speed * math.sin({angle}), 3)\n"
    assert "takes radians and direction_deg is in degrees" in misused_call(ast.parse(wind.format(angle="direction_deg")))
    assert misused_call(ast.parse(wind.format(angle="math.radians(direction_deg)"))) is None
    longest = "def longest_track(tracks: list[tuple[str, str]]) -> str:\n    return max(tracks, key={key})[0]\n"
    ask = "Each item is `(title, length)` with the length written as `m:ss`. Return the title of the longest track."
    assert "compares the text as it is" in check(ask, longest.format(key="lambda t: t[1]"))
    assert check(ask, longest.format(key="lambda t: tuple(map(int, t[1].split(':')))")) is None


def test_blind64_to_69s_lessons():
    """Junk kept on arrival, read broadly: a tuple item read by a key, bytes joined as text, a pair used as a number,
    enumerate's index added to text, fields the instruction says are strings put into arithmetic, md5's digest given a
    length, a compiled pattern's sub with its arguments swapped, heappush(item, heap), itertools called with a keyword
    it lacks; and good rows mended on arrival."""
    from hfsynth.curate.misused_calls import misused_call

    invoice = "def invoice_total(lines: list[tuple[str, float, int]]) -> float:\n    return sum({term} for line in lines)\n"
    assert trivial(invoice.format(term="line['unit_price'] * line['quantity']")).startswith("always an error: line['unit_price'] reads a tuple of lines by a key")
    assert trivial(invoice.format(term="line[1] * line[2]")) is None
    dump = "def ascii_column(chunk: bytes) -> str:\n    return ''.join({part} if 32 <= b < 127 else '.' for b in chunk)\n"
    assert "joins items of chunk (bytes: ints)" in trivial(dump.format(part="b"))
    assert trivial(dump.format(part="chr(b)")) is None
    occupancy = "import calendar\n\n\ndef occupancy(year: int, month: int, booked: set[int]) -> float:\n    days = {days}\n    return round(len(booked) / days * 100, 1)\n"
    assert "days is the pair calendar.monthrange(year, month) gives, not a number" in trivial(occupancy.format(days="calendar.monthrange(year, month)"))
    assert trivial(occupancy.format(days="calendar.monthrange(year, month)[1]")) is None
    report = "def bed_report(beds: list[tuple[str, float]]) -> str:\n    return '\\n'.join('Bed ' + {i} + ': ' + crop for i, (crop, area) in enumerate(beds, start=1))\n"
    assert trivial(report.format(i="i")) == "always an error: 'Bed ' + i (line 2): a string plus a number raises TypeError"
    assert trivial(report.format(i="str(i)")) is None
    stock = "def stock_value(rows: list[dict[str, str]]) -> float:\n    return round(sum({qty} * float(row['price']) for row in rows), 2)\n"
    ask = "Stock rows come from `csv.DictReader`, so every value is a string. Return the total stock value."
    assert "does arithmetic on row['qty'] unconverted" in check(ask, stock.format(qty="row['qty']"))
    assert check(ask, stock.format(qty="int(row['qty'])")) is None
    key = "import hashlib\n\n\ndef short_key(data: bytes) -> str:\n    return hashlib.md5(data).hexdigest(){cut}\n"
    assert "takes no length" in misused_call(ast.parse(key.format(cut="").replace("hexdigest()", "hexdigest(8)")))
    assert misused_call(ast.parse(key.format(cut="[:8]"))) is None
    phones = "import re\n\nPHONE = re.compile(r'\\+?\\d[\\d ]{{5,}}\\d')\n\n\ndef redact(note: str) -> str:\n    return PHONE.sub({args})\n"
    assert "passes the text as the replacement" in misused_call(ast.parse(phones.format(args="note, '[phone]'")))
    assert misused_call(ast.parse(phones.format(args="'[phone]', note"))) is None
    soonest = "import heapq\n\n\ndef soonest(items: list[tuple[int, str]]) -> str:\n    heap = []\n    for item in items:\n        heapq.heappush({args})\n    return heapq.heappop(heap)[1]\n"
    assert "passes an item where the heap goes" in misused_call(ast.parse(soonest.format(args="item, heap")))
    assert misused_call(ast.parse(soonest.format(args="heap, item"))) is None
    guilds = "from itertools import combinations\n\n\ndef guilds(crops: list[str]) -> list:\n    return list(combinations(sorted(crops), {k}))\n"
    assert trivial(guilds.format(k="k=3")).startswith("always an error: combinations() cannot be called so")
    assert trivial(guilds.format(k="r=3")) is None
    # good rows lost on arrival, mended
    tyres = "POSITIONS = ('FL', 'FR', 'RL', 'RR')\n\n\ndef worn(depths: dict[str, float]) -> list[str]:\n    return [p for p in POSITIONS if depths.get(p, 9) < 1.6]\n"
    assert check("Return the positions whose depth is below the legal minimum.", tyres) is None
    slot = "DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']\n\n\ndef weekday_of(text: str) -> int:\n    return DAYS.index(text[:3].lower())\n"
    assert check("Slots open with a three-letter English weekday. Return 0 for Monday ... 6 for Sunday.", slot) is None
    panels = "from math import comb\n\n\ndef tasting_panels(n_varieties: int, k: int) -> int:\n    return comb(n_varieties, k)\n"
    assert check("Write `tasting_panels(n_varieties: int, k: int) -> int` returning the number of ways to pick `k` of `n_varieties` varieties. "
                 "Raise `ValueError` when either argument is negative.", panels) is None
    water = ("from datetime import date, timedelta\n\n\ndef schedule(start: date, end: date, step: int) -> list[date]:\n    out, current = [], start\n"
             "    while True:\n        if current > end:\n            break\n        out.append(current)\n        current += timedelta(days=step)\n    return out\n")
    assert check("List the watering dates from start, every step days, up to and including end.", water) is None
    order = "from collections import Counter\n\n\ndef to_order(par: dict[str, int], on_hand: dict[str, int]) -> dict[str, int]:\n    return dict(Counter(par) - Counter(on_hand))\n"
    assert check("Write `to_order(par: dict[str, int], on_hand: dict[str, int]) -> dict[str, int]`: return how many units are needed.", order) is None
    ranks = "from bisect import bisect_right\n\n\ndef ranks(points: list[int]) -> list[int]:\n    ordered = sorted(points)\n    n = len(ordered)\n    return [n - bisect_right(ordered, p) + 1 for p in points]\n"
    assert check("Return each entry's competition rank: the highest total is rank 1.", ranks) is None
    table = "def order(tied: list[str], stats: dict) -> list[str]:\n    return sorted(tied, key=lambda t: (-stats[t][0], -stats[t][1]))\n"
    assert check("Rank by points, then goal difference; teams still level keep their relative order from `tied`.", table) is None
    hexes = "def parse_hex(text: str) -> bytes:\n    return bytes.fromhex(''.join(text.split()).replace(':', ''))\n"
    assert check("Convert hex text to bytes. Colons and whitespace are ignored, case does not matter.", hexes) is None


def test_blind64_to_69s_second_lessons():
    """A loop whose continue path rebinds only what it unpacks afresh, a new bytearray cleared on the way, a row
    looked up by its own id, and a pass branch whose case falls through to the function's fallback."""
    place = ("def place(waitlist: list[tuple[str, int]], rooms: dict[int, int]) -> dict[str, int]:\n    free, placed, i = dict(rooms), {{}}, 0\n"
             "    while i < len(waitlist) and free:\n        guest, size = waitlist[i]\n        fitting = [r for r, cap in free.items() if cap >= size]\n"
             "        if not fitting:\n{skip}            continue\n        best = min(fitting)\n        placed[guest] = best\n        del free[best]\n        i += 1\n    return placed\n")
    assert trivial(place.format(skip="")).startswith("never ends: the while loop at line 3")
    assert trivial(place.format(skip="            i += 1\n")) is None
    split = ("def split_cstrings(data: bytes) -> list[bytes]:\n    strings = []\n    current = bytearray()\n    i = 0\n    while i < len(data):\n        if data[i] == 0:\n"
             "            strings.append(bytes(current))\n            current.clear()\n{step}            continue\n        current.append(data[i])\n        i += 1\n    return strings\n")
    assert trivial(split.format(step="")).startswith("never ends: the while loop at line 5 (i < len(data))")
    assert trivial(split.format(step="            i += 1\n")) is None
    root = ("def root_of(rows: list[dict], node_id: int) -> str:\n    by_id = {{row['id']: row for row in rows}}\n    current = by_id[node_id]\n"
            "    while current['parent_id'] is not None:\n        current = by_id[current['{key}']]\n    return current['name']\n")
    assert trivial(root.format(key="id")).startswith("never ends: the while loop at line 4 sets current = by_id[current['id']]")
    assert trivial(root.format(key="parent_id")) is None
    stage = ("def bp_stage(systolic: int, diastolic: int) -> str:\n    if systolic > 180 or diastolic > 120:\n        {crisis}\n"
             "    elif systolic >= 140 or diastolic >= 90:\n        return 'stage 2'\n    elif systolic >= 120:\n        return 'elevated'\n    return 'normal'\n")
    assert trivial(stage.format(crisis="pass")).startswith("unfinished: the branch at line 3 does nothing (a branch of pass in a chain of bp_stage()")
    assert trivial(stage.format(crisis="return 'crisis'")) is None


def test_blind64_to_69s_third_lessons():
    """"Neither input list may be modified" is an ask to leave the input alone; "the order matters" is not
    answered by counting selections (nor "order does not matter" by counting arrangements)."""
    beds = "def free_beds(all_beds: list[str], occupied: list[str]) -> list[str]:\n{body}"
    ask = "Return the beds that are not occupied. The caller reuses both lists, so neither input list may be modified."
    assert check(ask, beds.format(body="    for bed in occupied:\n        if bed in all_beds:\n            all_beds.remove(bed)\n    return all_beds\n")) == \
        "the instruction asks to leave the input unchanged and the code mutates it (all_beds.remove())"
    assert check(ask, beds.format(body="    return [bed for bed in all_beds if bed not in occupied]\n")) is None
    lineups = "from math import {fn}\n\n\ndef fence_lineups(n: int, k: int) -> int:\n    return {fn}(n, k)\n"
    ask = "In how many ways can I line up `k` of the `n` trays along the fence, where the left-to-right order matters? Write `fence_lineups(n, k)`."
    assert check(ask, lineups.format(fn="comb")) == "the instruction says 'order matters' and the code counts unordered selections (comb)"
    assert check(ask, lineups.format(fn="perm")) is None
    ask = "In how many ways can I pick `k` of the `n` trays for the fence? The order does not matter. Write `fence_lineups(n, k)`."
    assert check(ask, lineups.format(fn="perm")) == "the instruction says 'order does not matter' and the code counts ordered arrangements (perm)"
    assert check(ask, lineups.format(fn="comb")) is None


def test_blind64_to_69s_fourth_lessons():
    """An item of a copied table updated in place (``row["points"] -= ...``) changes the caller's dicts; a field the
    answer is computed from ("the total number of tickets") thrown away as ``_``."""
    table = ("def apply_deductions(table: list[dict], deductions: dict[str, int]) -> list[dict]:\n    adjusted = {copy}\n    for row in adjusted:\n"
             "        row['points'] -= deductions.get(row['team'], 0)\n    return sorted(adjusted, key=lambda r: r['points'], reverse=True)\n")
    ask = "Return a new table with the reduced points. The input table and the dicts in it must not be modified."
    assert check(ask, table.format(copy="list(table)")) == \
        "the instruction asks to leave the input unchanged and the code mutates it (row['points'] updated in place on an item of table)"
    assert check(ask, table.format(copy="[dict(row) for row in table]")) is None
    tickets = "from collections import Counter\n\n\ndef tickets_per_buyer(purchases: list[tuple[str, int]]) -> dict[str, int]:\n    totals = Counter()\n    for {names} in purchases:\n        totals[buyer] += {add}\n    return dict(totals)\n"
    ask = "Each purchase is a `(buyer, tickets)` tuple. Return a dict mapping each buyer to the total number of tickets they bought."
    assert check(ask, tickets.format(names="buyer, _", add="1")).startswith("the instruction asks about the tickets of its (buyer, tickets) items and the code discards it")
    assert check(ask, tickets.format(names="buyer, tickets", add="tickets")) is None
    assert check(ask.replace("the total number of tickets they bought", "how many purchases they made"), tickets.format(names="buyer, _", add="1")) is None


def test_blind70_to_75s_lessons():
    """A ``pass`` branch whose siblings set what follows reads; ``re.sub(pattern, text, " ")``; halves "to be rounded
    up"; both cases of a letter named; ties "listed by name" after a two-word field; "both dates included"."""
    shelf = ("from datetime import date, timedelta\n\n\ndef best_before(received: str, category: str) -> str:\n    if category == 'ambient':\n        days = 365\n"
             "    elif category == 'chilled':\n        days = 21\n    elif category == 'frozen':\n{frozen}    else:\n        raise ValueError(category)\n    return (date.fromisoformat(received) + timedelta(days=days)).isoformat()\n")
    assert trivial(shelf.format(frozen="        pass\n")).startswith("unfinished: the branch at line 10 does nothing (a branch of pass in a chain of best_before() whose other branches set days")
    assert trivial(shelf.format(frozen="        days = 180\n")) is None
    assert trivial(shelf.format(frozen="        pass\n").replace("    if category", "    days = 30\n    if category")) is None  # bound before: a default
    title = "import re\n\n\ndef normalise_title(title: str) -> str:\n    return re.sub(r'\\s+', {args}).strip()\n"
    assert "passes the text as the replacement and ' ' as the text" in trivial(title.format(args="title, ' '"))
    assert trivial(title.format(args="' ', title")) is None
    tax = "def sales_tax(amount: float, rate: float) -> float:\n    return {body}\n"
    ask = "Return the sales tax rounded to cents. The state requires halves to be rounded **up** (0.125 becomes 0.13)."
    assert check(ask, tax.format(body="round(amount * rate, 2)")) == "the instruction asks for 'halves to be rounded up' and the code calls round(), which rounds halves to even"
    assert check(ask, tax.format(body="float(Decimal(str(amount * rate)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP))")) is None
    dna = "def ambiguous_fraction(seq: str) -> float:\n    return round(seq{fold}.count('N') / len(seq), 4) if seq else 0.0\n"
    ask = 'Return the fraction of positions that are the ambiguity code N, counting both "N" and "n", rounded to 4 decimals.'
    assert check(ask, dna.format(fold="")) == "the instruction asks for 'both \"N\" and \"n\"' matching and the code never folds case"
    assert check(ask, dna.format(fold=".upper()")) is None
    ranks = "def rank_warehouses(fill_rates: dict[str, float]) -> list[str]:\n    return [n for n, _ in sorted(fill_rates.items(), key=lambda kv: {key}{reverse})]\n"
    ask = "Return warehouse names ordered by fill rate, highest first. Warehouses with the same fill rate must be listed by name in ascending alphabetical order."
    assert "reverses the tie-breaking field too" in check(ask, ranks.format(key="(kv[1], kv[0])", reverse=", reverse=True"))
    assert check(ask, ranks.format(key="(-kv[1], kv[0])", reverse="")) is None
    shifts = "def shifts_in_period(shift_dates: list, start, end) -> int:\n    return sum(1 for d in shift_dates if start <= d {op} end)\n"
    ask = "Count how many of the shift dates fall inside a pay period running from `start` to `end`, **both dates included**."
    assert "leaves the bound out" in check(ask, shifts.format(op="<"))
    assert check(ask, shifts.format(op="<=")) is None


def test_blind70_to_75s_good_rows():
    """Good rows the arrival of blind70-75 removed, kept: ``enumerate(lines, start)`` counts from a number;
    an accumulated recurrence ("s[t-1]") or a level at the end of each day; a dataclass ordered by its fields;
    a "posting" date named ``posted``; an example rendered in the fence the prose ends on; 'T20' built from "T"."""
    lines = "def number_lines(text: str, start: int = 1) -> str:\n    lines = text.split('\\n')\n    return '\\n'.join(f'{n}: {l}' for n, l in enumerate(lines, start))\n"
    assert trivial(lines) is None
    ema = ("from itertools import accumulate\n\n\ndef ema(values: list[float], alpha: float) -> list[float]:\n"
           "    return [round(s, 4) for s in accumulate(values, lambda prev, x: alpha * x + (1 - alpha) * prev)]\n")
    assert check("Write `ema(values, alpha)`: `s[0] = values[0]`, `s[t] = alpha * values[t] + (1 - alpha) * s[t-1]`.", ema) is None
    assert check("Write `ema(values, alpha)` returning each value weighted by alpha.", ema).startswith("the instruction asks for nothing cumulative")
    txns = ("from dataclasses import dataclass, field\nfrom datetime import date\n\n\n@dataclass(frozen=True, order=True)\nclass Transaction:\n    posted: date\n"
            "    amount_cents: int\n    payee: str = field(compare=False)\n\n\ndef sort_transactions(txns: list[Transaction]) -> list[Transaction]:\n    return sorted(txns)\n")
    assert check("Write `sort_transactions(txns)` that sorts them by posting date and then by amount.", txns) is None
    outline = "Number the headings. For example `['A', ['B']]` should render as\n\n```\n1. A\n  1.1. B\n```"
    assert instruction.cut_off(outline) is None and instruction.cut_off("Number the headings so that it renders as") == "as"
    darts = ("SPECIAL = {'MISS': 0, 'BULL': 50, 'DB': 50}\nMULTIPLIER = {'S': 1, 'D': 2, 'T': 3}\n\n\ndef dart_score(code: str) -> int:\n    c = code.upper()\n"
             "    if c in SPECIAL:\n        return SPECIAL[c]\n    mult = MULTIPLIER.get(c[0], 1)\n    return mult * int(c.lstrip('SDT'))\n")
    assert missing_part('Codes: "T20" = 60, "D16" = 32, "S5" = 5; "BULL" or "DB" for 50; "MISS" for 0.', darts) is None
    pad = "import re\n\n\ndef pad_well(name: str) -> str:\n    row, col = re.fullmatch(r'([A-Za-z])(\\d+)', name).groups()\n    return f'{row.upper()}{int(col):02d}'\n"
    assert missing_part('Normalise a well name: "a1" -> "A01", "H12" -> "H12", "B007" -> "B07", "A1" -> "A01".', pad) is None  # "A" of [A-Za-z] is no string of its own


def test_blind73s_lessons():
    """A field an answer counts the different values of, thrown away; "rounding halves up"; two sides' branches
    that read one side's value; "10 minus wickets lost" with no 10 in the code."""
    scorers = "from collections import Counter\n\n\ndef scoring_matches(goals: list[tuple[str, int]]) -> dict[str, int]:\n    return {body}\n"
    ask = "Each entry is `(player, match_id)` for one goal. Return, for each player, the number of different matches in which that player scored."
    assert check(ask, scorers.format(body="dict(Counter(player for player, _ in goals))")).startswith(
        "the instruction asks about the match_id of its (player, match_id) items and the code discards it")
    assert check(ask, scorers.format(body="dict(Counter(player for player, _ in set(goals)))")) is None  # the items read whole elsewhere
    per_game = "def goals_per_game(goals: int, games: int) -> float:\n    return round(goals / games, 2) if games else 0.0\n"
    assert check("Return goals per game rounded to 2 decimals, rounding halves up (0.125 becomes 0.13).", per_game) == \
        "the instruction asks for 'rounding halves up' and the code calls round(), which rounds halves to even"
    sheets = ("def clean_sheets(results: list[tuple[str, str, int, int]], team: str) -> int:\n    count = 0\n    for home, away, hg, ag in results:\n"
              "        if home == team and ag == 0:\n            count += 1\n        elif away == team and {away_side} == 0:\n            count += 1\n    return count\n")
    ask = "Count how many matches `team` finished without conceding a goal; `results` holds `(home, away, home_goals, away_goals)` tuples."
    assert check(ask, sheets.format(away_side="ag")).startswith("the home/away branches (line 4, line 6) of a loop over (home, away, hg, ag) items both read ag")
    assert check(ask, sheets.format(away_side="hg")) is None
    cricket = "def margin(wickets_lost: int) -> str:\n    return f'won by {{{n}}} wickets'\n"
    ask = "Write `margin(wickets_lost)`: the chasing side wins by N wickets, where N is the number of wickets it had in hand (10 minus wickets lost)."
    assert check(ask, cricket.format(n="wickets_lost")) == "the instruction works the answer out as '10 minus wickets lost' and no number of the code is 10"
    assert check(ask, cricket.format(n="10 - wickets_lost")) is None


def test_blind70s_lessons():
    """Ties "listed in ascending alphabetical order" with a reversed two-field sort; "the day's maximum minus its
    minimum" answered with a mean; decimals asked of a part ("its total, rounded to 2 decimals") of a count."""
    delays = "def rank_delays(delays: dict[str, int]) -> list[str]:\n    return [f for f, _ in sorted(delays.items(), key=lambda kv: {key}{reverse})]\n"
    ask = "Return flight numbers ordered by delay, longest first. Flights with equal delays must be listed in ascending alphabetical order of flight number."
    assert "reverses the tie-breaking field too" in check(ask, delays.format(key="(kv[1], kv[0])", reverse=", reverse=True"))
    assert check(ask, delays.format(key="(-kv[1], kv[0])", reverse="")) is None
    spread = ("from collections import defaultdict\n\n\ndef daily_range(readings: list[tuple[str, float]]) -> dict[str, float]:\n    by_day = defaultdict(list)\n"
              "    for day, t in readings:\n        by_day[day].append(t)\n    return {{day: round({value}, 1) for day, ts in by_day.items()}}\n")
    ask = "Write `daily_range(readings)` mapping each date to its temperature range, i.e. the day's maximum minus its minimum, rounded to 1 decimal."
    assert check(ask, spread.format(value="sum(ts) / len(ts)")) == "the instruction asks for the largest minus the smallest and the code never looks for a largest or a smallest value"
    assert check(ask, spread.format(value="max(ts) - min(ts)")) is None
    rainy = ("from collections import defaultdict\n\n\ndef rainy_days(hourly: list[tuple[str, float]], threshold: float = 0.2) -> int:\n    totals = defaultdict(float)\n"
             "    for day, mm in hourly:\n        totals[day] += mm\n    return sum(1 for t in totals.values() if {total} >= threshold)\n")
    ask = "A day counts as rainy when its total rainfall, rounded to 2 decimals, is at least `threshold`. Return the number of rainy days."
    assert check(ask, rainy.format(total="round(t, 2)")) is None
    assert check(ask, rainy.format(total="t")) == "the instruction asks for 'rounded to 2 decimal' and rainy_days answers a whole number (line 4)"


def test_an_entry_set_up_for_one_side_and_read_for_the_other():
    """blind73: ``split.setdefault(home, ...)`` and then ``split[away]["away"] += ap``: the away team's entry is new the first time."""
    split = ("def home_away_split(results: list[tuple[str, str, int, int]]) -> dict[str, dict[str, int]]:\n    split: dict[str, dict[str, int]] = {{}}\n"
             "    for home, away, hg, ag in results:\n        split.setdefault(home, {{'home': 0, 'away': 0}})\n{away}"
             "        split[home]['home'] += 3 if hg > ag else 1 if hg == ag else 0\n        split[away]['away'] += 3 if ag > hg else 1 if hg == ag else 0\n    return split\n")
    assert trivial(split.format(away="")).endswith("(line 6): split gets an entry for home only, so a new away raises KeyError")
    assert trivial(split.format(away="        split.setdefault(away, {'home': 0, 'away': 0})\n")) is None
    assert trivial(split.format(away="        if away not in split:\n            split[away] = {'home': 0, 'away': 0}\n")) is None


def test_a_bound_left_out_below_and_taken_in():
    """"fewer than 30 rated games" with ``games_played <= 30``: the mirror of "more than `grace`" taken in."""
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = "Write `k_factor(rating, games_played)`: K = 40 for a player with fewer than 30 rated games, otherwise 20."
    k = "def k_factor(rating, games_played):\n    if {test}:\n        return 40\n    return 20\n"
    assert "counts 30 itself" in ignored_requirement(ask, k.format(test="games_played <= 30"))
    assert ignored_requirement(ask, k.format(test="games_played < 30")) is None
    assert ignored_requirement(ask, k.format(test="not games_played >= 30")) is None  # its complement, written out
    frost = "def frost_nights(temps):\n    return sum(1 for t in temps if t {op} 0)\n"
    assert "counts 0 itself" in ignored_requirement("Count the nights whose low was below 0 degrees.", frost.format(op="<="))
    assert ignored_requirement("Count the nights whose low was below 0 degrees.", frost.format(op="<")) is None
    assert ignored_requirement("Count the nights whose low was 0 degrees or below.", frost.format(op="<=")) is None
    assert ignored_requirement("Count the nights whose low was below 0 or equal to it.", frost.format(op="<=")) is None
    assert ignored_requirement("Count the nights whose low was not below 0.", frost.format(op="<=")) is None  # negated


def test_an_age_counted_from_the_years_alone():
    """``on.year - birth.year`` for "age in whole years": someone born in December is counted a year older
    for most of the year. The years' difference asked in words, or a month and day compared, is kept."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write age_on(birth_date, on_date): a person's age in whole years on a given date, both datetime.date objects."
    years = "def age_on(birth_date, on_date):\n    return on_date.year - birth_date.year{fix}\n"
    assert "counts years alone" in wrong_operation(ask, years.format(fix=""))
    assert wrong_operation(ask, years.format(fix=" - ((on_date.month, on_date.day) < (birth_date.month, birth_date.day))")) is None
    assert wrong_operation(ask, years.format(fix=" - (on_date.replace(year=birth_date.year) < birth_date)")) is None
    assert wrong_operation("Return the age in calendar years: the difference of the birth year and the given date's year.", years.format(fix="")) is None
    assert wrong_operation("Return how many years apart the two dates' years are.", years.format(fix="")) is None  # no age asked


def test_punctuation_ignored_in_the_passive():
    from hfsynth.curate.stated_requirements import ignored_requirement

    ask = 'Write is_palindrome(phrase) that returns True if the phrase reads the same both ways when case, spaces and punctuation are ignored.'
    spaces = 'def is_palindrome(phrase):\n    cleaned = phrase.replace(" ", "").lower()\n    return cleaned == cleaned[::-1]\n'
    assert "nothing in the code drops a character" in ignored_requirement(ask, spaces)
    kept = 'def is_palindrome(phrase):\n    cleaned = [c.lower() for c in phrase if c.isalnum()]\n    return cleaned == cleaned[::-1]\n'
    assert ignored_requirement(ask, kept) is None
    assert "drops a character" in ignored_requirement("Compare the words regardless of case and punctuation.", "def same(a, b):\n    return a.lower() == b.lower()\n")


def test_an_angle_difference_that_never_wraps():
    """``abs(heading - wind)`` where angles are measured around the compass: 350 and 10 degrees are 20 apart."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return the name of the runway whose heading (degrees) is closest to the wind direction, measuring the angle around the compass."
    plain = "def runway_in_use(wind, runways):\n    return min(runways, key=lambda name: abs(runways[name] - wind))\n"
    assert "never wraps at 360" in wrong_operation(ask, plain)
    wrapped = "def runway_in_use(wind, runways):\n    def gap(h):\n        d = abs(h - wind) % 360\n        return min(d, 360 - d)\n    return min(runways, key=lambda name: gap(runways[name]))\n"
    assert wrong_operation(ask, wrapped) is None
    assert wrong_operation("Return the runway whose heading in degrees is closest to the wind direction.", plain) is None  # no wrap asked


def test_a_docstring_that_names_the_neighbouring_task():
    """A refund documented as a charge, the last Saturday as the first, IPs seen once as distinct IPs; a name the
    instruction gave (``first_unique_index``) says nothing of the code, and a ``first_free_slot`` may be the
    "earliest" asked."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Guests get a full refund if they cancel at least 48 hours before check-in. Write cancellation_refund(amount_paid, hours_before)."
    refund = 'def cancellation_refund(amount_paid, hours_before):\n    """{doc}"""\n    return 0.0 if hours_before >= 48 else amount_paid\n'
    assert "says it computes 'charge'" in wrong_operation(ask, refund.format(doc="Cancellation charge under the 48h policy."))
    assert wrong_operation(ask, refund.format(doc="Refund under the 48h policy.")) is None
    ask = "Our cleanup day is the last Saturday of each month. Write `cleanup_day(year, month)` that returns that date."
    day = 'import calendar\nfrom datetime import date\n\n\ndef cleanup_day(year, month):\n    """{doc} Saturday of the given month."""\n    return date(year, month, 1)\n'
    assert "says it computes 'First'" in wrong_operation(ask, day.format(doc="First"))
    assert wrong_operation(ask, day.format(doc="Last")) is None
    ask = "Return the client IPs that appear exactly once in the log, in the order they appear."
    ips = 'def one_time_visitors(lines):\n    """{doc}"""\n    return [l.split()[0] for l in lines]\n'
    assert "says it computes 'Distinct'" in wrong_operation(ask, ips.format(doc="Distinct client IPs in order of first appearance."))
    ask = "Return the hashtags lowercase, without the `#`, each only once, in order of first appearance."  # blind84: "each only once" is distinct
    assert wrong_operation(ask, 'def hashtags(tags):\n    """Return the distinct lowercase hashtags."""\n    return list(dict.fromkeys(tags))\n') is None
    ask = 'Write `first_unique_index(s)` returning the index of the first character that occurs exactly once in `s`, or -1.'
    assert wrong_operation(ask, "def first_unique_index(s):\n    return next((i for i, c in enumerate(s) if s.count(c) == 1), -1)\n") is None
    ask = "Return the earliest free slot start as HH:MM, or None if the day is full; the last slot starts 16:30."
    assert wrong_operation(ask, 'def first_free_slot(booked):\n    """Earliest unbooked slot start."""\n    return None\n') is None


def test_a_date_window_on_the_other_side_of_today():
    """"due within the next `days` days" with ``today - timedelta(days=days)``: the window looks back."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return the ids of unpaid invoices due within the next `days` days (from `today` through `today + days`, inclusive)."
    due = ("from datetime import timedelta\n\n\ndef due_soon(invoices, today, days=7):\n    cutoff = today {op} timedelta(days=days)\n"
           "    return [i['id'] for i in invoices if not i['paid'] and {test}]\n")
    assert "steps the other way" in wrong_operation(ask, due.format(op="-", test="cutoff <= i['due'] <= today"))
    assert wrong_operation(ask, due.format(op="+", test="today <= i['due'] <= cutoff")) is None
    ask = "Count the orders placed in the last 30 days before `today`."
    recent = "from datetime import timedelta\n\n\ndef recent(orders, today):\n    start = today {op} timedelta(days=30)\n    return sum(1 for d in orders if start <= d <= today)\n"
    assert "steps the other way" in wrong_operation(ask, recent.format(op="+"))
    assert wrong_operation(ask, recent.format(op="-")) is None


def test_a_described_value_of_an_argument_left_out():
    """"`by` can be 'price' (cheapest first), 'name' (A-Z) or 'rating' (highest first)" and a table of two."""
    from hfsynth.curate.listed_parts import missing_part

    ask = "Write sort_products(products, by). `by` can be 'price' (cheapest first), 'name' (A-Z, case-insensitive) or 'rating' (highest first). Raise ValueError for any other value."
    table = "KEYS = {{\n    'price': lambda p: p['price'],\n    'name': lambda p: p['name'].lower(),\n{more}}}\n\n\ndef sort_products(products, by):\n    if by not in KEYS:\n        raise ValueError(by)\n    return sorted(products, key=KEYS[by])\n"
    assert missing_part(ask, table.format(more="")) == "the value 'rating'"
    assert missing_part(ask, table.format(more="    'rating': lambda p: -p['rating'],\n")) is None
    assert missing_part("Products are dicts with 'price' (in cents), 'name' (a title) and 'rating' (0-5). Sort them by price.",
                        "def sort_products(products):\n    return sorted(products, key=lambda p: (p['price'], p['name']))\n") is None  # the records' fields


def test_an_amount_a_case_is_given_and_never_priced():
    """"children under 12 pay 5.0, seniors aged 65 and over pay 6.0, students pay 7.0, everyone else pays 12.0"
    and no 6.0 in the code: the seniors' case was dropped. Half of 12.0 made in the code is the 6.0 asked."""
    from hfsynth.curate.listed_parts import missing_part

    ask = ("Write `ticket_price(age, student=False)`: children under 12 pay 5.0, seniors aged 65 and over pay 6.0, "
           "students of any other age pay 7.0, and everyone else pays 12.0.")
    price = "def ticket_price(age, student=False):\n    if age < 12:\n        return 5.0\n{senior}    if student:\n        return 7.0\n    return 12.0\n"
    assert missing_part(ask, price.format(senior="")) == "the amount 6 (one of the amounts it gives each case)"
    assert missing_part(ask, price.format(senior="    if age >= 65:\n        return 6.0\n")) is None
    assert missing_part(ask, price.format(senior="    if age >= 65:\n        return 12.0 * 0.5\n")) is None


def test_a_month_moved_without_clamping_its_day():
    """"keep the same day, clamping to the last day of the month (Jan 31 -> Feb 28)" and ``replace(month=...)``
    with nothing that knows a month's length: Jan 31 raises ValueError."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = ("Write next_occurrence(last, frequency): 'daily' or 'monthly'. For monthly, keep the same day of the month, clamping to the "
           "last day of the month when that day doesn't exist (Jan 31 -> Feb 28 or 29). Raise ValueError for an unknown frequency.")
    moved = ("import calendar\nfrom datetime import timedelta\n\n\ndef next_occurrence(last, frequency):\n    if frequency == 'daily':\n        return last + timedelta(days=1)\n"
             "    if frequency == 'monthly':\n        year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)\n"
             "        return last.replace(year=year, month=month{day})\n    raise ValueError(frequency)\n")
    assert "keeps a day the month may not have" in wrong_operation(ask, moved.format(day="").replace("import calendar\n", ""))
    assert wrong_operation(ask, moved.format(day=", day=min(last.day, calendar.monthrange(year, month)[1])")) is None


def test_blind76_to_81s_good_rows():
    """Good rows of the sets that arrived this session, lost on arrival and mended: a weekday given as an
    abbreviation, a formula written with `ceil(...)`, a mean weighted through ``fmean(..., weights=)``, a range of
    ranks "'2' to '10'", and prefix sums searched with ``takewhile``."""
    from hfsynth.curate.instruction import named_but_not_defined
    from hfsynth.curate.listed_parts import missing_part
    from hfsynth.curate.task_operations import wrong_operation

    ask = "A timetable is a list of tuples `(course, day, start, end)`, where `day` is a weekday abbreviation such as \"Mon\". Return the overlapping pairs."
    assert wrong_operation(ask, "def find_conflicts(entries):\n    return sorted({(a[0], b[0]) for a in entries for b in entries if a[1] == b[1] and a[0] < b[0]})\n") is None
    ask = "Write `percentile_nearest_rank(values, p)`: sort the values, take rank `ceil(p / 100 * N)` (1-based), and return the value at that rank."
    rank = "import math\n\n\ndef percentile_nearest_rank(values, p):\n    ordered = sorted(values)\n    return ordered[math.ceil(p * len(ordered) / 100) - 1]\n"
    assert named_but_not_defined(ask, rank) is None
    assert named_but_not_defined("Write `ceil(x)` that rounds a float up to an integer without the math module.", "def up(x):\n    return -int(-x // 1)\n") == "ceil"
    ask = "Return the sugar per 100 g of a blend, i.e. the average of `sugar_per_100g` weighted by grams."
    assert wrong_operation(ask, "from statistics import fmean\n\n\ndef blend_sugar(parts):\n    return round(fmean([s for _, s in parts], weights=[g for g, _ in parts]), 2)\n") is None
    assert "never multiplies a value by its weight" in wrong_operation(ask, "from statistics import fmean\n\n\ndef blend_sugar(parts):\n    return round(fmean([s for _, s in parts]), 2)\n")
    ask = "Write `hand_value(cards)`: card ranks are strings ('2' to '10', 'J', 'Q', 'K', 'A'); face cards are worth 10 and an ace 11 or 1."
    hand = "def hand_value(cards):\n    total = aces = 0\n    for r in cards:\n        if r == 'A':\n            total, aces = total + 11, aces + 1\n        elif r in ('J', 'Q', 'K'):\n            total += 10\n        else:\n            total += int(r)\n    while total > 21 and aces:\n        total, aces = total - 10, aces - 1\n    return total\n"
    assert missing_part(ask, hand) is None
    assert missing_part(ask, hand.replace("('J', 'Q', 'K')", "('J', 'Q')")) == "the string 'K'"
    ask = "Parcels are loaded in the given order. Return how many are loaded before the next one would push the total above `capacity`."
    load = "from itertools import accumulate, takewhile\n\n\ndef load_until_full(weights, capacity):\n    return sum(1 for _ in takewhile(lambda t: t <= capacity, accumulate(weights)))\n"
    assert wrong_operation(ask, load) is None


def test_blind76_to_81s_lessons():
    """strptime given the format first; a list attribute handed back by a tuple assignment still has no
    .push; a pass branch nested in a block, falling through to another case's code or leaving an entry unset."""
    enrolled = "from datetime import datetime\n\n\ndef days_enrolled(a: str, b: str) -> int:\n    return (datetime.strptime({end}) - datetime.strptime(a, '%Y-%m-%d')).days\n"
    assert "passes the format first" in trivial(enrolled.format(end="'%Y-%m-%d', b"))
    assert trivial(enrolled.format(end="b, '%Y-%m-%d'")) is None
    pile = ("class DiscardPile:\n    def __init__(self) -> None:\n        self._cards: list[str] = []\n\n    def discard(self, card: str) -> None:\n        self._cards.{add}(card)\n\n"
            "    def take_all(self) -> list[str]:\n        cards, self._cards = self._cards, []\n        return cards\n")
    assert trivial(pile.format(add="push")).endswith("self._cards of DiscardPile is always a list, which has no .push (line 6)")
    assert trivial(pile.format(add="append")) is None
    sla = ("def service_level(days: int, express: bool) -> str:\n    if express:\n        if days <= 1:\n            return 'on time'\n        elif days <= 3:\n            return 'late'\n"
           "        else:\n            {last}\n    return 'on time' if days <= 5 else 'late'\n")
    assert "its case falls through to what follows" in trivial(sla.format(last="pass"))
    assert trivial(sla.format(last="return 'escalate'")) is None
    meals = ("def classify(meals):\n    labels = {{}}\n    for name, (p, c) in meals.items():\n        if p >= 30:\n            labels[name] = 'high-protein'\n"
             "        elif c < 20:\n            {middle}\n        else:\n            labels[name] = 'balanced'\n    return labels\n")
    assert "whose other branches set labels[name]: its case leaves no entry" in trivial(meals.format(middle="pass"))
    assert trivial(meals.format(middle="labels[name] = 'low-carb'")) is None


def test_blind76_to_81s_lessons_continued():
    """A month + 1 with nothing to turn December over; dict items read as attributes; "in the order in which it
    first appears" and a sorted result; "round ... to whole cents half-up" and round()."""
    from hfsynth.curate.order_requirements import broken_order
    from hfsynth.curate.stated_requirements import ignored_requirement

    billing = "import calendar\nfrom datetime import date\n\n\ndef next_billing_month(day):\n    first = {first}\n    return first, date(first.year, first.month, calendar.monthrange(first.year, first.month)[1])\n"
    assert "makes month 13 past December" in trivial(billing.format(first="date(day.year, day.month + 1, 1)"))
    assert trivial(billing.format(first="date(day.year + day.month // 12, day.month % 12 + 1, 1)")) is None
    leaders = "def leaders(players: list[dict]) -> list[str]:\n    best = max({score} for p in players)\n    return [p['name'] for p in players if p['score'] == best]\n"
    assert "reads an attribute a dict of players does not have" in trivial(leaders.format(score="p.score"))
    assert trivial(leaders.format(score="p['score']")) is None
    assert trivial(leaders.format(score="p.get('score', 0)")) is None
    ask = "Return each distinct error message once, in the order in which it first appears in the log."
    assert "in another order" in broken_order(ask, ast.parse("def f(lines):\n    return sorted(set(lines))\n"))
    assert broken_order(ask, ast.parse("def f(lines):\n    return list(dict.fromkeys(lines))\n")) is None
    ask = "Round every leg's toll to whole cents half-up (0.125 becomes 0.13) before adding."
    assert "rounds halves to even" in ignored_requirement(ask, "def total(legs):\n    return sum(round(km * rate, 2) for km, rate in legs)\n")
    assert ignored_requirement(ask, "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef total(legs):\n    return sum((km * rate).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP) for km, rate in legs)\n") is None


def test_a_return_annotation_that_contradicts_the_ask():
    """"returning the list of names" and ``-> dict[str, float]``; "returning a dict that maps" and ``-> list[str]``;
    "Return the names of the k depots" and ``-> list[float]``: the function says it answers another question."""
    ask = "Write `improvements(term1, term2)` returning the list of names of students whose average went up, largest first."
    code = "def improvements(term1, term2) -> {ann}:\n    return {{n: term2[n] - term1[n] for n in term1 if n in term2}}\n"
    assert contradicted_return(ask, code.format(ann="dict[str, float]")) == "improvements returns a dictionary where the instruction says it returns a list"
    listed = "def improvements(term1, term2) -> list[str]:\n    return sorted((n for n in term1 if n in term2 and term2[n] > term1[n]), key=lambda n: term1[n] - term2[n])\n"
    assert contradicted_return(ask, listed) is None
    ask = "Given a list of `(date, student)` records, write `absence_counts(records)` returning a dict that maps each student to their absences."
    assert contradicted_return(ask, "def absence_counts(records) -> list[str]:\n    return sorted({s for _, s in records})\n") == "absence_counts returns a list where the instruction says it returns a dictionary"
    ask = "Write `closest_depots(point, depots, k)`. Return the names of the `k` depots closest to `point`, nearest first."
    depots = "import heapq\nimport math\n\n\ndef closest_depots(point, depots, k) -> list[{item}]:\n    return heapq.nsmallest(k, depots, key=lambda n: math.dist(point, depots[n]))\n"
    assert contradicted_return(ask, depots.format(item="float")) == "closest_depots is annotated list[float] where the instruction asks for names"
    assert contradicted_return(ask, depots.format(item="str")) is None


def test_a_loop_that_returns_what_it_fills_after_one_item():
    counts = ("def stops_per_driver(assignments):\n    seen = {{}}\n    for driver, stop in assignments:\n        seen.setdefault(driver, set()).add(stop)\n"
              "    counts = {{}}\n    for driver, stops in seen.items():\n        counts[driver] = len(stops)\n{ret}")
    assert "returns on its first pass" in trivial(counts.format(ret="        return counts\n"))
    assert trivial(counts.format(ret="    return counts\n")) is None
    assert trivial("def first_even(xs):\n    for x in xs:\n        return x\n") is None  # the first item, asked


def test_a_run_of_consecutive_items_answered_by_a_tally():
    """"the longest run of consecutive tricks won by the same player" and ``Counter(winners).most_common(1)[0]``."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Given the trick winners in order, write `longest_streak(winners)` returning `(player, length)` for the longest run of consecutive tricks won by the same player."
    assert "never compares an item with the one before it" in wrong_operation(ask, "from collections import Counter\n\n\ndef longest_streak(winners):\n    return Counter(winners).most_common(1)[0]\n")
    grouped = "from itertools import groupby\n\n\ndef longest_streak(winners):\n    return max(((p, len(list(g))) for p, g in groupby(winners)), key=lambda r: r[1])\n"
    assert wrong_operation(ask, grouped) is None


def test_a_floor_division_rounded_to_decimals_and_a_validity_bound_each_octet():
    """``round(a * 100 // b, 1)``: the decimals were cut off before round; "every valid IPv4 address (four
    dot-separated octets, each 0-255)" and a pattern of three digits that never compares with 255."""
    from hfsynth.curate.bound_requirements import broken_bound

    rate = "def completion_rate(submitted, assigned):\n    if assigned == 0:\n        return 100.0\n    return round(submitted * 100 {op} assigned, 1)\n"
    assert "rounds a floor division to decimals" in trivial(rate.format(op="//"))
    assert trivial(rate.format(op="/")) is None
    assert trivial("def pages(n, per):\n    return round(n // per)\n") is None  # no decimals asked of it
    ask = "Write `extract_ips(text)` that returns every valid IPv4 address (four dot-separated octets, each 0-255) in the text, in order."
    loose = "import re\n\n\ndef extract_ips(text):\n    return re.findall(r'\\b(?:[0-9]{1,3}\\.){3}[0-9]{1,3}\\b', text)\n"
    assert broken_bound(prose_of(ask), ast.parse(loose), loose) == "the instruction bounds what is valid by 0-255 and the code never compares with 255"
    strict = loose.replace("return re.findall", "found = re.findall").rstrip() + "\n    return [ip for ip in found if all(int(p) <= 255 for p in ip.split('.'))]\n"
    assert broken_bound(prose_of(ask), ast.parse(strict), strict) is None


def prose_of(text):
    from hfsynth.curate.instruction import prose

    return prose(text)


def test_repeats_dropped_by_groupby_and_unpadded_times_compared_as_text():
    """"keeping the first occurrence of each id" with ``groupby`` alone (neighbours only); times "without a
    leading zero" compared as text (``start >= now``: '9:05' >= '13:40')."""
    from hfsynth.curate.stated_requirements import ignored_requirement as broken_order_requirement

    ask = "Write `unique_stops(stops)` that removes repeated stop ids from a route, keeping the first occurrence of each id."
    grouped = "from itertools import groupby\n\n\ndef unique_stops(stops):\n    return [stop for stop, _ in groupby({what})]\n"
    assert "groups neighbours only" in broken_order_requirement(ask, grouped.format(what="stops"))
    assert broken_order_requirement(ask, "def unique_stops(stops):\n    return list(dict.fromkeys(stops))\n") is None
    ask = "`schedule` is a list of (start_time, subject) sorted by time. Times are written without a leading zero, e.g. '9:05' or '13:40'. Return the first class at or after `now`."
    text = "def next_class(schedule, now):\n    for start, subject in schedule:\n        if {test}:\n            return subject\n    return None\n"
    assert "compares the text as it is" in broken_order_requirement(ask, text.format(test="start >= now"))
    minutes = "def m(t):\n    h, mm = t.split(':')\n    return int(h) * 60 + int(mm)\n\n\n" + text.format(test="m(start) >= m(now)")
    assert broken_order_requirement(ask, minutes) is None


def test_a_quarter_start_off_by_one_a_span_past_midnight_and_absolute_growth():
    """``month // 3 * 3 + 1`` starts March's quarter in April; "it may run past midnight" and ``end - start``
    with nothing that adds a day back; "rose the most in absolute terms" documented as relative growth."""
    from hfsynth.curate.task_operations import wrong_operation

    quarter = "from datetime import date\n\n\ndef quarter_start(day):\n    return date(day.year, {month}, 1)\n"
    assert "starts March's quarter in April" in trivial(quarter.format(month="(day.month // 3) * 3 + 1"))
    assert trivial(quarter.format(month="(day.month - 1) // 3 * 3 + 1")) is None
    ask = "Outage logs record start and end as HH:MM. An outage may run past midnight, in which case the end time is earlier than the start."
    span = "def outage_minutes(start, end):\n    sh, sm = map(int, start.split(':'))\n    eh, em = map(int, end.split(':'))\n    return {value}\n"
    assert "never adds a day back" in wrong_operation(ask, span.format(value="(eh * 60 + em) - (sh * 60 + sm)"))
    assert wrong_operation(ask, span.format(value="((eh * 60 + em) - (sh * 60 + sm)) % 1440")) is None
    ask = "Return the unit whose consumption rose the most in absolute terms (kWh) from the previous month."
    grew = 'def biggest_increase(current, previous):\n    """Unit whose consumption grew the most {how} to last month."""\n    return max(current, key=lambda u: current[u] - previous.get(u, 0))\n'
    assert "says it computes 'relative'" in wrong_operation(ask, grew.format(how="relative"))
    assert wrong_operation(ask, grew.format(how="compared")) is None


def test_a_walk_up_a_tree_whose_root_is_its_own_parent():
    """``while hub in parent: hub = parent[hub]`` never ends where the root is its own parent; where the root
    has no entry, the same loop stops."""
    ask = 'Our hub network is a tree stored as a dict `parent[hub]`; the national hub is its own parent (`parent["NAT"] == "NAT"`).'
    climb = "def national_hub(hub, parent):\n    while {test}:\n        hub = parent[hub]\n    return hub\n"
    assert "at the root, its own parent, it goes round for ever" in trivial(climb.format(test="hub in parent"), ask)
    assert trivial(climb.format(test="parent[hub] != hub"), ask) is None
    assert trivial(climb.format(test="hub in parent"), "Follow `parent[hub]` up; the root hub has no entry in the dict.") is None


def test_fewer_items_than_asked_read_by_index():
    """"If there are fewer than three foods, return all of them" and ``[ranked[i] for i in range(3)]``."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return the names of the three foods with the most calories. If there are fewer than three foods, return all of them in that order."
    top = "def top_three(foods):\n    ranked = sorted(foods, key=foods.get, reverse=True)\n    return {result}\n"
    assert "reads past the end of a shorter input" in wrong_operation(ask, top.format(result="[ranked[i] for i in range(3)]"))
    assert wrong_operation(ask, top.format(result="ranked[:3]")) is None
    assert wrong_operation(ask, top.format(result="[ranked[i] for i in range(min(3, len(ranked)))]")) is None


def test_codes_in_backticked_quotes_and_options_priced_in_words():
    """Units named beside codes in backticked quotes (miles (`"mi"`), yards (`"yd"`)), and options each given a
    price in words ("child" pays 50% less, "senior" 40% less and "student" 25% less): one left out of the table."""
    ask = 'Write `convert_distance(value, from_unit, to_unit)` for kilometres (`"km"`), miles (`"mi"`), metres (`"m"`) and yards (`"yd"`).'
    table = "UNITS = {{'km': 1000.0, 'mi': 1609.344, 'm': 1.0{more}}}\n\n\ndef convert_distance(value, from_unit, to_unit):\n    return value * UNITS[from_unit] / UNITS[to_unit]\n"
    assert missing_part(ask, table.format(more="")) == "the unit 'yd'"
    assert missing_part(ask, table.format(more=", 'yd': 0.9144")) is None
    ask = 'The adult fare is 3.00. Concessions: "child" pays 50% less, "senior" 40% less and "student" 25% less.'
    fares = "DISCOUNTS = {{'adult': 0.0, 'child': 0.5, 'senior': 0.4{more}}}\n\n\ndef fare_for(kind):\n    return round(3.0 * (1 - DISCOUNTS[kind]), 2)\n"
    assert missing_part(ask, fares.format(more="")) == "the option 'student'"
    assert missing_part(ask, fares.format(more=", 'student': 0.25")) is None


def test_a_step_never_rounded_to_and_the_last_day_left_out():
    """"rounds the total to the nearest 0.05" and ``round(total, 2)``; "from `start` to `end`, with both ends
    included" walked as ``range((end - start).days)``."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Our cash desk rounds totals to the nearest 0.05. Write `cash_total(prices)`."
    assert "nothing in the code holds 0.05" in ignored_requirement_of(ask, "def cash_total(prices):\n    return round(sum(prices), 2)\n")
    assert ignored_requirement_of(ask, "def cash_total(prices):\n    return round(round(sum(prices) * 20) / 20, 2)\n") is None
    ask = "Write `school_dates(start, end)` returning every Monday-to-Friday date from `start` to `end`, with both ends included, in order."
    days = ("from datetime import timedelta\n\n\ndef school_dates(start, end):\n    span = (end - start).days{plus}\n"
            "    return [d for d in (start + timedelta(days=i) for i in range(span)) if d.weekday() < 5]\n")
    assert "stops the day before the end" in wrong_operation(ask, days.format(plus=""))
    assert wrong_operation(ask, days.format(plus=" + 1")) is None


def ignored_requirement_of(ask, code):
    from hfsynth.curate.stated_requirements import ignored_requirement

    return ignored_requirement(ask, code)


def test_the_best_run_taken_only_where_a_run_breaks():
    rising = ("def longest_rising_run(steps):\n    if not steps:\n        return 0\n    best = current = 1\n    for prev, cur in zip(steps, steps[1:]):\n"
              "        if cur > prev:\n            current += 1{grow}\n        else:\n            best = max(best, current)\n            current = 1\n    return {result}\n")
    assert "a run that lasts to the last item is never compared" in trivial(rising.format(grow="", result="best"))
    assert trivial(rising.format(grow="", result="max(best, current)")) is None
    assert trivial(rising.format(grow="\n            best = max(best, current)", result="best")) is None


def test_a_median_of_odd_lengths_only():
    """``ordered[len(ordered) // 2]`` for "the median", nothing for an even count; the lower median asked, or the
    two middle values averaged, is kept."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write `median_response_ms(lines)` that returns the median of the `took ...ms` values as a float."
    one = "def median_response_ms(values):\n    ordered = sorted(values)\n    return float(ordered[len(ordered) // 2])\n"
    assert "an even count needs the mean of two" in wrong_operation(ask, one)
    two = ("def median_response_ms(values):\n    ordered = sorted(values)\n    mid = len(ordered) // 2\n"
           "    return float(ordered[mid]) if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2\n")
    assert wrong_operation(ask, two) is None
    assert wrong_operation("Return the lower median of the values (the middle one, or the smaller of the two middle ones).", one) is None


def test_a_merged_end_pulled_back_and_a_greedy_pick_kept():
    merge = ("def covered_length(intervals):\n    if not intervals:\n        return 0\n    intervals = sorted(intervals)\n    total = 0\n"
             "    cur_start, cur_end = intervals[0]\n    for start, end in intervals[1:]:\n        if start <= cur_end:\n            cur_end = {extend}\n"
             "        else:\n            total += cur_end - cur_start\n            cur_start, cur_end = start, end\n    return total + cur_end - cur_start\n")
    assert "pulls the merged end back" in trivial(merge.format(extend="end"))
    assert trivial(merge.format(extend="max(cur_end, end)")) is None
    greedy = ("def max_meetings(meetings):\n    chosen, last_end = [], float('-inf')\n    for start, end in sorted(meetings, key=lambda m: m[1]):\n"
              "        if start >= last_end:\n            chosen.append((start, end))\n            last_end = end\n    return chosen\n")
    assert trivial(greedy) is None  # a meeting taken after the last one, nothing merged


def test_a_total_returned_from_inside_its_loop_past_a_continue():
    """``if line["removed"]: continue`` then ``units += line["qty"]; return units`` one indent too deep, and the same
    return after the loop: the first kept line ends it. A search that skips and returns the item it found is kept."""
    units = ("def total_units(lines):\n    units = 0\n    for line in lines:\n        if line['removed']:\n            continue\n"
             "        units += line['qty']\n{ret}    return units\n")
    assert "returns on its first pass" in trivial(units.format(ret="        return units\n"))
    assert trivial(units.format(ret="")) is None
    search = "def first_open(slots):\n    for slot in slots:\n        if slot.taken:\n            continue\n        return slot\n    return None\n"
    assert trivial(search) is None


def test_a_group_mean_divided_by_the_whole_input():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Return, for every customer, the mean total of that customer's orders in cents."
    mean = ("from collections import defaultdict\n\ndef average_by_customer(orders):\n    totals = defaultdict(int)\n    counts = defaultdict(int)\n"
            "    for order in orders:\n        totals[order['customer_id']] += order['total_cents']\n        counts[order['customer_id']] += 1\n"
            "    return {{c: round(t / {divisor}, 2) for c, t in totals.items()}}\n")
    assert "divides each group's total by the length of all of orders" in wrong_operation(ask, mean.format(divisor="len(orders)"))
    assert wrong_operation(ask, mean.format(divisor="counts[c]")) is None
    assert wrong_operation("Return each customer's share of all orders.", mean.format(divisor="len(orders)").replace("average_by", "share_by")) is None


def test_a_key_read_under_another_spelling_than_the_records_described():
    from hfsynth.curate.task_operations import wrong_operation

    ask = 'The catalogue maps each SKU to `{"name": str, "price_cents": int}`. Write `cart_subtotal(cart, catalogue)` in cents.'
    code = "def cart_subtotal(cart, catalogue):\n    return sum(catalogue[sku][{key!r}] * qty for sku, qty in cart.items())\n"
    assert "records hold 'price_cents', never 'price'" in wrong_operation(ask, code.format(key="price"))
    assert wrong_operation(ask, code.format(key="price_cents")) is None
    said = 'Each item is `{"name": str, "price_cents": int}`; items imported earlier may carry a `"price"` instead.'
    assert wrong_operation(said, code.format(key="price")) is None  # the instruction names the key itself
    built = ("def cart_subtotal(cart, catalogue):\n    lines = [{'price': catalogue[s]['price_cents'], 'qty': q} for s, q in cart.items()]\n"
             "    return sum(line['price'] * line['qty'] for line in lines)\n")
    assert wrong_operation(ask, built) is None  # a key of the code's own records


def test_characters_listed_for_removal_and_one_left_in():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write `mask_card(card_number)`: first remove any spaces and dashes from the card number, then mask all but the last four digits."
    code = "def mask_card(card_number):\n    digits = card_number{clean}\n    return '*' * (len(digits) - 4) + digits[-4:]\n"
    assert "no string of the code holds '-' (dashes)" in wrong_operation(ask, code.format(clean=".replace(' ', '')"))
    assert wrong_operation(ask, code.format(clean=".replace(' ', '').replace('-', '')")) is None
    assert wrong_operation(ask, code.format(clean="\n    digits = ''.join(ch for ch in digits if ch.isdigit())")) is None
    assert wrong_operation(ask, code.format(clean="\n    import re\n    digits = re.sub(r'[\\s-]', '', digits)")) is None


def test_a_first_unit_priced_apart_and_the_further_rate_charged_on_every_one():
    ask = "Shipping costs 500 cents for the first item in an order and 150 cents for each additional item, capped at 1500 cents. An empty order ships for 0."
    code = "def shipping_for_items(item_count):\n    if item_count <= 0:\n        return 0\n    return min(500 + 150 * {count}, 1500)\n"
    assert "charges the further rate on the first one too" in ignored_requirement_of(ask, code.format(count="item_count"))
    assert ignored_requirement_of(ask, code.format(count="(item_count - 1)")) is None
    assert ignored_requirement_of("Shipping costs 150 cents for each item, capped at 1500 cents.", code.format(count="item_count")) is None


def test_percent_and_fixed_branches_with_each_others_formula():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "A percent coupon saves `value`% of the price; a fixed coupon saves `value` cents. Return the code of the best coupon."
    best = ("def best_coupon(price, coupons):\n    best_code, best_saving = None, -1\n    for coupon in coupons:\n"
            "        if coupon['type'] == {kind!r}:\n            saving = {first}\n        else:\n            saving = {second}\n"
            "        if saving > best_saving:\n            best_code, best_saving = coupon['code'], saving\n    return best_code\n")
    percent, fixed = "price * coupon['value'] // 100", "min(coupon['value'], price)"
    assert "the two formulas are swapped" in wrong_operation(ask, best.format(kind="percent", first=fixed, second=percent))
    assert "the two formulas are swapped" in wrong_operation(ask, best.format(kind="fixed", first=percent, second=fixed))
    assert wrong_operation(ask, best.format(kind="percent", first=percent, second=fixed)) is None
    assert wrong_operation(ask, best.format(kind="fixed", first=fixed, second=percent)) is None


def test_a_sum_asked_and_nothing_added_and_decimals_asked_of_a_floor_division():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Write `merge_cart_lines(lines)` that merges cart lines with the same SKU into a single line whose quantity is the sum of their quantities."
    merge = "def merge_cart_lines(lines):\n    merged = {{}}\n    for sku, qty in lines:\n{body}    return sorted(merged.items())\n"
    assert "never adds anything" in wrong_operation(ask, merge.format(body="        if sku not in merged:\n            merged[sku] = qty\n"))
    assert wrong_operation(ask, merge.format(body="        merged[sku] = merged.get(sku, 0) + qty\n")) is None
    rate = ("def on_time_rate(shipments):\n    if not shipments:\n        return 0.0\n    on_time = sum(1 for s in shipments if s['delivered'] <= s['promised'])\n"
            "    return {value}\n")
    asked = "Return the percentage of shipments delivered on time, rounded to one decimal place, or 0.0 when there are none."
    assert "answers a whole number" in ignored_requirement_of(asked, rate.format(value="float(on_time * 100 // len(shipments))"))
    assert ignored_requirement_of(asked, rate.format(value="round(on_time * 100 / len(shipments), 1)")) is None


def test_input_decimals_allowed_and_a_sort_key_of_positions_are_kept():
    """"at most two decimal places" says what an input may hold; ``key=lambda row: (-row[1], row[0])`` names its keys where the tuple is built."""
    from hfsynth.curate.task_operations import wrong_operation

    cents = ("import re\n\ndef price_to_cents(text: str) -> int:\n    m = re.fullmatch(r'(-?)\\$?(\\d+)(?:\\.(\\d{1,2}))?', text.strip())\n"
             "    if m is None:\n        raise ValueError(text)\n    cents = int(m.group(2)) * 100 + int((m.group(3) or '0').ljust(2, '0'))\n    return -cents if m.group(1) else cents\n")
    assert ignored_requirement_of("Convert prices to integer cents; there may be at most two decimal places. Anything else raises `ValueError`.", cents) is None
    assert "answers a whole number" in ignored_requirement_of("Return the price in dollars rounded to two decimal places.", cents)
    ask = "Return `(sku, shortfall)` pairs, sorted by shortfall from largest to smallest and then by SKU alphabetically."
    pairs = "def reorder_report(stock, points):\n    rows = [(sku, points[sku] - qty) for sku, qty in stock.items() if sku in points and qty <= points[sku]]\n    rows.sort(key=lambda row: (-row[1], row[0]))\n    return rows\n"
    assert wrong_operation(ask, pairs) is None


def test_the_price_after_a_discount_for_the_discount_and_revenue_for_units():
    from hfsynth.curate.task_operations import wrong_operation

    ask = "Tiered promotion: 10% off orders of $100 or more. Write `tiered_discount(subtotal_cents)` that returns the **discount amount** in cents."
    code = "def tiered_discount(subtotal_cents):\n    percent = 10 if subtotal_cents >= 10_000 else 0\n    return {value}\n"
    assert "is what is left after it" in wrong_operation(ask, code.format(value="subtotal_cents - subtotal_cents * percent // 100"))
    assert wrong_operation(ask, code.format(value="subtotal_cents * percent // 100")) is None
    after = "Write `tiered_discount(subtotal_cents)` that returns the discount applied: the price after the discount, in cents."
    assert wrong_operation(after, code.format(value="subtotal_cents - subtotal_cents * percent // 100")) is None
    units = "Order lines are `(sku, qty, unit_price_cents)` tuples. Write `best_seller(lines)` that returns the SKU that sold the most **units** in total."
    seller = ("from collections import defaultdict\n\ndef best_seller(lines):\n    sales = defaultdict(int)\n    for sku, qty, unit_price_cents in lines:\n"
              "        sales[sku] += {amount}\n    return min(sales, key=lambda sku: (-sales[sku], sku))\n")
    assert "weighs them by price" in wrong_operation(units, seller.format(amount="qty * unit_price_cents"))
    assert wrong_operation(units, seller.format(amount="qty")) is None
    assert wrong_operation(units.replace("most **units** in total", "highest revenue (units times price)"), seller.format(amount="qty * unit_price_cents")) is None


def test_good_rows_of_blind85_to_88_kept():
    """A formula's `floor(...)` worked out with //, ValueError raised by calendar.weekday and by an Enum's lookup through
    `_missing_`, "weekday peak periods" of a minute count, a pass valid "up to and including the day before" a date in
    the following month, and a run of values "greater than `limit`" (not a rising run)."""
    from hfsynth.curate.instruction import named_but_not_defined
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    quota = "def droop_quota(valid_votes: int, seats: int) -> int:\n    return valid_votes // (seats + 1) + 1\n"
    assert named_but_not_defined("Write `droop_quota(valid_votes, seats)` returning `floor(valid_votes / (seats + 1)) + 1`.", quota) is None
    service = ("import calendar\n\ndef service_pattern(year: int, month: int, day: int) -> str:\n    weekday = calendar.weekday(year, month, day)\n"
               "    return 'saturday' if weekday == 5 else 'sunday' if weekday == 6 else 'weekday'\n")
    assert ignored_requirement("Write `service_pattern(year, month, day)`. An invalid date should raise `ValueError`.", service) is None
    leave = ("from enum import Enum\n\nclass LeaveType(Enum):\n    ANNUAL = 'A'\n    SICK = 'S'\n\n    @classmethod\n    def _missing_(cls, value):\n"
             "        key = str(value).strip().upper()\n        return next((m for m in cls if key in (m.value, m.name)), None)\n")
    assert ignored_requirement("Define an `Enum` called `LeaveType` so that `LeaveType(x)` accepts codes or names. Anything else must raise `ValueError`.", leave) is None
    peak = "def is_peak(minute_of_day: int) -> bool:\n    return 420 <= minute_of_day < 570 or 990 <= minute_of_day < 1140\n"
    assert wrong_operation("Write `is_peak(minute_of_day: int) -> bool`. Weekday peak periods are from 07:00 to 09:30 and from 16:30 to 19:00.", peak) is None
    last = "import calendar\nfrom datetime import date\n\ndef last_business_day(year: int, month: int) -> date:\n    return date(year, month, calendar.monthrange(year, month)[1])\n"
    assert "never asks which day of the week" in wrong_operation("Return the last Monday-to-Friday day of the given month.", last)
    valid = ("import calendar\nfrom datetime import date, timedelta\n\ndef pass_valid_until(purchased: date) -> date:\n"
             "    year, month = purchased.year + purchased.month // 12, purchased.month % 12 + 1\n    days = calendar.monthrange(year, month)[1]\n"
             "    if purchased.day > days:\n        return date(year, month, days)\n    return date(year, month, purchased.day) - timedelta(days=1)\n")
    ask = ("A monthly pass bought on date D is valid up to and including the day before the same day-of-month in the following month; "
           "if that day does not exist, through the last day of the following month. Write `pass_valid_until(purchased)`.")
    assert ignored_requirement(ask, valid) is None and wrong_operation(ask, valid) is None
    streak = "def longest_late_streak(delays, limit=5):\n    best = current = 0\n    for d in delays:\n        current = current + 1 if d > limit else 0\n        best = max(best, current)\n    return best\n"
    assert known_task("Return the length of the longest run of consecutive trips whose delay is strictly greater than `limit` minutes.", streak) is None
    assert known_task("Return the length of the longest run of consecutive readings, each strictly greater than the one before.", streak) is not None


def test_a_value_annotated_function_that_falls_off_its_end():
    """``elif method == "mode": counts = Counter(scores); pass`` in a function annotated ``-> float``: that path answers None.
    A last pass of a loop that always returns, a raise at the end, and an ``Optional`` answer are not judged so."""
    summarize = ("import statistics\nfrom collections import Counter\n\ndef summarize_item(scores: list[int], method: str) -> {returns}:\n"
                 "    if method == 'mean':\n        return statistics.mean(scores)\n    elif method == 'mode':\n        counts = Counter(scores)\n{rest}")
    assert "reaches its end on some path, where it returns None" in trivial(summarize.format(returns="float", rest="        pass\n"))
    assert trivial(summarize.format(returns="float", rest="        return max(counts, key=lambda s: (counts[s], -s))\n    raise ValueError(method)\n")) is None
    # an Optional answer may be None on that path; the Counter made there and never read is still work lost
    assert trivial(summarize.format(returns="float | None", rest="        pass\n")) == "lost work: summarize_item() computes counts (line 8) and never uses it"
    assert trivial(summarize.format(returns="float | None", rest="        print(counts)\n")) is None
    units = ("def human_size(n: int) -> str:\n    size = float(n)\n    for unit in ['B', 'KiB', 'MiB']:\n"
             "        if size < 1024 or unit == 'MiB':\n            return f'{size:.1f} {unit}'\n        size /= 1024\n")
    assert trivial(units) is None


def test_an_index_past_the_end_read_inside_a_comparison_and_a_float_stepped_to_equality():
    bunched = ("def bunched(arrivals: list[int], threshold: int = 3) -> list[int]:\n    result = []\n    for i in range(len(arrivals){stop}):\n"
               "        if arrivals[i + 1] - arrivals[i] < threshold:\n            result.append(i)\n    return result\n")
    assert "reads past the end at the last i" in trivial(bunched.format(stop=""))
    assert trivial(bunched.format(stop=" - 1")) is None
    guarded = "def pairs(xs: list[int]) -> list[int]:\n    return [xs[i + 1] - xs[i] for i in range(len(xs)) if i + 1 < len(xs)]\n"
    assert trivial(guarded) is None
    gross = ("def net_pay(gross: float) -> float:\n    return gross - 0.2 * max(0.0, gross - 1048)\n\n\ndef gross_for_net(target: float) -> float:\n"
             "    gross = target\n    while {test}:\n        gross += 0.01\n    return round(gross, 2)\n")
    assert "steps a float by a fraction" in trivial(gross.format(test="net_pay(gross) != target"))
    assert trivial(gross.format(test="net_pay(gross) < target")) is None


def test_the_names_of_a_tally_compared_a_new_key_counted_twice_and_a_fraction_rounded_before_scaling():
    winners = ("def precinct_winners(results: dict[str, dict[str, int]]) -> dict[str, str]:\n    winners = {{}}\n"
               "    for precinct, tally in results.items():\n        winners[precinct] = {pick}\n    return winners\n")
    assert "compares the names of a tally of numbers" in trivial(winners.format(pick="max(tally)"))
    assert trivial(winners.format(pick="max(tally, key=tally.get)")) is None
    assert trivial("def latest(years: dict[int, int]) -> int:\n    return max(years)\n") is None  # the largest year: keys are numbers
    merge = ("def merge_tallies(tallies: list[dict[str, int]]) -> dict[str, int]:\n    merged = {{}}\n    for tally in tallies:\n"
             "        for name, votes in tally.items():\n            merged[name] = merged.get(name, {start}) + votes\n    return merged\n")
    assert "its first amount counts twice" in trivial(merge.format(start="votes"))
    assert trivial(merge.format(start="0")) is None
    share = "def on_time_percentage(delays: list[int]) -> float:\n    on_time = sum(1 for d in delays if -1 <= d <= 5)\n    return {value}\n"
    assert "rounds before it scales" in trivial(share.format(value="round(on_time / len(delays), 1) * 100"))
    assert trivial(share.format(value="round(on_time / len(delays) * 100, 1)")) is None


def test_a_merged_interval_kept_in_a_list_pulled_back_and_a_labelled_band_cut_short():
    merge = ("def merge_disruptions(windows):\n    merged = []\n    for start, end in sorted(windows):\n        if merged and start <= merged[-1][1]:\n"
             "            merged[-1][1] = {end}\n        else:\n            merged.append([start, end])\n    return [tuple(w) for w in merged]\n")
    assert "pulls the merged end back" in trivial(merge.format(end="end"))
    assert trivial(merge.format(end="max(merged[-1][1], end)")) is None
    bands = ("def age_band(age: int) -> str:\n    if age < 16:\n        raise ValueError(age)\n    if age < 25:\n        return '16-24'\n"
             "    elif age {op}:\n        return '25-34'\n    return '35+'\n")
    assert "leaves out one of its own ends" in trivial(bands.format(op="< 34"))
    assert trivial(bands.format(op="< 35")) is None and trivial(bands.format(op="<= 34")) is None


def test_whitespace_ignored_in_words_a_cap_never_held_repeats_and_whole_counts():
    from hfsynth.curate.task_operations import wrong_operation

    tally = "from collections import Counter\n\ndef tally_write_ins(names):\n    return dict(Counter(name{clean}.title() for name in names))\n"
    ask = "Names must be matched ignoring case and ignoring leading/trailing whitespace. Report each person under the title-cased name."
    assert "nothing in the code strips or tests for whitespace" in wrong_operation(ask, tally.format(clean=""))
    assert wrong_operation(ask, tally.format(clean=".strip()")) is None
    blank = "An answer consisting only of whitespace counts as blank. Write `is_complete(answers, required)`."
    assert "nothing in the code strips" in wrong_operation(blank, "def is_complete(answers, required):\n    return all(q in answers for q in required)\n")
    assert wrong_operation(blank, "def is_complete(answers, required):\n    return all(answers.get(q, '').strip() for q in required)\n") is None
    name = "def make_username(first, last):\n    return (first[:1] + last{clean}).lower()[:8]\n"
    ask = "The first letter of the first name followed by the surname, lowercase, with spaces, apostrophes and hyphens removed from the surname."
    assert "(apostrophes)" in wrong_operation(ask, name.format(clean=".replace(' ', '')"))
    assert wrong_operation(ask, name.format(clean=".replace(' ', '').replace(\"'\", '').replace('-', '')")) is None
    fee = "import math\n\ndef parking_fee(minutes: int) -> int:\n    if minutes <= 120:\n        return 0\n    return {fee}\n"
    ask = "The first 2 hours are free; after that every started hour costs 100 cents, but the fee for a stay is capped at 800 cents."
    assert "no number of the code is 800" in ignored_requirement_of(ask, fee.format(fee="100 * math.ceil((minutes - 120) / 60)"))
    assert ignored_requirement_of(ask, fee.format(fee="min(800, 100 * math.ceil((minutes - 120) / 60))")) is None
    repeat = "def repeat_visitors(plates):\n    return {body}\n"
    ask = "Write `repeat_visitors(plates)` returning the plates that appear more than once in the log, each listed once, in order of first appearance."
    assert "never counts nor compares anything" in wrong_operation(ask, repeat.format(body="list(dict.fromkeys(plates))"))
    assert wrong_operation(ask, repeat.format(body="[p for p in dict.fromkeys(plates) if plates.count(p) > 1]")) is None
    assert wrong_operation("If a key appears more than once, the last value wins. Return the dict.", repeat.format(body="dict(plates)")) is None
    rides = "def rides_left(balance_cents: int, fare_cents: int) -> int:\n    return {value}\n"
    ask = "Write `rides_left(balance_cents, fare_cents)` that tells a rider how many full-fare rides their balance still pays for."
    assert "into a whole one" in ignored_requirement_of(ask, rides.format(value="round(balance_cents / fare_cents)"))
    assert ignored_requirement_of(ask, rides.format(value="balance_cents // fare_cents")) is None


def test_good_rows_of_blind90_kept():
    """"inside the working day" (its hours), weekdays as numbers 0-6 of a list[int], "given ... with no duplicates" (the input's),
    and an id "made of "M" and four digits" (a part of an input, not one)."""
    from hfsynth.curate.accepted_inputs import FRAGMENT
    from hfsynth.curate.stated_requirements import ignored_requirement
    from hfsynth.curate.task_operations import wrong_operation

    slot = "def first_free_slot(busy, day_start, day_end, length):\n    cursor = day_start\n    for s, e in sorted(busy):\n        if s - cursor >= length:\n            return cursor\n        cursor = max(cursor, e)\n    return cursor if day_end - cursor >= length else None\n"
    assert wrong_operation("Return the earliest start at which an appointment fits entirely inside the working day.", slot) is None
    assert "never asks which day of the week" in wrong_operation("Return the number of working days between the two dates.", slot)
    wait = "def days_until_spots(open_spots: list[int], today: int, party: int) -> int:\n    return next((w for w in range(7) if open_spots[(today + w) % 7] >= party), -1)\n"
    assert wrong_operation("`open_spots[d]` is the free places on weekday `d` (0 = Monday, 6 = Sunday). Return the days to wait.", wait) is None
    gaps = "from itertools import pairwise\n\ndef visit_gaps(visits):\n    return [(b - a).days for a, b in pairwise(visits)]\n"
    assert ignored_requirement("Given a member's visit dates as a sorted list of `date` objects with no duplicates, return the days between consecutive visits.", gaps) is None
    assert "nothing in the code removes a duplicate" in ignored_requirement("Return the visit dates sorted, with no duplicates.", "def visits(days):\n    return sorted(days)\n")
    assert FRAGMENT.search('Turnstile lines hold a member id made of ')


def test_a_list_filled_under_a_missing_key_a_list_shortened_while_walked_a_cap_made_a_floor_and_a_started_block_rounded():
    groups = ("def members_by_tier(members: list[dict]) -> dict[str, list[str]]:\n    groups = {{}}\n    for member in members:\n{setup}"
              "        groups[member['tier']].append(member['name'])\n    return groups\n")
    assert "nothing adds the key first" in trivial(groups.format(setup=""))
    assert trivial(groups.format(setup="        groups.setdefault(member['tier'], [])\n")) is None
    expired = ("def remove_expired(members: list[dict], today) -> int:\n    removed = 0\n    for member in {walked}:\n"
               "        if member['expires'] < today:\n            members.remove(member)\n            removed += 1\n    return removed\n")
    assert "the item after each one removed is skipped" in trivial(expired.format(walked="members"))
    assert trivial(expired.format(walked="list(members)")) is None
    discount = "def renewal_discount(years: int) -> int:\n    return {value}\n"
    ask = "Return the renewal discount in percent: 5 percent per full year, capped at 25 percent."
    assert "makes it a floor" in ignored_requirement_of(ask, discount.format(value="max(years * 5, 25)"))
    assert ignored_requirement_of(ask, discount.format(value="min(years * 5, 25)")) is None
    court = "import math\n\ndef court_price(minutes: int) -> float:\n    return {blocks} * 12.5\n"
    ask = "Courts are billed at 12.50 per 15-minute block, and every started block is charged in full."
    assert "rounds to the nearest" in ignored_requirement_of(ask, court.format(blocks="round(minutes / 15)"))
    assert ignored_requirement_of(ask, court.format(blocks="math.ceil(minutes / 15)")) is None


def test_docstrings_that_name_the_neighbouring_quantity_and_names_annotated_as_a_count():
    from hfsynth.curate.task_operations import wrong_operation

    gap = ("from datetime import date\n\ndef longest_absence(visits: list[date]) -> float:\n    \"\"\"{doc} number of days between consecutive visits.\"\"\"\n"
           "    gaps = [(b - a).days for a, b in zip(visits, visits[1:])]\n    return {value} if gaps else 0\n")
    ask = "Write `longest_absence(visits)` that returns the longest break, in days, between two consecutive visits."
    assert "computes 'Average'" in wrong_operation(ask, gap.format(doc="Average", value="sum(gaps) / len(gaps)"))
    assert wrong_operation(ask, gap.format(doc="Largest", value="max(gaps)")) is None
    idle = ("def idle_trainers(trainers, bookings, day):\n    \"\"\"Trainers with {doc} on `day`, in roster order.\"\"\"\n"
            "    booked = {{b['trainer'] for b in bookings if b['day'] == day}}\n    return [t for t in trainers if t {op} booked]\n")
    ask = "Write `idle_trainers(trainers, bookings, day)` returning the trainers who have no booking at all on `day`."
    assert "computes 'at least one'" in wrong_operation(ask, idle.format(doc="at least one booking", op="in"))
    assert wrong_operation(ask, idle.format(doc="no booking", op="not in")) is None
    space = "def classes_with_space(timetable: list[tuple[str, int, int]]) -> {returns}:\n    return {value}\n"
    ask = "Given the timetable as `(class_name, booked, capacity)` tuples, write `classes_with_space(timetable)` returning the names of the classes that still have a free place."
    assert "annotated int where the instruction asks for names" in contradicted_return(ask, space.format(returns="int", value="sum(max(c - b, 0) for _, b, c in timetable)"))
    assert contradicted_return(ask, space.format(returns="list[str]", value="[n for n, b, c in timetable if b < c]")) is None


def test_none_items_read_bare_a_while_loop_that_settles_and_an_example_for_both_ends_of_a_pair():
    from hfsynth.curate.accepted_inputs import accepted_input_claims

    comments = "def clean_comments(comments: list[str | None]) -> list[str]:\n    stripped = [c.strip() for c in comments{test}]\n    return [c for c in stripped if c]\n"
    assert "may be None, with nothing testing them first" in trivial(comments.format(test=""))
    assert trivial(comments.format(test=" if c is not None")) is None
    chain = ("def management_chain(employee: str, manager_of: dict) -> list[str]:\n    chain = []\n    current = manager_of.get(employee)\n"
             "    while current is not None:\n        chain.append(current)\n        current = manager_of.get({step})\n    return chain\n")
    assert "each pass after the first repeats it" in trivial(chain.format(step="employee"))
    assert trivial(chain.format(step="current")) is None
    hours = ("from datetime import datetime\n\ndef rental_hours(pickup: str, dropoff: str) -> int:\n"
             "    start, end = datetime.strptime(pickup, '%Y-%m-%dT%H:%M'), datetime.strptime(dropoff, '%Y-%m-%dT%H:%M')\n    return int((end - start).total_seconds() // 3600)\n")
    claims = accepted_input_claims("Write `rental_hours(pickup, dropoff)` taking ISO 8601 timestamps such as `'2024-06-01T09:30'`.", ast.parse(hours))
    assert claims and "rental_hours('2024-06-01T09:30', '2024-06-01T09:30')" in claims[0][0]


def test_clock_digits_subtracted_minutes_never_carried_and_a_fiscal_month_never_wrapped():
    minutes = "def visit_minutes(check_in: str, check_out: str) -> int:\n{body}"
    digits = "    start = int(check_in.replace(':', ''))\n    end = int(check_out.replace(':', ''))\n    return end - start\n"
    assert "an hour is 100 of them" in trivial(minutes.format(body=digits))
    clock = "    h1, m1 = map(int, check_in.split(':'))\n    h2, m2 = map(int, check_out.split(':'))\n    return (h2 * 60 + m2) - (h1 * 60 + m1)\n"
    assert trivial(minutes.format(body=clock)) is None
    end = ("def class_end_time(start: str, duration: int) -> str:\n    hours, minutes = map(int, start.split(':'))\n    hours += duration // 60\n"
           "    minutes += duration % 60\n{carry}    return f'{{hours:02d}}:{{minutes:02d}}'\n")
    assert "nothing carries it into the hours" in trivial(end.format(carry=""))
    assert trivial(end.format(carry="    hours, minutes = hours + minutes // 60, minutes % 60\n")) is None
    quarter = "from datetime import date\n\ndef fiscal_quarter(d: date) -> int:\n    return {value}\n"
    assert "nothing wraps it round the year" in trivial(quarter.format(value="(d.month - 4) // 3 + 1"))
    assert trivial(quarter.format(value="(d.month - 4) % 12 // 3 + 1")) is None


def test_one_weekend_day_the_largest_first_sorted_ascending_through_both_included_and_a_step_quantized_to_cents():
    from hfsynth.curate.task_operations import wrong_operation

    nxt = ("from datetime import date, timedelta\n\ndef next_business_day(day: date) -> date:\n    nxt = day + timedelta(days=1)\n"
           "    while nxt.weekday() {test}:\n        nxt += timedelta(days=1)\n    return nxt\n")
    ask = "Pick-ups are only possible on business days. Return the first Monday-to-Friday date strictly after `day`."
    assert "picks Sat" in ignored_requirement_of(ask, nxt.format(test="== 5"))  # "Monday-to-Friday" read as a range of days
    assert ignored_requirement_of(ask, nxt.format(test=">= 5")) is None
    frequent = "def most_frequent(visits: dict[str, int], n: int) -> list[str]:\n    ranked = sorted(visits.items(), key=lambda item: {key})\n    return [name for name, _ in ranked[:n]]\n"
    ask = "Return the names of the `n` members with the most visits, most visits first; members with the same number of visits are ordered by name."
    assert "sorts smallest first" in ignored_requirement_of(ask, frequent.format(key="(item[1], item[0])"))
    assert ignored_requirement_of(ask, frequent.format(key="(-item[1], item[0])")) is None
    permit = "from datetime import date\n\ndef permit_active(valid_from: date, valid_until: date, on: date) -> bool:\n    return valid_from <= on {op} valid_until\n"
    ask = "A permit is active on every day from `valid_from` through `valid_until`, both days included."
    assert "leaves the bound out" in ignored_requirement_of(ask, permit.format(op="<"))
    assert ignored_requirement_of(ask, permit.format(op="<=")) is None
    fare = ("from decimal import Decimal, ROUND_HALF_UP\n\ndef cash_fare(card_fare: Decimal) -> Decimal:\n    fare = card_fare * Decimal('1.10')\n"
            "    return {value}\n")
    ask = "Add a 10 % surcharge for paying cash and round the result to the nearest 0.05, with halves rounded up."
    assert "nothing in the code holds 0.05" in ignored_requirement_of(ask, fare.format(value="fare.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)"))
    assert ignored_requirement_of(ask, fare.format(value="(fare / Decimal('0.05')).quantize(Decimal('1'), rounding=ROUND_HALF_UP) * Decimal('0.05')")) is None


def test_non_decreasing_order_is_not_the_largest_first():
    """HumanEval/109: "sorted in non-decreasing order" is ascending; the canonical solution's ``sorted(arr)`` is kept. So is an
    ascending default where descending is only offered."""
    code = "def move_one_ball(arr):\n    if not arr:\n        return True\n    k = arr.index(min(arr))\n    return arr[k:] + arr[:k] == sorted(arr)\n"
    assert ignored_requirement_of("Determine if it is possible to get an array sorted in non-decreasing order by right shifts.", code) is None
    assert "sorts smallest first" in ignored_requirement_of("Return the scores sorted in decreasing order.", "def top(scores):\n    return sorted(scores)\n")
    # descending as an option or a parameter's name is no ask to sort largest first by default
    ranked = "def rank(items, key, descending=False):\n    return sorted(items, key=lambda d: d[key])\n"
    assert ignored_requirement_of("Sort by the given key and support descending order via the flag.", ranked) is None
    assert ignored_requirement_of("Write rank(items, key, descending=False) that sorts the items by key.", ranked) is None


def test_a_value_of_a_dotted_type_is_no_module_to_use():
    """blind89: "a dict with `"date"` (a `datetime.date`)" names what a value is; "using `datetime.date`" asks for the module."""
    from hfsynth.curate.named_modules import required_modules

    assert required_modules('Each transaction is a dict with `"date"` (a `datetime.date`) and `"amount"`.') == []
    assert required_modules("Parse the text using `datetime.strptime` and return the date.") == ["datetime"]


def test_of_tied_best_values_the_first_is_asked_and_the_last_kept():
    """blind85/86: "if several hours tie for the maximum, return the earliest" and a scan that replaces its best on
    ``>=``; "the tie is settled by choosing the one whose name comes first alphabetically" and ``max`` over
    ``(votes, name)``, which picks the name that sorts last. A strict ``>``, ``min`` with the count negated, or
    ``max`` over names in sorted order are kept, and so is ``>=`` where the last of ties is asked."""
    ask = ("Write `peak_hour(boardings: dict[int, int]) -> int | None` returning the hour with the most boardings. "
           "If several hours tie for the maximum, return the earliest of them.")
    scan = ("def peak_hour(boardings):\n    best_hour, best_count = None, -1\n    for hour in sorted(boardings{reverse}):\n"
            "        if boardings[hour] {op} best_count:\n            best_hour, best_count = hour, boardings[hour]\n    return best_hour\n")
    assert "so the last of them wins" in ignored_requirement_of(ask, scan.format(reverse="", op=">="))
    assert ignored_requirement_of(ask, scan.format(reverse="", op=">")) is None
    assert ignored_requirement_of(ask, scan.format(reverse=", reverse=True", op=">=")) is None
    assert ignored_requirement_of(ask.replace("earliest", "latest"), scan.format(reverse="", op=">=")) is None
    ask = "Return the candidate with the most votes; if several candidates tie, the tie is settled by choosing the one whose name comes first alphabetically."
    assert "breaks ties by the largest kv[0]" in ignored_requirement_of(ask, "def winner(results):\n    return max(results.items(), key=lambda kv: (kv[1], kv[0]))[0]\n")
    assert ignored_requirement_of(ask, "def winner(results):\n    return min(results.items(), key=lambda kv: (-kv[1], kv[0]))[0]\n") is None
    assert ignored_requirement_of(ask, "def winner(results):\n    return max(sorted(results), key=results.get)\n") is None


def test_blind92s_good_rows_that_looked_wrong():
    """"3599 s (rounds up to 60 minutes)" is no inclusive bound of 60 minutes; shares kept as exact ``Fraction``s
    add up to the fare with nothing subtracted; "(545, 1020) becomes "09:05-17:00"" is an example of one interval
    for ``to_clock(intervals: list[tuple[int, int]])``, not a call of it."""
    from hfsynth.curate.instruction_examples import instruction_examples

    ask = ("Write `format_eta(seconds: int) -> str`: below 60 minutes show `\"7 min\"`; 60 minutes or more: `\"H h MM min\"`, "
           "e.g. 3599 s (rounds up to 60 minutes) is `\"1 h 00 min\"`.")
    eta = "def format_eta(seconds):\n    minutes = -(-seconds // 60)\n    if minutes < 60:\n        return f'{minutes} min'\n    h, m = divmod(minutes, 60)\n    return f'{h} h {m:02d} min'\n"
    assert ignored_requirement_of(ask, eta) is None
    assert "leaves 60 out" in ignored_requirement_of("Bookings of up to 60 minutes are free; longer ones cost 2.", "def fee(minutes):\n    return 0 if minutes < 60 else 2\n")
    ask = "Split the fare in proportion to the distances. Shares are returned in input order and must add up exactly to `fare_cents`."
    exact = "from fractions import Fraction\n\n\ndef split_fare(fare_cents, distances):\n    total = sum(distances)\n    return [{share} for d in distances]\n"
    assert ignored_requirement_of(ask, exact.format(share="fare_cents * Fraction(d) / total")) is None
    assert "keep their rounding error" in ignored_requirement_of(ask, exact.format(share="round(fare_cents * Fraction(d) / total)"))
    ask = "Write `to_clock(intervals: list[tuple[int, int]]) -> list[str]` that formats intervals, e.g. `(545, 1020)` becomes `\"09:05-17:00\"`."
    clock = "def to_clock({params}):\n    return [f'{{a // 60:02d}}:{{a % 60:02d}}-{{b // 60:02d}}:{{b % 60:02d}}' for a, b in {body}]\n"
    assert instruction_examples(ask, clock.format(params="intervals: list[tuple[int, int]]", body="intervals")) == []
    assert [e.call for e in instruction_examples(ask, clock.format(params="interval: tuple[int, int]", body="[interval]"))] == ["to_clock((545, 1020))"]


def test_blind91s_last_run_one_axis_and_stored_inputs():
    """A run recorded only where one breaks (the row's last run is lost); the overlap of two rectangles tested on
    x alone; "the database stores runtimes as text like "2h 15m", "95m" or "3h"" gives inputs, not outputs."""
    from hfsynth.curate.accepted_inputs import accepted_inputs
    from hfsynth.curate.axis_checks import one_axis_tested

    runs = ("def free_runs(row):\n    runs = []\n    current = 0\n    for seat in row:\n        if seat == '.':\n            current += 1\n"
            "        elif current > 0:\n            runs.append(current)\n            current = 0\n{tail}    return runs\n")
    assert "a run that lasts to the last item is never recorded" in trivial(runs.format(tail=""))
    assert trivial(runs.format(tail="    if current:\n        runs.append(current)\n")) is None
    overlap = ("def rect_intersection(a, b):\n    x1, y1 = max(a[0], b[0]), max(a[1], b[1])\n    x2, y2 = min(a[2], b[2]), min(a[3], b[3])\n"
               "    if x1 >= x2{more}:\n        return None\n    return (x1, y1, x2, y2)\n")
    assert one_axis_tested(ast.parse(overlap.format(more=""))) == "compares x1 with x2 (line 4) and never y1 with y2"
    assert "one axis only" in trivial(overlap.format(more=""))
    assert one_axis_tested(ast.parse(overlap.format(more=" or y1 >= y2"))) is None
    ask = 'Our film database stores runtimes as text like `"2h 15m"`, `"95m"` or `"3h"`. Write `parse_runtime(text)` that converts such a string into minutes.'
    assert accepted_inputs(ask, ast.parse("def parse_runtime(text: str) -> int:\n    return 0\n")) == ["2h 15m", "95m", "3h"]
    assert accepted_inputs("Write `label(n: str)` that stores the result as text like '5 min'.", ast.parse("def label(n: str) -> str:\n    return n\n")) == []


def test_blind92_93s_certain_errors_and_unread_timestamps():
    """blind92/93: ``int(text.partition("*")[1])`` reads the separator; ``Counter(inv).subtract(given)`` is None;
    ``slots[-1][1] = end`` into a list of tuples; ``heappushpop(damage, self._heap)``; a ``while queue:`` that can
    end without a return of a function annotated ``-> int``; and "timestamps, e.g. "2024-05-03T09:30"" read with
    ``"%Y-%m-%d %H:%M"`` (found in eleven earlier sets too)."""
    from hfsynth.curate.task_operations import wrong_operation

    stack = "def parse_stack(text):\n    if '*' not in text:\n        return text, 1\n    return text.partition('*')[0], int(text.partition('*')[{i}])\n"
    assert "reads the separator '*' itself as a number" in trivial(stack.format(i=1))
    assert trivial(stack.format(i=2)) is None
    trade = "from collections import Counter\n\n\ndef apply_trade(inventory, given):\n{body}    return {{k: v for k, v in remaining.items() if v > 0}}\n"
    assert "returns None, and the code keeps that None" in trivial(trade.format(body="    remaining = Counter(inventory).subtract(given)\n"))
    assert trivial(trade.format(body="    remaining = Counter(inventory)\n    remaining.subtract(given)\n")) is None
    lockers = ("def merge(bookings):\n    slots = []\n    for start, end in sorted(bookings):\n        if slots and start <= slots[-1][1]:\n"
               "            slots[-1][1] = max(slots[-1][1], end)\n        else:\n            slots.append({pair})\n    return slots\n")
    assert "the items of slots are tuples, which take no item assignment" in trivial(lockers.format(pair="(start, end)"))
    assert trivial(lockers.format(pair="[start, end]")) is None
    hits = ("import heapq\n\n\nclass TopHits:\n    def __init__(self, k):\n        self.k = k\n        self._heap: list[int] = []\n\n"
            "    def add(self, damage):\n        if len(self._heap) < self.k:\n            heapq.heappush(self._heap, damage)\n        else:\n"
            "            heapq.heappushpop({args})\n\n    def best(self):\n        return sorted(self._heap, reverse=True)\n")
    assert "passes an item where the heap goes" in trivial(hits.format(args="damage, self._heap"))
    assert trivial(hits.format(args="self._heap, damage")) is None
    bfs = ("from collections import deque\n\n\ndef steps(grid, start, goal) -> int:\n    queue, seen = deque([(start, 0)]), {{start}}\n    while queue:\n"
           "        cell, dist = queue.popleft()\n        if cell == goal:\n            return dist\n        for nxt in grid.get(cell, ()):\n"
           "            if nxt not in seen:\n                seen.add(nxt)\n                queue.append((nxt, dist + 1))\n{tail}")
    assert "reaches its end on some path, where it returns None" in trivial(bfs.format(tail=""))
    assert trivial(bfs.format(tail="    return -1\n")) is None
    ask = 'Bookings are dicts with ISO 8601 timestamps, e.g. `{"start": "2024-05-03T09:30", "end": "2024-05-03T11:00"}`. Return the booked hours.'
    hours = "from datetime import datetime\n\n\ndef hours(b):\n    s = datetime.strptime(b['start'], {fmt!r})\n    e = datetime.strptime(b['end'], {fmt!r})\n    return (e - s).total_seconds() / 3600\n"
    assert "reads none of them, which raises ValueError" in wrong_operation(ask, hours.format(fmt="%Y-%m-%d %H:%M"))
    assert wrong_operation(ask, hours.format(fmt="%Y-%m-%dT%H:%M")) is None
    assert wrong_operation(ask.replace("T09:30", " 09:30"), hours.format(fmt="%Y-%m-%d %H:%M")) is None  # one of them is read
    assert wrong_operation(ask, hours.format(fmt="%Y-%m-%d %H:%M").replace("b['start']", "b['start'].replace('T', ' ')")) is None


def test_blind92s_second_fields_started_blocks_and_swapped_items():
    """"when two orders have the same promised time, the one with the larger value goes first" and a sort by the
    time alone; "$1.25 for every started 15-minute block" and a division by the block with nothing rounding up;
    "the inner lists must not be modified" and ``pair[0], pair[1] = pair[1], pair[0]`` over the caller's pairs."""
    ask = ("Return the order ids in pickup order: earliest promised time first; when two orders have the same promised time, "
           "the one with the larger value goes first.")
    pickup = "def pickup_sequence(orders):\n    return [o['id'] for o in sorted(orders, key=lambda o: {key})]\n"
    assert "orders by a single field" in ignored_requirement_of(ask, pickup.format(key="o['promised']"))
    assert ignored_requirement_of(ask, pickup.format(key="(o['promised'], -o['value'])")) is None
    ranked = "def ranking(players):\n    return [p['id'] for p in sorted(players, key=lambda p: (p['score'], p['level']), reverse=True)]\n"
    assert ignored_requirement_of("Return the ids, highest score first; when two players have the same score, the one with the higher level "
                                  "goes first.", ranked) is None  # both fields descending: reverse=True is right
    ask = "The first 5 minutes of waiting are free. After that the driver is charged $1.25 for every started 15-minute block."
    charge = "import math\n\nFREE, BLOCK, PRICE = 5, 15, 1.25\n\n\ndef parking_charge(minutes):\n    billable = max(0, minutes - FREE)\n    return {charge}\n"
    assert "never rounds up, so a started one counts as a fraction" in ignored_requirement_of(ask, charge.format(charge="round(billable / BLOCK * PRICE, 2)"))
    assert ignored_requirement_of(ask, charge.format(charge="math.ceil(billable / BLOCK) * PRICE")) is None
    assert ignored_requirement_of(ask, charge.format(charge="-(-billable // BLOCK) * PRICE")) is None
    ask = "Return a new list in which every pair is ordered `[min, max]`, sorted by start. The caller's list and the inner lists must not be modified."
    pairs = "def normalize(intervals):\n{body}    return sorted(intervals)\n"
    swapped = "    for pair in intervals:\n        if pair[0] > pair[1]:\n            pair[0], pair[1] = pair[1], pair[0]\n"
    assert "mutates it ((pair[0], pair[1]) = ... on an item of intervals)" in ignored_requirement_of(ask, pairs.format(body=swapped))
    assert ignored_requirement_of(ask, "def normalize(intervals):\n    return sorted([min(p), max(p)] for p in intervals)\n") is None


def test_a_backticked_text_is_a_backticked_value():
    """blind93: "`"d20"` is `(1, 20, 0)`", "`"3d8-2"` is `(3, 8, -2)`": a text the function reads, "is", and what it
    makes of it, each in its own backticks, after a colon or a comma. Not read where the value is text too (a
    separator "is" another one) nor without backticks ("the default "d6" is used")."""
    from hfsynth.curate.instruction_examples import instruction_examples

    code = "def parse_roll(spec: str) -> tuple[int, int, int]:\n    return (1, 6, 0)\n"
    ask = ("Write `parse_roll(spec: str)` returning `(count, sides, modifier)`. The count is optional: `\"d20\"` is `(1, 20, 0)`. "
           "The modifier may be negative: `\"2d6+3\"` is `(2, 6, 3)`, `\"3d8-2\"` is `(3, 8, -2)`.")
    assert [(e.call, e.want) for e in instruction_examples(ask, code)] == [
        ("parse_roll('d20')", "(1, 20, 0)"), ("parse_roll('2d6+3')", "(2, 6, 3)"), ("parse_roll('3d8-2')", "(3, 8, -2)")]
    assert instruction_examples("Write `split(spec: str)`: the separator `\",\"` is `\";\"` in some files.", code.replace("parse_roll", "split")) == []
    assert instruction_examples("Write `parse_roll(spec: str)`; when no dice are given, the default \"d6\" is (1, 6, 0).", code) == []


def test_blind92s_unread_item_parts_and_the_first_pair_skipped():
    """``for busy_start, busy_end in busy`` with ``busy_end`` never read (a slot is "free" while a booking that began
    before it runs on); ``range(1, len(stops) - 1)`` over ``stops[i]`` and ``stops[i + 1]`` (the leg from the first
    stop is never counted). Reading the end, starting at 0, or also reading ``stops[i - 1]`` is kept."""
    free = "def is_free(busy, start, end):\n    for busy_start, busy_end in busy:\n        if {test}:\n            return False\n    return True\n"
    assert trivial(free.format(test="start <= busy_start < end")) == "ignored input: busy_end of each item of busy unpacked and never read"
    assert trivial(free.format(test="busy_start < end and start < busy_end")) is None
    route = "import math\n\n\ndef route_length(stops):\n    total = 0.0\n    for i in range({bounds}):\n        total += {step}\n    return total\n"
    assert "so the first pair is never read" in trivial(route.format(bounds="1, len(stops) - 1", step="math.dist(stops[i], stops[i + 1])"))
    assert trivial(route.format(bounds="len(stops) - 1", step="math.dist(stops[i], stops[i + 1])")) is None
    assert trivial(route.format(bounds="1, len(stops) - 1", step="stops[i - 1] + stops[i] + stops[i + 1]")) is None


def test_a_field_thrown_away_by_its_first_part_or_short_name():
    """``for _, total in sales`` over `(tickets, total_pence)` items for "the average price paid per ticket" (``total``
    names ``total_pence``; ``if not sales`` and ``len(sales)`` read no field), and ``_qty`` of `(sku, location, qty)`
    for "the total quantity". Reading the tickets, or asking about nothing computed from them, is kept."""
    ask = ("`sales` is a list of box-office transactions, each a tuple `(tickets, total_pence)`. Write `average_ticket_price(sales)` "
           "that returns the average price paid per ticket, rounded to the nearest penny.")
    average = ("def average_ticket_price(sales):\n    if not sales:\n        return 0\n    takings = sum(total for {names} in sales)\n"
               "    return round(takings / {count})\n")
    assert check(ask, average.format(names="_, total", count="len(sales)")).startswith(
        "the instruction asks about the tickets of its (tickets, total_pence) items and the code discards it (_, total")
    assert check(ask, average.format(names="_, total", count="sum(t for t, _ in sales)")) is None  # the items read again elsewhere
    assert check(ask.replace("the average price paid per ticket", "the mean takings of a sale"), average.format(names="_, total", count="len(sales)")) is None
    # Named otherwise, where the instruction spells one tuple of two: still its items (blind98's ``day, _`` over `(date, ticket_id)`);
    # where it spells two, which tuple the loop unpacks is not said.
    assert "discards it (_, takings" in check(ask, average.format(names="_, takings", count="len(sales)"))
    assert check(ask.replace("Write", "Refunds are `(ticket_id, refund_pence)`. Write"), average.format(names="_, takings", count="len(sales)")) is None
    ask = "Inventory records are `(sku, location, qty)` tuples. Write `qty_by_location(records)` returning the total quantity held at each location."
    stock = "def qty_by_location(records):\n    out = {{}}\n    for sku, location, {qty} in records:\n        out[location] = out.get(location, 0) + {add}\n    return out\n"
    assert "discards it (sku, location, _qty" in check(ask, stock.format(qty="_qty", add="1"))
    assert check(ask, stock.format(qty="qty", add="qty")) is None


def test_the_best_single_item_where_totals_per_key_are_asked():
    """"a film can have several showings ... the film with the largest total number of seats sold", answered by
    ``max(showings, key=...)``: the biggest showing. Adding up per film first, or a list where each film shows once,
    is kept."""
    ask = ("`showings` is a list of `(title, seats_sold)` tuples, one per showing{several}. Write `best_selling_film(showings)` that returns "
           "the title of the film with the largest total number of seats sold.")
    single = "def best_selling_film(showings):\n    title, _ = max(showings, key=lambda s: s[1])\n    return title\n"
    totals = ("from collections import Counter\n\n\ndef best_selling_film(showings):\n    seats = Counter()\n    for title, sold in showings:\n"
              "        seats[title] += sold\n    return max(seats, key=seats.get)\n")
    assert check(ask.format(several=", and a film can have several showings"), single) == (
        "the instruction says 'can have several' and asks for the largest total, and the code takes max() over the single items of showings (line 2) "
        "without adding any up")
    assert check(ask.format(several=", and a film can have several showings"), totals) is None
    assert check(ask.format(several=" (each film shows once)"), single) is None


def test_an_included_bound_named_by_a_parameter():
    """"the next review on or after `today`" answered by ``candidate > today``, "usable up to and including its
    expiry date" by ``order_date < expires_on`` (the words name the parameter by its stem): the day itself left
    out. ``>=``/``<=``, or words that name no parameter, are kept."""
    review = ("from datetime import date\n\n\ndef next_review(hired: date, today: date) -> date:\n    candidate = hired.replace(year=today.year)\n"
              "    if candidate {op} today:\n        return candidate\n    return hired.replace(year=today.year + 1)\n")
    ask = ("Write `next_review(hired: date, today: date) -> date` returning the date of the next review on or after `today`. "
           "No one is hired on 29 February.")  # hired.replace(year=...) is safe then
    assert check(ask, review.format(op=">")) == "the instruction includes 'on or after `today`' and candidate > today (line 6) leaves today out"
    assert check(ask, review.format(op=">=")) is None
    promo = "def promo_applies(expires_on, order_date, min_subtotal, subtotal):\n    return order_date {op} expires_on and subtotal >= min_subtotal\n"
    ask = "Write `promo_applies(expires_on, order_date, min_subtotal, subtotal)`. A promo can be used up to and including its expiry date."
    assert "'up to and including its expiry date' and order_date < expires_on (line 2) leaves expires_on out" in check(ask, promo.format(op="<"))
    assert check(ask, promo.format(op="<=")) is None
    assert check(ask.replace("its expiry date", "the end of the sale"), promo.format(op="<")) is None


def test_an_error_case_of_two_left_out():
    """"Raise `ValueError` if `days` is not positive, and also raise `ValueError` if the request is larger than the
    balance" answered by one raise. Two raises, one raise under an ``or``, a conversion that raises by itself, or
    one case in the instruction ("negative or zero") are kept."""
    ask = ("Write `book_leave(balance: float, days: float) -> float` returning the balance after booking `days` of leave. "
           "Raise `ValueError` if `days` is not positive, and also raise `ValueError` if the request is larger than the current balance.")
    one = "def book_leave(balance, days):\n    if days <= 0:\n        raise ValueError('days must be positive')\n    return balance - days\n"
    assert ignored_requirement_of(ask, one) == "the instruction gives 2 cases that raise ValueError and the code raises it in 1"
    two = one.replace("    return", "    if days > balance:\n        raise ValueError('not enough leave')\n    return")
    assert ignored_requirement_of(ask, two) is None
    assert ignored_requirement_of(ask, one.replace("if days <= 0:", "if days <= 0 or days > balance:")) is None
    assert ignored_requirement_of(ask, one.replace("return balance - days", "return float(balance) - days")) is None
    assert ignored_requirement_of(ask.replace(", and also raise `ValueError` if the request is larger than the current balance", " or zero"), one) is None
    ask = "Write `remaining_share(shares)`. Raise `ValueError` if any percentage is negative or if the percentages add up to more than 100."
    share = "def remaining_share(shares):\n    reported = sum(shares)\n    if reported > 100:\n        raise ValueError('over 100')\n    return round(100 - reported, 1)\n"
    assert ignored_requirement_of(ask, share) == "the instruction gives 2 cases that raise ValueError and the code raises it in 1"


def test_blind73_to_90s_shapes_of_certain_failure():
    """``sorted(transactions)`` over ``list[dict]`` with no key (dicts cannot be compared), a clamp with its bounds
    the wrong way round (``max(min(fee, 100), 1000)`` is always 1000), and ``current.replace(month=...)`` as a
    statement of its own (the new date is thrown away). With a key, bounds in order, or the result kept: kept."""
    latest = "def latest(transactions: list[dict]) -> dict:\n    out = {{}}\n    for txn in sorted(transactions{key}):\n        out[txn['account']] = txn\n    return out\n"
    assert "sorted(transactions) orders the dicts of transactions by themselves, and dicts cannot be compared (line 3)" in trivial(latest.format(key=""))
    assert trivial(latest.format(key=", key=lambda t: t['posted']")) is None
    assert trivial(latest.format(key="").replace("list[dict]", "list[tuple[str, int]]")) is None
    fee = "def transfer_fee(amount_cents: int) -> int:\n    fee = round(amount_cents * 0.015)\n    return {clamp}\n"
    assert trivial(fee.format(clamp="max(min(fee, 100), 1_000)")) == "ignored input: max(min(fee, 100), 1000) (line 3) is always 1000: its bounds are the wrong way round"
    assert trivial(fee.format(clamp="min(max(fee, 1_000), 100)")) == "ignored input: min(max(fee, 1000), 100) (line 3) is always 100: its bounds are the wrong way round"
    assert trivial(fee.format(clamp="max(min(fee, 1_000), 100)")) is None
    assert trivial(fee.format(clamp="min(max(fee, 100), 1_000)")) is None
    months = ("from datetime import date\n\n\ndef statement_months(start: date, end: date) -> list[str]:\n    labels = []\n    current = start.replace(day=1)\n"
              "    while current <= end:\n        labels.append(current.strftime('%Y-%m'))\n        {step}current.replace(month=current.month % 12 + 1, year=current.year + current.month // 12)\n"
              "    return labels\n")
    assert trivial(months.format(step="")) == "lost result: current.replace(month=current.month % 12 + 1, year=current.y (line 9) makes a new value and throws it away"
    assert trivial(months.format(step="current = ")) is None
    assert trivial("from pathlib import Path\n\n\ndef move(src: Path, dst: Path) -> None:\n    src.replace(dst)\n") is None  # renames a file


def test_bisect_on_the_wrong_side_of_an_equal_value():
    """"the first class that starts strictly after `now`" found with ``bisect_left(times, now)`` (a class starting
    at ``now`` is returned), and "the first reading at or after `t`" with ``bisect_right`` (one at ``t`` is passed)."""
    ask = "Write `next_class(start_times, now)`: return the first class that starts strictly after `now`, or None."
    nxt = "from bisect import {side}\n\n\ndef next_class(start_times, now):\n    i = {side}(start_times, now)\n    return start_times[i] if i < len(start_times) else None\n"
    assert check(ask, nxt.format(side="bisect_left")) == (
        "the instruction says 'strictly after `now`' and bisect_left(start_times, now) (line 5) finds an equal value instead of passing it")
    assert check(ask, nxt.format(side="bisect_right")) is None
    ask = "Write `next_class(start_times, now)`: return the first class that starts at or after `now`, or None."
    assert "passes an equal value instead of taking it" in check(ask, nxt.format(side="bisect_right"))
    assert check(ask, nxt.format(side="bisect_left")) is None
    assert check("Write `next_class(start_times, now)`: return the first class starting no later than `now`.", nxt.format(side="bisect_left")) is None


def test_blind94_and_95s_good_rows():
    """Good rows the arrival of blind94-95 removed, kept: a median of the trips that qualify, in minutes (the known
    task's plain probes ask another question); ``alive = False`` under ``while alive and ...`` (the loop's own test
    read the other value); "ext." spelled by a regex that reads it before the extension's digits."""
    from hfsynth.curate.known_tasks import known_task
    from hfsynth.curate.listed_parts import missing_part

    median = "import statistics\n\n\ndef median_trip_minutes(durations_s):\n    real = [d for d in durations_s if d >= 60]\n    return statistics.median(real) / 60 if real else None\n"
    assert known_task("Trips shorter than 60 seconds must be ignored. Write `median_trip_minutes(durations_s)` returning the median "
                      "duration of the remaining trips in minutes.", median) is None
    assert known_task("Write `median_trip_minutes(durations_s)` returning the median of the durations.", median) is not None
    survivors = ("def survivors(asteroids):\n    stack = []\n    for a in asteroids:\n        alive = True\n        while alive and a < 0 and stack and stack[-1] > 0:\n"
                 "            if stack[-1] < -a:\n                stack.pop()\n            elif stack[-1] == -a:\n                stack.pop()\n                alive = False\n"
                 "            else:\n                alive = False\n        if alive:\n            stack.append(a)\n    return stack\n")
    assert trivial(survivors) is None
    assert "never ends" in trivial(survivors.replace("                alive = False\n            else:\n                alive = False\n", "                pass\n            else:\n                pass\n"))
    ext = ("import re\n\n_EXT = re.compile(r'\\s*(?:ext(?:ension)?\\.?|x)\\s*(\\d+)\\s*$', re.IGNORECASE)\n\n\ndef split_extension(phone):\n"
           "    m = _EXT.search(phone)\n    return (re.sub(r'\\D', '', phone[: m.start()] if m else phone), m.group(1) if m else None)\n")
    assert missing_part('The marker may be "ext", "ext.", "x" or "extension", in any case.', ext) is None
    assert missing_part('The marker may be "ext", "ext.", "x" or "extension", in any case.', ext.replace("ext(?:ension)?\\.?|x", "ext(?:ension)?|x")) is not None


def test_blind94_and_95s_certain_failures():
    """``xs[i + k]`` with ``i`` in ``range(len(xs) - k + 1)`` (past the end at the last ``i``); ``s.id`` in a sort key over
    ``list[dict]``; ``fmt = "%H:%M"`` then ``strptime(fmt, start)``; ``calendar.monthrange(month, year)``; a ``while`` that
    ``continue``s before its index moves, past a ``re.sub``."""
    sums = "def window_sums(xs, k):\n    total = sum(xs[:k])\n    out = [total]\n    for i in range({stop}):\n        total += xs[i + k] - xs[i]\n        out.append(total)\n    return out\n"
    assert trivial(sums.format(stop="len(xs) - k + 1")) == "always an error: xs[i + k] with i in range(len(xs) - k + 1) reads past the end at the last i (line 5)"
    assert trivial(sums.format(stop="len(xs) - k")) is None
    report = "def fill_report(stations: list[dict]) -> list[str]:\n    return [f\"{{s['id']}}\" for s in sorted(stations, key=lambda s: {key})]\n"
    assert "s.id reads an attribute a dict of stations does not have" in trivial(report.format(key="s.id"))
    assert trivial(report.format(key="s['id']")) is None
    minutes = "from datetime import datetime\n\n\ndef ride_minutes(start, end):\n    fmt = '%H:%M'\n    t0, t1 = datetime.strptime({a}), datetime.strptime({b})\n    return int((t1 - t0).total_seconds() // 60)\n"
    assert "passes the format first" in trivial(minutes.format(a="fmt, start", b="fmt, end"))
    assert trivial(minutes.format(a="start, fmt", b="end, fmt")) is None
    due = "import calendar\nfrom datetime import date\n\n\ndef due_dates(year, day):\n    return [date(year, month, min(day, calendar.monthrange({args})[1])) for month in range(1, 13)]\n"
    assert "calendar.monthrange(month, year) (line 6) passes the month, year where monthrange() takes the year, month" in trivial(due.format(args="month, year"))
    assert trivial(due.format(args="year, month")) is None
    dedupe = ("import re\n\n\ndef dedupe_numbers(numbers):\n    seen, result, i = set(), [], 0\n    while i < len(numbers):\n        key = re.sub(r'\\D', '', numbers[i])\n"
              "        if key in seen:\n{skip}            continue\n        seen.add(key)\n        result.append(numbers[i])\n        i += 1\n    return result\n")
    assert "never ends" in trivial(dedupe.format(skip=""))
    assert trivial(dedupe.format(skip="            i += 1\n")) is None


def test_blind94_and_95s_requirements():
    """A field taken from another's place; "between 30 and 60 minutes inclusive"; "rounded DOWN" with round();
    ties "with the same ... are ordered alphabetically" under ``reverse=True``; "preserving queue order" with
    ``list(set(...))``; "up to and including £500,000"; OverflowError asked and never raised."""
    parts = "def blended_rate(parts):\n    total = sum({names} in parts)\n    return round(sum(b * r for b, r in parts) / total, 3)\n"
    ask = "`parts` is a list of `(balance, annual_rate_pct)` tuples. Return the balance-weighted average rate."
    assert "takes balance from the place of annual_rate_pct" in check(ask, parts.format(names="balance for _, balance"))
    assert check(ask, parts.format(names="balance for balance, _")) is None
    trips = "def standard_trips(trips):\n    return [t for t, minutes in trips if {test}]\n"
    ask = "Return the ids of trips whose duration is between 30 and 60 minutes inclusive."
    assert "leaves the bound out" in ignored_requirement_of(ask, trips.format(test="30 < minutes < 60"))
    assert ignored_requirement_of(ask, trips.format(test="30 <= minutes <= 60")) is None
    deposit = "def max_deposit(rent):\n    return {body}\n"
    ask = "Return the cap in pounds, rounded DOWN to the penny."
    assert "calls round(), which rounds to the nearest" in ignored_requirement_of(ask, deposit.format(body="round(rent * 5 / 52 * 12, 2)"))
    assert ignored_requirement_of(ask, deposit.format(body="math.floor(rent * 5 / 52 * 12 * 100) / 100")) is None
    docks = "def by_free_docks(stations):\n    return sorted(stations, key=lambda s: {key})\n"
    ask = "Return the station ids sorted by free docks, most first; stations with the same number of free docks are ordered alphabetically by id."
    assert "reverses the tie-breaking field too" in ignored_requirement_of(ask, docks.format(key="(stations[s][0] - stations[s][1], s), reverse=True"))
    assert ignored_requirement_of(ask, docks.format(key="(-(stations[s][0] - stations[s][1]), s)")) is None
    queue = "def dedupe_queue(queue):\n    return {body}\n"
    ask = "Return a new list with duplicates removed, keeping the first occurrence of every id and preserving queue order."
    assert "in a set's order" in ignored_requirement_of(ask, queue.format(body="list(set(queue))"))
    assert ignored_requirement_of(ask, queue.format(body="list(dict.fromkeys(queue))")) is None
    commission = "def commission(price):\n    if price <= 200_000:\n        return price * 0.025\n    if price {op} 500_000:\n        return price * 0.02\n    return price * 0.015\n"
    ask = "2.5% up to and including £200,000, 2% above £200,000 up to and including £500,000, and 1.5% above."
    assert "'up to and including £500,000' and price < 500000 (line 4) leaves 500,000 out" in ignored_requirement_of(ask, commission.format(op="<"))
    assert ignored_requirement_of(ask, commission.format(op="<=")) is None
    queue = ("from collections import deque\n\n\nclass BoundedQueue:\n    def __init__(self, capacity):\n        self._items = deque(maxlen=capacity)\n\n"
             "    def enqueue(self, item):\n{check}        self._items.append(item)\n")
    ask = "Implement `BoundedQueue(capacity)`. `enqueue` on a full queue must raise `OverflowError`."
    assert ignored_requirement_of(ask, queue.format(check="")) == "the instruction asks to raise OverflowError and the code never does"
    assert ignored_requirement_of(ask, queue.format(check="        if len(self._items) == self._items.maxlen:\n            raise OverflowError('full')\n")) is None


def test_operations_an_answer_cannot_do_without():
    """The median where the only "min" is in ``minutes`` (the mean of them); "`arrivals - departures`" with no
    subtraction anywhere; "their combined income" answered with ``max``. A sort, a ``-``, a ``sum``: kept; so is a
    layout of text ("formats an entry as `term - definition`")."""
    median = ("from collections import defaultdict\n\n\ndef median_by_station(trips):\n    totals, counts = defaultdict(float), defaultdict(int)\n"
              "    for station, minutes in trips:\n        totals[station] += minutes\n        counts[station] += 1\n    return {{s: {body} for s in totals}}\n")
    ask = "Return a dict mapping each start station to the median trip duration from that station."
    assert check(ask, median.format(body="totals[s] / counts[s]")) == "the instruction asks for the median and the code never orders the values"
    assert check(ask, median.format(body="sorted([totals[s], counts[s]])[0]")) is None
    flow = "from collections import Counter\n\n\ndef net_flow(trips):\n    flow = Counter()\n    for start, end in trips:\n        flow[start] {op}= 1\n        flow[end] += 1\n    return dict(flow)\n"
    ask = "Write `net_flow(trips)` returning a dict mapping every station to `arrivals - departures`."
    assert check(ask, flow.format(op="+")) == "the instruction asks for a difference and the code never subtracts (no -, -=, negative value nor abs)"
    assert check(ask, flow.format(op="-")) is None
    assert check("Write `fmt(term, definition)` that formats a glossary entry as `term - definition`.", "def fmt(term, definition):\n    return f'{term}: {definition}'\n") is None
    loan = "def max_loan(incomes, multiple=4.5):\n    return int({income} * multiple)\n"
    ask = "Lenders lend up to a multiple of the applicants' combined gross annual income. Write `max_loan(incomes, multiple=4.5)`."
    assert check(ask, loan.format(income="max(incomes)")) == "the instruction asks for a combined total and the code never adds anything (no +, sum nor Counter)"
    assert check(ask, loan.format(income="sum(incomes)")) is None


def test_texts_added_up_a_ratio_upside_down_and_a_minute_moved_in_place():
    """``sum(row[2] for row in rows)`` over split lines (texts: TypeError); "annual rent divided by price" computed as
    ``price / (monthly_rent * 12)``; ``begins.replace(minute=begins.minute + minutes)`` (ValueError past 59). Converted
    parts, the right way up, and a timedelta: kept."""
    revenue = "def total_revenue(csv_lines):\n    rows = [line.split(',') for line in csv_lines[1:]]\n    return round(sum({part} for row in rows), 2)\n"
    assert "adds up texts (the parts of a split) with no conversion" in trivial(revenue.format(part="row[2]"))
    assert trivial(revenue.format(part="float(row[2])")) is None
    best = "def highest_yield(listings):\n    return max(listings, key=lambda item: {ratio})['id']\n"
    ask = "Return the id of the listing with the highest gross rental yield (annual rent divided by price)."
    assert check(ask, best.format(ratio="item['price'] / (item['monthly_rent'] * 12)")) == (
        "the instruction asks for 'rent divided by price' and item['price'] / (item['monthly_rent'] * 12) (line 2) divides the other way round")
    assert check(ask, best.format(ratio="item['monthly_rent'] * 12 / item['price']")) is None
    end = "from datetime import datetime{extra}\n\n\ndef viewing_end(start, minutes):\n    begins = datetime.strptime(start, '%H:%M')\n    return ({moved}).strftime('%H:%M')\n"
    assert "moves the minute in place: past 59 it raises ValueError" in trivial(end.format(extra="", moved="begins.replace(minute=begins.minute + minutes)"))
    assert trivial(end.format(extra=", timedelta", moved="begins + timedelta(minutes=minutes)")) is None


def test_blind96s_good_rows():
    """Good rows the arrival of blind96 removed, kept: "how many distinct seconds were watched" answered by a sweep
    that merges sorted intervals (``run_end = max(run_end, end)``), and the longest run of consecutive days found in
    any order through a set and each day's neighbour (``day - timedelta(days=1) in seen``). Summing the lengths
    unmerged, or walking the days unsorted with no neighbour looked up: still removed."""
    union = ("def unique_seconds_watched(intervals):\n    total = 0\n    run_start = run_end = None\n    for start, end in sorted(intervals):\n"
             "        if run_end is None or start > run_end:\n            if run_end is not None:\n                total += run_end - run_start\n"
             "            run_start, run_end = start, end\n        else:\n            run_end = {extend}\n"
             "    if run_end is not None:\n        total += run_end - run_start\n    return total\n")
    ask = "Intervals may overlap and arrive in any order. Write `unique_seconds_watched(intervals)` returning how many distinct seconds of the title were watched."
    assert check(ask, union.format(extend="max(run_end, end)")) is None
    assert check(ask, union.format(extend="end")).startswith("the instruction asks for unique or distinct items")  # no merge: overlaps count twice
    streak = ("from datetime import timedelta\n\n\ndef longest_streak(days):\n    seen = set(days)\n    best = 0\n    for day in seen:\n"
              "        if {test}:\n            continue\n        length = 1\n        while day + timedelta(days=length) in seen:\n            length += 1\n"
              "        best = max(best, length)\n    return best\n")
    ask = "Write `longest_streak(days)` for a list of dates (unsorted, may contain duplicates) returning the longest run of consecutive days."
    assert ignored_requirement_of(ask, streak.format(test="day - timedelta(days=1) in seen")) is None
    assert ignored_requirement_of(ask, "def longest_streak(days):\n    best = run = 0\n    for a, b in zip(days, days[1:]):\n"
                                       "        run = run + 1 if (b - a).days == 1 else 0\n        best = max(best, run)\n    return best + 1 if days else 0\n") == (
        "the instruction gives the items in any order and the code never sorts them")


def test_blind97s_rows():
    """A coroutine asked to take values by `send(price)` is written with ``yield``: a generator's own method,
    not a missing definition. An input the instruction says may be a generator, read with ``len()`` or an
    index, raises on it; a signature that asks a whole number, annotated float, answers another question."""
    coroutine = "def running_average():\n    total, count, average = 0.0, 0, None\n    while True:\n        price = yield average\n        total += price\n        count += 1\n        average = total / count\n"
    ask = "Write a coroutine `running_average()`: after it is primed with `next()`, each `send(price)` returns the average so far."
    assert check(ask, coroutine) is None
    assert check(ask, "def running_average():\n    return 0.0\n") == "instruction asks for `send` but the code defines no send"
    jumps = "def sudden_jumps(readings, threshold):\n{body}"
    ask = ("Write a generator `sudden_jumps(readings, threshold)` that yields `(index, reading)` for every reading that exceeds the previous one "
           "by more than `threshold`. `readings` can be any iterable; in production it is a generator streaming from the feed.")
    by_length = "    for i in range(1, len(readings)):\n        if readings[i] - readings[i - 1] > threshold:\n            yield i, readings[i]\n"
    assert ignored_requirement_of(ask, jumps.format(body=by_length)) == (
        "the instruction says `readings` may be a one-shot iterable and the code takes its len(), which a generator has not")
    paired = "    previous = None\n    for i, reading in enumerate(readings):\n        if previous is not None and reading - previous > threshold:\n            yield i, reading\n        previous = reading\n"
    assert ignored_requirement_of(ask, jumps.format(body=paired)) is None
    assert ignored_requirement_of(ask, jumps.format(body="    readings = list(readings)\n" + by_length)) is None  # made a list first
    assert ignored_requirement_of(ask.replace("`readings` can be any iterable; in production it is a generator streaming from the feed.", "Readings come as a stream of samples."),
                                  jumps.format(body=by_length)) is None  # a domain's stream, not a one-shot iterable
    assert ignored_requirement_of("Write `mean_and_count(iterable)` returning the mean and how many items there were.",
                                  "def mean_and_count(iterable):\n    total = sum(iterable)\n    count = sum(1 for _ in iterable)\n    return total / count, count\n") == (
        "the instruction says `iterable` may be a one-shot iterable and the code reads it twice: the second pass sees nothing")
    fills = "from collections import defaultdict\n\n\ndef fill_ups_per_month(fills) -> dict[str, {kind}]:\n    per_month = defaultdict({kind})\n    for day, litres in fills:\n        per_month[day.strftime('%Y-%m')] += {add}\n    return dict(per_month)\n"
    ask = "Write `fill_ups_per_month(fills: list[tuple[date, float]]) -> dict[str, int]`, where each fill is `(date, litres)`: how many fill-ups happened in each month."
    assert contradicted_annotation(ask, ast.parse(fills.format(kind="float", add="litres"))) == (
        "the instruction's signature returns dict[str, int] and the code's fill_ups_per_month() is annotated -> dict[str, float]")
    assert contradicted_annotation(ask, ast.parse(fills.format(kind="int", add="1"))) is None


def test_blind97s_months_clock_times_and_grouped_totals():
    """Whole months counted from month numbers alone, an "h:mm" time read as a decimal, and a dict of each
    plate's orders where each plate's total was asked: removed; the same tasks done right: kept."""
    months = "from datetime import date\n\n\ndef whole_months_between(start: date, end: date) -> int:\n    months = (end.year - start.year) * 12 + (end.month - start.month)\n{fix}    return months\n"
    ask = "Write `whole_months_between(start, end)` returning the number of complete calendar months from `start` to `end`."
    assert check(ask, months.format(fix="")) == (
        "the instruction asks for whole months and end.month - start.month (line 5) counts month numbers alone: a day of the month not yet reached still counts")
    assert check(ask, months.format(fix="    if end.day < start.day:\n        months -= 1\n")) is None
    assert check("Return the month difference between two dates, ignoring the days.", months.format(fix="")) is None
    hours = "def total_hours(times: list[str]) -> float:\n    return round(sum({read} for t in times), 2)\n"
    assert "reads a clock time as a decimal" in trivial(hours.format(read='float(t.replace(":", "."))'))
    assert trivial(hours.format(read='int(t.split(":")[0]) + int(t.split(":")[1]) / 60')) is None
    grouped = "from collections import defaultdict\n\n\ndef labour_hours_by_vehicle(orders) -> dict[str, {kind}]:\n    by_plate = defaultdict({factory})\n    for order in orders:\n        {add}\n    return dict(by_plate)\n"
    ask = 'Work orders are dicts with the keys "plate", "job" and "hours". Write `labour_hours_by_vehicle(orders)` that returns a dict mapping each plate to its total labour hours.'
    assert check(ask, grouped.format(kind="list[dict]", factory="list", add='by_plate[order["plate"]].append(order)')) == (
        "the instruction asks for 'dict mapping each plate to its total' and the code's labour_hours_by_vehicle() is annotated -> dict[str, list[dict]]: a list for each key")
    assert check(ask, grouped.format(kind="float", factory="float", add='by_plate[order["plate"]] += order["hours"]')) is None


def test_an_item_lost_between_zip_and_the_rest():
    """blind97: ``zip(it, range(n))`` pulls one more item from ``it`` before range runs out; ``islice`` does not."""
    split = "from itertools import islice\n\n\ndef split_head(iterable, n):\n    it = iter(iterable)\n    head = {take}\n    return head, it\n"
    assert "takes one more item from it before range() runs out, and it is read again (line 7): that item is lost" in trivial(
        split.format(take="[item for item, _ in zip(it, range(n))]"))
    assert trivial(split.format(take="list(islice(it, n))")) is None
    assert trivial(split.format(take="[item for _, item in zip(range(n), it)]")) is None  # range first: nothing is pulled too many


def test_a_float_stepped_by_a_fractional_parameter_never_equal():
    """blind97: ``while level != 0.0: level -= step`` with ``step=0.1``: 1.0 minus ten tenths is not 0.0."""
    levels = "def tank_levels(step: float = {step}):\n    level = 1.0\n    while level {test} 0.0:\n        yield round(level, 2)\n        level -= step\n    yield 0.0\n"
    assert "waits for level != 0.0 to be exactly false while it steps a float by a fraction" in trivial(levels.format(step="0.1", test="!="))
    assert trivial(levels.format(step="0.1", test=">")) is None
    assert trivial(levels.format(step="1.0", test="!=")) is None  # whole steps reach 0.0


def test_blind98s_rows():
    """An optional key read with ``get`` and used at once; two error cases joined by "and also for", one raised
    (``max(0, n)`` raises nothing); a ``(date, ticket_id)`` item's ticket thrown away where distinct tickets are
    counted; a table of lower bounds walked upwards with ``>=`` (the first entry always wins)."""
    from hfsynth.curate.stated_absences import unguarded_absence

    label = "def loan_label(record: dict[str, str]) -> str:\n    notes = {notes}\n    base = f\"{{record['work']}} ({{record['lender']}})\"\n    return f\"{{base}} - {{notes}}\" if notes else base\n"
    ask = 'Write `loan_label(record)`. `record` always has `"work"` and `"lender"` keys and may have a `"notes"` key.'
    assert unguarded_absence(ask, ast.parse(label.format(notes='record.get("notes").strip()'))).endswith("uses what get() gives at once: an error on None for the records without it")
    assert unguarded_absence(ask, ast.parse(label.format(notes='record.get("notes", "").strip()'))) is None
    price = "def tour_price(group_size: int) -> int:\n{checks}    return 120 + 9 * max(0, group_size - 10)\n"
    ask = "Tours are limited to 30 people: raise `ValueError` for a group larger than 30, and also for a group smaller than 1."
    assert ignored_requirement_of(ask, price.format(checks="    if group_size < 1:\n        raise ValueError('too small')\n")) == (
        "the instruction gives 2 cases that raise ValueError and the code raises it in 1")
    assert ignored_requirement_of(ask, price.format(checks="    if group_size < 1:\n        raise ValueError('too small')\n    if group_size > 30:\n        raise ValueError('too big')\n")) is None
    scans = "from collections import Counter\n\n\ndef unique_visitors_per_day(scans):\n    return dict(Counter({counted}))\n"
    ask = "Each scan is `(date, ticket_id)`. Return, for each date, the number of distinct tickets scanned that day."
    assert "discards it" in check(ask, scans.format(counted="day for day, _ in scans"))
    assert check(ask, scans.format(counted="day for day, _ in set(scans)")) is None


def test_a_table_of_bounds_walked_so_the_first_always_wins():
    """blind98: ``for lower, name in BANDS: if age >= lower`` over rising lower bounds returns "infant" for every age."""
    bands = "BANDS = [{rows}]\n\n\ndef price_band(age: int) -> str:\n    for bound, name in {walk}:\n        if {test}:\n            return name\n    raise ValueError(age)\n"
    rising = '(0, "infant"), (3, "child"), (12, "youth"), (18, "adult"), (65, "senior")'
    assert "only the first entry is ever chosen" in trivial(bands.format(rows=rising, walk="BANDS", test="age >= bound"))
    assert "only the first entry is ever chosen" in trivial(bands.format(rows=rising, walk="BANDS", test="bound <= age"))
    assert trivial(bands.format(rows=rising, walk="reversed(BANDS)", test="age >= bound")) is None  # from the top: right
    uppers = '(2, "infant"), (11, "child"), (17, "youth"), (64, "adult"), (200, "senior")'
    assert trivial(bands.format(rows=uppers, walk="BANDS", test="age <= bound")) is None  # upper bounds, rising, <=: right


def test_an_overlap_test_joined_by_or_always_holds():
    """blind98: ``a_start <= b_end or b_start <= a_end`` holds for any two intervals; ``and`` is the overlap."""
    overlap = "def loans_overlap(a_start, a_end, b_start, b_end):\n    return {test}\n"
    assert "holds for any two intervals" in trivial(overlap.format(test="a_start <= b_end or b_start <= a_end"))
    assert "holds for any two intervals" in trivial(overlap.format(test="b_end >= a_start or a_end >= b_start"))
    assert trivial(overlap.format(test="a_start <= b_end and b_start <= a_end")) is None
    assert trivial(overlap.format(test="a_end < b_start or b_end < a_start")) is None  # the test for no overlap: right


def test_a_minutes_difference_made_positive():
    """blind98: ``(h2 - h1) * 60 + abs(m2 - m1)`` gives 80 minutes from 10:50 to 11:10."""
    spans = "def rental_minutes(out_time: str, in_time: str) -> int:\n    h1, m1 = map(int, out_time.split(':'))\n    h2, m2 = map(int, in_time.split(':'))\n    return {span}\n"
    assert "makes the minutes' difference positive" in trivial(spans.format(span="(h2 - h1) * 60 + abs(m2 - m1)"))
    assert trivial(spans.format(span="(h2 - h1) * 60 + (m2 - m1)")) is None
    assert trivial(spans.format(span="abs((h2 * 60 + m2) - (h1 * 60 + m1))")) is None


def test_an_optional_key_read_bare():
    """blind88: "optionally an `'extras'` key" answered with ``reservation['extras']``."""
    from hfsynth.curate.stated_absences import unguarded_absence

    extras = "def extras_revenue(reservations):\n    total = 0\n    for r in reservations:\n        for _name, price in {read}:\n            total += price * r['days']\n    return total\n"
    ask = "Each reservation is a dict with the keys `'id'` and `'days'`, and optionally an `'extras'` key holding a list of `(name, daily_price)` pairs."
    assert "reads it bare: KeyError on the records without it" in unguarded_absence(ask, ast.parse(extras.format(read="r['extras']")))
    assert unguarded_absence(ask, ast.parse(extras.format(read="r.get('extras', [])"))) is None


def test_rounded_up_with_round():
    """blind99: "Round the result **up** to the next 0.5 L" answered by ``round(litres * 2) / 2``."""
    water = "import math\n\n\ndef water_needed(hours: float, temp_c: float) -> float:\n    litres = hours * (0.5 + (0.25 if temp_c >= 25 else 0.0))\n    return {snap}\n"
    ask = "Return how many litres a hiker should carry. Round the result **up** to the next 0.5 L, since our bottles are 0.5 L."
    assert ignored_requirement_of(ask, water.format(snap="round(litres * 2) / 2")) == (
        "the instruction asks for 'Round the result up' and the code calls round(), which rounds to the nearest, down as often as up")
    assert ignored_requirement_of(ask, water.format(snap="math.ceil(litres * 2) / 2")) is None
    assert ignored_requirement_of(ask.replace("Round the result **up**", "Round the result"), water.format(snap="round(litres * 2) / 2")) is None


def test_blind98_and_99s_answers_that_say_what_they_compute():
    """The docstring names another quantity than the one asked: minutes per kilometre for km/h, how often each
    summit appears for how many different summits, a length in days for complete weeks."""
    from hfsynth.curate.stated_purpose import contradicting_purpose

    speed = "def average_speed(distance_km, duration):\n    \"\"\"{doc}\"\"\"\n    return 0.0\n"
    ask = 'Write `average_speed(distance_km, duration)` where `duration` is "H:MM:SS". Return the average speed in km/h.'
    assert contradicting_purpose(ask, ast.parse(speed.format(doc="Average minutes per kilometre over the hike."))) == (
        "the instruction asks for 'speed' and the code says it computes 'minutes per' (average_speed)")
    assert contradicting_purpose(ask, ast.parse(speed.format(doc="Average speed in km/h over the hike."))) is None
    summits = "def distinct_summits(log):\n    \"\"\"{doc}\"\"\"\n    return 0\n"
    ask = "Write `distinct_summits(log)` that returns how many different summits have been climbed."
    assert "says it computes 'How often'" in contradicting_purpose(ask, ast.parse(summits.format(doc="How often each summit appears in the log.")))
    ask = "Write `word_counts(text)` returning how many times each word appears."  # a tally asked: its docstring may say how often
    assert contradicting_purpose(ask, ast.parse(summits.format(doc="How often each word appears.").replace("distinct_summits(log)", "word_counts(text)"))) is None
    weeks = "def loan_weeks(start, end):\n    \"\"\"Length of the loan period between two ISO dates, {unit}.\"\"\"\n    return 0\n"
    ask = "Write `loan_weeks(start, end)` telling how many complete weeks lie between two ISO dates."
    assert "says it computes 'in days'" in contradicting_purpose(ask, ast.parse(weeks.format(unit="in days")))
    assert contradicting_purpose(ask, ast.parse(weeks.format(unit="in whole weeks"))) is None


def test_a_dict_keyed_by_one_field_and_counted_by_another():
    """blind94/58: ``counts = {trip["start"]: 0 for trip in trips}`` then ``counts[trip["end"]] += 1``, and
    ``dict.fromkeys({isbn for isbn, _ in copies}, 0)`` counted by branch: a key of the other field is new."""
    arrivals = "def arrivals(trips):\n    counts = {keys}\n    for trip in trips:\n        counts[trip['end']] += 1\n    return dict(sorted(counts.items()))\n"
    assert "counts's keys are each item's 'start' and the count is kept under its 'end'" in trivial(
        arrivals.format(keys="{trip['start']: 0 for trip in trips}"))
    assert trivial(arrivals.format(keys="{s: 0 for trip in trips for s in (trip['start'], trip['end'])}")) is None  # both fields
    assert trivial(arrivals.format(keys="{trip['end']: 0 for trip in trips}")) is None
    copies = "def copies_per_branch(copies):\n    totals = dict.fromkeys({{{field} for isbn, branch in copies}}, 0)\n    for _, branch in copies:\n        totals[branch] += 1\n    return totals\n"
    assert "keys are each item's field 1 and the count is kept under its field 2" in trivial(copies.format(field="isbn"))
    assert trivial(copies.format(field="branch")) is None


def test_dict_items_read_as_attributes_in_a_sort_of_some_of_them():
    """blind99: ``qualified = [m for m in members if ...]`` then ``qualified.sort(key=lambda m: m.km_this_year)`` over
    ``members: list[dict]``: the filtered list holds the same dicts, which have no such attribute."""
    club = ("def distance_club(members: list[dict], threshold_km: float) -> list[str]:\n    qualified = [m for m in members if m['km_this_year'] >= threshold_km]\n"
            "    qualified.sort(key=lambda m: {key}, reverse=True)\n    return [m['name'] for m in qualified]\n")
    assert "m.km_this_year reads an attribute a dict of members does not have" in trivial(club.format(key="m.km_this_year"))
    assert trivial(club.format(key="m['km_this_year']")) is None


def test_work_a_function_does_and_never_uses_is_lost():
    """blind101/102: a container filled and never read (a key the instruction asked for left out), a
    surcharge computed and never applied, a last line that computes the answer with no ``return``."""
    from hfsynth.curate.dead_paths import lost_work

    summary = ("from collections import Counter\n\ndef summarise(bookings):\n    passengers = 0\n    per_route = Counter()\n    for b in bookings:\n"
               "        passengers += b['passengers']\n        per_route[b['route']] += b['passengers']\n    return {{'passengers': passengers{busiest}}}\n")
    assert "lost work: summarise() fills per_route" in substance.trivial({"language": "python", "code": summary.format(busiest="")})
    assert substance.trivial({"language": "python", "code": summary.format(busiest=", 'busiest': max(per_route, key=per_route.get, default=None)")}) is None
    price = ("def ticket_price(fare, weekend):\n    multiplier = 1.10 if weekend else 1.0\n    return round({price}, 2)\n")
    assert "computes multiplier" in substance.trivial({"language": "python", "code": price.format(price="fare")})
    assert substance.trivial({"language": "python", "code": price.format(price="fare * multiplier")}) is None
    cut = ("def extremes(readings):\n    days = {}\n    for ts, rh in readings:\n        day = ts.date()\n        low, high = days.get(day, (rh, rh))\n"
           "        days[day] = (min(low, rh), max(high, rh))\n    result = dict(sorted(days.items()))\n")
    assert "computes result" in substance.trivial({"language": "python", "code": cut})
    # a name that may hold someone else's object is filled for its owner (a trie's walk); a call kept for its effect
    trie = "def insert(root, word):\n    node = root\n    for ch in word:\n        node = node.setdefault(ch, {})\n    node['$'] = True\n"
    assert lost_work(ast.parse(trie)) is None
    post = "import requests\n\ndef notify(url, text):\n    response = requests.post(url, json={'text': text})\n"
    assert lost_work(ast.parse(post)) is None
    # loop and unpacking targets, and names shared with nested scopes, are not judged
    pairs = "def firsts(pairs):\n    out = []\n    for first, second in pairs:\n        out.append(first)\n    head, tail = pairs[0]\n    return out\n"
    assert lost_work(ast.parse(pairs)) is None
    shared = "def counter():\n    count = 0\n    def bump():\n        nonlocal count\n        count += 1\n        return count\n    return bump\n"
    assert lost_work(ast.parse(shared)) is None


def test_a_descending_range_of_the_input_is_no_order_asked():
    """blind100: "A descending range such as "5-3" raises ValueError" names an input, not the output's order."""
    code = "def expand_ranges(spec: str) -> list[int]:\n    numbers = set()\n    for part in spec.split(','):\n        numbers.add(int(part))\n    return sorted(numbers)\n"
    ask = "Parse a range specification into a sorted list without duplicates. A descending range such as `\"5-3\"` raises `ValueError`."
    assert ignored_requirement_of(ask, code) is None
    assert "sorts smallest first" in ignored_requirement_of("Return the numbers in descending order.", code)


def test_extremes_tracked_from_infinities_in_one_elif():
    """blind101: ``lo, hi = inf, -inf`` and ``if v < lo: ... elif v > hi: ...``: the first reading sets only ``lo``."""
    spread = ("def temperature_range(values):\n    lo, hi = {start}\n    for v in values:\n        if v < lo:\n            lo = v\n"
              "        {branch} v > hi:\n            hi = v\n    return hi - lo\n")
    assert "the first item never reaches the elif, so hi keeps its infinity" in substance.trivial(
        {"language": "python", "code": spread.format(start='float("inf"), float("-inf")', branch="elif")})
    assert substance.trivial({"language": "python", "code": spread.format(start='float("inf"), float("-inf")', branch="if")}) is None
    assert substance.trivial({"language": "python", "code": spread.format(start="values[0], values[0]", branch="elif")}) is None


def test_the_last_tie_kept_where_the_best_is_an_index():
    """blind100: ``if counts[hour] >= counts[best_hour]: best_hour = hour`` keeps the latest of tied hours."""
    busiest = ("def busiest_hour(times: list[str]) -> int | None:\n    counts = [0] * 24\n    for t in times:\n        counts[int(t.split(':')[0])] += 1\n"
               "    if not any(counts):\n        return None\n    best_hour = 0\n    for hour in range(24):\n        if counts[hour] {op} counts[best_hour]:\n"
               "            best_hour = hour\n    return best_hour\n")
    ask = "Return the hour (an int from 0 to 23) with the most calls; if several hours tie, return the earliest of them. Return `None` for an empty list."
    assert "replaces the best on equal values" in ignored_requirement_of(ask, busiest.format(op=">="))
    assert ignored_requirement_of(ask, busiest.format(op=">")) is None


def test_an_index_read_before_the_test_of_its_bounds():
    """blind102: ``grid[nr][nc] != "#" and 0 <= nr < rows``: the read comes first, so a step off the edge raises (or wraps)."""
    reach = ("def reachable(grid, r, c):\n    rows, cols = len(grid), len(grid[0])\n    out = []\n    for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):\n"
             "        nr, nc = r + dr, c + dc\n        if {test}:\n            out.append((nr, nc))\n    return out\n")
    assert "reads by nr before 0 <= nr < rows tests its bounds" in substance.trivial(
        {"language": "python", "code": reach.format(test="grid[nr][nc] != '#' and 0 <= nr < rows and 0 <= nc < cols")})
    assert substance.trivial({"language": "python", "code": reach.format(test="0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != '#'")}) is None
    inversions = "def inversions(values):\n    n = len(values)\n    return sum(1 for i in range(n) for j in range(n) if values[i] > values[j] and i < j)\n"
    assert substance.trivial({"language": "python", "code": inversions}) is None  # two positions compared, no bound


def test_blind103_to_105s_lessons():
    """Read from blind103-105 and checked over every labelled row: each junk shape beside the kept one it differs from."""
    from hfsynth.curate.accepted_inputs import accepted_input_claims
    from hfsynth.curate.instruction import named_but_not_defined

    # "fullest station first", "newest first": the largest first, and one ascending sort
    rank = "def rank_by_fill(stations):\n    ranked = [(n, round(b / c, 2)) for n, (b, c) in stations.items() if c]\n    ranked.sort(key=lambda item: ({key}, item[0]))\n    return ranked\n"
    ask = "Return `(name, fill_ratio)` pairs, **fullest station first**, ties broken by name."
    assert "sorts smallest first" in ignored_requirement_of(ask, rank.format(key="item[1]"))
    assert ignored_requirement_of(ask, rank.format(key="-item[1]")) is None
    # "at or below 20%" compared as a fraction with <, and with <=
    restock = "def restock(stations):\n    return [s['name'] for s in stations if s['capacity'] and s['bikes'] / s['capacity'] {op} 0.2]\n"
    ask = "A station needs restocking when its available bikes are at or below 20% of its capacity."
    assert "leaves 20 out" in ignored_requirement_of(ask, restock.format(op="<"))
    assert ignored_requirement_of(ask, restock.format(op="<=")) is None
    # "raise ValueError" for a relation between good values: a parse that raises for bad text does not answer it
    rental = "from datetime import datetime\n\ndef rental_minutes(checkout, checkin):\n    start, end = datetime.fromisoformat(checkout), datetime.fromisoformat(checkin)\n{guard}    return int((end - start).total_seconds() // 60)\n"
    ask = "If `checkin` is earlier than `checkout` the data is corrupt: raise `ValueError`."
    assert "the code never does" in ignored_requirement_of(ask, rental.format(guard=""))
    assert ignored_requirement_of(ask, rental.format(guard="    if end < start:\n        raise ValueError('corrupt')\n")) is None
    assert ignored_requirement_of("Raise `ValueError` if a timestamp is malformed.", rental.format(guard="")) is None  # fromisoformat refuses it
    # "ignoring differences in case"; a pattern that takes both cases handles case
    dedupe = "def dedupe(titles):\n    seen, out = set(), []\n    for t in titles:\n        key = t.strip(){fold}\n        if key not in seen:\n            seen.add(key)\n            out.append(t)\n    return out\n"
    ask = "Remove duplicate titles, ignoring differences in case and surrounding whitespace, keeping the first occurrence."
    assert "never folds case" in ignored_requirement_of(ask, dedupe.format(fold=""))
    assert ignored_requirement_of(ask, dedupe.format(fold=".casefold()")) is None
    hex_colour = "import re\n\ndef is_hex_colour(value):\n    return re.fullmatch(r'#(?:[0-9a-fA-F]{3}){1,2}', value) is not None\n"
    assert ignored_requirement_of("Validate CSS hex colours, case-insensitive.", hex_colour) is None  # both cases in the pattern
    # a line of words joined by a space: the test must count the space
    wrap = "def wrap(text, width):\n    lines, current = [], ''\n    for word in text.split():\n        if not current:\n            current = word\n        elif len(current) + len(word){one} <= width:\n            current += ' ' + word\n        else:\n            lines.append(current)\n            current = word\n    return lines + [current] if current else lines\n"
    ask = "Word-wrap text greedily; no line may be longer than `width`."
    assert "leaves out the space that joins the word" in ignored_requirement_of(ask, wrap.format(one=""))
    assert ignored_requirement_of(ask, wrap.format(one=" + 1")) is None
    # counts kept under another field than the keys, through sorted() and a name
    flow = "def net_flow(trips):\n    stations = sorted({{t.start for t in trips}}{more})\n    flow = dict.fromkeys(stations, 0)\n    for t in trips:\n        flow[t.start] -= 1\n        flow[t.end] += 1\n    return flow\n"
    assert "so the first .end that is no .start raises KeyError" in trivial(flow.format(more=""))
    assert trivial(flow.format(more=" | {t.end for t in trips}")) is None
    # a month carried by // 12 and never wrapped
    billing = "import calendar\nfrom datetime import date\n\ndef billing_dates(first, months):\n    out = []\n    for offset in range(months):\n        month = {month}\n        year = first.year + (first.month - 1 + offset) // 12\n        out.append(date(year, month, min(first.day, calendar.monthrange(year, month)[1])))\n    return out\n"
    assert "makes month 13 past December" in trivial(billing.format(month="first.month + offset"))
    assert trivial(billing.format(month="(first.month - 1 + offset) % 12 + 1")) is None
    # random's shuffle returns None; divisors stop before n // 2; a floored log of a base
    shuffled = "import random\n\ndef shuffled_copy(playlist, seed):\n    tracks = list(playlist)\n    {body}\n"
    assert "returns None, and the code keeps that None" in trivial(shuffled.format(body="return random.Random(seed).shuffle(tracks)"))
    assert trivial(shuffled.format(body="random.Random(seed).shuffle(tracks)\n    return tracks")) is None
    perfect = "def perfect(limit):\n    return [n for n in range(2, limit + 1) if sum(d for d in range(1, n // 2{plus}) if n % d == 0) == n]\n"
    assert "stops before n // 2" in trivial(perfect.format(plus=""))
    assert trivial(perfect.format(plus=" + 1")) is None
    digits = "import math\n\ndef digit_count(n, base=10):\n    return {body} if n else 1\n"
    assert "math.log(1000, 10) is 2.9999999999999996" in trivial(digits.format(body="int(math.log(abs(n), base)) + 1"))
    assert trivial(digits.format(body="len(str(abs(n)))")) is None
    # a read after a lower-bound test alone: xs[-1] raises nothing
    pig = "def cluster_end(word):\n    i = 0\n    while i < len(word):\n        if word[i] in 'aeiou' or (word[i] == 'y' and i > 0):\n            break\n        i += 1\n    return i\n"
    assert trivial(pig) is None
    # a condition written with a math function names no function to write; a raise-guard is no range check
    inverse = "def mod_inverse(a, m):\n    r0, r1, s0, s1 = a % m, m, 1, 0\n    while r1:\n        q = r0 // r1\n        r0, r1, s0, s1 = r1, r0 - q * r1, s1, s0 - q * s1\n    if r0 != 1:\n        raise ValueError('no inverse')\n    return s0 % m\n"
    assert named_but_not_defined("Raise `ValueError` if the inverse does not exist (`gcd(a, m) != 1`).", inverse) is None
    assert named_but_not_defined("Write `gcd(a, b)` and use it.", inverse) == "gcd"
    farey = "from fractions import Fraction\n\ndef farey(n):\n    if n < 1:\n        raise ValueError('order')\n    a, b, c, d = 0, 1, 1, n\n    out = [Fraction(a, b)]\n    while c <= n:\n        k = (n + b) // d\n        a, b, c, d = c, d, k * c - a, k * d - b\n        out.append(Fraction(a, b))\n    return out\n"
    assert ignored_requirement_of("Return all reduced fractions between 0 and 1 (inclusive) with denominators at most n.", farey) is None
    # "e.g." and then a worked example is no input to try
    months = "def month_lengths(start: str, end: str):\n    return []\n"
    ask = "Implement `month_lengths(start: str, end: str)`, e.g.\n\n    month_lengths('2023-12', '2024-02') -> [('2023-12', 31)]\n"
    assert accepted_input_claims(ask, ast.parse(months), ask) == []
    assert accepted_input_claims("Lines such as\n\n    2023-12\n", ast.parse(months), "Lines such as\n\n    2023-12\n") != []


def test_blind106_to_108s_good_rows_kept():
    """blind106-108, good rows lost on arrival: "if a function raises ValueError ..., store None instead" asks to catch,
    not to raise; a sort of one item's own numbers orders no records."""
    transforms = "def apply_transforms(records, transforms):\n    out = []\n    for rec in records:\n        new = dict(rec)\n        for field, func in transforms.items():\n            if field in new:\n{body}        out.append(new)\n    return out\n"
    caught = "                try:\n                    new[field] = func(new[field])\n                except (ValueError, TypeError):\n                    new[field] = None\n"
    ask = "If a function raises `ValueError` or `TypeError` for a value, store `None` for that field instead of failing."
    assert ignored_requirement_of(ask, transforms.format(body=caught)) is None
    assert "catches it and goes on instead" in ignored_requirement_of("Raise `ValueError` when a value cannot be converted.", transforms.format(body=caught))
    box = ("def choose_box(item: tuple[float, float, float], boxes):\n    dims = sorted(item)\n    best = None\n    for name, l, w, h in boxes:\n"
           "        if all(i <= b for i, b in zip(dims, sorted((l, w, h)))):\n            c = (l * w * h, name)\n            best = c if best is None or c < best else best\n    return best and best[1]\n")
    assert ignored_requirement_of("Choose the smallest box; on equal volume choose the alphabetically first name.", box) is None
    ranked = "def rank(rows):\n    return [name for _, name in sorted(rows)]\n"
    assert "sorts by the whole item" in ignored_requirement_of("Order by score; for equal scores keep the earlier entry first.", ranked)


def test_blind109_to_111s_good_rows_kept():
    """blind109-111, good rows lost on arrival: "senior (65 and over)" met by ``age < 65`` for the tier below; a
    weekday test is no tier's bound; months walked from the least to the greatest need no sort; "in a single pass
    over the board" says how to read the input, not that it is one-shot."""
    ages = ("def age_category(age: int) -> str:\n    if age < 13:\n        return 'child'\n    if age {op} 64:\n        return 'adult'\n    return 'senior'\n")
    ask = "Return `'child'` (under 13), `'adult'` (13 to 64) or `'senior'` (65 and over)."
    assert ignored_requirement_of(ask, ages.format(op="<=")) is None
    assert ignored_requirement_of(ask, ages.replace("age {op} 64", "age < 65")) is None
    grades = "def grade(score):\n    for bound, letter in ((90, 'A'), (80, 'B')):\n        if score {op} bound:\n            return letter\n    return 'F'\n"
    ask = "Map a score to 'A' (90 and above), 'B' (80-89) or 'F' (below 80)."
    assert ignored_requirement_of(ask, grades.format(op=">")) == (
        "the instruction's tiers run '(90 and above)' and its comparison score > bound (line 3) leaves the bound to the next tier")
    assert ignored_requirement_of(ask, grades.format(op=">=")) is None
    business = ("from datetime import date, timedelta\n\n\ndef business_days_between(sent: date, received: date) -> int:\n    count = 0\n"
                "    for offset in range(1, (received - sent).days + 1):\n        if (sent + timedelta(days=offset)).weekday() < 5:\n            count += 1\n    return count\n")
    assert ignored_requirement_of("Count the weekdays after `sent` up to and including `received`.", business) is None
    months = ("from collections import Counter\n\n\ndef monthly(dates):\n    counts = Counter((d.year, d.month) for d in dates)\n    year, month = min(counts)\n"
              "    result = {}\n    while (year, month) <= max(counts):\n        result[f'{year}-{month:02d}'] = counts[(year, month)]\n"
              "        month += 1\n        if month == 13:\n            year, month = year + 1, 1\n    return result\n")
    ask = "Given checkout dates in any order, count checkouts per month, including months with zero checkouts (gaps would mislead)."
    assert ignored_requirement_of(ask, months) is None
    assert ignored_requirement_of(ask, months.replace("min(counts)", "next(iter(counts))")) == "the instruction gives the items in any order and the code never sorts them"
    ships = "def count_ships(board: list[list[str]]) -> int:\n    return sum(1 for r in range(len(board)) for c in range(len(board[r])) if board[r][c] == 'X' and (r == 0 or board[r - 1][c] != 'X') and (c == 0 or board[r][c - 1] != 'X'))\n"
    assert ignored_requirement_of("Count the ships on `board` in a single pass over the board, with O(1) extra memory.", ships) is None


def test_blind109_to_111s_parts_left_out():
    """A dict's keys listed as bullets, a stub class's methods listed in its docstring, ``a & b`` among a class's
    operations, a scale of twelve bounds, a signature's return value on every path, a recursion that never moves:
    each left out is removed; each kept is not."""
    summary = "import statistics\n\n\ndef roll_summary(rolls):\n    return {{'mean': statistics.mean(rolls), 'median': statistics.median(rolls), 'mode': max(rolls, key=rolls.count){more}}}\n"
    ask = "Write `roll_summary(rolls)`. It should return a dict with these keys:\n\n- `'mean'` - the average\n- `'median'`\n- `'mode'` - the most common value\n- `'range'` - largest minus smallest\n"
    assert check(ask, summary.format(more="")) == "the instruction asks for the key 'range' of the dict roll_summary() returns (it returns mean, median, mode) and the code leaves it out"
    assert check(ask, summary.format(more=", 'range': max(rolls) - min(rolls)")) is None
    ledger = ("class InventoryLedger:\n    def __init__(self):\n        self.stock, self.log = {}, []\n\n    def receive(self, sku, qty):\n        self.stock[sku] = self.stock.get(sku, 0) + qty\n"
              "        self.log.append(('receive', qty))\n\n    def on_hand(self, sku):\n        return self.stock.get(sku, 0)\n")
    ask = ('Implement this class:\n\n```python\nclass InventoryLedger:\n    """Tracks stock per SKU.\n\n    receive(sku, qty)  -- add stock\n'
           '    on_hand(sku)       -- current quantity\n    history(sku)       -- the (action, qty) tuples so far\n    """\n```\n')
    assert check(ask, ledger) == "the instruction asks for the method history and the code leaves it out"
    assert check(ask, ledger + "\n    def history(self, sku):\n        return list(self.log)\n") is None
    bitset = "class BitSet:\n    def __init__(self, mask=0):\n        self.mask = mask\n\n    def __or__(self, other):\n        return BitSet(self.mask | other.mask)\n"
    ask = "Implement a class `BitSet` storing a set of ints in one int. It must support:\n\n- `a | b` (union) and `a & b` (intersection), both returning a new `BitSet`.\n"
    assert check(ask, bitset) == "the instruction asks for the operator `&` (no __and__) and the code leaves it out"
    assert check(ask, bitset + "\n    def __and__(self, other):\n        return BitSet(self.mask & other.mask)\n") is None
    beaufort = "LIMITS = [{limits}]\n\n\ndef beaufort_force(speed):\n    for force, limit in enumerate(LIMITS):\n        if speed < limit:\n            return force\n    return len(LIMITS)\n"
    ask = "Write `beaufort_force(speed)`. Lower bounds for forces 1..12 are 0.5, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5 and 32.7 m/s; below 0.5 is force 0."
    assert check(ask, beaufort.format(limits="0.5, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8")) == (
        "the instruction asks for the bound 24.5 (one of the 12 the instruction lists) and the code leaves it out")
    assert check(ask, beaufort.format(limits="0.5, 1.6, 3.4, 5.5, 8.0, 10.8, 13.9, 17.2, 20.8, 24.5, 28.5, 32.7")) is None
    assert check("Write `fib()` returning the first terms 0, 1, 1, 2, 3, 5 and 8 of the Fibonacci sequence.", "def fib():\n    return [0, 1, 1, 2, 3]\n") is None  # terms, not a scale
    charge = "def lost_item_charge(price, days_overdue):\n    charge = price + 5\n    if days_overdue > 0:\n        return charge + min(days_overdue * 0.25, price)\n{rest}"
    ask = "Write `lost_item_charge(price: float, days_overdue: int) -> float`: the price, a $5 fee, and the overdue fine if any."
    assert "lost_item_charge() at line 1 returns a value as the instruction's signature asks and reaches its end on some path" in trivial(charge.format(rest=""), ask)
    assert trivial(charge.format(rest="    return charge\n"), ask) is None
    assert trivial(charge.format(rest=""), ask.replace("-> float", "-> float | None")) is None
    series = "def series_position(isbn, follows):\n    previous = follows.get(isbn)\n    if previous is None:\n        return 1\n    return 1 + series_position({args})\n"
    assert trivial(series.format(args="isbn, follows")) == (
        "never ends: series_position() calls itself with its own arguments unchanged (series_position(isbn, follows), line 5): the call never gets closer to an end")
    assert trivial(series.format(args="previous, follows")) is None
    walk = "def drain(stack, seen):\n    if not stack:\n        return seen\n    seen.add(stack.pop())\n    return drain(stack, seen)\n"
    assert trivial(walk) is None  # the same objects, changed before the call
    fill = ("def flood_fill(image, sr, sc, new_color):\n{copy}    original = image[sr][sc]\n    if original == new_color:\n        return image\n"
            "    stack = [(sr, sc)]\n    while stack:\n        r, c = stack.pop()\n        if 0 <= r < len(image) and 0 <= c < len(image[0]) and image[r][c] == original:\n"
            "            image[r][c] = new_color\n            stack += [(r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)]\n    return image\n")
    ask = "Return the filled image as a new grid: the input `image` must not be modified."
    assert ignored_requirement_of(ask, fill.format(copy="")) == "the instruction asks to leave the input unchanged and the code mutates it (image[r][c] = ...)"
    assert ignored_requirement_of(ask, fill.format(copy="    image = [row[:] for row in image]\n")) is None
    report = ("def threshold_report(readings, low, high):\n    report = {'too_cold': [], 'too_hot': [], 'ok': 0}\n    for ts, temp in readings:\n"
              "        if temp > high:\n            report['too_hot'].append(ts)\n{cold}        elif temp >= low:\n            report['ok'] += 1\n    return report\n")
    assert trivial(report.replace("{cold}", "")) == (
        "unfinished: threshold_report() starts report['too_cold'] empty and never fills it, while it fills report['too_hot']: that part of the answer is always empty")
    assert trivial(report.replace("{cold}", "        elif temp < low:\n            report['too_cold'].append(ts)\n")) is None
    assert trivial(report.replace("{cold}", "").replace("report['too_hot'].append(ts)", "report[kind_of(temp)].append(ts)")) is None  # a computed key


@pytest.mark.slow  # two dozen rows through every row check: the quick subset keeps its 3-minute budget
def test_blind112_to_114s_lessons():
    """blind112-114: a table's last band left out of the code's strings; a status decided in every branch and never
    returned; a tuple of two values answered by the list of one; "rounded to 2 decimals" asked and nothing rounded;
    an input's inner lists sorted in place. And the good rows lost on arrival: "distinct minutes" of merged intervals,
    a value's kind named in parentheses, a version grammar ``N(.N)*``, "has no packages" of the data, a set per key."""
    doneness = "BANDS = [(120, 'blue'), (130, 'rare'), (140, 'medium rare'){last}]\n\n\ndef doneness(temp_f):\n    for upper, label in BANDS:\n        if temp_f < upper:\n            return label\n    return {fallback}\n"
    ask = ("Map a steak's temperature to its doneness with `doneness(temp_f)`:\n\n| temperature | doneness |\n|---|---|\n| below 120 | `\"blue\"` |\n"
           "| 120-129 | `\"rare\"` |\n| 130-139 | `\"medium rare\"` |\n| 140 and above | `\"well done\"` |\n")
    assert check(ask, doneness.format(last="", fallback="None")) == "the instruction asks for the string 'well done' (one of the lines it lists) and the code leaves it out"
    assert check(ask, doneness.format(last="", fallback="'well done'")) is None
    use_by = ("from datetime import date, timedelta\n\n\ndef use_by(prepped_on, days, today):\n    when = prepped_on + timedelta(days=days)\n"
              "    if when < today:\n        status = 'DISCARD'\n    elif when == today:\n        status = 'USE TODAY'\n    else:\n        status = 'OK'\n    return {answer}\n")
    assert trivial(use_by.format(answer="when")) == "lost work: use_by() computes status (line 7) and never uses it"
    assert trivial(use_by.format(answer="when, status")) is None
    safe = "def make_safe(ingredients, banned):\n    kept = []\n    for item in ingredients:\n        if item not in banned:\n            kept.append(item)\n    return {answer}\n"
    ask = "Write `make_safe(ingredients, banned)`. Return a tuple `(kept, dropped)` of the ingredients kept and those left out."
    assert check(ask, safe.format(answer="kept")) == "make_safe returns a list where the instruction says it returns a tuple"
    assert check(ask, safe.format(answer="kept, [i for i in ingredients if i in banned]")) is None
    assert check(ask, safe.format(answer="[kept, [i for i in ingredients if i in banned]]")) is None  # the pair as a list: sloppy, not another answer
    miles = "def miles_to_km(distances):\n    return [{value} for miles in distances]\n"
    ask = "Write `miles_to_km(distances)`. Each converted value must be **rounded to 2 decimals**."
    assert check(ask, miles.format(value="miles * 1.609344")) == "the instruction asks for a result 'rounded to 2 decimals' and the code never rounds (no round(), quantize or precision in a format)"
    assert check(ask, miles.format(value="round(miles * 1.609344, 2)")) is None
    graph = "def normalized_graph(graph):\n    result = {{}}\n    for package, deps in graph.items():\n{body}    return result\n"
    ask = "Return a new dependency graph whose lists are sorted and free of duplicates. **The input graph must not be modified.**"
    assert ignored_requirement_of(ask, graph.format(body="        deps.sort()\n        result[package] = list(dict.fromkeys(deps))\n")) == (
        "the instruction asks to leave the input unchanged and the code mutates it (deps.sort() on an item of graph)")
    assert ignored_requirement_of(ask, graph.format(body="        result[package] = sorted(set(deps))\n")) is None
    sessions = ("def merge_sessions(sessions):\n    merged = []\n    for start, end in sorted(sessions):\n        if merged and start <= merged[-1][1]:\n"
                "            merged[-1] = (merged[-1][0], max(merged[-1][1], end))\n        else:\n            merged.append((start, end))\n    return merged\n\n\n"
                "def total_active_minutes(sessions):\n    return sum(end - start for start, end in merge_sessions(sessions))\n")
    assert check("Write `total_active_minutes(sessions)` returning the number of distinct active minutes of overlapping `(start, end)` sessions.", sessions) is None
    longest = "import heapq\n\n\ndef longest_workouts(workouts, k):\n    return heapq.nsmallest(k, workouts, key=lambda w: (-w['minutes'], w['date']))\n"
    assert check("Write `longest_workouts(workouts, k)` where each workout is a dict with a `\"date\"` (`datetime.date`) and `\"minutes\"` (int): the k longest.", longest) is None
    pep = "import re\n\n\ndef sort_versions(versions):\n    return sorted(versions, key=lambda v: [int(p) for p in re.findall(r'\\d+', v)])\n"
    assert check("Write `sort_versions(versions: list[str])` for versions of the form `N(.N)*`.", pep) is None
    lock = "import json\n\n\ndef load_lock(text):\n    data = json.loads(text)\n    return {name: entry['version'] for name, entry in data.get('packages', {}).items()}\n"
    ask = "Write `load_lock(text)` returning `{name: version}` for every entry under `\"packages\"`. A lockfile without a `\"packages\"` key has no packages."
    assert check(ask, lock) is None
    assert ignored_requirement_of("Parse the lockfile by hand: no imports.", lock) == "the instruction forbids imports ('no imports') and the code imports json"
    pins = ("from collections import defaultdict\n\n\ndef conflicting_pins(locks):\n    seen = defaultdict(set)\n    for lock in locks:\n        for name, version in lock.items():\n"
            "            seen[name].add(version)\n    return {name: sorted(v) for name, v in seen.items() if len(v) > 1}\n")
    assert ignored_requirement_of("Map each package pinned to several versions to the sorted list of them (no duplicates).", pins) is None
    bump = ("def next_free_version(version, published):\n    major, minor, patch = (int(p) for p in version.split('.'))\n    candidate = (major, minor, patch + 1)\n"
            "    while '.'.join(map(str, candidate)) in published:\n        candidate = {step}\n    return '.'.join(map(str, candidate))\n")
    assert trivial(bump.format(step="(major, minor, patch + 1)")).startswith("never ends: the while loop at line 4")
    assert trivial(bump.format(step="(major, minor, candidate[2] + 1)")) is None
    sort_ask = "Write `sort_array(array)`: ascending if the first and last values sum to an odd number. Examples: `sort_array([2, 4, 3, 0, 1, 5])` => `[0, 1, 2, 3, 4, 5]`"
    assert check(sort_ask, "def sort_array(array):\n    return sorted(array, reverse=bool(array) and (array[0] + array[-1]) % 2 == 0)\n") is None  # HumanEval/88: a list shown, no scale


def test_blind115_to_120s_lessons():
    """blind115-120: a CSV field used as a number; a method used without its call; a guard that lets the end through;
    a while loop with nothing to stop it at the end; dicts compared when their keys tie (a merge, nlargest, a best
    entry); a deque sliced; a regex group that does not exist; a text handed to csv.reader; a heap's first items; a
    repeated group under findall; a total's timedelta.seconds; JSON keys looked up as ints; output tuples short of a
    field; a CSV header never written; the last batch dropped; a pattern search that restarts on its own match; a
    root that is its own parent, recursively. And the good rows lost on arrival: a canonical JSON sorted where the
    file around it is not, "contains: a, b." listing items, a header of the input's columns, "no rows" answered by
    a literal of empty values, a loop that steps before it counts up to and including its bound."""
    overweight = "import csv\nimport io\n\n\ndef overweight_bags(csv_text: str, limit: float = 23) -> list:\n    return [row['tag'] for row in csv.DictReader(io.StringIO(csv_text)) if {weight} > limit]\n"
    assert trivial(overweight.format(weight="row['weight_kg']")) == (
        "always an error: row['weight_kg'] > limit (line 6): a CSV field is a str, and using it as a number raises TypeError")
    assert trivial(overweight.format(weight="float(row['weight_kg'])")) is None
    inactive = ("from datetime import datetime\n\n\ndef inactive(stamps, today):\n    out = []\n    for member, stamp in stamps.items():\n"
                "        last = datetime.strptime(stamp, '%Y-%m-%d %H:%M')\n        if (today - last.{date}).days > 365:\n            out.append(member)\n    return sorted(out)\n")
    assert trivial(inactive.format(date="date")).startswith("misused call: today - last.date (line 8) uses the method last.date as a value")
    assert trivial(inactive.format(date="date()")) is None
    assert trivial("class Log:\n    def __init__(self):\n        self.items = []\n\n    def more(self, extra):\n        return self.items + extra\n") is None
    neighbours = "def neighbours(seat, block):\n    i = block.index(seat)\n    out = []\n    if i + 1 {op} len(block):\n        out.append(block[i + 1])\n    return out\n"
    assert trivial(neighbours.format(op="<=")) == "always an error: i + 1 <= len(block) lets block[i + 1] read one past the end (line 5): IndexError"
    assert trivial(neighbours.format(op="<")) is None
    drop = "def first_big_drop(scores, threshold=10):\n    if len(scores) < 2:\n        return -1\n    i = 1\n    while {test}:\n        i += 1\n    return i\n"
    assert trivial(drop.format(test="scores[i - 1] - scores[i] <= threshold")).startswith("always an error: while scores[i - 1] - scores[i] <= threshold (line 5) steps i past the end")
    assert trivial(drop.format(test="i < len(scores) and scores[i - 1] - scores[i] <= threshold")) is None
    window = ("def busiest(times, window):\n    best = left = 0\n    for right, t in enumerate(times):\n        while t - times[left] >= window:\n"
              "            left += 1\n        best = max(best, right - left + 1)\n    return best\n")
    assert trivial(window) is None  # the window's own item stops it
    merge = "import heapq\n\n\ndef merge_boards(*boards):\n    streams = [({pair} for f in board) for board in boards]\n    return [f for *_, f in heapq.merge(*streams)]\n"
    assert trivial(merge.format(pair="(f['dep'], f)")).startswith("misused call: heapq.merge(*streams) (line 6): on equal keys it compares the dicts (f)")
    assert trivial(merge.format(pair="(f['dep'], f['flight'], f)")) is None
    slowest = "import heapq\n\n\ndef slowest(requests, k=5):\n    pairs = [(r['ms'], r) for r in requests]\n    return [r for _, r in heapq.nlargest(k, pairs{key})]\n"
    assert "on equal keys it compares the dicts (r)" in trivial(slowest.format(key=""))
    assert trivial(slowest.format(key=", key=lambda p: p[0]")) is None
    best = ("from statistics import mean\n\n\ndef top(students):\n    best = {}\n    for s in students:\n        entry = (mean(s['scores']), s)\n"
            "        if s['room'] not in best or entry > best[s['room']]:\n            best[s['room']] = entry\n    return best\n")
    assert "entry > best[s['room']] (line 8): on equal keys it compares the dicts (s)" in trivial(best)
    recent = "from collections import deque\n\n\nclass Recent:\n    def __init__(self, size=10):\n        self._items = deque(maxlen=size)\n\n    def last(self, n):\n        return {value}\n"
    assert trivial(recent.format(value="list(self._items[-n:])")) == "misused call: self._items[-n:] (line 9) slices a deque, which takes only an index: TypeError"
    assert trivial(recent.format(value="list(self._items)[-n:]")) is None
    grouped = "import re\n\nLINE = re.compile(r'\\[req=(?P<req_id>\\w+)\\] (?P<message>.*)')\n\n\ndef ids(lines):\n    return [m.group('{name}') for m in map(LINE.search, lines) if m]\n"
    assert trivial(grouped.format(name="req_id")) is None  # the match comes from map(): not read, and the group exists anyway
    single = "import re\n\nLINE = re.compile(r'\\[req=(?P<req_id>\\w+)\\]')\n\n\ndef request_id(line):\n    match = LINE.search(line)\n    return match.group('{name}') if match else None\n"
    assert trivial(single.format(name="request_id")) == "misused call: match.group('request_id') (line 8): the pattern has no group 'request_id', so every match raises IndexError"
    assert trivial(single.format(name="req_id")) is None
    rows = "import csv\nimport io\n\n\ndef count_rows(csv_text: str) -> int:\n    return len(list(csv.reader({given}))) - 1\n"
    assert trivial(rows.format(given="csv_text")).startswith("misused call: csv.reader(csv_text) (line 6) reads the str csv_text one character per row")
    assert trivial(rows.format(given="io.StringIO(csv_text)")) is None
    heaviest = "import heapq\n\n\ndef heaviest(weights, k):\n    heap = [(-w, t) for t, w in weights.items()]\n    heapq.heapify(heap)\n    return [t for _, t in {taken}]\n"
    assert trivial(heaviest.format(taken="heap[:k]")) == "misused call: heap[:k] (line 7) takes the first items of a heap, which is in order only at [0]"
    assert trivial(heaviest.format(taken="heapq.nsmallest(k, heap)")) is None
    ips = "import re\n\nIPV4 = re.compile(r'{pattern}')\n\n\ndef distinct_ips(lines):\n    return len({{ip for line in lines for ip in IPV4.findall(line)}})\n"
    assert "findall gives the one group" in trivial(ips.format(pattern="\\\\b(\\\\d{1,3}\\\\.){3}\\\\d{1,3}\\\\b"))
    assert trivial(ips.format(pattern="\\\\b(?:\\\\d{1,3}\\\\.){3}\\\\d{1,3}\\\\b")) is None
    played = "from datetime import timedelta\n\n\ndef total_minutes(sessions):\n    total = sum((end - start for start, end in sessions), timedelta())\n    return {value}\n"
    assert trivial(played.format(value="total.seconds // 60")).startswith("misused call: total.seconds (line 6): timedelta.seconds leaves out whole days")
    assert trivial(played.format(value="int(total.total_seconds() // 60)")) is None
    quote = "import json\n\n\ndef quote(rate_json: str, zone: int) -> float:\n    card = json.loads(rate_json)\n    return card[{key}][0][1]\n"
    ask = 'Our rate card is JSON, e.g.\n\n```json\n{"1": [[1, 4.5], [5, 7.25]], "2": [[1, 5.1]]}\n```\n\nWrite `quote(rate_json: str, zone: int) -> float`.'
    assert check(ask, quote.format(key="zone")) == "the instruction's JSON keys are strings and card[zone] (line 6) looks up the int zone: it never finds it"
    assert check(ask, quote.format(key="str(zone)")) is None
    summary = "def monthly_summary(rows):\n    months = sorted({{month for month, _, _ in rows}})\n    return [{item} for month in months]\n"
    ask = "Input: a list of `(month, credit, debit)` rows. Output: a list of `(month, credits, debits, net)` tuples in chronological order."
    assert check(ask, summary.format(item="(month, 1, 2)")) == (
        "the instruction asks for (month, credits, debits, net) tuples and monthly_summary() builds them with 3 fields ((month, 1, 2), line 3)")
    assert check(ask, summary.format(item="(month, 1, 2, -1)")) is None
    records = ("import csv\nimport io\n\nCOLUMNS = ['ts', 'level', 'message']\n\n\ndef records_to_csv(records):\n    buffer = io.StringIO()\n"
               "    writer = csv.writer(buffer, lineterminator='\\n')\n{header}    for record in records:\n        writer.writerow([record[c] for c in COLUMNS])\n    return buffer.getvalue()\n")
    ask = "Write `records_to_csv(records)` that turns log records into CSV text: first a header row `ts,level,message`, then one row per record."
    assert check(ask, records.format(header="")) == "the instruction asks for the header row (the code's csv writer never writes one) and the code leaves it out"
    assert check(ask, records.format(header="    writer.writerow(COLUMNS)\n")) is None
    batches = "def make_batches(lines, size):\n    batches, current = [], []\n    for line in lines:\n        if len(current) == size:\n            batches.append(current)\n            current = []\n        current.append(line)\n{tail}    return batches\n"
    assert trivial(batches.format(tail="")).startswith("misused call: batches.append(current) only when a new one starts (line 5)")
    assert trivial(batches.format(tail="    if current:\n        batches.append(current)\n")) is None
    offsets = ("import re\n\nERROR = re.compile(r'^ERROR', re.MULTILINE)\n\n\ndef error_offsets(text):\n    found, pos = [], 0\n    while True:\n"
               "        match = ERROR.search(text, pos)\n        if match is None:\n            break\n        found.append(match.start())\n        pos = match.{end}()\n    return found\n")
    assert trivial(offsets.format(end="start")).startswith("never ends: the while loop at line 8 searches from pos and then sets pos = match.start()")
    assert trivial(offsets.format(end="end")) is None
    root = "def root_of(span, parents):\n    parent = parents.get(span)\n    if parent is None{same}:\n        return span\n    return root_of(parent, parents)\n"
    ask = "Spans are logged as `span=<id> parent=<id>`; a root span is logged with its parent equal to its own id. Write `root_of(span, parents)`."
    assert trivial(root.format(same=""), ask).startswith("never ends: root_of() calls itself with parent = parents.get(span) (line 5)")
    assert trivial(root.format(same=" or parent == span"), ask) is None


def test_blind115_to_120s_good_rows_lost_on_arrival():
    """The good rows of blind115-120 lost on arrival at 9b5592a, each a reading the checks now make."""
    save = ("import hashlib\nimport json\n\n\ndef _digest(state):\n    return hashlib.sha256(json.dumps(state, sort_keys=True).encode()).hexdigest()\n\n\n"
            "def wrap_save(state):\n    return json.dumps({'data': state, 'checksum': _digest(state)})\n")
    assert check("Write `wrap_save(state)`: JSON of the state and a checksum of its canonical JSON, where canonical means `sort_keys=True`.", save) is None
    box = ("class Box:\n    def __init__(self, name, contents):\n        self.name, self.contents, self.is_open = name, list(contents), False\n\n"
           "    def look_inside(self):\n        if not self.is_open:\n            return f'The {self.name} is closed.'\n        return f\"The {self.name} contains: {', '.join(self.contents)}.\"\n")
    assert check('Write a `Box` class whose `look_inside()` returns `"The <name> is closed."` or `"The <name> contains: a, b."`.', box) is None
    manifest = ("import csv\nimport io\n\n\ndef weight_by_passenger(csv_text: str) -> dict:\n    totals = {}\n    for record in csv.DictReader(io.StringIO(csv_text)):\n"
                "        totals[record['passenger']] = totals.get(record['passenger'], 0.0) + float(record['weight_kg'])\n    return totals\n")
    assert check("Write `weight_by_passenger(csv_text)` for a baggage manifest in CSV format with the header row `passenger,bag_id,weight_kg`.", manifest) is None
    report = ("import csv\nimport io\nimport statistics\n\n\ndef score_report(csv_text):\n    rows = [(r['name'], int(r['score'])) for r in csv.DictReader(io.StringIO(csv_text))]\n"
              "    if not rows:\n        return {'count': 0, 'mean': None, 'best': None}\n"
              "    return {'count': len(rows), 'mean': statistics.mean(r[1] for r in rows), 'best': max(rows, key=lambda r: r[1])[0]}\n")
    assert trivial(report, "", "assert score_report('name,score\\n') == {'count': 0, 'mean': None, 'best': None}\n") is None
    transit = ("from datetime import timedelta\n\n\ndef transit_days(shipped, delivered):\n    count, current = 0, shipped\n    while current < delivered:\n"
               "        current += timedelta(days=1)\n        if current.weekday() < 5:\n            count += 1\n    return count\n")
    assert check("Write `transit_days(shipped, delivered)`: the weekdays after the ship date up to and including the delivery date.", transit) is None


def test_blind115_to_120s_requirements():
    """blind115-120's ignored requirements: a tie order said as "equal X must be ordered by Y ascending", and an input
    that must not change changed through another name for it (``updated = seat_map``)."""
    rank = "def rank_accounts(balances):\n    return sorted(balances, key={key}, reverse=True)\n"
    ask = "Write `rank_accounts(balances)` returning the account ids by balance, highest first. Accounts with equal balances must be ordered by account id ascending."
    assert check(ask, rank.format(key="balances.get")).startswith("the instruction asks for 'equal balances must be ordered by account id ascending' and its one sort")
    assert check(ask, "def rank_accounts(balances):\n    return sorted(balances, key=lambda a: (-balances[a], a))\n") is None
    release = "def release(seat_map, cancelled):\n    updated = {copy}\n    for seat, name in seat_map.items():\n        if name in cancelled:\n            updated[seat] = None\n    return updated\n"
    ask = "Write `release(seat_map, cancelled)` returning the map with the cancelled passengers' seats free. **Do not modify the input map.**"
    assert ignored_requirement_of(ask, release.format(copy="seat_map")) == "the instruction asks to leave the input unchanged and the code mutates it (updated[seat] = ...)"
    assert ignored_requirement_of(ask, release.format(copy="dict(seat_map)")) is None


def test_a_mean_per_group_and_a_sign_that_selects():
    """blind115 and blind116: "a dict mapping each flight to the average weight of its bags" divided by every bag's
    count; "for each day with a **negative** balance" summed over ``abs()`` of every day. "An array that may consist
    entirely of negative numbers" selects nothing."""
    bags = ("from collections import defaultdict\n\n\ndef average_bag_weight(bags):\n    totals, counts = defaultdict(float), defaultdict(int)\n"
            "    for flight, weight in bags:\n        totals[flight] += weight\n        counts[flight] += 1\n"
            "    return {{flight: round(total / {count}, 1) for flight, total in totals.items()}}\n")
    ask = "Write `average_bag_weight(bags)` for `(flight, weight_kg)` tuples; return a dict mapping each flight to the average weight of its bags."
    assert check(ask, bags.format(count="len(bags)")).startswith("the instruction asks for an average per group and total / len(bags)")
    assert check(ask, bags.format(count="counts[flight]")) is None
    interest = "def overdraft_interest(daily_balances, annual_rate):\n    return sum({days}) * annual_rate / 365\n"
    ask = "Write `overdraft_interest(daily_balances, annual_rate)`. For each day with a **negative** balance, interest is `-balance * annual_rate / 365`."
    assert check(ask, interest.format(days="abs(b) for b in daily_balances")) == (
        "the instruction counts only 'with a negative balance' and nothing in the code tells a negative number from a positive one")
    assert check(ask, interest.format(days="-b for b in daily_balances if b < 0")) is None
    kadane = "def max_subarray(nums):\n    best = current = nums[0]\n    for x in nums[1:]:\n        current = max(x, current + x)\n        best = max(best, current)\n    return best\n"
    assert check("Return the largest subarray sum of `nums`, which may consist entirely of negative numbers.", kadane) is None


def test_blind121_to_123s_good_rows_lost_on_arrival():
    """The good rows of blind121-123 (a hotel, a sports league, a spreadsheet engine) lost on arrival at 22c16f0: a
    spreadsheet's `COUNTIF(` is no function to write; an example's `["A1", "B1"]` are values, not strings to spell; a
    membership test that lists the cases kept leaves the other out on purpose; "min stay N" written as
    f"min stay {n}"; a dict keyed by a helper's (row, col); "with these methods:"; corners in any order put in order
    by min() and max(); a number of at most two digits checked by a pattern."""
    shift = "import re\n\n\ndef shift_rows(formula, at_row, count):\n    return re.sub(r'([A-Z]+)(\\d+)(?![\\w(])', lambda m: m.group(1) + str(int(m.group(2)) + count * (int(m.group(2)) >= at_row)), formula)\n"
    assert check("Write `shift_rows(formula, at_row, count)` moving references at or below `at_row` down. Function names like `LOG10(` are not references.", shift) is None
    expand = ("import re\n\n\ndef _split(ref):\n    m = re.fullmatch(r'([A-Za-z]+)([0-9]+)', ref)\n    return ord(m.group(1).upper()) - 64, int(m.group(2))\n\n\n"
              "def expand_range(rng):\n    first, _, second = rng.partition(':')\n    (c1, r1), (c2, r2) = _split(first), _split(second or first)\n"
              "    return [f'{chr(64 + c)}{r}' for r in range(min(r1, r2), max(r1, r2) + 1) for c in range(min(c1, c2), max(c1, c2) + 1)]\n")
    assert check('Write `expand_range(rng)` for a range such as `A1:B2`. Example: `expand_range("b2:a1")` returns `["A1", "B1", "A2", "B2"]`.', expand) is None
    scorers = "from collections import Counter\n\n\ndef top_scorers(events):\n    goals = Counter(e['player'] for e in events if e['type'] in ('goal', 'penalty'))\n    return sorted(goals)\n"
    ask = 'Write `top_scorers(events)`. The type is one of "goal", "penalty" or "own_goal"; own goals do not count for anybody.'
    assert check(ask, scorers) is None
    assert check(ask, scorers.replace("in ('goal', 'penalty')", "!= 'x'").replace("return sorted(goals)", "return sorted(goals) if 'goal' and 'penalty' else []")) is not None
    stays = "def violations(nights, required, arriving_closed):\n    out = []\n    if nights < required:\n        out.append(f'min stay {required}')\n    if arriving_closed:\n        out.append('closed to arrival')\n    return out\n"
    assert check('Write `violations(nights, required, arriving_closed)`. Messages: "min stay N", "closed to arrival", "closed to departure".', stays) == (
        "the instruction asks for the string 'closed to departure' and the code leaves it out")
    export = ("def _pos(ref):\n    return int(ref[1:]), ord(ref[0]) - 64\n\n\ndef export_rows(cells):\n    positions = {_pos(ref): value for ref, value in cells.items()}\n"
              "    return max(r for r, _ in positions), max(c for _, c in positions)\n")
    assert trivial(export) is None
    undo = "class Sheet:\n    def __init__(self):\n        self.cells = {}\n\n    def set(self, ref, value):\n        self.cells[ref] = value\n\n    def get(self, ref):\n        return self.cells.get(ref)\n"
    assert check("Write a class `Sheet` for a spreadsheet with these methods:\n\n- `set(ref, value)`: store a value;\n- `get(ref)`: read it.", undo) is None
    score = "import re\n\n_SCORE = re.compile(r'(?:0|[1-9][0-9]?) *- *(?:0|[1-9][0-9]?)')\n\n\ndef is_valid_score(text):\n    return _SCORE.fullmatch(text) is not None\n"
    assert check("Write `is_valid_score(text)` that returns True when text is a valid score: each number is between 0 and 99.", score) is None


def test_blind124_to_130s_lessons():
    """blind124-130 (a parking garage, an electricity utility, a cinema, a chess club, payroll, an online shop, a
    version-control tool): a heap that orders records on tied keys; ``dict.fromkeys`` values grown; a deque popped at
    an index; ``.get`` without a default used as a number; a CSV field reached through ``or`` or repeated by an int; a
    wrap to 0 that never happens; an odd last pair read past the end; ``max()`` of nothing where the instruction
    answers nothing; December stepped back to January; a loop that fills its own record and never moves; a timestamp
    parsed and its twin not; a dict walked as pairs; ``rstrip`` of a tested suffix; a running total's ``.seconds``;
    ``match`` on every input where the text is "anywhere in the line"."""
    top = ("import heapq\nfrom dataclasses import dataclass\n\n\n@dataclass{order}\nclass Session:\n    plate: str\n    fee: float\n\n\n"
           "def top_paying(sessions: list[Session], k: int) -> list[Session]:\n    heap = []\n    for session in sessions:\n"
           "        heapq.heappush(heap, (session.fee, session))\n        if len(heap) > k:\n            heapq.heappop(heap)\n    return [s for _, s in sorted(heap, reverse=True)]\n")
    assert trivial(top.format(order="")).startswith("always an error: heapq.heappush(heap, (session.fee, session)) (line 14) puts session, a record that cannot be ordered")
    assert trivial(top.format(order="(order=True)")) is None
    queue = ("import heapq\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Outage:\n    feeder: str\n    customers: int\n\n\n"
             "class Queue:\n    def __init__(self):\n        self._heap, self._counter = [], 0\n\n    def add(self, outage: Outage) -> None:\n"
             "        heapq.heappush(self._heap, {entry})\n        self._counter += 1\n")
    assert "puts outage, a record that cannot be ordered" in trivial(queue.format(entry="(-outage.customers, outage, self._counter)"))
    assert trivial(queue.format(entry="(-outage.customers, self._counter, outage)")) is None
    revenue = "def revenue(sales):\n    totals = dict.fromkeys({{s['film'] for s in sales}}{start})\n    for s in sales:\n        totals[s['film']] += s['price']\n    return totals\n"
    assert "which is None for every key" in trivial(revenue.format(start=""))
    assert trivial(revenue.format(start=", 0.0")) is None
    waitlist = "from collections import deque\n\n\nclass Waitlist:\n    def __init__(self):\n        self._queue = deque()\n\n    def release(self):\n        return self._queue.{pop}\n"
    assert trivial(waitlist.format(pop="pop(0)")) == "always an error: self._queue.pop(0) (line 9) on a deque: deque.pop() takes no arguments (1 given)"
    assert trivial(waitlist.format(pop="popleft()")) is None
    gross = "def monthly_gross(employees):\n    return {{e['name']: e['salary'] / 12 + max(e.get('bonus'{default}), 0) for e in employees}}\n"
    assert "e.get('bonus') is None when the key is missing" in trivial(gross.format(default=""))
    assert trivial(gross.format(default=", 0")) is None
    rates = ("import csv\nimport io\n\n\ndef gross(csv_text, default_rates):\n    totals = {{}}\n    for row in csv.DictReader(io.StringIO(csv_text)):\n"
             "        rate = {rate} or default_rates[row['employee']]\n        totals[row['employee']] = totals.get(row['employee'], 0) + float(row['hours']) * rate\n    return totals\n")
    assert "multiplying it by a float raises TypeError" in trivial(rates.format(rate="row['rate']"))
    assert trivial(rates.format(rate="float(row['rate'] or 0)")) is None
    ramp = "def steepest(load):\n    best = None\n    for hour in range(len(load)):\n        nxt = hour + 1 if hour {test} else 0\n        best = max(best or 0, load[nxt] - load[hour])\n    return best\n"
    assert "so nxt is hour + 1 at the last one and load[nxt] reads past the end" in trivial(ramp.format(test="< len(load)"))
    assert trivial(ramp.format(test="+ 1 < len(load)")) is None
    pairs = "def move_pairs(tokens):\n    out = []\n    for i in range(0, len(tokens), 2):\n        black = {black}\n        out.append((tokens[i], black))\n    return out\n"
    assert "an odd length reads past the end" in trivial(pairs.format(black="tokens[i + 1] if tokens[i + 1] else None"))
    assert trivial(pairs.format(black="tokens[i + 1] if i + 1 < len(tokens) else None")) is None
    overtime = "def summary(hours: dict) -> dict:\n    return {{'max': max((h - 40 for h in hours.values() if h > 40){default})}}\n"
    ask = "Write `summary(hours)` with the largest overtime (0.0 if nobody worked overtime)."
    assert check(ask, overtime.format(default="")).startswith("the instruction answers '0.0 if nobody' and max(")
    assert check(ask, overtime.format(default=", default=0.0")) is None
    cycles = "from datetime import date\n\n\ndef count_cycles(first, end):\n    n, current = 0, first\n    while current < end:\n        n += 1\n        current = {step}\n    return n\n"
    assert check("Count the monthly cycles from `first` to `end`.", cycles.format(step="current.replace(month=current.month % 12 + 1)")).endswith(
        "wraps December to January of the same year: the date goes eleven months back")
    assert check("Count the monthly cycles from `first` to `end`.", cycles.format(
        step="current.replace(year=current.year + current.month // 12, month=current.month % 12 + 1)")) is None
    hunks = ("def parse_hunks(lines):\n    hunks, i = [], 0\n    while i < len(lines):\n        hunk = {{'start': len(hunks), 'lines': []}}\n"
             "        i += 1\n        while i < len(lines) and not lines[i].startswith('@@'):\n            if lines[i].startswith('\\\\'):\n"
             "                hunk['lines'].append(lines[i])\n{step}                continue\n            hunk['lines'].append(lines[i])\n            i += 1\n"
             "        hunks.append(hunk)\n    return hunks\n")
    assert "can reach a continue without changing i, lines: it never ends" in trivial(hunks.format(step=""))
    assert trivial(hunks.format(step="                i += 1\n")) is None
    fulfil = ("from datetime import datetime\n\n\ndef hours(order):\n    placed = datetime.fromisoformat(order['placed_at'])\n"
              "    delivered = {delivered}\n    return (delivered - placed).total_seconds() / 3600\n")
    assert "delivered is order['delivered_at'] as it came, a text" in trivial(fulfil.format(delivered="order['delivered_at']"))
    assert trivial(fulfil.format(delivered="datetime.fromisoformat(order['delivered_at'])")) is None
    cart = "def cart_lines(cart: dict[str, int]) -> list:\n    return [(sku, qty) for sku, qty in sorted(cart{items})]\n"
    assert "a dict gives its keys (str), not (key, value) pairs" in trivial(cart.format(items=""))
    assert trivial(cart.format(items=".items()")) is None
    fmt = "FORMATS = {{' (3D)': '3D', ' (IMAX)': 'IMAX'}}\n\n\ndef split_format(title):\n    for suffix, f in FORMATS.items():\n        if title.endswith(suffix):\n            return title.{strip}(suffix), f\n    return title, '2D'\n"
    assert trivial(fmt.format(strip="rstrip")).startswith("misused call: .rstrip(suffix) removes any of those characters, not the affix")
    assert trivial(fmt.format(strip="removesuffix")) is None
    week = "from datetime import timedelta\n\n\ndef weekly_hours(shifts):\n    total = timedelta()\n    for start, end in shifts:\n        total += end - start\n    return total.{part} / 3600\n"
    assert trivial(week.format(part="seconds")).startswith("misused call: total.seconds (line 8): timedelta.seconds leaves out whole days")
    assert trivial(week.format(part="total_seconds()")) is None
    notes = "import re\n\nHOURS = re.compile(r'(\\d+(?:\\.\\d+)?)\\s*h\\b')\n\n\ndef hours_from_notes(notes):\n    return sum(float(m.group(1)) for m in (HOURS.{call}(n) for n in notes) if m)\n"
    ask = "Notes mention the hours somewhere in the text, e.g. `Worked 7.5h on site`. Write `hours_from_notes(notes)`."
    assert ignored_requirement_of(ask, notes.format(call="match")).startswith("the instruction asks for a match 'somewhere in' and the code only calls match()")
    assert ignored_requirement_of(ask, notes.format(call="search")) is None
    lines = "import re\n\n\ndef lines_for(lines, code):\n    pattern = re.compile(re.escape(code) + r'\\b')\n    return [line for line in lines if pattern.{call}(line)]\n"
    ask = "Return the log lines mentioning a substation code such as `SS-14` anywhere in the line."
    assert ignored_requirement_of(ask, lines.format(call="match")) == "the instruction asks for a match 'anywhere in' and the code only calls match(), which tries the start"
    assert ignored_requirement_of(ask, lines.format(call="search")) is None


def test_blind124_to_130s_good_rows_lost_on_arrival():
    """The good rows of blind124-130 lost on arrival at 317b74f: a counter checked before it steps ("more than 9999"
    refused at the 10,000th); `L<level>-<nnn>`, a format's placeholders; an example call's quoted arguments; `ceil(log2(n))`,
    a formula; "the sum of `unit_price * qty`" beside "the number of units"; "the same number of lines", the input's shape;
    `[PATCH i/n]` matched by a pattern and `---` by the prefix "-"."""
    issuer = ("class TicketIssuer:\n    def __init__(self):\n        self._day, self._counter = None, 0\n\n    def issue(self, today):\n"
              "        if today != self._day:\n            self._day, self._counter = today, 0\n        if self._counter >= 9999:\n"
              "            raise RuntimeError('exhausted')\n        self._counter += 1\n        return f'{today:%Y%m%d}-{self._counter:04d}'\n")
    assert check("Write `TicketIssuer.issue(today)`. More than 9999 tickets on one day raises `RuntimeError`.", issuer) is None
    assert check("Write `TicketIssuer.issue(today)`. More than 9999 tickets on one day raises `RuntimeError`.", issuer.replace("        self._counter += 1\n", "")) is not None
    occupancy = "def occupancy(occupied):\n    return sorted({int(spot.split('-')[0][1:]) for spot in occupied})\n"
    assert check("Spot IDs have the format `L<level>-<nnn>`, e.g. `\"L1-003\"`. Write `occupancy(occupied)`.", occupancy) is None
    pay = ("from decimal import Decimal\n\nPERIODS = {'weekly': 52, 'monthly': 12, 'annual': 1}\n\n\ndef convert_pay(amount, from_freq, to_freq):\n"
           "    return (Decimal(str(amount)) * PERIODS[from_freq] / PERIODS[to_freq]).quantize(Decimal('0.01'))\n")
    assert check('Write `convert_pay(amount, from_freq, to_freq)` for `"weekly"` 52, `"monthly"` 12, `"annual"` 1. '
                 'Example: `convert_pay("1000", "weekly", "monthly")` -> `Decimal("4333.33")`.', pay) is None
    swiss = "def swiss_rounds(n: int) -> int:\n    return 0 if n <= 1 else (n - 1).bit_length()\n"
    assert check("Write `swiss_rounds(n: int) -> int` returning `ceil(log2(n))` with integer arithmetic only.", swiss) is None
    cart = ("class Cart:\n    def __init__(self):\n        self.lines = {}\n\n    def total(self):\n        return sum(l.unit_price * l.qty for l in self.lines.values())\n\n"
            "    def __len__(self):\n        return sum(l.qty for l in self.lines.values())\n")
    assert check("Write a `Cart` with `total()`: the sum of `unit_price * qty`; and `len(cart)`: the number of units in the cart.", cart) is None
    merge = "def merge3(base, ours, theirs):\n    if not len(base) == len(ours) == len(theirs):\n        raise ValueError('lengths')\n    return [o if o != b else t for b, o, t in zip(base, ours, theirs)]\n"
    assert check("Write `merge3(base, ours, theirs)` for three versions of a file that all have the same number of lines.", merge) is None
    series = ("import re\n\nPREFIX = re.compile(r'^\\[(?:RFC )?PATCH(?: v(\\d+))?(?: (\\d+)/(\\d+))?\\]', re.IGNORECASE)\n\n\ndef versions(subjects):\n"
              "    return [m.group(1) or '1' for m in map(PREFIX.match, subjects) if m]\n")
    assert check("Subjects start with `[PATCH]`, `[PATCH i/n]` or `[PATCH vN i/n]`. Write `versions(subjects)`.", series) is None
    changes = ("def count_changes(diff_text):\n    added = removed = 0\n    for line in diff_text.splitlines():\n        if line.startswith('+'):\n"
               "            added += 1\n        elif line.startswith('-'):\n            removed += 1\n    return added, removed\n")
    assert check("Write `count_changes(diff_text)`. Lines inside a hunk that happen to begin with `---` or `+++` are changes.", changes) is None


def test_blind131_to_134s_lessons_and_good_rows():
    """blind131-134 (car rental, recipes, a help desk, a train network), measured on arrival at this session's middle:
    a stub with its docstring is the task (HumanEval's prompts), not the answer; an age the instruction itself divides
    by 365.25; "most urgent first" is the least left; a defaultdict's lookup registers its key; "differ in letter case";
    "ties broken by feeder id in ascending order"; and the runtime errors kept: a Counter's most_common() read as a
    dict, the next entry read under a test that holds for every index, two CSV fields subtracted, a walk that looks up
    stations that only ever were targets."""
    stub = "```python\ndef handle_stats(records):\n    \"\"\"Return a dict mapping each category to its count.\"\"\"\n```"
    answer = "from collections import Counter\n\n\ndef handle_stats(records):\n    return dict(Counter(c for c, _ in records))\n"
    assert check(stub, answer) is None
    assert check(stub.replace('"""Return a dict mapping each category to its count."""', "return {}"), answer).startswith("instruction is")  # code, no task
    age = "import statistics\n\n\ndef average_age(bought, on):\n    ages = [(on - b).days / 365.25 for b in bought if b <= on]\n    return round(statistics.fmean(ages), 1) if ages else 0.0\n"
    assert check("Write `average_age(bought, on)`: a car's age is the number of days since purchase divided by 365.25.", age) is None
    assert check("Write `average_age(bought, on)`: the average age of the cars in years on the date `on`.", age) is not None
    due = "def due(fleet):\n    out = sorted((c['next'] - c['km'], c['plate']) for c in fleet)\n    return [(p, r) for r, p in out]\n"
    assert check("Write `due(fleet)`. Order by remaining km, most urgent first, then by plate.", due) is None
    ratings = ("import statistics\nfrom collections import defaultdict\n\n\ndef average_ratings(reviews):\n    ratings = defaultdict(list)\n"
               "    for recipe, rating in reviews:\n        ratings[recipe]\n        if rating is not None:\n            ratings[recipe].append(rating)\n"
               "    return {r: round(statistics.mean(v), 2) if v else None for r, v in ratings.items()}\n")
    assert trivial(ratings) is None
    assert trivial(ratings.replace("defaultdict(list)", "{}").replace("ratings[recipe].append(rating)", "ratings.setdefault(recipe, []).append(rating)")).endswith("does nothing")
    plates = "def find_ticket(tickets, plate):\n    index = {{k.strip(){fold}: t for k, t in tickets.items()}}\n    return index[plate.strip(){fold}]\n"
    ask = "Plates in `tickets` and the `plate` argument may differ in **letter case** and surrounding whitespace. Write `find_ticket(tickets, plate)`."
    assert ignored_requirement_of(ask, plates.format(fold="")) == "the instruction asks for 'differ in letter case' matching and the code never folds case"
    assert ignored_requirement_of(ask, plates.format(fold=".upper()")) is None
    feeders = "from collections import Counter\n\n\ndef top_feeders(ids, k=3):\n    counts = Counter(i.strip().upper() for i in ids)\n    return {rank}\n"
    ask = "Write `top_feeders(ids, k=3)`: the k feeders with the most outages, most first. Ties must be broken by feeder id in ascending order."
    assert "it ranks with counts.most_common(k)" in ignored_requirement_of(ask, feeders.format(rank="counts.most_common(k)"))
    assert ignored_requirement_of(ask, feeders.format(rank="sorted(counts.items(), key=lambda p: (-p[1], p[0]))[:k]")) is None
    top = "from collections import Counter\n\n\ndef top(tickets, k):\n    best = Counter(t['category'] for t in tickets).most_common(k)\n    return {pairs}\n"
    assert trivial(top.format(pairs="{c: n for c, n in best.items()}")) == "always an error: best in top() is always a list, which has no .items (line 6)"
    assert trivial(top.format(pairs="dict(best)")) is None
    status = ("from collections import defaultdict\n\n\ndef time_in_status(history, now):\n    totals = defaultdict(int)\n    for i in range(len(history)):\n"
              "        start, status = history[i]\n        end = history[i + 1][0] if {test} else now\n        totals[status] += end - start\n    return dict(totals)\n")
    assert "so history[i + 1] is read at the last one too, past the end: IndexError" in trivial(status.format(test="i < len(history)"))
    assert trivial(status.format(test="i + 1 < len(history)")) is None
    km = "import csv\nimport io\n\n\ndef km(csv_text):\n    return {{r['plate']: {dist} for r in csv.DictReader(io.StringIO(csv_text))}}\n"
    assert "one minus another raises TypeError" in trivial(km.format(dist="r['end_km'] - r['start_km']"))
    assert trivial(km.format(dist="int(r['end_km']) - int(r['start_km'])")) is None
    reach = ("from collections import deque\n\n\ndef reachable(links, start):\n    graph = {{}}\n    for origin, target in links:\n"
             "        graph.setdefault(origin, []).append(target)\n    seen, queue = {{start}}, deque([start])\n    while queue:\n        station = queue.popleft()\n"
             "        for nxt in {neighbours}:\n            if nxt not in seen:\n                seen.add(nxt)\n                queue.append(nxt)\n    return seen\n")
    assert trivial(reach.format(neighbours="graph[station]")).startswith("always an error: graph[station] (line 11): graph has a key only for each origin")
    assert trivial(reach.format(neighbours="graph.get(station, [])")) is None


def test_blind124_to_134s_requirements_left_out():
    """Requirements the kept junk of blind124-134 leaves out: "If several screens are tied, return the lowest" answered
    by ``most_common(1)``; "at most 5 results" and no 5 in the code (not "Boards have at most 9 rows", the input);
    a field of the records that a rule orders by ("then **fewer games played** first") and the code never reads;
    "case-insensitive" where only the example data below the code holds both cases of a letter; "rounded to
    cents"; "between 0 and 100 inclusive; anything else must raise"."""
    busiest = "from collections import Counter\n\n\ndef busiest(screens):\n    counts = Counter(screens)\n    return {pick}\n"
    ask = "Write `busiest(screens)`: the screen with the most screenings. If several screens are tied, return the lowest screen number."
    assert "it ranks with counts.most_common(1)" in ignored_requirement_of(ask, busiest.format(pick="counts.most_common(1)[0][0]"))
    assert ignored_requirement_of(ask, busiest.format(pick="min(counts, key=lambda s: (-counts[s], s))")) is None
    search = "def search(names, query):\n    found = sorted(n for n in names if n.casefold().startswith(query.casefold()))\n    return found{cap}\n"
    ask = "Write `search(names, query)` that returns the names starting with `query`, sorted, and at most 5 results."
    assert ignored_requirement_of(ask, search.format(cap="")) == "the instruction says 'at most 5 results' and the code never holds 5: every one is returned"
    assert ignored_requirement_of(ask, search.format(cap="[:5]")) is None
    assert ignored_requirement_of("Write `render(board)`. Boards have at most 9 rows and 26 columns.", "def render(board):\n    return '\\n'.join(board)\n") is None
    ladder = "def standings(players):\n    return [p['name'] for p in sorted(players, key=lambda p: (-p['points'], {games}p['name']))]\n"
    ask = ("Write `standings(players)` where `players` is a list of dicts with keys `name`, `points` and `games`. Order by points, highest "
           "first; then **fewer games played** first; then name.")
    assert check(ask, ladder.format(games="")) == "the instruction asks for the field 'games' of the input's records, which the instruction's rules name again (never read) and the code leaves it out"
    assert check(ask, ladder.format(games="p['games'], ")) is None
    payroll = ("def department_payroll(rows, department):\n    return sum(r['gross'] for r in rows if r['department'].strip(){fold} == department.strip(){fold})\n\n\n"
               "rows = [{{'department': 'Sales', 'gross': 3100.0}}]\nassert department_payroll(rows, 'Sales') == 3100.0\n")
    ask = "Write `department_payroll(rows, department)`; the department match must be case-insensitive."
    assert ignored_requirement_of(ask, payroll.format(fold="")) == "the instruction asks for 'case-insensitive' matching and the code never folds case"
    assert ignored_requirement_of(ask, payroll.format(fold=".lower()")) is None
    vowels = "VOWELS = 'aeiouAEIOU'\n\n\ndef count_vowels(text):\n    return sum(ch in VOWELS for ch in text)\n"
    assert ignored_requirement_of("Count the vowels of `text`, ignoring case.", vowels) is None  # both cases held by hand
    futa = "def futa(run):\n    return {total}\n"
    ask = "Write `futa(run)`: 0.6% of each pair's taxable part, **rounded to cents**."
    assert ignored_requirement_of(ask, futa.format(total="sum(g * 0.006 for _, g in run)")).startswith("the instruction asks for a result 'rounded to cents' and the code never rounds")
    assert ignored_requirement_of(ask, futa.format(total="round(sum(g * 0.006 for _, g in run), 2)")) is None
    discount = "def apply_discount(total, percent):\n{guard}    return round(total - total * percent / 100, 2)\n"
    ask = "Write `apply_discount(total, percent)`. `percent` must be between 0 and 100 inclusive; anything else must raise `ValueError`."
    assert ignored_requirement_of(ask, discount.format(guard="")) == "the instruction asks to raise outside 0-100 and the code never compares with 100"
    assert ignored_requirement_of(ask, discount.format(guard="    if not 0 <= percent <= 100:\n        raise ValueError(percent)\n")) is None


def test_blind135_to_141s_session_loops_that_stop_early_and_means_over_the_whole():
    """Kept junk of blind101-134 that no test called on the case that breaks it: a loop to ``len(x) - 1`` that reads only
    ``x[i]`` and behind it (the last step is never looked at; ``x[i + 1]`` is what the ``- 1`` is for), and the mean of
    the ratings that were given divided by the count of all of them."""
    steps = ("def illegal_steps(history, allowed):\n    bad = []\n    for i in range(1, len(history){stop}):\n"
             "        if history[i] not in allowed.get(history[{prev}], set()):\n            bad.append(i)\n    return bad\n")
    assert trivial(steps.format(stop=" - 1", prev="i - 1")) == (
        "wrong bound: illegal_steps() at line 3: for i in range(1, len(history) - 1) reads history[i] and never history[i + 1], "
        "so the last item of history is never reached")
    assert trivial(steps.format(stop="", prev="i - 1")) is None
    ahead = "def rises(levels):\n    return [i for i in range(len(levels) - 1) if levels[i] < levels[i + 1]]\n"
    assert trivial(ahead) is None  # reads one ahead: the stop is right
    last_too = steps.format(stop=" - 1", prev="i - 1").replace("    return bad", "    if history and history[-1] == 'x':\n        bad.append(len(history) - 1)\n    return bad")
    assert trivial(last_too) is None  # the last item is looked at on its own
    mean = ("def average_rating(ratings):\n    given = [r for r in ratings if r is not None]\n    if not given:\n        return 0.0\n"
            "    return round(sum(given) / len({whole}), 2)\n")
    assert trivial(mean.format(whole="ratings")) == (
        "wrong count: average_rating() at line 5: sum(given) / len(ratings) sums the items of ratings that given keeps and "
        "divides by the count of all of ratings")
    assert trivial(mean.format(whole="given")) is None
    recent = "def recent_average(totals, n=4):\n    recent = totals[-n:]\n    return sum(recent) / len({whole})\n"
    assert trivial(recent.format(whole="totals")).startswith("wrong count: recent_average() at line 3")
    assert trivial(recent.format(whole="recent")) is None
    flags = "def share(items):\n    flags = [1 if i.ok else 0 for i in items]\n    return sum(flags) / len(items)\n"
    assert trivial(flags) is None  # one flag per item: the same count


def test_blind135_to_141s_session_bounds_in_other_words():
    """"the half-open window `[start, end)`" and ``start <= ts <= end``; "both `start` and `end` are included" and
    ``range((end - start).days)``; a table's "| 2200 and up |" and ``rating > lower_bound``; "every started 30-day
    period" or "every month or part of a month" and ``days // 30``; "include tests" is no "includes" that lets a
    pattern match anywhere."""
    window = "def entries_in_window(entries, start, end):\n    return [p for ts, p in entries if start <= ts {op} end]\n"
    ask = "Write `entries_in_window(entries, start, end)` counting the entries in the half-open window `[start, end)`."
    assert ignored_requirement_of(ask, window.format(op="<=")) == "the instruction says '[start, end)' and its comparison start <= ts <= end (line 2) takes end in"
    assert ignored_requirement_of(ask, window.format(op="<")) is None
    fits = "def candidate_starts(t, duration, window_end):\n    return t + duration <= window_end\n"
    assert ignored_requirement_of("Does `[t, t + duration)` fit inside `[window_start, window_end)`?", fits) is None  # a slot's end, not a point
    past = "def past(events, end):\n    return [e for e in events if e >= end]\n"
    assert ignored_requirement_of("Return the events at or after the window `[start, end)` closes.", past) is None  # the complement
    weekend = ("from datetime import date, timedelta\n\n\ndef weekend_days(start: date, end: date) -> int:\n    days = (end - start).days{plus}\n"
               "    return sum(1 for i in range(days) if (start + timedelta(days=i)).weekday() >= 5)\n")
    ask = "Write `weekend_days(start, end)` where both `start` and `end` are included in the period."
    assert ignored_requirement_of(ask, weekend.format(plus="")) == (
        "the instruction asks for 'both `start` and `end` are included' and its comparison range(days) (line 6) leaves the bound out")
    assert ignored_requirement_of(ask, weekend.format(plus=" + 1")) is None
    bands = ("BANDS = [(2200, 'Master'), (2000, 'Expert'), (1800, 'Class A')]\n\n\ndef rating_class(rating: int) -> str:\n"
             "    for lower_bound, name in BANDS:\n        if rating {op} lower_bound:\n            return name\n    return 'Class B'\n")
    ask = "Write `rating_class(rating: int) -> str`:\n\n| Rating | Class |\n|---|---|\n| 2200 and up | Master |\n| 2000–2199 | Expert |\n| 1800–1999 | Class A |\n| below 1800 | Class B |\n"
    assert ignored_requirement_of(ask, bands.format(op=">")) == "the instruction's tiers run '| 2200 and up |' and its comparison rating > lower_bound (line 6) leaves the bound to the next tier"
    assert ignored_requirement_of(ask, bands.format(op=">=")) is None
    fee = ("from datetime import date\n\n\ndef late_fee(amount: float, due: date, paid: date) -> float:\n    days_late = (paid - due).days\n"
           "    if days_late <= 0:\n        return 0.0\n    months = {months}\n    return round(amount * 0.015 * months, 2)\n")
    for ask in ("Late fee: 1.5 % of the amount for every started 30-day period after the due date. Write `late_fee(amount, due, paid)`.",
                "Late fee: 1.5 % of the amount for every month or part of a month that the payment is late. Write `late_fee(amount, due, paid)`."):
        assert ignored_requirement_of(ask, fee.format(months="max(1, days_late // 30)")).endswith("it rounds down (days_late // 30, line 8) and never up")
        assert ignored_requirement_of(ask, fee.format(months="-(-days_late // 30)")) is None
    square = "import re\n\nSQUARE = re.compile(r'[a-h][1-8]{end}')\n\n\ndef is_valid_square(s: str) -> bool:\n    return bool(SQUARE.match(s))\n"
    ask = "Write `is_valid_square(s)` that returns `True` only for a valid square name: a file `a`-`h` then a rank `1`-`8`. Include tests."
    assert trivial(square.format(end=""), ask).startswith("misused call: re.match('[a-h][1-8]') (line 7) checks only how the text starts")
    assert trivial(square.format(end="$"), ask) is None
    assert trivial(square.format(end=""), ask.replace("Include tests.", "The text includes a square somewhere.")) is None


def test_blind135_to_141s_good_rows_lost_on_arrival():
    """Good rows of blind135-141 the checks removed on arrival: "halfway cases (such as 21.25) rounded **up**" is about
    halves, and "299.9 s rounds up to 5:00" a worked value, not a rule to round up; ``floor(x / 1000 + 0.5)`` rounds to
    the nearest; "Use `"M:SS"` when" names a format; "`"<aisle>-<rack>-<level>"`" a code's parts, no tags; start times
    "from the beginning of the queue" are running sums; a dict read by its own keys has no bounds; "Your Episodes"
    the instruction quotes is no placeholder; ``match["area"]`` reads a regex group, no record's key."""
    half = "import math\n\n\ndef to_half_degree(x: float) -> float:\n    return math.floor(x * 2 + 0.5) / 2\n"
    assert check("Write `to_half_degree(x)` rounding to the nearest 0.5, with exact halfway cases (such as 21.25) rounded **up** (towards positive infinity).", half) is None
    pace = "def format_pace(distance_km, seconds):\n    total = round(seconds / distance_km)\n    minutes, secs = divmod(total, 60)\n    return f'{minutes}:{secs:02d}'\n"
    assert check("Write `format_pace(distance_km, seconds)` as M:SS, rounded to the nearest second (299.9 s per km rounds up to 5:00, not 4:60).", pace) is None
    assert check("Write `format_pace(distance_km, seconds)`; partial seconds are rounded up.", pace).startswith("the instruction asks to round up")
    price = ("import math\n\n\ndef suggested_price(asking_price: int, days_on_market: int) -> int:\n    full_periods = days_on_market // 30\n"
             "    raw = asking_price * (100 - min(full_periods * 5, 20)) / 100\n    return {rounded} * 1000\n")
    ask = "Drop 5% for every **full** 30 days on the market. Round the suggested price to the nearest 1,000 (halves round up)."
    assert check(ask, price.format(rounded="math.floor(raw / 1000 + 0.5)")) is None
    assert "cuts down, never up" in check(ask, price.format(rounded="int(raw // 1000)"))
    total = "def format_total(durations):\n    m, s = divmod(sum(durations), 60)\n    return f'{m}:{s:02d}'\n"
    assert check('Return the playlist length as a string. Use `"M:SS"` when the total is under one hour.', total) is None
    codes = "from itertools import product\n\n\ndef bin_codes(aisles, racks):\n    return [f'{a}-{r:02d}' for a, r in product(aisles, range(1, racks + 1))]\n"
    assert check('Write `bin_codes(aisles, racks)`. Codes have the form `"<aisle>-<rack>"`.', codes) is None
    starts = "from itertools import accumulate\n\n\ndef start_times(lengths):\n    return list(accumulate(lengths[:-1], initial=0))\n"
    assert check("Return the list of start times (ms from the beginning of the queue) of each track.", starts) is None
    milestones = ("def milestone_dates(history, milestones=(1000, 10000)):\n    reached = {m: None for m in milestones}\n    for day, followers in history:\n"
                  "        for m in milestones:\n            if reached[m] is None and followers >= m:\n                reached[m] = day\n    return reached\n")
    assert trivial(milestones) is None
    reserved = "RESERVED = {'liked songs', 'your episodes'}\n\n\ndef validate_name(name: str) -> list:\n    return ['reserved'] if name.casefold() in RESERVED else []\n"
    assert trivial(reserved, 'Names equal to "Liked Songs" or "Your Episodes" (ignoring case) are reserved.') is None
    assert trivial(reserved, "Names that are reserved get an error.") == "trivial body: the code leaves values to fill in ('your episodes')"
    listing = ("import re\n\nLINE = re.compile(r'^(?P<bedrooms>\\d+)BR \\| (?P<area>\\d+) m2$')\n\n\ndef parse(line):\n    m = LINE.match(line)\n"
               "    return {'bedrooms': int(m['bedrooms']), 'area_sqm': float(m['area'])}\n")
    assert check('Return `{"bedrooms": 3, "area_sqm": 85.0}` for `3BR | 85 m2`.', listing) is None


def test_blind135_to_141s_calls_and_asks_the_code_breaks():
    """``findall`` of a pattern whose one group only holds a choice inside the token (the rack, not the bin code); a
    JSON object's string keys looked up by "an integer `period`" of a record; ``Counter(after) - Counter(before)`` for
    "including decreases" (not for a shortfall, Counter's own rule); "the greater of" answered by ``min``; "counted as
    400 points (in either direction)" capped only from above."""
    from hfsynth.curate.misused_calls import misused_call
    from hfsynth.curate.task_operations import wrong_operation

    codes = "import re\n\nBIN = re.compile(r'\\b[A-Z]{{1,2}}-{group}-[1-9]\\b')\n\n\ndef bin_codes(note):\n    return sorted(set(BIN.findall(note)))\n"
    assert misused_call(ast.parse(codes.format(group="(0[1-9]|[1-9][0-9])"))).endswith("findall gives the one group (0[1-9]|[1-9][0-9]), the choice inside the token, not the token")
    assert misused_call(ast.parse(codes.format(group="(?:0[1-9]|[1-9][0-9])"))) is None
    assert misused_call(ast.parse("import re\n\n\ndef days(text):\n    return re.findall(r'\\b(Mon|Tue|Wed)\\b', text)\n")) is None
    starts = ("import json\n\n\ndef lesson_start_times(times_json: str, lessons: list) -> list:\n    starts = json.loads(times_json)\n"
              "    return [f'{{l[\"subject\"]}} at {{starts[{key}]}}' for l in lessons]\n")
    ask = "Start times are JSON, e.g. `'{\"1\": \"08:45\", \"2\": \"09:40\"}'`. Each lesson dict has an integer `period` and a `subject`."
    assert check(ask, starts.format(key='l["period"]')).startswith("the instruction's JSON keys are strings and starts[l['period']]")
    assert check(ask, starts.format(key='str(l["period"])')) is None
    change = "from collections import Counter\n\n\ndef net_change(before, after):\n    return dict(Counter(after) - Counter(before))\n"
    assert wrong_operation("Return `after - before` for every SKU whose quantity changed, **including decreases** (negative values).", change).startswith(
        "the instruction keeps negative differences and Counter(after) - Counter(before)")
    assert wrong_operation("Return the shortfall of each part, leaving out parts whose stock is zero or negative.", change) is None
    deposit = "def deposit(rates):\n    return round({pick}(rates[0], 0.3 * sum(rates)), 2)\n"
    ask = "The deposit is the greater of the first night's rate and 30% of the total stay."
    assert wrong_operation(ask, deposit.format(pick="min")) == "the instruction says 'the greater of' and min(rates[0], 0.3 * sum(rates)) (line 2) takes the other one"
    assert wrong_operation(ask, deposit.format(pick="max")) is None
    elo = "def rating_change(rating, opponent, score, k=20):\n    d = {capped}\n    return round(k * (score - 1 / (1 + 10 ** (d / 400))), 1)\n"
    ask = "A rating difference of more than 400 points is counted as 400 points (in either direction)."
    assert wrong_operation(ask, elo.format(capped="min(opponent - rating, 400)")).endswith("min(opponent - rating, 400) (line 2) caps it only from above")
    assert wrong_operation(ask, elo.format(capped="max(-400, min(opponent - rating, 400))")) is None
    assert wrong_operation("A difference of more than 400 points is counted as 400.", elo.format(capped="min(opponent - rating, 400)")) is None


def test_blind135_to_141s_parts_left_out():
    """Parts of the answer blind135-141's kept junk leaves out: a list of uncovered slots returned as it started, beside
    the covered ones it fills; the units "`"hPa"`, `"kPa"`, `"inHg"` (...) and `"mmHg"` (...)" a converter supports (not
    "status is one of ...", whose last may be the default case); "- 40 °C and above: `"extreme"`" among bulleted cases;
    "if several days share the highest gust, return the earliest" against ``>=``; "If two or more rooms are used equally
    often, choose the alphabetically first room" against ``most_common(1)``; "the one whose `last_assigned` is earliest"
    of records shaped `{"name": str, "open_units": int, "last_assigned": datetime}` and never read."""
    cover = ("def plan_cover(absent, free):\n    covered = {{}}\n    uncovered = []\n    for slot in absent:\n        available = free.get(slot, [])\n"
             "        if available:\n            covered[slot] = available[0]\n{other}    return {{'covered': covered, 'uncovered': uncovered}}\n")
    assert trivial(cover.format(other="")) == ("unfinished: plan_cover() returns uncovered as it started, empty, beside covered, which it fills: "
                                               "that part of the answer is always empty")
    assert trivial(cover.format(other="        else:\n            uncovered.append(slot)\n")) is None
    # b211-080, b208-032: bound with an annotation, returned sorted, beside a total computed from what the loop fills
    meters = ("def meter_summary(readings):\n    per_plot = {{}}\n    for plot, reading in readings:\n        per_plot.setdefault(plot, []).append(reading)\n"
              "    flagged: list[str] = []\n    totals = {{plot: max(r) - min(r) for plot, r in per_plot.items()}}\n{other}    return totals, sorted(flagged)\n")
    assert trivial(meters.format(other="")) == ("unfinished: meter_summary() returns flagged as it started, empty, beside totals, which it fills: "
                                                "that part of the answer is always empty")
    assert trivial(meters.format(other="    flagged.extend(p for p, r in per_plot.items() if r != sorted(r))\n")) is None
    units = ("def to_hpa(value: float, unit: str) -> float:\n    unit = unit.strip()\n    if unit == 'hPa':\n        return round(value, 1)\n"
             "    if unit == 'kPa':\n        return round(value * 10, 1)\n    if unit == 'inHg':\n        return round(value * 33.8639, 1)\n{more}"
             "    raise ValueError(unit)\n")
    ask = 'Write `to_hpa(value, unit)`. Supported units: `"hPa"`, `"kPa"`, `"inHg"` (1 inHg = 33.8639 hPa) and `"mmHg"` (1 mmHg = 1.33322 hPa).'
    assert check(ask, units.format(more="")) == "the instruction asks for the string 'mmHg' and the code leaves it out"
    assert check(ask, units.format(more="    if unit == 'mmHg':\n        return round(value * 1.33322, 1)\n")) is None
    status = "def rate(records):\n    done = sum(r['status'] == 'completed' for r in records)\n    missed = sum(r['status'] == 'no_show' for r in records)\n    return done, missed\n"
    assert check('Status is one of `"completed"`, `"no_show"` or `"cancelled"`. Write `rate(records)`.', status) is None
    alert = ("def heat_alert_level(temp_c: float):\n{top}    if temp_c >= 35:\n        return 'danger'\n    if temp_c >= 30:\n"
             "        return 'warning'\n    return None\n")
    ask = ("Write `heat_alert_level(temp_c)`:\n\n- below 30 °C: `None`\n- 30 °C up to (not including) 35 °C: `\"warning\"`\n"
           "- 35 °C up to (not including) 40 °C: `\"danger\"`\n- 40 °C and above: `\"extreme\"`\n")
    assert check(ask, alert.format(top="")) == "the instruction asks for the string 'extreme' (one of the lines it lists) and the code leaves it out"
    assert check(ask, alert.format(top="    if temp_c >= 40:\n        return 'extreme'\n")) is None
    gusts = ("def windiest_day(daily_gusts):\n    best_day, best = None, float('-inf')\n    for day, gust in sorted(daily_gusts.items()):\n"
             "        if gust {op} best:\n            best_day, best = day, gust\n    return best_day\n")
    ask = "Write `windiest_day(daily_gusts)`. If several days share the highest gust, return the **earliest** of them."
    assert "replaces the best on equal values, so the last of them wins" in ignored_requirement_of(ask, gusts.format(op=">="))
    assert ignored_requirement_of(ask, gusts.format(op=">")) is None
    rooms = ("from collections import Counter, defaultdict\n\n\ndef main_room(lessons):\n    rooms = defaultdict(Counter)\n    for teacher, room in lessons:\n"
             "        rooms[teacher][room] += 1\n    return {{t: {pick} for t, counts in rooms.items()}}\n")
    ask = "Write `main_room(lessons)`. If two or more rooms are used equally often, choose the alphabetically first room."
    assert "it ranks with counts.most_common(1)" in ignored_requirement_of(ask, rooms.format(pick="counts.most_common(1)[0][0]"))
    assert ignored_requirement_of(ask, rooms.format(pick="min(counts, key=lambda r: (-counts[r], r))")) is None
    picker = "def next_picker(pickers):\n    return min(pickers, key=lambda p: ({keys}))['name']\n"
    ask = ('`pickers` is a list of dicts `{"name": str, "open_units": int, "last_assigned": datetime}`. Return the name of the picker with the '
           "fewest open units; if several pickers tie, the one whose `last_assigned` is earliest.")
    assert check(ask, picker.format(keys="p['open_units'],")) == (
        "the instruction asks for the field 'last_assigned' of the input's records, which the instruction's rules name again (never read) "
        "and the code leaves it out")
    assert check(ask, picker.format(keys="p['open_units'], p['last_assigned']")) is None


def test_blind135_to_141s_runs_shares_and_ranges():
    """A run judged only when the next item breaks it (the heatwave that lasts to the end of the data is never counted;
    a sentinel appended to the data closes it); a share floor-divided before it becomes a percentage (``x // 100 *
    100`` rounds to hundreds, and is kept); one hour's total divided by the number of hours counted; "Periods 5 to 8"
    and ``range(5, 8)``; "category 1 from 119 km/h, ... (each threshold inclusive)" and ``wind > limit``."""
    waves = ("def count_heatwaves(daily_max, threshold=30.0, min_days=3):\n    waves = 0\n    run = 0\n    for t in {data}:\n"
             "        if t is not None and t >= threshold:\n            run += 1\n        else:\n            if run >= min_days:\n                waves += 1\n"
             "            run = 0\n{after}    return waves\n")
    assert trivial(waves.format(data="daily_max", after="")) == (
        "lost run: count_heatwaves() at line 4: the loop judges run only when an item breaks the run, and nothing after it reads run, "
        "so a run that lasts to the end is never counted")
    assert trivial(waves.format(data="daily_max", after="    if run >= min_days:\n        waves += 1\n")) is None
    assert trivial(waves.format(data="daily_max + [None]", after="")) is None
    share = "def cover_share(teaching: int, cover: int) -> int:\n    total = teaching + cover\n    return round({share} * 100) if total else 0\n"
    assert trivial(share.format(share="cover // total")) == (
        "misused call: cover // total * 100 (line 3) floor-divides before it scales to a percentage: 0 for every share under the whole (/ is meant)")
    assert trivial(share.format(share="cover / total")) is None
    assert trivial("def hundreds(n):\n    return n // 100 * 100\n") is None
    hours = ("from collections import defaultdict\n\n\ndef warmest_hour(readings):\n    sums, counts = defaultdict(float), defaultdict(int)\n"
             "    for when, temp in readings:\n        sums[when.hour] += temp\n        counts[when.hour] += 1\n"
             "    averages = {{h: sums[h] / {count} for h in sums}}\n    return max(averages, key=averages.get)\n")
    assert trivial(hours.format(count="len(counts)")).startswith("wrong count: sums[h] / len(counts) (line 9) divides one key's total by the number of keys in counts")
    assert trivial(hours.format(count="counts[h]")) is None
    afternoon = "AFTERNOON = range(5, {stop})\n\n\ndef afternoon_lessons(lessons, class_id):\n    return sum(1 for c, _d, p in lessons if c == class_id and p in AFTERNOON)\n"
    ask = "Periods 5 to 8 are afternoon periods. Write `afternoon_lessons(lessons, class_id)`."
    assert ignored_requirement_of(ask, afternoon.format(stop=8)) == "the instruction says '5 to 8' and range(5, 8) (line 1) stops before 8"
    assert ignored_requirement_of(ask, afternoon.format(stop=9)) is None
    assert ignored_requirement_of("Periods 5 to 8 (exclusive) are afternoon periods.", afternoon.format(stop=8)) is None
    storms = ("THRESHOLDS = [(252, 5), (209, 4), (178, 3), (154, 2), (119, 1)]\n\n\ndef hurricane_category(wind_kmh: float) -> int:\n"
              "    for limit, category in THRESHOLDS:\n        if wind_kmh {op} limit:\n            return category\n    return 0\n")
    ask = "Category 1 from 119 km/h, 2 from 154, 3 from 178, 4 from 209 and 5 from 252 km/h (each threshold inclusive). Below 119 return 0."
    assert ignored_requirement_of(ask, storms.format(op=">")).startswith("the instruction's tiers run 'each threshold inclusive' and its comparison wind_kmh > limit")
    assert ignored_requirement_of(ask, storms.format(op=">=")) is None


def test_blind135_to_141s_time_values():
    """``duration.minutes`` of ``duration = end - start`` (a timedelta keeps days and seconds only; a class of the
    code's own may carry minutes); ``DAYS[d.isoweekday()]`` and ``totals[index]`` with ``index = d.isoweekday()`` (Monday is
    1; a dict keyed by the day's number, or a list of eight, is indexed right)."""
    minutes = ("from collections import defaultdict\n\n\ndef minutes_per_agent(viewings):\n    totals = defaultdict(int)\n    for v in viewings:\n"
               "        duration = v['end'] - v['start']\n        totals[v['agent']] += {read}\n    return dict(totals)\n")
    assert trivial(minutes.format(read="duration.minutes")) == (
        "always an error: duration.minutes (line 8) reads .minutes of duration = v['end'] - v['start'], a difference: a timedelta keeps days and seconds only")
    assert trivial(minutes.format(read="int(duration.total_seconds() // 60)")) is None
    lesson = "class Lesson:\n    def __init__(self, minutes):\n        self.minutes = minutes\n\n\ndef total(lessons):\n    return sum(l.minutes for l in lessons)\n"
    assert trivial(lesson) is None
    days = "from datetime import date\n\nDAYS = {days}\n\n\ndef day_name(d: date):\n    index = d.{call}()\n    return DAYS[index]\n"
    week = '["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]'
    assert trivial(days.format(days=week, call="isoweekday")).startswith("misused call: DAYS[index] (line 8) indexes by isoweekday(), which counts Monday as 1")
    assert trivial(days.format(days=week, call="weekday")) is None
    assert trivial(days.format(days='{1: "Mon", 2: "Tue", 3: "Wed", 4: "Thu", 5: "Fri", 6: "Sat", 7: "Sun"}', call="isoweekday")) is None
    assert trivial(days.format(days='["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]', call="isoweekday")) is None


def test_a_key_the_shown_record_does_not_have():
    """blind140: "records like ```json {"ref": ..., "city": ..., "asking_price": ..., "status": ...}```" read as
    ``listing["price"]`` beside two keys the record has: KeyError on the first one. Not where the instruction quotes the
    key elsewhere, nor where the code writes it itself."""
    summary = ("def city_summary(listings):\n    summary = {{}}\n    for listing in listings:\n        if listing['status'] != 'active':\n            continue\n"
               "        entry = summary.setdefault(listing['city'], {{'count': 0, 'total': 0}})\n        entry['count'] += 1\n"
               "        entry['total'] += listing['{key}']\n    return summary\n")
    ask = ('Our CRM exports listings as JSON records like\n\n```json\n{"ref": "UT-2291", "city": "Utrecht", "asking_price": 415000, "status": "active"}\n```\n\n'
           "Write `city_summary(listings)` returning, per city, the count of active listings and their total asking price.")
    assert check(ask, summary.format(key="price")) == (
        "the code reads listing['price'] (line 8) and the instruction's record holds 'asking_price', 'city', 'ref', 'status', never 'price': KeyError on the first one")
    assert check(ask, summary.format(key="asking_price")) is None
    assert check(ask + " Older exports call the field `price`.", summary.format(key="price")) is None


def test_consecutive_lines_at_the_same_place_are_one_run():
    """blind137: "Consecutive lines at the same bin are handled in one stop. A bin visited again later is a new stop"
    answered by a Counter of bins: no item is compared with the one before it."""
    from hfsynth.curate.task_operations import wrong_operation

    ask = ("A pick route is a list of `(bin_code, sku)` lines in walking order. Consecutive lines at the same bin are handled in one stop. "
           "Write `route_stops(lines)` returning `(bin_code, lines_at_stop)` tuples.")
    tally = "from collections import Counter\n\n\ndef route_stops(lines):\n    return list(Counter(b for b, _ in lines).items())\n"
    runs = ("def route_stops(lines):\n    stops = []\n    for b, _ in lines:\n        if stops and stops[-1][0] == b:\n            stops[-1] = (b, stops[-1][1] + 1)\n"
            "        else:\n            stops.append((b, 1))\n    return stops\n")
    assert wrong_operation(ask, tally) == "the instruction asks for a run of consecutive items and the code never compares an item with the one before it"
    assert wrong_operation(ask, runs) is None


def test_blind142_to_148s_good_rows_lost_on_arrival():
    """Good rows of blind142-148 lost on arrival: "the lowest end-of-day stock" after "daily net changes" is a running
    level (``accumulate`` is the answer); '(`"delivered"` is `None` if the bag never arrived)' says what a record's
    field holds, not that ``on_time_percentage("delivered")`` answers None."""
    from hfsynth.curate.instruction_examples import instruction_examples

    stock = ("from itertools import accumulate\n\n\ndef lowest_stock(opening, movements):\n    levels = list(accumulate(movements, initial=opening))[1:]\n"
             "    if not levels:\n        return (0, opening)\n    i = min(range(len(levels)), key=levels.__getitem__)\n    return (i + 1, levels[i])\n")
    ask = ("A grain store starts with `opening` tonnes. `movements` is a list of daily net changes. Write `lowest_stock(opening, movements)` that "
           "returns `(day, level)` for the lowest end-of-day stock.")
    assert check(ask, stock) is None
    assert check("Write `shares(values)`: each value's share of the total.", "from itertools import accumulate\n\n\ndef shares(values):\n    return list(accumulate(values))\n") is not None
    late = "def on_time_percentage(deliveries) -> float:\n    return 0.0\n"
    ask = ('Each delivery is a dict with `"due"` and `"delivered"` datetimes (`"delivered"` is `None` if the bag never arrived). '
           "Write `on_time_percentage(deliveries)`.")
    assert instruction_examples(ask, late) == []
    dice = "def parse_dice(text: str) -> tuple:\n    return (1, 20, 0)\n"
    assert [(e.call, e.want) for e in instruction_examples('Write `parse_dice(text)`, e.g. `"d20"` is `(1, 20, 0)`.', dice)] == [("parse_dice('d20')", "(1, 20, 0)")]


def test_a_bulleted_case_with_a_placeholder_is_a_template():
    """blind143: "- more days later -> `"in N days"`" is filled by ``f"in {delta} days"``, not held as written."""
    phrase = ("def due_phrase(delta: int) -> str:\n    if delta == 0:\n        return 'today'\n    if delta == 1:\n        return 'tomorrow'\n"
              "    if delta > 1:\n        return f'in {delta} days'\n    return f'{-delta} days overdue'\n")
    ask = ("Write `due_phrase(delta)`:\n\n- same day -> `\"today\"`\n- one day later -> `\"tomorrow\"`\n- more days later -> `\"in N days\"`\n"
           "- more days earlier -> `\"N days overdue\"`\n")
    assert check(ask, phrase) is None
    assert check(ask.replace('"today"', '"now"'), phrase) is None  # the templates left aside, one of two plain strings held: too few to read


def test_blind143_to_148s_calls_that_answer_a_part():
    """blind144: ``re.findall(r"(EB|CL)-\\d{4}", note)`` answers the prefixes, not the bike codes (``\\b(Mon|Tue)\\b`` answers
    the whole token); blind146: ``" ".join(["Pen", pen + ":", amount, "kg"])`` with ``amount = round(total, 1)`` raises."""
    from hfsynth.curate.misused_calls import misused_call

    codes = "import re\n\nCODE = re.compile(r'{pattern}')\n\n\ndef bike_codes(note):\n    return CODE.findall(note)\n"
    assert misused_call(ast.parse(codes.format(pattern="(EB|CL)-\\d{4}"))).endswith("findall gives the one group (EB|CL), the choice inside the token, not the token")
    assert misused_call(ast.parse(codes.format(pattern="(?:EB|CL)-\\d{4}"))) is None
    assert misused_call(ast.parse(codes.format(pattern="\\b(Mon|Tue)\\b"))) is None
    report = ("def feed_report(totals):\n    lines = []\n    for pen in sorted(totals):\n        amount = round(totals[pen], 1)\n"
              "        lines.append(' '.join(['Pen', pen + ':', {amount}, 'kg']))\n    return '\\n'.join(lines)\n")
    assert trivial(report.format(amount="amount")) == (
        "always an error: ' '.join(['Pen', pen + ':', amount, 'kg']) joins amount, a number, and str.join takes only strings (line 5)")
    assert trivial(report.format(amount="str(amount)")) is None


def test_blind143_to_148s_strips_and_counters():
    """blind148: ``code.lstrip("IATA:")`` strips any of I, A, T and ":" ("IATA:ATL" gives "L"; ``removeprefix`` is meant),
    not ``.rstrip(" \\n")`` nor ``.lstrip("aeiou")``; blind144/148: ``checked = 0`` compared in a loop and never
    stepped, so a full carousel is searched for ever."""
    clean = "def clean_codes(raw):\n    return [code.strip().upper().{call} for code in raw]\n"
    assert trivial(clean.format(call="lstrip('IATA:')")) == (
        "misused call: code.strip().upper().lstrip('IATA:') (line 2) strips any of the characters 'IATA:', not the word (removeprefix is meant)")
    assert trivial(clean.format(call="removeprefix('IATA:')")) is None
    assert trivial(clean.format(call="rstrip(' \\n')")) is None
    assert trivial(clean.format(call="lstrip('aeiou')")) is None  # a set of characters, meant as one
    slots = ("def next_free_slot(slots, start):\n    n = len(slots)\n    i = start % n\n    checked = 0\n    while slots[i] is not None:\n"
             "        if checked == n:\n            return None\n        i = (i + 1) % n\n{step}    return i\n")
    assert trivial(slots.format(step="")) == ("never ends: next_free_slot() compares checked in its loop (checked == n, line 6) and never changes it from 0")
    assert trivial(slots.format(step="        checked += 1\n")) is None


def test_the_minutes_of_a_clock_time_are_no_example_value():
    """blind142: "e.g. orders at 12:00, 12:10, 12:30, 12:31 and 13:20 -> `3`" is no example ``peak_orders(20) == 3``."""
    from hfsynth.curate.instruction_examples import instruction_examples

    peak = "def peak_orders(timestamps, window_minutes=30):\n    return 0\n"
    assert instruction_examples("Write `peak_orders(timestamps)`, e.g. orders at 12:00, 12:10, 12:30, 12:31 and 13:20 -> `3`", peak) == []
    assert [(e.call, e.want) for e in instruction_examples("Write `peak_orders(timestamps)`, e.g.: 20 -> `3`", peak)] == [("peak_orders(20)", "3")]


def test_blind149_to_155s_records_and_next_items():
    """blind154: pickups "like ``{"lat": ..., "lng": ..., "ts": ...}``" read as ``p["lon"]`` beside ``p["lat"]`` (one
    shown key read is enough to know the record); blind150 and five older sets: ``xs[i + 1]`` with ``i`` from
    ``enumerate(xs)`` reads past the end at the last item."""
    from hfsynth.curate.json_keys import key_missing_from_the_record

    ask = 'Pickups come as dicts like `{"lat": 40.7128, "lng": -74.0060, "ts": 1717000000}`. Write `pickup_centroid(pickups)`.'
    centroid = "def pickup_centroid(pickups):\n    lats = [p['lat'] for p in pickups]\n    lngs = [p['{key}'] for p in pickups]\n    return sum(lats) / len(lats), sum(lngs) / len(lngs)\n"
    assert key_missing_from_the_record(ask, ast.parse(centroid.format(key="lon"))) == (
        "the code reads p['lon'] (line 3) and the instruction's record holds 'lat', 'lng', 'ts', never 'lon': KeyError on the first one")
    assert key_missing_from_the_record(ask, ast.parse(centroid.format(key="lng"))) is None
    gaps = "def average_gap(days):\n    total = 0\n    for i, current in enumerate(days):\n        total += days[i + 1] - current\n    return total / (len(days) - 1)\n"
    assert trivial(gaps) == "always an error: days[i + 1] with i in enumerate(days) reads past the end at the last i (line 4)"
    assert trivial(gaps.replace("enumerate(days)", "enumerate(days[:-1])")) is None
    headers = "def names(lines):\n    out = []\n    for i, line in enumerate(lines):\n        if i + 1 < len(lines) and line == 'Name:':\n            out.append(lines[i + 1])\n    return out\n"
    assert trivial(headers) is None  # the index compared: the read is guarded


def test_blind149_to_155s_frozen_fields_and_mixed_dates():
    """blind153: ``self.end = new_end`` in a method of a ``@dataclass(frozen=True)`` raises whenever it runs
    (``dataclasses.replace`` makes the copy); two older sets: a ``datetime`` parameter minus a ``date`` one."""
    loan = ("from dataclasses import dataclass{extra}\nfrom datetime import date, timedelta\n\n\n@dataclass({frozen})\nclass Loan:\n    start: date\n    end: date\n\n"
            "    def extended(self, days: int) -> 'Loan':\n        {body}\n")
    assert trivial(loan.format(extra="", frozen="frozen=True", body="self.end = self.end + timedelta(days=days)\n        return self")) == (
        "always an error: self.end = ... in Loan.extended() (line 11): Loan is frozen, so the assignment raises whenever it runs")
    assert trivial(loan.format(extra="", frozen="", body="self.end = self.end + timedelta(days=days)\n        return self")) is None
    assert trivial(loan.format(extra=", replace", frozen="frozen=True", body="return replace(self, end=self.end + timedelta(days=days))")) is None
    point = "from typing import NamedTuple\n\n\nclass Point(NamedTuple):\n    x: int\n\n    def moved(self, dx):\n        self.x += dx\n        return self\n"
    assert trivial(point).endswith("Point is frozen, so the assignment raises whenever it runs")
    overdue = "from datetime import date, datetime\n\n\ndef days_out(checked_out: date, as_of: {kind}) -> int:\n    return (as_of - checked_out).days\n"
    assert trivial(overdue.format(kind="datetime")) == "always an error: as_of - checked_out (line 5) mixes a datetime and a date, which raises TypeError"
    assert trivial(overdue.format(kind="date")) is None
    elapsed = "from datetime import {kind}\n\n\ndef elapsed(start: str, finish: str) -> int:\n    t0 = {kind}.fromisoformat(start)\n    t1 = {kind}.fromisoformat(finish)\n    return int((t1 - t0).total_seconds())\n"
    assert trivial(elapsed.format(kind="time")) == (
        "always an error: t1 - t0 (line 7) subtracts from a datetime.time, which takes no arithmetic (TypeError; a datetime or minutes of the day are meant)")
    assert trivial(elapsed.format(kind="datetime")) is None


def test_blind149_to_155s_kinds_a_loop_binds():
    """blind152: ``members = clubs.setdefault(club, set())`` in a loop is a set, which has no ``append`` (a name bound
    in a loop's body has the kind of what binds it); ``max(row["bib"] for row in rows) + 1`` over
    ``list(csv.DictReader(...))`` adds a number to a text."""
    clubs = ("def runners_by_club(entries):\n    clubs = dict()\n    for name, club in entries:\n        members = clubs.setdefault(club, DEFAULT)\n"
             "        if name not in members:\n            members.ADD(name)\n    return [sorted(names) for names in clubs.values()]\n")
    assert trivial(clubs.replace("DEFAULT", "set()").replace("ADD", "append")) == (
        "always an error: members in runners_by_club() is always a set, which has no .append (line 6)")
    assert trivial(clubs.replace("DEFAULT", "set()").replace("ADD", "add")) is None
    assert trivial(clubs.replace("DEFAULT", "[]").replace("ADD", "append")) is None
    bib = ("import csv\nimport io\n\n\ndef next_free_bib(csv_text: str) -> int:\n    rows = list(csv.DictReader(io.StringIO(csv_text)))\n"
           "    if not rows:\n        return 1\n    return max({read} for row in rows) + 1\n")
    assert trivial(bib.format(read='row["bib"]')).endswith("a CSV field is a str, and using it as a number raises TypeError")
    assert trivial(bib.format(read='int(row["bib"])')) is None


def test_blind149_to_155s_asks_that_are_not_asks():
    """Good rows of blind149-155 that read as breaking an ask: "(ascending, no duplicates)" of what a skier has, a shift
    pattern's "working day", a stock that "can no longer cover" a day (a running total), "use `None` when" (a missing
    regex group gives it), "equal weights keep their input order" after a sort by port then weight, and positions sorted
    to restore the input's order."""
    passes = "def cheapest_passes(days, p1):\n    return p1 * len(days)\n"
    assert check("A skier has a list of season day numbers (ascending, no duplicates). Write `cheapest_passes(days, p1)`.", passes) is None
    assert check("Write `cheapest_passes(days, p1)`; return the days covered, with no duplicates.", passes).endswith("nothing in the code removes a duplicate")
    rota = "from datetime import date\n\n\ndef is_working(pattern_start: date, day: date) -> bool:\n    return (day - pattern_start).days % 6 < 4\n"
    assert check("Housekeepers work 4 days on and 2 days off, from `pattern_start` (the first working day). Write `is_working(pattern_start, day)`.", rota) is None
    assert check("Write `is_working(pattern_start, day)`: True on a working day.", rota).endswith("never asks which day of the week a date is")
    shortage = ("from itertools import accumulate\n\n\ndef first_shortage_day(stock, daily_usage):\n    for day, used in enumerate(accumulate(daily_usage)):\n"
                "        if used > stock:\n            return day\n    return None\n")
    assert check("Write `first_shortage_day(stock, daily_usage)`: the first day on which the stock can no longer cover that day's usage.", shortage) is None
    assert check("Write `first_shortage_day(stock, daily_usage)`: the first day whose usage is larger than the stock.", shortage).endswith("the code accumulates (accumulate(daily_usage), line 5)")
    report = ("import re\n\nLINE = re.compile(r'Room (?P<room>\\d+): (?P<score>\\d+)(?: \\((?P<inspector>\\w+)\\))?')\n\n\ndef parse_report(text):\n"
              "    return [{'room': m['room'], 'inspector': m['inspector']} for m in map(LINE.match, text.splitlines()) if m]\n")
    assert check("Write `parse_report(text)`. The `(inspector)` part is optional; use `None` when it is missing.", report) is None
    assert check("Write `parse_report(text)`. The `(inspector)` part is optional; use 'unknown' when it is missing.", report) == (
        "the instruction asks for the value 'unknown' (\"use 'unknown' when\") and the code leaves it out")
    loading = ("def loading_order(containers, rotation):\n    position = {port: i for i, port in enumerate(rotation)}\n"
               "    return [c['code'] for c in sorted(containers, key=lambda c: (-position[c['pod']], -c['LAST']))]\n")
    ties = "Load later ports first; within a port, heavier containers first; equal weights keep their input order. Write `loading_order(containers, rotation)`."
    assert check(ties, loading.replace("LAST", "weight_t")) is None
    assert check(ties, loading.replace("LAST", "code")).endswith("breaks ties by another field")
    pairs = ("def pair_twenties(containers):\n    waiting, partner = {}, {}\n    for i, (code, pod) in enumerate(containers):\n        if pod in waiting:\n"
             "            partner[waiting.pop(pod)] = code\n        else:\n            waiting[pod] = i\n"
             "    return [(containers[i][0], partner[i]) for i in sorted(partner)], [containers[i][0] for i in sorted(waiting.values())]\n")
    same_pod = "Write `pair_twenties(containers)` that pairs `(code, pod)` containers with the same POD in input order (first with second, ...)."
    assert check(same_pod, pairs) is None
    assert check(same_pod, pairs.replace("for i in sorted(waiting.values())]", "for i in waiting.values()] + sorted(containers)")).endswith(
        "sorts by the whole item, so equal keys are ordered by the next field")
    # "in order of their END" names the order's field: no ask to keep equal keys in input order (b209-016)
    sessions = "A session is a START followed by an END on the same machine, in order of their END. Write `orphans(events)`."
    assert check(sessions, "def orphans(events):\n    return sorted(e for e in events if e[2] == 'END')\n") is None
    assert check(sessions.replace("in order of their END", "in their order"), "def orphans(events):\n    return sorted(e for e in events if e[2] == 'END')\n") is not None
    superseded = "An orphan is a START superseded by another START on the same machine before any END. Write `orphans(events)`."
    assert check(superseded, "def orphans(events):\n    return sorted(e for e in events if e[2] == 'END')\n") is None


def test_a_day_named_before_its_date_is_an_example():
    """blind151: "working days (Monday to Friday) ... discharged on Friday 2024-03-01 with 3 free days -> Wednesday
    2024-03-06" names Monday to Friday; the example's days do not void it, so ``isoweekday() < 5`` (Monday to
    Thursday) is read."""
    expiry = ("from datetime import date, timedelta\n\n\ndef free_time_expiry(discharge: date, free_days: int) -> date:\n    day, counted = discharge, 0\n"
              "    while counted < free_days:\n        day += timedelta(days=1)\n        if day.TEST:\n            counted += 1\n    return day\n")
    ask = ("Count only working days (Monday to Friday). Write `free_time_expiry(discharge, free_days)`: the last free day. "
           "Example: discharged on Friday 2024-03-01 with 3 free days -> Wednesday 2024-03-06.")
    assert check(ask, expiry.replace("TEST", "isoweekday() < 5")) == (
        "the instruction's days are Mon-Tue-Wed-Thu-Fri and the code's test day.isoweekday() < 5 (line 8) picks Mon-Tue-Wed-Thu")
    assert check(ask, expiry.replace("TEST", "weekday() < 5")) is None
    from hfsynth.curate.weekday_requirements import asked_days

    assert asked_days("The office is open Monday to Friday 9 to 5.") == frozenset(range(5))  # hours, not a date
    assert asked_days("Open on weekdays; e.g. Saturday, 4 May is closed.") == frozenset(range(5))


def test_a_pattern_looked_for_wherever_it_appears_is_searched_for():
    """blind152: "the number that follows the word `bib`, wherever it appears in the message" answered with
    ``BIB.match(message)``, which looks only at the start, ``bib\\s*#?`` in the pattern or not (a pattern that opens
    with ``\\s*`` or ``.*`` reaches in)."""
    bib = 'import re\n\nBIB = re.compile(r"PATTERN", re.IGNORECASE)\n\n\ndef extract_bib(message: str):\n    match = BIB.CALL(message)\n    return int(match.group(1)) if match else None\n'
    ask = "Write `extract_bib(message)` returning the number that follows the word `bib`, wherever it appears in the message, or `None`."
    assert check(ask, bib.replace("PATTERN", "bib\\s*#?\\s*([0-9]+)").replace("CALL", "match")) == (
        "the instruction asks for a match 'wherever' and the code only calls match(), which tries the start")
    assert check(ask, bib.replace("PATTERN", "bib\\s*#?\\s*([0-9]+)").replace("CALL", "search")) is None
    assert check(ask, bib.replace("PATTERN", ".*?bib #?([0-9]+)").replace("CALL", "match")) is None
    assert check(ask, bib.replace("PATTERN", "\\s*bib #?([0-9]+)").replace("CALL", "match")) is None


def test_a_returned_tuple_a_counted_item_a_time_at_every_stop_and_an_end_handled_apart():
    """blind161: "every departure is given as `(route, bay, "HH:MM")`" then "returning a list of `(bay, time, routes)`
    tuples": the tuple spelt after "returning" is what comes out, not the items the loop unpacks; "the time at every stop"
    of legs "from stop `i` to stop `i + 1`" is a running total. blind157: "the night on which the most pitches are
    occupied" counts bookings, each holding one pitch, so ``_pitch`` thrown away is no dropped field ("the total number
    of tickets" of a ``tickets`` field still is). blind158: "which frame (1-10)" over ``range(1, 10)`` and then the
    tenth frame on its own (``return (10, ...)``)."""
    conflicts = ("from collections import defaultdict\n\n\ndef bay_conflicts(departures):\n    by_slot = defaultdict(set)\n"
                 "    for NAMES in departures:\n        by_slot[(time, bay)].add(route)\n"
                 "    return [(bay, time, sorted(r)) for (time, bay), r in sorted(by_slot.items()) if len(r) > 1]\n")
    given = "Every departure is given as `(route, bay, \"HH:MM\")`. Write `bay_conflicts(departures)` returning a list of `(bay, time, routes)` tuples."
    assert check(given, conflicts.replace("NAMES", "route, bay, time")) is None
    spelled = "Every departure is a `(route, bay, time)` tuple. Write `bay_conflicts(departures)` returning a list of `(bay, time, routes)` tuples."
    assert check(spelled, conflicts.replace("NAMES", "bay, route, time")) == (
        "the instruction's items are (route, bay, time) and the code unpacks them as (bay, route, time) (line 6)")
    busiest = ("from collections import Counter\n\n\ndef busiest_night(bookings):\n    counts = Counter()\n    for NAMES in bookings:\n"
               "        counts[arrival] += 1\n    return max(counts, key=counts.get) if counts else None\n")
    pitches = "`bookings` is a list of `(pitch, arrival, departure)`. Write `busiest_night(bookings)`: the night on which the most pitches are occupied."
    assert check(pitches, busiest.replace("NAMES", "_pitch, arrival, departure")) is None
    distinct = "`bookings` is a list of `(pitch, arrival, departure)`. Write `busiest_night(bookings)`: the night with the most different pitches."
    assert check(distinct, busiest.replace("NAMES", "_pitch, arrival, departure")).startswith("the instruction asks about the pitch of its")
    times = ("from itertools import accumulate\n\n\ndef stop_arrival_times(departure: int, run_times: list[int]) -> list[int]:\n"
             "    return [t % 1440 for t in accumulate(run_times, initial=departure)]\n")
    legs = "Write `stop_arrival_times(departure, run_times)`; `run_times[i]` is the minutes from stop `i` to stop `i + 1`. Return the minute at {what}."
    assert check(legs.format(what="every stop"), times) is None
    assert check("Write `stop_arrival_times(departure, run_times)` returning each run time as a minute of the day.", times).startswith(
        "the instruction asks for nothing cumulative")
    frames = "def next_frame(rolls):\n    i = 0\n    for frame in range(1, 10):\n        if i >= len(rolls):\n            return frame\n        i += 1\nLAST"
    ask = "Write `next_frame(rolls)` returning which frame (1-10) is about to be played."
    assert check(ask, frames.replace("LAST", "    return 10 if i < len(rolls) + 2 else None\n")) is None
    assert check(ask, frames.replace("LAST", "    return None\n")) == "the instruction says '1-10' and range(1, 10) (line 3) stops before 10"


def test_blind156_to_162s_junk_read_from_the_instruction():
    """blind162: "returning a tuple `(most_visited, least_visited)`" answered by ``return most_visited`` (fourteen such
    rows over the labelled sets, no good one); "times written as `"H:MM"`" compared with ``entry < "12:00"``. blind158:
    "`leaves` is a list of sets" counted by ``Counter`` (sets are unhashable); a CSV "with the header
    `timestamp,pair_id,action`" read as ``row["time"]``. blind157: ``groupby`` over payments "in no particular order".
    blind160: durations "in minutes" handed to ``timedelta(n)``, which takes days. blind161: ``BUS.match(line)`` where
    the lines shown hold "BUS-" after a date and a time."""
    visited = ("def most_and_least_visited(counts):\n    if not counts:\n        return None\n"
               "    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))\n    most_visited = ranked[0][0]\n    return RETURNED\n")
    ask = "Write `most_and_least_visited(counts)` returning a tuple `(most_visited, least_visited)`. Return `None` for an empty dict."
    assert check(ask, visited.replace("RETURNED", "most_visited")) == (
        "the instruction asks for a tuple (most_visited, least_visited) and most_and_least_visited() returns most_visited alone (line 6)")
    assert check(ask, visited.replace("RETURNED", "most_visited, ranked[-1][0]")) is None
    sessions = ("def split_by_session(entries):\n    morning, afternoon = [], []\n    for entry in entries:\n        if TEST:\n"
                "            morning.append(entry)\n        else:\n            afternoon.append(entry)\n    return morning, afternoon\n")
    ask = 'Entry times are written as `"H:MM"` or `"HH:MM"`. Write `split_by_session(entries)`: morning is before 12:00.'
    assert check(ask, sessions.replace("TEST", 'entry < "12:00"')).endswith("entry < '12:00' (line 4) compares the text as it is, so '9:30' sorts after '14:00'")
    assert check(ask, sessions.replace("TEST", 'int(entry.split(":")[0]) < 12')) is None
    leaves = "from collections import Counter\n\n\ndef common_leaves(leaves, n=3):\n    return Counter(ITEMS).most_common(n)\n"
    ask = "Write `common_leaves(leaves, n=3)` where `leaves` is a list of sets of pin numbers left standing; return the n most common."
    assert check(ask, leaves.replace("ITEMS", "leave for leave in leaves if leave")).startswith(
        "Counter((leave for leave in leaves if leave)) (line 5) hashes the items of leaves, which are sets")
    assert check(ask, leaves.replace("ITEMS", "frozenset(leave) for leave in leaves if leave")) is None
    log = ("import csv\nimport io\n\n\ndef pairs_still_out(csv_text):\n    rows = list(csv.DictReader(io.StringIO(csv_text)))\n"
           "    rows.sort(key=lambda row: row[KEY])\n    return sorted(row['pair_id'] for row in rows if row['action'] == 'out')\n")
    ask = "The terminal exports a CSV log with the header `timestamp,pair_id,action`. Write `pairs_still_out(csv_text)`, replayed in time order."
    assert check(ask, log.replace("KEY", "'time'")).startswith("the code reads row['time'] (line 7) of rows whose header the instruction gives as timestamp,pair_id,action")
    assert check(ask, log.replace("KEY", "'timestamp'")) is None
    revenue = ("from itertools import groupby\n\n\ndef monthly_revenue(payments):\n"
               "    return [(m, sum(a for _, a in g)) for m, g in groupby(ITEMS, key=lambda p: p[0][:7])]\n")
    ask = "`payments` is a list of `(date, amount)` tuples in no particular order. Write `monthly_revenue(payments)`: totals per month."
    assert check(ask, revenue.replace("ITEMS", "payments")).endswith("groups them as they come, and groupby joins neighbours only")
    assert check(ask, revenue.replace("ITEMS", "sorted(payments)")) is None
    wash = ("from datetime import datetime, timedelta\n\nDURATIONS = {'normal': 45, 'express': 20}\n\n\n"
            "def cycle_end(start: datetime, program: str) -> datetime:\n    return start + timedelta(SPAN)\n")
    ask = "Write `cycle_end(start, program)`. Program durations in minutes are `{\"normal\": 45, \"express\": 20}`."
    assert check(ask, wash.replace("SPAN", "DURATIONS[program]")) == (
        "the instruction's durations are minutes and timedelta(DURATIONS[program]) (line 7) takes them as days (timedelta's first argument)")
    assert check(ask, wash.replace("SPAN", "minutes=DURATIONS[program]")) is None
    fleet = ("import re\n\nVEHICLE = re.compile(r'BUS-(\\d+)')\n\n\ndef vehicles_in_log(lines):\n"
             "    return sorted({int(m.group(1)) for m in (VEHICLE.CALL(line) for line in lines) if m})\n")
    ask = "The control room log has lines such as `2024-05-02 07:13:22 BUS-104 door fault`. Write `vehicles_in_log(lines)`: the fleet numbers."
    assert check(ask, fleet.replace("CALL", "match")).startswith("re.match of 'BUS-(\\\\d+)' (line 7) tries the start of the text only")
    assert check(ask, fleet.replace("CALL", "search")) is None
    assert check(ask.replace("2024-05-02 07:13:22 BUS-104", "BUS-104 at 07:13:22"), fleet.replace("CALL", "match")) is None


def test_blind158_to_162s_junk_that_raises_or_never_ends_on_ordinary_input():
    """blind162: ``heappush(heap, (animal.due_minute, animal))`` with ``Animal`` an unordered dataclass known by the fields
    the loop reads (no annotation); the head keeper "recorded as their own supervisor" and a walk up while the keeper
    has one. blind159: ``claim = copy.copy(claim); claim.status = "closed"`` of a frozen dataclass; dict claims on a heap
    after two of their own fields (two claims alike in both compare the dicts). blind161: a breadth-first search over
    "two-way" segments that extends the queue with every neighbour and never asks which were seen."""
    feeding = ("import heapq\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Animal:\n    name: str\n    due_minute: int\n\n\n"
               "def feeding_order(animals):\n    heap = []\n    for animal in animals:\n        heapq.heappush(heap, PUSHED)\n"
               "    return [heapq.heappop(heap)[-1].name for _ in range(len(heap))]\n")
    assert trivial(feeding.replace("PUSHED", "(animal.due_minute, animal)")).startswith(
        "always an error: heapq.heappush(heap, (animal.due_minute, animal)) (line 14) puts animal, a record that cannot be ordered")
    assert trivial(feeding.replace("PUSHED", "(animal.due_minute, len(heap), animal)")) is None
    chain = ("def top_supervisor(keeper, supervisor_of):\n    levels = 0\n    current = keeper\n    while TEST:\n"
             "        current = supervisor_of[current]\n        levels += 1\n    return current, levels\n")
    ask = "`supervisor_of` maps each keeper to their supervisor; the head keeper is recorded as their own supervisor. Write `top_supervisor(keeper, supervisor_of)`."
    assert trivial(chain.replace("TEST", "current in supervisor_of"), ask).startswith("never ends: the while loop at line 4 climbs supervisor_of[current]")
    assert trivial(chain.replace("TEST", "supervisor_of[current] != current"), ask) is None
    claims = ("import copy\nfrom dataclasses import dataclass\n\n\n@dataclass(frozen=True)\nclass Claim:\n    claim_id: str\n    amount: float\n"
              "    status: str = 'open'\n\n\ndef close_small_claims(claims, threshold):\n    result = []\n    for claim in claims:\n"
              "        if claim.status == 'open' and claim.amount < threshold:\n            CLOSE\n        result.append(claim)\n    return result\n")
    assert trivial(claims.replace("CLOSE", "claim = copy.copy(claim)\n            claim.status = 'closed'")) == (
        "always an error: claim.status = ... (line 17): claim is a Claim, which is frozen (a copy of one too), so the assignment raises whenever it runs")
    assert trivial(claims.replace("CLOSE", "claim = dataclasses.replace(claim, status='closed')").replace("import copy", "import dataclasses")) is None
    triage = "import heapq\n\n\ndef triage(claims, n):\n    heap = []\n    for claim in claims:\n        heapq.heappush(heap, PUSHED)\n    return heap[:n]\n"
    assert trivial(triage.replace("PUSHED", "(-claim['severity'], -claim['amount'], claim)")).startswith(
        "misused call: heapq.heappush(heap, (-claim['severity'], -claim['amount'],  (line 7): on equal keys heapq compares the dicts (claim)")
    assert trivial(triage.replace("PUSHED", "(-claim['severity'], claim['id'], claim)")) is None  # an id tells two claims apart
    reach = ("from collections import deque\n\n\ndef reachable_stops(links, start):\n    reached = set()\n    queue = deque([start])\n"
             "    while queue:\n        stop = queue.popleft()\n        reached.add(stop)\n        EXTEND\n    return sorted(reached)\n")
    ask = "`links[stop]` lists the stops connected to `stop`. Segments are two-way. Write `reachable_stops(links, start)`."
    assert trivial(reach.replace("EXTEND", "queue.extend(links.get(stop, []))"), ask).startswith(
        "never ends: the while loop at line 7 puts every neighbour back on queue without asking whether it was seen")
    assert trivial(reach.replace("EXTEND", "queue.extend(s for s in links.get(stop, []) if s not in reached)"), ask) is None


def test_blind156s_best_kept_ties_picked_touching_bookings_and_a_rounded_field():
    """blind156: ``if ratio < best_ratio: best_ratio = batch["baked"] - batch["sold"]`` keeps another value than the
    one compared (``if start >= last_end: last_end = end`` keeps no best, so it is not read); ``min(loads, key=loads.get)``
    where ties go to the name first alphabetically; back-to-back bookings that "do **not** conflict" tested with
    ``ns <= be and bs <= ne`` (short names made from the start and end); "Return a tuple `(cost, low)`" answered by
    ``return round(cost, 2)``."""
    best = ("def best_batch(batches):\n    best_id, best_ratio = None, float('inf')\n    for batch in batches:\n"
            "        ratio = (batch['baked'] - batch['sold']) / batch['baked']\n        if ratio < best_ratio:\n"
            "            best_id = batch['id']\n            best_ratio = KEPT\n    return best_id\n")
    assert trivial(best.replace("KEPT", "batch['baked'] - batch['sold']")).startswith("wrong value kept: if ratio < best_ratio (line 5) keeps best_ratio")
    assert trivial(best.replace("KEPT", "ratio")) is None
    assert trivial("def fits(slots):\n    last_end, n = 0, 0\n    for start, end in slots:\n        if start >= last_end:\n"
                   "            last_end = end\n            n += 1\n    return n\n") is None
    ovens = "def least_busy_oven(loads):\n    return PICK\n"
    ask = "Write `least_busy_oven(loads)`: the oven with the fewest booked minutes; if several ovens tie, return the one whose name comes first alphabetically."
    assert check(ask, ovens.replace("PICK", "min(loads, key=loads.get)")).endswith("keeps the first of tied values it meets, in the input's order")
    assert check(ask, ovens.replace("PICK", "min(sorted(loads), key=loads.get)")) is None
    assert check(ask, ovens.replace("PICK", "min(loads, key=lambda o: (loads[o], o))")) is None
    book = ("def _m(t):\n    h, m = t.split(':')\n    return int(h) * 60 + int(m)\n\n\ndef can_book(bookings, new_start, new_end):\n"
            "    ns, ne = _m(new_start), _m(new_end)\n    for start, end in bookings:\n        bs, be = _m(start), _m(end)\n"
            "        if TEST:\n            return False\n    return True\n")
    ask = "Write `can_book(bookings, new_start, new_end)`; back-to-back bookings (one ending at 10:00, the next starting at 10:00) do **not** conflict."
    assert check(ask, book.replace("TEST", "ns <= be and bs <= ne")).endswith("counts intervals that only touch as overlapping")
    assert check(ask, book.replace("TEST", "ns < be and bs < ne")) is None
    report = "def restock_report(stock, level):\n    low = sorted(k for k in level if stock.get(k, 0) < level[k])\n    cost = 2.0 * len(low)\n    return RETURNED\n"
    ask = "Write `restock_report(stock, level)`. Return a tuple `(cost, low)`: the cost and the sorted low ingredients."
    assert check(ask, report.replace("RETURNED", "round(cost, 2)")).endswith("restock_report() returns cost alone (line 4)")
    assert check(ask, report.replace("RETURNED", "round(cost, 2), low")) is None


def test_blind157_and_158s_stub_methods_named_days_and_no_rounding():
    """blind157: a class stub whose ``def cancel(self, ref: str) -> None:  # KeyError ...`` line has no body (so the stub
    does not parse) still lists ``cancel``; blind158: a discount "on a Friday or Saturday" with no weekday read, and an
    average "with fractions dropped (do not round ...)" answered by ``round(total / games)``."""
    stub = ("Implement a booking register:\n\n```python\nclass BookingRegister:\n    def add(self, ref: str, nights: int) -> None: ...\n"
            "    def cancel(self, ref: str) -> None:         # KeyError if the ref is unknown\n    def nights(self) -> int: ...\n```\n")
    register = ("class BookingRegister:\n    def __init__(self):\n        self._b = {}\n\n    def add(self, ref, nights):\n        self._b[ref] = nights\n\n"
                "    def nights(self):\n        return sum(self._b.values())\nMORE")
    assert check(stub, register.replace("MORE", "")) == "the instruction asks for the method cancel and the code leaves it out"
    assert check(stub, register.replace("MORE", "\n    def cancel(self, ref):\n        del self._b[ref]\n")) is None
    price = ("from datetime import datetime, time\n\n\ndef booking_price(start: datetime, hours: float, rate: float) -> float:\n"
             "    price = hours * rate\n    if TEST:\n        price *= 0.8\n    return round(price, 2)\n")
    ask = "Cosmic bowling gives 20% off bookings that start at or after 21:00 **on a Friday or Saturday**. Write `booking_price(start, hours, rate)`."
    assert check(ask, price.replace("TEST", "start.time() >= time(21, 0)")).endswith("never asks which day of the week a date is")
    assert check(ask, price.replace("TEST", "start.time() >= time(21, 0) and start.weekday() in (4, 5)")) is None
    assert check("Bookings made on Friday, 8 March get a welcome drink. Write `booking_price(start, hours, rate)`.",
                 price.replace("TEST", "start.time() >= time(21, 0)")) is None  # a day and its date: an example, no rule
    average = "def bowler_average(total_pins: int, games: int) -> int:\n    if games == 0:\n        return 0\n    return AVERAGE\n"
    ask = "League averages are truncated. Write `bowler_average(total_pins, games)` with fractions dropped (do not round: 599 over 3 is 199)."
    assert check(ask, average.replace("AVERAGE", "round(total_pins / games)")).endswith("round(total_pins / games) (line 4) rounds to the nearest")
    assert check(ask, average.replace("AVERAGE", "total_pins // games")) is None


def test_blind163_to_169s_junk_that_raises_or_never_ends_on_ordinary_input():
    """blind163-169: ties of a heap or a keyless sort that compare records (``heapq.nlargest(k, ((r.votes, r) for r in
    results))``, ``heapify`` of ``[(-urgency(insp, today), insp) ...]``); an int looked up in a JSON object, item of a
    ``list[int]`` or in an object inside the document; a time of day ordered against a datetime; a Decimal times a float;
    ``when.replace(day=when.day + days)``; ``abs(b - a).seconds``; and while loops that reach a ``continue`` with nothing
    changed (``held[order["id"]] = ...`` changes held, not order; ``slot.time()`` reads no clock)."""
    votes = ("import heapq\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Result:\n    name: str\n    votes: int\n\n\n"
             "def top(results: list[Result], k: int) -> list[Result]:\n    return [r for *_, r in heapq.nlargest(k, (PAIR for i, r in enumerate(results)))]\n")
    assert trivial(votes.replace("for i, r in enumerate(results)", "for r in results").replace("PAIR", "(r.votes, r)")).endswith(
        "two equal keys compare the records, which raises TypeError")
    assert trivial(votes.replace("PAIR", "(r.votes, -i, r)")) is None  # the index breaks every tie
    heap = ("import heapq\nfrom dataclasses import dataclass\nfrom datetime import date\n\n\n@dataclass\nclass Check:\n    hive: str\n    day: date\n\n\n"
            "def urgency(c: Check, today: date) -> int:\n    return (today - c.day).days\n\n\n"
            "def most_urgent(checks, today, n):\n    heap = [(-urgency(c, today), KEY c) for c in checks]\n    heapq.heapify(heap)\n"
            "    return [heapq.heappop(heap)[-1].hive for _ in range(min(n, len(heap)))]\n")
    assert "puts c, a record that cannot be ordered" in trivial(heap.replace("KEY ", ""))
    assert trivial(heap.replace("KEY ", "c.hive, ")) is None
    fills = ("import json\n\n\ndef average_fill(sensor_json: str, route: list[int]) -> float:\n    fills = LOADED\n"
             "    return sum(fills[b] for b in route) / len(route)\n")
    ask = 'The sensors send `{"stations": {"101": 82.5, "102": 40}}`. Write `average_fill(sensor_json, route)` for a route of bin numbers.'
    assert check(ask, fills.replace("LOADED", 'json.loads(sensor_json)["stations"]')).endswith("looks up the int b: it never finds it")
    assert check(ask, fills.replace("LOADED", '{int(k): v for k, v in json.loads(sensor_json)["stations"].items()}')) is None
    late = ("from datetime import date, datetime, time\n\n\ndef late(checkins: list[tuple[str, datetime]], day: date) -> list[str]:\n"
            "    closing = datetime.combine(day, time(20, 0))\n    return [v for v, ts in checkins if ts.date() == day and LATER]\n")
    assert trivial(late.replace("LATER", "ts.time() > closing")).endswith("orders a time of day against a datetime, which raises TypeError")
    assert trivial(late.replace("LATER", "ts > closing")) is None
    quote = ("from decimal import Decimal, ROUND_HALF_UP\n\nRUSH = SURCHARGE\n\n\ndef quote(metres, price, rush=False):\n"
             "    total = Decimal(str(metres)) * Decimal(str(price))\n    if rush:\n        total += total * RUSH\n"
             "    return total.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n")
    assert trivial(quote.replace("SURCHARGE", "0.25")).endswith("mixes a Decimal and a float, which raises TypeError")
    assert trivial(quote.replace("SURCHARGE", "Decimal('0.25')")) is None
    moved = "from datetime import datetime\n\n\ndef postpone(fittings: list[datetime], days: int) -> list[datetime]:\n    return [MOVED for when in fittings]\n"
    assert "moves the day in place: past the month's last day it raises ValueError" in trivial(moved.replace("MOVED", "when.replace(day=when.day + days)"))
    assert trivial("from datetime import timedelta\n" + moved.replace("MOVED", "when + timedelta(days=days)")) is None
    hours = "from datetime import datetime\n\n\ndef hours_between(a: str, b: str) -> float:\n    delta = abs(datetime.fromisoformat(b) - datetime.fromisoformat(a))\n    return round(delta.SPAN / 3600, 1)\n"
    assert "timedelta.seconds leaves out whole days" in trivial(hours.replace("SPAN", "seconds"))
    assert trivial(hours.replace("SPAN", "total_seconds()")) is None
    queue = ("def process(queue: list[dict], in_stock: set[str]):\n    started, held, i = [], {}, 0\n    while i < len(queue):\n        order = queue[i]\n"
             "        if order['fabric'] not in in_stock:\n            held[order['id']] = order['fabric']\n            STEPcontinue\n"
             "        started.append(order['id'])\n        i += 1\n    return started, held\n")
    assert trivial(queue.replace("STEP", "")).startswith("never ends: the while loop at line 3 (i < len(queue)) can reach a continue without changing i, queue")
    assert trivial(queue.replace("STEP", "i += 1\n            ")) is None
    slots = ("from datetime import datetime, time, timedelta\n\nLUNCH = {time(12, 30), time(13, 0)}\n\n\ndef next_free(after: datetime, booked: set) -> datetime:\n"
             "    slot = after.replace(second=0, microsecond=0)\n    while True:\n        if slot.time() in LUNCH:\n            STEPcontinue\n"
             "        if slot not in booked:\n            return slot\n        slot += timedelta(minutes=30)\n")
    assert "can reach a continue without changing LUNCH, slot: it never ends" in trivial(slots.replace("STEP", ""))
    assert trivial(slots.replace("STEP", "slot += timedelta(minutes=30)\n            ")) is None
    clock = "import time\n\n\ndef wait_for(flag: dict, deadline: float) -> bool:\n    while True:\n        if time.time() < deadline:\n            continue\n        return flag['done']\n"
    assert trivial(clock) is None  # the clock moves: time.time() is no datetime's time of day
    low = ("import csv\nimport io\n\n\ndef low_availability(csv_text):\n    flagged = []\n    for row in csv.DictReader(io.StringIO(csv_text)):\n"
           "        capacity, sold = int(row['capacity']), int(row['sold'])\n        remaining = capacity - sold\n"
           "        if remaining < THRESHOLD:\n            flagged.append(row['screening'])\n    return flagged\n")
    assert trivial(low.replace("THRESHOLD", "row['alert_threshold']")).endswith("a CSV field is a str, and using it as a number raises TypeError")
    assert trivial(low.replace("THRESHOLD", "int(row['alert_threshold'])")) is None


def test_blind163_to_169s_requirements_read_from_the_instruction():
    """blind163-169: a pick "if several venues share the highest total, return the one whose name comes first
    alphabetically" answered by ``max(totals, key=totals.get)``; "room for **at most 5** suppliers, so never return more
    than 5" and "the three stations with the longest wait" with no cap (an assert's ``5.0`` caps nothing);
    ``re.match(r"#(\\d+)", note)`` where the notes shown hold the ``#`` further in; and what is no requirement: ties
    "with the same rush flag and due date" kept by a key of just those fields, "then by full name" (the key is the
    name), "working days of at most `per_day` stops" with no date in sight; and "how many **different people**" counted
    as every ballot (but not "how many different occupied/empty patterns", a count of arrangements)."""
    venue = "from collections import Counter\n\n\ndef best_venue(attendance):\n    totals = Counter()\n    for v, n in attendance:\n        totals[v] += n\n    return PICK\n"
    ask = "Write `best_venue(attendance)`. If several venues share the highest total, return the one whose name comes first alphabetically."
    assert check(ask, venue.replace("PICK", "max(totals, key=totals.get)")).endswith("keeps the first of tied values it meets, in the input's order")
    assert check(ask, venue.replace("PICK", "min(totals, key=lambda v: (-totals[v], v))")) is None
    top = ("def top_suppliers(deliveries: list[tuple[str, float]]) -> list[tuple[str, float]]:\n    totals = {}\n    for s, t in deliveries:\n"
           "        totals[s] = totals.get(s, 0) + t\n    return sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))CAP\n\n\n"
           "assert top_suppliers([('A', 5.0), ('B', 1.0)]) == [('A', 5.0), ('B', 1.0)]\n")
    ask = "Write `top_suppliers(deliveries)`. The dashboard has room for **at most 5** suppliers, so never return more than 5 entries."
    assert check(ask, top.replace("CAP", "")) == "the instruction says 'at most 5 suppliers' and the code never holds 5: every one is returned"
    assert check(ask, top.replace("CAP", "[:5]")) is None
    ask = "Write `longest_waits(waits)`. Return the names of the three stations with the longest average wait, longest first."
    waits = "def longest_waits(waits):\n    avg = {s: sum(t) / len(t) for s, t in waits.items() if t}\n    return sorted(avg, key=lambda s: -avg[s])CAP\n"
    assert check(ask, waits.replace("CAP", "")).startswith("the instruction says 'the three stations with the longest' and the code never holds three")
    assert check(ask, waits.replace("CAP", "[:3]")) is None
    assert check("Write `ticket(note)`: the number after the first `#`, as in `\"Left site late, ticket #48213, bay 4\"`.",
                 "import re\n\n\ndef ticket(note):\n    m = re.match(r'#(\\d+)', note)\n    return int(m.group(1)) if m else None\n").startswith(
        "re.match of '#(\\\\d+)' (line 5) tries the start of the text only")
    assert check("Write `ticket(note)`: the number after the `#` that opens notes such as `\"#48213 gross 14t\"`.",
                 "import re\n\n\ndef ticket(note):\n    m = re.match(r'#(\\d+)', note)\n    return int(m.group(1)) if m else None\n") is None
    orders = ("def work_order(orders):\n    return [o['id'] for o in sorted(orders, key=lambda o: (not o['rush'], o['due']KEY))]\n")
    ask = ("Write `work_order(orders)`: rush orders first, then by due date; orders with the same rush flag and due date keep their "
           "original relative order.")
    assert check(ask, orders.replace("KEY", "")) is None
    assert check(ask, orders.replace("KEY", ", o['id']")).endswith("breaks ties by another field")
    films = ("def by_director(catalogue):\n    index = {}\n    for film in catalogue:\n        for director in film['directors']:\n"
             "            index.setdefault(director, []).append(film['title'])\n    return {NAME: index[NAME] for NAME in sorted(index, key=lambda NAME: (NAME.split()[-1], NAME))}\n")
    ask = "Write `by_director(catalogue)`. The keys must be sorted by the director's last name, then by full name."
    assert check(ask, films.replace("NAME", "name")) is None
    assert check(ask, films.replace("NAME", "d")) is None  # "full name" is the name, a key any sort of names has
    plan = ("def plan_days(stops: list[str], per_day: int) -> dict[str, list[str]]:\n    chunks = [stops[i:i + per_day] for i in range(0, len(stops), per_day)]\n"
            "    return {f'Day {n}': c for n, c in enumerate(chunks, start=1)}\n")
    voters = "def distinct_voters(ballots):\n    voters = COLLECTED\n    return len(voters)\n"
    ask = "The festival reports how many **different people** voted. Each ballot names a voter and a film. Write `distinct_voters(ballots)`."
    assert check(ask, voters.replace("COLLECTED", "[b[0] for b in ballots]")).endswith("never tells one item from another (no set, dict or comparison)")
    assert check(ask, voters.replace("COLLECTED", "{b[0] for b in ballots}")) is None
    assert check("Write `count_layouts(n)`: how many different occupied/empty patterns a row of `n` seats can have.",
                 "def count_layouts(n):\n    return n + 1 if n < 2 else count_layouts(n - 1) + count_layouts(n - 2)\n") is None
    assert check("Write `plan_days(stops, per_day)`: split the stops into working days of at most `per_day` stops.", plan) is None
    assert check("Write `plan_days(stops, per_day, start)`: split the stops over working days from the `start` date.", plan).endswith(
        "never asks which day of the week a date is")


def test_blind163_to_169s_parts_left_out_and_fields_thrown_away():
    """blind163-169: the keys of "a dict with:" and one bullet per key, of "a `dict` that describes a sample with the keys
    `"count"`, ..." and of "a dict with four entries — `fabric`, ..., and `total` — all rounded"; an option bulleted as
    ``- `"overripe"` – above 25`` after "one of:"; a function that raises on bad input, works its answer out and never
    returns it; and ``for _juror, film, score in scores`` where "each juror's average" is asked (or ``_hive`` where
    "the number of **different hives**" is), the items' sample outside the function being another list."""
    summary = ("def fermentation_summary(readings):\n    (t0, b0), (t1, b1) = readings[0], readings[-1]\n"
               "    return {'start_brix': b0, 'end_brix': b1, 'drop': round(b0 - b1, 1)MORE}\n")
    ask = ("Write `fermentation_summary(readings)`. Return a dict with:\n\n- `\"start_brix\"` – the first reading's Brix,\n"
           "- `\"end_brix\"` – the last reading's Brix,\n- `\"drop\"` – start minus end,\n- `\"days\"` – the whole days between them.\n")
    assert "the key 'days' of the dict fermentation_summary() returns (it returns drop, end_brix, start_brix)" in check(ask, summary.replace("MORE", ""))
    assert check(ask, summary.replace("MORE", ", 'days': (t1 - t0).days")) is None
    stats = "import statistics\n\n\ndef bag_stats(weights):\n    return {'count': len(weights), 'min': min(weights), 'mean': round(statistics.mean(weights), 2)MORE}\n"
    ask = 'Write `bag_stats(weights: list[float]) -> dict` that describes a sample with the keys `"count"`, `"min"`, `"mean"` and `"stdev"`.'
    assert "the key 'stdev' of the dict bag_stats() returns" in check(ask, stats.replace("MORE", ""))
    assert check(ask, stats.replace("MORE", ", 'stdev': statistics.stdev(weights)")) is None
    quote = "def quote_breakdown(fabric, hours, rate, rush=False):\n    labour = hours * rate\n    total = (fabric + labour) * (1.3 if rush else 1)\n    return {'fabric': fabric, 'labour': labour, MOREtotal: round(total, 2)}\n"
    ask = "Write `quote_breakdown(fabric, hours, rate, rush)`. Return a dict with four entries — `fabric`, `labour`, `rush_fee` (30 % for rush orders) and `total` — all rounded."
    assert "the key 'rush_fee' of the dict quote_breakdown() returns" in check(ask, quote.replace("MORE", "").replace("total:", "'total':"))
    assert check(ask, quote.replace("MORE", "'rush_fee': total - fabric - labour, ").replace("total:", "'total':")) is None
    status = ("def _status(brix):\n    if brix is None:\n        return 'no data'\n    if brix < 21:\n        return 'unripe'\n    if brix <= 25:\n"
              "        return 'ready'\nMORE\n\ndef harvest_status(latest):\n    return {block: _status(b) for block, b in latest.items()}\n")
    ask = ("Return a dict mapping block name to one of:\n\n- `\"no data\"` – no reading;\n- `\"unripe\"` – below 21 Brix;\n"
           "- `\"ready\"` – 21 to 25 Brix inclusive;\n- `\"overripe\"` – above 25 Brix.\n")
    assert "the string 'overripe' (one of the lines it lists)" in check(ask, status.replace("MORE", ""))
    assert check(ask, status.replace("MORE", "    return 'overripe'\n")) is None
    moves = "def chart_moves(last, now):\n    seen = {t: i for i, t in enumerate(last)}\n    return ['NEW' if t not in seen else '=' if seen[t] == i else f'{seen[t] - i:+d}' for i, t in enumerate(now)]\n"
    ask = "Label each title:\n\n- `\"NEW\"` if it was not charted,\n- `\"+n\"` if it climbed `n` places,\n- `\"=\"` if its position is unchanged.\n"
    assert check(ask, moves) is None  # "+n" is a template the code fills, not a string it holds
    so2 = ("PKA = 1.81\n\n\ndef free_so2_needed(ph, target=0.8):\n    if not 2.8 <= ph <= 4.2:\n        raise ValueError(ph)\n"
           "    required = target * (1 + 10 ** (ph - PKA))\n    ENDround(required, 1)\n")
    assert "free_so2_needed" in trivial(so2.replace("END", "required = "))
    assert trivial(so2.replace("END", "return ")) is None
    assert trivial("def check_order(order, limit):\n    total = sum(order)\n    if total > limit:\n        raise ValueError(total)\n") is None  # a validator
    jurors = ("from collections import defaultdict\nfrom statistics import mean\n\n\ndef juror_averages(scores):\n    grouped = defaultdict(list)\n"
              "    for LOOP in scores:\n        grouped[KEY].append(score)\n    return {k: round(mean(v), 2) for k, v in grouped.items()}\n")
    ask = "`scores` holds (juror, film, score) entries. Return each juror's average score over all the films they scored."
    assert "the instruction asks about the juror of its (juror, film, score) items and the code discards it" in check(
        ask, jurors.replace("LOOP", "_juror, film, score").replace("KEY", "film"))
    assert check(ask, jurors.replace("LOOP", "juror, _film, score").replace("KEY", "juror")) is None
    hives = ("from collections import Counter\n\n\ndef hives_per_month(records):\n    counts = Counter(COUNTED)\n    return dict(sorted(counts.items()))\n\n\n"
             "records = [('H1', '2024-05-02'), ('H2', '2024-05-02')]\nprint(hives_per_month(records))\n")
    ask = "Given a list of `(hive_id, date)` records, write `hives_per_month(records)`: each month to the number of **different hives** inspected."
    assert "discards it (_hive, day" in check(ask, hives.replace("COUNTED", "day[:7] for _hive, day in records"))
    assert check(ask, hives.replace("COUNTED", "month for month, _hive in {(day[:7], hive) for hive, day in records}")) is None
    bales = ("def best_load(bales: list[tuple[str, int, float]], capacity: int) -> float:\n    best = [0.0] * (capacity + 1)\n"
             "    for _, weight, value in bales:\n        for c in range(capacity, weight - 1, -1):\n            best[c] = max(best[c], best[c - weight] + value)\n"
             "    return best[capacity]\n")
    assert check("Each bale is (bale_id, weight_kg, value). Return the maximum total value of bales that fit.", bales) is None  # of the bales, not their ids


def test_blind170_to_176s_asks_read_whole():
    """blind170-176: what an ask says once it is read whole. Grades "`"VB"`, `"V0"` … `"V17"`" name a run of codes, not
    three to spell; a weighted average given as "total price ÷ total weight" is a ratio of totals, where the code
    divides by the weight; "the earliest departure, or None if the last sailing has gone" asks for the first; "by blood
    type" is named by ``type``; "at or below 5" takes 5; a bisect position checked against ``len(BANDS)`` is no tier's
    bound; a list of `(boat, berth)` said of a returned part is no input's item; "rises ... in successive hours" is
    cumulative; "rounded to the nearest minute (30 seconds rounds up)" is a halfway rule, which ``round()`` breaks and a
    comparison with 30 keeps."""
    grades = "def hardest(grade):\n    return -1 if grade == 'VB' else int(grade[1:])\n\n\nsends = ['V9', 'VB', 'V0']\nprint(max(sends, key=hardest))\n"
    assert check('Grades are `"VB"`, `"V0"` … `"V17"`; write `hardest(grade)` returning its rank.', grades) is None
    assert "the string 'SHUT'" in check('Write `rank(state)` for the states `"OPEN"`, `"HELD"` and `"SHUT"`.',
                                        "def rank(state):\n    return {'OPEN': 0, 'HELD': 1}[state]\n")
    avg = ("from collections import defaultdict\n\n\ndef avg_price(lots):\n    money, weight = defaultdict(float), defaultdict(float)\n    for lot in lots:\n"
           "        money[lot['species']] += lot['price']\n        weight[lot['species']] += lot['kg']\n    return {s: money[s] / DIVISOR for s in money}\n")
    ask = "Write `avg_price(lots)`: the weighted average price per kg of each species (total price ÷ total weight)."
    assert check(ask, avg.replace("DIVISOR", "weight[s]")) is None
    assert check(ask, avg.replace("DIVISOR", "len(lots)")).endswith("never multiplies a value by its weight")
    departure = ("def next_departure(times, now):\n    \"\"\"The first departure at or after now, or None.\"\"\"\n"
                 "    return next((t for t in sorted(times) if t >= now), None)\n")
    assert check("Write `next_departure(times, now)`: the earliest departure at or after `now`, or `None` if the last sailing has gone.", departure) is None
    assert check("Write `next_departure(times, now)`: the last departure before `now`, or `None`.", departure).endswith(
        "the code says it computes 'first' (next_departure)")
    shelf = "RANK = {'O-': 0, 'O+': 1}\n\n\ndef shelf_order(units):\n    return sorted(units, key=lambda u: (KEY))\n"
    ask = "Write `shelf_order(units)`: sorted by blood type in the order O-, O+, then by expiry, then by id."
    assert check(ask, shelf.replace("KEY", "RANK[u['type']], u['expiry'], u['id']")) is None
    assert check(ask, shelf.replace("KEY", "u['expiry'], u['id']")).endswith("the code never names blood")
    toner = "def warning(level):\n    if level <= 5:\n        return 'CRITICAL'\n    return 'LOW' if level <= 15 else None\n"
    assert check("Write `warning(level)`: a level at or below 5 is `\"CRITICAL\"`, at or below 15 `\"LOW\"`.", toner) is None
    assert check("Write `warning(level)`: a level below 5 is `\"CRITICAL\"`, below 15 `\"LOW\"`.", toner).startswith("the instruction says 'below 5'")
    bands = ("from bisect import bisect_left\n\nBANDS = [(8.0, 'S'), (10.0, 'M')]\nLIMITS = [b for b, _ in BANDS]\n\n\ndef band_for(loa):\nBODY")
    ask = "Write `band_for(loa)` for the bands of `BANDS`: each band takes boats up to and including its length; `None` past the last."
    assert check(ask, bands.replace("BODY", "    i = bisect_left(LIMITS, loa)\n    return BANDS[i][1] if i < len(BANDS) else None\n")) is None
    assert "leaves the bound to the next tier" in check(ask, bands.replace("BODY", "    for limit, code in BANDS:\n        if loa < limit:\n"
                                                                                    "            return code\n    return None\n"))
    berths = ("def allocate(n, events):\n    free, where, out = list(range(1, n + 1)), {}, []\n    for action, boat in events:\n"
              "        if action == 'arrive' and free:\n            where[boat] = free.pop(0)\n            out.append((boat, where[boat]))\n    return out, []\n")
    assert check("Write `allocate(n, events)` for `(\"arrive\", boat)` events, returning `(assignments, turned_away)`: `assignments` is a list of "
                 "`(boat, berth)` in arrival order.", berths) is None
    assert "takes boat from the place of berth" in check("Write `allocate(n, events)`; the events are `(boat, berth)` pairs.", berths)
    tide = ("from itertools import accumulate\n\n\ndef heights(low, high):\n    return [round(low + (high - low) * r / 12, 1) for r in [0, *accumulate([1, 2, 3, 3, 2, 1])]]\n")
    assert check("Write `heights(low, high)` for hours 0 to 6: the tide rises 1, 2, 3, 3, 2, 1 twelfths of the range in successive hours.", tide) is None
    assert check("Write `heights(low, high)` for hours 0 to 6: the tide rises 1, 2, 3, 3, 2, 1 twelfths of the range.", tide).startswith(
        "the instruction asks for nothing cumulative")
    eta = ("from datetime import datetime, timedelta\n\n\ndef eta(start: datetime, hours: float) -> datetime:\n"
           "    arrival = start + timedelta(seconds=round(hours * 3600, 3))\n    extra = timedelta(seconds=arrival.second, microseconds=arrival.microsecond)\n"
           "    arrival -= extra\n    return arrival + timedelta(minutes=1) if extra >= timedelta(seconds=30) else arrival\n")
    ask = "Write `eta(start, hours)`: the arrival rounded to the nearest minute (30 seconds rounds up)."
    assert check(ask, eta) is None
    assert check(ask, "from datetime import datetime, timedelta\n\n\ndef eta(start: datetime, hours: float) -> datetime:\n"
                      "    return start + timedelta(minutes=round(hours * 60))\n").endswith("which rounds halves to even")


def test_blind170_to_176s_answers_to_another_task():
    """blind170-176: a median asked and the mean returned by a function named ``median_*`` (sorted or not: the order
    without the middle is no median); a record's number field that the ask names again ("the total collected volume")
    and the code never reads (``Counter(r["blood_type"] for r in records)`` counts the records); a field that a rule
    leaves records out by ("bookings with status "cancelled" take no space") and the code never reads; and "return **all**
    ..." answered with one item at most (``[x]`` at the first match, ``next(...)``)."""
    median = "from statistics import MEAN\n\n\ndef median_stay(nights: list[int]) -> float:\n    return float(MEAN(sorted(nights))) if nights else 0.0\n"
    ask = "Write `median_stay(nights)`: the **median** stay in nights (the average of the two middle values when the count is even)."
    assert check(ask, median.replace("MEAN", "mean")).endswith("never takes a middle value (no median call, no index at half the length)")
    assert check(ask, median.replace("MEAN", "median")) is None
    window = "def median3(values):\n    return [sorted(values[i - 1:i + 2])[1] for i in range(1, len(values) - 1)]\n"
    assert check("Write `median3(values)`: each interior value replaced by the median of it and its neighbours.", window) is None
    volume = ("from collections import Counter\n\n\ndef volume_by_type(records):\n    totals = Counter()\n    for r in records:\n"
              "        totals[r['blood_type']] += ADDED\n    return dict(totals)\n")
    ask = ('Each record is like `{"donor_id": "D4", "blood_type": "O+", "volume_ml": 470}`. Write `volume_by_type(records)` returning the '
           "total collected volume in mL for each blood type.")
    assert "the field 'volume_ml' of the input's records, which the instruction names again (never read)" in check(ask, volume.replace("ADDED", "1"))
    assert check(ask, volume.replace("ADDED", "r['volume_ml']")) is None
    assert check('Write `status_summary(orders)` counting orders per status, e.g. `{"sewing": 2, "ready": 1}`.',
                 "from collections import Counter\n\n\ndef status_summary(orders):\n    return dict(Counter(o['status'] for o in orders))\n") is None
    lanes = "GAP = 0.6\n\n\ndef lane_metres(bookings):\n    return round(sum(b['length_m'] + GAP for b in bookings KEPT), 1)\n"
    ask = ('Write `lane_metres(bookings)` for bookings like:\n\n```json\n[{"ref": "K81", "length_m": 4.6, "status": "confirmed"},\n'
           ' {"ref": "K82", "length_m": 12.0, "status": "cancelled"}]\n```\n\n- every vehicle needs its length plus a 0.6 m gap\n'
           '- bookings with status `"cancelled"` take no space\n')
    assert "the field 'status' of the input's records, which a rule of the instruction leaves records out by (never read)" in check(
        ask, lanes.replace(" KEPT", ""))
    assert check(ask, lanes.replace("KEPT", "if b['status'] != 'cancelled'")) is None
    jobs = "def jobs_for(jobs, customer):\n    found = []\n    for job in jobs:\n        if job['customer'] == customer:\n            FOUND\n    return END\n"
    ask = "Write `jobs_for(jobs, customer)` returning **all** job ids for the given customer, in input order."
    assert check(ask, jobs.replace("FOUND", "return [job['job_id']]").replace("END", "[]")).endswith("jobs_for() returns one item at most")
    assert check(ask, jobs.replace("FOUND", "found.append(job['job_id'])").replace("END", "found")) is None
    assert check(ask, "def jobs_for(jobs, customer):\n    return [j['job_id'] for j in jobs if j['customer'] == customer]\n") is None


def test_a_midpoint_rounded_up_sticks_on_the_upper_bound():
    """blind99: ``mid = (lo + hi + 1) // 2`` is ``hi`` once ``hi == lo + 1``, so ``hi = mid`` never moves there; with
    ``lo = mid`` (and ``hi = mid - 1``) it is the right way to round."""
    search = ("def first_reaching(xs, target):\n    lo, hi = 0, len(xs) - 1\n    while lo < hi:\n        mid = (lo + hi + 1) // 2\n"
              "        if xs[mid] >= target:\n            hi = HIGH\n        else:\n            lo = LOW\n    return lo\n")
    assert trivial(search.replace("HIGH", "mid").replace("LOW", "mid + 1")) == (
        "never ends: the binary search at line 3 sets hi = mid (line 6) while lo < hi: once hi == lo + 1, mid is hi already and the loop never ends")
    assert trivial(search.replace("HIGH", "mid - 1").replace("LOW", "mid").replace(">= target", "> target")) is None
    inclusive = search.replace("lo < hi", "lo <= hi").replace("HIGH", "mid - 1").replace("LOW", "mid")
    assert trivial(inclusive) == (
        "never ends: the binary search at line 3 sets lo = mid (line 8) while lo <= hi: once lo == hi, mid is lo already and the loop never ends")


def test_blind192_to_195s_certain_errors_each_beside_the_row_that_is_kept():
    """blind192-195: errors that ordinary input raises, each read from the code alone: a date ordered between two
    datetimes in one chained comparison; a Decimal from a parameter's ``dict[str, Decimal]`` times a float constant; a
    dict annotated as one losing keys inside the loop over it; a key tested as ``int(emp_id)`` and looked up as the text
    ``emp_id``; ``max()``'s answer tested for None, which it never gives (it raises on the empty list first)."""
    window = ("from datetime import datetime, timedelta\n\n\ndef due(bookings, now):\n    today = now.date()\n    horizon = today + timedelta(days=2)\n"
              "    out = []\n    for b in bookings:\n        checkout = PARSE\n        if today <= checkout <= horizon:\n            out.append(b['room'])\n    return out\n")
    assert trivial(window.replace("PARSE", "datetime.strptime(b['checkout'], '%Y-%m-%d')")) == (
        "always an error: today <= checkout <= horizon (line 10) mixes a datetime and a date, which raises TypeError")
    assert trivial(window.replace("PARSE", "datetime.strptime(b['checkout'], '%Y-%m-%d').date()")) is None

    invoice = ("from decimal import Decimal\n\nLATE = FACTOR\n\n\ndef invoice(entries, fees: dict[str, Decimal]) -> Decimal:\n    total = Decimal('0')\n"
               "    for subject, late in entries:\n        fee = fees[subject]\n        if late:\n            fee = fee * LATE\n        total += fee\n    return total\n")
    assert trivial(invoice.replace("FACTOR", "1.5")) == "always an error: fee * LATE (line 11) mixes a Decimal and a float, which raises TypeError"
    assert trivial(invoice.replace("FACTOR", "Decimal('1.5')")) is None

    close = ("def close(pending: dict[int, str]) -> list[int]:\n    closed = []\n    for room in LOOP:\n        if pending[room] == 'inspected':\n"
             "            del pending[room]\n            closed.append(room)\n    return sorted(closed)\n")
    assert trivial(close.replace("LOOP", "pending")) == (
        "misused call: del pending[room] (line 5) removes a key of pending while the loop at line 3 walks it: RuntimeError (walk a list of its items instead)")
    assert trivial(close.replace("LOOP", "list(pending)")) is None
    assert trivial(close.replace("LOOP", "pending").replace("closed.append(room)", "closed.append(room)\n            break")) is None

    hours = ("def hours(staff: dict[int, str], rows):\n    totals = {}\n    for row in rows:\n        emp_id = row['employee_id'].strip()\n"
             "        if int(emp_id) not in staff:\n            continue\n        totals[staff[KEY]] = float(row['hours'])\n    return totals\n")
    assert trivial(hours.replace("KEY", "emp_id")) == (
        "always an error: staff[emp_id] (line 7) looks up the text emp_id where the code tested int(emp_id) in staff: a key that passed as a number "
        "is not there as text, so the lookup raises KeyError")
    assert trivial(hours.replace("KEY", "int(emp_id)")) is None

    report = ("def report(tanks):\n    lines = []\n    for tank in sorted(tanks):\n        when, sg = max(tanks[tank]DEFAULT)\n        if when is None:\n"
              "            lines.append(f'{tank}: no readings')\n        else:\n            lines.append(f'{tank}: {sg:.3f}')\n    return lines\n")
    assert trivial(report.replace("DEFAULT", "")) == (
        "always an error: when is None (line 5) waits for None from max(tanks[tank]) (line 4), which max() never gives: on an empty sequence it raises ValueError")
    assert trivial(report.replace("DEFAULT", ", default=(None, None)")) is None


def test_blind191_and_193s_good_rows_a_full_heap_and_ties_ordered_by_a_named_field():
    """blind191 and blind193, two good rows: ``max(ovens)`` over ``ovens = [0] * OVENS`` is never empty, so "0 if nothing
    to bake" needs no default there; "for equal times order by mat name, then chip" names the fields that follow the
    time in the merged tuples, so ``heapq.merge`` of whole items is what it asks. The readings that stay beside them."""
    plan = ("import heapq\n\nOVENS = 2\n\n\ndef bake_plan(loads):\n    ovens = HEAP\n    for minutes in sorted(loads, reverse=True):\n"
            "        heapq.heappush(ovens, heapq.heappop(ovens) + minutes)\n    return max(ovens)\n")
    ask = "Write `bake_plan(loads)` returning when the last of two ovens finishes (0 if nothing to bake)."
    assert check(ask, plan.replace("HEAP", "[0] * OVENS")) is None
    assert check("Write `longest(loads)` returning the longest load (0 if nothing to bake).", "def longest(loads):\n    return max(loads)\n") == (
        "the instruction answers '0 if nothing' and max(loads) (line 2) has no default and nothing tests for an empty input, so it raises ValueError there")

    merge = "import heapq\n\n\ndef merge_streams(streams):\n    return list(heapq.merge(*[sorted((t, mat, chip) for t, chip in reads) for mat, reads in streams.items()]))\n"
    assert check("Merge the mats' reads into one list of `(seconds, mat, chip)`. For equal times order by mat name, then chip.", merge) is None
    assert check("Merge the mats' reads into one list of `(seconds, mat, chip)`. For equal times keep the mats' input order.", merge).endswith(
        "(line 5) sorts by the whole item, so equal keys are ordered by the next field")


def test_blind191_192_196s_errors_a_new_inner_dict_a_missing_key_and_a_conditional_that_ends_at_the_comma():
    """blind191, 192 and 196: ``per_customer = statement.setdefault(customer, {})`` then ``per_customer[month] += amount``
    adds to a key no dict has yet (KeyError on the first invoice); ``member.get("tier").lower()`` calls a method of the None
    a missing key gives; ``kind, location = raw.split(":", 1) if ":" in raw else raw, "unspecified"`` unpacks a pair whose
    first item is the whole split list. Beside each, the row done right."""
    statement = ("def monthly_statement(invoices):\n    statement = {}\n    for inv in invoices:\n        month = inv['date'].strftime('%Y-%m')\n"
                 "        per_customer = statement.setdefault(inv['customer'], {})\n        ADD\n    return statement\n")
    assert trivial(statement.replace("ADD", "per_customer[month] += inv['amount']")) == (
        "misused call: per_customer[month] += inv['amount'] (line 6): per_customer is a plain dict (line 5) and nothing adds the key first, "
        "so a new key raises KeyError")
    assert trivial(statement.replace("ADD", "per_customer[month] = per_customer.get(month, 0) + inv['amount']")) is None

    price = "def member_price(member, base):\n    rate = {'gold': 0.2, 'silver': 0.1}.get(TIER, 0)\n    return round(base * (1 - rate), 2)\n"
    assert trivial(price.replace("TIER", "member.get('tier').lower()")) == (
        "always an error: member.get('tier').lower() (line 2): member.get('tier') is None when the key is missing, which has no .lower()")
    assert trivial(price.replace("TIER", "member.get('tier', '').lower()")) is None
    assert trivial(price.replace("TIER", "member['tier'].lower()")) is None

    damage = ("def parse_damage(note):\n    items = []\n    for raw in note.split(';'):\n        raw = raw.strip()\n        if not raw:\n            continue\n"
              "        kind, location = PAIR\n        items.append((kind.strip().lower(), location.strip()))\n    return items\n")
    assert trivial(damage.replace("PAIR", "raw.split(':', 1) if ':' in raw else raw, 'unspecified'")) == (
        "misused call: (kind, location) = raw.split(':', 1) if ':' in raw else raw, ... (line 7): the conditional ends at the comma, "
        "so kind takes the whole raw.split(':', 1) where ':' in raw")
    assert trivial(damage.replace("PAIR", "raw.split(':', 1) if ':' in raw else (raw, 'unspecified')")) is None


def test_blind198_to_203s_good_rows_each_beside_the_row_that_is_still_removed():
    """blind198-203, six good rows: ``free[n] -= length`` over ``order = sorted(lanes)`` with ``free = dict(lanes)`` walks
    the copy's own keys; ``(days_late + 6) // 7`` rounds up to started weeks; a ``@dataclass`` writes the ``__init__`` the
    instruction names; ``"<van> <date>: went back from <prev> to <km>"`` is a line's placeholders, no tags; readings "on
    the same date" tie on the key's last field ``r[1]``, the date of `(van, date, km)`; "rates are missing on weekends"
    says why the data has gaps, no ask for days of the week."""
    lanes = ("def assign(lanes, vehicles):\n    free = dict(lanes)\n    order = ORDER\n    placed = []\n    for plate, length in vehicles:\n"
             "        for n in order:\n            if length <= free[n]:\n                free[n] -= length\n                placed.append((n, plate))\n"
             "                break\n    return placed\n")
    assert trivial(lanes.replace("ORDER", "sorted(lanes)")) is None
    assert trivial(lanes.replace("ORDER", "sorted(lanes)").replace("free = dict(lanes)", "free = {}")).startswith("misused call: free[n] -= length (line 8)")

    fee = "def late_fee(days_late):\n    if days_late <= 0:\n        return 0\n    return min(5 * (WEEKS), 25)\n"
    ask = "Write `late_fee(days_late)`: $5 for every started week late (1-7 days = $5, 8-14 days = $10), capped at $25."
    assert check(ask, fee.replace("WEEKS", "(days_late + 6) // 7")) is None
    assert check(ask, fee.replace("WEEKS", "days_late // 7")) == (
        "the instruction charges 'every started week' and it rounds down (days_late // 7, line 4) and never up")

    bag = ("from dataclasses import dataclass, field\n\n\n@dataclass\nclass Bag:\n    tag: str\n    weight_kg: float\n    heavy: bool = field(init=False)\n\n"
           "    def __post_init__(self):\n        self.heavy = self.weight_kg > 23\n")
    bag_ask = "Create a `Bag` dataclass with `tag` and `weight_kg`; `heavy` is a derived field, not an `__init__` argument."
    assert check(bag_ask, bag) is None
    assert check(bag_ask.replace("dataclass", "class"), bag.replace("@dataclass\n", "").replace("    heavy: bool = field(init=False)\n", "")) == (
        "instruction asks for `__init__` but the code defines no __init__")

    line = ("Write `problems(readings)` over `(van, date, km)` tuples. For each van, order its readings by date (readings on the same "
            "date keep their input order) and report `\"<van> <date>: odometer went back from <prev> to <km>\"` when a reading drops.")
    odometer = ("def problems(readings):\n    out = []\n    prev = {}\n    for van, day, km in sorted(readings, key=lambda r: (r[0], r[1])):\n"
                "        if van in prev and km < prev[van]:\n            out.append(f'{van} {day}: odometer went back from {prev[van]} to {km}')\n"
                "        prev[van] = km\n    return out\n")
    assert check(line, odometer) is None
    assert check(line, odometer.replace("(r[0], r[1])", "(r[0], r[1], r[2])")).startswith("the instruction asks for ties to keep their order")
    assert check("Return the tags listed as <b>, <i> and <u> in the text.", "def tags(text):\n    return ['b', 'i']\n") == (
        "the instruction asks for the tag <u> and the code leaves it out")

    rates = ("from bisect import bisect_right\n\n\ndef total(transactions, rates):\n    days = sorted(rates)\n    return sum(a * rates[days[bisect_right(days, d) - 1]] "
             "for d, a in transactions)\n")
    assert check("Write `total(transactions, rates)`; rates are missing on weekends and holidays, so use the latest earlier rate.", rates) is None
    assert check("Write `total(transactions, rates)`; transactions on weekends use the previous Friday's rate.", rates) == (
        "the instruction asks for days of the week and the code never asks which day of the week a date is")


def test_blind199_to_203s_errors_a_discounted_decimal_a_json_date_and_a_division_tested_too_late():
    """blind199-203: ``total * (1 - DISCOUNT)`` with ``DISCOUNT = 0.15`` is a Decimal times a float; ``singer["joined"].year``
    of a record from ``json.loads`` reads a date's attribute of the text "2012-09-04"; ``sum(gaps) / len(gaps)`` and then
    ``if gaps:`` tests for the empty list one line after dividing by its length; "a part where nobody signed in gets
    `None`" answers the empty part that ``min()`` with no default raises on. Beside each, the row done right."""
    price = ("from decimal import Decimal\n\nDISCOUNT = 0.15\n\n\ndef price(base: Decimal, member: bool) -> Decimal:\n    total = Decimal(base)\n"
             "    if member:\n        total = total * (1 - DISCOUNT)\n    return total\n")
    assert trivial(price) == "always an error: total * (1 - DISCOUNT) (line 9) mixes a Decimal and a float, which raises TypeError"
    assert trivial(price.replace("DISCOUNT = 0.15", "DISCOUNT = Decimal('0.15')")) is None

    roster = ("import json\n\n\ndef long_serving(roster_json, today):\n    names = []\n    for singer in json.loads(roster_json):\n        joined = JOINED\n"
              "        if today.year - joined.year >= 10:\n            names.append(singer['name'])\n    return names\n")
    assert trivial(roster.replace("JOINED", "singer['joined']")) == (
        "always an error: joined.year (line 8): joined comes from json.loads, a text or a number, which has no .year")
    assert trivial(roster.replace("JOINED", "date.fromisoformat(singer['joined'])").replace("import json\n", "import json\nfrom datetime import date\n")) is None

    gaps = ("def average_gap(times):\n    times = sorted(times)\n    gaps = [b - a for a, b in zip(times, times[1:])]\n    AVERAGE\n    if gaps:\n"
            "        return avg\n    return None\n")
    assert trivial(gaps.replace("AVERAGE", "avg = sum(gaps) / len(gaps)")) == (
        "always an error: sum(gaps) / len(gaps) (line 4) divides by len(gaps) before line 5 tests whether gaps is empty: an empty gaps raises ZeroDivisionError first")
    assert trivial(gaps.replace("AVERAGE", "avg = sum(gaps) / max(len(gaps), 1)")) is None

    earliest = "PARTS = ('Soprano', 'Alto')\n\n\ndef earliest(sign_ins):\n    return {part: EXPR for part in PARTS}\n"
    ask = "Write `earliest(sign_ins)` over `(name, part, time)` tuples: each part's earliest time; a part where nobody signed in gets `None`."
    assert check(ask, earliest.replace("EXPR", "min(t for _, p, t in sign_ins if p == part)")).startswith(
        "the instruction answers 'where nobody signed in gets `None'")
    assert check(ask, earliest.replace("EXPR", "min((t for _, p, t in sign_ins if p == part), default=None)")) is None


def test_a_last_chunk_restarted_in_a_pair_or_closed_under_its_own_if_is_still_lost():
    """blind200 and blind201: ``current, weight = [], 0.0`` starts the van afresh as ``current = []`` does, and ``if lines:
    programme.append((day, lines))`` closes a day under its own test; either way, with nothing after the loop, the last
    van or day is never added. The rows that add it after the loop are kept."""
    vans = ("def van_loads(parcels, max_kg):\n    loads, current, weight = [], [], 0.0\n    for ref, kg in parcels:\n        if weight + kg > max_kg:\n"
            "            loads.append(current)\n            current, weight = [], 0.0\n        current.append(ref)\n        weight += kg\nEND    return loads\n")
    assert trivial(vans.replace("END", "")) == (
        "misused call: loads.append(current) only when a new one starts (line 5), and nothing adds the last current after the loop: the last chunk is lost")
    assert trivial(vans.replace("END", "    if current:\n        loads.append(current)\n")) is None
    days = ("def programme(screenings):\n    out, day, lines = [], None, []\n    for start, title in screenings:\n        if start.date() != day:\n"
            "            if lines:\n                out.append((day, lines))\n            day = start.date()\n            lines = []\n        lines.append(title)\nEND    return out\n")
    assert trivial(days.replace("END", "")) == (
        "misused call: out.append((day, lines)) only when a new one starts (line 6), and nothing adds the last lines after the loop: the last chunk is lost")
    assert trivial(days.replace("END", "    if lines:\n        out.append((day, lines))\n")) is None


def test_different_items_per_group_and_a_condition_on_every_item():
    """b200-014, b199-057: "how many **different households** come on each weekday", "for each setter, how many different
    walls" count distinct items per group; b200-042, b201-097, b199-014: "the flights for which every bag has been
    delivered", "films showing at every cinema", "members who climbed on every day" hold for all of them, not for one."""
    visits = "from collections import Counter\n\n\ndef households_per_weekday(visits):\n    return dict(Counter(d.strftime('%A') for _ref, {d} in visits))\n"
    ask = "We want to know how many **different households** come on each weekday. Write `households_per_weekday(visits)`."
    assert check(ask, visits.format(d="d")) == (
        "the instruction asks for distinct items counted per group and the code counts every item of a group, repeats too (no set per group, no membership test)")
    assert check(ask, visits.replace("visits:", "set(visits):").replace("in visits", "in set(visits)").format(d="d")) is None
    assert check("Write `walls_per_setter(log)` giving, for each setter, how many different walls they have set on.",
                 "from collections import Counter\n\n\ndef walls_per_setter(log):\n    return dict(Counter(e['setter'] for e in log))\n") is not None
    assert check("Write `sizes(groups)`: for each group, how many different sizes of box it uses.",  # kinds of a thing, not distinct items
                 "def sizes(groups):\n    return {g: len(boxes) for g, boxes in groups.items()}\n") is None
    flights = "def completed_flights(bags):\n    status = {{}}\n    for b in bags:\n        status.setdefault(b['flight'], []).append(b['delivered'])\n" \
              "    return sorted(f for f, flags in status.items() if {test}(flags))\n"
    ask = "Write `completed_flights(bags)`. Return the flights for which **every** bag has been delivered to reclaim, sorted."
    assert check(ask, flights.format(test="any")) == ("the instruction asks for a condition on every item and the code never tests every one of "
                                                      "them (no all(), subset, count against the whole, nor an early exit on a failing one)")
    assert check(ask, flights.format(test="all")) is None
    films = "from collections import Counter\n\n\ndef chainwide_films(programmes):\n    seen = Counter(f for films in programmes.values() for f in films)\n" \
            "    return sorted(f for f, n in seen.items() if n {test})\n"
    ask = "Write `chainwide_films(programmes)` returning the sorted list of films showing at **every** cinema."
    assert check(ask, films.format(test="> 1")) is not None
    assert check(ask, films.format(test="== len(programmes)")) is None
    week = "from datetime import timedelta\n\n\ndef winners(checkins, start):\n    week = {start + timedelta(days=i) for i in range(7)}\n    BODY\n"
    ask = "A badge goes to members who climbed on every day of a given week. Write `winners(checkins, start)`."
    assert check(ask, week.replace("BODY", "return sorted({m for m, day in checkins if day in week})")) is not None
    assert check(ask, week.replace("BODY", "days = {}\n    for m, day in checkins:\n        days.setdefault(m, set()).add(day)\n"
                                       "    return sorted(m for m, seen in days.items() if week <= seen)")) is None
    # what a value looks like, not a condition to test: "a string in which every run is written as ...", "where every hive has an entry"
    assert check("Write `rle_decode(encoded)` for a string in which every run is written as a count and a character.",
                 "def rle_decode(encoded):\n    return encoded\n") is None


def test_blind205_to_211s_misused_calls():
    """b207-051: ``dict.fromkeys(drivers, [None] * days)`` hands every driver one list; b211-074: ``Decimal(litres * weeks *
    RATE)`` with ``RATE = 0.0535`` keeps the float's binary error (a binary fraction such as 0.5 is exact); b205-088: "the glaze
    used on the most pieces" and ``max(counts)`` of a Counter (a Counter's smallest key is a fine answer elsewhere: the first day)."""
    rota = "def empty_rota(drivers, days):\n    return dict.fromkeys(drivers, {value})\n"
    assert trivial(rota.format(value="[None] * days")) == ("misused call: return dict.fromkeys(drivers, [None] * days) (line 2) gives every key the same "
                                                         "[None] * days, so filling one key's fills them all")
    assert trivial("def empty_rota(drivers, days):\n    return {d: [None] * days for d in drivers}\n") is None
    hire = "from decimal import Decimal, ROUND_HALF_UP\n\nRATE = {rate}\n\n\ndef can_hire(litres, weeks):\n    return Decimal(litres * weeks * RATE).quantize(Decimal('0.01'), ROUND_HALF_UP)\n"
    assert trivial(hire.format(rate="0.0535")).startswith("misused call: Decimal(litres * weeks * RATE) (line 7) keeps the float's binary error")
    assert trivial(hire.format(rate="0.5")) is None  # a binary fraction: exact
    assert trivial(hire.format(rate="Decimal('0.0535')").replace("Decimal(litres * weeks * RATE)", "(litres * weeks * RATE)")) is None
    glaze = "from collections import Counter\n\n\ndef most_used_glaze(pieces):\n    counts = Counter(g for _p, g in pieces)\n    return {pick} if counts else None\n"
    ask = "Write `most_used_glaze(pieces)`: return the glaze used on the most pieces."
    assert check(ask, glaze.format(pick="max(counts)")).startswith("the instruction asks for what occurs most and max(counts)")
    assert check(ask, glaze.format(pick="max(counts, key=counts.get)")) is None
    assert check("Write `first_day(visits)`: the first day anyone visited.", glaze.format(pick="min(counts)").replace("most_used_glaze", "first_day")) is None


def test_blind212_to_218s_asks_that_are_not_asks():
    """b213-071: "on weekdays ... on weekends" of a function given ``weekend`` as a flag asks no day of a date; b215-097: a code
    in capitals inside an input shown (`{"T01": "ONLINE", "T02": "FAULT", ...}`) is no case the code must spell."""
    party = "def party_price(children, adults, weekend):\n    return (16.95 if weekend else 14.95) * max(children, 8) + 6.0 * max(adults - 2, 0)\n"
    assert check("Write `party_price(children, adults, weekend)`: 14.95 per child on weekdays, 16.95 on weekends.", party) is None
    assert check("Write `party_price(children, adults, day)`: 14.95 per child on weekdays, 16.95 on weekends.",
                 party.replace("weekend", "day")) == "the instruction asks for days of the week and the code never asks which day of the week a date is"
    mw = "def available_mw(turbines, statuses):\n    factors = {'ONLINE': 1.0, 'CURTAILED': 0.5}\n    return sum(t['mw'] * factors.get(statuses.get(t['id']), 0.0) for t in turbines)\n"
    shown = 'Write `available_mw(turbines, statuses)`. `statuses`: `{"T01": "ONLINE", "T02": "FAULT", ...}`. Available statuses are "ONLINE" and "CURTAILED".'
    assert check(shown, mw) is None
    assert check('Write `available_mw(turbines, statuses)`. Statuses are "ONLINE", "CURTAILED" and "DERATED" (80%).', mw) == (
        "the instruction asks for the string 'DERATED' and the code leaves it out")


def test_blind219_to_225s_decimals_shown_lines_fields_that_may_be_none_and_keys_that_may_be_missing():
    """blind219-225: a Decimal times an item of a dict of floats, or a ``sum`` started from a Decimal times a float rate;
    log lines unpacked into the names one line has ("an optional free-text note"); a sort key on a field "`None` while
    the item is in transit"; a key a record has "only when the inspector checked the queen" read bare; and "weekend
    shifts" or "blockade weekends", which name no day of a date. Beside each, the row done right."""
    price = ("from decimal import Decimal, ROUND_HALF_UP\n\nCONCESSION = {'student': 0.20, 'senior': 0.30}\n\n\n"
             "def concession_price(base: Decimal, concession: str) -> Decimal:\n    return (base * (1 - CONCESSION[concession])).quantize(Decimal('0.01'), ROUND_HALF_UP)\n")
    assert trivial(price) == "always an error: base * (1 - CONCESSION[concession]) (line 7) mixes a Decimal and a float, which raises TypeError"
    assert trivial(price.replace("0.20, 'senior': 0.30", "Decimal('0.20'), 'senior': Decimal('0.30')")) is None
    assert trivial(price.replace("'senior': 0.30", "'senior': 0")) is None  # an int among them: not every item is a float
    claim = ("from decimal import Decimal\n\nRATE = 0.25\n\n\ndef claim(donations):\n    eligible = sum((d['amount'] for d in donations), START)\n"
             "    return eligible * RATE\n")
    assert trivial(claim.replace("START", "Decimal('0')")) == "always an error: eligible * RATE (line 8) mixes a Decimal and a float, which raises TypeError"
    assert trivial(claim.replace("START", "0")) is None  # the amounts may be floats

    log = ("Technicians append an optional free-text note to fault log lines:\n\n```\n2024-03-01 02:14:55 SIG-K123 FAULT RED_LAMP_FAIL lamp lost\n"
           "2024-03-01 03:02:10 SIG-K123 CLEAR RED_LAMP_FAIL\n```\n\nWrite `count_events(text)` counting events per (signal, event).")
    events = ("from collections import Counter\n\n\ndef count_events(text):\n    counts = Counter()\n    for line in text.splitlines():\n"
              "        if not line.strip():\n            continue\n        UNPACK\n        counts[(signal, event)] += 1\n    return dict(counts)\n")
    assert check(log, events.replace("UNPACK", "day, clock, signal, event, code = line.split()")) == (
        "day, clock, signal, event, code = line.split() (line 9) unpacks 5 fields, and the instruction's line "
        "'2024-03-01 02:14:55 SIG-K123 FAULT RED_LAMP_FAIL lamp lost' has 7: ValueError")
    assert check(log, events.replace("UNPACK", "day, clock, signal, event, code = line.split(maxsplit=4)[:5]")) is None
    assert check(log, events.replace("UNPACK", "day, clock, signal, event, *rest = line.split()")) is None  # a starred name takes the note
    assert check(log, events.replace("UNPACK", "day, clock, signal, event, code, *_ = line.split()")) is None
    guarded = events.replace("        UNPACK\n", "        if 'CLEAR' in line:\n            continue\n        day, clock, signal, event, code = line.split()\n")
    assert check(log, guarded) is None  # another test sets lines aside: which ones reach the unpacking is not read
    readings = "```\n08:00,450\n08:30,612,element 3 slow\n```\n\nWrite `parse_readings(lines)` returning (time, temp, note) tuples."
    parse = "def parse_readings(lines):\n    out = []\n    for line in lines:\n        t, temp, note = line.split(',', 2)\n        out.append((t, int(temp), note))\n    return out\n"
    assert check(readings, parse).startswith("t, temp, note = line.split(',', 2) (line 4) unpacks 3 fields, and the instruction's line '08:00,450' has 2")
    assert check(readings.replace("08:00,450", "08:00,450,"), parse) is None  # every line has three fields

    loans = ('Each loan has `"barcode"` and `"due"` (a `date`, or `None` while the item is in transit). Write `worklist(loans)` returning '
             "barcodes by due date, in-transit items last.")
    worklist = "def worklist(loans):\n    ordered = sorted(loans, key=KEY)\n    return [l['barcode'] for l in ordered]\n"
    assert check(loans, worklist.replace("KEY", "lambda l: (l['due'], l['barcode'])")).startswith(
        "the instruction says 'due' may be None, and sorted(loans, key=lambda l: (l['due'], l['barcode'])) (line 2) orders or adds it with no test for None")
    assert check(loans, worklist.replace("KEY", "lambda l: (l['due'] is None, l['due'] or 0, l['barcode'])")) is None
    assert check(loans.replace("(a `date`, or `None` while the item is in transit)", "(a `date`)"), worklist.replace("KEY", "lambda l: (l['due'], l['barcode'])")) is None
    split_after = worklist.replace("KEY", "lambda l: (l['due'], l['barcode'])").replace(
        "    return [l['barcode'] for l in ordered]\n", "    return [l['barcode'] for l in ordered if l['due'] is not None] + [l['barcode'] for l in ordered if l['due'] is None]\n")
    assert check(loans, split_after).startswith("the instruction says 'due' may be None")  # tested only after the sort: too late (b205-026)
    days = "def loan_days(loans):\n    return [(l['due'] - l['out']).days for l in loans if l['due'] is not None]\n"
    assert check(loans.replace("`worklist(loans)`", "`loan_days(loans)`"), days) is None  # the comprehension's filter guards its element
    winner = "Each candidate is a dict with `name` and `gpa`. Return the winner's name, or `None` if there are no candidates."
    assert check(winner, "def winner(cands):\n    return min(cands, key=lambda c: (-c['gpa'], c['name']))['name'] if cands else None\n") is None  # the answer may be None

    queens = ("Each inspection record is a dict with `hive`, `date` and, only when the inspector checked the queen, a `queen_status` key. "
              "Write `hives_to_requeen(records)` returning the hives whose latest queen check says `\"missing\"`.")
    requeen = ("def hives_to_requeen(records):\n    latest = {}\n    for rec in sorted(records, key=lambda r: r['date']):\n        if READ is not None:\n"
               "            latest[rec['hive']] = rec['queen_status']\n    return sorted(h for h, s in latest.items() if s == 'missing')\n")
    assert check(queens, requeen.replace("READ", "rec['queen_status']")).startswith("the instruction says 'only when the inspector checked the queen")
    assert check(queens, requeen.replace("READ", "rec.get('queen_status')")) is None
    battery = "Older firmware does not send `battery` at all. Write `low(readings)` returning the sensors whose battery is below 3.3."
    assert check(battery, "def low(readings):\n    return [r['sensor'] for r in readings if r['battery'] < 3.3]\n").startswith(
        "the instruction says 'does not send `battery`' and r['battery'] (line 2) reads it bare")
    assert check(battery, "def low(readings):\n    return [r['sensor'] for r in readings if 'battery' in r and r['battery'] < 3.3]\n") is None

    shifts = ("Write `allocate(counts, n_shifts)` to share out extra weekend shifts: each goes to the worker with the fewest shifts at that "
              "moment, ties to the alphabetically first name.")
    heap = ("import heapq\n\n\ndef allocate(counts, n_shifts):\n    heap = [(n, name) for name, n in counts.items()]\n    heapq.heapify(heap)\n"
            "    order = []\n    for _ in range(n_shifts):\n        n, name = heapq.heappop(heap)\n        order.append(name)\n        heapq.heappush(heap, (n + 1, name))\n"
            "    return order\n")
    assert check(shifts, heap) is None  # "weekend shifts" names the shifts, no day of a date
    assert check(shifts.replace("share out extra weekend shifts", "share out the shifts that fall on weekends"), heap) == (
        "the instruction asks for days of the week and the code never asks which day of the week a date is")


def test_blind219_to_225s_good_rows_spellings_of_one_name_and_a_bound_its_guard_keeps():
    """b221-086: "("Otters SC", "otters sc ", "OTTERS SC")" shows one club name typed three ways, no strings to hold;
    b220-050: "by worker and then by time" is read from `start`;
    b225-086: ``if not 0 <= hours <= 6: raise ValueError`` keeps 6, so ``whole < 6`` in the sum below is no bound left out.
    Beside each, the junk its rule is for."""
    clubs = "def hours_by_club(bookings):\n    return {b['club'].strip().casefold(): b['minutes'] / 60 for b in bookings}\n"
    typed = 'Secretaries type club names inconsistently ("Otters SC", "otters sc ", "OTTERS SC"). Write `hours_by_club(bookings)`.'
    assert check(typed, clubs) is None
    counts = "def count_statuses(bookings):\n    return {s: sum(b['status'] == s for b in bookings) for s in ('open', 'held')}\n"
    assert check('Bookings have a status, "open", "held" or "closed"; count each. Write `count_statuses(bookings)`.', counts) == (
        "the instruction asks for the string 'closed' and the code leaves it out")  # three values, not one spelt three ways
    tide = ("_TWELFTHS = (1, 2, 3, 3, 2, 1)\n\n\ndef height(low: float, high: float, hours: float) -> float:\n    if GUARD:\n"
            "        raise ValueError('hours must be within 0..6')\n    whole = int(hours)\n    risen = sum(_TWELFTHS[:whole])\n    if whole < 6:\n"
            "        risen += _TWELFTHS[whole] * (hours - whole)\n    return round(low + (high - low) * risen / 12, 2)\n")
    ask = "Write `height(low, high, hours)`: `hours` must be between 0 and 6 inclusive (else `ValueError`)."
    assert check(ask, tide.replace("GUARD", "not 0 <= hours <= 6")) is None
    assert check(ask, tide.replace("GUARD", "not 0 <= hours < 6")) == (
        "the instruction asks for 'between 0 and 6 inclusive' and its comparison whole < 6 (line 9) leaves the bound out")
    # b220-050: "sorted by worker and then by time" over shifts whose time is their `start`
    rest = ("def rest_violations(shifts):\n    out = []\n    for s in sorted(shifts, key=lambda s: (s['worker'], s[KEY])):\n"
            "        out.append((s['worker'], s['end']))\n    return out\n")
    said = "Each shift is a dict with `worker`, `start` and `end`. Return the violations sorted by worker and then by time."
    assert check(said, rest.replace("KEY", "'start'")) is None
    assert check(said.replace("by time", "by grade"), rest.replace("KEY", "'start'")) == (
        "the instruction sorts by worker and by grade, and the code never names grade")


def test_blind219_and_220s_roots_that_link_to_themselves():
    """b219-063: the pedigree shown maps founder queens to themselves (``"Q1": "Q1"``), and ``while current in mothers``
    climbs for ever at a founder; b220-056: root faults have `parent` equal to their own id, and ``while
    current.get("parent") is not None`` follows the root to itself. Beside each, the walk that stops at the root."""
    shown = 'Our pedigree table maps each queen to her mother:\n\n```python\nmothers = {"Q12": "Q7", "Q7": "Q1", "Q1": "Q1"}\n```\n\nWrite `founder_of(queen, mothers)`.'
    climb = "def founder_of(queen, mothers):\n    current = queen\n    while TEST:\n        current = mothers[current]\n    return current\n"
    assert trivial(climb.replace("TEST", "current in mothers"), shown) == (
        "never ends: the while loop at line 3 climbs mothers[current] while current is in mothers: at the root, its own parent, it goes round for ever")
    assert trivial(climb.replace("TEST", "mothers[current] != current"), shown) is None
    assert trivial(climb.replace("TEST", "current in mothers"), shown.replace('"Q1": "Q1"', '"Q1": "Q0"')) is None  # no root links to itself
    faults = ("Root faults have `parent` equal to their own id. Write `root_fault(faults_by_id, fault_id)` returning the root's id and the "
              "number of re-raises.")
    walk_up = ("def root_fault(faults_by_id, fault_id):\n    current = faults_by_id[fault_id]\n    hops = 0\n    while TEST:\n"
               "        current = faults_by_id[current['parent']]\n        hops += 1\n    return current['id'], hops\n")
    assert trivial(walk_up.replace("TEST", "current.get('parent') is not None"), faults).startswith(
        "never ends: the while loop at line 4 climbs faults_by_id[current['parent']] while current.get('parent') is not None")
    assert trivial(walk_up.replace("TEST", "current['parent'] != current['id']"), faults) is None


def test_blind221_to_225s_good_rows_tables_of_fields_placeholders_flags_and_counted_heap_keys():
    """b221-008 reads `free_cl` from a module table ``LIMITS = [("ph", 7.2, 7.8), ("free_cl", 1.0, 3.0)]``; b225-072 writes
    "record N: duplicate reg XXX" as ``f"record {i}: duplicate reg {key}"`` (XXX is a placeholder); b224-090 shows a row of
    seats ``[False, False, True, True, True, True]``; b223-061 pushes ``(key, appeal)`` where ``key`` ends in
    ``next(self._counter)``, so the dicts never meet. Beside each, the junk its rule is for."""
    pool = ('Each reading is a dict:\n\n```python\n{"pool": "Main", "ph": 7.9, "free_cl": 1.2}\n```\n\n'
            "Write `problems(readings)`. A value of `None` means the test was not done; skip readings with no free_cl recorded.")
    table = ("LIMITS = [('ph', 7.2, 7.8), TABLED]\n\n\ndef problems(readings):\n    out = []\n    for r in readings:\n"
             "        for field, low, high in LIMITS:\n            value = r.get(field)\n            if value is not None and not low <= value <= high:\n"
             "                out.append(f\"{r['pool']}: {field}\")\n    return out\n")
    assert check(pool, table.replace("TABLED", "('free_cl', 1.0, 3.0)")) is None
    assert check(pool, table.replace("TABLED", "('temp_c', 26, 30)")) == (
        "the instruction asks for the field 'free_cl' of the input's records, which a rule of the instruction leaves records out by (never read) "
        "and the code leaves it out")
    regs = ('Return problems using these messages exactly:\n\n- `"record N: missing reg"` when reg is blank\n'
            '- `"record N: duplicate reg XXX"` when a reg was already seen; XXX is the normalised reg\n\nWrite `validate(records)`.')
    validate = ("def validate(records):\n    out, seen = [], set()\n    for i, rec in enumerate(records):\n        reg = rec.get('reg', '').strip()\n"
                "        if not reg:\n            out.append(f'record {i}: missing reg')\n        elif reg in seen:\n            out.append(DUPLICATE)\n"
                "        seen.add(reg)\n    return out\n")
    assert check(regs, validate.replace("DUPLICATE", "f'record {i}: duplicate reg {reg}'")) is None
    assert check(regs, validate.replace("DUPLICATE", "f'record {i}: repeated {reg}'")) == (
        "the instruction asks for the phrase 'record N: duplicate reg XXX' and the code leaves it out")
    seats = "def best_seat(taken):\n    free = [n for n, sold in enumerate(taken, 1) if not sold]\n    return free[0] if free else None\n\n\n"
    from hfsynth.curate.repetition import phrase_loop

    assert phrase_loop(seats + "print(best_seat([False, False, True, True, True, True, False]))  # -> 1\n", 3) is None
    assert phrase_loop(seats + f"print(best_seat([{'True, ' * 12}False]))  # -> 13\n", 3) == ("True, ", 12)  # a model's loop
    queue = ("import heapq\nimport itertools\n\n\nclass AppealQueue:\n    def __init__(self):\n        self._heap = []\n"
             "        self._counter = itertools.count()\n\n    def push(self, appeal: dict) -> None:\n        key = KEY\n"
             "        heapq.heappush(self._heap, (key, appeal))\n\n    def pop(self) -> dict:\n        return heapq.heappop(self._heap)[1]\n")
    assert trivial(queue.replace("KEY", "(0 if appeal['blue_badge'] else 1, appeal['received'], next(self._counter))")) is None
    assert trivial(queue.replace("KEY", "(0 if appeal['blue_badge'] else 1, appeal['received'])")) == (
        "misused call: heapq.heappush(self._heap, (key, appeal)) (line 12): on equal keys heapq compares the dicts (appeal), which raises TypeError")


def test_blind226_to_232s_good_rows_read_as_their_words_mean():
    """Good rows of blind226-232 that rules removed, each with the junk its rule is for: a ladder of cases returns 0, 1
    or 2 (b226-097); "days remaining" at a daily use is stock over a rate (b228-061); "up to and including `today + 30
    days`" bounds a value worked out from today (b229-060); "only warnings" names no module (b229-068); "raise ValueError
    for anything else, including negative numbers" refuses negatives (b229-097); prefix sums searched for a split
    (b230-011); "by running order" is the position (b230-033); "divided by candidates" and "whose candidates were all
    absent" read no field (b230-043); `invoices` of {"invoice": ...} are the records (b229-069); "anything else" is no
    listed value (b226-061); a field split from a record is no line (b230-055); a slot tested against every booking
    needs no sort (b231-054); records kept whole pass every field on (b232-014); "the earlier planting's start" is no key
    (b232-025); "Use `heapq.merge` instead" names a call, no value (b227-019)."""
    from hfsynth.curate.typed_answers import returns_one_constant

    ladder = "def rank(kg):\n    if kg <= 10:\n        return 0\n    if kg <= 25:\n        return 1\n    return 2\n"
    assert returns_one_constant(ast.parse(ladder)) == []
    assert returns_one_constant(ast.parse("def rank(kg):\n    if kg is None:\n        return 0\n    return 292\n")) == ["rank (292)"]
    reorder = ("def sizes_to_reorder(stock, daily_use, min_days):\n    out = []\n    for size, sheets in stock.items():\n"
               "        use = daily_use.get(size, 0)\n        if use > 0 and sheets / use < min_days:\n            out.append((sheets / use, size))\n"
               "    return [s for _, s in sorted(out)]\n")
    ask = "Write `sizes_to_reorder(stock, daily_use, min_days)`: `daily_use` is sheets used per day; return the sizes by days remaining."
    assert check(ask, reorder) is None
    share = "def share_left(used, allowance):\n    return round(100 * used / allowance, 1)\n"
    assert check("Write `share_left(used, allowance)`: the percentage of the allowance still left.", share) == (
        "the instruction asks for what is left and the code subtracts nothing: it answers what was used")
    alerts = ("from datetime import timedelta\n\n\ndef licence_alerts(expiries, today):\n    horizon = today + timedelta(days=30)\n"
              "    return [e for e in expiries if today <= e <= horizon], [e for e in expiries if e < today]\n")
    assert check("Write `licence_alerts(expiries, today)`: expired before `today`; expiring from `today` up to and including `today + 30 days`.", alerts) is None
    fines = "def fines(reports):\n    return {a: 25 * (n - 1) for a, n in reports.items()}\n"
    assert check("Write `fines(reports)`; addresses with only warnings appear with 0.", fines) is None
    assert check("Write `fines(reports)` and report each with the warnings module.", fines) == "instruction asks to use warnings but the code never names it"
    weight = ("import re\n\n\ndef parse_weight(text):\n    m = re.fullmatch(r'(\\d+)\\s*(kg|t)', text)\n    if not m:\n        raise ValueError(text)\n"
              "    return int(m.group(1)) * (1000 if m.group(2) == 't' else 1)\n")
    assert check("Write `parse_weight(text)`. Raise `ValueError` for anything else, including negative numbers.", weight) is None
    assert check("Write `parse_weight(text)`; readings may be negative, including negative numbers like -3t.", weight).startswith(
        "the instruction asks for negative numbers")
    split = ("from itertools import accumulate\n\n\ndef best_split(durations):\n    total = sum(durations)\n    best = None\n"
             "    for k, first in enumerate(accumulate(durations[:-1]), start=1):\n        if best is None or abs(total - 2 * first) < best[1]:\n"
             "            best = (k, abs(total - 2 * first))\n    return best[0]\n")
    assert check("Write `best_split(durations)`: where the two halves' totals are closest.", split) is None
    shares = "from itertools import accumulate\n\n\ndef shares(values):\n    total = sum(values)\n    return [round(r / total * 100, 1) for r in accumulate(values)]\n"
    assert check("Write `shares(values)`: each value's share of the sum as a percentage.", shares).startswith(
        "the instruction asks for nothing cumulative and the code accumulates")
    quick = ("def problems(order):\n    seen = {}\n    out = []\n    for position, (title, dancers) in enumerate(order):\n        for d in dancers:\n"
             "            if d in seen and position - seen[d] < 3:\n                out.append((d, title))\n            seen[d] = position\n    return sorted(out)\n")
    assert check("Write `problems(order)` returning pairs sorted by dancer name and then by running order.", quick) is None
    assert check("Write `problems(order)` returning pairs sorted by dancer name and then by costume.", quick) == (
        "the instruction sorts by dancer and by costume, and the code never names costume")


def test_blind226_to_232s_more_good_rows_and_junk_that_raises():
    """The rest of blind226-232's good rows (see the test above), and b224-093's tally of tuples: ``defaultdict(lambda:
    (0, 0))`` hands out tuples, and ``counts[1] += 1`` on one raises TypeError."""
    rates = ("from collections import Counter\n\n\ndef pass_rates(results):\n    sat, passed = Counter(), Counter()\n    for r in results:\n"
             "        if r['grade'] != 'Absent':\n            sat[r['teacher']] += 1\n            passed[r['teacher']] += r['grade'] in ('Merit', 'Pass')\n"
             "    return {t: passed[t] / sat[t] for t in sat}\n")
    rates_ask = ("Write `pass_rates(results)` where each result is `{\"candidate\": ..., \"teacher\": ..., \"grade\": ...}`.\n\n- A teacher's rate is passes "
                 "divided by candidates who **sat**.\n- A teacher whose candidates were all absent gets `None`.")
    assert check(rates_ask, rates) is None
    assert check(rates_ask + "\n- Ties go to the teacher whose candidate is earliest.", rates).startswith("the instruction asks for the field 'candidate'")
    reconcile = ("from collections import Counter\n\n\ndef reconcile(tickets, invoices):\n    billed = Counter(i['ticket'] for i in invoices)\n"
                 "    return sorted(t for t in tickets if billed[t] == 0)\n")
    assert check("Write `reconcile(tickets, invoices)`; `invoices` is a list of dicts like `{\"invoice\": \"INV-1\", \"ticket\": 1043}`. "
                 "Return the tickets with no invoice line.", reconcile) is None
    vet = ("DURATIONS = {'dog': 30, 'cat': 20, 'rabbit': 20}\n\n\ndef length(species):\n    return DURATIONS.get(species.lower(), 40)\n")
    assert check("Write `length(species)`. Lengths: dog 30 min, cat 20 min, rabbit 20 min, anything else 40 min.", vet) is None
    csv_ask = ("The office exports the timetable as CSV:\n\n```csv\nlevel,day,start\nGrade 3,Wed,17:30\nGrade 3,Mon,9:00\n```\n\n"
               "Write `classes_by_level(csv_text)`; times sort as times.")
    timetable = ("import csv\nimport io\n\n\ndef _key(item):\n    day, start = item\n    hours, minutes = start.split(':')\n    return day, int(hours), int(minutes)\n\n\n"
                 "def classes_by_level(csv_text):\n    rows = list(csv.DictReader(io.StringIO(csv_text)))\n    return sorted(((r['day'], r['start']) for r in rows), key=_key)\n")
    assert check(csv_ask, timetable) is None
    slot = ("def first_free(busy, duration):\n    start = 480\n    while start + duration <= 1020:\n"
            "        if all(start + duration <= b or start >= e for b, e in busy):\n            return start\n        start += 15\n    return None\n")
    assert check("Bookings are `(start, end)` pairs (unsorted). Write `first_free(busy, duration)` with no overlap; gaps of 15 minutes.", slot) is None
    dedupe = ("def dedupe(readings):\n    latest = {}\n    for r in readings:\n        latest[(r['sensor'], r['ts'])] = r\n"
              "    return sorted(latest.values(), key=lambda r: (r['ts'], r['sensor']))\n")
    assert check('Readings are dicts like `{"sensor": "ec-1", "ts": "06:00", "value": 1.8}`. Write `dedupe(readings)`: keep the **last** value '
                 "received for a (sensor, ts) pair; sort by `ts` then `sensor`.", dedupe) is None
    beds = ("def conflicts(plantings):\n    out = []\n    for bed in sorted({p['bed'] for p in plantings}):\n"
            "        group = sorted((p for p in plantings if p['bed'] == bed), key=lambda p: p['start'])\n"
            "        out += [(bed, a['crop'], b['crop']) for i, a in enumerate(group) for b in group[i + 1:] if b['start'] <= a['end']]\n    return out\n")
    assert check("Write `conflicts(plantings)`. Sort the result by bed, then by the earlier planting's start date.", beds) is None
    merged = ("import heapq\n\n\ndef merged(per_lift):\n    return list(heapq.merge(*[((t, lift, w) for t, w in r) for lift, r in per_lift.items()]))\n")
    assert check("Write `merged(per_lift)`. Use `heapq.merge` instead of re-sorting everything.", merged) is None
    assert check('Write `label(name)`: use `"n/a"` when the name is empty.', "def label(name):\n    return name.strip()\n") == (
        "the instruction asks for the value 'n/a' ('use `\"n/a\"` when') and the code leaves it out")
    tally = ("from collections import defaultdict\n\n\ndef part_summary(rows):\n    tally = defaultdict(lambda: (0, 0))\n    for row in rows:\n"
             "        counts = tally[row['part']]\n        counts[1] += 1\n    return dict(tally)\n")
    assert trivial(tally) == "always an error: counts[1] = ... (line 8): counts is a value of tally, a tuple, which takes no item assignment"
    assert trivial(tally.replace("(0, 0)", "[0, 0]")) is None


def test_blind229_to_231s_findall_of_an_optional_group_floats_into_decimals_and_pairs_ranked_by_their_name():
    """b229-047: ``re.findall(r"\\d+(\\.\\d+)?t\\b", note)`` gives the optional decimals alone ("" for "2t"), not the
    tonnage; b231-069: ``Decimal(float(cleaned))`` rounds 2.67499... half up to 2.67; b230-078: "`items` is a list of
    `(title, seconds)`" and ``heapq.nlargest(n, items)`` ranks the titles. Beside each, the code that does it right."""
    tonnes = "import re\n\n\ndef total_tonnes(note):\n    return round(sum(float(m) for m in re.findall(PATTERN, note)), 3)\n"
    assert trivial(tonnes.replace("PATTERN", "r'\\d+(\\.\\d+)?t\\b'")) == (
        "misused call: re.findall('\\\\d+(\\\\.\\\\d+)?t\\\\b', note) (line 5): findall gives the one group (\\.\\d+), which is optional: its part of "
        "the token (or ''), not the token")
    assert trivial(tonnes.replace("PATTERN", "r'(\\d+(?:\\.\\d+)?)t\\b'")) is None
    amount = "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef parse_amount(s):\n    return Decimal(VALUE).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n"
    assert trivial(amount.replace("VALUE", "float(s.replace(',', ''))")).startswith("misused call: Decimal(float(s.replace(',', ''))) (line 5) keeps the float's binary error")
    assert trivial(amount.replace("VALUE", "s.replace(',', '')")) is None
    ask = "The show is running long. Write `items_to_trim(items, n=3)` where `items` is a list of `(title, seconds)`, returning the titles of the `n` longest."
    trim = "import heapq\n\n\ndef items_to_trim(items, n=3):\n    return [title for title, _ in heapq.nlargest(n, items, KEY)]\n"
    assert check(ask, trim.replace(", KEY", "")) == (
        "heapq.nlargest(n, items) (line 5) ranks the (title, seconds) pairs of items by title first, not by seconds")
    assert check(ask, trim.replace("KEY", "key=lambda item: item[1]")) is None
    weighings = "def by_date(weighings):\n    return sorted(weighings)\n"
    assert check("Write `by_date(weighings)`; `weighings` is a list of `(date, kg)` pairs, in date order.", weighings) is None


def test_blind226_and_228s_decimals_met_by_floats_and_times_of_day_from_a_helper():
    """b226-066: ``rate = MG_PER_KG[drug]`` from a table of floats, then ``weight_kg * rate`` of a Decimal; b228-026:
    ``net * vat_rate`` with ``vat_rate=0.2`` and ``net = net.quantize(CENT)``; b228-001: ``_clock(end) - _clock(start)``
    where ``_clock`` returns a ``.time()``. Each raises TypeError on every call; beside each, the code that does not."""
    dose = ("from decimal import Decimal\n\nMG_PER_KG = {'carprofen': 4.4, 'meloxicam': 0.1}\n\n\n"
            "def dose_mg(weight_kg: Decimal, drug: str) -> Decimal:\n    rate = RATE\n    return (weight_kg * rate).quantize(Decimal('0.1'))\n")
    assert trivial(dose.replace("RATE", "MG_PER_KG[drug.lower()]")) == (
        "always an error: weight_kg * rate (line 8) mixes a Decimal and a float, which raises TypeError")
    assert trivial(dose.replace("RATE", "Decimal(str(MG_PER_KG[drug.lower()]))")) is None
    vat = ("from decimal import Decimal\n\nCENT = Decimal('0.01')\n\n\ndef vat_invoice(lines, vat_rate=RATE):\n"
           "    net = sum((Decimal(price) * qty for _, qty, price in lines), Decimal('0'))\n    net = net.quantize(CENT)\n"
           "    vat = (net * vat_rate).quantize(CENT)\n    return net, vat\n")
    assert trivial(vat.replace("RATE", "0.2")) == "always an error: net * vat_rate (line 9) mixes a Decimal and a float, which raises TypeError"
    assert trivial(vat.replace("RATE", "Decimal('0.2')")) is None
    press = ("from datetime import datetime\n\n\ndef _clock(value):\n    return datetime.strptime(value, '%H:%M')PART\n\n\n"
             "def press_hours(shifts):\n    return sum((_clock(s['end']) - _clock(s['start'])).total_seconds() / 3600 for s in shifts)\n")
    assert trivial(press.replace("PART", ".time()")).startswith(
        "always an error: _clock(s['end']) - _clock(s['start']) (line 9) subtracts from a datetime.time, which takes no arithmetic")
    assert trivial(press.replace("PART", "")) is None


def test_blind229s_a_difference_stepped_one_way_to_zero():
    """b229-014: ``diff = target - sum(tenths.values())`` then ``while diff != 0: ...; diff -= 1``: a difference may start
    below 0, and stepping it down never reaches 0. Beside it, the loop whose sign is seen to first, and one by the sign."""
    streams = ("def round_streams(streams):\n    tenths = {k: round(t * 10) for k, t in streams.items()}\n"
               "    diff = round(sum(streams.values()) * 10) - sum(tenths.values())\n    order = sorted(streams, key=streams.get, reverse=True)\n"
               "    i = 0\nGUARD    while diff != 0:\n        tenths[order[i % len(order)]] += STEP\n        diff -= STEP\n        i += 1\n"
               "    return {k: t / 10 for k, t in tenths.items()}\n")
    assert trivial(streams.replace("GUARD", "").replace("STEP", "1")) == (
        "never ends: the while loop at line 6 (diff != 0) only steps diff by -1, and diff = round(sum(streams.values()) * 10) - sum(tenths.values()) "
        "may start below 0: then it never ends")
    assert trivial(streams.replace("GUARD", "    if diff < 0:\n        raise ValueError('over')\n").replace("STEP", "1")) is None
    assert trivial(streams.replace("GUARD", "    sign = 1 if diff > 0 else -1\n").replace("STEP", "sign")) is None


def test_blind226s_a_walk_round_a_ring_with_no_lap_counted():
    """b226-041: ``while kennel in occupied: kennel = kennel % total + 1`` goes round for ever when every kennel is taken
    ("in August the block is often completely full"). Beside it, the walk that measures the set first."""
    pick = ("def pick_kennel(preferred, occupied, total):\nGUARD    kennel = preferred\n    while kennel in occupied:\n"
            "        kennel = kennel % total + 1\n    return kennel\n")
    assert trivial(pick.replace("GUARD", "")) == (
        "never ends: the while loop at line 3 (kennel in occupied) goes round the ring (kennel % total + 1) until kennel is not in "
        "occupied: when occupied holds every one, it goes round for ever")
    assert trivial(pick.replace("GUARD", "    if len(occupied) >= total:\n        return None\n")) is None


def test_blind229s_records_ranked_by_a_key_through_a_name():
    """b229-011: ``keyed = [(s.hired_on + timedelta(days=s.hire_days), s) for s in skips]`` then ``heapq.nsmallest(n,
    keyed)``: two skips due the same day make the heap compare two dataclass objects (TypeError). Beside it, the id
    between key and record."""
    due = ("import heapq\nfrom dataclasses import dataclass\nfrom datetime import date, timedelta\n\n\n@dataclass\nclass Skip:\n"
           "    skip_id: str\n    hired_on: date\n    hire_days: int\n\n\ndef due_soonest(skips, n):\n"
           "    keyed = [(s.hired_on + timedelta(days=s.hire_days)KEY, s) for s in skips]\n    return [s for *_, s in heapq.nsmallest(n, keyed)]\n")
    assert trivial(due.replace("KEY", "")) == (
        "always an error: heapq.nsmallest(n, keyed) (line 15) puts s, a record that cannot be ordered, after its key: two equal keys "
        "compare the records, which raises TypeError")
    assert trivial(due.replace("KEY", ", s.skip_id")) is None


def test_blind233_to_239s_loops_whose_only_step_waits_on_a_condition():
    """b233-013, b237-038: ``while left > 0: for piece in PIECES: if piece <= left: ...; break``: when no piece fits
    (a float remainder under a cent, no seat of that type left) the for loop changes nothing and the while loop spins.
    b239-073: ``while words:`` whose words are taken only by an inner ``while words and <fits>``: a word longer than the
    width is never taken. Beside each, the loop that gives up, and inner loops whose test is sure to hold on entry
    (the outer test holds it, the path just made it true, a raise before the loop vetted it)."""
    change = ("def make_change(due, paid):\n    remaining = round((paid - due) * 100)\n    change = {}\n    while remaining > 0:\n"
              "        for piece in (2000, 1000, 500, 100, 25, 10, 5, 1):\n            if piece <= remaining:\n"
              "                change[piece] = change.get(piece, 0) + 1\n                remaining -= piece\n                break\nELSE    return change\n")
    assert trivial(change.replace("ELSE", "")) == (
        "never ends: the while loop at line 4 (remaining > 0) can reach the end of its body without changing remaining: it never ends")
    assert trivial(change.replace("ELSE", "        else:\n            raise ValueError(remaining)\n")) is None
    wrap = ("def wrap_label(text, width):\n    words = text.split()\n    lines = []\n    while words:\n        line = ''\n"
            "        while words and len(line) + len(words[0]) + (1 if line else 0) <= width:\n"
            "            line += (' ' if line else '') + words.pop(0)\nLONG        lines.append(line)\n    return lines\n")
    assert trivial(wrap.replace("LONG", "")) == (
        "never ends: the while loop at line 4 (words) can reach the end of its body without changing words: it never ends")
    assert trivial(wrap.replace("LONG", "        if not line:\n            line = words.pop(0)\n")) is None
    runs = ("def runs(events):\n    out = []\n    i = 0\n    while i < len(events):\n        t = events[i][0]\n        n = 0\n"
            "        while i < len(events) and events[i][0] == t:\n            n += 1\n            i += 1\n        out.append((t, n))\n    return out\n")
    assert trivial(runs) is None  # on entry i < len(events) holds and events[i][0] == t was just made so
    chairs = ("from collections import deque\n\n\ndef lifts(groups, seats):\n    if any(g <= 0 or g > seats for g in groups):\n"
              "        raise ValueError('group too big')\n    queue = deque(groups)\n    rides = 0\n    while queue:\n        free = seats\n"
              "        while queue and queue[0] <= free:\n            free -= queue.popleft()\n        rides += 1\n    return rides\n")
    assert trivial(chairs) is None  # no group is bigger than a chair: the raise vetted it


def test_blind234s_an_item_put_back_on_its_heap_and_blind239s_a_step_of_a_found_position():
    """b234-030: ``t, vessel = heappop(pending)`` and, when no berth is free, ``heappush(pending, (t, vessel))``: the
    heap is as it was, so the next pass pops the same vessel and waits again, for ever. b239-060: ``i += blocker`` with
    ``blocker = window.find("X")``: a sold seat first in the window gives 0 and the scan stands still. Beside each, the
    loop that moves: the vessel pushed at the time a berth frees, the step past the blocker."""
    berths = ("import heapq\n\n\ndef waits(arrivals, berths, service):\n    pending = [(t, v) for v, t in arrivals]\n    heapq.heapify(pending)\n"
              "    free = [0] * berths\n    out = {}\n    while pending:\n        t, vessel = heapq.heappop(pending)\n        if free[0] <= t:\n"
              "            heapq.heapreplace(free, t + service)\n            out[vessel] = t\n        else:\n            heapq.heappush(pending, BACK)\n    return out\n")
    assert trivial(berths.replace("BACK", "(t, vessel)")) == (
        "never ends: the while loop at line 9 (pending) can reach the end of its body without changing pending: it never ends")
    assert trivial(berths.replace("BACK", "(free[0], vessel)")) is None
    seats = ("def first_block(row, n):\n    i = 0\n    while i + n <= len(row):\n        blocker = row[i:i + n].find('X')\n"
             "        if blocker == -1:\n            return i\n        i += STEP\n    return -1\n")
    assert trivial(seats.replace("STEP", "blocker")) == (
        "never ends: i += blocker (line 7) is the while loop's only step, and row[i:i + n].find('X') (line 4) gives 0 when what "
        "it looks for comes first: the loop stands still")
    assert trivial(seats.replace("STEP", "blocker + 1")) is None


def test_blind233_to_237s_records_a_heap_compares_and_decimals_that_raise():
    """b233-097: ``(d.priority, d.filed, d)`` of a dataclass: a filing date is no tie-breaker, two disputes filed the
    same day compare the Disputes (TypeError); b237-099 the same with a dict and its ``since`` date; b235-036 a dict
    made with ``event | {...}``. b233-072: ``factor = 1.5`` on one branch, then ``fine * factor`` with a Decimal fine;
    b233-039: ``json.dumps`` of a ``defaultdict(Decimal)``; b234-092: a field of a frozen dataclass set on each item of
    ``containers: list[Container]``. Beside each, the code that runs."""
    hearing = ("import heapq\nfrom dataclasses import dataclass\nfrom datetime import date\n\n\n@dataclass\nclass Dispute:\n    citation: str\n"
               "    priority: int\n    filed: date\n\n\ndef order(disputes: list[Dispute]) -> list[str]:\n    heap = []\n    for d in disputes:\n"
               "        heapq.heappush(heap, (d.priority, d.filed, KEY))\n    return [heapq.heappop(heap)[-1].citation for _ in disputes]\n")
    assert trivial(hearing.replace("KEY", "d")) == (
        "always an error: heapq.heappush(heap, (d.priority, d.filed, d)) (line 16) puts d, a record that cannot be ordered, after its key: "
        "two equal keys compare the records, which raises TypeError")
    assert trivial(hearing.replace("KEY", "d.citation, d")) is None
    queue = ("import heapq\n\n\ndef work_queue(accounts):\n    heap = []\n    for a in accounts:\n        heapq.heappush(heap, (-a['debt'], a['since'], ITEM))\n"
             "    return [heapq.heappop(heap)[-1]['id'] for _ in accounts]\n")
    assert trivial(queue.replace("ITEM", "a")).endswith("on equal keys heapq compares the dicts (a), which raises TypeError")
    assert trivial(queue.replace("ITEM", "a['id'], a")) is None
    merged = ("import heapq\n\n\ndef timeline(stages):\n    heap = []\n    for stage, events in stages.items():\n        for e in events:\n"
              "            heapq.heappush(heap, (e['start'], ITEM))\n    return [heapq.heappop(heap) for _ in range(len(heap))]\n")
    assert trivial(merged.replace("ITEM", "e | {'stage': stage}")).endswith("which raises TypeError")
    assert trivial(merged.replace("ITEM", "stage, e['title']")) is None
    fine = ("from decimal import Decimal\n\n\ndef amount(fine: str, age: int) -> Decimal:\n    if age <= 30:\n        factor = 1\n    elif age <= 60:\n"
            "        factor = RATE\n    else:\n        factor = 2\n    return (Decimal(fine) * factor).quantize(Decimal('0.01'))\n")
    assert trivial(fine.replace("RATE", "1.5")) == (
        "always an error: Decimal(fine) * factor (line 11) mixes a Decimal and a float, which raises TypeError")
    assert trivial(fine.replace("RATE", "Decimal('1.5')")) is None
    revenue = ("import json\nfrom collections import defaultdict\nfrom decimal import Decimal\n\n\ndef revenue_json(payments):\n"
               "    totals = defaultdict(Decimal)\n    for meter, amount in payments:\n        totals[meter] += Decimal(amount)\n    return json.dumps(totals, sort_keys=TrueARG)\n")
    assert trivial(revenue.replace("ARG", "")) == (
        "always an error: json.dumps(totals, sort_keys=True) (line 10) writes Decimals (totals's values) to JSON, which raises TypeError: "
        "json cannot encode a Decimal")
    assert trivial(revenue.replace("ARG", ", default=float")) is None
    release = ("import dataclasses\nfrom dataclasses import dataclass\n\n\n@dataclass(frozen=True)\nclass Container:\n    id: str\n    status: str\n\n\n"
               "def apply_release(containers: list[Container], ids: set[str]) -> list[Container]:\n    out = []\n    for box in containers:\n"
               "        if box.id in ids:\n            SET\n        out.append(box)\n    return out\n")
    assert trivial(release.replace("SET", "box.status = 'RELEASED'")) == (
        "always an error: box.status = ... (line 15): box is a Container, which is frozen (a copy of one too), so the assignment raises whenever it runs")
    assert trivial(release.replace("SET", "box = dataclasses.replace(box, status='RELEASED')")) is None


def test_blind235_and_237s_good_rows_a_floor_by_divmod_a_key_after_lowest_and_a_parameter_that_earns_nothing():
    """b235-079: "`floor(stock * request / total)`" worked out with ``divmod``; b237-096: "then by lowest odometer" names
    the odometer; b237-097: "extras (GPS, child seats) earn nothing" leaves ``extras_amount`` unread on purpose, as
    "`flight_no` is only used in the log message you may ignore as well" does ``flight_no``."""
    share = ("def allocate(stock, requests):\n    total = sum(requests.values())\n    shares = {}\n    for sku, req in requests.items():\n"
             "        shares[sku], _ = divmod(stock * req, total)\n    return shares\n")
    assert check("Write `allocate(stock, requests)`: each SKU gets `floor(stock * request / total_requested)` kg.", share) is None
    cars = "def sort_for_display(cars):\n    return sorted(cars, key=lambda c: (CLASS_ORDER[c.car_class], c.odometer, c.plate))\n"
    assert check("Order the cars by class, then by lowest odometer, then by plate. Write `sort_for_display(cars)`.", cars) is None
    assert check("Order the cars by class, then by lowest mileage, then by plate. Write `sort_for_display(cars)`.", cars) == (
        "the instruction sorts by class and by mileage, and the code never names mileage")
    points = ("def loyalty_points(base_amount, extras_amount, tier):\n    return int(base_amount) * {'standard': 1, 'gold': 2}[tier]\n")
    ask = ("Write `loyalty_points(base_amount: Decimal, extras_amount: Decimal, tier: str) -> int`.\n\n- Members earn 1 point per whole euro "
           "of the base amount; extras (GPS, insurance, child seats) EARN.\n- The tier multiplies the points.")
    assert check(ask.replace("EARN", "earn nothing"), points) is None
    assert check(ask.replace("EARN", "earn double"), points) == (
        "the instruction asks for the parameter extras_amount of loyalty_points() (never read) and the code leaves it out")
    gate = "def assign_gate(flight_no, free_gates):\n    return min(free_gates, default=None)\n"
    assert check("Write `assign_gate(flight_no, free_gates)` returning the lowest free gate. `free_gates` may be empty; "
                 "`flight_no` is only used in the log message you may ignore as well.", gate) is None


def test_blind233_to_239s_parts_left_out():
    """b233-056: a fine schedule V01-V06 in a table answered by a dict of V01-V04; b234-002 a tariff's TRANSSHIPMENT row
    with no branch. b233-027: a ``_validate`` helper nothing calls. b236-066 and b238-070: a group handed on only when
    the next starts (``episodes.append((first, last, count))``, ``yield day, min(temps)``), never after the loop.
    b239-005: ``poor[gallery].append(...)`` filled and never returned. b236-025: "a dict with **three** keys". b234-081:
    ``pool.checkin(...)`` in the instruction's usage, which the class does not define. Beside each, the whole answer."""
    table = ("Write `citation_total(codes)` summing the fines:\n\n| code | violation | fine |\n|------|-----------|------|\n"
             "| V01 | expired meter | 35.00 |\n| V02 | no permit | 60.00 |\n| V03 | hydrant | 115.00 |\n| V04 | bus stop | 250.00 |\n\nUnknown codes raise `KeyError`.")
    fines = "FINES = {'V01': 35, 'V02': 60, 'V03': 115MORE}\n\n\ndef citation_total(codes):\n    return sum(FINES[c] for c in codes)\n"
    assert check(table, fines.replace("MORE", "")) == (
        "the instruction asks for the table's row 'V04' (beside 'V01', 'V02', 'V03') and the code leaves it out")
    assert check(table, fines.replace("MORE", ", 'V04': 250")) is None
    load = ("import csv\nimport io\n\n\ndef _validate(row):\n    if not row['plate'].strip():\n        raise ValueError(row['line'])\n\n\n"
            "def load(text):\n    out = []\n    for row in csv.DictReader(io.StringIO(text)):\nCALL        out.append(row['plate'])\n    return out\n")
    assert trivial(load.replace("CALL", "")) == "dead code: the helper _validate() (line 5) is never called, so what it does never happens"
    assert trivial(load.replace("CALL", "        _validate(row)\n")) is None
    daily = ("def daily(readings):\n    current = None\n    temps = []\n    for ts, temp in readings:\n        day = ts.date()\n"
             "        if current is not None and day != current:\n            yield current, min(temps), max(temps)\n            temps = []\n"
             "        current = day\n        temps.append(temp)\nLAST")
    assert trivial(daily.replace("LAST", "")) == (
        "misused call: temps is handed on only when the next group starts (line 6) and nothing after the loop hands on what it holds: "
        "the last group is never handed on")
    assert trivial(daily.replace("LAST", "    if temps:\n        yield current, min(temps), max(temps)\n")) is None
    episodes = ("def episodes(dates):\n    out = []\n    dates = sorted(dates)\n    first = last = dates[0]\n    count = 1\n    for d in dates[1:]:\n"
                "        if (d - last).days <= 14:\n            last = d\n            count += 1\n        else:\n            out.append((first, last, count))\n"
                "            first = last = d\n            count = 1\nLAST    return out\n")
    assert trivial(episodes.replace("LAST", "")) == (
        "misused call: out takes count only where a run breaks (line 7): a run that lasts to the last item is never recorded")
    assert trivial(episodes.replace("LAST", "    out.append((first, last, count))\n")) is None
    summary = ("from collections import Counter, defaultdict\n\n\ndef summary(reports):\n    counts = defaultdict(Counter)\n    poor = defaultdict(list)\n"
               "    for r in reports:\n        counts[r['gallery']][r['grade']] += 1\n        if r['grade'] == 'poor':\n"
               "            poor[r['gallery']].append(r['accession'])\n    return {g: {'counts': dict(c)POOR} for g, c in sorted(counts.items())}\n")
    assert trivial(summary.replace("POOR", "")) == "lost work: summary() fills poor (line 6) and never uses it"
    assert trivial(summary.replace("POOR", ", 'poor': sorted(poor[g])")) is None
    claim = "def price_claim(tier, cost):\n    copay = min(5 * tier, cost)\n    return {'copay': copay, 'plan_pays': cost - copayMORE}\n"
    ask = "Write `price_claim(tier, cost)`. Return a dict with **three** keys: `copay`, `plan_pays` and `tier_name`."
    assert check(ask, claim.replace("MORE", "")) == (
        "the instruction asks for the key 'tier_name' of the dict price_claim() returns (it returns copay, plan_pays) and the code leaves it out")
    assert check(ask, claim.replace("MORE", ", 'tier_name': NAMES[tier]")) is None
    pool = ("class ChassisPool:\n    def __init__(self, ids):\n        self._in = set(ids)\n        self._out = {}\n\n"
            "    def checkout(self, cid, trucker):\n        self._in.remove(cid)\n        self._out[cid] = trucker\nMORE")
    usage = ("Implement a `ChassisPool` class:\n\n```python\npool = ChassisPool(['CH-1', 'CH-2'])\npool.checkout('CH-2', trucker='Harbor')\n"
             "pool.checkin('CH-2')   # ValueError if it was not out\n```\n")
    assert check(usage, pool.replace("MORE", "")) == (
        "the instruction asks for the method checkin (pool.checkin() in its usage example, which ChassisPool does not define) and the code leaves it out")
    assert check(usage, pool.replace("MORE", "\n    def checkin(self, cid):\n        del self._out[cid]\n        self._in.add(cid)\n")) is None


def test_blind234_to_239s_standard_calls_misused():
    """b237-030: ``strptime(text, "%H:%M %p")``: %p is ignored beside %H, so "3:30 PM" reads as 03:30. b235-073: a
    ``dict[int, ...]`` written with ``json.dumps`` and read back with ``json.loads(saved).get(oven)``: the keys came
    back as strings. b234-037: ``heapq.nlargest(k, totals)`` of a dict of totals ranks its keys; b237-042
    ``heapq.nlargest(k, trips)`` of (id, amount) pairs ranks the ids. b239-018: ``Decimal(rec["value"])`` of a number the
    instruction's JSON writes with a point: json made it a float first. Beside each, the call that does what was asked."""
    back = "from datetime import datetime\n\n\ndef parse_time(text):\n    return datetime.strptime(text.strip().upper(), FORMAT).time()\n"
    assert trivial(back.replace("FORMAT", "'%H:%M %p'")) == (
        "misused call: strptime('%H:%M %p') (line 5): %p only sets the hour of a 12-hour clock (%I); with %H it is ignored, so 3:30 PM reads as 03:30")
    assert trivial(back.replace("FORMAT", "'%I:%M %p'")) is None
    plan = ("import json\n\n\ndef save_plan(plan: dict[int, list[str]]) -> str:\n    return json.dumps(plan)\n\n\n"
            "def jobs_for_oven(saved: str, oven: int) -> list[str]:\n    return json.loads(saved).get(KEY, [])\n")
    ask = "Write `save_plan(plan)` serialising `{oven_number: [sku, ...]}` to JSON and `jobs_for_oven(saved, oven)` reading it back."
    assert check(ask, plan.replace("KEY", "oven")) == (
        "the instruction's JSON keys are strings and json.loads(saved).get(oven, []) (line 9) looks up the int oven: it never finds it")
    assert check(ask, plan.replace("KEY", "str(oven)")) is None
    top = ("import heapq\nfrom collections import defaultdict\n\n\ndef top(lines, k=3):\n    totals = defaultdict(int)\n    for chapter, value in lines:\n"
           "        totals[chapter] += value\n    return heapq.nlargest(k, totalsKEY)\n")
    assert trivial(top.replace("KEY", "")) == (
        "misused call: heapq.nlargest(k, totals) (line 9) ranks the keys of totals, not the totals it adds up (key=totals.get is meant)")
    assert trivial(top.replace("KEY", ", key=totals.get")) is None
    trips = "import heapq\n\n\ndef top_k_trips(trips: list[tuple[str, float]], k: int):\n    return heapq.nlargest(k, tripsKEY)\n"
    assert trivial(trips.replace("KEY", "")) == (
        "misused call: heapq.nlargest(k, trips) (line 5) ranks the (name, amount) pairs of trips by their names, not their amounts")
    assert trivial(trips.replace("KEY", ", key=lambda t: t[1]")) is None
    ask = ('Valuations arrive as JSON:\n\n```json\n[{"accession": "1962.4.1", "value": 1000.005, "note": "12.50"}]\n```\n\n'
           "Write `insured_values(json_text)` returning accession -> value as a `Decimal` rounded half up to the penny.")
    values = ("import json\nfrom decimal import Decimal, ROUND_HALF_UP\n\n\ndef insured_values(json_text):\n    out = {}\n    for rec in json.loads(json_textPARSE):\n"
              "        out[rec['accession']] = Decimal(rec[FIELD]).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n    return out\n")
    assert check(ask, values.replace("PARSE", "").replace("FIELD", "'value'")) == (
        "Decimal(rec['value']) (line 8) is made from a JSON number, which json reads as a float (1.005 is 1.00499...): the Decimal keeps "
        "the binary error (parse_float=Decimal is meant)")
    assert check(ask, values.replace("PARSE", ", parse_float=Decimal").replace("FIELD", "'value'")) is None
    assert check(ask, values.replace("PARSE", "").replace("FIELD", "'note'")) is None  # written as text: read exactly


def test_blind235_to_238s_errors_on_ordinary_input():
    """b237-041: ``max(... for r in rentals if ...) or None``: a branch with no rentals raises before ``or``; b238-007:
    ``peak = max(gusts)`` before ``peak if gusts else None``. b236-001: ``birth_date.replace(year=...)`` of a 29 February
    birthday. b235-008: ``f"~{minutes:d} min"`` after ``minutes = minutes * 1.1``. b237-040: ``-> dict[Plaza, int]`` keyed
    by a plain dataclass, which cannot be hashed. b236-012: ``range(start_mg, 0, -step_mg)`` with "steps of 2.5 mg".
    Beside each, the code that takes the input."""
    best = "def best(branches, rentals):\n    return {b: max((r['revenue'] for r in rentals if r['branch'] == b)DEFAULT) for b in branches}\n"
    assert trivial(best.replace("DEFAULT", "").replace(") for b", ") or None for b")) == (
        "always an error: max((r['revenue'] for r in rentals if r['branch'] == b)) or None (line 2): when nothing passes the filter, max() raises "
        "ValueError before `or` can give None (default= is meant)")
    assert trivial(best.replace("DEFAULT", ", default=None")) is None
    gusts = ("def summary(by_station):\n    out = {}\n    for station, gusts in by_station.items():\n        PEAK\n"
             "        out[station] = (peak if gusts else None, sum(g > 20 for g in gusts))\n    return out\n")
    assert trivial(gusts.replace("PEAK", "peak = max(gusts)")) == (
        "always an error: max(gusts) (line 4) runs before the test of gusts at line 5: an empty gusts makes max() raise ValueError first")
    assert trivial(gusts.replace("PEAK", "peak = max(gusts, default=None)")) is None
    age = ("from datetime import date\n\n\ndef age_on(birth: date, visit: date) -> int:\n    birthday = birth.replace(year=visit.year)\n"
           "    return visit.year - birth.year - (visit < birthday)\n")
    assert check("Write `age_on(birth, visit)` returning the age in completed years.", age) == (
        "birth.replace(year=visit.year) (line 5) raises ValueError when birth is 29 February and the new year is not a leap year")
    assert check("Write `age_on(birth, visit)` returning the age in completed years (birthdays are never 29 February).", age) is None
    wait = ("import math\n\n\ndef wait_message(people, avg):\n    minutes = math.ceil(people * avg / 60)\n    if people > 20:\n        SLOW\n"
            "    return f'~{minutes:d} min'\n")
    assert trivial(wait.replace("SLOW", "minutes = minutes * 1.1")) == (
        "always an error: {minutes:d} (line 8) formats minutes as an int, and minutes * 1.1 (line 7) makes it a float: ValueError")
    assert trivial(wait.replace("SLOW", "minutes = math.ceil(minutes * 1.1)")) is None
    plaza = ("from collections import Counter\nfrom dataclasses import dataclass\n\n\n@dataclassFROZEN\nclass Plaza:\n    code: str\n    km: float\n\n\n"
             "def traffic(passages) -> dict[Plaza, int]:\n    return dict(Counter(p for p, _ in passages))\n")
    assert trivial(plaza.replace("FROZEN", "")) == (
        "always an error: traffic() (line 11) returns dict[Plaza, int] keyed by Plaza objects, and Plaza, a dataclass with eq and no frozen=True, "
        "cannot be hashed: TypeError")
    assert trivial(plaza.replace("FROZEN", "(frozen=True)")) is None
    taper = ("def taper_schedule(start_mg, step_mg, days):\n    out = []\n    for dose in range(start_mg, 0, -step_mg):\n"
             "        out += [dose] * days\n    return out\n")
    ask = "Write `taper_schedule(start_mg, step_mg, days)` for a steroid taper. Doses like 7.5 mg and steps of STEP mg are common."
    assert check(ask.replace("STEP", "2.5"), taper) == "range(start_mg, 0, -step_mg) (line 3) takes ints only, and step_mg may be a fraction (2.5): TypeError"
    assert check(ask.replace("STEP", "5"), taper) is None


def test_blind236_to_239s_days_and_zones():
    """b239-028: ``MATINEE_DAYS = (2, 5)`` then ``d.isoweekday() in MATINEE_DAYS`` for "Wednesdays and Saturdays": a
    constant of day numbers is read as the numbers written in the test. b236-085: ``strftime("%a")`` (Mon) against
    ``{"Monday", ...}``: never equal, and the search for the next working day never ends. b237-084: a timezone-aware
    ``now`` minus a naive ``strptime`` result; b238-010: ``fromisoformat`` of stamps with "+00:00" against a plain
    ``since``. Beside each, the code that agrees with the instruction."""
    matinees = ("from datetime import date, timedelta\n\nMATINEE_DAYS = NUMBERS\n\n\ndef matinee_dates(start: date, end: date) -> list[date]:\n"
                "    days, day = [], start\n    while day <= end:\n        if day.isoweekday() in MATINEE_DAYS:\n            days.append(day)\n"
                "        day += timedelta(days=1)\n    return days\n")
    ask = "The production plays matinees on Wednesdays and Saturdays. Write `matinee_dates(start, end)` returning every matinee date."
    assert check(ask, matinees.replace("NUMBERS", "(2, 5)")) == (
        "the instruction's days are Wed-Sat and the code's test day.isoweekday() in MATINEE_DAYS (line 9) picks Tue-Fri")
    assert check(ask, matinees.replace("NUMBERS", "(3, 6)")) is None
    working = ("from datetime import date, timedelta\n\n\ndef next_working_day(after: date, working_days: set) -> date:\n"
               "    current = after + timedelta(days=1)\n    while current.strftime(FORMAT) not in working_days:\n        current += timedelta(days=1)\n    return current\n")
    ask = ("Write `next_working_day(after, working_days)` returning the first working day after `after`. `working_days` holds full "
           'day names, e.g. `{"Monday", "Wednesday"}`.')
    assert check(ask, working.replace("FORMAT", "'%a'")) == (
        "current.strftime('%a') (line 6) gives a short name (\"Mon\"), and the days it is held against are written out in full (\"Monday\"): they never match")
    assert check(ask, working.replace("FORMAT", "'%A'")) is None
    offline = ("from datetime import datetime, timedelta\n\n\ndef offline(heartbeats, now, limit_minutes=5):\n    stale = []\n"
               "    for gantry, stamp in heartbeats.items():\n        seen = PARSE\n        if now - seen > timedelta(minutes=limit_minutes):\n"
               "            stale.append(gantry)\n    return sorted(stale)\n")
    ask = ('Given `heartbeats` mapping gantry id to an ISO-8601 UTC string like `"2024-03-01T10:15:00+00:00"`, and `now` as a timezone-aware '
           "UTC `datetime`, write `offline(heartbeats, now)` returning the ids whose heartbeat is more than 5 minutes old.")
    assert check(ask, offline.replace("PARSE", "datetime.strptime(stamp[:19], '%Y-%m-%dT%H:%M:%S')")) == (
        "now - seen (line 8) mixes a timezone-aware datetime with a naive one, which raises TypeError")
    assert check(ask, offline.replace("PARSE", "datetime.fromisoformat(stamp)")) is None
    recent = ("from datetime import datetime\n\n\ndef recent(readings, since):\n    def when(r):\n        return datetime.fromisoformat(r['ts'])\n"
              "    return sorted((r for r in readings if when(r) >= since), key=when)\n")
    ask = ('Readings carry ISO stamps with an offset, e.g. `{"ts": "2024-05-01T06:10:00+00:00"}`. Write `recent(readings, since)` returning '
           "those at or after `since`, sorted. Callers pass `since` as a WORD UTC `datetime`.")
    assert check(ask.replace("WORD", "plain"), recent) == "when(r) >= since (line 7) mixes a timezone-aware datetime with a naive one, which raises TypeError"
    assert check(ask.replace("WORD", "timezone-aware"), recent) is None


def test_blind236_and_237s_a_tie_rule_and_an_error_asked_with_example_dates_below():
    """b236-049: "If two codes have the same total, the code that sorts first alphabetically comes first" answered by a
    sort on the total alone. b237-014: "raise `ValueError` otherwise" answered by no raise, where the only call that could
    raise it (``date(2024, 3, 1)``) is in the asserts below the function: the example's, not the answer's."""
    top = ("from collections import defaultdict\n\n\ndef top_procedures(ledger, n=3):\n    totals = defaultdict(int)\n    for e in ledger:\n"
           "        totals[e['code']] += e['amount']\n    return sorted(totals.items(), key=KEY)[:n]\n")
    ask = ("Write `top_procedures(ledger, n=3)` returning the `n` codes with the highest total as `(code, total)` tuples, highest first. "
           "If two codes have the same total, the code that sorts first alphabetically comes first.")
    assert check(ask, top.replace("KEY", "lambda item: -item[1]")).startswith(
        "the instruction asks for 'same total, the code that sorts first alphabetically' and its one sort")
    assert check(ask, top.replace("KEY", "lambda item: (-item[1], item[0])")) is None
    number = ("from datetime import date\n\n\ndef format_invoice_number(issued: date, seq: int) -> str:\nCHECK    return f'TR-{issued.year}-{seq:06d}'\n\n\n"
              "assert format_invoice_number(date(2024, 3, 1), 123) == 'TR-2024-000123'\n")
    ask = "Write `format_invoice_number(issued, seq)`. The sequence must be between 1 and 999999; raise `ValueError` otherwise."
    assert check(ask, number.replace("CHECK", "")) == "the instruction asks to raise ValueError and the code never does"
    assert check(ask, number.replace("CHECK", "    if not 1 <= seq <= 999_999:\n        raise ValueError(seq)\n")) is None
