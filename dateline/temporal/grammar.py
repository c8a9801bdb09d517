"""Pattern fragments and the rule registry the recognizers are written in."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .lexicon import _TENS_, NUMBER_WORDS, ORDINAL_WORDS, VAGUE_NUMBERS

# ---------------------------------------------------------------------------- patterns

_TENSW = "|".join(_TENS_.split())
_NUMW = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_NUM = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?(?:\s+1/2)?|"
    rf"(?:{_TENSW})[- ](?:one|two|three|four|five|six|seven|eight|nine)|"
    rf"(?:{_NUMW})(?:\s+(?:hundred|thousand))?|{'|'.join(re.escape(v) for v in VAGUE_NUMBERS)})"
)
_ORDW = "|".join(
    sorted((re.escape(w) for w in ORDINAL_WORDS if w not in ("final", "last")), key=len, reverse=True)
)
_UNIT = r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"
_WD = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MFULL = r"(?-i:January|February|March|April|May|June|July|August|September|October|November|December)"
# "Dec." and, in text tokenized with spaces around punctuation, "Dec . 5"
_MABBR = r"(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)(?:\.|[^\S\n]\.(?=[^\S\n]*\d))?"
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
# between the parts of a date: a comma with any spacing ("May 4 , 2025", a line break after it), or space
_SEP = r"(?:[^\S\n]*,\s*|\s+)"


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
_LEFT_EDGE = r"(?<![\w'])(?<!\d[,.])(?:(?<=mid-)|(?<=late-)|(?<=early-)|(?<=post-)|(?<=pre-)|(?<!-))"
Handler = Callable[[re.Match[str], str], "Found | tuple[Found, ...] | None"]
_RULES: list[tuple[re.Pattern[str], Handler, int]] = []


def _rule(pattern: str, priority: int = 0) -> Callable[[Handler], Handler]:
    """Register a pattern and the handler that reads its match (higher priority wins ties)."""

    def register(handler: Handler) -> Handler:
        _RULES.append((re.compile(rf"{_LEFT_EDGE}(?:{pattern})(?![\w-])", re.IGNORECASE), handler, priority))
        return handler

    return register


def _found(m: re.Match[str], type_: str, value: str | None = None, **relative: Any) -> Found:
    return Found(m.start(), m.end(), type_, value, dict(relative) if value is None else None)


def _preceded_by(text: str, start: int, cue: re.Pattern[str]) -> bool:
    return bool(cue.search(text[max(0, start - 20) : start]))
