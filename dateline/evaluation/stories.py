"""``dateline eval stories FILE``: same-event clustering measured on ECB+.

Every item goes through the same ``StoryIndex`` the pipeline uses, one at a time in file
order, without its topic or gold cluster. Document frequencies are counted over the whole
file first (they use no labels), so early items are weighted like late ones. Scored with
B-cubed and pairwise precision/recall/F1 against the gold ``cluster``.

Incremental assignment depends on arrival order, and a file's order is one lucky or unlucky
draw (ECB+ lists each topic's articles together), so ``evaluate(..., orders=N)`` also replays
the same parsed items in N - 1 seeded shuffles and reports the mean, min and max over them.
"""

from __future__ import annotations

import random
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ..stories import StoryIndex
from ..story_features import StoryFeatures, story_features
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
    return assign(features_of(texts), range(len(texts)), index)


def features_of(texts: Sequence[str]) -> list[StoryFeatures]:
    """Story features of each text, parsed once (the slow part) so orders can be replayed."""
    from ..annotate import parse_many

    return [story_features(t, doc=d) for t, d in zip(texts, parse_many(list(texts)), strict=True)]


def assign(
    features: Sequence[StoryFeatures], order: Iterable[int], index: StoryIndex | None = None
) -> list[str]:
    """Story labels (in item order) when the items arrive in ``order``."""
    index = index or StoryIndex()
    order = list(order)
    for i in order:
        index.observe(features[i])
    for i in order:
        index.assign(str(i), features[i], observe=False)
    # an article's story is where it ended up: stories an article later shows to be one are joined
    return [index.article_story[str(i)] for i in range(len(features))]


def shuffled(n: int, seed: int) -> list[int]:
    """A reproducible arrival order of n items."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order


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


def evaluate(path: str | Path, out: str | Path | None = None, orders: int = 1) -> dict[str, Any]:
    """Cluster the file's items in file order and score them; ``orders`` > 1 also scores
    ``orders - 1`` seeded shuffles of the same items (keys ``shuffled_*``: mean, min, max)."""
    if orders < 1:
        raise ValueError(f"orders={orders} must be at least 1 (the file order itself)")
    items = list(read_jsonl(path, ("id", "text", "cluster")))
    features = features_of([detokenize(item["text"]) for item in items])
    pred = assign(features, range(len(items)))
    gold = [str(item["cluster"]) for item in items]
    if out:
        write_jsonl(out, [{"id": item["id"], "cluster": p} for item, p in zip(items, pred, strict=True)])
    b, p = bcubed(pred, gold), pairwise(pred, gold)
    metrics: dict[str, Any] = {
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
    if orders > 1:
        runs = [assign(features, shuffled(len(items), seed)) for seed in range(1, orders)]
        metrics["orders"] = orders
        for kind, score in (("bcubed", bcubed), ("pairwise", pairwise)):
            f1 = [score(run, gold)["f1"] for run in runs]
            metrics[f"shuffled_{kind}_f1_mean"] = round(statistics.mean(f1), 4)
            metrics[f"shuffled_{kind}_f1_min"] = min(f1)
            metrics[f"shuffled_{kind}_f1_max"] = max(f1)
    return metrics


def report(metrics: dict[str, Any]) -> str:
    rows = [
        f"stories: {metrics['n']} articles, {metrics['stories']} predicted / {metrics['gold_stories']} gold"
    ]
    for kind in ("bcubed", "pairwise"):
        rows.append(
            f"  {kind:<9} P {metrics[kind + '_precision']:.3f}  R {metrics[kind + '_recall']:.3f}"
            f"  F1 {metrics[kind + '_f1']:.3f}"
        )
    if "orders" in metrics:
        for kind in ("bcubed", "pairwise"):
            rows.append(
                f"  {kind:<9} F1 over {metrics['orders'] - 1} shuffled orders:"
                f" mean {metrics[f'shuffled_{kind}_f1_mean']:.3f}"
                f"  min {metrics[f'shuffled_{kind}_f1_min']:.3f}"
                f"  max {metrics[f'shuffled_{kind}_f1_max']:.3f}"
            )
    return "\n".join(rows)
