"""The model card and the dataset card: Jinja2 templates (package data) and their renderer.

This folder ships as the package ``hfsynth.cards`` (see setup.py), so the renderer lives here,
next to its templates: a module ``hfsynth/cards.py`` would shadow the package (or be shadowed by
it in a wheel). Templates are read with ``importlib.resources``; metadata goes through
huggingface_hub's ``ModelCardData`` / ``DatasetCardData`` / ``EvalResult`` and the split metadata
through datasets' own ``DatasetInfo``/``MetadataConfigs``, so what the Hub, ``ModelCard.load`` and ``load_dataset`` read
back is exactly what those libraries write. Nothing here reads the clock: the same run renders the
same bytes, so re-publishing it makes no new commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from hfsynth import __version__
from hfsynth.recipe import Recipe

TRAINING_LOSS_PNG = "training_loss.png"
LENGTH_PNG = "length_distribution.png"
HUMANEVAL_DATASET = ("openai/openai_humaneval", "HumanEval")
PASS_AT = re.compile(r"pass@(\d+)")


@dataclass
class SplitFacts:
    """One curated split as published: ``data/<name>.parquet``."""

    name: str
    rows: int
    num_bytes: int  # Arrow size in memory (datasets' num_bytes)
    file_bytes: int  # parquet file size (datasets' download_size)


@dataclass
class RunFacts:
    """Everything the cards say, read from the run directory by :mod:`hfsynth.publish`."""

    recipe: Recipe
    recipe_yaml: str
    recipe_fingerprint: str
    manifest: Dict[str, Any]
    metrics: Dict[str, Any]
    funnel: Dict[str, Any]
    decontamination: List[Dict[str, Any]]
    splits: List[SplitFacts]
    features: Any  # datasets.Features shared by every split
    trainer_log: List[Dict[str, Any]]
    adapter_config: Dict[str, Any]
    sample_rows: List[Dict[str, Any]]
    strategy_counts: Dict[str, int]
    strategy_prompts: Dict[str, str]
    observed_sampling: Dict[str, List[Any]]
    adapter_fingerprints: List[str]
    base_model_id: Optional[str]
    base_model_note: Optional[str] = None
    has_training_loss_png: bool = False
    has_length_png: bool = False
    model_repo: Optional[str] = None
    dataset_repo: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)


def load_template(name: str) -> str:
    """A card template shipped in the ``hfsynth.cards`` package (the top-level ``cards/`` folder)."""
    return resources.files("hfsynth.cards").joinpath(name).read_text(encoding="utf-8")


# ----------------------------------------------------------------------------------------------
# formatting helpers: every value that lands in a markdown table goes through cell()


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


def seed_description(recipe: Recipe) -> str:
    seed = recipe.seed
    if seed.dataset:
        extra = "".join(f", {k} `{v}`" for k, v in (("config", seed.config), ("split", seed.split), ("revision", seed.revision)) if v)
        return f"the Hub dataset [{seed.dataset}]({hub_link(seed.dataset, 'dataset')}){extra}"
    if seed.python_source == "stdlib":
        return "functions with docstrings mined from the Python standard library (docstring -> instruction, source -> response)"
    if seed.python_source:
        return f"functions with docstrings mined from the Python sources in `{Path(seed.python_source).name}`"
    return f"the local file `{Path(seed.path).name}`"


def seed_datasets(recipe: Recipe) -> List[str]:
    return [recipe.seed.dataset] if recipe.seed.dataset else []


# ----------------------------------------------------------------------------------------------
# metrics.json -> tables and model-index


def figures(facts: RunFacts) -> Dict[str, Dict[str, Any]]:
    found = facts.metrics.get("figures") or {}
    return {k: v for k, v in found.items() if isinstance(v, dict)}


def metric_rows(facts: RunFacts, groups: Optional[Sequence[str]] = None) -> List[Dict[str, str]]:
    rows = []
    for key, fig in figures(facts).items():
        if groups is not None and str(fig.get("group", "")) not in groups and not _is_model_figure(key, fig):
            continue
        rows.append({
            "name": cell(key), "value": cell(fig.get("value")), "sample_size": cell(fig.get("sample_size")),
            "seed": cell(fig.get("seed")), "definition": cell(fig.get("definition")), "group": cell(fig.get("group")),
        })
    return rows


MODEL_GROUPS = ("humaneval", "training", "perplexity")


def _is_model_figure(key: str, fig: Dict[str, Any]) -> bool:
    """Figures about the model (HumanEval, losses, perplexity) rather than about the data: decided by
    the figure's group when metrics.json gives one (a key like rows_train is about data)."""
    group = str(fig.get("group") or "").lower()
    if group:
        return group in MODEL_GROUPS
    return any(word in key.lower() for word in ("humaneval", "loss", "perplexity", "pass@"))


def _is_base(key: str) -> bool:
    return bool(re.search(r"(^|[_\-.\s])base($|[_\-.\s])", key.lower()))


def eval_results(facts: RunFacts) -> List[Any]:
    """The model-index entries: HumanEval pass@k of the tuned model (and the base as a labelled
    reference), eval loss; only figures with a numeric value."""
    from huggingface_hub import EvalResult

    results = []
    for key, fig in figures(facts).items():
        value = fig.get("value")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            continue
        lowered = key.lower()
        args = {"sample_size": fig["sample_size"]} if isinstance(fig.get("sample_size"), int) else None
        if "humaneval" in lowered and PASS_AT.search(lowered):
            k = PASS_AT.search(lowered).group(1)
            base = _is_base(key)
            results.append(EvalResult(
                task_type="text-generation", task_name="Code generation",
                dataset_type=HUMANEVAL_DATASET[0], dataset_name=HUMANEVAL_DATASET[1], dataset_split="test",
                metric_type=f"pass@{k}" + ("_base_model" if base else ""),
                metric_name=f"pass@{k}" + (" of the base model (reference, same harness)" if base else ""),
                metric_value=round(float(value), 4), metric_args=args,
            ))
        elif lowered.endswith("eval_loss") and not _is_base(key):
            seed = facts.recipe.seed
            results.append(EvalResult(
                task_type="text-generation", task_name="Supervised fine-tuning",
                dataset_type=seed.dataset or f"{facts.recipe.name}-seed", dataset_name="held-out seed split",
                dataset_split="eval", metric_type="loss", metric_name="eval loss",
                metric_value=round(float(value), 4),
            ))
    return results


# ----------------------------------------------------------------------------------------------
# the model card


def _method(recipe: Recipe) -> str:
    return "QLoRA" if recipe.quantization.load_in_4bit else "LoRA"


def model_tags(recipe: Recipe) -> List[str]:
    tags = ["hfsynth", "trl", "sft", _method(recipe).lower(), "code", "peft"]
    if recipe.lora.use_dora:
        tags.append("dora")
    return tags


def _steps(facts: RunFacts) -> Optional[int]:
    steps = [r.get("step") for r in facts.trainer_log if isinstance(r.get("step"), (int, float))]
    return int(max(steps)) if steps else None


def _hyperparameter_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    train = facts.recipe.train
    kwargs = train.sft_kwargs()
    world = facts.manifest.get("stages", {}).get("train", {}).get("world_size") or 1
    rows = [(cell(k), cell(v)) for k, v in kwargs.items()]
    effective = train.per_device_train_batch_size * train.gradient_accumulation_steps * int(world)
    rows.append(("effective batch size", cell(f"{effective} ({train.per_device_train_batch_size} per device x {train.gradient_accumulation_steps} accumulation x {world} processes)")))
    steps = _steps(facts)
    rows.append(("optimizer steps run", cell(steps if steps is not None else "not recorded")))
    losses = [r["loss"] for r in facts.trainer_log if isinstance(r.get("loss"), (int, float))]
    if losses:
        rows.append(("final train loss", cell(float(losses[-1]))))
    return rows


def _lora_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    config = facts.adapter_config or facts.recipe.lora.model_dump()
    keys = ("peft_type", "r", "lora_alpha", "lora_dropout", "target_modules", "bias", "use_dora", "use_rslora", "modules_to_save", "task_type")
    return [(k, cell(sorted(config[k]) if isinstance(config.get(k), list) else config.get(k))) for k in keys if k in config]


def _quant_rows(recipe: Recipe) -> List[Tuple[str, str]]:
    q = recipe.quantization
    return [(k, cell(v)) for k, v in q.model_dump().items()]


def _compute_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    train = facts.manifest.get("stages", {}).get("train", {})
    rows = [
        ("processes", cell(train.get("world_size", "not recorded"))),
        ("launcher / accelerate config", cell(train.get("accelerate_config") or train.get("distributed_type") or train.get("launcher") or "single process (none recorded)")),
        ("hardware", cell(train.get("hardware") or train.get("device") or "not recorded")),
        ("training wall time", cell(duration(train.get("seconds")))),
        ("model dtype", cell(facts.recipe.model.dtype)),
    ]
    return rows


def _versions(facts: RunFacts) -> List[Tuple[str, str]]:
    versions = facts.manifest.get("versions") or {}
    return [(cell(k), cell(v)) for k, v in versions.items() if v]


def _humaneval_note(facts: RunFacts) -> Optional[str]:
    sizes = [fig.get("sample_size") for key, fig in figures(facts).items() if "humaneval" in key.lower()]
    sizes = [s for s in sizes if isinstance(s, int)]
    if sizes and max(sizes) < 164:
        return f"HumanEval on {max(sizes)} of its 164 problems"
    return None


def model_card(facts: RunFacts, repo_id: str):
    """The adapter's README.md as a huggingface_hub ``ModelCard``."""
    from huggingface_hub import ModelCard, ModelCardData

    recipe = facts.recipe
    datasets_meta = seed_datasets(recipe) + ([facts.dataset_repo] if facts.dataset_repo else [])
    results = eval_results(facts)
    card_data = ModelCardData(
        base_model=facts.base_model_id,
        library_name="peft",
        pipeline_tag="text-generation",
        tags=model_tags(recipe),
        datasets=datasets_meta or None,
        license=recipe.hub.license,
        language=list(recipe.hub.language),
        eval_results=results or None,
        model_name=repo_id.split("/")[-1],
    )
    base_for_code = facts.base_model_id or "<the base model>"
    method = _method(recipe)
    summary = (
        f"A {method} adapter for code generation, fine-tuned with TRL on {seed_description(recipe)} "
        f"by the hfsynth recipe `{recipe.name}`."
        + (f" It then wrote the synthetic dataset [{facts.dataset_repo}]({hub_link(facts.dataset_repo, 'dataset')})." if facts.dataset_repo else "")
    )
    steps = _steps(facts)
    return ModelCard.from_template(
        card_data,
        template_str=load_template("model_card.md.j2"),
        title=f"{repo_id.split('/')[-1]}",
        summary=summary,
        repo_id=repo_id,
        base_model=facts.base_model_id,
        base_model_url=hub_link(facts.base_model_id, "model") if facts.base_model_id else None,
        base_model_local=Path(recipe.model.name_or_path).name,
        base_note=facts.base_model_note,
        base_for_code=base_for_code,
        method=method,
        lora=recipe.lora,
        quant=recipe.quantization,
        model_dtype=recipe.model.dtype,
        seed_description=seed_description(recipe),
        dataset_repo=facts.dataset_repo,
        dataset_url=hub_link(facts.dataset_repo, "dataset") if facts.dataset_repo else None,
        license=recipe.hub.license,
        hfsynth_version=facts.metrics.get("hfsynth_version") or __version__,
        train_rows_text=seed_description(recipe),
        steps_text=f"{steps} optimizer steps" if steps is not None else "a few steps",
        training_loss_png=TRAINING_LOSS_PNG if facts.has_training_loss_png else None,
        hyperparameters=_hyperparameter_rows(facts),
        lora_rows=_lora_rows(facts),
        quant_rows=_quant_rows(recipe),
        compute_rows=_compute_rows(facts),
        eval_rows=metric_rows(facts, groups=("model", "humaneval", "training", "train", "perplexity")),
        recipe_fingerprint=facts.recipe_fingerprint,
        recipe_yaml=facts.recipe_yaml if facts.recipe_yaml.endswith("\n") else facts.recipe_yaml + "\n",
        reproduce_repo=facts.dataset_repo or repo_id,
        reproduce_repo_type="dataset" if facts.dataset_repo else "model",
        versions=_versions(facts),
        humaneval_note=_humaneval_note(facts),
    )


# ----------------------------------------------------------------------------------------------
# the dataset card


def dataset_tags(facts: RunFacts) -> List[str]:
    tags = ["synthetic", "code", "hfsynth", "python"]
    tags += [s.replace("_", "-") for s in sorted(facts.strategy_counts)]
    return tags


def dataset_card_data(facts: RunFacts):
    """``DatasetCardData`` with ``configs`` and ``dataset_info`` written by datasets itself."""
    from datasets.info import DatasetInfo, DatasetInfosDict
    from datasets.splits import SplitDict, SplitInfo
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCardData

    recipe = facts.recipe
    total = sum(s.rows for s in facts.splits)
    card_data = DatasetCardData(
        language=list(recipe.hub.language),
        license=recipe.hub.license,
        task_categories=["text-generation"],
        tags=dataset_tags(facts),
        size_categories=[size_category(total)],
        source_datasets=seed_datasets(recipe) or ["original"],
        pretty_name=f"{recipe.name} synthetic code",
        annotations_creators=["machine-generated"],
        language_creators=["machine-generated"],
        multilinguality=["monolingual"],
    )
    MetadataConfigs({"default": {"data_files": [{"split": s.name, "path": f"data/{s.name}.parquet"} for s in facts.splits]}}).to_dataset_card_data(card_data)
    splits = SplitDict()
    for s in facts.splits:
        splits.add(SplitInfo(name=s.name, num_bytes=s.num_bytes, num_examples=s.rows))
    info = DatasetInfo(
        features=facts.features, splits=splits,
        download_size=sum(s.file_bytes for s in facts.splits), dataset_size=sum(s.num_bytes for s in facts.splits),
    )
    DatasetInfosDict({"default": info}).to_dataset_card_data(card_data)
    return card_data


def _strategy_rows(facts: RunFacts) -> List[Dict[str, str]]:
    total = sum(facts.strategy_counts.values()) or 1
    return [{"name": cell(k), "rows": cell(v), "share": f"{100 * v / total:.1f}%"} for k, v in sorted(facts.strategy_counts.items())]


def _strategy_examples(facts: RunFacts) -> List[Dict[str, str]]:
    out = []
    for name, prompt in sorted(facts.strategy_prompts.items()):
        text = truncate(prompt, 1200)
        out.append({"name": name, "prompt": text, "fence": fence_for(text)})
    return out


def _sampling_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    g = facts.recipe.generate.model_dump()
    rows = [(cell(k), cell(v)) for k, v in g.items() if not isinstance(v, (dict, list)) and v is not None]
    for name, values in facts.observed_sampling.items():
        rows.append((f"{name} (observed in rows)", cell(values)))
    return rows


def _funnel_rows(facts: RunFacts) -> List[Dict[str, str]]:
    return [
        {"name": cell(s.get("name")), "rows_in": cell(s.get("rows_in")), "rows_out": cell(s.get("rows_out")), "removed": cell(s.get("removed"))}
        for s in facts.funnel.get("steps") or [] if isinstance(s, dict)
    ]


def _decontam(facts: RunFacts, limit: int = 20) -> Dict[str, Any]:
    rows = facts.decontamination
    by_benchmark: Dict[str, int] = {}
    for r in rows:
        by_benchmark[str(r.get("benchmark"))] = by_benchmark.get(str(r.get("benchmark")), 0) + 1
    shown = [
        {"split": cell(r.get("split")), "benchmark": cell(r.get("benchmark")), "task_id": cell(r.get("task_id")),
         "match_ratio": cell(round(float(r["match_ratio"]), 3) if isinstance(r.get("match_ratio"), (int, float)) else r.get("match_ratio"))}
        for r in rows[:limit]
    ]
    return {
        "decontam_total": len(rows),
        "decontam_summary": ", ".join(f"{n} {b}" for b, n in sorted(by_benchmark.items())),
        "decontam_rows": shown,
        "decontam_more": max(0, len(rows) - limit),
        "decontam_benchmarks": cell(decontamination_benchmarks(facts.recipe)),
    }


def decontamination_benchmarks(recipe: Recipe) -> List[str]:
    """Names of the benchmarks the curate section decontaminates against (HumanEval by default)."""
    section = getattr(recipe.curate, "decontaminate", None)
    if section is None:
        return ["HumanEval"]
    if getattr(section, "enabled", True) is False:
        return ["none: decontamination was off"]
    names = ["HumanEval"] if getattr(section, "humaneval", True) else []
    for bench in getattr(section, "benchmarks", None) or []:
        name = bench.get("name") or bench.get("dataset") if isinstance(bench, dict) else getattr(bench, "name", None) or getattr(bench, "dataset", None) or bench
        names.append(str(name))
    return names


def _secrets(facts: RunFacts) -> Optional[Dict[str, Any]]:
    """The curate stage's secret scan (counts by kind only, never the matched text)."""
    report = facts.funnel.get("secrets")
    if not isinstance(report, dict):
        return None
    kinds = report.get("findings") or {}
    return {
        "policy": cell(report.get("policy")), "rows": cell(report.get("rows_with_findings", 0)),
        "kinds": [(cell(k), cell(v)) for k, v in sorted(kinds.items())] if isinstance(kinds, dict) else [],
    }


def _sample_rows(facts: RunFacts) -> List[Dict[str, str]]:
    out = []
    for row in facts.sample_rows:
        code = truncate(row.get("code") or row.get("response"), 1500)
        instruction = truncate(row.get("instruction"), 600).replace("\n", "\n> ")
        out.append({
            "id": cell(row.get("id")), "split": cell(row.get("split")), "strategy": cell(row.get("strategy")),
            "instruction": instruction, "code": code, "fence": fence_for(code),
            "language": "python" if (row.get("language") or "python") == "python" else str(row.get("language")),
        })
    return out


def dataset_card(facts: RunFacts, repo_id: str):
    """The dataset's README.md as a huggingface_hub ``DatasetCard``."""
    from huggingface_hub import DatasetCard

    recipe = facts.recipe
    total = sum(s.rows for s in facts.splits)
    method = _method(recipe)
    summary = (
        f"{total} synthetic Python instruction/solution rows written by a {method}-tuned "
        f"{facts.base_model_id or 'code model'} and curated (validity, deduplication, decontamination, execution) "
        f"by the hfsynth recipe `{recipe.name}`."
    )
    generate_yaml = yaml.safe_dump(recipe.section_dict("generate")["generate"], sort_keys=False)
    failures = facts.funnel.get("failures") or {}
    return DatasetCard.from_template(
        dataset_card_data(facts),
        template_str=load_template("dataset_card.md.j2"),
        title=f"{repo_id.split('/')[-1]}",
        summary=summary,
        repo_id=repo_id,
        split_rows=[(s.name, s.rows) for s in facts.splits],
        first_split=facts.splits[0].name if facts.splits else "train",
        model_repo=facts.model_repo,
        model_url=hub_link(facts.model_repo, "model") if facts.model_repo else None,
        base_model=facts.base_model_id,
        base_model_url=hub_link(facts.base_model_id, "model") if facts.base_model_id else None,
        base_model_local=Path(recipe.model.name_or_path).name,
        use_adapter=recipe.generate.use_adapter,
        adapter_fingerprints=cell(facts.adapter_fingerprints or "not recorded"),
        seed_description=seed_description(recipe),
        engine=recipe.generate.engine,
        strategy_rows=_strategy_rows(facts),
        strategy_examples=_strategy_examples(facts),
        sampling_rows=_sampling_rows(facts),
        generate_yaml=generate_yaml,
        funnel_rows=_funnel_rows(facts),
        failure_rows=[(cell(k), cell(v)) for k, v in sorted(failures.items())],
        secrets=_secrets(facts),
        metric_rows=metric_rows(facts),
        length_png=LENGTH_PNG if facts.has_length_png else None,
        sample_rows=_sample_rows(facts),
        recipe_fingerprint=facts.recipe_fingerprint,
        recipe_yaml=facts.recipe_yaml if facts.recipe_yaml.endswith("\n") else facts.recipe_yaml + "\n",
        hfsynth_version=facts.metrics.get("hfsynth_version") or __version__,
        **_decontam(facts),
    )

