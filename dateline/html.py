"""Article text, title and publication date from a raw HTML news page.

trafilatura finds the main text and htmldate a date; on news pages both leave work to do.
The text still carries the lines a page wraps around every article ("Advertisement",
"Read more: ...", newsletter and subscription calls, copyright notes), and htmldate often
prefers a later update over the original publication date, which is the date a timeline
needs. This module decodes the bytes the way a browser would, extracts with trafilatura,
drops those lines and trailing lists of links, and takes the publication day from
:mod:`dateline.page_dates`, which weighs the URL, the byline, metadata and htmldate.

>>> body = "".join(f"<p>The council approved the new harbour plan after a long debate, part {i}.</p>" for i in range(4))
>>> page = extract_html(f"<html><head><title>Harbour plan approved</title></head><body><article>{body}</article>"
...                     "<p>Advertisement</p></body></html>", url="https://example.org/2019/03/14/harbour.html")
>>> page["date"], page["title"], "Advertisement" in page["text"]
('2019-03-14', 'Harbour plan approved', False)
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import Any
from urllib.parse import urlsplit

import charset_normalizer
import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from .page_dates import fallback_day, publication_date

__all__ = [
    "NoArticleText",
    "UndecodableHTML",
    "decode_html",
    "extract_html",
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
    if match and candidates and candidates[-1].replace("-", "_").startswith(("utf_16", "utf_32")):
        # a page that can state its charset in ASCII bytes is no UTF-16 page (the HTML standard
        # reads such a declaration as UTF-8)
        candidates[-1] = "utf_8"
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
        (?:advertisement|advertisment|sponsored(?:\ content)?|scroll\ to\ continue)\b.{0,40}
      | ad(?:\s*[:|·•–-].{0,40})?
      | (?:read|see|watch|listen)\ (?:more|also|next)\b.*
      | (?:also\ read|related(?:\ (?:articles?|stories|content|posts?|coverage|reading|news))?
          |more\ (?:on|from|about)\ .{0,40}|recommended(?:\ for\ you)?|you\ (?:may|might)\ also\ like
          |most\ (?:read|popular|viewed)|trending(?:\ now)?|contenido\ relacionado|lea(?:\ también|\ más)?
          |lee\ (?:también|más)|(?:à\ )?lire\ aussi|mehr\ zum\ thema|auch\ interessant
          |leia\ (?:também|mais))\s*(?:[:»>|–-].*)?
      | share(?:\ (?:this|on)\b.*)?|tweet|e-?mail|print|comments?|\d+\ comments?|posted\ on
      | (?:sign\ up|subscribe|register|log\ ?in|join)
          (?:\W*|\ (?:now|today|here|for\ free|us)\b.{0,100}|\ (?:to|and)\ (?:get|receive)\b.{0,120}
            |\ (?:to|for|with|in)\ (?:our|the|a|your)\ .{0,60}\b(?:newsletters?|briefing|alerts|updates|account
                                               |community|subscription|edition|podcast)\b.{0,80})
      | .{0,100}\bsign\ up\ (?:here|now|today|for\ free)\W*
      | .*\b(?:sign(?:ing)?\ up|subscrib\w*|abonnier\w*|get|receive)\b.{0,40}\bnewsletters?\b.{0,60}
      | .{0,60}\bnewsletters?\b.{0,40}\b(?:sign\ up|subscribe|inbox)\b.*
      | (?:[\w’'-]+\ ){0,2}newsletters?[\s:»>|–-]*
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
# "Frее triаl" with Cyrillic е and а among Latin letters: text disguised from filters,
# which in news pages is always promotion.
_MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[a-zA-Z])(?=\w*[\u0400-\u04ff])\w+\b")
# Template debris: "form_id:", "items_count:", "label: Mayo 2021" rows of an unrendered template.
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
    fallback = fallback_day(document.date, page_text)
    return {
        "text": body,
        "title": document.title or None,
        "date": publication_date(tree, url, page_text, fallback, body, document.title),
        "site": _site(url or document.url, document.sitename),
        "url": url or document.url or None,
    }
