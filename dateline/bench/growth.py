"""``dateline bench growth``: how the cost of one article grows with its length.

A broken page in a crawl (one paragraph repeated thousands of times) must cost about what its
length says, not its square. This writes one article of a sentence repeated n times for each
n asked, runs ``dateline run`` and every query command on it in fresh processes, and reports
wall time, peak memory, store size against text size, and the slowest query. The figures to
watch are the ratios between the largest and the smallest article: linear cost gives a time
ratio near the length ratio (less, while start-up dominates).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from typing import Any

class GrowthRunFailed(RuntimeError):
    """A command the growth bench ran exited with an error (the message carries its own)."""


SENTENCE = "Defence Minister Rajnath Singh met his Japanese counterpart Gen Nakatani in New Delhi on Monday."
QUERIES = (["actors"], ["quotes"], ["events", "--mentions"], ["events"], ["timeline"], ["stories"])


def bench_growth(counts: list[int], sentence: str = SENTENCE, max_chars: int | None = None) -> dict[str, Any]:
    """Run one repeated-sentence article per count; each entry of ``runs`` holds its measures."""
    runs = []
    with tempfile.TemporaryDirectory(prefix="dateline-growth-") as tmp:
        for n in counts:
            path = os.path.join(tmp, f"repeat-{n}.txt")
            text = " ".join([sentence] * n)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("date 2025-05-06\n" + text + "\n")
            db = os.path.join(tmp, f"repeat-{n}.db")
            extra = ["--max-chars", str(max_chars)] if max_chars else []
            seconds, peak = _measure(["run", path, "--db", db, "--quiet", "--no-progress", *extra])
            queries = {" ".join(q): _measure([*q, "--db", db, "--format", "jsonl"])[0] for q in QUERIES}
            article = _article_id(db)
            queries["article"] = _measure(["article", article, "--db", db])[0]
            queries["article --format jsonl"] = _measure(["article", article, "--db", db, "--format", "jsonl"])[0]
            runs.append({
                "repeats": n, "characters": len(text), "seconds": round(seconds, 2), "peak_mb": round(peak, 1),
                "store_bytes": os.path.getsize(db), "store_per_text": round(os.path.getsize(db) / len(text), 2),
                "slowest_query": max(queries, key=queries.get),  # type: ignore[arg-type]
                "slowest_query_seconds": round(max(queries.values()), 2),
            })
    first, last = runs[0], runs[-1]
    return {
        "task": "bench-growth", "runs": runs,
        "length_ratio": round(last["characters"] / first["characters"], 2),
        "time_ratio": round(last["seconds"] / first["seconds"], 2) if first["seconds"] else None,
    }


def _measure(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident megabytes of one ``dateline`` command in its own process."""
    started = time.monotonic()
    with tempfile.TemporaryFile() as err:  # a file, not a pipe: a chatty child can never fill it and stall
        proc = subprocess.Popen([sys.executable, "-m", "dateline", *args], stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        if proc.returncode != 0:
            err.seek(0)
            raise GrowthRunFailed(f"dateline {' '.join(args)} failed: {err.read().decode(errors='replace').strip()}")
    return seconds, usage.ru_maxrss / 1024  # kilobytes on Linux


def _article_id(db: str) -> str:
    from ..store import Store

    with Store(db, readonly=True) as store:
        return store.articles()[0].id


def report(result: dict[str, Any]) -> str:
    lines = [f"{'repeats':>8} {'chars':>9} {'run s':>7} {'peak MB':>8} {'store/text':>10}  slowest query"]
    for r in result["runs"]:
        lines.append(f"{r['repeats']:>8} {r['characters']:>9,} {r['seconds']:>7.2f} {r['peak_mb']:>8.1f} "
                     f"{r['store_per_text']:>10.2f}  {r['slowest_query']} ({r['slowest_query_seconds']:.2f} s)")
    lines.append(f"length ×{result['length_ratio']}, time ×{result['time_ratio']}")
    return "\n".join(lines)
