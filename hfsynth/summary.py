"""The end-of-run summary: what ran, what was skipped, where things are, the headline figures."""

from typing import Sequence

from rich.console import Console
from rich.table import Table

from hfsynth.context import StageResult
from hfsynth.rundir import RunDir, read_json


def headline_metrics(run_dir: RunDir) -> dict:
    """A few figures from metrics.json (whatever of them exists)."""
    metrics = read_json(run_dir.metrics, default={})
    return metrics.get("headline", {}) if isinstance(metrics, dict) else {}


def data_value_sentences(run_dir: RunDir) -> list:
    """The students' sentences from metrics.json's ``data_value`` section ([] when the students did not run)."""
    metrics = read_json(run_dir.metrics, default={})
    section = metrics.get("data_value") if isinstance(metrics, dict) else None
    found = section.get("comparisons") if isinstance(section, dict) else None
    return [c["sentence"] for c in found or [] if isinstance(c, dict) and isinstance(c.get("sentence"), str)]


def print_summary(recipe, run_dir: RunDir, results: Sequence[StageResult]) -> None:
    console = Console(stderr=False)
    table = Table(title=f"hfsynth: {recipe.name}", show_lines=False)
    table.add_column("stage")
    table.add_column("status")
    table.add_column("seconds", justify="right")
    for r in results:
        table.add_row(r.name, r.status, f"{r.seconds:.1f}" if r.status == "ran" else "-")
    console.print(table)
    console.print(f"run directory: {run_dir.path}")
    for key, value in headline_metrics(run_dir).items():
        console.print(f"  {key}: {value}")
    for sentence in data_value_sentences(run_dir):
        console.print(f"  data value: {sentence}", soft_wrap=True)
    published = run_dir.stage_record("publish")
    for key in ("model_url", "dataset_url"):
        if published.get(key):
            console.print(f"  {key.replace('_', ' ')}: {published[key]}")
    if run_dir.hub.exists() and not published.get("model_url"):
        console.print(f"  hub export (not pushed): {run_dir.hub}")
