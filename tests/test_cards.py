"""The cards and the local export, in process: metadata that the libraries parse back, determinism,
escaping, missing inputs, and what never goes into an export."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from helpers import REPO_ROOT
from run_dir_factory import make_run_dir, run_dir_template  # noqa: F401

from hfsynth.errors import HfsynthError

HUB = {"model_repo": "alice/tiny-adapter", "dataset_repo": "alice/tiny-data", "license": "mit"}


def export(make_run_dir, **kwargs):
    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(**kwargs)
    return recipe, run_dir, materialise(recipe, run_dir)


def test_templates_ship_as_package_data():
    from hfsynth.cards import load_template

    names = {p.name for p in resources.files("hfsynth.cards").joinpath("templates").iterdir()}
    assert {"model_card.md.j2", "dataset_card.md.j2"} <= names
    assert load_template("model_card.md.j2").startswith("---\n{{ card_data }}\n---")
    for name in ("model_card.md.j2", "dataset_card.md.j2"):  # the files of the top-level cards/ folder
        assert load_template(name) == (REPO_ROOT / "cards" / name).read_text(encoding="utf-8")


def test_model_card_metadata_parses_with_huggingface_hub(make_run_dir):
    from huggingface_hub import ModelCard

    _, _, out = export(make_run_dir, hub=HUB, model={"hub_id": "hfsynth-test/tiny-llama"})
    card = ModelCard((out["model"] / "README.md").read_text())
    data = card.data
    assert data.base_model == "hfsynth-test/tiny-llama" and data.library_name == "peft" and data.pipeline_tag == "text-generation"
    assert data.license == "mit" and data.language == ["en"] and data.datasets == ["alice/tiny-data"]
    assert {"hfsynth", "trl", "sft", "lora", "code"} <= set(data.tags)
    assert data.model_name == "tiny-adapter"
    metrics = {(r.dataset_name, r.metric_type): r.metric_value for r in data.eval_results}
    assert metrics == {("HumanEval", "pass@1"): 0.125, ("HumanEval", "pass@1_base_model"): 0.0625, ("held-out seed split", "loss"): 2.61}
    text = card.text
    for section in ("## How to load it", "## Training procedure", "### Hyperparameters", "### LoRA configuration", "### Quantization",
                    "### Compute", "## Evaluation", "## Recipe", "## Reproduce", "## Framework versions", "## Limitations", "## Citation"):
        assert section in text, section
    assert "![Training loss](training_loss.png)" in text and "hfsynth reproduce alice/tiny-data" in text
    assert "BitsAndBytesConfig" in text and 'PeftModel.from_pretrained(base, "alice/tiny-adapter")' in text
    assert "| training wall time | 42.5 s |" in text and "| processes | 1 |" in text
    assert (out["model"] / "training_loss.png").read_bytes().startswith(b"\x89PNG")


def test_a_local_base_model_never_appears_as_a_path(make_run_dir, tiny_model_dir):
    from huggingface_hub import ModelCard

    _, _, out = export(make_run_dir, hub=HUB)  # model.name_or_path is a local folder, no hub_id
    card = ModelCard((out["model"] / "README.md").read_text())
    assert card.data.base_model is None
    # Only the verbatim recipe (collapsed, and recipe.yaml) says what was run on this machine.
    assert str(tiny_model_dir) not in str(card.data.to_dict()) + card.text.split("## Recipe")[0]
    assert f"a local model (`{tiny_model_dir.name}`), not on the Hub" in card.text
    config = json.loads((out["model"] / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == tiny_model_dir.name


def test_dataset_card_configs_and_info_are_what_datasets_reads(make_run_dir):
    from datasets.info import DatasetInfosDict
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCard

    _, run_dir, out = export(make_run_dir, hub=HUB)
    card = DatasetCard((out["dataset"] / "README.md").read_text())
    configs = MetadataConfigs.from_dataset_card_data(card.data)
    assert configs["default"]["data_files"] == [{"split": "train", "path": "data/train.parquet"}, {"split": "test", "path": "data/test.parquet"}]
    info = DatasetInfosDict.from_dataset_card_data(card.data)["default"]
    assert {name: split.num_examples for name, split in info.splits.items()} == {"train": 12, "test": 4}
    assert info.download_size == sum(p.stat().st_size for p in (run_dir.data).glob("*.parquet"))
    assert "prompt" in info.features and "exec_status" in info.features
    data = card.data
    assert data.license == "mit" and data.task_categories == ["text-generation"] and data.size_categories == ["n<1K"]
    assert {"synthetic", "code", "hfsynth"} <= set(data.tags) and data.pretty_name
    text = card.text
    for section in ("## Load it", "## How it was generated", "### Strategies", "### Sampling parameters", "## Curation funnel",
                    "## Decontamination", "## Metrics", "## Sample rows", "## Reproduce", "## Limitations", "## Citation"):
        assert section in text, section
    assert 'load_dataset("alice/tiny-data")' in text and "hfsynth reproduce alice/tiny-data" in text
    assert "| validity | 22 | 21 | 1 | SyntaxError 1 |" in text and "| static_analysis | 21 | 21 | 0 | - |" in text
    assert "| decontaminate | 19 | 17 | 2 |" in text and "| train | humaneval | HumanEval/0 | 0.83 |" in text
    assert "| exec_pass_rate | 0.9 | 17 | - | share of rows whose own tests pass in the sandbox |" in text
    assert "| parse_error | 1 |" in text and "synthetic" in text.lower() and "insecure" in text
    assert "## Secrets and personal data" in text and "Policy: `redact`" in text and "| hf_token | 1 |" in text and "| secrets | 16 | 16 | 0 |" in text
    assert "![Response length distribution](length_distribution.png)" in text
    assert (out["dataset"] / "length_distribution.png").read_bytes().startswith(b"\x89PNG")
    for name in ("recipe.yaml", "metrics.json", "funnel.json", "decontamination.jsonl", "data/train.parquet", "data/test.parquet"):
        assert (out["dataset"] / name).is_file(), name


def test_the_export_is_deterministic(make_run_dir):
    from hfsynth.publish import materialise

    recipe, run_dir, out = export(make_run_dir, hub=HUB)
    first = {p.relative_to(run_dir.hub).as_posix(): p.read_bytes() for p in run_dir.hub.rglob("*") if p.is_file()}
    materialise(recipe, run_dir)
    second = {p.relative_to(run_dir.hub).as_posix(): p.read_bytes() for p in run_dir.hub.rglob("*") if p.is_file()}
    assert first == second  # PNGs included: a re-publish of the same run is a no-op on the Hub


def test_export_drops_pickles_and_stale_files(make_run_dir):
    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(hub=HUB)
    (run_dir.adapter / "training_args.bin").write_bytes(b"pickle")
    (run_dir.adapter / "README.md").write_text("peft's own card")
    materialise(recipe, run_dir)
    (run_dir.hub / "model" / "left-over.txt").write_text("from an older export")
    materialise(recipe, run_dir)
    names = {p.name for p in (run_dir.hub / "model").iterdir()}
    assert "training_args.bin" not in names and "left-over.txt" not in names
    assert "peft's own card" not in (run_dir.hub / "model" / "README.md").read_text()
    assert not [p for p in run_dir.hub.iterdir() if p.name.startswith(".")]  # no build folders left behind


def test_hostile_text_cannot_break_the_markdown():
    from hfsynth.cards import cell, fence_for

    assert cell("a | b\nc") == "a \\| b c" and cell(None) == "-" and cell(0.123456) == "0.1235" and cell(True) == "true"
    code = "x = '''\n```\nnot the end\n````\n'''"
    fence = fence_for(code)
    assert len(fence) == 5 and fence not in code


def test_sample_rows_with_backticks_stay_inside_their_fence(make_run_dir):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from run_dir_factory import synthetic_rows

    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(hub=HUB)
    rows = synthetic_rows("train", 12)
    rows[0]["code"] = "s = '```'\nprint(s)\n"
    rows[0]["instruction"] = "Print | three backticks\n## not a heading"
    pq.write_table(pa.Table.from_pylist(rows), run_dir.data / "train.parquet")
    materialise(recipe, run_dir)
    text = (run_dir.hub / "dataset" / "README.md").read_text()
    assert "````python\ns = '```'\nprint(s)\n````" in text
    assert "> Print | three backticks\n> ## not a heading" in text


@pytest.mark.parametrize("missing, stage", [("metrics.json", "evaluate"), ("funnel.json", "curate"), ("data", "curate"), ("adapter", "train")])
def test_missing_inputs_name_the_stage_to_run(make_run_dir, missing, stage):
    import shutil

    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(hub=HUB)
    target = run_dir.path / missing
    shutil.rmtree(target) if target.is_dir() else target.unlink()
    with pytest.raises(HfsynthError, match=f"hfsynth {stage}"):
        materialise(recipe, run_dir)


def test_no_numeric_humaneval_means_no_model_index(make_run_dir):
    from huggingface_hub import ModelCard

    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(hub=HUB)
    metrics = {"hfsynth_version": "0.1.0", "figures": {"humaneval_pass@1_tuned": {"value": None, "definition": "not run", "sample_size": 0, "seed": 0, "group": "humaneval"}}, "headline": {}}
    run_dir.metrics.write_text(json.dumps(metrics))
    materialise(recipe, run_dir)
    card = ModelCard((run_dir.hub / "model" / "README.md").read_text())
    assert card.data.eval_results is None and "model-index" not in card.data.to_dict()


def test_a_file_holding_the_token_is_refused_without_printing_it(tmp_path):
    from hfsynth.publish import assert_no_token

    (tmp_path / "ok.txt").write_text("nothing here")
    assert_no_token([tmp_path], "hf_secret_value_123", "the HF_TOKEN environment variable")
    (tmp_path / "leak.txt").write_text("token=hf_secret_value_123")
    with pytest.raises(HfsynthError) as err:
        assert_no_token([tmp_path], "hf_secret_value_123", "the HF_TOKEN environment variable")
    assert "leak.txt" in str(err.value) and "hf_secret_value_123" not in str(err.value)


def test_the_recipe_checks_the_hub_section():
    """Repo ids and the branch are checked with the recipe, before any stage or model (hfsynth.schema.hub)."""
    from hfsynth.recipe import validate_recipe

    base = {"name": "hub", "seed": {"python_source": "stdlib"}, "model": {"name_or_path": "builtin:smollm2-135m-instruct"}}
    for hub, fragment in (({"model_repo": "alice"}, "hub.model_repo: 'alice' must be 'owner/name'"), ({"dataset_repo": "a/b/c"}, "hub.dataset_repo"),
                          ({"revision": "refs/pr/1"}, "hub.revision"), ({"model_repo": "not a repo!!"}, "is not a valid repo id")):
        with pytest.raises(HfsynthError, match=re.escape(fragment)):
            validate_recipe({**base, "hub": hub})
    assert validate_recipe({**base, "hub": {"model_repo": "alice/adapter", "revision": "v2"}}).hub.model_repo == "alice/adapter"


def test_splits_with_different_arrow_types_get_one_schema(make_run_dir):
    import pyarrow as pa
    import pyarrow.parquet as pq
    from huggingface_hub import DatasetCard
    from run_dir_factory import synthetic_rows

    from hfsynth.publish import materialise

    _, recipe, run_dir = make_run_dir(hub=HUB)
    rows = synthetic_rows("test", 4, offset=12)
    rows[0]["error"] = "timeout"  # a string here, all-null (type null) in train
    pq.write_table(pa.Table.from_pylist(rows), run_dir.data / "test.parquet")
    materialise(recipe, run_dir)
    features = DatasetCard((run_dir.hub / "dataset" / "README.md").read_text()).data.dataset_info["features"]
    assert {"name": "error", "dtype": "string"} in features
