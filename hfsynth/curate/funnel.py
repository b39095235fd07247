"""funnel.json: rows in and out of every curation step, so a reader sees where the data went;
rejected.jsonl: every removed row with the step that removed it and why.

Curation runs batch by batch, in worker processes: each batch keeps its own small Funnel (rejected
rows in memory) and the stage merges them into one whose rejected rows go to a spool file per step
on disk, so millions of removed rows never sit in memory. rejected.jsonl lists them step by step,
in the order the steps ran, each step's rows in input order.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable, Dict, IO, List, Optional, Tuple

from hfsynth.rundir import atomic_write_json, atomic_write_with


def reason_kind(reason: str) -> str:
    """The reason up to its first ':' or ' (': what funnel.json counts."""
    return str(reason).split(":", 1)[0].split(" (", 1)[0].strip()


class Funnel:
    """Steps in the order they ran; a switched-off step is not listed."""

    def __init__(self, spool: Optional[Path] = None) -> None:
        self.counts: Dict[str, List[int]] = {}  # step -> [rows in, rows out], summed over batches
        self.reports: Dict[str, Dict] = {}  # step name -> details beyond counts (e.g. secrets found per kind)
        self.reasons: Dict[str, Dict[str, int]] = {}  # step -> {reason kind: rows}
        self.rejected: List[Dict[str, Optional[str]]] = []  # {id, split, step, reason} per removed row (no spool)
        self._spool = Path(spool) if spool is not None else None
        self._files: Dict[str, IO[str]] = {}

    def reject(self, step: str, row: Dict, reason: str) -> None:
        self.add_rejected({"id": row.get("id"), "split": row.get("split"), "step": step, "reason": reason})

    def add_rejected(self, record: Dict[str, Optional[str]]) -> None:
        step = str(record["step"])
        counts = self.reasons.setdefault(step, {})
        kind = reason_kind(str(record["reason"]))
        counts[kind] = counts.get(kind, 0) + 1
        if self._spool is None:
            self.rejected.append(record)
            return
        spool = self._files.get(step)
        if spool is None:
            self._spool.mkdir(parents=True, exist_ok=True)
            spool = self._files[step] = open(self._spool / f"rejected-{len(self._files):02d}.jsonl", "w", encoding="utf-8")
        spool.write(json.dumps(record, ensure_ascii=False) + "\n")

    def record_rows(self, name: str, before: List[Dict], after: List[Dict], reason: str) -> None:
        """A step given as its rows in and out: every row that went is rejected with ``reason``."""
        kept = {row.get("id") for row in after}
        for row in before:
            if row.get("id") not in kept:
                self.reject(name, row, reason)
        self.record(name, len(before), len(after))

    def apply(self, name: str, rows: List[Dict], check: Callable[[Dict], Optional[str]]) -> List[Dict]:
        """Run a per-row check (row -> None to keep, or the reason to remove) as one step."""
        return self.apply_in_turn([(name, check)], rows)

    def apply_in_turn(self, checks: List[Tuple[str, Callable[[Dict], Optional[str]]]], rows: List[Dict]) -> List[Dict]:
        """Run several per-row checks as consecutive steps, row by row: each row meets the checks in order until
        one removes it. The counts and reasons are those of :meth:`apply` step after step; the rows are read
        once (what the checks of one row share stays warm between them)."""
        rows_in, rows_out = [0] * len(checks), [0] * len(checks)
        kept: List[Dict] = []
        for row in rows:
            for position, (name, check) in enumerate(checks):
                rows_in[position] += 1
                reason = check(row)
                if reason is not None:
                    self.reject(name, row, reason)
                    break
                rows_out[position] += 1
            else:
                kept.append(row)
        for position, (name, _) in enumerate(checks):
            self.record(name, rows_in[position], rows_out[position])
        return kept

    def record(self, name: str, rows_in: int, rows_out: int) -> None:
        if rows_out > rows_in:
            raise ValueError(f"funnel step {name}: {rows_out} rows out of {rows_in} in")
        counts = self.counts.setdefault(name, [0, 0])
        counts[0] += rows_in
        counts[1] += rows_out

    def merge(self, batch: "Funnel") -> None:
        """Add a batch's counts, rejected rows and count-like reports (dicts of ints are summed)."""
        for name, (rows_in, rows_out) in batch.counts.items():
            self.record(name, rows_in, rows_out)
        for record in batch.rejected:
            self.add_rejected(record)
        for name, report in batch.reports.items():
            mine = self.reports.setdefault(name, {})
            for key, value in report.items():
                if isinstance(value, int) and not isinstance(value, bool):
                    mine[key] = mine.get(key, 0) + value
                else:
                    mine.setdefault(key, value)

    @property
    def steps(self) -> List[Dict[str, int | str]]:
        return [{"name": name, "rows_in": i, "rows_out": o, "removed": i - o} for name, (i, o) in self.counts.items()]

    def to_dict(self, splits: Dict[str, int], failures: Dict[str, int]) -> Dict:
        """The funnel.json shape (read by evaluate and the dataset card): {"steps": [...], "splits": {split: rows},
        "failures": {status: count}, "reasons": {step: {reason kind: rows}}}."""
        return {"steps": self.steps, "splits": dict(splits), "failures": dict(failures), "reasons": self.rejected_by_step(), **self.reports}

    def rejected_by_step(self) -> Dict[str, Dict[str, int]]:
        """{step: {reason kind: rows}}, in the order the steps ran."""
        return {step: dict(self.reasons[step]) for step in self.counts if step in self.reasons}

    def write(self, path: Path, splits: Dict[str, int], failures: Dict[str, int]) -> None:
        atomic_write_json(path, self.to_dict(splits, failures))

    def close(self) -> None:
        for spool in self._files.values():
            spool.close()

    def write_rejected(self, path: Path) -> None:
        """rejected.jsonl, step by step in the order the steps ran (atomic)."""
        self.close()
        spools = {step: spool.name for step, spool in self._files.items()}

        def write(tmp: Path) -> None:
            with open(tmp, "w", encoding="utf-8") as out:
                for step in list(self.counts) + [s for s in spools if s not in self.counts]:
                    if step in spools:
                        with open(spools[step], encoding="utf-8") as spool:
                            shutil.copyfileobj(spool, out)
                for record in sorted(self.rejected, key=lambda r: list(self.counts).index(r["step"]) if r["step"] in self.counts else len(self.counts)):
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")

        atomic_write_with(path, write)
