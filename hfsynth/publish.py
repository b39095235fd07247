"""The publish stage: materialise the two Hub repos on disk, then push them when asked and able.

``hub/model/`` and ``hub/dataset/`` in the run directory are exactly the files a push uploads:
what the user reviews after ``--dry-run`` is what goes up. Each folder is built next to the old
one and swapped in by rename, so a crash never leaves half an export. Pushing (one commit per
repo, see :mod:`hfsynth.hub_client`) happens only when the recipe names the repos, a token exists
and this is not a dry run; otherwise the stage says how to push. The token is never written
anywhere: the exports are checked for it before any upload.

The dataset export is laid out like a run directory (``data/<split>.parquet``, ``funnel.json``,
``decontamination.jsonl``, ``metrics.json``, ``recipe.yaml``), so its paths come from
:class:`~hfsynth.rundir.RunDir` too.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

from hfsynth import __version__
from hfsynth.cards import LENGTH_PNG, TRAINING_LOSS_PNG, RunFacts, SplitFacts
from hfsynth.cards.dataset_card import dataset_card
from hfsynth.cards.model_card import model_card
from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.hub_client import check_endpoint, check_token_can_push, find_token, hub_endpoint, offline, push_folder
from hfsynth.recipe import Recipe, fingerprint
from hfsynth.rundir import ADAPTER_CONFIG, RunDir, read_jsonl

README = "README.md"  # the card, at the root of each repo
# Files of adapter/ that never go to the Hub: pickles (unsafe to load, and TrainingArguments can
# carry hub settings) and peft's own README (ours replaces it).
EXCLUDED_ADAPTER_FILES = re.compile(r"(^\.|^README\.md$|\.(bin|pt|pth|pkl|pickle)$|^training_args)")
SPLIT_NAME = re.compile(r"^\w+(\.\w+)*$")  # what datasets accepts as a split name


def _repo_ids(recipe: Recipe) -> Tuple[str, str]:
    """The repo ids the cards talk about: the recipe's, or placeholders for a local-only export."""
    hub = recipe.hub
    return (hub.model_repo or f"your-username/{recipe.name}-adapter", hub.dataset_repo or f"your-username/{recipe.name}-code-data")


# ----------------------------------------------------------------------------------------------
# preflight: what can be refused before a 10-minute run starts


def preflight(ctx: StageContext) -> None:
    """Refuse a malformed endpoint and, when a push will happen, a token the Hub rejects (repo ids and
    the branch name are checked with the recipe, :mod:`hfsynth.schema.hub`)."""
    hub = ctx.recipe.hub
    if hub.model_repo or hub.dataset_repo:
        check_endpoint()  # no request: a malformed URL is refused even by validate and dry runs
    if _push_wanted(ctx):
        token = find_token()
        if token.value:
            check_token_can_push(token, [r for r in (hub.dataset_repo, hub.model_repo) if r])


def _push_wanted(ctx: StageContext) -> bool:
    return bool((ctx.recipe.hub.model_repo or ctx.recipe.hub.dataset_repo) and not ctx.dry_run)


# ----------------------------------------------------------------------------------------------
# reading the run directory


def _require(path: Path, stage: str, what: str) -> Path:
    if not path.exists():
        raise HfsynthError(f"{path}: missing ({what}); run `hfsynth {stage}` on this recipe first")
    return path


def _read_json(path: Path) -> Any:
    """The JSON in ``path``; a file that is not JSON names the stage to rerun (unlike rundir.read_json)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise HfsynthError(f"{path}: not valid JSON ({exc.__class__.__name__}); rerun the stage that writes it") from None


SPLIT_ORDER = {"train": 0, "validation": 1, "valid": 1, "dev": 1, "test": 2}


def split_files(run_dir: RunDir) -> List[Path]:
    """data/<split>.parquet with rows, train first, then validation, test, and the others by name.

    A split that curation emptied is left out: ``datasets`` cannot load a repo with an empty split
    ("corresponds to no data"), so publishing it would break every reader. No rows at all is refused.
    """
    import pyarrow.parquet as pq

    found = _require(run_dir.data, "curate", "curated splits").glob(run_dir.split_file("*").name)  # data/*.parquet
    files = sorted(found, key=lambda f: (SPLIT_ORDER.get(f.stem, 3), f.stem))
    if not files:
        raise HfsynthError(f"{run_dir.data}: no curated split (data/<split>.parquet); run `hfsynth curate` on this recipe first")
    for f in files:
        if not SPLIT_NAME.match(f.stem):
            raise HfsynthError(f"{f}: split name '{f.stem}' is not valid for datasets (letters, digits and underscores only)")
    with_rows = [f for f in files if pq.ParquetFile(f).metadata.num_rows > 0]
    if not with_rows:
        raise HfsynthError(
            f"{run_dir.data}: curation kept no rows in any split (see {run_dir.funnel.name} for what removed them); "
            "nothing to publish: generate more rows or loosen the curate filters"
        )
    return with_rows


def _last_user_message(prompt: Any) -> Optional[str]:
    if isinstance(prompt, list):
        for message in reversed(prompt):
            if isinstance(message, dict) and message.get("role") == "user":
                return message.get("content")
    return None


def _distinct(values: List[Any], limit: int = 8) -> List[Any]:
    seen = sorted({v for v in values if v is not None}, key=lambda v: (str(type(v)), v))
    return seen[:limit] + (["..."] if len(seen) > limit else [])


def collect_facts(recipe: Recipe, run_dir: RunDir) -> RunFacts:
    """Read everything the cards need; a missing input names the stage that makes it."""
    import pyarrow.parquet as pq

    _require(run_dir.adapter_config, "train", "the trained adapter")
    metrics = _read_json(_require(run_dir.metrics, "evaluate", "the evaluation figures"))
    funnel = _read_json(_require(run_dir.funnel, "curate", "the curation funnel"))
    files = split_files(run_dir)

    splits: List[SplitFacts] = []
    schemas = []
    strategy_counts: Dict[str, int] = {}
    strategy_prompts: Dict[str, str] = {}
    observed: Dict[str, List[Any]] = {"temperature": [], "top_p": [], "max_new_tokens": []}
    fingerprints: List[str] = []
    samples: List[Dict[str, Any]] = []
    lengths: Dict[str, List[int]] = {}
    length_unit = "completion tokens"
    for f in files:
        table = pq.read_table(f)
        schemas.append(table.schema)
        path_in_repo = run_dir.split_file(f.stem).relative_to(run_dir.path).as_posix()  # hub/dataset mirrors the run dir
        splits.append(SplitFacts(f.stem, path_in_repo, table.num_rows, int(table.nbytes), f.stat().st_size))
        columns = set(table.column_names)
        if "strategy" in columns:
            for name in table.column("strategy").to_pylist():
                strategy_counts[str(name)] = strategy_counts.get(str(name), 0) + 1
        for key in observed:
            if key in columns:
                observed[key].extend(table.column(key).to_pylist())
        if "adapter_fingerprint" in columns:
            fingerprints.extend(v for v in table.column("adapter_fingerprint").to_pylist() if v)
        if "completion_tokens" in columns and table.column("completion_tokens").null_count < table.num_rows:
            lengths[f.stem] = [v for v in table.column("completion_tokens").to_pylist() if v is not None]
        elif "response" in columns:
            length_unit = "response characters"
            lengths[f.stem] = [len(v or "") for v in table.column("response").to_pylist()]
        wanted = [c for c in ("id", "split", "strategy", "prompt", "instruction", "code", "response", "language", "status") if c in columns]
        head = table.select(wanted).slice(0, 200).to_pylist()
        for row in head:
            row.setdefault("split", f.stem)
            strategy = str(row.get("strategy"))
            if strategy not in strategy_prompts:
                strategy_prompts[strategy] = _last_user_message(row.get("prompt")) or row.get("instruction") or ""
            if len(samples) < 3 and row.get("status", "ok") == "ok" and f == files[0]:
                samples.append(row)

    base_id, note = _base_model(recipe)
    recipe_yaml = published_recipe_yaml(recipe)
    return RunFacts(
        recipe=recipe,
        recipe_yaml=recipe_yaml,
        recipe_fingerprint=fingerprint(recipe_yaml),
        manifest=run_dir.read_manifest(),
        metrics=metrics,
        funnel=funnel,
        decontamination=read_jsonl(run_dir.decontamination),
        trainer_log=_trainer_log(run_dir),
        adapter_config=_read_json(run_dir.adapter_config),
        base_model_id=base_id,
        base_model_note=note,
        splits=splits,
        features=_shared_features(schemas, run_dir),
        sample_rows=samples,
        strategy_counts=strategy_counts,
        strategy_prompts=strategy_prompts,
        observed_sampling={k: _distinct(v) for k, v in observed.items() if v},
        adapter_fingerprints=_distinct(fingerprints, 4),
        lengths=lengths,
        length_unit=length_unit,
        model_repo=recipe.hub.model_repo,
        dataset_repo=recipe.hub.dataset_repo,
    )


def published_recipe_yaml(recipe: Recipe) -> str:
    """The resolved recipe as published: without ``output_dir``, a path on the publisher's machine
    that does not change the results (``hfsynth reproduce`` picks its own run directory)."""
    return recipe.model_copy(update={"output_dir": None}).to_yaml()


def _shared_features(schemas: List[Any], run_dir: RunDir):
    """The datasets ``Features`` of every split (one config = one schema); splits written with
    different schemas (e.g. a column all-null in one split) are unified the way Arrow promotes them."""
    import pyarrow as pa
    from datasets import Features

    if all(s.equals(schemas[0], check_metadata=True) for s in schemas):
        return Features.from_arrow_schema(schemas[0])
    try:
        unified = pa.unify_schemas([s.remove_metadata() for s in schemas], promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise HfsynthError(f"{run_dir.data}: the splits have incompatible columns ({exc}); rerun `hfsynth curate`") from None
    return Features.from_arrow_schema(unified)


def _trainer_log(run_dir: RunDir) -> List[Dict[str, Any]]:
    from hfsynth.plots import read_trainer_log

    return read_trainer_log(run_dir.trainer_log)


def _base_model(recipe: Recipe) -> Tuple[Optional[str], Optional[str]]:
    """The base model's Hub id (never a local path) and a provenance note."""
    from hfsynth.models.resolve import base_model_id

    note = None
    if recipe.model.name_or_path.startswith("builtin:"):
        try:
            from hfsynth.models.builtin import builtin_spec

            note = builtin_spec(recipe.model.name_or_path).get("note")
        except (ImportError, HfsynthError, KeyError):
            note = None
    return base_model_id(recipe), note


# ----------------------------------------------------------------------------------------------
# materialising hub/model and hub/dataset


def _write_model_export(facts: RunFacts, run_dir: RunDir, dest: Path, repo_id: str) -> None:
    from hfsynth.plots import training_loss_plot

    for src in sorted(run_dir.adapter.iterdir()):
        if src.is_file() and not EXCLUDED_ADAPTER_FILES.search(src.name):
            shutil.copyfile(src, dest / src.name)
    config = dict(facts.adapter_config)
    local = config.get("base_model_name_or_path")
    # The adapter must point at the Hub id the card names, never at a folder on this machine.
    config["base_model_name_or_path"] = facts.base_model_id or (Path(local).name if local else None)
    if facts.base_model_id:
        config["revision"] = facts.recipe.model.revision
    (dest / ADAPTER_CONFIG).write_text(json.dumps(config, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    has_plot = training_loss_plot(facts.trainer_log, dest / TRAINING_LOSS_PNG, title=f"Training loss: {facts.recipe.name}")
    _write_common(facts, run_dir, dest)
    (dest / README).write_text(str(model_card(facts, repo_id, has_training_loss_png=has_plot)), encoding="utf-8")


def _write_dataset_export(facts: RunFacts, run_dir: RunDir, dest: Path, repo_id: str) -> None:
    from hfsynth.plots import length_distribution_plot

    export = RunDir(dest)  # the dataset repo is laid out like the run directory
    export.data.mkdir()
    for f in split_files(run_dir):
        shutil.copyfile(f, export.split_file(f.stem))
    for src, copy in ((run_dir.funnel, export.funnel), (run_dir.decontamination, export.decontamination)):
        if src.exists():
            shutil.copyfile(src, copy)
    has_plot = length_distribution_plot(facts.lengths, dest / LENGTH_PNG, unit=facts.length_unit)
    _write_common(facts, run_dir, dest)
    (dest / README).write_text(str(dataset_card(facts, repo_id, has_length_png=has_plot)), encoding="utf-8")


def _write_common(facts: RunFacts, run_dir: RunDir, dest: Path) -> None:
    """recipe.yaml (how to reproduce) and metrics.json (what it achieved) go into both repos."""
    export = RunDir(dest)
    export.recipe_file.write_text(facts.recipe_yaml, encoding="utf-8")
    shutil.copyfile(run_dir.metrics, export.metrics)


def _swap_in(build: Path, final: Path) -> None:
    """Replace ``final`` by ``build`` with renames only (never half a folder in place)."""
    old = final.with_name(f".{final.name}.old-{os.getpid()}")
    if final.exists():
        os.replace(final, old)
    os.replace(build, final)
    shutil.rmtree(old, ignore_errors=True)


def materialise(recipe: Recipe, run_dir: RunDir) -> Dict[str, Path]:
    """Write ``hub/model`` and ``hub/dataset``: exactly the files a push uploads."""
    facts = collect_facts(recipe, run_dir)
    model_id, dataset_id = _repo_ids(recipe)
    run_dir.hub.mkdir(parents=True, exist_ok=True)
    for stale in run_dir.hub.glob(".*.build-*"):
        shutil.rmtree(stale, ignore_errors=True)
    out = {}
    for kind, writer, repo_id, final in (
        ("model", _write_model_export, model_id, run_dir.hub_model),
        ("dataset", _write_dataset_export, dataset_id, run_dir.hub_dataset),
    ):
        build = final.with_name(f".{final.name}.build-{os.getpid()}")
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir()
        writer(facts, run_dir, build, repo_id)
        _swap_in(build, final)
        out[kind] = final
    return out


def export_summary(folder: Path) -> Dict[str, Any]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def assert_no_token(folders: List[Path], token: Optional[str], source: str) -> None:
    """Refuse to push a file that contains the token (defence in depth: hfsynth never writes it)."""
    if not token:
        return
    needle = token.encode()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and needle in path.read_bytes():
                raise HfsynthError(f"{path}: contains the Hub token from {source}; refusing to publish it (remove it from the run's files)")


# ----------------------------------------------------------------------------------------------
# the stage


def _how_to_push(run_dir: RunDir) -> str:
    return f"hfsynth publish {run_dir.recipe_file} --output-dir {run_dir.path}"


def publish_stage(ctx: StageContext) -> Dict[str, Any]:
    """Materialise both repos, then push them (dataset first: the model card links to it).

    Returns the fields of the stage's manifest entry (the runner records them with the status):
    ``pushed``, ``exports`` (files and bytes per repo), ``model_url`` / ``dataset_url`` /
    ``model_commit`` / ``dataset_commit``, and after a push ``endpoint`` and ``<kind>_new_commit``
    for each repo pushed. Each pushed repo is also merged into the manifest entry as soon as it is
    up, so a failure on the second repo does not lose the first.
    """
    recipe, run_dir = ctx.recipe, ctx.run_dir
    exports = materialise(recipe, run_dir)
    record: Dict[str, Any] = {
        "pushed": False, "model_url": None, "dataset_url": None, "model_commit": None, "dataset_commit": None,
        "exports": {kind: export_summary(path) for kind, path in exports.items()},
    }
    print(f"publish: wrote {exports['model']} and {exports['dataset']} (exactly what a push uploads)")
    hub = recipe.hub
    targets = [(kind, repo) for kind, repo in (("dataset", hub.dataset_repo), ("model", hub.model_repo)) if repo]
    token = find_token()
    reason = None
    if not targets:
        reason = "the recipe names no repo (set hub.model_repo and/or hub.dataset_repo to push)"
    elif ctx.dry_run:
        reason = f"dry run; to push: {_how_to_push(run_dir)}"
    elif offline():
        reason = f"HF_HUB_OFFLINE is set; to push, unset it and run: {_how_to_push(run_dir)}"
    elif not token.value:
        reason = f"no Hub token found; run `hf auth login` (or set HF_TOKEN), then: {_how_to_push(run_dir)}"
    if reason:
        print(f"publish: not pushed: {reason}")
        return record
    assert_no_token(list(exports.values()), token.value, token.source)
    record["endpoint"] = hub_endpoint()
    message = f"hfsynth {__version__}: publish {recipe.name} (recipe {fingerprint(recipe.to_yaml())})"
    description = (
        f"Pushed by `hfsynth publish` from the run directory of recipe '{recipe.name}'. "
        "recipe.yaml in this repo reproduces it: `hfsynth reproduce <this repo>`."
    )
    for kind, repo_id in targets:
        result = push_folder(
            exports[kind], repo_id, kind, token=token, private=hub.private, revision=hub.revision,
            commit_message=message, commit_description=description,
        )
        record[f"{kind}_url"] = result.url
        record[f"{kind}_commit"] = result.commit
        record[f"{kind}_new_commit"] = result.new_commit
        state = "new commit" if result.new_commit else "unchanged, no new commit"
        print(f"publish: {kind} repo {repo_id}: {result.url} @ {result.commit[:12]} ({state})")
        run_dir.update_stage("publish", **record)  # a pushed repo stays recorded if the next push fails
    record["pushed"] = True
    return record


def push_pending(ctx: StageContext) -> bool:
    """True when a push is wanted and possible but the manifest shows none for the current export.

    For the run orchestration: a publish that stopped at the local export (dry run, no token) is
    "done" by its fingerprint, yet a later non-dry-run with a token must still push.
    """
    if not _push_wanted(ctx) or offline() or not find_token().value:
        return False
    return not ctx.run_dir.stage_record("publish").get("pushed")
