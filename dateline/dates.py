"""Calendar dates as feeds write them in metadata: one validated parser for every reader."""

from __future__ import annotations

import calendar
import datetime
import email.utils
import re

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y",
                 "%d %B %Y", "%d %b %Y", "%A, %B %d, %Y", "%a, %d %b %Y")


def parse_date(value: str | None) -> str | None:
    """An ISO day from the date formats feeds use, or None when the value is not a real date.

    Times and zones are dropped (the day as the source wrote it); ambiguous all-number orders
    other than year-first and day.month.year are not guessed.

    >>> [parse_date(v) for v in ("2025-05-04T18:05:00+01:00", "May 4, 2025", "4 May 2025", "2024-13-45", "soon")]
    ['2025-05-04', '2025-05-04', '2025-05-04', None, None]
    """
    if not value or not value.strip():
        return None
    text = " ".join(value.strip().split())
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", text)
    if m:
        try:
            return datetime.date(*map(int, m.groups())).isoformat()
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def day_of(value: str | None) -> datetime.date | None:
    """The calendar day an ISO date or timestamp starts with, or None.

    >>> day_of("2025-05-05T10:00"), day_of("2025-05"), day_of(None)
    (datetime.date(2025, 5, 5), None, None)
    """
    try:
        return datetime.date.fromisoformat(value[:10]) if value and len(value) >= 10 else None
    except ValueError:
        return None


_SEASON_END = {"SP": (5, 31), "SU": (8, 31), "FA": (11, 30)}


def value_interval(value: str) -> tuple[datetime.date, datetime.date] | None:
    """First and last day a TIMEX date value covers (a day, month, year, week, season, quarter,
    half, decade or century), or None.

    >>> value_interval("2025-05"), value_interval("2025-W19")[0], value_interval("PRESENT_REF")
    ((datetime.date(2025, 5, 1), datetime.date(2025, 5, 31)), datetime.date(2025, 5, 5), None)
    """
    day = value.split("T")[0]
    try:
        if m := re.fullmatch(r"(\d{4})-(\d\d)-(\d\d)", day):
            d = datetime.date(int(m[1]), int(m[2]), int(m[3]))
            return d, d
        if m := re.fullmatch(r"(\d{4})-(\d\d)", day):
            y, mo = int(m[1]), int(m[2])
            return datetime.date(y, mo, 1), datetime.date(y, mo, calendar.monthrange(y, mo)[1])
        if m := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", day):
            monday = datetime.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + datetime.timedelta(days=6)
        if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", day):
            y = int(m[1])
            if m[2] == "WI":
                return datetime.date(y, 12, 1), datetime.date(y + 1, 2, 28)
            month, last = _SEASON_END[m[2]]
            return datetime.date(y, month - 2, 1), datetime.date(y, month, last)
        if m := re.fullmatch(r"(\d{4})-Q([1-4])", day):
            y, q = int(m[1]), int(m[2])
            return datetime.date(y, 3 * q - 2, 1), datetime.date(y, 3 * q, calendar.monthrange(y, 3 * q)[1])
        if m := re.fullmatch(r"(\d{4})-H([12])", day):
            y, h = int(m[1]), int(m[2])
            return (datetime.date(y, 1, 1), datetime.date(y, 6, 30)) if h == 1 else (datetime.date(y, 7, 1), datetime.date(y, 12, 31))
        if m := re.fullmatch(r"(\d{4})", day):
            return datetime.date(int(m[1]), 1, 1), datetime.date(int(m[1]), 12, 31)
        if m := re.fullmatch(r"(\d{3})", day):
            return datetime.date(int(m[1]) * 10, 1, 1), datetime.date(int(m[1]) * 10 + 9, 12, 31)
        if m := re.fullmatch(r"(\d\d)", day):
            return datetime.date(int(m[1]) * 100, 1, 1), datetime.date(int(m[1]) * 100 + 99, 12, 31)
    except ValueError:
        return None
    return None


def is_date_prefix(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day: what the date filters take.

    >>> is_date_prefix("2025-05"), is_date_prefix("2025-02-30"), is_date_prefix("May")
    (True, False, False)
    """
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return False
    try:
        datetime.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return False
    return True
