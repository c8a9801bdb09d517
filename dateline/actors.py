"""Actors: the people, organisations, countries and groups an article talks about.

Two entry points share one piece of knowledge, the *description scan*: a run of words
("his Japanese counterpart", "UK Defence Secretary", "Kyiv police") yields evidence of a
country (names, demonyms, capitals, organisations, cities) and of a sector and role (titles
and nouns from ``data/actors_sectors.tsv``).

- ``code_actor(text, context)`` codes a short actor description on its own.
- ``find_actors(doc, place)`` finds every actor in a parsed article with all its mentions,
  resolving bare surnames, counterparts, pronouns and group phrases ("the two ministers")
  at the level of the document; ``actor_at`` finds the actor behind a span.

>>> code_actor("President Emmanuel Macron")
(None, 'GOV')
>>> code_actor("ordinary Kazakhs")
('KAZ', 'CVL')
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from importlib import resources

from spacy.tokens import Doc, Span, Token

from dateline import countries
from dateline import kb as knowledge
from dateline.kb.codes import date_key
from dateline.model import Actor, Mention

MAX_TERM = 4
MAX_NAME = 6  # words of the longest name looked up in the knowledge base
LEADER_TITLES = frozenset(
    "president chairman chairwoman head leader member chief director spokesman spokeswoman "
    "secretary-general secretary general speaker".split()
)
PRONOUNS = frozenset({"he", "him", "his", "she", "her"})
PERSON_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
WORD = re.compile(r"\w+(?:[-.'’]\w+)*\.?|[-–]")


@dataclass(frozen=True)
class Term:
    """A sector word or title from the lexicon."""

    sector: str
    weight: int
    role: str | None


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
        table[cols[0]] = Term(cols[1], int(cols[2]), cols[3] if len(cols) > 3 and cols[3] else None)
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


def _known(phrase: str, date: int | None, near: tuple[str, ...] = (), weak: bool = False) -> Evidence | None:
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
    known = _known(phrase, date) if capitalised or phrase.isupper() else None
    if known is not None:
        return replace(known, end=len(words))
    found = term(words)
    if found:
        return Evidence(0, len(words), "term", None, found.sector, found.weight, found.role)
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

    That is: the whole description ("Mariupol"), a place modifying an actor noun ("Kyiv
    police"), or the object of a locative preposition ("people in Sydney"); inside a
    personal name ("Vladimir Putin", "Sen. Feliciano Valencia") it says nothing.
    """
    if evidence.start == 0 and evidence.end == len(words):
        return True
    if evidence.start > 0 and words[evidence.start - 1].lower() in ("in", "from", "near", "at", "of"):
        return True
    after = [e for e in found if e.start == evidence.end]
    return bool(after) and after[0].kind == "term"


def scan(words: Sequence[str], date: int | None = None) -> list[Evidence]:
    """All evidence in a run of words, longest match first, left to right.

    >>> [(e.kind, e.country, e.sector) for e in scan("UK Defence Secretary Ben Wallace".split())]
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
    return [e for e in found if e.kind != "place" or _placed(e, words, found)]


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


def _looks_like_name(words: Sequence[str]) -> bool:
    """Capitalised words that no table knows: most likely a person's name."""
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() for w in words if w not in ("-", "–", "al", "bin", "de", "van", "von"))
        and not all(w.isupper() for w in words)
    )


def code_actor(text: str, context: str = "", date: str | None = None) -> tuple[str | None, str | None]:
    """Country and sector of a short actor description, PLOVER-style, on ``date`` (ISO).

    A title with an "of" phrase takes its sector from what it heads ("president of the
    Riigikogu" is LEG); a capital stands for its government; a city for its people. A name the
    knowledge base knows takes its country, and, when no title says otherwise, the sector of the
    office held that day (a former officeholder is ELI). A bare surname is looked up only when
    one bearer fits (or the context names the country of one). A personal name with no other
    evidence gets GOV, the base rate for named people in political news; its country comes
    from the context, else, as a weak guess, from the ending of the surname ("Petrov").

    >>> code_actor("Northern Fleet"), code_actor("Armenian Prime Minister")
    (('RUS', 'MIL'), ('ARM', 'GOV'))
    """
    words = words_of(text)
    if not words:
        return None, None
    day = date_key(date)
    evidence = scan(words, day)
    if any(e.kind == "none" for e in evidence) and len(evidence) == 1:
        return None, None  # "Monday", "the border": not an actor
    country = pick_country(evidence)
    sector = _sector_with_of(words, evidence)
    if len(evidence) == 1 and evidence[0].start == 0 and evidence[0].end == len(words):
        only = evidence[0]
        if only.kind == "place" and sector is None:
            sector = "CVL"
    around = scan(words_of(context), day) if context else []
    name = _bare_name(words, evidence)
    person = next((e for e in evidence if e.kind == "person"), None)
    if person is None and name:
        near = tuple(e.country for e in evidence + around if e.country)
        person = _known(name[0], day, near, weak=True)
        if person is not None and person.kind == "person":
            country = country or person.country
        else:
            person = None
    if person is not None and sector is None:
        sector = person.sector or "GOV"
    if country is None and around:
        country = pick_country(around)
    if sector is None and not evidence and name:
        sector = "GOV"
    if country is None and name:
        country = countries.surname_country(name[-1])
    return country, sector


def _bare_name(words: Sequence[str], evidence: Sequence[Evidence]) -> list[str]:
    """The personal name a description ends with when only titles precede it."""
    if any(e.kind != "term" for e in evidence):
        return []
    rest = list(words[max((e.end for e in evidence), default=0) :])
    return rest if _looks_like_name(rest) else []


def _sector_with_of(words: Sequence[str], evidence: Sequence[Evidence]) -> str | None:
    for i, word in enumerate(words):
        if word.lower() == "of" and 0 < i < len(words) - 1 and words[i - 1].lower() in LEADER_TITLES:
            inner = pick_sector([e for e in evidence if e.start > i])
            if inner:
                former = any(e.sector == "ELI" and e.kind == "term" for e in evidence if e.start < i)
                return "ELI" if former and inner in PERSON_SECTORS else inner
    return pick_sector(evidence)


# --- actors in a parsed article ------------------------------------------------------------

GROUP_NOUNS = {
    "minister": "persons",
    "leader": "persons",
    "side": "sides",
    "delegation": "persons",
    "president": "persons",
    "official": "persons",
    "country": "countries",
    "nation": "countries",
    "government": "countries",
    "military": "countries",
    "neighbour": "countries",
    "neighbor": "countries",
}
GROUP_SECTORS = {
    "minister": "GOV",
    "government": "GOV",
    "military": "MIL",
    "president": "GOV",
    "leader": "GOV",
}
LOCATIVE = frozenset({"in", "at", "near", "to", "from", "across", "around", "into", "outside", "inside"})


@dataclass
class _Draft:
    """An actor being assembled: mentions as token ranges, keyed for merging."""

    name: str
    kind: str
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    spans: list[tuple[int, int]] | None = None
    members: list[int] | None = None


def _name_range(ent: Span, title_uses: Counter[str]) -> tuple[int, int]:
    """Token range of the name proper inside a PERSON entity, without leading titles.

    A leading word counts as a title by evidence only: a lexicon title ("President",
    "Gen.") or the bare form of an abbreviated title ("Gen" for "Gen.") that precedes a
    full two-word name or goes with more than one surname in the article. Otherwise, as
    with "Gen Nakatani" (always the same man, one surname), it is part of the name.
    """
    start, end = ent.start, ent.end
    doc = ent.doc
    while end - start > 1 and (doc[end - 1].text in ("'s", "’s", "'") or doc[end - 1].is_punct):
        end -= 1
    while end - start > 1:
        word = doc[start].text
        found = term([word])
        if found and found.role and (word[:1].isupper() or word.endswith(".")):
            start += 1
            continue
        abbreviated = term([word + "."])
        if (
            abbreviated
            and abbreviated.role
            and word[:1].isupper()
            and (end - start > 2 or title_uses[word] > 1)
        ):
            start += 1
            continue
        break
    return start, end


def _title_uses(doc: Doc) -> Counter[str]:
    """How many different surnames each capitalised leading word of a PERSON goes with."""
    seen: dict[str, set[str]] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            seen.setdefault(ent[0].text, set()).add(ent[-1].text)
    return Counter({word: len(surnames) for word, surnames in seen.items()})


def _description(doc: Doc, start: int, end: int) -> list[Token]:
    """Words describing the name at ``start:end``: its own modifiers, or the NP it is in
    apposition to ("his Japanese counterpart Gen Nakatani"), or its appositive ("X, Japan's
    defence minister,")."""
    root = doc[start:end].root
    words = [t for t in root.subtree if t.i < start]
    # a name in apposition to another name is a list of people ("Rajnath Singh, Gen Nakatani To
    # Explore ..." in a headline), not one describing the other
    apposed = root.dep_ == "appos" and root.head.i < start and root.head.ent_type_ != "PERSON"
    if apposed:
        words = [t for t in root.head.subtree if t.i < start and not t.is_punct]
    after: list[Token] = []
    for child in root.children:
        if child.dep_ == "appos" and child.i >= end and child.ent_type_ != "PERSON":
            tokens = [t for t in child.subtree if not t.is_punct]
            if not any(e.sector == "SAME" for e in scan(_words(tokens))):
                after += tokens
    kept: list[Token] = []
    for tok in sorted(words, key=lambda t: t.i):
        if tok.pos_ in ("VERB", "AUX") or tok.text in (",", "(", ")", ";", ":", '"', "“", "”"):
            kept = []
            continue
        kept.append(tok)
    return kept[-8:] + [t for t in after if not t.is_punct][:8]


def _words(tokens: Sequence[Token]) -> list[str]:
    return [t.text for t in tokens]


def _home_country(doc: Doc, place: str | None) -> str | None:
    """The article's own country, the one its unqualified institutions ("the foreign ministry",
    "police") belong to.

    The dateline place's country when the text names that country too (a Geneva dateline on a
    story about the US is not Swiss), else the country named most, the earliest among equals.
    A demonym on an official's title counts ("Norwegian Foreign Minister" names Norway), one
    on a counterpart does not: a counterpart is the foreign side by definition.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP") or _in_region(doc, ent.start, ent.end):
            continue
        code = countries.country_name(ent.text) or countries.demonym_country(ent.text)
        if code and not (ent.label_ == "NORP" and _describes_counterpart(ent)):
            counts[code] += 1
            first.setdefault(code, ent.start)
    placed = countries.place_country(place) if place else None
    if placed and (placed in counts or not counts):
        return placed
    if not counts:
        return None
    return max(counts, key=lambda code: (counts[code], -first[code]))


def _describes_counterpart(ent: Span) -> bool:
    found = term([ent.root.head.text])
    return ent.root.head is not ent.root and found is not None and found.sector == "SAME"


def _persons(doc: Doc, taken: set[int], day: int | None = None) -> list[_Draft]:
    """People named in the article, with full names first so bare surnames join them. A one-word
    "person" that is a known place and no known person is the place ("Aleppo")."""
    uses = _title_uses(doc)
    drafts: list[_Draft] = []
    by_name: dict[tuple[str, ...], int] = {}
    ents = sorted((e for e in doc.ents if e.label_ == "PERSON"), key=lambda e: -len(e))
    for ent in ents:
        start, end = _name_range(ent, uses)
        name = tuple(t.text for t in doc[start:end])
        if not name or not name[0][:1].isupper() or countries.country_code(" ".join(name)):
            continue
        if countries.demonym_country(name[0]):  # "Bosnian Serbs": a people, not a person
            continue
        if len(name) == 1 and knowledge.get() is not None and countries.place_country(name[0]):
            known = _known(name[0], day, weak=True)
            if known is None or known.kind != "person":
                continue
        index = by_name.get(name)
        if index is None:
            index = next((i for i, d in enumerate(drafts) if _part_of(name, d.name)), None)
        if index is None:
            index = len(drafts)
            by_name[name] = index
            drafts.append(_Draft(doc[start:end].text, "PERSON", spans=[]))
        drafts[index].spans.append((start, end))  # type: ignore[union-attr]
        taken.update(range(start, end))
    _bare_names(doc, drafts, taken)
    return drafts


def _part_of(name: tuple[str, ...], full: str) -> bool:
    parts = full.split()
    return len(parts) > len(name) and (
        tuple(parts[-len(name) :]) == name or tuple(parts[: len(name)]) == name
    )


def _bare_names(doc: Doc, drafts: list[_Draft], taken: set[int]) -> None:
    """A surname or given name of a known person is that person, whatever spaCy tagged it."""
    parts: dict[str, set[int]] = {}
    for index, draft in enumerate(drafts):
        words = draft.name.split()
        if len(words) > 1:
            for word in (words[0], words[-1]):
                parts.setdefault(word, set()).add(index)
    for tok in doc:
        if tok.i in taken or tok.text not in parts or len(parts[tok.text]) != 1:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text in parts and doc[tok.i + 1].i not in taken:
            continue
        index = next(iter(parts[tok.text]))
        drafts[index].spans.append((tok.i, tok.i + 1))  # type: ignore[union-attr]
        taken.add(tok.i)


def _named_home(doc: Doc, place: str | None, home: str | None) -> bool:
    """Whether the home country stands in the text on its own (a country or capital named, or
    the dateline), not only as the nationality of some official: "Macron met German Chancellor
    Scholz" says nothing about Macron's country."""
    if home is None:
        return False
    if place and countries.place_country(place) == home:
        return True
    return any(
        ent.label_ == "GPE" and countries.country_name(ent.text) == home for ent in doc.ents
    )


def _describe_persons(
    doc: Doc, drafts: list[_Draft], home: str | None, named_home: bool = True, day: int | None = None
) -> None:
    """Role, country and sector of each person: every description of them in the article first,
    then the knowledge base (the longest name, or a surname only one bearer of the countries
    named in the article fits), then the article's home country for an official."""
    counterparts: list[tuple[_Draft, Token]] = []
    for draft in drafts:
        evidence: list[Evidence] = []
        for start, end in draft.spans or []:
            tokens = _description(doc, start, end)
            found = scan(_words(tokens), day)
            evidence += found
            if any(e.sector == "SAME" for e in found):
                owner = next((t for t in tokens if t.lower_ in ("his", "her") or t.dep_ == "poss"), None)
                if owner is not None:
                    counterparts.append((draft, owner))
        draft.role = pick_role([e for e in evidence if e.sector != "SAME"])
        draft.sector = pick_sector(evidence)
        votes = Counter(e.country for e in evidence if e.country)
        draft.country = votes.most_common(1)[0][0] if votes else None
    for draft, owner in counterparts:
        other = _owner(doc, owner, drafts)
        if other is not None and other is not draft:
            draft.role = draft.role or other.role
            draft.sector = draft.sector or other.sector
    if knowledge.get() is not None:
        near = _named_countries(doc, home)
        for draft in drafts:
            known = _known(draft.name, day, near, weak=True)
            # the parser says it is a person; a dictionary may file a leader under his office
            if known is not None and known.kind != "place":
                draft.country = draft.country or known.country
                draft.sector = draft.sector or known.sector or "GOV"
    exclude = {d.country for d in drafts if d.country}
    for draft in drafts:
        official = draft.sector in PERSON_SECTORS or (draft.role is not None and draft.sector == "ELI")
        if draft.country is None and official and home and home not in exclude:
            draft.country = home
        elif draft.country is None and official and home and draft.role and named_home:
            partners = [d for d in drafts if d is not draft and d.role == draft.role and d.country == home]
            if not partners:
                draft.country = home


def _named_countries(doc: Doc, home: str | None) -> tuple[str, ...]:
    """The countries an article names, its home country first: what picks one bearer of a surname."""
    found = [home] if home else []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP"):
            code = countries.country_name(ent.text) or countries.demonym_country(ent.text)
            if code and code not in found:
                found.append(code)
    return tuple(found)


def _owner(doc: Doc, owner: Token, drafts: list[_Draft]) -> _Draft | None:
    """The person a possessive ("his") points to: the subject of its clause."""
    clause = owner
    while clause.head is not clause:
        clause = clause.head
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        for subject in (t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")):
            for draft in drafts:
                if any(s <= subject.i < e for s, e in draft.spans or []):
                    return draft
            return None
    return None


def _pronouns(doc: Doc, drafts: list[_Draft], taken: set[int]) -> None:
    """he/him/his/she/her: the person who is subject of the same sentence, else the only
    person named in the previous sentence."""
    where: dict[int, int] = {}
    for index, draft in enumerate(drafts):
        for start, end in draft.spans or []:
            for i in range(start, end):
                where[i] = index
    sents = list(doc.sents)
    for n, sent in enumerate(sents):
        for tok in sent:
            if tok.lower_ not in PRONOUNS or tok.i in taken:
                continue
            subjects = {where[t.i] for t in sent if t.i in where and t.dep_ in ("nsubj", "nsubjpass")}
            candidates = subjects
            if not candidates and n > 0:
                candidates = {where[t.i] for t in sents[n - 1] if t.i in where}
            if len(candidates) == 1:
                drafts[next(iter(candidates))].spans.append((tok.i, tok.i + 1))  # type: ignore[union-attr]
                taken.add(tok.i)


def _is_locative(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def _places_and_orgs(doc: Doc, taken: set[int], home: str | None) -> list[_Draft]:
    """Countries (names, demonyms, capitals as governments) and organisations."""
    drafts: dict[tuple[str, str | None, str | None, str], _Draft] = {}
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        while start < ent.end and doc[ent.end - 1].text in ("'s", "’s"):
            ent = doc[ent.start : ent.end - 1]
        text = doc[start : ent.end].text
        if not text or "\n" in text:
            continue
        if ent.label_ == "NORP" and _modifies_title(ent):
            continue
        if ent.label_ == "ORG" and countries.country_name(text):
            ent_label = "GPE"  # "the Democratic People's Republic of Korea", tagged as an organisation
        else:
            ent_label = ent.label_
        if ent_label in ("GPE", "NORP", "LOC"):
            if countries.is_region(text) or _in_region(doc, start, ent.end):
                continue
            code = countries.country_name(text) or (
                countries.demonym_country(text) if ent.label_ == "NORP" else None
            )
            if code:
                key = ("COUNTRY", code, None, code)
                draft = drafts.setdefault(key, _Draft(_country_label(code, text), "COUNTRY", country=code))
            else:
                seat = countries.seat_of_government(text)
                if not seat or _is_locative(ent):
                    continue
                key = ("COUNTRY", seat[0], seat[1], text)
                draft = drafts.setdefault(key, _Draft(text, "COUNTRY", country=seat[0], sector=seat[1]))
        elif ent_label == "ORG":
            evidence = scan(text.split())
            if not text.isupper() and not any(e.kind in ("org", "term") for e in evidence):
                continue
            country = pick_country(evidence)
            sector = pick_sector(evidence)
            if country is None and sector in PERSON_SECTORS:
                country = _institution_country(ent.root) or home
            key = ("ORG", country, sector, countries.normalize(text))
            draft = drafts.setdefault(key, _Draft(text, "ORG", country=country, sector=sector))
        else:
            continue
        draft.spans = (draft.spans or []) + [(start, ent.end)]
        taken.update(range(start, ent.end))
    _untagged_countries(doc, drafts, taken)
    _definite_orgs(doc, list(drafts.values()), taken)
    return list(drafts.values()) + _institutions(doc, taken, home)


def _untagged_countries(
    doc: Doc, drafts: dict[tuple[str, str | None, str | None, str], _Draft], taken: set[int]
) -> None:
    """Country names and demonyms the entity recognizer missed ("Belarus's rulers")."""
    i = 0
    while i < len(doc):
        if i in taken or not doc[i].text[:1].isupper() or doc[i].lower_ == "the":
            i += 1
            continue
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(t.i in taken or _edge_punct(t) for t in span):
                continue
            code = countries.country_name(span.text) or countries.demonym_country(span.text)
            if code and _in_region(doc, i, i + n):
                break
            if code and not (n == 1 and _modifies_title(span)):
                key = ("COUNTRY", code, None, code)
                draft = drafts.setdefault(
                    key, _Draft(_country_label(code, span.text), "COUNTRY", country=code)
                )
                draft.spans = (draft.spans or []) + [(i, i + n)]
                taken.update(range(i, i + n))
                i += n - 1
                break
        i += 1


FEATURES = frozenset(
    "sea seas ocean gulf bay peninsula strait straits channel river basin plateau desert mountains "
    "highlands islands island lake coast".split()
)
NAMED_PLACES = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def _in_region(doc: Doc, start: int, end: int) -> bool:
    """A country name or demonym that is part of a larger place name: "South America", "the
    South China Sea", "the Korean Peninsula" name regions, not the country ("western Cambodia"
    is still Cambodia)."""
    if start > 0 and countries.is_region(doc[start - 1 : end].text):
        return True
    if end < len(doc) and doc[end].text[:1].isupper() and doc[end].lower_ in FEATURES:
        return True  # "the (East and) South China Seas", "Persian Gulf", "Korean Peninsula"
    tok = doc[start]
    if tok.ent_type_ in NAMED_PLACES:
        ent = next((e for e in doc.ents if e.start <= start < e.end), None)
        if (
            ent is not None
            and (ent.start, ent.end) != (start, end)
            and countries.country_name(ent.text) is None
        ):
            before = [t.lower_ for t in doc[ent.start : start] if t.lower_ != "the"]
            return end != ent.end or not all(w in countries.REGION_WORDS for w in before)
    return False


def _modifies_title(ent: Span) -> bool:
    """A demonym describing a named person's title ("his Japanese counterpart Gen Nakatani")
    is part of that person's description, not a mention of the country; one describing an
    unnamed official ("an Argentine judge") is the country's only mention."""
    head = ent.root.head
    found = term([head.text])
    if head is ent.root or found is None or (found.role is None and found.sector != "SAME"):
        return False
    if found.sector == "SAME":
        return True
    near = [head, *head.subtree, *(head.head.subtree if head.dep_ == "compound" else ())]
    return any(t.ent_type_ == "PERSON" for t in near)


def _country_label(code: str, text: str) -> str:
    """One short name per country, however the text calls it ("Britain", "the UK", "British"), so
    the same country is one actor across articles: pycountry's common or short name, without the
    inverted official part ("Palestine, State of" is Palestine)."""
    return _short_country_name(code)


@functools.lru_cache(maxsize=512)
def _short_country_name(code: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    name = getattr(found, "common_name", None) or found.name
    return SHORT_NAMES.get(code) or name.split(",")[0]


# Where pycountry's common name is not the one news uses.
SHORT_NAMES = {"PRK": "North Korea", "KOR": "South Korea", "RUS": "Russia", "COD": "DR Congo",
               "VNM": "Vietnam", "TWN": "Taiwan", "BRN": "Brunei"}


def _definite_orgs(doc: Doc, drafts: list[_Draft], taken: set[int]) -> None:
    """ "the ministry" after "the Defence Ministry" is that ministry."""
    heads: dict[str, _Draft] = {}
    for draft in drafts:
        if draft.kind == "ORG":
            for word in draft.name.lower().split():
                found = term([word])
                if found is not None and found.weight >= 2 and found.role is None:
                    heads.setdefault(word, draft)
    for tok in doc:
        if tok.i in taken or tok.lower_ not in heads or tok.i == 0 or doc[tok.i - 1].lower_ != "the":
            continue
        draft = heads[tok.lower_]
        first = min(s for s, _ in draft.spans or [(len(doc), 0)])
        if first < tok.i:
            draft.spans = (draft.spans or []) + [(tok.i - 1, tok.i + 1)]
            taken.update((tok.i - 1, tok.i))


INSTITUTIONS = frozenset(
    "ministry presidency government cabinet administration authorities regime junta embassy army military "
    "navy police gendarmerie judiciary parliament legislature congress senate".split()
)
INSTITUTION_PAIRS = frozenset(
    {"air force", "armed forces", "security forces", "defence forces", "defense forces"}
)


def _institutions(doc: Doc, taken: set[int], home: str | None) -> list[_Draft]:
    """Unnamed institutions: "the foreign ministry", "police", "Kenyan police", "the
    government of Japan". A country in the phrase (a demonym, a possessive, an "of" phrase)
    says whose; an unqualified one is the article's home country's. Repeated mentions of the
    same institution ("the interior ministry" ... "the ministry") are one actor."""
    drafts: dict[tuple[str | None, str], _Draft] = {}
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_:
            continue
        if not (tok.text[:1].islower() or tok.is_sent_start and tok.text[1:].islower()):
            continue
        pair = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i else ""
        if tok.lower_ not in INSTITUTIONS and pair not in INSTITUTION_PAIRS:
            continue
        if tok.dep_ == "compound" and tok.head.i > tok.i:
            continue  # "police officers", "government troops": the head is the next word
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children) or any(
            c.lower_ in ("a", "an", "any", "every", "no") for c in tok.children if c.dep_ == "det"
        ):
            continue  # "its military", "a government": whose is not said here
        start = tok.i - 1 if pair in INSTITUTION_PAIRS else tok.i
        while (
            start > 0
            and doc[start - 1].i not in taken
            and doc[start - 1].text[:1].islower()
            and (doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i in (tok.i, start))
        ):
            start -= 1
        if start > 0 and doc[start - 1].lower_ == "the" and doc[start - 1].i not in taken:
            start -= 1
        found = term([t.text for t in doc[start : tok.i + 1] if t.lower_ != "the"]) or term([tok.text])
        if found is None:
            continue
        country = _institution_country(tok)
        if country is None and _owned(tok):
            continue  # "the armed forces of both countries", "Putin's government": someone else's
        country = country or home
        key = (country, tok.lower_)
        owners = [
            c.left_edge.i for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i
        ]
        name = doc[min([start + (doc[start].lower_ == "the"), *owners]) : tok.i + 1].text
        draft = drafts.setdefault(key, _Draft(name, "ORG", country=country, sector=found.sector))
        draft.spans = (draft.spans or []) + [(start, tok.i + 1)]
        taken.update(range(start, tok.i + 1))
    return list(drafts.values())


def _owned(tok: Token) -> bool:
    """Whether a possessive or an "of" phrase says whose the institution is."""
    owners = [c for c in tok.children if c.dep_ == "poss"] + [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]  # "ministry of defence" names a portfolio, "forces of both countries" an owner
    return any(o.pos_ in ("PROPN", "PRON") or o.ent_type_ or o.lemma_ in GROUP_NOUNS for o in owners)


def _institution_country(tok: Token) -> str | None:
    """The country an institution's own words name: "Kenyan police", "Chile's congress", "the
    government of Japan"."""
    words = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < tok.i]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        words += [g for g in prep.children if g.dep_ == "pobj"]
    for word in words:
        text = " ".join(
            t.text
            for t in word.subtree
            if not t.is_punct and t.lower_ != "the" and t.text not in ("'s", "’s")
        )
        code = (
            countries.country_name(text)
            or countries.demonym_country(text)
            or countries.demonym_country(word.text)
        )
        for t in word.subtree if code is None else ():  # "the government of Sindh province"
            if t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC"):
                code = countries.place_country(t.text)
                break
        if code:
            return code
    return None


def _groups(doc: Doc, actors: list[_Draft], taken: set[int]) -> list[_Draft]:
    """ "the two ministers", "both sides": a GROUP whose members are the two actors meant."""
    persons = [i for i, a in enumerate(actors) if a.kind == "PERSON" and a.spans]
    nations = [i for i, a in enumerate(actors) if a.kind == "COUNTRY" and a.sector is None and a.spans]
    groups: dict[tuple[int, ...], _Draft] = {}
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.tag_ not in ("NNS", "NNPS") or lemma not in GROUP_NOUNS or tok.i in taken:
            continue
        left = [t for t in doc[max(0, tok.i - 4) : tok.i]]
        if not any(t.lower_ in ("two", "both") for t in left):
            continue
        begin = next(t.i for t in left if t.lower_ in ("the", "both", "two", "their"))
        kind = GROUP_NOUNS[lemma]

        def before(ids: list[int], at: int = tok.i) -> list[int]:
            """The two most mentioned actors among ``ids`` named before the group."""
            earlier = [i for i in ids if min(s for s, _ in actors[i].spans or [(at, 0)]) < at]
            return sorted(earlier, key=lambda i: -len(actors[i].spans or []))[:2]

        members = before(persons) if kind in ("persons", "sides") else []
        if kind == "countries" or (kind == "sides" and len(members) < 2):
            owners = [actors[i].country for i in before(persons)]
            by_code = {actors[i].country: i for i in nations}
            members = [by_code[c] for c in owners if c in by_code]
            if len(set(members)) < 2:
                members = before(nations)
        if len(set(members)) < 2:
            continue
        key = (*sorted(set(members)), kind == "countries", GROUP_SECTORS.get(lemma))
        if key not in groups:
            groups[key] = _group([actors[i] for i in sorted(set(members))], GROUP_SECTORS.get(lemma))
            groups[key].members = sorted(set(members))
        draft = groups[key]
        draft.spans.append((begin, tok.i + 1))  # type: ignore[union-attr]
        taken.update(range(begin, tok.i + 1))
    return list(groups.values())


def _group(members: Sequence[_Draft], sector: str | None) -> _Draft:
    """A group named after its members, with the codes they all share and no others: "the two
    ministers" of India and Japan is GOV with no country; two Indian officials are IND GOV.
    The events stage codes a group as its members; these codes are what the group itself says."""
    countries_ = {m.country for m in members}
    sectors = {m.sector for m in members}
    roles = {m.role for m in members}
    shared = sectors.pop() if len(sectors) == 1 else None
    if shared is None and all(m.kind == "COUNTRY" for m in members):
        shared = sector  # "the two militaries" of India and Japan: the noun says which part
    return _Draft(
        " and ".join(m.name for m in members),
        "GROUP",
        role=roles.pop() if len(roles) == 1 else None,
        country=countries_.pop() if len(countries_) == 1 else None,
        sector=shared,
        spans=[],
    )


def find_actors(doc: Doc, place: str | None = None, date: str | None = None) -> list[Actor]:
    """People, organisations, countries and groups in an article, each with all its mentions.

    ``place`` is the dateline place ("New Delhi"): officials whose country the text does not
    state, and the knowledge base does not know, belong to the article's home country, the
    place's (else the most named country). ``date`` (ISO, the publication date) is the day whose
    officeholders the knowledge base gives.

    >>> from dateline.annotate import parse
    >>> actors = find_actors(parse("Defence Minister Rajnath Singh met Gen Nakatani."), "New Delhi")
    >>> [(a.name, a.role, a.country, a.sector) for a in actors][0]
    ('Rajnath Singh', 'Defence Minister', 'IND', 'GOV')
    """
    taken: set[int] = set()
    home = _home_country(doc, place)
    day = date_key(date)
    persons = _persons(doc, taken, day)
    _describe_persons(doc, persons, home, _named_home(doc, place, home), day)
    _pronouns(doc, persons, taken)
    others = _places_and_orgs(doc, taken, home)
    drafts = persons + others
    order = sorted(range(len(drafts)), key=lambda i: min(s for s, _ in drafts[i].spans or [(0, 0)]))
    drafts = [drafts[i] for i in order if drafts[i].spans]
    drafts += _groups(doc, drafts, taken)
    return [
        Actor(
            id=i,
            name=d.name,
            kind=d.kind,
            role=d.role,
            country=d.country,
            sector=d.sector,
            mentions=[mention(doc, s, e) for s, e in sorted(set(d.spans or []))],
            members=d.members or [],
        )
        for i, d in enumerate(drafts)
    ]


def _edge_punct(tok: Token) -> bool:
    return tok.is_punct or tok.is_space


def actor_at(actors: Sequence[Actor], start: int, end: int) -> Actor | None:
    """The actor behind the text ``start:end``.

    A mention equal to the span wins; then the tightest mention containing it ("Singh"
    inside "Rajnath Singh"); then the longest mention inside it ("Gen Nakatani" rather than
    "his" in "his Japanese counterpart Gen Nakatani"); then the largest partial overlap.
    """
    best: tuple[tuple[int, int], Actor] | None = None
    for actor in actors:
        for m in actor.mentions:
            if not (m.start < end and start < m.end):
                continue
            length = m.end - m.start
            if (m.start, m.end) == (start, end):
                key = (0, 0)
            elif m.start <= start and end <= m.end:
                key = (1, length)
            elif start <= m.start and m.end <= end:
                key = (2, -length)
            else:
                key = (3, -(min(end, m.end) - max(start, m.start)))
            if best is None or key < best[0]:
                best = (key, actor)
    return best[1] if best else None


def mention(doc: Doc, start: int, end: int) -> Mention:
    """A mention's characters, without punctuation at its edges ("Lao PDR," is "Lao PDR")."""
    while end - start > 1 and _edge_punct(doc[end - 1]):
        end -= 1
    while end - start > 1 and _edge_punct(doc[start]):
        start += 1
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)
