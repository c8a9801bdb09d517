"""The cleaner on the two seed reports (exact expectations) and on the boilerplate kinds real feeds carry."""

from __future__ import annotations

import pytest

from dateline.clean import Dateline, article_id, clean, clean_paragraphs, parse_dateline, split_dateline
from dateline.read import Document, UnreadableInput, read_path


def seed_article(path):
    return clean(next(iter(read_path(str(path)))))


def test_clean_seed_000_ends_with_the_china_seas_paragraph(seed_000):
    a = seed_article(seed_000)
    # the report's last paragraph (on the China seas) ends it, and its first one opens it
    last = a.text.split("\n\n")[-1]
    assert last.startswith("It is learnt") and last.endswith("military posturing.")
    assert a.text.startswith("Defence Minister Rajnath Singh on Monday")
    assert a.place == "New Delhi"
    assert a.published is None
    for noise in ("You may also like", "Navi Mumbai", "Bastoni", "mortgage-backed", "New Delhi |"):
        assert noise not in a.text
    assert len(a.text.split("\n\n")) == 11


def test_clean_seed_003_has_no_boilerplate(seed_003):
    a = seed_article(seed_003)
    assert a.published == "2025-05-04"
    for noise in ("Advertisement", "Scroll to continue", "Also Read", "With inputs from agencies", "date 2025"):
        assert noise not in a.text
    assert a.credits == ["With inputs from agencies"]
    assert a.text.startswith("Defence Minister Rajnath Singh will host")
    last = a.text.split("\n\n")[-1]
    assert last.startswith("“Its significance") and last.endswith("Region,” it further noted.")


def test_clean_ids_are_16_hex_and_stable(seed_000, seed_003):
    a, b = seed_article(seed_000), seed_article(seed_003)
    assert len(a.id) == 16 and int(a.id, 16) >= 0
    assert a.id != b.id
    assert seed_article(seed_000).id == a.id


def test_clean_same_text_from_two_formats_has_one_id():
    body = "Ministers met in Oslo on Friday.\n\nThey agreed to more talks."
    txt = clean(Document(text=body, origin="a.txt"))
    other = clean(Document(text="Ministers  met in Oslo on Friday.\nThey agreed to more talks.\nAdvertisement",
                           origin="b.jsonl#1", source="Wire"))
    assert txt.id == other.id


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement",
        "Advertisement · Scroll to continue",
        "ADVERTISEMENT",
        "Also Read: Minister vows strong response to attack",
        "ALSO READ | Floods hit the coast",
        "Read more: Summit ends without deal",
        "Share this article",
        "Follow us on Twitter",
        "Click here to subscribe to our newsletter",
        "Story continues below advertisement",
        "Subscribe to our daily newsletter",
        "Sponsored content",
        "Copyright 2024 The Daily Example",
        "Sign up for our morning briefing",
    ],
)
def test_clean_drops_boilerplate_lines(line):
    paragraphs, _ = clean_paragraphs(f"Ministers met on Friday.\n{line}\nThey agreed to more talks.")
    assert paragraphs == ["Ministers met on Friday.", "They agreed to more talks."]


@pytest.mark.parametrize("marker", ["You may also like", "Related Stories", "More from World", "Trending Now",
                                    "Recommended for you", "Most Read"])
def test_clean_cuts_related_link_tails(marker):
    paragraphs, _ = clean_paragraphs(f"Ministers met on Friday.\n{marker}\nCelebrity weds in Goa\nStocks rally")
    assert paragraphs == ["Ministers met on Friday."]


@pytest.mark.parametrize(
    "line, credit",
    [
        ("With inputs from agencies.", "With inputs from agencies"),
        ("(With inputs from PTI)", "With inputs from PTI"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "Reporting by Jane Doe; Editing by John Roe"),
        ("-- AFP", "AFP"),
    ],
)
def test_clean_keeps_credits_as_metadata(line, credit):
    paragraphs, credits = clean_paragraphs(f"Ministers met on Friday.\n{line}")
    assert paragraphs == ["Ministers met on Friday."]
    assert credits == [credit]


@pytest.mark.parametrize(
    "text, known, dateline, rest",
    [
        ("New Delhi | Singh hosted Nakatani.", None, Dateline("New Delhi"), "Singh hosted Nakatani."),
        ("KUALA LUMPUR, April 1 (AFP) - Shares fell.", "1997-04-02", Dateline("Kuala Lumpur", "1997-04-01", "AFP"),
         "Shares fell."),
        ("BEIJING, May 3 (Xinhua) -- China said.", "2005-05-03", Dateline("Beijing", "2005-05-03", "Xinhua"),
         "China said."),
        ("WASHINGTON (Reuters) - The U.S. said.", None, Dateline("Washington", None, "Reuters"), "The U.S. said."),
        ("NEW DELHI: India said on Monday.", None, Dateline("New Delhi"), "India said on Monday."),
        ("WELLINGTON, Dec 30 (AFP) - Rain.", "2006-01-02", Dateline("Wellington", "2005-12-30", "AFP"), "Rain."),
        # no agency
        ("LIMA, Oct 9 -- Markets fell.", "2004-10-09", Dateline("Lima", "2004-10-09"), "Markets fell."),
        ("OSLO - The parliament voted.", None, Dateline("Oslo"), "The parliament voted."),
    ],
)
def test_clean_splits_datelines(text, known, dateline, rest):
    assert split_dateline(text, known) == (dateline, rest)


@pytest.mark.parametrize(
    "text",
    ["Officials said - after a pause - that talks would go on.", "India and Japan: a partnership grows.",
     "UNESCO - the UN cultural body - listed the old town.", "OPEC -- which sets quotas -- met again.",
     "The minister said on Monday that talks went well."],
)
def test_clean_leaves_prose_that_is_not_a_dateline(text):
    assert split_dateline(text) == (None, text)


@pytest.mark.parametrize(
    "field, dateline",
    [
        ("KUALA LUMPUR, April 1 , 1997 (AFP)", Dateline("Kuala Lumpur", "1997-04-01", "AFP")),
        ("LIMA, Oct 9 , 2004", Dateline("Lima", "2004-10-09")),  # no agency, and the date is no country
        ("QUITO, Ecuador, Oct 9 , 2004", Dateline("Quito, Ecuador", "2004-10-09")),
        ("NAIROBI", Dateline("Nairobi")),
        ("PERTH, Australia, Jan 3 , 2006 (AFP)", Dateline("Perth, Australia", "2006-01-03", "AFP")),
        ("WASHINGTON, D.C. (AFP)", Dateline("Washington, D.C.", None, "AFP")),
        ("ST. LOUIS", Dateline("St. Louis")),
    ],
)
def test_clean_dateline_given_as_a_field(field, dateline):
    assert parse_dateline(field) == dateline


def test_clean_takes_the_place_of_a_dateline_field():
    a = clean(Document(text="Shares fell.", origin="x", dateline="KUALA LUMPUR, April 1 , 1997 (AFP)",
                       date="1997-04-01"))
    assert (a.place, a.published) == ("Kuala Lumpur", "1997-04-01")


def test_clean_article_with_only_boilerplate_is_refused():
    with pytest.raises(UnreadableInput, match="no article text"):
        clean(Document(text="Advertisement\nYou may also like\nStocks rally", origin="x"))


def test_article_id_ignores_case_spacing_and_punctuation():
    assert article_id("Singh hosted Nakatani.") == article_id("singh  hosted\nnakatani")
    assert article_id("Singh hosted Nakatani.") != article_id("Singh hosted Nakatani twice.")


def test_clean_headline_only_article_is_refused_with_that_reason():
    with pytest.raises(UnreadableInput, match="besides the headline"):
        clean(Document(text="DEMOCRATS WIN CONTROL OF SENATE", origin="x", title="Democrats win control of Senate"))


def test_clean_dateline_without_year_and_a_feed_date_in_another_format():
    a = clean(Document(text="WASHINGTON, May 3 (Reuters) - Talks ended.", origin="x", date="May 4, 2025"))
    assert (a.place, a.published) == ("Washington", "2025-05-04")
    b = clean(Document(text="WASHINGTON, May 3 (Reuters) - Talks ended.", origin="x"))
    assert b.published is None


@pytest.mark.parametrize(
    ("title", "first", "expected"),
    [
        ("ATTENTION - UPDATES toll, ADDS quotes ///", "Troops shelled the port on Monday.", None),
        ("= (PICTURES) = Rescuers dig through the rubble", "The quake struck at dawn.", "Rescuers dig through the rubble"),
        ("quotes ///", "The envoy left Kabul.", None),
        ("by Anna Berg", "The vote was held on Sunday.", None),
        ("for fishing boats", "Harbour fees rise for fishing boats", "Harbour fees rise for fishing boats"),
        ("(Asia-Pacific) Ports agree on joint patrols", "The ports agreed.", "(Asia-Pacific) Ports agree on joint patrols"),
        ("3 soldiers killed in ambush", "Three soldiers died.", "3 soldiers killed in ambush"),
        ("Ministers meet", "The ministers met.", "Ministers meet"),
    ],
)
def test_clean_title_keeps_headlines_and_drops_wire_notes(title, first, expected):
    from dateline.clean import clean_title

    assert clean_title(title, first) == expected


@pytest.mark.parametrize(
    "line",
    [
        "Sponsored by the UN, the talks opened in Geneva on Monday.",
        "Copyright holders sued the streaming service in Paris.",
        "Advertisements for the referendum were banned by the election board.",
        "Subscribers to the pension fund protested outside parliament.",
        "Signing up recruits, the army doubled its reserve.",
    ],
)
def test_clean_keeps_news_that_opens_with_a_chrome_word(line):
    paragraphs, _ = clean_paragraphs(f"Ministers met.\n{line}\nThey agreed.")
    assert line in paragraphs


def test_clean_removes_control_characters_and_mends_cut_surrogates():
    """ESC and BEL would reach the terminal that lists the article; a cut emoji would stop its storing."""
    doc = Document(text="Police held five marchers \x1b[2J in Lima on Friday " + chr(0xD83D) + ".\x07",
                   origin="x.jsonl#1", title="Arrests\x1b[31m in Lima")
    article = clean(doc)
    assert article.text == "Police held five marchers [2J in Lima on Friday \ufffd."
    assert article.title == "Arrests[31m in Lima"
    article.text.encode("utf-8")  # storable
