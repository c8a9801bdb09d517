"""Write rows as an aligned table, JSON Lines or CSV.

Rows are dicts in the output contract's shape; ``table`` flattens them to the columns given,
``jsonl`` writes them whole, ``csv`` writes the columns with nested values as JSON.
"""

from __future__ import annotations

import csv
import json
import shutil
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TextIO

from .clean import printable

FORMATS = ("table", "jsonl", "csv")

Column = tuple[str, Callable[[dict[str, Any]], Any]]


def default_format(stream: TextIO | None = None) -> str:
    """A table for people at a terminal, JSON Lines for pipes and files."""
    return "table" if (stream or sys.stdout).isatty() else "jsonl"


def write(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[Column], out: TextIO | None = None) -> int:
    out = out or sys.stdout
    rows = list(rows)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow([name for name, _ in columns])
        for row in rows:
            writer.writerow([_csv_cell(get(row)) for _, get in columns])
    elif fmt == "table":
        out.write(table([[_cell(get(row)) for _, get in columns] for row in rows], [n for n, _ in columns]))
    else:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return len(rows)


def table(cells: list[list[str]], header: Sequence[str], width: int | None = None) -> str:
    """Align cells under a header, shortening the widest column to fit the terminal."""
    if not cells:
        return "(nothing to show)\n"
    width = width or shutil.get_terminal_size((160, 20)).columns
    widths = [max(len(h), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    while sum(widths) + 2 * (len(widths) - 1) > width and max(widths) > 12:
        i = widths.index(max(widths))
        widths[i] -= 1
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_fit(c, w).ljust(w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines) + "\n"


def actor_label(actor: dict[str, Any] | None) -> str:
    """``Rajnath Singh (IND GOV)`` — the short form of an actor in tables."""
    if not actor:
        return ""
    codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    name = actor.get("name") or ""
    return f"{name} ({codes})" if codes and name else name or codes


def actors_label(actors: list[dict[str, Any]] | None) -> str:
    return "; ".join(actor_label(a) for a in actors or [])


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return " ".join(printable(str(value)).split())


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else spreadsheet_safe(value)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell a spreadsheet will not run: one that starts like a formula ("=HYPERLINK(...)",
    "+1", "@SUM") gets a leading apostrophe, which spreadsheets show as text. Numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
