"""Run the per-article stages on a Dask cluster (``--engine dask [--scheduler ADDRESS]``).

With no address a ``LocalCluster`` of worker processes is started for the run. Chunks are
submitted as futures, a bounded number at a time, and their results come back in input
order to the one process that writes the store.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


from . import EngineError


class DaskUnavailable(EngineError):
    """The dask extra is not installed, or the scheduler cannot be reached."""


def dask_engine(scheduler: str | None = None, workers: int | None = None) -> Callable[..., Iterator[Any]]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("the dask engine needs dask[distributed]: pip install 'dateline[dask]'") from None

    def engine(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        cluster = None
        if scheduler:
            try:
                client = Client(scheduler, timeout="10s")
            except (OSError, TimeoutError) as exc:
                raise DaskUnavailable(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        else:
            cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                                   dashboard_address=None)
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
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    return engine
