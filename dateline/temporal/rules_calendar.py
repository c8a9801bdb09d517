"""Recognizers for calendar expressions: dates, months, years, decades, quarters, seasons,
weekdays and holidays."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .grammar import (
    _ANYYEAR,
    _DAY,
    _MFULL,
    _MON,
    _ORDW,
    _PART,
    _SEP,
    _SPOKEN_YEAR,
    _WD,
    _YEAR,
    Found,
    _found,
    _rule,
)
from .lexicon import HOLIDAYS, PARTS_OF_DAY, SEASONS, WEEKDAYS, _day, _month, _week_value, _year, spoken_year

# ---------------------------------------------------------------------------- rules: absolute dates


@_rule(rf"(?:(?P<wd>{_WD}){_SEP})?(?P<mon>{_MON})\s+(?P<day>{_DAY})(?:{_SEP}(?P<year>{_ANYYEAR}))?", 5)
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


@_rule(rf"(?:(?P<wd>{_WD}){_SEP})?(?:the\s+)?(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)(?:\s+of)?\s+"
       rf"(?P<mon>{_MON})(?:{_SEP}(?P<year>{_YEAR}))?", 5)  # fmt: skip
def _day_month(m: re.Match[str], text: str) -> Found | None:
    return _month_day(m, text)


# A span of days: "April 17-19", "Nov. 15 to 16", "24-25 April", "30 April to 2 May", "the night of
# 3-4 May" — two expressions, as TimeML marks them, the second day in the first one's month and year
# unless it names its own; the "-" no longer hides the first day.
_DNUM = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_TO = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


@_rule(rf"(?P<a>(?:(?P<wd>{_WD}){_SEP})?(?P<mon>{_MON})\s+(?P<day>{_DNUM})){_TO}"
       rf"(?P<b>(?:(?P<mon2>{_MON})\s+)?(?P<day2>{_DNUM})(?!\d|:\d)(?:{_SEP}(?P<year>{_ANYYEAR}))?)", 6)  # fmt: skip
def _month_day_range(m: re.Match[str], text: str) -> tuple[Found, ...] | None:
    return _day_span(m)


@_rule(rf"(?P<a>(?:(?P<wd>{_WD}){_SEP})?(?:the\s+)?(?P<day>{_DNUM})(?:\s+(?P<mon>{_MON}))?){_TO}"
       rf"(?P<b>(?P<day2>{_DNUM})(?:\s+of)?\s+(?P<mon2>{_MON})(?:{_SEP}(?P<year>{_YEAR}))?)", 6)  # fmt: skip
def _day_month_range(m: re.Match[str], text: str) -> tuple[Found, ...] | None:
    return _day_span(m)


def _day_span(m: re.Match[str]) -> tuple[Found, ...] | None:
    first_month = _month(m["mon"] or m["mon2"])
    second_month = _month(m["mon2"] or m["mon"])
    first, second = _day(m["day"]), _day(m["day2"])
    if first > 31 or second > 31 or (second_month == first_month and second <= first):
        return None
    if _NOT_A_YEAR_AFTER.match(m.string, m.end()):
        return None  # "on May 4 and 5 soldiers": a count, not a day
    year = _year(m["year"]) if m["year"] else None
    out = []
    for group, month, day in (("a", first_month, first), ("b", second_month, second)):
        start, end = m.span(group)
        if year:
            out.append(Found(start, end, "DATE", f"{year:04d}-{month:02d}-{day:02d}"))
        else:
            out.append(Found(start, end, "DATE", relative={"month": month, "day": day, "direction": None}))
    return tuple(out)


@_rule(rf"(?P<mon>{_MON})(?:\s+of)?{_SEP}(?P<year>{_ANYYEAR})", 4)
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
    if not _real_day(m["y"], m["m"], m["d"]):
        return None
    return _found(m, "DATE", f"{m['y']}-{int(m['m']):02d}-{int(m['d']):02d}")


# Day first: "14/07/2015" (no month 14), and a date written with dots and two-digit day and
# month, "03.06.2024", the European way; a slashed date that could be either stays month first.
@_rule(
    r"(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d\d)"
    r"|(?<![\w.])(?P<d2>0[1-9]|[12]\d|3[01])\.(?P<m2>0[1-9]|1[0-2])\.(?P<y2>(?:19|20)\d\d)(?![.\d])",
    6,
)
def _day_first_date(m: re.Match[str], text: str) -> Found | None:
    year, month, day = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
    return _found(m, "DATE", f"{year}-{int(month):02d}-{int(day):02d}") if _real_day(year, month, day) else None


def _real_day(year: str, month: str, day: str) -> bool:
    try:
        dt.date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


@_rule(rf"(?:(?P<pre>this|last|next|this\s+past|this\s+coming|past|coming|that)\s+)?(?P<mon>{_MFULL})", 2)
def _bare_month(m: re.Match[str], text: str) -> Found | None:
    month = _month(m["mon"])
    pre = (m["pre"] or "").lower().split()
    if pre == ["that"]:
        if that_is_a_determiner(m, text):
            return _found(m, "DATE", month=month, year_offset=0, reference=True, unit="year")
        pre = []  # "said that January was cold": the month alone
    start = m.start("mon")
    if month == 5 and not pre and not _preceded_by(text, start, _MAY_CUES):
        return None
    if month == 3 and not pre and re.match(r"\s+(?:on|to|through|against|for)\b", text[m.end() :]):
        return None
    if not pre:
        return Found(start, m.end(), "DATE", None, {"month": month, "direction": None})
    if pre == ["this"]:
        return _found(m, "DATE", month=month, year_offset=0)
    direction = -1 if pre[-1] in ("last", "past") else 1
    return _found(m, "DATE", month=month, direction=direction, strict=pre[0] != "this")


def that_is_a_determiner(m: re.Match[str], text: str) -> bool:
    """"that May", "that June" is the month in the year the text speaks of ("In August 2016 ... killed
    in an airstrike that May" is 2016-05). But "that" points at the month or season after it only where the phrase stands as a time of its
    own: opening the sentence ("That summer the army ..."), after a preposition ("by that spring"),
    or ending its clause ("... killed that May."). Elsewhere "that" joins a clause ("said that January
    was cold", "rockets that fall short")."""
    before = text[: m.start()].rstrip()
    if not before or before[-1] in ".!?;,\n" or re.search(
        r"\b(?:in|by|during|until|till|since|from|through|of|over|and|but|then)$", before, re.I
    ):
        return True
    return bool(re.match(r"\s*(?:[,.;:)!?]|$|(?:and|but|when|before|after)\b)", text[m.end() :]))


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


_NUMBERED = re.compile(
    r"\b(?:resolutions?|flights?|routes?|highways?|interstate|rooms?|articles?|sections?|paragraphs?|chapters?|"
    r"clauses?|decrees?|laws?|bills?|numbers?|nos?\.?|units?|buildings?|blocks?|gates?|platforms?|channels?|"
    r"pages?|codes?|models?|versions?|items?|files?|cases?|patents?|serial|extensions?|boxes|box|suites?|"
    r"apartments?|roads?|hills?|heights|points?|sectors?|zones?|camps?|cells?|batch|lots?|plots?|towers?|"
    r"regiments?|brigades?|battalions?|divisions?|squads?|squadrons?|convoys?|kilomet(?:er|re)s?|km|miles?|"
    r"mig|su|tu|boeing|airbus)\s*-?\s*$",
    re.IGNORECASE,
)


@_rule(rf"(?:(?P<pre>fiscal|calendar|(?:in\s+)?the\s+year|model\s+year)\s+)?(?P<year>{_YEAR})(?P<later>\s+or\s+later)?",
       1)  # fmt: skip
def _year_alone(m: re.Match[str], text: str) -> Found | None:
    before = text[max(0, m.start() - 3) : m.start()]
    if re.search(r"[$#£€]\s*$|No\.\s*$", before) or _NOT_A_YEAR_AFTER.match(text, m.end()):
        return None
    if not m["pre"] and _NUMBERED.search(text[max(0, m.start() - 24) : m.start()]):
        return None  # "Resolution 1636", "Flight 1549", "Route 2010": a number that names a thing
    if re.match(r"\s*(?:to|-|–|and)\s*\d{4}", text[m.end() :]) is None and re.match(r":\d", text[m.end() :]):
        return None
    return _found(m, "DATE", m["year"])


@_rule(r"(?P<year>(?:1[6-9]|20)\d\d)\s*(?:-|–|—)\s*(?P<end>(?:1[6-9]|20)?\d\d)(?![\d%]|[.,]\d|\s*percent)", 1)
def _year_range(m: re.Match[str], text: str) -> tuple[Found, ...] | None:
    """"1991-1995", "the 2013-15 siege": two years, when the second follows the first ("passed
    2001-1995" is a vote, "2005-98" a score)."""
    start, end = int(m["year"]), m["end"]
    end_year = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
    if not start < end_year <= start + (100 if len(end) == 4 else 30) or _NOT_A_YEAR_AFTER.match(text, m.end()):
        return None
    return (Found(*m.span("year"), "DATE", m["year"]), Found(*m.span("end"), "DATE", str(end_year)))


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


@_rule(rf"(?:(?P<pre>this(?:\s+past|\s+coming)?|last|next|past|coming|that|the(?:\s+(?:early|late))?|early|late|mid-?)\s*)?"
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
    if pre == ["that"]:  # "that summer": of the year the text speaks of
        if not that_is_a_determiner(m, text):
            return None
        return _found(m, "DATE", season=season, year_offset=0, reference=True, unit="year")
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


@_rule(rf"(?P<wd>{_WD})(?:\s+(?P<part>{_PART}))?(?:\s+of)?\s+(?P<rel>last|next|this)\s+week", 4)
def _weekday_of_week(m: re.Match[str], text: str) -> Found | None:
    """"Monday last week", "Friday of next week": that weekday in the week named, not the nearest one."""
    part = PARTS_OF_DAY.get((m["part"] or "").lower())
    time = {"time": "T" + part} if part else {}
    offset = {"last": -1, "next": 1, "this": 0}[m["rel"].lower()]
    return _found(m, "TIME" if part else "DATE", weekday=WEEKDAYS[m["wd"].lower()], week_offset=offset, **time)


_HOLIDAY_RE = "|".join(re.escape(h).replace("'", "['’]") for h in sorted(HOLIDAYS, key=len, reverse=True))


@_rule(
    rf"(?:(?P<pre>last|next|this)\s+)?(?P<h>{_HOLIDAY_RE})(?P<week>\s+week)?(?:{_SEP}(?P<year>{_YEAR}))?", 3
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
