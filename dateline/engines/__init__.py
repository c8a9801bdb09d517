"""Engines run the pure per-article stages over chunks of articles and yield results in order.

An engine is a callable ``engine(fn, chunks) -> iterator of fn(chunk)``; the pipeline writes
what it yields through the one store writer. ``local`` needs nothing more; ``dask`` needs the
``dask`` extra and is imported only when chosen.
"""

from __future__ import annotations

from typing import Any


class EngineError(RuntimeError):
    """An engine cannot run: its extra is not installed, or its cluster cannot be reached."""


def get_engine(name: str, workers: int | None = None, scheduler: str | None = None, one_thread: bool = False) -> Any:
    """The engine called ``name``. Local workers are processes beside this one, the writer (one
    worker too: see ``local.pool``); ``one_thread`` runs the stages in turn with the writer in
    this process (``serial``), the one-process yardstick of ``dateline bench engines``."""
    if name == "local":
        from .local import pool, serial

        if one_thread:
            return serial
        return pool(workers or 1)
    if name == "dask":
        from .dask import dask_engine

        return dask_engine(scheduler=scheduler, workers=workers)
    raise ValueError(f"unknown engine {name!r}; choose local or dask")
