"""Whether an event happened: ``occurred``, ``planned``, ``hypothetical`` or ``negated``.

Auxiliaries, negation and governing verbs decide it: "will host" and "is set to host" are plans,
"if sealed, would provide" a condition, "did not attend" and "no one was injured" negations,
while reported speech turns "would" into a plan and an infinitive of purpose ("a force raised to
fight") an aim. The same clause analysis decides what is the content of a speech act or stance
("threatened to ban ..." is one threat, not a ban), when "vowed to" is a threat, when "asked" is a
question rather than a request, and when a reported "must" is a demand.
"""

from __future__ import annotations

from spacy.tokens import Token

from .mention import Mention
from .syntax import PASSIVE_DEPS, PRONOUNS, SUBJECT_DEPS
from .vocabulary import HOSTILE_MATERIAL, PLAN_VERBS, SPEECH_VERBS, THREAT_MODE, lemma_of

OBLIGATION = frozenset({"must", "should"})
# "Israel must withdraw", "the rebels have to disarm": an obligation told is a demand, not the act
MUST_AUX = frozenset({"must"})
# "once Tehran suspends enrichment", "until the troops leave": a condition still to be met
CONDITION_MARKS = frozenset({"once", "until", "till", "unless", "lest"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may"})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
WISH_AUX = frozenset({"should", "ought"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
# "I would like to thank ...", "we want to congratulate ...": a speaker's wish to express
# something is the expression itself, done as it is said
WISH_VERBS = frozenset({"like", "love", "want", "wish"})
# Resolve to do something: only with "to" ("the court determined that ..." tells what it found).
RESOLVE_WORDS = frozenset({"determine", "determined", "keen", "eager", "resolve", "resolved", "anxious"})
# "recommended withdrawing troops", "proposed that the army pull back": an act put forward for
# someone to do is not the act
PROPOSAL_VERBS = frozenset("recommend propose suggest advocate urge favour favor".split())
# "while withdrawing troops", "as it pulled back": a subjectless clause of the same time as its head
# shares its head's status
ACCOMPANYING_MARKS = frozenset({"while", "as", "whilst"})
# "failed to agree", "neglected to inform", "avoided attacking": the act the verb governs did not happen
FAILURE_VERBS = frozenset({"fail", "neglect", "omit", "avoid"})
# "refrained from attacking", "stopped short of endorsing", "steered clear of condemning"
HOLD_BACK_VERBS = frozenset({"refrain", "abstain", "desist"})
HOLD_BACK_ADVERBS = {"stop": "short", "fall": "short", "steer": "clear", "stay": "clear", "keep": "clear"}
EXPRESSIVE_VERBS = frozenset(
    "thank congratulate welcome commend praise condemn express extend reiterate acknowledge "
    "applaud salute convey assure apologise apologize".split()
)


def _has_if(verb: Token) -> bool:
    for c in verb.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless") for g in c.children):
            return True
    return False


def _is_reported(verb: Token) -> bool:
    t = verb
    while t.head.i != t.i:
        if t.dep_ in ("ccomp",) and lemma_of(t.head) in SPEECH_VERBS:
            return True
        if t.dep_ not in ("conj", "xcomp", "ccomp"):
            return False
        t = t.head
    return False


def clause_status(clause: Token) -> str:
    """occurred, planned, hypothetical or negated, from the auxiliaries and governing verbs."""
    chain = [clause]
    t = clause
    while (t.dep_ in ("xcomp", "conj", "acomp") or _accompanies(t)) and t.head.i != t.i:
        t = t.head
        chain.append(t)
    if t.dep_ == "ccomp" and lemma_of(t.head) in PLAN_VERBS | PROPOSAL_VERBS and not (
        lemma_of(t.head) in PROPOSAL_VERBS and _told_as_done(t)
    ):
        chain.append(t.head)
    negated = False
    planned = False
    hypothetical = False
    expressive = lemma_of(clause) in EXPRESSIVE_VERBS
    for i, v in enumerate(chain):
        kids = list(v.children)
        if i > 0 and expressive and (lemma_of(v) in WISH_VERBS or _allow_me(v)):
            continue
        lowers = {c.lower_ for c in kids if c.dep_ in ("aux", "auxpass", "neg")}
        if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod")) for c in kids):
            negated = True
        if i > 0 and chain[i - 1].dep_ == "xcomp" and (lemma_of(v) in FAILURE_VERBS or _yet_to(v)):
            negated = True  # "failed to agree", "have yet to recover": not done
        if _held_back(v):
            negated = True  # "refrained from attacking", "steered clear of condemning"
        if lowers & FUTURE_AUX or any(c.lower_ == "going" and c.dep_ == "aux" for c in kids):
            planned = True
        if lowers & WISH_AUX or (i > 0 and lemma_of(v) in ("need", "ought") and chain[i - 1].dep_ == "xcomp"):
            hypothetical = True  # "they should be punished", "need to be detained": a wish, not an act
        if lowers & MUST_AUX and not any(c.lemma_.lower() == "have" and c.dep_ == "aux" for c in kids):
            hypothetical = True  # "Israel must withdraw" (but "must have been killed" infers an act)
        if i > 0 and lemma_of(v) == "have" and v.tag_ in PRESENT_TAGS and chain[i - 1].dep_ == "xcomp" and any(
            c.tag_ == "TO" for c in chain[i - 1].children
        ):
            hypothetical = True  # "the rebels have to disarm": an obligation
        if _counterfactual(lowers, kids):
            hypothetical = True  # "could have stopped the attack": what did not happen
        if lowers & HYPOTHETICAL_AUX:
            if _has_if(v) or not _is_reported(v) or _counterfactual(lowers, kids):
                hypothetical = True
            else:
                planned = True
        if i > 0 and lemma_of(v) in PLAN_VERBS:
            planned = True
        if i > 0 and lemma_of(v) in PROPOSAL_VERBS and chain[i - 1].dep_ in ("xcomp", "ccomp") and not (
            _told_as_done(chain[i - 1])
        ):
            hypothetical = True  # "will recommend withdrawing troops": put forward, not done
        if i > 0 and lemma_of(v) in RESOLVE_WORDS and chain[i - 1].dep_ == "xcomp":
            planned = True  # "arrived determined to ask", "keen to sign": what one means to do
        if v.dep_ == "xcomp" and lemma_of(v.head) in PLAN_VERBS | {"be"}:
            for c in v.head.children:
                if c.dep_ == "acomp" and lemma_of(c) in PLAN_VERBS:
                    planned = True
        if any(c.dep_ == "acomp" and lemma_of(c) in PLAN_VERBS for c in kids) and i > 0:
            planned = True
        if (
            v.dep_ == "xcomp"
            and lemma_of(v.head) == "be"
            and any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids)
        ):
            planned = True  # "officials are to hold talks Friday"
        if any(c.dep_ in SUBJECT_DEPS + PASSIVE_DEPS and _says_none(c) for c in kids):
            negated = True  # "no one was injured"
        if v.dep_ in ("advcl", "xcomp", "ccomp") and _judged_possible(v):
            hypothetical = True  # "it was possible for them to back out of the pact": a prospect
        if v.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in kids):
            hypothetical = True  # "it remains unclear whether the envoy was freed": left open
        if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in kids):
            hypothetical = True  # "if she ... was charged and convicted"
        if v.dep_ == "advcl" and _present(v) and any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
            hypothetical = True  # "once Tehran suspends its enrichment programme"
    for c in clause.children:
        if (
            c.dep_ == "advcl"
            and c.lemma_.lower() in ("seal", "finalise", "finalize", "sign")
            and _has_if(clause)
        ):
            hypothetical = True
    if _purpose_of_other(t):
        planned = True  # "a force raised to fight Isis": an aim, not a report that it happened
    if _content_of_prospect(t):
        hypothetical = True  # "voiced hope that the deal can lead to talks": a prospect
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if planned:
        return "planned"
    return "occurred"


# "it is possible for them to renege", "it is unlikely that the army withdrew": a judgement of chance
CHANCE_ADJECTIVES = frozenset("possible impossible conceivable likely unlikely probable improbable".split())


def _judged_possible(verb: Token) -> bool:
    """The clause hangs off a copula judged by an adjective of chance ("it was possible for ...")."""
    head = verb.head
    return head.i != verb.i and lemma_of(head) == "be" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in CHANCE_ADJECTIVES for c in head.children
    )


def _yet_to(verb: Token) -> bool:
    """ "have yet to recover", "is yet to withdraw": what is still to be done has not been."""
    yet = any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.children)
    return yet and lemma_of(verb) in ("have", "be")


def _held_back(verb: Token) -> bool:
    """A gerund that one refrains from ("refrained from attacking", "stopped short of endorsing",
    "steered clear of condemning"): the act held back did not happen."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ not in ("from", "of") or prep.head.i == prep.i:
        return False
    governor = prep.head
    if governor.pos_ in ("ADV", "ADJ") and governor.head.i != governor.i:
        adverb, governor = governor.lower_, governor.head  # "stopped short of": "of" hangs on "short"
    else:
        adverb = next((c.lower_ for c in governor.children if c.dep_ in ("advmod", "acomp", "oprd")
                       and c.lower_ in ("short", "clear")), None)
    lemma = lemma_of(governor)
    if prep.lower_ == "from":
        return lemma in HOLD_BACK_VERBS
    return adverb is not None and HOLD_BACK_ADVERBS.get(lemma) == adverb


def _accompanies(verb: Token) -> bool:
    """ "while withdrawing troops": a gerund clause without a subject of its own, marked as going
    on at the same time as its head, is told in its head's mood."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG":
        return False
    kids = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ in ACCOMPANYING_MARKS for c in kids) and not any(
        c.dep_ in SUBJECT_DEPS for c in kids
    )


def _counterfactual(lowers: set[str], kids: list[Token]) -> bool:
    """ "could have stopped", "would have won", "should have been warned": a modal with the
    perfect tells what did not happen (reported or not)."""
    return bool(lowers & (HYPOTHETICAL_AUX | WISH_AUX)) and any(
        c.lemma_.lower() == "have" and c.dep_ == "aux" for c in kids
    )


def _present(verb: Token) -> bool:
    """The clause is in the present tense ("suspends", "is lifted", "have left")."""
    if verb.tag_ in PRESENT_TAGS:
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ in PRESENT_TAGS for c in verb.children)


def _allow_me(verb: Token) -> bool:
    """ "Allow me to thank ...", "let me express ...": an imperative that introduces the act."""
    return lemma_of(verb) in ("allow", "let", "permit") and any(
        c.lower_ in ("me", "us") for c in verb.children
    )


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


# Nouns and verbs that frame an event as a prospect or a topic, not a report that it happened:
# "the chance of armed conflict", "fears of an attack", "the debate over missile strikes",
# "warned of attacks", "preparing for war"; and verbs that tell it did not happen ("averted a war").
PROSPECT_NOUNS = frozenset(
    "chance risk threat fear danger prospect possibility spectre specter likelihood warning "
    "expectation hope debate question talk discussion negotiation proposal plan call demand "
    "appeal idea option prevention".split()
)
PROSPECT_VERBS = {"warn": ("of", "against", "about"), "prepare": ("for",), "fear": (), "risk": (),
                  "brace": ("for",), "contemplate": (), "consider": (), "mull": ()}
PREVENT_VERBS = frozenset("prevent avert avoid forestall thwart foil preempt pre-empt".split())
FRAME_PREPS = frozenset({"of", "for", "over", "about", "on", "against"})


def _content_of_prospect(verb: Token) -> bool:
    """The clause says what a hope, fear or expectation is of: "hope that the talks will resume"."""
    return (
        verb.dep_ == "acl"
        and verb.head.pos_ == "NOUN"
        and lemma_of(verb.head) in PROSPECT_NOUNS
        and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)
    )


def framed_status(noun: Token) -> str | None:
    """The status a frame gives an event noun, or None: "the risk of war" and "warned of attacks"
    are prospects (hypothetical), "averted a war" a denial (negated)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in FRAME_PREPS and head.head.i != head.i:
        governor = head.head
        lemma = lemma_of(governor)
        if governor.pos_ == "NOUN" and lemma in PROSPECT_NOUNS:
            return "hypothetical"
        if governor.pos_ in ("VERB", "AUX") and head.lower_ in PROSPECT_VERBS.get(lemma, ()):
            return "hypothetical"
        return None
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        lemma = lemma_of(head)
        if lemma in PREVENT_VERBS:
            return "negated"
        if lemma in PROSPECT_VERBS:
            return "hypothetical"
    return None


def nominal_status(noun: Token, status: str) -> str:
    """ "the planned US pullout", "a possible strike", "no attack ever happened", "the risk of war"."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return "negated"
    framed = framed_status(noun)
    if framed == "negated" or (framed is not None and status == "occurred"):
        return framed
    if status != "occurred":
        return status
    if mods & POSSIBLE_MODIFIERS:
        return "hypothetical"
    if mods & PLANNED_MODIFIERS:
        return "planned"
    return status


def content_scope(m: Mention) -> set[int]:
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


SENDING_VERBS = frozenset({"send", "dispatch", "despatch", "deploy", "fly", "rush"})
HELP_TYPES = frozenset({"AID", "COOPERATE", "SUPPORT"})


def commit_type(m: Mention, inner: list[Mention]) -> None:
    """ "vowed to fight" is a threat, "vowed to cooperate" an agreement; "sent medical teams to
    help fight the outbreak" is aid given, not an agreement."""
    if "commit" in m.entry.flags and any(i.type in HOSTILE_MATERIAL for i in inner):
        m.type = "THREATEN"
        m.mode = next((THREAT_MODE[i.type] for i in inner if i.type in THREAT_MODE), None)
    elif (
        not m.nominal
        and m.type in ("AGREE", "CONSULT")
        and m.entry.lemma in SENDING_VERBS
        and any(i.type in HELP_TYPES and _is_purpose_of(i.trigger, m.trigger) for i in inner)
    ):
        m.type, m.mode = "AID", None


def _is_purpose_of(tok: Token, verb: Token) -> bool:
    """Whether ``tok`` heads (or is under) an infinitive of purpose of ``verb``."""
    t, steps = tok, 0
    while t.i != verb.i and t.head.i != t.i and steps < 4:
        if t.head.i == verb.i:
            return _is_purpose(t)
        t, steps = t.head, steps + 1
    return False


QUESTION_WORDS = frozenset("if whether what why how who when where which".split())


def asks_question(verb: Token) -> bool:
    """ "asked whether he would run", "when asked about it", "Trump asked on Twitter": a question,
    not a request."""
    if lemma_of(verb) != "ask":
        return False
    kids = list(verb.children)
    if any(
        c.dep_ in ("xcomp", "dobj", "dative") and c.lower_ not in ("question", "it") for c in kids
    ) and not any(c.dep_ == "ccomp" for c in kids):
        return False  # "asked Britain to ...", "asked for a fee"
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in kids):
        return False
    for c in kids:
        if c.dep_ == "ccomp" and any(g.lower_ in QUESTION_WORDS for g in c.subtree):
            return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("when", "if", "as") for c in kids):
        return True  # "when asked about ..."
    following = verb.doc[verb.i + 1] if verb.i + 1 < verb.sent.end else None
    if verb.tag_ == "VBN" and following is not None and following.lower_ in QUESTION_WORDS | {"about"}:
        return True  # "Asked if the raid ended it, he said ...": the parser may hang "if" elsewhere
    before = verb.doc.text[max(0, verb.sent.start_char - 4) : verb.sent.start_char].rstrip()
    return "?" in verb.sent.text or before.rstrip("\"'”’").endswith("?") or _quoted_question(verb)


QUOTES = frozenset({'"', "“", "”", "``", "''"})
INVERTED_AUX = frozenset(
    "is are was were do does did can could will would should shall has have had may might must".split()
)


def _told_as_done(verb: Token) -> bool:
    """A clause in the past or perfect under "suggest" is evidence of what happened ("the evidence
    suggests the army shelled the village"), not an act put forward ("suggested the army withdraw")."""
    return verb.tag_ == "VBD" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _quoted_question(verb: Token) -> bool:
    """ "'What is left for us now,' a diplomat asked": the quotation the verb reports, when it
    comes before the verb and opens with a question word or an inverted auxiliary, is a question
    even without its question mark (wire copy often ends a quote with a comma)."""
    sent = verb.sent
    marks = [t.i for t in sent if t.i < verb.i and (t.text in QUOTES or t.tag_ in ("``", "''"))]
    if len(marks) < 2:
        return False
    opening, closing = marks[-2], marks[-1]
    if any(t.pos_ in ("VERB", "AUX") for t in verb.doc[closing + 1 : verb.i]):
        return False  # another verb stands between the quotation and "asked"
    words = [t for t in verb.doc[opening + 1 : closing] if t.is_alpha]
    if not words:
        return False
    if words[0].lower_ in QUESTION_WORDS - {"if"}:
        return True
    # an inverted auxiliary asks only with a subject after it: "Do not fire" and "Have mercy" ask nothing
    return (
        words[0].lower_ in INVERTED_AUX
        and len(words) > 1
        and words[1].lower_ not in ("not", "n't")
        and words[1].pos_ in ("PRON", "PROPN", "DET", "NOUN")
    )


def obligation(verb: Token) -> Token | None:
    """ "Russia said Sudan must return the helicopter": a reported obligation is a demand."""
    for c in verb.children:
        if c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in OBLIGATION for a in c.children):
            subj = [g for g in c.children if g.dep_ in SUBJECT_DEPS]
            pronoun = subj and subj[0].lower_ in PRONOUNS | {"i", "you"} and subj[0].text != "US"
            if subj and not pronoun and _names_actor(subj[0]):
                return c
    return None


ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _names_actor(subject: Token) -> bool:
    """Whether the subject of a reported "must" is someone who can be told to act ("the
    government must ...", "US forces must ..."), not a thing that "should recover"."""
    if subject.ent_type_ in ACTOR_ENTS or any(
        c.ent_type_ in ACTOR_ENTS for c in subject.children if c.dep_ in ("compound", "amod", "poss")
    ):
        return True
    from dateline.actors import code_actor  # below the event coder; imported when first needed

    return code_actor(subject.lemma_)[1] is not None
