"""JSON responses that carry no markup, whatever the untrusted article text inside them."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response


def dumps(obj: Any) -> str:
    """JSON with ``<``, ``>`` and ``&`` written as escapes, so no response carries markup even
    when a client mistakes it for HTML (the article text in it is untrusted)."""
    return safe_json(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def safe_json(text: str) -> str:
    # Inside JSON these characters occur only within strings, where the escapes mean the same.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return dumps(content).encode("utf-8")


class RawJSONResponse(Response):
    """A body already encoded as JSON (the stored events, passed on without parsing)."""

    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        return safe_json(content).encode("utf-8")
