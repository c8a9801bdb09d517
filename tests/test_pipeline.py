"""The pipeline's error policy: a failing stage costs its own output, never the article or the batch."""

from __future__ import annotations

import pytest

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
    """A text longer than the parser takes is stored whole and analysed in capped form, never lost."""
    from dateline.annotate import load_model
    from dateline.model import Article
    from dateline.pipeline import analyze_batch

    limit = load_model().max_length
    articles = [Article(id="a", text="Rebels attacked a base in Mali on Friday.", origin="a"),
                Article(id="b", text="word " * (limit // 5 + 10), origin="b"),
                Article(id="c", text="Police arrested 12 protesters in Lima.", origin="c")]
    results = analyze_batch(articles, max_chars=limit * 2)
    assert [type(r).__name__ for r in results] == ["tuple", "tuple", "tuple"]
    analysis, _, warnings = results[1]
    assert analysis.article.text == articles[1].text
    assert max(end for _, end in analysis.sentences) <= limit
    assert f"at most {limit:,} per article" in warnings[0] and "article b" in warnings[0]


@pytest.mark.parametrize("cap, types", [(10_000, ["ASSAULT", "COERCE"]), (92, ["ASSAULT", "COERCE"]), (91, ["ASSAULT"]),
                                        (60, ["ASSAULT"]), (41, ["ASSAULT"])])
def test_pipeline_caps_the_analysed_part_of_an_article(cap, types):
    from dateline.model import Article
    from dateline.pipeline import analyze_batch

    text = "Rebels attacked a base in Mali on Friday. Police arrested 12 protesters in Lima on Saturday."
    article = Article(id="r" * 16, text=text, origin="long.txt", published="2025-05-06")
    [(analysis, _, warnings)] = analyze_batch([article], max_chars=cap)
    assert analysis.article == article
    assert [e.type for e in analysis.events] == types
    assert bool(warnings) == (cap < len(article.text))
    assert all(end <= cap for _, end in analysis.sentences)


def test_pipeline_capped_article_is_stored_whole_with_a_warning(tmp_path):
    from dateline.cli import main

    text = "Rebels attacked a base in Mali on Friday. " * 40
    path = tmp_path / "long.txt"
    path.write_text("date 2025-05-06\n" + text)
    db = str(tmp_path / "d.db")
    assert main(["run", str(path), "--db", db, "--quiet", "--max-chars", "500"]) == 0
    with Store(db, readonly=True) as store:
        [article] = store.articles()
        assert len(article.text) == len(text.strip())
        [error] = store.errors()
        assert error["origin"] == str(path) and f"article {article.id}" in error["reason"]
        assert "only its first" in error["reason"]


def test_pipeline_warnings_of_reading_and_of_analysis_are_kept_together(tmp_path):
    from dateline.cli import main

    path = tmp_path / "odd.txt"
    path.write_text("date 2025-02-30\n" + "Rebels attacked a base in Mali on Friday. " * 40)
    db = str(tmp_path / "d.db")
    assert main(["run", str(path), "--db", db, "--quiet", "--max-chars", "500"]) == 0
    with Store(db, readonly=True) as store:
        [error] = store.errors()
    assert "not a calendar date" in error["reason"] and "only its first" in error["reason"]


def test_pipeline_rerun_keeps_the_warnings_of_stored_articles(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("lexicon exploded")

    monkeypatch.setattr(events, "find_events", broken)
    (tmp_path / "a.txt").write_text("Rebels attacked an army base in Mali on Friday.")
    with Store(tmp_path / "d.db") as store:
        run([str(tmp_path)], store)
        run([str(tmp_path)], store)
        assert len(store.errors()) == 1


def test_pipeline_what_is_stored_grows_with_the_text_not_its_square(tmp_path):
    """One sentence repeated: every stored structure (analysis, merged events) is linear in the repeats."""
    sentence = "Defence Minister Rajnath Singh met his Japanese counterpart Gen Nakatani in New Delhi on Monday. "
    sizes = {}
    for n in (30, 120):
        path = tmp_path / f"r{n}.txt"
        path.write_text("date 2025-05-06\n" + sentence * n)
        with Store(tmp_path / f"r{n}.db") as store:
            run([str(path)], store)
            q = store.db.execute
            sizes[n] = (q("SELECT SUM(length(data)) FROM analyses").fetchone()[0],
                        q("SELECT SUM(length(data)) FROM events").fetchone()[0])
            assert sizes[n][0] + sizes[n][1] < 8 * len(sentence) * n
    assert sizes[120][0] < 4.4 * sizes[30][0] and sizes[120][1] < 4.4 * sizes[30][1]


def test_analyze_batch_pairs_each_article_with_its_own_parse_when_a_text_repeats():
    """Two copies of one text in a batch share an id; the article after them keeps its own parse."""
    from dateline.clean import clean
    from dateline.documents import Document
    from dateline.pipeline import analyze_batch

    raid = clean(Document(text="Rebels raided an army base in northern Mali on Friday.", origin="a"))
    arrest = clean(Document(text="Police arrested ten protesters in Lima on Monday.", origin="b"))
    out = analyze_batch([raid, raid, arrest])
    assert [o[0].article.id for o in out] == [raid.id, raid.id, arrest.id]
    assert [e.text for e in out[2][0].events] == [arrest.text]
