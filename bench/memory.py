"""Peak resident memory of a block of code, sampled from /proc (torch allocations included)."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def release_freed_memory() -> None:
    """Hand memory freed by earlier runs back to the OS, so a later run in the same process starts from
    a clean baseline instead of reusing (and so under-reporting) what glibc kept."""
    import ctypes
    import gc

    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the figures keep their order dependence
        pass


@contextmanager
def peak_rss(result: dict, interval: float = 0.05):
    """Fill ``result['peak_delta_mb']``: the highest RSS above the starting RSS while the block ran."""
    release_freed_memory()
    start = rss_bytes()
    peak = [start]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_bytes())
            time.sleep(interval)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield result
    finally:
        done.set()
        thread.join()
        peak[0] = max(peak[0], rss_bytes())
        result["peak_delta_mb"] = (peak[0] - start) / 2**20
