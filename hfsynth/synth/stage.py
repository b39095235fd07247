"""The ``generate`` stage: the tuned adapter writes synthetic rows into ``raw/``, resumably, on every rank.

Layout of ``raw/`` (what the curate stage reads):

    raw/<split>/shard-rank{R}-{K:05d}.parquet   rows of shard K of the split (written by rank R)
    raw/plan.json                               what this raw/ is for: fingerprint, world size, shards
    raw/index.json                              written last, by rank 0: rows per split, status and
                                                strategy counts; its presence means "complete"

All shards of a split together are the split's rows (any order; shard order K is the plan order).
Every row follows the synthetic row schema of the contracts (hfsynth.raw_shards.ROW_SCHEMA) plus a
``meta`` JSON column with strategy details.

Ranks: every rank computes the same plan; pool P (consecutive shards, :meth:`Plan.pools`) goes to
rank P % world_size, which generates it in one engine call (instructions and answers) and writes its shards.
After a barrier rank 0 checks every shard is there and writes index.json (the shards are the final
layout: no copy). Resume: a shard is written atomically, so a rerun with the same plan skips the
pools whose shards all exist, regenerates the others whole (same calls, same rows) and writes their
missing shards: exactly the rows of an uninterrupted run. When the plan changed
(another recipe, seed data, adapter or world size) the old raw/ is moved aside to
``raw.<old fingerprint>/``, never deleted.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from hfsynth import dist
from hfsynth.errors import HfsynthError
from hfsynth.context import StageContext
from hfsynth.recipe import fingerprint
from hfsynth.rundir import ADAPTER_CONFIG, ADAPTER_WEIGHTS, RunDir, atomic_write_json, read_json
from hfsynth.synth.plan import Plan, build_plan, build_strategies, owner, allocate, task_sizes
from hfsynth.synth.strategies.base import PlanContext, SeedExample
from hfsynth.raw_shards import ShardWriter, read_split

def _say(message: str) -> None:
    print(f"hfsynth: {message}", file=sys.stderr, flush=True)


def adapter_fingerprint(adapter_dir: Path) -> str:
    """A hash of the adapter's config and weights (the files that decide what it generates)."""
    adapter_dir = Path(adapter_dir)
    if not (adapter_dir / ADAPTER_CONFIG).is_file():
        raise HfsynthError(
            f"{adapter_dir}: no trained adapter in the run directory; run `hfsynth train` first (or set generate.use_adapter: false)"
        )
    digest = hashlib.sha256()
    for name in (ADAPTER_CONFIG, *ADAPTER_WEIGHTS):
        path = adapter_dir / name
        if path.is_file():
            digest.update(name.encode())
            with open(path, "rb") as f:
                for block in iter(lambda: f.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()[:16]


def load_seed_examples(recipe) -> List[SeedExample]:
    """The seed loader's train split as SeedExamples (the eval split stays unseen)."""
    from hfsynth.data import load_seed

    return [SeedExample.from_row(row) for row in load_seed(recipe)["train"]]


def provenance(recipe, adapter_fp: Optional[str]) -> Dict[str, Any]:
    from hfsynth.models.resolve import base_model_id

    return {
        # a Hub id; for a local folder without model.hub_id only its name (no local path in published rows)
        "base_model": base_model_id(recipe) or Path(recipe.model.name_or_path).name,
        "base_revision": recipe.model.revision,
        "adapter_fingerprint": adapter_fp,
    }


def run_fingerprint(recipe, plan: Plan, adapter_fp: Optional[str], world_size: int) -> str:
    """What decides the rows: the prompts, the generate/model settings, the adapter, the world size."""
    return fingerprint(plan.digest(), recipe.section_dict("model", "quantization", "generate"), adapter_fp, world_size)


# ----------------------------------------------------------------------------------------------
# raw/ bookkeeping (rank 0)


def prepare_raw(run_dir: RunDir, run_fp: str, plan: Plan, world_size: int) -> None:
    """Keep raw/ when it belongs to this plan (resume), else move it aside; then record the plan."""
    raw = run_dir.raw
    if raw.exists() and any(raw.iterdir()):
        plan_record = read_json(run_dir.raw_plan)
        old = plan_record.get("fingerprint") if isinstance(plan_record, dict) else None
        if old != run_fp:
            backup = raw.with_name(f"raw.{old or 'unknown'}")
            if backup.exists():
                backup = raw.with_name(f"raw.{old or 'unknown'}.{time.strftime('%Y%m%d-%H%M%S')}")
            os.replace(raw, backup)
            _say(f"raw/ was generated with other settings; moved it to {backup.name}/ and starting afresh")
    raw.mkdir(parents=True, exist_ok=True)
    writer = ShardWriter(raw)
    if writer.clean_temp_files():
        _say("removed half-written shards of an interrupted run")
    run_dir.raw_index.unlink(missing_ok=True)
    atomic_write_json(
        run_dir.raw_plan,
        {
            "fingerprint": run_fp,
            "world_size": world_size,
            "shard_every": plan.shard_every,
            "splits": {s: {"tasks": len(plan.splits[s]), "rows": plan.rows(s), "shards": plan.shard_count(s)} for s in sorted(plan.splits)},
        },
    )


def write_index(run_dir: RunDir, run_fp: str, plan: Plan) -> Dict[str, Any]:
    """Check every planned shard exists with its rows, then write raw/index.json."""
    raw = run_dir.raw
    writer = ShardWriter(raw)
    missing = [f"{s}/{k}" for s, k in plan.shards() if writer.existing(s, k) is None]
    if missing:
        raise RuntimeError(f"generate: shards missing after every rank finished: {', '.join(missing[:5])}")
    index: Dict[str, Any] = {"fingerprint": run_fp, "splits": {}, "status": {}, "strategies": {}, "finish_reason": {}}
    status, strategies, finish = Counter(), Counter(), Counter()
    for split in sorted(plan.splits):
        table = read_split(raw, split)
        if table.num_rows != plan.rows(split):
            raise RuntimeError(f"generate: raw/{split} holds {table.num_rows} rows, the plan says {plan.rows(split)}")
        index["splits"][split] = {"rows": table.num_rows, "shards": [p.name for p in writer.shards(split)]}
        status.update(table.column("status").to_pylist())
        strategies.update(table.column("strategy").to_pylist())
        finish.update(table.column("finish_reason").to_pylist())
    index["status"], index["strategies"], index["finish_reason"] = dict(status), dict(strategies), dict(finish)
    atomic_write_json(run_dir.raw_index, index)
    return index


# ----------------------------------------------------------------------------------------------


def engine_layout(recipe):
    """How this launch's ranks share the shards: each rank its own (hf), or one vLLM engine per
    ``tensor_parallel_size`` ranks (:func:`hfsynth.engines.vllm.vllm_layout`)."""
    from hfsynth.engines.vllm import EngineLayout, check_vllm

    if recipe.generate.engine == "vllm":
        return check_vllm(recipe)
    return EngineLayout(groups=dist.world_size(), group=dist.rank(), writes=True)


# A pool holds at least this many batches of rows. Its answers all start within one engine call, and
# the call lasts as long as its longest answer: with one batch of answers per pool the batch drains
# from its first step; with several, finished rows' places go to waiting answers and only the last
# batch drains. The cost:
# a killed run regenerates up to this many batches.
POOL_BATCHES = 4


def pools_to_run(plan: Plan, writer: ShardWriter, layout, rows: int) -> Tuple[List[List[Tuple[str, int]]], int]:
    """This engine's pools (of at least ``rows`` rows, :meth:`Plan.pools`) with a shard not yet written
    (the same list on every rank of one engine), and how many of its shards were. A pool is generated
    whole even when some of its shards exist: its engine calls, hence its rows, stay those of an
    uninterrupted run; only the missing shards are written."""
    mine = [pool for p, pool in enumerate(plan.pools(rows)) if owner(p, layout.groups) == layout.group]
    todo = [pool for pool in mine if any(writer.existing(s, k) is None for s, k in pool)]
    done = sum(writer.existing(s, k) is not None for pool in mine for s, k in pool)
    return todo, done


def generate_stage(ctx: StageContext) -> None:
    """The plan's pools owned by this rank -> raw/ shards; rank 0 then checks them all and writes the index."""
    from tqdm.auto import tqdm

    from hfsynth.engines import make_engine
    from hfsynth.synth.shard import generate_pool
    from hfsynth.testing.pause import pause_here

    recipe, run_dir = ctx.recipe, ctx.run_dir
    gen = recipe.generate
    rank = dist.rank()
    layout = engine_layout(recipe)
    world = layout.groups  # pool owners: one per rank (hf), one per vLLM engine (tensor_parallel_size ranks)
    adapter_fp = adapter_fingerprint(run_dir.adapter) if gen.use_adapter else None  # no adapter: say so first
    strategies = build_strategies(recipe)
    seeds = load_seed_examples(recipe) if any(s.uses_seed for s in strategies) else []
    plan = build_plan(recipe, seeds, strategies)
    run_fp = run_fingerprint(recipe, plan, adapter_fp, world)
    raw = run_dir.raw
    if dist.is_main():
        prepare_raw(run_dir, run_fp, plan, world)
    dist.barrier()

    writer = ShardWriter(raw)
    todo, resumed = pools_to_run(plan, writer, layout, POOL_BATCHES * gen.batch_size)
    if resumed and layout.writes:
        _say(f"rank {rank}: resuming, {resumed} shards already written")
    if todo:
        engine = make_engine(recipe, run_dir, use_adapter=gen.use_adapter)  # once per stage, for every pool
        rows_total = sum(t.samples for pool in todo for s, k in pool for t in plan.shard(s, k))
        desc = "generate" if world == 1 else f"generate engine {layout.group}"
        written = tokens = 0
        started = time.perf_counter()
        with tqdm(total=rows_total, unit="row", desc=desc, dynamic_ncols=True, disable=not layout.writes) as bar:
            for pool in todo:
                shards, generated = generate_pool(engine, plan, pool, recipe, provenance(recipe, adapter_fp), progress=layout.writes)
                tokens += generated
                for (split, k), rows in shards.items():
                    if layout.writes and writer.existing(split, k) is None:  # the other ranks of a tensor-parallel engine computed the same rows
                        writer.write(split, k, layout.group, rows)
                        written += 1
                        pause_here("generate_shard", written, f"{split}/{k}")  # a kill test's fixed point; no-op otherwise
                    bar.update(len(rows))
        seconds = time.perf_counter() - started
        speed = {"generated_tokens": tokens, "generation_seconds": round(seconds, 2), "tokens_per_second": round(tokens / seconds, 1) if seconds else None}
        if layout.writes:
            _say(f"rank {rank}: {tokens} tokens generated in {seconds:.0f} s, {speed['tokens_per_second']} tokens/s (every pass, model loading excluded)")
    dist.barrier()
    if dist.is_main():
        index = write_index(run_dir, run_fp, plan)
        counts = ", ".join(f"{s}: {v['rows']}" for s, v in index["splits"].items())
        _say(f"generated rows in {raw}: {counts} (status {index['status']})")
    return speed if todo and dist.is_main() else None


# ----------------------------------------------------------------------------------------------


def preflight(ctx: StageContext) -> None:
    """What can be refused before any stage runs: engine availability, the template strategies
    (template files, undefined slots, too few distinct prompts), the seed strategies' plan (seed rows with
    code and instructions; a Hub seed only when it loads from the cache), then the model (loadable, its
    context longer than the max_new_tokens fields)."""
    import random

    recipe = ctx.recipe
    gen = recipe.generate
    if gen.engine == "vllm":
        from hfsynth.engines import check_vllm

        check_vllm(recipe)
    elif gen.tensor_parallel_size != 1:
        raise HfsynthError(
            f"generate.tensor_parallel_size: {gen.tensor_parallel_size} applies to engine vllm only; with engine hf "
            "every rank runs its own model on its own shards (leave it 1)"
        )
    strategies = build_strategies(recipe)
    rows = allocate(gen.num_samples, [s.config.weight for s in strategies])
    for strategy, count in zip(strategies, rows):
        if strategy.name == "template" and count:
            plan_ctx = PlanContext(recipe=recipe, rng=random.Random(0), seeds=[])
            strategy.prompts(len(task_sizes(count, strategy.samples_per_prompt)), plan_ctx)
    from hfsynth.data.loaders import seed_is_local

    # Seed rows mined from Python source (seed.python_source) are functions with docstrings: code and an
    # instruction by construction. A seed file's rows may lack either; the plan finds that out now.
    if any(s.uses_seed and count for s, count in zip(strategies, rows)) and seed_is_local(recipe) and not recipe.seed.python_source:
        from hfsynth.data import load_seed_quietly

        seeds = [SeedExample.from_row(row) for row in load_seed_quietly(recipe)["train"]]
        build_plan(recipe, seeds, strategies)  # the stage's own plan: seed rows without code or instructions fail now

    from hfsynth.models.check import check_generation_lengths, check_recipe_model

    config = check_recipe_model(recipe, lora=False)  # the model loads fine and takes these lengths
    check_generation_lengths(config, recipe, [
        ("generate.max_new_tokens", gen.max_new_tokens), ("generate.instruction_max_new_tokens", gen.instruction_max_new_tokens),
        ("generate.tests_max_new_tokens", gen.tests_max_new_tokens),
    ])
