"""The recipe schema: validation, overrides, error messages with file:line, did-you-mean, exit 2."""

import pytest
import yaml

from hfsynth.errors import RecipeError
from hfsynth.recipe import apply_override, load_recipe, parse_override, recipe_json_schema

from helpers import assert_user_error, run_cli, run_cli_in_process

MINIMAL = """\
name: demo
seed:
  python_source: stdlib
model:
  name_or_path: builtin:smollm2-135m-instruct
train:
  max_steps: 3
"""


def test_minimal_recipe_fills_defaults(write_recipe):
    recipe = load_recipe(write_recipe(MINIMAL))
    assert recipe.train.max_steps == 3
    assert recipe.lora.target_modules == "all-linear"
    assert recipe.model.dtype == "auto"
    assert recipe.quantization.bnb_4bit_quant_type == "nf4"


def test_overrides_are_yaml_typed(write_recipe):
    recipe = load_recipe(write_recipe(MINIMAL), ["train.max_steps=5", "train.learning_rate=1e-3", "lora.target_modules=[q_proj, v_proj]", "train.packing=true"])
    assert recipe.train.max_steps == 5
    assert recipe.train.learning_rate == pytest.approx(1e-3)
    assert recipe.lora.target_modules == ["q_proj", "v_proj"]
    assert recipe.train.packing is True


def test_sft_config_passthrough_and_unknown_sft_key(write_recipe):
    recipe = load_recipe(write_recipe(MINIMAL), ["train.neftune_noise_alpha=5"])
    assert recipe.train.sft_kwargs()["neftune_noise_alpha"] == 5
    with pytest.raises(RecipeError, match=r"train\.max_step: .*did you mean 'max_steps'"):
        load_recipe(write_recipe(MINIMAL), ["train.max_step=5"])


def test_misspelt_nested_key_names_line_and_suggestion(write_recipe):
    text = MINIMAL.replace("  python_source: stdlib", "  python_source: stdlib\n  colums:\n    instruction: q")
    with pytest.raises(RecipeError) as info:
        load_recipe(write_recipe(text))
    message = str(info.value)
    assert ":4: seed.colums: unknown key; did you mean 'columns'?" in message


def test_wrong_type_names_path_and_value(write_recipe):
    with pytest.raises(RecipeError, match=r":7: train\.max_steps: .*integer.*'many'"):
        load_recipe(write_recipe(MINIMAL.replace("max_steps: 3", "max_steps: many")))


def test_malformed_yaml_names_line(write_recipe):
    with pytest.raises(RecipeError, match=r"recipe\.yaml:\d+: malformed YAML"):
        load_recipe(write_recipe("name: demo\nseed: [unclosed\nmodel: x\n"))


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("", "the recipe is empty"),
        ("- a\n- b\n", "expected a mapping"),
        ("name: demo\nmodel:\n  name_or_path: x\n", "seed: required key is missing"),
        (MINIMAL.replace("python_source: stdlib", "python_source: stdlib\n  path: a.jsonl"), "exactly one of"),
        (MINIMAL + "lora:\n  r: 0\n", "lora.r"),
        (MINIMAL + "output_dir: /\n", "output_dir: refusing"),
        (MINIMAL.replace("name: demo", "name: ../escape"), "name: must be a plain name"),
        (MINIMAL.replace("max_steps: 3", "output_dir: x"), "managed by hfsynth"),
        (MINIMAL + "train:\n  max_steps: 9\n", "train: duplicate key"),
    ],
)
def test_bad_recipes_are_refused(write_recipe, text, fragment):
    with pytest.raises(RecipeError, match=None) as info:
        load_recipe(write_recipe(text))
    assert fragment in str(info.value)


def test_override_parsing_errors():
    with pytest.raises(RecipeError, match="expected dotted.key=value"):
        parse_override("train.max_steps")
    data = {"train": {"max_steps": 1}}
    with pytest.raises(RecipeError, match="is a value, not a section"):
        apply_override(data, ["train", "max_steps", "x"], 1, "train.max_steps.x=1")


def test_json_schema_has_every_section_with_descriptions():
    schema = recipe_json_schema()
    for section in ("name", "seed", "model", "quantization", "lora", "train", "generate", "curate", "metrics", "hub"):
        assert section in schema["properties"], section
    assert "source_dir" not in schema["properties"]
    assert schema["properties"]["name"]["description"]


def test_cli_validate_print_shows_resolved_recipe(write_recipe, capsys):
    proc = run_cli_in_process(["validate", write_recipe(MINIMAL), "--print", "train.max_steps=9"], capsys)
    assert proc.returncode == 0, proc.stderr
    resolved = yaml.safe_load(proc.stdout)
    assert resolved["train"]["max_steps"] == 9
    assert resolved["lora"]["r"] == 16


def test_cli_bad_recipe_exits_2_with_one_line(write_recipe, capsys):  # tests/test_bad_recipes.py runs such refusals through processes
    proc = run_cli_in_process(["validate", write_recipe(MINIMAL.replace("max_steps", "max_stepz"))], capsys)
    assert_user_error(proc, "recipe.yaml:7", "train.max_stepz", "did you mean 'max_steps'")


def test_cli_missing_recipe_file(tmp_path):
    proc = run_cli(["validate", tmp_path / "nope.yaml"])
    assert_user_error(proc, "nope.yaml", "not found")


def test_cli_schema_is_json(tmp_path):
    out = tmp_path / "schema.json"
    proc = run_cli(["schema", "-o", out])
    assert proc.returncode == 0, proc.stderr
    import json

    assert json.loads(out.read_text())["title"] == "hfsynth recipe"


def test_override_into_a_plain_list_item_is_a_clear_error(write_recipe):
    text = MINIMAL + "generate:\n  strategies:\n    - template\n"
    with pytest.raises(RecipeError, match=r"generate.strategies.0' is the value 'template', not a section"):
        load_recipe(write_recipe(text), ["generate.strategies.0.weight=2"])
    recipe = load_recipe(write_recipe(MINIMAL + "generate:\n  strategies:\n    - name: template\n"), ["generate.strategies.0.weight=2"])
    assert recipe.generate.strategies[0].weight == 2
