"""Direct and reported speech, each with its speaker resolved to an actor.

Direct quotes are found from the quotation marks, not the parse, so a quote that runs over a
paragraph break (no closing mark, the next paragraph opening with one) stays one quote. The
speaker comes from the speech verb next to the quote (`"...," Singh said`; `It added, "..."`),
else, for an unattributed quote right after an attributed one, from that earlier quote.
Pronouns and bare institution nouns ("it", "the ministry") resolve to the most recent actor
that fits. Reported speech is a speech verb with a clausal complement
("Singh said Nakatani expressed solidarity").
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import POS
from spacy.symbols import VERB
from spacy.tokens import Doc, Span, Token

from dateline.annotate import doc_text
from dateline.model import Actor, Quote

SPEECH_VERBS = frozenset(
    "say tell state add note stress emphasise emphasize announce declare insist explain remark "
    "write post tweet observe assert affirm reiterate warn claim argue urge highlight underline "
    "point maintain comment acknowledge confirm".split()
)
OPEN = "\u201c"
CLOSE = "\u201d"
MIN_WORDS = 4
PERSONAL = {"he", "she", "him", "her"}
NEUTER = {"it", "they"}


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans inside quotation marks, straight or curly, joined across paragraphs."""
    marks = [(m.start(), m.group()) for m in re.finditer(r'["\u201c\u201d]', text)]
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for pos, mark in marks:
        opening = mark == OPEN or (
            mark == '"' and (pos == 0 or not text[pos - 1].isalnum() and text[pos - 1] not in ".,!?;:'\u2019")
        )
        if open_at is None:
            if opening or mark == '"':
                open_at = pos
            continue
        if mark == CLOSE or (mark == '"' and not opening):
            spans.append((open_at + 1, pos))
            open_at = None
        elif "\n" in text[open_at:pos]:
            spans.append((open_at + 1, text.index("\n", open_at)))
            open_at = pos
    if open_at is not None:
        end = text.find("\n", open_at)
        spans.append((open_at + 1, end if end != -1 else len(text)))
    return [(s, e) for s, e in spans if len(text[s:e].split()) >= MIN_WORDS]


def _speech_verb(tokens: list[Token]) -> Token | None:
    return next((t for t in tokens if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEECH_VERBS), None)


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _attribution(doc: Doc, start: int, end: int) -> Token | None:
    """The speech verb that introduces or follows the quote at [start, end)."""
    text = doc_text(doc)
    after = doc.char_span(end + 1, min(len(text), end + 120), alignment_mode="contract")
    if after is not None:
        first = after[0].sent  # the span runs on from its first token: the rest of that sentence
        head = [t for t in after if t.i < first.end or t.i < after[0].i + 3]
        cut = next((i for i, t in enumerate(head) if t.text in ('"', OPEN, ".", "\n") and i > 0), len(head))
        verb = _speech_verb(head[:cut])
        if verb is not None and (text[end + 1 : after[0].idx].strip() == "" or True):
            return verb
    before = doc.char_span(max(0, start - 150), max(0, start - 1), alignment_mode="contract")
    if before is not None and len(before):
        last = before[-1].sent
        last_sent = [t for t in before if t.i >= last.start]
        tail = last_sent[-8:]
        if tail and tail[-1].text in (",", ":") or text[max(0, start - 3) : start - 1].strip() in (",", ":"):
            verb = _speech_verb(list(reversed(tail)))
            if verb is not None:
                return verb
    return None


def _resolve(tok: Token | None, actors: list[Actor], before: int) -> Actor | None:
    """The actor a speaker phrase names, following pronouns and "the ministry" back."""
    if tok is None:
        return None
    lo = min(t.idx for t in tok.subtree if t.i <= tok.i)
    hi = tok.idx + len(tok.text)
    for a in actors:
        if any(m.start < hi and lo < m.end and m.start <= tok.idx < m.end for m in a.mentions):
            return a
    for a in actors:
        if any(m.start < hi and lo < m.end for m in a.mentions):
            return a
    word = tok.lower_
    earlier = sorted(
        ((m.start, a) for a in actors for m in a.mentions if m.start < before),
        key=lambda p: p[0],
        reverse=True,
    )
    if word in PERSONAL:
        return next((a for _, a in earlier if a.kind == "PERSON"), None)
    if word in NEUTER:
        return next((a for _, a in earlier if a.kind in ("ORG", "GROUP", "COUNTRY")), None)
    if tok.pos_ == "NOUN":
        return next((a for _, a in earlier if word in a.name.lower()), None)
    return None


def _direct(doc: Doc, actors: list[Actor]) -> list[Quote]:
    quotes: list[Quote] = []
    previous: Quote | None = None
    text = doc_text(doc)
    for start, end in _quote_spans(text):
        verb = _attribution(doc, start, end)
        speaker = _resolve(_subject(verb), actors, start) if verb is not None else None
        if verb is None and previous is not None and _follows(text, previous.end, start):
            speaker, cue = previous.speaker, previous.cue
        else:
            cue = verb.text if verb is not None else None
        if verb is not None and speaker is None:
            speaker = _resolve(_subject(verb), actors, start)
        quote = Quote(speaker=speaker, text=text[start:end], start=start, end=end, direct=True, cue=cue)
        quotes.append(quote)
        previous = quote
    return quotes


def _follows(text: str, prev_end: int, start: int) -> bool:
    """An unattributed quote that opens the paragraph right after an attributed one."""
    between = text[prev_end:start]
    return "\n" in between and len(between) < 80


def _reported(doc: Doc, actors: list[Actor], inside: list[tuple[int, int]]) -> list[Quote]:
    quotes: list[Quote] = []
    for i in numpy.flatnonzero(doc.to_array([POS]) == VERB).tolist():  # the verbs, without a Token for every word
        tok = doc[i]
        if tok.lemma_.lower() not in SPEECH_VERBS:
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if comp is None or any(s <= tok.idx < e for s, e in inside):
            continue
        span = doc[comp.left_edge.i : comp.right_edge.i + 1]
        if len(span) < 3 or any(s < span.end_char and span.start_char < e for s, e in inside):
            continue
        quotes.append(_indirect(span, _resolve(_subject(tok), actors, tok.idx), tok.text))
    quotes += _according_to(doc, actors)
    return quotes


def _indirect(span: Span, speaker: Actor | None, cue: str) -> Quote:
    """Reported speech: the words of the clause, attributed, with the verb or phrase that cues it."""
    return Quote(speaker=speaker, text=span.text, start=span.start_char, end=span.end_char, direct=False, cue=cue)


def _according_to(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """ "According to the Ministry of Health, the two agencies will ...": the rest of the sentence."""
    quotes = []
    for tok in doc[:-2]:
        if tok.lower_ != "according" or doc[tok.i + 1].lower_ != "to":
            continue
        sent = tok.sent
        opens = tok.i == sent.start or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_punct
        comma = next((t for t in doc[tok.i : sent.end] if t.text == ","), None)
        if opens and comma is not None and comma.i + 1 < sent.end:
            source = doc[tok.i + 2 : comma.i]
            span: Span = doc[comma.i + 1 : sent.end]
            quotes.append(_indirect(span, _resolve(source.root, actors, tok.idx), "according to"))
    return quotes


def find_quotes(doc: Doc, actors: list[Actor]) -> list[Quote]:
    """Direct and reported speech in an article, in text order.

    >>> # '"We discussed defence cooperation," Singh said.' -> [Quote(speaker=<Singh>, direct=True, ...)]
    """
    direct = _direct(doc, actors)
    spans = [(q.start, q.end) for q in direct]
    reported = _reported(doc, actors, spans)
    return sorted(direct + reported, key=lambda q: q.start)
