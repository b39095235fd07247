"""Every recipe in recipes/ validates against the schema (so none rots), and each GPU recipe names its
accelerate config and launch command in its header."""

import re
from pathlib import Path

import pytest

from hfsynth.errors import HfsynthError
from hfsynth.recipe import load_recipe

from helpers import REPO_ROOT, run_cli_in_process

RECIPES = sorted((REPO_ROOT / "recipes").rglob("*.yaml"))
CPU_RECIPES = [REPO_ROOT / "recipes" / "quickstart.yaml", REPO_ROOT / "recipes" / "data_value.yaml"]  # the builtin model, offline
GPU_RECIPES = [p for p in RECIPES if p not in CPU_RECIPES]


def test_there_are_gpu_recipes_for_one_and_many_gpus():
    assert all(path in RECIPES for path in CPU_RECIPES)
    headers = " ".join(p.read_text() for p in GPU_RECIPES)
    assert "single_gpu.yaml" in headers and "multi_gpu.yaml" in headers and "fsdp_qlora.yaml" in headers


@pytest.mark.parametrize("path", RECIPES, ids=[str(p.relative_to(REPO_ROOT / "recipes")) for p in RECIPES])
def test_recipe_validates(path):
    recipe = load_recipe(path)
    assert recipe.name


@pytest.mark.parametrize("path", GPU_RECIPES, ids=[str(p.relative_to(REPO_ROOT / "recipes")) for p in GPU_RECIPES])
def test_gpu_recipe_header_pairs_config_and_launch(path):
    header = "".join(line for line in path.read_text().splitlines(keepends=True) if line.startswith("#"))
    configs = re.findall(r"accelerate_configs/[\w.]+\.yaml", header)
    assert configs, f"{path.name}: no accelerate config named in the header"
    for config in configs:
        assert (REPO_ROOT / config).is_file(), config
    launch = re.search(r"accelerate launch --config_file (\S+) -m hfsynth \w+ (\S+)", header)
    assert launch and (REPO_ROOT / launch.group(2)) == path, f"{path.name}: the launch command must run this recipe"
    recipe = load_recipe(path)
    assert recipe.quantization.load_in_4bit and recipe.model.dtype in ("auto", "bfloat16")
    assert recipe.hub.model_repo and recipe.hub.dataset_repo
    # the generation plan is feasible (enough distinct template prompts, ...); vLLM itself needs a GPU
    from hfsynth.context import StageContext
    from hfsynth.rundir import RunDir
    from hfsynth.synth.stage import preflight

    try:
        preflight(StageContext(load_recipe(path, ["generate.engine=hf", "generate.tensor_parallel_size=1"]), RunDir(REPO_ROOT / "outputs" / "unused")))
    except HfsynthError as exc:  # the Hub seed and model come after the template plan: offline and not cached is the only excuse
        offline = ("seed.dataset:", "not in the datasets cache"), ("model.name_or_path:", "not in the Hub cache")
        assert any(str(exc).startswith(field) and why in str(exc) for field, why in offline), exc


@pytest.mark.parametrize("path", CPU_RECIPES, ids=lambda p: p.name)
def test_cpu_recipes_pass_full_validation(path, capsys):
    """Schema plus every stage's preflight (files, model, libraries): what `hfsynth run` checks first."""
    proc = run_cli_in_process(["validate", str(path.relative_to(REPO_ROOT))], capsys)
    assert proc.returncode == 0, proc.stderr


def test_gpu_recipes_measure_the_data_value_with_a_student():
    for path in GPU_RECIPES:
        data_value = load_recipe(path).data_value
        assert data_value.enabled and len(data_value.seeds) >= 2 and data_value.max_steps >= 100, path.name


@pytest.mark.parametrize("path", RECIPES, ids=[str(p.relative_to(REPO_ROOT / "recipes")) for p in RECIPES])
def test_resolved_recipe_validates_again_unchanged(path):
    """recipe.yaml in the run directory and the Hub repos is what `reproduce` reads back."""
    import yaml

    from hfsynth.recipe import validate_recipe

    recipe = load_recipe(path)
    again = validate_recipe(yaml.safe_load(recipe.to_yaml()))
    assert again.model_dump(exclude={"source_dir"}) == recipe.model_dump(exclude={"source_dir"})


@pytest.mark.parametrize("path", GPU_RECIPES, ids=lambda p: p.parent.name + "/" + p.name)
def test_gpu_recipe_runs_every_stage_from_one_launch(path):
    header = "".join(line for line in path.read_text().splitlines(keepends=True) if line.startswith("#"))
    launches = re.findall(r"accelerate launch --config_file \S+ -m hfsynth (\w+) (\S+)", header)
    assert launches == [("run", str(path.relative_to(REPO_ROOT)))], launches
    assert "--stages" not in header
