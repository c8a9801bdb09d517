"""A raw article as read, before cleaning, and the error of an input that yields none.

Its own module so that readers (``read``, ``html``) and the cleaner that turns documents into
articles share it without importing one another.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class UnreadableInput(Exception):
    """One input cannot be turned into text; the message is the reason shown to users."""


@dataclass
class Document:
    """A raw article as read, before cleaning."""

    text: str
    origin: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    dateline: str | None = None  # a dateline given apart from the text (corpus metadata)
    external_id: str | None = None
    warnings: list[str] = field(default_factory=list)  # read, but something is wrong with it (a cut page)
