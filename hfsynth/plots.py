"""The two PNG figures the cards embed: the training loss curve and the length distribution.

Rendered with matplotlib's Agg backend (no display needed) at a fixed size, without timestamps in
the PNG metadata, so re-rendering the same run gives the same bytes and a re-publish of unchanged
content makes no new Hub commit.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

PNG_METADATA = {"Software": None}  # matplotlib's version string would change the bytes on upgrade


def _pyplot():
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    return plt


def read_trainer_log(path: Path) -> List[dict]:
    """The logged training steps (one JSON object per line); unreadable lines are skipped."""
    rows = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return rows
    for line in lines:
        line = line.strip()
        if not line:
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(row, dict):
            rows.append(row)
    return rows


def loss_series(log: Sequence[dict], key: str) -> Tuple[List[float], List[float]]:
    """(steps, values) of one logged quantity, in step order."""
    points = sorted(
        (float(r["step"]), float(r[key]))
        for r in log
        if isinstance(r.get(key), (int, float)) and isinstance(r.get("step"), (int, float))
    )
    return [p[0] for p in points], [p[1] for p in points]


def training_loss_plot(log: Sequence[dict], out: Path, title: str = "Training loss") -> bool:
    """Write the loss (and eval loss, when logged) against the optimizer step; False if nothing was logged."""
    steps, loss = loss_series(log, "loss")
    eval_steps, eval_loss = loss_series(log, "eval_loss")
    if not steps and not eval_steps:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    if steps:
        ax.plot(steps, loss, marker="o" if len(steps) < 30 else None, markersize=3, linewidth=1.5, label="train loss")
    if eval_steps:
        ax.plot(eval_steps, eval_loss, marker="s", markersize=4, linewidth=1.5, label="eval loss")
    return _save(plt, fig, ax, "optimizer step", "loss", title, out)


def length_distribution_plot(lengths: Dict[str, Sequence[int]], out: Path, unit: str = "completion tokens") -> bool:
    """Histogram of response lengths, one series per split; False when there are no rows."""
    series = {name: [int(v) for v in values] for name, values in lengths.items() if len(values)}
    if not series:
        return False
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6, 3.5), dpi=100)
    everything = [v for values in series.values() for v in values]
    low, high = min(everything), max(everything)
    bins: Optional[List[float]] = None
    if high > low:
        width = (high - low) / 30
        bins = [low + i * width for i in range(31)]
    for name, values in series.items():
        ax.hist(values, bins=bins if bins else 10, alpha=0.6, label=f"{name} ({len(values)} rows)")
    return _save(plt, fig, ax, unit, "rows", "Response length distribution", out)


def _save(plt, fig, ax, xlabel: str, ylabel: str, title: str, out: Path) -> bool:
    """Label, grid and legend, then a reproducible PNG (fixed metadata) at ``out``."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title)
    ax.grid(True, alpha=0.3)
    ax.legend()
    fig.tight_layout()
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, format="png", metadata=PNG_METADATA)
    plt.close(fig)
    return True
