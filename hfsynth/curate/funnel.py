"""funnel.json: rows in and out of every curation step, so a reader sees where the data went."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

from hfsynth.rundir import atomic_write_json


class Funnel:
    """Steps in the order they ran; a switched-off step is not listed."""

    def __init__(self) -> None:
        self.steps: List[Dict[str, int | str]] = []
        self.reports: Dict[str, Dict] = {}  # step name -> details beyond counts (e.g. secrets found per kind)

    def record(self, name: str, rows_in: int, rows_out: int) -> None:
        if rows_out > rows_in:
            raise ValueError(f"funnel step {name}: {rows_out} rows out of {rows_in} in")
        self.steps.append({"name": name, "rows_in": rows_in, "rows_out": rows_out, "removed": rows_in - rows_out})

    def to_dict(self, splits: Dict[str, int], failures: Dict[str, int]) -> Dict:
        """The funnel.json shape (read by evaluate and the dataset card): {"steps": [...], "splits": {split: rows}, "failures": {status: count}}."""
        return {"steps": list(self.steps), "splits": dict(splits), "failures": dict(failures), **self.reports}

    def write(self, path: Path, splits: Dict[str, int], failures: Dict[str, int]) -> None:
        atomic_write_json(path, self.to_dict(splits, failures))
