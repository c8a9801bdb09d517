"""Recurring reports (a market's close, a day's results, a news digest) are instalments, not stories."""

from __future__ import annotations

import pytest

from dateline.annotate import parse
from dateline.stories import StoryIndex
from dateline.story_features import story_features
from dateline.story_series import instalments, lead_overlap, lead_words, report_kind

MARKET = [
    ("Manila shares close higher", "2024-03-04",
     "The Philippine Stock Exchange index rose 21.4 points to close at 6,912.30 on Monday, led by banking "
     "shares. Turnover reached 5.2 billion pesos, dealers said. Ayala Land and BDO Unibank gained."),
    ("Manila shares end lower", "2024-03-05",
     "Share prices in Manila ended lower on Tuesday as investors took profits, with the main index down "
     "33.8 points at 6,878.52. Turnover was 4.1 billion pesos. SM Investments and Jollibee fell."),
    ("Manila stocks finish flat", "2024-03-06",
     "The Philippine Stock Exchange index closed almost unchanged on Wednesday at 6,880.10, up 1.58 points, "
     "in thin trading. Turnover was 3.9 billion pesos, dealers said."),
]

FERRY = [
    ("Ferry capsizes off Mindoro", "2024-03-04",
     "A passenger ferry carrying 180 people capsized in rough seas off the island of Mindoro on Monday, "
     "the Philippine coast guard said. Rescuers pulled 95 survivors from the water near Puerto Galera."),
    ("Divers recover bodies from Mindoro ferry", "2024-03-05",
     "Navy divers on Tuesday recovered 41 bodies from the wreck of the ferry that sank off Mindoro, as "
     "relatives waited at the pier in Puerto Galera. The coast guard said the ferry had been overloaded."),
    ("Ferry owner charged over Mindoro sinking", "2024-03-07",
     "Prosecutors on Thursday charged the owner of the ferry that capsized off Mindoro with reckless "
     "imprudence resulting in homicide. The coast guard said the ferry had sailed despite a storm warning."),
]


def assign(index: StoryIndex, key: str, title: str, day: str, text: str) -> str:
    return index.assign(key, story_features(text, title, day, doc=parse(text))).story_id


def test_stories_a_daily_market_report_is_not_one_story_across_days():
    """Three closes of one market share the index, the exchange and the vocabulary of trading, and no
    event: three stories. Three reports of one sinking on three days, each with its own news: one."""
    index = StoryIndex()
    markets = [assign(index, f"m{i}", *item) for i, item in enumerate(MARKET)]
    ferries = [assign(index, f"f{i}", *item) for i, item in enumerate(FERRY)]
    assert len(set(markets)) == 3
    assert len(set(ferries)) == 1


DIGEST = ("Asia news advisory -- March 5", "2024-03-05",
          "The following major news stories are scheduled to be covered by the agency on Tuesday: -- Navy "
          "divers recover bodies from the ferry that capsized off Mindoro. -- Manila shares end lower.")


def test_stories_a_digest_of_the_days_news_joins_none_of_its_stories():
    index = StoryIndex()
    ferry = assign(index, "f0", *FERRY[0])
    digest = assign(index, "d", *DIGEST)
    again = assign(index, "f1", *FERRY[1])
    assert digest != ferry and again == ferry


@pytest.mark.parametrize(
    "title, lead, kind",
    [
        ("Oslo stock market closes down", "The benchmark OBX fell 21.40 points to 2,310.75 on Monday.", "market"),
        ("Dollar steady in Tokyo", "The dollar traded at 119 yen in Tokyo on Friday, dealers said, as the euro rose.",
         "market"),
        ("Gold price higher in Hong Kong", "The gold price rose 35 dollars a tael on Wednesday.", "market"),
        ("Oil prices end higher", "Oil prices rose on Wednesday on falling gas inventories.", "market"),
        ("China wins diving gold", "China won the men's team diving gold medal on Sunday, with Japan taking silver.",
         "results"),
        ("Asia news highlights", "The following major news stories are scheduled to be covered by the agency.",
         "digest"),
        # a digest lists market closes among its headlines, and is a digest
        ("Domestic news items of the day", "The following are news items issued today: Shanghai stocks close "
         "higher; highlights of the capital's newspapers; rail link opens.", "digest"),
        ("Arsenal beat Wigan to go second in Premiership",
         "Arsenal climbed to second in the Premiership on Sunday after a late striker's header gave them a 2-1 "
         "victory over visiting Wigan.", "match"),
        # a party league's victory at the polls is politics, not football
        ("Awami League claims poll win", "The Awami League won a clear victory in the vote, its leaders said at "
         "home on Sunday.", None),
        # a company's shares in a takeover story: an event, not a market report
        ("Qantas agrees takeover offer", "Shares in Qantas jumped on Monday after a consortium tabled its bid.", None),
        # a typhoon is an event, however often weather is reported
        ("Typhoon nears Manila", "Typhoon Durian gained strength on Thursday as it headed for Manila.", None),
        # oil in politics is no market report
        ("Iran threatens oil exports", "Iran said on Monday it would cut oil exports to Europe.", None),
        ("Minister visits Hanoi", "The foreign minister held talks in Hanoi on Monday on trade and security.", None),
    ],
)
def test_stories_the_kind_of_recurring_report(title, lead, kind):
    assert report_kind(title, lead_words(lead)) == kind


@pytest.mark.parametrize(
    "a, b, days, own, apart",
    [
        # the same lead, figures and weekday changed, on two days: instalments
        ("The main index of the Oslo exchange fell 21.40 points to 2,310.75 on Tuesday in thin trading.",
         "The main index of the Oslo exchange rose 8.15 points to 2,318.90 on Wednesday in thin trading.", ("2024-03-05", "2024-03-06"),
         False, True),
        # the same lead on the same day: an update of one dispatch
        ("The main index of the Oslo exchange fell 21.40 points to 2,310.75 on Tuesday in thin trading.",
         "The main index of the Oslo exchange fell 21.45 points to 2,310.70 on Tuesday in thin trading.", ("2024-03-05", "2024-03-05"),
         False, False),
        # half alike, each telling its own day's news: instalments
        ("Rescuers pulled eleven survivors from the collapsed factory in Savar on Tuesday.",
         "Rescuers pulled two more survivors from the rubble of the factory in Savar on Wednesday.",
         ("2024-03-05", "2024-03-06"), True, True),
        # half alike without that mark: not called instalments
        ("Rescuers pulled eleven survivors from the collapsed factory in Savar on Tuesday.",
         "Rescuers pulled two more survivors from the rubble of the factory in Savar on Wednesday.",
         ("2024-03-05", "2024-03-06"), False, False),
        # a follow-up opens with what is new
        ("A ferry carrying 180 people capsized off Mindoro on Monday.",
         "Prosecutors charged the owner of the ferry that capsized off Mindoro.", ("2024-03-04", "2024-03-07"),
         True, False),
    ],
)
def test_stories_instalments_by_their_leads(a, b, days, own, apart):
    assert instalments(lead_words(a), lead_words(b), days[0], days[1], own) == apart


@pytest.mark.parametrize(
    "a, b, days, apart",
    [
        # two markets' closes of one day, each a market report: instalments
        ("The Philippine Stock Exchange index rose 21.4 points on Monday, led by banks.",
         "Tokyo stocks ended lower on Monday as exporters fell on a stronger yen.", ("2024-03-04", "2024-03-04"),
         True),
        # an update of one market's close repeats its lead: one report
        ("The Philippine Stock Exchange index rose 21.4 points on Monday, led by banks.",
         "The Philippine Stock Exchange index rose 21.6 points on Monday, led by banks and telecoms.",
         ("2024-03-04", "2024-03-04"), False),
    ],
)
def test_stories_one_days_reports_of_one_kind(a, b, days, apart):
    la, lb = lead_words(a), lead_words(b)
    assert instalments(la, lb, days[0], days[1], False, ("market", "market")) == apart


def test_stories_a_lead_too_short_says_nothing():
    assert lead_overlap(lead_words("Shares rose."), lead_words("Shares rose.")) == 0.0
