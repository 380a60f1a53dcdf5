from __future__ import annotations

import gzip
import json

import pytest

from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings
from multipolar.sources import GdeltFile, read_inputs


def _read(*paths, settings=None):
    return list(read_inputs([str(p) for p in paths], settings or Settings()))


def _docs(items):
    return [i for i in items if isinstance(i, RawDocument)]


def _rejections(items):
    return [i for i in items if isinstance(i, Rejection)]


def test_read_folder_recurses_and_skips_hidden(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text("First article text.")
    (tmp_path / "two.md").write_text("# Second\n\nBody.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("hidden")
    items = _read(tmp_path)
    assert sorted(d.raw_format for d in _docs(items)) == ["md", "txt"]


def test_read_html_file_keeps_bytes(tmp_path):
    page = b"<html><head><title>T</title></head><body><p>Hi</p></body></html>"
    (tmp_path / "p.html").write_bytes(page)
    (doc,) = _docs(_read(tmp_path / "p.html"))
    assert doc.raw == page and doc.raw_format == "html"


def test_read_jsonl_each_line_is_a_document_and_unknown_fields_kept(tmp_path):
    lines = [
        {"id": "a1", "text": "Alpha text", "title": "A", "section": "world"},
        {"id": "a2", "html": "<p>Beta</p>", "url": "https://example.org/b"},
    ]
    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    docs = _docs(_read(path))
    assert [d.fields["id"] for d in docs] == ["a1", "a2"]
    assert docs[0].fields["section"] == "world"
    assert docs[0].raw == json.dumps(lines[0]).encode()


def test_read_jsonl_gz_streams(tmp_path):
    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt") as handle:
        for i in range(5):
            handle.write(json.dumps({"id": str(i), "text": f"text {i}"}) + "\n")
    assert len(_docs(_read(path))) == 5


def test_read_jsonl_bad_line_is_rejected_with_line_number_and_rest_goes_on(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "good"}\n{not json\n{"title": "no text"}\n[1, 2]\n{"text": "also good"}\n')
    items = _read(path)
    assert len(_docs(items)) == 2
    messages = {r.code: r.message for r in _rejections(items)}
    assert set(messages) == {"malformed", "missing_text"}
    assert f"{path}:2" in [r.source_uri for r in _rejections(items)][0]
    assert "add one" in messages["missing_text"]


def test_read_broken_gzip_is_rejected(tmp_path):
    path = tmp_path / "d.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage")
    (rejection,) = _rejections(_read(path))
    assert rejection.code == "malformed" and "gzip" in rejection.message


def test_read_json_list_and_object(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"text": "one"}, {"text": "two"}]))
    (tmp_path / "obj.json").write_text(json.dumps({"text": "three", "title": "T"}))
    assert len(_docs(_read(tmp_path))) == 3


def test_read_malformed_json_file_is_rejected(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"text": ')
    (rejection,) = _rejections(_read(path))
    assert rejection.code == "malformed" and "not valid JSON" in rejection.message


def test_read_csv_rows_with_quoted_newlines(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text('id,title,text\n1,First,"Line one\nline two, with comma"\n2,Second,Plain\n')
    docs = _docs(_read(path))
    assert [d.fields["id"] for d in docs] == ["1", "2"]
    assert docs[0].fields["text"] == "Line one\nline two, with comma"
    assert docs[0].raw == b'1,First,"Line one\nline two, with comma"\n'


def test_read_csv_without_text_column_names_the_fix(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,title\n1,First\n")
    (rejection,) = _rejections(_read(path))
    assert rejection.code == "missing_text" and "name the columns" in rejection.message


def test_read_csv_short_row_is_rejected(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("id,title,text\n1,First\n2,Second,Body\n")
    items = _read(path)
    assert len(_docs(items)) == 1 and _rejections(items)[0].code == "malformed"


@pytest.mark.parametrize("name", ["empty.txt", "blank.html"])
def test_read_empty_file_is_rejected(tmp_path, name):
    (tmp_path / name).write_text("  \n" if name.startswith("blank") else "")
    (rejection,) = _rejections(_read(tmp_path / name))
    assert rejection.code == "empty"


def test_read_file_over_the_size_limit_names_the_setting(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("x" * 200)
    (rejection,) = _rejections(_read(path, settings=Settings(max_bytes=100)))
    assert rejection.code == "too_large" and "--set max_bytes=200" in rejection.message


def test_read_missing_path_is_rejected(tmp_path):
    (rejection,) = _rejections(_read(tmp_path / "nope.txt"))
    assert rejection.code == "not_found"


def test_read_unsupported_type_lists_what_is_supported(tmp_path):
    (tmp_path / "x.docx").write_bytes(b"PK\x03\x04")
    (rejection,) = _rejections(_read(tmp_path / "x.docx"))
    assert rejection.code == "unsupported_type" and ".jsonl.gz" in rejection.message


def test_read_gdelt_export_is_recognised(tmp_path):
    path = tmp_path / "20250121.export.CSV"
    path.write_text("\t".join(["x"] * 61) + "\n")
    (item,) = _read(path)
    assert isinstance(item, GdeltFile)
