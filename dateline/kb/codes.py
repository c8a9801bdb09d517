"""CAMEO actor codes to PLOVER country and sector, and the dates the dictionaries write.

The PETRARCH2 dictionaries and CountryInfo code actors in CAMEO's scheme: 3-letter chunks,
a country (ISO alpha-3, or a non-state code such as IGO, NGO, IMG, MNC) followed by roles
("USAGOV", "IGOUNO", "KORGOVBUS"). PLOVER keeps one country and one primary sector and
renames two CAMEO roles (CAMEO's MED "media" is PLOVER's JRN, its HLH "health" PLOVER's MED);
the research-phase distinctions PLOVER drops (insurgents, separatists, radicals) are REB.

>>> split_code("USAGOV"), split_code("IGOUNO"), split_code("~GOVMIL"), split_code("AFG")
(('USA', 'GOV'), ('UNO', None), (None, 'GOV'), ('AFG', None))
"""

from __future__ import annotations

import re

NON_STATE = frozenset({"IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR"})
# Sub-codes of an IGO that name the organisation, not a sector ("IGOUNO" is the UN).
IGO_BODIES = frozenset({"UNO", "EUR", "NAT", "AFU", "ARL", "ASN", "WTO", "IMF", "WBK", "OAS", "OPC"})
# CAMEO role -> PLOVER sector, where the two differ.
CAMEO_SECTORS = {
    "MED": "JRN", "HLH": "MED", "INS": "REB", "SEP": "REB", "RAD": "REB", "HRI": "NGO",
    "ENV": "SOC", "DEV": "SOC", "MOD": None, "CHR": "REL", "JEW": "REL", "MOS": "REL", "BUD": "REL",
    "HIN": "REL", "CTH": "REL", "ITH": "REL", "SHI": "REL", "SUN": "REL", "UAF": "UAF", "IGO": None,
}
# Roles PLOVER knows as sectors (a code's other 3-letter chunks are ignored).
SECTORS = frozenset(
    "GOV MIL REB OPP PTY COP JUD SPY LEG ELI BUS CVL JRN MED EDU REL LAB AGR REF CRM UAF PRM UNK SOC "
    "PRE NGO".split()
)
NOT_ACTORS = frozenset({"NON", "JNK"})  # agents files: words that look like actors but are not
_CODE = re.compile(r"^~?[A-Z]{3}(?:[A-Z]{3})*$")


def split_code(code: str, plover: bool = False) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code; ``plover`` when the roles are PLOVER's already
    (the NGEC agents file)."""
    code = code.strip().upper()
    agent = code.startswith("~")
    chunks = [code.lstrip("~")[i : i + 3] for i in range(0, len(code.lstrip("~")), 3)]
    if not chunks:
        return None, None
    country = None
    if not agent and (chunks[0] in NON_STATE or chunks[0] not in SECTORS):
        country = chunks.pop(0)
        if not country.isalpha():
            country = None  # "---GOV": CAMEO's "no country" placeholder
        elif country == "IGO" and chunks and chunks[0] in IGO_BODIES:
            country = chunks.pop(0)
    for chunk in chunks:
        if chunk in NOT_ACTORS:
            return country, chunk
        sector = chunk if plover else CAMEO_SECTORS.get(chunk, chunk)
        if sector in SECTORS:
            return country, sector
    return country, None


def is_code(text: str) -> bool:
    return bool(_CODE.match(text.strip().upper()))


OPEN_START, OPEN_END = 0, 99991231


def parse_date(text: str) -> int | None:
    """YYMMDD (years before 30 are 20xx) or YYYYMMDD or YYYY-MM-DD or YYYY as an integer YYYYMMDD.

    >>> parse_date("090120"), parse_date("580101"), parse_date("2019-03-20"), parse_date("1997")
    (20090120, 19580101, 20190320, 19970101)
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]):
        return int(text[:10].replace("-", ""))
    if re.fullmatch(r"\d{4}", text):
        return int(text) * 10000 + 101
    if re.fullmatch(r"\d{8}", text):
        return int(text)
    if re.fullmatch(r"\d{6}", text):
        yy = int(text[:2])
        return (2000 + yy if yy < 30 else 1900 + yy) * 10000 + int(text[2:])
    return None


def date_key(value: str | None) -> int | None:
    """An article's ISO date (or a year or month of one) as YYYYMMDD, for comparisons."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    return int(m.group(1)) * 10000 + int(m.group(2) or 7) * 100 + int(m.group(3) or 1)
