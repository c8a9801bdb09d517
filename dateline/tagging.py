"""Faster, exact stand-ins for two of spaCy's rule components: the attribute ruler and the rule lemmatizer.

In the small English pipeline these two rule components cost about a quarter of the parse,
though neither learns anything: the attribute ruler runs a Matcher of some 180 patterns over
every token to turn fine tags into coarse parts of speech and morphology, and the lemmatizer
looks every token up again (its cache skips the common case, a word already in its base form).
Almost every pattern looks at one token only, so what the ruler does to a token depends on its
tag, lower-case form, dependency label and whether it is a space: these stand-ins work that
out once per distinct token, keep it, and write whole documents through arrays. The few
patterns that span two tokens still go through a Matcher of their own, and the results are
applied in the ruler's order (later patterns win), so the output is the same, token for
token, as the components they replace (tested on the project's own sentences; ``dateline
bench pipeline`` measures the gain).

``speed_up(nlp)`` swaps them in where the pipeline's components are the stock ones, and
leaves any other pipeline alone.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

KEY_ATTRS = (TAG, LOWER, DEP, IS_SPACE)
SET_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)


class Unsupported(ValueError):
    """A pattern uses a feature the stand-in does not evaluate: keep the stock component."""


class CachedAttributeRuler:
    """What the stock attribute ruler does, decided once per distinct (tag, lower, dep, space)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.single: list[tuple[int, dict[str, Any], dict[int, int]]] = []  # (order, pattern, attrs)
        self.multi = Matcher(self.vocab)
        self.multi_attrs: dict[int, tuple[int, int, dict[int, int]]] = {}
        for order, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            patterns = ruler.matcher.get(self.vocab.strings.add(str(order)))[1]
            for pattern in patterns:
                if len(pattern) == 1 and index in (0, -1):
                    self.single.append((order, _check(pattern[0]), attrs))
                else:
                    match_key = self.vocab.strings.add(f"dateline_multi_{order}_{len(self.multi_attrs)}")
                    self.multi.add(match_key, [pattern])
                    self.multi_attrs[match_key] = (order, index, attrs)
        # A word no pattern names by its lower-case form is looked up under one shared form, so the
        # cache grows with tags and labels, not with the vocabulary.
        self.named: set[str] = set()
        self.regexes: list[str] = []
        for _, pattern, _ in self.single:
            lower = pattern.get("LOWER")
            if isinstance(lower, str):
                self.named.add(lower)
            elif isinstance(lower, dict):
                self.named.update(lower.get("IN", ()))
                self.named.update(lower.get("NOT_IN", ()))
                if "REGEX" in lower:
                    self.regexes.append(lower["REGEX"])
        if any(re.search(r, "") for r in self.regexes):  # then "" cannot stand for unnamed words
            raise Unsupported("an attribute ruler pattern's regular expression matches the empty string")
        self.shared: dict[int, int] = {}  # lower-case form -> itself, or 0 for "named by no pattern"
        # (tag, form, dep, space) -> the patterns that apply, in order, and what they set, once
        self.cache: dict[tuple[int, ...], tuple[list[tuple[int, dict[int, int]]], list[tuple[int, int]]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        keys = doc.to_array(list(KEY_ATTRS)).tolist()
        values = doc.to_array(list(SET_ATTRS))
        extra: dict[int, list[tuple[int, dict[int, int]]]] = {}
        if self.multi_attrs:
            for match_key, start, end in self.multi(doc, allow_missing=True):
                order, index, attrs = self.multi_attrs[match_key]
                extra.setdefault(range(start, end)[index], []).append((order, attrs))
        for i, (tag, lower, dep, space) in enumerate(keys):
            form = self.shared.get(lower)
            if form is None:
                form = self.shared[lower] = lower if self._named(lower) else 0
            key = (tag, form, dep, space)
            cached = self.cache.get(key)
            if cached is None:
                actions = self._actions(key)
                cached = self.cache[key] = (actions, _columns(actions))
            actions, columns = cached
            if i in extra:
                columns = _columns(sorted(actions + extra[i], key=lambda a: a[0]))
            for col, value in columns:
                values[i, col] = value
        doc.from_array(list(SET_ATTRS), values)
        return doc

    def _named(self, lower: int) -> bool:
        text = self.vocab.strings[lower]
        return text in self.named or any(re.search(r, text) for r in self.regexes)

    def _actions(self, key: tuple[int, ...]) -> list[tuple[int, dict[int, int]]]:
        strings = self.vocab.strings
        # The shared form stands for words no pattern names: "" is named by none either (an empty
        # token cannot occur), so every pattern that tests LOWER fails on it as on those words.
        token = {"TAG": strings[key[0]] if key[0] else "", "LOWER": strings[key[1]] if key[1] else "",
                 "DEP": strings[key[2]] if key[2] else "", "IS_SPACE": bool(key[3])}
        return [(order, attrs) for order, pattern, attrs in self.single if _matches(pattern, token)]


class CachedLemmatizer:
    """The stock rule lemmatizer's answer, kept per (word, part of speech, morphology).

    The stock rules test each candidate form for membership in the lemma index, which the
    lookups data ships as lists (some 57,000 nouns): every new word scanned them, and new words
    never stop coming in news, so the misses cost about a tenth of the parse. The index is
    turned into sets once, here; membership, and so every lemma, is the same.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.vocab = lemmatizer.vocab
        self.cache: dict[tuple[int, int, int], int] = {}
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for pos in list(index):
            if isinstance(index[pos], list):
                index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            value = self.cache.get(key)
            if value is None:
                value = self.cache[key] = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = value
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc


def _columns(actions: list[tuple[int, dict[int, int]]]) -> list[tuple[int, int]]:
    """What a token ends with after the actions in order (a later pattern overrides an earlier
    one), as (column of SET_ATTRS, value) pairs."""
    final: dict[int, int] = {}
    for _, attrs in actions:
        for col, attr in enumerate(SET_ATTRS):
            if attr in attrs:
                final[col] = attrs[attr]
    return sorted(final.items())


SUPPORTED = {"TAG", "LOWER", "DEP", "IS_SPACE"}


def _check(pattern: dict[str, Any]) -> dict[str, Any]:
    for name, test in pattern.items():
        if name not in SUPPORTED:
            raise Unsupported(f"attribute ruler pattern on {name}")
        if isinstance(test, dict) and not set(test) <= {"IN", "NOT_IN", "REGEX"}:
            raise Unsupported(f"attribute ruler pattern operator {sorted(test)}")
    return pattern


def _matches(pattern: dict[str, Any], token: dict[str, Any]) -> bool:
    for name, test in pattern.items():
        value = token[name]
        if isinstance(test, dict):
            if "IN" in test and value not in test["IN"]:
                return False
            if "NOT_IN" in test and value in test["NOT_IN"]:
                return False
            if "REGEX" in test and not re.search(test["REGEX"], value):
                return False
        elif value != test:
            return False
    return True


def speed_up(nlp: Language) -> list[str]:
    """Swap the stock attribute ruler and rule lemmatizer for their cached twins; name what changed."""
    changed = []
    for name, component in list(nlp._components):
        try:
            if type(component) is AttributeRuler:
                replacement: Any = CachedAttributeRuler(component)
            elif isinstance(component, Lemmatizer) and component.mode == "rule":
                replacement = CachedLemmatizer(component)
            else:
                continue
        except Unsupported:
            continue
        # Language keeps its components in this list; replace_pipe would need a factory that
        # rebuilds the component from config, and these are made from the loaded one.
        at = [n for n, _ in nlp._components].index(name)
        nlp._components[at] = (name, replacement)
        changed.append(name)
    return changed


__all__ = ["CachedAttributeRuler", "CachedLemmatizer", "speed_up"]
