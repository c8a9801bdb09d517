"""The event's own date: what the text dates it by, and an upper bound where it gives none."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.events import find_events
from dateline.model import Article, Event
from dateline.temporal import find_timexes


def events(text: str, published: str | None) -> list[Event]:
    doc = parse(text)
    article = Article(id="t", text=text, published=published)
    return find_events(doc, article, find_actors(doc), find_timexes(text, published, doc=doc))


def by_trigger(text: str, published: str | None, trigger: str) -> Event:
    found = [e for e in events(text, published) if e.trigger == trigger]
    assert len(found) == 1, [(e.trigger, e.type, e.date) for e in events(text, published)]
    return found[0]


# (text, publication date, trigger, date, precision, before)
@pytest.mark.parametrize(
    ("text", "published", "trigger", "date", "precision", "before"),
    [
        # an expression of its own, on the trigger before the clause
        ("The ministers met in Hanoi on Thursday.", "2018-01-12", "met", "2018-01-11", "day", None),
        ("The junta's 1982 attack on striking miners in Oruro is still remembered.", "2018-08-11",
         "attack", "1982", "year", None),
        ("The engineer was kidnapped by masked gunmen near the mine in November 2013.", "2018-01-06",
         "kidnapped", "2013-11", "month", None),
        ("Troops attacked the town a month ago.", "2019-02-17", "attacked", "2019-01", "month", None),
        ("The army seized power in a 1975 coup, the report said.", "2017-10-04", "seized", "1975", "year", None),
        # relative to an earlier date the text names
        ("The militia shelled Tarvik on 4 April 2013. Ten days earlier, the militia had launched an attack "
         "on Dorn.", "2017-08-25", "attack", "2013-03-25", "day", None),
        ("The mayor spoke on Saturday 5 September 2015, Labor Day weekend. Ten days earlier, the militia had "
         "launched an attack on the suburbs.", "2018-02-10", "attack", "2015-08-26", "day", None),
        ("The rebels withdrew in 2013. Ten days earlier, the army had bombed the town.", "2017-08-25",
         "bombed", "2013", "year", None),
        ("Russia and China held talks on Tuesday, a day after the two countries signed a trade agreement.",
         "2018-01-12", "signed", "2018-01-08", "day", None),
        ("The ministers met in Beijing on Thursday and agreed to expand military cooperation.", "2018-01-12",
         "agreed", "2018-01-11", "day", None),
        ("The protests have continued since March 30, when police killed 12 marchers.",
         "2018-04-20", "killed", "2018-03-30", "day", None),
        ("When the two powers stopped arming the rebels in March 1975, their leader fled to Cairo and met "
         "members of the exiled council.", "2017-10-04", "met", "1975-03", "month", None),
        # a bare participle in "-ing" is told at its clause's time; one after "after" or a perfect is not
        ("The rebels pulled out of the port on Sunday, accusing the navy of shelling the docks.", "2017-12-31",
         "accusing", "2017-12-31", "day", None),
        ("Condemning the raid, the ministers met in Rome on Monday.", "2017-12-31",
         "Condemning", "2017-12-25", "day", None),
        ("After shelling the docks, the navy withdrew on Sunday.", "2017-12-31", "shelling", None, None,
         "2017-12-31"),
        ("Having killed two guards, the rebels withdrew on Sunday.", "2017-12-31", "killed", None, None,
         "2017-12-31"),
        # a relative clause on a dated event noun tells of that event's day
        ("A raid on Monday, in which troops arrested six men, was condemned.", "2005-12-17", "arrested",
         "2005-12-12", "day", None),
        # past perfect and reported events: earlier than their reference time
        ("Monitors said on Tuesday that the rebels had seized the town.", "2018-01-12", "seized", None, None,
         "2018-01-09"),
        ("Up to 24 civilians have been killed in the offensive, monitors said on Tuesday.", "2018-01-12",
         "killed", None, None, "2018-01-09"),
        ("The senator lashed out a day after he agreed to close his family's charity.", "2018-12-19",
         "agreed", None, None, "2018-12-18"),
        # the day an act set is not the day of the act
        ("The ruling party could lose the snap polls called for 24 June.", "2018-04-19", "called", None, None,
         "2018-04-19"),
        # undated, with the report as the bound
        ("Israeli soldiers arrested 40 Palestinians.", "2024-03-02", "arrested", None, None, "2024-03-02"),
        ("A Danish medic was killed in Yemen while treating the wounded, an inquest heard.", "2018-06-20",
         "killed", None, None, "2018-06-20"),
        ("Assad had previously launched an attack on the town.", "2017-08-25", "attack", None, None,
         "2017-08-25"),
        # a week inside one month is that month; one across two months bounds the event by its Sunday
        ("Rebels attacked the base last week.", "2018-03-14", "attacked", "2018-03", "month", None),
        ("Rebels attacked the base last week.", "2018-04-04", "attacked", None, None, "2018-04-01"),
        ("Sanctions imposed on the regime last week angered its allies.", "2018-03-14", "Sanctions", "2018-03", "month",
         None),
        # a year on what the act is about dates that thing, not the act
        ("Ankara accused the preacher of masterminding the 2016 coup attempt.", "2019-05-02", "accused", None,
         None, "2019-05-02"),
        ("The minister was blamed for the 2011 crackdown.", "2019-05-02", "blamed", None, None, "2019-05-02"),
        ("The prince visited the old cathedral in Toledo, built more than 700 years ago.", "2006-03-12",
         "visited", None, None, "2006-03-12"),
    ],
)  # fmt: skip
def test_event_date(text, published, trigger, date, precision, before):
    event = by_trigger(text, published, trigger)
    assert (event.date, event.date_precision, event.before) == (date, precision, before)
    assert event.reported == published


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Rajnath Singh will host Gen Nakatani for talks in New Delhi.", "host"),
        ("If the pact is sealed, India would send aid to Japan.", "send"),
        ("But he added: “We won’t be fully pulled out until the militia is beaten.”", "pulled"),
    ],
)
def test_event_date_a_plan_a_condition_or_a_refusal_to_come_is_not_bounded_by_its_report(text, trigger):
    event = by_trigger(text, "2025-05-04", trigger)
    assert (event.date, event.before, event.reported) == (None, None, "2025-05-04")


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The tribunal set May 14 for the next hearing.", "2018-05-02"),
        ("The judge adjourned the trial of the two activists until April 29.", "2018-04-20"),
        ("Protesters marched on Sunday, and the rally organizers vowed further marches on June 5.", "2018-04-20"),
    ],
)
def test_event_date_nothing_told_as_done_is_dated_after_its_report(text, published):
    for event in events(text, published):
        if event.status == "occurred" and event.date:
            assert event.date[:10] <= published, (event.trigger, event.date)


def test_event_date_a_noun_under_after_is_not_of_its_clauses_day():
    # the measure dates it from the clause's day; without one it is no event of that day
    assert by_trigger("The mayor spoke on Sunday, two days after the ambush.", "2017-12-31", "ambush").date == (
        "2017-12-29"
    )
    text = "The mayor spoke on Sunday after the ambush."
    assert not [e for e in events(text, "2017-12-31") if e.trigger == "ambush" and e.date == "2017-12-31"]


def test_event_date_a_future_date_on_a_noun_makes_it_a_plan():
    hearing = by_trigger("The tribunal set May 14 for the next hearing.", "2018-05-02", "hearing")
    assert (hearing.status, hearing.date) == ("planned", "2018-05-14")


@pytest.mark.parametrize(
    ("text", "published", "absent"),
    [
        ("The Security Council unanimously adopted Resolution 1636 on Monday, demanding cooperation.",
         "2005-11-02", "1636"),
        ("The prince visited the old cathedral in Toledo, built more than 700 years ago.", "2006-03-12",
         "1706"),
    ],
)  # fmt: skip
def test_event_date_numbers_are_not_years(text, published, absent):
    assert all(absent not in (e.date or "") for e in events(text, published))


def test_event_date_a_last_meeting_is_the_earlier_one_the_article_names():
    text = (
        "Singh will host Nakatani on Monday. Their first meeting took place in November in Vientiane. "
        "At their last meeting, Singh and Nakatani deliberated on the supply pact."
    )
    deliberated = by_trigger(text, "2025-05-04", "deliberated")
    assert (deliberated.date, deliberated.status) == ("2024-11", "occurred")


def test_event_date_that_meeting_is_the_one_just_named():
    text = (
        "Singh hosted Nakatani on Monday. It was their second meeting after their first meeting in November. "
        "At that meeting, Singh and Nakatani deliberated on the supply pact."
    )
    deliberated = by_trigger(text, "2025-05-06", "deliberated")
    assert deliberated.date == "2024-11"


def test_event_date_a_last_meeting_the_article_does_not_name_is_bounded_by_the_report():
    text = "At their last meeting, Singh and Nakatani deliberated on the supply pact."
    deliberated = by_trigger(text, "2025-05-04", "deliberated")
    assert (deliberated.date, deliberated.before) == (None, "2025-05-04")


def test_event_date_without_a_publication_date_is_left_for_the_story():
    event = by_trigger("Israeli soldiers arrested 40 Palestinians.", None, "arrested")
    assert (event.date, event.before, event.reported) == (None, None, None)


@pytest.mark.parametrize(
    "text, place",
    [
        ("The prize was handed over on Tuesday at the meeting in Kampala, capital of Uganda.", "Kampala"),
        ("The envoys met in Washington, D.C. on Friday.", "Washington, D.C."),
    ],
)
def test_event_place_is_the_place_without_its_apposition(text, place):
    [e, *_] = events(text, "2005-11-09")
    assert (e.location or {}).get("name") == place
