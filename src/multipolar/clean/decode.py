"""Bytes to text: the declared charset first, then UTF-8 (BOM stripped), then cp1252.

`decode(raw, declared=..., source_uri=...)` returns `(text, encoding)` where `encoding` is the codec
actually used (Python's canonical name: "utf-8", "cp1252", "utf-16", ...). Empty input raises
`DecodeError(code="empty")`; binary input (known file signatures, NUL bytes, many control characters)
raises `DecodeError(code="binary")` with a message that names the input and the fix.

Two deliberate departures from "declared always wins", both from the WHATWG encoding standard and
browser practice: a declared ISO-8859-1/ASCII label means cp1252, and bytes that are valid UTF-8 with
multi-byte sequences are read as UTF-8 even when the label says a single-byte Western charset
(servers mislabel UTF-8 pages as ISO-8859-1 far more often than cp1252 text happens to be valid UTF-8).
"""

from __future__ import annotations

import codecs
import re

from multipolar.errors import DecodeError

# (signature, offset, description, fix)
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "a PDF file"),
    (b"PK\x03\x04", 0, "a ZIP archive (or a DOCX/XLSX/EPUB file)"),
    (b"PK\x05\x06", 0, "an empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"\x1f\x8b", 0, "a gzip-compressed file"),
    (b"BZh", 0, "a bzip2-compressed file"),
    (b"\xfd7zXZ\x00", 0, "an xz-compressed file"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7-Zip archive"),
    (b"\x28\xb5\x2f\xfd", 0, "a zstd-compressed file"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "an old Microsoft Office file (DOC/XLS/PPT)"),
    (b"{\\rtf", 0, "an RTF file"),
    (b"%!PS", 0, "a PostScript file"),
    (b"\x7fELF", 0, "an executable (ELF)"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"OggS", 0, "an Ogg media file"),
    (b"ID3", 0, "an MP3 file"),
    (b"ftyp", 4, "an MP4/QuickTime media file"),
    (b"WEBP", 8, "a WebP image"),
    (b"PAR1", 0, "a Parquet file"),
    (b"DUCK", 8, "a DuckDB database"),
)
_BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_SINGLE_BYTE_WESTERN = {"latin-1", "iso8859-1", "ascii", "cp1252", "iso8859-15"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(raw: bytes, *, declared: str | None, source_uri: str) -> tuple[str, str]:
    """Decode `raw`; return the text and the name of the encoding used."""
    if not raw or not raw.strip():
        raise DecodeError(
            f"{source_uri} is empty (0 bytes of text): nothing to read; check the file or the download",
            code="empty",
        )
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"{source_uri} starts with a {name} byte-order mark but is not valid {name} "
                    f"(byte {exc.start}): re-save it as UTF-8",
                    code="undecodable",
                ) from exc
            _check_text(text, source_uri)
            return text.lstrip("\ufeff"), "utf-8" if name == "utf-8-sig" else name
    kind = _binary_kind(raw)
    if kind is not None:
        raise DecodeError(f"{source_uri} is {kind}: convert it to text or HTML first", code="binary")
    if b"\x00" in raw[:65536]:
        utf16 = _utf16_without_bom(raw)
        if utf16 is not None:
            return utf16
        raise DecodeError(
            f"{source_uri} contains NUL bytes, so it is binary, not text: convert it to text or HTML first",
            code="binary",
        )
    for name in _candidates(raw, declared):
        try:
            text = raw.decode(name)
        except UnicodeDecodeError:
            continue
        _check_text(text, source_uri)
        return text, name
    # cp1252 leaves five bytes undefined; latin-1 maps every byte, so this cannot fail.
    text = raw.decode("latin-1")
    _check_text(text, source_uri)
    return text, "latin-1"


def _utf16_without_bom(raw: bytes) -> tuple[str, str] | None:
    """Text saved as UTF-16 without a byte-order mark: in Latin-script text nearly every other byte is
    NUL (the high byte), at odd offsets for little-endian and even ones for big-endian. Binary data
    with a few NULs, or text in scripts whose high byte is not NUL, is left to the other checks."""
    sample = raw[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    even = sample[0::2].count(0) / half
    odd = sample[1::2].count(0) / half
    if odd > 0.7 and even < 0.02:
        name = "utf-16-le"
    elif even > 0.7 and odd < 0.02:
        name = "utf-16-be"
    else:
        return None
    try:
        text = raw[: len(raw) - len(raw) % 2].decode(name)
    except UnicodeDecodeError:
        return None
    if _CONTROL.search(text[:4096].replace("\x00", "")) is None and "\x00" not in text:
        return text, name
    return None


def _candidates(raw: bytes, declared: str | None) -> list[str]:
    names: list[str] = []
    if declared:
        try:
            name = codecs.lookup(declared.strip().strip("\"'")).name
        except LookupError:
            name = ""
        if name in _SINGLE_BYTE_WESTERN:
            if _is_multibyte_utf8(raw):
                name = "utf-8"
            elif name != "iso8859-15":
                name = "cp1252"
        if name:
            names.append(name)
    names += [n for n in ("utf-8", "cp1252") if n not in names]
    return names


def _is_multibyte_utf8(raw: bytes) -> bool:
    if raw.isascii():
        return False
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _binary_kind(raw: bytes) -> str | None:
    for magic, offset, kind in _MAGIC:
        if raw[offset : offset + len(magic)] == magic:
            if magic == b"BZh" and not _BZIP2.match(raw):
                continue
            return kind
    return None


def _check_text(text: str, source_uri: str) -> None:
    sample = text[:65536]
    controls = len(_CONTROL.findall(sample))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise DecodeError(
            f"{source_uri} is mostly control characters ({controls} in the first {len(sample)}), so it "
            "is binary, not text: convert it to text or HTML first",
            code="binary",
        )
    if not text.replace("\ufeff", "").replace("\u200b", "").strip():
        raise DecodeError(
            f"{source_uri} holds only whitespace: nothing to read; check the file or the download",
            code="empty",
        )
