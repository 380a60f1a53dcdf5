"""Bytes to text: declared charset, UTF-8 with or without BOM, cp1252 fallback, empty and binary input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from multipolar.clean.decode import decode
from multipolar.errors import DecodeError


def test_decode_empty_raises_empty() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"", declared=None, source_uri="a.txt")
    assert info.value.code == "empty"
    assert "a.txt" in info.value.message


def test_decode_whitespace_only_raises_empty() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b" \r\n\t ", declared=None, source_uri="blank.txt")
    assert info.value.code == "empty"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
)
def test_decode_known_binary_names_kind_and_fix(raw: bytes, kind: str) -> None:
    with pytest.raises(DecodeError) as info:
        decode(raw, declared=None, source_uri="file.bin")
    assert info.value.code == "binary"
    assert kind in info.value.message
    assert "file.bin" in info.value.message and "convert it to text or HTML first" in info.value.message


def test_decode_nul_bytes_are_binary() -> None:
    with pytest.raises(DecodeError) as info:
        decode(b"abc\x00def\x00ghi", declared=None, source_uri="x.dat")
    assert info.value.code == "binary"


def test_decode_control_characters_are_binary() -> None:
    with pytest.raises(DecodeError) as info:
        decode(bytes(range(1, 32)) * 10 + b"text", declared=None, source_uri="x.dat")
    assert info.value.code == "binary"


def test_decode_utf8_without_declaration() -> None:
    assert decode("Xi’s “visit” — Moscow".encode(), declared=None, source_uri="u") == (
        "Xi’s “visit” — Moscow",
        "utf-8",
    )


def test_decode_utf8_bom_is_stripped() -> None:
    text, encoding = decode(codecs.BOM_UTF8 + b"Kremlin", declared=None, source_uri="u")
    assert (text, encoding) == ("Kremlin", "utf-8")


def test_decode_utf16_bom() -> None:
    text, encoding = decode(
        codecs.BOM_UTF16_LE + "Beijing".encode("utf-16-le"), declared=None, source_uri="u"
    )
    assert (text, encoding) == ("Beijing", "utf-16")


def test_decode_cp1252_fallback() -> None:
    raw = "Xi’s “visit” costs €5".encode("cp1252")
    assert decode(raw, declared=None, source_uri="u") == ("Xi’s “visit” costs €5", "cp1252")


def test_decode_declared_charset_wins() -> None:
    raw = "Москва и Пекин".encode("koi8-r")
    assert decode(raw, declared="KOI8-R", source_uri="u") == ("Москва и Пекин", "koi8-r")


def test_decode_declared_latin1_reads_utf8_bytes_as_utf8() -> None:
    assert decode("café".encode(), declared="ISO-8859-1", source_uri="u") == ("café", "utf-8")


def test_decode_declared_latin1_means_cp1252() -> None:
    assert decode("“q”".encode("cp1252"), declared="iso-8859-1", source_uri="u") == ("“q”", "cp1252")


def test_decode_unknown_declared_charset_falls_back() -> None:
    assert decode(b"plain", declared="no-such-charset", source_uri="u") == ("plain", "utf-8")


def test_decode_wrong_declared_charset_falls_back_to_utf8() -> None:
    assert decode("ü".encode(), declared="ascii", source_uri="u") == ("ü", "utf-8")


@settings(max_examples=400)
@given(st.binary(max_size=300), st.sampled_from([None, "utf-8", "latin-1", "koi8-r", "bogus", "utf-16"]))
def test_decode_raises_only_decode_error(raw: bytes, declared: str | None) -> None:
    try:
        text, encoding = decode(raw, declared=declared, source_uri="random.bin")
    except DecodeError as exc:
        assert exc.code in {"empty", "binary", "undecodable"}
    else:
        assert isinstance(text, str) and text.strip()
        assert encoding


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_without_bom_is_text(codec: str) -> None:
    text = "Accra, Monday — ministers from Ghana and Kenya met to discuss cocoa.\n"
    decoded, encoding = decode(text.encode(codec), declared=None, source_uri="a.txt")
    assert (decoded, encoding) == (text, codec)
