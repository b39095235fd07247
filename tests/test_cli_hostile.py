"""No traceback from any command (issue 14, parts 5 and 6).

A table of hostile invocations, one or more per subcommand in ``hfsynth.cli.COMMANDS``: bad repo
ids, offline, missing or wrong-shape files, unwritable or absurd paths, wrong-shape manifests, a
home-like folder as the run directory. Each must end with exit status 2 and one ``hfsynth: error:``
line naming what was wrong, with nothing in the scratch folder changed (every file's bytes and every
folder's entries compared before and after).

The quick table runs each case as a real ``python -m hfsynth`` subprocess. The slow table (``run`` and
the stage commands, which import the training stack: about 6 s of CPU per fresh interpreter, 15
cases) runs through :func:`hfsynth.cli.main` in the test's process, one case after another; the
quick table, tests/test_bad_recipes.py and the end-to-end tests cover those commands as processes.
:func:`check_run_dir_is_safe` is tested on its own too.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Tuple

import pytest

from helpers import REPO_ROOT, assert_user_error, run_cli, run_cli_in_process
from hfsynth.cli import COMMANDS
from hfsynth.errors import HfsynthError
from hfsynth.run import check_run_dir_is_safe
from hfsynth.rundir import RunDir

RECIPE = str(REPO_ROOT / "recipes" / "quickstart.yaml")
OFFLINE = {"HF_HUB_OFFLINE": "1"}


def _scratch(root: Path) -> Path:
    """Files and folders the hostile arguments point at."""
    (root / "file.txt").write_text("hello\n")
    (root / "home" / ".ssh").mkdir(parents=True)
    (root / "home" / ".ssh" / "id_ed25519").write_text("PRIVATE KEY\n")
    for name, manifest in {"list": "[1, 2]", "null": "null", "stages_list": '{"stages": []}', "stage_int": '{"stages": {"train": 5}}', "bad_json": "{"}.items():
        (root / f"run_{name}").mkdir()
        (root / f"run_{name}" / "manifest.json").write_text(manifest + "\n")
    (root / "garbage.yaml").write_bytes(b"\x00\xff\xfe\x01")
    (root / "list.yaml").write_text("- 1\n- 2\n")
    (root / "rows.jsonl").write_text('{"a": 1}\n')
    (root / "broken.jsonl").write_text('{"code": "x"\n')
    (root / "garbage.parquet").write_bytes(b"PAR1 not really")
    (root / "rows.txt").write_text("x\n")
    return root


def _snapshot(root: Path) -> Dict[str, object]:
    return {str(p.relative_to(root)): (p.read_bytes() if p.is_file() else sorted(c.name for c in p.iterdir())) for p in [root, *root.rglob("*")]}


# (subcommand, arguments with {S} for the scratch folder, extra environment, fragments of the error line)
QUICK: List[Tuple[str, List[str], Dict[str, str], Tuple[str, ...]]] = [
    ("validate", ["{S}/nope.yaml"], {}, ("nope.yaml", "not found")),
    ("validate", ["{S}"], {}, ("expected a UTF-8 YAML file",)),
    ("validate", ["{S}/garbage.yaml"], {}, ("garbage.yaml",)),
    ("validate", ["{S}/list.yaml"], {}, ("list.yaml",)),
    ("schema", ["--output", "/proc/nope/schema.json"], {}, ("--output /proc/nope/schema.json",)),
    ("schema", ["--output", "{S}"], {}, ("is a folder",)),
    ("schema", ["--output", "{S}/file.txt/schema.json"], {}, ("--output",)),
    ("metrics", ["{S}/nope.parquet"], {}, ("nope.parquet", "not found")),
    ("metrics", ["{S}/rows.txt"], {}, ("unsupported file type",)),
    ("metrics", ["{S}/rows.jsonl"], {}, ("no column 'code'",)),
    ("metrics", ["{S}/broken.jsonl"], {}, ("broken.jsonl",)),
    ("metrics", ["{S}/garbage.parquet"], {}, ("garbage.parquet",)),
    ("pull", ["some/repo", "--split", "train"], OFFLINE, ("some/repo", "cannot reach")),
    ("pull", ["a/b/c/../.."], {}, ("not a valid repo id",)),
    ("pull", ["bad repo!!"], {}, ("not a valid repo id",)),
    ("pull", ["some/repo", "--to", "/proc/nope/rows.parquet"], OFFLINE, ("--to /proc/nope/rows.parquet",)),
    ("pull", ["some/repo", "--to", "{S}/rows.csv"], OFFLINE, ("--to",)),
    ("pull", ["some/repo", "--to", "{S}/file.txt/rows.parquet"], OFFLINE, ("--to",)),
    ("reproduce", ["../../etc/passwd"], {}, ("not a valid repo id",)),
    ("reproduce", ["some/repo"], OFFLINE, ("some/repo", "cannot reach")),
    ("reproduce", ["some/repo", "--repo-type", "model", "--output-dir", "/proc/nope"], OFFLINE, ("some/repo",)),
]

SLOW: List[Tuple[str, List[str], Dict[str, str], Tuple[str, ...]]] = [
    ("run", [RECIPE, "--output-dir", "{S}/file.txt/sub"], {}, ("output_dir", "is a file")),
    ("run", [RECIPE, "--output-dir", "/proc/nope"], {}, ("output_dir", "/proc/nope")),
    ("run", [RECIPE, "--output-dir", "{S}/home"], {}, ("output_dir", "not an hfsynth run directory")),
    ("run", [RECIPE, "--output-dir", "{S}/file.txt"], {}, ("output_dir", "is a file")),
    ("run", [RECIPE, "--output-dir", "{S}/run_list"], {}, ("manifest.json", "not the manifest")),
    ("run", [RECIPE, "--output-dir", "{S}/run_null", "--stages", "evaluate"], {}, ("manifest.json", "not the manifest")),
    ("run", [RECIPE, "--output-dir", "{S}/run_stages_list", "--dry-run"], {}, ("manifest.json", "not the manifest")),
    ("run", [RECIPE, "--output-dir", "{S}/run_stage_int"], {}, ("manifest.json", "not the manifest")),
    ("run", [RECIPE, "--output-dir", "{S}/run_bad_json"], {}, ("manifest.json", "not valid JSON")),
    ("train", ["{S}/nope.yaml"], {}, ("not found",)),
    ("generate", [RECIPE, "--output-dir", "{S}/home"], {}, ("not an hfsynth run directory",)),
    ("curate", [RECIPE, "--output-dir", "{S}/run_list"], {}, ("not the manifest",)),
    ("students", [RECIPE, "--output-dir", "{S}/home"], {}, ("not an hfsynth run directory",)),
    ("evaluate", [RECIPE, "--output-dir", "/proc/nope"], {}, ("output_dir",)),
    ("publish", [RECIPE, "--output-dir", "{S}/run_stage_int", "--dry-run"], {}, ("not the manifest",)),
]


def _check_table(table, tmp_path: Path, capsys=None) -> None:
    """Every case of ``table`` as a process, or in this process with ``capsys`` (no case has an environment of its own)."""
    root = _scratch(tmp_path)
    before = _snapshot(root)

    def one(case):
        command, args, env, _ = case
        args = [command, *(a.replace("{S}", str(root)) for a in args)]
        if capsys is not None:
            assert not env, args
            return run_cli_in_process(args, capsys)
        return run_cli(args, env=env, timeout=300)

    if capsys is not None:
        procs = [one(case) for case in table]
    else:
        with ThreadPoolExecutor(max_workers=3) as pool:
            procs = list(pool.map(one, table))
    failures = []
    for (command, args, _, fragments), proc in zip(table, procs):
        try:
            line = assert_user_error(proc, *[f.replace("{S}", str(root)) for f in fragments])
            assert proc.stderr.rstrip().splitlines()[-1] == line, proc.stderr
        except AssertionError as exc:
            failures.append(f"hfsynth {command} {' '.join(args)}: {str(exc)[-600:]}")
    assert not failures, "\n".join(failures)
    assert _snapshot(root) == before, "a hostile command changed the scratch folder"
    assert not Path("/proc/nope").exists()


def test_every_subcommand_has_a_hostile_case():
    covered = {command for command, *_ in QUICK + SLOW}
    assert covered == set(COMMANDS), set(COMMANDS) ^ covered


def test_hostile_arguments_quick_commands(tmp_path):
    _check_table(QUICK, tmp_path)


def test_hostile_arguments_run_and_stage_commands(tmp_path, capsys):
    _check_table(SLOW, tmp_path, capsys)


# ----------------------------------------------------------------------------------------------
# The run-directory check (part 5)


@pytest.mark.parametrize(
    "entries, safe",
    [
        ({}, True),  # a new, empty folder
        ({".ssh/id_ed25519": "key"}, False),  # a home folder holds only dotfiles
        ({".git/HEAD": "ref", ".gitignore": "*"}, False),
        ({".manifest.json.tmp123": "{}"}, False),  # only a temp file: nothing of a run
        ({"notes.txt": "mine"}, False),
        ({"recipe.yaml": "name: x", "checkpoints/step-1/x": "1"}, True),  # a run stopped before its first manifest
        ({"recipe.yaml": "name: x", ".recipe.yaml.tmp4242": "name: x"}, True),  # an atomic write cut short
        ({"recipe.yaml": "name: x", ".ssh/id": "key"}, False),
        ({"manifest.json": '{"stages": {}}', "notes.txt": "kept by the user"}, True),  # recognised by its manifest
        ({".hfsynth.lock": "host 1"}, True),  # a launch killed before its first file: its own lock
        ({".hfsynth.lock": "host 1", ".ssh/id": "key"}, False),
    ],
)
def test_run_dir_check(tmp_path, entries, safe):
    folder = tmp_path / "out"
    folder.mkdir()
    for name, text in entries.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    if safe:
        check_run_dir_is_safe(RunDir(folder))
    else:
        with pytest.raises(HfsynthError, match="not an hfsynth run directory"):
            check_run_dir_is_safe(RunDir(folder))


@pytest.mark.parametrize("manifest", ["[1, 2]", "null", '{"stages": []}', '{"stages": {"train": 5}}'])
def test_run_dir_check_refuses_a_manifest_of_another_shape(tmp_path, manifest):
    (tmp_path / "manifest.json").write_text(manifest)
    with pytest.raises(HfsynthError, match="not the manifest hfsynth writes"):
        check_run_dir_is_safe(RunDir(tmp_path))


def test_run_dir_check_names_a_file_on_the_path(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(HfsynthError, match="which is a file"):
        check_run_dir_is_safe(RunDir(tmp_path / "file.txt" / "sub"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt"]
