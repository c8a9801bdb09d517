"""Read news from files, folders, globs and standard input into raw documents.

Every input yields either a :class:`Document` (text plus whatever metadata the format
carries) or a :class:`~dateline.model.Skipped` with a one-line reason; a bad file never
stops the batch. Formats are chosen by suffix:

- ``.txt``: optional header lines ``date 2025-05-04``, ``title ...``, ``source ...``,
  ``url ...`` before the body (a ``date`` header may share its line with the body, as
  real feeds do);
- ``.html`` / ``.htm``: main text and metadata by :func:`dateline.html.extract_html`;
- ``.jsonl``: one article per line, ``text`` plus optional ``id title date source url
  dateline`` (``doc_id`` is accepted for ``id``);
- ``.warc`` / ``.warc.gz``: the HTML responses of a news crawl;
- ``-``: standard input, read as ``.txt``.
"""

from __future__ import annotations

import errno
import glob
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO
from pathlib import Path

from .dates import parse_date
from .documents import Document, UnreadableInput
from .model import Skipped

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MIN_HTML_WORDS = 15  # below this, what trafilatura found is a menu or a caption, not an article
TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
SUPPORTED = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES


class InputError(Exception):
    """A path given on the command line does not exist or matches nothing."""




def expand(paths: Iterable[str]) -> list[str | Skipped]:
    """Files named by paths, folders (recursively, supported suffixes only) and globs, in a stable order.

    What is there but cannot be read comes as a Skipped with its reason, in place: a folder
    with no articles, a glob that matches nothing, a named pipe or device (reading one could
    block forever), a dangling symbolic link or a link loop. Raises InputError for a path
    that does not exist at all (a typo), before anything is read.
    """
    check_paths(paths)
    items: list[str | Skipped] = []
    for path in paths:
        if path == "-":
            items.append(path)
        elif os.path.islink(path) and not os.path.exists(path):
            items.append(Skipped(path, _broken_link(path)))
        elif os.path.isdir(path):
            found: list[str] = []
            problems: list[Skipped] = []
            _walk(path, found, problems, set())
            if not found and not problems:
                problems.append(Skipped(path, f"folder holds no {', '.join(SUPPORTED)} files"))
            items.extend(sorted(found))
            items.extend(problems)
        elif os.path.exists(path):
            items.append(path if _regular(path) else Skipped(path, _not_regular(path)))
        else:  # a glob (check_paths let nothing else through)
            matched = sorted(p for p in glob.glob(path, recursive=True) if os.path.isfile(p))
            items.extend(matched or [Skipped(path, "no file matches this pattern")])
    seen: set[str] = set()
    out: list[str | Skipped] = []
    for item in items:
        key = item if isinstance(item, str) else item.origin
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def check_paths(paths: Iterable[str]) -> None:
    """Raise InputError for a path that is neither there (as a file, folder or link) nor a glob."""
    for path in paths:
        if path != "-" and not os.path.lexists(path) and not glob.has_magic(path):
            raise InputError(f"no such file or folder: {path}")


def _walk(folder: str, found: list[str], problems: list[Skipped], seen: set[tuple[int, int]]) -> None:
    """Supported files under a folder, following links to folders but never round a loop."""
    try:
        info = os.stat(folder)
        seen.add((info.st_dev, info.st_ino))
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        problems.append(Skipped(folder, f"cannot read folder: {exc.strerror or exc}"))
        return
    for entry in entries:
        path = entry.path
        try:
            if entry.is_symlink() and not os.path.exists(path):
                if _suffix(path) in SUPPORTED:
                    problems.append(Skipped(path, _broken_link(path)))
                continue
            if entry.is_dir():
                info = os.stat(path)
                if (info.st_dev, info.st_ino) in seen:
                    problems.append(Skipped(path, "symbolic link loop: it leads back to a folder already read"))
                    continue
                _walk(path, found, problems, seen)
            elif _suffix(path) in SUPPORTED:
                if entry.is_file():
                    found.append(path)
                else:
                    problems.append(Skipped(path, _not_regular(path)))
        except OSError as exc:
            problems.append(Skipped(path, f"cannot read: {exc.strerror or exc}"))


def _regular(path: str) -> bool:
    return stat.S_ISREG(os.stat(path).st_mode)


def _not_regular(path: str) -> str:
    mode = os.stat(path).st_mode
    kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file")
    return f"not a regular file but {kind}: not read, so the run cannot wait on it forever"


def _broken_link(path: str) -> str:
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop: the link leads back to itself"
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    return f"dangling symbolic link: it points to {target}, which does not exist"


def read_all(
    paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES, stdin: io.BufferedReader | None = None
) -> Iterator[Document | Skipped]:
    """Every document (or skip record) from the given paths, in order."""
    for item in expand(paths):
        if isinstance(item, Skipped):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes, stdin=stdin)


def read_path(
    path: str, max_bytes: int = DEFAULT_MAX_BYTES, stdin: io.BufferedReader | None = None
) -> Iterator[Document | Skipped]:
    """Documents from one file; a file that cannot be read yields one Skipped with its reason."""
    origin = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read(max_bytes + 1)
            if len(data) > max_bytes:
                raise UnreadableInput(f"larger than the size limit of {_mb(max_bytes)}")
            yield _text_document(data, origin)
            return
        if not _regular(path):  # checked again here: a file named on its own may be a pipe
            raise UnreadableInput(_not_regular(path))
        suffix = _suffix(path)
        if suffix not in SUPPORTED:
            raise UnreadableInput(f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUPPORTED)}")
        if suffix in WARC_SUFFIXES:
            yield from _warc_documents(path, max_bytes)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _jsonl_documents(path, max_bytes)
            return
        size = os.path.getsize(path)
        if size > max_bytes:
            raise UnreadableInput(f"larger than the size limit of {_mb(max_bytes)} ({_mb(size)})")
        data = Path(path).read_bytes()
        if suffix in HTML_SUFFIXES:
            yield _html_document(data, origin)
        else:
            yield _text_document(data, origin)
    except UnreadableInput as exc:
        yield Skipped(origin, str(exc))
    except OSError as exc:
        yield Skipped(origin, f"cannot read: {exc.strerror or exc}")


def decode_text(data: bytes) -> str:
    """Decode bytes of unknown encoding: BOM, then UTF-8, then detection.

    Binary data (NUL bytes without a UTF-16/32 BOM) and data no encoding explains raise
    UnreadableInput.

    >>> decode_text("café".encode("cp1252"))
    'café'
    """
    if not data.strip():
        raise UnreadableInput("empty file")
    for bom, encoding in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"not valid {encoding} despite its byte-order mark: {exc.reason}") from None
    if b"\x00" in data:
        raise UnreadableInput("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        whole = data[: exc.start]
        if len(data) - exc.start <= 3 and exc.reason == "unexpected end of data" and not whole.isascii():
            # UTF-8 text cut inside its last multi-byte character: keep what is whole. (Without
            # other multi-byte characters, a high last byte is more likely Windows-1252.)
            return whole.decode("utf-8")
    text = _detect(data)
    if text is None:
        raise UnreadableInput("undecodable text (no known encoding fits)")
    return text


def _detect(data: bytes) -> str | None:
    """Legacy encodings. Mostly-ASCII text with a few accented letters is Western news in
    Windows-1252 (a superset of Latin-1's printable range), which statistical detectors often
    mistake for a DOS code page; text that is mostly high bytes is left to detection, and kept
    only if the detector recognised a language in it."""
    high = sum(1 for b in data if b >= 0x80) / len(data)
    if high < 0.3:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = ""
        if _looks_like_text(text):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.coherence <= 0.0 or best.chaos > 0.3:
        return None
    text = str(best)
    return text if _looks_like_text(text) else None


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    control = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    letters = sum(1 for c in text if c.isalpha())
    return control / len(text) < 0.01 and letters / len(text) > 0.3


HEADER_KEYS = ("date", "title", "source", "url")
_DATE_HEADER = re.compile(r"\s*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|\s*\n|$)")
_DATE_LINE = re.compile(r"\s*date[ \t]+([^\n]{4,40})\n")
_KEY_HEADER = re.compile(r"\s*(title|source|url)[ \t]+([^\n]+)\n")


def parse_text_file(text: str, origin: str) -> Document:
    """Split optional header lines from the body of a ``.txt`` article.

    >>> parse_text_file(" date 2025-05-04 Singh will host Nakatani.", "x").date
    '2025-05-04'
    """
    meta: dict[str, str] = {}
    rest = text.lstrip("\ufeff")
    while True:
        m = _DATE_HEADER.match(rest)
        if m and "date" not in meta:
            meta["date"] = m.group(1)
            rest = rest[m.end() :]
            continue
        m = _DATE_LINE.match(rest)
        if m and "date" not in meta and parse_date(m.group(1)):
            meta["date"] = parse_date(m.group(1)) or ""
            rest = rest[m.end() :]
            continue
        m = _KEY_HEADER.match(rest)
        if m and m.group(1) not in meta and _plausible_header(m.group(1), m.group(2)):
            meta[m.group(1)] = m.group(2).strip()
            rest = rest[m.end() :]
            continue
        break
    if not rest.strip():
        raise UnreadableInput("no article text after the header lines" if meta else "empty file")
    return Document(
        text=rest.strip(), origin=origin, title=meta.get("title"), date=meta.get("date"),
        source=meta.get("source"), url=meta.get("url"),
    )


def _plausible_header(key: str, value: str) -> bool:
    """A header value is one short field, not a sentence that happens to start with the key word."""
    if key == "url":
        return bool(re.match(r"https?://\S+$", value.strip()))
    return len(value) <= 300


def _text_document(data: bytes, origin: str) -> Document:
    return parse_text_file(decode_text(data), origin)


def _html_document(data: bytes, origin: str, url: str | None = None, charset: str | None = None) -> Document:
    from .html import NoArticleText, decode_html, extract_html, truncation  # trafilatura, only when a page comes

    if not data.strip():
        raise UnreadableInput("empty file")
    try:
        html = decode_html(data, charset)
    except (NoArticleText, UnicodeDecodeError, LookupError, ValueError) as exc:
        raise UnreadableInput(f"undecodable HTML: {exc}") from None
    try:
        page = extract_html(html, url=url)
    except NoArticleText as exc:
        raise UnreadableInput(f"no article text: {exc}") from None
    except (ValueError, TypeError, LookupError, AttributeError, RecursionError) as exc:
        # the page parser and its date and metadata readers meet malformed pages in these ways
        raise UnreadableInput(f"unreadable HTML ({type(exc).__name__}: {str(exc)[:120]})") from None
    words = len(page["text"].split())
    if words < MIN_HTML_WORDS:
        raise UnreadableInput(f"no article text: only {words} words in the page's main content")
    cut = truncation(html)
    return Document(
        text=page["text"], origin=origin, title=page.get("title"), date=page.get("date"),
        source=page.get("site"), url=page.get("url") or url,
        warnings=[f"truncated HTML ({cut}): stored what the page holds, which may lack its end"] if cut else [],
    )


def _bounded_lines(fh: BinaryIO, max_bytes: int) -> Iterator[bytes | None]:
    """The file's lines, or None for a line longer than ``max_bytes``, which is read past in
    pieces: a dump with one line of gigabytes (a broken export) never sits in memory whole."""
    while raw := fh.readline(max_bytes + 1):
        if len(raw) <= max_bytes:
            yield raw
            continue
        while raw and not raw.endswith(b"\n"):
            raw = fh.readline(1 << 20)
        yield None


def _jsonl_documents(path: str, max_bytes: int) -> Iterator[Document | Skipped]:
    """One document per line, read as a stream: a crawl dump of any size, each record held to
    the size limit, each line decoded on its own (one Windows-1252 line spoils nothing else)."""
    seen = False
    with open(path, "rb") as fh:
        for number, raw in enumerate(_bounded_lines(fh, max_bytes), 1):
            if raw is None:
                seen = True
                yield Skipped(f"{path}:{number}", f"record larger than the size limit of {_mb(max_bytes)}")
                continue
            if not raw.strip():
                continue
            seen = True
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    line = decode_text(raw)
                except UnreadableInput as exc:
                    yield Skipped(where, str(exc))
                    continue
            try:
                record = json.loads(line.rstrip("\r\n"))
            except json.JSONDecodeError as exc:
                message = exc.msg.removesuffix(" at")  # "Invalid control character at" names no place itself
                yield Skipped(where, f"not valid JSON: {message} at line {number}, column {exc.colno}")
                continue
            if not isinstance(record, dict):
                yield Skipped(where, "not a JSON object")
                continue
            body = record.get("text")
            if not isinstance(body, str) or not body.strip():
                yield Skipped(where, "no \"text\" field with article text")
                continue
            ext_id = record.get("id") or record.get("doc_id")
            yield Document(
                text=body.strip(),
                origin=f"{path}#{ext_id}" if ext_id else where,
                title=_str(record.get("title")),
                date=_str(record.get("date")),
                source=_str(record.get("source")),
                url=_str(record.get("url")),
                dateline=_str(record.get("dateline")),
                external_id=_str(ext_id),
            )
    if not seen:
        raise UnreadableInput("empty file")


def _warc_documents(path: str, max_bytes: int) -> Iterator[Document | Skipped]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    count = 0
    with open(path, "rb") as fh:
        magic = fh.read(5)
        fh.seek(0)
        if magic[:2] != b"\x1f\x8b" and magic != b"WARC/":
            yield Skipped(path, "not a readable WARC file (no WARC header)")
            return
        try:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                count += 1
                url = record.rec_headers.get_header("WARC-Target-URI")
                where = f"{path}#{url or count}"
                if record.http_headers is None or not record.http_headers.get_statuscode():
                    yield Skipped(where, "truncated or corrupt WARC record (no HTTP status line)")
                    continue
                content_type = record.http_headers.get_header("Content-Type", "")
                if "html" not in content_type.lower():
                    yield Skipped(where, f"not an HTML response ({content_type or 'no content type'})")
                    continue
                body = record.content_stream().read(max_bytes + 1)
                if len(body) > max_bytes:
                    yield Skipped(where, f"record larger than the size limit of {_mb(max_bytes)}")
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    yield Skipped(where, "truncated WARC record (ends before its declared length)")
                    continue
                charset = _charset(content_type)
                try:
                    yield _html_document(body, where, url=url, charset=charset)
                except UnreadableInput as exc:
                    yield Skipped(where, str(exc))
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, AttributeError, KeyError, TypeError) as exc:
            # warcio meets a cut or corrupt record in several ways; all mean the same to a reader
            reason = "truncated or corrupt WARC" if count else "not a readable WARC file"
            yield Skipped(path, f"{reason} ({type(exc).__name__}: {str(exc)[:120]})")
            return
    if magic[:2] == b"\x1f\x8b" and _gzip_cut(path):
        yield Skipped(path, f"truncated WARC: the file ends inside a record ({count} responses read before it)")
    elif count == 0:
        yield Skipped(path, "WARC file holds no response records")


def _gzip_cut(path: str) -> bool:
    """Whether a gzip file ends inside a member, which warcio passes over without a word."""
    import zlib

    member, fed = zlib.decompressobj(31), False
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            data = chunk
            while data:
                member.decompress(data, 1 << 16)
                fed = True
                while member.unconsumed_tail and not member.eof:
                    member.decompress(member.unconsumed_tail, 1 << 16)
                if member.eof:
                    data, member, fed = member.unused_data, zlib.decompressobj(31), False
                else:
                    data = b""
    return fed and not member.eof


def _charset(content_type: str) -> str | None:
    m = re.search(r"charset=[\"']?([\w.:-]+)", content_type, re.I)
    return m.group(1) if m else None


def _suffix(path: str) -> str:
    name = path.lower()
    for compound in (".warc.gz", ".arc.gz"):
        if name.endswith(compound):
            return compound
    return os.path.splitext(name)[1]


def _str(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
