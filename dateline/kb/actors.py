"""Build part: named actors with date-bounded country and sector codes.

Sources, each found by its format: TABARI ``.actors`` files (states, cities, leaders,
international organisations, companies, armed groups), CountryInfo's leaders and government
members, and the Wikidata officeholder tables (heads of state and government, foreign
ministers, cabinets). One entity per dictionary entry, or per Wikidata person id across
tables; every name of it is a key, and a person's surname is a *weak* key that the resolver
uses only when it is unambiguous or the context picks one bearer.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

from .build import Report, source_files
from .codes import NON_STATE, OPEN_END, OPEN_START, split_code
from .countryinfo import read_countryinfo
from .names import key, singulars
from .tabari import ActorEntry, Skip, read_actors
from .wikidata import Term, read_terms

SCHEMA = """
CREATE TABLE entities (id INTEGER PRIMARY KEY, label TEXT NOT NULL, kind TEXT NOT NULL, source TEXT);
CREATE TABLE names (key TEXT NOT NULL, entity INTEGER NOT NULL, weak INTEGER NOT NULL DEFAULT 0);
CREATE TABLE codes (entity INTEGER NOT NULL, country TEXT, sector TEXT, start INTEGER NOT NULL,
                    "end" INTEGER NOT NULL, dated INTEGER NOT NULL, role TEXT);
"""
PARTICLES = frozenset("al el bin ibn de da di du van von der le la dos das del".split())
LEADER_HEADS = frozenset(
    "president chairman chairperson chair speaker chief head director commander member deputy vice "
    "secretary secretary-general leader governor".split()
)
PERSON_SECTORS = ("GOV", "MIL", "LEG", "JUD", "COP", "SPY")


class _Writer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.next_id = 1
        self.names: list[tuple[str, int, int]] = []
        self.codes: list[tuple] = []

    def entity(self, label: str, kind: str, source: str) -> int:
        eid = self.next_id
        self.next_id += 1
        self.conn.execute("INSERT INTO entities VALUES (?, ?, ?, ?)", (eid, label, kind, source))
        return eid

    def name(self, eid: int, names: list[str], person: bool) -> None:
        seen = set()
        for name in names:
            k = key(name)
            if k and k not in seen:
                seen.add(k)
                # A person's one-word name ("Hussein", "Obama") is weak: many people bear it.
                self.names.append((k, eid, int(person and " " not in k)))
        if person:
            for surname in set().union(*(_surnames(key(n)) for n in names)) - seen:
                self.names.append((surname, eid, 1))

    def code(self, eid: int, country: str | None, sector: str | None, start: int, end: int, dated: bool,
             role: str | None = None) -> None:
        self.codes.append((eid, country, sector, start, end, int(dated), role))

    def flush(self) -> None:
        self.conn.executemany("INSERT INTO names VALUES (?, ?, ?)", self.names)
        self.conn.executemany("INSERT INTO codes VALUES (?, ?, ?, ?, ?, ?, ?)", self.codes)
        self.names, self.codes = [], []


def _surnames(k: str) -> set[str]:
    """ "bashar al assad" -> {"al assad", "assad"}: the family name, with and without its particle."""
    words = k.split()
    if len(words) < 2 or words[0] in ("mr", "mrs", "president", "minister"):
        return set()
    found = {words[-1]}
    if len(words) > 2 and words[-2] in PARTICLES:
        found.add(f"{words[-2]} {words[-1]}")
    return {f for f in found if len(f) > 2 and not f.isdigit()}


def build(conn: sqlite3.Connection, source_dirs: list[Path], report: Report) -> None:
    conn.executescript(SCHEMA)
    cameo = dict(conn.execute("SELECT cameo, iso FROM cameo_countries").fetchall())
    agents = dict(conn.execute("SELECT key, sector FROM agents").fetchall())
    w = _Writer(conn)
    for path in source_files(source_dirs):
        name = path.name.lower()
        if name.endswith((".actors", ".actors.txt")):
            _tabari(w, path, report, cameo)
        elif name.startswith("countryinfo") and name.endswith(".txt"):
            _countryinfo(w, path, report, cameo)
    w.flush()
    _wikidata(w, source_files(source_dirs, (".csv",)), report, agents, conn)
    w.flush()
    conn.execute("CREATE INDEX names_key ON names (key)")
    conn.execute("CREATE INDEX codes_entity ON codes (entity)")
    latest = conn.execute('SELECT max(max(start), max(CASE WHEN "end" < ? THEN "end" ELSE 0 END)) FROM codes',
                          (OPEN_END,)).fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('as_of', ?)", (str(latest or 0),))
    # Each source knows the world up to its own latest date: an open term beyond it is presumed.
    conn.execute("CREATE TABLE horizons (source TEXT PRIMARY KEY, horizon INTEGER NOT NULL)")
    conn.execute(
        'INSERT INTO horizons SELECT e.source, max(max(c.start), max(CASE WHEN c."end" < ? THEN c."end" ELSE 0 END)) '
        "FROM codes c JOIN entities e ON e.id = c.entity GROUP BY e.source", (OPEN_END,))


def _iso(country: str | None, cameo: dict[str, str]) -> str | None:
    return cameo.get(country, country) if country else None


def _label(name: str) -> str:
    words = name.split()
    if words and words[0].upper() == "THE" and len(words) > 1:
        words = words[1:]
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)


def _tabari(w: _Writer, path: Path, report: Report, cameo: dict[str, str]) -> None:
    n = 0
    for entry in read_actors(path):
        if isinstance(entry, Skip):
            report.skip(entry)
            continue
        n += _tabari_entry(w, entry, path, cameo)
    report.add(path, n)


def _tabari_entry(w: _Writer, entry: ActorEntry, path: Path, cameo: dict[str, str]) -> int:
    coded = [(split_code(c.code), c) for c in entry.codes]
    home = next((_iso(cs[0], cameo) for cs, _ in coded if cs[0]), None)
    dated = any(c.dated for _, c in coded)
    sectors = {cs[1] for cs, _ in coded}
    if dated or "ELI" in sectors:
        kind = "person"
    elif sectors == {None} and home and home not in NON_STATE:
        kind = "place"
    else:
        kind = "org"
    eid = w.entity(_label(entry.names[0]), kind, path.name)
    w.name(eid, entry.names, kind == "person")
    for (country, sector), c in coded:
        w.code(eid, _iso(country, cameo) or home, sector, c.start, c.end, c.dated)
    return 1


def _countryinfo(w: _Writer, path: Path, report: Report, cameo: dict[str, str]) -> None:
    n = 0
    for block in read_countryinfo(path):
        if isinstance(block, Skip):
            report.skip(block)
            continue
        for names, codes, role in block.people:
            if not names:
                continue
            eid = w.entity(_label(names[0]), "person", path.name)
            w.name(eid, names, True)
            for c in codes:
                country, sector = split_code(c.code)
                if country is None and len(c.code) == 3:
                    country, sector = None, c.code if c.code != "GOV" else "GOV"
                w.code(eid, _iso(country, cameo) or block.code, sector, c.start, c.end, c.dated, role)
            n += 1
    report.add(path, n)


# --- Wikidata officeholders ----------------------------------------------------------------

_SUFFIXES = re.compile(r"-(cabinet|ministers|government|council|federal-council|executive)$")


def _country_of_label(label: str) -> str | None:
    from dateline import countries

    label = re.sub(r"\s*\(.*\)$", "", label).strip()
    return countries.country_name(label) or countries.place_country(label.title()) or countries.demonym_country(label)


def _country_of_file(path: Path) -> str | None:
    stem = _SUFFIXES.sub("", path.stem.lower())
    stem = re.sub(r"^st-", "saint-", stem).replace("-", " ")
    return _country_of_label(stem) or _country_of_label(stem.title())


def position_sector(position: str, agents: dict[str, str]) -> str:
    """The sector of an office from its title: "Chief Justice" JUD, "President of the Senate"
    LEG, "Chief of the General Staff" MIL, a minister GOV; GOV when the words say nothing else.

    >>> position_sector("President of the Senate", {"senate": "LEG"})
    'LEG'
    """
    words = key(position).split()
    if "minister" in words or "ministry" in words or "ambassador" in words:
        return "GOV"
    head, tail = words, []
    if "of" in words:
        i = words.index("of")
        head, tail = words[:i], words[i + 1 :]
    if tail and head and head[-1] in LEADER_HEADS:
        found = _longest_agent(tail, agents)
        if found in PERSON_SECTORS:
            return found
    found = _longest_agent(words, agents)
    return found if found in PERSON_SECTORS else "GOV"


def _longest_agent(words: list[str], agents: dict[str, str]) -> str | None:
    for n in range(len(words), 0, -1):
        for i in range(len(words) - n, -1, -1):
            phrase = words[i : i + n]
            for last in singulars(phrase[-1]):
                found = agents.get(" ".join(phrase[:-1] + [last]))
                if found:
                    return found
    return None


def _wikidata(w: _Writer, paths: list[Path], report: Report, agents: dict[str, str], conn: sqlite3.Connection) -> None:
    tables: list[tuple[Path, list[Term]]] = []
    for path in paths:
        terms: list[Term] = []
        for item in read_terms(path):
            if isinstance(item, Skip):
                if "unknown header" not in item.reason:
                    report.skip(item)
                continue
            terms.append(item)
        if terms:
            tables.append((path, terms))
    # People whose country a table states (heads of state, foreign ministers) tell the country of
    # a cabinet file whose name does not.
    known: dict[str, str] = {}
    for _, terms in tables:
        for t in terms:
            if t.country_label and t.person_id:
                code = _country_of_label(t.country_label)
                if code:
                    known[t.person_id] = code
    orgs = _org_names(conn)
    people: dict[str, int] = {}
    for path, terms in tables:
        file_country = None
        if not any(t.country_label for t in terms):
            file_country = _country_of_file(path)
            votes = Counter(known[t.person_id] for t in terms if t.person_id in known)
            if file_country is None and votes:
                top, count = votes.most_common(1)[0]
                if count >= 3 and count >= 0.6 * sum(votes.values()):
                    file_country = top
        n = 0
        for t in terms:
            country = (_country_of_label(t.country_label) if t.country_label else None) or file_country
            sector = position_sector(t.position, agents)
            if country is None:
                country, org_sector = _position_org(t.position, orgs)
                sector = org_sector or sector
            if country is None:
                report.skip(Skip(str(path), t.line, "no country for this table or position", t.position))
                continue
            ident = t.person_id or f"{key(t.person)}|{country}"
            eid = people.get(ident)
            if eid is None:
                eid = people[ident] = w.entity(t.person, "person", path.name)
                w.name(eid, [t.person], True)
            w.code(eid, country, sector, t.start, t.end, True, t.position)
            n += 1
        report.add(path, n)


def _org_names(conn: sqlite3.Connection) -> dict[str, tuple[str | None, str | None]]:
    """Names of the organisations the actor dictionaries already hold, for "X of the United Nations"."""
    rows = conn.execute(
        "SELECT n.key, c.country, c.sector FROM names n JOIN entities e ON e.id = n.entity "
        "JOIN codes c ON c.entity = e.id WHERE e.kind = 'org' AND n.weak = 0"
    ).fetchall()
    return {k: (c, s) for k, c, s in rows if c}


def _position_org(position: str, orgs: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    words = key(position).split()
    if "of" not in words:
        return None, None
    tail = " ".join(words[words.index("of") + 1 :])
    if tail in orgs:
        country, _ = orgs[tail]
        return country, None
    code = _country_of_label(tail)
    return code, None
