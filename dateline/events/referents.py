"""Which actor a token names: the actors stage's mentions by character offset, pronouns and
descriptions resolved to the actor they stand for, and a group no dictionary names read from its
words ("gunmen loyal to ...", "rebel positions", "their forces").

:mod:`dateline.events.arguments` asks this module for the actors of the phrases it takes as an
event's sides.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from spacy.tokens import Doc, Token

from dateline.actors import code_actor
from dateline.actors.descriptions import term
from dateline.actors.places import country_label
from dateline.countries import country_name, demonym_country
from dateline.kb.codes import NON_STATE
from dateline.model import Actor
from dateline.model import Mention as ActorMention

from .syntax import PRONOUNS, SUBJECT_DEPS, clause_head, np_bounds, subject_tokens
from .vocabulary import SPEECH_VERBS, kb_path, lemma_of

# Nouns of one who heads a body, whose sector is the body's: "intelligence chief", "army boss".
CHIEF_NOUNS = frozenset({"chief", "head", "boss"})
# Nouns of a body's command, which stand for the body that owns them: "the insurgents' leadership".
COMMAND_NOUNS = frozenset("leadership command ranks wing camp side".split())


class ActorIndex:
    """Actors by character offset, so an argument token finds the actor it mentions."""

    def __init__(self, actors: list[Actor]):
        self.by_id = {a.id: a for a in actors}
        self.generics: dict[tuple[int, int], Actor] = {}
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

    def before(self, offset: int, kind: str, exclude: frozenset[int] | set[int] = frozenset()) -> Actor | None:
        """The most recently mentioned actor of a kind: "the two ministers ... Their first interaction"."""
        best: tuple[int, Actor] | None = None
        for s, e, actor in self.spans:
            if e <= offset and actor.kind == kind and actor.id not in exclude:
                best = (s, actor) if best is None or s > best[0] else best
        return best[1] if best else None

    def last(self, offset: int, fits: Callable[[Actor], bool]) -> Actor | None:
        """The actor named last before ``offset`` that ``fits`` (only actors the actor stage found)."""
        best: tuple[int, Actor] | None = None
        for s, e, actor in self.spans:
            if s >= offset:
                break
            if e <= offset and actor.id >= 0 and fits(actor) and (best is None or s > best[0]):
                best = (s, actor)
        return best[1] if best else None

    def named(self, text: str) -> Actor | None:
        """An actor mentioned elsewhere under exactly this name ("Benin" ... "Benin police")."""
        low = text.lower()
        for a in self.by_id.values():
            if a.name.lower() == low or any(m.text.lower() == low for m in a.mentions):
                return a
        return None

    def countries_within(self, start: int, end: int) -> set[str]:
        """The states named in ``start:end``, as countries or as their people's nationality (not
        an institution, whose country may be the article's own: "police said")."""
        return {
            a.country for s, e, a in self.spans
            if start <= s and e <= end and a.kind in ("COUNTRY", "PERSON") and a.country
            and a.country not in NON_STATE and a.id >= 0
        }

    def generic(self, name: str, start: int, end: int, country: str | None, sector: str | None) -> Actor:
        """An actor for a group the actor stage did not list, made once per phrase."""
        key = (start, end)
        if key not in self.generics:
            actor = Actor(id=-1 - len(self.generics), name=name, kind="GROUP", country=country, sector=sector,
                          mentions=[ActorMention(start, end, name)])
            self.generics[key] = actor
        return self.generics[key]

    def expand(self, actor: Actor) -> list[Actor]:
        """A GROUP stands for its members when they are known."""
        if actor.kind == "GROUP" and actor.members:
            return [self.by_id[m] for m in actor.members if m in self.by_id] or [actor]
        return [actor]


PRONOUN_KINDS = {"he": "PERSON", "his": "PERSON", "him": "PERSON", "she": "PERSON", "her": "PERSON",
                 "they": "GROUP", "their": "GROUP", "them": "GROUP"}  # fmt: skip


def _speaker_of(tok: Token) -> Token | None:
    """The subject of the speech verb whose complement holds ``tok`` ("Syria says it will ..."),
    unless ``tok`` is a third person inside the speaker's own quoted words: in '"They decided
    to execute him," Berg said', "him" is not Berg."""
    if tok.lower_ in THIRD_PERSON and _in_quotes(tok):
        return None
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "ccomp" and lemma_of(t.head) in SPEECH_VERBS | {"announce", "promise", "vow"}:
            subj, passive = subject_tokens(t.head)
            if subj and _news_medium(subj[0]):
                return None  # "..., state television reported": who tells the news is no party to it
            return subj[0] if subj and not passive else None
        if t.dep_ == "acl" and t.head.pos_ == "NOUN" and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            # "officials rejected the rebels' claim that they had taken the town": the claim's
            # owner says it, not whoever tells of the claim
            owners = [c for c in t.head.children if c.dep_ == "poss"]
            owners += [g for c in t.head.children if c.dep_ == "prep" and c.lower_ == "of"
                       for g in c.children if g.dep_ == "pobj"]
            if owners and owners[0].lower_ not in PRONOUNS:
                return owners[0]  # a claim of no owner ("the possibility that we ...") is the speaker's
        t = t.head
    return None


THIRD_PERSON = frozenset({"he", "his", "him", "she", "her", "they", "their", "them"})
OPENING_QUOTES = frozenset({'"', "“"})


def _in_quotes(tok: Token) -> bool:
    """Whether a token lies inside quotation marks opened earlier in its sentence and not yet closed."""
    doc, i = tok.doc, tok.i
    open_ = False
    while i > 0 and not doc[i].is_sent_start:
        i -= 1
    for t in doc[i : tok.i]:
        if t.text == "“":
            open_ = True
        elif t.text == "”":
            open_ = False
        elif t.text == '"':
            open_ = not open_
    return open_


def _news_medium(tok: Token) -> bool:
    """Whether a subject names a news medium ("the newspaper", "state television"), which tells
    of acts and takes no part in them."""
    lemma = tok.lemma_.lower()
    if lemma in MEDIA_NOUNS or (lemma == "agency" and any(c.lower_ in ("news", "press") for c in tok.children)):
        return True
    return _head_sector(tok.text) == "JRN"


# Nouns of news media and reports the agents dictionary does not file as journalists.
MEDIA_NOUNS = frozenset("radio daily newspaper paper tabloid weekly channel broadcaster website report".split())
# Nouns of women and of men: "he" does not stand for "the woman", nor "she" for "the man".
FEMALE_NOUNS = frozenset("woman girl mother wife daughter sister widow grandmother actress".split())
MALE_NOUNS = frozenset("man boy father husband son brother widower grandfather".split())


MALE_PRONOUNS = frozenset({"he", "his", "him"})
FEMALE_PRONOUNS = frozenset({"she", "her"})


def _same_gender(pronoun: Token, antecedent: Token) -> bool:
    lemma = antecedent.lemma_.lower()
    if pronoun.lower_ in MALE_PRONOUNS:
        return lemma not in FEMALE_NOUNS and _first_pronoun_after(antecedent, pronoun) not in FEMALE_PRONOUNS
    if pronoun.lower_ in FEMALE_PRONOUNS:
        return lemma not in MALE_NOUNS and _first_pronoun_after(antecedent, pronoun) not in MALE_PRONOUNS
    return True


def _first_pronoun_after(antecedent: Token, pronoun: Token) -> str | None:
    """The first personal pronoun between a name and a later pronoun, which most often stands for
    the name: in "Ivanov said he called Berg before she met Lee", "he" is Ivanov, so "she" is not."""
    for t in antecedent.doc[antecedent.i + 1 : pronoun.i]:
        if t.lower_ in PERSONAL_PRONOUNS and t.tag_ in ("PRP", "PRP$"):
            return t.lower_
    return None


def _antecedent(tok: Token) -> Token | None:
    """What a third-person pronoun stands for: the reporting speaker, else the clause's subject."""
    speaker = _speaker_of(tok)
    if speaker is not None and speaker.i != tok.i and _same_gender(tok, speaker):
        return speaker
    clause = clause_head(tok)
    for _ in range(4):
        subj = [c for c in clause.children if c.dep_ in SUBJECT_DEPS and c.i < tok.i]
        if subj and subj[0].lower_ not in PRONOUNS and not _news_medium(subj[0]) and _same_gender(tok, subj[0]):
            return subj[0]
        if clause.head.i == clause.i:
            break
        clause = clause_head(clause.head)
    return None


def _actor_of(tok: Token, index: ActorIndex, depth: int = 0) -> Actor | None:
    if tok.lower_ in ("who", "which", "that", "whose"):
        head = tok.head
        while head.dep_ != "relcl" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "relcl" and depth < 3:
            return _actor_of(head.head, index, depth + 1)
    start, end = np_bounds(tok)
    actor = index.at(start, end, tok.idx)
    if actor is not None and _held_in(tok, actor):
        return None  # "resume the Doha talks": the city where they are held is no party
    if actor is not None and _people_of_a_country(tok, actor):
        # "killed nine Chileans", "several Britons": people of the country, not its state
        return index.generic(_text(tok.doc)[start:end], start, end, actor.country,
                             "CVL" if any(c.dep_ == "nummod" for c in tok.children) else None)
    if actor is not None and _nationality_of_people(tok, actor):
        # "a Dutch nurse", "Turkish troops": people of the country the modifier names, not its state
        group = _generic([tok], index, [])
        actor = group[1] if group is not None and group[1].country == actor.country else actor
    if actor is None:
        start, end = np_bounds(tok, with_preps=True)
        actor = index.at(start, end, tok.idx)
        if actor is not None and actor.kind == "COUNTRY" and _people_of_a_place(tok):
            # "rebels in the Ivory Coast", "investors in China": people there, not the state
            group = _generic([tok], index, [])
            actor = group[1] if group is not None else actor
    if actor is None and tok.pos_ == "PROPN":
        actor = index.named(_text(tok.doc)[np_bounds(tok)[0] : tok.idx + len(tok.text)]) or index.named(
            tok.text
        )
    if actor is None and tok.lower_ in PRONOUNS and depth < 3:
        if tok.lower_ in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "pobj"):
            return _object_antecedent(tok, index, depth)
        antecedent = _antecedent(tok)
        if antecedent is not None:
            actor = _actor_of(antecedent, index, depth + 1)
            if actor is not None and not _agrees(tok, actor, antecedent):
                actor = _state_spoken_for(tok, actor, index)
        # "The minister said he ...": he is that minister, whom no name gives, not the person named last
        unnamed = antecedent is not None and antecedent.pos_ == "NOUN" and _a_person_noun(antecedent)
        if actor is None and tok.lower_ in PRONOUN_KINDS and not unnamed:
            actor = index.before(tok.idx, PRONOUN_KINDS[tok.lower_])
    if actor is None and tok.pos_ == "NOUN":
        actor = _described(tok, index)
    return actor


# Nouns that, after "the", name a body the article has introduced: "the group" is the armed or
# civic group named last, "the militants" the armed group, "the ministry" the ministry.
BODY_NOUNS = frozenset("group organisation organization movement militia faction outfit network".split())
ARMED_NOUNS = frozenset("militant rebel insurgent jihadist extremist guerrilla".split())
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
NAMED_BODY_NOUNS = frozenset("ministry army regime government party council parliament".split())


def _described(tok: Token, index: ActorIndex) -> Actor | None:
    """The actor a definite description stands for: "the group" or "the militants" after "Islamic
    State", "the ministry" after "the Chinese foreign ministry". Only a bare "the" + noun: "the
    Kurdish group" or "the group's leader" describe someone of their own."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None
    if any(c.dep_ in ("poss", "compound", "nmod", "amod") for c in tok.children):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "the group of tourists"
    lemma = tok.lemma_.lower()
    if lemma in BODY_NOUNS and tok.tag_ == "NN":
        return index.last(tok.idx, lambda a: a.kind in ("ORG", "GROUP") and a.sector not in STATE_SECTORS
                          and a.sector not in (None, "CVL"))
    if lemma in ARMED_NOUNS and tok.tag_ == "NNS":
        return index.last(tok.idx, lambda a: a.kind in ("ORG", "GROUP") and a.sector == "REB")
    if lemma in NAMED_BODY_NOUNS and tok.tag_ == "NN":
        return index.last(tok.idx, lambda a: a.kind == "ORG" and lemma in a.name.lower().split())
    return None


OBJECT_PRONOUNS = frozenset({"him", "her", "them"})
PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
PERSONAL_PRONOUNS = MALE_PRONOUNS | FEMALE_PRONOUNS


def _a_person_noun(tok: Token) -> bool:
    """A noun of one person, a title or a word of kin or kind ("the minister", "the pope", "the
    woman"), not of a body ("the court", "the army"), for whom "he" or "she" may stand."""
    found = term([tok.lower_])
    return (found is not None and found.role is not None) or tok.lemma_.lower() in PERSONS_NOUNS


def _state_spoken_for(pronoun: Token, person: Actor, index: ActorIndex) -> Actor | None:
    """The state an official speaks for, whom "it" stands for after him: "the envoy said it would
    not allow ..." tells what his country will do. None for anyone else."""
    if pronoun.lower_ not in ("it", "its") or person.kind != "PERSON" or person.sector not in STATE_SECTORS:
        return None
    if not person.country or person.country in NON_STATE:
        return None
    return index.generic(country_label(person.country, ""), pronoun.idx, pronoun.idx + len(pronoun.text),
                         person.country, None)


def _agrees(pronoun: Token, actor: Actor, antecedent: Token) -> bool:
    """Whether a pronoun can stand for the actor its antecedent names: "they" is no one person
    ("Michael Steiner said ... to represent their clients"), "he" is a person."""
    if pronoun.lower_ in PLURAL_PRONOUNS:
        return actor.kind != "PERSON" or antecedent.tag_ in ("NNS", "NNPS") or bool(antecedent.conjuncts)
    if pronoun.lower_ in PERSONAL_PRONOUNS:
        return actor.kind == "PERSON"
    if pronoun.lower_ in ("it", "its"):
        return actor.kind != "PERSON"  # "Berg lobbied against a motion criticising its record": not Berg's
    return True



def _object_antecedent(tok: Token, index: ActorIndex, depth: int) -> Actor | None:
    """What an object pronoun stands for: never the subject of its own clause ("Clegg picked out
    Gove, accusing him" is Gove; "Clegg accused himself" would say so), but the last actor of its
    kind named before it, else the reporting speaker."""
    clause = clause_head(tok)
    subjects = subject_tokens(clause)[0]
    own = {a.id for s in subjects if (a := _actor_of(s, index, depth + 1)) is not None}
    kind = PRONOUN_KINDS[tok.lower_]
    actor = index.before(tok.idx, kind, exclude=own)
    if actor is None:
        speaker = _speaker_of(tok)
        actor = _actor_of(speaker, index, depth + 1) if speaker is not None else None
        if actor is not None and speaker is not None and not _agrees(tok, actor, speaker):
            actor = None  # "He said the US would be forced to release them": not him
    return actor if actor is not None and actor.id not in own else None


def _modifier_actors(tok: Token, index: ActorIndex) -> list[Actor]:
    """ "Hungarian and Romanian officials": one actor per coordinated modifier."""
    found: list[Actor] = []
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
            for m in (c, *c.conjuncts):
                actor = index.at(m.idx, m.idx + len(m.text), m.idx)
                if actor is not None and actor not in found:
                    found.append(actor)
    return found if len(found) > 1 else []


def _actors_of(tok: Token, index: ActorIndex) -> list[Actor]:
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


def _agent_tokens(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


# Nouns of help, whose "with" phrase names an ally or a means, never whom the act is done to:
# "raided the camp with the help of the army", "with the backing of Moscow".
HELP_NOUNS = frozenset("help support backing assistance aid cooperation collaboration complicity "
                       "connivance approval consent permission blessing".split())


def _prep_objects(tok: Token, preps: tuple[str, ...]) -> list[Token]:
    found = []
    for pref in preps:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == pref:
                found += [g for g in c.children if g.dep_ == "pobj"
                          and not (pref == "with" and g.lemma_.lower() in HELP_NOUNS)]
    return found


NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


class Found(list):  # type: ignore[type-arg]
    """Actors of one argument, with the token whose phrase names them (or, when no known actor
    is named, the argument's head all the same: "a car bomb", "42 people")."""

    token: Token | None = None
    generic: Actor | None = None  # the group the phrase names when no known actor is named


def _first_actors(tokens: list[Token], index: ActorIndex, exclude: list[Actor], any_phrase: bool = False) -> Found:
    """The actors the first of ``tokens`` that names any names; else a group the actor stage left
    unnamed; else, for the phrase alone, the first that could be a party (``any_phrase``: any noun,
    for the thing rejected or endorsed)."""
    found = Found()
    for tok in tokens:
        actors = [a for a in _actors_of(tok, index) if a not in exclude]
        if actors:
            found += actors
            found.token = _written(tok, actors[0])
            return found
    # a pronoun stands for the group its antecedent names ("The rebels said they attacked")
    generic = _generic([_written(t) for t in tokens], index, exclude)
    if generic is not None:
        # kept apart: a known actor another reading finds ("to Liberia") is the better side
        found.generic = generic[1]
        found.token = generic[0]
        return found
    for tok in tokens:
        if _party(tok, any_phrase):
            found.token = _written(tok)
            owner = _owning_group(tok, index, exclude) if any_phrase else None
            if owner is not None:
                found.generic = owner  # "attacked rebel positions": the rebels'
            break
    return found


def _owning_group(tok: Token, index: ActorIndex, exclude: list[Actor]) -> Actor | None:
    """The group a thing's modifier names, whose the thing is: "rebel positions", "an army base",
    "militia strongholds" are the rebels', the army's, the militia's."""
    if tok.pos_ != "NOUN" or _names_people(tok):
        return None
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.i < tok.i and c.pos_ in ("NOUN", "ADJ", "PROPN"):
            if c.pos_ == "PROPN" or (sector := _head_sector(c.text)) is None or sector in ("NON", "JNK"):
                continue
            actor = index.generic(c.text, c.idx, c.idx + len(c.text), code_actor(c.text)[0], sector)
            if actor not in exclude:
                return actor
    return None


# Nouns of people that name a side whatever their sector ("the two leaders", "42 people").
PEOPLE = frozenset(
    "leader official people person man woman child resident member villager citizen civilian "
    "worker student side party country nation".split()
)
# Nouns of persons that make a side of their own ("three men were detained"), unlike "side",
# "party" or "country", which stand for someone the sentence names elsewhere.
PERSONS_NOUNS = frozenset(
    "man woman person people child boy girl resident civilian villager citizen hostage captive "
    "husband wife son daughter brother sister father mother".split()
)
TIME_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
PARTY_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})


def _party(tok: Token, any_phrase: bool) -> bool:  # noqa: C901
    """Whether a phrase with no known actor can still be a side: a name, a pronoun, a noun of
    people or groups ("42 people", "another ethnic Chechen") — not a day or an amount, and unless
    ``any_phrase``, not an abstract noun ("a ban", "political asylum")."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":
        return _party(tok.head.head, any_phrase)  # "the protesters who had blocked the road"
    if tok.ent_type_ in TIME_ENTS and tok.pos_ != "NUM" or tok.dep_ == "npadvmod" or tok.lower_ in RELATIVES:
        return False
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in PARTY_ENTS:
        return True
    if tok.pos_ not in ("NOUN", "NUM"):
        return False
    if any_phrase:
        return True
    if tok.lemma_.lower() in PEOPLE:
        return True
    words = _text(tok.doc)[slice(*np_bounds(tok, with_preps=True))]  # "thousands of teachers"
    if tok.is_sent_start and tok.tag_ == "NNS" and tok.text[:1].isupper() and " " not in words:
        return True  # "Hackers launched ...": people, whose capital is the sentence's, not a name's
    return code_actor(words)[1] is not None or any(c.ent_type_ in PARTY_ENTS for c in tok.children)


def _text(doc: Doc) -> str:
    """The document's text, kept: ``Doc.text`` joins every token again on each use."""
    text = doc.user_data.get("dateline.text")
    if text is None:
        text = doc.user_data["dateline.text"] = doc.text
    return text


def _same_sentence(a: Token, b: Token) -> bool:
    """Whether two tokens share a sentence (``Token.sent`` rescans the document each time)."""
    lo, hi = sorted((a.i, b.i))
    return not any(a.doc[i].is_sent_start for i in range(lo + 1, hi + 1))


def _named_before(tok: Token, actor: Actor) -> Token:
    """The head of the actor's last mention before ``tok`` in its sentence, else ``tok``."""
    i = tok.i
    while i > 0 and not tok.doc[i].is_sent_start:
        i -= 1
    start = tok.doc[i].idx
    earlier = [m for m in actor.mentions if start <= m.start and m.end <= tok.idx]
    if not earlier:
        return tok
    last = max(earlier, key=lambda m: m.start)
    span = tok.doc.char_span(last.start, last.end, alignment_mode="expand")
    return span.root if span is not None else tok


def _written(tok: Token, actor: Actor | None = None) -> Token:
    """The phrase a pronoun stands for when the sentence names it ("NAF says it has killed")."""
    if tok.lower_ in RELATIVES and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ in OBJECT_PRONOUNS and tok.dep_ in ("dobj", "dative", "pobj"):
        if actor is None and tok.lower_ == "them":
            return _people_before(tok) or tok
        return _named_before(tok, actor) if actor is not None else tok  # not the clause's subject
    if tok.lower_ in PRONOUNS and tok.tag_ in ("PRP", "PRP$"):  # "US" is no "us"
        antecedent = _antecedent(tok)
        if (
            antecedent is not None
            and _same_sentence(antecedent, tok)
            and antecedent.lower_ not in PRONOUNS
            and not (tok.lower_ in ("it", "its") and antecedent.ent_type_ == "PERSON")
        ):
            return antecedent
    return tok


RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})


def _people_before(pronoun: Token) -> Token | None:
    """The people an object "them" stands for when no named actor does: the last plural noun of
    people before it, in its sentence or the one before, outside its own clause's subject ("Two
    officers were hurt. Villagers had attacked them": the officers)."""
    doc = pronoun.doc
    own = {t.i for s in subject_tokens(clause_head(pronoun))[0] for t in s.subtree}
    sentences, found = 0, []
    for i in range(pronoun.i - 1, -1, -1):
        tok = doc[i]
        plural = tok.tag_ == "NNS" or tok.lemma_.lower() in PLURAL_BODIES
        if i not in own and plural and tok.pos_ == "NOUN" and _names_people(tok):
            found.append(tok)
        if tok.is_sent_start:
            sentences += 1
            if sentences == 2:
                break
    # a subject is what a pronoun most often stands for: "police fired on protesters ... attacked them"
    subjects = [t for t in found if t.dep_ in ("nsubj", "nsubjpass")]
    return (subjects or found or [None])[0]


# Nouns of bodies of people that take a plural verb: "police were".
PLURAL_BODIES = frozenset({"police"})


def _generic(tokens: list[Token], index: ActorIndex, exclude: list[Actor]) -> tuple[Token, Actor] | None:
    """A group or agent the actor stage left unnamed ("protesters", "Turkish troops", "the
    union"): an actor with the sector its words give, and the country when they give one."""
    for tok in tokens:
        owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "NOUN"]
        if tok.lemma_.lower() in COMMAND_NOUNS and owners:
            tok = owners[0]  # "the insurgents' leadership" speaks for the insurgents
        if _a_people(tok):
            # "the Tamils say", "Berbers marched": a people the parser names, a side of no sector
            name = tok.text
            actor = index.generic(name, tok.idx, tok.idx + len(tok.text), code_actor(name)[0], None)
            if actor not in exclude:
                return tok, actor
            continue
        if tok.pos_ != "NOUN" or tok.lower_ in PRONOUNS or _of_a_thing(tok) or not _names_people(tok):
            continue  # the head names people or a body: "refugee camp" is a place, no side
        if any(c.lower_ == "whose" for c in tok.children):
            continue  # "whose mayor": someone the relative clause does not name
        # "a group of Chechen refugees": a noun of number or kind is named with whom it counts
        start, end = np_bounds(tok, with_preps=_head_sector(tok.text) is None)
        text = _text(tok.doc)[start:end]
        words = text.split()
        while words and words[0].lower() in ("the", "a", "an", "some", "several", "many", "other"):
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).rstrip("'’")
        country, sector = code_actor(name)
        if sector in (None, "UNK") and tok.lemma_.lower() in PERSONS_NOUNS:
            sector = "CVL"  # "three men", "her husband": people of no office are civilians
        if sector is None:
            continue  # no agent noun: "the plan", "the residence"
        if country is None:
            country = _loyalty(tok, index)
        if country is None:
            country = _owner_country(tok, index)  # "Ukrainian commanders said their forces had withdrawn"
        if country is None and _people_of_a_place(tok):
            named = index.countries_within(*np_bounds(tok, with_preps=True))  # "rebels in the Ivory Coast"
            country = named.pop() if len(named) == 1 else None
        # "several villagers", "the elite troops": a side all the same, whose country the
        # words do not say (merging reads such a side as unknown, not as a conflict)
        actor = index.generic(name, start + text.index(words[0]), end, country, sector)
        if actor not in exclude:
            return tok, actor
    return None


# Sectors of armed men, whom a nationality's name already stands for as a side.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "SPY", "CRM"})


def _nationality_of_people(tok: Token, actor: Actor) -> bool:
    """Whether ``actor`` is a country only a modifier of a noun of people names: "Dutch" in "a
    Dutch nurse" or "Turkish" in "Turkish troops", not "Turkey" itself nor "Turkey's troops"."""
    if actor.kind != "COUNTRY" or tok.pos_ != "NOUN" or any(m.start <= tok.idx < m.end for m in actor.mentions):
        return False
    modifiers = [c for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i]
    if not modifiers or any(c.conjuncts for c in modifiers):
        return False  # "Hungarian and Romanian officials" are the two states' (``_modifier_actors``)
    return _names_people(tok)


# Nouns of meetings and the texts they agree, which a city's name before them places: "the Doha
# round", "the Geneva conventions", "the Oslo accords".
MEETING_NOUNS = frozenset("talk summit conference meeting accord agreement process round negotiation "
                          "treaty declaration convention protocol".split())


def _held_in(tok: Token, actor: Actor) -> bool:
    """Whether ``actor`` is only a city modifier of a meeting noun, not the noun itself."""
    if tok.lemma_.lower() not in MEETING_NOUNS or any(m.start <= tok.idx < m.end for m in actor.mentions):
        return False
    for c in tok.children:
        if c.dep_ in ("compound", "nmod") and c.i < tok.i and c.ent_type_ == "GPE" and c.pos_ == "PROPN":
            if any(m.start <= c.idx < m.end for m in actor.mentions):
                return not (country_name(c.text) or demonym_country(c.text))
    return False


def _people_of_a_country(tok: Token, actor: Actor) -> bool:
    """Whether a plural noun that the actor stage read as a country is its people counted or
    qualified: "nine Chileans", "two Britons", "many Afghans" (not "the Kurds", a side of its own)."""
    if actor.kind != "COUNTRY" or tok.tag_ not in ("NNPS", "NNS") or not tok.text[:1].isupper():
        return False
    if country_name(tok.text) or not demonym_country(tok.text):
        return False
    return any(c.dep_ in ("nummod", "amod") or (c.dep_ == "det" and c.lower_ != "the") for c in tok.children)


def _a_people(tok: Token) -> bool:
    """A people named in the plural, with no modifier of its own: "the Tamils", "Berbers"."""
    return (
        tok.ent_type_ == "NORP"
        and tok.tag_ == "NNPS"
        and tok.text[:1].isupper()
        and not any(c.dep_ in ("amod", "compound", "poss") for c in tok.children)
    )


def _owner_country(tok: Token, index: ActorIndex) -> str | None:
    """The country of the speaker a possessive pronoun before a group noun stands for: "their
    troops" after "Ukrainian commanders said" are Ukrainian troops. Only the speaker: "the Syrian town is under
    threat from Turkey after its forces attacked" names the owner after the clause's subject."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ in ("their", "its"):
            antecedent = _speaker_of(c)
            actor = _actor_of(antecedent, index, 1) if antecedent is not None else None
            if actor is not None and actor.country and actor.country not in NON_STATE:
                return actor.country
    return None


def _loyalty(tok: Token, index: ActorIndex) -> str | None:
    """The one state an adjective after a group noun ties it to: "fighters loyal to Libya's
    eastern commander" are of Libya."""
    for c in tok.children:
        if c.dep_ == "amod" and c.i > tok.i and any(g.dep_ == "prep" for g in c.children):
            last = c.right_edge
            named = index.countries_within(c.idx, last.idx + len(last.text))
            if len(named) == 1:
                return named.pop()
    return None


def _head_sector(words: str) -> str | None:
    """The sector common words name, read in lower case: a capital at the start of a sentence
    ("Hundreds of ...") is no personal name."""
    return _head_sector_with(str(kb_path()), words)


@functools.lru_cache(maxsize=4096)
def _head_sector_with(kb_file: str, words: str) -> str | None:
    """Kept per knowledge base: the agents dictionary decides, so an answer found without one
    must not stand once one is in use."""
    sector = code_actor(words.lower())[1]
    return None if sector == "UNK" else sector


def _people_of_a_place(tok: Token) -> bool:
    """A common noun of people or groups whose "in"/"from" phrase says where they are: "rebels in
    the north of Mali", "investors in China" (not "leaders of the opposition", whose "of" phrase
    names the body they belong to)."""
    if tok.pos_ != "NOUN" or _of_a_thing(tok) or not _names_people(tok):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("in", "from", "across", "throughout") for c in tok.children)


def _names_people(tok: Token) -> bool:
    """Whether a noun with its adjectives, or the "of" phrase of a noun of number or kind, names
    people or a body: "villagers", "Islamic fundamentalists", "a group of refugees", "hundreds of
    workers"; not a noun that a modifying noun alone makes sound like one ("a refugee camp", "the
    army base")."""
    if _head_sector(tok.text) is not None or tok.lemma_.lower() in PERSONS_NOUNS:
        return True  # "three men", "the two women": people, though of no sector the words say
    # a people's or a faith's adjective makes a group of a noun no table knows ("Islamic
    # fundamentalists", "Russian advisers"); a common one does not ("criminal charges")
    adjectives = [c for c in tok.children if c.dep_ == "amod" and c.i < tok.i and c.text[:1].isupper()]
    if adjectives and _head_sector(" ".join(t.text for t in [*adjectives, tok])) is not None:
        return True
    if tok.lemma_.lower() in CHIEF_NOUNS:
        # "the intelligence chief", "the army boss": a chief of the body his modifier names
        nouns = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i and c.pos_ == "NOUN"]
        if nouns and _head_sector(" ".join(t.text for t in [*nouns, tok])) is not None:
            return True
    return any(
        g.pos_ == "NOUN" and _head_sector(g.text) is not None
        for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"
    )


def _of_a_thing(tok: Token) -> bool:
    """A singular noun whose "of" phrase names a thing, no one: "a state of emergency", "the
    force of law" are no side, while "the state" or "leaders of the opposition" may be."""
    if tok.tag_ != "NN":
        return False
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    objects = [g for c in preps for g in c.children if g.dep_ == "pobj"]
    return any(o.pos_ == "NOUN" and not o.ent_type_ and code_actor(o.text)[1] is None for o in objects)
