"""Temporal expressions: find them in news text and normalize them to TIMEX3 values.

News reports speak of time relative to the day they are published: "on Monday" in a
preview ("will host ... on Monday") is the next Monday, in a report ("on Monday hosted")
the last one; "in November" in a May article is last November when the clause is in the
past. General-purpose date parsers pick one direction for every case, so Dateline keeps
its own grammar and resolves each expression against the publication date and the tense
of its clause.

The work is in three steps, each a pure function:

1. *matching*: precompiled patterns find candidate expressions and turn each into either a
   final value ("2014", "P6M", "PRESENT_REF") or a ``relative`` description
   ({"weekday": 0, "direction": -1}, {"unit": "year", "offset": -1}, ...);
2. *direction*: expressions whose reading depends on tense (weekdays, months, seasons
   without a year) take their direction from the clause (see ``clause_tense``);
3. *resolution*: a relative description is turned into a value against an anchor date —
   the publication date now, or later a date the story stage supplies (``resolve``).

Values follow TimeML / TempEval-3: 2025-05-05, 2024-11, 2014, 199 (the 1990s), 19 (the 20th
century), 2025-W19, 2025-W18-WE, 2025-Q3, 2025-H1, 2025-SU, 2025-05-06TMO,
2025-05-06T22:00, P6M, PT3H, PXY, PRESENT_REF, PAST_REF, FUTURE_REF; unresolved parts are X.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.model import Timex

__all__ = ["clause_tense", "find_timexes", "precision_of", "resolve"]

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

# ---------------------------------------------------------------------------- patterns

_TENSW = "|".join(_TENS_.split())
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+1/2)?|(?:{_TENSW})[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    rf"(?:{_NUMW})(?:\s+(?:hundred|thousand))?|{'|'.join(re.escape(v) for v in VAGUE_NUMBERS)})"
)
_ORDW = "|".join(
    sorted((re.escape(w) for w in ORDINAL_WORDS if w not in ("final", "last")), key=len, reverse=True)
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MFULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
_MABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_MON = rf"(?:{_MFULL}|{_MABBR})"
_DAY = rf"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|{_ORDW})"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d%]|[.,]\d|\s*percent|-\d)"
_SPOKEN_YEAR = (
    r"(?:nineteen|eighteen)(?:[- ]hundred)?(?:[- ](?:and[- ])?(?:"
    + "|".join(list(NUMBER_WORDS)[10:20] + _TENS_.split())
    + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)"
    r"|two[- ]thousand(?:[- ](?:and[- ])?(?:one|two|three|four|five|six|seven|eight|nine|ten))?"
)
_ANYYEAR = rf"(?:{_YEAR}|{_SPOKEN_YEAR})"
_PART = r"(?:morning|afternoon|evening|night)"


@dataclass(frozen=True)
class Found:
    """A candidate expression before direction and resolution.

    Exactly one of ``value`` and ``relative`` is set; a ``relative`` whose ``direction`` is
    None takes it from the tense of the clause.
    """

    start: int
    end: int
    type: str
    value: str | None = None
    relative: dict[str, Any] | None = None
    priority: int = 0


# a word edge, except that "mid-November", "late-1990s", "post-1959" start at the date
_LEFT_EDGE = r"(?<![\w'])(?:(?<=mid-)|(?<=late-)|(?<=early-)|(?<=post-)|(?<=pre-)|(?<!-))"
Handler = Callable[[re.Match[str], str], "Found | None"]
_RULES: list[tuple[re.Pattern[str], Handler, int]] = []


def _rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
    """Register a pattern and the handler that reads its match (higher priority wins ties)."""

    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(rf"{_LEFT_EDGE}(?:{pattern})(?![\w-])", re.IGNORECASE), handler, priority))
        return handler

    return register


def _found(m: re.Match[str], type_: str, value: str | None = None, **relative: Any) -> Found:
    return Found(m.start(), m.end(), type_, value, dict(relative) if value is None else None)


# ---------------------------------------------------------------------------- numbers


def number(text: str) -> float | None:
    """The number a numeral or number phrase stands for; None when it is vague ("several").

    >>> number("twenty four"), number("a couple of"), number("2 1/2"), number("several")
    (24, 2, 2.5, None)
    """
    t = re.sub(r"\s+", " ", text.lower().strip())
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
    return MONTHS[text.lower().rstrip(".")]


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


# ---------------------------------------------------------------------------- rules: absolute dates


@_rule(rf"(?:(?P<wd>{_WD}),?\s+)?(?P<mon>{_MON})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_ANYYEAR}))?", 5)
def _month_day(m: re.Match[str], text: str) -> Found | None:
    month, day = _month(m["mon"]), _day(m["day"])
    if day > 31 or (m["mon"].lower() == "may" and not m["day"][0].isdigit()):
        return None
    if m["year"]:
        year = _year(m["year"])
        return _found(m, "DATE", f"{year:04d}-{month:02d}-{day:02d}") if year else None
    if m["wd"]:
        return _found(m, "DATE", month=month, day=day, weekday=WEEKDAYS[m["wd"].lower()], direction=None)
    return _found(m, "DATE", month=month, day=day, direction=None)


@_rule(rf"(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)(?:\s+of)?\s+"
       rf"(?P<mon>{_MON})(?:,?\s+(?P<year>{_YEAR}))?", 5)  # fmt: skip
def _day_month(m: re.Match[str], text: str) -> Found | None:
    return _month_day(m, text)


@_rule(rf"(?P<mon>{_MON})(?:\s+of)?,?\s+(?P<year>{_ANYYEAR})", 4)
def _month_year(m: re.Match[str], text: str) -> Found | None:
    year = _year(m["year"])
    return _found(m, "DATE", f"{year:04d}-{_month(m['mon']):02d}") if year else None


@_rule(rf"(?P<mon>{_MFULL})\s+(?P<rel>this|last|next)\s+year", 4)
def _month_of_relative_year(m: re.Match[str], text: str) -> Found | None:
    offset = {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    return _found(m, "DATE", month=_month(m["mon"]), year_offset=offset)


@_rule(r"(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])", 6)
def _iso_date(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", f"{m['y']}-{m['m']}-{m['d']}")


@_rule(r"(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/(?P<y>(?:19|20)\d\d)", 6)
def _slash_date(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}")


@_rule(rf"(?:(?P<pre>this|last|next|this\s+past|this\s+coming|past|coming)\s+)?(?P<mon>{_MFULL})", 2)
def _bare_month(m: re.Match[str], text: str) -> Found | None:
    month = _month(m["mon"])
    pre = (m["pre"] or "").lower().split()
    if month == 5 and not pre and not _preceded_by(text, m.start(), _MAY_CUES):
        return None
    if month == 3 and not pre and re.match(r"\s+(?:on|to|through|against|for)\b", text[m.end() :]):
        return None
    if not pre:
        return _found(m, "DATE", month=month, direction=None)
    if pre == ["this"]:
        return _found(m, "DATE", month=month, year_offset=0)
    direction = -1 if pre[-1] in ("last", "past") else 1
    return _found(m, "DATE", month=month, direction=direction, strict=pre[0] != "this")


_MAY_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|early|late|mid|during|before|after|through|from|to)\s*-?\s*)$", re.I
)


def _preceded_by(text: str, start: int, cue: re.Pattern[str]) -> bool:
    return bool(cue.search(text[max(0, start - 20) : start]))


_NOT_A_YEAR_AFTER = re.compile(
    r"\s*(?:-|–)?\s*(?:people|persons|troops|soldiers|men|women|children|members|votes|seats|points|feet|foot|"
    r"meters|metres|miles|kilometers|km|tons|tonnes|barrels|cars|homes|jobs|shares|workers|residents|students|"
    r"cases|deaths|hours|pages|units|acres|dead|killed|words|times|yards|pounds|calories|rooms|planes|jets|"
    r"employees|staff|delegates|candidates|companies|firms|vehicles|tanks|guns|rifles|sq|square|copies|"
    r"patients|victims|refugees|prisoners|police|officers|pupils|households|families|lives|injured)\b",
    re.I,
)


@_rule(rf"(?:(?P<pre>fiscal|calendar|(?:in\s+)?the\s+year|model\s+year)\s+)?(?P<year>{_YEAR})(?P<later>\s+or\s+later)?",
       1)  # fmt: skip
def _year_alone(m: re.Match[str], text: str) -> Found | None:
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$#£€]\s*$|No\.\s*$", before) or _NOT_A_YEAR_AFTER.match(text[m.end() :]):
        return None
    if re.match(r"\s*(?:to|-|–|and)\s*\d{4}", text[m.end() :]) is None and re.match(r":\d", text[m.end() :]):
        return None
    return _found(m, "DATE", m["year"])


@_rule(rf"(?P<year>{_SPOKEN_YEAR})", 1)
def _spoken_year(m: re.Match[str], text: str) -> Found | None:
    year = spoken_year(m["year"])
    return _found(m, "DATE", str(year)) if year and 1000 < year < 2100 else None


@_rule(r"(?:the\s+)?(?:(?:early|late|mid)\s*-?\s*)?(?P<dec>1[5-9]\d0|20\d0)'?s")
def _decade(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", m["dec"][:3])


@_rule(r"the\s+(?:(?:early|late|mid)\s*-?\s*)?(?:'|‘|’)?(?P<dec>[2-9]0)'?s")
def _short_decade(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", "19" + m["dec"][0])


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}  # fmt: skip


@_rule(r"the\s+(?:(?:early|late|mid)\s*-?\s*)?(?:nineteen[- ])?"
       r"(?P<dec>twenties|thirties|forties|fifties|sixties|"
       r"seventies|eighties|nineties)")  # fmt: skip
def _decade_word(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", f"19{_DECADE_WORDS[m['dec'].lower()]}")


@_rule(rf"(?:the\s+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_ORDW})[- ]century", 3)
def _century(m: re.Match[str], text: str) -> Found | None:
    n = _day(m["ord"])
    return _found(m, "DATE", f"{n - 1:02d}") if 1 < n < 23 else None


# ------------------------------------------------------------------ rules: quarters, halves, seasons

_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                "final": 4, "last": 4}  # fmt: skip


@_rule(
    rf"(?:the\s+)?(?:(?P<owner>(?:{_YEAR})|this\s+year's|last\s+year's|next\s+year's|its|the\s+company's)\s+)?"
    r"(?P<mods>(?:(?:fiscal|calendar|year-ago|year-earlier|comparable|same|latest|current)[- ]+)*)"
    r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?(?:-?period|quarter)"
    rf"(?:\s+(?:of|in)\s+(?:fiscal\s+)?(?P<year>{_YEAR}))?",
    4,
)
def _quarter(m: re.Match[str], text: str) -> Found | None:
    q = _QUARTER_ORD[m["q"].lower()]
    owner = (m["owner"] or "").lower()
    year = m["year"] or (owner if owner[:1].isdigit() else None)
    if year:
        return _found(m, "DATE", f"{year}-Q{q}")
    if owner.startswith(("last", "next", "this")) or "year-" in (m["mods"] or "").lower():
        offset = (
            -1
            if owner.startswith("last") or "year-" in (m["mods"] or "").lower()
            else int(owner.startswith("next"))
        )
        return _found(m, "DATE", quarter=q, year_offset=offset)
    return _found(m, "DATE", quarter=q, direction=0)


@_rule(r"(?:the\s+)?(?P<rel>latest|last|previous|past|current|this|next|coming|same|year-ago|year-earlier|"
       r"comparable|fiscal|that|the)\s+(?:(?:fiscal|year-ago|year-earlier|comparable|third|latest)\s+)?"
       r"(?P<unit>quarter|period)(?!s)", 3)  # fmt: skip
def _named_quarter(m: re.Match[str], text: str) -> Found | None:
    rel = m["rel"].lower()
    whole = m.group(0).lower()
    if m["unit"].lower() == "period" and not (
        "year-" in whole or "comparable" in whole or rel in ("latest", "same")
    ):
        return None
    if "year-ago" in whole or "year-earlier" in whole or "comparable" in whole:
        return _found(m, "DATE", unit="quarter", reference=True, year_offset=-1)
    offset = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1, "current": 0, "this": 0}.get(
        rel
    )
    if offset is not None and not m.group(0).lower().startswith("the") or rel in ("current", "this"):
        return _found(m, "DATE", unit="quarter", offset=offset or 0)
    return _found(m, "DATE", unit="quarter", reference=True, offset=-1)


@_rule(rf"(?:the\s+)?(?P<year>{_YEAR})\s+(?:period|quarter)", 4)
def _year_quarter(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", unit="quarter", reference=True, year=int(m["year"]))


@_rule(
    r"(?:the\s+)?(?:corresponding|comparable|same|year-ago|year-earlier)?\s*(?:period|quarter)\s+"
    r"(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year|the\s+previous\s+year)",
    4,
)
def _quarter_last_year(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", unit="quarter", reference=True, year_offset=-1)


@_rule(rf"(?:the\s+)?(?P<h>first|second|last|latter|1st|2nd)\s+half(?:\s+of\s+(?:(?P<year>{_YEAR})|"
       r"(?P<rel>this|last|next|the)\s+year))?", 3)  # fmt: skip
def _half(m: re.Match[str], text: str) -> Found | None:
    h = 1 if m["h"].lower() in ("first", "1st") else 2
    if m["year"]:
        return _found(m, "DATE", f"{m['year']}-H{h}")
    if not m["rel"] and not m.group(0).lower().startswith("the"):
        return None
    offset = {"last": -1, "next": 1}.get((m["rel"] or "").lower(), 0)
    return _found(m, "DATE", half=h, year_offset=offset)


@_rule(r"(?:the\s+)?(?:first|last|past)\s+(?P<n>two|three|2|3)\s+quarters\s+of\s+(?P<year>\d{4})", 4)
def _quarters_of_year(m: re.Match[str], text: str) -> Found | None:
    return (
        _found(m, "DATE", f"{m['year']}-H1")
        if m.group(0).lower().lstrip("the ").startswith("first two")
        else None
    )


@_rule(rf"(?:(?P<pre>this(?:\s+past|\s+coming)?|last|next|past|coming|the(?:\s+(?:early|late))?|early|late|mid-?)\s*)?"
       rf"(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>{_ANYYEAR}))?", 2)  # fmt: skip
def _season(m: re.Match[str], text: str) -> Found | None:
    season = SEASONS[m["s"].lower()]
    pre = (m["pre"] or "").lower().split()
    if m["year"]:
        year = _year(m["year"])
        return _found(m, "DATE", f"{year}-{season}") if year else None
    after = text[m.end() : m.end() + 12]
    if re.match(r"\s+of\b", after) or re.match(
        r"[- ](?:olympics|games|session|offensive|collection)", after, re.I
    ):
        return None
    if pre in (["this", "past"], ["last"], ["past"]):
        return _found(m, "DATE", season=season, direction=-1, strict=pre == ["last"])
    if pre in (["this", "coming"], ["next"], ["coming"]):
        return _found(m, "DATE", season=season, direction=1, strict=pre == ["next"])
    if pre == ["this"]:
        return _found(m, "DATE", season=season, year_offset=0)
    cue = _preceded_by(
        text, m.start(), re.compile(r"\b(?:in|into|of|during|since|until|by|through|over|this|for)\s+$", re.I)
    )
    if not cue or (season in ("SP", "FA") and not pre):
        return None
    return _found(m, "DATE", season=season, direction=None)


# ---------------------------------------------------------------------------- rules: days, weekdays, holidays


@_rule(rf"(?:(?P<pre>early|late|earlier|later|mid-?)\s*)?(?P<w>today|tonight|yesterday|tomorrow)(?:'s)?"
       rf"(?:\s+(?P<part>{_PART}))?", 3)  # fmt: skip
def _day_word(m: re.Match[str], text: str) -> Found | None:
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[m["w"].lower()]
    end = m.end() if m["part"] else m.start("w") + len(m["w"])
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    rel: dict[str, Any] = {"unit": "day", "offset": offset}
    if part:
        rel["time"] = "T" + part
    return Found(m.start(), end, "TIME" if part else "DATE", None, rel)


@_rule(r"the\s+day\s+(?P<w>before\s+yesterday|after\s+tomorrow)", 4)
def _day_before_yesterday(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", unit="day", offset=-2 if m["w"].lower().startswith("before") else 2)


@_rule(rf"(?:(?P<pre>last|next|this(?:\s+past|\s+coming)?|early|late|the\s+previous|the\s+following|"
       rf"past|coming)\s+)?(?P<wd>{_WD})(?P<pl>s)?(?:\s+(?P<part>{_PART}s?))?", 3)  # fmt: skip
def _weekday(m: re.Match[str], text: str) -> Found | None:
    wd = WEEKDAYS[m["wd"].lower()]
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    pre = (m["pre"] or "").lower().split()
    time = {"time": "T" + part} if part else {}
    if m["pl"] or (m["part"] or "").lower().endswith("s"):
        return _found(m, "SET", f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else ""))
    type_ = "TIME" if part else "DATE"
    if pre[:1] == ["the"]:
        direction = -1 if pre[-1] == "previous" else 1
        return _found(m, type_, weekday=wd, direction=direction, strict=True, reference=True, **time)
    if pre and pre[-1] in ("last", "previous", "past"):
        return _found(m, type_, weekday=wd, direction=-1, strict=True, **time)
    if pre and pre[-1] in ("next", "following", "coming"):
        return _found(m, type_, weekday=wd, direction=1, strict=True, **time)
    return _found(m, type_, weekday=wd, direction=None, **time)


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


_HOLIDAY_RE = "|".join(re.escape(h).replace("'", "['’]") for h in sorted(HOLIDAYS, key=len, reverse=True))


@_rule(
    rf"(?:(?P<pre>last|next|this)\s+)?(?P<h>{_HOLIDAY_RE})(?P<week>\s+week)?(?:,?\s+(?P<year>{_YEAR}))?", 3
)
def _holiday(m: re.Match[str], text: str) -> Found | None:
    if not m["h"][0].isupper():
        return None
    name = m["h"].lower().replace("’", "'")
    pre = (m["pre"] or "").lower()
    direction = {"last": -1, "next": 1}.get(pre)
    week = {"week": True} if m["week"] else {}
    if m["year"]:
        day = HOLIDAYS[name](int(m["year"]))
        return _found(m, "DATE", _week_value(day) if week else day.isoformat())
    return _found(m, "DATE", holiday=name, direction=direction, strict=bool(pre), **week)


# ---------------------------------------------------------------------------- rules: relative units


@_rule(r"the\s+weekend", 2)
def _the_weekend(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DATE", weekday=5, direction=None, strict=True, weekend=True)


@_rule(r"(?:(?P<mod>earlier|later|early|late|mid-?|sometime|around)\s+)?(?P<det>the\s+)?"
       r"(?P<rel>last|next|this|past|previous|coming|following|current|same|this\s+past|this\s+coming|that|"
       r"prior|preceding|latest)\s+(?P<unit>week|weekend|month|year|decade|century|fortnight|day)(?!s|-)",
       3)  # fmt: skip
def _relative_unit(m: re.Match[str], text: str) -> Found | None:
    rel = m["rel"].lower().split()[-1]
    unit = m["unit"].lower()
    det = bool(m["det"])
    if unit == "day" and rel not in ("same", "following", "previous", "next", "prior", "preceding"):
        return None
    if rel in ("same", "that", "following", "prior", "preceding") or (det and rel in ("next", "previous")):
        offset = {"following": 1, "next": 1, "previous": -1, "prior": -1, "preceding": -1}.get(rel, 0)
        return _found(m, "DATE", unit=unit, offset=offset, reference=True)
    if det and (
        rel in ("past", "last", "latest")
        and unit in ("week", "month", "weekend", "day")
        or rel == "past"
        and unit == "decade"
    ):
        return _found(
            m,
            "DURATION",
            duration_value(1, unit if unit != "weekend" else "day").replace("P1D", "P2D")
            if unit == "weekend"
            else duration_value(1, unit),
        )
    offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "latest": -1}.get(rel, 0)
    if unit == "fortnight":
        unit, offset = "week", offset * 2
    return _found(m, "DATE", unit=unit, offset=offset)


@_rule(
    r"the\s+(?P<mod>(?:full|current|latest|last|previous|new|next|coming)\s+)?(?:fiscal|calendar|full)\s+year"
    r"|the\s+(?:full|current)\s+year",
    3,
)
def _fiscal_year(m: re.Match[str], text: str) -> Found | None:
    if re.match(r"\s+(?:ended|ending|that\s+ended|that\s+ends|to)\b", text[m.end() :]):
        return _found(m, "DURATION", "P1Y")
    mod = (m["mod"] or "").strip().lower()
    offset = {"latest": -1, "last": -1, "previous": -1, "next": 1, "coming": 1, "new": 1}.get(mod, 0)
    return _found(m, "DATE", unit="year", offset=offset)


@_rule(r"(?:(?P<mod>earlier|later|early|late)\s+)?(?:in\s+)?the\s+(?P<unit>week|month|year|day)(?P<end>\s+(?:ended|ending))?"
       r"(?=\s*(?:[,.;)]|ended|ending|to\s+date|before|after|of\s+the\s+attack|\s))", 1)  # fmt: skip
def _the_unit(m: re.Match[str], text: str) -> Found | None:
    unit = m["unit"].lower()
    before = text[max(0, m.start() - 24) : m.start()].lower()
    after = text[m.end() : m.end() + 20].lower()
    if m["end"]:
        return Found(m.start(), m.start("end"), "DURATION", duration_value(1, unit))
    if unit == "year" and re.match(r"\s*(?:ended|ending)\b", after):
        return _found(m, "DURATION", "P1Y")
    anchored_cue = re.search(r"(?:for|during|earlier in|later in|end of|rest of|start of|beginning of|"
                             r"middle of|of|throughout|in)\s+$", before)  # fmt: skip
    if unit == "day" and not re.search(
        r"(?:earlier|later|late|early|rest|end|middle)\s+(?:in|of)\s+$", before
    ):
        return None
    if not anchored_cue or re.match(r"\s*(?:'s|’s)?\s*(?:before|after|of|when|that)\b", after):
        return None
    return _found(m, "DATE", unit=unit, offset=0, reference=unit != "year")


@_rule(r"(?:the\s+)?(?:the\s+)?(?:year|month|week)(?:-|\s+)(?:end|'s\s+end)|year['’]s\s+end|the\s+end\s+of\s+the\s+"
       r"(?P<unit>year|month|week)", 3)  # fmt: skip
def _period_end(m: re.Match[str], text: str) -> Found | None:
    unit = (m["unit"] or m.group(0).split("-")[0].split()[-1].split("'")[0].split("’")[0]).lower()
    unit = unit if unit in ("year", "month", "week") else "year"
    return _found(m, "DATE", unit=unit, offset=0)


@_rule(r"(?P<y>year|month|week)-(?P<dir>ago|earlier)", 3)
def _year_ago_adjective(m: re.Match[str], text: str) -> Found | None:
    return _found(
        m, "DATE", unit=m["y"].lower(), offset=-1, reference=m["dir"].lower() == "earlier", shift=True
    )


@_rule(rf"(?:(?P<mod>about|nearly|almost|more\s+than|less\s+than|some|roughly|around|just|only|over|at\s+least|"
       rf"barely|exactly|precisely|fully)\s+)?(?P<num>{_NUM})[- ](?P<unit>{_UNIT})s?(?:\s+or\s+so)?\s+"
       r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back|previously)", 4)  # fmt: skip
def _offset_from(m: re.Match[str], text: str) -> Found | None:
    n = number(m["num"])
    unit = m["unit"].lower().replace("centurie", "century")
    direction = m["dir"].lower()
    if direction in ("before", "after"):
        return None
    if n is None:
        return _found(
            m, "DATE", "PAST_REF" if direction in ("ago", "earlier", "back", "previously") else "FUTURE_REF"
        )
    sign = 1 if direction in ("later", "from now", "hence") else -1
    count = int(n) if float(n).is_integer() else n
    if unit == "night":
        unit = "day"
    if UNITS[unit][2]:
        return _found(m, "TIME", unit=unit, offset=sign * count)
    reference = direction in ("earlier", "later", "previously")
    return _found(m, "DATE", unit=unit, offset=sign * count, reference=reference, shift=True)


# ---------------------------------------------------------------------------- rules: durations

_DUR_MOD = (r"about|nearly|almost|approximately|roughly|around|some|more\s+than|less\s+than|fewer\s+than|"
            r"at\s+least|at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|"
            r"upwards\s+of|the\s+better\s+part\s+of|a\s+full|another|an\s+additional|the\s+past|the\s+last|"
            r"the\s+next|the\s+first|the\s+latest|the\s+coming|the\s+previous|the\s+final|the\s+remaining|"
            r"the\s+following|the\s+same|the\s+full|the\s+initial|the\s+ensuing|the\s+entire|past|last|next|"
            r"first|another|the|each\s+of\s+the\s+(?:past|last)|all")  # fmt: skip


@_rule(rf"(?:(?:{_DUR_MOD})\s+)*(?P<num>{_NUM})(?:\s+(?:to|or)\s+(?P<num2>{_NUM}))?"
       rf"(?:[- ](?:more|additional|straight|consecutive|full|long|extra))?[- ]"
       rf"(?:(?:trading|business|working|calendar|school)\s+)?(?P<unit>{_UNIT})"
       r"(?P<pl>s)?(?:\s+or\s+so)?(?P<adj>-long)?(?P<old>-old)?", 2)  # fmt: skip
def _duration(m: re.Match[str], text: str) -> Found | None:
    if m["old"]:
        return None
    unit = m["unit"].lower().replace("centurie", "century")
    if unit == "night":
        unit = "day"
    n = number(m["num"])
    if re.match(r"\s+old\b", text[m.end() :]):
        return None
    if m["num"].lower() in ("a", "an") and (_is_rate(text, m.start()) or unit in ("second", "quarter")):
        return None
    if unit == "quarter" and m.group(0)[-1:] == "s" and "-" in m.group(0):
        return None
    if m["num"].lower() in ("a", "an", "one") and re.match(
        r"\s+(?:or\s+two|and\s+a\s+half)", text[m.end() :]
    ):
        return None
    return _found(m, "DURATION", duration_value(n, unit))


def _is_rate(text: str, start: int) -> bool:
    """True for "$5 a year", "twice a day": a frequency, not a stretch of time."""
    before = text[max(0, start - 30) : start].lower()
    return bool(re.search(r"(?:\d%?|percent|cents?|dollars?|times|once|twice|thrice|\bper|barrels|tons|"
                          r"million|billion|pounds|hours|days)\s*$", before))  # fmt: skip


@_rule(r"(?:(?P<rel>the\s+past|the\s+last|the\s+next|the\s+coming|the\s+recent|recent|coming|past|"
       r"the\s+first|the\s+early|the\s+final|the\s+weeks|the\s+months)\s+(?:(?:few|several|many)\s+)?)?"
       r"(?P<unit>seconds|minutes|hours|days|weeks|months|quarters|years|decades|centuries)(?P<adj>-long)?",
       1)  # fmt: skip
def _vague_duration(m: re.Match[str], text: str) -> Found | None:
    unit = m["unit"].lower()
    rel = (m["rel"] or "").lower().split()
    before = text[max(0, m.start() - 12) : m.start()].lower()
    if not rel:
        if not m["adj"] and not re.search(
            r"\b(?:for|within|over|in|after|take|took|takes|last|lasted)\s+$", before
        ):
            if not re.match(r"\s+(?:ago|later|earlier)\b", text[m.end() :]):
                return None
    if rel and rel[-1] == "recent" and unit in ("years", "decades"):
        return _found(m, "DATE", "PAST_REF")
    if rel and rel[-1] == "coming" and unit in ("months", "quarters"):
        return _found(m, "DATE", "FUTURE_REF")
    if unit == "quarters":
        return _found(m, "DURATION", "PXM")
    end = m.end()
    after = re.match(r"\s+(?:ago|later|earlier)\b", text[end:])
    if after:
        end += after.end()
    return Found(m.start(), end, "DURATION", duration_value(None, unit[:-1]))


@_rule(r"the\s+(?P<unit>days|weeks|months|years)\s+ahead", 3)
def _units_ahead(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DURATION", duration_value(None, m["unit"][:-1]))


@_rule(
    r"the\s+(?:first|latest|past|last|same|comparable|year-earlier|year-ago)\s+(?:nine|six|three)\s+months", 3
)
def _financial_period(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "DURATION", duration_value(number(m.group(0).split()[-2]), "month"))


# ---------------------------------------------------------------------------- rules: sets and refs


@_rule(rf"(?P<q>every|each)\s+(?:other\s+|single\s+)?(?P<what>{_UNIT}|{_WD}|{_MFULL}|spring|summer|fall|autumn|"
       r"winter|morning|evening|afternoon|weekend)", 4)  # fmt: skip
def _every(m: re.Match[str], text: str) -> Found | None:
    what = m["what"].lower()
    other = "other" in m.group(0).lower()
    if what in WEEKDAYS:
        return _found(m, "SET", f"XXXX-WXX-{WEEKDAYS[what] + 1}")
    if what in MONTHS:
        return _found(m, "SET", f"XXXX-{MONTHS[what]:02d}")
    if what in SEASONS:
        return _found(m, "SET", f"XXXX-{SEASONS[what]}")
    if what in PARTS_OF_DAY:
        return _found(m, "SET", f"XXXX-XX-XXT{PARTS_OF_DAY[what]}")
    if what == "weekend":
        return _found(m, "SET", "XXXX-WXX-WE")
    return _found(m, "SET", duration_value(2 if other else 1, what.replace("ie", "y")))


@_rule(r"(?P<a>" + "|".join(SET_ADVERBS) + r")", 2)
def _set_adverb(m: re.Match[str], text: str) -> Found | None:
    if m["a"].lower() == "quarterly" and re.match(r"\s+[a-z]", text[m.end() :]):
        return None
    return _found(m, "SET", SET_ADVERBS[m["a"].lower()])


@_rule(r"per\s+(?P<unit>" + _UNIT + r")", 2)
def _per_unit(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "SET", duration_value(1, m["unit"]))


_NOT_CURRENT_TIME = re.compile(
    r"\s*(?:account|affairs|events|-account|liabilities|assets|law|rules|system|flows?|state|level|crisis|"
    r"political|situation)\b"
)
_REF_RE = "|".join(sorted((r.replace(" ", r"\s+") for r in REFS), key=len, reverse=True))


@_rule(rf"(?P<r>{_REF_RE})", 1)
def _ref(m: re.Match[str], text: str) -> Found | None:
    key = re.sub(r"\s+", " ", m["r"].lower())
    after = text[m.end() : m.end() + 24].lower()
    if key == "current" and _NOT_CURRENT_TIME.match(after):
        return None
    return _found(m, "DATE", REFS[key])


# ---------------------------------------------------------------------------- rules: times of day


@_rule(r"(?:(?P<mod>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
       r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>a\.\s?m\.?|p\.\s?m\.?|am\b|pm\b)"
       r"(?:\s+(?P<tz>(?-i:[A-Z]{2,4}T|GMT|UTC)))?", 4)  # fmt: skip
def _clock(m: re.Match[str], text: str) -> Found | None:
    hour = int(m["h"]) % 12 + (12 if m["ap"].lower().startswith("p") else 0)
    minute = m["mi"] or "00"
    if int(m["h"]) > 12:
        return None
    return _found(m, "TIME", unit="day", offset=0, reference=True, time=f"T{hour:02d}:{minute}")


@_rule(r"(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>(?-i:GMT|UTC|[A-Z]{2,4}T)|hours|local\s+time)", 4)
def _clock24(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "TIME", unit="day", offset=0, reference=True, time=f"T{int(m['h']):02d}:{m['mi']}")


@_rule(r"(?:(?P<mod>about|around|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(?P<w>noon|midnight|midday|mid-day)",
       3)  # fmt: skip
def _clock_word(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "TIME", unit="day", offset=0, reference=True, time=CLOCK_WORDS[m["w"].lower()])


@_rule(rf"(?:(?P<mod>later|earlier|early|late)\s+)?(?P<w>this|last|the)\s+(?P<part>{_PART})", 2)
def _part_of_day(m: re.Match[str], text: str) -> Found | None:
    part = PARTS_OF_DAY[m["part"].lower()]
    w = m["w"].lower()
    if w == "last" and part != "NI":
        return None
    if w == "the" and not _preceded_by(text, m.start(), re.compile(r"\b(?:in|during|by|until|on)\s+$", re.I)):
        return None
    if w == "the" and re.match(r"\s+(?:of|after|before|when)\b", text[m.end() :]):
        return None
    offset = -1 if w == "last" else 0
    return _found(m, "TIME", unit="day", offset=offset, reference=w == "the", time=f"T{part}")


@_rule(rf"the\s+(?P<rel>next|following|previous|same)\s+(?P<part>{_PART})", 3)
def _next_morning(m: re.Match[str], text: str) -> Found | None:
    offset = {"next": 1, "following": 1, "previous": -1}.get(m["rel"].lower(), 0)
    return _found(m, "DATE", unit="day", offset=offset, reference=True)


@_rule(r"(?P<mod>mid|late|early)[- ](?P<part>morning|afternoon|evening)", 2)
def _mid_part(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "TIME", unit="day", offset=0, reference=True, time="T" + PARTS_OF_DAY[m["part"].lower()])


@_rule(r"overnight", 1)
def _overnight(m: re.Match[str], text: str) -> Found | None:
    return _found(m, "TIME", unit="day", offset=-1, reference=True, time="TNI")


# ------------------------------------------------------------------ prefixes that belong to the span

_PREFIX = re.compile(
    r"(?:\b(?:early|late|mid|post|pre|around|about|approximately|sometime|the\s+(?:very\s+)?(?:end|beginning|start|middle|"
    r"close|turn|spring|summer|fall|winter)\s+of(?:\s+the)?|by\s+the\s+end\s+of)\s*-?\s*)$",
    re.IGNORECASE,
)


_ADJECTIVAL = re.compile(r"^(?:the|its|their|his|her|a|an|this|that)\s+(?=[\w-]+-(?:\w+)$)", re.IGNORECASE)


def _without_determiner(found: Found, text: str) -> Found:
    """Leave out the determiner of "the third-quarter loss", "a two-week visit".

    A hyphenated compound modifying a noun is the expression; its determiner belongs to the
    noun, and TimeML leaves it out."""
    m = _ADJECTIVAL.match(text[found.start : found.end])
    if m and re.match(r"\s+[a-z]", text[found.end : found.end + 3]):
        return replace(found, start=found.start + m.end())
    return found


def _with_prefix(found: Found, text: str) -> Found:
    """Extend a date over the modifiers TimeML keeps in the span ("late November", "mid-1996")."""
    if found.type not in ("DATE", "TIME") or (found.value or "").endswith("_REF"):
        return found
    m = _PREFIX.search(text[max(0, found.start - 40) : found.start])
    if not m:
        return found
    start = found.start - (len(m.group(0)))
    if m.group(0).lower().startswith("by "):
        start += 3
    return replace(found, start=start)


# ---------------------------------------------------------------------------- matching


def _candidates(text: str) -> Iterator[Found]:
    for pattern, handler, priority in _RULES:
        for m in pattern.finditer(text):
            found = handler(m, text)
            if found is not None:
                yield replace(found, priority=priority)


def _select(candidates: list[Found]) -> list[Found]:
    """Longest non-overlapping candidates (ties: the more specific rule), in text order."""
    chosen: list[Found] = []
    taken: list[tuple[int, int]] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        if all(c.end <= s or c.start >= e for s, e in taken):
            chosen.append(c)
            taken.append((c.start, c.end))
    return sorted(chosen, key=lambda c: c.start)


_JOIN = re.compile(r"\s*(?:,|on|at|of)?\s*$", re.IGNORECASE)


def _merge_times(found: list[Found], text: str) -> list[Found]:
    """Join a time of day and the day it falls on ("10 p.m. Wednesday", "Friday at noon")."""
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and _JOIN.fullmatch(text[prev.end : f.start])
            and len(text[prev.end : f.start]) < 6
        ):
            merged = _merge_pair(prev, f) or _merge_pair(f, prev)
            if merged is not None:
                out[-1] = replace(merged, start=prev.start, end=f.end)
                continue
        out.append(f)
    return out


def _merge_pair(clock: Found, day: Found) -> Found | None:
    if clock.relative is None or "time" not in clock.relative or not clock.relative.get("reference"):
        return None
    time = clock.relative["time"]
    if day.relative is not None and _is_day_level(day.relative) and "time" not in day.relative:
        return replace(day, type="TIME", relative={**day.relative, "time": time})
    if day.value is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", day.value):
        return replace(day, type="TIME", value=day.value + time)
    return None


def _is_day_level(rel: dict[str, Any]) -> bool:
    return (
        "weekday" in rel or ("month" in rel and "day" in rel) or rel.get("unit") == "day" or "holiday" in rel
    )


# ---------------------------------------------------------------------------- tense

FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
PAST_AUX = {"was", "were", "had", "'d", "did"}
FUTURE_GOVERNORS = {"set", "expect", "schedule", "due", "plan", "go", "slate", "poise", "intend", "aim",
                    "hope", "prepare", "agree", "promise", "vow", "seek", "want", "threaten", "decide",
                    "likely"}  # fmt: skip


def clause_tense(token: Token) -> str | None:
    """The tense ("past", "present" or "future") of the clause a token belongs to, or None when no verb
    governs it (a headline, a bare noun phrase).

    The governing verb is the first verb or auxiliary up the dependency tree; its
    auxiliaries and tag decide, and an infinitive inherits from the verb it complements
    ("is set to host" and "plans to visit" are future).
    """
    verb = _governing_verb(token)
    if verb is None:
        return None
    if verb is _NO_VERB:
        return _nearest_verb_tense(token)
    return _verb_tense(verb, depth=0)


_NO_VERB = object()


def _governing_verb(token: Token) -> Any:
    """The first verb up the tree; None when an adjective governs first ("payable Dec. 1",
    "effective Feb. 1" speak of their own time, not of the main verb's); ``_NO_VERB`` when
    the tree has no verb above (a fragment, or a parse that went wrong)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.pos_ == "ADJ" and current.i != token.i:
            return None
        if current.head.i == current.i:
            return _NO_VERB
        current = current.head
    return None


def _nearest_verb_tense(token: Token) -> str | None:
    """Tense of the verb nearest to the token in its sentence: the fallback for a fragment or
    a misparse ("Singh on Monday hosted Nakatani" parsed with "hosted" as an adjective)."""
    verbs = [t for t in token.sent if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG"]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: abs(t.i - token.i))
    return _verb_tense(verb, depth=0) or ("past" if verb.tag_ in ("VBN", "VBD") else None)


def _next_word(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def _verb_tense(verb: Token, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX - {"'d"}:
        return "future"
    if "to" in words or verb.tag_ in ("VB", "VBG") and not words:
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp") and head.i != verb.i:
            if head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ in ("due", "set", "likely"):
                return "future" if depth > 2 or _verb_tense(head, depth + 1) != "past" else None
            if depth < 3 and verb.dep_ in ("xcomp",):
                return _verb_tense(head, depth + 1)
        if verb.dep_ == "conj" and depth < 3 and head.i != verb.i:
            return _verb_tense(head, depth + 1)
        return None
    if "going" in words or any(a.lower_ in ("is", "are", "am") and _next_word(a) == "to" for a in auxes):
        return "future"
    if words & PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and verb.lemma_.lower() in SCHEDULING_VERBS and words & {"is", "are", "be", "been"}:
        return "future"
    if words & {"has", "have", "'ve", "'s"} and verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VBN" and not words and verb.lemma_.lower() in FUTURE_GOVERNORS and verb.dep_ == "acl":
        if any(c.lower_ == "for" or c.dep_ == "xcomp" for c in verb.children):
            return "future"
    if verb.tag_ == "VBN" and not words:
        return "past" if verb.dep_ != "conj" else _verb_tense(verb.head, depth + 1) if depth < 3 else None
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "do", "does"}:
        if verb.tag_ == "VBG" and words & {"is", "are", "am"}:
            return "present"
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    return None


SCHEDULING_VERBS = {"schedule", "set", "plan", "slate", "expect", "due", "reschedule", "postpone", "delay"}
DEADLINE_PREPOSITIONS = {"until", "till", "til", "by"}
_TENSE_DIRECTION = {"past": -1, "future": 1, "present": 0, None: 0}


def _direction(found: Found, text: str, doc: Doc | None) -> int:
    if doc is None:
        return 0
    span: Span | None = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    root = span.root
    tense = clause_tense(root)
    if root.dep_ == "pobj" and root.head.lower_ in DEADLINE_PREPOSITIONS:
        return 0 if tense == "past" else 1
    return _TENSE_DIRECTION[tense]


# ---------------------------------------------------------------------------- resolution


def _anchor_date(anchor: str) -> dt.date:
    return dt.date.fromisoformat(anchor[:10])


def _shift_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _week_value(day: dt.date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


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
    if day:
        cands = [c for c in (_safe_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if c]
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
        return f"{anchor.year + n}"
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


# ---------------------------------------------------------------------------- public API


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
    expressions ("the same day", "the quarter", "a year earlier", "10 p.m.")."""
    ctx = _Context()
    for f in found:
        span = text[f.start : f.end]
        if f.relative is None:
            value = f.value or ""
            yield Timex(f.start, f.end, span, f.type, value)
            ctx.remember(value)
            continue
        rel = {k: v for k, v in f.relative.items() if k not in ("reference", "shift")}
        if rel.get("direction", 0) is None:
            rel["direction"] = _direction(f, text, doc)
        value = _from_context(f.relative, ctx, anchor)
        if value is None:
            base = ctx.base(rel.get("unit")) if f.relative.get("reference") else None
            base = base or anchor
            value = _value(rel, base) if base is not None else None
        anchored = value is not None
        yield Timex(
            f.start, f.end, span, f.type, value if value is not None else _placeholder(rel), anchored, rel
        )
        if value is not None and not (f.relative.get("shift") or f.relative.get("reference")):
            ctx.remember(value)


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
