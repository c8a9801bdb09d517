"""The day a news page was first published.

A timeline needs the original publication day, and pages state it in many ways that disagree:
the URL path, the date shown under the headline, publication metadata, ``<time>`` elements, a
"Published:" label, a wire dateline, and htmldate's estimate (which often prefers a later
update). :func:`publication_date` weighs them in that order of trust; :func:`displayed_dates`
reads what a reader sees under the headline.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

from .clean import split_dateline

__all__ = ["displayed_dates", "fallback_day", "publication_date", "url_date"]

# Keys that name the first publication, then keys that usually do; anything naming a
# modification or an update is left out on purpose.
_PUBLISHED_META = (
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "article:published",
        "datepublished",
        "published_time",
        "publishdate",
        "publish-date",
        "publish_date",
        "published-date",
        "published_date",
        "pubdate",
        "pub_date",
        "parsely-pub-date",
        "originalpublicationdate",
        "original-publish-date",
        "citation_publication_date",
        "dc.date.issued",
        "dcterms.issued",
    },
    {
        "date",
        "dc.date",
        "dcterms.date",
        "dc.date.created",
        "dcterms.created",
        "citation_date",
        "sailthru.date",
        "datecreated",
        "created",
        "creation_date",
    },
)
_ISO_DATE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_URL_DATES = (
    re.compile(r"/((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})()(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)"),
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan", "januar", "janvier", "enero", "gennaio", "janeiro"),
            ("february", "feb", "februar", "février", "fevrier", "febrero", "febbraio", "fevereiro"),
            ("march", "mar", "märz", "maerz", "mars", "marzo", "março"),
            ("april", "apr", "avril", "abril", "aprile"),
            ("may", "mai", "mayo", "maggio", "maio"),
            ("june", "jun", "juni", "juin", "junio", "giugno", "junho"),
            ("july", "jul", "juli", "juillet", "julio", "luglio", "julho"),
            ("august", "aug", "août", "aout", "agosto"),
            ("september", "sep", "sept", "septembre", "septiembre", "settembre", "setembro"),
            ("october", "oct", "oktober", "octobre", "octubre", "ottobre", "outubro"),
            ("november", "nov", "novembre", "noviembre", "novembro"),
            ("december", "dec", "dezember", "décembre", "decembre", "diciembre", "dicembre", "dezembro"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TEXT_DATES = (
    (re.compile(r"\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b"), ("y", "m", "d")),
    (re.compile(r"\b(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})\b"), ("d", "m", "y")),
    (
        re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{{2}})\b", re.I),
        ("b", "d", "y"),
    ),
    (
        re.compile(
            rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?((?:19|20)\d{{2}})\b",
            re.I,
        ),
        ("d", "b", "y"),
    ),
)
# "Written: 2023-11-07", "Published on March 3, 2020", "Erstellt am: 30.01.2022": a label that
# names the publication, not an update, followed closely by a date.
_PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|written|created|first\ published|publication\ date|date\ published"
    r"|erstellt|veröffentlicht|publié|publicado|pubblicato)\b(?:\ (?:on|am|le|el|il|at))?\s*:?\s*",
    re.IGNORECASE,
)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    if not 1990 <= year <= date.today().year + 1:
        return None
    return found.isoformat()


def _parse_iso(value: str) -> tuple[str, datetime | None] | None:
    """(local calendar date, UTC instant when a time zone is given) of an ISO timestamp."""
    match = _ISO_DATE.search(value)
    if not match:
        return None
    year, month, day, hour, minute, second, zone = match.groups()
    day_iso = _valid(int(year), int(month), int(day))
    if day_iso is None:
        return None
    instant = None
    if hour is not None and zone:
        offset = timedelta(0)
        if zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:] or 0))
        try:
            local = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
        except ValueError:  # "T24:30": the day stands, the time of day does not
            return day_iso, None
        instant = (local - offset).replace(tzinfo=timezone.utc)
    return day_iso, instant


def _text_dates(text: str) -> list[tuple[int, int, str]]:
    """(start, end, ``YYYY-MM-DD``) of every complete day-month-year date in ``text``, in order."""
    found: list[tuple[int, int, str]] = []
    for pattern, order in _TEXT_DATES:
        for match in pattern.finditer(text):
            parts = dict(zip(order, match.groups(), strict=True))
            month = _MONTHS[parts["b"].lower()] if "b" in parts else int(parts["m"])
            day = _valid(int(parts["y"]), month, int(parts["d"]))
            if day and not any(start < match.end() and match.start() < end for start, end, _ in found):
                found.append((match.start(), match.end(), day))
    return sorted(found)


def _text_date(text: str) -> str | None:
    """The first complete day-month-year date written in ``text``, in any common form."""
    return next((day for _, _, day in _text_dates(text)), None)


def _json_ld(tree: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks, graphs flattened."""
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                yield item
                stack.extend(v for k, v in item.items() if k == "@graph" or isinstance(v, (dict, list)))


def _metadata_published(tree: Any) -> list[str]:
    """Publication timestamps the page states in its ``<meta>`` tags and JSON-LD, best first."""
    first: list[str] = []
    second: list[str] = []
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content")
        if content and key in _PUBLISHED_META[0]:
            first.append(content)
        elif content and key in _PUBLISHED_META[1]:
            second.append(content)
    for item in _json_ld(tree):
        if isinstance(item.get("datePublished"), str):
            first.append(item["datePublished"])
        elif isinstance(item.get("dateCreated"), str):
            second.append(item["dateCreated"])
    return first + second


def _time_elements(tree: Any) -> list[str]:
    """``datetime`` values of the page's ``<time>`` elements that are marked as publication."""
    marked, plain = [], []
    for element in tree.iterfind(".//time"):
        value = element.get("datetime")
        if not value:
            continue
        marks = " ".join(filter(None, (element.get("itemprop"), element.get("class"))))
        if element.get("pubdate") is not None or re.search(r"publish|posted|created", marks, re.I):
            marked.append(value)
        else:
            plain.append(value)
    return marked + plain


def _labelled_date(text: str) -> str | None:
    """A date introduced by a publication label ("Published:", "Written:") in the page text."""
    for label in _PUBLISHED_LABEL.finditer(text):
        found = _text_date(text[label.end() : label.end() + 40])
        if found:
            return found
    return None


# Elements whose text no reader sees, and page furniture (sidebars of recent posts with
# their dates, menus) that says nothing about the article.
_HIDDEN = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "select", "option", "button", "textarea"}
)
_FURNITURE = frozenset({"aside", "nav"})
# Headings that may hold the article's headline, best first.
_HEADLINES = ("h1", "h2")
# Visible text read after the headline for the byline's date: bylines sit just below it,
# after at most an image credit, a standfirst, share buttons and an author line.
_HEADER_CHARS = 2000
# A date printed for the page itself stands in a short text ("Updated June 13, 2019");
# one written inside a longer text is a date in the story (a standfirst, a caption).
_BYLINE_CHARS = 100
# A text this long, made of words, is prose. The header may hold one (a standfirst, which
# many outlets print between the headline and the byline); the second is the article.
_PROSE_CHARS = 150


def _is_prose(text: str) -> bool:
    """A paragraph of running text, not a line of page furniture or an inline script."""
    if len(text) < _PROSE_CHARS:
        return False
    wordy = sum(1 for char in text if char.isalpha() or char == " ")
    return wordy >= 0.85 * len(text)


# "9-23 Feb 2017", "vom 9. bis 23. Februar 2017": the end of a span of days is an event's
# schedule (an exhibition, a festival), not the day a page went up.
_RANGE_END = re.compile(r"\b\d{1,2}\.?\s*(?:[-–—]|to|until|till|bis|au|al)\s*$", re.IGNORECASE)
# The label a byline puts before its date; the nearest one before a date tells what it is.
_DATE_LABEL = re.compile(
    r"\b(?P<update>(?:last\s+)?(?:updated?|modified|edited|revised)|aktualisiert|geändert"
    r"|mis\s+à\s+jour|actualizad[oa]|atualizad[oa]|aggiornat[oa])\b"
    r"|\b(?P<original>published|posted|written|created|originally|first\s+published|erstellt"
    r"|veröffentlicht|publié|publicado|pubblicato)\b",
    re.IGNORECASE,
)


def _headline(tree: Any, title: str | None) -> Any:
    """The heading element that holds the article's title: the first ``h1``, or ``h2``, whose
    text is the title or most of it (a site logo is an ``h1`` on many pages), else the only
    ``h1``."""
    wanted = " ".join((title or "").split()).casefold()
    for tag in _HEADLINES:
        headings = [h for h in tree.iter(tag) if " ".join(h.text_content().split())]
        for heading in headings:
            text = " ".join(heading.text_content().split()).casefold()
            # a heading of a few words ("News") inside a long title is a section, not the headline
            if wanted and (wanted in text or (text in wanted and 2 * len(text) >= len(wanted))):
                return heading
        if tag == "h1" and len(headings) == 1:
            return headings[0]
    return None


def _visible(element: Any) -> Iterator[str]:
    """The text nodes of ``element`` a reader sees, then its tail, in reading order; menus
    and sidebars left out."""
    if isinstance(element.tag, str) and element.tag not in _HIDDEN and element.tag not in _FURNITURE:
        if element.text:
            yield element.text
        for child in element:
            yield from _visible(child)
    if element.tail:
        yield element.tail


def _visible_after(element: Any) -> Iterator[str]:
    """The visible text nodes that follow ``element`` (and lie outside it), lazily."""
    node = element
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            yield from _visible(sibling)
        node = node.getparent()


def displayed_dates(tree: Any, title: str | None = None) -> list[tuple[str, str | None]]:
    """The dates a reader sees in the article's header, as ``(YYYY-MM-DD, label)``.

    The header runs from the headline (the heading matching ``title``) to where the article
    begins, the second paragraph of prose after it (the first may be a standfirst). A date
    counts when it stands in a short text, as bylines print them ("By Ana Sandoiu on July
    27, 2017", "Updated Mar 12, 2020 @ 10:42 am"), not inside a sentence. Its label is the
    nearest one before it: ``"original"`` ("Published:", "Posted on"), ``"update"`` ("Last
    updated on 20 Feb, 2020") or None.

    >>> from lxml import html as lxml_html
    >>> tree = lxml_html.fromstring("<div><h1>Storm hits coast</h1><p>By Ana Lee</p>"
    ...     "<p>Updated Mar 12, 2020</p><p>Published Mar 10, 2020</p></div>")
    >>> displayed_dates(tree, "Storm hits coast")
    [('2020-03-12', 'update'), ('2020-03-10', 'original')]
    """
    heading = _headline(tree, title)
    if heading is None:
        return []
    prose = 0
    header = ""
    spans: list[tuple[int, int]] = []
    for node_text in _visible_after(heading):
        text = " ".join(node_text.split())
        if not text:
            continue
        if len(text) <= _BYLINE_CHARS:
            spans.append((len(header), len(header) + len(text)))
        header += text + " "
        prose += _is_prose(text)
        if len(header) > _HEADER_CHARS or prose == 2:
            break
    found: list[tuple[str, str | None]] = []
    previous = 0
    for start, end, day in _text_dates(header):
        if not any(low <= start and end <= high for low, high in spans) or _RANGE_END.search(
            header, max(0, start - 20), start
        ):
            continue
        labels = list(_DATE_LABEL.finditer(header[max(previous, start - 40) : start]))
        found.append((day, labels[-1].lastgroup if labels else None))
        previous = end
    return found


def _shown_day(shown: list[tuple[str, str | None]]) -> tuple[str, str | None] | None:
    """The date the header presents as the article's, with its label: one labelled as the
    publication, else an unlabelled one, else the update when the page shows no other."""
    for wanted in ("original", None, "update"):
        for day, label in shown:
            if label == wanted:
                return day, label
    return None


def url_date(url: str | None) -> str | None:
    """The day a URL path names (``/2019/03/14/``, ``/2019-03-14-``, ``/20190314/``)."""
    if not url:
        return None
    path = urlsplit(url).path
    for pattern in _URL_DATES:
        match = pattern.search(path)
        if match:
            return _valid(int(match.group(1)), int(match.group(3)), int(match.group(4)))
    return None


def _local_day(value: str, displayed: list[str]) -> str | None:
    """The calendar day of ``value`` as the page shows it.

    Metadata often states the instant in UTC while the page prints it in the outlet's own
    time zone: a story published at 23:37 in New York is "2022-05-04T03:37Z" in the
    metadata but dated 3 May on the page. A ``<time>`` element holding the same instant
    with its local offset gives the day readers saw.
    """
    parsed = _parse_iso(value)
    if parsed is None:
        return None
    day, instant = parsed
    if instant is None:
        return day
    for other in displayed:
        shown = _parse_iso(other)
        if shown and shown[1] is not None and abs((shown[1] - instant).total_seconds()) < 60:
            return shown[0]
    return day


def _dateline_day(body: str, known: str | None) -> str | None:
    """The day a leading news dateline gives ("KUALA LUMPUR, April 1 (AFP) -"), its year
    taken from ``known`` when the dateline has none."""
    first = next((line.strip() for line in body.splitlines() if line.strip()), "")
    dateline, _ = split_dateline(first, known)
    return dateline.date if dateline else None


# An update shown within this many days of the stated publication revises the same report
# (a news story corrected or extended); a later one marks a page rewritten and republished.
_REVISION_DAYS = 30


def _revision(published: str, updated: str) -> bool:
    """True when ``updated`` falls within ``_REVISION_DAYS`` after (or before) ``published``."""
    gap = date.fromisoformat(updated) - date.fromisoformat(published)
    return gap <= timedelta(days=_REVISION_DAYS)


def publication_date(
    tree: Any,
    url: str | None = None,
    text: str = "",
    fallback: str | None = None,
    body: str = "",
    title: str | None = None,
) -> str | None:
    """The publication day of a parsed page, as ``YYYY-MM-DD``.

    Sources in order of trust:

    1. a day in the ``url`` path (set when the story first went up, and kept because links
       must not break);
    2. the date the page shows readers under its headline (``title``), see
       ``displayed_dates``: one labelled as the publication, else an unlabelled one, else an
       "Updated ..." date when the page shows no other and its metadata puts the
       publication more than ``_REVISION_DAYS`` earlier;
    3. the page's publication metadata (``article:published_time``, JSON-LD
       ``datePublished``, Dublin Core ...), on the calendar day the page's own ``<time>``
       elements give the instant;
    4. ``<time>`` elements marked as publication, a "Published:" label in the visible
       ``text``, a dated dateline opening the article ``body``, then ``fallback``
       (htmldate's estimate).

    The shown date beats metadata because it is the one the outlet stands behind and the
    one the text was written against: it is the local day where metadata often gives UTC,
    and metadata's ``published_time`` on a reworked page is often what the CMS kept of an
    older record (a recipe "Updated June 13, 2019" whose metadata says 1 January 2004, a
    guide refreshed three years after it first went up). A news story updated days after it
    appeared keeps its original day, as does one whose header shows both dates; modification
    metadata is never used: a timeline is anchored on when a report first appeared in the
    form it is read.
    """
    in_url = url_date(url)
    if in_url:
        return in_url
    times = _time_elements(tree)
    published = next(filter(None, (_local_day(value, times) for value in _metadata_published(tree))), None)
    shown = _shown_day(displayed_dates(tree, title))
    if shown and not (shown[1] == "update" and published and _revision(published, shown[0])):
        return shown[0]
    if published:
        return published
    for value in times[:1]:
        parsed = _parse_iso(value)
        if parsed:
            return parsed[0]
    return _labelled_date(text) or _dateline_day(body, fallback) or fallback



def fallback_day(value: str | None, page_text: str) -> str | None:
    """htmldate's estimate as a day, unless it is a bare year passed off as 1 January.

    Given nothing better, htmldate reads the copyright year ("© 2024") and answers
    2024-01-01. A made-up day would anchor every relative date in the article wrongly,
    while no date lets the story's other articles supply one.
    """
    if not value or not re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value):
        return None
    day = value[:10]
    year = day[:4]
    stated = (
        rf"{year}-01-01|0?1(?P<sep>[./])0?1(?P=sep){year}"
        rf"|\b(?:jan\w*\.?\s+1(?:st)?,?|1(?:st)?\s+jan\w*\.?,?)\s+{year}"
    )
    if day.endswith("-01-01") and not re.search(stated, page_text, re.IGNORECASE):
        return None
    return day
