"""Test helpers: run the real CLI (in a subprocess, or in this process for refusals) and read its outcome."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, Optional, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_cli(args: Sequence[str], cwd: Optional[Path] = None, env: Optional[Dict[str, str]] = None, timeout: float = 600) -> subprocess.CompletedProcess:
    """``python -m hfsynth <args>`` as a user would run it; returns the completed process (text mode)."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hfsynth", *map(str, args)],
        cwd=str(cwd or REPO_ROOT),
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def run_cli_in_process(args: Sequence[str], capsys, cwd: Optional[Path] = None) -> subprocess.CompletedProcess:
    """``hfsynth <args>`` through :func:`hfsynth.cli.main` in this process, with what it printed and its exit
    status as :func:`run_cli` returns them. For refusals, validation and the tiny-model runs whose subject is what
    they write: a test worker imports torch, TRL, peft and bitsandbytes once for all its tests, where each fresh
    interpreter spends 4-5 s of CPU on them first (a 2-step training through :func:`run_cli` took 8 s of CPU).
    Kills, ranks, locks, environment variables read at import and the end-to-end runs stay in :func:`run_cli`."""
    capsys.readouterr()  # what earlier code printed is not this command's
    code = cli_exit_status(args, cwd)
    out = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out.out, out.err)


def cli_exit_status(args: Sequence[str], cwd: Optional[Path] = None) -> int:
    """The exit status of ``hfsynth <args>`` run through :func:`hfsynth.cli.main` in this process, from ``cwd`` (the
    checkout by default) as :func:`run_cli` runs it; what it prints goes where this process's output goes (a
    module-scoped fixture has no ``capsys``)."""
    from hfsynth.cli import main

    before = os.getcwd()
    os.chdir(cwd or REPO_ROOT)
    try:
        main([str(a) for a in args])
        return 0
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        os.chdir(before)


def assert_user_error(proc: subprocess.CompletedProcess, *fragments: str) -> str:
    """Exit 2, one line on stderr starting with 'hfsynth: error:', containing every fragment, no traceback."""
    assert proc.returncode == 2, f"exit {proc.returncode}\nstdout:{proc.stdout}\nstderr:{proc.stderr}"
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.startswith("hfsynth: error:")]
    assert len(lines) == 1, proc.stderr
    for fragment in fragments:
        assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
    return lines[0]


def start_paused(args: Sequence[str], point: str, count: int, pause_file: Path, cwd: Optional[Path] = None,
                 env: Optional[Dict[str, str]] = None, timeout: float = 600) -> subprocess.Popen:
    """Start ``python -m hfsynth <args>`` parked at ``point`` (hfsynth.testing.pause) and wait until it
    is there: the caller then kills it mid-run for certain. Fails if the run ends before reaching it."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["HFSYNTH_TEST_PAUSE"] = f"{point}:{count}:{pause_file}"
    proc = subprocess.Popen([sys.executable, "-m", "hfsynth", *map(str, args)], cwd=str(cwd or REPO_ROOT), env=full_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + timeout  # a hang guard only: the run parks at the point and stays there
    while not Path(pause_file).exists():
        if proc.poll() is not None:
            raise AssertionError(f"the run exited ({proc.returncode}) before reaching {point} {count}")
        if time.monotonic() > deadline:
            kill_group(proc)
            raise AssertionError(f"the run did not reach {point} {count} within {timeout} s")
        time.sleep(0.05)
    return proc


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the run and every process it started, and check it was still running when killed."""
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"the run was not killed mid-run (exit {proc.returncode})"
