"""Readers for the Wikidata officeholder tables (every-politician-scrapers exports).

Three shapes, told apart by their header:
- ``position,person,personID,start,end[,...]`` (cabinets/*.csv, world-holders21.csv): one term a
  row, ISO dates, an empty ``end`` for someone in office when the table was made;
- ``countryid,country,position,positionLabel,officeholder,officeholderLabel,start_year,end_year``
  (world-leaders.csv): heads of state and government, years only;
- ``person,name,country,countryLabel,position,positionLabel,start,psid`` (world-foreign.csv):
  foreign ministers with start dates only; a term ends when the next one of that country starts.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .codes import OPEN_END, parse_date
from .tabari import Skip


@dataclass(frozen=True)
class Term:
    person: str
    person_id: str | None
    position: str
    start: int
    end: int
    country_label: str | None
    line: int


def read_terms(path: Path) -> Iterator[Term | Skip]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields = set(reader.fieldnames or ())
        if {"position", "person", "start", "end"} <= fields:
            yield from _holders(path, reader)
        elif {"officeholderLabel", "positionLabel", "start_year"} <= fields:
            yield from _leaders(path, reader)
        elif {"name", "countryLabel", "positionLabel", "start"} <= fields:
            yield from _foreign(path, reader)
        else:
            yield Skip(str(path), 1, "not an officeholder table (unknown header)", ",".join(sorted(fields)))


def _holders(path: Path, reader: csv.DictReader) -> Iterator[Term | Skip]:
    for row in reader:
        line = reader.line_num
        person, position = (row.get("person") or "").strip(), (row.get("position") or "").strip()
        if not person or not position:
            yield Skip(str(path), line, "row with no person or position", str(row.get("position")))
            continue
        start = parse_date(row.get("start") or "") or 0
        end = parse_date(row.get("end") or "") or OPEN_END
        if not row.get("start") and not row.get("end"):
            yield Skip(str(path), line, "term with neither start nor end", person)
            continue
        yield Term(person, row.get("personID") or None, position, start, end, None, line)


def _leaders(path: Path, reader: csv.DictReader) -> Iterator[Term | Skip]:
    for row in reader:
        line = reader.line_num
        person = (row.get("officeholderLabel") or "").strip()
        if not person or not row.get("start_year"):
            yield Skip(str(path), line, "row with no officeholder or start year", person)
            continue
        start = parse_date(row["start_year"]) or 0
        end_year = (row.get("end_year") or "").strip()
        end = int(end_year) * 10000 + 1231 if end_year.isdigit() else OPEN_END
        yield Term(person, row.get("officeholder") or None, row.get("positionLabel") or "", start, end,
                   row.get("country") or None, line)


def _foreign(path: Path, reader: csv.DictReader) -> Iterator[Term | Skip]:
    rows: list[tuple[str, str, int, dict]] = []
    for row in reader:
        person = (row.get("name") or "").strip()
        start = parse_date(row.get("start") or "")
        if not person or not start:
            yield Skip(str(path), reader.line_num, "row with no person or start date", person)
            continue
        rows.append((row.get("countryLabel") or "", person, start, {**row, "_line": reader.line_num}))
    rows.sort(key=lambda r: (r[0], r[2]))
    for i, (country, person, start, row) in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) and rows[i + 1][0] == country else None
        end = nxt[2] if nxt else OPEN_END
        yield Term(person, row.get("person") or None, row.get("positionLabel") or "Foreign Minister", start, end,
                   country, row["_line"])
