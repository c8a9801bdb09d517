"""The records that flow through the pipeline.

Every stage takes what earlier stages produced and adds its own fields; nothing here
knows about spaCy, SQLite or the command line, so these records cross process
boundaries (the local pool, Dask) as plain picklable data.
"""

from __future__ import annotations

import functools
from dataclasses import asdict, dataclass, field, fields
from typing import Any


@dataclass
class Article:
    """One news article after reading and cleaning.

    ``id`` is 16 hex digits of a hash of the normalized text (see ``read.article_id``),
    so the same text read from any file or format is one article.
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    source: str | None = None  # outlet or agency name
    url: str | None = None
    place: str | None = None  # from the dateline ("New Delhi |")
    origin: str | None = None  # file (and record) it was read from
    published_inferred: bool = False  # True when the date comes from the story, not the article
    credits: list[str] = field(default_factory=list)  # agency credits removed from the text

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """A span of article text that refers to an actor."""

    start: int
    end: int
    text: str


@dataclass
class Actor:
    """A person, organisation, country or group, with PLOVER-style codes.

    ``country`` is ISO 3166-1 alpha-3 or a non-state code (IGO, NGO, IMG, ISM, MNC, UNO, EUR);
    ``sector`` is GOV, MIL, REB, COP, JUD, LEG, CVL, BUS, MED, EDU, ... or None.
    ``kind`` is PERSON, ORG, COUNTRY or GROUP; a GROUP ("the two ministers") lists its
    members' actor ids in ``members``.
    """

    id: int  # index within the article
    name: str
    kind: str = "PERSON"
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    members: list[int] = field(default_factory=list)

    def ref(self) -> dict[str, Any]:
        """The actor as it appears in the output contract."""
        return {"name": self.name, "role": self.role, "country": self.country, "sector": self.sector}


@dataclass
class Timex:
    """A TIMEX3 temporal expression with its normalized value.

    ``value`` follows TimeML: 2025-05-05, 2024-11, 2014, 2025-W19, P6M, PRESENT_REF, XXXX-XX-XX
    for an unresolved day, ... ``anchored`` is False when the value could not be tied to a
    publication date (no date known), so the story stage may resolve it later.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str
    anchored: bool = True
    # For an unanchored relative expression, what is needed to resolve it later:
    # e.g. {"weekday": 0, "direction": -1} for "on Monday" in a past clause.
    relative: dict[str, Any] | None = None


@dataclass
class Event:
    """One event mention in one article, coded in PLOVER 2021."""

    type: str
    mode: str | None
    status: str  # occurred, planned, hypothetical, negated
    source: list[Actor]
    target: list[Actor]
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: int  # sentence index in the article
    start: int  # sentence start offset in article text
    end: int  # sentence end offset
    text: str  # the sentence
    date: str | None = None  # TIMEX value: YYYY-MM-DD, YYYY-MM, YYYY or None
    date_precision: str | None = None  # day, month, year or None
    timex: Timex | None = None
    location: dict[str, Any] | None = None  # {"name", "country"}
    figures: dict[str, int] = field(default_factory=dict)  # e.g. {"killed": 26}
    # When the text gives no date, ``before`` is the latest day the event can have happened on (its
    # report's publication date, or the day of the clause it is told as earlier than); ``reported``
    # is the publication date of the article that tells of it, so a timeline can show both.
    before: str | None = None
    reported: str | None = None


@dataclass
class Quote:
    """Direct or reported speech with its speaker."""

    speaker: Actor | None
    text: str
    start: int
    end: int
    direct: bool = True
    cue: str | None = None  # "said", "stated", ...


@dataclass
class Analysis:
    """Everything the per-article stages found in one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)  # (start, end) offsets


@dataclass
class Skipped:
    """An input that could not be read, with the reason."""

    origin: str
    reason: str


def _actor_from(d: dict[str, Any]) -> Actor:
    d = dict(d)
    d["mentions"] = [Mention(**m) for m in d.get("mentions", [])]
    return Actor(**d)


def _timex_from(d: dict[str, Any] | None) -> Timex | None:
    return Timex(**d) if d else None


def _event_from(d: dict[str, Any]) -> Event:
    d = dict(d)
    d["source"] = [_actor_from(a) for a in d.get("source", [])]
    d["target"] = [_actor_from(a) for a in d.get("target", [])]
    d["timex"] = _timex_from(d.get("timex"))
    return Event(**d)


# -- the stored form ---------------------------------------------------------------------------
#
# An article's analysis is kept as one document in which every structure appears once: each
# actor with its mentions in ``actors``; events and quotes name their actors by id and their
# timex by its index in ``timexes``; a text that is just the article's characters at the
# structure's offsets is left out and read back from the article. The older form (version 1)
# repeated every actor, with all its mentions, inside every event, so an article of n similar
# sentences cost n² to store and to read; it is still read.

FORMAT = 2


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...]:
    """A dataclass's field names: ``fields()`` builds them anew on every call, once per event,
    quote and actor stored."""
    return tuple(f.name for f in fields(cls))


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """A JSON-ready dict of an Analysis, each actor and timex stored once and referred to by id.

    Its size is linear in the article: ``analysis_from_dict`` restores events and quotes that
    share the very Actor objects of ``analysis.actors``.
    """
    text = analysis.article.text
    by_id = {a.id: a for a in analysis.actors}
    timex_index = {(t.start, t.end, t.value): i for i, t in enumerate(analysis.timexes)}

    same: dict[int, bool] = {}  # id(object) -> equal to the table's actor; copies are compared once

    def actor_ref(actor: Actor) -> Any:
        known = by_id.get(actor.id)
        if known is not actor and id(actor) not in same:
            same[id(actor)] = known == actor
        return actor.id if known is actor or same[id(actor)] else asdict(actor)  # an actor of no table: whole

    def timex_ref(timex: Timex | None) -> Any:
        if timex is None:
            return None
        i = timex_index.get((timex.start, timex.end, timex.value))
        return i if i is not None and analysis.timexes[i] == timex else asdict(timex)

    def event(e: Event) -> dict[str, Any]:
        d = {name: getattr(e, name) for name in _field_names(type(e))}
        d["source"] = [actor_ref(a) for a in e.source]
        d["target"] = [actor_ref(a) for a in e.target]
        d["timex"] = timex_ref(e.timex)
        _omit_slice(d, text, "text", "start", "end")
        _omit_slice(d, text, "trigger", "trigger_start", "trigger_end")
        return d

    def quote(q: Quote) -> dict[str, Any]:
        d = {name: getattr(q, name) for name in _field_names(type(q))}
        d["speaker"] = actor_ref(q.speaker) if q.speaker is not None else None
        return _omit_slice(d, text, "text", "start", "end")

    def actor(a: Actor) -> dict[str, Any]:
        d = {name: getattr(a, name) for name in _field_names(type(a))}
        d["mentions"] = [[m.start, m.end] if text[m.start : m.end] == m.text else [m.start, m.end, m.text]
                         for m in a.mentions]
        return d

    return {
        "format": FORMAT,
        "article": analysis.article.to_dict(),
        "actors": [actor(a) for a in analysis.actors],
        "timexes": [_omit_slice(asdict(t), text, "text", "start", "end") for t in analysis.timexes],
        "events": [event(e) for e in analysis.events],
        "quotes": [quote(q) for q in analysis.quotes],
        "sentences": [list(s) for s in analysis.sentences],
    }


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """The inverse of analysis_to_dict: ``analysis_from_dict(analysis_to_dict(a)) == a``.

    Reads both stored forms (version 1 documents carry no ``format`` key).
    """
    if d.get("format", 1) == 1:
        return _analysis_from_v1(d)
    article = Article(**d["article"])
    text = article.text
    actors = [
        Actor(**{**a, "mentions": [Mention(m[0], m[1], m[2] if len(m) > 2 else text[m[0] : m[1]])
                                   for m in a.get("mentions", [])]})
        for a in d.get("actors", [])
    ]
    by_id = {a.id: a for a in actors}
    timexes = [Timex(**_fill_slice(t, text, "text", "start", "end")) for t in d.get("timexes", [])]

    def actor_of(ref: Any) -> Actor:
        return by_id[ref] if isinstance(ref, int) else _actor_from(ref)

    def timex_of(ref: Any) -> Timex | None:
        if ref is None:
            return None
        return timexes[ref] if isinstance(ref, int) else Timex(**ref)

    events = []
    for e in d.get("events", []):
        e = _fill_slice(_fill_slice(e, text, "text", "start", "end"), text, "trigger", "trigger_start", "trigger_end")
        events.append(Event(**{**e, "source": [actor_of(a) for a in e.get("source", [])],
                               "target": [actor_of(a) for a in e.get("target", [])], "timex": timex_of(e.get("timex"))}))
    quotes = [
        Quote(**{**q, "speaker": actor_of(q["speaker"]) if q.get("speaker") is not None else None})
        for q in (_fill_slice(q, text, "text", "start", "end") for q in d.get("quotes", []))
    ]
    return Analysis(article=article, actors=actors, timexes=timexes, events=events, quotes=quotes,
                    sentences=[tuple(s) for s in d.get("sentences", [])])  # type: ignore[misc]


def _analysis_from_v1(d: dict[str, Any]) -> Analysis:
    return Analysis(
        article=Article(**d["article"]),
        actors=[_actor_from(a) for a in d.get("actors", [])],
        timexes=[Timex(**t) for t in d.get("timexes", [])],
        events=[_event_from(e) for e in d.get("events", [])],
        quotes=[
            Quote(**{**q, "speaker": _actor_from(q["speaker"]) if q.get("speaker") else None})
            for q in d.get("quotes", [])
        ],
        sentences=[tuple(s) for s in d.get("sentences", [])],  # type: ignore[misc]
    )


def _omit_slice(d: dict[str, Any], text: str, key: str, start: str, end: str) -> dict[str, Any]:
    """Leave out ``d[key]`` when it is only the article's text between the offsets."""
    s, e = d.get(start), d.get(end)
    if isinstance(s, int) and isinstance(e, int) and d.get(key) == text[s:e]:
        del d[key]
    return d


def _fill_slice(d: dict[str, Any], text: str, key: str, start: str, end: str) -> dict[str, Any]:
    return d if key in d else {**d, key: text[d[start] : d[end]]}
