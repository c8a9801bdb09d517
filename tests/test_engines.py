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
        )


@pytest.fixture(scope="module")
def serial_result(tmp_path_factory):
    db = tmp_path_factory.mktemp("serial") / "d.db"
    with Store(db) as store:
        run([str(EXAMPLES)], store)
    return stored(db)


def test_engines_pool_matches_serial(tmp_path, serial_result):
    db = tmp_path / "d.db"
    with Store(db) as store:
        stats = run([str(EXAMPLES)], store, engine=get_engine("local", workers=2))
    assert stats.new == 4
    assert stored(db) == serial_result


def test_engines_dask_local_cluster_matches_serial(tmp_path, serial_result):
    pytest.importorskip("distributed")
    db = tmp_path / "d.db"
    with Store(db) as store:
        stats = run([str(EXAMPLES)], store, engine=get_engine("dask", workers=1))
    assert stats.new == 4
    assert stored(db) == serial_result


def test_engines_unknown_name_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        get_engine("spark")
