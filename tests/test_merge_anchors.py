"""What must agree between two tellings of one act: victims, sums, phases; and the ties a shared
day or a conflict's territory may not make on their own."""

from __future__ import annotations

import pytest

from dateline.anchors import amounts, anchors_differ, ordinals, repeated, victims
from dateline.merge import merge_events
from dateline.model import Actor

from .test_merge import _at

HAMAS = Actor(20, "Hamas", kind="ORG", country="PSE", sector="REB")
PALESTINE = Actor(21, "Palestine", kind="COUNTRY", country="PSE")
ISRAEL = Actor(22, "Israel", kind="COUNTRY", country="ISR")
JAPAN = Actor(24, "Japan", kind="COUNTRY", country="JPN")
NEPAL = Actor(25, "Nepal", kind="COUNTRY", country="NPL")
COUNCIL = Actor(26, "Pacific Business Council", kind="ORG", sector="BUS")
TRADE_BODY = Actor(27, "World Trade Organization", kind="ORG", country="IGO")
HU = Actor(28, "Hu Jintao", country="CHN", sector="GOV")
ABBAS = Actor(29, "Mahmoud Abbas", country="PSE", sector="GOV")
GROUP = Actor(30, "the group", kind="ORG")
GAZA = {"name": "Gaza Strip", "country": "PSE"}


@pytest.mark.parametrize(
    "a, b, type_, differ",
    [
        ("The first phase of the naval drill began.", "The second phase of the naval drill began.", "COOPERATE", True),
        ("The first phase of the naval drill began.", "Sailors joined the first phase of the drill.", "COOPERATE", False),
        ("The second round of talks opened.", "The talks resumed in Geneva.", "CONSULT", False),  # one gives no round
        ("Japan pledged 20 million dollars in aid.", "Japan will give 20 million dollars.", "AID", False),
        ("Japan pledged 20 million dollars in aid.", "The bank approved $150 million for the dam.", "AID", True),
        ("The bomb that killed Kovac shook the capital.", "He recalled the murder of Judge Horvat.", "ASSAULT", True),
        ("Kovac was killed by a car bomb.", "The killing of Dario Kovac drew outrage.", "ASSAULT", False),
        ("Kovac was arrested on Monday.", "Police arrested Horvat at the border.", "COERCE", True),
        ("Kovac was arrested on Monday.", "Police arrested Horvat at the border.", "CONSULT", False),  # not harm
        ("A colonel was kidnapped and killed.", "Gunmen killed a guard at the camp.", "ASSAULT", False),  # unnamed
        ("He was killed by Hamas gunmen.", "Hamas gunmen killed a guard.", "ASSAULT", False),  # the doer is no victim
        ("Troops arrested three militants in Jenin.", "Eight other militants were arrested in the raid.", "COERCE", True),
        # a roundup's incidents on different days; the day someone said it is no anchor
        ("A roadside bomb hit an army patrol on Thursday.", "A car bomb hit a police patrol on Tuesday.", "MOBILIZE",
         True),
        ("A roadside bomb hit an army patrol on Thursday.", "Police said on Friday a bomb hit the patrol.", "MOBILIZE",
         False),
        ("The talks opened on Monday in Oslo.", "Delegates met in Oslo late Monday.", "CONSULT", False),
        ("Troops arrested three militants in Jenin.", "The three were arrested at dawn.", "COERCE", False),
    ],
)
def test_anchors_that_must_agree(a, b, type_, differ):
    assert anchors_differ(a, b, type_) is differ


@pytest.mark.parametrize(
    "text, found",
    [
        ("Rebels freed 40 million rupees worth of grain.", [40000000]),
        ("The fund gave €3.5 million and $200,000.", [200000, 3500000]),
        ("It cost 12 lives.", []),
    ],
)
def test_amounts(text, found):
    assert sorted(amounts(text)) == found


def test_victims_of_the_act_the_trigger_tells():
    text = "The bomb that killed Dario Kovac revived the probe into the murder of Judge Ivan Horvat."
    assert victims(text) == {"Kovac", "Horvat"}
    assert victims(text, text.find("killed")) == {"Kovac"}
    assert victims(text, text.find("murder")) == {"Horvat"}
    assert victims(text, text.find("probe")) == {"Kovac", "Horvat"}  # the trigger is no word of harm
    assert anchors_differ(text, "Horvat was shot dead outside his home.", "ASSAULT", text.find("killed"))
    assert not anchors_differ(text, "Horvat was shot dead outside his home.", "ASSAULT", text.find("murder"))


def test_ordinals_and_victims_read_the_series_part_and_the_harmed():
    assert ordinals("the third-stage of the vote") == {"stage": 3}
    assert victims("Mourners marked the assassination of former premier Ivo Sanader.") == {"Sanader"}
    assert victims("Troops killed two soldiers in Nablus on Sunday.") == frozenset()


def _roundup(text, trigger, article, day="2025-12-17", **kw):
    options = dict(source=(HAMAS,), target=(PALESTINE,), type_="ASSAULT", location=GAZA)
    options.update(kw)
    return _at(text, trigger, day, article, **options)


@pytest.mark.parametrize(
    "second, merged",
    [
        # another incident of the same day between the same sides, told in other words: apart
        (("A colonel of the security service was kidnapped and killed by Hamas militants.", "killed"), 2),
        # ... even when both name the conflict's territory on that day
        (("A colonel was kidnapped and killed in the Gaza Strip by Hamas militants.", "killed"), 2),
        # the same clash told again: joined by what happened, not by the day alone
        (("Hamas gunmen clashed with the presidential guard near the training camp.", "clashed"), 1),
    ],
)
def test_merge_a_days_incident_roundup_needs_more_than_the_day(second, merged):
    first = _roundup("Hamas supporters clashed with members of the presidential guard in the Gaza Strip.", "clashed", "a1")
    assert len(merge_events([first, _roundup(*second, "a2")])) == merged


def test_merge_a_conflicts_territory_is_no_anchor_without_a_day_both_name():
    strike = _roundup("An Israeli aircraft killed four militants in the northern Gaza Strip.", "killed", "a1",
                      source=(ISRAEL,), target=(PALESTINE,))
    later = _roundup("In the central Gaza Strip, militants escaped when a drone struck their car.", "struck",
                     "a2", day=None, published="2025-12-19", source=(ISRAEL,), target=())
    assert len(merge_events([strike, later])) == 2


@pytest.mark.parametrize(
    "second, merged",
    [
        (("Japan will provide 15 million dollars of disaster relief for Nepal.", "provide"), 1),
        (("Japan issued an appeal for 126 million dollars of help for Nepal.", "appeal"), 2),
    ],
)
def test_merge_different_sums_are_different_acts(second, merged):
    first = _at("Japan will provide 15 million dollars of disaster relief for Nepal after the quake.", "provide",
                None, "a1", source=(JAPAN,), target=(NEPAL,), type_="AID", location=None, published="2025-04-02")
    other = _at(*second, None, "a2", source=(JAPAN,), target=(NEPAL,), type_="AID", location=None,
                published="2025-04-03")
    assert len(merge_events([first, other])) == merged


def test_merge_phases_of_one_exercise_are_two_events():
    first = _at("The second phase of the joint search-and-rescue exercise began.", "exercise", None, "a1",
                source=(JAPAN,), target=(), type_="COOPERATE", location=None, published="2025-04-02")
    second = _at("Crews took part in the first phase of the joint search-and-rescue exercise.", "exercise", None,
                 "a2", source=(JAPAN,), target=(), type_="COOPERATE", location=None, published="2025-04-03")
    assert len(merge_events([first, second])) == 2


def test_merge_meetings_of_other_named_participants_stay_apart():
    """A summit week's side meetings: the business council's session is not the trade body's talks,
    though neither names the other side and the type is a mutual one."""
    council = _at("The Pacific Business Council opened its three-day meeting on trade and investment.", "meeting",
                  None, "a1", source=(COUNCIL,), target=(), published="2025-11-14")
    talks = _at("Delegates discussed trade and investment and the stalled World Trade Organization round.",
                "discussed", None, "a2", source=(TRADE_BODY,), target=(), published="2025-11-15")
    assert len(merge_events([council, talks])) == 2


@pytest.mark.parametrize(
    "second, merged",
    [
        # the named actor on the same side, the same named day: one visit
        (dict(text="Hu's state visit began in the capital.", trigger="visit", source=(HU,), target=()), 1),
        # the named actor done to, not doing, on that day, and nothing else shared: another act
        (dict(text="The group sent Hu a letter about jailed strikers.", trigger="sent", source=(GROUP,),
              target=(HU,), type_="CONSULT"), 2),
    ],
)
def test_merge_a_shared_day_ties_one_actors_acts_only_in_the_same_role(second, merged):
    first = _at("Hu arrived for a state visit at the president's invitation.", "arrived", "2025-11-23", "a1",
                source=(HU,), target=(), location=None)
    options = dict(day="2025-11-23", article="a2", location=None)
    options.update(second)
    assert len(merge_events([first, _at(**options)])) == merged


TUNG = Actor(32, "Tung Chee-hwa", country="HKG", sector="GOV")
USA = Actor(33, "United States", kind="COUNTRY", country="USA")


@pytest.mark.parametrize(
    "second, merged",
    [
        # one act in other words that share only a word of everyday news ("visit"): one
        ("Tung said that he had dropped his plans to visit the United States.", 1),
        # the same named sides doing something else in the story: two
        ("Tung will address the United States Congress on trade in June.", 2),
    ],
)
def test_merge_the_same_named_sides_need_a_word_in_common(second, merged):
    first = _at("Tung cancelled a US visit to avoid embarrassment.", "cancelled", None, "a1", source=(TUNG,),
                target=(USA,), type_="SANCTION", location=None, published="1997-04-16")
    other = _at(second, second.split()[2], None, "a2", source=(TUNG,), target=(USA,), type_="SANCTION",
                location=None, published="1997-04-17")
    assert len(merge_events([first, other])) == merged



@pytest.mark.parametrize(
    "a, trigger_a, b, trigger_b, differ",
    [
        # the weekday dates what was said of the order, far from the order itself: no anchor
        ("Trump on Monday decided to withdraw the troops.", "decided",
         "Trump's order to withdraw the troops drew sharp criticism from several Republican senators on Wednesday.",
         "order", False),
        # each incident's own day, by its word: two incidents
        ("A roadside bomb hit an army patrol on Thursday.", "hit",
         "A car bomb hit a police patrol on Tuesday.", "hit", True),
    ],
)
def test_weekdays_anchor_only_near_the_act(a, trigger_a, b, trigger_b, differ):
    assert anchors_differ(a, b, "RETREAT", a.find(trigger_a), b.find(trigger_b)) is differ


@pytest.mark.parametrize(
    "text, harmed",
    [
        # the name before the noun of harm, or its possessive: the victim
        ("Rice discussed the Petrov killing by phone with her French counterpart.", {"Petrov"}),
        ("Mourners gathered a year after Sanader's assassination.", {"Sanader"}),
        # "of" names the victim after it: the name before is who did it
        ("The Hamas kidnapping of Gilad Shalit drew condemnation.", {"Shalit"}),
        # a place before the noun names where, not whom
        ("The Beirut killing shocked the city.", set()),
    ],
)
def test_victims_named_before_the_noun_of_harm(text, harmed):
    assert victims(text) == harmed


@pytest.mark.parametrize(
    "text, trigger, noun",
    [
        ("The raid began shortly after dawn on Tuesday.", "raid", "raid"),
        ("The minister was praised after Friday's raid on the depot.", "raid", "raid"),
        ("Two guards were hurt as the assault went on.", "assault", "assault"),
        ("Police launched a raid on a warehouse.", "raid", None),  # indefinite: another raid
        ("Troops stormed the building on Tuesday.", "stormed", None),  # a verb tells, not refers back
    ],
)
def test_merge_a_definite_noun_refers_back_to_an_act(text, trigger, noun):
    from dateline.mention_text import definite_noun
    from dateline.mention_text import stub_event

    event = stub_event(type="ASSAULT", text=text, trigger=trigger, trigger_start=text.index(trigger))
    assert definite_noun(event) == noun


def test_merge_reports_of_one_storming_that_name_no_one_join_it_within_the_story():
    """"The raid began at dawn on Tuesday", "the assault on the building", told in other reports of the
    story that name no doer, are the storming its first report told; a raid of another place that day,
    "in a separate incident", stays apart."""
    from dateline.merge import EventMention
    from dateline.mention_text import stub_event

    def mention(article, text, trigger, date, published, source=(), target=()):
        event = stub_event(type="ASSAULT", text=text, trigger=trigger, trigger_start=text.index(trigger),
                           source=list(source), target=list(target), date=date,
                           date_precision="day" if date else None, sentence=0)
        return EventMention(event, article, published, story="s1")

    troops = Actor(id=1, name="Ecuadorean special forces", kind="ORG", country="ECU", sector="MIL")
    mentions = [
        mention("a", "Ecuadorean special forces stormed the customs building on Tuesday.", "stormed",
                "2025-09-16", "2025-09-17", source=[troops]),
        mention("b", "The raid began shortly after dawn on Tuesday.", "raid", "2025-09-16", "2025-09-17"),
        mention("c", "The soldiers who carried out the assault were praised.", "assault", None, "2025-09-18"),
        mention("d", "In a separate incident on Tuesday, police raided a warehouse.", "raided", "2025-09-16",
                "2025-09-17"),
    ]
    merged = merge_events(mentions)
    by_article = {a: m.id for m in merged for a in m.articles}
    assert by_article["a"] == by_article["b"] == by_article["c"]
    assert by_article["d"] != by_article["a"]


def test_merge_a_named_act_is_no_reference_back():
    from dateline.mention_text import definite_noun
    from dateline.mention_text import stub_event

    text = "Officials were gloomy about the Geneva meeting."
    event = stub_event(type="ASSAULT", text=text, trigger="meeting", trigger_start=text.index("meeting"))
    assert definite_noun(event) is None


@pytest.mark.parametrize(
    "text, many",
    [
        # blows of one act, counted
        ("The customs chief was shot four times in the neck as he left his office.", False),
        ("Police said the judge had been stabbed six times in the back.", False),
        ("A drone hit the convoy three times before dawn on Monday.", False),
        # acts counted over a period, or told as repeated
        ("Insurgents have struck the border post five times since January.", True),
        ("The airport was shelled nine times over the past month.", True),
        ("Fighters fired on the ferry again and again, the crew said.", True),
    ],
)
def test_anchors_a_count_of_blows_is_not_a_count_of_acts(text, many):
    from dateline.mention_text import stub_event

    assert repeated(stub_event(type="ASSAULT", text=text)) is many


def test_anchors_blows_of_one_shooting_retold_join_it():
    gunmen = Actor(71, "gunmen", kind="ORG", sector="CRM")
    chief = Actor(72, "Tomas Varga", kind="PERSON", country="HUN", sector="GOV")
    killing = _at("Gunmen shot dead customs chief Tomas Varga outside his home in Szeged on Thursday.", "shot",
                  "2025-10-09", "a1", type_="ASSAULT", source=(gunmen,), target=(chief,), location=None)
    retold = _at("Tomas Varga was shot four times in the neck, the police said.", "shot", None, "a2",
                 type_="ASSAULT", source=(), target=(chief,), location=None, published="2025-10-10")
    assert len(merge_events([killing, retold])) == 1
