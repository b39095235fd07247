"""The students stage (data value) on the tiny model: the table with its rows, metrics.json's section and
the dataset card's, skipping when nothing changed, rerunning when data/train.parquet changes, and the
refusals of bad input (one line, exit 2, before any student trains)."""

from __future__ import annotations

import json
import shutil

import pytest
from run_dir_factory import make_run_dir, run_dir_template  # noqa: F401

from helpers import assert_user_error, run_cli_in_process

from hfsynth.errors import HfsynthError
from hfsynth.students.table import compare, data_value_section, summarise

QUIET = {"humaneval": {"enabled": False}, "perplexity": {"enabled": False}, "diversity": {"enabled": False}}


def stage_status(stdout: str, name: str) -> str:
    for line in stdout.splitlines():
        parts = [p.strip() for p in line.strip("│┃ ").split("│")]
        if len(parts) >= 2 and parts[0] == name:
            return parts[1]
    raise AssertionError(f"no '{name}' row in the summary:\n{stdout}")


def run_fig(kind, seed, loss, n=4):
    return {"kind": kind, "seed": seed, "trained_on": kind, "train_rows": 10, "budget": "2 steps x 2 rows",
            "figures": {"heldout_seed_loss": {"value": loss, "sample_size": n, "definition": "d"}}}


def test_spread_decides_between_an_effect_and_no_measurable_effect():
    clear = data_value_section([run_fig("synthetic", 0, 1.0), run_fig("synthetic", 1, 1.2), run_fig("seed", 0, 2.0), run_fig("seed", 1, 2.2)], {}, {})
    [found] = clear["comparisons"]
    assert found["measurable"] and found["difference"] == pytest.approx(-1.0) and found["spread"] == pytest.approx(0.2)
    assert "lowers held-out seed loss by 1.000 ± 0.200 nats/token" in found["sentence"] and "4 rows, 2 seeds" in found["sentence"]
    covered = data_value_section([run_fig("synthetic", 0, 1.0), run_fig("synthetic", 1, 2.0), run_fig("seed", 0, 1.4), run_fig("seed", 1, 1.8)], {}, {})
    assert not covered["comparisons"][0]["measurable"] and "no measurable effect on held-out seed loss" in covered["comparisons"][0]["sentence"]
    one_seed = data_value_section([run_fig("synthetic", 0, 1.0), run_fig("seed", 0, 2.0)], {}, {})
    assert not one_seed["comparisons"][0]["measurable"] and "one seed" in one_seed["comparisons"][0]["sentence"]
    assert summarise([1.0, None, 3.0])["mean"] == 2.0 and summarise([None])["mean"] is None
    assert compare({"student": "x", "figures": {}}, {"student": "seed", "figures": {}}, "heldout_seed_loss", "b") is None


@pytest.mark.slow
def test_students_table_card_skip_and_rerun_on_a_changed_split(make_run_dir, capsys):
    data_value = {"enabled": True, "max_steps": 2, "seeds": [0, 1], "mix_synthetic_share": 0.5}
    metrics = {"humaneval": {"limit": 1, "max_new_tokens": 8}, "perplexity": {"enabled": False, "max_rows": 8}, "diversity": {"enabled": False}}
    recipe_path, _, run_dir = make_run_dir(data_value=data_value, metrics=metrics, train={"max_steps": 2, "save_steps": 1})

    done = run_cli_in_process(["students", recipe_path], capsys)
    assert done.returncode == 0, done.stderr[-3000:]
    table = json.loads(run_dir.data_value.read_text())
    rows = {row["student"]: row for row in table["students"]}
    assert list(rows) == ["synthetic", "seed", "mix"]
    assert all(row["seeds"] == [0, 1] for row in rows.values())
    assert rows["synthetic"]["train_rows"] == 12 and rows["seed"]["train_rows"] == 20  # 24 mined functions, 4 held out
    assert rows["mix"]["train_rows"] == 24  # all 12 synthetic rows + 12 seed rows: half synthetic
    for row in rows.values():
        assert set(row["figures"]) == {"heldout_seed_loss", "heldout_seed_perplexity", "synthetic_test_loss", "humaneval_pass@1"}
        assert row["figures"]["heldout_seed_loss"]["sample_size"] == 4 and row["figures"]["synthetic_test_loss"]["sample_size"] == 4
        assert row["figures"]["humaneval_pass@1"]["sample_size"] == 1
        loss = row["figures"]["heldout_seed_loss"]
        assert loss["mean"] > 0 and loss["min"] <= loss["mean"] <= loss["max"] and len(loss["values"]) == 2
        assert row["budget"] == "2 steps x 2 rows" and row["epochs"] > 0
    assert len(table["runs"]) == 6 and len({r["figures"]["heldout_seed_loss"]["value"] for r in table["runs"]}) > 1  # seeds differ
    assert {(c["student"], c["figure"]) for c in table["comparisons"]} >= {("synthetic", "heldout_seed_loss"), ("mix", "synthetic_test_loss")}
    assert all(c["sentence"].startswith("On this budget (2 steps x 2 rows)") for c in table["comparisons"])
    for name in ("synthetic-seed0", "seed-seed1", "mix-seed0"):
        assert (run_dir.student(name) / "adapter_config.json").is_file() and run_dir.student_record(name).is_file()

    # evaluate copies the table into metrics.json; publish puts it into the dataset card, the model card keeps the generator's figures
    recipe_quiet = [f"metrics.{k}.enabled=false" for k in QUIET]
    done = run_cli_in_process(["run", recipe_path, "--stages", "students,evaluate,publish", "--dry-run", *recipe_quiet], capsys)
    assert done.returncode == 0, done.stderr[-3000:]
    assert stage_status(done.stdout, "students") == "skipped"
    metrics_json = json.loads(run_dir.metrics.read_text())
    assert metrics_json["data_value"]["students"] == table["students"]
    card = (run_dir.hub_dataset / "README.md").read_text()
    assert "## Data value" in card and "| synthetic |" in card and "| seed |" in card and "heldout_seed_loss (n = 4 rows)" in card
    assert table["comparisons"][0]["sentence"] in card
    assert "Data value" not in (run_dir.hub_model / "README.md").read_text()

    # the curated split changes (one response rewritten): the students rerun, evaluate follows
    import pyarrow as pa
    import pyarrow.parquet as pq

    split = run_dir.split_file("train")
    rows_now = pq.read_table(split).to_pylist()[:-2]
    pq.write_table(pa.Table.from_pylist(rows_now), split)
    done = run_cli_in_process(["run", recipe_path, "--stages", "students,evaluate", *recipe_quiet], capsys)
    assert done.returncode == 0, done.stderr[-3000:]
    assert stage_status(done.stdout, "students") == "ran" and stage_status(done.stdout, "evaluate") == "ran"
    table = json.loads(run_dir.data_value.read_text())
    assert table["students"][0]["train_rows"] == 10
    assert json.loads(run_dir.metrics.read_text())["data_value"]["students"][0]["train_rows"] == 10

    # switched off: the students leave nothing behind and metrics.json loses the section
    done = run_cli_in_process(["run", recipe_path, "--stages", "students,evaluate", "data_value.enabled=false", *recipe_quiet], capsys)
    assert done.returncode == 0, done.stderr[-3000:]
    assert not run_dir.students.exists() and "data_value" not in json.loads(run_dir.metrics.read_text())


def test_budget_beyond_max_epochs_is_refused_before_training(make_run_dir, capsys):
    recipe_path, _, run_dir = make_run_dir(data_value={"enabled": True, "max_steps": 40, "humaneval": False})
    line = assert_user_error(run_cli_in_process(["students", recipe_path], capsys), "data_value.max_steps", "12 training rows", "max_epochs")
    assert "6.7 times" in line and not run_dir.students.exists()


def test_a_split_without_rows_is_refused(make_run_dir, capsys):
    import pyarrow.parquet as pq

    recipe_path, recipe, run_dir = make_run_dir(data_value={"enabled": True, "max_steps": 2, "humaneval": False})
    split = run_dir.split_file("train")
    pq.write_table(pq.read_table(split).slice(0, 0), split)
    assert_user_error(run_cli_in_process(["students", recipe_path], capsys), "data_value.train_split", "has no training rows")
    # the same check when the stage starts (in a full run curate writes data/ after preflight): before any student trains
    from hfsynth.students.stage import training_sets

    with pytest.raises(HfsynthError, match="has no training rows"):
        training_sets(recipe, run_dir)
    assert not run_dir.students.exists()


def test_a_student_tokenizer_without_chat_template_is_refused(make_run_dir, tiny_model_dir, tmp_path, capsys):
    plain = tmp_path / "plain-model"
    shutil.copytree(tiny_model_dir, plain)
    config = json.loads((plain / "tokenizer_config.json").read_text())
    config.pop("chat_template", None)
    (plain / "tokenizer_config.json").write_text(json.dumps(config))
    for extra in plain.glob("chat_template.*"):
        extra.unlink()
    recipe_path, _, _ = make_run_dir(data_value={"enabled": True, "max_steps": 2, "humaneval": False, "model": str(plain)})
    assert_user_error(run_cli_in_process(["students", recipe_path], capsys), "data_value.model", "no chat template")


def test_students_need_held_out_seed_rows(make_run_dir, capsys):
    recipe_path, _, _ = make_run_dir(data_value={"enabled": True, "humaneval": False}, seed={"eval_size": 0})
    assert_user_error(run_cli_in_process(["students", recipe_path], capsys), "data_value.enabled", "seed.eval_size")


def test_dataset_card_carries_the_data_value_table_and_the_model_card_does_not(make_run_dir):
    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir()
    runs = [run_fig("synthetic", 0, 1.0), run_fig("synthetic", 1, 1.2), run_fig("seed", 0, 2.0), run_fig("seed", 1, 2.2)]
    section = data_value_section(runs, {"student_model": "tiny-llama"}, {})
    metrics = json.loads(run_dir.metrics.read_text())
    run_dir.metrics.write_text(json.dumps({**metrics, "data_value": section}))
    out = materialise(recipe, run_dir)
    card = (out["dataset"] / "README.md").read_text()
    assert "## Data value" in card and "`tiny-llama`" in card
    assert "| synthetic | synthetic | 2 steps x 2 rows | 0, 1 | 1.100 ± 0.100 |" in card
    assert "| seed | seed | 2 steps x 2 rows | 0, 1 | 2.100 ± 0.100 |" in card and "heldout_seed_loss (n = 4 rows)" in card
    assert section["comparisons"][0]["sentence"] in card
    assert "Data value" not in (out["model"] / "README.md").read_text()


def test_one_seed_shows_no_spread_in_the_card(make_run_dir):
    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir()
    runs = [{**run_fig("synthetic", 0, 1.0), "epochs": 2.4}, {**run_fig("seed", 0, 2.0), "epochs": 0.1}]
    metrics = json.loads(run_dir.metrics.read_text())
    run_dir.metrics.write_text(json.dumps({**metrics, "data_value": data_value_section(runs, {}, {})}))
    card = (materialise(recipe, run_dir)["dataset"] / "README.md").read_text()
    assert "| synthetic | synthetic | 2 steps x 2 rows, 2.4 epochs | 0 | 1.000 |" in card and "one seed" in card
