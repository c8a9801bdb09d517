"""Recurring reports: the instalments of a series are not one story.

Wire services file the same kind of report every day: the close of a share market, a day's
medal results, a news advisory, a currency's fixing. Two instalments share nearly every word
(the market's name, its index, "shares", "closed", "points") and nothing of one event, so
word overlap alone chains a week of them into one "story". What gives a series away is its lead:
each instalment opens with the same sentence, the figures and the weekday changed ("The
main index fell 21.40 points to 2,310.75 on Monday", "... rose 8.15 points to 2,318.90 on
Tuesday"). Follow-ups of one event on later days open with what is new, in other words.

Most instalments are less alike than that, and are known by their kind instead: a market's close,
a day's results, a digest of the day's news are told in a vocabulary of their own (the index,
points, shares; gold, silver, bronze; "the following news stories are scheduled"). Two reports of
one such kind on different days are instalments, not one story: what they share is the kind of
news, not an event.

So an article keeps the content words of its first sentence (figures, weekdays and months left
out) and the kind of recurring report its headline and lead tell, if any; and two articles published on different days whose leads are mostly the same words are
two instalments. Leads alike only in part (half their words) count as a series only when each
tells its own publication day's news, the mark of a daily report; a death toll rising from one
day to the next is told in other words beyond its lead, and the same-day updates of one
dispatch are never instalments.

>>> a = lead_words("OSLO, March 3 (AFP) -- The benchmark OBX fell 21.40 points to 2,310.75 on Monday. More.")
>>> b = lead_words("The benchmark OBX rose 8.15 points to 2,318.90 on Tuesday.")
>>> sorted(a), round(lead_overlap(a, b), 2)
(['benchmark', 'fell', 'obx', 'points'], 0.6)
"""

from __future__ import annotations

import re
from collections.abc import Collection

LEAD_SCAN = 400  # characters read for the first sentence (a lead is one sentence of 20-40 words)
# A lead of this many words or fewer says too little to call two articles instalments of one series.
MIN_LEAD_WORDS = 4
# Lead overlap (Jaccard over content words) at which two reports of different days are instalments,
# and the lower one at which they are when both tell their own day's news. Read on the wire corpus:
# pairs of one "story" on different days above these are market closes, advisories and results;
# a real story's leads of different days share a third of their words or fewer.
SERIES_ALONE, SERIES_OWN_DAY = 0.7, 0.5

# The credit line some agencies open with ("by Staff Writer Li Wen SHANGHAI, May 2 (Xinhua) --").
_DATELINE = re.compile(r"^.{0,160}?\((?:AFP|Xinhua|AP|Reuters|dpa|Kyodo|ANSA|UPI)\)\s*(?:--|-|—|:)\s*", re.I)
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\"')\]])[.!?]\s+(?=[A-Z\"“])")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]")
_FUNCTION = frozenset(
    """a about after against all also an and any are as at be been before being between both but by
    could did do does during each for from had has have he her here his how i if in into is it its
    more most no not of on or other our out over said says she should so some such than that the
    their them then there these they this those through to under up was we were what when where
    which while who will with would you monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december jan feb
    mar apr jun jul aug sep sept oct nov dec today yesterday""".split()
)


def lead_words(text: str) -> frozenset[str]:
    """The content words of an article's first sentence, lower-cased; figures, weekdays and months
    left out, since those are what change from one instalment to the next."""
    head = text[:LEAD_SCAN]
    credit = _DATELINE.match(head)
    if credit:
        head = head[credit.end() :]
    first = _SENTENCE_END.split(head, maxsplit=1)[0]
    return frozenset(w for w in (m.group().casefold() for m in _WORD.finditer(first)) if w not in _FUNCTION)


def lead_overlap(a: Collection[str], b: Collection[str]) -> float:
    """Jaccard of two leads' words; 0 when either is too short to say anything."""
    if len(a) < MIN_LEAD_WORDS or len(b) < MIN_LEAD_WORDS:
        return 0.0
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb)


# The vocabularies of the recurring reports of wire copy. A report is of a kind when its headline and
# lead use at least KIND_WORDS distinct words of it, one of them a word that names the kind itself
# (an index, a currency, a commodity traded daily; a medal).
# A digest comes first: it lists the day's headlines, market closes and results among them, and is a
# digest whatever kinds its items are.
KINDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "digest": (
        frozenset("advisory highlights summary digest".split()),
        frozenset("""advisory highlights summary digest following major stories scheduled covered
        pursued news agency items""".split()),
    ),
    "market": (
        frozenset("""stock stocks share shares bourse index indices exchange dollar yen euro currency
        gold oil crude""".split()),
        frozenset("""stock stocks share shares bourse index indices composite benchmark points trading
        traded turnover exchange dollar yen euro currency price prices closed close closing ended end
        opened open higher lower gained gains lost fell rose firmer weaker dealers investors volume
        level market markets closes ends down up rises falls rise fall percent pct futures barrel dollars
        cents contract"""
        .split()),
    ),
    "results": (
        frozenset("gold silver bronze medal medals results".split()),
        frozenset("""gold silver bronze medal medals won win wins beat beating final finals semifinal
        semi-final championship championships title results team event men's women's singles doubles
        scores"""
        .split()),
    ),
    # a football league's matches: each round brings many, told in one vocabulary (a club beat another,
    # a goal, the points that put it top), and two matches of one day are two stories; the kind is
    # named by words only football uses ("league" and "goal" are also politics')
    "match": (
        frozenset("""premiership bundesliga liga serie striker midfielder goalkeeper goalless equaliser
        equalizer""".split()),
        frozenset("""league premiership premier bundesliga liga serie goal goals striker midfielder
        goalkeeper beat beats beating victory win wins won defeat defeated draw drew drawn scored
        score header penalty equaliser equalizer visiting visitors hosts home away points clear top
        atop table season club side match""".split()),
    ),
}
KIND_WORDS = 4


def report_kind(title: str | None, lead: Collection[str]) -> str | None:
    """The kind of recurring report a headline and lead tell ("digest", "market", "results", "match"), or None.

    >>> report_kind("Seoul stock market closes down", lead_words("The KOSPI lost 13.66 points on Tuesday."))
    'market'
    >>> report_kind("Qantas agrees takeover offer", lead_words("Shares in Qantas jumped on a takeover bid."))
    """
    words = set(lead) | {w.casefold() for w in _WORD.findall(title or "")}
    for kind, (names, vocabulary) in KINDS.items():
        if words & names and len(words & (names | vocabulary)) >= KIND_WORDS:
            return kind
    return None


def instalments(
    a_lead: Collection[str],
    b_lead: Collection[str],
    a_day: str | None,
    b_day: str | None,
    own_days: bool,
    kinds: tuple[str | None, str | None] = (None, None),
) -> bool:
    """Two articles are instalments of one recurring report: published on different days, and of
    the same kind of recurring report or opening with mostly the same sentence (half of it, when
    ``own_days``: each tells its own publication day's news); or of one kind on the same day with
    other leads (an update of one report repeats its lead)."""
    if not a_day or not b_day:
        return False
    overlap = lead_overlap(a_lead, b_lead)
    if a_day[:10] == b_day[:10]:
        # the same day's reports of one kind with other leads: two markets' closes, two finals
        return bool(kinds[0] and kinds[0] == kinds[1] and overlap < SERIES_OWN_DAY)
    if kinds[0] and kinds[0] == kinds[1]:
        return True
    return overlap >= SERIES_ALONE or (own_days and overlap >= SERIES_OWN_DAY)


def digest_and_report(kinds: tuple[str | None, str | None], days: tuple[str | None, str | None]) -> bool:
    """One of two dated articles is a digest of the day's news and the other is not: a digest lists
    many stories' headlines, so it shares words with each of them and belongs to none."""
    return bool(days[0] and days[1]) and (kinds[0] == "digest") != (kinds[1] == "digest")

