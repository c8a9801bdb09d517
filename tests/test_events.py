"""Event coding: the seed reports, single sentences, strict PLOVER export, and a quality gate."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.events import TYPES, find_events, lexicon, to_plover
from dateline.model import Article, Event
from tests.conftest import shared_file

BOILERPLATE = ("Advertisement · Scroll to continue", "With inputs from agencies.")


def cleaned_seed(path: Path) -> Article:
    """A seed article with its boilerplate stripped by hand, as the clean stage would."""
    raw = path.read_text(encoding="utf-8")
    if "You may also like" in raw:
        text = raw.split("\nYou may also like")[0].replace("New Delhi | ", "", 1).strip()
        return Article(id=path.stem, text=text, place="New Delhi")
    raw = re.sub(r"^\s*date \S+ ", "", raw)
    lines = [
        ln for ln in raw.split("\n") if ln.strip() not in BOILERPLATE and not ln.startswith("Also Read:")
    ]
    return Article(
        id=path.stem, text=re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), published="2025-05-04"
    )


def code(article: Article) -> list[Event]:
    from dateline.temporal import find_timexes

    doc = parse(article.text)
    actors = find_actors(doc, place=article.place)
    timexes = find_timexes(article.text, article.published, doc=doc)
    return find_events(doc, article, actors, timexes)


def one(text: str, published: str | None = None) -> list[Event]:
    return code(Article(id="t", text=text, published=published))


def _names(actors: list) -> set[str]:
    return {a.name for a in actors}


def _by_trigger(events: list[Event], trigger: str) -> Event:
    found = [e for e in events if e.trigger == trigger]
    assert found, f"no event with trigger {trigger!r} in {[(e.type, e.trigger) for e in events]}"
    return found[0]


@pytest.fixture(scope="module")
def report_events() -> list[Event]:
    return code(cleaned_seed(next(shared_file("seeds").glob("000_*.txt"))))


@pytest.fixture(scope="module")
def preview_events() -> list[Event]:
    return code(cleaned_seed(next(shared_file("seeds").glob("003_*.txt"))))


def test_events_seed_report_meeting_is_a_visit_from_japan(report_events: list[Event]) -> None:
    hosted = _by_trigger(report_events, "hosted")
    assert (hosted.type, hosted.mode, hosted.status) == ("CONSULT", "visit", "occurred")
    assert _names(hosted.source) == {"Gen Nakatani"} and _names(hosted.target) == {"Rajnath Singh"}
    assert [a.country for a in hosted.source + hosted.target] == ["JPN", "IND"]
    assert hosted.timex is not None and hosted.timex.text == "Monday"
    assert hosted.date is None and hosted.date_precision is None
    assert hosted.location == {"name": "New Delhi", "country": "IND"}
    assert hosted.sentence == 0 and hosted.text.startswith("Defence Minister Rajnath Singh on Monday hosted")


def test_events_seed_report_hosted_for_talks_is_one_event(report_events: list[Event]) -> None:
    first = [e for e in report_events if e.sentence == 0]
    assert [e.type for e in first] == ["CONSULT"]


def test_events_seed_report_condemnation_and_solidarity(report_events: list[Event]) -> None:
    second = [e for e in report_events if e.sentence == 1]
    accuse = next(e for e in second if e.type == "ACCUSE")
    support = next(e for e in second if e.type == "SUPPORT")
    assert accuse.trigger == "condemned" and _names(accuse.source) == {"Gen Nakatani"}
    assert _names(support.source) == {"Gen Nakatani"} and _names(support.target) == {"India"}


def test_events_seed_report_november_meeting(report_events: list[Event]) -> None:
    november = _by_trigger(report_events, "interaction")
    assert (november.type, november.status) == ("CONSULT", "occurred")
    assert november.timex is not None and november.timex.text == "November"
    assert _names(november.source) == {"Rajnath Singh", "Gen Nakatani"}


def test_events_seed_report_unsealed_pact_is_hypothetical(report_events: list[Event]) -> None:
    assert _by_trigger(report_events, "sealed").status == "hypothetical"
    assert _by_trigger(report_events, "provide").status == "hypothetical"


def test_events_seed_preview_meeting_is_planned_for_may_5(preview_events: list[Event]) -> None:
    host = preview_events[0]
    assert (host.type, host.mode, host.status, host.trigger) == ("CONSULT", "visit", "planned", "host")
    assert (host.date, host.date_precision) == ("2025-05-05", "day")
    assert _names(host.source) == {"Gen Nakatani"} and _names(host.target) == {"Rajnath Singh"}
    plover = to_plover(host)
    assert plover is not None and plover["type"] == "AGREE"
    assert [a["country"] for a in plover["source"]] == ["JPN"]


def test_events_seed_preview_pahalgam_attack(preview_events: list[Event]) -> None:
    attack = _by_trigger(preview_events, "attack")
    assert (attack.type, attack.status) == ("ASSAULT", "occurred")
    assert (attack.date, attack.date_precision) == ("2025-04-22", "day")
    assert attack.figures == {"killed": 26}


def test_events_seed_preview_partnership_elevated_in_2014(preview_events: list[Event]) -> None:
    elevation = _by_trigger(preview_events, "elevation")
    assert elevation.type == "COOPERATE"
    assert (elevation.date, elevation.date_precision) == ("2014", "year")
    assert _names(elevation.source) == {"India", "Japan"}


def test_events_seed_preview_first_meeting_in_lao_pdr(preview_events: list[Event]) -> None:
    first = _by_trigger(preview_events, "interaction")
    assert (first.type, first.status, first.date) == ("CONSULT", "occurred", "2024-11")
    assert first.location is not None and first.location["country"] == "LAO"


def test_events_seed_preview_pact_if_finalised_is_hypothetical(preview_events: list[Event]) -> None:
    assert _by_trigger(preview_events, "finalised").status == "hypothetical"


@pytest.mark.parametrize(
    ("text", "type_", "status", "sources", "targets"),
    [
        ("India and Japan agreed to expand their defence ties.", "AGREE", "occurred", {"IND", "JPN"}, set()),
        (
            "A refugee camp was attacked by Burundian militiamen on Sunday.",
            "ASSAULT",
            "occurred",
            {"BDI"},
            set(),
        ),
        ("Russia threatened to cut gas supplies to Ukraine.", "THREATEN", "occurred", {"RUS"}, {"UKR"}),
        (
            "China demanded that the United States cancel the arms sale.",
            "REQUEST",
            "occurred",
            {"CHN"},
            {"USA"},
        ),
        ("Pakistan did not attend the meeting in Geneva.", "CONSULT", "negated", {"PAK"}, set()),
        ("Egyptian police arrested 12 protesters in Cairo.", "COERCE", "occurred", {"EGY"}, set()),
        ("Britain will give Kenya a grant of 5 million pounds.", "AID", "planned", {"GBR"}, {"KEN"}),
        (
            "Thousands of students demonstrated in Jakarta against the government.",
            "PROTEST",
            "occurred",
            set(),
            set(),
        ),
        ("Hungary said it will support the resolution.", "SUPPORT", "planned", {"HUN"}, set()),
        ("Russia said Sudan must return the helicopter.", "REQUEST", "occurred", {"RUS"}, {"SDN"}),
    ],
)
def test_events_sentences(text: str, type_: str, status: str, sources: set[str], targets: set[str]) -> None:
    events = [e for e in one(text) if e.type == type_]
    assert events, f"no {type_} in {[(e.type, e.trigger) for e in one(text)]}"
    event = events[0]
    assert event.status == status
    assert {a.country for a in event.source} >= sources
    assert {a.country for a in event.target} >= targets


@pytest.mark.parametrize(
    ("text", "content_type", "absent"),
    [
        ("Jordan and Britain agreed to hold joint military exercises.", "AGREE", "COOPERATE"),
        ("The rebels threatened to kill the hostages.", "THREATEN", "ASSAULT"),
        ("Students staged demonstrations to demand reforms.", "PROTEST", "REQUEST"),
    ],
)
def test_events_complement_is_content_not_a_second_event(text: str, content_type: str, absent: str) -> None:
    types = {e.type for e in one(text)}
    assert content_type in types and absent not in types


def test_events_undated_event_is_bounded_by_its_report_not_dated_by_it() -> None:
    event = one("Israeli soldiers arrested 40 Palestinians.", published="2024-03-02")[0]
    assert (event.date, event.date_precision, event.before, event.reported) == (None, None, "2024-03-02", "2024-03-02")


def _event(type_: str, status: str, country: str = "IND", text: str = "x") -> Event:
    from dateline.model import Actor

    actor = Actor(id=0, name="A", kind="COUNTRY", country=country)
    span = {"trigger": "x", "trigger_start": 0, "trigger_end": 1, "sentence": 0, "start": 0, "end": len(text)}
    return Event(type=type_, mode=None, status=status, source=[actor], target=[], text=text, **span)


@pytest.mark.parametrize(
    ("type_", "status", "text", "expected"),
    [
        ("CONSULT", "planned", "x", "AGREE"),
        ("AID", "planned", "x", "AGREE"),
        ("ASSAULT", "planned", "x", "THREATEN"),
        ("REJECT", "occurred", "x", "REJECT"),
        ("AGREE", "negated", "They will not accept more refugees", "REJECT"),
        ("CONSULT", "negated", "They did not attend", None),
    ],
)
def test_to_plover_maps_status_to_categories(
    type_: str, status: str, text: str, expected: str | None
) -> None:
    event = _event(type_, status, text=text)
    event.trigger_start = event.trigger_end = len(text)
    coded = to_plover(event)
    assert (coded["type"] if coded else None) == expected


def test_to_plover_codes_the_un_as_igo() -> None:
    coded = to_plover(_event("SUPPORT", "occurred", country="UNO"))
    assert coded is not None and coded["source"] == [{"country": "IGO", "sector": None}]


def test_events_lexicon_types_are_plover() -> None:
    entries = [e for group in lexicon().values() for e in group]
    assert len(entries) > 200
    assert {e.type for e in entries} <= set(TYPES)


def test_events_quality_gate() -> None:
    from dateline.evaluation.events import evaluate

    metrics = evaluate(shared_file("eval", "events.jsonl"))
    assert metrics["n"] == 161
    assert metrics["type"]["f1"] >= 0.84
    assert metrics["dyad"]["f1"] >= 0.64


@pytest.mark.parametrize(
    "text, published, place",
    [
        ("Singh hosted Nakatani for talks on Monday.", "2025-05-06", "New Delhi"),
        ("Singh hosted Nakatani for talks.", "2025-05-06", "New Delhi"),
        ("Singh and Nakatani first met in November on the sidelines of a summit.", "2025-05-06", None),
        ("India and Japan signed a defence pact in 2014.", "2025-05-06", None),
    ],
)
def test_events_dateline_places_only_the_news_of_the_day(text, published, place):
    [e, *_] = code(Article(id="t", text=text, published=published, place="New Delhi"))
    assert (e.location or {}).get("name") == place


@pytest.mark.parametrize(
    "text",
    [
        "Northern Bank declined 40 sen to 12.10 ringgit while Delta eased 5 sen in trading of shares.",
        "The Rovers have lost four of their last five Premiership games since the new coach arrived.",
        "Two hikers were killed when lightning struck a tree near their village on Sunday.",
        "A landslide blocked the main road into the valley.",
        "The visit offered a rare opportunity to review relations, the spokesman said.",
        "Critics said the militia had committed numerous crimes in the town.",
        "The ministry released details of the plan on Tuesday.",
        "Local artists demonstrated their skills at the festival.",
    ],
)
def test_events_other_senses_and_contexts_are_no_events(text: str) -> None:
    assert [(e.type, e.trigger) for e in one(text)] == []


@pytest.mark.parametrize(
    ("text", "trigger", "type_", "status"),
    [
        ("Zambian officials are to hold talks with Angola on Friday.", "talks", "CONSULT", "planned"),
        ("No one was injured in the attack on the police station.", "injured", "ASSAULT", "negated"),
        (
            "The planned withdrawal of French troops was announced on Monday.",
            "withdrawal",
            "RETREAT",
            "planned",
        ),
        ("Police said that if he returns he will be arrested and charged.", "charged", "ACCUSE", "planned"),
        ("Ghana sent troops to fight the rebels in the north.", "fight", "ASSAULT", "planned"),
        ("The army destroyed 300 landmines on Friday.", "destroyed", "RETREAT", "occurred"),
        ("China blocked a resolution criticising its record.", "blocked", "REJECT", "occurred"),
        ("Thousands of students demonstrated in Dhaka on Monday.", "demonstrated", "PROTEST", "occurred"),
        (
            "The United States launched missile strikes against Syrian air bases.",
            "strikes",
            "ASSAULT",
            "occurred",
        ),
        ("Nigerian workers began a general strike over fuel prices.", "strike", "PROTEST", "occurred"),
    ],
)
def test_events_sense_and_status(text: str, trigger: str, type_: str, status: str) -> None:
    event = _by_trigger(one(text), trigger)
    assert (event.type, event.status) == (type_, status)


def test_events_a_question_is_no_request() -> None:
    types = {e.type for e in one("When asked whether Kenya would send troops, the minister smiled.")}
    types |= {e.type for e in one('"Why are we paying for their war?" the senator asked on radio.')}
    assert "REQUEST" not in types


def test_events_passive_accusation_keeps_the_accused_as_target() -> None:
    [charged] = [
        e
        for e in one("On Friday the man, Ali Demir, was arrested and charged over the fire.")
        if e.type == "ACCUSE"
    ]
    assert not charged.source
