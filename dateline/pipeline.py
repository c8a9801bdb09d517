"""Build and run the stage sequence: read → clean → analyse → stories → merge → store.

The per-article stages (``analyze_batch``) are pure functions of the articles they get, so an
engine can run them anywhere (in this process, a process pool, a Dask cluster); everything
that writes — story assignment, date inference, merging — happens here, in the one process
that owns the store. Error policy: an input that cannot be read, or an article a stage fails
on, is recorded with its reason and skipped; the batch goes on.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Any

from .clean import clean
from .model import Analysis, Article, Skipped
from .read import DEFAULT_MAX_BYTES, Document, UnreadableInput, check_paths, read_all
from .store import Store, chunks

CHUNK = 16  # articles per task: small enough to keep every worker busy, large enough for nlp.pipe
# Events are merged after every this many new articles, not only at the end: the writer merges
# while the workers parse (no idle cores waiting for one long merge at the end), the events of
# a long run can be read as it goes, and a run that is killed leaves at most this many
# articles' events unmerged (the next run merges them). A count, not a time, so that every
# engine merges at the same points and stores the same result.
MERGE_EVERY = 500
# Characters of one article that are analysed. Longer than any news article (a 10,000-word
# long read is about 60,000), short enough that stages whose cost grows faster than the text
# (see the per-article cap in analyze_batch) stay within seconds. A longer text is stored
# whole and analysed up to the last sentence end before the cap, with a warning.
MAX_CHARS = 100_000


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
    articles: list[Article], model: str | None = None, max_chars: int = MAX_CHARS
) -> list[tuple[Analysis, dict, list[str]] | Skipped]:
    """Run the per-article stages over a batch; pure, so any engine can call it anywhere.

    Per-article cap: some stages cost more than linear time in the length of one article (a
    page of thousands of similar sentences is what a broken crawl produces), so at most
    ``max_chars`` characters (and never more than the parser takes) of an article are analysed,
    cut at a sentence end. The whole text is stored; the warning names the article.
    """
    from .annotate import TEXT_KEY, load_model

    nlp = load_model(model)
    limit = min(max_chars, nlp.max_length)
    out: list[tuple[Analysis, dict, list[str]] | Skipped] = []
    cuts = [analysed_part(a.text, limit) for a in articles]
    try:  # paired by position: two copies of one text in a batch share an id
        docs: list[Any] = list(nlp.pipe([a.text[:cut] for a, cut in zip(articles, cuts)], batch_size=16))
    except Exception:  # one text the parser chokes on: parse the batch one by one so only it is lost
        docs = [None] * len(articles)
    for article, cut, parsed in zip(articles, cuts, docs, strict=True):
        part = article if cut == len(article.text) else replace(article, text=article.text[:cut])
        try:
            doc = parsed or nlp(part.text)
            doc.user_data[TEXT_KEY] = part.text  # the parsed text, kept so stages need not rebuild it
            analysis, features, warnings = analyze_doc(part, doc)
        except Exception as exc:  # one article's failure must not stop the batch
            out.append(Skipped(article.origin or article.id, f"analysis failed: {type(exc).__name__}: {exc}"))
            continue
        if part is not article:
            analysis = replace(analysis, article=article)
            warnings.insert(0, f"article {article.id} is {len(article.text):,} characters long: stored whole, "
                               f"but only its first {cut:,} are analysed (at most {limit:,} per article)")
        out.append((analysis, features, warnings))
    return out


def analysed_part(text: str, limit: int) -> int:
    """Where the analysed part of a text ends: all of it when it fits, else the last sentence
    end (or line break, or space) at or before ``limit``.

    >>> analysed_part("One. Two. Three.", 12)
    9
    """
    if len(text) <= limit:
        return len(text)
    head = text[: limit + 1]
    for boundary in (r"[.!?][\"'”’)\]]*(?=\s)", r"(?=\n)", r"(?=\s)"):
        ends = [m.end() for m in re.finditer(boundary, head) if m.end() <= limit]
        if ends and ends[-1] > 0:
            return ends[-1]
    return limit


def analyze(article: Article, model: str | None = None) -> Analysis:
    """All per-article stages on one article.

    >>> a = analyze(Article(id="x", text="India and Japan signed a defence pact on Monday.", published="2025-05-06"))
    >>> [t.value for t in a.timexes]
    ['2025-05-05']
    """
    result = analyze_batch([article], model)[0]
    if isinstance(result, Skipped):
        raise UnreadableInput(result.reason)  # what a run would skip the article for
    return result[0]


def analyze_doc(article: Article, doc: Any, timings: dict[str, float] | None = None) -> tuple[Analysis, dict, list[str]]:
    """The stages after parsing, each guarded: a stage that fails on an article leaves its
    part empty and says so, and the article is still stored with what the other stages found.

    ``timings``, when given, gathers the seconds each stage takes (``dateline bench pipeline``).
    """
    from .actors import find_actors
    from .events import find_events
    from .events.vocabulary import fixed_kb
    from .quotes import find_quotes
    from .story_features import story_features
    from .temporal import find_timexes

    warnings: list[str] = []

    def timed(stage: str, fn: Callable[[], Any]) -> Any:
        started = time.perf_counter()
        try:
            return fn()
        finally:
            if timings is not None:
                timings[stage] = timings.get(stage, 0.0) + time.perf_counter() - started

    def guarded(stage: str, fn: Callable[[], Any], empty: Any) -> Any:
        try:
            return timed(stage, fn)
        except Exception as exc:
            warnings.append(f"stored, but the {stage} stage failed: {type(exc).__name__}: {exc}")
            return empty

    with fixed_kb():
        actors = guarded("actors", lambda: find_actors(doc, place=article.place, date=article.published), [])
        timexes = guarded("time", lambda: find_timexes(article.text, article.published, doc=doc), [])
        events = guarded("events", lambda: find_events(doc, article, actors, timexes), [])
        quotes = guarded("quotes", lambda: find_quotes(doc, actors), [])
    analysis = Analysis(
        article=article, actors=actors, timexes=timexes, events=events, quotes=quotes,
        sentences=[(s.start_char, s.end_char) for s in doc.sents],
    )
    features = timed("story features", lambda: story_features(  # unguarded: without them no story
        article.text, article.title, article.published, doc=doc, actors=actors, events=events,
        place=article.place,
    ))
    return analysis, features.to_dict(), warnings


Engine = Callable[[Callable[[list[Article]], list], Iterable[list[Article]]], Iterator[list]]


def run(
    paths: Iterable[str],
    store: Store,
    engine: Engine | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    stdin: Any = None,
    max_chars: int = MAX_CHARS,
    timings: dict[str, float] | None = None,
    documents: Iterable[Document | Skipped] | None = None,
) -> RunStats:
    """Read, analyse and store everything under ``paths`` (or the ``documents`` given, already
    read); return what happened.

    ``timings``, when given, gathers the seconds the writer spends placing and storing
    articles ("store") and merging events ("merge"), for ``dateline bench``.

    A path that does not exist raises InputError before anything is recorded. A run stopped
    by an exception (Ctrl-C, a lost cluster) is recorded as stopped, with what it stored kept;
    only a killed process leaves its run unfinished, which ``Store.pending`` reports.
    """
    from .engines.local import overlapped

    if documents is None:
        check_paths(paths)
    engine = engine or overlapped

    def results(stats: RunStats, run_id: int) -> Iterator[list]:
        read = read_all(paths, max_bytes=max_bytes, stdin=stdin) if documents is None else documents
        articles = _new_articles(read, store, stats, run_id)
        return engine(partial(analyze_batch, max_chars=max_chars), chunks(articles, CHUNK))

    return _write(results, store, progress, timings)


def load(folder: str, store: Store, progress: Callable[[int, int], None] | None = None) -> RunStats:
    """Bring the shards ``run_to_shards`` wrote into ``store``, as a direct run would have stored them."""
    from .shards import read_shards, read_skipped, shard_files

    shard_files(folder)  # not a shard folder: say so before a run is recorded

    def results(stats: RunStats, run_id: int) -> Iterator[list]:
        skipped, warnings = read_skipped(folder)
        for notes, kind in ((skipped, stats.skipped), (warnings, stats.warnings)):
            for note in notes:
                kind.append(note)
                store.record_error(note, run_id)
        for chunk in read_shards(folder):
            stats.read += len(chunk)
            yield chunk

    return _write(results, store, progress, None)


def run_to_shards(
    paths: Iterable[str],
    folder: str,
    engine: Engine | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Callable[[int, int], None] | None = None,
    stdin: Any = None,
    max_chars: int = MAX_CHARS,
) -> RunStats:
    """Analyse everything under ``paths`` into Parquet shards in ``folder`` (no store is touched).

    Each task writes its own shard; a shard already there is not written again, so rerunning
    after a crash does only what is missing. Articles are deduplicated within the input only;
    ``load`` skips those a store already holds.
    """
    from .engines.local import overlapped
    from .shards import ShardTask, remove_from, write_skipped

    check_paths(paths)
    engine = engine or overlapped
    folder = os.path.abspath(folder)  # remote workers resolve a relative path in their own folder
    os.makedirs(folder, exist_ok=True)
    started = time.time()
    stats = RunStats()
    articles = _new_articles(read_all(paths, max_bytes=max_bytes, stdin=stdin), None, stats, None)
    task = ShardTask(folder, partial(analyze_batch, max_chars=max_chars))
    done = 0
    made = [0]  # how many chunks the input made

    def counted() -> Iterator[tuple[int, list[Article]]]:
        for seq, chunk in enumerate(chunks(articles, CHUNK)):
            made[0] = seq + 1
            yield seq, chunk

    for n in engine(task, counted()):
        done += n
        if progress:
            progress(done, stats.read)
    write_skipped(folder, stats.skipped, stats.warnings)
    remove_from(folder, made[0])
    stats.new = done
    stats.seconds = time.time() - started
    return stats


def _write(
    results: Callable[[RunStats, int], Iterable[list]],
    store: Store,
    progress: Callable[[int, int], None] | None,
    timings: dict[str, float] | None,
) -> RunStats:
    """The one writer: place each analysed article in a story and store it, merging events as it goes."""
    started = time.time()
    stats = RunStats()
    run_id = store.start_run()
    try:
        index = None  # built at the first new article: a rerun that adds nothing never loads it
        done = 0
        for chunk in results(stats, run_id):
            for result in chunk:
                if isinstance(result, Skipped):
                    stats.skipped.append(result)
                    store.record_error(result, run_id)
                    continue
                analysis, features, warnings = result
                if store.has_article(analysis.article.id):  # shards loaded again: placed and stored already
                    stats.duplicates += 1
                    continue
                stored = time.perf_counter()
                if index is None:
                    from .story_window import StoryWindow

                    index = StoryWindow(store)
                _store_one(store, index, analysis, features, stats)
                if timings is not None:
                    timings["store"] = timings.get("store", 0.0) + time.perf_counter() - stored
                if warnings:  # the store keeps one reason per input: all of them, in one line
                    note = Skipped(analysis.article.origin or analysis.article.id, "; ".join(warnings))
                    stats.warnings.append(note)
                    store.record_error(note, run_id)
                done += 1
                if progress:
                    progress(done, stats.read)
                if done % MERGE_EVERY == 0:
                    _finalize(store, timings)
        _finalize(store, timings)
    except BaseException as exc:
        stats.seconds = time.time() - started
        reason = "interrupted" if isinstance(exc, KeyboardInterrupt) else f"{type(exc).__name__}: {exc}"
        store.stop_run(run_id, stats.to_dict(), reason)
        raise
    stats.seconds = time.time() - started
    store.finish_run(run_id, stats.to_dict())
    return stats


def _finalize(store: Store, timings: dict[str, float] | None) -> None:
    started = time.perf_counter()
    finalize(store)
    if timings is not None:
        timings["merge"] = timings.get("merge", 0.0) + time.perf_counter() - started


def finalize(store: Store) -> list[str]:
    """Date inference for the stories whose articles are not merged yet, then event merging.

    Merging is not confined to a story: the mentions of the new articles are merged together
    with every stored article that has an event of the same type within a day of theirs, and
    with every article that shares a stored event with any of those (so no stored event is
    split or lost when it is rebuilt). The work grows with the neighbourhood of what is new,
    not with the store.
    """
    stories = store.unmerged_stories()
    if not stories:
        return []
    from .merge import EventMention, merge_events

    fresh: dict[str, Analysis] = {}
    for story in sorted(stories):  # a fixed order, whatever order the store lists them in
        fresh.update(_complete_story(store, story))
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


def _complete_story(store: Store, story: str) -> dict[str, Analysis]:
    """The story's articles, undated ones dated through the story, and persons of no country given
    the one the story's other reports give their full name (and stored so)."""
    from .story_actors import borrow_countries, story_countries
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
    known = story_countries(list(by_id.values()))
    for aid, analysis in list(by_id.items()):
        updated = borrow_countries(analysis, known)
        if updated is not analysis:
            store.update_analysis(updated)
            by_id[aid] = updated
    return by_id


def _store_one(store: Store, index: Any, analysis: Analysis, features: dict, stats: RunStats) -> None:
    from .story_features import StoryFeatures

    assignment = index.assign(analysis.article.id, StoryFeatures.from_dict(features))
    if store.add_analysis(analysis, assignment.story_id, assignment.duplicate_of, assignment.score, features):
        stats.new += 1
        stats.articles.append(analysis.article.id)
        stats.stories.add(assignment.story_id)
        if assignment.duplicate_of:
            stats.copies += 1
    else:
        stats.duplicates += 1


def _new_articles(
    items: Iterable[Document | Skipped], store: Store | None, stats: RunStats, run_id: int | None
) -> Iterator[Article]:
    """Clean each document and pass on only articles not stored and not seen earlier in this run.

    Without a store (``run_to_shards``) what it would record is only gathered in ``stats``."""
    def record(note: Skipped, kind: list[Skipped]) -> None:
        kind.append(note)
        if store is not None:
            store.record_error(note, run_id)

    seen: set[str] = set()
    for item in items:
        if isinstance(item, Skipped):
            record(item, stats.skipped)
            continue
        try:
            article = clean(item)
        except UnreadableInput as exc:
            record(Skipped(item.origin, str(exc)), stats.skipped)
            continue
        stats.read += 1
        if article.id in seen or (store is not None and store.has_article(article.id)):
            stats.duplicates += 1
            continue
        if store is not None:
            store.clear_errors(item.origin)
        notes = list(item.warnings)
        if item.date and article.published is None:
            notes.append(f"its date {item.date!r} is not a calendar date; read as undated")
        for reason in notes:
            record(Skipped(item.origin, reason), stats.warnings)
        seen.add(article.id)
        yield article
