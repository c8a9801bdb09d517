"""Both sides of every event: who did it to whom, read from the clause or the event noun.

The sentences are the project's own; the curated lexicon alone codes them (no knowledge base),
so these tables pin the argument analysis, not the dictionary. The dyads gate scores the phrases
on the shared evaluation sentences.
"""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.evaluation.dyads import _match, phrase
from dateline.events import find_event_mentions
from dateline.model import Article
from tests.conftest import shared_file


def sides(text: str, type_: str) -> tuple[list[str], list[str], list[str | None]]:
    """Source and target phrases of the first event of a type, and its source countries."""
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    for event, m in found:
        if event.type == type_:
            return (
                [text[slice(*phrase(t))] for t in m.source_tokens],
                [text[slice(*phrase(t))] for t in m.target_tokens],
                [a.country for a in event.source],
            )
    raise AssertionError(f"no {type_} in {[(e.type, e.trigger) for e, _ in found]}")


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # active clause: subject and object, the subject's modifier gives the country
        ("Peruvian troops stormed the residence.", "ASSAULT", ["Peruvian troops"], ["the residence"]),
        # passive: the "by" agent acts, the subject suffers
        ("Twelve civilians were killed by the militia.", "ASSAULT", ["the militia"], ["Twelve civilians"]),
        # a possessive names who acts in a nominal event, its "on" phrase the target
        ("Turkey's offensive on Afrin entered its second week.", "ASSAULT", ["Turkey"], ["Afrin"]),
        # a light verb carries the noun: its subject acts, the noun's "against" phrase is the target
        ("The army launched an offensive against the rebels.", "ASSAULT", ["The army"], ["the rebels"]),
        ("Government forces laid siege to the city of Homs.", "ASSAULT", ["Government forces"], ["the city of Homs"]),
        # ...unless the verb carries its own object: who expressed outrage at a killing did not kill
        ("The government expressed anger on Tuesday at the murder of a judge.", "ASSAULT", [], ["a judge"]),
        ("Rebels took part in attacks on the convoy.", "ASSAULT", ["Rebels"], ["the convoy"]),
        # "by" and "of" in a nominal event: the captor and what was captured
        ("The capture of Mosul by Iraqi forces ended the siege.", "ASSAULT", ["Iraqi forces"], ["Mosul"]),
        # a pronoun stands for the speaker the sentence names
        ("The rebels said they attacked the convoy.", "ASSAULT", ["The rebels"], ["the convoy"]),
        # a relative clause's subject is the noun it modifies
        ("Police arrested the protesters who had blocked the road.", "PROTEST", ["the protesters"], []),
        ("Police arrested the protesters who had blocked the road.", "COERCE", ["Police"], ["the protesters"]),
        # coordination: both parties are the source of a meeting
        ("India and Japan held talks in New Delhi.", "CONSULT", ["India and Japan"], []),
        # the visitor is the source of a visit, the host its target
        ("Macron hosted Scholz in Paris on Monday.", "CONSULT", ["Scholz"], ["Macron"]),
        # an order to strike: the strike, by who ordered it
        ("President Donald Trump on Thursday ordered missile strikes on a Syrian air base.", "ASSAULT",
         ["President Donald Trump"], ["a Syrian air base"]),
        # no day or amount is a side
        ("The minister on Tuesday praised the agreement.", "SUPPORT", ["The minister"], ["the agreement"]),
        # an object pronoun is not its clause's subject: the other person named before it
        ("Nick Clegg singled out the minister, Michael Gove, accusing him of silence.", "ACCUSE",
         ["Nick Clegg"], ["Michael Gove"]),
        ("Anna Berg called Pavel Sidorov on Monday and urged him to show restraint.", "REQUEST",
         ["Anna Berg"], ["Pavel Sidorov"]),
        # a finite verb joined to a participle misread after its noun: the noun is the doer
        ("The first Dutch soldiers of a European force in Mali disembarked here at dawn Sunday "
         "and met up with an advanced Belgian unit.", "CONSULT", ["The first Dutch soldiers of a European force in Mali"],
         ["an advanced Belgian unit"]),
        # talks named by a noun with no light verb: the doer of the clause that tells of them
        ("The minister said he was satisfied with his discussions with Prime Minister Anna Berg.", "CONSULT",
         ["The minister"], ["Prime Minister Anna Berg"]),
        # a known actor elsewhere in the clause is a better side than a group of things or people
        ("Nigeria announced the deployment of 230 troops to Liberia.", "MOBILIZE", ["Nigeria"], ["Liberia"]),
        # a participle set off by a comma: its noun is the one freed, not the one who frees
        ("The aid worker Tim Okello, freed in the north on Monday, flew home.", "RETREAT", [],
         ["The aid worker Tim Okello"]),
        # who announces the launch or start of an attack carries it out
        ("Ethiopia announced the launch of the assault on Mekelle in November.", "ASSAULT", ["Ethiopia"], ["Mekelle"]),
        ("The army announced the start of an offensive against the rebels.", "ASSAULT", ["The army"],
         ["the rebels"]),
        # "they" after coordinated speakers stands for them
        ("Anna Berg and Jon Holm said they would attack the town.", "ASSAULT", ["Anna Berg and Jon Holm"],
         ["the town"]),
        # a participle clause with a "by" agent: the clause's subject undergoes the act
        ("The new premier Anna Berg fought to save her job on Friday, rebuffed by the rebels in the east.",
         "REJECT", ["the rebels in the east"], ["The new premier Anna Berg"]),
        # whoever is made or asked to act does the act: a passive governor lends its subject as the doer
        ("The government said the rebels would be forced to release Anna Berg.", "RETREAT", ["the rebels"],
         ["Anna Berg"]),
        ("Anna Berg was forced to resign on Monday.", "RETREAT", ["Anna Berg"], []),
        # a complement passive in its own words keeps its subject the patient
        ("Anna Berg is expected to be released by the rebels.", "RETREAT", ["the rebels"], ["Anna Berg"]),
        # who gains from support or aid is named after "for", unless it names a thing
        ("Russia offered its support for the rebels in the north.", "SUPPORT", ["Russia"],
         ["the rebels in the north"]),
        # the event noun a verb carries is never its own target; a dative "to" names the recipient
        ("Russia offered support to the rebels in the north.", "SUPPORT", ["Russia"], ["the rebels in the north"]),
        ("Japan gave aid to the refugees.", "AID", ["Japan"], ["the refugees"]),
        # the object released comes before whom it is handed to
        ("The rebels said they would release Anna Berg to the Red Cross.", "RETREAT", ["The rebels"],
         ["Anna Berg"]),
        # "US" is a country, not the pronoun "us"
        ("Spain has offered to US a regiment and four warships.", "AGREE", ["Spain"], ["US"]),
        # a definite description stands for the body the article named before it
        ("Islamic State grew out of a local movement. Thousands of people were imprisoned by the group.", "COERCE",
         ["the group"], ["Thousands of people"]),
    ],
)
def test_arguments_sides_as_written(text: str, type_: str, source: list[str], target: list[str]) -> None:
    got_source, got_target, _ = sides(text, type_)
    assert (got_source, got_target) == (source, target)


@pytest.mark.parametrize(
    "text, type_, targets",
    [
        # who condemns an attack accuses the attacker, not the victim
        ("Iran condemned the Israeli strikes on Syria.", "ACCUSE", ["ISR"]),
        ("Iran condemned plans to bomb Syria.", "ACCUSE", []),  # the planners, whom it does not name
        ("Russia condemned the decision to strike Syria.", "ACCUSE", []),
        ("Canada condemned a plot to attack the embassies of Kenya.", "ACCUSE", []),  # nor what the victim is of
        # who agrees to an attack targets its victim
        ("Kenya agreed to attack the Shabaab camps in Somalia.", "AGREE", ["SOM"]),
    ],
)
def test_arguments_an_act_about_an_act(text: str, type_: str, targets: list[str]) -> None:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    event = next(e for e, _ in found if e.type == type_)
    assert [a.country for a in event.target] == targets


@pytest.mark.parametrize(
    "text, type_, countries",
    [
        ("Peruvian troops stormed the residence.", "ASSAULT", ["PER"]),
        ("Turkey's offensive on Afrin entered its second week.", "ASSAULT", ["TUR"]),
        ("India and Japan held talks in New Delhi.", "CONSULT", ["IND", "JPN"]),
        # people in a place are a group of that place, not its state
        ("Rebels in the Ivory Coast attacked the town.", "ASSAULT", ["CIV"]),
        # a group after "their" is of whom "their" stands for
        ("Ukrainian commanders said their forces had attacked the town.", "ASSAULT", ["UKR"]),
    ],
)
def test_arguments_sides_carry_actor_countries(text: str, type_: str, countries: list[str]) -> None:
    assert sides(text, type_)[2] == countries


def _source_names(text: str, type_: str) -> list[str]:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    return [a.name for a in next(e for e, _ in found if e.type == type_).source]


@pytest.mark.parametrize(
    "text, type_, name",
    [
        ("Islamic State grew out of a local movement. Thousands of people were imprisoned by the group.", "COERCE",
         "Islamic State"),
        ("The Chinese foreign ministry issued a statement. The ministry condemned the attack.", "ACCUSE",
         "Chinese foreign ministry"),
    ],
)
def test_arguments_definite_descriptions_stand_for_the_body_named_before(text: str, type_: str, name: str) -> None:
    assert _source_names(text, type_) == [name]


def test_arguments_a_plural_object_pronoun_is_not_the_one_speaker() -> None:
    text = "Jon Holm said that the rebels would be forced to release them."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    event = next(e for e, _ in found if e.type == "RETREAT")
    assert "Jon Holm" not in [a.name for a in event.target]


def test_arguments_a_described_group_is_its_own() -> None:
    # "the anti-war group" describes a group of its own, not the armed group named before
    assert "Islamic State" not in _source_names(
        "Islamic State grew out of a local movement. The anti-war group condemned the attack.", "ACCUSE"
    )


def _coded(text: str, type_: str) -> tuple[list[tuple[str, str | None, str | None]], ...]:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    event = next(e for e, _ in found if e.type == type_)
    return tuple([(a.name, a.country, a.sector) for a in side] for side in (event.source, event.target))


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # a group no dictionary names is still a side, with the sector its words give
        ("Gunmen killed several villagers near the border.", "ASSAULT",
         [("Gunmen", None, "REB")], [("villagers", None, "CVL")]),
        # of the one state the sentence names, unless it is the other side's
        ("Students launched a hunger strike to call for the dismissal of Tunisian Prime Minister Leila Hamdi.",
         "PROTEST", [("Students", "TUN", "EDU")], []),
        # an armed body a nationality names is that body, of that country
        ("Israeli troops shot dead three protesters near the camp.", "ASSAULT",
         [("Israeli troops", "ISR", "MIL")], [("three protesters", None, "OPP")]),
        ("Two British soldiers were killed by a roadside bomb.", "ASSAULT",
         [], [("Two British soldiers", "GBR", "MIL")]),
        # a noun of number names whom it counts; a place named after people is no side
        ("Hundreds of political activists were released by the government.", "RETREAT",
         [("government", None, "GOV")], [("Hundreds of political activists", None, "OPP")]),
        # a place attacked is the place of those its modifier names: the camp's refugees
        ("Gunmen attacked a refugee camp near the border.", "ASSAULT", [("Gunmen", None, "REB")],
         [("refugee", None, "REF")]),
        # a pronoun is the group its antecedent names
        ("The rebels said they attacked the convoy.", "ASSAULT", [("rebels", None, "REB")], []),
        # "they" is no one person: the speaker is not the actor of what "they" do
        ("Minister Anna Berg said they would attack the rebels.", "ASSAULT", [], [("rebels", None, "REB")]),
        # a state named only as another group's nationality is not this group's
        ("Villagers attacked the UN convoy in anger at the arrival of Sudanese refugees.",
         "ASSAULT", [("Villagers", None, "CVL")], [("UN", "IGO", None)]),
        # an adjective after the group ties it to a state
        ("Gunmen loyal to Chad's former president attacked the police post.", "ASSAULT",
         [("Gunmen loyal", "TCD", "REB")], [("police", None, "COP")]),
        # people of no sector the words say are a side all the same, civilians of no office
        ("A police spokesman said three men had been detained.", "COERCE", [], [("three men", None, "CVL")]),
        ("The government praised the two women on Monday.", "SUPPORT",
         [("government", None, "GOV")], [("two women", None, "CVL")]),
        # a state of emergency is no one
        ("The government lifted a state of emergency in the north.", "CONCEDE",
         [("government", None, "GOV")], []),
    ],
)
def test_arguments_unnamed_groups_are_sides(text: str, type_: str, source: list, target: list) -> None:
    assert _coded(text, type_) == (source, target)


@pytest.mark.parametrize(
    "text, head, expected",
    [
        ("Officials met the defence minister of Japan on Monday.", "minister", "the defence minister of Japan"),
        ("The Nigerian Air Force (NAF) bombed the camp.", "Force", "The Nigerian Air Force (NAF)"),
        ("Officials welcomed NATO's decision to send trainers.", "decision", "NATO's decision"),
        ("Troops killed another fighter who had fled.", "fighter", "another fighter"),
        ("Troops killed another fighter who had fled.", "who", "another fighter"),
        ("Rebels shelled the last bastion in the country.", "bastion", "the last bastion in the country"),
    ],
)
def test_arguments_phrase_is_the_noun_phrase_as_written(text: str, head: str, expected: str) -> None:
    doc = parse(text)
    assert text[slice(*phrase(next(t for t in doc if t.text == head)))] == expected


def test_dyads_overlap_matching_is_one_to_one() -> None:
    gold = [(0, 10), (20, 30)]
    assert _match(gold, [(0, 10)]) == (1.0, 1.0, 1)
    assert _match(gold, [(0, 5), (0, 10)]) == (1.0, 1.0, 1)  # the exact span first, once
    assert _match(gold, [(0, 5)]) == (1.0, 0.5, 0)
    assert _match(gold, [(40, 50)]) == (0.0, 0.0, 0)


@pytest.mark.slow
def test_dyads_quality_gate() -> None:
    from dateline.evaluation.dyads import evaluate

    metrics = evaluate(shared_file("eval", "dyads.jsonl"))
    assert metrics["combined"]["overlap"]["f1"] >= 0.67
    assert metrics["source"]["overlap"]["f1"] >= 0.785
    assert metrics["target"]["overlap"]["f1"] >= 0.54  # 0.551


def test_arguments_events_cross_process_boundaries() -> None:
    """Events travel to and from worker processes: their sides hold actors, never parse tokens."""
    import pickle

    text = "Turkish troops attacked the convoy."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    events = [e for e, _ in found]
    assert events and pickle.loads(pickle.dumps(events)) == events


def _types(text: str) -> dict[str, str | None]:
    doc = parse(text)
    return {e.type: e.mode for e, _ in find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])}


@pytest.mark.parametrize(
    "text, type_, mode",
    [
        ("EU foreign ministers gathered in Brussels on Monday.", "CONSULT", "multilateral"),
        ("The two leaders engaged in intense telephone diplomacy.", "CONSULT", "phone"),
        ("The emir launched a mediation effort between the two states.", "CONSULT", "third-party"),
        ("The rebels declared a ceasefire on Sunday.", "RETREAT", "ceasefire"),
        ("Russia's intervention in Syria began in 2015.", "ASSAULT", "heavy-weapons"),
    ],
)
def test_events_without_a_meeting_verb_or_named_by_a_noun(text: str, type_: str, mode: str | None) -> None:
    assert _types(text).get(type_, "absent") == mode


@pytest.mark.parametrize(
    "text, absent",
    [
        ("Crowds gathered in the square to watch the parade.", "CONSULT"),  # no officials: no meeting
        ("President Donald Trump on Thursday ordered missile strikes on a Syrian air base.", "REQUEST"),
        ("The surgical intervention saved his life.", "ASSAULT"),
    ],
)
def test_events_other_readings_are_not_coded(text: str, absent: str) -> None:
    assert absent not in _types(text)


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # a fight whose parties one phrase lists: the first named fights the others
        ("Heavy clashes between government troops and rebels erupted near the town.", "ASSAULT",
         [("government troops", None, "MIL")], [("rebels", None, "REB")]),
        ("Heavy clashes between Hamas and Fatah erupted near the town.", "ASSAULT",
         [("Hamas", "PSE", "REB")], [("Fatah", "PSE", "PTY")]),
        ("Hamas gunmen and Fatah fighters fought a fierce battle in the camp.", "ASSAULT",
         [("Hamas", "PSE", "REB")], [("Fatah", "PSE", "PTY")]),
        # an event noun as the subject of a killing is done by its parties
        ("Clashes between Hamas and Fatah killed five people.", "ASSAULT",
         [("Hamas", "PSE", "REB"), ("Fatah", "PSE", "PTY")], [("five people", None, "CVL")]),
        # a body's leadership speaks for the body
        ("The army launched an offensive against the rebels' leadership.", "ASSAULT",
         [("army", None, "MIL")], [("rebels", None, "REB")]),
        # the forces a state sends are its own, not whom it sends them to
        ("The city police will deploy 4,000 officers for the match.", "MOBILIZE", [("city police", None, "COP")], []),
        # a people named in the plural is a side, of no sector the words say
        ("The Kurds accused the government of betrayal.", "ACCUSE", [("Kurds", None, None)],
         [("government", None, "GOV")]),
        # a chief of a body named by its noun is a side of that body's sector
        ("The intelligence chief warned the rebels against new attacks.", "THREATEN",
         [("intelligence chief", None, "SPY")], None),
    ],
)
def test_arguments_fights_and_bodies(text: str, type_: str, source: list, target: list | None) -> None:
    found_source, found_target = _coded(text, type_)
    assert found_source == source
    if target is not None:
        assert found_target == target


@pytest.mark.parametrize(
    "text, target",
    [
        # a trip told by its verb: the visitor arrives, the state of the place is the host
        ("Prime Minister Anna Berg of Norway arrived in Nairobi on Monday for two days of talks.",
         [("Nairobi", "KEN", "GOV")]),
        ("Norwegian Prime Minister Anna Berg arrived in Kenya on Monday.", [("Kenya", "KEN", None)]),
        # a leader coming home visits no one
        ("Kenyan President Daniel Moi arrived in Nairobi on Monday after a tour of Asia.", []),
    ],
)
def test_arguments_a_visit_has_its_host(shared_kb, text: str, target: list) -> None:
    assert _coded(text, "CONSULT")[1] == target


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # who tells the news takes no part in it: the pronoun is not the radio
        ("He accused the officials of lying, state radio reported.", "ACCUSE", ["He"], ["the officials of lying"]),
        # "he" is not the woman who speaks, and she is not her own target
        ("The woman charged that he had attacked her.", "ACCUSE", ["The woman"], ["he"]),
    ],
)
def test_arguments_the_teller_and_the_speaker_are_not_the_sides_they_tell_of(
    text: str, type_: str, source: list[str], target: list[str]
) -> None:
    found_source, found_target, _ = sides(text, type_)
    assert (found_source, found_target) == (source, target)


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # "them" with no named actor before it stands for the people last named, not its own subject
        ("Two guards were hurt on Sunday. Dozens of angry farmers had earlier attacked them.", "ASSAULT",
         ["Dozens of angry farmers"], ["Two guards"]),
        # ...the subject of the sentence before rather than the nearest noun
        ("Officials said police faced a crowd of angry protesters after being trapped near the mine. "
         "Hundreds of armed farmers had earlier attacked them.", "ASSAULT", ["Hundreds of armed farmers"],
         ["police"]),
        # who recommends an act does not do it
        ("Senator Ann Webb will recommend pulling out troops from the region.", "RETREAT", [], ["troops"]),
    ],
)
def test_arguments_referents_and_doers(text: str, type_: str, source: list[str], target: list[str]) -> None:
    got_source, got_target, _ = sides(text, type_)
    assert (got_source, got_target) == (source, target)


def test_arguments_a_place_in_the_sources_own_country_is_no_target() -> None:
    text = "On Monday the health ministry sent aid teams to Xinjiang to help the flood victims."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc, "Beijing"), [])
    events = [e for e, _ in found if e.source]
    assert events and all(e.source[0].country == "CHN" for e in events)
    assert all(not e.target for e in events), [(e.type, e.target) for e in events]


def test_arguments_the_noun_a_light_verb_carries_is_the_act_not_a_party(shared_kb) -> None:
    # "opposition" names people too, but with its own target phrase it is the act
    got_source, got_target, _ = sides("Party chairman Ayumi Sato voiced opposition to the tax bill.", "ACCUSE")
    assert got_source == ["Party chairman Ayumi Sato"] and got_target == []



def test_arguments_people_of_a_country_counted_are_people_not_the_state() -> None:
    text = "A car bomb killed 12 Peruvians near the market."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    targets = [(a.name, a.kind, a.country, a.sector) for e, _ in found if e.type == "ASSAULT" for a in e.target]
    assert targets == [("12 Peruvians", "GROUP", "PER", "CVL")]


@pytest.mark.parametrize(
    "text, type_, source, target",
    [
        # a "by" agent after two joined passives did both acts
        ("A border guard was seized and beaten on Friday by smugglers, the ministry said.", "COERCE",
         ["smugglers"], ["A border guard"]),
        # a passive joined to an active verb has its own patient: the government is accused
        ("The new government took weeks to form and has been accused of neglecting the villages.", "ACCUSE",
         [], ["The new government"]),
        # ...and an active verb joined to a passive its own doer
        ("The governor was elected in March and has criticised the mayor ever since.", "ACCUSE",
         ["The governor"], ["the mayor"]),
        # with whose help an act is done is an ally, not its target
        ("Bandits raided the depot with the help of two guards.", "ASSAULT", ["Bandits"], ["the depot"]),
        ("Bandits carried out the raid with the help of two guards.", "ASSAULT", ["Bandits"], []),
        # forces a country holds deployed are its own: it deploys them, they are no target
        ("Norway has 800 soldiers deployed in the north of the island.", "MOBILIZE", ["Norway"], []),
        # what is attacked or rejected is the target as written, in a passive as in an active clause
        ("A fuel convoy was ambushed by rebels near the pass.", "ASSAULT", ["rebels"], ["A fuel convoy"]),
        ("The budget was rejected by the senators on Monday.", "REJECT", ["the senators"], ["The budget"]),
        # who deploys "with" a unit goes along with it, and does not act on it
        ("Anna Berg deployed to the front with a volunteer battalion.", "MOBILIZE", ["Anna Berg"], []),
        # a claim's owner makes it: "they" in the claim are the rebels, not the officials who doubt it
        ("Officials said they doubted the rebels' claim that they had killed ten soldiers.", "ASSAULT",
         ["the rebels"], ["ten soldiers"]),
        # ...and a clause of a noun no one owns is still the speaker's
        ("Anna Berg said there was a chance that she would meet the rebels.", "CONSULT", ["Anna Berg"], ["the rebels"]),
        # "it" is no person: not the speaker who says what it will do
        ("Anna Berg said it would attack the rebels.", "ASSAULT", ["it"], ["the rebels"]),
    ],
)
def test_arguments_joined_verbs_allies_and_pronouns(text: str, type_: str, source: list[str], target: list[str]) -> None:
    got_source, got_target, _ = sides(text, type_)
    assert (got_source, got_target) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        '"The soldiers tried him in a hurry and decided to execute him," Pavel Sidorov said.',
        "“The soldiers tried him in a hurry and decided to execute him,” Pavel Sidorov said.",
    ],
)
def test_arguments_a_third_person_in_quoted_words_is_not_the_speaker(text: str) -> None:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    event = next(e for e, _ in found if e.type == "ASSAULT")
    assert "Pavel Sidorov" not in [a.name for a in event.target]


def test_arguments_she_is_not_the_man_he_stands_for() -> None:
    text = "Prime Minister Ivan Petrov said he telephoned Chancellor Anna Berg hours before she was to meet Paul Lemaire."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    meeting = next(e for e, _ in found if e.type == "CONSULT" and e.trigger == "meet")
    assert [a.name for a in meeting.source] == ["Anna Berg"]


def test_arguments_a_pronoun_after_an_unnamed_official_is_that_official() -> None:
    text = "Anna Berg greeted the crowd. The minister said he would visit Kenya next week."
    doc = parse(text)
    actors = find_actors(doc)
    assert [m.text for a in actors if a.name == "Anna Berg" for m in a.mentions] == ["Anna Berg"]
    found = find_event_mentions(doc, Article(id="t", text=text), actors, [])
    visit = next(e for e, _ in found if e.type == "CONSULT")
    assert [(a.name, a.sector) for a in visit.source] == [("minister", "GOV")]


@pytest.mark.parametrize(
    "text, source",
    [
        ("Anna Berg said it would attack the rebels.", []),  # "it" is no person
        # ...but after an official, the state he speaks for
        ("Foreign Minister Anna Berg of Norway said it would attack the rebels.", [("Norway", "NOR")]),
    ],
)
def test_arguments_it_after_a_person(text: str, source: list) -> None:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    attack = next(e for e, _ in found if e.type == "ASSAULT")
    assert [(a.name, a.country) for a in attack.source] == source


def test_arguments_a_body_as_subject_does_not_stand_for_a_pronoun() -> None:
    # "he" may be an unnamed minister, never the court: the man the sentence before named
    text = "Pavel Sidorov was arrested in May. On Friday a court ordered his release."
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    order = next(e for e, _ in found if e.type == "REQUEST")
    assert [a.name for a in order.target] == ["Pavel Sidorov"]
