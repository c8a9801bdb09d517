"""The type decision: which PLOVER type the sentence gives an event among its word's senses,
and the senses of travel verbs and reporting formulas that are no event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.events import TYPES, find_events
from dateline.events.features import type_features
from dateline.events.sense import choose_type, model
from dateline.events.train import cross_validate_types, fit_types, train
from dateline.model import Article, Event


def code(text: str) -> list[Event]:
    from dateline.temporal import find_timexes

    doc = parse(text)
    return find_events(doc, Article(id="t", text=text), find_actors(doc), find_timexes(text, None, doc=doc))


def types_at(text: str) -> dict[str, str]:
    return {e.trigger: e.type for e in code(text)}


def test_type_features_drop_the_offered_type_and_pair_the_word_with_its_object() -> None:
    feats = ["bias", "type=COERCE", "lemma=seize", "lemma_type=seize|COERCE",
             "type_status=COERCE|occurred", "type_obj=COERCE|capital", "obj=capital", "prep=after",
             "status=occurred"]
    got = type_features(feats, "COERCE")
    assert not any(f.startswith(("type=", "lemma_type=", "type_status=", "type_obj=")) for f in got)
    wanted = {"cand=COERCE", "lemma_obj=seize|capital", "cand_obj=COERCE|capital", "lemma_prep=seize|after"}
    assert wanted <= set(got)
    assert "status=occurred" in got and "obj=capital" in got


WEIGHTS = {
    "ASSAULT": {"lemma_obj=seize|capital": 5.0},
    "COERCE": {"cand=COERCE": 1.0},
    "SANCTION": {"obj=capital": 5.0},
}


@pytest.mark.parametrize(
    "feats, senses, margin, chosen",
    [
        (["cand=COERCE", "lemma_obj=seize|capital"], None, 0.5, "ASSAULT"),  # the object tells the sense
        (["cand=COERCE"], None, 0.5, "COERCE"),  # nothing against the offered type
        (["cand=COERCE", "lemma_obj=seize|capital"], None, 0.99, "COERCE"),  # not sure enough
        # SANCTION is more probable, but no sense of the word
        (["cand=COERCE", "lemma_obj=seize|capital", "obj=capital"], frozenset({"COERCE", "ASSAULT"}), 0.3,
         "ASSAULT"),
    ],
)
def test_choose_type_among_the_senses_by_a_margin(
    feats: list[str], senses: frozenset[str] | None, margin: float, chosen: str
) -> None:
    assert choose_type(feats, "COERCE", WEIGHTS, margin, senses) == chosen


TYPED = [
    (["cand=COERCE", "lemma_obj=seize|capital"], "ASSAULT", "COERCE"),
    (["cand=COERCE", "lemma_obj=seize|town"], "ASSAULT", "COERCE"),
    (["cand=COERCE", "lemma_obj=seize|heroin"], "COERCE", "COERCE"),
    (["cand=COERCE", "lemma_obj=seize|asset"], "COERCE", "COERCE"),
    (["cand=COERCE", "lemma_obj=arrest|activist"], "COERCE", "COERCE"),
] * 4  # a feature seen once says nothing general: each fold sees each twice


def test_type_model_learns_the_labelled_type_and_is_cross_validated() -> None:
    weights = fit_types(TYPED)
    assert choose_type(["cand=COERCE", "lemma_obj=seize|capital"], "COERCE", weights, 0.0) == "ASSAULT"
    assert choose_type(["cand=COERCE", "lemma_obj=seize|heroin"], "COERCE", weights, 0.0) == "COERCE"
    cv = cross_validate_types(TYPED, folds=2, margin=0.0)
    assert cv["type_offered"] == 0.6 and cv["type_chosen"] == 1.0


SMALL = """\
ASSAULT\t-\tRebels [attacked] a police station in the north.
ASSAULT\t-\tGunmen [killed] three soldiers at a checkpoint.
PROTEST\tdemo\tStudents [marched] on the ministry on Monday.
NONE\t-\tThe dollar [rallied] against the yen.
NONE\t-\tA storm [killed] two fishermen off the coast.
"""


def test_trained_model_keeps_the_type_weights(tmp_path: Path) -> None:
    data = tmp_path / "small.tsv"
    data.write_text(SMALL, encoding="utf-8")
    out = tmp_path / "m.json"
    train(data, out)
    found = json.loads(out.read_text(encoding="utf-8"))
    assert found["types"]["examples"] == 3 and 0.0 <= found["types"]["margin"] < 1.0
    assert found["types"]["weights"] and set(found["types"]["weights"]) <= set(TYPES)


def test_packaged_model_has_a_type_decision() -> None:
    found = model()
    assert found is not None and found["types"]["weights"], "rerun `dateline train`"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, trigger, type_",
    [
        # travel: an official's trip is a visit; a convoy's, a refugee's or a son's arrival is none
        ("The foreign minister arrived in Beijing on Monday for talks.", "arrived", "CONSULT"),
        ("The prime minister flew to Kabul for talks with the president.", "flew", "CONSULT"),
        ("The convoy arrived at the border crossing in the afternoon.", "arrived", None),
        ("The families arrived at the camp after walking for two days.", "arrived", None),
        # reporting formulas are no request or refusal
        ("A diplomat who asked not to be identified said the vote would be close.", "asked", None),
        ("The ministry refused to comment on the arrests.", "refused", None),
        ("The opposition asked the electoral commission to recount the ballots.", "asked", "REQUEST"),
        # the type the object gives
        ("The two presidents signed a border treaty in the capital on Friday.", "signed", "SUPPORT"),
        ("The junta released 40 political prisoners on Sunday.", "released", "RETREAT"),
        ("Italy deported the Tunisian preacher to Tunis on Monday.", "deported", "COERCE"),
        ("The police seized 20 kilograms of heroin at the port.", "seized", "COERCE"),
        ("The garrison surrendered to the rebels on Tuesday.", "surrendered", "RETREAT"),
        # a death is an assault only when the sentence tells of the violence that caused it
        ("The former minister died of a heart attack at his home on Sunday.", "died", None),
        ("The former minister died of a heart attack at his home on Sunday.", "attack", None),
        ("Three detainees died under torture in the prison, their families said.", "died", "ASSAULT"),
        ("Five soldiers died in clashes with rebels near the border.", "died", "ASSAULT"),
        # perception and thought are no consultation; a bare preposition is no context
        ("Villagers there are considered outsiders by the townspeople.", "considered", None),
        ("The party came to power in a coup in 1978.", "came", None),
        # a mountain's summit is no meeting; a warning of a risk is no threat
        ("Two hikers reached the summit of the mountain on Sunday.", "summit", None),
        ("Leaders of the two countries met at a summit in Hanoi on Tuesday.", "met", "CONSULT"),
        ("The charity warned that thousands of children could go hungry this winter.", "warned", None),
        ("The army warned the rebels it would shell the town unless they surrendered.", "warned", "THREATEN"),
        # a question put to a speaker is no request, whatever the parser hangs "if" from
        ("Asked if the talks had failed, the envoy shook his head.", "Asked", None),
    ],
)
def test_the_sentence_gives_the_type(text: str, trigger: str, type_: str | None, shared_kb) -> None:
    assert types_at(text).get(trigger) == type_
