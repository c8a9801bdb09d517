"""Run the per-article stages on a Dask cluster (``--engine dask [--scheduler ADDRESS]``).

With no address a ``LocalCluster`` of worker processes is started for the run. Chunks are
submitted as futures, a bounded number at a time, and their results come back in input
order to the one process that writes the store.

A scheduler address is reached when the engine is made, before anything is read or stored,
so an unreachable cluster costs nothing. Dask's own logging is kept to errors, and its
worker processes leave Ctrl-C to this process, which stops the cluster quietly: an
interrupted run prints one line, not Dask's shutdown chatter.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from . import EngineError


class DaskUnavailable(EngineError):
    """The dask extra is not installed, or the scheduler cannot be reached."""


def dask_engine(scheduler: str | None = None, workers: int | None = None) -> Callable[..., Iterator[Any]]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("the dask engine needs dask[distributed]: pip install 'dateline[dask]'") from None
    _quiet_logs(logging.ERROR)
    remote = None
    if scheduler:
        try:
            remote = Client(scheduler, timeout="10s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None

    def engine(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        cluster = None
        if remote is not None:
            client = remote
        else:
            with _workers_ignore_ctrl_c(), dask.config.set(LEAN_WORKERS):
                cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            n = max(2, 2 * len(client.scheduler_info().get("workers", {})))
            pending: deque = deque()
            for chunk in chunks:
                pending.append(client.submit(fn, chunk, pure=False))
                if len(pending) >= n:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BaseException:
            _quiet_logs(logging.CRITICAL + 1)  # shutting down after an interrupt or failure: say nothing
            raise
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return engine


# A worker samples its own stack every 10 ms for Dask's profiler and watches the system every
# half second: on a machine whose every core parses, that is CPU taken from the parse. The
# dashboard that shows them is off anyway. Dask also starts workers with glibc told to give
# freed memory back to the system past 64 KiB, which for a parser that allocates and frees
# arrays all the time means seven times the page faults and about 10% more CPU per article
# (measured on 300 wire articles); a run's memory is bounded by its chunks in flight instead,
# so the memory limits need checking once a second, not ten times.
LEAN_WORKERS = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def _quiet_logs(level: int) -> None:
    for name in ("distributed", "tornado", "asyncio"):
        logging.getLogger(name).setLevel(level)


@contextmanager
def _workers_ignore_ctrl_c() -> Iterator[None]:
    """Start worker processes with SIGINT ignored (they inherit it), so Ctrl-C reaches this
    process alone and the cluster is closed in order instead of every worker dying loudly."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
