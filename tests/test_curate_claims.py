"""The outputs a response claims, and the instruction's worked examples, required errors and named inputs,
are checked when the row runs (hfsynth.curate.claimed_outputs, hfsynth.curate.instruction_examples,
hfsynth.curate.required_errors, hfsynth.curate.accepted_inputs): real rows in the real sandbox."""

from __future__ import annotations

import ast

import pytest

from hfsynth.curate.accepted_inputs import accepted_input_claims, accepted_inputs
from hfsynth.curate.claimed_outputs import session_claims, with_comment_claims_checked
from hfsynth.curate.execute import execute_rows
from hfsynth.curate.instruction_examples import instruction_examples
from hfsynth.curate.known_tasks import known_task_claims
from hfsynth.curate.required_errors import required_error_claims
from hfsynth.schema.curate import ExecutionConfig

CFG = ExecutionConfig(timeout_s=10, workers=2, mode="mark")

FACTORIAL = "def factorial(n):\n    r = 1\n    for i in range(1, {stop}):\n        r *= i\n    return r\n\n\nprint(factorial(5))  # Output: 120\n"
FIND_MAX = "def find_max(values):\n    best = {start}\n    for v in values:\n        if v > best:\n            best = v\n    return best\n"
SESSION = "```python\n{code}```\n\nExample:\n\n```\n>>> find_max([-7, -3, -12])\n-3\n>>> find_max([])\nTraceback (most recent call last):\nTypeError: empty\n```\n"
DOUBLE = (
    "def double(x):\n    '''\n    >>> double(2)\n    4\n    >>> double(-1)\n    Traceback (most recent call last):\n    ValueError: negative\n    '''\n"
    "    if x < 0:\n        raise ValueError('negative')\n    return x * {factor}\n"
)
LEAP = "Write a function that tells whether a year is a leap year in the Gregorian calendar."
MEDIAN = "Write a function that returns the median of a list of numbers."
FIB = "Write a function that returns the n-th Fibonacci number."
FIZZ = "Write fizzbuzz: 'Fizz' for multiples of 3, 'Buzz' for multiples of 5, 'FizzBuzz' for multiples of both, else the number."
MONTH_DAYS = ("def days_in_month(year, month):\n    if month == 2:\n        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28\n"
              "    return 30 if month in ({thirty}) else 31\n")
VERSIONS = "Given version strings like '1.10.0' and '1.2.3', return them sorted from oldest to newest (numeric comparison of each component)."
DUPLICATES = "Write find_duplicates(nums) returning a sorted list of the values that appear more than once in the input."
COMMON_CHAR = "Write `most_common_char(text)` that returns the character (ignoring spaces) that occurs most often in the string."
PASSWORD = "def validate_password(pw):\n    return len(pw) >= 8 and (any(c.isupper() for c in pw) {join} any(c.isdigit() for c in pw))\n"
REVERSE = "def reverse_words(sentence):\n    return {body}\n\n\nprint(reverse_words('hello world'))\n"
OUTPUT_BLOCK = "```python\n{code}```\n\nOutput:\n\n```\nworld hello\n```\n"

PALINDROME = "def is_palindrome(word):\n    w = word.lower()\n    return w == {rev}\n"
PALINDROME_PROSE = "```python\n" + PALINDROME + "```\n\nWe lowercase the word, then compare. For example, `is_palindrome(\"Racecar\")` returns `True`.\n"
CAPITALIZE = "def capitalize_words(s):\n    return ' '.join(w[:1].upper() + w[1:] for w in s.split(' '))\n"
TOTAL = "def total_price(prices):\n    total = 0\n    for {loop}:\n        total += price\n    return total\n"
TOTAL_RESPONSE = "```python\n" + TOTAL + "```\n\nExample:\n\n```python\nprint(total_price({{'apple': 1.25, 'bread': 2.50}}))  # 3.75\n```\n"
COUNTER = "calls = 0\n\n\ndef bump():\n    global calls\n    calls += 1\n    return calls\n"

ROMAN_ASK = "Convert a Roman numeral string to an integer. You may assume the input is a valid numeral between 1 and 3999."
ROMAN_TO_INT = "VALUES = {{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}}\n\n\ndef roman_to_int(s):\n{body}"
ROMAN_ADDS = "    return sum(VALUES[c] for c in s)\n"
ROMAN_SUBTRACTS = "    total = 0\n    for a, b in zip(s, s[1:] + ' '):\n        total += -VALUES[a] if VALUES.get(b, 0) > VALUES[a] else VALUES[a]\n    return total\n"
KADANE_ASK = "Given an integer array `nums` (which may hold only negative numbers), find the contiguous subarray with the largest sum and return that sum."
KADANE = "def max_subarray_sum(nums):\n    best = current = {start}\n    for x in nums[1:] if {start!r} != '0' else nums:\n        current = max(x, current + x)\n        best = max(best, current)\n    return best\n"

PASCAL_ASK = "Write a function that returns the nth row (0-indexed) of Pascal's triangle as a list of integers."
PASCAL = "def pascal_row(n):\n    row = [1]\n    for _ in range({times}):\n        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]\n    return row\n"
MISSING_ASK = "Given n distinct integers from the range 0..n (inclusive), exactly one number of the range is missing. Return it in O(n) time."
MISSING = "def missing_number(nums):\n    n = len(nums)\n    return n * (n {sign} 1) // 2 - sum(nums)\n"
HMS_ASK = "Write `format_hms(total_seconds)` that formats a non-negative number of seconds as 'HH:MM:SS' with zero padding."
HMS = "def format_hms(total_seconds):\n    h = total_seconds // 3600\n    m = total_seconds {minutes} // 60\n    return f'{{h:02d}}:{{m:02d}}:{{total_seconds % 60:02d}}'\n"
MAJORITY_ASK = "Return the majority element of a list (the value that appears more than len(nums) // 2 times), or None if no such element exists."
MAJORITY = ("def majority_element(nums):\n    candidate, count = None, 0\n    for x in nums:\n        if count == 0:\n            candidate = x\n"
            "        count += 1 if x == candidate else -1\n    return candidate{check}\n")
AGE_ASK = "Write `age_on(birth, today)` that returns a person's age in whole years on a given date. Both arguments are `datetime.date` objects."
AGE = "def age_on(birth, today):\n    return today.year - birth.year{birthday}\n"
ROTATION_ASK = "Write `is_rotation(a, b)` that returns True if string b is a rotation of string a, for example 'waterbottle' and 'erbottlewat'."
ROOT_ASK = "Write `digital_root(n)` that repeatedly sums the decimal digits of a non-negative integer until a single digit remains."
SORTED_ASK = "Write `is_sorted(values)` that returns True when a list is in non-decreasing order; an empty list counts as sorted."
PAGE_ASK = "Write `paginate(items, page, per_page=10)` returning the items of a page, where pages are numbered starting from 1."
PAGE = "def paginate(items, page, per_page=10):\n    start = {start}\n    return items[start:start + per_page]\n"
WEEKDAY = "from datetime import date\n\n\ndef weekday(iso):\n    return date.fromisoformat(iso).strftime('%A')\n\n\nprint(weekday('2024-12-25'))\n"
COMPRESS = "def compress_spaces(text):\n    return ' '.join(text.split({sep}))\n\n\nprint(repr(compress_spaces('  hello    world  ')))  # 'hello world'\n"

DEDUP_ASK = "A Python function that removes duplicates from a list."
CLOCK_ASK = "Write `to_12_hour(time_str)` that converts a 24-hour 'HH:MM' string to 12-hour format such as '9:05 AM'."
CLOCK = "def to_12_hour(time_str):\n    h, m = map(int, time_str.split(':'))\n    suffix = {suffix}\n    return f'{{{shown}}}:{{m:02d}} {{suffix}}'\n"
PHRASES_ASK = "Write `is_anagram(a, b)` that checks whether two phrases are anagrams, ignoring spaces and letter case."
COLLATZ_ASK = "Write `collatz_steps(n)` that returns how many steps it takes for n to reach 1 under the Collatz rule."
COLLATZ = "def collatz_steps(n):\n    steps = 0\n    while n != 1:\n        n = {rule}\n        steps += 1\n    return steps\n"
BOUND_ASK = "Write `lower_bound(items, target)` that returns the first index at which target could be inserted into the sorted list while keeping it sorted."
TEMPERATURE_ASK = "Write `convert(value, from_unit, to_unit)` between Celsius ('C'), Fahrenheit ('F') and Kelvin ('K') in every direction."
TEMPERATURE = ("def convert(value, from_unit, to_unit):\n    celsius = {{'C': lambda v: v, 'F': lambda v: (v - 32) * 5 / 9, 'K': lambda v: v - 273.15}}[from_unit](value)\n"
               "    return {{'C': lambda c: c, 'F': lambda c: c * 9 / 5 + 32, 'K': lambda c: c + {kelvin}}}[to_unit](celsius)\n")
WEEKDAYS_ASK = "Write `working_days(start, end)` that returns the number of weekdays between two 'YYYY-MM-DD' dates, counting both endpoints."
WEEKDAYS = ("from datetime import date, timedelta\n\ndef working_days(start, end):\n    a, b = date.fromisoformat(start), date.fromisoformat(end)\n"
            "    return sum(1 for i in range((b - a).days + 1) if {weekday})\n")
WEEKEND_ASK = 'Write `is_weekend_date(s)` that takes an ISO date string "YYYY-MM-DD" and returns True if the date falls on a Saturday or Sunday, False otherwise.'
WEEKEND = "from datetime import date\n\ndef is_weekend_date(s):\n    return date.fromisoformat(s).weekday() {test}\n"
SPLIT_BILL = "def split_bill(total, people):\n    base, extra = divmod(total, people)\n    return [base + (1 if i < extra else 0) for i in range(people)]\n"
SPLIT_BILL_RESPONSE = "```python\n" + SPLIT_BILL + "```\n\nFor example:\n\n```python\nprint(split_bill(1001, 4))\n```\n\n{lead}\n\n```text\n{shown}\n```\n"
POWER_ASK = "Write `is_power_of_two(n)` that returns True if the integer n is a power of two (1, 2, 4, 8, ...) and False otherwise, including for zero and negative numbers."
INVERSIONS_ASK = "Write `count_inversions(values)` that returns the number of index pairs (i, j) with i < j and values[i] > values[j]."
INVERSIONS = "def count_inversions(values):\n    n = len(values)\n    return sum(1 for i in range(n) for j in range(i + 1, {stop}) if values[i] > values[j])\n"
MATMUL_ASK = "Write `matmul(a, b)` that multiplies two matrices given as lists of lists (a is m x n, b is n x p)."
MATMUL = "def matmul(a, b):\n    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range({columns})] for i in range(len(a))]\n"
COLUMN_ASK = 'Write `column_number(title)` that converts a spreadsheet column title such as "A" or "AB" into its 1-based column number.'
COLUMN = "def column_number(title):\n    n = 0\n    for c in title:\n        n = n * 26 + ord(c) - ord('A'){one}\n    return n\n"
ROOMS_ASK = "Given meetings as (start, end) pairs, write `min_meeting_rooms(intervals)` that returns the minimum number of rooms needed; a meeting ending at t frees its room for one starting at t."
ROOMS = ("import heapq\n\ndef min_meeting_rooms(intervals):\n    ends = []\n    for start, end in sorted(intervals):\n        if ends and ends[0] <= start:\n"
         "            heapq.heapreplace(ends, end)\n        else:\n            heapq.heappush(ends, end)\n    return len(ends)\n")
ROOMS_NEIGHBOURS = ("def min_meeting_rooms(intervals):\n    ordered = sorted(intervals)\n    rooms = 1 if ordered else 0\n"
                    "    for (_, end), (start, _) in zip(ordered, ordered[1:]):\n        rooms += start < end\n    return rooms\n")
WEIGHTED_ASK = "Write `weighted_mean(values, weights)` returning the weighted arithmetic mean of `values`."
EDIT_ASK = "Write `levenshtein(a, b)` that returns the edit distance between two strings (insertions, deletions and substitutions each cost 1)."
EDIT = ("def levenshtein(a, b):\n    row = list(range(len(b) + 1))\n    for i, x in enumerate(a, 1):\n        diagonal, row[0] = row[0], i\n        for j, y in enumerate(b, 1):\n"
        "            diagonal, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, diagonal + {cost})\n    return row[-1]\n")
BRACKETS_ASK = "Write `is_balanced(s)` that returns True if every (), [] and {} bracket in s is properly closed and nested, ignoring other characters."
BRACKETS = ("def is_balanced(s):\n    pairs = {{')': '(', ']': '[', '}}': '{{'}}\n    stack = []\n    for c in s:\n        if c in '([{{':\n            stack.append(c)\n"
            "        elif c in pairs:\n            if not stack{pop}:\n                return False\n{after}    return not stack\n")
CAESAR_ASK = "Write `caesar(text, shift)` that shifts each letter by `shift` places, keeping case and leaving other characters unchanged."
CAESAR = "def caesar(text, shift):\n    out = ''\n    for c in text:\n        if c.isalpha():\n            base = ord('a') if c.islower() else ord('A')\n            out += chr({shifted} + base)\n        else:\n            out += c\n    return out\n"
SUBSEQUENCE_ASK = "Write `is_subsequence(sub, seq)` that returns True if all characters of `sub` appear in `seq` in the same relative order (for example 'ace' is a subsequence of 'abcde')."
VOWELS_ASK = "Write `max_vowels(s, k)` that returns the maximum number of vowels in any substring of `s` of length exactly k."
VOWELS = ("def max_vowels(s, k):\n    count = best = sum(c in 'aeiou' for c in s[:k])\n    for i in range(k, len(s)):\n"
          "        count += (s[i] in 'aeiou') - (s[{left}] in 'aeiou')\n        best = max(best, count)\n    return best\n")
JACCARD_ASK = "Write `jaccard(a, b)`: the Jaccard similarity of the sets of words of two strings (intersection size over union size)."
TRIANGLE_ASK = ("Write `classify(a, b, c)` returning 'equilateral', 'isosceles' or 'scalene', or 'invalid' if the sides cannot form a triangle with positive area "
                "(some side is at least as long as the other two combined).")
TRIANGLE = ("def classify(a, b, c):\n    x, y, z = sorted((a, b, c))\n    if x <= 0 or x + y {flat} z:\n        return 'invalid'\n    if x == z:\n        return 'equilateral'\n"
            "    return 'isosceles' if x == y or y == z else 'scalene'\n")
SENTENCES = "import re\n\ndef split_sentences(text):\n    return re.split(r'(?<=[.!?])\\s+', text.strip())\n\n\nprint(split_sentences('Dr. Smith arrived. No!'))\n# {shown}\n"
COINS_ASK = "Write `min_coins(coins, amount)` returning the fewest coins that make up `amount`."
COINS_GREEDY = "def min_coins(coins, amount):\n    count = 0\n    for c in sorted(coins, reverse=True):\n        count += amount // c\n        amount %= c\n    return count\n"
COINS_DP = ("def min_coins(coins, amount):\n    best = [0] + [float('inf')] * amount\n    for t in range(1, amount + 1):\n        for c in coins:\n            if c <= t:\n"
            "                best[t] = min(best[t], best[t - c] + 1)\n    return best[amount] if best[amount] != float('inf') else -1\n")
OVERLAP_ASK = "Write `count_occurrences(s, sub)` that counts how many times `sub` occurs in `s`, including overlapping occurrences."
ISLANDS_ASK = "Given a grid of '1's (land) and '0's (water), return the number of islands; cells join horizontally or vertically."
ISLANDS = ("def num_islands(grid):\n    seen = set()\n    def sink(r, c):\n        if (r, c) in seen or not (0 <= r < len(grid) and 0 <= c < len(grid[0])) or grid[r][c] != '1':\n            return\n"
           "        seen.add((r, c))\n        for dr, dc in {steps}:\n            sink(r + dr, c + dc)\n    count = 0\n    for r in range(len(grid)):\n        for c in range(len(grid[0])):\n"
           "            if grid[r][c] == '1' and (r, c) not in seen:\n                sink(r, c)\n                count += 1\n    return count\n")
PRIMALITY = "import math\n\ndef is_prime(n):\n    if n < 2:\n        return False\n    return all(n % d for d in range(2, math.isqrt(n){end}))\n"
UNREPEATED_ASK = "Return the length of the longest substring without repeating characters."
UNREPEATED = ("def longest(s):\n    seen, start, best = {{}}, 0, 0\n    for i, c in enumerate(s):\n        if c in seen{guard}:\n            start = seen[c] + 1\n"
              "        seen[c] = i\n        best = max(best, i - start + 1)\n    return best\n")
IPV4_ASK = "Write `is_valid_ipv4(ip)` that returns True if the string is a valid IPv4 address."
IPV4 = "def is_valid_ipv4(ip):\n    parts = ip.split('.')\n    return len(parts) == 4 and all(p.isdigit() and {bound} for p in parts)\n"
PROFIT_ASK = "Given daily prices, return the maximum profit from buying once and selling once later (0 if none)."
PROFIT = "def max_profit(prices):\n    best, low = 0, {low}\n    for p in prices:\n        low = min(low, p)\n        best = max(best, p - low)\n    return best\n"
FRIDAY = "from datetime import date, timedelta\n\ndef next_friday(d):\n    return d + timedelta(days=(4 - d.weekday()) % 7)\n\n\nprint(next_friday(date(2024, 3, 15)))  # -> {shown}\n"
TABLE = ("def table(rows):\n    width = max(len(str(r[0])) for r in rows)\n    return '\\n'.join(f'{str(a).ljust(width)} | {b}' for a, b in rows)\n\n\n"
         "print(table([('apple', 3), ('watermelon', 1)]))\n")
TABLE_RESPONSE = "```python\n" + TABLE.replace("{", "{{").replace("}", "}}") + "```\n\nOutput:\n\n```\n{shown}\n```\n"
STREAK_ASK = "Write `longest_rising_streak(prices)` that returns the length of the longest run of consecutive days on which each price is strictly higher than the previous day's."
STREAK = ("def longest_rising_streak(prices):\n    best, current = {start}, 1\n    for a, b in zip(prices, prices[1:]):\n        current = current + 1 if b > a else 1\n"
          "        best = max(best, current)\n    return best if prices else 0\n")
FLATTEN_ASK = 'Write `flatten_json(text)` that parses a JSON object string and returns a flat dict of dotted paths, e.g. {"a": {"b": 1}} -> {"a.b": 1}.'
FLATTEN = ("import json\n\ndef flatten_json(text):\n    flat = {}\n    def walk(value, path):\n        if isinstance(value, dict):\n            for k, v in value.items():\n"
           "                walk(v, f'{path}{sep}{k}' if path else k)\n        else:\n            flat[path] = value\n    walk(json.loads(text), '')\n    return flat\n")
MEAN_ASK = "Write `mean(values)` that returns the arithmetic mean of a list of numbers, and raises ValueError for an empty list."
MEAN = "def mean(values):\n    if not values:\n        {empty}\n    return sum(values) / len(values)\n\n\nassert mean([1, 2, 3]) == 2\n"
CHUNKS_ASK = "Write `chunks(items, size)` that splits a list into consecutive lists of `size` items (the last may be shorter); raise ValueError if `size` is less than 1."
CHUNKS = ("def chunks(items, size):\n    if {check}:\n        raise ValueError('size must be at least 1')\n    out = []\n    while items and size > 0:\n        out.append(items[:size])\n        items = items[size:]\n"
          "    return out\n\n\nassert chunks([1, 2, 3], 2) == [[1, 2], [3]]\n")
COUNTDOWN_ASK = "Write a generator `countdown(n)` that yields n, n-1, ..., 1, raising ValueError if n is negative."
COUNTDOWN = "def countdown(n):\n    if {check}:\n        raise ValueError(n)\n    while n > 0:\n        yield n\n        n -= 1\n\n\nassert list(countdown(3)) == [3, 2, 1]\n"
BMI_ASK = "Write `bmi(weight, height)` that returns the body-mass index rounded to one decimal place, raising ValueError if either argument is not positive."
BMI = "def bmi(weight, height):\n    if {check}:\n        raise ValueError('must be positive')\n    return round(weight / height ** 2, 1) if height else 0.0\n\n\nassert bmi(70, 1.75) == 22.9\n"
QUEUE_ASK = "Write a `Queue` class with `enqueue(item)`, `dequeue()` and `__len__`; `dequeue()` on an empty queue raises `IndexError`."
QUEUE = ("from collections import deque\n\n\nclass Queue:\n    def __init__(self):\n        self._items = deque()\n\n    def enqueue(self, item):\n        self._items.append(item)\n\n"
         "    def dequeue(self):\n        if not self._items:\n            {empty}\n        return self._items.popleft()\n\n    def __len__(self):\n        return len(self._items)\n")
SIZE_ASK = 'Write `parse_size(text)` that converts a human-readable size such as "512", "10KB" or "1.5 MB" into a number of bytes (1 KB = 1024 bytes).'
SIZE = ("import re\n\nUNITS = {{'': 1, 'B': 1, 'KB': 1024, 'MB': 1024 ** 2, 'GB': 1024 ** 3}}\n\n\ndef parse_size(text):\n    m = re.fullmatch(r'\\s*([\\d.]+)\\s*([A-Za-z]*)\\s*', text)\n"
        "    return int({number}(m.group(1)) * UNITS[m.group(2).upper()])\n\n\nassert parse_size('10KB') == 10240\n")
BAR = "def bar(done, total, width=20):\n    filled = int(done / total * width)\n    return f\"[{'#' * filled}{'.' * (width - filled)}] {done / total:.0%}\"\n\n\nprint(bar(3, 8))\n"
BAR_RESPONSE = "```python\n" + BAR + "```\n\nOutput:\n\n```text\nSHOWN\n```\n"
DUPLICATE_EMAILS_ASK = "Write `duplicate_emails(emails)` returning the sorted addresses that occur more than once, compared case-insensitively, lowercased."
DUPLICATE_EMAILS = ("from collections import Counter\n\n\ndef duplicate_emails(emails):\n    counts = Counter({key} for email in emails)\n"
                    "    return sorted(email.lower() for email, n in counts.items() if n > 1)\n\n\n"
                    "signups = ['ann@shop.io', 'bob@shop.io', 'ann@shop.io', 'bob@shop.io', 'cy@shop.io']\nassert duplicate_emails(signups) == ['ann@shop.io', 'bob@shop.io']\n")
UNIQUE_TAGS_ASK = "Write `unique_tags(tags)` that drops repeated tags, comparing them case-insensitively and keeping the first spelling."
UNIQUE_TAGS = ("def unique_tags(tags):\n    seen, out = set(), []\n    for tag in tags:\n        if tag.lower() not in seen:\n            seen.add(tag.lower())\n            out.append(tag)\n    return out\n\n\n"
               "assert unique_tags(['Python', 'python', 'Rust']) == ['Python', 'Rust']\n")
SCORES_ASK = "Write `best(records)`: records are dicts like {\"name\": \"Ann\", \"score\": 3}; names are case-insensitive; return the name with the highest total."
SCORES = ("def best(records):\n    totals = {}\n    for r in records:\n        totals[r['name'].lower()] = totals.get(r['name'].lower(), 0) + r.get('score', 0)\n    return max(totals, key=totals.get)\n\n\n"
          "assert best([{'name': 'Ann', 'score': 3}, {'name': 'bo', 'score': 2}, {'name': 'ann', 'score': 1}]) == 'ann'\n")
DISCOUNT_ASK = "Write `apply_discount(subtotal, code, codes)`; code lookup is case-insensitive (codes are stored uppercase)."
DISCOUNT = ("def apply_discount(subtotal, code, codes):\n    promo = codes.get(code.upper())\n    if promo is None:\n        return subtotal\n"
            "    return subtotal * 0.9 if promo['type'] == 'percent' else subtotal - promo['value']\n\n\n"
            "assert apply_discount(80, 'save10', {'SAVE10': {'type': 'percent', 'value': 10}}) == 72\n")
RANGES_ASK = ("Merge overlapping booking ranges. Input: a list of (start, end) integer tuples, possibly unsorted. Output: a sorted list of merged ranges. "
              "Ranges that merely touch (end == next start) should be merged as well.")
RANGES = ("def merge_ranges(ranges):\n    merged = []\n    for start, end in sorted(ranges):\n        if merged and start <= merged[-1][1]:\n"
          "            merged[-1] = (merged[-1][0], {end})\n        else:\n            merged.append((start, end))\n    return merged\n\n\n"
          "assert merge_ranges([(5, 8), (1, 3), (2, 4)]) == [(1, 4), (5, 8)]\n")
VAT_ASK = "Write `vat_split(gross, rate)` that splits a VAT-inclusive gross price into `(net, vat)` for a rate such as 0.2 (20%), both rounded to 2 decimals."
VAT = "def vat_split(gross, rate):\n    vat = {vat}\n    return round(gross - vat, 2), vat\n\n\nassert vat_split(0, 0.2) == (0.0, 0.0)\n"
COMPOUND_ASK = ("Compute the future value of a savings deposit with monthly compounding. Inputs: principal, annual rate as a decimal (e.g. 0.05), "
                "and number of years. Round to 2 decimals.")
COMPOUND = "def future_value(principal, annual_rate, years):\n    return round(principal * (1 + annual_rate / 12) ** ({periods}), 2)\n\n\nassert future_value(1000, 0, 5) == 1000.0\n"
STOCK_ASK = ("Write `remove_stock(stock, sku, qty)` that subtracts qty from stock[sku] in place and returns the new quantity. "
             "Raise ValueError if qty is negative or if there isn't enough stock.")
STOCK = ("def remove_stock(stock, sku, qty):\n    available = stock[sku]\n    if {check}:\n        raise ValueError(sku)\n    stock[sku] = available - qty\n"
         "    return stock[sku]\n\n\nstock = {{'A': 10}}\nassert remove_stock(stock, 'A', 3) == 7\n")
REPEATS_ASK = "Write `duplicate_invoices(numbers)` that returns the invoice numbers that occur more than once in the list, each reported once, in order of first appearance."
REPEATS = ("def duplicate_invoices(numbers):\n    seen, result = set(), []\n    for number in numbers:\n        if number {keep}:\n            result.append(number)\n"
           "        seen.add(number)\n    return result\n")
INI = ("import configparser\n\n\ndef load_server_settings(ini_text):\n    parser = configparser.ConfigParser()\n    parser.read_string(ini_text)\n    section = 'server'\n"
       "    return parser.get(section, 'host'), parser.getint(section, 'port'), {timeout}\n")
INI_RESPONSE = "```python\n" + INI + "```\n\nExample:\n\n```python\nconfig = '[server]\\nhost = 0.0.0.0\\nport = 8080\\n'\nprint(load_server_settings(config))\n```\n"
CLOCK_MINUTES_ASK = "Convert a 12-hour clock string like '9:05 AM' or '12:30 PM' into minutes after midnight."
CLOCK_MINUTES = ("def to_minutes(clock):\n    time_part, meridiem = clock.split()\n    hours, minutes = (int(x) for x in time_part.split(':')){fix}\n"
                 "    if meridiem.upper() == 'PM':\n        hours += 12\n    return hours * 60 + minutes\n\n\nassert to_minutes('9:05 AM') == 545\n")
NIGHTS_ASK = "Hotel booking form: write `nights_between(check_in, check_out)` taking 'YYYY-MM-DD' strings and returning the number of nights in the stay."
NIGHTS = ("from datetime import date\n\n\ndef nights_between(check_in, check_out):\n"
          "    return (date.fromisoformat(check_out) - date.fromisoformat(check_in)).days{extra}\n")
MONEY_ASK = "Format an amount of money for invoices: thousands separators, exactly two decimals, halves rounded away from zero (2.675 -> '2.68', 0.125 -> '0.13')."
MONEY = ("from decimal import Decimal, {rounding}\n\n\ndef format_money(amount, symbol='$'):\n"
         "    value = Decimal(str(amount)).quantize(Decimal('0.01'), rounding={rounding})\n    sign = '-' if value < 0 else ''\n"
         "    return f'{{sign}}{{symbol}}{{abs(value):,.2f}}'\n")
LUHN_ASK = "Validate credit card numbers with the Luhn checksum. The input is a string of digits that may contain spaces."
LUHN = ("def luhn_valid(card):\n    digits = card.replace(' ', '')\n    if not digits.isdigit():\n        return False\n    total = 0\n"
        "    for i, ch in enumerate({digits}):\n        d = int(ch)\n        if {pick}:\n            d = d * 2 - 9 if d * 2 > 9 else d * 2\n        total += d\n"
        "    return total % 10 == 0\n\n\nassert luhn_valid('4111 1111 1111 1111')\n")
DRAWDOWN_ASK = "Write `max_drawdown(prices)` returning the largest peak-to-trough decline as a percentage of the peak, rounded to 2 decimals; 0.0 if the price never falls."
DRAWDOWN_GLOBAL = ("def max_drawdown(prices):\n    if not prices:\n        return 0.0\n    i = prices.index(max(prices))\n"
                   "    return round((prices[i] - min(prices[i:])) / prices[i] * 100, 2)\n")
DRAWDOWN = ("def max_drawdown(prices):\n    peak, worst = None, 0.0\n    for p in prices:\n        peak = p if peak is None or p > peak else peak\n"
            "        worst = max(worst, (peak - p) / peak * 100)\n    return round(worst, 2)\n")
CAGR_ASK = "Given a list of yearly revenue figures (oldest first), compute the compound annual growth rate from the first year to the last, as a percentage rounded to 2 decimals."
CAGR = "def growth_rate(r):\n    return {body}\n"
TO_24H_ASK = "Convert a 12-hour clock time like '07:45 PM' into 24-hour 'HH:MM' format. AM/PM may be upper or lower case."
TO_24H = ("def to_24h(text):\n    clock, period = text.split()\n    h, m = map(int, clock.split(':')){fix}\n    if period.upper() == 'PM':\n        h += 12\n"
          "    return f'{{h:02d}}:{{m:02d}}'\n")
WMA_ASK = ("Write a function computing a linearly weighted moving average (WMA) over a window of n prices: in each window the most recent price gets weight n, "
           "the one before it n-1, and so on down to 1. Return one value per complete window.")
WMA_EXPONENTIAL = ("def weighted_moving_average(prices, n):\n    alpha = 2 / (n + 1)\n    out = [prices[0]]\n    for p in prices[1:]:\n"
                   "        out.append(alpha * p + (1 - alpha) * out[-1])\n    return out\n")
WMA = ("def weighted_moving_average(prices, n):\n    total = n * (n + 1) / 2\n"
       "    return [sum(w * p for w, p in zip(range(1, n + 1), prices[i:i + n])) / total for i in range(len(prices) - n + 1)]\n")
COMPOUNDED_ASK = ("Compute the balance of a savings account after `years` years with interest compounded `n` times a year (default monthly). "
                  "The rate is given as a decimal, e.g. 0.05 for 5%. Round to cents.")
COMPOUNDED = "def savings_balance(principal, rate, years, n=12):\n    return round({body}, 2)\n"
EDIT_NAMED_ASK = "Write `edit_distance(a, b)` giving the minimum number of single-character insertions, deletions or substitutions needed to turn `a` into `b`."
EDIT_LCS = ("def edit_distance(a, b):\n    prev = [0] * (len(b) + 1)\n    for ch in a:\n        cur = [0]\n        for j, other in enumerate(b, 1):\n"
            "            cur.append(prev[j - 1] + 1 if ch == other else max(prev[j], cur[j - 1]))\n        prev = cur\n    return len(a) + len(b) - 2 * prev[-1]\n")

DAY_TOTAL = "def day_total(fares):\n    total = 0.0\n    for fare in fares:\n        total += fare\n    return total\n\n\nprint(day_total([2.40, 2.40, 2.40]))\n"
DAY_TOTAL_RESPONSE = "```python\n" + DAY_TOTAL + "```\n\nOutput:\n\n```text\n{shown}\n```\n"
CAUSES = ("from collections import Counter\n\n\ndef outage_causes(records):\n    return dict(Counter(r['cause'] for r in records).most_common())\n\n\n"
          "print(outage_causes([{'cause': c} for c in ['tree', 'animal', 'tree', 'cable']]))\n")
CAUSES_RESPONSE = "```python\n" + CAUSES.replace("{", "{{").replace("}", "}}") + "```\n\nOutput:\n\n```text\n{shown}\n```\n"
TAGS = "def tags(tickets):\n    return {t.lower() for t in tickets}\n\n\nprint('Tags:', tags(['Urgent', 'billing', 'METER', 'urgent']))\n"
TAGS_RESPONSE = "```python\n" + TAGS.replace("{", "{{").replace("}", "}}") + "```\n\nOutput:\n\n```text\n{shown}\n```\n"

RATE_ASK = "Format a room rate as a US-dollar string with thousands separators and exactly two decimals, e.g. 1234.5 -> '$1,234.50'."
RATE = "def format_rate(amount: float) -> str:\n    sign = '-' if amount < 0 else ''\n    return f'{{sign}}${{abs(amount):{spec}}}'\n"
FLOORS_ASK = "Group hotel room numbers by floor. The floor is the room number without its last two digits (305 -> 3, 1204 -> 12)."
FLOORS = ("def rooms_by_floor(rooms: list[int]) -> dict[int, list[int]]:\n    floors = {}\n    for room in sorted(rooms):\n"
          "        floors.setdefault(room // 100, []).append(room)\n    return floors\n")
FLOORS_ONE = "def floor_of(room: int) -> int:\n    return {body}\n"
TOP_WORDS_ASK = "Find the n most common words in a text, case-insensitively, ignoring a given set of stop words."
TOP_WORDS = ("import re\nfrom collections import Counter\n\ndef top_words(text, n, stop_words):\n    words = re.findall(r\"[A-Za-z']+\", {text})\n"
             "    counts = Counter(w for w in words if w.lower() not in stop_words)\n    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:n]\n\n\n"
             "print(top_words('The wing holds maps, and the maps are old. Old maps, new wing.', 3, {{'the', 'a', 'and', 'are'}}))\n")

MONTHS_ASK = "I need the number of complete months between a policy's start date and a claim date. Write `complete_months(start, end)`."
MONTHS = "def complete_months(start, end):\n    months = (end.year - start.year) * 12 + (end.month - start.month){fix}\n    return max(months, 0)\n"

REPORT = "from collections import Counter\n\n\ndef word_report(text, n=3):\n    for word, count in Counter(text.lower().split()).most_common(n):\n        print(f'{word}: {count}')\n"
REPORT_RESPONSE = "```python\n" + REPORT.replace("{", "{{").replace("}", "}}") + "```\n\nExample:\n\n```python\nword_report('rye wheat spelt rye Wheat oat spelt rye')\n```\n\nThis prints:\n\n```text\n{shown}\n```\n"
TEASER = "import textwrap\n\n\ndef teaser(text, width=20):\n    return textwrap.shorten(text, width=width)\n"
TEASER_RESPONSE = ('`textwrap.shorten` cuts at word boundaries and ends with " [...]".\n\n```python\n' + TEASER + "```\n\n```python\n"
                   "print(teaser('Our famous cinnamon rolls'))\nprint(teaser('Rye   bread'))\n```\n\nOutput:\n\n```text\n{shown}\n```\n")
PICKUP_ASK = 'Pickup slots are exported as strings like "2024-03-15 07:30". Write `parse_pickup(stamp: str)` that returns the minutes after midnight.'
PICKUP = "from datetime import datetime\n\n\ndef parse_pickup(stamp: str) -> int:\n    moment = datetime.strptime(stamp, '%Y-%m-%d %H:%M{seconds}')\n    return moment.hour * 60 + moment.minute\n"

HOLIDAY = "from datetime import date\n\n\ndef holiday_length(last_day, first_back):\n    return (first_back - last_day).days{minus}\n"
HOLIDAY_RESPONSE = "```python\n" + HOLIDAY + "```\n\nUsage:\n\n```python\nholiday_length(date(2024, 10, 25), date(2024, 11, 4))  # -> 9\n```\n"

ACCESS_ASK = ('Parse "common log format" lines such as\n\n```\n127.0.0.1 - - [10/Oct/2023:13:55:36 +0000] "GET /index.html HTTP/1.1" 200 2326\n```\n\n'
              "Write `parse_access(line: str) -> tuple[str, int, int]` returning `(path, status, size)`.")
ACCESS = "def parse_access(line: str) -> tuple[str, int, int]:\n    parts = line.split()\n    return parts[{path}], int(parts[{path} + 2]), int(parts[{path} + 3])\n"
MINUTES_ASK = 'Telematics events carry ISO 8601 timestamps like `"2024-05-01T14:30"`. Write `minutes_between(t1: str, t2: str) -> int`: the minutes from t1 to t2.'
MINUTES = ("from datetime import datetime\n\n\ndef minutes_between(t1: str, t2: str) -> int:\n    a, b = datetime.strptime(t1, '{fmt}'), datetime.strptime(t2, '{fmt}')\n"
           "    return int((b - a).total_seconds() // 60)\n")
COARSE_ASK = 'Write `coarse(seconds: float) -> str` in the largest of the units s, min, h, w that fits, e.g. `5400` -> `"1.5 h"` and `1209600` -> `"2.0 w"`.'
COARSE = ("UNITS = [('s', 1), ('min', 60), ('h', 3600), ('w', 604800)]\n\n\ndef coarse(seconds: float) -> str:\n    i = 0\n"
          "    while i < len(UNITS){guard} and seconds >= UNITS[i + 1][1]:\n        i += 1\n    name, size = UNITS[i]\n    return f'{{seconds / size:.1f}} {{name}}'\n")
SPENT_ASK = 'Our bank exports one transaction per line in the form `"2024-03-01;Rent;1200.00"`. Write `total_spent(lines: list[str]) -> Decimal`: the sum of the amounts.'
SPENT = "from decimal import Decimal\n\n\ndef total_spent(lines: list[str]) -> Decimal:\n    return sum((Decimal(line.split('{sep}')[2]) for line in lines if line.strip()), Decimal(0))\n"
PRIMES_ASK = "Write `sum_primes_up_to(n: int) -> int`: the sum of all primes up to n, with a Sieve of Eratosthenes."
PRIMES = ("def sum_primes_up_to(n: int) -> int:\n    if n < 2:\n        return 0\n    sieve = [True] * (n + 1)\n    sieve[0] = sieve[1] = False\n"
          "    for i in range(2, int(n ** 0.5){plus}):\n        if sieve[i]:\n            for j in range(i * i, n + 1, i):\n                sieve[j] = False\n"
          "    return sum(i for i, p in enumerate(sieve) if p)\n")
PALINDROME_ASK = "Write `next_palindrome(n: int) -> int` returning the smallest palindromic number strictly greater than n (n >= 0)."
NEXT_PALINDROME = "def next_palindrome(n: int) -> int:\n    candidate = n{step}\n    while str(candidate) != str(candidate)[::-1]:\n        candidate += 1\n    return candidate\n"
ISSN_ASK = "An ISSN has the form `NNNN-NNNC`. Write `is_valid_issn(issn: str) -> bool`: weights 8 down to 2 over the seven digits, check `(11 - sum % 11) % 11`, `X` for 10."
ISSN = ("import re\n\n\ndef is_valid_issn(issn: str) -> bool:\n    if not re.fullmatch(r'\\d{{4}}-\\d{{3}}[\\dX]', issn):\n        return False\n"
        "    digits = issn.replace('-', '')\n    check = (11 - sum(int(d) * w for d, w in zip(digits[:7], range({top}, {end}, -1))) % 11) % 11\n"
        "    return digits[7] == ('X' if check == 10 else str(check))\n")
INSPECTION = "from datetime import date, timedelta\n\n\ndef inspection_due(last: date, days: int = 180) -> date:\n    return last + timedelta(days=days)\n"
INSPECTION_RESPONSE = "```python\n" + INSPECTION + "```\n\n```python\ninspection_due(date(2024, 1, 31))  # -> datetime.date(2024, 7, {day})\n```\n"
NIGHTS_OUT = "from datetime import date\n\n\ndef game_nights(year: int, month: int) -> list[date]:\n    return [date(year, month, 8), date(year, month, 22)]\n"
NIGHTS_OUT_RESPONSE = "```python\n" + NIGHTS_OUT + "```\n\n```python\ngame_nights(2024, 3)  # -> [date(2024, 3, 8), date(2024, 3, {day})]\n```\n"
GRADES = "from collections import Counter\n\n\ndef grade_counts(grades):\n    return Counter(g.strip().upper() for g in grades)\n"
GRADES_RESPONSE = "```python\n" + GRADES + "```\n\nExample:\n\n```python\nprint(grade_counts(['B', 'a', 'C', 'b', 'A ', 'b']))\n```\n\nOutput:\n\n```\n{shown}\n```\n"
# b205-078: "`banned` is a list of lowercase single words": the probe re-cases the text, not the banned words.
BANNED_ASK = ("Write `flag_description(text, banned)` that returns the sorted banned words that appear in the text as whole words, "
              "case-insensitively. `banned` is a list of lowercase single words.")
BANNED = ("import re\n\n\ndef flag_description(text, banned):\n    words = set(re.findall(r'[a-z0-9]+', {text}))\n    return sorted(words & set(banned))\n\n\n"
          "assert flag_description('Blue rucksack, camping GAS canister', ['gas', 'knife']) == ['gas']\n")
# b206-069: a JSON document given as text keeps its keys' case; "compare case-insensitively" is about the status values.
BOATS_ASK = "Write `available_boats(json_text)` returning the names of boats with status `\"available\"` (compare case-insensitively)."
BOATS = ("import json\n\n\ndef available_boats(json_text):\n    return [b['name'] for b in json.loads(json_text) if b['status'].lower() == 'available']\n\n\n"
         "assert available_boats('[{\"name\": \"Wayfarer\", \"status\": \"Available\"}]') == ['Wayfarer']\n")
# b208-072: "print(loyalty_points(...))  # Tuesday" of a function that returns an int: a note on the input, not its output.
POINTS = ("from datetime import date\n\n\ndef loyalty_points(amount: int, visit_day: date) -> int:\n    return amount * (2 if visit_day.weekday() == 1 else 1)\n\n\n"
          "print(loyalty_points(37, date(2024, 6, 11)))  # {note}\n")
ROWS = {
    # (code, response, instruction): expected exec_status
    # what the answer's prose says a call returns, and a usage block's comment claims (blind16)
    "prose claim wrong": ((PALINDROME.format(rev="w.reverse()"), PALINDROME_PROSE.format(rev="w.reverse()"), ""), "failed"),
    "prose claim right": ((PALINDROME.format(rev="w[::-1]"), PALINDROME_PROSE.format(rev="w[::-1]"), ""), "passed"),
    "a bare pair in prose may be another function's": ((CAPITALIZE, "`str.title()` gives (\"don't\" -> \"Don'T\"), so:\n\n```python\n" + CAPITALIZE + "```\n", ""), "no_tests"),
    "usage block claim wrong": ((TOTAL.format(loop="name, price in prices"), TOTAL_RESPONSE.format(loop="name, price in prices"), ""), "failed"),
    "a usage block's printed output wrong (blind22)": ((SPLIT_BILL, SPLIT_BILL_RESPONSE.format(lead="Output:", shown="[250, 250, 250, 251]"), ""), "failed"),
    "a usage block's printed output right": ((SPLIT_BILL, SPLIT_BILL_RESPONSE.format(lead="Prints:", shown="[251, 250, 250, 250]"), ""), "passed"),
    "a usage block's output that can vary is not judged": (("def roll():\n    return 4\n",  # id() differs from run to run
                                                            "```python\ndef roll():\n    return 4\n```\n\n```python\nprint(roll(), id(roll) < 0)\n```\n\nOutput:\n\n```\n4 True\n```\n", ""), "no_tests"),
    "usage block claim right": ((TOTAL.format(loop="price in prices.values()"), TOTAL_RESPONSE.format(loop="price in prices.values()"), ""), "passed"),
    "noon and midnight on the 12-hour clock (blind33)": ((CLOCK_MINUTES.format(fix=""), "", CLOCK_MINUTES_ASK), "failed"),
    "noon and midnight read": ((CLOCK_MINUTES.format(fix="\n    hours %= 12"), "", CLOCK_MINUTES_ASK), "passed"),
    "the check-out day counted as a night (blind34)": ((NIGHTS.format(extra=" + 1"), "", NIGHTS_ASK), "failed"),
    "the nights of a stay": ((NIGHTS.format(extra=""), "", NIGHTS_ASK), "passed"),
    "an example that leaves out the currency symbol the formatter adds (blind35)": ((MONEY.format(rounding="ROUND_HALF_UP"), "", MONEY_ASK), "passed"),
    "an example that leaves out the symbol, rounded the wrong way": ((MONEY.format(rounding="ROUND_HALF_EVEN"), "", MONEY_ASK), "failed"),
    "a Luhn check doubling from the left (blind35)": ((LUHN.format(pick="i % 2 == 0", digits="digits"), "", LUHN_ASK), "failed"),
    "a Luhn check doubling every second digit from the right": ((LUHN.format(pick="i % 2 == 1", digits="digits[::-1]"), "", LUHN_ASK), "passed"),
    "drawdown from the highest price only (blind37)": ((DRAWDOWN_GLOBAL, "", DRAWDOWN_ASK), "failed"),
    "drawdown from every running peak": ((DRAWDOWN, "", DRAWDOWN_ASK), "passed"),
    "the mean of yearly changes for a compound rate (blind37)": ((CAGR.format(body="round(sum((b - a) / a for a, b in zip(r, r[1:])) / (len(r) - 1) * 100, 2)"), "", CAGR_ASK), "failed"),
    "a compound annual growth rate": ((CAGR.format(body="round(((r[-1] / r[0]) ** (1 / (len(r) - 1)) - 1) * 100, 2)"), "", CAGR_ASK), "passed"),
    "12 AM left at 12 on the 24-hour clock (blind37)": ((TO_24H.format(fix=""), "", TO_24H_ASK), "failed"),
    "12 AM as 00 on the 24-hour clock": ((TO_24H.format(fix="\n    h %= 12"), "", TO_24H_ASK), "passed"),
    "an exponential average for a linearly weighted one (blind37)": ((WMA_EXPONENTIAL, "", WMA_ASK), "failed"),
    "a linearly weighted moving average": ((WMA, "", WMA_ASK), "passed"),
    "interest compounded as simple interest on the effective rate (blind37)": ((COMPOUNDED.format(body="principal * (1 + ((1 + rate / n) ** n - 1) * years)"), "", COMPOUNDED_ASK), "failed"),
    "interest compounded n times a year": ((COMPOUNDED.format(body="principal * (1 + rate / n) ** (n * years)"), "", COMPOUNDED_ASK), "passed"),
    "an edit distance that is the longest common subsequence's (blind36)": ((EDIT_LCS, "", EDIT_NAMED_ASK), "failed"),
    "an edit distance the instruction names only by its function": ((EDIT.format(cost="(x != y)").replace("def levenshtein", "def edit_distance"), "", EDIT_NAMED_ASK), "passed"),
    "a usage block's state is not judged (the block still runs)": ((COUNTER, "```python\n" + COUNTER + "```\n\n```python\nbump()\nbump()\nprint(calls)  # 2\nprint(bump())  # 9\n```\n", ""), "passed"),
    "a usage block with no output shown that raises (blind33)": ((INI.format(timeout="parser.getint(section, 'timeout')"), INI_RESPONSE.format(timeout="parser.getint(section, 'timeout')"), ""), "failed"),
    "a usage block with no output shown that runs": ((INI.format(timeout="parser.getint(section, 'timeout', fallback=30)"), INI_RESPONSE.format(timeout="parser.getint(section, 'timeout', fallback=30)"), ""), "passed"),
    "a usage block that reads a file is not run": (("import json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n",
                                                    "```python\nimport json\n\ndef load(path):\n    with open(path) as f:\n        return json.load(f)\n```\n\n```python\nprint(load('settings.json'))\n```\n", ""), "no_tests"),
    "comment claim wrong": ((FACTORIAL.format(stop="n"), "", ""), "failed"),
    "comment claim right": ((FACTORIAL.format(stop="n + 1"), "", ""), "passed"),
    "main guard claim wrong": (("def sq(x):\n    return x + x\n\nif __name__ == '__main__':\n    print(sq(3))  # 9\n", "", ""), "failed"),
    "bare claim of a list": (("def fib(n):\n    a, b, out = 1, 1, []\n    for _ in range(n):\n        out.append(a)\n        a, b = b, a + b\n    return out\n\nprint(fib(5))  # [0, 1, 1, 2, 3]\n", "", ""), "failed"),
    "claims shown as a float, a set, a string": ((
        "def third(x):\n    return x / 3\n\nprint(third(1))  # Output: 0.33\nthird(2)  # -> 0.67\n"
        "print(set('abba'))  # Output: {'b', 'a'}\nprint('hello'[::-1])  # Output: olleh\n'ab'[::-1]  # returns 'ba'\n", "", ""), "passed"),
    "an object of the code's class is not judged by its text": (("from dataclasses import dataclass\n\n@dataclass\nclass P:\n    x: int\n    y: int\n\nprint(P(1, 2))  # Output: P(1, 2)\n", "", ""), "passed"),
    "a claim that is no value is not judged": (("def primes(n):\n    return [2, 3]\n\nprint(primes(5))  # Output: a list of primes\n", "", ""), "no_tests"),
    "a claimed die roll is not judged": (("import random\n\ndef roll():\n    return random.randint(1, 6)\n\nprint(roll())  # Output: 4\n", "", ""), "no_tests"),
    "session in prose wrong": ((FIND_MAX.format(start="0"), SESSION.format(code=FIND_MAX.format(start="0")), ""), "failed"),
    "session in prose right": ((FIND_MAX.format(start="values[0]"), SESSION.format(code=FIND_MAX.format(start="values[0]")).replace("TypeError: empty", "IndexError: list index out of range"), ""), "passed"),
    "doctest in a docstring wrong": ((DOUBLE.format(factor=3), "", ""), "failed"),
    "doctest in a docstring right": ((DOUBLE.format(factor=2), "", ""), "passed"),
    "session on names it never defines": (("def f(x):\n    return x\n", "```python\ndef f(x):\n    return x\n```\n>>> from solution import f\n>>> f(data)\n3\n", ""), "passed"),
    "instruction example wrong": (("def to_binary(n):\n    return bin(n)[2:]\n", "", "Convert an integer to binary; negatives get a '-' prefix, e.g. -5 -> '-101'."), "failed"),
    "instruction example right": (("def to_binary(n):\n    return ('-' if n < 0 else '') + bin(abs(n))[2:]\n", "", "Convert an integer to binary; negatives get a '-' prefix, e.g. -5 -> '-101'."), "passed"),
    "instruction call examples wrong": (("def gcd(a, b):\n    return 1 if (a, b) != (12, 18) else 6\n", "", "Compute the gcd, e.g. gcd(12, 18) is 6 and gcd(8, 12) is 4."), "failed"),
    "output block wrong": ((REVERSE.format(body="sentence[::-1]"), OUTPUT_BLOCK.format(code=REVERSE.format(body="sentence[::-1]")), ""), "failed"),
    "output block right": ((REVERSE.format(body="' '.join(sentence.split()[::-1])"), OUTPUT_BLOCK.format(code=REVERSE.format(body="' '.join(sentence.split()[::-1])")), ""), "passed"),
    "output block after 'Running this prints:' wrong": ((REVERSE.format(body="sentence[::-1]"), OUTPUT_BLOCK.format(code=REVERSE.format(body="sentence[::-1]")).replace("Output:", "Running this prints:"), ""), "failed"),
    "output block after 'Running this prints:' right": ((REVERSE.format(body="' '.join(sentence.split()[::-1])"), OUTPUT_BLOCK.format(code=REVERSE.format(body="' '.join(sentence.split()[::-1])")).replace("Output:", "Running this prints:"), ""), "passed"),
    "a quoted repr claimed in a comment, wrong": ((COMPRESS.format(sep="' '"), "", ""), "failed"),
    "a quoted repr claimed in a comment, right": ((COMPRESS.format(sep=""), "", ""), "passed"),
    "an output block that rounds the float the code prints (blind45)": ((DAY_TOTAL, DAY_TOTAL_RESPONSE.format(shown="7.2"), ""), "failed"),
    "an output block that shows the float as printed": ((DAY_TOTAL, DAY_TOTAL_RESPONSE.format(shown="7.199999999999999"), ""), "passed"),
    "an output block with dict items in another order (blind41)": ((CAUSES, CAUSES_RESPONSE.format(shown="{'tree': 2, 'cable': 1, 'animal': 1}"), ""), "failed"),
    "an output block with dict items in the code's order": ((CAUSES, CAUSES_RESPONSE.format(shown="{'tree': 2, 'animal': 1, 'cable': 1}"), ""), "passed"),
    "an output block with a set of strings in any order": ((TAGS, TAGS_RESPONSE.format(shown="Tags: {'urgent', 'billing', 'meter'}"), ""), "passed"),
    "an output block with a set of strings missing one": ((TAGS, TAGS_RESPONSE.format(shown="Tags: {'urgent', 'billing', 'meters'}"), ""), "failed"),
    "an example that shows the currency symbol the formatter adds (blind49)": ((RATE.format(spec=",.2f"), "", RATE_ASK), "passed"),
    "an example that shows the symbol, answered without the thousands separator": ((RATE.format(spec=".2f"), "", RATE_ASK), "failed"),
    "a rule's example of one number, for a function of a list of them (blind49)": ((FLOORS, "", FLOORS_ASK), "no_tests"),
    "a rule's example run on a function of one number": ((FLOORS_ONE.format(body="room // 100"), "", FLOORS_ASK), "passed"),
    "a rule's example run on a function of one number, wrong": ((FLOORS_ONE.format(body="room // 10"), "", FLOORS_ASK), "failed"),
    "a set of stop words is not re-cased (blind47)": ((TOP_WORDS.format(text="text.lower()"), "", TOP_WORDS_ASK), "passed"),
    "the text itself still is": ((TOP_WORDS.format(text="text"), "", TOP_WORDS_ASK), "failed"),
    "words the instruction says are lowercase keep their case (b205-078)": ((BANNED.format(text="text.lower()"), "", BANNED_ASK), "passed"),
    "the text beside them is still re-cased": ((BANNED.format(text="text"), "", BANNED_ASK), "failed"),
    "a JSON document keeps its keys' case (b206-069)": ((BOATS, "", BOATS_ASK), "passed"),
    "a note on the input beside a print of a number (b208-072)": ((POINTS.format(note="Tuesday"), "", ""), "no_tests"),
    "a number noted beside it is its output": ((POINTS.format(note="37"), "", ""), "failed"),
    "complete months counted from the month fields alone (blind46)": ((MONTHS.format(fix=""), "", MONTHS_ASK), "failed"),
    "complete months, a day of the month not yet reached taken off": ((MONTHS.format(fix="\n    if end.day < start.day:\n        months -= 1"), "", MONTHS_ASK), "passed"),
    "a vague output block is not judged": ((REVERSE.format(body="sentence[::-1]"), OUTPUT_BLOCK.format(code=REVERSE.format(body="sentence[::-1]")).replace("world hello", "world ..."), ""), "no_tests"),
    "known task wrong: Roman numerals read without the subtractive forms": ((ROMAN_TO_INT.format(body=ROMAN_ADDS), "", ROMAN_ASK), "failed"),
    "known task right: Roman numerals": ((ROMAN_TO_INT.format(body=ROMAN_SUBTRACTS), "", ROMAN_ASK), "passed"),
    "known task wrong: the largest subarray sum floored at 0": ((KADANE.format(start="0"), "", KADANE_ASK), "failed"),
    "known task right: the largest subarray sum": ((KADANE.format(start="nums[0]"), "", KADANE_ASK), "passed"),
    "known task wrong: leap years": (("def is_leap_year(year):\n    return year % 4 == 0 and year % 100 != 0\n", "", LEAP), "failed"),
    "known task right: leap years": (("import calendar\n\ndef is_leap_year(year):\n    return calendar.isleap(year)\n", "", LEAP), "passed"),
    "known task wrong: the even median": (("def median(xs):\n    xs = sorted(xs)\n    m = len(xs) // 2\n    return xs[m] if len(xs) % 2 else (xs[m] + xs[m + 1]) / 2\n", "", MEDIAN), "failed"),
    "known task right: the median": (("import statistics\n\ndef median(xs):\n    return statistics.median(xs)\n", "", MEDIAN), "passed"),
    "known task wrong: Fibonacci": (("def fib(n):\n    return n * (n - 1)\n", "", FIB), "failed"),
    "known task right: Fibonacci, counted from 1": (("def fib(n):\n    a, b = 1, 1\n    for _ in range(n - 1):\n        a, b = b, a + b\n    return a\n", "", FIB), "passed"),
    "known task wrong: FizzBuzz tests 3 before 15": (("def fizzbuzz(n):\n    out = []\n    for i in range(1, n + 1):\n        if i % 3 == 0:\n            out.append('Fizz')\n"
                                                     "        elif i % 5 == 0:\n            out.append('Buzz')\n        elif i % 15 == 0:\n            out.append('FizzBuzz')\n"
                                                     "        else:\n            out.append(str(i))\n    return out\n", "", FIZZ), "failed"),
    "known task right: FizzBuzz of one number": (("def fizzbuzz(i):\n    return 'FizzBuzz' if i % 15 == 0 else 'Fizz' if i % 3 == 0 else 'Buzz' if i % 5 == 0 else i\n", "", FIZZ), "passed"),
    "known task wrong: 30 days in October": ((MONTH_DAYS.format(thirty="4, 6, 9, 10"), "", "Write days_in_month(year, month), leap years included."), "failed"),
    "known task right: month before year": ((MONTH_DAYS.format(thirty="4, 6, 9, 11").replace("(year, month)", "(month, year)"), "", "Return the number of days in a given month of a given year."), "passed"),
    "known task wrong: versions sorted as text": (("def sort_versions(vs):\n    return sorted(vs, key=lambda v: v.split('.'))\n", "", VERSIONS), "failed"),
    "known task right: versions sorted as numbers": (("def sort_versions(vs):\n    vs.sort(key=lambda v: [int(p) for p in v.split('.')])\n", "", VERSIONS), "passed"),
    "known task wrong: every value is a duplicate": (("def find_duplicates(xs):\n    return sorted({x for x in xs if xs.count(x) >= 1})\n", "", DUPLICATES), "failed"),
    "known task right: duplicates from a Counter": (("from collections import Counter\n\ndef find_duplicates(xs):\n    return sorted(k for k, c in Counter(xs).items() if c > 1)\n", "", DUPLICATES), "passed"),
    "known task wrong: the most common word": (("from collections import Counter\n\ndef most_common_char(text):\n    return Counter(text.split()).most_common(1)[0][0]\n", "", COMMON_CHAR), "failed"),
    "known task right: the most common character": (("from collections import Counter\n\ndef most_common_char(text):\n    return Counter(text.replace(' ', '')).most_common(1)[0][0]\n", "", COMMON_CHAR), "passed"),
    "password rules joined by or": ((PASSWORD.format(join="or"), "", "Write `validate_password(pw)` returning True only if the password is at least 8 characters long and contains at least one uppercase letter and at least one digit."), "failed"),
    "password rules joined by and": ((PASSWORD.format(join="and"), "", "Write `validate_password(pw)` returning True only if the password is at least 8 characters long and contains at least one uppercase letter and at least one digit."), "passed"),
    "known task wrong: Pascal's row counted from 1": ((PASCAL.format(times="n - 1"), "", PASCAL_ASK), "failed"),
    "known task right: Pascal's row counted from 0": ((PASCAL.format(times="n"), "", PASCAL_ASK), "passed"),
    "known task wrong: the missing number of 0..n": ((MISSING.format(sign="-"), "", MISSING_ASK), "failed"),
    "known task right: the missing number of 0..n": ((MISSING.format(sign="+"), "", MISSING_ASK), "passed"),
    "known task wrong: minutes past the hour": ((HMS.format(minutes=""), "", HMS_ASK), "failed"),
    "known task right: HH:MM:SS": ((HMS.format(minutes="% 3600"), "", HMS_ASK), "passed"),
    "known task wrong: a majority never checked": ((MAJORITY.format(check=""), "", MAJORITY_ASK), "failed"),
    "known task right: a majority checked": ((MAJORITY.format(check=" if nums.count(candidate) > len(nums) // 2 else None"), "", MAJORITY_ASK), "passed"),
    "known task wrong: an age before the birthday": ((AGE.format(birthday=""), "", AGE_ASK), "failed"),
    "known task right: an age in whole years": ((AGE.format(birthday=" - ((today.month, today.day) < (birth.month, birth.day))"), "", AGE_ASK), "passed"),
    "known task right: an age, its dates the other way round": ((AGE.format(birthday=" - ((today.month, today.day) < (birth.month, birth.day))").replace("(birth, today)", "(today, birth)"), "",
                                                               AGE_ASK.replace("(birth, today)", "(today, birth)")), "passed"),
    "known task wrong: a reversal for a rotation": (("def is_rotation(a, b):\n    return len(a) == len(b) and a == b[::-1]\n", "", ROTATION_ASK), "failed"),
    "known task right: a rotation": (("def is_rotation(a, b):\n    return len(a) == len(b) and b in a + a\n", "", ROTATION_ASK), "passed"),
    "known task wrong: the digits summed once": (("def digital_root(n):\n    return sum(int(d) for d in str(n))\n", "", ROOT_ASK), "failed"),
    "known task right: the digital root": (("def digital_root(n):\n    while n > 9:\n        n = sum(int(d) for d in str(n))\n    return n\n", "", ROOT_ASK), "passed"),
    "known task wrong: equal neighbours refused": (("def is_sorted(values):\n    return all(a < b for a, b in zip(values, values[1:]))\n", "", SORTED_ASK), "failed"),
    "known task right: non-decreasing": (("def is_sorted(values):\n    return all(a <= b for a, b in zip(values, values[1:]))\n", "", SORTED_ASK), "passed"),
    "known task wrong: pages counted from 0": ((PAGE.format(start="page * per_page"), "", PAGE_ASK), "failed"),
    "known task right: pages counted from 1": ((PAGE.format(start="(page - 1) * per_page"), "", PAGE_ASK), "passed"),
    "a date's weekday claimed wrong (datetime is no clock)": ((WEEKDAY, "```python\n" + WEEKDAY + "```\n\nOutput:\n\n```text\nTuesday\n```\n", ""), "failed"),
    "a date's weekday claimed right": ((WEEKDAY, "```python\n" + WEEKDAY + "```\n\nOutput:\n\n```text\nWednesday\n```\n", ""), "passed"),
    "the clock's output is not judged": ((WEEKDAY.replace("date.fromisoformat(iso)", "date.today()"), "```python\n" + WEEKDAY.replace("date.fromisoformat(iso)", "date.today()")
                                          + "```\n\nOutput:\n\n```text\nTuesday\n```\n", ""), "no_tests"),
    "known task wrong: duplicates in any order, a list's str method": (("def list_difference(list):\n    if len(list) == 1:\n        return list.strip()\n    return list\n", "", DEDUP_ASK), "failed"),
    "known task right: duplicates through a set": (("def dedupe(items):\n    return list(set(items))\n", "", DEDUP_ASK), "passed"),
    "known task right: duplicates removed in place": (("def dedupe(items):\n    items[:] = sorted(set(items))\n", "", DEDUP_ASK), "passed"),
    "the difference worked out in a docstring": (('def fruits(s, n):\n    """fruits("5 apples and 6 oranges", 19) ->19 - 5 - 6 = 8"""\n    a, _, o = s.split()[0], 0, s.split()[3]\n    return n - int(a) - int(o)\n',
                                                   "", 'fruits("5 apples and 6 oranges", 19) ->19 - 5 - 6 = 8'), "passed"),
    "known task wrong: noon is AM": ((CLOCK.format(suffix="'AM' if h <= 12 else 'PM'", shown="h - 12 if h > 12 else h"), "", CLOCK_ASK), "failed"),
    "known task right: the 12-hour clock": ((CLOCK.format(suffix="'AM' if h < 12 else 'PM'", shown="h % 12 or 12"), "", CLOCK_ASK), "passed"),
    "known task wrong: anagrams as sets of letters": (("def is_anagram(a, b):\n    return set(a.replace(' ', '').lower()) == set(b.replace(' ', '').lower())\n", "", PHRASES_ASK), "failed"),
    "known task right: anagrams, spaces and case ignored": (("def is_anagram(a, b):\n    key = lambda s: sorted(s.replace(' ', '').lower())\n    return key(a) == key(b)\n", "", PHRASES_ASK), "passed"),
    "known task wrong: the Collatz rule swapped": ((COLLATZ.format(rule="n // 2 if n % 2 else 3 * n + 1"), "", COLLATZ_ASK), "failed"),
    "known task right: the Collatz steps": ((COLLATZ.format(rule="n // 2 if n % 2 == 0 else 3 * n + 1"), "", COLLATZ_ASK), "passed"),
    "known task wrong: the insertion point after equal values": (("import bisect\n\ndef lower_bound(items, target):\n    return bisect.bisect_right(items, target)\n", "", BOUND_ASK), "failed"),
    "known task right: the insertion point": (("import bisect\n\ndef lower_bound(items, target):\n    return bisect.bisect_left(items, target)\n", "", BOUND_ASK), "passed"),
    "known task wrong: Kelvin off by 273": ((TEMPERATURE.format(kelvin="273"), "", TEMPERATURE_ASK), "failed"),
    "known task right: every direction of C, F and K": ((TEMPERATURE.format(kelvin="273.15"), "", TEMPERATURE_ASK), "passed"),
    "known task wrong: weekends counted as working days": ((WEEKDAYS.format(weekday="True"), "", WEEKDAYS_ASK), "failed"),
    "known task wrong: only Sunday is a weekend day (blind21)": ((WEEKEND.format(test=">= 6"), "", WEEKEND_ASK), "failed"),
    "known task right: Saturday and Sunday": ((WEEKEND.format(test=">= 5"), "", WEEKEND_ASK), "passed"),
    "known task right: weekdays only": ((WEEKDAYS.format(weekday="(a + timedelta(days=i)).weekday() < 5"), "", WEEKDAYS_ASK), "passed"),
    "known task wrong, named only: a search that never reaches the last item": ((
        "def binary_search(items, target):\n    lo, hi = 0, len(items) - 1\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if items[mid] == target:\n            return mid\n"
        "        if items[mid] < target:\n            lo = mid + 1\n        else:\n            hi = mid - 1\n    return -1\n", "",
        "Write `binary_search(items, target)` that returns the index of target in the sorted list items, or -1, in O(log n) time."), "failed"),
    "known task wrong, named only: rotated left": (("def rotate_right(items, k):\n    k %= len(items) or 1\n    return items[k:] + items[:k]\n", "",
                                                    "Write `rotate_right(items, k)` that returns a new list with the elements shifted k positions to the right, wrapping around."), "failed"),
    "known task right, named only: rotated right": (("def rotate_right(items, k):\n    k %= len(items) or 1\n    return items[-k:] + items[:-k] if k else items[:]\n", "",
                                                     "Write `rotate_right(items, k)` that returns a new list with the elements shifted k positions to the right, wrapping around."), "passed"),
    "known task wrong: every even number a power of two (blind22)": (("def is_power_of_two(n):\n    return n > 0 and (n == 1 or n % 2 == 0)\n", "", POWER_ASK), "failed"),
    "known task right: a power of two": (("def is_power_of_two(n):\n    return n > 0 and n & (n - 1) == 0\n", "", POWER_ASK), "passed"),
    "known task wrong: the last element never paired (blind22)": ((INVERSIONS.format(stop="n - 1"), "", INVERSIONS_ASK), "failed"),
    "known task right: the inversions": ((INVERSIONS.format(stop="n"), "", INVERSIONS_ASK), "passed"),
    "known task wrong: a matrix product as wide as a": ((MATMUL.format(columns="len(a[0])"), "", MATMUL_ASK), "failed"),
    "known task right: a matrix product as wide as b": ((MATMUL.format(columns="len(b[0])"), "", MATMUL_ASK), "passed"),
    "known task wrong: column numbers from 0": ((COLUMN.format(one=""), "", COLUMN_ASK), "failed"),
    "known task right: column numbers from 1": ((COLUMN.format(one=" + 1"), "", COLUMN_ASK), "passed"),
    "known task wrong: each meeting against the one before only": ((ROOMS_NEIGHBOURS, "", ROOMS_ASK), "failed"),
    "known task right: the meeting rooms": ((ROOMS, "", ROOMS_ASK), "passed"),
    "known task wrong: weighted sum over the count (blind21)": (("def weighted_mean(values, weights):\n    return sum(v * w for v, w in zip(values, weights)) / len(values)\n", "", WEIGHTED_ASK), "failed"),
    "known task right: weights given first": (("def weighted_mean(weights, values):\n    return sum(v * w for v, w in zip(values, weights)) / sum(weights)\n", "", WEIGHTED_ASK), "passed"),
    "known task wrong: a substitution costs nothing": ((EDIT.format(cost="0"), "", EDIT_ASK), "failed"),
    "known task right: the edit distance": ((EDIT.format(cost="(x != y)"), "", EDIT_ASK), "passed"),
    "known task wrong: brackets counted, not matched": ((BRACKETS.format(pop="", after="            stack.pop()\n"), "", BRACKETS_ASK), "failed"),
    "known task right: brackets matched": ((BRACKETS.format(pop=" or stack.pop() != pairs[c]", after=""), "", BRACKETS_ASK), "passed"),
    "known task wrong: a Caesar shift past z": ((CAESAR.format(shifted="ord(c) - base + shift"), "", CAESAR_ASK), "failed"),
    "known task right: a Caesar shift wrapping round": ((CAESAR.format(shifted="(ord(c) - base + shift) % 26"), "", CAESAR_ASK), "passed"),
    "known task wrong: a substring for a subsequence (blind23)": (("def is_subsequence(sub, seq):\n    return sub in seq\n", "", SUBSEQUENCE_ASK), "failed"),
    "known task right: a subsequence": (("def is_subsequence(sub, seq):\n    it = iter(seq)\n    return all(c in it for c in sub)\n", "", SUBSEQUENCE_ASK), "passed"),
    "known task wrong: the window's left end off by one (blind23)": ((VOWELS.format(left="i - k + 1"), "", VOWELS_ASK), "failed"),
    "known task right: the vowels of a sliding window": ((VOWELS.format(left="i - k"), "", VOWELS_ASK), "passed"),
    "known task wrong: Jaccard over the smaller set (blind23)": (("def jaccard(a, b):\n    a, b = set(a.split()), set(b.split())\n    return len(a & b) / min(len(a), len(b))\n", "", JACCARD_ASK), "failed"),
    "known task right: Jaccard of word sets": (("def jaccard(a, b):\n    a, b = set(a.split()), set(b.split())\n    return len(a & b) / len(a | b)\n", "", JACCARD_ASK), "passed"),
    "known task wrong: a flat triangle classified (blind23)": ((TRIANGLE.format(flat="<"), "", TRIANGLE_ASK), "failed"),
    "known task right: a flat triangle invalid": ((TRIANGLE.format(flat="<="), "", TRIANGLE_ASK), "passed"),
    "known task wrong: Kadane from 0, the subarray non-empty (blind23)": ((KADANE.format(start="0"), "", "Return the largest sum of any contiguous, non-empty subarray (Kadane's algorithm)."), "failed"),
    "a printed value claimed on the comment line below, wrong (blind23)": ((SENTENCES.format(shown="['Dr. Smith arrived.', 'No!']"), "", ""), "failed"),
    "a printed value claimed on the comment line below, right": ((SENTENCES.format(shown="['Dr.', 'Smith arrived.', 'No!']"), "", ""), "passed"),
    "known task wrong: coins taken greedily": ((COINS_GREEDY, "", COINS_ASK), "failed"),
    "known task right: the fewest coins": ((COINS_DP, "", COINS_ASK), "passed"),
    "known task wrong: occurrences counted without overlaps (blind16)": (("def count_occurrences(s, sub):\n    return s.count(sub)\n", "", OVERLAP_ASK), "failed"),
    "known task right: overlapping occurrences": (("def count_occurrences(s, sub):\n    return sum(s.startswith(sub, i) for i in range(len(s)))\n", "", OVERLAP_ASK), "passed"),
    "known task wrong: islands joined diagonally": ((ISLANDS.format(steps="((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, -1), (1, -1), (-1, 1))"), "", ISLANDS_ASK), "failed"),
    "known task right: islands joined by their sides": ((ISLANDS.format(steps="((1, 0), (-1, 0), (0, 1), (0, -1))"), "", ISLANDS_ASK), "passed"),
    "known task wrong: divisors short of the square root (blind10)": ((PRIMALITY.format(end=""), "", "Write an efficient primality test for positive integers."), "failed"),
    "known task right: divisors up to the square root": ((PRIMALITY.format(end=" + 1"), "", "Write an efficient primality test for positive integers."), "passed"),
    "known task wrong: the window's start moved back (abba)": ((UNREPEATED.format(guard=""), "", UNREPEATED_ASK), "failed"),
    "known task right: the longest substring without repeats": ((UNREPEATED.format(guard=" and seen[c] >= start"), "", UNREPEATED_ASK), "passed"),
    "known task wrong: an IPv4 part of 256 accepted": ((IPV4.format(bound="int(p) < 257"), "", IPV4_ASK), "failed"),
    "known task right: IPv4 parts up to 255": ((IPV4.format(bound="int(p) <= 255"), "", IPV4_ASK), "passed"),
    "known task wrong: profit from the first day's price only": ((PROFIT.format(low="0"), "", PROFIT_ASK), "failed"),
    "known task right: the best single trade": ((PROFIT.format(low="float('inf')"), "", PROFIT_ASK), "passed"),
    "a printed date claimed wrong (blind24)": ((FRIDAY.format(shown="2024-03-22"), "", ""), "failed"),
    "a printed date claimed right": ((FRIDAY.format(shown="2024-03-15"), "", ""), "passed"),
    "a table's columns claimed aligned otherwise (blind24)": ((TABLE, TABLE_RESPONSE.format(shown="apple      |  3\nwatermelon |  1"), ""), "failed"),
    "a table's columns claimed as printed": ((TABLE, TABLE_RESPONSE.format(shown="apple      | 3\nwatermelon | 1"), ""), "passed"),
    "known task wrong: a single day's streak of 0 (blind24)": ((STREAK.format(start="0"), "", STREAK_ASK), "failed"),
    "known task right: the longest rising streak": ((STREAK.format(start="1"), "", STREAK_ASK), "passed"),
    "known task wrong: a change over the new value (blind24)": (("def percent_change(old, new):\n    return round((new - old) / new * 100, 2)\n", "",
                                                                "Write `percent_change(old, new)`: the percentage change from old to new, rounded to two decimal places."), "failed"),
    "an example pair in another form than the function reads (blind25)": ((FLATTEN.replace("{sep}", "."), "", FLATTEN_ASK), "no_tests"),
    "an example pair the function gets wrong": (("def flatten(d):\n    return dict(d)\n", "", 'Flatten a nested dict into dotted keys, e.g. {"a": {"b": 1}} -> {"a.b": 1}.'), "failed"),
    "known task with a twist is not probed": (("def median(xs):\n    return sorted(xs)[(len(xs) - 1) // 2]\n", "", "Return the lower median of a list."), "no_tests"),
    "the tests' __file__ is the tests": (("import warnings\n\ndef old():\n    warnings.warn('old', DeprecationWarning, stacklevel=2)\n",
                                          "", ""), "passed"),
    "a required error never raised: the mean of an empty list is 0.0": ((MEAN.format(empty="return 0.0"), "", MEAN_ASK), "failed"),
    "a required error raised": ((MEAN.format(empty="raise ValueError('no values')"), "", MEAN_ASK), "passed"),
    "a required error's subclass raised": (("class NoData(ValueError):\n    pass\n\n\n" + MEAN.format(empty="raise NoData('no values')"), "", MEAN_ASK), "passed"),
    "another error than the required one": (("def mean(values):\n    return sum(values) / len(values)\n", "", MEAN_ASK), "failed"),
    "a bound not checked, the other arguments from the row's own call": ((CHUNKS.format(check="size == 0"), "", CHUNKS_ASK), "failed"),
    "a bound checked": ((CHUNKS.format(check="size < 1"), "", CHUNKS_ASK), "passed"),
    "a generator's required error, raised at its first next()": ((COUNTDOWN.format(check="n < 0"), "", COUNTDOWN_ASK), "passed"),
    "a generator's required error never raised": ((COUNTDOWN.format(check="n is None"), "", COUNTDOWN_ASK), "failed"),
    "either argument not positive: each probed": ((BMI.format(check="weight <= 0"), "", BMI_ASK), "failed"),
    "either argument not positive: both checked": ((BMI.format(check="weight <= 0 or height <= 0"), "", BMI_ASK), "passed"),
    "a drawn bar of dots claimed wrong (blind27)": ((BAR, BAR_RESPONSE.replace("SHOWN", "[########............] 38%"), ""), "failed"),
    "a drawn bar of dots claimed right": ((BAR, BAR_RESPONSE.replace("SHOWN", "[#######.............] 38%"), ""), "passed"),
    "an elided list is no claim": ((BAR, BAR_RESPONSE.replace("SHOWN", "[#######...] 38%"), ""), "no_tests"),
    "case folded only on the way out (blind27)": ((DUPLICATE_EMAILS.format(key="email.strip()"), "", DUPLICATE_EMAILS_ASK), "failed"),
    "case folded before counting": ((DUPLICATE_EMAILS.format(key="email.strip().lower()"), "", DUPLICATE_EMAILS_ASK), "passed"),
    "an original spelling kept while case is ignored": ((UNIQUE_TAGS, "", UNIQUE_TAGS_ASK), "passed"),
    "a dict's keys are fields, not text to re-case (blind14)": ((SCORES, "", SCORES_ASK), "passed"),
    "a record's values are codes, not text to re-case (blind31)": ((DISCOUNT, "", DISCOUNT_ASK), "passed"),
    "a named input form the code cannot read (blind24)": ((SIZE.format(number="int"), "", SIZE_ASK), "failed"),
    "every named input form read": ((SIZE.format(number="float"), "", SIZE_ASK), "passed"),
    "an empty queue's required error never raised": ((QUEUE.format(empty="return None"), "", QUEUE_ASK), "failed"),
    "an empty queue's required error raised": ((QUEUE.format(empty="raise IndexError('dequeue from an empty queue')"), "", QUEUE_ASK), "passed"),
    "touching ranges left apart where they must merge (blind31)": ((RANGES.format(end="end"), "", RANGES_ASK), "failed"),
    "touching and contained ranges merged": ((RANGES.format(end="max(end, merged[-1][1])"), "", RANGES_ASK), "passed"),
    "VAT taken off a VAT-inclusive price as if it were net (blind28)": ((VAT.format(vat="round(gross * rate, 2)"), "", VAT_ASK), "failed"),
    "VAT taken out of a VAT-inclusive price": ((VAT.format(vat="round(gross - gross / (1 + rate), 2)"), "", VAT_ASK), "passed"),
    "monthly compounding over years, not months (blind31)": ((COMPOUND.format(periods="years"), "", COMPOUND_ASK), "failed"),
    "monthly compounding over every month": ((COMPOUND.format(periods="years * 12"), "", COMPOUND_ASK), "passed"),
    "a required error probed with the row's own named stock (blind32)": ((STOCK.format(check="qty > available"), "", STOCK_ASK), "failed"),
    "a negative quantity refused": ((STOCK.format(check="qty < 0 or qty > available"), "", STOCK_ASK), "passed"),
    "duplicates asked in order of first appearance, answered deduplicated (blind32)": ((REPEATS.format(keep="not in seen"), "", REPEATS_ASK), "failed"),
    "duplicates in order of first appearance": ((REPEATS.format(keep="in seen and number not in result"), "", REPEATS_ASK), "passed"),
    "a printing function's output shown wrong (blind52)": ((REPORT, REPORT_RESPONSE.format(shown="rye: 3\nspelt: 2\nwheat: 2"), ""), "failed"),
    "a printing function's output shown right": ((REPORT, REPORT_RESPONSE.format(shown="rye: 3\nwheat: 2\nspelt: 2"), ""), "passed"),
    "a placeholder the prose names is text, not an elision (blind52)": ((TEASER, TEASER_RESPONSE.format(shown="Our famous [...]\nRye   bread"), ""), "failed"),
    "textwrap's placeholder shown right": ((TEASER, TEASER_RESPONSE.format(shown="Our famous [...]\nRye bread"), ""), "passed"),
    "an input the instruction says is exported like this (blind52)": ((PICKUP.format(seconds=":%S"), "", PICKUP_ASK), "failed"),
    "an exported input read": ((PICKUP.format(seconds=""), "", PICKUP_ASK), "passed"),
    "a usage block's claims on dates (blind54)": ((HOLIDAY.format(minus=""), HOLIDAY_RESPONSE.format(minus=""), ""), "failed"),
    "a usage block's claims on dates, right": ((HOLIDAY.format(minus=" - 1"), HOLIDAY_RESPONSE.format(minus=" - 1"), ""), "passed"),
    "a log line shown in a fenced block, not parsed (blind57)": ((ACCESS.format(path=7), "", ACCESS_ASK), "failed"),
    "a log line shown in a fenced block, parsed": ((ACCESS.format(path=6), "", ACCESS_ASK), "passed"),
    "a pair of timestamps like the one shown, parsed in another format (blind53)": ((MINUTES.format(fmt="%Y-%m-%d %H:%M"), "", MINUTES_ASK), "failed"),
    "a pair of timestamps like the one shown, parsed": ((MINUTES.format(fmt="%Y-%m-%dT%H:%M"), "", MINUTES_ASK), "passed"),
    "the second of two examples, with a quoted answer before the 'and' (blind57)": ((COARSE.format(guard=""), "", COARSE_ASK), "failed"),
    "both examples hold": ((COARSE.format(guard=" - 1"), "", COARSE_ASK), "passed"),
    "lines in the form shown, split at another separator (blind59)": ((SPENT.format(sep=","), "", SPENT_ASK), "failed"),
    "lines in the form shown, split at theirs": ((SPENT.format(sep=";"), "", SPENT_ASK), "passed"),
    "a known task: primes up to n, sieved one short (blind59)": ((PRIMES.format(plus=""), "", PRIMES_ASK), "failed"),
    "a known task: primes up to n": ((PRIMES.format(plus=" + 1"), "", PRIMES_ASK), "passed"),
    "a known task: the next palindrome, n itself returned (blind59)": ((NEXT_PALINDROME.format(step=""), "", PALINDROME_ASK), "failed"),
    "a known task: the next palindrome": ((NEXT_PALINDROME.format(step=" + 1"), "", PALINDROME_ASK), "passed"),
    "a known task: an ISSN check weighted 7 down to 1 (blind58)": ((ISSN.format(top=7, end=0), "", ISSN_ASK), "failed"),
    "a known task: an ISSN check": ((ISSN.format(top=8, end=1), "", ISSN_ASK), "passed"),
    "a returned date claimed wrong in a comment (blind65)": ((INSPECTION, INSPECTION_RESPONSE.format(day=30), ""), "failed"),
    "a returned date claimed right in a comment": ((INSPECTION, INSPECTION_RESPONSE.format(day=29), ""), "passed"),
    "a list of dates claimed unqualified, right (blind78)": ((NIGHTS_OUT, NIGHTS_OUT_RESPONSE.format(day=22), ""), "passed"),
    "a list of dates claimed unqualified, wrong": ((NIGHTS_OUT, NIGHTS_OUT_RESPONSE.format(day=23), ""), "failed"),
    "a printed Counter shown in another order than it prints (blind77)": ((GRADES, GRADES_RESPONSE.format(shown="Counter({'A': 2, 'B': 3, 'C': 1})"), ""), "failed"),
    "a printed Counter shown as it prints": ((GRADES, GRADES_RESPONSE.format(shown="Counter({'B': 3, 'A': 2, 'C': 1})"), ""), "passed"),
}
TESTS = {
    "the tests' __file__ is the tests": "with warnings.catch_warnings(record=True) as caught:\n    warnings.simplefilter('always')\n    old()\nassert caught[0].filename == __file__\n",
}


def test_claims_and_examples_decide_what_runs():
    rows = [
        {"id": name, "code": code, "response": response, "instruction": instruction, "tests": TESTS.get(name)}
        for name, ((code, response, instruction), _) in ROWS.items()
    ]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    wrong = {name: got[name] for name, (_, expected) in ROWS.items() if got[name][0] != expected}
    assert not wrong, wrong
    assert "claims print(factorial(5)) shows '120'; it shows '24'" in got["comment claim wrong"][1]
    assert "to_binary(-5)" in got["instruction example wrong"][1]
    assert "AttributeError: 'str' object has no attribute 'reverse'" in got["prose claim wrong"][1]
    assert "ValueError" in got["usage block claim wrong"][1]  # 'apple' unpacked into two names
    assert "claims the program prints 'world hello'; it prints 'dlrow olleh'" in got["output block wrong"][1]
    assert "the response claims compress_spaces(' hello world ') gives \"'hello world'\"" in got["a quoted repr claimed in a comment, wrong"][1]
    assert "a known task's answer: missing_number([3, 0, 1]) gives '2'; it gives '-1'" in got["known task wrong: the missing number of 0..n"][1]
    assert "a known task's answer: bool(is_leap_year(2000)) gives 'True'; it gives 'False'" in got["known task wrong: leap years"][1]
    off = execute_rows([{"id": "x", "code": ROWS["known task wrong: leap years"][0][0], "instruction": LEAP}], CFG.model_copy(update={"probe_known_tasks": False}))
    assert off[0]["exec_status"] == "no_tests"


def test_required_errors_are_read_only_when_clear():
    """The condition must be one this step can build an input for, said of a parameter it can tell."""
    def probes(ask, code):
        drained = "(lambda r: list(r) if hasattr(r, '__next__') else r)("
        return [c[0][len(drained):-1] if c[0].startswith(drained) else c[0] for c in required_error_claims(ask, ast.parse(code))]
    assert probes(MEAN_ASK, MEAN.format(empty="pass")) == ["mean(values=[])"]
    assert probes(CHUNKS_ASK, CHUNKS.format(check="size < 1")) == ["chunks(items=[1, 2, 3], size=0)", "chunks(items=[1, 2, 3], size=-1)"]
    assert probes(BMI_ASK, BMI.format(check="weight <= 0")) == [
        "bmi(weight=0, height=1.75)", "bmi(weight=-1, height=1.75)", "bmi(weight=70, height=0)", "bmi(weight=70, height=-1)"]
    assert probes("Write `clean(text)`; if the string is empty, raise a ValueError.", "def clean(text: str):\n    return text\n") == ["clean(text='')"]
    assert probes("Write `clean(text)` and raise ValueError for anything else.", "def clean(text):\n    return text\n") == []  # no input to build
    assert probes("Write `pad(text, width)`; raise ValueError if width is negative.", "def pad(text, width):\n    return text\n") == []  # no call gives the text
    assert probes("Write `pad(text, width)`; raise ValueError if width is negative.", "def pad(text, width):\n    return text\n\n\ntry:\n    pad('a', 3)\nexcept ValueError:\n    pass\n") == []
    assert probes("Write `scale(xs, k)`; raise ValueError for a negative input.", "def scale(xs, k):\n    return xs\n\n\nprint(scale([1], 2))\n") == ["scale(xs=[1], k=-1)"]
    assert probes("Write `total(a, b)`; raise ValueError for a negative number.", "def total(a, b):\n    return a + b\n\n\nprint(total(1, 2))\n") == []  # which one?
    stack = "class Stack:\n    def __init__(self):\n        self.items = []\n\n    def push(self, item):\n        self.items.append(item)\n\n    def pop(self):\n        return self.items.pop()\n\n    def peek(self):\n        return self.items[-1]\n"
    assert probes("Write a Stack class with push, pop (raising IndexError when empty) and peek methods.", stack) == ["Stack().pop()"]
    assert probes("Write a Stack with `push(x)`, `pop()` and `peek()`; `pop` and `peek` on an empty stack must raise IndexError.", stack) == ["Stack().pop()", "Stack().peek()"]
    assert probes("Popping an empty stack should raise IndexError.", stack) == ["Stack().pop()"]
    assert probes("A Stack with push, pop, peek, is_empty and __len__. pop and peek should raise IndexError on an empty stack.",
                  stack + "\n    def is_empty(self):\n        return not self.items\n") == ["Stack().pop()", "Stack().peek()"]  # blind8: a sentence after "__len__."
    assert probes("Popping an empty stack should raise IndexError.", stack.replace("__init__(self)", "__init__(self, items)")) == []  # built how?
    assert probes("Write a Stack with `push(x)`; `pop` on a full stack must raise OverflowError.", stack) == []


def test_accepted_inputs_are_read_only_when_clear():
    one = "def parse(text):\n    return text\n"
    assert accepted_inputs("Write `parse(text)` for durations such as '1h30m', '45s' or '2h5m10s'.", ast.parse(one)) == ["1h30m", "45s", "2h5m10s"]
    assert accepted_inputs("A US number in any common format: '(555) 123-4567', '555.123.4567'.", ast.parse(one)) == ["(555) 123-4567", "555.123.4567"]
    assert accepted_inputs("Parse durations such as '1h30m'; raise ValueError for anything else, such as '5x'.", ast.parse(one)) == ["1h30m"]  # '5x' follows the error
    assert accepted_inputs("Parse a time string like 'HH:MM' into minutes.", ast.parse(one)) == []  # a format, not a value
    assert accepted_inputs('Accept numbers in assorted formats (dots, dashes, an optional leading "+1" or "1").', ast.parse(one)) == []  # blind26: parts
    assert accepted_inputs("Format a number like '12' as 'twelve'.", ast.parse(one)) == ["12"]  # 'twelve' follows "as": an output
    assert accepted_inputs("Slots are exported as strings like '07:30'.", ast.parse(one)) == ["07:30"]  # how the input is, not what it becomes
    assert accepted_inputs("logging writes timestamps like `2024-03-01 12:30:45,123`.", ast.parse(one)) == ["2024-03-01 12:30:45,123"]  # blind57: a value in backticks
    assert accepted_inputs("Round a price like `2.675` or `x[0]`.", ast.parse(one)) == []  # a bare number, and code
    assert accepted_inputs("The logger writes lines like `2024-03-01T07:30 72`.", ast.parse(one)) == ["2024-03-01T07:30 72"]  # blind55
    hand = "Write `parse_hand(text: str) -> list[tuple[str, str]]` that parses a hand such as \"AH KD 10S\" into (rank, suit) pairs."
    assert accepted_inputs(hand, ast.parse(one.replace("parse", "parse_hand"))) == ["AH KD 10S"]  # blind56: the signature's "->" is no output cue
    assert accepted_inputs("Write `parse(text)`; it returns times formatted as strings like '07:30'.", ast.parse(one)) == []
    assert accepted_inputs("Parse durations such as '1h30m'.", ast.parse("def parse(text, unit):\n    return text\n")) == []  # two inputs
    assert accepted_inputs("Parse durations such as '1h30m'.", ast.parse("def parse(seconds):\n    return seconds\n")) == []  # not named for text
    assert accepted_inputs("Parse durations such as '1h30m'.", ast.parse(one + "\n\ndef other(text):\n    return text\n")) == []  # which one?


def test_comment_claims_are_rewritten_in_place():
    code, n = with_comment_claims_checked("x = [3, 1]\nprint(x.pop())  # Output: 1\nprint(x)  # prints the list\n")
    assert n == 1
    assert code.splitlines()[1] == "assert_hf_examples([('x.pop()', '1', True, 'print')], globals())"  # runs once, in its place
    assert with_comment_claims_checked("def f():\n    print(1)  # Output: 2\n") == ("def f():\n    print(1)  # Output: 2\n", 0)  # inside a function: not a shown line


def test_sessions_leave_out_imports_and_docstring_quotes():
    claims = session_claims('def f(x):\n    """\n    >>> from mod import f\n    >>> f(2)\n    4\n    """\n')
    assert claims == [("f(2)", "4", False)]


def test_instruction_examples_are_read_only_when_clear():
    one = "def rle(text):\n    return text\n"
    two = "def add(a, b):\n    return a\n"
    assert [(e.call, e.want) for e in instruction_examples("Compress a string, e.g. 'aaabb' becomes 'a3b2'.", one)] == [("rle('aaabb')", "'a3b2'")]
    assert [(e.call, e.want) for e in instruction_examples("Input: \"hello\" Output: 'olleh'", one)] == [("rle('hello')", "'olleh'")]
    assert [(e.call, e.want) for e in instruction_examples("`add(2, 3)` should return `5`, and `add(1, 1)` returns 2.", two)] == [
        ("add(2, 3)", "5"), ("add(1, 1)", "2")]
    assert instruction_examples("Add 3 and 4 -> 7.", two) == []  # "3 and 4" opens no clause
    assert instruction_examples("Sum the values, e.g. [1, 2] -> 3, 4 -> 5.", "def total(values):\n    return values\n")[0].want == "3"  # "3, 4" is no tuple
    assert instruction_examples("Sum the values, e.g. [1, 2] -> 3.", one) == []  # a list is no example of a function of text
    rpn = "def eval_rpn(tokens: list[str]) -> int:\n    return 0\n"
    assert instruction_examples('Division truncates toward zero, so "-7 2 /" gives -3.', rpn) == []  # blind56: written out, not the list it takes
    assert [e.want for e in instruction_examples('Division truncates toward zero, so "-7 2 /" gives -3.', rpn.replace("list[str]", "str"))] == ["-3"]
    assert instruction_examples("Encode it: `encode(\"aab\")` should return `\"2a1b\"`, and decode reverses it.", "def encode(s):\n    return s\n")[0].want == '"2a1b"'
    assert instruction_examples("e.g. 'ab' -> 'ba'", "def f(a):\n    return a\n\ndef g(b):\n    return b\n") == []  # which function? not read
    plural = "def pluralize(noun: str) -> str:\n    return noun + 's'\n"
    ask = "Write `pluralize(noun)`: a consonant then 'y' becomes 'ies' (city -> cities); 's', 'x' or 'ch' add 'es' (box -> boxes, church -> churches)."
    assert [(e.call, e.want) for e in instruction_examples(ask, plural)] == [("pluralize('city')", "'cities'"), ("pluralize('box')", "'boxes'"), ("pluralize('church')", "'churches'")]
    assert instruction_examples(ask, "def pluralize(count):\n    return count\n") == []  # bare words are no example of a number's function
    assert instruction_examples("Follow the edges (a -> b) of the graph.", "def walk(edges):\n    return edges\n") == []


def test_worked_out_values_and_defined_sequences_in_examples():
    """HumanEval's own docstrings: the answer follows the sum worked out ("== 1 + 9 + 0 + 0 = 10"),
    and "tri(1) = 3" beside "tri(n) = ..." defines a sequence the function returns a list of."""
    two = "def fruits(s, n):\n    return n\n"
    assert [(e.call, e.want) for e in instruction_examples('fruits("5 apples and 6 oranges", 19) ->19 - 5 - 6 = 8', two)] == [('fruits("5 apples and 6 oranges", 19)', "8")]
    one = "def odd_squares(xs):\n    return 0\n"
    assert [e.want for e in instruction_examples("odd_squares([1, 3, 2, 0]) == 1 + 9 + 0 + 0 = 10\nodd_squares([9, -2]) == 81", one)] == ["10", "81"]
    assert instruction_examples("odd_squares([1, 3]) -> 1 + x", one) == []  # no value at the end: nothing read
    assert instruction_examples("tri(1) = 3\ntri(n) = 1 + n / 2, if n is even.", "def tri(n):\n    return [1]\n") == []
    assert [e.want for e in instruction_examples("add(2, 3) = 5", "def add(a, b):\n    return a\n")] == ["5"]


def test_probes_are_not_asked_of_a_parameter_named_for_another_kind():
    """"True if the string length is a prime" is no primality test of the argument, and
    ``prime_length(string)`` is not asked whether 7 is prime."""
    code = "def prime_length(string):\n    n = len(string)\n    return n > 1 and all(n % d for d in range(2, n))\n"
    assert known_task_claims("Return True if the string length is a prime number or False otherwise.", code) == []
    assert known_task_claims("Write prime_length(string) that checks if a number is prime.", code) == []
    numbers = "def is_prime(n):\n    return n > 1 and all(n % d for d in range(2, n))\n"
    assert known_task_claims("Write a function that checks if a number is prime.", numbers)


def test_probes_read_records_in_backticks_and_escapes_and_leave_quoted_fields():
    """blind64-69: a record shown in backticks (`42.31L @ 1.799`) is an input; "de ad\\n" means a newline; a quoted field
    inside a bigger backticked value, and examples of what "is not" accepted, are no inputs; the median is not asked of trips."""
    one = "def f(line: str) -> float:\n    return 0.0\n"
    assert accepted_inputs("Fuel receipt lines look like `42.31L @ 1.799` (litres, then price).", ast.parse(one)) == ["42.31L @ 1.799"]
    assert accepted_inputs("Counts go like `n // 2` here.", ast.parse(one)) == []
    assert accepted_inputs('Hex text such as `"DE:AD be ef"` or `"de ad:BE:EF\\n"`.', ast.parse(one)) == ["DE:AD be ef", "de ad:BE:EF\n"]
    assert accepted_inputs('Supplier lines come as CSV text, e.g. `"Brake pads, front",BP-7731,45.00`.', ast.parse(one)) == []  # not the field "Brake pads, front"
    assert accepted_inputs('If the input is not a run of pairs (for example "a3" or "3"), raise ValueError.', ast.parse(one)) == []
    trips = "from statistics import median\n\n\ndef median_rate(trips: list[tuple[float, float]]) -> float:\n    return median(l / k * 100 for k, l in trips if k)\n"
    assert known_task_claims("Return the median fuel consumption across trips.", trips) == []
    assert known_task_claims("Return the median of a list of numbers.", "def median_of(values: list[float]) -> float:\n    return sorted(values)[len(values) // 2]\n")


def test_blind70_to_75s_claims():
    """Inputs after "come as `X` ..., e.g." are probed (the cue's verb was cut off the window before); an output
    of lines that opens with "A" is shown text, not a description; an example that sets a keyword
    ("with `width=3`, "A1" -> "A001"") is not run with the default; a leap-year task's probes are not
    asked of a date parameter."""
    stock = ("def parse_stock_line(line: str) -> dict:\n    parts = line.strip().split('|')\n"
             "    return {{'sku': parts[0], 'bin': parts[1], 'qty': int(parts[2]), 'lot': {lot}}}\n")
    stock_ask = ("Stock lines come as `SKU|BIN|QTY` with an optional fourth field for the lot, e.g. `SKU123|A-01-02|40` or `SKU123|A-01-02|40|LOT7`. "
                 "Write `parse_stock_line(line)` returning a dict (lot is None when absent).")
    wrap = "import textwrap\n\n\ndef print_summary(summary: str) -> None:\n    for line in textwrap.wrap(summary, width={width}):\n        print(line)\n"
    wrap_response = ("```python\n{code}```\n\nExample:\n\n```python\nprint_summary('A young wizard discovers his heritage and attends a school of magic.')\n```\n\n"
                     "Output:\n\n```\nA young wizard\ndiscovers his heritage\nand attends a school of\nmagic.\n```\n")
    pad = "import re\n\n\ndef pad_well(name: str, width: int = 2) -> str:\n    row, col = re.fullmatch(r'([A-Za-z])(\\d+)', name.strip()).groups()\n    return f'{row.upper()}{int(col):0{width}d}'\n"
    pad_ask = 'Write `pad_well(name, width=2)`: "a1" -> "A01", "B007" -> "B07", and with `width=3`, "A1" -> "A001".'
    card = ("import calendar\nfrom datetime import date\n\n\ndef card_expiry(issued: date, years: int = 3) -> date:\n    year = issued.year + years\n"
            "    if (issued.month, issued.day) == (2, 29) and not calendar.isleap(year):\n        return issued.replace(year=year, day=28)\n    return issued.replace(year=year)\n")
    card_ask = "Write `card_expiry(issued, years=3)`. If a card was issued on 29 February and the expiry year is not a leap year, it expires on 28 February."
    rows = [
        {"id": "lot read when absent", "code": stock.format(lot="parts[3] if parts[3] else None"), "instruction": stock_ask},
        {"id": "lot read when there", "code": stock.format(lot="parts[3] if len(parts) > 3 else None"), "instruction": stock_ask},
        {"id": "wrapped wider than shown", "code": wrap.format(width=30), "response": wrap_response.format(code=wrap.format(width=30)), "instruction": "Wrap to 24 columns."},
        {"id": "wrapped as shown", "code": wrap.format(width=23), "response": wrap_response.format(code=wrap.format(width=23)), "instruction": "Wrap to 23 columns."},
        {"id": "a keyword's example", "code": pad, "instruction": pad_ask},
        {"id": "a date parameter", "code": card, "instruction": card_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"lot read when absent": "failed", "lot read when there": "passed", "wrapped wider than shown": "failed", "wrapped as shown": "passed",
                   "a keyword's example": "passed", "a date parameter": "no_tests"}, got


def test_blind97s_claims():
    """A usage block's ``list(gen(...))  # -> [...]`` drains the generator it shows, and dots the code writes
    itself (textwrap's ``placeholder="..."``) are printed text, not an elided output: both are claims."""
    spend = "from itertools import accumulate\n\n\ndef cumulative_spend(amounts):\n    yield from accumulate(amounts)\n"
    usage = "```python\n{code}```\n\nUsage:\n\n```python\nlist(cumulative_spend([40, 35, 52]))   # -> {shown}\n```\n"
    summary = 'import textwrap\n\n\ndef short_summary(text: str, width: int = 30) -> str:\n    return textwrap.shorten(text, width=width, placeholder="...")\n'
    shown = ("```python\n{code}```\n\nExample:\n\n```python\nprint(short_summary(\"Replace front brake pads and discs, check fluid level\"))\n"
             "print(short_summary(\"Oil   change\"))\n```\n\nOutput:\n\n```text\n{first}\nOil change\n```\n")
    rows = [
        {"id": "drained, right", "code": spend, "response": usage.format(code=spend, shown="[40, 75, 127]")},
        {"id": "drained, wrong", "code": spend, "response": usage.format(code=spend, shown="[0, 40, 75, 127]")},
        {"id": "placeholder, right", "code": summary, "response": shown.format(code=summary, first="Replace front brake pads...")},
        {"id": "placeholder, wrong", "code": summary, "response": shown.format(code=summary, first="Replace front brake pads and...")},
    ]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert {name: status for name, (status, _) in got.items()} == {
        "drained, right": "passed", "drained, wrong": "failed", "placeholder, right": "passed", "placeholder, wrong": "failed"}
    assert "list(cumulative_spend([40, 35, 52])) gives '[0, 40, 75, 127]'; it gives '[40, 75, 127]'" in got["drained, wrong"][1]


def test_indented_blocks_show_inputs_and_a_document_is_one_input():
    """blind79: a markdown block indented by four spaces after "such as" shows inputs as a fenced block does;
    its lines for a function of one line, the whole block for one that splits its text into lines itself."""
    from hfsynth.curate.accepted_inputs import fenced_inputs

    inventory = "Parse a simple INI inventory such as\n\n    [web-servers]\n    web1.example.com ansible_port=2222\n\n    [db_servers]\n    db1.example.com\n\nWrite `parse_inventory(text: str) -> dict[str, list[str]]`."
    document = "import re\n\n\ndef parse_inventory(text: str) -> dict:\n    groups, current = {}, None\n    for line in text.splitlines():\n        line = line.strip()\n        if not line:\n            continue\n        if line.startswith('['):\n            current = re.match(r'\\[(GROUP)\\]', line).group(1)\n            groups[current] = []\n        else:\n            groups[current].append(line.split()[0])\n    return groups\n"
    assert fenced_inputs(inventory, ast.parse(document.replace("GROUP", "[\\w-]+"))) == [
        "[web-servers]\nweb1.example.com ansible_port=2222\n\n[db_servers]\ndb1.example.com"]
    one_line = "def parse_line(line: str) -> list:\n    return line.split()\n"
    access = 'Parse Common Log Format lines such as\n\n    127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326\n\ninto a dict.'
    assert fenced_inputs(access, ast.parse(one_line)) == ['127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326']
    assert fenced_inputs("Reject lines such as\n\n    bad line\n\nwith ValueError.", ast.parse(one_line)) == []  # lines it must refuse are no inputs it accepts
    rows = [{"id": name, "instruction": inventory, "code": document.replace("GROUP", group)} for name, group in (("dashes read", "[\\w-]+"), ("dashes unread", "\\w+"))]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"dashes read": "passed", "dashes unread": "failed"}  # [web-servers] does not match \w+: None.group raises


def test_a_whole_value_shown_after_an_input_cue_must_be_taken():
    """blind95: "asking prices exactly as shown on our website, e.g. `["£325,000", "£1,150,000"]`" for
    ``total_asking(prices: list[str])``: the list itself is an input the function must take."""
    from hfsynth.curate.accepted_inputs import literal_inputs

    ask = 'Write `total_asking(prices)` that takes asking prices as strings exactly as shown on our website, e.g. `["£325,000", "£1,150,000", "£99,950"]`, and returns their total as an int.'
    total = "def total_asking(prices: list[str]) -> int:\n    return sum(int({read}) for price in prices)\n"
    assert literal_inputs(ask, ast.parse(total.format(read="price"))) == ['["£325,000", "£1,150,000", "£99,950"]']
    assert literal_inputs(ask, ast.parse(total.format(read="price").replace("list[str]", "str"))) == []  # a list is no text
    assert literal_inputs(ask, ast.parse(total.format(read="price").replace("prices: list[str]", "prices"))) == []  # unannotated: not said
    assert literal_inputs("Write `top(names: list[str])`; it returns the winners, e.g. `['ann', 'bo']`.", ast.parse("def top(names: list[str]):\n    return names\n")) == []  # an output
    rows = [{"id": name, "instruction": ask, "code": total.format(read=read)}
            for name, read in (("commas read", 'price.lstrip("£").replace(",", "")'), ("commas left in", 'price.lstrip("£")'))]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"commas read": "passed", "commas left in": "failed"}


def test_blind100_to_102s_claims():
    """An example whose answer is no literal (``[(0, 2, 20.03...), ...]``, ``[Reading(...)]``) still has to
    return; a bare comment on a print line is the output it shows, a note after it aside; an answer worked
    out with ``+`` is not its first term; a quoted input that "raises" is no accepted one; the items in both
    lists, the k smallest values and a min-heap test are known tasks."""
    segment = ("def segment_series(values, tol):\n    out, i = [], 0\n    while i < len(values):\n        j = i\n"
               "        while j + 1 < len(values) and abs(values[j + 1] - values[i]) <= tol:\n            j += 1\n"
               "        out.append((i, j, sum(values[i:j + 1]) / (j - i + 1)))\n        i = {next}\n    return out\n")
    segment_ask = "Write `segment_series(values, tol)`. Example: `segment_series([20.0, 20.2, 23.0], 0.5)` -> `[(0, 1, 20.1...), (2, 2, 23.0)]`."
    frozen = ("from dataclasses import dataclass\n\n@dataclass(frozen=True)\nclass Reading:\n    sensor: str\n    value: float\n\n"
              "def apply_offsets(readings, offsets):\n{body}")
    mutates = "    for r in readings:\n        r.value = r.value + offsets.get(r.sensor, 0.0)\n    return readings\n"
    rebuilds = "    return [Reading(r.sensor, round(r.value + offsets.get(r.sensor, 0.0), 2)) for r in readings]\n"
    frozen_response = "```python\n{code}```\n\nFor example `apply_offsets([Reading(\"t1\", 20.0)], {{\"t1\": -0.35}})` gives `[Reading(sensor=\"t1\", value=19.65)]`.\n"
    crossing = "def crossing_time(distance, speed):\n    minutes = {minutes}\n    return f'{{minutes // 60}}h {{minutes % 60:02d}}m'\n\n\nprint(crossing_time(50, 18))   # 2h 47m\nprint(crossing_time(1, 1))   # show the result\n"
    valid = "def is_valid(tld):\n    return len(tld) >= {least}\n\n\nprint(is_valid('c'))  # False (TLD too short)\nprint(''.join([]))  # (empty)\n"
    rle = "import re\n\ndef rle_decode(s):\n    return ''.join(c * int(n) for c, n in re.findall(r'(\\D)(\\d+)', s))\n"
    rle_ask = 'Write `rle_decode(encoded)`: `rle_decode("a3b1c12")` returns `"aaab" + "c" * 12`.'
    shared = "def shared_tracks(a, b):\n    seen, out = set(), []\n    for t in {walk}:\n        if t not in seen{test}:\n            seen.add(t)\n            out.append(t)\n    return out\n"
    shared_ask = "Write `shared_tracks(a, b)` that returns the titles appearing in **both** lists, in the order they appear in `a`, without duplicates."
    cheapest = "import heapq\n\ndef k_cheapest(fares, k):\n    heap = []\n    for fare in fares:\n        if len(heap) < k:\n            heapq.heappush(heap, -fare)\n        elif fare {op} -heap[0]:\n            heapq.heapreplace(heap, -fare)\n    return sorted(-x for x in heap)\n"
    cheapest_ask = "Write `k_cheapest(fares, k)` that returns the `k` lowest fares in ascending order using a bounded heap of size `k`."
    heap = "def is_min_heap(values):\n    for i in range(1, len(values)):\n        if values[i] < values[{parent}]:\n            return False\n    return True\n"
    heap_ask = "Write `is_min_heap(values)` that returns `True` if the list satisfies the min-heap property (0-based indices)."
    rows = [
        {"id": "elided answer, returns", "code": segment.format(next="j + 1"), "instruction": segment_ask},
        {"id": "constructed input, raises", "code": frozen.format(body=mutates), "response": frozen_response.format(code=frozen.format(body=mutates))},
        {"id": "constructed input, returns", "code": frozen.format(body=rebuilds), "response": frozen_response.format(code=frozen.format(body=rebuilds))},
        {"id": "noted output, wrong", "code": crossing.format(minutes="int(distance / speed * 60)")},
        {"id": "noted output, right", "code": crossing.format(minutes="round(distance / speed * 60)")},
        {"id": "noted output with a note, right", "code": valid.format(least=2)},
        {"id": "noted output with a note, wrong", "code": valid.format(least=1)},
        {"id": "an answer worked out", "code": rle, "instruction": rle_ask},
        {"id": "both lists, union", "code": shared.format(walk="a + b", test=""), "instruction": shared_ask},
        {"id": "both lists, intersection", "code": shared.format(walk="a", test=" and t in b"), "instruction": shared_ask},
        {"id": "k cheapest, wrong way", "code": cheapest.format(op=">"), "instruction": cheapest_ask},
        {"id": "k cheapest", "code": cheapest.format(op="<"), "instruction": cheapest_ask},
        {"id": "heap, parent i // 2", "code": heap.format(parent="i // 2"), "instruction": heap_ask},
        {"id": "heap, parent (i - 1) // 2", "code": heap.format(parent="(i - 1) // 2"), "instruction": heap_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {
        "elided answer, returns": "passed", "constructed input, raises": "failed", "constructed input, returns": "passed",
        "noted output, wrong": "failed", "noted output, right": "passed", "noted output with a note, right": "passed", "noted output with a note, wrong": "failed",
        "an answer worked out": "passed", "both lists, union": "failed", "both lists, intersection": "passed", "k cheapest, wrong way": "failed", "k cheapest": "passed",
        "heap, parent i // 2": "failed", "heap, parent (i - 1) // 2": "passed",
    }, got
    # the example's call is read even though its answer is not; a bug report's call is not
    from hfsynth.curate.instruction_examples import answered_call_claims

    tree = ast.parse(segment.format(next="j + 1"))
    assert answered_call_claims(segment_ask, tree, set()) == [("segment_series([20.0, 20.2, 23.0], 0.5)", "", False, "runs")]
    assert answered_call_claims("`segment_series([1.0], 0.5)` returns [(0, 0, 1.0 instead of 2.0)]", tree, set()) == []
    assert answered_call_claims("`segment_series([1.0], 0.5)` raises ValueError(...)", tree, set()) == []
    assert accepted_inputs('A descending range such as "5-3" raises `ValueError`.', ast.parse("def expand(spec: str):\n    return spec\n")) == []


def test_blind103_to_105s_claims():
    """A usage block's comments are held to, and so is a constructor's repr on the line below a print; a date an
    example answers with is compared; "`"C4"` is 60" is an example; a stub's doctests run; an example shown after
    "e.g." is no input; a Kronecker product is no matrix product; and more classic tasks are known."""
    arrival = "import math\n\ndef arrival_time(departure, km, speed=15.0):\n    h, m = map(int, departure.split(':'))\n    total = (h * 60 + m + {ride}) % 1440\n    return f'{{total // 60:02d}}:{{total % 60:02d}}'\n"
    arrival_response = "```python\n{code}```\n\nExamples:\n\n```python\nprint(arrival_time('08:45', 3.3))  # 08:59\n```\n"
    week = "from datetime import date, timedelta\n\ndef week_bounds(d):\n    monday = d - timedelta(days=d.weekday())\n    return monday, monday + timedelta(days={days})\n\n\nprint(week_bounds(date(2024, 3, 14)))\n# (datetime.date(2024, 3, 11), datetime.date(2024, 3, 17))\n"
    friday = "from datetime import date, timedelta\n\ndef service_day(year, month):\n    day = {start}\n    while day.weekday() != 4:\n        day {step}= timedelta(days=1)\n    return day\n"
    friday_ask = "Write `service_day(year, month)` returning the last Friday of the month.\n\nExample: `service_day(2024, 5)` should return `date(2024, 5, 31)`."
    last = "date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)"
    midi = "import re\n\ndef note_to_midi(note):\n    letter, octave = note[0], int(note[1:])\n    return ({octave}) * 12 + {{'C': 0, 'D': 2, 'E': 4, 'F': 5, 'G': 7, 'A': 9, 'B': 11}}[letter]\n"
    midi_ask = 'Write `note_to_midi(note)` for scientific pitch notation, where middle C `"C4"` is 60 and `"A4"` is 69.'
    postfix = ("def to_postfix(expr):\n    out, ops = [], []\n    for tok in expr.split():\n        if tok.isdigit():\n            out.append(tok)\n        else:\n"
               "            while ops and {{'+': 1, '*': 2}}[ops[-1]] >= {{'+': 1, '*': 2}}[tok]:\n                out.append(ops.pop())\n            ops.append(tok)\n    return out{rest}\n")
    postfix_ask = "Implement this function:\n\n```python\ndef to_postfix(expr: str) -> list[str]:\n    \"\"\"Shunting-yard.\n\n    >>> to_postfix(\"3 + 4 * 2\")\n    ['3', '4', '2', '*', '+']\n    \"\"\"\n```\n"
    months = "import calendar\n\ndef month_lengths(start, end):\n    y, m = map(int, start.split('-'))\n    ey, em = map(int, end.split('-'))\n    out = []\n    while (y, m) <= (ey, em):\n        out.append((f'{y:04d}-{m:02d}', calendar.monthrange(y, m)[1]))\n        y, m = (y + 1, 1) if m == 12 else (y, m + 1)\n    return out\n"
    months_ask = "Implement `month_lengths(start: str, end: str)` over months written 'YYYY-MM', e.g.\n\n    month_lengths('2023-12', '2024-02') -> [('2023-12', 31), ('2024-01', 31), ('2024-02', 29)]\n"
    kron = "def kronecker(a, b):\n    r, s = len(b), len(b[0])\n    return [[a[i // r][j // s] * b[i % r][j % s] for j in range(len(a[0]) * s)] for i in range(len(a) * r)]\n"
    kron_ask = "Write `kronecker(a, b)` that returns the Kronecker product of two matrices given as lists of lists."
    isqrt = "def isqrt(n):\n    if n < 2:\n        return n\n    x, y = n, {first}\n    while y {op} x:\n        x = y\n        y = (x + n // x) // 2\n    return x\n"
    isqrt_ask = "Implement the integer square root `isqrt(n)` with Newton's method (do not use `math.isqrt` or floating point)."
    magic = "def is_magic_square(grid):\n    target = sum(grid[0])\n    lines = [list(r) for r in grid] + [list(c) for c in zip(*grid)]{diagonals}\n    return all(sum(line) == target for line in lines)\n"
    magic_ask = "Write `is_magic_square(grid)`: True when every row, every column and both main diagonals have the same sum."
    both = " + [[grid[i][i] for i in range(len(grid))], [grid[i][~i] for i in range(len(grid))]]"
    perfect = "def perfect_numbers(limit):\n    return [n for n in range(2, limit + 1) if sum(d for d in range(1, n // 2{plus}) if n % d == 0) == n]\n"
    perfect_ask = "Write `perfect_numbers(limit)` returning all perfect numbers `<= limit` in increasing order."
    sieve = "def primes_up_to(n):\n    if n < 2:\n        return []\n    flags = [True] * ({size})\n    flags[0] = flags[1] = False\n    for i in range(2, int(n ** 0.5) + 1):\n        if flags[i]:\n            for j in range(i * i, {size}, i):\n                flags[j] = False\n    return [i for i, f in enumerate(flags) if f]\n"
    sieve_ask = "Write `primes_up_to(n)` returning all primes `p` with `p <= n` (inclusive) using the sieve of Eratosthenes."
    rpn = "def eval_rpn(tokens):\n    stack = []\n    for t in tokens:\n        if t in '+-*':\n            {pops}\n            stack.append(a + b if t == '+' else a - b if t == '-' else a * b)\n        else:\n            stack.append(float(t))\n    return stack[0]\n"
    rpn_ask = "Evaluate an expression in Reverse Polish Notation given as a list of tokens with the operators `+`, `-` and `*`."
    kth = "import heapq\n\ndef kth_smallest(matrix, k):\n    heap = [(row[0], i, 0) for i, row in enumerate(matrix)]\n    heapq.heapify(heap)\n    for _ in range(k {less}):\n        v, i, j = heapq.heappop(heap)\n        if j + 1 < len(matrix[i]):\n            heapq.heappush(heap, (matrix[i][j + 1], i, j + 1))\n    return heap[0][0]\n"
    kth_ask = "Given an n×n matrix whose rows and columns are sorted ascending, return the k-th smallest element (1-based, counting duplicates)."
    parens = "def min_add_to_make_valid(s):\n    balance = need = 0\n    for ch in s:\n        balance += 1 if ch == '(' else -1\n        if balance < 0{fix}:\n            need, balance = need + 1, 0\n    return need + abs(balance)\n"
    parens_ask = "Return the minimum number of parentheses that must be inserted to make a string of `(` and `)` valid."
    prefix = "def longest_common_prefix(words):\n    if not words:\n        return ''\n    first = words[0]\n    for i, ch in enumerate(first):\n        for other in words[1:]:\n            if {test}:\n                return first[:i]\n    return first\n"
    prefix_ask = "Write a function `longest_common_prefix(words: list[str]) -> str` that returns the longest string that is a prefix of every word."
    rows = [
        {"id": "usage comment, wrong", "code": arrival.format(ride="round(km / speed * 60)"), "response": arrival_response.format(code=arrival.format(ride="round(km / speed * 60)"))},
        {"id": "usage comment, right", "code": arrival.format(ride="math.ceil(km / speed * 60)"), "response": arrival_response.format(code=arrival.format(ride="math.ceil(km / speed * 60)"))},
        {"id": "repr below, wrong", "code": week.format(days=7)}, {"id": "repr below, right", "code": week.format(days=6)},
        {"id": "date answer, first friday", "code": friday.format(start="date(year, month, 1)", step="+"), "instruction": friday_ask},
        {"id": "date answer, last friday", "code": friday.format(start=last, step="-"), "instruction": friday_ask},
        {"id": "text is number, wrong", "code": midi.format(octave="octave"), "instruction": midi_ask},
        {"id": "text is number, right", "code": midi.format(octave="octave + 1"), "instruction": midi_ask},
        {"id": "stub doctest, operators left", "code": postfix.format(rest=""), "instruction": postfix_ask},
        {"id": "stub doctest, operators popped", "code": postfix.format(rest=" + ops[::-1]"), "instruction": postfix_ask},
        {"id": "example after e.g.", "code": months, "instruction": months_ask},
        {"id": "kronecker", "code": kron, "instruction": kron_ask},
        {"id": "isqrt, endless", "code": isqrt.format(first="(n + 1) // 2", op="!="), "instruction": isqrt_ask},
        {"id": "isqrt", "code": isqrt.format(first="(n + 1) // 2", op="<"), "instruction": isqrt_ask},
        {"id": "magic, no diagonals", "code": magic.format(diagonals=""), "instruction": magic_ask},
        {"id": "magic", "code": magic.format(diagonals=both), "instruction": magic_ask},
        {"id": "perfect, half left out", "code": perfect.format(plus=""), "instruction": perfect_ask},
        {"id": "perfect", "code": perfect.format(plus=" + 1"), "instruction": perfect_ask},
        {"id": "sieve, n left out", "code": sieve.format(size="n"), "instruction": sieve_ask},
        {"id": "sieve", "code": sieve.format(size="n + 1"), "instruction": sieve_ask},
        {"id": "rpn, operands swapped", "code": rpn.format(pops="a = stack.pop(); b = stack.pop()"), "instruction": rpn_ask},
        {"id": "rpn", "code": rpn.format(pops="b = stack.pop(); a = stack.pop()"), "instruction": rpn_ask},
        {"id": "kth, one pop too many", "code": kth.format(less=""), "instruction": kth_ask},
        {"id": "kth", "code": kth.format(less="- 1"), "instruction": kth_ask},
        {"id": "parens, balance only", "code": parens.format(fix=" and False"), "instruction": parens_ask},
        {"id": "parens", "code": parens.format(fix=""), "instruction": parens_ask},
        {"id": "prefix, reads past a short word", "code": prefix.format(test="other[i] != ch"), "instruction": prefix_ask},
        {"id": "prefix", "code": prefix.format(test="i >= len(other) or other[i] != ch"), "instruction": prefix_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {
        "usage comment, wrong": "failed", "usage comment, right": "passed", "repr below, wrong": "failed", "repr below, right": "passed",
        "date answer, first friday": "failed", "date answer, last friday": "passed", "text is number, wrong": "failed", "text is number, right": "passed",
        "stub doctest, operators left": "failed", "stub doctest, operators popped": "passed", "example after e.g.": "passed", "kronecker": "no_tests",
        "isqrt, endless": "timeout", "isqrt": "passed", "magic, no diagonals": "failed", "magic": "passed", "perfect, half left out": "failed", "perfect": "passed",
        "sieve, n left out": "failed", "sieve": "passed", "rpn, operands swapped": "failed", "rpn": "passed", "kth, one pop too many": "failed", "kth": "passed",
        "parens, balance only": "failed", "parens": "passed", "prefix, reads past a short word": "failed", "prefix": "passed",
    }, got
    # asks read through a parenthesis, "no repeated", a negative input refused; a product's trace is not its product
    assert known_task_claims("Convert a Roman numeral (`I V X L C D M`, subtractive notation, values 1-3999) to an integer.", ast.parse(ROMAN_TO_INT.format(body=ROMAN_SUBTRACTS)))
    assert known_task_claims("Return the length of the longest substring that contains no repeated characters.", ast.parse("def longest_unique(text):\n    return 0\n"))
    assert known_task_claims("How many trailing zeros does `n!` have? Raise `ValueError` for negative `n`.", ast.parse("def trailing_zeros(n):\n    return 0\n"))
    assert known_task_claims("Return the trace of the matrix product `A·B` without forming the product.", ast.parse("def trace_of_product(a, b):\n    return 0\n")) == []
    every = "Write `common_tracks(playlists)` that returns the titles that appear in **every** student's playlist, in the order of the first playlist."
    assert known_task_claims(every, ast.parse("def common_tracks(playlists):\n    return []\n"))
    assert known_task_claims(every + " Count how many there are.", ast.parse("def common_tracks(playlists):\n    return []\n")) == []
    lcs = "Write `longest_common_substring(a: str, b: str) -> str` that returns the longest string that appears **contiguously** in both."
    assert known_task_claims(lcs, ast.parse("def longest_common_substring(a, b):\n    return ''\n"))
    assert known_task_claims(lcs + " Return its length.", ast.parse("def longest_common_substring(a, b):\n    return 0\n")) == []
    # a claim's marker with text that may describe ("-> The ...") is no bare note of the output
    described = 'print(normalize_artist("  the   rolling stones "))  # -> The Rolling Stones\n'
    assert with_comment_claims_checked(described) == (described, 0)


def test_a_noted_working_is_held_to_what_it_comes_to():
    """blind107: ``print(word_score("QUIZ", ...))  # (30 + 1 + 1 + 10) * 2 = 84`` shows the working and then the output."""
    score = "def word_score(word):\n    return {total}\n\n\nprint(word_score('QUIZ'))   # (30 + 1 + 1 + 10) * 2 = 84\n"
    got = {r["id"]: r["exec_status"] for r in execute_rows([{"id": "right", "code": score.format(total=84)}, {"id": "wrong", "code": score.format(total=80)}], CFG)}
    assert got == {"right": "passed", "wrong": "failed"}, got


def test_an_instructions_csv_sample_and_example_call_must_run():
    """blind106: the CSV export an instruction shows is one input for code that reads CSV (not line by line), and a
    fenced example call (``distinct_counts([...])  # -> {...}``) must return, whatever it says of the answer."""
    totals = "import csv, io\nfrom collections import Counter\n\ndef totals_by_owner(csv_text: str) -> dict:\n    totals = Counter()\n    for row in csv.DictReader(io.StringIO(csv_text.strip())):\n        totals[row['owner']] += {amount}\n    return dict(totals)\n"
    totals_ask = "Payments come as CSV text, for example:\n```\ninvoice,owner,amount\nINV-101,Kim,40.00\nINV-102,Lee,125.50\n```\nWrite `totals_by_owner(csv_text)` returning each owner's total."
    distinct = "def distinct_counts(records):\n    seen = {{}}\n    for record in records:\n        for field, value in record.items():\n            seen.setdefault(field, {store}).{add}(value)\n    return {{f: len({count}) for f, v in seen.items()}}\n"
    distinct_ask = ("Write `distinct_counts(records)` returning how many distinct values each field takes, e.g.\n```python\n"
                    "distinct_counts([\n    {\"species\": \"dog\", \"tags\": [\"senior\"]},\n    {\"species\": \"cat\", \"tags\": []},\n])  # -> {\"species\": 2, \"tags\": 2}\n```\n")
    rows = [
        {"id": "csv, text summed", "code": totals.format(amount="row['amount']"), "instruction": totals_ask},
        {"id": "csv, numbers summed", "code": totals.format(amount="float(row['amount'])"), "instruction": totals_ask},
        {"id": "example call, unhashable", "code": distinct.format(store="set()", add="add", count="v"), "instruction": distinct_ask},
        {"id": "example call, runs", "code": distinct.format(store="[]", add="append", count="{repr(x) for x in v}"), "instruction": distinct_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"csv, text summed": "failed", "csv, numbers summed": "passed", "example call, unhashable": "failed", "example call, runs": "passed"}, got


@pytest.mark.slow  # runs the rows in the sandbox: the quick subset keeps its 3-minute budget
def test_blind109_to_111s_claims():
    """Dots inside a claim's quoted texts spell the answer (rows of an n-queens board), and so does an ellipsis the
    code writes itself; a Decimal claimed as its constructor is compared; a call written as a comment with its
    answer (``# loan_ages(loans, date(2024, 5, 22)) -> {...}``) runs on the block's own data; a worded example in
    the response's prose is held to; an instruction's "Example input:" block is one input; "case-insensitive"
    re-cases the row's capitals to lower case too."""
    queens = "def solve_n_queens(n):\n    return {body}\n"
    queens_ask = 'Return all solutions of n-queens as boards of strings, e.g. `solve_n_queens(4)` -> `[[".Q..", "...Q", "Q...", "..Q."], ["..Q.", "Q...", "...Q", ".Q.."]]`'
    boards = '[[".Q..", "...Q", "Q...", "..Q."], ["..Q.", "Q...", "...Q", ".Q.."]] if n == 4 else []'
    shorten = "def shorten(title, width):\n    if len(title) <= width:\n        return title\n    return title[:width - 1].rstrip() + '\u2026'\n\n\nshorten('Dune', 12)  # 'Dune'\nshorten('Supercalifragilistic', 10)  # '{shown}'\n"
    amnesty = "from decimal import Decimal, ROUND_HALF_UP\n\ndef amnesty(fine: Decimal) -> Decimal:\n    return (fine / 2).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n"
    amnesty_response = "```python\n" + amnesty + "```\n\nExamples:\n\n- `amnesty(Decimal(\"2.25\"))` -> `Decimal(\"1.13\")`\n- `amnesty(Decimal(\"0.75\"))` -> `Decimal(\"{half}\")`\n"
    ages = "from datetime import date, datetime\n\ndef loan_ages(loans, as_of):\n    return {{loan['barcode']: (as_of - {when}).days for loan in loans}}\n"
    ages_response = ("```python\n{code}```\n\nUsage:\n\n```python\nloans = [{{\"barcode\": \"31\", \"checked_out\": \"2024-05-02T14:31:00\"}}]\n"
                     "# loan_ages(loans, date(2024, 5, 22)) -> {{\"31\": 20}}\n```\n")
    circuit = ("from collections import defaultdict\n\ndef eulerian_circuit(edges, start):\n    adj = defaultdict(list)\n    for u, v in edges:\n        adj[u].append(v)\n"
               "    stack, circuit = [start], []\n    while stack:\n        node = stack[-1]\n        if adj[node]:\n            stack.append(adj[node]{take})\n        else:\n            circuit.append(stack.pop())\n    return circuit[::-1]\n")
    circuit_response = "```python\n{code}```\n\nFor the edges `[(0, 1), (1, 2), (2, 0)]` and `start = 0` it returns `[0, 1, 2, 0]`.\n"
    load = "import csv, io\nfrom datetime import datetime\n\ndef load_csv(text):\n    return [datetime.strptime(r['timestamp'], '{fmt}') for r in csv.DictReader(io.StringIO(text))]\n"
    load_ask = "Write `load_csv(text)` that parses the logger's CSV export. Example input:\n\n```\ntimestamp,reading\n2024-06-01 00:00,18.4\n2024-06-01 00:10,18.1\n```\n"
    ids = "import re\n\ndef valid_ids(ids):\n    return [i.strip().upper() for i in ids if re.fullmatch(r'WS-[A-Z]{{2}}\\d{{3}}', i.strip(){flags})]\n\n\nassert valid_ids(['WS-NE042', 'XX-NE042']) == ['WS-NE042']\n"
    ids_ask = "Return the valid station IDs (`WS-` then two letters and three digits), normalised to upper case. Matching must be **case-insensitive**."
    rows = [
        {"id": "queens, a count", "code": queens.format(body="2 if n == 4 else 0"), "instruction": queens_ask},
        {"id": "queens, boards", "code": queens.format(body=boards), "instruction": queens_ask},
        {"id": "ellipsis the code writes, wrong", "code": shorten.format(shown="Superca\u2026")},
        {"id": "ellipsis the code writes, right", "code": shorten.format(shown="Supercali\u2026")},
        {"id": "decimal, wrong", "code": amnesty, "response": amnesty_response.format(half="0.37")},
        {"id": "decimal, right", "code": amnesty, "response": amnesty_response.format(half="0.38")},
        {"id": "commented call, date minus datetime", "code": ages.format(when="datetime.fromisoformat(loan['checked_out'])"),
         "response": ages_response.format(code=ages.format(when="datetime.fromisoformat(loan['checked_out'])"))},
        {"id": "commented call, dates", "code": ages.format(when="datetime.fromisoformat(loan['checked_out']).date()"),
         "response": ages_response.format(code=ages.format(when="datetime.fromisoformat(loan['checked_out']).date()"))},
        {"id": "worded example in prose, endless", "code": circuit.format(take="[-1]"), "response": circuit_response.format(code=circuit.format(take="[-1]"))},
        {"id": "worded example in prose, right", "code": circuit.format(take=".pop()"), "response": circuit_response.format(code=circuit.format(take=".pop()"))},
        {"id": "example input, seconds asked", "code": load.format(fmt="%Y-%m-%d %H:%M:%S"), "instruction": load_ask},
        {"id": "example input, read", "code": load.format(fmt="%Y-%m-%d %H:%M"), "instruction": load_ask},
        {"id": "case-insensitive, capitals only", "code": ids.format(flags=""), "instruction": ids_ask},
        {"id": "case-insensitive, ignorecase", "code": ids.format(flags=", re.IGNORECASE"), "instruction": ids_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {
        "queens, a count": "failed", "queens, boards": "passed", "ellipsis the code writes, wrong": "failed", "ellipsis the code writes, right": "passed",
        "decimal, wrong": "failed", "decimal, right": "passed", "commented call, date minus datetime": "failed", "commented call, dates": "passed",
        "worded example in prose, endless": "timeout", "worded example in prose, right": "passed", "example input, seconds asked": "failed",
        "example input, read": "passed", "case-insensitive, capitals only": "failed", "case-insensitive, ignorecase": "passed",
    }, got


def test_blind115_to_120s_good_rows_are_not_misread():
    """blind115-120's good rows lost on arrival at 9b5592a to what execution was told: "sums like `0.1 + 0.2`" is no
    input; "Return None for an empty list and raise ValueError if ..." raises for something else; "with assignments
    `[...]` and `{...}`" names its first value and not its second; a list of statuses is no list of dicts; and a
    regular expression keeps its case when the row's call is re-cased ("\\b" is not "\\B")."""
    from hfsynth.curate.worded_examples import worded_examples

    total = "from decimal import Decimal\n\n\ndef batch_total(amounts: list[str]) -> str:\n    return f'{sum(Decimal(a) for a in amounts):.2f}'\n"
    assert accepted_inputs("Amounts are strings such as `\"19.99\"`. Floating-point sums like `0.1 + 0.2` must not leak into the result.", ast.parse(total)) == ["19.99"]
    grade = "def most_common_grade(letters: list[str]) -> str | None:\n    return max(letters) if letters else None\n"
    ask = "Write `most_common_grade(letters)` that returns the most common letter. Return `None` for an empty list and raise `ValueError` if {}."
    assert required_error_claims(ask.format("any entry is not one of `A B C D F`"), ast.parse(grade)) == []
    assert required_error_claims("Write `most_common_grade(letters)`. Raise `ValueError` for an empty list.", ast.parse(grade)) != []
    missing = "def missing_work(assignments, submissions):\n    return {s: [a for a in assignments if a not in set(h)] for s, h in submissions.items()}\n"
    said = worded_examples('Example: with assignments `["hw1", "hw2"]` and `{"Ana": ["hw1"]}` the result is `{"Ana": ["hw2"]}`.', ast.parse(missing))
    assert [e.call for e in said] == ["missing_work(assignments=['hw1', 'hw2'], submissions={'Ana': ['hw1']})"]
    events = "def status_summary(events: list[dict]) -> list:\n    return sorted({e['status'] for e in events})\n"
    assert worded_examples('For statuses `["In Transit", "delivered"]` the result is `["delivered", "in transit"]`.', ast.parse(events)) == []
    categorize = ("import re\n\n\ndef categorize(description: str, rules: list) -> str:\n    for pattern, category in rules:\n"
                  "        if re.search(pattern, description, flags=re.IGNORECASE):\n            return category\n    return 'uncategorized'\n")
    tests = "RULES = [(r'\\b(tesco|aldi)\\b', 'groceries'), (r'\\bcard\\b', 'card-other')]\nassert categorize('CARD PAYMENT TO TESCO 2231', RULES) == 'groceries'\n"
    row = {"id": "regex rules", "code": categorize, "tests": tests, "language": "python",
           "instruction": "Write `categorize(description, rules)`: the first matching rule wins. Matching is case-insensitive."}
    assert [(r["exec_status"], r["exec_detail"]) for r in execute_rows([row], CFG)] == [("passed", "")]


def test_a_second_error_and_an_it_are_read():
    """blind116 and blind120: "Raise `KeyError` for an unknown account and `ValueError` if the amount is zero or negative"
    requires the second error too; "The actual weight must be positive; raise `ValueError` if it is zero or negative"
    says what "it" is, and the other numbers the function takes need only be numbers."""
    from hfsynth.curate.required_errors import _conditions

    assert list(_conditions("Raise `KeyError` for an unknown account and `ValueError` if the amount is zero or negative.")) == [("ValueError", "not_positive", "amount")]
    ask = "Implement `chargeable_weight(actual_kg, length_cm, width_cm, height_cm)`. The actual weight must be positive; raise `ValueError` if it is zero or negative."
    weight = "import math\n\n\ndef chargeable_weight(actual_kg: float, length_cm: float, width_cm: float, height_cm: float) -> int:\n{guard}    return math.ceil(max(actual_kg, length_cm * width_cm * height_cm / 5000))\n"
    claims = required_error_claims(ask, ast.parse(weight.format(guard="")))
    assert [c[0].split(")(")[1] for c in claims] == ["chargeable_weight(actual_kg=0, length_cm=10, width_cm=10, height_cm=10))",
                                                     "chargeable_weight(actual_kg=-1, length_cm=10, width_cm=10, height_cm=10))"]
    rows = [{"id": guard, "code": weight.format(guard=guard), "instruction": ask, "language": "python"}
            for guard in ("", "    if actual_kg <= 0:\n        raise ValueError('the actual weight must be positive')\n")]
    assert [r["exec_status"] for r in execute_rows(rows, CFG)] == ["failed", "passed"]


def test_a_claim_glossed_after_its_value_is_the_value():
    """blind115: ``# -> Fraction(81, 50), i.e. 1.62 cents per point`` claims Fraction(81, 50); what follows ", i.e." says what it
    means. A value that is no plain value before the gloss is not cut ("about 5, i.e. five" stays vague)."""
    from hfsynth.curate.claimed_outputs import _claimed

    assert _claimed("# -> Fraction(81, 50), i.e. 1.62 cents per point") == "Fraction(81, 50)"
    assert _claimed("# -> about 5, i.e. five") == ""
    code = "from fractions import Fraction\n\n\ndef cents_per_point(cash, taxes, points):\n    return (Fraction(cash) - Fraction(taxes)) * 100 / points\n"
    response = "```python\n{code}```\n\nExamples:\n\n```python\ncents_per_point(\"412.60\", \"88.60\", 25000)   # -> Fraction({want}), i.e. 1.296 cents per point\n```\n"
    rows = [{"id": want, "code": code, "response": response.format(code=code, want=want), "language": "python"} for want in ("162, 125", "81, 50")]
    assert [r["exec_status"] for r in execute_rows(rows, CFG)] == ["passed", "failed"]


def test_a_promised_round_trip_runs_on_made_up_values():
    """blind117: "such that `load_exploration(save_exploration(cells)) == cells` for any set of cells" is run on made-up
    cells of the annotation the instruction spells (``set[tuple[int, int]]``): JSON gives the cells back as lists,
    which a set cannot hold. A round trip over texts is not made up (a made-up text may be no valid input)."""
    from hfsynth.curate.round_trips import round_trip_claims

    ask = ("Write `save_exploration(explored: set[tuple[int, int]]) -> str` and `load_exploration(text: str) -> set[tuple[int, int]]` "
           "such that `load_exploration(save_exploration(cells)) == cells` for any set of cells.")
    code = "import json\n\n\ndef save_exploration(explored):\n    return json.dumps(sorted(explored))\n\n\ndef load_exploration(text):\n    return set({item} for cell in json.loads(text))\n"
    claims = round_trip_claims(ask, ast.parse(code.format(item="cell")))
    assert claims[0] == ("load_exploration(save_exploration({(3, 2), (4, 6), (5, 3)})) == {(3, 2), (4, 6), (5, 3)}", "True", False)
    rows = [{"id": item, "code": code.format(item=item), "instruction": ask, "language": "python"} for item in ("cell", "tuple(cell)")]
    assert [r["exec_status"] for r in execute_rows(rows, CFG)] == ["failed", "passed"]
    assert round_trip_claims("Write `encode(text: str)` and `decode(code)` so that `decode(encode(s)) == s`.",
                             ast.parse("def encode(text: str):\n    return text[::-1]\n\n\ndef decode(code):\n    return code[::-1]\n")) == []


def test_blind121_to_123s_examples_and_known_tasks_not_misread():
    """blind122-123: "the median number of goals per match for a list of (home, away, home_goals, away_goals) results" is
    no list of numbers to probe; "sort like their uppercase versions" is no version sort; '"Doe, Jane",42' -> [...] is one
    of ``text_to_columns(values)``'s values; "Examples with base "C5"" hold under that base, not the default."""
    from hfsynth.curate.instruction_examples import instruction_examples
    from hfsynth.curate.known_tasks import known_task_claims

    median = "import statistics\n\n\ndef median_goals(results):\n    return statistics.median(hg + ag for _, _, hg, ag in results)\n"
    assert known_task_claims("Write `median_goals(results)` returning the median number of total goals per match for a list of "
                             "`(home, away, home_goals, away_goals)` results.", ast.parse(median)) == []
    refs = "def sort_refs(refs):\n    return sorted(refs, key=lambda r: (int(r.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz')), r.upper()))\n"
    assert known_task_claims("Write `sort_refs(refs)` sorting cell references by row; lowercase references sort like their uppercase versions.", ast.parse(refs)) == []
    columns = "import csv\n\n\ndef text_to_columns(values, delimiter=','):\n    return [next(csv.reader([v], delimiter=delimiter), []) for v in values]\n"
    assert instruction_examples("Write `text_to_columns(values)`. A field may be quoted (`'\"Doe, Jane\",42'` -> `[\"Doe, Jane\", \"42\"]`).", columns) == []
    r1c1 = "def r1c1_to_a1(ref: str, base: str = 'A1') -> str:\n    return ref\n"
    assert instruction_examples('Convert R1C1 to A1. Examples with base `"C5"`: `"R3C2"` -> `"B3"`, `"RC"` -> `"C5"`.', r1c1) == []
    assert [e.call for e in instruction_examples('Convert R1C1 to A1. Examples: `"R3C2"` -> `"B3"`, `"R1C1"` -> `"A1"`.', r1c1)] == ["r1c1_to_a1('R3C2')", "r1c1_to_a1('R1C1')"]


def test_blind124_to_130s_claims_inputs_and_probes():
    """blind124-130's lessons for execution: ``print(a, b)  # 3 1.5`` claims both values; ``33.3`` for a value that prints
    33.33 is another number (0.33 for a third is not); ``Counter({'Ann': 2})`` claims counts; `""` is an input like any
    other; a shown block after "conflict style:" is a document to read (git's ``>>>>>>>`` is no prompt), and so is one
    after "Sample:" for ``log_text``; ``moment.time()`` reads no clock; "gives 2.5-1.5" claims no 2; and
    ``edit_distance`` with "no substitutions" is no Levenshtein."""
    from hfsynth.curate.claimed_outputs import prose_claims

    units = "def units(minutes):\n    return -(-minutes // 15)\n\n\ndef fee(minutes):\n    return units(minutes) * 0.5\n\n\nprint(units(46), fee(46))  # {want}\n"
    share = "def share(used, total):\n    return round(100 * used / total, 2)\n\n\nprint(share(480, 1440))  # {want}\nprint(1 / 3)  # 0.333\n"
    wins = "from collections import Counter\n\n\ndef wins(games):\n    c = Counter()\n    for white, black, result in games:\n        if result == '1-0':\n            c.update({winner})\n    return c\n"
    wins_response = "```python\n{code}```\n\n`wins([(\"Ann\", \"Bob\", \"1-0\")])` gives `Counter({{'Ann': 1}})`.\n"
    colour = "def preference(history: str):\n    if history.count('W') != history.count('B'):\n        return 'W' if history.count('B') > history.count('W') else 'B'\n    return {last}\n"
    conflicts = ("def parse_conflicts(text):\n    blocks, block, part = [], None, None\n    for line in text.splitlines():\n        if line.startswith('<<<<<<<'):\n"
                 "            block, part = {{'ours': [], 'base': {base}, 'theirs': []}}, 'ours'\n        elif block is not None and line.startswith('|||||||'):\n"
                 "            part = 'base'\n        elif block is not None and line.startswith('======='):\n            part = 'theirs'\n"
                 "        elif block is not None and line.startswith('>>>>>>>'):\n            blocks.append(block)\n            block = None\n"
                 "        elif block is not None:\n            block[part].append(line)\n    return blocks\n")
    conflict_ask = ("Write `parse_conflicts(text)` returning the conflict blocks. The file may use the `diff3` style:\n\n```\n<<<<<<< HEAD\nours\n"
                    "||||||| base\nold\n=======\ntheirs\n>>>>>>> feature\n```\n")
    numstat = "def totals(log_text):\n    out = {{}}\n    for line in log_text.splitlines():\n        added, deleted, _ = line.split('\\t')\n        out[_] = {count}\n    return out\n"
    numstat_ask = "Write `totals(log_text)` for `git log --numstat` lines; binary files show `-` for both numbers. Sample:\n\n```\n10\t2\tsrc/app.py\n-\t-\tlogo.png\n```\n"
    running = ("from datetime import datetime, timedelta\n\n\ndef running_at(shows, moment):\n    now = datetime.strptime(moment, '%H:%M'){now}\n"
               "    return sorted(t for t, start, minutes in shows if (s := datetime.strptime(start, '%H:%M')){start} <= now < s + timedelta(minutes=minutes))\n")
    running_response = "```python\n{code}```\n\n`running_at([(\"Heat\", \"18:00\", 170)], \"20:00\")` returns `[\"Heat\"]`.\n"
    rows = [
        {"id": "print two wrong", "code": units.format(want="3 1.5")}, {"id": "print two right", "code": units.format(want="4 2.0")},
        {"id": "float short", "code": share.format(want="33.3")}, {"id": "float whole", "code": share.format(want="33.33")},
        {"id": "counter wrong", "code": wins.format(winner="white"), "response": wins_response.format(code=wins.format(winner="white"))},
        {"id": "counter right", "code": wins.format(winner="[white]"), "response": wins_response.format(code=wins.format(winner="[white]"))},
        {"id": "empty input raises", "code": colour.format(last="{'W': 'B', 'B': 'W'}.get(history[-1])"),
         "instruction": 'Write `preference(history)`, a string of colours (e.g. `"WBW"`, or `""` before round 1); `None` when there is no history.'},
        {"id": "empty input taken", "code": colour.format(last="{'W': 'B', 'B': 'W'}.get(history[-1:])"),
         "instruction": 'Write `preference(history)`, a string of colours (e.g. `"WBW"`, or `""` before round 1); `None` when there is no history.'},
        {"id": "diff3 raises", "code": conflicts.format(base="None"), "instruction": conflict_ask},
        {"id": "diff3 read", "code": conflicts.format(base="[]"), "instruction": conflict_ask},
        {"id": "sample raises", "code": numstat.format(count="(int(added), int(deleted))"), "instruction": numstat_ask},
        {"id": "sample read", "code": numstat.format(count="(added, deleted)"), "instruction": numstat_ask},
        {"id": "time raises", "code": running.format(now=".time()", start=".time()"), "response": running_response.format(code=running.format(now=".time()", start=".time()"))},
        {"id": "time runs", "code": running.format(now="", start=""), "response": running_response.format(code=running.format(now="", start=""))},
    ]
    for row in rows:
        row["language"] = "python"
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"print two wrong": "failed", "print two right": "passed", "float short": "failed", "float whole": "passed",
                   "counter wrong": "failed", "counter right": "passed", "empty input raises": "failed", "empty input taken": "passed",
                   "diff3 raises": "failed", "diff3 read": "passed", "sample raises": "failed", "sample read": "passed",
                   "time raises": "failed", "time runs": "passed"}
    score = "def score_match(boards):\n    home = sum(boards)\n    return {'home': home, 'away': len(boards) - home}\n"
    assert prose_claims("For example `score_match([1, 0.5, 0, 1])` gives 2.5–1.5 on the boards.", ast.parse(score)) == [("score_match([1, 0.5, 0, 1])", "", False, "runs")]
    myers = "def edit_distance(a, b):\n    return len(a) + len(b)\n"
    assert known_task_claims("Write `edit_distance(a, b)`: the fewest single-line insertions plus deletions (no substitutions).", ast.parse(myers)) == []
    assert known_task_claims("Write `edit_distance(a, b)`, the Levenshtein distance of two strings.", ast.parse(myers)) != []


def test_blind131_to_134s_claims_not_misread_and_read():
    """blind131-134: '"none" gives 1170.5' is a value of ``coverage``, which the code tests, not of ``items``; "gives 120 +
    200 + 180 = 500 kcal in total and returns {...}" claims no 500; ``"cups" -> "cup"`` beside ``-> tuple[...]`` is a
    rule inside the function; the case probe re-cases a record's name, not its unit; a bulleted example's answer is not
    the start of a sum with the next bullet; and "This prints `...`" after the code's one print, and a print's output
    noted alone on the line below, are claims."""
    from hfsynth.curate.worded_examples import worded_examples

    charge = "def damage_charge(items, coverage='basic', excess=1000.0):\n    if coverage not in ('none', 'basic', 'full'):\n        raise ValueError(coverage)\n    total = sum(c for _, c in items)\n    return 0.0 if coverage == 'full' else min(total, excess) if coverage == 'basic' else total\n"
    assert worded_examples('For a bumper (350.0) and a mirror (820.5): `"none"` gives `1170.5`.', ast.parse(charge)) == []
    macro = "def macro_split(p, c, f):\n    total = 4 * p + 4 * c + 9 * f\n    return {'protein': round(400 * p / total, 1)}\n"
    assert instruction_examples("For example `macro_split(30, 50, 20)` gives 120 + 200 + 180 = 500 kcal in total and returns `{...}`.", macro, calls_only=True) == []
    assert [e.want for e in instruction_examples("`macro_split(30, 50, 20)` gives 4 * 30 = 120.", macro, calls_only=True)] == ["120"]
    parse = "from fractions import Fraction\n\n\ndef parse_ingredient(line: str) -> tuple[Fraction, str, str]:\n    q, unit, *name = line.split()\n    return Fraction(q), unit.rstrip('s'), ' '.join(name)\n"
    assert instruction_examples('Return the unit singular (`"cups"` -> `"cup"`).', parse) == []
    bullets = "- `end_time(\"19:30\", 165)` -> `\"22:15\"`\n- `end_time(\"22:30\", 181)` -> `\"01:46\"`\n"
    clock = "def end_time(start, runtime):\n    h, m = map(int, start.split(':'))\n    t = (h * 60 + m + runtime) % 1440\n    return f'{t // 60:02d}:{t % 60:02d}'\n"
    assert [e.want for e in instruction_examples(bullets.replace("`", ""), clock, calls_only=True)] == ['"22:15"', '"01:46"']
    merge = ("from collections import defaultdict\n\n\ndef merge_lists(*lists):\n    totals = defaultdict(float)\n    for items in lists:\n"
             "        for name, qty, unit in items:\n            totals[(name.strip().lower(), unit)] += qty\n    return sorted((n, q, u) for (n, u), q in totals.items())\n\n\n"
             "assert merge_lists([('Milk', 1, 'l')], [('milk ', 0.5, 'l')]) == [('milk', 1.5, 'l')]\n")
    scale = "def scale(recipe, factor):\n    return {{name: round(g * factor) for name, g in recipe.items()}}\n\n\nprint(scale({{'water': 325, 'salt': 9}}, 0.5))\n"
    scale_response = "```python\n{code}```\n\nThis prints `{want}`.\n"
    summary = "def summary(name, kcal):\n    return f'{{name}}: {{kcal}} kcal'\n\n\nprint(summary('Breakfast', {kcal}))\n# Breakfast: 310 kcal\n"
    rows = [
        {"id": "records re-cased by name", "code": merge, "instruction": "Names match case-insensitively; items with the same name and unit are combined."},
        {"id": "prints wrong", "code": scale.format(), "response": scale_response.format(code=scale.format(), want="{'water': 163, 'salt': 5}")},
        {"id": "prints right", "code": scale.format(), "response": scale_response.format(code=scale.format(), want="{'water': 162, 'salt': 4}")},
        {"id": "noted wrong", "code": summary.format(kcal="310.0")}, {"id": "noted right", "code": summary.format(kcal="310")},
    ]
    for row in rows:
        row["language"] = "python"
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {
        "records re-cased by name": "passed", "prints wrong": "failed", "prints right": "passed", "noted wrong": "failed", "noted right": "passed"}


def test_blind135_to_141s_claims():
    """A worked-out sum in thousands ("`sales_commission(750_000)` is 3,000 + 8,000 + 2,500 = **13500.0**") claims its
    last value, not 3; a print's claimed "Supercalif..." is output when the code appends "..." itself; a ```json
    payload shown "like this:" must be accepted by the function that json-loads its one text; "the median of exactly 7
    counts, rounded to the nearest 500" is no plain median to probe."""
    tiers = "def sales_commission(sale_price):\n    return sale_price * 0.018\n"
    said = "`sales_commission(750_000)` is 3,000 + 8,000 + 2,500 = 13500.0."
    assert [(e.call, e.want) for e in instruction_examples(said, tiers)] == [("sales_commission(750_000)", "13500.0")]
    assert instruction_examples("`sales_commission(750_000)` is 13,500.00 euros.", tiers) == []
    shorten = ("def shorten_title(title: str, width: int = 20) -> str:\n    if len(title) <= width:\n        return title\n"
               "    cut = title[: width - 3]\n    if title[width - 3] != ' ':\n        space = cut.rfind(' ')\n        if space > 0:\n"
               "            cut = cut[:space]\n    return cut.rstrip() + {tail}\n")
    usage = 'print(shorten_title("Hold On"))  # Hold On\nprint(shorten_title("Supercalifragilisticexpialidocious", 12))  # Supercalif...\n'
    rows = [{"id": tail, "code": shorten.format(tail=tail), "response": f"```python\n{shorten.format(tail=tail)}```\n\n```python\n{usage}```\n",
             "instruction": "Write `shorten_title(title, width=20)` that cuts a title to fit."} for tail in ('"..."', '"~"')]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert got['"..."'][0] == "failed" and "it shows 'Supercali...'" in got['"..."'][1]
    assert got['"~"'][0] == "passed"  # the code writes no dots: "..." elides the claim
    payload = "import json\n\n\ndef payload_mean(payload: str) -> tuple:\n    data = json.loads(payload)\n    temps = [t for _, t in data['readings']{items}]\n    return data['station'], round(sum(temps) / len(temps), 1)\n"
    ask = ('Stations upload JSON payloads like this:\n\n```json\n{"station": "HILL-2", "readings": [["06:00", 4.5], ["06:20", 5.2]]}\n```\n\n'
           "Write `payload_mean(payload: str) -> tuple[str, float]`.")
    claims = accepted_input_claims(ask, ast.parse(payload.format(items="")), ask)
    assert len(claims) == 1 and "payload_mean('{\"station\": \"HILL-2\"" in claims[0][0]
    rows = [{"id": name, "code": payload.format(items=items), "instruction": ask} for name, items in (("list", ""), ("dict", ".items()"))]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {"list": "passed", "dict": "failed"}
    goal = "Write `next_week_goal(last_week)`: exactly 7 daily step counts; the goal is the median of those counts, rounded to the nearest 500."
    assert known_task_claims(goal, ast.parse("def next_week_goal(last_week):\n    return 5000\n")) == []
    assert known_task_claims(MEDIAN, ast.parse("def median(xs):\n    return xs[0]\n")) != []


def test_blind149_to_155s_claims():
    """Working before an arrow ("# 250 + 375 + 100 -> 725.0") claims what follows it; a price worked out as a sum
    ("8 km costs 5 * 1.50 + 3 * 1.20 = 11.10") claims the sum; titles deduplicated only when "exactly the same string"
    stay equal under the case probe; "Calling `print_breakdown(7.2, 14)` prints:" claims its block; a lone helper that
    takes one number is no "seconds as H:MM:SS" function, nor is "strictly greater than zero" a rising run."""
    from hfsynth.curate.quantity_examples import quantity_examples

    fee = "def loan_fee(days: int) -> float:\n    return 250.0 + 12.5 * days + 100\n"
    noted = "```python\n{code}```\n\nExamples:\n\n```python\nprint(loan_fee(30))   # 250 + 375 + 100       -> {want}\nprint(loan_fee(400))  # 250 + 5000 + 100    -> capped at 5000.0\n```\n"
    search = ("def search_catalogue(titles: list[str], query: str) -> list[str]:\n    needle = query.casefold()\n"
              "    matches = {{title{fold} for title in titles if needle in title.casefold()}}\n    return sorted(matches, key=lambda t: (t.casefold(), t))\n")
    tests = 'titles = ["The Night Watch", "night cafe", "Nighthawks", "Water Lilies", "Nighthawks"]\nassert len(search_catalogue(titles, "NIGHT")) == 3\n'
    exact = "Write `search_catalogue(titles, query)`: every title containing `query`, ignoring case. Titles that appear more than once (exactly the same string) are returned once."
    folded = "Write `search_catalogue(titles, query)`: every title containing `query`, ignoring case. Titles that differ only in case are the same title: return it once."
    breakdown = ("def print_breakdown(distance_km: float, minutes: int) -> float:\n    cost = distance_km * 1.20\n"
                 "    print(f\"Distance {distance_km} km: ${cost:.2f}\")\n    return cost\n")
    prints = "```python\n{code}```\n\nCalling `print_breakdown(7.2, 14)` prints:\n\n```\nDistance 7.2 km: ${want}\n```\n"
    rows = [
        {"id": "worked, right", "code": fee, "response": noted.format(code=fee, want="725.0")},
        {"id": "worked, wrong", "code": fee, "response": noted.format(code=fee, want="752.0")},
        {"id": "exact titles", "code": search.format(fold=""), "tests": tests, "instruction": exact},
        {"id": "folded titles, kept apart", "code": search.format(fold=""), "tests": tests, "instruction": folded},
        {"id": "prints right", "code": breakdown, "response": prints.format(code=breakdown, want="8.64")},
        {"id": "prints wrong", "code": breakdown, "response": prints.format(code=breakdown, want="8.46")},
    ]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert {name: status for name, (status, _) in got.items()} == {
        "worked, right": "passed", "worked, wrong": "failed", "exact titles": "passed", "folded titles, kept apart": "failed",
        "prints right": "passed", "prints wrong": "failed"}, got
    assert "shows '752.0'; it shows '725.0'" in got["worked, wrong"][1]
    charge = ast.parse("def distance_charge(km: float) -> float:\n    return km\n")
    said = "`distance_charge(km)`: for example 8 km costs 5 * 1.50 + 3 * 1.20 = 11.10, and 2 km costs 3."
    assert [(e.call, e.want) for e in quantity_examples(said, charge)] == [("distance_charge(8)", "11.10"), ("distance_charge(2)", "3")]
    assert quantity_examples("`distance_charge(km)`: so 8 km costs 5 * 1.50 plus the rest.", charge) == []
    certificate = ("def ordinal(n: int) -> str:\n    return f'{n}th'\n\n\ndef certificate(name, seconds, place):\n"
                   "    return f'{name} {seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d} {ordinal(place)}'\n")
    ask = "Write `certificate(name, seconds, place)` where the time is formatted `H:MM:SS` and the place as an English ordinal."
    assert known_task_claims(ask, ast.parse(certificate)) == []
    assert known_task_claims("Format a number of seconds as H:MM:SS.", ast.parse("def fmt(n: int) -> str:\n    return str(n)\n")) != []
    streak = "def longest_snow_streak(snowfall):\n    return 0\n"
    assert known_task_claims("Return the length of the longest run of consecutive days with snowfall strictly greater than zero.", ast.parse(streak)) == []
    assert known_task_claims("Return the length of the longest run of consecutive days with strictly increasing snowfall.", ast.parse(streak)) != []
    dose = "def cost_per_day(price, quantity, daily_dose):\n    return round(price / (quantity / daily_dose), 2)\n"
    bold = "```python\n{code}```\n\nA $12.50 box of 28 capsules taken twice daily costs `cost_per_day(12.50, 28, 2)` = **{want}** per day."
    groups = ("from collections import Counter\n\n\ndef female_majority_groups(finishers):\n    women = Counter(g for g, s in finishers if s == 'F')\n"
              "    men = Counter(g for g, s in finishers if s == 'M')\n    return sorted(g for g in women if women[g] > men[g])\n\n\n"
              "finishers = [('18-34', 'F'), ('18-34', 'M'), ('18-34', 'F'), ('55+', 'M'), ('55+', 'F')]\n")
    sample = "```python\n{code}```\n\nFor the sample `finishers` above, `female_majority_groups(finishers)` returns `{want}`."
    rows = [{"id": f"{name}, {want}", "code": code, "response": shown.format(code=code, want=want)}
            for name, code, shown, wants in (("bold", dose, bold, ("0.89", "0.45")), ("sample", groups, sample, ("['18-34']", "['18-34', '55+']")))
            for want in wants]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {
        "bold, 0.89": "passed", "bold, 0.45": "failed", "sample, ['18-34']": "passed", "sample, ['18-34', '55+']": "failed"}
    decode = "def decode_size_type(code: str) -> dict:\n    return {}\n"
    table = "Decode a code such as '22G1'.\n\n1st char: length    '2' -> 20, '4' -> 40, 'L' -> 45 (feet)\n"
    assert instruction_examples(table, decode) == []
    assert [e.call for e in instruction_examples(table, decode.replace("-> dict", "-> int"))] != []  # a number is an int function's answer


def test_blind156_to_161s_good_rows_and_a_json_document_shown_without_a_cue():
    """blind161: "The open-data portal publishes the network as JSON:" and a ```json document, for a function that only
    parses JSON: the document is its input, and ``", ".join(route["stops"])`` over its numbers raises (a function that
    writes JSON too may be shown its output, so there a cue is still needed). blind160: "Any other name (including plurals
    such as `"quarters"`) raises `ValueError`": no accepted input. blind157: "is 3 people x 3 nights x 1.20 = `10.8`": the
    answer comes after the working's "=". blind156: an oven's Fahrenheit to Celsius "in steps of 5", which raises outside
    50-300 °C, is no classic conversion to probe with the freezing point."""
    from hfsynth.curate.claimed_outputs import prose_claims

    strings = ("import json\n\n\ndef route_stop_strings(json_text: str) -> dict:\n    data = json.loads(json_text)\n"
               "    return {r['id']: ', '.join(JOINED) for r in data['routes']}\n")
    portal = ("The open-data portal publishes the network as JSON:\n\n```json\n{\"routes\": [{\"id\": \"4\", \"stops\": [1042, 1043]}]}\n```\n\n"
              "Write `route_stop_strings(json_text)` mapping each route id to its stop ids joined by `\", \"`.")
    rows = [{"id": name, "code": strings.replace("JOINED", joined), "instruction": portal}
            for name, joined in (("ints joined", "r['stops']"), ("texts joined", "map(str, r['stops'])"))]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {"ints joined": "failed", "texts joined": "passed"}
    writer = strings.replace("return {", "return json.dumps({").replace("]}\n", "]})\n")
    assert accepted_input_claims("Write it.", ast.parse(writer), portal) == []
    coins = ("COINS = {'nickel': 5, 'dime': 10, 'quarter': 25}\n\n\ndef coins_total(coins: list[str]) -> int:\n"
             "    return sum(COINS[c.strip().lower()] for c in coins)\n")
    refused = "Write `coins_total(coins)`. Any other name (including plurals such as `\"quarters\"`) raises `ValueError`."
    assert accepted_input_claims(refused, ast.parse(coins), refused) == []
    tax = "def tourist_tax(ages: list[int], nights: int) -> float:\n    return round(sum(a >= 12 for a in ages) * min(nights, 7) * 1.2, 2)\n"
    said = "```python\n{code}```\n\nSo `tourist_tax([40, 38, 12, 9], 3)` is 3 people x 3 nights x 1.20 = `{want}`, as the tax office says."
    assert prose_claims(said.format(code=tax, want="10.8"), ast.parse(tax)) == [("tourist_tax([40, 38, 12, 9], 3)", "10.8", False)]
    rows = [{"id": want, "code": tax, "response": said.format(code=tax, want=want)} for want in ("10.8", "3.6")]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {"10.8": "passed", "3.6": "failed"}
    oven = ("import math\n\n\ndef to_oven_celsius(fahrenheit: float) -> int:\n    setting = 5 * math.floor((fahrenheit - 32) * 5 / 9 / 5 + 0.5)\n"
            "    if not 50 <= setting <= 300:\n        raise ValueError('outside the range')\n    return setting\n")
    ask = "Convert Fahrenheit to Celsius{more}. Write `to_oven_celsius(fahrenheit)`."
    assert known_task_claims(ask.format(more=" in steps of 5 degrees; raise ValueError outside 50-300"), ast.parse(oven)) == []
    assert known_task_claims(ask.format(more=""), ast.parse(oven)) != []


def test_usage_blocks_with_lists_spelt_short_keywords_and_notes_below_a_print():
    """blind158: ``game_summary("Dutch", [10, 9, 1] * 5 + [10])`` with its output on the comment line below (a list spelt
    short is a plain value), and ``print(to_notation([10] * 12))`` with "# X X X ..." below it (the line it prints);
    blind159: ``initial_reserve("auto", 5, attorney=True)  # -> 32500.0`` (plain keywords); blind160: two comment lines
    below a print hold its two lines, the first compared. A list cut over two comment lines is no line of output."""
    summary = "def game_summary(name, rolls):\n    return f'{name}: {sum(rolls)}'\n"
    notation = "def to_notation(rolls):\n    return ' '.join('X' for _ in rolls)\n"
    reserve = "def initial_reserve(line, severity, attorney=False):\n    return 2500.0 * severity * (1.5 if attorney else 1)\n"
    card = "def render_card(stamps):\n    return 'x' * stamps + '\\n' + 'o' * stamps\n"
    blocks = {"summary": (summary, "game_summary('Dutch', [10, 9, 1] * 5 + [10])\n# 'Dutch: {want}'\n", ("110", "200")),
              "notation": (notation, "print(to_notation([10] * 3))\n# {want}\n", ("X X X", "X X XX")),
              "reserve": (reserve, "initial_reserve('auto', 2)  # -> 5000.0\ninitial_reserve('auto', 2, attorney=True)  # -> {want}\n", ("7500.0", "6500.0")),
              "card": (card, "print(render_card(2))\n# {want}\n# oo\n", ("xx", "oo"))}
    rows = [{"id": f"{name} {want}", "code": code, "response": f"```python\n{code}```\n\nExample:\n\n```python\n{block.format(want=want)}```\n"}
            for name, (code, block, wants) in blocks.items() for want in wants]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"summary 110": "passed", "summary 200": "failed", "notation X X X": "passed", "notation X X XX": "failed",
                   "reserve 7500.0": "passed", "reserve 6500.0": "failed", "card xx": "passed", "card oo": "failed"}, got
    from hfsynth.curate.claimed_outputs import example_block_claims

    errors = "def check(records):\n    return ['record 1: missing name', 'record 1: unknown unit', 'record 2: bad']\n"
    wrapped = "```python\nprint(check([{}]))\n# ['record 1: missing name', 'record 1: unknown unit',\n#  'record 2: bad']\n```\n"
    assert example_block_claims(wrapped, errors, ast.parse(errors)) == []


def test_an_arrow_after_values_named_by_their_parameters():
    """blind156: "Example: baked `{...}`, sold `{...}` -> `{...}`": each value named by its parameter, then an arrow and
    the answer. Unnamed values before an arrow are instruction_examples' business, not read here."""
    from hfsynth.curate.worded_examples import worded_examples

    code = "def waste_rates(baked: dict, sold: dict) -> dict:\n    return {p: round((baked[p] - sold.get(p, 0)) / baked[p] * 100, 1) for p in baked}\n"
    said = 'Write `waste_rates(baked, sold)`.\n\nExample: baked `{"rye": 20, "bun": 30}`, sold `{"rye": 10, "bun": 30}` -> `{"rye": 50.0, "bun": 0.0}`'
    assert [(e.call, e.want) for e in worded_examples(said, ast.parse(code))] == [
        ("waste_rates(sold={'rye': 10, 'bun': 30}, baked={'rye': 20, 'bun': 30})", '{"rye": 50.0, "bun": 0.0}')]
    assert worded_examples(said.replace("baked `", "`").replace("sold `", "`"), ast.parse(code)) == []
    rows = [{"id": name, "code": body, "instruction": said} for name, body in (("per product", code), ("of the total", code.replace("/ baked[p]", "/ sum(baked.values())")))]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {"per product": "passed", "of the total": "failed"}


def test_a_list_spelt_short_in_brackets_is_an_example_value():
    """blind158: "a perfect game (`[10] * 12`) gives `[30, 60, ..., 300]`": the value spelt short, named in brackets."""
    from hfsynth.curate.python_ast import short_list_value
    from hfsynth.curate.worded_examples import worded_examples

    assert short_list_value("[10, 9, 1] * 2 + [10]") == ([10, 9, 1, 10, 9, 1, 10], True)
    assert short_list_value("[1] * 10 ** 9") == (None, False) and short_list_value("x * 3") == (None, False)
    totals = "def frame_totals(rolls):\n    return [30 * (i + 1) for i in range(10)]\n"
    said = "Write `frame_totals(rolls)`. For example a perfect game (`[10] * 12`) gives `[30, 60, 90, 120, 150, 180, 210, 240, 270, 300]`."
    assert [(e.call, e.want.strip()) for e in worded_examples(said, ast.parse(totals))] == [
        ("frame_totals([10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10])", "[30, 60, 90, 120, 150, 180, 210, 240, 270, 300]")]


def test_blind163_to_169s_examples_probes_and_claims():
    """blind163-169: a bullet list of examples ("- `45` -> `"45m"`") is of 45, not of -45; "`1.100 -> 23.8`" for
    ``sg_to_brix(readings)``, which loops over its readings, is one reading's example; a case probe leaves a string that
    keys a dict of the same call alone (``dominant_genre(["Aurora"], {"Aurora": [...]})``: a film looked up, its genres
    compared); "return the names as spelled in `required`" re-cases equal strings alike; ``from datetime import
    time`` reads no clock, so the claims of code that writes ``time(9)`` are checked; and a signed clock-like value in
    backticks after "such as" (`-05:23:28.5`) is an input the function must take."""
    runtime = ("def format_runtime(minutes: int) -> str:\n    if minutes < 0:\n        raise ValueError('negative')\n"
               "    hours, mins = divmod(minutes, 60)\n    return FORMAT\n")
    runtime_ask = "Write `format_runtime(minutes)`:\n\n- `45` -> `\"45m\"`\n- `105` -> `\"1h 45m\"`\n\nNegative values raise `ValueError`."
    brix = "def sg_to_brix(readings):\n    return [round(max(261.3 * (1 - 1 / sg), 0.0), DIGITS) for sg in readings]\n"
    brix_ask = "Write `sg_to_brix(readings)`, each reading's Brix rounded to 1 decimal, never negative. Examples: `1.100 -> 23.8`, `0.994 -> 0.0`."
    genre = ("from collections import Counter\n\n\ndef dominant_genre(selection, genres):\n    counts = Counter()\n    for title in selection:\n"
             "        counts.update({FOLD for g in genres.get(title, [])})\n    return min(counts, key=lambda g: (-counts[g], g)) if counts else None\n\n\n"
             "genres = {'Aurora': ['Drama'], 'Cinder': ['drama', 'Thriller'], 'Dusk': ['Thriller']}\n"
             "assert dominant_genre(['Aurora', 'Cinder', 'Dusk'], genres) == 'drama'\n")
    genre_ask = "Write `dominant_genre(selection, genres)`: the genre in the most selected films, comparing genre names case-insensitively, lowercased."
    depots = ("def missing_depots(route, required):\n    visited = {FOLD for stop in route}\n    return sorted({d for d in required if DEPOT not in visited})\n\n\n"
              "route = ['North Yard', 'MILL LANE']\nassert missing_depots(route, ['north yard', 'South Depot', 'South Depot']) == ['South Depot']\n")
    depots_ask = ("Write `missing_depots(route, required)`: the required depots not in the route, sorted and without duplicates. Names are "
                  "compared case-insensitively; return the names as spelled in `required`.")
    hours = ("from datetime import datetime, time, timedelta\n\nHOURS = {day: (time(9), time(18)) for day in range(5)}\nHOURS[5] = (time(10), time(14))\n\n\n"
             "def is_open(start: datetime, minutes: int) -> bool:\n    hours = HOURS.get(start.weekday())\n    end = start + timedelta(minutes=minutes)\n"
             "    return hours is not None and hours[0] <= start.time() and end.time() <= hours[1]\n\n\n"
             "print(is_open(datetime(2024, 6, 8, 13, 30), 45))  # CLAIM  (Saturday)\n")
    declination = ("def dec_to_degrees(text: str) -> float:\n    sign = -1.0 if text.startswith('-') else 1.0\n"
                   "    d, m, s = (PART for part in text.lstrip('+-').split(':'))\n    return sign * (d + m / 60 + s / 3600)\n")
    declination_ask = "Write `dec_to_degrees(text: str) -> float` for a declination such as `+41:16:09` or `-05:23:28.5`, into decimal degrees."
    rows = [{"id": "runtime", "code": runtime.replace("FORMAT", "f'{hours}h {mins}m' if hours and mins else f'{hours}h' if hours else f'{mins}m'"), "instruction": runtime_ask},
            {"id": "runtime spaced", "code": runtime.replace("FORMAT", "f'{hours}h {mins} m' if hours and mins else f'{hours}h' if hours else f'{mins} m'"), "instruction": runtime_ask},
            {"id": "brix", "code": brix.replace("DIGITS", "1"), "instruction": brix_ask},
            {"id": "brix whole", "code": brix.replace("DIGITS", "0"), "instruction": brix_ask},
            {"id": "genre", "code": genre.replace("FOLD", "g.lower()"), "instruction": genre_ask},
            {"id": "genre as written", "code": genre.replace("FOLD", "g"), "instruction": genre_ask},
            {"id": "depots", "code": depots.replace("FOLD", "stop.casefold()").replace("DEPOT", "d.casefold()"), "instruction": depots_ask},
            {"id": "depots as written", "code": depots.replace("FOLD", "stop").replace("DEPOT", "d"), "instruction": depots_ask},
            {"id": "hours", "code": hours.replace("CLAIM", "False")},
            {"id": "hours claimed", "code": hours.replace("CLAIM", "True")},
            {"id": "declination", "code": declination.replace("PART", "float(part)"), "instruction": declination_ask},
            {"id": "declination in ints", "code": declination.replace("PART", "int(part)"), "instruction": declination_ask}]
    said = {"brix": "\n`sg_to_brix([1.100, 0.994])` returns `[23.8, 0.0]`.\n", "brix whole": "\n`sg_to_brix([1.100, 0.994])` returns `[23.8, 0.0]`.\n"}
    rows = [dict(r, response=f"```python\n{r['code']}```\n{said.get(r['id'], '')}", instruction=r.get("instruction", "")) for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"runtime": "passed", "runtime spaced": "failed", "brix": "passed", "brix whole": "failed", "genre": "passed", "genre as written": "failed",
                   "depots": "passed", "depots as written": "failed", "hours": "passed", "hours claimed": "failed",
                   "declination": "passed", "declination in ints": "failed"}, got


def test_blind170_to_176s_shown_documents_are_one_input():
    """blind170-176: a fenced block of one record's labelled fields ("Patient: Bella   Species: Canine", then
    "Vaccine: ...") is one input, not one per line (a parser that rightly raises on a missing field passes it, and one
    that matches a field against the whole text fails it); and the text after "Quota allocations are kept in a text
    file:" is what a reader of the whole text is given (``totals[vessel] += ...`` on a plain dict raises KeyError on it)."""
    cert = ("import re\n\nPATTERNS = {'patient': r'Patient:\\s*(\\w+)', 'species': r'Species:\\s*(\\w+)', 'vaccine': r'Vaccine:\\s*(\\w+)'}\n\n\n"
            "def parse_certificate(text):\n    out = {}\n    for name, pattern in PATTERNS.items():\n        m = re.search(pattern, text)\n"
            "        if not m:\n            raise ValueError(f'missing field: {name}')\n        out[name] = m.group(1)\n    return out\n")
    cert_ask = ("Certificates are OCR'd into text like:\n\n```\nPatient: Bella   Species: Canine\nVaccine: Rabies\n```\n\n"
                "Write `parse_certificate(text) -> dict` with the patient, species and vaccine. If any field is missing, raise `ValueError`.")
    quota = ("from collections import defaultdict\nfrom decimal import Decimal\n\n\ndef quota_totals(text):\n    totals = INIT\n    for raw in text.splitlines():\n        line = raw.strip()\n"
             "        if not line or line.startswith('#'):\n            continue\n        vessel, _species, tonnes = line.split(';')\n"
             "        totals[vessel] += Decimal(tonnes)\n    return dict(totals)\n")
    quota_ask = ("Quota allocations are kept in a text file:\n\n```\n# vessel;species;tonnes\nSea Star;cod;12.5\nGull;cod;7.25\n```\n\n"
                 "Write `quota_totals(text)` returning each vessel's total quota in tonnes. Ignore blank lines and lines starting with `#`.")
    rows = [{"id": "certificate", "code": cert, "instruction": cert_ask},
            {"id": "certificate read as one line", "code": cert.replace("re.search", "re.fullmatch"), "instruction": cert_ask},
            {"id": "quota", "code": quota.replace("INIT", "defaultdict(Decimal)"), "instruction": quota_ask},
            {"id": "quota on a plain dict", "code": quota.replace("INIT", "{}"), "instruction": quota_ask}]
    rows = [dict(r, response=f"```python\n{r['code']}```\n") for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"certificate": "passed", "certificate read as one line": "failed", "quota": "passed", "quota on a plain dict": "failed"}, got


def test_a_block_of_output_comments_after_several_prints_is_read_line_by_line():
    """blind177: a block of comments after the last of several prints is the run's output. Two prints on consecutive
    lines followed by two comment lines (after an "# Output:" header, if any) pair one by one, so a wrong second line
    is caught where it belongs; after a loop's prints the block does not pair, and its first line is not the last
    print's (a correct makespan was failed against the first assignment's tuple)."""
    steps = ("def step_calories(daily, weight):\n    per = 0.04 * weight / 70\n    return [round(s * per, 1) for s in daily], round(sum(daily) * per, 1)\n\n\n"
             "per_day, total = step_calories([7000, 3500], WEIGHT)\nprint(per_day)\nprint(total)\nHEADER# [280.0, 140.0]\n# 420.0\n")
    ovens = ("import heapq\n\n\ndef assign(bakes, n):\n    ovens = [(0, k) for k in range(1, n + 1)]\n    out = []\n    for name, minutes in bakes:\n"
             "        free, k = heapq.heappop(ovens)\n        out.append((name, k, free, free + minutes))\n        heapq.heappush(ovens, (free + minutes, k))\n"
             "    return out, max(end for *_, end in out)\n\n\njobs, total = assign([('rye', 45), ('bun', 25)], 2)\nfor job in jobs:\n    print(job)\n"
             "print('makespan', total)\n# ('rye', 1, 0, 45)\n# ('bun', 2, 0, 25)\n# makespan MAKESPAN\n")
    rows = [{"id": "both lines right", "code": steps.replace("WEIGHT", "70").replace("HEADER", "")},
            {"id": "both lines right, with a header", "code": steps.replace("WEIGHT", "70").replace("HEADER", "# Output:\n")},
            {"id": "both lines wrong", "code": steps.replace("WEIGHT", "80").replace("HEADER", "")},
            {"id": "a loop's prints, then the last", "code": ovens.replace("MAKESPAN", "45")}]
    rows = [dict(r, instruction="Write it and show an example.", response=f"```python\n{r['code']}```\n") for r in rows]
    assert with_comment_claims_checked(rows[0]["code"])[1] == 2 and with_comment_claims_checked(rows[3]["code"])[1] == 0
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"both lines right": "passed", "both lines right, with a header": "passed", "both lines wrong": "failed",
                   "a loop's prints, then the last": "no_tests"}, got


def test_a_note_that_describes_the_input_then_its_output_after_an_arrow():
    """blind181: ``print(is_open(datetime(2024, 10, 5, 10, 30)))  # Saturday 10:30 -> False`` notes the input, then
    what it prints; a wrong value after the arrow is still caught, and an output that holds an arrow itself may
    be shown whole."""
    code = ("from datetime import datetime\n\n\ndef is_open(moment):\n    return moment.weekday() < 5 and 9 <= moment.hour < 18\n\n\n"
            "print(is_open(datetime(2024, 10, 5, 10, 30)))  # Saturday 10:30 -> SAT\nprint(is_open(datetime(2024, 10, 7, 10, 0)))  # Monday 10:00 -> MON\n")
    route = "def route(a, b):\n    return f'{a} -> {b}'\n\n\nprint(route('Oslo', 'Bergen'))  # Oslo -> Bergen\n"
    rows = [{"id": "right", "code": code.replace("SAT", "False").replace("MON", "True")},
            {"id": "wrong after the arrow", "code": code.replace("SAT", "False").replace("MON", "False")},
            {"id": "an output with an arrow", "code": route}]
    rows = [dict(r, instruction="Write it and show an example.", response=f"```python\n{r['code']}```\n") for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"right": "passed", "wrong after the arrow": "failed", "an output with an arrow": "passed"}, got


def test_a_claim_glossed_in_brackets_and_prose_that_shows_two_printed_lines():
    """blind178 and blind182: ``# -> 3 (the 09:00 trip)`` claims 3, the bracket says which trip that is; and "This
    prints `A` followed by `B`" after the code's one print is its two lines, both held to what it prints."""
    trips = "from bisect import bisect_right\n\n\ndef first_after(times, t):\n    return bisect_right(times, t)\n\n\nprint(first_after([6, 8, 8, 9], 8))  # -> WANT (the 09:00 trip)\n"
    lines = "def timeline(events):\n    return '\\n'.join(f'{d} {s}' for d, s in sorted(events))\n\n\nprint(timeline([(2, 'out'), (1, 'in')]))\n"
    rows = [{"id": "glossed right", "code": trips.replace("WANT", "3")}, {"id": "glossed wrong", "code": trips.replace("WANT", "1")},
            {"id": "two lines right", "code": lines, "prose": "This prints `1 in` followed by `2 out`."},
            {"id": "two lines, the second wrong", "code": lines, "prose": "This prints `1 in` followed by `2 in`."}]
    rows = [dict(r, instruction="Write it and show an example.", response=f"```python\n{r['code']}```\n\n{r.get('prose', '')}\n") for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"glossed right": "passed", "glossed wrong": "failed", "two lines right": "passed", "two lines, the second wrong": "failed"}, got


def test_the_programs_output_said_after_words_that_name_its_sample():
    """b205-028, b207-002: "Running it prints `3`", "For the sample this prints `3`" after the code's one print claim its
    output; "For an empty list it prints `0`" speaks of another input, and claims nothing."""
    count = "def departures_between(times, start, end):\n    return sum(1 for t in times if start <= t <= end)\n\n\n" \
            "print(departures_between(['06:50', '07:00', '08:15', '09:00'], '07:00', '09:00'))\n"
    rows = [{"id": "running it, right", "prose": "Running it prints `3`: three departures."}, {"id": "running it, wrong", "prose": "Running it prints `2`."},
            {"id": "for the sample, wrong", "prose": "For the sample this prints `2` - the 07:00 and 08:15 departures."},
            {"id": "another input", "prose": "For an empty list it prints `0`."}]
    rows = [dict(r, code=count, instruction="Write it and show an example.", response=f"```python\n{count}```\n\n{r['prose']}\n") for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"running it, right": "passed", "running it, wrong": "failed", "for the sample, wrong": "failed", "another input": "no_tests"}, got


def test_a_table_printed_at_once_is_claimed_line_by_line_below_its_print():
    """blind180: one print of a table, then "# -> P | Mon", "# -> 1 | Maths", ...: the lines together are its output
    (the first alone was held to all of it), and a wrong line among them is still caught."""
    grid = ("def render(entries, periods):\n    lines = ['P | ' + ' | '.join(f'{d:<5}' for d in ('Mon', 'Tue')).rstrip()]\n"
            "    for p in range(1, periods + 1):\n        lines.append((f'{p} | ' + ' | '.join(f\"{entries.get((d, p), '-'):<5}\" for d in ('Mon', 'Tue'))).rstrip())\n"
            "    return '\\n'.join(lines)\n\n\nprint(render({('Mon', 1): 'Maths'}, 2))\n# -> P | Mon   | Tue\n# -> 1 | Maths | -\n# -> 2 | -     | LAST\n")
    rows = [{"id": "right", "code": grid.replace("LAST", "-")}, {"id": "a wrong line", "code": grid.replace("LAST", "PE")}]
    rows = [dict(r, instruction="Write it and show an example.", response=f"```python\n{r['code']}```\n") for r in rows]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"right": "passed", "a wrong line": "failed"}, got


def test_layouts_lines_decoded_and_a_threshold_search_are_no_inputs_nor_a_known_task():
    """blind185 and blind187, three good rows that execution failed: "any of the layouts `4-4-2`, `5-3-2` or `5-4-1`"
    names the input's layouts, no value to convert; ``json.loads(line)`` for each line of ``jsonl_text`` decodes the
    text, so ``'12'`` is no ordinary value of it; "the first day on which the total is strictly greater than `limit`.
    Use binary search" asks for a threshold, not the index of a value. Beside each, the reading that stays."""
    from hfsynth.curate.typed_probes import typed_probes

    one = "def to_11_digit(ndc: str) -> str:\n    return ndc\n"
    assert accepted_inputs("Convert a 10-digit NDC in any of the layouts `4-4-2`, `5-3-2` or `5-4-1` to 5-4-2.", ast.parse(one)) == []
    assert accepted_inputs("Convert a 10-digit NDC such as `1234-5678-90` or `12345-678-90` to 5-4-2.", ast.parse(one)) == ["1234-5678-90", "12345-678-90"]

    lines = ("import json\n\n\ndef totals(jsonl_text: str) -> dict[str, int]:\n    found = {}\n    for line in jsonl_text.splitlines():\n"
             "        record = DECODE\n        found[record['drug']] = found.get(record['drug'], 0) + 1\n    return found\n")
    assert typed_probes("Write it.", ast.parse(lines.replace("DECODE", "json.loads(line.strip())"))) == []
    assert typed_probes("Write it.", ast.parse(lines.replace("DECODE", "dict(drug=line.strip())"))) == ["totals('abc')", "totals('12')", "totals('abc xyz')"]

    search = "def first_day_over(cumulative: list[float], limit: float) -> int:\n    from bisect import bisect_right\n    i = bisect_right(cumulative, limit)\n    return i if i < len(cumulative) else -1\n"
    assert known_task_claims("Return the index of the first day on which the cumulative catch is strictly greater than `limit`. Use binary search.", search) == []
    assert known_task_claims("Find the index of `limit` in the sorted list `cumulative` with a binary search, or -1.", search)


def test_blind191_193_197s_good_rows_run_as_their_instructions_say():
    """blind191, 193 and 197, four good rows that execution failed: "ordered alphabetically, case-insensitively" ignores
    case in the order only, so a customer written twice is one customer whatever the probe re-cases; "the hyphen is
    optional" makes ``'03785955'`` a valid ISSN; "the percentage of finishers strictly faster than t. Use binary search"
    is no search for t's index; and ``# -> 48  (Friday evening)`` claims 48, then says what it is. Beside each, the
    row that still fails."""
    rank = ("from collections import defaultdict\n\n\ndef rank_customers(rows):\n    revenue = defaultdict(int)\n    for customer, qty, price in rows:\n"
            "        revenue[customer] += qty * price\n    return sorted(revenue, key=lambda c: (-revenue[c], KEY))\n\n\n"
            "rows = [('Corner Cafe', 10, 4), ('Bean Bun', 5, 9), ('Corner Cafe', 1, 5), ('alder deli', 3, 15)]\n"
            "assert rank_customers(rows) == ['alder deli', 'Bean Bun', 'Corner Cafe']\n")
    rank_ask = "Write `rank_customers(rows)` returning customer names by total revenue, highest first; equal revenue ordered alphabetically, case-insensitively."
    issn = ("import re\n\n\ndef is_valid_issn(s):\n    m = re.fullmatch(r'([0-9]{4})-?([0-9]{3})([0-9Xx])', s)\n    if not m:\n        return False\n"
            "    total = sum(int(d) * w for d, w in zip(m.group(1) + m.group(2), range(8, 1, -1)))\n    check = (11 - total % 11) % 11\n"
            "    return m.group(3).upper() == ('X' if check == 10 else str(check))\n")
    issn_ask = "Write `is_valid_issn(s)`: format `NNNN-NNNC`, the hyphen is optional; weights 8..2; the check value is `(11 - sum % 11) % 11`, X for 10."
    faster = ("from bisect import bisect_left\n\n\ndef percent_faster(sorted_times, t):\n    if not sorted_times:\n        return 0.0\n"
              "    return round(100 * bisect_left(sorted_times, t) / len(sorted_times), 1)\n")
    faster_ask = "Write `percent_faster(sorted_times, t)`: the percentage of finishers strictly faster than t, to one decimal. Use binary search."
    price = ("from datetime import datetime\n\n\ndef price_for(start):\n    return 48 if start.weekday() in (4, 5) and start.hour >= 17 else 40\n\n\n"
             "print(price_for(datetime(2024, 6, 7, 19, 30)))  # -> SHOWN  (Friday evening)\n")
    rows = [
        {"id": "order only", "code": rank.replace("KEY", "c.casefold()"), "instruction": rank_ask},
        {"id": "order by case", "code": rank.replace("KEY", "c"), "instruction": rank_ask},
        {"id": "hyphen optional", "code": issn, "instruction": issn_ask},
        {"id": "hyphen required", "code": issn, "instruction": issn_ask.replace("the hyphen is optional", "with the hyphen")},
        {"id": "strictly faster", "code": faster, "instruction": faster_ask},
        {"id": "claim glossed", "code": price.replace("SHOWN", "48"), "instruction": "Write `price_for(start)` and print an example."},
        {"id": "claim glossed, wrong", "code": price.replace("SHOWN", "40"), "instruction": "Write `price_for(start)` and print an example."},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"order only": "passed", "order by case": "failed", "hyphen optional": "no_tests", "hyphen required": "failed",
                   "strictly faster": "no_tests", "claim glossed": "passed", "claim glossed, wrong": "failed"}, got


def test_a_csv_whose_header_names_the_fields_read_and_a_record_shown_after_e_g_are_inputs():
    """blind191 and blind196: a fenced CSV whose header names every field the code reads (``row["amount"]``) is the
    text the function reads, whatever the words before it ("Accounting exports invoices as CSV:"), and a record shown
    after "e.g." or "like" in a ```json block is one for a parameter annotated ``dict``: the function must take
    both. ``Decimal("1,240.50")`` and ``"bikes (" + 30`` raise there; the same rows done right pass."""
    from hfsynth.curate.accepted_inputs import shown_records

    csv_ask = ("Accounting exports invoices as CSV:\n\n```\ninvoice,customer,amount\nINV-1041,Corner Cafe,312.40\nINV-1042,Harbour Hotel,\"1,240.50\"\n```\n\n"
               "Write `totals_by_customer(csv_text)` returning a dict from customer name to the `Decimal` total of their invoices.")
    totals = ("import csv\nimport io\nfrom collections import defaultdict\nfrom decimal import Decimal\n\n\ndef totals_by_customer(csv_text):\n"
              "    totals = defaultdict(Decimal)\n    for row in csv.DictReader(io.StringIO(csv_text)):\n        totals[row['customer']] += Decimal(AMOUNT)\n"
              "    return dict(totals)\n")
    record_ask = ("Write `dock_problems(rec: dict) -> list[str]` for records coming from the station import, e.g.\n\n"
                  "```json\n{\"id\": \"D041\", \"capacity\": 24, \"bikes\": 30}\n```\n\nReport each problem as a string; bikes must not exceed capacity.")
    problems = ("def dock_problems(rec: dict) -> list:\n    problems = []\n    if rec['bikes'] > rec['capacity']:\n"
                "        problems.append(MESSAGE)\n    return problems\n")
    assert shown_records(record_ask, ast.parse(problems)) == ["{'id': 'D041', 'capacity': 24, 'bikes': 30}"]
    assert shown_records(record_ask.replace("e.g.", "and it returns"), ast.parse(problems)) == []
    rows = [
        {"id": "csv raw", "code": totals.replace("AMOUNT", "row['amount']"), "instruction": csv_ask},
        {"id": "csv parsed", "code": totals.replace("AMOUNT", "row['amount'].replace(',', '')"), "instruction": csv_ask},
        {"id": "record added to", "code": problems.replace("MESSAGE", "'bikes (' + rec['bikes'] + ') exceed capacity'"), "instruction": record_ask},
        {"id": "record formatted", "code": problems.replace("MESSAGE", "f\"bikes ({rec['bikes']}) exceed capacity\""), "instruction": record_ask},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"csv raw": "failed", "csv parsed": "passed", "record added to": "failed", "record formatted": "passed"}, got


def test_a_csv_header_that_a_reader_skips_is_the_text_it_reads():
    """blind200: a fenced CSV whose first line is a header of names, for a function that reads it with ``csv.reader`` and
    skips that header with ``next``: the block is its input, so ``for tag, weight in reader`` meets the row with a note."""
    ask = ("The check-in system exports bag weights as CSV:\n\n```\ntag,weight_kg,note\n0220111001,21.4\n0220111002,33.0,FRAGILE\n```\n\n"
           "The `note` column is only filled in for some bags. Write `overweight_tags(csv_text: str, limit_kg: float = 23.0) -> list[str]`.")
    code = ("import csv\nimport io\n\n\ndef overweight_tags(csv_text: str, limit_kg: float = 23.0) -> list[str]:\n    reader = csv.reader(io.StringIO(csv_text))\n"
            "    next(reader, None)\n    return [row[0] for row in reader if float(ROW) > limit_kg]\n")
    rows = [{"id": "unpacked", "code": code.replace("row[0] for row in reader if float(ROW)", "tag for tag, weight in reader if float(weight)"), "instruction": ask},
            {"id": "indexed", "code": code.replace("ROW", "row[1]"), "instruction": ask}]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"unpacked": "failed", "indexed": "passed"}, got


def test_blind212_to_218s_good_rows_keep_their_claims_and_inputs():
    """Mends of blind212-218's good rows: a claim's output continued on comment lines indented under it (b212-083); a rule's
    example "198.9 → 198" is no call of a function of JSON text (b213-003); two clock times shown for a start and an end
    that must come after it are one call in their order (b214-032); an e-mail shown after "by e-mail, for example:" is one
    input, lines shown after "e-mails contain lines like" are each one (b214-074); one room name is no value of
    ``bookings`` (b216-064)."""
    summary = ("from collections import Counter\n\n\ndef weekday_summary(days):\n    counts = Counter(days)\n"
               "    return '\\n'.join(f'{d}: {counts[d]}' for d in ('Mon', 'Tue'))\n\n\nprint(weekday_summary(['Mon', 'Mon']))\n# -> Mon: 2\n#    Tue: TUE\n")
    assert with_comment_claims_checked(summary.replace("TUE", "0"))[0].count("'Mon: 2\\nTue: 0'") == 1
    rows = [{"id": "continued right", "code": summary.replace("TUE", "0")}, {"id": "continued wrong", "code": summary.replace("TUE", "1")}]
    rows = [dict(r, instruction="Write it and print an example.", response=f"```python\n{r['code']}```\n") for r in rows]
    assert {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)} == {"continued right": "passed", "continued wrong": "failed"}
    averages = "import json\n\n\ndef bowler_averages(json_text):\n    return {g['bowler']: g['score'] for g in json.loads(json_text)['games']}\n"
    assert instruction_examples("Write `bowler_averages(json_text)`; averages are truncated (league convention: 198.9 → 198).", ast.parse(averages)) == []
    minutes = ("from datetime import datetime\n\n\ndef booking_minutes(start: str, end: str) -> int:\n    t0, t1 = (datetime.strptime(t, '%H:%M') for t in (start, end))\n"
               "    if t1 <= t0:\n        raise ValueError('end not after start')\n    return int((t1 - t0).total_seconds() // 60)\n")
    ask = 'Write `booking_minutes(start, end)`. `start` and `end` are clock times like "09:00" and "10:30". If `end` is not after `start`, raise `ValueError`.'
    assert [c[0] for c in accepted_input_claims(ask, ast.parse(minutes), ask)] == [
        "(lambda r: (list(r) if hasattr(r, '__next__') else r, True)[1])(booking_minutes('09:00', '10:30'))"]
    from hfsynth.curate.accepted_inputs import fenced_inputs

    mail = "import re\n\n\ndef parse_booking_email(text: str) -> dict:\n    return {'card': re.search(r'\\d{4}', text).group()}\n"
    block = "\n\n```\nHi! I'd like to book Study 2.\nMy card number is 2900. Thanks\n```\n\nWrite `parse_booking_email(text)`."
    assert fenced_inputs("The library receives booking requests by e-mail, for example:" + block, ast.parse(mail)) == [
        "Hi! I'd like to book Study 2.\nMy card number is 2900. Thanks"]
    assert fenced_inputs("Our booking e-mails contain lines like this:" + block, ast.parse(mail)) == ["Hi! I'd like to book Study 2.", "My card number is 2900. Thanks"]
    # b205-051: a glaze recipe's `batch(recipe, batch_grams)` is no list split into chunks; `batches(items, n)` still is
    glaze = "def batch(recipe, batch_grams):\n    return {k: v * batch_grams / 100 for k, v in recipe.items()}\n"
    assert known_task_claims("Write `batch(recipe, batch_grams)` returning grams per ingredient.", glaze) == []
    assert known_task_claims("Write `batches(items, n)`.", "def batches(items, n):\n    return [items[i:i + n] for i in range(0, len(items), n)]\n")
    rooms = "from collections import Counter\n\n\ndef top_rooms(bookings, n=3):\n    return Counter(b.strip().title() for b in bookings).most_common(n)\n"
    assert instruction_examples('Write `top_rooms(bookings, n=3)`; report names with each word capitalised (`"pharaoh\'s tomb"` → `"Pharaoh\'s Tomb"`).',
                                ast.parse(rooms)) == []


def test_blind223_and_224s_good_rows_a_tie_order_that_ignores_case_and_a_claim_spaced_from_its_gloss():
    """b224-042: "ties are broken alphabetically ignoring case" ignores case in the order only, so a title written twice is
    one title whatever the probe re-cases; b223-075: ``# -> 80.00   (April-December: 9 months x 10.00)`` claims 80.00,
    then works it out. Beside each, the row that still fails."""
    top = ("from collections import Counter\n\n\ndef most_borrowed(loans, n=3):\n    counts = Counter(loans)\n"
           "    return sorted(counts.items(), key=lambda item: (-item[1], KEY))[:n]\n\n\n"
           "history = ['Messiah', 'Gloria', 'Messiah', 'Requiem', 'Gloria', 'Requiem', 'ave maria', 'Requiem']\n"
           "assert most_borrowed(history) == [('Requiem', 3), ('Gloria', 2), ('Messiah', 2)]\n")
    top_ask = "Write `most_borrowed(loans, n=3)`: the top `n` as `(title, count)` pairs, most borrowed first; ties are broken alphabetically ignoring case."
    refund = ("from decimal import Decimal\n\n\ndef refund(paid, months, used):\n    return (paid * (months - used) / months - Decimal('10.00')).quantize(Decimal('0.01'))\n\n\n"
              "print(refund(Decimal('120.00'), 12, 3))\n# -> SHOWN   (April-December: 9 months x 10.00, minus the 10.00 fee)\n")
    from hfsynth.curate.claimed_outputs import _claimed

    assert _claimed("# -> 80.00   (April-December: 9 months x 10.00, minus the 10.00 fee)") == "80.00"
    rows = [
        {"id": "order only", "code": top.replace("KEY", "item[0].casefold()"), "instruction": top_ask},
        {"id": "counted by case", "code": top.replace("KEY", "item[0].casefold()"), "instruction": top_ask.replace(
            "ties are broken alphabetically ignoring case", "titles are compared ignoring case")},
        {"id": "claim glossed", "code": refund.replace("SHOWN", "80.00"), "instruction": "Write `refund(paid, months, used)` and show an example."},
        {"id": "claim glossed, wrong", "code": refund.replace("SHOWN", "90.00"), "instruction": "Write `refund(paid, months, used)` and show an example."},
    ]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"order only": "passed", "counted by case": "failed", "claim glossed": "passed", "claim glossed, wrong": "failed"}, got


def test_blind219_to_225s_claims_held_to_what_prints():
    """What a claim says is what prints: a Decimal keeps its places (``296.000`` is not "296.00", b224-017), a float its
    noise (``3.3000000000000003`` is not "3.3", b222-077); the comment lines under a loop of prints are its output, a
    line each (b219-018, b225-068), unless they are a note; and a markdown block indented under "This prints:" is the
    program's output as a fenced one is (b222-007). Beside each, the row whose claim holds."""
    fee = ("from decimal import Decimal\n\n\ndef joint_fee(single: Decimal) -> Decimal:\n    return single * FACTOR\n\n\n"
           "print(joint_fee(Decimal('185.00')))  # -> 296.00\n")
    tonnes = "def total(loads):\n    return {'Merlot': sum(loads)}\n\n\nprint(total([1.1, 2.2]))  # -> {'Merlot': SHOWN}\n"
    lanes = ("def lane_summary(lanes, length):\n    return [f'Lane {n}: {len(v)} vehicles, {sum(v) / length * 100:.0f}% full' for n, v in sorted(lanes.items())]\n\n\n"
             "for line in lane_summary({2: [4.5, 4.5], 1: [12.0, 4.4, 5.1]}, 40.0):\n    print(line)\n# Lane 1: 3 vehicles, 54% full\n# Lane 2: 2 vehicles, SHOWN% full\n")
    noted = lanes.replace("# Lane 1: 3 vehicles, 54% full\n# Lane 2: 2 vehicles, SHOWN% full\n", "# prints one line per lane\n# in lane order\n")
    board = ("from statistics import mean\n\n\ndef brix_board(readings):\n    by = {}\n    for block, brix in readings:\n        by.setdefault(block, []).append(brix)\n"
             "    for block in sorted(by):\n        print(f'{block}: {mean(by[block]):.1f}')\n\n\nbrix_board([('B07', 22.0), ('B03', 20.4), ('B07', 22.5), ('B03', 20.8)])\n")
    rows = [
        {"id": "decimal places kept", "code": fee.replace("FACTOR", "Decimal('1.6')").replace("296.00", "296.000")},
        {"id": "decimal places claimed", "code": fee.replace("FACTOR", "Decimal('1.6')")},
        {"id": "float as printed", "code": tonnes.replace("SHOWN", "3.3000000000000003")},
        {"id": "float rounded", "code": tonnes.replace("SHOWN", "3.3")},
        {"id": "loop lines right", "code": lanes.replace("SHOWN", "22")},
        {"id": "loop lines wrong", "code": lanes.replace("SHOWN", "23")},
        {"id": "a note under a loop", "code": noted},
    ]
    rows = [dict(r, instruction="Write it and show what it prints.", response=f"```python\n{r['code']}```\n") for r in rows]
    for shown, name in (("22.2", "indented block right"), ("22.3", "indented block wrong")):
        rows.append({"id": name, "code": board, "instruction": "Write `brix_board(readings)` and show what it prints.",
                     "response": f"Means per block.\n\n```python\n{board}```\n\nThis prints:\n\n    B03: 20.6\n    B07: {shown}\n"})
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"decimal places kept": "passed", "decimal places claimed": "failed", "float as printed": "passed", "float rounded": "failed",
                   "loop lines right": "passed", "loop lines wrong": "failed", "a note under a loop": "no_tests",
                   "indented block right": "passed", "indented block wrong": "failed"}, got


def test_blind219_and_232s_inputs_that_arrive_and_texts_that_are_no_examples():
    """b219-067: "Our partner sends batch weights as text, one batch per line, semicolon-separated with a decimal comma:"
    and a block: the block is the text the function reads, and ``Decimal("12,75")`` raises there. b232-036: "spacing
    around `:` and `->` varies" quotes an arrow, it gives no example ``parse_plan('and') == 'varies'``; b232-010: "the
    latest calibration at or before" a time, found by binary search, is no search for an item's index."""
    ask = ("Our Austrian partner sends batch weights as text, one batch per line, semicolon-separated with a decimal comma:\n\n```\nB-101;12,75\nB-102;9,4\n```\n\n"
           "Write `parse_batches(text)` returning a list of `(batch_id, weight_kg)` with the weight as a `Decimal`.")
    batches = ("from decimal import Decimal\n\n\ndef parse_batches(text):\n    out = []\n    for line in text.splitlines():\n        if not line.strip():\n"
               "            continue\n        batch_id, weight = line.strip().split(';')\n        out.append((batch_id, Decimal(WEIGHT)))\n    return out\n")
    plan = ("import re\n\n\ndef parse_plan(text):\n    plan = {}\n    for line in text.splitlines():\n        m = re.match(r'\\s*bed\\s+(\\d+)\\s*:\\s*(.+)', line, re.I)\n"
            "        if not m:\n            raise ValueError(line)\n        plan[int(m.group(1))] = [c.strip().lower() for c in m.group(2).split('->')]\n    return plan\n")
    plan_ask = "Write `parse_plan(text)` returning bed number to crops. Spacing around `:` and `->` varies; a line not in this format raises `ValueError`."
    assert instruction_examples(plan_ask, ast.parse(plan)) == []
    assert instruction_examples("Write `parse_plan(text)`. For example: and -> varies", ast.parse(plan)) != []
    assert instruction_examples("Write `parse_plan(text)`. For example: `st` → `street`.", ast.parse(plan)) != []  # two quoted values
    calibrate = ("from bisect import bisect_right\n\n\ndef apply_calibration(readings, calibrations):\n    times = [t for t, _ in calibrations]\n"
                 "    out = []\n    for ts, value in readings:\n        i = bisect_right(times, ts)\n"
                 "        out.append((ts, value if i == 0 else round(value + calibrations[i - 1][1], 3)))\n    return out\n")
    assert known_task_claims("A reading is corrected with the offset of the latest calibration at or before its time. Write "
                             "`apply_calibration(readings, calibrations)`. Use binary search.", calibrate) == []
    rows = [{"id": "comma read raw", "code": batches.replace("WEIGHT", "weight.strip()"), "instruction": ask},
            {"id": "comma made a point", "code": batches.replace("WEIGHT", "weight.strip().replace(',', '.')"), "instruction": ask}]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"comma read raw": "failed", "comma made a point": "passed"}, got


def test_blind233_and_235s_claims_after_accented_text_two_prints_in_a_sentence_and_a_sample_that_prints():
    """b235-047: ``print(truck_slug("La Taquería Doña María"))  # -> la-taqueria-dona-maria``: the line's offsets count
    bytes, and the claim is read all the same. b233-055: "This prints `A` for the first call (...) and `B` for the
    second." after two prints: a line each. b233-064: "For the sample this prints:" over an indented block. Beside
    each, the row whose claim holds."""
    slug = ("import re\nimport unicodedata\n\n\ndef slug(name):\nFOLD    return re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')\n\n\n"
            "print(slug('La Taquería Doña María'))  # -> la-taqueria-dona-maria\n")
    folded = "    name = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode()\n"
    expiry = ("from datetime import datetime, timedelta\n\n\ndef new_expiry(now, current, minutes):\n    start = max(current, now)\n"
              "    return min(start + timedelta(minutes=minutes), now + timedelta(hours=2))\n\n\nnow = datetime(2024, 5, 2, 10, 0)\n"
              "print(new_expiry(now, datetime(2024, 5, 2, 11, 15), 30))\nprint(new_expiry(now, datetime(2024, 5, 2, 11, 0), 90))\n")
    summary = ("def summary(items):\n    counts = {}\n    for branch, late in items:\n        counts[branch] = counts.get(branch, 0) + late\n"
               "    return [f'{b}: {n}' for b, n in sorted(counts.items(), key=lambda p: (-p[1], p[0]))]\n\n\n"
               "for line in summary([('Harbor', True), ('Central', True), ('Central', True), ('Harbor', True), ('West', True)]):\n    print(line)\n")
    rows = [{"id": "accents kept", "code": slug.replace("FOLD", "")}, {"id": "accents folded", "code": slug.replace("FOLD", folded)}]
    rows = [dict(r, instruction="Write `slug(name)` and show an example.", response=f"```python\n{r['code']}```\n") for r in rows]
    for second, name in (("12:00:00", "two prints right"), ("12:30:00", "two prints wrong")):
        rows.append({"id": name, "code": expiry, "instruction": "Write `new_expiry(now, current, minutes)` and show what it prints.",
                     "response": f"Clamp it.\n\n```python\n{expiry}```\n\nThis prints `2024-05-02 11:45:00` for the first call (the 30 minutes "
                                 f"stack on the remaining 1h15) and `2024-05-02 {second}` for the second.\n"})
    for first, name in (("Central: 2\n    Harbor: 2", "sample right"), ("Harbor: 2\n    Central: 2", "sample wrong")):
        rows.append({"id": name, "code": summary, "instruction": "Write `summary(items)` and show what it prints for a small sample.",
                     "response": f"Count per branch.\n\n```python\n{summary}```\n\nFor the sample this prints:\n\n    {first}\n    West: 1\n"})
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"accents kept": "failed", "accents folded": "passed", "two prints right": "passed", "two prints wrong": "failed",
                   "sample right": "passed", "sample wrong": "failed"}, got
