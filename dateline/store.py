"""The SQLite store: one file, WAL mode, FTS5 search, versioned migrations, one writer.

Every article is written in a single transaction together with its analysis and story
assignment, so a process killed at any moment leaves whole articles or none; the next run
skips what is stored and finishes the rest. Merged events are derived data: they are
recomputed around the articles a run added (articles marked ``merged = 0``) and replaced in
one transaction.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from .model import Analysis, Article, Skipped, analysis_from_dict, analysis_to_dict
from .store_lock import LockHeld, locked, release, writer_lock

DEFAULT_DB = "dateline.db"
T = TypeVar("T")


class StoreError(Exception):
    """The database cannot be opened or written (the message says which file and why)."""


class StoreLocked(StoreError):
    """Another process is writing this database: one writer at a time, readers any time."""


# A migration is SQL, or a function of the connection for what SQL cannot do (rewriting documents);
# each runs in its own transaction.
Migration = tuple[int, str, "str | Callable[[sqlite3.Connection], None]"]
MIGRATIONS: list[Migration] = [
    (
        1,
        "articles, analyses, stories, merged events, errors, runs",
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            source TEXT, url TEXT, title TEXT,
            published TEXT, published_inferred INTEGER NOT NULL DEFAULT 0,
            place TEXT, text TEXT NOT NULL, origin TEXT, credits TEXT,
            added_at REAL NOT NULL,
            story TEXT, duplicate_of TEXT, story_score REAL,
            merged INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX articles_story ON articles(story);
        CREATE INDEX articles_published ON articles(published);
        CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid');
        CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TABLE analyses (
            article TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            story_features TEXT
        );
        CREATE TABLE actors (
            article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, name TEXT, kind TEXT, role TEXT, country TEXT, sector TEXT,
            mentions INTEGER NOT NULL,
            PRIMARY KEY (article, idx)
        );
        CREATE INDEX actors_name ON actors(name);
        CREATE TABLE quotes (
            article TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            idx INTEGER NOT NULL, speaker TEXT, text TEXT, start INTEGER, "end" INTEGER,
            PRIMARY KEY (article, idx)
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY, title TEXT,
            first_published TEXT, last_published TEXT, articles INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE events (
            id TEXT PRIMARY KEY, story TEXT, type TEXT, status TEXT, date TEXT,
            sources INTEGER, data TEXT NOT NULL
        );
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_story ON events(story);
        CREATE TABLE event_articles (
            event TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            article TEXT NOT NULL,
            PRIMARY KEY (event, article)
        );
        CREATE INDEX event_articles_article ON event_articles(article);
        CREATE TABLE errors (
            origin TEXT PRIMARY KEY, reason TEXT NOT NULL, at REAL NOT NULL, run INTEGER
        );
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY, started REAL NOT NULL, finished REAL, stats TEXT
        );
        """,
    ),
    (
        2,
        "analyses store each structure once: actors by id, texts as offsets into the article",
        lambda db: _migrate_to_references(db),
    ),
    (
        3,
        "story word frequencies kept as articles are stored, so no run reads every article to weigh words",
        lambda db: _count_story_frequencies(db),
    ),
    (
        4,
        "the stories with no dated article, found without reading every article",
        "CREATE INDEX IF NOT EXISTS stories_undated ON stories(id) WHERE last_published IS NULL;",
    ),
]


class Store:
    """The one writer of a Dateline database.

    >>> with Store(":memory:") as store:
    ...     store.schema_version() == MIGRATIONS[-1][0]
    True
    """

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False):
        self.path = str(path)
        self._lock = None
        if not readonly and self.path != ":memory:":
            try:
                self._lock = writer_lock(self.path)
            except LockHeld as held:
                who = f" (process {held.holder})" if held.holder else ""
                raise StoreLocked(
                    f"{self.path} is being written by another dateline run{who}: wait for it to finish or use"
                    " another --db; reading commands work meanwhile"
                ) from None
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"no database at {self.path}: run `dateline run PATH --db {self.path}` first")
                self.db = _connect_readonly(self.path)
            else:
                self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if self.path != ":memory:":
                    self.db.execute("PRAGMA journal_mode = WAL")
                self.db.execute("PRAGMA synchronous = NORMAL")
                self.migrate()
            elif not self._has_table("schema_migrations"):
                raise StoreError(f"{self.path} is not a Dateline database")
        except sqlite3.DatabaseError as exc:
            self._release()
            raise StoreError(f"cannot open database {self.path}: {exc}") from None
        except StoreError:
            if hasattr(self, "db"):
                self.db.close()
            self._release()
            raise

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            release(self._lock)
            self._lock = None

    def writer_active(self) -> bool:
        """Whether a process holds the writer lock on this database now (a run in progress)."""
        return self._lock is None and self.path != ":memory:" and locked(self.path)

    # -- schema ---------------------------------------------------------------------------

    def _has_table(self, name: str) -> bool:
        row = self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone()
        return row is not None

    def migrate(self) -> None:
        """Apply the migrations this database has not seen, each in its own transaction.

        A database that holds tables but none of Dateline's bookkeeping is someone else's: it is
        refused rather than given Dateline's tables beside its own.
        """
        if not self._has_table("schema_migrations") and self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' LIMIT 1"
        ).fetchone():
            raise StoreError(f"{self.path} is not a Dateline database (it holds other tables); use another --db")
        with self.db:
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT, applied_at REAL)"
            )
        done = {r[0] for r in self.db.execute("SELECT version FROM schema_migrations")}
        for version, name, sql in MIGRATIONS:
            if version in done:
                continue
            try:
                self.db.execute("BEGIN IMMEDIATE")
                if callable(sql):
                    sql(self.db)
                else:
                    for statement in _statements(sql):
                        self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)", (version, name, time.time())
                )
                self.db.execute("COMMIT")
            except sqlite3.Error:
                self.db.execute("ROLLBACK")
                raise
        ensure_read_indexes(self.db)

    def schema_version(self) -> int:
        return self.db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- writing --------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_analysis(
        self,
        analysis: Analysis,
        story: str | None = None,
        duplicate_of: str | None = None,
        story_score: float | None = None,
        story_features: dict[str, Any] | None = None,
    ) -> bool:
        """Store one analysed article in one transaction; False if it was already stored."""
        a = analysis.article
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                return False
            db.execute(
                "INSERT INTO articles (id, source, url, title, published, published_inferred, place, text, origin,"
                " credits, added_at, story, duplicate_of, story_score) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.source, a.url, a.title, a.published, int(a.published_inferred), a.place, a.text,
                 a.origin, json.dumps(a.credits), time.time(), story, duplicate_of, story_score),
            )
            db.execute(
                "INSERT INTO analyses VALUES (?, ?, ?)",
                (a.id, _analysis_json(analysis), _json(story_features) if story_features else None),
            )
            if story_features:
                db.executemany(_COUNT_KEY, ((k,) for k in _story_keys(story_features)))
            db.executemany(  # the quotes' search index (quotes_fts) reads this table
                "INSERT INTO quotes VALUES (?,?,?,?,?,?)",
                [(a.id, i, q.speaker.name if q.speaker else None, q.text, q.start, q.end)
                 for i, q in enumerate(analysis.quotes)],
            )
            if story:
                self._touch_story(db, story)
        return True

    def update_analysis(self, analysis: Analysis) -> None:
        """Replace the stored analysis of an article (after story-level date inference)."""
        a = analysis.article
        with self.transaction() as db:
            db.execute(
                "UPDATE articles SET published = ?, published_inferred = ?, merged = 0 WHERE id = ?",
                (a.published, int(a.published_inferred), a.id),
            )
            db.execute("UPDATE analyses SET data = ? WHERE article = ?", (_analysis_json(analysis), a.id))
            story = db.execute("SELECT story FROM articles WHERE id = ?", (a.id,)).fetchone()[0]
            if story:
                self._touch_story(db, story)

    def join_story(self, story: str, into: str) -> None:
        """Move every article of one story into another, which the story index found to be the same
        story, and mark them unmerged so their events are merged again with their new story's."""
        with self.transaction() as db:
            db.execute("UPDATE articles SET story = ?, merged = 0 WHERE story = ?", (into, story))
            db.execute("DELETE FROM stories WHERE id = ?", (story,))
            self._touch_story(db, into)

    def _touch_story(self, db: sqlite3.Connection, story: str) -> None:
        row = db.execute(
            "SELECT COUNT(*), MIN(published), MAX(published) FROM articles WHERE story = ?", (story,)
        ).fetchone()
        first = db.execute(
            "SELECT title, text FROM articles WHERE story = ? ORDER BY COALESCE(published, '9999'), rowid LIMIT 1",
            (story,),
        ).fetchone()
        title = first["title"] or headline(first["text"])
        db.execute(
            "INSERT INTO stories (id, title, first_published, last_published, articles) VALUES (?,?,?,?,?)"
            " ON CONFLICT(id) DO UPDATE SET title=excluded.title, first_published=excluded.first_published,"
            " last_published=excluded.last_published, articles=excluded.articles",
            (story, title, row[1], row[2], row[0]),
        )

    def record_error(self, skipped: Skipped, run: int | None = None) -> None:
        """One note per input: a later run's replaces an earlier one's; notes of one run on one
        input (a cut page, then an article cut to --max-chars) are joined."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO errors VALUES (?, ?, ?, ?) ON CONFLICT(origin) DO UPDATE SET"
                " reason = CASE WHEN errors.run = excluded.run AND instr(errors.reason, excluded.reason) = 0"
                " THEN errors.reason || '; ' || excluded.reason ELSE excluded.reason END,"
                " at = excluded.at, run = excluded.run",
                (skipped.origin, skipped.reason, time.time(), run),
            )

    def clear_errors(self, origin: str) -> None:
        """Forget what earlier runs said about an input that now reads."""
        with self.transaction() as db:
            db.execute("DELETE FROM errors WHERE origin = ?", (origin,))

    def start_run(self) -> int:
        with self.transaction() as db:
            return db.execute("INSERT INTO runs (started) VALUES (?)", (time.time(),)).lastrowid or 0

    def finish_run(self, run: int, stats: dict[str, Any]) -> None:
        """Record a run's end; runs killed before theirs are closed too, since this one finished their work."""
        with self.transaction() as db:
            db.execute("UPDATE runs SET finished = ?, stats = ? WHERE id = ?", (time.time(), json.dumps(stats), run))
            if "stopped" not in stats:
                db.execute("UPDATE runs SET finished = ?, stats = ? WHERE finished IS NULL AND id < ?",
                           (time.time(), json.dumps({"stopped": f"killed; its work was finished by run {run}"}), run))

    def stop_run(self, run: int, stats: dict[str, Any], reason: str) -> None:
        """Close the record of a run that an exception stopped, saying why (best effort: the
        exception may be the database's own)."""
        try:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.finish_run(run, {**stats, "stopped": reason})
        except sqlite3.Error:
            pass

    def pending(self) -> dict[str, int]:
        """What a stopped or killed run left to do: articles stored but not merged yet, and runs
        that never recorded their end. A rerun of the same command finishes both."""
        q = self.db.execute
        return {
            "unmerged": q("SELECT COUNT(*) FROM articles WHERE merged = 0").fetchone()[0],
            "unfinished_runs": q("SELECT COUNT(*) FROM runs WHERE finished IS NULL").fetchone()[0],
        }

    def replace_events_of(self, articles: Iterable[str], events: list[dict[str, Any]]) -> None:
        """Swap every stored event that involves these articles for new ones, and mark them merged.

        ``articles`` must be closed over stored events (``close_over_events``): an event being
        replaced has all its articles among them, so none of its mentions goes missing.
        """
        articles = sorted(articles)
        with self.transaction() as db:
            for chunk in chunks(articles, 500):
                marks = ",".join("?" * len(chunk))
                db.execute(
                    f"DELETE FROM events WHERE id IN (SELECT event FROM event_articles WHERE article IN ({marks}))",
                    chunk,
                )
            for event in events:
                db.execute(
                    "INSERT OR REPLACE INTO events VALUES (?,?,?,?,?,?,?)",
                    (event["id"], event.get("story"), event["type"], event["status"], event.get("date"),
                     event.get("sources", 0), _json(event)),
                )
                db.executemany(
                    "INSERT OR IGNORE INTO event_articles VALUES (?, ?)", [(event["id"], a) for a in event["articles"]]
                )
            db.executemany("UPDATE articles SET merged = 1 WHERE id = ?", [(a,) for a in articles])

    def articles_with_events_near(self, types_days: set[tuple[str, str]], days: int = 1) -> set[str]:
        """Articles of stored events of a type within ``days`` of a day: where a new mention may
        find the same event told in another story."""
        found: set[str] = set()
        for type_, day in sorted(types_days):
            rows = self.db.execute(
                "SELECT DISTINCT ea.article FROM events e JOIN event_articles ea ON ea.event = e.id"
                " WHERE e.type = ? AND length(e.date) = 10 AND e.date BETWEEN date(?, ?) AND date(?, ?)",
                (type_, day, f"-{days} day", day, f"+{days} day"),
            )
            found.update(r[0] for r in rows)
        return found

    def close_over_events(self, articles: set[str]) -> set[str]:
        """Add every article that shares a stored event with one already in the set, until none is left."""
        closed, frontier = set(articles), set(articles)
        while frontier:
            new: set[str] = set()
            for chunk in chunks(sorted(frontier), 500):
                marks = ",".join("?" * len(chunk))
                rows = self.db.execute(
                    "SELECT DISTINCT b.article FROM event_articles a JOIN event_articles b ON a.event = b.event"
                    f" WHERE a.article IN ({marks})",
                    chunk,
                )
                new.update(r[0] for r in rows)
            frontier = new - closed
            closed |= frontier
        return closed

    def placement(self, articles: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """Story and near-duplicate original of each article."""
        out: dict[str, tuple[str | None, str | None]] = {}
        for aid in articles:
            row = self.db.execute("SELECT story, duplicate_of FROM articles WHERE id = ?", (aid,)).fetchone()
            out[aid] = (row[0], row[1]) if row else (None, None)
        return out

    # -- reading --------------------------------------------------------------------------

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        if ids is None:
            rows = self.db.execute("SELECT * FROM articles ORDER BY COALESCE(published, '9999'), rowid").fetchall()
        else:
            ids = list(ids)
            rows = [r for i in ids for r in self.db.execute("SELECT * FROM articles WHERE id = ?", (i,))]
        return [_article(r) for r in rows]

    def analysis(self, article_id: str) -> Analysis | None:
        row = self.db.execute(
            "SELECT a.*, n.data FROM analyses n JOIN articles a ON a.id = n.article WHERE n.article = ?", (article_id,)
        ).fetchone()
        return _analysis(row) if row else None

    def analysis_document(self, article_id: str) -> dict[str, Any] | None:
        """The stored analysis as a JSON-ready dict (actors once, referred to by id), article included."""
        row = self.db.execute(
            "SELECT a.*, n.data FROM analyses n JOIN articles a ON a.id = n.article WHERE n.article = ?", (article_id,)
        ).fetchone()
        return {**json.loads(row["data"]), "article": _article(row).to_dict()} if row else None

    def iter_analyses(self) -> Iterator[Analysis]:
        """Every stored analysis in publication order, one at a time (memory bounded by one article)."""
        for (aid,) in self.db.execute("SELECT id FROM articles ORDER BY COALESCE(published, '9999'), rowid").fetchall():
            analysis = self.analysis(aid)
            if analysis is not None:
                yield analysis

    def analyses(self, article_ids: Iterable[str]) -> list[Analysis]:
        found = [self.analysis(i) for i in article_ids]
        return [a for a in found if a is not None]

    def story_rows(
        self, since: str | None = None, until: str | None = None
    ) -> Iterator[tuple[str, str | None, str | None, dict[str, Any] | None]]:
        """(article id, story, duplicate_of, story features) in the order they were stored, to rebuild
        the story index: of every article, or (``since``/``until``, ISO days) of every article of
        the stories with an article published in those days and of the stories with no date."""
        where, params = "", ()
        if since is not None and until is not None:
            where = (" WHERE a.story IN (SELECT story FROM articles WHERE published >= ? AND published < ?"
                     " UNION SELECT id FROM stories WHERE last_published IS NULL)")
            params = (since, until + "~")  # "~" sorts after any time of day the last date carries
        for row in self.db.execute(
            "SELECT a.id, a.story, a.duplicate_of, n.story_features FROM articles a"
            " JOIN analyses n ON n.article = a.id" + where + " ORDER BY a.rowid", params
        ):
            yield row[0], row[1], row[2], json.loads(row[3]) if row[3] else None

    def story_frequencies(self) -> tuple[int, dict[str, int]]:
        """How many articles have story features, and in how many of them each word or name occurs."""
        n = self.db.execute("SELECT COUNT(*) FROM analyses WHERE story_features IS NOT NULL").fetchone()[0]
        return n, dict(self.db.execute("SELECT key, n FROM story_df"))

    def latest_published(self) -> str | None:
        return self.db.execute("SELECT MAX(published) FROM articles").fetchone()[0]

    def story_articles(self, story: str) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT id, source, title, published, published_inferred, duplicate_of, url, text FROM articles"
            " WHERE story = ? ORDER BY COALESCE(published, '9999'), rowid",
            (story,),
        ).fetchall()

    def unmerged_stories(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT story FROM articles WHERE merged = 0 AND story IS NOT NULL")]

    def stories(self) -> list[dict[str, Any]]:
        """Every story with its articles in publication order (two queries, whatever the store's size)."""
        members: dict[str, list[str]] = {}
        for story, aid in self.db.execute(
            "SELECT story, id FROM articles WHERE story IS NOT NULL ORDER BY COALESCE(published, '9999'), rowid"
        ):
            members.setdefault(story, []).append(aid)
        return [
            {"id": row["id"], "title": row["title"], "articles": members.get(row["id"], []),
             "first_published": row["first_published"], "last_published": row["last_published"]}
            for row in self.db.execute("SELECT * FROM stories ORDER BY COALESCE(first_published, '9999'), id")
        ]

    def story(self, story_id: str) -> dict[str, Any] | None:
        """One story in the shape of ``stories()``."""
        row = self.db.execute("SELECT * FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        return {"id": row["id"], "title": row["title"], "articles": [r["id"] for r in self.story_articles(story_id)],
                "first_published": row["first_published"], "last_published": row["last_published"]}

    def events_of(self, articles: Iterable[str]) -> list[dict[str, Any]]:
        """Merged events that involve any of these articles, by date."""
        ids: set[str] = set()
        for chunk in chunks(sorted(set(articles)), 500):
            marks = ",".join("?" * len(chunk))
            ids.update(r[0] for r in self.db.execute(
                f"SELECT DISTINCT event FROM event_articles WHERE article IN ({marks})", chunk))
        rows = [self.db.execute("SELECT data FROM events WHERE id = ?", (i,)).fetchone() for i in sorted(ids)]
        events = [json.loads(r[0]) for r in rows if r]
        return sorted(events, key=lambda e: (e.get("date") or "9999", e["id"]))

    def ids_like(self, table: str, prefix: str) -> list[str]:
        """Ids of articles or stories that start with a prefix (or equal it)."""
        if table not in ("articles", "stories"):
            raise ValueError(f"no ids in {table}")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.db.execute(f"SELECT id FROM {table} WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",))
        return [r[0] for r in rows]

    def events(self) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT data FROM events ORDER BY COALESCE(date, '9999'), id")
        return [json.loads(r[0]) for r in rows]

    def errors(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT origin, reason, at, run FROM errors ORDER BY at, origin").fetchall()

    def counts(self) -> dict[str, int]:
        q = self.db.execute
        return {
            "articles": q("SELECT COUNT(*) FROM articles").fetchone()[0],
            "copies": q("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "stories": q("SELECT COUNT(*) FROM stories").fetchone()[0],
            "events": q("SELECT COUNT(*) FROM events").fetchone()[0],
            "errors": q("SELECT COUNT(*) FROM errors").fetchone()[0],
        }


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _analysis_json(analysis: Analysis) -> str:
    """The analysis document without its article, which the articles table holds."""
    d = analysis_to_dict(analysis)
    del d["article"]
    return _json(d)


def _analysis(row: sqlite3.Row) -> Analysis:
    return analysis_from_dict({**json.loads(row["data"]), "article": _article(row).to_dict()})


_COUNT_KEY = "INSERT INTO story_df VALUES (?, 1) ON CONFLICT(key) DO UPDATE SET n = n + 1"


def _story_keys(features: dict[str, Any]) -> list[str]:
    """The keys an article counts into the story index's frequencies: its words, then its names
    (a key that is both counts twice, as the index counts it)."""
    return [*features.get("terms", {}), *features.get("entities", {})]


def _count_story_frequencies(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE story_df (key TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID")
    # What merging looks for after every batch: the stories with articles not merged yet.
    db.execute("CREATE INDEX IF NOT EXISTS articles_unmerged ON articles(story) WHERE merged = 0")
    counts: dict[str, int] = {}
    for (features,) in db.execute("SELECT story_features FROM analyses WHERE story_features IS NOT NULL"):
        for key in _story_keys(json.loads(features)):
            counts[key] = counts.get(key, 0) + 1
    db.executemany("INSERT INTO story_df VALUES (?, ?)", counts.items())


def _migrate_to_references(db: sqlite3.Connection) -> None:
    """Rewrite version-1 analyses (every event carrying its actors with all their mentions) in the
    referring form, and drop the actor table that only repeated what the analyses hold."""
    ids = [r[0] for r in db.execute("SELECT article FROM analyses ORDER BY article")]
    for aid in ids:
        (data,) = db.execute("SELECT data FROM analyses WHERE article = ?", (aid,)).fetchone()
        d = json.loads(data)
        if d.get("format", 1) == 1:
            analysis = analysis_from_dict(d)
            db.execute("UPDATE analyses SET data = ? WHERE article = ?", (_analysis_json(analysis), aid))
    db.execute("DROP TABLE IF EXISTS actors")


# -- read-side indexes (the web API filters and searches through these) -------------------------
#
# Derived from the merged events and quotes by triggers, so the writer's code never mentions
# them. Created apart from the versioned migrations, and only when one of them is missing: a
# reshaped events or quotes table drops its triggers, and the next writer to open the file
# builds them again from what is stored. ``INSERT OR REPLACE`` fires no delete trigger, so a
# BEFORE INSERT trigger clears what an event being replaced had indexed.
_EVENT_ROW_INDEX = """
INSERT INTO event_actors SELECT :id, 'source', json_extract(value, '$.name'), json_extract(value, '$.role'),
    json_extract(value, '$.country'), json_extract(value, '$.sector') FROM json_each(:data, '$.source');
INSERT INTO event_actors SELECT :id, 'target', json_extract(value, '$.name'), json_extract(value, '$.role'),
    json_extract(value, '$.country'), json_extract(value, '$.sector') FROM json_each(:data, '$.target');
INSERT INTO event_actors SELECT :id, 'location', json_extract(:data, '$.location.name'), NULL,
    json_extract(:data, '$.location.country'), NULL WHERE json_extract(:data, '$.location.country') IS NOT NULL;
INSERT INTO events_fts(rowid, actors, evidence) VALUES (:rowid,
    (SELECT group_concat(json_extract(value, '$.name'), ' | ') FROM (SELECT value FROM json_each(:data, '$.source')
     UNION ALL SELECT value FROM json_each(:data, '$.target'))),
    (SELECT group_concat(json_extract(value, '$.text'), ' ') FROM json_each(:data, '$.evidence')));
"""
READ_INDEXES = """
CREATE TABLE event_actors (event TEXT NOT NULL, side TEXT NOT NULL, name TEXT, role TEXT, country TEXT, sector TEXT);
CREATE INDEX event_actors_event ON event_actors(event);
CREATE INDEX event_actors_country ON event_actors(country, event);
CREATE INDEX event_actors_name ON event_actors(name COLLATE NOCASE, country, sector, side, event);
CREATE INDEX events_order ON events(COALESCE(date, '9999'), id);
CREATE INDEX events_type ON events(type, COALESCE(date, '9999'), id);
CREATE VIRTUAL TABLE events_fts USING fts5(actors, evidence, tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content='quotes', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER events_read_bi BEFORE INSERT ON events BEGIN
    DELETE FROM event_actors WHERE event = new.id;
    DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events WHERE id = new.id);
END;
CREATE TRIGGER events_read_ai AFTER INSERT ON events BEGIN
""" + _EVENT_ROW_INDEX.replace(":id", "new.id").replace(":data", "new.data").replace(":rowid", "new.rowid") + """
END;
CREATE TRIGGER events_read_ad AFTER DELETE ON events BEGIN
    DELETE FROM event_actors WHERE event = old.id;
    DELETE FROM events_fts WHERE rowid = old.rowid;
END;
CREATE TRIGGER quotes_read_ai AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text) VALUES (new.rowid, new.text);
END;
CREATE TRIGGER quotes_read_ad AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
END;
"""
READ_INDEX_OBJECTS = ("event_actors", "events_order", "events_type", "events_fts", "quotes_fts", "events_read_bi",
                      "events_read_ai", "events_read_ad", "quotes_read_ai", "quotes_read_ad")


def ensure_read_indexes(db: sqlite3.Connection) -> None:
    """Build the read-side indexes, and fill them from what is stored, if any of them is missing."""
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    if all(n in names for n in READ_INDEX_OBJECTS):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        for name in READ_INDEX_OBJECTS:
            kind = db.execute("SELECT type FROM sqlite_master WHERE name = ?", (name,)).fetchone()
            if kind:
                db.execute(f"DROP {kind[0].upper()} IF EXISTS {name}")
        for statement in _statements(READ_INDEXES):
            db.execute(statement)
        fill = _statements(_EVENT_ROW_INDEX)
        for rowid, id_, data in db.execute("SELECT rowid, id, data FROM events").fetchall():
            for statement in fill:
                db.execute(statement, {"rowid": rowid, "id": id_, "data": data})
        db.execute("INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')")
        db.execute("COMMIT")
    except sqlite3.Error:
        db.execute("ROLLBACK")
        raise


def _connect_readonly(path: str) -> sqlite3.Connection:
    """Open for reading only; a database on read-only media (where WAL cannot make its shared
    memory file) is opened as immutable instead."""
    if path == ":memory:":
        return sqlite3.connect(path, isolation_level=None)
    for mode in ("mode=ro", "immutable=1"):
        db = sqlite3.connect(f"{Path(path).resolve().as_uri()}?{mode}", uri=True, timeout=30, isolation_level=None)
        try:
            db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            return db
        except sqlite3.OperationalError as exc:
            db.close()
            if "locked" in str(exc):  # a writer holds it: reading it as immutable could see half a write
                break
    raise StoreError(f"cannot read database {path}: it is locked or on media SQLite cannot read")


def _article(row: sqlite3.Row) -> Article:
    return Article(
        id=row["id"], text=row["text"], title=row["title"], published=row["published"], source=row["source"],
        url=row["url"], place=row["place"], origin=row["origin"], published_inferred=bool(row["published_inferred"]),
        credits=json.loads(row["credits"] or "[]"),
    )


def headline(text: str, limit: int = 200) -> str:
    """The first line of a text, shortened at a word boundary: a title for articles that have none."""
    first = text.split("\n", 1)[0]
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items from any iterable, consumed lazily (a stream of articles or a list of ids)."""
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    out, buf = [], []
    for line in sql.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out
