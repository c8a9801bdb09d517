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
        # harm nobody is told to have done, in a mishap / the same harm done by someone
        ("Two soldiers were wounded when their truck overturned.", "wounded", "ASSAULT", False),
        ("Two soldiers were wounded when gunmen ambushed their truck.", "wounded", "ASSAULT", True),
        ("Two soldiers were killed in a firefight on the border.", "killed", "ASSAULT", True),
        ("The airliner crashed near the capital, killing 98 people.", "killing", "ASSAULT", False),
        ("A car bomb exploded near the ministry, killing 20 people.", "killing", "ASSAULT", True),
        # accepting or recognising a fact is a belief / accepting a plan, recognising a state are acts
        ("Many governments have accepted that the president won the war.", "accepted", "AGREE", False),
        ("The rebels accepted the peace plan on Sunday.", "accepted", "AGREE", True),
        ("The minister recognised that the reforms had been slow.", "recognised", "SUPPORT", False),
        ("Sweden recognised the new state on Friday.", "recognised", "SUPPORT", True),
        # a spokesman's silence towards the press / a refusal of an act
        ("A palace aide declined to comment on the claims.", "declined", "REJECT", False),
        ("The government declined to attend the talks in Geneva.", "declined", "REJECT", True),
        # a winner over a rival in a match, a race or a vote / a beating
        ("The teenager beat her teammate into silver with her last dive.", "beat", "ASSAULT", False),
        ("The veteran mayor was beaten in the election by a young lawyer.", "beaten", "ASSAULT", False),
        ("Riot police beat voters outside a polling station in the capital.", "beat", "ASSAULT", True),
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
        # a pattern's object is the verb's own phrase: the commitments of a clause inside it are not
        # what a newspaper quotes
        ("The newspaper quoted a report published last week as urging the government to honour its commitments.",
         "quoted", "AGREE", False),
        # a document released is no release; people released are
        ("The ministry released a review of the prisons last month.", "released", "RETREAT", False),
        ("The rebels released two aid workers on Monday.", "released", "RETREAT", True),
        # a particle of starting or ending makes no act of the verb
        ("The trade fair kicked off in Lyon on Monday.", "kicked", "ASSAULT", False),
        ("Riot police kicked a student in Lyon on Monday.", "kicked", "ASSAULT", True),
    ],
)
def test_dictionary_verbs_in_their_news_sense(text: str, trigger: str, type_: str, event: bool, shared_kb) -> None:
    assert ((trigger, type_) in typed(text)) is event


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # figurative synonyms of the dictionary's blocks of force and decision, and commerce,
        # code only through a pattern with their words
        ("The alliance is dominated by the Kurdish militia.", "dominated", False),
        ("The scandal overshadowed the summit in Brussels.", "overshadowed", False),
        ("China imported five million tonnes of oil last year.", "imported", False),
        ("Each region may determine its own tax rates within limits.", "determine", False),
        ("The prisoner escaped from the jail on Monday night.", "escaped", False),
        # failing is a rejection only when what fails is an agreement
        ("The candidate failed to win a seat in the assembly.", "failed", False),
        ("Serbia and Kosovo failed to reach an agreement on the border after hours of talks.", "failed", True),
        # conceding a point in talk is no concession; conceding defeat is
        ("The spokesman conceded that the issues were difficult ones.", "conceded", False),
        ("The ruling party conceded defeat in the presidential election.", "conceded", True),
        # the same verbs in their act of force
        ("Rebels crushed the army garrison in the town on Friday.", "crushed", True),
    ],
)
def test_dictionary_blocks_in_their_common_sense(text: str, trigger: str, event: bool, shared_kb) -> None:
    assert (trigger in {t for t, _ in typed(text)}) is event


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # a running toll sums many acts: no attack of the report's day
        ("The conflict has killed more than 3,000 people since 2011.", "killed", False),
        ("The war has killed hundreds of thousands of people.", "killed", False),
        ("A leader who has killed nearly a million of his citizens cannot stay.", "killed", False),
        # an attack the reader can count is one, told in the perfect or not
        ("Gunmen have killed 12 people in a market in the north, police said.", "killed", True),
        ("Drone strikes have killed eight militant leaders since July.", "killed", True),
        ("Fighting killed 40 people in the city on Tuesday.", "killed", True),
    ],
)
def test_running_totals_are_no_attack_of_the_day(text: str, trigger: str, event: bool, shared_kb) -> None:
    assert (trigger in {t for t, _ in typed(text)}) is event


@pytest.mark.parametrize(
    "text, trigger, status",
    [
        # an event noun framed as a prospect or a topic did not happen (yet)
        ("Officials played down the chance of armed conflict with Syria.", "conflict", "hypothetical"),
        ("Damascus was preparing for war with its neighbour.", "war", "hypothetical"),
        ("Police warned of attacks on the capital during the holiday.", "attacks", "hypothetical"),
        ("The army averted a massacre in the town.", "massacre", "negated"),
        # told as done, it did
        ("The massacre in the town shocked the country.", "massacre", "occurred"),
    ],
)
def test_frames_give_an_event_noun_its_status(text: str, trigger: str, status: str) -> None:
    from dateline.events.status import nominal_status

    doc = parse(text)
    noun = next(t for t in doc if t.lower_ == trigger)
    assert nominal_status(noun, "occurred") == status


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # coming back is no visit; an official's trip and handing something back are acts
        ("The editor returned to Lebanon from France a day before the attack.", "returned", False),
        ("The mercenary boss arrived back in Britain late on Wednesday.", "arrived", False),
        ("The Indian foreign minister arrived in Dhaka on Monday for talks.", "arrived", True),
    ],
)
def test_coming_home_is_no_visit(text: str, trigger: str, event: bool, shared_kb) -> None:
    assert (trigger in {t for t, _ in typed(text)}) is event


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # a noun that needs an argument of its own: the market's demand is nobody's request
        ("The oil ministry expected crude demand to rise by three percent next year.", "demand", False),
        ("Exports grew by a tenth compared with demand in 2019.", "demand", False),
        ("The opposition party renewed its demand for an early election on Monday.", "demand", True),
        ("Striking nurses presented their demands to the health minister on Friday.", "demands", True),
        # a hyphenated prefix makes another word
        ("Relief workers praised the co-operation of the village councils.", "operation", False),
        ("The army began a military operation against the rebels in the hills on Monday.", "operation", True),
        # an "of" phrase naming a field or a process gives an event noun no actor
        ("The plan aims to secure the smooth operation of the banking industry.", "operation", False),
        # a mishap told by its verb, and a death at one's own hand, are no attack
        ("Five people were killed when a lorry collided with a minibus near the capital.", "killed", False),
        ("Five people were killed when gunmen fired on a minibus near the capital.", "killed", True),
        ("The former minister killed himself at his home on Sunday.", "killed", False),
        ("The bomber killed himself and nine worshippers at the shrine on Friday.", "killed", True),
        # an event noun that only modifies another noun names a thing
        ("She spoke to reporters from a detention camp in northern Syria on Monday.", "detention", False),
        ("Russian attack helicopters flew low over the valley on Tuesday.", "attack", False),
        ("An aid convoy reached the besieged town on Tuesday.", "aid", True),
        # a court that dismisses a case, a leader who dismisses a minister reject nothing
        ("The court dismissed the case against the former governor on Monday.", "dismissed", False),
        ("The president dismissed his defence minister on Wednesday.", "dismissed", False),
        ("The ministry dismissed the report as propaganda on Monday.", "dismissed", True),
        # a noun the dictionary knows only as a carrier's object needs that verb or an actor
        ("The mining group made a takeover bid for its smaller rival.", "bid", False),
        # a thing that stirs a worry consults nobody; officials who raise an issue do
        ("The missile tests, which have raised fears across the region, continued on Friday.", "raised", False),
        ("The Chinese foreign minister raised concerns about the tariffs with his US counterpart.", "raised", True),
        # watching is no inquiry
        ("Some 500 police were sent to the square to monitor the march.", "monitor", False),
    ],
)
def test_event_words_that_name_no_act(text: str, trigger: str, event: bool, shared_kb) -> None:
    assert (trigger in {e.trigger for e in code(text)}) is event


@pytest.mark.parametrize(
    "text",
    [
        "The opposition called for the minister to resign on Monday.",  # "for" parsed as the clause's mark
        "The opposition called for the resignation of the minister.",
        "The union called on the government to resign.",
        "Calls by the opposition for the minister to resign grew louder.",
    ],
)
def test_a_call_for_an_act_is_a_request_and_the_act_is_not_done(text: str, shared_kb) -> None:
    events = code(text)
    assert any(e.type == "REQUEST" for e in events), [(e.trigger, e.type, e.status) for e in events]
    assert not any(e.type == "RETREAT" and e.status == "occurred" for e in events)


def test_a_request_noun_holds_the_act_it_asks_for_and_is_made_of_who_is_to_act() -> None:
    found = code("The opposition issued a call for the withdrawal of Syrian troops on Monday.")
    assert [(e.trigger, e.type) for e in found] == [("call", "REQUEST")]
    assert [a.country for a in found[0].target] == ["SYR"]


def test_nobodys_call_for_an_act_is_no_event_and_no_act() -> None:
    assert code("There were growing calls for the pullout of foreign forces from the valley.") == []


@pytest.mark.parametrize(
    "text, trigger",
    [
        ("The air force seldom confirms its strikes across the border.", "strikes"),
        ("The army seldom attacks villages in the valley.", "attacks"),
    ],
)
def test_an_act_told_as_rare_is_a_habit_not_an_event(text: str, trigger: str) -> None:
    assert trigger not in {e.trigger for e in code(text)}



@pytest.mark.parametrize(
    "text, event",
    [
        ("The singer told fans she was resting after a knee operation last month.", False),
        ("The charity put off the start of relief operations for flood victims until Monday.", False),
        ("The army launched an operation against the rebels in the north on Monday.", True),
    ],
)
def test_an_operation_is_an_attack_only_as_an_act_of_force(text: str, event: bool, shared_kb) -> None:
    assert bool({"operation", "operations"} & {e.trigger for e in code(text)}) is event
