"""Run the per-article stages in this process, or in a pool of worker processes."""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
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

    With one worker this is how ``dateline run`` works by default: the stages run in a process
    of their own and this one is the writer, so each has a core and a GIL; on threads, the
    writer and the parser took the GIL from each other, and the writer's work mostly added to
    the parse instead of filling its gaps. See ``start_method`` for how workers start.
    """

    def engine(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        try:
            yield from _in_pool(fn, chunks)
        except BrokenProcessPool as exc:
            from . import EngineError

            raise EngineError(
                f"a worker process died ({exc}); what was stored is kept, rerun to finish (with fewer"
                " --workers if memory ran out)"
            ) from None

    def _in_pool(fn: Callable[[Any], Any], chunks: Iterable[Any]) -> Iterator[Any]:
        context = multiprocessing.get_context(start_method())
        with cf.ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_exit_with,
                                    initargs=(os.getpid(),)) as executor:
            pending: deque[cf.Future] = deque()
            for chunk in chunks:
                pending.append(executor.submit(fn, chunk))
                if len(pending) >= 2 * workers:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()

    return engine


def _exit_with(writer: int) -> None:
    """Make a worker end when its writer does, even a killed one, and leave Ctrl-C to the writer.

    A forked worker holds copies of its own queues' other ends, so it never reads the end of
    its input and would wait for work forever after the writer is gone (a spawned one is told
    at once); the writer's death makes this process a child of another, which a watch sees.
    A terminal sends Ctrl-C to every process of the run: the writer stops the pool and says so in
    one line, where each worker would print a traceback of its own.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == writer:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-watch-writer", daemon=True).start()


def start_method() -> str:
    """``fork`` where the platform has it and this process runs one thread, else ``spawn``.

    A forked worker starts at once, with the modules (and any model or knowledge base) this
    process has loaded, where a spawned one starts Python and imports spaCy again, seconds
    per worker. Forking is safe only from a process with no other thread (one could hold a
    lock the child would wait for forever), so a process with threads spawns. The child never
    touches the store's connection it inherits: only this process writes, and a worker leaves
    through ``os._exit``, which closes nothing.
    """
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return "fork"
    return "spawn"
