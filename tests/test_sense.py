"""The sense decision: which trigger words are specific political events, how it is trained,
and how the sentence quads of ``dateline eval events-coarse`` are scored."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.cli import main
from dateline.evaluation import coarse
from dateline.events import find_events, sense
from dateline.events.train import TrainingDataError, default_data, read_examples, train
from dateline.model import Article, Event
from tests.conftest import shared_file


def code(text: str) -> list[Event]:
    from dateline.temporal import find_timexes

    doc = parse(text)
    return find_events(doc, Article(id="t", text=text), find_actors(doc), find_timexes(text, None, doc=doc))


def triggers(text: str) -> set[str]:
    return {e.trigger for e in code(text)}


@pytest.mark.parametrize(
    "text, trigger, event",
    [
        # markets and prices / the political sense of the same words
        ("The yen rallied sharply against the euro on Thursday.", "rallied", False),
        ("Opposition supporters rallied in the centre of Lusaka on Thursday.", "rallied", True),
        ("Shares in the bank retreated 3 percent after the results.", "retreated", False),
        ("Rebel fighters retreated from the hills above the town.", "retreated", True),
        # sport
        ("Ajax beat Feyenoord 2-0 in Amsterdam on Sunday.", "beat", False),
        ("Riot police beat students with batons in the capital.", "beat", True),
        ("The tennis champion withdrew from the tournament with a back injury.", "withdrew", False),
        ("Ethiopian troops withdrew from the border town on Monday.", "withdrew", True),
        # accidents and weather
        ("A flood killed 14 villagers in the north of the country.", "killed", False),
        ("Militants killed 14 villagers in the north of the country.", "killed", True),
        # metaphors
        ("The singer shot to fame after a talent show.", "shot", False),
        ("Police shot two protesters in the port city.", "shot", True),
        # generic and habitual statements / a specific act
        ("Reporters are often killed by cartels in that state.", "killed", False),
        ("Two reporters were killed by gunmen in the state on Tuesday.", "killed", True),
        # other senses in political news
        ("The foreign ministry released a statement late on Sunday.", "released", False),
        ("The kidnappers released the two nurses late on Sunday.", "released", True),
        # boilerplate
        ("Sign up for our weekly newsletter.", "Sign", False),
        ("Serbia and Kosovo signed an agreement on trade in Washington.", "signed", True),
        # hypotheticals and plans stay events with their status
        ("Turkey could attack the Kurdish militia within days, officials said.", "attack", True),
        # a match result / a beating
        ("The Canadian beat the defending champion 7-6 6-4 in the final.", "beat", False),
        # business deals / deals between governments
        ("The carmaker signed a deal to buy a battery maker in Poland.", "signed", False),
        ("Serbia and Kosovo signed a deal on trade in Washington.", "signed", True),
        ("Investors backed the start-up with 20 million dollars.", "backed", False),
        ("Moscow backed the rebels with arms and money.", "backed", True),
        # a rescue / a release
        ("Neighbours freed the girl from the rubble after the quake.", "freed", False),
        ("The rebels freed the two nurses on Sunday.", "freed", True),
        # what talks are about ("ways to expand ties") / an expansion that happened
        ("The leaders discussed ways to expand defence ties between the two countries.", "expand", False),
        ("The leaders discussed ways to expand defence ties between the two countries.", "discussed", True),
        # a headline without a finite verb
        ("Monitoring Naval Assertiveness in Contested Waters", "Monitoring", False),
    ],
)
def test_sense_tells_events_from_other_senses(text: str, trigger: str, event: bool, shared_kb) -> None:
    """The model decides with the knowledge base whose actor codes it learned from."""
    assert (trigger in triggers(text)) is event


def test_sense_model_is_trained_on_the_packaged_data() -> None:
    found = sense.model()
    assert found is not None, "data/sense_model.json is missing; run `dateline train`"
    digest = hashlib.sha256(default_data().read_bytes()).hexdigest()
    assert found["data_sha256"] == digest, "the training data changed; rerun `dateline train`"
    assert 0.0 < found["threshold"] < 1.0 and found["weights"]


def test_sense_without_model_falls_back_to_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sense, "model", lambda: None)
    assert "eased" not in triggers("The carmaker eased 15 sen to 8.45 ringgit.")
    assert "attacked" in triggers("Militants attacked an army post near the border on Monday.")


SMALL = """\
# a tiny set
ASSAULT\t-\tRebels [attacked] a police station in the north.
ASSAULT\t-\tGunmen [killed] three soldiers at a checkpoint.
PROTEST\tdemo\tStudents [marched] on the ministry on Monday.
NONE\t-\tThe dollar [rallied] against the yen.
NONE\t-\tShares [rallied] after the earnings report.
NONE\t-\tA storm [killed] two fishermen off the coast.
"""


def test_sense_training_is_reproducible(tmp_path: Path) -> None:
    data = tmp_path / "small.tsv"
    data.write_text(SMALL, encoding="utf-8")
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    summary = train(data, first)
    train(data, second)
    assert first.read_bytes() == second.read_bytes()
    model = json.loads(first.read_text(encoding="utf-8"))
    # the share report is a market by the rules, which drop it before the model is asked
    assert summary["examples"] == 5 and model["events"] == 3
    assert model["weights"]["bias"] is not None


@pytest.mark.parametrize(
    "line, message",
    [
        ("ASSAULT\t-\tno brackets here", "exactly one trigger"),
        ("ASSAULT\t-\t[two] [brackets]", "exactly one trigger"),
        ("ATTACK\t-\tRebels [attacked] a town.", "unknown label"),
        ("ASSAULT\tRebels [attacked] a town.", "3 tab-separated"),
    ],
)
def test_sense_training_data_errors_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    data = tmp_path / "bad.tsv"
    data.write_text("# header\n" + line + "\n", encoding="utf-8")
    with pytest.raises(TrainingDataError, match=message) as err:
        read_examples(data)
    assert "bad.tsv:2" in str(err.value)


def test_sense_train_command_reports_bad_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "bad.tsv"
    data.write_text("NONE\t-\tno trigger marked\n", encoding="utf-8")
    assert main(["train", "--data", str(data), "--out", str(tmp_path / "m.json")]) == 2
    assert "exactly one trigger" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()


@pytest.mark.parametrize(
    "type_, status, lemma, quad",
    [
        ("CONSULT", "occurred", "meet", "verbal_coop"),
        ("CONSULT", "planned", "meet", "verbal_coop"),
        ("AID", "occurred", "send", "material_coop"),
        ("CONCEDE", "occurred", "ease", "material_coop"),
        ("SANCTION", "occurred", "expel", "verbal_conflict"),
        ("REQUEST", "occurred", "demand", "verbal_conflict"),
        ("REQUEST", "occurred", "urge", None),
        ("ASSAULT", "occurred", "kill", "material_conflict"),
        ("ASSAULT", "planned", "attack", "verbal_conflict"),
        ("AGREE", "negated", "accept", "verbal_conflict"),
        ("ASSAULT", "negated", "attack", None),
    ],
)
def test_coarse_quad_of_follows_the_gold_mapping(
    type_: str, status: str, lemma: str, quad: str | None
) -> None:
    assert coarse.quad_of(type_, status, lemma) == quad


def test_coarse_score_counts_null_as_a_label() -> None:
    gold = ["verbal_coop", None, None, "material_conflict"]
    pred = ["verbal_coop", None, "verbal_coop", None]
    s = coarse.score(gold, pred)
    assert s["accuracy"] == 0.5
    assert s["per_label"]["null"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "gold": 2, "predicted": 2}
    assert s["per_label"]["material_conflict"]["f1"] == 0.0
    assert "material_coop" not in s["per_label"]  # neither in gold nor predicted: out of the mean
    assert s["macro_f1"] == round((2 / 3 + 0.5 + 0.0) / 3, 4)
    assert s["confusion"]["null"] == {"verbal_coop": 1, "null": 1}


@pytest.mark.slow
def test_coarse_quality_gate(tmp_path: Path) -> None:
    path = shared_file("eval", "events-coarse.jsonl")
    out = tmp_path / "pred.jsonl"
    metrics = coarse.evaluate(path, out=out)
    assert metrics["macro_f1"] >= 0.70
    assert metrics["accuracy"] >= 0.70
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == metrics["n"] and set(lines[0]) == {"id", "quad"}


@pytest.mark.slow
def test_sense_coarse_quality_gate_with_the_knowledge_base(shared_kb: object) -> None:
    """With the knowledge base the learned decision drops non-events: the quads hold."""
    metrics = coarse.evaluate(shared_file("eval", "events-coarse.jsonl"))
    assert metrics["macro_f1"] >= 0.747
    assert metrics["accuracy"] >= 0.750


@pytest.mark.slow
def test_sense_keeps_the_events_of_the_dev_set() -> None:
    """The filter removes non-events without removing events: PLOVER gold sentences stay coded."""
    from dateline.evaluation import events as event_eval

    metrics = event_eval.evaluate(shared_file("eval", "events.jsonl"))
    assert metrics["type"]["f1"] >= 0.835
    assert metrics["type"]["recall"] >= 0.80


@pytest.fixture
def seeds_with_kb(shared_kb: object) -> dict[str, list[Event]]:
    from tests.test_events import cleaned_seed
    from tests.test_events import code as code_article

    return {
        name: code_article(cleaned_seed(next(shared_file("seeds").glob(f"{name}_*.txt"))))
        for name in ("000", "003")
    }


def test_sense_seed_report_keeps_the_acts_and_drops_the_pact_it_describes(
    seeds_with_kb: dict[str, list[Event]],
) -> None:
    report = seeds_with_kb["000"]
    # "hosted ... for talks touching upon ... ways to expand ties": one visit, no aid
    assert [e.type for e in report if e.sentence == 0] == ["CONSULT"]
    # what a pact under discussion would do is no event
    pact = [e for e in report if "would provide" in e.text or "would allow" in e.text]
    assert [e.trigger for e in pact if e.type != "CONSULT"] == []
    # "I would like to thank ..." is the thanks itself
    thank = next(e for e in report if e.trigger == "thank")
    assert (thank.type, thank.status) == ("SUPPORT", "occurred")


def test_sense_seed_preview_plans_and_headlines(seeds_with_kb: dict[str, list[Event]]) -> None:
    preview = seeds_with_kb["003"]
    explore = next(e for e in preview if e.trigger == "explore")
    assert (explore.type, explore.status) == ("CONSULT", "planned")
    assert [e.trigger for e in preview if e.trigger in ("boost", "Monitoring", "finalised", "enhance")] == []


def test_answers_found_without_the_knowledge_base_do_not_stand_with_it(shared_kb, tmp_path) -> None:
    """A sentence coded first with no knowledge base, then with one, is coded as with it alone:
    what the agents dictionary decides (the sector of "rebel fighters") is kept per file."""
    from dateline import kb

    text = "Rebel fighters retreated from the ridges above the village."  # coded nowhere else
    shared = os.environ["DATELINE_KB"]
    kb.use(tmp_path / "absent.sqlite")
    triggers(text)
    kb.use(shared)
    assert triggers(text) == {"retreated"}
