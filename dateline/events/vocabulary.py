"""The coder's vocabulary: the curated trigger lexicon, the verb dictionary of the knowledge
base, the context cues and the word classes.

``data/events_lexicon.tsv`` says which verb or noun reports which PLOVER type and mode, and which
objects a sense needs or rules out; ``data/events_contexts.tsv`` which cue words put a sentence in
sport, markets or accidents. The knowledge base (``dateline kb build``) adds the CAMEO verb
dictionary compiled to PLOVER (:mod:`dateline.kb.verbs`): thousands of verbs and verb + object /
preposition patterns, and the nouns it names as the object of "launch", "stage", "carry out"
(an incursion, a raid) or derives from its verbs (a siege, a bombardment). The curated lexicon is a
layer over it: where both know a word, the curated entry decides. Without a knowledge base the
curated lexicon works alone. The word classes (light, plan, speech verbs) and type groups here are
what every other module tests against; the only thing decided here is how to repair a lemma the
tagger got wrong ("staged" -> "stag", "slain" -> "slay"). It imports nothing from the rest of the
package.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
import os
import sqlite3
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from dateline import kb
from dateline.kb.verbs import VerbLexicon, load
from dateline.plural import singular

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
    "call lead undertake begin initiate lay engage wage intensify escalate step order command "
    "authorize authorise".split()
)
COMMAND_VERBS = frozenset({"order", "command", "authorize", "authorise"})  # "ordered missile strikes"
HAPPEN_VERBS = frozenset(
    {"happen", "occur", "begin", "start", "end", "resume", "continue", "come", "conclude"}
)
PLAN_VERBS = frozenset(
    "plan intend expect anticipate set schedule prepare aim hope want wish go due likely slate "
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


# Verbs whose object names the event ("launched an offensive", "staged a raid"): the dictionary's
# patterns for them name the nouns that are events of their own.
CARRIER_VERBS = {"launch": None, "stage": None, "conduct": None, "mount": None, "wage": None, "carry": "out"}
NOMINAL_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION", "CONSULT"})
# Nouns derived from the dictionary's verbs of force: "bombard" -> "bombardment", "invade" -> "invasion".
DERIVED_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
ACTION_SUFFIXES = ("ion", "ment", "ing", "ive", "ure", "age", "ade", "down", "strike", "war", "attack")
PLACE_NOUNS = frozenset("land back home base position ground".split())  # where, not what
NOUN_SUFFIXES = (("", "ment"), ("e", "ion"), ("e", "ation"), ("", "ion"), ("", "ation"), ("y", "ication"),
                 ("", "ing"), ("e", "ing"), ("de", "sion"))  # fmt: skip


def kb_path() -> Path:
    """Where the knowledge base is: the file ``dateline.kb`` chooses (``--kb FILE``,
    ``$DATELINE_KB``, else the per-user default). Asked for every verb, so worked out once per
    setting, and once per article inside ``fixed_kb``."""
    fixed = _FIXED.get()
    if fixed is not None:
        return fixed
    return _path_for(os.environ.get("DATELINE_KB"), os.environ.get("XDG_DATA_HOME"))


_FIXED: contextvars.ContextVar[Path | None] = contextvars.ContextVar("dateline_kb_path", default=None)


@contextlib.contextmanager
def fixed_kb() -> Iterator[None]:
    """Within the block the knowledge base is the one chosen when it began: the stages of one
    article ask for it some five hundred times, and reading the environment each time shows."""
    token = _FIXED.set(kb_path())
    try:
        with kb.pinned():
            yield
    finally:
        _FIXED.reset(token)


@functools.lru_cache(maxsize=8)
def _path_for(kb_env: str | None, data_home: str | None) -> Path:
    return kb.default_path()


@dataclass(frozen=True)
class KBVocabulary:
    """The verb dictionary as the coder uses it."""

    verbs: VerbLexicon
    nouns: dict[str, tuple[str, str | None]]  # event noun -> (type, mode)
    carried: frozenset[str] = frozenset()  # nouns known only as a carrier verb's object ("bid")


def kb_vocabulary() -> KBVocabulary | None:
    """The verb dictionary of the knowledge base in use, read once per file; None without one."""
    return _vocabulary_at(str(kb_path()))


@functools.lru_cache(maxsize=4)
def _vocabulary_at(path: str) -> KBVocabulary | None:
    if not Path(path).exists():
        return None
    try:
        verbs = load(path)
    except sqlite3.Error:
        return None  # not a knowledge base (the actor stage says so); the curated lexicon works alone
    if not verbs.verbs:
        return None  # built before verb patterns were part of the knowledge base
    nouns = _event_nouns(verbs)
    carried = frozenset(n for n, (t, _) in _carrier_nouns(verbs).items() if t not in FORCE_TYPES)
    return KBVocabulary(verbs, nouns, carried)


# Nouns of force and protest stay events with any argument ("the offensive against Raqqa"); the others the
# dictionary knows as a carrier's object have common senses of their own ("a takeover bid").
FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})


def use_kb(path: str | Path | None) -> None:
    """Code events with the knowledge base at ``path`` from now on (None: look in the usual place),
    reading it afresh (a file rebuilt in place)."""
    kb.use(path)
    _vocabulary_at.cache_clear()
    _known_verbs_at.cache_clear()
    _LEMMAS.clear()


def _event_nouns(verbs: VerbLexicon) -> dict[str, tuple[str, str | None]]:
    """Nouns that name an event: objects of the dictionary's carrier-verb patterns ("stage an
    incursion"), and nouns of its event verbs that the dictionary itself uses as words
    ("besiege" -> "siege", "bombard" -> "bombardment", "massacre")."""
    nouns = _carrier_nouns(verbs)
    for lemma, entries in verbs.verbs.items():
        for verb in entries:
            if verb.particle or verb.type not in DERIVED_TYPES:
                continue
            forms = [(lemma[: len(lemma) - len(cut)] if cut else lemma) + add
                     for cut, add in NOUN_SUFFIXES if not cut or lemma.endswith(cut)]
            for noun in forms:
                if noun in verbs.words and noun not in nouns:
                    nouns[noun] = (verb.type, verb.mode)  # type: ignore[assignment]
    return nouns


def _carrier_nouns(verbs: VerbLexicon) -> dict[str, tuple[str, str | None]]:
    """The objects of the dictionary's carrier-verb patterns that are nouns of action."""
    votes: dict[str, Counter[tuple[str, str | None]]] = {}
    for lemma, particle in CARRIER_VERBS.items():
        for verb in verbs.verbs.get(lemma, []):
            if verb.particle != particle:
                continue  # "wage war" is a verb of fighting, "carry" alone no carrier
            for p in verb.patterns:
                # One literal word, not a synonym set: "stage an incursion", not "start &CURRENCY".
                if p.type in NOMINAL_TYPES and len(p.objects) == 1 and len(p.objects[0]) == 1 and not p.subject:
                    alt = p.objects[0][0]
                    if len(alt) == 1:
                        votes.setdefault(singular(alt[0]), Counter())[(p.type, p.mode)] += 1
    # A carrier's object is an event when it is itself a verb of the dictionary ("raid", "visit") or
    # has the shape of a noun of action ("incursion", "deployment", "offensive"); "airport" and
    # "ambassador" are what an act is done to, not acts.
    return {
        n: c.most_common(1)[0][0]
        for n, c in votes.items()
        if (n in verbs.verbs or n.endswith(ACTION_SUFFIXES) or "-" in n)
        and n not in PLACE_NOUNS and not n.endswith("ative")
    }


def offered_types(pos: str, lemma: str) -> frozenset[str]:
    """Every PLOVER type the vocabulary gives a trigger word in any of its senses: the curated
    entries and, for a verb, the dictionary's own code and its patterns' codes. The type decision
    chooses among these, so a sentence can only select a sense the word has."""
    return _offered_at(str(kb_path()), pos, lemma)


@functools.lru_cache(maxsize=4096)
def _offered_at(path: str, pos: str, lemma: str) -> frozenset[str]:
    head = lemma.split()[0]
    found = {e.type for e in lexicon().get((pos, head), [])}
    vocab = _vocabulary_at(path)
    if vocab is not None:
        if pos == "V":
            for verb in vocab.verbs.verbs.get(head, []):
                found.update(t for t in (verb.type, *(p.type for p in verb.patterns)) if t)
        elif head in vocab.nouns:
            found.add(vocab.nouns[head][0])
    return frozenset(found)


def _known_verbs() -> frozenset[str]:
    return _known_verbs_at(str(kb_path()))


@functools.lru_cache(maxsize=4)
def _known_verbs_at(path: str) -> frozenset[str]:
    heads = {head for (pos, head) in lexicon() if pos == "V"}
    vocab = _vocabulary_at(path)
    kb_heads = set(vocab.verbs.verbs) if vocab else set()
    return frozenset(heads | kb_heads | LIGHT_VERBS | PLAN_VERBS | SPEECH_VERBS)


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


_LEMMAS: dict[tuple[Path, int, int, int], str] = {}
AUXILIARY_LEMMAS = frozenset({"be", "have", "do"})


def lemma_of(tok: Token) -> str:
    """The token's lemma, repaired when the statistical lemmatizer misses ("staged" -> "stag").

    Asked of most words several times over; the answer depends on the word, its lemma and part of
    speech, and the knowledge base, so it is worked out once for each."""
    key = (kb_path(), tok.lemma, tok.lower, tok.pos)
    found = _LEMMAS.get(key)
    if found is None:
        if len(_LEMMAS) > 200_000:  # a long run's vocabulary keeps growing: start afresh
            _LEMMAS.clear()
        found = _LEMMAS[key] = _repaired_lemma(tok)
    return found


def _repaired_lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    known = _known_verbs()
    if lemma in known or lemma in AUXILIARY_LEMMAS or tok.pos_ not in ("VERB", "AUX"):
        return lemma  # the dictionary's forms file "was" and "are" under IS, not under "be"
    word = tok.lower_
    vocab = kb_vocabulary()
    if vocab is not None and word in vocab.verbs.forms:
        return vocab.verbs.forms[word]
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
