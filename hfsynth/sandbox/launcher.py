"""The trusted half of the sandbox: builds the isolation, then execs the untrusted program.

``hfsynth.sandbox.runner`` starts this file with ``python -I -S launcher.py SPEC_JSON``
(standard library only, no site-packages) in a new session, an empty environment, stdin from
/dev/null, stdout+stderr into a size-capped file, fd 3 as a status channel (JSON lines; the
program never holds it) and fd 4 as the program's report channel (the write end of a pipe the
program inherits: a harness reports on it what printing or exiting cannot fake).

Why a launcher rather than ``preexec_fn``: Python documents ``preexec_fn`` as unsafe in a process
with threads, and the sandbox runs many programs from a thread pool. Here every privileged step
(namespaces, mounts, limits, dropping to an unprivileged user) runs in a fresh single-threaded
interpreter that the untrusted code never shares.

Process tree (each level waits for the next)::

    hfsynth (thread) -> launcher [session leader; new net/mount/ipc namespaces]
                     -> init     [pid 1 of a new pid namespace: when it exits, the kernel kills
                                  every process the program left behind, setsid() or not]
                     -> program  [uid nobody, resource limits, python -I main.py]
"""

import ctypes
import json
import os
import re
import resource
import signal
import sys

STATUS_FD = 3
REPORT_FD = 4  # inherited by the program: see hfsynth.sandbox.channel
SETUP_FAILED = 125

CLONE_FLAGS = {"mount": 0x00020000, "ipc": 0x08000000, "user": 0x10000000, "pid": 0x20000000, "net": 0x40000000}
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8, 4096, 16384, 1 << 18
AT_FDCWD, AT_RECURSIVE, MOUNT_ATTR_RDONLY, SYS_MOUNT_SETATTR = -100, 0x8000, 0x1, 442
PR_SET_PDEATHSIG, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, PR_CAP_AMBIENT = 1, 24, 38, 22, 47
PR_CAP_AMBIENT_CLEAR_ALL, SECCOMP_MODE_FILTER = 4, 2
AF_UNIX, EACCES = 1, 13
# seccomp: (audit arch, socket(2) number, x32 syscall bit to refuse or 0) per machine
SECCOMP_ARCH = {"x86_64": (0xC000003E, 41, 0x40000000), "aarch64": (0xC00000B7, 198, 0)}

LIMITS = {
    "cpu": resource.RLIMIT_CPU,
    "as": resource.RLIMIT_AS,
    "fsize": resource.RLIMIT_FSIZE,
    "nproc": resource.RLIMIT_NPROC,
    "nofile": resource.RLIMIT_NOFILE,
    "core": resource.RLIMIT_CORE,
}

_libc = ctypes.CDLL(None, use_errno=True)


def report(**fields) -> None:
    """One JSON line on the status channel (the program itself never holds this fd)."""
    os.write(STATUS_FD, (json.dumps(fields) + "\n").encode())


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _b(text):
    return None if text is None else os.fsencode(text)


def mount(source, target, fstype, flags, data=None) -> None:
    _check(_libc.mount(_b(source), _b(target), _b(fstype), ctypes.c_ulong(flags), _b(data)), f"mount {target}")


class _MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64), ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


MS_REMOUNT, MS_RDONLY, MS_NOATIME, MS_NODIRATIME, MS_RELATIME = 32, 1, 1024, 2048, 1 << 21
_KEPT_OPTIONS = {"nosuid": MS_NOSUID, "nodev": MS_NODEV, "noexec": MS_NOEXEC, "noatime": MS_NOATIME, "nodiratime": MS_NODIRATIME, "relatime": MS_RELATIME}


def _remount_each_readonly() -> None:
    """Pre-5.12 kernels: remount every mount point read-only, one by one, keeping its other flags."""
    with open("/proc/self/mountinfo") as f:
        entries = [line.split() for line in f]
    for fields in entries:
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4])
        flags = MS_BIND | MS_REMOUNT | MS_RDONLY
        for option in fields[5].split(","):
            flags |= _KEPT_OPTIONS.get(option, 0)
        try:
            mount(None, point, None, flags)
        except OSError:
            if point == "/":
                raise


def make_tree_readonly(path: str, method: str = "auto") -> None:
    """Every mount at and below ``path`` read-only, in this mount namespace only.

    ``mount_setattr`` (Linux >= 5.12) does it in one call; older kernels get one remount per mount.
    """
    if method == "auto":
        attr = _MountAttr(MOUNT_ATTR_RDONLY, 0, 0, 0)
        if _libc.syscall(SYS_MOUNT_SETATTR, AT_FDCWD, _b(path), AT_RECURSIVE, ctypes.byref(attr), ctypes.sizeof(attr)) == 0:
            return
    _remount_each_readonly()


DEVICES = ("null", "zero", "full", "random", "urandom")


def show_only_interpreter(hide: dict) -> None:
    """Each folder becomes an empty tmpfs showing only the interpreter's folders that lie in it:
    folders the unprivileged user cannot enter (e.g. /root holding the interpreter), whose secrets
    stay out of sight, and the shared /tmp, /var/tmp and /run."""
    for hidden, exposed in hide.items():
        fds = [os.open(path, os.O_PATH | os.O_DIRECTORY) for path in exposed]
        mount("tmpfs", hidden, "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755")
        for path, fd in zip(exposed, fds):
            os.makedirs(path, mode=0o755, exist_ok=True)
            mount(f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC)
            os.close(fd)


def minimal_dev() -> None:
    """A /dev with null, zero, full, random, urandom and the fd links only: no GPU, disk or tty."""
    fds = {name: os.open(f"/dev/{name}", os.O_PATH) for name in DEVICES if os.path.exists(f"/dev/{name}")}
    mount("tmpfs", "/dev", "tmpfs", MS_NOSUID | MS_NOEXEC, "size=64k,mode=0755")
    for name, fd in fds.items():
        os.close(os.open(f"/dev/{name}", os.O_CREAT | os.O_WRONLY, 0o666))  # the mount point
        mount(f"/proc/self/fd/{fd}", f"/dev/{name}", None, MS_BIND)
        os.close(fd)
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"), ("stderr", "/proc/self/fd/2")):
        os.symlink(target, f"/dev/{name}")
    os.mkdir("/dev/shm")


def prepare_filesystem(spec: dict) -> None:
    """Private mounts: secrets hidden, shared temp folders emptied, a minimal /dev, the whole
    tree read-only, then a fresh size-capped tmpfs as the only writable workdir."""
    fs = spec["filesystem"]
    workdir = spec["workdir"]
    mount(None, "/", None, MS_REC | MS_PRIVATE)  # nothing below propagates back to the host
    files = {}
    for name in os.listdir(workdir):  # the program files the parent wrote, before they are covered
        with open(os.path.join(workdir, name), "rb") as f:
            files[name] = f.read()
    show_only_interpreter(fs["hide"])
    minimal_dev()
    # /tmp, /var/tmp, /run: other programs' files and unix sockets out of sight; the interpreter's
    # folders that lie below one of them (a venv in /tmp) are bound back (read-only, like the rest).
    show_only_interpreter(fs["empty"])
    os.makedirs(workdir, exist_ok=True)  # its parent may just have been emptied
    make_tree_readonly("/", fs.get("readonly", "auto"))
    uid, gid = spec["uid"], spec["gid"]
    owner = f",uid={uid},gid={gid}" if uid is not None else ""
    mount("tmpfs", workdir, "tmpfs", MS_NOSUID | MS_NODEV, f"size={fs['workdir_bytes']},nr_inodes=4096,mode=0700{owner}")
    for name, data in files.items():
        path = os.path.join(workdir, name)
        with open(path, "wb") as f:
            f.write(data)
        if uid is not None:
            os.chown(path, uid, gid)
    mount("tmpfs", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"size={fs['workdir_bytes']},mode=1777")


def user_task_count(uid: int) -> int:
    """Processes and threads that ``uid`` runs now (RLIMIT_NPROC counts them all)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status") as f:
                fields = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        if int(fields.get("Uid", "-1").split()[0]) == uid:
            total += int(fields.get("Threads", "1"))
    return total


def apply_limits(limits: dict) -> None:
    """Lower every limit to the recipe's value (never above a hard limit the machine already set)."""
    for name, value in limits.items():
        kind = LIMITS[name]
        ceiling = resource.getrlimit(kind)[1]
        hard = value + 1 if name == "cpu" else value  # SIGXCPU at the soft limit, SIGKILL a second later
        if ceiling != resource.RLIM_INFINITY:
            value, hard = min(value, ceiling), min(hard, ceiling)
        resource.setrlimit(kind, (value, hard))


def drop_capabilities() -> None:
    """Empty the capability bounding set and the ambient set: after execve the program holds no
    capability, even as root, and cannot regain one."""
    with open("/proc/sys/kernel/cap_last_cap") as f:
        last = int(f.read())
    for cap in range(last + 1):
        _check(_libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0), f"drop capability {cap}")
    _libc.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0)  # EINVAL before Linux 4.3: nothing to clear


class _SockFilter(ctypes.Structure):
    _fields_ = [("code", ctypes.c_uint16), ("jt", ctypes.c_uint8), ("jf", ctypes.c_uint8), ("k", ctypes.c_uint32)]


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_uint16), ("filter", ctypes.POINTER(_SockFilter))]


def unix_socket_filter(machine: str) -> list:
    """A seccomp program (list of (code, jt, jf, k)): ``socket(AF_UNIX, ...)`` fails with EACCES,
    so no UNIX socket of the host (file or abstract) can be connected to; system calls of another
    ABI (i386, x32) fail too; everything else is allowed. ``socketpair`` stays allowed."""
    arch, socket_nr, x32_bit = SECCOMP_ARCH[machine]
    LD_W_ABS, JEQ, JGE, RET = 0x20, 0x15, 0x35, 0x06
    allow, deny = 0x7FFF0000, 0x00050000 | EACCES  # SECCOMP_RET_ALLOW, SECCOMP_RET_ERRNO | EACCES
    body = [("ld", 4), ("jeq", arch, None, "deny"), ("ld", 0)]
    if x32_bit:
        body.append(("jge", x32_bit, "deny", None))
    body += [("jeq", socket_nr, None, "allow"), ("ld", 16), ("jeq", AF_UNIX, "deny", None), ("allow",), ("deny",)]
    labels = {"allow": len(body) - 2, "deny": len(body) - 1}
    program = []
    for i, op in enumerate(body):
        def jump(target, i=i):
            return 0 if target is None else labels[target] - i - 1
        if op[0] == "ld":
            program.append((LD_W_ABS, 0, 0, op[1]))
        elif op[0] in ("jeq", "jge"):
            program.append((JEQ if op[0] == "jeq" else JGE, jump(op[2]), jump(op[3]), op[1]))
        else:
            program.append((RET, 0, 0, allow if op[0] == "allow" else deny))
    return program


def install_seccomp(machine: str) -> None:
    program = unix_socket_filter(machine)
    filters = (_SockFilter * len(program))(*[_SockFilter(*op) for op in program])
    prog = _SockFprog(len(program), filters)
    _check(_libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0), "seccomp")


def exec_program(spec: dict) -> None:
    os.chdir(spec["workdir"])
    apply_limits(spec["limits"])
    privileges = spec["privileges"]
    if privileges["drop_capabilities"]:
        drop_capabilities()
    if spec["uid"] is not None:
        os.setgroups([])
        os.setgid(spec["gid"])
        os.setuid(spec["uid"])
    # setuid/setgid/file-capability programs (su, ping, ...) start without gaining anything
    _check(_libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "no_new_privs")
    if privileges["seccomp"]:
        install_seccomp(privileges["seccomp"])
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    python = spec["python"]
    os.execve(python, [python, "-I", spec["main"]], spec["env"])


def run_init(spec: dict) -> None:
    """Start the program, reap every orphan, report how the program ended, exit."""
    _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)  # the launcher killed on timeout -> init dies too
    if spec["proc"]:
        mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)
    program = os.fork()
    if program == 0:
        try:
            exec_program(spec)
        except BaseException as exc:
            report(setup_error=f"cannot start the program: {type(exc).__name__}: {exc}")
        os._exit(SETUP_FAILED)
    while True:
        try:
            pid, status = os.wait()
        except ChildProcessError:
            break
        if pid == program:
            if os.WIFSIGNALED(status):
                report(signal=os.WTERMSIG(status))
            else:
                report(exit=os.waitstatus_to_exitcode(status))
            break
    os._exit(0)  # as pid 1 of its namespace: the kernel now kills whatever the program left


def main() -> int:
    spec = json.loads(sys.argv[1])
    os.set_inheritable(STATUS_FD, False)  # the program must not inherit the status channel
    if spec["uid"] is None and os.getuid() != 0:
        # RLIMIT_NPROC counts every process of the user: allow this many *more* than run now
        # (counted before a user namespace would hide the real uid).
        spec["limits"]["nproc"] += user_task_count(os.getuid())
    try:
        flags = 0
        for name in spec["unshare"]:
            flags |= CLONE_FLAGS[name]
        if flags:
            _check(_libc.unshare(flags), "unshare(" + ",".join(spec["unshare"]) + ")")
        if spec["filesystem"]:
            prepare_filesystem(spec)
        init = os.fork()
        if init == 0:
            try:
                run_init(spec)
            except BaseException as exc:
                report(setup_error=f"init: {type(exc).__name__}: {exc}")
            os._exit(SETUP_FAILED)
        os.waitpid(init, 0)
    except OSError as exc:
        report(setup_error=f"{type(exc).__name__}: {exc}")
        return SETUP_FAILED
    return 0


if __name__ == "__main__":
    sys.exit(main())
