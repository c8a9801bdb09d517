"""Countries (names, demonyms, capitals as governments) and named organisations in an article,
and the article's home country."""

from __future__ import annotations

import functools
from collections import Counter

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

from dateline import countries
from dateline.annotate import doc_text

from .descriptions import PERSON_SECTORS, attitude, pick_country, pick_sector, scan, term
from .drafts import LOCATIVE, Draft, edge_punct
from .institutions import find_institutions, institution_country


def home_and_focus(doc: Doc, place: str | None) -> tuple[str | None, bool]:
    """The article's own country, the one its unqualified institutions ("the foreign ministry",
    "police") belong to.

    The dateline place's country when the text names that country or its places too, or names
    no other country twice (a Geneva dateline on a story about the US is not Swiss), else the
    country named most, the earliest among equals.
    A demonym on an official's title counts ("Norwegian Foreign Minister" names Norway), one
    on a counterpart does not: a counterpart is the foreign side by definition. The flag says
    whether the story is about the home country: the dateline's, and named at least as often as
    any other.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "NORP") or in_region(doc, ent.start, ent.end):
            continue
        code = countries.country_name(ent.text) or countries.demonym_country(ent.text)
        if code is None and ent.label_ == "GPE" and ent.text[:1].isupper():
            code = countries.place_country(ent.text)  # "Bougainville" five times: a story about its country
        if code and not (ent.label_ == "NORP" and _describes_counterpart(ent)):
            counts[code] += 1
            first.setdefault(code, ent.start)
    return _home(counts, first, place)


def _home(counts: Counter[str], first: dict[str, int], place: str | None) -> tuple[str | None, bool]:
    placed = countries.place_country(place) if place else None
    top = max(counts.values(), default=0)
    if placed and (placed in counts or top < 2):  # one mention of London does not move a Dhaka story
        return placed, counts[placed] == top
    if not counts:
        return None, False
    return max(counts, key=lambda code: (counts[code], -first[code])), False


def _describes_counterpart(ent: Span) -> bool:
    found = term([ent.root.head.text])
    return ent.root.head.i != ent.root.i and found is not None and found.sector == "SAME"



def _is_locative(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE


def places_and_orgs(doc: Doc, taken: set[int], home: str | None) -> list[Draft]:
    """Countries (names, demonyms, capitals as governments) and organisations."""
    drafts: dict[tuple[str, str | None, str | None, str], Draft] = {}
    for ent in doc.ents:
        if any(i in taken for i in range(ent.start, ent.end)):
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        while start < ent.end and doc[ent.end - 1].text in ("'s", "’s"):
            ent = doc[ent.start : ent.end - 1]
        text = doc[start : ent.end].text
        if not text or "\n" in text:
            continue
        if ent.label_ == "NORP" and modifies_title(ent):
            continue
        if _stance_words(doc, start, ent.end):
            taken.update(range(ent.start, ent.end))  # "anti-Syrian": a stance, not Syria
            continue
        if ent.label_ == "ORG" and countries.country_name(text):
            ent_label = "GPE"  # "the Democratic People's Republic of Korea", tagged as an organisation
        else:
            ent_label = ent.label_
        if ent_label in ("GPE", "NORP", "LOC"):
            if countries.is_region(text) or in_region(doc, start, ent.end):
                continue
            code = countries.country_name(text) or (
                countries.demonym_country(text) if ent.label_ == "NORP" else None
            )
            if code:
                key = ("COUNTRY", code, None, code)
                draft = drafts.setdefault(key, Draft(country_label(code, text), "COUNTRY", country=code))
            else:
                seat = countries.seat_of_government(text)
                if not seat or _is_locative(ent):
                    continue
                key = ("COUNTRY", seat[0], seat[1], text)
                draft = drafts.setdefault(key, Draft(text, "COUNTRY", country=seat[0], sector=seat[1]))
        elif ent_label == "ORG":
            if _title_part(doc, start, ent.end):
                continue
            evidence = scan(text.split())
            if not text.isupper() and not any(e.kind in ("org", "term") for e in evidence):
                continue
            country = pick_country(evidence)
            sector = pick_sector(evidence)
            presumed = False
            if country is None and sector in PERSON_SECTORS:
                country = institution_country(ent.root)
                presumed = country is None
                country = country or home
            key = ("ORG", country, sector, countries.normalize(text))
            draft = drafts.setdefault(
                key, Draft(text, "ORG", country=country, sector=sector, presumed=presumed)
            )
        else:
            continue
        draft.spans = (draft.spans or []) + [(start, ent.end)]
        taken.update(range(start, ent.end))
    _untagged_countries(doc, drafts, taken)
    _definite_orgs(doc, list(drafts.values()), taken)
    return list(drafts.values()) + find_institutions(doc, taken, home)


def _stance_words(doc: Doc, start: int, end: int) -> bool:
    """A country's name that an "anti-" or "pro-" before it, inside the entity or not, makes a
    stance: "anti-Syrian", "pro- Israeli"."""
    words = [t.text for t in doc[max(0, start - 2) : end]]
    for k in range(len(words)):
        if words[k][:1].isupper() and (countries.country_name(words[k]) or countries.demonym_country(words[k])
                                       or countries.seat_of_government(words[k])):
            return attitude(words[:k])
    return False


def _title_part(doc: Doc, start: int, end: int) -> bool:
    """A one-word "organisation" that completes a title: "Secretary of State", "Minister of State"."""
    if end - start != 1 or start < 2 or doc[start - 1].lower_ != "of":
        return False
    title = term([doc[start - 2].text])
    return title is not None and title.role is not None


def _untagged_countries(
    doc: Doc, drafts: dict[tuple[str, str | None, str | None, str], Draft], taken: set[int]
) -> None:
    """Country names and demonyms the entity recognizer missed ("Belarus's rulers")."""
    text = doc_text(doc)
    capitalised = [i for i, at in enumerate(doc.to_array(IDX).tolist()) if text[at].isupper()]
    for i in capitalised:  # a name starts with a capital (found without a Token for every word)
        if i in taken or doc[i].lower_ == "the" or attitude([t.text for t in doc[max(0, i - 2) : i]]):
            continue
        for n in (3, 2, 1):
            span = doc[i : i + n]
            if len(span) < n or any(t.i in taken or edge_punct(t) for t in span):
                continue
            code = countries.country_name(span.text) or countries.demonym_country(span.text)
            if code and in_region(doc, i, i + n):
                break
            if code and not (n == 1 and modifies_title(span)):
                key = ("COUNTRY", code, None, code)
                draft = drafts.setdefault(
                    key, Draft(country_label(code, span.text), "COUNTRY", country=code)
                )
                draft.spans = (draft.spans or []) + [(i, i + n)]
                taken.update(range(i, i + n))  # the name's other words are passed over as taken
                break


FEATURES = frozenset(
    "sea seas ocean gulf bay peninsula strait straits channel river basin plateau desert mountains "
    "highlands islands island lake coast".split()
)
NAMED_PLACES = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT"})


def in_region(doc: Doc, start: int, end: int) -> bool:
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


def modifies_title(ent: Span) -> bool:
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


def country_label(code: str, text: str) -> str:
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


def _definite_orgs(doc: Doc, drafts: list[Draft], taken: set[int]) -> None:
    """ "the ministry" after "the Defence Ministry" is that ministry."""
    heads: dict[str, Draft] = {}
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
