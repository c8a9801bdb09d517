"""``dateline eval extract FILE``: main text and date extraction from raw HTML pages.

Two item shapes, detected per item:

- segments ``{"id", "html", "with", "without", "date", "title"}`` (the trafilatura benchmark):
  a ``with`` segment found in the extracted text is a true positive, one missing a false
  negative, a ``without`` segment found a false positive. "Found" is a substring test after
  collapsing whitespace on both sides, as trafilatura's own benchmark scores it (plus NFC
  composition, which only matters for scripts with combining marks), so
  figures compare with the ones it publishes. Date accuracy counts items whose ``date`` is
  given.
- bodies ``{"id", "url", "html", "body"}``: bag-of-words precision, recall and F1 of the
  extracted text against the gold body, per page, averaged over pages.

A page the extractor rejects (``NoArticleText``) scores as empty text and no date.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluation.common import prf, read_jsonl, write_jsonl
from dateline.html import NoArticleText, extract_html

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """Compose Unicode (NFC) and collapse whitespace, so that neither an encoding of the same
    letters (Bengali and Devanagari nukta forms come both ways) nor line breaks decide a match."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def segment_counts(item: dict[str, Any], text: str) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) of one segment-annotated page."""
    found = normalize(text)
    tp = sum(1 for segment in item["with"] if normalize(segment) in found)
    fp = sum(1 for segment in item["without"] if normalize(segment) in found)
    return tp, fp, len(item["with"]) - tp


def token_prf(gold: str, predicted: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall, F1 of ``predicted`` against ``gold`` (lower-cased words)."""
    gold_bag = Counter(_WORD.findall(gold.lower()))
    pred_bag = Counter(_WORD.findall(predicted.lower()))
    overlap = sum((gold_bag & pred_bag).values())
    if not gold_bag and not pred_bag:
        return 1.0, 1.0, 1.0
    p = overlap / sum(pred_bag.values()) if pred_bag else 0.0
    r = overlap / sum(gold_bag.values()) if gold_bag else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _page_url(item: dict[str, Any]) -> str | None:
    """The page address: ``url``, or an ``id`` that is itself an address."""
    for key in ("url", "id"):
        value = item.get(key)
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
    return None


def predict(item: dict[str, Any]) -> dict[str, Any]:
    """The prediction line for one item: ``{"id", "text", "date"}``."""
    try:
        page = extract_html(item["html"], url=_page_url(item))
    except NoArticleText:
        return {"id": item.get("id"), "text": "", "date": None}
    return {"id": item.get("id"), "text": page["text"], "date": page["date"]}


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Score extraction on ``path``; write ``{"id", "text", "date"}`` lines to ``out``."""
    predictions: list[dict[str, Any]] = []
    tp = fp = fn = 0
    segment_pages = dated = dated_right = rejected = 0
    token_scores: list[tuple[float, float, float]] = []
    for item in read_jsonl(path, ("html",)):
        prediction = predict(item)
        predictions.append(prediction)
        rejected += not prediction["text"]
        if "body" in item:
            token_scores.append(token_prf(item["body"] or "", prediction["text"]))
        else:
            segment_pages += 1
            counts = segment_counts(item, prediction["text"])
            tp, fp, fn = tp + counts[0], fp + counts[1], fn + counts[2]
        if item.get("date"):
            dated += 1
            dated_right += prediction["date"] == item["date"]
    if out is not None:
        write_jsonl(out, predictions)
    metrics: dict[str, Any] = {"task": "extract", "n": len(predictions), "rejected": rejected}
    if segment_pages:
        metrics.update(prf(tp, fp, fn))
        metrics["segment_pages"] = segment_pages
    if token_scores:
        pages = len(token_scores)
        metrics["token_pages"] = pages
        for name, index in (("token_precision", 0), ("token_recall", 1), ("token_f1", 2)):
            metrics[name] = round(sum(score[index] for score in token_scores) / pages, 4)
    if dated:
        metrics["dated"] = dated
        metrics["date_accuracy"] = round(dated_right / dated, 4)
    return metrics


def report(metrics: dict[str, Any]) -> str:
    """The metrics as a small aligned table."""
    rows = [
        ("pages", metrics["n"]),
        ("rejected (no text)", metrics.get("rejected", 0)),
    ]
    for key, label in (
        ("precision", "segment precision"),
        ("recall", "segment recall"),
        ("f1", "segment F1"),
        ("token_precision", "token precision"),
        ("token_recall", "token recall"),
        ("token_f1", "token F1"),
        ("date_accuracy", "date accuracy"),
    ):
        if key in metrics:
            rows.append((label, metrics[key]))
    width = max(len(label) for label, _ in rows)
    return "\n".join(f"{label:<{width}}  {value}" for label, value in rows)
