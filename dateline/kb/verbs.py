"""Build part: the CAMEO verb dictionary and the CAMEO to PLOVER table, as event patterns.

Two public formats are read from the source folders:

- a PETRARCH2 verb dictionary (``CAMEO*.txt`` holding ``---  NAME  [code]  ---`` blocks): ``&SET``
  synonym sets of ``+`` lines; blocks of synonymous verbs (irregular forms in ``{}``, an optional
  code of their own in ``[]``, multi-word verbs as ``+ASK_FOR``) followed by patterns
  ``- <subject words> * <object words> (PREP words) [code]`` where ``*`` is the verb, ``{A B}`` a
  noun phrase, ``(...)`` a prepositional phrase, ``$``/``+`` the source and target and ``&SET`` any
  member of a set;
- the PLOVER conversion table (``CAMEO2PLOVER*.txt``): ``CODE: EVENT, MODE, CONTEXT # text``.

Each pattern is stored with the PLOVER type and mode of its code (the most specific code the
table knows, 0234 -> 023 -> 02); codes the table leaves out (CAMEO 01 statements and 02
appeals) or marks ``dropped`` are kept as *no event*, so "killed in an accident" can still veto
the verb's default. The events stage matches these patterns on the dependency parse
(:func:`load` gives them back); nothing here knows about spaCy.

>>> import sqlite3, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "CAMEO.test.txt").write_text(
...     "&ARMS\\n+WEAPON\\n+TANK\\n\\n---  GIVE  [070]  ---\\nGIVE {GAVE GIVEN}\\n- * &ARMS [072]\\n")
>>> _ = (d / "CAMEO2PLOVER-test.txt").write_text("070: AID, , # Provide aid\\n072: AID, , military # arms\\n")
>>> conn = sqlite3.connect(":memory:")
>>> report = Report()
>>> build(conn, [d], report)
>>> lexicon = read(conn)
>>> verb = lexicon.verbs["give"][0]
>>> verb.type, [(p.type, p.objects) for p in verb.patterns]
('AID', [('AID', ((('weapon',), ('tank',)),))])
>>> lexicon.forms["gave"]
'give'
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .build import Report
from .tabari import Skip

TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
    "SANCTION MOBILIZE COERCE ASSAULT".split()
)
BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")  # "[110]---  ---" happens too
CODE = re.compile(r"\[([^\]]*)\]")
PLOVER_LINE = re.compile(r"^(\d{2,4})\s*:\s*(.*)$")
ARTICLES = frozenset({"a", "an", "the"})
PREPOSITIONS = frozenset(
    "about above across after against along alongside amid among around as at before behind "
    "below beside between beyond by despite during for from in inside into near of off on onto "
    "out outside over since through throughout to toward towards under until upon via with "
    "within without".split()
)


# A term is what one word of a pattern accepts: alternatives, each a tuple of words that must all
# appear ("predator drone"); words in their dictionary spelling, lower-cased. A synonym set is
# one shared term.
Term = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Pattern:
    """One compiled pattern: what must surround the verb, and what it codes."""

    subject: tuple[Term, ...]  # words of the subject phrase
    objects: tuple[Term, ...]  # words of the object phrase (or particles, adverbs)
    preps: tuple[tuple[str, tuple[Term, ...]], ...]  # (preposition, words of its object)
    source_prep: str | None  # "$" inside a prepositional phrase: the source is its object
    target_prep: str | None  # "+" inside a prepositional phrase: the target is its object
    code: str | None  # CAMEO code, None for the dictionary's "no event" (---)
    type: str | None  # PLOVER type; None: no event
    mode: str | None

    @property
    def specificity(self) -> int:
        return len(self.subject) + len(self.objects) + sum(1 + len(w) for _, w in self.preps)


@dataclass(frozen=True)
class Verb:
    """A verb of a block: its default code (its own, else the block's) and the block's patterns."""

    lemma: str
    particle: str | None  # second word of a multi-word verb ("ask for", "shoot down", "wage war")
    code: str | None
    type: str | None
    mode: str | None
    patterns: tuple[Pattern, ...]  # most specific first
    own: bool = False  # the code is the verb's own ("MURDER [190]"), not only its block's
    head: bool = False  # the verb names its block ("---  KILL  [190]  ---" for KILL)
    close: bool = False  # a synonym in a block named after a verb (SLAY under KILL)


@dataclass
class VerbLexicon:
    """The compiled dictionary: verbs by lemma, inflected forms, and the words patterns use."""

    verbs: dict[str, list[Verb]] = field(default_factory=dict)
    forms: dict[str, str] = field(default_factory=dict)  # irregular form -> lemma ("slain" -> "slay")
    words: frozenset[str] = frozenset()  # every word the patterns and sets use


# -- reading the sources --------------------------------------------------------------------


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line.replace("\x1a", "").replace("\x00", "")


def _strip_comment(line: str) -> str:
    """Without its ``#`` comment, or the legacy ``;`` one of TABARI dictionaries."""
    return line.split("#", 1)[0].split(";", 1)[0].rstrip()


def is_verb_dictionary(path: Path) -> bool:
    if not path.name.upper().startswith("CAMEO") or "PLOVER" in path.name.upper():
        return False
    return any(BLOCK.match(line) for _, line in zip(range(2000), (ln for _, ln in _lines(path))))


def is_plover_table(path: Path) -> bool:
    return "PLOVER" in path.name.upper() and path.name.upper().startswith("CAMEO")


def read_plover_table(path: Path, report: Report) -> dict[str, tuple[str | None, str | None]]:
    """CAMEO code -> (PLOVER type or None for dropped, mode)."""
    table: dict[str, tuple[str | None, str | None]] = {}
    for number, raw in _lines(path):
        line = _strip_comment(raw).strip()
        if not line or line.startswith("~"):
            continue
        m = PLOVER_LINE.match(line)
        if not m:
            report.skip(Skip(str(path), number, "not a CODE: EVENT, MODE, CONTEXT line", raw.strip()))
            continue
        code, rest = m.groups()
        fields = [f.strip() for f in rest.split(",")]
        event = fields[0].upper() if fields and fields[0] else ""
        if event.lower() == "dropped" or not event:
            table.setdefault(code, (None, None))
            continue
        if event not in TYPES:
            report.skip(Skip(str(path), number, f"unknown PLOVER event {event!r}", raw.strip()))
            continue
        mode = fields[1].strip().lower() if len(fields) > 1 and fields[1].strip() else None
        if mode is not None and ("_" in mode or " " in mode):
            mode = None  # a context written in the mode column ("pro_autocracy")
        table.setdefault(code, (event, mode))
    return table


def plover_of(code: str | None, table: dict[str, tuple[str | None, str | None]]) -> tuple[str | None, str | None]:
    """The PLOVER type and mode of a CAMEO code, by its most specific prefix the table knows."""
    if not code:
        return None, None
    for cut in range(len(code), 1, -1):
        if code[:cut] in table:
            return table[code[:cut]]
    return None, None


def _code(body: str) -> str | None | bool:
    """``[190]`` -> "190"; ``[---]`` -> None; ``[042:043]`` -> "042" (the source's act); False: unreadable."""
    parts = [p.strip() for p in body.split(":")]
    for p in parts:
        if p and p != "---":
            return p if p.isdigit() else False
    return None


def _word_forms(word: str) -> tuple[str, ...]:
    """A dictionary word lower-cased; a trailing ``_`` (whole word) dropped."""
    return tuple(w for w in word.lower().strip("_").split("_") if w)


Stored = Any  # a term as stored: "&SET" or a list of word lists
OWN, HEAD, CLOSE = 1, 2, 4


class _Reader:
    """One pass over a verb dictionary: sets, then blocks of verbs with their patterns."""

    def __init__(self, path: Path, plover: dict[str, tuple[str | None, str | None]], report: Report):
        self.path, self.plover, self.report = path, plover, report
        self.sets: dict[str, list[list[str]]] = {}
        self.blocks: list[tuple[list[tuple[str, str | None, str | None, int, int]], list[tuple[dict[str, Any], str | None, int]]]] = []
        self.forms: dict[str, str] = {}
        self.words: set[str] = set()

    def skip(self, number: int, reason: str, text: str) -> None:
        self.report.skip(Skip(str(self.path), number, reason, text.strip()))

    def read(self) -> None:
        current_set: str | None = None
        block_code: str | None = None
        block_name = ""
        in_blocks = False
        for number, raw in _lines(self.path):
            stripped = _strip_comment(raw).strip()
            if not stripped:
                if not raw.strip():
                    current_set = None  # a blank line ends a set; a comment line does not
                continue
            block = BLOCK.match(stripped)
            if block:
                in_blocks, current_set = True, None
                code = _code(block.group(2))
                block_code = code if isinstance(code, str) else None
                block_name = block.group(1).lower()
                self.blocks.append(([], []))
                continue
            if stripped.startswith("&") and not in_blocks:
                current_set = stripped.split()[0].upper().rstrip("_")
                self.sets[current_set] = []
                continue
            if stripped.startswith("+") and current_set is not None:
                member = _word_forms(stripped[1:].split()[0])
                if member:
                    self.sets[current_set].append(list(member))
                    self.words.update(member)
                continue
            if not in_blocks:
                self.skip(number, "outside a synonym set or verb block", raw)
                continue
            verbs, patterns = self.blocks[-1]
            if stripped.startswith("~"):
                self.skip(number, "transformation rule (not a verb or pattern)", raw)
                continue
            if stripped.startswith("-"):
                pattern = self._pattern(number, stripped[1:], raw)
                if pattern is not None:
                    patterns.append((*pattern, number))
                continue
            verb = self._verb(number, stripped, raw)
            if verb is not None:
                lemma, particle, own = verb
                flags = (own is not False) * OWN | (block_name.split("_")[0] == lemma) * HEAD
                verbs.append((lemma, particle, own if own is not False else block_code, flags, number))

    def _verb(self, number: int, text: str, raw: str) -> tuple[str, str | None, Any] | None:
        """``HURRY {HURRIES HURRIED} [070]`` or ``+ASK_FOR {...} [020]``: a verb of the block."""
        own: Any = False
        m = CODE.search(text)
        if m:
            own = _code(m.group(1))
            if own is False:
                self.skip(number, f"unreadable code [{m.group(1)}]", raw)
                return None
            text = text[: m.start()] + text[m.end() :]
        forms: list[str] = []
        brace = re.search(r"\{([^}]*)\}", text)
        if brace:
            forms = [f.strip("+").lower() for f in brace.group(1).split()]
            text = text[: brace.start()] + text[brace.end() :]
        head = text.strip().lstrip("+").split()
        if len(head) != 1:
            self.skip(number, "not one verb (words joined by _)", raw)
            return None
        words = _word_forms(head[0])
        if not words or not all(re.fullmatch(r"[a-z][a-z\-]*", w) for w in words):
            self.skip(number, "not a verb", raw)
            return None
        if len(words) > 2 or (len(words) == 2 and words[1] in ("and", "or")):
            self.skip(number, "phrase of more than a verb and its particle", raw)
            return None
        lemma, particle = words[0], (words[1] if len(words) > 1 else None)
        for form in forms:
            first = form.split("_")[0]
            if first and first != lemma:
                self.forms.setdefault(first, lemma)
        self.words.update(words)
        return lemma, particle, own

    def _term(self, token: str, number: int, raw: str) -> Stored | None:
        if token.startswith("&"):
            name = token.upper().rstrip("_")
            if name not in self.sets:
                self.skip(number, f"undefined synonym set {token}", raw)
                return None
            return name
        alternatives = [[w for w in _word_forms(alt) if w not in ARTICLES] for alt in token.split("/")]
        if not all(alt and all(re.fullmatch(r"[a-z][a-z'.\-]*", w) for w in alt) for alt in alternatives):
            if all(w in ARTICLES for w in _word_forms(token)):
                return []  # "a", "the": no constraint the parse can check
            self.skip(number, f"unreadable word {token!r}", raw)
            return None
        for alt in alternatives:
            self.words.update(alt)
        return alternatives

    def _pattern(self, number: int, body: str, raw: str) -> tuple[dict[str, Any], str | None] | None:
        m = CODE.search(body)
        if not m:
            self.skip(number, "pattern without a [code]", raw)
            return None
        code = _code(m.group(1))
        if code is False:
            self.skip(number, f"unreadable code [{m.group(1)}]", raw)
            return None
        text = body[: m.start()]
        if text.count("*") != 1:
            self.skip(number, "pattern without exactly one * (the verb)", raw)
            return None
        before, after = text.split("*")
        subject: list[Stored] = []
        for token in _tokens(before):
            if token in ("$", "+", "^", "%") or token.startswith("("):
                continue
            term = self._term(token, number, raw)
            if term is None:
                return None
            subject.append(term)
        objects: list[Stored] = []
        preps: list[list[Any]] = []
        source_prep = target_prep = None
        pending: str | None = None
        for token in _tokens(after):
            if token.startswith("("):
                inner = _tokens(token[1:-1])
                if not inner or inner[0].lower() not in PREPOSITIONS:
                    self.skip(number, "prepositional phrase without a preposition", raw)
                    return None
                prep, words = inner[0].lower(), []
                for w in inner[1:]:
                    if w == "$":
                        source_prep = prep
                    elif w == "+":
                        target_prep = prep
                    elif w not in ("^", "%"):
                        term = self._term(w, number, raw)
                        if term is None:
                            return None
                        words.append(term)
                preps.append([prep, words])
                pending = None
            elif token in ("$", "+"):
                if pending is not None and token == "$":
                    source_prep = pending
                elif pending is not None:
                    target_prep = pending
            elif token in ("^", "%"):
                continue
            elif token.lower() in PREPOSITIONS:
                preps.append([token.lower(), []])
                pending = token.lower()
            else:
                term = self._term(token, number, raw)
                if term is None:
                    return None
                (preps[-1][1] if pending is not None else objects).append(term)
        subject, objects = [t for t in subject if t != []], [t for t in objects if t != []]
        preps = [[p, [t for t in words if t != []]] for p, words in preps]
        data = {"subject": subject, "objects": objects, "preps": preps,
                "source_prep": source_prep, "target_prep": target_prep}  # fmt: skip
        return data, code


def _tokens(text: str) -> list[str]:
    """Pattern words, keeping ``{A B}`` and ``(PREP A B)`` together."""
    tokens: list[str] = []
    depth, current = 0, ""
    for ch in text:
        if ch in "({":
            if depth == 0 and current.strip():
                tokens += current.split()
                current = ""
            depth += 1
            current += ch
        elif ch in ")}":
            depth = max(0, depth - 1)
            current += ch
            if depth == 0:
                tokens.append(current.strip())
                current = ""
        elif ch.isspace() and depth == 0:
            if current.strip():
                tokens.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        tokens += current.split()
    # "{A B}" is a noun phrase: its words are terms of their own, in order.
    out: list[str] = []
    for t in tokens:
        if t.startswith("{") and t.endswith("}"):
            out += t[1:-1].split()
        else:
            out.append(t)
    return out


# -- the build part ------------------------------------------------------------------------


SCHEMA = """
CREATE TABLE verb_sets (name TEXT NOT NULL, member TEXT NOT NULL);
CREATE TABLE verb_verbs (block INTEGER NOT NULL, lemma TEXT NOT NULL, particle TEXT, code TEXT,
                         type TEXT, mode TEXT, flags INTEGER NOT NULL, source TEXT NOT NULL,
                         line INTEGER NOT NULL);
CREATE TABLE verb_patterns (block INTEGER NOT NULL, pattern TEXT NOT NULL, code TEXT, type TEXT,
                            mode TEXT, source TEXT NOT NULL, line INTEGER NOT NULL);
CREATE TABLE verb_forms (form TEXT PRIMARY KEY, lemma TEXT NOT NULL);
CREATE TABLE verb_words (word TEXT PRIMARY KEY);
"""


def _files(source_dirs: Sequence[Path]) -> list[Path]:
    found: list[Path] = []
    for root in source_dirs:
        root = Path(root)
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
        found += [p for p in files if p.suffix.lower() == ".txt"]
    return sorted(set(found))


def build(conn: sqlite3.Connection, source_dirs: Sequence[Path], report: Report) -> None:
    """Compile every verb dictionary under ``source_dirs`` with the PLOVER table found beside them."""
    files = _files(source_dirs)
    tables = [p for p in files if is_plover_table(p)]
    dictionaries = [p for p in files if not is_plover_table(p) and is_verb_dictionary(p)]
    if not dictionaries:
        return
    conn.executescript(SCHEMA)
    plover: dict[str, tuple[str | None, str | None]] = {}
    for path in tables:
        table = read_plover_table(path, report)
        for code, value in table.items():
            plover.setdefault(code, value)
        report.add(path, len(table))
    if not plover:
        report.skip(Skip(str(dictionaries[0]), 0, "no CAMEO to PLOVER table found: every pattern codes no event"))
    block = 0
    for path in dictionaries:
        reader = _Reader(path, plover, report)
        reader.read()
        prefix = f"{path.name}:"
        conn.executemany("INSERT INTO verb_sets VALUES (?, ?)",
                         [(prefix + name, json.dumps(m)) for name, members in reader.sets.items() for m in members])
        n = 0
        for verbs, patterns in reader.blocks:
            block += 1
            if any(flags & HEAD for *_, flags, _ in verbs):
                # A block named after one of its verbs ("KILL": kill, slay, murder) holds close
                # synonyms; one named for a class ("CONFLICT" for hit, match) does not.
                verbs = [(*v[:3], v[3] | CLOSE, v[4]) for v in verbs]
            conn.executemany(
                "INSERT INTO verb_verbs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(block, lemma, particle, code, *plover_of(code, plover), flags, path.name, line)
                 for lemma, particle, code, flags, line in verbs],
            )
            conn.executemany(
                "INSERT INTO verb_patterns VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(block, json.dumps(_qualified(data, prefix)), code, *plover_of(code, plover), path.name, line)
                 for data, code, line in patterns],
            )
            n += len(verbs) + len(patterns)
        conn.executemany("INSERT OR IGNORE INTO verb_forms VALUES (?, ?)", sorted(reader.forms.items()))
        conn.executemany("INSERT OR IGNORE INTO verb_words VALUES (?)", [(w,) for w in sorted(reader.words)])
        report.add(path, n)


def _qualified(data: dict[str, Any], prefix: str) -> dict[str, Any]:
    """Set names qualified by their file, so two dictionaries' sets of one name stay apart."""

    def q(term: Stored) -> Stored:
        return prefix + term if isinstance(term, str) else term

    return {**data, "subject": [q(t) for t in data["subject"]], "objects": [q(t) for t in data["objects"]],
            "preps": [[p, [q(t) for t in words]] for p, words in data["preps"]]}


def read(conn: sqlite3.Connection) -> VerbLexicon:
    """The compiled dictionary from a knowledge-base connection (empty when it has none)."""
    lexicon = VerbLexicon()
    try:
        set_rows = conn.execute("SELECT name, member FROM verb_sets ORDER BY rowid").fetchall()
    except sqlite3.OperationalError:
        return lexicon
    members: dict[str, list[tuple[str, ...]]] = {}
    for name, member in set_rows:
        members.setdefault(name, []).append(tuple(json.loads(member)))
    sets = {name: tuple(m) for name, m in members.items()}

    def term(t: Stored) -> Term:
        return sets.get(t, ()) if isinstance(t, str) else tuple(tuple(alt) for alt in t)

    by_block: dict[int, list[Pattern]] = {}
    for block, data, code, type_, mode in conn.execute(
        "SELECT block, pattern, code, type, mode FROM verb_patterns ORDER BY rowid"
    ):
        d = json.loads(data)
        by_block.setdefault(block, []).append(Pattern(
            tuple(term(t) for t in d["subject"]), tuple(term(t) for t in d["objects"]),
            tuple((p, tuple(term(t) for t in words)) for p, words in d["preps"]),
            d["source_prep"], d["target_prep"], code, type_, mode,
        ))  # fmt: skip
    # Most specific patterns first: the first that matches decides, the verb's own code last.
    shared = {b: tuple(sorted(ps, key=lambda p: -p.specificity)) for b, ps in by_block.items()}
    for block, lemma, particle, code, type_, mode, flags in conn.execute(
        "SELECT block, lemma, particle, code, type, mode, flags FROM verb_verbs ORDER BY rowid"
    ):
        verb = Verb(lemma, particle, code, type_, mode, shared.get(block, ()),
                    bool(flags & OWN), bool(flags & HEAD), bool(flags & CLOSE))
        lexicon.verbs.setdefault(lemma, []).append(verb)
    lexicon.forms = dict(conn.execute("SELECT form, lemma FROM verb_forms"))
    lexicon.words = frozenset(w for (w,) in conn.execute("SELECT word FROM verb_words"))
    return lexicon


def load(path: str | Path) -> VerbLexicon:
    """The compiled dictionary of the knowledge base at ``path``."""
    conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
    try:
        return read(conn)
    finally:
        conn.close()
