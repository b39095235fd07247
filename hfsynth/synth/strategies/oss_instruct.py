"""``oss_instruct``: a 1-15 line snippet of seed code inspires a new, self-contained problem and its
solution (Magicoder's OSS-Instruct). The problem becomes the row's instruction, the solution its
response.

With ``split_calls`` (the default) that takes two calls: the first asks for the problem alone (the
``ask`` of the task, read by :func:`hfsynth.synth.parsing.problem_statement`), the second answers
it like any instruction. A 135M model asked for both sections in one answer wrote none of them
(0 of 16 parsed in the quickstart). Without ``split_calls`` one call answers in two sections
``[Problem Description]`` and ``[Solution]``; an answer without both is kept with
``status="parse_error"``.
"""

from __future__ import annotations

import random
from typing import List, Optional, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.synth.parsing import ParseError, extract_code_and_tests, problem_and_solution, problem_statement
from hfsynth.synth.strategies.base import (
    CLOSING_FENCE, RESPONSE_PREFILL, Parsed, PlanContext, Strategy, Task, cycle_shuffled, render_builtin,
)

PROBLEM_HEADER = "[Problem Description]\n"


def snippet(code: str, rng: random.Random, shortest: int, longest: int) -> Optional[str]:
    """Consecutive lines of ``code``, between ``shortest`` and ``longest`` of them, not all blank."""
    lines = code.splitlines()
    if not any(line.strip() for line in lines):
        return None
    for _ in range(20):
        size = rng.randint(shortest, min(longest, len(lines))) if len(lines) >= shortest else len(lines)
        start = rng.randint(0, len(lines) - size)
        chunk = lines[start:start + size]
        if any(line.strip() for line in chunk):
            return "\n".join(chunk).strip("\n")
    return None


class OssInstructStrategy(Strategy):
    name = "oss_instruct"
    uses_seed = True

    def plan(self, counts: List[int], ctx: PlanContext) -> List[Task]:
        seeds = [s for s in ctx.seeds if s.code and s.code.strip()]
        if not seeds:
            raise HfsynthError(
                f"{self.where}: no seed row has code in its response to take snippets from (expected fenced code in the seed's "
                "answers); give a seed with code or leave this strategy out"
            )
        tasks = []
        for k, (samples, seed) in enumerate(zip(counts, cycle_shuffled(ctx.rng, seeds, len(counts)))):
            text = snippet(seed.code, ctx.rng, self.config.min_snippet_lines, self.config.max_snippet_lines) or seed.code.strip()
            if self.config.split_calls:
                ask = self.with_system(render_builtin("oss_problem.j2", snippet=text))
                tasks.append(self.task(k, samples, seed_id=seed.id, ask=ask, meta={"snippet": text, "calls": "problem, then solution"}))
            else:
                prompt = self.with_system(render_builtin("oss_instruct.j2", snippet=text, with_tests=self.with_tests))
                tasks.append(self.task(k, samples, seed_id=seed.id, prompt=prompt, meta={"snippet": text}))
        return tasks

    def instruction_prefill(self, task: Task) -> str:
        return PROBLEM_HEADER  # split calls: the first call writes the problem from its first word

    def instruction_stop(self, task: Task) -> Tuple[str, ...]:
        return ("[Solution]", "```py")  # where the problem ends and its solution would begin

    def response_prefill(self, task: Task) -> str:
        return RESPONSE_PREFILL if task.ask is not None else PROBLEM_HEADER  # one call: both sections, problem first

    def response_stop(self, task: Task) -> Tuple[str, ...]:
        return (CLOSING_FENCE,) if task.ask is not None else ()

    def choose_instruction(self, task: Task, texts: List[str], accepted: List[str]) -> str:
        """The problem statement of the first call (split_calls); ParseError when there is none."""
        return problem_statement(texts[0])

    def parse(self, task: Task, instruction: str, text: str) -> Parsed:
        if task.ask is not None:  # split calls: the second call answered the problem like any instruction
            return Strategy.parse(self, task, instruction, text)
        try:
            problem, solution = problem_and_solution(text)
        except ParseError as exc:
            return Parsed("", text, None, None, "parse_error", str(exc))
        code, tests = extract_code_and_tests(solution, task.with_tests)
        if code is None:
            return Parsed(problem, solution, None, None, "parse_error", "no Python code in the [Solution] section")
        return Parsed(problem, solution, code, tests)
