"""`hfsynth run` checks only the stages it will run: a stage that is up to date, with every named stage
it reads, is skipped and so is its preflight (a rerun of a finished run imported TRL and bitsandbytes to
check a training it would not do); `--force`, a changed section and `validate` check it again."""

import dataclasses
import time

import pytest

from hfsynth import run as runner
from hfsynth.errors import HfsynthError
from hfsynth.recipe import load_recipe
from hfsynth.rundir import RunDir


@pytest.fixture
def two_stages(monkeypatch):
    """train and generate as the runner knows them, with preflights that record their calls and no
    outside inputs (the seed's fingerprint is not what this is about)."""
    calls = []

    def checker(name):
        def preflight(ctx):
            calls.append(name)
        return preflight

    stages = tuple(dataclasses.replace(s, preflight=checker(s.name), inputs=None) for s in runner.STAGES[:2])
    monkeypatch.setattr(runner, "STAGES", stages)
    return stages, calls


def finish(stage, recipe, run_dir: RunDir) -> None:
    """What run_stage leaves when the stage is done: its outputs and its fingerprint in the manifest."""
    for out in stage.outputs:
        path = getattr(run_dir, out)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.mkdir() if out == "raw" else path.write_text("{}")
    run_dir.update_stage(stage.name, status="done", fingerprint=runner.stage_fingerprint(stage, recipe, run_dir), finished=f"{time.time_ns()}")


def test_up_to_date_stages_are_not_checked_again(two_stages, tiny_recipe, tmp_path, write_recipe):
    stages, calls = two_stages
    path = write_recipe(tiny_recipe)
    recipe = load_recipe(path)
    run_dir = RunDir(tmp_path / "run")
    run_dir.path.mkdir()
    names = ["train", "generate"]

    runner.preflight(recipe, run_dir, names, skip_current=True)
    assert calls == ["train", "generate"]  # nothing done yet: both are checked

    finish(stages[0], recipe, run_dir)
    calls.clear()
    runner.preflight(recipe, run_dir, names, skip_current=True)
    assert calls == ["generate"]  # train will be skipped; generate still has to run

    finish(stages[1], recipe, run_dir)
    calls.clear()
    runner.preflight(recipe, run_dir, names, skip_current=True)
    assert calls == []
    runner.preflight(recipe, run_dir, names)  # validate, --force: every stage
    assert calls == ["train", "generate"]

    changed = load_recipe(path, overrides=["train.learning_rate=0.001"])
    calls.clear()
    runner.preflight(changed, run_dir, names, skip_current=True)
    assert calls == ["train", "generate"]  # train reruns, and generate reads what it writes

    calls.clear()
    runner.preflight(recipe, run_dir, ["generate"], skip_current=True)
    assert calls == []  # train is not named: generate's record is what counts


def test_a_stage_run_again_with_the_same_sections_makes_what_reads_it_stale(two_stages, tiny_recipe, tmp_path, write_recipe):
    """generate ran again (its raw/ was deleted, or --force) with an unchanged recipe: its rows are new,
    so the stages that read them are no longer up to date (they used to be skipped, keeping data/ made
    from the old rows)."""
    stages, calls = two_stages
    recipe = load_recipe(write_recipe(tiny_recipe))
    run_dir = RunDir(tmp_path / "run")
    run_dir.path.mkdir()
    for stage in stages:
        finish(stage, recipe, run_dir)
    generate = stages[1]
    before = runner.stage_fingerprint(generate, recipe, run_dir)
    assert runner.is_up_to_date(generate, runner.StageContext(recipe, run_dir, before))
    finish(stages[0], recipe, run_dir)  # train ran again: same sections, new adapter
    after = runner.stage_fingerprint(generate, recipe, run_dir)
    assert after != before and not runner.is_up_to_date(generate, runner.StageContext(recipe, run_dir, after))
    calls.clear()
    runner.preflight(recipe, run_dir, ["generate"], skip_current=True)
    assert calls == ["generate"]


def test_an_input_that_cannot_be_fingerprinted_is_left_to_the_stages_own_check(two_stages, tiny_recipe, tmp_path, write_recipe, monkeypatch):
    stages, calls = two_stages

    def unreadable(recipe, run_dir):
        raise HfsynthError("seed: the file is gone")

    monkeypatch.setattr(runner, "STAGES", (dataclasses.replace(stages[0], inputs=unreadable),))
    run_dir = RunDir(tmp_path / "run")
    run_dir.path.mkdir()
    runner.preflight(load_recipe(write_recipe(tiny_recipe)), run_dir, ["train"], skip_current=True)
    assert calls == ["train"]
