"""``dateline eval TASK FILE``: measure each stage on human-annotated data.

Each task lives in its own module exposing ``evaluate(path, out=None) -> dict`` that returns
``{"task", "n", ...metrics}`` and, when ``out`` is given, writes one prediction line per item
in the shapes described by the evaluation data's README. ``report(metrics)`` in the same module
(optional) returns a human-readable table.
"""

from __future__ import annotations

import importlib
from types import ModuleType

TASKS = ("extract", "actors", "actors-gsr", "time", "events", "events-coarse", "stories", "merge")
MODULES = {"events-coarse": "coarse"}  # a task whose module is not named after it


def task_module(task: str) -> ModuleType:
    if task not in TASKS:
        raise ValueError(f"unknown eval task {task!r}; choose one of: {', '.join(TASKS)}")
    return importlib.import_module(f"dateline.evaluation.{MODULES.get(task, task.replace('-', '_'))}")
