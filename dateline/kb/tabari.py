"""Readers for the TABARI dictionary formats of PETRARCH2 and NGEC.

``.actors`` files: an entry line is a phrase (words joined by ``_``, a trailing ``_`` marks a
whole word) with optional ``[CODE]``; ``+`` lines are synonyms of the entry above; indented
``[CODE YYMMDD-YYMMDD]``, ``[CODE >YYMMDD]`` and ``[CODE <YYMMDD]`` lines give codes valid in a
period, a bare ``[CODE]`` after them the code outside it; ``#`` starts a comment. An entry with
no code of its own right under a coded one (no blank line between) is another name for it.

Agents files: ``PHRASE {PLURAL} [~CODE]`` lines, with ``!NAME! = A, B`` sets that a phrase
uses as ``FOREIGN_!MINIST!``.

Both readers yield what they read and, for each line they cannot use, a ``Skip`` with the
reason, so a build can say exactly what it left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .codes import OPEN_END, OPEN_START, is_code, parse_date


@dataclass(frozen=True)
class Skip:
    """A line a reader could not use."""

    path: str
    line: int
    reason: str
    text: str = ""


@dataclass(frozen=True)
class DatedCode:
    code: str
    start: int = OPEN_START
    end: int = OPEN_END
    dated: bool = False


@dataclass
class ActorEntry:
    """One dictionary entry: its names and its (possibly dated) codes."""

    names: list[str]
    codes: list[DatedCode] = field(default_factory=list)
    line: int = 0


_BRACKET = re.compile(r"\[([^\]]*)\]")


def read_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Lines without stray control bytes (the dictionaries carry a few Ctrl-Z and NUL)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    for number, line in enumerate(text.splitlines(), 1):
        yield number, line.replace("\x1a", "").replace("\x00", "")


def phrase(raw: str) -> str:
    """``MR._OBAMA_`` -> ``MR. OBAMA``: the words of a dictionary phrase."""
    return " ".join(raw.replace("_", " ").split())


def parse_code(body: str) -> DatedCode | str:
    """``USAGOV >090120`` -> a DatedCode, or the reason it is unreadable."""
    parts = body.replace(" - ", "-").split()
    if not parts or not is_code(parts[0]):
        return f"not an actor code: [{body}]"
    code = parts[0].upper()
    if len(parts) == 1:
        return DatedCode(code)
    when = "".join(parts[1:])
    if when.startswith(">"):
        start = parse_date(when[1:])
        return DatedCode(code, start, OPEN_END, True) if start else f"unreadable date in [{body}]"
    if when.startswith("<"):
        end = parse_date(when[1:])
        return DatedCode(code, OPEN_START, end, True) if end else f"unreadable date in [{body}]"
    if "-" in when:
        a, b = when.split("-", 1)
        start, end = parse_date(a), parse_date(b)
        if start and end:
            return DatedCode(code, start, end, True)
    return f"unreadable date in [{body}]"


def read_actors(path: Path) -> Iterator[ActorEntry | Skip]:
    """Entries of a TABARI ``.actors`` file, synonyms and dated codes attached."""
    current: ActorEntry | None = None
    previous: ActorEntry | None = None  # the coded entry right above, for code-less names
    adjacent = adjacent_before = bracketed = False

    def finish(entry: ActorEntry | None) -> Iterator[ActorEntry | Skip]:
        if entry is None:
            return
        if entry.codes:
            yield entry
        else:
            yield Skip(str(path), entry.line, "entry has no code", entry.names[0])

    for number, raw in read_lines(path):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            if raw.strip() == "":
                adjacent = False
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            if current is None:
                yield Skip(str(path), number, "synonym with no entry above it", stripped)
                continue
            for name in stripped.split("+"):
                name = _BRACKET.sub("", name).strip()
                if name:
                    current.names.append(phrase(name))
            for body in _BRACKET.findall(stripped):
                _add_code(current, body, path, number)
            continue
        if stripped.startswith("[") and (raw[:1] in ("\t", " ") or current is not None):
            if current is None:
                yield Skip(str(path), number, "code line with no entry above it", stripped)
                continue
            for body in _BRACKET.findall(stripped):
                bad = _add_code(current, body, path, number)
                if bad:
                    yield bad
            continue
        # a new entry
        if current is not None:
            if not current.codes and not bracketed and previous is not None and adjacent_before:
                current.codes = list(previous.codes)
            yield from finish(current)
            if current.codes:
                previous = current
        adjacent_before = adjacent
        name = phrase(_BRACKET.sub("", stripped).strip())
        if not name:
            yield Skip(str(path), number, "entry with no phrase", stripped)
            current = None
            continue
        current = ActorEntry([name], line=number)
        bracketed = bool(_BRACKET.findall(stripped))  # a bad code of its own: no inheriting
        for body in _BRACKET.findall(stripped):
            bad = _add_code(current, body, path, number)
            if bad:
                yield bad
        adjacent = True
    if current is not None:
        if not current.codes and not bracketed and previous is not None and adjacent_before:
            current.codes = list(previous.codes)
        yield from finish(current)


def _add_code(entry: ActorEntry, body: str, path: Path, number: int) -> Skip | None:
    parsed = parse_code(body)
    if isinstance(parsed, str):
        return Skip(str(path), number, parsed, body)
    entry.codes.append(parsed)
    return None


@dataclass(frozen=True)
class AgentEntry:
    phrase: str
    code: str
    line: int


_SET = re.compile(r"^!(\w+)!\s*=\s*(.+)$")


def read_agents(path: Path) -> Iterator[AgentEntry | Skip]:
    """Phrases of an agents file with their ``~CODE``, sets and plurals expanded."""
    sets: dict[str, list[str]] = {}
    for number, raw in read_lines(path):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        found = _SET.match(line)
        if found:
            sets[found.group(1).upper()] = [w.strip() for w in found.group(2).split(",") if w.strip()]
            continue
        codes = _BRACKET.findall(line)
        if not codes:
            yield Skip(str(path), number, "agent with no [~CODE]", line)
            continue
        code = codes[0].strip()
        if not code.startswith("~") or not is_code(code):
            yield Skip(str(path), number, f"not an agent code: [{code}]", line)
            continue
        body = _BRACKET.sub("", line)
        forms = [body.split("{", 1)[0]] + re.findall(r"\{([^}]*)\}", body)
        for form in forms:
            names = [n.upper() for n in re.findall(r"!(\w+)!", form)]
            missing = [n for n in names if n not in sets]
            if missing:
                yield Skip(str(path), number, f"undefined set !{missing[0]}!", line)
                break
            for expanded in _expand(form.strip(), sets):
                text = phrase(expanded)
                if text:
                    yield AgentEntry(text, code, number)


def _expand(form: str, sets: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!(\w+)!", form)
    if not found:
        return [form]
    out: list[str] = []
    for option in sets[found.group(1).upper()]:
        # CATTLE!PERSON! is CATTLEMAN, FOREIGN_!MINIST! is FOREIGN_MINISTER
        out += _expand(form[: found.start()] + option + form[found.end() :], sets)
    return out
