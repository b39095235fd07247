"""Run untrusted Python (generated solutions and their tests) without trusting it.

Each program runs in its own session (process group) through :mod:`hfsynth.sandbox.launcher`, with
``python -I`` in a fresh temporary directory that is its cwd, HOME and TMPDIR, an environment
holding only those three variables and LANG (no HF_TOKEN, no other secret), resource limits (CPU
seconds, address space, file size, processes, open files, no core dumps) and a wall-clock timeout
after which the whole process group is killed. Where the machine allows it (Linux, root) it also
gets new network, mount, IPC and pid namespaces: no network at all, a read-only view of the host
filesystem with the caller's private folders hidden, a size-capped tmpfs as its only writable
place, and an unprivileged user (``nobody``). :func:`detect_isolation` finds out once, by running
a probe, which of these the machine gives; SANDBOX.md says what each level does and does not
isolate. Output (stdout and stderr together) goes to a file capped by the file-size limit, and only
its tail is read back, so a program printing gigabytes cannot exhaust the parent's memory.
"""

from __future__ import annotations

import json
import os
import platform
import pwd
import queue
import select
import shutil
import signal
import stat
import sys
import sysconfig
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

LAUNCHER = str(Path(__file__).with_name("launcher.py"))  # started by file path, with python -I -S
SECCOMP_MACHINES = ("x86_64", "aarch64")  # where the launcher's seccomp filter (no AF_UNIX sockets) is built
REPORT_BYTES = 65536  # what is read back from the program's report channel
# At the namespaces level each program that run_programs runs in parallel gets a uid of its own,
# SLOT_UID_BASE + (this process's pid mod 2**16) * 256 + its worker slot: RLIMIT_NPROC counts
# processes per uid, so the process limit is then per program, and a fork bomb cannot starve its
# neighbours. These uids have no passwd entry; the range lies above systemd's container ranges.
SLOT_UID_BASE = 2_000_000_000
LEVELS = ("namespaces", "network", "process")  # strongest first


@dataclass(frozen=True)
class Limits:
    """What one program may use. Memory is per process; see SANDBOX.md for the total bound."""

    timeout_s: float = 10.0  # wall clock, then the whole process group is killed
    cpu_seconds: int = 10  # RLIMIT_CPU: SIGXCPU at the limit, SIGKILL one second later
    memory_mb: int = 1024  # RLIMIT_AS (address space) of each process
    file_size_mb: int = 16  # RLIMIT_FSIZE of each file (output included); also the tmpfs workdir size
    max_processes: int = 16  # RLIMIT_NPROC of the sandbox user (processes and threads)
    max_open_files: int = 256  # RLIMIT_NOFILE
    output_chars: int = 2000  # tail of stdout+stderr kept in the result


@dataclass(frozen=True)
class Isolation:
    """What the sandbox can isolate on this machine (see :func:`detect_isolation`)."""

    level: str  # "namespaces" | "network" | "process"
    unshare: Tuple[str, ...] = ()  # namespaces created: net, mount, ipc, pid (+ user when unprivileged)
    uid: Optional[int] = None  # the program runs as this uid (None: as the caller)
    gid: Optional[int] = None
    filesystem: bool = False  # read-only host, private tmpfs workdir, hidden private folders
    hide: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)  # folder -> interpreter paths shown in it
    remount_each: bool = False  # read-only by one remount per mount (what kernels before 5.12 need) instead of mount_setattr
    notes: Tuple[str, ...] = ()

    @property
    def network(self) -> bool:
        return "net" in self.unshare

    @property
    def pid_namespace(self) -> bool:
        return "pid" in self.unshare

    @property
    def seccomp(self) -> Optional[str]:
        """The machine name the launcher builds its seccomp filter for (None: no filter here)."""
        machine = platform.machine()
        return machine if sys.platform.startswith("linux") and machine in SECCOMP_MACHINES else None

    @property
    def per_program_uid(self) -> bool:
        """Whether run_programs gives each parallel program a uid of its own (see SLOT_UID_BASE)."""
        return self.level == "namespaces" and self.filesystem and self.uid is not None

    def for_slot(self, slot: int) -> "Isolation":
        """This isolation for worker ``slot`` of run_programs: its own uid where per_program_uid."""
        if not self.per_program_uid:
            return self
        return replace(self, uid=SLOT_UID_BASE + (os.getpid() % 65536) * 256 + slot)

    @property
    def drops_capabilities(self) -> bool:
        """Whether the launcher can empty the capability bounding set (root, or inside a user namespace)."""
        return sys.platform.startswith("linux") and (os.geteuid() == 0 or "user" in self.unshare)

    def summary(self) -> Dict[str, object]:
        """JSON-able description (recorded next to the figures that depend on it)."""
        if self.uid is None:
            user = f"caller ({_user_name(os.geteuid()) or os.geteuid()})"
        else:
            user = _user_name(self.uid) or str(self.uid)
        return {
            "level": self.level,
            "network_isolated": self.network,
            "filesystem_read_only": self.filesystem,
            "pid_namespace": self.pid_namespace,
            "user": user,
            "process_limit_per_program": self.per_program_uid,
            "unix_sockets_blocked": self.seccomp is not None,
            "no_new_privs": sys.platform.startswith("linux"),
            "capabilities_dropped": self.drops_capabilities,
            "notes": list(self.notes),
        }


@dataclass
class Result:
    """How one program ended."""

    status: str  # "ok" | "failed" | "timeout" | "error" (the sandbox could not run it)
    exit_code: Optional[int] = None
    signal: Optional[int] = None
    output: str = ""  # tail of stdout+stderr
    reports: List[str] = field(default_factory=list)  # lines the program wrote on its report channel (fd 4)
    seconds: float = 0.0
    detail: str = ""  # one short line: why it failed / timed out / errored
    retried: str = ""  # why the program was run a second time, alone (see run_programs), else ""


def _user_name(uid: int) -> Optional[str]:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return None


def _unprivileged_ids() -> Tuple[int, int]:
    try:
        entry = pwd.getpwnam("nobody")
        return entry.pw_uid, entry.pw_gid
    except KeyError:
        return 65534, 65534


def _interpreter_paths() -> List[str]:
    """Folders the sandboxed ``python -I`` must be able to read (interpreter, stdlib, site-packages)."""
    paths = {os.path.dirname(os.path.realpath(sys.executable)), os.path.realpath(sys.prefix), os.path.realpath(sys.base_prefix)}
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        value = sysconfig.get_paths().get(key)
        if value:
            paths.add(os.path.realpath(value))
    # Keep only the outermost: binding a folder shows everything below it.
    ordered = sorted(paths, key=len)
    return [p for i, p in enumerate(ordered) if not any(p.startswith(q.rstrip("/") + "/") for q in ordered[:i])]


def _closed_ancestor(path: str) -> Optional[str]:
    """The outermost folder above ``path`` that other users cannot enter (no o+x), if any."""
    parts = Path(path).parts
    for i in range(1, len(parts)):
        folder = str(Path(*parts[:i]))
        try:
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                return folder
        except OSError:
            return folder
    return None


def _hidden_folders() -> Dict[str, Tuple[str, ...]]:
    """Closed folders on the interpreter's path -> the interpreter paths to show inside them."""
    hide: Dict[str, List[str]] = {}
    for path in _interpreter_paths():
        closed = _closed_ancestor(path)
        if closed is not None:
            hide.setdefault(closed, []).append(path)
    return {k: tuple(v) for k, v in hide.items()}


EMPTIED = ("/tmp", "/var/tmp", "/run")  # shared folders the namespaces level replaces with an empty tmpfs


def _package_root() -> str:
    """The folder hfsynth itself is imported from: with an editable install of a checkout under /tmp
    (a CI clone) the interpreter's packages include it, so it is bound back read-only like them."""
    return str(Path(__file__).resolve().parents[2])


def _emptied_folders() -> Dict[str, Tuple[str, ...]]:
    """Shared temp/runtime folders to empty in the sandbox -> the interpreter's folders below them,
    bound back read-only (a venv, or an editable checkout, under /tmp). A folder that IS an
    interpreter folder stays as it is."""
    interpreter = _interpreter_paths() + [_package_root()]
    return {
        folder: tuple(p for p in interpreter if p.startswith(folder + "/"))
        for folder in EMPTIED
        if os.path.isdir(folder) and not os.path.islink(folder) and folder not in interpreter
    }


def candidate_isolations() -> List[Isolation]:
    """Strongest first; :func:`detect_isolation` keeps the first one that runs a probe."""
    if not sys.platform.startswith("linux"):
        return [Isolation("process", notes=("not Linux: no namespaces; the program runs as the calling user",))]
    if os.geteuid() != 0:
        return [
            Isolation("network", unshare=("user", "net", "ipc"), notes=("unprivileged: network cut off through a user namespace; files the caller can write are writable",)),
            Isolation("process", notes=("no user namespaces: network and files are not isolated",)),
        ]
    uid, gid = _unprivileged_ids()
    hide = _hidden_folders()
    reachable = not hide
    drop = dict(uid=uid, gid=gid) if reachable else {}
    root_note = () if reachable else (f"the interpreter lies under {', '.join(hide)}, which uid {uid} cannot enter: the program runs as root",)
    return [
        Isolation("namespaces", unshare=("net", "mount", "ipc", "pid"), uid=uid, gid=gid, filesystem=True, hide=hide),
        Isolation("network", unshare=("net", "ipc"), notes=("no mount/pid namespaces: files the sandbox user can write are writable",) + root_note, **drop),
        Isolation("process", notes=("no namespaces: network and files are not isolated",) + root_note, **drop),
    ]


_PROBE = (
    "import os\n"
    "assert os.environ.get('HOME') == os.getcwd()\n"
    "open('probe.txt', 'w').write('ok')\n"
    "print(os.getuid())\n"
)
_detected: Optional[Isolation] = None
_detect_lock = threading.Lock()


def detect_isolation(refresh: bool = False) -> Isolation:
    """The strongest isolation that really runs a program here (probed once per process).

    ``HFSYNTH_SANDBOX_ISOLATION=process|network|namespaces`` caps the level, e.g. inside a
    container that already isolates and forbids namespaces.
    """
    global _detected
    with _detect_lock:
        if _detected is not None and not refresh:
            return _detected
        cap = os.environ.get("HFSYNTH_SANDBOX_ISOLATION")
        if cap and cap not in LEVELS:
            from hfsynth.errors import HfsynthError

            raise HfsynthError(f"HFSYNTH_SANDBOX_ISOLATION: expected one of {', '.join(LEVELS)}, got {cap!r}")
        candidates = candidate_isolations()
        if cap:
            candidates = [c for c in candidates if LEVELS.index(c.level) >= LEVELS.index(cap)]
        failures = []
        for isolation in candidates:
            result = run_program({"main.py": _PROBE}, Limits(timeout_s=30, cpu_seconds=10), isolation=isolation)
            if result.status == "ok":
                expected = str(isolation.uid if isolation.uid is not None else os.geteuid())
                if isolation.uid is None and "user" in isolation.unshare:
                    expected = result.output.strip()  # an unmapped user namespace shows the overflow uid
                if result.output.strip() == expected:
                    notes = isolation.notes + tuple(failures) + ((f"capped by HFSYNTH_SANDBOX_ISOLATION={cap}",) if cap else ())
                    _detected = replace(isolation, notes=notes)
                    return _detected
            failures.append(f"{isolation.level} unavailable: {result.detail or result.output.strip()[-200:]}")
        from hfsynth.errors import HfsynthError

        raise HfsynthError(
            "sandbox: cannot run even a trivial program here (" + "; ".join(failures) + "); "
            "set curate.execution.enabled: false and metrics.humaneval.enabled: false to skip code execution"
        )


def _child_env(workdir: str) -> Dict[str, str]:
    return {"HOME": workdir, "TMPDIR": workdir, "LANG": "C.UTF-8"}


def _spec(isolation: Isolation, limits: Limits, workdir: str, main: str) -> Dict[str, object]:
    mb = 1024 * 1024
    file_bytes = max(1, int(limits.file_size_mb)) * mb  # at least 1 MB: the output is a file too
    return {
        "workdir": workdir,
        "main": main,
        "python": sys.executable,
        "env": _child_env(workdir),
        "unshare": list(isolation.unshare),
        "uid": isolation.uid,
        "gid": isolation.gid,
        "proc": isolation.pid_namespace and isolation.filesystem,
        "privileges": {"drop_capabilities": isolation.drops_capabilities, "seccomp": isolation.seccomp},
        "filesystem": {"hide": {k: list(v) for k, v in isolation.hide.items()}, "empty": {k: list(v) for k, v in _emptied_folders().items()}, "workdir_bytes": file_bytes,
                       "readonly": "remount" if isolation.remount_each else "auto"}
        if isolation.filesystem
        else None,
        "limits": {
            "cpu": int(limits.cpu_seconds),
            "as": int(limits.memory_mb) * mb,
            "fsize": file_bytes,
            "nproc": int(limits.max_processes),
            "nofile": int(limits.max_open_files),
            "core": 0,
        },
    }


def _wait(pid: int, timeout: float) -> bool:
    """Wait for ``pid`` to exit WITHOUT reaping it (its pid keeps naming the process group); False on timeout."""
    deadline = time.monotonic() + timeout
    if hasattr(os, "pidfd_open"):  # Linux >= 5.3: sleep in poll() until the exit
        fd = os.pidfd_open(pid)
        try:
            poller = select.poll()
            poller.register(fd, select.POLLIN)
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                if poller.poll(left * 1000):
                    return True
        finally:
            os.close(fd)
    delay = 0.002
    while time.monotonic() < deadline:
        if os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
            return True
        time.sleep(delay)
        delay = min(delay * 2, 0.05)
    return False


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _read_lines(fd: int, limit: int = REPORT_BYTES) -> List[str]:
    """What is left in a pipe whose writers are all gone (at most ``limit`` bytes), as lines."""
    os.set_blocking(fd, False)
    chunks, size = [], 0
    while size < limit:
        try:
            chunk = os.read(fd, limit - size)
        except BlockingIOError:
            break
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks).decode("utf-8", "replace").splitlines()


def _read_status(fd: int) -> List[Dict[str, object]]:
    records = []
    for line in _read_lines(fd):
        try:
            records.append(json.loads(line))
        except ValueError:
            continue
    return records


def _tail(f, chars: int) -> str:
    size = os.fstat(f.fileno()).st_size
    f.seek(max(0, size - 4 * chars))
    return f.read().decode("utf-8", "replace")[-chars:]


def _remove_tree(path: str) -> None:
    def retry(function, failed, _exc):
        try:
            os.chmod(os.path.dirname(failed), 0o700)
            os.chmod(failed, 0o700)
        except OSError:
            pass
        function(failed)

    if os.path.exists(path):
        shutil.rmtree(path, onerror=retry)


def _classify(timed_out: bool, records: List[Dict[str, object]], output: str, limits: Limits, seconds: float) -> Result:
    last_line = output.strip().splitlines()[-1][:300] if output.strip() else ""
    if timed_out:
        return Result("timeout", output=output, seconds=seconds, detail=f"wall-clock limit of {limits.timeout_s:g}s exceeded")
    setup = [r["setup_error"] for r in records if "setup_error" in r]
    if setup:
        return Result("error", output=output, seconds=seconds, detail=f"sandbox: {setup[0]}"[:300])
    ended = next((r for r in records if "exit" in r or "signal" in r), None)
    if ended is None:
        return Result("error", output=output, seconds=seconds, detail=f"sandbox: no exit status ({last_line or 'no output'})")
    if "signal" in ended:
        sig = int(ended["signal"])
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        if sig == signal.SIGXCPU:
            return Result("timeout", signal=sig, output=output, seconds=seconds, detail=f"CPU limit of {limits.cpu_seconds}s exceeded (SIGXCPU)")
        return Result("failed", signal=sig, output=output, seconds=seconds, detail=f"killed by {name}" + (f": {last_line}" if last_line else ""))
    code = int(ended["exit"])
    if code == 0:
        return Result("ok", exit_code=0, output=output, seconds=seconds)
    return Result("failed", exit_code=code, output=output, seconds=seconds, detail=last_line or f"exit status {code}")


def run_program(
    files: Mapping[str, str],
    limits: Limits = Limits(),
    main: str = "main.py",
    isolation: Optional[Isolation] = None,
) -> Result:
    """Run ``python -I <main>`` in a fresh sandbox holding ``files`` (name -> source text)."""
    isolation = isolation or detect_isolation()
    start = time.monotonic()
    workdir = tempfile.mkdtemp(prefix="hfsynth-sandbox-")
    status_r = status_w = report_r = report_w = None
    try:
        for name, text in files.items():
            if "/" in name or name.startswith("."):
                raise ValueError(f"sandbox file names must be plain names, got {name!r}")
            Path(workdir, name).write_text(text, encoding="utf-8")
        if isolation.uid is not None and not isolation.filesystem:
            for path in [workdir] + [os.path.join(workdir, n) for n in files]:
                os.chown(path, isolation.uid, isolation.gid)
        spec = json.dumps(_spec(isolation, limits, workdir, main))
        status_r, status_w = os.pipe()
        report_r, report_w = os.pipe()
        status_w, report_w = _above(status_w, 4), _above(report_w, 4)  # dup2 onto 3 and 4 must not clobber them
        with tempfile.TemporaryFile() as output:
            pid = os.posix_spawn(
                sys.executable,
                [sys.executable, "-I", "-S", LAUNCHER, spec],
                {},
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_DUP2, output.fileno(), 1),
                    (os.POSIX_SPAWN_DUP2, output.fileno(), 2),
                    (os.POSIX_SPAWN_DUP2, status_w, 3),
                    (os.POSIX_SPAWN_DUP2, report_w, 4),
                ],
                setsid=True,
            )
            os.close(status_w)
            os.close(report_w)
            status_w = report_w = None
            try:
                finished = _wait(pid, limits.timeout_s)
            finally:
                _kill_group(pid)  # the launcher is not reaped yet, so its pid still names the group
                os.waitpid(pid, 0)
            records = _read_status(status_r)
            reports = _read_lines(report_r)
            text = _tail(output, limits.output_chars)
        result = _classify(not finished, records, text, limits, round(time.monotonic() - start, 3))
        result.reports = reports
        return result
    finally:
        for fd in (status_r, status_w, report_r, report_w):
            if fd is not None:
                os.close(fd)
        _remove_tree(workdir)


# What a program prints when a limit shared with its neighbours ran out, rather than its own fault:
# the process/thread count of the sandbox user (RLIMIT_NPROC is per user), or memory.
RESOURCE_FAILURES = (
    "can't start new thread",
    "Resource temporarily unavailable",  # EAGAIN from fork/clone
    "[Errno 11]",
    "MemoryError",
    "Cannot allocate memory",  # ENOMEM
)


def resource_failure(result: Result) -> str:
    """Why ``result`` may be a neighbour's doing rather than a verdict on the program ("" if not):
    the sandbox could not start it, or it failed with one of :data:`RESOURCE_FAILURES`."""
    if result.status == "error":
        return f"the sandbox could not start it ({result.detail})"[:200]
    if result.status in ("failed", "ok"):
        # failed: its output; ok: what a harness reported (HumanEval's "failed: can't start new thread")
        text = "\n".join(result.reports) if result.status == "ok" else result.output + "\n" + result.detail
        for marker in RESOURCE_FAILURES:
            if marker in text:
                return f"a shared limit ran out while other programs ran ({marker})"
    return ""


def _above(fd: int, lowest: int) -> int:
    """``fd`` moved above ``lowest`` (posix_spawn's dup2 onto 3 and 4 would otherwise clobber it,
    and dup2 of a descriptor onto itself keeps close-on-exec set)."""
    moved = []
    while fd <= lowest:
        moved.append(fd)
        fd = os.dup(fd)
    for old in moved:
        os.close(old)
    return fd


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def run_programs(
    programs: Sequence[Mapping[str, str]],
    limits: Limits = Limits(),
    workers: Optional[int] = None,
    isolation: Optional[Isolation] = None,
    progress: bool = False,
    description: str = "sandbox",
) -> List[Result]:
    """Run many programs in parallel (one sandbox each), results in input order.

    A program whose run may have failed because of its neighbours (:func:`resource_failure`: it
    could not start, or ran out of processes, threads or memory while others ran) is run once
    more, alone, after the others have finished; the second result is kept, with ``retried`` set.
    """
    if not programs:
        return []
    isolation = isolation or detect_isolation()
    workers = max(1, min(workers or default_workers(), len(programs), 256))
    slots: "queue.SimpleQueue[int]" = queue.SimpleQueue()
    for slot in range(workers):
        slots.put(slot)

    def one(files):
        slot = slots.get()  # one program per slot at a time: its uid is the program's alone
        try:
            return run_program(files, limits, isolation=isolation.for_slot(slot))
        except OSError as exc:  # e.g. EAGAIN spawning under a fork bomb next door
            return Result("error", detail=f"sandbox: {type(exc).__name__}: {exc}"[:300])
        finally:
            slots.put(slot)

    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hfsynth-sandbox") as pool:
        iterator = pool.map(one, programs)
        if progress:
            from tqdm.auto import tqdm

            iterator = tqdm(iterator, total=len(programs), desc=description)
        results = list(iterator)
    for k, result in enumerate(results):
        reason = resource_failure(result)
        if reason:
            results[k] = replace(one(programs[k]), retried=reason)
    return results
