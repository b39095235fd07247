"""metrics.json: every figure with its definition, sample size, seed and group, plus a headline.

Shape (read by the summary, the cards and `hfsynth pull`)::

    {"hfsynth_version": str,
     "figures": {"<key>": {"value": float|int|null, "definition": str, "sample_size": int, "seed": int|null, "group": str}},
     "headline": {"<key>": value},
     "data_value": {...}}   # only when the students stage ran: hfsynth.students.table documents its shape
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Dict, Iterable, Optional

from hfsynth import __version__
from hfsynth.rundir import atomic_write_json

# Shown at the end of a run and at the top of the cards, when present.
HEADLINE = (
    "humaneval_pass@1_base",
    "humaneval_pass@1_tuned",
    "perplexity_base",
    "perplexity_tuned",
    "rows_curated",
    "exec_pass_rate",
    "validity_rate",
    "distinct_2",
    "self_bleu",
    "eval_loss",
    "train_loss",
)


def clean_value(value) -> Optional[float | int]:
    """A JSON-safe number: numpy scalars unwrapped, NaN/inf and non-numbers become null."""
    if value is None or isinstance(value, bool):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    return None


class MetricsReport:
    """Figures collected by the evaluate stage (or `hfsynth metrics`), in the order added."""

    def __init__(self) -> None:
        self.figures: Dict[str, Dict[str, object]] = {}

    def add(self, key: str, value, definition: str, sample_size: Optional[int], seed: Optional[int] = None, group: str = "") -> None:
        if key in self.figures:
            raise ValueError(f"figure {key!r} added twice")
        self.figures[key] = {
            "value": clean_value(value),
            "definition": definition,
            "sample_size": int(sample_size or 0),
            "seed": seed,
            "group": group,
        }

    def extend(self, figures: Dict[str, Dict[str, object]], group: str, prefix: str = "") -> None:
        """Figures as ``{key: {value, definition, sample_size, seed}}`` (what the metric modules return)."""
        for key, fig in figures.items():
            self.add(prefix + key, fig.get("value"), str(fig["definition"]), fig.get("sample_size"), fig.get("seed"), group)

    def headline(self, keys: Iterable[str] = HEADLINE) -> Dict[str, object]:
        out = {}
        for key in keys:
            value = self.figures.get(key, {}).get("value")
            if value is not None:
                out[key] = round(value, 4) if isinstance(value, float) else value
        return out

    def to_dict(self) -> Dict[str, object]:
        return {"hfsynth_version": __version__, "figures": dict(self.figures), "headline": self.headline()}

    def write(self, path: Path, sections: Optional[Dict[str, object]] = None) -> None:
        """metrics.json; ``sections`` are whole sections of their own (``data_value``) added beside the figures."""
        atomic_write_json(Path(path), {**self.to_dict(), **(sections or {})})
