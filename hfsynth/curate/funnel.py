"""funnel.json: rows in and out of every curation step, so a reader sees where the data went;
rejected.jsonl: every removed row with the step that removed it and why."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Dict, List, Optional

from hfsynth.rundir import atomic_write_json, atomic_write_jsonl


class Funnel:
    """Steps in the order they ran; a switched-off step is not listed."""

    def __init__(self) -> None:
        self.steps: List[Dict[str, int | str]] = []
        self.reports: Dict[str, Dict] = {}  # step name -> details beyond counts (e.g. secrets found per kind)
        self.rejected: List[Dict[str, Optional[str]]] = []  # {id, split, step, reason} per removed row

    def reject(self, step: str, row: Dict, reason: str) -> None:
        self.rejected.append({"id": row.get("id"), "split": row.get("split"), "step": step, "reason": reason})

    def record_rows(self, name: str, before: List[Dict], after: List[Dict], reason: str) -> None:
        """A step given as its rows in and out: every row that went is rejected with ``reason``."""
        kept = {row.get("id") for row in after}
        for row in before:
            if row.get("id") not in kept:
                self.reject(name, row, reason)
        self.record(name, len(before), len(after))

    def apply(self, name: str, rows: List[Dict], check: Callable[[Dict], Optional[str]]) -> List[Dict]:
        """Run a per-row check (row -> None to keep, or the reason to remove) as one step."""
        kept: List[Dict] = []
        for row in rows:
            reason = check(row)
            if reason is None:
                kept.append(row)
            else:
                self.reject(name, row, reason)
        self.record(name, len(rows), len(kept))
        return kept

    def record(self, name: str, rows_in: int, rows_out: int) -> None:
        if rows_out > rows_in:
            raise ValueError(f"funnel step {name}: {rows_out} rows out of {rows_in} in")
        self.steps.append({"name": name, "rows_in": rows_in, "rows_out": rows_out, "removed": rows_in - rows_out})

    def to_dict(self, splits: Dict[str, int], failures: Dict[str, int]) -> Dict:
        """The funnel.json shape (read by evaluate and the dataset card): {"steps": [...], "splits": {split: rows},
        "failures": {status: count}, "reasons": {step: {reason kind: rows}}}."""
        return {"steps": list(self.steps), "splits": dict(splits), "failures": dict(failures), "reasons": self.rejected_by_step(), **self.reports}

    def rejected_by_step(self) -> Dict[str, Dict[str, int]]:
        """{step: {reason kind: rows}}, the reason kind being the reason up to its first ':' or '('."""
        out: Dict[str, Dict[str, int]] = {}
        for record in self.rejected:
            kind = str(record["reason"]).split(":", 1)[0].split(" (", 1)[0].strip()
            counts = out.setdefault(str(record["step"]), {})
            counts[kind] = counts.get(kind, 0) + 1
        return out

    def write(self, path: Path, splits: Dict[str, int], failures: Dict[str, int]) -> None:
        atomic_write_json(path, self.to_dict(splits, failures))

    def write_rejected(self, path: Path) -> None:
        atomic_write_jsonl(path, self.rejected)
