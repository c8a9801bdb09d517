"""Build part: country names, nationality adjectives, capitals and cities (CountryInfo, NGEC).

Also the CAMEO-to-ISO table: CountryInfo gives each country's CAMEO code beside its ISO
alpha-3 code, and the actor dictionaries code in CAMEO's (Kosovo is KSV there, XKX in ISO).
"""

from __future__ import annotations

import csv
import functools
import sqlite3
from pathlib import Path

from dateline import countries

from .build import Report, source_files
from .countryinfo import read_countryinfo
from .names import key
from .tabari import Skip


def build(conn: sqlite3.Connection, source_dirs: list[Path], report: Report) -> None:
    conn.execute("CREATE TABLE places (key TEXT NOT NULL, country TEXT NOT NULL, kind TEXT NOT NULL, source TEXT)")
    conn.execute("CREATE TABLE cameo_countries (cameo TEXT PRIMARY KEY, iso TEXT NOT NULL)")
    for path in source_files(source_dirs, (".txt",)):
        if path.name.lower().startswith("countryinfo"):
            _countryinfo(conn, path, report)
    for path in source_files(source_dirs, (".csv",)):
        with open(path, encoding="utf-8", newline="") as fh:
            header = fh.readline()
        if header.strip().split(",")[:4] == ["CCA2", "Name", "CCA3", "Nationality"]:
            _ngec_countries(conn, path, report)
    conn.execute("CREATE INDEX places_key ON places (key)")


def _countryinfo(conn: sqlite3.Connection, path: Path, report: Report) -> None:
    n = 0
    cameo: dict[str, set[str]] = {}
    isos: set[str] = set()
    for block in read_countryinfo(path):
        if isinstance(block, Skip):
            continue  # people lines: the actors part reports them
        if not block.code or len(block.code) != 3:
            report.skip(Skip(str(path), block.line, "country block with no ISO alpha-3 code", block.name or ""))
            continue
        if block.code not in _iso_codes() and block.name:
            # CountryInfo predates some ISO codes (Kosovo is KSV there, XKX now): go by the name.
            renamed = countries.country_name(block.name.title())
            if renamed and renamed != block.code:
                cameo.setdefault(block.code, set()).add(renamed)
                block.code = renamed
        rows = [(block.name, "name")] if block.name else []
        rows += [(v, "nationality") for v in block.nationality]
        rows += [(v, "capital") for v in block.capitals] + [(v, "city") for v in block.cities]
        conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?)",
                         [(key(v), block.code, kind, path.name) for v, kind in rows if key(v)])
        isos.add(block.code)
        if block.cameo:
            cameo.setdefault(block.cameo, set()).add(block.code)
        n += len(rows)
    # A CAMEO code is renamed only where it is no ISO code itself and means one country (Jersey
    # shares GBR with the United Kingdom in CAMEO).
    conn.executemany("INSERT OR IGNORE INTO cameo_countries VALUES (?, ?)",
                     [(c, next(iter(v))) for c, v in cameo.items() if len(v) == 1 and c not in isos])
    report.add(path, n)


@functools.lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries)


def _ngec_countries(conn: sqlite3.Connection, path: Path, report: Report) -> None:
    n = 0
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code = (row.get("CCA3") or "").strip().upper()
            if len(code) != 3:
                report.skip(Skip(str(path), n + 2, "row with no alpha-3 code", row.get("Name") or ""))
                continue
            forms = [(row.get("Name") or "", "name")] + [
                (f.strip(), "nationality") for f in (row.get("Nationality") or "").split(",") if f.strip()
            ]
            conn.executemany("INSERT INTO places VALUES (?, ?, ?, ?)",
                             [(key(f), code, kind, path.name) for f, kind in forms if key(f)])
            n += len(forms)
    report.add(path, n)
