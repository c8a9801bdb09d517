"""What each page shows, as plain data: the pages render it, their JSON twins send it.

One function per resource, each bounded (a page of events, the first quotes of an actor), so
no request reads a whole table; the SQL lives in ``queries``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict
from typing import Any

from ..model import analysis_to_dict
from ..store import headline
from ..views import _facts as article_facts
from .params import Page, not_found
from .present import actor_key, parse_actor_key
from .queries import EventFilter, Reader, consistent

EVENT_ARTICLES = 50  # articles whose text an event page shows its evidence in
STORY_EVENTS = 200  # events listed on a story page
ACTOR_ARTICLES = 12  # articles whose coding of an actor is shown
ACTOR_QUOTES = 20


@consistent
def event_detail(reader: Reader, event_id: str) -> dict[str, Any]:
    """A merged event with the articles behind it (title, outlet, date, link) and each piece of
    evidence inside its article's text."""
    event = reader.event(event_id)
    if event is None:
        raise not_found("event", event_id)
    shown = list(event.get("articles", []))[:EVENT_ARTICLES]
    articles = reader.article_texts(shown)
    infos = [
        {
            **{k: v for k, v in articles[a].items() if k != "text"},
            "title": articles[a]["title"] or headline(articles[a]["text"]),
        }
        for a in shown
        if a in articles
    ]
    return {
        "event": event,
        "article_info": infos,
        "more_articles": len(event.get("articles", [])) - len(shown),
        "texts": {a: r["text"] for a, r in articles.items()},
    }


@consistent
def article_detail(reader: Reader, article_id: str) -> dict[str, Any]:
    article = reader.article(article_id)
    if article is None:
        raise not_found("article", article_id)
    article["headline"] = article["title"] or headline(article["text"])
    analysis = reader.analysis(article_id)
    events = reader.events_of_articles([article_id])
    return {
        "article": article,
        "analysis": analysis,
        "events": events,
        "analysis_json": analysis_to_dict(analysis) if analysis else None,
    }


@consistent
def story_detail(reader: Reader, story_id: str) -> dict[str, Any]:
    """A story's articles by date and outlet, near-duplicates folded under their original, what
    each adds that no other article of the story tells, and the story's events."""
    story = reader.story(story_id)
    if story is None:
        raise not_found("story", story_id)
    rows = reader.story_articles(story_id)
    facts = {a.article.id: article_facts(a) for a in reader.analyses([r["id"] for r in rows])}
    told = Counter(f for fs in facts.values() for f in fs)
    articles = []
    for r in rows:
        adds = sorted(f for f in facts.get(r["id"], set()) if told[f] == 1) if len(facts) > 1 else []
        articles.append(
            {
                "id": r["id"],
                "source": r["source"],
                "url": r["url"],
                "title": r["title"] or headline(r["text"]),
                "published": r["published"],
                "published_inferred": r["published_inferred"],
                "duplicate_of": r["duplicate_of"],
                "adds": adds,
            }
        )
    events = reader.events_of_articles([r["id"] for r in rows], limit=STORY_EVENTS)
    return {**story, "articles": articles, "events": events}


@consistent
def actor_detail(reader: Reader, key: str, page: Page) -> dict[str, Any]:
    """An actor: its events as source and as target (a page of each), the actors it shares events
    with, its quotes, and how articles coded it (role, country, sector at each article's date)."""
    parsed = parse_actor_key(key)
    found = reader.actor(*parsed) if parsed else None
    if found is None or parsed is None:
        raise not_found("actor", key)
    name, country, sector = parsed
    sides = {}
    for side in ("source", "target"):
        raw, total = reader.actor_events(name, country, sector, side, page.limit, page.offset)
        sides[side] = {"items": [json.loads(r) for r in raw], "total": total}
    coded_in: list[dict[str, Any]] = []
    event_articles = [
        a for e in sides["source"]["items"] + sides["target"]["items"] for a in e.get("articles", [])
    ]
    quote_articles = reader.actor_quote_articles(name, limit=ACTOR_ARTICLES)
    wanted = list(dict.fromkeys(event_articles + quote_articles))[: 2 * ACTOR_ARTICLES]
    quotes: list[dict[str, Any]] = []
    for analysis in reader.analyses(wanted):
        a = analysis.article
        for actor in analysis.actors:
            if actor_key(actor.ref()).casefold() != key.casefold():
                continue
            if len(coded_in) < ACTOR_ARTICLES:
                fields = {
                    k: v for k, v in asdict(actor).items() if k not in ("id", "name", "mentions", "members")
                }
                coded_in.append(
                    {
                        "article": a.id,
                        "published": a.published,
                        "title": a.title or headline(a.text),
                        "mentions": len(actor.mentions),
                        **fields,
                    }
                )
        for q in analysis.quotes:
            if (
                q.speaker
                and actor_key(q.speaker.ref()).casefold() == key.casefold()
                and len(quotes) < ACTOR_QUOTES
            ):
                quotes.append(
                    {
                        "text": q.text,
                        "article": a.id,
                        "published": a.published,
                        "start": q.start,
                        "end": q.end,
                        "direct": q.direct,
                    }
                )
    for other in found["co_actors"]:
        other["key"] = actor_key(other)
    knowledge = knowledge_base_says(name, [c["published"] for c in coded_in])
    for c, says in zip(coded_in, knowledge["at"], strict=True):
        c["knowledge_base"] = says
    return {
        **found,
        "key": key,
        "knowledge_base": knowledge["now"],
        "as_source": sides["source"],
        "as_target": sides["target"],
        "coded_in": coded_in,
        "quotes": quotes,
        "limit": page.limit,
        "offset": page.offset,
    }


def knowledge_base_says(name: str, days: list[str | None]) -> dict[str, Any]:
    """What the knowledge base (if there is one) says the name is: at each day given (an
    article's publication date) and at its own latest date."""
    from ..kb import KBError, get

    try:
        kb = get()
    except KBError:
        kb = None
    if kb is None:
        return {"now": None, "at": [None] * len(days)}

    def at(day: str | None) -> dict[str, Any] | None:
        when = int(day.replace("-", "")) if day and len(day) == 10 else None
        found = kb.resolve(name, when)
        return asdict(found) if found else None

    return {"now": at(None), "at": [at(d) for d in days]}


@consistent
def search(reader: Reader, q: str, limit: int) -> dict[str, Any]:
    articles, n_articles = reader.search_articles(q, limit)
    events, n_events = reader.search_events(q, limit)
    quotes, n_quotes = reader.search_quotes(q, limit)
    return {
        "q": q,
        "articles": {"items": articles, "total": n_articles},
        "events": {
            "items": [{"event": json.loads(raw), "snippet": snip} for raw, snip in events],
            "total": n_events,
        },
        "quotes": {"items": quotes, "total": n_quotes},
    }


@consistent
def timeline(reader: Reader, f: EventFilter, page: Page, newest_first: bool = False) -> tuple[list[str], int]:
    return reader.events(f, page.limit, page.offset, newest_first)
