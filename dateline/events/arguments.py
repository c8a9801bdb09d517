"""Who did it to whom: the source and target actors of a mention, read from the parse.

A verb's sides are its subject or "by" agent and its objects, datives and prepositional objects
(passives swap them); a noun's are its possessive and modifiers, its "by"/"of" phrase and its
"against"/"with" phrase, else those of its light verb. Pronouns and relative pronouns resolve to
the reporting speaker, the clause's subject or the last actor of their kind; coordinations and
groups expand to their members. Which actor a token names (offsets, pronouns, descriptions,
unnamed groups) is :mod:`dateline.events.referents`'s part.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from dateline.actors import code_actor
from dateline.actors.descriptions import attitude
from dateline.actors.places import country_label
from dateline.countries import country_name, demonym_country, is_subdivision, place_country, seat_of_government
from dateline.model import Actor

from .mention import Mention
from .referents import (
    ActorIndex,
    Found,
    _actors_of,
    _agent_tokens,
    _first_actors,
    _generic,
    _head_sector,
    _names_people,
    _prep_objects,
    _text,
)
from .syntax import (
    SUBJECT_DEPS,
    aspect_frame,
    clause_head,
    is_verbal,
    light_governor,
    np_bounds,
    subject_tokens,
)
from .vocabulary import HOSTILE_MATERIAL, MUTUAL_TYPES, lemma_of

TARGET_PREPS = ("with", "against", "on", "to", "at", "into", "from", "upon", "over")
NOUN_TARGET_PREPS = ("against", "into", "on", "with", "to", "of", "at")
# Movements of forces, whose "with" phrase names who moves along, not whom they move against.
COMPANION_TYPES = frozenset({"MOBILIZE", "RETREAT"})
COMPANION_PREPS = tuple(p for p in TARGET_PREPS if p != "with")
# What is attacked, rejected or endorsed is the target as written, person or not ("a bus", "the plan").
THING_TARGETS = frozenset({"REJECT", "SUPPORT", "ASSAULT"})
# Acts done for someone's good, whose "for" phrase names who gains: "support for", "aid for".
BENEFIT_TYPES = frozenset({"SUPPORT", "AID"})


class _Side:
    """The attempts at one side of an event: the actors found, and the phrase that names them."""

    def __init__(self) -> None:
        self.actors: list[Actor] = []
        self.token: Token | None = None
        self.fallback: Token | None = None
        self.generic: Actor | None = None  # the group the fallback phrase names, if any

    def take(self, found: list[Actor], token: Token | None = None) -> list[Actor]:
        token = token if token is not None else getattr(found, "token", None)
        if found:
            self.actors, self.token = list(found), token
        elif token is not None and self.fallback is None:
            self.fallback = token
            self.generic = getattr(found, "generic", None)
        return found

    def final(self, actors: list[Actor]) -> list[Actor]:
        """The side's actors: those found, else the group its phrase names."""
        return list(actors) if actors or self.generic is None else [self.generic]

    def head(self) -> Token | None:
        return self.token if self.actors and self.token is not None else self.fallback


# Participles of a stance held, whose subject holds it: "opposed to", "committed to".
STANCE_PARTICIPLES = frozenset({"oppose", "commit", "dedicate", "devote"})
# Verbs whose subject undergoes the act it reports.
PATIENT_SUBJECTS = frozenset({"die", "perish", "drown", "starve", "succumb"})
VICTIM_PREPS = frozenset({"on", "against", "into", "upon"})


def _complement_actor(verb: Token, index: ActorIndex, exclude: list[Actor], victims: bool = True) -> Found:
    """First actor named in the verb's complements, a last resort for the recipient. Unless
    ``victims``, not the victim of an act the complement names: who "condemned plans to bomb
    Syria" accuses the planners, not Syria."""
    for c in verb.children:
        if c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "dative", "attr") and c.i > verb.i:
            for t in c.subtree:
                if not victims and _victim(t, c):
                    continue
                if t.dep_ == "compound" and t.head.pos_ == "NOUN" and _names_a_city(t, index):
                    continue  # "agreed to resume the Doha talks": where they are held, no party
                if t.pos_ in ("PROPN", "NOUN", "PRON"):
                    # a state's own people in what it agrees to are the state's side, not its recipient
                    states = {a.country for a in exclude if a.kind == "COUNTRY"}
                    found = Found(a for a in _actors_of(t, index)
                                  if a not in exclude and not (a.id < 0 and a.country in states))
                    if found:
                        found.token = t
                        return found
    return Found()


def _victim(tok: Token, top: Token) -> bool:
    """Whether ``tok``, inside the complement ``top``, is what an act in it is done to, or part of
    its phrase: the object of a verb below the complement ("plans to bomb Syria", "the acts that
    rocked hotels in Amman") or of "on"/"against" ("strikes on Syria")."""
    t = tok
    for _ in range(8):
        if t.dep_ == "pobj" and t.head.lower_ in VICTIM_PREPS and t.head.head.i != top.head.i:
            return True
        if t.dep_ == "dobj" and t.head.pos_ == "VERB" and t.head.i != top.head.i and t.head.i != top.i:
            return True
        if t.i == top.i or t.head.i == t.i:
            return False
        t = t.head
    return False


def verb_arguments(m: Mention, index: ActorIndex) -> None:
    """Subject or "by" agent as the source, objects and prepositional objects as the target;
    a passive's subject is the patient ("42 people were slain"), a host receives its visitor."""
    verb = m.trigger
    subj, passive = subject_tokens(verb)
    if _set_off_participle(verb) or lemma_of(verb) in PATIENT_SUBJECTS:
        passive = True  # "eight people died": who dies suffers the act
    agents = _agent_tokens(verb)
    if passive and not agents:
        agents = _shared_agent(verb)
    if passive and not agents and "content" in m.entry.flags and m.type == "AGREE":
        passive = False  # "Vietnam is committed to ...": a stance, not a patient
    if passive and not agents and lemma_of(verb) in STANCE_PARTICIPLES and _prep_objects(verb, ("to",)):
        passive = False  # "the rebels are opposed to the plan": they oppose it
    holder = _holder_of_forces(verb) if m.type in SENDING_TYPES else None
    if holder is not None:
        subj, passive = subject_tokens(holder)[0], False  # "Denmark has 500 troops deployed there"
    if subj and _advised(verb):
        subj = []  # "an adviser will urge pulling the troops out": who advises an act does not do it
    src, tgt = _Side(), _Side()
    if passive:
        source = src.take(_first_actors(agents, index, []))
        # what is attacked, rejected or endorsed is the target as written, in a passive as in an
        # active clause: "the convoy was attacked by rebels"
        target = tgt.take(_first_actors(subj, index, source, any_phrase=m.type in THING_TARGETS))
    else:
        source = src.take(_first_actors(subj, index, []))
        target = []
    if not target:
        # a dative is its noun ("gave Kyiv arms"), else its preposition's after the object ("release
        # the hostages to the Red Cross", "offered support to the rebels")
        datives = [c for c in verb.children if c.dep_ == "dative"]
        objs = [c for c in datives if c.pos_ != "ADP"]
        objs += [c for c in verb.children if c.dep_ == "dobj"]
        objs += [g for c in datives if c.pos_ == "ADP" for g in c.children if g.dep_ == "pobj"]
        if m.type in ("REQUEST", "ACCUSE", "THREATEN"):
            objs += [
                g
                for c in verb.children
                if c.dep_ in ("ccomp", "xcomp")
                for g in c.children
                if g.dep_ in SUBJECT_DEPS
            ]
        # forces deploy or withdraw "with" their companions, whom they do not act on
        objs += _prep_objects(verb, TARGET_PREPS if m.type not in COMPANION_TYPES else COMPANION_PREPS)
        objs += [
            g
            for c in verb.children
            if c.dep_ == "dobj"
            for g in _prep_objects(c, ("to", "with", "on", "against"))
        ]
        objs = [o for o in objs if o.i != m.trigger.i]
        if m.type in SENDING_TYPES:
            # "sent soldiers to help Lusaka", "will deploy 5,000 police": forces of no
            # country the words name are the source's own, sent, not whom they are sent to
            forces = [o for o in objs if _own_forces(o, index)]
            objs = [o for o in objs if o not in forces]
            if forces and m.type == "MOBILIZE":
                # whom they are sent against is the target: "called up reservists ahead of a war against Chad"
                objs += [t for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ == "against"]
        if m.consumed:
            # "launched an investigation into Alibaba": the event noun's own phrases name the target,
            # never the event noun as a thing ("voiced support for talks" has no target), though a
            # noun the trigger takes in may name the party ("summoned Niger's ambassador")
            preps = NOUN_TARGET_PREPS + (("for",) if m.type in BENEFIT_TYPES else ())
            # "voiced opposition to the bill": a noun with its own target phrase is the act, not the opposition
            objs = [g for o in objs if o.i in m.consumed for g in _prep_objects(o, preps)] + [
                o for o in objs if o.i not in m.consumed or _actors_of(o, index)
                or (_names_people(o) and not _prep_objects(o, preps))
            ]
        objs = [o for o in objs if o.lower_ not in BEARINGS]  # "struck his vehicle west of Baghdad"
        target = tgt.take(_first_actors(objs, index, source, any_phrase=m.type in THING_TARGETS))
    if not target and m.type in ("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION", "AGREE", "SUPPORT"):
        blames = m.type == "ACCUSE"
        target = tgt.take(_complement_actor(verb, index, source, victims=not blames))
    if not target and not passive and m.type == "CONSULT" and m.mode == "visit" and "swap" not in m.entry.flags:
        target = tgt.take(_host(verb, index, source))
    if not source and subj:
        # "Clashes between the two clans killed four", "the Kenyan raid killed two": an event
        # noun as the subject is done by whom it names
        source = src.take(_event_doers(subj[0], index, target))
    if not passive and not target and "mutual" in m.entry.flags and m.type == "ASSAULT" and len(source) > 1:
        # "Tuareg rebels and Malian soldiers fought": two sides of one fight, not one side
        source, target = _split_fight(source, subj[0] if subj else None, src, tgt)
    if "swap" in m.entry.flags and not passive:
        source, target = target, source
        src, tgt = tgt, src
    m.source, m.target = list(source), list(target)  # plain lists: a Found holds a token
    _set_tokens(m, src, tgt, index)


# Where something happened, read as an object in a parse gone wrong: "west of Baghdad" is a place.
BEARINGS = frozenset("north south east west northeast northwest southeast southwest".split())


def _shared_agent(verb: Token) -> list[Token]:
    """The "by" agent a later passive joined to ``verb`` gives both ("was abducted and killed by
    rebels": the rebels abducted him too); not a joined verb with its own subject."""
    for c in verb.conjuncts:
        if c.i > verb.i and c.tag_ == "VBN" and not any(g.dep_ in SUBJECT_DEPS + ("nsubjpass",) for g in c.children):
            agents = _agent_tokens(c)
            if agents:
                return agents
    return []


def _opposed_country(noun: Token, index: ActorIndex) -> Found:
    """The country an "anti-" modifier of a hostile event noun names, against which the act is:
    "anti-American protests", "a wave of anti-Israeli bombings". Only the event's own modifier:
    "anti-Syrian" before a person describes that person's stance, and makes no side."""
    doc = noun.doc
    for c in noun.children:
        if c.dep_ not in ("amod", "compound", "nmod") or c.i >= noun.i or not c.text[:1].isupper():
            continue
        before = [t.text for t in doc[max(0, c.i - 2) : c.i]]
        if not before or before[-1].lower() not in ("anti", "anti-", "-") or not attitude(before):
            continue
        if before[-1] == "-" and before[0].lower() != "anti":
            continue  # "pro-Israeli rallies" are for it
        code = country_name(c.text) or demonym_country(c.text)
        if code:
            found = Found([index.generic(country_label(code, c.text), c.idx, c.idx + len(c.text), code, None)])
            found.token = c
            return found
    return Found()


# Modes of a retreat whose "of" phrase names who retreats: "the withdrawal of the troops".
DOER_OF_MODES = frozenset({"withdraw", "resign"})


def _names_a_city(tok: Token, index: ActorIndex) -> bool:
    """Whether a modifier of an event noun names a city, a capital among them, where the event is
    and not who does it: "the Oslo accord", "the Geneva talks" (unlike "the Russian offensive")."""
    if tok.ent_type_ != "GPE" or tok.pos_ != "PROPN":
        return False
    start, end = np_bounds(tok)
    text = _text(tok.doc)[start:end]
    if country_name(text) or demonym_country(text):
        return False
    return seat_of_government(text) is not None or place_country(text) is not None


# Places a visitor arrives "in", "to" or "at": the host is the state there.
HOST_PREPS = ("in", "to", "at")


def _host(verb: Token, index: ActorIndex, visitors: list[Actor]) -> Found:
    """The host of a trip told by its verb: the state of the place the visitor arrives in ("Berg arrives
    in Nairobi": Kenya's government), not the visitor's own country (a leader back home
    visits no one)."""
    own = {a.country for a in visitors if a.country}
    for tok in _prep_objects(verb, HOST_PREPS):
        actor = index.at(*np_bounds(tok), tok.idx)
        if actor is None and tok.ent_type_ in ("GPE", "LOC") and tok.pos_ == "PROPN":
            start, end = np_bounds(tok)
            text = _text(tok.doc)[start:end]
            while text.lower().startswith("the "):
                start, text = start + 4, text[4:]
            country = place_country(text)
            if country is None:
                continue
            seat = seat_of_government(text)
            actor = index.generic(text, start, end, country, seat[1] if seat else None)
        if actor is None or actor.kind == "PERSON" or not actor.country or actor.country in own:
            continue
        found = Found([actor])
        found.token = tok
        return found
    return Found()


# Sectors of the forces a state mobilises.
FORCE_SECTORS = frozenset({"MIL", "COP"})
# Acts whose object may be the forces the source sends: "sent troops", "deployed police".
SENDING_TYPES = frozenset({"MOBILIZE", "COOPERATE", "AID"})


# Verbs whose subject holds the forces their object names: "has 500 troops deployed".
HOLD_VERBS = frozenset({"have", "keep", "maintain", "retain"})


def _holder_of_forces(verb: Token) -> Token | None:
    """The verb of holding whose object is the forces a participle tells of as sent: in "Denmark
    has 500 troops deployed in the south" Denmark deploys them, and they are its own, no target."""
    forces = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or forces.dep_ != "dobj" or forces.i > verb.i:
        return None
    if _head_sector(forces.text) not in FORCE_SECTORS or lemma_of(forces.head) not in HOLD_VERBS:
        return None
    return forces.head


def _own_forces(tok: Token, index: ActorIndex) -> bool:
    """Whether a direct object is forces of no country its words name ("troops", "18,000
    officers", "its soldiers"), unlike "Afghan troops", whom one may train."""
    if tok.dep_ != "dobj" or _head_sector(tok.text) not in FORCE_SECTORS:
        return False
    if _actors_of(tok, index):
        return False
    return code_actor(_text(tok.doc)[slice(*np_bounds(tok))])[0] is None


def _event_doers(noun: Token, index: ActorIndex, exclude: list[Actor]) -> Found:
    """Who does the act an event noun names, when the noun is a clause's subject: its "between"
    parties ("clashes between the two clans"), its "by" phrase, else its possessor or the
    modifiers that name an actor ("the Kenyan raid", "Chad's offensive")."""
    if noun.pos_ != "NOUN" or _names_people(noun):
        return Found()
    between = _prep_objects(noun, ("between", "by"))
    if between:
        return _first_actors(between, index, exclude)
    found = Found()
    for c in noun.children:
        if c.dep_ == "poss" or (c.dep_ in ("amod", "compound", "nmod") and c.i < noun.i and c.text[:1].isupper()):
            for a in _actors_of(c, index):
                if a not in exclude and a not in found:
                    found.append(a)
                    found.token = found.token if found.token is not None else c
    return found


def _parties(tok: Token, index: ActorIndex) -> list[Actor]:
    """One actor per coordinated phrase, a known actor or else the group the phrase names ("the
    army and Tuareg rebels")."""
    found: list[Actor] = []
    for t in [tok, *tok.conjuncts]:
        actors = _actors_of(t, index)[:1]
        if not actors:
            group = _generic([t], index, found)
            actors = [group[1]] if group is not None else []
        found += [a for a in actors if a not in found]
    return found


def _split_fight(actors: list[Actor], first: Token | None, src: _Side, tgt: _Side) -> tuple[list[Actor], list[Actor]]:
    """The two sides of a fight one phrase lists together ("Tuareg rebels and Malian soldiers
    fought", "clashes between two clans"): the first named fights the others."""
    source, target = list(actors[:1]), list(actors[1:])
    src.actors, tgt.actors = list(source), list(target)
    if first is not None:
        src.token = first
        others = [c for c in first.conjuncts if c.i > first.i]
        tgt.token = others[0] if others else None
    return source, target


def _set_off_participle(verb: Token) -> bool:
    """ "Tim Spicer, freed in Papua New Guinea, arrived ...": a participle set off by a comma after
    its noun, which the tagger read as a past tense; its noun is the patient."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBD"
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
        and verb.head.i < verb.i
        and not any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


FOREIGN_WORDS = frozenset(
    {"foreign", "international", "western", "overseas", "expatriate", "migrant", "visiting"}
)


def _place_generics(m: Mention, index: ActorIndex) -> None:
    """A side the words name no country for ("several villagers", "Islamic fundamentalists")
    belongs to the one state its sentence names, unless that state is the other side's: the
    strikers who demand a Tunisian minister's dismissal are Tunisian, the villagers Indian troops
    shot are not Indian."""
    vague = [a for a in m.source + m.target if a.id < 0 and a.country is None]
    if not vague:
        return
    doc, i = m.trigger.doc, m.trigger.i
    start = i
    while start > 0 and not doc[start].is_sent_start:
        start -= 1
    end = i + 1
    while end < len(doc) and not doc[end].is_sent_start:
        end += 1
    named = index.countries_within(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))
    named -= _other_peoples(doc, start, end, index, vague)
    for actor in vague:
        if any(w in FOREIGN_WORDS for w in actor.name.lower().split()):
            continue  # "the foreign women" in Syria are not Syrian
        other = m.target if actor in m.source else m.source
        candidates = named - {a.country for a in other}
        if len(candidates) == 1:
            actor.country = candidates.pop()


def _other_peoples(doc: Doc, start: int, end: int, index: ActorIndex, vague: list[Actor]) -> set[str]:
    """States the sentence names only as the nationality of another group of people: "villagers
    stoned the aid trucks in anger at the arrival of Sudanese refugees" names the refugees'
    country, not the villagers'."""
    spans = {(m.start, m.end) for a in vague for m in a.mentions}
    modifiers: set[str] = set()
    free: set[str] = set()
    for tok in doc[start:end]:
        if not tok.text[:1].isupper():
            continue
        actor = index.at(tok.idx, tok.idx + len(tok.text), tok.idx)
        if actor is None or actor.kind != "COUNTRY" or not actor.country:
            continue
        group = tok.head
        while group.dep_ == "compound" and group.head.i != group.i:
            group = group.head
        other_group = (
            tok.dep_ in ("amod", "compound")
            and group.tag_ == "NNS"
            and not any(s <= group.idx < e for s, e in spans)
        )
        (modifiers if other_group else free).add(actor.country)
    return modifiers - free


def _set_tokens(m: Mention, src: _Side, tgt: _Side, index: ActorIndex | None = None) -> None:
    m.source, m.target = src.final(m.source), tgt.final(m.target)
    source, target = src.head(), tgt.head()
    if m.target and (m.target == m.source or (source is not None and target is not None and source.i == target.i)):
        m.target, target = [], None  # "a woman charged he assaulted her": she is not her own target
    if m.target and target is not None and _own_ground(m.source, m.target, target):
        m.target, target = [], None
    if index is not None:
        _place_generics(m, index)
    m.source_tokens = [source] if source is not None else []
    m.target_tokens = [target] if target is not None and target is not source else []


# Verbs of advice, whose gerund names an act others are to do: "recommended withdrawing troops".
ADVICE_VERBS = frozenset({"recommend", "advise", "suggest", "advocate", "urge"})


def _advised(verb: Token) -> bool:
    """Whether a gerund of no subject of its own is the act a verb of advice recommends, or a
    gerund joined to it ("advise hiring instructors while pulling troops back")."""
    tok = verb
    for _ in range(4):
        if tok.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in tok.children) or tok.head.i == tok.i:
            return False
        if tok.dep_ in ("xcomp", "ccomp", "dobj") and lemma_of(tok.head) in ADVICE_VERBS:
            return True
        if tok.dep_ not in ("advcl", "conj"):
            return False
        tok = tok.head
    return False


# Sectors of a state's own bodies, which act on their own country's provinces.
STATE_SIDES = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY"})


def _own_ground(source: list[Actor], target: list[Actor], tok: Token) -> bool:
    """Whether the target is only a part of the source's own country, named as a place ("the
    ministry sent doctors to Hunan", "troops were deployed in Chechnya"): where the act is done,
    not to whom; the country's own name or capital is a side ("Beijing warned Taiwan")."""
    if tok.pos_ != "PROPN" or tok.ent_type_ not in ("GPE", "LOC"):
        return False  # "an Afghan army base" is a thing of the country, attacked as such
    own = {a.country for a in source if a.country and (a.kind == "COUNTRY" or a.sector in STATE_SIDES)}
    if not own or not all(a.kind == "COUNTRY" and a.country in own for a in target):
        return False
    text = _text(tok.doc)[slice(*np_bounds(tok))]
    while text.lower().startswith("the "):
        text = text[4:]
    if is_subdivision(text):
        return True
    return not (country_name(text) or demonym_country(text) or seat_of_government(text))


def noun_arguments(m: Mention, index: ActorIndex) -> None:
    """A noun's possessor and actor modifiers ("Turkey's offensive", "Turkish troops' incursion")
    or "by" phrase as the source, its "against/on/into/of" phrase as the target (the victim of
    an attack, the accused of an accusation), else the sides of the verb that carries it."""
    noun = m.trigger
    light = light_governor(noun)
    src, tgt = _Side(), _Side()
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
            or (c.dep_ in ("compound", "nmod") and _names_a_city(c, index))
        ):
            continue  # "the Douma attack", "the Manchester Arena bombing", "the Oslo accord": where, not who
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i):
            found = [a for a in _actors_of(c, index) if a not in source]
            if found:
                source += found
                src.take(source, c)
    # "the release of the hostages": they undergo it; "the withdrawal of the troops": they do it
    patient_of = m.type in HOSTILE_MATERIAL or m.type == "ACCUSE" or (m.type == "RETREAT" and m.mode not in DOER_OF_MODES)
    by = src.take(_first_actors(_prep_objects(noun, ("by",) if patient_of else ("by", "of")), index, source))
    if by:
        source += [a for a in by if a not in source]
        if src.token is None or len(source) == len(by):
            src.take(source, by.token)  # type: ignore[attr-defined]
    if light is not None and not source:
        source = src.take(_first_actors(subject_tokens(light)[0], index, []))
    # "announced the launch of the assault": "launch" reads as a light word but is a noun
    frame = aspect_frame(noun) if not source and (light is None or not is_verbal(light)) else None
    if frame is not None:
        source = src.take(_first_actors(subject_tokens(frame)[0], index, []))
    target_preps = ("against", "with", "to", "into") + (("on", "of") if patient_of else ())
    things = m.type in THING_TARGETS
    target = tgt.take(_first_actors(_prep_objects(noun, target_preps), index, source, any_phrase=things))
    if not target and m.type in HOSTILE_MATERIAL | {"PROTEST", "ACCUSE", "THREATEN"}:
        target = tgt.take(_opposed_country(noun, index))  # "anti-Israeli bombings" are against Israel
    if not target and m.type in BENEFIT_TYPES:
        # "US support for Kurdish groups", "aid for refugees": who gains, not what for ("support
        # for talks")
        target = tgt.take(_first_actors(_prep_objects(noun, ("for",)), index, source))
    if light is not None and not target:
        target = tgt.take(
            _first_actors(_prep_objects(light, ("with", "against", "on", "to", "for")), index, source,
                          any_phrase=things)
        )
    if not target and m.type == "CONSULT" and m.mode == "visit":
        target = tgt.take(_host(noun, index, source))  # "during his visit in Vietnam": Vietnam hosts it
    if (
        light is None
        and not source
        and m.type in MUTUAL_TYPES
        and noun.dep_ in ("attr", "pobj", "dobj", "nsubj")
    ):
        between = _prep_objects(noun, ("between",))
        source = src.take(_first_actors(between, index, []))
        if source:
            target = []
            tgt = _Side()
    if not source and m.type == "ASSAULT" and "mutual" in m.entry.flags:
        # "clashes between two clans", "fighting between the army and rebels": the first
        # named fights the others
        between = _prep_objects(noun, ("between",))
        both = _parties(between[0], index) if between else []
        if len(both) > 1:
            source, target = _split_fight(both, between[0], src, tgt)
    if not source and light is None and target and m.type in MUTUAL_TYPES and _prep_objects(noun, ("with",)):
        # "he was satisfied with discussions with Chaowalit", "speaking after a meeting with
        # Prodi": who met is the doer of the clause that tells of the meeting
        source = src.take(_clause_doer(noun, index, target))
    if not source and "mutual" in m.entry.flags and m.type == "COOPERATE":
        verb = clause_head(noun)
        for _ in range(4):
            source = src.take(_first_actors(subject_tokens(verb)[0], index, []))
            if source or verb.head.i == verb.i:
                break
            verb = clause_head(verb.head)
    m.source, m.target = list(source), list(target)  # plain lists: a Found holds a token
    _set_tokens(m, src, tgt, index)


def _clause_doer(noun: Token, index: ActorIndex, exclude: list[Actor]) -> Found:
    """The subject of the nearest clause above ``noun`` that is not the noun's own phrase."""
    verb = clause_head(noun)
    for _ in range(3):
        subjects = [s for s in subject_tokens(verb)[0] if not (s.left_edge.i <= noun.i <= s.right_edge.i)]
        found = _first_actors(subjects, index, exclude) if subjects else Found()
        if found or verb.head.i == verb.i:
            return found
        verb = clause_head(verb.head)
    return Found()


def content_target(m: Mention, inner: list[Mention], index: ActorIndex) -> None:
    """The target of an act about another act, from that act's sides: who "agreed to attack the
    rebels" targets the rebels, but who "criticised threats of strikes on Syria" or "condemned the
    bombing of the town" accuses whoever threatens or bombs, not the victim; "a call for the
    withdrawal of the troops" is made of the troops."""
    asks = m.nominal and m.type == "REQUEST"
    if asks and not m.source:
        return  # "growing calls for a withdrawal": nobody's request, which only refers to one
    for i in inner:
        (noun_arguments if i.nominal else verb_arguments)(i, index)
        blames = m.type == "ACCUSE" and i.type in HOSTILE_MATERIAL | {"THREATEN"}
        states = {a.country for a in m.source if a.kind == "COUNTRY"}  # and its own people, as above
        # a request is made of whoever is to act: "the opposition's call for the troops' withdrawal"
        m.target = [a for a in (i.source if blames or asks else i.target)
                    if a not in m.source and not (a.id < 0 and a.country in states)]
        if m.target or blames:
            break
