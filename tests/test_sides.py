"""Sides as merging compares them: a named side that differs keeps two acts apart, a side that
names no one in particular and no country says nothing either way."""

from __future__ import annotations

import pytest

from dateline.model import Actor
from dateline.sides import Ref, compare_sides, ref_of


def _ref(name: str, kind: str = "GROUP", country: str | None = None, sector: str | None = None) -> Ref:
    return ref_of(Actor(id=0, name=name, kind=kind, country=country, sector=sector))


@pytest.mark.parametrize(
    "mine, theirs, fits",
    [
        # two named groups that differ: two acts
        ((_ref("Hutu militia", "ORG", "RWA", "REB"),), (_ref("Mai-Mai fighters", "ORG", "COD", "REB"),),
         False),
        # a side with no name in particular and no country is not a conflict
        ((_ref("villagers", sector="CVL"),), (_ref("Hutu militia", "ORG", "RWA", "REB"),), True),
        ((_ref("villagers", sector="CVL"),), (_ref("three protesters", sector="OPP"),), True),
        # a generic side with a country still has to fit
        ((_ref("Israeli troops", country="ISR", sector="MIL"),), (_ref("Syria", "COUNTRY", "SYR"),), False),
        ((_ref("Israeli troops", country="ISR", sector="MIL"),), (_ref("Israel", "COUNTRY", "ISR"),), True),
    ],
)
def test_sides_a_vague_side_is_unknown_not_a_conflict(mine: tuple, theirs: tuple, fits: bool) -> None:
    assert (compare_sides((mine, ()), (theirs, ()), False) is not None) == fits


@pytest.mark.parametrize(
    "mine, theirs, tie",
    [
        # one body told by different members: a weak tie, not a conflict
        (_ref("Rebel fighters"), _ref("Rebel leaders"), (0, 1)),
        (_ref("Maoists"), _ref("Maoist cadres"), (0, 1)),
        (_ref("Tamil fighters", "ORG", "LKA"), _ref("Tamils", "ORG", "LKA"), (0, 1)),
        # another body, or the same word in another country: apart
        (_ref("Maoist cadres"), _ref("Rebel fighters"), None),
        (_ref("Unionist leaders", "ORG", "GBR"), _ref("Unionist fighters", "ORG", "ESP"), None),
        # a name of several capitalised words is a name, not a description
        (_ref("Maoist Communist Centre"), _ref("Maoist cadres"), None),
        # one body's members in two sectors are two sides
        (_ref("Zapatista fighters", "ORG", "MEX", "REB"), _ref("Zapatista mayors", "ORG", "MEX", "GOV"), None),
        # a nationality is a country, not a body: its soldiers and its settlers are apart
        (_ref("Peruvian soldiers", "ORG", "PER", "MIL"), _ref("Peruvian settlers", "ORG", "PER", "CVL"), None),
        (_ref("Peruvian soldiers", "ORG", "PER"), _ref("Peruvian farmers", "ORG", "PER"), None),
    ],
)
def test_sides_members_of_one_body_are_one_side(mine: Ref, theirs: Ref, tie) -> None:
    assert compare_sides(((mine,), ()), ((theirs,), ()), False) == tie
