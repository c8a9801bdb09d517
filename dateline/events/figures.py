"""What a sentence says of an assault's toll and weapon: casualty figures ("26 people were
killed", "killing at least 156 people") and the instrument mode PLOVER records (explosives,
heavy weapons, firearms ...).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

INSTRUMENT_MODES = (
    (("suicide",), "suicide-attack"),
    (("bomb", "bombing", "explosive", "explosion", "mine", "minefield", "ied", "grenade", "blast"),
     "explosives"),
    (("tank", "artillery", "shell", "rocket", "missile", "mortar", "airstrike", "helicopter",
      "warplane", "jet", "predator", "drone"), "heavy-weapons"),
    (("gun", "gunfire", "rifle", "gunman", "gunmen", "sniper", "shoot", "shooting", "fire"),
     "firearms"),
    (("machete", "knife", "axe", "stone", "rock", "club"), "primitive"),
)  # fmt: skip
CASUALTY_VERBS = {"kill": "killed", "wound": "injured", "injure": "injured", "die": "killed"}
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12,
    "dozens": 24, "hundred": 100, "hundreds": 200, "thousand": 1000, "thousands": 2000,
}  # fmt: skip


def _number(tok: Token) -> int | None:
    text = tok.text.replace(",", "")
    if text.isdigit():
        return int(text)
    try:
        return int(float(text))
    except ValueError:
        return NUMBER_WORDS.get(tok.lower_)


def casualties(sent: Span) -> dict[str, int]:
    """ "26 people were killed", "killing at least 156 people", "wounded two soldiers"."""
    figures: dict[str, int] = {}
    for tok in sent:
        key = CASUALTY_VERBS.get(tok.lemma_.lower())
        if key is None or tok.pos_ != "VERB":
            continue
        for arg in tok.children:
            if arg.dep_ not in ("dobj", "nsubjpass", "nsubj") or (
                arg.dep_ == "nsubj" and tok.lemma_ != "die"
            ):
                continue
            nums = [
                n for n in arg.subtree if n.dep_ in ("nummod", "quantmod") or (n.like_num and n.i != arg.i)
            ]
            nums += [arg] if arg.like_num else []
            values = [v for v in (_number(n) for n in nums) if v is not None]
            if values:
                figures[key] = figures.get(key, 0) + max(values)
    return figures


def instrument_mode(sent: Span) -> str | None:
    lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    for words, mode in INSTRUMENT_MODES:
        if lemmas & set(words):
            return mode
    return None
