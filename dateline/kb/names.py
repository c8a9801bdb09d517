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


# English short forms of given names, which no spelling measure links to the full form the
# dictionaries give ("Jim Mattis" is James Mattis).
_SHORT_FORMS = {
    "jim": "james", "jimmy": "james", "bill": "william", "billy": "william", "will": "william",
    "bob": "robert", "rob": "robert", "bobby": "robert", "mike": "michael", "mick": "michael",
    "tony": "anthony", "tom": "thomas", "dick": "richard", "rick": "richard", "joe": "joseph",
    "ben": "benjamin", "chuck": "charles", "charlie": "charles", "dave": "david", "steve": "stephen",
    "andy": "andrew", "nick": "nicholas", "ed": "edward", "ted": "edward", "pete": "peter",
    "sam": "samuel", "dan": "daniel", "matt": "matthew", "chris": "christopher", "alex": "alexander",
    "jeff": "jeffrey", "greg": "gregory", "ron": "ronald", "don": "donald", "al": "albert",
    "liz": "elizabeth", "kate": "katherine", "sue": "susan", "jenny": "jennifer", "becky": "rebecca",
}


def same_given_name(a: str, b: str) -> bool:
    """Whether two given names (in :func:`key` form) are one name, one a short form of the other."""
    return _SHORT_FORMS.get(a, a) == _SHORT_FORMS.get(b, b)
