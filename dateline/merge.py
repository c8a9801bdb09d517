"""Merge: one record per real-world event, however many articles mention it.

An event mention is one sentence of one article coding one event. Mentions are the same
event when nothing about them disagrees and something ties them together:

- *type*: equal PLOVER type; a planned and an occurred mention of the same type may be one
  event (the preview and the report of one meeting), a negated or hypothetical one only
  merges with its own kind;
- *actors*: a shared person (by surname) or organisation; a shared country only ties mentions
  of one article, or of reports that agree on both sides of the dyad;
- *date*: each mention's date is read as an interval — a day, a month, a year, an unresolved
  weekday, or, for a mention whose date only repeats its article's publication date, a window
  (an occurred event happened in the week before it, a planned one in the weeks after it);
  mentions dated only by month or year merge only when they share a named actor, since a
  background "in 2005" says little about which of that year's events is meant;
- *place*: different countries are different events (within a story, only the places the
  sentences name: a dateline is where a report was filed, not where the act was).

The merged record keeps every mention as evidence, counts independent sources (near-duplicate
copies count once, with their original), turns a planned event into an occurred one when a
report confirms it (keeping the history), and keeps disagreeing facts side by side in
``conflicts``. Mentions are blocked by type with their story and article, and by type, actor
and named day (the only tie across stories), so merging cost grows with the number of similar
events, not with the number of mentions.

Undated articles get their dates from their story (``story_dates.infer_dates``), which should run
first. How two sides compare lives in ``sides``, what a sentence says beyond who did it (content
words, trigger phrases, towns) in ``mention_text``, what must agree between two tellings of one act
(victims, sums, phases) in ``anchors``, how the place a sentence names and its toll tie or part tellings
of harm in ``tolls_and_places``, how a mention's date reads as a span in ``mention_dates``, and the
record a group of mentions makes (consensus, sources, evidence) in ``merge_record``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from .anchors import (
    ACT_NOUNS,
    HARM,
    OPERATION_VERBS,
    anchors_differ,
    another,
    class_of_acts,
    habitual,
    one_launch,
    operation_object,
    repeated,
    victims,
    within_act,
)
from .corroboration import is_boilerplate
from .countries import fold_igo
from .mention_dates import MAX_DAY, MIN_DAY, REPORT_WINDOW, DateSpan, date_span
from .meetings import (
    MUTUAL,
    lone_and_paired,
    names_the_counterpart,
    other_participants,
    partners_apart,
    side_meeting,
    visit_and_gathering,
)
from .merge_record import MergedEvent, Texts, build_record, identity
from .mention_text import (
    DEFINITE,
    SHARED_WORDS,
    actor_name_words,
    content_words,
    definite_noun,
    is_place_name,
    named_place,
    plain_words,
    stem,
    trigger_phrase,
)
from .model import Actor, Event
from .sides import Side, alike_key, compare_sides, ref_of
from .tolls_and_places import (
    distinct_harm,
    exact_day,
    same_named_day,
    same_place_and_day,
    same_toll_place_and_day,
    unnamed_tie,
)

MERGEABLE_STATUS = {
    "occurred": "real",
    "planned": "real",
    "negated": "negated",
    "hypothetical": "hypothetical",
}


CONFLICT_DAYS = 1  # same-story reports a day apart are one event with a date conflict


# Within a story, a report that names no date may retell an act from weeks before it ("the decision
# to withdraw"), as long as the same named actors did the same thing; not one from a year before.


STORY_LOOKBACK = 62


@dataclass
class EventMention:
    """One event mention with where it comes from."""

    event: Event
    article: str
    published: str | None = None
    story: str | None = None
    duplicate_of: str | None = None
    outlet: str | None = None  # the article's source (agency or outlet), for independent reports
    article_text: str | None = field(default=None, repr=False, compare=False)  # for rewrite detection
    _keys: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _copy: tuple[str, str, str] | None = field(default=None, repr=False, compare=False)
    _sides: tuple[Side, Side] | None = field(default=None, repr=False, compare=False)
    _content: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _words: frozenset[str] | None = field(default=None, repr=False, compare=False)
    _plain: frozenset[str] | None = field(default=None, repr=False, compare=False)

    @property
    def content(self) -> frozenset[str]:
        if self._content is None:
            self._content = content_words(self.event)
        return self._content

    @property
    def plain(self) -> frozenset[str]:
        """Content words the sentence writes in lower case: what happened, not who said so or where."""
        if self._plain is None:
            self._plain = plain_words(self.event)
        return self._plain

    @property
    def words(self) -> frozenset[str]:
        """Content words, the generic news vocabulary ("visit", "talks") kept."""
        if self._words is None:
            self._words = content_words(self.event, keep_common=True)
        return self._words

    @property
    def sides(self) -> tuple[Side, Side]:
        """Source and target as merging compares them (a group stands for its members: "the two
        ministers" is each of them; harm told as done within an act has no target of its own)."""
        if self._sides is None:
            # who died "in the raid" is the raid's toll, on either side of it, not whom it was done to
            target = () if within_act(self.event) else tuple(ref_of(a) for a in self.event.target)
            self._sides = (tuple(ref_of(a) for a in self.event.source), target)
        return self._sides

    @property
    def keys(self) -> frozenset[str]:
        """Actor keys of the event, computed once (a mention is compared with many groups)."""
        if self._keys is None:
            self._keys = frozenset(_mention_keys(self.event))
        return self._keys

    @property
    def copy_key(self) -> tuple[str, str, str]:
        """The mention as syndicated copies repeat it: the original article, the type, the sentence."""
        if self._copy is None:
            text = " ".join(re.findall(r"\w+", self.event.text.casefold()))
            self._copy = (self.duplicate_of or self.article, self.event.type, text)
        return self._copy


def actor_keys(actor: Actor) -> set[str]:
    """What an actor matches on across articles: its surname or name, and its country."""
    keys = set()
    words = re.findall(r"[\w'-]+", actor.name.lower())
    if words and actor.kind != "COUNTRY":
        keys.add("n:" + (words[-1] if actor.kind == "PERSON" else " ".join(words)))
    if actor.country:
        keys.add("c:" + actor.country)
    return keys


@dataclass
class _Group:
    mentions: list[EventMention] = field(default_factory=list)
    spans: list[DateSpan] = field(default_factory=list)
    keys: Counter[str] = field(default_factory=Counter)
    actors: dict[str, str | None] = field(default_factory=dict)
    countries: set[str] = field(default_factory=set)
    named_countries: set[str] = field(default_factory=set)  # of the places the members' sentences name
    stories: set[str] = field(default_factory=set)
    sides: dict[str, set[str]] = field(default_factory=lambda: {"source": set(), "target": set()})
    articles: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    copies: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)
    modes: set[str] = field(default_factory=set)
    phrases: set[str] = field(default_factory=set)
    side_sets: dict[tuple[Side, Side], None] = field(default_factory=dict)  # distinct sides of the members
    name_words: set[str] = field(default_factory=set)  # words of the members' actors' names, stemmed
    triggers: set[str] = field(default_factory=set)
    _content: set[str] | None = None  # content words of the members, gathered when first asked for

    @property
    def content(self) -> set[str]:
        if self._content is None:
            self._content = set().union(*(m.content for m in self.mentions))
        return self._content

    def add(self, mention: EventMention, span: DateSpan) -> None:
        self.mentions.append(mention)
        if mention.event.mode:
            self.modes.add(mention.event.mode)
        phrase = trigger_phrase(mention.event)
        if phrase:
            self.phrases.add(phrase)
        self.side_sets[mention.sides] = None
        self.name_words |= actor_name_words(mention.event)
        self.triggers.add(mention.event.trigger.casefold())
        if self._content is not None:
            self._content |= mention.content
        self.spans.append(span)
        self.articles.add(mention.article)
        self.copies.setdefault(mention.copy_key, set()).add(mention.article)
        place = named_place(mention.event)
        if place:
            self.places.add(place)
        event = mention.event
        if event.source and event.target:
            self.sides["source"].update(a.country for a in event.source if a.country)
            self.sides["target"].update(a.country for a in event.target if a.country)
        self.keys.update(mention.keys)
        for actor in mention.event.source + mention.event.target:
            self.actors.setdefault(identity(actor), actor.country)
        country = _place_country(mention.event)
        if country:
            self.countries.add(country)
            if place:
                self.named_countries.add(country)
        if mention.story:
            self.stories.add(mention.story)


def merge_events(mentions: Iterable[EventMention]) -> list[MergedEvent]:
    """Merge event mentions from many articles into one record per real-world event.

    Mentions are taken in publication order (undated last), so a group forms around the
    earliest report and the result does not depend on the order they are passed in.
    """
    ordered = sorted((m for m in mentions if not is_boilerplate(m.event.text)), key=_mention_order)
    groups: list[_Group] = []
    blocks: dict[tuple[str, ...], set[int]] = {}
    for mention in ordered:
        span = date_span(mention.event, mention.published)
        block_keys = _block_keys(mention, span)
        candidates = sorted({g for key in block_keys for g in blocks.get(key, ())})
        best, best_score = None, 0.0
        for g in candidates:
            score = _match(groups[g], mention, span)
            if score > best_score:
                best, best_score = g, score
        if best is None:
            groups.append(_Group())
            best = len(groups) - 1
        groups[best].add(mention, span)
        for key in block_keys:
            blocks.setdefault(key, set()).add(best)
    _second_chance(groups, blocks)
    texts = Texts()
    merged = [build_record(g.mentions, g.spans, texts) for g in groups if g.mentions]
    seen: dict[str, int] = {}
    for m in sorted(merged, key=lambda m: (m.id, m.articles, [e["sentence"] for e in m.evidence])):
        n = seen.get(m.id, 0)
        seen[m.id] = n + 1
        if n:  # two events told by one trigger of one sentence: keep both, under ids of their own
            m.id = f"{m.id}-{n}"
    return sorted(merged, key=lambda m: (m.date or "9999", m.id))


def _second_chance(groups: list[_Group], blocks: dict[tuple[str, ...], set[int]]) -> None:
    """Give each mention left alone a second look at the groups that formed after it: taken in
    order, "Russia vetoed the resolution" met only "Moscow rejected the draft" (other words), and
    the report that ties them ("Russia vetoed the Security Council resolution") came later."""
    for i, group in enumerate(groups):
        if len(group.mentions) != 1:
            continue
        mention, span = group.mentions[0], group.spans[0]
        block_keys = _block_keys(mention, span)
        candidates = sorted({g for key in block_keys for g in blocks.get(key, ()) if g != i})
        best, best_score = None, 0.0
        for g in candidates:
            if not groups[g].mentions:
                continue
            score = _match(groups[g], mention, span)
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            groups[best].add(mention, span)
            groups[i] = _Group()
            for key in block_keys:
                blocks.setdefault(key, set()).add(best)


def _mention_order(m: EventMention) -> tuple[Any, ...]:
    return (m.published is None, m.published or "", m.article, m.event.sentence, m.event.trigger_start)


def _mention_keys(event: Event) -> set[str]:
    return {k for actor in event.source + event.target for k in actor_keys(actor)}


def _block_keys(mention: EventMention, span: DateSpan) -> list[tuple[str, ...]]:
    """The blocks a mention is filed under and looked up in: its type with its story and its article,
    and, for a mention that names its day, with each actor key and the days around it (across
    stories only a named day ties mentions, so nothing else needs an actor block)."""
    event = mention.event
    kind = f"{event.type}/{MERGEABLE_STATUS.get(event.status, event.status)}"
    keys: list[tuple[str, ...]] = [(kind, "article:" + mention.article)]
    if mention.story:
        keys.append((kind, "story:" + mention.story))
    if exact_day(span):
        days = [(span.lo + dt.timedelta(days=d)).isoformat() for d in range(-CONFLICT_DAYS, CONFLICT_DAYS + 1)]
        keys += [(kind, k, day) for k in sorted(mention.keys) for day in days]
    return keys


def _place_country(event: Event) -> str | None:
    """The country of the event's place; none for a body of nations ("UNITED NATIONS", a report's
    dateline), which is where a report was filed, not a country where things happen."""
    country = (event.location or {}).get("country")
    return None if country == "IGO" else country


def _places_conflict(group: _Group, mention: EventMention, same_story: bool) -> bool:
    """The mention's place is in another country than the group's. Within a story only places the
    sentences name count: a report filed from Brussels about a raid in Valencia carries Brussels as
    its dateline, not as where the raid was."""
    country = _place_country(mention.event)
    if not country:
        return False
    if same_story:
        return bool(named_place(mention.event) and group.named_countries and country not in group.named_countries)
    return bool(group.countries and country not in group.countries)


def _match(group: _Group, mention: EventMention, span: DateSpan) -> float:
    """How well a mention fits a group; 0 when anything disagrees or nothing ties them.

    Who, what, when and where: the type's mode agrees where both say one, no place conflicts,
    the dates fit at their precision, and every member of the group is compatible with the
    mention side by side (``_sides``). What ties them is a shared named actor; failing that,
    the same country and sector on both sides, or on one side with an explicit anchor; a
    mention that names nobody (or only sides the group does not) joins only on an anchor: a
    copy of the same sentence, the same named place on the same day, the same trigger noun
    phrase in the same story.
    """
    event = mention.event
    if mention.article not in group.copies.get(mention.copy_key, (mention.article,)):
        return 100.0  # the same sentence in a copy of the same article: the same event, whatever it names
    same_story = bool(mention.story and mention.story in group.stories)
    if event.mode and group.modes and not any(_modes_agree(event.mode, m) for m in group.modes):
        # how a named man was harmed is told many ways ("the assassination of Tueni", "the car bomb
        # that killed Tueni"): within a story the victim, not the mode, says which killing is meant
        # (an arrest and a sentence of one man are two acts, so coercion keeps its modes apart)
        if not (same_story and event.type == "ASSAULT" and _same_victim(group, mention, span)):
            return 0.0
    if _places_conflict(group, mention, same_story):
        return 0.0
    if _undated_retelling(group, mention, span) and not _same_sentence(group, mention) and (
            habitual(mention.event) or any(habitual(m.event) for m in group.mentions)):
        return 0.0  # "Hamas refuses to recognise Israel", "Israeli daily offensives": a stance, not an act
    if mention.article not in group.articles and not _same_sentence(group, mention) and (
            (span.weak and repeated(event)) or any(s.weak and repeated(m.event) for m, s in zip(
                group.mentions, group.spans))):
        return 0.0  # "have shelled the valley at least 30 times": many acts, not the one a report dates
    if span.weak and all(s.weak for s in group.spans) and not _same_sentence(group, mention) and (
            class_of_acts(mention.event) or any(class_of_acts(m.event) for m in group.mentions)):
        return 0.0  # "most bombings are blamed on the militants": acts counted, in any article, are no act
    if not same_story and not _exact_day_match(group, span):
        return 0.0  # across stories only a day both reports name ties them: a window or a month is not enough
    if same_story and _same_victim(group, mention, span):
        return 8.0  # a man is killed once: "the bomb that killed Tueni", "Tueni was assassinated"
    evidence = _group_evidence(group, mention)
    if evidence is None:
        return 0.0
    strong, weak = evidence
    dyad = strong and strong + weak >= 2  # both sides tie, one of them by name
    # the same sides named alike say little for attacks and arrests: "Israeli troops" and
    # "Palestinians" are the sides of every incident of a conflict
    named_alike = event.type not in HARM and _names_alike(group, mention)
    # within a story, a report may retell an earlier act of the same named actors; the branches
    # below still ask the sentences to tell the same thing unless both sides are named alike
    relaxed = same_story and bool(dyad or strong or (weak and named_alike))
    for other in group.spans:
        if not _dates_fit(span, other, relaxed) and not _date_conflict(
            span, other, same_story, strong + weak
        ):
            return 0.0
    if distinct_harm(group, mention) or _other_parties(group, mention) or side_meeting(group, mention) or (
            visit_and_gathering(group, mention)) or any(
        anchors_differ(event.text, m.event.text, event.type, _at(event), _at(m.event)) for m in group.mentions
    ):
        return 0.0
    if event.type in HARM and not all(one_launch(event, m.event, exact_day(span) and exact_day(s) and s.lo == span.lo)
                                      for m, s in zip(group.mentions, group.spans, strict=True)):
        return 0.0  # "the army started shelling the hills on 3 May" starts a campaign; a strike is one act
    shared = _shared_content(group, mention)
    if another(event.text, event.type) or any(another(m.event.text, m.event.type) for m in group.mentions):
        # "In a separate incident, ...": the sentence says its act is not the others of its article;
        # another report may tell the same act, on the day both name and in the same words
        if mention.article in group.articles or not (same_named_day(group, span) and shared >= SHARED_WORDS):
            return 0.0
    told_alike = (
        (mention.article in group.articles and not (event.source and event.target) and _refers_back(group, event))
        or same_place_and_day(group, event, span, same_story)
        or (same_story and (_same_phrase(group, mention) or shared >= SHARED_WORDS))
    )
    # A day both name ties a dyad's two tellings; but every clash of a conflict's sides that day,
    # and every act done by or to one named actor that day (a trip and a letter), shares the day:
    # those must share a word of what happened, or the actor its role.
    named_day = same_named_day(group, span)
    both_given = bool(event.source and event.target)
    # the same actors named alike in a story do many things: a word of what happened must be shared too
    dyad_told = told_alike or (named_day and (event.type not in HARM or shared >= 1)) or (
        named_alike and _shared_words(group, mention) >= 1)
    told_alike = told_alike or (named_day and (shared >= 1 or (event.type not in HARM and _same_role(group, mention))))
    if strong and not both_given and names_the_counterpart(group, mention):
        strong += 1  # "Hill had met directly with Kim Kye-Gwan", the second participant left unparsed
    if strong >= 2 or (dyad and (not both_given or dyad_told)):
        # Both sides named alike; or one named and the other only the same country under another
        # name ("Wen urged Guangxi", "Wen urged business leaders"), which the same actor's
        # different acts share, so the sentences must also tell the same thing.
        return 10.0 + strong + weak + (1 if same_story else 0)
    if strong and told_alike and (
            shared >= 1 or _shared_words(group, mention) >= SHARED_WORDS or not lone_and_paired(group, mention)):
        # one side named alike, the other unknown: the same actor does many things in a story
        # ("Hu met Bush", "Hu spoke at a gala"), so the sentences must also tell the same thing
        return 5.0 + strong + weak + (1 if same_story else 0)
    if not (_day_level(span) and all(_day_level(s) for s in group.spans)):
        return 0.0  # without a named actor, a month or a year says too little
    # a summit's city sees many meetings a day: a telling that ties by no side must share a word
    # of what happened too ("the talks between Dung and Abe" are not "the two-day meeting")
    anchored = same_toll_place_and_day(group, mention, span) or (
        same_place_and_day(group, event, span, same_story) and (
        bool(weak) or shared >= 1 or _same_trigger(group, mention))) or (same_story and (
        _same_phrase(group, mention) or _told_back(group, mention, span)))
    if not anchored and same_story and not (strong or weak):
        anchored = unnamed_tie(group, mention, span)
    if not anchored and weak and same_story:
        # only countries or generic sides alike ("Russia", "Moscow"): the sentences must tell the
        # same thing too, on a day both name or in many of the same words
        anchored = (same_named_day(group, span) and shared >= 1) or shared >= SHARED_WORDS + 1 or (
            named_alike and shared >= SHARED_WORDS
        )  # "Russia vetoed the resolution" in a story of Russia's veto of the resolution
    if anchored and _undated_retelling(group, mention, span):
        # countries alike, no day named by anyone: background ("an attack blamed on Syria", "China has
        # helped build 900 projects") that any report of the story may repeat with other words
        anchored = shared >= SHARED_WORDS + (0 if _same_trigger(group, mention) else 1)
    if anchored:
        return 2.0 + weak + (1 if same_story else 0)
    return 0.0


def _same_victim(group: _Group, mention: EventMention, span: DateSpan) -> bool:
    """Every telling names the same person harmed, at its own word of harm or as the person its act
    was done to, and their dates fit: within a story, one killing however its doers are told
    ("Washington said the car bomb that killed Tueni", "Rice was outraged by the assassination of
    Tueni")."""
    event = mention.event
    if event.type not in HARM:
        return False
    mine, people = _harmed(mention)
    if not mine:
        return False
    texts = [event.text]
    for m, other in zip(group.mentions, group.spans):
        theirs, their_people = _harmed(m)
        if not mine & theirs:
            return False
        mine, people = mine & theirs, people | their_people
        if not (_dates_fit(span, other, True) or _date_conflict(span, other, True, 2)):
            return False
        texts.append(m.event.text)
    return bool(mine & people) or any(_full_name(name, texts) for name in mine)


def _harmed(mention: EventMention) -> tuple[set[str], set[str]]:
    """Surnames of the people a telling says were harmed (casefolded), and those of them that are
    people among the act's targets."""
    named = {v.casefold() for v in victims(mention.event.text, _at(mention.event))}
    people = {r.name for r in mention.sides[1] if r.person and r.name}
    return named | people, people


def _full_name(surname: str, texts: list[str]) -> bool:
    """Some telling gives the surname with a given name ("Gibran Tueni"): a person, not a group
    harmed in numbers ("four Taliban militants", "three Hamas members")."""
    pattern = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:al-|bin\s+|el-)?(?i:" + re.escape(surname) + r")\b")
    for text in texts:
        for m in pattern.finditer(text):
            if m.group(1) not in ("The", "A", "An", "Two", "Three", "Four", "Five") and not is_place_name(m.group(1)):
                return True
    return False


# Modes that tell one attack in other words: a suicide bombing is a bombing, an assassination is done
# with a bomb or a gun.
_ONE_ATTACK = (frozenset({"explosives", "suicide-attack", "assassinate"}), frozenset({"firearms", "assassinate"}))


def _modes_agree(a: str, b: str) -> bool:
    return a == b or any(a in family and b in family for family in _ONE_ATTACK)


def _same_sentence(group: _Group, mention: EventMention) -> bool:
    """A member tells the act in the very words of the mention: a rewrite of one dispatch repeating
    its sentence, whatever that sentence says of the act's kind."""
    return any(m.copy_key[1:] == mention.copy_key[1:] for m in group.mentions)


def _undated_retelling(group: _Group, mention: EventMention, span: DateSpan) -> bool:
    """A mention from another article that, like every member of the group, names no date of its own."""
    return (mention.article not in group.articles and span.weak and all(s.weak for s in group.spans))


def _same_trigger(group: _Group, mention: EventMention) -> bool:
    """The mention's trigger word is one of the group's (its forms alike: "rejected", "rejects")."""
    mine = _trigger_stem(mention.event.trigger)
    return any(_trigger_stem(t) == mine for t in group.triggers)


def _trigger_stem(trigger: str) -> str:
    """A trigger's stem, spelt one way ("criticised", "criticizing" → "criticiz")."""
    return stem(re.sub(r"is(e|ed|es|ing)$", r"iz\1", trigger.casefold()))


def _other_parties(group: _Group, mention: EventMention) -> bool:
    """Both tell of one party's act, and each names a party of a country the other does not involve:
    Hu's talks with Ghana's president are not his talks with Burundi's, though both are China's
    cooperation on one day of one summit."""
    mine = {fold_igo(r.country) for side in mention.sides for r in side if r.country}
    theirs = {fold_igo(r.country) for sides in group.side_sets for side in sides for r in side if r.country}
    # a body of nations (the UN, the EU) is where many acts are done, not a party that tells them apart
    return bool(mine & theirs and mine - theirs - {"IGO"} and theirs - mine - {"IGO"})


def _shared_content(group: _Group, mention: EventMention) -> int:
    """Content words the mention shares with the group, none of them a name of either's actors
    ("Abbas" in one sentence is who acted there, not what happened in the other)."""
    shared = mention.content & group.content
    if shared:
        shared = shared - group.name_words - actor_name_words(mention.event)
    return len(shared)


def _shared_words(group: _Group, mention: EventMention) -> int:
    """Like ``_shared_content``, with the generic news words kept: two tellings of one act of the
    same named sides may share no more than "visit" ("cancelled a US visit", "scrapped plans to
    visit the United States")."""
    theirs = set().union(*(m.words for m in group.mentions))
    return len((mention.words & theirs) - group.name_words - actor_name_words(mention.event))


def _names_alike(group: _Group, mention: EventMention) -> bool:
    """Every actor the mention names is named so in the group too ("Trump" and "Syria"; a
    country and its capital are one name here)."""
    mine = {alike_key(r) for side in mention.sides for r in side}
    theirs = {alike_key(r) for sides in group.side_sets for side in sides for r in side}
    return bool(mine) and mine <= theirs


def _dates_fit(span: DateSpan, other: DateSpan, relaxed: bool) -> bool:
    """Compatible dates; within a story, once a named actor ties them, a report that gives no date
    of its own may tell of an act from the weeks before it (the decision announced last month)."""
    if span.compatible(other):
        return True
    if not relaxed:
        return False
    return _open_before(span).compatible(_open_before(other))


def _open_before(span: DateSpan) -> DateSpan:
    """A report's window opened to the weeks before it: what an undated occurred report may
    retell, and what an undated plan ("Trump's order to withdraw") may have been decided on."""
    if span.weak and span.hi != MAX_DAY and span.lo != MIN_DAY and span.hi - span.lo <= dt.timedelta(
        days=REPORT_WINDOW
    ):
        return replace(span, lo=span.hi - dt.timedelta(days=STORY_LOOKBACK))
    if span.weak and span.lo != MIN_DAY and span.hi != MAX_DAY:  # an undated plan: from its report on
        return replace(span, lo=span.lo - dt.timedelta(days=STORY_LOOKBACK))
    return span


def _group_evidence(group: _Group, mention: EventMention) -> tuple[int, int] | None:
    """What ties a mention to every member of a group (complete link: one conflict keeps it out)."""
    mine = mention.sides
    mutual = mention.event.type in MUTUAL
    best = (0, 0)
    if mutual and (any(other_participants(mine, theirs) for theirs in group.side_sets)
                   or partners_apart(group, mention)):
        return None
    for theirs in group.side_sets:
        found = compare_sides(mine, theirs, mutual)
        if found is None:
            return None
        best = max(best, found)  # the best single member: a name tied here and a country there is no dyad
    return best


def _at(event: Event) -> int:
    """Where the trigger is in its sentence."""
    return event.trigger_start - event.start


def _same_role(group: _Group, mention: EventMention) -> bool:
    """A named actor the mention shares with the group is on the same side of the act in both
    ("Hu arrived", "Hu's visit"), not the doer in one and the one done to in the other ("Arafat
    headed for Jordan", "the group sent Arafat a letter")."""
    mine = mention.sides
    for theirs in group.side_sets:
        for a, b in ((mine[0], theirs[0]), (mine[1], theirs[1])):
            if any(not x.generic and not y.generic and compare_sides(((x,), ()), ((y,), ()), False)
                   for x in a for y in b):
                return True
    return False


def _refers_back(group: _Group, event: Event) -> bool:
    """The sentence names the group's act by a definite noun ("During the bilateral meeting we
    discussed ...", where a member's trigger was "meeting"): a report refers back to the act it
    has told already, so in its own article it joins the act of its named actor."""
    nouns = {t for t in group.triggers if not t.endswith("ed") and " " not in t}
    if not nouns:
        return False
    words = re.findall(r"[\w'’-]+", event.text.casefold())
    for i, w in enumerate(words):
        if w in nouns and any(x in DEFINITE for x in words[max(0, i - 2) : i]):
            return True
    return False


def _told_back(group: _Group, mention: EventMention, span: DateSpan) -> bool:
    """Within a story, the sentence names the act by a definite noun on a day some member names, or
    names no day in a report from the days after it ("the raid began before dawn on Friday",
    "Friday's raid on the depot", "as the assault went on"): every report of a story refers back
    so to its main act, naming no one. So does harm told as done within the act ("two guards died in
    the raid"), and an operation's own verb told again on an object the sentence makes definite or
    that the act's has ("marines stormed the depot").
    The noun is the group's own, or one of its type's other names for one act (``ACT_NOUNS``)."""
    if mention.event.type not in ACT_NOUNS:
        return False  # a summit's "the meeting" is any of its meetings; a raid's "the raid" is the raid
    if not (same_named_day(group, span) or (span.weak and any(
            exact_day(s) and s.compatible(span) for s in group.spans))):
        return False  # the day a member names, or a report of the days after it that names none
    family = ACT_NOUNS.get(mention.event.type, frozenset())
    verb = mention.event.trigger.casefold().strip()
    if verb in OPERATION_VERBS:
        # "marines stormed the depot" (or "the vault" of the bank they stormed) retells the storming,
        # not "stormed a flat" nor "later stormed the flat"
        target = operation_object(mention.event)
        if not target:
            return False
        retold = [m for m in group.mentions if _trigger_stem(m.event.trigger.casefold().strip()) == _trigger_stem(verb)]
        return bool(retold) and (target[1] or any(
            (told := operation_object(m.event)) and told[0] == target[0] for m in retold))
    nouns = [n for n in (definite_noun(mention.event), within_act(mention.event)) if n]
    return any(_trigger_stem(t) == _trigger_stem(noun) or (noun in family and t in family)
               for noun in nouns for t in group.triggers)


def _same_phrase(group: _Group, mention: EventMention) -> bool:
    phrase = trigger_phrase(mention.event)
    return bool(phrase) and phrase in group.phrases


def _exact_day_match(group: _Group, span: DateSpan) -> bool:
    return exact_day(span) and any(exact_day(s) and s.gap(span) <= CONFLICT_DAYS for s in group.spans)


def _day_level(span: DateSpan) -> bool:
    """The span pins the event to a day or to the days around a report."""
    return span.precision == "day" or span.weekday is not None or (
        span.weak and span.lo != MIN_DAY and span.hi != MAX_DAY
    )


def _date_conflict(a: DateSpan, b: DateSpan, same_story: bool, shared: int) -> bool:
    """Reports of one story that name days a day apart for the same actors: one event whose
    date is in dispute, not two events."""
    return exact_day(a) and exact_day(b) and a.gap(b) <= CONFLICT_DAYS and same_story and shared >= 2
