"""Training benchmark: hfsynth's train stage vs a plain TRL SFTTrainer script, and packing on vs off.

Same model, same seed rows, same SFT settings, one process. Prints tokens/s (non-padding tokens,
as TRL counts them) and peak RSS growth of each run, and the ratios:
  * hfsynth / plain TRL tokens/s   (target >= 0.95: hfsynth adds no overhead to the loop)
  * packing on / off tokens/s      (target >= 1.5 on seed rows of mixed lengths)

    python bench/training.py                          # SmolLM2-135M QLoRA on this CPU
    python bench/training.py --model /path/to/model --steps 6 --no-4bit
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from memory import peak_rss  # noqa: E402


def make_recipe(args, out: Path, packing: bool):
    from hfsynth.recipe import validate_recipe

    return validate_recipe(
        {
            "name": "bench-train",
            "output_dir": str(out),
            "seed": {"python_source": "stdlib", "min_statements": 1, "max_statements": 40, "max_samples": 600, "eval_size": 0},
            "model": {"name_or_path": args.model},
            "quantization": {"load_in_4bit": args.four_bit},
            "lora": {"r": 16, "lora_alpha": 32},
            "train": {
                "max_steps": args.steps,
                "per_device_train_batch_size": args.batch,
                "max_length": args.max_length,
                "packing": packing,
                **({"packing_strategy": args.packing_strategy} if packing and args.packing_strategy else {}),
                "logging_steps": 1,
                "save_steps": 10_000,
                "warmup_steps": 0,
            },
        }
    )


def length_profile(recipe, batch: int) -> str:
    """How mixed the seed lengths are, and the padding an unpacked random batch carries (packing's ceiling)."""
    import random

    from transformers import AutoTokenizer

    from hfsynth.data import load_seed
    from hfsynth.models.resolve import resolve_recipe_model

    tokenizer = AutoTokenizer.from_pretrained(resolve_recipe_model(recipe).path)
    cap = recipe.train.max_length
    lengths = sorted(
        min(len(tokenizer.apply_chat_template(row["messages"], tokenize=True)["input_ids"]), cap)
        for row in load_seed(recipe)["train"]
    )
    rng = random.Random(0)
    padded = statistics.mean(max(rng.sample(lengths, batch)) for _ in range(5000))
    deciles = [lengths[int(q * (len(lengths) - 1))] for q in (0.1, 0.5, 0.9)]
    return (f"seed rows: {len(lengths)}, tokens p10/p50/p90 {deciles[0]}/{deciles[1]}/{deciles[2]} (cut at {cap}); "
            f"an unpacked batch of {batch} computes {padded / statistics.mean(lengths):.2f}x its real tokens")


def throughput(log_history) -> float:
    tokens = max(e["num_tokens"] for e in log_history if "num_tokens" in e)
    runtime = next(e["train_runtime"] for e in log_history if "train_runtime" in e)
    return tokens / runtime


def run_hfsynth(recipe):
    from hfsynth.run import resolve_run_dir, run_stages

    run_dir = resolve_run_dir(recipe)
    stats = {}
    with peak_rss(stats):
        run_stages(["train"], recipe, run_dir, force=True)
    log = [json.loads(l) for l in run_dir.trainer_log.read_text().splitlines()]
    return throughput(log), stats["peak_delta_mb"]


def run_plain_trl(recipe, out: Path):
    """What a user writes by hand from the TRL docs: the same model, data and settings."""
    import torch
    from peft import LoraConfig
    from transformers import AutoModelForCausalLM, AutoTokenizer, BitsAndBytesConfig
    from trl import SFTConfig, SFTTrainer

    from hfsynth.data import load_seed
    from hfsynth.models.resolve import resolve_recipe_model

    path = resolve_recipe_model(recipe).path
    data = load_seed(recipe)["train"]
    stats = {}
    with peak_rss(stats):
        quant = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                                   bnb_4bit_compute_dtype=torch.float32) if recipe.quantization.load_in_4bit else None
        model = AutoModelForCausalLM.from_pretrained(path, dtype=torch.float32, quantization_config=quant)
        tokenizer = AutoTokenizer.from_pretrained(path)
        t = recipe.train
        config = SFTConfig(
            output_dir=str(out), max_steps=t.max_steps, per_device_train_batch_size=t.per_device_train_batch_size,
            max_length=t.max_length, packing=t.packing, learning_rate=t.learning_rate, lr_scheduler_type=t.lr_scheduler_type,
            logging_steps=1, save_strategy="no", report_to="none", bf16=False, use_cpu=not torch.cuda.is_available(),
            gradient_checkpointing=True, seed=t.seed,
        )
        lora = LoraConfig(r=recipe.lora.r, lora_alpha=recipe.lora.lora_alpha, lora_dropout=recipe.lora.lora_dropout,
                          target_modules="all-linear", task_type="CAUSAL_LM")
        trainer = SFTTrainer(model=model, args=config, train_dataset=data, processing_class=tokenizer, peft_config=lora)
        trainer.train()
    return throughput(trainer.state.log_history), stats["peak_delta_mb"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", default="builtin:smollm2-135m-instruct")
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--max-length", type=int, default=1024, help="default: the recipe default (train.max_length)")
    parser.add_argument("--no-4bit", dest="four_bit", action="store_false")
    parser.add_argument("--skip-baseline", action="store_true", help="only packing on vs off")
    parser.add_argument("--repeats", type=int, default=1, help="run every side this many times, alternating; report medians")
    parser.add_argument("--packing-strategy", help="TRL packing_strategy for the packed run (bfd, wrapped, ...); default TRL's")
    args = parser.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    runs = {name: [] for name in ("plain TRL", "hfsynth", "hfsynth + packing")}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for i in range(args.repeats):  # alternated, so drift on a shared machine hits every side alike
            if not args.skip_baseline:
                runs["plain TRL"].append(run_plain_trl(make_recipe(args, tmp / f"trl{i}", packing=False), tmp / f"trl-out{i}"))
            runs["hfsynth"].append(run_hfsynth(make_recipe(args, tmp / f"hfsynth{i}", packing=False)))
            runs["hfsynth + packing"].append(run_hfsynth(make_recipe(args, tmp / f"packed{i}", packing=True)))
    # the median run of each side (tokens/s and memory taken separately)
    results = {
        name: (statistics.median(t for t, _ in found), statistics.median(m for _, m in found))
        for name, found in runs.items()
        if found
    }
    if args.repeats > 1:
        for name, found in runs.items():
            if found:
                print(f"{name:>20} runs: " + ", ".join(f"{t:.1f}" for t, _ in found) + " tokens/s")

    print(f"\nmodel={args.model} 4bit={args.four_bit} steps={args.steps} batch={args.batch} max_length={args.max_length} repeats={args.repeats}")
    print(length_profile(make_recipe(args, Path(tempfile.gettempdir()) / "bench-profile", packing=False), args.batch))
    for name, (tps, mem) in results.items():
        print(f"{name:>20}: {tps:8.1f} tokens/s   peak RSS +{mem:7.1f} MB")
    if "plain TRL" in results:
        print(f"hfsynth / plain TRL tokens/s: {results['hfsynth'][0] / results['plain TRL'][0]:.2f}x (target >= 0.95)")
        print(f"hfsynth / plain TRL peak memory: {results['hfsynth'][1] / max(results['plain TRL'][1], 1e-9):.2f}x")
    print(f"packing on / off tokens/s: {results['hfsynth + packing'][0] / results['hfsynth'][0]:.2f}x (target >= 1.5)")


if __name__ == "__main__":
    main()
