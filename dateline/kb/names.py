"""One normal form for names, shared by the builder and the lookups.

>>> key("MR._OBAMA"), key("Kassym-Jomart Tokayev"), key("the U.N.")
('mr obama', 'kassym jomart tokayev', 'un')
"""

from __future__ import annotations

import functools
import re
import unicodedata


@functools.lru_cache(maxsize=1 << 16)
def key(name: str) -> str:
    """Case, accents, dots, apostrophes and hyphens folded; a leading "the" dropped."""
    text = unicodedata.normalize("NFKD", name.replace("_", " "))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’‘`.]", "", text)
    text = re.sub(r"[-‐–/]", " ", text)
    text = re.sub(r"[^\w\s&]", " ", text)
    text = " ".join(text.split())
    return text[4:] if text.startswith("the ") else text


def singulars(word: str) -> list[str]:
    """The word and the singular forms it may be the plural of."""
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("men"):
        forms.append(word[:-3] + "man")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        forms.append(word[:-1])
    return forms
