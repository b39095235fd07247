"""The quality filters (static analysis, trivial bodies, print-only, repetition, instruction):
the labelled rows of tests/labelled_rows.py are curated as labelled, each junk kind by its own
step, the good rows that naive checks would reject survive, and every step is counted in
funnel.json with a reason per removed row in rejected.jsonl."""

import functools
import gzip
import json
import re

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml

from hfsynth.context import StageContext
from hfsynth.curate import instruction, repetition, static_analysis, substance
from hfsynth.curate.row_checks import fewer_collections, first_rejection, quality_checks
from hfsynth.curate.stage import curate_stage
from hfsynth.recipe import validate_recipe
from hfsynth.rundir import RunDir
from hfsynth.schema.curate import CurateConfig, InstructionConfig, PrintOnlyConfig, RepetitionConfig, StaticAnalysisConfig, TrivialConfig
from labelled_rows import GOOD, JUNK, labelled_rows

# Which step must remove each junk kind (by the kind's prefix).
EXPECTED_STEP = {
    "repeated_branch": "trivial",  # an elif repeating its chain's condition never runs (before "repeated": first match wins)
    "undefined": "static_analysis", "missing_import": "static_analysis", "redefined": "static_analysis",
    "repeated": "repetition", "docstring_only": "trivial", "pass_only": "trivial", "ellipsis_only": "trivial",
    "not_implemented": "trivial", "todo_return_none": "trivial", "self_recursion": "trivial", "ignores_inputs": "trivial", "returns_its_input": "trivial", "print": "print_only", "instruction": "instruction",
}


def expected_step(kind: str) -> str:
    return next(step for prefix, step in EXPECTED_STEP.items() if kind.startswith(prefix))


def test_the_labelled_set_is_broad():
    assert len(GOOD) >= 25 and len(JUNK) >= 25
    assert {expected_step(kind) for _, kind, _, _ in JUNK} == {"static_analysis", "repetition", "trivial", "print_only", "instruction"}


def test_labelled_rows_are_curated_as_labelled():
    checks = quality_checks(CurateConfig())
    with fewer_collections():  # as the curate stage runs them
        verdicts = {row["id"]: (row, first_rejection(row, checks)) for row in labelled_rows()}
    good = [(row, verdict) for row, verdict in verdicts.values() if row["label"] == "good"]
    junk = [(row, verdict) for row, verdict in verdicts.values() if row["label"] == "junk"]
    wrongly_removed = [(row["kind"], verdict) for row, verdict in good if verdict is not None]
    missed = [row["kind"] for row, verdict in junk if verdict is None]
    assert 1 - len(wrongly_removed) / len(good) >= 0.95, wrongly_removed
    assert 1 - len(missed) / len(junk) >= 0.90, missed
    # Stricter than the issue's bar: every row of this set, by the step meant for it.
    assert wrongly_removed == [] and missed == []
    wrong_step = [(row["kind"], verdict) for row, verdict in junk if verdict[0] != expected_step(row["kind"])]
    assert wrong_step == []


@pytest.mark.parametrize("kind", ["global", "global_defined_in_function", "nonlocal", "star_import", "dunder_all", "builtins",
                                  "type_checking", "string_annotation", "conditional_definition", "overload", "property_setter"])
def test_scoping_that_pyflakes_understands_is_not_an_undefined_name(kind):
    code = next(code for _, k, _, code in GOOD if k == kind)
    assert static_analysis.findings(code, StaticAnalysisConfig().reject) == []


def test_static_analysis_reasons_and_configurable_messages():
    config = StaticAnalysisConfig()
    row = {"language": "python", "code": "def f():\n    return g(x)\n"}
    assert static_analysis.check(row, config) == "UndefinedName: undefined name 'g' (line 2) (+1 more)"
    unused = {"language": "python", "code": "import os\n\n\ndef f():\n    return 1\n"}
    assert static_analysis.check(unused, config) is None
    assert static_analysis.check(unused, StaticAnalysisConfig(reject=["UnusedImport"])).startswith("UnusedImport: 'os' imported but unused")
    assert static_analysis.check({"language": "javascript", "code": "foo(bar)"}, config) is None
    assert static_analysis.check({"language": "python", "code": "def broken(:"}, config) is None  # validity's job


def test_trivial_looks_inside_classes_and_functions():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    assert substance.trivial(row("class A:\n    def f(self):\n        '''Doc.'''\n        ...\n")) is not None
    assert substance.trivial(row("class A:\n    def f(self):\n        return 1\n")) is None
    assert substance.trivial(row("import os\nimport sys\n")) == "trivial body: no statement does anything"
    assert substance.trivial(row("LIMIT = 10\n")) is None


def test_print_only_keeps_scripts_and_can_require_a_definition():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    config = PrintOnlyConfig()
    assert substance.print_only(row("print('42')\n"), config) is not None
    assert substance.print_only(row("import sys\nprint(sum(int(x) for x in sys.stdin))\n"), config) is None
    assert substance.print_only(row("n = int(input())\nprint(n * 2)\n"), config) is None
    strict = PrintOnlyConfig(require_definition=True)
    assert substance.print_only(row("n = int(input())\nprint(n * 2)\n"), strict) == "no function or class defined"
    assert substance.print_only(row("def f(n):\n    print(n)\n"), strict) is None
    # a function without parameters wrapping the prints of a worked-out answer defines nothing
    assert substance.print_only(row("def main():\n    print('5! =', 120)\n\n\nmain()\n"), config) == "only prints (1 print call, no function or class)"
    assert substance.print_only(row("def main():\n    print(sum(range(10)))\n\n\nmain()\n"), config) is None  # it computes


def test_repetition_thresholds_are_the_recipes():
    code = "def f(x):\n" + "    x = x + 1\n" * 3 + "    return x\n"
    row = {"code": code, "instruction": "Write a function.", "response": ""}
    assert repetition.check(row, RepetitionConfig()) == "repeated line: one line 3 times in a row"
    assert repetition.check(row, RepetitionConfig(max_line_run=3)) is None
    looping = "The function returns the sum of the list. " * 6
    assert repetition.check({"code": "", "instruction": "Write a function.", "response": looping}, RepetitionConfig()).endswith(
        "of the response repeats its own 10-word sequences"
    )
    assert repetition.duplicate_ngram_fraction("a b c d e f g h i j k l m n o p q r s t u v", 10) == 0.0
    phrase = {"code": "x = [" + "(value, right), " * 4 + "]\n", "instruction": "Write a function.", "response": ""}
    assert repetition.check(phrase, RepetitionConfig()) == "repeated phrase: '(value, right), ' 4 times in a row"
    assert repetition.check(phrase, RepetitionConfig(max_phrase_repeats=4)) is None
    assert repetition.phrase_loop("row = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]\nline = '=' * 3 + '============'", 3) is None
    assert repetition.phrase_loop("token = 'ghp_" + "x" * 36 + "'", 3) is None  # placeholders are not loops


def test_instruction_checks_are_switchable():
    advice = {"instruction": "Make sure to use descriptive variable names.", "response": ""}
    assert instruction.check(advice, InstructionConfig()) is not None
    assert instruction.check(advice, InstructionConfig(require_task=False)) is None
    answer = {"instruction": "Sure! Write a function that adds two numbers.", "response": ""}
    assert instruction.check(answer, InstructionConfig()).startswith("instruction reads as an answer")
    assert instruction.check(answer, InstructionConfig(reject_chatter=False)) is None
    refusing = {"instruction": "Write a function that adds two numbers.", "response": "I'm sorry, but I can't help with that."}
    assert instruction.check(refusing, InstructionConfig()).startswith("response is a refusal")
    assert instruction.check({"instruction": "x" * 50 + " write", "response": ""}, InstructionConfig(max_chars=20)) == "instruction length: 56 characters, outside [10, 20]"


def test_the_stage_counts_every_quality_step_and_records_each_reason(tmp_path):
    rows = labelled_rows()
    raw = [{"id": r["id"], "status": "ok", "instruction": r["instruction"], "response": r["response"], "language": "python",
            "code": None, "label": r["label"]} for r in rows]
    (tmp_path / "run" / "raw" / "train").mkdir(parents=True)
    pq.write_table(pa.Table.from_pylist(raw), tmp_path / "run" / "raw" / "train" / "shard-rank0-00000.parquet")
    recipe = validate_recipe({
        "name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"},
        "curate": {"execution": {"enabled": False}, "secrets": {"enabled": False}, "dedup": {"near": False}, "decontaminate": {"enabled": False}},
    }, source_dir=tmp_path)
    run_dir = RunDir(tmp_path / "run")
    curate_stage(StageContext(recipe, run_dir))

    funnel = json.loads(run_dir.funnel.read_text())
    removed = {s["name"]: s["removed"] for s in funnel["steps"]}
    by_step = {}
    for _, kind, _, _ in JUNK:
        by_step[expected_step(kind)] = by_step.get(expected_step(kind), 0) + 1
    for step, count in by_step.items():
        assert removed[step] == count, (step, removed)
    kept = pq.read_table(run_dir.split_file("train")).column("label").to_pylist()
    assert kept == ["good"] * len(GOOD)
    rejected = [json.loads(line) for line in run_dir.rejected.read_text().splitlines()]
    assert sorted(r["id"] for r in rejected) == sorted(r["id"] for r in rows if r["label"] == "junk")
    kinds = {r["id"]: r["kind"] for r in rows}
    assert [(r["id"], r["step"]) for r in rejected if r["step"] != expected_step(kinds[r["id"]]) or not r["reason"]] == []
    by_id = {r["id"]: r for r in rejected}
    undefined = next(r for r in rows if r["kind"] == "undefined_helper")
    assert by_id[undefined["id"]] == {"id": undefined["id"], "split": "train", "step": "static_analysis",
                                      "reason": "UndefinedName: undefined name 'encode_binary_data' (line 4)"}
    assert funnel["reasons"]["static_analysis"] == {"UndefinedName": 5, "RedefinedWhileUnused": 3, "UndefinedLocal": 1}


def test_instructions_in_other_languages_and_quoting_code_are_tasks():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    for text in ["Escribe una funcion que convierta una cadena a mayusculas.", "Scrivi una funzione che restituisce la somma delle cifre.",
                 "编写一个Python函数，判断一个字符串是否是回文。", "Swap the values of two variables.", "How to reverse a list in Python",
                 "Ensure that this function never divides by zero:\n\n```python\ndef ratio(a, b):\n    return a / b\n```",
                 "Convert this JavaScript to Python:\n\n```javascript\nfunction add(a, b) {\n  return a + b;\n}\n```",
                 "The following function should return the sum but returns 0. Fix it:\n\n```python\ndef total(xs):\n    return 0\n```",
                 "I'm sorry if this is a basic question, but how do I sort a dict by value?"]:
        assert task(text) is None, text
    assert task("Python decorators").startswith("instruction names no task")
    assert task("Lists and tuples in Python.").startswith("instruction names no task")
    assert task("```python\ndef roll():\n    return 4\n```").startswith("instruction is mostly code")
    assert task("The following code implements a stack with a list.").startswith("instruction reads as an answer")
    assert task("I'm sorry, but I cannot write programming tasks.").startswith("instruction is a refusal")


def test_a_named_callable_is_an_ask_unless_builtin_or_used_by_the_code():
    row = lambda text, code: {"instruction": text, "response": "", "code": code}  # noqa: E731
    uses = "def fetch_all(urls, fetch):\n    return [fetch(u) for u in urls if len(u)]\n"
    assert instruction.check(row("Write `fetch_all(urls, fetch)` calling `fetch(url)`; return `len()` results.", uses), InstructionConfig()) is None
    other = "def check_extension(kind):\n    return kind\n"
    assert instruction.check(row("Implement `guess_extension(kind)`.", other), InstructionConfig()) == (
        "instruction asks for `guess_extension` but the code defines no guess_extension")
    insertion = "def sort_desc(nums):\n    out = []\n    for n in nums:\n        out.insert(0, n)\n    return out\n"
    assert instruction.check(row("Sort without the built-in `sorted()` or `list.sort()`, nor `heapq.heapify()`.", insertion), InstructionConfig()) is None
    half = "import base64\n\n\ndef encode(data):\n    return base64.b64encode(data).decode('ascii')\n"
    assert instruction.check(row("Write `encode(data)` and `decode(text)`; both are required.", half), InstructionConfig()) == (
        "instruction asks for `decode` but the code defines no decode")  # bytes' .decode() is not the asked function
    vector = "class V:\n    def __init__(self, x):\n        self.x = x\n\n    def __add__(self, o):\n        return V(self.x + o.x)\n"
    assert instruction.check(row("Create a class `V` with addition and `__abs__` (the length).", vector), InstructionConfig()) == (
        "instruction asks for `__abs__` but the code defines no __abs__")
    assert instruction.check(row("Create a class `V` with `__add__()`; guard the demo with `__name__`.", vector), InstructionConfig()) is None


def test_names_bound_by_the_instructions_code_are_defined():
    config = StaticAnalysisConfig()
    alpaca = {"language": "python", "instruction": 'Map words to lengths.\n\nsentence = "a bc"', "code": "n = {w: len(w) for w in sentence.split()}\n"}
    assert static_analysis.check(alpaca, config) is None
    assert static_analysis.check({**alpaca, "instruction": "Map words to lengths."}, config).startswith("UndefinedName: undefined name 'sentence'")
    quoted = {"language": "python", "instruction": "Given\n```python\ndef area(r):\n    return r * r\n```\nsum the areas.",
              "code": "def total(rs):\n    return sum(area(r) for r in rs)\n"}
    assert static_analysis.check(quoted, config) is None


def test_print_only_spares_code_that_computes_or_prints_what_it_was_asked_to():
    row = lambda code, text="Write a program.": {"language": "python", "code": code, "instruction": text}  # noqa: E731
    config = PrintOnlyConfig()
    assert substance.print_only(row("a = 5\nb = 10\na, b = b, a\nprint(a, b)\n"), config) is None
    assert substance.print_only(row('print("Hello, World!")\n', 'Write a program that prints "Hello, World!"'), config) is None
    assert substance.print_only(row('print("Hello, World!")\n', 'Write a greeting "Hello, World!" function'), config) is not None
    assert substance.print_only(row("radius = 3\narea = 28.27\nprint(area)\n"), config) is not None


def test_only_functions_that_return_a_value_can_ignore_their_inputs():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    handler = "import sys\n\n\ndef on_interrupt(signum, frame):\n    print('bye')\n    sys.exit(0)\n"
    assert substance.trivial(row(handler)) is None
    assert substance.trivial(row("def is_leap(year):\n    return True\n")).startswith("trivial body: is_leap ignores")


def test_the_solution_fence_defines_something_and_is_tagged():
    from hfsynth.curate.extract import extract_code
    from hfsynth.curate.inputs import code_and_tests

    code = "def initials(name):\n    return name[0]\n"
    usage = "names = ['ada lovelace', 'grace hopper', 'alan turing']\nfor n in names:\n    print(n, initials(n))\n"
    response = f"```python\n{code}```\n\nUsage:\n\n```python\n{usage}```\n"
    assert extract_code(response, languages=["python"]) == (code.rstrip("\n"), "python")
    loop = "for i in range(3):\n    print(i)\n"
    output = "  0\n  1\n  2\n  and more lines of output here\n"
    assert extract_code(f"```python\n{loop}```\n\n```\n{output}```\n", languages=["python"]) == (loop.rstrip("\n"), "python")
    tests = "import unittest\n\n\nclass TestInitials(unittest.TestCase):\n    def test_one(self):\n        self.assertEqual(initials('ab'), 'a')\n"
    assert code_and_tests(f"```python\n{code}```\n\n```python\n{tests}```\n", ["python"]) == (code.rstrip("\n"), tests.rstrip("\n"))


def test_presenting_or_advising_openers_are_forgiven_when_a_later_sentence_sets_the_task():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Below is a function that averages a list. Modify it to skip None.\n\n```python\ndef avg(xs):\n    return sum(xs) / len(xs)\n```") is None
    assert task("Note that the input may be empty. Write a function that returns the largest product of two numbers.") is None
    assert task("Avoid built-in sorting: implement insertion sort for a list of integers.") is None
    assert task("Below is a function that averages a list.").startswith("instruction reads as an answer")
    assert task("Note that the input may be empty.").startswith("instruction is advice")
    assert task("Sure! Write a function that adds two numbers.").startswith("instruction reads as an answer")  # chatter stays chatter
    assert task("Hi there! How are you doing today?").startswith("instruction names no task")
    assert task("What is the difference between a list and a tuple?") is None


def test_subtypes_are_not_stubs_and_stubs_beside_working_code_are():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    assert substance.trivial(row("class PaymentError(Exception):\n    pass\n\n\nclass Declined(PaymentError):\n    pass\n")) is None
    unfinished = "class Matrix:\n    def __init__(self, rows):\n        self.rows = rows\n\n    def __add__(self, other):\n        raise NotImplementedError\n"
    assert substance.trivial(row(unfinished)) == "trivial body: __add__ left as stub (pass, ..., NotImplementedError or return None)"
    base = "class Shape:\n    def area(self):\n        raise NotImplementedError\n\n\nclass Square(Shape):\n    def __init__(self, s):\n        self.s = s\n\n    def area(self):\n        return self.s ** 2\n"
    assert substance.trivial(row(base)) is None
    abstract = "from abc import ABC, abstractmethod\n\n\nclass Store(ABC):\n    @abstractmethod\n    def load(self, key):\n        ...\n\n    def keys(self):\n        return []\n"
    assert substance.trivial(row(abstract)) is None
    quiet = "from http.server import BaseHTTPRequestHandler\n\n\nclass Handler(BaseHTTPRequestHandler):\n    def do_GET(self):\n        self.send_response(204)\n        self.end_headers()\n\n    def log_message(self, format, *args):\n        pass\n"
    assert substance.trivial(row(quiet)) is None


def test_guard_lines_of_keywords_and_builtins_are_not_repetition():
    guards = "def parse(a, b, c):\n" + "".join(f"    try:\n        {v} = int({v})\n    except ValueError:\n        return None\n" for v in "abc") + "    return a, b, c\n"
    assert repetition.check({"code": guards, "instruction": "Parse three ints.", "response": ""}, RepetitionConfig()) is None
    assert repetition.structural("except ValueError:") and repetition.structural("return None") and not repetition.structural("return 0")


def test_locals_of_the_quoted_function_are_defined_for_a_one_line_answer():
    quoted = "Replace the loop with one expression.\n\n```python\ndef total(items):\n    result = 0\n    for item in items:\n        result += item\n    return result\n```"
    row = {"language": "python", "instruction": quoted, "code": "result = sum(item for item in items)\n"}
    assert static_analysis.check(row, StaticAnalysisConfig()) is None


def test_fifth_round_languages_lists_of_tasks_pasted_outputs_and_renamed_inputs():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Bir listedeki tüm çift sayıların toplamını döndüren bir Python fonksiyonu yazın.") is None
    assert task("Viết hàm Python kiểm tra một số có phải là số nguyên tố hay không.") is None
    assert task("Here are some programming tasks you could try: a calculator, a to-do app.").startswith("instruction reads as an answer")
    assert task("Here are some numbers: [3, 1, 2]. Sort them in descending order.") is None
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    assert substance.trivial(row("[1, 4, 9, 16, 25]\n")) == "trivial body: no statement does anything"
    assert substance.trivial(row("def strip(text):\n    cleaned = text\n    return cleaned\n")).startswith("trivial body: strip ignores")
    assert substance.trivial(row("def strip(text):\n    cleaned = text.strip()\n    return cleaned\n")) is None


def test_sixth_round_placeholders_lost_results_and_code_reviews():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    placeholder = "def two_sum(nums, target):\n    for i in range(len(nums)):\n        for j in range(i + 1, len(nums)):\n            ...\n    return []\n"
    assert substance.trivial(row(placeholder)) == "trivial body: a loop or branch whose body is only ... (a placeholder), or a while loop of pass"
    assert substance.trivial(row("def average(a, b):\n    result = (a + b) / 2\n")) == "trivial body: average computes into locals and returns nothing"
    assert substance.trivial(row("def average(a, b):\n    result = (a + b) / 2\n    return result\n")) is None
    returns_none = "class R:\n    def __init__(self, w):\n        self.w = w\n\n    def area(self):\n        return None\n"
    assert substance.trivial(row(returns_none)).startswith("trivial body: area left as stub")
    review = "Review this code and suggest improvements:\n\n```python\ndef get_evens(l):\n    evens = []\n    for i in range(len(l)):\n        if l[i] % 2 == 0:\n            evens.append(l[i])\n    return evens\n```"
    assert instruction.check({"instruction": review, "response": ""}, InstructionConfig()) is None
    assert instruction.check({"instruction": "Solution:\n```python\ndef f(x):\n    return x * 2\n```", "response": ""}, InstructionConfig()) is not None


def test_seventh_round_sessions_quoted_names_unchanged_answers_and_follow_ups():
    from hfsynth.curate.extract import extract_code

    session = "```python\n>>> names = ['a', 'b']\n>>> list(zip(names, [1, 2]))\n[('a', 1), ('b', 2)]\n```"
    assert extract_code(session, languages=["python"]) == ("names = ['a', 'b']\nlist(zip(names, [1, 2]))", "python")
    explain = {"language": "python", "instruction": "Explain this:\n```python\nresult = sorted(counts.items())\n```", "code": "pairs = sorted(counts.items())\n"}
    assert static_analysis.check(explain, StaticAnalysisConfig()) is None
    buggy = "def largest(xs):\n    best = xs[0]\n    for x in xs:\n        if x < best:\n            best = x\n    return best\n"
    fix = {"instruction": f"Fix the bug in this function:\n\n```python\n{buggy}```", "response": "", "code": buggy.replace("    ", "  ")}
    assert instruction.check(fix, InstructionConfig()) == "the answer's code is the instruction's quoted code, unchanged"
    assert instruction.check({**fix, "code": buggy.replace("x < best", "x > best")}, InstructionConfig()) is None
    assert instruction.check({"instruction": "Can you explain it again?", "response": ""}, InstructionConfig()).startswith("instruction refers to an earlier turn")
    assert instruction.check({"instruction": 'Write a program that prints "Hello, World!"', "response": ""}, InstructionConfig()) is None
    assert instruction.check({"instruction": "Write a function is_leap(year) and test it.", "response": ""}, InstructionConfig()) is None
    assert substance.trivial({"language": "python", "code": "import os\n\n\ndef wait(path):\n    while True:\n        pass\n    return os.path.getsize(path)\n"}) is not None


def test_what_the_quickstart_model_still_got_through():
    """Shapes of rows the builtin 135M model published (a quickstart run of 2026-12-01, re-curated)."""
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Add one new constraint or requirement to the task, about ten words more than the original.").startswith("instruction leaks")
    assert task("A high-quality programming problem that brings to mind is:\n```\ndef f(x):\n    return x\n```").startswith("instruction leaks")
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    assert substance.trivial(row('def solve(solution):\n    assert True, "solved"\n')).startswith("trivial body: solve ignores")
    dead = "dead code: line {} follows a return, raise, break, continue or a while True it never leaves"
    assert substance.trivial(row("def stats(xs):\n    n = len(xs)\n    return n\n    return n * 2\n")) == dead.format(4)
    counter = "def lineno():\n    n = 1\n    while True:\n        n += 1\n        if n > 50:\n            return n\n    if n == 1:\n        return 1\n"
    assert substance.trivial(row(counter)) == dead.format(7)  # after a loop it only leaves by return
    assert substance.trivial(row(counter.replace("return n\n", "break\n", 1))) is None  # a loop it breaks out of
    inner_break = "def f(xs):\n    while True:\n        for x in xs:\n            break\n    return 1\n"
    assert substance.trivial(row(inner_break)) == dead.format(5)  # that break leaves the for loop, not the while
    assert substance.trivial(row("def serve(q):\n    while True:\n        q.get()()\n")) is None  # a worker loop that ends the function
    assert substance.trivial(row("def first(xs):\n    for x in xs:\n        if x:\n            return x\n    return None\n")) is None
    nested = "def check(v, l, r):\n    def check(v, l, r):\n        return l == r\n    return check(v, l, r)\n"
    assert repetition.check({"code": nested, "instruction": "Check it.", "response": ""}, RepetitionConfig()) == "repeated definition: check defines check again inside itself"


def test_ninth_round_examples_name_a_task_and_thanks_open_a_next_turn():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Interleave two lists of possibly different lengths, e.g. [1, 2, 3] and ['a'] -> [1, 'a', 2, 3].") is None
    assert task("Thanks, this is great! Could you also add comments?").startswith("instruction reads as an answer")
    assert task("Great circle distance between two points on Earth: write it with the haversine formula.") is None
    assert task("Permute the letters of a word in every possible order.") is None  # an imperative the verb list does not know
    assert task("Decorators in Python.").startswith("instruction names no task")


def test_a_docstring_written_twice_and_an_instruction_leaning_on_an_unseen_snippet():
    """Two shapes of the fresh quickstart of 2026-12-01 late: a function that states its docstring
    twice, and an OSS-Instruct problem that refers to the snippet it was asked not to mention."""
    twice = 'def most_frequent(xs):\n    """Return the most frequent item."""\n    """\n    Return the most frequent item.\n    """\n    return max(xs, key=xs.count)\n'
    assert repetition.check({"code": twice, "instruction": "Find the most frequent item.", "response": ""}, RepetitionConfig()) == (
        "repeated docstring: most_frequent opens with two docstrings")
    once = 'def most_frequent(xs):\n    """Return the most frequent item."""\n    return max(xs, key=xs.count)\n'
    assert repetition.check({"code": once, "instruction": "Find the most frequent item.", "response": ""}, RepetitionConfig()) is None
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    leaning = "The original code snippet, for inspiration only, is written in Python, and it is designed to solve a problem using the XMLParser class."
    assert task(leaning).startswith("instruction refers to code it does not hold")
    assert task("Fix the bug in the snippet below:\n\n```python\ndef inc(x):\n    return x - 1\n```") is None  # it holds the snippet
    assert task("Write a function that extracts every code snippet from a Markdown document.") is None


def test_names_a_standard_module_lacks_are_invented_apis():
    row = lambda code: {"language": "python", "code": code, "instruction": "Flatten a list of lists."}  # noqa: E731
    check = lambda code, **kw: static_analysis.check(row(code), StaticAnalysisConfig(**kw))  # noqa: E731
    assert check("import itertools\n\n\ndef flat(lists):\n    return list(itertools.flatten(lists))\n") == "UnknownStdlibName: itertools has no flatten (line 5)"
    assert check("from collections import OrderedDict, SortedDict\n\nd = SortedDict()\n").startswith("UnknownStdlibName: collections has no SortedDict")
    assert check("import itertools\n\n\ndef flat(lists):\n    return list(itertools.flatten(lists))\n", stdlib_names=False) is None
    real = (
        "import concurrent.futures\nimport os.path\nimport xml.etree.ElementTree as ET\nimport numpy as np\nfrom os import path, sep\n"
        "from collections import abc\n\n\ndef f(text):\n    root = ET.fromstring(text)\n"
        "    with concurrent.futures.ThreadPoolExecutor() as pool:\n        pool.submit(np.anything)\n    return os.path.join(sep, root.tag), path, abc.Mapping\n"
    )
    assert check(real) is None  # submodules, aliases and third-party modules are not judged
    assert check("import os\n\n\ndef txt(d):\n    return [f for f in os.path.list(d) if f.endswith('.txt')]\n") == (
        "UnknownStdlibName: os.path has no list (line 5)")  # a submodule's attribute
    deep = "import os\nimport datetime\nimport xml.etree.ElementTree\n\nprint(os.environ.get('A'), datetime.datetime.now(), xml.etree.ElementTree.fromstring('<a/>'))\n"
    assert check(deep) is None  # os.environ and datetime.datetime are not modules: not looked into
    assert check("import string\n\n\ndef f(string):\n    return string.is_alpha()\n\n\nprint(string.digits)\n") is None  # a parameter shadows it


def test_tests_that_pass_whatever_the_code_does_check_nothing():
    code = "def average(nums):\n    return sum(nums) / (len(nums) + 1)\n"
    row = lambda tests: {"language": "python", "code": code, "tests": tests}  # noqa: E731
    vacuous = [
        "assert True\nassert average is not None\n",
        "assert average([1, 2]) == average([1, 2])\nassert 1 == 1\n",
        "result = average([3, 1])\nassert isinstance(result, float)\nassert result is not None\n",
        "p = average([2]) > 1\nassert p or not p\n",
        "assert 17 * 7 + 17.\nassert len([1, 2]) == 2\n",  # builtins and literals only: the code is never called
        "assert callable(average)\nassert average.__name__ == 'average'\nassert len(average([1])) >= 0\n",  # metadata, a length >= 0
        "r = average([1, 2])\nassert type(r) == float\nassert type(r) is float or r is None\nassert 0 <= len([r])\n",
        "import unittest\n\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertTrue(True)\n        self.assertIsInstance(average([1]), float)\n",
        "expected = average([1, 2])\nassert average([1, 2]) == expected\n",  # compared with itself, through a name
        "r = [average([1]), average([2])]\nassert all(isinstance(x, float) for x in r)\n",  # a type check per item
        "for xs in ([1], [2, 3]):\n    expected = average(xs)\n    assert average(xs) == expected\n",  # through a name bound in a loop
        "import pytest\n\n\ndef test_type():\n    assert isinstance(average([1]), float)\n\n\nif __name__ == '__main__':\n    raise SystemExit(pytest.main([__file__]))\n",
        "try:\n    assert average([1, 2]) == 1.5\nexcept AssertionError:\n    pass\n",  # the failure is swallowed
        "def test_average():\n    try:\n        assert average([2]) == 2\n    except Exception:\n        print('failed')\n",
    ]
    for tests in vacuous:
        assert substance.trivial(row(tests)).startswith("trivial tests: every assert passes"), tests
    real = [
        "assert average([1, 2]) == 1.5\n",
        "assert isinstance(average([1]), float)\nassert average([2, 2]) == 2\n",
        "try:\n    average([])\nexcept ZeroDivisionError:\n    pass\nelse:\n    raise AssertionError\n",
        "import unittest\n\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertTrue(True)\n        self.assertEqual(average([2]), 1.0)\n",
        "import unittest\n\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertAlmostEqual(average([1, 2]), 1.0)\n",  # not read here: real
        "import pytest\n\n\ndef test_empty():\n    with pytest.raises(ZeroDivisionError):\n        average([])\n    assert isinstance(average([1]), float)\n",
        "try:\n    average(None)\n    assert False, 'no error'\nexcept TypeError:\n    pass\n",  # expect-an-exception: assert False is real
        "try:\n    assert average([1, 2]) == 1.0\nexcept AssertionError:\n    raise\n",  # re-raised
        "expected = average([1, 2])\nfor expected in (1.5,):\n    assert average([1, 2]) == expected\n",  # bound twice: not an alias
        None,
    ]
    for tests in real:
        assert substance.trivial(row(tests)) is None, tests
    rebound = {"language": "python", "code": code, "tests": "max = average([4, 2])\nassert max == 2\n"}
    assert substance.trivial(rebound) is None  # `max` is the tests' own name here, bound to the code's result
    shadowing = {"language": "python", "code": "def sum(values):\n    total = 1\n    for v in values:\n        total *= v\n    return total\n", "tests": "assert sum([2, 3]) == 6\n"}
    assert substance.trivial(shadowing) is None  # a builtin's name the code redefines is the code under test
    assert substance.trivial(row(vacuous[0]), TrivialConfig(vacuous_tests=False)) is None
    bounds = "assert len([average([1])]) > 0\nassert len(str(average([2]))) >= 3\n"  # bounds that can fail, on lengths only
    assert substance.trivial(row(bounds)).startswith("trivial tests: the asserts check only shapes")
    assert substance.trivial(row(bounds + "assert average([2, 4]) == 3\n")) is None


def test_the_tests_under_the_codes_main_guard_are_judged_too():
    code = "def average(nums):\n    return sum(nums) / len(nums)\n\n\n"
    row = lambda main: {"language": "python", "code": code + main, "tests": None}  # noqa: E731
    vacuous = "def test_average():\n    r = average([1, 2])\n    assert r is not None or r is None\n\n\nif __name__ == '__main__':\n    test_average()\n"
    assert substance.trivial(row(vacuous)).startswith("trivial tests: every assert passes")
    assert substance.trivial(row("if __name__ == '__main__':\n    assert isinstance(average([1]), float)\n")).startswith("trivial tests")
    assert substance.trivial(row("if __name__ == '__main__':\n    assert average([1, 3]) == 2\n")) is None
    assert substance.trivial(row("if __name__ == '__main__':\n    print(average([1, 3]))\n")) is None  # a demo checks nothing, judges nothing
    top_level = {"language": "python", "code": code + "r = average([3])\nassert isinstance(r, float)\nassert r == r\n", "tests": None}
    assert substance.trivial(top_level).startswith("trivial tests")  # asserts at the code's top level are its tests
    unit = ("import unittest\n\n\nclass TestAverage(unittest.TestCase):\n    def test_type(self):\n        self.assertIsInstance(average([1]), float)\n\n\n"
            "if __name__ == '__main__':\n    unittest.main()\n")
    assert substance.trivial(row(unit)).startswith("trivial tests")


def test_a_comment_that_marks_the_work_undone_and_a_result_left_in_locals():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    todo = "import requests\n\n\ndef download(url, path):\n    response = requests.get(url, timeout=10)\n    # TODO: save response.content to path\n    return path\n"
    assert substance.trivial(row(todo)) == "trivial body: the code marks its work as not done ('# TODO: save response.content to path')"
    note = "def area(w, h):\n    # the todo list app calls this; your code here is fine\n    return w * h\n"
    assert substance.trivial(row(note)) is None  # only a comment that opens as a placeholder
    for comment in ("# Todo items are kept in a dict", "# fill in missing values with the mean", "# Implement this as a heap for speed", "# xxx-large sizes"):
        ordinary = f"def mean_fill(values):\n    {comment}\n    known = [v for v in values if v is not None]\n    return [sum(known) / len(known) if v is None else v for v in values]\n"
        assert substance.trivial(row(ordinary)) is None, comment
    for comment in ("# todo: handle empty input", "# FIXME", "# Your code here", "# fill in the blanks", "# implement this", "# XXX broken for negatives"):
        marked = f"def mean_fill(values):\n    {comment}\n    known = [v for v in values if v is not None]\n    return [sum(known) / len(known) if v is None else v for v in values]\n"
        assert substance.trivial(row(marked)) is not None, comment
    cut = "def prime_factors(n):\n    factors = []\n    d = 2\n    while d * d <= n:\n        while n % d == 0:\n            factors.append(d)\n            n //= d\n        d += 1\n"
    assert substance.trivial(row(cut)) == "trivial body: prime_factors computes into locals and returns nothing"
    in_place = "def bubble(items):\n    for i in range(len(items)):\n        for j in range(len(items) - 1 - i):\n            if items[j] > items[j + 1]:\n                items[j], items[j + 1] = items[j + 1], items[j]\n"
    assert substance.trivial(row(in_place)) is None  # sorts its argument in place
    for effect in ("        print(x)\n", "        seen.add(x)\n", "        log.append(x)\n"):
        code = "log = []\n\n\ndef walk(xs, seen):\n    for x in xs:\n" + effect
        assert substance.trivial(row(code)) is None, effect


def test_an_assistants_sign_off_and_the_evol_aim_as_advice_are_no_task():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Task 5: I hope these examples were helpful.").startswith("instruction is model chatter")
    assert task("Write a parser for dates. Feel free to ask if anything is unclear!").startswith("instruction is model chatter")
    assert task("To make the problem harder, you can add constraints such as a time limit.").startswith("instruction leaks the rewriting prompt")
    assert task("Write a function that returns the hardest word to type, the one with the most letters from the top row.") is None
    # the OSS-Instruct ask ("Invent a high-quality programming problem ... and do not solve it"), echoed
    assert task("Generate a new, self-contained programming problem inspired by the following code snippet.").startswith("instruction leaks")
    assert task("Create a programming task based on the CSV module: read a file and sum a column.").startswith("instruction leaks")
    assert task("Write a function inspired by the Unix `tail` command that returns the last n lines.") is None
    assert task("The problem is to solve a high-quality programming task, and not to solve it.").startswith("instruction leaks the rewriting prompt")
    assert task("Write a Sudoku solver that returns None when it can not solve it.") is None
    assert task("One new Python function, self-contained, solvable with a single Python function.").startswith("instruction leaks the rewriting prompt")
    assert task("I hope to learn recursion: write a function that sums a nested list.") is None


def test_the_quickstarts_leaked_prompts_are_no_task():
    """Rows the quickstart published on 2026-12-03: an evolution method with its "a few" dropped and
    the chat template's system turn after it; an OSS problem that tells its reader to use "the example above"."""
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("If the task can be solved in only logical steps, require more reasoning steps.\n\n"
                "You are a helper to a helpful AI assistant named SmolLM, trained by Hugging Face").startswith("instruction leaks")
    assert task("Write a function that sorts a list.\n\nYou are a helpful AI assistant.").startswith("instruction leaks")
    assert task("A Python function that implements a difference function to remove duplicates from a list.\n\n"
                "If you are asked to write a high-quality Python solution, you can use the example above.").startswith("instruction leaks")
    assert task("Write a function that removes duplicates from a list. You can use the example above.") == (
        "instruction refers to code it does not hold: 'the example above'")
    assert task("Write f(n) that doubles n, e.g. f(2) -> 4. Negative numbers work as in the example above.") is None
    assert task("Write a chatbot class whose greeting says it is a helpful assistant.") is None
    assert task("Write a function that returns the number of reasoning steps a proof takes.") is None
    # 2026-12-04: OSS-Instruct's "with no reference to the snippet", echoed
    assert task("Here is a Python function named `current_thread()`:\n```\ndef current_thread():\n    return 0\n```\n\nWrite a high-quality "
                "Python solution that raises an exception when called with no arguments, without any reference to the code.").startswith("instruction leaks")
    assert task("Write `country_code(name)` that returns the ISO code of a country; look the code up in a dict.") is None


def test_an_instruction_cut_off_mid_sentence_names_no_whole_task():
    task = lambda text: instruction.check({"instruction": text, "response": ""}, InstructionConfig())  # noqa: E731
    assert task("Write a function that") == "instruction is cut off: it ends on 'that'"
    assert task("Given a list of integers, write a function to find the") == "instruction is cut off: it ends on 'the'"
    for text in ["Print the value of the variable a", "Swap two variables a and b", "Write a function `log_in_to`",
                 "Write a function that returns what the list is made of.", "Escribe una funcion que calcule la suma de la"]:
        assert task(text) is None, text


def test_an_ask_for_a_function_or_class_needs_a_definition_in_the_code():
    check = lambda text, code: instruction.check({"instruction": text, "response": "", "code": code, "language": "python"},  # noqa: E731
                                                 InstructionConfig())
    assert check("Write a function to compress a string with run-length encoding.", 's = "aaabcc"\n') == (
        "instruction asks for a definition ('Write a function') but the code defines no function or class")
    assert check("Implement a Python class for a queue built on two stacks.", "import collections\n").startswith("instruction asks for")
    assert check("Write a lambda function that squares a number.", "square = lambda x: x * x\n") is None
    assert check("Write a code to print the first 10 Fibonacci numbers.", "a, b = 0, 1\nfor _ in range(10):\n    print(a)\n    a, b = b, a + b\n") is None
    assert instruction.check({"instruction": "Write a function that adds two numbers.", "response": "", "code": "const add = (a, b) => a + b;",
                              "language": "javascript"}, InstructionConfig()) is None


def test_a_function_that_stops_mid_way_is_unfinished():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    cut = "def merge_sort(arr):\n    if len(arr) <= 1:\n        return arr\n    mid = len(arr) // 2\n    left = merge_sort(arr[:mid])\n    right = merge_sort(arr[mid:])\n"
    assert substance.trivial(row(cut)) == "unfinished: merge_sort ends assigning right, which it never uses"
    bare = "import csv\n\n\ndef read_rows(path):\n    rows = []\n    with open(path) as f:\n        for row in csv.DictReader(f):\n            rows\n    return rows\n"
    assert substance.trivial(row(bare)) == "unfinished: read_rows: line 8 (rows) does nothing"
    kept = [
        "def set_name(self, name):\n    self.name = name\n",  # stored on an object
        "def bump():\n    global count\n    count = 1\n",  # a global
        "def first(xs):\n    head, *_rest = xs\n    return head\n",
        "def has(d, key):\n    try:\n        d[key]\n    except KeyError:\n        return False\n    return True\n",  # a lookup to see whether it raises
        "import pandas as pd\n\ndf = pd.DataFrame({'a': [1]})\ndf\n",  # a notebook shows a value so
        "def make_counter():\n    n = 0\n\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\n",
        # returns nothing anywhere: the last call may be what it is for
        "import requests\n\n\ndef notify(url, text):\n    print('sending', text)\n    response = requests.post(url, json={'text': text}, timeout=5)\n",
    ]
    for code in kept:
        assert substance.trivial(row(code)) is None, code


def test_placeholders_typed_in_answers_and_a_coroutine_never_awaited():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    config = "DB = {'user': 'your_username', 'password': 'your_password'}\n\n\ndef connect(db):\n    return db['user'] + db['password']\n"
    assert substance.trivial(row(config)) == "trivial body: the code leaves values to fill in ('your_username')"
    assert substance.trivial(row("import requests\n\n\ndef get(q):\n    return requests.get('https://x', params={'key': 'YOUR_API_KEY', 'q': q}).json()\n")).startswith(
        "trivial body: the code leaves values to fill in")
    typed = "def count_change(amount, coins):\n    ways = [0] * (amount + 1)\n    ways[0] = 1\n    return 292\n"
    assert substance.trivial(row(typed)) == "trivial body: count_change (292) returns the same constant whatever its input"
    looked_up = ("def top_k(nums, k):\n    if nums == [1, 1, 2] and k == 1:\n        return [1]\n    if nums == [3] and k == 1:\n        return [3]\n"
                 "    return sorted(set(nums))[:k]\n")
    assert substance.trivial(row(looked_up)) == "trivial body: top_k returns typed-in answers for its example inputs"
    square = "def hollow_square(n):\n    if n < 2:\n        raise ValueError('n >= 2')\n    print('###')\n    print('# #')\n    print('###')\n"
    assert substance.trivial(row(square)) == "trivial body: hollow_square prints the same text whatever its input"
    assert substance.trivial(row("def square(n):\n    print('#' * n)\n    for _ in range(n - 2):\n        print('#' + ' ' * (n - 2) + '#')\n    print('#' * n)\n")) is None
    assert substance.trivial(row("def total(nums):\n    if nums == []:\n        return 0\n    return nums[0] + total(nums[1:])\n")) is None  # an empty list is a base case
    kadane = "def best(nums):\n    if not nums:\n        raise ValueError('empty')\n    total, start, end = 6, 3, 6\n    return total, start, end\n"
    assert substance.trivial(row(kadane)) == "trivial body: best ((6, 3, 6)) returns the same constant whatever its input"
    never = "import asyncio\n\n\nasync def main(names):\n    results = asyncio.gather(*(asyncio.sleep(0.1, n) for n in names))\n    return sorted(results)\n"
    assert substance.trivial(row(never)) == "always an error: results = asyncio.gather(...) is a coroutine never awaited (line 5)"
    assert substance.trivial(row("import asyncio\n\n\nasync def tick(n):\n    asyncio.sleep(n)\n    return n\n")).startswith("always an error: asyncio.sleep() is never awaited")
    kept = [
        "def read(path='data/input.csv'):\n    with open(path) as f:\n        return f.read()\n",  # a real default path
        "def sign(x):\n    if x < 0:\n        return 'negative'\n    return 'negative' if x == 0 else 'positive'\n",
        "def is_valid(s):\n    if not s:\n        return False\n    return True\n",  # flags are ordinary constants
        "def parts(text):\n    out = [0, 0]\n    for i, p in enumerate(text.split(':')[:2]):\n        out[i] = int(p)\n    return out\n",  # filled in between
        "import asyncio\n\n\nasync def work(n):\n    await asyncio.sleep(0)\n    return n\n\n\nasync def main():\n    job = work(1)\n    return await job\n\n\nprint(asyncio.run(main()))\n",
        "import asyncio\n\n\nasync def ticks(n):\n    for i in range(n):\n        yield i\n\n\nasync def main():\n    g = ticks(3)\n    return [i async for i in g]\n",  # an async generator
    ]
    for code in kept:
        assert substance.trivial(row(code)) is None, code


def test_a_code_block_given_twice_is_repetition():
    block = "def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return seen[target - n], i\n        seen[n] = i\n"
    response = f"Simple:\n```python\n{block}```\nOptimized version:\n```python\n{block}```\n"
    row = {"code": block, "instruction": "Find two numbers that add up to a target.", "response": response}
    assert repetition.check(row, RepetitionConfig()) == "repeated block: the response gives the same 6-line code block twice"
    fixed = block.replace("seen[n] = i", "seen.setdefault(n, i)")
    prose = ("The first version overwrote the index of a value seen twice, so a later duplicate replaced the earlier position and the "
             "pair came back in the wrong order for inputs such as [3, 3]. Keeping the first index fixes it without another pass. ")
    assert repetition.check({**row, "response": f"Buggy:\n```python\n{block}```\n{prose}Fixed:\n```python\n{fixed}```\n"}, RepetitionConfig()) is None


def test_a_condition_no_number_meets_is_dead_code():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    never = "def classify(t):\n    if t > 25 and t < 10:\n        return 'cold'\n    if t > 25:\n        return 'hot'\n    return 'mild'\n"
    assert substance.trivial(row(never)) == "dead code: the condition at line 2 (t > 25 and t < 10) is never true"
    for test in ("0 < x < 0", "x == 1 and x == 2", "x > 5 and x <= 5", "-5 > x and x > -3", "x == 3 and x > 3"):
        assert substance.trivial(row(f"def f(x):\n    if {test}:\n        return 1\n    return 0\n")).startswith("dead code: the condition"), test
    for test in ("10 <= x <= 25", "x >= 5 and x <= 5", "x < 0 and x > -1", "a < 0 and x > 1", "x == 3 and x > 2", "g(x) > 1 and g(x) < 0"):
        assert substance.trivial(row(f"def f(x, a, g):\n    if {test}:\n        return 1\n    return 0\n")) is None, test


def test_a_statement_that_raises_whenever_it_runs():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    assert substance.trivial(row("def split(text):\n    parts = text.split()\n    return len(parts) + len(None)\n")) == (
        "always an error: len(None) raises TypeError (line 3)")
    number = "def grid(matrix):\n    cols = len(matrix[0])\n    return [[row[i] for i in cols] for row in matrix]\n"
    assert substance.trivial(row(number)) == "always an error: cols in grid() is always a number but is used as a container (line 3)"
    assert substance.trivial(row("def join(words):\n    out = ''\n    for w in words:\n        out.append(w)\n    return out\n")) == (
        "always an error: out in join() is always a str, which has no .append (line 4)")
    assert substance.trivial(row("def by_count(counts: dict) -> list:\n    return list(counts.sort_by_value().keys())\n")) == (
        "always an error: counts in by_count() is always a dict, which has no .sort_by_value (line 2)")
    assert substance.trivial(row("def top(scores):\n    return sorted(scores.items(), key=lambda kv: kv[1], reversed=True)\n")) == (
        "always an error: sorted() takes no keyword 'reversed' (line 2)")
    for fine in ("def top(s):\n    return sorted(s, key=len, reverse=True)\n", "from os import *\n\n\ndef f(p):\n    return open(p, flags=0)\n",
                 "def open(path, flags=0):\n    return path.upper() if flags else path.lower()\n\n\nprint(open('x', flags=1))\n"):
        assert substance.trivial(row(fine)) is None, fine
    assert substance.trivial(row("nums = [1, 2, 3]\nprint(nums.sum())\n")) == "always an error: nums in the code is always a list, which has no .sum (line 2)"
    for broken in ("def f(x):\n    seen = {}\n    seen.add(x)\n    return seen\n", "def rev(s: str):\n    return s.reverse()\n",
                   "def f(x):\n    return None + x + 1 if x else None[0]\n", "def f(x):\n    return x + 'abc'[5]\n",
                   "def f(xs):\n    n = len(xs)\n    n += 1\n    return xs[0] in n\n", "def f(xs):\n    return max([]) + len(xs)\n"):
        assert substance.trivial(row(broken)).startswith("always an error"), broken
    kept = [
        "def f():\n    try:\n        return int('abc')\n    except ValueError:\n        return 0\n",  # the error is the point
        "import pytest\n\n\ndef test_f():\n    with pytest.raises(TypeError):\n        len(None)\n",
        "def risky():\n    return 1 / 0\n",  # written on purpose, to show an error handled
        "def f(xs):\n    n = len(xs)\n    return [xs[i] for i in range(n)] + ['-' * 80, 'abc'[1:]]\n",
        "def f(rows):\n    cols = len(rows)\n    return [c for cols in rows for c in cols], cols\n",  # the comprehension's own cols
        "def f(rows):\n    cols = len(rows)\n\n    def g(cols):\n        return list(cols)\n    return g(rows), cols\n",  # another scope
        "def f(rows, k):\n    n = 0\n    n = rows if k else n\n    return n[0]\n",  # not always a number
        "def sum(a, b):\n    return a + b\n\n\ndef twice(x):\n    return sum(1, 2) * x\n",  # the code's own sum, not the builtin
        "def len(x):\n    return [x]\n\n\ndef f(x):\n    n = len(x)\n    return n[0]\n",
        "def f(xs):\n    out = []\n    out.extend(xs)\n    out = out + [2]\n    return out\n",  # a list throughout
        "def f(xs):\n    s = ''\n    s = s.join(xs)\n    return s.upper()\n",  # s.join(...) is not followed: not judged
        "def f(n: int, xs: list[int]):\n    return n.bit_length() + xs.count(1)\n",
        "def f(counts: dict, key=None):\n    if key is None:\n        key = counts.get\n    return sorted(counts, key=key)\n",
        "x = 0\n\n\ndef reset():\n    global x\n    x = []\n\n\nreset()\nx.append(1)\n",  # a function rebinds the global
    ]
    for code in kept:
        assert substance.trivial(row(code)) is None, code


def test_a_branch_that_repeats_its_chains_condition_and_a_parameter_overwritten_before_it_is_read():
    row = lambda code: {"language": "python", "code": code}  # noqa: E731
    repeated = (
        "def count(tree, predicate):\n    if isinstance(tree, tuple):\n        return 1\n"
        "    elif isinstance(tree, tuple):\n        return 2\n    return 0\n"
    )
    assert substance.trivial(row(repeated)) == "dead code: the branch at line 4 never runs: the condition of line 2 takes every case it has"
    as_else_if = "def sign(x):\n    if x > 0:\n        return 1\n    else:\n        if x > 0:\n            return 2\n    return 0\n"
    assert substance.trivial(row(as_else_if)).startswith("dead code: the branch at line 5")
    distinct = "def sign(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    return 0\n"
    calls = "def read(stream):\n    if stream.read(1) == 'a':\n        return 1\n    elif stream.read(1) == 'a':\n        return 2\n    return 0\n"
    for code in (distinct, calls):  # a call may differ the second time: not judged
        assert substance.trivial(row(code)) is None, code
    overwritten = "def unique(lst):\n    lst = [1] * 3\n    return [x for i, x in enumerate(lst) if x not in lst[:i]]\n"
    assert substance.trivial(row(overwritten)) == "ignored input: unique(lst) overwritten before it is read"
    loop = "def total(n, values):\n    s = 0\n    for n in values:\n        s += n\n    return s\n"
    assert substance.trivial(row(loop)) == "ignored input: total(n) overwritten before it is read"
    kept = [
        "def f(path):\n    path = str(path)\n    return path.upper()\n",  # read on the right-hand side
        "def f(items=None):\n    if items is None:\n        items = []\n    return len(items)\n",  # read first
        "def f(x, flag):\n    if flag:\n        x = 0\n    return x\n",  # bound in a branch: not judged
        "class Box:\n    def put(self, value):\n        self = value\n        return self.size\n",  # self and cls aside
        "def f(data):\n    '''Docstring.'''\n    data = data.strip()\n    return data\n",
    ]
    for code in kept:
        assert substance.trivial(row(code)) is None, code


def test_code_that_holds_none_of_its_instructions_words_answers_another_task():
    fibonacci = "def fibonacci(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n"
    assert check("Write a function that checks whether a given year is a leap year.", fibonacci) == (
        "the code answers another task: it holds none of the instruction's words (year, leap)"
    )
    on_topic = [
        ("Write a function that returns the n-th Fibonacci number.", fibonacci),  # the name
        ("Return the largest difference between two consecutive numbers.", "def f(v):\n    return max(b - a for a, b in zip(v, v[1:]))\n"),  # max
        ("Compute the greatest common divisor of two numbers.", "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n"),  # initials
        ("Write `f0` that scales the values above a bound.", "def f0(values):\n    return [v * 2 for v in values if v > 1]\n"),  # named as asked
        ("Escribe una funcion que calcule el factorial de un numero.", fibonacci),  # other languages are not judged
        ("Swap two variables without a temporary one.", "a, b = 1, 2\na, b = b, a\n"),  # no name chosen: not judged
    ]
    for instruction, code in on_topic:
        assert check(instruction, code) is None, instruction
    assert check("Write a function that checks whether a string is a palindrome.", fibonacci) == (
        "the code answers another task: it holds none of the instruction's words (palindrome)")  # one specific word is enough
    km = "def km_to_miles(km):\n    return km * 0.621371\n"
    assert check("Write a function to convert a Celsius temperature to Kelvin.", km, response=f"Here's a function that converts km:\n```python\n{km}```").startswith(
        "the code answers another task")  # "convert" is every conversion's word
    assert check("Write a function that doubles a number.", "def f(n):\n    return n + n\n") is None  # one short word: not judged
    emails = "import re\n\n\ndef extract_emails(text):\n    return re.findall(r'[\\w.]+@[\\w.]+', text)\n"
    assert check("Remove all HTML tags from a string using a regular expression.", emails).startswith("the code answers another task")  # `re` is a module here
    prose = "```python\ndef solve(y):\n    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)\n```\nA leap year is divisible by 4."
    assert check("Write a function that checks whether a given year is a leap year.", "def solve(y):\n    return y % 4 == 0\n", response=prose, require_named_operation=False) is None
    assert check("Write a function that checks whether a given year is a leap year.", fibonacci, reject_off_topic=False, require_named_operation=False) is None


def test_a_module_the_instruction_asks_for_is_used_by_the_code():
    length = 'def header_length(b):\n    """Return the length of a string using base64."""\n    return len(b)  # base64\n'
    assert check("Create a function `header_length(data)` that returns its length using base64.", length) == (
        "instruction asks to use base64 but the code never names it"
    )  # the quickstart's last published row of c8d3c4d
    merge = "def merge(lists):\n    return sorted(x for l in lists for x in l)\n"
    asked = [
        ("Merge k sorted lists with the heapq module.", "heapq"),
        ("Use Python's `itertools` to merge the sorted lists.", "itertools"),
        ("Merge the lists; call `heapq.merge` for it.", "heapq"),
        ("Merge the lists with the help of the random module.", "random"),  # a word-like name, said to be a module
        ("Using NumPy, merge the sorted arrays.", "numpy"),
    ]
    for text, module in asked:
        assert check(text, merge) == f"instruction asks to use {module} but the code never names it", text
    not_asked = [
        "Merge the sorted lists without using heapq.",
        "Merge the sorted lists (don't use itertools).",
        "Merge the lists using random pivots.",  # a word, not the module
        "Merge the sorted lists, e.g. with heapq or by hand.",
        "Merge the lists into one sorted list like heapq.merge does.",
        "Merge the lists.\n```python\nimport heapq\nheapq.merge([1], [2])\n```",  # quoted code asks for nothing
        "Write a small logging library that merges the lists of records.",  # to write one, not to use one
        "Merge the lists and save them to merge.py.",
    ]
    for text in not_asked:
        assert check(text, merge) is None, text
    uses = "import heapq\n\ndef merge(lists):\n    return list(heapq.merge(*lists))\n"
    assert check("Merge k sorted lists with the heapq module.", uses) is None
    numpy = "import numpy as np\n\ndef merge(arrays):\n    return np.sort(np.concatenate(arrays))\n"
    assert check("Using NumPy, merge the sorted arrays.", numpy) is None
    tests = "```python\nclass Merge:\n    pass\n```\n\n```python\nimport unittest\n```"  # any of the response's blocks
    assert check("Write a class `Merge` with unit tests using the `unittest` module.", "class Merge:\n    pass\n", response=tests) is None
    assert check("Merge k sorted lists with the heapq module.", merge, require_named_modules=False) is None


def check(text, code, response="", **config):
    """The instruction step's verdict on one Python row (its response: the code fenced, unless given)."""
    row = {"instruction": text, "code": code, "response": response or f"```python\n{code}```", "language": "python"}
    return instruction.check(row, InstructionConfig(**config))


def code_row(code):
    """One Python row of ``code`` alone, as the per-row checks read it."""
    return {"language": "python", "code": code}


def asked_row(instruction, code):
    """One Python row of ``code`` answering ``instruction``."""
    return {"language": "python", "instruction": instruction, "code": code}


def test_a_function_annotated_to_return_a_value_that_never_does_is_unfinished():
    cut = "def top(pairs: list) -> str:\n    for name, score in pairs:\n        if score < 0:\n            raise ValueError(name)\n    # find the best score next\n"
    assert substance.trivial(code_row(cut)) == "unfinished: top is annotated -> str but never returns a value"
    kept = [
        "def log(msg: str) -> None:\n    print(msg)\n",
        "def fail(msg) -> 'te.NoReturn':\n    raise SystemExit(msg)\n",
        "def pick(xs) -> Optional[int]:\n    for x in xs:\n        print(x)\n",
        "def gen(n) -> Iterator[int]:\n    for i in range(n):\n        yield i\n",
        "def wait(q) -> int:\n    while True:\n        if q:\n            return q.pop()\n",
        "def bad(x) -> int:\n    print(x)\n    raise ValueError(x)\n",
        "class A:\n    @abstractmethod\n    def area(self) -> float:\n        print('abstract')\n",
    ]
    for code in kept:
        assert substance.trivial(code_row(code)) is None, code


def test_identity_no_op_and_dispatch_fallbacks_are_answers_when_asked_for():
    assert substance.trivial(code_row("def identity(x):\n    return x\n")) is None
    assert substance.trivial(code_row("def noop(*args, **kwargs) -> None:\n    '''Does nothing.'''\n    return None\n")) is None
    dispatch = "from functools import singledispatch\n\n@singledispatch\ndef describe(value):\n    return 'object'\n\n@describe.register\ndef _(value: int):\n    return f'int: {value}'\n"
    assert substance.trivial(code_row(dispatch)) is None
    assert substance.trivial(code_row("def merge(a, b):\n    return a\n")) is not None  # the name asks for work
    assert substance.trivial(code_row("def allow(self, t):\n    # rest of the implementation here\n    return t > 0\n")) == (
        "trivial body: the code marks its work as not done ('# rest of the implementation here')")


def test_oss_instructs_header_and_attributes_set_on_a_wrapper_are_not_junk():
    problem = "[Problem Description]\nImplement `shortest(graph, source)` returning the distances from source."
    assert check(problem, "def shortest(graph, source):\n    return {source: 0} if source in graph else {}\n") is None
    assert check("Solve it. [Problem Description] Implement `f()`.", "def f():\n    return 1\n").startswith("instruction leaks")
    memo = "def memoize(func):\n    cache = {}\n    def wrapper(*a):\n        return cache.setdefault(a, func(*a))\n    wrapper.cache_clear = cache.clear\n    return wrapper\n"
    assert check("Write a `memoize` decorator that exposes a `cache_clear()` method.", memo) is None
    assert check("Fill in an email template with `$name` placeholders using string.Template.", "from string import Template\n\ndef render(t, **v):\n    return Template(t).safe_substitute(v)\n") is None


def test_requirements_stated_in_so_many_words_are_kept_by_the_code():
    sort = "def insertion_sort(items):\n    return sorted(items)\n"
    assert check("Implement insertion sort by hand; do not use sorted() or list.sort().", sort) == "the instruction forbids sort() and the code uses it"
    assert check("Sort it without using sorted().", "def s(xs):\n    xs.sort()\n    return xs\n") == "the instruction forbids sorted() and the code uses it"
    assert check("Convert to binary without using bin().", "def b(n):\n    return format(n, 'b')\n\nassert b(5) == bin(5)[2:]\n") is None  # in a check only
    loop = "def digit_sum(n):\n    total = 0\n    while n:\n        n, d = divmod(n, 10)\n        total += d\n    return total\n"
    assert check("Using recursion, compute the sum of the digits of n.", loop).startswith("the instruction asks for recursion")
    assert check("Using recursion (no loops), compute the sum of the digits of n.", loop) == "the instruction forbids loops and the code loops"
    assert check("Using recursion, compute the sum of the digits of n.", "def digit_sum(n):\n    return n if n < 10 else n % 10 + digit_sum(n // 10)\n") is None
    assert check("The following recursive function overflows; rewrite it to be iterative. Compute the digit sum.", loop) is None
    assert check("List the files of a folder recursively.", "import os\n\ndef files(root):\n    return [f for _, _, fs in os.walk(root) for f in fs]\n") is None
    primes = "def primes(limit=100):\n    found = []\n    for n in range(2, limit):\n        if all(n % p for p in found):\n            found.append(n)\n    return found\n"
    assert check("Write a generator function that yields prime numbers, indefinitely.", primes).startswith("the instruction asks for 'generator function'")
    assert check("Write a generator function that yields the primes.", "def primes():\n    n = 2\n    while True:\n        yield n\n        n += 1\n") is None
    count = "def count_word(text, word):\n    return text.split().count(word)\n"
    assert check("Count a word in a text; the match must be case-insensitive.", count).startswith("the instruction asks for 'case-insensitive'")
    assert check("Count the vowels of a text, ignoring case.", "def vowels(text):\n    return sum(c in 'aeiouAEIOU' for c in text)\n") is None
    mean = "def average(values):\n    if not values:\n        return 0.0\n    return sum(values) / len(values)\n"
    assert check("Write `average(values)`. It must raise ValueError if the list is empty.", mean) == "the instruction asks to raise ValueError and the code never does"
    assert check("Parse the number; raise ValueError on bad input.", "def parse(text):\n    return int(text)\n") is None  # int() raises it
    assert check("Write a stack whose pop raises IndexError when it is empty.", "class S:\n    def __init__(self):\n        self.items = []\n    def pop(self):\n        return self.items.pop()\n") is None
    assert check("Implement insertion sort; do not use sorted().", sort, require_stated_constraints=False) is None


def test_answers_typed_in_for_the_instructions_examples():
    primes = "def count_primes(n):\n    if n == 10:\n        return 4\n    elif n == 0:\n        return 0\n    elif n == 20:\n        return 8\n    return 0\n"
    assert substance.trivial(asked_row("Examples: count_primes(10) -> 4, count_primes(0) -> 0, count_primes(20) -> 8.", primes)) == (
        "trivial body: the code looks up the answer to the example count_primes(10) instead of computing it")
    table = "def distinct(s):\n    lookup = {'hello': 4, 'aaaa': 1}\n    return lookup.get(s, len(s))\n"
    assert substance.trivial(asked_row("Count distinct characters.\nInput: \"hello\" Output: 4\nInput: \"aaaa\" Output: 1", table)) is not None
    happy = "def is_happy(n):\n    return n in [1, 7, 10, 13, 19]\n"
    assert substance.trivial(asked_row("is_happy(19) is True, is_happy(2) is False.", happy)) is not None
    words = "NAMES = {1: 'one', 2: 'two', 3: 'three', 10: 'ten', 20: 'twenty', 30: 'thirty'}\n\ndef word(n):\n    return NAMES.get(n) or NAMES[n - n % 10] + '-' + NAMES[n % 10]\n"
    assert substance.trivial(asked_row("Spell a number, e.g. 10 -> 'ten', 23 -> 'twenty-three'.", words)) is None  # a table of other keys too
    fizz = "def fizzbuzz(n):\n    if n % 15 == 0:\n        return 'FizzBuzz'\n    return str(n)\n"
    assert substance.trivial(asked_row("fizzbuzz(15) -> 'FizzBuzz'", fizz)) is None  # 15 in arithmetic, not compared with n
    fib = "def fib(n):\n    if n == 1 or n == 2:\n        return 1\n    return fib(n - 1) + fib(n - 2)\n"
    assert substance.trivial(asked_row("e.g. fib(1) = 1, fib(2) -> 1, fib(10) -> 55", fib)) is None  # base cases any solution has


def test_methods_no_python_type_has_and_standard_calls_their_signature_refuses():
    broken = {
        "def grep(path):\n    for line in open(path):\n        if line.contains('ERROR'):\n            yield line\n": ".contains() is no method of any Python type (line 3)",
        "def get(config, key):\n    if config.has_key(key):\n        return config[key]\n    return 0\n": ".has_key() is no method of any Python type (line 2)",
        "import random\n\ndef roll():\n    return random.randint(6)\n": "random.randint() cannot be called so: missing a required argument: 'b' (line 4)",
        "def lower_words(sentence):\n    words = sentence.split()\n    return words.lower()\n": "words in lower_words() is always a list, which has no .lower (line 3)",
    }
    for code, reason in broken.items():
        assert substance.trivial(code_row(code)) == f"always an error: {reason}", code
    kept = [
        "import operator\n\ndef has(items, x):\n    return operator.contains(items, x)\n",  # a module's function
        "import pandas as pd\n\ndef errors(df):\n    return df[df['msg'].str.contains('ERROR')]\n",  # a library's method
        "class Text:\n    def __init__(self, s):\n        self.s = s\n    def contains(self, x):\n        return x in self.s\n\ndef f(t):\n    return t.contains('a')\n",
        "import random\n\ndef roll(sides=6):\n    return random.randint(1, sides)\n",
        "import os\n\ndef head(path):\n    base, name = os.path.split(path)\n    return name.lower()\n",  # os.path.split: a tuple
    ]
    for code in kept:
        assert substance.trivial(code_row(code)) is None, code


def test_attributes_of_one_kind_nested_stubs_and_a_coroutine_function_run():
    stack = "class Stack:\n    def __init__(self):\n        self.items = []\n\n    def push(self, item):\n        self.items.push(item)\n"
    assert substance.trivial(code_row(stack)) == "always an error: self.items of Stack is always a list, which has no .push (line 6)"
    for kept in (
        stack.replace("self.items.push", "self.items.append"),
        stack + "\n    def reset(self):\n        self.items = Items()\n",  # set to another kind too
        stack.replace("class Stack:", "class Stack(Base):"),  # a base may set it
    ):
        assert substance.trivial(code_row(kept)) is None, kept
    sudoku = "def solve(board):\n    def valid(r, c, v):\n        raise NotImplementedError\n\n    def backtrack():\n        ...\n\n    return backtrack() if board else None\n"
    assert substance.trivial(code_row(sudoku)) == "trivial body: valid, backtrack left as stubs (pass, ..., NotImplementedError or return None)"
    run = "import asyncio\n\nasync def main():\n    return 1\n\nif __name__ == '__main__':\n    print(asyncio.run(main))\n"
    assert substance.trivial(code_row(run)).startswith("always an error: asyncio.run(main) is handed the coroutine function")
    assert check("Write a problem description for the following solution. Respond in JSON with keys \"problem\" and \"tests\".",
                 "def chunk(xs, n):\n    return [xs[i:i + n] for i in range(0, len(xs), n)]\n").startswith("instruction leaks")


def test_a_lambda_is_no_iterable_and_a_function_restarted_under_its_docstring_is_repetition():
    paths = "def unique_paths(paths):\n    return list(map(list, sorted(paths), lambda p: p))\n"
    assert substance.trivial(code_row(paths)) == "always an error: map() is given a lambda where an iterable goes (line 2)"
    assert substance.trivial(code_row("def f(data):\n    return data.encode(b'ascii')\n")) == "always an error: .encode() is given bytes; it takes its encoding as a str (line 2)"
    assert substance.trivial(code_row("def f(items):\n    return sorted(items, key=lambda p: p)\n")) is None
    restarted = ('def apply(func, *args):\n    """Apply the given function to the arguments."""\n'
                 '    def inner(func):\n        """Apply the given function to the arguments."""\n        return func(*args)\n    return inner\n')
    assert repetition.check({"code": restarted, "response": restarted, "instruction": "Apply a function."}, RepetitionConfig()) == (
        "repeated definition: apply defines apply (as inner, with its docstring) again inside itself")


# The newest labelled sets (written blind, 2026-12-02 and 03): rows of 1B-7B models' pipelines, practical
# engineering tasks, a stress test of rows that look wrong and are right (and the reverse), realistic
# failure modes of small and large models (blind11), rows in the style of OSS-Instruct, Evol-Instruct and
# chat answers (blind12), everyday tasks as 1B-15B models answer them (blind13), and ten kinds of subtle
# junk beside good rows that look like junk (blind14, 2026-12-02 evening), and rows in the shape of Self-Instruct,
# Evol-Instruct, OSS-Instruct and Code-Alpaca output (blind15, the same evening), then blind16-18 (2026-12-03), up to
# blind52-57 (2026-12-04) and on to blind135-225 (2026-12-06 and 07). Their junk is mostly
# wrong logic that only a run can catch, so the bar here is the row checks' measured share without
# execution, a little under what they remove now (the closing note of issue 13 has the command's
# figures with execution). They are stored gzip-compressed: with the wheels the GPU machine lacks, the
# checkout must stay under its 64 MiB (tests/test_gpu_check.py).
NEWEST_SETS = {
    "labelled_blind8.jsonl.gz": 0.76, "labelled_blind9.jsonl.gz": 0.70, "labelled_blind10.jsonl.gz": 0.68, "labelled_blind11.jsonl.gz": 0.69,
    "labelled_blind12.jsonl.gz": 0.49, "labelled_blind13.jsonl.gz": 0.46, "labelled_blind14.jsonl.gz": 0.58, "labelled_blind15.jsonl.gz": 0.6,
    "labelled_blind16.jsonl.gz": 0.63, "labelled_blind17.jsonl.gz": 0.54, "labelled_blind18.jsonl.gz": 0.6,
    "labelled_blind19.jsonl.gz": 0.46, "labelled_blind20.jsonl.gz": 0.54, "labelled_blind21.jsonl.gz": 0.4,
    "labelled_blind22.jsonl.gz": 0.42, "labelled_blind23.jsonl.gz": 0.36, "labelled_blind24.jsonl.gz": 0.48,
    "labelled_blind25.jsonl.gz": 0.34, "labelled_blind26.jsonl.gz": 0.38, "labelled_blind27.jsonl.gz": 0.50,
    "labelled_blind28.jsonl.gz": 0.54, "labelled_blind29.jsonl.gz": 0.38, "labelled_blind30.jsonl.gz": 0.34, "labelled_blind31.jsonl.gz": 0.36,
    "labelled_blind32.jsonl.gz": 0.52, "labelled_blind33.jsonl.gz": 0.38, "labelled_blind34.jsonl.gz": 0.54,
    "labelled_blind35.jsonl.gz": 0.50, "labelled_blind36.jsonl.gz": 0.20, "labelled_blind37.jsonl.gz": 0.30,
    "labelled_blind38.jsonl.gz": 0.50, "labelled_blind39.jsonl.gz": 0.42,
    "labelled_blind40.jsonl.gz": 0.40, "labelled_blind41.jsonl.gz": 0.48,
    "labelled_blind42.jsonl.gz": 0.46, "labelled_blind43.jsonl.gz": 0.30,
    "labelled_blind44.jsonl.gz": 0.52, "labelled_blind45.jsonl.gz": 0.42,
    "labelled_blind46.jsonl.gz": 0.38, "labelled_blind47.jsonl.gz": 0.42, "labelled_blind48.jsonl.gz": 0.42,
    "labelled_blind49.jsonl.gz": 0.46, "labelled_blind50.jsonl.gz": 0.36, "labelled_blind51.jsonl.gz": 0.34,
    "labelled_blind52.jsonl.gz": 0.48, "labelled_blind53.jsonl.gz": 0.44, "labelled_blind54.jsonl.gz": 0.40, "labelled_blind55.jsonl.gz": 0.54,
    "labelled_blind56.jsonl.gz": 0.42, "labelled_blind57.jsonl.gz": 0.40,
    "labelled_blind58.jsonl.gz": 0.54, "labelled_blind59.jsonl.gz": 0.54, "labelled_blind60.jsonl.gz": 0.58,
    "labelled_blind61.jsonl.gz": 0.60, "labelled_blind62.jsonl.gz": 0.44, "labelled_blind63.jsonl.gz": 0.54,
    "labelled_blind64.jsonl.gz": 0.46, "labelled_blind65.jsonl.gz": 0.52, "labelled_blind66.jsonl.gz": 0.50,
    "labelled_blind67.jsonl.gz": 0.42, "labelled_blind68.jsonl.gz": 0.56, "labelled_blind69.jsonl.gz": 0.48,
    "labelled_blind70.jsonl.gz": 0.56, "labelled_blind71.jsonl.gz": 0.46, "labelled_blind72.jsonl.gz": 0.44, "labelled_blind73.jsonl.gz": 0.44,
    "labelled_blind74.jsonl.gz": 0.52, "labelled_blind75.jsonl.gz": 0.50,
    "labelled_blind76.jsonl.gz": 0.62, "labelled_blind77.jsonl.gz": 0.60, "labelled_blind78.jsonl.gz": 0.50,
    "labelled_blind79.jsonl.gz": 0.46, "labelled_blind80.jsonl.gz": 0.50, "labelled_blind81.jsonl.gz": 0.50,
    "labelled_blind83.jsonl.gz": 0.68, "labelled_blind84.jsonl.gz": 0.30,
    "labelled_blind85.jsonl.gz": 0.64, "labelled_blind86.jsonl.gz": 0.56, "labelled_blind87.jsonl.gz": 0.52,
    "labelled_blind88.jsonl.gz": 0.44, "labelled_blind89.jsonl.gz": 0.48, "labelled_blind90.jsonl.gz": 0.54,
    "labelled_blind91.jsonl.gz": 0.60, "labelled_blind92.jsonl.gz": 0.52, "labelled_blind93.jsonl.gz": 0.60,
    "labelled_blind94.jsonl.gz": 0.56, "labelled_blind95.jsonl.gz": 0.60, "labelled_blind96.jsonl.gz": 0.42,
    "labelled_blind97.jsonl.gz": 0.42, "labelled_blind98.jsonl.gz": 0.56, "labelled_blind99.jsonl.gz": 0.42,
    "labelled_blind100.jsonl.gz": 0.32, "labelled_blind101.jsonl.gz": 0.34, "labelled_blind102.jsonl.gz": 0.30,
    "labelled_blind103.jsonl.gz": 0.40, "labelled_blind104.jsonl.gz": 0.30, "labelled_blind105.jsonl.gz": 0.16,
    "labelled_blind106.jsonl.gz": 0.40, "labelled_blind107.jsonl.gz": 0.20, "labelled_blind108.jsonl.gz": 0.46,
    "labelled_blind109.jsonl.gz": 0.50, "labelled_blind110.jsonl.gz": 0.32, "labelled_blind111.jsonl.gz": 0.18,
    "labelled_blind112.jsonl.gz": 0.50, "labelled_blind113.jsonl.gz": 0.38, "labelled_blind114.jsonl.gz": 0.36,
    "labelled_blind115.jsonl.gz": 0.42, "labelled_blind116.jsonl.gz": 0.38, "labelled_blind117.jsonl.gz": 0.26,
    "labelled_blind118.jsonl.gz": 0.50, "labelled_blind119.jsonl.gz": 0.50, "labelled_blind120.jsonl.gz": 0.40,
    "labelled_blind121.jsonl.gz": 0.32, "labelled_blind122.jsonl.gz": 0.36, "labelled_blind123.jsonl.gz": 0.32,
    "labelled_blind124.jsonl.gz": 0.34, "labelled_blind125.jsonl.gz": 0.38, "labelled_blind126.jsonl.gz": 0.42, "labelled_blind127.jsonl.gz": 0.34,
    "labelled_blind128.jsonl.gz": 0.52, "labelled_blind129.jsonl.gz": 0.42, "labelled_blind130.jsonl.gz": 0.20,
    "labelled_blind131.jsonl.gz": 0.38, "labelled_blind132.jsonl.gz": 0.40, "labelled_blind133.jsonl.gz": 0.44, "labelled_blind134.jsonl.gz": 0.40,
    "labelled_blind135.jsonl.gz": 0.44, "labelled_blind136.jsonl.gz": 0.52, "labelled_blind137.jsonl.gz": 0.44, "labelled_blind138.jsonl.gz": 0.44,
    "labelled_blind139.jsonl.gz": 0.40, "labelled_blind140.jsonl.gz": 0.40, "labelled_blind141.jsonl.gz": 0.48,
    "labelled_blind143.jsonl.gz": 0.40, "labelled_blind144.jsonl.gz": 0.48, "labelled_blind145.jsonl.gz": 0.42, "labelled_blind146.jsonl.gz": 0.48,
    "labelled_blind148.jsonl.gz": 0.34, "labelled_blind142.jsonl.gz": 0.48, "labelled_blind147.jsonl.gz": 0.38,
    "labelled_blind149.jsonl.gz": 0.46, "labelled_blind150.jsonl.gz": 0.44, "labelled_blind151.jsonl.gz": 0.38, "labelled_blind152.jsonl.gz": 0.42,
    "labelled_blind153.jsonl.gz": 0.46, "labelled_blind154.jsonl.gz": 0.46, "labelled_blind155.jsonl.gz": 0.38,
    "labelled_blind156.jsonl.gz": 0.58, "labelled_blind157.jsonl.gz": 0.34, "labelled_blind158.jsonl.gz": 0.40, "labelled_blind159.jsonl.gz": 0.38,
    "labelled_blind160.jsonl.gz": 0.44, "labelled_blind161.jsonl.gz": 0.42, "labelled_blind162.jsonl.gz": 0.48,
    "labelled_blind163.jsonl.gz": 0.44, "labelled_blind164.jsonl.gz": 0.56, "labelled_blind165.jsonl.gz": 0.54, "labelled_blind166.jsonl.gz": 0.46,
    "labelled_blind167.jsonl.gz": 0.40, "labelled_blind168.jsonl.gz": 0.52, "labelled_blind169.jsonl.gz": 0.40,
    "labelled_blind170.jsonl.gz": 0.38, "labelled_blind171.jsonl.gz": 0.38, "labelled_blind172.jsonl.gz": 0.42, "labelled_blind173.jsonl.gz": 0.34,
    "labelled_blind174.jsonl.gz": 0.34, "labelled_blind175.jsonl.gz": 0.30, "labelled_blind176.jsonl.gz": 0.38,
    "labelled_blind177.jsonl.gz": 0.30, "labelled_blind178.jsonl.gz": 0.36, "labelled_blind179.jsonl.gz": 0.32, "labelled_blind180.jsonl.gz": 0.34,
    "labelled_blind181.jsonl.gz": 0.36, "labelled_blind182.jsonl.gz": 0.40, "labelled_blind183.jsonl.gz": 0.26,
    "labelled_blind184.jsonl.gz": 0.24, "labelled_blind185.jsonl.gz": 0.24, "labelled_blind186.jsonl.gz": 0.28, "labelled_blind187.jsonl.gz": 0.34,
    "labelled_blind188.jsonl.gz": 0.30, "labelled_blind189.jsonl.gz": 0.30, "labelled_blind190.jsonl.gz": 0.36,
    "labelled_blind191.jsonl.gz": 0.24, "labelled_blind192.jsonl.gz": 0.40, "labelled_blind193.jsonl.gz": 0.24, "labelled_blind194.jsonl.gz": 0.34,
    "labelled_blind195.jsonl.gz": 0.42, "labelled_blind196.jsonl.gz": 0.36, "labelled_blind197.jsonl.gz": 0.34,
    "labelled_blind198.jsonl.gz": 0.30, "labelled_blind199.jsonl.gz": 0.32, "labelled_blind200.jsonl.gz": 0.20, "labelled_blind201.jsonl.gz": 0.36,
    "labelled_blind202.jsonl.gz": 0.26, "labelled_blind203.jsonl.gz": 0.30, "labelled_blind204.jsonl.gz": 0.26,
    "labelled_blind205.jsonl.gz": 0.28, "labelled_blind206.jsonl.gz": 0.24, "labelled_blind207.jsonl.gz": 0.38, "labelled_blind208.jsonl.gz": 0.38,
    "labelled_blind209.jsonl.gz": 0.28, "labelled_blind210.jsonl.gz": 0.28, "labelled_blind211.jsonl.gz": 0.36,
    "labelled_blind212.jsonl.gz": 0.30, "labelled_blind213.jsonl.gz": 0.36, "labelled_blind214.jsonl.gz": 0.34, "labelled_blind215.jsonl.gz": 0.26,
    "labelled_blind216.jsonl.gz": 0.24, "labelled_blind217.jsonl.gz": 0.22, "labelled_blind218.jsonl.gz": 0.28,
    "labelled_blind219.jsonl.gz": 0.34, "labelled_blind220.jsonl.gz": 0.28, "labelled_blind221.jsonl.gz": 0.36, "labelled_blind222.jsonl.gz": 0.36,
    "labelled_blind223.jsonl.gz": 0.30, "labelled_blind224.jsonl.gz": 0.30, "labelled_blind225.jsonl.gz": 0.30,
    "labelled_blind226.jsonl.gz": 0.28, "labelled_blind227.jsonl.gz": 0.34, "labelled_blind228.jsonl.gz": 0.30, "labelled_blind229.jsonl.gz": 0.18,
    "labelled_blind230.jsonl.gz": 0.20, "labelled_blind231.jsonl.gz": 0.30, "labelled_blind232.jsonl.gz": 0.30,
    "labelled_blind233.jsonl.gz": 0.36, "labelled_blind234.jsonl.gz": 0.44, "labelled_blind235.jsonl.gz": 0.44, "labelled_blind236.jsonl.gz": 0.44,
    "labelled_blind237.jsonl.gz": 0.52, "labelled_blind238.jsonl.gz": 0.30, "labelled_blind239.jsonl.gz": 0.34,
}


@functools.lru_cache(maxsize=1)
def _quickstart_checks():
    """The quickstart's row checks, built once per worker (the recipe read and validated: 0.06 s, 210 times over)."""
    from pathlib import Path

    quickstart = yaml.safe_load((Path(__file__).resolve().parent.parent / "recipes" / "quickstart.yaml").read_text())
    return quality_checks(CurateConfig(**quickstart["curate"]))


def _set_number(name: str) -> int:
    return int(re.search(r"\d+", name).group(0))


# Ten sets a test: the row checks run under the curate stage's collector setting (fewer_collections), which ends by
# collecting what its block left; ten sets a block pay that once per 1,000 rows, as the stage pays it once a batch.
_BY_NUMBER = sorted(NEWEST_SETS, key=_set_number)
SET_GROUPS = [tuple(_BY_NUMBER[i:i + 10]) for i in range(0, len(_BY_NUMBER), 10)]


def _removed_by_the_row_checks(rows, checks):
    """{id: a true value (the reason, or True for no code) when the quickstart's extract, validity and quality checks
    remove the row, else a false one}."""
    from hfsynth.curate.extract import extract_code
    from hfsynth.curate.inputs import code_and_tests
    from hfsynth.curate.validity import syntax_error

    removed = {}
    for r in rows:
        code, tests = code_and_tests(r["response"], ["python"])
        if code is None:
            found = extract_code(r["response"], languages=["python"])
            code = found[0] if found else None
        row = {"id": r["id"], "instruction": r["instruction"], "response": r["response"], "code": code, "tests": tests, "language": "python"}
        removed[r["id"]] = code is None or syntax_error(code, "python", True) or first_rejection(row, checks)
    return removed


@pytest.mark.slow  # 1-2 s a set, ten a test: the quick subset keeps its 3-minute budget
@pytest.mark.parametrize("names", SET_GROUPS, ids=lambda names: f"blind{_set_number(names[0])}-{_set_number(names[-1])}")
def test_the_newest_blind_sets_through_the_row_checks(names):
    """Each set keeps 95% of its good rows and removes at least its floor of its junk."""
    from pathlib import Path

    checks = _quickstart_checks()
    below = []
    with fewer_collections():  # as the curate stage runs them
        for name in names:
            rows = [json.loads(line) for line in gzip.decompress((Path(__file__).resolve().parent / name).read_bytes()).decode("utf-8").splitlines()]
            removed = _removed_by_the_row_checks(rows, checks)
            good = [r["id"] for r in rows if r["label"] == "good"]
            junk = [r["id"] for r in rows if r["label"] == "junk"]
            wrongly_removed = {i: removed[i] for i in good if removed[i]}
            junk_removed = sum(bool(removed[i]) for i in junk) / len(junk)
            if 1 - len(wrongly_removed) / len(good) < 0.95 or junk_removed < NEWEST_SETS[name]:
                below.append((name, f"junk removed {junk_removed:.2f} (floor {NEWEST_SETS[name]})", wrongly_removed))
    assert below == []


def test_reading_past_the_end_and_duplicates_left_in():
    url = "def urlunsplit(parts):\n    return parts[:-1] + parts[len(parts) + 1]\n"  # the quickstart's row of e114043
    assert substance.trivial(code_row(url)) == "always an error: parts[len(parts) + 1] reads past the end (line 2)"
    assert substance.trivial(code_row("def last(items):\n    return items[len(items) - 1]\n")) is None
    assert substance.trivial(code_row("def add(d, v):\n    d[len(d)] = v\n    return d\n")) is None  # stored, not read
    paths = "def normalize_paths(paths):\n    return sorted(paths)\n"  # the quickstart's other row of e114043
    assert check("Write `normalize_paths(paths)` that returns the paths sorted with duplicates removed.", paths) == (
        "the instruction asks for 'duplicates removed' and nothing in the code removes a duplicate")
    assert check("Write `normalize_paths(paths)` that returns the paths sorted with duplicates removed.", "def normalize_paths(paths):\n    return sorted(set(paths))\n") is None
    assert check("Sort the paths; keep duplicates, do not remove duplicates.", paths) is None


def test_a_bound_before_than_a_bound_taken_itself_and_a_module_named_as_a_values_kind():
    """blind179: "at least 0.990 and lower than `og`" is two rules, not "0.990 and lower"; "starting on or after
    `earliest`" is kept by code that puts ``earliest`` itself among the candidates beside the later ends it takes with
    ``>``; and "a list of (flight, on_block, claimed_at) with `datetime` values" says what the inputs are, not to use
    the module."""
    fg = "def fg_ok(fg, og):\n    return not (fg < 0.990 or fg >= og)\n"
    assert check("Write `fg_ok(fg, og)`: `fg` must be at least 0.990 and lower than `og`.", fg) is None
    assert check("Write `flagged(readings)`: readings of 0.990 and lower are flagged.", "def flagged(readings):\n    return [r for r in readings if r < 0.990]\n") == (
        "the instruction includes '0.990 and lower' and r < 0.99 (line 2) leaves 0.990 out")
    ask = "Return the first start day for a batch: it must start on or after `earliest`, on `earliest` itself or the end of a booking."
    starts = "def first_start(ends, earliest):\n    return min(CANDIDATES)\n"
    assert check(ask, starts.replace("CANDIDATES", "{earliest} | {end for end in ends if end > earliest}")) is None
    assert check(ask, starts.replace("CANDIDATES", "end for end in ends if end > earliest")) == (
        "the instruction includes 'on or after `earliest`' and end > earliest (line 2) leaves earliest out")
    waits = "def waits(claims):\n    return {flight: (end - start).total_seconds() / 60 for flight, start, end in claims}\n"
    assert check("`claims` is a list of `(flight, on_block, claimed_at)` with `datetime` values. Return each wait in minutes.", waits) is None
    assert check("Each claim is `(flight, on_block, claimed_at)` with `datetime`s. Return each wait in minutes.", waits) is None  # b205-044
    assert check("Return each wait in minutes, with `datetime`.", waits) == "instruction asks to use datetime but the code never names it"
    assert check("`claims` is a list of `(flight, on_block, claimed_at)`. Return each wait in minutes, computed with `datetime`.", waits) == (
        "instruction asks to use datetime but the code never names it")


def test_a_standard_function_in_a_formula_a_total_written_out_and_a_weekday_by_its_day():
    """blind178 and blind180: `sha256(salt + rider_id)`, called as ``hashlib.sha256``, is the standard function and
    no function to write; "a dict that maps each teacher to their total ... formatted as "3h 05m"" is answered by
    ``-> dict[str, str]``; and "order by room, then by weekday" is kept by a key that reads ``DAY_ORDER[c["day"]]``."""
    digest = "import hashlib\n\n\ndef pseudonymise(rows, salt):\n    return [{**r, 'id': hashlib.sha256((salt + r['id']).encode()).hexdigest()[:12]} for r in rows]\n"
    ask = "Write `pseudonymise(rows, salt)` that replaces each `id` by the first 12 hex characters of `sha256(salt + id)`."
    assert check(ask, digest) is None
    assert check(ask, digest.replace("hashlib.sha256", "hashlib.md5")) == "instruction asks for `sha256` but the code defines no sha256"
    totals = "def teaching_time(lessons) -> dict[str, str]:\n    return {t: f'{m // 60}h {m % 60:02d}m' for t, m in lessons}\n"
    assert check("Write `teaching_time(lessons)` returning a dict that maps each teacher to their total weekly time formatted as "
                 "`\"<hours>h <minutes>m\"`.", totals) is None
    assert check("Write `teaching_time(lessons)` returning a dict that maps each teacher to their total weekly minutes.", totals) == (
        "the instruction asks for 'dict that maps each teacher to their total' and the code's teaching_time() is annotated -> dict[str, str]: a string for each key")
    clashes = "ORDER = {'Mon': 0, 'Tue': 1, 'Wed': 2, 'Thu': 3, 'Fri': 4}\n\n\ndef clashes(rows):\n    return sorted(rows, key=lambda c: (c['room'], ORDER[c['KEY']]))\n"
    ask = "Write `clashes(rows)` that returns the rows ordered by room, then by weekday (Mon..Fri, not alphabetically)."
    assert check(ask, clashes.replace("KEY", "day")) is None
    assert check(ask, clashes.replace("KEY", "slot")) == "the instruction sorts by room and by weekday, and the code never names weekday"


def test_a_loop_that_jumps_a_cursor_past_the_test_that_sent_it_there_ends():
    """blind183: ``if t < lunch_end and t + length > lunch_start: t = lunch_end; continue`` sets ``t`` to the same value
    each time, but the test that led there is false once it has: the loop goes on to its step. Setting it where the
    test was false (the else branch) is still a loop that never ends."""
    slots = ("def slots(t, stop, length, lunch_start, lunch_end):\n    out = []\n    while t + length <= stop:\n"
             "        if TEST:\n            t = lunch_end\n            continue\n        out.append(t)\n        t += length\n    return out\n")
    assert substance.trivial(code_row(slots.replace("TEST", "t < lunch_end and t + length > lunch_start"))) is None
    assert substance.trivial(code_row(slots.replace("TEST", "not (t < lunch_end and t + length > lunch_start)"))) == (
        "never ends: the while loop at line 3 (t + length <= stop) can reach a continue without changing length, stop, t: it never ends")


def test_monthrange_first_field_and_weekday_read_as_iso_numbers():
    """blind177-183: ``calendar.monthrange(y, m)[0]`` is the weekday the month starts on, not its length (bound to
    ``days_in_month``, or counted up to by ``range``); ``weekday()`` gives 0-6 from Monday, so ``in (6, 7)`` misses
    Saturday and a table keyed 1-5 or 1-7 is read one day off."""
    month = "import calendar\n\n\ndef month_days(y, m):\n    days_in_month = calendar.monthrange(y, m)[FIELD]\n    return list(range(1, days_in_month + 1))\n"
    assert substance.trivial(code_row(month.replace("FIELD", "1"))) is None
    assert substance.trivial(code_row(month.replace("FIELD", "0"))) == (
        "misused call: days_in_month = calendar.monthrange(y, m)[0] (line 5) is the weekday of the month's first day (0-6), not its length ([1])")
    assert substance.trivial(code_row("import calendar\n\n\ndef first(y, m):\n    start = calendar.monthrange(y, m)[0]\n    return start\n")) is None
    weekend = "WEEKEND = DAYS\n\n\ndef weekend_shifts(shifts):\n    return sum(1 for start in shifts if start.weekday() in WEEKEND)\n"
    assert substance.trivial(code_row(weekend.replace("DAYS", "{5, 6}"))) is None
    assert substance.trivial(code_row(weekend.replace("DAYS", "{6, 7}"))) == (
        "misused call: start.weekday() in WEEKEND (line 5) reads weekday() as 1-7: it gives 0 (Monday) to 6 (Sunday), never 7")
    codes = "DAY_CODES = {KEYS}\n\n\ndef code(d):\n    return DAY_CODES.get(d.weekday())\n"
    assert substance.trivial(code_row(codes.replace("KEYS", "0: 'Mon', 1: 'Tue', 2: 'Wed', 3: 'Thu', 4: 'Fri'"))) is None
    assert substance.trivial(code_row(codes.replace("KEYS", "1: 'Mon', 2: 'Tue', 3: 'Wed', 4: 'Thu', 5: 'Fri'"))) == (
        "misused call: DAY_CODES.get(d.weekday()) (line 5) looks weekday() up in a table keyed from 1: weekday() gives 0 (Monday) to 6 (Sunday)")


def test_a_tally_ranked_by_its_names_and_a_counter_fed_one_text():
    """blind177 and blind178: ``heapq.nlargest(k, counts.items())`` and ``heapq.nlargest(k, rentals)`` (a
    ``dict[str, int]``) rank by name, not by count; ``counts.update(trip["end_station"])`` counts the letters of one
    station's name (``counts[trip["end_station"]] += 1`` is meant), where ``counts.update(trip["stops"])`` counts stops."""
    top = "import heapq\nfrom collections import Counter\n\n\ndef busiest(requests, k=3):\n    counts = Counter(requests)\n    return heapq.nlargest(k, RANKED)\n"
    assert substance.trivial(code_row(top.replace("RANKED", "counts.items(), key=lambda pair: pair[1]"))) is None
    assert substance.trivial(code_row(top.replace("RANKED", "counts.items()"))) == (
        "misused call: heapq.nlargest(k, counts.items()) (line 7) ranks a tally by its names, not by its numbers (key= is meant)")
    assert substance.trivial(code_row("import heapq\n\n\ndef top(rentals: dict[str, int], k=3):\n    return heapq.nlargest(k, rentals, key=rentals.get)\n")) is None
    assert substance.trivial(code_row("import heapq\n\n\ndef top(rentals: dict[str, int], k=3):\n    return heapq.nlargest(k, rentals)\n")) == (
        "misused call: heapq.nlargest(k, rentals) (line 5) ranks a tally by its names, not by its numbers (key= is meant)")
    fed = "from collections import Counter\n\n\ndef arrivals(trips):\n    counts = Counter()\n    for trip in trips:\n        FEED\n    return counts\n"
    assert substance.trivial(code_row(fed.replace("FEED", "counts[trip['end_station']] += 1"))) is None
    assert substance.trivial(code_row(fed.replace("FEED", "counts.update(trip['stops'])"))) is None
    assert substance.trivial(code_row(fed.replace("FEED", "counts.update(trip['end_station'])"))) == (
        "misused call: counts.update(trip['end_station']) (line 7) counts the letters of one text: Counter.update() counts the items it is given")


def test_a_time_of_day_plus_a_timedelta_and_arithmetic_on_csv_text():
    """blind177 and blind181: ``opening + timedelta(minutes=30)`` with ``opening = time(9, 0)`` raises TypeError (a
    time of day takes no arithmetic); ``row["flow_m3s"] * 3600`` over a ``csv.DictReader`` repeats the text the reader
    always gives."""
    slots = "from datetime import datetime, time, timedelta\n\n\ndef slots(n):\n    opening = OPENING\n    return [opening + timedelta(minutes=30 * i) for i in range(n)]\n"
    assert substance.trivial(code_row(slots.replace("OPENING", "datetime(2024, 1, 1, 9, 0)"))) is None
    assert substance.trivial(code_row(slots.replace("OPENING", "time(9, 0)"))) == (
        "always an error: opening + timedelta(minutes=30 * i) (line 6) adds a timedelta to a datetime.time, which takes no arithmetic "
        "(TypeError; a datetime or minutes of the day are meant)")
    volume = ("import csv\nimport io\nfrom collections import defaultdict\n\n\ndef volumes(text):\n    totals = defaultdict(float)\n"
              "    for row in csv.DictReader(io.StringIO(text)):\n        totals[row['unit']] += FLOW\n    return dict(totals)\n")
    assert substance.trivial(code_row(volume.replace("FLOW", "float(row['flow']) * 3600"))) is None
    assert substance.trivial(code_row(volume.replace("FLOW", "row['flow'] * 3600"))) == (
        "misused call: row['flow'] * 3600 (line 9) repeats a csv.DictReader field, which is always text, 3600 times")


def test_a_decimal_made_from_each_float_of_a_list_or_a_product_of_floats():
    """blind178, blind179, blind181, blind182: ``[Decimal(p).quantize(...) for p in prices]`` with ``prices: list[float]``
    and ``Decimal(weight_kg * rate_per_kg)`` of two float parameters keep the float's binary error, as ``Decimal(price)``
    of one float parameter does: 2.675 rounds half up to 2.67."""
    cents = "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef to_cents(prices: list[float]) -> list[Decimal]:\n    return [Decimal(P).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP) for p in prices]\n"
    assert substance.trivial(code_row(cents.replace("P", "str(p)"))) is None
    assert substance.trivial(code_row(cents.replace("P", "p"))) == (
        "misused call: Decimal(p) (line 5) keeps the float's binary error (2.675 is 2.67499...); Decimal(str(...)) is meant")
    fee = "from decimal import Decimal, ROUND_HALF_UP\n\n\ndef parcel_fee(weight_kg: float, rate_per_kg: float) -> Decimal:\n    return Decimal(FEE).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)\n"
    assert substance.trivial(code_row(fee.replace("FEE", "str(weight_kg)) * Decimal(str(rate_per_kg)"))) is None
    assert substance.trivial(code_row(fee.replace("FEE", "weight_kg * rate_per_kg"))) == (
        "misused call: Decimal(weight_kg * rate_per_kg) (line 5) keeps the float's binary error (2.675 is 2.67499...); Decimal(str(...)) is meant")


def test_a_loop_that_steps_towards_an_end_it_tests_for_equality():
    """blind177-183 (and forty earlier junk rows): ``while t != close: ...; t += step`` with a step of more than one
    passes ``close`` when the span is no multiple of it, and never ends; ``while t < close`` ends, and so does a day
    at a time towards a date, or a loop with its own way out."""
    slots = ("from datetime import datetime, timedelta\n\n\ndef slots(open_at, close_at, minutes):\n    t = datetime.strptime(open_at, '%H:%M')\n"
             "    close = datetime.strptime(close_at, '%H:%M')\n    step = STEP\n    out = []\n    while t TEST close:\n        out.append(t.strftime('%H:%M'))\n        t += step\n    return out\n")
    assert substance.trivial(code_row(slots.replace("STEP", "timedelta(minutes=minutes)").replace("TEST", "<"))) is None
    assert substance.trivial(code_row(slots.replace("STEP", "timedelta(days=1)").replace("TEST", "!="))) is None
    assert substance.trivial(code_row(slots.replace("STEP", "timedelta(minutes=minutes)").replace("TEST", "!="))) == (
        "never ends: the while loop at line 9 (t != close) steps t by step: unless the distance is a multiple of the step, t passes close and it never ends")
    guarded = slots.replace("STEP", "timedelta(minutes=minutes)").replace("TEST", "!=").replace("        t += step\n", "        t += step\n        if t > close:\n            break\n")
    assert substance.trivial(code_row(guarded)) is None


def test_a_loop_that_adds_the_divisor_it_tests_the_remainder_of():
    """blind177: ``while short % pack: short += pack`` leaves ``short % pack`` as it was, so it never ends once entered;
    ``short += 1`` walks onto the multiple."""
    totes = "def totes(short, pack=10):\n    while short % pack:\n        short += STEP\n    return short\n"
    assert substance.trivial(code_row(totes.replace("STEP", "1"))) is None
    assert substance.trivial(code_row(totes.replace("STEP", "pack"))) == (
        "never ends: the while loop at line 2 (short % pack) adds pack to short, which leaves the remainder as it was: entered once, it never ends")


def test_a_queue_turned_round_with_nothing_else_changed_never_empties():
    """blind180: ``group, size = queue.popleft()`` and, when no room fits, ``queue.append((group, size)); continue``: the
    queue keeps its length and nothing else changes, so a class that fits nowhere goes round for ever. A round-robin
    that works something off the item before it puts it back ends."""
    place = ("from collections import deque\n\n\ndef place(classes, rooms):\n    free = dict(rooms)\n    queue = deque(classes)\n    placement = {}\n"
             "    while queue:\n        group, size = queue.popleft()\n        fitting = [r for r, c in free.items() if c >= size]\n        if not fitting:\n"
             "            BACK\n            continue\n        room = min(fitting, key=lambda r: (free[r], r))\n        placement[group] = room\n        del free[room]\n    return placement\n")
    assert substance.trivial(code_row(place.replace("BACK", "placement[group] = None"))) is None
    assert substance.trivial(code_row(place.replace("BACK", "queue.append((group, size))"))) == (
        "never ends: the while loop at line 8 (queue) can reach a continue without changing queue: it never ends")
    robin = ("from collections import deque\n\n\ndef run(tasks, quantum):\n    queue = deque(tasks)\n    done = []\n    while queue:\n        name, left = queue.popleft()\n"
             "        if left > quantum:\n            queue.append((name, left - quantum))\n            continue\n        done.append(name)\n    return done\n")
    assert substance.trivial(code_row(robin)) is None


def test_a_last_run_kept_in_a_tuple_and_a_recursive_answer_thrown_away():
    """blind183 and blind182: ``runs.append((floor, current)); current = []`` only when a new floor starts, and nothing
    after the loop: the last run is lost; ``total_weight(child)`` as a statement of its own throws the sub-shipment's
    weight away (an accumulator handed down is another matter)."""
    runs = ("def floor_runs(route):\n    runs = []\n    current_floor = None\n    current = []\n    for room in route:\n        floor = room // 100\n"
            "        if floor != current_floor and current:\n            runs.append((current_floor, current))\n            current = []\n"
            "        current_floor = floor\n        current.append(room)\nEND    return runs\n")
    assert substance.trivial(code_row(runs.replace("END", "    if current:\n        runs.append((current_floor, current))\n"))) is None
    assert substance.trivial(code_row(runs.replace("END", ""))) == (
        "misused call: runs.append((current_floor, current)) only when a new one starts (line 8), and nothing adds the last current after the loop: the last chunk is lost")
    weight = "def total_weight(shipment):\n    weight = sum(shipment.get('pieces', []))\n    for child in shipment.get('children', []):\n        CALL\n    return weight\n"
    assert substance.trivial(code_row(weight.replace("CALL", "weight += total_weight(child)"))) is None
    assert substance.trivial(code_row(weight.replace("CALL", "total_weight(child)"))) == (
        "lost result: total_weight(child) (line 4) calls total_weight() for its answer and throws the answer away")
    collect = "def collect(node, found):\n    found.append(node['name'])\n    for child in node.get('children', []):\n        collect(child, found)\n    return found\n"
    assert substance.trivial(code_row(collect)) is None


def test_a_tuple_asked_for_in_bold_is_still_asked_for():
    """blind180: "Return a **tuple** `(per_day, total)`" asks for two values as the plain words do; a function that
    returns only the dict does not answer it."""
    ask = "Write `weekly_revenue(rentals)`. Return a **tuple** `(per_day, total)`: the revenue of each date, and the week's total."
    code = "def weekly_revenue(rentals):\n    per_day = {}\n    for day, amount in rentals:\n        per_day[day] = per_day.get(day, 0) + amount\n    return RESULT\n"
    assert check(ask, code.replace("RESULT", "per_day, sum(per_day.values())")) is None
    assert check(ask, code.replace("RESULT", "dict(sorted(per_day.items()))")) == "weekly_revenue returns a dictionary where the instruction says it returns a tuple"


def test_a_negation_is_read_from_the_last_words_as_from_the_whole_prefix():
    """``ends_negated`` reads only the last 200 characters when they hold five words or more, and the whole prefix
    otherwise: the negation and the two words after it may sit behind a long run of marks, or inside a longer word."""
    from hfsynth.curate.requirement_words import NEGATION, ends_negated

    texts = ["do not  sort  the  list ", "not " + "-" * 300 + "x ", "not" + " " * 400, "cannot sort the list", "x" * 500 + " not ",
             "instead of " + "." * 250 + "a b ", "Sort the names, never by length, " * 10]
    for text in texts:
        for end in range(len(text) + 1):
            assert ends_negated(text, end) == (NEGATION.search(text[:end]) is not None), (text[:40], end)
    assert ends_negated("not " + "-" * 300 + "x ", 306) and not ends_negated("cannot sort", 11)


def test_a_header_in_a_fence_a_pair_for_each_item_and_a_corner_of_a_grid_are_no_contradiction():
    """blind190, three good rows: a CSV header given in a fenced block names the column the code reads (``area_m2``)
    though the record it returns says ``area``; "for every arrival return a pair" is the kind of each item, not of
    what the function returns; "plot 1 is top-left" is a corner of a grid, no ranking. The rules still read what they
    were written for."""
    csv_ask = ("Load the map from this semicolon-separated CSV:\n\n```\nplot_id;bed;area_m2;holder\n12;B;20;Ana\n```\n\n"
               'Write `load_map(csv_text)` returning `{plot_id (int): {"bed": str, "area": int, "holder": str | None}}`.')
    csv_code = ("import csv\nimport io\n\n\ndef load_map(csv_text):\n    plots = {}\n    for row in csv.DictReader(io.StringIO(csv_text), delimiter=';'):\n"
                "        plots[int(row['plot_id'])] = {'bed': row['bed'], 'area': int(row[KEY]), 'holder': row['holder'] or None}\n    return plots\n")
    assert check(csv_ask, csv_code.replace("KEY", "'area_m2'")) is None
    described = 'Each record is `{"name": str, "price_cents": int}`. Write `total(items)` returning the sum of the prices in cents.'
    assert "never 'price'" in check(described, "def total(items):\n    return sum(item['price'] for item in items)\n")

    per_item = ("Write `connections(arrivals, departures)`:\n\n- both are sorted lists of `\"HH:MM\"` strings;\n"
                "- for every arrival return a pair `(arrival, departure)` with the first departure after it, or `(arrival, None)`.")
    code = "def connections(arrivals, departures):\n    return [(a, next((d for d in departures if d > a), None)) for a in arrivals]\n"
    assert check(per_item, code) is None
    whole = "Write `span(times)`. Return a pair `(first, last)` of the earliest and the latest time."
    assert check(whole, "def span(times):\n    return sorted(times)\n") == "span returns a list where the instruction says it returns a tuple"

    grid = ("Plots are numbered row by row from 1 (plot 1 is top-left). Write `neighbours(plot, rows, cols)` returning the sorted "
            "plot numbers that share an edge with `plot`.")
    neighbours = ("def neighbours(plot, rows, cols):\n    r, c = divmod(plot - 1, cols)\n    found = []\n"
                  "    for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1)):\n        if 0 <= r + dr < rows and 0 <= c + dc < cols:\n"
                  "            found.append((r + dr) * cols + c + dc + 1)\n    return sorted(found)\n")
    assert check(grid, neighbours) is None
    ranking = "Write `ranks(scores)` returning each score's rank, where 1 is the top score."
    assert "rank 1 goes to the lowest" in check(ranking, "def ranks(scores):\n    order = sorted(scores)\n    return [order.index(s) + 1 for s in scores]\n")


def test_a_dotted_bound_and_clock_times_are_read_whole():
    """blind189 and blind185, two good rows: "shorter than `today.day`" bounds by the day, so ``d <= today`` is no
    comparison with it; "play 19:00–20:30" is two clock times, not the range "00–20" whose lower end is included.
    "fewer than `k`" and "80-89: B" are still read."""
    from hfsynth.curate.bound_requirements import STATED_EXCLUSIVE_BELOW, STATED_INCLUSIVE

    assert STATED_EXCLUSIVE_BELOW.search("If the previous month is shorter than `today.day`, use all of it.") is None
    assert STATED_EXCLUSIVE_BELOW.search("If there are fewer than `k` sailings, sum them.").group("bound") == "k"
    assert STATED_EXCLUSIVE_BELOW.search("fewer than 30. Then").group("bound") == "30"
    ranges = STATED_INCLUSIVE[2]
    assert ranges.search("200 minutes from 19:00 gives play 19:00–20:30, break 20:30–20:45.") is None
    assert ranges.search("80–89: B, 90-100: A").group("above") == "80"


def test_a_whole_list_answer_a_named_product_and_a_named_bound_are_no_contradiction():
    """blind184, blind186, three good rows: with exactly `k` sailings the whole list is the one stretch of `k`, so
    ``len(counts) <= k`` answering from all of it is right for "fewer than `k`"; "a *Weekday* season pass" names a
    product, it asks for no day of the week; ``percent > SURCHARGE_FROM`` with ``SURCHARGE_FROM = Decimal("5")`` keeps
    5% in the tier "up to and including 5%", as ``percent > 5`` does. Beside each, the reading that must stay."""
    few = ("Write `busiest(counts, k=3)` returning `(total, start)` of the `k` consecutive sailings with the most passengers. "
           "If there are fewer than `k` sailings, return ANSWER.")
    window = ("def busiest(counts, k=3):\n    if len(counts) <= k:\n        return RESULT\n"
              "    best = max(range(len(counts) - k + 1), key=lambda i: sum(counts[i:i + k]))\n    return sum(counts[best:best + k]), best\n")
    assert check(few.replace("ANSWER", "the sum of all of them and index 0"), window.replace("RESULT", "sum(counts), 0")) is None
    assert check(few.replace("ANSWER", "`None`"), window.replace("RESULT", "None")) == (
        "the instruction says 'fewer than `k`' and len(counts) <= k (line 2) counts k itself")

    fee = "def upgrade_fee(day):\n    return 300 if day.month in (11, 12) else 150\n"
    assert check("A *Weekday* season pass can be upgraded to a *Full* one. Write `upgrade_fee(day)` for the 2024/25 season.", fee) is None
    assert check("Write `upgrade_fee(day)`: an upgrade bought on a weekday costs less than one bought at the weekend.", fee) == (
        "the instruction asks for days of the week and the code never asks which day of the week a date is")

    tiers = ("Write `charge(net_kg, percent)`: up to and including 5% contamination the normal charge (net tonnes × 30); "
             "above 5% a 25% surcharge.")
    named = "from decimal import Decimal\n\nSURCHARGE_FROM = Decimal('5')\n\n\ndef charge(net_kg, percent):\n    base = net_kg / 1000 * 30\n    return base * 1.25 if TEST else base\n"
    assert check(tiers, named.replace("TEST", "percent > SURCHARGE_FROM")) is None
    assert check(tiers, named.replace("TEST", "SURCHARGE_FROM < percent")) is None
    assert check(tiers, named.replace("TEST", "not percent < SURCHARGE_FROM")) == (
        "the instruction's tiers run 'up to and including' and its comparison percent < SURCHARGE_FROM (line 8) leaves the bound to the next tier")
