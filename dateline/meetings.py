"""Meetings: which tellings of talks are one meeting, told by who took part.

A summit day holds many meetings in one city, each told with the host's name: the host's talks with
one guest are not his talks with another, a meeting "on the sidelines" is not the summit, and a
telling that names one participant does not say which of his meetings is meant. Merging asks these
of consultations and cooperation, the acts whose direction tells nothing apart.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .countries import fold_igo
from .mention_text import named_partners
from .sides import Ref, Side, compare_sides

if TYPE_CHECKING:
    from .merge import EventMention, _Group

MUTUAL = frozenset({"CONSULT", "COOPERATE"})  # types whose direction does not tell two events apart


def side_meeting(group: _Group, mention: EventMention) -> bool:
    """A meeting "on the sidelines of" a summit is not the summit: told so, it joins only tellings
    that name both its participants or speak of the sidelines too, not "Li is in Kuala Lumpur to
    attend the summit"."""
    if mention.event.type not in MUTUAL:
        return False
    mine = _on_sidelines(mention.event.text)
    for other in group.mentions:
        if mine == _on_sidelines(other.event.text):
            continue
        plain = other if mine else mention
        if len([r for side in plain.sides for r in side if not r.generic]) < 2:
            return True
    return False


# Nouns that name a gathering of many parties rather than a visit's talks.
GATHERINGS = frozenset("summit summits conference forum assembly congress convention".split())
ATTEND = frozenset("attend attends attended attending attendance".split())


def visit_and_gathering(group: _Group, mention: EventMention) -> bool:
    """A state visit and the summit its visitor attends are two events (Hu's visit to Vietnam, the
    APEC leaders' meeting in Hanoi that week), however the visit's telling names the summit too:
    one telling is a visit and another a gathering."""
    if mention.event.type != "CONSULT":
        return False
    mine = _visit(mention), _gathering(mention)
    return any((mine[0] and _gathering(m)) or (mine[1] and _visit(m)) for m in group.mentions)


def _visit(mention: EventMention) -> bool:
    return mention.event.mode == "visit"


def _gathering(mention: EventMention) -> bool:
    """A telling of a many-sided meeting: told as multilateral, by a gathering's noun, as attending
    it, or as a meeting of a body of nations ("the APEC leaders' meeting")."""
    event = mention.event
    if event.mode == "visit":
        return False
    if event.mode == "multilateral" or event.trigger.casefold().strip() in GATHERINGS:
        return True
    if event.trigger.casefold().strip() in ATTEND:
        return True  # "Hu will also attend the APEC leaders' meeting": what one attends is a gathering
    return event.trigger.casefold().strip() in ("meeting", "meetings") and any(
        a.country == "IGO" or (a.country is None and a.kind != "PERSON" and a.name.isupper() and len(a.name) > 2)
        for a in event.source + event.target)


def names_the_counterpart(group: _Group, mention: EventMention) -> bool:
    """A meeting's telling with one side left empty names in its sentence a participant the group
    has and the mention's sides do not: the parse missed him, the sentence did not."""
    if mention.event.type not in MUTUAL:
        return False
    mine = {r.name for side in mention.sides for r in side}
    text = mention.event.text.casefold()
    for sides in group.side_sets:
        for r in sides[0] + sides[1]:
            if not r.generic and r.name not in mine and len(r.name) > 3 and re.search(
                    r"\b" + re.escape(r.name) + r"\b", text):
                return True
    return False


def lone_and_paired(group: _Group, mention: EventMention) -> bool:
    """A meeting's telling that names one participant ("Li is in Kuala Lumpur to attend the summit")
    and one that names two (Li's talks with Prabowo): a summit's guest meets many on its day, so
    being the same participant in the same role does not say which meeting is meant."""
    if mention.event.type not in MUTUAL:
        return False
    counts = [_named_count(mention.sides)] + [_named_count(sides) for sides in group.side_sets]
    return min(counts) <= 1 and max(counts) >= 2


def _named_count(sides: tuple[Side, Side]) -> int:
    return len({r.name for side in sides for r in side if not r.generic})


def _on_sidelines(text: str) -> bool:
    return "sideline" in text.casefold()


def other_participants(mine: tuple[Side, Side], theirs: tuple[Side, Side]) -> bool:
    """Each telling of a meeting names a participant the other does not know (not named there, and
    of no country it involves): the business council's meeting is not the talks the trade body's
    delegates held, and Hu's talks with Abe are not Hu's attendance of the APEC leaders' meeting,
    whichever side each list is on. A delegation's members (Bush and Rice visiting Jordan, the king
    receiving Bush) are known by their country. Asked of every member of a group (complete link),
    so a summit's hub does not join the meetings around it."""
    a = [r for r in mine[0] + mine[1] if not r.generic]
    b = [r for r in theirs[0] + theirs[1] if not r.generic]
    if not (a and b):
        return False
    return bool(_strangers(a, theirs[0] + theirs[1])) and bool(_strangers(b, mine[0] + mine[1]))


def _strangers(named: list[Ref], others: Side) -> list[Ref]:
    """The named participants that nobody of ``others`` is, nor shares a country with."""
    countries = {fold_igo(r.country) for r in others if r.country}
    return [x for x in named if not (x.country and fold_igo(x.country) in countries)
            and not any(compare_sides(((x,), ()), ((y,), ()), False) for y in others)]


def partners_apart(group: _Group, mention: EventMention) -> bool:
    """Like ``other_participants``, with the counterparts each sentence names after "with", "met"
    or "received" counted as participants too: the parse often keeps only the host ("When meeting
    with Kabbah, Hu said ..."), and the host's talks with Kabbah are not his talks with Michel. A
    participant of one telling is a stranger to the other when no word of his name is among the
    other's participants or in its sentence."""
    own = named_partners(mention.event.text)
    mine = own | _participant_names(mention)
    text = mention.event.text.casefold()
    for other in group.mentions:
        theirs_named = named_partners(other.event.text)
        if not (own or theirs_named):
            continue  # no counterpart read from either sentence: ``other_participants`` has said
        theirs = theirs_named | _participant_names(other)
        if _a_stranger(mine, theirs, other.event.text.casefold()) and _a_stranger(theirs, mine, text):
            return True
    return False


def _a_stranger(names: set[str], others: set[str], text: str) -> bool:
    known = {w for name in others for w in name.split()}
    return any(not any(w in known or _names(w, text) for w in name.split()) for name in names)


def _participant_names(mention: EventMention) -> set[str]:
    return {r.name for side in mention.sides for r in side if not r.generic and r.name}


def _names(name: str, text: str) -> bool:
    return re.search(r"\b" + re.escape(name) + r"\b", text) is not None
