"""Story date anchoring: an article without a publication date is dated by its story.

Merging compares dates, so an undated report must first be placed in time; its story's dated
articles are the only anchors it has. This runs before merging, per story.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from .dates import day_of
from .merge import EventMention, _mention_keys, _place_country
from .model import Analysis, Event, Timex
from .temporal import calendar_date



def infer_dates(undated: Analysis, story: list[Analysis]) -> Analysis:
    """Anchor an article without a publication date on the dated articles of its story.

    The rule: a report is no earlier than the story's dated articles it follows (the latest
    of them is the floor), and no earlier than the events it reports as having happened.
    When one of its occurred events carries an unresolved relative date ("on Monday") and
    the story holds a dated mention of the same event, the earliest publication date at
    which that expression resolves to the mention's date is taken. The publication date is
    the latest of these bounds, marked ``published_inferred``; then every relative date of
    the article is resolved against it and event dates follow their timexes. An article
    whose story has no dated article is returned unchanged.
    """
    article = undated.article
    if article.published and not article.published_inferred:
        return undated
    dated = [a for a in story if a.article.published and not a.article.published_inferred]
    if not dated:
        return undated
    days = [d for d in (day_of(a.article.published) for a in dated) if d is not None]
    if not days:
        return undated
    floor = max(days)
    bounds = [floor]
    story_mentions = [EventMention(e, a.article.id, a.article.published) for a in dated for e in a.events]
    for event in undated.events:
        timex = event.timex
        if event.status != "occurred" or timex is None or not timex.relative:
            continue
        for day in _confirmed_days(event, story_mentions):
            anchor = _anchor_for(timex, day, floor)
            if anchor is not None:
                bounds.append(anchor)
    published = max(bounds).isoformat()
    timexes = [_resolve(t, published) for t in undated.timexes]
    by_span = {(t.start, t.end): t for t in timexes}
    events = [_redate(e, by_span, published) for e in undated.events]
    return replace(
        undated,
        article=replace(article, published=published, published_inferred=True),
        timexes=timexes,
        events=events,
    )


def _confirmed_days(event: Event, mentions: list[EventMention]) -> list[dt.date]:
    """Days that dated story mentions of the same event name for it."""
    keys = _mention_keys(event)
    country = _place_country(event)
    days = []
    for m in mentions:
        other = m.event
        if other.type != event.type or other.status not in ("planned", "occurred"):
            continue
        if other.timex is None or other.date_precision != "day" or not other.date:
            continue
        other_keys = _mention_keys(other)
        if keys and other_keys and not keys & other_keys:
            continue
        other_country = _place_country(other)
        if country and other_country and country != other_country:
            continue
        day = day_of(other.date)
        if day is not None:
            days.append(day)
    return days


def _anchor_for(timex: Timex, day: dt.date, floor: dt.date, horizon: int = 14) -> dt.date | None:
    """The earliest publication date, from ``floor`` on, at which ``timex`` means ``day``."""
    for offset in range(horizon + 1):
        anchor = floor + dt.timedelta(days=offset)
        if anchor < day - dt.timedelta(days=horizon):
            continue
        if _resolve(timex, anchor.isoformat()).value[:10] == day.isoformat():
            return anchor
    return None


def _resolve(timex: Timex, anchor: str) -> Timex:
    """Resolve a relative timex against an anchor (temporal.resolve, re-run from ``relative``)."""
    if not timex.relative:
        return timex
    from .temporal import resolve

    return resolve(replace(timex, anchored=False), anchor)


def _redate(event: Event, timexes: dict[tuple[int, int], Timex], published: str) -> Event:
    timex = event.timex
    if timex is None:
        # No date of its own: like what a dated article reports, it is bounded by the publication date.
        if event.date or event.status not in ("occurred", "negated"):
            return replace(event, reported=published)
        return replace(event, before=min(event.before or published, published), reported=published)
    if not timex.relative:
        return event
    resolved = timexes.get((timex.start, timex.end)) or _resolve(timex, published)
    date, precision = calendar_date(resolved.value)
    if date is None:
        return replace(event, timex=resolved)
    return replace(event, timex=resolved, date=date, date_precision=precision)
