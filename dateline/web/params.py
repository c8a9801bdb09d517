"""Request parameters, checked once for the pages and their JSON twins alike.

A parameter that cannot be used is a 400 that names it and says what it must look like; a
record that does not exist is a 404. Empty values (what an HTML form sends for a field left
blank) mean "not given".
"""

from __future__ import annotations

import re

from fastapi import Query
from starlette.datastructures import URL

from ..dates import is_date_prefix
from ..plover import STATUSES, TYPES
from .queries import EventFilter

MAX_PAGE = 200  # the largest page any listing returns
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000
MAX_TEXT = 200  # characters of a free-text or name parameter


class ApiError(Exception):
    """A request the app answers with a 4xx and a one-line reason (JSON under /api, HTML elsewhere)."""

    def __init__(self, status: int, message: str, param: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param


def bad(param: str, message: str) -> ApiError:
    return ApiError(400, f"{param}: {message}", param)


def not_found(what: str, given: str) -> ApiError:
    return ApiError(404, f"no {what} with id {given!r}")


def _blank(value: str | None) -> str | None:
    return value.strip() if value and value.strip() else None


def date_prefix(param: str, value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, checked against the calendar.

    >>> date_prefix("since", "2025-05")
    '2025-05'
    >>> date_prefix("since", "2025-02-30")
    Traceback (most recent call last):
    ...
    dateline.web.params.ApiError: since: '2025-02-30' is not a date like 2025, 2025-05 or 2025-05-04
    """
    value = _blank(value)
    if value is None:
        return None
    if not is_date_prefix(value):
        raise bad(param, f"{value[:40]!r} is not a date like 2025, 2025-05 or 2025-05-04")
    return value


def choice(param: str, value: str | None, choices: tuple[str, ...], upper: bool = False) -> str | None:
    value = _blank(value)
    if value is None:
        return None
    value = value.upper() if upper else value.lower()
    if value not in choices:
        raise bad(param, f"{value[:40]!r} is not one of {', '.join(choices)}")
    return value


def country_code(param: str, value: str | None) -> str | None:
    """A three-letter code as given, or a country's name turned into its code ("Japan" is JPN)."""
    from ..countries import country_name

    value = _blank(value)
    if value is None:
        return None
    if re.fullmatch(r"[A-Za-z]{3}", value):
        return value.upper()
    code = country_name(value[:MAX_TEXT])
    if code is None:
        raise bad(
            param, f"{value[:40]!r} is neither a three-letter code like JPN or IGO nor a country's name"
        )
    return code


def at_least(param: str, value: str | None) -> int | None:
    """A count of one or more; 1 asks for nothing, so it is "not given".

    >>> at_least("min_sources", "2"), at_least("min_sources", "")
    (2, None)
    """
    value = _blank(value)
    if value is None:
        return None
    if not re.fullmatch(r"\d{1,6}", value) or int(value) < 1:
        raise bad(param, f"{value[:40]!r} is not a whole number of 1 or more")
    return int(value) if int(value) > 1 else None


def text(param: str, value: str | None) -> str | None:
    value = _blank(value)
    if value is not None and len(value) > MAX_TEXT:
        raise bad(param, f"at most {MAX_TEXT} characters")
    return value


def words(param: str, value: str | None) -> str | None:
    """Free text to look for: blank is not given, text with no word at all is a 400 (it would
    otherwise match everything)."""
    value = text(param, value)
    if value is not None and not re.search(r"\w", value):
        raise bad(param, f"{value[:40]!r} has no word to look for (letters or digits)")
    return value


# -- FastAPI dependencies: the same parameters, documented in the OpenAPI schema ---------------------


def event_filter(
    actor: str | None = Query(
        None, description="whole words of an actor's name, or a country code on either side"
    ),
    country: str | None = Query(
        None,
        description="country code (ISO alpha-3 or IGO, NGO, ...) or country name, of an actor or the location",
    ),
    type: str | None = Query(None, description="PLOVER event type: " + " ".join(TYPES)),
    status: str | None = Query(None, description="event status: " + ", ".join(STATUSES)),
    since: str | None = Query(None, description="first date: YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, description="last date: YYYY, YYYY-MM or YYYY-MM-DD"),
    q: str | None = Query(None, description="words of the evidence or the actors' names (full-text search)"),
    min_sources: str | None = Query(None, description="confirmed by at least this many independent sources"),
) -> EventFilter:
    f = EventFilter(
        actor=words("actor", actor),
        country=country_code("country", country),
        type=choice("type", type, TYPES, upper=True),
        status=choice("status", status, STATUSES),
        since=date_prefix("since", since),
        until=date_prefix("until", until),
        q=words("q", q),
        min_sources=at_least("min_sources", min_sources),
    )
    if f.since and f.until and f.since[: len(f.until)] > f.until:
        raise bad("until", f"{f.until} is before since {f.since}")
    return f


class Page:
    """Offset pagination with a ceiling on the page size."""

    def __init__(
        self,
        limit: int = Query(DEFAULT_PAGE, ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})"),
        offset: int = Query(0, ge=0, le=MAX_OFFSET, description="records to skip"),
    ):
        self.limit = limit
        self.offset = offset

    def links(self, total: int, url: str) -> dict[str, str | None]:
        """URLs of the next and previous pages (``url`` is the request's, with its other parameters)."""

        def at(offset: int) -> str:
            u = URL(url).include_query_params(offset=offset, limit=self.limit)
            return f"{u.path}?{u.query}"

        nxt = self.offset + self.limit
        return {
            "next": at(nxt) if nxt < total else None,
            "previous": at(max(self.offset - self.limit, 0)) if self.offset > 0 else None,
        }


def search_text(
    q: str | None = Query(None, description="words to find (all of them; a trailing * for a prefix)"),
) -> str:
    value = words("q", q)
    if not value:
        raise bad("q", "give words to search for")
    return value
