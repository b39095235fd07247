"""``evol_instruct``: the model rewrites a seed instruction harder by one of WizardCoder's five code
evolution methods (add constraints, rarer requirement, more reasoning steps, misleading erroneous
code, higher time/space complexity), then answers the evolved instruction.

``instruction_candidates`` evolutions are sampled per seed task (2 by default: a 135M model returns
an empty one about one time in five) and the first usable one is kept. When all come back empty the
row is a ``parse_error``; when the usable ones all return the task unchanged it is kept as
``status="error"`` (Evol-Instruct's elimination of failed evolutions, counted, not hidden).
"""

from __future__ import annotations

from typing import List, Tuple

from hfsynth.synth.parsing import ParseError, clean_instruction
from hfsynth.synth.strategies.base import (
    PlanContext, Rejected, Strategy, Task, builtin_yaml, cycle_shuffled, render_builtin, seeds_with_instruction,
)

METHODS_FILE = "evol_methods.yaml"


def _normalised(text: str) -> str:
    return " ".join(text.lower().split())


class EvolInstructStrategy(Strategy):
    name = "evol_instruct"
    uses_seed = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = self.config.instruction_candidates or 2

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
        unchanged = 0
        for text in texts:
            try:
                instruction = clean_instruction(text)
            except ParseError:
                continue  # empty: the next candidate
            if _normalised(instruction) != _normalised(task.meta["source_instruction"]):
                return instruction
            unchanged += 1
        if not unchanged:
            raise ParseError(f"none of the {len(texts)} sampled evolutions held a task")
        raise Rejected("evolution failed: the task came back unchanged")
