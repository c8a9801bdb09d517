"""``dateline kb build DIR...``: compile public dictionaries into one SQLite knowledge base.

The build runs a tuple of *parts*, each a module with ``build(conn, source_dirs, report)``
that finds its own files under the source folders, writes its own tables and records in
``report`` how many entries it read per source and every line it skipped with the reason.
A part whose module is not installed is left out and said so; the others still run.

>>> from tempfile import TemporaryDirectory
>>> with TemporaryDirectory() as d:
...     _ = (Path(d) / "my.actors.txt").write_text("OBAMA_ [USAGOV]\\n", encoding="utf-8")
...     report = build_kb([d], Path(d) / "kb.sqlite")
>>> report.counts["my.actors.txt"]
1
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .tabari import Skip

SCHEMA_VERSION = 1
# Parts in build order: later parts may read what earlier ones wrote (positions read agents).
PARTS: tuple[str, ...] = (
    "dateline.kb.agents",
    "dateline.kb.places",
    "dateline.kb.actors",
    "dateline.kb.verbs",  # CAMEO verb patterns -> PLOVER; optional, built when the module exists
)


class KBError(Exception):
    """A knowledge base that cannot be built or read."""


@dataclass
class Report:
    """What a build read: entries per source file, and the lines it skipped with reasons."""

    counts: Counter[str] = field(default_factory=Counter)
    skipped: list[Skip] = field(default_factory=list)
    missing_parts: list[str] = field(default_factory=list)
    seconds: float = 0.0
    out: str = ""

    def add(self, path: str | Path, n: int = 1) -> None:
        self.counts[Path(path).name] += n

    def skip(self, item: Skip) -> None:
        self.skipped.append(item)

    def summary(self, limit: int = 5) -> str:
        """Entries per source, then skipped lines grouped by reason with a few examples."""
        lines = [f"{name:<44} {n:>7,} entries" for name, n in sorted(self.counts.items())]
        by_reason: dict[tuple[str, str], list[Skip]] = {}
        for s in self.skipped:
            by_reason.setdefault((Path(s.path).name, s.reason), []).append(s)
        if by_reason:
            lines.append(f"skipped {len(self.skipped):,} lines:")
        for (name, reason), items in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
            examples = "; ".join(f"line {s.line}: {s.text[:40]}" for s in items[:limit])
            lines.append(f"  {name}: {reason} ({len(items):,}) — {examples}")
        for part in self.missing_parts:
            lines.append(f"part {part} not installed: its tables are not built")
        lines.append(f"wrote {self.out} ({sum(self.counts.values()):,} entries, {self.seconds:.1f}s)")
        return "\n".join(lines)


def source_files(source_dirs: Sequence[str | Path], suffixes: Iterable[str] = ()) -> list[Path]:
    """Every file under the source folders (or given as files), sorted, optionally by suffix."""
    found: list[Path] = []
    wanted = tuple(s.lower() for s in suffixes)
    for root in source_dirs:
        path = Path(root)
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        found += [p for p in files if not wanted or p.name.lower().endswith(wanted)]
    return sorted(set(found))


def build_kb(source_dirs: Sequence[str | Path], out: str | Path, parts: Sequence[str] = PARTS) -> Report:
    """Build a knowledge base at ``out`` from the dictionaries under ``source_dirs``.

    The file is written next to ``out`` and moved in place at the end, so a failed build never
    leaves a half-written knowledge base where commands look for one.
    """
    start = time.perf_counter()
    missing = [str(d) for d in source_dirs if not Path(d).exists()]
    if missing:
        raise KBError(f"no such folder: {missing[0]}")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".building")
    if tmp.exists():
        tmp.unlink()
    report = Report(out=str(out))
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        for name in parts:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as exc:
                if exc.name != name:
                    raise
                report.missing_parts.append(name)
                continue
            module.build(conn, [Path(d) for d in source_dirs], report)
            conn.commit()
        if not report.counts:
            raise KBError("found no dictionaries in the given folders (.actors, agents, CountryInfo or officeholder CSV files)")
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("schema", str(SCHEMA_VERSION)), ("built", time.strftime("%Y-%m-%d")),
             ("sources", "\n".join(str(Path(d).resolve()) for d in source_dirs))],
        )
        conn.commit()
        conn.execute("VACUUM")
    except Exception:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(tmp, out)
    report.seconds = time.perf_counter() - start
    return report
