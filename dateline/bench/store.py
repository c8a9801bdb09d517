"""``dateline bench store``: memory and time as the store grows, and what a rerun costs.

On a corpus and on the corpus grown ``times`` over (``sample.grow``), each less the same
``hold_out`` articles, in fresh processes:

- memory: peak resident memory of ``dateline run`` building each store from nothing (all
  processes); the growth ratio (grown ÷ corpus) should stay near 1, since nothing Dateline keeps
  in memory may grow with the store;
- incremental: the time to add the ``hold_out`` articles to each store (a copy of it, so the
  built stores stay reusable); the ratio (large ÷ small) says how the cost of new articles
  grows with what is stored;
- rerun: the same input run again over the small store against its first run: nothing is new,
  so nothing is parsed.

The built stores are kept in ``keep`` when given, and reused on the next call.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from typing import Any

from .process import measure
from .sample import grow, tail_of


def bench_store(
    corpus: str,
    times: int = 10,
    hold_out: int = 100,
    workers: int = 2,
    keep: str | None = None,
    progress: Any = None,
) -> dict[str, Any]:
    say = progress or (lambda line: None)
    tmp = tempfile.mkdtemp(prefix="dateline-bench-")
    where = keep or tmp
    os.makedirs(where, exist_ok=True)
    try:
        engine = ["--workers", str(workers), "--quiet", "--no-progress"]
        inputs = {
            "small": grow(corpus, os.path.join(where, "small.jsonl"), 1, skip_last=hold_out),
            "large": grow(corpus, os.path.join(where, f"large-x{times}.jsonl"), times, skip_last=hold_out),
        }
        new = tail_of(corpus, os.path.join(tmp, "new.jsonl"), hold_out)
        result: dict[str, Any] = {"task": "bench-store", "times": times, "hold_out": hold_out, "workers": workers}
        record = os.path.join(where, "build.json")
        earlier = json.load(open(record, encoding="utf-8")) if keep and os.path.exists(record) else {}
        built = {}
        for size, (path, count) in inputs.items():
            db = os.path.join(where, f"{size}.db")
            if keep and os.path.exists(db) and earlier.get(size, {}).get("articles") == count:
                say(f"reusing the {size} store {db}")
                built[size] = {**earlier[size], "reused": True}
                continue
            for leftover in (db, db + "-wal", db + "-shm"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            say(f"building the {size} store: {count:,} articles")
            first = measure(["run", path, "--db", db, *engine])
            built[size] = {"articles": count, "seconds": first.seconds, "peak_rss_mb": first.peak_rss_mb,
                           "articles_per_s": round(count / first.seconds, 2)}
            with open(record, "w", encoding="utf-8") as fh:  # what reusing the stores later reports
                json.dump({k: {x: y for x, y in v.items() if x != "reused"} for k, v in built.items()}, fh)
        result["build"] = built
        result["memory_ratio"] = round(built["large"]["peak_rss_mb"] / built["small"]["peak_rss_mb"], 3)

        added = {}
        for size in inputs:
            copy = os.path.join(tmp, f"{size}-plus.db")
            shutil.copyfile(os.path.join(where, f"{size}.db"), copy)
            say(f"adding {hold_out} articles to the {size} store")
            added[size] = measure(["run", new, "--db", copy, *engine]).__dict__
            os.remove(copy)
        result["incremental"] = added
        result["incremental_ratio"] = round(added["large"]["seconds"] / added["small"]["seconds"], 3)

        say("running the small store's input again")
        again = measure(["run", inputs["small"][0], "--db", os.path.join(where, "small.db"), *engine])
        result["rerun"] = again.__dict__
        result["rerun_speedup"] = round(built["small"]["seconds"] / again.seconds, 1)
        return result
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def report(r: dict[str, Any]) -> str:
    lines = [f"{'store':<8} {'articles':>9} {'build s':>9} {'art/s':>7} {'peak MB':>8}"]
    for size, b in r["build"].items():
        lines.append(f"{size:<8} {b['articles']:>9,} {b['seconds']:>9.1f} {b['articles_per_s']:>7.1f} "
                     f"{b['peak_rss_mb']:>8.0f}" + ("  (built earlier, reused)" if b.get("reused") else ""))
    lines.append(f"peak memory, grown ÷ corpus: {r['memory_ratio']:.2f}")
    for size, a in r["incremental"].items():
        lines.append(f"adding {r['hold_out']} articles to the {size} store: {a['seconds']:.1f} s, "
                     f"peak {a['peak_rss_mb']:.0f} MB")
    lines.append(f"incremental, large ÷ small: {r['incremental_ratio']:.2f}")
    lines.append(f"rerun of the small store's input: {r['rerun']['seconds']:.1f} s, "
                 f"{r['rerun_speedup']:.0f}× the first run's speed")
    return "\n".join(lines)
