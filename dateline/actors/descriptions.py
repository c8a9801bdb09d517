"""The description scan: what a run of words ("his Japanese counterpart", "UK Defence
Secretary", "Kyiv police") says about an actor's country, sector and role, from names, demonyms,
capitals, organisations, cities, the knowledge base and the titles and nouns of
``data/actors_sectors.tsv``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from dateline import countries
from dateline import kb as knowledge

MAX_TERM = 4
MAX_NAME = 6  # words of the longest name looked up in the knowledge base
PERSON_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
WORD = re.compile(r"\w+(?:[-.'’]\w+)*\.?|[-–]")


@dataclass(frozen=True)
class Term:
    """A sector word or title from the lexicon."""

    sector: str
    weight: int
    role: str | None
    country: str | None = None  # an office only one state has: the Pope heads the Holy See


@dataclass(frozen=True)
class Evidence:
    """What words ``start:end`` of a description say about the actor."""

    start: int
    end: int
    kind: str  # country, seat, org, place, term
    country: str | None = None
    sector: str | None = None
    weight: int = 0
    role: str | None = None


@functools.lru_cache(maxsize=1)
def _terms() -> dict[str, Term]:
    text = resources.files("dateline").joinpath("data", "actors_sectors.tsv").read_text(encoding="utf-8")
    table: dict[str, Term] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        table[cols[0]] = Term(cols[1], int(cols[2]), cols[3] if len(cols) > 3 and cols[3] else None,
                              cols[4] if len(cols) > 4 and cols[4] else None)
    return table


def _singular(word: str) -> list[str]:
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms


def term(words: Sequence[str]) -> Term | None:
    """The lexicon entry for a phrase, trying singular forms of its last word."""
    if not words:
        return None
    head = " ".join(w.lower().replace("’", "'") for w in words[:-1])
    for last in _singular(_strip_possessive(words[-1].lower().replace("’", "'"))):
        key = f"{head} {last}" if head else last
        if key in _terms():
            return _terms()[key]
    return None


def _strip_possessive(word: str) -> str:
    return re.sub(r"['’]s?$", "", word)


def kb_evidence(
    phrase: str, date: int | None, near: tuple[str, ...] = (), weak: bool = False
) -> Evidence | None:
    """What the knowledge base says a name is on ``date``: a person (country; the sector of the
    office held that day, which a title in the text overrides), an organisation or a place."""
    base = knowledge.get()
    found = base.resolve(phrase, date, near, weak=weak) if base is not None else None
    if found is None or not found.country:
        return None
    if found.kind == "place":
        return Evidence(0, 0, "place", found.country)
    if found.kind == "person":
        return Evidence(0, 0, "person", found.country, None if found.presumed else found.sector, 0)
    return Evidence(0, 0, "org", found.country, found.sector, 4)


def _match(words: Sequence[str], date: int | None = None) -> Evidence | None:
    """Evidence for exactly this phrase, most specific table first."""
    phrase = _strip_possessive(" ".join(words))
    if not phrase or not phrase[0].isalnum():
        return None
    org = countries.organisation(phrase)
    if org is not None:
        return Evidence(0, len(words), "org", org.country, org.sector, 4)
    capitalised = phrase[0].isupper()
    code = countries.country_name(phrase) if capitalised or phrase.isupper() else None
    if code:
        return Evidence(0, len(words), "country", code)
    seat = countries.seat_of_government(phrase) if capitalised else None
    if seat:
        return Evidence(0, len(words), "seat", seat[0], seat[1], 2)
    code = countries.demonym_country(phrase) if capitalised else None
    if code:
        return Evidence(0, len(words), "country", code)
    known = kb_evidence(phrase, date) if capitalised or phrase.isupper() else None
    if known is not None:
        return replace(known, end=len(words))
    if capitalised and _party_name(words):
        return Evidence(0, len(words), "term", None, "PTY", 3)
    found = term(words)
    if found:
        return Evidence(0, len(words), "term", found.country, found.sector, found.weight, found.role)
    agent = _agent(phrase) if len(words) <= MAX_TERM else None
    if agent is not None:
        return replace(agent, end=len(words))
    code = countries.place_country(phrase) if capitalised and len(phrase) > 2 else None
    if code:
        return Evidence(0, len(words), "place", code)
    based = re.fullmatch(r"(.+)-(?:based|led)", phrase)
    if based:
        code = countries.country_name(based.group(1)) or countries.demonym_country(based.group(1))
        if code:
            return Evidence(0, len(words), "country", code)
    return None


# Words of a political creed, which in a capitalised name make it a party's: "Christian Democratic
# Union", "Labour", "the Social Democrats"; and the bodies such a name may end with.
CREED_WORDS = frozenset(
    "democratic democrats socialist socialists conservative conservatives liberal liberals republican "
    "republicans labour labor communist communists green greens tory tories nationalist nationalists".split()
)
PARTY_BODIES = frozenset("union party alliance front congress league movement".split())
# Creed words that name a party on their own.
PARTY_NOUNS = frozenset(
    "labour labor tory tories greens conservatives liberals republicans democrats socialists communists".split()
)


def _party_name(words: Sequence[str]) -> bool:
    """Whether capitalised words name a political party: one creed word on its own ("Labour",
    "the Tories"), a creed's plural ending a name ("Social Democrats"), or a name of creed words
    ending in a body ("Christian Democratic Union", "Liberal Party"), not "trade union" or "the
    labour ministry" in lower case, nor "Democratic Republic of Congo", "Syrian Democratic Forces"."""
    if not words or not all(w[:1].isupper() for w in words):
        return False
    if countries.demonym_country(words[0]) or countries.country_name(words[0]):
        return False  # "Kenyan Democratic Party": the country first, then the party
    low = [w.lower().rstrip(".") for w in words]
    if len(low) == 1:
        return low[0] in PARTY_NOUNS  # not "Republican" alone: "the Republican Guard"
    if low[-1] in CREED_WORDS and low[-1].endswith("s"):
        return True
    return low[-1] in PARTY_BODIES and any(w in CREED_WORDS for w in low[:-1])


def _agent(phrase: str) -> Evidence | None:
    """A generic agent noun of the knowledge base ("militiamen" UAF, "refugees" REF); words it
    marks as no actor at all (weekdays, "the border") say so."""
    base = knowledge.get()
    sector = base.agent(phrase) if base is not None else None
    if sector is None:
        return None
    if sector in ("NON", "JNK"):
        return Evidence(0, 0, "none")
    return Evidence(0, 0, "term", None, sector, 2)


def _placed(evidence: Evidence, words: Sequence[str], found: Sequence[Evidence]) -> bool:
    """A city or region says the actor's country only where it is used as a place.

    That is: the whole description ("Rosario"), a place modifying an actor noun ("Lviv
    police"), or the object of a locative preposition ("people in Sydney"); inside a
    personal name ("Paris Hilton", "Sen. Maria Florence") it says nothing.
    """
    if evidence.start == 0 and evidence.end == len(words):
        return True
    if evidence.start > 0 and words[evidence.start - 1].lower() in ("in", "from", "near", "at", "of"):
        return True
    after = [e for e in found if e.start == evidence.end]
    return bool(after) and after[0].kind == "term"


def scan(words: Sequence[str], date: int | None = None) -> list[Evidence]:
    """All evidence in a run of words, longest match first, left to right.

    >>> [(e.kind, e.country, e.sector) for e in scan("UK Transport Secretary Jane Moss".split())]
    [('country', 'GBR', None), ('term', None, 'GOV')]
    """
    found: list[Evidence] = []
    i = 0
    while i < len(words):
        longest = MAX_NAME if words[i][:1].isupper() and knowledge.get() is not None else MAX_TERM
        for n in range(min(longest, len(words) - i), 0, -1):
            ev = _match(words[i : i + n], date)
            if ev is not None:
                found.append(Evidence(i, i + n, ev.kind, ev.country, ev.sector, ev.weight, ev.role))
                i += n
                break
        else:
            i += 1
    return [e for e in found if (e.kind != "place" or _placed(e, words, found)) and not _stance(e, words)]


# Prefixes that make a country's name a stance towards it: "anti-Western", "pro-Moscow".
ATTITUDE_PREFIXES = frozenset({"anti", "pro"})


def attitude(words_before: Sequence[str]) -> bool:
    """Whether the words just before a country's name make it a stance ("anti-Syrian protesters",
    "pro-Moscow rebels"): those protesters and rebels are not of that country, and it is no side."""
    if not words_before:
        return False
    last = words_before[-1].lower()
    if last in ATTITUDE_PREFIXES or (last.endswith("-") and last[:-1] in ATTITUDE_PREFIXES):
        return True  # a description read without its punctuation keeps "anti" before "Syrian"
    return last in ("-", "–") and len(words_before) > 1 and words_before[-2].lower() in ATTITUDE_PREFIXES


def _stance(evidence: Evidence, words: Sequence[str]) -> bool:
    return evidence.kind in ("country", "seat", "place") and (
        attitude(words[: evidence.start]) or _posting(words, evidence.start)
    )


# Words of an envoy, whose "to", "for" or "in" phrase names where they are sent, not whose they are.
ENVOY_WORDS = frozenset(
    "envoy envoys ambassador ambassadors emissary representative representatives mediator "
    "negotiator delegate delegation consul observer observers monitors coordinator mission".split()
)


def _posting(words: Sequence[str], start: int) -> bool:
    """Whether a country follows an envoy's "to", "for" or "in": the ambassador to China, the UN
    envoy for Syria, a special representative in Iraq are sent there, and are not of that state."""
    if start < 2 or words[start - 1].lower() not in ("to", "for", "in"):
        return False
    before = [w.lower() for w in words[max(0, start - 5) : start - 1]]
    return any(w in ENVOY_WORDS for w in before)


def pick_country(evidence: Sequence[Evidence]) -> str | None:
    """The first country the words name; a state beats a non-state body named after it."""
    codes = [e.country for e in evidence if e.country and e.kind != "place"]
    codes += [e.country for e in evidence if e.country and e.kind == "place"]
    return codes[0] if codes else None


def pick_sector(evidence: Sequence[Evidence]) -> str | None:
    """The strongest sector word; among equals the rightmost (the head of an English NP)."""
    scored = [e for e in evidence if e.sector and e.sector != "SAME" and e.weight > 0]
    if not scored:
        return None
    top = max(e.weight for e in scored)
    best = [e for e in scored if e.weight == top][-1].sector
    former = any(e.sector == "ELI" and e.kind == "term" for e in evidence)
    return "ELI" if former and best in PERSON_SECTORS else best


def pick_role(evidence: Sequence[Evidence]) -> str | None:
    """The most specific title named ("Defence Minister" rather than "Minister")."""
    roles = [e for e in evidence if e.role and e.sector != "ELI"]
    if not roles:
        return None
    return max(roles, key=lambda e: (e.end - e.start, e.weight, e.start)).role


def words_of(text: str) -> list[str]:
    return WORD.findall(text.replace("’", "'"))


def looks_like_name(words: Sequence[str]) -> bool:
    """Capitalised words that no table knows: most likely a person's name."""
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() for w in words if w not in ("-", "–", "al", "bin", "de", "van", "von"))
        and not all(w.isupper() for w in words)
    )
