"""When and where an event mention happened.

A temporal expression belongs to the mention whose trigger or clause it hangs from in the parse,
stopping at "after"/"before" phrases that date another event; its value gives the calendar date.
The place is the clause's own "in"/"at" phrase, else the dateline's place when the event falls in
the days around the report: the meeting "in November" a report recalls happened elsewhere for
all the dateline says.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.model import Timex
from dateline.temporal import calendar_date

from .mention import Mention
from .syntax import SEPARATING_PREPS, light_governor, np_bounds


def date_of(timex: Timex | None) -> tuple[str | None, str | None]:
    if timex is None or timex.type not in ("DATE", "TIME"):
        return None, None
    return calendar_date(timex.value)


def place(m: Mention, doc: Doc, actors: set[int], others: set[int]) -> dict[str, Any] | None:
    """The clause's own place: "in New Delhi", "at Lao PDR"."""
    roots = [m.trigger, *m.merged]
    if m.clause.i != m.trigger.i and (not m.nominal or light_governor(m.trigger) is not None):
        roots.append(m.clause)
    for root in roots:
        for tok in _own_subtree(root, others):
            if tok.i in actors or tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at"):
                continue
            if tok.ent_type_ in ("GPE", "LOC", "FAC") or (tok.pos_ == "PROPN" and not tok.ent_type_):
                start, end = np_bounds(tok)
                name = doc.text[start:end]
                name = re.sub(r"^(the|this|a)\s+", "", name, flags=re.I)
                country = country_of(name)
                if tok.ent_type_ or country:
                    return {"name": name, "country": country}
    return None


def _own_subtree(root: Token, exclude: set[int]) -> list[Token]:
    """The root's subtree without other events' clauses and without "after ..." phrases."""
    out: list[Token] = []
    stack = [root]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.i in exclude or (c.dep_ == "prep" and c.lower_ in SEPARATING_PREPS):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def country_of(name: str) -> str | None:
    try:
        from dateline.countries import country_code

        code = country_code(name)
        if code:
            return code
    except Exception:
        pass
    try:
        from dateline.actors import code_actor

        return code_actor(name)[0]
    except Exception:
        return None


def assign_timexes(doc: Doc, sent: Span, mentions: list[Mention], timexes: list[Timex]) -> None:
    anchors: dict[int, Mention] = {}
    for m in mentions:
        for t in (m.trigger, *m.merged):
            anchors.setdefault(t.i, m)
        anchors.setdefault(m.clause.i, m)
        t = m.clause
        while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
            t = t.head
            anchors.setdefault(t.i, m)
    for tx in timexes:
        if tx.start < sent.start_char or tx.end > sent.end_char or tx.type not in ("DATE", "TIME"):
            continue
        span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
        if span is None:
            continue
        t = span.root
        while True:
            owner = anchors.get(t.i)
            if owner is not None:
                if owner.timex is None:
                    owner.timex = tx
                break
            if t.head.i == t.i or (t.dep_ == "prep" and t.lower_ in SEPARATING_PREPS):
                break
            t = t.head


def reported_as_news(
    timex: Timex | None, date: str | None, precision: str | None, published: str | None
) -> bool:
    """Whether an event falls in the days around its report, where the dateline places it.

    A dateline names where a story was filed, which is where today's news happened; the
    earlier meeting "in November" or the 2014 agreement a report recalls happened elsewhere
    for all the dateline says.
    """
    if timex is None:
        return True
    if timex.relative and timex.relative.get("weekday") is not None and not timex.relative.get("month"):
        return True
    if not date or not published:
        return False
    if precision == "day":
        try:
            gap = abs((dt.date.fromisoformat(date[:10]) - dt.date.fromisoformat(published[:10])).days)
        except ValueError:
            return False
        return gap <= 7
    return precision == "month" and date[:7] == published[:7]
