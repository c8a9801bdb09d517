"""``POST /api/articles``: one article through the same reader and pipeline as ``dateline run``.

The body is read as a one-article input file of the matching kind (JSON Lines, ``.txt`` or HTML),
and the document, its origin the post and its time, runs through ``pipeline.run`` with its own
writer connection, in a worker thread, so the server keeps answering reads meanwhile. Posts are
stored one at a time: one that arrives while another is being stored is answered 503 at once, to
retry. The first post loads the spaCy model into the server process.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
from dataclasses import replace
from typing import Any

import anyio

FIELDS = ("text", "title", "date", "source", "url", "dateline", "id")
KINDS = {"application/json": ".jsonl", "text/plain": ".txt", "text/html": ".html"}
_one_at_a_time = threading.Lock()


class IngestBusy(Exception):
    """Another post is being stored (answered 503, to retry)."""


class IngestError(Exception):
    """The posted body is not an article the pipeline can read (the message says why)."""


async def ingest_body(db: str, body: bytes, kind: str) -> dict[str, Any]:
    return await anyio.to_thread.run_sync(ingest, db, body, kind)


def ingest(db: str, body: bytes, kind: str) -> dict[str, Any]:
    """Store one posted article; the answer names it, whether it was new, and its story."""
    from ..clean import clean
    from ..documents import Document
    from ..pipeline import run
    from ..read import UnreadableInput, read_all
    from ..store import Store

    suffix = KINDS.get(kind)
    if suffix is None:
        raise IngestError(f"content type {kind[:60]!r} is not one of {', '.join(KINDS)}")
    data = _jsonl(body) if suffix == ".jsonl" else body
    with tempfile.TemporaryDirectory(prefix="dateline-post-") as tmp:
        path = os.path.join(tmp, "posted" + suffix)
        with open(path, "wb") as fh:
            fh.write(data)
        docs = list(read_all([path]))
        if len(docs) != 1:
            raise IngestError("the body holds more than one article")
    doc = docs[0]
    if not isinstance(doc, Document):
        raise IngestError(getattr(doc, "reason", "unreadable"))
    # where it came from: the post, not the temporary file it passed through
    posted = f"POST /api/articles {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())}"
    doc = replace(doc, origin=posted + (f" #{doc.external_id}" if doc.external_id else ""))
    try:
        article_id = clean(doc).id
    except UnreadableInput as exc:
        raise IngestError(str(exc)) from None
    if not _one_at_a_time.acquire(blocking=False):
        # answered at once: posts waiting here would hold the threads that serve every page
        raise IngestBusy("another posted article is being stored; post again in a moment")
    try:
        with Store(db) as store:
            stats = run([], store, documents=[doc])
            row = store.placement([article_id])[article_id]
    finally:
        _one_at_a_time.release()
    if stats.skipped:
        raise IngestError(stats.skipped[0].reason)
    return {
        "id": article_id,
        "new": stats.new == 1,
        "story": row[0],
        "duplicate_of": row[1],
        "articles": [article_id],
        "warnings": [w.reason for w in stats.warnings],
    }


def _jsonl(body: bytes) -> bytes:
    """One JSON object with at least ``text``, as one JSON Lines record of the fields the reader takes."""
    try:
        record = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise IngestError(f"not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise IngestError("not a JSON object")
    if not isinstance(record.get("text"), str) or not record["text"].strip():
        raise IngestError('no "text" field with article text')
    for key in FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise IngestError(f'"{key}" must be a string')
    unknown = sorted(set(record) - set(FIELDS))
    if unknown:
        raise IngestError(f"unknown fields {', '.join(unknown[:5])}; expected some of {', '.join(FIELDS)}")
    return (json.dumps({k: record[k] for k in FIELDS if record.get(k) is not None}) + "\n").encode()
