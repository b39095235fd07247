"""generate section: strategies list, per-strategy options, precise errors with "did you mean"."""

import pytest

from hfsynth.errors import RecipeError
from hfsynth.recipe import load_recipe
from hfsynth.schema.generate import EVOL_METHODS, STRATEGY_NAMES, STRATEGY_OPTIONS, StrategyConfig
from hfsynth.synth.strategies import STRATEGIES, strategy_class


def _recipe(write_recipe, generate, *overrides):
    data = {"name": "t", "seed": {"path": "seed.jsonl"}, "model": {"name_or_path": "some/model"}, "generate": generate}
    return load_recipe(write_recipe(data), overrides)


def test_defaults_mix_all_four_strategies(write_recipe):
    gen = _recipe(write_recipe, {}).generate
    assert [s.name for s in gen.strategies] == list(STRATEGY_NAMES)
    assert all(s.weight == 1.0 and s.split == "train" for s in gen.strategies)
    assert gen.num_samples_per_prompt == 1 and gen.with_tests is False


def test_registry_matches_schema():
    assert set(STRATEGIES) == set(STRATEGY_NAMES) == set(STRATEGY_OPTIONS)


def test_name_shorthand_and_options(write_recipe):
    gen = _recipe(
        write_recipe,
        {
            "num_samples_per_prompt": 2,
            "strategies": [
                "oss_instruct",
                {"name": "template", "template": "Write {{ x }}", "slots": {"x": ["a", 3]}, "split": "test", "weight": 2},
                {"name": "evol_instruct", "methods": ["erroneous_code"], "with_tests": True},
            ],
        },
    ).generate
    assert [s.name for s in gen.strategies] == ["oss_instruct", "template", "evol_instruct"]
    assert gen.strategies[1].slots == {"x": ["a", 3]} and gen.strategies[1].split == "test"
    assert gen.strategies[2].methods == ["erroneous_code"] and gen.strategies[2].with_tests is True


@pytest.mark.parametrize(
    "generate, fragments",
    [
        ({"strategies": [{"name": "self_instrut"}]}, ["generate.strategies.0.name", "did you mean 'self_instruct'"]),
        ({"strategies": ["templat"]}, ["generate.strategies.0.name", "did you mean 'template'"]),
        ({"strategies": [{"name": "template", "slotz": {}}]}, ["generate.strategies.0.slotz", "did you mean 'slots'"]),
        ({"strategies": [{"name": "self_instruct", "slots": {"a": [1]}}]}, ["generate.strategies.0", "'slots' is an option of the 'template' strategy"]),
        ({"strategies": [{"name": "template", "methods": ["add_constraints"]}]}, ["'methods' is an option of the 'evol_instruct'"]),
        ({"strategies": [{"name": "template", "instruction_candidates": 2}]}, ["'instruction_candidates' is an option of the 'self_instruct' and 'evol_instruct' strategies, not of 'template'"]),
        ({"strategies": [{"name": "template", "template": "x", "template_file": "y.j2"}]}, ["either 'template'"]),
        ({"strategies": [{"name": "template", "slots": {"a": []}}]}, ["slot 'a' has no values"]),
        ({"strategies": [{"name": "evol_instruct", "methods": ["add_constrains"]}]}, ["did you mean 'add_constraints'"]),
        ({"strategies": [{"name": "template", "split": "a/b"}]}, ["generate.strategies.0.split", "plain name"]),
        ({"strategies": [{"name": "template", "weight": 0}]}, ["generate.strategies.0.weight"]),
        ({"strategies": [{"name": "oss_instruct", "min_snippet_lines": 9, "max_snippet_lines": 3}]}, ["min_snippet_lines"]),
        ({"strategies": []}, ["generate.strategies", "at least one strategy"]),
        ({"num_samples_per_prompt": 0}, ["generate.num_samples_per_prompt"]),
    ],
)
def test_errors_name_the_field(write_recipe, generate, fragments):
    with pytest.raises(RecipeError) as info:
        _recipe(write_recipe, generate)
    message = str(info.value)
    for fragment in fragments:
        assert fragment in message, message


def test_error_points_at_the_yaml_line(write_recipe):
    text = "name: t\nseed: {path: s.jsonl}\nmodel: {name_or_path: m/m}\ngenerate:\n  strategies:\n    - name: template\n    - name: evol_instruct\n      methods: [harder]\n"
    with pytest.raises(RecipeError, match=r"recipe.yaml:8: generate.strategies.1.methods: unknown evolution method 'harder'"):
        load_recipe(write_recipe(text))


def test_override_into_a_strategy_entry(write_recipe):
    gen = _recipe(write_recipe, {"strategies": [{"name": "template"}]}, "generate.strategies.0.weight=3").generate
    assert gen.strategies[0].weight == 3


def test_registry_did_you_mean():
    from hfsynth.errors import HfsynthError

    assert strategy_class("evol_instruct").name == "evol_instruct"
    with pytest.raises(HfsynthError, match="did you mean 'oss_instruct'"):
        strategy_class("oss_instruc")


def test_every_evol_method_has_a_description():
    from hfsynth.synth.strategies.base import builtin_yaml

    assert set(builtin_yaml("evol_methods.yaml")) == set(EVOL_METHODS)
    assert StrategyConfig(name="evol_instruct").methods == list(EVOL_METHODS)
