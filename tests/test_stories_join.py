"""Stories an article shows to be one are joined: two reports of one event that arrived before any
report telling both started a story each, whatever order the wire delivered them in."""

from __future__ import annotations

import json

import pytest

from dateline.annotate import parse
from dateline.pipeline import finalize, run
from dateline.store import Store
from dateline.stories import StoryIndex
from dateline.story_features import story_features

RESCUE = """Rescuers winched the first of 27 trapped miners to the surface of the flooded Kestrel Ridge colliery
in the Zonguldak basin on Wednesday, using a narrow steel capsule lowered down an emergency shaft. The
miner, a 41-year-old foreman, waved to the crowd before medics carried him to a field hospital."""

VIGIL = """Families of the 27 Kestrel Ridge miners kept a vigil of prayers and songs at the gates of the
colliery, as engineers from the state mining company reinforced the emergency shaft with steel rings."""

BOTH = RESCUE + " " + VIGIL


def features(text):
    return story_features(text, doc=parse(text))


@pytest.mark.parametrize("join_threshold, one_story", [(None, True), (2.0, False)])
def test_stories_an_article_that_belongs_to_two_stories_joins_them(join_threshold, one_story):
    index = StoryIndex() if join_threshold is None else StoryIndex(join_threshold=join_threshold)
    texts = {"rescue": RESCUE, "vigil": VIGIL, "both": BOTH}
    found = {k: features(t) for k, t in texts.items()}
    for f in found.values():
        index.observe(f)
    rescue = index.assign("rescue", found["rescue"], observe=False)
    vigil = index.assign("vigil", found["vigil"], observe=False)
    assert rescue.story_id != vigil.story_id  # each alone says too little of the other
    both = index.assign("both", found["both"], observe=False)
    assert both.story_id == rescue.story_id  # the story started first keeps its id
    assert (index.article_story["vigil"] == rescue.story_id) == one_story
    assert index.take_joined() == ([(vigil.story_id, rescue.story_id)] if one_story else [])
    assert index.take_joined() == []  # each join is told once
    assert (vigil.story_id in index.stories) != one_story


QUARREL = """Kenya recalled its ambassador from Uganda on Tuesday after Ugandan soldiers crossed the border
near Busia, the foreign ministry said in Nairobi. Uganda's army denied that its patrol had left its own side."""


def test_stories_the_store_relabels_a_joined_story_and_merges_it_again(tmp_path):
    rows = [
        {"id": i, "source": f"Wire {i}", "date": "2024-03-06", "title": None, "text": text}
        for i, text in (("rescue", RESCUE), ("quarrel", QUARREL))
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(tmp_path / "d.db") as store:
        run([str(path)], store)
        before = dict(store.db.execute("SELECT substr(source, 6), story FROM articles").fetchall())
        assert before["rescue"] != before["quarrel"]
        store.join_story(before["quarrel"], before["rescue"])
        after = dict(store.db.execute("SELECT substr(source, 6), story FROM articles").fetchall())
        assert after == {"rescue": before["rescue"], "quarrel": before["rescue"]}
        assert [tuple(r) for r in store.db.execute("SELECT id, articles FROM stories")] == [(before["rescue"], 2)]
        assert store.unmerged_stories() == [before["rescue"]]  # its events are merged again
        finalize(store)
        assert store.unmerged_stories() == []
        assert {r[0] for r in store.db.execute("SELECT story FROM events")} == {before["rescue"]}
