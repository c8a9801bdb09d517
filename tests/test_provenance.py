"""Nothing from the shared evaluation sets, corpora or seed reports is copied into the project: code,
tests, lexicons, training sentences and fixtures hold only text written for it.

A run of eight words in a row that also stands in an evaluation item, a corpus article or a seed
report is a copy, wherever it sits in the repository (a docstring, a test table, a training
sentence, a lexicon's comment); common phrases are shorter. The README shows the seeds run's real
output, as it must, so the seed reports' words may appear there and in the documentation, nowhere
else. (Whether a lexicon entry was written for an evaluation item no check can tell: a world
knowledge list names the World Bank whether or not an item does. The lexicons are curated by hand.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, SHARED

RUN = 8
_WORD = re.compile(r"[a-z0-9]+")
_SUFFIXES = {".py", ".tsv", ".txt", ".md", ".json", ".jsonl", ".html", ".css", ".js", ".toml", ".cfg"}
_LEARNED = {"sense_model.json"}  # weights over feature names, no text


def _runs(text: str) -> Iterator[int]:
    words = _WORD.findall(text.casefold().replace("\u2019", "'"))
    for i in range(len(words) - RUN + 1):
        yield hash(" ".join(words[i : i + RUN]))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        if len(value) > 30:
            yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key != "html":  # markup; its text is in the item's segments
                yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def _shared_runs(folder: str) -> set[int]:
    runs: set[int] = set()
    for path in sorted((SHARED / folder).glob("*")):
        if path.suffix == ".jsonl":  # the items (a folder's README describes them, and is no item)
            for line in path.open(encoding="utf-8"):
                try:
                    item = json.loads(line)
                except ValueError:
                    continue
                for text in _strings(item):
                    runs.update(_runs(text))
        elif folder == "seeds" and path.is_file():
            runs.update(_runs(path.read_text(encoding="utf-8", errors="ignore")))
    return runs


def _project_files() -> list[Path]:
    files = [ROOT / "README.md"]
    for folder in ("dateline", "tests", "examples", "docs", ".ci"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file() and p.suffix in _SUFFIXES]
    return [p for p in files if p.name not in _LEARNED and "__pycache__" not in p.parts]


def _copies(runs: set[int], files: list[Path]) -> list[str]:
    found = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            # a lexicon's names are separate entries: a run never joins two ("...|OSCE")
            parts = re.split(r"[\t|]", line) if path.suffix == ".tsv" else [line]
            if any(r in runs for part in parts for r in _runs(part)):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:90]}")
    return found


@pytest.mark.parametrize("folder", ["eval", "corpus", "seeds"])
def test_provenance_no_shared_text_in_the_repository(folder: str) -> None:
    if not (SHARED / folder).is_dir():
        pytest.skip(f"{SHARED / folder} is absent: nothing to compare the repository with")
    files = _project_files()
    if folder == "seeds":  # the README and the docs show the seeds run's real output
        files = [p for p in files if p.name != "README.md" and "docs" not in p.relative_to(ROOT).parts]
    copied = _copies(_shared_runs(folder), files)
    assert not copied, f"text of ../shared/{folder} copied into the repository:\n" + "\n".join(copied)
