"""The data-value table: every student's figures per seed -> mean and spread per student, and a plain
sentence per figure comparing each student with the seed-only baseline.

Spread is the half-range over seeds (a student's figures lie within mean ± spread). A difference
``X`` between two students is reported as ``X ± Y`` with ``Y`` the sum of their spreads; it is
called measurable only when ``|X| > Y`` (their ranges do not overlap) and at least two seeds ran:
with one seed there is no spread to judge a difference against.
"""

from __future__ import annotations

import math
from typing import Dict, List, Optional, Sequence

# figure key -> (words for the sentence, unit, True when lower is better)
FIGURES = {
    "heldout_seed_loss": ("held-out seed loss", "nats/token", True),
    "heldout_seed_perplexity": ("held-out seed perplexity", "", True),
    "synthetic_test_loss": ("loss on the synthetic test split", "nats/token", True),
}
SENTENCE_SKIPS = ("heldout_seed_perplexity",)  # a function of the loss: one sentence is enough
BASELINE = "seed"


def figure_words(key: str):
    if key.startswith("humaneval_pass@"):
        return f"HumanEval {key.split('_', 1)[1]}", "", False
    return FIGURES.get(key, (key.replace("_", " "), "", True))


def summarise(values: Sequence[Optional[float]]) -> Dict[str, object]:
    """Mean, min, max, half-range spread and standard deviation of one figure over seeds (nulls dropped)."""
    kept = [float(v) for v in values if v is not None and math.isfinite(float(v))]
    if not kept:
        return {"mean": None, "spread": None, "min": None, "max": None, "std": None, "values": list(values), "seeds_scored": 0}
    mean = sum(kept) / len(kept)
    std = math.sqrt(sum((v - mean) ** 2 for v in kept) / (len(kept) - 1)) if len(kept) > 1 else None
    return {
        "mean": mean, "spread": (max(kept) - min(kept)) / 2, "min": min(kept), "max": max(kept), "std": std,
        "values": list(values), "seeds_scored": len(kept),
    }


def student_rows(runs: List[Dict]) -> List[Dict]:
    """One row per student kind (in the order first seen): what it trained on, its budget, and each figure
    summarised over its seeds, with the sample size the figure was computed on."""
    kinds: Dict[str, List[Dict]] = {}
    for run in runs:
        kinds.setdefault(run["kind"], []).append(run)
    rows = []
    for kind, seeded in kinds.items():
        first = seeded[0]
        keys = list(dict.fromkeys(k for run in seeded for k in run["figures"]))
        figures = {}
        for key in keys:
            per_seed = [run["figures"].get(key, {}) for run in seeded]
            figures[key] = {
                **summarise([f.get("value") for f in per_seed]),
                "sample_size": max((int(f.get("sample_size") or 0) for f in per_seed), default=0),
                "definition": next((f.get("definition") for f in per_seed if f.get("definition")), ""),
            }
        rows.append({
            "student": kind, "trained_on": first["trained_on"], "train_rows": first["train_rows"],
            "budget": first["budget"], "epochs": first.get("epochs"), "seeds": [run["seed"] for run in seeded], "figures": figures,
        })
    return rows


def fmt(value: Optional[float], digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def compare(row: Dict, baseline: Dict, key: str, budget: str) -> Optional[Dict[str, object]]:
    """The difference of one figure between a student and the baseline, and the sentence it supports."""
    mine, theirs = row["figures"].get(key), baseline["figures"].get(key)
    if not mine or not theirs or mine["mean"] is None or theirs["mean"] is None:
        return None
    words, unit, lower_better = figure_words(key)
    diff = mine["mean"] - theirs["mean"]
    spread = mine["spread"] + theirs["spread"]
    seeds = min(mine["seeds_scored"], theirs["seeds_scored"])
    measurable = seeds >= 2 and abs(diff) > spread
    unit_text = f" {unit}" if unit else ""
    what = f"the {row['student']} student's data" if row["student"] != "synthetic" else "the synthetic split"
    n = mine["sample_size"]
    unit = ("problem" if key.startswith("humaneval") else "row") + ("" if n == 1 else "s")
    sample = f"{n} {unit}"
    if measurable:
        better = (diff < 0) == lower_better
        verb = ("lowers" if diff < 0 else "raises")
        sentence = (
            f"On this budget ({budget}), {what} {verb} {words} by {fmt(abs(diff))} ± {fmt(spread)}{unit_text} "
            f"against the seed-only student ({sample}, {seeds} seeds): {'better' if better else 'worse'}."
        )
    else:
        why = "one seed, so no spread to judge it against" if seeds < 2 else f"the spread between seeds, ± {fmt(spread)}, covers it"
        sentence = (
            f"On this budget ({budget}), {what} has no measurable effect on {words} against the seed-only student "
            f"(difference {diff:+.3f}{unit_text}; {why}; {sample})."
        )
    return {
        "student": row["student"], "against": baseline["student"], "figure": key, "difference": diff, "spread": spread,
        "seeds": seeds, "measurable": measurable, "sentence": sentence,
    }


def comparisons(rows: List[Dict]) -> List[Dict]:
    """Every student but the baseline against the baseline, figure by figure."""
    baseline = next((r for r in rows if r["student"] == BASELINE), None)
    if baseline is None:
        return []
    out = []
    for row in rows:
        if row is baseline:
            continue
        for key in row["figures"]:
            if key in SENTENCE_SKIPS:
                continue
            found = compare(row, baseline, key, row["budget"])
            if found:
                out.append(found)
    return out


def data_value_section(runs: List[Dict], budget: Dict[str, object], definitions: Dict[str, str]) -> Dict[str, object]:
    """The ``data_value`` section of metrics.json (and students/data_value.json)."""
    rows = student_rows(runs)
    return {
        "budget": budget,
        "spread": "half the min-max range over seeds; a difference X ± Y sums the two students' spreads and is "
        "measurable only when |X| > Y with at least two seeds",
        "definitions": definitions,
        "students": rows,
        "comparisons": comparisons(rows),
        "runs": runs,
    }
