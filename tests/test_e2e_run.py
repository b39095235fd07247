"""`hfsynth run` end to end: every stage, a push to the test Hub, skipping and rerunning by
fingerprint, secrets redacted and the token kept out of every file and output (tiny model, with
curated rows from ``--input``). A run killed during training and resumed is tests/test_train.py's. The same on
the builtin model is tests/test_e2e_builtin.py (its own file, so the two longest runs can go to two
workers)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hub_server import client_env, hub_server, token_of  # noqa: F401

from e2e_helpers import PLANTED_EMAIL, PLANTED_TOKEN, STAGE_NAMES, e2e_recipe, load_published, run, statuses

pytestmark = pytest.mark.slow


def curated_input_rows(path: Path) -> Path:
    """Rows for ``hfsynth curate --input`` (a random tiny model writes no row worth keeping), one
    carrying the planted secrets."""
    rows = [
        {"id": "in-0", "instruction": "Write a function that adds two numbers.",
         "response": "```python\ndef add(a, b):\n    return a + b\n```"},
        {"id": "in-1", "instruction": f"Write a function that returns the support address {PLANTED_EMAIL}.",
         "response": f"```python\ndef support():\n    token = '{PLANTED_TOKEN}'\n    return '{PLANTED_EMAIL}'\n```"},
        {"id": "in-2", "instruction": "Write a function that reverses a list.", "split": "test",
         "response": "```python\ndef reverse(items):\n    return list(reversed(items))\n```"},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_run_everything_push_skip_rerun_and_keep_secrets_out(hub_server, tiny_model_dir, tmp_path):
    """The whole pipeline's bookkeeping on the tiny model: every stage, a push, skipping, rerunning
    downstream of a change, --stages, secrets redacted on the Hub, and a token that reaches no file
    and no output."""
    token = token_of(hub_server, "alice")
    hub = {"model_repo": "alice/e2e-adapter", "dataset_repo": "alice/e2e-data"}
    recipe_path = tmp_path / "e2e.yaml"
    recipe = e2e_recipe(str(tiny_model_dir), tmp_path / "run", hub)
    recipe["quantization"]["load_in_4bit"] = False  # 4-bit training is tested in test_train.py; here it would only add bitsandbytes' import
    recipe_path.write_text(yaml.safe_dump(recipe, sort_keys=False))
    env = client_env(hub_server, token=token, home=tmp_path / "hf-home", HFSYNTH_HUB_BACKOFF="0.05", COLUMNS="200")
    run_dir = tmp_path / "run"

    made = run(["run", recipe_path, "--stages", "train,generate"], env, tmp_path)
    assert made.returncode == 0, made.stderr[-4000:]
    assert statuses(made.stdout) == {"train": "ran", "generate": "ran"}, made.stdout
    curated = run(["curate", recipe_path, "--input", curated_input_rows(tmp_path / "rows.jsonl")], env, tmp_path)
    assert curated.returncode == 0, curated.stderr[-4000:]
    first = run(["run", recipe_path], env, tmp_path)
    assert first.returncode == 0, first.stderr[-4000:]
    assert statuses(first.stdout) == {"train": "skipped", "generate": "skipped", "curate": "skipped", "evaluate": "ran", "publish": "ran"}
    manifest = json.loads((run_dir / "manifest.json").read_text())
    assert all(manifest["stages"][s]["status"] == "done" for s in STAGE_NAMES)
    assert json.loads((run_dir / "metrics.json").read_text())["figures"]

    # what reached the Hub: the curated rows, with the planted secrets redacted
    published = load_published(hub_server, tmp_path / "reader", "alice/e2e-data")
    assert {s: sorted(r["id"] for r in rows) for s, rows in published.items()} == {"train": ["in-0", "in-1"], "test": ["in-2"]}
    text = json.dumps(published)
    assert PLANTED_EMAIL not in text and PLANTED_TOKEN not in text
    assert "<REDACTED:email>" in text and "<REDACTED:hf_token>" in text
    repos = (("model", "alice/e2e-adapter"), ("dataset", "alice/e2e-data"))
    commits = {repo: hub_server.store.all_commit_ids(kind, repo) for kind, repo in repos}

    # nothing changed: every stage is skipped and the Hub gets no new commit
    again = run(["run", recipe_path], env, tmp_path)
    assert again.returncode == 0, again.stderr[-3000:]
    assert statuses(again.stdout) == {s: "skipped" for s in STAGE_NAMES}, again.stdout
    assert {repo: hub_server.store.all_commit_ids(kind, repo) for kind, repo in repos} == commits
    # one section changed: that stage and the ones after it rerun, the ones before do not
    changed = run(["run", recipe_path, "metrics.perplexity.max_rows=4"], env, tmp_path)
    assert changed.returncode == 0, changed.stderr[-3000:]
    assert statuses(changed.stdout) == {"train": "skipped", "generate": "skipped", "curate": "skipped", "evaluate": "ran", "publish": "ran"}
    assert all(len(hub_server.store.all_commit_ids(k, r)) > len(commits[r]) for k, r in repos)
    # --stages picks
    picked = run(["run", recipe_path, "--stages", "generate", "--force"], env, tmp_path)
    assert statuses(picked.stdout) == {"generate": "ran"}

    # the token is in no file the run wrote and in nothing it printed
    for proc in (made, curated, first, again, changed, picked):
        assert token not in proc.stdout + proc.stderr
    for path in run_dir.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
