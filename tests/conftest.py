"""Shared fixtures: paths to the shared evaluation data and seeds, and small stores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
EVAL = SHARED / "eval"
CORPUS = SHARED / "corpus"
EXAMPLES = ROOT / "examples"


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or skip the test with the reason when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (set DATELINE_SHARED to its folder)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.exists():
        pytest.skip(f"seed articles not available at {SEEDS}")
    return SEEDS


@pytest.fixture
def seed_000(seeds_dir: Path) -> Path:
    return next(seeds_dir.glob("000_*.txt"))


@pytest.fixture
def seed_003(seeds_dir: Path) -> Path:
    return next(seeds_dir.glob("003_*.txt"))
