"""The CAMEO verb dictionary compiled into event patterns, and the coder matching them.

Every dictionary here is written by the test in the public formats (a PETRARCH2 verb file, the
CAMEO to PLOVER table); the gates at the end build the knowledge base from ../shared/kb.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.events import find_event_mentions
from dateline.evaluation.dyads import phrase
from dateline import kb
from dateline.kb import Report, build_kb, verbs
from dateline.model import Article
from tests.conftest import shared_file

VERBS = """\
# a test dictionary
&WEAPON
+ROCKET
+ARTILLERY_SHELL

&AUXVERB_
+WAS

####### VERB PATTERNS #######

---  KILL   [190]  ---
KILL
SLAY {SLAIN}
- * (IN COLLISION)                [---]   # a collision is no event
- * &WEAPON                       [194]

---  SURROUND   [---]  ---
ENCIRCLE [191]
HEM
- * (WITH TROOPS)                 [191]
- * BOGUS)                        [190]

---  STAGE   [---]  ---
STAGE
- * INCURSION                     [190]
- * RALLY                         [141]

---  OFFER   [030]  ---
OFFER
- * ASYLUM                        [075]

---  APPEAL   [020]  ---
+PLEAD_FOR {+PLEADED_FOR}
- * HELP                          [0234]
"""

PLOVER = """\
# conversion table
03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
07: AID
075: AID,  , asylum # Grant asylum
14: PROTEST
141: PROTEST, demo,  # Demonstrate or rally
19: ASSAULT
190: ASSAULT, , military # Use conventional military force
191: COERCE, restrict, military # Impose blockade
194: ASSAULT, heavy-weapons, military # Fight with artillery and tanks
196: dropped
not a line of the table
"""


@pytest.fixture(scope="module")
def dictionary_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("dicts")
    (d / "CAMEO.test.txt").write_text(VERBS, encoding="utf-8")
    (d / "CAMEO2PLOVER-test.txt").write_text(PLOVER, encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def compiled(dictionary_dir: Path) -> tuple[verbs.VerbLexicon, Report, Path]:
    """The test dictionaries compiled by ``dateline kb build`` (this part and the others)."""
    path = dictionary_dir / "kb.sqlite"
    report = build_kb([dictionary_dir], path)
    return verbs.load(path), report, path


@pytest.fixture
def with_kb(compiled: tuple[verbs.VerbLexicon, Report, Path]) -> Iterator[None]:
    before = os.environ["DATELINE_KB"]
    kb.use(compiled[2])
    yield
    os.environ["DATELINE_KB"] = before
    kb.use(None)


@pytest.fixture
def without_kb() -> Iterator[None]:
    yield  # the test session has no knowledge base unless a test asks for one (conftest)


def test_kb_verbs_compiles_blocks_forms_and_sets(compiled) -> None:
    lexicon, _, _ = compiled
    kill = [v for v in lexicon.verbs["slay"]][0]
    assert (kill.code, kill.type) == ("190", "ASSAULT")
    assert lexicon.forms["slain"] == "slay"
    weapon = next(p for p in kill.patterns if p.code == "194")
    assert weapon.objects == ((("rocket",), ("artillery", "shell")),)
    assert (weapon.type, weapon.mode) == ("ASSAULT", "heavy-weapons")


def test_kb_verbs_null_pattern_is_kept_as_no_event(compiled) -> None:
    lexicon, _, _ = compiled
    accident = next(p for p in lexicon.verbs["kill"][0].patterns if p.preps)
    assert accident.code is None and accident.type is None
    assert accident.preps == (("in", ((("collision",),),)),)


def test_kb_verbs_own_code_block_code_and_particles(compiled) -> None:
    lexicon, _, _ = compiled
    encircle, hem = lexicon.verbs["encircle"][0], lexicon.verbs["hem"][0]
    assert (encircle.code, encircle.type, encircle.own) == ("191", "COERCE", True)
    assert (hem.code, hem.type, hem.own) == (None, None, False)
    plead = lexicon.verbs["plead"][0]
    assert plead.particle == "for"


@pytest.mark.parametrize(
    "code, expected",
    [("190", ("ASSAULT", None)), ("1901", ("ASSAULT", None)), ("196", (None, None)), ("020", (None, None)),
     ("0234", (None, None)), ("075", ("AID", None))],
)
def test_kb_verbs_plover_code_by_most_specific_prefix(compiled, code: str, expected) -> None:
    table = verbs.read_plover_table(
        Path(compiled[2]).parent / "CAMEO2PLOVER-test.txt", Report()
    )
    assert verbs.plover_of(code, table) == expected


def test_kb_verbs_reports_counts_and_skipped_lines(compiled) -> None:
    _, report, _ = compiled
    assert report.counts["CAMEO.test.txt"] > 0 and report.counts["CAMEO2PLOVER-test.txt"] == 11
    reasons = {s.reason for s in report.skipped}
    assert "not a CODE: EVENT, MODE, CONTEXT line" in reasons
    assert any(r.startswith("unreadable word") for r in reasons)
    assert all(s.line > 0 and s.path for s in report.skipped)


def test_kb_verbs_builds_nothing_without_a_verb_dictionary(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("nothing here\n", encoding="utf-8")
    conn = sqlite3.connect(":memory:")
    verbs.build(conn, [tmp_path], Report())
    assert verbs.read(conn).verbs == {}


def _events(text: str) -> list[tuple]:
    doc = parse(text)
    found = find_event_mentions(doc, Article(id="t", text=text), find_actors(doc), [])
    return [
        (e.type, [text[slice(*phrase(t))] for t in m.source_tokens], [text[slice(*phrase(t))] for t in m.target_tokens])
        for e, m in found
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Forty-two people were slain in the village.", ("ASSAULT", [], ["Forty-two people"])),
        ("The army encircled the rebel town.", ("COERCE", ["The army"], ["the rebel town"])),
        ("Soldiers hemmed the protesters with troops.", ("COERCE", ["Soldiers"], ["the protesters"])),
        ("Turkey's incursion into Syria began on Sunday.", ("ASSAULT", ["Turkey"], ["Syria"])),
    ],
)
def test_kb_verbs_patterns_code_events(with_kb: None, text: str, expected: tuple) -> None:
    assert expected in _events(text)


def test_kb_verbs_who_dies_suffers_the_act(shared_kb: object) -> None:
    assert ("ASSAULT", [], ["Eight people"]) in _events("Eight people died in the violence.")


@pytest.mark.parametrize(
    "text",
    [
        "Two hikers were slain in a collision.",  # the dictionary's own "no event"
        "Soldiers hemmed the dress.",  # a synonym codes only through its pattern's context
        "The firm offered an opportunity to students.",  # the curated lexicon's other sense wins
        "The report described an incursion.",  # an event noun needs an argument
    ],
)
def test_kb_verbs_context_keeps_precision(with_kb: None, text: str) -> None:
    assert [t for t, _, _ in _events(text) if t in ("ASSAULT", "COERCE", "AGREE")] == []


def test_kb_verbs_curated_lexicon_alone_without_a_knowledge_base(without_kb: None) -> None:
    assert _events("The army encircled the rebel town.") == []
    assert ("ASSAULT", ["Rebels"], ["the convoy"]) in _events("Rebels attacked the convoy.")


@pytest.mark.slow
def test_kb_verbs_events_quality_gate_with_the_knowledge_base(shared_kb: object) -> None:
    from dateline.evaluation.events import evaluate

    metrics = evaluate(shared_file("eval", "events.jsonl"))
    assert metrics["type"]["f1"] >= 0.85  # 0.8615
    assert metrics["dyad"]["f1"] >= 0.677  # 0.6877


@pytest.mark.slow
def test_kb_verbs_dyads_quality_gate_with_the_knowledge_base(shared_kb: object) -> None:
    from dateline.evaluation.dyads import evaluate

    metrics = evaluate(shared_file("eval", "dyads.jsonl"))
    assert metrics["combined"]["overlap"]["f1"] >= 0.71  # 0.720
    assert metrics["source"]["overlap"]["f1"] >= 0.82  # 0.832 with the sense decision after it
    assert metrics["target"]["overlap"]["f1"] >= 0.58  # 0.592
