from __future__ import annotations

import pytest

from multipolar.errors import FetchError
from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import read_inputs
from multipolar.sources.web import check_address, fetch

LOCAL = Settings(allow_private=True, http_retries=2, http_backoff=0.01)


def _one(url, settings=LOCAL):
    (item,) = list(read_inputs([url], settings))
    return item


def test_fetch_page_from_local_server(web):
    web.add("/a.html", "<html><body><p>Text</p></body></html>", content_type="text/html; charset=iso-8859-1")
    doc = _one(web.base + "/a.html")
    assert isinstance(doc, RawDocument) and doc.raw_format == "html"
    assert doc.encoding == "iso-8859-1" and doc.fields["url"] == web.base + "/a.html"


def test_loopback_refused_without_allow_private(web):
    web.add("/a.html", "<p>x</p>")
    item = _one(web.base + "/a.html", Settings())
    assert isinstance(item, Rejection) and item.code == "refused_address"
    assert "--allow-private" in item.message
    assert web.hits == {}


@pytest.mark.parametrize("url", ["http://10.0.0.8/x", "http://169.254.169.254/latest", "http://[::1]/"])
def test_private_and_link_local_addresses_refused(url):
    with pytest.raises(FetchError, match="non-public address"):
        check_address(url, allow_private=False)


def test_redirects_are_followed_and_limited(web):
    web.add("/r1", b"", status=302, headers={"Location": "/final.html"})
    web.add("/final.html", "<p>done</p>")
    assert isinstance(_one(web.base + "/r1"), RawDocument)
    web.add("/loop", b"", status=302, headers={"Location": "/loop"})
    item = _one(web.base + "/loop")
    assert isinstance(item, Rejection) and item.code == "too_many_redirects"


def test_wrong_content_type_is_rejected(web):
    web.add("/x.pdf", b"%PDF-1.4", content_type="application/pdf")
    item = _one(web.base + "/x.pdf")
    assert isinstance(item, Rejection) and item.code == "bad_content_type"


def test_too_large_response_is_rejected(web):
    web.add("/big.html", "<p>" + "x" * 5000 + "</p>")
    item = _one(web.base + "/big.html", Settings(allow_private=True, max_bytes=1000))
    assert isinstance(item, Rejection) and item.code == "too_large"


def test_server_errors_are_retried_then_rejected(web):
    web.add("/down", "oops", status=503)
    item = _one(web.base + "/down")
    assert isinstance(item, Rejection) and item.code == "http_error"
    assert web.hits["/down"] == 3  # one try and two retries


def test_not_found_is_not_retried(web):
    item = _one(web.base + "/missing")
    assert isinstance(item, Rejection) and "404" in item.message
    assert web.hits["/missing"] == 1


def test_unreachable_port_is_rejected():
    item = _one("http://127.0.0.1:9/none", Settings(allow_private=True, http_retries=0))
    assert isinstance(item, Rejection) and item.code == "unreachable"


def test_feed_url_yields_items(web):
    web.add("/feed", (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        "<item><title>A</title><link>https://example.org/a</link><description>Alpha body.</description></item>"
        "<item><title>B</title><link>https://example.org/b</link><description>Beta body.</description></item>"
        "</channel></rss>"), content_type="application/rss+xml")
    items = list(read_inputs([web.base + "/feed"], LOCAL))
    assert [i.fields["title"] for i in items] == ["A", "B"]


def test_user_agent_is_sent(web):
    web.add("/ua", "<p>x</p>")
    fetched = fetch(web.base + "/ua", Settings(allow_private=True, user_agent="tester/1.0"))
    assert fetched.body == b"<p>x</p>"
    assert web.headers["/ua"]["User-Agent"] == "tester/1.0"


def test_fetch_conditional_sends_validators_and_returns_304(web):
    web.add("/feed", b"", status=304, headers={"ETag": '"v2"', "Last-Modified": "Tue, 14 Nov 2023 22:14:20 GMT"})
    fetched = fetch(web.base + "/feed", LOCAL, etag='"v1"', last_modified="Mon, 13 Nov 2023 10:00:00 GMT")
    assert (fetched.status, fetched.body, fetched.etag) == (304, b"", '"v2"')
    sent = {k.lower(): v for k, v in web.headers["/feed"].items()}
    assert sent["if-none-match"] == '"v1"' and sent["if-modified-since"] == "Mon, 13 Nov 2023 10:00:00 GMT"


def test_fetch_returns_validators_and_takes_only_the_types_asked_for(web):
    from multipolar.sources.web import ZIP_TYPES

    web.add("/x.zip", b"PK\x03\x04zip", content_type="application/zip", headers={"ETag": '"z"'})
    with pytest.raises(FetchError, match="not a page or feed"):
        fetch(web.base + "/x.zip", LOCAL)
    fetched = fetch(web.base + "/x.zip", LOCAL, types=ZIP_TYPES)
    assert (fetched.status, fetched.etag, fetched.body) == (200, '"z"', b"PK\x03\x04zip")
