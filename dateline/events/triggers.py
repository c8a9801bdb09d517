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

from dateline.kb.verbs import Pattern, Term, Verb

from .mention import Mention
from .status import ACTOR_ENTS, asks_question, obligation
from .syntax import clause_head, is_verbal, light_governor
from .vocabulary import (
    CARRIER_VERBS,
    COMMAND_VERBS,
    HOSTILE_MATERIAL,
    LIGHT_VERBS,
    PLAN_VERBS,
    SPEECH_VERBS,
    Entry,
    contexts,
    kb_vocabulary,
    lemma_of,
    lexicon,
)

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
    noun = _described_object(verb)
    if noun is not None:
        lemmas.add(noun.lemma_.lower())
        lemmas.update(m.lemma_.lower() for m in noun.children if m.dep_ in ("compound", "amod", "nmod"))
    if not any(c.dep_ == "dobj" for c in verb.children):
        lemmas.update(t.lemma_.lower() for t in _window(verb))
    return lemmas


def _described_object(verb: Token) -> Token | None:
    """The noun a participle or relative clause tells what was done to: "crimes committed by the
    regime", "the crimes that the regime committed" have "crimes" as the verb's object."""
    if verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i == verb.i:
        return None
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "relcl" and any(
        c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in verb.children
    ):
        return verb.head
    return None


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
    return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == particle for c in tok.children) or (
        _marked_clause(tok, particle)
    )


def _marked_clause(verb: Token, particle: str) -> bool:
    """The particle opens a clause of the verb: "called for the minister to resign", where the
    parser makes "for" the mark of "resign" instead of the verb's preposition."""
    return any(
        c.dep_ in ("advcl", "ccomp", "xcomp") and c.i > verb.i
        and any(g.dep_ == "mark" and g.lower_ == particle for g in c.children)
        for c in verb.children
    )


VETO = Entry("V", "-", "AGREE", None, frozenset(), frozenset({"veto"}))  # another sense: no event


def _match_verb(tok: Token) -> Entry | None:
    """The curated entry for a verb, else the knowledge base's pattern; None when neither codes it."""
    entries = lexicon().get(("V", lemma_of(tok)))
    if not entries:
        return _match_kb_verb(tok)
    # Where the curated lexicon knows a verb but none of its senses fits, only a dictionary pattern
    # with its object or preposition context may code it ("sent troops to the border"), never the
    # dictionary's bare verb: "send" alone is a sense the curated lexicon chose not to code.
    entry = _match_curated_verb(tok, entries)
    if entry is VETO:
        return None
    return entry if entry is not None else _match_kb_verb(tok, alone=False)


def _match_curated_verb(tok: Token, entries: list[Entry]) -> Entry | None:
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
    if "official" in entry.flags and not _officials(tok):
        return VETO  # "crowds gathered": a protest or a crowd, not a meeting
    if entry.unless & objs:
        return VETO  # "offered an opportunity", "committed crimes": another sense of the verb
    if "intransitive" in entry.flags and any(c.dep_ == "dobj" for c in tok.children):
        return VETO  # "demonstrated their skills" is no demonstration
    if "speech" in entry.flags and any(c.dep_ == "ccomp" for c in tok.children):
        return VETO  # "conceded that the issues were difficult" grants a point in talk, not a demand
    return entry


# -- the knowledge base's verb dictionary ------------------------------------------------------

CLOSE_TYPES = frozenset({"ASSAULT"})  # violence: the synonyms of "kill" are all killing
CONTENT_TYPES = frozenset({"AGREE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SUPPORT"})
MUTUAL_CODES = ("036", "040", "046")  # meet, consult, negotiate: each party acts on the other
OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd", "xcomp", "ccomp", "prt", "advmod", "acomp", "npadvmod"})
SUBJECT_DEPS_ALL = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
# Verbs of travel: the dictionary codes "flew to" as an intent to meet (CAMEO 036) and "arrived" as
# a consultation by its block, but in news a trip told as done is a visit, and only an official's:
# refugees, buses and sons arrive too.
TRAVEL_VERBS = frozenset({"arrive", "fly", "travel", "head", "jet"})
TRAVEL_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Verbs whose subject undergoes what happens: "died of cancer", "perished in the cold" tell of a
# death, not of an attack; the dictionary's patterns say when the death is violence ("died in
# clashes", "died under gunfire"), so only they code these verbs.
UNDERGO_VERBS = frozenset({"die", "perish"})
# Verbs of perception and thought that the dictionary files under consultation or inquiry by their
# block ("HEAR", "CONSIDER" [040], "STUDY" [090]): in news they mostly report what someone heard,
# thought or found ("the court heard", "are considered China's gypsies"), so only a pattern with
# its words ("consider a proposal") codes them.
MENTAL_VERBS = frozenset(
    "hear consider think learn study examine know believe regard review find see view watch look monitor observe".split()
)
# Verbs of connection, which the dictionary files under material cooperation (the LINK block,
# CAMEO 060): in news "linked to", "tied to", "connected with" mostly say that two things are
# associated ("officials linked to the programme", "linked the death to pet food"), so only a
# pattern with its words ("linked to the attack") codes them.
RELATION_VERBS = frozenset("link connect tie relate attach bind chain associate".split())
# Synonyms the dictionary files under a block of force or of decision whose common news sense is
# neither: "dominated by the YPG", "overshadowed the summit", "failed to win", "determine their own
# future", "disrupted traffic" are states, outcomes and disturbances, not acts of one actor on
# another; only a pattern with its words ("disrupt a speech") codes them.
FIGURATIVE_VERBS = frozenset(
    "dominate overshadow master best surmount overcome overtake circle ring bust corrupt contaminate "
    "spoil tarnish mar impair vitiate dishonor dishonour fail determine disrupt".split()
)
# CAMEO's economic cooperation (061): "imported oil", "invested in property" are commerce; the
# dictionary's patterns name the partner when it is cooperation between states.
PATTERN_ONLY_CODES = ("061",)
# Verbs whose dictionary senses are all another's act or no act at all: a prisoner's escape is no
# concession, "escaped an assassination attempt" tells of the attempt, not of the one who escaped.
NO_EVENT_VERBS = frozenset({"escape"})
# Phrasal verbs whose particle makes a verb of starting or ending of an event verb: "the talks
# kicked off", "the festival wrapped up". Their subject's own event is what happened.
PHRASAL_NO_EVENT = frozenset({("kick", "off"), ("wrap", "up")})


class _Context:
    """The words around a verb, as the dictionary's patterns test them."""

    def __init__(self, verb: Token):
        self.verb = verb
        self.objects: set[str] = set()
        self.subject: set[str] = set()
        self.preps: dict[str, set[str]] = {}
        self.everything: set[str] | None = None
        heads = [verb]
        if verb.dep_ == "xcomp" or verb.dep_ == "conj":
            heads.append(verb.head)  # the subject of "agreed to send", "met and discussed"
        for c in verb.children:
            if c.dep_ == "nsubjpass":
                self._add(self.objects, c, 8)  # "documents were submitted": what the act is done to
            elif c.dep_ == "agent":
                for g in c.children:
                    self._add(self.subject, g, 6)  # "submitted by the ministers": who does it
            elif c.dep_ in OBJECT_DEPS:
                self._add(self.objects, c, 8)
                if c.dep_ in ("dobj", "attr"):
                    for g in c.children:
                        if g.dep_ == "prep":
                            self._prep(g)
            elif c.dep_ == "prep":
                self._prep(c)
            elif c.dep_ in SUBJECT_DEPS_ALL:
                self._add(self.subject, c, 6)
        for h in heads[1:]:
            for c in h.children:
                if c.dep_ in SUBJECT_DEPS_ALL:
                    self._add(self.subject, c, 6)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            self._add(self.objects, verb.head, 4)  # "documents endorsed by the ministers"
        elif verb.dep_ in ("relcl", "acl"):
            self._add(self.subject, verb.head, 4)

    def _prep(self, prep: Token) -> None:
        words = self.preps.setdefault(prep.lower_, set())
        for g in prep.children:
            self._add(words, g, 8)

    @staticmethod
    def _add(words: set[str], tok: Token, limit: int) -> None:
        for t in [tok, *_phrase(tok)[: limit * 2]]:
            words.add(t.lower_)
            words.add(t.lemma_.lower())

    @staticmethod
    def has(term: Term, words: set[str]) -> bool:
        return any(all(w in words for w in alt) for alt in term)

    def matches(self, p: Pattern) -> bool:
        if self.everything is None:
            self.everything = self.subject | self.objects | set().union(*self.preps.values())
        if not _possible(p, self.everything):
            return False  # a word the pattern needs is nowhere near the verb
        if any(prep not in self.preps for prep, _ in p.preps):
            return False
        if not all(self.has(t, self.subject) for t in p.subject):
            return False
        if not all(self.has(t, self.objects) or any(self.has(t, w) for w in self.preps.values())
                   for t in p.objects):
            return False
        for prep, terms in p.preps:
            words = self.preps.get(prep)
            if words is None or not all(self.has(t, words) for t in terms):
                return False
        return True


# A clause inside a phrase tells of another act: "quoted a review released last month as urging
# Kenya to improve its commitments" quotes; the commitments belong to the review's own clause.
INNER_CLAUSES = frozenset({"acl", "relcl", "advcl", "ccomp", "csubj", "parataxis"})


def _phrase(tok: Token) -> list[Token]:
    """The words of a phrase below its head, without the clauses inside it, in text order."""
    found: list[Token] = []
    stack = [c for c in tok.children if c.dep_ not in INNER_CLAUSES]
    while stack:
        t = stack.pop()
        found.append(t)
        stack.extend(c for c in t.children if c.dep_ not in INNER_CLAUSES)
    return sorted(found, key=lambda t: t.i)


_FIRST_WORDS: dict[int, tuple[Pattern, tuple[frozenset[str], ...]]] = {}


def _possible(p: Pattern, words: set[str]) -> bool:
    """A quick necessary test: each of the pattern's terms has an alternative whose first word is
    among the words around the verb (the full test then places them)."""
    known = _FIRST_WORDS.get(id(p))
    if known is None or known[0] is not p:  # keyed by identity, kept with the pattern it describes
        terms = [*p.subject, *p.objects, *(t for _, ts in p.preps for t in ts)]
        known = _FIRST_WORDS[id(p)] = (p, tuple(frozenset(alt[0] for alt in t if alt) for t in terms))
    return all(not f.isdisjoint(words) for f in known[1])


def _particle_of(verb: Token, particle: str) -> bool:
    return any(
        c.lower_ == particle or c.lemma_.lower() == particle
        for c in verb.children
        if c.dep_ in ("prt", "prep", "advmod", "dobj", "compound")
    ) or _marked_clause(verb, particle)


def _match_kb_verb(tok: Token, alone: bool = True) -> Entry | None:
    """The knowledge base's code for a verb: its most specific pattern the parse satisfies, else
    the verb's own code. A pattern that codes no event ("killed in an accident") vetoes the verb."""
    vocab = kb_vocabulary()
    lemma = lemma_of(tok)
    if vocab is None or lemma in SPEECH_VERBS or lemma in LIGHT_VERBS:
        return None  # a speech verb reports, a light verb carries the event its noun names
    if lemma in PLAN_VERBS:
        alone = False  # "set", "prepared" frame another event; "set a deadline" is one
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and any(c.tag_ == "TO" for c in tok.children):
        return None  # "attempts to resolve the crisis", "efforts to improve": an aim, not an act
    if lemma in NO_EVENT_VERBS or any((lemma, c.lower_) in PHRASAL_NO_EVENT for c in tok.children
                                      if c.dep_ == "prt"):
        return None
    verbs = [v for v in vocab.verbs.verbs.get(lemma, []) if v.particle is None or _particle_of(tok, v.particle)]
    if not verbs:
        return None
    verbs.sort(key=lambda v: v.particle is None)  # "shoot down" before "shoot"
    context = _Context(tok)
    best: Pattern | None = None
    only_patterns = (
        lemma in UNDERGO_VERBS or lemma in MENTAL_VERBS or lemma in RELATION_VERBS or lemma in FIGURATIVE_VERBS
        or any(v.code is not None and v.code.startswith(PATTERN_ONLY_CODES) for v in verbs if v.particle is None)
    )
    for verb in verbs:
        for p in verb.patterns:
            if best is not None and p.specificity <= best.specificity:
                break
            if not (p.subject or p.objects or any(w for _, w in p.preps)):
                # "- * (TO)", "- * (FOR)": a bare preposition is no context ("came to power"). The
                # dictionary uses it mostly for travel ("rushed to", "left for": a visit, CAMEO
                # 042), which is an official's trip; else it codes only what the verb codes alone.
                travel = lemma in TRAVEL_VERBS or (p.code is not None and p.code.startswith("042"))
                if not travel and (not (verb.own or verb.head) or only_patterns or p.type != verb.type):
                    continue
            if context.matches(p):
                best = p
                break
    if best is not None and _stirs_a_feeling(tok):
        return None  # "moves which have raised concerns": a thing that stirs worry consults nobody
    if best is not None:
        bare = not (best.subject or best.objects or any(w for _, w in best.preps))
        if bare and best.code is not None and best.code.startswith("042"):
            return _trip(tok, lemma, verbs[0], best)
        if lemma in TRAVEL_VERBS and best.type in TRAVEL_TYPES:
            return _trip(tok, lemma, verbs[0], best)
        return _kb_entry(lemma, verbs[0], best.type, best.mode, best.code, best)
    # Alone, a verb codes what the dictionary gives it by name ("MURDER [190]"), or its block's code
    # when the block is the synonyms of one verb (SLAY under KILL); a synonym in a broad class
    # ("hit", "match" under a block named for a class of acts) codes only through its patterns' context.
    verb = next((v for v in verbs if v.own or v.head or (v.close and v.type in CLOSE_TYPES)), None)
    if lemma in UNDERGO_VERBS and verb is not None and alone and _violent_cause(tok):
        return _kb_entry(lemma, verb, verb.type, verb.mode, verb.code, None)  # "died under torture"
    if verb is None or not alone or only_patterns:
        return None
    if lemma in TRAVEL_VERBS and verb.type in TRAVEL_TYPES:
        return _trip(tok, lemma, verb, None)
    return _kb_entry(lemma, verb, verb.type, verb.mode, verb.code, None)


FEELINGS = frozenset("concern fear question hope alarm worry doubt suspicion eyebrow anxiety tension".split())


def _stirs_a_feeling(verb: Token) -> bool:
    """A verb whose object is a feeling or a question ("raised concerns", "sparked fears") and
    whose subject, or the noun a relative clause hangs on, is a thing rather than an actor:
    "the tests have raised fears", "moves which raised concerns" tell of a worry, not of
    officials who raise an issue with one another."""
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in FEELINGS for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if verb.dep_ == "relcl" and (not subjects or subjects[0].tag_ in ("WDT", "WP")):
        subjects = [verb.head]
    return bool(subjects) and all(
        s.pos_ == "NOUN" and not s.ent_type_ and s.lemma_.lower() not in OFFICIALS for s in subjects
    )


VIOLENT_CAUSES = frozenset(
    "torture beating wound violence fighting clash battle shelling bombing gunfire crossfire massacre unrest".split()
)


def _violent_cause(verb: Token) -> bool:
    """Whether a death is told as caused by violence in the verb's own phrases ("died as a result
    of torture", "died due to an attack"), not in a clause beyond them ("after fleeing conflict")."""
    cues = contexts()["attack"][1] | VIOLENT_CAUSES
    todo = [c for c in verb.children if c.dep_ in ("prep", "agent", "advmod")]
    while todo:
        t = todo.pop()
        if t.pos_ in ("VERB", "AUX"):
            continue
        if t.lemma_.lower() in cues:
            return True
        todo.extend(t.children)
    return False


def _trip(tok: Token, lemma: str, verb: Verb, pattern: Pattern | None) -> Entry | None:
    """A travel verb the dictionary codes as cooperation: an official's visit, else no event.
    Coming back is no visit: "returned to Lebanon", "arrived back in Britain", "flew home"."""
    if not _officials(tok):
        return None
    home = any(c.lower_ in ("back", "home") and c.dep_ in ("advmod", "prt") for c in tok.children)
    handed = any(  # "returned the frogs to Brazil" hands something back (a noun the parser hung
        c.dep_ == "dobj" or (c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.ent_type_ not in ("DATE", "TIME"))
        for c in tok.children
    )  # as an adverb, if it is no time, is the object)
    if home or (lemma == "return" and not handed):
        return None
    return _kb_entry(lemma, verb, "CONSULT", "visit", "042", pattern)


def _kb_entry(lemma: str, verb: Verb, type_: str | None, mode: str | None, code: str | None,
              pattern: Pattern | None) -> Entry | None:
    if type_ is None:
        return None
    flags = {"kb"}
    if type_ in CONTENT_TYPES:
        flags.add("content")
    if code and code.startswith(MUTUAL_CODES):
        flags.add("mutual")
    if code == "043":
        flags.add("swap")  # the host receives: the visitor is the source
    objects: frozenset[str] = frozenset()
    if pattern is not None and pattern.objects:
        objects = frozenset(w for t in pattern.objects for alt in t for w in alt)
    particle = f" {verb.particle}" if verb.particle else ""
    return Entry("V", lemma + particle, type_, mode, objects, frozenset(flags))


OFFICIALS = frozenset(
    "minister leader official delegate diplomat envoy representative head president premier "
    "chancellor ambassador negotiator counterpart secretary delegation government".split()
)


def _officials(verb: Token) -> bool:
    """Whether a verb's subject is officials ("EU foreign ministers", "the two leaders", a named person)."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            heads = [c, *c.conjuncts]
            return any(h.lemma_.lower() in OFFICIALS or h.ent_type_ in ("PERSON", "GPE", "ORG") for h in heads)
    return False


def _hyphen_compound(tok: Token) -> str | None:
    """The word a noun ends when written with a hyphen ("cease-fire", "walk-out"): the parser
    splits it, and its last part alone ("fire", "out") means something else."""
    doc = tok.doc
    if tok.i < 2 or doc[tok.i - 1].text != "-" or doc[tok.i - 2].whitespace_ or doc[tok.i - 1].whitespace_:
        return None
    return doc[tok.i - 2].lower_ + tok.lemma_.lower()


# Prefixes that make another word of a noun when written with a hyphen: "co-operation" is
# working together, not an operation; "re-election" no election of the coder's.
OTHER_WORD_PREFIXES = frozenset({"co", "non", "anti", "pre", "post", "re", "self", "mini"})


def _match_noun(tok: Token) -> Entry | None:
    joined = _hyphen_compound(tok)
    if joined is not None and ("N", joined) in lexicon():
        return lexicon()[("N", joined)][0]  # "cease-fire" is a ceasefire, not a fire
    if joined is not None and tok.doc[tok.i - 2].lower_ in OTHER_WORD_PREFIXES:
        return None  # "co-operation", "non-aggression": the word's other half alone misleads
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
        return _match_kb_noun(tok)
    mods = _noun_modifiers(tok)
    for entry in sorted(entries, key=lambda e: not e.objects):
        if entry.objects and not entry.objects & mods:
            continue  # "war games", not "Premiership games"
        if entry.unless & mods:
            continue  # "declaration of victory"
        if "plural" in entry.flags and tok.tag_ != "NNS":
            continue
        if "argued" in entry.flags and not _has_argument(tok):
            continue  # "oil demand", "demand is expected to grow": the market's, nobody's act
        return entry
    return None


ARGUMENT_PREPS = frozenset({"of", "on", "against", "into", "in", "by", "at", "near", "upon", "with"})


def _match_kb_noun(tok: Token) -> Entry | None:
    """A noun the verb dictionary names as an event ("incursion", "bombardment"), when the
    sentence gives it an argument: a possessor, an actor modifier, a prepositional phrase or a
    verb that carries it ("launched an incursion into", "Turkey's offensive on Afrin")."""
    vocab = kb_vocabulary()
    if vocab is None:
        return None
    found = vocab.nouns.get(tok.lemma_.lower())
    if found is None:
        return None
    if not _has_argument(tok):
        return None
    if tok.lemma_.lower() in vocab.carried and not _carried_as_an_act(tok):
        return None  # "made a takeover bid", "in a bid to": the dictionary knows it as "launch a bid" only
    if tok.lemma_.lower() in BROAD_NOUNS and not _told_as_force(tok):
        return None  # "the bank's operations", "a knee operation", "relief operations"
    type_, mode = found
    return Entry("N", tok.lemma_.lower(), type_, mode, frozenset(), frozenset({"kb"}))


# Event nouns of the dictionary whose everyday sense is any undertaking: a firm's, a surgeon's, a
# relief agency's "operation" is no attack.
BROAD_NOUNS = frozenset({"operation"})
FORCE_MODIFIERS = MILITARY_CUES | frozenset(
    "security army police commando ground combat counter-terrorism counterterrorism counterinsurgency "
    "anti-terrorist offensive naval".split()
)


def _told_as_force(noun: Token) -> bool:
    """A broad event noun is an act of force when a modifier says so ("a military operation", "a
    police operation") or the sentence tells of armed men or an attack ("the operation began and
    soldiers stormed the residence")."""
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    if mods & FORCE_MODIFIERS:
        return True
    cues = contexts()["attack"][1] | FORCE_MODIFIERS
    return any(t.lemma_.lower() in cues for t in noun.sent if t.i != noun.i)


def _carried_as_an_act(tok: Token) -> bool:
    """A noun the dictionary names only as the object of a carrier verb ("launch an incursion")
    is an event with that verb, or with an actor of its own ("Turkey's incursion", "a Turkish
    incursion"): "a takeover bid", "in a bid to win" are no act of one actor on another."""
    governor = light_governor(tok)
    if governor is not None and lemma_of(governor) in CARRIER_VERBS:
        return True
    return any(_names_its_actor(c) for c in tok.children)


def _names_its_actor(c: Token) -> bool:
    """A possessor or a named modifier of an event noun: "Turkey's offensive", "a Turkish incursion"."""
    return c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ACTOR_ENTS)


def _has_argument(tok: Token) -> bool:
    """Whether an event noun has an argument of its own: a possessor, an actor modifier, a
    prepositional phrase or a verb that carries it ("launched an incursion into", "Turkey's
    offensive on Afrin", "their demand for talks"). An "of" phrase counts when it names an actor
    or a place or people: "the stable operation of the banking industry" is no operation of
    anyone's, "the bombardment of the city" is."""
    if light_governor(tok) is not None:
        return True
    for c in tok.children:
        if _names_its_actor(c):
            return True
        if c.dep_ in ("acl", "advcl") and any(g.dep_ in ("mark", "aux") and g.lower_ in ("for", "to") for g in c.children):
            return True  # "demands for the minister to resign": the act asked for
        if c.dep_ != "prep" or c.lower_ not in ARGUMENT_PREPS:
            continue
        for g in c.children:
            if g.dep_ != "pobj" or g.ent_type_ in ("DATE", "TIME"):
                continue  # "demand in 2004": a time is no argument of the act
            if c.lower_ != "of" or g.ent_type_ in ACTOR_ENTS | {"LOC", "FAC"} or g.pos_ in ("PROPN", "PRON"):
                return True
            if g.lemma_.lower() not in contexts()["abstract"][1] and not _activity(g):
                return True
    return False


def _activity(noun: Token) -> bool:
    """A noun of a process or a field rather than of people or places ("of the industry", "of
    the economy", "of the market"): an "of" phrase with it gives an event noun no actor."""
    return noun.lemma_.lower() in contexts()["market"][1] or noun.lemma_.lower() in ACTIVITY_NOUNS


ACTIVITY_NOUNS = frozenset(
    "industry economy sector market system business trade banking finance production company "
    "network service process programme program machine equipment plant facility project".split()
)


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
        elif tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            continue  # "according to" names a source, it grants nothing
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
        if _names_a_thing(tok):
            continue
        entry = _match_noun(tok)
        if entry is None:
            continue
        light = light_governor(tok)
        clause = light if light is not None else clause_head(tok)
        mentions.append(Mention(entry, tok, clause, True, entry.type, entry.mode))
    return _commands(mentions)


# Heads that an event noun before them still names an act of: "an aid convoy", "a rescue
# mission", "the protest march" (the head, when a trigger, codes it of its own).
CARRYING_HEADS = frozenset(
    "convoy shipment package delivery flight airlift drop consignment mission operation campaign "
    "effort attempt drive bid initiative process action wave spree".split()
)


def _names_a_thing(noun: Token) -> bool:
    """An event noun that only modifies another noun names what that thing is for or about,
    not an act: "a detention camp", "war crimes", "attack helicopters", "aid workers"."""
    if noun.dep_ != "compound" or noun.head.pos_ != "NOUN" or noun.head.i == noun.i:
        return False
    head = noun.head.lemma_.lower()
    if head in CARRYING_HEADS:
        return False
    return _match_noun(noun.head) is None  # "ceasefire talks": the talks are the event


def _commands(mentions: list[Mention]) -> list[Mention]:
    """ "Trump ordered missile strikes on Syria": the strike is the event, its source the one who
    ordered it, not a request with the strike as its content."""
    ordered = {
        m.clause.i
        for m in mentions
        if m.nominal and m.type in HOSTILE_MATERIAL and m.trigger.dep_ == "dobj"
        and lemma_of(m.clause) in COMMAND_VERBS and m.clause.i == m.trigger.head.i
    }
    return [m for m in mentions if m.nominal or m.trigger.i not in ordered]
