"""No library fetches on its own, and our one client keeps an overall deadline."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from multipolar.clean.stage import Cleaner
from multipolar.errors import InputError
from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import read_inputs

DATED_PAGE = (
    "<html><head><meta property='article:published_time' content='2001-02-03'></head>"
    "<body><article><p>Internal page text that must never be fetched by a date finder.</p></article></body></html>"
)


def _url_first_page(url: str) -> str:
    """HTML that starts with a URL and holds no space (words split by tabs): htmldate would fetch it."""
    words = "Officials from Kenya and Ghana met in Accra on Monday to discuss a new shipping agreement."
    return url + "\n<html><body><article><p>" + "\t".join(words.split()) + "</p></article></body></html>"


@pytest.mark.parametrize("where", ["html_file", "json_html_field", "feed_item", "bare_url"])
def test_html_that_starts_with_a_url_is_never_fetched(web, tmp_path, where):
    web.add("/internal", DATED_PAGE)
    url = web.base + "/internal"
    html = _url_first_page(url)
    cleaner = Cleaner(Settings())
    if where == "html_file":
        raw = RawDocument(str(tmp_path / "a.html"), html.encode(), "html")
    elif where == "json_html_field":
        raw = RawDocument("a.jsonl:1", b"{}", "json", {"html": html})
    elif where == "feed_item":
        raw = RawDocument("f.xml#item1", b"<item/>", "feed-item", {"html": html})
    else:
        raw = RawDocument(str(tmp_path / "b.html"), url.encode(), "html")
    try:
        document = cleaner.clean(raw)
    except InputError:
        document = None
    assert web.hits == {}
    assert document is None or document.published is None


def _trickling_server(byte_every: float, total: int):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(total))
            self.end_headers()
            try:
                for _ in range(total):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(byte_every)
            except OSError:
                return

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_trickling_server_hits_the_overall_deadline():
    server = _trickling_server(byte_every=0.05, total=200)  # 10 s in all, each byte well within read timeout
    try:
        settings = Settings(allow_private=True, http_deadline=1.0, http_read_timeout=5.0, http_retries=0)
        (item,) = list(read_inputs([f"http://127.0.0.1:{server.server_address[1]}/slow"], settings))
    finally:
        server.shutdown()
        server.server_close()
    assert isinstance(item, Rejection) and item.code == "timeout"
    assert "http_deadline" in item.message


def test_upper_case_scheme_is_a_url(web):
    web.add("/a.html", "<html><body><p>Text</p></body></html>")
    (item,) = list(read_inputs(["HTTP://" + web.base.removeprefix("http://") + "/a.html"], Settings(allow_private=True)))
    assert isinstance(item, RawDocument) and web.hits == {"/a.html": 1}
