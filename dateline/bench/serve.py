"""``dateline bench serve``: the web server under concurrent clients while a run writes into its store."""

from __future__ import annotations

import os
import tempfile
import time
from contextlib import closing
from pathlib import Path
from typing import Any

from .process import BenchInputError, RunFailed

SEARCH_WORDS = ("minister", "talks", "president", "attack", "trade", "election", "troops", "agreement",
                "protest", "police", "killed", "security", "government", "sanctions", "summit", "border")
SERVE_KINDS = ("timeline API", "event page", "search")


def bench_serve(
    corpus: str,
    store: str | None = None,
    hold_out: int = 300,
    clients: int = 20,
    seconds: int = 30,
    progress: Any = None,
    workers: int = 2,
) -> dict[str, Any]:
    """Concurrent clients against ``dateline serve`` while ``dateline run`` writes into its store.

    The store holds the corpus less its last ``hold_out`` articles (built into ``store`` when that
    file is missing, so later runs reuse it); a copy of it is served, and a writer adds the
    held-out articles to the copy while ``clients`` keep-alive connections ask, in turn, for a
    page of the timeline API (varied filters and offsets), an event page and a search, for
    ``seconds`` seconds. Only this machine's loopback address is used.
    """
    import asyncio
    import random
    import sqlite3
    import subprocess
    import sys

    from ..store import Store

    say = progress or (lambda line: None)
    lines = [line for line in open(corpus, encoding="utf-8") if line.strip()]
    if len(lines) <= hold_out:
        raise BenchInputError(f"the corpus has {len(lines)} articles, not more than --hold-out {hold_out}")
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        base, tail = os.path.join(tmp, "base.jsonl"), os.path.join(tmp, "tail.jsonl")
        with open(base, "w", encoding="utf-8") as fh:
            fh.writelines(lines[:-hold_out])
        with open(tail, "w", encoding="utf-8") as fh:
            fh.writelines(lines[-hold_out:])
        base_db = store or os.path.join(tmp, "base.db")
        if not os.path.exists(base_db):
            say(f"building the store of {len(lines) - hold_out} articles in {base_db} (once)")
            subprocess.run([sys.executable, "-m", "dateline", "run", base, "--db", base_db, "--quiet",
                            "--no-progress"], check=True, stdout=subprocess.DEVNULL)
        work = os.path.join(tmp, "served.db")
        with closing(sqlite3.connect(base_db)) as src, closing(sqlite3.connect(work)) as dst:
            src.backup(dst)
        Store(work).close()  # the read-side indexes, before the sampling below
        with closing(sqlite3.connect(work)) as db:
            event_ids = [r[0] for r in db.execute("SELECT id FROM events ORDER BY random() LIMIT 500")]
            countries = [r[0] for r in db.execute(
                "SELECT country FROM event_actors WHERE country IS NOT NULL GROUP BY country"
                " ORDER BY COUNT(*) DESC LIMIT 20")]
            before = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            events_total = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        if not event_ids:
            raise BenchInputError("the store has no events to ask for")
        port = _free_port()
        # a file, not a pipe: the server logs every busy answer, and a full pipe would stall it
        server_err = tempfile.TemporaryFile()
        server = subprocess.Popen([sys.executable, "-m", "dateline", "serve", "--db", work, "--port", str(port),
                                   "--workers", str(workers)],
                                  stdout=subprocess.DEVNULL, stderr=server_err)
        writer = None
        try:
            _wait_for(port, server, server_err)
            writer = subprocess.Popen([sys.executable, "-m", "dateline", "run", tail, "--db", work, "--quiet",
                                       "--no-progress"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            waited = time.monotonic() + 180
            while _count_articles(work) == before and writer.poll() is None and time.monotonic() < waited:
                time.sleep(0.5)  # the writer loads its model: measure once it writes
            rng = random.Random(0)
            types = ("CONSULT", "ASSAULT", "ACCUSE", "SUPPORT", "AGREE", "COERCE")

            def next_url(kind: str) -> str:
                if kind == "timeline API":
                    choice = rng.randrange(4)
                    if choice == 0:
                        return f"/api/events?offset={rng.randrange(0, max(events_total - 50, 1))}"
                    if choice == 1:
                        return f"/api/events?country={rng.choice(countries)}"
                    if choice == 2:
                        return f"/api/events?type={rng.choice(types)}&order=desc"
                    return f"/api/events?q={rng.choice(SEARCH_WORDS)}"
                if kind == "event page":
                    return f"/events/{rng.choice(event_ids)}"
                return f"/api/search?q={rng.choice(SEARCH_WORDS)}"

            say(f"{clients} clients for {seconds} s against port {port}, with a writer adding {hold_out} articles")
            latencies, errors, elapsed = asyncio.run(_load(port, clients, seconds, next_url))
            writer_running = writer.poll() is None
        finally:
            for proc in (writer, server):
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.wait(timeout=20)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.wait()
            server_err.close()
        with closing(sqlite3.connect(work)) as db:
            after = db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    kinds = {}
    for kind in SERVE_KINDS:
        ms = sorted(latencies[kind])
        kinds[kind] = {
            "requests": len(ms), "per_s": round(len(ms) / elapsed, 1),
            "p50_ms": round(_quantile(ms, 0.50), 1), "p95_ms": round(_quantile(ms, 0.95), 1),
            "p99_ms": round(_quantile(ms, 0.99), 1),
        }
    total = sum(len(v) for v in latencies.values())
    return {
        "task": "bench-serve", "clients": clients, "server_workers": workers, "seconds": round(elapsed, 1), "requests": total,
        "per_s": round(total / elapsed, 1), "errors": errors, "kinds": kinds,
        "store": {"articles": before, "events": events_total}, "writer_added": after - before,
        "writer_still_running_at_end": writer_running,
        "p95_ms_max": max(k["p95_ms"] for k in kinds.values()),
    }


async def _load(port: int, clients: int, seconds: float, next_url: Any) -> tuple[dict[str, list[float]], int, float]:
    """Closed-loop clients on keep-alive HTTP/1.1 connections, each asking for the kinds in turn."""
    import asyncio

    latencies: dict[str, list[float]] = {k: [] for k in SERVE_KINDS}
    errors = 0
    started = time.perf_counter()
    stop = started + seconds

    async def client(n: int) -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            i = n
            while time.perf_counter() < stop:
                kind = SERVE_KINDS[i % len(SERVE_KINDS)]
                i += 1
                url = next_url(kind)
                t0 = time.perf_counter()
                writer.write(f"GET {url} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
                head = await reader.readuntil(b"\r\n\r\n")
                status = int(head.split(b" ", 2)[1])
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                latencies[kind].append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors += 1
        finally:
            writer.close()

    await asyncio.gather(*(client(n) for n in range(clients)))
    return latencies, errors, time.perf_counter() - started


def _count_articles(path: str) -> int:
    import sqlite3

    with closing(sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)) as db:
        return db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def _quantile(sorted_ms: list[float], q: float) -> float:
    if not sorted_ms:
        return float("nan")
    return sorted_ms[min(len(sorted_ms) - 1, int(q * len(sorted_ms)))]


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, server: Any, err: Any, timeout: float = 60) -> None:
    """Until the server answers; else its last words (a server alive but silent is stopped first)."""
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/events?limit=1", timeout=2).read()
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                if server.poll() is None:
                    server.kill()
                    server.wait()
                err.seek(0)
                raise RunFailed("the server did not start: " + err.read().decode(errors="replace")[-500:]) from None
            time.sleep(0.2)


def report_serve(r: dict[str, Any]) -> str:
    lines = [f"store                {r['store']['articles']} articles, {r['store']['events']} events; "
             f"the writer added {r['writer_added']} articles meanwhile"
             + (" (and was still writing at the end)" if r["writer_still_running_at_end"] else ""),
             f"{r['clients']} clients, {r['server_workers']} server processes, {r['seconds']} s: {r['requests']} requests, {r['per_s']} a second, "
             f"{r['errors']} errors",
             f"{'':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"]
    for kind, k in r["kinds"].items():
        lines.append(f"{kind:<20} {k['per_s']:>8} {k['p50_ms']:>8} {k['p95_ms']:>8} {k['p99_ms']:>8}")
    return "\n".join(lines)
