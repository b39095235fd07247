"""Training figures from ``adapter/trainer_log.jsonl`` (the Trainer's ``log_history``, one JSON per line)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional

from hfsynth.plots import read_trainer_log


def _last(records: List[dict], key: str) -> Optional[dict]:
    return next((r for r in reversed(records) if isinstance(r.get(key), (int, float)) and not isinstance(r.get(key), bool)), None)


def training_figures(path: Path) -> Dict[str, Dict[str, object]]:
    """train_loss, train_loss_mean, eval_loss and train_steps, each None when the log lacks it.

    ``sample_size`` of these figures is the optimizer step they were logged at (the log holds no
    row counts); the definition says so.
    """
    records = read_trainer_log(path)
    steps = [int(r["step"]) for r in records if isinstance(r.get("step"), (int, float))]
    last_step = max(steps) if steps else 0
    source = f"from {Path(path).parent.name}/{Path(path).name}" + ("" if records else " (missing or empty: no training was logged)")
    loss = _last(records, "loss")
    mean = _last(records, "train_loss")
    evaluation = _last(records, "eval_loss")

    def step_of(record):
        return int(record.get("step", last_step)) if record else 0

    return {
        "train_loss": {
            "value": loss["loss"] if loss else None,
            "definition": f"training loss at the last logged optimizer step (mean over its logging window), {source}; sample_size = that step",
            "sample_size": step_of(loss),
            "seed": None,
        },
        "train_loss_mean": {
            "value": mean["train_loss"] if mean else None,
            "definition": f"mean training loss over the whole run as the Trainer reports it at the end, {source}; sample_size = steps run",
            "sample_size": step_of(mean),
            "seed": None,
        },
        "eval_loss": {
            "value": evaluation["eval_loss"] if evaluation else None,
            "definition": f"loss on the held-out seed split at the last evaluation, {source}"
            + ("" if evaluation else " (no evaluation was logged: train.eval_strategy 'no' or no eval split)")
            + "; sample_size = the step it was computed at",
            "sample_size": step_of(evaluation),
            "seed": None,
        },
        "train_steps": {
            "value": last_step if records else None,
            "definition": f"optimizer steps run (the largest step in the log), {source}",
            "sample_size": last_step,
            "seed": None,
        },
    }
