"""Knowledge base: public actor, agent and officeholder dictionaries compiled into one SQLite file.

- ``build_kb(dirs, out)`` (``dateline kb build DIR...``) compiles the sources (see ``build``).
- ``get()`` is the process-wide, lazily loaded, read-only handle every stage uses; None when
  there is no knowledge base, in which case Dateline codes actors with its own small tables and
  says so once on standard error.
- ``use(path)`` chooses the file (``--kb FILE``); else ``$DATELINE_KB``; else the per-user
  default ``~/.local/share/dateline/kb.sqlite`` (``$XDG_DATA_HOME`` is honoured).

The choice travels to worker processes through ``$DATELINE_KB``, so a process pool or a Dask
worker on the machine loads the same file.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import os
from collections.abc import Iterator
from pathlib import Path

from .build import PARTS, KBError, Report, build_kb
from .lookup import KnowledgeBase, Resolution

_log = logging.getLogger("dateline.kb")

__all__ = ["PARTS", "KBError", "KnowledgeBase", "Report", "Resolution", "build_kb", "default_path", "get", "use"]

ENV = "DATELINE_KB"
_WARNED = "DATELINE_KB_WARNED"
_handle: KnowledgeBase | None = None
_loaded_from: str | None = None
_chosen_by: tuple[str | None, ...] | None = None
_PINNED: contextvars.ContextVar[tuple[KnowledgeBase | None] | None] = contextvars.ContextVar("dateline_kb", default=None)


def default_path() -> Path:
    """Where commands look for the knowledge base: ``$DATELINE_KB``, else the per-user data dir."""
    if os.environ.get(ENV):
        return Path(os.environ[ENV]).expanduser()
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "dateline" / "kb.sqlite"


def use(path: str | Path | None) -> None:
    """Use the knowledge base at ``path`` from now on (in this process and its workers)."""
    global _handle, _loaded_from, _chosen_by
    if path is not None:
        os.environ[ENV] = str(Path(path).expanduser().resolve())
    _handle, _loaded_from, _chosen_by = None, None, None


def get() -> KnowledgeBase | None:
    """The knowledge base, loaded on first use; None (after one line on stderr) when absent.

    Every stage asks for it many times per article, so the answer is kept for as long as the
    variables that choose the file have not changed.
    """
    global _handle, _loaded_from, _chosen_by
    pinned_to = _PINNED.get()
    if pinned_to is not None:
        return pinned_to[0]
    chosen_by = (os.environ.get(ENV), os.environ.get("XDG_DATA_HOME"), os.environ.get("HOME"))
    if chosen_by == _chosen_by:
        return _handle
    path = default_path()
    _chosen_by = chosen_by
    if _loaded_from == str(path):
        return _handle
    _loaded_from = str(path)
    _handle = KnowledgeBase.load(path) if path.exists() else None
    if _handle is None and not os.environ.get(_WARNED):
        os.environ[_WARNED] = "1"
        # a notice, not an error: the run goes on with the rules alone. Logged, so that a process
        # with no logging set up (a pool worker) still prints the one line, and an embedding
        # program can route it; the variable keeps it to one line for a run and its workers.
        _log.warning(f"dateline: no knowledge base at {path}: actor coding is reduced; build one with "
                     "`dateline kb build DIR...` from the public dictionaries (see the README)")
    return _handle


@contextlib.contextmanager
def pinned() -> Iterator[None]:
    """Within the block ``get()`` gives the knowledge base it gave when the block began: the
    stages of one article ask for it thousands of times, and reading the environment each
    time shows."""
    token = _PINNED.set((get(),))
    try:
        yield
    finally:
        _PINNED.reset(token)
