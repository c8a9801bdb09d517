"""The writer lock of a store: one run writes a database at a time.

SQLite serialises single transactions, but a run writes thousands of them; two runs
interleaving would assign stories and merge events against each other's half-written state.
The lock is advisory (flock on ``PATH-lock``), released when its file is closed or the process
dies, so a killed run never leaves the store locked. Readers do not take it.
"""

from __future__ import annotations

import os
import time
from typing import IO

PROBE_RETRIES = 10  # tries, 20 ms apart, before another holder is believed


class LockHeld(Exception):
    """Another process holds the writer lock; ``holder`` is its process id when it wrote one."""

    def __init__(self, holder: str | None):
        super().__init__(holder)
        self.holder = holder


def writer_lock(path: str) -> IO[str] | None:
    """Hold an exclusive lock on ``PATH-lock`` for as long as the returned file stays open.

    None where locks cannot be taken (no flock on the platform: one writer is then the user's
    care; an unwritable place: opening the database says so). Raises ``LockHeld``.
    """
    try:
        import fcntl
    except ImportError:
        return None
    try:
        handle = open(path + "-lock", "a+")
    except OSError:
        return None
    for attempt in range(PROBE_RETRIES + 1):
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except OSError:
            if attempt < PROBE_RETRIES:  # a reader's probe (``locked``) holds it for an instant
                time.sleep(0.02)
                continue
            handle.seek(0)
            holder = handle.read().strip()
            handle.close()
            raise LockHeld(holder if holder.isdigit() else None) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    _HELD.add(handle.fileno())
    return handle


def release(handle: IO[str]) -> None:
    _HELD.discard(handle.fileno())
    handle.close()  # closing the file releases the lock (so does the process dying)


def locked(path: str) -> bool:
    """Whether some process holds the writer lock on ``path`` now."""
    try:
        import fcntl

        with open(path + "-lock") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except OSError:
                return True
            fcntl.flock(handle, fcntl.LOCK_UN)
    except (ImportError, OSError):
        pass
    return False


# The descriptors of the writer locks this process holds. A forked worker process (see
# ``engines.local.start_method``) would share each lock with its writer, and outlive it when
# the writer is killed: the store would stay locked until the worker noticed. Each child closes
# its copies at once (each now reads /dev/null, so the number stays taken by the file object
# that still names it); the lock stays with the writer alone.
_HELD: set[int] = set()


def _drop_inherited_locks() -> None:
    if not _HELD:
        return
    null = os.open(os.devnull, os.O_RDWR)
    for fd in _HELD:
        try:
            os.dup2(null, fd)
        except OSError:
            pass
    os.close(null)
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_inherited_locks)
