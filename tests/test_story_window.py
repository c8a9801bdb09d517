"""The story window: word frequencies kept by the store, and stories offered only near an article's date."""

from __future__ import annotations

import json
from collections import Counter

from dateline.pipeline import run
from dateline.store import Store

from .test_shards import WIRE

TEXT = ("Kenya recalled its ambassador to Uganda on Tuesday after Ugandan troops crossed the border near "
        "Busia, the foreign ministry said in Nairobi.\n\nUganda's army denied that its soldiers had entered "
        "Kenyan territory and said the patrol had stayed on its side of the frontier.")


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def report(i: str, date: str, extra: str) -> dict:
    return {"id": i, "source": f"Wire {i}", "date": date, "title": "Kenya recalls envoy from Uganda",
            "text": TEXT + "\n\n" + extra}


def counted_from_rows(store: Store) -> Counter:
    counts: Counter = Counter()
    for _, _, _, features in store.story_rows():
        if features:
            counts.update(features["terms"].keys())
            counts.update(features["entities"].keys())
    return counts


def test_the_store_keeps_the_frequencies_the_index_would_count(tmp_path):
    with Store(tmp_path / "d.db") as store:
        run([str(WIRE)], store)
        n, df = store.story_frequencies()
        assert n == 6
        assert Counter(df) == counted_from_rows(store)


def test_an_older_store_gets_its_frequencies_counted_once(tmp_path):
    db = tmp_path / "d.db"
    with Store(db) as store:
        run([str(WIRE)], store)
        expected = store.story_frequencies()
        store.db.execute("DROP TABLE story_df")
        store.db.execute("DELETE FROM schema_migrations WHERE version = 3")
        store.db.commit()
    with Store(db) as store:
        assert store.story_frequencies() == expected


def test_a_report_years_later_starts_a_story_of_its_own(tmp_path):
    with Store(tmp_path / "d.db") as store:
        run([write(tmp_path / "a.jsonl", [report("a", "2023-02-07", "The talks resume next week.")])], store)
        run([write(tmp_path / "b.jsonl", [report("b", "2023-02-08", "Talks resume next week in Kampala.")])], store)
        run([write(tmp_path / "c.jsonl", [report("c", "2027-02-09", "The talks resume next week, officials said.")])],
            store)
        story = {r["source"]: r["story"] for r in store.db.execute("SELECT source, story FROM articles")}
    assert story["Wire a"] == story["Wire b"]  # a day apart: one story
    assert story["Wire c"] != story["Wire a"]  # four years on: outside the window


def test_an_undated_story_stays_in_every_window(tmp_path):
    """A story whose articles carry no date can be joined by a report of any date (the store finds such
    stories by its index of undated stories, not by reading every article)."""
    undated = report("u", None, "The talks resume next week.")
    del undated["date"]
    with Store(tmp_path / "d.db") as store:
        run([write(tmp_path / "u.jsonl", [undated])], store)
        run([write(tmp_path / "a.jsonl", [report("a", "2031-06-01", "Talks resume next week in Kampala.")])], store)
        story = {r["source"]: r["story"] for r in store.db.execute("SELECT source, story FROM articles")}
        plan = " ".join(r[-1] for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM stories WHERE last_published IS NULL"))
    assert story["Wire u"] == story["Wire a"]
    assert "stories_undated" in plan
