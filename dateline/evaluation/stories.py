"""``dateline eval stories FILE``: same-event clustering measured on ECB+.

Every item goes through the same ``StoryIndex`` the pipeline uses, one at a time in file
order, without its topic or gold cluster. Document frequencies are counted over the whole
file first (they use no labels), so early items are weighted like late ones. Scored with
B-cubed and pairwise precision/recall/F1 against the gold ``cluster``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..stories import StoryIndex, story_features
from .common import prf, read_jsonl, write_jsonl

_CLITIC = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m|’s)\b")


def detokenize(text: str) -> str:
    """Undo PTB-style tokenization lightly, so the parser and date patterns see normal text.

    >>> detokenize("Reid 's rep said : `` no '' ( today ) , at 7 : 15 .")
    'Reid\\'s rep said: "no" (today), at 7:15.'
    """
    lines = []
    for line in text.split("\n"):
        if re.match(r"\s*https?\s*:", line):
            lines.append(line.replace(" ", ""))
            continue
        s = line.replace("`` ", '"').replace(" ''", '"').replace("``", '"').replace("''", '"')
        s = _CLITIC.sub(r"\1", s)
        s = re.sub(r"(\d) ([:.]) (\d)", r"\1\2\3", s)
        s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
        s = re.sub(r"([(\[$]) ", r"\1", s)
        lines.append(s)
    return "\n".join(lines)


def cluster(texts: Sequence[str], index: StoryIndex | None = None) -> list[str]:
    """Story labels for texts assigned in order through one index."""
    from ..annotate import parse_many

    index = index or StoryIndex()
    features = [story_features(t, doc=d) for t, d in zip(texts, parse_many(list(texts)), strict=True)]
    for f in features:
        index.observe(f)
    return [index.assign(str(i), f, observe=False).story_id for i, f in enumerate(features)]


def bcubed(pred: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """B-cubed precision/recall/F1: per item, the overlap of its predicted and gold clusters."""
    by_pred, by_gold = defaultdict(set), defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    n = len(pred) or 1
    precision = (
        sum(len(by_pred[p] & by_gold[g]) / len(by_pred[p]) for p, g in zip(pred, gold, strict=True)) / n
    )
    recall = sum(len(by_pred[p] & by_gold[g]) / len(by_gold[g]) for p, g in zip(pred, gold, strict=True)) / n
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def pairwise(pred: Sequence[str], gold: Sequence[str]) -> dict[str, float]:
    """Precision/recall/F1 over unordered item pairs placed in one cluster."""
    tp = fp = fn = 0
    for i in range(len(pred)):
        for j in range(i + 1, len(pred)):
            same_pred, same_gold = pred[i] == pred[j], gold[i] == gold[j]
            tp += same_pred and same_gold
            fp += same_pred and not same_gold
            fn += same_gold and not same_pred
    return prf(tp, fp, fn)


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    items = list(read_jsonl(path))
    pred = cluster([detokenize(item["text"]) for item in items])
    gold = [str(item["cluster"]) for item in items]
    if out:
        write_jsonl(out, [{"id": item["id"], "cluster": p} for item, p in zip(items, pred, strict=True)])
    b, p = bcubed(pred, gold), pairwise(pred, gold)
    return {
        "task": "stories",
        "n": len(items),
        "stories": len(set(pred)),
        "gold_stories": len(set(gold)),
        "bcubed_precision": b["precision"],
        "bcubed_recall": b["recall"],
        "bcubed_f1": b["f1"],
        "pairwise_precision": p["precision"],
        "pairwise_recall": p["recall"],
        "pairwise_f1": p["f1"],
    }


def report(metrics: dict[str, Any]) -> str:
    rows = [
        f"stories: {metrics['n']} articles, {metrics['stories']} predicted / {metrics['gold_stories']} gold"
    ]
    for kind in ("bcubed", "pairwise"):
        rows.append(
            f"  {kind:<9} P {metrics[kind + '_precision']:.3f}  R {metrics[kind + '_recall']:.3f}"
            f"  F1 {metrics[kind + '_f1']:.3f}"
        )
    return "\n".join(rows)
