"""The curate stage's outputs while pass two runs, and how they reach the run directory.

Pass two's results (:class:`hfsynth.curate.batch.FinishResult`) arrive in task order, from whichever
executor ran them: their rows go to one ParquetWriter per split in the work folder, their
decontamination records to a file there, their counts into the funnel. :meth:`Outputs.commit` renames
everything into place only once all of it succeeded, so a failed or killed run leaves the previous
outputs untouched.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from hfsynth.errors import HfsynthError
from hfsynth.rundir import atomic_write_with


def merge_secrets(total: Optional[Dict], report: Optional[Dict]) -> Optional[Dict]:
    if report is None:
        return total
    if total is None:
        return {**report, "findings": dict(report["findings"]), "first_ids": list(report["first_ids"])}
    total["rows_with_findings"] += report["rows_with_findings"]
    for kind, count in report["findings"].items():
        total["findings"][kind] = total["findings"].get(kind, 0) + count
    total["findings"] = dict(sorted(total["findings"].items()))
    total["first_ids"] = (total["first_ids"] + report["first_ids"])[:5]
    return total


def refuse_secrets(report: Dict) -> None:
    """Policy ``fail``: stop before any file is written (raw/ and data/ stay as they were)."""
    kinds = ", ".join(f"{k} x{n}" for k, n in report["findings"].items())
    raise HfsynthError(
        f"curate.secrets.policy is 'fail': {report['rows_with_findings']} row(s) contain secrets or personal data "
        f"({kinds}; first: {', '.join(report['first_ids'])}); nothing was written, use policy redact or drop to publish"
    )


class Outputs:
    """data/<split>.parquet, decontamination.jsonl, rejected.jsonl and funnel.json in the making.

    Use as a context manager: leaving it closes what is open; only :meth:`commit` touches run_dir."""

    def __init__(self, run_dir, work: Path, schema, splits: List[str], funnel):
        self.run_dir, self.work, self.schema, self.funnel = run_dir, work, schema, funnel
        self.writers: Dict[str, Tuple[Path, object]] = {}
        self.counts: Dict[str, int] = {split: 0 for split in splits}
        self.secrets: Optional[Dict] = None
        self.contamination_path = work / run_dir.decontamination.name
        self.contamination = open(self.contamination_path, "w", encoding="utf-8")

    def __enter__(self) -> "Outputs":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def writer(self, split: str):
        import pyarrow.parquet as pq

        if split not in self.writers:
            path = self.work / f"split-{len(self.writers):04d}.parquet"
            self.writers[split] = (path, pq.ParquetWriter(path, self.schema))
        return self.writers[split][1]

    def add(self, result) -> None:
        """One batch of pass two (a FinishResult), in task order."""
        self.funnel.merge(result.funnel)
        self.secrets = merge_secrets(self.secrets, result.secrets)
        for record in result.contamination:
            self.contamination.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.writer(result.split).write_table(result.table)
        self.counts[result.split] = self.counts.get(result.split, 0) + result.table.num_rows

    def commit(self, failures: Dict[str, int], config) -> None:
        """Refuse secrets under policy ``fail``, else rename every output into place."""
        run_dir = self.run_dir
        if self.secrets is not None:
            if config.secrets.policy == "fail" and self.secrets["rows_with_findings"]:
                refuse_secrets(self.secrets)
            self.funnel.reports["secrets"] = self.secrets
        for split in self.counts:  # every split gets its file, empty ones too
            self.writer(split).close()
        self.contamination.close()
        run_dir.data.mkdir(parents=True, exist_ok=True)
        for split, (path, _) in self.writers.items():
            os.replace(path, run_dir.split_file(split))
        for stale in run_dir.data.glob("*.parquet"):  # splits of an earlier run that this one no longer has
            if stale.stem not in self.counts:
                stale.unlink()
        atomic_write_with(run_dir.decontamination, lambda tmp: shutil.copyfile(self.contamination_path, tmp))
        self.funnel.write_rejected(run_dir.rejected)
        self.funnel.write(run_dir.funnel, self.counts, dict(sorted(failures.items())))

    def close(self) -> None:
        for _, open_writer in self.writers.values():
            if open_writer.is_open:
                open_writer.close()
        self.contamination.close()
