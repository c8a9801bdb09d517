"""``dateline serve``: an HTTP API and a web UI over a Dateline store.

``app`` builds the ASGI app, ``queries`` holds every SQL statement it runs (read-only),
``resources`` says what each page shows, ``pages`` and ``api`` render it as HTML and JSON,
``present`` marks up text and draws the chart, ``ingest`` takes posted articles.
FastAPI, uvicorn and Jinja2 are needed only here, and imported only when serving.
"""
