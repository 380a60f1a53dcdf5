"""A local HTTP server on 127.0.0.1 whose pages change between polls, answers conditional requests with
304, can fail with 500, and records what was POSTed to it (a webhook)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler

import pytest

from local_server import serving


@dataclass
class Page:
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    status: int = 200


@dataclass
class LiveSite:
    pages: dict[str, Page] = field(default_factory=dict)
    requests: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # (method, path, headers)
    posts: list[bytes] = field(default_factory=list)
    not_modified: int = 0
    base: str = ""
    _version: int = 0

    def put(self, path: str, body: bytes | str, *, content_type: str = "application/rss+xml",
            etag: bool = True, last_modified: bool = True, status: int = 200) -> None:
        """Serve `body` at `path` from now on, with a new ETag and Last-Modified."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self._version += 1
        tag = f'"{hashlib.sha256(data).hexdigest()[:12]}-{self._version}"' if etag else None
        stamp = formatdate(1_700_000_000 + self._version * 60, usegmt=True) if last_modified else None
        self.pages[path] = Page(data, content_type, tag, stamp, status)

    def gets(self, path: str) -> list[dict[str, str]]:
        return [h for m, p, h in self.requests if m == "GET" and p == path]


@pytest.fixture
def live() -> Iterator[LiveSite]:
    site = LiveSite()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.requests.append(("GET", self.path, {k.lower(): v for k, v in self.headers.items()}))
            page = site.pages.get(self.path)
            if page is None:
                self._send(404, {"Content-Type": "text/plain"}, b"not found")
                return
            if page.status != 200:
                self._send(page.status, {"Content-Type": "text/plain"}, b"server trouble")
                return
            validators = {}
            if page.etag:
                validators["ETag"] = page.etag
            if page.last_modified:
                validators["Last-Modified"] = page.last_modified
            inm = self.headers.get("If-None-Match")
            ims = self.headers.get("If-Modified-Since")
            if (inm and page.etag and inm == page.etag) or (not inm and ims and page.last_modified
                                                             and ims == page.last_modified):
                site.not_modified += 1
                self._send(304, validators, b"")
                return
            self._send(200, {"Content-Type": page.content_type, **validators}, page.body)

        def do_POST(self) -> None:  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            site.requests.append(("POST", self.path, {k.lower(): v for k, v in self.headers.items()}))
            site.posts.append(self.rfile.read(length))
            self._send(204, {}, b"")

        def _send(self, status: int, headers: dict[str, str], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    with serving(Handler) as base:
        site.base = base
        yield site
