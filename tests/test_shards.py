"""Parquet shards: `run --output-dir` then `load` stores what a direct run stores; reruns and bad folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.engines import get_engine
from dateline.pipeline import load, run, run_to_shards
from dateline.shards import ShardError, shard_files
from dateline.store import Store

from .test_engines import stored

pytest.importorskip("pyarrow")

WIRE = Path(__file__).parent / "fixtures" / "wire6.jsonl"


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    db = tmp_path_factory.mktemp("direct") / "d.db"
    with Store(db) as store:
        run([str(WIRE)], store)
    return stored(db)


def test_shards_load_into_the_store_a_direct_run_builds(tmp_path, direct):
    stats = run_to_shards([str(WIRE)], str(tmp_path / "shards"), engine=get_engine("local", workers=2))
    assert stats.new == 6 and shard_files(str(tmp_path / "shards"))
    with Store(tmp_path / "l.db") as store:
        loaded = load(str(tmp_path / "shards"), store)
    assert loaded.new == 6
    assert stored(tmp_path / "l.db") == direct


def test_shards_rerun_writes_only_what_is_missing_and_load_twice_adds_nothing(tmp_path):
    folder = tmp_path / "shards"
    run_to_shards([str(WIRE)], str(folder))
    first = {p.name: p.stat().st_mtime_ns for p in folder.glob("part-*.parquet")}
    assert run_to_shards([str(WIRE)], str(folder)).new == 0  # every shard is there already
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("part-*.parquet")} == first
    with Store(tmp_path / "l.db") as store:
        load(str(folder), store)
        again = load(str(folder), store)
        assert (again.new, again.duplicates) == (0, 6)
        assert store.counts()["articles"] == 6


def test_shards_rerun_over_changed_input_rewrites_the_chunks_that_changed(tmp_path, monkeypatch, direct):
    monkeypatch.setattr("dateline.pipeline.CHUNK", 2)  # six articles make three shards
    lines = WIRE.read_text(encoding="utf-8").splitlines(keepends=True)
    part = tmp_path / "wire.jsonl"
    part.write_text("".join(lines[1:5]), encoding="utf-8")  # four articles, not the first
    folder = tmp_path / "shards"
    run_to_shards([str(part)], str(folder))
    assert len(shard_files(str(folder))) == 2
    part.write_text("".join(lines), encoding="utf-8")  # the whole input: every chunk now holds others
    assert run_to_shards([str(part)], str(folder)).new == 6
    assert len(shard_files(str(folder))) == 3
    with Store(tmp_path / "l.db") as store:
        assert load(str(folder), store).new == 6
    assert stored(tmp_path / "l.db") == direct
    part.write_text("".join(lines[:2]), encoding="utf-8")  # a shorter input: the shards past its end go
    assert run_to_shards([str(part)], str(folder)).new == 0  # its one chunk is the first shard already
    assert len(shard_files(str(folder))) == 1


def test_shards_keep_what_could_not_be_read(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "title": "no text"}\nnot json\n', encoding="utf-8")
    folder = tmp_path / "shards"
    stats = run_to_shards([str(WIRE), str(bad)], str(folder))
    assert stats.new == 6 and len(stats.skipped) == 2
    with Store(tmp_path / "l.db") as store:
        loaded = load(str(folder), store)
        assert len(loaded.skipped) == 2
        assert len(store.errors()) == 2


def test_load_refuses_a_folder_without_shards_and_a_damaged_shard(tmp_path):
    with pytest.raises(ShardError, match="holds no shards"):
        with Store(tmp_path / "l.db") as store:
            load(str(tmp_path), store)
    folder = tmp_path / "shards"
    run_to_shards([str(WIRE)], str(folder))
    next(folder.glob("part-*.parquet")).write_bytes(b"not parquet")
    proc = subprocess.run([sys.executable, "-m", "dateline", "load", str(folder), "--db", str(tmp_path / "m.db")],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "is not a readable shard" in proc.stderr and "Traceback" not in proc.stderr


def test_run_output_dir_on_a_dask_cluster_then_load(tmp_path, direct):
    pytest.importorskip("distributed")
    folder = tmp_path / "shards"
    proc = subprocess.run([sys.executable, "-m", "dateline", "run", str(WIRE), "--output-dir", str(folder),
                           "--engine", "dask", "--workers", "2", "--no-progress"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert "dateline load" in proc.stdout
    assert not (tmp_path / "dateline.db").exists()
    proc = subprocess.run([sys.executable, "-m", "dateline", "load", str(folder), "--db", str(tmp_path / "l.db"),
                           "--quiet"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(json.dumps(stored(tmp_path / "l.db"))) == json.loads(json.dumps(direct))
