"""The Cleaner stage: dispatch on raw_format, container metadata, rejections, language flags."""

from __future__ import annotations

import json
import pickle
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.clean.stage import Cleaner
from multipolar.errors import DecodeError, InputError, ParseError
from multipolar.records import Document, RawDocument, Rejection
from multipolar.settings import Settings

ARTICLE = (
    "Ministers meet to discuss trade and security\n\nBy Anna Petrova\n\n2025-02-03\n\n"
    "The foreign ministers of the two countries met in the capital on Monday to discuss a wide range of "
    "questions, from trade in energy to the security of shipping lanes in the region. Officials said the "
    "talks were constructive.\n\nShare this article\n"
)


@pytest.fixture()
def cleaner() -> Cleaner:
    return Cleaner(Settings())


def _json_raw(fields: dict) -> RawDocument:
    return RawDocument(
        source_uri="in.jsonl#1", raw=json.dumps(fields).encode(), raw_format="json", fields=fields
    )


def test_cleaner_name_and_picklable(cleaner: Cleaner) -> None:
    assert cleaner.name == "clean.v1"
    assert pickle.loads(pickle.dumps(cleaner)).settings == cleaner.settings


def test_cleaner_txt(cleaner: Cleaner) -> None:
    raw = RawDocument(source_uri="a.txt", raw=ARTICLE.encode(), raw_format="txt")
    document = cleaner.clean(raw)
    assert document.doc_id == raw.doc_id
    assert document.title == "Ministers meet to discuss trade and security"
    assert document.author == "Anna Petrova"
    assert (document.published, document.published_from) == (date(2025, 2, 3), "text")
    assert document.language == "en" and document.is_english
    assert "Share this article" in document.removed
    assert document.encoding == "utf-8"


def test_cleaner_seed_file(cleaner: Cleaner, seeds: dict[str, Path]) -> None:
    path = seeds["004"]
    document = cleaner.clean(RawDocument(source_uri=str(path), raw=path.read_bytes(), raw_format="txt"))
    assert (document.outlet, document.author, document.published) == (
        "AFP",
        "Michelle Larsen",
        date(2025, 1, 22),
    )
    assert document.published_from == "text"
    assert document.boilerplate_removed > 0


def test_cleaner_json_container_metadata_wins(cleaner: Cleaner) -> None:
    fields = {
        "id": "rec-7",
        "title": "Container title",
        "text": ARTICLE,
        "published": "2024-12-31T10:00:00Z",
        "url": "https://example.org/a",
        "outlet": "Example Wire",
        "category": "readouts",
    }
    document = cleaner.clean(_json_raw(fields))
    assert document.title == "Container title"
    assert (document.published, document.published_from) == (date(2024, 12, 31), "feed")
    assert document.url == "https://example.org/a"
    assert document.outlet == "Example Wire"
    assert document.author == "Anna Petrova"  # not given by the container: found in the text
    assert document.input_id == "rec-7"
    assert document.extra == {"category": "readouts"}


def test_cleaner_json_date_alias(cleaner: Cleaner) -> None:
    document = cleaner.clean(_json_raw({"text": ARTICLE, "date": "2021-01-15"}))
    assert (document.published, document.published_from) == (date(2021, 1, 15), "feed")


def test_cleaner_feed_item_with_html(cleaner: Cleaner) -> None:
    paragraph = (
        "The foreign ministers of the two countries met in the capital on Monday to discuss a wide range of "
        "questions, from trade in energy to the security of shipping lanes in the region."
    )
    fields = {
        "html": f"<html><body><article><p>{paragraph}</p></article></body></html>",
        "link": "https://e.org/x",
    }
    raw = RawDocument(source_uri="feed.xml#3", raw=b"<item/>", raw_format="feed-item", fields=fields)
    document = cleaner.clean(raw)
    assert paragraph in document.text
    assert document.url == "https://e.org/x"


def test_cleaner_container_without_text_is_rejected(cleaner: Cleaner) -> None:
    with pytest.raises(ParseError) as info:
        cleaner.clean(_json_raw({"title": "only a title"}))
    assert info.value.code == "no_text"


def test_cleaner_binary_txt_is_rejected(cleaner: Cleaner) -> None:
    with pytest.raises(DecodeError) as info:
        cleaner.clean(RawDocument(source_uri="doc.txt", raw=b"%PDF-1.4 ...", raw_format="txt"))
    assert info.value.code == "binary"


def test_cleaner_unknown_format_is_rejected(cleaner: Cleaner) -> None:
    with pytest.raises(InputError) as info:
        cleaner.clean(RawDocument(source_uri="x", raw=b"abc", raw_format="docx"))
    assert info.value.code == "unknown_format"


def test_cleaner_batch_turns_errors_into_rejections(cleaner: Cleaner) -> None:
    good = RawDocument(source_uri="a.txt", raw=ARTICLE.encode(), raw_format="txt")
    bad = RawDocument(source_uri="b.txt", raw=b"", raw_format="txt")
    out = cleaner.clean_batch([good, bad])
    assert isinstance(out[0], Document)
    assert isinstance(out[1], Rejection)
    assert (out[1].stage, out[1].code, out[1].source_uri) == ("clean.v1", "empty", "b.txt")


def test_cleaner_flags_non_english(cleaner: Cleaner) -> None:
    text = (
        "Die Außenminister der beiden Länder trafen sich am Montag in der Hauptstadt, um über den Handel mit "
        "Energie und die Sicherheit der Schifffahrtswege in der Region zu sprechen."
    )
    document = cleaner.clean(RawDocument(source_uri="de.txt", raw=text.encode(), raw_format="txt"))
    assert document.language == "de"
    assert not document.is_english
    assert "non_english" in document.flags


def test_cleaner_cp1252_flag(cleaner: Cleaner) -> None:
    raw = RawDocument(
        source_uri="w.txt", raw=ARTICLE.replace("Monday", "“Monday”").encode("cp1252"), raw_format="txt"
    )
    document = cleaner.clean(raw)
    assert document.encoding == "cp1252"
    assert "decoded_cp1252" in document.flags
    assert '"Monday"' in document.text


def test_cleaner_markdown_heading(cleaner: Cleaner) -> None:
    raw = RawDocument(source_uri="a.md", raw=("# " + ARTICLE).encode(), raw_format="md")
    assert cleaner.clean(raw).title == "Ministers meet to discuss trade and security"


def test_cleaner_html_file_uses_url_date_and_keeps_unknown_fields(cleaner: Cleaner) -> None:
    paragraph = (
        "The foreign ministers of the two countries met in the capital on Monday to discuss a wide range of "
        "questions, from trade in energy to the security of shipping lanes in the region."
    )
    html = f"<html><head><title>Talks</title></head><body><article><p>{paragraph}</p></article></body></html>"
    raw = RawDocument(
        source_uri="https://example.org/2025/01/21/talks/",
        raw=html.encode(),
        raw_format="html",
        fields={"fetched_with": "test"},
    )
    document = cleaner.clean(raw)
    assert paragraph in document.text
    assert (document.published, document.published_from) == (date(2025, 1, 21), "url")
    assert document.url == "https://example.org/2025/01/21/talks/"
    assert document.extra == {"fetched_with": "test"}


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=400) | st.text(max_size=400).map(str.encode), st.sampled_from(["txt", "md", "html"])
)
def test_cleaner_raises_only_input_errors(raw: bytes, raw_format: str) -> None:
    cleaner = Cleaner(Settings())
    try:
        document = cleaner.clean(RawDocument(source_uri="random", raw=raw, raw_format=raw_format))
    except InputError as exc:
        assert exc.code and exc.message.startswith("random")
    else:
        assert document.text.strip()


def test_warm_up_is_once_per_process_and_only_for_markup(monkeypatch: pytest.MonkeyPatch) -> None:
    from htmldate.extractors import get_external_parser

    import multipolar.clean.stage as stage
    from multipolar.pipeline import CleanStage

    monkeypatch.setattr(stage, "_warmed", False)
    text = RawDocument("a.txt", b"Officials met in Accra on Monday.", "txt")
    page = RawDocument("a.html", b"<html><body><p>Officials met in Accra.</p></body></html>", "html")
    assert not stage.Cleaner.needs_warm_up([text])
    assert stage.Cleaner.needs_warm_up([text, page])
    record = RawDocument("a.jsonl#1", b"{}", "json", {"title": "Talks", "text": "Officials met in Accra."})
    record_page = RawDocument("a.jsonl#2", b"{}", "json", {"content_html": "<p>Officials met in Accra.</p>"})
    assert not stage.Cleaner.needs_warm_up([record])  # a record of text only is cleaned as text
    assert stage.Cleaner.needs_warm_up([record, record_page])

    calls: list[str] = []
    real_clean = stage.Cleaner.clean
    monkeypatch.setattr(stage.Cleaner, "clean", lambda self, raw: calls.append(raw.source_uri) or real_clean(self, raw))
    CleanStage(Settings()).process([text])
    assert calls == ["a.txt"]  # plain text alone does not pay for the page machinery
    CleanStage(Settings()).process([page])
    assert calls == ["a.txt", "warm-up.html", "a.html"]
    CleanStage(Settings()).process([page])
    assert calls[-2:] == ["a.html", "a.html"]  # once per process
    # the invented page reaches dateparser, whose locale tables are the costly first use
    assert get_external_parser.cache_info().currsize == 1
