"""Formatting helpers for the cards: every value that lands in a markdown table goes through :func:`cell`."""

from __future__ import annotations

import re
from typing import Any, Optional


def cell(value: Any) -> str:
    """A value as one markdown table cell (pipes escaped, one line)."""
    if value is None:
        text = "-"
    elif isinstance(value, bool):
        text = str(value).lower()
    elif isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, (list, tuple)):
        text = ", ".join(str(v) for v in value) if value else "-"
    elif isinstance(value, dict):
        text = ", ".join(f"{k}={v}" for k, v in value.items()) if value else "-"
    else:
        text = str(value)
    return " ".join(text.replace("|", "\\|").split())


def fence_for(text: str) -> str:
    """A backtick fence longer than any backtick run inside ``text`` (so code cannot break out)."""
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def truncate(text: Optional[str], limit: int) -> str:
    text = (text or "").rstrip()
    return text if len(text) <= limit else text[:limit].rstrip() + "\n..."


def duration(seconds: Optional[float]) -> str:
    if seconds is None:
        return "not recorded"
    seconds = float(seconds)
    if seconds < 120:
        return f"{seconds:.1f} s"
    minutes, sec = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if hours else f"{minutes} min {sec} s"


def size_category(rows: int) -> str:
    """The Hub's ``size_categories`` bucket for a row count."""
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"), (1_000_000, "100K<n<1M"),
              (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M"), (1_000_000_000, "100M<n<1B")]
    for bound, name in bounds:
        if rows < bound:
            return name
    return "n>1T" if rows >= 10**12 else "1B<n<10B"


def hub_link(repo_id: str, repo_type: str) -> str:
    """A link relative to whatever Hub hosts the card (huggingface.co or a mirror)."""
    return f"/datasets/{repo_id}" if repo_type == "dataset" else f"/{repo_id}"
