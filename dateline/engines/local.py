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
