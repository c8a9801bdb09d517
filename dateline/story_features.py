"""What an article brings to story assignment: its telling words, names, dates, lead and sketch.

Three views are compared together (see :mod:`dateline.stories`): content-word lemmas (*terms*);
people, places, organisations and groups (*entities*, people also by surname, since later
mentions drop given names); and the years and calendar days the text names (*dates*). Beside
them: the lead and the kind of report the headline tells (what a recurring report repeats), and
a MinHash sketch of word shingles for near-duplicates. Computed once per article, in the
parallel stage.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from datasketch import MinHash

from .dates import day_of
from .story_series import lead_words, report_kind

NUM_PERM = 64
SHINGLE = 5
DATELINE_WEIGHT = 2.0  # the dateline counts as two mentions of its place: where the news happened

ENTITY_LABELS = {
    "PERSON": "P",
    "ORG": "O",
    "GPE": "G",
    "LOC": "G",
    "FAC": "F",
    "NORP": "N",
    "EVENT": "E",
    "PRODUCT": "W",
    "WORK_OF_ART": "W",
}
MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY_AFTER = re.compile(_MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![,.]?\d)", re.I)
_DAY_BEFORE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?![a-z])", re.I)
_ISO = re.compile(r"\b((?:19|20)\d\d)[-/](\d{1,2})[-/](\d{1,2})\b")
_PATH_DATE = re.compile(r"/((?:19|20)\d\d)/(\d{1,2}|[a-z]{3})/(\d{1,2})/", re.I)
_YEAR = re.compile(
    r"(?<![\d.,$£€])((?:19[5-9]|20[0-4])\d)(?![\d]|[,.]\d|\s*(?:people|troops|members|dollars))"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|\d+(?:\.\d+)?")
_STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she should
    so some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    yours yourself said says say told tell according reported report reports news http https www com html
    php htm org net co uk story article print index year years day days week weeks month months today
    yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms one two three new people time am pm""".split()
)


@dataclass
class StoryFeatures:
    """What the story stage needs to know about one article; plain data, JSON-ready.

    ``terms`` and ``entities`` map keys to (title-boosted) counts; ``years`` and ``days``
    ("MM-DD") are the calendar anchors the article names, including its publication date;
    ``minhash`` is the MinHash signature of its word shingles (empty for very short texts).
    """

    terms: dict[str, float] = field(default_factory=dict)
    entities: dict[str, float] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    published: str | None = None
    title: str | None = None
    minhash: list[int] = field(default_factory=list)
    own_day: str | None = None  # the publication day, when the lead says that day is when it happened
    lead: list[str] = field(default_factory=list)  # content words of the first sentence (story_series)
    kind: str | None = None  # the kind of recurring report it is, if any ("market", "results", "digest")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryFeatures:
        known = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        return cls(**known)


def story_features(
    text: str,
    title: str | None = None,
    published: str | None = None,
    doc: Any = None,
    actors: Iterable[Any] | None = None,
    events: Iterable[Any] | None = None,
    place: str | None = None,
) -> StoryFeatures:
    """Describe one article for story assignment; pure, so it runs with the per-article stages.

    ``doc`` (a spaCy Doc of ``text``) gives lemmas and named entities; without it a plain
    tokenizer and capitalised word runs stand in. ``actors`` (model.Actor) and ``events``
    (model.Event) add resolved names, countries and event dates when the stages found them;
    ``place`` is the article's dateline ("SEOUL, April 7 (AFP) -"), where its news happened.

    >>> f = story_features("Police in Athens shot Alexandros Grigoropoulos on 6 December 2008.")
    >>> f.years, f.days, "X:grigoropoulos" in f.entities
    ([2008], ['12-06'], True)
    """
    terms: Counter[str] = Counter()
    entities: Counter[str] = Counter()
    if doc is not None:
        terms.update(_doc_terms(doc))
        entities.update(_doc_entities(doc))
    else:
        terms.update(_plain_terms(text))
        entities.update(_plain_entities(text))
    if title:
        for term in _plain_terms(title):  # each title word once, in title order (a set's order is the hash's)
            terms[term] += 2.0
        for key in _plain_entities(title):
            entities[key] += 1.0
    if place:
        for key in _entity_keys("G", place):
            entities[key] += DATELINE_WEIGHT
    for actor in actors or ():
        weight = max(1, len(getattr(actor, "mentions", None) or ()))
        for key in _actor_keys(actor):
            entities[key] += weight
    years, days = _calendar(text)
    lead = lead_words(text)
    for value in [published] + [getattr(e, "date", None) for e in events or ()]:
        _add_iso(value, years, days)
    return StoryFeatures(
        terms=dict(terms),
        entities=dict(entities),
        years=sorted(years),
        days=sorted(days),
        published=published,
        title=title,
        minhash=_minhash(text),
        own_day=_own_day(text, published),
        lead=sorted(lead),
        kind=report_kind(title, lead),
    )


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
LEAD_CHARS = 300


def _own_day(text: str, published: str | None) -> str | None:
    """The publication day, when the lead names that weekday ("Share prices closed up Wednesday",
    published on a Wednesday): the report tells what happened on its own day. Two such reports of
    different days are instalments of a series (a daily market report, a day's results), not one
    event told twice; a follow-up names the day of the event it follows ("the explosion on Tuesday").

    >>> _own_day("Share prices on the exchange closed up Wednesday, dealers said.", "2005-11-02")
    '2005-11-02'
    >>> _own_day("Rescuers on Thursday searched for miners trapped since Tuesday.", "2005-11-02") is None
    True
    """
    day = day_of(published)
    if day is None:
        return None
    lead = text[:LEAD_CHARS].casefold()
    named = set(_WEEKDAY.findall(lead))
    return day.isoformat() if named == {_WEEKDAYS[day.weekday()]} else None


def _doc_terms(doc: Any) -> Counter[str]:
    out: Counter[str] = Counter()
    for tok in doc:
        if tok.is_punct or tok.is_space or tok.like_url:
            continue
        lemma = tok.lemma_.lower() if tok.pos_ not in ("PROPN",) else tok.text.lower()
        if _good_term(lemma):
            out[lemma] += 1
    return out


def _plain_terms(text: str) -> Counter[str]:
    return Counter(w for w in (m.group().lower() for m in _WORD.finditer(text)) if _good_term(w))


def _good_term(word: str) -> bool:
    """Content words and small figures ("6.1", "26"); years are kept apart, as dates."""
    if word[:1].isdigit():
        return len(word) <= 4 and not re.fullmatch(r"(19|20)\d\d", word)
    return len(word) > 1 and word not in _STOP


def _doc_entities(doc: Any) -> Counter[str]:
    out: Counter[str] = Counter()
    for ent in doc.ents:
        kind = ENTITY_LABELS.get(ent.label_)
        if kind:
            out.update(_entity_keys(kind, ent.text))
    return out


def _plain_entities(text: str) -> Counter[str]:
    """Capitalised word runs not at a sentence start: a rough stand-in for NER."""
    out: Counter[str] = Counter()
    for m in re.finditer(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)", text):
        words = [w for w in m.group(1).split() if w.lower() not in _STOP]
        if words:
            out.update(_entity_keys("X", " ".join(words)))
    return out


def _entity_keys(kind: str, name: str) -> list[str]:
    """The keys an entity mention matches on: its full name and, for people, the surname."""
    words = [w for w in re.findall(r"[\w'\-.]+", name.lower()) if w not in ("the", "'s")]
    words = [w.strip(".'") for w in words if w.strip(".'")]
    if not words:
        return []
    keys = [f"{kind}:{' '.join(words)}"]
    if kind in ("P", "X") and len(words) > 1:
        keys.append(f"{kind}:{words[-1]}")
    return keys


def _actor_keys(actor: Any) -> list[str]:
    kind = {"PERSON": "P", "ORG": "O", "COUNTRY": "G"}.get(getattr(actor, "kind", ""), "O")
    keys = _entity_keys(kind, getattr(actor, "name", "") or "")
    if getattr(actor, "country", None):
        keys.append(f"C:{actor.country}")
    return keys


def _calendar(text: str) -> tuple[set[int], set[str]]:
    """Years and month-days the text names ("Dec. 7", "6 December", "/2009/dec/07/")."""
    years = {int(y) for y in _YEAR.findall(text)}
    days: set[str] = set()
    for m in _DAY_AFTER.finditer(text):
        _add_day(MONTHS[m.group(1).lower().rstrip(".")], int(m.group(2)), days)
    for m in _DAY_BEFORE.finditer(text):
        _add_day(MONTHS[m.group(2).lower().rstrip(".")], int(m.group(1)), days)
    for m in list(_ISO.finditer(text)) + list(_PATH_DATE.finditer(text)):
        month = MONTHS.get(m.group(2).lower()) if m.group(2).isalpha() else int(m.group(2))
        if month:
            _add_day(month, int(m.group(3)), days)
    return years, days


def _add_day(month: int, day: int, days: set[str]) -> None:
    if 1 <= month <= 12 and 1 <= day <= 31:
        days.add(f"{month:02d}-{day:02d}")


def _add_iso(value: str | None, years: set[int], days: set[str]) -> None:
    if not value:
        return
    m = re.match(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if m:
        years.add(int(m.group(1)))
        if m.group(3):
            _add_day(int(m.group(2)), int(m.group(3)), days)


@functools.lru_cache(maxsize=1)
def _blank_minhash() -> MinHash:
    """A sketch's permutations depend only on its size and seed: drawn once, not per article."""
    return MinHash(num_perm=NUM_PERM)


def _minhash(text: str) -> list[int]:
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < SHINGLE * 2:
        return []
    base = _blank_minhash()
    mh = MinHash(num_perm=NUM_PERM, permutations=base.permutations, scheme=base.scheme)
    mh.update_batch([" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return [int(v) for v in mh.hashvalues]
