"""The HTML report: self-contained, escaped, and showing what it promises."""

from __future__ import annotations

import re


def test_report_escapes_article_text(report_html: str, evil_sentence: str) -> None:
    assert "<script>" in evil_sentence and evil_sentence not in report_html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Moscow &amp; Beijing" in report_html
    assert "<img src=x" not in report_html and "&lt;img src=x onerror=alert(1)&gt;" in report_html
    assert '"><script>alert(1)</script>' not in report_html
    # the only script element is the report's own
    assert len(re.findall(r"<script\b", report_html)) == 1


def test_report_is_self_contained(report_html: str) -> None:
    assert "<link" not in report_html
    assert not re.search(r"<(script|img|iframe)[^>]+src=", report_html)
    assert "@import" not in report_html and "url(" not in report_html


def test_report_has_headline_triangles_series_shifts_events_corpus_settings(report_html: str) -> None:
    for section in ('id="headline"', 'id="triangles"', 'id="dyads"', 'id="shifts"', 'id="events"', 'id="corpus"',
                    'id="settings"'):
        assert section in report_html
    assert report_html.count('class="triangle"') >= 2
    assert report_html.count('class="series"') == 3
    assert "Stable marriage" in report_html or "Ménage à trois" in report_html
    assert "dead_band" in report_html and "sign_credibility" in report_html and "goldstein_variant" in report_html
    assert "reuters.com" in report_html  # outlets of the corpus


def test_report_documents_the_sign_rule_with_a_worked_example(report_html: str) -> None:
    assert 'id="rule"' in report_html and "Worked example" in report_html and "insufficient evidence" in report_html


def test_report_links_every_edge_period_with_events_to_its_evidence(report_html: str) -> None:
    links = set(re.findall(r'href="#(ev-[^"]+)"', report_html))
    anchors = set(re.findall(r'<h3 id="(ev-[^"]+)"', report_html))
    assert anchors and links == anchors


def test_document_label_names_a_local_file_not_a_hash() -> None:
    from multipolar.report.build import document_label

    label = document_label(None, None, None, "/data/news/2025-01-21-call.txt", "ab12" * 16)
    assert label == "2025-01-21-call.txt"
