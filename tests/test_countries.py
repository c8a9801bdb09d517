"""Country knowledge: names, demonyms, capitals, places and organisations to codes."""

from __future__ import annotations

import pytest

from dateline import countries


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("India", "IND"),
        ("Japanese", "JPN"),
        ("Kazakhs", "KAZ"),
        ("Brazilians", "BRA"),
        ("Americans", "USA"),
        ("New Delhi", "IND"),
        ("Beijing", "CHN"),
        ("TEHRAN", "IRN"),
        ("Washington", "USA"),
        ("the Kremlin", "RUS"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("the US", "USA"),
        ("Russia", "RUS"),
        ("South Korea", "KOR"),
        ("Lao PDR", "LAO"),
        ("Lithuania’s", "LTU"),
        ("Kosovo", "XKX"),
        ("ASEAN", "IGO"),
        ("NATO", "IGO"),
        ("World Bank", "IGO"),
        ("IMF", "IGO"),
        ("the European Union", "EUR"),
        ("WHO", "UNO"),
        ("Singh", None),
        ("Nakatani", None),
        ("who", None),
        ("", None),
    ],
)
def test_country_code(name: str, code: str | None) -> None:
    assert countries.country_code(name) == code


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("New Delhi", "IND"),
        ("Lao PDR", "LAO"),
        ("Mariupol", "UKR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Sydney", "AUS"),
        ("Shanghai", "CHN"),
        ("Rakhine", "MMR"),
        ("Japan", "JPN"),
        ("police", None),  # a word, not the town in Poland
        ("Pahalgam", None),
    ],
)
def test_place_country(name: str, code: str | None) -> None:
    assert countries.place_country(name) == code


def test_is_place_tells_places_from_people() -> None:
    assert countries.is_place("New Delhi")
    assert not countries.is_place("Nakatani")


@pytest.mark.parametrize(
    ("name", "seat"),
    [
        ("the Kremlin", ("RUS", "GOV")),
        ("Beijing", ("CHN", "GOV")),
        ("Paris", ("FRA", "GOV")),
        ("Sydney", None),
    ],
)
def test_seat_of_government(name: str, seat: tuple[str, str] | None) -> None:
    assert countries.seat_of_government(name) == seat


def test_organisation_abbreviations_match_only_in_capitals() -> None:
    assert countries.organisation("WHO") is not None
    assert countries.organisation("who") is None
    org = countries.organisation("the Collective Security Treaty Organization")
    assert org is not None and (org.country, org.sector) == ("IGO", None)


def test_fold_igo_for_older_plover_gold() -> None:
    assert [countries.fold_igo(c) for c in ("UNO", "EUR", "IGO", "IND", None)] == [
        "IGO",
        "IGO",
        "IGO",
        "IND",
        None,
    ]


@pytest.mark.parametrize(
    ("name", "region"),
    [("South America", True), ("Latin America", True), ("Central Asia", True), ("Sub-Saharan Africa", True),
     ("America", False), ("South Africa", False), ("North Korea", False), ("western Cambodia", False)],
)  # fmt: skip
def test_is_region_tells_continental_regions_from_countries(name: str, region: bool) -> None:
    assert countries.is_region(name) is region


@pytest.mark.parametrize(
    ("surname", "code"),
    [("Petrov", "RUS"), ("Tymoshenko", "UKR"), ("Saakashvili", "GEO"), ("Smith", None), ("Ev", None)],
)
def test_surname_country_is_a_weak_guess_from_the_ending(surname: str, code: str | None) -> None:
    assert countries.surname_country(surname) == code
