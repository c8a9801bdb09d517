"""Run the per-article stages in this process, or in a pool of worker processes."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any


def serial(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
    for chunk in chunks:
        yield fn(chunk)


def overlapped(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
    """One process, two threads: the stages run on a worker thread while this one writes.

    The parser spends most of its time outside the GIL (its transition loop and its matrix
    products release it), so the writer's work on the previous chunk (story placement, storing,
    merging) and the reading of the next one fill those gaps instead of waiting for them. At
    most two chunks are in flight and results come back in input order, as from ``serial``.
    Stopping (an error, Ctrl-C) cancels what has not started; the chunk being analysed is
    dropped when it ends, and nothing of it has been written.
    """
    executor = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-stages")
    pending: deque[cf.Future] = deque()
    try:
        for chunk in chunks:
            pending.append(executor.submit(fn, chunk))
            if len(pending) >= 2:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def pool(workers: int) -> Callable[[Callable[[Any], Any], Iterable[Any]], Iterator[Any]]:
    """A process-pool engine that keeps at most ``2 * workers`` chunks in flight, in input order.

    Workers are started with ``spawn`` so each loads its own spaCy model cleanly.
    """

    def engine(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        context = multiprocessing.get_context("spawn")
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=context) as executor:
            pending: deque[cf.Future] = deque()
            for chunk in chunks:
                pending.append(executor.submit(fn, chunk))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    return engine
