"""Peak resident memory of a block of code, sampled from /proc (torch allocations included)."""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager


def rss_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


@contextmanager
def peak_rss(result: dict, interval: float = 0.05):
    """Fill ``result['peak_delta_mb']``: the highest RSS above the starting RSS while the block ran."""
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
