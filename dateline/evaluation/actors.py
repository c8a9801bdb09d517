"""``dateline eval actors FILE`` and ``dateline eval actors-gsr FILE``: country and sector of
actor descriptions.

Each item is ``{"id", "text", "context", "country", "sector"}`` (optional ``date``); the text is
coded with its context (for actors-gsr, the sentence it is in) and the knowledge base when one
is built, on the item's date when given. A prediction is right only when it equals the gold value
exactly, null included. The PLOVER gold records of actors-gsr write every international body
as IGO, so that task folds UNO and EUR into IGO.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.actors import code_actor
from dateline.countries import fold_igo
from dateline.evaluation.common import read_jsonl, write_jsonl


def evaluate(path: str | Path, out: str | Path | None = None, task: str = "actors") -> dict[str, Any]:
    from dateline import kb

    kb.get()  # load once, or say once that there is none
    items = list(read_jsonl(path, ("id", "text")))
    predictions = []
    country_hits = sector_hits = both_hits = 0
    for item in items:
        country, sector = code_actor(item.get("text") or "", item.get("context") or "", item.get("date"))
        if task == "actors-gsr":
            country = fold_igo(country)
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
        "task": task,
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
