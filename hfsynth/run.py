"""The run directory and its manifest: which stage ran, on what, when, and whether to skip it.

A stage is skipped when its fingerprint (its recipe sections + the fingerprints of the stages it
reads) equals the one in ``manifest.json`` and its outputs exist. Only rank 0 writes files here.
"""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from hfsynth import __version__, dist
from hfsynth.errors import HfsynthError
from hfsynth.recipe import Recipe, fingerprint

MANIFEST = "manifest.json"
RECIPE_FILE = "recipe.yaml"
LIBRARIES = ("torch", "transformers", "trl", "peft", "accelerate", "bitsandbytes", "datasets", "huggingface_hub")


def library_versions() -> Dict[str, Optional[str]]:
    found = {"hfsynth": __version__, "python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def atomic_write_text(path: Path, text: str) -> None:
    """Write through a temp file and rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def atomic_write_json(path: Path, data: Any) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=False, default=str) + "\n")


RUN_ENTRIES = {MANIFEST, RECIPE_FILE, "adapter", "checkpoints", "raw", "data", "hub", "humaneval", "metrics.json", "funnel.json", "decontamination.jsonl"}


def _is_run_entry(name: str) -> bool:
    """What a run directory holds (and the hidden temp files of atomic writes)."""
    return name in RUN_ENTRIES or name.startswith(".")


def check_run_dir_is_safe(path: Path) -> None:
    """Refuse to write run files into a folder that holds something else (a repo, a home, data)."""
    if path.is_file():
        raise HfsynthError(f"output_dir: '{path}' is a file, expected a folder for the run")
    if path.is_dir() and any(not _is_run_entry(entry.name) for entry in path.iterdir()) and not (path / MANIFEST).exists():
        raise HfsynthError(
            f"output_dir: '{path}' is a non-empty folder that is not an hfsynth run directory; refusing to mix run files "
            "into it (choose a new or empty folder)"
        )


def resolve_run_dir(recipe: Recipe, output_dir: Optional[str] = None) -> Path:
    """``--output-dir``, else the recipe's ``output_dir``, else ``outputs/<name>``."""
    return Path(output_dir or recipe.output_dir or Path("outputs") / recipe.name).expanduser().resolve()


class RunDir:
    """A run directory: paths of every stage's outputs plus the manifest."""

    def __init__(self, path: Path, recipe: Recipe):
        self.path = Path(path)
        self.recipe = recipe
        self.options: Dict[str, Any] = {}  # per-invocation switches (e.g. dry_run), never fingerprinted

    # Paths every stage agrees on (ARCHITECTURE.md's data flow).
    @property
    def adapter(self) -> Path:
        return self.path / "adapter"

    @property
    def checkpoints(self) -> Path:
        return self.path / "checkpoints"

    @property
    def trainer_log(self) -> Path:
        return self.path / "adapter" / "trainer_log.jsonl"

    @property
    def raw(self) -> Path:
        return self.path / "raw"

    @property
    def data(self) -> Path:
        return self.path / "data"

    @property
    def metrics(self) -> Path:
        return self.path / "metrics.json"

    @property
    def hub(self) -> Path:
        return self.path / "hub"

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def read_manifest(self) -> Dict[str, Any]:
        try:
            return json.loads(self.manifest_path.read_text())
        except FileNotFoundError:
            return {}
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise HfsynthError(f"{self.manifest_path}: not valid JSON; move it away to start the run afresh") from None

    def write_manifest(self, manifest: Dict[str, Any]) -> None:
        if dist.is_main():
            atomic_write_json(self.manifest_path, manifest)

    def prepare(self) -> None:
        """Create the folder and write the resolved recipe (rank 0)."""
        if dist.is_main():
            self.path.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path / RECIPE_FILE, self.recipe.to_yaml())
        dist.barrier()

    def stage_record(self, name: str) -> Dict[str, Any]:
        return self.read_manifest().get("stages", {}).get(name, {})

    def update_stage(self, name: str, **record: Any) -> None:
        """Merge ``record`` into the manifest entry of stage ``name`` (rank 0 only)."""
        if not dist.is_main():
            return
        manifest = self.read_manifest()
        manifest["hfsynth_version"] = __version__
        manifest["recipe_name"] = self.recipe.name
        manifest["versions"] = library_versions()
        manifest.setdefault("stages", {}).setdefault(name, {}).update(record)
        self.write_manifest(manifest)


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``function(recipe, run_dir)`` plus what its fingerprint covers."""

    name: str
    target: str  # "module:function", imported only when the stage runs
    sections: Tuple[str, ...]  # recipe sections the stage reads
    upstream: Tuple[str, ...]  # stages whose outputs it reads
    outputs: Tuple[str, ...]  # paths (relative to the run dir) that must exist after it
    all_ranks: bool = False  # train/generate run on every rank; the others on rank 0
    inputs: Optional[str] = None  # "module:function(recipe)" fingerprinting data outside the recipe
    pending: Optional[str] = None  # "module:function(recipe, run_dir) -> bool": work left although current (publish after a dry run)

    def function(self) -> Callable[[Recipe, RunDir], None]:
        return _import(self.target)

    def input_fingerprint(self, recipe: Recipe) -> Optional[str]:
        return _import(self.inputs)(recipe) if self.inputs else None


def _import(target: str):
    module, _, attr = target.partition(":")
    return getattr(import_module(module), attr)


STAGES: Tuple[Stage, ...] = (
    Stage("train", "hfsynth.train:train_stage", ("seed", "model", "quantization", "lora", "train"), (), ("adapter/adapter_config.json",), all_ranks=True, inputs="hfsynth.data:seed_fingerprint"),
    Stage("generate", "hfsynth.synth.stage:generate_stage", ("seed", "model", "quantization", "generate"), ("train",), ("raw",), all_ranks=True),
    Stage("curate", "hfsynth.curate.stage:curate_stage", ("curate",), ("generate",), ("data", "funnel.json")),
    Stage("evaluate", "hfsynth.metrics.stage:evaluate_stage", ("metrics",), ("train", "curate"), ("metrics.json",)),
    Stage("publish", "hfsynth.publish:publish_stage", ("hub",), ("train", "curate", "evaluate"), ("hub/model", "hub/dataset"), pending="hfsynth.publish:push_pending"),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def get_stage(name: str) -> Stage:
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise HfsynthError(f"unknown stage '{name}': expected one of {', '.join(STAGE_NAMES)}")


def stage_fingerprint(stage: Stage, recipe: Recipe, run_dir: RunDir) -> str:
    """Its recipe sections plus the fingerprints of the stages it reads (so changes flow downstream)."""
    upstream = {name: run_dir.stage_record(name).get("fingerprint") for name in stage.upstream}
    return fingerprint(stage.name, recipe.section_dict(*stage.sections), upstream, stage.input_fingerprint(recipe))


def is_up_to_date(stage: Stage, recipe: Recipe, run_dir: RunDir) -> bool:
    record = run_dir.stage_record(stage.name)
    return (
        record.get("status") == "done"
        and record.get("fingerprint") == stage_fingerprint(stage, recipe, run_dir)
        and all((run_dir.path / out).exists() for out in stage.outputs)
        and not (stage.pending and _import(stage.pending)(recipe, run_dir))
    )


@dataclass
class StageResult:
    name: str
    status: str  # "ran" | "skipped"
    seconds: float = 0.0


def run_stage(stage: Stage, recipe: Recipe, run_dir: RunDir, force: bool = False) -> StageResult:
    """Run one stage (or skip it), keeping the manifest in step. All ranks call this."""
    skip = dist.broadcast_object(not force and is_up_to_date(stage, recipe, run_dir))
    if skip:
        return StageResult(stage.name, "skipped")
    fp = stage_fingerprint(stage, recipe, run_dir)
    start = time.time()
    run_dir.update_stage(stage.name, status="running", fingerprint=fp, started=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    dist.barrier()
    try:
        if stage.all_ranks or dist.is_main():
            stage.function()(recipe, run_dir)
        dist.barrier()
    except BaseException as exc:
        run_dir.update_stage(stage.name, status="failed", error=f"{type(exc).__name__}: {exc}"[:500])
        raise
    seconds = round(time.time() - start, 2)
    run_dir.update_stage(stage.name, status="done", fingerprint=fp, finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"), seconds=seconds, world_size=dist.world_size())
    return StageResult(stage.name, "ran", seconds)


def run_stages(names: Sequence[str], recipe: Recipe, run_dir: RunDir, force: bool = False) -> List[StageResult]:
    run_dir.prepare()
    return [run_stage(get_stage(name), recipe, run_dir, force=force) for name in names]
