"""``dateline eval time FILE``: temporal expressions scored as in TempEval-3.

Each item is ``{"id", "dct", "text", "timexes": [{"start", "end", "text", "type", "value"}]}``.
Spans are scored strictly (same offsets) and relaxed (overlap); predictions and gold
expressions are paired one-to-one by overlap, and a pair counts for type or value only when
that attribute is equal. Value F1 is the TempEval-3 headline figure for normalization.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.evaluation.common import prf, read_jsonl, write_jsonl

Span = dict[str, Any]


def _overlap(a: Span, b: Span) -> int:
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def pair_spans(pred: list[Span], gold: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one pairs of overlapping expressions, largest overlaps first.

    Greedy pairing by overlap length is what the TempEval-3 scorer approximates, and it
    keeps a long prediction from claiming two gold expressions.
    """
    candidates = sorted(
        (
            (_overlap(p, g), i, j)
            for i, p in enumerate(pred)
            for j, g in enumerate(gold)
            if _overlap(p, g) > 0
        ),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((pred[i], gold[j]))
    return pairs


def score(items: list[tuple[list[Span], list[Span]]]) -> dict[str, Any]:
    """Metrics over (predicted, gold) span lists, one pair of lists per document."""
    n_pred = n_gold = strict = relaxed = same_type = same_value = 0
    for pred, gold in items:
        n_pred += len(pred)
        n_gold += len(gold)
        gold_offsets = {(g["start"], g["end"]) for g in gold}
        strict += sum((p["start"], p["end"]) in gold_offsets for p in pred)
        pairs = pair_spans(pred, gold)
        relaxed += len(pairs)
        same_type += sum(p["type"] == g["type"] for p, g in pairs)
        same_value += sum(p["value"] == g["value"] for p, g in pairs)

    def counts(tp: int) -> dict[str, float]:
        return prf(tp, n_pred - tp, n_gold - tp)

    return {
        "gold": n_gold,
        "predicted": n_pred,
        "strict": counts(strict),
        "relaxed": counts(relaxed),
        "type": counts(same_type),
        "value": counts(same_value),
        "type_accuracy": round(same_type / relaxed, 4) if relaxed else 0.0,
        "value_accuracy": round(same_value / relaxed, 4) if relaxed else 0.0,
    }


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Tag and normalize every document of ``path`` and score against its gold timexes."""
    from dateline.annotate import parse_many
    from dateline.temporal import find_timexes

    data = list(read_jsonl(path, ("id", "text")))
    docs = parse_many([item["text"] for item in data])
    items = []
    rows = []
    for item, doc in zip(data, docs, strict=True):
        found = find_timexes(item["text"], item.get("dct"), doc=doc)
        pred = [
            {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value} for t in found
        ]
        items.append((pred, item.get("timexes", [])))
        rows.append({"id": item["id"], "timexes": pred})
    if out:
        write_jsonl(out, rows)
    return {"task": "time", "n": len(data), **score(items)}


def report(metrics: dict[str, Any]) -> str:
    """A readable table of the metrics returned by ``evaluate``."""
    lines = [
        f"time: {metrics['n']} documents, {metrics['gold']} gold / {metrics['predicted']} predicted timexes"
    ]
    lines.append(f"{'':10}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("strict", "relaxed", "type", "value"):
        m = metrics[key]
        lines.append(f"{key:10}{m['precision']:8.3f}{m['recall']:8.3f}{m['f1']:8.3f}")
    lines.append(
        f"type accuracy {metrics['type_accuracy']:.3f}   value accuracy {metrics['value_accuracy']:.3f}"
    )
    return "\n".join(lines)
