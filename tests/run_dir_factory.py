"""A realistic finished run directory, built without running train/generate/curate/evaluate.

The publish tests need what those stages leave behind (see the run-directory table in README.md): a real PEFT
adapter on the tiny model (with non-zero LoRA weights, so the adapter changes the logits), curated
parquet splits following the row schema, funnel.json, decontamination.jsonl, metrics.json,
trainer_log.jsonl and a manifest whose upstream stages are done. The artifacts are built once per
session and copied per test.

Import the fixtures into a test module: ``from run_dir_factory import make_run_dir, run_dir_template  # noqa: F401``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest
import yaml

SPLITS = {"train": 12, "test": 4}
STRATEGIES = ("template", "self_instruct", "oss_instruct", "evol_instruct")


def synthetic_rows(split: str, count: int, offset: int = 0) -> List[Dict[str, Any]]:
    """Rows with every column of the row schema (plus curation's exec_status), deterministic."""
    rows = []
    for i in range(count):
        n = offset + i
        strategy = STRATEGIES[n % len(STRATEGIES)]
        name = f"func_{n}"
        code = f"def {name}(values):\n    \"\"\"Return the values above {n}.\"\"\"\n    return [v for v in values if v > {n}]\n"
        tests = f"assert {name}([{n}, {n + 1}]) == [{n + 1}]\n"
        instruction = f"Write a Python function `{name}` that keeps the values greater than {n} (strategy {strategy})."
        rows.append({
            "id": f"{strategy}-{split}-{n:05d}", "split": split, "strategy": strategy, "seed_id": f"seed-{n % 5}",
            "prompt": [{"role": "system", "content": "You write correct, tested Python."}, {"role": "user", "content": instruction}],
            "instruction": instruction, "response": f"```python\n{code}```\n\n```python\n{tests}```\n", "code": code, "tests": tests,
            "language": "python", "temperature": 0.7, "top_p": 0.95, "max_new_tokens": 64, "sampling_seed": 1234 + n,
            "base_model": "tiny-llama", "base_revision": None, "adapter_fingerprint": "a1b2c3d4e5f60718", "finish_reason": "stop",
            "prompt_tokens": 30 + n % 7, "completion_tokens": 40 + (n * 7) % 23, "status": "ok", "error": None, "exec_status": "passed",
        })
    return rows


def recipe_dict(tiny_model_dir: Path, run_path: Path, hub: Optional[Dict[str, Any]] = None, name: str = "tiny") -> Dict[str, Any]:
    return {
        "name": name,
        "output_dir": str(run_path),
        "seed": {"python_source": "stdlib", "max_samples": 24, "eval_size": 4},
        "model": {"name_or_path": str(tiny_model_dir)},
        "quantization": {"load_in_4bit": False},
        "lora": {"r": 4, "lora_alpha": 8, "target_modules": ["q_proj", "v_proj"]},
        "train": {"max_steps": 3, "per_device_train_batch_size": 2, "max_length": 128, "logging_steps": 1, "save_steps": 1},
        "generate": {"num_samples": 16, "batch_size": 4, "max_new_tokens": 64},
        "hub": hub or {},
    }


def write_adapter(adapter_dir: Path, tiny_model_dir: Path) -> None:
    """A real LoRA adapter on the tiny model, with random (non-zero) B matrices."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.manual_seed(7)
    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    peft_model = get_peft_model(model, LoraConfig(r=4, lora_alpha=8, lora_dropout=0.0, target_modules=["q_proj", "v_proj"], task_type="CAUSAL_LM"))
    with torch.no_grad():
        for pname, param in peft_model.named_parameters():
            if "lora_B" in pname:
                param.normal_(0, 0.5)
    peft_model.save_pretrained(adapter_dir)
    AutoTokenizer.from_pretrained(tiny_model_dir).save_pretrained(adapter_dir)
    log = [{"step": s, "loss": round(3.2 - 0.4 * s, 4), "learning_rate": 2e-4, "epoch": s / 3} for s in (1, 2, 3)]
    log.append({"step": 3, "eval_loss": 2.61, "epoch": 1.0})
    (adapter_dir / "trainer_log.jsonl").write_text("".join(json.dumps(r) + "\n" for r in log))


def write_data(run_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    (run_path / "data").mkdir(parents=True, exist_ok=True)
    offset = 0
    for split, count in SPLITS.items():
        pq.write_table(pa.Table.from_pylist(synthetic_rows(split, count, offset)), run_path / "data" / f"{split}.parquet")
        offset += count
    kept = sum(SPLITS.values())
    steps = [("extract", 24, 23), ("length", 23, 22), ("validity", 22, 21), ("static_analysis", 21, 21), ("exact_dedup", 21, 20), ("near_dedup", 20, 19), ("decontaminate", 19, 17), ("execute", 17, kept), ("secrets", kept, kept)]
    funnel = {
        "steps": [{"name": n, "rows_in": a, "rows_out": b, "removed": a - b} for n, a, b in steps],
        "splits": dict(SPLITS), "failures": {"parse_error": 1, "error": 0},
        "reasons": {"validity": {"SyntaxError": 1}, "extract": {"no code in a kept language": 1}, "decontaminate": {"benchmark contamination": 2}},
        "secrets": {"policy": "redact", "rows_with_findings": 2, "findings": {"email": 1, "hf_token": 1}, "first_ids": ["template-train-00003", "evol_instruct-train-00007"]},
    }
    (run_path / "funnel.json").write_text(json.dumps(funnel, indent=2))
    decontam = [
        {"id": "oss_instruct-train-00090", "split": "train", "benchmark": "humaneval", "task_id": "HumanEval/0", "match_ratio": 0.83, "ngram": "for idx elem in enumerate numbers for idx2 elem2 in enumerate"},
        {"id": "template-test-00091", "split": "test", "benchmark": "humaneval", "task_id": "HumanEval/12", "match_ratio": 0.71, "ngram": "if not strings return none maxlen max len x for x"},
    ]
    (run_path / "decontamination.jsonl").write_text("".join(json.dumps(r) + "\n" for r in decontam))


def write_metrics(run_path: Path) -> None:
    def fig(value, definition, sample_size, group, seed=0):
        return {"value": value, "definition": definition, "sample_size": sample_size, "seed": seed, "group": group}

    figures = {  # the keys and groups hfsynth.metrics writes
        "humaneval_pass@1_base": fig(0.0625, "HumanEval pass@1 of the base model: unbiased estimator over 8 problems x 1 samples", 8, "humaneval"),
        "humaneval_pass@1_tuned": fig(0.125, "HumanEval pass@1 of the tuned model (base + the run's adapter), same harness", 8, "humaneval"),
        "eval_loss": fig(2.61, "loss on the held-out seed split at the last evaluation; sample_size = the step it was computed at", 3, "training", None),
        "train_loss": fig(2.0, "training loss at the last logged optimizer step; sample_size = that step", 3, "training", None),
        "perplexity_tuned": fig(11.4, "perplexity of the curated responses given their prompts under the tuned model", 16, "perplexity"),
        "distinct_2": fig(0.41, "distinct bigrams / all bigrams over the code column", 16, "diversity"),
        "self_bleu": fig(0.22, "mean self-BLEU (sacrebleu) over a fixed-seed sample", 16, "diversity"),
        "validity_rate": fig(0.95, "share of rows whose code parses with ast.parse", 22, "validity", None),
        "exec_pass_rate": fig(0.9, "share of rows whose own tests pass in the sandbox", 17, "execution", None),
        "near_duplicate_ratio": fig(None, "share of rows in a MinHash-LSH cluster (not computed in this run)", 0, "diversity"),
    }
    metrics = {"hfsynth_version": "0.1.0", "figures": figures, "headline": {"humaneval_pass@1_base": 0.0625, "humaneval_pass@1_tuned": 0.125, "exec_pass_rate": 0.9, "distinct_2": 0.41}}
    (run_path / "metrics.json").write_text(json.dumps(metrics, indent=2))


def build_artifacts(run_path: Path, tiny_model_dir: Path) -> Path:
    run_path.mkdir(parents=True, exist_ok=True)
    write_adapter(run_path / "adapter", tiny_model_dir)
    write_data(run_path)
    write_metrics(run_path)
    return run_path


def finish_run_dir(recipe_path: Path):
    """Load the recipe, prepare its run directory and mark the upstream stages done."""
    from hfsynth.recipe import load_recipe
    from hfsynth.run import prepare, record_stage, resolve_run_dir

    recipe = load_recipe(recipe_path)
    run_dir = resolve_run_dir(recipe)
    prepare(recipe, run_dir)
    for stage, seconds in (("train", 42.5), ("generate", 12.0), ("curate", 3.1), ("evaluate", 8.4)):
        record_stage(recipe, run_dir, stage, status="done", fingerprint=f"fp-{stage}", seconds=seconds, world_size=1)
    return recipe, run_dir


@pytest.fixture(scope="session")
def run_dir_template(tiny_model_dir, tmp_path_factory) -> Path:
    """The stage outputs (adapter, data, funnel, metrics), built once per session."""
    return build_artifacts(tmp_path_factory.mktemp("run-template") / "run", tiny_model_dir)


def new_run_dir(template: Path, tiny_model_dir: Path, dest: Path, hub: Optional[Dict[str, Any]] = None, name: str = "tiny", **sections: Any) -> Tuple[Path, Any, Any]:
    """Copy the template artifacts to ``dest/run``, write ``dest/recipe.yaml`` for them -> (recipe path, Recipe, RunDir)."""
    run_path = dest / "run"
    shutil.copytree(template, run_path)
    data = recipe_dict(tiny_model_dir, run_path, hub, name)
    for key, value in sections.items():
        data[key] = {**data.get(key, {}), **value}
    recipe_path = dest / "recipe.yaml"
    recipe_path.write_text(yaml.safe_dump(data, sort_keys=False))
    recipe, run_dir = finish_run_dir(recipe_path)
    return recipe_path, recipe, run_dir


@pytest.fixture
def make_run_dir(run_dir_template, tiny_model_dir, tmp_path):
    """``make_run_dir(hub={...}, name="tiny", model={...})`` -> (recipe path, Recipe, RunDir), a fresh copy."""
    counter = {"n": 0}

    def _make(hub: Optional[Dict[str, Any]] = None, name: str = "tiny", **sections: Any) -> Tuple[Path, Any, Any]:
        counter["n"] += 1
        dest = tmp_path / f"case{counter['n']}"
        dest.mkdir()
        return new_run_dir(run_dir_template, tiny_model_dir, dest, hub, name, **sections)

    return _make
