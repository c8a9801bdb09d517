"""Inputs for the benchmarks: the head of a corpus, and a corpus grown n times over."""

from __future__ import annotations

import datetime as dt
import json

from .process import BenchInputError


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


# Copies are moved this many weeks apart per copy (whole weeks keep weekdays, so "on Tuesday"
# still names the same kind of day), far enough that no copy falls in another's time window.
SHIFT_WEEKS = 522  # about ten years
SAID = ("said", "stated", "told reporters", "added", "declared", "noted", "explained", "announced", "remarked", "observed")


def grow(corpus: str, out: str, times: int, skip_last: int = 0) -> tuple[str, int]:
    """Write ``corpus`` ``times`` over to ``out`` (less its last ``skip_last`` articles): the first
    copy as it is, each further copy with new ids, its dates moved ``SHIFT_WEEKS`` weeks on per
    copy (the dateline keeps its place, not its date), and its text lightly altered (one word
    of attribution changed, or a line added where there is none), so no copy is a
    duplicate of another but each costs what the original costs. Streams; returns (out, count).
    """
    with open(corpus, encoding="utf-8") as src:
        lines = [line for line in src if line.strip()]
    if skip_last:
        lines = lines[:-skip_last]
    written = 0
    with open(out, "w", encoding="utf-8") as dst:
        for k in range(times):
            for line in lines:
                dst.write(line.rstrip("\n") + "\n" if k == 0 else json.dumps(_copy(_item(corpus, line), k)) + "\n")
                written += 1
    return out, written


def _item(corpus: str, line: str) -> dict:
    try:
        item = json.loads(line)
    except ValueError as exc:
        raise BenchInputError(f"{corpus}: a line is not JSON ({exc}); the store benchmark copies a JSON Lines corpus") from None
    if not isinstance(item, dict):
        raise BenchInputError(f"{corpus}: a line is not a JSON object; the store benchmark copies a JSON Lines corpus")
    return item


def tail_of(corpus: str, out: str, n: int) -> str:
    """Write the last ``n`` non-empty lines of a corpus to ``out``; return ``out``."""
    with open(corpus, encoding="utf-8") as src:
        lines = [line for line in src if line.strip()]
    with open(out, "w", encoding="utf-8") as dst:
        dst.writelines(line if line.endswith("\n") else line + "\n" for line in lines[-n:])
    return out


def _copy(record: dict, k: int) -> dict:
    out = dict(record)
    for key in ("doc_id", "id", "url"):
        if isinstance(out.get(key), str):
            out[key] = f"{out[key]}-copy{k}"
    for key in ("date", "published"):
        if isinstance(out.get(key), str):
            out[key] = _shift(out[key], k)
    if isinstance(out.get("text"), str):
        text = out["text"]
        if " said" in text:
            out["text"] = text.replace(" said", " " + SAID[k % len(SAID)], 1)
        else:  # no word to change: a line of its own, so the copy is still a new article
            out["text"] = text + f"\n\n(Copy {k} of this report.)"
    if isinstance(out.get("dateline"), str):  # its place only: its date would contradict the moved one
        out["dateline"] = out["dateline"].split(",")[0]
    return out


def _shift(value: str, k: int) -> str:
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return value
    return (day + dt.timedelta(weeks=SHIFT_WEEKS * k)).isoformat() + value[10:]

