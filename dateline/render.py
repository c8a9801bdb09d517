"""Show an article's text with its actors and dates marked, as the ``article`` command prints it."""

from __future__ import annotations

from .clean import printable
from .model import Analysis

_ACTOR = ("\033[1;34m", "\033[0m")
_TIME = ("\033[1;32m", "\033[0m")


def render_article(analysis: Analysis, color: bool = False) -> str:
    """The cleaned text with ``[Rajnath Singh|IND GOV]`` around actor mentions and ``[Monday|DATE 2025-05-05]``
    around temporal expressions, then the events and quotes found.

    Marks never nest: where an actor mention and a date overlap, the earlier-starting one wins.
    """
    a = analysis.article
    marks: list[tuple[int, int, str, tuple[str, str]]] = []
    for actor in analysis.actors:
        codes = " ".join(c for c in (actor.country, actor.sector) if c) or actor.kind
        for m in actor.mentions:
            label = codes if m.text == actor.name else f"{actor.name}: {codes}"
            marks.append((m.start, m.end, label, _ACTOR))
    for t in analysis.timexes:
        marks.append((t.start, t.end, f"{t.type} {t.value}", _TIME))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out, pos = [], 0
    for start, end, label, (on, off) in marks:
        if start < pos:
            continue
        out.append(a.text[pos:start])
        span = a.text[start:end]
        out.append(f"{on}[{span}|{label}]{off}" if color else f"[{span}|{label}]")
        pos = end
    out.append(a.text[pos:])
    date = (a.published or "undated") + (" (inferred)" if a.published_inferred else "")
    head = [f"article {a.id}", f"title:     {a.title or ''}", f"published: {date}", f"source:    {a.source or ''}",
            f"place:     {a.place or ''}", f"origin:    {printable(a.origin or '')}"]
    if a.credits:
        head.append(f"credits:   {', '.join(a.credits)}")
    lines = head + ["", "".join(out), ""]
    if analysis.events:
        lines.append("events:")
        for e in analysis.events:
            src = ", ".join(x.name for x in e.source) or "?"
            tgt = ", ".join(x.name for x in e.target)
            lines.append(f"  {e.date or 'undated':<10} {e.type}{'/' + e.mode if e.mode else ''} [{e.status}] "
                         f"{src}{' → ' + tgt if tgt else ''}  «{e.trigger}»")
    if analysis.quotes:
        lines.append("quotes:")
        for q in analysis.quotes:
            who = q.speaker.name if q.speaker else "?"
            lines.append(f"  {who}: “{q.text[:120]}{'…' if len(q.text) > 120 else ''}”")
    return "\n".join(lines)


def annotation_rows(analysis: Analysis) -> list[dict[str, object]]:
    """Every actor mention, date, event and quote of an article as one row, in text order:
    ``{"kind", "start", "end", "text", "value"}`` (what ``article --format csv`` writes)."""
    text = analysis.article.text
    rows: list[dict[str, object]] = []
    for actor in analysis.actors:
        codes = " ".join(c for c in (actor.country, actor.sector) if c)
        value = f"{actor.name} ({codes})" if codes else actor.name
        rows.extend({"kind": "actor", "start": m.start, "end": m.end, "text": m.text, "value": value}
                    for m in actor.mentions)
    rows.extend({"kind": "time", "start": t.start, "end": t.end, "text": t.text, "value": f"{t.type} {t.value}"}
                for t in analysis.timexes)
    for e in analysis.events:
        src = ", ".join(x.name for x in e.source) or "?"
        tgt = ", ".join(x.name for x in e.target)
        value = (f"{e.type}{'/' + e.mode if e.mode else ''} [{e.status}] {e.date or 'undated'} "
                 f"{src}{' → ' + tgt if tgt else ''}")
        rows.append({"kind": "event", "start": e.trigger_start, "end": e.trigger_end,
                     "text": text[e.trigger_start : e.trigger_end], "value": value})
    rows.extend({"kind": "quote", "start": q.start, "end": q.end, "text": q.text,
                 "value": q.speaker.name if q.speaker else ""} for q in analysis.quotes)
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["kind"]))  # type: ignore[return-value]
