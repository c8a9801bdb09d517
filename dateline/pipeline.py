"""Build and run the stage sequence: read → clean → analyse → stories → merge → store.

The per-article stages (``analyze_batch``) are pure functions of the articles they get, so an
engine can run them anywhere (in this process, a process pool, a Dask cluster); everything
that writes — story assignment, date inference, merging — happens here, in the one process
that owns the store. Error policy: an input that cannot be read, or an article a stage fails
on, is recorded with its reason and skipped; the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .clean import clean
from .model import Analysis, Article, Skipped
from .read import DEFAULT_MAX_BYTES, Document, UnreadableInput, read_all
from .store import Store, chunks

CHUNK = 16  # articles per task: small enough to keep every worker busy, large enough for nlp.pipe


@dataclass
class RunStats:
    """What one run did, for the summary line and the runs table."""

    read: int = 0
    new: int = 0
    duplicates: int = 0
    copies: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)  # stored, but a stage failed on it
    stories: set[str] = field(default_factory=set)
    articles: list[str] = field(default_factory=list)  # ids stored by this run
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "read": self.read, "new": self.new, "duplicates": self.duplicates, "copies": self.copies,
            "skipped": len(self.skipped), "warnings": len(self.warnings), "stories": len(self.stories), "seconds": round(self.seconds, 2),
        }


def analyze_batch(
    articles: list[Article], model: str | None = None
) -> list[tuple[Analysis, dict, list[str]] | Skipped]:
    """Run the per-article stages over a batch; pure, so any engine can call it anywhere."""
    from .annotate import load_model

    nlp = load_model(model)
    out: list[tuple[Analysis, dict, list[str]] | Skipped] = []
    fits = [a for a in articles if len(a.text) <= nlp.max_length]
    try:
        docs = dict(zip((a.id for a in fits), nlp.pipe([a.text for a in fits], batch_size=16)))
    except Exception:  # one text the parser chokes on: parse the batch one by one so only it is lost
        docs = {}
    for article in articles:
        if len(article.text) > nlp.max_length:
            out.append(Skipped(article.origin or article.id,
                               f"text of {len(article.text):,} characters is longer than the parser takes "
                               f"({nlp.max_length:,})"))
            continue
        try:
            doc = docs.get(article.id) or nlp(article.text)
            out.append(analyze_doc(article, doc))
        except Exception as exc:  # one article's failure must not stop the batch
            out.append(Skipped(article.origin or article.id, f"analysis failed: {type(exc).__name__}: {exc}"))
    return out


def analyze(article: Article, model: str | None = None) -> Analysis:
    """All per-article stages on one article.

    >>> a = analyze(Article(id="x", text="India and Japan signed a defence pact on Monday.", published="2025-05-06"))
    >>> [t.value for t in a.timexes]
    ['2025-05-05']
    """
    result = analyze_batch([article], model)[0]
    if isinstance(result, Skipped):
        raise RuntimeError(result.reason)
    return result[0]


def analyze_doc(article: Article, doc: Any) -> tuple[Analysis, dict, list[str]]:
    """The stages after parsing, each guarded: a stage that fails on an article leaves its
    part empty and says so, and the article is still stored with what the other stages found."""
    from .actors import find_actors
    from .events import find_events
    from .quotes import find_quotes
    from .stories import story_features
    from .temporal import find_timexes

    warnings: list[str] = []

    def guarded(stage: str, fn: Callable[[], Any], empty: Any) -> Any:
        try:
            return fn()
        except Exception as exc:
            warnings.append(f"stored, but the {stage} stage failed: {type(exc).__name__}: {exc}")
            return empty

    actors = guarded("actors", lambda: find_actors(doc, place=article.place, date=article.published), [])
    timexes = guarded("time", lambda: find_timexes(article.text, article.published, doc=doc), [])
    events = guarded("events", lambda: find_events(doc, article, actors, timexes), [])
    quotes = guarded("quotes", lambda: find_quotes(doc, actors), [])
    analysis = Analysis(
        article=article, actors=actors, timexes=timexes, events=events, quotes=quotes,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
    )
    features = story_features(
        article.text, article.title, article.published, doc=doc, actors=actors, events=events,
        place=article.place,
    )
    return analysis, features.to_dict(), warnings


Engine = Callable[[Callable[[list[Article]], list], Iterable[list[Article]]], Iterator[list]]


def run(
    paths: Iterable[str],
    store: Store,
    engine: Engine | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    stdin: Any = None,
) -> RunStats:
    """Read, analyse and store everything under ``paths``; return what happened."""
    from .engines.local import serial

    started = time.time()
    stats = RunStats()
    run_id = store.start_run()
    engine = engine or serial
    articles = _new_articles(read_all(paths, max_bytes=max_bytes, stdin=stdin), store, stats, run_id)
    index = _story_index(store)
    done = 0
    for results in engine(analyze_batch, chunks(articles, CHUNK)):
        for result in results:
            if isinstance(result, Skipped):
                stats.skipped.append(result)
                store.record_error(result, run_id)
                continue
            analysis, features, warnings = result
            _store_one(store, index, analysis, features, stats)
            for warning in warnings:
                note = Skipped(analysis.article.origin or analysis.article.id, warning)
                stats.warnings.append(note)
                store.record_error(note, run_id)
            done += 1
            if progress:
                progress(done, stats.read)
    finalize(store)
    stats.seconds = time.time() - started
    store.finish_run(run_id, stats.to_dict())
    return stats


def finalize(store: Store) -> list[str]:
    """Date inference for the stories whose articles are not merged yet, then event merging.

    Merging is not confined to a story: the mentions of the new articles are merged together
    with every stored article that has an event of the same type within a day of theirs, and
    with every article that shares a stored event with any of those (so no stored event is
    split or lost when it is rebuilt). The work grows with the neighbourhood of what is new,
    not with the store.
    """
    from .merge import EventMention, merge_events

    stories = store.unmerged_stories()
    if not stories:
        return []
    fresh: dict[str, Analysis] = {}
    for story in sorted(stories):  # a fixed order, whatever order the store lists them in
        fresh.update(_infer_story_dates(store, story))
    near = store.articles_with_events_near(
        {(e.type, e.date) for a in fresh.values() for e in a.events if e.date and len(e.date) == 10}
    )
    articles = store.close_over_events(set(fresh) | near)
    analyses = {a.article.id: a for a in store.analyses(sorted(articles - set(fresh)))} | fresh
    placement = store.placement(analyses)
    mentions = [
        EventMention(event=event, article=aid, published=a.article.published, story=placement[aid][0],
                     duplicate_of=placement[aid][1], outlet=a.article.source, article_text=a.article.text)
        for aid, a in analyses.items()
        for event in a.events
    ]
    merged = []
    for m in merge_events(mentions):
        first = min(m.articles, key=lambda aid: (analyses[aid].article.published or "9999", aid))
        merged.append(dict(m.to_dict(), story=placement[first][0]))
    store.replace_events_of(analyses, merged)
    return stories


def _infer_story_dates(store: Store, story: str) -> dict[str, Analysis]:
    """The story's articles, undated ones dated through the story (and stored so)."""
    from .story_dates import infer_dates

    analyses = store.analyses(r["id"] for r in store.story_articles(story))
    by_id = {a.article.id: a for a in analyses}
    for analysis in analyses:
        if analysis.article.published and not analysis.article.published_inferred:
            continue
        updated = infer_dates(analysis, [a for a in analyses if a is not analysis])
        if updated != analysis:
            store.update_analysis(updated)
            by_id[updated.article.id] = updated
    return by_id


def _store_one(store: Store, index: Any, analysis: Analysis, features: dict, stats: RunStats) -> None:
    from .stories import StoryFeatures

    assignment = index.assign(analysis.article.id, StoryFeatures.from_dict(features))
    if store.add_analysis(analysis, assignment.story_id, assignment.duplicate_of, assignment.score, features):
        stats.new += 1
        stats.articles.append(analysis.article.id)
        stats.stories.add(assignment.story_id)
        if assignment.duplicate_of:
            stats.copies += 1
    else:
        stats.duplicates += 1


def _story_index(store: Store) -> Any:
    from .stories import StoryIndex

    return StoryIndex.from_rows((i, s, d, f) for i, s, d, f in store.story_rows() if f is not None)


def _new_articles(
    items: Iterable[Document | Skipped], store: Store, stats: RunStats, run_id: int
) -> Iterator[Article]:
    """Clean each document and pass on only articles not stored and not seen earlier in this run."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            stats.skipped.append(item)
            store.record_error(item, run_id)
            continue
        try:
            article = clean(item)
        except UnreadableInput as exc:
            skipped = Skipped(item.origin, str(exc))
            stats.skipped.append(skipped)
            store.record_error(skipped, run_id)
            continue
        stats.read += 1
        if article.id in seen or store.has_article(article.id):
            stats.duplicates += 1
            continue
        store.clear_errors(item.origin)
        if item.date and article.published is None:
            note = Skipped(item.origin, f"its date {item.date!r} is not a calendar date; read as undated")
            stats.warnings.append(note)
            store.record_error(note, run_id)
        seen.add(article.id)
        yield article
