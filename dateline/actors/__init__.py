"""Actors: the people, organisations, countries and groups an article talks about.

Two entry points share one piece of knowledge, the *description scan*: a run of words
("his Japanese counterpart", "UK Defence Secretary", "Kyiv police") yields evidence of a
country (names, demonyms, capitals, organisations, cities) and of a sector and role (titles
and nouns from ``data/actors_sectors.tsv``), in ``descriptions``.

- ``code_actor(text, context)`` codes a short actor description on its own.
- ``find_actors(doc, place)`` finds every actor in a parsed article with all its mentions,
  resolving bare surnames, counterparts, pronouns and group phrases ("the two ministers")
  at the level of the document; ``actor_at`` finds the actor behind a span.

Modules by job: ``descriptions`` (the scan), ``coding`` (one description), ``persons``,
``places`` (countries, organisations, the home country), ``institutions``, ``groups``, and
``drafts`` (what they share); this module puts an article's actors together.

>>> code_actor("President Emmanuel Macron")
(None, 'GOV')
>>> code_actor("ordinary Bolivians")
('BOL', 'CVL')
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from dateline.kb.codes import date_key
from dateline.model import Actor, Mention

from .coding import code_actor
from .descriptions import Evidence, Term, pick_country, pick_role, pick_sector, scan, term, words_of
from .drafts import edge_punct
from .groups import find_groups
from .persons import borrow_countries, citizenship_countries, describe_persons, find_persons, resolve_pronouns, resolve_titles
from .places import home_and_focus, places_and_orgs

__all__ = [
    "Evidence", "Term", "actor_at", "code_actor", "find_actors", "mention", "pick_country", "pick_role",
    "pick_sector", "scan", "term", "words_of",
]


def find_actors(doc: Doc, place: str | None = None, date: str | None = None) -> list[Actor]:
    """People, organisations, countries and groups in an article, each with all its mentions.

    ``place`` is the dateline place ("New Delhi"): officials whose country the text does not
    state, and the knowledge base does not know, belong to the article's home country, the
    place's (else the most named country), while no one else named is of it. ``date`` (ISO, the publication date) is the day whose
    officeholders the knowledge base gives.

    >>> from dateline.annotate import parse
    >>> actors = find_actors(parse("Defence Minister Rajnath Singh met Gen Nakatani."), "New Delhi")
    >>> [(a.name, a.role, a.country, a.sector) for a in actors][0]
    ('Rajnath Singh', 'Defence Minister', 'IND', 'GOV')
    """
    taken: set[int] = set()
    home, focus = home_and_focus(doc, place)
    day = date_key(date)
    persons = find_persons(doc, taken, day)
    describe_persons(doc, persons, home, day, focus)
    resolve_pronouns(doc, persons, taken)
    resolve_titles(doc, persons, taken, day)
    citizenship_countries(doc, persons)
    others = places_and_orgs(doc, taken, home)
    borrow_countries(doc, persons, others)
    drafts = persons + others
    order = sorted(range(len(drafts)), key=lambda i: min(s for s, _ in drafts[i].spans or [(0, 0)]))
    drafts = [drafts[i] for i in order if drafts[i].spans]
    drafts += find_groups(doc, drafts, taken)
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
    while end - start > 1 and edge_punct(doc[end - 1]):
        end -= 1
    while end - start > 1 and edge_punct(doc[start]):
        start += 1
    span = doc[start:end]
    return Mention(span.start_char, span.end_char, span.text)
