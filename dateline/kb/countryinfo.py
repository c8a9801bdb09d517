"""Reader for CountryInfo's "almost XML" (one ``<Country>`` block per country).

A block gives the country's ISO code, its names and nationality adjectives, its capital and
major cities, its leaders (``<Leaders>`` sub-tags such as ``<Presidents>``, each line a name,
``{A}{B}`` for variants, and ``[YYYYMMDD - YYYYMMDD]`` terms) and government members with
CAMEO codes (``NAME [JORGOV 20050501 - 20050731]  # Minister of ...``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .tabari import DatedCode, Skip, parse_code, phrase, read_lines

_TAG = re.compile(r"^<(/?)([^<>]+)>\s*(.*?)\s*(?:</[^<>]+>)?\s*$")
_TERM = re.compile(r"\[\s*([<>]?\s*\d{6,8}(?:\s*-\s*\d{6,8})?)\s*\]")


@dataclass
class CountryBlock:
    code: str | None = None
    cameo: str | None = None
    name: str | None = None
    nationality: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    people: list[tuple[list[str], list[DatedCode], str | None]] = field(default_factory=list)
    line: int = 0


def _names(text: str) -> list[str]:
    variants = re.findall(r"\{([^}]*)\}", text)
    if not variants:
        variants = [re.split(r"\s{2,}|\t|\[", text.strip(), maxsplit=1)[0]]
    return [phrase(v) for v in variants if phrase(v)]


def _role(tag: str) -> str:
    """``Prime ministers`` -> ``Prime Minister``."""
    words = tag.replace("_", " ").split()
    if words and words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss"):
        words[-1] = words[-1][:-1]
    words = [w.capitalize() if w.islower() or w.isupper() else w for w in words]
    return " ".join(words).replace("Presidents Of", "President of")


def _settled(block: CountryBlock) -> CountryBlock:
    """The block with the ISO code its CAMEO code and its name agree on, where its alpha-3 line
    says another: the file gives Myanmar MOZ (Mozambique's), Guatemala GLP and Guinea PNG, which
    would make their capitals and ministers another country's."""
    if block.cameo and block.name and block.cameo != block.code:
        from dateline import countries

        if countries.country_name(block.name.title()) == block.cameo:
            block.code = block.cameo
    return block


def read_countryinfo(path: Path) -> Iterator[CountryBlock | Skip]:
    block: CountryBlock | None = None
    section: list[str] = []
    in_header = False
    for number, raw in read_lines(path):
        line = raw.split("#", 1)[0].rstrip() if not raw.lstrip().startswith("<!--") else raw
        comment = raw.split("#", 1)[1].strip() if "#" in raw else None
        stripped = line.strip()
        if stripped.startswith("<!--"):
            in_header = "-->" not in stripped
            continue
        if in_header:
            in_header = "-->" not in stripped
            continue
        if not stripped:
            continue
        tag = _TAG.match(stripped)
        if tag and not stripped.startswith("<" + "!"):
            closing, name, value = tag.group(1), tag.group(2).strip(), tag.group(3)
            if name == "Country":
                if closing and block is not None:
                    yield _settled(block)
                    block = None
                elif not closing:
                    block = CountryBlock(line=number)
                section = []
                continue
            if block is None:
                continue
            if value and not closing:  # one-line tag
                if name == "ISO3166-alpha3":
                    block.code = value.strip().upper()
                elif name == "CountryCode":
                    block.cameo = value.strip().upper()
                elif name == "CountryName":
                    block.name = phrase(value)
                continue
            if closing:
                if section and section[-1] == name:
                    section.pop()
            else:
                section.append(name)
            continue
        if block is None or not section:
            continue
        top = section[0]
        if top == "Nationality":
            block.nationality += _names(stripped)
        elif top == "Capital":
            block.capitals += _names(stripped)
        elif top == "MajorCities":
            block.cities += _names(stripped)
        elif top in ("Leaders", "Government") and (top == "Government" or len(section) > 1):
            codes: list[DatedCode] = []
            for body in re.findall(r"\[([^\]]*)\]", stripped):
                if re.match(r"\s*[BD]:", body):
                    continue  # birth and death dates
                parsed = parse_code(body if body.strip()[:1].isalpha() else f"GOV {body}")
                if isinstance(parsed, DatedCode):
                    codes.append(parsed)
                else:
                    yield Skip(str(path), number, parsed, stripped)
            if not codes:
                yield Skip(str(path), number, "person with no readable code or term", stripped)
                continue
            role = comment.split("&")[0].strip() if top == "Government" and comment else None
            if top == "Leaders":
                role = _role(section[-1])
            block.people.append((_names(stripped), codes, role))
    if block is not None:
        yield _settled(block)
