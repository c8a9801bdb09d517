"""The event under assembly: one trigger, the clause that carries its tense, and the fields
each job fills in (arguments, status, date, figures) before ``find_events`` turns it into an
:class:`~dateline.model.Event`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from dateline.model import Actor, Timex

from .vocabulary import Entry


@dataclass
class Mention:
    """An event being assembled from one trigger."""

    entry: Entry
    trigger: Token
    clause: Token  # the verb whose clause carries tense, negation and arguments
    nominal: bool
    type: str
    mode: str | None
    source: list[Actor] = field(default_factory=list)
    target: list[Actor] = field(default_factory=list)
    status: str = "occurred"
    consumed: set[int] = field(default_factory=set)  # token indices that belong to this trigger
    timex: Timex | None = None
    # the event's own date, filled in by .dates: a calendar date with its precision, or an upper
    # bound ``before`` when the text only says it happened earlier than a day it names
    date: str | None = None
    date_precision: str | None = None
    before: str | None = None
    # "at their last meeting" ("earlier"), "at that meeting" ("that"): an event of its kind the article names
    refers: str | None = None
    figures: dict[str, int] = field(default_factory=dict)
    merged: list[Token] = field(default_factory=list)
    # The argument phrases as written, found even when they name no known actor ("a car bomb").
    source_tokens: list[Token] = field(default_factory=list)
    target_tokens: list[Token] = field(default_factory=list)
