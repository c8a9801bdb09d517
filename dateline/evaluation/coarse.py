"""``dateline eval events-coarse FILE``: the kind of event a sentence reports, in four quads or none.

Each item is one sentence; the coder's events are turned into CAMEO's quad classes as the gold
codes them: AGREE CONSULT SUPPORT are verbal cooperation; CONCEDE COOPERATE AID RETREAT material
cooperation; REQUEST (a demand, not an appeal) ACCUSE REJECT THREATEN SANCTION verbal conflict;
PROTEST MOBILIZE COERCE ASSAULT material conflict. A plan to cooperate is verbal cooperation and
a plan to harm a threat, as PLOVER codes them; an appeal ("urged", "called on") is no event of
its own, and neither is a CAMEO 01 statement ("expressed condolences", "rejected the accusations").
The sentence's quad is that of its most salient event — the one highest in the parse,
an event that happened before one that did not — or null when it reports none.

Metrics: accuracy, macro-F1 over the five labels (a label neither in gold nor predicted is left
out of the mean), per-label P/R/F1 and a confusion table (gold rows, predicted columns).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from dateline.evaluation.common import prf, read_jsonl, write_jsonl
from dateline.events.syntax import depth

LABELS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict", None)
QUADS = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), "verbal_coop"),
    **dict.fromkeys(("CONCEDE", "COOPERATE", "AID", "RETREAT"), "material_coop"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal_conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material_conflict"),
}
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE_MATERIAL = frozenset({"PROTEST", "MOBILIZE", "COERCE", "ASSAULT"})
# CAMEO 10 "demand" against 02 "appeal": only a demand is verbal conflict.
DEMAND_LEMMAS = frozenset({"demand", "insist", "order", "press", "must", "should", "ultimatum"})
# CAMEO 01 "make public statement" holds acts the coder may read as events of their own:
# 015 claim responsibility, 016 deny responsibility ("rejected the accusations"), 018 make an
# empathetic comment ("expressed condolences"), 012/013 pessimistic or optimistic comments.
STATEMENT_OBJECTS = {
    "express": frozenset(
        "condolence sympathy sorrow grief regret concern hope optimism pessimism shock".split()
    ),
    "reject": frozenset("accusation allegation charge claim report responsibility suggestion".split()),
    "deny": frozenset("accusation allegation charge claim report responsibility involvement".split()),
    "dismiss": frozenset("accusation allegation charge claim report".split()),
    "claim": frozenset({"responsibility", "credit"}),
}
STATUS_RANK = {"occurred": 0, "planned": 1, "hypothetical": 2, "negated": 3}


def quad_of(event_type: str, status: str, trigger_lemma: str) -> str | None:
    """The quad class of one coded event, or None when CAMEO counts it as no event.

    >>> quad_of("CONSULT", "planned", "meet")
    'verbal_coop'
    >>> quad_of("ASSAULT", "planned", "attack")
    'verbal_conflict'
    >>> quad_of("REQUEST", "occurred", "urge") is None
    True
    """
    if status in ("planned", "hypothetical"):
        if event_type in COOPERATIVE:
            return "verbal_coop"
        if event_type in HOSTILE_MATERIAL:
            return "verbal_conflict"
    if status == "negated":
        return "verbal_conflict" if event_type in COOPERATIVE else None
    if event_type == "REQUEST" and trigger_lemma not in DEMAND_LEMMAS:
        return None
    return QUADS.get(event_type)


def sentence_quad(doc: Any, events: list[Any]) -> str | None:
    """The quad of the most salient event: highest in the parse, happened before planned."""
    best: tuple[int, int, int] | None = None
    label: str | None = None
    for e in events:
        tok = _token_at(doc, e.trigger_start)
        lemma = tok.lemma_.lower() if tok is not None else e.trigger.lower()
        quad = None if tok is not None and _statement(tok) else quad_of(e.type, e.status, lemma)
        if quad is None:
            continue
        key = (depth(tok) if tok is not None else 99, STATUS_RANK.get(e.status, 4), e.trigger_start)
        if best is None or key < best:
            best, label = key, quad
    return label


def _statement(tok: Any) -> bool:
    """Whether the trigger is a CAMEO 01 statement: "expressed condolences", "denied the charges"."""
    objects = STATEMENT_OBJECTS.get(tok.lemma_.lower())
    if not objects:
        return False
    heads = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
    heads += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(h.lemma_.lower() in objects for h in heads)


def _token_at(doc: Any, char: int) -> Any:
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def predict(texts: list[str]) -> list[str | None]:
    """The quad of each sentence, parsing all texts in one batch."""
    from dateline.actors import find_actors
    from dateline.annotate import parse_many
    from dateline.events import find_events
    from dateline.model import Article
    from dateline.temporal import find_timexes

    quads: list[str | None] = []
    for i, (text, doc) in enumerate(zip(texts, parse_many(texts), strict=True)):
        article = Article(id=str(i), text=text)
        events = find_events(doc, article, find_actors(doc), find_timexes(text, None, doc=doc))
        quads.append(sentence_quad(doc, events))
    return quads


def score(gold: list[str | None], predicted: list[str | None]) -> dict[str, Any]:
    """Accuracy, macro-F1 over the labels present, per-label P/R/F1 and the confusion table."""
    pairs = Counter(zip(gold, predicted, strict=True))
    per_label: dict[str, dict[str, Any]] = {}
    f1s = []
    for label in LABELS:
        tp = pairs[(label, label)]
        n_gold = sum(v for (g, _), v in pairs.items() if g == label)
        n_pred = sum(v for (_, p), v in pairs.items() if p == label)
        if not n_gold and not n_pred:
            continue
        r = prf(tp, n_pred - tp, n_gold - tp)
        per_label[_name(label)] = {**r, "gold": n_gold, "predicted": n_pred}
        f1s.append(r["f1"])
    correct = sum(v for (g, p), v in pairs.items() if g == p)
    confusion = {
        _name(g): {_name(p): pairs[(g, p)] for p in LABELS if pairs[(g, p)]} for g in LABELS
    }
    return {
        "accuracy": round(correct / len(gold), 4) if gold else 0.0,
        "macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else 0.0,
        "per_label": per_label,
        "confusion": confusion,
    }


def _name(label: str | None) -> str:
    return label or "null"


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Score sentence quads on a gold file; write ``{"id", "quad"}`` lines to ``out``."""
    items = list(read_jsonl(path, ("id", "text")))
    predicted = predict([item["text"] for item in items])
    if out is not None:
        write_jsonl(out, [{"id": it["id"], "quad": q} for it, q in zip(items, predicted, strict=True)])
    gold = [item.get("quad") or None for item in items]
    return {"task": "events-coarse", "n": len(items), **score(gold, predicted)}


def report(metrics: dict[str, Any]) -> str:
    """The headline scores, per-label table and confusion table (gold rows, predicted columns)."""
    names = [_name(label) for label in LABELS]
    lines = [
        f"events-coarse: {metrics['n']} items",
        f"  accuracy {metrics['accuracy']:.3f}  macro-F1 {metrics['macro_f1']:.3f}",
        f"  {'label':<18} {'gold':>5} {'pred':>5} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for name, m in metrics["per_label"].items():
        lines.append(
            f"  {name:<18} {m['gold']:>5} {m['predicted']:>5} "
            f"{m['precision']:>6.3f} {m['recall']:>6.3f} {m['f1']:>6.3f}"
        )
    lines.append("  confusion (gold \\ predicted): " + " ".join(f"{n[:9]:>9}" for n in names))
    for g in names:
        row = metrics["confusion"].get(g, {})
        lines.append(f"  {g:<29} " + " ".join(f"{row.get(p, 0):>9}" for p in names))
    return "\n".join(lines)
