"""Reading the dependency parse, shared by every job of the coder.

A token's clause, the light verb that carries a nominal event ("held talks", "went on strike"),
a verb's subject and whether it is the patient, the character span of a noun phrase: facts of
the parse rather than decisions about events, kept below the modules that decide so that each
of them can use them without importing another.
"""

from __future__ import annotations

from spacy.tokens import Token

from .vocabulary import HAPPEN_VERBS, LIGHT_VERBS, PLAN_VERBS, lemma_of

SEPARATING_PREPS = frozenset(
    "after before since following amid despite unlike until than like ahead prior".split()
)
SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_DEPS = ("nsubjpass", "csubjpass")
NP_DEPS = frozenset({"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod", "case", "npadvmod"})
NP_PREPS = frozenset({"of", "in", "from", "throughout", "across"})


def _np_prep(tok: Token) -> bool:
    """A prepositional modifier that names who a group is ("rebels in the Ivory Coast")."""
    if tok.dep_ == "prep":
        return tok.lower_ in NP_PREPS
    return tok.dep_ == "pobj" and tok.head.lower_ in NP_PREPS


def np_bounds(tok: Token, with_preps: bool = False) -> tuple[int, int]:
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


def is_verbal(tok: Token) -> bool:
    return tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in ("aux", "auxpass"))


FRAME_NOUNS = frozenset({"effort", "campaign", "drive", "process", "bid", "initiative", "mission"})


def light_governor(noun: Token) -> Token | None:
    """The verb that carries a nominal event: "held talks", "went on strike", "staged a rally",
    "launched a mediation effort"."""
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in FRAME_NOUNS:
        noun = noun.head
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and lemma_of(head) in LIGHT_VERBS:
        return head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ not in SEPARATING_PREPS  # "ordered patrols after protests": not carried
        and lemma_of(head.head) in LIGHT_VERBS
        and not _carries_another(head.head)
    ):
        return head.head
    if noun.dep_ == "nsubjpass" and lemma_of(head) in LIGHT_VERBS:
        return head
    if noun.dep_ == "nsubj" and (
        lemma_of(head) in HAPPEN_VERBS or any(c.dep_ == "dobj" and c.lower_ == "place" for c in head.children)
    ):
        return head
    return None


def _carries_another(verb: Token) -> bool:
    """Whether a light verb already carries its own object: in "expressed outrage at the murder"
    the verb carries the outrage, and the murder is what the outrage is about, not an act of the
    one who expressed it; "took part in talks" and "took place in" carry nothing of their own."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() not in ("part", "place") for c in verb.children)


ASPECT_NOUNS = frozenset(
    "launch start beginning resumption continuation escalation intensification expansion".split()
)


def aspect_frame(noun: Token) -> Token | None:
    """The verb whose object is the launch or start of a nominal event: who "announced the launch
    of the assault on Afrin" or "ordered the resumption of the strikes" carries it out."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    frame = noun.head.head
    if frame.pos_ != "NOUN" or frame.lemma_.lower() not in ASPECT_NOUNS:
        return None
    if frame.dep_ in ("dobj", "nsubjpass") and is_verbal(frame.head):
        return frame.head
    return None


def clause_head(tok: Token) -> Token:
    """The nearest verb above a token (itself when it is one)."""
    t = tok
    while not is_verbal(t) and t.head.i != t.i:
        t = t.head
    return t


def subject_tokens(verb: Token) -> tuple[list[Token], bool]:
    """Subject tokens of a verb and whether they are the patient (passive)."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS + PASSIVE_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        nearest = before[-1] if before else subjects[0]  # a run-in headline can leave two
        return [nearest], nearest.dep_ in PASSIVE_DEPS
    if verb.dep_ == "acomp" and verb.head.i != verb.i and is_verbal(verb.head):
        return subject_tokens(verb.head)[0], False  # "the groups are opposed to it": they oppose
    if verb.dep_ == "relcl":
        return [verb.head], any(c.dep_ == "auxpass" for c in verb.children)
    if verb.dep_ == "acl":
        return [verb.head], verb.tag_ == "VBN"
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        subj, passive = subject_tokens(verb.head)
        if passive and verb.head.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP"):
            # "The first soldiers disembarked here and met up with ...", read as a participle
            # after its noun: a finite verb joined to it has its noun as the doer
            passive = any(c.dep_ == "auxpass" for c in verb.children)
        elif any(c.dep_ == "auxpass" for c in verb.children):
            passive = True  # "the cabinet took office and has been accused of ...": it is accused
        elif any(c.dep_ == "aux" for c in verb.children) and verb.tag_ in ("VBN", "VBG"):
            passive = False  # "he was elected in May and has ruled since": he rules
        return subj, passive
    if verb.dep_ in ("xcomp", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i:
        gov = verb.head if verb.dep_ != "pcomp" else clause_head(verb.head)
        if gov.dep_ in ("acomp", "oprd") and not is_verbal(gov):
            gov = gov.head  # "it is willing to withdraw": the subject of "is"
        if verb.dep_ == "xcomp":
            objs = [c for c in gov.children if c.dep_ in ("dobj",)]
            if objs and gov.lemma_.lower() not in PLAN_VERBS:
                return objs, False
        if verb.dep_ in ("xcomp", "advcl") or (verb.dep_ == "pcomp"):
            subj, passive = subject_tokens(gov)
            if verb.dep_ == "advcl" and verb.tag_ == "VBG":
                passive = False  # "Britain was not involved ..., rejecting an accusation"
            elif verb.dep_ == "advcl" and verb.tag_ == "VBN" and not any(
                c.dep_ in ("aux", "auxpass", "mark") for c in verb.children
            ):
                passive = True  # "the premier fought on, rebuffed by rebels": he is rebuffed
            if verb.dep_ == "xcomp":
                # "he was forced to quit", "the US would be forced to release them": whoever is
                # made to act does the act; only the complement's own passive makes a patient
                # ("they were reported to have been freed", "twelve were feared killed")
                passive = _own_passive(verb)
            return subj, passive
    return [], False


def _own_passive(verb: Token) -> bool:
    """Whether a complement verb is passive in its own words: "to be released", "reported killed"."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def depth(tok: Token) -> int:
    """How far a token lies below its sentence's root (capped: a parse is a tree, but cheaply safe)."""
    steps = 0
    while tok.head.i != tok.i and steps < 50:
        tok, steps = tok.head, steps + 1
    return steps
