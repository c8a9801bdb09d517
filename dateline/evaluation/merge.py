"""``dateline eval merge FILE``: are the mentions of one real-world event merged into one record?

The gold is cross-document event coreference: articles, and in each the event mentions a reader
would mark, each with the gold event it belongs to. The project ships its own gold
(``dateline/data/merge_gold.jsonl``, sentences the project wrote: one act in several wordings
across a story, rewrites of one dispatch, and the traps that fuse events — the same city with
different people, the same kind of act a year apart, acts in opposite directions, mentions that
name no actor). One JSON line per article::

    {"id": "m1a", "topic": "helsinki", "published": "2025-03-11", "source": "Nordic Wire",
     "title": null, "text": "...",
     "mentions": [{"text": "met her Swedish counterpart", "type": "CONSULT", "event": "m1-meeting"}]}

``text`` of a mention is a piece of the sentence that tells it (unique in the article) and
``type`` its PLOVER type; ``topic`` is for people reading the file and is not shown to the system.
Every article goes through the real pipeline (read, clean, analyse, stories, merge) into a
temporary store, in file order. Each gold mention is then looked up among the merged events: the
event of its type whose evidence holds the mention's sentence. A mention the event coder did not
find is a cluster of its own (it is merged with nothing), and ``found`` says how many were found.

Metrics over gold mentions: B-cubed precision/recall/F1 and MUC precision/recall/F1 (Vilain et
al. 1995), with the merged event (or the mention alone) as the predicted cluster.
"""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .common import EvalDataError, prf, read_jsonl, write_jsonl
from .stories import bcubed

REQUIRED = ("id", "text", "mentions")


class GoldError(EvalDataError):
    """A gold line that cannot be scored (the message names the line and what is wrong)."""


def load(path: str | Path) -> list[dict[str, Any]]:
    items = []
    for n, item in enumerate(read_jsonl(path), 1):
        missing = [k for k in REQUIRED if k not in item]
        if missing:
            raise GoldError(f"{path}:{n}: missing {', '.join(missing)}")
        for m in item["mentions"]:
            if item["text"].count(m["text"]) != 1:
                raise GoldError(f"{path}:{n}: mention {m['text']!r} must occur once in the article text")
        items.append(item)
    return items


def muc(pred: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """MUC link-based precision/recall/F1: links each gold cluster needs, kept by the prediction."""

    def score(key: Sequence[str], response: Sequence[str]) -> tuple[int, int]:
        clusters: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(key):
            clusters[k].append(i)
        num = den = 0
        for members in clusters.values():
            parts = {response[i] for i in members}
            num += len(members) - len(parts)
            den += len(members) - 1
        return num, den

    r_num, r_den = score(gold, pred)
    p_num, p_den = score(pred, gold)
    recall = r_num / r_den if r_den else 0.0
    precision = p_num / p_den if p_den else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def predict(items: list[dict[str, Any]]) -> list[tuple[str, str, str | None]]:
    """(gold event, predicted cluster, predicted event id or None) for every gold mention."""
    from ..pipeline import run
    from ..store import Store

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "gold.jsonl"
        with open(corpus, "w", encoding="utf-8") as fh:
            for item in items:
                fh.write(json.dumps({"id": item["id"], "text": item["text"], "date": item.get("published"),
                                     "source": item.get("source"), "title": item.get("title")}) + "\n")
        with Store(Path(tmp) / "gold.db") as store:
            run([str(corpus)], store)
            by_origin = {a.origin.rsplit("#", 1)[-1]: a for a in store.articles() if a.origin}
            events = store.events()
    located: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        for ev in e["evidence"]:
            located[(ev["article"], ev["start"])].append(e)
    out = []
    for item in items:
        article = by_origin.get(item["id"])
        for m in item["mentions"]:
            found = None
            if article is not None:
                at = article.text.find(m["text"])
                for (aid, start), candidates in located.items():
                    if aid != article.id or at < start:
                        continue
                    for e in candidates:
                        ev = next(x for x in e["evidence"] if x["article"] == aid and x["start"] == start)
                        if e["type"] == m["type"] and start <= at < ev["end"] and (found is None or e["id"] < found):
                            found = e["id"]
            key = f"{item['id']}:{m['text']}"
            out.append((m["event"], found or "unmerged:" + key, found))
    return out


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    items = load(path)
    pairs = predict(items)
    gold = [g for g, _, _ in pairs]
    pred = [p for _, p, _ in pairs]
    if out:
        rows, i = [], 0
        for item in items:
            events = [pairs[i + k][2] for k in range(len(item["mentions"]))]
            i += len(item["mentions"])
            rows.append({"id": item["id"], "mentions": [{"text": m["text"], "event": e}
                                                         for m, e in zip(item["mentions"], events, strict=True)]})
        write_jsonl(out, rows)
    b, m = bcubed(pred, gold), muc(pred, gold)
    found = sum(1 for _, _, e in pairs if e)
    return {
        "task": "merge",
        "n": len(pairs),
        "articles": len(items),
        "gold_events": len(set(gold)),
        "predicted_events": len(set(pred)),
        "found": found,
        "found_share": round(found / len(pairs), 4) if pairs else 0.0,
        "bcubed_precision": b["precision"],
        "bcubed_recall": b["recall"],
        "bcubed_f1": b["f1"],
        "muc_precision": m["precision"],
        "muc_recall": m["recall"],
        "muc_f1": m["f1"],
    }


def report(metrics: dict[str, Any]) -> str:
    rows = [
        f"merge: {metrics['n']} gold mentions in {metrics['articles']} articles, {metrics['gold_events']} gold events,"
        f" {metrics['predicted_events']} predicted; {metrics['found']} mentions found by the event coder"
    ]
    for kind in ("bcubed", "muc"):
        rows.append(f"  {kind:<7} P {metrics[kind + '_precision']:.3f}  R {metrics[kind + '_recall']:.3f}"
                    f"  F1 {metrics[kind + '_f1']:.3f}")
    return "\n".join(rows)


__all__ = ["GoldError", "evaluate", "muc", "prf", "report"]
