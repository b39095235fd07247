"""``evol_instruct``: the model rewrites a seed instruction harder by one of WizardCoder's five code
evolution methods (add constraints, rarer requirement, more reasoning steps, misleading erroneous
code, higher time/space complexity), then answers the evolved instruction.

An evolution that comes back empty is a ``parse_error``; one that returns the task unchanged is
kept as ``status="error"`` (Evol-Instruct's elimination of failed evolutions, counted, not hidden).
"""

from __future__ import annotations

from typing import List, Tuple

from hfsynth.synth.parsing import clean_instruction
from hfsynth.synth.strategies.base import (
    PlanContext, Rejected, Strategy, Task, builtin_yaml, cycle_shuffled, render_builtin, seeds_with_instruction,
)

METHODS_FILE = "evol_methods.yaml"


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


class EvolInstructStrategy(Strategy):
    name = "evol_instruct"
    uses_seed = True

    def plan(self, counts: List[int], ctx: PlanContext) -> List[Task]:
        descriptions = builtin_yaml(METHODS_FILE)
        seeds = cycle_shuffled(ctx.rng, seeds_with_instruction(self, ctx.seeds), len(counts))
        tasks = []
        for k, (samples, seed) in enumerate(zip(counts, seeds)):
            method = ctx.rng.choice(self.config.methods)
            ask = [{"role": "user", "content": render_builtin("evol_instruct.j2", method=descriptions[method], instruction=seed.instruction)}]
            tasks.append(self.task(k, samples, seed_id=seed.id, ask=ask, meta={"evol_method": method, "source_instruction": seed.instruction}))
        return tasks

    def instruction_prefill(self, task: Task) -> str:
        return "Rewritten task:\n"  # the header clean_instruction strips: the answer starts with the task

    def instruction_stop(self, task: Task) -> Tuple[str, ...]:
        """A code block starts the solution, which the task must not hold; only the erroneous_code
        method puts code in the task itself."""
        return () if task.meta.get("evol_method") == "erroneous_code" else ("```",)

    def choose_instruction(self, task: Task, texts: List[str], accepted: List[str]) -> str:
        instruction = clean_instruction(texts[0])  # ParseError when empty
        if _normalised(instruction) == _normalised(task.meta["source_instruction"]):
            raise Rejected("evolution failed: the task came back unchanged")
        return instruction
