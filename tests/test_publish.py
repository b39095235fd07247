"""Publish end to end against the test Hub: the real CLI pushes, the real clients read it back.

Every client runs in a subprocess started with ``HF_ENDPOINT`` pointing at the test server
(huggingface_hub and datasets read it at import time). One module-scoped publish feeds most
checks; the round trips the issue asks for each have their own test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import yaml
from hub_server import client_env, hub_server, module_hub_server, token_of  # noqa: F401
from run_dir_factory import make_run_dir, new_run_dir, run_dir_template  # noqa: F401

MODEL_REPO = "alice/tiny-code-adapter"
DATASET_REPO = "alice/tiny-code-data"
HUB_ID = "hfsynth-test/tiny-llama"  # what the card records as base_model for the local tiny model


def run_hfsynth(args, env, cwd, timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hfsynth", *map(str, args)], env=env, cwd=str(cwd), capture_output=True, text=True, timeout=timeout)


def run_python(code: str, env, cwd, args=(), timeout=300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], env=env, cwd=str(cwd), capture_output=True, text=True, timeout=timeout)


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"exit {proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    return proc


# The reading side, as a user would write it (runs in a subprocess against the test Hub).
READ_BACK = r'''
import json, sys
import torch
from datasets import load_dataset
from huggingface_hub import DatasetCard, HfApi, ModelCard
from huggingface_hub.repocard_data import model_index_to_eval_results
from peft import PeftModel
from transformers import AutoModelForCausalLM

model_repo, dataset_repo, base_dir, local_adapter = sys.argv[1:5]
out = {}
ds = load_dataset(dataset_repo)
out["splits"] = {name: ds[name].to_list() for name in ds}

ids = torch.tensor([[5, 17, 42, 99, 7, 3, 250, 11]])
def logits(adapter):
    base = AutoModelForCausalLM.from_pretrained(base_dir)
    model = PeftModel.from_pretrained(base, adapter).eval()
    with torch.no_grad():
        return model(input_ids=ids).logits
hub_logits, local_logits = logits(model_repo), logits(local_adapter)
with torch.no_grad():
    plain = AutoModelForCausalLM.from_pretrained(base_dir)(input_ids=ids).logits
out["logit_diff_hub_vs_local"] = float((hub_logits - local_logits).abs().max())
out["logit_diff_adapter_vs_base"] = float((hub_logits - plain).abs().max())

model_card = ModelCard.load(model_repo)
meta = model_card.data.to_dict()
name, results = model_index_to_eval_results(meta["model-index"])
out["model_meta"] = {k: meta.get(k) for k in ("base_model", "library_name", "pipeline_tag", "tags", "datasets", "license", "language")}
out["model_index"] = {"name": name, "results": [(r.dataset_name, r.metric_type, r.metric_value) for r in results]}
out["model_card_eval_results"] = len(model_card.data.eval_results or [])
dataset_card = DatasetCard.load(dataset_repo)
dmeta = dataset_card.data.to_dict()
out["dataset_meta"] = {k: dmeta.get(k) for k in ("license", "language", "task_categories", "tags", "size_categories", "source_datasets", "pretty_name", "configs", "dataset_info")}
api = HfApi()
out["model_files"] = sorted(api.list_repo_files(model_repo))
out["dataset_files"] = sorted(api.list_repo_files(dataset_repo, repo_type="dataset"))
print("READ_BACK_JSON=" + json.dumps(out))
'''


def read_back(env, cwd, tiny_model_dir, local_adapter) -> dict:
    proc = ok(run_python(READ_BACK, env, cwd, args=(MODEL_REPO, DATASET_REPO, tiny_model_dir, local_adapter)))
    line = next(l for l in proc.stdout.splitlines() if l.startswith("READ_BACK_JSON="))
    return json.loads(line.split("=", 1)[1])


@pytest.fixture(scope="module")
def published(module_hub_server, run_dir_template, tiny_model_dir, tmp_path_factory):
    """Publish the fake run with the real CLI (HF_TOKEN = alice's), then read everything back."""
    server = module_hub_server
    token = token_of(server, "alice")
    dest = tmp_path_factory.mktemp("published")
    hub = {"model_repo": MODEL_REPO, "dataset_repo": DATASET_REPO, "license": "mit", "language": ["en"]}
    recipe_path, recipe, run_dir = new_run_dir(run_dir_template, tiny_model_dir, dest, hub, model={"hub_id": HUB_ID})
    env = client_env(server, token=token, home=dest / "hf-home", HFSYNTH_HUB_BACKOFF="0.05")
    proc = ok(run_hfsynth(["publish", recipe_path], env, dest))
    reader_env = client_env(server, home=dest / "reader-home")  # anonymous reader, empty caches
    return {
        "server": server, "token": token, "dest": dest, "recipe_path": recipe_path, "recipe": recipe, "run_dir": run_dir,
        "env": env, "proc": proc, "read": read_back(reader_env, dest, tiny_model_dir, run_dir.adapter), "reader_env": reader_env,
    }


def test_publish_pushes_one_commit_per_repo_with_exactly_the_export(published):
    server, run_dir = published["server"], published["run_dir"]
    for repo_id, kind in ((MODEL_REPO, "model"), (DATASET_REPO, "dataset")):
        commits = server.commits(repo_id, kind)
        assert [c["title"] for c in commits][-1] == "initial commit"
        assert len(commits) == 2, [c["title"] for c in commits]
        assert "recipe" in commits[0]["title"] and commits[0]["author"] == "alice"
        remote = server.files(repo_id, kind)
        local = {p.relative_to(run_dir.hub / kind).as_posix(): p.read_bytes() for p in (run_dir.hub / kind).rglob("*") if p.is_file()}
        assert set(remote) - {".gitattributes"} == set(local)
        assert all(remote[p] == data for p, data in local.items())
    record = run_dir.stage_record("publish")
    assert record["pushed"] is True and record["status"] == "done"
    assert record["model_commit"] == server.commits(MODEL_REPO, "model")[0]["id"]
    assert record["dataset_commit"] == server.commits(DATASET_REPO, "dataset")[0]["id"]
    assert record["model_url"].endswith(MODEL_REPO) and record["dataset_url"].endswith("datasets/" + DATASET_REPO)
    # The commit went through preupload + NDJSON commit with the parent commit the client read.
    assert server.requests_matching("POST", rf"/api/models/{MODEL_REPO}/preupload/main")
    assert server.requests_matching("POST", rf"/api/datasets/{DATASET_REPO}/commit/main")


def test_load_dataset_returns_the_curated_splits_row_for_row(published):
    run_dir, splits = published["run_dir"], published["read"]["splits"]
    local = {p.stem: pq.read_table(p).to_pylist() for p in sorted(run_dir.data.glob("*.parquet"))}
    assert set(splits) == set(local) == {"train", "test"}
    for name, rows in local.items():
        assert splits[name] == json.loads(json.dumps(rows)), name


def test_adapter_from_the_hub_gives_the_local_logits(published):
    read = published["read"]
    assert read["logit_diff_hub_vs_local"] == 0.0
    assert read["logit_diff_adapter_vs_base"] > 1e-3  # the adapter really changes the model


def test_model_card_metadata_reads_back(published):
    meta, index = published["read"]["model_meta"], published["read"]["model_index"]
    assert meta["base_model"] == HUB_ID
    assert meta["library_name"] == "peft" and meta["pipeline_tag"] == "text-generation"
    assert {"hfsynth", "trl", "sft", "lora", "code"} <= set(meta["tags"])
    assert meta["datasets"] == [DATASET_REPO]
    assert meta["license"] == "mit" and meta["language"] == ["en"]
    assert index["name"] == MODEL_REPO.split("/")[1]
    assert ["HumanEval", "pass@1", 0.125] in index["results"]
    assert ["HumanEval", "pass@1_base_model", 0.0625] in index["results"]
    assert ["held-out seed split", "loss", 2.61] in index["results"]
    assert published["read"]["model_card_eval_results"] == 3
    assert {"README.md", "adapter_config.json", "adapter_model.safetensors", "recipe.yaml", "metrics.json", "training_loss.png"} <= set(published["read"]["model_files"])


def test_dataset_card_metadata_reads_back(published):
    meta = published["read"]["dataset_meta"]
    assert meta["license"] == "mit" and meta["language"] == ["en"]
    assert meta["task_categories"] == ["text-generation"]
    assert {"synthetic", "code", "hfsynth"} <= set(meta["tags"])
    assert meta["size_categories"] == ["n<1K"] and meta["source_datasets"] == ["original"]
    assert meta["pretty_name"]
    assert meta["configs"] == [{"config_name": "default", "data_files": [{"split": "train", "path": "data/train.parquet"}, {"split": "test", "path": "data/test.parquet"}]}]
    splits = {s["name"]: s["num_examples"] for s in meta["dataset_info"]["splits"]}
    assert splits == {"train": 12, "test": 4}
    assert {"README.md", "data/train.parquet", "data/test.parquet", "recipe.yaml", "metrics.json", "funnel.json", "decontamination.jsonl", "length_distribution.png"} <= set(published["read"]["dataset_files"])


def test_repos_hold_the_run_recipe_and_metrics(published):
    server, recipe, run_dir = published["server"], published["recipe"], published["run_dir"]
    for repo_id, kind in ((MODEL_REPO, "model"), (DATASET_REPO, "dataset")):
        files = server.files(repo_id, kind)
        assert json.loads(files["metrics.json"]) == json.loads(run_dir.metrics.read_text())
        published_recipe = yaml.safe_load(files["recipe.yaml"])
        assert published_recipe["output_dir"] is None  # the publisher's local run path stays local
        assert {k: v for k, v in published_recipe.items() if k != "output_dir"} == {k: v for k, v in yaml.safe_load(recipe.to_yaml()).items() if k != "output_dir"}
    config = json.loads(server.files(MODEL_REPO, "model")["adapter_config.json"])
    assert config["base_model_name_or_path"] == HUB_ID  # never the local folder


def test_second_publish_makes_no_new_commit(published):
    server, env = published["server"], published["env"]
    before = {kind: server.commits(repo, kind)[0]["id"] for repo, kind in ((MODEL_REPO, "model"), (DATASET_REPO, "dataset"))}
    proc = ok(run_hfsynth(["publish", published["recipe_path"], "--force"], env, published["dest"]))
    after = {kind: server.commits(repo, kind)[0]["id"] for repo, kind in ((MODEL_REPO, "model"), (DATASET_REPO, "dataset"))}
    assert after == before
    assert proc.stdout.count("unchanged, no new commit") == 2
    record = published["run_dir"].stage_record("publish")
    assert record["model_new_commit"] is False and record["dataset_new_commit"] is False


FETCH = (
    "import sys, json; from hfsynth.commands.reproduce import fetch_recipe\n"
    "r = fetch_recipe(sys.argv[1], revision=sys.argv[2] or None, repo_type='dataset', overrides=sys.argv[3:])\n"
    "print('RECIPE_JSON=' + r.model_dump_json())\n"
)


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_fetch_recipe_returns_the_published_recipe_at_a_pinned_revision(hub_server, make_run_dir, tmp_path):
    env = client_env(hub_server, token=token_of(hub_server, "alice"), home=tmp_path / "home")
    recipe_path, recipe, _ = make_run_dir(hub={"dataset_repo": DATASET_REPO, "license": "mit"})
    ok(run_hfsynth(["publish", recipe_path], env, tmp_path))
    first = hub_server.commits(DATASET_REPO, "dataset")[0]["id"]
    ok(run_hfsynth(["publish", recipe_path, "hub.license=apache-2.0"], env, tmp_path))  # a newer commit, another recipe
    assert hub_server.commits(DATASET_REPO, "dataset")[0]["id"] != first

    def fetch(revision, *overrides):
        proc = ok(run_python(FETCH, client_env(hub_server, home=tmp_path / "reader"), tmp_path, args=(DATASET_REPO, revision, *overrides)))
        return json.loads(next(l for l in proc.stdout.splitlines() if l.startswith("RECIPE_JSON=")).split("=", 1)[1]), proc.stderr

    pinned, said = fetch(first, "train.max_steps=7")
    expected = json.loads(recipe.model_dump_json())
    expected["train"]["max_steps"] = 7
    expected["output_dir"] = None  # reproduce runs into a new run directory
    assert pinned == expected
    assert first in said  # it says which commit it reproduces
    latest, _ = fetch("")
    assert latest["hub"]["license"] == "apache-2.0"


def test_pull_writes_the_split_and_prints_the_metrics(published):
    dest = published["dest"]
    proc = ok(run_hfsynth(["pull", DATASET_REPO, "--split", "test", "--to", dest / "pulled.parquet"], published["reader_env"], dest))
    local = pq.read_table(published["run_dir"].data / "test.parquet").to_pylist()
    assert pq.read_table(dest / "pulled.parquet").to_pylist() == local
    assert "4 rows" in proc.stdout and "humaneval_pass@1_tuned: 0.125, n=8" in proc.stdout


def test_the_token_is_in_no_file_and_no_output(published):
    token, run_dir, server = published["token"], published["run_dir"], published["server"]
    assert token not in published["proc"].stdout + published["proc"].stderr
    for path in run_dir.path.rglob("*"):
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path
    for path in server.store.root.rglob("*"):  # everything that was uploaded
        if path.is_file():
            assert token.encode() not in path.read_bytes(), path


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_private_repo_is_not_readable_anonymously(hub_server, make_run_dir, tmp_path):
    token = token_of(hub_server, "alice")
    env = client_env(hub_server, token=token, home=tmp_path / "home")
    recipe_path, _, _ = make_run_dir(hub={"dataset_repo": "alice/private-data"})
    ok(run_hfsynth(["publish", recipe_path], env, tmp_path))
    assert hub_server.store.meta("dataset", "alice/private-data")["private"] is False
    # The recipe now says private: the existing public repo is made private before anything is added.
    ok(run_hfsynth(["publish", recipe_path, "hub.private=true"], env, tmp_path))
    assert hub_server.store.meta("dataset", "alice/private-data")["private"] is True
    anonymous = run_hfsynth(["pull", "alice/private-data"], client_env(hub_server, home=tmp_path / "anon"), tmp_path)
    assert anonymous.returncode == 2 and "not found" in anonymous.stderr and "Traceback" not in anonymous.stderr
    other = run_hfsynth(["pull", "alice/private-data"], client_env(hub_server, token=token_of(hub_server, "bob"), home=tmp_path / "bob"), tmp_path)
    assert other.returncode == 2
    owner = ok(run_hfsynth(["pull", "alice/private-data", "--split", "train"], client_env(hub_server, token=token, home=tmp_path / "owner"), tmp_path))
    assert "12 rows" in owner.stdout


def test_dry_run_writes_the_export_and_pushes_nothing(hub_server, make_run_dir, tmp_path):
    recipe_path, _, run_dir = make_run_dir(hub={"model_repo": MODEL_REPO, "dataset_repo": DATASET_REPO})
    env = client_env(hub_server, token=token_of(hub_server, "alice"), home=tmp_path / "home")
    proc = ok(run_hfsynth(["publish", recipe_path, "--dry-run"], env, tmp_path))
    assert (run_dir.hub / "model" / "README.md").is_file() and (run_dir.hub / "dataset" / "data" / "train.parquet").is_file()
    assert "dry run" in proc.stdout and "hfsynth publish" in proc.stdout
    assert not [r for r in hub_server.requests if r.method == "POST"]
    assert run_dir.stage_record("publish")["pushed"] is False


def test_without_a_token_publish_stops_at_the_export_and_says_how(hub_server, make_run_dir, tmp_path):
    recipe_path, _, run_dir = make_run_dir(hub={"model_repo": MODEL_REPO})
    proc = ok(run_hfsynth(["publish", recipe_path], client_env(hub_server, home=tmp_path / "empty-home"), tmp_path))
    assert "no Hub token" in proc.stdout and "hf auth login" in proc.stdout
    assert (run_dir.hub / "model" / "adapter_model.safetensors").is_file()
    assert not hub_server.requests


def test_token_saved_by_hf_auth_login_is_used(hub_server, make_run_dir, tmp_path):
    home = tmp_path / "login-home"
    home.mkdir()
    (home / "token").write_text(token_of(hub_server, "alice"))  # where `hf auth login` saves it
    recipe_path, _, run_dir = make_run_dir(hub={"model_repo": "alice/login-adapter"})
    ok(run_hfsynth(["publish", recipe_path], client_env(hub_server, home=home), tmp_path))
    assert len(hub_server.commits("alice/login-adapter", "model")) == 2
    assert run_dir.stage_record("publish")["pushed"] is True


def test_preflight_refuses_a_malformed_repo_id_before_any_stage(make_run_dir, tmp_path):
    """Checked with the recipe (hfsynth.schema.hub), so even a run whose stages are done is refused."""
    recipe_path, _, _ = make_run_dir()
    recipe = yaml.safe_load(Path(recipe_path).read_text())
    recipe["hub"] = {"dataset_repo": "no-namespace"}
    Path(recipe_path).write_text(yaml.safe_dump(recipe))
    proc = run_hfsynth(["publish", recipe_path], None, tmp_path)
    assert proc.returncode == 2 and "hub.dataset_repo" in proc.stderr and "owner/name" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_publish_after_a_dry_run_pushes_then_skips(hub_server, make_run_dir, tmp_path):
    recipe_path, _, run_dir = make_run_dir(hub={"dataset_repo": DATASET_REPO})
    env = client_env(hub_server, token=token_of(hub_server, "alice"), home=tmp_path / "home")
    ok(run_hfsynth(["publish", recipe_path, "--dry-run"], env, tmp_path))
    assert not hub_server.store.exists("dataset", DATASET_REPO)
    ok(run_hfsynth(["publish", recipe_path], env, tmp_path))  # same fingerprint, but the push is still owed
    assert len(hub_server.commits(DATASET_REPO, "dataset")) == 2
    posts = len([r for r in hub_server.requests if r.method == "POST"])
    again = ok(run_hfsynth(["publish", recipe_path], env, tmp_path))
    assert "skipped" in again.stdout and len([r for r in hub_server.requests if r.method == "POST"]) == posts


def test_push_to_a_branch_leaves_main_alone(hub_server, make_run_dir, tmp_path):
    recipe_path, _, run_dir = make_run_dir(hub={"model_repo": MODEL_REPO, "revision": "experiment-1"})
    ok(run_hfsynth(["publish", recipe_path], client_env(hub_server, token=token_of(hub_server, "alice"), home=tmp_path / "home"), tmp_path))
    assert set(hub_server.files(MODEL_REPO)) == {".gitattributes"}
    assert "adapter_model.safetensors" in hub_server.files(MODEL_REPO, revision="experiment-1")
    assert run_dir.stage_record("publish")["model_commit"] == hub_server.commits(MODEL_REPO, branch="experiment-1")[0]["id"]


def test_an_emptied_split_is_left_out_and_no_rows_at_all_is_refused(hub_server, make_run_dir, tmp_path):
    """`datasets` cannot load a repo with an empty split: the split curation emptied is not published,
    the others load; when curation kept nothing, publish refuses in one line and pushes nothing."""
    import pyarrow.parquet as pq

    recipe_path, _, run_dir = make_run_dir(hub={"dataset_repo": "alice/emptied-test"})
    test_split = run_dir.split_file("test")
    pq.write_table(pq.read_table(test_split).slice(0, 0), test_split)
    env = client_env(hub_server, token=token_of(hub_server, "alice"), home=tmp_path / "home")
    ok(run_hfsynth(["publish", recipe_path], env, tmp_path))
    read = ok(run_python("import datasets; d = datasets.load_dataset('alice/emptied-test'); print(sorted((s, len(d[s])) for s in d))",
                         client_env(hub_server, home=tmp_path / "reader"), tmp_path))
    assert read.stdout.strip().splitlines()[-1] == "[('train', 12)]"

    train_split = run_dir.split_file("train")
    pq.write_table(pq.read_table(train_split).slice(0, 0), train_split)
    posts = len([r for r in hub_server.requests if r.method == "POST"])
    refused = run_hfsynth(["publish", recipe_path, "--force"], env, tmp_path)
    assert refused.returncode == 2 and "kept no rows" in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert len([r for r in hub_server.requests if r.method == "POST"]) == posts
