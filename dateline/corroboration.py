"""How many independent reports tell an event, and which sentences can tell none.

A wire agency files a story, then rewrites it, writes it through with new paragraphs, and
updates it as the day goes on; every version is an article of its own, but together they are
one report. Counting them as independent sources is the false corroboration analysts distrust
most, so the merged record counts *independent* reports:

- a near-duplicate copy (found by the story stage) counts with its original, whatever its outlet;
- two articles of the same outlet are one report when their texts overlap heavily (the shorter
  one's word shingles mostly found in the longer: a rewrite or a write-through), or when the
  sentences that carry the event are the same sentence with light edits (an update that keeps
  the paragraph).

Articles whose outlet is unknown are never assumed to share one. ``outlets`` counts distinct
outlets beside it (an article with no outlet named counts as its own).

Live-blog and newsletter chrome ("Sign up to our morning briefing") is no news; a mention whose
sentence is such boilerplate carries no event (``is_boilerplate``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence

SHINGLE = 5
REWRITE_CONTAINMENT = 0.5  # share of the shorter article's shingles found in the longer one
SENTENCE_OVERLAP = 0.6  # word-set Jaccard of two sentences above which they are one sentence edited
RUN = 8  # words in a row that two independent reporters do not write alike

_WORD = re.compile(r"\w+")
_BOILERPLATE = re.compile(
    r"""\b(?:sign\ up\ (?:to|for|here)|subscribe\ (?:to|now|here|for)|newsletters?\b|morning\ briefing|
    evening\ briefing|daily\ briefing\ (?:email|newsletter)|click\ here|tap\ here|follow\ (?:us|our\ live)|
    read\ (?:our|the)\ (?:full\ )?live\ (?:blog|coverage)|live\ blog\b|(?:this|our)\ live\ coverage|
    share\ (?:this|on\ (?:facebook|twitter|whatsapp))|first\ published\ on|this\ article\ (?:was|has\ been)\ amended|
    all\ rights\ reserved|download\ (?:the|our)\ app|email\ us\ at|contact\ us\ (?:at|on)|
    terms\ (?:and|&)\ conditions|privacy\ (?:policy|notice)|cookie\ (?:policy|settings)|
    support\ (?:our|the\ guardian'?s?)\ journalism|make\ a\ (?:contribution|donation)\ to\ (?:us|the)|
    you\ can\ (?:contact|reach)\ (?:me|us)|send\ (?:us\ )?your\ (?:tips|questions|comments))""",
    re.IGNORECASE | re.VERBOSE,
)


def is_boilerplate(sentence: str) -> bool:
    """A page-chrome sentence, not a sentence of news.

    >>> is_boilerplate("Sign up to our morning briefing to get the top stories.")
    True
    >>> is_boilerplate("The minister signed the agreement on Monday.")
    False
    """
    return bool(_BOILERPLATE.search(sentence))


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str) -> frozenset[int]:
    """Hashes of the text's word 5-grams (plain ``hash`` of strings: only ever compared in one process)."""
    w = words(text)
    if len(w) < SHINGLE:
        return frozenset([hash(" ".join(w))]) if w else frozenset()
    return frozenset(hash(" ".join(w[i : i + SHINGLE])) for i in range(len(w) - SHINGLE + 1))


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """Share of the smaller set found in the larger."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


def same_sentence(a: str, b: str) -> bool:
    """The same sentence with light edits (a word changed, a title added, the end rewritten):
    most words shared, or a run of RUN words in the same order.

    >>> same_sentence("Efforts to break the deadlock in the fishing talks would top the agenda.",
    ...               "Efforts to break the deadlock in the fishing talks would top the summit's agenda today.")
    True
    >>> same_sentence("The minister met the envoy on Monday.", "The minister met the press on Friday.")
    False
    """
    la, lb = words(a), words(b)
    wa, wb = set(la), set(lb)
    if not wa or not wb:
        return False
    if len(wa & wb) / len(wa | wb) >= SENTENCE_OVERLAP:
        return True
    runs = {tuple(la[i : i + RUN]) for i in range(len(la) - RUN + 1)}
    return any(tuple(lb[i : i + RUN]) in runs for i in range(len(lb) - RUN + 1))


class _Components:
    def __init__(self, items: Iterable[Hashable]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: Hashable) -> Hashable:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Hashable, b: Hashable) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)  # type: ignore[type-var]

    def count(self) -> int:
        return len({self.find(x) for x in self.parent})


def independent_reports(
    articles: Sequence[str],
    outlet: Callable[[str], str | None],
    copy_of: Callable[[str], str | None],
    sentences: Callable[[str], list[str]],
    text_shingles: Callable[[str], frozenset[int] | None],
) -> int:
    """How many independent reports these articles are (see the module docstring).

    ``sentences(article)`` gives the sentences of the article that carry the event;
    ``text_shingles(article)`` the article's shingles (None when its text is not at hand).
    """
    parts = _Components(articles)
    present = set(articles)
    for a in articles:
        original = copy_of(a)
        if original and original in present:
            parts.union(a, original)
    by_outlet: dict[str, list[str]] = {}
    for a in articles:
        name = outlet(a)
        if name:
            by_outlet.setdefault(name.casefold(), []).append(a)
    for members in by_outlet.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if parts.find(a) == parts.find(b):
                    continue
                if _one_dispatch(a, b, sentences, text_shingles):
                    parts.union(a, b)
    return parts.count()


def _one_dispatch(
    a: str,
    b: str,
    sentences: Callable[[str], list[str]],
    text_shingles: Callable[[str], frozenset[int] | None],
) -> bool:
    if any(same_sentence(x, y) for x in sentences(a) for y in sentences(b)):
        return True
    sa, sb = text_shingles(a), text_shingles(b)
    return bool(sa and sb) and containment(sa, sb) >= REWRITE_CONTAINMENT  # type: ignore[arg-type]


def outlet_count(articles: Sequence[str], outlet: Callable[[str], str | None],
                 copy_of: Callable[[str], str | None]) -> int:
    """Distinct outlets; an article with no outlet named counts as one of its own (its copies with it)."""
    named = {n.casefold() for n in (outlet(a) for a in articles) if n}
    unnamed = {copy_of(a) or a for a in articles if not outlet(a)}
    return len(named) + len(unnamed)
