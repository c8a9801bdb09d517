"""The words of time: month, weekday and number names, units, holidays, and the calendar
arithmetic every later step shares."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable

# ---------------------------------------------------------------------------- lexicon

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "nights": "NI"}

_UNITS_ = (
    "zero one two three four five six seven eight nine ten "
    "eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"
)
_TENS_ = "twenty thirty forty fifty sixty seventy eighty ninety"
NUMBER_WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS_.split())}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS_.split())})
NUMBER_WORDS.update({"a": 1, "an": 1, "a single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
                     "a dozen": 12, "dozen": 12, "a hundred": 100, "hundred": 100,
                     "a thousand": 1000})  # fmt: skip
VAGUE_NUMBERS = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "numerous",
    "dozens of",
    "hundreds of",
)
ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINAL_WORDS.update({f"twenty-{w}": 20 + ORDINAL_WORDS[w] for w in list(ORDINAL_WORDS)[:9]})
ORDINAL_WORDS.update({"thirtieth": 30, "thirty-first": 31, "final": 4, "last": 4})

# unit -> (TIMEX3 duration letter, multiplier, is a clock unit)
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True), "day": ("D", 1, False),
    "night": ("D", 1, False), "week": ("W", 1, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("M", 3, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}  # fmt: skip
SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W",
               "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "biannually": "P6M",
               "semiannually": "P6M"}  # fmt: skip
REFS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF",
    "most recently": "PAST_REF", "the past": "PAST_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "a later date": "FUTURE_REF",
    "as soon as possible": "FUTURE_REF",
}  # fmt: skip
CLOCK_WORDS = {"noon": "T12:00", "midday": "T12:00", "mid-day": "T12:00", "midnight": "T24:00"}

# ---------------------------------------------------------------------------- numbers


def number(text: str) -> float | None:
    """The number a numeral or number phrase stands for; None when it is vague ("several").

    >>> number("twenty four"), number("a couple of"), number("2 1/2"), number("several")
    (24, 2, 2.5, None)
    """
    t = re.sub(r"\s+", " ", text.lower().strip())
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+", t):
        return int(t.replace(",", ""))
    if t in VAGUE_NUMBERS:
        return None
    half = 0.5 if t.endswith(" 1/2") else 0.0
    t = t.removesuffix(" 1/2")
    if re.fullmatch(r"\d+(?:\.\d+)?", t):
        return float(t) + half if "." in t or half else int(t)
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    total = 0
    for part in re.split(r"[- ]", t):
        if part in ("hundred", "thousand"):
            total = max(total, 1) * (100 if part == "hundred" else 1000)
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        elif part not in ("a", "and", "of"):
            return None
    return total


def spoken_year(text: str) -> int | None:
    """A year written as it is spoken ("nineteen ninety-six", "two thousand one")."""
    t = text.lower().replace("-", " ").replace(" and ", " ").split()
    if not t:
        return None
    if t[:2] == ["two", "thousand"]:
        rest = number(" ".join(t[2:])) if t[2:] else 0
        return 2000 + int(rest) if rest is not None else None
    if t[0] in ("nineteen", "eighteen"):
        century = NUMBER_WORDS[t[0]]
        rest_words = [w for w in t[1:] if w != "hundred"]
        rest = number(" ".join(rest_words)) if rest_words else 0
        return century * 100 + int(rest) if rest is not None else None
    return None


def _year(text: str) -> int | None:
    return int(text) if text.isdigit() else spoken_year(text)


def _day(text: str) -> int:
    t = text.lower()
    return ORDINAL_WORDS[t] if t in ORDINAL_WORDS else int(re.sub(r"\D", "", t))


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(". ")]


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration value: ``duration_value(6, "month") == "P6M"``, vague counts give X."""
    unit = unit.lower().rstrip("s").replace("centurie", "century")
    letter, mult, clock = UNITS[unit]
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{'C' if unit == 'century' else 'E' if unit == 'decade' else letter}"
    amount = n * mult
    text = str(int(amount)) if float(amount).is_integer() else str(amount)
    return f"{prefix}{text}{letter}"


HOLIDAYS: dict[str, Callable[[int], dt.date]] = {}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


HOLIDAYS.update({
    "christmas eve": lambda y: dt.date(y, 12, 24),
    "christmas day": lambda y: dt.date(y, 12, 25),
    "christmas": lambda y: dt.date(y, 12, 25),
    "new year's eve": lambda y: dt.date(y, 12, 31),
    "new year's day": lambda y: dt.date(y, 1, 1),
    "halloween": lambda y: dt.date(y, 10, 31),
    "valentine's day": lambda y: dt.date(y, 2, 14),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _last_monday_may(y),
    "easter sunday": _easter,
    "easter": _easter,
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
})  # fmt: skip


def _last_monday_may(year: int) -> dt.date:
    last = dt.date(year, 5, 31)
    return last - dt.timedelta(days=last.weekday())


def _shift_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _week_value(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"
