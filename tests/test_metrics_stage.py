"""`hfsynth evaluate` on a run directory built from real parts (tiny model, a real LoRA adapter,
curated parquet splits, funnel.json, trainer_log.jsonl) -> metrics.json in the shape hfsynth.metrics.report documents."""

from __future__ import annotations

import json

import pytest
from helpers import run_cli_in_process

from hfsynth.metrics.report import MetricsReport
from hfsynth.metrics.training import training_figures


def _row(i: int, split: str, status: str) -> dict:
    code = f"def scale_{i}(values):\n    return [v * {i} for v in values]\n"
    return {
        "id": f"{split}-{i:04d}", "split": split, "strategy": "oss_instruct", "seed_id": None,
        "prompt": [{"role": "user", "content": f"Write a function that scales a list by {i}."}],
        "instruction": f"Write a function that scales a list by {i}.", "response": f"```python\n{code}```",
        "code": code, "tests": f"assert scale_{i}([1]) == [{i}]", "language": "python", "status": "ok", "error": None,
        "exec_status": status, "exec_detail": "",
    }


@pytest.fixture
def run_dir_ready(tiny_recipe, tiny_model_dir, write_recipe, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    run = tmp_path / "run"
    (run / "data").mkdir(parents=True)
    statuses = ["passed", "passed", "failed", "no_tests", "passed", "timeout"]
    train = [_row(i, "train", s) for i, s in enumerate(statuses)]
    test = [_row(10 + i, "test", "passed") for i in range(2)]
    pq.write_table(pa.Table.from_pylist(train), run / "data" / "train.parquet")
    pq.write_table(pa.Table.from_pylist(test), run / "data" / "test.parquet")
    funnel = {
        "steps": [
            {"name": "generation", "rows_in": 12, "rows_out": 11, "removed": 1},
            {"name": "validity", "rows_in": 11, "rows_out": 10, "removed": 1},
            {"name": "execute", "rows_in": 8, "rows_out": 8, "removed": 0},
        ],
        "splits": {"train": 6, "test": 2},
        "failures": {"error": 1},
    }
    (run / "funnel.json").write_text(json.dumps(funnel))
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(tiny_model_dir), LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False))
    model.save_pretrained(run / "adapter")
    log = [{"step": 1, "loss": 2.5, "learning_rate": 1e-4, "epoch": 0.5}, {"step": 2, "loss": 2.1, "epoch": 1.0}, {"step": 2, "eval_loss": 2.3}, {"step": 2, "train_loss": 2.3, "train_runtime": 1.0}]
    (run / "adapter" / "trainer_log.jsonl").write_text("".join(json.dumps(r) + "\n" for r in log))
    tiny_recipe["curate"] = {"execution": {"mode": "mark"}}
    tiny_recipe["metrics"] = {
        "seed": 3,
        "humaneval": {"limit": 2, "n_samples": 2, "k": [1, 2], "temperature": 0.8, "max_new_tokens": 8},
        "perplexity": {"max_rows": 5, "batch_size": 2},
        "diversity": {"sample_size": 4},
    }
    from hfsynth.recipe import validate_recipe

    (run / "recipe.yaml").write_text(validate_recipe(tiny_recipe).to_yaml())  # what `hfsynth run` leaves in a run directory
    return write_recipe(tiny_recipe), run


def test_evaluate_writes_metrics_json(run_dir_ready, capsys):
    recipe_path, run = run_dir_ready
    done = run_cli_in_process(["evaluate", recipe_path], capsys)
    assert done.returncode == 0, done.stderr[-3000:]
    metrics = json.loads((run / "metrics.json").read_text())
    assert set(metrics) == {"hfsynth_version", "figures", "headline"}
    figures = metrics["figures"]
    for key, fig in figures.items():
        assert set(fig) == {"value", "definition", "sample_size", "seed", "group"}, key
        assert fig["definition"] and fig["group"] and isinstance(fig["sample_size"], int), key
        assert fig["value"] is None or isinstance(fig["value"], (int, float)), key
    for key in ("humaneval_pass@1_base", "humaneval_pass@2_tuned", "perplexity_base", "perplexity_tuned", "distinct_1", "distinct_2",
                "distinct_3", "self_bleu", "near_duplicate_ratio", "ast_shape_ratio", "validity_rate", "exec_pass_rate",
                "train_loss", "eval_loss", "funnel_validity_rows_out", "rows_curated"):
        assert key in figures, key
    assert figures["humaneval_pass@1_tuned"]["sample_size"] == 2 and figures["humaneval_pass@1_tuned"]["seed"] == 3
    assert 0 <= figures["humaneval_pass@1_base"]["value"] <= 1
    assert figures["perplexity_base"]["value"] > 1 and figures["perplexity_base"]["value"] != figures["perplexity_tuned"]["value"]
    assert figures["perplexity_base"]["sample_size"] == 5
    assert figures["exec_pass_rate"]["value"] == pytest.approx(5 / 7) and figures["exec_pass_rate"]["sample_size"] == 7
    assert figures["validity_rate"]["value"] == pytest.approx(10 / 11)
    assert figures["rows_curated"]["value"] == 8 and figures["self_bleu"]["sample_size"] == 4
    assert (figures["train_loss"]["value"], figures["eval_loss"]["value"]) == (2.1, 2.3)
    assert "sandbox" in figures["humaneval_pass@1_base"]["definition"]
    assert metrics["headline"]["rows_curated"] == 8 and "perplexity_tuned" in metrics["headline"]
    samples = [json.loads(line) for line in (run / "humaneval" / "tuned.jsonl").read_text().splitlines()]
    assert len(samples) == 4 and {"task_id", "completion", "passed", "result", "response"} <= set(samples[0])


def test_evaluate_without_curated_data_says_what_to_run(tiny_recipe, write_recipe, tmp_path, capsys):
    tiny_recipe["metrics"] = {"humaneval": {"enabled": False}, "perplexity": {"enabled": False}}
    done = run_cli_in_process(["evaluate", write_recipe(tiny_recipe)], capsys)
    assert done.returncode == 2 and "hfsynth curate" in done.stderr and "Traceback" not in done.stderr


def test_recipe_refuses_k_above_n(tiny_recipe, write_recipe, capsys):
    tiny_recipe["metrics"] = {"humaneval": {"k": [1, 10], "n_samples": 4, "temperature": 0.8}}
    done = run_cli_in_process(["validate", write_recipe(tiny_recipe)], capsys)
    assert done.returncode == 2 and "metrics.humaneval" in done.stderr and "n_samples >= 10" in done.stderr


def test_training_figures_without_a_log(tmp_path):
    figures = training_figures(tmp_path / "adapter" / "trainer_log.jsonl")
    assert all(f["value"] is None for f in figures.values()) and "no training was logged" in figures["train_loss"]["definition"]


def test_report_cleans_values_and_refuses_duplicates(tmp_path):
    import numpy as np

    report = MetricsReport()
    report.add("a", np.float32(0.5), "half", 10, 0, "g")
    report.add("b", float("nan"), "undefined", 0, None, "g")
    with pytest.raises(ValueError):
        report.add("a", 1, "again", 1)
    report.write(tmp_path / "metrics.json")
    data = json.loads((tmp_path / "metrics.json").read_text())
    assert data["figures"]["a"]["value"] == 0.5 and data["figures"]["b"]["value"] is None
