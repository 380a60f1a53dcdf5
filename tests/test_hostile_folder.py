"""A folder holding every bad-input class beside good files: every good one is stored, every bad one is
a rejection naming it, and a second run over the same folder changes nothing and fails nothing."""

from __future__ import annotations

import gzip
import json

from multipolar.pipeline import ingest
from multipolar.settings import Settings
from multipolar.store import Store

GOOD = "Officials from Kenya and Ghana met in Accra on Monday to discuss a new shipping agreement for cocoa."
SETTINGS = Settings(max_decompressed_bytes=2_000_000, max_markup_tags=2_000, csv_max_cell_chars=5_000)


def _folder(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("invented credential " * 10)
    bad = {
        "surrogate.jsonl": '{"text": "' + GOOD + '", "title": "\\ud800"}\n',  # repaired, stored, flagged
        "deep.jsonl": '{"text": "x", "a": ' + "[" * 100 + "]" * 100 + "}\n",
        "prefix.rss": "<rss><channel><title>W</title><item><x:y>1</x:y><description>" + GOOD
        + " Prefix.</description></item><item><description></description></item></channel></rss>",
        "charref.xml": "<rss><channel><title>W</title><item><title>&#xd800;&#x110000;</title><description>" + GOOD
        + " Charref.</description></item></channel></rss>",
        "cells.csv": 'id,text\n1,"' + "y" * 6000 + '"\n2,"' + GOOD + ' Csv."\n3,a,b\n',
        "empty.txt": "",
        "binary.txt": "\x89PNG\r\n\x1a\n\x00\x00",
        "tags.html": "<html><body>" + "<b>x</b>" * 1500 + "</body></html>",
        "not-json.json": "{oops",
        "unknown.pdfx": "whatever",
    }
    for name, text in bad.items():
        (root / name).write_text(text, encoding="utf-8", errors="surrogatepass")
    with gzip.open(root / "bomb.jsonl.gz", "wb") as handle:
        handle.write(json.dumps({"text": GOOD + " Before the bomb."}).encode() + b"\n" + b"\n" * 3_000_000)
    (root / "utf16.txt").write_bytes((GOOD + " Utf16.\n").encode("utf-16-le"))
    (root / "good.txt").write_text(GOOD + " Plain.\n")
    (root / "link.txt").symlink_to(outside)
    return root


def _state(store):
    docs = store.query("SELECT source_uri, cleaned_by, text IS NOT NULL FROM documents ORDER BY source_uri")[1]
    rejections = store.query("SELECT source_uri, code FROM rejections ORDER BY source_uri, code")[1]
    return docs, rejections


def test_every_good_input_is_stored_and_every_bad_one_is_a_rejection(tmp_path):
    root = _folder(tmp_path)
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [str(root)], SETTINGS)
        docs, rejections = _state(store)
    stored = sorted(uri.rsplit("/", 1)[1] for uri, _, has_text in docs if has_text)
    assert stored == [
        "bomb.jsonl.gz:1", "cells.csv:3", "charref.xml#item1", "good.txt", "prefix.rss#item1",
        "surrogate.jsonl:1", "utf16.txt",
    ]
    rejected = {(uri.rsplit("/", 1)[1], code) for uri, code in rejections}
    assert rejected == {
        ("bomb.jsonl.gz", "too_large"), ("deep.jsonl:1", "too_deep"), ("prefix.rss#item2", "missing_text"),
        ("cells.csv:2", "too_large"), ("cells.csv:4", "malformed"), ("empty.txt", "empty"),
        ("binary.txt", "binary"), ("tags.html", "too_complex"), ("not-json.json", "malformed"),
        ("unknown.pdfx", "unsupported_type"), ("link.txt", "outside_folder"),
    }
    assert all(cleaned for _, cleaned, _ in docs)  # nothing left half-done for the next run


def test_a_second_run_over_the_folder_stores_nothing_new_and_fails_nothing(tmp_path):
    root = _folder(tmp_path)
    with Store.open(tmp_path / "s.duckdb") as store:
        ingest(store, [str(root)], SETTINGS)
        first = _state(store)
    with Store.open(tmp_path / "s.duckdb") as store:
        summary = ingest(store, [str(root)], SETTINGS)
        second = _state(store)
    assert second == first and summary.ingested == 0
