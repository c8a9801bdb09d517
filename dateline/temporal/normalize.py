"""Normalization: a relative description and an anchor date give a TIMEX3 value."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .lexicon import HOLIDAYS, SEASON_START, _shift_months, _week_value

# ---------------------------------------------------------------------------- resolution


def _anchor_date(anchor: str) -> dt.date:
    return dt.date.fromisoformat(anchor[:10])


FUTURE_WEIGHT = 3  # with no tense to go by, news speaks of the past: the future must be 3x closer


def _pick(candidates: list[dt.date], anchor: dt.date, direction: int, strict: bool = False) -> dt.date:
    """The candidate date on the side of the anchor that the direction asks for.

    -1 is the latest on or before the anchor, 1 the earliest on or after it (strictly
    when ``strict``), 0 the nearest, the future counting ``FUTURE_WEIGHT`` times as far.
    """
    if direction < 0:
        past = [c for c in candidates if c < anchor or (c == anchor and not strict)]
        return max(past) if past else min(candidates)
    if direction > 0:
        future = [c for c in candidates if c > anchor or (c == anchor and not strict)]
        return min(future) if future else max(candidates)
    return min(
        candidates, key=lambda c: (c - anchor).days * FUTURE_WEIGHT if c > anchor else (anchor - c).days
    )


def _value(rel: dict[str, Any], anchor: dt.date) -> str:
    """The TIMEX3 value of a relative description against an anchor date."""
    direction = rel.get("direction") or 0
    strict = bool(rel.get("strict"))
    time = rel.get("time", "")
    if "weekday" in rel and "month" in rel:
        return _month_value(rel, anchor, direction, strict) + time
    if "weekday" in rel and "week_offset" in rel:
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=rel["week_offset"])
        return (monday + dt.timedelta(days=rel["weekday"])).isoformat() + time
    if "weekday" in rel:
        days = [
            anchor + dt.timedelta(days=(rel["weekday"] - anchor.weekday()) % 7 + k) for k in (-14, -7, 0, 7)
        ]
        day = _pick(days, anchor, direction, strict)
        return _week_value(day) + "-WE" if rel.get("weekend") else day.isoformat() + time
    if "holiday" in rel:
        fn = HOLIDAYS[rel["holiday"]]
        day = _pick([fn(anchor.year + k) for k in (-1, 0, 1)], anchor, direction, strict)
        return (_week_value(day) if rel.get("week") else day.isoformat()) + time
    if "month" in rel:
        return _month_value(rel, anchor, direction, strict) + time
    if "season" in rel:
        return _season_value(rel, anchor, direction, strict)
    if "quarter" in rel:
        if "year_offset" in rel or "direction" not in rel:
            return f"{anchor.year + rel.get('year_offset', 0)}-Q{rel['quarter']}"
        mids = [dt.date(anchor.year + k, 3 * rel["quarter"] - 1, 15) for k in (-1, 0, 1)]
        return f"{_pick(mids, anchor, 0).year}-Q{rel['quarter']}"
    if "half" in rel:
        return f"{anchor.year + rel.get('year_offset', 0)}-H{rel['half']}"
    return _unit_value(rel["unit"], rel.get("offset", 0), anchor) + time


def _month_value(rel: dict[str, Any], anchor: dt.date, direction: int, strict: bool) -> str:
    month, day = rel["month"], rel.get("day")
    if "year_offset" in rel:
        year = anchor.year + rel["year_offset"]
        return f"{year}-{month:02d}" + (f"-{day:02d}" if day else "")
    cands = [c for c in (_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if c] if day else []
    if cands:  # "April 31" names no day: its month is all it says
        if "weekday" in rel:
            matching = [c for c in cands if c.weekday() == rel["weekday"]]
            if matching:
                return min(matching, key=lambda c: abs((c - anchor).days)).isoformat()
        return _within_a_year(cands, anchor, direction, strict).isoformat()
    firsts = [dt.date(anchor.year + k, month, 1) for k in (-1, 0, 1)]
    picked = _within_a_year(firsts, anchor.replace(day=1), direction, strict)
    return f"{picked.year}-{month:02d}"


FAR = 300  # days: a date this far on the tense's side is more likely the near one on the other side


def _within_a_year(candidates: list[dt.date], anchor: dt.date, direction: int, strict: bool) -> dt.date:
    """The tense's pick, unless it lies about a year away while the other side is close:
    "was extended to Nov. 16" written in late October means this November."""
    picked = _pick(candidates, anchor, direction, strict)
    if strict or abs((picked - anchor).days) <= FAR:
        return picked
    return min(candidates, key=lambda c: abs((c - anchor).days))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _season_value(rel: dict[str, Any], anchor: dt.date, direction: int, strict: bool) -> str:
    season = rel["season"]
    if "year_offset" in rel:
        return f"{anchor.year + rel['year_offset']}-{season}"
    starts = [dt.date(anchor.year + k, SEASON_START[season], 1) for k in (-1, 0, 1)]
    current = anchor.replace(day=1)
    if strict and direction < 0:
        return f"{anchor.year - 1}-{season}"
    picked = _pick(starts, current, direction, strict)
    if direction < 0 and not strict and picked < current - dt.timedelta(days=300):
        picked = starts[1]
    return f"{picked.year}-{season}"


def _unit_value(unit: str, offset: float, anchor: dt.date) -> str:
    if unit == "fortnight":
        unit, offset = "week", 2 * offset
    n = int(offset)
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        return _week_value(anchor + dt.timedelta(weeks=n))
    if unit == "weekend":
        saturday = anchor + dt.timedelta(days=5 - anchor.weekday())
        if n < 0:
            saturday = anchor - dt.timedelta(days=(anchor.weekday() - 5) % 7 or 7) + dt.timedelta(weeks=n + 1)
        elif n > 0:
            saturday = anchor + dt.timedelta(days=(5 - anchor.weekday()) % 7 or 7) + dt.timedelta(weeks=n - 1)
        return _week_value(saturday) + "-WE"
    if unit == "month":
        day = _shift_months(anchor, n)
        return f"{day.year}-{day.month:02d}"
    if unit == "quarter":
        day = _shift_months(anchor, 3 * n)
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{(anchor.year // 10 + n):03d}"
    if unit == "century":
        return f"{(anchor.year // 100 + n):02d}"
    if unit in ("hour", "minute", "second"):
        seconds = {"hour": 3600, "minute": 60, "second": 1}[unit] * n
        moment = dt.datetime.combine(anchor, dt.time(12)) + dt.timedelta(seconds=seconds)
        return moment.date().isoformat()
    raise ValueError(f"unknown time unit {unit!r}")


def _placeholder(rel: dict[str, Any]) -> str:
    """The value of a relative expression when no anchor date is known (TimeML's X digits)."""
    time = rel.get("time", "")
    if rel.get("weekend"):
        return "XXXX-WXX-WE"
    if "month" in rel:
        return f"XXXX-{rel['month']:02d}" + (f"-{rel['day']:02d}" if rel.get("day") else "") + time
    if "weekday" in rel or "holiday" in rel:
        return ("XXXX-WXX" if rel.get("week") else "XXXX-XX-XX") + time
    if "season" in rel:
        return f"XXXX-{rel['season']}"
    if "quarter" in rel:
        return f"XXXX-Q{rel['quarter']}"
    if "half" in rel:
        return f"XXXX-H{rel['half']}"
    unit = rel["unit"]
    return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
            "quarter": "XXXX-QX", "year": "XXXX", "decade": "XXX",
            "century": "XX"}.get(unit, "XXXX-XX-XX") + time  # fmt: skip


def calendar_date(value: str) -> tuple[str | None, str | None]:
    """The calendar date a TIMEX value names, with its precision, or (None, None) for weeks,
    quarters, seasons, durations and the like, which are not one day, month or year.

    >>> calendar_date("2025-05-05TMO"), calendar_date("2024-W21"), calendar_date("2014")
    (('2025-05-05', 'day'), (None, None), ('2014', 'year'))
    """
    day = value.split("T")[0]
    precision = precision_of(day)
    return (day, precision) if precision else (None, None)


def precision_of(value: str) -> str | None:
    """The precision ("day", "month" or "year") of a DATE value, else None.

    >>> precision_of("2025-05-05"), precision_of("2024-11"), precision_of("2014"), precision_of("P6M")
    ('day', 'month', 'year', None)
    """
    if re.fullmatch(r"\d{4}-\d\d-\d\d(?:T.*)?", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
