"""Containers of many documents: JSON, JSON lines (plain or gzip), CSV.

Each record becomes one `RawDocument` whose `raw` is the record's own bytes (the JSON line, the CSV
record's lines) so `doc_id` is stable, and whose `fields` are the parsed fields, unknown ones kept.
A malformed record becomes a `Rejection` naming the file and line; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from multipolar.errors import ParseError
from multipolar.records import RawDocument, Rejection
from multipolar.safe_text import json_depth
from multipolar.settings import Settings

STAGE = "source"
CONTENT_FIELDS = ("text", "html")
KNOWN_FIELDS = ("id", "title", "url", "published", "outlet", "author", "text", "html")
_BLOCK = 1 << 20  # bytes read at a time from a JSON lines stream


def _record(uri: str, where: str, raw: bytes, obj: Any, settings: Settings) -> RawDocument | Rejection:
    """One record as a raw document, or a rejection naming the record (`where`) and the fix."""
    if not isinstance(obj, dict):
        return Rejection(
            where, STAGE, "malformed",
            f"{where}: expected a JSON object with a `text` or `html` field, found {type(obj).__name__}",
        )
    depth = json_depth(obj)
    if depth > settings.max_json_depth:
        return Rejection(
            where, STAGE, "too_deep",
            f"{where}: the record nests {depth} levels deep, over the limit of {settings.max_json_depth}; "
            f"flatten it or raise --set max_json_depth={depth}",
        )
    if not any(isinstance(obj.get(k), str) and obj.get(k).strip() for k in CONTENT_FIELDS):
        present = ", ".join(sorted(map(str, obj))[:8]) or "none"
        return Rejection(
            where, STAGE, "missing_text",
            f"{where}: no `text` or `html` field with content (fields present: {present}); add one",
        )
    return RawDocument(source_uri=where, raw=raw, raw_format="json", fields=obj)


def _loads(raw: bytes | str) -> Any:
    """json.loads, with nesting too deep for the parser reported like any other malformed JSON."""
    try:
        return json.loads(raw)
    except RecursionError:
        raise ValueError("nested too deeply to parse") from None


class _TooMuch(Exception):
    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def _lines(handle: IO[bytes], *, max_line: int, max_total: int | None) -> Iterator[tuple[int, bytes | None, int]]:
    """(line number, line without its newline or None when longer than `max_line`, its length),
    reading fixed-size blocks so that neither a huge line nor a stream of blank lines costs more
    than a block and `max_line` bytes of memory. Blank lines are skipped. Raises `_TooMuch` once
    more than `max_total` bytes have been read."""
    number = 0
    tail = bytearray()  # the current, unfinished line
    overflow = -1  # length of the current line once it is over max_line (then `tail` stays empty)
    total = 0
    while block := handle.read(_BLOCK):
        total += len(block)
        if max_total is not None and total > max_total:
            raise _TooMuch(total)
        if not tail and overflow < 0 and not block.strip():
            number += block.count(b"\n")
            cut = block.rfind(b"\n")
            tail += block[cut + 1 :] if cut >= 0 else block
            continue
        pieces = block.split(b"\n")
        for piece in pieces[:-1]:
            number += 1
            if overflow >= 0:
                yield number, None, overflow + len(piece)
                overflow = -1
                continue
            line = bytes(tail) + piece if tail else piece
            tail.clear()
            line = line.rstrip(b"\r")
            if len(line) > max_line:
                yield number, None, len(line)
            elif line.strip():
                yield number, line, len(line)
        last = pieces[-1]
        if overflow >= 0:
            overflow += len(last)
        elif len(tail) + len(last) > max_line:
            overflow = len(tail) + len(last)
            tail.clear()
        else:
            tail += last
    if overflow >= 0:
        yield number + 1, None, overflow
    elif tail.strip():
        yield number + 1, bytes(tail).rstrip(b"\r"), len(tail)


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    uri = str(path)
    gz = uri.lower().endswith(".gz")
    try:
        with (gzip.open if gz else open)(path, "rb") as handle:
            yield from read_jsonl_stream(uri, handle, settings, compressed=gz)
    except OSError as exc:
        yield Rejection(uri, STAGE, "unreadable", f"{uri}: cannot be read ({exc.strerror or exc}); check permissions")


def read_jsonl_stream(
    uri: str, handle: IO[bytes], settings: Settings, *, compressed: bool
) -> Iterator[RawDocument | Rejection]:
    """The records of a JSON lines stream; a compressed one may yield `max_decompressed_bytes` at most."""
    limit = settings.max_decompressed_bytes if compressed else None
    try:
        for number, raw, length in _lines(handle, max_line=settings.max_bytes, max_total=limit):
            where = f"{uri}:{number}"
            if raw is None:
                yield Rejection(
                    where, STAGE, "too_large",
                    f"{where}: line of {length:,} bytes is over the limit of {settings.max_bytes:,}; "
                    f"raise it with --set max_bytes={length}",
                )
                continue
            try:
                obj = _loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Rejection(
                    where, STAGE, "malformed",
                    f"{where}: not valid JSON ({exc}); fix the line or remove it",
                )
                continue
            yield _record(uri, where, raw, obj, settings)
    except _TooMuch as exc:
        yield Rejection(
            uri, STAGE, "too_large",
            f"{uri}: decompresses to more than {settings.max_decompressed_bytes:,} bytes ({exc.size:,} read); "
            "the lines before are kept; raise --set max_decompressed_bytes=N or split the file",
        )
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield Rejection(uri, STAGE, "malformed", f"{uri}: broken gzip stream ({exc}); re-compress or unpack the file")


def read_json(uri: str, raw: bytes, settings: Settings) -> Iterator[RawDocument | Rejection]:
    try:
        obj = _loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ParseError(f"{uri}: not valid JSON ({exc}); fix the file", code="malformed") from None
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        obj = obj["documents"]
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            where = f"{uri}#{index}"
            if json_depth(item) > settings.max_json_depth:
                yield _record(uri, where, b"", item, settings)  # the depth rejection
                continue
            try:
                item_raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate: kept escaped; the cleaner repairs and flags it
                item_raw = json.dumps(item, sort_keys=True).encode("ascii")
            yield _record(uri, where, item_raw, item, settings)
    else:
        yield _record(uri, uri, raw, obj, settings)


def read_csv(uri: str, raw: bytes, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """Rows of a CSV whose header names the document fields; `raw` is the record's own lines.

    A bad record (wrong number of cells, a cell over `csv_max_cell_chars`) becomes a rejection
    naming its line, and reading goes on with the next record."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    lines = io.StringIO(text, newline="")
    consumed: list[str] = []

    def feed() -> Iterator[str]:
        for line in lines:
            consumed.append(line)
            yield line

    previous_limit = csv.field_size_limit(max(settings.csv_max_cell_chars, 1))
    try:
        yield from _csv_rows(uri, csv.reader(feed()), consumed, settings)
    finally:
        csv.field_size_limit(previous_limit)


def _csv_rows(uri: str, reader: Any, consumed: list[str], settings: Settings) -> Iterator[RawDocument | Rejection]:
    try:
        header = next(reader)
    except StopIteration:
        raise ParseError(f"{uri}: the CSV file is empty", code="empty") from None
    except csv.Error as exc:
        raise ParseError(f"{uri}: unreadable CSV header ({exc})", code="malformed") from None
    header = [h.strip().lower() for h in header]
    if not any(h in CONTENT_FIELDS for h in header):
        raise ParseError(
            f"{uri}: the CSV header ({', '.join(header)}) has no `text` or `html` column; "
            f"name the columns {', '.join(KNOWN_FIELDS)}",
            code="missing_text",
        )
    line_number = len(consumed)
    while True:
        consumed.clear()
        start = line_number + 1
        where = f"{uri}:{start}"
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line_number += max(len(consumed), 1)
            code = "too_large" if "field limit" in str(exc) else "malformed"
            fix = (
                f"raise --set csv_max_cell_chars=N (now {settings.csv_max_cell_chars:,})"
                if code == "too_large" else "fix the quoting of this record"
            )
            yield Rejection(where, STAGE, code, f"{where}: unreadable CSV record ({exc}); {fix}")
            continue
        line_number += len(consumed)
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            yield Rejection(
                where, STAGE, "malformed",
                f"{where}: {len(row)} cells where the header has {len(header)}; quote cells that hold commas",
            )
            continue
        record_raw = "".join(consumed).encode("utf-8")
        yield _record(uri, where, record_raw, dict(zip(header, row, strict=True)), settings)


def looks_like_gdelt(path: Path) -> bool:
    """A tab-separated file whose first line has the 61 columns of a GDELT 2.0 event export."""
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                names = archive.namelist()
                if not names:
                    return False
                with archive.open(names[0]) as handle:
                    first = handle.readline()
        else:
            with open(path, "rb") as handle:
                first = handle.readline()
    except (OSError, zipfile.BadZipFile):
        return False
    return first.count(b"\t") == 60
