"""``dateline bench engines``: the Dask engine with n workers against one local process.

Each engine runs the same input into a fresh store in a fresh process (model loading and, for
Dask, starting the LocalCluster included: what a user waits for). The speed-up is local time
÷ Dask time; the two stores must hold the same events (compared as ``dateline events`` prints
them), or the figure means nothing. The local engine with n processes is measured too, as the
figure Dask should approach on one machine, and one worker process beside the writer (what
``dateline run`` does by default), which is not the one-process baseline: the writer works on a
second core.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tempfile
from typing import Any

from .process import measure
from .sample import head_of


def bench_engines(corpus: str, limit: int | None = None, workers: int = 2, progress: Any = None) -> dict[str, Any]:
    say = progress or (lambda line: None)
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        sample = head_of(corpus, os.path.join(tmp, "sample.jsonl"), limit)
        with open(sample, encoding="utf-8") as fh:
            articles = sum(1 for _ in fh)
        quiet = ["--quiet", "--no-progress"]
        runs = {
            "local, 1 process": ["--workers", "1", "--one-thread"],
            "local, 1 worker + the writer": ["--workers", "1"],
            f"local, {workers} processes": ["--workers", str(workers)],
            f"dask, {workers} workers": ["--engine", "dask", "--workers", str(workers)],
        }
        measured, digests = {}, {}
        for i, (name, options) in enumerate(runs.items()):
            db = os.path.join(tmp, f"run{i}.db")
            say(f"{name}: {articles} articles")
            m = measure(["run", sample, "--db", db, *options, *quiet])
            measured[name] = {"seconds": m.seconds, "peak_rss_mb": m.peak_rss_mb,
                              "articles_per_s": round(articles / m.seconds, 2)}
            digests[name] = _events_digest(db)
    one, one_worker, pool, dask = (measured[n]["seconds"] for n in runs)
    return {
        "task": "bench-engines", "articles": articles, "workers": workers, "runs": measured,
        "dask_speedup": round(one / dask, 3), "local_pool_speedup": round(one / pool, 3),
        "one_worker_speedup": round(one / one_worker, 3),
        "events": next(iter(digests.values()))[0],
        "same_events": len(set(digests.values())) == 1,
    }


def _events_digest(db: str) -> tuple[int, str]:
    """How many merged events a run stored, and a digest of them all."""
    out = subprocess.run([sys.executable, "-m", "dateline", "events", "--db", db, "--format", "jsonl"],
                         check=True, capture_output=True).stdout
    return out.count(b"\n"), hashlib.sha256(out).hexdigest()


def report(r: dict[str, Any]) -> str:
    lines = [f"{r['articles']} articles", f"{'engine':<28} {'seconds':>8} {'art/s':>7} {'peak MB':>8}"]
    for name, m in r["runs"].items():
        lines.append(f"{name:<28} {m['seconds']:>8.1f} {m['articles_per_s']:>7.2f} {m['peak_rss_mb']:>8.0f}")
    lines.append(f"speed-up over one process and thread: dask {r['dask_speedup']:.2f}×, local pool "
                 f"{r['local_pool_speedup']:.2f}×, one worker beside the writer {r['one_worker_speedup']:.2f}×")
    lines.append(f"stored events identical across engines ({r['events']} each): " + ("yes" if r["same_events"] else "NO"))
    return "\n".join(lines)
