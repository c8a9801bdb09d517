"""``dateline eval actors-gsr FILE``: actors of PLOVER gold sentences, coded in their sentence
(see ``actors``; international bodies are IGO, as the gold writes them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dateline.evaluation.actors import report

__all__ = ["evaluate", "report"]


def evaluate(path: str | Path, out: str | Path | None = None) -> dict[str, Any]:
    from dateline.evaluation.actors import evaluate as evaluate_actors

    return evaluate_actors(path, out, task="actors-gsr")
