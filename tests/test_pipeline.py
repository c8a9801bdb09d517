"""The pipeline's error policy: a failing stage costs its own output, never the article or the batch."""

from __future__ import annotations

from dateline import events
from dateline.pipeline import run
from dateline.store import Store


def test_pipeline_a_failing_stage_keeps_the_article(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("lexicon exploded")

    monkeypatch.setattr(events, "find_events", broken)
    (tmp_path / "a.txt").write_text("date 2024-06-01\nRebels attacked an army base in Mali on Friday, killing 9 soldiers.")
    (tmp_path / "b.txt").write_text("date 2024-06-02\nThe president of Mali visited the base on Saturday.")
    with Store(tmp_path / "d.db") as store:
        stats = run([str(tmp_path)], store)
        assert stats.new == 2 and not stats.skipped
        assert [w.reason for w in stats.warnings] == ["stored, but the events stage failed: RuntimeError: lexicon exploded"] * 2
        [analysis] = [store.analysis(a.id) for a in store.articles() if "Rebels" in a.text]
        assert analysis.events == [] and analysis.timexes and analysis.actors
        assert len(store.errors()) == 2


def test_pipeline_rerun_is_idempotent(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-06-01\nRebels attacked an army base in Mali on Friday, killing 9 soldiers.")
    with Store(tmp_path / "d.db") as store:
        first = run([str(tmp_path)], store)
        before = (store.counts(), store.events(), store.stories())
        second = run([str(tmp_path)], store)
        assert (first.new, second.new, second.duplicates) == (1, 0, 1)
        assert (store.counts(), store.events(), store.stories()) == before


def test_pipeline_merges_one_event_told_in_two_stories(tmp_path):
    from dateline.model import Article
    from dateline.pipeline import analyze, finalize

    killing = ("Lebanese Industry Minister Pierre Gemayel was shot dead in Jdeideh on Tuesday when gunmen attacked "
               "his convoy, police said.")
    one = analyze(Article(id="a" * 16, text=killing, published="2006-11-21", origin="a"))
    other = analyze(Article(id="b" * 16, text="Markets in Beirut fell sharply on Wednesday. " + killing.replace(
        "on Tuesday", "on Tuesday afternoon"), published="2006-11-22", origin="b"))
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(one, story="s1")
        store.add_analysis(other, story="s2")
        finalize(store)
        [event] = [e for e in store.events() if e["type"] == "ASSAULT"]
        assert event["sources"] == 2 and set(event["articles"]) == {"a" * 16, "b" * 16}
        finalize(store)  # nothing left to merge: nothing changes
        assert [e["id"] for e in store.events() if e["type"] == "ASSAULT"] == [event["id"]]
        third = analyze(Article(id="c" * 16, text=killing, published="2006-11-23", origin="c"))
        store.add_analysis(third, story="s3")
        finalize(store)
        [event] = [e for e in store.events() if e["type"] == "ASSAULT"]
        assert event["sources"] == 3


def test_pipeline_an_overlong_article_costs_only_itself(tmp_path):
    from dateline.annotate import load_model
    from dateline.model import Article
    from dateline.pipeline import analyze_batch

    limit = load_model().max_length
    articles = [Article(id="a", text="Rebels attacked a base in Mali on Friday.", origin="a"),
                Article(id="b", text="word " * (limit // 5 + 10), origin="b"),
                Article(id="c", text="Police arrested 12 protesters in Lima.", origin="c")]
    results = analyze_batch(articles)
    assert [type(r).__name__ for r in results] == ["tuple", "Skipped", "tuple"]
    assert "longer than the parser takes" in results[1].reason


def test_pipeline_rerun_keeps_the_warnings_of_stored_articles(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("lexicon exploded")

    monkeypatch.setattr(events, "find_events", broken)
    (tmp_path / "a.txt").write_text("Rebels attacked an army base in Mali on Friday.")
    with Store(tmp_path / "d.db") as store:
        run([str(tmp_path)], store)
        run([str(tmp_path)], store)
        assert len(store.errors()) == 1
