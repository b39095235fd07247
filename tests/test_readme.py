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
    for name in ("validate", "run", "train", "generate", "curate", "students", "evaluate", "publish", "metrics", "pull", "reproduce", "schema"):
        assert f"hfsynth {name}" in README or f"`{name}`" in README, name
        assert name in commands


def readme_command(comment: str) -> str:
    """The command of the README's set-up block whose trailing comment starts with ``comment``."""
    for line in README.splitlines():
        if "#" in line and line.split("#", 1)[1].strip().startswith(comment):
            return line.split("#", 1)[0].strip()
    raise AssertionError(f"no README command commented '{comment}'")


def test_ci_runs_the_readme_commands_in_a_fresh_temp_venv():
    """CI installs exactly as the README says, into a new venv under a temp folder, with an empty HF_HOME."""
    lines = (REPO_ROOT / ".ci" / "run").read_text().splitlines()
    after = {lines[i].strip("# ").strip(): lines[i + 1].strip() for i, line in enumerate(lines[:-1]) if line.startswith("# README ")}
    assert after == {"README set-up": readme_command("set-up"), "README test": readme_command("the tests")}
    ci = "\n".join(lines)
    assert 'work="$(mktemp -d)"' in ci and 'python3 -m venv "$work/venv"' in ci and '. "$work/venv/bin/activate"' in ci
    assert 'export HF_HOME="$work/hf-home"' in ci
