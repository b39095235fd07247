"""Hub faults during `hfsynth publish`: retried with backoff or refused in one line, never half a repo.

The real CLI pushes to the test Hub while it misbehaves on purpose (500, 429 + Retry-After, a
connection dropped mid-upload, an answer lost after the commit landed, 401, 403, a client killed
mid-commit). After each: the repo holds the old commit or the complete new one, the local export
is intact, and the token appears in no output.
"""

from __future__ import annotations

import hashlib
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from hub_server import client_env, hub_server, token_of  # noqa: F401
from run_dir_factory import make_run_dir, run_dir_template  # noqa: F401

REPO = "alice/faulty-adapter"


def run_publish(recipe_path: Path, env, cwd: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hfsynth", "publish", str(recipe_path), *extra], env=env, cwd=str(cwd), capture_output=True, text=True, timeout=300)


def export_digest(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def repo_matches_export(server, run_dir) -> bool:
    remote = server.files(REPO, "model")
    local = {p.relative_to(run_dir.hub / "model").as_posix(): p.read_bytes() for p in (run_dir.hub / "model").rglob("*") if p.is_file()}
    return {k: v for k, v in remote.items() if k != ".gitattributes"} == local


def one_error_line(proc: subprocess.CompletedProcess) -> str:
    assert proc.returncode == 2, f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [line for line in proc.stderr.splitlines() if line.startswith("hfsynth: error:")]
    assert len(lines) == 1, proc.stderr
    return lines[0]


@pytest.fixture
def setup(hub_server, make_run_dir, tmp_path):
    """A run whose model repo goes to REPO, and the environment of a client with alice's HF_TOKEN."""
    recipe_path, _, run_dir = make_run_dir(hub={"model_repo": REPO})
    token = token_of(hub_server, "alice")
    env = client_env(hub_server, token=token, home=tmp_path / "hf-home", HFSYNTH_HUB_BACKOFF="0.05", HFSYNTH_HUB_RETRIES="4")
    return hub_server, recipe_path, run_dir, env, token, tmp_path


def test_5xx_on_create_and_commit_are_retried(setup):
    server, recipe_path, run_dir, env, token, cwd = setup
    server.inject(r"^/api/repos/create$", status=502, times=1)
    server.inject(r"/commit/main$", status=500, times=2, method="POST")
    proc = run_publish(recipe_path, env, cwd)
    assert proc.returncode == 0, proc.stderr
    assert [r.status for r in server.requests_matching("POST", r"/commit/main$")] == [500, 500, 200]
    assert "HTTP 500" in proc.stderr and "retry 2/3" in proc.stderr
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)
    assert token not in proc.stdout + proc.stderr


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_429_waits_for_retry_after(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    server.inject(r"/commit/main$", status=429, retry_after=2, times=1, method="POST")
    proc = run_publish(recipe_path, env, cwd)
    assert proc.returncode == 0, proc.stderr
    limited, accepted = server.requests_matching("POST", r"/commit/main$")
    assert (limited.status, accepted.status) == (429, 200)
    assert accepted.at - limited.at >= 2.0  # Retry-After honoured, not the 0.05 s backoff
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)


def test_connection_dropped_mid_upload_leaves_no_partial_commit(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    server.inject(r"/commit/main$", kind="drop", times=2, method="POST")
    proc = run_publish(recipe_path, env, cwd)
    assert proc.returncode == 0, proc.stderr
    assert [r.fault for r in server.requests_matching("POST", r"/commit/main$")] == ["drop", "drop", None]
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)


def test_lost_answer_after_the_commit_landed_makes_no_second_commit(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    server.inject(r"/commit/main$", kind="lose_response", times=1, method="POST")
    proc = run_publish(recipe_path, env, cwd)
    assert proc.returncode == 0, proc.stderr
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)
    record = run_dir.stage_record("publish")
    assert record["model_commit"] == server.commits(REPO, "model")[0]["id"] and record["model_new_commit"] is True


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_persistent_5xx_fails_in_one_line_and_keeps_the_export(setup):
    server, recipe_path, run_dir, env, token, cwd = setup
    ok = run_publish(recipe_path, env, cwd, "--dry-run")
    assert ok.returncode == 0, ok.stderr
    before = export_digest(run_dir.hub)
    fault = server.inject(r"/commit/main$", status=503, times=None, method="POST")
    proc = run_publish(recipe_path, env, cwd, "--force")
    line = one_error_line(proc)
    assert f"model repo '{REPO}'" in line and "after 4 attempts" in line and "HTTP 503" in line and "intact" in line
    assert len(server.requests_matching("POST", r"/commit/main$")) == 4
    assert [c["title"] for c in server.commits(REPO, "model")] == ["initial commit"]
    assert export_digest(run_dir.hub) == before
    assert token not in proc.stdout + proc.stderr
    fault.times = 0  # the Hub recovers: the same export goes up on the next publish
    again = run_publish(recipe_path, env, cwd, "--force")
    assert again.returncode == 0, again.stderr
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)


def test_invalid_token_is_refused_naming_the_repo_and_the_token_source(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    bad = "hf_revoked_" + "x" * 20
    env = dict(env, HF_TOKEN=bad)
    proc = run_publish(recipe_path, env, cwd)
    line = one_error_line(proc)
    assert REPO in line and "HF_TOKEN environment variable" in line and "401" in line
    assert bad not in proc.stdout + proc.stderr
    assert not server.store.exists("model", REPO)
    assert run_dir.stage_record("publish") == {}  # refused in preflight, before any stage


@pytest.mark.slow  # 10 s: two whole publishes against the test server
def test_401_and_403_during_the_push_are_not_retried(setup):
    server, recipe_path, run_dir, env, token, cwd = setup
    server.inject(r"/commit/main$", status=403, message="Forbidden: token lacks the repo.write scope", times=None, method="POST")
    line = one_error_line(run_publish(recipe_path, env, cwd))
    assert f"model repo '{REPO}'" in line and "HTTP 403" in line and "HF_TOKEN environment variable" in line and "write access" in line
    assert len(server.requests_matching("POST", r"/commit/main$")) == 1
    server.clear_faults()
    server.inject(r"/commit/main$", status=401, message="Unauthorized", times=None, method="POST")
    line = one_error_line(run_publish(recipe_path, env, cwd, "--force"))
    assert f"model repo '{REPO}'" in line and "401" in line
    assert [c["title"] for c in server.commits(REPO, "model")] == ["initial commit"]
    assert (run_dir.hub / "model" / "adapter_model.safetensors").is_file()


def test_foreign_namespace_and_read_only_tokens_are_refused_before_any_stage(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    login_home = cwd / "bob-home"
    login_home.mkdir()
    (login_home / "token").write_text(token_of(server, "bob"))  # as `hf auth login` saves it
    bob_env = {k: v for k, v in env.items() if k != "HF_TOKEN"}
    bob_env["HF_HOME"] = str(login_home)
    line = one_error_line(run_publish(recipe_path, bob_env, cwd))
    assert "`hf auth login`" in line and "'bob'" in line and "'alice'" in line
    line = one_error_line(run_publish(recipe_path, dict(env, HF_TOKEN=token_of(server, "reader")), cwd))
    assert "read-only" in line and REPO in line
    assert not server.store.exists("model", REPO)
    assert run_dir.stage_record("publish") == {}  # refused in preflight: no stage ran


@pytest.mark.slow  # about 5-8 s; the quick subset keeps its 3-minute budget
def test_client_killed_mid_commit_then_rerun(setup):
    server, recipe_path, run_dir, env, _, cwd = setup
    fault = server.inject(r"/commit/main$", kind="delay", seconds=3.0, times=1, method="POST")
    client = subprocess.Popen([sys.executable, "-m", "hfsynth", "publish", str(recipe_path)], env=env, cwd=str(cwd), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert fault.arrived.wait(timeout=300), "the commit request never arrived"
    client.send_signal(signal.SIGKILL)  # while the server holds the commit request (it was read whole)
    client.wait(timeout=30)
    assert client.returncode == -signal.SIGKILL, "the client was not killed mid-commit"
    assert fault.finished.wait(timeout=60)  # the server finishes what it had fully received
    commits = server.commits(REPO, "model")
    assert len(commits) in (1, 2)
    assert len(commits) == 1 or repo_matches_export(server, run_dir)  # the old commit or all of the new one
    proc = run_publish(recipe_path, env, cwd, "--force")
    assert proc.returncode == 0, proc.stderr
    assert len(server.commits(REPO, "model")) == 2 and repo_matches_export(server, run_dir)
