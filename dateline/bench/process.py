"""Run one ``dateline`` command in a fresh process and measure it: wall time and peak memory.

Peak memory is the largest sum of resident set sizes of the process and all its descendants
(pool workers, a LocalCluster's nanny and worker processes), sampled every 0.1 s: what a
machine must hold for the run, not only the parent's share.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from dataclasses import dataclass


class RunFailed(RuntimeError):
    """A measured command did not succeed; the message ends with its last error lines."""


class BenchInputError(ValueError):
    """The corpus or store given cannot be measured (too small, no events, a line not JSON)."""


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_rss_mb: float


def measure(args: list[str], interval: float = 0.1) -> Measured:
    """Run ``python -m dateline ARGS`` to completion; raise RunFailed if it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "dateline", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    peak = [0.0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample, args=(proc.pid, peak, done, interval), daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-5:]
        raise RunFailed(f"`dateline {' '.join(args)}` failed (exit {proc.returncode}): " + " | ".join(tail))
    return Measured(round(seconds, 2), round(peak[0], 1))


def _sample(pid: int, peak: list[float], done: threading.Event, interval: float) -> None:
    import psutil

    try:
        root = psutil.Process(pid)
    except psutil.NoSuchProcess:
        return
    while not done.is_set():
        total = 0
        try:
            for p in [root, *root.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except (psutil.NoSuchProcess, psutil.AccessDenied):
                    pass
        except psutil.NoSuchProcess:
            return
        peak[0] = max(peak[0], total / 2**20)
        done.wait(interval)
