"""Stories: near-duplicate copies and same-event clusters, assigned as articles arrive.

Two articles belong to one story when they report the same real-world event, which is a
stricter relation than "about the same thing": two earthquakes in the same province, two
visits by the same minister, are different stories. Words alone blur that line, so an
article is described by three views that are compared together:

- *terms*: content-word lemmas, weighted by inverse document frequency that the index keeps
  incrementally (rare words say more about which event this is);
- *entities*: people (also by surname, since later mentions drop given names), places,
  organisations and groups — two reports of one event share who and where;
- *dates*: years and calendar days named in the text, the publication date and event dates —
  the cheapest way to tell this year's earthquake from last year's.

Near-duplicates (wire copy reposted with light edits) are found first with MinHash over word
shingles and LSH; a copy joins the story of the first-seen article and points to it with
``duplicate_of``, so later stages do not count it as an independent source.

An article is scored against a story as a whole: text against the centroid of all its members
(so the story is not described by whichever article came first), plus the who/where/when checks
averaged over its members. Assignment is incremental and indexed: candidate stories come from an
inverted index over the article's rarest terms and entities, so the cost of one assignment
depends on how many stories share those keys, not on the size of the store. Nothing is ever
re-clustered, with one exception that arrival order makes necessary: two reports of one event that
came before any report telling both may each have started a story, and an article that belongs to
both as surely as to either (``JOIN_THRESHOLD``) joins them into one.

On mixed wire copy most articles are the only report of their event, and those that share a name
and a topic (one more raid in Afghanistan, one more market close, another minister's defection)
are not one story: between dated reports, what they share must be words of one event, not the
everyday vocabulary that the article's neighbourhood of candidate stories uses too.

>>> from dateline.story_features import story_features
>>> index = StoryIndex()
>>> a = story_features("A magnitude 6.2 earthquake struck Arequipa region on Thursday, March 12, 2015.")
>>> index.assign("a1", a).story_id
'sa1'
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .dates import day_of
from .mention_text import common_words
from .story_features import NUM_PERM, StoryFeatures
from .story_series import digest_and_report, instalments

BANDS = 16  # LSH bands of NUM_PERM // BANDS rows: candidates from Jaccard ~0.5, verified after
DUPLICATE_THRESHOLD = 0.7
STORY_THRESHOLD = 0.20
JOIN_THRESHOLD = 0.55  # an article scoring this with two stories shows they are one
PRIOR_DOCS = 100  # unseen unrelated articles assumed behind every store, so a small store weighs words sanely
COMMON_SHARE = 0.3  # share of those prior articles that use each word of stories_common.txt

@dataclass
class Assignment:
    """Where an article went: its story, the article it copies (if any), and the match score."""

    story_id: str
    duplicate_of: str | None
    score: float


@dataclass
class _Member:
    article_id: str
    features: StoryFeatures
    view: _View
    vector: tuple[dict[str, float], dict[str, float]] | None = None
    vector_docs: int = 0


@dataclass
class _Story:
    """A story's members and the cached sum of their unit term/entity vectors (its centroid)."""

    id: str
    members: list[_Member] = field(default_factory=list)
    centroid: tuple[dict[str, float], dict[str, float]] | None = None
    centroid_norms: tuple[float, float] = (1.0, 1.0)
    centroid_docs: int = 0
    places: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)  # words of the members' people and organisations
    first: dt.date | None = None  # publication dates the story spans
    last: dt.date | None = None

    def date_gap(self, published: str | None) -> int:
        """Days between a publication date and the span of the story's own (0 when inside or unknown)."""
        day = day_of(published)
        if day is None or self.first is None or self.last is None:
            return 0
        return max((self.first - day).days, (day - self.last).days, 0)

    def age(self, published: str | None) -> int:
        """Days between a publication date and the story's earliest report (0 when unknown)."""
        day = day_of(published)
        if day is None or self.first is None or self.last is None:
            return 0
        return max(abs((day - self.first).days), abs((self.last - day).days))

    def extend(self, published: str | None) -> None:
        day = day_of(published)
        if day is not None:
            self.first = day if self.first is None else min(self.first, day)
            self.last = day if self.last is None else max(self.last, day)


class StoryIndex:
    """Assigns articles to stories one at a time; rebuildable from what the store keeps.

    ``threshold`` is the score above which an article joins the best story (else it starts
    one); ``duplicate_threshold`` the estimated word-shingle Jaccard above which it is a copy.
    Document frequencies are counted as articles arrive (``observe`` counts ahead of time,
    e.g. when a whole batch is known, so the first articles are weighted like the last).

    >>> from dateline.story_features import story_features
    >>> index = StoryIndex()
    >>> quake = ("A 6.2 earthquake struck Arequipa region in Peru on March 12, 2015, killing 19 people. "
    ...          "Rescuers pulled survivors from collapsed houses in the town of Yanque as aftershocks "
    ...          "shook the region. The civil defence institute said hundreds of homes were damaged.")
    >>> a = index.assign("a", story_features(quake))
    >>> b = index.assign("b", story_features(quake + " More rain is expected."))
    >>> (b.story_id, b.duplicate_of)
    ('sa', 'a')
    """

    def __init__(
        self,
        threshold: float = STORY_THRESHOLD,
        duplicate_threshold: float = DUPLICATE_THRESHOLD,
        max_candidates: int = 40,
        max_members: int = 24,
        join_threshold: float = JOIN_THRESHOLD,
    ) -> None:
        if not 0.0 < duplicate_threshold <= 1.0:
            raise ValueError(f"duplicate_threshold={duplicate_threshold} must be in (0, 1]")
        self.threshold = threshold
        self.duplicate_threshold = duplicate_threshold
        self.max_candidates = max_candidates
        self.max_members = max_members
        self.n_docs = 0
        self.df: Counter[str] = Counter()
        self.stories: dict[str, _Story] = {}
        self.postings: dict[str, set[str]] = {}
        self.article_story: dict[str, str] = {}
        self.article_copy: dict[str, str | None] = {}
        self._bands: dict[tuple[int, bytes], list[str]] = {}
        self._signatures: dict[str, np.ndarray] = {}
        self._arrival: dict[str, int] = {}
        self._first: dict[str, int] = {}  # story id -> arrival of its first member
        self.join_threshold = join_threshold
        self._joined: list[tuple[str, str]] = []  # (story, the story it was joined into), not yet taken

    @classmethod
    def from_rows(
        cls, rows: Iterable[tuple[str, str, str | None, dict[str, Any]]], **options: Any
    ) -> StoryIndex:
        """Rebuild the index from persisted (article_id, story_id, duplicate_of, features) rows,
        in the order the articles were first assigned."""
        index = cls(**options)
        for article_id, story_id, duplicate_of, features in rows:
            index.add(article_id, story_id, duplicate_of, StoryFeatures.from_dict(features))
        return index

    def observe(self, features: StoryFeatures) -> None:
        """Count an article's terms and entities into the document frequencies."""
        self.n_docs += 1
        self.df.update(features.terms.keys())
        self.df.update(features.entities.keys())

    def assign(self, article_id: str, features: StoryFeatures, observe: bool = True) -> Assignment:
        """Put one article into a story (existing or new) and return where it went.

        An article already in the index gets its earlier assignment back unchanged.
        ``observe=False`` when its frequencies were counted ahead with ``observe``.
        """
        if article_id in self.article_story:
            return Assignment(self.article_story[article_id], self.article_copy[article_id], 1.0)
        if observe:
            self.observe(features)
        original, similarity = self._find_copy(features)
        if original is not None:
            assignment = Assignment(self.article_story[original], original, similarity)
        else:
            story_id, score = self._best_story(features)
            assignment = Assignment(story_id or f"s{article_id}", None, score)
        self.add(article_id, assignment.story_id, assignment.duplicate_of, features, observe=False)
        return assignment

    def add(
        self,
        article_id: str,
        story_id: str,
        duplicate_of: str | None,
        features: StoryFeatures,
        observe: bool = True,
    ) -> None:
        """Record a known assignment (``from_rows`` replays the store through this)."""
        if article_id in self.article_story:
            return
        if observe:
            self.observe(features)
        self.article_story[article_id] = story_id
        self.article_copy[article_id] = duplicate_of
        self._arrival[article_id] = len(self._arrival)
        if features.minhash and duplicate_of is None:
            signature = np.array(features.minhash, dtype=np.uint64)
            self._signatures[article_id] = signature
            for band in _bands(signature):
                self._bands.setdefault(band, []).append(article_id)
        story = self.stories.setdefault(story_id, _Story(story_id))
        if duplicate_of is not None:
            return
        member = _Member(article_id, features, _View.of(features))
        if not story.members:
            self._first[story_id] = self._arrival[article_id]
        story.members.append(member)
        story.places |= place_words(features)
        story.names |= name_words(features)
        story.extend(features.published)
        if story.centroid is not None:
            _accumulate(story, self._member_weights(member))
        for key in list(features.terms) + list(features.entities):
            self.postings.setdefault(key, set()).add(story_id)

    def take_joined(self) -> list[tuple[str, str]]:
        """The stories joined into others since last asked, as (story, the story it is now part of),
        in the order they were joined."""
        joined, self._joined = self._joined, []
        return joined

    def _find_copy(self, features: StoryFeatures) -> tuple[str | None, float]:
        """The first-seen article this one copies, with the estimated shingle Jaccard."""
        if not features.minhash:
            return None, 0.0
        signature = np.array(features.minhash, dtype=np.uint64)
        found: dict[str, None] = {}
        for band in _bands(signature):
            found.update(dict.fromkeys(self._bands.get(band, ())))
        for other in sorted(found, key=self._order):
            jaccard = float(np.mean(self._signatures[other] == signature))
            if jaccard >= self.duplicate_threshold:
                return other, jaccard
        return None, 0.0

    def _order(self, article_id: str) -> int:
        return self._arrival[article_id]

    def _best_story(self, features: StoryFeatures) -> tuple[str | None, float]:
        vector = self._weights(features)
        own = (place_words(features), name_words(features))  # asked of every candidate: once
        best: tuple[str | None, float] = (None, 0.0)
        candidates = self._candidates(vector)
        spread = self._spread(vector[0], candidates)
        also: list[str] = []  # other stories the article belongs to as surely
        for story_id in candidates:
            score = self._story_score(features, vector, self.stories[story_id], own, spread)
            if score >= self.join_threshold:
                also.append(story_id)
            if score > best[1]:
                best = (story_id, score)
        if best[1] < self.threshold:
            return None, best[1]
        if best[0] in also and len(also) > 1:
            return self._join(also), best[1]
        return best

    def _join(self, story_ids: list[str]) -> str:
        """One story of several that an article belongs to as surely as each: two reports of one
        event that arrived before any report telling both started a story each, and the article
        that tells what both tell shows they are one. The story started first keeps its id; the
        others' articles move to it (``take_joined`` tells the store where each went)."""
        keep = min(story_ids, key=lambda s: (self._first.get(s, -1), s))
        target = self.stories[keep]
        for story_id in story_ids:
            if story_id == keep:
                continue
            story = self.stories.pop(story_id)
            for member in story.members:
                target.members.append(member)
                for key in list(member.features.terms) + list(member.features.entities):
                    posted = self.postings.get(key)
                    if posted is not None:
                        posted.discard(story_id)
                        posted.add(keep)
            target.places |= story.places
            target.names |= story.names
            for day in (story.first, story.last):
                if day is not None:
                    target.extend(day.isoformat())
            for article_id, owner in self.article_story.items():
                if owner == story_id:
                    self.article_story[article_id] = keep
            self._first.pop(story_id, None)
            self._joined.append((story_id, keep))
        target.centroid = None  # rebuilt from all its members when next asked for
        return keep

    def _spread(self, weights: dict[str, float], candidates: list[str]) -> Counter[str]:
        """In how many of the candidate stories each of the article's words occurs: the everyday
        vocabulary of the article's neighbourhood. Every story the article's names and words find
        shares "rebels", "raid" and "insurgents" with a report of one more raid in one war,
        or "shares", "index" and "points" with one more market close; a word of one event (the name
        of its pit, its toll, its survivors) is in one of them, or in none."""
        spread: Counter[str] = Counter()
        if len(candidates) < 2:
            return spread
        words = [w for w, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:SPREAD_WORDS]]
        for story_id in candidates:
            centroid = self._centroid(self.stories[story_id])[0]
            spread.update(w for w in words if w in centroid)
        return spread

    def _candidates(self, vector: tuple[dict[str, float], dict[str, float]]) -> list[str]:
        """Stories sharing the article's most telling keys, best-covered first (indexed, not scanned)."""
        hits: dict[str, float] = {}
        for weights, top in ((vector[0], 20), (vector[1], 12)):
            # Ties in weight and in coverage are broken by key and story id, never by a set's
            # (hash-seeded) order, so the same input gives the same stories in every process.
            for key, weight in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:top]:
                for story_id in self.postings.get(key, ()):
                    hits[story_id] = hits.get(story_id, 0.0) + weight
        # a stable order of stories: when the first member arrived, then the id
        first = self._first
        ranked = sorted(hits.items(), key=lambda kv: (-kv[1], first.get(kv[0], -1), kv[0]))
        return [s for s, _ in ranked[: self.max_candidates]]

    def _idf(self, key: str) -> float:
        prior = COMMON_SHARE * PRIOR_DOCS if key in common_words() else 0.0
        return math.log((self.n_docs + PRIOR_DOCS) / (self.df.get(key, 0) + prior + 0.5))

    def _weights(self, features: StoryFeatures) -> tuple[dict[str, float], dict[str, float]]:
        return _normalize(features.terms, self._idf), _normalize(features.entities, self._idf)

    def _story_score(
        self,
        features: StoryFeatures,
        vector: tuple[dict[str, float], dict[str, float]],
        story: _Story,
        own: tuple[set[str], set[str]] | None = None,
        spread: Counter[str] | None = None,
    ) -> float:
        """Text against the story's centroid (all members, equally weighted), plus the mean of the
        who/where/when checks against its members (a bounded sample: the first and the latest).

        A centroid keeps what the members share and thins out what only one says, so a story is
        not described by whichever article happened to arrive first, and comparing against it
        costs the same for a story of three articles and of three thousand.
        """
        if not story.members:
            return 0.0
        centroid = self._centroid(story)
        if self._specific(features, vector, centroid, story, own, spread) < SPECIFIC_MIN:
            return 0.0  # nothing specific in common: shared place names never make one story
        text = text_score(vector, centroid, story.centroid_norms)
        members = story.members
        if len(members) > self.max_members:
            half = self.max_members // 2
            members = members[:half] + members[-half:]
        view = _View.of(features)
        checks = sum(check_score(view, m.view) for m in members) / len(members)
        gap = gap_penalty(story.date_gap(features.published))
        # A chain of daily reports drifts from the event that started it: age counts too, at half.
        age = AGE_SHARE * gap_penalty(story.age(features.published) // AGE_SCALE)
        return text + checks - max(gap, age)

    def _specific(
        self,
        features: StoryFeatures,
        vector: tuple[dict[str, float], dict[str, float]],
        centroid: tuple[dict[str, float], dict[str, float]],
        story: _Story,
        own: tuple[set[str], set[str]] | None = None,
        spread: Counter[str] | None = None,
    ) -> float:
        """What the article and the story share beyond names of places: the part of their word
        cosine carried by content words (IDF-weighted, so rare words count most) that name no
        place, country or people. Every report from Beijing says "Beijing" and "China"; two reports
        of one event also share what happened. Names of people and organisations alone count only
        when they carry much of the cosine (two reports of one celebrity's arrest share little but
        her name; a minister's two meetings in a week share his name and nothing else)."""
        places, names = own or (place_words(features), name_words(features))
        story_places, story_names = story.places, story.names
        named = bare = topical = 0.0
        spread = spread or Counter()
        words, weights = centroid[0], vector[0]
        people = {w for key in features.entities if key[:2] == "P:" for w in key[2:].split()}
        for key in filter(words.__contains__, weights):  # a word the story lacks adds nothing: most words
            # a word the article names a person by is no place because one member's tagger took it for one
            if key in places or (key in story_places and key not in people):
                continue
            shared = weights[key] * words[key]
            named += shared
            if key in people and key in story_names:
                # the person both tell of ("Gemayel"), counted down like any word the neighbourhood's
                # other stories use: a name every story of the week carries says nothing
                topical += PERSON_SHARE * shared / (1 + max(spread[key] - 1, 0) / SPREAD_SCALE)
            # not a word of a name of the article or of the story ("guterre" from "Guterres")
            if key not in names and key not in story_names and key not in _ROLES and (key + "s") not in names \
                    and (key + "s") not in story_names:
                bare += shared
                # a word the neighbourhood's other stories use too is its topic, not this event
                topical += shared / (1 + max(spread[key] - 1, 0) / SPREAD_SCALE)
        norm = story.centroid_norms[0]
        named, bare, topical = named / norm, bare / norm, topical / norm
        if bare < SPECIFIC_BARE and named < SPECIFIC_NAMED:
            # only names in common: Annan appointing an adviser is not Annan's speech on bird flu,
            # nor is the foreign minister's meeting in Tunis his prime minister's talks in Jerusalem
            return 0.0
        if story.first is not None and day_of(features.published) is not None and topical < (
                SPECIFIC_LATER if story.date_gap(features.published) >= 1 else SPECIFIC_SAME):
            # a report of another day shares only its topic's words with the story: one more raid in
            # Afghanistan, the next match of a series, another minister's defection
            return 0.0
        return named

    def _centroid(self, story: _Story) -> tuple[dict[str, float], dict[str, float]]:
        """The sums of the members' unit vectors (divide by ``centroid_norms`` for unit length),
        rebuilt once the collection has grown by a quarter (word weights drift as frequencies are
        counted), else updated as members join."""
        if story.centroid is None or self.n_docs > 1.25 * story.centroid_docs:
            story.centroid, story.centroid_docs = ({}, {}), self.n_docs
            for member in story.members:
                _accumulate(story, self._member_weights(member))
        return story.centroid

    def _member_weights(self, member: _Member) -> tuple[dict[str, float], dict[str, float]]:
        """A member's weighted vectors, recomputed only once the collection has grown by a quarter."""
        if member.vector is None or self.n_docs > 1.25 * member.vector_docs:
            member.vector, member.vector_docs = self._weights(member.features), self.n_docs
        return member.vector


@dataclass
class _View:
    """The who/where/when of an article or a whole story, for the same-event checks."""

    years: set[int] = field(default_factory=set)
    own_days: set[str] = field(default_factory=set)
    days: set[str] = field(default_factory=set)
    salient: dict[str, set[str]] = field(default_factory=lambda: {"P": set(), "G": set(), "K": set()})
    names: dict[str, set[str]] = field(default_factory=lambda: {"P": set(), "G": set(), "K": set()})
    lead: frozenset[str] = frozenset()  # of one article: its lead's words and publication day
    published: str | None = None
    kind: str | None = None

    @classmethod
    def of(cls, features: StoryFeatures) -> _View:
        view = cls()
        view.absorb(features)
        return view

    def absorb(self, features: StoryFeatures) -> None:
        if features.own_day:
            self.own_days.add(features.own_day)
        self.lead, self.published, self.kind = frozenset(features.lead), features.published, features.kind
        self.years.update(features.years)
        self.days.update(features.days)
        salient, names = _salience(features)
        for kind in self.salient:
            self.salient[kind] |= salient[kind]
            self.names[kind] |= names[kind]


def text_score(
    a: tuple[dict[str, float], dict[str, float]],
    b: tuple[dict[str, float], dict[str, float]],
    b_norms: tuple[float, float] = (1.0, 1.0),
) -> float:
    """Shared content: weighted words and weighted names (``b`` divided by ``b_norms``, so a
    centroid kept as a running sum is compared without copying it)."""
    return 0.6 * _cosine(a[0], b[0]) / b_norms[0] + 0.4 * _cosine(a[1], b[1]) / b_norms[1]


def check_score(a: _View, b: _View) -> float:
    """What tells same-event from same-kind-of-event: the same calendar day named, the same
    latest year (news rarely names years after its own), and whether each side's central people
    and places are central, mentioned in passing, or absent in the other."""
    score = 0.0
    if a.years and b.years:
        score += CHECKS["year_agree"] if max(a.years) == max(b.years) else -CHECKS["year_differ"]
    if a.days & b.days:
        score += CHECKS["day_agree"]
    if a.own_days and b.own_days and not a.own_days & b.own_days:
        score -= CHECKS["own_day_differ"]  # each tells its own day's news: a series, not one event
    if (a.lead or a.kind) and instalments(
            a.lead, b.lead, a.published, b.published, bool(a.own_days and b.own_days), (a.kind, b.kind)):
        score -= CHECKS["series"]  # the same lead on another day: the next instalment of a daily report
    elif digest_and_report((a.kind, b.kind), (a.published, b.published)):
        score -= CHECKS["series"]
    for kind in ("P", "G", "K"):
        sa, sb = a.salient[kind], b.salient[kind]
        if not sa or not sb:
            continue
        if sa & sb:
            score += CHECKS[kind + "_agree"]
            if kind == "K" and sa - b.names[kind] and sb - a.names[kind]:
                # China's talks with Romania and China's talks with Sudan: one country shared, and
                # each centred on a partner the other never names
                score -= CHECKS["K_other"]
        elif sa & b.names[kind] or sb & a.names[kind]:
            score -= CHECKS[kind + "_mentioned"]
        else:
            score -= CHECKS[kind + "_conflict"]
    return score


def gap_penalty(days: int) -> float:
    """How much a story's silence counts against a new report: coverage of one event comes in a
    burst, and a report weeks after the last one is about something new unless its words and
    names say otherwise loudly (a trial, an anniversary). Nothing within GAP_FREE days."""
    if days <= GAP_FREE:
        return 0.0
    return min(GAP_MAX, GAP_WEIGHT * math.log2(days / GAP_FREE))


GAP_FREE, GAP_WEIGHT, GAP_MAX = 3, 0.25, 1.0
# Content-word cosine (place names left out) below which an article shares nothing specific with a
# story. On ECB+ every right join is above 0.10; on wire copy, reports that share only a capital's
# or a country's name fall below it.
SPECIFIC_MIN = 0.1
# The part of it carried by words that name no one (below SPECIFIC_BARE), unless the shared names
# carry much (SPECIFIC_NAMED): chosen on ECB+ over shuffled orders, and on wire copy read by hand.
SPECIFIC_BARE, SPECIFIC_NAMED = 0.02, 0.3
# Between dated reports, the part carried by words the neighbourhood's other stories do not use (each
# word counted down by the candidate stories that use it too, SPREAD_SCALE of them halving it): a
# report of another day needs SPECIFIC_LATER of it, one of the same day SPECIFIC_SAME. Read on wire
# copy by hand (two seeded samples of joins); ECB+ items carry no dates, so its figures do not move.
SPECIFIC_LATER, SPECIFIC_SAME = 0.1, 0.05
PERSON_SHARE = 0.25  # what a person both reports name counts among those words, against a word of what happened
SPREAD_SCALE = 4  # other candidate stories using a word that halve what it says
SPREAD_WORDS = 60  # the article's most telling words whose spread over the candidate stories is counted
AGE_SCALE, AGE_SHARE = 2, 0.5  # a story's age counts like a gap of half as many days, at half the weight


CHECKS = {
    "year_agree": 0.08,
    "year_differ": 0.12,
    "day_agree": 0.08,
    "own_day_differ": 0.1,
    "series": 1.0,
    "P_agree": 0.04,
    "P_mentioned": 0.08,
    "P_conflict": 0.08,
    "G_agree": 0.02,
    "G_mentioned": 0.0,
    "G_conflict": 0.03,
    "K_agree": 0.0,  # countries agreeing say little (every report from China names China) ...
    "K_mentioned": 0.0,
    "K_conflict": 0.1,  # ... but reports centred on two different countries are two events
    "K_other": 0.1,  # ... as are reports centred on one country's dealings with two others
}


def _salience(features: StoryFeatures) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per kind (P people by surname, G places and facilities, K the countries those places lie
    in), the central names and all names."""
    counts: dict[str, Counter[str]] = {"P": Counter(), "G": Counter(), "K": Counter()}
    for key, count in features.entities.items():
        kind, name = key.split(":", 1)
        if kind == "G":
            country = _place_country(name)
            if country:
                counts["K"][country] += count
        kind = {"F": "G"}.get(kind, kind)
        if kind == "P" and " " in name:
            continue
        if kind in counts:
            counts[kind][name] += count
    salient, names = {}, {}
    for kind, counter in counts.items():
        top = max(counter.values(), default=0)
        salient[kind] = {k for k, v in counter.items() if v >= max(2, 0.5 * top)}
        names[kind] = set(counter)
    return salient, names


def place_words(features: StoryFeatures) -> set[str]:
    """Words that name places and peoples in an article: the words of its place and nationality
    entities, and terms that are a country, a capital or a nationality by themselves.

    >>> from dateline.story_features import story_features
    >>> sorted(place_words(story_features("The police said Chinese and Thai envoys left Beijing.")))
    ['beijing', 'chinese', 'thai']
    """
    out = {w for key in features.entities if key[:2] in ("G:", "N:") for w in key[2:].split()}
    out.update(t for t in features.terms if not t[:1].isdigit() and _names_a_place(t))
    return out


# Who someone is, not what happened: the words of titles and of the people who speak for them.
_ROLES = frozenset(
    """secretary general secretary-general spokesman spokeswoman spokesperson president vice minister prime
    premier foreign chief deputy official chancellor king queen envoy ambassador governor mayor leader
    counterpart""".split()
)


def name_words(features: StoryFeatures) -> set[str]:
    """Words of the people and organisations an article names (entity keys P, O and X)."""
    return {w for key in features.entities if key[:2] in ("P:", "O:", "X:") for w in key[2:].split()}


@functools.lru_cache(maxsize=65536)
def _place_country(name: str) -> str | None:
    """The country a place entity (lower-cased, as the features keep it) lies in."""
    from .countries import place_country

    return place_country(name.title())


@functools.lru_cache(maxsize=65536)
def _names_a_place(word: str) -> bool:
    from .countries import capital_country, country_name, demonym_country

    return bool(country_name(word) or demonym_country(word) or capital_country(word))


def _bands(signature: np.ndarray) -> list[tuple[int, bytes]]:
    rows = NUM_PERM // BANDS
    return [(b, signature[b * rows : (b + 1) * rows].tobytes()) for b in range(BANDS)]


def _normalize(counts: dict[str, float], idf: Any) -> dict[str, float]:
    weights = {k: (1.0 + math.log(v)) * idf(k) for k, v in counts.items() if v > 0}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {k: w / norm for k, w in weights.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(k, 0.0) for k, w in a.items())


def _accumulate(story: _Story, vector: tuple[dict[str, float], dict[str, float]]) -> None:
    """Add one member's unit vectors to the story's centroid sums, keeping their norms current."""
    assert story.centroid is not None
    norms = []
    for total, weights, norm in zip(story.centroid, vector, story.centroid_norms, strict=True):
        square = norm * norm if total else 0.0
        for key, weight in weights.items():
            old = total.get(key, 0.0)
            total[key] = old + weight
            square += weight * (2 * old + weight)
        norms.append(math.sqrt(max(square, 0.0)) or 1.0)
    story.centroid_norms = (norms[0], norms[1])
