"""When a mention says its event happened, as a span of days merging can compare.

A mention dated by its text (a day, a month or a year it names, or takes from the clause it hangs
from: "withdrew on Sunday, accusing ...") is that interval, even the day of its report; an
unresolved weekday is a constraint on the day; an undated mention is a window from its report
(an occurred event happened in the week before it, a planned one in the weeks after).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from .dates import day_of, value_interval
from .mention_text import stub_event  # noqa: F401  (the doctest's events)
from .model import Event
from .temporal import precision_of

# A report that names no date tells of the days just before it (wire copy is about this week's
# news, not last year's); a plan it announces without a date falls within the weeks after it.
REPORT_WINDOW = 7
PLANNED_WINDOW = 60
MIN_DAY = dt.date.min
MAX_DAY = dt.date.max


@dataclass
class DateSpan:
    """What a mention says about when its event happened.

    ``lo``/``hi`` bound the day; ``weekday`` (0 = Monday) constrains an unresolved weekday;
    ``value`` is the TIMEX value when the mention names a date itself; ``weak`` marks a span
    that only comes from the article's publication date.
    """

    lo: dt.date = MIN_DAY
    hi: dt.date = MAX_DAY
    weekday: int | None = None
    value: str | None = None
    precision: str | None = None
    weak: bool = False

    def compatible(self, other: DateSpan) -> bool:
        lo, hi = max(self.lo, other.lo), min(self.hi, other.hi)
        if lo > hi:
            return False
        weekdays = {w for w in (self.weekday, other.weekday) if w is not None}
        if len(weekdays) > 1:
            return False
        if weekdays and (hi - lo).days < 6:
            day = lo
            while day <= hi and day.weekday() not in weekdays:
                day += dt.timedelta(days=1)
            return day <= hi
        return True

    def gap(self, other: DateSpan) -> int:
        """Days between two spans (0 when they overlap)."""
        if self.lo > other.hi:
            return (self.lo - other.hi).days
        if other.lo > self.hi:
            return (other.lo - self.hi).days
        return 0


def date_span(event: Event, published: str | None = None) -> DateSpan:
    """Read a mention's date as a span.

    >>> e = stub_event(date="2025-05", date_precision="month")
    >>> s = date_span(e); (s.lo.isoformat(), s.hi.isoformat())
    ('2025-05-01', '2025-05-31')
    """
    timex = event.timex
    if event.date:
        span = _value_span(event.date)
        if span is not None:
            return replace(span, value=event.date, precision=event.date_precision or precision_of(event.date))
    if timex is not None and not timex.anchored and timex.relative:
        weekday = timex.relative.get("weekday")
        month = timex.relative.get("month")
        if weekday is not None or month is not None:
            return DateSpan(weekday=weekday, precision=None)
    anchor = day_of(event.date or published)
    if anchor is None:
        return DateSpan()
    if event.status == "planned":
        return DateSpan(lo=anchor, hi=anchor + dt.timedelta(days=PLANNED_WINDOW), weak=True)
    if event.status == "occurred":
        return DateSpan(lo=anchor - dt.timedelta(days=REPORT_WINDOW), hi=anchor, weak=True)
    return DateSpan(weak=True)


def _value_span(value: str) -> DateSpan | None:
    """The days a day, month or year value covers (weeks, seasons and the like date no mention here)."""
    if not re.fullmatch(r"\d{4}(?:-\d\d(?:-\d\d)?)?(T.*)?", value):
        return None
    interval = value_interval(value)
    return DateSpan(lo=interval[0], hi=interval[1]) if interval else None
