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
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from multipolar.errors import ParseError
from multipolar.records import RawDocument, Rejection
from multipolar.settings import Settings

STAGE = "source"
CONTENT_FIELDS = ("text", "html")
KNOWN_FIELDS = ("id", "title", "url", "published", "outlet", "author", "text", "html")


def _record(uri: str, where: str, raw: bytes, obj: Any) -> RawDocument | Rejection:
    if not isinstance(obj, dict):
        return Rejection(
            uri, STAGE, "malformed",
            f"{where}: expected a JSON object with a `text` or `html` field, found {type(obj).__name__}",
        )
    if not any(isinstance(obj.get(k), str) and obj.get(k).strip() for k in CONTENT_FIELDS):
        present = ", ".join(sorted(map(str, obj))[:8]) or "none"
        return Rejection(
            uri, STAGE, "missing_text",
            f"{where}: no `text` or `html` field with content (fields present: {present}); add one",
        )
    return RawDocument(source_uri=where, raw=raw, raw_format="json", fields=obj)


def read_jsonl(path: Path, settings: Settings) -> Iterator[RawDocument | Rejection]:
    uri = str(path)
    opener = gzip.open if uri.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as handle:
            for number, line in enumerate(handle, 1):
                raw = line.rstrip(b"\r\n")
                if not raw.strip():
                    continue
                where = f"{uri}:{number}"
                if len(raw) > settings.max_bytes:
                    yield Rejection(
                        where, STAGE, "too_large",
                        f"{where}: line of {len(raw):,} bytes is over the limit of {settings.max_bytes:,}; "
                        f"raise it with --set max_bytes={len(raw)}",
                    )
                    continue
                try:
                    obj = json.loads(raw)
                except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                    yield Rejection(
                        where, STAGE, "malformed",
                        f"{where}: not valid JSON ({exc}); fix the line or remove it",
                    )
                    continue
                yield _record(uri, where, raw, obj)
    except (gzip.BadGzipFile, EOFError) as exc:
        yield Rejection(uri, STAGE, "malformed", f"{uri}: broken gzip stream ({exc}); re-compress or unpack the file")


def read_json(uri: str, raw: bytes) -> Iterator[RawDocument | Rejection]:
    try:
        obj = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ParseError(f"{uri}: not valid JSON ({exc}); fix the file", code="malformed") from None
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        obj = obj["documents"]
    if isinstance(obj, list):
        for index, item in enumerate(obj):
            item_raw = json.dumps(item, ensure_ascii=False, sort_keys=True).encode("utf-8")
            yield _record(uri, f"{uri}#{index}", item_raw, item)
    else:
        yield _record(uri, uri, raw, obj)


def read_csv(uri: str, raw: bytes) -> Iterator[RawDocument | Rejection]:
    """Rows of a CSV whose header names the document fields; `raw` is the record's own lines."""
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

    reader = csv.reader(feed())
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
    line_number = 1
    while True:
        consumed.clear()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(uri, STAGE, "malformed", f"{uri}:{line_number + 1}: malformed CSV ({exc})")
            return
        start = line_number + 1
        line_number += len(consumed)
        if not any(cell.strip() for cell in row):
            continue
        where = f"{uri}:{start}"
        if len(row) != len(header):
            yield Rejection(
                uri, STAGE, "malformed",
                f"{where}: {len(row)} cells where the header has {len(header)}; quote cells that hold commas",
            )
            continue
        record_raw = "".join(consumed).encode("utf-8")
        yield _record(uri, where, record_raw, dict(zip(header, row, strict=True)))


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
