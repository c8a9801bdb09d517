"""Story actor knowledge: a person one report of a story names with no country takes the country
the story's other reports give the same full name.

One report introduces "the British teenager Amira Khatun"; the next, written for readers who know
her, names "Amira Khatun" alone. Within a story a full name is one person, so what one report
says of her nationality holds for all. This runs before merging, per story, like date anchoring.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from .model import Actor, Analysis


def _full_name(actor: Actor) -> str | None:
    """The key a person's name is known by across reports: two words or more, folded."""
    if actor.kind != "PERSON":
        return None
    words = actor.name.lower().split()
    return " ".join(words) if len(words) >= 2 else None


def story_countries(analyses: list[Analysis]) -> dict[str, str]:
    """Full names of persons to the one country the story's reports give them (none when they
    disagree: two namesakes, or a dictionary's guess against an article's word)."""
    found: dict[str, set[str]] = defaultdict(set)
    for analysis in analyses:
        for actor in analysis.actors:
            name = _full_name(actor)
            if name and actor.country:
                found[name].add(actor.country)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1}


def borrow_countries(analysis: Analysis, known: dict[str, str]) -> Analysis:
    """The analysis with its persons of no country given the country ``known`` holds for their
    full name, in its actors and in the sides of its events; unchanged (the same object) when none.

    >>> from dateline.model import Article
    >>> a = Analysis(Article(id="a", text="..."), actors=[Actor(0, "Amira Khatun")])
    >>> borrow_countries(a, {"amira khatun": "GBR"}).actors[0].country
    'GBR'
    """
    ids = {
        actor.id: known[name]
        for actor in analysis.actors
        if actor.country is None and (name := _full_name(actor)) and name in known
    }
    if not ids:
        return analysis

    def fill(actor: Actor) -> Actor:
        if actor.country is None and actor.id in ids and _full_name(actor):
            return replace(actor, country=ids[actor.id])
        return actor

    events = [replace(e, source=[fill(a) for a in e.source], target=[fill(a) for a in e.target])
              for e in analysis.events]
    return replace(analysis, actors=[fill(a) for a in analysis.actors], events=events)
