"""When and where an event mention happened.

An event's date is the date the text gives the event, read in this order:

1. its own temporal expression, one that hangs from its trigger ("Saddam's 1988 attack", "talks
   last week") or from its clause ("met ... on Thursday") in the parse, stopping at "after" and
   "before" phrases, which date another event; one on the trigger beats one on the clause;
2. the clause it is anchored to: "a day after the two countries signed" dates one side from the
   other, and a conjoined verb ("met on Thursday and agreed") or a "when" clause shares the time
   of the clause it belongs to;
3. tense and report: a past perfect is earlier than its reference time, and what a speaker says
   happened is earlier than the saying ("monitors said on Tuesday that ... had been killed");
4. otherwise the event is undated, and ``before`` bounds it by the day of its report. The
   publication day is never an event's date by default: a report tells of last week, of years
   ago and of a 1975 coup as much as of today.

A date after the report on an event told as having happened is a plan ("the next hearing on
April 29") or belongs to something else in the clause ("set April 29 for the hearing"); it is
never the date of the act, and neither is a day the act set ("polls called for 24 June"). An event "at their last meeting" is an earlier one: the article's
latest dated event of its kind before the report, when it names one (``date_earlier``).

The place is the clause's own "in"/"at" phrase, else the dateline's place when the event falls in
the days around the report: the meeting "in November" a report recalls happened elsewhere for
all the dateline says.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from dateline.annotate import doc_text
from dateline.dates import day_of, value_interval
from dateline.model import Event, Timex
from dateline.temporal import calendar_date, clause_tense

from .mention import Mention
from .syntax import SEPARATING_PREPS, is_verbal, light_governor, np_bounds
from .vocabulary import SPEECH_VERBS, lemma_of

SIMULTANEOUS_MARKS = frozenset({"when", "as", "while", "whilst", "once", "where"})
EARLIER_MODIFIERS = frozenset({"last", "previous", "earlier", "prior", "preceding"})
GOAL_PREPS = frozenset({"to", "until", "till", "through", "by", "for", "from", "into"})
OBJECT_DEPS = frozenset({"dobj", "attr", "oprd", "nsubj", "nsubjpass", "appos", "conj"})
REPORTING_VERBS = SPEECH_VERBS | {"hear", "learn", "reveal", "show", "find", "confirm", "believe", "think"}


def date_of(timex: Timex | None) -> tuple[str | None, str | None]:
    if timex is None or timex.type not in ("DATE", "TIME"):
        return None, None
    return calendar_of(timex.value)


def calendar_of(value: str) -> tuple[str | None, str | None]:
    """The day, month or year a value names; a week or weekend that lies within one month is that
    month ("sanctions imposed last week", 2018-W15, happened in 2018-04); one that straddles two
    is no date (the caller bounds the event by the week's last day instead)."""
    date, precision = calendar_date(value)
    if date is None and re.fullmatch(r"\d{4}-W\d\d(?:-WE)?", value):
        span = value_interval(value)
        if span is not None and span[0].month == span[1].month:
            return span[0].strftime("%Y-%m"), "month"
    return date, precision


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
                name = doc_text(doc)[start:end]
                name = re.sub(r"^(the|this|a)\s+", "", name, flags=re.I)
                name = re.split(r",\s+(?![A-Z]\.)", name)[0]  # "Kampala, capital of Uganda": the place itself
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
    """The country a place name says: a country's own name, else the place as an actor is coded."""
    from dateline.actors import code_actor
    from dateline.countries import country_code

    return country_code(name) or code_actor(name)[0]


# --------------------------------------------------------------------------- own expressions


def timexes_by_sentence(doc: Doc, timexes: list[Timex]) -> list[list[Timex]]:
    """Each sentence's temporal expressions, in one pass over the article (the coder looks at one
    sentence at a time, and a long article must not cost sentences times expressions)."""
    starts = [s.start_char for s in doc.sents]
    out: list[list[Timex]] = [[] for _ in starts]
    for t in timexes:
        i = bisect.bisect_right(starts, t.start) - 1
        if i >= 0:
            out[i].append(t)
    return out


def _sentence_timexes(sent: Span, timexes: list[Timex], types: tuple[str, ...]) -> list[Timex]:
    return [t for t in timexes if sent.start_char <= t.start and t.end <= sent.end_char and t.type in types]


def _root(doc: Doc, timex: Timex) -> Token | None:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _stops(t: Token, events: dict[int, tuple[Mention, int]] | None = None) -> bool:
    """Where an expression stops dating what lies above it: an "after"/"before" phrase or clause
    dates another event, and a clause on a noun ("the mosque, built 1,300 years ago") dates the
    noun's thing, unless the noun is itself the event ("the offensive launched on Sunday")."""
    if t.head.i == t.i or (t.dep_ in ("prep", "mark") and t.lower_ in SEPARATING_PREPS):
        return True
    if t.dep_ in ("advcl", "acl") and t.lower_ in SEPARATING_PREPS:
        return True  # "hanged ... following an attempt on his life in the early 1980s", parsed as a verb
    if _dates_its_object(t, events):
        return True
    if not is_verbal(t):
        return False
    if t.dep_ == "conj":
        return True  # "visited the mosque, built 700 years ago": each conjunct has its own time
    if t.dep_ == "advcl":
        reduced = t.tag_ in ("VBN", "VBD") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.children
        )
        return reduced or _mark(t) in SEPARATING_PREPS
    if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ == "VBN"):
        # a participle in "-ing" ("men wearing balaclavas in November 2013") is the main clause's time
        return events is None or events.get(t.head.i, (None, 1))[1] != 0
    return False


# Prepositions whose object can stand for a time: "killed in the 2004 tsunami", "during the 1991 war".
TIME_LOCATING_PREPS = frozenset({"in", "during", "at", "on", "throughout", "within"})


def _dates_its_object(t: Token, events: dict[int, tuple[Mention, int]] | None) -> bool:
    """A year on a noun the clause acts on dates that thing, not the act: "accused of masterminding
    the 2016 coup", "condemned the 1982 massacre" (unless the noun is itself an event mention, an
    anchor). A noun the act happens in stands for a time ("killed in the 2004 tsunami"), and so
    does the subject ("the 2016 talks failed")."""
    noun = t.head
    if events is not None and noun.i in events:
        return False
    if t.dep_ not in ("compound", "nummod", "amod", "poss") or noun.pos_ not in ("NOUN", "PROPN") or t.i > noun.i:
        return False  # only a year or day before its noun: "met the envoy Monday" is the meeting's day
    if noun.dep_ == "dobj":
        return True
    return noun.dep_ == "pobj" and noun.head.lower_ not in TIME_LOCATING_PREPS


def assign_timexes(doc: Doc, sent: Span, mentions: list[Mention], timexes: list[Timex]) -> None:
    """Give each mention the temporal expression that hangs from it in the parse.

    Each expression belongs to the first event word above it; a mention takes the one closest to
    its trigger ("Saddam's 1988 attack" in a clause "reported in recent decades" is 1988).
    """
    anchors: dict[int, tuple[Mention, int]] = {}
    for m in mentions:
        for t in (m.trigger, *m.merged):
            anchors.setdefault(t.i, (m, 0))
    for m in mentions:
        if _set_apart(m):
            continue
        anchors.setdefault(m.clause.i, (m, 1))
        t = m.clause
        while t.dep_ in ("xcomp", "acomp") and t.head.i != t.i:
            t = t.head
            anchors.setdefault(t.i, (m, 1))
    best: dict[int, tuple[tuple[int, int, int], Timex]] = {}
    for tx in _sentence_timexes(sent, timexes, ("DATE", "TIME")):
        t = _root(doc, tx)
        hops = 0
        while t is not None:
            if t.i in anchors:
                owner, level = anchors[t.i]
                rank = (level, hops, tx.start)
                if id(owner) not in best or rank < best[id(owner)][0]:
                    best[id(owner)] = (rank, tx)
                break
            if _stops(t, anchors):
                break
            t, hops = t.head, hops + 1
    for m in mentions:
        if m.timex is None and id(m) in best:
            m.timex = best[id(m)][1]


def _set_apart(m: Mention) -> bool:
    """A noun under "after", "before", "since" ... of its clause is another time than the
    clause's: "spoke on Monday, two days after the ambush"."""
    t = m.trigger
    for _ in range(6):
        if t.i == m.clause.i or t.head.i == t.i:
            return False
        if t.dep_ == "prep" and t.lower_ in SEPARATING_PREPS:
            return True
        t = t.head
    return False


def _verb_times(doc: Doc, sent: Span, timexes: list[Timex]) -> dict[int, tuple[str, str]]:
    """The calendar date each verb of the sentence is given by an expression that hangs from it,
    event word or not ("monitors said on Tuesday")."""
    out: dict[int, tuple[str, str]] = {}
    for tx in _sentence_timexes(sent, timexes, ("DATE", "TIME")):
        date, precision = calendar_of(tx.value)
        t = _root(doc, tx)
        if date is None or precision is None or t is None:
            continue
        while not is_verbal(t) and not _stops(t):
            t = t.head
        while is_verbal(t):  # "ceased arming the rebels in March 1975": the whole verb chain
            out.setdefault(t.i, (date, precision))
            if t.dep_ != "xcomp" or t.head.i == t.i:
                break
            t = t.head
    return out


# --------------------------------------------------------------------------- calendar arithmetic


def _earliest(*days: str | None) -> str | None:
    known = [d for d in days if d]
    return min(known) if known else None


def _bound_of(value: str, published: str | None) -> str | None:
    """The last day an expression's value allows, no later than the report: "last week" is before
    its Sunday, "recently" before the report itself."""
    if value in ("PAST_REF", "PRESENT_REF"):
        return published
    span = value_interval(value)
    if span is None:
        return None
    return _earliest(span[1].isoformat(), published)


def _shift(date: str, precision: str, measure: str, sign: int) -> tuple[str, str] | None:
    """A date moved by a TIMEX duration ("P1D", "P2W", "PT5H"), at the precision both allow."""
    m = re.fullmatch(r"P(T?)(\d+)([HDWMY])", measure)
    if not m:
        return None
    n, unit = int(m[2]), m[3]
    if m[1]:  # hours or minutes after: the same day
        unit, n = "D", n // 24 if unit == "H" else 0
    if unit in ("D", "W"):
        day = day_of(date) if precision == "day" else None
        if day is None:
            return None
        return (day + dt.timedelta(days=sign * n * (7 if unit == "W" else 1))).isoformat(), "day"
    if unit == "M" and precision in ("day", "month"):
        y, mo = divmod(int(date[:4]) * 12 + int(date[5:7]) - 1 + sign * n, 12)
        return f"{y:04d}-{mo + 1:02d}", "month"
    if unit == "Y":
        return f"{int(date[:4]) + sign * n:04d}", "year"
    return None


def _starts_after(date: str, published: str) -> bool:
    """The date lies wholly after the report's day."""
    span = value_interval(date)
    pub = day_of(published)
    return span is not None and pub is not None and span[0] > pub


# --------------------------------------------------------------------------- the event's date


def date_mentions(
    doc: Doc, sent: Span, mentions: list[Mention], timexes: list[Timex], published: str | None
) -> None:
    """Fill in each mention's ``date``, ``date_precision`` and ``before`` from the sentence.

    Runs after :func:`assign_timexes` and the status decision, which a date after the report can
    change to ``planned``.
    """
    at: dict[int, Mention] = {}
    for m in mentions:
        for t in (m.trigger, *m.merged):
            at.setdefault(t.i, m)
    for m in mentions:
        at.setdefault(m.clause.i, m)
    verbs = _verb_times(doc, sent, timexes)
    days = _sentence_timexes(sent, timexes, ("DATE", "TIME"))
    for m in mentions:
        if m.timex is None and m.clause.dep_ in ("relcl", "acl"):
            # "since March 30, when Israeli troops opened fire": the clause tells of that day
            head = m.clause.head
            m.timex = next((t for t in days if t.start <= head.idx < t.end), None)
        m.date, m.date_precision = date_of(m.timex)
        if m.timex is not None and m.date is None and m.status in ("occurred", "negated"):
            m.before = _bound_of(m.timex.value, published)
        if published and m.date and _starts_after(m.date, published):
            _after_the_report(doc, m)
        elif m.date and not m.nominal and m.status == "occurred":
            _goal_of_the_act(doc, m, published)
    measures = _sentence_timexes(sent, timexes, ("DURATION",))
    _inherit(mentions, at, verbs)
    _relations(doc, sent, at, verbs, measures, published)
    _inherit(mentions, at, verbs)
    for m in mentions:
        if (
            m.timex is None
            and m.date
            and published
            and m.status != "planned"
            and _starts_after(m.date, published)
        ):
            m.date = m.date_precision = None  # a date from another clause that lies after the report
        if m.date is None and m.before is None and m.status in ("occurred", "negated"):
            if clause_tense(m.clause) == "future":
                continue  # "we won't be pulled out": nothing the report says has happened
            m.refers = _at_an_earlier_one(m) if m.timex is None else None
            m.before = _reference(m, at, verbs, published)


def _after_the_report(doc: Doc, m: Mention) -> None:
    """An event told as done but dated after its report: a plan the clause announces, or the date
    of the object the act set ("set April 29 for the next hearing")."""
    if m.status != "occurred" or m.timex is None:
        if m.status == "negated":
            m.date = m.date_precision = None
            m.timex = None
        return
    if m.nominal:
        m.status = "planned"
        return
    root = _root(doc, m.timex)
    in_object = root is not None and (
        root.dep_ in OBJECT_DEPS or (root.dep_ == "pobj" and root.head.lower_ in GOAL_PREPS)
    )
    if not in_object and clause_tense(m.clause) != "past":
        m.status = "planned"
        return
    m.date = m.date_precision = None
    m.timex = None


def _goal_of_the_act(doc: Doc, m: Mention, published: str | None) -> None:
    """ "Polls called for 24 June", "talks postponed until Monday": the day an act set, not the day
    of the act; "captured by 2015" bounds it."""
    root = _root(doc, m.timex) if m.timex is not None else None
    if root is None or root.dep_ != "pobj" or root.head.head.i not in (m.clause.i, m.trigger.i):
        return
    prep = root.head.lower_
    if prep in ("for", "until", "till", "to"):
        m.date = m.date_precision = None
        m.timex = None
    elif prep == "by" and m.date:
        m.before = _bound_of(m.date, published)
        m.date = m.date_precision = None
        m.timex = None


def _clause_date(
    v: Token, at: dict[int, Mention], verbs: dict[int, tuple[str, str]]
) -> tuple[str, str] | None:
    owner = at.get(v.i)
    if owner is not None and owner.date and owner.date_precision and owner.clause.i == v.i:
        return owner.date, owner.date_precision
    return verbs.get(v.i)


def _mark(v: Token) -> str | None:
    return next((c.lower_ for c in v.children if c.dep_ in ("mark", "advmod") and c.i < v.i), None)


def _simultaneous(v: Token) -> bool:
    """A clause told as at the time of the one it hangs from: "when ... ceased", or a bare participle
    in "-ing" with no subject of its own ("withdrew on Sunday, accusing Russia of ...")."""
    if v.dep_ != "advcl":
        return False
    mark = _mark(v)
    if mark in SIMULTANEOUS_MARKS:
        return True
    return (
        mark is None
        and v.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "prep") for c in v.lefts)
        and not any(c.lower_ in SEPARATING_PREPS for c in v.lefts)
    )


def _inherit(mentions: list[Mention], at: dict[int, Mention], verbs: dict[int, tuple[str, str]]) -> None:
    """A verb conjoined to a dated one ("met on Thursday and agreed"), or a clause told as at the
    same time as a dated one ("when ... ceased in March 1975, Talabani fled"; "withdrew on Sunday,
    accusing ..."), or a relative clause on a dated event noun, shares its date."""
    for m in mentions:
        if m.date is not None or m.timex is not None:
            continue
        if m.nominal and light_governor(m.trigger) is None:
            continue
        v = m.clause
        found = _event_it_tells_of(v, m, at)
        for _ in range(4 if found is None else 0):
            for c in v.children:
                if c.dep_ == "advcl" and _mark(c) in SIMULTANEOUS_MARKS:
                    found = found or _clause_date(c, at, verbs)
            if found or v.head.i == v.i:
                break
            if v.dep_ == "conj" or _simultaneous(v):
                v = v.head
                found = _clause_date(v, at, verbs)
                if found:
                    break
            else:
                break
        if found:
            m.date, m.date_precision = found
            m.before = None


def _event_it_tells_of(v: Token, m: Mention, at: dict[int, Mention]) -> tuple[str, str] | None:
    """A relative clause on a dated event noun tells of that event's day: "a mortar attack on
    Friday that killed four children"."""
    owner = at.get(v.head.i) if v.dep_ == "relcl" else None
    if owner is None or owner is m or owner.trigger.i != v.head.i or not owner.date or not owner.date_precision:
        return None
    return owner.date, owner.date_precision


def _relations(
    doc: Doc,
    sent: Span,
    at: dict[int, Mention],
    verbs: dict[int, tuple[str, str]],
    measures: list[Timex],
    published: str | None,
) -> None:
    """ "A day after the two countries signed", "five days earlier than": one side's date gives the
    other's. The measure is the duration written just before "after"/"before"."""
    for t in sent:
        if t.lower_ not in ("after", "before") or t.dep_ not in ("prep", "mark"):
            continue
        if t.dep_ == "mark":
            b, a = t.head, t.head.head
        else:
            b = next((c for c in t.children if c.dep_ in ("pobj", "pcomp")), None)
            a = t.head.head if t.head.dep_ == "npadvmod" else t.head
        if b is None or a.i == b.i:
            continue
        sign = 1 if t.lower_ == "after" else -1
        measure = next(
            (x.value for x in measures if x.end <= t.idx and not doc_text(doc)[x.end : t.idx].strip()), None
        )
        ma, mb = at.get(a.i), at.get(b.i)
        a_date, b_date = _date_at(a, at, verbs), _date_at(b, at, verbs)
        if mb is not None and mb.date is None and mb.timex is None:
            if a_date and measure:
                moved = _shift(a_date[0], a_date[1], measure, -sign)
                if moved:
                    mb.date, mb.date_precision = moved
                    mb.before = None
                    continue
            if sign > 0 and mb.status in ("occurred", "negated"):
                bound = (
                    a_date[0] if a_date and a_date[1] == "day" else (ma.before if ma else None) or published
                )
                if bound and measure:
                    moved = _shift(bound, "day", measure, -1)
                    bound = moved[0] if moved else bound
                mb.before = _earliest(bound, mb.before)
        elif ma is not None and ma.date is None and ma.timex is None and b_date and measure:
            moved = _shift(b_date[0], b_date[1], measure, sign)
            if moved and not (published and _starts_after(moved[0], published)):
                ma.date, ma.date_precision = moved
                ma.before = None


def _date_at(tok: Token, at: dict[int, Mention], verbs: dict[int, tuple[str, str]]) -> tuple[str, str] | None:
    owner = at.get(tok.i)
    if owner is not None and owner.date and owner.date_precision:
        return owner.date, owner.date_precision
    return verbs.get(tok.i)


def _past_perfect(v: Token) -> bool:
    return v.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") for c in v.children
    )


def _reference(
    m: Mention, at: dict[int, Mention], verbs: dict[int, tuple[str, str]], published: str | None
) -> str | None:
    """The latest day an undated event can have happened on: the day of the report or saying it
    is told in ("monitors said on Tuesday"), or of the main clause a past perfect precedes, never
    later than the publication date."""
    v = m.clause
    while v.dep_ in ("conj", "xcomp") and v.head.i != v.i:
        v = v.head
    reference = None
    if v.dep_ in ("ccomp", "parataxis") and lemma_of(v.head) in REPORTING_VERBS:
        reference = _clause_date(v.head, at, verbs)
    elif _past_perfect(m.clause) and v.head.i != v.i:
        root = v
        while root.head.i != root.i:
            root = root.head
        reference = _clause_date(root, at, verbs)
    bound = None
    if reference:
        span = value_interval(reference[0])
        bound = span[1].isoformat() if span else None
    return _earliest(bound, published)


def _at_an_earlier_one(m: Mention) -> str | None:
    """ "At their last meeting, Singh and Nakatani deliberated" ("earlier"), "at that meeting" ("that"):
    the clause is set at another event of its kind the article may name."""
    for head in {m.clause, m.trigger}:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "during"):
                continue
            for noun in prep.children:
                if noun.dep_ != "pobj" or noun.pos_ != "NOUN":
                    continue
                mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "advmod", "det")}
                if mods & EARLIER_MODIFIERS:
                    return "earlier"
                if "that" in mods:
                    return "that"
    return None


def date_earlier(events: list[Event], flagged: list[tuple[int, str]]) -> None:
    """Date each event set "at their last meeting" by the latest dated event of its type the article
    tells of before its report, and one set "at that meeting" by the last such event named before
    it; one with no such event stays undated with its bound."""
    for i, refers in flagged:
        event = events[i]
        limit = event.before or event.reported
        same = [
            e for e in events if e is not event and e.type == event.type and e.date and e.status == "occurred"
        ]
        if refers == "that":
            told = [e for e in same if (e.sentence, e.trigger_start) < (event.sentence, event.trigger_start)]
            pick = max(told, key=lambda e: (e.sentence, e.trigger_start), default=None)
        else:
            told = [
                e
                for e in same
                if e.sentence != event.sentence and (limit is None or _ends_before(e.date, limit))
            ]
            pick = max(told, key=lambda e: (value_interval(e.date or "") or (dt.date.min,))[0], default=None)
        if pick is not None:
            event.date, event.date_precision, event.before = pick.date, pick.date_precision, None


def _ends_before(date: str, limit: str) -> bool:
    span = value_interval(date)
    day = day_of(limit)
    return span is not None and day is not None and span[1] < day


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
