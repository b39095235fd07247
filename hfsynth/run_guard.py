"""Before any stage starts: one launch per run directory, and a run directory every rank can see.

- **The lock.** Rank 0 holds an exclusive ``flock`` on ``RunDir.lock_file`` for as long as it runs and
  writes its host and pid into it. A second launch into the same run directory (say two ``hfsynth
  generate`` writing into one ``raw/``) cannot take it and is refused with one line naming the first's
  host and pid. The kernel drops the lock when its process dies, so a lock left by a killed run never
  blocks the next one (no pid-liveness guessing, which could not work across hosts anyway).
- **The shared-folder check.** Under a launcher every rank leaves a marker
  (``RunDir.rank_marker(launch, rank)``) and rank 0 looks for every one by name (a lookup by a fresh
  name is not answered from NFS's directory cache). A rank that wrote into a folder rank 0 cannot see
  (a node-local disk, a different mount) makes the launch stop with one line naming the fix.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from typing import Optional

from hfsynth import dist
from hfsynth.errors import HfsynthError
from hfsynth.rundir import RunDir

_held = {}  # run dir path -> open file object holding the lock (kept open until the process exits)


def acquire_lock(run_dir: RunDir) -> None:
    """Take the run directory's lock for this process (idempotent), or refuse naming the holder."""
    import fcntl

    key = str(run_dir.path)
    if key in _held:
        return
    run_dir.create()
    try:
        handle = open(run_dir.lock_file, "a+")
    except OSError as exc:
        raise HfsynthError(f"output_dir: cannot write the run directory '{run_dir.path}' ({exc.strerror or exc})") from None
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        try:
            holder = json.loads(handle.read() or "{}")
        except json.JSONDecodeError:
            holder = {}
        handle.close()
        raise HfsynthError(
            f"output_dir: '{run_dir.path}' is in use by another hfsynth launch (host {holder.get('host', '?')}, "
            f"pid {holder.get('pid', '?')}, since {holder.get('started', '?')}); wait for it to finish or choose another output_dir"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps({"host": socket.gethostname(), "pid": os.getpid(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}) + "\n")
    handle.flush()
    _held[key] = handle


def guard_launch(run_dir: RunDir) -> None:
    """Both checks, on every rank, before any stage starts: the shared folder, then rank 0 takes the lock."""
    check_ranks_share_run_dir(run_dir)
    problem = None
    if dist.is_main():
        try:
            acquire_lock(run_dir)
        except HfsynthError as exc:
            problem = str(exc)
    problem = dist.broadcast_object(problem)
    if problem:
        if dist.is_main():
            raise HfsynthError(problem)
        raise SystemExit(2)


def release_lock(run_dir: RunDir) -> None:
    handle = _held.pop(str(run_dir.path), None)
    if handle is not None:
        handle.close()  # closing drops the flock


def check_ranks_share_run_dir(run_dir: RunDir) -> None:
    """Every rank leaves a marker; rank 0 checks it sees them all (a no-op in one process).

    On failure rank 0 raises the one-line error and the other ranks exit with status 2 quietly.
    """
    world = dist.world_size()
    if world == 1:
        return
    launch = dist.broadcast_object(uuid.uuid4().hex if dist.is_main() else None)
    mine = run_dir.rank_marker(launch, dist.rank())
    mine.parent.mkdir(parents=True, exist_ok=True)
    mine.write_text(socket.gethostname() + "\n")
    dist.barrier()
    problem: Optional[str] = None
    if dist.is_main():
        missing = [r for r in range(world) if not run_dir.rank_marker(launch, r).is_file()]
        if missing:
            problem = (
                f"output_dir: '{run_dir.path}' is not shared by every rank: rank 0 ({socket.gethostname()}) cannot see the "
                f"marker of rank(s) {', '.join(map(str, missing))}; put the run directory on a filesystem every node mounts "
                "at the same path (e.g. NFS or Lustre; not node-local /tmp) and pass it as output_dir"
            )
    problem = dist.broadcast_object(problem)
    mine.unlink(missing_ok=True)
    dist.barrier()
    for folder in (mine.parent, mine.parent.parent):  # the last rank out removes them; the others find them in use
        try:
            folder.rmdir()
        except OSError:
            pass
    if problem:
        if dist.is_main():
            raise HfsynthError(problem)
        raise SystemExit(2)
