"""Which words of a sentence report an event, and in which sense of the lexicon.

A verb matches an entry by its lemma, its particle and its object ("lifted the curfew" is a
concession, "offered an opportunity" no offer); a noun by its modifiers ("war games", not
"Premiership games"), and "strike" is told apart as a labour, hunger or military strike. The
object a verb entry needs is consumed so it is not a second trigger. A reported "must" makes a
speech verb a demand, and "asked whether" is a question, not a request (both decided in
:mod:`.status`).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .mention import Mention
from .status import asks_question, obligation
from .syntax import clause_head, is_verbal, light_governor
from .vocabulary import SPEECH_VERBS, Entry, lemma_of, lexicon

MILITARY_CUES = frozenset(
    "air missile drone rocket military airstrike bomb bombing warplane jet coalition target "
    "retaliatory punitive predator tomahawk".split()
)
LABOUR_CUES = frozenset("worker union employee labour labor wage pay general teacher staff".split())


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
    entries = lexicon().get(("V", lemma_of(tok)))
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


def find_triggers(sent: Span) -> list[Mention]:
    mentions: list[Mention] = []
    consumed: set[int] = set()
    for tok in sent:
        if tok.i in consumed:
            continue
        if lemma_of(tok) in SPEECH_VERBS and obligation(tok) is not None:
            entry = Entry("V", lemma_of(tok), "REQUEST", None, frozenset(), frozenset({"content"}))
            mentions.append(Mention(entry, tok, tok, False, "REQUEST", None))
        elif is_verbal(tok) and tok.dep_ not in ("amod", "aux", "auxpass"):
            entry = _match_verb(tok)
            if entry is None:
                continue
            if entry.type == "REQUEST" and asks_question(tok):
                continue
            m = Mention(entry, tok, tok, False, entry.type, entry.mode)
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
        light = light_governor(tok)
        clause = light if light is not None else clause_head(tok)
        mentions.append(Mention(entry, tok, clause, True, entry.type, entry.mode))
    return mentions
