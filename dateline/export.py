"""Write merged events with their provenance: JSON Lines, CSV, Parquet or PLOVER JSON."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any, TextIO

from .output import spreadsheet_safe

FORMATS = ("jsonl", "csv", "parquet", "plover")
CSV_FIELDS = ("id", "date", "date_precision", "before", "reported", "type", "mode", "status", "source_countries",
              "source_names", "target_countries", "target_names", "location", "location_country", "sources",
              "outlets", "articles",
              "evidence_text", "evidence_article", "evidence_start", "evidence_end", "status_history", "conflicts",
              "evidence", "source", "target", "figures", "story")


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
            writer.writerows({k: spreadsheet_safe(v) for k, v in flat(e).items()} for e in events)
        else:
            raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    finally:
        if path:
            out.close()
    return len(events)


def flat(e: dict[str, Any]) -> dict[str, Any]:
    """One CSV row: actor lists joined with ';', the first evidence sentence and its offsets, the
    story, and the whole record's nested parts (all evidence, status history, conflicts, whole
    actors, figures) as JSON columns."""
    ev = (e.get("evidence") or [{}])[0]
    loc = e.get("location") or {}
    return {
        "id": e["id"], "date": e.get("date"), "date_precision": e.get("date_precision"),
        "before": e.get("before"), "reported": e.get("reported"), "type": e["type"],
        "mode": e.get("mode"), "status": e["status"],
        "source_countries": ";".join(a.get("country") or "" for a in e.get("source", [])),
        "source_names": ";".join(a.get("name") or "" for a in e.get("source", [])),
        "target_countries": ";".join(a.get("country") or "" for a in e.get("target", [])),
        "target_names": ";".join(a.get("name") or "" for a in e.get("target", [])),
        "location": loc.get("name"), "location_country": loc.get("country"), "sources": e.get("sources"),
        "outlets": e.get("outlets"), "articles": ";".join(e.get("articles", [])), "evidence_text": ev.get("text"),
        "evidence_article": ev.get("article"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
        "status_history": json.dumps(e.get("status_history", []), ensure_ascii=False),
        "conflicts": json.dumps(e.get("conflicts", {}), ensure_ascii=False),
        "evidence": json.dumps(e.get("evidence", []), ensure_ascii=False),
        # every actor whole (roles and sectors too), and the figures the record carries (tolls, counts)
        "source": json.dumps(e.get("source", []), ensure_ascii=False),
        "target": json.dumps(e.get("target", []), ensure_ascii=False),
        "figures": json.dumps(e.get("figures", {}), ensure_ascii=False),
        "story": e.get("story"),
    }


def to_plover_record(e: dict[str, Any]) -> dict[str, Any]:
    """A merged event as a PLOVER event record.

    PLOVER has no future mode, so a planned meeting is coded AGREE (as its coders did);
    Dateline's own status and evidence are kept beside the PLOVER fields.
    """
    event_type = e["type"]
    if event_type == "CONSULT" and e.get("status") == "planned":
        event_type = "AGREE"
    source, target = e.get("source") or [], e.get("target") or []
    loc = e.get("location") or {}
    evidence = e.get("evidence") or [{}]
    return {
        "id": e["id"],
        "date": e.get("date"),
        # an undated event's upper bound, and the day it was first reported, beside PLOVER's date
        "before": e.get("before"),
        "reported": e.get("reported"),
        "event": event_type,
        "mode": e.get("mode") or "",
        "contexts": [],
        # PLOVER actors may be compound: every participant, joined in order, and the full list
        "actor": _joined(source, "name"),
        "actor_country": _joined(source, "country"),
        "actor_sector": _joined(source, "sector"),
        "recipient": _joined(target, "name"),
        "recipient_country": _joined(target, "country"),
        "recipient_sector": _joined(target, "sector"),
        "source": source,
        "target": target,
        "location": {"name": loc.get("name") or "", "country": loc.get("country") or ""},
        "text": evidence[0].get("text") or "",
        "source_count": e.get("sources"),
        "outlet_count": e.get("outlets"),
        "status": e.get("status"),
        "status_history": e.get("status_history", []),
        "conflicts": e.get("conflicts", {}),
        "articles": e.get("articles", []),
        "evidence": evidence,
    }


def _joined(actors: list[dict[str, Any]], key: str) -> str:
    return ";".join(dict.fromkeys(a.get(key) or "" for a in actors if a.get(key)))


def _parquet(events: list[dict[str, Any]], path: str) -> None:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise ExportError("parquet export needs pyarrow: pip install pyarrow") from None
    columns = {name: pa.string() for name in CSV_FIELDS}
    columns.update(sources=pa.int64(), outlets=pa.int64(), evidence_start=pa.int64(), evidence_end=pa.int64())
    rows = [flat(e) for e in events]
    schema = pa.schema(list(columns.items()))
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
