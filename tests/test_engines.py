"""Engines: a process pool and a Dask cluster store exactly what the serial engine stores."""

from __future__ import annotations

import pytest

from dateline.engines import get_engine
from dateline.pipeline import run
from dateline.store import Store

from .conftest import EXAMPLES


def stored(db) -> tuple:
    with Store(db) as store:
        analyses = [store.analysis(a.id) for a in store.articles()]
        return (
            sorted(a.article.id for a in analyses),
            sorted((e.type, e.status, e.date or "", e.before or "", e.trigger) for a in analyses for e in a.events),
            sorted(s["id"] for s in store.stories()),
            sorted((e["id"], e["type"], e["status"], e["sources"], tuple(e["articles"])) for e in store.events()),
        )


@pytest.fixture(scope="module")
def serial_result(tmp_path_factory):
    from dateline.engines.local import serial

    db = tmp_path_factory.mktemp("serial") / "d.db"
    with Store(db) as store:
        run([str(EXAMPLES)], store, engine=serial)
    return stored(db)


def test_engines_overlapped_passes_on_a_stage_error_and_starts_nothing_more():
    from dateline.engines.local import overlapped

    started = []

    def fn(chunk):
        started.append(chunk)
        if chunk == 2:
            raise ValueError("chunk 2")
        return chunk

    out = []
    with pytest.raises(ValueError, match="chunk 2"):
        for result in overlapped(fn, iter(range(100))):
            out.append(result)
    assert out == [0, 1]
    assert len(started) <= 4  # at most two in flight beyond what was written


@pytest.mark.parametrize(
    ("name", "workers"), [("local", 1), ("local", 2), ("dask", 1)],
    ids=["one worker process beside the writer", "process pool", "dask local cluster"],
)
def test_engines_store_what_the_serial_engine_stores(tmp_path, monkeypatch, serial_result, name, workers):
    if name == "dask":
        pytest.importorskip("distributed")
    monkeypatch.setattr("dateline.pipeline.CHUNK", 1)  # one article a chunk: results come back in any order
    db = tmp_path / "d.db"
    with Store(db) as store:
        stats = run([str(EXAMPLES)], store, engine=get_engine(name, workers=workers))
    assert stats.new == 4
    assert stored(db) == serial_result


def test_engines_fork_only_from_a_process_with_one_thread():
    """Asked in a fresh interpreter: this one may have threads other tests started."""
    import multiprocessing
    import subprocess
    import sys

    script = (
        "import threading\n"
        "from dateline.engines.local import start_method\n"
        "alone = start_method()\n"
        "release = threading.Event()\n"
        "other = threading.Thread(target=release.wait)\n"
        "other.start()\n"
        "print(alone, start_method())\n"
        "release.set()\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    fork = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    assert out == [fork, "spawn"]  # with a thread, one could hold a lock the forked child would wait for


def test_engines_unknown_name_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("spark")


def test_engines_unreachable_scheduler_fails_before_anything_is_stored(tmp_path):
    pytest.importorskip("distributed")
    from dateline.cli import main

    db = tmp_path / "d.db"
    assert main(["run", str(EXAMPLES), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9", "--db", str(db)]) == 2
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("options", [["--engine", "dask", "--workers", "1"], ["--workers", "1"]],
                         ids=["dask", "one process, two threads"])
def test_engines_ctrl_c_prints_one_line(tmp_path, options):
    """Ctrl-C reaches the whole process group, as at a terminal: one line, no Dask chatter, and
    the stages' thread of a one-process run does not hold the process up."""
    if "dask" in options:
        pytest.importorskip("distributed")
    import json
    import os
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    corpus = tmp_path / "c.jsonl"
    with open(corpus, "w") as fh:
        for i in range(400):
            fh.write(json.dumps({"id": f"d{i}", "date": "2024-01-15", "text": (
                f"The foreign minister of Norway met the trade minister of Chile in Oslo on day {i} of the "
                f"talks, officials said. They agreed to cut tariffs on {i + 2} goods.")}) + "\n")
    db = tmp_path / "d.db"
    code = ("import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
            "os.execv(sys.executable, [sys.executable, '-m', 'dateline'] + sys.argv[1:])")
    proc = subprocess.Popen([sys.executable, "-c", code, "run", str(corpus), *options,
                             "--db", str(db), "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    deadline, stored = time.time() + 240, 0
    while time.time() < deadline and proc.poll() is None and stored < 20:
        time.sleep(0.5)
        try:
            with sqlite3.connect(db, timeout=1) as con:
                stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["dateline: interrupted; stored articles are kept, rerun to finish"]
