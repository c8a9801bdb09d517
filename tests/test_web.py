"""The web app in-process (httpx over ASGI) on a store built by real runs: the seeds, the
examples and a hostile article whose title and text carry markup and event handlers."""

from __future__ import annotations

import asyncio
import json
import re
import sqlite3
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from dateline import views
from dateline.pipeline import run
from dateline.store import Store
from dateline.web.app import Settings, create_app
from dateline.web.params import MAX_PAGE

from .conftest import EXAMPLES, SEEDS

HOSTILE_TITLE = 'Talks <script>alert("title")</script> <img src=x onerror="alert(1)">'
HOSTILE_BODY = (
    "President Emmanuel Macron of France <script>alert('body')</script> met German Chancellor Olaf Scholz "
    'in Paris on Tuesday for talks on defence <b onmouseover="alert(2)">cooperation</b>.\n\n'
    'Macron said <a href="javascript:alert(3)" onclick="alert(4)">the two countries</a> would sign a pact.\n'
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEEDS.exists():
        pytest.skip(f"seed articles not available at {SEEDS}")
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(
        json.dumps(
            {
                "text": HOSTILE_BODY,
                "title": HOSTILE_TITLE,
                "date": "2025-03-04",
                "source": "<i onmouseover=alert(5)>Wire</i>",
                "url": "javascript:alert(6)",
            }
        )
        + "\n"
    )
    path = folder / "web.db"
    with Store(path) as store:
        stats = run([str(SEEDS), str(EXAMPLES), str(hostile)], store)
    assert not stats.skipped
    return path


@pytest.fixture(scope="module")
def app(db: Path):
    return create_app(Settings(db=str(db)))


def get(app, url: str, **kw) -> httpx.Response:
    return asyncio.run(_request(app, "GET", url, **kw))


def post(app, url: str, **kw) -> httpx.Response:
    return asyncio.run(_request(app, "POST", url, **kw))


async def _request(app, method: str, url: str, base: str = "http://127.0.0.1:8000", **kw) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=base) as client:
        return await client.request(method, url, **kw)


def _contract_events(db: Path) -> list[dict]:
    with Store(db, readonly=True) as store:
        return store.events()


# -- the seeds, served ------------------------------------------------------------------------


def test_web_api_lists_the_merged_japan_india_meeting(app):
    r = get(app, "/api/events", params={"country": "JPN", "type": "CONSULT", "limit": MAX_PAGE})
    assert r.status_code == 200
    meetings = [e for e in r.json()["items"] if e["date"] == "2025-05-05"]
    assert len(meetings) == 1
    meeting = meetings[0]
    countries = {a["country"] for a in meeting["source"] + meeting["target"]}
    assert {"IND", "JPN"} <= countries
    assert meeting["sources"] == 2 and len(meeting["articles"]) == 2
    assert [h["status"] for h in meeting["status_history"]] == ["planned", "occurred"]


def test_web_event_page_shows_both_sources_and_marks_the_evidence(app):
    meeting = next(
        e
        for e in get(app, "/api/events", params={"country": "JPN", "type": "CONSULT"}).json()["items"]
        if e["date"] == "2025-05-05"
    )
    r = get(app, f"/events/{meeting['id']}")
    assert r.status_code == 200
    for article in meeting["articles"]:
        assert f'href="/articles/{article}"' in r.text
    marks = re.findall(r'<mark class="evidence"[^>]*>(.*?)</mark>', r.text, re.S)
    assert any("hosted his Japanese counterpart" in m for m in marks)
    api = get(app, f"/api/events/{meeting['id']}").json()
    assert {a["id"] for a in api["article_info"]} == set(meeting["articles"])


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"country": "JPN"},
        {"country": "Japan"},
        {"actor": "Singh"},
        {"actor": "rajnath singh"},
        {"actor": "IND"},
        {"type": "consult"},
        {"status": "planned"},
        {"since": "2025"},
        {"since": "2025-05-05"},
        {"until": "2024-12"},
        {"since": "2024-11", "until": "2025-04", "country": "IND"},
        {"actor": "Nakatani", "type": "CONSULT", "since": "2025-05"},
        {"until": "2025-06"},
        {"until": "2025-05-04"},
        {"min_sources": 2},
        {"min_sources": 2, "status": "occurred", "country": "IND"},
    ],
)
def test_web_api_filters_as_the_timeline_command_does(app, db, params):
    """SQL filters and the CLI's Python filters agree on every store event."""
    cli_args = {"actor": None, "country": None, "type": None, "since": None, "until": None, "status": None,
                "min_sources": None}
    cli_args |= {k: v for k, v in params.items() if k in cli_args}
    if cli_args["country"] == "Japan":
        cli_args["country"] = "JPN"
    expected = views.timeline_rows(views.filter_events(_contract_events(db), **cli_args))
    if "min_sources" in params:
        assert 0 < len(expected) < len(_contract_events(db)), "the filter keeps some events, not all"
    r = get(app, "/api/events", params={**params, "limit": MAX_PAGE})
    assert r.status_code == 200
    assert [e["id"] for e in r.json()["items"]] == [e["id"] for e in expected]
    assert r.json()["total"] == len(expected)


def test_web_timeline_form_narrows_to_corroborated_events(app, db):
    """The timeline page's "Sources" choice is the API's ``min_sources``; a blank one is no filter."""
    corroborated = get(app, "/api/events", params={"min_sources": 2, "limit": MAX_PAGE}).json()
    page = get(app, "/", params={"min_sources": "2", "limit": MAX_PAGE}).text
    assert '<option value="2" selected>' in page
    assert page.count('<li class="event">') == corroborated["total"] > 0
    blank = get(app, "/", params={"min_sources": "", "limit": MAX_PAGE}).text
    assert blank.count('<li class="event">') == get(app, "/api/events", params={"limit": MAX_PAGE}).json()["total"]


def test_web_api_pages_cover_every_event_once(app, db):
    seen, url = [], "/api/events?limit=7"
    while url:
        page = get(app, url).json()
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
    assert seen == [e["id"] for e in views.timeline_rows(_contract_events(db))]
    assert get(app, "/api/events", params={"order": "desc", "limit": 3}).json()["items"][0]["id"] == seen[-1]


def test_web_chart_counts_add_up_to_the_events_it_can_place(app, db):
    counts = get(app, "/api/events/counts", params={"bucket": "month"}).json()
    counted = sum(n for p in counts["periods"] for n in p["counts"].values())
    events = _contract_events(db)
    assert counted == sum(1 for e in events if e["date"] and len(e["date"]) >= 7)
    assert counted + counts["not_counted"] == len(events)
    assert "<svg" in get(app, "/").text


def test_web_search_finds_articles_events_and_quotes(app):
    found = get(app, "/api/search", params={"q": "Pahalgam"}).json()
    assert found["articles"]["total"] == 2
    assert found["events"]["total"] >= 1
    hit = found["articles"]["items"][0]["snippet"]
    assert all(hit["text"][a:b].lower() == "pahalgam" for a, b in hit["hits"])
    quotes = get(app, "/api/search", params={"q": "solidarity"}).json()["quotes"]
    assert quotes["total"] >= 1 and quotes["items"][0]["speaker"] == "Rajnath Singh"


def test_web_story_and_actor_pages(app):
    stories = get(app, "/api/stories").json()["items"]
    seeds_story = next(s for s in stories if len(s["articles"]) == 2)
    story = get(app, f"/api/stories/{seeds_story['id']}").json()
    assert [a["id"] for a in story["articles"]] == seeds_story["articles"]
    assert any(a["adds"] for a in story["articles"])
    assert any(e["type"] == "CONSULT" for e in story["events"])
    actors = get(app, "/api/actors", params={"q": "Rajnath"}).json()["items"]
    singh = get(app, f"/api/actors/{actors[0]['key']}").json()
    assert singh["country"] == "IND" and singh["sector"] == "GOV"
    assert {"Gen Nakatani"} <= {a["name"] for a in singh["co_actors"]}
    assert singh["as_source"]["total"] + singh["as_target"]["total"] >= 2
    assert singh["quotes"] and singh["coded_in"][0]["role"] == "Defence Minister"
    assert get(app, f"/actors/{actors[0]['key']}").status_code == 200


# -- safety -------------------------------------------------------------------------------------


class _Danger(HTMLParser):
    """Collects what would run in a browser: script elements, on* attributes, javascript: links."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "script":
            self.found.append("<script>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and value:
                if value.strip().lower().startswith(("javascript:", "data:text")):
                    self.found.append(f"{tag} {name}={value}")
                elif name == "href":
                    self.links.append(value)


def test_web_every_linked_page_escapes_the_hostile_article(app):
    """Crawl every page reachable from the timeline (and the hostile article's own pages)."""
    hostile = get(app, "/api/articles", params={"q": "Macron"}).json()["items"]
    assert hostile and "<script>" in hostile[0]["title"].replace("\\u003c", "<")
    queue = [
        "/",
        "/stories",
        "/actors",
        "/articles",
        "/docs",
        f"/articles/{hostile[0]['id']}",
        "/search?q=script+alert",
        "/search?q=Macron",
    ]
    seen: set[str] = set()
    while queue and len(seen) < 400:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        r = get(app, url)
        assert r.status_code == 200, url
        if "text/html" not in r.headers["content-type"]:
            continue
        parser = _Danger()
        parser.feed(r.text)
        assert parser.found == [], url
        for link in parser.links:
            parts = urlsplit(link)
            if not parts.netloc and parts.path.startswith("/") and not parts.path.startswith("/static"):
                queue.append(link.split("#")[0])
    assert any(u.startswith("/events/") for u in seen) and any(u.startswith("/actors/") for u in seen)
    assert len(seen) > 30


@pytest.mark.parametrize(
    "url",
    [
        "/api/events",
        "/api/events?q=Macron",
        "/api/search?q=Macron",
        "/api/articles?q=Macron",
        "/api/stories",
        "/api/actors",
        "/api/events/counts",
    ],
)
def test_web_api_carries_no_markup(app, url):
    r = get(app, url)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    assert "<" not in r.text and ">" not in r.text
    assert "Macron" in r.text or url in ("/api/stories", "/api/actors", "/api/events/counts")
    json.loads(r.text)


def test_web_api_article_and_event_of_the_hostile_article_carry_no_markup(app):
    article = get(app, "/api/articles", params={"q": "Macron"}).json()["items"][0]
    r = get(app, f"/api/articles/{article['id']}")
    assert "<" not in r.text and r.json()["title"] == HOSTILE_TITLE
    for event in r.json()["events"]:
        assert "<" not in get(app, f"/api/events/{event['id']}").text
    page = get(app, f"/articles/{article['id']}")
    assert 'href="javascript:' not in page.text and "&lt;script&gt;" in page.text


def test_web_pages_send_a_policy_that_runs_no_script(app):
    r = get(app, "/")
    assert "default-src 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "url, param",
    [
        ("/api/events?since=2025-13", "since"),
        ("/api/events?until=2025-02-30", "until"),
        ("/api/events?since=May", "since"),
        ("/api/events?since=2025-06&until=2025-01", "until"),
        ("/api/events?limit=100000000", "limit"),
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?type=INVADE", "type"),
        ("/api/events?status=rumoured", "status"),
        ("/api/events?min_sources=0", "min_sources"),
        ("/api/events?min_sources=two", "min_sources"),
        ("/api/events?country=Atlantis", "country"),
        ("/api/events?order=sideways", "order"),
        ("/api/events/counts?bucket=week", "bucket"),
        ("/api/stories?limit=100000000", "limit"),
        ("/api/actors?limit=100000000", "limit"),
        ("/api/articles?limit=100000000", "limit"),
        ("/api/search?q=", "q"),
        ("/api/search?q=x&limit=100000000", "limit"),
        ("/api/events?actor=" + "a" * 300, "actor"),
    ],
)
def test_web_bad_parameters_get_a_400_that_names_them(app, url, param):
    r = get(app, url)
    assert r.status_code == 400, r.text
    error = r.json()["error"]
    assert error["param"] == param and error["message"].startswith(param)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events/e0000000000000000",
        "/api/stories/s0000000000000000",
        "/api/articles/0000000000000000",
        "/api/actors/JPN.GOV.Nobody",
        "/api/actors/nonsense",
        "/api/nothing-here",
    ],
)
def test_web_unknown_ids_get_a_404_in_json(app, url):
    r = get(app, url)
    assert r.status_code == 404 and r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]["message"]


@pytest.mark.parametrize(
    "url",
    [
        "/events/e0000000000000000",
        "/stories/nope",
        "/articles/nope",
        "/actors/-.-.Nobody",
        "/?since=2025-13",
        "/?limit=100000000",
    ],
)
def test_web_pages_answer_bad_requests_with_an_error_page(app, url):
    r = get(app, url)
    assert r.status_code in (400, 404) and "text/html" in r.headers["content-type"]
    assert '<p class="error">' in r.text


@pytest.mark.parametrize(
    "q", ['"', "NEAR(", "a OR", "*", "title:x", "'; DROP TABLE events; --", "\x00", "é" * 50]
)
def test_web_search_and_filters_survive_any_text(app, q):
    for url in ("/api/search", "/api/events", "/api/articles", "/api/actors", "/search", "/"):
        r = get(app, url, params={"q": q})
        assert r.status_code in (200, 400), (url, r.text)
    assert get(app, "/api/events", params={"actor": q}).status_code in (200, 400)


def test_web_overlong_query_strings_and_bodies_are_refused(app):
    assert get(app, "/api/events?q=" + "x" * 5000).status_code == 414
    r = post(app, "/api/articles", content=b"x" * (5 * 1024 * 1024), headers={"content-type": "text/plain"})
    assert r.status_code == 413 and r.json()["error"]["status"] == 413


# -- reading while a run writes --------------------------------------------------------------------


def test_web_reads_while_a_writer_holds_a_transaction(app, db):
    writer = sqlite3.connect(db, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE stories SET title = title")
        before = get(app, "/api/events")
        assert before.status_code == 200 and before.json()["total"] > 0
        assert get(app, "/").status_code == 200
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_web_sees_what_a_concurrent_run_adds(tmp_path: Path):
    """``dateline run`` writes a new story into the store the app is serving; the app keeps
    answering throughout and shows the new events without a restart."""
    import subprocess
    import sys
    import time

    if not SEEDS.exists():
        pytest.skip(f"seed articles not available at {SEEDS}")
    path = tmp_path / "live.db"
    with Store(path) as store:
        run([str(SEEDS)], store)
    app = create_app(Settings(db=str(path)))
    before = get(app, "/api/events").json()["total"]
    writer = subprocess.Popen(
        [sys.executable, "-m", "dateline", "run", str(EXAMPLES), "--db", str(path), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    statuses = []
    try:
        deadline = time.monotonic() + 120
        while writer.poll() is None and time.monotonic() < deadline:
            statuses.append(get(app, "/api/events?limit=5").status_code)
            statuses.append(get(app, "/").status_code)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait()
    assert writer.returncode == 0, writer.stderr.read().decode()
    assert statuses and set(statuses) == {200}
    assert get(app, "/api/events").json()["total"] > before


# -- ingest -------------------------------------------------------------------------------------------

POSTED = {
    "text": "Norwegian Foreign Minister Ingrid Solberg hosted Chilean Foreign Minister Mateo Rojas in Oslo "
    "on Tuesday for talks on trade.",
    "title": "Solberg hosts Rojas",
    "date": "2024-04-02",
    "source": "Posted Wire",
}


def test_web_ingest_is_off_unless_allowed(app):
    r = post(app, "/api/articles", json=POSTED)
    assert r.status_code == 403 and "--allow-ingest" in r.json()["error"]["message"]


def test_web_ingest_stores_a_posted_article(tmp_path: Path, db: Path):
    import shutil

    copy = tmp_path / "ingest.db"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), allow_ingest=True))
    r = post(app, "/api/articles", json=POSTED)
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["new"] and body["story"]
    assert get(app, f"/api/articles/{body['id']}").json()["source"] == "Posted Wire"
    with Store(copy, readonly=True) as store:
        [stored] = [a for a in store.articles() if a.id == body["id"]]
    assert stored.origin.startswith("POST /api/articles 20")  # not the temporary file it passed through
    again = post(app, "/api/articles", json=POSTED)
    assert again.status_code == 200 and again.json()["new"] is False and again.json()["id"] == body["id"]
    text = post(
        app,
        "/api/articles",
        content="title Plain post\ndate 2024-04-03\n\n" + POSTED["text"] + " Again.",
        headers={"content-type": "text/plain"},
    )
    assert (
        text.status_code == 201
        and get(app, f"/api/articles/{text.json()['id']}").json()["title"] == "Plain post"
    )


def test_web_ingest_while_a_run_writes_is_a_503_to_retry(tmp_path: Path, db: Path):
    import shutil

    from dateline.store import Store

    copy = tmp_path / "busy.db"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), allow_ingest=True))
    with Store(copy):  # the writer's lock, as a run holds it
        r = post(app, "/api/articles", json=POSTED)
    assert r.status_code == 503 and r.headers["retry-after"] and "writing" in r.json()["error"]["message"]
    assert post(app, "/api/articles", json=POSTED).status_code == 201  # stored once the run is gone


@pytest.mark.parametrize(
    "body, kind",
    [
        (b"{not json", "application/json"),
        (b'["a list"]', "application/json"),
        (b'{"title": "no text"}', "application/json"),
        (b'{"text": "x", "colour": "red"}', "application/json"),
        (b'{"text": 5}', "application/json"),
        (b"", "text/plain"),
        (b"<html><body></body></html>", "text/html"),
        (b"text", "image/png"),
    ],
)
def test_web_ingest_refuses_what_it_cannot_read(tmp_path: Path, db: Path, body, kind):
    import shutil

    copy = tmp_path / "refuse.db"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), allow_ingest=True))
    r = post(app, "/api/articles", content=body, headers={"content-type": kind})
    assert r.status_code == 400 and r.json()["error"]["param"] == "body"


@pytest.mark.parametrize("url", ["/api/events?q=%22", "/api/events?actor=!!", "/api/articles?q=%3F*",
                                 "/api/search?q=%E2%80%9C", "/search?q=!!", "/articles?q=!!"])
def test_web_free_text_without_a_word_is_a_400(app, url):
    r = get(app, url)
    assert r.status_code == 400 and "no word to look for" in r.text


def test_web_on_localhost_answers_only_to_local_names(app):
    """DNS rebinding: another site's name pointed at 127.0.0.1 arrives with that name as Host."""
    assert get(app, "/api/events", base="http://localhost:8000").status_code == 200
    assert get(app, "/api/events", base="http://[::1]:8000").status_code == 200
    foreign = get(app, "/api/events", base="http://rebound.example:8000")
    assert foreign.status_code == 421 and "local address" in foreign.json()["error"]["message"]


def test_web_ingest_answers_a_post_that_would_wait_for_another_at_once(tmp_path: Path, db: Path):
    import shutil

    from dateline.web import ingest

    copy = tmp_path / "queue.db"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), allow_ingest=True))
    with ingest._one_at_a_time:  # another post is being stored
        r = post(app, "/api/articles", json=POSTED)
    assert r.status_code == 503 and r.headers["retry-after"] and "another posted article" in r.json()["error"]["message"]
    assert post(app, "/api/articles", json=POSTED).status_code == 201


def test_web_ingest_refuses_posts_from_other_sites_pages(tmp_path: Path, db: Path):
    """A page elsewhere can make the analyst's browser post plain text with no preflight."""
    import shutil

    copy = tmp_path / "csrf.db"
    shutil.copy(db, copy)
    app = create_app(Settings(db=str(copy), allow_ingest=True))
    plain = {"content-type": "text/plain"}
    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}):
        r = post(app, "/api/articles", content=POSTED["text"], headers=plain | headers)
        assert r.status_code == 403 and "other sites" in r.json()["error"]["message"]
    with Store(copy, readonly=True) as store:
        assert store.counts()["articles"] == _count_before(db)
    own = post(app, "/api/articles", content=POSTED["text"], headers=plain | {"origin": "http://127.0.0.1:8000"})
    assert own.status_code == 201


def _count_before(db: Path) -> int:
    with Store(db, readonly=True) as store:
        return store.counts()["articles"]


def test_web_ingest_beyond_localhost_needs_the_token(db: Path):
    app = create_app(Settings(db=str(db), host="0.0.0.0", allow_ingest=True, token="s3cret"))
    assert post(app, "/api/articles", json={"text": ""}).status_code == 401
    wrong = post(app, "/api/articles", json={"text": ""}, headers={"authorization": "Bearer guess"})
    assert wrong.status_code == 401
    right = post(app, "/api/articles", json={"text": ""}, headers={"authorization": "Bearer s3cret"})
    assert right.status_code == 400  # past the guard, refused for its empty text
    odd = post(app, "/api/articles", json={"text": ""}, headers={"authorization": "Bearer caf\u00e9".encode("latin-1")})
    assert odd.status_code == 401  # a token of other characters is refused, not a crash


def test_web_docs_describe_the_api_from_its_openapi_schema(app):
    spec = get(app, "/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/stories", "/api/search"} <= set(spec["paths"])
    page = get(app, "/docs")
    assert page.status_code == 200 and "/api/events/{event_id}" in page.text
    assert "cdn" not in page.text.lower() and "<script" not in page.text


def test_web_actor_shows_what_the_knowledge_base_says_at_each_date(app, shared_kb):
    key = get(app, "/api/actors", params={"q": "Rajnath"}).json()["items"][0]["key"]
    singh = get(app, f"/api/actors/{key}").json()
    assert singh["knowledge_base"]["country"] == "IND"
    assert all("knowledge_base" in c for c in singh["coded_in"])
    assert "Knowledge base" in get(app, f"/actors/{key}").text


def test_web_serve_refuses_a_missing_store_and_a_busy_port(tmp_path: Path, db: Path, capsys):
    import socket

    from dateline.cli import main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database at" in capsys.readouterr().err
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--db", str(db), "--port", str(port)]) == 2
    assert f"cannot listen on 127.0.0.1:{port}" in capsys.readouterr().err


def test_web_reader_snapshot_sees_one_committed_state(tmp_path: Path, db: Path):
    """A page and its total, a story and its articles: read in one transaction while a run commits."""
    import shutil
    import sqlite3

    from dateline.web.queries import EventFilter, Reader

    copy = tmp_path / "snap.db"
    shutil.copy(db, copy)
    reader = Reader(copy)
    before = reader.events(EventFilter(), 5, 0)[1]
    writer = sqlite3.connect(copy, isolation_level=None)
    with reader.snapshot():
        first = reader.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        writer.execute("DELETE FROM events WHERE rowid IN (SELECT rowid FROM events LIMIT 2)")
        assert reader.events(EventFilter(), 5, 0)[1] == first == before  # the state it started in
    writer.close()
    assert reader.events(EventFilter(), 5, 0)[1] == before - 2
