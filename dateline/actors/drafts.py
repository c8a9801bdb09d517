"""What the finders of an article's actors share: the actor being assembled, and group nouns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Token

GROUP_NOUNS = {
    "minister": "persons",
    "leader": "persons",
    "side": "sides",
    "delegation": "persons",
    "president": "persons",
    "official": "persons",
    "country": "countries",
    "nation": "countries",
    "government": "countries",
    "military": "countries",
    "neighbour": "countries",
    "neighbor": "countries",
}
GROUP_SECTORS = {
    "minister": "GOV",
    "government": "GOV",
    "military": "MIL",
    "president": "GOV",
    "leader": "GOV",
}
LOCATIVE = frozenset({"in", "at", "near", "to", "from", "across", "around", "into", "outside", "inside"})


@dataclass
class Draft:
    """An actor being assembled: mentions as token ranges, keyed for merging."""

    name: str
    kind: str
    role: str | None = None
    country: str | None = None
    sector: str | None = None
    spans: list[tuple[int, int]] | None = None
    members: list[int] | None = None
    presumed: bool = False  # the country is the article's home country, not one its words say



def token_words(tokens: Sequence[Token]) -> list[str]:
    return [t.text for t in tokens]


def edge_punct(tok: Token) -> bool:
    return tok.is_punct or tok.is_space
