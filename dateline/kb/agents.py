"""Build part: generic agent nouns to sectors ("soldiers" MIL, "protesters" CVL).

Reads every agents file (``*agents*.txt``) in TABARI's format. NGEC's file is in PLOVER
sectors already; PETRARCH2's CAMEO roles are mapped (see ``codes``). Words the dictionaries
mark as not actors (``~NON``, ``~JNK``: weekdays, "the border") are kept with that mark, so
the resolver can refuse them.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from .build import Report, source_files
from .codes import split_code
from .names import key
from .tabari import Skip, read_agents


def build(conn: sqlite3.Connection, source_dirs: list[Path], report: Report) -> None:
    conn.execute("CREATE TABLE agents (key TEXT PRIMARY KEY, sector TEXT NOT NULL, source TEXT)")
    files = [p for p in source_files(source_dirs, (".txt",)) if "agents" in p.name.lower()]
    # PLOVER-coded files first: where two files disagree, the PLOVER sector stands.
    files.sort(key=lambda p: (not _plover(p), str(p)))
    for path in files:
        plover = _plover(path)
        n = 0
        for item in read_agents(path):
            if isinstance(item, Skip):
                report.skip(item)
                continue
            _, sector = split_code(item.code, plover=plover)
            if sector is None:
                report.skip(Skip(str(path), item.line, f"no PLOVER sector for [{item.code}]", item.phrase))
                continue
            conn.execute("INSERT OR IGNORE INTO agents VALUES (?, ?, ?)", (key(item.phrase), sector, path.name))
            n += 1
        report.add(path, n)


def _plover(path: Path) -> bool:
    return "plover" in path.name.lower()
