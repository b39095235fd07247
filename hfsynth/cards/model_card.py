"""The adapter's README.md: ``ModelCardData`` (with the model-index) plus ``model_card.md.j2``."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, List, Optional, Tuple

from hfsynth.cards.common import (
    TRAINING_LOSS_PNG,
    figures,
    hfsynth_version,
    load_template,
    method,
    metric_rows,
    recipe_text,
    seed_datasets,
    seed_description,
)
from hfsynth.cards.facts import RunFacts
from hfsynth.cards.format import cell, duration, hub_link
from hfsynth.recipe import Recipe

HUMANEVAL_DATASET = ("openai/openai_humaneval", "HumanEval")
PASS_AT = re.compile(r"pass@(\d+)")


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


def model_tags(recipe: Recipe) -> List[str]:
    tags = ["hfsynth", "trl", "sft", method(recipe).lower(), "code", "peft"]
    if recipe.lora.use_dora:
        tags.append("dora")
    return tags


def _steps(facts: RunFacts) -> Optional[int]:
    steps = [r.get("step") for r in facts.trainer_log if isinstance(r.get("step"), (int, float))]
    return int(max(steps)) if steps else None


def _train_record(facts: RunFacts) -> dict:
    """The train stage's manifest entry (world size, wall time, launcher)."""
    return facts.manifest.get("stages", {}).get("train", {})


def _hyperparameter_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    train = facts.recipe.train
    kwargs = train.sft_kwargs()
    world = _train_record(facts).get("world_size") or 1
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
    return [(k, cell(v)) for k, v in recipe.quantization.model_dump().items()]


def _compute_rows(facts: RunFacts) -> List[Tuple[str, str]]:
    train = _train_record(facts)
    return [
        ("processes", cell(train.get("world_size", "not recorded"))),
        ("launcher / accelerate config", cell(train.get("accelerate_config") or train.get("distributed_type") or train.get("launcher") or "single process (none recorded)")),
        ("hardware", cell(train.get("hardware") or train.get("device") or "not recorded")),
        ("training wall time", cell(duration(train.get("seconds")))),
        ("model dtype", cell(facts.recipe.model.dtype)),
    ]


def _versions(facts: RunFacts) -> List[Tuple[str, str]]:
    versions = facts.manifest.get("versions") or {}
    return [(cell(k), cell(v)) for k, v in versions.items() if v]


def _humaneval_note(facts: RunFacts) -> Optional[str]:
    sizes = [fig.get("sample_size") for key, fig in figures(facts).items() if "humaneval" in key.lower()]
    sizes = [s for s in sizes if isinstance(s, int)]
    if sizes and max(sizes) < 164:
        return f"HumanEval on {max(sizes)} of its 164 problems"
    return None


def model_card(facts: RunFacts, repo_id: str, *, has_training_loss_png: bool):
    """The adapter's README.md as a huggingface_hub ``ModelCard``.

    ``has_training_loss_png``: the export holds the training loss plot (the card shows it).
    """
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
    kind = method(recipe)
    summary = (
        f"A {kind} adapter for code generation, fine-tuned with TRL on {seed_description(recipe)} "
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
        method=kind,
        lora=recipe.lora,
        quant=recipe.quantization,
        model_dtype=recipe.model.dtype,
        seed_description=seed_description(recipe),
        dataset_repo=facts.dataset_repo,
        dataset_url=hub_link(facts.dataset_repo, "dataset") if facts.dataset_repo else None,
        license=recipe.hub.license,
        hfsynth_version=hfsynth_version(facts),
        train_rows_text=seed_description(recipe),
        steps_text=f"{steps} optimizer steps" if steps is not None else "a few steps",
        training_loss_png=TRAINING_LOSS_PNG if has_training_loss_png else None,
        hyperparameters=_hyperparameter_rows(facts),
        lora_rows=_lora_rows(facts),
        quant_rows=_quant_rows(recipe),
        compute_rows=_compute_rows(facts),
        eval_rows=metric_rows(facts, groups=("model", "humaneval", "training", "train", "perplexity")),
        recipe_fingerprint=facts.recipe_fingerprint,
        recipe_yaml=recipe_text(facts),
        reproduce_repo=facts.dataset_repo or repo_id,
        reproduce_repo_type="dataset" if facts.dataset_repo else "model",
        versions=_versions(facts),
        humaneval_note=_humaneval_note(facts),
    )
