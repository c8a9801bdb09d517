"""Write merged events with their provenance: JSON Lines, CSV, Parquet or PLOVER JSON."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

FORMATS = ("jsonl", "csv", "parquet", "plover")
CSV_FIELDS = ("id", "date", "date_precision", "type", "mode", "status", "source_countries", "source_names",
              "target_countries", "target_names", "location", "location_country", "sources", "articles",
              "evidence_text", "evidence_article", "evidence_start", "evidence_end")


class ExportError(Exception):
    """The export cannot be written as asked."""


def export(events: list[dict[str, Any]], fmt: str, path: str | None = None) -> int:
    """Write events to ``path`` (standard output when None) and return how many were written."""
    if fmt == "parquet":
        if not path:
            raise ExportError("parquet needs a file: --out events.parquet")
        _parquet(events, path)
        return len(events)
    out: TextIO = open(path, "w", encoding="utf-8", newline="") if path else sys.stdout
    try:
        if fmt == "jsonl":
            for e in events:
                out.write(json.dumps(e, ensure_ascii=False) + "\n")
        elif fmt == "plover":
            for e in events:
                out.write(json.dumps(to_plover_record(e), ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(flat(e) for e in events)
        else:
            raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    finally:
        if path:
            out.close()
    return len(events)


def flat(e: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: actor lists joined with ';', the first evidence sentence and its offsets."""
    ev = (e.get("evidence") or [{}])[0]
    loc = e.get("location") or {}
    return {
        "id": e["id"], "date": e.get("date"), "date_precision": e.get("date_precision"), "type": e["type"],
        "mode": e.get("mode"), "status": e["status"],
        "source_countries": ";".join(a.get("country") or "" for a in e.get("source", [])),
        "source_names": ";".join(a.get("name") or "" for a in e.get("source", [])),
        "target_countries": ";".join(a.get("country") or "" for a in e.get("target", [])),
        "target_names": ";".join(a.get("name") or "" for a in e.get("target", [])),
        "location": loc.get("name"), "location_country": loc.get("country"), "sources": e.get("sources"),
        "articles": ";".join(e.get("articles", [])), "evidence_text": ev.get("text"),
        "evidence_article": ev.get("article"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
    }


def to_plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """A merged event as a PLOVER event record.

    PLOVER has no future mode, so a planned meeting is coded AGREE (as its coders did);
    Dateline's own status and evidence are kept beside the PLOVER fields.
    """
    event_type = e["type"]
    if event_type == "CONSULT" and e.get("status") == "planned":
        event_type = "AGREE"
    first = (e.get("source") or [{}])[0]
    second = (e.get("target") or [{}])[0]
    loc = e.get("location") or {}
    evidence = e.get("evidence") or [{}]
    return {
        "id": e["id"],
        "date": e.get("date"),
        "event": event_type,
        "mode": e.get("mode") or "",
        "contexts": [],
        "actor": first.get("name") or "",
        "actor_country": first.get("country") or "",
        "actor_sector": first.get("sector") or "",
        "recipient": second.get("name") or "",
        "recipient_country": second.get("country") or "",
        "recipient_sector": second.get("sector") or "",
        "location": {"name": loc.get("name") or "", "country": loc.get("country") or ""},
        "text": evidence[0].get("text") or "",
        "source_count": e.get("sources"),
        "status": e.get("status"),
        "articles": e.get("articles", []),
        "evidence": evidence,
    }


def _parquet(events: list[dict[str, Any]], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet export needs pyarrow: pip install pyarrow") from None
    rows = [dict(flat(e), source=json.dumps(e.get("source")), target=json.dumps(e.get("target")),
                 evidence=json.dumps(e.get("evidence"))) for e in events]
    pq.write_table(pa.Table.from_pylist(rows), path)
