"""The run directory: the contract between stages, and the one place its file names are spelt.

Every stage reads and writes only here. A stage asks :class:`RunDir` for a path instead of joining
a literal name, so "where does X live" has one answer. The atomic writers and the tolerant JSON
reader live here too: every file a stage leaves is written through a temp file and a rename, so a
kill never leaves half a file behind.

    recipe.yaml, manifest.json             every command (manifest: rank 0 only)
    checkpoints/, adapter/                 train (adapter/trainer_log.jsonl, hfsynth-train.json)
    raw/<split>/shard-rank{R}-{K}.parquet  generate, with raw/plan.json and raw/index.json (last)
    data/<split>.parquet                   curate, with funnel.json, decontamination.jsonl, rejected.jsonl
    students/<name>/, students/data_value.json  students (data-value students and their table)
    metrics.json, humaneval/<which>.jsonl  evaluate
    hub/model/, hub/dataset/               publish
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any, Dict, Optional

from hfsynth import __version__, dist
from hfsynth.errors import HfsynthError

MANIFEST = "manifest.json"
RECIPE_FILE = "recipe.yaml"
ADAPTER = "adapter"
CHECKPOINTS = "checkpoints"
ADAPTER_CONFIG = "adapter_config.json"  # PEFT's names
ADAPTER_WEIGHTS = ("adapter_model.safetensors", "adapter_model.bin")
TRAINER_LOG = "trainer_log.jsonl"
TRAIN_RECORD = "hfsynth-train.json"
CHECKPOINT_FINGERPRINT = "hfsynth-fingerprint.txt"
CHECKPOINT_FULL_ADAPTER = "hfsynth-full-adapter.safetensors"  # under FSDP: the whole adapter, gathered from every rank
RAW = "raw"
RAW_PLAN = "plan.json"
RAW_INDEX = "index.json"  # written last by generate: its presence means raw/ is complete
DATA = "data"
FUNNEL = "funnel.json"
DECONTAMINATION = "decontamination.jsonl"
REJECTED = "rejected.jsonl"
STUDENTS = "students"
STUDENT_RECORD = "hfsynth-student.json"
STUDENT_TRAINER = ".trainer"  # the Trainer's output_dir while a student trains (students save no checkpoints)
DATA_VALUE = "data_value.json"
CURATE_WORK = ".curate-work"  # curation's spill folder while it runs (removed when it ends)
METRICS = "metrics.json"
HUMANEVAL = "humaneval"
HUB = "hub"
HUB_MODEL = "model"
HUB_DATASET = "dataset"

# What a run directory may hold at its top level (anything else means it is someone else's folder).
LOCK = ".hfsynth.lock"  # held (flock) by rank 0 of the launch that works in this run directory
RANK_MARKERS = ".hfsynth-ranks"  # <launch id>/rank-<R>: every rank's "I see this folder" at start
RUN_ENTRIES = frozenset(
    {
        MANIFEST, RECIPE_FILE, ADAPTER, CHECKPOINTS, RAW, DATA, FUNNEL, DECONTAMINATION, REJECTED, CURATE_WORK, STUDENTS, METRICS, HUMANEVAL, HUB,
        LOCK, RANK_MARKERS,
    }
)

# raw/<split>/shard-rank{R}-{K:05d}.parquet: shard K of a split, written by rank R.
SHARD_PATTERN = re.compile(r"^shard-rank(\d+)-(\d+)\.parquet$")  # K is written zero-padded to 5 digits


def shard_name(rank: int, k: int) -> str:
    return f"shard-rank{rank}-{k:05d}.parquet"


def shard_glob(k: Optional[int] = None) -> str:
    """Glob of shard ``k`` whichever rank wrote it (every shard when ``k`` is None)."""
    return "shard-rank*.parquet" if k is None else f"shard-rank*-{k:05d}.parquet"


def temp_path(path: Path) -> Path:
    """The hidden sibling an atomic write goes through (``.name.tmp<pid>``)."""
    return path.with_name(f".{path.name}.tmp{os.getpid()}")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write through a temp file and rename, so a crash never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    tmp.write_bytes(data)
    os.replace(tmp, path)


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=False, default=str) + "\n")


def atomic_write_jsonl(path: Path, records) -> None:
    atomic_write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def atomic_write_with(path: Path, write) -> None:
    """``write(temp_path)`` then rename: for writers that take a path (parquet, save_pretrained files)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_path(path)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def read_json(path: Path, default: Any = None) -> Any:
    """The JSON in ``path``, or ``default`` when it is missing or unreadable (a half-finished run)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (FileNotFoundError, NotADirectoryError, json.JSONDecodeError, UnicodeDecodeError):
        return default


def read_jsonl(path: Path) -> list:
    """The records of a JSON-lines file ([] when it is missing); a bad line names the file."""
    path = Path(path)
    if not path.is_file():
        return []
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                raise HfsynthError(f"{path}:{number}: not valid JSON") from None
    return records


def _split_name(split: str) -> str:
    """A split names one file or folder inside the run directory, never a path out of it (``../x``)."""
    if not split or split in (".", "..") or "/" in split or "\\" in split:
        raise HfsynthError(f"split {split!r}: expected a plain name of letters, digits and underscores (it names a file in the run directory)")
    return split


class RunDir:
    """A run directory: the path of every artifact a stage writes or reads, and the manifest."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"RunDir({str(self.path)!r})"

    # every command
    @property
    def recipe_file(self) -> Path:
        return self.path / RECIPE_FILE

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    @property
    def lock_file(self) -> Path:
        """Held by rank 0 of the launch working here; names its host and pid."""
        return self.path / LOCK

    def rank_marker(self, launch: str, rank: int) -> Path:
        """Left by every rank of launch ``launch`` at start, so rank 0 can check that every node sees this folder."""
        return self.path / RANK_MARKERS / launch / f"rank-{rank}"

    # train
    @property
    def checkpoints(self) -> Path:
        return self.path / CHECKPOINTS

    @property
    def checkpoint_fingerprint(self) -> Path:
        return self.checkpoints / CHECKPOINT_FINGERPRINT

    def checkpoint_full_adapter(self, checkpoint: str) -> Path:
        """Under FSDP: the whole adapter (every rank's shards gathered) that hfsynth adds to checkpoint folder ``checkpoint``."""
        return self.checkpoints / checkpoint / CHECKPOINT_FULL_ADAPTER

    @property
    def adapter(self) -> Path:
        return self.path / ADAPTER

    @property
    def adapter_config(self) -> Path:
        """PEFT's config file: its presence means train finished."""
        return self.adapter / ADAPTER_CONFIG

    def create(self) -> None:
        """Make the folder (and its parents), or say in one line why it cannot be made."""
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HfsynthError(f"output_dir: cannot write the run directory '{self.path}' ({exc.strerror or exc})") from None

    def require_adapter(self) -> Path:
        """The trained adapter's folder, or one line saying to train first."""
        if not self.adapter_config.is_file():
            raise HfsynthError(f"{self.adapter}: no trained adapter in the run directory; run `hfsynth train` first")
        return self.adapter

    @property
    def adapter_staging(self) -> Path:
        """Where train writes the adapter before renaming it into place."""
        return self.path / f".{ADAPTER}.tmp"

    @property
    def trainer_log(self) -> Path:
        return self.adapter / TRAINER_LOG

    @property
    def train_record(self) -> Path:
        return self.adapter / TRAIN_RECORD

    # generate
    @property
    def raw(self) -> Path:
        return self.path / RAW

    @property
    def raw_plan(self) -> Path:
        return self.raw / RAW_PLAN

    @property
    def raw_index(self) -> Path:
        return self.raw / RAW_INDEX

    def raw_split(self, split: str) -> Path:
        return self.raw / _split_name(split)

    # curate
    @property
    def data(self) -> Path:
        return self.path / DATA

    def split_file(self, split: str) -> Path:
        return self.data / f"{_split_name(split)}.parquet"

    @property
    def funnel(self) -> Path:
        return self.path / FUNNEL

    @property
    def decontamination(self) -> Path:
        return self.path / DECONTAMINATION

    @property
    def rejected(self) -> Path:
        """Every row curation removed: {id, split, step, reason} per line."""
        return self.path / REJECTED

    @property
    def curate_work(self) -> Path:
        """Curation's spill folder (survivors of each batch, MinHash signatures, output files being
        written); wiped when curation starts and removed when it ends, so a killed run starts afresh."""
        return self.path / CURATE_WORK

    # students
    @property
    def students(self) -> Path:
        return self.path / STUDENTS

    def student(self, name: str) -> Path:
        """One student's adapter folder (``synthetic-seed0``, ...), with its trainer log and record."""
        return self.students / name

    def student_staging(self, name: str) -> Path:
        """Where a student's adapter is written before it is renamed into place."""
        return self.students / f".{name}.tmp"

    def student_record(self, name: str) -> Path:
        """A student's figures and the stage fingerprint they belong to (written last: its presence means the student is done)."""
        return self.student(name) / STUDENT_RECORD

    def student_log(self, name: str) -> Path:
        return self.student(name) / TRAINER_LOG

    @property
    def student_trainer_dir(self) -> Path:
        return self.students / STUDENT_TRAINER

    @property
    def data_value(self) -> Path:
        """The students' table: per student and seed, then mean and spread, and the sentences the card prints."""
        return self.students / DATA_VALUE
    # evaluate
    @property
    def metrics(self) -> Path:
        return self.path / METRICS

    @property
    def humaneval(self) -> Path:
        return self.path / HUMANEVAL

    def humaneval_samples(self, which: str) -> Path:
        return self.humaneval / f"{which}.jsonl"

    # publish
    @property
    def hub(self) -> Path:
        return self.path / HUB

    @property
    def hub_model(self) -> Path:
        return self.hub / HUB_MODEL

    @property
    def hub_dataset(self) -> Path:
        return self.hub / HUB_DATASET

    # the manifest
    def read_manifest(self) -> Dict[str, Any]:
        """manifest.json as a dict ({} before the first command); a file of another shape is refused."""
        try:
            manifest = json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HfsynthError(f"{self.manifest_path}: not valid JSON; move it away to start the run afresh") from None
        if not isinstance(manifest, dict) or not isinstance(manifest.get("stages", {}), dict):
            raise HfsynthError(
                f"{self.manifest_path}: not the manifest hfsynth writes (expected an object with a 'stages' object); "
                "move it away to start the run afresh"
            )
        return manifest

    def stage_record(self, name: str) -> Dict[str, Any]:
        record = self.read_manifest().get("stages", {}).get(name, {})
        return record if isinstance(record, dict) else {}

    def update_stage(self, name: str, *, top: Optional[Dict[str, Any]] = None, **record: Any) -> None:
        """Merge ``record`` into stage ``name``'s manifest entry, and ``top`` into the manifest itself
        (rank 0 only; other ranks return).

        Stages may call this for progress that must survive a failure (publish records each pushed
        repo as it goes); the runner records status, fingerprint, timings and library versions.
        """
        if not dist.is_main():
            return
        manifest = self.read_manifest()
        manifest["hfsynth_version"] = __version__
        manifest.update(top or {})
        manifest.setdefault("stages", {}).setdefault(name, {}).update(record)
        atomic_write_json(self.manifest_path, manifest)
