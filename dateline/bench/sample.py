"""Inputs for the benchmarks: the head of a corpus, and a corpus grown n times over."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator


def head_of(corpus: str, out: str, limit: int | None) -> str:
    """Write the first ``limit`` non-empty lines of a JSON Lines corpus to ``out``; return ``out``."""
    written = 0
    with open(corpus, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            if limit is not None and written >= limit:
                break
            if line.strip():
                dst.write(line if line.endswith("\n") else line + "\n")
                written += 1
    return out
