"""The story index a run assigns articles with: the stories near each article's date, not every story stored.

Rebuilding the whole story index at the start of every run made each run read every stored
article, and kept them all in memory: a run adding a hundred articles to a store of 25,000
cost several times what it cost at 2,500, and a long run's memory grew with what it had
stored. Coverage of one event comes in bursts, and the story score already counts weeks of
silence heavily against a story, so an article is only offered the stories with a report
within about a year of its date (at least ``WINDOW_DAYS / 2`` days, and up to ``1.5 ×
WINDOW_DAYS``, before or after it), and the stories that carry no date at all.

The window is loaded from the store when the first article needs it and moved (rebuilt from
the store) when an article falls outside its middle half: with input in rough date order that
is once per half-year of news. The word and name frequencies that weigh what articles share
are over the whole store, kept by the store as articles are added and carried from one window
to the next, so a word weighs the same whichever window asks. Where the window moves depends
on the input order only, so every engine assigns the same stories.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

from .dates import day_of
from .store import Store
from .stories import Assignment, StoryIndex
from .story_features import StoryFeatures

WINDOW_DAYS = 365


class StoryWindow:
    def __init__(self, store: Store, days: int = WINDOW_DAYS) -> None:
        self.store = store
        self.half = dt.timedelta(days=days)
        self.n_docs, df = store.story_frequencies()
        self.df: Counter[str] = Counter(df)
        self.index: StoryIndex | None = None
        self.center: dt.date | None = None

    def assign(self, article_id: str, features: StoryFeatures) -> Assignment:
        day = day_of(features.published)
        if self.index is None or (day is not None and self._outside(day)):
            self._load(day or self.center or day_of(self.store.latest_published()))
        assert self.index is not None
        assignment = self.index.assign(article_id, features)
        for story, into in self.index.take_joined():
            self.store.join_story(story, into)  # its articles are merged again with their new story's
        return assignment

    def _outside(self, day: dt.date) -> bool:
        return self.center is None or abs(day - self.center) > self.half / 2

    def _load(self, center: dt.date | None) -> None:
        if self.index is not None:
            self.n_docs = self.index.n_docs  # the frequencies go on from where this run has counted
        index = StoryIndex()
        index.df, index.n_docs = self.df, self.n_docs
        if center is None:  # nothing dated is stored: every story is undated
            rows = self.store.story_rows()
        else:
            rows = self.store.story_rows((center - self.half).isoformat(), (center + self.half).isoformat())
        for article_id, story_id, duplicate_of, features in rows:
            if features is not None:
                index.add(article_id, story_id, duplicate_of, StoryFeatures.from_dict(features), observe=False)
        self.index, self.center = index, center
