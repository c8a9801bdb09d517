"""What the sense decision sees of a candidate event: named sparse features of the parse and context.

A trigger word is an event only in its political sense and when its clause tells of a specific
act. The cues for that are spread over the sentence: the trigger and its type, its dependency
role, tense, aspect and modality of its clause, who the subject is (a named government, a
pronoun, a definite or a generic noun, a share price), what the object or the verb's complement
is ("signed a death warrant", "rallied 2 percent", "declined to comment"), whether the clause
describes a noun ("a pact that would allow", "ways to expand ties") or the sentence is a title
("Monitoring Assertiveness in Strategic Waters"), genericity cues (habitual adverbs, quantifiers,
the simple present), the named entities of the clause, domain words near the trigger, a match
score after it, and the hand-written sense rules' own verdicts. Each cue
is one string ("subj_tag=NNS"); the learned weights in ``data/sense_model.json`` say how much each
one counts. The names are stable, so a model file stays readable and a feature can be looked up.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from ..annotate import sentence_entity_labels
from .mention import Mention
from .syntax import PASSIVE_DEPS, PRONOUNS, SUBJECT_DEPS, subject_tokens
from .vocabulary import contexts, in_context, lemma_of

POLITICAL_SECTORS = frozenset("GOV MIL LEG JUD COP REB INS OPP PTY SPY IGO".split())
HABITUAL = frozenset(
    "often usually always regularly routinely typically frequently sometimes generally normally "
    "rarely seldom traditionally constantly repeatedly occasionally commonly increasingly".split()
)
QUANTIFIERS = frozenset("every each all many most some any few several numerous countless such".split())
TIME_UNITS = frozenset("day week month year time night morning evening summer winter".split())
MODALS = frozenset({"will", "would", "could", "might", "may", "can", "should", "must", "shall", "'ll", "wo"})
WINDOW = 5
SCORE = re.compile(r"(?<![\d-])\d{1,3}[-–]\d{1,3}(?![\d-])")  # "2-0", "120-89": a match result


def features(m: Mention, sent: Span, s_i: int, rules: dict[str, bool]) -> list[str]:
    """The named features of one candidate mention (``rules``: the hand-written verdicts).

    >>> # "The dollar rallied against the yen." -> ["bias", "type=PROTEST", "lemma=rally", ...,
    >>> #   "subj=dollar", "subj_kind=NOUN", "no_actor", ...]
    """
    trig, clause = m.trigger, m.clause
    lemma = lemma_of(trig) if not m.nominal else trig.lemma_.lower()
    f = ["bias", f"type={m.type}", f"lemma={lemma}", f"lemma_type={lemma}|{m.type}"]
    f.append("nominal" if m.nominal else "verbal")
    f.append(f"mode={m.mode or '-'}")
    f.append(f"status={m.status}")
    f.append(f"type_status={m.type}|{m.status}")
    f.append(f"dep={trig.dep_}")
    f.append(f"clause_dep={clause.dep_}")
    if clause.dep_ == "ROOT":
        f.append("main_clause")
    elif clause.head.i != clause.i:
        f.append(f"gov={lemma_of(clause.head)}")
        f.append(f"gov_dep={clause.dep_}")
    # A noun's event is not told in the tense of its clause ("whose visit ... comes amid"), so
    # only a verb trigger takes the clause's tense features.
    f += _tense(clause) if not m.nominal else [f"noun_clause_tag={clause.tag_}"]
    f += _clause_kind(clause, sent)
    f += _subject(clause, m)
    if "subj_bare_plural" in f and not m.nominal:
        # "Rebels attacked the convoy" tells of one act; "Rebels attack convoys" of a habit
        f.append("bare_plural_present" if "simple_present" in f else "bare_plural_told")
    f += _object(trig, m)
    f += _actors(m)
    f += _genericity(clause, sent)
    if not m.nominal and _over_a_span(clause):
        f += ["span", f"span|{m.type}"]
    f += _entities(sent)
    f += _window(trig, sent)
    f += _domains(sent, {trig.i, *(t.i for t in m.merged)})
    f += _context_words(trig, clause, sent)
    if m.timex is not None:
        f.append(f"timex={m.timex.type}")
    if m.figures:
        f.append("figures")
    if s_i == 0:
        f.append("first_sentence")
    n = len(sent)
    f.append("sent_len=" + ("short" if n < 8 else "medium" if n < 30 else "long"))
    if _quoted(trig, sent):
        f.append("in_quote")
    f += [f"rule_{name}" for name, fired in sorted(rules.items()) if fired]
    return f


def _tense(clause: Token) -> list[str]:
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in aux}
    f = [f"tag={clause.tag_}"]
    if any(c.dep_ == "auxpass" for c in aux):
        f.append("passive")
    if any(c.lemma_.lower() == "have" for c in aux):
        f.append("perfect")
    if clause.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in aux):
        f.append("progressive")
    for modal in lowers & MODALS:
        f.append(f"modal={modal}")
    if any(c.dep_ == "neg" for c in clause.children):
        f.append("negation")
    present = clause.tag_ in ("VBZ", "VBP") or (
        clause.tag_ == "VBN" and any(c.tag_ in ("VBZ", "VBP") and c.dep_ == "auxpass" for c in aux)
    )
    if present and not any(c.lemma_.lower() == "have" for c in aux):
        f.append("simple_present")
    if clause.tag_ == "VB" and not aux and clause.dep_ == "ROOT":
        f.append("imperative")
    if clause.tag_ == "VBG" and clause.dep_ in ("pcomp", "pobj", "advcl", "csubj"):
        f.append("gerund_clause")
    return f


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _clause_kind(clause: Token, sent: Span) -> list[str]:
    """Where the trigger's clause stands: under a noun ("a pact that would allow", "ways to
    boost") it describes what a thing is for; a sentence without a finite verb in title case is
    a headline or a caption ("Monitoring Assertiveness in Strategic Waters"), not a report."""
    f = []
    t, steps = clause, 0
    while t.dep_ in ("xcomp", "conj", "ccomp") and t.head.i != t.i and steps < 4:
        t, steps = t.head, steps + 1
    if t.dep_ in ("acl", "relcl") and t.head.pos_ in ("NOUN", "PROPN"):
        f.append(f"under_noun={t.dep_}")
        f.append(f"gov_noun={t.head.lemma_.lower()}")
    if not any(w.tag_ in FINITE_TAGS for w in sent):
        f.append("no_finite_verb")
    words = [w for w in sent if w.is_alpha and len(w) > 3]
    unpunctuated = not sent.text.rstrip().rstrip("\"'”’)").endswith((".", "!", "?", ":"))
    if unpunctuated and words and sum(w.text[0].isupper() for w in words) >= 0.6 * len(words):
        f.append("headline")  # a title in title case: the tagger may read "Contested" as a verb
    subjectless = not any(c.dep_ in SUBJECT_DEPS for c in clause.children)
    if clause.dep_ == "ROOT" and clause.tag_ == "VBG" and subjectless:
        f.append("gerund_root")  # "Monitoring ...", "Fighting Corruption": a title, not a report
    return f


def _subject(clause: Token, m: Mention) -> list[str]:
    subjects, passive = subject_tokens(clause)
    if m.nominal and not subjects:
        return ["subj=none"]
    if not subjects:
        return ["subj=none"]
    s = subjects[0]
    f = [f"subj={s.lemma_.lower()}", f"subj_tag={s.tag_}", f"subj_ent={s.ent_type_ or '-'}"]
    if not passive and _not_an_actor(s, m):
        # "the trial threatened to inflame tensions", "it will help build the economy": a thing,
        # not an actor, does the act, so the word is in its everyday sense
        f += ["subj_nonactor", f"subj_nonactor|{m.type}"]
    f.append(f"subj_kind={_subject_kind(s)}")
    if passive:
        f.append("subj_patient")
    if s.lower_ in PRONOUNS:
        f.append(f"subj_pron={s.lower_}")
    dets = [c for c in s.children if c.dep_ in ("det", "poss", "nummod", "compound", "amod")]
    if s.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in dets) and not s.ent_type_:
        f.append("subj_bare_plural")
    for c in s.children:
        if c.dep_ in ("det", "amod", "nummod") and c.lower_ in QUANTIFIERS:
            f.append(f"subj_quant={c.lower_}")
    if s.dep_ in SUBJECT_DEPS + PASSIVE_DEPS and s.pos_ == "PROPN":
        f.append("subj_proper")
    return f


def _not_an_actor(s: Token, m: Mention) -> bool:
    """The subject is a common noun or a demonstrative that no source actor was coded from."""
    if s.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or s.pos_ == "PROPN":
        return False
    if any(c.ent_type_ in ("GPE", "NORP", "ORG", "PERSON") or c.pos_ == "PROPN"
           for c in s.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
        return False  # "the Islamic State group", "Turkish troops": a named actor
    if s.pos_ == "PRON" or s.lower_ in PRONOUNS:
        return s.lower_ in ("this", "that")  # "it" and "which" mostly stand for a body named before
    names = {w.lower() for a in m.source for w in (a.name or "").split()}
    return s.lower_ not in names


def _subject_kind(s: Token) -> str:
    """A named actor, a pronoun, a definite noun ("the army") or a generic one ("governments")."""
    if s.pos_ == "PROPN" or s.ent_type_ in ("GPE", "NORP", "ORG", "PERSON"):
        return "named"
    if s.lower_ in PRONOUNS or s.pos_ == "PRON":
        return "pronoun"
    if any(c.dep_ in ("det", "poss") and c.lower_ not in QUANTIFIERS for c in s.children):
        return "definite"
    return "generic"


def _object(trig: Token, m: Mention) -> list[str]:
    f = []
    for c in trig.children:
        if c.dep_ in ("dobj", "attr", "oprd"):
            f.append(f"obj={c.lemma_.lower()}")
            f.append(f"type_obj={m.type}|{c.lemma_.lower()}")
            f += [f"obj_mod={g.lemma_.lower()}" for g in c.children if g.dep_ in ("compound", "amod")]
            if c.ent_type_:
                f.append(f"obj_ent={c.ent_type_}")
        elif c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            # "declined to comment", "refused to say": what the act is about
            f.append(f"comp={c.lemma_.lower()}")
            f.append(f"lemma_comp={lemma_of(trig)}|{c.lemma_.lower()}")
        elif c.dep_ == "prep":
            f.append(f"prep={c.lower_}")
            f += [f"pobj={c.lower_}|{g.lemma_.lower()}" for g in c.children if g.dep_ == "pobj"]
        elif c.dep_ in ("compound", "amod") and m.nominal:
            f.append(f"mod={c.lemma_.lower()}")
        elif c.dep_ in ("det", "poss") and m.nominal:
            f.append(f"det={c.lower_ if c.dep_ == 'det' else 'poss'}")
        elif c.dep_ in ("npadvmod", "advmod"):
            f.append(f"adv={c.lemma_.lower()}")
    if any(t.ent_type_ in ("MONEY", "PERCENT") for t in trig.subtree if t.i != trig.i):
        f.append("amount_below")
    return f


def _actors(m: Mention) -> list[str]:
    f = []
    sides = (("src", m.source), ("tgt", m.target))
    for name, actors in sides:
        if not actors:
            f.append(f"{name}=none")
        for a in actors[:2]:
            f.append(f"{name}_kind={a.kind}")
            f.append(f"{name}_sector={a.sector or '-'}")
            f.append(f"{name}_country={'yes' if a.country else 'no'}")
    actors = m.source + m.target
    if not actors:
        f.append("no_actor")
    elif any(a.sector in POLITICAL_SECTORS or a.country in ("IGO", "UNO", "EUR", "IMG") for a in actors):
        f.append("political_actor")
    elif any(a.country for a in actors):
        f.append("country_actor")
    return f


def _genericity(clause: Token, sent: Span) -> list[str]:
    f = []
    for t in sent:
        low = t.lower_
        if low in HABITUAL and t.dep_ == "advmod":
            f.append(f"habitual={low}")
        if t.dep_ in ("mark", "advmod") and low in ("if", "unless", "whether", "whenever", "wherever"):
            f.append(f"mark={low}")
        if low in ("every", "each") and t.head.lemma_.lower() in TIME_UNITS:
            f.append("every_time")  # "every day", "each year": something that recurs
    if sent.text.rstrip().rstrip("\"'”’").endswith("?"):
        f.append("question")
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in clause.children):
        f.append(f"infinitive_under={clause.dep_}")
    return f


SPAN_ADVERBS = frozenset({"long", "repeatedly", "consistently", "always", "continually", "steadily", "persistently"})
DURATION_UNITS = frozenset({"year", "month", "decade", "week", "century"})


def _over_a_span(clause: Token) -> bool:
    """A perfect or progressive clause told over a stretch of time ("has supported the group
    since 2014", "have been repeating their threats for six years", "has long backed"): a
    stance or a habit held, not one act on a day."""
    aux = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if not any(c.lemma_.lower() == "have" for c in aux) and not (
        clause.tag_ == "VBG" and any(c.lemma_.lower() == "be" for c in aux)
    ):
        return False
    for c in clause.children:
        if c.dep_ == "advmod" and c.lower_ in SPAN_ADVERBS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("since", "for"):
            for g in c.children:
                if c.lower_ == "since" and g.dep_ == "pobj":
                    return True
                if g.dep_ == "pobj" and g.lemma_.lower() in DURATION_UNITS:
                    return True
    return False


def _entities(sent: Span) -> list[str]:
    kinds = sorted(set(sentence_entity_labels(sent)))
    return [f"ent={k}" for k in kinds] or ["ent=none"]


def _window(trig: Token, sent: Span) -> list[str]:
    doc = trig.doc
    lo, hi = max(sent.start, trig.i - WINDOW), min(sent.end, trig.i + WINDOW + 1)
    words = {t.lemma_.lower() for t in doc[lo:hi] if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.i != trig.i}
    return [f"near={w}" for w in sorted(words)]


def _context_words(trig: Token, clause: Token, sent: Span) -> list[str]:
    """Which non-political contexts (sport, market, accident ...) the subject, the object and the
    words near the trigger belong to, by the curated cue lists: "the yen rallied", "beat Ajax 2-0"."""
    f = []
    subjects, _ = subject_tokens(clause)
    objects = [c for c in trig.children if c.dep_ in ("dobj", "attr")]
    doc = trig.doc
    near = doc[max(sent.start, trig.i - WINDOW) : min(sent.end, trig.i + WINDOW + 1)]
    for name, (_, cues) in sorted(contexts().items()):
        if any(t.lemma_.lower() in cues for t in subjects):
            f.append(f"subj_ctx={name}")
        if any(t.lemma_.lower() in cues for t in objects):
            f.append(f"obj_ctx={name}")
        if any(t.lemma_.lower() in cues for t in near if t.i != trig.i):
            f.append(f"near_ctx={name}")
    if SCORE.search(sent.text):
        f.append("score")
        after = doc[trig.i + 1 : min(sent.end, trig.i + 6)].text
        if SCORE.search(after):
            f.append("score_after")  # "beat Ajax 2-0", "won 7-6 6-4": a result
    return f


def _domains(sent: Span, own: set[int]) -> list[str]:
    """The contexts the sentence's other nouns name: the trigger is no cue of its own domain
    ("a violent assault on the freedom of the press" has no attack around it)."""
    nouns = {t.lemma_.lower() for t in sent if t.pos_ in ("NOUN", "PROPN") and t.i not in own}
    return [f"domain={name}" for name in sorted(contexts()) if in_context(name, nouns)]


def _quoted(trig: Token, sent: Span) -> bool:
    before = sent.doc[sent.start : trig.i].text
    return sum(before.count(q) for q in ('"', "“", "”")) % 2 == 1


TYPE_SPECIFIC = ("type=", "lemma_type=", "type_status=", "type_obj=")


def type_features(feats: list[str], candidate: str) -> list[str]:
    """What the type decision sees: the sense features without those that name the candidate's
    type, the candidate type itself as one cue among the others, and the trigger paired with its
    object and prepositions ("sign|treaty", "free|hostage"), since a verb's object is what most
    often tells which of its senses the sentence means ("released prisoners" is a concession,
    "released a statement" none, "deported the preacher" coercion)."""
    lemma = next((x[6:] for x in feats if x.startswith("lemma=")), "")
    f = [x for x in feats if not x.startswith(TYPE_SPECIFIC)]
    f.append(f"cand={candidate}")
    for x in feats:
        if x.startswith("obj="):
            f.append(f"lemma_obj={lemma}|{x[4:]}")
            f.append(f"cand_obj={candidate}|{x[4:]}")
        elif x.startswith(("prep=", "pobj=", "mode=", "subj_kind=", "obj_mod=")):
            name, value = x.split("=", 1)
            f.append(f"lemma_{name}={lemma}|{value}")
    return f
