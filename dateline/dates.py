"""Calendar dates as feeds write them in metadata: one validated parser for every reader."""

from __future__ import annotations

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
