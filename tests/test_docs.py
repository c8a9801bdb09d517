"""Every command and option the CLI offers is documented in the README."""

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
    assert option in README, f"dateline {name} {option} is not documented"
