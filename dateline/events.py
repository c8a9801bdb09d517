"""Political events in PLOVER 2021 categories, one record per event mention.

A trigger lexicon (``data/events_lexicon.tsv``) names the verbs and nouns that report an
event; the dependency parse supplies who did it to whom. Clause analysis sets the status
PLOVER leaves to the coder: ``planned`` ("will host", "is set to host"), ``hypothetical``
("if sealed, would provide"), ``negated`` ("did not attend"). A trigger inside the complement
of a speech act ("agreed to cooperate", "threatened to ban") is that act's content, not a
second event, and a noun that restates its verb ("hosted ... for talks") is the same event.

``to_plover`` turns Dateline's record into strict PLOVER: future cooperation is AGREE,
future hostility is THREATEN, refused cooperation is REJECT.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.model import Actor, Article, Event, Timex
from dateline.temporal import calendar_date

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
HOSTILE_MATERIAL = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
THREAT_MODE = {"PROTEST": "restrict", "SANCTION": "relations", "MOBILIZE": "violence",
               "ASSAULT": "violence", "COERCE": "restrict"}  # fmt: skip
PLOVER_CODES = {"UNO": "IGO", "EUR": "IGO"}  # PLOVER's non-state codes name no UN or EU
DOMESTIC = frozenset({"PROTEST", "COERCE", "CONCEDE"})
NEEDS_RECIPIENT = frozenset({"COOPERATE", "AID", "SANCTION"})  # PLOVER: "Requires recipient: Yes"
COERCE_THREAT_MODE = {"arrest": "arrest", "ban": "ban", "curfew": "restrict", "deport": "expel"}

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
OBLIGATION = frozenset({"must", "should"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "from", "upon", "over")
SEPARATING_PREPS = frozenset(
    "after before since following amid despite unlike until than like ahead prior".split()
)
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_DEPS = ("nsubjpass", "csubjpass")
MUTUAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
INSTRUMENT_MODES = (
    (("suicide",), "suicide-attack"),
    (("bomb", "bombing", "explosive", "explosion", "mine", "minefield", "ied", "grenade", "blast"),
     "explosives"),
    (("tank", "artillery", "shell", "rocket", "missile", "mortar", "airstrike", "helicopter",
      "warplane", "jet", "predator", "drone"), "heavy-weapons"),
    (("gun", "gunfire", "rifle", "gunman", "gunmen", "sniper", "shoot", "shooting", "fire"),
     "firearms"),
    (("machete", "knife", "axe", "stone", "rock", "club"), "primitive"),
)  # fmt: skip
MILITARY_CUES = frozenset(
    "air missile drone rocket military airstrike bomb bombing warplane jet coalition target "
    "retaliatory punitive predator tomahawk".split()
)
LABOUR_CUES = frozenset("worker union employee labour labor wage pay general teacher staff".split())
CASUALTY_VERBS = {"kill": "killed", "wound": "injured", "injure": "injured", "die": "killed"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12,
    "dozens": 24, "hundred": 100, "hundreds": 200, "thousand": 1000, "thousands": 2000,
}  # fmt: skip


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


def _in_context(name: str, nouns: set[str]) -> bool:
    least, cues = contexts()[name]
    return len(nouns & cues) >= least


POLITICAL_SECTORS = frozenset("GOV MIL LEG JUD COP REB INS OPP PTY SPY IGO".split())
DISASTER_TYPES = frozenset({"ASSAULT", "PROTEST", "THREATEN", "REQUEST", "SANCTION"})
MARKET_TYPES = frozenset({"REJECT", "CONCEDE", "RETREAT", "ASSAULT", "COERCE", "PROTEST"})
CAUSE_OF_DAMAGE = frozenset({"blast", "explosion", "bomb", "shell", "missile", "rocket", "fire", "blaze"})


def _off_topic(m: _Mention, nouns: set[str]) -> bool:
    """Whether a mention is sport, a market report or an accident rather than a political event.

    "The Hammers lost five Premiership games", "Genting eased 10 sen", "killed when a tree
    crashed onto a mobile home": without a political actor, the event word is a metaphor or
    a misfortune, not an act of one political actor towards another.
    """
    political = any(
        a.sector in POLITICAL_SECTORS or a.country in ("IGO", "UNO", "EUR", "IMG")
        for a in m.source + m.target
    )
    if not m.nominal:
        subjects = [s for s in _subject_tokens(m.clause)[0] if s.dep_ in SUBJECT_DEPS]
        if any(s.lemma_.lower() in contexts()["accident"][1] for s in subjects) and m.type != "AID":
            return True  # "mud blocked the mouths of the pit"
        if m.type == "COERCE" and any(s.lemma_.lower() in CAUSE_OF_DAMAGE for s in subjects):
            return True  # "the blast destroyed a car": the bombing is the event
        if m.type in MARKET_TYPES and _moves_by_amount(m.trigger):
            return True  # "declined 70 sen to 19.90 ringgit"
    if political:
        return False
    if _in_context("sport", nouns) or _in_context("market", nouns):
        return True
    return m.type in DISASTER_TYPES and _in_context("accident", nouns) and not _in_context("attack", nouns)


def _moves_by_amount(verb: Token) -> bool:
    """A price or index that moves by an amount ("fell 1.1 percent", "eased 10 sen")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "npadvmod") or (c.dep_ == "prep" and c.lower_ in ("to", "by")):
            if any(t.ent_type_ in ("MONEY", "PERCENT") for t in c.subtree):
                return True
    return False


def _lemma(tok: Token) -> str:
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


@dataclass
class _Mention:
    """An event being assembled from one trigger."""

    entry: Entry
    trigger: Token
    clause: Token  # the verb whose clause carries tense, negation and arguments
    nominal: bool
    type: str
    mode: str | None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    status: str = "occurred"
    consumed: set[int] = field(default_factory=set)  # token indices that belong to this trigger
    timex: Timex | None = None
    figures: dict[str, int] = field(default_factory=dict)
    merged: list[Token] = field(default_factory=list)


# --------------------------------------------------------------------------- actor lookup


class _ActorIndex:
    """Actors by character offset, so an argument token finds the actor it mentions."""

    def __init__(self, actors: list[Actor]):
        self.by_id = {a.id: a for a in actors}
        self.spans = sorted(
            ((m.start, m.end, a) for a in actors for m in a.mentions), key=lambda s: (s[0], -s[1])
        )

    def at(self, start: int, end: int, head: int | None = None) -> Actor | None:
        best: tuple[int, int, Actor] | None = None
        for s, e, actor in self.spans:
            if s >= end:
                break
            if e <= start:
                continue
            covers_head = head is not None and s <= head < e
            score = (1 if covers_head else 0, min(e, end) - max(s, start))
            if best is None or score > best[:2]:
                best = (score[0], score[1], actor)
        return best[2] if best else None

    def before(self, offset: int, kind: str) -> Actor | None:
        """The most recently mentioned actor of a kind: "the two ministers ... Their first interaction"."""
        best: tuple[int, Actor] | None = None
        for s, e, actor in self.spans:
            if e <= offset and actor.kind == kind and (best is None or s > best[0]):
                best = (s, actor)
        return best[1] if best else None

    def named(self, text: str) -> Actor | None:
        """An actor mentioned elsewhere under exactly this name ("Benin" ... "Benin police")."""
        low = text.lower()
        for a in self.by_id.values():
            if a.name.lower() == low or any(m.text.lower() == low for m in a.mentions):
                return a
        return None

    def expand(self, actor: Actor) -> list[Actor]:
        """A GROUP stands for its members when they are known."""
        if actor.kind == "GROUP" and actor.members:
            return [self.by_id[m] for m in actor.members if m in self.by_id] or [actor]
        return [actor]


NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "npadvmod"})


NP_PREPS = frozenset({"of", "in", "from", "throughout", "across"})


def _np_prep(tok: Token) -> bool:
    """A prepositional modifier that names who a group is ("rebels in the Ivory Coast")."""
    if tok.dep_ == "prep":
        return tok.lower_ in NP_PREPS
    return tok.dep_ == "pobj" and tok.head.lower_ in NP_PREPS


def _np_bounds(tok: Token, with_preps: bool = False) -> tuple[int, int]:
    """Character span of a noun phrase's core (modifiers, not clauses)."""
    toks = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in NP_DEPS or c.dep_ == "appos" or (with_preps and _np_prep(c)):
                toks.append(c)
                stack.append(c)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return start, end


PRONOUNS = frozenset(
    {
        "it",
        "its",
        "they",
        "their",
        "them",
        "he",
        "his",
        "him",
        "she",
        "her",
        "we",
        "our",
        "us",
        "i",
        "my",
        "me",
    }
)
PRONOUN_KINDS = {"he": "PERSON", "his": "PERSON", "him": "PERSON", "she": "PERSON", "her": "PERSON",
                 "they": "GROUP", "their": "GROUP", "them": "GROUP"}  # fmt: skip


def _speaker_of(tok: Token) -> Token | None:
    """The subject of the speech verb whose complement holds ``tok`` ("Syria says it will ...")."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and _lemma(t.head) in SPEECH_VERBS | {"announce", "promise", "vow"}:
            subj, passive = _subject_tokens(t.head)
            return subj[0] if subj and not passive else None
        t = t.head
    return None


def _antecedent(tok: Token) -> Token | None:
    """What a third-person pronoun stands for: the reporting speaker, else the clause's subject."""
    speaker = _speaker_of(tok)
    if speaker is not None and speaker is not tok:
        return speaker
    clause = _clause_head(tok)
    for _ in range(4):
        subj = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i]
        if subj and subj[0].lower_ not in PRONOUNS:
            return subj[0]
        if clause.head.i == clause.i:
            break
        clause = _clause_head(clause.head)
    return None


def _actor_of(tok: Token, index: _ActorIndex, depth: int = 0) -> Actor | None:
    if tok.lower_ in ("who", "which", "that", "whose"):
        head = tok.head
        while head.dep_ != "relcl" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "relcl" and depth < 3:
            return _actor_of(head.head, index, depth + 1)
    start, end = _np_bounds(tok)
    actor = index.at(start, end, tok.idx)
    if actor is None:
        start, end = _np_bounds(tok, with_preps=True)
        actor = index.at(start, end, tok.idx)
    if actor is None and tok.pos_ == "PROPN":
        actor = index.named(tok.doc.text[_np_bounds(tok)[0] : tok.idx + len(tok.text)]) or index.named(
            tok.text
        )
    if actor is None and tok.lower_ in PRONOUNS and depth < 3:
        antecedent = _antecedent(tok)
        if antecedent is not None:
            actor = _actor_of(antecedent, index, depth + 1)
        if actor is None and tok.lower_ in PRONOUN_KINDS:
            actor = index.before(tok.idx, PRONOUN_KINDS[tok.lower_])
    return actor


def _modifier_actors(tok: Token, index: _ActorIndex) -> list[Actor]:
    """ "Hungarian and Romanian officials": one actor per coordinated modifier."""
    found: list[Actor] = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
            for m in (c, *c.conjuncts):
                actor = index.at(m.idx, m.idx + len(m.text), m.idx)
                if actor is not None and actor not in found:
                    found.append(actor)
    return found if len(found) > 1 else []


def _actors_of(tok: Token, index: _ActorIndex) -> list[Actor]:
    """The actor(s) a noun phrase names, following coordination ("India and Japan")."""
    found: list[Actor] = []
    for t in [tok, *tok.conjuncts]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod",):
            continue
        several = _modifier_actors(t, index)
        if several:
            found += [a for a in several if a not in found]
            continue
        actor = _actor_of(t, index)
        if actor is not None:
            for a in index.expand(actor):
                if a not in found:
                    found.append(a)
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "along":
            for w in prep.subtree:
                if w.dep_ == "pobj":
                    found += [a for a in _actors_of(w, index) if a not in found]
    return found


# --------------------------------------------------------------------------- triggers


def _object_lemmas(verb: Token) -> set[str]:
    """Lemmas of the verb's object phrase heads and their modifiers."""
    lemmas: set[str] = set()
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd") or (
            c.dep_ == "prep" and c.lower_ in ("on", "for", "to", "in", "into")
        ):
            heads = [c] if c.dep_ != "prep" else [g for g in c.children if g.dep_ == "pobj"]
            for h in heads:
                for t in [h, *h.conjuncts]:
                    lemmas.add(t.lemma_.lower())
                    lemmas.update(
                        m.lemma_.lower() for m in t.children if m.dep_ in ("compound", "amod", "nmod")
                    )
                    lemmas.update(
                        g.lemma_.lower()
                        for p in t.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for g in p.children
                    )
    if not any(c.dep_ == "dobj" for c in verb.children):
        lemmas.update(t.lemma_.lower() for t in _window(verb))
    return lemmas


def _window(verb: Token, size: int = 6) -> list[Token]:
    """Nouns just after a verb whose object the parser lost ("shortened by one hour the curfew")."""
    doc = verb.doc
    end = min(verb.i + 1 + size, verb.sent.end)
    return [t for t in doc[verb.i + 1 : end] if t.pos_ == "NOUN"]


def _object_token(verb: Token, objects: frozenset[str]) -> Token | None:
    for t in verb.subtree:
        if (
            t.i != verb.i
            and t.lemma_.lower() in objects
            and t.head.i in (verb.i, *[c.i for c in verb.children])
        ):
            return t
    return next((t for t in _window(verb) if t.lemma_.lower() in objects), None)


def _particle_ok(tok: Token, entry: Entry) -> bool:
    particle = entry.particle
    if particle is None:
        return True
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == particle for c in tok.children)


def _match_verb(tok: Token) -> Entry | None:
    entries = lexicon().get(("V", _lemma(tok)))
    if not entries:
        return None
    objs = _object_lemmas(tok)
    with_particle = [e for e in entries if e.particle and _particle_ok(tok, e)]
    candidates = with_particle or [e for e in entries if not e.particle]
    constrained = [e for e in candidates if e.objects and e.objects & objs]
    if constrained:
        return constrained[0]
    plain = [e for e in candidates if not e.objects]
    if not plain:
        return None
    entry = plain[0]
    if entry.unless & objs:
        return None  # "offered an opportunity", "committed crimes": another sense of the verb
    if "intransitive" in entry.flags and any(c.dep_ == "dobj" for c in tok.children):
        return None  # "demonstrated their skills" is no demonstration
    return entry


def _match_noun(tok: Token) -> Entry | None:
    lemma = tok.lemma_.lower()
    if lemma == "strike":
        mods = {c.lemma_.lower() for c in tok.children if c.dep_ in ("compound", "amod")}
        if "hunger" in mods:
            return Entry("N", "strike", "PROTEST", "strike-hun", frozenset(), frozenset())
        sentence = {t.lemma_.lower() for t in tok.sent}
        if not (mods | sentence) & LABOUR_CUES and (
            mods & MILITARY_CUES
            or sentence & MILITARY_CUES
            or any(c.dep_ == "prep" and c.lower_ in ("against", "on") for c in tok.children)
        ):
            return Entry("N", "strike", "ASSAULT", "heavy-weapons", frozenset(), frozenset())
    entries = lexicon().get(("N", lemma))
    if not entries:
        return None
    mods = _noun_modifiers(tok)
    for entry in entries:
        if entry.objects and not entry.objects & mods:
            continue  # "war games", not "Premiership games"
        if entry.unless & mods:
            continue  # "declaration of victory"
        if "plural" in entry.flags and tok.tag_ != "NNS":
            continue
        return entry
    return None


def _noun_modifiers(noun: Token) -> set[str]:
    """Lemmas of a noun's modifiers and of its "of" object."""
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    mods.update(
        g.lemma_.lower() for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
    )
    return mods


def _is_verbal(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


def _light_governor(noun: Token) -> Token | None:
    """The verb that carries a nominal event: "held talks", "went on strike", "staged a rally"."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and _lemma(head) in LIGHT_VERBS:
        return head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and _lemma(head.head) in LIGHT_VERBS:
        return head.head
    if noun.dep_ == "nsubjpass" and _lemma(head) in LIGHT_VERBS:
        return head
    if noun.dep_ == "nsubj" and (
        _lemma(head) in HAPPEN_VERBS or any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)
    ):
        return head
    return None


def _clause_head(tok: Token) -> Token:
    """The nearest verb above a token (itself when it is one)."""
    t = tok
    while not _is_verbal(t) and t.head.i != t.i:
        t = t.head
    return t


# --------------------------------------------------------------------------- arguments


def _subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb and whether they are the patient (passive)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS + PASSIVE_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        nearest = before[-1] if before else subjects[0]  # a run-in headline can leave two
        return [nearest], nearest.dep_ in PASSIVE_DEPS
    if verb.dep_ == "relcl":
        return [verb.head], any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "acl":
        return [verb.head], verb.tag_ == "VBN"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        return _subject_tokens(verb.head)
    if verb.dep_ in ("xcomp", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i:
        gov = verb.head if verb.dep_ != "pcomp" else _clause_head(verb.head)
        if gov.dep_ in ("acomp", "oprd") and not _is_verbal(gov):
            gov = gov.head  # "it is willing to withdraw": the subject of "is"
        if verb.dep_ == "xcomp":
            objs = [c for c in gov.children if c.dep_ in ("dobj",)]
            if objs and gov.lemma_.lower() not in PLAN_VERBS:
                return objs, False
        if verb.dep_ in ("xcomp", "advcl") or (verb.dep_ == "pcomp"):
            subj, passive = _subject_tokens(gov)
            if verb.dep_ == "advcl" and verb.tag_ == "VBG":
                passive = False  # "Britain was not involved ..., rejecting an accusation"
            if verb.dep_ == "xcomp" and passive and _lemma(gov) in PLAN_VERBS:
                passive = False
            return subj, passive if verb.dep_ != "xcomp" else passive and gov.lemma_.lower() not in PLAN_VERBS
    return [], False


def _agent_tokens(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    found = []
    for pref in preps:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == pref:
                found += [g for g in c.children if g.dep_ == "pobj"]
    return found


def _first_actors(tokens: list[Token], index: _ActorIndex, exclude: list[Actor]) -> list[Actor]:
    for tok in tokens:
        found = [a for a in _actors_of(tok, index) if a not in exclude]
        if found:
            return found
    return []


def _complement_actor(verb: Token, index: _ActorIndex, exclude: list[Actor]) -> list[Actor]:
    """First actor named in the verb's complements, a last resort for the recipient."""
    for c in verb.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative", "attr") and c.i > verb.i:
            for t in c.subtree:
                if t.pos_ in ("PROPN", "NOUN", "PRON"):
                    found = [a for a in _actors_of(t, index) if a not in exclude]
                    if found:
                        return found
    return []


def _verb_arguments(m: _Mention, index: _ActorIndex) -> None:
    verb = m.trigger
    subj, passive = _subject_tokens(verb)
    agents = _agent_tokens(verb)
    if passive and not agents and "content" in m.entry.flags and m.type == "AGREE":
        passive = False  # "Vietnam is committed to ...": a stance, not a patient
    if passive:
        source = _first_actors(agents, index, [])
        target = _first_actors(subj, index, source)
    else:
        source = _first_actors(subj, index, [])
        target = []
    if not target:
        objs = [c for c in verb.children if c.dep_ in ("dative",)]
        objs += [c for c in verb.children if c.dep_ == "dobj"]
        if m.type in ("REQUEST", "ACCUSE", "THREATEN"):
            objs += [
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp")
                for g in c.children
                if g.dep_ in SUBJECT_DEPS
            ]
        objs += _prep_objects(verb, TARGET_PREPS)
        objs += [
            g
            for c in verb.children
            if c.dep_ == "dobj"
            for g in _prep_objects(c, ("to", "with", "on", "against"))
        ]
        target = _first_actors([o for o in objs if o.i != m.trigger.i], index, source)
    if not target and m.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "AGREE", "SUPPORT"):
        target = _complement_actor(verb, index, source)
    if "swap" in m.entry.flags and not passive:
        source, target = target, source
    m.source, m.target = source, target


def _noun_arguments(m: _Mention, index: _ActorIndex) -> None:
    noun = m.trigger
    light = _light_governor(noun)
    source: list[Actor] = []
    for c in noun.children:
        if (
            c.dep_ in ("compound", "nmod")
            and c.ent_type_ in ("FAC", "LOC")
            or (
                c.dep_ in ("compound", "nmod")
                and c.ent_type_ == "GPE"
                and m.type in HOSTILE_MATERIAL
                and not any(a.kind == "COUNTRY" for a in _actors_of(c, index))
            )
        ):
            continue  # "the Douma attack", "the Manchester Arena bombing": where, not who
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i):
            source += [a for a in _actors_of(c, index) if a not in source]
    patient_of = m.type in HOSTILE_MATERIAL or m.type in ("ACCUSE", "RETREAT")
    source += [
        a
        for a in _first_actors(_prep_objects(noun, ("by",) if patient_of else ("by", "of")), index, source)
        if a not in source
    ]
    if light is not None and not source:
        source = _first_actors(_subject_tokens(light)[0], index, [])
    target_preps = ("against", "with", "to", "into") + (("on", "of") if patient_of else ())
    target = _first_actors(_prep_objects(noun, target_preps), index, source)
    if light is not None and not target:
        target = _first_actors(_prep_objects(light, ("with", "against", "on", "to", "for")), index, source)
    if (
        light is None
        and not source
        and m.type in MUTUAL_TYPES
        and noun.dep_ in ("attr", "pobj", "dobj", "nsubj")
    ):
        between = _prep_objects(noun, ("between",))
        source = _first_actors(between, index, [])
        if source:
            target = []
    if not source and "mutual" in m.entry.flags and m.type == "COOPERATE":
        verb = _clause_head(noun)
        for _ in range(4):
            source = _first_actors(_subject_tokens(verb)[0], index, [])
            if source or verb.head.i == verb.i:
                break
            verb = _clause_head(verb.head)
    m.source, m.target = source, target


# --------------------------------------------------------------------------- clause analysis


def _has_if(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            return True
    return False


def _is_reported(verb: Token) -> bool:
    t = verb
    while t.head.i != t.i:
        if t.dep_ in ("ccomp",) and _lemma(t.head) in SPEECH_VERBS:
            return True
        if t.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        t = t.head
    return False


def _status(clause: Token) -> str:
    """occurred, planned, hypothetical or negated, from the auxiliaries and governing verbs."""
    chain = [clause]
    t = clause
    while t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i:
        t = t.head
        chain.append(t)
    if t.dep_ == "ccomp" and _lemma(t.head) in PLAN_VERBS:
        chain.append(t.head)
    negated = False
    planned = False
    hypothetical = False
    for i, v in enumerate(chain):
        kids = list(v.children)
        lowers = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass", "neg")}
        if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod")) for c in kids):
            negated = True
        if lowers & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in kids):
            planned = True
        if lowers & HYPOTHETICAL_AUX:
            if _has_if(v) or not _is_reported(v):
                hypothetical = True
            else:
                planned = True
        if i > 0 and _lemma(v) in PLAN_VERBS:
            planned = True
        if v.dep_ == "xcomp" and _lemma(v.head) in PLAN_VERBS | {"be"}:
            for c in v.head.children:
                if c.dep_ == "acomp" and _lemma(c) in PLAN_VERBS:
                    planned = True
        if any(c.dep_ == "acomp" and _lemma(c) in PLAN_VERBS for c in kids) and i > 0:
            planned = True
        if (
            v.dep_ == "xcomp"
            and _lemma(v.head) == "be"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)
        ):
            planned = True  # "officials are to hold talks Friday"
        if any(c.dep_ in SUBJECT_DEPS + PASSIVE_DEPS and _says_none(c) for c in kids):
            negated = True  # "no one was injured"
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            hypothetical = True  # "if she ... was charged and convicted"
    for c in clause.children:
        if (
            c.dep_ == "advcl"
            and c.lemma_.lower() in ("seal", "finalise", "finalize", "sign")
            and _has_if(clause)
        ):
            hypothetical = True
    if _purpose_of_other(t):
        planned = True  # "a force raised to fight Isis": an aim, not a report that it happened
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    return "occurred"


def _says_none(tok: Token) -> bool:
    """ "no one", "nobody", "none", "no attack": a subject that denies the event."""
    if tok.lower_ in ("nobody", "none", "noone") or (
        tok.lower_ == "one" and tok.i > 0 and tok.nbor(-1).lower_ == "no"
    ):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _purpose_of_other(verb: Token) -> bool:
    """An infinitive of purpose under a clause that is no event word of its own
    ("raised by Washington to fight Isis", "in a bid to forge peace")."""
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return True
    if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
        return not any(
            c.lower_ in ("first", "last", "only") or c.dep_ == "amod" and c.tag_ == "JJS"
            for c in verb.head.children
        )  # "the first premier to visit Japan"
    return False


PLANNED_MODIFIERS = frozenset(
    "planned proposed scheduled upcoming forthcoming future expected intended prospective".split()
)
POSSIBLE_MODIFIERS = frozenset("possible potential hypothetical".split())


def _nominal_status(noun: Token, status: str) -> str:
    """ "the planned US pullout", "a possible strike", "no attack ever happened"."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"
    if status != "occurred":
        return status
    if mods & POSSIBLE_MODIFIERS:
        return "hypothetical"
    if mods & PLANNED_MODIFIERS:
        return "planned"
    return status


def _content_scope(m: _Mention) -> set[int]:
    """Tokens that are the content of a speech act or stance ("threatened to ban ...")."""
    scope: set[int] = set()
    for head in {m.trigger, m.clause}:
        for c in head.children:
            if _is_purpose(c):
                scope.update(t.i for t in c.subtree)
    if m.type == "PROTEST":  # "demonstrated ..., calling for independence": what the protest demands
        for head in {m.trigger, m.clause}:
            for c in head.children:
                if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG":
                    scope.update(t.i for t in c.subtree)
    if "content" not in m.entry.flags:
        return scope
    for c in m.trigger.children:
        if c.dep_ in ("xcomp", "ccomp", "dobj", "prep", "advcl", "pcomp", "attr", "oprd", "acomp"):
            scope.update(t.i for t in c.subtree)
    return scope


def _is_purpose(tok: Token) -> bool:
    """An infinitive of purpose ("staged rallies to demand reforms", "aimed at establishing")."""
    if tok.dep_ in ("advcl", "xcomp", "acl") and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children
    ):
        return not any(c.dep_ in SUBJECT_DEPS for c in tok.children)
    if tok.dep_ == "acl" and tok.lemma_.lower() == "aim":
        return True
    if (
        tok.dep_ == "prep"
        and tok.lower_ == "in"
        and any(g.lemma_.lower() in ("order", "protest", "response") for g in tok.children)
    ):
        return True
    return False


def _commit_type(m: _Mention, inner: list[_Mention]) -> None:
    """ "vowed to fight" is a threat, "vowed to cooperate" an agreement."""
    if "commit" in m.entry.flags and any(i.type in HOSTILE_MATERIAL for i in inner):
        m.type = "THREATEN"
        m.mode = next((THREAT_MODE[i.type] for i in inner if i.type in THREAT_MODE), None)


# --------------------------------------------------------------------------- extras


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    try:
        return int(float(text))
    except ValueError:
        return NUMBER_WORDS.get(tok.lower_)


def _casualties(sent: Span) -> dict[str, int]:
    """ "26 people were killed", "killing at least 156 people", "wounded two soldiers"."""
    figures: dict[str, int] = {}
    for tok in sent:
        key = CASUALTY_VERBS.get(tok.lemma_.lower())
        if key is None or tok.pos_ != "VERB":
            continue
        for arg in tok.children:
            if arg.dep_ not in ("dobj", "nsubjpass", "nsubj") or (
                arg.dep_ == "nsubj" and tok.lemma_ != "die"
            ):
                continue
            nums = [
                n for n in arg.subtree if n.dep_ in ("nummod", "quantmod") or (n.like_num and n.i != arg.i)
            ]
            nums += [arg] if arg.like_num else []
            values = [v for v in (_number(n) for n in nums) if v is not None]
            if values:
                figures[key] = figures.get(key, 0) + max(values)
    return figures


def _instrument_mode(sent: Span) -> str | None:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    for words, mode in INSTRUMENT_MODES:
        if lemmas & set(words):
            return mode
    return None


def _date_of(timex: Timex | None) -> tuple[str | None, str | None]:
    if timex is None or timex.type not in ("DATE", "TIME"):
        return None, None
    return calendar_date(timex.value)


def _place(m: _Mention, doc: Doc, actors: set[int], others: set[int]) -> dict[str, Any] | None:
    """The clause's own place: "in New Delhi", "at Lao PDR"."""
    roots = [m.trigger, *m.merged]
    if m.clause.i != m.trigger.i and (not m.nominal or _light_governor(m.trigger) is not None):
        roots.append(m.clause)
    for root in roots:
        for tok in _own_subtree(root, others):
            if tok.i in actors or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
                continue
            if tok.ent_type_ in ("GPE", "LOC", "FAC") or (tok.pos_ == "PROPN" and not tok.ent_type_):
                start, end = _np_bounds(tok)
                name = doc.text[start:end]
                name = re.sub(r"^(the|this|a)\s+", "", name, flags=re.I)
                country = _country(name)
                if tok.ent_type_ or country:
                    return {"name": name, "country": country}
    return None


def _own_subtree(root: Token, exclude: set[int]) -> list[Token]:
    """The root's subtree without other events' clauses and without "after ..." phrases."""
    out: list[Token] = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i in exclude or (c.dep_ == "prep" and c.lower_ in SEPARATING_PREPS):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def _country(name: str) -> str | None:
    try:
        from dateline.countries import country_code

        code = country_code(name)
        if code:
            return code
    except Exception:
        pass
    try:
        from dateline.actors import code_actor

        return code_actor(name)[0]
    except Exception:
        return None


# --------------------------------------------------------------------------- assembly


def _triggers(sent: Span) -> list[_Mention]:
    mentions: list[_Mention] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in consumed:
            continue
        if _lemma(tok) in SPEECH_VERBS and _obligation(tok) is not None:
            entry = Entry("V", _lemma(tok), "REQUEST", None, frozenset(), frozenset({"content"}))
            mentions.append(_Mention(entry, tok, tok, False, "REQUEST", None))
        elif _is_verbal(tok) and tok.dep_ not in ("amod", "aux", "auxpass"):
            entry = _match_verb(tok)
            if entry is None:
                continue
            if entry.type == "REQUEST" and _asks_question(tok):
                continue
            m = _Mention(entry, tok, tok, False, entry.type, entry.mode)
            if entry.objects:
                obj = _object_token(tok, entry.objects)
                if obj is not None:
                    m.consumed.add(obj.i)
                    consumed.add(obj.i)
            mentions.append(m)
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN") or tok.pos_ == "PROPN":
            continue
        entry = _match_noun(tok)
        if entry is None:
            continue
        light = _light_governor(tok)
        clause = light if light is not None else _clause_head(tok)
        mentions.append(_Mention(entry, tok, clause, True, entry.type, entry.mode))
    return mentions


def _asks_question(verb: Token) -> bool:
    """ "asked whether he would run", "when asked about it", "Trump asked on Twitter": a question,
    not a request."""
    if _lemma(verb) != "ask":
        return False
    kids = list(verb.children)
    if any(
        c.dep_ in ("xcomp", "dobj", "dative") and c.lower_ not in ("question", "it") for c in kids
    ) and not any(c.dep_ == "ccomp" for c in kids):
        return False  # "asked Britain to ...", "asked for a fee"
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return False
    for c in kids:
        if c.dep_ == "ccomp" and any(
            g.lower_ in ("if", "whether", "what", "why", "how", "who", "when", "where", "which")
            for g in c.subtree
        ):
            return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("when", "if", "as") for c in kids):
        return True  # "when asked about ..."
    before = verb.doc.text[max(0, verb.sent.start_char - 4) : verb.sent.start_char].rstrip()
    return "?" in verb.sent.text or before.rstrip("\"'”’").endswith("?")


def _obligation(verb: Token) -> Token | None:
    """ "Russia said Sudan must return the helicopter": a reported obligation is a demand."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS]
            if subj and subj[0].lower_ not in PRONOUNS | {"i", "you"}:
                return c
    return None


def _attaches(inner: _Mention, outer: _Mention) -> bool:
    """Whether ``inner`` restates ``outer`` (a noun hanging off its verb, a relative clause)."""
    t = inner.trigger
    anchors = {outer.trigger.i}
    if not outer.nominal or _light_governor(outer.trigger) is not None:
        anchors.add(outer.clause.i)
    steps = 0
    while t.head.i != t.i and steps < 6:
        if t.dep_ == "pobj" and t.head.lower_ in SEPARATING_PREPS:
            return False
        if t.dep_ == "prep" and t.lower_ in SEPARATING_PREPS:
            return False
        t = t.head
        steps += 1
        if t.i in anchors:
            return True
    return False


def _merge_same(mentions: list[_Mention]) -> list[_Mention]:
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda m: (_depth(m.trigger), m.nominal, m.trigger.i)):
        host = next((k for k in kept if k.type == m.type and (_attaches(m, k) or _attaches(k, m))), None)
        if host is None:
            kept.append(m)
            continue
        host.merged.append(m.trigger)
        host.source += [a for a in m.source if a not in host.source and a not in host.target]
        host.target += [a for a in m.target if a not in host.target and a not in host.source]
        host.timex = host.timex or m.timex
        if m.status != "occurred" and host.status == "occurred" and host.nominal:
            host.status = m.status
    return kept


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def _assign_timexes(doc: Doc, sent: Span, mentions: list[_Mention], timexes: list[Timex]) -> None:
    anchors: dict[int, _Mention] = {}
    for m in mentions:
        for t in (m.trigger, *m.merged):
            anchors.setdefault(t.i, m)
        anchors.setdefault(m.clause.i, m)
        t = m.clause
        while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
            t = t.head
            anchors.setdefault(t.i, m)
    for tx in timexes:
        if tx.start < sent.start_char or tx.end > sent.end_char or tx.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        while True:
            owner = anchors.get(t.i)
            if owner is not None:
                if owner.timex is None:
                    owner.timex = tx
                break
            if t.head.i == t.i or (t.dep_ == "prep" and t.lower_ in SEPARATING_PREPS):
                break
            t = t.head


def _drop_reference(m: _Mention) -> bool:
    """A bare noun with no actor, date or toll only refers back to an event ("the meeting")."""
    if not m.nominal:
        return False
    if _light_governor(m.trigger) is not None:
        return False
    return not (m.source or m.target or m.timex or m.figures)


def find_events(doc: Doc, article: Article, actors: list[Actor], timexes: list[Timex]) -> list[Event]:
    """Code every event mention in an article.

    >>> # "Rajnath Singh on Monday hosted Gen Nakatani for talks."
    >>> # -> [Event(type="CONSULT", mode="visit", source=[Nakatani], target=[Singh], ...)]
    """
    index = _ActorIndex(actors)
    events: list[Event] = []
    for s_i, sent in enumerate(doc.sents):
        mentions = _triggers(sent)
        if not mentions:
            continue
        scopes = {id(m): _content_scope(m) for m in mentions}
        keep = []
        for m in mentions:
            outers = [o for o in mentions if o is not m and m.trigger.i in scopes[id(o)]]
            if outers:
                continue
            inner = [i for i in mentions if i.trigger.i in scopes[id(m)]]
            _commit_type(m, inner)
            keep.append((m, inner))
        for m, inner in keep:
            (_noun_arguments if m.nominal else _verb_arguments)(m, index)
            if not m.target and "content" in m.entry.flags:
                for i in inner:
                    (_noun_arguments if i.nominal else _verb_arguments)(i, index)
                    m.target = [a for a in i.target if a not in m.source]
                    if m.target:
                        break
            m.status = _status(m.clause)
            if m.nominal:
                m.status = _nominal_status(m.trigger, m.status)
        mentions = [m for m, _ in keep]
        figures = _casualties(sent)
        _assign_timexes(doc, sent, mentions, timexes)
        mentions = _merge_same(mentions)
        if figures:
            assault = next((m for m in mentions if m.type == "ASSAULT"), None)
            if assault is not None:
                assault.figures = figures
        nouns = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN")}
        mentions = [m for m in mentions if not _drop_reference(m) and not _off_topic(m, nouns)]
        instrument = _instrument_mode(sent)
        for m in mentions:
            if m.type == "ASSAULT" and instrument and (m.mode is None or m.mode == "firearms"):
                m.mode = instrument
            others = {x.trigger.i for x in mentions if x is not m}
            events.append(_to_event(m, s_i, sent, doc, article, index, others))
    return events


def _reported_as_news(
    timex: Timex | None, date: str | None, precision: str | None, published: str | None
) -> bool:
    """Whether an event falls in the days around its report, where the dateline places it.

    A dateline names where a story was filed, which is where today's news happened; the
    earlier meeting "in November" or the 2014 agreement a report recalls happened elsewhere
    for all the dateline says.
    """
    if timex is None:
        return True
    if timex.relative and timex.relative.get("weekday") is not None and not timex.relative.get("month"):
        return True
    if not date or not published:
        return False
    if precision == "day":
        try:
            gap = abs((dt.date.fromisoformat(date[:10]) - dt.date.fromisoformat(published[:10])).days)
        except ValueError:
            return False
        return gap <= 7
    return precision == "month" and date[:7] == published[:7]


def _to_event(
    m: _Mention, s_i: int, sent: Span, doc: Doc, article: Article, index: _ActorIndex, others: set[int]
) -> Event:
    date, precision = _date_of(m.timex)
    if date is None and m.timex is None and article.published and m.status in ("occurred", "negated"):
        # A report dates what it says happened; a plan or a condition it names without a date
        # does not happen on the day it is reported.
        date, precision = article.published, "day"
    actor_tokens: set[int] = set()
    for a in m.source + m.target:
        for mention in a.mentions:
            if sent.start_char <= mention.start < sent.end_char:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    actor_tokens.update(t.i for t in span)
    location = _place(m, doc, actor_tokens, others)
    if location is None and article.place and _reported_as_news(m.timex, date, precision, article.published):
        location = {"name": article.place, "country": _country(article.place)}
    if (
        m.type in MUTUAL_TYPES
        and m.mode in (None, "multilateral")
        and any(t.lemma_.lower() in ("sideline", "summit") for t in sent)
    ):
        m.mode = "multilateral"
    return Event(
        type=m.type,
        mode=m.mode,
        status=m.status,
        source=m.source,
        target=m.target,
        trigger=m.trigger.text,
        trigger_start=m.trigger.idx,
        trigger_end=m.trigger.idx + len(m.trigger.text),
        sentence=s_i,
        start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()),
        text=sent.text.rstrip(),
        date=date,
        date_precision=precision,
        timex=m.timex,
        location=location,
        figures=dict(m.figures),
    )


# --------------------------------------------------------------------------- strict PLOVER


def to_plover(event: Event) -> dict[str, Any] | None:
    """The event in strict PLOVER 2021, or None when PLOVER would not code it.

    PLOVER has no future or negated events of its own: "all cooperative actions reported in
    future tense" are AGREE, future hostile acts are THREATEN, refusing future cooperation is
    REJECT; negated past events are left out, and so is any event without a named source
    ("4 people were killed in a bombing"), as the PLOVER manual prescribes.

    >>> # planned CONSULT (Singh will host Nakatani) -> {"type": "AGREE", ...}
    """
    type_, mode, status = event.type, event.mode, event.status
    source, target = event.source, event.target
    if not source:
        return None
    if status in ("planned", "hypothetical"):
        if status == "hypothetical" and not source:
            return None
        if type_ in COOPERATIVE:
            type_, mode = "AGREE", None
        elif type_ in HOSTILE_MATERIAL:
            mode = COERCE_THREAT_MODE.get(mode or "") if type_ == "COERCE" else THREAT_MODE.get(type_)
            type_ = "THREATEN"
    elif status == "negated":
        if type_ not in COOPERATIVE or not _future(event):
            return None
        type_, mode = "REJECT", None
    elif type_ == "CONSULT" and mode in (None, "multilateral", "third-party"):
        source, target = source + [a for a in target if a not in source], []

    def side(actors: list[Actor]) -> list[dict[str, Any]]:
        return [{"country": PLOVER_CODES.get(a.country or "", a.country), "sector": a.sector} for a in actors]

    recipients = side(target)
    if not recipients and type_ in DOMESTIC:
        recipients = _domestic_recipient(event)
    elif not recipients and type_ in NEEDS_RECIPIENT and (event.location or {}).get("country"):
        recipients = [{"country": event.location["country"], "sector": None}]  # type: ignore[index]
    return {"type": type_, "mode": mode, "status": event.status, "source": side(source), "target": recipients}


def _domestic_recipient(event: Event) -> list[dict[str, Any]]:
    """PLOVER codes a protest, a crackdown or a concession with no named recipient against the
    country where it happens (else the source's own country)."""
    country = (event.location or {}).get("country")
    countries = [country] if country else [a.country for a in event.source if a.country]
    return [{"country": c, "sector": None} for c in dict.fromkeys(countries)]


def _future(event: Event) -> bool:
    offset = event.trigger_start - event.start
    text = event.text[max(0, offset - 40) : offset].lower()
    return bool(re.search(r"\b(will|won't|would|shall)\b", text))
