"""Where and how many: the place a sentence names and the toll it gives, as they tie or part
tellings of harm.

A toll may rise between reports of one attack but not move to another town; tellings that name no
one on either side (a blast, a shelling) are one act only on the same named day with the same toll
or the same place; the same toll in the same place on the same day ties an attack whoever is named.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from .anchors import HARM, within_act
from .mention_dates import MIN_DAY, REPORT_WINDOW, DateSpan
from .mention_text import SHARED_WORDS, actor_name_words, definite_noun, named_place, sentence_towns
from .model import Event

if TYPE_CHECKING:
    from .merge import EventMention, _Group


def distinct_harm(group: _Group, mention: EventMention) -> bool:
    """Killings, attacks and arrests in different towns, or with different tolls in different named
    places, are different events, however alike their sides ("Israeli troops" shot someone in two
    towns): a toll may rise between reports of one attack, but not move to another town. Without a
    place named in both sentences, different tolls of one report and another are read as two events
    as well when both come from one article (a roundup lists its incidents one by one), or when the
    sentences share too few words to tell one attack."""
    if mention.event.type not in HARM:
        return False
    towns = sentence_towns(mention.event.text)
    if towns and any((other_towns := sentence_towns(m.event.text)) and not towns & other_towns
                     for m in group.mentions):
        return True
    if not mention.event.figures or within_act(mention.event):
        return False  # "two guards died in the raid": a part of the raid's toll, not another toll
    place = named_place(mention.event)
    for other in group.mentions:
        if within_act(other.event):
            continue
        figures = other.event.figures
        # tolls that disagree, or that count different things ("four were killed", "three were injured")
        if not figures or not (tolls_differ(mention.event, other.event)
                               or not figures.keys() & mention.event.figures.keys()):
            continue
        other_place = named_place(other.event)
        if place and other_place and place != other_place:
            return True
        if other.article == mention.article and other.event.sentence != mention.event.sentence:
            return True
        names = actor_name_words(other.event) | actor_name_words(mention.event)
        if len((mention.content & other.content) - names) < SHARED_WORDS:
            return True  # other tolls told in other words: another attack
    return False


def tolls_differ(a: Event, b: Event) -> bool:
    """Some count both tellings give differs ("killed five" and "killed two"); counts of different
    things ("four killed", "three injured") do not differ here."""
    return any(k in b.figures and b.figures[k] != v for k, v in a.figures.items())


def same_toll(a: Event, b: Event) -> bool:
    """Both tellings give a toll, of the same things, and no figure differs."""
    return bool(a.figures.keys() & b.figures.keys()) and not tolls_differ(a, b)


def unnamed_tie(group: _Group, mention: EventMention, span: DateSpan) -> bool:
    """Nobody named on either side ("a blast at the quarry", "the talks resumed"): within a story,
    tellings that name the same day and share words of what happened (not the monitor both quote,
    nor "eastern") are one act. Harm needs more: a day and "a bomb exploded" fit every blast of the
    day, so tellings in other articles must also give the same toll or name the same place, and a
    sentence of the same article must tell the act as one told before ("the raid")."""
    if not same_named_day(group, span):
        return False
    if len(mention.plain & set().union(*(m.plain for m in group.mentions))) < SHARED_WORDS:
        return False
    if any(tolls_differ(mention.event, m.event) for m in group.mentions):
        return False  # a car bomb that killed five soldiers is not the one that killed two that day
    if mention.event.type not in HARM:
        return True
    if mention.article in group.articles:
        # a roundup's next item is told anew ("a bomb exploded"); "the raid" is its article's act again
        return definite_noun(mention.event) is not None
    place = named_place(mention.event)
    return all(same_toll(mention.event, m.event) for m in group.mentions) or bool(place) and all(
        named_place(m.event) == place for m in group.mentions)


def same_toll_place_and_day(group: _Group, mention: EventMention, span: DateSpan) -> bool:
    """An attack told with the same toll, in the same place the sentence names, on the same named
    day as every member: "a roadside bomb killed three police officers in Kandahar province on
    Friday", "the bomb killed three officers in Kandahar province on Friday", whoever is named."""
    event = mention.event
    place = named_place(event)
    if event.type not in HARM or not event.figures or not place or not same_named_day(group, span):
        return False
    for m in group.mentions:
        figures = m.event.figures
        if named_place(m.event) != place or not figures or any(
                figures.get(k, v) != v for k, v in event.figures.items()) or not figures.keys() & event.figures.keys():
            return False
    return all(exact_day(s) and s.lo == span.lo for s in group.spans)


def same_place_and_day(group: _Group, event: Event, span: DateSpan, same_story: bool = False) -> bool:
    """The same place, named in the sentence itself (not just the dateline every report of the
    day shares), on the same named day: the attack in Pahalgam on April 22. Within a story, one
    report naming the day is enough when the other's dates allow it."""
    place = named_place(event)
    if not place or place not in group.places:
        return False
    if event.type in HARM:
        # a conflict's territory ("the Gaza Strip") or the country round a city ("north of Baghdad")
        # sees several attacks a day: only a town both name as the place itself is an anchor
        if not town_itself(event.text, place) or not any(town_itself(m.event.text, place) for m in group.mentions):
            return False
    if exact_day(span):
        return any(exact_day(s) and s.lo == span.lo for s in group.spans) or (same_story and all(
            s.compatible(span) and narrow(s) for s in group.spans))
    return same_story and narrow(span) and any(exact_day(s) for s in group.spans) and all(
        s.compatible(span) and narrow(s) for s in group.spans)


def narrow(span: DateSpan) -> bool:
    """A day, or the days just before a report: not the weeks a plan that names no day may fall in
    (a wish to visit Oslo "later in the year" is not the visit of someone else who landed there)."""
    return exact_day(span) or (
        span.weak and span.lo != MIN_DAY and span.hi - span.lo <= dt.timedelta(days=REPORT_WINDOW))


def town_itself(text: str, place: str) -> bool:
    """The sentence names a town as where it happened, not as a bearing from it ("west of Baghdad");
    a part of the town ("in northern Bogota") is in it."""
    town = re.sub(r"^(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+", "", place, flags=re.I)
    return town in sentence_towns(text) and not re.search(
        r"\b(?:north|south|east|west)(?:-?(?:east|west))?\s+of\s+" + re.escape(place), text, re.I
    )


def same_named_day(group: _Group, span: DateSpan) -> bool:
    return exact_day(span) and any(exact_day(s) and s.lo == span.lo for s in group.spans)


def exact_day(span: DateSpan) -> bool:
    return span.precision == "day" and not span.weak
