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
