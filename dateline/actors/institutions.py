"""Unnamed institutions: "the foreign ministry", "Kenyan police", "the government of Japan"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline import countries

from .descriptions import term
from .drafts import GROUP_NOUNS, Draft

INSTITUTIONS = frozenset(
    "ministry presidency government cabinet administration authorities regime junta embassy army military "
    "navy police gendarmerie judiciary parliament legislature congress senate".split()
)
INSTITUTION_PAIRS = frozenset(
    {"air force", "armed forces", "security forces", "defence forces", "defense forces"}
)


def find_institutions(doc: Doc, taken: set[int], home: str | None) -> list[Draft]:
    """Unnamed institutions: "the foreign ministry", "police", "Kenyan police", "the
    government of Japan". A country in the phrase (a demonym, a possessive, an "of" phrase)
    says whose; an unqualified one is the article's home country's. Repeated mentions of the
    same institution ("the interior ministry" ... "the ministry") are one actor."""
    drafts: dict[tuple[str | None, str], Draft] = {}
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
        country = institution_country(tok)
        if country is None and _owned(tok):
            continue  # "the armed forces of both countries", "Putin's government": someone else's
        presumed = country is None
        country = country or home
        key = (country, tok.lower_)
        owners = [
            c.left_edge.i for c in tok.children if c.dep_ in ("amod", "compound", "poss") and c.i < tok.i
        ]
        name = doc[min([start + (doc[start].lower_ == "the"), *owners]) : tok.i + 1].text
        draft = drafts.setdefault(
            key, Draft(name, "ORG", country=country, sector=found.sector, presumed=presumed)
        )
        draft.spans = (draft.spans or []) + [(start, tok.i + 1)]
        taken.update(range(start, tok.i + 1))
    return list(drafts.values())


def _owned(tok: Token) -> bool:
    """Whether a possessive or an "of" phrase says whose the institution is."""
    owners = [c for c in tok.children if c.dep_ == "poss"]
    if any(c.dep_ == "compound" and c.ent_type_ == "PERSON" for c in tok.children):
        return True  # "the Assad regime", "the Trump administration": the leader's, not the home country's
    owners += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]  # "ministry of defence" names a portfolio, "forces of both countries" an owner
    return any(o.pos_ in ("PROPN", "PRON") or o.ent_type_ or o.lemma_ in GROUP_NOUNS for o in owners)


def institution_country(tok: Token) -> str | None:
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
        for t in word.subtree if code is None else ():  # "the government of Aceh province"
            if t.pos_ == "PROPN" and t.ent_type_ not in ("PERSON", "ORG") and t.text[:1].isupper():
                code = countries.place_country(t.text)
                break
        if code:
            return code
    return None
