'''Labelled rows for the quality filters: junk of every kind small and large models produce, and
good code that naive checks would wrongly reject. Each row: (label, kind, instruction, code).

The junk is written the way the quickstart's published rows looked (issue 13): the same function
three times, a branch repeated, names never defined, instructions that are answers or advice.'''

GOOD = [
    ("good", "stdlib_imports", "Write a function that returns the SHA-256 hex digest of a file, reading it in chunks.", '''import hashlib
from pathlib import Path


def file_digest(path, chunk_size=65536):
    """Return the SHA-256 hex digest of the file at path."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(chunk_size), b""):
            digest.update(chunk)
    return digest.hexdigest()
'''),
    ("good", "class", "Implement a stack class with push, pop and peek that raises IndexError when empty.", '''class Stack:
    """A last-in first-out stack."""

    def __init__(self):
        self._items = []

    def push(self, item):
        self._items.append(item)

    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()

    def peek(self):
        if not self._items:
            raise IndexError("peek at empty stack")
        return self._items[-1]

    def __len__(self):
        return len(self._items)
'''),
    ("good", "nested_function", "Write a decorator factory `retry(times)` that retries a function when it raises.", '''import functools


def retry(times):
    """Call the wrapped function up to `times` times until it does not raise."""
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            last = None
            for _ in range(times):
                try:
                    return func(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001
                    last = exc
            raise last
        return wrapper
    return decorator
'''),
    ("good", "comprehensions", "Write a function that groups words by their first letter, in sorted order.", '''def group_by_initial(words):
    """Map each initial letter to the sorted words that start with it."""
    initials = sorted({word[0].lower() for word in words if word})
    return {letter: sorted(w for w in words if w and w[0].lower() == letter) for letter in initials}
'''),
    ("good", "type_hints_fstrings", "Create a function that formats a duration in seconds as H:MM:SS.", '''from typing import Union


def format_duration(seconds: Union[int, float]) -> str:
    """Format a non-negative duration as H:MM:SS."""
    if seconds < 0:
        raise ValueError(f"negative duration: {seconds}")
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
'''),
    ("good", "main_guard", "Write a command-line script that counts the lines of the files given as arguments.", '''import sys


def count_lines(path):
    with open(path, encoding="utf-8") as handle:
        return sum(1 for _ in handle)


def main(argv):
    for path in argv:
        print(f"{count_lines(path):8d} {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
'''),
    ("good", "global", "Write a function that counts how many times it has been called, using a module-level counter.", '''calls = 0


def tick():
    """Increase and return the module-level call counter."""
    global calls
    calls += 1
    return calls


def reset():
    global calls
    calls = 0
'''),
    ("good", "global_defined_in_function", "Write functions to set up and read a lazily created module cache.", '''def init_cache():
    global _cache
    _cache = {}


def cached(key, compute):
    """Return the cached value of key, computing it once."""
    if key not in _cache:
        _cache[key] = compute(key)
    return _cache[key]
'''),
    ("good", "nonlocal", "Write a function that returns a counter closure starting at a given value.", '''def make_counter(start=0):
    """Return a function that returns start, start + 1, ... on each call."""
    count = start - 1

    def counter():
        nonlocal count
        count += 1
        return count

    return counter
'''),
    ("good", "star_import", "Write a function computing the great-circle distance between two points on Earth.", '''from math import *


def haversine(lat1, lon1, lat2, lon2, radius=6371.0):
    """Distance in km between two (latitude, longitude) points in degrees."""
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi = radians(lat2 - lat1)
    dlmb = radians(lon2 - lon1)
    a = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlmb / 2) ** 2
    return 2 * radius * asin(sqrt(a))
'''),
    ("good", "dunder_all", "Write a small module exporting functions to clamp and lerp numbers.", '''__all__ = ["clamp", "lerp"]


def clamp(value, low, high):
    """Limit value to [low, high]."""
    return max(low, min(high, value))


def lerp(a, b, t):
    """Linear interpolation between a and b."""
    return a + (b - a) * clamp(t, 0.0, 1.0)
'''),
    ("good", "builtins", "Write a function that returns the indices of the maximum values in a list.", '''def argmax_all(values):
    """All indices at which the maximum of values occurs."""
    if not values:
        return []
    best = max(values)
    return [i for i, v in enumerate(values) if v == best]


def is_sorted(values):
    return all(a <= b for a, b in zip(values, values[1:])) and isinstance(values, (list, tuple))
'''),
    ("good", "type_checking", "Write a function that sums the sizes of a sequence of paths, with type hints.", '''from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path


def total_size(paths: Sequence[Path]) -> int:
    """Sum of the sizes in bytes of the given files."""
    return sum(os.path.getsize(p) for p in paths)
'''),
    ("good", "string_annotation", "Implement a singly linked list node with a method to append a value.", '''class Node:
    def __init__(self, value: int, next: "Node | None" = None) -> None:
        self.value = value
        self.next = next

    def append(self, value: int) -> "Node":
        node = self
        while node.next is not None:
            node = node.next
        node.next = Node(value)
        return node.next
'''),
    ("good", "conditional_definition", "Write a portable function returning the user's home directory.", '''import os
import sys

if sys.platform == "win32":
    def home():
        """The user's home directory on Windows."""
        return os.environ.get("USERPROFILE", "C:\\\\")
else:
    def home():
        """The user's home directory on POSIX systems."""
        return os.environ.get("HOME", "/")
'''),
    ("good", "overload", "Write a typed function that doubles an int or each item of a list of ints.", '''from typing import List, Union, overload


@overload
def double(value: int) -> int: ...
@overload
def double(value: List[int]) -> List[int]: ...
def double(value: Union[int, List[int]]) -> Union[int, List[int]]:
    """Double a number, or every number of a list."""
    if isinstance(value, list):
        return [2 * v for v in value]
    return 2 * value
'''),
    ("good", "property_setter", "Implement a Temperature class with a celsius property whose setter refuses values below absolute zero.", '''class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32
'''),
    ("good", "dataclass", "Define a dataclass for a 2D point with a method returning its distance to another point.", '''import math
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    tags: tuple = field(default=())

    def distance(self, other: "Point") -> float:
        return math.hypot(self.x - other.x, self.y - other.y)
'''),
    ("good", "abstract_base", "Design an abstract Shape class and a Rectangle subclass that computes its area.", '''from abc import ABC, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self) -> float:
        """The area of the shape."""
        raise NotImplementedError


class Rectangle(Shape):
    def __init__(self, width: float, height: float):
        self.width = width
        self.height = height

    def area(self) -> float:
        return self.width * self.height
'''),
    ("good", "recursion_generators", "Write a generator that yields all permutations of a list without itertools.", '''def permutations(items):
    """Yield every ordering of items."""
    if len(items) <= 1:
        yield list(items)
        return
    for index, first in enumerate(items):
        rest = items[:index] + items[index + 1:]
        for tail in permutations(rest):
            yield [first] + tail
'''),
    ("good", "try_except_walrus", "Write a function that parses integers from lines, skipping lines that are not numbers.", '''import re

NUMBER = re.compile(r"^\\s*(-?\\d+)\\s*$")


def parse_ints(lines):
    """The integers found on lines that hold exactly one number."""
    out = []
    for line in lines:
        if (match := NUMBER.match(line)) is None:
            continue
        try:
            out.append(int(match.group(1)))
        except ValueError:
            pass
    return out
'''),
    ("good", "async", "Write an async function that fetches several URLs concurrently with a given fetch coroutine.", '''import asyncio


async def fetch_all(urls, fetch, limit=5):
    """Run fetch(url) for every url, at most `limit` at a time, results in order."""
    semaphore = asyncio.Semaphore(limit)

    async def one(url):
        async with semaphore:
            return await fetch(url)

    return await asyncio.gather(*(one(u) for u in urls))
'''),
    ("good", "script_with_loop", "Write a script that prints the first 20 Fibonacci numbers.", '''a, b = 0, 1
for _ in range(20):
    print(a)
    a, b = b, a + b
'''),
    ("good", "repeated_short_lines", "Write a function that classifies a character as vowel, consonant, digit or other.", '''def classify(ch):
    """Return 'vowel', 'consonant', 'digit' or 'other' for one character."""
    if not ch:
        return "other"
    if ch.lower() in "aeiou":
        return "vowel"
    if ch.isalpha():
        return "consonant"
    if ch.isdigit():
        return "digit"
    return "other"
'''),
    ("good", "similar_asserts", "Write a function is_prime with tests.", '''def is_prime(n):
    """True when n is a prime number."""
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    divisor = 3
    while divisor * divisor <= n:
        if n % divisor == 0:
            return False
        divisor += 2
    return True


assert is_prime(2)
assert is_prime(3)
assert not is_prime(4)
assert is_prime(97)
assert not is_prime(1)
'''),
    ("good", "instruction_with_snippet", "Fix the bug in this function so it returns the average of a list:\n\n```python\ndef average(xs):\n    return sum(xs) / len(xs) + 1\n```", '''def average(xs):
    """The arithmetic mean of xs (ValueError when empty)."""
    if not xs:
        raise ValueError("average of an empty list")
    return sum(xs) / len(xs)
'''),
    ("good", "question_instruction", "How can I reverse the words of a sentence while keeping the punctuation attached?", '''def reverse_words(sentence: str) -> str:
    """Reverse the order of the words, punctuation stays with its word."""
    return " ".join(reversed(sentence.split()))
'''),
    ("good", "lambda_sorting", "Given a list of (name, age) pairs, sort them by age then by name.", '''def sort_people(people):
    return sorted(people, key=lambda pair: (pair[1], pair[0]))
'''),
    ("good", "enum_match", "Implement a traffic light state machine with an Enum and a function returning the next state.", '''from enum import Enum


class Light(Enum):
    RED = "red"
    GREEN = "green"
    YELLOW = "yellow"


def next_light(light: Light) -> Light:
    match light:
        case Light.RED:
            return Light.GREEN
        case Light.GREEN:
            return Light.YELLOW
        case _:
            return Light.RED
'''),
    ("good", "class_attributes_and_classmethod", "Create a class for parsing key=value config lines with a classmethod constructor from text.", '''class Config:
    SEPARATOR = "="

    def __init__(self, values=None):
        self.values = dict(values or {})

    @classmethod
    def from_text(cls, text):
        values = {}
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith("#") or cls.SEPARATOR not in line:
                continue
            key, _, value = line.partition(cls.SEPARATOR)
            values[key.strip()] = value.strip()
        return cls(values)

    def get(self, key, default=None):
        return self.values.get(key, default)
'''),
    ("good", "singledispatch", "I would like a function that describes a value differently for ints and lists.", '''from functools import singledispatch


@singledispatch
def describe(value):
    return f"a {type(value).__name__}"


@describe.register
def _(value: int):
    return f"the integer {value}"


@describe.register
def _(value: list):
    return f"a list of {len(value)} items"
'''),
    ("good", "optional_import", "You are tasked with implementing a JSON loader that uses orjson when it is installed.", '''try:
    import orjson as json_backend
except ImportError:
    json_backend = None

import json


def load(text):
    """Parse JSON text with orjson when available, else the standard library."""
    if json_backend is not None:
        return json_backend.loads(text)
    return json.loads(text)
'''),
    ("good", "repeated_guards", "Here is a list of three fields as strings: parse them into a (name, age, height) tuple, or None if any is invalid.", '''def parse_record(name, age, height):
    """(name, age, height) with age an int and height a float, or None."""
    name = name.strip()
    if not name:
        return None
    try:
        age = int(age)
    except ValueError:
        return None
    try:
        height = float(height)
    except ValueError:
        return None
    if age < 0 or height <= 0:
        return None
    return name, age, height
'''),
    ("good", "context_manager_class", "Create a context manager that measures the time spent in its block.", '''import time


class Timer:
    """Measure wall-clock time: `with Timer() as t: ...; t.elapsed`."""

    def __enter__(self):
        self.start = time.perf_counter()
        self.elapsed = 0.0
        return self

    def __exit__(self, exc_type, exc, tb):
        self.elapsed = time.perf_counter() - self.start
        return False
'''),
    ("good", "protocol_with_impl", "Define a Greeter protocol and an English implementation of it.", '''from typing import Protocol


class Greeter(Protocol):
    def greet(self, name: str) -> str: ...


class English:
    def greet(self, name: str) -> str:
        return f"Hello, {name}!"


def welcome(greeter: Greeter, names):
    return [greeter.greet(n) for n in names]
'''),
    ("good", "literal_tables", "Write a function that draws an empty 8x8 board as text with a ruler line.", '''BOARD = [[0, 0, 0, 0, 0, 0, 0, 0] for _ in range(8)]
RULER = "+========================+"


def render(board=BOARD):
    """The board as text, one row per line, between two rulers."""
    rows = [" ".join("." if cell == 0 else "#" for cell in row) for row in board]
    return "\\n".join([RULER, *rows, RULER])
'''),
    ("good", "recursion_with_base_case", "Write a recursive function that computes the greatest common divisor.", '''def gcd(a, b):
    if b == 0:
        return abs(a)
    return gcd(b, a % b)
'''),
]

JUNK = [
    # static analysis: names used but never defined, definitions replaced before any use
    ("junk", "undefined_name", "Write a function that counts the vowels in a string.", '''def count_vowels(text):
    count = 0
    for ch in s:
        if ch in "aeiou":
            count += 1
    return count
'''),
    ("junk", "undefined_helper", "Write a function that encodes a list of bytes objects to a binary file.", '''def save(items, path):
    with open(path, "wb") as handle:
        for item in items:
            handle.write(encode_binary_data(item))
'''),
    ("junk", "undefined_result", "Write a function returning the index of the first duplicate in a list.", '''def first_duplicate(values):
    seen = set()
    for index, value in enumerate(values):
        if value in seen:
            first_occurrence = index
        seen.add(value)
    return first_occurence
'''),
    ("junk", "missing_import", "Write a function that returns today's date as an ISO string.", '''def today_iso():
    return datetime.date.today().isoformat()
'''),
    ("junk", "redefined_three_times", "Write a function that reverses a string.", '''def reverse(text):
    return text[::-1]


def reverse(text):
    return "".join(reversed(text))


def reverse(text):
    result = ""
    for ch in text:
        result = ch + result
    return result
'''),
    ("junk", "redefined_class", "Implement a Queue class.", '''class Queue:
    def __init__(self):
        self.items = []


class Queue:
    def __init__(self):
        self.items = []

    def put(self, item):
        self.items.append(item)
'''),
    ("junk", "undefined_local", "Write a function that increments a global counter.", '''counter = 0


def increment():
    counter += 1
    return counter
'''),
    # degenerate repetition
    ("junk", "repeated_branch", "Write a function that converts items of a list to strings by type.", '''def convert(items):
    result = []
    for item in items:
        if isinstance(item, int):
            result.append(str(item))
        elif isinstance(item, str):
            result.append(item)
        elif isinstance(item, str):
            result.append(item)
        elif isinstance(item, str):
            result.append(item)
        elif isinstance(item, str):
            result.append(item)
        elif isinstance(item, str):
            result.append(item)
    return result
'''),
    ("junk", "repeated_line_run", "Write a function that prints a greeting.", '''def greet(name):
    message = "Hello, " + name
    print(message)
    print(message)
    print(message)
    print(message)
    print(message)
    return message
'''),
    ("junk", "repeated_block_loop", "Write a function that checks a password's strength.", '''def strength(password):
    score = 0
    if len(password) >= 8:
        score += 1
    if any(c.isdigit() for c in password):
        score += 1
    if any(c.isdigit() for c in password):
        score += 1
    if any(c.isdigit() for c in password):
        score += 1
    if any(c.isdigit() for c in password):
        score += 1
    return score
'''),
    ("junk", "repeated_asserts", "Write a function that adds two numbers, with tests.", '''def add(a, b):
    return a + b


assert add(1, 2) == 3
assert add(1, 2) == 3
assert add(1, 2) == 3
assert add(1, 2) == 3
assert add(1, 2) == 3
assert add(1, 2) == 3
'''),
    ("junk", "repeated_prose_instruction", "Write a function that sorts a list of numbers in ascending order and returns the sorted list. Write a function that sorts a list of numbers in ascending order and returns the sorted list. Write a function that sorts a list of numbers in ascending order and returns the sorted list.", '''def sort_numbers(values):
    return sorted(values)
'''),
    # trivial bodies
    ("junk", "docstring_only", "Write a function that merges two sorted lists.", '''def merge(a, b):
    """Merge two sorted lists into one sorted list."""
'''),
    ("junk", "pass_only", "Implement a binary search tree with insert and search.", '''class BST:
    def insert(self, value):
        pass

    def search(self, value):
        pass
'''),
    ("junk", "ellipsis_only", "Write a function that parses a CSV line.", '''def parse_csv_line(line: str) -> list:
    ...
'''),
    ("junk", "not_implemented", "Write a function that computes the determinant of a matrix.", '''def determinant(matrix):
    """Return the determinant of a square matrix."""
    raise NotImplementedError("TODO")
'''),
    ("junk", "returns_its_input", "Write a function that merges a binary tree given as nested tuples with a second one.", '''def merge_with_zero_value(tree):
    """Return an empty result for empty input."""
    """
    Given a nested tuple of nested tuples, return an empty result for empty input.
    """
    return tree
'''),
    ("junk", "todo_return_none", "Write a function that validates an e-mail address.", '''import re


def is_valid_email(address):
    # TODO: implement
    return None
'''),
    # print-only "solutions"
    ("junk", "print_answer", "Write a function that sums the numbers from 1 to 100.", '''print("The sum of the numbers from 1 to 100 is 5050")
'''),
    ("junk", "print_constants", "Write a program that computes the area of a circle of radius 3.", '''radius = 3
area = 28.27
print(f"The area of a circle with radius {radius} is {area}")
'''),
    ("junk", "print_lines", "Write a function that returns the first five primes.", '''print(2)
print(3)
print(5)
print(7)
print(11)
'''),
    # instruction checks
    ("junk", "instruction_is_code", "Here is one way to solve task 4: ```python\ndef solve(xs):\n    return sorted(xs)\n```", '''def solve(xs):
    return sorted(xs)
'''),
    ("junk", "instruction_mostly_code", "```python\ndef area(r):\n    import math\n    return math.pi * r * r\n\nprint(area(2))\n```", '''import math


def area(r):
    return math.pi * r * r
'''),
    ("junk", "instruction_answer_opener", "Sure! Below is a function that checks whether a number is even.", '''def is_even(n):
    return n % 2 == 0
'''),
    ("junk", "instruction_advice", "Make sure to use descriptive variable names and avoid global state.", '''def total_price(prices, tax_rate):
    subtotal = sum(prices)
    return subtotal * (1 + tax_rate)
'''),
    ("junk", "instruction_advice_always", "Always remember that readability counts more than cleverness.", '''def is_palindrome(text):
    cleaned = [c.lower() for c in text if c.isalnum()]
    return cleaned == cleaned[::-1]
'''),
    ("junk", "instruction_refusal", "I'm sorry, but as an AI language model I cannot create new programming tasks.", '''def square(x):
    return x * x
'''),
    ("junk", "instruction_prompt_leak", "#Rewritten Prompt#: Rewrite the given prompt so that it asks for input validation as well.", '''def parse_age(text):
    age = int(text)
    if age < 0:
        raise ValueError("negative age")
    return age
'''),
    ("junk", "instruction_too_short", "Sort.", '''def sort_list(values):
    return sorted(values)
'''),
    ("junk", "instruction_no_task", "Lists and tuples in Python.", '''def to_tuple(values):
    return tuple(values)
'''),
    ("junk", "instruction_advice_use", "Use list comprehensions instead of loops for better performance and readability.", '''def squares(n):
    return [i * i for i in range(n)]
'''),
    ("junk", "instruction_advice_additionally", "Additionally, ensure that edge cases such as empty input are covered.", '''def safe_max(values):
    return max(values) if values else None
'''),
    ("junk", "instruction_answer_here_is", "Here is the implementation of the requested function in Python.", '''def add(a, b):
    return a + b
'''),
    ("junk", "undefined_method_helper", "Implement a class that stores scores and returns their average.", '''class Scores:
    def __init__(self):
        self.values = []

    def add(self, value):
        self.values.append(value)

    def average(self):
        return compute_mean(self.values)
'''),
    ("junk", "redefined_with_tests_between", "Write a function that checks whether a string is a palindrome.", '''def is_palindrome(s):
    return s == s[::-1]


def is_palindrome(s):
    s = s.lower()
    return s == s[::-1]
'''),
    ("junk", "print_multi_constants", "Write a function that converts 100 degrees Celsius to Fahrenheit.", '''celsius = 100
fahrenheit = 212
print("Celsius:", celsius)
print("Fahrenheit:", fahrenheit)
'''),
    ("junk", "repeated_methods", "Implement a Calculator class with add, subtract, multiply and divide.", '''class Calculator:
    def add(self, a, b):
        result = a + b
        return result

    def subtract(self, a, b):
        result = a + b
        return result

    def multiply(self, a, b):
        result = a + b
        return result

    def divide(self, a, b):
        result = a + b
        return result
'''),
    ("junk", "repeated_phrase", "Write a Python function that finds the most frequent item in a binary tree given as nested tuples.", '''def most_frequent(value, left, right):
    if left is None or right is None:
        return None
    values = [(value, left, right), (value, right, right), (value, right, right), (value, right, right), (value, right, right), (value, right, right)]
    return max(values)
'''),
    ("junk", "self_recursion_only", "Write a function that lists the unique directories of sys.path.", '''def get_pathdirs(syspath):
    """Return the unique directories of syspath."""
    import os

    def get_pathdirs(syspath):
        return get_pathdirs(syspath)
    return get_pathdirs(syspath)
'''),
    # Kinds the quickstart's forced-format rows showed (2026-12-01), rewritten here.
    ("junk", "ignores_inputs", "Write a function that maps a person's name to the name with a suffix added.", '''def add_suffix(name):
    return {
        "full_name": "suffix",
    }


def add_suffix_dict(name, suffix):
    return {"full_name": "suffix_dict"}
'''),
    ("junk", "instruction_is_definition", 'def isfirstline():\n    """\n    Return True when the line just read is the first line of its file.\n    """\n```', '''def isfirstline():
    return True
'''),
    ("junk", "instruction_names_another_function", "Implement a Python function `guess_extension(type, strict=True)` that returns the file extension for a MIME type.", '''def check_extension(type, strict=True):
    """Check the extension of a file from its MIME type."""
    if strict:
        file_type = type
    else:
        file_type = type.lower()
    return len(file_type) == 1
'''),
]


def as_row(index: int, label: str, kind: str, instruction: str, code: str) -> dict:
    """A curated-stage row (code and language already extracted)."""
    return {
        "id": f"{label}-{index:03d}-{kind}", "split": "train", "instruction": instruction,
        "response": f"```python\n{code}```\n", "code": code, "language": "python", "label": label, "kind": kind,
    }


def labelled_rows():
    return [as_row(i, *entry) for i, entry in enumerate(GOOD + JUNK)]
