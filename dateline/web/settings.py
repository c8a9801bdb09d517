"""How the web app was started, and the guard on the one route that writes (ingest)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.requests import Request

from .params import ApiError

LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class Settings:
    """How the app was started: the store, where it listens, whether and how it ingests."""

    db: str
    host: str = "127.0.0.1"
    allow_ingest: bool = False
    token: str | None = None

    @property
    def needs_token(self) -> bool:
        """A token guards ingest whenever one is set, and always off localhost."""
        return self.allow_ingest and (self.token is not None or self.host not in LOCAL_HOSTS)


def host_name(host_header: str) -> str:
    """The name in a Host header, without its port: "127.0.0.1:8000" -> "127.0.0.1", "[::1]:80" -> "::1"."""
    host = host_header.strip().lower()
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def check_token(request: Request) -> None:
    """Ingest's guard: off unless allowed; never from another site's page (a browser posting on
    an analyst's behalf sends that site's ``Origin``); a bearer token when one is needed."""
    settings: Settings = request.app.state.settings
    if not settings.allow_ingest:
        raise ApiError(403, "ingest is off: start the server with `dateline serve --allow-ingest`")
    origin = request.headers.get("origin")
    same_site = origin is None or urlsplit(origin).netloc.lower() == request.headers.get("host", "").lower()
    if not same_site or request.headers.get("sec-fetch-site") in ("cross-site", "same-site"):
        raise ApiError(403, "ingest takes no posts from other sites' pages")
    if settings.needs_token:
        given = request.headers.get("authorization", "")
        scheme, _, value = given.partition(" ")
        if (
            scheme.lower() != "bearer"
            or not settings.token
            or not hmac.compare_digest(value.strip().encode("utf-8", "surrogateescape"), settings.token.encode())
        ):
            raise ApiError(401, "ingest needs the server's token: send `Authorization: Bearer TOKEN`")
