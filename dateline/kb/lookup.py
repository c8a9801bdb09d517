"""The loaded knowledge base: names to actors with codes at a date, agents, places.

Everything is read into dictionaries once (well under a second for the public dictionaries),
so a lookup is a few dictionary probes. The object pickles as its path: a worker process
that receives it loads its own copy.
"""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from pathlib import Path

from .build import SCHEMA_VERSION, KBError
from .codes import NON_STATE
from .names import key, same_given_name, singulars


@dataclass(frozen=True)
class Code:
    country: str | None
    sector: str | None
    start: int
    end: int
    dated: bool
    role: str | None


# The "day" of a text that gives none but names a person's office ("President Chirac"): the latest
# office he held stands.
IN_OFFICE = 0


@dataclass(frozen=True)
class Resolution:
    """What the knowledge base says a name is on a day.

    ``current`` is False when the day falls outside every dated term of a person, who is then
    coded ELI (a former or not yet serving official) with the country of the nearest term.
    """

    label: str
    kind: str  # person, org, place
    country: str | None
    sector: str | None
    role: str | None = None
    current: bool = True
    presumed: bool = False  # current only because a source older than the day left the term open


def _same_person_name(words: list[str], other: list[str]) -> bool:
    """Whether two full names with one surname name one person: another spelling of the given name
    ("Aleksandr"/"Alexander Lukashenko"), or one name inside the other with an initial or a title
    more ("Deve Gowda" in "H. D. Deve Gowda", "Mujibur Rahman" in "Sheikh Mujibur Rahman")."""
    if len(other) >= 2 and _variant(words[0], other[0]):
        return True
    shorter, longer = sorted((words, other), key=len)
    if len(shorter) < 2:
        return False
    rest = iter(longer)
    return all(word in rest for word in shorter)


def _variant(given: str, other: str) -> bool:
    """Whether two given names are spellings of one ("Aleksandr", "Alexander"; "Sergei", "Sergey"),
    not merely names with the same initial ("Shamima", "Saida")."""
    if given == other or same_given_name(given, other):
        return True
    if given[:1] != other[:1] or min(len(given), len(other)) < 3:
        return False
    return SequenceMatcher(None, given, other).ratio() >= VARIANT_SIMILARITY


# "Mohammed"/"Muhammad" and "Yuri"/"Yury" score 0.75, "Nesrin"/"Nurdin" 0.67
VARIANT_SIMILARITY = 0.72
SURNAME_BEARERS = 2  # bearers of a surname, three quarters of one country, that say where it comes from
ATTESTED = 3  # records of a surname, three quarters of one country, that make it known without context


class KnowledgeBase:
    """A read-only knowledge base loaded from ``path``.

    >>> kb = KnowledgeBase.load("kb.sqlite")                        # doctest: +SKIP
    >>> kb.resolve("Kassym-Jomart Tokayev", "2005-01-01").role      # doctest: +SKIP
    'Minister of Foreign Affairs'
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        except sqlite3.Error as exc:
            raise KBError(f"{self.path} is not a Dateline knowledge base ({exc}); rebuild it with `dateline kb build`") from None
        if meta.get("schema") != str(SCHEMA_VERSION):
            raise KBError(f"{self.path} was built by another version of Dateline; rebuild it with `dateline kb build`")
        self.as_of = int(meta.get("as_of") or 0) or 99991231
        horizons = dict(conn.execute("SELECT source, horizon FROM horizons").fetchall())
        self.entities: dict[int, tuple[str, str, int]] = {
            i: (label, kind, horizons.get(source) or 99991231)
            for i, label, kind, source in conn.execute("SELECT id, label, kind, source FROM entities")
        }
        strong: dict[str, list[int]] = defaultdict(list)
        weak: dict[str, list[int]] = defaultdict(list)
        for k, eid, is_weak in conn.execute("SELECT key, entity, weak FROM names"):
            (weak if is_weak else strong)[k].append(eid)
        self.names = {k: tuple(v) for k, v in strong.items()}
        self.weak = {k: tuple(v) for k, v in weak.items() if k not in self.names}
        codes: dict[int, list[Code]] = defaultdict(list)
        for eid, country, sector, start, end, dated, role in conn.execute('SELECT entity, country, sector, start, "end", dated, role FROM codes'):
            codes[eid].append(Code(country, sector, start, end, bool(dated), role))
        self.codes = {k: tuple(v) for k, v in codes.items()}
        self.agents = dict(conn.execute("SELECT key, sector FROM agents"))
        places: dict[str, dict[str, str]] = defaultdict(dict)
        for k, country, kind in conn.execute("SELECT key, country, kind FROM places"):
            places[k].setdefault(country, kind)
        self.places = {k: v for k, v in places.items()}
        self.longest = max((len(k.split()) for k in self.names), default=1)
        conn.close()

    @classmethod
    def load(cls, path: str | Path) -> KnowledgeBase:
        return cls(path)

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (KnowledgeBase, (str(self.path),))

    # -- lookups ------------------------------------------------------------------------

    def resolve(self, name: str, date: int | None = None, countries: tuple[str, ...] = (),
                weak: bool = False) -> Resolution | None:
        """The actor a name is on ``date`` (YYYYMMDD; the knowledge base's own present when
        None; ``IN_OFFICE`` for a text with no day that names the person's office, who is then
        coded by the latest office he held, not as a former officeholder). A name several actors
        of different countries bear is ambiguous: ``countries`` named around it pick one, else
        there is no answer.

        ``weak`` also tries what is not a whole name the dictionaries give: a bare surname, or a
        full name whose given name is another spelling of a bearer's ("Aleksandr Lukashenko").
        Such a guess needs the context to support it (the bearer holds an office that day, or is
        of a country named around the name), else it stays unanswered: a surname alone says
        little, and "Shamima Begum" is not a Norwegian state secretary called Saida Begum."""
        k = key(name)
        ids = self.names.get(k)
        if ids:
            return self._choose(ids, self.as_of if date is None else date, countries)
        if not weak:
            return None
        ids = self.weak.get(k)
        if not ids and " " in k:
            surname = k.split()[-1]
            bearers = self.weak.get(surname, ())
            words = k.split()
            ids = tuple(i for i in bearers if _same_person_name(words, key(self.entities[i][0]).split()))
        if not ids:
            return None
        found = self._choose(ids, self.as_of if date is None else date, countries)
        if found is None or found.country in countries:
            return found
        share = self._share(ids, found.country)
        if (found.current and share >= 0.5) or (len(ids) >= ATTESTED and share >= 0.75):
            return found
        return None

    def _share(self, ids: tuple[int, ...], country: str | None) -> float:
        """The part of a name's records that are of ``country``: "Merkel" is all German, "Lee"
        mostly not of Hong Kong, whose one official of the name is in office."""
        of = [i for i in ids if any(c.country == country for c in self.codes.get(i, ()))]
        return len(of) / len(ids)

    def _choose(self, ids: tuple[int, ...], date: int, countries: tuple[str, ...]) -> Resolution | None:
        found = [r for r in (self._at(i, date) for i in ids) if r is not None]
        if not found:
            return None

        def rank(r: Resolution) -> int:
            """In office that day for sure; presumed in office; out of office for sure; presumed out."""
            return (2 if r.presumed else 3) if r.current else (0 if r.presumed else 1)

        best = max(rank(r) for r in found)
        top = [r for r in found if rank(r) == best]
        if len({r.country for r in top}) > 1:
            top = self._disambiguate(top, found, countries, former=best <= 1)
            if not top:
                return None
        chosen = max(top, key=lambda r: (r.kind == "person", r.sector is not None, r.sector != "ELI", r.role is not None))
        cased = [r.label for r in found if r.country == chosen.country and not r.label.isupper()]
        if cased and chosen.label != cased[0]:
            chosen = replace(chosen, label=cased[0])  # "Tony Blair" rather than a dictionary's "TONY BLAIR"
        return chosen

    @staticmethod
    def _disambiguate(top: list[Resolution], found: list[Resolution], countries: tuple[str, ...],
                      former: bool) -> list[Resolution]:
        """Bearers of one name in several countries: the country named around the name; for a
        former official, a state before an international body he served; else a country that
        holds three quarters of the bearers; else nobody."""
        picked = [r for r in top if r.country in countries]
        if picked:
            return picked
        if former:
            states = [r for r in top if r.country not in NON_STATE]
            if states and len({r.country for r in states}) == 1:
                return states
        votes = Counter(r.country for r in found)
        country, n = votes.most_common(1)[0]
        if n >= 2 and n >= 0.75 * len(found):
            return [r for r in top if r.country == country] or [r for r in found if r.country == country]
        return []

    def _at(self, eid: int, date: int) -> Resolution | None:
        label, kind, horizon = self.entities[eid]
        codes = self.codes.get(eid, ())
        if date == IN_OFFICE:
            held = [c for c in codes if c.dated and c.sector not in (None, "ELI")]
            if held:
                last = max(held, key=lambda c: (c.end, c.start))
                return Resolution(label, kind, last.country, last.sector, last.role, True)
            date = self.as_of
        now = [c for c in codes if c.dated and c.start <= date <= c.end]
        if now:
            # one holding offices of two countries at once (France's president is also a co-prince of
            # Andorra) belongs to the country most of his record is about
            weight = Counter(c.country for c in codes)
            best = max(now, key=lambda c: (c.sector not in (None, "ELI"), weight[c.country], c.start))
            presumed = all(c.end == 99991231 for c in now) and date > horizon
            return Resolution(label, kind, best.country, best.sector, best.role, best.sector != "ELI", presumed)
        plain = [c for c in codes if not c.dated]
        if plain:
            best = next((c for c in plain if c.sector), plain[0])
            current = kind != "person" or best.sector != "ELI"
            if kind == "person" and best.sector is None and any(c.dated for c in codes):
                return Resolution(label, kind, best.country, "ELI", best.role, False)
            return Resolution(label, kind, best.country, best.sector, best.role, current)
        dated = [c for c in codes if c.dated]
        if not dated:
            return None
        nearest = min(dated, key=lambda c: min(abs(date - c.start), abs(date - c.end)))
        # Out of office as far as the source knows; past its horizon that is only presumed.
        return Resolution(label, kind, nearest.country, "ELI", nearest.role, False, date > horizon)

    def surname_country(self, name: str) -> str | None:
        """The country that three quarters of the dictionaries' bearers of a person's surname
        serve, at least two of them ("Ozawa" is Japanese): where a name comes from, not who its
        bearer is. It holds only as far as the article supports it (its own country), so the
        caller asks for one country and takes no office from the bearers."""
        words = key(name).split()
        if len(words) < 2:
            return None
        # "Ichiro Ozawa"; "Chung Tae-soo" gives its surname first, before a hyphened given name
        for surname in (words[-1], words[0]) if "-" in words[-1] else (words[-1],):
            ids = [i for i in self.names.get(surname, ()) + self.weak.get(surname, ())
                   if self.entities[i][1] == "person"]
            if not ids:
                continue
            votes = Counter(c for i in ids for c in {code.country for code in self.codes.get(i, ())} if c)
            if not votes:
                return None
            country, n = votes.most_common(1)[0]
            if n >= SURNAME_BEARERS and n >= 0.75 * len(ids) and country not in NON_STATE:
                return country
            return None
        return None

    def is_person_name(self, name: str) -> bool:
        """Whether some person of the dictionaries bears this name or surname, whoever he is
        ("Bush" is a person's name as well as a place's; "Aleppo" only a place's)."""
        k = key(name)
        return any(self.entities[i][1] == "person" for i in self.names.get(k, ()) + self.weak.get(k, ()))

    def is_full_person_name(self, name: str) -> bool:
        """Whether the dictionaries give this whole name (not a surname) to a person."""
        return any(self.entities[i][1] == "person" for i in self.names.get(key(name), ()))

    def agent(self, phrase: str) -> str | None:
        """The sector of a generic agent noun phrase ("riot police" COP, "Kurdish fighters" by its
        head), trying singular forms of the last word; NON or JNK for words that are not actors."""
        words = key(phrase).split()
        if not words:
            return None
        for last in singulars(words[-1]):
            found = self.agents.get(" ".join(words[:-1] + [last]))
            if found:
                return found
        return None

    def place(self, name: str) -> str | None:
        """The country a country name, nationality adjective, capital or city belongs to, if only one."""
        found = self.places.get(key(name))
        if found and len(found) == 1:
            return next(iter(found))
        return None

    def is_non_state(self, code: str | None) -> bool:
        return code in NON_STATE
