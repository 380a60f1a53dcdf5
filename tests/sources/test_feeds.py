from __future__ import annotations

from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import read_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Dispatch</title><link>https://example.net/</link>
<item><title>Ministers meet</title><link>https://example.net/a</link>
<pubDate>Tue, 21 Jan 2025 18:00:00 +0000</pubDate><author>desk@example.net (Ana Silva)</author>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The two ministers met in the capital on Tuesday.</p>]]></content:encoded></item>
<item><title>Second</title><link>https://example.net/b</link><pubDate>Wed, 22 Jan 2025 08:00:00 +0000</pubDate>
<description>Plain summary text only.</description></item>
<item><title>Empty</title><link>https://example.net/c</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Entry one</title><link href="https://example.org/1"/><id>urn:1</id>
<updated>2025-02-12T10:00:00Z</updated><author><name>Lee Park</name></author>
<summary>The leaders spoke by phone on Wednesday.</summary></entry></feed>"""


def test_rss_items_become_documents_with_fields(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(RSS)
    items = list(read_inputs([str(path)], Settings()))
    docs = [i for i in items if isinstance(i, RawDocument)]
    assert [d.fields["url"] for d in docs] == ["https://example.net/a", "https://example.net/b"]
    first = docs[0]
    assert first.raw_format == "feed-item"
    assert first.fields["published"] == "2025-01-21"
    assert first.fields["outlet"] == "Harbour Dispatch"
    assert "met in the capital" in first.fields["html"]
    assert docs[1].fields["text"] == "Plain summary text only."
    assert b"<item" in first.raw
    (rejection,) = [i for i in items if isinstance(i, Rejection)]
    assert rejection.code == "missing_text" and rejection.source_uri.endswith("#item3")


def test_atom_entry(tmp_path):
    path = tmp_path / "feed.atom"
    path.write_text(ATOM)
    (doc,) = list(read_inputs([str(path)], Settings()))
    assert doc.fields["author"] == "Lee Park" and doc.fields["published"] == "2025-02-12"


def test_malformed_feed_is_rejected(tmp_path):
    path = tmp_path / "broken.rss"
    path.write_text("<rss><channel><title>x</title><item><title>unclosed")
    items = list(read_inputs([str(path)], Settings()))
    assert all(isinstance(i, (Rejection, RawDocument)) for i in items)
    assert any(isinstance(i, Rejection) and i.code in {"malformed", "missing_text"} for i in items)


def test_same_item_in_two_feeds_has_one_doc_id(tmp_path):
    (tmp_path / "a.xml").write_text(RSS)
    (tmp_path / "b.xml").write_text(RSS.replace("Harbour Dispatch", "Mirror Desk"))
    docs = [i for i in read_inputs([str(tmp_path)], Settings()) if isinstance(i, RawDocument)]
    assert docs[0].doc_id == docs[2].doc_id


def test_an_element_name_that_cannot_be_decoded_is_not_an_item():
    from multipolar.sources.feeds import _item_elements

    # found by benchmarks/bench_fuzz.py (seed 1): UTF-16 hides the lone surrogate from the charref repair,
    # and lxml's recovering parser keeps a namespace it cannot decode when the tag is read
    raw = b"\xff\xfe" + "<d xmlns='&#xd800;m'".encode("utf-16-le")
    assert _item_elements(raw) == []
