"""Read-side queries: the rows that commands, exports and the API show, in the output contract's shapes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from .model import Analysis
from .store import Store, headline


def article_rows(store: Store) -> list[dict[str, Any]]:
    return [
        {"id": a.id, "source": a.source, "url": a.url, "title": a.title, "published": a.published,
         "published_inferred": a.published_inferred, "place": a.place, "text": a.text}
        for a in store.articles()
    ]


def all_analyses(store: Store) -> Iterable[Analysis]:
    return store.iter_analyses()


def corpus_stats(store: Store) -> dict[str, int]:
    """The figures a corpus is summed up by (``dateline stats``; the README quotes them)."""
    q = store.db.execute
    return {
        "articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
        "near-duplicate copies": q("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
        "stories": q("SELECT COUNT(*) FROM stories").fetchone()[0],
        "stories with more than one article": q("SELECT COUNT(*) FROM stories WHERE articles > 1").fetchone()[0],
        "event mentions": q("SELECT COALESCE(SUM(json_array_length(data, '$.events')), 0) FROM analyses").fetchone()[0],
        "merged events": q("SELECT COUNT(*) FROM events").fetchone()[0],
        "events confirmed by two or more independent sources": q(
            "SELECT COUNT(*) FROM events WHERE sources >= 2").fetchone()[0],
        "inputs skipped or warned": q("SELECT COUNT(*) FROM errors").fetchone()[0],
    }


def actor_rows(store: Store) -> list[dict[str, Any]]:
    """Actors resolved across articles: one row per (name, country, sector), with their mentions."""
    grouped: dict[tuple, dict[str, Any]] = {}
    for analysis in all_analyses(store):
        for actor in analysis.actors:
            if actor.kind == "GROUP":
                continue
            key = (_fold(actor.name), actor.country, actor.sector)
            row = grouped.setdefault(key, {
                "name": actor.name, "kind": actor.kind, "role": actor.role, "country": actor.country,
                "sector": actor.sector, "articles": [], "mentions": [],
            })
            row["role"] = row["role"] or actor.role
            if not row["articles"] or row["articles"][-1] != analysis.article.id:  # analyses come one article at a time
                row["articles"].append(analysis.article.id)
            row["mentions"].extend(
                {"article": analysis.article.id, "start": m.start, "end": m.end, "text": m.text}
                for m in actor.mentions
            )
    return sorted(grouped.values(), key=lambda r: (-len(r["mentions"]), r["name"]))


def _fold(name: str) -> str:
    """Names that differ only in case, curly versus straight quotes, or "Ministry of Defence" versus
    "Defence Ministry" word order are one actor."""
    folded = name.replace("’", "'").replace("‘", "'").casefold().strip()
    m = re.fullmatch(r"(?:the )?(ministry|department|office) of (?:the )?([\w' ]+)", folded)
    return f"{m.group(2)} {m.group(1)}" if m else folded


def quote_rows(store: Store) -> list[dict[str, Any]]:
    return [
        {"speaker": q.speaker.ref() if q.speaker else None, "text": q.text, "article": a.article.id,
         "start": q.start, "end": q.end, "direct": q.direct}
        for a in all_analyses(store)
        for q in a.quotes
    ]


def mention_rows(store: Store) -> list[dict[str, Any]]:
    """Per-article event mentions, before merging."""
    rows = []
    for a in all_analyses(store):
        for e in a.events:
            rows.append({
                "type": e.type, "mode": e.mode, "status": e.status, "date": e.date,
                "date_precision": e.date_precision, "before": e.before, "reported": e.reported,
                "location": e.location,
                "source": [x.ref() for x in e.source], "target": [x.ref() for x in e.target],
                "article": a.article.id, "trigger": e.trigger, "sentence": e.sentence,
                "start": e.start, "end": e.end, "text": e.text, "figures": e.figures,
            })
    return rows


def filter_events(
    events: list[dict[str, Any]],
    actor: str | None = None,
    country: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    query: str | None = None,
    status: str | None = None,
    min_sources: int | None = None,
    articles: set[str] | None = None,
) -> list[dict[str, Any]]:
    """Events matching every filter given; dates compare on their known prefix.

    ``articles`` keeps the events that any of these articles tells (a story's articles);
    ``min_sources`` counts independent sources (a per-article mention has one).
    """
    out = []
    for e in events:
        if status and e.get("status") != status:
            continue
        if min_sources and e.get("sources", 1) < min_sources:
            continue
        if articles is not None and not articles.intersection(e.get("articles") or [e.get("article")]):
            continue
        actors = e.get("source", []) + e.get("target", [])
        if actor and not any(_actor_matches(a, actor) for a in actors):
            continue
        if country and not any((a.get("country") or "").upper() == country.upper() for a in actors) and not (
            (e.get("location") or {}).get("country") or ""
        ).upper() == country.upper():
            continue
        if type and e.get("type", "").upper() != type.upper():
            continue
        date = e.get("date") or ""
        if since and (not date or date < since[: len(date)]):
            continue
        if until and (not date or date[: len(until)] > until):
            continue
        if query and not any(_contains_words(ev.get("text", ""), query) for ev in e.get("evidence", [])):
            continue
        out.append(e)
    return out


def _contains_words(text: str, query: str) -> bool:
    """Every word of the query, in any order and case, in the text."""
    words = set(re.findall(r"\w+", text.casefold()))
    return all(w in words for w in re.findall(r"\w+", query.casefold()))


def _actor_matches(actor: dict[str, Any], needle: str) -> bool:
    """A country code, or whole words of the name: "Singh" finds Rajnath Singh, "us" finds no Russia."""
    n = needle.casefold().strip()
    if n == (actor.get("country") or "").casefold():
        return True
    words = re.findall(r"\w+", (actor.get("name") or "").casefold())
    wanted = re.findall(r"\w+", n)
    return bool(wanted) and any(words[i : i + len(wanted)] == wanted for i in range(len(words)))


def story_detail(store: Store, story_id: str) -> dict[str, Any] | None:
    """A story's articles by date and outlet, and what each adds that the others do not."""
    story = store.story(story_id)
    if story is None:
        return None
    rows = store.story_articles(story["id"])
    analyses = {a.article.id: a for a in store.analyses(r["id"] for r in rows)}
    facts: dict[str, set[str]] = {}
    for aid, a in analyses.items():
        facts[aid] = _facts(a)
    articles = []
    told = Counter(fact for f in facts.values() for fact in f)  # in how many articles each fact stands
    for r in rows:
        adds = sorted(f for f in facts.get(r["id"], set()) if told[f] == 1) if len(facts) > 1 else []
        articles.append({
            "id": r["id"], "source": r["source"], "title": r["title"] or headline(r["text"]), "published": r["published"],
            "published_inferred": bool(r["published_inferred"]), "duplicate_of": r["duplicate_of"],
            "adds": adds,
        })
    events = store.events_of(r["id"] for r in rows)
    return {**story, "articles": articles, "events": events}


def _facts(analysis: Analysis) -> set[str]:
    """Comparable facts of one article: event types with their dates, actors, figures, places."""
    facts = set()
    for e in analysis.events:
        facts.add(f"{e.type} {e.status}" + (f" on {e.date}" if e.date else ""))
        for k, v in e.figures.items():
            facts.add(f"{v} {k}")
        if e.location and e.location.get("name"):
            facts.add(f"place {e.location['name']}")
    for actor in analysis.actors:
        if actor.kind in ("PERSON", "ORG"):
            facts.add(f"actor {actor.name}")
    return facts


def timeline_rows(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        by_date[e.get("date") or ""].append(e)
    return [e for d in sorted(by_date, key=lambda d: d or "9999") for e in by_date[d]]
