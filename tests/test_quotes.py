"""Quotes: direct and reported speech with speakers, on the seeds and small cases."""

from __future__ import annotations

import pytest

from dateline.actors import find_actors
from dateline.annotate import parse
from dateline.model import Article, Quote
from dateline.quotes import find_quotes
from tests.conftest import shared_file
from tests.test_events import cleaned_seed


def quotes_of(article: Article) -> list[Quote]:
    doc = parse(article.text)
    return find_quotes(doc, find_actors(doc, place=article.place))


@pytest.fixture(scope="module")
def report() -> tuple[Article, list[Quote]]:
    article = cleaned_seed(next(shared_file("seeds").glob("000_*.txt")))
    return article, quotes_of(article)


@pytest.fixture(scope="module")
def preview() -> tuple[Article, list[Quote]]:
    article = cleaned_seed(next(shared_file("seeds").glob("003_*.txt")))
    return article, quotes_of(article)


def _starting(quotes: list[Quote], prefix: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(prefix)]
    assert found, f"no quote starting {prefix!r} in {[q.text[:40] for q in quotes]}"
    return found[0]


def test_find_quotes_seed_report_singh_speaks_twice(report: tuple[Article, list[Quote]]) -> None:
    article, quotes = report
    thanks = _starting(quotes, "I would like to thank")
    partnership = _starting(quotes, "India shares a Special")
    for quote in (thanks, partnership):
        assert quote.direct and quote.speaker is not None and quote.speaker.name == "Rajnath Singh"
        assert article.text[quote.start : quote.end] == quote.text
    assert thanks.text.endswith("Pahalgam terrorist attack")
    assert partnership.cue == "said"


def test_find_quotes_seed_report_quote_continued_in_next_paragraph(
    report: tuple[Article, list[Quote]],
) -> None:
    _, quotes = report
    continued = _starting(quotes, "Both sides condemned terrorism")
    assert continued.direct and continued.speaker is not None and continued.speaker.name == "Rajnath Singh"


def test_find_quotes_seed_report_reported_speech(report: tuple[Article, list[Quote]]) -> None:
    _, quotes = report
    reported = _starting(quotes, "Nakatani expressed solidarity with India")
    assert not reported.direct and reported.speaker is not None and reported.speaker.name == "Rajnath Singh"


def test_find_quotes_seed_report_no_duplicates(report: tuple[Article, list[Quote]]) -> None:
    _, quotes = report
    spans = [(q.start, q.end) for q in quotes]
    assert len(spans) == len(set(spans))
    assert not any(q.text.startswith("views and ideas") for q in quotes)


@pytest.mark.parametrize(
    ("prefix", "cue"),
    [
        ("India and Japan share", "stated"),
        ("Defence and security are important pillars", "added"),
        ("Defence exchanges between India", "said"),
        ("Its significance is increasing", "noted"),
    ],
)
def test_find_quotes_seed_preview_the_ministry_speaks(
    preview: tuple[Article, list[Quote]], prefix: str, cue: str
) -> None:
    _, quotes = preview
    quote = _starting(quotes, prefix)
    assert quote.direct and quote.cue == cue
    assert quote.speaker is not None and quote.speaker.kind == "ORG" and "Defence" in quote.speaker.name


def test_find_quotes_according_to(preview: tuple[Article, list[Quote]]) -> None:
    _, quotes = preview
    quote = _starting(quotes, "both sides will exchange")
    assert not quote.direct and quote.speaker is not None and "Defence" in quote.speaker.name


@pytest.mark.parametrize(
    ("text", "speaker", "quoted"),
    [
        (
            '"We will respond to any attack," Prime Minister Benjamin Netanyahu said.',
            "Benjamin Netanyahu",
            "We will respond to any attack,",
        ),
        (
            'Foreign Minister Sergei Lavrov said, "Russia will not accept these sanctions."',
            "Sergei Lavrov",
            "Russia will not accept these sanctions.",
        ),
        (
            "\u201cThe talks were useful and frank,\u201d said President Emmanuel Macron.",
            "Emmanuel Macron",
            "The talks were useful and frank,",
        ),
    ],
)
def test_find_quotes_attributions(text: str, speaker: str, quoted: str) -> None:
    quotes = [q for q in quotes_of(Article(id="q", text=text)) if q.direct]
    assert [q.text for q in quotes] == [quoted]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == speaker
