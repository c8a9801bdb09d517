"""``dateline eval events FILE``: PLOVER event coding, one sentence per item.

Each item is coded as a one-sentence article dated ``date``; predictions are strict PLOVER
(``events.to_plover``). Type scores are micro over (item, type) pairs with set semantics; dyad
scores over (item, type, source country, target country), each event expanded into its
source x target pairs with a missing side as null, leaving out ``types_only`` items.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluation.common import prf, read_jsonl, write_jsonl
from dateline.events import TYPES

Pair = tuple[str, str]
Dyad = tuple[str, str, str | None, str | None]


def code_items(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Strict PLOVER events for each item, parsing all texts in one batch."""
    from dateline.actors import find_actors
    from dateline.annotate import parse_many
    from dateline.events import find_events, to_plover
    from dateline.model import Article
    from dateline.temporal import find_timexes

    docs = parse_many([item["text"] for item in items])
    coded = []
    for item, doc in zip(items, docs, strict=True):
        article = Article(id=item["id"], text=item["text"], published=item.get("date"))
        actors = find_actors(doc)
        timexes = find_timexes(item["text"], item.get("date"), doc=doc)
        events = find_events(doc, article, actors, timexes)
        coded.append([p for p in (to_plover(e) for e in events) if p is not None])
    return coded



def _dyads(item_id: str, events: list[dict[str, Any]]) -> set[Dyad]:
    pairs: set[Dyad] = set()
    for e in events:
        sources = [a.get("country") for a in e.get("source") or []] or [None]
        targets = [a.get("country") for a in e.get("target") or []] or [None]
        pairs.update((item_id, e["type"], s, t) for s in sources for t in targets)
    return pairs


def score(items: list[dict[str, Any]], predicted: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """Type and dyad P/R/F1 plus per-type precision and recall."""
    gold_types: set[Pair] = set()
    pred_types: set[Pair] = set()
    gold_dyads: set[Dyad] = set()
    pred_dyads: set[Dyad] = set()
    for item, pred in zip(items, predicted, strict=True):
        gold_types.update((item["id"], e["type"]) for e in item["events"])
        pred_types.update((item["id"], e["type"]) for e in pred)
        if not item.get("types_only"):
            gold_dyads |= _dyads(item["id"], item["events"])
            pred_dyads |= _dyads(item["id"], pred)
    per_type: dict[str, dict[str, float]] = {}
    gold_n = Counter(t for _, t in gold_types)
    pred_n = Counter(t for _, t in pred_types)
    hit_n = Counter(t for _, t in gold_types & pred_types)
    for t in TYPES:
        if gold_n[t] or pred_n[t]:
            r = prf(hit_n[t], pred_n[t] - hit_n[t], gold_n[t] - hit_n[t])
            per_type[t] = {**r, "gold": gold_n[t], "predicted": pred_n[t]}
    tp = len(gold_types & pred_types)
    dtp = len(gold_dyads & pred_dyads)
    return {
        "type": prf(tp, len(pred_types) - tp, len(gold_types) - tp),
        "dyad": prf(dtp, len(pred_dyads) - dtp, len(gold_dyads) - dtp),
        "per_type": per_type,
    }


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Score the event coder on a PLOVER gold file; write predictions to ``out``."""
    items = list(read_jsonl(path, ("id", "text", "events")))
    predicted = code_items(items)
    if out is not None:
        write_jsonl(
            out,
            [
                {"id": item["id"], "events": [_shape(e) for e in pred]}
                for item, pred in zip(items, predicted, strict=True)
            ],
        )
    return {"task": "events", "n": len(items), **score(items, predicted)}


def _shape(event: dict[str, Any]) -> dict[str, Any]:
    keys = ("type", "mode", "status", "source", "target")
    return {k: event.get(k) for k in keys}


def report(metrics: dict[str, Any]) -> str:
    """A table of the headline scores and the per-type breakdown."""
    lines = [f"events: {metrics['n']} items"]
    for key in ("type", "dyad"):
        m = metrics[key]
        lines.append(f"  {key:<10} P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}")
    lines.append(f"  {'type':<10} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for t, m in sorted(metrics["per_type"].items()):
        lines.append(
            f"  {t:<10} {m['gold']:>5} {m['predicted']:>5} "
            f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
        )
    return "\n".join(lines)
