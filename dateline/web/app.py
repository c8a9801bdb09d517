"""The ASGI app behind ``dateline serve``: pages, their JSON twins, errors, limits and headers.

Requests only read (a connection per thread, opened read-only), so ``dateline run`` can write
to the same store meanwhile. Only ``POST /api/articles`` writes, and only when the app was
created with ``allow_ingest``. Every failure a request can cause is a 4xx with a one-line
reason (JSON under ``/api``, an HTML page elsewhere); a store that is busy or being written by a
run is a 503 with ``retry-after``.

>>> from dateline.web.app import Settings
>>> Settings(db="news.db", host="0.0.0.0", allow_ingest=True).needs_token
True
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import plover
from . import api, pages
from .params import ApiError
from .queries import Reader
from ..store import StoreLocked
from .responses import JSONResponse, dumps
from .settings import LOCAL_HOSTS, Settings, host_name

HERE = Path(__file__).parent
MAX_BODY = 4 * 1024 * 1024  # bytes of a request body (one posted article)
MAX_QUERY = 4096  # bytes of a query string
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
        b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
log = logging.getLogger("dateline.web")


class Guard:
    """Pure ASGI middleware: refuses overlong query strings and bodies, adds security headers.

    A server bound to this machine answers only requests addressed to it by a local name: a page
    on another site whose name is made to point at 127.0.0.1 (DNS rebinding) sends its own name as
    ``Host`` and is refused."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY, max_query: int = MAX_QUERY, local: bool = False):
        self.app = app
        self.max_body = max_body
        self.max_query = max_query
        self.local = local

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        if self.local:
            host = dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1")
            if host_name(host) not in LOCAL_HOSTS:
                await _plain_error(send_with_headers, 421, "this server answers only to a local address")
                return
        if len(scope.get("query_string", b"")) > self.max_query:
            await _plain_error(
                send_with_headers, 414, f"the query string is longer than {self.max_query} bytes"
            )
            return
        length = dict(scope.get("headers", [])).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _plain_error(
                send_with_headers, 413, f"the request body is larger than {self.max_body} bytes"
            )
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.max_body:
                raise ApiError(413, f"the request body is larger than {self.max_body} bytes")
            return message

        await self.app(scope, counted, send_with_headers)


async def _plain_error(send: Send, status: int, message: str) -> None:
    body = dumps({"error": {"status": status, "message": message, "param": None}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


def templates_env() -> Environment:
    from . import present

    env = Environment(
        loader=FileSystemLoader(HERE / "templates"), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )
    env.globals.update(
        actor_href=present.actor_href,
        actor_codes=present.actor_codes,
        actor_key=present.actor_key,
        quad_of=plover.QUAD_OF,
        quad_class=present.QUAD_CLASS,
        safe_url=present.safe_url,
        snippet=present.snippet_markup,
        types=plover.TYPES,
        statuses=plover.STATUSES,
        quads=plover.QUADS,
    )
    return env


def create_app(settings: Settings) -> FastAPI:
    """The app over one store (which must exist and carry the read-side indexes)."""
    app = FastAPI(
        title="Dateline",
        summary="Merged political events, stories, actors and their evidence, from a Dateline store.",
        version=_version(),
        docs_url=None,
        redoc_url=None,  # their pages load scripts from the internet; /docs is our own
        default_response_class=JSONResponse,
    )
    app.state.settings = settings
    app.state.reader = Reader(settings.db)
    app.state.env = templates_env()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(Guard, local=settings.host in LOCAL_HOSTS)

    @app.exception_handler(ApiError)
    async def on_api_error(request: Request, exc: ApiError) -> Response:
        response = error_response(request, exc.status, exc.message, exc.param)
        if exc.status == 503:
            response.headers["retry-after"] = "1"
        return response

    @app.exception_handler(RequestValidationError)
    async def on_invalid(request: Request, exc: RequestValidationError) -> Response:
        param, message = _validation_message(exc.errors())
        return error_response(request, 400, message, param)

    @app.exception_handler(StarletteHTTPException)
    async def on_http(request: Request, exc: StarletteHTTPException) -> Response:
        message = f"no such page: {request.url.path}" if exc.status_code == 404 else str(exc.detail)
        return error_response(request, exc.status_code, message)

    @app.exception_handler(StoreLocked)
    async def on_locked(request: Request, exc: StoreLocked) -> Response:
        response = error_response(request, 503, "a dateline run is writing the store; post again when it ends")
        response.headers["retry-after"] = "30"
        return response

    @app.exception_handler(sqlite3.OperationalError)
    async def on_busy(request: Request, exc: sqlite3.OperationalError) -> Response:
        log.warning("store busy: %s", exc)
        response = error_response(request, 503, "the store is busy; try again in a moment")
        response.headers["retry-after"] = "1"
        return response

    return app


def error_response(request: Request, status: int, message: str, param: str | None = None) -> Response:
    """JSON for the API (and clients that ask for it), an HTML page for browsers."""
    accept = request.headers.get("accept", "")
    if (
        request.url.path.startswith("/api")
        or request.url.path == "/openapi.json"
        or ("application/json" in accept and "text/html" not in accept)
    ):
        return JSONResponse(
            {"error": {"status": status, "message": message, "param": param}}, status_code=status
        )
    html = request.app.state.env.get_template("error.html").render(
        status=status, message=message, request=request
    )
    return Response(html, status_code=status, media_type="text/html")


def _validation_message(errors: Any) -> tuple[str | None, str]:
    """The first validation error in words: ``limit: must be at most 200 (got 100000000)``."""
    if not errors:
        return None, "bad request"
    e = errors[0]
    loc = [str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body")]
    param = ".".join(loc) or None
    ctx = e.get("ctx") or {}
    got = e.get("input")
    kind = e.get("type", "")
    if kind == "less_than_equal":
        said = f"must be at most {ctx.get('le')}"
    elif kind == "greater_than_equal":
        said = f"must be at least {ctx.get('ge')}"
    elif kind in ("int_parsing", "int_from_float"):
        said = "must be a whole number"
    elif kind == "missing":
        said = "is required"
    else:
        said = e.get("msg", "is not valid")
    if got is not None and not isinstance(got, (dict, list)) and kind != "missing":
        said += f" (got {str(got)[:40]!r})" if isinstance(got, str) else f" (got {got})"
    return param, f"{param}: {said}" if param else said


def _version() -> str:
    from .. import __version__

    return __version__
