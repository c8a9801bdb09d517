"""Whether a matched trigger is a political event of its own.

A bare noun with no actor, date or toll only refers back to an event ("the meeting"); a noun
that restates its verb ("hosted ... for talks") is the same event; sport, market reports
("declined 40 sen") and accidents ("killed when a wall fell") are no act of one political
actor towards another.

Where rules cannot separate senses a learned decision joins them: :func:`keep_events` scores
every candidate with a logistic model over the features of :mod:`.features` (the rules' own
verdicts among them), trained by ``dateline train`` on labelled sentences the project writes
(``data/sense_train.tsv``) and stored in ``data/sense_model.json``. A generic or habitual
statement ("journalists are killed by gangsters"), a metaphor ("signed his own death warrant"),
a market or a match report is no event; a past event told as background is. Without the model
file the rules decide alone.
"""

from __future__ import annotations

import contextlib
import functools
import json
import math
from collections.abc import Iterator
from contextvars import ContextVar
from importlib import resources
from typing import Any

from spacy.tokens import Span, Token

from dateline import kb as knowledge

from .features import FINITE_TAGS, SCORE, features, type_features
from .mention import Mention
from .syntax import SEPARATING_PREPS, SUBJECT_DEPS, depth, light_governor, subject_tokens
from .vocabulary import TYPES, contexts, in_context, lemma_of, offered_types

POLITICAL_SECTORS = frozenset("GOV MIL LEG JUD COP REB INS OPP PTY SPY IGO".split())
DISASTER_TYPES = frozenset({"ASSAULT", "PROTEST", "THREATEN", "REQUEST", "SANCTION"})
MARKET_TYPES = frozenset({"REJECT", "CONCEDE", "RETREAT", "ASSAULT", "COERCE", "PROTEST"})
METAPHOR_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
CAUSE_OF_DAMAGE = frozenset({"blast", "explosion", "bomb", "shell", "missile", "rocket", "fire", "blaze"})


def off_topic(m: Mention, nouns: set[str]) -> bool:
    """Whether a mention is sport, a market report, a metaphor of attack ("an assault on press
    freedom"), a running toll of killings, a title ("Monitoring Naval Assertiveness") or damage done by a blast rather than
    a political event.

    "United lost four Premiership matches", "the carmaker eased 15 sen", "killed when a wall
    fell onto a parked bus": without a political actor, the event word is a metaphor or
    a misfortune, not an act of one political actor towards another. Harm that nobody is told to
    have done, among the words of an accident and none of an attack, is the accident's.
    """
    political = any(
        a.sector in POLITICAL_SECTORS or a.country in ("IGO", "UNO", "EUR", "IMG")
        for a in m.source + m.target
    )
    if not m.nominal and _gerund_title(m.trigger):
        return True  # "Monitoring Naval Assertiveness in Contested Waters": a title, not a report
    if not m.nominal:
        subjects = [s for s in subject_tokens(m.clause)[0] if s.dep_ in SUBJECT_DEPS]
        if any(s.lemma_.lower() in contexts()["accident"][1] for s in subjects) and m.type != "AID":
            return True  # "mud blocked the mouths of the pit"
        if m.type == "COERCE" and any(s.lemma_.lower() in CAUSE_OF_DAMAGE for s in subjects):
            return True  # "the blast destroyed a car": the bombing is the event
        if m.type in MARKET_TYPES and _moves_by_amount(m.trigger):
            return True  # "declined 40 sen to 12.30 ringgit"
        if m.type in MARKET_TYPES and _result_follows(m.trigger):
            return True  # "beat Feyenoord 2-0", "defeated the champion 7-6 6-4": a match
        if m.type == "ASSAULT" and _contest_won(m.trigger, nouns):
            return True  # "beat her teammate into silver", "was beaten in the election"
    if not m.nominal and _no_comment(m.trigger):
        return True  # "declined to comment on the claims": a spokesman's silence, not a refusal
    if m.type == "ASSAULT" and _mishap(m, nouns):
        return True  # "were hurt when their truck overturned": harm with no attacker in a mishap
    if not m.nominal and m.type == "ASSAULT" and _self_harm(m.trigger):
        return True  # "killed himself in his cell": a suicide, not an attack on anyone
    if m.type in METAPHOR_TYPES and _abstract_target(m):
        return True  # "an assault on press freedom", "attacked the independence of the courts"
    if running_total(m):
        return True  # "the conflict has killed more than 3,000 people since 2011": a toll to date
    if political:
        return False
    if in_context("market", nouns):
        return True
    # sport, unless an attack is told too: "a mortar attack killed children playing football"
    return in_context("sport", nouns) and not in_context("attack", nouns)


TOTAL_SUBJECTS = frozenset(
    "war conflict fighting violence insurgency crisis unrest uprising campaign revolt rebellion "
    "bloodshed".split()
)
LARGE_WORDS = frozenset({"hundreds", "thousands", "millions", "million", "billion"})


def running_total(m: Mention) -> bool:
    """Whether a killing is told as a running total, not as an act on the day: "the conflict has
    killed more than 3,000 people since 2011", "a leader who has killed nearly a million of his
    citizens", "the war has so far killed thousands". A perfect with a toll in the hundreds or
    thousands, or a war as the killer, sums many acts; "gunmen have killed 12 people in a market"
    and "drone strikes have killed eight leaders since July" are acts the reader can count."""
    if m.nominal or m.type != "ASSAULT":
        return False
    verb = m.trigger
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    perfect = any(c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in aux)
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if any(s.lemma_.lower() in TOTAL_SUBJECTS for s in subjects) and (perfect or _since(verb)):
        return True
    return perfect and _large_toll(verb)


def _since(verb: Token) -> bool:
    return any(c.lower_ == "since" and c.dep_ in ("prep", "mark", "advmod") for c in verb.children)


def _large_toll(verb: Token) -> bool:
    """A victim count of a thousand or more, or "hundreds of", "thousands of" people."""
    for c in verb.children:
        if c.dep_ not in ("dobj", "nsubjpass"):
            continue
        for t in c.subtree:
            low = t.lower_.replace(",", "")
            if low in LARGE_WORDS:
                return True
            if t.like_num and low.replace(".", "").isdigit() and float(low) >= 1000:
                return True
    return False


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves"})
SELF_HARM_VERBS = frozenset({"kill", "shoot", "hang", "stab", "poison", "burn"})


def _self_harm(verb: Token) -> bool:
    """A verb of killing whose only object is its own subject ("killed himself", "shot
    themselves"); "blew himself up" is a suicide attack, and "killed himself and ten others"
    killed others too."""
    if lemma_of(verb) not in SELF_HARM_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and all(o.lower_ in REFLEXIVES and not o.conjuncts for o in objects)


# Verbs that tell of a mishap ("two buses collided", "the ferry capsized"): with no sign of an
# attack, the deaths and injuries of the sentence are an accident's.
ACCIDENT_VERBS = frozenset(
    "collide crash capsize derail overturn sink drown plunge topple skid explode collapse".split()
)


def accidental(m: Mention, nouns: set[str]) -> bool:
    """Whether a hostile act is told among the words of an accident or a disaster ("killed when a
    wall fell onto a parked bus") with no sign of an attack and no political actor. Only a cue
    the model weighs: aid sent after floods, a threat to shell a Christmas tree are acts all the same."""
    political = any(
        a.sector in POLITICAL_SECTORS or a.country in ("IGO", "UNO", "EUR", "IMG")
        for a in m.source + m.target
    )
    mishap = in_context("accident", nouns) or any(
        t.pos_ == "VERB" and t.lemma_.lower() in ACCIDENT_VERBS for t in m.trigger.sent
    )
    return not political and m.type in DISASTER_TYPES and mishap and not in_context("attack", nouns)


# What a spokesman declines to do when he declines to speak to the press.
COMMENT_VERBS = frozenset("comment say elaborate speculate confirm disclose specify discuss detail".split())
OFFERS = frozenset({"offer", "proposal", "plan", "demand"})  # "refused to discuss the offer" rejects it


def _no_comment(verb: Token) -> bool:
    """ "declined to comment", "refused to say how many": silence towards reporters, which
    rejects nothing of anyone's; "refused to discuss the offer with the rebels" does."""
    if lemma_of(verb) not in ("decline", "refuse"):
        return False
    return any(
        c.dep_ == "xcomp" and lemma_of(c) in COMMENT_VERBS
        and not any(g.dep_ == "prep" and g.lower_ == "with" for g in c.children)
        and not any(g.dep_ == "dobj" and g.lemma_.lower() in OFFERS for g in c.children)
        for c in verb.children
    )


# Who may be the victims of a mishap as of an attack: naming them is no sign of violence.
FORCES = frozenset({"force", "troops", "soldier", "army", "police"})


def _mishap(m: Mention, nouns: set[str]) -> bool:
    """Harm that no actor is told to have done, in a sentence of an accident ("two soldiers were
    hurt when their truck overturned", "the airliner crashed, killing 98") with no word of an
    attack ("a car bomb killed"); a fire alone may be gunfire ("killed in a firefight"),
    so it is no cue."""
    if m.source:
        return False
    mishap = bool(nouns & (contexts()["accident"][1] - {"fire"})) or any(
        t.pos_ == "VERB" and t.lemma_.lower() in ACCIDENT_VERBS for t in m.trigger.sent
    )
    return mishap and not nouns & (contexts()["attack"][1] - FORCES)


def _gerund_title(verb: Token) -> bool:
    """A line headed by a gerund with no subject and no finite verb anywhere ("Fighting
    Corruption in the Provinces", "Monitoring Naval Assertiveness"): the title of a section or a
    report, which tells of no act."""
    sent = verb.sent
    if verb.dep_ != "ROOT" or verb.tag_ != "VBG" or verb.i != sent.start:
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return not any(t.tag_ in FINITE_TAGS for t in sent)


def _abstract_target(m: Mention) -> bool:
    """Whether what is attacked is an idea or an institution's quality rather than people or
    places: a verb's object, a noun's "on" or "against" phrase ("a war on poverty")."""
    abstract = contexts()["abstract"][1]
    t = m.trigger
    if m.nominal:
        heads = [g for c in t.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "upon")
                 for g in c.children if g.dep_ == "pobj"]
    else:
        heads = [c for c in t.children if c.dep_ == "dobj"]
    return any(
        h.lemma_.lower() in abstract and h.ent_type_ not in ("GPE", "NORP", "ORG", "PERSON", "FAC", "LOC")
        for h in heads
    )


def _result_follows(verb: Token) -> bool:
    """A match score just after the verb ("beat Ajax 2-0", "won 7-6 6-4")."""
    doc = verb.doc
    return bool(SCORE.search(doc[verb.i + 1 : min(verb.sent.end, verb.i + 6)].text))


# Verbs of winning over a rival, which in a match, a race or a vote tell a result, not violence.
CONTEST_VERBS = frozenset(
    "beat defeat down top edge rout thrash trounce outpoint outscore upset eliminate".split()
)


def _contest_won(verb: Token, nouns: set[str]) -> bool:
    """A verb of winning over a rival told with a score, with the words of a contest ("teammate",
    "silver", "the third round", "the election") or with what it won ("beat the champion to win
    gold"), and no word of an attack: "riot police beat voters at a polling station" is violence."""
    if lemma_of(verb) not in CONTEST_VERBS or in_context("attack", nouns):
        return False
    won = any(c.dep_ in ("xcomp", "advcl", "conj") and lemma_of(c) == "win" for c in verb.children)
    return won or bool(SCORE.search(verb.sent.text)) or in_context("contest", nouns)


def _moves_by_amount(verb: Token) -> bool:
    """A price or index that moves by an amount ("fell 1.1 percent", "eased 10 sen")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "npadvmod") or (c.dep_ == "prep" and c.lower_ in ("to", "by")):
            if any(t.ent_type_ in ("MONEY", "PERCENT") for t in c.subtree):
                return True
    return False


# Acts whose "for" phrase names what is punished, not their purpose ("hosted him for talks").
PUNISHED_TYPES = frozenset({"ASSAULT", "COERCE"})


def _attaches(inner: Mention, outer: Mention) -> bool:
    """Whether ``inner`` restates ``outer`` (a noun hanging off its verb, a relative clause)."""
    t = inner.trigger
    anchors = {outer.trigger.i}
    if not outer.nominal or light_governor(outer.trigger) is not None:
        anchors.add(outer.clause.i)
    steps = 0
    while t.head.i != t.i and steps < 6:
        if t.dep_ == "pobj" and t.head.lower_ in SEPARATING_PREPS:
            return False
        if t.dep_ == "pobj" and t.head.lower_ == "for" and inner.type in PUNISHED_TYPES:
            return False  # "hanged for the execution of 40 villagers": the cause is another act
        if t.dep_ == "prep" and t.lower_ in SEPARATING_PREPS:
            return False
        t = t.head
        steps += 1
        if t.i in anchors:
            return True
    return False


def merge_same(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (depth(m.trigger), m.nominal, m.trigger.i)):
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


# Verbs that tell a place or a person is in a condition ("a town which is under siege", "remains
# under blockade"), unlike those that tell it came to be ("came under attack", "placed under arrest").
STATE_VERBS = frozenset("be remain stay live lie continue languish sit".split())
# Verbs of a charge one stands accused under ("facing charges over a mutiny", "awaits trial"): told
# with them, the charge was brought before and is a standing state of the person.
STANDING_VERBS = frozenset({"face", "await"})
# Present-tense adverbs that make an act a habit: "guerrillas often ambush convoys".
HABIT_ADVERBS = frozenset(
    "often usually regularly routinely typically frequently generally normally commonly customarily "
    "rarely seldom".split()
)
# Nouns after "under" that are the act itself, not a standing condition ("was under attack on Monday").
UNDER_ATTACK = frozenset("attack fire shelling bombardment assault".split())
DEMAND_VERBS = frozenset("demand protest denounce condemn oppose reject call press insist".split())
CAMPAIGN_MODIFIERS = frozenset("campaign election electoral pre-election re-election victory".split())
FOLLOWERS = frozenset("supporter follower loyalist voter partisan admirer fan".split())
THREAT_AGENTS = frozenset(
    "gunman militant rebel insurgent attacker kidnapper captor terrorist extremist bomber mob "
    "protester demonstrator striker worker union group faction militia leader official".split()
)


def not_an_act(m: Mention) -> bool:
    """Whether the mention tells a standing state or a habit rather than an act on a day: a town
    "which is under siege", an officer "facing charges", "guerrillas often ambush convoys", a
    leader's rally with his supporters (a campaign event, not a protest), or a threat whose
    subject is a thing ("the drought threatens the harvest")."""
    t = m.trigger
    if m.nominal:
        prep = t.head
        if t.dep_ == "pobj" and prep.lower_ == "under" and prep.head.i != prep.i:
            governor = prep.head
            if t.lemma_.lower() not in UNDER_ATTACK and (
                governor.pos_ in ("NOUN", "PROPN", "ADJ") or lemma_of(governor) in STATE_VERBS
            ):
                return True  # "the enclave which is under siege", "a city under blockade"
        if t.dep_ == "dobj" and m.type == "ACCUSE" and lemma_of(t.head) in STANDING_VERBS:
            return True
        if m.type == "PROTEST" and _campaign_rally(t):
            return True
        return _habitual_present(m.clause)  # "guerrillas often ambush army convoys"
    if m.type == "ACCUSE" and lemma_of(t) in STANDING_VERBS:
        return True  # "faces charges of fraud": the verb of the dictionary's pattern
    if m.type == "THREATEN" and not m.source and _thing_subject(m.clause):
        return True
    if m.type == "SUPPORT" and _backed_by_equipment(t):
        return True  # "a patrol backed by tanks swept the market": the sweep is the act
    if m.type in ("SUPPORT", "REQUEST") and _pastime(t):
        return True  # "the mayor encouraged residents to enjoy the beaches"
    return _habitual_present(m.clause)


EQUIPMENT = frozenset(
    "jeep tank helicopter gunship aircraft plane jet warplane drone vehicle armour armor artillery "
    "bulldozer truck boat warship ship vessel carrier".split()
)


def _backed_by_equipment(verb: Token) -> bool:
    """ "troops backed by jeeps and helicopters": machines that go with a force back no one."""
    agents = [
        g for c in verb.children
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by" and verb.tag_ == "VBN")
        for g in c.children if g.dep_ == "pobj"
    ]  # the parser may read a participle's "by" as a preposition of an active verb
    return bool(agents) and all(
        any(w.lemma_.lower() in EQUIPMENT for w in [a, *a.conjuncts]) for a in agents
    )


def _pastime(verb: Token) -> bool:
    """An exhortation whose complement is a private pastime ("urged families to relax at the
    seaside", "encouraged residents to celebrate Christmas"), by the leisure cue words on the
    complement verb or its object; a time it names ("halt the attacks during the holidays", "a
    truce over Easter") leaves the appeal political."""
    cues = contexts()["leisure"][1]
    for c in verb.children:
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX"):
            if lemma_of(c) in cues or any(g.dep_ == "dobj" and g.lemma_.lower() in cues for g in c.children):
                return True
    return False


def _campaign_rally(noun: Token) -> bool:
    """ "an election rally", "hold a rally with supporters": a campaign event, unless it is against
    someone or for a demand ("a rally of his supporters to demand a recount")."""
    heads = [noun] + ([noun.head] if noun.dep_ in ("dobj", "pobj") else [])
    kids = [c for h in heads for c in h.children]
    if any(c.dep_ == "prep" and c.lower_ in ("against", "over") for c in kids):
        return False
    if any(c.dep_ in ("xcomp", "advcl", "acl", "relcl") and lemma_of(c) in DEMAND_VERBS for c in kids):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in CAMPAIGN_MODIFIERS for c in noun.children):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ in ("with", "of", "for")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in FOLLOWERS for g in c.children)
        for c in kids
    )


def _thing_subject(verb: Token) -> bool:
    """An active subject that is a clause or a common noun naming no one ("fishing", "the crisis",
    "the plan")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if not subjects:
        return False
    s = subjects[0]
    if s.dep_ == "csubj":
        return True  # "fishing on that scale going on off the coast threatened ...": a clause
    if s.pos_ != "NOUN" or s.ent_type_ or s.lemma_.lower() in THREAT_AGENTS:
        return False
    return not any(
        c.ent_type_ or c.pos_ == "PROPN" for c in s.children if c.dep_ in ("compound", "amod", "poss", "nmod")
    )


def _habitual_present(verb: Token) -> bool:
    """ "Guerrillas often ambush convoys", "police routinely detain activists": an act told in
    the simple present with an adverb of habit."""
    if verb.tag_ not in ("VBZ", "VBP") and not (
        verb.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    ):
        return False
    return any(c.dep_ == "advmod" and c.lower_ in HABIT_ADVERBS for c in verb.children)


# Verbs of letting whose future negation is a refusal: "we will not tolerate flights over our land".
PERMIT_VERBS = frozenset({"tolerate", "allow", "accept", "permit", "condone"})


def refusal(m: Mention) -> bool:
    """A letting verb negated in the future ("will not tolerate", "won't allow") refuses: the act
    told is a rejection that happened, not a concession that did not."""
    if m.nominal or m.status != "negated" or m.type not in ("CONCEDE", "COOPERATE", "AGREE"):
        return False
    if lemma_of(m.trigger) not in PERMIT_VERBS:
        return False
    return any(c.dep_ == "aux" and c.lower_ in ("will", "wo", "shall", "would", "'ll") for c in m.clause.children)


def drop_reference(m: Mention) -> bool:
    """A bare noun with no actor, date or toll only refers back to an event ("the meeting")."""
    if not m.nominal:
        return False
    if light_governor(m.trigger) is not None:
        return False
    if _measured_from(m.trigger):
        return False  # "four days after a bombing at a market": the measure will date it
    return not (m.source or m.target or m.timex or m.figures)


def _measured_from(tok: Token) -> bool:
    """The object of an "after" or "before" a duration measures ("two days after the ambush")."""
    head = tok.head
    return (
        tok.dep_ == "pobj"
        and head.lower_ in ("after", "before")
        and any(c.dep_ == "npadvmod" for c in head.children)
    )


MODEL_FILE = "sense_model.json"
_COLLECT: ContextVar[list[tuple[Mention, list[str]]] | None] = ContextVar("sense_collect", default=None)


class SenseModelError(ValueError):
    """The sense model file is not a model this version can read."""


@functools.lru_cache(maxsize=1)
def model() -> dict[str, Any] | None:
    """The committed sense model (weights by feature name, threshold), or None when absent."""
    path = resources.files("dateline.data").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text("utf-8"))
    if data.get("format") != 1 or not isinstance(data.get("weights"), dict):
        raise SenseModelError(f"{MODEL_FILE}: not a format-1 sense model; rebuild it with `dateline train`")
    return data


def probability(feats: list[str], weights: dict[str, float]) -> float:
    """The model's probability that the candidate is an event."""
    z = sum(weights.get(name, 0.0) for name in set(feats))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def type_probabilities(feats: list[str], weights: dict[str, dict[str, float]]) -> dict[str, float]:
    """The type model's probability of each PLOVER type for an event with these type features."""
    z = dict.fromkeys(TYPES, 0.0)
    by_feature = _by_feature(weights)
    for name in set(feats):  # each type's sum in the same order as summing type by type
        for t, w in by_feature.get(name, ()):
            z[t] += w
    top = max(z.values())
    e = {t: math.exp(v - top) for t, v in z.items()}
    total = sum(e.values())
    return {t: v / total for t, v in e.items()}


_BY_FEATURE: dict[int, tuple[dict, dict[str, tuple[tuple[str, float], ...]]]] = {}


def _by_feature(weights: dict[str, dict[str, float]]) -> dict[str, tuple[tuple[str, float], ...]]:
    """The type weights by feature: an event has some fifty features, the model thousands."""
    known = _BY_FEATURE.get(id(weights))
    if known is None or known[0] is not weights:  # keyed by identity, kept with the weights
        table: dict[str, list[tuple[str, float]]] = {}
        for t in TYPES:
            for name, w in weights.get(t, {}).items():
                table.setdefault(name, []).append((t, w))
        known = _BY_FEATURE[id(weights)] = (weights, {k: tuple(v) for k, v in table.items()})
    return known[1]


def choose_type(
    feats: list[str],
    offered: str,
    weights: dict[str, dict[str, float]],
    margin: float,
    senses: frozenset[str] | None = None,
) -> str:
    """The type the sentence gives an event: the model's choice among the types the word has in
    its senses (``senses``; all types when None) when it is more probable than the type the
    trigger offered by ``margin``, else the offered type."""
    p = type_probabilities(feats, weights)
    choices = [t for t in TYPES if senses is None or t in senses or t == offered]
    best = max(choices, key=lambda t: (p[t], t == offered))
    return best if best != offered and p[best] - p[offered] > margin else offered


def retype(m: Mention, feats: list[str], found: dict[str, Any]) -> None:
    """Give a kept event the type its sentence tells ("rebels seized the provincial capital" is an
    assault, "police seized heroin" a coercion); a mode belongs to its type, so a changed type
    leaves the mode unset."""
    types = found.get("types")
    if not types or m.status != "occurred":
        return  # a plan or a refusal takes its type from its status (see ``to_plover``)
    senses = offered_types("N" if m.nominal else "V", m.entry.lemma)
    if not senses - {m.type}:
        return  # the word has no other sense to choose
    chosen = choose_type(type_features(feats, m.type), m.type, types["weights"], types["margin"], senses)
    if chosen != m.type:
        m.type, m.mode = chosen, None


def rule_verdicts(m: Mention, nouns: set[str]) -> dict[str, bool]:
    """The hand-written decisions, as features for the model and as its fallback."""
    return {
        "off_topic": off_topic(m, nouns),
        "accident": accidental(m, nouns),
        "reference": drop_reference(m),
    }


def keep_events(mentions: list[Mention], sent: Span, s_i: int, nouns: set[str]) -> list[Mention]:
    """The candidates that are events: the model decides when there is one and a knowledge base
    to give the actor codes it learned from, else the rules.

    A bare noun that only refers back to an event ("the meeting") is left out either way, and so
    is what :func:`off_topic` finds (sport, markets, a metaphor of attack, a title): the model
    learned from the project's sentences, and its sentence-wide cues (a country named, a
    political actor) would let a match report or "an assault on press freedom" pass. Whether an
    act is told among the words of an accident is a feature the model weighs.
    """
    collect = _COLLECT.get()
    # the model weighs actor codes the knowledge base gives: without one its features are not
    # those it learned from, so the rules decide
    found = model() if knowledge.get() is not None else None
    kept = []
    attacked = {
        c.i for x in mentions if not x.nominal and x.type in ("ASSAULT", "COERCE")
        for c in x.trigger.children if c.dep_ in ("dobj", "nsubjpass")
    }
    for m in mentions:
        if m.nominal and m.type == "MOBILIZE" and m.trigger.i in attacked:
            continue  # "a bomb hit an army patrol": the patrol is what was attacked, no deployment
        if refusal(m):
            m.type, m.mode, m.status = "REJECT", None, "occurred"
        rules = rule_verdicts(m, nouns)
        if collect is not None:
            collect.append((m, features(m, sent, s_i, rules)))
        if rules["reference"] or not_an_act(m):
            continue
        if found is None or collect is not None:
            if not (rules["off_topic"] or rules["accident"]):
                kept.append(m)
            continue
        if rules["off_topic"]:
            continue  # sport, a market, a metaphor: no weighing of the rest makes it politics
        feats = features(m, sent, s_i, rules)
        if probability(feats, found["weights"]) >= found["threshold"]:
            retype(m, feats, found)
            kept.append(m)
    return kept


@contextlib.contextmanager
def collecting() -> Iterator[list[tuple[Mention, list[str]]]]:
    """Record every candidate with its features instead of applying the model (for training)."""
    rows: list[tuple[Mention, list[str]]] = []
    token = _COLLECT.set(rows)
    try:
        yield rows
    finally:
        _COLLECT.reset(token)
