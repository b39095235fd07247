"""The plan: every task (prompt) of a run, which split it feeds, which shard holds it, which rank runs it.

The plan is a pure function of the recipe and the seed rows, computed identically on every rank:

- ``generate.num_samples`` rows are shared between the strategy entries by weight (largest
  remainder), and each entry's rows are grouped into tasks of ``num_samples_per_prompt`` rows;
- each split's tasks are shuffled with a seeded RNG (so every shard mixes strategies) and cut into
  shards of ``shard_every`` tasks (the unit written atomically, so the unit of resume);
- consecutive shards, across splits, are grouped into pools of at least ``generate.batch_size`` rows
  (:meth:`Plan.pools`): a pool is the unit of generation, each of its passes one engine call over
  the prompts of all its shards and strategies, so the engine's batches are full. Pool ``p`` is run
  by rank ``p % world_size``.

Task keys (and so row ids) depend on the recipe and the seed rows only, never on the world size.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Sequence, Tuple

from hfsynth.recipe import fingerprint
from hfsynth.synth.strategies import strategy_class
from hfsynth.synth.strategies.base import PlanContext, SeedExample, Strategy, Task


def allocate(total: int, weights: Sequence[float]) -> List[int]:
    """``total`` split in proportion to ``weights`` (largest remainder; ties go to the earlier entry)."""
    norm = sum(weights)
    exact = [total * w / norm for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def task_sizes(rows: int, per_prompt: int) -> List[int]:
    """Rows per task: full tasks of ``per_prompt`` rows and one smaller remainder."""
    sizes = [per_prompt] * (rows // per_prompt)
    return sizes + [rows % per_prompt] if rows % per_prompt else sizes


def entry_labels(names: Sequence[str]) -> List[str]:
    """The strategy name, numbered (``template_1``, ``template_2``) only when it occurs more than once."""
    totals, seen = Counter(names), Counter()
    labels = []
    for name in names:
        seen[name] += 1
        labels.append(name if totals[name] == 1 else f"{name}_{seen[name]}")
    return labels


def derive_seed(*parts) -> int:
    """A 31-bit seed from named parts (stable across processes and Python versions)."""
    digest = hashlib.sha256(":".join(str(p) for p in parts).encode()).digest()
    return int.from_bytes(digest[:4], "big") & 0x7FFFFFFF


def build_strategies(recipe) -> List[Strategy]:
    entries = recipe.generate.strategies
    labels = entry_labels([e.name for e in entries])
    return [strategy_class(e.name)(e, i, recipe, labels[i]) for i, e in enumerate(entries)]


@dataclass
class Plan:
    strategies: List[Strategy]
    splits: Dict[str, List[Task]]  # task order = shard order
    shard_every: int

    def shard_count(self, split: str) -> int:
        return -(-len(self.splits[split]) // self.shard_every)

    def shard(self, split: str, k: int) -> List[Task]:
        return self.splits[split][k * self.shard_every:(k + 1) * self.shard_every]

    def shards(self):
        """Every ``(split, k)`` in a fixed order."""
        return [(split, k) for split in sorted(self.splits) for k in range(self.shard_count(split))]

    def pools(self, rows: int) -> List[List[Tuple[str, int]]]:
        """The shards in plan order, grouped into consecutive pools of at least ``rows`` rows (the last
        pool takes what is left). A function of the plan alone, never of the world size or of what a
        resume finds on disk: the same pool always makes the same engine calls, hence the same rows."""
        pools: List[List[Tuple[str, int]]] = [[]]
        filled = 0
        for split, k in self.shards():
            if filled >= rows:
                pools.append([])
                filled = 0
            pools[-1].append((split, k))
            filled += sum(t.samples for t in self.shard(split, k))
        return pools if pools[0] else []

    def rows(self, split: str) -> int:
        return sum(t.samples for t in self.splits[split])

    def digest(self) -> str:
        """What the tasks ask, in order: equal digests mean equal prompts in equal shards."""
        return fingerprint(
            self.shard_every,
            {s: [(t.key, t.samples, t.with_tests, t.instruction, t.ask, t.prompt) for t in tasks] for s, tasks in self.splits.items()},
        )


def owner(k: int, world_size: int) -> int:
    """The rank (engine) that runs pool ``k``."""
    return k % world_size


def build_plan(recipe, seeds: Sequence[SeedExample], strategies: List[Strategy] = None) -> Plan:
    gen = recipe.generate
    strategies = strategies if strategies is not None else build_strategies(recipe)
    rows = allocate(gen.num_samples, [s.config.weight for s in strategies])
    splits: Dict[str, List[Task]] = {}
    for strategy, count in zip(strategies, rows):
        if count == 0:
            continue
        ctx = PlanContext(recipe=recipe, rng=random.Random(f"{gen.seed}:{strategy.label}"), seeds=seeds)
        splits.setdefault(strategy.config.split, []).extend(strategy.plan(task_sizes(count, strategy.samples_per_prompt), ctx))
    for split, tasks in splits.items():
        random.Random(f"{gen.seed}:split:{split}").shuffle(tasks)
    return Plan(strategies=strategies, splits=splits, shard_every=gen.shard_every)
