"""How stored records are shown: actor keys, marked-up text, snippets, the quad-class chart.

Everything that puts text into HTML goes through ``markupsafe.escape`` here or Jinja's
autoescaping in the templates; article text is untrusted, so no string from the store is
ever marked safe without being escaped first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..model import Analysis
from ..plover import QUAD_OF, QUADS
from .queries import iter_hits



# -- actors -----------------------------------------------------------------------------------


def actor_key(actor: dict[str, Any]) -> str:
    """An actor's id in URLs: its country and sector codes (``-`` when unknown) and its name.

    >>> actor_key({"name": "Rajnath Singh", "country": "IND", "sector": "GOV"})
    'IND.GOV.Rajnath Singh'
    >>> parse_actor_key(actor_key({"name": "Hamas", "country": None, "sector": "REB"}))
    ('Hamas', None, 'REB')
    """
    return f"{actor.get('country') or '-'}.{actor.get('sector') or '-'}.{actor.get('name') or ''}"


def parse_actor_key(key: str) -> tuple[str, str | None, str | None] | None:
    parts = key.split(".", 2)
    if len(parts) != 3 or not parts[2].strip():
        return None
    country, sector, name = parts
    return name, None if country == "-" else country, None if sector == "-" else sector


def actor_href(actor: dict[str, Any]) -> str | None:
    return "/actors/" + quote(actor_key(actor), safe="") if actor.get("name") else None


def actor_codes(actor: dict[str, Any]) -> str:
    return " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)


# -- text -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A span of text to mark: its HTML class, a tooltip, and where it links (if anywhere)."""

    start: int
    end: int
    cls: str
    title: str = ""
    href: str | None = None
    id: str | None = None


def marked(text: str, marks: Iterable[Mark]) -> Markup:
    """The text escaped, with each span wrapped in ``<mark>`` (or a link); marks never nest:
    where two overlap, the one that starts first (then the longer) wins.

    >>> str(marked("<b>Singh</b> met Nakatani", [Mark(3, 8, "actor", "IND GOV")]))
    '&lt;b&gt;<mark class="actor" title="IND GOV">Singh</mark>&lt;/b&gt; met Nakatani'
    """
    out, pos = [], 0
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        if m.start < pos or m.end <= m.start or m.end > len(text):
            continue
        out.append(escape(text[pos : m.start]))
        attrs = Markup(' class="{}"').format(m.cls)
        if m.title:
            attrs += Markup(' title="{}"').format(m.title)
        if m.id:
            attrs += Markup(' id="{}"').format(m.id)
        inner = escape(text[m.start : m.end])
        if m.href:
            out.append(Markup('<a href="{}"><mark{}>{}</mark></a>').format(m.href, attrs, inner))
        else:
            out.append(Markup("<mark{}>{}</mark>").format(attrs, inner))
        pos = m.end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def analysis_marks(
    analysis: Analysis, linked: set[tuple[str, str | None, str | None]] | None = None
) -> list[Mark]:
    """Actors, dates and event triggers of an analysed article, as marks over its text; an actor
    links to its page when it is in ``linked`` ((casefolded name, country, sector) of actors
    that have one)."""
    marks = []
    for e in analysis.events:
        label = f"{e.type}{'/' + e.mode if e.mode else ''} [{e.status}]" + (f" {e.date}" if e.date else "")
        marks.append(Mark(e.trigger_start, e.trigger_end, "event", label))
    for actor in analysis.actors:
        ref = actor.ref()
        label = " ".join(x for x in (actor.name, actor_codes(ref), actor.role and f"({actor.role})") if x)
        has_page = linked is not None and (actor.name.casefold(), actor.country, actor.sector) in linked
        href = actor_href(ref) if has_page else None
        marks.extend(Mark(m.start, m.end, "actor", label, href) for m in actor.mentions)
    for t in analysis.timexes:
        marks.append(Mark(t.start, t.end, "time", f"{t.type} {t.value}"))
    return marks


def evidence_context(text: str, start: int, end: int, around: int = 1) -> tuple[int, int]:
    """The paragraph holding a span, with ``around`` paragraphs either side: where to show it."""
    lo = start
    for _ in range(around + 1):
        lo = text.rfind("\n", 0, max(lo - 1, 0)) + 1 if lo > 0 else 0
    hi = end
    for _ in range(around + 1):
        nxt = text.find("\n", hi + 1)
        hi = len(text) if nxt < 0 else nxt
        if hi >= len(text):
            break
    return lo, hi


def snippet_markup(snippet: str | None) -> Markup:
    """An FTS snippet with its hits marked, everything else escaped."""
    if not snippet:
        return Markup("")
    return Markup("").join(
        Markup("<mark>{}</mark>").format(piece) if hit else escape(piece) for piece, hit in iter_hits(snippet)
    )


def snippet_json(snippet: str | None) -> dict[str, Any]:
    """An FTS snippet as plain text with the character offsets of its hits."""
    text, hits, pos = [], [], 0
    for piece, hit in iter_hits(snippet or ""):
        if hit:
            hits.append([pos, pos + len(piece)])
        text.append(piece)
        pos += len(piece)
    return {"text": "".join(text), "hits": hits}


def safe_url(url: str | None) -> str | None:
    """Only web addresses become links: a ``javascript:`` or ``data:`` URL from an article does not."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


# -- the chart -----------------------------------------------------------------------------------

BUCKET_WIDTH = {"year": 4, "month": 7, "day": 10}
QUAD_CLASS = {quad: quad.replace(" ", "-") for quad in QUADS}


def choose_bucket(first: str | None, last: str | None) -> str:
    """Days for a span of up to four months, months up to five years, else years.

    >>> choose_bucket("2025-05-01", "2025-06-30"), choose_bucket("2014", "2025-05-05")
    ('day', 'year')
    """
    if not first or not last:
        return "month"

    def month(d: str, end: bool) -> int:
        return int(d[:4]) * 12 + (int(d[5:7]) if len(d) >= 7 else 12 if end else 1)

    months = month(last, True) - month(first, False)
    if len(first) >= 10 and len(last) >= 10 and months <= 4:
        return "day"
    return "month" if months <= 60 else "year"


def periods_between(first: str, last: str, bucket: str, limit: int = 400) -> list[str]:
    """Every period from first to last inclusive (at most ``limit``, the latest kept)."""
    out: list[str] = []
    if bucket == "year":
        out = [str(y) for y in range(int(first[:4]), int(last[:4]) + 1)]
    elif bucket == "month":
        y, m = int(first[:4]), int(first[5:7])
        while (y, m) <= (int(last[:4]), int(last[5:7])) and len(out) <= 100 * limit:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        day, end = dt.date.fromisoformat(first[:10]), dt.date.fromisoformat(last[:10])
        while day <= end and len(out) <= 100 * limit:
            out.append(day.isoformat())
            day += dt.timedelta(days=1)
    return out[-limit:]


def chart_data(rows: list[tuple[str, str, int]], bucket: str, uncounted: int) -> dict[str, Any]:
    """Counts by period and quad class, every period in the span present (zeros included)."""
    counts: dict[str, dict[str, int]] = {}
    for period, type_, n in rows:
        quad = QUAD_OF.get(type_, "other")
        by_quad = counts.setdefault(period, {})
        by_quad[quad] = by_quad.get(quad, 0) + n
    periods = periods_between(min(counts), max(counts), bucket) if counts else []
    return {
        "bucket": bucket,
        "quads": list(QUADS),
        "periods": [{"period": p, "counts": counts.get(p, {})} for p in periods],
        "not_counted": uncounted,
    }


def chart_svg(data: dict[str, Any], link: Any, width: int = 960, height: int = 180) -> Markup:
    """Stacked bars of the chart data as inline SVG; ``link(period)`` is each bar's URL."""
    periods = data["periods"]
    if not periods:
        return Markup("")
    left, bottom, top = 36, 22, 8
    plot_w, plot_h = width - left - 4, height - bottom - top
    peak = max(sum(p["counts"].values()) for p in periods) or 1
    step = plot_w / len(periods)
    bar = max(step * 0.8, 1.0)
    parts = [
        Markup('<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">').format(
            width, height, f"events by {data['bucket']} and quad class"
        )
    ]
    for frac in (0.0, 0.5, 1.0):
        y = top + plot_h * (1 - frac)
        parts.append(
            Markup(
                '<line class="grid" x1="{}" x2="{}" y1="{:.1f}" y2="{:.1f}"/>'
                '<text class="axis" x="{}" y="{:.1f}" text-anchor="end">{}</text>'
            ).format(left, width - 4, y, y, left - 4, y + 4, round(peak * frac))
        )
    label_every = max(1, int(len(periods) / (plot_w / 70)))
    for i, p in enumerate(periods):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        total = sum(p["counts"].values())
        tip = f"{p['period']}: {total} events" + "".join(
            f"; {q} {p['counts'][q]}" for q in data["quads"] if p["counts"].get(q)
        )
        parts.append(Markup('<a href="{}"><g><title>{}</title>').format(link(p["period"]), tip))
        parts.append(
            Markup('<rect class="hit" x="{:.1f}" y="{}" width="{:.1f}" height="{}"/>').format(
                left + i * step, top, step, plot_h
            )
        )
        for quad in data["quads"]:
            n = p["counts"].get(quad, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                Markup('<rect class="{}" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}"/>').format(
                    QUAD_CLASS[quad], x, y, bar, h
                )
            )
        parts.append(Markup("</g></a>"))
        if i % label_every == 0:
            parts.append(
                Markup('<text class="axis" x="{:.1f}" y="{}" text-anchor="middle">{}</text>').format(
                    left + i * step + step / 2, height - 6, p["period"]
                )
            )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
