"""What a mention's sentence says beyond who did it: content words, the trigger's noun phrase,
the towns it names. Merging reads these to tell one act in several wordings from an actor's
different acts, and one attack from another of the same conflict.
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace
from typing import Any

from .model import Event
from .plural import singular


@functools.lru_cache(maxsize=65536)
def _demonym(name: str) -> bool:
    from .countries import demonym_country

    return bool(demonym_country(name))


_PART = r"(?:(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?\s+)?"


@functools.lru_cache(maxsize=65536)
def sentence_towns(text: str) -> frozenset[str]:
    """Towns and cities a sentence names (not countries or regions): where an attack happened.

    >>> sorted(sentence_towns("Israeli troops shot a Hamas leader in the West Bank town of Nablus."))
    ['Nablus']
    >>> sorted(sentence_towns("A car bomb exploded in northern Bogota."))
    ['Bogota']
    """
    from .countries import country_name, is_region

    # a place is told as one ("in Nablus", "near Fallujah", "the town of Qabatia"): a capitalised
    # word elsewhere may be a person or a paper that shares a town's name ("Taki", "Asahi")
    # a part of a town is in the town ("in northern Bogota")
    words = re.findall(r"\b(?:in|near|at|outside|of|from|into|around)\s+" + _PART
                       + r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)", text)
    out = set()
    for run in words:
        for name in (run, *run.split()) if " " in run else (run,):
            name = re.sub(r"['’]s?$", "", name)
            if is_place_name(name):
                if not (country_name(name) or is_region(name) or _demonym(name)):
                    out.add(name)
                break  # "West Bank" is a region, not the town of West
    return frozenset(out)


_SAYING = frozenset(
    """made make makes making remark remarks held hold holds took take takes taken also earlier later last next
    first second third told tell added adding statement reporter press spokesman spokeswoman official source
    expected expect according quoted quote here there while after before during since when where which
    other others another least""".split()
)
# Titles of office say who acted, not what happened: two tellings of one premier's different
# meetings both say "Premier".
_TITLES = frozenset("premier chancellor king queen envoy ambassador governor mayor".split())


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Generic news vocabulary (packaged list), shared by the story and merge stages."""
    from importlib.resources import files

    text = files("dateline").joinpath("data/stories_common.txt").read_text(encoding="utf-8")
    return frozenset(w for line in text.splitlines() if not line.startswith("#") for w in line.split())


def content_words(event: Event, keep_common: bool = False) -> frozenset[str]:
    """The words of a mention's sentence that say what happened beyond who did it and where: no
    stop words, no generic news words, no place names, no words of its actors' names (crudely
    stemmed: "rebels" is "rebel"). A group compares them without the names of its own actors too
    (``_shared_content``).

    >>> sorted(content_words(stub_event(text="Police fired tear gas at protesters in the capital.")))
    ['fired', 'protester', 'tear']
    >>> sorted(content_words(stub_event(text="Militants clashed in the Gaza Strip.")))
    ['clash', 'militant']
    """
    names = {w for a in event.source + event.target for w in re.findall(r"\w+", a.name.casefold())}
    common = common_words()
    out = set()
    in_place = _place_spans(event.text)
    for m in re.finditer(r"[A-Za-z][A-Za-z'-]+", event.text):
        if m.group()[0].isupper() and (m.start() in in_place or is_place_name(m.group().rstrip("'s").rstrip("’"))):
            continue  # where ("Gaza", "the Gaza Strip"): places are compared as places, not as content
        w = re.sub(r"['’]s?$", "", m.group().casefold())  # the possessive, not every final "s"
        root = stem(w)
        one = singular(w)
        if len(root) < 4 or w in _STOPWORDS or w in _SAYING or root in _SAYING or w in _TITLES or w in names or root in names or (
            not keep_common and (w in common or root in common or one in common)
        ):
            continue
        out.add(root)
    return frozenset(out)


_DIRECTIONS = re.compile(r"^(?:north|south|east|west|central)(?:-?(?:east|west))?(?:ern)?$")


def plain_words(event: Event) -> frozenset[str]:
    """The content words a sentence writes in lower case, bearings left out: what happened, not
    who said so or where ("explosion", "miner"; not "Observatory" or "eastern").

    >>> sorted(plain_words(stub_event(text="The Harbour Observatory said a gas explosion in eastern Tyrol killed miners.")))
    ['explosion', 'miner']
    """
    lower = re.sub(r"\b[A-Z][\w'’-]*", " ", event.text)
    return frozenset(w for w in content_words(replace(event, text=lower)) if not _DIRECTIONS.match(w))


def _place_spans(text: str) -> set[int]:
    """Starts of the words of two-word place names ("Gaza Strip", "West Bank"), whose second
    word alone is no place."""
    out: set[int] = set()
    for m in re.finditer(r"(?=\b([A-Z][\w'-]+)\s+([A-Z][\w'-]+))", text):
        if is_place_name(f"{m.group(1)} {m.group(2)}"):
            out.update((m.start(1), m.start(2)))
    return out


SHARED_WORDS = 2  # content words two sentences share when they tell one act (beyond who did it)


def actor_name_words(event: Event) -> set[str]:
    """Words of the names of the event's actors, stemmed: who acted, not what happened."""
    return {stem(w) for a in event.source + event.target for w in re.findall(r"\w+", a.name.casefold())}


def named_place(event: Event) -> str | None:
    """The place of the event when its own sentence names it; None for the city only a report's
    dateline gives (where it was filed, not where the act was)."""
    place = (event.location or {}).get("name")
    return place if place and place in event.text else None


def stem(word: str) -> str:
    """A crude stem that makes a verb's forms one word: "pledged", "pledging", "pledges" → "pledg"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@functools.lru_cache(maxsize=65536)
def is_place_name(name: str) -> bool:
    from .countries import demonym_country, is_place

    return is_place(name) or bool(demonym_country(name))


_DETERMINERS = frozenset("the a an this that these those its their his her our my your".split())


_STOPWORDS = _DETERMINERS | frozenset(
    """and or of in on at to for by with from as is was were be been being but not no into over under about
    would will could should can may might must have has had this that they them then than said says told
    monday tuesday wednesday thursday friday saturday sunday january february march april june july august
    september october november december week month year today yesterday people""".split()
)


def trigger_phrase(event: Event) -> str | None:
    """The noun phrase of a nominal trigger with the word that tells which one it is ("the
    suicide bombing" → "suicide bombing", "six-party talks"); None for a verb ("killed", "met")
    and for a bare "the talks", which any story of talks shares.

    >>> trigger_phrase(stub_event(text="The roundtable talks resumed.", trigger="talks", trigger_start=14))
    'roundtable talks'
    >>> trigger_phrase(stub_event(text="Police killed two.", trigger="killed", trigger_start=7)) is None
    True
    """
    trigger = event.trigger.casefold()
    if not trigger or trigger.endswith(("ed", "ing")) or " " in trigger.strip():
        return None
    offset = event.trigger_start - event.start
    before = re.findall(r"[\w'’-]+", event.text[: max(offset, 0)].casefold())
    if not before:
        return None
    prev = before[-1]
    if prev.replace("-", "").isalpha() and prev not in _STOPWORDS and len(prev) > 2 and not prev.endswith(
        ("'s", "’s")
    ):
        return f"{prev} {trigger}"
    return None


DEFINITE = frozenset("the this that these those its their his her".split())


def text_before(event: Event) -> str:
    """The sentence's text before the event's trigger."""
    return event.text[: max(event.trigger_start - event.start, 0)]


def definite_noun(event: Event) -> str | None:
    """The trigger when it is a noun the sentence makes definite: "the" (or a possessive, "Friday's")
    within the three words before it; None for a verb ("stormed") or an indefinite noun ("a raid")."""
    trigger = event.trigger.casefold().strip()
    if not trigger or " " in trigger or trigger.endswith("ed"):
        return None
    words = re.findall(r"[\w'’-]+", text_before(event))[-3:]
    before = [w.casefold() for w in words]
    if not before or before[-1] in ("a", "an", "another"):
        return None
    if not any(w in DEFINITE or w.endswith(("'s", "’s")) for w in before):
        return None
    start = max((i for i, w in enumerate(before) if w in DEFINITE or w.endswith(("'s", "’s"))), default=0)
    if any(w[:1].isupper() and w.casefold() not in _DAY_WORDS for w in words[start + 1 :]):
        return None  # "the Geneva meeting", "the Oslo summit": a name says which one, maybe another
    return trigger


_DAY_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def stub_event(**fields: Any) -> Event:
    """A bare event for examples and tests."""
    base: dict[str, Any] = dict(
        type="CONSULT",
        mode=None,
        status="occurred",
        source=[],
        target=[],
        trigger="met",
        trigger_start=0,
        trigger_end=3,
        sentence=0,
        start=0,
        end=0,
        text="",
    )
    base.update(fields)
    return Event(**base)


# Words that open a meeting's counterpart: "talks with X", "meeting X", "received X".
_PARTNER = re.compile(
    r"\b(?:with|meeting|met|meets|meet|receiving|received|receives|welcomed|welcoming|hosted|hosting)\s+(?:visiting\s+|the\s+)?"
    r"((?:[A-Z][\w'’.-]*\s+){0,6}[A-Z][\w'’-]+)"
)
_NOT_PARTNERS = frozenset(
    """president prime minister premier foreign secretary state chancellor king queen prince sheikh
    vice deputy general chairman chief leader leaders senior officials delegation envoy ambassador
    mr mrs ms dr the his her their visiting counterpart""".split()
)


@functools.lru_cache(maxsize=65536)
def named_partners(text: str) -> frozenset[str]:
    """The counterparts a meeting's sentence names after "with", "met", "received" (their name
    words casefolded, titles left out): who the parse may have missed ("When meeting with
    Kabbah, Hu said ...").

    >>> sorted(named_partners("When meeting with Kabbah, Hu said relations have developed smoothly."))
    ['kabbah']
    >>> sorted(named_partners("Hu held talks with visiting Ugandan President Yoweri Museveni."))
    ['yoweri museveni']
    >>> sorted(named_partners("He met with the press in Beijing."))
    []
    """
    out = set()
    for m in _PARTNER.finditer(text):
        words = [re.sub(r"['’]s$", "", w).casefold() for w in m.group(1).split()]
        words = [w for w in words if w not in _NOT_PARTNERS and w not in _STOPWORDS and not is_place_name(w.title())]
        if words and not is_place_name(m.group(1).split()[-1]):
            out.add(" ".join(words))
    return frozenset(out)
