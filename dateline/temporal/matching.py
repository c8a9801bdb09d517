"""From rule matches to the expressions of a text: span modifiers, longest-match selection,
and joining a time of day to its day."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .grammar import _LEFT_EDGE, _RULES, Found

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


# Every expression a rule can match holds one of these: a digit, a month, or a word of time.
# The rules are tried only where one is within REACH characters ahead, which skips the half of
# a news text that has no date in it. Each rule's match is the same as a scan of the whole
# text finds: a match starts at most REACH characters before its cue (the longest expression
# in the corpora has 34), and the scan carries its position from one stretch to
# the next as a whole-text scan does (tests compare the two on the project's sentences).
_CUE_WORDS = (
    "day year week month night hour noon minute second "
    "quarter decade centur fortnight morning evening spring summer fall autumn winter period half future "
    "term possible date recent current present lately past daily annual nineteen eighteen thousand "
    "tomorrow christmas easter thanksgiving halloween"
).split()


def _by_first_letter(words: list[str]) -> str:
    """An alternation grouped by first letter: one test per position instead of one per word.

    >>> _by_first_letter(["day", "date", "year"])
    'd(?:ate|ay)|y(?:ear)'
    """
    rest: dict[str, set[str]] = {}
    for w in words:
        rest.setdefault(w[0], set()).add(w[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(sorted(tails, key=lambda t: (-len(t), t))) + ")"
        for first, tails in sorted(rest.items())
    )


_CUE = re.compile(
    r"\d|\b(?-i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\bnow\b|ties\b|" + _by_first_letter(_CUE_WORDS),
    re.IGNORECASE,
)
REACH = 40


def _stretches(text: str, cue: re.Pattern[str] = _CUE) -> list[tuple[int, int]]:
    """Where a match can start: up to REACH characters before each cue, overlaps joined."""
    out: list[tuple[int, int]] = []
    for m in cue.finditer(text):
        start, end = max(0, m.start() - REACH), m.start()
        if out and start <= out[-1][1] + 2 * REACH:  # a gap shorter than a scan's overrun: one stretch
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


_DIGIT = re.compile(r"\d")


def _needs_digit(pattern: re.Pattern[str]) -> bool:
    """Whether every match of the pattern holds a digit ("12 May 2024", "1990s"): such a rule is
    tried only near digits. Read from the compiled pattern's parse, so it cannot drift from it."""
    from re import _constants as c, _parser as parser  # type: ignore[attr-defined]

    def seq(items: Any) -> bool:
        return any(item(op, av) for op, av in items)

    def item(op: Any, av: Any) -> bool:
        if op is c.LITERAL:
            return chr(av).isdigit()
        if op is c.IN:
            return all(
                (o is c.CATEGORY and a is c.CATEGORY_DIGIT)
                or (o is c.RANGE and 48 <= a[0] and a[1] <= 57)
                or (o is c.LITERAL and 48 <= a <= 57)
                for o, a in av
            )
        if op is c.SUBPATTERN:
            return seq(av[-1])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):
            return av[0] >= 1 and seq(av[2])
        if op is c.BRANCH:
            return all(seq(branch) for branch in av[1])
        if op is getattr(c, "ATOMIC_GROUP", None):
            return seq(av)
        return False  # assertions read around the match, not in it

    return seq(parser.parse(pattern.pattern, pattern.flags))


# The left edge of every rule (grammar._LEFT_EDGE) is a word edge and then two more tests. The
# rules are searched with the word edge alone, which the regex engine tries at every position
# three times faster than the whole edge, and a match whose start fails the rest is dropped and
# the search goes on from the next position: the matches are those of the whole pattern.
_WORD_EDGE = r"(?<![\w'])"
assert _LEFT_EDGE.startswith(_WORD_EDGE)
_EDGE_REST = re.compile(_LEFT_EDGE[len(_WORD_EDGE):], re.IGNORECASE)


def _searched(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.startswith(_LEFT_EDGE), pattern.pattern[:40]
    return re.compile(_WORD_EDGE + pattern.pattern[len(_LEFT_EDGE):], pattern.flags)


_SEARCHED = [(_searched(pattern), handler, priority, _needs_digit(pattern)) for pattern, handler, priority in _RULES]


def _candidates(text: str) -> Iterator[Found]:
    stretches = _stretches(text)
    near_digits = _stretches(text, _DIGIT)
    for pattern, handler, priority, digit in _SEARCHED:
        for m in _scan(pattern, text, near_digits if digit else stretches):
            found = handler(m, text)
            if isinstance(found, tuple):  # a span of days or years: one expression for each end
                yield from (replace(f, priority=priority) for f in found)
            elif found is not None:
                yield replace(found, priority=priority)


def _scan(pattern: re.Pattern[str], text: str, stretches: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` with the whole left edge, trying only the starts inside ``stretches``."""
    pos = 0
    for start, last in stretches:
        at = max(start, pos)
        # room for the longest match and what its lookaheads read after it
        end = min(len(text), last + 2 * REACH)
        while at <= last:
            m = pattern.search(text, at, end)
            if m is None or m.start() > last:
                break
            if _EDGE_REST.match(text, m.start()) is None:
                at = m.start() + 1
                continue
            yield m
            at = m.end() if m.end() > m.start() else m.end() + 1
        pos = max(pos, at)


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
