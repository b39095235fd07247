"""Generation throughput: hfsynth's batched HFEngine against the naive baseline, same process, same model.

The naive baseline is what a first script does: one ``model.generate`` call per prompt. Both sides
get the same prompts (code tasks from the built-in template grid, through the chat template), the
same generation config (``max_new_tokens``, greedy by default, the same end-of-sequence tokens)
and the same model object. Printed: samples/s and generated tokens/s of both, the ratio, and how
many greedy outputs agree (batching must not change what is generated).

    python bench/generation.py                                   # SmolLM2-135M-Instruct (builtin)
    python bench/generation.py --model path/to/model --prompts 32 --batch-size 16
    python bench/generation.py --load-in-4bit --adapter outputs/quickstart/adapter  # the generate stage's own model
    python bench/generation.py --stage outputs/quickstart    # the generate stage's own work against this bench, one process

``--stage RUN_DIR`` is issue 13's measure (the stage's tokens/s against the engine's figure at the
same batch size): it builds the stage's engine from the run's recipe and adapter, then times,
on that one model object, this bench's prompts, the stage's pools (instructions, answers, retries:
every pass the stage counts; nothing is written), and this bench's prompts again, and prints the
stage's tokens/s over the mean of the two bench runs. Timing both in one process, back to back,
keeps a loaded machine from deciding the ratio.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import time


def code_prompts(count: int, seed: int = 0):
    """``count`` distinct chat prompts from the built-in code task grid."""
    from hfsynth.synth.strategies.base import builtin_text, builtin_yaml, template_environment

    template = template_environment().from_string(builtin_text("code_task.j2"))
    slots = builtin_yaml("code_task.yaml")
    names = list(slots)
    texts = [template.render(**dict(zip(names, values))).strip() for values in itertools.product(*(slots[n] for n in names))]
    random.Random(seed).shuffle(texts)
    if count > len(texts):
        raise SystemExit(f"--prompts: the grid has {len(texts)} distinct prompts")
    return [[{"role": "user", "content": t}] for t in texts[:count]]


def load(model: str, load_in_4bit: bool):
    """The model through hfsynth's own loader (builtin:..., a local folder or a Hub id)."""
    from hfsynth.models.load import load_model_and_tokenizer
    from hfsynth.recipe import validate_recipe

    recipe = validate_recipe(
        {"name": "bench", "seed": {"path": "unused.jsonl"}, "model": {"name_or_path": model}, "quantization": {"load_in_4bit": load_in_4bit}}
    )
    return load_model_and_tokenizer(recipe)


def naive(engine, prompts, params):
    """One ``model.generate`` per prompt (no padding, no batching): the baseline."""
    import torch

    from hfsynth.engines import Completion

    config = engine.generation_config(params)
    eos = set(engine.eos_ids)
    out = []
    torch.manual_seed(params.seed)
    for prompt in prompts:
        ids = engine.encode(prompt)
        device = engine.model.device
        generated = engine.model.generate(torch.tensor([ids], device=device), attention_mask=torch.ones(1, len(ids), dtype=torch.long, device=device),
                                          generation_config=config)
        tokens = generated[0, len(ids):].tolist()
        stop = next((k for k, t in enumerate(tokens) if t in eos), None)
        kept = tokens if stop is None else tokens[:stop]
        out.append([Completion(engine.tokenizer.decode(kept, skip_special_tokens=True), "length" if stop is None else "stop", len(ids), len(tokens) if stop is None else stop + 1)])
    return out


def stage_against_bench(run_dir: str, prompts: int, max_new_tokens: int) -> None:
    """The generate stage's work on its own model, bracketed by two runs of this bench's workload."""
    from pathlib import Path

    from hfsynth.engines import SamplingParams, make_engine
    from hfsynth.recipe import load_recipe
    from hfsynth.rundir import RunDir
    from hfsynth.synth.plan import build_plan, build_strategies
    from hfsynth.synth.shard import generate_pool
    from hfsynth.synth.stage import POOL_BATCHES, load_seed_examples, provenance

    run = RunDir(Path(run_dir))
    recipe = load_recipe(run.recipe_file)
    gen = recipe.generate
    engine = make_engine(recipe, run, use_adapter=gen.use_adapter)
    strategies = build_strategies(recipe)
    plan = build_plan(recipe, load_seed_examples(recipe) if any(s.uses_seed for s in strategies) else [], strategies)
    pools = plan.pools(POOL_BATCHES * gen.batch_size)
    bench_prompts = code_prompts(prompts)
    greedy = SamplingParams(temperature=0, top_p=1.0, max_new_tokens=max_new_tokens, seed=0)
    engine.generate(bench_prompts[:2], SamplingParams(temperature=0, max_new_tokens=4), progress=False)  # warm-up

    def bench():
        results, seconds = timed(lambda: engine.generate(bench_prompts, greedy, progress=False))
        return sum(c.completion_tokens for row in results for c in row) / seconds

    def stage():
        tokens, seconds = timed(lambda: sum(generate_pool(engine, plan, pool, recipe, provenance(recipe, None))[1] for pool in pools))
        return tokens, seconds

    before = bench()
    (tokens, seconds) = stage()
    after = bench()
    reference = (before + after) / 2
    print(f"run {run_dir} | batch size {gen.batch_size} | {sum(len(p) for p in pools)} shards in {len(pools)} pools | load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"bench ({len(bench_prompts)} prompts x {max_new_tokens} tokens, greedy): {before:.1f} then {after:.1f} tokens/s")
    print(f"generate stage ({sum(plan.rows(split) for split in plan.splits)} rows, every pass): {tokens} tokens in {seconds:.1f} s, {tokens / seconds:.1f} tokens/s")
    print(f"stage / bench: {tokens / seconds / reference:.2f}")


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="builtin:smollm2-135m-instruct", help="builtin:..., a local model folder, or a Hub id")
    parser.add_argument("--prompts", type=int, default=64, help="number of prompts (default 64)")
    parser.add_argument("--batch-size", type=int, default=16, help="HFEngine batch size (default 16)")
    parser.add_argument("--segment-tokens", type=int, default=16, help="HFEngine: finished rows leave the batch every this many tokens (0 = never)")
    parser.add_argument("--max-new-tokens", type=int, default=128)
    parser.add_argument("--temperature", type=float, default=0.0, help="0 = greedy (default), comparable outputs")
    parser.add_argument("--threads", type=int, default=None, help="torch threads (default: torch's choice)")
    parser.add_argument("--load-in-4bit", action="store_true", help="load the model in 4-bit (as QLoRA recipes do)")
    parser.add_argument("--adapter", default=None, help="a LoRA adapter folder (a run's adapter/) on top of the model, as the generate stage uses it")
    parser.add_argument("--stage", metavar="RUN_DIR", default=None, help="time the generate stage of this run (its recipe, adapter, batch size) against this bench's prompts, in one process")
    parser.add_argument("--skip-baseline", action="store_true", help="time HFEngine only (the one-prompt-at-a-time side takes long on a loaded machine)")
    args = parser.parse_args(argv)

    import torch

    from hfsynth.engines import HFEngine, SamplingParams

    if args.threads:
        torch.set_num_threads(args.threads)
    if args.stage:
        stage_against_bench(args.stage, args.prompts, args.max_new_tokens)
        return
    model, tokenizer = load(args.model, args.load_in_4bit)
    if args.adapter:
        from peft import PeftModel

        model = PeftModel.from_pretrained(model, args.adapter, is_trainable=False).eval()
    engine = HFEngine(model, tokenizer, batch_size=args.batch_size, segment_tokens=args.segment_tokens or None)
    prompts = code_prompts(args.prompts)
    params = SamplingParams(temperature=args.temperature, top_p=0.95, max_new_tokens=args.max_new_tokens, seed=0)
    engine.generate(prompts[:2], SamplingParams(temperature=0, max_new_tokens=4), progress=False)  # warm-up

    batched, batched_s = timed(lambda: engine.generate(prompts, params, progress=False))

    def tokens(results):
        return sum(c.completion_tokens for row in results for c in row)

    n = len(prompts)
    loadavg = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    if args.skip_baseline:
        print(f"model {args.model}{' 4-bit' if args.load_in_4bit else ''}{' + adapter ' + args.adapter if args.adapter else ''} | {n} prompts | max_new_tokens {args.max_new_tokens} | threads {torch.get_num_threads()} | load average {loadavg}")
        print(f"HFEngine (batch {args.batch_size:>3}, segments {args.segment_tokens:>3}): {n / batched_s:8.3f} samples/s  {tokens(batched) / batched_s:8.1f} tokens/s  ({batched_s:.1f} s)")
        return
    single, single_s = timed(lambda: naive(engine, prompts, params))
    print(f"model {args.model} | {n} prompts | max_new_tokens {args.max_new_tokens} | temperature {args.temperature} | threads {torch.get_num_threads()} | load average {loadavg}")
    print(f"mean completion tokens {tokens(single) / n:.1f} (max {max(c.completion_tokens for row in single for c in row)}); a shared CPU (load above its cores) distorts both sides")
    print(f"naive (one generate per prompt)     : {n / single_s:8.3f} samples/s  {tokens(single) / single_s:8.1f} tokens/s  ({single_s:.1f} s)")
    print(f"HFEngine (batch {args.batch_size:>3}, segments {args.segment_tokens:>3}): {n / batched_s:8.3f} samples/s  {tokens(batched) / batched_s:8.1f} tokens/s  ({batched_s:.1f} s)")
    print(f"ratio: {single_s / batched_s:.2f}x samples/s")
    if args.temperature == 0:
        same = sum(a[0].text == b[0].text for a, b in zip(batched, single))
        print(f"greedy outputs identical: {same}/{n}")


if __name__ == "__main__":
    main()
