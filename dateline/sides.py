"""Actor sides as merging compares them: who did it and to whom, one to one.

Two mentions tell one act only when their sides fit: the same named actor, or the same country
where one side names no one in particular ("the government", "Beijing"). Directed acts are
compared source to source and target to target, so an act and its reverse never fit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .countries import demonym_country, fold_igo
from .model import Actor
from .plural import singular


@dataclass(frozen=True)
class Ref:
    """An actor as merging compares it: its name key, codes, and whether it names no one in particular."""

    name: str
    country: str | None
    sector: str | None
    generic: bool
    person: bool = False
    # the body a description names ("maoist" of "Maoist fighters", "Maoists"; "tamil" of "Tamil
    # rebels", "Tamils"): one side however its members are told
    body: str | None = None


Side = tuple[Ref, ...]


def ref_of(actor: Actor) -> Ref:
    words = re.findall(r"[\w'-]+", actor.name.lower())
    name = words[-1] if actor.kind == "PERSON" and words else " ".join(words)
    return Ref(name, actor.country, actor.sector, _generic(actor), actor.kind == "PERSON", _body(actor))


def _body(actor: Actor) -> str | None:
    """The capitalised word a group's name opens with when the rest only says who its members are
    ("Maoist fighters", "Maoist cadres", "Maoists" → "maoist"); None for a person, a country or a
    name of several capitalised words ("Maoist Communist Centre"), or a nationality ("Israeli
    soldiers" and "Israeli settlers" are two bodies of one country, which its code already tells)."""
    if actor.kind in ("PERSON", "COUNTRY"):
        return None
    words = re.findall(r"[\w'-]+", actor.name)
    if not words or not words[0][:1].isupper() or any(not w.islower() for w in words[1:]):
        return None
    if demonym_country(words[0]):
        return None
    return singular(words[0].lower())


def _generic(actor: Actor) -> bool:
    """"the government", "police", "Beijing" for China's government, "India": a country's side,
    not a particular person or body."""
    if actor.kind == "COUNTRY":
        return True
    if actor.kind == "PERSON":
        return False
    if not any(ch.isupper() for ch in actor.name):
        return True
    return _is_country_or_capital(actor.name)


@functools.lru_cache(maxsize=4096)
def _is_country_or_capital(name: str) -> bool:
    from .countries import capital_country, country_name

    return bool(country_name(name) or capital_country(name))


def _pair(a: Ref, b: Ref) -> int:
    """2 the same named actor, 1 the same country (and sector where both say) where one side is
    generic (a country, "the government", "police"), 0 apart. A country named on both sides is
    compatible but says little: every report of a story about China names China."""
    same_country = not a.country or not b.country or fold_igo(a.country) == fold_igo(b.country)
    same_sector = not a.sector or not b.sector or a.sector == b.sector
    if a.name and _same_name(a, b) and not (a.generic and b.generic) and same_country:
        return 2
    if a.generic and b.generic and a.name and a.name == b.name:
        return 1
    if (a.generic or b.generic) and a.country and a.country == b.country and same_sector:
        return 1
    if a.body and a.body == b.body and same_country and same_sector:
        return 1  # "Maoist cadres" and "Maoist fighters": one side, told by different members
    return 0


def _same_name(a: Ref, b: Ref) -> bool:
    """One name, or a body's name and its short form ("the United Nations Security Council" and
    "the Security Council"); never a person's, whose key is already the surname."""
    if a.name == b.name:
        return True
    if a.person or b.person or a.generic or b.generic:
        return False
    short, long_ = sorted((a.name, b.name), key=len)
    return " " in short and long_.endswith(" " + short)


def _side_match(a: Side, b: Side) -> int | None:
    """How two sides of an act compare: None when both name actors and none of them fit,
    0 when one side is not given (unknown, not a match), else the best pair (1 or 2). A side
    that names no one in particular and no country ("villagers", "the elite troops") says too
    little to tell two acts apart: it counts as not given."""
    a, b = _telling(a), _telling(b)
    if not a or not b:
        return 0
    best = max(_pair(x, y) for x in a for y in b)
    return best or None


def _telling(side: Side) -> Side:
    return tuple(r for r in side if not r.generic or r.country)


def compare_sides(mine: tuple[Side, Side], theirs: tuple[Side, Side], mutual: bool) -> tuple[int, int] | None:
    """(strong, weak) sides that tie two mentions, or None when a side conflicts. Directed acts
    are compared source to source and target to target, so an act and its reverse never fit;
    a meeting may list its participants either way round."""
    orientations = [(theirs[0], theirs[1])]
    if mutual:
        orientations.append((theirs[1], theirs[0]))
    best: tuple[int, int] | None = None
    if mutual and not _clash(mine, theirs):
        # "Singh and Nakatani deliberated" lists both participants on one side: count who matches
        everyone, others = mine[0] + mine[1], theirs[0] + theirs[1]
        if everyone and others:
            pairs = [max(_pair(x, y) for y in others) for x in dict.fromkeys(everyone)]
            strong, matched = min(pairs.count(2), 2), min(len([p for p in pairs if p]), 2)
            if strong and matched >= 2:
                best = (strong, matched - strong)
    for src, tgt in orientations:
        s, t = _side_match(mine[0], src), _side_match(mine[1], tgt)
        if s is None or t is None:
            continue
        if mutual and _clash(mine, (src, tgt)):
            continue
        score = (int(s == 2) + int(t == 2), int(s == 1) + int(t == 1))
        if best is None or score > best:
            best = score
    return best


def _clash(mine: tuple[Side, Side], theirs: tuple[Side, Side]) -> bool:
    """Each mention has a named participant the other lacks, from a country the other does not
    involve: Rubio meeting Wang Yi is not Rubio meeting Singh."""
    a, b = mine[0] + mine[1], theirs[0] + theirs[1]
    ca, cb = {x.country for x in a if x.country}, {x.country for x in b if x.country}
    names_a, names_b = {x.name for x in a}, {x.name for x in b}
    only_a = [x for x in a if not x.generic and x.name not in names_b and x.country and x.country not in cb]
    only_b = [x for x in b if not x.generic and x.name not in names_a and x.country and x.country not in ca]
    return bool(only_a and only_b)


def alike_key(ref: Ref) -> str:
    """A country's side by its country ("Russia" and "Moscow"), anyone else by name."""
    return f"c:{ref.country}" if ref.generic and ref.country and ref.sector in (None, "GOV") else ref.name
