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
    # nor is someone else's database given Dateline's tables when opened for writing
    with pytest.raises(StoreError, match="not a Dateline database"):
        Store(other)
    with sqlite3.connect(other) as con:
        assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["t"]


@pytest.mark.parametrize("name", ["a#b.db", "what?.db", "50% off.db"])
def test_store_paths_with_uri_characters_open_for_reading(tmp_path, name):
    with Store(tmp_path / name) as store:
        store.record_error(Skipped("x.txt", "empty file"))
    with Store(tmp_path / name, readonly=True) as store:
        assert [r["reason"] for r in store.errors()] == ["empty file"]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(name)) == []


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


def repeated_analysis(n: int) -> Analysis:
    """One sentence n times, each naming the same two ministers: the shape that made storage quadratic."""
    sentence = "Defence Minister Rajnath Singh met Gen Nakatani on Monday. "
    text = sentence * n
    step = len(sentence)
    singh = Actor(0, "Rajnath Singh", "PERSON", "Defence Minister", "IND", "GOV",
                  [Mention(i * step + 17, i * step + 30, "Rajnath Singh") for i in range(n)])
    gen = Actor(1, "Gen Nakatani", "PERSON", None, "JPN", "GOV",
                [Mention(i * step + 35, i * step + 47, "Gen Nakatani") for i in range(n)])
    timexes = [Timex(i * step + 48, i * step + 57, "on Monday", "DATE", "2025-05-05") for i in range(n)]
    events = [Event("CONSULT", None, "occurred", [singh], [gen], "met", i * step + 31, i * step + 34, i,
                    i * step, i * step + step - 1, sentence.strip(), "2025-05-05", "day", timexes[i]) for i in range(n)]
    quotes = [Quote(singh, sentence.strip(), i * step, i * step + step - 1) for i in range(n)]
    article = Article("c" * 16, text, published="2025-05-06")
    return Analysis(article, [singh, gen], timexes, events, quotes, [(i * step, i * step + step - 1) for i in range(n)])


def test_store_analysis_size_is_linear_in_the_article(tmp_path):
    import json

    small, large = (len(json.dumps(analysis_to_dict(repeated_analysis(n)))) for n in (100, 400))
    assert large < 4.2 * small
    restored = analysis_from_dict(json.loads(json.dumps(analysis_to_dict(repeated_analysis(50)))))
    assert restored == repeated_analysis(50)
    assert all(e.source[0] is restored.actors[0] for e in restored.events)  # shared, not copies
    with Store(tmp_path / "d.db") as store:
        store.add_analysis(repeated_analysis(400))
        (data,) = store.db.execute("SELECT data FROM analyses").fetchone()
        assert "Rajnath Singh met" not in data  # texts are offsets into the article, not copies
        assert len(data) < 10 * len(repeated_analysis(400).article.text)


def test_store_opens_a_version_1_store_and_rewrites_it(tmp_path):
    """A store written before actors were stored by reference opens, and reads back the same analysis."""
    import json
    from dataclasses import asdict

    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)")
    from dateline.store import _statements

    for statement in _statements(MIGRATIONS[0][2]):
        conn.execute(statement)
    conn.execute("INSERT INTO schema_migrations VALUES (1, 'v1', 0)")
    analysis = repeated_analysis(3)
    a = analysis.article
    conn.execute("INSERT INTO articles (id, text, published, added_at, story) VALUES (?, ?, ?, 0, 's1')",
                 (a.id, a.text, a.published))
    conn.execute("INSERT INTO analyses VALUES (?, ?, NULL)", (a.id, json.dumps(asdict(analysis))))
    evidence = [{"article": a.id, "sentence": 0, "start": 0, "end": 58, "text": a.text[:58]}]
    old_event = {"id": "e1", "type": "CONSULT", "status": "occurred", "date": "2025-05-05", "articles": [a.id],
                 "evidence": evidence}
    conn.execute("INSERT INTO events VALUES ('e1', 's1', 'CONSULT', 'occurred', '2025-05-05', 1, ?)",
                 (json.dumps(old_event),))
    conn.execute("INSERT INTO event_articles VALUES ('e1', ?)", (a.id,))
    conn.close()
    with Store(db) as store:
        assert store.schema_version() == MIGRATIONS[-1][0]
        assert store.analysis(a.id) == analysis
        assert store.events() == [old_event]
        assert not store._has_table("actors")
        assert json.loads(store.db.execute("SELECT data FROM analyses").fetchone()[0])["format"] == 2


def test_store_writer_is_not_refused_for_a_readers_probe_of_the_lock(tmp_path):
    """A reader asks whether a run writes by taking the lock shared for an instant; a writer that
    starts at that instant waits for it instead of being refused."""
    import fcntl
    import threading

    from dateline.store_lock import LockHeld, release, writer_lock

    path = str(tmp_path / "d.db")
    open(path + "-lock", "w").close()
    probe = open(path + "-lock")
    fcntl.flock(probe, fcntl.LOCK_SH)
    threading.Timer(0.05, probe.close).start()  # the probe lets go a moment later
    handle = writer_lock(path)
    assert handle is not None
    with pytest.raises(LockHeld):
        writer_lock(path)  # a real writer holds it now: refused
    release(handle)
