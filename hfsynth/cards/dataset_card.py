"""The dataset's README.md: ``DatasetCardData`` (configs and dataset_info written by datasets itself)
plus ``dataset_card.md.j2``."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml

from hfsynth.cards.common import (
    LENGTH_PNG,
    hfsynth_version,
    load_template,
    method,
    metric_rows,
    recipe_text,
    seed_datasets,
    seed_description,
)
from hfsynth.cards.facts import RunFacts
from hfsynth.cards.format import cell, fence_for, hub_link, size_category, truncate
from hfsynth.recipe import Recipe


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
    MetadataConfigs({"default": {"data_files": [{"split": s.name, "path": s.path} for s in facts.splits]}}).to_dataset_card_data(card_data)
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


def _reasons(facts: RunFacts, step: Any) -> str:
    """Why a step removed rows: its reason kinds with counts, most frequent first (funnel.json ``reasons``)."""
    reasons = facts.funnel.get("reasons")
    counts = reasons.get(step) if isinstance(reasons, dict) else None
    if not isinstance(counts, dict) or not counts:
        return ""
    return ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _funnel_rows(facts: RunFacts) -> List[Dict[str, str]]:
    return [
        {"name": cell(s.get("name")), "rows_in": cell(s.get("rows_in")), "rows_out": cell(s.get("rows_out")), "removed": cell(s.get("removed")),
         "why": cell(_reasons(facts, s.get("name")) or "-")}
        for s in facts.funnel.get("steps") or [] if isinstance(s, dict)
    ]


def decontamination_benchmarks(recipe: Recipe) -> List[str]:
    """Names of the benchmarks the curate section decontaminates against (HumanEval by default)."""
    section = recipe.curate.decontaminate
    if not section.enabled:
        return ["none: decontamination was off"]
    names = ["HumanEval"] if section.humaneval else []
    names += [str(bench.name or bench.dataset or bench) for bench in section.benchmarks]
    return names


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


def _data_value(facts: RunFacts) -> Optional[Dict[str, Any]]:
    """The students' table from metrics.json's ``data_value`` section: one row per student, one column per figure
    (mean ± spread over seeds, the sample size in the header), then one sentence per comparison."""
    section = facts.metrics.get("data_value")
    if not isinstance(section, dict) or not section.get("students"):
        return None
    students = [s for s in section["students"] if isinstance(s, dict)]
    keys = list(dict.fromkeys(k for s in students for k in (s.get("figures") or {})))
    header = []
    for key in keys:
        sizes = {int((s.get("figures") or {}).get(key, {}).get("sample_size") or 0) for s in students}
        unit = "problems" if key.startswith("humaneval") else "rows"
        header.append(cell(f"{key} (n = {'/'.join(str(n) for n in sorted(sizes))} {unit})"))
    rows = []
    for s in students:
        values = []
        for key in keys:
            fig = (s.get("figures") or {}).get(key) or {}
            mean, spread = fig.get("mean"), fig.get("spread")
            if mean is None:
                values.append("n/a")
            elif spread is None or int(fig.get("seeds_scored") or 0) < 2:  # one seed: no spread was measured
                values.append(f"{mean:.3f}")
            else:
                values.append(f"{mean:.3f} ± {spread:.3f}")
        epochs = s.get("epochs")
        budget = f"{s.get('budget')}, {epochs:.1f} epochs" if isinstance(epochs, (int, float)) else s.get("budget")
        rows.append({
            "student": cell(s.get("student")), "trained_on": cell(s.get("trained_on")), "budget": cell(budget),
            "seeds": cell(", ".join(str(x) for x in s.get("seeds") or [])), "values": values,
        })
    budget = section.get("budget") or {}
    return {
        "header": header, "rows": rows, "student_model": cell(budget.get("student_model")),
        "sentences": [c["sentence"] for c in section.get("comparisons") or [] if isinstance(c, dict) and c.get("sentence")],
        "spread": cell(section.get("spread")),
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


def dataset_card(facts: RunFacts, repo_id: str, *, has_length_png: bool):
    """The dataset's README.md as a huggingface_hub ``DatasetCard``.

    ``has_length_png``: the export holds the length distribution plot (the card shows it).
    """
    from huggingface_hub import DatasetCard

    recipe = facts.recipe
    total = sum(s.rows for s in facts.splits)
    summary = (
        f"{total} synthetic Python instruction/solution rows written by a {method(recipe)}-tuned "
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
        data_value=_data_value(facts),
        length_png=LENGTH_PNG if has_length_png else None,
        sample_rows=_sample_rows(facts),
        recipe_fingerprint=facts.recipe_fingerprint,
        recipe_yaml=recipe_text(facts),
        hfsynth_version=hfsynth_version(facts),
        **_decontam(facts),
    )
