"""Readers: every format, every encoding, and every kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from dateline.model import Skipped
from dateline.read import Document, InputError, expand, read_all, read_path

BODY = "Prime Minister Ana Ruiz met President Tomas Berg in Lisbon on Tuesday to discuss fishing quotas."


def only_document(path: Path, **kw) -> Document:
    items = list(read_path(str(path), **kw))
    assert len(items) == 1 and isinstance(items[0], Document), items
    return items[0]


def only_skip(path: Path, **kw) -> Skipped:
    items = list(read_path(str(path), **kw))
    assert len(items) == 1 and isinstance(items[0], Skipped), items
    return items[0]


def test_read_txt_with_header_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f"date 2025-05-04\ntitle Ministers meet\nsource Example Times\nurl https://example.org/a\n{BODY}\n")
    doc = only_document(f)
    assert (doc.date, doc.title, doc.source, doc.url) == ("2025-05-04", "Ministers meet", "Example Times",
                                                          "https://example.org/a")
    assert doc.text == BODY


def test_read_txt_date_header_sharing_the_first_line(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(f" date 2025-05-04 {BODY}\n\nSecond paragraph.")
    doc = only_document(f)
    assert doc.date == "2025-05-04"
    assert doc.text.startswith("Prime Minister Ana Ruiz")


def test_read_txt_without_header_keeps_a_sentence_starting_with_a_key_word(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Source of the leak remains unknown, officials said on Monday.\n")
    doc = only_document(f)
    assert doc.source is None and doc.text.startswith("Source of the leak")


def test_read_seed_headers(seed_000, seed_003):
    assert only_document(seed_003).date == "2025-05-04"
    assert only_document(seed_000).date is None


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-8-sig", "utf-8"])
def test_read_txt_in_other_encodings(tmp_path, encoding):
    text = "Le ministre français a rencontré son homologue à Genève; “talks” — continued."
    if encoding == "latin-1":
        text = text.replace("“", '"').replace("”", '"').replace("—", "-")
    f = tmp_path / "a.txt"
    f.write_bytes(text.encode(encoding))
    assert only_document(f).text == text


@pytest.mark.parametrize(
    "data, text",
    [
        ("café".encode("cp1252"), "café"),
        ("Ministers met in Genève".encode("utf-8")[:-1], "Ministers met in Genèv"),
        ("Zürich talks ended in Genève".encode("utf-8")[:-1], "Zürich talks ended in Genèv"),
    ],
)
def test_read_decode_text_last_byte(data, text):
    from dateline.read import decode_text

    assert decode_text(data) == text


def test_read_html_with_declared_charset(tmp_path):
    paragraph = ("Le président français a rencontré à Genève le chancelier allemand pour des négociations "
                 "sur la sécurité européenne, a indiqué l'Élysée dans un communiqué publié mardi soir. ")
    html = (
        '<html><head><meta charset="windows-1252"><title>Genève talks</title></head><body>'
        "<article><h1>Genève talks</h1>" + "".join(f"<p>{paragraph}{i}</p>" for i in range(4)) + "</article></body></html>"
    )
    f = tmp_path / "page.html"
    f.write_bytes(html.encode("cp1252"))
    doc = only_document(f)
    assert "président français a rencontré à Genève" in doc.text


def test_read_jsonl_corpus_fields(tmp_path):
    f = tmp_path / "c.jsonl"
    rows = [
        {"doc_id": "AFP_1", "source": "Agence France-Presse", "date": "1997-04-01",
         "dateline": "KUALA LUMPUR, April 1 , 1997 (AFP)", "title": "Shares fall", "text": BODY},
        {"id": "x2", "text": "Second article text about a summit in Oslo.", "url": "https://e.org/2"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    docs = list(read_path(str(f)))
    assert [d.external_id for d in docs] == ["AFP_1", "x2"]
    assert docs[0].dateline == "KUALA LUMPUR, April 1 , 1997 (AFP)" and docs[0].date == "1997-04-01"
    assert docs[0].origin.endswith("c.jsonl#AFP_1")
    assert docs[1].url == "https://e.org/2"


@pytest.mark.parametrize("line, reason", [
    ('{"text": "a\tb"}', "not valid JSON: Invalid control character at line 2, column 12"),
    ('{"text": "Talks in Oslo." "title": "x"}', "not valid JSON: Expecting ',' delimiter at line 2, column 27"),
    ('{"text": "Talks in Oslo."', "not valid JSON: Expecting ',' delimiter at line 2, column 26"),
])
def test_read_jsonl_errors_say_where(tmp_path, line, reason):
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "Good article about talks in Oslo."}\n' + line + "\n")
    [_, skipped] = list(read_path(str(f)))
    assert skipped.reason == reason and skipped.origin.endswith("c.jsonl:2")


def test_read_jsonl_bad_lines_are_skipped_with_reasons(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"text": "Good article about talks in Oslo."}\n{"text": \n[1, 2]\n{"title": "no text"}\n')
    items = list(read_path(str(f)))
    assert isinstance(items[0], Document)
    reasons = [i.reason for i in items[1:]]
    assert reasons[0].startswith("not valid JSON: Expecting value at line 2, column 10")
    assert reasons[1] == "not a JSON object"
    assert "no \"text\" field" in reasons[2]
    assert items[1].origin.endswith("c.jsonl:2")


def _warc(path: Path, records: list[tuple[str, str, bytes]], gz: bool = True) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, content_type, body in records:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))


ARTICLE_HTML = (
    "<html><head><title>Ministers agree</title></head><body><nav><a href='/'>Home</a></nav><article>"
    + "".join(f"<p>The foreign ministers of Norway and Chile agreed on Friday to expand trade in salmon "
              f"and copper, officials said after the talks in Oslo, paragraph {i}.</p>" for i in range(5))
    + "</article></body></html>"
).encode()


def test_read_warc_html_responses_only(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [("https://news.example/a", "text/html; charset=utf-8", ARTICLE_HTML),
              ("https://news.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n")])
    items = list(read_path(str(f)))
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skipped)]
    assert len(docs) == 1 and "Norway and Chile agreed" in docs[0].text
    assert docs[0].url == "https://news.example/a"
    assert len(skips) == 1 and skips[0].reason.startswith("not an HTML response (image/png")


def test_read_truncated_warc_keeps_whole_records(tmp_path):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [("https://news.example/a", "text/html", ARTICLE_HTML),
              ("https://news.example/b", "text/html", ARTICLE_HTML.replace(b"Norway", b"Sweden"))])
    data = f.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 200])
    items = list(read_path(str(cut)))
    assert isinstance(items[0], Document)
    assert isinstance(items[-1], Skipped) and "truncated" in items[-1].reason


def test_read_stdin():
    stdin = io.BytesIO(f"date 2025-01-02\n{BODY}".encode())
    items = list(read_path("-", stdin=stdin))
    assert items[0].date == "2025-01-02" and items[0].origin == "<stdin>"


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", bytes(range(256)) * 20, "binary file"),
        ("headers-only.txt", b"date 2025-01-01\ntitle Nothing here\n", "no article text after the header lines"),
        ("empty.html", b"", "empty file"),
        ("links.html", b"<html><body><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></body></html>",
         "no article text"),
        ("not-a-warc.warc", b"this is not a warc file at all\n" * 3, "not a readable WARC"),
        ("image.png", b"\x89PNG\r\n\x1a\n", "unsupported file type"),
    ],
)
def test_read_bad_input_is_skipped_with_reason(tmp_path, name, data, reason):
    f = tmp_path / name
    f.write_bytes(data)
    assert reason in only_skip(f).reason


def test_read_enormous_file_is_skipped(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(BODY * 100)
    skip = only_skip(f, max_bytes=1000)
    assert "size limit" in skip.reason


def test_read_undecodable_text_is_skipped(tmp_path):
    f = tmp_path / "mojibake.txt"
    f.write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D] * 400))
    assert "undecodable" in only_skip(f).reason or "binary" in only_skip(f).reason


def test_expand_folders_globs_and_missing_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.html", "sub/c.jsonl", "notes.md"):
        (tmp_path / name).write_text("x")
    found = [Path(p).name for p in expand([str(tmp_path)])]
    assert found == ["a.txt", "b.html", "c.jsonl"]
    assert [Path(p).name for p in expand([str(tmp_path / "*.txt")])] == ["a.txt"]
    with pytest.raises(InputError, match="no such file"):
        expand([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt")])
    [skipped] = expand([str(tmp_path / "*.warc")])
    assert skipped.reason == "no file matches this pattern"


def test_read_all_goes_on_after_a_bad_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text(BODY)
    items = list(read_all([str(tmp_path)]))
    assert [type(i).__name__ for i in items] == ["Skipped", "Document"]


def test_read_gzip_is_not_mistaken_for_text(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(gzip.compress(BODY.encode() * 50))
    assert only_skip(f).reason


def test_read_jsonl_size_limit_is_per_record(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"text": BODY}) + "\n" + json.dumps({"text": BODY * 50}) + "\n")
    items = list(read_path(str(f), max_bytes=2000))
    assert isinstance(items[0], Document)
    assert isinstance(items[1], Skipped) and "record larger than the size limit" in items[1].reason


def test_read_jsonl_overlong_line_is_never_held_whole(tmp_path):
    """One line of 24 MB (an export that lost its newlines) is skipped without reading it into memory."""
    import tracemalloc

    f = tmp_path / "broken.jsonl"
    with f.open("w") as fh:
        fh.write('{"text": "' + "x" * (24 << 20) + '"}\n' + json.dumps({"text": BODY}) + "\n")
    tracemalloc.start()
    items = list(read_path(str(f), max_bytes=1 << 20))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(items[0], Skipped) and items[0].origin.endswith(":1") and "size limit" in items[0].reason
    assert isinstance(items[1], Document) and items[1].origin.endswith(":2")
    assert peak < 8 << 20


def test_read_jsonl_lines_are_decoded_one_by_one(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_bytes(json.dumps({"text": "Le ministre français a parlé."}, ensure_ascii=False).encode("utf-8") + b"\n"
                  + json.dumps({"text": "Le café à Genève."}, ensure_ascii=False).encode("cp1252") + b"\n")
    assert [d.text for d in read_path(str(f))] == ["Le ministre français a parlé.", "Le café à Genève."]


def test_read_empty_jsonl_is_skipped(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text("\n\n")
    assert only_skip(f).reason == "empty file"


@pytest.mark.parametrize("keep", [0.2, 0.45, 0.7, 0.95])
def test_read_warc_cut_anywhere_says_so(tmp_path, keep):
    f = tmp_path / "crawl.warc.gz"
    _warc(f, [(f"https://news.example/{i}", "text/html", ARTICLE_HTML.replace(b"Norway", f"Norway {i}".encode()))
              for i in range(6)])
    data = f.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * keep)])
    items = list(read_path(str(cut)))
    assert any(isinstance(i, Skipped) and "truncated" in i.reason for i in items)
    assert all(isinstance(i, Skipped) or "Norway" in i.text for i in items)


def test_expand_folder_without_articles_is_a_reason_not_an_abort(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.md").write_text("x")
    (tmp_path / "a.txt").write_text(BODY)
    items = expand([str(tmp_path / "empty"), str(tmp_path / "a.txt")])
    assert items[1] == str(tmp_path / "a.txt")
    assert isinstance(items[0], Skipped) and items[0].reason.startswith("folder holds no .txt")


def _fifo(path: Path) -> Path:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes on this system")
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("how", ["named", "in a folder", "by a glob"])
def test_read_named_pipe_is_skipped_without_blocking(tmp_path, how):
    fifo = _fifo(tmp_path / "feed.txt")
    (tmp_path / "a.txt").write_text(BODY)
    given = {"named": [str(fifo)], "in a folder": [str(tmp_path)], "by a glob": [str(tmp_path / "*.txt")]}[how]
    items = list(read_all(given))  # would block forever if the pipe were opened
    skipped = [i for i in items if isinstance(i, Skipped)]
    if how == "by a glob":  # a glob matches files only
        assert skipped == []
    else:
        assert [s.origin for s in skipped] == [str(fifo)] and "named pipe" in skipped[0].reason


@pytest.mark.parametrize("link, target, reason", [
    ("dangling.txt", "missing.txt", "dangling symbolic link: it points to missing.txt"),
    ("loop.txt", "loop.txt", "symbolic link loop"),
])
def test_read_broken_links_are_named(tmp_path, link, target, reason):
    (tmp_path / link).symlink_to(target)
    (tmp_path / "a.txt").write_text(BODY)
    for given in ([str(tmp_path / link)], [str(tmp_path)]):
        skipped = [i for i in read_all(given) if isinstance(i, Skipped)]
        assert [s.origin for s in skipped] == [str(tmp_path / link)]
        assert reason in skipped[0].reason


def test_read_folder_link_loop_is_read_once_and_named(tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(BODY)
    (tmp_path / "news" / "again").symlink_to(tmp_path / "news")
    items = expand([str(tmp_path)])
    assert items[0] == str(tmp_path / "news" / "a.txt")
    assert "symbolic link loop" in items[1].reason and len(items) == 2


@pytest.mark.parametrize("ending, warned", [
    ("</article></body></html>", None),
    ("</article></body>", "the page ends before </html>"),
    ("</article>", "the page ends before </body>"),
    ("</article><div class=", "the page ends inside a tag"),
])
def test_read_truncated_html_is_stored_with_a_warning(tmp_path, ending, warned):
    f = tmp_path / "cut.html"
    f.write_bytes(ARTICLE_HTML.replace(b"</article></body></html>", ending.encode()))
    doc = only_document(f)
    assert "Norway" in doc.text
    assert doc.warnings == ([f"truncated HTML ({warned}): stored what the page holds, which may lack its end"]
                            if warned else [])
