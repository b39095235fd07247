"""Kinds an instruction states in words for parameters the signature leaves unannotated
(hfsynth.curate.stated_types): which words count, and what the real sandbox makes of the calls."""

from __future__ import annotations

import ast

from hfsynth.curate.execute import execute_rows
from hfsynth.curate.instruction import prose
from hfsynth.curate.stated_types import stated_values
from hfsynth.curate.typed_probes import typed_probes
from hfsynth.schema.curate import ExecutionConfig

CFG = ExecutionConfig(timeout_s=10, workers=2, mode="mark")


def stated(prose: str, *names: str, annotations: dict = None) -> dict:
    parameters = {name: ast.parse((annotations or {}).get(name), mode="eval").body if (annotations or {}).get(name) else None for name in names}
    return {name: ast.unparse(v) if isinstance(v, ast.AST) else v for name, v in stated_values(prose, parameters).items()}


def test_kinds_stated_in_words():
    assert stated("`today` is a `datetime.date`.", "today") == {"today": "date"}
    assert stated("Write `f(records, now)` (`now` is a `datetime`).", "records", "now") == {"now": "datetime"}
    assert stated("`opened_at` is the `datetime.datetime` at which the jar was opened", "opened_at") == {"opened_at": "datetime"}
    assert stated("`starts` is a list of `datetime.time` shift start times", "starts") == {"starts": "list[time]"}
    assert stated("`fee` is a `decimal.Decimal`", "fee") == {"fee": "Decimal"}
    assert stated("`gap` is a `timedelta`", "gap") == {"gap": "timedelta"}
    assert stated("`start` is a `time` value", "start") == {"start": "time"}
    assert stated("`start` and `end` are `datetime` values", "start", "end") == {"start": "datetime", "end": "datetime"}
    assert stated("`starts` are `datetime.time` values", "starts") == {}  # a list of them, or each one?
    # a loose annotation says less than the words; one that names a kind is read as it is
    assert stated("`today` is a `datetime.date`", "today", annotations={"today": "str"}) == {}
    assert stated("`batches` is a list of dicts such as `{\"id\": 1}`", "batches", annotations={"batches": "list[dict]"}) == {"batches": "[{'id': 1}]"}


def test_texts_and_numbers_of_a_kind_are_no_value_of_it():
    for words in ("`due` is a date string", "`due` is a date like \"2024-05-01\"", "`due` is a `date` in ISO format", "`due` is a date as YYYY-MM-DD",
                  "`due` is a date or None", "`due` is a `datetime` string (ISO 8601)", "`due` is the time in minutes", "`due` is a time of day in minutes",
                  "`due` is a date, given as text", "`due` is a datetime stamp"):
        assert stated(words, "due") == {}, words
    assert stated("`due` is a `datetime.date`", "other") == {}  # not a parameter


def test_records_shown_for_a_list_of_dicts():
    card = '{"card": "FC-0192", "expires": "2024-07-31"}'
    assert stated(f"- `cards` is a list of dicts such as `{card}`", "cards") == {"cards": "[{'card': 'FC-0192', 'expires': '2024-07-31'}]"}
    kicked = "`{\"home\": \"Lyon\", \"kickoff\": datetime(2024, 4, 6, 21, 0)}`"
    assert stated(f"Each fixture is a dict like {kicked}.", "fixtures") == {
        "fixtures": "[{'home': 'Lyon', 'kickoff': __import__('datetime').datetime(2024, 4, 6, 21, 0)}]"}
    assert stated(f"Batches are dicts such as {kicked}.", "batches") == {
        "batches": "[{'home': 'Lyon', 'kickoff': __import__('datetime').datetime(2024, 4, 6, 21, 0)}]"}
    booking = '`{"desk": "D2", "members": ["amy", "raj"]}`'
    assert stated(f"A booking looks like {booking}.", "bookings") == {"bookings": "[{'desk': 'D2', 'members': ['amy', 'raj']}]"}
    assert stated("Each entry is a dict like `{\"a\": 1}`", "entries") == {"entries": "[{'a': 1}]"}
    # elided, built from names, or said of another thing: no record
    assert stated("Each fixture is a dict like `{\"home\": \"Lyon\", ...}`.", "fixtures") == {}
    assert stated("Each fixture is a dict like `{\"home\": team, \"kickoff\": when}`.", "fixtures") == {}
    assert stated(f"Each fixture is a dict like {kicked}.", "venues") == {}
    assert stated(f"Each fixture is a dict like {kicked}.", "fixtures", annotations={"fixtures": "dict[str, int]"}) == {}


def probes(code: str, ask: str) -> list:
    return typed_probes(prose(ask), ast.parse(code), ask)


EXPIRING_ASK = ("Write `expiring_cards(cards, today, days=30)`.\n\n- `cards` is a list of dicts such as `{\"card\": \"FC-0192\", \"expires\": \"2024-07-31\"}`\n"
                "- `today` is a `datetime.date`\n- return the card ids that expire within the next `days` days")
EXPIRING = ("from datetime import {kind}, timedelta\n\n\ndef expiring_cards(cards, today, days=30):\n    horizon = today + timedelta(days=days)\n"
            "    soon = [(datetime.strptime(c['expires'], '%Y-%m-%d'){date}, c['card']) for c in cards]\n"
            "    return [card for exp, card in sorted(soon) if today <= exp <= horizon]\n")
BOOKINGS_ASK = ("Write `dedupe_bookings(bookings)` that removes exact duplicates, first one kept. A booking looks like "
                "`{\"desk\": \"D2\", \"date\": \"2024-06-12\", \"members\": [\"amy\", \"raj\"]}` (team bookings list several members).")
BOOKINGS = ("def dedupe_bookings(bookings):\n    seen, unique = set(), []\n    for b in bookings:\n        key = (b['desk'], b['date'], {members})\n"
            "        if key not in seen:\n            seen.add(key)\n            unique.append(b)\n    return unique\n")
ROWS = {
    "a date compared with a datetime (b203-016)": ((EXPIRING.format(kind="datetime", date=""), EXPIRING_ASK), "failed"),
    "a date compared with a date": ((EXPIRING.format(kind="datetime", date=".date()"), EXPIRING_ASK), "no_tests"),
    "a list in a set's key (b204-058)": ((BOOKINGS.format(members="b['members']"), BOOKINGS_ASK), "failed"),
    "a tuple in a set's key": ((BOOKINGS.format(members="tuple(b['members'])"), BOOKINGS_ASK), "no_tests"),
}


def test_stated_kinds_decide_what_runs():
    assert probes(EXPIRING.format(kind="datetime", date=""), EXPIRING_ASK) == [
        "expiring_cards([{'card': 'FC-0192', 'expires': '2024-07-31'}], __import__('datetime').date(2024, 3, 5))",
        "expiring_cards([{'card': 'FC-0192', 'expires': '2024-07-31'}], __import__('datetime').date(2023, 11, 25))",
        "expiring_cards([{'card': 'FC-0192', 'expires': '2024-07-31'}], __import__('datetime').date(2024, 2, 29))"]
    assert probes(EXPIRING.format(kind="datetime", date=""), EXPIRING_ASK.replace("`today` is a `datetime.date`", "`today` is today's date")) == []
    rows = [{"id": name, "code": code, "instruction": instruction} for name, ((code, instruction), _) in ROWS.items()]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    wrong = {name: got[name] for name, (_, expected) in ROWS.items() if got[name][0] != expected}
    assert not wrong, wrong
    assert "can't compare datetime.datetime to datetime.date" in got["a date compared with a datetime (b203-016)"][1]
    assert "unhashable type: 'list'" in got["a list in a set's key (b204-058)"][1]


PRICES_ASK = ("Prices live in the shop's config file:\n\n```json\n{\"washer\": 4.50, \"dryer\": 2.00}\n```\n\n"
              "Write `basket_total(config_json, items)` where `items` is a list of item names (e.g. `[\"washer\", \"dryer\", \"dryer\"]`). "
              "Return the total as a `Decimal`.")
PRICES = ("import json\nfrom decimal import Decimal\n\n\ndef basket_total(config_json: str, items: list[str]) -> Decimal:\n    prices = json.loads(config_json)\n"
          "    total = Decimal('0.00')\n    for item in items:\n        total += {price}\n    return total.quantize(Decimal('0.01'))\n")
STAYS_ASK = ("The hut exports stays as CSV with a header:\n\n```\nname,check_in,check_out\nHuber,2024-07-10,2024-07-13\nMoser,2024-07-11,\n```\n\n"
             "`check_out` is empty for guests still in the hut; count their nights up to `today`. Write `average_stay(csv_text, today: date) -> float`.")
STAYS = ("import csv\nimport io\nfrom datetime import date\n\n\ndef average_stay(csv_text: str, today: date) -> float:\n    stays = []\n"
         "    for row in csv.DictReader(io.StringIO(csv_text)):\n        end = {end}\n"
         "        stays.append((end - date.fromisoformat(row['check_in'])).days)\n    return sum(stays) / len(stays) if stays else 0.0\n")
FEES_ASK = ("Write `bag_fee(days, size)` returning the fee as a `Decimal`: 4.00 per day, and oversized bags (`size == \"XL\"`) cost 1.5 times as much. "
            "Then write `total_fees(bags)` summing the fees of `(days, size)` tuples.")
FEES = ("from decimal import Decimal\n\n\ndef bag_fee(days: int, size: str) -> Decimal:\n    fee = Decimal('4.00') * days\n    if size == 'XL':\n"
        "        fee *= {factor}\n    return fee\n\n\ndef total_fees(bags) -> Decimal:\n    return sum((bag_fee(d, s) for d, s in bags), Decimal('0'))\n")
UPLIFT_ASK = "Write `apply_uplift(prices: dict[str, Decimal], percent)` where `percent` is a number such as `4` or `3.5`: new price = old price x (1 + percent / 100)."
UPLIFT = ("from decimal import Decimal\n\n\ndef apply_uplift(prices: dict[str, Decimal], percent) -> dict[str, Decimal]:\n    factor = {factor}\n"
          "    return {{k: p * factor for k, p in prices.items()}}\n")
SHOWN_ROWS = {
    "a float price from the JSON shown added to a Decimal (b209-062)": ((PRICES.format(price="prices[item]"), PRICES_ASK), "failed"),
    "the price read through str()": ((PRICES.format(price="Decimal(str(prices[item]))"), PRICES_ASK), "no_tests"),
    "an empty check-out of the CSV shown falls back to a date (b210-021)": ((STAYS.format(end="date.fromisoformat(row['check_out'] or today)"), STAYS_ASK), "failed"),
    "an empty check-out falls back to today itself": ((STAYS.format(end="date.fromisoformat(row['check_out']) if row['check_out'] else today"), STAYS_ASK), "no_tests"),
    "the branch of the text the code tests for (b205-058)": ((FEES.format(factor="1.5"), FEES_ASK), "failed"),
    "the branch of the text, in Decimal": ((FEES.format(factor="Decimal('1.5')"), FEES_ASK), "no_tests"),
    "a number shown for the parameter (b208-008)": ((UPLIFT.format(factor="1 + percent / 100"), UPLIFT_ASK), "failed"),
    "a number shown, read through str()": ((UPLIFT.format(factor="1 + Decimal(str(percent)) / 100"), UPLIFT_ASK), "no_tests"),
}


def test_documents_texts_and_values_the_instruction_shows_decide_what_runs():
    assert probes(PRICES.format(price="prices[item]"), PRICES_ASK) == [
        "basket_total('{\"washer\": 4.50, \"dryer\": 2.00}', ['washer', 'dryer', 'dryer'])"]  # the document and the list shown
    assert probes(FEES.format(factor="1.5"), FEES_ASK) == ["bag_fee(3, 'abc')", "bag_fee(4, '12')", "bag_fee(11, 'abc xyz')", "bag_fee(3, 'XL')"]  # both functions are named
    assert probes(UPLIFT.format(factor="1"), UPLIFT_ASK)[0].endswith(", 3.5)")
    # a document no block shows is none: no probe of a decoded text
    assert probes(PRICES.format(price="prices[item]"), PRICES_ASK.replace("```json", "```python").replace("```\n\nWrite", "```\nWrite")) == []
    one = "Orders come as a JSON string: a list of objects like\n\n```json\n{\"sku\": \"BAG\", \"qty\": 2}\n```\n\nWrite `units(orders_json)`."
    code = "import json\n\n\ndef units(orders_json: str) -> int:\n    return sum(o['qty'] for o in json.loads(orders_json))\n"
    assert probes(code, one) == ["units('[{\"sku\": \"BAG\", \"qty\": 2}]')"]  # one object shown of a list: an item of it
    rows = [{"id": name, "code": code, "instruction": instruction} for name, ((code, instruction), _) in SHOWN_ROWS.items()]
    got = {r["id"]: (r["exec_status"], r["exec_detail"]) for r in execute_rows(rows, CFG)}
    wrong = {name: got[name] for name, (_, expected) in SHOWN_ROWS.items() if got[name][0] != expected}
    assert not wrong, wrong
    assert "bag_fee(3, 'XL')" in got["the branch of the text the code tests for (b205-058)"][1]


def test_a_range_the_instruction_restricts_a_value_to():
    from hfsynth.curate.typed_probes import values_restricted

    assert values_restricted("the smallest number of rolls with `0 <= threshold < 1`")  # b107-080: Fraction(5, 2) may loop in right code
    assert values_restricted("p is a probability between 0 and 1")
    assert not values_restricted("a number between 0 and 100")
