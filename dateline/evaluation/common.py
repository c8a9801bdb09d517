"""Shared helpers for the evaluation tasks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class EvalDataError(ValueError):
    """An evaluation file that is not the task's format: which line, and what is wrong with it."""


def read_jsonl(path: str | Path, required: tuple[str, ...] = ()) -> Iterator[dict[str, Any]]:
    """The items of a JSON Lines file, each an object holding the ``required`` fields; a line that
    is not raises ``EvalDataError`` naming the file and line, before any item is scored."""
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except ValueError as exc:
                raise EvalDataError(f"{path}:{number}: not JSON ({exc})") from None
            if not isinstance(item, dict):
                raise EvalDataError(f"{path}:{number}: an item is a JSON object, not {type(item).__name__}")
            missing = [key for key in required if key not in item]
            if missing:
                raise EvalDataError(f"{path}:{number}: the item has no {', '.join(repr(k) for k in missing)}")
            yield item


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def write_jsonl(path: str | Path, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
