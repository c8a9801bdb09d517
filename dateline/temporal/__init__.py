"""Temporal expressions: find them in news text and normalize them to TIMEX3 values.

News reports speak of time relative to the day they are published: "on Monday" in a
preview ("will host ... on Monday") is the next Monday, in a report ("on Monday hosted")
the last one; "in November" in a May article is last November when the clause is in the
past. General-purpose date parsers pick one direction for every case, so Dateline keeps
its own grammar and resolves each expression against the publication date and the tense
of its clause.

The work is in three steps, each a pure function in its own module:

1. *recognition* (:mod:`.rules_calendar`, :mod:`.rules_relative`, written in the pattern
   language of :mod:`.grammar` over the words of :mod:`.lexicon`; :mod:`.matching` picks the
   longest expressions): each candidate becomes either a final value ("2014", "P6M",
   "PRESENT_REF") or a ``relative`` description ({"weekday": 0, "direction": -1},
   {"unit": "year", "offset": -1}, ...);
2. *direction* (:mod:`.tense`): expressions whose reading depends on tense (weekdays, months,
   seasons without a year) take their direction from the clause (see ``clause_tense``);
3. *normalization* (:mod:`.normalize`; anchoring here): a relative description is turned into
   a value against an anchor date — the publication date, the reference time the text has
   set ("ten days earlier"), or later a date the story stage supplies (``resolve``).

Values follow TimeML / TempEval-3: 2025-05-05, 2024-11, 2014, 199 (the 1990s), 19 (the 20th
century), 2025-W19, 2025-W18-WE, 2025-Q3, 2025-H1, 2025-SU, 2025-05-06TMO,
2025-05-06T22:00, P6M, PT3H, PXY, PRESENT_REF, PAST_REF, FUTURE_REF; unresolved parts are X.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc

from dateline.model import Timex

from . import rules_calendar, rules_relative  # noqa: F401  (registers the recognizers, in this order)
from .grammar import Found
from .lexicon import duration_value, number
from .matching import _candidates, _merge_times, _select, _with_prefix, _without_determiner
from .normalize import _anchor_date, _placeholder, _unit_value, _value, calendar_date, precision_of
from .tense import _direction, clause_tense, possessive

__all__ = [
    "calendar_date",
    "clause_tense",
    "duration_value",
    "find_timexes",
    "number",
    "precision_of",
    "resolve",
]


def resolve(timex: Timex, anchor: str) -> Timex:
    """Resolve an unanchored timex against an anchor date ("YYYY-MM-DD").

    >>> t = find_timexes("Singh on Monday hosted Nakatani.", None)[0]
    >>> t.value, resolve(t, "2025-05-06").value
    ('XXXX-XX-XX', '2025-05-05')
    """
    if timex.relative is None:
        return timex
    return replace(timex, value=_value(timex.relative, _anchor_date(anchor)), anchored=True)


def find_timexes(text: str, dct: str | None, doc: Doc | None = None) -> list[Timex]:
    """Every temporal expression in ``text``, normalized against the publication date ``dct``.

    ``dct`` is "YYYY-MM-DD" (a time part is ignored) or None; with None, relative
    expressions get X placeholders, ``anchored=False`` and a ``relative`` description that
    ``resolve`` completes later. ``doc`` is the spaCy parse of ``text`` when the caller has
    one (tense decides weekdays and months without a year); otherwise it is parsed here.

    >>> [(t.text, t.value) for t in find_timexes("Singh will host Nakatani on Monday.", "2025-05-04")]
    [('Monday', '2025-05-05')]
    """
    selected = _select(list(_candidates(text)))
    found = _merge_times([_without_determiner(_with_prefix(f, text), text) for f in selected], text)
    if any(f.relative is not None and f.relative.get("direction", 0) is None for f in found) and doc is None:
        from dateline.annotate import parse

        doc = parse(text)
    anchor = _anchor_date(dct) if dct else None
    return list(_resolve_all(found, text, doc, anchor))


@dataclass
class _Context:
    """The reference time of the text so far: the last day, month, year and quarter named."""

    day: dt.date | None = None
    month: dt.date | None = None
    year: dt.date | None = None
    quarter: str | None = None

    def remember(self, value: str) -> None:
        if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
            self.day = self.month = self.year = dt.date.fromisoformat(value[:10])
        elif re.fullmatch(r"\d{4}-\d\d", value):
            self.month = self.year = dt.date(int(value[:4]), int(value[5:]), 1)
            self.day = None
        elif re.fullmatch(r"\d{4}", value):
            self.year = dt.date(int(value), 7, 1)
            self.day = self.month = None
        elif re.fullmatch(r"\d{4}-Q\d", value):
            self.quarter = value

    def base(self, unit: str | None) -> dt.date | None:
        """The reference date for an anaphoric expression of the given unit."""
        if unit in ("year", "decade", "century"):
            return self.year
        if unit in ("month", "quarter"):
            return self.month
        return self.day


def _resolve_all(found: list[Found], text: str, doc: Doc | None, anchor: dt.date | None) -> Iterator[Timex]:
    """Turn candidates into timexes in text order, keeping the reference time for anaphoric
    expressions ("the same day", "the quarter", "a year earlier", "10 p.m.").

    A candidate that names no real day ("April 31", "2025-02-30") or lies past the calendar
    ("99999999999 days ago") gets no timex; the article's other expressions keep theirs.
    """
    ctx = _Context()
    explicit_end: int | None = None  # where the last full date ended
    for f in found:
        try:
            timex, explicit_end = _resolve_one(f, text, doc, anchor, ctx, explicit_end)
        except (ValueError, OverflowError):
            continue
        yield timex


def _resolve_one(
    f: Found, text: str, doc: Doc | None, anchor: dt.date | None, ctx: _Context, explicit_end: int | None
) -> tuple[Timex, int | None]:
    """One candidate's timex, and where the last full date ended after it (``ctx`` is updated)."""
    span = text[f.start : f.end]
    if f.relative is None:
        value = f.value or ""
        ctx.remember(value)
        if re.match(r"\d{4}-\d\d-\d\d", value):
            explicit_end = f.end
        return Timex(f.start, f.end, span, f.type, value), explicit_end
    rel = {k: v for k, v in f.relative.items() if k not in ("reference", "shift")}
    if f.relative.get("reference") and rel.get("unit") == "year" and ctx.year is None and "year_offset" in rel:
        # "that May" with no year named before it: the last May (a distal month is one looked back on)
        rel = {k: v for k, v in rel.items() if k not in ("unit", "year_offset")} | {"direction": -1, "strict": True}
    by_tense = rel.get("direction", 0) is None
    if by_tense:
        rel["direction"] = _direction(f, text, doc)
        if rel["direction"] < 0 and "month" in rel and possessive(f, doc):
            rel["strict"] = True  # "February's killing" in December: this year's, however long ago
    value = _from_context(f.relative, ctx, anchor)
    if value is None and by_tense and _beside(text, explicit_end, f.start) and ctx.year is not None:
        # "on Saturday 5 September 2015 – Labor Day weekend": the day beside the named date, not
        # one near the publication; the named date stays the reference
        if any(k in rel for k in ("month", "holiday", "season")) and "year_offset" not in rel:
            near = ctx.day or ctx.month or ctx.year
            return Timex(f.start, f.end, span, f.type, _value({**rel, "direction": 0}, near)), explicit_end
    coarse = ctx.day is None and ctx.year is not None and f.relative.get("reference")
    if value is None and coarse and f.relative.get("shift") and rel.get("unit") in ("day", "week"):
        # "ten days earlier" than an event the text dates only by its year: that year
        return Timex(f.start, f.end, span, f.type, f"{ctx.year.year:04d}"), explicit_end  # type: ignore[union-attr]
    if value is None:
        base = ctx.base(rel.get("unit")) if f.relative.get("reference") else None
        base = base or anchor
        value = _value(rel, base) if base is not None else None
    anchored = value is not None
    timex = Timex(f.start, f.end, span, f.type, value if value is not None else _placeholder(rel), anchored, rel)
    if value is not None and not (f.relative.get("shift") or f.relative.get("reference")):
        ctx.remember(value)
    return timex, explicit_end


def _beside(text: str, end: int | None, start: int) -> bool:
    """Right after a full date, in apposition to it ("Saturday 31 August 2013 – Labor Day")."""
    return end is not None and 0 <= start - end <= 12 and not re.search(r"[.;!?]", text[end:start])


def _from_context(rel: dict[str, Any], ctx: _Context, anchor: dt.date | None) -> str | None:
    """Values that depend on the quarter under discussion, as earnings reports use them:
    "the quarter" is the quarter last named, "a year earlier" and "the year-ago period" are
    that quarter a year before (1989-Q3 -> 1988-Q3)."""
    quarter = ctx.quarter
    if rel.get("unit") == "quarter" and rel.get("reference"):
        if quarter is None and anchor is not None:
            quarter = _unit_value("quarter", -1, anchor)
        if quarter and "year" in rel:
            return f"{rel['year']}{quarter[4:]}"
        return _shift_quarter(quarter, rel.get("year_offset", 0)) if quarter else None
    if rel.get("shift") and rel.get("unit") == "year" and quarter is not None:
        return _shift_quarter(quarter, int(rel.get("offset", 0)))
    return None


def _shift_quarter(quarter: str, years: int) -> str:
    return f"{int(quarter[:4]) + years}{quarter[4:]}"
