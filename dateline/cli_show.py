"""The commands that read a store and show what it holds: listings, one article or story, the
timeline, exports, counts and skipped inputs.

They open the store read-only, so they may run while ``dateline run`` writes the same file, and
say so on stderr when what they show is not the end of a run (``_warn_pending``). Bad input raises
``UsageError``, which ``cli.main`` turns into a one-line message and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from . import output, views
from .output import actor_label, actors_label
from .store import Store


class UsageError(Exception):
    """Bad command-line input; exit code 2."""


def _fmt(args: argparse.Namespace, default: str | None = None) -> str:
    """The --format asked for; else a table on a terminal and JSON Lines in a pipe, or ``default``
    (the one-item views, ``article`` and ``story``, are read as documents wherever they go)."""
    return args.format or default or output.default_format()


def _open(args: argparse.Namespace) -> Store:
    return Store(args.db, readonly=True)



def cmd_articles(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = views.article_rows(store)
    output.write(rows, _fmt(args), [
        ("id", lambda r: r["id"]), ("published", lambda r: (r["published"] or "") + ("*" if r["published_inferred"] else "")),
        ("source", lambda r: r["source"]), ("place", lambda r: r["place"]),
        ("title", lambda r: r["title"] or r["text"].split("\n", 1)[0]),
    ] if _fmt(args) == "table" else [(k, lambda r, k=k: r[k]) for k in
                                     ("id", "source", "url", "title", "published", "place", "text")])
    return 0


def cmd_article(args: argparse.Namespace) -> int:
    from .render import annotation_rows, render_article

    with _open(args) as store:
        article_id = _resolve_id(args.id, store.ids_like("articles", args.id), "article")
        fmt = _fmt(args, "table")
        if fmt == "jsonl":
            document = store.analysis_document(article_id)
        else:
            analysis = store.analysis(article_id)
            document = {} if analysis is not None else None
    if document is None:
        raise UsageError(f"article {args.id} has no analysis")
    if fmt == "jsonl":
        print(json.dumps(document, ensure_ascii=False))
    elif fmt == "csv":
        output.write(annotation_rows(analysis), "csv", [(k, lambda r, k=k: r[k]) for k in
                                                        ("kind", "start", "end", "text", "value")])
    else:
        print(render_article(analysis, color=sys.stdout.isatty()))
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = views.actor_rows(store)
    output.write(rows, _fmt(args), [
        ("name", lambda r: r["name"]), ("role", lambda r: r["role"]), ("country", lambda r: r["country"]),
        ("sector", lambda r: r["sector"]), ("kind", lambda r: r["kind"]),
        ("articles", lambda r: len(r["articles"]) if _fmt(args) == "table" else r["articles"]),
        ("mentions", lambda r: ", ".join(sorted({m["text"] for m in r["mentions"]})) if _fmt(args) != "jsonl"
         else r["mentions"]),
    ])
    return 0


EVENT_COLUMNS: list[output.Column] = [
    ("date", lambda e: date_label(e)), ("type", lambda e: e["type"]), ("mode", lambda e: e.get("mode")),
    ("status", lambda e: e["status"]), ("source", lambda e: actors_label(e.get("source"))),
    ("target", lambda e: actors_label(e.get("target"))),
    ("location", lambda e: (e.get("location") or {}).get("name")), ("sources", lambda e: e.get("sources")),
    ("evidence", lambda e: (e.get("evidence") or [{}])[0].get("text")),
]


def cmd_events(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = _filtered(args, store, views.mention_rows(store) if args.mentions else store.events())
        _warn_pending(store, args.db)
    if _fmt(args) == "table":
        cols = EVENT_COLUMNS if not args.mentions else [c for c in EVENT_COLUMNS if c[0] not in ("sources", "evidence")] + [
            ("article", lambda e: e["article"]), ("text", lambda e: e["text"])]
        output.write(rows, "table", cols)
    else:
        output.write(rows, _fmt(args), [(k, lambda e, k=k: e.get(k)) for k in (
            MENTION_FIELDS if args.mentions else EVENT_FIELDS)])
    return 0


EVENT_FIELDS = ("id", "type", "mode", "status", "date", "date_precision", "before", "reported", "location",
                "source", "target", "sources", "outlets", "articles", "evidence")
MENTION_FIELDS = ("type", "mode", "status", "date", "date_precision", "before", "reported", "location", "source",
                  "target", "article", "trigger", "sentence", "start", "end", "text", "figures")


def cmd_quotes(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = views.quote_rows(store)
    output.write(rows, _fmt(args), [
        ("speaker", lambda q: actor_label(q["speaker"]) if _fmt(args) == "table" else q["speaker"]),
        ("text", lambda q: q["text"]), ("article", lambda q: q["article"]),
        ("start", lambda q: q["start"]), ("end", lambda q: q["end"]),
    ])
    return 0


def cmd_stories(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.stories()
    output.write(rows, _fmt(args), [
        ("id", lambda s: s["id"]), ("first_published", lambda s: s["first_published"]),
        ("last_published", lambda s: s["last_published"]),
        ("articles", lambda s: len(s["articles"]) if _fmt(args) == "table" else s["articles"]),
        ("title", lambda s: s["title"]),
    ])
    return 0


def cmd_story(args: argparse.Namespace) -> int:
    with _open(args) as store:
        story_id = _story_id(store, args.id)
        detail = views.story_detail(store, story_id)
    assert detail is not None
    fmt = _fmt(args, "table")
    if fmt == "jsonl":
        print(json.dumps(detail, ensure_ascii=False))
        return 0
    if fmt == "csv":
        output.write(detail["articles"], "csv", [(k, lambda a, k=k: a[k]) for k in (
            "id", "published", "published_inferred", "source", "title", "duplicate_of", "adds")])
        return 0
    print(f"story {detail['id']}: {detail['title']}")
    print(f"{len(detail['articles'])} articles, {detail['first_published'] or '?'} to {detail['last_published'] or '?'}")
    for a in detail["articles"]:
        date = (a["published"] or "undated") + (" (inferred)" if a["published_inferred"] else "")
        copy = f"  copy of {a['duplicate_of']}" if a["duplicate_of"] else ""
        print(f"\n  {date}  {a['source'] or '(no source)'}  {a['id']}{copy}")
        print(f"    {a['title'] or ''}")
        if a["adds"]:
            print("    adds: " + "; ".join(a["adds"][:12]))
    if detail["events"]:
        print("\nevents:")
        print_timeline(detail["events"], indent="  ")
    return 0


def _story_id(store: Store, given: str) -> str:
    """A story id is ``s`` + 16 hex digits; anything else is read as an article id, meaning its story."""
    if given.startswith("s"):
        return _resolve_id(given, store.ids_like("stories", given), "story")
    article_id = _resolve_id(given, store.ids_like("articles", given), "story or article")
    story = store.placement([article_id])[article_id][0]
    if story is None:
        raise UsageError(f"article {article_id} belongs to no story yet: rerun `dateline run` to finish it")
    return story


def _filtered(args: argparse.Namespace, store: Store, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The events that every filter option given (see ``_filters``) lets through."""
    _check_query(args.query, "--query")
    _check_query(args.actor, "--actor")
    articles = None
    if args.story:
        articles = {a["id"] for a in store.story_articles(_story_id(store, args.story))}
    return views.filter_events(events, args.actor, args.country, args.type, args.since, args.until, args.query,
                               status=args.status, min_sources=args.min_sources, articles=articles)


def cmd_timeline(args: argparse.Namespace) -> int:
    with _open(args) as store:
        events = _filtered(args, store, store.events())
        _warn_pending(store, args.db)
    events = views.timeline_rows(events)
    if _fmt(args) == "table":
        print_timeline(events)
    else:
        output.write(events, _fmt(args), [(k, lambda e, k=k: e.get(k)) for k in (
            "id", "date", "before", "reported", "type", "mode", "status", "source", "target", "location", "sources",
            "evidence")])
    return 0


def date_label(e: dict[str, Any]) -> str | None:
    """The date as a table shows it: the event's own, else its bound ("≤2025-05-04": no later than)."""
    return e.get("date") or (f"≤{e['before']}" if e.get("before") else None)


def print_timeline(events: list[dict[str, Any]], limit: int | None = None, indent: str = "") -> None:
    shown = events if limit is None else events[:limit]
    if not shown:
        print(indent + "(no events)")
    for e in shown:
        date = date_label(e) or "undated"
        mode = f"/{e['mode']}" if e.get("mode") else ""
        src = actors_label(e.get("source")) or "?"
        tgt = actors_label(e.get("target"))
        where = f" in {e['location']['name']}" if e.get("location") and e["location"].get("name") else ""
        n = e.get("sources", 1)
        conflict = "  CONFLICT " + json.dumps(e["conflicts"], ensure_ascii=False) if e.get("conflicts") else ""
        print(f"{indent}{date:<11} {e['type']}{mode} [{e['status']}]  {src}{' → ' + tgt if tgt else ''}{where}"
              f"  ({n} source{'s' if n != 1 else ''}){conflict}")
        evidence = (e.get("evidence") or [{}])[0].get("text") or ""
        if evidence:
            evidence = " ".join(evidence.split())
            print(f"{indent}            » {evidence[:150]}{'…' if len(evidence) > 150 else ''}")
    if limit is not None and len(events) > limit:
        print(f"{indent}… {len(events) - limit} more: dateline timeline")


def cmd_export(args: argparse.Namespace) -> int:
    from .export import ExportError, export

    with _open(args) as store:
        events = _filtered(args, store, store.events())
    try:
        n = export(views.timeline_rows(events), args.format, args.out)
    except BrokenPipeError:
        raise
    except (ExportError, OSError) as exc:
        raise UsageError(str(exc)) from None
    if args.out:
        print(f"wrote {n} events to {args.out}", file=sys.stderr)
    return 0


def cmd_errors(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = [dict(r, at=_iso_time(r["at"])) for r in store.errors()]
    output.write(rows, _fmt(args), [("origin", lambda r: r["origin"]), ("reason", lambda r: r["reason"]),
                                    ("run", lambda r: r["run"]), ("at", lambda r: r["at"])])
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with _open(args) as store:
        counts = views.corpus_stats(store)
        _warn_pending(store, args.db)
    rows = [{"what": k, "count": v} for k, v in counts.items()]
    if _fmt(args) == "jsonl":
        print(json.dumps(counts))
    else:
        output.write(rows, _fmt(args), [("what", lambda r: r["what"]), ("count", lambda r: r["count"])])
    return 0


def _check_query(query: str | None, option: str) -> None:
    if query is not None and not re.search(r"\w", query):
        raise UsageError(f"{option} {query!r} has no word to look for (letters or digits)")


def _warn_pending(store: Store, db: str) -> None:
    """Say on stderr when what is shown is not the end of a run: one is writing, or one stopped."""
    pending = store.pending()
    if not (pending["unmerged"] or pending["unfinished_runs"]):
        return
    if store.writer_active():
        print(f"dateline: note: a run is writing {db} now; this shows what it has finished so far", file=sys.stderr)
    else:
        left = f" ({pending['unmerged']} articles stored but not merged)" if pending["unmerged"] else ""
        print(f"dateline: note: the last run on {db} did not finish{left}; rerun the same `dateline run` "
              "command to finish it", file=sys.stderr)


def _iso_time(seconds: float) -> str:
    import datetime

    return datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc).isoformat(timespec="seconds")


def _resolve_id(given: str, ids: list[str], what: str) -> str:
    matches = [i for i in ids if i == given] or [i for i in ids if i.startswith(given)]
    if not matches:
        raise UsageError(f"no {what} with id {given!r}")
    if len(matches) > 1:
        raise UsageError(f"{what} id {given!r} is ambiguous: {', '.join(matches[:5])}")
    return matches[0]
