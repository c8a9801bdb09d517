"""Senses the rules settle before the learned decision: metaphors of attack, accidents named by
their cause, titles, hyphenated compounds, participles whose noun is the object, and dictionary
verbs of connection or of passive acts; each with the political sense of the same word."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.events import find_events
from dateline.model import Article, Event
from dateline.temporal import find_timexes


def code(text: str) -> list[Event]:
    doc = parse(text)
    return find_events(doc, Article(id="t", text=text), find_actors(doc), find_timexes(text, None, doc=doc))


def typed(text: str) -> set[tuple[str, str]]:
    return {(e.trigger, e.type) for e in code(text)}


@pytest.mark.parametrize(
    "text, trigger, type_, event",
    [
        # an attack on an idea or an institution's quality is a metaphor; on people or places an act
        ("The new media law is an assault on press freedom, the opposition said.", "assault", "ASSAULT", False),
        ("Rebels launched an assault on the town of Kidal on Monday.", "assault", "ASSAULT", True),
        ("The government attacks the independence of the courts, critics say.", "attacks", "ASSAULT", False),
        ("The army attacked the press office of the rebels on Friday.", "attacked", "ASSAULT", True),
        ("The president declared a war on poverty in his first speech.", "war", "ASSAULT", False),
        # an accident named by its cause / a bomb
        ("A gas explosion ripped through a block of flats in the city on Tuesday.", "explosion", "ASSAULT", False),
        ("A bomb explosion ripped through a market in the city on Tuesday.", "explosion", "ASSAULT", True),
        # sport, unless the sentence tells of an attack
        ("The striker attacked the goal from the left in the cup final.", "attacked", "ASSAULT", False),
        ("A mortar attack killed four children playing football in the square.", "killed", "ASSAULT", True),
        # a title headed by a gerund tells of no act
        ("Fighting Corruption in the Provinces", "Fighting", "ASSAULT", False),
        ("Fighting broke out in the provincial capital on Monday.", "Fighting", "ASSAULT", True),
    ],
)
def test_rules_tell_senses_apart(text: str, trigger: str, type_: str, event: bool) -> None:
    assert ((trigger, type_) in typed(text)) is event


def test_cease_fire_with_a_hyphen_is_a_ceasefire_not_gunfire() -> None:
    found = typed("The rival militias started the cease-fire at dawn on Friday.")
    assert ("fire", "ASSAULT") not in found
    assert ("fire", "RETREAT") in found


def test_according_to_names_a_source_not_an_act(shared_kb) -> None:
    found = typed("A car bomb killed four people, according to the police.")
    assert {t for t, _ in found} == {"killed"}


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # the noun a participle describes is the verb's object: "crimes committed" is no commitment
        ('"We want justice for the crimes committed by the militia," the minister said.', "committed", False),
        ("The atrocities that the militia committed are still being investigated.", "committed", False),
        ("The government committed itself to a ceasefire with the rebels on Monday.", "committed", True),
    ],
)
def test_participle_object_selects_the_sense(text: str, trigger: str, event: bool) -> None:
    assert (trigger in {t for t, _ in typed(text)}) is event


@pytest.mark.parametrize(
    "text, trigger, type_, event",
    [
        # verbs of connection code only through the dictionary's patterns
        ("Companies linked to the army would lose their licences under the bill.", "linked", "COOPERATE", False),
        ("Scientists linked the outbreak to meat imported from abroad.", "linked", "COOPERATE", False),
        # a passive subject is what the dictionary's object patterns test
        ("A new draft text was submitted to the assembly's legal committee on Monday.", "submitted", "CONCEDE", False),
    ],
)
def test_dictionary_verbs_in_their_news_sense(text: str, trigger: str, type_: str, event: bool, shared_kb) -> None:
    assert ((trigger, type_) in typed(text)) is event
