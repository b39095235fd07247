"""Calls made from a function's annotations (hfsynth.curate.typed_probes): which calls are made, and
what the real sandbox makes of them, for rows that differ only where it matters."""

from __future__ import annotations

import ast

from hfsynth.curate.execute import execute_rows
from hfsynth.curate.typed_probes import typed_probes, values_restricted
from hfsynth.schema.curate import ExecutionConfig

CFG = ExecutionConfig(timeout_s=10, workers=2, mode="mark")

WAITING_ASK = "Write `waiting_list_line(title, patron_ids)` returning a line such as `Emma: 1042, 1077` (patron IDs are integers)."
WAITING = "def waiting_list_line(title: str, patron_ids: list[int]) -> str:\n    return f'{{title}}: ' + ', '.join({ids})\n"
STOCK_ASK = "Rows come from csv.DictReader, so every value is text. Write `stock_value(rows)`: qty x price summed, rounded to 2 decimals."
STOCK = "def stock_value(rows: list[dict[str, str]]) -> float:\n    return round(sum({qty} * float(row['price']) for row in rows), 2)\n"
WAITLIST_ASK = "Merge two waiting lists of (name, minute) tuples into the names ordered by minute: `merge_waitlists(online, box_office)`."
WAITLIST = ("def merge_waitlists(online: list[tuple[str, int]], box_office: list[tuple[str, int]]) -> list[str]:\n"
            "    merged = sorted(online + box_office, key=lambda entry: {minute})\n    return [entry[0] for entry in merged]\n")
DIGITS_ASK = "Write `digit_sum(n)` returning the sum of the decimal digits of a non-negative integer."
DIGITS = "def digit_sum(n: int) -> int:\n    total = 0\n    while n > 0:\n        total += n % 10\n{step}    return total\n"
SHIFT_ASK = "Write `shift_minutes(shift)` for a shift written as two 24-hour clock times joined by a dash: the minutes it lasts."
SHIFT = ("import re\n\n\ndef shift_minutes(shift: str) -> int:\n    m = re.fullmatch(r'(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)', shift)\n"
         "    h1, m1, h2, m2 = map(int, m.groups())\n    return (h2 * 60 + m2) - (h1 * 60 + m1)\n")
ORDER_ASK = "Write `order_plan(stock, limits)`: for every SKU below its minimum, order up to its maximum."
ORDER = ("def order_plan(stock: dict[str, int], limits: dict[str, tuple[int, int]]) -> dict[str, int]:\n    plan = {}\n"
         "    for sku, level in stock.items():\n        low, high = limits[sku]\n        if level < low:\n            plan[sku] = high - level\n    return plan\n")
HOPS_ASK = "A frog hops two squares at a time. Write `hops(start, goal)`; the goal is always ahead of the start, by an even number of squares."
HOPS_PLAIN_ASK = "A frog hops two squares at a time. Write `hops(start, goal)` returning how many hops take it from `start` to `goal`."
HOPS = "def hops(start: int, goal: int) -> int:\n    count = 0\n    while start != goal:\n        start += 2\n        count += 1\n    return count\n"
FLIGHT_ASK = "Write `late_flights(flights, minutes)` returning the numbers of the flights delayed by more than `minutes`."
FLIGHT = ("from dataclasses import dataclass\n\n\n@dataclass\nclass Flight:\n    number: str\n    delay: int\n\n\n"
          "def late_flights(flights: list[Flight], minutes: int) -> list[str]:\n    return [f.{field} for f in flights if f.delay > minutes]\n")
JARS_ASK = "Write `allocate(stock, wanted)` handing out jars one at a time, round robin, each shop up to what it asked for; stop when the stock runs out or every request is met."
JARS = ("def allocate(stock: int, wanted: dict[str, int]) -> dict[str, int]:\n    given = dict.fromkeys(wanted, 0)\n    while {go_on}:\n"
        "        for shop, n in wanted.items():\n            if stock > 0 and given[shop] < n:\n                given[shop] += 1\n                stock -= 1\n    return given\n")
QUARTER_ASK = "Write `round_up_quarter(dt)` returning the next quarter-hour mark (dt itself when it is on one)."
QUARTER = ("from datetime import datetime, timedelta\n\n\ndef round_up_quarter(dt: datetime) -> datetime:\n    dt = dt.replace(second=0, microsecond=0)\n"
           "    while dt.minute % 15:\n        dt += timedelta(minutes={step})\n    return dt\n")
ROTA_ASK = ("One cleaner works through the returned boats in order from 10:00, 90 minutes a boat. Write\n\n```python\n"
            "cleaning_rota(boats: list[str], start=time(10, 0), minutes=90)\n```\n\nreturning `(boat, start, end)` tuples.")
ROTA = ("from datetime import date, datetime, time, timedelta\n\n\ndef cleaning_rota(boats, start=time(10, 0), minutes=90):\n    rota, current = [], {current}\n"
        "    for boat in boats:\n        finish = current + timedelta(minutes=minutes)\n        rota.append((boat, current, finish))\n        current = finish\n    return rota\n")
ROWS = {
    "a round robin waiting for a stock larger than every request (blind207)": ((JARS.format(go_on="stock > 0"), "", JARS_ASK), "failed"),
    "a round robin that stops when every request is met": ((JARS.format(go_on="stock > 0 and any(given[s] < n for s, n in wanted.items())"), "", JARS_ASK), "no_tests"),
    "five-minute steps that never reach a quarter from an odd minute (blind213)": ((QUARTER.format(step=5), "", QUARTER_ASK), "failed"),
    "one-minute steps": ((QUARTER.format(step=1), "", QUARTER_ASK), "no_tests"),
    "a time plus a timedelta, the list's kind written in the instruction's signature only (blind212)": ((ROTA.format(current="start"), "", ROTA_ASK), "failed"),
    "a datetime plus a timedelta": ((ROTA.format(current="datetime.combine(date.today(), start)"), "", ROTA_ASK), "no_tests"),
    "integers joined as text (blind58)": ((WAITING.format(ids="patron_ids"), "", WAITING_ASK), "failed"),
    "integers joined once turned to text": ((WAITING.format(ids="map(str, patron_ids)"), "", WAITING_ASK), "no_tests"),
    "a text field multiplied by a float (blind65)": ((STOCK.format(qty="row['qty']"), "", STOCK_ASK), "failed"),
    "a text field read as a number": ((STOCK.format(qty="int(row['qty'])"), "", STOCK_ASK), "no_tests"),
    "a tuple read by an attribute (blind67)": ((WAITLIST.format(minute="entry.minute"), "", WAITLIST_ASK), "failed"),
    "a tuple read by its index": ((WAITLIST.format(minute="entry[1]"), "", WAITLIST_ASK), "no_tests"),
    "a counter that never moves": ((DIGITS.format(step=""), "", DIGITS_ASK), "failed"),
    "a counter that moves": ((DIGITS.format(step="        n //= 10\n"), "", DIGITS_ASK), "no_tests"),
    "a made-up text that no pattern matches proves nothing": ((SHIFT, "", SHIFT_ASK), "no_tests"),
    "a loop that one call's made-up values never end, the other's do, proves nothing where values are restricted": ((HOPS, "", HOPS_ASK), "no_tests"),
    "a loop that one call's made-up values never end, the other's do (blind150)": ((HOPS, "", HOPS_PLAIN_ASK), "failed"),
    "keys that do not match prove nothing": ((ORDER, "", ORDER_ASK), "no_tests"),
    "a dataclass's missing field (the code defines it)": ((FLIGHT.format(field="flight_number"), "", FLIGHT_ASK), "failed"),
    "a dataclass's field": ((FLIGHT.format(field="number"), "", FLIGHT_ASK), "no_tests"),
}


def test_typed_probes_decide_what_runs():
    rows = [{"id": name, "code": code, "response": response, "instruction": instruction} for name, ((code, response, instruction), _) in ROWS.items()]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    wrong = {name: got[name] for name, (_, expected) in ROWS.items() if got[name][0] != expected}
    assert not wrong, wrong
    assert "waiting_list_line('abc', [3, 2, 4]) (ordinary values of the kinds its signature or instruction names) raises TypeError" in got["integers joined as text (blind58)"][1]
    assert "does not return within 1.0 s of CPU time, nor 2 other such calls" in got["a counter that never moves"][1]
    assert got["a loop that one call's made-up values never end, the other's do (blind150)"][1].endswith(
        "hops(3, 2) (ordinary values of the kinds its signature or instruction names) does not return within 1.0 s of CPU time, though 2 other such calls return")
    assert "AttributeError: 'Flight' object has no attribute 'flight_number'" in got["a dataclass's missing field (the code defines it)"][1]
    assert "allocate(11, {'abc': 4, 'xyz': 6}) (ordinary values" in got["a round robin waiting for a stock larger than every request (blind207)"][1]
    assert "cleaning_rota(['abc', 'xyz', 'mno'])" in got["a time plus a timedelta, the list's kind written in the instruction's signature only (blind212)"][1]
    off = execute_rows(rows[:1], CFG.model_copy(update={"probe_annotated_types": False}))
    assert off[0]["exec_status"] == "no_tests"


def test_probes_do_not_count_as_tests():
    """A row whose own asserts pass is 'passed'; one with none stays 'no_tests' however many probes ran."""
    code = WAITING.format(ids="map(str, patron_ids)")
    rows = [{"id": "tested", "code": code, "tests": "assert waiting_list_line('Emma', [1, 2]) == 'Emma: 1, 2'\n", "instruction": WAITING_ASK},
            {"id": "untested", "code": code, "instruction": WAITING_ASK}]
    assert [r["exec_status"] for r in execute_rows(rows, CFG)] == ["passed", "no_tests"]


def probes(code: str, ask: str = "Write it.") -> list:
    return typed_probes(ask, ast.parse(code))


def test_probe_values_follow_the_annotations():
    # the third call's values are less round: a number passed alone larger than those in lists, texts with spaces and a long word
    assert probes(WAITING.format(ids="patron_ids")) == ["waiting_list_line('abc', [3, 2, 4])", "waiting_list_line('12', [4, 6, 5])",
                                                       "waiting_list_line('abc xyz', [2, 4, 6])"]
    # records hold the keys the code reads by literal; texts are words in one call and digits in the other
    assert probes(STOCK.format(qty="row['qty']")) == [
        "stock_value([{'qty': 'abc', 'price': 'xyz'}, {'qty': 'mno', 'price': 'kite'}, {'qty': 'abc', 'price': 'xyz'}])",
        "stock_value([{'qty': '12', 'price': '7'}, {'qty': '30', 'price': '45'}, {'qty': '12', 'price': '7'}])",
        "stock_value([{'qty': 'abc xyz', 'price': 'Mnopqrstuvwxyzabcdefghijklmnopq'}, {'qty': 'kite 12 mno', 'price': 'abc xyz'}, "
        "{'qty': 'Mnopqrstuvwxyzabcdefghijklmnopq', 'price': 'kite 12 mno'}])",
    ]
    assert probes("def f(when: 'datetime.date', gap: Optional[float] = None, *, n: int | None) -> int:\n    return 0\n") == [
        "f(__import__('datetime').date(2024, 3, 5), n=3)", "f(__import__('datetime').date(2023, 11, 25), n=4)", "f(__import__('datetime').date(2024, 2, 29), n=11)"]  # quoted, Optional, defaults left out, keyword-only by name
    # dates and floats come in the other order in the second call: a start before its end in one of them
    assert probes("from datetime import date\n\n\ndef per_day(start: tuple[date, float], end: tuple[date, float]) -> float:\n    return 0.0\n") == [
        "per_day((__import__('datetime').date(2024, 3, 5), 2.5), (__import__('datetime').date(2023, 11, 25), 1.5))",
        "per_day((__import__('datetime').date(2023, 11, 25), 3.25), (__import__('datetime').date(2024, 3, 5), 4.0))",
        "per_day((__import__('datetime').date(2024, 2, 29), 7.35), (__import__('datetime').date(2024, 2, 29), 0.4))"]
    assert probes("def f(pairs: tuple[int, ...], tags: set[str]) -> int:\n    return 0\n")[0] == "f((3, 2), {'abc', 'xyz', 'mno'})"
    assert probes(FLIGHT.format(field="number")) == ["late_flights([Flight('abc', 3), Flight('xyz', 2), Flight('mno', 4)], 6)",
                                                     "late_flights([Flight('12', 4), Flight('7', 6), Flight('30', 5)], 3)",
                                                     "late_flights([Flight('abc xyz', 2), Flight('Mnopqrstuvwxyzabcdefghijklmnopq', 4), Flight('kite 12 mno', 6)], 11)"]


def test_probes_are_made_only_where_the_types_leave_no_doubt():
    assert probes("def f(items):\n    return items\n") == []  # no annotation
    assert probes("def f(row: dict[str, int | str]) -> int:\n    return 0\n") == []  # which key holds which kind?
    assert probes("def f(items: list) -> int:\n    return 0\n") == []  # a list of what?
    assert probes("def f(key: Callable[[int], int]) -> int:\n    return 0\n") == []
    assert probes("def f(n: int = 3) -> int:\n    return n\n") == []  # nothing required
    assert probes("import functools\n\n\n@functools.lru_cache\ndef f(n: int) -> int:\n    return n\n") == []  # decorated
    assert probes("import numpy as np\n\n\ndef f(n: int) -> int:\n    return n\n") == []  # a library's objects
    assert probes("def f(n: int) -> int:\n    if not isinstance(n, int):\n        raise TypeError('n')\n    return n\n") == []  # refuses types itself
    assert probes("def f(n: int) -> int:\n    return n\n\n\ndef g(n: int) -> int:\n    return n\n") == []  # which function is asked?
    assert probes("def f(n: int) -> int:\n    return n\n\n\ndef g(n: int) -> int:\n    return n\n", "Write `g(n)`.") == ["g(3)", "g(4)", "g(11)"]
    assert probes("class P:\n    x: int\n\n\ndef f(p: P) -> int:\n    return p.x\n") == []  # no dataclass: how is it built?
    # a text handed whole to a decoder holds a document: json.loads("12") is a number, not the report asked for (blind110)
    report = "import json\n\n\ndef hottest(doc: str):\n    data = json.loads(doc)\n    return max(s['t'] for s in data.get('stations', []))\n"
    assert probes(report) == []
    assert probes(report.replace("json.loads(doc)", "{'stations': [{'t': len(doc)}]}")) == ["hottest('abc')", "hottest('12')", "hottest('abc xyz')"]


def test_values_restricted_beyond_their_types():
    for ask in ("Return how many out-shuffles bring a deck of `n` cards (n even, n >= 2) back to its order.",  # b78-047's good row
                "Shuffle an even-sized deck.", "The goal is always ahead, by an even number of squares.",
                "Give change for an amount (always a multiple of 0.10).", "The size is a power of two.", "n is odd."):
        assert values_restricted(ask), ask
    for ask in ("Halve n if it is even if you can.", "Return -1 if even the first train is late.", "Count the even numbers in a list.",
                "Return the number of weeks until the stock falls to the floor."):
        assert not values_restricted(ask), ask
