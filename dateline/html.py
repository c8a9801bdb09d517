"""Article text, title and publication date from a raw HTML news page.

trafilatura finds the main text and htmldate a date; on news pages both leave work to do.
The text still carries the lines a page wraps around every article ("Advertisement",
"Read more: ...", newsletter and subscription calls, copyright notes), and htmldate often
prefers a later update over the original publication date, which is the date a timeline
needs. This module decodes the bytes the way a browser would, extracts with trafilatura,
drops those lines and trailing lists of links, and chooses the date from the URL path, the
date shown to readers under the headline, the page's own publication metadata, its
``<time>`` elements, a "Published:" label, a wire dateline and htmldate, in that order of
trust.

>>> body = "".join(f"<p>The council approved the new harbour plan after a long debate, part {i}.</p>" for i in range(4))
>>> page = extract_html(f"<html><head><title>Harbour plan approved</title></head><body><article>{body}</article>"
...                     "<p>Advertisement</p></body></html>", url="https://example.org/2019/03/14/harbour.html")
>>> page["date"], page["title"], "Advertisement" in page["text"]
('2019-03-14', 'Harbour plan approved', False)
"""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

__all__ = [
    "NoArticleText",
    "UndecodableHTML",
    "decode_html",
    "displayed_dates",
    "extract_html",
    "publication_date",
]


class NoArticleText(Exception):
    """The page holds no article text: empty, links and navigation only, or not HTML at all.

    The reader records the page with this message and skips it.
    """


class UndecodableHTML(NoArticleText):
    """The bytes decode in no declared or detectable character set, so no text can be read."""


# WHATWG maps these labels to the superset browsers actually decode with: pages labelled
# latin-1 routinely carry windows-1252 quotes and dashes in the 0x80-0x9F range.
_CODEC_SUPERSETS = {
    "ascii": "cp1252",
    "iso8859_1": "cp1252",
    "iso8859_9": "cp1254",
    "iso8859_11": "cp874",
    "tis_620": "cp874",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
# An HTML page is at worst mostly markup; text with none of these tags is something else.
_HTML_TAG = re.compile(r"<\s*(?:html|head|body|p|div|article|span|br|title|!doctype)\b", re.IGNORECASE)


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label, widened to its browser superset; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'").lower()).name
    except LookupError:
        return None
    return _CODEC_SUPERSETS.get(name.replace("-", "_"), name)


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode an HTML page the way a browser would, erring towards readable text.

    Order: a byte-order mark; the charset ``declared`` by the transport (an HTTP
    ``Content-Type`` header, e.g. from a WARC record); the page's own ``<meta charset>`` or
    ``http-equiv`` declaration; UTF-8; then statistical detection. A page labelled with a
    single-byte western charset whose bytes are valid, non-ASCII UTF-8 is read as UTF-8:
    that mislabel is common, and the reverse (cp1252 bytes that happen to be valid UTF-8)
    is all but impossible in running text.

    >>> decode_html('<meta charset="windows-1252"><p>caf\\xe9</p>'.encode("cp1252"))
    '<meta charset="windows-1252"><p>café</p>'

    Raises ``UndecodableHTML`` when nothing decodes the bytes.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    match = _META_CHARSET.search(data[:4096])
    labels = [declared, match.group(1).decode("ascii", "ignore") if match else None]
    candidates = [c for c in (_codec(label) for label in labels) if c]
    single_byte_western = {"cp1252", "cp1250", "cp1254", "iso8859_15"}
    for codec in candidates:
        if codec in single_byte_western and not data.isascii() and _is_utf8(data):
            return data.decode("utf-8")
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
    if _is_utf8(data):
        return data.decode("utf-8")
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    if candidates:
        return data.decode(candidates[0], errors="replace")
    raise UndecodableHTML(
        "the page's bytes are in no declared or detectable character set (binary data?)"
    )


# ---------------------------------------------------------------------------------------
# Boilerplate lines trafilatura keeps

# Whole lines that are page furniture in any outlet, never article prose. Labels that
# could open a sentence ("Related", "Lea") count only when a colon or the line end follows.
_BOILERPLATE_LINE = re.compile(
    r"""^(?:
        (?:advertisement|advertisment|ad|sponsored(?:\ content)?|scroll\ to\ continue)\b.{0,40}
      | (?:read|see|watch|listen)\ (?:more|also|next)\b.*
      | (?:also\ read|related(?:\ (?:articles?|stories|content|posts?|coverage|reading|news))?
          |more\ (?:on|from|about)\ .{0,40}|recommended(?:\ for\ you)?|you\ (?:may|might)\ also\ like
          |most\ (?:read|popular|viewed)|trending(?:\ now)?|contenido\ relacionado|lea(?:\ también|\ más)?
          |lee\ (?:también|más)|(?:à\ )?lire\ aussi|mehr\ zum\ thema|auch\ interessant
          |leia\ (?:também|mais))\s*(?:[:»>|–-].*)?
      | share(?:\ (?:this|on)\b.*)?|tweet|e-?mail|print|comments?|\d+\ comments?|posted\ on
      | (?:sign\ up|subscribe|register|log\ ?in|join)\b.{0,150}
      | .{0,100}\bsign\ up\ (?:here|now|today|for\ free)\W*
      | .*\bnewsletters?\b.{0,60}
      | get\ the\ .{0,60}(?:newsletter|app|daily|edition).*
      | .*\b(?:download|get)\ (?:the|our)\ .{0,40}\bapps?\b.*
      | follow\ (?:us|the\ .{1,40}|@?\w+)\ on\ (?:twitter|facebook|instagram|linkedin|social\ media).*
      | (?:click|tap)\ here\b.*
      | (?:to\ (?:view|read|continue)\ (?:the|this)\ (?:full\ )?(?:story|article)).*
      | .*\b(?:subscribe|subscription|subscriber)\b.{0,80}\b(?:full\ story|this\ story|unlimited|access)\b.*
      | .*\b(?:we\ may\ (?:receive|earn)\ (?:compensation|a\ (?:small\ )?commission)|affiliate\ links?)\b.*
      | .*\b(?:submit|send)\ (?:a|your)\ letter\b.*
      | (?:©|\(c\)|copyright\b).{0,120}
      | .{0,80}\ball\ rights\ reserved\b.*
      | .*\bcopyrighted\ property\ of\b.*
      | (?:written\ )?permission\ must\ be\ obtained\b.*
      | \(?(?:(?:photo|image|picture)s?\s*(?:credits?)?|credits?)\s*:.{0,80}
      | (?:category|tags?|filed\ under|topics?)\s*:.{0,120}
      | (?:(?:news\ )?date|release\ date|last\ (?:modified|updated)|updated|published|posted(?:\ on)?)\b
          (?:\s*:.{0,60}|\s+(?:on\s+)?(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec
                                      |mon|tue|wed|thu|fri|sat|sun).{0,40})?
      | (?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|news|co\.[a-z]{2})
      | www\.[\w-]+(?:\.[\w-]+)+
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
# "Yоur соntеnt" with Cyrillic о, с, е among Latin letters: text disguised from filters,
# which in news pages is always promotion.
_MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+\b")
# Template debris: "PP:", "items_count:", "FI name: Abril 2022" rows of an unrendered template.
_FIELD_LINE = re.compile(r"^[\w .-]{1,24}:\s*(.{0,24})$")


def _is_boilerplate(line: str) -> bool:
    stripped = line.strip()
    return bool(_BOILERPLATE_LINE.match(stripped)) or len(_MIXED_SCRIPT_WORD.findall(stripped)) >= 2


def _drop_field_runs(lines: list[str]) -> list[str]:
    """Remove runs of four or more ``key: value`` lines most of whose values are empty.

    A nutrition table ("Carbohydrates: 31g") is such a run too, but with its values filled;
    a YAML or code listing is one with indented lines.
    """
    kept: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        match = _FIELD_LINE.match(line.strip())
        if match and line.strip():
            run.append(line)
            continue
        empty = sum(1 for item in run if not _FIELD_LINE.match(item.strip()).group(1))  # type: ignore[union-attr]
        indented = any(item[:1].isspace() for item in run)
        if not (len(run) >= 4 and empty * 2 >= len(run) and not indented):
            kept.extend(run)
        run = []
        kept.append(line)
    return kept[:-1]


def _strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop page-furniture lines, keep every line of prose in its place."""
    return [line for line in _drop_field_runs(lines) if not _is_boilerplate(line)]


def _anchor_texts(tree: Any) -> set[str]:
    """The visible text of every link on the page, whitespace collapsed."""
    texts = set()
    for anchor in tree.iterfind(".//a"):
        text = " ".join(anchor.text_content().split())
        if text:
            texts.add(unicodedata.normalize("NFC", text))
    return texts


def _is_link_line(line: str, anchors: set[str]) -> bool:
    """True when a line is nothing but the text of one link, maybe after a short label."""
    text = " ".join(line.split())
    if text in anchors:
        return True
    label, _, rest = text.partition(": ")
    return bool(rest) and len(label) <= 30 and rest in anchors


def _drop_link_tail(lines: list[str], anchors: set[str]) -> list[str]:
    """Cut the run of bare link lines that ends a page: a teaser list of other stories.

    trafilatura sometimes takes "more from this site" blocks under the article for part of
    it; each of their lines is a whole link, which article prose never is.
    """
    end = len(lines)
    while end and (not lines[end - 1].strip() or _is_link_line(lines[end - 1], anchors)):
        end -= 1
    return lines[:end]


def _link_share(lines: list[str], anchors: set[str]) -> float:
    """Share of the text's characters that sit in lines made of one link each."""
    total = sum(len(line.strip()) for line in lines)
    linked = sum(len(line.strip()) for line in lines if _is_link_line(line, anchors))
    return linked / total if total else 1.0


# ---------------------------------------------------------------------------------------
# Publication date

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
            offset = sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        local = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second or 0))
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
    from .clean import split_dateline

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


# ---------------------------------------------------------------------------------------
# The page


def _site(url: str | None, sitename: str | None) -> str | None:
    if sitename:
        return sitename
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def truncation(html: str) -> str | None:
    """How a page shows it was cut off (a download or a crawl stopped short), or None.

    >>> truncation("<html><body><p>The minister said")
    'the page ends before </body>'
    """
    tail = html.rstrip()
    if tail.rfind("<") > tail.rfind(">"):
        return "the page ends inside a tag"
    if re.search(r"<body[\s>]", html, re.I) and not re.search(r"</body\s*>", html, re.I):
        return "the page ends before </body>"
    if re.search(r"<html[\s>]", html[:10_000], re.I) and not re.search(r"</html\s*>", tail[-10_000:], re.I):
        return "the page ends before </html>"
    return None


def extract_html(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """Main text, title, publication date, site name and URL of a news page.

    ``html`` may be bytes (decoded with ``decode_html``) or text. ``url``, when known,
    helps find the main text and the date, and fills ``url`` when the page names none.

    >>> extract_html(b"<html><body><a href='/a'>Home</a></body></html>")
    Traceback (most recent call last):
    ...
    dateline.html.NoArticleText: ...

    Raises ``NoArticleText`` (or its subclass ``UndecodableHTML``) with the reason when the
    page yields no article text.
    """
    text = decode_html(html) if isinstance(html, bytes) else html
    if not text.strip():
        raise NoArticleText("the page is empty")
    if not _HTML_TAG.search(text[:100_000]):
        raise NoArticleText("the page is not HTML (no html, head, body or paragraph tags)")
    try:
        tree = lxml_html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (ParserError, ValueError) as error:
        raise NoArticleText(f"the page cannot be parsed as HTML: {error}") from error
    document = trafilatura.bare_extraction(
        text,
        url=url,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={"original_date": True, "extensive_search": True, "url": url},
    )
    if document is None:
        raise NoArticleText("no article text found (trafilatura found no main content)")
    lines = unicodedata.normalize("NFC", document.text or "").splitlines()
    anchors = _anchor_texts(tree)
    if _link_share(lines, anchors) > 0.8:
        raise NoArticleText("no article text found (a page of links, navigation or media only)")
    body = "\n".join(_drop_link_tail(_strip_boilerplate(lines), anchors)).strip()
    if not body:
        raise NoArticleText("no article text found (only page furniture: ads, share and sign-up lines)")
    page_text = tree.text_content()[:200_000]
    fallback = _day(document.date, page_text)
    return {
        "text": body,
        "title": document.title or None,
        "date": publication_date(tree, url, page_text, fallback, body, document.title),
        "site": _site(url or document.url, document.sitename),
        "url": url or document.url or None,
    }


def _day(value: str | None, page_text: str) -> str | None:
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
