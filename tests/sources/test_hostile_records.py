"""One bad record never blocks a store nor ends a run: it is repaired (and flagged) or rejected by name."""

from __future__ import annotations

import gzip
import json

from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.sources import read_inputs
from multipolar.store import Store

GOOD = "Officials from Kenya and Ghana met in Accra on Monday to discuss a new shipping agreement for cocoa."


def _rows(store, sql):
    return store.query(sql)[1]


def test_lone_surrogate_in_a_json_field_is_stored_as_replacement_and_flagged(tmp_path, store):
    path = tmp_path / "a.jsonl"
    path.write_text('{"title": "Head\\ud800line", "author": "A\\udfffB", "text": "' + GOOD + ' \\ud83d"}\n')
    summary = ingest(store, [str(path)], Settings())
    assert summary.ingested == 1
    title, author, text, flags = _rows(store, "SELECT title, author, text, flags FROM documents")[0]
    assert (title, author) == ("Head\ufffdline", "A\ufffdB")
    assert text.endswith("\ufffd")
    assert "repaired_text" in json.loads(flags)


def test_a_bad_record_then_an_unrelated_good_file_both_ingest_in_the_next_run(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "' + GOOD + '", "url": "\\udc80"}\n')
    good = tmp_path / "good.txt"
    good.write_text("Rwanda and Uganda reopened their border crossing at Gatuna on Friday after three years.\n" * 2)
    with Store.open(tmp_path / "s.duckdb") as store:
        first = ingest(store, [str(bad)], Settings())
    with Store.open(tmp_path / "s.duckdb") as store:
        second = ingest(store, [str(good)], Settings())
        uncleaned = _rows(store, "SELECT count(*) FROM documents WHERE cleaned_by IS NULL")[0][0]
        stored = _rows(store, "SELECT count(*) FROM documents WHERE text IS NOT NULL")[0][0]
    assert (first.ingested, second.ingested, uncleaned, stored) == (1, 1, 0, 2)


def test_a_document_the_store_cannot_take_is_returned_and_the_rest_of_the_batch_is_stored(store):
    from multipolar.records import Document, RawDocument

    raws = [RawDocument("mem://a", b"a", "txt"), RawDocument("mem://b", b"b", "txt"), RawDocument("mem://c", b"c", "txt")]
    store.add_raw(raws)
    texts = ["fine", b"not text", "fine too"]  # a bug handing bytes where text belongs
    docs = [Document(doc_id=r.doc_id, source_uri=r.source_uri, raw_format="txt", text=t)
            for r, t in zip(raws, texts, strict=True)]
    failed = store.save_clean(docs, stage="clean.v1")
    assert [d.source_uri for d, _ in failed] == ["mem://b"]
    assert _rows(store, "SELECT source_uri FROM documents WHERE cleaned_by = 'clean.v1' ORDER BY 1") == [
        ("mem://a",), ("mem://c",),
    ]


def test_deeply_nested_json_line_is_rejected_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "deep.jsonl"
    deep = '{"text": "' + GOOD + '", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    nested = '{"text": "' + GOOD + '", "x": ' + "[" * 100 + "]" * 100 + "}"
    path.write_text(deep + "\n" + nested + "\n" + json.dumps({"text": GOOD}) + "\n")
    items = list(read_inputs([str(path)], Settings()))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Rejection", "malformed"), ("Rejection", "too_deep"), ("RawDocument", None),
    ]
    assert items[0].source_uri.endswith("deep.jsonl:1") and items[1].source_uri.endswith("deep.jsonl:2")


def test_feed_with_an_undeclared_namespace_prefix_is_read(tmp_path):
    path = tmp_path / "f.rss"
    path.write_bytes(
        b'<rss version="2.0"><channel><title>Wire</title><item><title>One</title>'
        b"<media:thumb>x</media:thumb><description>" + GOOD.encode() + b"</description></item></channel></rss>"
    )
    items = list(read_inputs([str(path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument"]
    assert items[0].fields["title"] == "One"


def test_feed_with_impossible_character_references_is_read_with_replacements(tmp_path):
    path = tmp_path / "f.xml"
    path.write_bytes(
        b'<rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>A &#xd800; B</title><description>" + GOOD.encode() + b" &#x110000;</description></item>"
        b"<item><title>C &#0; D</title><description>" + GOOD.encode() + b"</description></item>"
        b"</channel></rss>"
    )
    items = list(read_inputs([str(path)], Settings()))
    assert [i.fields["title"] for i in items] == ["A \ufffd B", "C \ufffd D"]


def test_feed_item_with_empty_content_is_a_rejection_and_the_other_items_go_on(tmp_path):
    path = tmp_path / "f.atom"
    path.write_bytes(
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>'
        b'<entry><title>Empty</title><content type="html"></content></entry>'
        b"<entry><title>Full</title><content>" + GOOD.encode() + b"</content></entry></feed>"
    )
    items = list(read_inputs([str(path)], Settings()))
    assert [(type(i).__name__, i.source_uri.rsplit("#", 1)[1]) for i in items] == [
        ("Rejection", "item1"), ("RawDocument", "item2"),
    ]


def test_csv_cell_over_the_limit_is_a_rejection_and_later_rows_are_read(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,text\n1," + "x" * 300 + "\n2,\"" + GOOD + "\"\n3,\"" + GOOD + " Again.\"\n")
    items = list(read_inputs([str(path)], Settings(csv_max_cell_chars=200)))
    assert [(type(i).__name__, getattr(i, "code", None), i.source_uri.rsplit(":", 1)[1]) for i in items] == [
        ("Rejection", "too_large", "2"), ("RawDocument", None, "3"), ("RawDocument", None, "4"),
    ]


def test_csv_cell_over_131072_characters_is_read_by_default(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,text\n1,\"" + "word " * 40_000 + "\"\n2,\"" + GOOD + "\"\n")
    items = list(read_inputs([str(path)], Settings()))
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument"]


def test_several_rejections_of_one_file_are_separate_rows(tmp_path, store):
    path = tmp_path / "t.csv"
    path.write_text('id,text\n1,a,b\n2,"' + GOOD + '"\n3,c,d\n')
    ingest(store, [str(path)], Settings())
    rows = _rows(store, "SELECT source_uri FROM rejections ORDER BY source_uri")
    assert [r[0].rsplit(":", 1)[1] for r in rows] == ["2", "4"]


def test_a_reader_that_fails_unexpectedly_becomes_a_rejection_and_the_next_input_is_read(tmp_path, monkeypatch):
    from multipolar.sources import containers

    def broken(uri, raw, settings):
        yield from ()
        raise LookupError("invented failure")

    monkeypatch.setattr(containers, "read_csv", broken)
    (tmp_path / "a.csv").write_text("id,text\n1,x\n")
    (tmp_path / "b.txt").write_text(GOOD)
    items = list(read_inputs([str(tmp_path)], Settings()))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("Rejection", "internal_error"), ("RawDocument", None),
    ]


def test_gzip_line_longer_than_max_bytes_is_rejected_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(b"x" * 3_000_000 + b"\n" + json.dumps({"text": GOOD}).encode() + b"\n")
    items = list(read_inputs([str(path)], Settings(max_bytes=1_000_000)))
    assert [(type(i).__name__, i.source_uri.rsplit(":", 1)[1]) for i in items] == [
        ("Rejection", "1"), ("RawDocument", "2"),
    ]


def test_gzip_decompressing_past_the_limit_is_rejected_keeping_the_lines_before(tmp_path):
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        handle.write(json.dumps({"text": GOOD}).encode() + b"\n")
        handle.write(b"\n" * 8_000_000)
    items = list(read_inputs([str(path)], Settings(max_decompressed_bytes=4_000_000)))
    assert [(type(i).__name__, getattr(i, "code", None)) for i in items] == [
        ("RawDocument", None), ("Rejection", "too_large"),
    ]


def test_line_numbers_count_blank_lines_across_blocks(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b"\n" * 3_000_000 + json.dumps({"text": GOOD}).encode() + b"\n")
    (item,) = list(read_inputs([str(path)], Settings()))
    assert item.source_uri.endswith(":3000001")


def test_lone_surrogate_in_a_json_array_file_is_stored_repaired(tmp_path, store):
    path = tmp_path / "a.json"
    path.write_text('[{"title": "X\\ud800", "text": "' + GOOD + '"}, {"text": "' + GOOD + ' Later."}]')
    summary = ingest(store, [str(path)], Settings())
    titles = sorted(str(r[0]) for r in _rows(store, "SELECT title FROM documents"))
    assert (summary.ingested, titles) == (2, ["None", "X\ufffd"])


def test_a_page_with_more_markup_tags_than_the_limit_is_rejected_before_extraction():
    from multipolar.clean.stage import Cleaner
    from multipolar.errors import ParseError
    from multipolar.records import RawDocument

    html = "<html><body>" + "<p>a</p>" * 600 + "</body></html>"
    try:
        Cleaner(Settings(max_markup_tags=1000)).clean(RawDocument("a.html", html.encode(), "html"))
        code = None
    except ParseError as exc:
        code = exc.code
    assert code == "too_complex"


def test_a_feed_with_more_markup_tags_than_the_limit_is_rejected(tmp_path):
    path = tmp_path / "f.rss"
    items = "".join(f"<item><title>t{i}</title><description>{GOOD}</description></item>" for i in range(200))
    path.write_text(f'<rss version="2.0"><channel><title>W</title>{items}</channel></rss>')
    (item,) = list(read_inputs([str(path)], Settings(max_markup_tags=500)))
    assert (type(item).__name__, item.code) == ("Rejection", "too_complex")


def test_the_progress_estimate_of_a_gzip_reads_only_its_first_block(tmp_path, monkeypatch):
    from multipolar import pipeline

    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb") as handle:
        for n in range(40_000):
            handle.write(json.dumps({"text": f"{GOOD} {n}"}).encode() + b"\n")
    read = []
    real_open = gzip.open

    class Counting:
        def __init__(self, *args, **kwargs):
            self.inner = real_open(*args, **kwargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.inner.close()

        def read(self, n=-1):
            data = self.inner.read(n)
            read.append(len(data))
            return data

    monkeypatch.setattr(pipeline.gzip, "open", Counting)
    estimate = pipeline.estimate_total([str(path)])
    assert sum(read) <= 1 << 20 and 30_000 <= estimate <= 50_000


def test_a_future_publication_date_is_kept_and_flagged(tmp_path, store):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": GOOD, "published": "2099-05-01"}) + "\n" + json.dumps({"text": GOOD + " Two.", "published": "2024-05-01"}) + "\n")
    ingest(store, [str(path)], Settings())
    rows = sorted((str(p), "future_date" in json.loads(f)) for p, f in _rows(store, "SELECT published, flags FROM documents"))
    assert rows == [("2024-05-01", False), ("2099-05-01", True)]


def test_a_feed_whose_prolog_is_a_long_run_of_newlines_is_read(tmp_path):
    path = tmp_path / "f.rss"
    path.write_bytes(b"<?xml v" + b"\n" * 150_000 + b"ersion='1.0'?><rss version='2.0'><channel><title>W</title>"
                     b"<item><description>" + GOOD.encode() + b"</description></item></channel></rss>")
    items = list(read_inputs([str(path)], Settings()))
    assert len(items) == 1


def test_a_feed_with_a_huge_character_reference_is_read_with_a_replacement(tmp_path):
    path = tmp_path / "f.rss"
    path.write_bytes(b"<rss version='2.0'><channel><title>W</title><item><title>A &#" + b"9" * 40 + b"; B</title>"
                     b"<description>" + GOOD.encode() + b"</description></item></channel></rss>")
    (item,) = list(read_inputs([str(path)], Settings()))
    assert item.fields["title"] == "A \ufffd B"
