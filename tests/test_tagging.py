"""The cached attribute ruler and lemmatizer give the stock components' output, token for token."""

from __future__ import annotations

import pytest
import spacy

from dateline.annotate import load_model
from dateline.tagging import CachedAttributeRuler, CachedLemmatizer, speed_up

SENTENCES = [
    "Foreign Minister Ana Costa on Monday received her Kenyan counterpart for two days of talks.",
    "I'd say she gets it; he got it, and they've got it too.",
    "We're gonna win, let's go, y'all! C'mon, ain't that so?",
    "There is no deal, and there were never talks, the spokesman said.",
    "Something happened: nobody knew, everyone asked, anybody could have guessed.",
    "The ministers, who met twice, signed 14 agreements worth $3.5 billion.",
    "  Leading spaces,\n\nblank lines \n and   runs of spaces\t\there.",
    "But the rebels said they had seized the town, but not the airport.",
    "Those troops, these tanks, that plan and this border: all of it was discussed.",
    "U.S.-led forces withdrew from the area after the talks failed.",
    "",
    "Why?",
]


def token_attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


@pytest.fixture(scope="module")
def pipelines():
    return load_model(stock=True), load_model()


def test_dateline_pipeline_uses_the_cached_twins(pipelines):
    _, fast = pipelines
    assert isinstance(fast.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)


@pytest.mark.parametrize("text", SENTENCES)
def test_same_output_as_the_stock_components(pipelines, text):
    stock, fast = pipelines
    fast_doc = fast(text)
    # The paragraph breaks Dateline adds change the parse, not the tagging: compare with the
    # stock pipeline given the same sentence starts.
    doc = stock.make_doc(text)
    for name, proc in stock.pipeline:
        doc = proc(doc)
        if name == "tagger":
            for t in doc[:-1]:
                if t.is_space and "\n" in t.text:
                    doc[t.i + 1].is_sent_start = True
    assert token_attrs(fast_doc) == token_attrs(doc)


def test_the_same_twice_and_in_batches(pipelines):
    _, fast = pipelines
    one = [token_attrs(fast(t)) for t in SENTENCES]
    assert [token_attrs(d) for d in fast.pipe(SENTENCES, batch_size=3)] == one


def test_other_pipelines_are_left_alone():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    assert speed_up(nlp) == []
    assert nlp.pipe_names == ["sentencizer"]
