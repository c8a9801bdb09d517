"""``dateline bench pipeline``: Dateline's throughput beside a bare spaCy parse of the same texts.

The parse is the floor no pipeline built on spaCy can go under, so the figure to watch is the
throughput ratio (whole run ÷ bare parse, 1.0 at best): what is left is the cost of
Dateline's own stages. Both are measured in the same process, on the same cleaned texts, with
the same model and the same number of processes. The stages after the parse are timed one by
one on the parsed documents, and the run's writer (story placement and storing, then event
merging) is timed inside the run, so the report says where the rest of the time goes.

The run uses the engine ``dateline run`` uses for that many processes: the stages run in worker
processes and this process is the writer (story placement, storing, merging), which works
beside them on a core of its own. So the CPU ratio (the parse's CPU seconds ÷ the run's, of this
process and its workers) is reported beside the throughput ratio: it is what the run costs,
where the throughput is what a user waits.
"""

from __future__ import annotations

import os
import tempfile
import time
from typing import Any

from .sample import head_of


def bench_pipeline(corpus: str, limit: int | None = 300, workers: int = 1) -> dict[str, Any]:
    """Time a bare parse, the per-article stages, and a full run into a fresh store."""
    from ..annotate import TEXT_KEY, load_model
    from ..engines import get_engine
    from ..model import Article
    from ..pipeline import CHUNK, analyze_doc, run
    from ..clean import clean
    from ..read import Document, read_all
    from ..store import Store

    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        sample = head_of(corpus, os.path.join(tmp, "sample.jsonl"), limit)
        articles: list[Article] = [clean(d) for d in read_all([sample]) if isinstance(d, Document)]
        texts = [a.text for a in articles]
        bare = load_model(stock=True)
        bare("warm up")
        started, cpu = time.perf_counter(), _cpu()
        for _ in bare.pipe(texts, batch_size=CHUNK, n_process=workers):
            pass
        parse_s, parse_cpu = time.perf_counter() - started, _cpu() - cpu

        nlp = load_model()
        stages: dict[str, float] = {}
        started = time.perf_counter()
        docs = list(nlp.pipe(texts, batch_size=CHUNK))
        stages["parse"] = time.perf_counter() - started
        for article, doc in zip(articles, docs):
            doc.user_data[TEXT_KEY] = article.text
            analyze_doc(article, doc, stages)
        del docs

        writer: dict[str, float] = {}
        with Store(os.path.join(tmp, "bench.db")) as store:
            started, cpu = time.perf_counter(), _cpu()
            stats = run([sample], store, engine=get_engine("local", workers=workers), timings=writer)
            run_s, run_cpu = time.perf_counter() - started, _cpu() - cpu
            counts = store.counts()
    n = len(articles)
    return {
        "task": "bench-pipeline",
        "articles": n,
        "characters": sum(len(t) for t in texts),
        "processes": workers,
        "parse_seconds": round(parse_s, 3),
        "pipeline_seconds": round(run_s, 3),
        "parse_articles_per_s": round(n / parse_s, 2) if parse_s else None,
        "pipeline_articles_per_s": round(n / run_s, 2) if run_s else None,
        "throughput_ratio": round(parse_s / run_s, 3) if run_s else None,
        # The writer works on a core of its own beside the workers: the CPU every process of the
        # run spends, against the parse's, is the cost figure that no second core hides.
        "cpu_ratio": round(parse_cpu / run_cpu, 3) if run_cpu else None,
        "stage_seconds": {k: round(v, 2) for k, v in stages.items()},
        "writer_seconds": {k: round(v, 2) for k, v in writer.items()},
        "stored": counts,
        "skipped": len(stats.skipped),
    }


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (the run's workers, the
    parse's processes): both the run and the parse wait for theirs before they return."""
    import resource

    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def report(r: dict[str, Any]) -> str:
    lines = [
        f"articles             {r['articles']} ({r['characters']:,} characters), {r['processes']} process(es)",
        f"bare spaCy parse     {r['parse_seconds']:>8.2f} s   {r['parse_articles_per_s']:>8.2f} articles/s",
        f"dateline run         {r['pipeline_seconds']:>8.2f} s   {r['pipeline_articles_per_s']:>8.2f} articles/s",
        f"throughput ratio     {r['throughput_ratio']:>8.3f}   (run ÷ parse; 1.0 is the parser's own speed)",
        *([f"CPU ratio            {r['cpu_ratio']:>8.3f}   (the parse's CPU seconds ÷ the run's, every process)"]
          if r.get("cpu_ratio") else []),
        "where a run's time goes, in one process (Dateline's parse, then each stage):",
    ]
    for name, seconds in [*r["stage_seconds"].items(), *r["writer_seconds"].items()]:
        share = seconds / r["parse_seconds"] if r["parse_seconds"] else 0.0
        lines.append(f"  {name:<18} {seconds:>8.2f} s   {share:>7.1%} of the parse")
    lines.append(f"stored               {r['stored']}")
    return "\n".join(lines)
