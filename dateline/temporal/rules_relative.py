"""Recognizers for expressions that count from a reference time or measure one: relative
units ("last week", "two years ago"), durations, sets, vague references and times of day."""

from __future__ import annotations

import re

from .grammar import _MFULL, _NUM, _PART, _UNIT, _WD, Found, _found, _preceded_by, _rule
from .lexicon import (
    CLOCK_WORDS,
    MONTHS,
    PARTS_OF_DAY,
    REFS,
    SEASONS,
    SET_ADVERBS,
    UNITS,
    WEEKDAYS,
    duration_value,
    number,
)

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
