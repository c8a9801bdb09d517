"""The JSON API: one twin for every page, the same parameters, pages of at most ``MAX_PAGE``.

Listings answer ``{"items": [...], "total", "limit", "offset", "next", "previous"}`` where
``next`` and ``previous`` are the URLs of the neighbouring pages (null at either end). Events are
records of the output contract (``dateline events --format jsonl``), passed on as stored.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from . import resources
from .params import ApiError, Page, bad, event_filter, search_text, words
from .present import BUCKET_WIDTH, chart_data, choose_bucket, snippet_json
from .queries import EventFilter, Reader
from .responses import JSONResponse, RawJSONResponse, dumps
from .settings import check_token

router = APIRouter(prefix="/api")


def reader(request: Request) -> Reader:
    return request.app.state.reader


def _page_json(raw_items: list[str], total: int, page: Page, request: Request) -> Response:
    meta = dumps(
        {"total": total, "limit": page.limit, "offset": page.offset, **page.links(total, str(request.url))}
    )
    return RawJSONResponse('{"items":[' + ",".join(raw_items) + "]," + meta[1:])


def _page(items: list[Any], total: int, page: Page, request: Request) -> dict[str, Any]:
    return {
        "items": items,
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        **page.links(total, str(request.url)),
    }


@router.get("/events", summary="Merged events by date, filtered and paged")
def events(
    request: Request,
    f: EventFilter = Depends(event_filter),
    page: Page = Depends(),
    order: str = Query("asc", pattern="^(asc|desc)$", description="date order: asc (oldest first) or desc"),
) -> Response:
    raw, total = resources.timeline(reader(request), f, page, newest_first=order == "desc")
    return _page_json(raw, total, page, request)


@router.get("/events/counts", summary="Event counts by period and PLOVER quad class (the timeline's chart)")
def event_counts(
    request: Request,
    f: EventFilter = Depends(event_filter),
    bucket: str = Query(
        "auto", pattern="^(auto|year|month|day)$", description="period: auto, year, month or day"
    ),
) -> dict[str, Any]:
    return counts(reader(request), f, bucket)


def counts(r: Reader, f: EventFilter, bucket: str) -> dict[str, Any]:
    if bucket == "auto":
        bucket = choose_bucket(*r.date_span(f))
    rows, left = r.event_counts(f, BUCKET_WIDTH[bucket])
    return chart_data(rows, bucket, left)


@router.get("/events/{event_id}", summary="One merged event with its articles")
def event(request: Request, event_id: str) -> dict[str, Any]:
    detail = resources.event_detail(reader(request), event_id)
    return {**detail["event"], "article_info": detail["article_info"]}


@router.get("/stories", summary="Stories, latest first")
def stories(
    request: Request,
    page: Page = Depends(),
    order: str = Query("desc", pattern="^(asc|desc)$", description="by last article: desc or asc"),
) -> Any:
    items, total = reader(request).stories(page.limit, page.offset, newest_first=order == "desc")
    return _page(items, total, page, request)


@router.get("/stories/{story_id}", summary="One story: its articles, what each adds, its events")
def story(request: Request, story_id: str) -> dict[str, Any]:
    return resources.story_detail(reader(request), story_id)


@router.get("/articles", summary="Articles, newest first, or those whose title or text hold words")
def articles(
    request: Request,
    page: Page = Depends(),
    q: str | None = Query(None, max_length=200, description="words of the title or text"),
) -> Any:
    items, total = reader(request).articles(page.limit, page.offset, words("q", q))
    return _page(items, total, page, request)


@router.get("/articles/{article_id}", summary="One article: cleaned text, its analysis and its merged events")
def article(request: Request, article_id: str) -> dict[str, Any]:
    detail = resources.article_detail(reader(request), article_id)
    return {**detail["article"], "analysis": detail["analysis_json"], "events": detail["events"]}


@router.get("/actors", summary="Actors of merged events, most events first")
def actors(
    request: Request,
    page: Page = Depends(),
    q: str | None = Query(None, max_length=200, description="part of the name"),
) -> Any:
    items, total = reader(request).actors(page.limit, page.offset, q)
    from .present import actor_key

    for item in items:
        item["key"] = actor_key(item)
    return _page(items, total, page, request)


@router.get("/actors/{key:path}", summary="One actor (key COUNTRY.SECTOR.Name, '-' for a missing code)")
def actor(request: Request, key: str, page: Page = Depends()) -> dict[str, Any]:
    return resources.actor_detail(reader(request), key, page)


@router.get("/search", summary="Search articles, events and quotes")
def search(
    request: Request,
    q: str = Depends(search_text),
    limit: int = Query(10, ge=1, le=50, description="results of each kind (at most 50)"),
) -> dict[str, Any]:
    found = resources.search(reader(request), q, limit)
    for item in found["articles"]["items"]:
        item["snippet"] = snippet_json(item.pop("snippet"))
        item.pop("title_hit", None)
    for item in found["events"]["items"]:
        item["snippet"] = snippet_json(item["snippet"])
    for item in found["quotes"]["items"]:
        item["snippet"] = snippet_json(item["snippet"])
    return found


@router.post(
    "/articles",
    status_code=201,
    summary="Ingest one article (only with `dateline serve --allow-ingest`)",
    responses={403: {"description": "ingest is off"}, 401: {"description": "a token is needed"}},
)
async def ingest(request: Request) -> Response:
    """Body: JSON ``{"text", "title", "date", "source", "url", "dateline"}`` (only ``text`` is
    required), raw ``text/plain`` (optional ``key value`` header lines, as ``.txt`` files) or
    ``text/html``. Answers the stored article's id, its story and its merged events."""
    check_token(request)
    from .ingest import IngestBusy, IngestError, ingest_body

    body = await request.body()
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip().lower()
    settings = request.app.state.settings
    try:
        result = await ingest_body(settings.db, body, kind)
    except IngestError as exc:
        raise bad("body", str(exc)) from None
    except IngestBusy as exc:
        raise ApiError(503, str(exc)) from None
    r = reader(request)
    result["events"] = r.events_of_articles(result["articles"])
    return JSONResponse(result, status_code=201 if result["new"] else 200)
