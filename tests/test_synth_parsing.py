"""Reading model output: fences, code/tests split, OSS-Instruct sections, instructions, ROUGE-L novelty."""

import pytest
from rouge_score import rouge_scorer

from hfsynth.synth.novelty import NoveltyPool
from hfsynth.synth.parsing import (
    ParseError, clean_instruction, code_blocks, extract_code, extract_code_and_tests, problem_and_solution, split_tests,
)

FENCE = "```"


def test_code_blocks_with_languages_and_an_unclosed_fence():
    text = f"Intro\n{FENCE}python\ndef f():\n    return 1\n{FENCE}\nmiddle\n{FENCE}bash\nls\n{FENCE}\n{FENCE}\nx = 2\n"
    blocks = code_blocks(text)
    assert [(b.language, b.code) for b in blocks] == [("python", "def f():\n    return 1"), ("bash", "ls"), ("", "x = 2")]
    assert extract_code(text) == "def f():\n    return 1\n\nx = 2"  # python and unlabelled blocks, not bash


def test_code_blocks_in_tilde_longer_and_crlf_fences():
    # Fences the regex before hfsynth.fences missed or cut short: ~~~, a 4-backtick block quoting a
    # ``` one, CRLF line endings; a line of inline code is no fence.
    text = (
        f"~~~python\ndef f():\n    return 1\n~~~\n````python\nDOC = '''\n{FENCE}\nx\n{FENCE}\n'''\n````\n"
        f"{FENCE}f(){FENCE}\nis how to call it.\n{FENCE}python\r\ny = 2\r\n{FENCE}\r\n"
    )
    assert [(b.language, b.code) for b in code_blocks(text)] == [
        ("python", "def f():\n    return 1"),
        ("python", f"DOC = '''\n{FENCE}\nx\n{FENCE}\n'''"),
        ("python", "y = 2"),
    ]
    assert extract_code(f"~~~py\ndef g():\n    pass\n~~~\n") == "def g():\n    pass"
    assert code_blocks(f"Cut here:\n{FENCE}python") == []  # an empty block is no code


def test_extract_code_without_fences():
    assert extract_code("def add(a, b):\n    return a + b\n") == "def add(a, b):\n    return a + b"
    assert extract_code("Just words, no program.") is None
    assert extract_code("x = 1") is None  # valid Python but defines nothing: not taken for a solution


def test_split_tests_by_syntax():
    code = (
        "import math\n\n@cache\ndef area(r):\n    return math.pi * r * r\n\n"
        "assert area(0) == 0\n\ndef test_area():\n    assert area(1) > 3\n\ntest_area()\n"
        "if __name__ == '__main__':\n    test_area()\n"
    )
    solution, tests = split_tests(code)
    assert solution == "import math\n\n@cache\ndef area(r):\n    return math.pi * r * r"
    assert tests.splitlines()[0] == "assert area(0) == 0"
    assert "def test_area():" in tests and "test_area()" in tests and "__main__" in tests
    assert split_tests("def f():\n    return 1\n") == ("def f():\n    return 1", None)


def test_split_tests_of_broken_code_falls_back_to_lines():
    solution, tests = split_tests("def f(:\n    return 1\nassert f() == 1\n")
    assert tests == "assert f() == 1" and "assert" not in solution


def test_code_and_tests_only_when_asked():
    text = f"{FENCE}python\ndef f():\n    return 1\n{FENCE}\n\n{FENCE}python\nassert f() == 1\n{FENCE}\n"
    assert extract_code_and_tests(text, with_tests=True) == ("def f():\n    return 1", "assert f() == 1")
    code, tests = extract_code_and_tests(text, with_tests=False)
    assert "assert f() == 1" in code and tests is None


@pytest.mark.parametrize(
    "text",
    [
        "[Problem Description]\nSum a list.\n\n[Solution]\ncode here",
        "**[Problem Description]**: Sum a list.\n**[Solution]**\ncode here",
        "## Problem Description\nSum a list.\n## Solution\ncode here",
        "Preamble.\nProblem:\nSum a list.\nSolution:\ncode here",
    ],
)
def test_problem_and_solution_headers(text):
    assert problem_and_solution(text) == ("Sum a list.", "code here")


def test_solution_word_inside_the_problem_is_not_a_header():
    problem, solution = problem_and_solution("[Problem Description]\nSolution quality matters here.\n[Solution]\nx")
    assert problem == "Solution quality matters here." and solution == "x"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("Some text without sections", "no [Problem Description]"),
        ("[Problem Description]\nSum a list.", "no [Solution]"),
        ("[Solution]\nx\n[Problem Description]\nSum.", "no [Solution] section after"),
        ("[Problem Description]\n\n[Solution]\nx", "empty"),
        ("[Problem Description]\nSum.\n[Solution]\n  ", "empty"),
    ],
)
def test_problem_and_solution_errors(text, reason):
    with pytest.raises(ParseError, match=reason.replace("[", r"\[").replace("]", r"\]")):
        problem_and_solution(text)


def test_clean_instruction():
    assert clean_instruction("4. Write a function that adds two numbers.\n5. Reverse a list of items") == "Write a function that adds two numbers."
    assert clean_instruction("Task: Parse dates in ISO format.\n\nExtra notes", first_paragraph=True) == "Parse dates in ISO format."
    assert clean_instruction("#Rewritten Prompt#: Write code that sorts a list") == "Write code that sorts a list"
    multi = "Fix this function so it sorts.\n\n```python\ndef f(x):\n    return x\n```"
    assert clean_instruction(multi) == multi
    for bad in ("", "   ", "5.", "Sure!"):
        with pytest.raises(ParseError):
            clean_instruction(bad)


def test_novelty_pool_agrees_with_rouge_score():
    pool_texts = [
        "Write a function that returns the sum of a list of numbers.",
        "Write a function that reverses a string.",
        "Implement binary search over a sorted list of integers.",
    ]
    scorer = rouge_scorer.RougeScorer(["rougeL"])
    pool = NoveltyPool(pool_texts)
    for candidate in ["Write a function that returns the product of a list of numbers.", "Count vowels in a sentence.", ""]:
        exact = max(scorer.score(p, candidate)["rougeL"].fmeasure for p in pool_texts)
        assert pool.closest(candidate) == pytest.approx(exact)
        # With a threshold the answer is exact above it and never above it when the truth is below.
        bounded = pool.closest(candidate, 0.7)
        assert bounded == pytest.approx(exact) if exact > 0.7 else bounded <= 0.7
    clone = pool.copy()
    clone.add("Count vowels in a sentence.")
    assert len(clone) == 4 and len(pool) == 3
    assert clone.closest("Count vowels in a sentence.") == pytest.approx(1.0)


def test_a_fence_the_model_opened_again_after_the_prefill_counts_once():
    from hfsynth.synth.parsing import drop_repeated_fence

    twice = "```python\n```python\ndef f(x):\n    return x\n```"
    assert drop_repeated_fence(twice) == "```python\ndef f(x):\n    return x\n```"
    assert extract_code(drop_repeated_fence(twice)) == "def f(x):\n    return x"
    once = "```python\ndef f(x):\n    return x\n```\n```python\nassert f(1) == 1\n```"
    assert drop_repeated_fence(once) == once  # a second block later on is not a repeated opening
