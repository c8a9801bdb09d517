"""The README tells the truth: every command and option documented, its seeds timeline and corpus
figures what a run prints, and the package metadata builds without deprecation."""

from __future__ import annotations

import argparse

import pytest

from dateline.cli import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text()


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


@pytest.mark.parametrize("name", sorted(_subcommands()))
def test_docs_every_command_is_in_the_readme(name):
    assert f"dateline {name}" in README


@pytest.mark.parametrize(
    "name, option",
    [(n, o) for n, p in sorted(_subcommands().items()) for a in p._actions for o in a.option_strings
     if o.startswith("--") and o not in ("--help", "--db", "--format")],
)
def test_docs_every_option_is_in_the_readme(name, option):
    """In the command's own row of the commands table, not merely somewhere in the README; the
    query commands' shared ``--format``/``--json`` are told once above the table, and ``export``
    and ``events`` take ``timeline``'s filters, as their rows say."""
    rows = _rows(name) + (_rows("timeline") if name in ("export", "events") else [])
    assert rows, f"dateline {name} has no row in the README's commands table"
    shared = option == "--json" and "--format" in _subcommands()[name]._option_string_actions
    assert shared or any(option in row for row in rows), f"dateline {name} {option} is not in its README row"


def _rows(name: str) -> list[str]:
    return [line for line in README.splitlines()
            if line.startswith(f"| `dateline {name} ") or line.startswith(f"| `dateline {name}`")]


def _readme_block(heading: str) -> str:
    """The first fenced block after a heading of the README."""
    import re

    match = re.search(rf"## {re.escape(heading)}\n.*?```\n(.*?)```", README, re.S)
    assert match, f"no code block under '## {heading}' in README.md"
    return match.group(1)


def _without_time(text: str) -> str:
    import re

    return re.sub(r"\(\d+(?:\.\d+)?s\)", "(…s)", text)


def test_docs_readme_seeds_timeline_is_what_a_run_prints(seeds_dir, tmp_path, monkeypatch, capsys, shared_kb):
    """Byte for byte but the time taken, on a fresh store in an empty folder, with the knowledge base
    built from ../shared/kb (as the quick start runs it)."""
    from dateline.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATELINE_DB", raising=False)
    assert main(["run", str(seeds_dir)]) == 0
    printed = capsys.readouterr().out
    shown = _readme_block("What it prints")
    assert _without_time(printed) == _without_time(shown), (
        "The README's seeds timeline (the block under '## What it prints') is not what\n"
        "`dateline run ../shared/seeds` prints on a fresh store. If the change in understanding is\n"
        "intended, refresh the README: in an empty folder run `dateline run ../shared/seeds` (from the\n"
        "repository, `.venv/bin/dateline run ../shared/seeds --db DIR/seeds.db` with DIR outside it, and change\n"
        "the db name back to dateline.db) and paste its whole output into that block. This run printed:\n\n" + printed
    )


def test_docs_package_license_is_an_spdx_expression():
    """PEP 639: a license string (a table is deprecated, and refused by setuptools from 2027)."""
    tomllib = pytest.importorskip("tomllib")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text())
    assert meta["project"]["license"] == "Apache-2.0"
    [setuptools] = [r for r in meta["build-system"]["requires"] if r.startswith("setuptools")]
    assert int(setuptools.split(">=")[1].split(".")[0]) >= 77, "setuptools reads license strings from 77 on"


CORPUS_FIGURES = {  # how the README's corpus paragraph states each figure of `dateline stats`
    "stories": r"prints (\d[\d,]*) stories",
    "stories with more than one article": r"\((\d[\d,]*) with more than one article\)",
    "near-duplicate copies": r"(\d[\d,]*)\s+near-duplicate copies",
    "merged events": r"(\d[\d,]*)\s+merged events",
    "event mentions": r"out of (\d[\d,]*) mentions",
    "events confirmed by two or more independent sources": r"(\d[\d,]*) of them confirmed",
}


def test_docs_readme_corpus_figures_are_what_a_run_prints(tmp_path, shared_kb):
    """The corpus paragraph of the README against `dateline stats` after a whole-corpus run.

    A whole-corpus run takes minutes, so this runs only when DATELINE_CHECK_CORPUS=1 is set.
    """
    import os
    import re

    from dateline.pipeline import run
    from dateline.store import Store
    from dateline.views import corpus_stats

    from .conftest import shared_file

    if os.environ.get("DATELINE_CHECK_CORPUS") != "1":
        pytest.skip("a whole-corpus run takes minutes: set DATELINE_CHECK_CORPUS=1 to check the README figures")
    corpus = shared_file("corpus", "afp_xinhua.jsonl")
    with Store(tmp_path / "corpus.db") as store:
        run([str(corpus)], store)
        printed = corpus_stats(store)
    for name, pattern in CORPUS_FIGURES.items():
        match = re.search(pattern, README)
        assert match, f"README.md no longer states the corpus figure {name!r} (pattern {pattern})"
        assert int(match.group(1).replace(",", "")) == printed[name], (
            f"README says {match.group(1)} {name}; a run prints {printed[name]:,} "
            f"(`dateline stats` after `dateline run ../shared/corpus/afp_xinhua.jsonl`)")
