"""``dateline train``: learn the sense decision from labelled sentences the project writes.

The data (``data/sense_train.tsv``) holds one labelled trigger per line: its PLOVER type or
``NONE``, a mode or ``-``, and the sentence with the trigger in square brackets::

    PROTEST	demo	Thousands of students [marched] on parliament in Dhaka on Tuesday.
    NONE	-	The dollar [rallied] against the yen after the jobs report.

Each sentence is coded as the pipeline codes it; every candidate the coder finds at a bracketed
trigger becomes one training example (an event unless the label is ``NONE``), with the features
of :mod:`.features`. Candidates at words nobody labelled are left out, and a labelled word the
current vocabulary does not find is counted as unmatched (it takes part once the vocabulary
knows it). A logistic regression with L2 penalty is fitted by full-batch gradient descent from
zero weights, so the same data and code give the same model file, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from .vocabulary import TYPES

LABELS = frozenset(TYPES) | {"NONE"}
BRACKET = re.compile(r"\[([^\[\]]+)\]")
L2 = 0.005
ITERATIONS = 1500
STEP = 0.5
MIN_COUNT = 2  # a feature seen in one example only says nothing general
# Chosen on the development sets (events type F1 and events-coarse macro-F1 agree on it over
# both halves of each set); the training data alone never sees it.
THRESHOLD = 0.4


class TrainingDataError(ValueError):
    """A line of the sense training data is malformed (the message names file and line)."""


@dataclass(frozen=True)
class Example:
    """One labelled trigger: the sentence without brackets and the trigger's character offset."""

    line: int
    label: str
    mode: str | None
    text: str
    start: int
    trigger: str


def default_data() -> Path:
    return Path(str(resources.files("dateline.data").joinpath("sense_train.tsv")))


def default_model() -> Path:
    return Path(str(resources.files("dateline.data").joinpath("sense_model.json")))


def read_examples(path: str | Path) -> list[Example]:
    """Labelled triggers from a TSV file; a malformed line is an error naming it."""
    examples = []
    with open(path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise TrainingDataError(
                    f"{path}:{n}: expected 3 tab-separated fields (label, mode, sentence)"
                )
            label, mode, marked = parts
            if label not in LABELS:
                raise TrainingDataError(f"{path}:{n}: unknown label {label!r}; use a PLOVER type or NONE")
            found = list(BRACKET.finditer(marked))
            if len(found) != 1:
                raise TrainingDataError(f"{path}:{n}: mark exactly one trigger in [brackets]")
            match = found[0]
            text = marked[: match.start()] + match.group(1) + marked[match.end() :]
            examples.append(
                Example(n, label, None if mode == "-" else mode, text, match.start(), match.group(1))
            )
    if not examples:
        raise TrainingDataError(f"{path}: no labelled lines")
    return examples


def candidates(examples: list[Example]) -> tuple[list[tuple[list[str], int]], list[Example]]:
    """(features, is_event) for every coded candidate at a labelled trigger, and the unmatched."""
    from dateline.actors import find_actors
    from dateline.annotate import parse_many
    from dateline.model import Article
    from dateline.temporal import find_timexes

    from . import find_events
    from .sense import collecting

    texts = sorted({e.text for e in examples})
    found: dict[str, list[tuple[set[int], list[str]]]] = {}
    for text, doc in zip(texts, parse_many(texts), strict=True):
        article = Article(id="train", text=text)
        with collecting() as rows:
            find_events(doc, article, find_actors(doc), find_timexes(text, None, doc=doc))
        found[text] = [
            ({m.trigger.idx, *(t.idx for t in m.merged), *(doc[i].idx for i in m.consumed)}, feats)
            for m, feats in rows
        ]
    data: list[tuple[list[str], int]] = []
    unmatched = []
    for e in examples:
        hits = [feats for starts, feats in found[e.text] if e.start in starts]
        if not hits:
            unmatched.append(e)
        data.extend((feats, int(e.label != "NONE")) for feats in hits[:1])
    return data, unmatched


def fit(data: list[tuple[list[str], int]], l2: float = L2, iterations: int = ITERATIONS) -> dict[str, float]:
    """Logistic regression weights by feature name, classes weighted to count equally."""
    counts: dict[str, int] = {}
    for feats, _ in data:
        for name in set(feats):
            counts[name] = counts.get(name, 0) + 1
    names = sorted(n for n, c in counts.items() if c >= MIN_COUNT or n == "bias")
    column = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(data), len(names)))
    for row, (feats, _) in enumerate(data):
        for name in set(feats):
            if name in column:
                x[row, column[name]] = 1.0
    y = np.array([label for _, label in data], dtype=float)
    pos = max(1.0, y.sum())
    neg = max(1.0, len(y) - y.sum())
    weight = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * neg))
    w = np.zeros(len(names))
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        grad = x.T @ (weight * (p - y)) / len(y) + l2 * w
        w -= STEP * grad
    return {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) >= 1e-4}


def cross_validate(
    data: list[tuple[list[str], int]], folds: int = 5, threshold: float = THRESHOLD
) -> dict[str, float]:
    """Accuracy, precision and recall of non-events over deterministic folds of the training data."""
    from .sense import probability

    tp = fp = fn = correct = 0
    for k in range(folds):
        train = [d for i, d in enumerate(data) if i % folds != k]
        test = [d for i, d in enumerate(data) if i % folds == k]
        weights = fit(train)
        for feats, label in test:
            event = probability(feats, weights) >= threshold
            correct += int(event == bool(label))
            tp += int(not event and not label)
            fp += int(not event and label)
            fn += int(event and not label)
    return {
        "accuracy": round(correct / len(data), 4) if data else 0.0,
        "none_precision": round(tp / (tp + fp), 4) if tp + fp else 0.0,
        "none_recall": round(tp / (tp + fn), 4) if tp + fn else 0.0,
    }


def train(
    data_path: str | Path | None = None,
    out: str | Path | None = None,
    threshold: float = THRESHOLD,
    folds: int = 0,
) -> dict[str, Any]:
    """Fit the sense model on ``data_path`` and write it to ``out``; return a summary.

    >>> # train("sense_train.tsv", "sense_model.json") -> {"lines": 2510, "examples": 1794, ...}
    """
    data_path = Path(data_path) if data_path else default_data()
    out = Path(out) if out else default_model()
    examples = read_examples(data_path)
    data, unmatched = candidates(examples)
    if not data or len({label for _, label in data}) < 2:
        raise TrainingDataError(f"{data_path}: need matched events and non-events to learn from")
    weights = fit(data)
    model = {
        "format": 1,
        "data_sha256": hashlib.sha256(data_path.read_bytes()).hexdigest(),
        "examples": len(data),
        "events": sum(label for _, label in data),
        "l2": L2,
        "iterations": ITERATIONS,
        "threshold": threshold,
        "weights": weights,
    }
    out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    summary: dict[str, Any] = {
        "data": str(data_path),
        "model": str(out),
        "lines": len(examples),
        "examples": len(data),
        "events": model["events"],
        "unmatched": len(unmatched),
        "features": len(weights),
    }
    if folds > 1:
        summary["cross_validation"] = cross_validate(data, folds, threshold)
    summary["unmatched_lines"] = [e.line for e in unmatched]
    return summary
