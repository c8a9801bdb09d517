"""The PLOVER 2021 event scheme Dateline codes into: its sixteen event types, filed under the
four quad categories of its manual, and the statuses an event mention can have."""

from __future__ import annotations

QUADS = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF = {t: quad for quad, types in QUADS.items() for t in types}
TYPES = tuple(t for types in QUADS.values() for t in types)
# what happened, what is planned, what might be, what did not happen
STATUSES = ("occurred", "planned", "hypothetical", "negated")
