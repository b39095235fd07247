"""Bad input files and environments that a recipe's schema cannot see, refused in one line (exit 2)
before anything is written: ``curate --input`` rows, model folders, ``--stages``, ``HF_ENDPOINT``.
In-process through the real CLI entry point (tests/test_bad_recipes.py holds the recipe corpus)."""

import json
import shutil
from pathlib import Path

import pytest
import yaml

from hfsynth.cli import main

MODEL_TINY = Path(__file__).parent / "bad_recipes" / "model-tiny"
ROW = {"instruction": "Write add.", "response": "```python\ndef add(a, b):\n    return a + b\n```"}


def refused(argv, capsys) -> str:
    """Run the CLI; assert exit 2 and one 'hfsynth: error:' line, which is returned."""
    with pytest.raises(SystemExit) as exit_info:
        main([str(a) for a in argv])
    err = capsys.readouterr().err
    assert exit_info.value.code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hfsynth: error: ") and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def recipe(tmp_path):
    def write(**sections) -> Path:
        data = {"name": "t", "output_dir": str(tmp_path / "run"), "seed": {"python_source": "stdlib"}, "model": {"name_or_path": str(MODEL_TINY)}}
        data.update(sections)
        path = tmp_path / "recipe.yaml"
        path.write_text(yaml.safe_dump(data))
        return path

    return write


def test_input_split_cannot_name_a_path_out_of_the_run_directory(recipe, tmp_path, capsys):
    """Was: rows with split '../../escape' were written to <run>/../../escape.parquet."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", **ROW, "split": "../../escape"}) + "\n" for i in range(3)))
    line = refused(["curate", recipe(), "--input", rows], capsys)
    assert "row 0 has the split '../../escape' in column 'split'" in line and "plain name" in line
    assert not list(tmp_path.parent.rglob("escape.parquet")) and not (tmp_path / "run" / "data").exists()


def test_input_that_is_not_utf8_or_is_a_folder(recipe, tmp_path, capsys):
    """Was: a UnicodeDecodeError traceback from pyarrow's to_pylist."""
    rows = tmp_path / "rows.jsonl"
    rows.write_bytes(json.dumps({"id": "a", **ROW}).encode() + b'\n{"id": "b", "instruction": "caf\xe9", "response": "x"}\n')
    assert "--input: " in (line := refused(["curate", recipe(), "--input", rows], capsys)) and "line 2 is not UTF-8 (byte 0xe9)" in line
    (tmp_path / "folder.jsonl").mkdir()
    assert "folder.jsonl: is a folder, expected a file" in refused(["curate", recipe(), "--input", tmp_path / "folder.jsonl"], capsys)


@pytest.mark.parametrize("drop, fragment", [
    (["tokenizer.json", "tokenizer_config.json"], "has no tokenizer files"),
    (["model.safetensors"], "has a config.json but no weights"),
])
def test_model_folder_missing_pieces(recipe, tmp_path, capsys, drop, fragment):
    """Was: accepted by validate; the train stage failed when it loaded the model (a traceback without a tokenizer)."""
    model = tmp_path / "model"
    shutil.copytree(MODEL_TINY, model)
    for name in drop:
        (model / name).unlink()
    line = refused(["validate", recipe(model={"name_or_path": str(model)})], capsys)
    assert line.startswith("hfsynth: error: model.name_or_path: ") and fragment in line


def test_empty_stage_list_is_refused(recipe, capsys):
    """Was: `run --stages ,` ran nothing and exited 0."""
    assert "--stages ',': names no stage" in refused(["run", recipe(), "--stages", ","], capsys)


def test_malformed_hf_endpoint_is_refused_before_any_stage(recipe, capsys, monkeypatch):
    """Was: accepted; the push failed after every other stage had run."""
    monkeypatch.setenv("HF_ENDPOINT", "huggingface.co")
    line = refused(["validate", recipe(hub={"model_repo": "me/model"})], capsys)
    assert "HF_ENDPOINT: 'huggingface.co' is not an http(s) URL" in line


def test_input_column_the_recipe_names_must_exist(recipe, tmp_path, capsys):
    """Was: a misspelt curate.input.tests_column was ignored and every row curated as untested."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", **ROW, "asserts": "assert add(1, 2) == 3"}) + "\n" for i in range(3)))
    line = refused(["curate", recipe(curate={"input": {"tests_column": "assert"}}), "--input", rows], capsys)
    assert "curate.input.tests_column: column 'assert' is not in" in line and "asserts" in line
