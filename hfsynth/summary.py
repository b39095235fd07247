"""The end-of-run summary: what ran, what was skipped, where things are, the headline figures."""

import json
from typing import Sequence

from rich.console import Console
from rich.table import Table

from hfsynth.run import RunDir, StageResult


def headline_metrics(run_dir: RunDir) -> dict:
    """A few figures from metrics.json (whatever of them exists)."""
    try:
        metrics = json.loads(run_dir.metrics.read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    return metrics.get("headline", {})


def print_summary(run_dir: RunDir, results: Sequence[StageResult]) -> None:
    console = Console(stderr=False)
    table = Table(title=f"hfsynth: {run_dir.recipe.name}", show_lines=False)
    table.add_column("stage")
    table.add_column("status")
    table.add_column("seconds", justify="right")
    for r in results:
        table.add_row(r.name, r.status, f"{r.seconds:.1f}" if r.status == "ran" else "-")
    console.print(table)
    console.print(f"run directory: {run_dir.path}")
    for key, value in headline_metrics(run_dir).items():
        console.print(f"  {key}: {value}")
    published = run_dir.read_manifest().get("stages", {}).get("publish", {})
    for key in ("model_url", "dataset_url"):
        if published.get(key):
            console.print(f"  {key.replace('_', ' ')}: {published[key]}")
    if (run_dir.hub).exists() and not published.get("model_url"):
        console.print(f"  hub export (not pushed): {run_dir.hub}")
