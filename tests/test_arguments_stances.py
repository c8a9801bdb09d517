"""Sides that a modifier, a stance or a place name could be mistaken for, and people's countries
told by where they left: tables of sentences the project writes."""

from __future__ import annotations

import pytest

from dateline.actors import code_actor, find_actors
from dateline.annotate import parse
from dateline.events import find_event_mentions
from dateline.model import Article


def _coded(text: str, type_: str) -> tuple[list[tuple[str, str | None, str | None]], ...]:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    event = next(e for e, _ in found if e.type == type_)
    return tuple([(a.name, a.country, a.sector) for a in side] for side in (event.source, event.target))


def _countries(text: str, type_: str) -> tuple[list[str | None], list[str | None]]:
    source, target = _coded(text, type_)
    return [c for _, c, _ in source], [c for _, c, _ in target]


@pytest.mark.parametrize(
    "text, type_, absent",
    [
        # "anti-" and "pro-" make a country's name a stance towards it: no side, no country
        ("The anti-Syrian bloc in parliament urged its voters to march on Sunday.", "REQUEST", "SYR"),
        ("Pro-Moscow gunmen attacked a police post near the border.", "ASSAULT", "RUS"),
    ],
)
def test_a_stance_towards_a_country_is_not_that_country(text: str, type_: str, absent: str) -> None:
    source, target = _countries(text, type_) if _has(text, type_) else ([], [])
    assert absent not in source + target


@pytest.mark.parametrize(
    "text, expected",
    [
        ("anti-Syrian protesters", None),
        ("pro-Western students", None),
        ("Syrian protesters", "SYR"),
    ],
)
def test_a_stance_gives_a_description_no_country(text: str, expected: str | None) -> None:
    assert code_actor(text)[0] == expected


def test_a_stance_gives_a_person_no_country() -> None:
    text = "The anti-Syrian columnist Karim Haddad was shot dead outside his office."
    doc = parse(text)
    person = next(a for a in find_actors(doc) if a.kind == "PERSON")
    assert person.country != "SYR"


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # a city that names an accord or talks is where they were made, not a party to them
        ("Under the Lisbon accord, the two sides agreed to cut their forces.", "AGREE", [], None),
        # a state's own possessive still acts
        ("Russia's offensive on the town began at dawn.", "ASSAULT", ["RUS"], None),
        # who withdraws is the "of" phrase of a withdrawal, who is released the "of" phrase of a release
        ("Rebels welcomed the withdrawal of Ugandan troops from the valley.", "RETREAT", ["UGA"], []),
        # who is opposed to a plan opposes it
        ("The farmers' unions of Chile are opposed to the new water law.", "REJECT", ["CHL"], None),
        # a visit told by a noun has the state it is in as its host
        ("During his visit in Peru, German Chancellor Otto Brenner praised the reforms.", "CONSULT", None, ["PER"]),
    ],
)
def test_sides_of_stances_accords_and_visits(
    text: str, type_: str, source: list[str] | None, target: list[str] | None
) -> None:
    got_source, got_target = _countries(text, type_) if _has(text, type_) else ([], [])
    if source is not None:
        assert got_source == source
    if target is not None:
        assert got_target == target


def _has(text: str, type_: str) -> bool:
    doc = parse(text)
    return any(e.type == type_ for e, _ in find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), []))


@pytest.mark.parametrize(
    "text, name, sector",
    [
        # people a nationality names, of no armed body, are those people, not the state
        ("A Danish nurse was seized by gunmen outside the clinic.", "Danish nurse", "MED"),
        ("Police detained three Chinese students after the march.", "three Chinese students", "EDU"),
    ],
)
def test_people_a_nationality_names_are_not_the_state(text: str, name: str, sector: str) -> None:
    sides = [a for side in _coded(text, "COERCE") for a in side]
    assert (name, sector) in [(n, s) for n, _, s in sides]
    assert all(c is not None for n, c, _ in sides if n == name)


@pytest.mark.parametrize(
    "text, name, country",
    [
        # where someone who holds no office is told to have left says where they come from
        ("Sarah Johnson, who left the UK in 2014, was detained in a camp.", "Sarah Johnson", "GBR"),
        ("Maria Lopez fled France with her brother in 2015.", "Maria Lopez", "FRA"),
        # an official who travels keeps the country of his office
        ("Foreign Minister Pedro Alvarez of Chile left Paris on Friday.", "Pedro Alvarez", "CHL"),
    ],
)
def test_a_person_who_left_a_country_comes_from_it(text: str, name: str, country: str) -> None:
    doc = parse(text)
    person = next(a for a in find_actors(doc) if a.name == name)
    assert person.country == country


@pytest.mark.parametrize(
    "text, sector",
    [
        # a capitalised name of a political creed is a party's, not a trade union's or a church's
        ("Christian Democratic Union", "PTY"),
        ("the Social Democrats", "PTY"),
        ("Labour leader", "PTY"),
        ("Liberal Party", "PTY"),
        # in lower case the words keep their own sense, and a title still decides
        ("trade union", "LAB"),
        ("Labour Minister", "GOV"),
        # a creed word inside another kind of name makes no party
        ("Syrian Democratic Forces", "REB"),
    ],
)
def test_a_party_name_is_a_party(text: str, sector: str) -> None:
    assert code_actor(text)[1] == sector


def test_one_unknown_word_gets_no_sector_with_a_knowledge_base(shared_kb) -> None:
    # a single capitalised word no dictionary knows may be anyone or anything: no guess
    assert code_actor("Zorvakin")[1] is None
    # a full personal name keeps the base rate of named people in political news
    assert code_actor("Lena Zorvakina")[1] == "GOV"


@pytest.mark.parametrize(
    "text, name, country",
    [
        # where an envoy is sent is not whose envoy they are
        ("The ambassador to Peru, Tomas Lindqvist, left Lima on Friday.", "Tomas Lindqvist", None),
        ("The Chilean ambassador, Pedro Alvarez, arrived in Lima.", "Pedro Alvarez", "CHL"),
    ],
)
def test_an_envoy_is_not_of_the_state_he_is_sent_to(text: str, name: str, country: str | None) -> None:
    doc = parse(text)
    person = next(a for a in find_actors(doc) if a.name == name)
    assert person.country == country


@pytest.mark.parametrize(
    "text, country",
    [("US ambassador to Peru", "USA"), ("ambassador to Peru", None), ("the special envoy for Peru", None)],
)
def test_an_envoys_posting_gives_no_country(text: str, country: str | None) -> None:
    assert code_actor(text)[0] == country


@pytest.mark.parametrize(
    "text, type_, target",
    [
        # an "anti-" modifier of the hostile act itself names whom it is against
        ("Students staged anti-American protests outside the embassy.", "PROTEST", ["USA"]),
        ("The gang claimed a wave of anti-Israeli bombings in the north.", "ASSAULT", ["ISR"]),
    ],
)
def test_an_anti_modifier_of_the_act_names_its_target(text: str, type_: str, target: list[str]) -> None:
    assert _countries(text, type_)[1] == target


@pytest.mark.parametrize(
    "text, name, country",
    [
        # a citizenship the text gives a person of no office says whose they are
        ("The court upheld the removal of the British citizenship of Sarah Johnson.", "Sarah Johnson", "GBR"),
        ("Karen Miller was stripped of Canadian citizenship last week.", "Karen Miller", "CAN"),
        ("Maria Lopez said she had lost her French passport in the camp.", "Maria Lopez", "FRA"),
        ("Tom Hart, who travelled from east London to Syria, was held.", "Tom Hart", "GBR"),
    ],
)
def test_a_citizenship_or_a_home_left_gives_a_country(text: str, name: str, country: str) -> None:
    doc = parse(text)
    person = next(a for a in find_actors(doc) if a.name == name)
    assert person.country == country
