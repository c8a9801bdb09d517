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


KB_SOURCES = SHARED / "kb"


@pytest.fixture(autouse=True, scope="session")
def _no_user_knowledge_base(tmp_path_factory: pytest.TempPathFactory):
    """Tests never read the user's own knowledge base: by default there is none (today's rules),
    and tests that need one build it themselves (``shared_kb``)."""
    from dateline import kb

    saved = {k: os.environ.get(k) for k in ("DATELINE_KB", "DATELINE_KB_WARNED")}
    os.environ["DATELINE_KB"] = str(tmp_path_factory.mktemp("no-kb") / "absent.sqlite")
    os.environ["DATELINE_KB_WARNED"] = "1"
    kb.use(None)
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    kb.use(None)


@pytest.fixture(scope="session")
def shared_kb_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The knowledge base built from ../shared/kb into a temporary file, once per session."""
    from dateline.kb import build_kb

    if not KB_SOURCES.exists():
        pytest.skip(f"knowledge-base sources not available at {KB_SOURCES} (set DATELINE_SHARED)")
    out = tmp_path_factory.mktemp("kb") / "kb.sqlite"
    build_kb([KB_SOURCES], out)
    return out


@pytest.fixture
def shared_kb(shared_kb_file: Path):
    """Use the shared knowledge base for one test, then go back to none."""
    from dateline import kb

    before = os.environ["DATELINE_KB"]
    kb.use(shared_kb_file)
    yield kb.get()
    os.environ["DATELINE_KB"] = before
    kb.use(None)
