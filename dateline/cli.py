"""The ``dateline`` command: thin wrappers that call library functions and print their results.

Library code raises narrow exceptions; only this module turns them into a one-line message
and an exit code: 0 done, 1 nothing could be read or the system failed (a full disk, a
database error), 2 bad usage (missing path, unwritable or missing database, unknown id, a
model that is not installed), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Sequence
from typing import Any

from . import __version__, output, views
from .clean import printable
from .plover import STATUSES
from .plover import TYPES as PLOVER_TYPES
from .cli_show import (
    UsageError, cmd_actors, cmd_article, cmd_articles, cmd_errors, cmd_events, cmd_export, cmd_quotes, cmd_stats,
    cmd_stories, cmd_story, cmd_timeline, print_timeline,
)
from .engines import EngineError
from .evaluation import TASKS as EVAL_TASKS
from .pipeline import MAX_CHARS
from .read import DEFAULT_MAX_BYTES, InputError
from .store import DEFAULT_DB, Store, StoreError



def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from .kb import KBError

    try:
        if getattr(args, "kb", None):
            _use_kb(args.kb)
        return args.func(args) or 0
    except (InputError, StoreError, UsageError, EngineError, KBError) as exc:
        print(f"dateline: error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        # the parser's module (and spaCy, a second to import) is loaded only by commands that parse
        annotate = sys.modules.get(f"{__package__}.annotate")
        if annotate is None or not isinstance(exc, annotate.ModelNotFound):
            raise
        print(f"dateline: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except sqlite3.Error as exc:  # a full disk, a file changed under the store: what was committed stays
        print(f"dateline: error: the database failed: {exc}; what was stored before is kept", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"dateline: error: {exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("dateline: interrupted; stored articles are kept, rerun to finish", file=sys.stderr)
        return 130


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="dateline",
        description="Turn news articles into a deduplicated, source-linked timeline of political events.",
    )
    p.add_argument("--version", action="version", version=f"dateline {__version__}")
    sub = p.add_subparsers(metavar="COMMAND")

    def command(name: str, func: Any, help: str, formats: bool = True, db: bool = True) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=help)
        if db:
            c.add_argument("--db", default=os.environ.get("DATELINE_DB", DEFAULT_DB),
                           help=f"SQLite database file (default: {DEFAULT_DB}, or $DATELINE_DB)")
        if formats:
            c.add_argument("--format", choices=output.FORMATS, help="output format (table on a terminal, else jsonl)")
            c.add_argument("--json", action="store_const", dest="format", const="jsonl", help="same as --format jsonl")
        c.set_defaults(func=func)
        return c

    c = command("run", cmd_run, "read, analyse and store articles, then print the timeline", formats=False)
    _kb_option(c)
    c.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or - for standard input")
    c.add_argument("--engine", choices=("local", "dask"), default="local", help="where per-article stages run")
    c.add_argument("--workers", type=_positive, default=1, help="worker processes (local pool or LocalCluster)")
    c.add_argument("--scheduler", help="address of a running Dask scheduler (with --engine dask)")
    c.add_argument("--one-thread", action="store_true",
                   help="with one local worker: analyse and write in turn in this process, not side by side in two")
    c.add_argument("--max-bytes", type=_positive, default=DEFAULT_MAX_BYTES,
                   help="skip files (and JSONL or WARC records) larger than this")
    c.add_argument("--max-chars", type=_positive, default=MAX_CHARS,
                   help=f"analyse at most this many characters of an article; the rest is stored, not analysed "
                        f"(default {MAX_CHARS:,})")
    c.add_argument("--output-dir", metavar="DIR",
                   help="write each chunk's results to a Parquet shard in DIR instead of the store "
                        "(then: dateline load DIR)")
    c.add_argument("--quiet", action="store_true", help="print the summary only, not the timeline")
    c.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    c = command("load", cmd_load, "store the Parquet shards that run --output-dir wrote, as a direct run would",
                formats=False)
    c.add_argument("folder", metavar="DIR", help="folder of part-*.parquet shards")
    c.add_argument("--quiet", action="store_true", help="print the summary only, not the timeline")
    c.add_argument("--no-progress", action="store_true", help="never show a progress bar")

    command("articles", cmd_articles, "list stored articles")
    c = command("article", cmd_article, "show one article with its actors and dates marked (jsonl: its analysis; "
                "csv: one row per actor mention, date, event and quote)")
    c.add_argument("id", help="article id (16 hex digits; a unique prefix is enough)")
    command("actors", cmd_actors, "list resolved actors with their mentions")
    c = command("events", cmd_events, "list merged events (one per real-world event)")
    c.add_argument("--mentions", action="store_true", help="list per-article event mentions instead")
    _filters(c)
    command("quotes", cmd_quotes, "list quotes with their speakers")
    command("stories", cmd_stories, "list stories (articles about the same event)")
    c = command("story", cmd_story, "show one story: its articles and what each adds (csv: one row per article)")
    c.add_argument("id", help="story id (s + 16 hex digits), or an article id for that article's story; "
                              "a unique prefix is enough")
    c = command("timeline", cmd_timeline, "print merged events by date")
    _filters(c)
    c = command("export", cmd_export, "write merged events with provenance", formats=False)
    c.add_argument("--format", choices=("jsonl", "csv", "parquet", "plover"), default="jsonl")
    c.add_argument("--out", "-o", help="output file (default: standard output; required for parquet)")
    _filters(c)
    command("errors", cmd_errors, "list inputs that were skipped, with the reason")
    command("stats", cmd_stats, "count what the store holds: articles, stories, events, confirmations")

    c = command("eval", cmd_eval, "measure a stage on annotated data", formats=False, db=False)
    _kb_option(c)
    c.add_argument("task", choices=EVAL_TASKS)
    c.add_argument("file", help="evaluation file (JSON Lines)")
    c.add_argument("--json", action="store_true", help="end with one JSON line of metrics")
    c.add_argument("--out", help="write one prediction line per item to this file")
    c.add_argument("--orders", type=_positive, default=1,
                   help="stories only: also cluster in N-1 shuffled arrival orders and report mean and minimum")

    c = command("serve", cmd_serve, "serve the web UI and the JSON API over a store", formats=False)
    c.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    c.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    c.add_argument("--workers", type=_positive, default=1, help="server processes (default 1)")
    c.add_argument("--allow-ingest", action="store_true", help="accept articles posted to /api/articles")
    c.add_argument("--token", default=os.environ.get("DATELINE_TOKEN"),
                   help="bearer token that posting requires (or $DATELINE_TOKEN; made up and printed when "
                        "ingest is allowed beyond localhost without one)")

    c = command("train", cmd_train, "learn the event sense decision from labelled sentences", formats=False, db=False)
    c.add_argument("--data", help="labelled sentences (TSV: label, mode, sentence with [trigger]; default: the packaged set)")
    c.add_argument("--out", help="model file to write (default: the packaged sense_model.json)")
    c.add_argument("--threshold", type=float, help="probability under which a candidate is no event")
    c.add_argument("--folds", type=int, default=0, help="also report N-fold cross-validation on the data")
    c.add_argument("--json", action="store_true", help="end with one JSON line of the summary")

    c = command("bench", cmd_bench, "measure speed and memory: the pipeline against a bare spaCy parse, the local "
                "and Dask engines, the store as it grows, the server under load, or how the cost of one article "
                "grows with its length (growth)", formats=False, db=False)
    _kb_option(c)
    c.add_argument("what", choices=("pipeline", "engines", "store", "serve", "growth"))
    c.add_argument("--corpus", help="pipeline, engines, store, serve: JSON Lines corpus (field text)")
    c.add_argument("--limit", type=_positive,
                   help="pipeline, engines: the corpus's first N articles (default: 300 for pipeline, all for engines)")
    c.add_argument("--processes", type=_positive, default=1,
                   help="pipeline: processes for the parse and for the run alike (default 1)")
    c.add_argument("--times", type=_positive, default=10, help="store: how many times over the large store holds the corpus (default 10)")
    c.add_argument("--keep", help="store: folder to keep the built stores in, and reuse them from")
    c.add_argument("--store", help="serve: the store of the corpus less its last --hold-out articles (built when missing)")
    c.add_argument("--hold-out", type=_positive,
                   help="serve: articles the writer adds while clients query (default 300); "
                        "store: articles added to each store (default 100)")
    c.add_argument("--clients", type=_positive, default=20, help="serve: concurrent clients (default 20)")
    c.add_argument("--seconds", type=_positive, default=30, help="serve: how long the clients query (default 30)")
    c.add_argument("--workers", type=_positive, default=2,
                   help="serve: server processes; engines: Dask workers against one process; store: run workers (default 2)")
    c.add_argument("--repeats", type=_counts, default=[250, 2000],
                   help="growth: comma-separated numbers of repeats of one sentence (default 250,2000)")
    c.add_argument("--json", action="store_true", help="end with one JSON line of results")

    c = command("kb", cmd_kb, "build the knowledge base from public or your own dictionaries", formats=False, db=False)
    c.add_argument("action", choices=("build",))
    c.add_argument("dirs", nargs="+", metavar="DIR", help="folders (or files) of TABARI .actors, agents, CountryInfo and Wikidata officeholder CSV files")
    c.add_argument("--out", help="knowledge base file to write (default: $DATELINE_KB, else ~/.local/share/dateline/kb.sqlite)")
    return p


def _port(value: str) -> int:
    n = _positive(value)
    if n > 65535:
        raise argparse.ArgumentTypeError(f"{value} is not a port (1 to 65535)")
    return n


def _kb_option(c: argparse.ArgumentParser) -> None:
    c.add_argument("--kb", metavar="FILE",
                   help="knowledge base file (default: $DATELINE_KB, else ~/.local/share/dateline/kb.sqlite)")


def _use_kb(path: str) -> None:
    from . import kb

    if not os.path.exists(path):
        raise UsageError(f"no knowledge base at {path}; build one with `dateline kb build DIR... --out {path}`")
    kb.use(path)


def _filters(c: argparse.ArgumentParser) -> None:
    c.add_argument("--actor", help="actor name (whole words) or country code on either side")
    c.add_argument("--country", type=_country, help="country of an actor or the location: a code (JPN) or a name (Japan)")
    c.add_argument("--type", type=str.upper, choices=PLOVER_TYPES, metavar="TYPE",
                   help="PLOVER event type: " + " ".join(PLOVER_TYPES))
    c.add_argument("--since", type=_date_prefix, help="first date (YYYY, YYYY-MM or YYYY-MM-DD)")
    c.add_argument("--until", type=_date_prefix, help="last date (YYYY, YYYY-MM or YYYY-MM-DD)")
    c.add_argument("--query", help="words that the evidence sentences contain")
    c.add_argument("--status", choices=STATUSES, help="event status: " + ", ".join(STATUSES))
    c.add_argument("--story", metavar="ID", help="events told by the articles of this story (story id, or an "
                                                  "article id for its story; a unique prefix is enough)")
    c.add_argument("--min-sources", type=_positive, metavar="N", help="events confirmed by at least N independent sources")


def _country(value: str) -> str:
    """A three-letter code as given, or a country's name as its code ("Japan" is JPN), as the web takes it."""
    from .countries import country_name

    if re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        return value.strip().upper()
    code = country_name(value.strip())
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r} is neither a three-letter code like JPN nor a country's name")
    return code


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value} must be at least 1")
    return n


def _counts(value: str) -> list[int]:
    try:
        counts = [int(v) for v in value.split(",")]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a list of whole numbers like 250,2000") from None
    if not counts or min(counts) < 1:
        raise argparse.ArgumentTypeError(f"{value!r}: every count must be at least 1")
    return counts


def _date_prefix(value: str) -> str:
    from .dates import is_date_prefix

    if not is_date_prefix(value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2025, 2025-05 or 2025-05-04")
    return value



# -- run ------------------------------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from .engines import get_engine
    from .pipeline import run
    from .read import check_paths

    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler needs --engine dask")
    # Everything that can fail before reading is checked before the database is made.
    check_paths(args.paths)
    if args.one_thread and (args.engine != "local" or args.workers > 1):
        raise UsageError("--one-thread is for the local engine with one worker")
    engine = get_engine(args.engine, workers=args.workers, scheduler=args.scheduler, one_thread=args.one_thread)
    bar = _progress_bar(args)
    if args.output_dir:
        from .pipeline import run_to_shards

        stats = _shards_call(lambda: run_to_shards(args.paths, args.output_dir, engine=engine, max_bytes=args.max_bytes,
                                                   progress=bar.update if bar else None, max_chars=args.max_chars))
        if bar:
            bar.close()
        print(f"read {stats.read}, analysed {stats.new}, duplicates {stats.duplicates}, skipped {len(stats.skipped)} "
              f"— shards in {args.output_dir} ({stats.seconds:.1f}s); store them with: dateline load {args.output_dir}")
        return 1 if stats.read == 0 and stats.skipped else 0
    _check_named_model()
    with Store(args.db) as store:
        stats = run(args.paths, store, engine=engine, max_bytes=args.max_bytes,
                    progress=bar.update if bar else None, max_chars=args.max_chars)
        if bar:
            bar.close()
        return _report_run(args, store, stats)


def cmd_load(args: argparse.Namespace) -> int:
    from .pipeline import load
    from .shards import shard_files

    _shards_call(lambda: shard_files(args.folder))  # a folder with no shards is refused before any database is made
    bar = _progress_bar(args)
    with Store(args.db) as store:
        stats = _shards_call(lambda: load(args.folder, store, progress=bar.update if bar else None))
        if bar:
            bar.close()
        return _report_run(args, store, stats)


def _shards_call(fn: Callable[[], Any]) -> Any:
    from .shards import ShardError

    try:
        return fn()
    except ShardError as exc:
        raise UsageError(str(exc)) from None


def _check_named_model() -> None:
    """A model named by $DATELINE_MODEL that is neither an installed package nor a folder refuses
    the run before its store is created (the parse would fail at the first article)."""
    import importlib.util

    name = os.environ.get("DATELINE_MODEL")
    if not name or os.path.isdir(name):
        return
    try:
        found = importlib.util.find_spec(name.replace("-", "_")) is not None
    except (ImportError, ValueError):  # "./nope", "models.nope": no package of that name
        found = False
    if not found:
        raise UsageError(f"the spaCy model {name!r} is not installed (DATELINE_MODEL names no package or folder)")


def _report_run(args: argparse.Namespace, store: Store, stats: Any) -> int:
    """The summary line, what was skipped, and (unless --quiet) the best-corroborated new events."""
    print(_summary(stats, args.db))
    for skipped in stats.skipped:
        print(f"  skipped {printable(skipped.origin)}: {printable(skipped.reason)}")
    for warning in stats.warnings:
        print(f"  warning {printable(warning.origin)}: {printable(warning.reason)}")
    if not args.quiet:
        events = store.events_of(stats.articles)
        if len(events) > RUN_TIMELINE:
            print(f"\nThe {RUN_TIMELINE} best-corroborated of {len(events)} events found "
                  f"(all of them: dateline timeline --db {args.db}):")
            events = sorted(events, key=_corroboration_rank)[:RUN_TIMELINE]
        if events:
            print()
            print_timeline(views.timeline_rows(events))
    if stats.read == 0 and stats.skipped:
        return 1
    return 0


RUN_TIMELINE = 40


def _corroboration_rank(event: dict[str, Any]) -> tuple[Any, ...]:
    """Independent reports first, then distinct outlets; among equals, the records that say more
    (both sides known, a day's date, an act that happened) before those that say less; then by
    date and id, never by chance."""
    told = (bool(event.get("source")) + bool(event.get("target")) + (event.get("date_precision") == "day")
            + (event.get("status") == "occurred"))
    return -event.get("sources", 1), -event.get("outlets", 1), -told, event.get("date") or "9999", event["id"]


def _summary(stats: Any, db: str) -> str:
    parts = [f"read {stats.read}", f"new {stats.new}", f"duplicates {stats.duplicates}"]
    if stats.copies:
        parts.append(f"near-duplicate copies {stats.copies}")
    parts.append(f"skipped {len(stats.skipped)}")
    return f"{', '.join(parts)} — {len(stats.stories)} stories touched, stored in {db} ({stats.seconds:.1f}s)"


class _Bar:
    """One status line on the terminal, redrawn at most a few times a second: articles done and rate."""

    def __init__(self, stream: Any = None) -> None:
        import time

        self.stream = stream or sys.stderr
        self.started = self.shown = time.monotonic()
        self.width = 0

    def update(self, done: int, total: int) -> None:
        import time

        now = time.monotonic()
        if now - self.shown < 0.25:
            return
        self.shown = now
        rate = done / (now - self.started) if now > self.started else 0.0
        line = f"{total} articles read, {done} analysed ({rate:.1f} a second)"
        self.width = max(self.width, len(line))
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def _progress_bar(args: argparse.Namespace) -> _Bar | None:
    if args.no_progress or not sys.stderr.isatty():
        return None
    return _Bar()


# -- measuring ------------------------------------------------------------------------------



def cmd_kb(args: argparse.Namespace) -> int:
    from . import kb

    out = args.out or str(kb.default_path())
    report = kb.build_kb(args.dirs, out)
    print(report.summary())
    return 0



def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluation import task_module

    if not os.path.exists(args.file):
        raise UsageError(f"no such file: {args.file}")
    module = task_module(args.task)
    if args.orders > 1 and args.task != "stories":
        raise UsageError("--orders applies to the stories task only")
    extra = {"orders": args.orders} if args.task == "stories" and args.orders > 1 else {}
    from .evaluation.common import EvalDataError

    try:
        metrics = module.evaluate(args.file, out=args.out, **extra)
    except EvalDataError as exc:  # the merge gold's own checks are of this kind too
        raise UsageError(str(exc)) from None
    report = getattr(module, "report", None)
    print(report(metrics) if report else _plain_report(metrics))
    if args.json:
        print(json.dumps(metrics, ensure_ascii=False))
    return 0


def _plain_report(metrics: dict[str, Any]) -> str:
    return "\n".join(f"{k:<24} {v}" for k, v in metrics.items() if not isinstance(v, (dict, list)))


def cmd_train(args: argparse.Namespace) -> int:
    from .events.train import THRESHOLD, TrainingDataError, train

    if args.data and not os.path.exists(args.data):
        raise UsageError(f"no such file: {args.data}")
    if args.threshold is not None and not 0.0 < args.threshold < 1.0:
        raise UsageError("--threshold must lie between 0 and 1")
    try:
        summary = train(args.data, args.out, THRESHOLD if args.threshold is None else args.threshold, args.folds)
    except (TrainingDataError, OSError) as exc:
        raise UsageError(str(exc)) from exc
    print(f"trained on {summary['examples']} candidates ({summary['events']} events) from {summary['lines']} "
          f"labelled lines; {summary['unmatched']} labelled triggers the coder does not find; "
          f"{summary['features']} features -> {summary['model']}")
    if "cross_validation" in summary:
        cv = summary["cross_validation"]
        print(f"cross-validation: accuracy {cv['accuracy']:.3f}, no-event precision {cv['none_precision']:.3f} "
              f"recall {cv['none_recall']:.3f}; type right {cv['type_offered']:.3f} as offered, "
              f"{cv['type_chosen']:.3f} as chosen")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    if args.what == "growth":
        from .bench.growth import GrowthRunFailed, bench_growth, report as growth_report

        try:
            result = bench_growth(args.repeats)
        except GrowthRunFailed as exc:
            raise UsageError(str(exc)) from None
        print(growth_report(result))
        if args.json:
            print(json.dumps(result))
        return 0
    if not args.corpus:
        raise UsageError(f"bench {args.what} needs --corpus FILE")
    if not os.path.exists(args.corpus):
        raise UsageError(f"no such file: {args.corpus}")
    from .bench.process import BenchInputError, RunFailed

    try:
        result = _bench(args, say=lambda line: print(line, file=sys.stderr))
    except (RunFailed, BenchInputError) as exc:
        raise UsageError(str(exc)) from None
    if args.json:
        print(json.dumps(result))
    return 0


def _bench(args: argparse.Namespace, say: Callable[[str], None]) -> dict:
    if args.what == "engines":
        from .bench.engines import bench_engines, report as engines_report

        result = bench_engines(args.corpus, limit=args.limit, workers=args.workers, progress=say)
        print(engines_report(result))
    elif args.what == "store":
        from .bench.store import bench_store, report as store_report

        result = bench_store(args.corpus, times=args.times, hold_out=args.hold_out or 100, workers=args.workers,
                             keep=args.keep, progress=say)
        print(store_report(result))
    elif args.what == "serve":
        from .bench.serve import bench_serve, report_serve

        result = bench_serve(args.corpus, store=args.store, hold_out=args.hold_out or 300, clients=args.clients,
                             seconds=args.seconds, workers=args.workers, progress=say)
        print(report_serve(result))
    else:
        from .bench.pipeline import bench_pipeline, report

        result = bench_pipeline(args.corpus, limit=args.limit or 300, workers=args.processes)
        print(report(result))
    return result


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        from .web.serve import ServeError, serve
    except ImportError as exc:
        raise UsageError(f"the web server needs FastAPI, uvicorn and Jinja2 ({exc}): pip install 'dateline[web]'") from None
    try:
        serve(args.db, host=args.host, port=args.port, allow_ingest=args.allow_ingest, token=args.token,
              say=lambda line: print(line, file=sys.stderr), workers=args.workers)
    except ServeError as exc:
        raise UsageError(str(exc)) from None
    return 0



if __name__ == "__main__":
    sys.exit(main())
