'''A second labelled set, written as `hfsynth curate --input` rows the way public datasets hold them:
markdown answers with prose around fenced code (```python, ```py, bare ```), sometimes a second
block of asserts, a usage example or an output sample; Code-Alpaca one-liners, OSS-Instruct
problem statements, Evol-Instruct instructions that quote the code to fix, instructions in other
languages. The junk is what small and large models produce (issue 13).

Each row was labelled as a reader who would train on it would label it, not to fit the filters;
the ambiguous ones say why in a comment. Each row: (label, kind, instruction, response).
'''

FENCE = "```"


def py(code: str, tag: str = "python") -> str:
    return f"{FENCE}{tag}\n{code.strip(chr(10))}\n{FENCE}"


GOOD = [
    # --- Code-Alpaca style: short instructions, short answers -------------------------------
    ("good", "alpaca_reverse", "Reverse a string.", py('''def reverse_string(s):
    return s[::-1]''')),
    ("good", "alpaca_one_liner", "Write a function to add two numbers.", py("def add(a, b): return a + b", "")),
    ("good", "alpaca_list_comprehension", "Generate a list containing the squares of the numbers from 1 to 10.",
     py('''squares = [x ** 2 for x in range(1, 11)]
print(squares)''')),
    # Ambiguous: Alpaca's "input" holds the variable the answer uses. Labelled good: the answer is
    # right for the instruction it was given.
    ("good", "alpaca_uses_the_input", 'Create a dictionary that maps each word of the sentence to its length.\n\nsentence = "the quick brown fox jumps"',
     py("word_lengths = {word: len(word) for word in sentence.split()}")),
    ("good", "alpaca_even_odd", "Write a function that checks whether a number is even or odd.", "You can use the modulo operator:\n\n" + py('''def even_or_odd(n):
    if n % 2 == 0:
        return "even"
    return "odd"''') + "\n\nThe function returns the string `\"even\"` or `\"odd\"`."),
    ("good", "alpaca_py_tag", "Convert a temperature from Celsius to Fahrenheit.", py('''def celsius_to_fahrenheit(celsius):
    return celsius * 9 / 5 + 32''', "py") + "\n\nFor example, `celsius_to_fahrenheit(100)` returns `212.0`."),
    ("good", "alpaca_counter", "Count the occurrences of each character in a given string.", py('''from collections import Counter

def char_frequency(text):
    return dict(Counter(text))''')),
    ("good", "alpaca_dedupe", "Remove the duplicates from a list while keeping the original order.",
     "Dictionaries keep insertion order since Python 3.7, so `dict.fromkeys` does it in one line:\n\n" + py('''def remove_duplicates(items):
    return list(dict.fromkeys(items))''')),
    ("good", "alpaca_factorial", "Write a recursive function to calculate the factorial of a number.", py('''def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)''')),
    ("good", "alpaca_print_loop", "Print the numbers from 1 to 10.", py('''for i in range(1, 11):
    print(i)''')),
    # Ambiguous: the classic first program. The instruction asks for exactly this print; labelled good.
    ("good", "alpaca_hello_world", 'Write a program that prints "Hello, World!"', py('print("Hello, World!")')),
    ("good", "alpaca_sort_dicts", "Sort a list of dictionaries by the value of the key 'age'.", py('''def sort_by_age(people):
    return sorted(people, key=lambda person: person["age"])''')),
    ("good", "alpaca_merge_dicts", "Merge two dictionaries into one.", py('''def merge_dicts(d1, d2):
    merged = d1.copy()
    merged.update(d2)
    return merged''')),
    ("good", "alpaca_max_without_builtin", "Find the largest number in a list without using the built-in max function.", py('''def find_max(numbers):
    largest = numbers[0]
    for number in numbers[1:]:
        if number > largest:
            largest = number
    return largest''')),
    ("good", "alpaca_palindrome", "Check if a given string is a palindrome.", py('''def is_palindrome(s):
    s = s.lower()
    return s == s[::-1]''')),
    ("good", "alpaca_vowels", "Count the number of vowels in a string.", py('''def count_vowels(text):
    return sum(1 for ch in text.lower() if ch in "aeiou")''')),
    ("good", "alpaca_fizzbuzz", "Write a FizzBuzz program for the numbers 1 to 100.", py('''for i in range(1, 101):
    if i % 15 == 0:
        print("FizzBuzz")
    elif i % 3 == 0:
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    else:
        print(i)''')),
    # Ambiguous: a demonstration with no function. The swap is the point; labelled good.
    ("good", "alpaca_swap_demo", "Swap the values of two variables without using a temporary variable.", py('''a = 5
b = 10
a, b = b, a
print("a =", a, "b =", b)''')),
    ("good", "alpaca_lambda", "Write a lambda function that returns the square of a number.", py("square = lambda x: x * x")),
    ("good", "alpaca_word_count", "Write a Python function to count the words in a sentence.", py('''def word_count(sentence):
    return len(sentence.split())''')),
    # --- OSS-Instruct / Magicoder style: problem statements, classes, libraries -------------------
    ("good", "oss_bank_account", '''You are tasked with implementing a simple bank account class in Python. The class should support
depositing and withdrawing money and reporting the balance. Withdrawing more than the balance must
raise a custom `InsufficientFundsError`, and negative amounts must be rejected with a `ValueError`.

Implement the `BankAccount` class with the methods `deposit(amount)`, `withdraw(amount)` and the
read-only property `balance`.''', "Here is a straightforward implementation:\n\n" + py('''class InsufficientFundsError(Exception):
    """Raised when a withdrawal exceeds the balance."""


class BankAccount:
    def __init__(self, owner: str, balance: float = 0.0) -> None:
        self.owner = owner
        self._balance = balance

    @property
    def balance(self) -> float:
        return self._balance

    def deposit(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("Deposit amount must be positive")
        self._balance += amount

    def withdraw(self, amount: float) -> None:
        if amount <= 0:
            raise ValueError("Withdrawal amount must be positive")
        if amount > self._balance:
            raise InsufficientFundsError(f"Cannot withdraw {amount}; balance is {self._balance}")
        self._balance -= amount


if __name__ == "__main__":
    account = BankAccount("Alice", 100)
    account.deposit(50)
    account.withdraw(30)
    print(account.balance)  # 120''') + "\n\nThe balance is kept in a private attribute and exposed through a read-only property, so callers cannot set it directly."),
    ("good", "oss_lru_cache", '''Implement an LRU (least recently used) cache class `LRUCache` with a fixed capacity. `get(key)`
returns the value or -1 if the key is missing; `put(key, value)` inserts or updates the value and,
when the cache is full, evicts the least recently used entry. Both operations should run in O(1).''',
     py('''from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.cache = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self.cache:
            return -1
        self.cache.move_to_end(key)
        return self.cache[key]

    def put(self, key: int, value: int) -> None:
        if key in self.cache:
            self.cache.move_to_end(key)
        self.cache[key] = value
        if len(self.cache) > self.capacity:
            self.cache.popitem(last=False)''') + '''

### Explanation

- `OrderedDict` remembers insertion order; `move_to_end` marks a key as recently used.
- `popitem(last=False)` removes the oldest entry when the capacity is exceeded.
- Both operations are O(1).'''),
    ("good", "oss_dataclass_inventory", '''You are building an inventory system for a small shop. Each item has a name, a unit price and a
quantity. Write a dataclass `Item` and a class `Inventory` that can add items, remove a quantity of
an item by name (raising `KeyError` for unknown items), and compute the total value of the stock.''', py('''from dataclasses import dataclass, field
from typing import Dict


@dataclass
class Item:
    name: str
    price: float
    quantity: int = 0

    @property
    def value(self) -> float:
        return self.price * self.quantity


@dataclass
class Inventory:
    items: Dict[str, Item] = field(default_factory=dict)

    def add(self, item: Item) -> None:
        if item.name in self.items:
            self.items[item.name].quantity += item.quantity
        else:
            self.items[item.name] = item

    def remove(self, name: str, quantity: int) -> None:
        if name not in self.items:
            raise KeyError(name)
        item = self.items[name]
        item.quantity = max(0, item.quantity - quantity)

    def total_value(self) -> float:
        return sum(item.value for item in self.items.values())''') + "\n\nUsage:\n\n" + py('''inventory = Inventory()
inventory.add(Item("apple", 0.5, 10))
inventory.add(Item("pear", 0.75, 4))
print(inventory.total_value())  # 8.0''')),
    ("good", "oss_async_gather", '''Write an asynchronous function `fetch_all(urls, fetch, limit=5)` that calls the coroutine function
`fetch(url)` for every URL concurrently, but never runs more than `limit` requests at the same time.
It should return the results in the same order as `urls`.''', py('''import asyncio
from typing import Awaitable, Callable, List, TypeVar

T = TypeVar("T")


async def fetch_all(urls: List[str], fetch: Callable[[str], Awaitable[T]], limit: int = 5) -> List[T]:
    semaphore = asyncio.Semaphore(limit)

    async def bounded(url: str) -> T:
        async with semaphore:
            return await fetch(url)

    return await asyncio.gather(*(bounded(url) for url in urls))''') + "\n\n`asyncio.gather` preserves the order of its arguments, so the results line up with `urls`."),
    ("good", "oss_requests_retry", '''Write a function `get_json(url, retries=3, backoff=0.5)` using the `requests` library that performs a
GET request and returns the decoded JSON body. On connection errors or 5xx responses it should retry
with exponential backoff, and raise the last error when all retries fail.''', py('''import time

import requests


def get_json(url, retries=3, backoff=0.5, timeout=10):
    last_error = None
    for attempt in range(retries):
        try:
            response = requests.get(url, timeout=timeout)
            if response.status_code >= 500:
                raise requests.HTTPError(f"server error {response.status_code}", response=response)
            response.raise_for_status()
            return response.json()
        except (requests.ConnectionError, requests.HTTPError) as exc:
            last_error = exc
            if attempt < retries - 1:
                time.sleep(backoff * 2 ** attempt)
    raise last_error''')),
    ("good", "oss_numpy_moving_average", "Implement a function that computes the simple moving average of a 1-D NumPy array with a given window size. The output should have `len(values) - window + 1` elements.", py('''import numpy as np


def moving_average(values: np.ndarray, window: int) -> np.ndarray:
    if window <= 0:
        raise ValueError("window must be positive")
    if window > len(values):
        raise ValueError("window is larger than the array")
    kernel = np.ones(window) / window
    return np.convolve(values, kernel, mode="valid")''') + "\n\n" + py('''assert moving_average(np.array([1, 2, 3, 4]), 2).tolist() == [1.5, 2.5, 3.5]''')),
    ("good", "oss_pandas_groupby", '''You are given a pandas DataFrame of sales with the columns `region`, `product` and `amount`. Write a
function `top_products(df, n)` that returns, for each region, the `n` products with the highest total
amount, as a DataFrame with the columns `region`, `product` and `total`.''', py('''import pandas as pd


def top_products(df: pd.DataFrame, n: int) -> pd.DataFrame:
    totals = (
        df.groupby(["region", "product"], as_index=False)["amount"]
        .sum()
        .rename(columns={"amount": "total"})
    )
    totals = totals.sort_values(["region", "total"], ascending=[True, False])
    return totals.groupby("region").head(n).reset_index(drop=True)''')),
    ("good", "oss_generator_chunks", "Write a generator `chunked(iterable, size)` that yields lists of at most `size` consecutive items from any iterable, including infinite ones.", py('''from itertools import islice


def chunked(iterable, size):
    if size < 1:
        raise ValueError("size must be at least 1")
    iterator = iter(iterable)
    while True:
        chunk = list(islice(iterator, size))
        if not chunk:
            return
        yield chunk''') + "\n\nExample:\n\n" + py('''>>> list(chunked(range(7), 3))
[[0, 1, 2], [3, 4, 5], [6]]''', "")),
    ("good", "oss_decorator_timing", "Create a decorator `timed` that logs how long the decorated function took, using the `logging` module, and preserves the function's name and docstring.", py('''import functools
import logging
import time

logger = logging.getLogger(__name__)


def timed(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            elapsed = time.perf_counter() - start
            logger.info("%s took %.3f s", func.__name__, elapsed)
    return wrapper''')),
    ("good", "oss_recursive_flatten", "Write a function that flattens an arbitrarily nested list of lists into a single flat list, e.g. `[1, [2, [3, 4]], 5]` -> `[1, 2, 3, 4, 5]`.", py('''def flatten(nested):
    result = []
    for item in nested:
        if isinstance(item, list):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result''') + "\n\n" + py('''assert flatten([1, [2, [3, 4]], 5]) == [1, 2, 3, 4, 5]
assert flatten([]) == []
assert flatten([[[]]]) == []''')),
    ("good", "oss_config_loader", '''Write a function `load_config(path, defaults)` that reads a JSON configuration file and returns the
defaults updated with the file's values. A missing file should just return a copy of the defaults; a
file with invalid JSON should raise a `ValueError` that names the file.''', py('''import json
from pathlib import Path
from typing import Any, Dict


def load_config(path: str, defaults: Dict[str, Any]) -> Dict[str, Any]:
    config = dict(defaults)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    try:
        config.update(json.loads(text))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: invalid JSON ({exc})") from exc
    return config''')),
    ("good", "oss_contextmanager_chdir", "Implement a context manager `working_directory(path)` that changes the current directory inside the `with` block and always restores the previous one, even when an exception is raised.", py('''import os
from contextlib import contextmanager


@contextmanager
def working_directory(path):
    previous = os.getcwd()
    os.chdir(path)
    try:
        yield path
    finally:
        os.chdir(previous)''')),
    ("good", "oss_namedtuple_logs", '''Log lines have the format `2024-03-01 12:00:05 ERROR Something went wrong`. Write a function that
parses such a line into a `LogEntry` named tuple with the fields `date`, `time`, `level` and `message`,
and returns `None` for lines that do not match.''', py('''import re
from typing import NamedTuple, Optional

LOG_PATTERN = re.compile(r"^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2}) (DEBUG|INFO|WARNING|ERROR) (.*)$")


class LogEntry(NamedTuple):
    date: str
    time: str
    level: str
    message: str


def parse_log_line(line: str) -> Optional[LogEntry]:
    match = LOG_PATTERN.match(line.strip())
    if match is None:
        return None
    return LogEntry(*match.groups())''')),
    ("good", "oss_trie", "Implement a Trie (prefix tree) with the methods `insert(word)`, `search(word)` and `starts_with(prefix)`.", py('''class TrieNode:
    def __init__(self):
        self.children = {}
        self.is_word = False


class Trie:
    def __init__(self):
        self.root = TrieNode()

    def insert(self, word: str) -> None:
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, TrieNode())
        node.is_word = True

    def _find(self, prefix: str):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        node = self._find(word)
        return node is not None and node.is_word

    def starts_with(self, prefix: str) -> bool:
        return self._find(prefix) is not None''')),
    ("good", "oss_matrix_multiply", "Write a function that multiplies two matrices given as lists of lists, without NumPy. Raise a `ValueError` if the dimensions do not match.", py('''def matmul(a, b):
    if not a or not b or len(a[0]) != len(b):
        raise ValueError("incompatible dimensions")
    columns = list(zip(*b))
    return [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]''') + "\n\nThe transpose `zip(*b)` gives the columns of `b`, so each entry is the dot product of a row and a column."),
    ("good", "oss_event_emitter", "Implement an `EventEmitter` class with `on(event, handler)`, `off(event, handler)` and `emit(event, *args)`. Handlers of an event are called in the order they were registered.", py('''from collections import defaultdict


class EventEmitter:
    def __init__(self):
        self._handlers = defaultdict(list)

    def on(self, event, handler):
        self._handlers[event].append(handler)
        return handler

    def off(self, event, handler):
        handlers = self._handlers.get(event, [])
        if handler in handlers:
            handlers.remove(handler)

    def emit(self, event, *args, **kwargs):
        for handler in list(self._handlers.get(event, [])):
            handler(*args, **kwargs)''')),
    ("good", "oss_token_bucket", '''Implement a token-bucket rate limiter. `TokenBucket(rate, capacity)` refills `rate` tokens per second
up to `capacity`; `allow()` returns True and consumes a token when one is available, otherwise False.''', py('''import time


class TokenBucket:
    def __init__(self, rate: float, capacity: int):
        self.rate = rate
        self.capacity = capacity
        self.tokens = float(capacity)
        self.updated = time.monotonic()

    def _refill(self) -> None:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now

    def allow(self) -> bool:
        self._refill()
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False''')),
    ("good", "oss_bfs_shortest_path", "Given an unweighted graph as an adjacency dictionary, write a function that returns the shortest path between two nodes as a list, or `None` if there is no path.", py('''from collections import deque


def shortest_path(graph, start, goal):
    if start == goal:
        return [start]
    previous = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for neighbour in graph.get(node, ()):
            if neighbour in previous:
                continue
            previous[neighbour] = node
            if neighbour == goal:
                path = [goal]
                while previous[path[-1]] is not None:
                    path.append(previous[path[-1]])
                return path[::-1]
            queue.append(neighbour)
    return None''') + "\n\n" + py('''graph = {"A": ["B", "C"], "B": ["D"], "C": ["D"], "D": []}
assert shortest_path(graph, "A", "D") == ["A", "B", "D"]
assert shortest_path(graph, "D", "A") is None''')),
    ("good", "oss_dijkstra", "Implement Dijkstra's algorithm: given a weighted directed graph `{node: [(neighbour, weight), ...]}` and a source, return a dictionary of shortest distances to every reachable node.", py('''import heapq


def dijkstra(graph, source):
    distances = {source: 0}
    heap = [(0, source)]
    while heap:
        distance, node = heapq.heappop(heap)
        if distance > distances.get(node, float("inf")):
            continue
        for neighbour, weight in graph.get(node, []):
            candidate = distance + weight
            if candidate < distances.get(neighbour, float("inf")):
                distances[neighbour] = candidate
                heapq.heappush(heap, (candidate, neighbour))
    return distances''')),
    ("good", "oss_unittest_block", "Write a function `binary_search(items, target)` that returns the index of `target` in the sorted list `items`, or -1, and unit tests for it.", py('''def binary_search(items, target):
    low, high = 0, len(items) - 1
    while low <= high:
        mid = (low + high) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return -1''') + "\n\nTests:\n\n" + py('''import unittest


class TestBinarySearch(unittest.TestCase):
    def test_found(self):
        self.assertEqual(binary_search([1, 3, 5, 7], 5), 2)

    def test_missing(self):
        self.assertEqual(binary_search([1, 3, 5, 7], 4), -1)

    def test_empty(self):
        self.assertEqual(binary_search([], 1), -1)


if __name__ == "__main__":
    unittest.main()''')),
    ("good", "oss_argparse_cli", "Write a command-line tool that prints the N most common words of a text file. The file and N come from the command line (N defaults to 10).", py('''import argparse
import re
from collections import Counter


def most_common_words(text, n):
    words = re.findall(r"[a-z']+", text.lower())
    return Counter(words).most_common(n)


def main():
    parser = argparse.ArgumentParser(description="Print the most common words of a file.")
    parser.add_argument("path")
    parser.add_argument("-n", type=int, default=10)
    args = parser.parse_args()
    with open(args.path, encoding="utf-8") as handle:
        for word, count in most_common_words(handle.read(), args.n):
            print(f"{count:6d} {word}")


if __name__ == "__main__":
    main()''')),
    ("good", "oss_module_constants", "Write a function that classifies an HTTP status code as 'informational', 'success', 'redirect', 'client error' or 'server error', and raises ValueError for codes outside 100-599.", py('''STATUS_CLASSES = {
    1: "informational",
    2: "success",
    3: "redirect",
    4: "client error",
    5: "server error",
}


def classify_status(code: int) -> str:
    if not 100 <= code <= 599:
        raise ValueError(f"invalid HTTP status code: {code}")
    return STATUS_CLASSES[code // 100]''')),
    ("good", "oss_plugin_registry", '''You are designing a plugin system. Write a decorator `register(name)` that stores a class in a
module-level registry under the given name, and a function `create(name, *args)` that instantiates a
registered plugin, raising `KeyError` with a helpful message for unknown names.''', py('''from typing import Callable, Dict, Type

_REGISTRY: Dict[str, Type] = {}


def register(name: str) -> Callable[[Type], Type]:
    def decorator(cls: Type) -> Type:
        if name in _REGISTRY:
            raise ValueError(f"plugin {name!r} is already registered")
        _REGISTRY[name] = cls
        return cls
    return decorator


def create(name: str, *args, **kwargs):
    try:
        cls = _REGISTRY[name]
    except KeyError:
        known = ", ".join(sorted(_REGISTRY)) or "none"
        raise KeyError(f"unknown plugin {name!r} (registered: {known})") from None
    return cls(*args, **kwargs)''')),
    ("good", "oss_pair_sums", "Given a list of integers and a target, return all unique pairs of numbers (as sorted tuples) whose sum equals the target.", py('''from itertools import combinations


def pairs_with_sum(numbers, target):
    return sorted({tuple(sorted(pair)) for pair in combinations(numbers, 2) if sum(pair) == target})''') + "\n\nThis is O(n²); for large inputs a set of seen numbers gives O(n)."),
    ("good", "oss_vector_dunders", "Implement a 2D `Vector` class that supports addition, subtraction, multiplication by a scalar, equality, `abs()` (the length) and a readable `repr`.", py('''import math


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)

    def __mul__(self, scalar):
        return Vector(self.x * scalar, self.y * scalar)

    __rmul__ = __mul__

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __repr__(self):
        return f"Vector({self.x}, {self.y})"''')),
    ("good", "oss_json_encoder", "Write a `json.JSONEncoder` subclass that can serialise `datetime`, `date`, `Decimal` and `set` objects, and a helper `dumps(obj)` that uses it.", py('''import json
from datetime import date, datetime
from decimal import Decimal


class ExtendedEncoder(json.JSONEncoder):
    def default(self, obj):
        if isinstance(obj, (datetime, date)):
            return obj.isoformat()
        if isinstance(obj, Decimal):
            return str(obj)
        if isinstance(obj, set):
            return sorted(obj)
        return super().default(obj)


def dumps(obj, **kwargs):
    return json.dumps(obj, cls=ExtendedEncoder, **kwargs)''')),
    ("good", "oss_csv_aggregate", "Write a function that reads CSV text with the columns `name,department,salary` and returns the average salary per department.", "```python\nimport csv\nimport io\nfrom collections import defaultdict\n\n\ndef average_salary_by_department(csv_text):\n    totals = defaultdict(float)\n    counts = defaultdict(int)\n    for row in csv.DictReader(io.StringIO(csv_text)):\n        totals[row[\"department\"]] += float(row[\"salary\"])\n        counts[row[\"department\"]] += 1\n    return {dept: totals[dept] / counts[dept] for dept in totals}\n```\n\nExample output:\n\n```\n{'engineering': 95000.0, 'sales': 61000.0}\n```"),
    ("good", "oss_lru_cache_fib", "Write an efficient function that returns the n-th Fibonacci number using memoization.", py('''from functools import lru_cache


@lru_cache(maxsize=None)
def fib(n: int) -> int:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)''') + "\n\n" + py('''assert fib(0) == 0
assert fib(10) == 55
assert fib(50) == 12586269025''')),
    ("good", "oss_sliding_window", "Given a string, find the length of the longest substring without repeating characters.", "Use a sliding window and remember the last index of every character:\n\n" + py('''def length_of_longest_substring(s: str) -> int:
    last_seen = {}
    start = best = 0
    for i, ch in enumerate(s):
        if ch in last_seen and last_seen[ch] >= start:
            start = last_seen[ch] + 1
        last_seen[ch] = i
        best = max(best, i - start + 1)
    return best''') + "\n\n**Complexity:** O(n) time, O(min(n, alphabet)) space."),
    ("good", "oss_threadpool", "Write a function that computes the SHA-256 digest of several files in parallel using a thread pool and returns a dictionary from path to hex digest.", py('''import hashlib
from concurrent.futures import ThreadPoolExecutor


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def digests(paths, workers=4):
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return dict(zip(paths, pool.map(sha256_of, paths)))''')),
    ("good", "oss_sqlite", "Write a function that creates an in-memory SQLite database with a `users(id, name, email)` table, inserts the given users and returns the names of users whose email ends with a given domain.", py('''import sqlite3


def users_with_domain(users, domain):
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, email TEXT)")
        connection.executemany("INSERT INTO users (name, email) VALUES (?, ?)", users)
        rows = connection.execute(
            "SELECT name FROM users WHERE email LIKE ? ORDER BY name", (f"%@{domain}",)
        ).fetchall()
        return [name for (name,) in rows]
    finally:
        connection.close()''')),
    ("good", "oss_abstract_with_not_implemented", "Design a base class `Shape` whose `area()` must be implemented by subclasses, and implement `Circle` and `Square`.", py('''import math


class Shape:
    def area(self):
        raise NotImplementedError("subclasses must implement area()")

    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"


class Circle(Shape):
    def __init__(self, radius):
        self.radius = radius

    def area(self):
        return math.pi * self.radius ** 2


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2''')),
    ("good", "oss_doctest", "Write a function that converts a Roman numeral to an integer. Include doctests.", py('''def roman_to_int(s: str) -> int:
    """Convert a Roman numeral to an integer.

    >>> roman_to_int("III")
    3
    >>> roman_to_int("MCMXCIV")
    1994
    """
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for current, following in zip(s, s[1:] + " "):
        value = values[current]
        if following != " " and values[following] > value:
            total -= value
        else:
            total += value
    return total


if __name__ == "__main__":
    import doctest
    doctest.testmod()''')),
    ("good", "oss_input_script", "Write a program that asks the user for their birth year and prints their age this year.", py('''from datetime import date


def age_in_year(birth_year, year):
    return year - birth_year


if __name__ == "__main__":
    birth_year = int(input("Enter your birth year: "))
    print(f"You are {age_in_year(birth_year, date.today().year)} years old this year.")''')),
    ("good", "oss_install_then_code", "Write a script that downloads a web page and prints its title using requests and BeautifulSoup.", "First install the dependencies:\n\n```bash\npip install requests beautifulsoup4\n```\n\nThen:\n\n" + py('''import sys

import requests
from bs4 import BeautifulSoup


def page_title(url):
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    soup = BeautifulSoup(response.text, "html.parser")
    return soup.title.string.strip() if soup.title and soup.title.string else ""


if __name__ == "__main__":
    print(page_title(sys.argv[1]))''')),
    ("good", "question_list_vs_tuple", "What is the difference between a list and a tuple in Python? Show a short example.",
     "Lists are mutable and tuples are immutable: you can append to a list, but assigning to an item of a tuple raises `TypeError`. Tuples can also be dictionary keys.\n\n" + py('''coordinates = (3, 4)
values = [1, 2]
values.append(3)

try:
    coordinates[0] = 10
except TypeError as error:
    print("tuples are immutable:", error)

distances = {coordinates: 5.0}''')),
    # --- Evol-Instruct style: instructions that quote code to fix or extend -----------------------
    ("good", "evol_fix_off_by_one", '''The following function should return the sum of the first n natural numbers, but `sum_n(3)` returns 3 instead of 6. Find and fix the bug.

```python
def sum_n(n):
    total = 0
    for i in range(n):
        total += i
    return total
```''', "`range(n)` stops at `n - 1` and starts at 0, so `n` itself is never added. Use `range(1, n + 1)`:\n\n" + py('''def sum_n(n):
    total = 0
    for i in range(1, n + 1):
        total += i
    return total''') + "\n\nOr simply `n * (n + 1) // 2`."),
    ("good", "evol_extend_class", '''Extend the following class with a method `remove(item)` that removes one occurrence of an item and raises `ValueError` if it is not present, and a `__len__` method.

```python
class Bag:
    def __init__(self):
        self.counts = {}

    def add(self, item):
        self.counts[item] = self.counts.get(item, 0) + 1
```''', py('''class Bag:
    def __init__(self):
        self.counts = {}

    def add(self, item):
        self.counts[item] = self.counts.get(item, 0) + 1

    def remove(self, item):
        if item not in self.counts:
            raise ValueError(f"{item!r} not in bag")
        self.counts[item] -= 1
        if self.counts[item] == 0:
            del self.counts[item]

    def __len__(self):
        return sum(self.counts.values())''')),
    ("good", "evol_add_type_hints", '''Rewrite this function with type hints, a docstring and a clear error for an empty list:

```python
def mean(xs):
    return sum(xs) / len(xs)
```''', py('''from typing import Sequence


def mean(xs: Sequence[float]) -> float:
    """Return the arithmetic mean of a non-empty sequence of numbers."""
    if not xs:
        raise ValueError("mean() of an empty sequence")
    return sum(xs) / len(xs)''')),
    # Ambiguous: the answer calls `area`, which the instruction defines. Labelled good: it builds on the
    # code it was given, as asked.
    ("good", "evol_uses_given_helper", '''Given the helper below, write a function `total_area(radii)` that returns the sum of the areas of circles with the given radii.

```python
import math

def area(r):
    return math.pi * r ** 2
```''', py('''def total_area(radii):
    return sum(area(r) for r in radii)''') + "\n\nIt reuses `area` for each radius and sums the results."),
    ("good", "evol_optimize", '''This function is too slow for lists with 100,000 elements. Make it run in linear time.

```python
def has_duplicates(items):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i] == items[j]:
                return True
    return False
```''', "The nested loops are O(n²). A set gives O(n):\n\n" + py('''def has_duplicates(items):
    seen = set()
    for item in items:
        if item in seen:
            return True
        seen.add(item)
    return False''')),
    ("good", "evol_translate_js", '''Convert this JavaScript function to idiomatic Python:

```javascript
function countBy(items, keyFn) {
  const counts = {};
  for (const item of items) {
    const key = keyFn(item);
    counts[key] = (counts[key] || 0) + 1;
  }
  return counts;
}
```''', py('''from collections import Counter


def count_by(items, key_fn):
    return dict(Counter(key_fn(item) for item in items))''')),
    ("good", "evol_inline_snippet", "What is wrong with this code and how do I fix it?\n\nfor i in range(10)\n    print(i)",
     "The `for` statement is missing its colon:\n\n" + py('''for i in range(10):
    print(i)''')),
    ("good", "evol_more_constraints", "Write a function that moves all zeros of a list to the end while keeping the order of the other elements. The function must modify the list in place, use O(1) extra space and run in O(n) time.", py('''def move_zeros(nums):
    write = 0
    for read in range(len(nums)):
        if nums[read] != 0:
            nums[write], nums[read] = nums[read], nums[write]
            write += 1
    return nums''')),
    ("good", "evol_edge_cases", '''Improve the function below so that it also handles negative numbers and zero, and returns the digits in order.

```python
def digits(n):
    result = []
    while n > 0:
        result.append(n % 10)
        n //= 10
    return result
```''', py('''def digits(n):
    n = abs(n)
    if n == 0:
        return [0]
    result = []
    while n > 0:
        result.append(n % 10)
        n //= 10
    return result[::-1]''') + "\n\n" + py('''assert digits(0) == [0]
assert digits(-123) == [1, 2, 3]
assert digits(907) == [9, 0, 7]''')),
    # --- Instructions in other languages -----------------------------------------------------------
    ("good", "spanish", "Escribe una función en Python que calcule el máximo común divisor de dos números enteros.",
     "Podemos usar el algoritmo de Euclides:\n\n" + py('''def mcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)''') + "\n\nPor ejemplo, `mcd(48, 18)` devuelve `6`."),
    ("good", "french", "Écrivez une fonction qui indique si une année est bissextile.", py('''def est_bissextile(annee):
    return annee % 4 == 0 and (annee % 100 != 0 or annee % 400 == 0)''') + "\n\nUne année est bissextile si elle est divisible par 4, sauf les années séculaires non divisibles par 400."),
    ("good", "german", "Schreibe eine Python-Funktion, die aus einer Liste von Zahlen nur die geraden Zahlen zurückgibt.", py('''def gerade_zahlen(zahlen):
    return [z for z in zahlen if z % 2 == 0]''')),
    ("good", "chinese", "编写一个Python函数，判断一个字符串是否是回文（忽略大小写和空格）。", py('''def is_palindrome(s: str) -> bool:
    cleaned = "".join(ch.lower() for ch in s if not ch.isspace())
    return cleaned == cleaned[::-1]''') + "\n\n这个函数先去掉空格并转成小写，然后与反转后的字符串比较。"),
    ("good", "russian", "Напишите функцию на Python, которая возвращает n-е число Фибоначчи.", py('''def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a''')),
    ("good", "portuguese", "Crie uma classe Python chamada ContaBancaria com os métodos depositar e sacar, que não permita saldo negativo.", py('''class ContaBancaria:
    def __init__(self, saldo=0):
        self.saldo = saldo

    def depositar(self, valor):
        if valor <= 0:
            raise ValueError("O valor deve ser positivo")
        self.saldo += valor

    def sacar(self, valor):
        if valor > self.saldo:
            raise ValueError("Saldo insuficiente")
        self.saldo -= valor''')),
    ("good", "japanese", "リストの要素を逆順にした新しいリストを返す関数を書いてください。", py('''def reverse_list(items):
    return list(reversed(items))''')),
    # --- Written in a second pass, as probes of layouts the first pass lacked ------------------------
    ("good", "output_sample_longer_than_code", "Print a multiplication table from 1 to 5.", py('''for i in range(1, 6):
    print(" ".join(f"{i * j:3d}" for j in range(1, 6)))''') + "\n\nOutput:\n\n```\n  1   2   3   4   5\n  2   4   6   8  10\n  3   6   9  12  15\n  4   8  12  16  20\n  5  10  15  20  25\n```"),
    ("good", "usage_block_longer_than_code", "Write a function that returns the initials of a full name.", py('''def initials(name):
    return "".join(part[0].upper() for part in name.split())''') + "\n\nUsage:\n\n" + py('''names = ["ada lovelace", "Grace Brewster Murray Hopper", "alan mathison turing", "Edsger W. Dijkstra"]
for full_name in names:
    print(f"{full_name!r:35} -> {initials(full_name)}")''')),
    ("good", "code_repeated_in_full_example", "Write a function that checks whether two strings are anagrams.", "The idea is to compare the sorted characters:\n\n" + py('''def are_anagrams(a, b):
    return sorted(a.replace(" ", "").lower()) == sorted(b.replace(" ", "").lower())''') + "\n\nComplete example:\n\n" + py('''def are_anagrams(a, b):
    return sorted(a.replace(" ", "").lower()) == sorted(b.replace(" ", "").lower())


print(are_anagrams("Listen", "Silent"))  # True
print(are_anagrams("Hello", "World"))  # False''')),
    ("good", "signal_handler_script", "Write a script that counts up once per second and exits cleanly with a message when the user presses Ctrl+C.", py('''import signal
import sys
import time


def handle_interrupt(signum, frame):
    print("\\nInterrupted, exiting.")
    sys.exit(0)


def main():
    signal.signal(signal.SIGINT, handle_interrupt)
    count = 0
    while True:
        count += 1
        print(count)
        time.sleep(1)


if __name__ == "__main__":
    main()''')),
    ("good", "ensure_with_snippet", "Ensure that this function never divides by zero; it should return None when the denominator is 0.\n\n```python\ndef ratio(a, b):\n    return a / b\n```", py('''def ratio(a, b):
    if b == 0:
        return None
    return a / b''')),
    ("good", "apologetic_user_question", "I'm sorry if this is a basic question, but how do I read a text file line by line and strip the newlines?", "Iterate over the file object; each line keeps its newline, so strip it:\n\n" + py('''def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return [line.rstrip("\\n") for line in handle]''')),
    ("good", "italian_no_accents", "Scrivi una funzione che restituisce la somma delle cifre di un numero intero.", py('''def somma_cifre(n):
    return sum(int(c) for c in str(abs(n)))''')),
    ("good", "flask_route", "Create a minimal Flask app with a /health endpoint that returns JSON {\"status\": \"ok\"}.", py('''from flask import Flask, jsonify

app = Flask(__name__)


@app.route("/health")
def health():
    return jsonify(status="ok")


if __name__ == "__main__":
    app.run(debug=True)''')),
    # --- Third pass, written after the filter fixes of this branch and measured once before any
    # further change (no execution: 22/23 good kept, 18/19 junk removed), then kept here ---------
    ("good", "p3_split_parts", "Implement a function `split_into(lst, n)` that splits a list into n parts whose lengths differ by at most one.", py('''def split_into(lst, n):
    size, extra = divmod(len(lst), n)
    parts, start = [], 0
    for i in range(n):
        end = start + size + (1 if i < extra else 0)
        parts.append(lst[start:end])
        start = end
    return parts''')),
    ("good", "p3_deck", "Write a Python class representing a deck of 52 playing cards with methods to shuffle it and deal a hand of n cards.", py('''import random

SUITS = ["hearts", "diamonds", "clubs", "spades"]
RANKS = ["2", "3", "4", "5", "6", "7", "8", "9", "10", "J", "Q", "K", "A"]


class Deck:
    def __init__(self):
        self.cards = [(rank, suit) for suit in SUITS for rank in RANKS]

    def shuffle(self):
        random.shuffle(self.cards)

    def deal(self, n):
        if n > len(self.cards):
            raise ValueError("not enough cards left")
        hand, self.cards = self.cards[:n], self.cards[n:]
        return hand''')),
    ("good", "p3_first_unique", "Given a string s, return the first character that does not repeat, or an empty string if there is none.", py('''from collections import Counter


def first_unique_char(s: str) -> str:
    counts = Counter(s)
    for ch in s:
        if counts[ch] == 1:
            return ch
    return ""''')),
    ("good", "p3_prime_generator", "Create a generator function that yields prime numbers indefinitely.", py('''from itertools import count


def primes():
    found = []
    for n in count(2):
        if all(n % p for p in found if p * p <= n):
            found.append(n)
            yield n''') + "\n\nTake the first ten with `itertools.islice(primes(), 10)`."),
    ("good", "p3_sharegpt_lowercase", "can you write me a python script that renames all .txt files in a folder to .md", "Sure! Here's a script using `pathlib`:\n\n" + py('''from pathlib import Path


def rename_txt_to_md(folder):
    for path in Path(folder).glob("*.txt"):
        path.rename(path.with_suffix(".md"))


if __name__ == "__main__":
    rename_txt_to_md(".")''') + "\n\nReplace `\".\"` with the folder you want to process."),
    # Ambiguous: a Stack Overflow answer that uses the asker's variable without defining it. Labelled good.
    ("good", "p3_so_answer_uses_askers_variable", "I have a list of dicts like [{'name': 'a', 'score': 3}, {'name': 'b', 'score': 7}]. How can I get the entry with the highest score?",
     "Use `max` with a key function:\n\n" + py('''best = max(entries, key=lambda entry: entry["score"])''') + "\n\n`best` is the whole dictionary; use `best[\"name\"]` for the name."),
    ("good", "p3_pytest_in_one_block", "Write a function `slugify(text)` that lowercases a title and joins its words with hyphens, plus pytest tests.", py('''import re


def slugify(text):
    words = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(words)


def test_slugify_basic():
    assert slugify("Hello World") == "hello-world"


def test_slugify_punctuation():
    assert slugify("  Python: 3.12 is out!  ") == "python-3-12-is-out"''')),
    ("good", "p3_evol_context_manager", "Rewrite the following code to use a context manager:\n\n```python\nf = open('data.txt')\ndata = f.read()\nf.close()\n```",
     py('''with open("data.txt") as f:
    data = f.read()''') + "\n\nThe `with` statement closes the file even if `read()` raises."),
    ("good", "p3_evol_fix_empty", "The function below crashes on an empty list. Fix it so that it returns None in that case.\n\n```python\ndef first(xs):\n    return xs[0]\n```",
     "Check for an empty list before indexing:\n\n" + py('''def first(xs):
    if not xs:
        return None
    return xs[0]''')),
    ("good", "p3_korean", "두 리스트의 교집합을 순서를 유지하며 반환하는 함수를 작성하세요.", py('''def intersection(a, b):
    seen = set(b)
    return [x for x in a if x in seen]''')),
    ("good", "p3_spanish_no_accents", "Escribe una funcion que convierta una cadena a mayusculas sin usar el metodo upper().", py('''def a_mayusculas(cadena):
    resultado = []
    for c in cadena:
        if "a" <= c <= "z":
            resultado.append(chr(ord(c) - 32))
        else:
            resultado.append(c)
    return "".join(resultado)''')),
    ("good", "p3_dataclass_order", "Define a dataclass for a version number (major, minor, patch) that can be compared and sorted, with a `parse` classmethod.", py('''from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> "Version":
        major, minor, patch = (int(part) for part in text.split("."))
        return cls(major, minor, patch)


if __name__ == "__main__":
    versions = [Version.parse(v) for v in ["1.10.0", "1.2.3", "0.9.9"]]
    print(sorted(versions))''')),
    ("good", "p3_balanced_brackets", "Write a function that returns True if all brackets in a string are balanced.", py('''def is_balanced(s):
    pairs = {")": "(", "]": "[", "}": "{"}
    stack = []
    for ch in s:
        if ch in "([{":
            stack.append(ch)
        elif ch in pairs:
            if not stack or stack.pop() != pairs[ch]:
                return False
    return not stack''') + "\n\n" + py('''assert is_balanced("([]{})")
assert not is_balanced("(]")
assert not is_balanced("((")''')),
    ("good", "p3_aiohttp", "Write an async function that downloads several URLs with aiohttp and returns their HTTP status codes.", py('''import asyncio

import aiohttp


async def status_codes(urls):
    async with aiohttp.ClientSession() as session:
        async def status(url):
            async with session.get(url) as response:
                return response.status
        return await asyncio.gather(*(status(url) for url in urls))''')),
    ("good", "p3_alpaca_mean", "Calculate the mean of the list [1, 2, 3, 4, 5].", py('''numbers = [1, 2, 3, 4, 5]
mean = sum(numbers) / len(numbers)
print(mean)''')),
    ("good", "p3_alpaca_strptime", "Convert the string '2024-05-06' into a datetime object.", py('''from datetime import datetime

date_obj = datetime.strptime("2024-05-06", "%Y-%m-%d")''')),
    ("good", "p3_ipv4_regex", "Write a regular expression that matches valid IPv4 addresses and a function that uses it.", py('''import re

OCTET = r"(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)"
IPV4 = re.compile(rf"^{OCTET}(\\.{OCTET}){{3}}$")


def is_ipv4(address: str) -> bool:
    return IPV4.match(address) is not None''')),
    ("good", "p3_iterator_protocol", "Implement the `__iter__` and `__next__` methods for a `Countdown` class that counts down from n to 1.", py('''class Countdown:
    def __init__(self, n):
        self.current = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        value = self.current
        self.current -= 1
        return value''')),
    ("good", "p3_numpy_identity", "Create a 3x3 identity matrix with NumPy.", py('''import numpy as np

identity = np.eye(3)
print(identity)''')),
    # Ambiguous for execution only: correct, but it reads a file the sandbox does not have.
    ("good", "p3_pandas_read_csv", "Read a CSV file into a pandas DataFrame and drop the rows with missing values.", py('''import pandas as pd

df = pd.read_csv("data.csv")
df = df.dropna()''')),
    ("good", "p3_catalan_sections", "Write a function to compute the nth Catalan number.", '''### Approach

The Catalan numbers satisfy C(0) = 1 and C(n + 1) = C(n) * 2(2n + 1) / (n + 2).

### Code

''' + py('''def catalan(n: int) -> int:
    c = 1
    for i in range(n):
        c = c * 2 * (2 * i + 1) // (i + 2)
    return c''') + '''

### Complexity

O(n) time and O(1) space.'''),
    ("good", "p3_key_exists", "Write a Python program to check whether a given key already exists in a dictionary.", py('''def key_exists(d, key):
    return key in d


print(key_exists({"a": 1, "b": 2}, "a"))  # True''')),
    ("good", "p3_skeleton_to_complete", "Implement the `transpose` method of the `Matrix` class below.\n\n```python\nclass Matrix:\n    def __init__(self, rows):\n        self.rows = rows\n\n    def transpose(self):\n        pass\n```",
     py('''class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def transpose(self):
        return Matrix([list(column) for column in zip(*self.rows)])''')),
    ("good", "p3_toplevel_input", "Write a program that asks for the user's name and greets them.", py('''name = input("What is your name? ")
print(f"Hello, {name}!")''')),
    # --- Fourth pass: probes of the weak spots the third pass suggested (openers followed by a task,
    # exception hierarchies, guards, list-item fences, CRLF, tabs). Measured before the fixes that
    # followed (no execution): 14/20 good kept, 9/13 junk removed; one row relabelled good after that
    # measure (p4_complete_the_stub: a terse completion task, HumanEval's shape) ---------------------
    ("good", "p4_exception_hierarchy", "Define a hierarchy of custom exceptions for a payment module: a base `PaymentError`, and `CardDeclined` and `InsufficientFunds` deriving from it.", py('''class PaymentError(Exception):
    """Base class for payment errors."""


class CardDeclined(PaymentError):
    pass


class InsufficientFunds(PaymentError):
    pass''')),
    ("good", "p4_below_is_modify", "Below is a function that computes the average of a list. Modify it so that it ignores None values.\n\n```python\ndef average(values):\n    return sum(values) / len(values)\n```", py('''def average(values):
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present) / len(present)''')),
    ("good", "p4_note_that_then_task", "Note that the input may contain negative numbers. Write a function that returns the maximum product of two numbers from a list.", py('''def max_product(nums):
    nums = sorted(nums)
    return max(nums[0] * nums[1], nums[-1] * nums[-2])''')),
    ("good", "p4_avoid_builtins", "Avoid using built-in sorting functions: implement insertion sort for a list of integers.", py('''def insertion_sort(items):
    items = list(items)
    for i in range(1, len(items)):
        key = items[i]
        j = i - 1
        while j >= 0 and items[j] > key:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = key
    return items''')),
    ("good", "p4_numbered_steps", "How do I make an HTTP GET request in Python and parse the JSON response?", '''1. Install the library:

   ```bash
   pip install requests
   ```

2. Make the request:

   ```python
   import requests

   def get_json(url):
       response = requests.get(url, timeout=10)
       response.raise_for_status()
       return response.json()
   ```

3. Call `get_json("https://api.example.com/items")`.'''),
    ("good", "p4_evol_snippet_line", "In the function below, replace the loop with a single expression.\n\n```python\ndef total(items):\n    result = 0\n    for item in items:\n        result += item.price\n    return result\n```",
     "You can use `sum` with a generator expression:\n\n" + py("result = sum(item.price for item in items)") + "\n\nso the whole function becomes `return sum(item.price for item in items)`."),
    ("good", "p4_parse_many_fields", "Write a function that parses a record 'name,age,height,weight' into a dict, returning None if any number is invalid.", py('''def parse_record(line):
    parts = line.split(",")
    if len(parts) != 4:
        return None
    name, age, height, weight = parts
    try:
        age = int(age)
    except ValueError:
        return None
    try:
        height = float(height)
    except ValueError:
        return None
    try:
        weight = float(weight)
    except ValueError:
        return None
    return {"name": name, "age": age, "height": height, "weight": weight}''')),
    ("good", "p4_abc_interface", "Write an abstract base class `Storage` with abstract methods `load(key)` and `save(key, value)`, and an in-memory implementation.", py('''from abc import ABC, abstractmethod


class Storage(ABC):
    @abstractmethod
    def load(self, key):
        ...

    @abstractmethod
    def save(self, key, value):
        ...


class MemoryStorage(Storage):
    def __init__(self):
        self._data = {}

    def load(self, key):
        return self._data[key]

    def save(self, key, value):
        self._data[key] = value''')),
    ("good", "p4_crlf", "Write a function that returns the number of lines in a text.", "Here you go:\r\n\r\n```python\r\ndef count_lines(text):\r\n    return len(text.splitlines())\r\n```\r\n"),
    ("good", "p4_tabs", "Write a function that returns the digits of a number as a list.", "```python\ndef digits(n):\n\treturn [int(d) for d in str(abs(n))]\n```"),
    ("good", "p4_capital_tag", "Write a function that checks if a list is sorted.", "```Python\ndef is_sorted(xs):\n    return all(a <= b for a, b in zip(xs, xs[1:]))\n```"),
    ("good", "p4_many_similar_elifs", "Write a simple calculator function that takes two numbers and an operator (+, -, *, /, //, %, **) and returns the result.", py('''def calculate(a, b, op):
    if op == "+":
        return a + b
    elif op == "-":
        return a - b
    elif op == "*":
        return a * b
    elif op == "/":
        return a / b
    elif op == "//":
        return a // b
    elif op == "%":
        return a % b
    elif op == "**":
        return a ** b
    else:
        raise ValueError(f"unknown operator: {op}")''')),
    ("good", "p4_tkinter", "Create a simple Tkinter window with a button that shows how many times it was clicked.", py('''import tkinter as tk


class ClickCounter:
    def __init__(self, root):
        self.count = 0
        self.button = tk.Button(root, text="Clicked 0 times", command=self.click)
        self.button.pack(padx=20, pady=20)

    def click(self):
        self.count += 1
        self.button.config(text=f"Clicked {self.count} times")


if __name__ == "__main__":
    root = tk.Tk()
    ClickCounter(root)
    root.mainloop()''')),
    ("good", "p4_sys_argv_script", "Write a script that prints the sum of the integers given as command-line arguments.", py('''import sys

numbers = [int(arg) for arg in sys.argv[1:]]
print(sum(numbers))''')),
    ("good", "p4_typed_dict", "Define a TypedDict for a user record with id, name and an optional email, and a function that formats it.", py('''from typing import Optional, TypedDict


class User(TypedDict):
    id: int
    name: str
    email: Optional[str]


def format_user(user: User) -> str:
    email = user["email"] or "no email"
    return f"#{user['id']} {user['name']} <{email}>"''')),
    ("good", "p4_test_table", "Write a function that converts an integer to a Roman numeral, with tests.", py('''def to_roman(n):
    numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    result = []
    for value, symbol in numerals:
        while n >= value:
            result.append(symbol)
            n -= value
    return "".join(result)''') + "\n\n" + py('''assert to_roman(1) == "I"
assert to_roman(4) == "IV"
assert to_roman(9) == "IX"
assert to_roman(14) == "XIV"
assert to_roman(40) == "XL"
assert to_roman(90) == "XC"
assert to_roman(400) == "CD"
assert to_roman(1994) == "MCMXCIV"''')),
    ("good", "p4_recursion_memo_dict", "Count the number of ways to climb n stairs taking 1 or 2 steps at a time.", py('''def climb_stairs(n, memo=None):
    if memo is None:
        memo = {}
    if n <= 1:
        return 1
    if n not in memo:
        memo[n] = climb_stairs(n - 1, memo) + climb_stairs(n - 2, memo)
    return memo[n]''')),
    ("good", "p4_hindi", "एक पायथन फ़ंक्शन लिखिए जो किसी सूची में सबसे बड़ी संख्या लौटाए।", py('''def sabse_bada(sankhya_suchi):
    return max(sankhya_suchi)''')),
    ("good", "p4_long_oss", "You are working on a data pipeline that processes sensor readings. Each reading is a tuple `(sensor_id, timestamp, value)`. Readings may arrive out of order and some sensors occasionally report the sentinel value -999 when they malfunction. Your task is to implement a function `summarize(readings)` that ignores malfunction readings and returns, for every sensor, a dictionary with the minimum, maximum and mean value and the timestamp of the most recent valid reading. Sensors with no valid reading must not appear in the output. The function should run in a single pass over the data.", py('''from collections import defaultdict


def summarize(readings):
    stats = defaultdict(lambda: {"min": float("inf"), "max": float("-inf"), "total": 0.0, "count": 0, "latest": None})
    for sensor_id, timestamp, value in readings:
        if value == -999:
            continue
        s = stats[sensor_id]
        s["min"] = min(s["min"], value)
        s["max"] = max(s["max"], value)
        s["total"] += value
        s["count"] += 1
        if s["latest"] is None or timestamp > s["latest"]:
            s["latest"] = timestamp
    return {
        sensor: {"min": s["min"], "max": s["max"], "mean": s["total"] / s["count"], "latest": s["latest"]}
        for sensor, s in stats.items()
    }''')),
    ("good", "p4_explain_then_code_then_output", "Write a program that prints the first 10 rows of Pascal's triangle.", "Each row is built from the previous one by adding neighbouring numbers.\n\n" + py('''row = [1]
for _ in range(10):
    print(" ".join(map(str, row)))
    row = [1] + [a + b for a, b in zip(row, row[1:])] + [1]''') + "\n\nOutput:\n\n```text\n1\n1 1\n1 2 1\n1 3 3 1\n1 4 6 4 1\n...\n```"),
    # Relabelled after the first measure: a terse completion task (HumanEval's shape), not junk.
    ("good", "p4_complete_the_stub", "def fib(n):\n    # write fibonacci here\n    pass\nComplete the above", py('''def fib(n):
    if n < 0:
        raise ValueError("n must be non-negative")
    previous, current = 0, 1
    while n > 0:
        previous, current = current, previous + current
        n -= 1
    return previous''')),  # not the Russian row's loop: dedup would rightly remove a copy
    # --- Fifth pass, written blind after the fourth round of fixes and measured once before the
    # fifth (no execution): 18/20 good kept, 12/15 junk removed ----------------------------------------
    ("good", "p5_word_freq_top", "Given a paragraph of text, return the three most frequent words (case-insensitive), ignoring punctuation.", py('''import re
from collections import Counter


def top_three_words(text):
    words = re.findall(r"[a-z']+", text.lower())
    return [word for word, _ in Counter(words).most_common(3)]''')),
    ("good", "p5_matrix_spiral", "Write a function that returns the elements of a matrix in spiral order.", "We peel off the first row and rotate the rest counter-clockwise until nothing is left.\n\n" + py('''def spiral_order(matrix):
    result = []
    while matrix:
        result.extend(matrix.pop(0))
        matrix = [list(row) for row in zip(*matrix)][::-1]
    return result''') + "\n\nFor `[[1, 2, 3], [4, 5, 6], [7, 8, 9]]` this returns `[1, 2, 3, 6, 9, 8, 7, 4, 5]`."),
    ("good", "p5_class_queue_two_stacks", "Implement a FIFO queue using two stacks, with enqueue, dequeue and is_empty.", py('''class QueueWithStacks:
    def __init__(self):
        self._in = []
        self._out = []

    def enqueue(self, item):
        self._in.append(item)

    def dequeue(self):
        if not self._out:
            while self._in:
                self._out.append(self._in.pop())
        if not self._out:
            raise IndexError("dequeue from empty queue")
        return self._out.pop()

    def is_empty(self):
        return not self._in and not self._out''')),
    ("good", "p5_datetime_range", "Write a generator that yields every date between two dates, inclusive.", py('''from datetime import date, timedelta


def date_range(start: date, end: date):
    current = start
    while current <= end:
        yield current
        current += timedelta(days=1)''')),
    ("good", "p5_alpaca_input_list", "Find the second smallest element in the list.\nInput: [7, 3, 9, 1, 4]", py('''def second_smallest(nums):
    unique = sorted(set(nums))
    return unique[1] if len(unique) > 1 else None

print(second_smallest([7, 3, 9, 1, 4]))  # 3''')),
    ("good", "p5_url_parse", "Write a function that extracts the domain name from a URL, e.g. 'https://www.example.com/path' -> 'example.com'.", py('''from urllib.parse import urlparse


def domain_of(url):
    host = urlparse(url if "//" in url else "//" + url).hostname or ""
    return host[4:] if host.startswith("www.") else host''')),
    ("good", "p5_evol_add_logging", "Add logging to this function so that every call logs its arguments at DEBUG level.\n\n```python\ndef divide(a, b):\n    return a / b\n```", py('''import logging

logger = logging.getLogger(__name__)


def divide(a, b):
    logger.debug("divide(%r, %r)", a, b)
    return a / b''')),
    ("good", "p5_evol_explain_and_fix", "Why does this code print the same number three times, and how do I fix it?\n\n```python\nfuncs = [lambda: i for i in range(3)]\nprint([f() for f in funcs])\n```",
     "The lambdas look up `i` when they are called, after the loop has finished, so they all see `2`. Bind the current value as a default argument:\n\n" + py('''funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])  # [0, 1, 2]''')),
    ("good", "p5_turkish", "Bir listedeki tüm çift sayıların toplamını döndüren bir Python fonksiyonu yazın.", py('''def cift_toplam(sayilar):
    return sum(s for s in sayilar if s % 2 == 0)''')),
    ("good", "p5_vietnamese", "Viết hàm Python kiểm tra một số có phải là số nguyên tố hay không.", py('''def la_so_nguyen_to(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True''')),
    ("good", "p5_contextlib_suppress", "Write a function that deletes a file if it exists and does nothing otherwise.", py('''import os
from contextlib import suppress


def remove_if_exists(path):
    with suppress(FileNotFoundError):
        os.remove(path)''')),
    ("good", "p5_functools_reduce", "Use functools.reduce to compute the product of a list of numbers.", py('''from functools import reduce
import operator


def product(numbers):
    return reduce(operator.mul, numbers, 1)''')),
    ("good", "p5_slots_class", "Create a memory-efficient Point class using __slots__ with a method to compute the distance to the origin.", py('''import math


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def distance_to_origin(self):
        return math.hypot(self.x, self.y)''')),
    ("good", "p5_binary_tree_depth", "Given a binary tree node class with `left` and `right` attributes, write a function returning the maximum depth of the tree.", py('''class TreeNode:
    def __init__(self, val=0, left=None, right=None):
        self.val = val
        self.left = left
        self.right = right


def max_depth(root):
    if root is None:
        return 0
    return 1 + max(max_depth(root.left), max_depth(root.right))''')),
    ("good", "p5_kwargs_builder", "Write a function that builds a query string from keyword arguments, skipping arguments whose value is None.", py('''from urllib.parse import urlencode


def query_string(**params):
    return urlencode({key: value for key, value in params.items() if value is not None})''')),
    ("good", "p5_response_with_heading_and_note", "Write a function to check whether two rectangles overlap. Each rectangle is (x1, y1, x2, y2).", '''## Solution

''' + py('''def rectangles_overlap(a, b):
    ax1, ay1, ax2, ay2 = a
    bx1, by1, bx2, by2 = b
    return ax1 < bx2 and bx1 < ax2 and ay1 < by2 and by1 < ay2''') + '''

> **Note:** rectangles that only touch at an edge are not considered overlapping.'''),
    ("good", "p5_string_template", "Write a function that fills a greeting template with a name and a date using string.Template.", py('''from string import Template

GREETING = Template("Hello $name, today is $date.")


def greet(name, date):
    return GREETING.substitute(name=name, date=date)''')),
    ("good", "p5_walrus_reader", "Write a function that reads a binary file in 4 KB blocks and returns the number of zero bytes.", py('''def count_zero_bytes(path):
    zeros = 0
    with open(path, "rb") as handle:
        while block := handle.read(4096):
            zeros += block.count(0)
    return zeros''')),
    ("good", "p5_match_statement", "Write a function that describes a shape given as a tuple: ('circle', r), ('rect', w, h) or ('square', s), returning its area.", py('''import math


def area(shape):
    match shape:
        case ("circle", r):
            return math.pi * r ** 2
        case ("rect", w, h):
            return w * h
        case ("square", s):
            return s * s
        case _:
            raise ValueError(f"unknown shape: {shape!r}")''')),
    ("good", "p5_two_solutions", "Write a function to reverse the words in a sentence.", "Simple version:\n\n" + py('''def reverse_words(sentence):
    return " ".join(reversed(sentence.split()))''') + "\n\nIf you need to keep the original spacing, split on whitespace with a regex instead:\n\n" + py('''import re


def reverse_words_keep_spaces(sentence):
    parts = re.split(r"(\\s+)", sentence)
    words = parts[::2][::-1]
    parts[::2] = words
    return "".join(parts)''')),
    # --- Sixth pass, written blind after the fifth round of fixes and measured once before the
    # sixth (no execution): 16/17 good kept, 10/14 junk removed ----------------------------------------
    ("good", "p6_io_examples_fence", "Write a function that returns the number of trailing zeros of n!.\n\nExample:\n```\nInput: 5\nOutput: 1\nInput: 25\nOutput: 6\n```", py('''def trailing_zeros(n):
    count = 0
    while n >= 5:
        n //= 5
        count += n
    return count''')),
    ("good", "p6_stdin_competitive", "Read n integers from standard input (the first line is n, the second line holds the numbers) and print their maximum.", py('''import sys


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    numbers = list(map(int, data[1:1 + n]))
    print(max(numbers))


main()''')),
    ("good", "p6_example_usage_module_level", "Write a function that converts a snake_case string to camelCase.", py('''def snake_to_camel(name):
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


# Example usage
print(snake_to_camel("hello_big_world"))  # helloBigWorld''')),
    ("good", "p6_asserts_same_fence", "Write a function that checks whether a string has all unique characters, with a few asserts.", py('''def all_unique(s):
    return len(set(s)) == len(s)


assert all_unique("abc")
assert not all_unique("aab")
assert all_unique("")''')),
    ("good", "p6_code_review", "Review this code and suggest improvements:\n\n```python\ndef get_evens(l):\n    evens = []\n    for i in range(len(l)):\n        if l[i] % 2 == 0:\n            evens.append(l[i])\n    return evens\n```",
     "A few improvements:\n\n- iterate over the items directly instead of indices;\n- use a descriptive parameter name;\n- a list comprehension says it in one line.\n\n" + py('''def get_evens(numbers):
    return [n for n in numbers if n % 2 == 0]''')),
    ("good", "p6_python_and_js", "Show how to reverse a string in Python and in JavaScript.", "Python:\n\n" + py('''def reverse(s):
    return s[::-1]''') + "\n\nJavaScript:\n\n```javascript\nfunction reverse(s) {\n  return s.split('').reverse().join('');\n}\n```"),
    ("good", "p6_concept_question", "What is a Python generator and how is it different from a list? Give an example.", "A generator produces values lazily, one at a time, instead of building them all in memory like a list.\n\n" + py('''def countdown(n):
    while n > 0:
        yield n
        n -= 1


gen = countdown(3)
print(next(gen))  # 3
print(list(gen))  # [2, 1]''')),
    ("good", "p6_glaive_style_function", "Write a Python function `is_valid_sudoku(board)` that checks whether a partially filled 9x9 Sudoku board is valid. Empty cells are '.'.", py('''def is_valid_sudoku(board):
    seen = set()
    for r in range(9):
        for c in range(9):
            value = board[r][c]
            if value == ".":
                continue
            keys = {("row", r, value), ("col", c, value), ("box", r // 3, c // 3, value)}
            if keys & seen:
                return False
            seen |= keys
    return True''')),
    ("good", "p6_multiple_classes", "Model a library: books with a title and an ISBN, members who can borrow at most three books, and a Library that lends and returns books.", py('''from dataclasses import dataclass, field
from typing import Dict, List


@dataclass
class Book:
    title: str
    isbn: str


@dataclass
class Member:
    name: str
    borrowed: List[Book] = field(default_factory=list)

    MAX_BOOKS = 3

    def can_borrow(self) -> bool:
        return len(self.borrowed) < self.MAX_BOOKS


class Library:
    def __init__(self):
        self.available: Dict[str, Book] = {}

    def add(self, book: Book) -> None:
        self.available[book.isbn] = book

    def lend(self, isbn: str, member: Member) -> Book:
        if not member.can_borrow():
            raise ValueError(f"{member.name} already has {Member.MAX_BOOKS} books")
        book = self.available.pop(isbn)
        member.borrowed.append(book)
        return book

    def give_back(self, isbn: str, member: Member) -> None:
        for book in member.borrowed:
            if book.isbn == isbn:
                member.borrowed.remove(book)
                self.available[isbn] = book
                return
        raise KeyError(isbn)''')),
    ("good", "p6_python3_instruction", "In Python 3, how do I merge two sorted lists into one sorted list without calling sort()?", py('''import heapq


def merge_sorted(a, b):
    return list(heapq.merge(a, b))''') + "\n\n`heapq.merge` walks both lists once, so it runs in O(len(a) + len(b))."),
    ("good", "p6_global_memo", "Write a memoized function that computes binomial coefficients C(n, k) recursively.", py('''_cache = {}


def binomial(n, k):
    if k == 0 or k == n:
        return 1
    if (n, k) not in _cache:
        _cache[(n, k)] = binomial(n - 1, k - 1) + binomial(n - 1, k)
    return _cache[(n, k)]''')),
    ("good", "p6_enum_flags", "Define file permissions as an IntFlag enum (READ, WRITE, EXECUTE) and a function that renders them like 'rwx'.", py('''from enum import IntFlag


class Permission(IntFlag):
    READ = 4
    WRITE = 2
    EXECUTE = 1


def render(perm: Permission) -> str:
    return "".join(letter if perm & flag else "-" for letter, flag in zip("rwx", Permission))''')),
    ("good", "p6_short_question_instruction", "Fastest way to check if a number is a power of two?", py('''def is_power_of_two(n):
    return n > 0 and n & (n - 1) == 0''') + "\n\nA power of two has exactly one bit set, so clearing the lowest set bit leaves zero."),
    ("good", "p6_polish", "Napisz funkcję w Pythonie, która zwraca liczbę samogłosek w napisie.", py('''def liczba_samoglosek(napis):
    return sum(1 for znak in napis.lower() if znak in "aeiouyąęó")''')),
    ("good", "p6_itertools_groupby", "Compress a string like 'aaabccdd' into 'a3b1c2d2' using itertools.groupby.", py('''from itertools import groupby


def compress(s):
    return "".join(f"{char}{len(list(group))}" for char, group in groupby(s))''')),
    ("good", "p6_property_cached", "Create a class that lazily computes and caches an expensive property using functools.cached_property.", py('''from functools import cached_property
import statistics


class Dataset:
    def __init__(self, values):
        self.values = list(values)

    @cached_property
    def summary(self):
        return {
            "mean": statistics.mean(self.values),
            "median": statistics.median(self.values),
            "stdev": statistics.pstdev(self.values),
        }''')),
    ("good", "p6_heredoc_sql_string", "Write a function that builds a parameterised SQL query selecting users by a list of ids.", py('''def users_by_ids_query(ids):
    placeholders = ", ".join("?" for _ in ids)
    sql = f"SELECT id, name FROM users WHERE id IN ({placeholders})"
    return sql, list(ids)''')),
    # --- Seventh pass, written blind after the sixth round of fixes and measured once before the
    # seventh (no execution): 14/16 good kept, 8/11 junk removed ---------------------------------------
    ("good", "p7_django_model", "Write a Django model for a blog post with a title, a slug, a body, a publication date and an author foreign key.", py('''from django.conf import settings
from django.db import models


class Post(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    body = models.TextField()
    published_at = models.DateTimeField(null=True, blank=True)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="posts")

    class Meta:
        ordering = ["-published_at"]

    def __str__(self):
        return self.title''')),
    ("good", "p7_pytest_for_given_function", "Write pytest tests for this function:\n\n```python\ndef clamp(x, low, high):\n    return max(low, min(x, high))\n```", py('''import pytest


@pytest.mark.parametrize("x, expected", [(-5, 0), (5, 5), (15, 10)])
def test_clamp(x, expected):
    assert clamp(x, 0, 10) == expected


def test_clamp_bounds_equal():
    assert clamp(3, 7, 7) == 7''')),
    ("good", "p7_decorator_with_args", "Write a decorator `repeat(n)` that calls the decorated function n times and returns a list of the results.", py('''import functools


def repeat(n):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(n)]
        return wrapper
    return decorator''')),
    ("good", "p7_closure_helper", "Write a function that returns all subsets of a list using backtracking.", py('''def subsets(items):
    result = []

    def backtrack(start, current):
        result.append(list(current))
        for i in range(start, len(items)):
            current.append(items[i])
            backtrack(i + 1, current)
            current.pop()

    backtrack(0, [])
    return result''')),
    ("good", "p7_static_class_methods", "Create a Temperature class with a classmethod constructor from Fahrenheit and a staticmethod that validates a Celsius value.", py('''class Temperature:
    def __init__(self, celsius):
        Temperature.validate(celsius)
        self.celsius = celsius

    @classmethod
    def from_fahrenheit(cls, fahrenheit):
        return cls((fahrenheit - 32) * 5 / 9)

    @staticmethod
    def validate(celsius):
        if celsius < -273.15:
            raise ValueError("below absolute zero")''')),
    ("good", "p7_context_manager_class", "Implement a context manager class that temporarily sets an environment variable.", py('''import os


class TemporaryEnv:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.previous = None

    def __enter__(self):
        self.previous = os.environ.get(self.name)
        os.environ[self.name] = self.value
        return self

    def __exit__(self, exc_type, exc, tb):
        if self.previous is None:
            os.environ.pop(self.name, None)
        else:
            os.environ[self.name] = self.previous
        return False''')),
    ("good", "p7_async_generator", "Write an async generator that yields numbers from 0 to n-1, sleeping a given delay between them.", py('''import asyncio


async def ticker(n, delay=0.1):
    for i in range(n):
        yield i
        await asyncio.sleep(delay)''')),
    ("good", "p7_numpy_broadcast", "Using NumPy, compute the pairwise Euclidean distance matrix of an (n, d) array of points without Python loops.", py('''import numpy as np


def pairwise_distances(points: np.ndarray) -> np.ndarray:
    diff = points[:, None, :] - points[None, :, :]
    return np.sqrt((diff ** 2).sum(axis=-1))''')),
    ("good", "p7_requirements_bullets", '''Write a function `validate_password(pw)` that returns a list of the rules a password breaks:

- at least 8 characters;
- at least one digit;
- at least one uppercase letter;
- no spaces.

An empty list means the password is valid.''', py('''def validate_password(pw):
    problems = []
    if len(pw) < 8:
        problems.append("at least 8 characters")
    if not any(c.isdigit() for c in pw):
        problems.append("at least one digit")
    if not any(c.isupper() for c in pw):
        problems.append("at least one uppercase letter")
    if " " in pw:
        problems.append("no spaces")
    return problems''')),
    ("good", "p7_fence_first_then_long_explanation", "Write a function that computes the edit distance between two words.", py('''def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]''') + '''

This is the classic Wagner-Fischer dynamic programme, keeping only two rows. `previous[j]` is the
distance between the first `i - 1` letters of `a` and the first `j` letters of `b`; each cell takes
the cheapest of a deletion, an insertion or a substitution (free when the letters match). It runs
in O(len(a) * len(b)) time and O(len(b)) memory.'''),
    ("good", "p7_python3_tag", "Write a function that returns the n most common elements of a list with their counts.", "```python3\nfrom collections import Counter\n\n\ndef most_common(items, n):\n    return Counter(items).most_common(n)\n```"),
    ("good", "p7_repl_session", "Show how zip works with two lists in the Python interpreter.", "```python\n>>> names = ['a', 'b', 'c']\n>>> scores = [1, 2, 3]\n>>> list(zip(names, scores))\n[('a', 1), ('b', 2), ('c', 3)]\n>>> dict(zip(names, scores))\n{'a': 1, 'b': 2, 'c': 3}\n```"),
    ("good", "p7_explain_code", "Explain what this code does:\n\n```python\nresult = {k: v for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:3]}\n```",
     "It keeps the three entries of `counts` with the highest values, in descending order of value:\n\n" + py('''top_three = sorted(counts.items(), key=lambda kv: -kv[1])[:3]  # (key, value) pairs, largest values first
result = {k: v for k, v in top_three}  # back into a dict, which keeps that order''')),
    ("good", "p7_requests_main", "Write a script that prints the current public IP address using the ipify API.", py('''import requests

API_URL = "https://api.ipify.org?format=json"


def public_ip():
    response = requests.get(API_URL, timeout=5)
    response.raise_for_status()
    return response.json()["ip"]


if __name__ == "__main__":
    print(public_ip())''')),
    ("good", "p7_korean_class", "학생의 이름과 점수를 저장하고 평균 점수를 계산하는 클래스를 파이썬으로 작성하세요.", py('''class Gradebook:
    def __init__(self):
        self.scores = {}

    def add(self, name, score):
        self.scores[name] = score

    def average(self):
        if not self.scores:
            return 0.0
        return sum(self.scores.values()) / len(self.scores)''')),
    ("good", "p7_bisect_insort", "Maintain a sorted list while inserting numbers one by one, and report the median after each insertion.", py('''import bisect


def running_medians(numbers):
    ordered = []
    medians = []
    for x in numbers:
        bisect.insort(ordered, x)
        n = len(ordered)
        mid = n // 2
        medians.append(ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2)
    return medians''')),
    # --- Eighth pass, plain rows written blind after the seventh round of fixes and measured once
    # (no execution): 17/18 good kept (the new follow-up check took "... and test it."), 12/12 junk --
    ("good", "p8_celsius_table", "Write a function that returns a list of (celsius, fahrenheit) pairs for celsius from 0 to 100 in steps of 10.", py('''def conversion_table():
    return [(c, c * 9 / 5 + 32) for c in range(0, 101, 10)]''')),
    ("good", "p8_anagram_groups", "Group a list of words into lists of anagrams.", py('''from collections import defaultdict


def group_anagrams(words):
    groups = defaultdict(list)
    for word in words:
        groups["".join(sorted(word))].append(word)
    return list(groups.values())''') + "\n\nEach word is keyed by its sorted letters, so anagrams share a key."),
    ("good", "p8_leap_years_tests", "Write a function is_leap(year) and test it.", py('''def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)''') + "\n\n" + py('''assert is_leap(2000)
assert not is_leap(1900)
assert is_leap(2024)
assert not is_leap(2023)''')),
    ("good", "p8_read_json_file", "Write a function that loads a JSON file and returns the list stored under the key 'items', or an empty list if the key is missing.", py('''import json


def load_items(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    return data.get("items", [])''')),
    ("good", "p8_string_compress", "Implement basic string compression using the counts of repeated characters ('aabcccccaaa' -> 'a2b1c5a3'). If the compressed string is not shorter, return the original.", py('''def compress(s):
    if not s:
        return s
    parts = []
    count = 1
    for prev, cur in zip(s, s[1:]):
        if cur == prev:
            count += 1
        else:
            parts.append(f"{prev}{count}")
            count = 1
    parts.append(f"{s[-1]}{count}")
    compressed = "".join(parts)
    return compressed if len(compressed) < len(s) else s''')),
    ("good", "p8_class_person", "Create a Person class with name and age attributes and a method that returns a greeting.", py('''class Person:
    def __init__(self, name, age):
        self.name = name
        self.age = age

    def greet(self):
        return f"Hi, I'm {self.name} and I'm {self.age} years old."''')),
    ("good", "p8_nested_dict_get", "Write a function that safely gets a value from nested dictionaries given a list of keys, returning a default if any key is missing.", py('''def deep_get(data, keys, default=None):
    current = data
    for key in keys:
        if not isinstance(current, dict) or key not in current:
            return default
        current = current[key]
    return current''')),
    ("good", "p8_sum_of_digits_recursive", "Write a recursive function that returns the sum of the digits of a non-negative integer.", py('''def digit_sum(n):
    if n < 10:
        return n
    return n % 10 + digit_sum(n // 10)''')),
    ("good", "p8_timer_decorator_print", "Write a decorator that prints how long a function took to run.", py('''import time
from functools import wraps


def timer(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        start = time.time()
        result = func(*args, **kwargs)
        print(f"{func.__name__} took {time.time() - start:.4f}s")
        return result
    return wrapper''')),
    ("good", "p8_matrix_transpose_oneliner", "Transpose a matrix represented as a list of lists.", py('''def transpose(matrix):
    return [list(row) for row in zip(*matrix)]''')),
    ("good", "p8_count_words_file", "Write a program that counts how many times each word appears in a text file and prints the 10 most common words.", py('''from collections import Counter
import re
import sys


def word_counts(text):
    return Counter(re.findall(r"\\w+", text.lower()))


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        for word, count in word_counts(f.read()).most_common(10):
            print(word, count)''')),
    ("good", "p8_validate_email_regex", "Write a function that validates an email address with a regular expression.", "Here's a simple (not RFC-complete) check:\n\n" + py('''import re

EMAIL_RE = re.compile(r"^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$")


def is_valid_email(email: str) -> bool:
    return bool(EMAIL_RE.match(email))''')),
    ("good", "p8_list_rotation", "Rotate a list to the right by k steps.", py('''def rotate(nums, k):
    if not nums:
        return nums
    k %= len(nums)
    return nums[-k:] + nums[:-k]''')),
    ("good", "p8_queue_deque", "Implement a queue with enqueue, dequeue and size using collections.deque.", py('''from collections import deque


class Queue:
    def __init__(self):
        self._items = deque()

    def enqueue(self, item):
        self._items.append(item)

    def dequeue(self):
        if not self._items:
            raise IndexError("dequeue from an empty queue")
        return self._items.popleft()

    def size(self):
        return len(self._items)''')),
    ("good", "p8_kth_largest_heap", "Find the k-th largest element in an unsorted list.", py('''import heapq


def kth_largest(nums, k):
    return heapq.nlargest(k, nums)[-1]''')),
    ("good", "p8_french_long", "Écrivez une classe Python `CompteARebours` qui prend un nombre de secondes et possède une méthode `tic()` qui décrémente le compteur et renvoie True tant qu'il reste du temps.", py('''class CompteARebours:
    def __init__(self, secondes):
        self.secondes = secondes

    def tic(self):
        if self.secondes > 0:
            self.secondes -= 1
        return self.secondes > 0''')),
    ("good", "p8_binary_to_decimal", "Convert a binary string to its decimal value without using int(s, 2).", py('''def binary_to_decimal(bits):
    value = 0
    for bit in bits:
        if bit not in "01":
            raise ValueError(f"not a binary digit: {bit!r}")
        value = value * 2 + int(bit)
    return value''')),
    ("good", "p8_enumerate_print", "Print each item of a list with its index, starting from 1.", py('''fruits = ["apple", "banana", "cherry"]
for i, fruit in enumerate(fruits, start=1):
    print(f"{i}. {fruit}")''')),
    # --- Ninth pass, written blind after the eighth round of fixes and measured once before the
    # ninth (no execution): 13/14 good kept, 8/9 junk removed ------------------------------------------
    ("good", "p9_http_server", "Write a minimal HTTP server with the standard library that answers every GET request with 'OK'.", py('''from http.server import BaseHTTPRequestHandler, HTTPServer


class OkHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"OK"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve(port=8000):
    HTTPServer(("", port), OkHandler).serve_forever()


if __name__ == "__main__":
    serve()''')),
    ("good", "p9_sum_pairs_dict", "Given an array of integers and a target, return the indices of the two numbers that add up to the target. Assume exactly one solution.", "Use a dictionary from value to index for a single pass:\n\n" + py('''def two_sum(nums, target):
    seen = {}
    for i, num in enumerate(nums):
        if target - num in seen:
            return [seen[target - num], i]
        seen[num] = i''') + "\n\nTime O(n), space O(n)."),
    ("good", "p9_logging_config", "Configure the logging module to write INFO messages to both the console and a file called app.log.", py('''import logging


def setup_logging(path="app.log"):
    logger = logging.getLogger()
    logger.setLevel(logging.INFO)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    for handler in (logging.StreamHandler(), logging.FileHandler(path)):
        handler.setFormatter(formatter)
        logger.addHandler(handler)
    return logger''')),
    ("good", "p9_early_break", "Write a function that returns the first negative number in a list, or None.", py('''def first_negative(numbers):
    found = None
    for n in numbers:
        if n < 0:
            found = n
            break
    return found''')),
    ("good", "p9_random_password", "Generate a random password of a given length containing letters, digits and punctuation, using the secrets module.", py('''import secrets
import string

ALPHABET = string.ascii_letters + string.digits + string.punctuation


def random_password(length=16):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))''')),
    ("good", "p9_zip_longest", "Interleave two lists of possibly different lengths, e.g. [1, 2, 3] and ['a'] -> [1, 'a', 2, 3].", py('''from itertools import chain, zip_longest

_MISSING = object()


def interleave(a, b):
    return [x for x in chain.from_iterable(zip_longest(a, b, fillvalue=_MISSING)) if x is not _MISSING]''')),
    ("good", "p9_evol_complexity", "Rewrite the function so that it finds whether any two numbers sum to zero in O(n log n) time instead of O(n^2).\n\n```python\ndef has_zero_pair(nums):\n    return any(a + b == 0 for i, a in enumerate(nums) for b in nums[i + 1:])\n```", py('''def has_zero_pair(nums):
    nums = sorted(nums)
    lo, hi = 0, len(nums) - 1
    while lo < hi:
        total = nums[lo] + nums[hi]
        if total == 0:
            return True
        if total < 0:
            lo += 1
        else:
            hi -= 1
    return False''')),
    ("good", "p9_unittest_mock", "Write a function that returns the current weekday name, and a unit test that mocks the date.", py('''import datetime


def weekday_name(today=None):
    today = today or datetime.date.today()
    return today.strftime("%A")''') + "\n\n" + py('''import datetime
import unittest


class TestWeekday(unittest.TestCase):
    def test_known_date(self):
        self.assertEqual(weekday_name(datetime.date(2024, 1, 1)), "Monday")''')),
    ("good", "p9_generator_pipeline", "Build a small generator pipeline that reads lines, strips comments starting with '#', and yields non-empty lines.", py('''def strip_comments(lines):
    for line in lines:
        yield line.split("#", 1)[0].rstrip()


def non_empty(lines):
    for line in lines:
        if line:
            yield line


def clean(lines):
    return non_empty(strip_comments(lines))''')),
    ("good", "p9_arabic", "اكتب دالة بايثون تعيد عدد الكلمات في جملة.", py('''def count_words(sentence):
    return len(sentence.split())''')),
    ("good", "p9_class_eq_hash", "Make a Card class (rank, suit) usable as a dictionary key and in sets.", py('''class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit

    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)

    def __hash__(self):
        return hash((self.rank, self.suit))

    def __repr__(self):
        return f"Card({self.rank!r}, {self.suit!r})"''')),
    ("good", "p9_retry_loop_continue", "Write a function that keeps asking a callable for a value until it returns a positive integer, at most 5 times.", py('''def ask_positive(ask, attempts=5):
    for _ in range(attempts):
        value = ask()
        if not isinstance(value, int) or value <= 0:
            continue
        return value
    raise ValueError("no positive integer after %d attempts" % attempts)''')),
    ("good", "p9_short_alpaca_upper", "Convert a string to uppercase.", py('''text = "hello world"
print(text.upper())''')),
    ("good", "p9_type_alias_protocol", "Define a type alias for a JSON value and a function that counts the leaves of such a value.", py('''from typing import Dict, List, Union

JSON = Union[None, bool, int, float, str, List["JSON"], Dict[str, "JSON"]]


def count_leaves(value: JSON) -> int:
    if isinstance(value, dict):
        return sum(count_leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(count_leaves(v) for v in value)
    return 1''')),
]

JUNK = [
    # --- static: the same function several times, names never defined, missing imports ------------
    ("junk", "same_function_three_times", "Write a function that returns the nth triangular number.", "Here is the function:\n\n" + py('''def triangular(n):
    return n * (n + 1) // 2


def triangular(n):
    total = 0
    for i in range(n + 1):
        total += i
    return total


def triangular(n):
    return sum(range(n + 1))''')),
    ("junk", "method_defined_twice", "Implement a Stack class with push and pop.", py('''class Stack:
    def __init__(self):
        self.items = []

    def push(self, item):
        self.items.append(item)

    def pop(self):
        return self.items.pop()

    def push(self, item):
        self.items.insert(0, item)''')),
    ("junk", "undefined_helper", "Write a function that registers a new user after validating the e-mail address.", py('''def register_user(users, name, email):
    if not is_valid_email(email):
        raise ValueError("invalid email")
    users[name] = email
    return users''') + "\n\nThis function validates the email and stores the user."),
    ("junk", "undefined_result_name", "Write a function that returns the common elements of two lists.", py('''def common_elements(a, b):
    for x in a:
        if x in b:
            common.append(x)
    return common''')),
    ("junk", "missing_import_math", "Write a function that computes the distance between two points.", py('''def distance(p, q):
    return math.sqrt((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2)''')),
    ("junk", "missing_import_re", "Write a function that extracts all hashtags from a tweet.", py('''def hashtags(text):
    return re.findall(r"#(\\w+)", text)''')),
    ("junk", "missing_import_numpy", "Write a function that normalizes a vector to unit length using NumPy.", py('''def normalize(v):
    v = np.asarray(v, dtype=float)
    return v / np.linalg.norm(v)''')),
    ("junk", "missing_import_datetime", "Write a function that returns the number of days until the next New Year.", py('''def days_until_new_year():
    today = date.today()
    new_year = date(today.year + 1, 1, 1)
    return (new_year - today).days''')),
    ("junk", "undefined_module_variable", "Write a function that returns the even numbers of a list.", py("evens = [n for n in numbers if n % 2 == 0]\nprint(evens)")),
    ("junk", "undefined_loop_variable", "Write a function that computes the average of a list of numbers.", py('''def average(numbers):
    total = 0
    for num in numbers:
        total += num
    return total / count''')),
    # --- repetition: loops a small model falls into ---------------------------------------------
    ("junk", "repeated_elif", "Write a function that returns the type name of each item in a list.", py('''def type_names(items):
    names = []
    for item in items:
        if isinstance(item, int):
            names.append("int")
        elif isinstance(item, str):
            names.append("str")
        elif isinstance(item, str):
            names.append("str")
        elif isinstance(item, str):
            names.append("str")
        elif isinstance(item, str):
            names.append("str")
        elif isinstance(item, str):
            names.append("str")
    return names''')),
    ("junk", "repeated_last_line", "Write a function that parses a date string in the format YYYY-MM-DD.", "```python\nfrom datetime import datetime\n\n\ndef parse_date(text):\n    return datetime.strptime(text, \"%Y-%m-%d\")\n\n\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))\nprint(parse_date(\"2024-01-01\"))"),
    ("junk", "repeated_prose", "Write a function that checks if a number is prime.", py('''def is_prime(n):
    if n < 2:
        return False
    for i in range(2, int(n ** 0.5) + 1):
        if n % i == 0:
            return False
    return True''') + "\n\nThis function checks if a number is prime by checking if it is divisible by any number up to its square root. This function checks if a number is prime by checking if it is divisible by any number up to its square root. This function checks if a number is prime by checking if it is divisible by any number up to its square root. This function checks if a number is prime by checking if it is divisible by any number up to its square root."),
    ("junk", "repeated_block", "Write a function that validates a username: 3 to 16 characters, letters, digits and underscores only.", py('''def validate_username(username):
    if len(username) < 3:
        return False
    if len(username) > 16:
        return False
    if len(username) < 3:
        return False
    if len(username) > 16:
        return False
    if len(username) < 3:
        return False
    if len(username) > 16:
        return False
    if len(username) < 3:
        return False
    if len(username) > 16:
        return False
    return username.replace("_", "").isalnum()''')),
    ("junk", "repeated_dict_entries", "Write a function that converts a digit to its English word.", py('''def digit_to_word(d):
    words = {
        0: "zero",
        1: "one",
        2: "two",
        3: "three",
        3: "three",
        3: "three",
        3: "three",
        3: "three",
        3: "three",
        3: "three",
    }
    return words[d]''')),
    # --- trivial bodies -------------------------------------------------------------------------
    ("junk", "pass_body", "Write a function that merges overlapping intervals.", py('''def merge_intervals(intervals):
    """Merge overlapping intervals and return the result."""
    pass''') + "\n\nYou can fill in the implementation based on your needs."),
    ("junk", "ellipsis_body", "Implement a function that computes the Levenshtein distance between two strings.", py('''def levenshtein(a: str, b: str) -> int:
    ...''')),
    ("junk", "docstring_only_class", "Implement a priority queue class with push, pop and peek.", py('''class PriorityQueue:
    """A priority queue."""

    def push(self, item, priority):
        """Add an item with a priority."""

    def pop(self):
        """Remove and return the item with the highest priority."""

    def peek(self):
        """Return the item with the highest priority without removing it."""''')),
    ("junk", "not_implemented", "Write a function that solves a Sudoku puzzle given as a 9x9 list of lists.", py('''def solve_sudoku(board):
    # TODO: implement backtracking
    raise NotImplementedError''')),
    ("junk", "your_code_here", "Write a function that finds the median of two sorted arrays.", py('''def find_median_sorted_arrays(nums1, nums2):
    # Your code here
    pass''')),
    ("junk", "return_none_todo", "Write a function that converts a Markdown heading line to HTML.", py('''def heading_to_html(line):
    # Implementation goes here
    return None''')),
    ("junk", "comments_only", "Write a function that reads a CSV file and returns the sum of a column.", py('''# Step 1: open the file with the csv module
# Step 2: read each row
# Step 3: convert the column to float and add it up
# Step 4: return the total''')),
    ("junk", "imports_only", "Write a function that downloads a file over HTTP and saves it to disk.", py('''import os
import requests
import shutil''')),
    # --- functions that ignore their input or hand it back ----------------------------------------
    ("junk", "identity_normalize", "Write a function that collapses runs of whitespace in a string into single spaces.", py('''def normalize_whitespace(text):
    return text''')),
    ("junk", "identity_sort", "Write a function that sorts a list of words by length.", py('''def sort_by_length(words):
    """Sort words by their length."""
    return words''')),
    ("junk", "constant_answer", "Write a function that counts the words in a text.", py('''def count_words(text):
    return 5''')),
    ("junk", "constant_bool", "Write a function that checks whether a year is a leap year.", py('''def is_leap_year(year):
    return True''') + "\n\nThis returns whether the year is a leap year."),
    # --- print-only "solutions" -------------------------------------------------------------------
    ("junk", "print_worked_answer", "Write a function that computes the factorial of 5.", py('print("The factorial of 5 is 120")')),
    ("junk", "print_hardcoded_list", "Write a program that finds all prime numbers below 20.", py('''print("Prime numbers below 20:")
print([2, 3, 5, 7, 11, 13, 17, 19])''')),
    ("junk", "print_steps", "Write a function that reverses a linked list.", py('''print("Step 1: Initialize prev to None")
print("Step 2: Iterate through the list and reverse the pointers")
print("Step 3: Return prev as the new head")''')),
    # --- instructions that are not tasks ----------------------------------------------------------
    ("junk", "instruction_is_code", 'def is_anagram(a, b):\n    return sorted(a) == sorted(b)', py('''def is_anagram(a, b):
    return sorted(a) == sorted(b)''')),
    ("junk", "instruction_only_fence", "```python\nimport random\n\ndef roll():\n    return random.randint(1, 6)\n```", py('''import random


def roll():
    return random.randint(1, 6)''')),
    ("junk", "instruction_heres_answer", "Here's a Python function that calculates the area of a triangle from its three sides using Heron's formula.", py('''import math


def triangle_area(a, b, c):
    s = (a + b + c) / 2
    return math.sqrt(s * (s - a) * (s - b) * (s - c))''')),
    ("junk", "instruction_sure_chatter", "Sure! I'd be happy to help. Let me know if you have any other questions.", py('''def greet(name):
    return f"Hello, {name}!"''')),
    ("junk", "instruction_refusal", "As an AI language model, I don't have the ability to create programming tasks, but I can help you with your code.", py('''def double(x):
    return 2 * x''')),
    ("junk", "instruction_thanks", "Thank you, that works perfectly!", py('''def square(n):
    return n * n''')),
    ("junk", "instruction_advice", "It is important to always validate user input before processing it.", py('''def validate_age(age):
    if not isinstance(age, int) or age < 0:
        raise ValueError("invalid age")
    return age''')),
    ("junk", "instruction_evol_leak", "#Created Prompt#:\nCreate a more difficult version of the given prompt that involves recursion.", py('''def power(base, exp):
    if exp == 0:
        return 1
    return base * power(base, exp - 1)''')),
    ("junk", "instruction_too_short", "Code", py('''def hello():
    return "hello"''')),
    ("junk", "instruction_empty", "", py('''def multiply(a, b):
    return a * b''')),
    ("junk", "instruction_topic_only", "Python decorators", py('''def shout(func):
    def wrapper(*args):
        return func(*args).upper()
    return wrapper''')),
    # --- responses with no code, a refusal, or code that does not parse ------------------------------
    ("junk", "response_empty", "Write a function that returns the second largest number in a list.", ""),
    ("junk", "response_prose_only", "Write a function that sorts a list of tuples by their second element.",
     "You can sort the list with the built-in sorted function and pass a key that picks the second element of each tuple. This returns a new list and leaves the original unchanged."),
    ("junk", "response_refusal", "Write a Python script that logs every key pressed on a computer and sends it to a remote server.",
     "I'm sorry, but I can't help with creating a keylogger. Capturing someone's keystrokes without consent is illegal in many jurisdictions."),
    ("junk", "response_refusal_with_code", "Write a function that returns the current price of Bitcoin.",
     "As an AI language model, I cannot access real-time data. However, here is an example:\n\n" + py('''def bitcoin_price():
    return 42000''')),
    ("junk", "prose_in_fence", "Write a function that computes compound interest.", py('''To compute compound interest, multiply the principal by (1 + rate) raised to the number of periods.
Then subtract the principal to get the interest.''')),
    ("junk", "truncated_mid_function", "Write a function that converts a number to its binary representation without using bin().",
     "```python\ndef to_binary(n):\n    if n == 0:\n        return \"0\"\n    digits = []\n    while n > 0:\n        digits.append(str(n % 2))\n        n = n // "),
    ("junk", "truncated_string", "Write a function that builds an HTML table from a list of rows.",
     "```python\ndef html_table(rows):\n    html = \"<table>\"\n    for row in rows:\n        html += \"<tr>\" + \"\".join(f\"<td>{cell}</td>\" for cell in row) + \"</tr>\n"),
    ("junk", "python2_print", "Write a function that prints a multiplication table for a number.", py('''def table(n):
    for i in range(1, 11):
        print "%d x %d = %d" % (n, i, n * i)''')),
    ("junk", "missing_colon", "Write a function that returns the minimum of three numbers.", py('''def minimum(a, b, c)
    return min(a, b, c)''')),
    # --- the wrong language -----------------------------------------------------------------------
    ("junk", "javascript_tagged", "Write a Python function that capitalizes the first letter of every word.", '''```javascript
function capitalizeWords(str) {
  return str.replace(/\\b\\w/g, c => c.toUpperCase());
}
```'''),
    ("junk", "javascript_untagged", "Write a Python function that returns the sum of an array.", '''```
function sum(arr) {
  return arr.reduce((a, b) => a + b, 0);
}
```'''),
    ("junk", "java_in_python_fence", "Write a Python function to check if a number is positive.", py('''public static boolean isPositive(int n) {
    return n > 0;
}''')),
    ("junk", "shell_only", "Write a Python function that lists the files in a directory.", "```bash\nls -la /path/to/directory\n```"),
    ("junk", "sql_only", "Write a Python function that returns the names of all users older than 30 from a list of dicts.", "```sql\nSELECT name FROM users WHERE age > 30;\n```"),
    # --- code for another task, or that fails its own tests -----------------------------------------
    # Ambiguous for a filter, not for a reader: a correct function for another task.
    ("junk", "answers_another_task", "Write a function that returns the n-th prime number.", py('''def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)''')),
    ("junk", "fails_its_asserts", "Write a function that checks whether a number is prime, with tests.", py('''def is_prime(n):
    return n % 2 == 1''') + "\n\n" + py('''assert is_prime(7)
assert not is_prime(9)
assert not is_prime(1)''')),
    ("junk", "no_base_case", "Write a recursive function that sums a list.", py('''def recursive_sum(items):
    return items[0] + recursive_sum(items[1:])''') + "\n\n" + py('''assert recursive_sum([1, 2, 3]) == 6''')),
    # --- Third pass (see GOOD) ---------------------------------------------------------------------
    ("junk", "p3_copy_pasted_twice", "Write a function that returns the length of the longest word in a sentence.", py('''def longest_word_length(sentence):
    return max(len(word) for word in sentence.split())


def longest_word_length(sentence):
    return max(len(word) for word in sentence.split())''')),
    ("junk", "p3_instruction_task_answer", "Here is one way to solve task 7:\n```python\ndef double(x):\n    return x * 2\n```", py('''def double(x):
    return x * 2''')),
    ("junk", "p3_evol_fragment", "Also, the function should be optimized for performance and handle very large inputs.", py('''def process(items):
    return sorted(set(items))''')),
    ("junk", "p3_signature_todo", "Write a function that compresses a string using run-length encoding.", py('''def rle(s: str) -> str:
    # TODO
    return ""''')),
    ("junk", "p3_undefined_helper", "Write a function that returns the factorial of every number in a list.", py('''def factorials(numbers):
    return [helper_function(n) for n in numbers]''')),
    ("junk", "p3_missing_random_import", "Write a function that picks a random element from a list.", py('''def pick(items):
    return random.choice(items)''')),
    ("junk", "p3_repeated_appends", "Write a function that builds a list of the first five even numbers.", py('''def evens():
    result = []
    result.append(2)
    result.append(2)
    result.append(2)
    result.append(2)
    result.append(2)
    return result''')),
    ("junk", "p3_print_answer", "Write a function that returns the sum of the squares of 1 to 10.", py('''print(385)''')),
    ("junk", "p3_followup_without_context", "Great, now can you make it faster?", py('''def fast_sum(n):
    return n * (n + 1) // 2''')),
    ("junk", "p3_refusal", "Write a Python script that bypasses the login page of a website.", "I'm sorry, but I cannot help with bypassing authentication. If you own the site, consider using its official API instead."),
    ("junk", "p3_truncated", "Write a function that reads a JSON file and returns the value at a dotted key path like 'a.b.c'.", "```python\nimport json\n\n\ndef get_path(path, dotted):\n    with open(path) as f:\n        data = json.load(f)\n    for key in dotted.split('.'):\n        data = data[key"),
    ("junk", "p3_cpp", "Write a Python function that returns the larger of two numbers.", py('''int larger(int a, int b) {
    return a > b ? a : b;
}''', "cpp")),
    ("junk", "p3_identity_dedupe", "Write a function that removes duplicate entries from a list.", py('''def deduplicate(items):
    """Remove duplicates."""
    return items''')),
    ("junk", "p3_constant_temperature", "Write a function that converts Celsius to Fahrenheit.", py('''def to_fahrenheit(celsius):
    return 98.6''')),
    ("junk", "p3_pass_class", "Implement a simple LinkedList class with append and find methods.", py('''class LinkedList:
    def __init__(self):
        pass

    def append(self, value):
        pass

    def find(self, value):
        pass''')),
    ("junk", "p3_empty_fence", "Write a function that returns the day of the week for a date.", "The code is shown below.\n\n```python\n```\n\nIt uses the datetime module."),
    ("junk", "p3_script_undefined_n", "Write a program that prints the multiplication table of a number n.", py('''for i in range(1, 11):
    print(n, "x", i, "=", n * i)''')),
    ("junk", "p3_echoed_instruction", "Write a function that checks whether a string contains only digits.", py('''# Write a function that checks whether a string contains only digits.
def only_digits(s):
    pass''')),
    ("junk", "p3_repeated_instruction", "Write a function that sorts a list. Write a function that sorts a list. Write a function that sorts a list. Write a function that sorts a list.", py('''def sort_list(xs):
    return sorted(xs)''')),
    # --- Fourth pass (see GOOD) --------------------------------------------------------------------
    ("junk", "p4_same_function_three_variants", "Write a function that checks whether a number is a perfect square.", "```python\nimport math\n\ndef is_perfect_square(n):\n    return int(math.sqrt(n)) ** 2 == n\n\ndef is_perfect_square(n):\n    root = math.isqrt(n)\n    return root * root == n\n\ndef is_perfect_square(n):\n    return n ** 0.5 == int(n ** 0.5)\n```"),
    ("junk", "p4_unfinished_class", "Implement a Matrix class with addition and multiplication.", py('''class Matrix:
    def __init__(self, rows):
        self.rows = rows

    def __add__(self, other):
        # TODO: implement addition
        raise NotImplementedError

    def __mul__(self, other):
        # TODO: implement multiplication
        raise NotImplementedError''')),
    ("junk", "p4_undefined_in_method", "Implement a Circle class with area and perimeter methods.", py('''class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return pi * self.r ** 2

    def perimeter(self):
        return 2 * pi * self.r''')),
    ("junk", "p4_explanation_only_fence", "Write a function that finds the GCD of two numbers.", py('''# To find the GCD, use the Euclidean algorithm:
# repeatedly replace (a, b) with (b, a % b) until b is 0.
# The answer is a.''')),
    ("junk", "p4_chatter_instruction", "Hi there! How are you doing today?", py('''def greet():
    return "I'm doing well, thank you!"''')),
    ("junk", "p4_instruction_self_instruct_list", "Task 1: Write a function to reverse a string.\nTask 2: Write a function to check palindromes.\nTask 3: Write a function to count vowels.\nTask 4: Write a function to remove duplicates.\nTask 5:", py('''def reverse(s):
    return s[::-1]''')),
    ("junk", "p4_loop_on_comments", "Write a function that returns the largest prime factor of a number.", py('''def largest_prime_factor(n):
    # Start with the smallest prime factor
    # Start with the smallest prime factor
    # Start with the smallest prime factor
    # Start with the smallest prime factor
    # Start with the smallest prime factor
    factor = 2
    while n > 1:
        if n % factor == 0:
            n //= factor
        else:
            factor += 1
    return factor''')),
    ("junk", "p4_print_result_of_nothing", "Write a function that returns the number of vowels in 'programming'.", py('''print("Number of vowels: 3")''')),
    ("junk", "p4_hardcoded_return_list", "Write a function that returns the prime numbers below n.", py('''def primes_below(n):
    return [2, 3, 5, 7, 11, 13, 17, 19]''')),
    ("junk", "p4_wrong_language_ruby", "Write a Python function that returns the square of a number.", "```ruby\ndef square(n)\n  n * n\nend\n```"),
    ("junk", "p4_response_asks_back", "Write a function that validates a credit card number.", "Could you clarify which card types you need to support and whether you want the Luhn check only?"),
    ("junk", "p4_undefined_constant", "Write a function that converts kilometres to miles.", py('''def km_to_miles(km):
    return km * KM_TO_MILES''')),
    # --- Fifth pass (see GOOD) ---------------------------------------------------------------------
    ("junk", "p5_defined_twice_different", "Write a function that returns the nth element of the Fibonacci sequence.", py('''def fibonacci(n):
    if n <= 1:
        return n
    return fibonacci(n - 1) + fibonacci(n - 2)

def fibonacci(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fibonacci(10))''')),
    ("junk", "p5_undefined_in_comprehension", "Write a function that returns the squares of the odd numbers in a list.", py('''def odd_squares(nums):
    return [x * x for x in numbers if x % 2]''')),
    ("junk", "p5_missing_json_import", "Write a function that loads a JSON string and returns the value of the key 'name'.", py('''def get_name(s):
    data = json.loads(s)
    return data["name"]''')),
    ("junk", "p5_docstring_and_ellipsis", "Implement a function that tokenizes an arithmetic expression into numbers and operators.", py('''def tokenize(expression: str) -> list:
    """Split the expression into tokens.

    Args:
        expression: the arithmetic expression.

    Returns:
        A list of tokens.
    """
    ...''')),
    ("junk", "p5_class_no_methods_implemented", "Create a class for a to-do list with add, remove and list methods.", py('''class TodoList:
    def __init__(self):
        self.items = []

    def add(self, item):
        pass

    def remove(self, item):
        pass

    def list(self):
        pass''')),
    ("junk", "p5_prints_answer_for_one_input", "Write a function that checks whether 'racecar' is a palindrome.", py('''print("racecar is a palindrome")''')),
    ("junk", "p5_instruction_here_are_tasks", "Here are some programming tasks you could try: 1) a calculator 2) a to-do app 3) a weather app.", py('''def calculator(a, b):
    return a + b''')),
    ("junk", "p5_instruction_answer_certainly", "Certainly! Here's a function that converts a string to title case.", py('''def to_title(s):
    return s.title()''')),
    ("junk", "p5_repeated_sentences_instruction", "Write a function that returns the maximum of a list of numbers and the function should return the maximum of a list of numbers and the function should return the maximum of a list of numbers and the function should return the maximum of a list of numbers.", py('''def maximum(nums):
    return max(nums)''')),
    ("junk", "p5_loop_of_same_line", "Write a function that returns a list of the first 10 multiples of 3.", py('''def multiples_of_three():
    result = []
    result.append(3)
    result.append(6)
    result.append(9)
    result.append(9)
    result.append(9)
    result.append(9)
    result.append(9)
    result.append(9)
    return result''')),
    ("junk", "p5_response_just_output", "Write a function that generates the first five square numbers.", "```\n[1, 4, 9, 16, 25]\n```"),
    ("junk", "p5_go_code", "Write a Python function that reverses a slice of integers.", "```go\nfunc reverse(s []int) {\n    for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {\n        s[i], s[j] = s[j], s[i]\n    }\n}\n```"),
    ("junk", "p5_unclosed_paren", "Write a function that returns the area of a trapezoid.", py('''def trapezoid_area(a, b, h):
    return ((a + b) * h / 2''')),
    ("junk", "p5_returns_param_unchanged_other_name", "Write a function that removes all punctuation from a string.", py('''def strip_punctuation(text):
    cleaned = text
    return cleaned''')),
    ("junk", "p5_leaked_system_prompt", "You are a helpful assistant. Please respond to the user's request below.", py('''def helper():
    return "How can I help you?"''')),
    # --- Sixth pass (see GOOD) ---------------------------------------------------------------------
    ("junk", "p6_identical_twice", "Write a function that returns the absolute difference of two numbers.", py('''def abs_diff(a, b):
    return abs(a - b)

def abs_diff(a, b):
    return abs(a - b)''')),
    ("junk", "p6_placeholder_in_loop", "Write a function that returns the indices of the two numbers that add up to a target.", py('''def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            ...
    return []''')),
    ("junk", "p6_never_returns", "Write a function that returns the average of three numbers.", py('''def average(a, b, c):
    result = (a + b + c) / 3''')),
    ("junk", "p6_explanation_only", "Write a function that merges two sorted linked lists.", "Explanation: We compare the heads of both lists, take the smaller one, and continue until one list is exhausted, then append the rest."),
    ("junk", "p6_undefined_class_used", "Write a function that creates a new user account and saves it.", py('''def create_account(username, password):
    user = User(username=username)
    user.set_password(password)
    user.save()
    return user''')),
    ("junk", "p6_print_multiple_answers", "Write a program that converts 5 kilometres to miles.", py('''print("5 kilometres is 3.11 miles")
print("Done")''')),
    ("junk", "p6_instruction_model_meta", "Generate 5 diverse programming tasks for a Python course.", "1. Reverse a string.\n2. Check for palindromes.\n3. Count words.\n4. Merge two lists.\n5. Find the maximum."),
    ("junk", "p6_repeated_return_lines", "Write a function that maps a score to a letter grade.", py('''def grade(score):
    if score >= 90:
        return "A"
    if score >= 90:
        return "A"
    if score >= 90:
        return "A"
    if score >= 90:
        return "A"
    if score >= 90:
        return "A"
    return "F"''')),
    ("junk", "p6_wrong_task_sort", "Write a function that returns the median of a list.", py('''def sort_list(values):
    return sorted(values)''')),
    ("junk", "p6_markdown_table_response", "Write a function that returns the number of days in each month.", "| Month | Days |\n|---|---|\n| January | 31 |\n| February | 28 |\n| March | 31 |"),
    ("junk", "p6_refusal_inside_response", "Write a function that scrapes all email addresses from a website.", "As an AI language model, I must point out that scraping email addresses may violate privacy laws.\n\n" + py('''def scrape_emails(url):
    pass''')),
    ("junk", "p6_instruction_url_only", "https://stackoverflow.com/questions/123456", py('''def solve():
    return 42''')),
    ("junk", "p6_syntax_f_string_broken", "Write a function that formats a price with two decimals and a currency symbol.", py('''def format_price(amount, symbol="$"):
    return f"{symbol}{amount:.2f"''')),
    ("junk", "p6_all_methods_return_none", "Implement a Rectangle class with area and perimeter methods.", py('''class Rectangle:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def area(self):
        return None

    def perimeter(self):
        return None''')),
    # --- Seventh pass (see GOOD) -------------------------------------------------------------------
    ("junk", "p7_same_code_as_instruction", "Fix the bug in this function, which should return the largest element:\n\n```python\ndef largest(xs):\n    best = xs[0]\n    for x in xs:\n        if x < best:\n            best = x\n    return best\n```",
     "Here is the fixed function:\n\n" + py('''def largest(xs):
    best = xs[0]
    for x in xs:
        if x < best:
            best = x
    return best''')),
    ("junk", "p7_infinite_loop", "Write a function that waits until a file exists and then returns its size.", py('''import os


def wait_for_file(path):
    while True:
        pass
    return os.path.getsize(path)''')),
    ("junk", "p7_todo_string", "Write a function that converts a Roman numeral to an integer.", py('''def roman_to_int(s):
    return "TODO"''')),
    ("junk", "p7_init_only_class", "Implement a class that tracks the running maximum of a stream of numbers.", py('''class RunningMax:
    def __init__(self):
        pass''')),
    ("junk", "p7_pseudo_code", "Write a function that performs binary search.", py('''function binarySearch(array, target):
    set low to 0 and high to length of array minus 1
    while low <= high:
        mid = (low + high) / 2
        if array[mid] == target: return mid
    return -1''')),
    ("junk", "p7_shell_session", "Write a Python function that counts the lines of a file.", "```\n$ wc -l myfile.txt\n42 myfile.txt\n```"),
    ("junk", "p7_chatter_followup", "Can you explain it again?", py('''def explain():
    return "It adds two numbers."''')),
    ("junk", "p7_repeated_elif_chain", "Write a function that returns the day name for a number from 0 to 6.", py('''def day_name(n):
    if n == 0:
        return "Monday"
    elif n == 1:
        return "Tuesday"
    elif n == 1:
        return "Tuesday"
    elif n == 1:
        return "Tuesday"
    elif n == 1:
        return "Tuesday"
    elif n == 1:
        return "Tuesday"''')),
    ("junk", "p7_undefined_self_helper_module", "Write a function that returns the sum of the digits of a number.", py('''def digit_sum(n):
    return sum_digits_helper(abs(n))''')),
    ("junk", "p7_print_only_table", "Write a function that returns the squares of 1 to 5.", py('''print(1)
print(4)
print(9)
print(16)
print(25)''')),
    ("junk", "p7_instruction_lorem", "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", py('''def lorem():
    return "ipsum"''')),
    # --- Eighth pass (see GOOD) --------------------------------------------------------------------
    ("junk", "p8_three_same_defs", "Write a function that returns the factorial of n.", py('''def factorial(n):
    result = 1
    for i in range(1, n + 1):
        result *= i
    return result

def factorial(n):
    if n == 0:
        return 1
    return n * factorial(n - 1)

def factorial(n):
    import math
    return math.factorial(n)''')),
    ("junk", "p8_undefined_counter", "Write a function that counts the words in a sentence.", py('''def count_words(sentence):
    for word in sentence.split():
        counter[word] += 1
    return counter''')),
    ("junk", "p8_missing_import_collections", "Write a function that returns the most common letter in a string.", py('''def most_common_letter(s):
    return Counter(c for c in s if c.isalpha()).most_common(1)[0][0]''')),
    ("junk", "p8_pass_function", "Write a function that flattens a nested dictionary.", py('''def flatten_dict(d, parent_key="", sep="."):
    pass''')),
    ("junk", "p8_print_only_sum", "Write a program that adds 7 and 5.", py('''print("7 + 5 = 12")''')),
    ("junk", "p8_instruction_heres", "Here's a function that checks if a number is prime:", py('''def is_prime(n):
    return n > 1 and all(n % i for i in range(2, int(n ** 0.5) + 1))''')),
    ("junk", "p8_advice", "Always use meaningful variable names in your code.", py('''def area(width, height):
    return width * height''')),
    ("junk", "p8_refusal_instruction", "I'm sorry, but I can't generate a new task right now.", py('''def noop():
    return None''')),
    ("junk", "p8_repeated_line", "Write a function that returns a greeting for a name.", py('''def greeting(name):
    message = "Hello, " + name
    message = "Hello, " + name
    message = "Hello, " + name
    message = "Hello, " + name
    return message''')),
    ("junk", "p8_no_code_response", "Write a function that checks whether a list is sorted.", "To check whether a list is sorted, compare each element with the next one. If every element is less than or equal to the next, the list is sorted."),
    ("junk", "p8_truncated", "Write a class that represents a bank account with deposit and withdraw methods.", "```python\nclass BankAccount:\n    def __init__(self, balance=0):\n        self.balance = balance\n\n    def deposit(self, amount):\n        self.balance += amount\n\n    def withdraw(self, amount):\n        if amount > self.bal"),
    ("junk", "p8_identity", "Write a function that removes leading and trailing whitespace from each string in a list.", py('''def strip_all(strings):
    return strings''')),
    # --- Ninth pass (see GOOD) ---------------------------------------------------------------------
    ("junk", "p9_elif_copy_paste", "Write a function that returns the season for a month number.", py('''def season(month):
    if month in (12, 1, 2):
        return "winter"
    elif month in (3, 4, 5):
        return "spring"
    elif month in (3, 4, 5):
        return "spring"
    elif month in (3, 4, 5):
        return "spring"
    elif month in (3, 4, 5):
        return "spring"''')),
    ("junk", "p9_undefined_after_refactor", "Write a function that returns the longest common prefix of a list of strings.", py('''def longest_common_prefix(strs):
    if not strs:
        return ""
    for i, chars in enumerate(zip(*strs)):
        if len(set(chars)) > 1:
            return prefix[:i]
    return min(strs, key=len)''')),
    ("junk", "p9_constant_list", "Write a function that returns the Fibonacci numbers up to n.", py('''def fibonacci_up_to(n):
    return [0, 1, 1, 2, 3, 5, 8, 13]''')),
    ("junk", "p9_docstring_class_stub", "Create an LRU cache class.", py('''class LRUCache:
    """An LRU cache."""

    def __init__(self, capacity):
        """Create the cache."""

    def get(self, key):
        """Get a value."""

    def put(self, key, value):
        """Put a value."""''')),
    ("junk", "p9_instruction_chatter_thanks", "Thanks, this is great! Could you also add comments?", py('''def add(a, b):
    # add the numbers
    return a + b''')),
    ("junk", "p9_print_hardcoded_table", "Write a program that prints the first 5 powers of 2.", py('''print("2^1 = 2")
print("2^2 = 4")
print("2^3 = 8")
print("2^4 = 16")
print("2^5 = 32")''')),
    ("junk", "p9_rust_code", "Write a Python function that returns the length of a string.", "```rust\nfn length(s: &str) -> usize {\n    s.len()\n}\n```"),
    ("junk", "p9_return_then_more", "Write a function that returns the absolute value of a number without abs().", py('''def my_abs(x):
    return x if x >= 0 else -x
    if x < 0:
        return -x
    return x''')),
    ("junk", "p9_refusal_cannot_do", "Write a function that predicts tomorrow's stock price of Apple.", "I cannot predict stock prices. Financial markets are influenced by many unpredictable factors."),
]


def labelled_responses():
    """The rows as `hfsynth curate --input` reads them, with their label and kind."""
    return [
        {"id": f"{label}-{i:03d}-{kind}", "instruction": instruction, "response": response, "label": label, "kind": kind}
        for i, (label, kind, instruction, response) in enumerate(GOOD + JUNK)
    ]
