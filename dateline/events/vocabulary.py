"""The coder's vocabulary: the curated trigger lexicon, the context cues and the word classes.

``data/events_lexicon.tsv`` says which verb or noun reports which PLOVER type and mode, and which
objects a sense needs or rules out; ``data/events_contexts.tsv`` which cue words put a sentence in
sport, markets or accidents. The word classes (light, plan, speech verbs) and type groups here are
what every other module tests against; the only thing decided here is how to repair a lemma the
tagger got wrong ("staged" -> "stag"). It imports nothing from the rest of the package.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE_MATERIAL = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
THREAT_MODE = {"PROTEST": "restrict", "SANCTION": "relations", "MOBILIZE": "violence",
               "ASSAULT": "violence", "COERCE": "restrict"}  # fmt: skip
LIGHT_VERBS = frozenset(
    "hold stage launch conduct mount carry begin start continue have make express issue lodge "
    "file go resume open complete announce reiterate join declare impose take organize organise "
    "call lead undertake begin initiate".split()
)
HAPPEN_VERBS = frozenset(
    {"happen", "occur", "begin", "start", "end", "resume", "continue", "come", "conclude"}
)
PLAN_VERBS = frozenset(
    "plan intend expect anticipate set schedule prepare aim hope want go due likely slate "
    "willing ready prepared poised decide agree".split()
)
SPEECH_VERBS = frozenset(
    "say tell announce state add note declare insist conclude report claim stress "
    "emphasise emphasize reiterate write explain indicate".split()
)
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})


@dataclass(frozen=True)
class Entry:
    """One lexicon line: a trigger and what it means."""

    pos: str
    lemma: str
    type: str
    mode: str | None
    objects: frozenset[str]
    flags: frozenset[str]
    unless: frozenset[str] = frozenset()

    @property
    def particle(self) -> str | None:
        parts = self.lemma.split()
        return parts[1] if len(parts) > 1 else None

    @property
    def head(self) -> str:
        return self.lemma.split()[0]


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], list[Entry]]:
    """Trigger entries by (pos, head lemma); read once per process."""
    table: dict[tuple[str, str], list[Entry]] = {}
    text = resources.files("dateline.data").joinpath("events_lexicon.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pos, lemma, type_, mode, objects, flags, unless = (line.split("\t") + ["-"] * 7)[:7]
        if type_ not in TYPES:
            raise ValueError(f"events lexicon: unknown type {type_!r} for {lemma!r}; use one of {TYPES}")
        entry = Entry(
            pos=pos,
            lemma=lemma,
            type=type_,
            mode=None if mode == "-" else mode,
            objects=frozenset() if objects == "-" else frozenset(objects.split(",")),
            flags=frozenset() if flags == "-" else frozenset(flags.split(",")),
            unless=frozenset() if unless == "-" else frozenset(unless.split(",")),
        )
        table.setdefault((pos, entry.head), []).append(entry)
    return table


@functools.lru_cache(maxsize=1)
def _known_verbs() -> frozenset[str]:
    heads = {head for (pos, head) in lexicon() if pos == "V"}
    return frozenset(heads | LIGHT_VERBS | PLAN_VERBS | SPEECH_VERBS)


@functools.lru_cache(maxsize=1)
def contexts() -> dict[str, tuple[int, frozenset[str]]]:
    """Cue lemmas of contexts where event words are not political events (sport, markets ...),
    with how many cues a sentence needs to be in the context."""
    table: dict[str, tuple[int, frozenset[str]]] = {}
    text = resources.files("dateline.data").joinpath("events_contexts.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, least, words = line.split("\t")[:3]
            table[name] = (int(least), frozenset(w.strip() for w in words.split(",")))
    return table


def in_context(name: str, nouns: set[str]) -> bool:
    least, cues = contexts()[name]
    return len(nouns & cues) >= least


def lemma_of(tok: Token) -> str:
    """The token's lemma, repaired when the statistical lemmatizer misses ("staged" -> "stag")."""
    lemma = tok.lemma_.lower()
    known = _known_verbs()
    if lemma in known or tok.pos_ not in ("VERB", "AUX"):
        return lemma
    word = tok.lower_
    for cut, add in (
        ("ied", "y"),
        ("ies", "y"),
        ("ed", "e"),
        ("ed", ""),
        ("d", ""),
        ("ing", "e"),
        ("ing", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(cut):
            stem = word[: -len(cut)] + add
            if stem in known:
                return stem
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in known:
                return stem[:-1]
    return lemma
