"""The HTML pages: server-rendered, no scripts, every page linked to its JSON twin."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.datastructures import URL

from . import resources
from .api import counts
from .params import Page, event_filter, text, words
from .present import Mark, analysis_marks, chart_svg, evidence_context, marked
from .queries import EventFilter, Reader

router = APIRouter(include_in_schema=False)


def _reader(request: Request) -> Reader:
    return request.app.state.reader


def render(request: Request, template: str, api: str | None, **context: Any) -> HTMLResponse:
    """A page; ``api`` is the URL of its JSON twin (shown in the header)."""
    env = request.app.state.env

    def with_params(**changes: Any) -> str:
        url = URL(str(request.url))
        kept = {
            k: v for k, v in url.include_query_params(**changes).query_params.items() if v not in ("", None)
        }
        return url.path + (
            "?" + "&".join(f"{quote(k)}={quote(str(v))}" for k, v in kept.items()) if kept else ""
        )

    html = env.get_template(template).render(request=request, api=api, with_params=with_params, **context)
    return HTMLResponse(html)


def _api_twin(request: Request, path: str) -> str:
    query = request.url.query
    return path + ("?" + query if query else "")


@router.get("/", response_class=HTMLResponse)
def timeline(
    request: Request,
    f: EventFilter = Depends(event_filter),
    page: Page = Depends(),
    order: str = Query("asc", pattern="^(asc|desc)$"),
) -> HTMLResponse:
    r = _reader(request)
    raw, total = resources.timeline(r, f, page, newest_first=order == "desc")
    events = [json.loads(x) for x in raw]
    chart = counts(r, f, "auto")

    def period_link(period: str) -> str:
        url = URL(str(request.url)).remove_query_params(["offset"])
        return str(
            url.include_query_params(since=period, until=period).path
            + "?"
            + url.include_query_params(since=period, until=period).query
        )

    return render(
        request,
        "timeline.html",
        _api_twin(request, "/api/events"),
        events=events,
        total=total,
        page=page,
        links=page.links(total, str(request.url)),
        f=f,
        order=order,
        chart=chart,
        chart_svg=chart_svg(chart, period_link),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, event_id: str) -> HTMLResponse:
    detail = resources.event_detail(_reader(request), event_id)
    e = detail["event"]
    groups = []
    for info in detail["article_info"]:
        text_ = detail["texts"].get(info["id"], "")
        spans = sorted(
            (int(ev.get("start") or 0), int(ev.get("end") or 0), ev.get("sentence"))
            for ev in e.get("evidence", [])
            if ev.get("article") == info["id"]
        )
        if not spans:
            continue
        windows: list[list[int]] = []
        for start, end, _ in spans:
            lo, hi = evidence_context(text_, start, end)
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = max(windows[-1][1], hi)
            else:
                windows.append([lo, hi])
        marks = [Mark(s, t, "evidence", f"evidence, sentence {n}") for s, t, n in spans]
        groups.append(
            {
                "info": info,
                "sentences": [n for _, _, n in spans],
                "windows": [
                    {
                        "html": marked(
                            text_[lo:hi],
                            [
                                Mark(m.start - lo, m.end - lo, m.cls, m.title)
                                for m in marks
                                if lo <= m.start and m.end <= hi
                            ],
                        ),
                        "cut_before": lo > 0,
                        "cut_after": hi < len(text_),
                    }
                    for lo, hi in windows
                ],
                "full": marked(text_, marks),
            }
        )
    return render(
        request,
        "event.html",
        f"/api/events/{quote(event_id)}",
        e=e,
        groups=groups,
        articles=detail["article_info"],
        more_articles=detail["more_articles"],
    )


@router.get("/stories", response_class=HTMLResponse)
def stories(request: Request, page: Page = Depends()) -> HTMLResponse:
    items, total = _reader(request).stories(page.limit, page.offset)
    return render(
        request,
        "stories.html",
        _api_twin(request, "/api/stories"),
        stories=items,
        total=total,
        page=page,
        links=page.links(total, str(request.url)),
    )


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story(request: Request, story_id: str) -> HTMLResponse:
    s = resources.story_detail(_reader(request), story_id)
    copies: dict[str, list[dict[str, Any]]] = {}
    for a in s["articles"]:
        if a["duplicate_of"]:
            copies.setdefault(a["duplicate_of"], []).append(a)
    originals = [
        a
        for a in s["articles"]
        if not a["duplicate_of"] or a["duplicate_of"] not in {x["id"] for x in s["articles"]}
    ]
    outlets = list(dict.fromkeys(a["source"] or "(no outlet)" for a in originals))
    days = list(dict.fromkeys(a["published"] or "undated" for a in originals))
    grid = {(a["published"] or "undated", a["source"] or "(no outlet)"): [] for a in originals}
    for a in originals:
        grid[(a["published"] or "undated", a["source"] or "(no outlet)")].append(a)
    return render(
        request,
        "story.html",
        f"/api/stories/{quote(story_id)}",
        s=s,
        outlets=outlets,
        days=days,
        grid=grid,
        copies=copies,
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, page: Page = Depends(), q: str | None = Query(None)) -> HTMLResponse:
    q = words("q", q)
    items, total = _reader(request).articles(page.limit, page.offset, q)
    return render(
        request,
        "articles.html",
        _api_twin(request, "/api/articles"),
        articles=items,
        total=total,
        page=page,
        links=page.links(total, str(request.url)),
        q=q,
    )


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str) -> HTMLResponse:
    detail = resources.article_detail(_reader(request), article_id)
    analysis = detail["analysis"]
    linked = _reader(request).known_actors(sorted({x.name for x in analysis.actors})) if analysis else set()
    body = marked(detail["article"]["text"], analysis_marks(analysis, linked) if analysis else [])
    return render(
        request,
        "article.html",
        f"/api/articles/{quote(article_id)}",
        a=detail["article"],
        analysis=analysis,
        body=body,
        events=detail["events"],
    )


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, page: Page = Depends(), q: str | None = Query(None)) -> HTMLResponse:
    q = text("q", q)
    items, total = _reader(request).actors(page.limit, page.offset, q)
    return render(
        request,
        "actors.html",
        _api_twin(request, "/api/actors"),
        actors=items,
        total=total,
        page=page,
        links=page.links(total, str(request.url)),
        q=q,
    )


@router.get("/actors/{key:path}", response_class=HTMLResponse)
def actor(request: Request, key: str, page: Page = Depends()) -> HTMLResponse:
    a = resources.actor_detail(_reader(request), key, page)
    return render(request, "actor.html", f"/api/actors/{quote(key, safe='')}", a=a, page=page)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str | None = Query(None)) -> HTMLResponse:
    q = words("q", q)
    found = resources.search(_reader(request), q, 20) if q else None
    return render(request, "search.html", _api_twin(request, "/api/search") if q else None, q=q, found=found)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The OpenAPI description as a page of our own (no script or stylesheet from elsewhere)."""
    spec = request.app.openapi()
    operations = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": op.get("parameters", []),
                }
            )
    return render(request, "docs.html", "/openapi.json", spec=spec, operations=operations)


@router.get("/favicon.ico")
def favicon() -> RedirectResponse:
    return RedirectResponse("/static/favicon.svg")
