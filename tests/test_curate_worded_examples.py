"""Examples an instruction words without the call (hfsynth.curate.worded_examples): read only where
the words leave no doubt, and run by the execution step like the instruction's other examples."""

from __future__ import annotations

from hfsynth.curate.execute import execute_rows
from hfsynth.curate.python_ast import parse_python
from hfsynth.curate.worded_examples import worded_examples
from hfsynth.schema.curate import ExecutionConfig

CFG = ExecutionConfig(timeout_s=10.0, workers=1)

WINDOWS = '''def window_sums(hourly_rides: list[int], k: int) -> list[int]:
    total = sum(hourly_rides[:k])
    sums = [total]
    for i in range(len(hourly_rides) - k):
        total += hourly_rides[i + k] - hourly_rides[i]
        sums.append(total)
    return sums
'''
WINDOWS_ASK = ("Write `window_sums(hourly_rides, k)` that returns the rolling total of rides for every window of `k` "
               "consecutive hours. For `[3, 1, 4, 1, 5]` and `k = 2` the answer is `[4, 5, 5, 6]`. Assume `1 <= k`.")
# blind94: the loop runs one window too far and indexes past the end.
WINDOWS_PAST_THE_END = WINDOWS.replace("len(hourly_rides) - k)", "len(hourly_rides) - k + 1)")
CLOSERS = '''def closing_suffix(text: str) -> str:
    pairs = {"(": ")", "[": "]", "{": "}"}
    stack: list[str] = []
    for ch in text:
        if ch in pairs:
            stack.append(ch)
        elif ch in pairs.values() and stack:
            stack.pop()
    return "".join(pairs[ch] for ch in reversed(stack))
'''
CLOSERS_ASK = ("Write `closing_suffix(text)` that returns the closing brackets needed to close every bracket left open, "
               'innermost first. For example `"foo([{"` needs `"}])"`.')
PHONE = '''import re


def to_e164(number: str) -> str:
    digits = re.sub(r"\\D", "", number.replace("(0)", ""))
    if digits.startswith("44"):
        return "+" + digits
    return "+44" + digits[1:]
'''
PHONE_ASK = ('Input may be national ("020 7946 0958"), international ("+44 20 7946 0958") or the mixed form '
             '"+44 (0)20 7946 0958"; all three should give "+442079460958". Write `to_e164(number: str) -> str`.')


def _read(ask: str, code: str) -> list:
    return [(e.call, e.want.strip()) for e in worded_examples(ask, parse_python(code))]


def test_values_find_their_parameters_by_name_and_order():
    assert _read(WINDOWS_ASK, WINDOWS) == [("window_sums([3, 1, 4, 1, 5], k=2)", "[4, 5, 5, 6]")]
    assert _read(CLOSERS_ASK, CLOSERS) == [("closing_suffix('foo([{')", '"}])"')]
    prefixed = "def format_ids(ids: list[int], prefix: str) -> str:\n    return prefix\n"
    assert _read('Sort and join the ids, e.g. [42, 7, 19, 7] with prefix "#" gives "#7, #19, #42".', prefixed) == [
        ("format_ids([42, 7, 19, 7], prefix='#')", '"#7, #19, #42"')]
    rotate = "def rotate_right(items, k):\n    return items\n"
    assert _read("Rotate a list to the right, e.g. [1, 2, 3, 4, 5] rotated by 2 gives [4, 5, 1, 2, 3].", rotate) == [
        ("rotate_right([1, 2, 3, 4, 5], 2)", "[4, 5, 1, 2, 3]")]
    streak = "def longest_streak(days: list[int]) -> int:\n    return 0\n"
    assert _read("A single day is a streak of 1; an empty list gives 0.", streak) == [("longest_streak([])", "0")]
    assert _read(PHONE_ASK, PHONE) == [(f"to_e164({text!r})", '"+442079460958"') for text in ("020 7946 0958", "+44 20 7946 0958", "+44 (0)20 7946 0958")]


def test_words_that_leave_a_doubt_are_not_read():
    windows = WINDOWS
    assert _read("For `[3, 1, 4]` the answer is `[4, 5]`.", windows) == []  # k is left unsaid
    assert _read("For `[3, 1, 4]`, `k = 2` and `m = 1` the answer is `[4, 5]`.", windows) == []  # no parameter m
    assert _read("For `k = 2` and `[3, 1, 4]` the answer is `[4, 5]`.", windows.replace("list[int]", "str")) == []  # a list is no text
    averages = "def rolling(days: list[float], k: int = 7) -> list[float]:\n    return days\n"
    assert _read("Only full windows count (so 10 days of data gives 4 averages).", averages) == []
    assert _read("Only full windows count, so 10 gives 4 averages.", averages.replace("list[float]", "int")) == []  # a count of the answer
    assert _read("For `[3, 1]` it returns `[4]` instead of `[5]`.", averages) == []  # a bug report
    weeks = "def iso_week(day) -> str:\n    return ''\n"
    assert _read("Use the ISO year, so Dec 30, 2024 should be '2025-W01'.", weeks) == []  # 2024 is part of a date
    assert _read("The sum of `[1, 2]` gives 3.", "def total(values: list[int]) -> int:\n    return 0\n") == []  # "of": which value?
    two = "def f(a: str) -> str:\n    return a\n\ndef g(b: str) -> str:\n    return b\n"
    assert _read('For example "ab" gives "ba".', two) == []  # which function?
    assert _read('"a" should give "x"; "b" and "c" both should give "y".', PHONE) == [
        ("to_e164('a')", '"x"'), ("to_e164('b')", '"y"'), ("to_e164('c')", '"y"')]  # the texts after the last answer
    assert _read('"a", "b" and "c": all two should give "y".', PHONE) == []  # three texts are not two
    gaps = "def longest_free_gap(bookings):\n    return 0\n"
    assert _read("For bookings 10:00–11:00 and 15:00–16:00 this returns 180.", gaps) == []  # "00" of a clock time is no value (b206-094)


def test_a_worded_example_fails_the_row_that_breaks_it():
    rows = [
        {"id": "right", "code": WINDOWS, "instruction": WINDOWS_ASK},
        {"id": "past the end", "code": WINDOWS_PAST_THE_END, "instruction": WINDOWS_ASK},
        {"id": "closers", "code": CLOSERS, "instruction": CLOSERS_ASK},
        {"id": "closers in opening order", "code": CLOSERS.replace("reversed(stack)", "stack"), "instruction": CLOSERS_ASK},
        {"id": "phone", "code": PHONE, "instruction": PHONE_ASK},
        {"id": "phone keeps the trunk zero", "code": PHONE.replace('.replace("(0)", "")', ""), "instruction": PHONE_ASK},
    ]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert {name: status for name, (status, _) in got.items()} == {
        "right": "passed", "past the end": "failed", "closers": "passed", "closers in opening order": "failed",
        "phone": "passed", "phone keeps the trunk zero": "failed"}
    assert "IndexError" in got["past the end"][1]
    assert "to_e164('+44 (0)20 7946 0958')" in got["phone keeps the trunk zero"][1]


def test_the_result_said_for_the_one_input_shown_is_an_example():
    """blind98: "for example:" and an indented line, then "For the example the result is `{...}`": the call on
    that line must give it. Two lines shown: which one is meant? Not read."""
    from hfsynth.curate.worded_examples import shown_input_examples

    ask = ('Metadata arrives as space-separated attributes, for example:\n\n    title="Starry Night" year=1889 framed\n\n'
           'Write `parse_attrs(s: str) -> dict`. A value may be wrapped in double quotes. '
           'For the example the result is `{"title": "Starry Night", "year": "1889", "framed": True}`.')
    split = "def parse_attrs(s: str) -> dict:\n    out = {}\n    for token in s.split():\n        name, _, value = token.partition('=')\n        out[name] = value.strip('\"') if value else True\n    return out\n"
    shlexed = split.replace("s.split()", "__import__('shlex').split(s)")
    found = shown_input_examples(ask, ask.replace("\n\n    title", "\n\ntitle"), parse_python(split))
    assert [(e.call, e.want.strip()) for e in found] == [
        ("parse_attrs('title=\"Starry Night\" year=1889 framed')", '{"title": "Starry Night", "year": "1889", "framed": True}')]
    two = ask.replace("year=1889 framed\n", "year=1889 framed\n    title=Sunflowers\n")
    assert shown_input_examples(two, two, parse_python(split)) == []
    rows = [{"id": name, "instruction": ask, "code": code} for name, code in (("split on spaces", split), ("shell words", shlexed))]
    got = {r["id"]: r["exec_status"] for r in execute_rows(rows, CFG)}
    assert got == {"split on spaces": "failed", "shell words": "passed"}


def test_an_example_chained_after_a_tuple_is_read():
    """blind98: '"1998.12.3" → (1998, 12, 3) and "1998.12" → (1998, 12, 0)': the second follows a tuple."""
    from hfsynth.curate.instruction_examples import instruction_examples

    code = "def split_accession(code: str) -> tuple:\n    return tuple(map(int, code.split('.')))\n"
    ask = 'The item part is optional: `"1998.12.3"` → `(1998, 12, 3)` and `"1998.12"` → `(1998, 12, 0)`.'
    assert [(e.call, e.want.strip()) for e in instruction_examples(ask, code)] == [
        ("split_accession('1998.12.3')", "(1998, 12, 3)"), ("split_accession('1998.12')", "(1998, 12, 0)")]


def test_a_call_with_its_result_in_a_comment_is_no_worded_example():
    """blind7: a bug report quotes ``remove_evens([2, 4, 6, 7])  # returns [4, 7]``: what the broken code does, in
    the form of a call (the call reader's business), not an example in words."""
    code = "def remove_evens(nums):\n    return [n for n in nums if n % 2]\n"
    assert _read("this leaves some behind:\n\n    remove_evens([2, 4, 6, 7])  # returns [4, 7]\n", code) == []


def test_a_plural_verb_and_the_answers_noun():
    """blind99: "times `[100, 100, 200]` give places `[1, 1, 3]`": the parameter named before its value, a plural
    verb, and the answer's noun before the answer."""
    places = "def places(times: list[int]) -> list[int]:\n    return times\n"
    assert _read("Use competition ranking, e.g. times `[100, 100, 200]` give places `[1, 1, 3]`.", places) == [("places(times=[100, 100, 200])", "[1, 1, 3]")]
    assert _read("Use competition ranking, e.g. times `[100, 100, 200]` give places 3 times.", places) == []  # no value in backticks after the noun


def test_quantities_and_what_they_cost_are_examples():
    """blind120, blind129: "So 80 hours cost 2.50, 96 hours cost 2.50, 97 hours cost 5.00 and 130 hours cost 7.50" and "up to
    and including 5 kg costs 9.99" for a function of the one quantity: the execution step runs them. Not read: a rate
    ("the first 100 kWh cost $0.12 each"), a part of the quantity ("every additional 20 g", "1-30 minutes cost 0.80"), a
    quantity of another parameter."""
    from hfsynth.curate.quantity_examples import quantity_examples

    fee = ("import math\n\n\ndef storage_fee(hours_held: float) -> float:\n    if hours_held < 0:\n        raise ValueError(hours_held)\n"
           "    chargeable = max(hours_held - 72, 0)\n    return {blocks} * 2.50\n")
    ask = ("The first 72 hours are free; after that, storage costs 2.50 for every **started** 24-hour period. So 80 hours cost 2.50, "
           "96 hours cost 2.50, 97 hours cost 5.00 and 130 hours cost 7.50. Write `storage_fee(hours_held: float) -> float`.")
    right, rounded = fee.format(blocks="math.ceil(chargeable / 24)"), fee.format(blocks="round(chargeable / 24)")
    assert [(e.call, e.want) for e in quantity_examples(ask, parse_python(right))] == [
        ("storage_fee(80)", "2.50"), ("storage_fee(96)", "2.50"), ("storage_fee(97)", "5.00"), ("storage_fee(130)", "7.50")]
    tiers = "def shipping_cost(weight_kg: float) -> float:\n    for limit, price in ((1, 4.99), (5, 9.99)):\n        if weight_kg {op} limit:\n            return price\n    return 19.99\n"
    tiers_ask = "Write `shipping_cost(weight_kg)`: up to and including 1 kg costs 4.99, up to and including 5 kg costs 9.99, anything heavier 19.99."
    assert [(e.call, e.want) for e in quantity_examples(tiers_ask, parse_python(tiers.format(op="<=")))] == [("shipping_cost(1)", "4.99"), ("shipping_cost(5)", "9.99")]
    rows = [{"id": "ceil", "code": right, "instruction": ask}, {"id": "round", "code": rounded, "instruction": ask},
            {"id": "tiers", "code": tiers.format(op="<="), "instruction": tiers_ask}, {"id": "strict tiers", "code": tiers.format(op="<"), "instruction": tiers_ask}]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert {name: status for name, (status, _) in got.items()} == {"ceil": "passed", "round": "failed", "tiers": "passed", "strict tiers": "failed"}
    assert "storage_fee(80) gives '2.50'; it gives '0.0'" in got["round"][1]
    bill = "def electricity_bill(kwh: float) -> float:\n    return kwh * 0.12\n"
    for words in ("the first 100 kWh cost $0.12 each", "every additional 20 kWh costs 0.85", "1-30 kWh cost 0.80", "100 kWh costs 3 units of credit"):
        assert quantity_examples(f"Write `electricity_bill(kwh)`: {words}.", parse_python(bill)) == []
    assert quantity_examples("Write `fare(zone_of, origin)`: so 1 zone costs 2.20.", parse_python("def fare(zone_of, origin):\n    return 2.2\n")) == []


GAPS = "def max_gap_hours(times):\n    ordered = sorted(times)\n    return max((b - a).total_seconds() / 3600 for a, b in zip(ordered, ordered[1:]))\n"
GAPS_ASK = "Sort the times and take the largest gap.\n\nFor `[time(14, 30), time(8, 0), time(11, 0)]` the answer is `3.5` (11:00 to 14:30)."
GAPS_RIGHT = ("from datetime import datetime, date\n\n\ndef max_gap_hours(times):\n    ordered = sorted(datetime.combine(date.min, t) for t in times)\n"
              "    return max((b - a).total_seconds() / 3600 for a, b in zip(ordered, ordered[1:]))\n")


def test_standard_values_in_a_worded_example():
    """b203-044: "For `[time(14, 30), time(8, 0), time(11, 0)]` the answer is `3.5`": the values are standard ones built
    from literals, spelt with their module in the call (the code may import ``datetime`` the class, or nothing)."""
    assert _read(GAPS_ASK, GAPS) == [("max_gap_hours([__import__('datetime').time(14, 30), __import__('datetime').time(8, 0), "
                                      "__import__('datetime').time(11, 0)])", "3.5")]
    due = "def days_left(today, due):\n    return (due - today).days\n"
    assert _read("With `today = date(2024, 7, 5)` and `due = date(2024, 7, 31)` it returns `26`.", due) == [
        ("days_left(due=__import__('datetime').date(2024, 7, 31), today=__import__('datetime').date(2024, 7, 5))", "26")]
    assert _read("For `[time(25, 0)]` the answer is `0.0`.", GAPS) == []  # no such time
    assert _read("For `[time(hour)]` the answer is `0.0`.", GAPS) == []  # not built from literals
    # one record's answer, said of a function of records: "For `{...}` this gives ..." is no call of it (b106-090)
    reminders = "def build_reminders(records):\n    return [f\"Hi {r['owner']}\" for r in records]\n"
    assert _read('For `{"owner": "Sam", "due": date(2024, 3, 5)}` this gives `"Hi Sam"`.', reminders) == []
    cells = "def export_csv(cells):\n    return ','.join(map(str, cells.values()))\n"
    assert _read('For `{"A1": "x", "C2": 5}` the result is `"x,5"`.', cells) == [("export_csv({'A1': 'x', 'C2': 5})", '"x,5"')]  # a mapping it iterates
    rows = [{"id": "time minus time", "code": GAPS, "instruction": GAPS_ASK}, {"id": "times on one day", "code": GAPS_RIGHT, "instruction": GAPS_ASK}]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    assert got["time minus time"][0] == "failed" and "unsupported operand type(s) for -: 'datetime.time' and 'datetime.time'" in got["time minus time"][1]
    assert got["times on one day"][0] == "passed", got
