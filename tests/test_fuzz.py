"""Fuzzing every reader and cleaner: whatever the bytes, the only exception is an InputError (a stored
rejection). Bounded for CI (about a minute in all); benchmarks/bench_fuzz.py runs 100,000+ inputs."""

from __future__ import annotations

import gzip
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multipolar.clean.decode import decode
from multipolar.clean.normalize import normalize
from multipolar.clean.stage import Cleaner
from multipolar.clean.text import clean_text
from multipolar.errors import InputError
from multipolar.interop.gdelt import parse_gdelt_row
from multipolar.records import RawDocument
from multipolar.settings import Settings
from multipolar.sources import containers, feeds

SETTINGS = Settings(max_json_depth=16, max_decompressed_bytes=1_000_000)
CLEANER = Cleaner(SETTINGS)
FUZZ = settings(max_examples=80, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HOSTILE = st.sampled_from([
    "&#xd800;", "&#x110000;", "&#0;", "\\ud800", "\\udc80", "[[[[[[[[[[[[[[[[[[[[", "<dc:x>", "<a:item>", "]]>",
    "\ufeff", "\x00", "\x1b[2J", "\r", "\u2028", "<p>", "&amp;#xd800;", "\"", ",", "\n", "9999-99-99", "javascript:",
])
PIECES = st.one_of(HOSTILE, st.text(max_size=12), st.sampled_from(["<item>", "</item>", "<entry>", "<title>", "{\"text\": \""]))


def _markup(prefix: str, suffix: str) -> st.SearchStrategy[bytes]:
    return st.lists(PIECES, max_size=25).map(lambda parts: (prefix + "".join(parts) + suffix).encode("utf-8", "surrogatepass"))


FEEDS = _markup("<rss version='2.0'><channel><title>W</title><item><description>", "</description></item></channel></rss>")
ATOMS = _markup("<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='html'>", "</content></entry></feed>")
PAGES = _markup("<html><head><title>T</title></head><body><article><p>", "</p></article></body></html>")
JSONS = st.one_of(
    _markup('{"title": "', '", "text": "Some text about a meeting in Accra."}'),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                 max_leaves=20).map(lambda v: json.dumps({"text": "Accra talks went on.", "x": v}).encode()),
)
CSVS = _markup("id,title,text\n1,", ",\"Some text about a meeting.\"\n2,b,c\n")
ANY_BYTES = st.one_of(st.binary(max_size=400), FEEDS, PAGES, JSONS, CSVS)


def _quiet(call) -> None:
    try:
        call()
    except InputError:
        pass


@FUZZ
@given(raw=st.one_of(JSONS, ANY_BYTES))
def test_fuzz_json_and_jsonl_readers(raw):
    _quiet(lambda: list(containers.read_json("f.json", raw, SETTINGS)))
    _quiet(lambda: list(containers.read_jsonl_stream("f.jsonl", io.BytesIO(raw + b"\n" + raw), SETTINGS, compressed=False)))
    packed = gzip.compress(raw)[: max(10, len(raw) % 97 + 10)]  # sometimes cut short
    _quiet(lambda: list(containers.read_jsonl_stream("f.gz", gzip.GzipFile(fileobj=io.BytesIO(packed)), SETTINGS, compressed=True)))


@FUZZ
@given(raw=st.one_of(CSVS, ANY_BYTES))
def test_fuzz_csv_reader(raw):
    _quiet(lambda: list(containers.read_csv("f.csv", raw, SETTINGS)))


@FUZZ
@given(raw=st.one_of(FEEDS, ATOMS, ANY_BYTES))
def test_fuzz_feed_reader_and_item_cleaner(raw):
    def run():
        for item in feeds.read_feed("f.xml", raw, max_tags=SETTINGS.max_markup_tags):
            if isinstance(item, RawDocument):
                _quiet(lambda item=item: CLEANER.clean(item))

    _quiet(run)


@FUZZ
@given(raw=ANY_BYTES, declared=st.sampled_from([None, "utf-8", "latin-1", "utf-16", "bogus", "shift_jis"]))
def test_fuzz_decode(raw, declared):
    _quiet(lambda: decode(raw, declared=declared, source_uri="f.txt"))


@FUZZ
@given(raw=ANY_BYTES, fmt=st.sampled_from(["txt", "md", "html"]))
def test_fuzz_file_cleaner(raw, fmt):
    _quiet(lambda: CLEANER.clean(RawDocument(f"f.{fmt}", raw, fmt)))


@FUZZ
@given(raw=st.one_of(JSONS, PAGES))
def test_fuzz_container_cleaner(raw):
    def run():
        for item in containers.read_jsonl_stream("f.jsonl", io.BytesIO(raw), SETTINGS, compressed=False):
            if isinstance(item, RawDocument):
                CLEANER.clean(item)
        html = raw.decode("utf-8", "surrogatepass")
        CLEANER.clean(RawDocument("f.jsonl:2", raw, "json", {"html": html, "title": html[:20]}))

    _quiet(run)


@FUZZ
@given(text=st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=40).map("".join)))
def test_fuzz_text_functions(text):
    clean_text(text, title=text[:10] or None)
    normalize(text)
    _quiet(lambda: parse_gdelt_row(text, where="f:1"))


@pytest.mark.parametrize("reader", ["feed", "csv", "json"])
def test_fuzz_examples_include_hostile_tokens(reader):
    """The strategies do reach the hostile cases (a guard against a fuzz test that tests nothing)."""
    strategy = {"feed": FEEDS, "csv": CSVS, "json": JSONS}[reader]
    seen = set()

    @settings(max_examples=60, derandomize=True, database=None)
    @given(raw=strategy)
    def collect(raw):
        seen.update(tok for tok in (b"&#xd800;", b"<dc:x>", b"\\ud800", b"\x00") if tok in raw)

    collect()
    assert seen
