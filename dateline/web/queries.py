"""Every SQL statement the web app runs, on read-only connections (one per thread).

Filters and pages are applied in SQL, through the read-side indexes the store keeps
(``event_actors``, ``events_fts``, ``quotes_fts``, ``events_order``), so a request costs the
same on a store of ten events and of ten thousand. Merged events are passed on as the JSON
text the store holds (``raw``), so a page of them is sent without parsing and re-encoding
each one; analyses are read through ``Store.analysis``, never by parsing their stored shape.
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..model import Analysis
from ..store import READ_INDEX_OBJECTS, Store, StoreError

T = TypeVar("T")

# Private-use characters around search hits in snippets: never in news text, and turned into
# marks only after the text around them is escaped.
HIT_START, HIT_END = "\ue000", "\ue001"
MMAP_BYTES = 1 << 30
CACHE_KIB = 8192


class MissingIndexes(StoreError):
    """The store predates the read-side indexes and could not be given them (a read-only file)."""


@dataclass(frozen=True)
class EventFilter:
    """What the timeline is narrowed to; every field given must hold (see ``where``)."""

    actor: str | None = None  # whole words of an actor's name, or a country code on either side
    country: str | None = None  # an actor's country or the event's location
    type: str | None = None
    status: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, compared on the known prefix
    until: str | None = None
    q: str | None = None  # words of the evidence or the actors' names
    min_sources: int | None = None  # independent sources, at least

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause over ``events e`` and its parameters (always parameterized)."""
        clauses, params = ["1"], []
        if self.type:
            clauses.append("e.type = ?")
            params.append(self.type)
        if self.status:
            clauses.append("e.status = ?")
            params.append(self.status)
        if self.min_sources:
            clauses.append("e.sources >= ?")
            params.append(self.min_sources)
        if self.country:
            clauses.append("e.id IN (SELECT event FROM event_actors WHERE country = ?)")
            params.append(self.country)
        if self.actor:
            phrase = fts_phrase(self.actor)
            clauses.append(
                "(e.id IN (SELECT event FROM event_actors WHERE country = ? AND side != 'location')"
                + (
                    " OR e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?))"
                    if phrase
                    else ")"
                )
            )
            params.append(self.actor.strip().upper())
            if phrase:
                params.append(f"actors : {phrase}")
        if self.since:
            clauses.append("e.date IS NOT NULL AND e.date >= substr(?, 1, length(e.date))")
            params.append(self.since)
        if self.until:  # an event known only to come before a day is before every later ``until``
            clauses.append(
                "(CASE WHEN e.date IS NOT NULL THEN substr(e.date, 1, length(?)) <= ?"
                " ELSE substr(json_extract(e.data, '$.before'), 1, length(?)) <= ? END)"
            )
            params += [self.until, self.until, self.until, self.until]
        if self.q:
            match = fts_query(self.q)
            if match:
                clauses.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
                params.append(match)
        return " AND ".join(clauses), params


def fts_query(text: str, limit: int = 12) -> str | None:
    """Words of free text as an FTS5 query that cannot fail to parse: each word quoted, all
    required, a trailing ``*`` kept as a prefix search.

    >>> fts_query('Pahalgam attack" OR 1=1 --')
    '"Pahalgam" "attack" "OR" "1" "1"'
    >>> fts_query("terror*"), fts_query("  ")
    ('"terror"*', None)
    """
    words = re.findall(r"(\w+)(\*?)", text)[:limit]
    return " ".join(f'"{w}"{star}' for w, star in words) or None


def fts_phrase(text: str) -> str | None:
    """Words as one FTS5 phrase: consecutive whole words, in order ("Rajnath Singh")."""
    words = re.findall(r"\w+", text)[:12]
    return '"' + " ".join(words) + '"' if words else None


def consistent(fn: Callable[..., T]) -> Callable[..., T]:
    """Run a function of a ``Reader`` (its first argument) in one read snapshot."""

    @functools.wraps(fn)
    def inner(reader: Reader, *args: Any, **kwargs: Any) -> T:
        with reader.snapshot():
            return fn(reader, *args, **kwargs)

    return inner


class Reader:
    """Read-only access to one store, with a connection for each thread that asks.

    The connections are opened ``mode=ro`` (see ``Store(readonly=True)``), so a ``dateline run``
    can write to the same file meanwhile: WAL lets readers see the last committed state.
    """

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._local = threading.local()
        names = {r[0] for r in self.store.db.execute("SELECT name FROM sqlite_master")}
        missing = [n for n in READ_INDEX_OBJECTS if n not in names]
        if missing:
            raise MissingIndexes(
                f"{self.path} has no search indexes yet ({', '.join(missing[:3])}, ...); open it once for"
                " writing (`dateline serve` does so when it can, as does `dateline run`)"
            )

    @property
    def store(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = Store(self.path, readonly=True)
            # Pages mapped from the OS cache are shared by every thread's connection; each
            # connection's own cache stays small.
            store.db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
            store.db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        return store

    @property
    def db(self) -> sqlite3.Connection:
        return self.store.db

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Run the queries inside as one read transaction: they see one committed state of the
        store, however many a writer commits meanwhile (a page and its total agree; a story keeps
        its articles). Nested, the outer one holds."""
        db = self.db
        if db.in_transaction:
            yield
            return
        db.execute("BEGIN")
        try:
            yield
        finally:
            db.execute("COMMIT")

    # -- events ---------------------------------------------------------------------------

    def events(
        self, f: EventFilter, limit: int, offset: int, newest_first: bool = False
    ) -> tuple[list[str], int]:
        """A page of merged events as stored JSON texts, in date order (undated last), and how many match."""
        where, params = f.where()
        order = "DESC" if newest_first else "ASC"
        # Sort and page on the small columns, then fetch the page's JSON: a sort that carried
        # every matching event's document would cost as much as reading them all.
        with self.snapshot():
            rows = self.db.execute(
                f"SELECT d.data FROM (SELECT e.rowid AS r, COALESCE(e.date, '9999') AS day, e.id AS id FROM events e"
                f" WHERE {where} ORDER BY day {order}, id {order} LIMIT ? OFFSET ?) AS p"
                f" JOIN events d ON d.rowid = p.r ORDER BY p.day {order}, p.id {order}",
                [*params, limit, offset],
            ).fetchall()
            total = self.db.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]
        return [r[0] for r in rows], total

    def event_counts(self, f: EventFilter, width: int) -> tuple[list[tuple[str, str, int]], int]:
        """(period, type, count) for events dated at least as finely as the period (``width``
        characters of the date: 4 a year, 7 a month, 10 a day), and how many matching events
        are dated too coarsely or not at all to be counted."""
        where, params = f.where()
        with self.snapshot():
            rows = self.db.execute(
                f"SELECT substr(e.date, 1, ?) AS period, e.type, COUNT(*) FROM events e WHERE {where}"
                " AND length(e.date) >= ? GROUP BY period, e.type ORDER BY period",
                [width, *params, width],
            ).fetchall()
            left = self.db.execute(
                f"SELECT COUNT(*) FROM events e WHERE {where} AND (e.date IS NULL OR length(e.date) < ?)",
                [*params, width],
            ).fetchone()[0]
        return [(r[0], r[1], r[2]) for r in rows], left

    def date_span(self, f: EventFilter) -> tuple[str | None, str | None]:
        where, params = f.where()
        row = self.db.execute(
            f"SELECT MIN(e.date), MAX(e.date) FROM events e WHERE {where} AND e.date IS NOT NULL", params
        ).fetchone()
        return row[0], row[1]

    def event(self, event_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT data FROM events WHERE id = ?", (event_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def events_of_articles(self, article_ids: list[str], limit: int = 500) -> list[dict[str, Any]]:
        """Merged events that involve any of these articles, by date (at most ``limit``)."""
        if not article_ids:
            return []
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            f"SELECT DISTINCT e.data, COALESCE(e.date, '9999') AS d, e.id FROM event_articles ea"
            f" JOIN events e ON e.id = ea.event WHERE ea.article IN ({marks}) ORDER BY d, e.id LIMIT ?",
            [*article_ids, limit],
        ).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- articles ---------------------------------------------------------------------------

    def article(self, article_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, source, url, title, published, published_inferred, place, text, story, duplicate_of"
            " FROM articles WHERE id = ?",
            (article_id,),
        ).fetchone()
        return _article_dict(row) if row else None

    def article_texts(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Whole articles (text included), for showing evidence in place."""
        if not article_ids:
            return {}
        marks = ",".join("?" * len(article_ids))
        rows = self.db.execute(
            "SELECT id, source, url, title, published, published_inferred, place, text, story, duplicate_of"
            f" FROM articles WHERE id IN ({marks})",
            article_ids,
        ).fetchall()
        return {r["id"]: _article_dict(r) for r in rows}

    @consistent
    def articles(self, limit: int, offset: int, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """A page of articles, newest first, or those matching words of their title or text."""
        cols = (
            "a.id, a.source, a.url, a.title, a.published, a.published_inferred, a.place, a.story,"
            " a.duplicate_of, substr(a.text, 1, 300) AS text"
        )
        match = fts_query(q) if q else None
        if match:
            rows = self.db.execute(
                f"SELECT {cols} FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?"
                " ORDER BY rank LIMIT ? OFFSET ?",
                (match, limit, offset),
            ).fetchall()
            total = self.db.execute(
                "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
            ).fetchone()[0]
        else:
            rows = self.db.execute(
                f"SELECT {cols} FROM articles a ORDER BY a.published IS NULL, a.published DESC, a.rowid DESC"
                " LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
            total = self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        return [_article_dict(r) for r in rows], total

    def analysis(self, article_id: str) -> Analysis | None:
        return self.store.analysis(article_id)

    def analyses(self, article_ids: list[str]) -> list[Analysis]:
        return self.store.analyses(article_ids)

    # -- stories ----------------------------------------------------------------------------

    def stories(self, limit: int, offset: int, newest_first: bool = True) -> tuple[list[dict[str, Any]], int]:
        order = "DESC" if newest_first else "ASC"
        rows = self.db.execute(
            f"SELECT id, title, first_published, last_published, articles FROM stories"
            f" ORDER BY COALESCE(last_published, '0000') {order}, id {order} LIMIT ? OFFSET ?",
            (limit, offset),
        ).fetchall()
        total = self.db.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        members = self.story_members([r["id"] for r in rows])
        return [
            {
                "id": r["id"],
                "title": r["title"],
                "articles": members.get(r["id"], []),
                "first_published": r["first_published"],
                "last_published": r["last_published"],
            }
            for r in rows
        ], total

    def story(self, story_id: str) -> dict[str, Any] | None:
        row = self.db.execute(
            "SELECT id, title, first_published, last_published FROM stories WHERE id = ?", (story_id,)
        ).fetchone()
        return dict(row) if row else None

    def story_members(self, story_ids: list[str]) -> dict[str, list[str]]:
        if not story_ids:
            return {}
        marks = ",".join("?" * len(story_ids))
        out: dict[str, list[str]] = {}
        for story, aid in self.db.execute(
            f"SELECT story, id FROM articles WHERE story IN ({marks}) ORDER BY COALESCE(published, '9999'), rowid",
            story_ids,
        ):
            out.setdefault(story, []).append(aid)
        return out

    def story_articles(self, story_id: str) -> list[dict[str, Any]]:
        return [_article_dict(r) for r in self.store.story_articles(story_id)]

    # -- actors -----------------------------------------------------------------------------

    def actors(self, limit: int, offset: int, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """Actors of merged events, one per (name, country, sector), most events first."""
        where, params = "side != 'location'", []
        if q:
            where += " AND name LIKE ? ESCAPE '\\'"
            params.append("%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        rows = self.db.execute(
            "SELECT name, country, sector, MAX(role) AS role, COUNT(DISTINCT event) AS events,"
            " SUM(side = 'source') AS as_source, SUM(side = 'target') AS as_target"
            f" FROM event_actors WHERE {where} GROUP BY name COLLATE NOCASE, country, sector"
            " ORDER BY events DESC, name LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        total = self.db.execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM event_actors WHERE {where}"
            " GROUP BY name COLLATE NOCASE, country, sector)",
            params,
        ).fetchone()[0]
        return [dict(r) for r in rows], total

    def actor(self, name: str, country: str | None, sector: str | None) -> dict[str, Any] | None:
        """One actor: the roles it was coded with and when, its sides, its co-occurring actors."""
        match = "name = ? COLLATE NOCASE AND country IS ? AND sector IS ? AND side != 'location'"
        key = [name, country, sector]
        roles = self.db.execute(
            f"SELECT a.role, MIN(e.date) AS first, MAX(e.date) AS last, COUNT(DISTINCT a.event) AS events"
            f" FROM event_actors a JOIN events e ON e.id = a.event WHERE {match.replace('name', 'a.name')}"
            " GROUP BY a.role ORDER BY events DESC",
            key,
        ).fetchall()
        if not roles:
            return None
        sides = dict(
            self.db.execute(
                f"SELECT side, COUNT(DISTINCT event) FROM event_actors WHERE {match} GROUP BY side", key
            ).fetchall()
        )
        canonical = self.db.execute(f"SELECT name FROM event_actors WHERE {match} LIMIT 1", key).fetchone()[0]
        others = self.db.execute(
            "SELECT b.name, b.country, b.sector, COUNT(DISTINCT b.event) AS events FROM event_actors a"
            " JOIN event_actors b ON b.event = a.event AND b.side != 'location'"
            " AND NOT (b.name = a.name COLLATE NOCASE AND b.country IS a.country AND b.sector IS a.sector)"
            " WHERE a.name = ? COLLATE NOCASE AND a.country IS ? AND a.sector IS ? AND a.side != 'location'"
            " GROUP BY b.name COLLATE NOCASE, b.country, b.sector ORDER BY events DESC, b.name LIMIT 20",
            key,
        ).fetchall()
        return {
            "name": canonical,
            "country": country,
            "sector": sector,
            "roles": [dict(r) for r in roles],
            "events_as_source": sides.get("source", 0),
            "events_as_target": sides.get("target", 0),
            "co_actors": [dict(r) for r in others],
        }

    def known_actors(self, names: list[str]) -> set[tuple[str, str | None, str | None]]:
        """(casefolded name, country, sector) of the actors with these names that merged events have."""
        if not names:
            return set()
        marks = ",".join("?" * len(names))
        rows = self.db.execute(
            f"SELECT DISTINCT name, country, sector FROM event_actors WHERE side != 'location'"
            f" AND name COLLATE NOCASE IN ({marks})",
            names,
        ).fetchall()
        return {(r[0].casefold(), r[1], r[2]) for r in rows if r[0]}

    def actor_events(
        self, name: str, country: str | None, sector: str | None, side: str, limit: int, offset: int
    ) -> tuple[list[str], int]:
        """A page of the events an actor is on one side of (``source`` or ``target``), by date."""
        match = "name = ? COLLATE NOCASE AND country IS ? AND sector IS ? AND side = ?"
        params = [name, country, sector, side]
        rows = self.db.execute(
            f"SELECT e.data FROM events e WHERE e.id IN (SELECT event FROM event_actors WHERE {match})"
            " ORDER BY COALESCE(e.date, '9999'), e.id LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
        total = self.db.execute(
            f"SELECT COUNT(DISTINCT event) FROM event_actors WHERE {match}", params
        ).fetchone()[0]
        return [r[0] for r in rows], total

    def actor_quote_articles(self, name: str, limit: int = 50) -> list[str]:
        """Articles with quotes whose speaker bears this name (their speakers are checked on the analyses)."""
        rows = self.db.execute(
            "SELECT DISTINCT q.article FROM quotes q JOIN articles a ON a.id = q.article WHERE q.speaker = ?"
            " COLLATE NOCASE ORDER BY COALESCE(a.published, '9999') DESC LIMIT ?",
            (name, limit),
        ).fetchall()
        return [r[0] for r in rows]

    # -- search -----------------------------------------------------------------------------

    def search_articles(self, q: str, limit: int) -> tuple[list[dict[str, Any]], int]:
        match = fts_query(q)
        if not match:
            return [], 0
        rows = self.db.execute(
            "SELECT a.id, a.title, a.source, a.published, a.story,"
            f" snippet(articles_fts, 1, '{HIT_START}', '{HIT_END}', '…', 24) AS snippet,"
            f" snippet(articles_fts, 0, '{HIT_START}', '{HIT_END}', '', 24) AS title_hit"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid WHERE articles_fts MATCH ?"
            " ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        total = self.db.execute(
            "SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH ?", (match,)
        ).fetchone()[0]
        return [dict(r) for r in rows], total

    def search_events(self, q: str, limit: int) -> tuple[list[tuple[str, str]], int]:
        """(stored event JSON, evidence snippet) of events whose evidence or actors match."""
        match = fts_query(q)
        if not match:
            return [], 0
        rows = self.db.execute(
            f"SELECT e.data, snippet(events_fts, 1, '{HIT_START}', '{HIT_END}', '…', 24) FROM events_fts"
            " JOIN events e ON e.rowid = events_fts.rowid WHERE events_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        total = self.db.execute(
            "SELECT COUNT(*) FROM events_fts WHERE events_fts MATCH ?", (match,)
        ).fetchone()[0]
        return [(r[0], r[1]) for r in rows], total

    def search_quotes(self, q: str, limit: int) -> tuple[list[dict[str, Any]], int]:
        match = fts_query(q)
        if not match:
            return [], 0
        rows = self.db.execute(
            f'SELECT q.article, q.idx, q.speaker, q.start, q."end",'
            f" snippet(quotes_fts, 0, '{HIT_START}', '{HIT_END}', '…', 32) AS snippet, a.title, a.published"
            " FROM quotes_fts JOIN quotes q ON q.rowid = quotes_fts.rowid JOIN articles a ON a.id = q.article"
            " WHERE quotes_fts MATCH ? ORDER BY rank LIMIT ?",
            (match, limit),
        ).fetchall()
        total = self.db.execute(
            "SELECT COUNT(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (match,)
        ).fetchone()[0]
        return [dict(r) for r in rows], total

    # -- the store as a whole -----------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return self.store.counts()

    def close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None


def _article_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    if "published_inferred" in d:
        d["published_inferred"] = bool(d["published_inferred"])
    return d


def iter_hits(snippet: str) -> Iterator[tuple[str, bool]]:
    """Pieces of an FTS snippet, each with whether it is a hit."""
    for i, piece in enumerate(re.split(f"[{HIT_START}{HIT_END}]", snippet)):
        if piece:
            yield piece, i % 2 == 1
