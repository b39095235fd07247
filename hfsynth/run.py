"""The pipeline: the six stages in order, what each reads and writes, and whether to skip it.

    train ──► generate ──► curate ──► students ──► evaluate ──► publish

A stage is a function ``(StageContext) -> dict | None`` (the dict: extra fields for its manifest
entry). It is skipped when its fingerprint (its recipe sections, the fingerprints of the stages it
reads, its inputs outside the recipe) equals the one in ``manifest.json`` and its outputs exist.
Train and generate run on every rank; the others on rank 0 while the rest wait. Only rank 0 writes
the manifest. Every stage module imports torch, TRL and friends lazily, so importing this table is
cheap.
"""

from __future__ import annotations

import os
import platform
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from hfsynth import __version__, dist, publish, train
from hfsynth.context import StageContext, StageResult
from hfsynth.curate import stage as curate
from hfsynth.data import seed_fingerprint
from hfsynth.errors import HfsynthError
from hfsynth.metrics import stage as evaluate
from hfsynth.recipe import Recipe, fingerprint
from hfsynth.run_guard import guard_launch
from hfsynth.rundir import MANIFEST, RUN_ENTRIES, RunDir, atomic_write_text
from hfsynth.students import stage as students
from hfsynth.synth import stage as generate

LIBRARIES = ("torch", "transformers", "trl", "peft", "accelerate", "bitsandbytes", "datasets", "huggingface_hub")


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline and what its fingerprint covers."""

    name: str
    run: Callable[[StageContext], Optional[Dict[str, Any]]]
    sections: Tuple[str, ...]  # recipe sections the stage reads
    upstream: Tuple[str, ...]  # stages whose outputs it reads
    outputs: Tuple[str, ...]  # RunDir attributes that must exist after it
    all_ranks: bool = False  # train/generate run on every rank; the others on rank 0
    preflight: Optional[Callable[[StageContext], None]] = None  # refuses bad input before any stage starts
    inputs: Optional[Callable[[Recipe, RunDir], Optional[str]]] = None  # fingerprint of data outside the recipe
    pending: Optional[Callable[[StageContext], bool]] = None  # work left although current (a push after a dry run)
    active: Optional[Callable[[Recipe], bool]] = None  # False: switched off in the recipe, so it leaves no outputs


STAGES: Tuple[Stage, ...] = (
    Stage(
        "train", train.train_stage, ("seed", "model", "quantization", "lora", "train"), (), ("adapter_config",),
        all_ranks=True, preflight=train.preflight, inputs=lambda recipe, run_dir: seed_fingerprint(recipe),
    ),
    Stage(
        "generate", generate.generate_stage, ("seed", "model", "quantization", "generate"), ("train",), ("raw",),
        all_ranks=True, preflight=generate.preflight,
    ),
    Stage("curate", curate.curate_stage, ("curate",), ("generate",), ("data", "funnel"), preflight=curate.preflight),
    Stage(
        "students", students.students_stage, ("seed", "model", "quantization", "lora", "train", "data_value"), ("curate",), ("data_value",),
        all_ranks=True, preflight=students.preflight, inputs=students.inputs, active=lambda recipe: recipe.data_value.enabled,
    ),
    Stage(
        "evaluate", evaluate.evaluate_stage, ("metrics",), ("train", "curate", "students"), ("metrics",), preflight=evaluate.preflight,
    ),
    Stage(
        "publish", publish.publish_stage, ("hub",), ("train", "curate", "evaluate"), ("hub_model", "hub_dataset"),
        preflight=publish.preflight, pending=publish.push_pending,
    ),
)
STAGE_NAMES = tuple(s.name for s in STAGES)


def get_stage(name: str) -> Stage:
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise HfsynthError(f"unknown stage '{name}': expected one of {', '.join(STAGE_NAMES)}")


def parse_stages(text: Optional[str]) -> List[str]:
    """``--stages a,b`` as stage names in pipeline order (all of them when empty)."""
    if not text:
        return list(STAGE_NAMES)
    names = [n.strip() for n in text.split(",") if n.strip()]
    if not names:
        raise HfsynthError(f"--stages '{text}': names no stage; expected a comma-separated subset of {', '.join(STAGE_NAMES)}")
    for n in names:
        get_stage(n)
    return [n for n in STAGE_NAMES if n in names]


# ----------------------------------------------------------------------------------------------
# The run directory as the runner sees it


def resolve_run_dir(recipe: Recipe, output_dir: Optional[str] = None) -> RunDir:
    """``--output-dir``, else the recipe's ``output_dir`` (``$VARS`` expanded), else ``outputs/<name>``."""
    path = output_dir or (os.path.expandvars(recipe.output_dir) if recipe.output_dir else None) or Path("outputs") / recipe.name
    return RunDir(Path(path).expanduser().resolve())


def _is_run_entry(name: str) -> bool:
    """What a run directory holds: the names rundir.py spells, and the hidden temp file of an
    atomic write of one of them (``.manifest.json.tmp<pid>``). Any other dotfile is not a run's."""
    match = re.match(r"^\.(.+)\.tmp\d+$", name)
    return name in RUN_ENTRIES or (match is not None and match.group(1) in RUN_ENTRIES)


def check_run_dir_is_safe(run_dir: RunDir) -> None:
    """Refuse to write run files into a folder that holds something else (a repo, a home, data).

    A run directory is recognised by its manifest (a file); before the first manifest, a folder
    whose entries are all run entries (a run that stopped in its first stage) is one too. Any other
    non-empty folder is refused, even one holding only dotfiles (``.ssh``, ``.git``): a home folder.
    """
    path = run_dir.path
    if path.is_file():
        raise HfsynthError(f"output_dir: '{path}' is a file, expected a folder for the run")
    if not path.is_dir():
        above = next((p for p in path.parents if p.exists()), None)
        if above is not None and not above.is_dir():
            raise HfsynthError(f"output_dir: '{path}' lies under '{above}', which is a file, not a folder")
        return
    if run_dir.manifest_path.is_file():
        stages = run_dir.read_manifest().get("stages", {})  # a manifest of another shape: one line, nothing written
        if not all(isinstance(record, dict) for record in stages.values()):
            raise HfsynthError(f"{run_dir.manifest_path}: not the manifest hfsynth writes (each stage's entry must be an object); move it away to start the run afresh")
        return
    entries = [entry.name for entry in path.iterdir()]
    if entries and not (all(_is_run_entry(name) for name in entries) and any(name in RUN_ENTRIES for name in entries)):
        raise HfsynthError(
            f"output_dir: '{path}' is a non-empty folder that is not an hfsynth run directory (no {MANIFEST}); refusing to mix "
            "run files into it (choose a new or empty folder)"
        )


@lru_cache(maxsize=1)
def library_versions() -> Dict[str, Optional[str]]:
    """The versions that decide a run's results, looked up once per process (every manifest update records them)."""
    found = {"hfsynth": __version__, "python": platform.python_version()}
    for name in LIBRARIES:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def prepare(recipe: Recipe, run_dir: RunDir) -> None:
    """Create the folder and write the resolved recipe (rank 0)."""
    if dist.is_main():
        run_dir.create()
        try:
            atomic_write_text(run_dir.recipe_file, recipe.to_yaml())
        except OSError as exc:
            raise HfsynthError(f"output_dir: cannot write the run directory '{run_dir.path}' ({exc.strerror or exc})") from None
    dist.barrier()


def record_stage(recipe: Recipe, run_dir: RunDir, name: str, **record: Any) -> None:
    """A manifest update by the runner: the stage's entry, the recipe's name and the library versions."""
    if dist.is_main():
        run_dir.update_stage(name, top={"recipe_name": recipe.name, "versions": dict(library_versions())}, **record)


# ----------------------------------------------------------------------------------------------
# Skipping and running


def stage_fingerprint(stage: Stage, recipe: Recipe, run_dir: RunDir) -> str:
    """Its recipe sections plus, for each stage it reads, that stage's fingerprint and when it last
    finished: a stage that ran again with the same sections (its output was deleted, or ``--force``)
    wrote new outputs, and what reads them must not keep results made from the old ones."""
    upstream = {name: [run_dir.stage_record(name).get(key) for key in ("fingerprint", "finished")] for name in stage.upstream}
    inputs = stage.inputs(recipe, run_dir) if stage.inputs else None
    return fingerprint(stage.name, recipe.section_dict(*stage.sections), upstream, inputs)


def is_up_to_date(stage: Stage, ctx: StageContext) -> bool:
    record = ctx.run_dir.stage_record(stage.name)
    switched_off = stage.active is not None and not stage.active(ctx.recipe)  # it has nothing to leave behind
    return (
        record.get("status") == "done"
        and record.get("fingerprint") == ctx.fingerprint
        and (switched_off or all(getattr(ctx.run_dir, out).exists() for out in stage.outputs))
        and not (stage.pending and stage.pending(ctx))
    )


def run_stage(
    stage: Stage, recipe: Recipe, run_dir: RunDir, force: bool = False, dry_run: bool = False, input: Optional[str] = None
) -> StageResult:
    """Run one stage (or skip it), keeping the manifest in step. All ranks call this. With ``input``
    (curate --input) the stage always runs: its rows come from outside the run directory."""
    ctx = StageContext(recipe, run_dir, stage_fingerprint(stage, recipe, run_dir), dry_run=dry_run, input=input)
    if dist.broadcast_object(not force and not input and is_up_to_date(stage, ctx)):
        return StageResult(stage.name, "skipped")
    start = time.time()
    record_stage(recipe, run_dir, stage.name, status="running", fingerprint=ctx.fingerprint, started=time.strftime("%Y-%m-%dT%H:%M:%S%z"))
    dist.barrier()
    try:
        extra = stage.run(ctx) if stage.all_ranks or dist.is_main() else None
        dist.barrier()
    except BaseException as exc:
        record_stage(recipe, run_dir, stage.name, status="failed", error=f"{type(exc).__name__}: {exc}"[:500])
        raise
    seconds = round(time.time() - start, 2)
    record_stage(
        recipe, run_dir, stage.name, **(extra or {}), status="done", fingerprint=ctx.fingerprint,
        finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"), seconds=seconds, world_size=dist.world_size(),
    )
    return StageResult(stage.name, "ran", seconds)


def run_stages(
    names: Sequence[str], recipe: Recipe, run_dir: RunDir, force: bool = False, dry_run: bool = False, input: Optional[str] = None
) -> List[StageResult]:
    prepare(recipe, run_dir)
    return [run_stage(get_stage(name), recipe, run_dir, force=force, dry_run=dry_run, input=input) for name in names]


def preflight(
    recipe: Recipe, run_dir: RunDir, names: Sequence[str], dry_run: bool = False, input: Optional[str] = None, skip_current: bool = False
) -> None:
    """Every named stage's up-front checks, before the first stage starts (not at minute 9 of 10).

    ``skip_current`` (``hfsynth run`` without ``--force``): a stage that will be skipped, because it and the
    named stages it reads are up to date, is not checked: a rerun of a finished run should not import
    TRL and bitsandbytes to check a training it will not do. ``validate`` checks every stage."""
    ctx = StageContext(recipe, run_dir, dry_run=dry_run, input=input)
    current: set = set()
    for stage in STAGES:
        if stage.name not in names:
            continue
        if skip_current and input is None and _will_be_skipped(stage, recipe, run_dir, names, current):
            current.add(stage.name)
            continue
        if stage.preflight is not None:
            stage.preflight(ctx)


def _will_be_skipped(stage: Stage, recipe: Recipe, run_dir: RunDir, names: Sequence[str], current: set) -> bool:
    """Whether :func:`run_stage` will skip ``stage``: up to date now, and so is every named stage it reads."""
    if any(up in names and up not in current for up in stage.upstream):
        return False
    try:
        return is_up_to_date(stage, StageContext(recipe, run_dir, stage_fingerprint(stage, recipe, run_dir)))
    except HfsynthError:  # an input it cannot fingerprint: its own preflight says what is wrong
        return False


def run_recipe(
    recipe: Recipe, stages: Sequence[str], output_dir: Optional[str] = None, force: bool = False, dry_run: bool = False,
    input: Optional[str] = None,
) -> int:
    """Check, then run the stages of a loaded recipe and print the summary (run, reproduce, stage commands).
    ``input``: ``hfsynth curate --input``, the dataset the curate stage reads instead of raw/."""
    from hfsynth.summary import print_summary

    run_dir = resolve_run_dir(recipe, output_dir)
    check_run_dir_is_safe(run_dir)
    preflight(recipe, run_dir, stages, dry_run=dry_run, input=input, skip_current=not force)
    guard_launch(run_dir)  # one launch per run directory, seen by every rank
    results = run_stages(stages, recipe, run_dir, force=force, dry_run=dry_run, input=input)
    if dist.is_main():
        print_summary(recipe, run_dir, results)
    return 0
