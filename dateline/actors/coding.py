"""Coding a short actor description on its own: ``code_actor("Armenian Prime Minister")``."""

from __future__ import annotations

from collections.abc import Sequence

from dateline import countries
from dateline import kb as knowledge
from dateline.kb.codes import date_key
from dateline.kb.lookup import IN_OFFICE

from .descriptions import (
    ENVOY_WORDS,
    PERSON_SECTORS,
    Evidence,
    kb_evidence,
    looks_like_name,
    pick_country,
    pick_sector,
    scan,
    term,
    words_of,
)

LEADER_TITLES = frozenset(
    "president chairman chairwoman head leader member chief director spokesman spokeswoman "
    "secretary-general secretary general speaker".split()
)


def code_actor(text: str, context: str = "", date: str | None = None) -> tuple[str | None, str | None]:
    """Country and sector of a short actor description, PLOVER-style, on ``date`` (ISO).

    A title with an "of" phrase takes its sector from what it heads ("speaker of the
    Bundestag" is LEG); a capital stands for its government; a city for its people. A name the
    knowledge base knows takes its country, and, when no title says otherwise, the sector of the
    office held that day (a former officeholder is ELI). A bare surname is looked up only when
    one bearer fits (or the context names the country of one). A personal name with no other
    evidence gets GOV, the base rate for named people in political news, unless it is one word
    the knowledge base does not know, which may be anyone or anything; its country comes
    from the context, else, as a weak guess, from the ending of the surname ("Petrov").

    >>> code_actor("Pacific Fleet"), code_actor("Latvian Prime Minister")
    (('RUS', 'MIL'), ('LVA', 'GOV'))
    """
    words = words_of(text)
    if not words:
        return None, None
    day = date_key(date)
    if day is None and _titled(words):
        day = IN_OFFICE  # no day, but a sitting office: the person in the latest office he held
    evidence = scan(words, day)
    if any(e.kind == "none" for e in evidence) and len(evidence) == 1:
        return None, None  # "Monday", "the border": not an actor
    country = pick_country(evidence)
    sector = _sector_with_of(words, evidence)
    if len(evidence) == 1 and evidence[0].start == 0 and evidence[0].end == len(words):
        only = evidence[0]
        if only.kind == "place" and sector is None:
            sector = "CVL"
        elif only.kind == "seat" and _where_it_happens(words, context):
            sector = "CVL"
    around = scan(words_of(context), day) if context else []
    name = _bare_name(words, evidence)
    person = next((e for e in evidence if e.kind == "person"), None)
    if person is None and name:
        near = tuple(e.country for e in evidence + around if e.country)
        person = kb_evidence(" ".join(name), day, near, weak=True)
        if person is not None and person.kind == "person":
            country = country or person.country
        else:
            person = None
    if person is not None and sector is None:
        sector = person.sector or "GOV"
    if sector is None and _members_of_a_people(words):
        sector = "CVL"
    if sector is None and len(evidence) == 1 and evidence[0].kind == "country" and len(words) == 1 and context:
        sector = _sector_of_the_noun_after(words[0], context, day)
    if country is None and around:
        country = pick_country(around)
    if sector is None and not evidence and name and (len(name) > 1 or knowledge.get() is None):
        # a full personal name: the base rate of named people in political news; a single word
        # the knowledge base does not know ("Kowalczyk", "Mongwalu") may be anyone or anything,
        # and gets no sector rather than a guess (without a knowledge base, the base rate stands)
        sector = "GOV"
    if country is None and name:
        country = countries.surname_country(name[-1])
    return country, sector


# Words before a people's name that pick none of them out: "the Peruvians" stand for their nation,
# "ordinary Peruvians" are civilians.
DETERMINERS = frozenset("the a an some many all most".split())


def _members_of_a_people(words: Sequence[str]) -> bool:
    """People of a nation or an ethnic group told apart from the nation by a word of their own,
    civilians in PLOVER: "Syrian Kurds", "Kosovo Serbs", "ethnic Hungarians", "a French national".
    A people's bare name ("Peruvians", "the Danes") stands for the nation and gets no sector."""
    if len(words) < 2 or words[-2].lower() in DETERMINERS:
        return False
    last, before = words[-1], words[-2]
    if last.lower() in ("national", "nationals"):
        return True
    plural = last[:1].isupper() and last.endswith("s") and not last.isupper()
    return plural and bool(
        countries.demonym_country(last) or countries.demonym_country(before) or before.lower() == "ethnic"
    )


MISSION_WORDS = ENVOY_WORDS | {"embassy", "embassies"}


def _context_words(context: str) -> list[str]:
    """The words of a sentence, without the punctuation that closes them ("Lima." is "Lima")."""
    return [w.rstrip(".,;:") for w in words_of(context)]


def _where_it_happens(words: Sequence[str], context: str) -> bool:
    """A capital after "in" is where something happens, and its people the ones it happens to
    ("a curfew in Lima"), not its government; a mission "in" a capital is sent to the government
    ("the embassy in Lima")."""
    around = _context_words(context)
    n = len(words)
    at = [i for i in range(len(around) - n + 1) if around[i : i + n] == list(words)]
    if len(at) != 1 or at[0] == 0:
        return False  # a capital named twice may be the actor once and the place once
    i = at[0]
    return around[i - 1].lower() == "in" and (i < 2 or around[i - 2].lower() not in MISSION_WORDS)


def _sector_of_the_noun_after(adjective: str, context: str, day: int | None) -> str | None:
    """A nationality standing before a common noun in its sentence is that noun's actor:
    "Danish and Dutch diplomats" make "Danish" of GOV, "Dutch warships" of MIL. Nationalities
    joined to it are read past; a capitalised name after it ("Dutch Reformed Church") is its own."""
    after = _context_words(context)
    at = next((i for i, w in enumerate(after) if w == adjective), None)
    if at is None:
        return None
    i = at + 1
    while i + 1 < len(after) and after[i].lower() in ("and", "or", ",") and countries.demonym_country(after[i + 1]):
        i += 2
    if i >= len(after) or not after[i][:1].islower():
        return None
    return pick_sector(scan(after[i : i + 1], day))


def _titled(words: Sequence[str]) -> bool:
    """Whether the words give someone a sitting office ("President Chirac", "Cuban leader
    Fidel Castro"): with no day to resolve at, he is coded by the latest office he held, not
    as a former officeholder."""
    found = [term([w]) for w in words]
    if any(t is not None and t.sector == "ELI" for t in found):
        return False  # "former President ..."
    return any(
        w.lower() in LEADER_TITLES or (t is not None and t.sector in PERSON_SECTORS)
        for w, t in zip(words, found)
    )


def _bare_name(words: Sequence[str], evidence: Sequence[Evidence]) -> list[str]:
    """The personal name a description ends with when only titles precede it."""
    if any(e.kind != "term" for e in evidence):
        return []
    rest = list(words[max((e.end for e in evidence), default=0) :])
    return rest if looks_like_name(rest) else []


def _sector_with_of(words: Sequence[str], evidence: Sequence[Evidence]) -> str | None:
    for i, word in enumerate(words):
        if word.lower() == "of" and 0 < i < len(words) - 1 and words[i - 1].lower() in LEADER_TITLES:
            inner = pick_sector([e for e in evidence if e.start > i])
            if inner:
                former = any(e.sector == "ELI" and e.kind == "term" for e in evidence if e.start < i)
                return "ELI" if former and inner in PERSON_SECTORS else inner
    return pick_sector(evidence)
