"""The tense of the clause an expression sits in, which decides the direction of "on Monday"
and "in November"."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .grammar import Found

# ---------------------------------------------------------------------------- tense

FUTURE_AUX = {"will", "'ll", "shall", "wo", "would", "'d"}
PAST_AUX = {"was", "were", "had", "'d", "did"}
FUTURE_GOVERNORS = {"set", "expect", "schedule", "due", "plan", "go", "slate", "poise", "intend", "aim",
                    "hope", "prepare", "agree", "promise", "vow", "seek", "want", "threaten", "decide",
                    "likely"}  # fmt: skip


def clause_tense(token: Token) -> str | None:
    """The tense ("past", "present" or "future") of the clause a token belongs to, or None when no verb
    governs it (a headline, a bare noun phrase).

    The governing verb is the first verb or auxiliary up the dependency tree; its
    auxiliaries and tag decide, and an infinitive inherits from the verb it complements
    ("is set to host" and "plans to visit" are future).
    """
    verb = _governing_verb(token)
    if verb is None:
        return None
    if verb is _NO_VERB:
        return _nearest_verb_tense(token)
    return _verb_tense(verb, depth=0)


_NO_VERB = object()


def _governing_verb(token: Token) -> Any:
    """The first verb up the tree; None when an adjective governs first ("payable Dec. 1",
    "effective Feb. 1" speak of their own time, not of the main verb's); ``_NO_VERB`` when
    the tree has no verb above (a fragment, or a parse that went wrong)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.dep_ != "amod":
            return current
        if current.pos_ == "ADJ" and current.i != token.i:
            return None
        if current.head.i == current.i:
            return _NO_VERB
        current = current.head
    return None


def _nearest_verb_tense(token: Token) -> str | None:
    """Tense of the verb nearest to the token in its sentence: the fallback for a fragment or
    a misparse ("Singh on Monday hosted Nakatani" parsed with "hosted" as an adjective)."""
    verbs = [t for t in token.sent if t.pos_ in ("VERB", "AUX") and t.tag_ != "VBG"]
    if not verbs:
        return None
    verb = min(verbs, key=lambda t: abs(t.i - token.i))
    return _verb_tense(verb, depth=0) or ("past" if verb.tag_ in ("VBN", "VBD") else None)


def _next_word(token: Token) -> str:
    return token.nbor().lower_ if token.i + 1 < len(token.doc) else ""


def _verb_tense(verb: Token, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX - {"'d"}:
        return "future"
    if "to" in words or verb.tag_ in ("VB", "VBG") and not words:
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl", "acomp") and head.i != verb.i:
            if head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ in ("due", "set", "likely"):
                return "future" if depth > 2 or _verb_tense(head, depth + 1) != "past" else None
            if depth < 3 and verb.dep_ in ("xcomp",):
                return _verb_tense(head, depth + 1)
        if verb.dep_ == "conj" and depth < 3 and head.i != verb.i:
            return _verb_tense(head, depth + 1)
        if _to_be_done(verb, words):
            return "future"
        return None
    if "going" in words or any(a.lower_ in ("is", "are", "am") and _next_word(a) == "to" for a in auxes):
        return "future"
    if words & PAST_AUX or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and verb.lemma_.lower() in SCHEDULING_VERBS and words & {"is", "are", "be", "been"}:
        return "future"
    if words & {"has", "have", "'ve", "'s"} and verb.tag_ == "VBN":
        return "past"
    if verb.tag_ == "VBN" and not words and verb.lemma_.lower() in FUTURE_GOVERNORS and verb.dep_ == "acl":
        if any(c.lower_ == "for" or c.dep_ == "xcomp" for c in verb.children):
            return "future"
    if verb.tag_ == "VBN" and not words:
        return "past" if verb.dep_ != "conj" else _verb_tense(verb.head, depth + 1) if depth < 3 else None
    if verb.tag_ in ("VBZ", "VBP") or words & {"is", "are", "am", "do", "does"}:
        if verb.tag_ == "VBG" and words & {"is", "are", "am"}:
            return "present"
        return "present"
    if verb.tag_ == "MD":
        return "future" if verb.lower_ in FUTURE_AUX else None
    return None


def _to_be_done(verb: Token, words: set[str]) -> bool:
    """A passive infinitive on a noun tells what is still to be done to it: "a summit to be held
    on Friday", "the accord to be signed in May" (not an active one, whose noun may be an aim or
    a means: "plans to challenge Friday's verdict"; nor "the last" or "the second to be freed",
    picked out by what was done)."""
    head = verb.head
    if verb.dep_ not in ("acl", "relcl") or not {"to", "be"} <= words or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return not any(
        c.lower_ in ("last", "only") or c.ent_type_ == "ORDINAL" or c.tag_ == "JJS" for c in head.children
    )


SCHEDULING_VERBS = {"schedule", "set", "plan", "slate", "expect", "due", "reschedule", "postpone", "delay"}
DEADLINE_PREPOSITIONS = {"until", "till", "til", "by", "for"}
_TENSE_DIRECTION = {"past": -1, "future": 1, "present": 0, None: 0}


def possessive(found: Found, doc: Doc | None) -> bool:
    """The expression is the possessor of a noun: "February's killing", "Sunday's vote"."""
    span = doc.char_span(found.start, found.end, alignment_mode="expand") if doc is not None else None
    return bool(span) and span.root.dep_ == "poss" and span.root.head.pos_ == "NOUN"


def _direction(found: Found, text: str, doc: Doc | None) -> int:
    if doc is None:
        return 0
    span: Span | None = doc.char_span(found.start, found.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return 0
    root = span.root
    if possessive(found, doc):
        return _possessed(root.head)
    tense = clause_tense(root)
    if tense != "past" and _due(root):
        return 1
    if root.dep_ == "pobj" and root.head.lower_ in DEADLINE_PREPOSITIONS:
        return 0 if tense == "past" else 1
    if tense != "future" and _futurate(root, tense):
        return 1
    return _TENSE_DIRECTION[tense]


ANTICIPATING = {"ahead", "until", "till", "toward", "towards", "awaiting", "await"}


def _possessed(noun: Token) -> int:
    """"February's killing", "Sunday's vote": the day of a thing, which lies behind unless the
    sentence looks ahead to it ("ahead of Sunday's vote") or a future clause tells of it as its
    subject, object or a phrase of its verb ("Sunday's vote will decide", "will vote in Sunday's
    election"); a clause that mentions it through another noun ("demands cooperation in the probe
    of February's killing") says nothing of when the thing was."""
    head = noun.head
    if noun.dep_ == "pobj" and (head.lower_ in ANTICIPATING or head.head.lower_ in ANTICIPATING):
        return 1
    on_the_verb = noun.dep_ in ("nsubj", "nsubjpass", "dobj") or (
        noun.dep_ == "pobj" and head.head.pos_ in ("VERB", "AUX")  # "will vote in Monday's election"
    )
    if on_the_verb and clause_tense(noun) == "future":
        return 1
    if any(c.dep_ == "amod" and c.lower_ in ("upcoming", "coming", "planned", "scheduled") for c in noun.children):
        return 1
    return -1


# Adjectives that date what is still to come: "the vote is due on Sept. 3", "slated for June".
DUE_ADJECTIVES = {"due", "slated", "scheduled", "set"}


def _due(token: Token) -> bool:
    """A date of what "is due": the adjective governs it ("a verdict due on Sept. 3") or sits
    beside it as the copula's complement ("the vote is due on Sept. 3"); such a day lies ahead
    of the report, where "was due" says nothing (the caller leaves past clauses alone)."""
    head = token.head.head if token.head.dep_ == "prep" else token.head
    if head.pos_ == "ADJ" and head.lower_ in DUE_ADJECTIVES:
        return head.dep_ != "acomp" or clause_tense(head.head) != "past"
    return head.lemma_ == "be" and any(
        c.dep_ == "acomp" and c.lower_ in DUE_ADJECTIVES for c in head.children
    )


# Present-tense verbs that describe a state or report speech: "says Monday" is no plan.
STATIVE_VERBS = {"be", "have", "do", "say", "tell", "seem", "know", "think", "believe", "want", "need",
                 "remain", "continue", "include", "mean", "appear", "hold", "face", "claim", "insist",
                 "deny", "accuse", "argue", "note", "add", "show", "suggest", "report", "like"}  # fmt: skip


def _futurate(token: Token, tense: str | None) -> bool:
    """A clause that tells of a later act without a future auxiliary: news writes "Arafat meets
    Albright Monday", "trading is to resume Tuesday" and "scheduled a news conference Thursday"
    for acts still to come, so a weekday or month there is the next one."""
    verb = _governing_verb(token)
    if verb is None or verb is _NO_VERB:
        return False
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be" and any(c.lower_ == "to" for c in verb.children):
        return True  # "is to resume", "are to meet"
    if token.dep_ in ("poss", "compound", "nmod", "amod") and token.head.pos_ in ("NOUN", "PROPN"):
        return False  # "follows Tuesday's declaration": the day of the noun's act, not the verb's
    lemma = verb.lemma_.lower()
    if tense == "past" and lemma in PLANNING_VERBS and verb.dep_ != "acl" and token.i > verb.i:
        return True  # what was scheduled or planned is dated by the plan, after the verb
    if tense == "present" and lemma not in STATIVE_VERBS and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return verb.tag_ == "VBZ" or (verb.tag_ == "VBP" and verb.lower_ not in SAME_FORM_PAST)
    return False


PLANNING_VERBS = {"schedule", "plan", "slate", "reschedule", "postpone", "delay"}
# Verbs whose past is their present: "shares hurt the index on Friday" is a past act.
SAME_FORM_PAST = {"hurt", "cut", "hit", "set", "put", "let", "cost", "spread", "quit", "shut", "beat", "cast",
                  "burst", "bid", "broadcast", "forecast", "upset", "split", "shed", "thrust", "read", "rid",
                  "slit", "spit", "wed", "bet", "fit"}  # fmt: skip
