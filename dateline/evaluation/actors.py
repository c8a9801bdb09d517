"""``dateline eval actors FILE``: country and sector of short actor descriptions.

Each item is ``{"id", "text", "context", "country", "sector"}``; a prediction is right only
when it equals the gold value exactly, null included.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.actors import code_actor
from dateline.evaluation.common import read_jsonl, write_jsonl


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    items = list(read_jsonl(path))
    predictions = []
    country_hits = sector_hits = both_hits = 0
    for item in items:
        country, sector = code_actor(item.get("text") or "", item.get("context") or "")
        predictions.append({"id": item["id"], "country": country, "sector": sector})
        country_ok = country == item.get("country")
        sector_ok = sector == item.get("sector")
        country_hits += country_ok
        sector_hits += sector_ok
        both_hits += country_ok and sector_ok
    if out is not None:
        write_jsonl(out, predictions)
    n = len(items)
    return {
        "task": "actors",
        "n": n,
        "country_accuracy": round(country_hits / n, 4) if n else 0.0,
        "sector_accuracy": round(sector_hits / n, 4) if n else 0.0,
        "both_accuracy": round(both_hits / n, 4) if n else 0.0,
    }


def report(metrics: dict[str, Any]) -> str:
    rows = [("items", str(metrics["n"]))] + [
        (key.replace("_", " "), f"{metrics[key]:.3f}")
        for key in ("country_accuracy", "sector_accuracy", "both_accuracy")
    ]
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"{k:<{width}}  {v}" for k, v in rows)
