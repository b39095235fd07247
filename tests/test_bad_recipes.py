"""The corpus of bad recipes in tests/bad_recipes/: each is refused by `hfsynth validate` with exit 2,
one clear line naming the file/field and what was expected, and no traceback.

Each file ends with ``# expect: "<fragment>"`` lines (JSON strings) that the error line must contain.
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


@pytest.mark.parametrize("name", ["07-misspelt-section", "25-seed-file-missing", "37-vllm-without-gpu"])
def test_same_through_a_real_process(name):
    path = Path(__file__).parent / "bad_recipes" / f"{name}.yaml"
    proc = run_cli(["run", path, "--stages", "train,generate"])
    assert_user_error(proc, *expected_fragments(path))
