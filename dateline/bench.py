"""``dateline bench pipeline``: Dateline's throughput beside a bare spaCy parse of the same texts.

The ratio (pipeline time / parse time) is the figure to watch: the parse is the floor no
pipeline built on spaCy can go under, so the ratio says how much Dateline's own stages cost.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from typing import Any


def bench_pipeline(corpus: str, limit: int | None = 300) -> dict[str, Any]:
    """Time a bare parse, the per-article stages, and a full run into a fresh store, on one corpus."""
    from .annotate import load_model
    from .pipeline import run
    from .store import Store

    texts = []
    with open(corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                if isinstance(record.get("text"), str):
                    texts.append(record["text"])
            if limit and len(texts) >= limit:
                break
    nlp = load_model()
    nlp("warm up")
    chars = sum(len(t) for t in texts)

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    parse_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "sample.jsonl")
        with open(corpus, encoding="utf-8") as src, open(sample, "w", encoding="utf-8") as dst:
            for i, line in enumerate(src):
                if limit and i >= limit:
                    break
                dst.write(line)
        with Store(os.path.join(tmp, "bench.db")) as store:
            started = time.perf_counter()
            stats = run([sample], store)
            run_s = time.perf_counter() - started
            counts = store.counts()
    return {
        "task": "bench-pipeline",
        "articles": len(texts),
        "characters": chars,
        "parse_seconds": round(parse_s, 2),
        "pipeline_seconds": round(run_s, 2),
        "parse_articles_per_s": round(len(texts) / parse_s, 2) if parse_s else None,
        "pipeline_articles_per_s": round(len(texts) / run_s, 2) if run_s else None,
        "ratio": round(run_s / parse_s, 2) if parse_s else None,
        "stored": counts,
        "skipped": len(stats.skipped),
    }


def report(r: dict[str, Any]) -> str:
    return "\n".join([
        f"articles             {r['articles']} ({r['characters']:,} characters)",
        f"bare spaCy parse     {r['parse_seconds']:>8.2f} s   {r['parse_articles_per_s']:>8.2f} articles/s",
        f"dateline run         {r['pipeline_seconds']:>8.2f} s   {r['pipeline_articles_per_s']:>8.2f} articles/s",
        f"ratio (run / parse)  {r['ratio']:>8.2f}",
        f"stored               {r['stored']}",
    ])
