"""The curate section of the recipe: every step switchable, thresholds checked, typos refused."""

import pytest

from hfsynth.errors import RecipeError
from hfsynth.recipe import load_recipe

BASE = {"name": "t", "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "tiny"}}


def test_defaults_follow_bigcode_and_the_sandbox_contract(write_recipe):
    curate = load_recipe(write_recipe(BASE)).curate
    assert (curate.dedup.ngram_size, curate.dedup.num_perm, curate.dedup.threshold, curate.dedup.shingle) == (5, 256, 0.7, "word")
    assert curate.decontaminate.ngram_size == 10 and curate.decontaminate.humaneval
    execution = curate.execution
    assert (execution.enabled, execution.mode, execution.timeout_s, execution.memory_mb, execution.cpu_seconds) == (True, "filter", 10, 1024, 10)
    assert (execution.max_processes, execution.file_size_mb, execution.workers) == (16, 16, None)


def test_languages_are_canonical_and_overrides_reach_nested_steps(write_recipe):
    path = write_recipe({**BASE, "curate": {"languages": ["py", "JS", "python3"]}})
    recipe = load_recipe(path, ["curate.dedup.near=false", "curate.execution.mode=mark"])
    assert recipe.curate.languages == ["python", "javascript"]
    assert recipe.curate.dedup.near is False and recipe.curate.execution.mode == "mark"


@pytest.mark.parametrize(
    "curate, fragment",
    [
        ({"dedup": {"treshold": 0.8}}, "curate.dedup.treshold: unknown key; did you mean 'threshold'?"),
        ({"dedup": {"threshold": 1.5}}, "curate.dedup.threshold"),
        ({"extract": {"min_chars": 50, "max_chars": 10}}, "min_chars must not exceed max_chars"),
        ({"execution": {"mode": "drop"}}, "curate.execution.mode"),
        ({"decontaminate": {"benchmarks": [{"name": "b", "columns": ["code"]}]}}, "give exactly one of 'path' or 'dataset'"),
        ({"languages": []}, "curate.languages"),
        ({"executor": "ray"}, "curate.executor"),
        ({"workers": 0}, "curate.workers"),
        ({"batch_size": 0}, "curate.batch_size"),
    ],
)
def test_bad_curate_sections_are_refused_in_one_line(write_recipe, curate, fragment):
    with pytest.raises(RecipeError) as info:
        load_recipe(write_recipe({**BASE, "curate": curate}))
    assert fragment in str(info.value) and "\n" not in str(info.value)
