"""The merged record: what one group of event mentions says about its real-world event.

Merging (``merge``) decides which mentions tell one event; this module writes the record they
make: the date the reports agree on (different days kept side by side in ``conflicts``), the place
and figures most reports give, the two sides (roles from the mentions that name both), the status
with its history (a plan that a later report confirms becomes occurred), the count of independent
reports and of outlets (``corroboration``), and the evidence sentences, the report that gives the
status first.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .corroboration import independent_reports, outlet_count, shingles
from .mention_dates import DateSpan
from .mention_text import named_place
from .model import Actor, Event

STATUS_RANK = {"occurred": 3, "planned": 2, "hypothetical": 1, "negated": 0}


@dataclass
class MergedEvent:
    """One real-world event with everything its mentions say about it."""

    id: str
    type: str
    mode: str | None
    status: str
    status_history: list[dict[str, Any]]
    date: str | None
    date_precision: str | None
    location: dict[str, Any] | None
    source: list[dict[str, Any]]
    target: list[dict[str, Any]]
    sources: int
    articles: list[str]
    evidence: list[dict[str, Any]]
    outlets: int = 1
    figures: dict[str, int] = field(default_factory=dict)
    conflicts: dict[str, list[Any]] = field(default_factory=dict)
    before: str | None = None  # undated: the latest day the reports allow
    reported: str | None = None  # the first report's publication date

    def to_dict(self) -> dict[str, Any]:
        """The output-contract shape (DESIGN.md), plus status_history, figures and conflicts."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "date": self.date,
            "date_precision": self.date_precision,
            "before": self.before,
            "reported": self.reported,
            "location": self.location,
            "source": self.source,
            "target": self.target,
            "sources": self.sources,
            "outlets": self.outlets,
            "articles": self.articles,
            "evidence": self.evidence,
            "status_history": self.status_history,
            "figures": self.figures,
            "conflicts": self.conflicts,
        }


class Texts:
    """Word shingles of each article's text, computed once for all the groups it is in."""

    def __init__(self) -> None:
        self.cache: dict[str, frozenset[int] | None] = {}

    def get(self, article: str, text: str | None) -> frozenset[int] | None:
        if article not in self.cache:
            self.cache[article] = shingles(text) if text else None
        return self.cache[article]


def build_record(mentions: Sequence[Any], spans: Sequence[DateSpan], texts: Texts | None = None) -> MergedEvent:
    """The record of one group of mentions (``merge.EventMention``) with their date spans: consensus
    date, place, figures and sides, disagreements in ``conflicts``, independent sources, evidence."""
    events = [m.event for m in mentions]
    anchor = min(mentions, key=lambda m: (m.article, m.event.sentence, m.event.trigger_start))
    type_ = events[0].type
    key = f"{type_}|{anchor.article}|{anchor.event.sentence}|{anchor.event.trigger_start}"
    status = max((e.status for e in events), key=lambda s: STATUS_RANK.get(s, -1))
    conflicts: dict[str, list[Any]] = {}
    date, precision = _consensus_date(spans, conflicts)
    location = _consensus_location(events, conflicts)
    figures = _consensus_figures(events, conflicts)
    source, target = _actor_sides(events)
    articles = list(dict.fromkeys(m.article for m in mentions))
    texts = texts or Texts()
    by_article = {m.article: m for m in mentions}
    sentences: dict[str, list[str]] = {}
    for m in mentions:
        sentences.setdefault(m.article, []).append(m.event.text)
    sources = independent_reports(
        articles,
        outlet=lambda a: by_article[a].outlet,
        copy_of=lambda a: by_article[a].duplicate_of,
        sentences=lambda a: sentences[a],
        text_shingles=lambda a: texts.get(a, by_article[a].article_text),
    )
    outlets = outlet_count(articles, lambda a: by_article[a].outlet, lambda a: by_article[a].duplicate_of)
    evidence = list(
        {
            (m.article, m.event.sentence): {
                "article": m.article,
                "sentence": m.event.sentence,
                "start": m.event.start,
                "end": m.event.end,
                "text": m.event.text,
            }
            for m in sorted(mentions, key=lambda m: (m.event.status != status, m.published or "9999", m.article,
                                                     m.event.sentence))
        }.values()
    )
    return MergedEvent(
        id="e" + hashlib.sha1(key.encode()).hexdigest()[:16],
        type=type_,
        mode=min(Counter(e.mode for e in events if e.mode).items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if any(e.mode for e in events)
        else None,
        status=status,
        status_history=_history(mentions),
        date=date,
        date_precision=precision,
        location=location,
        source=source,
        target=target,
        sources=sources,
        outlets=outlets,
        articles=articles,
        evidence=evidence,
        figures=figures,
        conflicts=conflicts,
        before=None if date else _bound(mentions),
        reported=min((m.published for m in mentions if m.published), default=None),
    )


def _bound(mentions: Sequence[Any]) -> str | None:
    """The latest day an undated event can have happened on: the tightest bound its mentions give,
    else the first report that tells of it as done."""
    bounds = [m.event.before for m in mentions if m.event.before]
    if not bounds:
        bounds = [m.published for m in mentions if m.published and m.event.status in ("occurred", "negated")]
    return min(bounds, default=None)


def _history(mentions: Sequence[Any]) -> list[dict[str, Any]]:
    """Each status in the order reports first gave it, with the first article that did."""
    history: list[dict[str, Any]] = []
    for m in mentions:
        if not any(h["status"] == m.event.status for h in history):
            history.append({"status": m.event.status, "article": m.article, "published": m.published})
    return history


def _consensus_date(spans: Sequence[DateSpan], conflicts: dict[str, list[Any]]) -> tuple[str | None, str | None]:
    """The most precise date the reports agree on; different days go to conflicts."""
    named = [(s.value, s.precision) for s in spans if s.value and not s.weak]
    if not named:
        # The text names no date: the event is undated, bounded by its reports (``before``).
        return None, None
    rank = {"day": 3, "month": 2, "year": 1}
    best = max(rank.get(p or "", 0) for _, p in named)
    values = Counter(v[:10] for v, p in named if rank.get(p or "", 0) == best)
    if len(values) > 1:
        conflicts["date"] = sorted(values)
    value = max(values.items(), key=lambda kv: (kv[1], kv[0]))[0]
    return value, next(p for v, p in named if v[:10] == value)


def _consensus_location(events: list[Event], conflicts: dict[str, list[Any]]) -> dict[str, Any] | None:
    """The place most reports give; when some sentences name their place, those only (the others
    carry the city a report was filed from)."""
    places = [e.location for e in events if e.location and e.location.get("name")]
    if not places:
        return None
    named = [e.location for e in events if e.location and named_place(e)]
    places = named or places
    names = Counter(p["name"] for p in places)
    if len(names) > 1:
        conflicts["location"] = sorted(names)
    name = min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return next(p for p in places if p["name"] == name)


def _consensus_figures(events: list[Event], conflicts: dict[str, list[Any]]) -> dict[str, int]:
    """Figures as most reports give them (the latest report breaks ties: tolls rise)."""
    figures: dict[str, int] = {}
    for key in sorted({k for e in events for k in e.figures}):
        values = [e.figures[key] for e in events if key in e.figures]
        counts = Counter(values)
        if len(counts) > 1:
            conflicts[key] = sorted(counts)
        top = max(counts.values())
        figures[key] = [v for v in values if counts[v] == top][-1]
    return figures


def _actor_sides(events: list[Event]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Union of source and target actors, deduplicated.

    Roles come from the mentions that name both sides ("A hosted B" reads the roles; "A and B
    met" only lists the participants): an actor such a mention places keeps the side most of
    them give it, and actors only listed elsewhere join the side they were listed on.
    """
    best: dict[str, Actor] = {}
    votes: dict[str, Counter[str]] = {}
    order: list[str] = []
    directed = [e for e in events if e.source and e.target]
    placed = {identity(a) for e in directed for a in e.source + e.target}
    for event in directed + [e for e in events if not (e.source and e.target)]:
        for side, actors in (("source", event.source), ("target", event.target)):
            for actor in actors:
                key = identity(actor)
                if key not in best:
                    order.append(key)
                    best[key] = actor
                elif len(actor.name) > len(best[key].name):
                    best[key] = actor
                if key in placed and not (event.source and event.target):
                    continue
                votes.setdefault(key, Counter())[side] += 1
    source = [best[k].ref() for k in order if votes[k]["source"] >= votes[k]["target"]]
    target = [best[k].ref() for k in order if votes[k]["source"] < votes[k]["target"]]
    return source, target


def identity(actor: Actor) -> str:
    words = re.findall(r"[\w'-]+", actor.name.lower())
    name = words[-1] if actor.kind == "PERSON" and words else " ".join(words)
    return f"{actor.country or ''}|{name}"
