"""The two seed reports end to end through the real pipeline and store: one story, one merged meeting."""

from __future__ import annotations

import os

import pytest

from dateline import views
from dateline.pipeline import run
from dateline.store import Store


@pytest.fixture(scope="module", params=["rules", "kb"])
def seeded(request, tmp_path_factory):
    """The seeds run twice: on today's rules alone, and with the knowledge base the README's
    first command builds (the main job must hold either way)."""
    from dateline import kb

    from .conftest import SEEDS

    if not SEEDS.exists():
        pytest.skip(f"seed articles not available at {SEEDS}")
    before = os.environ["DATELINE_KB"]
    if request.param == "kb":
        kb.use(request.getfixturevalue("shared_kb_file"))
    try:
        db = tmp_path_factory.mktemp("seeds") / "seeds.db"
        with Store(db) as store:
            stats = run([str(SEEDS)], store)
    finally:
        os.environ["DATELINE_KB"] = before
        kb.use(None)
    store = Store(db, readonly=True)
    yield stats, store
    store.close()


def countries(actors):
    return {a["country"] for a in actors}


def test_seeds_two_articles_one_story(seeded):
    stats, store = seeded
    assert (stats.read, stats.new, len(stats.skipped)) == (2, 2, 0)
    [story] = store.stories()
    assert len(story["articles"]) == 2
    assert story["first_published"] == "2025-05-04"


def test_seeds_report_is_dated_through_its_story(seeded):
    _, store = seeded
    report = next(a for a in store.articles() if a.place == "New Delhi")
    assert report.published_inferred
    assert report.published >= "2025-05-05"


def test_seeds_one_merged_meeting_confirmed_by_the_report(seeded):
    _, store = seeded
    meetings = [e for e in store.events() if e["type"] == "CONSULT" and e["date"] == "2025-05-05"]
    assert len(meetings) == 1
    [meeting] = meetings
    assert meeting["status"] == "occurred"
    assert meeting["sources"] == 2 and len(set(meeting["articles"])) == 2
    assert {ev["article"] for ev in meeting["evidence"]} == set(meeting["articles"])
    assert "JPN" in countries(meeting["source"]) and "IND" in countries(meeting["target"])
    assert (meeting["location"] or {}).get("name") == "New Delhi"
    assert [h["status"] for h in meeting["status_history"]][:1] == ["planned"]


def test_seeds_background_events(seeded):
    _, store = seeded
    events = store.events()
    assert any(e["type"] == "ASSAULT" and e["date"] == "2025-04-22" for e in events)
    assert any(e["type"] == "CONSULT" and e["date"] == "2024-11" and "Lao" in ((e["location"] or {}).get("name") or "")
               for e in events)
    assert any(e["date"] == "2014" for e in events)


def test_seeds_every_reported_event_is_dated_or_bounded_and_no_plan_is_dated_by_its_report(seeded):
    _, store = seeded
    events = store.events()
    assert all(e["date"] or e["before"] for e in events if e["status"] == "occurred")
    assert all(e["reported"] for e in events)
    assert not [e for e in events if e["status"] == "planned" and e["date"] == "2025-05-04"]


def test_seeds_no_event_or_actor_from_boilerplate(seeded):
    _, store = seeded
    text = " ".join(ev["text"] for e in store.events() for ev in e["evidence"])
    for noise in ("Navi Mumbai", "Bastoni", "Also Read", "Advertisement", "Jamnagar"):
        assert noise not in text
    names = {a["name"] for a in views.actor_rows(store)}
    assert not names & {"Navi Mumbai", "Bastoni", "Inter Milan", "Barcelona", "Jamnagar"}


def test_seeds_timeline_filters(seeded):
    _, store = seeded
    events = store.events()
    assert all(e["date"].startswith("2025") for e in views.filter_events(events, since="2025-01-01"))
    assert views.filter_events(events, type="ASSAULT")
    assert all("JPN" in countries(e["source"] + e["target"]) or (e["location"] or {}).get("country") == "JPN"
               for e in views.filter_events(events, country="JPN"))
    pahalgam = views.filter_events(events, query="pahalgam ATTACK")
    assert pahalgam and all("Pahalgam" in " ".join(ev["text"] for ev in e["evidence"]) for e in pahalgam)
    assert len(pahalgam) < len(events)
    assert views.filter_events(events, actor="singh") and not views.filter_events(events, actor="sing")
    # events known only to come before the report are before any later day, and after none
    bounded = [e["id"] for e in events if e["date"] is None and e["before"]]
    assert bounded and set(bounded) <= {e["id"] for e in views.filter_events(events, until="2025-06")}
    assert not set(bounded) & {e["id"] for e in views.filter_events(events, until="2025-05-01")}
    assert not set(bounded) & {e["id"] for e in views.filter_events(events, since="2025-01")}


def test_seeds_actor_listing_names_each_actor_once(seeded):
    _, store = seeded
    rows = views.actor_rows(store)
    singh = [r for r in rows if r["name"] == "Rajnath Singh"]
    assert len(singh) == 1 and (singh[0]["role"], singh[0]["country"], singh[0]["sector"]) == (
        "Defence Minister", "IND", "GOV")
    assert len(singh[0]["articles"]) == 2
    ministries = [r for r in rows if "ministry" in r["name"].casefold()]
    assert len(ministries) == 1 and ministries[0]["country"] == "IND"
    nakatani = next(r for r in rows if r["name"] == "Gen Nakatani")
    assert (nakatani["country"], nakatani["role"]) == ("JPN", "Defence Minister")
    assert {m["text"] for m in nakatani["mentions"]} >= {"Gen Nakatani", "Nakatani"}
