"""The SQLite store: migrations, round-trips, idempotency, search, and clear errors."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.model import Actor, Analysis, Article, Event, Mention, Quote, Skipped, Timex, analysis_from_dict, analysis_to_dict
from dateline.store import MIGRATIONS, Store, StoreError


def make_analysis(article_id: str = "a" * 16, published: str | None = "2025-05-04") -> Analysis:
    text = "Defence Minister Rajnath Singh will host Gen Nakatani on Monday."
    singh = Actor(0, "Rajnath Singh", "PERSON", "Defence Minister", "IND", "GOV", [Mention(17, 30, "Rajnath Singh")])
    gen = Actor(1, "Gen Nakatani", "PERSON", "Defence Minister", "JPN", "GOV", [Mention(41, 53, "Gen Nakatani")])
    monday = Timex(54, 63, "on Monday", "DATE", "2025-05-05")
    event = Event("CONSULT", "visit", "planned", [gen], [singh], "host", 36, 40, 0, 0, len(text), text,
                  "2025-05-05", "day", monday, {"name": "New Delhi", "country": "IND"}, {})
    quote = Quote(singh, "We will talk.", 0, 13, True, "said")
    article = Article(article_id, text, "Singh to host Nakatani", published, "Example", None, "New Delhi", "x.txt")
    return Analysis(article, [singh, gen], [monday], [event], [quote], [(0, len(text))])


def test_store_migrations_are_recorded(tmp_path):
    db = tmp_path / "d.db"
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
    with Store(db) as store:  # reopening applies nothing twice
        rows = store.db.execute("SELECT version FROM schema_migrations").fetchall()
        assert [r[0] for r in rows] == [m[0] for m in MIGRATIONS]
    assert sqlite3.connect(db).execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_store_analysis_round_trip(tmp_path):
    analysis = make_analysis()
    assert analysis_from_dict(analysis_to_dict(analysis)) == analysis
    with Store(tmp_path / "d.db") as store:
        assert store.add_analysis(analysis, story="s1", story_features={"x": 1})
        assert store.analysis(analysis.article.id) == analysis
        assert store.articles() == [analysis.article]


def test_store_adding_twice_changes_nothing(tmp_path):
    with Store(tmp_path / "d.db") as store:
        assert store.add_analysis(make_analysis(), story="s1")
        assert not store.add_analysis(make_analysis(), story="s1")
        assert store.counts()["articles"] == 1


def test_store_stories_track_their_articles(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(make_analysis("a" * 16, "2025-05-04"), story="s1")
        store.add_analysis(make_analysis("b" * 16, "2025-05-06"), story="s1", duplicate_of="a" * 16)
        [story] = store.stories()
        assert story == {"id": "s1", "title": "Singh to host Nakatani", "articles": ["a" * 16, "b" * 16],
                         "first_published": "2025-05-04", "last_published": "2025-05-06"}
        assert store.counts()["copies"] == 1
        assert store.unmerged_stories() == ["s1"]


def test_store_full_text_search(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(make_analysis())
        assert store.search("Nakatani") == {"a" * 16}
        assert store.search("earthquake") == set()
        assert store.search('unbalanced "quote') == set()


def test_store_replacing_events_is_atomic_and_marks_articles_merged(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(make_analysis(), story="s1")
        event = {"id": "e1", "type": "CONSULT", "status": "planned", "date": "2025-05-05", "sources": 1,
                 "articles": ["a" * 16], "evidence": []}
        store.replace_events_of(["a" * 16], [event])
        store.replace_events_of(store.close_over_events({"a" * 16}), [dict(event, status="occurred")])
        assert [e["status"] for e in store.events()] == ["occurred"]
        assert store.unmerged_stories() == []


def test_store_errors_are_recorded_and_cleared(tmp_path):
    with Store(tmp_path / "d.db") as store:
        store.record_error(Skipped("x.txt", "empty file"))
        store.record_error(Skipped("x.txt", "binary file"))
        assert [(r["origin"], r["reason"]) for r in store.errors()] == [("x.txt", "binary file")]
        store.clear_errors("x.txt")
        assert store.errors() == []


def test_store_readonly_refuses_missing_or_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no database"):
        Store(tmp_path / "missing.db", readonly=True)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a Dateline database"):
        Store(other, readonly=True)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store(garbage)


def test_store_in_unwritable_place_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="cannot open database"):
        Store(tmp_path / "no-such-dir" / "d.db")


def test_store_queries_work_on_a_read_only_copy(tmp_path):
    import os
    import shutil
    import subprocess
    import sys

    if os.geteuid() != 0 or not shutil.which("setpriv"):
        pytest.skip("needs root and setpriv to read as another user")
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="dateline-ro-"))  # outside pytest's private tmp tree
    folder.chmod(0o755)
    with Store(folder / "d.db") as store:
        store.add_analysis(make_analysis())
    (folder / "d.db").chmod(0o444)
    folder.chmod(0o555)
    code = "from dateline.store import Store; print(len(Store(%r, readonly=True).articles()))" % str(folder / "d.db")
    out = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code],
                         capture_output=True, text=True, cwd="/")
    folder.chmod(0o755)
    shutil.rmtree(folder)
    assert out.stdout.strip() == "1", out.stderr
