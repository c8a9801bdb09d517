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
