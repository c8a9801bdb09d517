"""`dateline bench`: each benchmark runs end to end on a small corpus and reports what its bars read.

These check that the figures are measured and consistent, not how fast anything is: speed is
what the benchmarks themselves print on a real corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.bench.sample import SHIFT_WEEKS, grow

WIRE = Path(__file__).parent / "fixtures" / "wire6.jsonl"


def bench(*args: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "dateline", "bench", *args, "--json"], capture_output=True,
                          text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_bench_pipeline_reports_both_throughputs_and_every_stage():
    r = bench("pipeline", "--corpus", str(WIRE), "--limit", "4")
    assert r["articles"] == 4
    assert r["parse_articles_per_s"] > 0 and r["pipeline_articles_per_s"] > 0
    assert r["throughput_ratio"] == pytest.approx(r["parse_seconds"] / r["pipeline_seconds"], rel=0.05, abs=0.002)
    # the run's CPU counts its worker process's: the run does the parse and more, so the ratio stays under 1
    # give or take noise; uncounted, the worker's parse would leave the ratio many times over 1
    assert r["cpu_ratio"] is not None and r["cpu_ratio"] < 1.5
    assert set(r["stage_seconds"]) == {"parse", "actors", "time", "events", "quotes", "story features"}
    assert set(r["writer_seconds"]) == {"store", "merge"}
    assert r["stored"]["articles"] == 4


def test_bench_engines_stores_the_same_events_on_every_engine():
    pytest.importorskip("distributed")
    r = bench("engines", "--corpus", str(WIRE), "--workers", "2")
    assert r["articles"] == 6 and r["events"] > 0 and r["same_events"] is True
    assert len(r["runs"]) == 4 and all(m["peak_rss_mb"] > 50 for m in r["runs"].values())


def test_bench_store_grows_the_corpus_adds_to_both_stores_and_reruns(tmp_path):
    r = bench("store", "--corpus", str(WIRE), "--times", "3", "--hold-out", "2", "--workers", "1",
              "--keep", str(tmp_path))
    assert r["build"]["small"]["articles"] == 4 and r["build"]["large"]["articles"] == 12
    built, added = r["build"], r["incremental"]
    assert r["memory_ratio"] == pytest.approx(built["large"]["peak_rss_mb"] / built["small"]["peak_rss_mb"], abs=1e-3)
    assert r["incremental_ratio"] == pytest.approx(added["large"]["seconds"] / added["small"]["seconds"], abs=1e-3)
    # the rerun of the small store's input added nothing: the kept store holds its 4 articles once each
    with sqlite3.connect(tmp_path / "small.db") as db:
        assert db.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (4, 4)
    reused = bench("store", "--corpus", str(WIRE), "--times", "3", "--hold-out", "2", "--workers", "1",
                   "--keep", str(tmp_path))
    assert reused["build"]["large"].get("reused") is True


def test_grown_copies_are_new_articles_on_the_same_weekdays(tmp_path):
    out, n = grow(str(WIRE), str(tmp_path / "x.jsonl"), 3, skip_last=1)
    rows = [json.loads(line) for line in open(out, encoding="utf-8")]
    assert n == len(rows) == 15
    assert len({r["id"] for r in rows}) == 15
    first, third = rows[0], rows[10]
    assert third["id"].startswith(first["id"])
    shift = dt.date.fromisoformat(third["date"]) - dt.date.fromisoformat(first["date"])
    assert shift == dt.timedelta(weeks=2 * SHIFT_WEEKS)
    assert third["dateline"] == "OSLO" and third["text"] != first["text"]
    assert len({r["text"] for r in rows}) == 15  # every copy's text differs, so every copy is a new article
    unsaid = tmp_path / "unsaid.jsonl"
    unsaid.write_text(json.dumps({"id": "u", "date": "2023-02-06", "text": "Troops crossed the border."}) + "\n",
                      encoding="utf-8")
    copies, _ = grow(str(unsaid), str(tmp_path / "u.jsonl"), 3)
    assert len({json.loads(line)["text"] for line in open(copies, encoding="utf-8")}) == 3


@pytest.mark.parametrize(
    ("what", "lines", "message"),
    [
        ("serve", ['{"id": "a", "text": "Troops crossed the border."}'], "not more than --hold-out"),
        ("store", ["not json", '{"id": "a", "text": "Troops crossed the border."}'], "a line is not JSON"),
    ],
)
def test_bench_bad_corpus_is_a_clear_error(tmp_path, what, lines, message):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "dateline", "bench", what, "--corpus", str(corpus), "--times", "2",
                           "--hold-out", "1" if what == "store" else "300"], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr
