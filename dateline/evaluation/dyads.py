"""``dateline eval dyads FILE``: who acts on whom, as the argument analysis reads it.

Each item is a sentence with the source and target phrases annotators marked. The sentence is
coded as a one-sentence article; its main event (the one nearest the root of the parse, with
both sides found preferred) gives the prediction: the whole noun phrase of each side as written
("her counterpart Chilean President Ana Rojas", "a truck bomb"), whether or not it names a
known actor. A mutual event ("Ruiz will meet Rojas") lists each party on both sides,
as the annotators did.

Metrics (see the evaluation data's README): for source, target and both pooled, overlap P/R/F1
(spans matched one to one, identical first, then by larger overlap; each match adds
overlap/len(predicted) to precision and overlap/len(gold) to recall) and strict P/R/F1 on exact
offsets.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.tokens import Token

from dateline.evaluation.common import read_jsonl, write_jsonl
from dateline.events.syntax import depth

Span = tuple[int, int]
PHRASE_CUT = frozenset({"relcl", "acl", "advcl", "ccomp", "case", "parataxis", "mark", "prep"})
KEPT_PREPS = frozenset({"of", "in", "from", "by", "at", "on"})


def phrase(tok: Token) -> Span:
    """Character span of the noun phrase a token heads, as written: its modifiers, prepositional
    phrases, appositions and conjuncts, without relative clauses or a possessive 's.

    A relative pronoun stands for the noun its clause modifies ("the man who fired").
    """
    if tok.lower_ in ("who", "which", "that", "whom") and tok.head.dep_ == "relcl":
        tok = tok.head.head
    kept = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        kept.add(t.i)
        stack += [c for c in t.children
                  if c.dep_ not in PHRASE_CUT or (c.dep_ == "prep" and c.lower_ in KEPT_PREPS)
                  or (c.dep_ == "case" and t.i != tok.i)]  # "NATO's decision" keeps its "'s"
    doc = tok.doc
    # The contiguous run around the head; punctuation inside it is bridged ("Air Force (NAF)").
    start_i = end_i = tok.i
    while start_i - 1 in kept or (start_i - 2 in kept and doc[start_i - 1].is_punct and start_i - 1 >= 0):
        start_i -= 1
    while end_i + 1 in kept or (end_i + 2 in kept and end_i + 1 < len(doc) and doc[end_i + 1].is_punct):
        end_i += 1
    while end_i > start_i and (doc[end_i].is_punct and doc[end_i].text not in ")]" or doc[end_i].dep_ == "cc"):
        end_i -= 1
    while start_i < end_i and (doc[start_i].is_punct and doc[start_i].text not in "([" or doc[start_i].dep_ == "cc"):
        start_i += 1
    return doc[start_i].idx, doc[end_i].idx + len(doc[end_i].text)


def _with_mentions(span: Span, actors: list[Any]) -> Span:
    """The phrase joined with the mention of the actor it names, where the parse split them
    ("her counterpart Chilean President Ana Rojas")."""
    start, end = span
    for actor in actors:
        for mention in actor.mentions:
            if mention.start <= end + 1 and mention.end >= start - 1:
                start, end = min(start, mention.start), max(end, mention.end)
    return start, end


def predict(items: list[dict[str, Any]]) -> list[dict[str, list[Span]]]:
    """Source and target spans of each item's main event."""
    from dateline.actors import find_actors
    from dateline.annotate import parse_many
    from dateline.events import find_event_mentions
    from dateline.events.vocabulary import MUTUAL_TYPES
    from dateline.model import Article
    from dateline.temporal import find_timexes

    docs = parse_many([item["text"] for item in items])
    predictions = []
    for item, doc in zip(items, docs, strict=True):
        article = Article(id=item["id"], text=item["text"])
        actors = find_actors(doc)
        timexes = find_timexes(item["text"], None, doc=doc)
        found = find_event_mentions(doc, article, actors, timexes)
        sides: dict[str, list[Span]] = {"source": [], "target": []}
        if found:
            _, m = min(
                found,
                key=lambda em: (
                    not (em[1].source_tokens or em[1].target_tokens),
                    depth(em[1].clause),
                    not (em[1].source_tokens and em[1].target_tokens),
                    em[1].trigger.i,
                ),
            )
            sources = [_with_mentions(phrase(t), m.source) for t in m.source_tokens]
            targets = [_with_mentions(phrase(t), m.target) for t in m.target_tokens]
            if m.type in MUTUAL_TYPES and "mutual" in m.entry.flags:
                both = list(dict.fromkeys(sources + targets))
                sources, targets = both, list(both)
            sides = {"source": sources, "target": targets}
        predictions.append(sides)
    return predictions


def _match(gold: list[Span], pred: list[Span]) -> tuple[float, float, int]:
    """Overlap precision and recall mass, and exact matches, of spans matched one to one."""
    pairs = []
    for gi, (gs, ge) in enumerate(gold):
        for pi, (ps, pe) in enumerate(pred):
            overlap = min(ge, pe) - max(gs, ps)
            if overlap > 0:
                pairs.append((not ((gs, ge) == (ps, pe)), -overlap, gi, pi, overlap))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    p_mass = r_mass = 0.0
    exact = 0
    for inexact, _, gi, pi, overlap in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        p_mass += overlap / (pred[pi][1] - pred[pi][0])
        r_mass += overlap / (gold[gi][1] - gold[gi][0])
        exact += not inexact
    return p_mass, r_mass, exact


def _prf(p_mass: float, r_mass: float, n_pred: int, n_gold: int) -> dict[str, float]:
    p = p_mass / n_pred if n_pred else 0.0
    r = r_mass / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def score(items: list[dict[str, Any]], predicted: list[dict[str, list[Span]]]) -> dict[str, Any]:
    """Overlap and strict P/R/F1 for source, target and both pooled."""
    totals = {side: [0.0, 0.0, 0, 0, 0] for side in ("source", "target")}  # p, r, exact, n_pred, n_gold
    for item, pred in zip(items, predicted, strict=True):
        for side in ("source", "target"):
            gold = [(s["start"], s["end"]) for s in item.get(side) or []]
            spans = [s for s in pred[side] if s[1] > s[0]]
            p_mass, r_mass, exact = _match(gold, spans)
            t = totals[side]
            t[0] += p_mass
            t[1] += r_mass
            t[2] += exact
            t[3] += len(spans)
            t[4] += len(gold)
    metrics: dict[str, Any] = {}
    pooled = [0.0, 0.0, 0, 0, 0]
    for side, t in totals.items():
        metrics[side] = {"overlap": _prf(t[0], t[1], t[3], t[4]), "strict": _prf(t[2], t[2], t[3], t[4])}
        pooled = [a + b for a, b in zip(pooled, t)]
    metrics["combined"] = {
        "overlap": _prf(pooled[0], pooled[1], int(pooled[3]), int(pooled[4])),
        "strict": _prf(pooled[2], pooled[2], int(pooled[3]), int(pooled[4])),
    }
    return metrics


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    """Score the argument analysis on a dyads file; write predictions to ``out``."""
    items = list(read_jsonl(path, ("id", "text", "source", "target")))
    predicted = predict(items)
    if out is not None:
        write_jsonl(
            out,
            [
                {
                    "id": item["id"],
                    **{
                        side: [{"start": s, "end": e, "text": item["text"][s:e]} for s, e in pred[side]]
                        for side in ("source", "target")
                    },
                }
                for item, pred in zip(items, predicted, strict=True)
            ],
        )
    return {"task": "dyads", "n": len(items), **score(items, predicted)}


def report(metrics: dict[str, Any]) -> str:
    lines = [f"dyads: {metrics['n']} sentences", f"  {'':<10} {'overlap P':>9} {'R':>6} {'F1':>6}   {'strict P':>8} {'R':>6} {'F1':>6}"]
    for side in ("source", "target", "combined"):
        o, s = metrics[side]["overlap"], metrics[side]["strict"]
        lines.append(
            f"  {side:<10} {o['precision']:>9.3f} {o['recall']:>6.3f} {o['f1']:>6.3f}   "
            f"{s['precision']:>8.3f} {s['recall']:>6.3f} {s['f1']:>6.3f}"
        )
    return "\n".join(lines)
