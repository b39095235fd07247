"""Before any stage: one launch per run directory (a flock naming host and pid), seen by every rank."""

import json
import os
import signal
import socket
import subprocess
import sys

import pytest

from hfsynth.errors import HfsynthError
from hfsynth.run_guard import acquire_lock, release_lock
from hfsynth.rundir import RunDir

from helpers import REPO_ROOT, assert_user_error, run_cli

HOLDER = (
    "import sys; from hfsynth.rundir import RunDir; from hfsynth.run_guard import acquire_lock; "
    "acquire_lock(RunDir(sys.argv[1])); print('held', flush=True); sys.stdin.read()"
)


def hold_lock(path):
    """Another process that holds the run directory's lock until its stdin closes or it is killed."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.slow  # 9 s: real launches held, killed and retried
def test_a_second_launch_is_refused_naming_the_first_and_a_killed_one_does_not_block(tiny_recipe, write_recipe, tmp_path):
    run_dir = RunDir(tmp_path / "run")
    holder = hold_lock(run_dir.path)
    try:
        proc = run_cli(["train", write_recipe(tiny_recipe)])
        assert_user_error(proc, f"'{run_dir.path}' is in use by another hfsynth launch", f"host {socket.gethostname()}", f"pid {holder.pid}")
        assert not run_dir.manifest_path.exists()  # refused before any stage started
        with pytest.raises(HfsynthError, match=f"pid {holder.pid}"):
            acquire_lock(run_dir)
    finally:
        holder.send_signal(signal.SIGKILL)  # a killed run: the kernel drops its lock
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    acquire_lock(run_dir)
    assert json.loads(run_dir.lock_file.read_text())["pid"] == os.getpid()
    release_lock(run_dir)


def hfsynth_traceback(stderr: str) -> bool:
    """A traceback through hfsynth's code (torchrun prints its own ChildFailedError when a rank exits 2)."""
    return any('File "' in line and "/hfsynth/" in line for line in stderr.splitlines()) or "HfsynthError" in stderr


def torchrun_guard(pattern):
    env = dict(os.environ, OMP_NUM_THREADS="1")
    return subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone",
         str(REPO_ROOT / "tests" / "run_guard_script.py"), pattern],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.mark.slow
def test_two_ranks_with_separate_folders_are_refused_and_a_shared_one_passes(tmp_path):
    separate = torchrun_guard(str(tmp_path / "node-{rank}"))
    assert separate.returncode != 0
    lines = [l for l in separate.stderr.splitlines() if l.startswith("hfsynth: error:")]
    assert len(lines) == 1, separate.stderr[-3000:]
    assert "is not shared by every rank" in lines[0] and "marker of rank(s) 1" in lines[0]
    assert not hfsynth_traceback(separate.stderr)

    shared = torchrun_guard(str(tmp_path / "shared"))
    assert shared.returncode == 0, shared.stderr[-3000:]
    assert "rank 0: guard passed" in shared.stdout and "rank 1: guard passed" in shared.stdout
    assert not (tmp_path / "shared" / ".hfsynth-ranks").exists()  # the markers are cleaned up


@pytest.mark.slow
def test_cli_under_torchrun_refuses_node_local_run_directories(tiny_recipe, write_recipe, tmp_path):
    """output_dir with $RANK: each rank gets its own folder, as node-local scratch would; refused before training."""
    path = write_recipe(dict(tiny_recipe, output_dir=str(tmp_path / "node-${RANK}")))
    env = dict(os.environ, OMP_NUM_THREADS="1")
    proc = subprocess.run(
        [sys.executable, "-m", "torch.distributed.run", "--nproc_per_node", "2", "--standalone", "-m", "hfsynth", "train", str(path)],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode != 0
    lines = [l for l in proc.stderr.splitlines() if l.startswith("hfsynth: error:")]
    assert len(lines) == 1 and "is not shared by every rank" in lines[0], proc.stderr[-3000:]
    assert not hfsynth_traceback(proc.stderr)
    assert not (tmp_path / "node-0" / "checkpoints").exists()
