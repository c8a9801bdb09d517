"""The records that flow through the pipeline.

Every stage takes what earlier stages produced and adds its own fields; nothing here
knows about spaCy, SQLite or the command line, so these records cross process
boundaries (the local pool, Dask) as plain picklable data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
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


def analysis_to_dict(analysis: Analysis) -> dict[str, Any]:
    """A JSON-ready dict of an Analysis (the store keeps it as one document per article)."""
    return asdict(analysis)


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """The inverse of analysis_to_dict: ``analysis_from_dict(analysis_to_dict(a)) == a``."""
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
