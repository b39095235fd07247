"""``hfsynth pull REPO``: one split of a published dataset through ``datasets.load_dataset``, plus its metrics."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Optional

from hfsynth.errors import HfsynthError
from hfsynth.hub_client import HubToken, check_repo_id, find_token, hub_endpoint, offline, resolve_revision
from hfsynth.rundir import METRICS, atomic_write_with


def add_parser(subparsers) -> None:
    p = subparsers.add_parser("pull", help="download a published dataset split through datasets.load_dataset")
    p.add_argument("repo_id")
    p.add_argument("--split", default="train")
    p.add_argument("--revision")
    p.add_argument("--to", dest="to_path", help="write the rows to this .parquet or .jsonl file")


def main(args: argparse.Namespace) -> int:
    return pull(args.repo_id, split=args.split, revision=args.revision, to_path=args.to_path)


def pull(repo_id: str, split: str = "train", revision: Optional[str] = None, to_path: Optional[str] = None) -> int:
    """One split through ``datasets.load_dataset`` at one commit, optionally saved, plus the repo's metrics."""
    if to_path and Path(to_path).suffix not in (".parquet", ".jsonl"):
        raise HfsynthError(f"--to {to_path}: expected a .parquet or .jsonl file")
    if to_path and not Path(to_path).resolve().parent.is_dir():
        raise HfsynthError(f"--to {to_path}: its folder does not exist (expected a file in an existing folder)")
    if to_path and Path(to_path).is_dir():
        raise HfsynthError(f"--to {to_path}: is a folder, expected a .parquet or .jsonl file")
    check_repo_id(repo_id, "dataset")
    token = find_token()
    sha = revision if offline() else resolve_revision(repo_id, "dataset", revision, token)
    import datasets
    from datasets.exceptions import DatasetNotFoundError

    try:
        rows = datasets.load_dataset(repo_id, split=split, revision=sha, token=token.value)
    except DatasetNotFoundError:
        raise HfsynthError(f"dataset repo '{repo_id}': not found or not readable on {hub_endpoint()}") from None
    except ConnectionError as exc:  # offline (HF_HUB_OFFLINE=1) and not in the local cache, or the Hub unreachable
        raise HfsynthError(f"dataset repo '{repo_id}': cannot reach {hub_endpoint()} and the split is not in the local cache ({' '.join(str(exc).split())[:200]})") from None
    except ValueError as exc:
        if "split" in str(exc).lower():
            raise HfsynthError(f"dataset repo '{repo_id}': {' '.join(str(exc).split())}") from None
        raise
    where = f"{repo_id}@{sha[:12]}" if sha else repo_id
    print(f"pulled {where} split '{split}': {rows.num_rows} rows, columns: {', '.join(rows.column_names)}")
    if to_path:
        target = Path(to_path)
        try:
            if target.suffix == ".parquet":
                atomic_write_with(target, lambda tmp: rows.to_parquet(str(tmp)))
            else:
                atomic_write_with(target, lambda tmp: rows.to_json(str(tmp), lines=True, force_ascii=False))
        except OSError as exc:
            raise HfsynthError(f"--to {to_path}: cannot write it ({exc.strerror or exc})") from None
        print(f"wrote {target}")
    if sha and not offline():
        _print_card_metrics(repo_id, sha, token)
    return 0


def _print_card_metrics(repo_id: str, sha: str, token: HubToken) -> None:
    """The headline figures of the pulled dataset, from its metrics.json (with definitions)."""
    from huggingface_hub import hf_hub_download
    from huggingface_hub.errors import EntryNotFoundError

    try:
        path = hf_hub_download(repo_id, METRICS, repo_type="dataset", revision=sha, token=token.value)
    except EntryNotFoundError:
        print(f"metrics: this repo has no {METRICS}")
        return
    metrics = json.loads(Path(path).read_text(encoding="utf-8"))
    figures = metrics.get("figures") or {}
    keys = list(metrics.get("headline") or {}) or list(figures)
    print(f"metrics (from the repo's {METRICS}):")
    for key in keys:
        fig = figures.get(key) or {"value": (metrics.get("headline") or {}).get(key)}
        size = f", n={fig['sample_size']}" if fig.get("sample_size") is not None else ""
        definition = f"  ({fig['definition']})" if fig.get("definition") else ""
        print(f"  {key}: {fig.get('value')}{size}{definition}")
