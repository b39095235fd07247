"""The corpus of bad recipes in tests/bad_recipes/: each is refused by `hfsynth validate` with exit 2,
one clear line naming the file/field and what was expected, and no traceback.

Each file ends with ``# expect: "<fragment>"`` lines (JSON strings) that the error line must contain.
Beside them: seed files, and the model folders they name: ``model-tiny/`` (a real 2,896-parameter Llama
with a ChatML tokenizer and a 2,048-token context, which passes validation: see the control below),
``model-no-weights/`` (its config and tokenizer, no weights) two folders whose config.json is broken and one whose config needs remote code.
"""

import json
from pathlib import Path

import pytest

from hfsynth.cli import main

from helpers import REPO_ROOT, assert_user_error, run_cli

CORPUS = sorted((Path(__file__).parent / "bad_recipes").glob("*.yaml"))


def expected_fragments(path: Path):
    return [json.loads(line[len("# expect: "):]) for line in path.read_text().splitlines() if line.startswith("# expect: ")]


def test_corpus_is_large_and_annotated():
    assert len(CORPUS) >= 30
    for path in CORPUS:
        assert expected_fragments(path), f"{path.name} has no '# expect:' line"


@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_bad_recipe_is_refused_in_one_line(path, capsys, monkeypatch):
    monkeypatch.chdir(REPO_ROOT)
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(path.relative_to(REPO_ROOT))])
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("hfsynth: error: "), captured.err
    assert "Traceback" not in captured.err
    for fragment in expected_fragments(path):
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"


# a refusal by the schema and one by a stage's preflight, through real processes; every case, 37 (vLLM without a GPU)
# included, runs in-process above (a process that imports the launch checks' libraries costs about 10 s more)
@pytest.mark.parametrize("name", ["07-misspelt-section", "25-seed-file-missing"])
def test_same_through_a_real_process(name):
    path = Path(__file__).parent / "bad_recipes" / f"{name}.yaml"
    proc = run_cli(["run", path, "--stages", "train,generate"])
    assert_user_error(proc, *expected_fragments(path))


def test_the_corpus_model_passes_validation(tmp_path, capsys, monkeypatch):
    """The control: a recipe on model-tiny/ with valid LoRA names is accepted, so the recipes that name it
    are refused for what their expect lines say, not for the model."""
    model = Path(__file__).parent / "bad_recipes" / "model-tiny"
    recipe = tmp_path / "ok.yaml"
    recipe.write_text(
        f"name: ok\noutput_dir: {tmp_path / 'run'}\nseed:\n  python_source: stdlib\nmodel:\n  name_or_path: {model}\n"
        "lora:\n  target_modules: [q_proj, v_proj]\n  modules_to_save: [lm_head]\ntrain:\n  optim: adamw_torch\n  report_to: none\n"
    )
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", str(recipe)])
    assert exit_info.value.code == 0, capsys.readouterr().err
