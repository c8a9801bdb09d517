"""Story actor knowledge: a person one report names with no country takes the country the other
reports of the story give the same full name, and only then."""

from __future__ import annotations

from dateline.model import Actor, Analysis, Article, Event
from dateline.pipeline import analyze, finalize
from dateline.store import Store
from dateline.story_actors import borrow_countries, story_countries


def _analysis(aid: str, *actors: Actor) -> Analysis:
    event = Event(type="ACCUSE", mode=None, status="occurred", source=[actors[0]], target=[], trigger="x",
                  trigger_start=0, trigger_end=1, sentence=0, start=0, end=1, text="x")
    return Analysis(Article(id=aid, text="x"), actors=list(actors), events=[event])


def test_story_actors_a_full_name_takes_the_one_country_of_the_story() -> None:
    one = _analysis("a", Actor(0, "Amira Khatun", country="GBR"))
    other = _analysis("b", Actor(0, "Amira Khatun"), Actor(1, "Khatun"))
    known = story_countries([one, other])
    borrowed = borrow_countries(other, known)
    assert [a.country for a in borrowed.actors] == ["GBR", None]  # a bare surname may be anyone's
    assert borrowed.events[0].source[0].country == "GBR"
    assert borrow_countries(one, known) is one


def test_story_actors_namesakes_of_two_countries_give_nothing() -> None:
    one = _analysis("a", Actor(0, "Omar Haddad", country="JOR"))
    two = _analysis("b", Actor(0, "Omar Haddad", country="SYR"))
    three = _analysis("c", Actor(0, "Omar Haddad"))
    assert borrow_countries(three, story_countries([one, two, three])) is three
    # an organisation or a group is not a person: "Red Crescent" of one report is not another's
    org = _analysis("d", Actor(0, "Red Crescent", kind="ORG"))
    assert borrow_countries(org, story_countries([_analysis("e", Actor(0, "Red Crescent", kind="ORG",
                                                                          country="TUR"))])) is org


def test_story_actors_finalize_fills_the_report_that_does_not_say(tmp_path) -> None:
    first = analyze(Article(id="a" * 16, published="2019-02-20", origin="a", text=(
        "The British teenager Amira Khatun, who left for Syria four years ago, has asked to come home. "
        "Amira Khatun criticised the government on Tuesday.")))
    second = analyze(Article(id="b" * 16, published="2019-02-21", origin="b", text=(
        "Amira Khatun criticised the government again on Wednesday, her lawyer said.")))
    assert [a.country for a in second.actors if a.name == "Amira Khatun"] == [None]
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(first, story="s1")
        store.add_analysis(second, story="s1")
        finalize(store)
        [actor] = [a for a in store.analysis("b" * 16).actors if a.name == "Amira Khatun"]
        assert actor.country == "GBR"
        sides = [a for e in store.events() if "b" * 16 in e["articles"] for a in e["source"]]
        assert [a["country"] for a in sides if a["name"] == "Amira Khatun"] == ["GBR"]
