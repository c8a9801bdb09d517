"""Start the server: check the store, give it its read-side indexes, run uvicorn."""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..store import Store, StoreError
from .app import create_app
from .settings import LOCAL_HOSTS, Settings


class ServeError(Exception):
    """The server cannot start (no store, a port in use); the message says what to do."""


def prepare(db: str) -> None:
    """Open the store once for writing so it has every migration and read-side index; a file
    this process may not write is served as it is (if it already has them)."""
    if not Path(db).exists():
        raise ServeError(f"no database at {db}: run `dateline run PATH --db {db}` first")
    try:
        Store(db).close()
    except StoreError:
        pass  # read-only media or permissions: Reader says whether the indexes are there


def settings_for(
    db: str, host: str, allow_ingest: bool, token: str | None, say: Callable[[str], None]
) -> Settings:
    if allow_ingest and host not in LOCAL_HOSTS and not token:
        token = secrets.token_urlsafe(24)
        say(f"ingest token (send `Authorization: Bearer TOKEN` with POST /api/articles): {token}")
    return Settings(db=db, host=host, allow_ingest=allow_ingest, token=token)


SETTINGS_VAR = "DATELINE_SERVE_SETTINGS"


def app_from_env() -> Any:
    """The app of each worker process (``--workers N``), from the settings the parent set."""
    return create_app(Settings(**json.loads(os.environ[SETTINGS_VAR])))


def serve(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    allow_ingest: bool = False,
    token: str | None = None,
    say: Callable[[str], None] = print,
    workers: int = 1,
) -> None:
    import uvicorn

    prepare(db)
    settings = settings_for(db, host, allow_ingest, token, say)
    try:
        app = create_app(settings)
    except StoreError as exc:
        raise ServeError(str(exc)) from None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    counts = app.state.reader.counts()
    shown = f"[{host}]" if ":" in host else host
    say(
        f"Dateline on http://{shown}:{port}/ — {counts['articles']} articles, {counts['events']} events, "
        f"{counts['stories']} stories from {db} (read-only; ingest {'on' if allow_ingest else 'off'}); Ctrl-C stops"
    )
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": "warning",
        "access_log": False,
        "server_header": False,
    }
    if workers == 1:
        uvicorn.run(app, **options)
        return
    app.state.reader.close()
    os.environ[SETTINGS_VAR] = json.dumps(dataclasses.asdict(settings))
    uvicorn.run("dateline.web.serve:app_from_env", factory=True, workers=workers, **options)
