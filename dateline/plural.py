"""The singular of an English plural noun, as the project's word lists spell their entries."""

from __future__ import annotations


def singular(word: str) -> str:
    """"countries" → "country", "ties" → "tie"; "status", "crisis", "press" and three-letter words
    stay as they are.

    >>> [singular(w) for w in ("countries", "troops", "status", "crisis", "press", "gas", "ties")]
    ['country', 'troop', 'status', 'crisis', 'press', 'gas', 'tie']
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
