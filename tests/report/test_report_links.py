"""Links in the report: only http(s) URLs are links, and the policy lets no injected script run."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date

import pytest

from multipolar.relations.synthetic import synthetic_events
from multipolar.safe_text import web_link
from multipolar.store.synthetic import insert_synthetic, open_empty

HOSTILE = {
    "json-url": "javascript:alert('json')",
    "canonical": "JavaScript:alert('canonical')",
    "gdelt": "java\tscript:alert('gdelt')",
}


@pytest.fixture(scope="module")
def report_html(tmp_path_factory):
    from multipolar.report import build_report
    from multipolar.settings import Settings

    con = open_empty(tmp_path_factory.mktemp("links") / "r.duckdb")
    insert_synthetic(con, synthetic_events(2_000, first=date(2024, 1, 1), years=1))
    for n, (key, url) in enumerate(HOSTILE.items()):
        doc_id = None if key == "gdelt" else f"doc-{key}"
        if doc_id:
            con.execute(
                "INSERT INTO documents (doc_id, source_uri, raw, raw_format, ingested_at, url, title) "
                "VALUES (?, ?, ''::BLOB, 'json', now()::TIMESTAMP, ?, ?)",
                [doc_id, f"test:{key}", url, f"title {key}"],
            )
        con.execute(
            """INSERT INTO events (event_id, doc_id, sentence, date, date_precision, source, source_actor, target,
                                   target_actor, cameo, root, quad, goldstein, negated, modality, confidence, text,
                                   url, origin)
               VALUES (?, ?, 0, '2024-12-30', 'day', 'RUS', 'RUSGOV', 'CHN', 'CHNGOV', '190', '19', 4, -10.0,
                       false, 'asserted', 0.9, ?, ?, ?)""",
            [f"evil-{n}", doc_id, f"sentence {key}", url if key == "gdelt" else None, "gdelt" if key == "gdelt" else "text"],
        )
    html = build_report(con, Settings())
    con.close()
    return html


def test_no_link_has_a_scheme_other_than_http_or_https(report_html):
    hrefs = re.findall(r'href="([^"]*)"', report_html)
    assert hrefs and all(h.startswith(("http://", "https://", "#")) for h in hrefs)


@pytest.mark.parametrize("key", list(HOSTILE))
def test_a_hostile_url_is_shown_as_text(report_html, key):
    assert f"sentence {key}" in report_html
    shown = HOSTILE[key].replace("'", "&#39;")
    assert f"<code>{shown}</code>" in report_html


def test_the_policy_allows_only_the_reports_own_script_by_hash(report_html):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report_html).group(1)
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";")[0]
    (script,) = re.findall(r"<script>(.*?)</script>", report_html, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JAVASCRIPT:x", "data:text/html,x", "vbscript:x",
                                 "java\nscript:x", "//evil.example/x", "http:/x", "https://a.example/\x1b[2J"])
def test_web_link_refuses_what_is_not_an_http_url(url):
    assert web_link(url) is None


@pytest.mark.parametrize("url", ["https://example.org/a?b=1#c", "HTTP://EXAMPLE.ORG/"])
def test_web_link_keeps_http_urls(url):
    assert web_link(url) == url
