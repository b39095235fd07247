"""``self_instruct``: few-shot prompts of seed instructions ask the model for a new instruction, which
is kept only when it is novel (ROUGE-L F against the pool at most ``similarity_threshold``, 0.7 as in
Self-Instruct and Code Alpaca); then the model answers it.

The pool is the seed instructions plus the instructions accepted earlier in the same shard: a shard
is the unit of work, so the pool never depends on how shards are spread over ranks or on a resume.
Of ``instruction_candidates`` sampled answers the first novel one is kept; when none is, the row is
kept with ``status="error"`` and the closest score, never silently dropped from the count.
"""

from __future__ import annotations

from typing import List, Tuple

from hfsynth.synth.novelty import NoveltyPool
from hfsynth.synth.parsing import ParseError, clean_instruction
from hfsynth.synth.strategies.base import PlanContext, Rejected, Strategy, Task, render_builtin, seeds_with_instruction

MAX_SHOT_CHARS = 400


def shot_text(instruction: str) -> str:
    """A seed instruction as a one-paragraph example (long docstrings would crowd the prompt)."""
    first = instruction.strip().split("\n\n", 1)[0]
    first = " ".join(first.split())
    return first if len(first) <= MAX_SHOT_CHARS else first[: MAX_SHOT_CHARS - 1].rstrip() + "…"


class SelfInstructStrategy(Strategy):
    name = "self_instruct"
    uses_seed = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = self.config.instruction_candidates or 3
        self._pool = None

    def plan(self, counts: List[int], ctx: PlanContext) -> List[Task]:
        seeds = seeds_with_instruction(self, ctx.seeds)
        self._pool = NoveltyPool(s.instruction for s in seeds)
        shots = min(self.config.num_shots, len(seeds))
        tasks = []
        for k, samples in enumerate(counts):
            chosen = ctx.rng.sample(seeds, shots)
            ask = [{"role": "user", "content": render_builtin("self_instruct.j2", examples=[shot_text(s.instruction) for s in chosen])}]
            tasks.append(self.task(k, samples, seed_id=",".join(s.id for s in chosen), ask=ask))
        return tasks

    def instruction_prefill(self, task: Task) -> str:
        """The next number of the prompt's list: the answer is the new task from its first word."""
        return f"{len(task.seed_id.split(',')) + 1}. "

    def instruction_stop(self, task: Task) -> Tuple[str, ...]:
        """One paragraph, one task: stop at a blank line or the list's next number."""
        return ("\n\n", f"\n{len(task.seed_id.split(',')) + 2}.")

    def choose_instruction(self, task: Task, texts: List[str], accepted: List[str]) -> str:
        if self._pool is None:
            raise RuntimeError("plan() builds the novelty pool before instructions are chosen")
        pool = self._pool.copy()
        for text in accepted:
            pool.add(text)
        threshold = self.config.similarity_threshold
        closest, parsed = 1.0, 0
        for text in texts:
            try:
                instruction = clean_instruction(text, first_paragraph=True)
            except ParseError:
                continue
            parsed += 1
            score = pool.closest(instruction, threshold)
            if score <= threshold:
                return instruction
            closest = min(closest, score)
        if not parsed:
            raise ParseError(f"none of the {len(texts)} sampled answers held an instruction")
        raise Rejected(f"too similar to the pool: the least similar of {parsed} new instructions has ROUGE-L F {closest:.2f} > {threshold}")
