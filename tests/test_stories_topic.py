"""Stories on mixed wire copy: a report of another day joins a story on the words of its event,
not on the everyday vocabulary of its topic (mines, raids, matches), which every neighbouring
story shares."""

from __future__ import annotations

import pytest

from dateline.annotate import parse
from dateline.stories import StoryIndex
from dateline.story_features import story_features

SHANXI_BLAST = """TAIYUAN, March 3 - A gas explosion tore through the Hongyuan coal mine in Shanxi province
on Sunday, killing 17 miners and trapping 30 more underground, the provincial work safety bureau said.
Rescuers pumped air into the shafts of the Hongyuan pit as relatives gathered at the gate. The mine
had been ordered to halt production in January over ventilation faults, the bureau said."""

SHANXI_RESCUE = """TAIYUAN, March 4 - Rescuers at the Hongyuan coal mine in Shanxi pulled four survivors from
a flooded shaft on Monday, a day after the gas explosion that killed 17 miners, and kept searching for
26 still trapped. Police detained the Hongyuan pit's owner, who had ignored an order to halt production
over ventilation faults, the work safety bureau said."""

def _story_and_article(published: str):
    index = StoryIndex()
    index.assign("blast", story_features(SHANXI_BLAST, None, "2025-03-03", doc=parse(SHANXI_BLAST)))
    article = story_features(SHANXI_RESCUE, None, published, doc=parse(SHANXI_RESCUE))
    index.observe(article)
    return index, index.stories["sblast"], article


@pytest.mark.parametrize(
    "published, topical, joins",
    [
        ("2025-03-04", False, True),  # the next day's report, its words its event's: it joins
        ("2025-03-04", True, False),  # every word it shares is one the neighbourhood's stories use too
        ("2025-03-03", True, True),  # the same day's report: the looser bar of one day's burst
    ],
)
def test_stories_a_later_report_sharing_only_its_topics_words_is_another_story(published, topical, joins):
    """What a report of another day shares with a story must be words of its event, not the everyday
    vocabulary of its topic: the words that the other stories its names and words find use too
    (every mining accident's gas, miners, rescuers, shafts and safety bureau)."""
    from collections import Counter

    index, story, article = _story_and_article(published)
    vector = index._weights(article)
    spread = Counter({w: 25 for w in vector[0]}) if topical else Counter()  # each word in 25 of them
    specific = index._specific(article, vector, index._centroid(story), story, None, spread)
    assert (specific > 0) == joins


def test_stories_the_spread_of_a_word_is_the_candidate_stories_using_it():
    index = StoryIndex()
    for i, text in enumerate((SHANXI_BLAST, "Flooding trapped eleven miners in a coal mine in Guizhou.",
                              "The central bank raised its benchmark interest rate on Tuesday.")):
        index.assign(f"t{i}", story_features(text, None, f"2024-0{i + 1}-01", doc=parse(text)))
    spread = index._spread({"miner": 1.0, "rate": 0.5, "karaoke": 0.2}, ["st0", "st1", "st2"])
    assert spread == {"miner": 2, "rate": 1}


@pytest.mark.parametrize("published", [None, "2025-03-04"])
def test_stories_the_topic_gate_asks_for_dates(published):
    """Without publication dates (ECB+ items carry none) the topic gate is not asked: the texts alone
    decide, as before; with them, the follow-up still joins."""
    index = StoryIndex()
    first = index.assign("a", story_features(SHANXI_BLAST, None, published and "2025-03-03", doc=parse(SHANXI_BLAST)))
    again = index.assign("b", story_features(SHANXI_RESCUE, None, published, doc=parse(SHANXI_RESCUE)))
    assert again.story_id == first.story_id


KILLING = """BEIRUT, June 9 - Gunmen shot dead Lebanese Transport Minister Karim Haddadin in his car in a
northern suburb of Beirut on Monday, security sources said. Haddadin, an outspoken critic of the
militias, died of his wounds in hospital, and two of his bodyguards were hurt."""

REACTION = """PARIS, June 10 - France's president on Tuesday condemned the killing of Karim Haddadin, the
Lebanese minister shot dead by gunmen in his car on Monday, and offered his condolences to the family.
Haddadin's funeral is set for Thursday."""


@pytest.mark.parametrize("name_spread, joins", [(1, True), (25, False)])
def test_stories_the_next_days_reaction_names_the_person_both_tell_of(name_spread, joins):
    """A reaction a day later shares few words of what happened with the report of a killing, and
    those words neighbouring stories of violence use too ("shot", "dead"), but it names
    the man killed: a name the other stories of the week do not carry ties it to its story; one
    they all carry (a president's, a capital's) does not."""
    from collections import Counter

    index = StoryIndex()
    index.assign("killing", story_features(KILLING, None, "2025-06-09", doc=parse(KILLING)))
    article = story_features(REACTION, None, "2025-06-10", doc=parse(REACTION))
    index.observe(article)
    story = index.stories["skilling"]
    vector = index._weights(article)
    spread = Counter({w: 4 for w in vector[0]})  # "shot", "dead", "car": in four stories of the week each
    spread.update({w: name_spread - 4 for w in ("haddadin", "karim")})
    specific = index._specific(article, vector, index._centroid(story), story, None, spread)
    assert (specific > 0) == joins
