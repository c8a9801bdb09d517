"""Political events in PLOVER 2021 categories, one record per event mention.

A trigger lexicon (``data/events_lexicon.tsv``) names the verbs and nouns that report an
event; the dependency parse supplies who did it to whom. Clause analysis sets the status
PLOVER leaves to the coder: ``planned`` ("will host", "is set to host"), ``hypothetical``
("if sealed, would provide"), ``negated`` ("did not attend"). A trigger inside the complement
of a speech act ("agreed to cooperate", "threatened to ban") is that act's content, not a
second event, and a noun that restates its verb ("hosted ... for talks") is the same event.

``to_plover`` turns Dateline's record into strict PLOVER: future cooperation is AGREE,
future hostility is THREATEN, refused cooperation is REJECT.

One module per job, each importing only those below it: :mod:`.vocabulary` (lexicon, word
classes) and :mod:`.syntax` (parse helpers) at the bottom, :mod:`.mention` (the event under
assembly), then :mod:`.arguments` (who to whom), :mod:`.status` (did it happen), :mod:`.sense`
(is it an event at all), :mod:`.dates` (when and where), :mod:`.figures` (toll and weapon) and
:mod:`.triggers` (which words); this module puts them in order.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span

from dateline.model import Actor, Article, Event, Timex

from .arguments import ActorIndex, content_target, noun_arguments, verb_arguments
from .dates import (
    assign_timexes,
    country_of,
    date_earlier,
    date_mentions,
    place,
    reported_as_news,
    timexes_by_sentence,
)
from .figures import casualties, instrument_mode
from .mention import Mention
from .sense import keep_events, merge_same
from .status import clause_status, commit_type, content_scope, nominal_status
from .triggers import find_triggers
from .vocabulary import (
    COOPERATIVE,
    HOSTILE_MATERIAL,
    MUTUAL_TYPES,
    THREAT_MODE,
    TYPES,
    Entry,
    contexts,
    lexicon,
    use_kb,
)

__all__ = ["TYPES", "Entry", "contexts", "find_event_mentions", "find_events", "lexicon", "to_plover", "use_kb"]


PLOVER_CODES = {"UNO": "IGO", "EUR": "IGO"}  # PLOVER's non-state codes name no UN or EU
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE"})
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})  # PLOVER: "Requires recipient: Yes"
COERCE_THREAT_MODE = {"arrest": "arrest", "ban": "ban", "curfew": "restrict", "deport": "expel"}


def find_events(doc: Doc, article: Article, actors: list[Actor], timexes: list[Timex]) -> list[Event]:
    """Code every event mention in an article.

    >>> # "Rajnath Singh on Monday hosted Gen Nakatani for talks."
    >>> # -> [Event(type="CONSULT", mode="visit", source=[Nakatani], target=[Singh], ...)]
    """
    return [event for event, _ in find_event_mentions(doc, article, actors, timexes)]


def find_event_mentions(
    doc: Doc, article: Article, actors: list[Actor], timexes: list[Timex]
) -> list[tuple[Event, Mention]]:
    """Every event with the mention it was coded from (its trigger and argument tokens), for
    tools that read the analysis itself, such as the source and target spans of ``eval dyads``."""
    index = ActorIndex(actors)
    events: list[tuple[Event, Mention]] = []
    earlier: list[tuple[int, str]] = []  # events set "at their last meeting", dated once the article is read
    sentence_timexes = timexes_by_sentence(doc, timexes)
    for s_i, sent in enumerate(doc.sents):
        mentions = find_triggers(sent)
        if not mentions:
            continue
        scopes = {id(m): content_scope(m) for m in mentions}
        keep = []
        for m in mentions:
            outers = [o for o in mentions if o is not m and m.trigger.i in scopes[id(o)]]
            if outers:
                continue
            inner = [i for i in mentions if i.trigger.i in scopes[id(m)]]
            commit_type(m, inner)
            keep.append((m, inner))
        for m, inner in keep:
            (noun_arguments if m.nominal else verb_arguments)(m, index)
            if not m.target and "content" in m.entry.flags:
                content_target(m, inner, index)
            m.status = clause_status(m.clause)
            if m.nominal:
                m.status = nominal_status(m.trigger, m.status)
        mentions = [m for m, _ in keep]
        figures = casualties(sent)
        assign_timexes(doc, sent, mentions, sentence_timexes[s_i])
        mentions = merge_same(mentions)
        if figures:
            assault = next((m for m in mentions if m.type == "ASSAULT"), None)
            if assault is not None:
                assault.figures = figures
        nouns = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN")}
        mentions = keep_events(mentions, sent, s_i, nouns)
        date_mentions(doc, sent, mentions, sentence_timexes[s_i], article.published)
        instrument = instrument_mode(sent)
        for m in mentions:
            if m.type == "ASSAULT" and instrument and (m.mode is None or m.mode == "firearms"):
                m.mode = instrument
            others = {x.trigger.i for x in mentions if x is not m}
            if m.refers:
                earlier.append((len(events), m.refers))
            events.append((_to_event(m, s_i, sent, doc, article, index, others), m))
    date_earlier([event for event, _ in events], earlier)
    return events


def _to_event(
    m: Mention, s_i: int, sent: Span, doc: Doc, article: Article, index: ActorIndex, others: set[int]
) -> Event:
    date, precision = m.date, m.date_precision
    actor_tokens: set[int] = set()
    for a in m.source + m.target:
        for mention in a.mentions:
            if sent.start_char <= mention.start < sent.end_char:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    actor_tokens.update(t.i for t in span)
    location = place(m, doc, actor_tokens, others)
    if location is None and article.place and reported_as_news(m.timex, date, precision, article.published):
        location = {"name": article.place, "country": country_of(article.place)}
    if (
        m.type in MUTUAL_TYPES
        and m.mode in (None, "multilateral")
        and any(t.lemma_.lower() in ("sideline", "summit") for t in sent)
    ):
        m.mode = "multilateral"
    return Event(
        type=m.type,
        mode=m.mode,
        status=m.status,
        source=m.source,
        target=m.target,
        trigger=m.trigger.text,
        trigger_start=m.trigger.idx,
        trigger_end=m.trigger.idx + len(m.trigger.text),
        sentence=s_i,
        start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()),
        text=sent.text.rstrip(),
        date=date,
        date_precision=precision,
        timex=m.timex,
        location=location,
        figures=dict(m.figures),
        before=m.before,
        reported=article.published,
    )


def to_plover(event: Event) -> dict[str, Any] | None:
    """The event in strict PLOVER 2021, or None when PLOVER would not code it.

    PLOVER has no future or negated events of its own: "all cooperative actions reported in
    future tense" are AGREE, future hostile acts are THREATEN, refusing future cooperation is
    REJECT; negated past events are left out, and so is any event without a named source
    ("4 people were killed in a bombing"), as the PLOVER manual prescribes.

    >>> # planned CONSULT (Singh will host Nakatani) -> {"type": "AGREE", ...}
    """
    type_, mode, status = event.type, event.mode, event.status
    source, target = event.source, event.target
    if not source:
        return None
    if status in ("planned", "hypothetical"):
        if status == "hypothetical" and not source:
            return None
        if type_ in COOPERATIVE:
            type_, mode = "AGREE", None
        elif type_ in HOSTILE_MATERIAL:
            mode = COERCE_THREAT_MODE.get(mode or "") if type_ == "COERCE" else THREAT_MODE.get(type_)
            type_ = "THREATEN"
    elif status == "negated":
        if type_ not in COOPERATIVE or not _future(event):
            return None
        type_, mode = "REJECT", None
    elif type_ == "CONSULT" and mode in (None, "multilateral", "third-party"):
        source, target = source + [a for a in target if a not in source], []

    def side(actors: list[Actor]) -> list[dict[str, Any]]:
        return [{"country": PLOVER_CODES.get(a.country or "", a.country), "sector": a.sector} for a in actors]

    recipients = side(target)
    if not recipients and type_ in DOMESTIC:
        recipients = _domestic_recipient(event)
    elif not recipients and type_ in NEEDS_RECIPIENT and (event.location or {}).get("country"):
        recipients = [{"country": event.location["country"], "sector": None}]  # type: ignore[index]
    return {"type": type_, "mode": mode, "status": event.status, "source": side(source), "target": recipients}


def _domestic_recipient(event: Event) -> list[dict[str, Any]]:
    """PLOVER codes a protest, a crackdown or a concession with no named recipient against the
    country where it happens (else the source's own country)."""
    country = (event.location or {}).get("country")
    countries = [country] if country else [a.country for a in event.source if a.country]
    return [{"country": c, "sector": None} for c in dict.fromkeys(countries)]


def _future(event: Event) -> bool:
    offset = event.trigger_start - event.start
    text = event.text[max(0, offset - 40) : offset].lower()
    return bool(re.search(r"\b(will|won't|would|shall)\b", text))
